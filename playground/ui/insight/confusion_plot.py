"""Confusion matrix heatmap: true class down, predicted class across, the count in every cell."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from playground.ui.i18n import class_names_text

LIGHT = np.array([247, 251, 255], dtype=np.float32)
DARK = np.array([8, 69, 148], dtype=np.float32)


class ConfusionMatrixPlot(pg.PlotWidget):
    """Cells are shaded by the share of each true class (its row), so a rare class still shows."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.texts: list[list[pg.TextItem]] = []
        plot = self.getPlotItem()
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.getViewBox().invertY(True)
        plot.setLabel("bottom", self.tr("Predicted class"))
        plot.setLabel("left", self.tr("True class"))
        plot.setTitle(self.tr("Confusion matrix"))
        self.confusion = np.zeros((0, 0), dtype=np.int64)

    def set_confusion(self, confusion: np.ndarray, class_names: list[str]) -> None:
        confusion = np.asarray(confusion)
        class_names = class_names_text(class_names)
        n = len(class_names)
        self.confusion = confusion
        rows = confusion.sum(axis=1, keepdims=True)
        share = np.divide(confusion, np.maximum(rows, 1), dtype=np.float64)
        rgb = (LIGHT + (DARK - LIGHT) * share[..., None]).astype(np.uint8)
        # ImageItem indexes [x, y]: x = predicted (columns), y = true (rows)
        self.image.setImage(np.ascontiguousarray(rgb.transpose(1, 0, 2)), levels=(0, 255))
        self.image.setRect(0, 0, n, n)
        if len(self.texts) != n:  # new cells only for a new class count: making 100 TextItems takes ~40 ms,
            self._make_cells(n)   # updating them ~8 ms, and this runs at the end of every epoch
        for t in range(n):
            for p in range(n):
                count = int(confusion[t, p])
                color = "w" if share[t, p] > 0.5 else ((40, 40, 40) if count else (170, 170, 170))
                if self._shown[t][p] != (count, color):  # a TextItem re-lays itself out on every setText
                    self._shown[t][p] = (count, color)
                    self.texts[t][p].setText(str(count), color=color)
        short = [name if len(name) <= 8 else name[:7] + "…" for name in class_names]
        plot = self.getPlotItem()
        plot.getAxis("bottom").setTicks([[(k + 0.5, s) for k, s in enumerate(short)]])
        plot.getAxis("left").setTicks([[(k + 0.5, s) for k, s in enumerate(class_names)]])
        plot.setXRange(0, n, padding=0.01)
        plot.setYRange(0, n, padding=0.01)

    def _make_cells(self, n: int) -> None:
        for row in self.texts:
            for item in row:
                self.removeItem(item)
        font = QFont()
        font.setPointSizeF(9 if n <= 10 else 7)
        self.texts = []
        self._shown = [[None] * n for _ in range(n)]  # (count, colour) each cell shows
        for t in range(n):
            row = []
            for p in range(n):
                item = pg.TextItem("", anchor=(0.5, 0.5))
                item.setFont(font)
                item.setPos(p + 0.5, t + 0.5)
                self.addItem(item)
                row.append(item)
            self.texts.append(row)

    def cell_text(self, true: int, predicted: int) -> str:
        return self.texts[true][predicted].toPlainText()
