"""Run tensor work for a view off the GUI thread, keeping only the newest request.

A view that must compute something from a model outside training (the activations of the
digit being drawn) hands a callable to its `BackgroundRunner`; the runner's thread calls it
and the result comes back as ``finished(tag, result)`` on the GUI thread. Requests that arrive
while one is running replace each other: a canvas stroke produces many, only the last matters.

The thread is stopped and joined by `close()` (owners call it from their `shutdown()`) and when
the application quits; a runner destroyed with its owner widget tells its thread to quit, and the
thread object is kept until it has finished (a QThread destroyed while running aborts the process).
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot


class _Mailbox:
    """The one pending request, shared by the GUI thread and the runner's thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending: tuple[Callable[..., Any], tuple, Any] | None = None
        self.closed = False

    def put(self, job) -> bool:
        with self.lock:
            if self.closed:
                return False
            self.pending = job
            return True

    def take(self):
        with self.lock:
            job, self.pending = self.pending, None
            return job

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.pending = None


class _Executor(QObject):
    """Lives in the runner's thread; drains the mailbox."""

    finished = Signal(object, object)  # tag, result
    failed = Signal(object, str)  # tag, message
    wake = Signal()

    def __init__(self, mailbox: _Mailbox):
        super().__init__()
        self._mailbox = mailbox
        self.wake.connect(self.drain)  # queued: emitted from the GUI thread, runs in this one

    @Slot()
    def drain(self) -> None:
        while (job := self._mailbox.take()) is not None:
            function, args, tag = job
            try:
                result = function(*args)
            except Exception as exc:  # a failing view computation is reported, never fatal
                self.failed.emit(tag, f"{type(exc).__name__}: {exc}")
            else:
                self.finished.emit(tag, result)


def _stop(thread: QThread, mailbox: _Mailbox, msecs: int) -> bool:
    mailbox.close()
    try:
        if thread.isRunning():
            thread.quit()
            return thread.wait(msecs)
    except RuntimeError:
        # at interpreter exit the QThread's C++ object can go before its owner's destroyed
        # signal arrives; a deleted thread has nothing left to stop
        pass
    return True


# Every runner's thread, until it has finished: a QThread destroyed while running aborts the process,
# so the Python reference that keeps it alive is dropped only once it is done (see `_purge`).
_THREADS: dict[QThread, tuple[_Executor, _Mailbox]] = {}


def _purge() -> None:
    for thread in [t for t in _THREADS if not shiboken6.isValid(t) or t.isFinished()]:
        del _THREADS[thread]


@atexit.register
def _stop_all() -> None:
    """At interpreter exit, before Python tears objects down: stop and join whatever still runs."""
    for thread, (_executor, mailbox) in list(_THREADS.items()):
        if shiboken6.isValid(thread):
            _stop(thread, mailbox, 5000)
    _THREADS.clear()


class BackgroundRunner(QObject):
    finished = Signal(object, object)  # tag, result — on the GUI thread
    failed = Signal(object, str)

    def __init__(self, name: str = "BackgroundRunner", parent: QObject | None = None):
        super().__init__(parent)
        _purge()
        mailbox, thread = _Mailbox(), QThread()
        self._mailbox, self._thread = mailbox, thread
        thread.setObjectName(name)
        self._executor = _Executor(mailbox)
        self._executor.moveToThread(thread)
        self._executor.finished.connect(self.finished)
        self._executor.failed.connect(self.failed)
        _THREADS[thread] = (self._executor, mailbox)
        thread.start()
        # When the owner widget is destroyed without close(), the thread is told to quit by a plain C++
        # connection: no Python runs inside Qt's destructor chain (Python code there can trigger a
        # garbage collection that deletes other Qt objects mid-destruction and deadlocks), and the
        # thread object stays referenced in _THREADS until it has finished.
        self.destroyed.connect(thread.quit)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _stop(thread, mailbox, 30000))

    def submit(self, function: Callable[..., Any], *args: Any, tag: Any = None) -> None:
        """Run ``function(*args)`` in the background; replaces a request not yet started."""
        if self._mailbox.put((function, args, tag)):
            self._executor.wake.emit()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def close(self, msecs: int = 30000) -> bool:
        """Drop what is pending, stop the thread and join it. Safe to call twice."""
        return _stop(self._thread, self._mailbox, msecs)
