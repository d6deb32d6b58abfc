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


class _SyntheticFashion:
    """Stands in for torchvision's FashionMNIST when the files are absent: a PIL image per sample."""

    def __init__(self, n: int, transform):
        import numpy as np

        rng = np.random.default_rng(0)
        self.images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        self.labels = rng.integers(0, 10, n)
        self.transform = transform

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, i):
        from PIL import Image

        return self.transform(Image.fromarray(self.images[i], mode="L")), int(self.labels[i])


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
    if root is not None:
        dataset = datasets.FashionMNIST(str(root), train=True, download=False, transform=transform)
        if n < len(dataset):
            dataset = Subset(dataset, range(n))
    else:
        dataset = _SyntheticFashion(n, transform)
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


def synthetic_bundle(n: int = 60000):
    import torch

    from playground.data.registry import DataBundle, DatasetInfo

    g = torch.Generator().manual_seed(0)
    x = torch.randn(n, 1, 28, 28, generator=g)
    y = torch.randint(0, 10, (n,), generator=g)
    info = DatasetInfo("fashion-mnist", (1, 28, 28), 10, 10, [str(i) for i in range(10)])
    return DataBundle(info, x, y, x[:0], y[:0], None, None, (0.0, 1.0))


def cli_epoch(kind: str, root: Path | None, limit: int = 0) -> dict:
    """`playground train --json` in a subprocess: (epoch seconds, peak RSS in MB)."""
    exp = bench_experiment(kind, limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        exp.save(path)
        if root is None:
            code = ("import json,resource,sys; sys.path.insert(0, %r); from benchmarks.run import synthetic_bundle;"
                    "from playground.core.experiment import Experiment; from playground.training.trainer import Trainer;"
                    "e=Experiment.load(%r); t=Trainer(e, data=synthetic_bundle(%d or 60000)); end=t.run();"
                    "print(json.dumps({'event':'epoch','epoch_seconds':end.history[0].seconds}));"
                    "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
                    % (str(ROOT), str(path), limit))
        else:
            code = ("import resource,sys; from playground.cli import main; rc=main(sys.argv[1:]);"
                    "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
        args = [sys.executable, "-c", code]
        if root is not None:
            args += ["train", "--experiment", str(path), "--json", "--data-dir", str(root)]
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
    out.append(f"Data: {'Fashion-MNIST from ' + str(root) if root else 'synthetic tensors of the same shape (Fashion-MNIST files absent)'}. "
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


SECTIONS = {"train": section_train, "scale": section_scale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=list(SECTIONS), action="append")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    import torch

    ctx = {"root": data_dir(), "repeats": 1 if args.quick else 3, "quick": args.quick}
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
