"""Section `gui`: the same epoch trained through the main window, against `playground train`."""

from __future__ import annotations

import os
import statistics
import sys
import time

from benchmarks.common import (
    bench_experiment,
    child,
    cli_epoch,
    median,
    percentile,
    quiet_qt,
    spread,
    verdict,
)

# --------------------------------------------------------------------------- (3) through the GUI


class ThreadTimes:
    """A probe (runs on the training thread): where the training thread's time went during the epoch,
    from the kernel's /proc/<pid>/task/<tid>/schedstat (on a CPU; runnable but waiting for one; the
    rest: asleep, which for a thread that never blocks on I/O means waiting for the GIL)."""

    last: dict = {}  # set when the epoch's batches are done

    def on_batch(self, trainer, event) -> None:
        if event.step == 1:
            self.start = (time.perf_counter(), *self._schedstat())

    def on_epoch(self, trainer, event) -> None:
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

    def finished(end) -> None:
        result["end"] = end
        done.quit()

    window.runFinished.connect(finished)
    window.register_probe("benchmark", lambda _exp: ThreadTimes(), lambda _payload: None)
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
            "`window.start_training()`, until `window.runFinished`; a `PreciseTimer` QTimer at 10 ms on the "
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
