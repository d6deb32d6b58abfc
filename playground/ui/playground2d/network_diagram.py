"""The network as TensorFlow Playground draws it: neurons as small pictures, weights as lines.

Each neuron shows its own output over the plane (or along the x axis for 1-D data), computed by the
probe on the training thread; each line's thickness is the weight's size and its colour its sign
(blue positive, orange negative). Hovering a line shows the weight, hovering a neuron its bias.
Only Linear/activation MLPs are drawn; any other network gets a short note instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from playground.ui.playground2d.boundary_view import BLUE, ORANGE, diverging_lut

MAX_NODE = 46
MIN_NODE = 10
HIT_DISTANCE = 4.0  # pixels from a line that still count as hovering it
LINE_LEVELS = 16  # line strengths told apart (thickness and opacity)


@dataclass
class Line:
    start: QPointF
    end: QPointF
    layer: int  # index of the Linear layer (0 = from the inputs)
    target: int  # neuron in the next column
    source: int  # neuron in this column
    weight: float


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by, px, py = a.x(), a.y(), b.x(), b.y(), p.x(), p.y()
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def map_image(values: np.ndarray) -> QImage:
    """A neuron's output over the plane (H×W, row 0 = lowest y) as a picture, orange −1 … blue +1."""
    return map_images(np.asarray(values)[None])[0]


