"""Two groups of the training panel: the learning-rate schedule drawn over the whole run before it
starts, and gradient clipping with how often it acted.

The curve comes from `core.schedule_curve.learning_rates` (plain Python, proven equal to the trainer's
learning rates batch by batch), so drawing it on the GUI thread needs no torch. Before a run the
batches per epoch are estimated from the dataset's settings; once a run starts, its real count is used.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from playground.core import limits
from playground.core.experiment import Experiment
from playground.core.schedule_curve import batches_per_epoch, learning_rates
from playground.ui.help_panel import set_concept
from playground.ui.i18n import help_hint

MAX_POINTS = 2000  # the curve is drawn from at most this many batches (evenly spaced)
LR_COLOR = (30, 140, 60)


def estimated_train_samples(exp: Experiment) -> int:
    """How many training samples a run of `exp` will likely have, without reading any file."""
    from playground.data import registry
    from playground.data.images import FULL_TRAIN_IMAGES

    ds = exp.dataset
    if ds.name in registry.IMAGE_DATASETS:
        total = ds.limit or FULL_TRAIN_IMAGES
    elif ds.name == "csv":
        total = 1000
    elif ds.name == "linear-9":
        return 9
    else:
        total = ds.samples
    return max(1, int(total * (1 - ds.val_split)))


def schedule_points(exp: Experiment, batches: int) -> tuple[np.ndarray, np.ndarray]:
    """(x in epochs, learning rate) for the plot, at most MAX_POINTS of them."""
    rates = learning_rates(exp, batches)
    total = len(rates)
    if total > MAX_POINTS:
        index = np.linspace(0, total - 1, MAX_POINTS).round().astype(int)  # steps > 1: no index twice
    else:
        index = np.arange(total)
    values = np.asarray(rates, dtype=np.float64)[index]
    return index / max(1, batches), values


class ScheduleGroup(QGroupBox):
    """The learning rate of every batch of the run, for the current settings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Learning rate over the run"), parent)
        self.setObjectName("scheduleGroup")
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("schedulePlot")
        self.plot.setMinimumHeight(110)
        self.plot.setMaximumHeight(150)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("epoch"))
        item.showGrid(x=True, y=True, alpha=0.2)
        self.curve = item.plot(pen=pg.mkPen(*LR_COLOR, width=2))
        self.caption = QLabel()
        self.caption.setObjectName("scheduleCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot)
        layout.addWidget(self.caption)
        self.setToolTip(self.tr("The learning rate each batch will use, from the schedule, the learning rate and the "
                                "epochs chosen above; it changes as you change them.") + "\n" + help_hint())
        set_concept(self, "idea:schedules")
        self._known_batches = 0  # the real batches per epoch, once a run has said
        self.experiment: Experiment | None = None

    def set_experiment(self, exp: Experiment) -> None:
        changed_data = self.experiment is None or self.experiment.dataset != exp.dataset
        self.experiment = exp
        if changed_data:
            self._known_batches = 0
        self.redraw()

    def set_batches_per_epoch(self, batches: int) -> None:
        """The run's real count (StartEvent), replacing the estimate."""
        self._known_batches = batches
        self.redraw()

    @property
    def batches(self) -> int:
        exp = self.experiment
        if exp is None:
            return 1
        return self._known_batches or batches_per_epoch(estimated_train_samples(exp), exp.dataset.batch_size)

    def redraw(self) -> None:
        exp = self.experiment
        if exp is None:
            return
        x, y = schedule_points(exp, self.batches)
        self.curve.setData(x, y)
        self.plot.getPlotItem().setXRange(0, exp.epochs, padding=0.02)
        top = float(y.max()) if len(y) else exp.optimizer.lr
        self.plot.getPlotItem().setYRange(0, top * 1.05 if top > 0 else 1, padding=0)
        end = float(y[-1]) if len(y) else exp.optimizer.lr
        self.caption.setText(self.tr("{batches} batches per epoch{estimate}; from {first} to {last}, highest "
                                     "{peak}").format(
            batches=f"{self.batches:,}", estimate="" if self._known_batches else self.tr(" (estimated)"),
            first=f"{y[0]:.3g}" if len(y) else "", last=f"{end:.3g}", peak=f"{top:.3g}"))


class ClipGroup(QGroupBox):
    """Gradient clipping: off, or the largest total gradient norm; after each epoch, how often it acted."""

    edited = Signal(str, object, str)  # undo text, new Experiment, merge key

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Gradient clipping"), parent)
        self.setObjectName("clipGroup")
        self.enabled = QCheckBox(self.tr("Clip the gradient norm"))
        self.enabled.setObjectName("clipCheck")
        self.max_norm = QDoubleSpinBox()
        self.max_norm.setObjectName("clipNormSpin")
        self.max_norm.setDecimals(3)
        self.max_norm.setRange(0.001, limits.GRAD_CLIP.high)
        self.max_norm.setSingleStep(0.1)
        self.max_norm.setKeyboardTracking(False)
        self.max_norm.setValue(1.0)
        tip = self.tr("Before each step, if the gradients' total length ‖g‖ is above this norm, all of them are "
                      "scaled down by the same factor so it equals the norm: g ← g · max_norm / ‖g‖. It keeps one "
                      "bad batch from throwing the weights far away.") + "\n" + help_hint()
        for widget in (self.enabled, self.max_norm, self):
            widget.setToolTip(tip)
            set_concept(widget, "idea:clipping")
        self.status = QLabel(self.tr("Off"))
        self.status.setObjectName("clipStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(self.tr("Max norm"), self.max_norm)
        form.addRow(self.status)
        self.experiment = Experiment()
        self.enabled.toggled.connect(lambda on: self._edit(self.tr("Toggle gradient clipping"), "clip",
                                                           lambda e: setattr(e, "grad_clip",
                                                                             self.max_norm.value() if on else 0.0)))
        self.max_norm.valueChanged.connect(lambda v: self._edit(self.tr("Change clipping norm"), "clip_norm",
                                                                lambda e: setattr(e, "grad_clip", v))
                                           if self.enabled.isChecked() else None)

    def _edit(self, text: str, key: str, change: Callable[[Experiment], None]) -> None:
        exp = self.experiment.copy()
        change(exp)
        self.edited.emit(text, exp, key)

    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        on = exp.grad_clip > 0
        for widget, value in ((self.enabled, on), (self.max_norm, exp.grad_clip if on else None)):
            if value is None:
                continue
            widget.blockSignals(True)
            if widget is self.enabled:
                widget.setChecked(value)
            else:
                widget.setValue(value)
            widget.blockSignals(False)
        self.max_norm.setEnabled(on)
        if not on:
            self.status.setText(self.tr("Off"))
        elif not self.status.property("measured"):
            self.status.setText(self.tr("Not trained yet: after each epoch this says how often it clipped."))

    def run_started(self) -> None:
        self.status.setProperty("measured", False)
        self.set_experiment(self.experiment)

    def show_epoch(self, event) -> None:
        """An EpochEvent: "clipped in N % of batches"."""
        if event.clipped is None:
            return
        self.status.setProperty("measured", True)
        percent = event.clipped * 100
        text = f"{percent:.0f}" if percent == 0 or percent >= 1 or math.isclose(percent, 100) else f"{percent:.1f}"
        self.status.setText(self.tr("Epoch {epoch}: clipped in {percent} % of batches").format(
            epoch=event.epoch, percent=text))
