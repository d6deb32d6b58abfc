"""Probes: extra tensor work done on the training thread for the views, returning plain data.

A probe is any object with some of ``on_start``, ``on_batch``, ``on_epoch``, ``on_end``, each called as
``hook(context, event)`` with the trainer's event; it returns a payload (numpy arrays, numbers,
dataclasses of those) or None. ``ProbeRunner`` calls them from the trainer's callbacks and hands each
payload to an ``emit(name, payload)`` function (the UI's worker turns that into a Qt signal).

Probes see the run through a ``ProbeContext``: the model, the run's experiment, the data, the loss
and the optimizer, to read. They never get the ``Trainer`` itself, so a view cannot change how
training goes; only the worker's stop/pause/step requests do that.

- `boundary`: the 2-D playground's decision boundary, neuron pictures, weights and losses.
- `insight`: evaluation (confusion matrix, mistakes), weight histograms, one step's anatomy, the run's record.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playground.core.experiment import Experiment

Emit = Callable[[str, Any], None]
HOOKS = ("on_start", "on_batch", "on_epoch", "on_end")


@dataclass(slots=True)
class ProbeContext:
    """What a probe may read about the run it watches. Read-only by agreement: a probe that changed the model
    or the data would change the training it is only meant to watch.

    Made once the trainer has prepared its model (before ``on_start``); `stepping` and `step_anatomy` are
    brought up to date before each batch's hooks.
    """

    experiment: Experiment  # the run's own copy, never the one being edited in the window
    model: Any  # torch.nn.Module
    data: Any  # the run's DataBundle: tensors, `info`, normalization, and for 2-D data the raw points
    device: Any  # torch.device
    loss_fn: Any
    optimizer: Any
    targets_for: Callable[[Any, Any], Any]  # labels as the loss wants them (one-hot for MSE on classes)
    reading: Any  # core.predictions.OutputReading: outputs → probabilities and classes; None for regression
    eval_batch: int  # evaluation chunk size the trainer chose for this network's activations
    stepping: bool = False  # the run goes one batch at a time (Step): every batch is worth a frame then
    step_anatomy: Any = None  # the anatomy of the batch just taken with Step, in that batch's on_batch only

    @classmethod
    def of(cls, trainer) -> ProbeContext:
        return cls(trainer.experiment, trainer.model, trainer.data, trainer.device, trainer.loss_fn,
                   trainer.optimizer, trainer.targets_for, trainer.reading, trainer.eval_batch, trainer.record_steps)


class ProbeRunner:
    """Calls each probe's hooks with one shared `ProbeContext` and emits what they return.

    A probe that raises does not stop training: its payload becomes ``{"error": "..."}`` for its view.
    """

    def __init__(self, probes: dict[str, Any], emit: Emit):
        self.probes = dict(probes)
        self._emit = emit
        self._context: ProbeContext | None = None
        self._last_anatomy = None

    def run(self, hook: str, trainer, event) -> None:
        if not self.probes:
            return
        if self._context is None:
            self._context = ProbeContext.of(trainer)
        context = self._context
        context.stepping = trainer.record_steps
        if hook == "on_batch":
            # the trainer keeps the last recorded anatomy; a probe sees it once, in the batch that made it
            anatomy = trainer.last_anatomy
            context.step_anatomy = anatomy if anatomy is not self._last_anatomy else None
            self._last_anatomy = anatomy
        for name, probe in self.probes.items():
            method = getattr(probe, hook, None)
            if method is None:
                continue
            try:
                payload = method(context, event)
            except Exception as exc:  # a broken view must not break training
                payload = {"error": f"{type(exc).__name__}: {exc}"}
            if payload is not None:
                self._emit(name, payload)
        context.step_anatomy = None


class Pace:
    """Whether a probe's view wants the per-epoch work now. A window's view hands its probe a `live` event
    (a ``threading.Event`` it sets while on screen): then the work is done only while the view is shown,
    and at most every `interval` seconds, since a run of short epochs (the 2-D sets: a few milliseconds
    each) would otherwise spend its time on pictures nobody sees and flood the GUI thread. Without a
    `live` event (tests, scripts) every epoch is due. While stepping one batch at a time everything is."""

    def __init__(self, interval: float):
        self.interval = interval
        self.live = None  # threading.Event, set by the view while it is on screen
        self._last = float("-inf")

    def due(self, context) -> bool:
        if self.live is None or context.stepping:
            return True
        now = time.perf_counter()
        if not self.live.is_set() or now - self._last < self.interval:
            return False
        self._last = now
        return True


def with_live(probe, live):
    """`probe` (or None) with its `pace` following `live` (the view's on-screen event): for the factories a
    view registers with the run."""
    if probe is not None and getattr(probe, "pace", None) is not None:
        probe.pace.live = live
    return probe


def make_probes(factories: dict[str, Callable[[Any], Any]], experiment) -> tuple[dict[str, Any], dict[str, str]]:
    """Each factory called with the run's experiment: (probes that apply, {name: why a factory failed})."""
    probes, problems = {}, {}
    for name, factory in factories.items():
        try:
            probe = factory(experiment)
        except Exception as exc:  # a broken view must not stop training
            problems[name] = str(exc) or type(exc).__name__
            continue
        if probe is not None:
            probes[name] = probe
    return probes, problems
