"""How gradient health looks, for any view that shows layers (the layer table, the block graph).

- `tint(position)`: the colour of a layer on the log scale of `health_rules.gradient_position`:
  blue (vanishing) through a pale green (healthy) to red (exploding).
- `layer_tooltip(layer)`: the figures in words, for the hover text.
- `sparkline(values)`: a small picture of a layer's gradient norm over the run (log scale).
- `share_bar(fraction)`: the dead / saturated share of an activation layer as a bar.
- `HealthLegend`: what the colours mean and what to try, with the run's current advice.
- `HealthHistory`: the latest figures and the gradient-norm history per layer index.
- `paint_blocks(blocks, history)`: the same on a block graph's items (anything with
  `set_overlay(color, tooltip_extra, bar)`), by layer index.

Nothing here touches tensors: it paints the plain `LayerHealth` records the health probe sends.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.training.health_rules import (
    BLUE_FULL,
    LayerHealth,
    gradient_position,
    largest_gradient,
)

VANISHING = QColor(54, 110, 220)
HEALTHY = QColor(120, 190, 120)
EXPLODING = QColor(220, 50, 40)
SHARE_COLOR = QColor(150, 80, 170)
HISTORY_POINTS = 240  # the sparkline keeps this many points (older ones are thinned out)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def strong_color(position: float) -> QColor:
    """The full colour of a position: −1 blue, 0 green, +1 red."""
    return _mix(HEALTHY, VANISHING, -position) if position < 0 else _mix(HEALTHY, EXPLODING, position)


def tint(position: float | None, base: QColor | None = None) -> QColor | None:
    """A background for a layer: a pale green when healthy, deepening to blue or red; None without a figure."""
    if position is None:
        return None
    base = base or QColor(255, 255, 255)
    strength = 0.25 + 0.4 * abs(position)  # healthy layers are tinted too, lightly; text stays readable
    return _mix(base, strong_color(position), strength)


def format_value(value: float | None, digits: int = 3) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e4:
        return f"{value:.{digits}g}"
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa}e{int(exponent)}"  # 1.1e-8, not 1.10e-08


def position_word(position: float | None) -> str:
    if position is None:
        return ""
    if position <= -0.5:
        return QCoreApplication.translate("Health", "vanishing")
    if position < 0:
        return QCoreApplication.translate("Health", "weak")
    if position >= 0.5:
        return QCoreApplication.translate("Health", "exploding")
    if position > 0:
        return QCoreApplication.translate("Health", "large")
    return QCoreApplication.translate("Health", "healthy")


def layer_tooltip(layer: LayerHealth, position: float | None = None) -> str:
    """The layer's figures, one per line, in the window's language."""
    lines = []
    if layer.grad_norm is not None:
        lines.append(QCoreApplication.translate("Health", "Gradient norm ‖g‖: {value} ({state})").format(
            value=format_value(layer.grad_norm), state=position_word(position)))
    if layer.update_ratio is not None:
        lines.append(QCoreApplication.translate("Health", "Update ratio ‖Δw‖/‖w‖: {value} (about 0.001 is usual)")
                     .format(value=format_value(layer.update_ratio)))
    if layer.weight_norm is not None:
        lines.append(QCoreApplication.translate("Health", "Weight norm ‖w‖: {value}").format(
            value=format_value(layer.weight_norm)))
    if layer.dead_fraction is not None:
        lines.append(QCoreApplication.translate("Health", "Dead units (zero for the whole batch): {share}").format(
            share=f"{layer.dead_fraction:.0%}"))
    if layer.saturated_fraction is not None:
        lines.append(QCoreApplication.translate("Health", "Saturated outputs: {share}").format(
            share=f"{layer.saturated_fraction:.0%}"))
    return "\n".join(lines)


def sparkline(values: list[float], width: int = 36, height: int = 14, color: QColor | None = None) -> QPixmap:
    """The values as a line on a log scale (each line scaled to its own range), on a transparent pixmap."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    points = [math.log10(v) for v in values if v is not None and v > 0 and math.isfinite(v)]
    if not points:
        return pixmap
    low, high = min(points), max(points)
    span = max(high - low, 0.3)  # a flat line stays flat, not noise blown up to the full height
    middle = (low + high) / 2
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color or QColor(60, 60, 60), 1.4))
    path = QPainterPath()
    n = len(points)
    for i, value in enumerate(points):
        x = 1 + (width - 2) * (i / (n - 1) if n > 1 else 1.0)
        y = height / 2 - (value - middle) / span * (height - 3)
        path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
    if n == 1:
        painter.drawEllipse(QPointF(width - 2, height / 2), 1.5, 1.5)
    painter.drawPath(path)
    painter.end()
    return pixmap


