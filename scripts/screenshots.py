"""Screenshots of every view tab for docs/screens/: a seed MLP trained on 2,000 MNIST images, a Step then
Stop (so One step has a step to show), and a drawn 8 on the canvas.

    PLAYGROUND_DATA_DIR=... python scripts/screenshots.py en 1280x800 docs/screens
    PLAYGROUND_DATA_DIR=... python scripts/screenshots.py ko 1280x800 docs/screens

The PNGs are reduced to 256 colours with Pillow when it is installed (a few tens of kB each).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
NAMES = ["training", "draw", "2d", "evaluation", "layers", "one-step", "runs"]


def drawn_eight():
    import numpy as np

    yy, xx = np.mgrid[0:28, 0:28]
    pixels = np.zeros((28, 28), np.float32)
    for cy, r in ((9, 4.5), (19, 5.5)):
        pixels[np.abs(np.hypot(yy - cy, xx - 14) - r) < 1.2] = 1.0
    return pixels


def main(language: str, size: str, out: str) -> None:
    os.environ["PLAYGROUND_LANGUAGE"] = language
    Path(out).mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from playground.ui.qt_compat import protect_none

    protect_none()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication([])
    from playground.app import create_window
    from playground.core.presets import load_preset

    def wait(condition, seconds: float = 60) -> None:
        end = time.time() + seconds
        while not condition() and time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    exp = load_preset("seed-mlp")
    exp = dataclasses.replace(exp, dataset=dataclasses.replace(exp.dataset, limit=2000), epochs=2)
    window = create_window(exp)
    width, height = map(int, size.split("x"))
    window.resize(width, height)
    window.show()
    wait(lambda: window.document.report is not None)
    done = []
    window.run.runFinished.connect(lambda *_args: done.append(1))
    window.start_training()
    wait(lambda: done, 120)
    done.clear()
    window.step_training()  # a one-batch run, then Stop: One step shows it, the finished model stays
    wait(lambda: window.insight_views.step.anatomy is not None)
    window.run.stop()
    wait(lambda: done)
    digit = window.digit_panel
    wait(lambda: digit.model is not None)
    digit.show_pixels(drawn_eight())
    wait(lambda: digit.prediction is not None, 20)
    tabs = window.view_tabs
    for index, name in enumerate(NAMES):
        tabs.setCurrentIndex(index)
        wait(lambda: False, 0.4)
        target = f"{out}/{language}-{name}.png"
        window.grab().save(target)
        try:
            from PIL import Image

            Image.open(target).convert("RGB").quantize(256).save(target, optimize=True)
        except ImportError:
            pass
    window.files.maybe_save = lambda: True  # the runs are unsaved work: no question on the way out
    window.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
