"""The only QThread code: runs the engine's Trainer in a worker thread, callbacks → Qt signals.

Usage (GUI thread)::

    session = TrainingSession(experiment)            # owns the QThread and the worker
    session.batch.connect(plot.append_batch)         # on the GUI thread, a few at a time
    session.start()                                  # or session.start(paused=True); session.step()
    ...
    session.stop(); session.wait()                   # closing the window: stop and join

Extra per-batch work that needs tensors (the 2-D playground's decision boundary, layer
histograms) is done by *probes*: objects whose ``on_batch(trainer, event)`` /
``on_epoch(trainer, event)`` / ``on_start(trainer, event)`` run on the training thread and
return a payload (or None). Each payload is emitted as ``probe(name, payload)`` on the GUI
thread. That keeps every tensor operation off the GUI thread.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from playground.core.experiment import Experiment


class TrainingWorker(QObject):
    """Lives in the worker thread; its `run` slot drives one Trainer to the end."""

    started = Signal(object)  # StartEvent
    initial = Signal(object, object)  # accuracy (float | None), loss (float | None)
    epoch = Signal(object)  # EpochEvent
    finished = Signal(object)  # EndEvent
    probe = Signal(str, object)  # probe name, payload

    def __init__(self, experiment: Experiment, data=None, data_dir: str | None = None,
                 probes: dict[str, Any] | None = None):
        super().__init__()
        self._experiment = experiment.copy()
        self._data = data
        self._data_dir = data_dir
        self.probes = dict(probes or {})
        self.trainer = None  # created in the worker thread (torch import happens there, not in the GUI)
        self._pending: list[str] = []  # control requests that arrived before the trainer existed
        self._lock = threading.Lock()
        self.batches: deque = deque()  # BatchEvents not yet taken by the GUI thread (see TrainingSession)

    # --- control, callable from the GUI thread -------------------------------------------------
    def request(self, what: str) -> None:
        with self._lock:
            if self.trainer is None:
                self._pending.append(what)
                return
        getattr(self.trainer, f"request_{what}")()

    # --- runs in the worker thread --------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        from playground.training.trainer import EndEvent, Trainer

        try:
            trainer = Trainer(self._experiment, _SignalCallbacks(self), data=self._data, data_dir=self._data_dir)
            with self._lock:
                self.trainer = trainer
                for what in self._pending:
                    getattr(trainer, f"request_{what}")()
                self._pending.clear()
            trainer.run()  # reports its end through on_end → finished
        except Exception as exc:  # a bug must still end the run in the window, not kill the thread silently
            self.finished.emit(EndEvent("failed", f"Internal error: {type(exc).__name__}: {exc}"))
        finally:
            # quit from this thread: a GUI thread blocked in wait() (closing the window) could not
            # process a queued quit, and the join would time out
            self.thread().quit()

    def _run_probes(self, hook: str, trainer, event) -> None:
        for name, probe in self.probes.items():
            method = getattr(probe, hook, None)
            if method is None:
                continue
            try:
                payload = method(trainer, event)
            except Exception as exc:  # a broken view must not break training
                payload = {"error": f"{type(exc).__name__}: {exc}"}
            if payload is not None:
                self.probe.emit(name, payload)


class _SignalCallbacks:
    """Trainer callbacks (training thread) → the worker's signals (queued to the GUI thread)."""

    def __init__(self, worker: TrainingWorker):
        self.worker = worker

    def on_start(self, trainer, event):
        self.worker.started.emit(event)
        self.worker._run_probes("on_start", trainer, event)

    def on_initial(self, trainer, accuracy, loss):
        self.worker.initial.emit(accuracy, loss)

    def on_batch(self, trainer, event):
        self.worker.batches.append(event)  # no signal: the session collects them (see TrainingSession)
        self.worker._run_probes("on_batch", trainer, event)

    def on_epoch(self, trainer, event):
        self.worker.epoch.emit(event)
        self.worker._run_probes("on_epoch", trainer, event)

    def on_end(self, trainer, event):
        self.worker._run_probes("on_end", trainer, event)
        self.worker.finished.emit(event)


BATCH_POLL_MS = 50


class TrainingSession(QObject):
    """One run: a QThread with a TrainingWorker moved into it. Re-emits the worker's signals.

    Batch events do not cross threads one by one: a queued signal per batch (a thousand a second
    for a small MLP) wakes the GUI thread each time, and every wake-up passes the GIL back and forth
    with the training thread, which measurably slowed training (benchmarks/FIXES.md). The worker
    appends them to a deque; a timer here takes them 20 times a second and emits `batch` for each,
    in order. Whatever comes after batches (epoch, probe, finished) first delivers those still
    waiting, so the window sees the same sequence as before.
    """

    started = Signal(object)
    initial = Signal(object, object)
    batch = Signal(object)
    epoch = Signal(object)
    finished = Signal(object)
    probe = Signal(str, object)

    def __init__(self, experiment: Experiment, data=None, data_dir: str | None = None,
                 probes: dict[str, Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("TrainingThread")
        self.worker = TrainingWorker(experiment, data, data_dir, probes)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.started.connect(self._on_started)
        self.worker.initial.connect(self.initial)
        self.worker.epoch.connect(self._on_epoch)
        self.worker.probe.connect(self._on_probe)
        self.worker.finished.connect(self._on_finished)
        self.end_event = None
        self._started = False
        self._poll = QTimer(self)
        self._poll.setInterval(BATCH_POLL_MS)
        self._poll.timeout.connect(self._deliver_batches)

    @property
    def trainer(self):
        return self.worker.trainer

    def start(self, paused: bool = False) -> None:
        if paused:
            self.worker.request("pause")
        self.thread.start()
        self._poll.start()

    def pause(self) -> None:
        self.worker.request("pause")

    def resume(self) -> None:
        self.worker.request("resume")

    def step(self) -> None:
        self.worker.request("step")

    def stop(self) -> None:
        self.worker.request("stop")

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, msecs: int = 30000) -> bool:
        """Stop-and-join helper for closing: returns True once the thread has ended."""
        if not self.thread.isRunning():
            return True
        return self.thread.wait(msecs)

    def _deliver_batches(self) -> None:
        if not self._started:  # the window learns the run's size from `started` before any batch
            return
        batches = self.worker.batches
        while batches:
            self.batch.emit(batches.popleft())

    @Slot(object)
    def _on_started(self, event) -> None:
        self._started = True
        self.started.emit(event)

    @Slot(object)
    def _on_epoch(self, event) -> None:
        self._deliver_batches()
        self.epoch.emit(event)

    @Slot(str, object)
    def _on_probe(self, name: str, payload) -> None:
        self._deliver_batches()
        self.probe.emit(name, payload)

    @Slot(object)
    def _on_finished(self, event) -> None:
        self._started = True  # a run that failed before starting has no batches anyway
        self._deliver_batches()
        self._poll.stop()
        self.end_event = event
        self.thread.quit()
        self.finished.emit(event)
