"""Autosave: a moment after every edit the unsaved experiment goes to a recovery file, so a crash
loses nothing; the next start offers it back.

Where: `autosave_folder(settings)` — beside the settings file when the settings are an INI file of
their own (portable installs, and the tests, which point QSettings at a temporary folder), else the
platform's application-data folder (QStandardPaths.AppDataLocation).

Clean close or crash: a QLockFile is held while the window is open. A clean close deletes the
recovery file and releases the lock, so a recovery file found at start means the last session did
not end cleanly. A lock still held by a running process means another window of the app is open:
that one owns the recovery file, and this one neither autosaves nor offers to restore. The lock of
a crashed process is stale (Qt checks whether its process still runs) and is taken over.

The recovery file is written atomically (temporary file, then rename), like every save in the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from playground.core.experiment import Experiment, ExperimentError
from playground.files import atomic_write_text, os_reason
from playground.ui.i18n import message_text

AUTOSAVE_DELAY_MS = 1500  # after the last edit: typing a value is one save, not one per key
RECOVERY_FILE = "autosave.json"
LOCK_FILE = "session.lock"
RECOVERY_FORMAT = "nn-playground-autosave"
RECOVERY_VERSION = 1

# what to save: (the experiment, the file it belongs to) while it has unsaved changes, else None
Snapshot = Callable[[], "tuple[Experiment, str | None] | None"]


def autosave_folder(settings: QSettings) -> Path:
    """The folder for the recovery file, found through the app's settings object."""
    if settings.format() == QSettings.Format.IniFormat:
        return Path(settings.fileName()).parent
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


@dataclass
class Recovery:
    """Unsaved work a session left behind when it ended without closing."""

    experiment: Experiment
    document: str | None  # the file it was opened from or saved to, if any
    saved_at: dt.datetime


class Autosave(QObject):
    """The recovery file of one window: `schedule()` after each edit, `finish()` on a clean close."""

    saved = Signal(str)  # the recovery file's path, after each write
    failed = Signal(str)  # why a write failed (the folder cannot be written to, the disk is full)

    def __init__(self, folder: str | Path, snapshot: Snapshot, delay_ms: int = AUTOSAVE_DELAY_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.path = self.folder / RECOVERY_FILE
        self._snapshot = snapshot
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._lock: QLockFile | None = None
        self._recovery: Recovery | None = None
        self.active = self._acquire()
        if self.active:  # read before the first autosave of this session replaces it
            self._recovery = read_recovery(self.path)

    def _acquire(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        lock = QLockFile(str(self.folder / LOCK_FILE))
        lock.setStaleLockTime(0)  # held for the whole session: only a dead process makes it stale
        if not lock.tryLock(0):
            return False
        self._lock = lock
        return True

    # ------------------------------------------------------------------ start-up
    def take_recovery(self) -> Recovery | None:
        """What the previous session left unsaved, once; None when it closed cleanly."""
        recovery, self._recovery = self._recovery, None
        return recovery

    # ------------------------------------------------------------------ while editing
    def schedule(self, *_args) -> None:
        """An edit happened: save after a quiet moment (each call restarts the wait)."""
        if self.active:
            self._timer.start()

    def save_now(self) -> None:
        """Write the unsaved experiment now, or remove the recovery file when nothing is unsaved."""
        self._timer.stop()
        if not self.active:
            return
        snapshot = self._snapshot()
        if snapshot is None:
            self.discard()
            return
        experiment, document = snapshot
        payload = {"format": RECOVERY_FORMAT, "version": RECOVERY_VERSION,
                   "saved_at": dt.datetime.now().isoformat(timespec="seconds"), "document": document,
                   "experiment": experiment.to_dict()}
        try:
            atomic_write_text(self.path, json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
        except OSError as exc:
            self.failed.emit(QCoreApplication.translate("Autosave", "Autosave failed: {reason}").format(
                reason=message_text(os_reason(exc))))
            return
        self.saved.emit(str(self.path))

    def discard(self) -> None:
        """Forget the recovery file (nothing unsaved, or the person declined to restore it)."""
        if self.active:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    # ------------------------------------------------------------------ closing
    def finish(self) -> None:
        """A clean close: nothing to recover next time. Safe to call twice."""
        self._timer.stop()
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.active = False


def read_recovery(path: Path) -> Recovery | None:
    """The recovery file's content; None when there is none. A file that cannot be read is removed:
    it is the app's own scratch file, and offering it forever would help nobody."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
            raise ValueError("not a recovery file")
        if not isinstance(data.get("version"), int) or data["version"] > RECOVERY_VERSION:
            raise ValueError("written by a newer version")
        document = data.get("document")
        if document is not None and not isinstance(document, str):
            raise ValueError("bad document path")
        saved_at = dt.datetime.fromisoformat(str(data.get("saved_at")))
        experiment = Experiment.from_dict(data.get("experiment"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, RecursionError, ExperimentError):  # JSONDecodeError is a ValueError
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return Recovery(experiment, document, saved_at)


def ask_to_restore(parent: QWidget | None, recovery: Recovery) -> bool:
    """Offer the recovered experiment; True when the person wants it back."""
    # QCoreApplication.translate written out: pyside6-lupdate does not see through an alias
    name = Path(recovery.document).name if recovery.document else recovery.experiment.name
    text = QCoreApplication.translate(
        "Autosave", "NN Playground did not close properly last time. Your unsaved changes to “{name}” were "
        "saved automatically at {time}.\n\nRestore them?").format(
        name=name, time=recovery.saved_at.strftime("%H:%M, %d %b %Y"))
    answer = QMessageBox.question(parent, QCoreApplication.translate("Autosave", "Restore unsaved changes?"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes
