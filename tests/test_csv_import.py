"""CSV import: a generated file round-trips; bad files and bad rows are refused, naming their lines."""

import numpy as np
import pytest

from playground.core.experiment import DatasetSpec
from playground.data import csv_import, generated
from playground.data.csv_import import (
    CsvError,
    load_for_training,
    peek_classes,
    read_csv,
    write_csv,
)
from playground.data.registry import dataset_info, load_dataset


def spec_for(path, features=("x1", "x2"), target="label", task="classification", **extra) -> DatasetSpec:
    return DatasetSpec("csv", csv_path=str(path), csv_features=list(features), csv_target=target, csv_task=task,
                       **extra)


def test_a_generated_dataset_round_trips_through_a_csv_file(tmp_path):
    points, labels = generated.generate("moons", 120, 0.1, seed=3)
    path = tmp_path / "moons.csv"
    write_csv(path, ["x1", "x2", "label"], [(*p, int(c)) for p, c in zip(points, labels, strict=True)])

    x, y, info = load_for_training(spec_for(path))

    np.testing.assert_array_equal(x, points)  # float32 written with repr: exact
    np.testing.assert_array_equal(y, labels)
    assert x.dtype == np.float32 and y.dtype == np.int64
    assert info.input_shape == (2,) and info.num_classes == 2 and info.class_names == ["0", "1"]


def test_regression_targets_are_a_float_column(tmp_path):
    points, values = generated.generate("sine", 50, 0.0, seed=1)
    path = tmp_path / "sine.csv"
    write_csv(path, ["x", "y"], [(p[0], v[0]) for p, v in zip(points, values, strict=True)])
    x, y, info = load_for_training(spec_for(path, ["x"], "y", "regression"))
    assert x.shape == (50, 1) and y.shape == (50, 1) and y.dtype == np.float32
    np.testing.assert_allclose(y, values)
    assert info.task == "regression" and info.output_size == 1


def test_text_labels_become_classes_in_a_stable_order(tmp_path):
    path = tmp_path / "iris.csv"
    path.write_text("a,b,species\n1,2,versicolor\n3,4,setosa\n\n5,6,virginica\n7,8,setosa\n")
    data = read_csv(path, ["a", "b"], "species", "classification")
    assert data.class_names == ["setosa", "versicolor", "virginica"]
    assert data.targets.tolist() == [1, 0, 2, 0]
    # numbers are ordered by value, not as text
    assert csv_import.class_order({"10", "9", "cat", "2.5"}) == ["2.5", "9", "10", "cat"]


def test_bad_values_are_reported_with_their_line_numbers(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n1,2,0\n3,4,1\n5,abc,0\n\n7,,1\n8,9\n1,inf,0\n")
    with pytest.raises(CsvError) as raised:
        read_csv(path, ["x1", "x2"], "label", "classification")
    assert raised.value.problems == ["line 7: 2 values, but the header has 3 columns"]  # shape first
    path.write_text("x1,x2,label\n1,2,0\n3,4,1\n5,abc,0\n\n7,,1\n1,inf,0\n")
    with pytest.raises(CsvError) as raised:
        read_csv(path, ["x1", "x2"], "label", "classification")
    problems = raised.value.problems
    assert problems[0] == "line 4: 'abc' in column x2 is not a number"
    assert problems[1].startswith("line 6: an empty value in column x2")
    assert problems[2] == "line 7: 'inf' in column x2 is not a finite number"
    assert "line 4" in str(raised.value) and "line 7" in str(raised.value)


def test_empty_files_and_missing_columns_get_clear_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("\n  \n")
    with pytest.raises(CsvError, match="empty"):
        read_csv(empty, ["x"], "y", "regression")
    header_only = tmp_path / "header.csv"
    header_only.write_text("x,y\n")
    with pytest.raises(CsvError, match="no data rows"):
        read_csv(header_only, ["x"], "y", "regression")
    no_header = tmp_path / "numbers.csv"
    no_header.write_text("1,2,0\n3,4,1\n")
    with pytest.raises(CsvError, match="header row"):
        read_csv(no_header, ["x"], "y", "regression")
    good = tmp_path / "good.csv"
    good.write_text("x,y\n1,2\n")
    with pytest.raises(CsvError, match="no column 'z'; its columns are: x, y"):
        read_csv(good, ["z"], "y", "regression")
    with pytest.raises(CsvError, match="does not exist"):
        read_csv(tmp_path / "missing.csv", ["x"], "y", "regression")
    one_class = tmp_path / "one.csv"
    one_class.write_text("x,label\n1,a\n2,a\n")
    with pytest.raises(CsvError, match="only one class"):
        read_csv(one_class, ["x"], "label", "classification")


def test_peek_classes_is_cached_until_the_file_changes_and_never_raises(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x,label\n1,a\n2,b\n")
    spec = spec_for(path, ["x"])
    assert peek_classes(spec) == ["a", "b"]
    path.write_text("x,label\n1,a\n2,b\n3,c\n")
    import os

    os.utime(path, ns=(1, 10**18))  # a new modification time even on coarse clocks
    assert peek_classes(spec) == ["a", "b", "c"]
    assert dataset_info(spec).num_classes == 3
    assert peek_classes(spec_for(tmp_path / "nope.csv", ["x"])) == []


def test_a_csv_dataset_loads_and_splits_like_any_other(tmp_path):
    points, labels = generated.generate("circle", 100, 0.0, seed=0)
    path = tmp_path / "circle.csv"
    write_csv(path, ["x1", "x2", "label"], [(*p, int(c)) for p, c in zip(points, labels, strict=True)])
    bundle = load_dataset(spec_for(path, val_split=0.2), seed=0)
    assert len(bundle.train_x) == 80 and len(bundle.val_x) == 20
    assert bundle.train_points.shape == (80, 2)
