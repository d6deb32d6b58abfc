"""Lesson 003's picture in the 2-D tab: the line through the points, and the loss surface under it.

Shown instead of the network diagram and the output column when the network is one straight line
y = w·x + b fitted with a squared error (`DescentProbe.for_experiment`). Two square plots, side by
side when the tab is wide and one above the other when it is narrow:

- `LinePlot`: the training points, the current line, each point's residual as a vertical segment,
  the least-squares line dashed, and the caption ``y = w·x + b, w = …, b = …, SSE = …``.
- `LossSurfaceView`: the loss over a (w, b) grid as a shaded contour map (ImageItem + IsocurveItems),
  the least-squares optimum as a star, the path gradient descent takes drawn as it goes, and after
  Step the last update as an arrow with its gradient in the caption.

Both only draw what `training.probes.descent.DescentProbe` sends from the training thread; before a
run `LineLessonView.preview` shows the points and the map from numpy alone.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from playground.training.loss_surface import LossSurface
from playground.ui.square import SquareBox

PATH_COLOUR = (214, 39, 40)
ARROW_COLOUR = (20, 20, 20)
POINT_COLOUR = (245, 147, 34)
LINE_COLOUR = (8, 119, 189)
LEVELS = 9  # contour lines


def number(value: float | None, digits: int = 4) -> str:
    """A figure for a caption: fixed decimals, scientific when tiny or huge, a dash when unknown."""
    if value is None or not math.isfinite(value):
        return "—" if value is None else ("∞" if value > 0 else "−∞" if value < 0 else "NaN")
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 10 ** -digits):
        return f"{value:.3e}".replace("-", "−")
    return f"{value:.{digits}f}".replace("-", "−")


def _plot(name: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    plot.setObjectName(name)
    plot.setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    plot.getPlotItem().setMouseEnabled(x=False, y=False)
    for axis in ("left", "bottom"):
        plot.getPlotItem().getAxis(axis).setTextPen(pg.mkPen(90, 90, 90))
        plot.getPlotItem().getAxis(axis).enableAutoSIPrefix(False)  # w in its own units, not "×0.001"
    return plot


def keep_together(text: str) -> str:
    """'w = 0.45' never breaks across lines: the spaces around '=' do not wrap."""
    return text.replace(" = ", "\u00a0=\u00a0")


def _caption(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class _CaptionedPlot(QWidget):
    """A square plot with captions under it that wrap (never cut): `caption_height` says how tall they are."""

    captionChanged = Signal()

    def __init__(self, name: str, x_label: str, y_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = _plot(name)
        self.plot.setLabel("bottom", x_label)
        self.plot.setLabel("left", y_label)
        self._captions: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.square = SquareBox(self.plot, minimum=140)
        self._layout.addWidget(self.square, 1)
        self._layout.addStretch(0)

    def _add_caption(self, name: str, style: str) -> QLabel:
        label = _caption(name)
        label.setStyleSheet(style)
        self._layout.insertWidget(self._layout.count() - 1, label)  # above the stretch
        self._captions.append(label)
        return label

    def caption_height(self, width: int) -> int:
        """The height the visible captions take at this width."""
        return sum(label.heightForWidth(width) + 2 for label in self._captions if not label.isHidden())


class LinePlot(_CaptionedPlot):
    """The nine points, the current line and its residuals; the caption with w, b and the loss."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("linePlot", "x", "y", parent)
        self.best_item = pg.PlotDataItem(pen=pg.mkPen(120, 120, 120, width=1.5, style=Qt.PenStyle.DashLine))
        self.residual_item = pg.PlotDataItem(pen=pg.mkPen(*PATH_COLOUR, 200, width=1.5), connect="pairs")
        self.line_item = pg.PlotDataItem(pen=pg.mkPen(*LINE_COLOUR, width=3))
        self.points_item = pg.ScatterPlotItem(size=9, pen=pg.mkPen(255, 255, 255, width=1),
                                              brush=pg.mkBrush(*POINT_COLOUR))
        for item in (self.best_item, self.residual_item, self.line_item, self.points_item):
            self.plot.addItem(item)
        self.caption = self._add_caption("lineCaption", "font-size: 14px;")
        self.x = np.zeros(0)
        self.y = np.zeros(0)
        self.line: tuple[float, float] | None = None
        self._summed = True
        self._xs = (0.0, 1.0)

    def set_points(self, x: np.ndarray, y: np.ndarray, optimum: tuple[float, float], summed: bool) -> None:
        self.x, self.y, self._summed = np.asarray(x, float), np.asarray(y, float), summed
        self.points_item.setData(self.x, self.y)
        lo, hi = float(self.x.min()), float(self.x.max())
        pad = 0.08 * (hi - lo or 1.0)
        self._xs = (lo - pad, hi + pad)
        ylo, yhi = float(self.y.min()), float(self.y.max())
        ypad = 0.12 * (yhi - ylo or 1.0)
        self.plot.getPlotItem().getViewBox().setRange(xRange=self._xs, yRange=(ylo - ypad, yhi + ypad), padding=0)
        w, b = optimum
        self.best_item.setData(list(self._xs), [w * self._xs[0] + b, w * self._xs[1] + b])
        self.set_line(None)

    def set_line(self, line: tuple[float, float] | None) -> None:
        self.line = line
        w, b = line if line is not None else (None, None)
        loss = None
        if line is None or not all(math.isfinite(v) for v in line):
            self.line_item.setData([], [])
            self.residual_item.setData([], [])
        else:
            self.line_item.setData(list(self._xs), [w * self._xs[0] + b, w * self._xs[1] + b])
            fitted = w * self.x + b
            self.residual_item.setData(np.repeat(self.x, 2), np.column_stack([self.y, fitted]).ravel())
            residuals = fitted - self.y
            loss = float(residuals @ residuals) / (1 if self._summed else max(1, len(self.x)))
        name = "SSE" if self._summed else "MSE"
        self.caption.setText(keep_together(self.tr("y = w·x + b,  w = {w},  b = {b},  {loss_name} = {loss}").format(
            w=number(w), b=number(b), loss_name=name, loss=number(loss, 3))))
        self.captionChanged.emit()


