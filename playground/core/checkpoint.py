"""Checkpoints: weights, the experiment, the normalization and the metrics in one file.

Everything is stored as tensors and plain containers so the file loads with
``torch.load(weights_only=True)``: a checkpoint from a stranger cannot run code when opened.
The experiment travels as JSON text and is parsed by the same strict loader as experiment files.
"""

from __future__ import annotations

import io
import os
import pickle
import pickletools
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from playground.core.build import NetworkError, build_model
from playground.core.experiment import Experiment, ExperimentError
from playground.files import atomic_write_bytes
from playground.i18n import QT_TRANSLATE_NOOP, Message

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
    atomic_write_bytes(path, buffer.getvalue())


def not_a_checkpoint_error(path: str | os.PathLike[str]) -> CheckpointError:
    return CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
        "Data", "{file} is not a model checkpoint (or it is damaged) — choose a .pt file saved by NN Playground"),
        file=Path(path).name))


def _pickle_is_intact(path: Path) -> bool:
    """Whether the file's first pickle parses as pickle opcodes (read, never executed): a stranger's
    objects do, damaged bytes usually do not."""
    try:
        with open(path, "rb") as handle:
            for _ in pickletools.genops(handle):
                pass
    except Exception:  # genops raises ValueError for unknown opcodes and truncated arguments, and more
        return False
    return True


def load_checkpoint(path: str | os.PathLike[str]) -> LoadedModel:
    path = Path(path)
    if not path.exists():
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP("Data", "{path} does not exist"), path=path))
    not_a_checkpoint = not_a_checkpoint_error(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
    except OSError:  # a folder, or no permission
        raise not_a_checkpoint from None
    if head[:2] != b"PK" and head[:1] != b"\x80":
        # neither torch's zip format nor a pickle: without this, the unpickler may call a text or
        # image file "refused for containing Python objects", or raise whatever its bytes provoke
        raise not_a_checkpoint
    if head[:2] == b"PK" and not _zip_is_intact(path):
        # torch's zip format has a checksum per entry: a damaged byte in the pickle would otherwise be
        # "refused for containing Python objects" (the unpickler cannot tell damage from an attack)
        raise not_a_checkpoint
    try:
        with warnings.catch_warnings():  # torch warns about a stranger's pickle protocol before refusing it
            warnings.simplefilter("ignore")
            payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:  # a pickle stream the weights-only unpickler will not follow
        if head[:1] == b"\x80" and not _pickle_is_intact(path):
            raise not_a_checkpoint from None  # cut short or overwritten bytes, not a stranger's objects
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} was refused: it contains Python objects other than weights, which could run code when "
                    "opened. Only load checkpoints saved by NN Playground (or plain state dicts)."),
            file=path.name)) from None
    except Exception:  # the unpickler raises whatever arbitrary bytes provoke (KeyError, zipfile errors, ...)
        raise not_a_checkpoint from None
    if not isinstance(payload, dict) or payload.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} is a PyTorch file but not an NN Playground checkpoint — it has no experiment describing "
                    "the network. Save models with NN Playground to load them here."), file=path.name))
    try:  # a crafted or edited file may hold anything under these keys
        version = int(payload.get("version", 0))
        input_shape = tuple(int(d) for d in payload.get("input_shape", ()))
        norm = payload.get("normalization")
        normalization = (float(norm[0]), float(norm[1])) if norm else None
        class_names = [str(c) for c in payload.get("class_names", [])]
        metrics = dict(payload.get("metrics", {}))
    except (TypeError, ValueError, IndexError, KeyError):
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} is damaged: its description of the model cannot be read — choose a .pt file saved by "
                    "NN Playground"), file=path.name)) from None
    if version > CHECKPOINT_VERSION:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} was saved by a newer NN Playground — update the app to open it"), file=path.name))
    experiment_json = payload.get("experiment_json")
    if not isinstance(experiment_json, str):
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} is damaged: it has no experiment describing the network"), file=path.name))
    try:
        experiment = Experiment.from_json(experiment_json)
    except ExperimentError as exc:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP("Data", "{file} has an invalid experiment: {problem}"),
                                      file=path.name, problem=exc)) from None
    try:
        model = build_model(experiment, input_shape or None)
    except NetworkError as exc:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP("Data", "{file}: its network cannot be built: {problem}"),
                                      file=path.name, problem=exc.args[0] if exc.args else exc)) from None
    try:
        model.load_state_dict(payload["state_dict"], strict=True)
    except (RuntimeError, KeyError, TypeError, AttributeError) as exc:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file}: the weights do not fit the network described in the file ({problem}) — the file is "
                    "damaged or was edited"), file=path.name, problem=_state_dict_problem(exc))) from None
    model.eval()
    return LoadedModel(model, experiment, normalization, class_names, input_shape, metrics, str(path))


def _zip_is_intact(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError, zlib.error):
        return False


def _state_dict_problem(exc: BaseException) -> str:
    """torch's first line only says 'Error(s) in loading state_dict for Sequential:'; the next one says what."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return "missing weights"
    return lines[1] if len(lines) > 1 and lines[0].startswith("Error(s) in loading") else lines[0]


def load_weights_into(path: str | os.PathLike[str], model: nn.Module) -> None:
    """Load a checkpoint's weights into an existing model, refusing one of another architecture."""
    loaded = load_checkpoint(path)
    try:
        model.load_state_dict(loaded.model.state_dict(), strict=True)
    except RuntimeError as exc:
        raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} was trained for a different network than this one ({problem}) — open its experiment "
                    "instead, or train this network"), file=Path(path).name, problem=_state_dict_problem(exc))
                              ) from None
