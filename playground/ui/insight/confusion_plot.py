"""Confusion matrix heatmap: true class down, predicted class across, the count in every cell."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont

from playground.ui.i18n import class_names_text

LIGHT = np.array([247, 251, 255], dtype=np.float32)
DARK = np.array([8, 69, 148], dtype=np.float32)
ON_DARK, COUNT, ZERO = QColor("white"), QColor(40, 40, 40), QColor(170, 170, 170)


class CellNumbers(pg.GraphicsObject):
    """The count in every cell, drawn in one paint at a fixed pixel size (one `TextItem` per cell cost
    about 40 ms to make for 10 classes and a layout per changed number, at the end of every epoch)."""

    def __init__(self):
        super().__init__()
        self.n = 0
        self.texts: list[list[str]] = []
        self.colors: list[list[QColor]] = []
        self.font = QFont()

    def set_cells(self, texts: list[list[str]], colors: list[list[QColor]]) -> None:
        self.prepareGeometryChange()
        self.n = len(texts)
        self.texts, self.colors = texts, colors
        self.font.setPointSizeF(9 if self.n <= 10 else 7)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF(0, 0, self.n, self.n)

    def paint(self, painter, *_args) -> None:
        to_device = painter.transform()  # cell coordinates → pixels; the numbers are drawn unscaled
        cell = to_device.mapRect(QRectF(0, 0, 1, 1)).normalized()
        painter.resetTransform()
        painter.setFont(self.font)
        for t, (row, colors) in enumerate(zip(self.texts, self.colors, strict=True)):
            for p, (text, color) in enumerate(zip(row, colors, strict=True)):
                centre = to_device.map(QPointF(p + 0.5, t + 0.5))
                painter.setPen(color)
                painter.drawText(QRectF(centre.x() - cell.width() / 2, centre.y() - cell.height() / 2,
                                        cell.width(), cell.height()), Qt.AlignmentFlag.AlignCenter, text)


class ConfusionMatrixPlot(pg.PlotWidget):
    """Cells are shaded by the share of each true class (its row), so a rare class still shows."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.numbers = CellNumbers()
        self.numbers.setZValue(1)  # over the cells
        self.addItem(self.numbers)
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
        colors = np.where(share > 0.5, 0, np.where(confusion > 0, 1, 2))
        palette = (ON_DARK, COUNT, ZERO)
        self.numbers.set_cells([[str(int(c)) for c in row] for row in confusion],
                               [[palette[k] for k in row] for row in colors])
        short = [name if len(name) <= 8 else name[:7] + "…" for name in class_names]
        plot = self.getPlotItem()
        plot.getAxis("bottom").setTicks([[(k + 0.5, s) for k, s in enumerate(short)]])
        plot.getAxis("left").setTicks([[(k + 0.5, s) for k, s in enumerate(class_names)]])
        plot.setXRange(0, n, padding=0.01)
        plot.setYRange(0, n, padding=0.01)

    def cell_text(self, true: int, predicted: int) -> str:
        return self.numbers.texts[true][predicted]
