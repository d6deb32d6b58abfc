"""What every benchmark section shares: paths, targets, statistics, fresh child processes, the data,
the course's reference networks and the `playground train` run."""

from __future__ import annotations

import functools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"
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
    "graph_rebuild": ("≤ 16 ms", lambda v: v <= 16),
    "startup": ("≤ 2.5 s", lambda v: v <= 2.5),
    "tta_ratio": ("≤ 0.3", lambda v: v <= 0.3),
    "health_ratio": ("≤ 1.05", lambda v: v <= 1.05),
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
    proc = subprocess.run([sys.executable, str(RUN), "--child", *args], capture_output=True,
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


def course_network(kind: str):
    """The course's networks, written out by hand with torch alone (no import of the app)."""
    from torch import nn

    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                             nn.Linear(64, 10))
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * 7 * 7, 10))


def course_model(kind: str):
    """`course_network`: the same layers as the seed-mlp and simple-cnn presets (checked against the
    preset's parameter count, so the two sides cannot drift apart)."""
    from playground.core.shapes import infer_shapes

    model = course_network(kind)
    preset = infer_shapes(bench_experiment(kind)).total_parameters
    ours = sum(p.numel() for p in model.parameters())
    if ours != preset:
        raise RuntimeError(f"the reference {kind} has {ours:,} parameters, the preset {preset:,}: update course_model")
    return model


# --------------------------------------------------------------------------- (2) `playground train`


def bench_experiment(kind: str, limit: int = 0, device: str = "cpu"):
    """The preset the reference loop copies, on Fashion-MNIST, one epoch, no validation split."""
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp" if kind == "mlp" else "simple-cnn")
    exp.dataset.name = "fashion-mnist"
    exp.dataset.val_split = 0.0  # the same 60,000 samples as the reference loop, no validation pass
    exp.dataset.limit = limit
    exp.epochs = 1
    exp.device = device
    return exp


def cli_epoch(kind: str, root: Path, threads: int, limit: int = 0, channels_last: bool | None = None,
              device: str = "cpu") -> dict:
    """`playground train --json` in a fresh process: epoch seconds, process wall time, peak RSS (MB).
    `channels_last` False or True overrides the trainer's choice (training/performance.py)."""
    exp = bench_experiment(kind, limit, device)
    layout = "" if channels_last is None else \
        f"import playground.training.performance as p; p.CHANNELS_LAST = {bool(channels_last)}; "
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        exp.save(path)
        code = (f"import json,resource,sys,torch; torch.set_num_threads({threads}); {layout}"
                "import playground.cli as cli; from benchmarks.gui import ThreadTimes; "
                # the gui section's probe on the headless trainer too: the two training threads' CPU time
                "probe = ThreadTimes(); batch, epoch = cli._JsonLines.on_batch, cli._JsonLines.on_epoch; "
                "cli._JsonLines.on_batch = lambda s, t, e: (probe.on_batch(t, e), batch(s, t, e)); "
                "cli._JsonLines.on_epoch = lambda s, t, e: (probe.on_epoch(t, e), epoch(s, t, e)); "
                "rc = cli.main(sys.argv[1:]); "
                "print('THREAD', json.dumps(ThreadTimes.last), file=sys.stderr); "
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
    thread = next(json.loads(line.split(" ", 1)[1]) for line in proc.stderr.splitlines() if line.startswith("THREAD"))
    return {"seconds": seconds, "wall": wall, "peak_mb": rss_kb / 1024, "thread": thread}
