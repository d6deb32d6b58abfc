"""Turn a drawing or a picture of a digit into the 28×28 input an MNIST model expects.

MNIST's digits were prepared in a particular way, and a model only reads a new digit well when it
is prepared the same way:

1. crop to the bounding box of the ink;
2. scale it (antialiased, aspect ratio kept) so its longer side is 20 pixels;
3. place it in a 28×28 field and shift it so its center of mass sits at the field's center;
4. normalize with the mean and standard deviation the model was trained with.

Coordinates. Pixel (r, c) covers the square [r, r+1) × [c, c+1), so its center is at
(r + 0.5, c + 0.5) and the center of the 28×28 field is (14.0, 14.0). `center_of_mass` uses these
coordinates. The shift is a whole number of pixels (no resampling blur), so the center of mass
ends within half a pixel of (14.0, 14.0) — unless reaching the center would push ink off the
field (a digit whose mass sits at one end), in which case the ink stops at the border.

Ink is bright on a dark background (1 = full ink, 0 = empty), like MNIST. The canvas paints that
way; a picture may be dark-on-light or light-on-dark, and `ink_from_picture` decides which from
its border.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from playground.i18n import QT_TRANSLATE_NOOP

SIZE = 28  # the model's input field
BOX = 20  # the longer side of the digit after scaling, as in MNIST
NOISE_FLOOR = 0.08  # ink fainter than this (after background removal) is paper texture or JPEG noise
EMPTY_HINT = QT_TRANSLATE_NOOP("Data", "Draw a digit…")  # the UI shows it translated


class EmptyImage(ValueError):
    """There is no ink to classify. The message is a hint for the person drawing."""

    def __init__(self, message: str = EMPTY_HINT):
        super().__init__(message)


class UnreadableImage(ValueError):
    """A file that is not an image we can open; the message says which and why."""


# --------------------------------------------------------------------------- pictures and files


def to_gray(image: np.ndarray) -> np.ndarray:
    """Any H×W, H×W×1, H×W×3 or H×W×4 array (uint8, or float in [0, 1]) → H×W float32 in [0, 1]."""
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.dtype == np.uint8:
        array = array.astype(np.float32) / 255.0
    elif array.dtype == np.uint16:
        array = array.astype(np.float32) / 65535.0
    else:
        array = array.astype(np.float32)
    if array.ndim == 3 and array.shape[2] in (3, 4):
        rgb = array[:, :, :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        if array.shape[2] == 4:
            rgb = _flatten_alpha(rgb, array[:, :, 3])
        array = rgb
    if array.ndim != 2:
        raise ValueError(f"expected a grayscale or RGB(A) image, got an array of shape {np.shape(image)}")
    return np.clip(np.nan_to_num(array), 0.0, 1.0)


def _flatten_alpha(gray: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Put a transparent picture on a backdrop that contrasts with its strokes.

    A digit drawn in black on a transparent PNG would vanish on black, one drawn in white on
    white: so the backdrop is the opposite of the opaque pixels' mean brightness.
    """
    if alpha.min() >= 0.999:
        return gray
    opaque = alpha > 0.5
    stroke = float(gray[opaque].mean()) if opaque.any() else 0.0
    backdrop = 1.0 if stroke < 0.5 else 0.0
    return gray * alpha + backdrop * (1.0 - alpha)


def ink_from_picture(gray: np.ndarray) -> np.ndarray:
    """A grayscale picture → ink (bright on dark, 0 where the paper is), whatever its polarity.

    The background is what the border shows (the median of the outermost pixels): a light border
    means dark ink on light paper, which is inverted. The background level is then subtracted, so
    gray paper or a dim screen photo still has an empty background.
    """
    gray = to_gray(gray)
    border = np.concatenate([gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1]])
    background = float(np.median(border))
    ink = 1.0 - gray if background > 0.5 else gray
    level = 1.0 - background if background > 0.5 else background
    if level >= 0.99:
        return np.zeros_like(ink)
    return np.clip((ink - level) / (1.0 - level), 0.0, 1.0)


