"""Per-class accuracy as bars, the weakest class drawn in orange."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.ui.i18n import class_names_text

BAR = (70, 130, 180)
WEAKEST = (230, 120, 30)


class ClassAccuracyPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        plot = self.getPlotItem()
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setTitle(self.tr("Accuracy per class"))
        plot.setLabel("left", self.tr("correct"), units="%")
        plot.showGrid(y=True, alpha=0.3)
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.addItem(self.bars)
        self.heights = np.zeros(0)

    def set_accuracy(self, per_class: np.ndarray, class_names: list[str]) -> None:
        """`per_class` in [0, 1]; NaN (a class absent from the set) draws no bar."""
        values = np.asarray(per_class, dtype=np.float64)
        class_names = class_names_text(class_names)
        self.heights = np.nan_to_num(values, nan=0.0) * 100
        n = len(values)
        brushes = [pg.mkBrush(BAR) for _ in range(n)]
        if n and not np.all(np.isnan(values)):
            brushes[int(np.nanargmin(values))] = pg.mkBrush(WEAKEST)
        self.bars.setOpts(x=np.arange(n), height=self.heights, width=0.7, brushes=brushes, pen=None)
        short = [name if len(name) <= 8 else name[:7] + "…" for name in class_names]
        self.getPlotItem().getAxis("bottom").setTicks([list(enumerate(short))])
        self.setXRange(-0.6, n - 0.4, padding=0)
        self.setYRange(0, 105, padding=0)