class LossSurfaceView(_CaptionedPlot):
    """The loss over (w, b): shaded by its logarithm, contour lines, the optimum, the descent path."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("lossSurfacePlot", "w", "b", parent)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_item.setLookupTable(_surface_lut())
        self.plot.addItem(self.image_item)
        self.contours: list[pg.IsocurveItem] = []
        for _ in range(LEVELS):
            contour = pg.IsocurveItem(pen=pg.mkPen(60, 80, 120, 150, width=1), axisOrder="row-major")
            contour.setParentItem(self.image_item)  # in the image's pixel coordinates (pixel centres)
            self.contours.append(contour)
        self.path_item = pg.PlotDataItem(pen=pg.mkPen(*PATH_COLOUR, width=2), symbol="o", symbolSize=4,
                                         symbolPen=None, symbolBrush=pg.mkBrush(*PATH_COLOUR))
        self.start_item = pg.ScatterPlotItem(size=10, symbol="o", pen=pg.mkPen(*PATH_COLOUR, width=2),
                                             brush=pg.mkBrush(255, 255, 255))
        self.optimum_item = pg.ScatterPlotItem(size=18, symbol="star", pen=pg.mkPen(40, 40, 40, width=1),
                                               brush=pg.mkBrush(255, 215, 0))
        self.step_item = pg.PlotDataItem(pen=pg.mkPen(*ARROW_COLOUR, width=2.5))
        self.arrow_item = pg.ArrowItem(headLen=14, tipAngle=35, pen=pg.mkPen(*ARROW_COLOUR),
                                       brush=pg.mkBrush(*ARROW_COLOUR))
        self.arrow_item.hide()
        for item in (self.path_item, self.start_item, self.optimum_item, self.step_item, self.arrow_item):
            self.plot.addItem(item)
        self.plot.getPlotItem().getViewBox().sigRangeChanged.connect(self._place_arrow)
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._place_arrow)
        self.caption = self._add_caption("surfaceCaption", "")
        self.step_caption = self._add_caption("stepCaption", "color: #222;")
        self.step_caption.hide()
        self.path = np.zeros((0, 2))
        self.surface: dict | None = None
        self._step: tuple[tuple[float, float], tuple[float, float]] | None = None

    # ------------------------------------------------------------------ inputs
    def set_surface(self, surface: dict) -> None:
        """The map (grid_w, grid_b, loss, optimum, summed, lr, stable_lr, plain_gd); clears the path."""
        self.surface = surface
        w, b, loss = surface["grid_w"], surface["grid_b"], surface["loss"]
        best = surface["optimum"][2]
        shade = np.log10(np.maximum(loss - best, 0) + max(best, 1e-6) * 1e-3 + 1e-12)
        self.image_item.setImage(shade, autoLevels=True)
        dw, db = (w[-1] - w[0]) / (len(w) - 1), (b[-1] - b[0]) / (len(b) - 1)
        # the image's pixels span the grid's points: one grid step per pixel, offset half a step
        self.image_item.setRect(QRectF(w[0] - dw / 2, b[0] - db / 2, dw * len(w), db * len(b)))
        span = float(loss.max()) - best
        levels = best + span * 0.5 ** (np.arange(LEVELS) + 1) * 1.6
        for contour, level in zip(self.contours, levels, strict=True):
            contour.setData(loss, float(level))
        self.optimum_item.setData([surface["optimum"][0]], [surface["optimum"][1]])
        self.plot.getPlotItem().getViewBox().setRange(xRange=(w[0], w[-1]), yRange=(b[0], b[-1]), padding=0)
        self.path = np.zeros((0, 2))
        self.path_item.setData([], [])
        start = surface.get("start")
        self.start_item.setData(*(([start[0]], [start[1]]) if start else ([], [])))
        if start:
            self.path = np.asarray([start], dtype=float)
            self.path_item.setData(self.path[:, 0], self.path[:, 1])
        self._step = None
        self._draw_step()
        self._update_caption()

    def add_points(self, points: np.ndarray, step: dict | None = None) -> None:
        """The trainer's (w, b) after each new update; `step` (from Step) draws the last update as an arrow."""
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(points):
            before = tuple(self.path[-1]) if len(self.path) else None
            self.path = np.concatenate([self.path, points])
            finite = np.isfinite(self.path).all(axis=1)
            self.path_item.setData(self.path[finite, 0], self.path[finite, 1])
            if step is not None and before is not None:
                self._step = (before, tuple(points[-1]))
                self._show_step_text(step)
            else:
                self._step = None
                self.step_caption.hide()
        self._draw_step()
        self._update_caption()

    # ------------------------------------------------------------------ drawing
    def _draw_step(self) -> None:
        if self._step is None:
            self.step_item.setData([], [])
            self.arrow_item.hide()
            return
        (w0, b0), (w1, b1) = self._step
        self.step_item.setData([w0, w1], [b0, b1])
        self.arrow_item.setPos(w1, b1)
        self.arrow_item.show()
        self._place_arrow()

    def _place_arrow(self, *_args) -> None:
        """Turn the arrow head along the step as it appears on screen (w and b have different scales)."""
        if self._step is None:
            return
        box = self.plot.getPlotItem().getViewBox()
        (w0, b0), (w1, b1) = self._step
        p0, p1 = box.mapViewToScene(QPointF(w0, b0)), box.mapViewToScene(QPointF(w1, b1))
        if p0 is None or p1 is None or (p0 - p1).manhattanLength() < 1e-9:
            return
        self.arrow_item.setStyle(angle=180 + math.degrees(math.atan2(p1.y() - p0.y(), p1.x() - p0.x())))

    def _show_step_text(self, step: dict) -> None:
        name = self._loss_name()
        lr = self.surface["lr"] if self.surface else float("nan")
        self.step_caption.setText(self.tr(
            "Last step: ∂{loss_name}/∂w = {gw}, ∂{loss_name}/∂b = {gb}; "
            "w ← w − η·∂{loss_name}/∂w, b ← b − η·∂{loss_name}/∂b with η = {lr}").format(
            loss_name=name, gw=number(step["grad_w"], 3), gb=number(step["grad_b"], 3), lr=f"{lr:g}"))
        self.step_caption.show()

    def _loss_name(self) -> str:
        return "SSE" if self.surface is None or self.surface["summed"] else "MSE"

    def _update_caption(self) -> None:
        s = self.surface
        if s is None:
            self.caption.setText("")
            self.captionChanged.emit()
            return
        w, b, loss = s["optimum"]
        lines = [self.tr("{loss_name} over (w, b); ★ least squares: w = {w}, b = {b}, {loss_name} = {loss}").format(
            loss_name=self._loss_name(), w=number(w), b=number(b), loss=number(loss, 3))]
        steps = max(0, len(self.path) - 1)
        if steps or s.get("start") is not None:
            lines.append(self.tr("Gradient descent path: {count} steps").format(count=steps))
        if s["plain_gd"] and s["lr"] > s["stable_lr"]:
            lines.append(self.tr("η = {lr} is above {limit}, the most this bowl allows: every step overshoots "
                                 "further than the last and the path runs off the map.").format(
                lr=f"{s['lr']:g}", limit=f"{s['stable_lr']:.4g}"))
        elif not s["plain_gd"]:
            lines.append(self.tr("This optimizer is not plain gradient descent on all the points (momentum, "
                                 "Adam, smaller batches or a penalty): its path is its own."))
        self.caption.setText(keep_together("<br>".join(lines)))
        self.captionChanged.emit()


