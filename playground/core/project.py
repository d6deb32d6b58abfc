"""The project file: the experiment being edited plus every run of the session.

A project file is an experiment file with one more key, ``"runs"``: a list of finished runs
(the experiment each was trained with, its per-epoch history and per-batch losses, its final
metrics). A plain experiment file is therefore a project with no runs, and the experiment part
is read by the same strict loader as ever.

Runs are checked as strictly as the experiment: a hand-edited file with a wrong value is
refused with an `ExperimentError` naming the field (``runs[2].history[0].val_loss``).
No Qt and no torch here.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from dataclasses import dataclass, field, fields
from typing import Any

from playground.core.experiment import Experiment, parse_json, read_experiment_text
from playground.core.fields import (
    ExperimentError,
    check_keys,
    problem,
    read_float,
    read_int,
    read_list,
    read_object,
    read_optional_float,
    read_str,
)
from playground.files import atomic_write_text
from playground.i18n import QT_TRANSLATE_NOOP

RUN_STATUSES = ("completed", "stopped", "failed")
# the parameter that says how big a layer is, for the one-line network summary
_SIZE_PARAMS = ("units", "out_channels", "hidden_size", "p", "negative_slope")


@dataclass
class EpochRecord:
    """One epoch's numbers, as the trainer's EpochEvent reported them."""

    epoch: int
    train_loss: float
    train_accuracy: float | None = None
    val_loss: float | None = None
    val_accuracy: float | None = None
    lr: float | None = None
    seconds: float | None = None


@dataclass
class RunRecord:
    """A finished (or stopped) run: what was trained, how it went, how long it took."""

    name: str
    experiment: Experiment
    status: str = "completed"
    seconds: float = 0.0
    history: list[EpochRecord] = field(default_factory=list)
    batch_losses: list[float] = field(default_factory=list)
    batches_per_epoch: int = 0
    initial_accuracy: float | None = None
    test_accuracy: float | None = None
    test_loss: float | None = None

    @classmethod
    def from_end_event(cls, name: str, experiment: Experiment, end: Any, batch_losses: list[float],
                       batches_per_epoch: int = 0) -> RunRecord:
        """Build from the trainer's EndEvent (duck-typed, so this module does not import torch). The record keeps
        the run's own experiment, not a copy: no one changes an experiment in place, edits make new ones."""
        history = [EpochRecord(e.epoch, float(e.train_loss), e.train_accuracy, e.val_loss, e.val_accuracy,
                               e.lr, e.seconds) for e in end.history]
        return cls(name, experiment, end.status, float(end.seconds), history,
                   [float(v) for v in batch_losses], batches_per_epoch, end.initial_accuracy,
                   end.test_accuracy, end.test_loss)

    # ------------------------------------------------------------------ what the runs table shows
    @property
    def summary(self) -> str:
        return network_summary(self.experiment)

    @property
    def final(self) -> EpochRecord | None:
        return self.history[-1] if self.history else None

    def hyperparameters(self) -> dict[str, Any]:
        exp = self.experiment
        return {"optimizer": exp.optimizer.name, "lr": exp.optimizer.lr, "batch_size": exp.dataset.batch_size,
                "epochs": exp.epochs}

    # ------------------------------------------------------------------ files
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "experiment": self.experiment.to_dict(),
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "history": [{f.name: getattr(e, f.name) for f in fields(EpochRecord)} for e in self.history],
            # five significant digits: a loss curve needs no more, and long runs stay small on disk
            "batch_losses": [float(f"{v:.5g}") for v in self.batch_losses],
            "batches_per_epoch": self.batches_per_epoch,
            "initial_accuracy": self.initial_accuracy,
            "test_accuracy": self.test_accuracy,
            "test_loss": self.test_loss,
        }

    @classmethod
    def from_dict(cls, value: Any, where: str = "run") -> RunRecord:
        data = read_object(value, where)
        check_keys(data, {f.name for f in fields(RunRecord)}, where)
        for required in ("name", "experiment"):
            if required not in data:
                raise ExperimentError(f"{where}.{required}", problem(QT_TRANSLATE_NOOP("Experiment", "missing")))
        try:
            experiment = Experiment.from_dict(data["experiment"])
        except ExperimentError as exc:
            inner = f".{exc.field}" if exc.field else ""
            raise ExperimentError(f"{where}.experiment{inner}", exc.problem) from None
        run = cls(read_str(data["name"], f"{where}.name"), experiment)
        if "status" in data:
            run.status = read_str(data["status"], f"{where}.status", list(RUN_STATUSES))
        if "seconds" in data:
            run.seconds = read_float(data["seconds"], f"{where}.seconds", 0)
        if "history" in data:
            run.history = _parse_history(data["history"], f"{where}.history")
        if "batch_losses" in data:
            losses = read_list(data["batch_losses"], f"{where}.batch_losses", QT_TRANSLATE_NOOP("Experiment", "numbers"))
            run.batch_losses = [read_float(v, f"{where}.batch_losses[{i}]") for i, v in enumerate(losses)]
        if "batches_per_epoch" in data:
            run.batches_per_epoch = read_int(data["batches_per_epoch"], f"{where}.batches_per_epoch", 0)
        for name in ("initial_accuracy", "test_accuracy"):
            if name in data:
                setattr(run, name, read_optional_float(data[name], f"{where}.{name}", 0, 1))
        if "test_loss" in data:
            run.test_loss = read_optional_float(data["test_loss"], f"{where}.test_loss", 0)
        return run


