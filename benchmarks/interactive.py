"""Sections `canvas` (a drawing → preprocessing + prediction), `plot` (the loss plot with 100,000
points) and `startup` (process start → the main window painted)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, child, median, percentile, quiet_qt, spread, verdict

# --------------------------------------------------------------------------- canvas


def drawn_digits() -> list[tuple[int, object]]:
    """(digit, ink) for the strokes of scripts/canvas_demo.py — each digit clean, then twice sloppy —
    drawn with mouse events on the real DrawingCanvas, as `DigitPanel` hands them to its worker."""
    import importlib.util
    import random

    from PySide6.QtWidgets import QApplication

    from playground.ui.canvas import DrawingCanvas

    spec = importlib.util.spec_from_file_location("canvas_demo", ROOT / "scripts" / "canvas_demo.py")
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    quiet_qt()
    _app = QApplication.instance() or QApplication([sys.argv[0]])
    canvas = DrawingCanvas()
    canvas.show()
    rng = random.Random(7)
    jobs = [(d, pen, strokes) for d, (pen, strokes) in demo.DIGITS.items()]
    jobs += [(d, rng.randint(10, 40), demo.sloppy(strokes, rng)) for _ in (1, 2) for d, (_p, strokes) in demo.DIGITS.items()]
    inks = []
    for digit, pen, strokes in jobs:
        canvas.clear()
        canvas.pen_width = pen
        demo.draw(canvas, strokes)
        inks.append((digit, canvas.ink()))
    canvas.close()
    canvas.deleteLater()
    return inks


def mlp_checkpoint(folder: Path, threads: int) -> Path:
    """The seed-mlp trained for one epoch on MNIST (untrained weights when MNIST is absent: the timing
    is the same), saved with `save_checkpoint` as the app saves a model."""
    from playground.core.build import build_model
    from playground.core.checkpoint import save_checkpoint
    from playground.core.presets import load_preset
    from playground.data.images import has_local_files
    from playground.training.trainer import Trainer

    exp = load_preset("seed-mlp")
    exp.epochs, exp.device = 1, "cpu"
    path = folder / "seed-mlp.pt"
    if has_local_files("mnist"):
        trainer = Trainer(exp)
        end = trainer.run()
        if end.status == "completed":
            info = trainer.data.info
            save_checkpoint(path, trainer.model, exp, input_shape=info.input_shape, class_names=info.class_names,
                            normalization=trainer.data.normalization, metrics={"test_accuracy": end.test_accuracy})
            return path
    save_checkpoint(path, build_model(exp, (1, 28, 28)), exp, input_shape=(1, 28, 28),
                    class_names=[str(d) for d in range(10)], normalization=(0.1307, 0.3081))
    return path


def section_canvas(ctx: dict) -> list[str]:
    """`classify` is what DigitPanel's worker thread runs for each drawing: preprocess + predict."""
    import torch

    from playground.inference.digit_reader import ModelReady, classify, prepare_model
    from playground.inference.predict import predict_pixels
    from playground.inference.preprocess import mnist_pixels

    torch.set_num_threads(ctx["threads"])
    inks = drawn_digits()
    rounds = 5 if ctx["quick"] else 20
    out = ["## Canvas: one drawing → preprocessing + prediction", "",
           f"The {len(inks)} drawings of `scripts/canvas_demo.py` (0–9 clean, then each twice sloppier: smaller, "
           "tilted, shaky, pen 10–40 px) drawn with mouse events on the real 280×280 `DrawingCanvas`; each ink "
           "array timed through `playground.inference.digit_reader.classify` — the function the panel's worker thread runs: "
           "`playground.inference.predict.predict` = `preprocess.mnist_pixels` + `predict_pixels` — on the "
           "model copy `prepare_model` makes for the panel. "
           f"{rounds} rounds over all drawings after a warm-up; torch threads: {ctx['threads']}.", "",
           "| model | p50, ms | p95, ms | target | of which preprocessing p50, ms | prediction p50, ms | "
           "read correctly |",
           "| --- | ---: | ---: | --- | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as tmp:
        models = [("seed-mlp checkpoint (784-128-64-10)", prepare_model("mlp", path=str(mlp_checkpoint(Path(tmp), ctx["threads"])))),
                  ("bundled CNN `resources/models/mnist-cnn.pt`", prepare_model("bundled"))]
    worst = 0.0
    for name, ready in models:
        if not isinstance(ready, ModelReady):
            raise RuntimeError(f"{name}: {ready.message}")
        loaded = ready.loaded
        for _digit, ink in inks[:5]:  # warm-up
            classify(loaded, ink)
        total, pre, pred = [], [], []
        right = 0
        for r in range(rounds):
            for digit, ink in inks:
                start = time.perf_counter()
                outcome = classify(loaded, ink)
                total.append((time.perf_counter() - start) * 1000)
                if r == 0:
                    right += outcome.prediction is not None and outcome.prediction.top == digit
                start = time.perf_counter()
                pixels = mnist_pixels(ink)
                middle = time.perf_counter()
                predict_pixels(loaded, pixels)
                pre.append((middle - start) * 1000)
                pred.append((time.perf_counter() - middle) * 1000)
        p95 = percentile(total, 95)
        worst = max(worst, p95)
        out.append(f"| {name} | {percentile(total, 50):.2f} | {p95:.2f} | {verdict('canvas_p95', p95)} | "
                   f"{percentile(pre, 50):.2f} | {percentile(pred, 50):.2f} | {right}/{len(inks)} |")
        print(f"canvas {name}: p50 {percentile(total, 50):.2f} p95 {p95:.2f} right {right}", flush=True)
    ctx.setdefault("summary", {})["canvas_p95"] = worst
    out.append("")
    return out


# --------------------------------------------------------------------------- plot


def section_plot(ctx: dict) -> list[str]:
    """Redraw of the window's loss plot holding 100,000 batch losses (raw + smoothed curves)."""
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from playground.app import create_window

    quiet_qt()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = create_window()
    window.resize(1280, 800)
    window.show()
    window.view_tabs.setCurrentWidget(window.plots)
    if not window.engine_ready():  # torch importing in the background would compete with the painting
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        window.engineReady.connect(loop.quit)
        QTimer.singleShot(60000, loop.quit)
        loop.exec()
    window.engine.wait()  # and the rest of its imports (torchvision)
    app.processEvents()
    plot = window.loss_plot_panel
    rng = np.random.default_rng(0)
    n = 100_000
    losses = 2.3 * np.exp(-np.linspace(0, 6, n)) + 0.2 + np.abs(rng.normal(0, 0.08, n))
    for i, value in enumerate(losses):
        plot.append_batch_loss(i + 1, float(value))
    plot.redraw()
    app.processEvents()
    viewport = plot.plot_widget.viewport()
    full, tick = [], []
    for i in range(40):
        # what the redraw timer does while training: one more batch arrived, redraw, paint
        plot.append_batch_loss(n + i + 1, float(losses[-1]))
        start = time.perf_counter()
        plot.redraw()
        viewport.repaint()  # synchronous: the paint itself is timed
        tick.append((time.perf_counter() - start) * 1000)
        # the whole curve replaced (a run loaded or cleared and refilled): every point again
        plot.dirty = True
        plot.raw_curve.setData([], [])
        start = time.perf_counter()
        plot.redraw()
        viewport.repaint()
        full.append((time.perf_counter() - start) * 1000)
    size = viewport.size()
    window.close()
    app.processEvents()
    t50, t95, f50 = percentile(tick, 50), percentile(tick, 95), percentile(full, 50)
    ctx.setdefault("summary", {})["plot_redraw"] = t50
    print(f"plot: tick p50 {t50:.1f} p95 {t95:.1f}; full p50 {f50:.1f}", flush=True)
    return ["## Loss plot holding 100,000 points", "",
            f"The main window's loss plot (`window.loss_plot_panel`, a {size.width()}×{size.height()} px view "
            "in the 1280×800 window) filled with 100,000 batch losses; timed: `redraw()` (the redraw timer's "
            "work: `setData` of the raw and smoothed curves) plus a synchronous `repaint()` of the plot, "
            "40 times.", "",
            "| figure | p50, ms | p95, ms | target |", "| --- | ---: | ---: | --- |",
            f"| redraw tick during training (one batch added) | {t50:.1f} | {t95:.1f} | {verdict('plot_redraw', t50)} |",
            f"| all 100,000 points set again (a whole curve replaced) | {f50:.1f} | {percentile(full, 95):.1f} | |",
            ""]


# --------------------------------------------------------------------------- start-up


def child_startup() -> dict:
    """`playground` (no arguments) as the console script runs it, with an application event filter that
    notes the first paint of the main window and the moment PyTorch is ready, then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    quiet_qt()
    app = QApplication([sys.argv[0]])
    marks: dict = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and obj.objectName() == "mainWindow" and "shown" not in marks:
                marks["shown"] = time.time()
                marks["torch_before"] = "torch" in sys.modules
                app.removeEventFilter(self)
                obj.engineReady.connect(lambda _devices: (marks.setdefault("engine", time.time()), app.quit()))
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    QTimer.singleShot(120_000, app.quit)
    from playground.cli import main

    main([])
    return marks


def section_startup(ctx: dict) -> list[str]:
    """Process start → main window painted, in a fresh interpreter each time."""
    times, engine, torch_before = [], [], []
    for _ in range(max(5, ctx["repeats"])):
        started = time.time()
        marks = child(["startup"], timeout=180)
        times.append(marks["shown"] - started)
        engine.append(marks.get("engine", float("nan")) - started)
        torch_before.append(marks["torch_before"])
    t = median(times)
    ctx.setdefault("summary", {})["startup"] = t
    print(f"startup: {times} engine {engine}", flush=True)
    return ["## Start-up", "",
            "`playground` with no arguments (`playground.cli.main([])` → `run_app`) in a fresh interpreter, "
            "offscreen; from just before the process is spawned to the first paint event of the main window "
            f"(median of {len(times)}).", "",
            "| figure | median, s | every run, s | target |", "| --- | ---: | --- | --- |",
            f"| process start → main window painted | {t:.2f} | {spread(times)} | {verdict('startup', t)} |",
            f"| process start → PyTorch imported in the background, Train enabled | {median(engine):.2f} | "
            f"{spread(engine)} | |", "",
            f"PyTorch imported before the window was painted: {'yes' if any(torch_before) else 'no'}.", ""]
