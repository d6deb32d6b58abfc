"""Benchmarks: every figure of benchmarks/RESULTS.md, in one run.

    python benchmarks/run.py                 # all sections (~8 min on 2 cores), writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # 1 repeat, smaller scale sweep (a smoke run, ~3 min)
    python benchmarks/run.py --only canvas   # some sections: startup, train, gui, canvas, plot, scale
                                             # (--quick and --only write benchmarks/RESULTS.partial.md)

Speed is compared side by side in one run and reported as medians and ratios, never asserted in a
timed test: these machines are shared and noisy. Both sides of every comparison run with the same
number of PyTorch threads (`--threads`, default 1: see THREADS below). Data: the 60,000
Fashion-MNIST training images from PLAYGROUND_DATA_DIR (default ../shared/data); synthetic images of
the same shape when the files are absent (said so in the results).

Start-up, every run through the window and every `playground train` run in a fresh process, so one
measurement never inherits another's caches, threads or Qt state. Product fixes made because of a
missed target are described, with their before and after figures, in benchmarks/FIXES.md, which is
copied into RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PARTIAL = ROOT / "benchmarks" / "RESULTS.partial.md"
FIXES = ROOT / "benchmarks" / "FIXES.md"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
# One intra-op thread for every side of every comparison. On a 2-core machine that other
# processes also use, torch's default (one thread per core) makes each thread spin-wait for the
# other: the course loop's MLP epoch took 68 s with 2 threads and 6.3 s with 1 while helpers ran
# tests beside it. One thread is also what a second busy core leaves to the GUI thread.
THREADS = 1

TARGETS = {  # name → (text, test)
    "train_ratio": ("≤ 0.25", lambda v: v <= 0.25),
    "gui_ratio": ("≤ 1.10", lambda v: v <= 1.10),
    "gui_p99": ("≤ 50 ms", lambda v: v <= 50),
    "canvas_p95": ("≤ 10 ms", lambda v: v <= 10),
    "plot_redraw": ("≤ 16 ms", lambda v: v <= 16),
    "startup": ("≤ 2.5 s", lambda v: v <= 2.5),
}


def verdict(name: str, value: float) -> str:
    text, ok = TARGETS[name]
    return f"{text}: {'met' if ok(value) else '**missed**'}"


def data_dir() -> Path | None:
    """The folder with the real Fashion-MNIST files, or None."""
    from playground.data.images import has_local_files

    candidate = Path(os.environ.get("PLAYGROUND_DATA_DIR", DEFAULT_DATA))
    return candidate if has_local_files("fashion-mnist", candidate) else None


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (the value below which q % of the samples lie)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[k]


def spread(values: list[float], digits: int = 2) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


@functools.cache
def quiet_qt() -> None:
    """Settings (and so the autosave folder) in a temporary folder, never the person's own; the window's
    "save changes?" question on close answered Discard, since a modal box offscreen waits forever."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from playground.ui.qt_compat import protect_none

    protect_none()
    folder = tempfile.mkdtemp(prefix="nnp-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QMessageBox.question = staticmethod(lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard)


def child(args: list[str], timeout: float = 900) -> dict:
    """Run `benchmarks/run.py --child ...` in a fresh interpreter; its last stdout line is JSON."""
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"child {args} failed (exit {proc.returncode}): {proc.stderr[-3000:]}")
    return json.loads(lines[-1])


# --------------------------------------------------------------------------- data


