"""The course's networks as experiment files in resources/presets/."""

from __future__ import annotations

from pathlib import Path

from playground.core.experiment import Experiment, ExperimentError
from playground.i18n import QT_TRANSLATE_NOOP
from playground.resources import presets_dir

# The bundled presets' names and descriptions, as pyside6-lupdate must see them (literals), so the
# Presets menu can show them translated. tests/ui/test_i18n.py checks they match the JSON files.
PRESET_TEXTS = (
    QT_TRANSLATE_NOOP("Data", "CNN with augmentation"),
    QT_TRANSLATE_NOOP("Data", "Simple CNN trained on distorted digits: every image is rotated, shifted, scaled, made thicker "
                      "or thinner and blurred a little, differently each time, so the network has to learn what stays "
                      "a 3 when it is drawn differently. See the distortions in the preview under Augmentation. Train "
                      "it and the plain simple-cnn, then draw your own digits on the canvas and compare how each reads"
                      " them."),
    QT_TRANSLATE_NOOP("Data", "Transfer: MNIST features for Fashion-MNIST"),
    QT_TRANSLATE_NOOP("Data", "Lesson 004's transfer learning: the bundled MNIST CNN's five convolution blocks, trained on "
                      "digits, frozen (their weights and BatchNorm statistics stay as they are), with a new head "
                      "(Linear 64, ReLU, Linear 10) trained on only 1,000 Fashion-MNIST images (900 to train, 100 to "
                      "check). Only the head's 33,482 of 172,970 parameters learn, so each epoch is quick. Measured "
                      "honestly (benchmarks/RESULTS.md), it does worse than the same network trained from scratch on "
                      "the same images (75 % against 80 % test accuracy, 5 epochs): features learned on digits fit "
                      "clothing only in part. Try it: freeze fewer blocks (Freeze up to here), or Unfreeze all and "
                      "Start fresh (File → Start from trained weights…), and compare the runs in the Runs tab."),
    QT_TRANSLATE_NOOP("Data", "GRU on long sequences"),
    QT_TRANSLATE_NOOP("Data", "The long-memory sequences (T = 60) read by a GRU (hidden 32), all else as "
                      "in rnn-long. Its update gate starts by keeping almost all of the old state "
                      "(bias 3), so it learns what the RNN cannot, like the LSTM, with three sets "
                      "of gate weights instead of four; on a CPU it needs a few more epochs and "
                      "more time per epoch. Compare all three in the Runs tab."),
    QT_TRANSLATE_NOOP("Data", "Linear regression"),
    QT_TRANSLATE_NOOP("Data", "Lesson 003: y = wx + b fitted to its nine noisy points with the sum of "
                      "squared errors and plain gradient descent, all nine points in every step. "
                      "The two points at the right pull the least-squares line almost flat (w ≈ "
                      "−0.06, b ≈ 5.23). A sum grows with the number of points and with x², so "
                      "its steps are nine times those of the mean: above a learning rate of about "
                      "0.003 each step overshoots further than the last and the loss blows up."),
    QT_TRANSLATE_NOOP("Data", "LSTM on long sequences"),
    QT_TRANSLATE_NOOP("Data", "The long-memory sequences (T = 60) read by an LSTM (hidden 32), all else "
                      "as in rnn-long. Its forget gate starts almost open (bias 3), so the class "
                      "from the first steps survives 57 noisy steps: validation accuracy passes "
                      "90 % in the first epochs while the RNN stays at 25 %. Compare them in the "
                      "Runs tab; with the forget-gate bias at 0 (PyTorch's start) it stays at "
                      "chance too."),
    QT_TRANSLATE_NOOP("Data", "MLP with BatchNorm and Dropout"),
    QT_TRANSLATE_NOOP("Data", "784-256-256-10 with BatchNorm, ReLU and Dropout 0.5; AdamW with weight "
                      "decay and a cosine schedule"),
    QT_TRANSLATE_NOOP("Data", "RNN on long sequences"),
    QT_TRANSLATE_NOOP("Data", "Lesson 004's warning, made visible: 4,000 sequences of T = 60 steps whose "
                      "class (one of four) shows only in the first 3 steps; the rest is noise. A "
                      "plain RNN (hidden 32) stays near chance (25 %): by the last step the noise "
                      "has rewritten its memory, and the gradient fades on its way back. Train "
                      "lstm-long and gru-long too and compare the three in the Runs tab; with T = "
                      "10 the RNN learns as well."),
    QT_TRANSLATE_NOOP("Data", "RNN over rows"),
    QT_TRANSLATE_NOOP("Data", "A recurrent network reading the image row by row (28 steps), hidden 128, "
                      "then Linear 10"),
    QT_TRANSLATE_NOOP("Data", "Seed CNN"),
    QT_TRANSLATE_NOOP("Data", "Lesson 004's SimpleCNN, layer for layer: Conv2d 1→16 (3×3, padding 1), "
                      "ReLU, max-pool 2, Flatten, Linear 16·14·14 → 10; 31,530 parameters, nearly "
                      "all of them in the last layer. Simple CNN adds a second block (32 filters, "
                      "max-pool) before the classifier: it sees larger shapes with 35 % fewer "
                      "parameters and makes about a third fewer mistakes (2 epochs on 10,000 "
                      "MNIST training images: 96.5 % against 94.5 % test accuracy), for about "
                      "1.5 times the time per epoch on a CPU."),
    QT_TRANSLATE_NOOP("Data", "Seed MLP"),
    QT_TRANSLATE_NOOP("Data", "The course's first network: 784-128-64-10 MLP with ReLU on MNIST, Adam "
                      "1e-3"),
    QT_TRANSLATE_NOOP("Data", "Seed MLP with SGD"),
    QT_TRANSLATE_NOOP("Data", "The same MLP trained with SGD (lr 0.01, momentum 0.9) for 10 epochs"),
    QT_TRANSLATE_NOOP("Data", "Simple CNN"),
    QT_TRANSLATE_NOOP("Data", "Two convolution blocks (16 then 32 filters 3×3, ReLU, max-pool 2), then a "
                      "Linear classifier"),
    QT_TRANSLATE_NOOP("Data", "Spiral"),
    QT_TRANSLATE_NOOP("Data", "TensorFlow Playground's spiral: two hidden layers of 8 neurons with tanh, "
                      "all seven input features"),
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
