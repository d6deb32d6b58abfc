"""The Draw tab's work for its threads: get a model ready to read drawings, and read one.

Plain functions that run in a background thread (ui/background.py) and return what the panel
shows: `prepare_model` loads a checkpoint (or the bundled model) and makes a private CPU copy, so
predicting never touches a model another thread may still hold; `classify` reads ink or a picture
file. Problems come back as values with a message, never as exceptions across the thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.i18n import QT_TRANSLATE_NOOP, Message


@dataclass
class ModelReady:
    loaded: object  # LoadedModel, a private CPU copy
    source: str


@dataclass
class ModelProblem:
    message: str
    source: str


@dataclass
class Outcome:
    """What the panel shows for one request: a prediction, or a hint / a problem (no bars)."""

    prediction: object | None = None  # inference.predict.Prediction
    hint: str = ""  # a Message (shown translated) or a "Data" hint (see playground.inference.preprocess)
    ink: np.ndarray | None = None  # a file's ink, to show on the canvas


def prepare_model(source: str, loaded=None, path: str | None = None) -> ModelReady | ModelProblem:
    """Load (path, or the bundled model when neither is given) and make a private inference copy."""
    from playground.core.checkpoint import CheckpointError
    from playground.inference.predict import (
        IncompatibleModel,
        inference_copy,
        load_bundled_model,
        open_model,
    )

    try:
        if loaded is None:
            loaded = open_model(path) if path else load_bundled_model()
        return ModelReady(inference_copy(loaded), source)
    except (CheckpointError, IncompatibleModel) as exc:
        return ModelProblem(exc.args[0] if exc.args else str(exc), source)  # a Message: shown translated


def classify(loaded, ink: np.ndarray | None = None, path: str | None = None) -> Outcome:
    """Read ink (H×W, bright on dark) or the picture file at `path` with a prepared model."""
    from playground.inference.predict import predict
    from playground.inference.preprocess import EmptyImage, UnreadableImage, load_image_file

    try:
        if path is not None:
            ink = load_image_file(path)
        return Outcome(predict(loaded, ink), ink=ink if path is not None else None)
    except EmptyImage as exc:
        if path is None:
            return Outcome(hint=str(exc))
        return Outcome(hint=Message("DigitPanel", QT_TRANSLATE_NOOP("DigitPanel", "{file} is blank: no digit found."),
                                    file=Path(path).name))
    except UnreadableImage as exc:
        return Outcome(hint=exc.args[0] if exc.args else str(exc))