def _parse_history(value: Any, where: str) -> list[EpochRecord]:
    records = []
    for i, item in enumerate(read_list(value, where, QT_TRANSLATE_NOOP("Experiment", "epochs"))):
        at = f"{where}[{i}]"
        data = read_object(item, at)
        check_keys(data, {f.name for f in fields(EpochRecord)}, at)
        if "epoch" not in data or "train_loss" not in data:
            raise ExperimentError(f"{at}.{'epoch' if 'epoch' not in data else 'train_loss'}",
                                  problem(QT_TRANSLATE_NOOP("Experiment", "missing")))
        record = EpochRecord(read_int(data["epoch"], f"{at}.epoch", 1),
                             read_float(data["train_loss"], f"{at}.train_loss", 0))
        for name in ("train_accuracy", "val_accuracy"):
            if name in data:
                setattr(record, name, read_optional_float(data[name], f"{at}.{name}", 0, 1))
        for name in ("val_loss", "lr", "seconds"):
            if name in data:
                setattr(record, name, read_optional_float(data[name], f"{at}.{name}", 0))
        records.append(record)
    return records


def network_summary(experiment: Experiment) -> str:
    """One line naming the layers: 'Flatten-Linear(128)-ReLU-Linear(10)'."""
    parts = []
    for layer in experiment.layers:
        size = next((layer.params[p] for p in _SIZE_PARAMS if p in layer.params), None)
        if layer.type == "Conv2d":
            k = layer.params.get("kernel_size", 3)
            parts.append(f"Conv2d({size}, {k}×{k})")
        elif layer.type in ("MaxPool2d", "AvgPool2d"):
            parts.append(f"{layer.type}({layer.params.get('kernel_size', 2)})")
        elif size is not None:
            parts.append(f"{layer.type}({size:g})")
        else:
            parts.append(layer.type)
    return "-".join(parts) or "(no layers)"


# --------------------------------------------------------------------------- project files


def save_project(path: str | os.PathLike[str], experiment: Experiment, runs: list[RunRecord]) -> None:
    """The experiment JSON plus a "runs" list, written atomically."""
    data = experiment.to_dict()
    data["runs"] = [run.to_dict() for run in runs]
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def load_project(path: str | os.PathLike[str]) -> tuple[Experiment, list[RunRecord]]:
    """Read a project (or a plain experiment file, which has no runs)."""
    return parse_project(read_experiment_text(path))


def parse_project(text: str) -> tuple[Experiment, list[RunRecord]]:
    if not text.strip():
        return Experiment.from_json(text), []  # says the file is empty, as for an experiment
    data = read_object(parse_json(text), "")  # the experiment's reader: not JSON, nested too deeply
    # the experiment loader refuses unknown keys, and "runs" is the project's, not the experiment's
    experiment_part = {k: v for k, v in data.items() if k != "runs"}
    experiment = Experiment.from_dict(experiment_part)
    raw_runs = read_list(data.get("runs", []), "runs", QT_TRANSLATE_NOOP("Experiment", "runs"))
    return experiment, [RunRecord.from_dict(item, f"runs[{i}]") for i, item in enumerate(raw_runs)]


# --------------------------------------------------------------------------- CSV export

CSV_COLUMNS = ("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds")


def run_metrics_csv(run: RunRecord) -> str:
    """Per-epoch metrics, one row per epoch, empty cells where a value does not exist."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in run.history:
        row = []
        for name in CSV_COLUMNS:
            value = getattr(record, name)
            row.append("" if value is None or (isinstance(value, float) and math.isnan(value)) else repr(value))
        writer.writerow(row)
    return buffer.getvalue()


def export_run_csv(run: RunRecord, path: str | os.PathLike[str]) -> None:
    atomic_write_text(path, run_metrics_csv(run))
