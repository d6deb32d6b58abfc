"""The plane: the network's output as a heatmap under the data points, or the fitted curve (1-D data).

A dumb view: it draws the probe's frames (`show_frame`) and the data (`set_data`) as given, in
TensorFlow Playground's colours — orange for class 0 / negative values, blue for class 1 / positive.
"""

from __future__ import annotations

import functools

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

ORANGE = (245, 147, 34)
BLUE = (8, 119, 189)
WHITE = (232, 234, 235)
# further classes of a CSV file with more than two
EXTRA_CLASS_COLOURS = [(76, 175, 80), (156, 39, 176), (233, 30, 99), (121, 85, 72), (0, 150, 136), (96, 125, 139)]


def class_colours(count: int) -> list[tuple[int, int, int]]:
    base = [ORANGE, BLUE, *EXTRA_CLASS_COLOURS]
    return [base[i % len(base)] for i in range(count)]


@functools.cache
def diverging_lut(steps: int = 256) -> np.ndarray:
    """orange → white → blue, for values from -1 to 1 (probability 0 → 1 of the blue class). Made once and
    shared (read-only): every frame colours its pictures through it."""
    t = np.linspace(-1, 1, steps)[:, None]
    orange, white, blue = (np.array(c, dtype=float) for c in (ORANGE, WHITE, BLUE))
    colours = np.where(t < 0, white + (orange - white) * -t, white + (blue - white) * t).astype(np.uint8)
    colours.setflags(write=False)
    return colours


def output_image(probs: np.ndarray | None = None, value: np.ndarray | None = None, discretize: bool = False,
                 value_range: tuple[float, float] | None = None) -> np.ndarray:
    """H×W×3 uint8 colours: class probabilities (H×W×C) or a regression value (H×W)."""
    lut = diverging_lut()
    if probs is not None:
        classes = probs.shape[2]
        # a diverged network answers NaN: show it as undecided (white), not as a colour or a crash
        probs = np.where(np.isfinite(probs), probs, 1 / classes)
        if classes == 2:
            signed = probs[..., 1] * 2 - 1  # -1 all orange … 1 all blue
            if discretize:
                signed = np.where(signed >= 0, 1.0, -1.0)
            return lut[np.clip(((signed + 1) / 2 * 255).round(), 0, 255).astype(int)]
        colours = np.array(class_colours(classes), dtype=float)
        best = probs.argmax(axis=2)
        confidence = np.ones(best.shape) if discretize else (probs.max(axis=2) - 1 / classes) / (1 - 1 / classes)
        white = np.array(WHITE, dtype=float)
        rgb = white + (colours[best] - white) * confidence[..., None] * 0.85
        return rgb.astype(np.uint8)
    assert value is not None
    value = np.nan_to_num(np.asarray(value, dtype=float), nan=0.0, posinf=1e30, neginf=-1e30)
    lo, hi = value_range or (float(value.min()), float(value.max()))
    scale = max(abs(lo), abs(hi), 1e-6)
    signed = np.clip(value / scale, -1, 1)
    if discretize:
        signed = np.where(signed >= 0, 1.0, -1.0)
    return lut[((signed + 1) / 2 * 255).round().astype(int)]


