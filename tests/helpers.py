"""Helpers shared by the core tests: tiny experiments on generated data, the MNIST skip marker,
synthetic IDX files, and a network that refuses every connection (no test ever downloads)."""

from __future__ import annotations

import gzip
import io
import os
import struct
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from playground.core.experiment import (
    DatasetSpec,
    Experiment,
    LayerSpec,
    OptimizerSpec,
    SchedulerSpec,
)
from playground.data import images

DATA_DIR = os.environ.get(images.DATA_ENV, "")


def has_mnist() -> bool:
    return bool(DATA_DIR) and all((images.raw_folder("mnist", DATA_DIR) / f).is_file() for f in images.IDX_FILES)


requires_mnist = pytest.mark.skipif(
    not has_mnist(), reason=f"MNIST files not found: set {images.DATA_ENV} to a folder with MNIST/raw/*-ubyte")


def linear(units: int, bias: bool = True) -> LayerSpec:
    return LayerSpec("Linear", {"units": units, "bias": bias})


def layer(type_name: str, **params) -> LayerSpec:
    """A layer with the catalog's defaults for everything not given, as the editor creates it."""
    from playground.core import catalog

    return LayerSpec(type_name, {**catalog.LAYERS[type_name].defaults(), **params})


def tiny_experiment(dataset: str = "circle", layers: list[LayerSpec] | None = None, *, loss: str = "cross_entropy",
                    optimizer: str = "adam", lr: float = 0.01, epochs: int = 2, samples: int = 120,
                    batch_size: int = 20, seed: int = 0, scheduler: str = "none", **dataset_fields) -> Experiment:
    """A network on generated data that trains in milliseconds."""
    outputs = 1 if dataset in ("sine", "plane", "linear-9") else 2
    if layers is None:
        layers = [linear(8), LayerSpec("ReLU"), linear(outputs)]
    return Experiment(
        name="tiny", dataset=DatasetSpec(dataset, batch_size=batch_size, samples=samples, **dataset_fields),
        layers=layers, loss=loss, optimizer=OptimizerSpec(optimizer, lr=lr),
        scheduler=SchedulerSpec(scheduler), epochs=epochs, seed=seed, device="cpu")


# lesson 003, get_data(): the points exactly as the lesson writes them
LESSON_X = [1.1, 2.2, 3, 4, 5, 6, 7, 8.999, 9.555]
LESSON_Y = [2.2, 4.5, 4, 6, 8.245, 7, 9, 1, 2.5]


def tiny_points(epochs: int = 2) -> Experiment:
    """A 2-D classifier trained in a second: every live view has something to show."""
    return Experiment(name="tiny", dataset=DatasetSpec("circle", batch_size=16, samples=160, val_split=0.25),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("sgd", lr=0.3), epochs=epochs, device="cpu")


def least_squares() -> tuple[float, float, float]:
    """(w, b, SSE) of the best line through the lesson's points, by numpy alone."""
    x, y = np.array(LESSON_X), np.array(LESSON_Y)
    w, b = np.polyfit(x, y, 1)
    return float(w), float(b), float(((w * x + b - y) ** 2).sum())


# --------------------------------------------------------------------------- IDX files


def idx_bytes(array: np.ndarray) -> bytes:
    """An array of uint8 in the IDX format torchvision reads (magic: 0, 0, type 0x08, rank)."""
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def synthetic_idx(n_train: int = 60, n_test: int = 20, seed: int = 0) -> dict[str, bytes]:
    """Four IDX files of random 28×28 'digits' with labels 0–9 (content is irrelevant, shapes are real)."""
    rng = np.random.default_rng(seed)
    files = {}
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        pictures = np.zeros((n, 28, 28), dtype=np.uint8)
        pictures[:, 8:20, 8:20] = rng.integers(0, 256, (n, 12, 12))  # ink in the middle, black border
        files[f"{prefix}-images-idx3-ubyte"] = idx_bytes(pictures)
        files[f"{prefix}-labels-idx1-ubyte"] = idx_bytes(np.arange(n) % 10)
    return files


def write_idx(root: Path, name: str = "mnist", gz: bool = False, **sizes) -> Path:
    """Write synthetic IDX files into <root>/MNIST/raw (or FashionMNIST); returns the raw folder."""
    raw = images.raw_folder(name, root)
    raw.mkdir(parents=True, exist_ok=True)
    for filename, payload in synthetic_idx(**sizes).items():
        if gz:
            (raw / f"{filename}.gz").write_bytes(gzip.compress(payload))
        else:
            (raw / filename).write_bytes(payload)
    return raw


# --------------------------------------------------------------------------- network


def block_network(monkeypatch) -> list[str]:
    """Every urlopen fails at once, as offline with no DNS; returns the list of URLs that were tried."""
    tried: list[str] = []

    def refuse(request, *args, **kwargs):
        tried.append(getattr(request, "full_url", str(request)))
        raise urllib.error.URLError("[Errno -2] Name or service not known")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return tried


class FakeResponse(io.BytesIO):
    """Enough of an HTTP response for torchvision's downloader; `fail_after` bytes, then the connection drops."""

    def __init__(self, url: str, payload: bytes, fail_after: int | None = None):
        super().__init__(payload)
        self.url = url
        self.length = len(payload)
        self.fail_after = fail_after

    def read(self, size: int = -1) -> bytes:
        if self.fail_after is not None and self.tell() >= self.fail_after:
            raise ConnectionResetError(104, "Connection reset by peer")
        if self.fail_after is not None:
            size = min(size if size >= 0 else self.fail_after, self.fail_after - self.tell())
        return super().read(size)


def serve_files(monkeypatch, files: dict[str, bytes], fail_after: int | None = None) -> list[str]:
    """urlopen answers with the named file (by the URL's last part); returns the URLs requested."""
    requested: list[str] = []

    def answer(request, *args, **kwargs):
        url = getattr(request, "full_url", str(request))
        requested.append(url)
        name = url.rsplit("/", 1)[-1]
        if name not in files:
            raise urllib.error.HTTPError(url, 404, "Not Found", {}, None)
        return FakeResponse(url, files[name], fail_after)

    monkeypatch.setattr(urllib.request, "urlopen", answer)
    return requested


def all_files(folder: Path) -> list[str]:
    """Every file and folder under `folder`, relative, sorted (to show nothing was left behind)."""
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))
