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
    rest: asleep, which for a thread that never blocks on I/O means waiting for the GIL), and how much
    CPU the GUI thread (`gui_tid`) used meanwhile."""

    last: dict = {}  # set when the epoch's batches are done
    gui_tid: int | None = None

    def on_batch(self, context, event) -> None:
        if event.step == 1:
            self.start = (time.perf_counter(), *self._schedstat(), self._gui_cpu())
            self.tasks = self._all_tasks()

    def on_epoch(self, context, event) -> None:
        now = (time.perf_counter(), *self._schedstat(), self._gui_cpu())
        wall, cpu, queued, gui = (b - a for a, b in zip(self.start, now, strict=True))
        tasks = self._all_tasks()
        ThreadTimes.last = {"wall": wall, "cpu": cpu, "queued": queued, "other": max(0.0, wall - cpu - queued),
                            "gui_cpu": gui,
                            # every thread of the process that ran during the epoch: name → CPU seconds
                            "threads": {name: round(cpu - self.tasks.get(name, 0.0), 3)
                                        for name, cpu in tasks.items() if cpu - self.tasks.get(name, 0.0) > 0.001}}

    @classmethod
    def _all_tasks(cls) -> dict[str, float]:
        """CPU seconds of every thread of this process, by name (with its id where names repeat)."""
        import os

        found = {}
        try:
            for tid in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{tid}/comm") as f:
                    name = f.read().strip()
                found[f"{name} {tid}"] = cls._schedstat(int(tid))[0]
        except OSError:
            pass
        return found

    def _gui_cpu(self) -> float:
        return self._schedstat(ThreadTimes.gui_tid)[0] if ThreadTimes.gui_tid else 0.0

    @staticmethod
    def _schedstat(tid: int | None = None) -> tuple[float, float]:
        import threading

        try:
            with open(f"/proc/self/task/{tid or threading.get_native_id()}/schedstat") as f:
                cpu, queued, _slices = f.read().split()
            return int(cpu) / 1e9, int(queued) / 1e9
        except (OSError, ValueError):  # not Linux
            return float("nan"), float("nan")


_APP = None


def wait(ms: int, until=None) -> None:
    """Run the event loop for `ms` milliseconds, or until the signal `until` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    if until is not None:
        until.connect(loop.quit)
    loop.exec()


class LoopDelays:
    """A 10 ms `PreciseTimer` on the GUI thread: `delays` holds how late each tick came, in ms (interval
    − 10 ms); `on_delay(ms)` sees each one as it comes. `timer.start()` / `timer.stop()` around the run."""

    def __init__(self, on_delay=None):
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.delays: list[float] = []
        self._on_delay = on_delay
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last: int | None = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        if self._last is not None:
            delay = max(0.0, (now - self._last) / 1e6 - 10.0)
            self.delays.append(delay)
            if self._on_delay is not None:
                self._on_delay(delay)
        self._last = now


class RunEnd:
    """The window's run's `EndEvent`, once `runFinished` has come (connect before Train)."""

    def __init__(self, window):
        from PySide6.QtCore import QEventLoop

        self.end = None
        self._done = QEventLoop()
        window.run.runFinished.connect(self._finished)

    def _finished(self, end, _result) -> None:
        self.end = end
        self._done.quit()

    def wait(self, timeout_ms: int):
        """Run the event loop until the run ends (at most `timeout_ms`); the EndEvent, or None."""
        from PySide6.QtCore import QTimer

        if self.end is None:
            QTimer.singleShot(timeout_ms, self._done.quit)
            self._done.exec()
        return self.end


def open_window(experiment, root: str, threads: int | None):
    """The main window on `experiment`, shown at 1280×800 (offscreen), once PyTorch is loaded and the window
    has settled; `threads` None keeps the window's own thread count. Returns (window, threads)."""
    import torch
    from PySide6.QtWidgets import QApplication

    quiet_qt()
    global _APP
    _APP = QApplication.instance() or QApplication([sys.argv[0]])  # kept: the window needs it alive
    from playground.app import create_window

    os.environ["PLAYGROUND_DATA_DIR"] = str(root)
    window = create_window(experiment)
    window.resize(1280, 800)
    window.show()
    if not window.engine_ready():
        wait(60000, window.engineReady)
    window.engine.wait()  # and the rest of its imports (torchvision), and the window's thread count
    if threads is not None:
        torch.set_num_threads(threads)
    wait(1000)  # the canvas loads its bundled model once the engine is ready: let the window settle
    return window, torch.get_num_threads()


