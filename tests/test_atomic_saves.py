"""Every save in the app writes a temporary file and renames it into place, so a crash mid-save never
leaves a half-written file: here the rename fails (as a crash or a full disk would stop the save) and
the file that was there before must be intact, with no temporary file left beside it."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from helpers import layer, linear, synthetic_idx, tiny_experiment

from playground.core.build import build_model
from playground.core.checkpoint import save_checkpoint
from playground.core.export import export_torchscript
from playground.core.project import EpochRecord, RunRecord, export_run_csv, save_project
from playground.data import csv_import, images

torch.set_num_threads(1)


def _model():
    exp = tiny_experiment("circle", [linear(4), layer("ReLU"), linear(2)])
    return exp, build_model(exp, (2,))


def _run() -> RunRecord:
    exp, _ = _model()
    return RunRecord("Run 1", exp, "completed", 1.0, [EpochRecord(1, 0.5, 0.8, 0.4, 0.9)], [0.6, 0.5], 2)


def save_experiment(path: Path) -> None:
    tiny_experiment().save(path)


def save_model(path: Path) -> None:
    exp, model = _model()
    save_checkpoint(path, model, exp, input_shape=(2,))


def save_a_project(path: Path) -> None:
    save_project(path, tiny_experiment(), [_run()])


def export_metrics(path: Path) -> None:
    export_run_csv(_run(), path)


def export_points(path: Path) -> None:
    csv_import.write_csv(path, ["x1", "x2", "label"], [(0.5, 1.5, "a"), (2.0, 3.0, "b")])


def export_script_model(path: Path) -> None:
    _, model = _model()
    export_torchscript(model, (2,), path)


SAVES: dict[str, Callable[[Path], None]] = {
    "experiment (File → Save)": save_experiment,
    "checkpoint (Save trained model, train --out)": save_model,
    "project with runs (File → Save)": save_a_project,
    "run metrics CSV (Runs → Export)": export_metrics,
    "points CSV": export_points,
    "TorchScript export": export_script_model,
}


def _fail_the_rename(monkeypatch) -> None:
    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_save_that_fails_leaves_the_old_file_whole(save, tmp_path, monkeypatch):
    path = tmp_path / "target"
    path.write_bytes(b"the previous version")
    _fail_the_rename(monkeypatch)
    with pytest.raises(OSError):
        save(path)
    assert path.read_bytes() == b"the previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]  # no temporary file left behind


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_every_save_is_on_the_disk_before_it_replaces_the_old_file(save, tmp_path, monkeypatch):
    """fsync before the rename: after a power cut the file holds the old or the new version, not nothing."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda *args: (events.append("replace"), real_replace(*args))[1])
    save(tmp_path / "target")
    assert events[-2:] == ["fsync", "replace"]


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_save_that_works_leaves_only_the_file(save, tmp_path):
    path = tmp_path / "target"
    path.write_bytes(b"the previous version")
    save(path)
    assert path.read_bytes() != b"the previous version" and path.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]


def test_unpacking_downloaded_data_never_leaves_half_a_file(tmp_path, monkeypatch):
    raw = images.raw_folder("mnist", tmp_path)
    raw.mkdir(parents=True)
    for name, payload in synthetic_idx().items():
        (raw / f"{name}.gz").write_bytes(gzip.compress(payload))
    _fail_the_rename(monkeypatch)
    with pytest.raises(images.DataUnavailableError, match="cannot be written to"):
        images._unpack_local_archives("mnist", tmp_path)
    assert sorted(p.name for p in raw.iterdir()) == sorted(f"{f}.gz" for f in images.IDX_FILES)
