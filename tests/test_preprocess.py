"""MNIST-style preprocessing of drawings and pictures (no Qt), and the bundled model's accuracy."""

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from playground.inference.preprocess import (
    EMPTY_HINT,
    EmptyImage,
    UnreadableImage,
    center_of_mass,
    ink_bounding_box,
    ink_from_picture,
    load_image_file,
    mnist_pixels,
    normalize,
)


def _drawing(size=(280, 280), ink=255, paper=0, draw=None) -> np.ndarray:
    image = Image.new("L", size, paper)
    draw(ImageDraw.Draw(image), ink)
    return np.asarray(image)


def _seven(d, ink):  # mass mostly at the top: the center of mass is not the box's center
    d.line([(30, 30), (150, 30), (70, 200)], fill=ink, width=18, joint="curve")


def _longer_side(pixels: np.ndarray) -> int:
    top, left, bottom, right = ink_bounding_box(pixels)
    return max(bottom - top, right - left)


def test_center_of_mass_uses_pixel_centers():
    pixels = np.zeros((28, 28), np.float32)
    pixels[0, 0] = 1.0
    assert center_of_mass(pixels) == (0.5, 0.5)
    pixels[:] = 1.0
    assert center_of_mass(pixels) == pytest.approx((14.0, 14.0))


def test_off_center_digit_is_moved_so_its_center_of_mass_is_within_half_a_pixel_of_the_middle():
    ink = _drawing(draw=_seven).astype(np.float32) / 255
    pixels = mnist_pixels(ink)
    assert pixels.shape == (28, 28) and pixels.dtype == np.float32
    row, col = center_of_mass(pixels)
    assert abs(row - 14.0) <= 0.5 and abs(col - 14.0) <= 0.5
    # the bounding box is not centered: it is the mass that is
    top, left, bottom, right = ink_bounding_box(pixels)
    assert (top + bottom) / 2 != pytest.approx(14.0, abs=0.6) or (left + right) / 2 != pytest.approx(14.0, abs=0.6)


@pytest.mark.parametrize("box", [(100, 20, 130, 260), (10, 100, 270, 140), (200, 200, 230, 225)])
def test_longer_side_is_scaled_to_20_pixels_keeping_the_aspect_ratio(box):
    ink = np.zeros((280, 280), np.float32)
    x0, y0, x1, y1 = box
    ink[y0:y1, x0:x1] = 1.0
    pixels = mnist_pixels(ink)
    top, left, bottom, right = ink_bounding_box(pixels)
    height, width = bottom - top, right - left
    assert max(height, width) == 20
    assert min(height, width) == max(1, round(20 * min(y1 - y0, x1 - x0) / max(y1 - y0, x1 - x0)))


def test_small_digit_is_enlarged_and_faint_ink_reaches_full_strength():
    ink = np.zeros((100, 100), np.float32)
    ink[40:50, 45:50] = 0.3
    pixels = mnist_pixels(ink)
    assert _longer_side(pixels) == 20
    assert pixels.max() == pytest.approx(1.0)


def test_ink_touching_the_field_edge_is_not_cut_off_by_the_shift():
    ink = np.zeros((280, 280), np.float32)
    ink[20:260, 20:40] = 1.0  # a bar ...
    ink[20:40, 20:260] = 0.2  # ... with a faint roof: most mass on the left
    pixels = mnist_pixels(ink)
    top, left, bottom, right = ink_bounding_box(pixels)
    assert (bottom - top, right - left) == (20, 20)  # nothing cut off
    assert right == 28  # the center of mass would need more room: the ink stops at the border
    assert center_of_mass(pixels)[1] < 13.5  # still left of the middle


def test_dark_on_light_and_light_on_dark_files_give_the_same_input(tmp_path):
    light = _drawing(ink=0, paper=255, draw=_seven)
    Image.fromarray(light).save(tmp_path / "dark-on-light.png")
    Image.fromarray(255 - light).save(tmp_path / "light-on-dark.png")
    a = mnist_pixels(load_image_file(tmp_path / "dark-on-light.png"))
    b = mnist_pixels(load_image_file(tmp_path / "light-on-dark.png"))
    assert np.abs(a - b).max() < 1e-6
    assert np.abs(a - mnist_pixels(_drawing(draw=_seven).astype(np.float32) / 255)).max() < 1e-6