def load_image_file(path: str | os.PathLike[str]) -> np.ndarray:
    """Read a PNG/JPEG/… file as ink (bright on dark) in [0, 1]; `UnreadableImage` if it is not one."""
    path = Path(path)
    try:
        with Image.open(path) as image:
            image.load()
            if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
                array = np.asarray(image.convert("RGBA"))
            elif image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
                array = np.asarray(image, dtype=np.float32)
                array = array / array.max() if array.max() > 0 else array
            else:
                array = np.asarray(image.convert("L"))
    except FileNotFoundError:
        raise UnreadableImage(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableImage(f"{path}: is a folder, not an image") from None
    except UnidentifiedImageError:
        raise UnreadableImage(f"{path}: not an image file (or a format that cannot be read)") from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableImage(f"{path}: cannot read the image ({exc})") from None
    return ink_from_picture(array)


# --------------------------------------------------------------------------- the MNIST steps


def center_of_mass(pixels: np.ndarray) -> tuple[float, float]:
    """(row, col) of the ink's center of mass, pixel centers at (r + 0.5, c + 0.5); needs some ink."""
    total = float(pixels.sum())
    if total <= 0:
        raise EmptyImage()
    rows = np.arange(pixels.shape[0], dtype=np.float64) + 0.5
    cols = np.arange(pixels.shape[1], dtype=np.float64) + 0.5
    return (float(pixels.sum(axis=1) @ rows) / total, float(pixels.sum(axis=0) @ cols) / total)


def ink_bounding_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right), bottom/right exclusive, of the pixels above the noise floor."""
    rows = np.flatnonzero((ink > NOISE_FLOOR).any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero((ink > NOISE_FLOOR).any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def mnist_pixels(ink: np.ndarray) -> np.ndarray:
    """Ink (H×W, bright on dark, any size) → the 28×28 float32 digit in [0, 1], MNIST-style.

    Raises `EmptyImage` when there is no ink above the noise floor.
    """
    ink = to_gray(ink)
    box = ink_bounding_box(ink)
    if box is None:
        raise EmptyImage()
    top, left, bottom, right = box
    crop = np.where(ink[top:bottom, left:right] > NOISE_FLOOR, ink[top:bottom, left:right], 0.0).astype(np.float32)
    height, width = crop.shape
    scale = BOX / max(height, width)
    new_h, new_w = max(1, round(height * scale)), max(1, round(width * scale))
    # Pillow's resize filters widen with the reduction factor, so shrinking is antialiased
    scaled = np.asarray(Image.fromarray(crop, mode="F").resize((new_w, new_h), Image.Resampling.BILINEAR))
    scaled = np.clip(scaled, 0.0, None)
    peak = float(scaled.max())
    if peak <= 0:
        raise EmptyImage()
    scaled = scaled / peak  # MNIST strokes reach full ink; a faint pencil scan should too

    # where the scaled box's corner goes so that its center of mass lands on (14, 14)
    com_row, com_col = center_of_mass(scaled)
    top = _place(SIZE / 2 - com_row, new_h)
    left = _place(SIZE / 2 - com_col, new_w)
    field = np.zeros((SIZE, SIZE), dtype=np.float32)
    field[top:top + new_h, left:left + new_w] = scaled
    return field


def _place(offset: float, extent: int) -> int:
    """Whole-pixel offset nearest to `offset` that keeps a span of `extent` pixels inside the field."""
    return int(min(max(round(offset), 0), SIZE - extent))


def normalize(pixels: np.ndarray, normalization: tuple[float, float] | None) -> np.ndarray:
    """Apply the (mean, std) the model was trained with; None means it saw raw [0, 1] pixels."""
    if not normalization:
        return pixels.astype(np.float32)
    mean, std = normalization
    return ((pixels - mean) / std).astype(np.float32)
