"""A holder that keeps its one child square, centred in whatever room the layout gives it.

Plots of a plane (the 2-D playground's decision boundary) and matrices (the confusion matrix) read
wrong when stretched: at 1600×1000 a boundary plot became tall and narrow. The child is marked with
the property "squarePlot", which the window's layout test checks.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget


class SquareBox(QWidget):
    def __init__(self, child: QWidget, minimum: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        if minimum is not None:
            self.setMinimumSize(minimum, minimum)
        child.setParent(self)
        child.setProperty("squarePlot", True)
        self.setObjectName(f"{child.objectName() or 'plot'}Square")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        side = max(self.child.minimumSizeHint().width(), self.child.minimumSizeHint().height(),
                   self.child.minimumWidth(), self.child.minimumHeight())
        return QSize(side, side)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        side = min(self.width(), self.height())
        self.child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