def synthetic_root(n: int = 60000) -> Path:
    """Random images written as Fashion-MNIST IDX files, so every path (course loop, CLI, GUI) reads
    the same thing the same way as with the real files."""
    import numpy as np

    root = Path(tempfile.mkdtemp(prefix="nnp-bench-")) / "data"
    raw = root / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for prefix, count in (("train", n), ("t10k", 10000)):
        images = rng.integers(0, 256, (count, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, count, dtype=np.uint8)
        (raw / f"{prefix}-images-idx3-ubyte").write_bytes(
            np.array([0x803, count, 28, 28], dtype=">i4").tobytes() + images.tobytes())
        (raw / f"{prefix}-labels-idx1-ubyte").write_bytes(np.array([0x801, count], dtype=">i4").tobytes()
                                                           + labels.tobytes())
    return root


# --------------------------------------------------------------------------- (1) the course's loop


def course_model(kind: str):
    """The course's networks, written out by hand: the same layers as the seed-mlp and simple-cnn presets
    (checked against the preset's parameter count, so the two sides cannot drift apart)."""
    from torch import nn

    from playground.core.shapes import infer_shapes

    if kind == "mlp":
        model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                              nn.Linear(64, 10))
    else:
        model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                              nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(32 * 7 * 7, 10))
    preset = infer_shapes(bench_experiment(kind)).total_parameters
    ours = sum(p.numel() for p in model.parameters())
    if ours != preset:
        raise RuntimeError(f"the reference {kind} has {ours:,} parameters, the preset {preset:,}: update course_model")
    return model


def child_course(kind: str, root: str, threads: int, n: int = 60000) -> dict:
    """The reference: DataLoader over torchvision's dataset, ToTensor + Normalize per sample, batch 64."""
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, Subset
    from torchvision import datasets, transforms

    torch.set_num_threads(threads)
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    dataset = datasets.FashionMNIST(str(root), train=True, download=False, transform=transform)
    if n < len(dataset):
        dataset = Subset(dataset, range(n))
    loader = DataLoader(dataset, batch_size=64, shuffle=True)
    torch.manual_seed(0)
    model = course_model(kind)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    start = time.perf_counter()
    for images, labels in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(images), labels)
        loss.backward()
        optimizer.step()
    return {"seconds": time.perf_counter() - start}


# --------------------------------------------------------------------------- (2) `playground train`


def bench_experiment(kind: str, limit: int = 0):
    """The preset the reference loop copies, on Fashion-MNIST, one epoch, no validation split."""
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp" if kind == "mlp" else "simple-cnn")
    exp.dataset.name = "fashion-mnist"
    exp.dataset.val_split = 0.0  # the same 60,000 samples as the reference loop, no validation pass
    exp.dataset.limit = limit
    exp.epochs = 1
    exp.device = "cpu"
    return exp


def cli_epoch(kind: str, root: Path, threads: int, limit: int = 0) -> dict:
    """`playground train --json` in a fresh process: epoch seconds, process wall time, peak RSS (MB)."""
    exp = bench_experiment(kind, limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        exp.save(path)
        code = (f"import resource,sys,torch; torch.set_num_threads({threads}); from playground.cli import main; "
                "rc=main(sys.argv[1:]); "
                "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
        args = [sys.executable, "-c", code, "train", "--experiment", str(path), "--json", "--data-dir", str(root)]
        started = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"playground train failed: {proc.stderr[-2000:]}")
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    seconds = next(e["epoch_seconds"] for e in events if e.get("event") == "epoch")
    rss_kb = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("RSS"))
    return {"seconds": seconds, "wall": wall, "peak_mb": rss_kb / 1024}


