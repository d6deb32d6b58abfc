"""The only QThread code: runs the engine's Trainer in a worker thread, callbacks → Qt signals.

Usage (GUI thread)::

    session = TrainingSession(experiment)            # owns the QThread and the worker
    session.batch.connect(plot.append_batch)         # on the GUI thread, a few at a time
    session.start()                                  # or session.start(paused=True); session.step()
    ...
    session.stop(); session.wait()                   # closing the window: stop and join

Extra per-batch work that needs tensors (the 2-D playground's decision boundary, layer
histograms) is done by *probes* (`playground.training.probes`): their hooks run on the training
thread with a read-only `ProbeContext` and return a payload (or None). Each payload is emitted as
``probe(name, payload)`` on the GUI thread. That keeps every tensor operation off the GUI thread.
Probes come ready-made (``probes``) or from factories (``probe_factories``), which are called on
the training thread with the run's experiment: the trainer's copy, the only one the run makes.

The run ends with ``finished(end, result)``: the EndEvent and the trained model (a `LoadedModel`
built on the training thread, or None), so nothing on the GUI thread ever reads the trainer.
"""

from __future__ import annotations

import gc
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from playground.core.experiment import Experiment


class TrainingWorker(QObject):
    """Lives in the worker thread; its `run` slot drives one Trainer to the end.

    Everything the run reports goes into `events`, in the order it happened: ("started", StartEvent),
    ("initial", accuracy, loss), ("batch", BatchEvent), ("epoch", EpochEvent), ("probe", name, payload),
    ("probeUnavailable", name, reason), ("finished", EndEvent, LoadedModel | None). Batches are only
    appended; anything else also emits `arrived`, which wakes the session to deliver what is waiting.
    """

    arrived = Signal()  # something other than a batch is in `events` (queued to the GUI thread)

    def __init__(self, experiment: Experiment, data=None, data_dir: str | None = None,
                 probes: dict[str, Any] | None = None,
                 probe_factories: dict[str, Callable[[Experiment], Any]] | None = None):
        super().__init__()
        # not copied: the Trainer makes the run's one copy (on the training thread); the window
        # replaces its experiment on every edit and never changes one in place
        self._experiment = experiment
        self._data = data
        self._data_dir = data_dir
        self._probes = dict(probes or {})
        self._factories = dict(probe_factories or {})
        self._trainer = None  # created in the worker thread (torch import happens there, not in the GUI)
        self._pending: list[str] = []  # control requests that arrived before the trainer existed
        self._pace = 0.0  # seconds between batch starts (watch speed); 0 = full speed
        self._lock = threading.Lock()
        self.events: deque[tuple] = deque()  # not yet taken by the GUI thread (see TrainingSession)

    def report(self, *event) -> None:
        """Queue an event for the GUI thread and wake it (batches use `events.append` alone)."""
        self.events.append(event)
        self.arrived.emit()

    # --- control, callable from the GUI thread -------------------------------------------------
    def request(self, what: str) -> None:
        """Ask the trainer to "pause", "resume", "step" or "stop"; kept until the trainer exists."""
        with self._lock:
            if self._trainer is None:
                self._pending.append(what)
                return
        getattr(self._trainer, f"request_{what}")()

    def set_pace(self, seconds: float) -> None:
        """At least `seconds` between batches from now on (0: full speed); callable from any thread."""
        with self._lock:
            self._pace = max(0.0, float(seconds))
            if self._trainer is not None:
                self._trainer.min_batch_interval = self._pace

    # --- runs in the worker thread --------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        from playground.training.performance import use_window_threads
        from playground.training.probes import ProbeRunner, make_probes
        from playground.training.trainer import EndEvent, Trainer

        try:
            use_window_threads(self._experiment)  # on this thread: its operations use the count (performance.py)
            callbacks = _SignalCallbacks(self)
            trainer = Trainer(self._experiment, callbacks, data=self._data, data_dir=self._data_dir)
            made, problems = make_probes(self._factories, trainer.experiment)
            for name, reason in problems.items():
                self.report("probeUnavailable", name, reason)
            callbacks.probes = ProbeRunner({**self._probes, **made}, lambda name, payload: self.report(
                "probe", name, payload))
            with self._lock:
                trainer.min_batch_interval = self._pace
                self._trainer = trainer
                for what in self._pending:
                    getattr(trainer, f"request_{what}")()
                self._pending.clear()
            trainer.run()  # reports its end through on_end → finished
        except Exception as exc:  # a bug must still end the run in the window, not kill the thread silently
            self.report("finished", EndEvent("failed", f"Internal error: {type(exc).__name__}: {exc}"), None)
        finally:
            # quit from this thread: a GUI thread blocked in wait() (closing the window) could not
            # process a queued quit, and the join would time out
            self.thread().quit()


