"""A beginner's window at 1280×800 and 1920×1080, in English and Korean: every tab with a trained seed MLP and
a drawn digit fits — no sideways scrolling, every tab title visible, the Draw tab's answer and all ten bars on
screen, square plots square, no chart title cut."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from layout_checks import every_tab_problems, settle
from PySide6.QtWidgets import QApplication

from playground.core.presets import load_preset

SIZES = [(1280, 800), (1920, 1080)]


def drawn_eight() -> np.ndarray:
    """A rough 8: two rings, ink bright, as a learner would draw it."""
    yy, xx = np.mgrid[0:28, 0:28]
    pixels = np.zeros((28, 28), np.float32)
    for cy, r in ((9, 5), (19, 6)):
        ring = np.abs(np.hypot(yy - cy, xx - 14) - r) < 1.3
        pixels[ring] = 1.0
    return pixels


@pytest.fixture(params=["en", "ko"])
def trained_window(request, qtbot):
    from playground.app import create_window
    from playground.ui.i18n import install_translators

    install_translators(request.param)
    request.addfinalizer(lambda: install_translators("en"))  # even when the set-up fails half-way
    exp = load_preset("seed-mlp")
    exp = dataclasses.replace(exp, dataset=dataclasses.replace(exp.dataset, limit=1000), epochs=1, device="cpu")
    win = create_window(exp)
    win.resize(*SIZES[0])
    win.show()
    qtbot.waitUntil(lambda: win.document.report is not None, timeout=60000)
    with qtbot.waitSignal(win.run.runFinished, timeout=120000):
        assert win.start_training()
    with qtbot.waitSignal(win.run.batch, timeout=60000):  # One step gets a step to show; Stop keeps the model
        win.step_training()
    with qtbot.waitSignal(win.run.runFinished, timeout=60000):
        win.run.stop()
    win.show_view(win.insight_views.step)  # a hidden view draws its newest payload when it is shown
    qtbot.waitUntil(lambda: win.insight_views.step.anatomy is not None, timeout=30000)
    digit = win.digit_panel
    qtbot.waitUntil(lambda: digit.model_source == "Trained in this window", timeout=30000)
    digit.show_pixels(drawn_eight())
    qtbot.waitUntil(lambda: digit.prediction is not None, timeout=30000)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def test_every_tab_fits_at_1280x800_and_1920x1080(trained_window, qtbot):
    for width, height in SIZES:
        trained_window.resize(width, height)
        settle(10)
        assert trained_window.width() == width
        problems = every_tab_problems(trained_window)
        assert not problems, f"at {width}×{height}:\n" + "\n".join(problems)
