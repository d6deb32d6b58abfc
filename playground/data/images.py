"""MNIST and FashionMNIST through torchvision, loaded once into tensors in memory.

The course's loop decodes a PIL image and runs ToTensor + Normalize for every sample of every
epoch; here the IDX files are read once into one uint8 tensor, scaled and normalized in one
vectorized step, and training slices batches out of it. That is where most of the speed-up over
a per-sample DataLoader comes from.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import re
import socket
import sys
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from playground.files import atomic_copy

if TYPE_CHECKING:  # torch is imported by torchvision when data is loaded; shape inference never needs it
    import torch

DATA_ENV = "PLAYGROUND_DATA_DIR"

FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                   "Ankle boot"]
DIGIT_CLASSES = [str(d) for d in range(10)]

# torchvision's class for each image dataset; torchvision keeps its files in a folder of the same name
TORCHVISION_CLASSES = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST"}


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

    return getattr(datasets, TORCHVISION_CLASSES[name])


IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
# seconds without an answer before a download gives up: torchvision's own requests wait forever
DOWNLOAD_TIMEOUT = 30


def raw_folder(name: str, root: str | os.PathLike[str]) -> Path:
    """Where torchvision keeps a dataset's IDX files: <root>/MNIST/raw."""
    return Path(root) / TORCHVISION_CLASSES[name] / "raw"


def _missing_message(name: str, root: Path, reason: str) -> str:
    folder = raw_folder(name, root)
    files = ", ".join(IDX_FILES)
    return (f"The {TORCHVISION_CLASSES[name]} files are not in {folder} and could not be downloaded ({reason}). "
            f"Connect to the internet and try again, or put the IDX files ({files}, optionally .gz) in {folder}, "
            f"or point NN Playground at a folder that has them with --data-dir or {DATA_ENV}.")


def _damaged_message(name: str, root: Path, reason: str) -> str:
    folder = raw_folder(name, root)
    return (f"The {TORCHVISION_CLASSES[name]} files in {folder} cannot be read ({reason}) — they are damaged or incomplete: "
            "delete them so they are downloaded again, or replace them with good copies.")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__


@functools.lru_cache(maxsize=8)
def load_split(name: str, root: str, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """(images N×28×28 uint8, labels N int64) for one split; downloads when the files are missing."""
    cls = _torchvision_class(name)
    try:
        ds = cls(root, train=train, download=False)
    except Exception as exc:  # torchvision says RuntimeError when files are missing, other types when damaged
        if _complete(raw_folder(name, root)):
            raise DataUnavailableError(_damaged_message(name, Path(root), _first_line(exc))) from None
        _unpack_local_archives(name, Path(root))
        if not _complete(raw_folder(name, root)):
            _download(name, Path(root))
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
            raise DataUnavailableError(
                f"{archive.name} in {raw} must be unpacked, but the folder cannot be written to ({exc.strerror}) — "
                f"unpack the .gz files there yourself, or copy them to a folder you can write to and point "
                f"--data-dir or {DATA_ENV} at it.") from None


def _download(name: str, root: Path) -> None:
    """Download into a temporary folder and move the files in only when all of them arrived, so an
    interrupted or offline download leaves nothing half-written in the data folder."""
    cls = _torchvision_class(name)
    raw = raw_folder(name, root)
    with tempfile.TemporaryDirectory(prefix="nn-playground-download-") as tmp:
        try:
            # torchvision reports on stdout, which `playground train --json` keeps for JSON lines, and
            # draws a progress bar on stderr, where a failure must be one line: both are dropped
            chatter = io.StringIO()
            with (_socket_timeout(DOWNLOAD_TIMEOUT), contextlib.redirect_stdout(chatter),
                  contextlib.redirect_stderr(chatter)):
                cls(tmp, train=True, download=True)
        except Exception as exc:  # network errors come in many types (URLError, OSError, RuntimeError, ...)
            raise DataUnavailableError(_missing_message(name, root, _download_reason(exc))) from None
        fetched = raw_folder(name, tmp)
        try:
            raw.mkdir(parents=True, exist_ok=True)
            for f in IDX_FILES:
                if not (raw / f).is_file():
                    with open(fetched / f, "rb") as source:
                        atomic_copy(raw / f, source)
        except OSError as exc:
            raise DataUnavailableError(
                f"The {TORCHVISION_CLASSES[name]} files were downloaded but cannot be saved in {raw} ({exc.strerror}) — "
                f"choose a folder you can write to with --data-dir or {DATA_ENV}.") from None


def _download_reason(exc: BaseException) -> str:
    """The last line of torchvision's report is the actual network error: '[Errno -2] Name or service not known'."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    reason = lines[-1] if lines else type(exc).__name__
    match = re.fullmatch(r"<urlopen error (.*)>", reason)
    return match.group(1) if match else reason


@contextlib.contextmanager
def _socket_timeout(seconds: float):
    previous = socket.getdefaulttimeout()
    if previous is None:
        socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        if previous is None:
            socket.setdefaulttimeout(None)


def has_local_files(name: str, data_dir: str | os.PathLike[str] | None = None) -> bool:
    raw = raw_folder(name, resolve_data_dir(data_dir))
    return all((raw / f).is_file() or (raw / f"{f}.gz").is_file() for f in IDX_FILES)


def class_names(name: str) -> list[str]:
    return FASHION_CLASSES if name == "fashion-mnist" else DIGIT_CLASSES
