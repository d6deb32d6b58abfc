"""Transfer learning: start a network from trained weights, and freeze layers while training.

`init_from` in an experiment names a checkpoint (a path) or the shipped model (`bundled:mnist-cnn`).
Its weights are copied into the layers whose type and weight shapes match, in order: the first
layer of the new network that has weights takes the first matching layer of the checkpoint, the
next one looks only after it, and so on. A layer with no match keeps its fresh start. The report
says, for every layer with weights, which happened.

A frozen layer's parameters do not learn (`requires_grad` False, not given to the optimizer), and a
frozen BatchNorm stays in evaluation mode while the rest trains: its running mean and variance keep
the values of the network it came from (in training mode they would drift towards the new data even
though nothing else about the layer changes — the classic transfer-learning pitfall).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from torch import nn

from playground.core.checkpoint import CheckpointError, LoadedModel, load_checkpoint
from playground.core.experiment import Experiment, LayerSpec
from playground.i18n import QT_TRANSLATE_NOOP, Message
from playground.resources import models_dir

BUNDLED_PREFIX = "bundled:"
BUNDLED_MODELS = {"mnist-cnn": "mnist-cnn.pt"}


@dataclass
class InitRow:
    """One layer with weights: its index in the network, its type, and whether it got trained weights."""

    index: int
    type: str
    loaded: bool
    source_index: int | None = None  # the checkpoint's layer it came from

    def to_dict(self) -> dict:
        return {"index": self.index, "type": self.type, "loaded": self.loaded}


def source_path(init_from: str) -> Path:
    """The file an `init_from` value names: a checkpoint path, or `bundled:NAME` for a shipped model."""
    if init_from.startswith(BUNDLED_PREFIX):
        name = init_from[len(BUNDLED_PREFIX):]
        if name not in BUNDLED_MODELS:
            raise CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
                "Data", "There is no bundled model called {name} — the bundled model is bundled:mnist-cnn"), name=name))
        return models_dir() / BUNDLED_MODELS[name]
    return Path(os.path.expanduser(init_from))


def source_label(init_from: str) -> str:
    """How the run names its starting weights: the bundled model's name or the file's name."""
    return init_from if init_from.startswith(BUNDLED_PREFIX) else Path(init_from).name


def load_source(init_from: str) -> LoadedModel:
    """The checkpoint `init_from` names, or a CheckpointError saying why it cannot be used."""
    return load_checkpoint(source_path(init_from))


def _has_state(module: nn.Module) -> bool:
    return any(True for _ in module.state_dict())


def _fits(target: nn.Module, source: nn.Module) -> bool:
    ours, theirs = target.state_dict(), source.state_dict()
    return ours.keys() == theirs.keys() and all(ours[k].shape == theirs[k].shape for k in ours)


def match_layers(layers: list[LayerSpec], model: nn.Module, source_layers: list[LayerSpec],
                 source_model: nn.Module) -> list[InitRow]:
    """Which checkpoint layer each of our layers with weights takes (in order; see the module's text)."""
    rows: list[InitRow] = []
    next_source = 0
    targets = list(model)
    sources = list(source_model)
    for index, (spec, module) in enumerate(zip(layers, targets, strict=True)):
        if not _has_state(module):
            continue
        found = None
        for j in range(next_source, len(sources)):
            if source_layers[j].type == spec.type and _has_state(sources[j]) and _fits(module, sources[j]):
                found = j
                break
        if found is None:
            rows.append(InitRow(index, spec.type, False))
        else:
            rows.append(InitRow(index, spec.type, True, found))
            next_source = found + 1
    return rows


def no_match_error(init_from: str) -> CheckpointError:
    return CheckpointError(Message("Data", QT_TRANSLATE_NOOP(
        "Data", "No layer of {file} fits this network (a layer takes weights only from one of the same type and "
                "shape) — start from a model trained for a similar network, or build the layers it has"),
        file=source_label(init_from)))


def initialize_from(model: nn.Module, experiment: Experiment, loaded: LoadedModel | None = None) -> list[InitRow]:
    """Copy the matching layers of `experiment.init_from` into `model` (built from `experiment`).

    Raises CheckpointError (the model untouched) for a file that cannot be read or has no layer that fits."""
    source = loaded or load_source(experiment.init_from)
    rows = match_layers(experiment.layers, model, source.experiment.layers, source.model)
    if not any(row.loaded for row in rows):
        raise no_match_error(experiment.init_from)
    targets, sources = list(model), list(source.model)
    for row in rows:
        if row.loaded:
            state = {k: v.detach().clone() for k, v in sources[row.source_index].state_dict().items()}
            targets[row.index].load_state_dict(state)
    return rows


def check_init_from(experiment: Experiment, input_shape: tuple[int, ...] | None = None) -> list[InitRow]:
    """The report `initialize_from` would give, on a throwaway model: for the window's "Start from trained
    weights…" and for a check before a run. Raises CheckpointError as it would."""
    from playground.core.build import build_model

    return initialize_from(build_model(experiment, input_shape), experiment)


# --------------------------------------------------------------------------- freezing


def frozen_modules(layers: list[LayerSpec], model: nn.Module) -> list[nn.Module]:
    return [module for spec, module in zip(layers, model, strict=True) if spec.frozen]


def freeze(layers: list[LayerSpec], model: nn.Module) -> list[nn.Parameter]:
    """Turn off learning in the frozen layers; the parameters that still learn, for the optimizer."""
    for module in frozen_modules(layers, model):
        for parameter in module.parameters():
            parameter.requires_grad_(False)
    return [p for p in model.parameters() if p.requires_grad]


def hold_frozen_statistics(layers: list[LayerSpec], model: nn.Module) -> None:
    """Put frozen normalization layers back into evaluation mode (after `model.train()`)."""
    for module in frozen_modules(layers, model):
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.eval()
