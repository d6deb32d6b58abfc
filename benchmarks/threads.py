"""Section `threads`: one epoch of the seed MLP and of simple-cnn with 1, 2 and all cores' worth of
PyTorch threads, channels_last on and off for the CNN, headless and in the window; whether the
window's default (playground/training/performance.py) is the fastest that keeps its p99 ≤ 50 ms."""

from __future__ import annotations

import os

from benchmarks.common import child, cli_epoch, median, percentile, spread
from benchmarks.gui import gui_args

P99_LIMIT = 50.0  # ms: the window's target (TARGETS["gui_p99"])


def plural(threads: int) -> str:
    return f"{threads} thread" + ("" if threads == 1 else "s")


def thread_counts() -> list[int]:
    """1, 2 and every core (logical CPUs), without repeats."""
    return sorted({1, min(2, os.cpu_count() or 1), os.cpu_count() or 1})


def section_threads(ctx: dict) -> list[str]:
    from playground.training import performance

    root, repeats = ctx["root"], ctx["repeats"]
    limit = 10000 if ctx["quick"] else 0  # a smoke run: a sixth of the images
    cores = os.cpu_count() or 1
    counts = thread_counts()
    apps = {kind: performance.window_threads(ctx["torch_default_threads"], kind == "cnn") for kind in ("mlp", "cnn")}
    layouts = {"mlp": [None], "cnn": [False, True]}  # None: the MLP has no convolutions to lay out
    headless: dict[tuple, list[float]] = {}
    window: dict[tuple, list[dict]] = {}
    for _ in range(repeats):  # every cell once per repeat, in turn, so all see the same load
        for kind in ("mlp", "cnn"):
            for threads in counts:
                for layout in layouts[kind]:
                    run = cli_epoch(kind, root, threads, limit=limit, channels_last=layout)
                    headless.setdefault((kind, threads, layout), []).append(run["seconds"])
                r = child(gui_args(kind, root, threads, limit=limit))  # the trainer's own layout choice
                window.setdefault((kind, threads), []).append(
                    {"seconds": r["seconds"], "p99": percentile(r["delays"], 99)})
                print(f"threads {kind} {threads}: headless {[headless[(kind, threads, x)][-1] for x in layouts[kind]]}"
                      f" window {window[(kind, threads)][-1]}", flush=True)

    def layout_text(kind: str, layout: bool | None) -> str:
        if layout is None:
            return "—"
        chosen = " (the app's)" if layout == performance.CHANNELS_LAST else ""
        return ("on" if layout else "off") + chosen

    out = ["## Threads: PyTorch's threads and the CNN's memory layout", "",
           f"This machine: {cores} logical CPUs; PyTorch's default is {ctx['torch_default_threads']} threads (one per "
           f"physical core). One epoch of {limit or 60000:,} images, batch 64, Adam 1e-3 (as in the throughput "
           "section), each "
           "run in a fresh process: `playground train --json` with `torch.set_num_threads(N)`, and the main window "
           "(as in the window section) with N threads; channels_last on or off for the CNN headless, the trainer's "
           f"own choice in the window. Medians of {repeats}; every cell once per repeat, in turn.", "",
           "| model | threads | channels_last | `playground train`, s/epoch | window, s/epoch | window p99, ms |",
           "| --- | ---: | --- | ---: | ---: | ---: |"]
    raw = []
    best: dict[str, tuple[float, int]] = {}
    for kind in ("mlp", "cnn"):
        for threads in counts:
            win = window[(kind, threads)]
            w_seconds, w_p99 = median([r["seconds"] for r in win]), median([r["p99"] for r in win])
            if w_p99 <= P99_LIMIT and (kind not in best or w_seconds < best[kind][0]):
                best[kind] = (w_seconds, threads)
            for layout in layouts[kind]:
                times = headless[(kind, threads, layout)]
                in_window = layout is None or layout == performance.CHANNELS_LAST
                out.append(f"| {kind} | {threads} | {layout_text(kind, layout)} | {median(times):.2f} | "
                           + (f"{w_seconds:.2f} | {w_p99:.1f} |" if in_window else "| |"))
                raw.append(f"- {kind}, {plural(threads)}, channels_last {layout_text(kind, layout)}: headless "
                           f"{spread(times)} s" + (f"; window {spread([r['seconds'] for r in win])} s, p99 "
                                                   f"{spread([r['p99'] for r in win], 1)} ms" if in_window else ""))
    cnn_layout = {t: median([off / on for off, on in zip(headless[("cnn", t, False)], headless[("cnn", t, True)],
                                                          strict=True)]) for t in counts}
    verdicts = []
    for kind in ("mlp", "cnn"):
        if kind not in best:
            verdicts.append(f"{kind}: no thread count kept the window's p99 ≤ {P99_LIMIT:.0f} ms")
            continue
        seconds, threads = best[kind]
        app_threads = apps[kind]
        app = median([r["seconds"] for r in window.get((kind, app_threads), [])]) if app_threads in counts else None
        same = threads == app_threads or (app is not None and app <= seconds * 1.05)
        verdicts.append(f"{kind}: fastest window epoch with p99 ≤ {P99_LIMIT:.0f} ms at {plural(threads)}, "
                        f"{seconds:.2f} s; the app's {app_threads}: "
                        + (f"{app:.2f} s" if app is not None else "not measured") + (" — the same choice" if same
                                                                                     else " — **not the fastest**"))
    ctx.setdefault("summary", {}).update(
        threads_app=apps, threads_best={k: v[1] for k, v in best.items()},
        channels_last_gain=median(list(cnn_layout.values())))
    return out + ["", "Every repeat:", *raw, "",
                  f"The window's default here (`playground/training/performance.py`): {plural(apps['mlp'])} for "
                  f"the MLP, all {cores} cores but one, so the GUI thread keeps a core; {plural(apps['cnn'])} for "
                  "the CNN, whose convolutions gain more; headless runs keep PyTorch's default. "
                  + "; ".join(verdicts) + ".", "",
                  "channels_last for the CNN, headless epoch off ÷ on (above 1: on is faster): "
                  + ", ".join(f"{plural(t)} {v:.3f}" for t, v in cnn_layout.items())
                  + f"; the trainer uses it {'on' if performance.CHANNELS_LAST else 'off'}.", ""]
