"""Benchmarks: every figure of benchmarks/RESULTS.md, in one run.

    python benchmarks/run.py                 # all sections (~35 min on 2 quiet cores), writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # 1 repeat, smaller scale sweep (a smoke run, ~3 min)
    python benchmarks/run.py --only canvas   # some sections: startup, train, gui, canvas, plot, scale,
                                             # threads, accuracy, distributed, graph, views, health,
                                             # transfer
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
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import (  # noqa: E402
    accuracy,
    distributed,
    graph,
    gui,
    health,
    interactive,
    throughput,
    transfer,
    views,
)
from benchmarks import threads as threads_section  # noqa: E402
from benchmarks.common import FIXES, PARTIAL, RESULTS, THREADS, data_dir, synthetic_root, verdict  # noqa: E402

# --------------------------------------------------------------------------- the report


SECTIONS = {"startup": interactive.section_startup, "train": throughput.section_train, "gui": gui.section_gui,
            "canvas": interactive.section_canvas, "plot": interactive.section_plot, "scale": throughput.section_scale,
            "threads": threads_section.section_threads, "accuracy": accuracy.section_accuracy,
            "distributed": distributed.section_distributed, "graph": graph.section_graph,
            "views": views.section_views,
            "health": health.section_health, "transfer": transfer.section_transfer}
# `run.py --child NAME ARGS...` (see common.child): one measurement in a fresh interpreter
CHILDREN = {"gui": gui.child_from_args, "graph": graph.child_graph,
            "course": lambda kind, root, threads, device="cpu": throughput.child_course(kind, root, int(threads),
                                                                                        device=device),
            "floor": lambda kind, threads, device="cpu": throughput.child_floor(kind, int(threads), device=device),
            "thread": lambda kind, root, threads: gui.child_thread(kind, root, int(threads)),
            "startup": interactive.child_startup,
            "tta-course": accuracy.child_course, "tta-window": accuracy.child_window,
            "baseline": lambda threads: throughput.child_baseline(int(threads)),
            "view": views.child_view, "views-headless": views.child_headless,
            "health": health.child_health, "health-deep": health.child_deep}


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
            ("GUI event-loop delay p99 with any view shown (worst view), ms", "views_p99", "gui_p99", "{:.1f}"),
            ("Canvas preprocessing + prediction p95 (worse of MLP and CNN), ms", "canvas_p95", "canvas_p95", "{:.2f}"),
            ("Loss plot redraw with 100,000 points (median), ms", "plot_redraw", "plot_redraw", "{:.1f}"),
            ("Start-up to the main window painted (median), s", "startup", "startup", "{:.2f}"),
            ("Network graph: scene rebuild for a 52-layer residual network (median), ms", "graph_rebuild",
             "graph_rebuild", "{:.1f}"),
            ("Network graph shown: event-loop delay p99 during the run, ms", "graph_p99", "gui_p99", "{:.1f}"),
            ("Epoch with gradient health / without, MLP", "health_ratio", "health_ratio", "{:.3f}")]
    out = ["## Summary", "", "| figure | measured | target |", "| --- | ---: | --- |"]
    for text, key, target, fmt in rows:
        if key in s:
            out.append(f"| {text} | {fmt.format(s[key])} | {verdict(target, s[key])} |")
    if "train_cnn" in s:
        out.append(f"| Epoch time, `playground train` / course loop, simple-cnn | {s['train_cnn']:.3f} | "
                   f"none set; the model alone is {s['floor_cnn']:.3f} of the course loop |")
    if "gui_p50" in s:
        out.append(f"| GUI event-loop delay p50, ms | {s['gui_p50']:.1f} | |")
    if "gui_cpu_ratio" in s:
        out.append(f"| Training thread's CPU time per epoch, through the GUI / `playground train` | "
                   f"{s['gui_cpu_ratio']:.3f} | |")
    for key, (headless, window) in sorted((k, v) for k, v in s.items() if k.startswith("tta_")):
        _tta, kind, device, threshold = key.split("_")
        name = "MLP" if kind == "mlp" else "simple-cnn"
        worst = max(headless, window or 0)
        out.append(f"| Time to {threshold} % validation accuracy, {name} on {device}: `playground train`; window "
                   f"/ course loop | {headless:.3f}; " + (f"{window:.3f}" if window is not None else "—")
                   + f" | {verdict('tta_ratio', worst)} |")
    if "threads_best" in s:
        best = ", ".join(f"{kind} {n}" for kind, n in s["threads_best"].items())
        app = ", ".join(f"{kind} {n}" for kind, n in s["threads_app"].items())
        out.append(f"| Window's torch threads: the app's default; the fastest with p99 ≤ 50 ms | "
                   f"{app}; {best} | the same |")
        out.append(f"| simple-cnn headless epoch, channels_last off / on | {s['channels_last_gain']:.3f} | |")
    for kind in ("mlp", "cnn"):
        if f"ddp_{kind}" in s:
            one, two = s[f"ddp_{kind}"]
            out.append(f"| Exported script ({kind}), epoch on 2 processes / 1 process (torchrun, gloo), s | "
                       f"{two:.2f} / {one:.2f} | runs, and reports the whole job's accuracy |")
    return out + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1 repeat and a smaller scale sweep")
    parser.add_argument("--only", choices=list(SECTIONS), action="append", help="run only this section (repeatable)")
    parser.add_argument("--view", choices=sorted(views.TITLES), action="append",
                        help="with --only views: only this view (repeatable)")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"torch threads on every side (default {THREADS})")
    parser.add_argument("--out", help="where to write (default benchmarks/RESULTS.md; RESULTS.partial.md with "
                        "--quick or --only, so a partial run never replaces the full results)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, *rest = args.child
        print(json.dumps(CHILDREN[what](*rest)), flush=True)
        return 0

    import torch

    torch_default_threads = torch.get_num_threads()  # before this run sets its own
    torch.set_num_threads(args.threads)
    # every child too, the window's training thread included (it would otherwise choose its own count,
    # see playground/training/performance.py): both sides of every comparison get the same threads
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    root = data_dir()
    ctx = {"root": root or synthetic_root(), "synthetic": root is None, "repeats": 1 if args.quick else 3,
           "quick": args.quick, "threads": args.threads, "views": args.view,
           "torch_default_threads": torch_default_threads}
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
