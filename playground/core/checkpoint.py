"""Checkpoints: weights, the experiment, the normalization and the metrics in one file.

Everything is stored as tensors and plain containers so the file loads with
``torch.load(weights_only=True)``: a checkpoint from a stranger cannot run code when opened.
The experiment travels as JSON text and is parsed by the same strict loader as experiment files.
"""

from __future__ import annotations

import io
import os
import pickle
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from playground.core.build import NetworkError, build_model
from playground.core.experiment import Experiment, ExperimentError, atomic_write_bytes

CHECKPOINT_FORMAT = "nn-playground-checkpoint"
CHECKPOINT_VERSION = 1


class CheckpointError(ValueError):
    """The file cannot be used as a model; the message says why and what to do."""


@dataclass
class LoadedModel:
    model: nn.Module
    experiment: Experiment
    normalization: tuple[float, float] | None
    class_names: list[str]
    input_shape: tuple[int, ...]
    metrics: dict[str, Any] = field(default_factory=dict)
    path: str = ""


def save_checkpoint(path: str | os.PathLike[str], model: nn.Module, experiment: Experiment, *,
                    input_shape: tuple[int, ...], class_names: list[str] | None = None,
                    normalization: tuple[float, float] | None = None,
                    metrics: dict[str, Any] | None = None) -> None:
    state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    payload = {
        "format": CHECKPOINT_FORMAT,
        "version": CHECKPOINT_VERSION,
        "experiment_json": experiment.to_json(),
        "state_dict": state,
        "input_shape": list(input_shape),
        "class_names": list(class_names or []),
        "normalization": list(normalization) if normalization else None,
        "metrics": {k: v for k, v in (metrics or {}).items() if isinstance(v, (int, float, str, type(None)))},
    }
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


def load_checkpoint(path: str | os.PathLike[str]) -> LoadedModel:
    path = Path(path)
    if not path.exists():
        raise CheckpointError(f"{path} does not exist")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        raise CheckpointError(
            f"{path.name} was refused: it contains Python objects other than weights, which could run code "
            "when opened. Only load checkpoints saved by NN Playground (or plain state dicts).") from None
    except (zipfile.BadZipFile, EOFError, RuntimeError, OSError, ValueError, AttributeError, TypeError):
        raise CheckpointError(f"{path.name} is not a model checkpoint (or it is damaged) — choose a .pt file saved "
                              "by NN Playground") from None
    if not isinstance(payload, dict) or payload.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"{path.name} is a PyTorch file but not an NN Playground checkpoint — it has no "
                              "experiment describing the network. Save models with NN Playground to load them here.")
    if int(payload.get("version", 0)) > CHECKPOINT_VERSION:
        raise CheckpointError(f"{path.name} was saved by a newer NN Playground — update the app to open it")
    try:
        experiment = Experiment.from_json(payload["experiment_json"])
    except (KeyError, ExperimentError) as exc:
        raise CheckpointError(f"{path.name} has an invalid experiment: {exc}") from None
    input_shape = tuple(int(d) for d in payload.get("input_shape", ()))
    try:
        model = build_model(experiment, input_shape or None)
    except NetworkError as exc:
        raise CheckpointError(f"{path.name}: its network cannot be built: {exc}") from None
    try:
        model.load_state_dict(payload["state_dict"], strict=True)
    except (RuntimeError, KeyError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else "missing weights"
        raise CheckpointError(f"{path.name}: the weights do not fit the network described in the file "
                              f"({first}) — the file is damaged or was edited") from None
    model.eval()
    norm = payload.get("normalization")
    return LoadedModel(model, experiment, tuple(norm) if norm else None, list(payload.get("class_names", [])),
                       input_shape, dict(payload.get("metrics", {})), str(path))


def load_weights_into(path: str | os.PathLike[str], model: nn.Module) -> None:
    """Load a checkpoint's weights into an existing model, refusing one of another architecture."""
    loaded = load_checkpoint(path)
    try:
        model.load_state_dict(loaded.model.state_dict(), strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{Path(path).name} was trained for a different network than this one "
                              f"({str(exc).splitlines()[1].strip() if len(str(exc).splitlines()) > 1 else exc}) — "
                              "open its experiment instead, or train this network") from None
