"""Draw the digits 0–9 on the digit panel with synthetic mouse strokes and see what it reads.

    QT_QPA_PLATFORM=offscreen python scripts/canvas_demo.py      # writes shots/canvas_<digit>.png

Each digit is a few polylines, sent as press / many small moves / release through QTest like a
mouse would report them, in varied sizes, positions and pen widths (a small 3 in a corner, a
thick 8, a slanted 1…). Then every digit twice more, sloppier: shrunk to 45–100 %, tilted up to
±12°, put anywhere on the canvas, each point jittered by a few pixels, pen 10–40 px
(shots/canvas_sloppy_<digit>_<n>.png). Prints what the bundled model read and the count right.
"""

from __future__ import annotations

import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.ui.digit_panel import DigitPanel  # noqa: E402

SHOTS = Path(__file__).resolve().parent.parent / "shots"


def arc(cx, cy, rx, ry, start_deg, end_deg, n=24):
    """Points on an ellipse; 0° is the top, angles grow clockwise (screen y points down)."""
    return [(cx + rx * math.sin(math.radians(a)), cy - ry * math.cos(math.radians(a)))
            for a in (start_deg + (end_deg - start_deg) * i / n for i in range(n + 1))]


# digit → (pen width, strokes); coordinates on the 280×280 canvas
DIGITS: dict[int, tuple[int, list[list[tuple[float, float]]]]] = {
    0: (22, [arc(140, 140, 65, 95, -10, 355)]),
    1: (20, [[(125, 70), (160, 40), (150, 245)]]),
    2: (22, [arc(135, 95, 60, 55, -70, 120) + [(80, 235), (205, 230)]]),
    3: (16, [arc(80, 60, 35, 30, -80, 180, 16) + arc(80, 125, 38, 35, 0, 200, 16)]),  # small, top-left
    4: (22, [[(150, 40), (70, 170), (215, 170)], [(170, 90), (165, 250)]]),
    5: (22, [[(200, 45), (110, 45), (100, 125)] + arc(135, 170, 70, 60, -60, 220)]),
    6: (24, [[(185, 40), (130, 90), (90, 170)] + arc(140, 190, 55, 50, 250, 610)]),
    7: (22, [[(70, 55), (215, 50), (120, 245)]]),
    8: (32, [arc(140, 85, 45, 45, 180, 540) + arc(140, 185, 55, 55, 0, 360)]),  # thick pen
    9: (20, [arc(150, 90, 50, 48, 90, 450) + [(198, 110), (170, 250)]]),
}


def sloppy(strokes, rng: random.Random):
    """The same digit drawn smaller, tilted, somewhere else, with a shaky hand."""
    points = [p for stroke in strokes for p in stroke]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    scale, angle = rng.uniform(0.45, 1.0), math.radians(rng.uniform(-12, 12))
    half = scale * max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 25
    tx, ty = rng.uniform(half, 280 - half), rng.uniform(half, 280 - half)

    def move(x, y):
        x, y = (x - cx) * scale, (y - cy) * scale
        return (tx + x * math.cos(angle) - y * math.sin(angle) + rng.uniform(-2.5, 2.5),
                ty + x * math.sin(angle) + y * math.cos(angle) + rng.uniform(-2.5, 2.5))

    return [[move(x, y) for x, y in stroke] for stroke in strokes]


def draw(canvas, strokes, step=7):
    for stroke in strokes:
        points = [QPoint(round(x), round(y)) for x, y in stroke]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for a, b in zip(points, points[1:], strict=False):
            n = max(1, round(max(abs(b.x() - a.x()), abs(b.y() - a.y())) / step))
            for i in range(1, n + 1):
                QTest.mouseMove(canvas, QPoint(round(a.x() + (b.x() - a.x()) * i / n),
                                               round(a.y() + (b.y() - a.y()) * i / n)))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def pause(ms: int) -> None:
    # a QEventLoop, not QTest.qWait: qWait keeps the GIL while it sleeps, which starves the
    # panel's threads (importing torch there then takes a minute instead of two seconds)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, ms=15000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > ms:
            return False
        pause(10)
    return True


def main() -> int:
    _app = QApplication.instance() or QApplication(sys.argv)  # kept alive until the end
    SHOTS.mkdir(exist_ok=True)
    panel = DigitPanel()
    panel.resize(900, 520)
    panel.show()
    if not wait_for(lambda: panel.model is not None, ms=120000):
        print("the bundled model did not load")
        panel.shutdown()
        return 1
    def read(digit, pen, strokes, shot):
        panel.canvas.clear()
        panel.pen_slider.setValue(pen)
        draw(panel.canvas, strokes)
        wait_for(lambda: panel.prediction is not None)
        pause(100)  # let a last answer land
        prediction = panel.prediction
        label = prediction.label if prediction else "nothing"
        confidence = f"{prediction.confidence:.0%}" if prediction else ""
        print(f"drew {digit} ({shot}, pen {pen}): read {label} {confidence}")
        panel.grab().save(str(SHOTS / f"{shot}.png"))
        return label == str(digit)

    right = sum(read(digit, pen, strokes, f"canvas_{digit}") for digit, (pen, strokes) in DIGITS.items())
    rng = random.Random(7)
    sloppy_right = sum(read(digit, rng.randint(10, 40), sloppy(strokes, rng), f"canvas_sloppy_{digit}_{n}")
                       for n in (1, 2) for digit, (_pen, strokes) in DIGITS.items())
    panel.canvas.clear()
    panel.grab().save(str(SHOTS / "canvas_empty.png"))
    print(f"{right}/{len(DIGITS)} clean digits and {sloppy_right}/{2 * len(DIGITS)} sloppy ones read correctly")
    panel.shutdown()
    panel.deleteLater()  # destroyed while the application still exists, not at interpreter exit
    pause(50)
    return 0 if right == len(DIGITS) else 1


if __name__ == "__main__":
    sys.exit(main())
