"""The course's networks as experiment files in resources/presets/."""

from __future__ import annotations

from pathlib import Path

from playground.core.experiment import Experiment, ExperimentError
from playground.i18n import QT_TRANSLATE_NOOP
from playground.resources import presets_dir

# The bundled presets' names and descriptions, as pyside6-lupdate must see them (literals), so the
# Presets menu can show them translated. tests/ui/test_i18n.py checks they match the JSON files.
PRESET_TEXTS = (
    QT_TRANSLATE_NOOP("Data", "Linear regression"),
    QT_TRANSLATE_NOOP("Data", "The y = wx + b lesson: one Linear(1, 1) fitted to nine points with MSE and SGD"),
    QT_TRANSLATE_NOOP("Data", "MLP with BatchNorm and Dropout"),
    QT_TRANSLATE_NOOP("Data", "784-256-256-10 with BatchNorm, ReLU and Dropout 0.5; AdamW with weight decay "
                      "and a cosine schedule"),
    QT_TRANSLATE_NOOP("Data", "RNN over rows"),
    QT_TRANSLATE_NOOP("Data", "A recurrent network reading the image row by row (28 steps), hidden 128, "
                      "then Linear 10"),
    QT_TRANSLATE_NOOP("Data", "Seed MLP"),
    QT_TRANSLATE_NOOP("Data", "The course's first network: 784-128-64-10 MLP with ReLU on MNIST, Adam 1e-3"),
    QT_TRANSLATE_NOOP("Data", "Seed MLP with SGD"),
    QT_TRANSLATE_NOOP("Data", "The same MLP trained with SGD (lr 0.01, momentum 0.9) for 10 epochs"),
    QT_TRANSLATE_NOOP("Data", "Simple CNN"),
    QT_TRANSLATE_NOOP("Data", "Two convolution blocks (16 then 32 filters 3×3, ReLU, max-pool 2), then a Linear "
                      "classifier"),
    QT_TRANSLATE_NOOP("Data", "Spiral"),
    QT_TRANSLATE_NOOP("Data", "TensorFlow Playground's spiral: two hidden layers of 8 neurons with tanh, all "
                      "seven input features"),
)


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