class BoundaryView(pg.PlotWidget):
    """objectName boundaryView: heatmap (ImageItem), training and test points, fitted curve."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.setObjectName("boundaryView")
        self.setMinimumSize(180, 180)
        self.setMenuEnabled(False)
        self.getPlotItem().hideButtons()
        self.getPlotItem().setMouseEnabled(x=False, y=False)
        self.showGrid(x=False, y=False)
        for axis in ("left", "bottom"):
            self.getPlotItem().getAxis(axis).setTextPen(pg.mkPen(90, 90, 90))
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image_item)
        self.train_scatter = pg.ScatterPlotItem(size=7, pen=pg.mkPen(255, 255, 255, 230, width=1))
        self.test_scatter = pg.ScatterPlotItem(size=7, pen=pg.mkPen(30, 30, 30, 230, width=1))
        self.curve_item = pg.PlotDataItem(pen=pg.mkPen(40, 40, 40, width=3))
        for item in (self.train_scatter, self.test_scatter, self.curve_item):
            self.addItem(item)
        self.discretize = False
        self.show_test = False
        self.frames_shown = 0
        self._last_frame: dict | None = None
        self._data: dict | None = None
        self._value_range: tuple[float, float] | None = None
        self._extent = None  # (extent, dims) last shown

    # ------------------------------------------------------------------ inputs
    def clear_frames(self) -> None:
        self.image_item.clear()
        self.curve_item.setData([], [])
        self._last_frame = None
        self.frames_shown = 0

    def clear_all(self) -> None:
        """Nothing to show (data that is not a plane): no picture, no points, no curve of an earlier run."""
        self.clear_frames()
        self._data = None
        self.train_scatter.setData([], [])
        self.test_scatter.setData([], [])

    def set_data(self, data: dict) -> None:
        """Training and test points (raw coordinates) with their labels or values."""
        self._data = data
        if data["task"] == "regression":
            values = np.concatenate([data["train_targets"][:, 0], data["test_targets"][:, 0]])
            self._value_range = (float(values.min()), float(values.max())) if len(values) else None
        self._draw_points()

    def set_show_test(self, show: bool) -> None:
        self.show_test = show
        self._draw_points()

    def set_discretize(self, discretize: bool) -> None:
        self.discretize = discretize
        if self._last_frame is not None:
            self.show_frame(self._last_frame, count=False)

    def show_frame(self, frame: dict, count: bool = True) -> None:
        self._last_frame = frame
        x0, x1, y0, y1 = frame["extent"]
        if frame["dims"] == 2:
            rgb = output_image(frame.get("probs"), frame.get("value"), self.discretize, self._value_range)
            self.image_item.setImage(rgb, autoLevels=False, levels=(0, 255))
            self.image_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.curve_item.setData([], [])
        else:
            xs, ys = frame["curve"]
            self.image_item.clear()
            self.curve_item.setData(xs, ys)
        self.show_extent(frame["extent"], frame["dims"])
        if count:
            self.frames_shown += 1

    def show_extent(self, extent: tuple[float, float, float, float], dims: int) -> None:
        """Exactly the data's range, filling the widget (a narrow column stretches the plane rather than
        leaving empty bands)."""
        self._extent = (extent, dims)
        x0, x1, y0, y1 = extent
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    @property
    def image(self) -> np.ndarray | None:
        return self.image_item.image

    # ------------------------------------------------------------------ drawing
    def _draw_points(self) -> None:
        data = self._data
        if data is None:
            return
        self.train_scatter.setData(**self._spots(data["train_points"], data["train_targets"], data))
        if self.show_test and len(data["test_points"]):
            self.test_scatter.setData(**self._spots(data["test_points"], data["test_targets"], data))
            self.test_scatter.show()
        else:
            self.test_scatter.hide()

    def _spots(self, points: np.ndarray, targets: np.ndarray, data: dict) -> dict:
        if points.shape[1] == 1:  # a curve: x against the target value
            return {"x": points[:, 0], "y": targets[:, 0], "brush": pg.mkBrush(*ORANGE)}
        if data["task"] == "classification":
            colours = class_colours(max(2, len(data["class_names"])))
            brushes = [pg.mkBrush(*colours[int(t)]) for t in targets]
        else:
            lut = diverging_lut()
            lo, hi = self._value_range or (-1.0, 1.0)
            scale = max(abs(lo), abs(hi), 1e-6)
            index = ((np.clip(targets[:, 0] / scale, -1, 1) + 1) / 2 * 255).round().astype(int)
            brushes = [pg.mkBrush(QColor(*lut[i])) for i in index]
        return {"x": points[:, 0], "y": points[:, 1], "brush": brushes}
