"""Axis helpers shared by the plots."""

from __future__ import annotations

import pyqtgraph as pg


class WholeNumberAxis(pg.AxisItem):
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
