"""MNIST and FashionMNIST through torchvision, loaded once into tensors in memory.

The course's loop decodes a PIL image and runs ToTensor + Normalize for every sample of every
epoch; here the IDX files are read once into one uint8 tensor, scaled and normalized in one
vectorized step, and training slices batches out of it. That is where most of the speed-up over
a per-sample DataLoader comes from.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import torch

DATA_ENV = "PLAYGROUND_DATA_DIR"

FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                   "Ankle boot"]
DIGIT_CLASSES = [str(d) for d in range(10)]

_FOLDERS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST"}


class DataUnavailableError(RuntimeError):
    """The dataset's files are missing and could not be downloaded; the message says what to do."""


def default_data_dir() -> Path:
    """The platform's per-user data folder (no Qt needed)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "nn-playground" / "data"


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    if data_dir:
        return Path(data_dir).expanduser()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser()
    return default_data_dir()


def _torchvision_class(name: str):
    from torchvision import datasets

    return {"mnist": datasets.MNIST, "fashion-mnist": datasets.FashionMNIST}[name]


def _missing_message(name: str, root: Path, reason: str) -> str:
    folder = root / _FOLDERS[name] / "raw"
    files = "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"
    return (f"The {_FOLDERS[name]} files are not in {folder} and could not be downloaded ({reason}). "
            f"Connect to the internet and try again, or put the IDX files ({files}, optionally .gz) in {folder}, "
            f"or point NN Playground at a folder that has them with --data-dir or {DATA_ENV}.")


@functools.lru_cache(maxsize=8)
def load_split(name: str, root: str, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """(images N×28×28 uint8, labels N int64) for one split; downloads when the files are missing."""
    cls = _torchvision_class(name)
    try:
        ds = cls(root, train=train, download=False)
    except RuntimeError:
        try:
            ds = cls(root, train=train, download=True)
        except Exception as exc:  # network errors come in many types (URLError, OSError, ...)
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise DataUnavailableError(_missing_message(name, Path(root), reason)) from None
    return ds.data.clone(), ds.targets.clone().long()


def has_local_files(name: str, data_dir: str | os.PathLike[str] | None = None) -> bool:
    raw = resolve_data_dir(data_dir) / _FOLDERS[name] / "raw"
    return all((raw / f).exists() or (raw / f"{f}.gz").exists()
               for f in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"))


def class_names(name: str) -> list[str]:
    return FASHION_CLASSES if name == "fashion-mnist" else DIGIT_CLASSES
