"""The Draw tab's answer as a bar chart: one bar per class, the most probable in another colour."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from playground.ui.i18n import class_names_text

_TOP_BRUSH = pg.mkBrush("#d9480f")
_OTHER_BRUSH = pg.mkBrush("#4c6ef5")


class ProbabilityChart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("predictionChart")
        self.setBackground("w")  # independent of pyqtgraph's global options
        for axis in ("left", "bottom"):
            self.getAxis(axis).setPen(pg.mkPen("#444"))
            self.getAxis(axis).setTextPen(pg.mkPen("#222"))
        self.setMinimumSize(180, 160)  # fits beside the canvas in a 1280-pixel window
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setYRange(0, 1.15, padding=0)
        self.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        self.setLabel("left", QCoreApplication.translate("DigitPanel", "probability"))
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brushes=[_OTHER_BRUSH] * 10,
                                    pen=None)
        self.addItem(self.bars)
        self.bar_texts: list[pg.TextItem] = []
        self.class_names: list[str] = []
        self.set_classes([str(i) for i in range(10)])

    def set_classes(self, names: list[str]) -> None:
        count = len(names)
        for item in self.bar_texts:
            self.removeItem(item)
        self.bar_texts = []
        for i in range(count):
            # the outer bars' labels lean inwards: "100%" over the last bar stays inside the chart
            x_anchor = 0.15 if i == 0 else 0.85 if i == count - 1 else 0.5
            text = pg.TextItem("", color="#222", anchor=(x_anchor, 1.0))
            text.setPos(i, 0)
            self.addItem(text)
            self.bar_texts.append(text)
        self.getAxis("bottom").setTicks([list(enumerate(class_names_text(names)))])
        self.setXRange(-0.6, count - 0.4, padding=0)
        self.class_names = list(names)

    def show_probabilities(self, probabilities: np.ndarray, top: int) -> None:
        count = len(probabilities)
        if count != len(self.class_names):
            self.set_classes([str(i) for i in range(count)])
        brushes = [_TOP_BRUSH if i == top else _OTHER_BRUSH for i in range(count)]
        self.bars.setOpts(x=np.arange(count), height=probabilities, brushes=brushes)
        for i, (text, p) in enumerate(zip(self.bar_texts, probabilities, strict=True)):
            text.setText(f"{p:.0%}" if p >= 0.005 else "")
            text.setPos(i, float(p) + 0.01)
            text.setColor("#d9480f" if i == top else "#333")

    def clear_bars(self) -> None:
        self.bars.setOpts(height=np.zeros(len(self.class_names)))
        for text in self.bar_texts:
            text.setText("")