def share_bar(fraction: float, width: int = 36, height: int = 10, color: QColor | None = None) -> QPixmap:
    """A bar filled to `fraction` (0…1) in a frame, red beyond half (the warning threshold)."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    fraction = max(0.0, min(1.0, fraction))
    fill = EXPLODING if fraction > 0.5 else (color or SHARE_COLOR)
    painter.fillRect(QRectF(0, 0, (width - 1) * fraction, height - 1), fill)
    painter.setPen(QPen(QColor(110, 110, 110), 1))
    painter.drawRect(QRectF(0, 0, width - 1, height - 1))
    painter.end()
    return pixmap


class HealthHistory:
    """The latest figures per layer index, and each layer's gradient norm over the run."""

    def __init__(self):
        self.latest: dict[int, LayerHealth] = {}
        self.grad_history: dict[int, list[float]] = {}
        self.largest: float | None = None

    def clear(self) -> None:
        self.latest.clear()
        self.grad_history.clear()
        self.largest = None

    def add(self, layers: list[LayerHealth]) -> None:
        for layer in layers:
            self.latest[layer.index] = layer
            if layer.grad_norm is not None:
                history = self.grad_history.setdefault(layer.index, [])
                history.append(layer.grad_norm)
                if len(history) > HISTORY_POINTS:
                    del history[::2]  # keep the whole run, at half the resolution
        self.largest = largest_gradient(list(self.latest.values()))

    def position(self, index: int) -> float | None:
        layer = self.latest.get(index)
        return gradient_position(layer.grad_norm, self.largest) if layer is not None else None

    def vanishing_below(self) -> int | None:
        """The deepest layer (0-based) from which gradients have vanished down to the input, if any."""
        deepest = None
        for index in sorted(self.latest):
            position = self.position(index)
            if position is None:
                continue
            if position <= -0.5:
                deepest = index
        return deepest

    def __bool__(self) -> bool:
        return bool(self.latest)


def paint_blocks(blocks: dict[int, object], history: HealthHistory) -> None:
    """Tint blocks by their layer's gradient, put the dead/saturated share in their bar and the figures in
    their tooltip; blocks without figures are cleared. `blocks`: layer index → an item with `set_overlay`."""
    for index, block in blocks.items():
        layer = history.latest.get(index)
        if layer is None:
            block.set_overlay(None, "", None)
            continue
        position = history.position(index)
        share = layer.dead_fraction if layer.dead_fraction is not None else layer.saturated_fraction
        block.set_overlay(strong_color(position) if position is not None else None, layer_tooltip(layer, position),
                          share)


class HealthLegend(QWidget):
    """The colour scale in words, and the advice for what the run shows now. Links open Help → Concepts."""

    conceptRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("healthLegend")
        self.bar = QLabel()
        self.bar.setObjectName("healthLegendBar")
        self.bar.setPixmap(self._gradient_bar(120, 10))
        self.bar.setToolTip(self.tr("Gradient norm on a log scale: turning blue from 10 times smaller than the "
                                    "strongest layer's (deep blue at {ratio} times), red from 10 up to 1,000.")
                            .format(ratio=f"{1 / BLUE_FULL:,.0f}"))
        left = QLabel(self.tr("vanishing"))
        right = QLabel(self.tr("exploding"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(left)
        row.addWidget(self.bar)
        row.addWidget(right)
        row.addStretch(1)
        self.text = QLabel()
        self.text.setObjectName("healthLegendText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.linkActivated.connect(self.conceptRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.text)
        self.show_advice(None)

    @staticmethod
    def _gradient_bar(width: int, height: int) -> QPixmap:
        pixmap = QPixmap(width, height)
        painter = QPainter(pixmap)
        gradient = QLinearGradient(0, 0, width, 0)
        gradient.setColorAt(0.0, VANISHING)
        gradient.setColorAt(0.5, HEALTHY)
        gradient.setColorAt(1.0, EXPLODING)
        painter.fillRect(0, 0, width, height, gradient)
        painter.end()
        return pixmap

    def show_advice(self, history: HealthHistory | None) -> None:
        meaning = self.tr("Colour: each layer's gradient norm (blue: vanishing, green: healthy, red: exploding); "
                          "the line: its gradient over the run; bars: dead or saturated units.")
        advice = ""
        if history:
            below = history.vanishing_below()
            exploding = [i for i in history.latest if (history.position(i) or 0) >= 0.5]
            if below is not None:
                advice = self.tr("Gradients vanish below layer {n}: try ReLU, BatchNorm or skip connections.").format(
                    n=below + 1)
                key = "idea:vanishing-gradients"
            elif exploding:
                advice = self.tr("Gradients explode at layer {n}: try a lower learning rate or gradient clipping."
                                 ).format(n=min(exploding) + 1)
                key = "idea:exploding-gradients"
            else:
                advice = self.tr("Gradients look healthy in every layer.")
                key = "idea:gradient-health"
            more = self.tr("Learn more")
            advice = f"<b>{advice}</b> <a href='{key}'>{more}</a><br>"
        what = self.tr("What is this?")
        self.text.setText(advice + meaning + f" <a href='idea:gradient-health'>{what}</a>")
