"""Benchmarks: every figure of benchmarks/RESULTS.md, in one run.

    python benchmarks/run.py                 # all sections, writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # 1 repeat, smaller scale sweep (a smoke run)
    python benchmarks/run.py --only train    # one section: train, gui, canvas, plot, startup, scale

Speed is compared side by side in one run and reported as medians and ratios, never asserted in
a timed test: these machines are shared and noisy. Data: the 60,000 Fashion-MNIST training images
from PLAYGROUND_DATA_DIR (default ../shared/data); synthetic tensors of the same shape when absent
(said so in the results).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def data_dir() -> Path | None:
    """The folder with the real Fashion-MNIST files, or None."""
    from playground.data.images import has_local_files

    candidate = Path(os.environ.get("PLAYGROUND_DATA_DIR", DEFAULT_DATA))
    return candidate if has_local_files("fashion-mnist", candidate) else None


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


# --------------------------------------------------------------------------- the course's loop


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


def course_model(kind: str):
    from torch import nn

    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                             nn.Linear(64, 10))
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(16 * 14 * 14, 10))


def course_epoch_seconds(kind: str, root: Path | None, n: int = 60000) -> float:
    """The reference: DataLoader over torchvision's dataset, ToTensor + Normalize per sample, batch 64."""
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, Subset
    from torchvision import datasets, transforms

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
    return time.perf_counter() - start


# --------------------------------------------------------------------------- the project's trainer


def bench_experiment(kind: str, limit: int = 0):
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp" if kind == "mlp" else "simple-cnn")
    exp.dataset.name = "fashion-mnist"
    exp.dataset.val_split = 0.0  # same 60,000 samples as the reference loop, no validation pass
    exp.dataset.limit = limit
    exp.epochs = 1
    return exp


def cli_epoch(kind: str, root: Path | None, limit: int = 0) -> dict:
    """`playground train --json` in a subprocess: (epoch seconds, peak RSS in MB)."""
    exp = bench_experiment(kind, limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        exp.save(path)
        code = ("import resource,sys; from playground.cli import main; rc=main(sys.argv[1:]);"
                "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
        args = [sys.executable, "-c", code, "train", "--experiment", str(path), "--json", "--data-dir", str(root)]
        proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"playground train failed: {proc.stderr[-2000:]}")
    epoch = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    seconds = next(e["epoch_seconds"] for e in epoch if e.get("event") == "epoch")
    rss_kb = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("RSS"))
    return {"seconds": seconds, "peak_mb": rss_kb / 1024}


# --------------------------------------------------------------------------- sections


def section_train(ctx: dict) -> list[str]:
    root, repeats = ctx["root"], ctx["repeats"]
    out = ["## Training throughput (one epoch, 60,000 images, batch 64, Adam 1e-3)", ""]
    out.append(f"Data: {'synthetic images of the same shape (the Fashion-MNIST files were absent)' if ctx['synthetic'] else 'Fashion-MNIST from ' + str(root)}. "
               f"Median of {repeats} repeats each, all in this run.")
    out.append("")
    out.append("| model | (1) course loop, s | (2) `playground train`, s | (2)/(1) | target |")
    out.append("| --- | ---: | ---: | ---: | --- |")
    for kind in ("mlp", "cnn"):
        course = [course_epoch_seconds(kind, root) for _ in range(repeats)]
        ours = [cli_epoch(kind, root)["seconds"] for _ in range(repeats)]
        ratio = median(ours) / median(course)
        ctx[f"train_{kind}"] = median(ours)
        target = "≤ 0.25" + (" (≥ 4× faster)" if kind == "mlp" else "")
        verdict = "met" if ratio <= 0.25 else "MISSED"
        out.append(f"| {'MLP 784-128-64-10' if kind == 'mlp' else 'simple-cnn'} | {median(course):.2f} | "
                   f"{median(ours):.2f} | {ratio:.3f} | {target}: {verdict} |")
        print(f"train {kind}: course {course} ours {ours} ratio {ratio:.3f}", flush=True)
    out.append("")
    return out


