"""The graph's pieces: a block (Input, a layer, Output) and an arrow with the shape that travels on it.

Both paint themselves from a few precomputed strings, so rebuilding the scene for a 50-block network
costs little more than making the objects. Colours come from the family (`model.FAMILIES`) and the
application palette: pale fills with dark text in a light palette, deep fills with light text in a
dark one, so every block reads in both.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
)

BLOCK_WIDTH = 196.0
BLOCK_HEIGHT = 46.0
PORT_RADIUS = 5.0
_HUES = {"layers": 210, "activations": 32, "regularization": 140, "recurrent": 275, "merge": 330}


def dark_palette() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def family_colors(family: str, dark: bool) -> tuple[QColor, QColor, QColor]:
    """(fill, border, text) for a block of `family` ("" for Input/Output)."""
    if family not in _HUES:
        return ((QColor(70, 72, 78), QColor(150, 152, 160), QColor(240, 240, 240)) if dark
                else (QColor(236, 237, 240), QColor(120, 124, 132), QColor(20, 20, 24)))
    hue = _HUES[family]
    if dark:
        return QColor.fromHsl(hue, 90, 62), QColor.fromHsl(hue, 150, 150), QColor(242, 242, 242)
    return QColor.fromHsl(hue, 170, 228), QColor.fromHsl(hue, 120, 105), QColor(20, 20, 24)


def error_colors(dark: bool) -> tuple[QColor, QColor, QColor]:
    return ((QColor(105, 28, 28), QColor(255, 110, 110), QColor(255, 235, 235)) if dark
            else (QColor(255, 222, 222), QColor(200, 0, 0), QColor(140, 0, 0)))


class _Fonts:
    """Fonts and metrics made once (making a QFont per block would cost more than the block)."""

    title: QFont
    detail: QFont
    label: QFont
    ready = False

    @classmethod
    def make(cls) -> type[_Fonts]:
        if not cls.ready:
            base = QApplication.font()
            cls.title = QFont(base)
            cls.title.setBold(True)
            cls.detail = QFont(base)
            cls.detail.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
            cls.label = QFont(base)
            cls.label.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
            cls.title_metrics = QFontMetricsF(cls.title)
            cls.detail_metrics = QFontMetricsF(cls.detail)
            cls.label_metrics = QFontMetricsF(cls.label)
            cls.ready = True
        return cls


class BlockItem(QGraphicsItem):
    """A block: a title line (type and key setting) and a detail line (output shape, parameters).

    `key` is the layer's row, or model.INPUT / model.OUTPUT. Ports: one output at the bottom centre (drag
    from it to connect), one input at the top centre.
    """

    def __init__(self, key, kind: str, family: str, title: str, detail: str, tooltip,
                 error: bool = False, warning: bool = False, merge: bool = False):
        super().__init__()
        self.key = key
        self.kind = kind
        self.set_content(family, title, detail, tooltip, error, warning, merge)
        flags = QGraphicsItem.GraphicsItemFlag
        if kind == "layer":
            self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemSendsGeometryChanges)
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self._rect = QRectF(-BLOCK_WIDTH / 2, -BLOCK_HEIGHT / 2, BLOCK_WIDTH, BLOCK_HEIGHT)

    def set_content(self, family: str, title: str, detail: str, tooltip, error: bool = False,
                    warning: bool = False, merge: bool = False) -> None:
        """What the block shows; the scene reuses a block for the same key after an edit (cheaper than a new
        one) and so clears its overlay here, as a new block would have none."""
        self.family = family
        self.title = title
        self.detail = detail
        self.error = error
        self.warning = warning
        self.merge = merge
        self._tooltip = tooltip  # the text, or a function that makes it (when first hovered: rebuilds stay cheap)
        self.overlay_color: QColor | None = None
        self.overlay_bar: float | None = None
        self.overlay_text = ""
        self.update()

    def toolTip(self) -> str:  # noqa: N802 — QGraphicsItem's name; the scene's helpEvent shows it
        if callable(self._tooltip):
            self._tooltip = self._tooltip()
        return self._tooltip + (f"\n{self.overlay_text}" if self.overlay_text else "")

    # ------------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -PORT_RADIUS - 2, 6, PORT_RADIUS + 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, 8, 8)
        return path

    def output_port(self) -> QPointF:
        return self.pos() + QPointF(0, BLOCK_HEIGHT / 2)

    def input_port(self) -> QPointF:
        return self.pos() - QPointF(0, BLOCK_HEIGHT / 2)

    def near_output_port(self, scene_pos: QPointF) -> bool:
        """On the output port or the bottom band of the block: where a connecting drag starts."""
        local = self.mapFromScene(scene_pos)
        return self.kind != "output" and abs(local.x()) <= 28 and local.y() >= BLOCK_HEIGHT / 2 - 9

    # ------------------------------------------------------------------ the health hook (issue 15)
    def set_overlay(self, color: QColor | None, tooltip_extra: str = "", bar: float | None = None) -> None:
        """A tint along the block's left edge, a bar (0..1) along its bottom and a line added to its
        tooltip; `None`/"" clears them. Cleared whenever the scene is rebuilt (an edit)."""
        self.overlay_color = QColor(color) if color is not None else None
        self.overlay_bar = None if bar is None else max(0.0, min(1.0, float(bar)))
        self.overlay_text = tooltip_extra
        self.update()

    # ------------------------------------------------------------------ painting
    def colors(self) -> tuple[QColor, QColor, QColor]:
        dark = dark_palette()
        if self.error:
            return error_colors(dark)
        return family_colors(self.family if self.kind == "layer" else "", dark)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        fonts = _Fonts.make()
        fill, border, text = self.colors()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = BLOCK_HEIGHT / 2 if self.kind != "layer" else 8
        if self.isSelected():  # a ring around the block, so a red block stays red when selected
            painter.setPen(QPen(QApplication.palette().color(QPalette.ColorRole.Highlight), 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-3.5, -3.5, 3.5, 3.5), radius + 3, radius + 3)
        painter.setPen(QPen(border, 2.5 if self.error else 1.2))
        if self.overlay_color is not None:  # the whole block takes on the health colour, the family's shows through
            fill = _mixed(fill, self.overlay_color, OVERLAY_SHARE)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, radius, radius)
        left = self._rect.left() + 10
        if self.overlay_color is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.overlay_color)
            painter.drawRoundedRect(QRectF(self._rect.left() + 2, self._rect.top() + 4, 6,
                                           BLOCK_HEIGHT - 8), 3, 3)
            left += 4
        if self.overlay_bar is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.overlay_color or border)
            painter.drawRect(QRectF(self._rect.left() + 8, self._rect.bottom() - 5,
                                    (BLOCK_WIDTH - 16) * self.overlay_bar, 3))
        width = self._rect.right() - 10 - left
        painter.setPen(text)
        painter.setFont(fonts.title)
        marker = "✖ " if self.error else "⚠ " if self.warning else ""
        title = fonts.title_metrics.elidedText(marker + self.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(left, self._rect.top() + 5, width, 20), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(fonts.detail)
        detail = fonts.detail_metrics.elidedText(self.detail, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(left, self._rect.top() + 24, width, 20), Qt.AlignmentFlag.AlignLeft, detail)
        # ports: where arrows leave and arrive
        painter.setPen(QPen(border, 1.2))
        painter.setBrush(QBrush(fill))
        if self.kind != "output":
            painter.drawEllipse(QPointF(0, BLOCK_HEIGHT / 2), PORT_RADIUS, PORT_RADIUS)
        if self.kind != "input":
            painter.setBrush(QBrush(border if self.merge else fill))
            painter.drawEllipse(QPointF(0, -BLOCK_HEIGHT / 2), PORT_RADIUS, PORT_RADIUS)

    def hoverEnterEvent(self, event) -> None:
        view = self.scene().views()[0] if self.scene() and self.scene().views() else None
        if view is not None and hasattr(view, "blockHovered"):
            view.blockHovered.emit(self.key)
        super().hoverEnterEvent(event)


OVERLAY_SHARE = 0.4  # how much of a block's fill is its overlay colour (gradient health)


def _mixed(base: QColor, over: QColor, share: float) -> QColor:
    return QColor(*(round(a * (1 - share) + b * share) for a, b in
                    ((base.red(), over.red()), (base.green(), over.green()), (base.blue(), over.blue()))))


_WIDTHS: dict[str, float] = {}


def _label_width(label: str) -> float:
    """The shape label's width; the same few labels come back on every rebuild."""
    if label not in _WIDTHS:
        _WIDTHS[label] = _Fonts.make().label_metrics.horizontalAdvance(label)
    return _WIDTHS[label]


