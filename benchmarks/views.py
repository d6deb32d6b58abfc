"""Section `views`: every live view shown in turn while a run trains, against the same run headless.

For each view the main window (1280×800, offscreen) is opened with that view in front, a
representative run is trained through it, and a 10 ms `PreciseTimer` on the GUI thread records how
late each tick comes (the event-loop delay). The same run is trained without a window (the trainer
on a worker thread, no probes, no views) beside it, and the training thread's slowdown is the ratio
of the two runs' epoch seconds. Each run in a fresh process; medians of 3 (1 with --quick).

Runs: the seed MLP on MNIST (3 epochs, its own validation split) for Training, Layers, One step,
Evaluation, Runs and the network view (the Draw tab in front, so only the network dock is live);
the Spiral preset (100 epochs of 10 batches, a few milliseconds each) for the 2-D playground, and
for Training and Evaluation too, since there the per-epoch work comes every few milliseconds.
One step: the run starts paused, Step is pressed 30 times (each time once the previous step is
shown), then Resume trains to the end; its "slowdown" is the time from Step to the view drawn.
"""

from __future__ import annotations

import statistics
import threading
import time

from benchmarks.common import child, median, percentile, spread, verdict

# (view, run): the view brought to the front, the run trained
CASES = [("training", "mlp"), ("layers", "mlp"), ("step", "mlp"), ("evaluation", "mlp"), ("runs", "mlp"),
         ("network", "mlp"), ("playground2d", "spiral"), ("training", "spiral"), ("evaluation", "spiral")]
TITLES = {"training": "Training", "layers": "Layers", "step": "One step (paused + Step)",
          "evaluation": "Evaluation", "runs": "Runs", "network": "Network view (Draw tab in front)",
          "playground2d": "2-D playground"}
RUNS = {"mlp": "seed MLP, MNIST, 3 epochs", "spiral": "Spiral, 100 epochs"}
STEPS = 30


def view_experiment(run: str):
    from playground.core.presets import load_preset

    if run == "mlp":
        exp = load_preset("seed-mlp")
        exp.epochs = 3
    else:
        exp = load_preset("spiral")
        exp.epochs = 100
    return exp


def _widget(window, view: str):
    views = window.insight_views
    return {"training": window.plots, "layers": views.layers, "step": views.step, "evaluation": views.evaluation,
            "runs": views.runs, "network": window.digit_panel, "playground2d": window.playground2d}[view]


def child_view(view: str, run: str, root: str, threads: str) -> dict:
    """One run trained through the window with `view` in front; event-loop delays and epoch seconds."""

    from benchmarks.gui import LoopDelays, RunEnd, open_window, wait

    window, _threads = open_window(view_experiment(run), root, None if threads == "app" else int(threads))
    window.show_view(_widget(window, view))
    wait(300)
    loop = LoopDelays()
    run_end = RunEnd(window)
    loop.timer.start()
    started = time.perf_counter()
    step_ms: list[float] = []
    if view == "step":
        if not window.start_training(paused=True):
            raise RuntimeError(f"the window refused to train: {window.train_blocker()}")
        step_view = window.insight_views.step
        for _ in range(STEPS):
            before = step_view.anatomy
            pressed = time.perf_counter()
            window.step_training()
            deadline = pressed + 60
            while step_view.anatomy is before and time.perf_counter() < deadline:
                wait(2)
            step_ms.append((time.perf_counter() - pressed) * 1000)
        window.run.toggle_pause()
    elif not window.start_training():
        raise RuntimeError(f"the window refused to train: {window.train_blocker()}")
    end = run_end.wait(600_000)
    wall = time.perf_counter() - started
    loop.timer.stop()
    widget = _widget(window, view)
    live = getattr(widget, "live", None)  # ui/live_view.py's LiveDrawing, or the plots' own count
    redraws = live.redraws if live is not None else getattr(widget, "redraws", None)
    window.close()
    wait(200)
    if end is None or end.status != "completed":
        raise RuntimeError(f"{view} run ended {getattr(end, 'status', 'never')}: {getattr(end, 'message', '')}")
    return {"seconds": sum(e.seconds for e in end.history), "wall": wall, "delays": loop.delays, "step_ms": step_ms,
            "redraws": redraws}


