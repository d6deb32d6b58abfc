"""Small numpy → QPixmap helpers shared by the insight views (images, filter grids, bar strips)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

NEGATIVE = np.array([33, 102, 172], dtype=np.float32)  # blue
POSITIVE = np.array([178, 24, 43], dtype=np.float32)  # red
ZERO = np.array([247, 247, 247], dtype=np.float32)


def unnormalize(image: np.ndarray, normalization: tuple[float, float] | None) -> np.ndarray:
    """A model input back to pixel values in [0, 1] (28×28), undoing (x − mean) / std."""
    pixels = np.asarray(image, dtype=np.float32).reshape(image.shape[-2:])
    if normalization:
        mean, std = normalization
        pixels = pixels * std + mean
    return np.clip(pixels, 0.0, 1.0)


def gray_pixmap(pixels01: np.ndarray, size: int) -> QPixmap:
    """A [0, 1] grayscale array as a square pixmap, white ink on black as the model sees it."""
    data = np.ascontiguousarray((np.clip(pixels01, 0, 1) * 255).astype(np.uint8))
    h, w = data.shape
    image = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


def diverging_rgb(values: np.ndarray, limit: float | None = None) -> np.ndarray:
    """Blue for negative, white for zero, red for positive; H×W → H×W×3 uint8."""
    limit = float(limit if limit is not None else np.abs(values).max()) or 1.0
    t = np.clip(values / limit, -1, 1)[..., None]
    rgb = np.where(t >= 0, ZERO + (POSITIVE - ZERO) * t, ZERO + (NEGATIVE - ZERO) * (-t))
    return rgb.astype(np.uint8)


def magnitude_rgb(values: np.ndarray) -> np.ndarray:
    """A feature map: black at its minimum, bright at its maximum (viridis-like ramp)."""
    lo, hi = float(values.min()), float(values.max())
    t = (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)
    stops = np.array([[0, 0, 4], [59, 15, 112], [140, 41, 129], [222, 73, 104], [254, 159, 109], [252, 253, 191]],
                     dtype=np.float32)
    pos = t * (len(stops) - 1)
    i = np.clip(pos.astype(int), 0, len(stops) - 2)
    frac = (pos - i)[..., None]
    return (stops[i] * (1 - frac) + stops[i + 1] * frac).astype(np.uint8)


def tile(maps: np.ndarray, columns: int | None = None, pad: int = 1, background: int = 40) -> np.ndarray:
    """N×H×W×3 images → one mosaic (rows of `columns`), separated by `pad` pixels."""
    n, h, w = maps.shape[:3]
    columns = columns or max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / columns)
    mosaic = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad, 3), background, dtype=np.uint8)
    for k in range(n):
        r, c = divmod(k, columns)
        y, x = pad + r * (h + pad), pad + c * (w + pad)
        mosaic[y:y + h, x:x + w] = maps[k]
    return mosaic


def rgb_pixmap(rgb: np.ndarray, scale: int) -> QPixmap:
    data = np.ascontiguousarray(rgb)
    h, w = data.shape[:2]
    image = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(w * scale, h * scale, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


def bar_strip_pixmap(values: np.ndarray, width: int, height: int) -> QPixmap:
    """One bar per unit, up for positive, down for negative, around a middle line."""
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor(250, 250, 250))
    values = np.asarray(values, dtype=np.float32).ravel()
    if len(values) == 0:
        return pixmap
    painter = QPainter(pixmap)
    limit = float(np.abs(values).max()) or 1.0
    has_negative = bool((values < 0).any())
    base = height / 2 if has_negative else height - 1
    reach = (height / 2 - 1) if has_negative else height - 2
    step = width / len(values)
    for k, v in enumerate(values):
        h = reach * abs(float(v)) / limit
        color = QColor(*POSITIVE.astype(int)) if v >= 0 else QColor(*NEGATIVE.astype(int))
        top = base - h if v >= 0 else base
        painter.fillRect(QRectF(k * step, top, max(step - (1 if step > 3 else 0), 1), h), color)
    painter.setPen(QColor(120, 120, 120))
    painter.drawLine(0, int(base), width, int(base))
    painter.end()
    return pixmap