class EdgeItem(QGraphicsPathItem):
    """An arrow from a block's output port to another's input port, through the layout's bends, labelled
    with the tensor shape it carries. Only arrows written in the file (into a merge block, a branch) are
    selectable: the straight chain's arrows are implied by the order."""

    def __init__(self, source, target, points: list[QPointF], label: str, explicit: bool, tooltip):
        super().__init__()
        self.source = source
        self.target = target
        self.setZValue(0)
        self.set_route(points, label, explicit, tooltip)

    def set_route(self, points: list[QPointF], label: str, explicit: bool, tooltip) -> None:
        """Where the arrow runs and what it says (the scene reuses an arrow between the same two keys)."""
        self.prepareGeometryChange()
        self.label = label
        self.points = points
        self.highlighted = False
        path = QPainterPath(points[0])
        for a, b in zip(points, points[1:], strict=False):
            if abs(a.x() - b.x()) > 0.5:  # a bend: leave vertically, cross, arrive vertically
                middle = (a.y() + b.y()) / 2
                path.cubicTo(QPointF(a.x(), middle), QPointF(b.x(), middle), b)
            else:
                path.lineTo(b)
        self.setPath(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, explicit)
        self._tooltip = tooltip
        self._label_at = self._label_position()
        text = _label_width(label) + 12 if label else 0
        self._bounds = path.boundingRect().adjusted(-8 - text, -8, 8, 8)
        self._stroke: QPainterPath | None = None

    def toolTip(self) -> str:  # noqa: N802
        if callable(self._tooltip):
            self._tooltip = self._tooltip()
        return self._tooltip

    def _label_position(self) -> QPointF:
        """Where the label ends: left of the arrow's first stretch (skip arrows leave to the right, so the
        two never cross), halfway down the gap below the source."""
        a, b = self.points[0], self.points[1]
        if abs(a.x() - b.x()) <= 0.5:
            return QPointF(a.x() - 7, (a.y() + b.y()) / 2)
        return QPointF(a.x() - 7, a.y() + 14)

    def set_highlight(self, on: bool) -> None:
        """The drop target while a palette block is dragged over the graph."""
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def shape(self) -> QPainterPath:
        if self._stroke is None:  # made when first hit-tested, not for every arrow of every rebuild
            stroker = QPainterPathStroker()
            stroker.setWidth(14)
            self._stroke = stroker.createStroke(self.path())
        return self._stroke

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        fonts = _Fonts.make()
        palette = QApplication.palette()
        dark = self.scene() is not None and self.scene().backgroundBrush().color().lightness() < 128
        color = (palette.color(QPalette.ColorRole.Highlight) if self.highlighted or self.isSelected()
                 else QColor(170, 174, 182) if dark else QColor(95, 100, 110))
        width = 4.0 if self.highlighted else 2.5 if self.isSelected() else 1.4
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        tip = self.points[-1]
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 5, tip.y() - 9), QPointF(tip.x() + 5, tip.y() - 9)]))
        if self.label:
            painter.setFont(fonts.label)
            # dark on a light background, light on a dark one (the window's palette, or white in an export)
            light = self.scene() is None or self.scene().backgroundBrush().color().lightness() >= 128
            text = QColor(30, 30, 34) if light else QColor(230, 230, 235)
            painter.setPen(color if self.highlighted else text)
            box = QRectF(self._label_at.x() - 200, self._label_at.y() - 9, 200, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.label)