def child_gui(kind: str, root: str, threads: int | None, draw: bool = True, channels_last: bool | None = None,
              device: str = "cpu", probe: bool = True, limit: int = 0) -> dict:
    """One epoch trained by the main window (its worker thread, the live loss plot, every installed view
    and probe), offscreen, with a 10 ms QTimer measuring how late the event loop runs it. `draw=False`
    stops the plots' redraw timer from firing during the run, `probe=False` the 10 ms timer (for the
    comparisons, not settings of the app).
    `threads` None keeps the window's own choice (training/performance.py); `channels_last` overrides the
    trainer's."""
    import threading


    if channels_last is not None:
        import playground.training.performance as performance

        performance.CHANNELS_LAST = channels_last
    ThreadTimes.gui_tid = threading.get_native_id()
    window, threads = open_window(bench_experiment(kind, limit, device), root, threads)

    phases: dict[str, list[float]] = {"loading": [], "batches": [], "end": []}
    paces: list[int] = []  # the redraw timer's interval while the batches ran

    def by_phase(delay: float) -> None:
        # loading the data (no batch yet), the batches, the run's end (test set, views, model handed over)
        phase = "loading" if not window.loss_plot_panel.batch_count else "end" if ThreadTimes.last else "batches"
        phases[phase].append(delay)
        if phase == "batches":
            paces.append(window.plots.timer.interval())

    loop = LoopDelays(by_phase)
    run_end = RunEnd(window)
    window.run.register_probe("benchmark", lambda _exp: ThreadTimes(), lambda _payload: None)
    if not draw:
        window.plots.timer.setInterval(24 * 3600 * 1000)
    if probe:
        loop.timer.start()
    started = time.perf_counter()
    if not window.start_training():
        raise RuntimeError(f"the window refused to train: {window.train_blocker()}")
    end = run_end.wait(900_000)
    wall = time.perf_counter() - started
    loop.timer.stop()
    plotted = window.loss_plot_panel.batch_count
    window.close()
    wait(200)
    if end is None or end.status != "completed":
        raise RuntimeError(f"GUI run ended {getattr(end, 'status', 'never')}: {getattr(end, 'message', '')}")
    return {"seconds": end.history[0].seconds, "wall": wall, "plotted": plotted, "delays": loop.delays,
            "phases": phases, "thread": ThreadTimes.last,
            "pace_ms": statistics.median(paces) if paces else float("nan"), "threads": threads}


def child_thread(kind: str, root: str, threads: int) -> dict:
    """(2′): what `playground train` does, on a worker thread of a process without a window, so the
    window's cost can be told apart from that of training off the main thread."""
    import threading

    import torch

    torch.set_num_threads(threads)
    from playground.training.trainer import Trainer, TrainerCallbacks

    class Callbacks(ThreadTimes, TrainerCallbacks):  # the probe's hooks, no-ops for the rest
        pass

    result = {}
    trainer = Trainer(bench_experiment(kind), Callbacks(), data_dir=root)
    thread = threading.Thread(target=lambda: result.setdefault("end", trainer.run()), name="TrainingThread")
    thread.start()
    thread.join()
    end = result["end"]
    if end.status != "completed":
        raise RuntimeError(f"training on a thread ended {end.status}: {end.message}")
    return {"seconds": end.history[0].seconds, "thread": ThreadTimes.last}