def _surface_lut() -> np.ndarray:
    """Pale at the bottom of the bowl, slate blue up its walls."""
    t = np.linspace(0, 1, 256)[:, None]
    low, high = np.array([252, 250, 238], dtype=float), np.array([92, 118, 168], dtype=float)
    return (low + (high - low) * t).astype(np.uint8)


class LineLessonView(QWidget):
    """The two plots, side by side when wide, stacked when narrow, each square."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lineLessonView")
        self.line_plot = LinePlot()
        self.surface_view = LossSurfaceView()
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(8)
        self.box.addWidget(self.line_plot, 1)
        self.box.addWidget(self.surface_view, 1)
        for cell in (self.line_plot, self.surface_view):
            cell.captionChanged.connect(self._arrange)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Side by side or stacked, whichever gives the larger squares; each plot no larger than its square,
        so the captions sit right under the plots and the spare room goes below."""
        width, height, gap = self.width(), self.height(), self.box.spacing()
        cells = (self.line_plot, self.surface_view)

        def side(cell_width: int, rows: int) -> int:
            captions = sum(cell.caption_height(cell_width) for cell in cells)
            if rows == 1:
                return min(cell_width, height - max(cell.caption_height(cell_width) for cell in cells))
            return min(cell_width, (height - captions - gap) // 2)

        beside, stacked = side((width - gap) // 2, 1), side(width, 2)
        direction = QBoxLayout.Direction.LeftToRight if beside > stacked else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
        for cell in cells:
            cell.square.setMaximumHeight(max(beside, stacked, cell.square.minimumHeight()))

    def preview(self, x: np.ndarray, y: np.ndarray, summed: bool, lr: float, plain_gd: bool) -> None:
        """Before a run: the points and the map from numpy (a few thousand values, no tensors)."""
        surface = LossSurface(x, y, summed=summed)
        best = surface.optimum()
        grid = surface.grid(size=81)
        self.surface_view.set_surface({"grid_w": grid.w, "grid_b": grid.b, "loss": grid.loss,
                                       "optimum": (best.w, best.b, best.loss), "summed": summed, "lr": lr,
                                       "stable_lr": surface.largest_stable_lr(), "plain_gd": plain_gd,
                                       "start": None})
        self.line_plot.set_points(x, y, (best.w, best.b), summed)

    def handle(self, payload: dict) -> None:
        """A `DescentProbe` payload."""
        if payload.get("kind") == "surface":
            self.surface_view.set_surface(payload)
            self.line_plot.set_points(payload["x"], payload["y"], payload["optimum"][:2], payload["summed"])
            self.line_plot.set_line(tuple(payload["start"]))
            return
        self.surface_view.add_points(payload["points"], payload.get("step"))
        if len(payload["points"]):
            self.line_plot.set_line(tuple(float(v) for v in payload["points"][-1]))
