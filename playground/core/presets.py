"""The course's networks as experiment files in resources/presets/."""

from __future__ import annotations

from pathlib import Path

from playground.core.experiment import Experiment, ExperimentError
from playground.resources import presets_dir


class PresetError(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


def preset_paths() -> dict[str, Path]:
    return {p.stem: p for p in sorted(presets_dir().glob("*.json"))}


def preset_names() -> list[str]:
    return list(preset_paths())


def load_preset(name: str) -> Experiment:
    paths = preset_paths()
    if name not in paths:
        raise PresetError(f"unknown preset {name!r}; available presets: {', '.join(paths)}")
    try:
        return Experiment.load(paths[name])
    except ExperimentError as exc:  # a broken bundled file is a bug, but still say which
        raise PresetError(f"preset {name!r} is invalid: {exc}") from None


def preset_descriptions() -> dict[str, str]:
    return {name: load_preset(name).description for name in preset_paths()}
