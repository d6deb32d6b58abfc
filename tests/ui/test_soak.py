"""Long sessions: 100 start/stop cycles in one window and 20 windows closed while training, offscreen.

After each soak: no training thread is left running, the process has no more threads than when it
began, nothing raised (in a slot, in a thread, anywhere Qt or Python would report it) and the memory
grew by a bounded amount. The figures are printed (run with -s to see them) and reported in the
issue's note. A tiny generated dataset keeps each cycle to about a tenth of a second, so both soaks
take some 20 s and run with the ordinary tests.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time

import pytest
import shiboken6
import torch
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread
from PySide6.QtWidgets import QApplication, QPushButton

from playground.app import create_window
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec

START_STOP_CYCLES = 100
CLOSE_CYCLES = 20
# generous: a leak of a model, a dataset or a window per cycle would pass these many times over
START_STOP_GROWTH_MB = 150
CLOSE_GROWTH_MB = 250


def endless_experiment() -> Experiment:
    """Circle points and a 2-8-2 MLP for 500 epochs: it trains until stopped."""
    return Experiment(name="soak", dataset=DatasetSpec("circle", batch_size=8, samples=120, val_split=0.25),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("sgd", lr=0.1), epochs=500, device="cpu")


def rss_mb() -> float:
    """Resident memory now (Linux /proc), or the peak where /proc is missing (an upper bound)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def os_threads() -> int:
    """Every thread of the process, QThreads included (they are not in threading.enumerate())."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def settle() -> None:
    """Let deleteLater() and queued signals run, then collect Python garbage."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QApplication.processEvents()
    gc.collect()


@pytest.fixture
def errors(monkeypatch):
    """Uncaught exceptions of Python threads. (An exception in a Qt slot or event handler, on any
    thread, already fails the test: pytest-qt installs its own sys.excepthook while a test runs.)"""
    caught: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: caught.append(f"{args.exc_type.__name__}: "
                                                                           f"{args.exc_value} (thread)"))
    return caught


def click(qtbot, window, name: str) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_100_start_stop_cycles_leave_no_thread_no_error_and_bounded_memory(qtbot, errors):
    torch.set_num_threads(1)
    window = create_window(endless_experiment())
    window.show()
    qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)

    def cycle() -> QThread:
        with qtbot.waitSignal(window.run.runFinished, timeout=30000) as finished:
            click(qtbot, window, "trainButton")
            session = window.run.session
            qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count > 0, timeout=30000)
            click(qtbot, window, "stopButton")
        assert finished.args[0].status == "stopped"
        return session.thread

    cycle()  # warm-up: first-use allocations (torch kernels, plot buffers) are not a leak
    settle()
    threads_before, rss_before, started = os_threads(), rss_mb(), time.perf_counter()
    threads = []
    for _ in range(START_STOP_CYCLES):
        threads.append(cycle())
    settle()
    seconds, growth = time.perf_counter() - started, rss_mb() - rss_before
    print(f"\nsoak: {START_STOP_CYCLES} start/stop cycles in {seconds:.1f} s, memory {rss_before:.0f} → "
          f"{rss_before + growth:.0f} MB ({growth:+.1f} MB), threads {threads_before} → {os_threads()}")
    assert window.run.session is None and window.run.state == "idle"
    assert all(not shiboken6.isValid(t) or t.isFinished() for t in threads)  # joined, or already deleted
    assert os_threads() <= threads_before
    assert growth < START_STOP_GROWTH_MB
    assert errors == []
    window.close()
    settle()


def test_20_windows_closed_while_training_leave_no_thread_no_error_and_bounded_memory(qtbot, errors):
    torch.set_num_threads(1)

    def cycle() -> float:
        window = create_window(endless_experiment())
        window.show()
        qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)
        click(qtbot, window, "trainButton")
        qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count > 0, timeout=30000)
        thread = window.run.session.thread
        assert thread.isRunning()
        started = time.perf_counter()
        window.close()  # unsaved? no: the experiment was never edited, so no prompt
        closing = time.perf_counter() - started
        assert not thread.isRunning() and window.run.session is None
        window.deleteLater()
        settle()
        return closing

    cycle()  # warm-up: the first window imports and caches what every later one reuses
    threads_before, rss_before, started = os_threads(), rss_mb(), time.perf_counter()
    closings = [cycle() for _ in range(CLOSE_CYCLES)]
    seconds, growth = time.perf_counter() - started, rss_mb() - rss_before
    print(f"\nsoak: {CLOSE_CYCLES} windows closed while training in {seconds:.1f} s (slowest close "
          f"{max(closings) * 1000:.0f} ms), memory {rss_before:.0f} → {rss_before + growth:.0f} MB "
          f"({growth:+.1f} MB, {growth / CLOSE_CYCLES:.1f} MB per window), threads {threads_before} → "
          f"{os_threads()}")
    assert max(closings) < 10
    assert os_threads() <= threads_before
    assert growth < CLOSE_GROWTH_MB
    assert errors == []