def map_images(stack: np.ndarray) -> list[QImage]:
    """`map_image` for N neurons at once (N×H×W): one numpy pass for a whole column of the diagram, each
    neuron scaled by its own largest value."""
    values = np.nan_to_num(np.asarray(stack, dtype=np.float32), nan=0.0, posinf=1e30, neginf=-1e30)  # diverged
    if not values.size:
        return [QImage() for _ in range(len(values))]
    scale = np.maximum(1.0, np.abs(values).max(axis=(1, 2), keepdims=True))
    index = ((np.clip(values / scale, -1, 1) + 1) * 127.5).round().astype(np.intp)
    # flip: images draw their first row at the top
    rgb = np.ascontiguousarray(diverging_lut()[index[:, ::-1]])
    _n, h, w, _ = rgb.shape
    # each image owns its pixels (copy), so the array can go
    return [QImage(picture.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy() for picture in rgb]


class NetworkDiagram(QWidget):
    """objectName networkDiagram."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.setMouseTracking(True)
        self.setMinimumSize(190, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.input_labels: list[str] = []
        self.hidden_sizes: list[int] = []
        self.hidden_activations: list[str] = []
        self.outputs = 0
        self.output_labels: list[str] = []
        self.note = self.tr("Choose a 2-D dataset and a network of Linear layers and activations to see it drawn "
                            "here.")
        self.weights: list[tuple[np.ndarray, np.ndarray | None]] = []
        self.pictures: list[list[QImage | np.ndarray | None]] = []  # per column, per neuron
        self.lines: list[Line] = []
        self._centers: list[list[QPointF]] = []
        self._node = MAX_NODE
        self._picture: QPixmap | None = None  # the diagram as last drawn (see paintEvent)
        self._picture_key = None
        self.renders = 0  # times the picture was drawn

    # ------------------------------------------------------------------ inputs
    def set_network(self, input_labels: list[str], hidden_sizes: list[int], hidden_activations: list[str],
                    output_labels: list[str]) -> None:
        changed = ([len(input_labels), *hidden_sizes, len(output_labels)]
                   != [len(self.input_labels), *self.hidden_sizes, self.outputs])
        self.input_labels = list(input_labels)
        self.hidden_sizes = list(hidden_sizes)
        self.hidden_activations = list(hidden_activations)
        self.output_labels = list(output_labels)
        self.outputs = len(output_labels)
        self.note = ""
        if changed:  # pictures and weights of another shape would be drawn at the wrong neurons
            self.weights, self.pictures = [], []
        self._changed()

    def set_note(self, note: str) -> None:
        """Not a drawable network: say why instead."""
        self.note = note
        self.input_labels, self.hidden_sizes, self.outputs = [], [], 0
        self.weights, self.pictures, self.lines = [], [], []
        self._changed()

    def set_input_maps(self, maps: list[np.ndarray]) -> None:
        self._set_column_pictures(0, maps)
        self._changed()

    def show_frame(self, frame: dict) -> None:
        if self.note:
            return
        weights = frame.get("weights") or []
        sizes = [len(self.input_labels), *self.hidden_sizes, self.outputs]
        if [w.shape for w, _ in weights] != [(sizes[i + 1], sizes[i]) for i in range(len(sizes) - 1)]:
            return  # a frame of a run with another shape (the network was edited since)
        self.weights = weights
        for i, maps in enumerate(frame.get("neurons") or []):
            self._set_column_pictures(i + 1, list(maps))
        last = len(sizes) - 1
        if "probs" in frame:
            probs = frame["probs"][::4, ::4]
            self._set_column_pictures(last, [probs[..., k] * 2 - 1 for k in range(probs.shape[2])])
        elif "value" in frame:
            self._set_column_pictures(last, [frame["value"][::4, ::4]])
        elif "curve" in frame:
            self._set_column_pictures(last, [frame["curve"][1]])
        self._layout()  # the lines carry the new weights at once, for hovering before the next paint
        self._changed()

    def _set_column_pictures(self, column: int, maps: list[np.ndarray]) -> None:
        while len(self.pictures) <= column:
            self.pictures.append([])
        arrays = [np.asarray(m) for m in maps]
        if arrays and all(a.ndim == 2 and a.shape == arrays[0].shape for a in arrays):
            self.pictures[column] = map_images(np.stack(arrays))
        else:  # curves along x (1-D data)
            self.pictures[column] = [map_image(a) if a.ndim == 2 else a for a in arrays]

    # ------------------------------------------------------------------ hover
    def line_at(self, pos: QPointF) -> Line | None:
        best, best_distance = None, HIT_DISTANCE
        for line in self.lines:
            d = _distance_to_segment(pos, line.start, line.end)
            if d <= best_distance:
                best, best_distance = line, d
        return best

    def node_at(self, pos: QPointF) -> tuple[int, int] | None:
        for column, centers in enumerate(self._centers):
            for row, c in enumerate(centers):
                if abs(pos.x() - c.x()) <= self._node / 2 and abs(pos.y() - c.y()) <= self._node / 2:
                    return column, row
        return None

    def tooltip_at(self, pos: QPointF) -> str:
        node = self.node_at(pos)
        if node is not None:
            return self._node_text(*node)
        line = self.line_at(pos)
        if line is None:
            return ""
        return self.tr("Weight {weight}\nfrom {source}\nto {target}").format(
            weight=f"{line.weight:+.3f}", source=self._neuron_name(line.layer, line.source),
            target=self._neuron_name(line.layer + 1, line.target))

    def _neuron_name(self, column: int, row: int) -> str:
        if column == 0:
            return self.tr("input {name}").format(name=self.input_labels[row])
        if column == len(self.hidden_sizes) + 1:
            return self.tr("output {name}").format(name=self.output_labels[row])
        return self.tr("neuron {number} of hidden layer {layer}").format(number=row + 1, layer=column)

    def _node_text(self, column: int, row: int) -> str:
        text = self._neuron_name(column, row)
        text = text[0].upper() + text[1:]
        if 0 < column <= len(self.hidden_sizes):
            text += f" ({self.hidden_activations[column - 1]})"
        if column > 0 and column - 1 < len(self.weights):
            bias = self.weights[column - 1][1]
            if bias is not None:
                text += "\n" + self.tr("bias {value}").format(value=f"{bias[row]:+.3f}")
        return text

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ drawing
    def _layout(self) -> None:
        sizes = [len(self.input_labels), *self.hidden_sizes, self.outputs]
        w, h = self.width(), self.height()
        label_room = 44  # input labels on the left
        top, bottom = 22, 8
        tallest = max(sizes) if sizes else 1
        columns = len(sizes)
        by_height = (h - top - bottom) / tallest * 0.8
        by_width = (w - label_room - 8) / max(1, columns) * 0.5  # leave half of each column to the lines
        self._node = max(MIN_NODE, min(MAX_NODE, int(min(by_height, by_width))))
        left, right = label_room + self._node / 2, w - self._node / 2 - 8
        self._centers = []
        for c, count in enumerate(sizes):
            x = left + (right - left) * (c / max(1, columns - 1))
            spacing = min((h - top - bottom) / max(1, count), self._node * 1.35)
            y0 = top + (h - top - bottom - spacing * count) / 2 + spacing / 2
            self._centers.append([QPointF(x, y0 + spacing * r) for r in range(count)])
        self.lines = []
        for layer, (weight, _bias) in enumerate(self.weights):
            if layer + 1 >= len(self._centers):
                break
            for target, end in enumerate(self._centers[layer + 1]):
                for source, start in enumerate(self._centers[layer]):
                    self.lines.append(Line(QPointF(start.x() + self._node / 2, start.y()),
                                           QPointF(end.x() - self._node / 2, end.y()), layer, target, source,
                                           float(weight[target, source])))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.note:
            painter.fillRect(self.rect(), QColor(255, 255, 255))
            painter.setPen(QColor(90, 90, 90))
            painter.drawText(self.rect().adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.note)
            return
        # the picture is drawn once per frame (or size) and kept: the window repaints for many other reasons
        # (the progress bar, tooltips, other widgets) and each repaint then costs one copy of it
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio)
        if self._picture is None or self._picture_key != key:
            self._picture = self._render(ratio)
            self._picture_key = key
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def _render(self, ratio: float) -> QPixmap:
        self.renders += 1
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(255, 255, 255))
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._layout()
        self._draw_lines(painter)
        self._draw_nodes(painter)
        painter.end()
        return pixmap

    def _changed(self) -> None:
        """Something drawn changed: render the picture again at the next paint."""
        self._picture = None
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._changed()
        super().changeEvent(event)

    def _draw_lines(self, painter: QPainter) -> None:
        if not self.lines:  # before the first frame: thin grey connections show the structure
            painter.setPen(QPen(QColor(200, 200, 200), 1))
            painter.drawLines([QLineF(start.x() + self._node / 2, start.y(), end.x() - self._node / 2, end.y())
                               for a, b in zip(self._centers, self._centers[1:], strict=False)
                               for end in b for start in a])
            return
        finite = [abs(line.weight) for line in self.lines if math.isfinite(line.weight)]
        biggest = max(finite, default=1.0) or 1.0
        # lines grouped by colour and one of LINE_LEVELS strengths: one pen and one call per group
        groups: dict[tuple[bool, int], list[QLineF]] = {}
        for line in self.lines:
            # a diverged network's NaN weights are drawn faint rather than breaking the paint
            strength = min(1.0, abs(line.weight) / biggest) if math.isfinite(line.weight) else 0.0
            key = (line.weight > 0, round(strength * (LINE_LEVELS - 1)))
            # straight, so hovering finds exactly the line drawn
            groups.setdefault(key, []).append(QLineF(line.start, line.end))
        for (positive, level), lines in sorted(groups.items(), key=lambda item: item[0][1]):  # strong on top
            strength = level / (LINE_LEVELS - 1)
            colour = QColor(*(BLUE if positive else ORANGE))
            colour.setAlpha(int(60 + 195 * strength))
            painter.setPen(QPen(colour, 0.5 + 5.5 * strength))
            painter.drawLines(lines)

    def _draw_nodes(self, painter: QPainter) -> None:
        n = self._node
        last = len(self._centers) - 1
        for column, centers in enumerate(self._centers):
            pictures = self.pictures[column] if column < len(self.pictures) else []
            for row, c in enumerate(centers):
                rect = QRectF(c.x() - n / 2, c.y() - n / 2, n, n)
                painter.fillRect(rect, QColor(245, 245, 245))
                picture = pictures[row] if row < len(pictures) else None
                if isinstance(picture, QImage):
                    painter.drawImage(rect, picture)
                elif isinstance(picture, np.ndarray) and picture.size > 1:
                    self._draw_curve(painter, rect, picture)
                painter.setPen(QPen(QColor(120, 120, 120), 1))
                painter.drawRect(rect)
                if column == 0:
                    painter.setPen(QColor(50, 50, 50))
                    painter.drawText(QRectF(rect.left() - 44, rect.top(), 40, n),
                                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                     self.input_labels[row])
            painter.setPen(QColor(90, 90, 90))
            if centers:
                room = (centers[0].x() if column == 0 else
                        (self._centers[1][0].x() - self._centers[0][0].x()) if last else 120)
                heading = (self.tr("Inputs") if column == 0 else self.tr("Output") if column == last
                           else f"{len(centers)} · {self.hidden_activations[column - 1]}")
                if painter.fontMetrics().horizontalAdvance(heading) > room - 6:
                    heading = "" if column in (0, last) else str(len(centers))  # narrow: just the count
                x = centers[0].x()
                painter.drawText(QRectF(x - room / 2, 2, room, 18), Qt.AlignmentFlag.AlignCenter, heading)

    @staticmethod
    def _draw_curve(painter: QPainter, rect: QRectF, values: np.ndarray) -> None:
        """A neuron's output along the x axis (1-D data)."""
        lo, hi = float(values.min()), float(values.max())
        span = hi - lo if hi > lo else 1.0
        xs = np.linspace(rect.left() + 2, rect.right() - 2, len(values))
        ys = rect.bottom() - 2 - (values - lo) / span * (rect.height() - 4)
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:], strict=True):
            path.lineTo(QPointF(x, y))
        painter.setPen(QPen(QColor(*BLUE), 1.5))
        painter.drawPath(path)
