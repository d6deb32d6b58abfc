"""The learning rate of every batch of a run, computed from the settings alone (no torch, no Qt).

The training panel draws it before a run starts; `tests/test_schedule_curve.py` checks, for every
schedule, that it equals the learning rate the trainer actually used batch by batch (torch's
schedulers, stepped as `playground.training.trainer` steps them: per epoch, or per batch for
OneCycle). Each function follows torch's closed form for its scheduler.
"""

from __future__ import annotations

import math

from playground.core import catalog
from playground.core.experiment import Experiment

# torch.optim.lr_scheduler.OneCycleLR's defaults, which the app uses
ONECYCLE_WARMUP = 0.3  # pct_start
ONECYCLE_DIV = 25.0  # div_factor: the start is max_lr / 25
ONECYCLE_FINAL_DIV = 1e4  # final_div_factor: the end is the start / 10,000


def _cosine_between(start: float, end: float, fraction: float) -> float:
    return end + (start - end) / 2.0 * (math.cos(math.pi * fraction) + 1)


def epoch_rate(name: str, lr: float, epoch: int, epochs: int, step_size: int, gamma: float) -> float:
    """The learning rate during (0-based) `epoch` for a schedule stepped once per epoch."""
    if name == "step":
        return lr * gamma ** (epoch // max(1, step_size))
    if name == "exponential":
        return lr * gamma ** epoch
    if name == "cosine":
        return lr * (1 + math.cos(math.pi * epoch / max(1, epochs))) / 2
    return lr


def onecycle_rate(peak: float, step: int, total: int) -> float:
    """OneCycleLR's learning rate at (0-based) batch `step` of `total`."""
    start = peak / ONECYCLE_DIV
    final = start / ONECYCLE_FINAL_DIV
    warm_end = float(ONECYCLE_WARMUP * total) - 1
    last = float(total - 1)
    if step <= warm_end:
        return _cosine_between(start, peak, step / warm_end if warm_end > 0 else 1.0)
    return _cosine_between(peak, final, (step - warm_end) / (last - warm_end) if last > warm_end else 1.0)


def learning_rates(experiment: Experiment, batches_per_epoch: int) -> list[float]:
    """The learning rate of each batch of the whole run, in order (epochs × batches_per_epoch values)."""
    epochs = experiment.epochs
    batches = max(1, batches_per_epoch)
    spec = experiment.scheduler
    lr = experiment.optimizer.lr
    if spec.name == "onecycle":
        peak = catalog._onecycle_peak(spec, lr)
        total = epochs * batches
        return [onecycle_rate(peak, step, total) for step in range(total)]
    rates: list[float] = []
    for epoch in range(epochs):
        rates.extend([epoch_rate(spec.name, lr, epoch, epochs, spec.step_size, spec.gamma)] * batches)
    return rates


def batches_per_epoch(train_samples: int, batch_size: int) -> int:
    """How many batches an epoch of `train_samples` has (the trainer's own count)."""
    size = max(1, min(batch_size, train_samples))
    return max(1, math.ceil(train_samples / size))
