"""Weight and gradient histograms of one layer (chosen in a list), redrawn after every epoch."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

WEIGHT_BRUSH = (70, 130, 180, 150)
GRAD_BRUSH = (200, 90, 40, 150)


def _histogram_plot(title: str, x_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    item = plot.getPlotItem()
    item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", QCoreApplication.translate("LayerHistogramPanel", "count"))
    item.getAxis("bottom").enableAutoSIPrefix(False)  # "(x0.001)" puzzles a learner more than 0.002 does
    item.hideButtons()
    item.setMenuEnabled(False)
    return plot


def _set_title(plot: pg.PlotWidget, title: str) -> None:
    """Only when it changes: a new title lays the whole plot out again."""
    if plot.getPlotItem().titleLabel.text != title:
        plot.getPlotItem().setTitle(title)


class LayerHistogramPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.chooser = QComboBox()
        self.chooser.setToolTip(self.tr("The layer whose weights and gradients are shown"))
        self.chooser.currentTextChanged.connect(self._redraw)
        self.caption = QLabel(self.tr("Weights and gradients appear when training starts."))
        self.caption.setWordWrap(True)
        self.weight_plot = _histogram_plot(self.tr("Weights"), self.tr("weight value"))
        self.grad_plot = _histogram_plot(self.tr("Gradients (last batch)"), self.tr("gradient value"))
        self.initial_curve = self.weight_plot.plot([0, 1], [0], stepMode="center",
                                                   pen=pg.mkPen((110, 110, 110), width=1.5, style=Qt.PenStyle.DashLine),
                                                   name=self.tr("before training"))
        self.weight_curve = self.weight_plot.plot([0, 1], [0], stepMode="center", fillLevel=0,
                                                  brush=WEIGHT_BRUSH, pen=pg.mkPen((40, 90, 140)))
        self.grad_curve = self.grad_plot.plot([0, 1], [0], stepMode="center", fillLevel=0,
                                              brush=GRAD_BRUSH, pen=pg.mkPen((160, 60, 20)))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer:")))
        top.addWidget(self.chooser, 1)
        plots = QHBoxLayout()
        plots.addWidget(self.weight_plot)
        plots.addWidget(self.grad_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addLayout(plots, 1)
        self.latest: dict | None = None
        self.initial: dict = {}

    def set_stats(self, payload: dict) -> None:
        """A LayerProbe payload: {"epoch", "histograms": {layer: counts/edges}, ...}."""
        self.record(payload)
        self.draw()

    def record(self, payload: dict) -> None:
        """Keep the payload (and the first of a run as "before training") without drawing it."""
        if payload["epoch"] == 0 or not self.initial:
            self.initial = payload["histograms"]
        self.latest = payload

    def draw(self) -> None:
        """Show the newest payload recorded."""
        if self.latest is None:
            return
        names = list(self.latest["histograms"])
        current = self.chooser.currentText()
        if names != [self.chooser.itemText(i) for i in range(self.chooser.count())]:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            self.chooser.addItems(names)
            if current in names:
                self.chooser.setCurrentText(current)
            self.chooser.blockSignals(False)
        self._redraw()

    def clear(self) -> None:
        """Another experiment: no histograms of the old one's runs."""
        self.latest, self.initial = None, {}
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.blockSignals(False)
        for curve in (self.weight_curve, self.grad_curve, self.initial_curve):
            curve.setData([0, 1], [0])
        self.weight_plot.getPlotItem().setTitle(self.tr("Weights"))
        self.grad_plot.getPlotItem().setTitle(self.tr("Gradients (last batch)"))
        self.caption.setText(self.tr("Weights and gradients appear when training starts."))

    def _redraw(self) -> None:
        if self.latest is None:
            return
        layer = self.chooser.currentText()
        entry = self.latest["histograms"].get(layer)
        if entry is None:
            return
        epoch = self.latest["epoch"]
        self.weight_curve.setData(np.asarray(entry["weight_edges"]), np.asarray(entry["weight_counts"]))
        first = self.initial.get(layer)
        if first is not None and epoch > 0:
            self.initial_curve.setData(np.asarray(first["weight_edges"]), np.asarray(first["weight_counts"]))
            self.initial_curve.show()
        else:
            self.initial_curve.hide()
        _set_title(self.weight_plot,
            # short titles: the layer is named in the chooser above, and charts are narrow at 1280×800
            self.tr("Weights at initialization") if epoch == 0
            else self.tr("Weights after epoch {epoch}").format(epoch=epoch))
        if "grad_counts" in entry:
            self.grad_curve.setData(np.asarray(entry["grad_edges"]), np.asarray(entry["grad_counts"]))
            self.grad_curve.show()
            _set_title(self.grad_plot,
                self.tr("Gradients, epoch {epoch}").format(epoch=epoch))
        else:
            self.grad_curve.hide()
            _set_title(self.grad_plot, self.tr("Gradients: after epoch 1"))
        self.caption.setText(self.tr(
            "How the weights of the chosen layer are spread (dashed: before training). Training moves and "
            "widens them; the gradients of the epoch's last batch show how hard it pushed each weight — near "
            "zero means the layer has almost stopped learning."))
