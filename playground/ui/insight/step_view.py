"""One step, taken apart: forward, backward and update of the batch run by Step."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.ui.live_view import LiveDrawing

if TYPE_CHECKING:  # the GUI thread never imports torch for this view
    from playground.training.anatomy import StepAnatomy

EMPTY_TEXT = QT_TRANSLATE_NOOP("StepView", "Pause training (or start it paused) and press <b>Step</b>: the network "
                              "trains on exactly one batch, and this tab takes that step apart — forward, backward, "
                              "update.")
COLUMNS = (QT_TRANSLATE_NOOP("StepView", "Layer"), QT_TRANSLATE_NOOP("StepView", "Parameters"),
           QT_TRANSLATE_NOOP("StepView", "‖weights‖"), QT_TRANSLATE_NOOP("StepView", "‖gradient‖"),
           QT_TRANSLATE_NOOP("StepView", "‖change‖"), QT_TRANSLATE_NOOP("StepView", "‖lr × gradient‖"),
           QT_TRANSLATE_NOOP("StepView", "change ÷ (lr × gradient)"), QT_TRANSLATE_NOOP("StepView", "Optimizer state"))
STATE_NAMES = {"momentum_buffer": QT_TRANSLATE_NOOP("StepView", "momentum"), "exp_avg": "Adam m (exp_avg)",
               "exp_avg_sq": "Adam v (exp_avg_sq)", "square_avg": QT_TRANSLATE_NOOP("StepView", "RMSprop mean square"),
               "sum": QT_TRANSLATE_NOOP("StepView", "Adagrad sum"), "acc_delta": "Adadelta Δ"}
GRAD_COLOR = (200, 90, 40)
CHANGE_COLOR = (70, 130, 180)
SGD_COLOR = (170, 170, 170)
SECOND_PASS_MS = 20  # the bar charts after the text and the table: two shorter paints, not one long one


def number(value: float) -> str:
    """How every number of this view is printed (tests compare against it)."""
    return f"{value:.4g}"


def update_sentence(optimizer: str, anatomy: StepAnatomy) -> str:
    states = {key for layer in anatomy.layers for key in layer.state}
    lr = number(anatomy.lr)
    if "exp_avg_sq" in states:
        return QCoreApplication.translate(
            "StepView", "Adam keeps a running mean of the gradients (m) and of their squares (v) and moves each "
            "weight by lr × m ÷ √v (lr = {lr}): every weight gets its own step size, so the change is not lr × "
            "gradient.").format(lr=lr)
    if "momentum_buffer" in states:
        return QCoreApplication.translate(
            "StepView", "SGD with momentum moves along a running sum of past gradients (the momentum buffer) "
            "scaled by lr = {lr}: steps build up speed in directions the gradients agree on.").format(lr=lr)
    if states:
        return QCoreApplication.translate(
            "StepView", "{optimizer} scales each gradient using the state it keeps (last column) before moving "
            "the weights, with lr = {lr}.").format(optimizer=optimizer, lr=lr)
    return QCoreApplication.translate(
        "StepView", "Plain gradient descent: every weight moves against its gradient by exactly lr × gradient "
        "(lr = {lr}), so the last two columns are equal.").format(lr=lr)


def _bar_plot(title: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    item = plot.getPlotItem()
    item.setTitle(title)
    item.setMouseEnabled(False, False)
    item.hideButtons()
    item.setMenuEnabled(False)
    item.showGrid(y=True, alpha=0.3)
    return plot


def same_training(a, b) -> bool:
    """Whether two experiments train the same network the same way (names and descriptions aside)."""
    return (a.layers == b.layers and a.dataset == b.dataset and a.loss == b.loss and a.optimizer == b.optimizer
            and a.scheduler == b.scheduler)


class StepView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = QLabel(self.tr(EMPTY_TEXT))
        self.header.setWordWrap(True)
        self.forward = self._stage_label()
        self.backward = self._stage_label()
        self.update_label = self._stage_label()
        # the batch as the network received it (augmented when Augmentation is on): lesson 004's distortions
        self.batch_images = QLabel()
        self.batch_images.setObjectName("stepBatchImages")
        self.batch_images.setToolTip(self.tr("The first images of this batch exactly as the network received "
                                             "them: distorted when Augmentation is on"))
        stages = QHBoxLayout()
        stages.addWidget(self.batch_images)
        for label in (self.forward, self.backward, self.update_label):
            stages.addWidget(label, 1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setProperty("scrollsSideways", True)  # eight columns of numbers scroll inside the table
        self.grad_plot = _bar_plot(self.tr("Gradient norm per layer"))
        self.grad_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=GRAD_COLOR)
        self.grad_plot.addItem(self.grad_bars)
        self.update_plot = _bar_plot(self.tr("Change vs lr × gradient"))
        self.update_plot.addLegend(offset=(-10, 10))
        self.change_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=CHANGE_COLOR,
                                           name=self.tr("change made"))
        self.sgd_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=SGD_COLOR, name=self.tr("lr × gradient"))
        self.update_plot.addItem(self.change_bars)
        self.update_plot.addItem(self.sgd_bars)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.grad_plot)
        plots.addWidget(self.update_plot)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.table)
        body.addWidget(plots)
        body.setSizes([170, 430])
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(stages)
        body_layout.addWidget(body, 1)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        self.anatomy: StepAnatomy | None = None
        self._run_experiment = None  # the experiment of the run whose step is shown
        self._where = ""
        self._bar_layers: list = []
        self._bars_timer = QTimer(self)
        self._bars_timer.setSingleShot(True)
        self._bars_timer.setInterval(SECOND_PASS_MS)
        self._bars_timer.timeout.connect(self._draw_bars)
        # each payload is a press of Step: drawn at once while the tab is shown, never paced
        self.live = LiveDrawing(self, self._draw_pending, fastest_ms=0, share=1.0)

    # ------------------------------------------------------------------ which run this is
    def run_started(self, experiment) -> None:
        """A run begins with this experiment: the steps that follow are its."""
        self._run_experiment = experiment  # no copy: the document makes a new experiment on every edit

    def set_experiment(self, experiment) -> None:
        """After every edit: a step of a run with other settings says so above its numbers."""
        if self.anatomy is not None:
            self.header.setText(self._heading(experiment))

    def clear(self) -> None:
        """A new experiment: nothing of the old one's runs stays on screen."""
        self.anatomy = None
        self._run_experiment = None
        self.live.take()  # a step of the old runs not drawn yet never comes back
        self._bars_timer.stop()
        self._where = ""
        self.body.hide()
        self.header.setText(self.tr(EMPTY_TEXT))

    def _heading(self, current=None) -> str:
        run = self._run_experiment
        if current is not None and run is not None and not same_training(run, current):
            return self.tr("<b>From the last run, before your changes</b> (it trained with {optimizer}, lr = {lr}). "
                           "Press Step to take a step of the network as it is now.").format(
                optimizer=run.optimizer.name, lr=f"{run.optimizer.lr:g}") + "<br>" + self._where
        return self._where

    def _show_batch_images(self, images) -> None:
        if images is None or len(images) == 0:
            self.batch_images.clear()
            self.batch_images.hide()
            return
        from playground.ui.insight.pictures import rgb_pixmap, tile

        gray = (np.clip(np.asarray(images), 0, 1) * 255).astype(np.uint8)
        self.batch_images.setPixmap(rgb_pixmap(tile(np.repeat(gray[..., None], 3, axis=-1), columns=2, pad=2), 2))
        self.batch_images.show()

    @staticmethod
    def _stage_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setFrameShape(QLabel.Shape.StyledPanel)
        label.setMargin(8)
        return label

    def show_step(self, payload: dict) -> None:
        """Handler for the StepProbe's payloads."""
        if "error" in payload:
            self.header.setText(self.tr("Could not take the step apart: {reason}").format(reason=payload["error"]))
            return
        self.live.offer(payload)  # drawn while the tab is shown, at the pace it can afford (ui/live_view.py)

    def _draw_pending(self) -> None:
        payload = self.live.take()
        if payload is None:
            return
        self.show_anatomy(payload["anatomy"], payload.get("optimizer", ""),
                          self.tr("Batch {batch} of {batches} in epoch {epoch} (step {step} of the run). Press Step "
                                  "again for the next batch.").format(
                              batch=payload["step"], batches=payload["batches_per_epoch"], epoch=payload["epoch"],
                              step=payload["global_step"]))

    def show_anatomy(self, anatomy: StepAnatomy, optimizer: str = "", where: str = "") -> None:
        self.anatomy = anatomy
        self._where = where or self.tr("One training step:")
        self.header.setText(self._where)
        shape = "×".join(str(s) for s in anatomy.input_shape)
        out = "×".join(str(s) for s in anatomy.output_shape)
        self._show_batch_images(getattr(anatomy, "images", None))
        self.forward.setText(self.tr(
            "<b>1 · Forward</b><br>input {input} → output {output}<br>loss = <b>{loss}</b><br><br>The batch flows "
            "through the layers to one row of scores per example; the loss measures how wrong those scores are.").format(
            input=shape, output=out, loss=number(anatomy.loss)))
        layers = anatomy.layers
        if layers:
            top = max(layers, key=lambda layer: layer.grad_norm)
            strongest = self.tr("Largest gradient: {layer} ({norm}).").format(layer=top.name,
                                                                              norm=number(top.grad_norm))
        else:
            strongest = self.tr("This network has no weights.")
        self.backward.setText(self.tr(
            "<b>2 · Backward</b><br>{strongest}<br><br>Backpropagation works out, for every weight, how much the loss "
            "would change if that weight moved: the gradient. Its size per layer is below.").format(strongest=strongest))
        self.update_label.setText(self.tr("<b>3 · Update</b><br>{sentence}").format(
            sentence=update_sentence(optimizer, anatomy)))
        self.table.setRowCount(len(layers))
        for row, layer in enumerate(layers):
            ratio = layer.update_norm / layer.sgd_update_norm if layer.sgd_update_norm > 0 else float("nan")
            state = "; ".join(f"‖{self.tr(STATE_NAMES.get(k, k))}‖ = {number(v)}"
                              for k, v in layer.state.items()) or "—"
            cells = (layer.name, f"{layer.parameters:,}", number(layer.weight_norm), number(layer.grad_norm),
                     number(layer.update_norm), number(layer.sgd_update_norm),
                     number(ratio) if ratio == ratio else "—", state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._bar_layers = layers
        self.body.show()
        if self.window().isVisible():
            self._bars_timer.start()  # the charts paint in a pass of their own, after the text and the table
        else:
            self._draw_bars()

    def _draw_bars(self) -> None:
        layers = self._bar_layers
        x = np.arange(len(layers))
        self.grad_bars.setOpts(x=x, height=[layer.grad_norm for layer in layers], width=0.6)
        self.change_bars.setOpts(x=x - 0.2, height=[layer.update_norm for layer in layers], width=0.38)
        self.sgd_bars.setOpts(x=x + 0.2, height=[layer.sgd_update_norm for layer in layers], width=0.38)
        ticks = [[(k, layer.name) for k, layer in enumerate(layers)]]
        for plot in (self.grad_plot, self.update_plot):
            plot.getPlotItem().getAxis("bottom").setTicks(ticks)
            plot.setXRange(-0.6, len(layers) - 0.4, padding=0)
            plot.enableAutoRange(axis="y")
