"""Layer and data edits as plain functions: each returns a changed copy and leaves its input alone."""

import pytest

from playground.core import catalog, edits
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.core.presets import load_preset


def types(exp: Experiment) -> list[str]:
    return [layer.type for layer in exp.layers]


@pytest.fixture
def seed() -> Experiment:
    return load_preset("seed-mlp")  # Flatten, Linear, ReLU, Linear, ReLU, Linear


def test_insert_puts_a_default_layer_where_asked_and_says_where_it_landed(seed):
    before = seed.copy()
    exp, row = edits.insert_layer(seed, "Dropout", 2)
    assert row == 2 and types(exp)[:4] == ["Flatten", "Linear", "Dropout", "ReLU"]
    assert exp.layers[2].params == catalog.LAYERS["Dropout"].defaults()
    assert seed == before  # the input is untouched
    at_end, row = edits.insert_layer(seed, "ReLU")
    assert row == len(seed.layers) and types(at_end)[-1] == "ReLU"
    clamped, row = edits.insert_layer(seed, "ReLU", 99)
    assert row == len(seed.layers) and types(clamped) == types(at_end)
    first, row = edits.insert_layer(seed, "ReLU", -3)
    assert row == 0 and types(first)[0] == "ReLU"


def test_delete_duplicate_and_move(seed):
    assert types(edits.delete_layer(seed, 0)) == ["Linear", "ReLU", "Linear", "ReLU", "Linear"]
    doubled = edits.duplicate_layer(seed, 1)
    assert types(doubled)[:3] == ["Flatten", "Linear", "Linear"]
    assert doubled.layers[2] == seed.layers[1] and doubled.layers[2].params is not doubled.layers[1].params
    moved = edits.move_layer(seed, 2, 3)  # ReLU below the Linear after it
    assert types(moved)[1:5] == ["Linear", "Linear", "ReLU", "ReLU"]
    assert edits.move_layer(moved, 3, 2) == seed  # and back
    with pytest.raises(IndexError):
        edits.delete_layer(seed, 6)
    with pytest.raises(IndexError):
        edits.move_layer(seed, 0, 6)


def test_set_a_parameter_changes_only_that_layer(seed):
    exp = edits.set_layer_param(seed, 1, "units", 256)
    assert exp.layers[1].params["units"] == 256 and seed.layers[1].params["units"] == 128
    assert exp.layers[3] == seed.layers[3]
    with pytest.raises(KeyError):
        edits.set_layer_param(seed, 1, "kernel_size", 3)  # Linear has no kernel


def test_switching_to_a_point_dataset_fits_the_output_the_loss_and_the_batch(seed):
    sine = edits.use_point_dataset(seed, "sine", output_size=1, task="regression")
    assert sine.dataset.name == "sine" and sine.layers[-1].params["units"] == 1 and sine.loss == "mse"
    assert sine.dataset.batch_size == edits.SMALL_BATCH  # from images: 64 would be a quarter of the points
    assert sine.dataset.val_split == edits.DEFAULT_TEST_SHARE
    nine = edits.use_point_dataset(sine, "linear-9", 1, "regression")
    assert nine.dataset.val_split == 0.0  # the lesson fits all nine points
    circle = edits.use_point_dataset(nine, "circle", 2, "classification")
    assert circle.dataset.val_split == edits.DEFAULT_TEST_SHARE and circle.loss == "cross_entropy"
    assert circle.layers[-1].params["units"] == 2


def test_a_csv_file_gets_a_small_mlp_and_one_output_per_class():
    cnn = load_preset("simple-cnn")
    exp = edits.use_csv(cnn, "/data/pets.csv", ["a", "b"], "kind", "classification", ["cat", "dog", "emu"])
    ds = exp.dataset
    assert (ds.name, ds.csv_path, ds.csv_features, ds.csv_target) == ("csv", "/data/pets.csv", ["a", "b"], "kind")
    assert types(exp) == ["Linear", "Tanh", "Linear", "Tanh", "Linear"] and exp.layers[-1].params["units"] == 3
    one_class = edits.use_csv(exp, "/data/one.csv", ["a"], "kind", "classification", ["cat"])
    assert one_class.layers[-1].params["units"] == 2  # never fewer than two outputs
    values = edits.use_csv(exp, "/data/prices.csv", ["a"], "price", "regression", [])
    assert values.layers[-1].params["units"] == 1 and values.loss == "mse"


def test_regularization_is_one_kind_at_a_time_and_never_a_zero_rate():
    exp = Experiment(dataset=DatasetSpec("circle"), layers=[LayerSpec("Linear", {"units": 2, "bias": True})])
    l2 = edits.set_regularization(exp, "L2", 0.01)
    assert (l2.l1, l2.l2) == (0.0, 0.01)
    l1 = edits.set_regularization(l2, "L1", 0.0)
    assert (l1.l1, l1.l2) == (0.001, 0.0)
    none = edits.set_regularization(l1, "None", 0.3)
    assert (none.l1, none.l2) == (0.0, 0.0)


def test_changed_returns_an_edited_copy_and_leaves_the_original_alone():
    from playground.core.edits import changed
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp")
    lr = exp.optimizer.lr
    new = changed(exp, lambda e: setattr(e.optimizer, "lr", lr * 10))
    assert new.optimizer.lr == lr * 10 and exp.optimizer.lr == lr and new is not exp
