"""The course's networks as experiment files in resources/presets/."""

from __future__ import annotations

from pathlib import Path

from playground.core.experiment import Experiment, ExperimentError
from playground.i18n import QT_TRANSLATE_NOOP, Message
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
    QT_TRANSLATE_NOOP("Data", "Deep ReLU network"),
    QT_TRANSLATE_NOOP("Data", "The same ten Linear (64) layers as deep-sigmoid with ReLU instead of Sigmoid, same data and "
                      "optimizer. ReLU's slope is 1 where it is active, so the gradient reaches the first layer about "
                      "as strong as the last (ratio about 1.5 after one epoch) and the network learns (about 74 % "
                      "after one epoch). Watch the dead-unit bars on the ReLU rows."),
    QT_TRANSLATE_NOOP("Data", "Deep Sigmoid network (vanishing gradients)"),
    QT_TRANSLATE_NOOP("Data", "Lesson 002's warning, made visible: ten Linear (64) + Sigmoid layers on MNIST, SGD 0.05 with "
                      "momentum. Watch the network view while it trains: the colour turns blue towards the input as "
                      "the gradient shrinks by about 4 times at every Sigmoid (its slope is at most 0.25); after one "
                      "epoch the first layer's gradient is about 10⁻⁸ of the last layer's and accuracy stays near "
                      "chance. Compare deep-relu."),
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
    QT_TRANSLATE_NOOP("Data", "Mini ResNet"),
    QT_TRANSLATE_NOOP("Data", "Two residual convolution blocks on MNIST (or Fashion-MNIST): Conv2d 16 (3×3) and ReLU, max-pool "
                      "to 14×14, a block of two 3×3 convolutions whose Add brings back its input, max-pool to 7×7, a "
                      "second such block, then Linear 10 — 17,290 parameters, about half as many as seed-cnn. Watch "
                      "the shapes on the arrows: padding 1 keeps every block's output 16×14×14 (then 16×7×7), exactly "
                      "the shape of its skip, as an Add needs; set one convolution's padding to 0 and the Add turns "
                      "red, naming both shapes. About 97 % validation accuracy after two epochs."),
    QT_TRANSLATE_NOOP("Data", "Residual MLP"),
    QT_TRANSLATE_NOOP("Data", "A deep MLP with skip connections: Flatten, Linear 64 and ReLU, then four residual blocks "
                      "(Linear 64, ReLU, Linear 64, and an Add that brings back the block's input, then ReLU) and "
                      "Linear 10 — ten Linear layers, about as deep as deep-sigmoid. Watch the graph: each skip arrow "
                      "jumps over a block, and on the way back the Add hands the gradient to the layers below "
                      "unchanged, so the first layer learns as fast as the last and this depth trains like a shallow "
                      "network (about 91 % validation accuracy after one epoch on MNIST). Train deep-sigmoid too and "
                      "compare them in the Runs tab; then delete an Add (the skip goes with it) and see how much "
                      "slower the plain stack starts."),
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
        raise PresetError(Message("Presets", QT_TRANSLATE_NOOP(
            "Presets", "unknown preset {name}; available presets: {presets}"), name=repr(name), presets=", ".join(paths)))
    try:
        return Experiment.load(paths[name])
    except ExperimentError as exc:  # a broken bundled file is a bug, but still say which
        raise PresetError(Message("Presets", QT_TRANSLATE_NOOP(
            "Presets", "preset {name} is invalid: {problem}"), name=repr(name), problem=exc)) from None


def preset_descriptions() -> dict[str, str]:
    return {name: load_preset(name).description for name in preset_paths()}
