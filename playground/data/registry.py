"""Dataset names → what they look like (shape, classes) and how to load them into tensors.

`dataset_info` answers cheaply (no files read) so the GUI can infer shapes on every click;
`load_dataset` returns a `DataBundle` of ready, normalized tensors for the trainer.
"""

from __future__ import annotations

import os

import numpy as np

from playground.data import csv_import, generated
from playground.data.bundle import DataBundle, DatasetInfo
from playground.data.features import FEATURE_NAMES, apply_features, usable_features
from playground.i18n import QT_TRANSLATE_NOOP

IMAGE_DATASETS = ("mnist", "fashion-mnist")
POINT_DATASETS = tuple(generated.CLASSIFICATION) + tuple(generated.REGRESSION)

DATASET_LABELS = {  # marked for translation: the UI shows them with translate("Data", label)
    "mnist": QT_TRANSLATE_NOOP("Data", "MNIST digits"), "fashion-mnist": "Fashion-MNIST",
    "circle": QT_TRANSLATE_NOOP("Data", "Circle"), "xor": "XOR",
    "gauss": QT_TRANSLATE_NOOP("Data", "Two Gaussians"), "spiral": QT_TRANSLATE_NOOP("Data", "Spiral"),
    "moons": QT_TRANSLATE_NOOP("Data", "Moons"), "linear-9": QT_TRANSLATE_NOOP("Data", "Linear (9 points)"),
    "sine": QT_TRANSLATE_NOOP("Data", "Noisy sine"), "plane": QT_TRANSLATE_NOOP("Data", "Plane"),
    "csv": QT_TRANSLATE_NOOP("Data", "CSV file"),
}

__all__ = ["FEATURE_NAMES", "dataset_info", "dataset_names", "load_dataset"]


def dataset_names() -> list[str]:
    return [*IMAGE_DATASETS, *POINT_DATASETS, "csv"]


def dataset_info(spec) -> DatasetInfo:
    from playground.data import images

    name = spec.name
    if name in IMAGE_DATASETS:
        return DatasetInfo(name, (1, 28, 28), 10, 10, images.class_names(name))
    if name == "csv":
        n_in = max(1, len(spec.csv_features))
        if spec.csv_task == "regression":
            return DatasetInfo(name, (n_in,), 0, 1)
        classes = csv_import.peek_classes(spec) or ["0", "1"]
        return DatasetInfo(name, (n_in,), len(classes), len(classes), classes)
    features = usable_features(spec.features, generated.RAW_DIMS[name])
    if name in generated.REGRESSION:
        return DatasetInfo(name, (len(features),), 0, 1)
    return DatasetInfo(name, (len(features),), 2, 2, ["orange", "blue"])


def load_dataset(spec, seed: int = 0, data_dir: str | os.PathLike[str] | None = None) -> DataBundle:
    """Load (or generate) the data an experiment's `DatasetSpec` describes."""
    if spec.name in IMAGE_DATASETS:
        return _load_images(spec, seed, data_dir)
    if spec.name == "csv":
        points, targets, info = csv_import.load_for_training(spec)
        return _split_points(spec, info, points, targets, seed, features=list(spec.csv_features), mapped=points)
    info = dataset_info(spec)
    points, targets = generated.generate(spec.name, spec.samples, spec.noise, seed)
    features = usable_features(spec.features, generated.RAW_DIMS[spec.name])
    return _split_points(spec, info, points, targets, seed, features, apply_features(points, features))


def split_indices(spec, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(training, validation) row indices of generated points or CSV rows; the 2-D playground previews
    data with the same split before any run."""
    order = np.random.default_rng(seed + 1).permutation(n)
    n_val = int(round(n * spec.val_split)) if n > 2 else 0
    if spec.val_split > 0 and n_val == 0 and n > 2:
        n_val = 1
    val_idx, train_idx = order[:n_val], order[n_val:]
    if spec.name == "linear-9":  # nine points: the lesson fits all of them, and shows the fit on all
        train_idx, val_idx = np.arange(n), np.arange(n)
    return train_idx, val_idx


def _split_points(spec, info: DatasetInfo, points: np.ndarray, targets: np.ndarray, seed: int,
                  features: list[str], mapped: np.ndarray) -> DataBundle:
    import torch

    train_idx, val_idx = split_indices(spec, len(points), seed)
    x = torch.from_numpy(np.ascontiguousarray(mapped, dtype=np.float32))
    y = torch.from_numpy(np.ascontiguousarray(targets))
    t_train, t_val = torch.from_numpy(train_idx), torch.from_numpy(val_idx)
    return DataBundle(info, x[t_train], y[t_train], x[t_val], y[t_val], None, None, None,
                      points[train_idx], points[val_idx], features)


def _load_images(spec, seed: int, data_dir) -> DataBundle:
    import torch

    from playground.data import images

    root = str(images.resolve_data_dir(data_dir))
    train_images, train_labels = images.load_split(spec.name, root, True)
    test_images, test_labels = images.load_split(spec.name, root, False)
    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(train_images), generator=generator)
    if spec.limit:
        order = order[: spec.limit]
    n_val = int(len(order) * spec.val_split)
    val_idx, train_idx = order[:n_val], order[n_val:]

    # one vectorized conversion for the whole set: uint8 → float in [0, 1] → normalized
    def to_float(u8: torch.Tensor) -> torch.Tensor:
        return u8.unsqueeze(1).to(torch.float32).div_(255.0)

    train_all = to_float(train_images[order])
    if spec.normalize:
        part = train_all[n_val:]
        mean, std = float(part.mean()), float(part.std())
        normalization = (round(mean, 4), round(std, 4))
    else:
        normalization = (0.0, 1.0)
    mean, std = normalization

    def norm(x: torch.Tensor) -> torch.Tensor:
        return x.sub_(mean).div_(std) if spec.normalize else x

    train_all = norm(train_all)
    info = dataset_info(spec)
    return DataBundle(info, train_all[n_val:], train_labels[train_idx], train_all[:n_val], train_labels[val_idx],
                      norm(to_float(test_images)), test_labels, normalization)