def section_train(ctx: dict) -> list[str]:
    root, repeats, threads = ctx["root"], ctx["repeats"], ctx["threads"]
    out = ["## Training throughput: one epoch of 60,000 images, batch 64, Adam 1e-3", "",
           "(1) is the course's loop, written in this benchmark: `DataLoader(FashionMNIST(transform=Compose("
           "[ToTensor(), Normalize((0.5,), (0.5,))])), batch_size=64, shuffle=True)`, the same layers as the "
           "preset, `Adam(lr=1e-3)`, `CrossEntropyLoss`. (2) is `playground train --experiment <preset on "
           "fashion-mnist, val_split 0, 1 epoch> --json`; its time per epoch is the trainer's own "
           "`epoch_seconds` (the images are read into memory once per run, before the first epoch, which is "
           "why the process's whole wall time is shown as well). \"Model alone\" is the least an epoch can "
           "cost: forward, loss, backward and the app's Adam step on batches sliced from one tensor, nothing "
           "else. Each in a fresh process; the three alternate, repeat after repeat, so all see the same load; "
           f"medians of {repeats}, and (2)/(1) is the median of each repeat's own ratio (the machine's speed "
           f"drifts from minute to minute); torch threads: {threads} everywhere.", "",
           "| model | (1) course loop, s/epoch | (2) `playground train`, s/epoch | (2)/(1) | target | "
           "model alone, s/epoch | model alone/(1) | (2) whole process, s |",
           "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |"]
    raw = []
    for kind in ("mlp", "cnn"):
        course, ours, floor = [], [], []
        for _ in range(repeats):
            course.append(child(["course", kind, str(root), str(threads)])["seconds"])
            ours.append(cli_epoch(kind, root, threads))
            floor.append(child(["floor", kind, str(threads)])["seconds"])
        seconds = [r["seconds"] for r in ours]
        ratio = median([a / b for a, b in zip(seconds, course, strict=True)])  # each repeat's pair, side by side
        ctx.setdefault("summary", {})[f"train_{kind}"] = ratio
        ctx.setdefault("summary", {})[f"floor_{kind}"] = median(floor) / median(course)
        name = "MLP 784-128-64-10" if kind == "mlp" else "simple-cnn (Conv 16 and 32 @3×3, pools, Linear)"
        target = verdict("train_ratio", ratio) if kind == "mlp" else "none set; bounded by the model alone"
        out.append(f"| {name} | {median(course):.2f} | {median(seconds):.2f} | {ratio:.3f} | {target} | "
                   f"{median(floor):.2f} | {median(floor) / median(course):.3f} | "
                   f"{median([r['wall'] for r in ours]):.2f} |")
        raw.append(f"- {kind}: (1) {spread(course)} s; (2) {spread(seconds)} s; model alone {spread(floor)} s")
        print(f"train {kind}: course {course} ours {seconds} floor {floor} ratio {ratio:.3f}", flush=True)
    out += ["", "Every repeat:", *raw, "",
            "The trainer's epoch is within a few percent of the model alone: what is left of the course loop's time "
            "once the data pipeline is gone is the network's own arithmetic. For the MLP that arithmetic is small "
            "and the per-sample `ToTensor` + `Normalize` + collation dominated the course loop; for the CNN the "
            "convolutions dominate both, so no data pipeline can bring (2)/(1) below the model-alone ratio.", ""]
    return out


def child_floor(kind: str, threads: int, n: int = 60000) -> dict:
    """Seconds for the bare forward/backward/Adam steps over n images already in memory as one tensor,
    with the optimizer the app builds: what is left of an epoch once the data pipeline and the trainer's
    bookkeeping cost nothing."""
    import torch
    from torch import nn

    from playground.core import catalog

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x = torch.randn(n, 1, 28, 28)
    y = torch.randint(0, 10, (n,))
    model = course_model(kind)
    optimizer = catalog.OPTIMIZERS["adam"].build(model.parameters(), bench_experiment(kind).optimizer)
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(n)
    start = time.perf_counter()
    for i in range(0, n, 64):
        idx = order[i:i + 64]
        optimizer.zero_grad()
        loss_fn(model(x[idx]), y[idx]).backward()
        optimizer.step()
    return {"seconds": time.perf_counter() - start}


# --------------------------------------------------------------------------- (3) through the GUI


class ThreadTimes:
    """A probe (runs on the training thread): where the training thread's time went during the epoch,
    from the kernel's /proc/<pid>/task/<tid>/schedstat (on a CPU; runnable but waiting for one; the
    rest: asleep, which for a thread that never blocks on I/O means waiting for the GIL)."""

    last: dict = {}  # set when the epoch's batches are done

    def on_batch(self, context, event) -> None:
        if event.step == 1:
            self.start = (time.perf_counter(), *self._schedstat())

    def on_epoch(self, context, event) -> None:
        wall, cpu, queued = (b - a for a, b in zip(self.start, (time.perf_counter(), *self._schedstat()),
                                                    strict=True))
        ThreadTimes.last = {"wall": wall, "cpu": cpu, "queued": queued, "other": max(0.0, wall - cpu - queued)}

    @staticmethod
    def _schedstat() -> tuple[float, float]:
        import threading

        try:
            with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as f:
                cpu, queued, _slices = f.read().split()
            return int(cpu) / 1e9, int(queued) / 1e9
        except (OSError, ValueError):  # not Linux
            return float("nan"), float("nan")


