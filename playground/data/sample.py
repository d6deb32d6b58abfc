"""The built-in sample of MNIST and Fashion-MNIST: 6,000 training and 1,000 test images of each,
shipped in `resources/data/` so that a first launch without internet still trains on real images.

The files are gzip IDX, the format of the official files; `scripts/make_data_sample.py` draws them
(class-balanced, fixed seed) and `resources/data/README.md` says where from and under which licence.
Reading them needs only numpy: the full sets go through torchvision, which reads plain IDX files only.
"""

from __future__ import annotations

import functools
import gzip
import struct
from pathlib import Path

import numpy as np

from playground.data.images import FOLDERS
from playground.resources import resources_dir

SAMPLE_TRAIN = 6000  # training images per dataset (600 of each class)
SAMPLE_TEST = 1000  # test images per dataset (100 of each class)
SPLIT_FILES = {True: ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
               False: ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}

_IDX_UBYTE = 0x08  # the element type of every MNIST file: unsigned byte


class SampleError(RuntimeError):
    """A sample file is missing or damaged (a broken installation)."""


def sample_folder(name: str) -> Path:
    """Where the sample of `name` ("mnist" or "fashion-mnist") lives: resources/data/MNIST, ..."""
    return resources_dir() / "data" / FOLDERS[name]


def sample_files(name: str) -> list[Path]:
    return [sample_folder(name) / f"{f}.gz" for split in (True, False) for f in SPLIT_FILES[split]]


def has_sample(name: str) -> bool:
    return all(path.is_file() for path in sample_files(name))


def read_idx(path: str | Path) -> np.ndarray:
    """An IDX file of unsigned bytes (plain or .gz) as a uint8 array of the shape in its header."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        payload = handle.read()
    if len(payload) < 4:
        raise ValueError(f"{path.name}: too short for an IDX file")
    zero, element_type, rank = struct.unpack(">HBB", payload[:4])
    if zero != 0 or element_type != _IDX_UBYTE or not 1 <= rank <= 3:
        raise ValueError(f"{path.name}: not an IDX file of unsigned bytes")
    shape = struct.unpack(f">{rank}I", payload[4:4 + 4 * rank])
    body = payload[4 + 4 * rank:]
    if len(body) != int(np.prod(shape)):
        raise ValueError(f"{path.name}: the header says {shape} but the file holds {len(body)} bytes")
    return np.frombuffer(body, dtype=np.uint8).reshape(shape)


def idx_bytes(array: np.ndarray) -> bytes:
    """`array` (uint8) in the IDX format: two zero bytes, the type, the rank, the sizes, the data."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">HBB", 0, _IDX_UBYTE, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def write_idx_gz(path: str | Path, array: np.ndarray) -> None:
    """Write `array` as gzip IDX with no name or time in the gzip header, so a rerun gives the same bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9,
                                                mtime=0) as handle:
        handle.write(idx_bytes(array))


@functools.lru_cache(maxsize=4)
def load_sample_split(name: str, train: bool) -> tuple[np.ndarray, np.ndarray]:
    """(images N×28×28 uint8, labels N uint8) of the sample's training or test split."""
    images_file, labels_file = (sample_folder(name) / f"{f}.gz" for f in SPLIT_FILES[train])
    try:
        pictures, labels = read_idx(images_file), read_idx(labels_file)
    except (OSError, EOFError, ValueError, gzip.BadGzipFile) as exc:
        raise SampleError(f"the built-in sample of {FOLDERS[name]} cannot be read ({exc}) — reinstall NN Playground"
                          ) from None
    if pictures.ndim != 3 or labels.ndim != 1 or len(pictures) != len(labels):
        raise SampleError(f"the built-in sample of {FOLDERS[name]} is damaged — reinstall NN Playground")
    return pictures, labels
