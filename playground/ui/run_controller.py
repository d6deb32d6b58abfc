"""One training run at a time, seen from the GUI thread: its session, probes, state, progress and ETA.

`TrainingRun.start(experiment)` hands the experiment to a `TrainingSession` (ui/worker.py, the only
QThread code). The session's events come back as this object's signals, in the order they
happened on the training thread: `runStarted`, `started`, `initial`, every `batch` of an epoch before
that `epoch`, and finally `runFinished(end, result)`, where `result` is the trained model built on
the training thread (a `LoadedModel`, or None). Views connect to these signals; none of them sees
the session or the trainer.

Views that need tensor work during a run register a probe (`register_probe`): before each run the
factory is called, on the training thread, with the run's experiment, and the probe's payloads
arrive at the handler here, on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from playground.core.experiment import Experiment
from playground.ui.i18n import message_text

CLOSE_JOIN_MS = 120_000  # data loading cannot be interrupted; stopping waits for it at worst
IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"


@dataclass(frozen=True)
class RunProgress:
    """What the progress bar and the status bar show. `maximum` 0 means "busy, size not known yet"."""

    value: int
    maximum: int
    text: str
    speed: str = ""  # "1,234 samples/s"
    eta: str = ""  # "ETA 12 s", "paused", or ""


class TrainingRun(QObject):
    runStarted = Signal()
    started = Signal(object)  # StartEvent: the run's size is known
    initial = Signal(object, object)  # accuracy, loss before the first step (None when not measured)
    batch = Signal(object)  # BatchEvent
    epoch = Signal(object)  # EpochEvent
    stateChanged = Signal(str)  # idle | running | paused | stopping (asked to stop, finishing its batch)
    progressChanged = Signal(object)  # RunProgress
    statusMessage = Signal(str, int)  # a line for the status bar, how long to show it (ms, 0 = until replaced)
    runMessage = Signal(str, str)  # the outcome for the training panel, and its kind ("info" or "error"); "" clears
    runFinished = Signal(object, object)  # EndEvent, the trained LoadedModel (None when nothing was trained)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.session = None
        self._state = IDLE
        self._probes: dict[str, tuple[Callable[[Experiment], Any], Callable[[Any], None]]] = {}
        self.pace = 0.0  # seconds between batches ("watch" speed, ui/pace_control.py); 0 = full speed
        self._handlers: dict[str, Callable[[Any], None]] = {}
        self._reset_counters()

    def _reset_counters(self) -> None:
        self._total = 0  # batches in the whole run, once `started` said so
        self._batches_per_epoch = 0
        self._epochs = 0
        self._started_at = time.perf_counter()
        self._paused_at: float | None = None  # paused time is left out of speed and ETA
        self._samples_seen = 0
        self._last_batch = None
        self._speed = ""

    # ------------------------------------------------------------------ reading
    @property
    def state(self) -> str:
        return self._state

    def is_running(self) -> bool:
        """A run exists (running or paused)."""
        return self.session is not None

    @property
    def total_batches(self) -> int:
        """Batches in the current run (0 until its data is loaded)."""
        return self._total

    # ------------------------------------------------------------------ probes
    @property
    def probes(self) -> dict[str, tuple[Callable[[Experiment], Any], Callable[[Any], None]]]:
        """The registered probes: name → (factory, handler)."""
        return dict(self._probes)

    def register_probe(self, name: str, factory: Callable[[Experiment], Any], handler: Callable[[Any], None]) -> None:
        """Before each run `factory(experiment)` makes a probe (or None: nothing to watch in this run); it is
        called on the training thread, so it must not touch widgets. Its payloads go to `handler` here."""
        self._probes[name] = (factory, handler)

    # ------------------------------------------------------------------ control
    def start(self, experiment: Experiment, data_dir: str | None = None, paused: bool = False) -> bool:
        """Train `experiment` from fresh weights in a new thread; False when a run is already going.
        `paused` waits for `step` or `toggle_pause` before the first batch."""
        from playground.ui.worker import TrainingSession

        if self.session is not None:
            return False
        factories = {name: factory for name, (factory, _handler) in self._probes.items()}
        self._handlers = {name: handler for name, (_factory, handler) in self._probes.items()}
        self._reset_counters()
        session = TrainingSession(experiment, data_dir=data_dir, parent=self, probe_factories=factories)
        session.started.connect(self._on_started)
        session.initial.connect(self.initial)
        session.batch.connect(self._on_batch)
        session.epoch.connect(self._on_epoch)
        session.probe.connect(self._on_probe)
        session.probeUnavailable.connect(self._probe_unavailable)
        session.finished.connect(self._on_finished)
        self.session = session
        self._set_state(PAUSED if paused else RUNNING)
        self.progressChanged.emit(RunProgress(0, 0, self.tr("Loading data…")))
        self.runMessage.emit("", "info")
        self.statusMessage.emit(self.tr("Loading data and building the model…"), 0)
        session.set_pace(self.pace)
        if paused:
            self._paused_at = time.perf_counter()
        session.start(paused=paused)
        self.runStarted.emit()
        return True

    def set_pace(self, seconds: float) -> None:
        """Seconds between batches for this run (at once) and the next ones; 0 = full speed."""
        self.pace = max(0.0, float(seconds))
        if self.session is not None:
            self.session.set_pace(self.pace)

    def toggle_pause(self) -> None:
        if self.session is None:
            return
        if self._state == RUNNING:
            self.session.pause()
            self._paused_at = time.perf_counter()
            self._set_state(PAUSED)
            self.statusMessage.emit(self.tr("Paused — Resume to continue, Step for one batch"), 0)
        elif self._state == PAUSED:
            self.session.resume()
            self._resumed()
            self._set_state(RUNNING)

    def _resumed(self) -> None:
        if self._paused_at is not None:
            self._started_at += time.perf_counter() - self._paused_at  # the pause does not count
            self._paused_at = None

    def step(self) -> None:
        """One more batch of a paused run."""
        if self.session is not None and self._state == PAUSED:
            self.session.step()

    def stop(self) -> None:
        if self.session is not None and self._state != STOPPING:
            self.session.stop()
            self._set_state(STOPPING)
            self.statusMessage.emit(self.tr("Stopping…"), 0)

    def shutdown(self) -> None:
        """Closing: stop the run, join its thread, and tell no one (the window is going away)."""
        session, self.session = self.session, None
        if session is None:
            return
        for signal in (session.started, session.initial, session.batch, session.epoch, session.probe,
                       session.probeUnavailable, session.finished):
            signal.disconnect()
        session.stop()
        session.wait(CLOSE_JOIN_MS)
        self._state = IDLE

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # ------------------------------------------------------------------ progress
    def publish_progress(self) -> None:
        """Emit `progressChanged` for the batches seen so far (the window calls this when it redraws, so the
        bar moves with the plots instead of on every batch)."""
        event = self._last_batch
        if event is None or not self._total:
            return
        elapsed = time.perf_counter() - self._started_at
        eta = ""
        if elapsed > 0 and self._state == RUNNING:
            self._speed = self.tr("{rate} samples/s").format(rate=f"{self._samples_seen / elapsed:,.0f}")
            remaining = elapsed / event.global_step * (self._total - event.global_step)
            eta = self.tr("ETA {time}").format(time=duration_text(remaining))
        elif self._state == PAUSED:
            eta = self.tr("paused")
        self.progressChanged.emit(RunProgress(
            event.global_step, self._total,
            self.tr("Epoch {epoch} of {epochs} · batch {batch}/{batches}").format(
                epoch=event.epoch, epochs=self._epochs, batch=event.step, batches=event.batches_per_epoch),
            self._speed, eta))

    # ------------------------------------------------------------------ session events
    def _on_started(self, event) -> None:
        self._total = event.epochs * event.batches_per_epoch
        self._batches_per_epoch = event.batches_per_epoch
        self._epochs = event.epochs
        self._started_at = time.perf_counter()
        if self._paused_at is not None:
            self._paused_at = self._started_at
        self.started.emit(event)
        self.progressChanged.emit(RunProgress(0, max(1, self._total), self.tr("Epoch {epoch} of {epochs}").format(
            epoch=1, epochs=event.epochs)))
        self.statusMessage.emit(self.tr("Training on {train} samples ({validation} for validation), {parameters} "
                                        "parameters, device {device}").format(
            train=f"{event.train_samples:,}", validation=f"{event.val_samples:,}",
            parameters=f"{event.parameters:,}", device=event.device), 0)

    def _on_batch(self, event) -> None:
        # cheap on purpose: thousands arrive per second; the progress follows the plots' redraws
        self._samples_seen += event.samples
        self._last_batch = event
        self.batch.emit(event)

    def _on_epoch(self, event) -> None:
        self.epoch.emit(event)
        text = self.tr("Epoch {epoch}/{epochs}: training loss {loss}").format(
            epoch=event.epoch, epochs=event.epochs, loss=f"{event.train_loss:.4f}")
        if event.val_loss is not None:
            text += self.tr(", validation loss {loss}").format(loss=f"{event.val_loss:.4f}")
        if event.val_accuracy is not None:
            text += self.tr(", validation accuracy {accuracy}").format(accuracy=f"{event.val_accuracy:.1%}")
        self.statusMessage.emit(text, 0)

    def _on_probe(self, name: str, payload) -> None:
        handler = self._handlers.get(name)
        if handler is not None:
            handler(payload)

    def _probe_unavailable(self, name: str, reason: str) -> None:
        self.statusMessage.emit(self.tr("View {name} is unavailable: {reason}").format(name=name, reason=reason),
                                8000)

    def _on_finished(self, end, result) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        session.wait(5000)
        self.publish_progress()
        self._set_state(IDLE)
        done = self._last_batch.global_step if self._last_batch else 0
        maximum = self._total or 1
        if end.status == "completed":
            progress = RunProgress(maximum, maximum, self.tr("Done"), self._speed)
            text = self.tr("Training completed in {time}.").format(time=duration_text(end.seconds))
            if end.test_accuracy is not None and end.initial_accuracy is not None:
                text += " " + self.tr("Test accuracy {accuracy} (before training {before}).").format(
                    accuracy=f"{end.test_accuracy:.1%}", before=f"{end.initial_accuracy:.1%}")
            elif end.test_accuracy is not None:
                text += " " + self.tr("Test accuracy {accuracy}.").format(accuracy=f"{end.test_accuracy:.1%}")
            elif end.test_loss is not None:
                text += " " + self.tr("Test loss {loss}.").format(loss=f"{end.test_loss:.4f}")
            self.runMessage.emit(text, "info")
        elif end.status == "stopped":
            stopped = (self.tr("Stopped after {count} batch") if done == 1
                       else self.tr("Stopped after {count} batches")).format(count=done)
            progress = RunProgress(done, maximum, stopped, self._speed)
            self.runMessage.emit(stopped + ".", "info")
            text = self.tr("Stopped.")
        else:
            progress = RunProgress(done, maximum, self.tr("Failed"), self._speed)
            text = message_text(end.message) or self.tr("Training failed.")
            self.runMessage.emit(text, "error")
        self.progressChanged.emit(progress)
        self.statusMessage.emit(text, 0 if end.status == "failed" else 10000)
        session.deleteLater()
        self.runFinished.emit(end, result)


def duration_text(seconds: float) -> str:
    """12 s, 3 min 04 s, 1 h 05 min."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("TrainingRun", "{seconds} s").format(seconds=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("TrainingRun", "{minutes} min {seconds} s").format(
            minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    return QCoreApplication.translate("TrainingRun", "{hours} h {minutes} min").format(
        hours=seconds // 3600, minutes=f"{seconds % 3600 // 60:02d}")