def child_gui(kind: str, root: str, threads: int, draw: bool = True) -> dict:
    """One epoch trained by the main window (its worker thread, the live loss plot, every installed view
    and probe), offscreen, with a 10 ms QTimer measuring how late the event loop runs it. `draw=False`
    stops the plots' redraw timer from firing during the run (for the comparison, not a setting of the app)."""
    import torch

    torch.set_num_threads(threads)
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    quiet_qt()
    _app = QApplication([sys.argv[0]])
    from playground.app import create_window

    os.environ["PLAYGROUND_DATA_DIR"] = root
    window = create_window(bench_experiment(kind))
    window.resize(1280, 800)
    window.show()

    def wait(ms: int, until=None) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        if until is not None:
            until.connect(loop.quit)
        loop.exec()

    if not window.engine_ready():
        wait(60000, window.engineReady)
    window.engine.wait()  # and the rest of its imports (torchvision)
    wait(1000)  # the canvas loads its bundled model once the engine is ready: let the window settle

    clock = QElapsedTimer()
    clock.start()
    delays: list[float] = []
    phases: dict[str, list[float]] = {"loading": [], "batches": [], "end": []}
    paces: list[int] = []  # the redraw timer's interval while the batches ran
    last = [None]

    def tick() -> None:
        now = clock.nsecsElapsed()
        if last[0] is not None:
            delay = max(0.0, (now - last[0]) / 1e6 - 10.0)
            delays.append(delay)
            # loading the data (no batch yet), the batches, the run's end (test set, views, model handed over)
            phase = "loading" if not window.loss_plot_panel.batch_count else "end" if ThreadTimes.last else "batches"
            phases[phase].append(delay)
            if phase == "batches":
                paces.append(window.plots.timer.interval())
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(10)
    probe.timeout.connect(tick)
    result: dict = {}
    done = QEventLoop()

    def finished(end, _result) -> None:
        result["end"] = end
        done.quit()

    window.run.runFinished.connect(finished)
    window.run.register_probe("benchmark", lambda _exp: ThreadTimes(), lambda _payload: None)
    if not draw:
        window.plots.timer.setInterval(24 * 3600 * 1000)
    probe.start()
    started = time.perf_counter()
    if not window.start_training():
        raise RuntimeError(f"the window refused to train: {window.train_blocker()}")
    QTimer.singleShot(900_000, done.quit)
    done.exec()
    wall = time.perf_counter() - started
    probe.stop()
    end = result.get("end")
    plotted = window.loss_plot_panel.batch_count
    window.close()
    wait(200)
    if end is None or end.status != "completed":
        raise RuntimeError(f"GUI run ended {getattr(end, 'status', 'never')}: {getattr(end, 'message', '')}")
    return {"seconds": end.history[0].seconds, "wall": wall, "plotted": plotted, "delays": delays,
            "phases": phases, "thread": ThreadTimes.last,
            "pace_ms": statistics.median(paces) if paces else float("nan")}