def section_gui(ctx: dict) -> list[str]:
    root, repeats, threads = ctx["root"], ctx["repeats"], ctx["threads"]
    runs, headless, undrawn, unprobed, threaded = [], [], [], [], []
    repeats = repeats if ctx["quick"] else max(5, repeats)  # the shortest measurement here, and the noisiest
    for _ in range(repeats):  # alternate, so all see the same load
        runs.append(child(gui_args("mlp", root, threads)))
        headless.append(cli_epoch("mlp", root, threads))
        undrawn.append(child(gui_args("mlp", root, threads, draw=False))["seconds"])
        threaded.append(child(["thread", "mlp", str(root), str(threads)])["seconds"])
        unprobed.append(child(gui_args("mlp", root, threads, probe=False))["seconds"])
    seconds = [r["seconds"] for r in runs]
    plain = [h["seconds"] for h in headless]
    gui, cli = median(seconds), median(plain)

    def paired(values: list[float]) -> float:  # each repeat against its own headless run
        return median([v / h for v, h in zip(values, plain, strict=True)])

    def added(a: list[float], b: list[float]) -> float:
        return median([x - y for x, y in zip(a, b, strict=True)])

    delays = [d for r in runs for d in r["delays"]]
    p50, p99, worst = percentile(delays, 50), percentile(delays, 99), max(delays)
    per_run = [percentile(r["delays"], 99) for r in runs]
    phases = {name: [d for r in runs for d in r["phases"][name]] for name in ("loading", "batches", "end")}
    times = {k: median([r["thread"].get(k, float("nan")) for r in runs])
             for k in ("wall", "cpu", "queued", "other", "gui_cpu")}
    ratio = paired(seconds)
    headless_cpu = median([h["thread"].get("cpu", float("nan")) for h in headless])
    # the same comparison in the training thread's CPU time, which other processes' load hardly changes
    cpu_ratio = median([r["thread"]["cpu"] / h["thread"]["cpu"] for r, h in zip(runs, headless, strict=True)])
    ctx.setdefault("summary", {}).update(gui_ratio=ratio, gui_p99=p99, gui_p50=p50, gui_cpu_ratio=cpu_ratio)
    print(f"gui: {seconds} headless {plain} thread {threaded} undrawn {undrawn} unprobed {unprobed} "
          f"p50 {p50:.1f} p99 {p99:.1f} max {worst:.1f}", flush=True)
    on_thread, timer, drawing = added(threaded, plain), added(seconds, unprobed), added(seconds, undrawn)
    return ["## The same run in the window: worker thread, live loss plot, every view installed (offscreen)", "",
            "`playground.app.create_window(<the MLP experiment above>)` shown at 1280×800, "
            "`window.start_training()`, until `window.run.runFinished`; a `PreciseTimer` QTimer at 10 ms on the "
            "GUI thread records how late each tick comes (interval − 10 ms), from Train until the run ends "
            f"(loading the data included). Alternating with `playground train`, medians of {repeats}; every "
            "ratio is the median of each repeat's own ratio to the headless run (2) made beside it; "
            f"torch threads: {threads}.", "",
            "| figure | value | target |", "| --- | ---: | --- |",
            f"| (3) epoch through the GUI worker, s | {gui:.2f} | |",
            f"| (2) headless `playground train`, s | {cli:.2f} | |",
            f"| (3)/(2) | {ratio:.3f} | {verdict('gui_ratio', ratio)} |",
            f"| the training thread's CPU time during the epoch, (3)/(2) | {cpu_ratio:.3f} | |",
            f"| (3′) the window with the plots' redraw timer stopped, s; (3′)/(2) | {median(undrawn):.2f}; "
            f"{paired(undrawn):.3f} | |",
            f"| (3″) the window without this benchmark's 10 ms timer (no delays measured), s; (3″)/(2) | "
            f"{median(unprobed):.2f}; {paired(unprobed):.3f} | |",
            f"| (2′) the trainer on a worker thread, no window, s; (2′)/(2) | {median(threaded):.2f}; "
            f"{paired(threaded):.3f} | |",
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
            f"Every repeat: (3) {spread(seconds)} s; (2) {spread(plain)} s; (3′) {spread(undrawn)} s; "
            f"(3″) {spread(unprobed)} s; (2′) {spread(threaded)} s; p99 per run {spread(per_run, 1)} ms.", "",
            f"The identical headless runs (2) ranged from {min(plain):.2f} to {max(plain):.2f} s in this section "
            "(the speed of the machine drifts even when no other process in it is busy): differences smaller "
            "than that spread are noise.", "",
            f"Where the {added(seconds, plain):+.2f} s that (3) adds to (2) go (medians of each repeat's "
            f"differences): training on a worker thread instead of the main one {on_thread:+.2f} s ((2′) − (2)); "
            f"this benchmark's own 10 ms timer {timer:+.2f} s ((3) − (3″)); drawing the live plots "
            f"{drawing:+.2f} s ((3) − (3′); the redraw timer paced itself at "
            f"{median([r['pace_ms'] for r in runs]):.0f} ms, see `playground/ui/plots.py`); the rest of the "
            f"window (batch events, progress bar, the views' probes) "
            f"{added(seconds, plain) - on_thread - timer - drawing:+.2f} s.", "",
            f"Where the training thread's {times['wall']:.2f} s of the epoch went (kernel schedstat, median run): "
            f"{times['cpu']:.2f} s on a CPU, {times['queued']:.2f} s runnable but waiting for a core that another "
            f"thread or process held, {times['other']:.2f} s asleep (waiting for the GIL while the GUI thread ran "
            f"Python); meanwhile the GUI thread ran {times['gui_cpu']:.2f} s on a CPU. The headless epoch (2) took "
            f"{cli:.2f} s, of which its training thread spent {headless_cpu:.2f} s on a CPU: the window's training "
            f"thread needed {times['cpu'] / headless_cpu:.2f}× the CPU time for the same work.", ""]


def gui_args(kind: str, root, threads: int | None, draw: bool = True, channels_last: bool | None = None,
             device: str = "cpu", probe: bool = True, limit: int = 0) -> list[str]:
    """`child(...)` arguments for one `child_gui` run (see `child_from_args`)."""
    return ["gui", kind, str(root), "app" if threads is None else str(threads), *([] if draw else ["nodraw"]),
            *([] if probe else ["noprobe"]), *([f"limit={limit}"] if limit else []),
            *([] if channels_last is None else [f"cl={int(channels_last)}"]), f"device={device}"]


def child_from_args(kind: str, root: str, threads: str, *flags: str) -> dict:
    options = dict(flag.split("=", 1) for flag in flags if "=" in flag)
    return child_gui(kind, root, None if threads == "app" else int(threads), draw="nodraw" not in flags,
                     probe="noprobe" not in flags,
                     channels_last=None if "cl" not in options else options["cl"] == "1",
                     device=options.get("device", "cpu"), limit=int(options.get("limit", 0)))