class _SignalCallbacks:
    """Trainer callbacks (training thread) → the worker's event queue (read on the GUI thread)."""

    def __init__(self, worker: TrainingWorker):
        self.worker = worker
        self.probes = None  # the ProbeRunner, set before the trainer runs
        self.batches_done = 0

    def on_start(self, trainer, event):
        self.worker.report("started", event)
        self.probes.run("on_start", trainer, event)

    def on_initial(self, trainer, accuracy, loss):
        self.worker.report("initial", accuracy, loss)

    def on_batch(self, trainer, event):
        self.batches_done += 1
        self.worker.events.append(("batch", event))  # no wake-up: the session's timer collects them
        self.probes.run("on_batch", trainer, event)

    def on_epoch(self, trainer, event):
        self.worker.report("epoch", event)
        self.probes.run("on_epoch", trainer, event)

    def on_end(self, trainer, event):
        from playground.training.result import trained_model

        self.probes.run("on_end", trainer, event)
        self.worker.report("finished", event, trained_model(trainer, event, self.batches_done))


BATCH_POLL_MS = 50
DELIVER_BUDGET_S = 0.02  # the most one delivery keeps the GUI thread busy, about


class TrainingSession(QObject):
    """One run: a QThread with a TrainingWorker moved into it; the worker's events come out as signals.

    Batch events do not cross threads one by one: a queued signal per batch (a thousand a second
    for a small MLP) wakes the GUI thread each time, and every wake-up passes the GIL back and forth
    with the training thread, which measurably slowed training (benchmarks/FIXES.md). The worker
    appends them to its event queue without a signal; a timer here takes what is waiting 20 times a
    second. Every other event wakes the session at once. Either way the events leave the queue in
    the order they went in, so each epoch's batches come before that epoch, and all before `finished`.
    """

    started = Signal(object)
    initial = Signal(object, object)
    batch = Signal(object)
    epoch = Signal(object)
    finished = Signal(object, object)  # EndEvent, the trained LoadedModel or None
    probe = Signal(str, object)
    probeUnavailable = Signal(str, str)

    def __init__(self, experiment: Experiment, data=None, data_dir: str | None = None,
                 probes: dict[str, Any] | None = None, parent: QObject | None = None,
                 probe_factories: dict[str, Callable[[Experiment], Any]] | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("TrainingThread")
        self.worker = TrainingWorker(experiment, data, data_dir, probes, probe_factories)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.arrived.connect(self._deliver)
        self.end_event = None
        self.result = None  # the trained LoadedModel once finished (None when the run trained nothing)
        self._signals = {"started": self.started, "initial": self.initial, "batch": self.batch,
                         "epoch": self.epoch, "probe": self.probe, "probeUnavailable": self.probeUnavailable}
        self._poll = QTimer(self)
        self._poll.setInterval(BATCH_POLL_MS)
        self._poll.timeout.connect(self._deliver)

    def start(self, paused: bool = False) -> None:
        if paused:
            self.worker.request("pause")
        # The last run's Qt wrappers (its thread, worker, probes) are cyclic garbage by now. Collect them
        # here, on the GUI thread: left to the training thread's first big allocations (building the model),
        # a collection there deletes Qt objects off their thread, which can crash the process.
        gc.collect()
        self.thread.start()
        self._poll.start()

    def pause(self) -> None:
        self.worker.request("pause")

    def resume(self) -> None:
        self.worker.request("resume")

    def step(self) -> None:
        self.worker.request("step")

    def set_pace(self, seconds: float) -> None:
        self.worker.set_pace(seconds)

    def stop(self) -> None:
        self.worker.request("stop")

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, msecs: int = 30000) -> bool:
        """Stop-and-join helper for closing: returns True once the thread has ended."""
        if not self.thread.isRunning():
            return True
        return self.thread.wait(msecs)

    @Slot()
    def _deliver(self) -> None:
        """Hand over what is waiting, in order, for at most DELIVER_BUDGET_S at a time: a backlog (the GUI
        thread was busy; a 2-D run's epochs of a few milliseconds) goes out in slices with the window's
        painting, input and timers in between, instead of in one long stall."""
        events = self.worker.events
        deadline = time.perf_counter() + DELIVER_BUDGET_S
        while events:
            kind, *args = events.popleft()
            if kind == "finished":
                self._finish(*args)
                return
            self._signals[kind].emit(*args)
            if events and time.perf_counter() > deadline:
                QTimer.singleShot(0, self, self._deliver)  # the rest after what else is waiting
                return

    def _finish(self, event, result) -> None:
        self._poll.stop()
        self.end_event, self.result = event, result
        self.thread.quit()
        self.finished.emit(event, result)
