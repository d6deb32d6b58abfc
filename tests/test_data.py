"""Data: generated sets, image loading and its split, the data folder, downloads that fail cleanly
(no test ever reaches the network), and augmentation."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch
import torchvision.datasets
from helpers import (
    DATA_DIR,
    all_files,
    block_network,
    requires_mnist,
    serve_files,
    synthetic_idx,
    write_idx,
)

from playground import files
from playground.core.experiment import AugmentSpec, DatasetSpec
from playground.data import generated, images, sample
from playground.data.augment import augment_batch
from playground.data.features import FEATURE_NAMES, apply_features, usable_features
from playground.data.images import DataUnavailableError
from playground.data.registry import (
    DATASET_LABELS,
    SEQUENCE_DATASETS,
    dataset_info,
    dataset_names,
    load_dataset,
)


@pytest.fixture(autouse=True)
def fresh_cache():
    images.load_split.cache_clear()  # every test sees its own folders
    yield
    images.load_split.cache_clear()


# --------------------------------------------------------------------------- generated


@pytest.mark.parametrize("name", sorted(generated.CLASSIFICATION))
def test_generated_classification_sets(name):
    points, labels = generated.generate(name, 101, 0.1, seed=5)
    assert points.shape == (101, 2) and points.dtype == np.float32
    assert labels.shape == (101,) and labels.dtype == np.int64
    assert set(labels.tolist()) == {0, 1}
    if name != "xor":  # xor's classes are the quadrants its uniform points fall in
        assert abs(int(labels.sum()) - 50) <= 1
    assert np.abs(points).max() < 12
    again, _ = generated.generate(name, 101, 0.1, seed=5)
    other, _ = generated.generate(name, 101, 0.1, seed=6)
    assert np.array_equal(points, again) and not np.array_equal(points, other)


@pytest.mark.parametrize("name", sorted(generated.REGRESSION))
def test_generated_regression_sets(name):
    points, targets = generated.generate(name, 50, 0.0, seed=0)
    n = 9 if name == "linear-9" else 50
    assert points.shape == (n, generated.RAW_DIMS[name]) and targets.shape == (n, 1)
    assert targets.dtype == np.float32


def test_linear_nine_is_fitted_and_shown_on_all_nine_points():  # its values: tests/test_lessons.py
    bundle = load_dataset(DatasetSpec("linear-9", val_split=0.2))
    assert len(bundle.train_x) == len(bundle.val_x) == 9  # fits all nine and shows the fit on all


def test_noise_moves_the_points():
    clean, _ = generated.generate("circle", 200, 0.0, seed=1)
    noisy, _ = generated.generate("circle", 200, 0.5, seed=1)
    assert not np.allclose(clean, noisy)


def test_features_map_the_coordinates():
    points = np.array([[1.0, 2.0], [-3.0, 0.5]], dtype=np.float32)
    mapped = apply_features(points, FEATURE_NAMES)
    expected = [[1, 2, 1, 4, 2, np.sin(1), np.sin(2)], [-3, 0.5, 9, 0.25, -1.5, np.sin(-3), np.sin(0.5)]]
    assert mapped.shape == (2, 7) and np.allclose(mapped, expected)
    assert usable_features(["x1", "x2", "x1^2", "sin(x2)"], 1) == ["x1", "x1^2"]  # 1-D data has no x2
    assert usable_features(["x2"], 1) == ["x1"]


def test_load_dataset_uses_the_chosen_features():
    bundle = load_dataset(DatasetSpec("xor", samples=40, val_split=0.25, features=["x1", "x1*x2"]), seed=2)
    assert bundle.train_x.shape == (30, 2) and bundle.val_x.shape == (10, 2)
    assert bundle.train_points.shape == (30, 2) and bundle.features == ["x1", "x1*x2"]
    assert np.allclose(bundle.train_x[:, 1].numpy(), bundle.train_points[:, 0] * bundle.train_points[:, 1])
    assert bundle.test_x is None and bundle.normalization is None


def test_dataset_info_for_every_dataset():
    assert set(dataset_names()) == set(DATASET_LABELS)
    for name in dataset_names():
        if name == "csv":
            continue
        info = dataset_info(DatasetSpec(name))
        if name in ("mnist", "fashion-mnist"):
            assert (info.input_shape, info.num_classes, info.is_image) == ((1, 28, 28), 10, True)
            assert len(info.class_names) == 10
        elif name in generated.REGRESSION:
            assert (info.num_classes, info.output_size, info.task) == (0, 1, "regression")
        elif name in SEQUENCE_DATASETS:  # T steps (the spec's default) of 4 numbers, 4 classes
            assert (info.input_shape, info.num_classes, info.is_sequence) == ((60, 4), 4, True)
        else:
            assert (info.input_shape, info.num_classes, info.task) == ((2,), 2, "classification")
    assert dataset_info(DatasetSpec("fashion-mnist")).class_names[9] == "Ankle boot"
    assert dataset_info(DatasetSpec("sine", features=["x1", "x2", "sin(x1)"])).input_shape == (2,)


# --------------------------------------------------------------------------- images from files


def test_images_load_normalized_with_a_seeded_split(tmp_path):
    write_idx(tmp_path, n_train=60, n_test=20)
    spec = DatasetSpec("mnist", val_split=0.25)
    bundle = load_dataset(spec, seed=0, data_dir=tmp_path)
    assert bundle.train_x.shape == (45, 1, 28, 28) and bundle.val_x.shape == (15, 1, 28, 28)
    assert bundle.test_x.shape == (20, 1, 28, 28) and bundle.test_y.tolist() == [i % 10 for i in range(20)]
    assert bundle.train_x.dtype == torch.float32 and bundle.train_y.dtype == torch.int64
    mean, std = bundle.normalization
    assert bundle.train_x.mean().item() == pytest.approx(0, abs=1e-3)  # normalized with the training part
    assert bundle.train_x.std().item() == pytest.approx(1, abs=1e-2)
    assert bundle.train_x.min().item() == pytest.approx(-mean / std, abs=1e-4)  # the black border
    # the split is a permutation: every training image is used once, labels travel with their images
    labels = sorted(bundle.train_y.tolist() + bundle.val_y.tolist())
    assert labels == sorted(i % 10 for i in range(60))
    again = load_dataset(spec, seed=0, data_dir=tmp_path)
    other = load_dataset(spec, seed=1, data_dir=tmp_path)
    assert torch.equal(again.val_y, bundle.val_y) and not torch.equal(other.val_x, bundle.val_x)


def test_images_limit_and_no_normalization(tmp_path):
    write_idx(tmp_path, n_train=60, n_test=20)
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.1, limit=30, normalize=False), data_dir=tmp_path)
    assert len(bundle.train_x) == 27 and len(bundle.val_x) == 3
    assert bundle.normalization == (0.0, 1.0)
    assert 0 <= bundle.train_x.min() and bundle.train_x.max() <= 1


def test_local_gz_files_are_unpacked_without_the_network(tmp_path, monkeypatch):
    tried = block_network(monkeypatch)
    raw = write_idx(tmp_path, "fashion-mnist", gz=True, n_train=30, n_test=10)
    bundle = load_dataset(DatasetSpec("fashion-mnist", val_split=0.0), data_dir=tmp_path)
    assert len(bundle.train_x) == 30 and len(bundle.test_x) == 10
    assert tried == []
    assert all((raw / f).is_file() for f in images.IDX_FILES)
    assert images.has_local_files("fashion-mnist", tmp_path)


def test_offline_without_files_trains_on_the_sample_and_leaves_nothing(tmp_path, monkeypatch, capsys):
    tried = block_network(monkeypatch)
    started = time.perf_counter()
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.1), data_dir=tmp_path)
    assert time.perf_counter() - started < 10
    assert tried  # it did try to download first
    assert (bundle.source, bundle.source_images) == ("sample", sample.SAMPLE_TRAIN)
    assert len(bundle.train_x) == 5400 and len(bundle.val_x) == 600 and len(bundle.test_x) == sample.SAMPLE_TEST
    assert bundle.train_x.shape[1:] == (1, 28, 28) and bundle.train_y.dtype == torch.int64
    assert sorted(torch.bincount(bundle.test_y).tolist()) == [100] * 10  # class-balanced
    assert str(bundle.fallback_reason) == "no connection to ossci-datasets.s3.amazonaws.com ([Errno -2] Name or " \
                                          "service not known)"
    assert all_files(tmp_path) == []  # no empty MNIST/raw folder, no partial file
    assert capsys.readouterr().out == ""  # stdout belongs to `playground train --json`
    tried.clear()
    again = load_dataset(DatasetSpec("mnist", val_split=0.1), data_dir=tmp_path)
    assert again.source == "sample" and tried == []  # a failed download is not retried on every run


def test_the_fashion_sample_has_its_class_names(tmp_path, monkeypatch):
    block_network(monkeypatch)
    bundle = load_dataset(DatasetSpec("fashion-mnist", val_split=0.0), data_dir=tmp_path)
    assert bundle.source == "sample" and len(bundle.train_x) == sample.SAMPLE_TRAIN
    assert bundle.info.class_names[0] == "T-shirt/top"


def test_interrupted_download_leaves_nothing_half_written(tmp_path, monkeypatch):
    files = {f"{name}.gz": gzip.compress(payload) for name, payload in synthetic_idx().items()}
    requested = serve_files(monkeypatch, files, fail_after=100)  # the connection drops after 100 bytes
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources", [(name, None) for name in files])
    bundle = load_dataset(DatasetSpec("mnist"), data_dir=tmp_path)
    assert bundle.source == "sample" and "Connection reset by peer" in str(bundle.fallback_reason)
    assert requested
    assert all_files(tmp_path) == []


def test_a_completed_download_is_moved_into_the_data_folder(tmp_path, monkeypatch):
    files = {f"{name}.gz": gzip.compress(payload) for name, payload in synthetic_idx(40, 10).items()}
    serve_files(monkeypatch, files)
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources", [(name, None) for name in files])
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.0), data_dir=tmp_path / "new" / "data")
    assert len(bundle.train_x) == 40 and len(bundle.test_x) == 10
    assert (bundle.source, bundle.source_images) == ("full", 40)
    assert all_files(tmp_path / "new" / "data") == ["MNIST", "MNIST/raw", *[f"MNIST/raw/{f}" for f in
                                                                           sorted(images.IDX_FILES)]]


def test_damaged_files_are_named_as_damaged(tmp_path, monkeypatch):
    tried = block_network(monkeypatch)
    raw = write_idx(tmp_path, n_train=20, n_test=10)
    (raw / "train-images-idx3-ubyte").write_bytes(b"\x00\x00\x08\x03 truncated")
    with pytest.raises(DataUnavailableError) as info:
        load_dataset(DatasetSpec("mnist"), data_dir=tmp_path)
    assert f"The MNIST files in {raw} cannot be read" in str(info.value)
    assert "damaged or incomplete" in str(info.value)
    assert tried == []  # files that are there are not downloaded over


def test_data_dir_resolution(tmp_path, monkeypatch):
    monkeypatch.setenv(images.DATA_ENV, str(tmp_path / "from-env"))
    assert images.resolve_data_dir(tmp_path / "given") == tmp_path / "given"
    assert images.resolve_data_dir(None) == tmp_path / "from-env"
    assert images.resolve_data_dir("") == tmp_path / "from-env"
    monkeypatch.delenv(images.DATA_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(images.sys, "platform", "linux")
    assert images.resolve_data_dir(None) == tmp_path / "xdg" / "nn-playground" / "data"
    monkeypatch.setattr(images.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert images.default_data_dir() == tmp_path / "local" / "nn-playground" / "data"
    monkeypatch.setattr(images.sys, "platform", "darwin")
    assert images.default_data_dir().parts[-4:] == ("Library", "Application Support", "nn-playground", "data")


@requires_mnist
@pytest.mark.data
def test_real_mnist_split_sizes():
    bundle = load_dataset(DatasetSpec("mnist"), data_dir=DATA_DIR)
    assert (len(bundle.train_x), len(bundle.val_x), len(bundle.test_x)) == (9000, 1000, 10000)
    mean, std = bundle.normalization
    assert 0.12 < mean < 0.14 and 0.29 < std < 0.32  # MNIST's familiar (0.1307, 0.3081)


# --------------------------------------------------------------------------- augmentation

SPEC = AugmentSpec(enabled=True, rotation=20, shift=0.15, scale=0.2, stroke=0.5, blur=0.5)
BACKGROUND = (0 - 0.1307) / 0.3081


def digit_batch(n: int = 8) -> torch.Tensor:
    x = torch.full((n, 1, 28, 28), BACKGROUND)
    x[:, :, 6:22, 12:16] = (1 - 0.1307) / 0.3081  # a "1"
    return x


def test_augmentation_keeps_the_shape_and_the_background():
    x = digit_batch()
    out = augment_batch(x, SPEC, BACKGROUND, torch.Generator().manual_seed(0))
    assert out.shape == x.shape and out.dtype == x.dtype
    corners = out[:, :, [0, 0, -1, -1], [0, -1, 0, -1]]  # out of reach of the stroke however it moves
    assert torch.allclose(corners, torch.full_like(corners, BACKGROUND), atol=1e-5)
    blank = torch.full((4, 1, 28, 28), BACKGROUND)
    assert torch.allclose(augment_batch(blank, SPEC, BACKGROUND), blank, atol=1e-5)
    assert not torch.allclose(out, x)  # something moved


def test_augmentation_is_deterministic_with_a_generator():
    x = digit_batch()
    a = augment_batch(x, SPEC, BACKGROUND, torch.Generator().manual_seed(7))
    b = augment_batch(x, SPEC, BACKGROUND, torch.Generator().manual_seed(7))
    c = augment_batch(x, SPEC, BACKGROUND, torch.Generator().manual_seed(8))
    assert torch.equal(a, b) and not torch.equal(a, c)
    assert not torch.equal(a[0], a[1])  # each image gets its own distortion


def test_augmentation_with_everything_off_is_the_identity():
    x = digit_batch(3)
    off = AugmentSpec(enabled=True, rotation=0, shift=0, scale=0, stroke=0, blur=0)
    assert torch.allclose(augment_batch(x, off, BACKGROUND), x, atol=1e-5)


def test_a_broken_gz_file_is_named_as_damaged(tmp_path, monkeypatch):
    block_network(monkeypatch)
    raw = write_idx(tmp_path, gz=True, n_train=20, n_test=10)
    (raw / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(bytes(range(256)) * 40)[:60])  # cut short
    with pytest.raises(DataUnavailableError, match="t10k-labels-idx1-ubyte.gz: .*damaged or incomplete"):
        load_dataset(DatasetSpec("mnist"), data_dir=tmp_path)
    assert not any(name.endswith(".part") for name in all_files(tmp_path))


def test_gz_files_in_a_read_only_folder_say_so(tmp_path, monkeypatch):
    block_network(monkeypatch)
    write_idx(tmp_path, gz=True, n_train=20, n_test=10)

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    with pytest.raises(DataUnavailableError, match=r"cannot be written to \(Permission denied\) — unpack the .gz"):
        load_dataset(DatasetSpec("mnist"), data_dir=tmp_path)


def test_shape_inference_does_not_import_torch():
    code = ("import sys; from playground.core.presets import load_preset; "
            "from playground.core.shapes import infer_shapes; "
            "assert infer_shapes(load_preset('simple-cnn')).ok; assert 'torch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --------------------------------------------------------------------------- the built-in sample


@requires_mnist
@pytest.mark.data
def test_with_the_full_files_present_the_sample_is_never_used(monkeypatch):
    tried = block_network(monkeypatch)

    def no_sample(*args, **kwargs):
        raise AssertionError("the sample was read although the full set is there")

    monkeypatch.setattr(sample, "load_sample_split", no_sample)
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.1), data_dir=DATA_DIR)
    full_train = len(torchvision.datasets.MNIST(DATA_DIR, train=True).targets)
    assert (bundle.source, bundle.source_images, bundle.fallback_reason) == ("full", full_train, None)
    assert len(bundle.test_x) == 10_000 and tried == []


def _make_data_sample_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "make_data_sample.py"
    spec = importlib.util.spec_from_file_location("make_data_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.data
@pytest.mark.parametrize("name", ["mnist", "fashion-mnist"])
def test_the_sample_is_what_the_script_draws_from_the_official_files(name, tmp_path):
    if not (DATA_DIR and images.has_local_files(name, DATA_DIR)):
        pytest.skip(f"{name} files not found: set {images.DATA_ENV}")
    script = _make_data_sample_script()
    written = script.make(name, Path(DATA_DIR), tmp_path, script.SEED)
    assert [p.name for p in written] == [p.name for p in sample.sample_files(name)]
    for made, shipped in zip(written, sample.sample_files(name), strict=True):
        assert made.read_bytes() == shipped.read_bytes(), f"{shipped} is not what the script draws"
    # every sample image is an image of the official files, with its own label
    raw = images.raw_folder(name, DATA_DIR)
    for train in (True, False):
        images_file, labels_file = sample.SPLIT_FILES[train]
        official = {(bytes(x), int(y)) for x, y in zip(sample.read_idx(raw / images_file),
                                                       sample.read_idx(raw / labels_file), strict=True)}
        pictures, labels = sample.load_sample_split(name, train)
        assert all((bytes(x), int(y)) in official for x, y in zip(pictures, labels, strict=True))
        assert len({bytes(x) for x in pictures}) == len(pictures)  # no image twice


def test_the_sample_files_are_small_gzip_idx():
    for name in images.FOLDERS:
        assert sample.has_sample(name)
        size = sum(p.stat().st_size for p in sample.sample_files(name))
        assert size < 3.5e6, f"{name}: {size:,} bytes"
        for path in sample.sample_files(name):
            assert path.read_bytes()[:2] == b"\x1f\x8b"  # gzip, like the official files
