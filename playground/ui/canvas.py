"""The drawing area of the Draw tab: a square to draw a digit on with the mouse, or to drop a picture on.

`DrawingCanvas` only records strokes and paints them (white, round, antialiased, on black, into
a QImage at the screen's device pixel ratio); `ink()` hands what is drawn over as an array. What
the network makes of it is the `DigitPanel`'s business (ui/digit_panel.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from playground.inference.preprocess import EMPTY_HINT
from playground.ui.i18n import data_text

CANVAS_SIZE = 280  # logical pixels: ten screen pixels per model pixel
DEFAULT_PEN = 22  # about MNIST's stroke width once a digit is scaled to 20 pixels
PEN_RANGE = (6, 48)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm")


# --------------------------------------------------------------------------- the drawing area


@dataclass
class Stroke:
    width: float
    points: list[QPointF] = field(default_factory=list)


class DrawingCanvas(QWidget):
    """A square to draw on with the mouse; `ink()` returns what is drawn as an array."""

    changed = Signal()  # while drawing: a stroke grew
    strokeFinished = Signal()  # the mouse button was released
    cleared = Signal()  # Clear, Esc, or the last stroke undone
    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setFixedSize(CANVAS_SIZE, CANVAS_SIZE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse. Esc clears, Ctrl+Z undoes the last stroke; "
                                "drop a PNG or JPEG here to classify it."))
        self.pen_width: float = DEFAULT_PEN
        self.strokes: list[Stroke] = []
        self._picture: QImage | None = None  # a dropped file or a chosen example, under the strokes
        self._drawing = False
        self._image = QImage()
        self._render()

    # ------------------------------------------------------------------ content
    def is_empty(self) -> bool:
        return not self.strokes and self._picture is None

    def clear(self) -> None:
        self.strokes.clear()
        self._picture = None
        self._drawing = False
        self._render()
        self.cleared.emit()

    def undo(self) -> None:
        """Remove the last stroke (or, with none left, the picture)."""
        if self.strokes:
            self.strokes.pop()
        elif self._picture is not None:
            self._picture = None
        else:
            return
        self._drawing = False
        self._render()
        if self.is_empty():
            self.cleared.emit()
        else:
            self.strokeFinished.emit()

    def set_picture(self, ink: np.ndarray | None) -> None:
        """Show ink (H×W in [0, 1], bright on dark) scaled to fit, replacing everything drawn."""
        self.strokes.clear()
        self._picture = None if ink is None else gray_qimage(ink)
        self._render()

    def ink(self) -> np.ndarray:
        """What is on the canvas as float32 in [0, 1], one value per physical pixel (ink bright)."""
        image = self._image
        width, height, stride = image.width(), image.height(), image.bytesPerLine()
        raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
        return raw.reshape(height, stride)[:, :width].astype(np.float32) / 255.0

    # ------------------------------------------------------------------ painting
    def _render(self) -> None:
        """Repaint the whole image from the picture and the strokes (after undo, clear, DPR change)."""
        ratio = self.devicePixelRatioF()
        side = max(1, round(CANVAS_SIZE * ratio))
        self._image = QImage(side, side, QImage.Format.Format_Grayscale8)
        self._image.setDevicePixelRatio(ratio)
        self._image.fill(0)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._picture is not None:
            pic = self._picture.size().scaled(QSize(CANVAS_SIZE, CANVAS_SIZE), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((CANVAS_SIZE - pic.width()) / 2, (CANVAS_SIZE - pic.height()) / 2, pic.width(),
                            pic.height())
            painter.drawImage(target, self._picture)
        for stroke in self.strokes:
            _paint_stroke(painter, stroke, len(stroke.points))
        painter.end()
        self.update()

    def _extend(self, point: QPointF) -> None:
        """Add a point to the current stroke and paint only the new segment."""
        stroke = self.strokes[-1]
        stroke.points.append(point)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_stroke(painter, stroke, 2)
        painter.end()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if abs(self._image.devicePixelRatio() - self.devicePixelRatioF()) > 1e-6:
            self._render()  # moved to a screen with another scale
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), self._image)
        if self.is_empty():
            painter.setPen(QColor(130, 130, 130))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, data_text(EMPTY_HINT))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._drawing = True
        self.strokes.append(Stroke(self.pen_width, [event.position()]))
        self._render()
        self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self.changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._drawing = False
            if event.position() != self.strokes[-1].points[-1]:
                self.strokes[-1].points.append(event.position())
            # painted segment by segment, the antialiased joins overlap a little differently than
            # when the stroke is painted whole: repaint it whole, so undo gives back the same pixels
            self._render()
            self.strokeFinished.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_image(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _dropped_image(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_image(event)
        if path is not None:
            event.acceptProposedAction()
            self.fileDropped.emit(path)


def _paint_stroke(painter: QPainter, stroke: Stroke, last: int) -> None:
    """Paint the last `last` points of a stroke (a dot when it has only one)."""
    pen = QPen(QColor(255, 255, 255), stroke.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    points = stroke.points[-last:]
    if len(points) == 1:
        painter.drawPoint(points[0])
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.drawPath(path)


def _dropped_image(event) -> str | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
            return url.toLocalFile()
    return None


def gray_qimage(pixels: np.ndarray) -> QImage:
    """float [0, 1] H×W → an independent Grayscale8 QImage."""
    data = np.ascontiguousarray(np.clip(pixels * 255.0 + 0.5, 0, 255).astype(np.uint8))
    height, width = data.shape
    return QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