def section_gui(ctx: dict) -> list[str]:
    root, repeats, threads = ctx["root"], ctx["repeats"], ctx["threads"]
    runs, headless, undrawn = [], [], []
    repeats = repeats if ctx["quick"] else max(5, repeats)  # the shortest measurement here, and the noisiest
    for _ in range(repeats):  # alternate, so all see the same load
        runs.append(child(["gui", "mlp", str(root), str(threads)]))
        undrawn.append(child(["gui", "mlp", str(root), str(threads), "nodraw"])["seconds"])
        headless.append(cli_epoch("mlp", root, threads))
    gui = median([r["seconds"] for r in runs])
    cli = median([r["seconds"] for r in headless])
    delays = [d for r in runs for d in r["delays"]]
    p50, p99, worst = percentile(delays, 50), percentile(delays, 99), max(delays)
    per_run = [percentile(r["delays"], 99) for r in runs]
    phases = {name: [d for r in runs for d in r["phases"][name]] for name in ("loading", "batches", "end")}
    times = {k: median([r["thread"].get(k, float("nan")) for r in runs]) for k in ("wall", "cpu", "queued", "other")}
    ratio = median([r["seconds"] / h["seconds"] for r, h in zip(runs, headless, strict=True)])
    ctx.setdefault("summary", {}).update(gui_ratio=ratio, gui_p99=p99, gui_p50=p50)
    print(f"gui: {[r['seconds'] for r in runs]} headless {[r['seconds'] for r in headless]} "
          f"p50 {p50:.1f} p99 {p99:.1f} max {worst:.1f}", flush=True)
    return ["## The same run in the window: worker thread, live loss plot, every view installed (offscreen)", "",
            "`playground.app.create_window(<the MLP experiment above>)` shown at 1280×800, "
            "`window.start_training()`, until `window.run.runFinished`; a `PreciseTimer` QTimer at 10 ms on the "
            "GUI thread records how late each tick comes (interval − 10 ms), from Train until the run ends "
            f"(loading the data included). Alternating with `playground train`, medians of {repeats}, (3)/(2) the "
            f"median of each repeat's own ratio; "
            f"torch threads: {threads}.", "",
            "| figure | value | target |", "| --- | ---: | --- |",
            f"| (3) epoch through the GUI worker, s | {gui:.2f} | |",
            f"| (2) headless `playground train`, s | {cli:.2f} | |",
            f"| (3)/(2) | {ratio:.3f} | {verdict('gui_ratio', ratio)} |",
            f"| (3′) the same with the plots' redraw timer stopped, s; (3′)/(2) | {median(undrawn):.2f}; "
            f"{median(undrawn) / cli:.3f} | |",
            f"| event-loop delay p50, ms | {p50:.1f} | |",
            f"| event-loop delay p99, ms | {p99:.1f} | {verdict('gui_p99', p99)} |",
            f"| event-loop delay, worst tick, ms | {worst:.1f} | |",
            *(f"| … while {text}: ticks, p99, worst tick, ms | {len(phases[name])}, "
              f"{percentile(phases[name], 99):.1f}, {max(phases[name], default=float('nan')):.1f} | |"
              for name, text in (("loading", "the data loaded"), ("batches", "the batches ran"),
                                 ("end", "the run ended (test set, views, model handed to the canvas)"))),
            f"| Train → runFinished (load, epoch, test set, views), s | {median([r['wall'] for r in runs]):.2f} | |",
            f"| batch losses plotted per run | {runs[0]['plotted']:,} | |",
            f"| probe samples (all runs) | {len(delays):,} | |", "",
            f"Every repeat: (3) {spread([r['seconds'] for r in runs])} s; (3′) {spread(undrawn)} s; "
            f"(2) {spread([r['seconds'] for r in headless])} s; p99 per run {spread(per_run, 1)} ms.", "",
            f"The identical headless runs (2) ranged from {min(h['seconds'] for h in headless):.2f} to "
            f"{max(h['seconds'] for h in headless):.2f} s in this section (the speed of the machine drifts even "
            "when no other process in it is busy): differences smaller than that spread are noise.", "",
            f"Of the {gui - cli:+.2f} s that (3) adds to (2), drawing the live plots accounts "
            f"for {gui - median(undrawn):+.2f} s (the redraw timer paced itself at "
            f"{median([r['pace_ms'] for r in runs]):.0f} ms, see `playground/ui/plots.py`) and the rest of the window (worker thread, batch events, the "
            f"views' probes, this benchmark's 10 ms timer) for {median(undrawn) - cli:+.2f} s.", "",
            f"Where the training thread's {times['wall']:.2f} s of the epoch went (kernel schedstat, median run): "
            f"{times['cpu']:.2f} s on a CPU, {times['queued']:.2f} s runnable but waiting for a core that another "
            f"thread or process held, {times['other']:.2f} s asleep (waiting for the GIL while the GUI thread ran "
            f"Python). The headless epoch (2) took {cli:.2f} s.", ""]


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
           "array timed through `playground.ui.canvas.classify` — the function the panel's worker thread runs: "
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