def test_gray_paper_and_colour_photos_lose_their_background(tmp_path):
    gray = _drawing(ink=40, paper=200, draw=_seven)
    rgb = np.stack([gray, gray, np.clip(gray.astype(int) + 20, 0, 255).astype(np.uint8)], axis=2)
    Image.fromarray(rgb).save(tmp_path / "photo.jpg", quality=85)
    ink = load_image_file(tmp_path / "photo.jpg")
    assert ink[:5].max() < 0.08  # the paper is empty
    reference = mnist_pixels(_drawing(draw=_seven).astype(np.float32) / 255)
    assert np.abs(mnist_pixels(ink) - reference).mean() < 0.03


def test_black_strokes_on_a_transparent_png_are_read(tmp_path):
    alpha = _drawing(draw=_seven)
    rgba = np.zeros((280, 280, 4), np.uint8)
    rgba[:, :, 3] = alpha
    Image.fromarray(rgba, "RGBA").save(tmp_path / "transparent.png")
    reference = mnist_pixels(alpha.astype(np.float32) / 255)
    assert np.abs(mnist_pixels(load_image_file(tmp_path / "transparent.png")) - reference).max() < 0.02


def test_empty_canvas_gives_the_draw_a_digit_hint():
    with pytest.raises(EmptyImage, match="Draw a digit"):
        mnist_pixels(np.zeros((280, 280), np.float32))
    assert str(EmptyImage()) == EMPTY_HINT


def test_paper_texture_below_the_noise_floor_is_empty(tmp_path):
    rng = np.random.default_rng(0)
    paper = (235 + rng.integers(-8, 8, (120, 120))).astype(np.uint8)
    Image.fromarray(paper).save(tmp_path / "blank.png")
    with pytest.raises(EmptyImage):
        mnist_pixels(load_image_file(tmp_path / "blank.png"))
    assert ink_from_picture(np.full((10, 10), 255, np.uint8)).max() == 0


@pytest.mark.parametrize("content", [b"not an image at all", b""])
def test_a_file_that_is_not_an_image_is_unreadable(tmp_path, content):
    path = tmp_path / "notes.png"
    path.write_bytes(content)
    with pytest.raises(UnreadableImage, match="notes.png"):
        load_image_file(path)
    with pytest.raises(UnreadableImage, match="no such file"):
        load_image_file(tmp_path / "missing.png")


def test_normalization_is_the_models():
    pixels = np.array([[0.0, 1.0]], np.float32)
    assert normalize(pixels, (0.1307, 0.3081))[0] == pytest.approx([-0.4242, 2.8215], abs=1e-4)
    assert normalize(pixels, None) == pytest.approx(pixels)


# --------------------------------------------------------------------------- the bundled model

DATA_DIR = os.environ.get("PLAYGROUND_DATA_DIR", "")
HAS_MNIST = bool(DATA_DIR) and (Path(DATA_DIR) / "MNIST" / "raw" / "t10k-images-idx3-ubyte").exists()


@pytest.mark.skipif(not HAS_MNIST, reason="needs PLAYGROUND_DATA_DIR with MNIST's t10k files (not set or absent)")
def test_bundled_model_reaches_98_5_percent_on_the_official_mnist_test_set():
    from playground.data.images import load_split
    from playground.inference.predict import load_bundled_model, predict_pixels
    from playground.training.trainer import evaluate

    loaded = load_bundled_model()
    images, labels = load_split("mnist", DATA_DIR, train=False)
    pixels = images.float().div(255).reshape(-1, 1, 28, 28)
    mean, std = loaded.normalization
    _, accuracy = evaluate(loaded.model, (pixels - mean) / std, labels.long())
    assert accuracy >= 0.985
    # our preprocessing reproduces MNIST's: re-preparing test digits keeps them readable
    sample = range(0, 10000, 25)
    correct = sum(predict_pixels(loaded, mnist_pixels(pixels[i, 0].numpy())).top == int(labels[i]) for i in sample)
    assert correct / len(sample) >= 0.97
