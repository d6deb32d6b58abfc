"""Every limit on an experiment's settings, and the learning-rate ladders, written once.

The strict loader (`playground.core.experiment`) refuses a value outside these ranges, the command
line's overrides go through that loader, and the window's boxes take their ranges and steps from
here: a value the window accepts always loads from a file, and the other way round. A layer's own
settings (units, kernel size, …) have their limits in the catalog, on each `ParamSpec`.
"""

from __future__ import annotations

from typing import NamedTuple


class Range(NamedTuple):
    """Inclusive bounds (`low` is exclusive where the name says so); unpacks as (low, high)."""

    low: float
    high: float


# --- the run
EPOCHS = Range(1, 10_000)
SEED = Range(0, 2**31 - 1)
GRAD_CLIP = Range(0.0, 1e6)  # the largest gradient norm; 0 = off
PENALTY = Range(0.0, 10.0)  # the L1 and L2 penalty rates

# --- the data
BATCH_SIZE = Range(1, 65_536)
VAL_SPLIT = Range(0.0, 0.9)  # the fraction held out for validation
SAMPLES = Range(4, 1_000_000)  # generated points
NOISE = Range(0.0, 1.0)
ROTATION = Range(0.0, 180.0)  # augmentation: degrees, either way
AUGMENT_FRACTION = Range(0.0, 1.0)  # augmentation: shift, scale, and the stroke and blur probabilities

# --- the optimizer and the scheduler
LEARNING_RATE = Range(0.0, 10.0)  # low exclusive: a learning rate of 0 never changes anything
MOMENTUM = Range(0.0, 0.9999)
BETA = Range(0.0, 0.99999)  # Adam's β₁ and β₂
WEIGHT_DECAY = Range(0.0, 1.0)
STEP_SIZE = Range(1, 10_000)  # StepLR: epochs between decays
GAMMA = Range(0.0, 1.0)  # StepLR / ExponentialLR decay factor; low exclusive
MAX_LR = Range(0.0, 10.0)  # OneCycleLR's peak; 0 = ten times the optimizer's learning rate

# --- the network
# A single layer above this many parameters is refused before anything is allocated:
# 50M float32 weights are 200 MB, plus as much again for gradients and twice for Adam.
MAX_LAYER_PARAMETERS = 50_000_000
# The whole run must fit in this much memory (see `shapes.memory_budget`): a network whose layers are
# each fine may still need more than the computer has once a batch flows through it, and an
# allocation that size does not fail politely — the operating system kills the app.
MAX_MEMORY_BUDGET = 8 * 1024**3

# --- learning rates
# What the learning-rate box's arrows step through: 1, 2 and 5 per decade, from 1e-5 to 10 (any value
# in LEARNING_RATE can still be typed).
LEARNING_RATE_LADDER: tuple[float, ...] = tuple(
    value for exponent in range(-5, 2) for mantissa in (1, 2, 5)
    if (value := float(f"{mantissa}e{exponent}")) <= LEARNING_RATE.high)
# The 2-D playground's choices, as TensorFlow Playground offers them (with 1e-5 and 10 at the ends).
PLAYGROUND_LEARNING_RATES: tuple[float, ...] = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0,
                                                10.0)
PLAYGROUND_PENALTY_RATES: tuple[float, ...] = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
# Above an optimizer's usual range a learning rate rarely trains: (a typical value, the most that
# usually still works). Shape inference warns above it; the trainer's advice suggests the typical one.
USUAL_LEARNING_RATES: dict[str, tuple[float, float]] = {
    "sgd": (0.01, 1.0), "adam": (0.001, 0.1), "adamw": (0.001, 0.1), "rmsprop": (0.001, 0.1),
    "adagrad": (0.01, 1.0)}
