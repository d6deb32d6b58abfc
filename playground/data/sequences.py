"""Generated sequences for the long-memory lesson: the answer is at the start, the rest is noise.

Lesson 004 says a plain RNN loses what it saw long ago and that LSTM and GRU were made to keep it.
Here every sequence is T steps of four numbers. Its class (one of four) shows only in the first
three steps, as a bump of +2 on the class's own channel; every step, those three included, also
carries Gaussian noise of the chosen strength. A network reads all T steps and answers after the
last one, so it must carry the first steps' message through T − 3 steps of noise. A plain RNN's
memory is rewritten by every noisy input and its gradient fades over the distance: as T grows its
accuracy falls to chance (25 %), while an LSTM or GRU, whose gates can hold the memory, still
learns.
"""

from __future__ import annotations

import numpy as np

CLASSES = 4
FEATURES = CLASSES  # one channel per class: the class's channel rises in the informative steps
INFORMATIVE_STEPS = 3
SIGNAL = 2.0  # the bump on the class's channel, against noise of standard deviation `noise` (at most 1)
MIN_LENGTH, MAX_LENGTH = 5, 200
CLASS_NAMES = ["A", "B", "C", "D"]

LONG_MEMORY = "long-memory"
SEQUENCE_DATASETS = (LONG_MEMORY,)
# What a new long-memory experiment starts from (the preset's values): enough sequences to learn from
# in a few epochs, noise that drowns a plain RNN, and a length at which it does.
DEFAULTS = {"samples": 4000, "noise": 1.0, "val_split": 0.2, "batch_size": 64, "sequence_length": 60}


def check_length(length: int) -> None:
    """Refuse a sequence length outside 5..200, saying what to choose."""
    if isinstance(length, bool) or not isinstance(length, int) or not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ValueError(f"the sequence length T must be a whole number of steps from {MIN_LENGTH} to "
                         f"{MAX_LENGTH}, got {length!r}; the first {INFORMATIVE_STEPS} steps hold the class, "
                         "so the network needs a few more to show what it remembers")


def long_memory(n: int, length: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n sequences of `length` steps × 4 features (float32) and their classes 0..3 (int64).

    The label depends on the first INFORMATIVE_STEPS steps only. The labels and those steps are drawn
    before the rest, so with the same seed a sequence keeps its label and its first steps whatever
    its length: only the noise after them changes.
    """
    check_length(length)
    labels = rng.integers(0, CLASSES, n)
    head = SIGNAL * np.eye(CLASSES)[labels][:, None, :] + _noise(rng, noise, (n, INFORMATIVE_STEPS, FEATURES))
    tail = _noise(rng, noise, (n, length - INFORMATIVE_STEPS, FEATURES))
    return np.concatenate([head, tail], axis=1).astype(np.float32), labels.astype(np.int64)


def _noise(rng: np.random.Generator, scale: float, shape: tuple[int, ...]) -> np.ndarray:
    return rng.normal(0.0, scale, shape) if scale else np.zeros(shape)

