"""Axis helpers shared by the plots."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen

GRID_Z = -200  # below the ViewBox (z -100), so curves paint over the grid


class GridAxis(pg.AxisItem):
    """An axis whose grid lines are painted opaque, in the shade the translucent line would have.

    pyqtgraph draws the grid as translucent lines across the whole plot, and Qt's raster engine
    blends a translucent 1-px line about 30× slower than it paints an opaque one (51 grid lines of
    one axis: 5 ms against 0.16 ms). With four gridded axes redrawn 30 times a second while
    training, that alone kept the GUI thread busy and slowed training in the window 1.6× or more
    (benchmarks/FIXES.md). Pre-blending each line with the plot's background gives the same
    picture, and the axis sits behind the curves so they still cross the grid rather than being
    cut by it. Opaque lines of one axis would also cut dots into the other axis's lines where they
    cross, so the grid has two levels, not three: the third, faintest level (pyqtgraph: "pretty,
    but eat up CPU") was dense enough to make the major lines look dashed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle(maxTickLevel=1)

    def setZValue(self, z: float) -> None:  # noqa: N802 (Qt's name; PlotItem puts axes at 0.5)
        super().setZValue(min(z, GRID_Z))

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph's name)
        specs = super().generateDrawSpecs(p)
        if specs is None or self.grid is False:
            return specs
        axis_spec, tick_specs, text_specs = specs
        background = self._background()
        return axis_spec, [(_opaque(pen, background), a, b) for pen, a, b in tick_specs], text_specs

    def _background(self) -> QColor:
        scene = self.scene()
        for view in scene.views() if scene is not None else []:
            color = view.backgroundBrush().color()
            if color.alpha() == 255:
                return color
        return pg.mkColor(pg.getConfigOption("background"))


def _opaque(pen: QPen, background: QColor) -> QPen:
    color = pen.color()
    alpha = color.alphaF()
    if alpha >= 1.0:
        return pen
    pen = QPen(pen)
    pen.setColor(QColor(*(round(c * alpha + b * (1 - alpha)) for c, b in (
        (color.red(), background.red()), (color.green(), background.green()), (color.blue(), background.blue())))))
    return pen


def grid_axes(**axes: pg.AxisItem) -> dict[str, pg.AxisItem]:
    """`axisItems` for a PlotWidget with a grid: GridAxis left and bottom unless given."""
    return {"left": GridAxis("left"), "bottom": GridAxis("bottom"), **axes}


class WholeNumberAxis(GridAxis):
    """An axis for counts such as epochs: ticks only at whole numbers (no "1.5 epochs")."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph's name)
        levels = []
        for spacing, offset in super().tickSpacing(minVal, maxVal, size):
            spacing = float(max(1, round(spacing)))
            if all(spacing != s for s, _ in levels):
                levels.append((spacing, offset))
        return levels


def whole_number_axis(orientation: str = "bottom") -> WholeNumberAxis:
    axis = WholeNumberAxis(orientation)
    axis.enableAutoSIPrefix(False)
    return axis