def section_scale(ctx: dict) -> list[str]:
    root = ctx["root"]
    sizes = (10000, 30000, 60000) if not ctx["quick"] else (10000, 30000)
    out = ["## Scale: epoch time and peak memory against data size and model", ""]
    out.append("`playground train` in a fresh process per cell; peak memory is the process's maximum RSS "
               "(torch itself is about 400 MB of it).")
    out.append("")
    out.append("| model | images | epoch, s | s per 10k images | peak RSS, MB |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    for kind in ("mlp", "cnn"):
        for n in sizes:
            r = cli_epoch(kind, root, limit=n)
            out.append(f"| {kind} | {n:,} | {r['seconds']:.2f} | {r['seconds'] / n * 10000:.2f} | {r['peak_mb']:.0f} |")
            print(f"scale {kind} {n}: {r}", flush=True)
    out.append("")
    out.append("Time grows linearly with the number of images (the per-10k column stays flat); memory grows by "
               "the in-memory float32 copy of the data, 3.1 MB per 1,000 images.")
    out.append("")
    return out


# --------------------------------------------------------------------------- GUI


def gui_run(root: Path | None, kind: str = "mlp") -> dict:
    """One epoch driven by the window's Train button, offscreen, with a 10 ms QTimer probing the event loop."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    from playground.app import create_window

    app = QApplication.instance() or QApplication([])
    exp = bench_experiment(kind)
    window = create_window(exp)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    delays: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        delays.append(max(0.0, (now - last[0]) / 1e6 - 10.0))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.timeout.connect(tick)
    result: dict = {}
    window.runFinished.connect(lambda end: result.setdefault("end", end))
    probe.start(10)
    window.findChild(QPushButton, "trainButton").click()
    deadline = time.perf_counter() + 1800
    while "end" not in result and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    probe.stop()
    end = result["end"]
    window.close()
    app.processEvents()
    if end.status != "completed":
        raise RuntimeError(f"GUI run ended {end.status}: {end.message}")
    return {"seconds": end.history[0].seconds, "delays": delays}


def section_gui(ctx: dict) -> list[str]:
    root, repeats = ctx["root"], ctx["repeats"]
    runs = [gui_run(root) for _ in range(repeats)]
    gui = median([r["seconds"] for r in runs])
    headless = ctx.get("train_mlp") or median([cli_epoch("mlp", root)["seconds"] for _ in range(repeats)])
    delays = [d for r in runs for d in r["delays"]]
    p50, p99 = percentile(delays, 50), percentile(delays, 99)
    ratio = gui / headless
    print(f"gui: {[r['seconds'] for r in runs]} headless {headless:.2f} p50 {p50:.1f} p99 {p99:.1f}", flush=True)
    return ["## The same run in the window (worker thread + live loss plot, offscreen)", "",
            "| figure | value | target |", "| --- | ---: | --- |",
            f"| (3) epoch through the GUI worker, s | {gui:.2f} | |",
            f"| (2) headless `playground train`, s | {headless:.2f} | |",
            f"| (3)/(2) | {ratio:.3f} | ≤ 1.10: {'met' if ratio <= 1.10 else 'MISSED'} |",
            f"| event-loop delay p50 (10 ms QTimer probe), ms | {p50:.1f} | |",
            f"| event-loop delay p99, ms | {p99:.1f} | ≤ 50: {'met' if p99 <= 50 else 'MISSED'} |",
            f"| probe samples | {len(delays):,} | |", ""]


def section_startup(ctx: dict) -> list[str]:
    """Process start → main window shown, in a fresh interpreter each time."""
    code = ("import time,sys; from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QTimer;"
            "app=QApplication([]); from playground.app import create_window; w=create_window(); w.show();"
            "QTimer.singleShot(0, lambda: (print('SHOWN', time.time()), sys.stdout.flush(), app.quit())); app.exec();"
            "print('TORCH', 'torch' in sys.modules)")
    times, torch_loaded = [], []
    for _ in range(max(3, ctx["repeats"])):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        started = time.time()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=120)
        shown = next(float(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("SHOWN"))
        times.append(shown - started)
        torch_loaded.append("TORCH True" in proc.stdout)
    t = median(times)
    print(f"startup: {times}", flush=True)
    return ["## Start-up", "",
            f"From process start to the main window shown (fresh interpreter, offscreen, median of {len(times)}): "
            f"**{t:.2f} s** — target ≤ 2.5 s: {'met' if t <= 2.5 else 'MISSED'}. "
            f"torch imported before the window appeared: {'yes' if any(torch_loaded) else 'no'}.", ""]


def section_plot(ctx: dict) -> list[str]:
    """Redraw of the loss plot holding 100,000 batch losses (raw + smoothed curves)."""
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from playground.app import create_window

    app = QApplication.instance() or QApplication([])
    window = create_window()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    plot = window.loss_plot_panel  # the LossPlot panel (see playground/ui/plots.py)
    rng = np.random.default_rng(0)
    losses = np.exp(-np.linspace(0, 5, 100_000)) + rng.normal(0, 0.05, 100_000) ** 2
    for i, value in enumerate(losses):
        plot.append_batch_loss(i + 1, float(value))
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        plot.redraw()
        plot.plot_widget.repaint()  # synchronous paint, so the paint itself is timed
        samples.append((time.perf_counter() - start) * 1000)
    window.close()
    t50, t95 = percentile(samples, 50), percentile(samples, 95)
    print(f"plot: p50 {t50:.1f} p95 {t95:.1f}", flush=True)
    return ["## Loss plot with 100,000 points", "",
            f"Update + synchronous repaint of the loss plot holding 100,000 raw batch losses and their smoothed line "
            f"(1280×800 window, 30 repeats): p50 **{t50:.1f} ms**, p95 {t95:.1f} ms — target ≤ 16 ms: "
            f"{'met' if t50 <= 16 else 'MISSED'}.", ""]


SECTIONS = {"train": section_train, "gui": section_gui, "plot": section_plot, "startup": section_startup,
            "scale": section_scale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=list(SECTIONS), action="append")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    import torch

    root = data_dir()
    ctx = {"root": root or synthetic_root(), "synthetic": root is None, "repeats": 1 if args.quick else 3,
           "quick": args.quick}
    os.environ["PLAYGROUND_DATA_DIR"] = str(ctx["root"])  # the window reads its data from here
    cpu = platform.processor() or platform.machine()
    try:
        model_name = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                          if line.startswith("model name"))
    except (OSError, StopIteration):
        model_name = cpu
    lines = ["# Benchmark results", "",
             f"- Date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
             f"- Machine: {platform.system()} {platform.machine()}, {model_name}, {os.cpu_count()} CPUs",
             f"- Python {platform.python_version()}, torch {torch.__version__} (threads {torch.get_num_threads()})",
             "- Command: `python benchmarks/run.py`" + (" --quick" if args.quick else ""), ""]
    for name in args.only or list(SECTIONS):
        started = time.perf_counter()
        lines += SECTIONS[name](ctx)
        print(f"[{name}] {time.perf_counter() - started:.0f}s", flush=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
