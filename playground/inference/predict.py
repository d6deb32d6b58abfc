"""Ask a trained image model what a drawing or a picture shows; the `playground predict` command.

`predict` is what both the canvas (on its worker thread) and the command line use, so a digit
is read the same way everywhere: `preprocess.mnist_pixels`, the model's own normalization, then
the outputs read as probabilities by `playground.core.predictions`.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from playground.core.checkpoint import CheckpointError, LoadedModel, load_checkpoint
from playground.core.predictions import experiment_reading
from playground.inference.preprocess import (
    SIZE,
    EmptyImage,
    UnreadableImage,
    load_image_file,
    mnist_pixels,
    normalize,
)
from playground.resources import models_dir

BUNDLED_MODEL_FILE = "mnist-cnn.pt"
IMAGE_SHAPE = (1, SIZE, SIZE)


class IncompatibleModel(ValueError):
    """The model does not take 28×28 grayscale images; the message says what it takes instead."""


@dataclass
class Prediction:
    probabilities: np.ndarray  # one per class, summing to 1
    top: int  # index of the most probable class
    label: str  # its name: the digit for MNIST, "Trouser" for FashionMNIST
    model_input: np.ndarray  # the 28×28 pixels in [0, 1] the network received (before normalization)

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.top])


def bundled_model_path() -> Path:
    return models_dir() / BUNDLED_MODEL_FILE


def load_bundled_model() -> LoadedModel:
    return open_model(bundled_model_path())


def open_model(path: str | os.PathLike[str]) -> LoadedModel:
    """`load_checkpoint`, with any failure of the unpickler on arbitrary bytes as a `CheckpointError`.

    torch's weights-only unpickler raises whatever the bytes provoke (a KeyError for a text file
    named .pt, for instance) and may warn first; a person choosing the wrong file must get one
    sentence, not a traceback.
    """
    not_a_checkpoint = CheckpointError(f"{Path(path).name} is not a model checkpoint (or it is damaged) — choose a "
                                       ".pt file saved by NN Playground")
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
    except OSError:
        head = b"PK"  # let load_checkpoint say what is wrong with the path
    if head[:2] != b"PK" and head[:1] != b"\x80":
        # neither torch's zip format nor a pickle: a text or image file would otherwise be
        # "refused for containing Python objects", which sends the person looking for the wrong problem
        raise not_a_checkpoint
    try:
        with warnings.catch_warnings():  # torch warns about a stranger's pickle protocol before refusing it
            warnings.simplefilter("ignore")
            return load_checkpoint(path)
    except CheckpointError:
        raise
    except Exception:
        raise not_a_checkpoint from None


def check_image_model(loaded: LoadedModel) -> None:
    """Raise `IncompatibleModel` unless the model reads 1×28×28 images."""
    shape = tuple(loaded.input_shape)
    if shape == IMAGE_SHAPE:
        return
    if len(shape) == 1:
        raise IncompatibleModel(f"This model takes {shape[0]} numbers as input (a 2-D or table model), not a "
                                "28×28 image — train a model on MNIST or FashionMNIST to read drawings.")
    described = "×".join(str(d) for d in shape) or "an unknown shape"
    raise IncompatibleModel(f"This model takes {described} inputs, not 28×28 grayscale images — train a model "
                            "on MNIST or FashionMNIST to read drawings.")


def inference_copy(loaded: LoadedModel) -> LoadedModel:
    """A CPU copy in eval mode, so predicting never touches a model another thread may still hold."""
    check_image_model(loaded)
    model = copy.deepcopy(loaded.model).cpu().eval()
    return LoadedModel(model, loaded.experiment, loaded.normalization, list(loaded.class_names),
                       tuple(loaded.input_shape), dict(loaded.metrics), loaded.path)


def predict_pixels(loaded: LoadedModel, pixels: np.ndarray) -> Prediction:
    """Classify 28×28 pixels that are already MNIST-prepared (ink bright, in [0, 1])."""
    check_image_model(loaded)
    x = torch.from_numpy(normalize(pixels, loaded.normalization)).reshape(1, *IMAGE_SHAPE)
    model = loaded.model
    device = next(model.parameters(), torch.empty(0)).device
    was_training = model.training
    model.eval()
    with torch.no_grad():
        outputs = model(x.to(device)).float().cpu()
    model.train(was_training)
    reading = experiment_reading(loaded.experiment, len(loaded.class_names) or outputs.shape[1])
    probabilities = reading.probabilities(outputs)[0].numpy().astype(np.float64)
    top = int(reading.classes(outputs)[0])
    names = loaded.class_names
    label = names[top] if top < len(names) else str(top)
    return Prediction(probabilities, top, label, pixels)


def predict(loaded: LoadedModel, image: np.ndarray) -> Prediction:
    """Classify ink (H×W, bright on dark, any size): MNIST preprocessing, then the model.

    Raises `EmptyImage` (message: a hint to draw) when there is no ink, `IncompatibleModel` when
    the model does not read 28×28 images.
    """
    check_image_model(loaded)
    return predict_pixels(loaded, mnist_pixels(image))


def predict_file(loaded: LoadedModel, path: str | os.PathLike[str]) -> Prediction:
    """Classify a picture file, dark-on-light or light-on-dark (`UnreadableImage`, `EmptyImage`)."""
    return predict(loaded, load_image_file(path))


# --------------------------------------------------------------------------- command line


def predict_cli(images: list[str], model_path: str | None = None) -> int:
    """`playground predict`: one JSON line per image; exit 1 if the model or any image failed."""
    try:
        loaded = open_model(model_path) if model_path else load_bundled_model()
        check_image_model(loaded)
    except (CheckpointError, IncompatibleModel) as exc:
        where = "" if model_path else "the bundled model: "
        print(f"playground: error: {where}{exc}", file=sys.stderr)
        return 1
    failures: list[str] = []
    for path in images:
        try:
            result = predict_file(loaded, path)
        except (UnreadableImage, EmptyImage) as exc:
            message = "no digit found: the image is blank" if isinstance(exc, EmptyImage) else str(exc)
            line = {"path": path, "error": message}
            failures.append(message if message.startswith(str(path)) else f"{path}: {message}")
        else:
            line = {"path": path, "digit": result.top, "label": result.label,
                    "probabilities": [round(float(p), 6) for p in result.probabilities]}
        print(json.dumps(line, ensure_ascii=False), flush=True)
    if not failures:
        return 0
    # stdout keeps one JSON line per image; stderr says once, for a person, that something failed
    summary = failures[0] if len(failures) == 1 else (
        f"{len(failures)} of {len(images)} images could not be classified; the first: {failures[0]}")
    print(f"playground: error: {summary}", file=sys.stderr)
    return 1