def child_headless(run: str, root: str, threads: str) -> dict:
    """The same run without a window: the trainer on a worker thread, no probes."""
    import os

    import torch

    if threads != "app":
        torch.set_num_threads(int(threads))
    os.environ["PLAYGROUND_DATA_DIR"] = str(root)
    from playground.training.trainer import Trainer, TrainerCallbacks

    result = {}
    trainer = Trainer(view_experiment(run), TrainerCallbacks(), data_dir=root)
    thread = threading.Thread(target=lambda: result.setdefault("end", trainer.run()), name="TrainingThread")
    thread.start()
    thread.join()
    end = result["end"]
    if end.status != "completed":
        raise RuntimeError(f"headless {run} ended {end.status}: {end.message}")
    return {"seconds": sum(e.seconds for e in end.history)}


def section_views(ctx: dict) -> list[str]:
    from benchmarks.common import DEFAULT_DATA

    root = str(DEFAULT_DATA if (DEFAULT_DATA / "MNIST").exists() else ctx["root"])
    threads = str(ctx["threads"])
    repeats = ctx["repeats"]
    cases = [c for c in CASES if not ctx.get("views") or c[0] in ctx["views"]]
    gui: dict[tuple[str, str], list[dict]] = {case: [] for case in cases}
    headless: dict[str, list[float]] = {run: [] for _v, run in cases}
    paired: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    for _ in range(repeats):  # alternate: each view's run beside its own headless run, under the same load
        for run in headless:
            plain = child(["views-headless", run, root, threads])["seconds"]
            headless[run].append(plain)
            for case in cases:
                if case[1] != run:
                    continue
                measured = child(["view", case[0], run, root, threads])
                gui[case].append(measured)
                if case[0] != "step":
                    paired[case].append(measured["seconds"] / plain)
    rows, worst_p99 = [], 0.0
    for case in cases:
        view, run = case
        delays = [d for r in gui[case] for d in r["delays"]]
        p50, p99, worst = percentile(delays, 50), percentile(delays, 99), max(delays, default=float("nan"))
        per_run = [percentile(r["delays"], 99) for r in gui[case]]
        worst_p99 = max(worst_p99, p99)
        if view == "step":
            steps = [s for r in gui[case] for s in r["step_ms"]]
            slowdown = f"Step → shown p50 {percentile(steps, 50):.0f} ms, worst {max(steps):.0f} ms"
        else:
            slowdown = f"{median(paired[case]):.2f}"
        redraws = [r["redraws"] for r in gui[case] if r["redraws"] is not None]
        print(f"views: {view}/{run} p50 {p50:.1f} p99 {p99:.1f} worst {worst:.1f} per-run p99 {spread(per_run, 1)} "
              f"slowdown {slowdown} redraws {redraws}", flush=True)
        rows.append(f"| {TITLES[view]} | {RUNS[run]} | {p50:.1f} | {p99:.1f} | {worst:.1f} | {spread(per_run, 1)} | "
                    f"{slowdown} | {statistics.median(redraws) if redraws else '—'} | {verdict('gui_p99', p99)} |")
    ctx.setdefault("summary", {})["views_p99"] = worst_p99
    plain = "; ".join(f"{RUNS[run]} {spread(values)} s" for run, values in headless.items())
    return ["## Every live view shown while a run trains (offscreen, 1280×800)", "",
            "Each row: `create_window(<run>)`, the view brought to the front, `window.start_training()` until "
            "`runFinished`, with a 10 ms `PreciseTimer` on the GUI thread recording how late each tick comes "
            "(interval − 10 ms). Beside it, the same run trained without a window (the trainer on a worker "
            "thread, no probes); slowdown = the window's epoch seconds ÷ the headless run's, median of each "
            f"repeat's own ratio. Medians of {repeats}, each run in a fresh process, torch threads "
            f"{ctx['threads']}. The view's redraws: how many times it drew during the run.", "",
            "| view in front | run | delay p50, ms | p99, ms | worst tick, ms | p99 per run, ms | training slowdown "
            "vs headless | view redraws | target |",
            "| --- | --- | ---: | ---: | ---: | --- | --- | ---: | --- |", *rows, "",
            f"Headless runs: {plain}.", ""]
