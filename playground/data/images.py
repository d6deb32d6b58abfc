"""MNIST and FashionMNIST through torchvision, loaded once into tensors in memory.

The course's loop decodes a PIL image and runs ToTensor + Normalize for every sample of every
epoch; here the IDX files are read once into one uint8 tensor, scaled and normalized in one
vectorized step, and training slices batches out of it. That is where most of the speed-up over
a per-sample DataLoader comes from.
"""

from __future__ import annotations

import functools
import gzip
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from playground.files import atomic_copy
from playground.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:  # torch is imported by torchvision when data is loaded; shape inference never needs it
    import torch

DATA_ENV = "PLAYGROUND_DATA_DIR"

# English here, in checkpoints and on the command line; the window shows them with data_text()
FASHION_CLASSES = [
    QT_TRANSLATE_NOOP("Data", "T-shirt/top"), QT_TRANSLATE_NOOP("Data", "Trouser"),
    QT_TRANSLATE_NOOP("Data", "Pullover"), QT_TRANSLATE_NOOP("Data", "Dress"), QT_TRANSLATE_NOOP("Data", "Coat"),
    QT_TRANSLATE_NOOP("Data", "Sandal"), QT_TRANSLATE_NOOP("Data", "Shirt"), QT_TRANSLATE_NOOP("Data", "Sneaker"),
    QT_TRANSLATE_NOOP("Data", "Bag"), QT_TRANSLATE_NOOP("Data", "Ankle boot")]
DIGIT_CLASSES = [str(d) for d in range(10)]

FOLDERS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST"}  # dataset → torchvision's folder


class DataUnavailableError(RuntimeError):
    """The dataset's files cannot be used; `args[0]` is a `Message` that says what to do."""


class DataMissingError(DataUnavailableError):
    """The full set is not in the data folder (it may still be downloaded)."""


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


FULL_TRAIN_IMAGES = 60_000  # both full sets; the built-in sample has 6,000 (playground.data.sample)
IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def folder_name(name: str) -> str:
    """torchvision's folder (and the dataset's proper name): "MNIST", "FashionMNIST"."""
    return FOLDERS[name]


def raw_folder(name: str, root: str | os.PathLike[str]) -> Path:
    """Where torchvision keeps a dataset's IDX files: <root>/MNIST/raw."""
    return Path(root) / FOLDERS[name] / "raw"


def missing_message(name: str, root: str | os.PathLike[str], reason: object) -> Message:
    """The full set is not in the data folder and could not be downloaded (`reason`)."""
    return Message("Data", QT_TRANSLATE_NOOP(
        "Data", "The {dataset} files are not in {folder} and could not be downloaded ({reason}). Connect to the "
                "internet and try again, or put the IDX files ({files}, optionally .gz) in {folder}, or point NN "
                "Playground at a folder that has them with --data-dir or {variable}."),
        dataset=FOLDERS[name], folder=raw_folder(name, root), reason=reason, files=", ".join(IDX_FILES),
        variable=DATA_ENV)


def _damaged_message(name: str, root: Path, reason: str) -> Message:
    return Message("Data", QT_TRANSLATE_NOOP(
        "Data", "The {dataset} files in {folder} cannot be read ({reason}) — they are damaged or incomplete: delete "
                "them so they are downloaded again, or replace them with good copies."),
        dataset=FOLDERS[name], folder=raw_folder(name, root), reason=reason)


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__


@functools.lru_cache(maxsize=8)
def load_split(name: str, root: str, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """(images N×28×28 uint8, labels N int64) for one split of the full set in the data folder.

    Raises `DataMissingError` when the files are not there (`playground.data.download` fetches
    them; the registry then falls back to the built-in sample), `DataUnavailableError` when they
    are there but cannot be read.
    """
    cls = _torchvision_class(name)
    try:
        ds = cls(root, train=train, download=False)
    except Exception as exc:  # torchvision says RuntimeError when files are missing, other types when damaged
        if _complete(raw_folder(name, root)):
            raise DataUnavailableError(_damaged_message(name, Path(root), _first_line(exc))) from None
        _unpack_local_archives(name, Path(root))
        if not _complete(raw_folder(name, root)):
            raise DataMissingError(Message("Data", QT_TRANSLATE_NOOP("Data", "The {dataset} files are not in {folder}."),
                                           dataset=FOLDERS[name], folder=raw_folder(name, root))) from None
        try:
            ds = cls(root, train=train, download=False)
        except Exception as exc:
            raise DataUnavailableError(_damaged_message(name, Path(root), _first_line(exc))) from None
    return ds.data.clone(), ds.targets.clone().long()


def _complete(raw: Path) -> bool:
    return all((raw / f).is_file() for f in IDX_FILES)


def _unpack_local_archives(name: str, root: Path) -> None:
    """Decompress IDX files a person put in the folder as .gz (torchvision reads only plain files)."""
    raw = raw_folder(name, root)
    for f in IDX_FILES:
        archive = raw / f"{f}.gz"
        if (raw / f).is_file() or not archive.is_file():
            continue
        try:
            with gzip.open(archive, "rb") as source:
                atomic_copy(raw / f, source)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise DataUnavailableError(_damaged_message(name, root, f"{archive.name}: {_first_line(exc)}")) from None
        except OSError as exc:  # a folder we may read but not write to
            raise DataUnavailableError(Message("Data", QT_TRANSLATE_NOOP(
                "Data", "{archive} in {folder} must be unpacked, but the folder cannot be written to ({error}) — "
                        "unpack the .gz files there yourself, or copy them to a folder you can write to and "
                        "point --data-dir or {variable} at it."),
                archive=archive.name, folder=raw, error=exc.strerror, variable=DATA_ENV)) from None


def has_local_files(name: str, data_dir: str | os.PathLike[str] | None = None) -> bool:
    raw = raw_folder(name, resolve_data_dir(data_dir))
    return all((raw / f).is_file() or (raw / f"{f}.gz").is_file() for f in IDX_FILES)


def class_names(name: str) -> list[str]:
    return FASHION_CLASSES if name == "fashion-mnist" else DIGIT_CLASSES
