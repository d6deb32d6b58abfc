"""The 2-D playground's output column: training and test loss with a sparkline, the plane, and w and b.

It only draws what the boundary probe's frames carry (see `playground.training.probes.boundary`);
the plane itself is a `BoundaryView`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from playground.ui.playground2d.boundary_view import BoundaryView
from playground.ui.square import SquareBox


def loss_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if value >= 0.001 or value == 0 else f"{value:.1e}"


class OutputPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Output"), parent)
        self.setMinimumWidth(190)
        self.loss_history: list[tuple[int, float | None, float | None]] = []  # (step, train, test) per frame
        column = QVBoxLayout(self)
        losses = QGridLayout()
        self.train_loss_label = QLabel(self.tr("Training loss {loss}").format(loss="—"))
        self.train_loss_label.setObjectName("trainLossLabel")
        self.test_loss_label = QLabel(self.tr("Test loss {loss}").format(loss="—"))
        self.test_loss_label.setObjectName("testLossLabel")
        losses.addWidget(self.test_loss_label, 0, 0)
        losses.addWidget(self.train_loss_label, 1, 0)
        self.sparkline = pg.PlotWidget(background="w")
        self.sparkline.setObjectName("lossSparkline")
        self.sparkline.setFixedHeight(46)
        self.sparkline.setMinimumWidth(40)
        self.sparkline.hideAxis("bottom")
        self.sparkline.hideAxis("left")
        self.sparkline.setMouseEnabled(x=False, y=False)
        self.sparkline.setMenuEnabled(False)
        self.sparkline.getPlotItem().hideButtons()
        self.test_curve = self.sparkline.plot(pen=pg.mkPen(30, 30, 30, width=1.5))
        self.train_curve = self.sparkline.plot(pen=pg.mkPen(150, 150, 150, width=1.5))
        losses.addWidget(self.sparkline, 0, 1, 2, 1)
        losses.setColumnStretch(1, 1)
        column.addLayout(losses)
        self.boundary = BoundaryView()
        column.addWidget(SquareBox(self.boundary), 1)  # a plane drawn square, however the window is shaped
        self.linear_label = QLabel()
        self.linear_label.setObjectName("linearLabel")
        self.linear_label.setStyleSheet("font-size: 15px;")
        self.linear_label.setWordWrap(True)  # the whole line, never cut
        self.linear_label.hide()
        column.addWidget(self.linear_label)
        self.legend = legend = QLabel("<span style='color:#f59322'>■</span> " + self.tr("class 0 / negative")
                        + "<br><span style='color:#0877bd'>■</span> " + self.tr("class 1 / positive"))
        legend.setObjectName("classLegend")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        column.addWidget(legend)
        column.addStretch(0)

    def clear(self) -> None:
        """Forget the last run: no picture, no losses (another dataset, or a new experiment)."""
        self.boundary.clear_all()
        self.loss_history = []
        self.train_curve.setData([], [])
        self.test_curve.setData([], [])
        self.train_loss_label.setText(self.tr("Training loss {loss}").format(loss="—"))
        self.test_loss_label.setText(self.tr("Test loss {loss}").format(loss="—"))
        self.linear_label.hide()

    def set_task(self, task: str) -> None:
        """Classes get the colour legend; a regression's colours are values, not classes."""
        self.legend.setVisible(task != "regression")

    def record_losses(self, frame: dict) -> None:
        """Keep the frame's losses for the sparkline (a run's first frame starts a new history)."""
        if "data" in frame:
            self.loss_history = []
        # the epochs the probe made no frame for (their losses as the trainer measured them), then the frame's
        for step, train, test in [*frame.get("loss_points", ()), (frame["step"], frame.get("train_loss"),
                                                                   frame.get("test_loss"))]:
            if step >= 0 and (not self.loss_history or step > self.loss_history[-1][0]):
                self.loss_history.append((step, train, test))

    def show_frame(self, frame: dict) -> None:
        self.boundary.show_frame(frame)
        train, test = frame.get("train_loss"), frame.get("test_loss")
        self.train_loss_label.setText(self.tr("Training loss {loss}").format(loss=loss_text(train)))
        self.test_loss_label.setText(self.tr("Test loss {loss}").format(loss=loss_text(test)))
        steps = np.array([s for s, _, _ in self.loss_history], dtype=float)
        for curve, k in ((self.train_curve, 1), (self.test_curve, 2)):
            values = np.array([np.nan if h[k] is None else h[k] for h in self.loss_history], dtype=float)
            curve.setData(steps, values, connect="finite")
        self._show_linear(frame)

    def _show_linear(self, frame: dict) -> None:
        """The y = w·x + b lesson: one Linear(1, 1) — show its two numbers as they learn."""
        weights = frame.get("weights") or []
        if len(weights) == 1 and weights[0][0].shape == (1, 1):
            w = float(weights[0][0][0, 0])
            b = float(weights[0][1][0]) if weights[0][1] is not None else 0.0
            self.linear_label.setText(self.tr("y = w·x + b with  w = {w},  b = {b}").format(w=f"{w:.4f}", b=f"{b:.4f}"))
            self.linear_label.show()
        else:
            self.linear_label.hide()
