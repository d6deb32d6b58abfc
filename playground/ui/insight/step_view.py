"""One step, taken apart: forward, backward and update of the batch run by Step."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
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

if TYPE_CHECKING:  # the GUI thread never imports torch for this view
    from playground.training.anatomy import StepAnatomy

EMPTY_TEXT = ("Pause training (or start it paused) and press <b>Step</b>: the network trains on exactly one "
              "batch, and this tab takes that step apart — forward, backward, update.")
COLUMNS = ("Layer", "Parameters", "‖weights‖", "‖gradient‖", "‖change‖", "‖lr × gradient‖",
           "change ÷ (lr × gradient)", "Optimizer state")
STATE_NAMES = {"momentum_buffer": "momentum", "exp_avg": "Adam m (exp_avg)", "exp_avg_sq": "Adam v (exp_avg_sq)",
               "square_avg": "RMSprop mean square", "sum": "Adagrad sum", "acc_delta": "Adadelta Δ"}
GRAD_COLOR = (200, 90, 40)
CHANGE_COLOR = (70, 130, 180)
SGD_COLOR = (170, 170, 170)


def number(value: float) -> str:
    """How every number of this view is printed (tests compare against it)."""
    return f"{value:.4g}"


def update_sentence(optimizer: str, anatomy: StepAnatomy) -> str:
    states = {key for layer in anatomy.layers for key in layer.state}
    lr = number(anatomy.lr)
    if "exp_avg_sq" in states:
        return (f"Adam keeps a running mean of the gradients (m) and of their squares (v) and moves each weight by "
                f"lr × m ÷ √v (lr = {lr}): every weight gets its own step size, so the change is not lr × gradient.")
    if "momentum_buffer" in states:
        return (f"SGD with momentum moves along a running sum of past gradients (the momentum buffer) scaled by "
                f"lr = {lr}: steps build up speed in directions the gradients agree on.")
    if states:
        return (f"{optimizer} scales each gradient using the state it keeps (last column) before moving the "
                f"weights, with lr = {lr}.")
    return (f"Plain gradient descent: every weight moves against its gradient by exactly lr × gradient "
            f"(lr = {lr}), so the last two columns are equal.")


def _bar_plot(title: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    item = plot.getPlotItem()
    item.setTitle(title)
    item.setMouseEnabled(False, False)
    item.hideButtons()
    item.setMenuEnabled(False)
    item.showGrid(y=True, alpha=0.3)
    return plot


class StepView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = QLabel(EMPTY_TEXT)
        self.header.setWordWrap(True)
        self.forward = self._stage_label()
        self.backward = self._stage_label()
        self.update_label = self._stage_label()
        stages = QHBoxLayout()
        for label in (self.forward, self.backward, self.update_label):
            stages.addWidget(label, 1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.grad_plot = _bar_plot("Backward: gradient norm per layer")
        self.grad_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=GRAD_COLOR)
        self.grad_plot.addItem(self.grad_bars)
        self.update_plot = _bar_plot("Update: change made vs lr × gradient")
        self.update_plot.addLegend(offset=(-10, 10))
        self.change_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=CHANGE_COLOR, name="change made")
        self.sgd_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=SGD_COLOR, name="lr × gradient")
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
            self.header.setText(f"Could not take the step apart: {payload['error']}")
            return
        self.show_anatomy(payload["anatomy"], payload.get("optimizer", ""),
                          f"Batch {payload['step']} of {payload['batches_per_epoch']} in epoch {payload['epoch']} "
                          f"(step {payload['global_step']} of the run). Press Step again for the next batch.")

    def show_anatomy(self, anatomy: StepAnatomy, optimizer: str = "", where: str = "") -> None:
        self.anatomy = anatomy
        self.header.setText(where or "One training step:")
        shape = "×".join(str(s) for s in anatomy.input_shape)
        out = "×".join(str(s) for s in anatomy.output_shape)
        self.forward.setText(
            f"<b>1 · Forward</b><br>input {shape} → output {out}<br>loss = <b>{number(anatomy.loss)}</b><br><br>"
            "The batch flows through the layers to one row of scores per example; the loss measures how wrong "
            "those scores are.")
        layers = anatomy.layers
        if layers:
            top = max(layers, key=lambda layer: layer.grad_norm)
            strongest = f"Largest gradient: {top.name} ({number(top.grad_norm)})."
        else:
            strongest = "This network has no weights."
        self.backward.setText(
            f"<b>2 · Backward</b><br>{strongest}<br><br>Backpropagation works out, for every weight, how much the "
            "loss would change if that weight moved: the gradient. Its size per layer is below.")
        self.update_label.setText(f"<b>3 · Update</b><br>{update_sentence(optimizer, anatomy)}")
        self.table.setRowCount(len(layers))
        for row, layer in enumerate(layers):
            ratio = layer.update_norm / layer.sgd_update_norm if layer.sgd_update_norm > 0 else float("nan")
            state = "; ".join(f"‖{STATE_NAMES.get(k, k)}‖ = {number(v)}" for k, v in layer.state.items()) or "—"
            cells = (layer.name, f"{layer.parameters:,}", number(layer.weight_norm), number(layer.grad_norm),
                     number(layer.update_norm), number(layer.sgd_update_norm),
                     number(ratio) if ratio == ratio else "—", state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        x = np.arange(len(layers))
        self.grad_bars.setOpts(x=x, height=[layer.grad_norm for layer in layers], width=0.6)
        self.change_bars.setOpts(x=x - 0.2, height=[layer.update_norm for layer in layers], width=0.38)
        self.sgd_bars.setOpts(x=x + 0.2, height=[layer.sgd_update_norm for layer in layers], width=0.38)
        ticks = [[(k, layer.name) for k, layer in enumerate(layers)]]
        for plot in (self.grad_plot, self.update_plot):
            plot.getPlotItem().getAxis("bottom").setTicks(ticks)
            plot.setXRange(-0.6, len(layers) - 0.4, padding=0)
            plot.enableAutoRange(axis="y")
        self.body.show()
