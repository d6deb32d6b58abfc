"""Drawing a live view's newest state: only while it is on screen, and never more often than it can afford.

A view that receives payloads during a run (probe frames, evaluations, histograms) hands the newest
to `LiveDrawing.offer(payload)` (its drawing takes it back with `take()`), or keeps what it needs
itself and calls `request()`; the drawing itself (`draw`) runs

- at once when the view is on screen and its last drawing was long enough ago,
- later, from a timer, when it was not: payloads that arrive in between are never drawn, only the
  newest (a 2-D run sends frames every few milliseconds; drawing each would stall the window),
- when the view is next shown, when it is on a tab in the back: a hidden view does no drawing work.

The pace adapts like the training plots' (ui/plots.py): drawing may take `share` of the time, so
a cheap drawing comes up to every `fastest_ms` and a dear one less often, but at least once a second.

`on_screen` is a `threading.Event` the view's probe may read on the training thread to skip work
nobody would see (see `training.probes.Pace`). A view outside any shown window (a widget made on
its own, as in tests or for a screenshot with `grab()`) draws at once, every time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FASTEST_MS = 100  # at most ten drawings a second
SLOWEST_S = 1.0  # and at least one a second while new things arrive, however dear (a busy machine)
SHARE = 0.15  # drawing may take at most this share of the GUI thread's time


class LiveDrawing(QObject):
    """Paces `draw()` for `widget` (see the module's text). `redraws` counts the drawings made."""

    def __init__(self, widget: QWidget, draw: Callable[[], None], fastest_ms: int = FASTEST_MS,
                 share: float = SHARE):
        super().__init__(widget)
        self.widget = widget
        self._draw = draw
        self.fastest = fastest_ms / 1000
        self.share = share
        self.redraws = 0
        self.pending = False
        self._payload = None  # what `offer` left for the next drawing
        self.on_screen = threading.Event()
        self._next = 0.0  # perf_counter time before which no drawing starts
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._due)
        widget.installEventFilter(self)

    def request(self) -> None:
        """There is something new to draw."""
        self.pending = True
        if not self.widget.window().isVisible():
            self.draw_now()  # not in a shown window: nothing to pace against
        elif self.widget.isVisible():
            self._schedule()

    def offer(self, payload) -> None:
        """The newest thing to draw; one offered before it was drawn is dropped."""
        self._payload = payload
        self.request()

    def take(self):
        """What `offer` left (None when nothing or when it was taken or cancelled already)."""
        payload, self._payload = self._payload, None
        return payload

    def cancel(self) -> None:
        """Forget what was waiting (the view was cleared)."""
        self.pending = False
        self._payload = None
        self._timer.stop()

    def draw_now(self) -> None:
        if not self.pending:
            return
        self.pending = False
        self._timer.stop()
        started = time.perf_counter()
        self._draw()
        self.redraws += 1
        now = time.perf_counter()
        self._next = now + min(max(self.fastest, (now - started) / self.share), max(self.fastest, SLOWEST_S))

    def _schedule(self) -> None:
        if self._timer.isActive():
            return
        wait = self._next - time.perf_counter()
        if wait <= 0:
            self.draw_now()
        else:
            self._timer.start(max(1, round(wait * 1000)))

    def _due(self) -> None:
        if self.widget.isVisible() or not self.widget.window().isVisible():
            self.draw_now()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget:
            if event.type() == QEvent.Type.Show:
                self.on_screen.set()
                self.draw_now()  # before its first paint, so the tab never shows a stale picture
            elif event.type() == QEvent.Type.Hide:
                self.on_screen.clear()
                self._timer.stop()
        return False