# --------------------------------------------------------------------------- scale


def child_baseline(threads: int) -> dict:
    """Peak RSS of a process that only imports what `playground train` imports: the floor under the table."""
    import resource

    import torch

    torch.set_num_threads(threads)
    import playground.cli  # noqa: F401
    import playground.training.trainer  # noqa: F401

    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def section_scale(ctx: dict) -> list[str]:
    root, threads = ctx["root"], ctx["threads"]
    sizes = (10000, 30000, 60000) if not ctx["quick"] else (10000, 30000)
    repeats = ctx["repeats"]
    base = child(["baseline", str(threads)])["peak_mb"]
    out = ["## Scale: epoch time and peak memory against data size and model", "",
           f"`playground train` (1 epoch, batch 64, Adam 1e-3) in a fresh process per cell, median of {repeats}; "
           "peak memory is the process's maximum resident set size. A process that only imports torch and the "
           f"trainer peaks at {base:.0f} MB; the last column is what the run adds to that.", "",
           "| model | images | epoch, s | s per 10k images | peak RSS, MB | above imports, MB |",
           "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("mlp", "cnn"):
        for n in sizes:
            runs = [cli_epoch(kind, root, threads, limit=n) for _ in range(repeats)]
            seconds = median([r["seconds"] for r in runs])
            peak = median([r["peak_mb"] for r in runs])
            out.append(f"| {kind} | {n:,} | {seconds:.2f} | {seconds / n * 10000:.2f} | {peak:.0f} | "
                       f"{peak - base:.0f} |")
            print(f"scale {kind} {n}: {seconds:.2f}s {peak:.0f}MB", flush=True)
    out += ["", "Time per image stays flat (the s per 10k column): cost grows linearly with the data. Memory grows "
            "with the in-memory copy of the images: Fashion-MNIST's 70,000 uint8 images (55 MB) are read whole, "
            "and the training part is kept as float32 (3.1 MB per 1,000 images), so the limit cuts only the float "
            "copy.", ""]
    return out


# --------------------------------------------------------------------------- the report


SECTIONS = {"startup": section_startup, "train": section_train, "gui": section_gui, "canvas": section_canvas,
            "plot": section_plot, "scale": section_scale}


def busy_cpu_seconds() -> float | None:
    """CPU time all processes on the machine have used since boot (/proc/stat), or None off Linux."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def summary(ctx: dict) -> list[str]:
    s = ctx.get("summary", {})
    rows = [("Epoch time, `playground train` / course loop, MLP", "train_mlp", "train_ratio", "{:.3f}"),
            ("Epoch time, through the GUI / `playground train`", "gui_ratio", "gui_ratio", "{:.3f}"),
            ("GUI event-loop delay p99 during the run, ms", "gui_p99", "gui_p99", "{:.1f}"),
            ("Canvas preprocessing + prediction p95 (worse of MLP and CNN), ms", "canvas_p95", "canvas_p95", "{:.2f}"),
            ("Loss plot redraw with 100,000 points (median), ms", "plot_redraw", "plot_redraw", "{:.1f}"),
            ("Start-up to the main window painted (median), s", "startup", "startup", "{:.2f}")]
    out = ["## Summary", "", "| figure | measured | target |", "| --- | ---: | --- |"]
    for text, key, target, fmt in rows:
        if key in s:
            out.append(f"| {text} | {fmt.format(s[key])} | {verdict(target, s[key])} |")
    if "train_cnn" in s:
        out.append(f"| Epoch time, `playground train` / course loop, simple-cnn | {s['train_cnn']:.3f} | "
                   f"none set; the model alone is {s['floor_cnn']:.3f} of the course loop |")
    if "gui_p50" in s:
        out.append(f"| GUI event-loop delay p50, ms | {s['gui_p50']:.1f} | |")
    return out + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1 repeat and a smaller scale sweep")
    parser.add_argument("--only", choices=list(SECTIONS), action="append", help="run only this section (repeatable)")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"torch threads on every side (default {THREADS})")
    parser.add_argument("--out", help="where to write (default benchmarks/RESULTS.md; RESULTS.partial.md with "
                        "--quick or --only, so a partial run never replaces the full results)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, *rest = args.child
        if what == "gui":
            result = child_gui(rest[0], rest[1], int(rest[2]), draw=rest[3:] != ["nodraw"])
        elif what == "course":
            result = child_course(rest[0], rest[1], int(rest[2]))
        elif what == "floor":
            result = child_floor(rest[0], int(rest[1]))
        elif what == "startup":
            result = child_startup()
        else:
            result = child_baseline(int(rest[0]))
        print(json.dumps(result), flush=True)
        return 0

    import torch

    torch.set_num_threads(args.threads)
    root = data_dir()
    ctx = {"root": root or synthetic_root(), "synthetic": root is None, "repeats": 1 if args.quick else 3,
           "quick": args.quick, "threads": args.threads}
    os.environ["PLAYGROUND_DATA_DIR"] = str(ctx["root"])
    try:
        model_name = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                          if line.startswith("model name"))
    except (OSError, StopIteration):
        model_name = platform.processor() or platform.machine()
    command = " ".join(["python benchmarks/run.py", *(["--quick"] if args.quick else []),
                        *(f"--only {name}" for name in args.only or []),
                        *([f"--threads {args.threads}"] if args.threads != THREADS else [])])
    out = Path(args.out) if args.out else RESULTS if not (args.quick or args.only) else PARTIAL
    load_before = os.getloadavg()
    busy_before, own_before = busy_cpu_seconds(), own_cpu_seconds()
    started = time.perf_counter()
    body: list[str] = []
    for name in args.only or list(SECTIONS):
        t = time.perf_counter()
        body += SECTIONS[name](ctx)
        print(f"[{name}] {time.perf_counter() - t:.0f}s", flush=True)
    load_after = os.getloadavg()
    elapsed = time.perf_counter() - started
    cpus = os.cpu_count() or 1
    busy_after, own = busy_cpu_seconds(), own_cpu_seconds() - own_before
    others = None if busy_before is None else max(0.0, busy_after - busy_before - own)
    shared = others is not None and others > 0.05 * elapsed * cpus
    data = ("synthetic random images of the same shape (the Fashion-MNIST files were absent)" if ctx["synthetic"]
            else f"Fashion-MNIST, 60,000 training images, from `{root}`")
    lines = ["# Benchmark results", "",
             f"Written by `{command}` in {elapsed / 60:.1f} min. Do not edit: rerun it.", "",
             f"- Date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
             f"- Machine: {platform.system()} {platform.machine()}, {model_name}, {cpus} CPUs",
             f"- Python {platform.python_version()}, torch {torch.__version__}; torch threads {args.threads} on both "
             "sides of every comparison",
             f"- Data: {data}",
             f"- Load average (1/5/15 min) at the start {load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, "
             f"at the end {load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}"
             + ("" if others is None else
                f"; during the run this benchmark used {own:.0f} CPU-seconds and other processes {others:.0f} "
                f"({others / (elapsed * cpus):.0%} of the machine's {elapsed * cpus:.0f})")
             + (". **The machine was shared** with other work: ratios compare runs made side by side under the same "
                "load, absolute times are slower than on a quiet machine." if shared else "."),
             f"- Repeats: {ctx['repeats']} (medians)", ""]
    lines += summary(ctx) + body
    if FIXES.exists():
        lines += [FIXES.read_text(encoding="utf-8").rstrip(), ""]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({elapsed:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
