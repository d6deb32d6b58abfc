"""Autosave: debounced atomic writes of the unsaved experiment, a recovery offered only after a session
that did not end cleanly, nothing left after a clean close, and never the user's real folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from playground.core.experiment import Experiment
from playground.core.presets import load_preset
from playground.ui.autosave import (
    LOCK_FILE,
    RECOVERY_FILE,
    Autosave,
    Recovery,
    ask_to_restore,
    autosave_folder,
    read_recovery,
)

DELAY = 50  # ms: the tests wait for real timers


class Document:
    """What a window tells its autosave: the experiment and its file while there are unsaved changes."""

    def __init__(self, experiment: Experiment | None = None, path: str | None = None):
        self.experiment, self.path, self.unsaved = experiment or load_preset("spiral"), path, True

    def __call__(self):
        return (self.experiment, self.path) if self.unsaved else None


@pytest.fixture
def folder(qapp, tmp_path) -> Path:
    return tmp_path / "autosave"


def files(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir()) if path.exists() else []


def test_the_folder_follows_the_settings_and_never_the_real_one(qapp, isolated_settings):
    settings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "NN Playground", "NN Playground")
    folder = autosave_folder(settings)
    assert folder.is_relative_to(isolated_settings)  # the tests' temporary settings folder
    native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "NN Playground", "NN Playground")
    if native.format() == QSettings.Format.NativeFormat and sys.platform.startswith("linux"):
        # the installed app: the platform's data folder, not beside ~/.config/…/NN Playground.conf
        assert autosave_folder(native) != Path(native.fileName()).parent


def test_edits_are_saved_once_after_a_quiet_moment(qtbot, folder):
    document = Document()
    autosave = Autosave(folder, document, delay_ms=DELAY)
    writes = []
    autosave.saved.connect(writes.append)
    with qtbot.waitSignal(autosave.saved, timeout=5000):
        for units in (4, 8, 16):  # three quick edits
            document.experiment.layers[0].params["units"] = units
            autosave.schedule()
    qtbot.wait(3 * DELAY)
    assert writes == [str(folder / RECOVERY_FILE)]
    data = json.loads((folder / RECOVERY_FILE).read_text(encoding="utf-8"))
    assert data["format"] == "nn-playground-autosave" and data["document"] is None
    assert Experiment.from_dict(data["experiment"]).layers[0].params["units"] == 16
    assert files(folder) == [RECOVERY_FILE, LOCK_FILE]
    autosave.finish()


def test_nothing_unsaved_means_no_recovery_file(qtbot, folder):
    document = Document()
    autosave = Autosave(folder, document, delay_ms=DELAY)
    autosave.save_now()
    assert (folder / RECOVERY_FILE).exists()
    document.unsaved = False  # saved to its file: nothing to lose any more
    autosave.save_now()
    assert not (folder / RECOVERY_FILE).exists()
    autosave.finish()


def test_a_clean_close_leaves_nothing_to_recover(qtbot, folder):
    autosave = Autosave(folder, Document(), delay_ms=DELAY)
    autosave.save_now()
    autosave.finish()
    autosave.finish()  # twice is fine (closeEvent may run again after a cancelled close)
    assert files(folder) == []
    again = Autosave(folder, Document(), delay_ms=DELAY)
    assert again.active and again.take_recovery() is None
    again.finish()


CRASHING_SESSION = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QCoreApplication
    from playground.core.presets import load_preset
    from playground.ui.autosave import Autosave

    app = QCoreApplication([])
    experiment = load_preset("seed-mlp")
    experiment.layers[1].params["units"] = 77
    autosave = Autosave(sys.argv[1], lambda: (experiment, sys.argv[2]))
    autosave.save_now()
    os._exit(3)  # a crash: no clean close, the lock file stays with a process that is gone
""")


def crash_a_session(folder: Path, document: str) -> None:
    result = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(folder), document], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr
    assert files(folder) == [RECOVERY_FILE, LOCK_FILE]


def test_after_a_crash_the_next_start_gets_the_unsaved_experiment(qtbot, folder, tmp_path):
    crash_a_session(folder, str(tmp_path / "mine.json"))
    autosave = Autosave(folder, Document(), delay_ms=DELAY)
    assert autosave.active  # the crashed process's lock is stale
    recovery = autosave.take_recovery()
    assert recovery.experiment.layers[1].params["units"] == 77
    assert recovery.document == str(tmp_path / "mine.json")
    assert dt.datetime.now() - recovery.saved_at < dt.timedelta(minutes=5)
    assert autosave.take_recovery() is None  # offered once
    autosave.save_now()  # this session's own autosave replaces it
    assert read_recovery(folder / RECOVERY_FILE).experiment.name == "Spiral"
    autosave.finish()
    assert files(folder) == []


def test_a_second_window_leaves_the_first_ones_recovery_alone(qtbot, folder):
    first = Autosave(folder, Document(load_preset("seed-mlp")), delay_ms=DELAY)
    first.save_now()
    second = Autosave(folder, Document(), delay_ms=DELAY)
    assert first.active and not second.active
    assert second.take_recovery() is None  # the first window is alive: nothing crashed
    second.schedule()
    second.save_now()
    second.finish()
    assert read_recovery(folder / RECOVERY_FILE).experiment.name == "Seed MLP"
    first.finish()


@pytest.mark.parametrize("content", ["{half a file", "[]", '{"format": "something else"}',
                                     '{"format": "nn-playground-autosave", "version": 99}',
                                     '{"format": "nn-playground-autosave", "version": 1, "saved_at": "2024-01-01",'
                                     ' "experiment": {"dataset": "mnist", "layers": [{"type": "Nope"}]}}'])
def test_a_recovery_file_that_cannot_be_read_is_dropped_quietly(qtbot, folder, content):
    folder.mkdir()
    (folder / RECOVERY_FILE).write_text(content, encoding="utf-8")
    autosave = Autosave(folder, Document(), delay_ms=DELAY)
    assert autosave.take_recovery() is None
    assert not (folder / RECOVERY_FILE).exists()
    autosave.finish()


def test_every_autosave_is_atomic(qtbot, folder, monkeypatch):
    document = Document()
    autosave = Autosave(folder, document, delay_ms=DELAY)
    autosave.save_now()
    before = (folder / RECOVERY_FILE).read_bytes()
    document.experiment.layers[0].params["units"] = 99

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)  # the last step of an atomic write
    problems = []
    autosave.failed.connect(problems.append)
    autosave.save_now()
    assert problems == ["Autosave failed: No space left on device"]
    assert (folder / RECOVERY_FILE).read_bytes() == before  # the previous autosave is intact ...
    assert files(folder) == [RECOVERY_FILE, LOCK_FILE]  # ... and no temporary file is left
    monkeypatch.undo()
    autosave.finish()


def test_a_folder_that_cannot_be_written_to_turns_autosave_off_quietly(qtbot, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    autosave = Autosave(blocker / "autosave", Document(), delay_ms=DELAY)
    assert not autosave.active
    autosave.schedule()
    autosave.save_now()
    assert autosave.take_recovery() is None
    autosave.finish()


def test_the_offer_names_the_experiment_and_time(qtbot, monkeypatch):
    asked = []

    def answer(_parent, title, text, *_args):
        asked.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    recovery = Recovery(load_preset("spiral"), "/home/me/spiral.json", dt.datetime(2024, 5, 6, 14, 32))
    assert ask_to_restore(None, recovery)
    title, text = asked[0]
    assert title == "Restore unsaved changes?"
    assert "“spiral.json”" in text and "14:32" in text
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    assert not ask_to_restore(None, recovery)


# --------------------------------------------------------------------------- in the window


@pytest.fixture
def new_window(qtbot):
    from playground.app import create_window

    windows = []

    def make():
        window = create_window(load_preset("spiral"))
        window.show()
        qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_the_window_keeps_its_settings_and_autosave_in_the_tests_folder(new_window, isolated_settings):
    from playground.ui.main_window import settings

    window = new_window()
    assert Path(settings().fileName()).is_relative_to(isolated_settings)  # was ~/.config/NN Playground/…
    assert window.files.autosave.active and window.files.autosave.folder.is_relative_to(isolated_settings)


def test_the_window_autosaves_edits_and_a_clean_close_leaves_nothing(qtbot, new_window, message_boxes):
    window = new_window()
    with qtbot.waitSignal(window.files.autosave.saved, timeout=10000):
        window.add_layer("ReLU")
    recovery = read_recovery(window.files.autosave.path)
    assert recovery.experiment == window.document.experiment and recovery.document is None
    folder = window.files.autosave.folder
    window.close()  # asks to save: the recorded answer is Discard
    assert [kind for kind, *_ in message_boxes] == ["question"]
    assert files(folder) == [p.name for p in folder.iterdir() if p.suffix == ".ini"]  # the settings file only


CRASHING_WINDOW = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    from playground.app import create_window
    from playground.core.presets import load_preset

    window = create_window(load_preset("spiral"))
    window.add_layer("Dropout")
    window.files.autosave.save_now()
    os._exit(3)  # the app dies with unsaved work
""")


def test_after_a_crash_the_window_offers_the_unsaved_experiment_back(qtbot, new_window, isolated_settings,
                                                                    monkeypatch):
    result = subprocess.run([sys.executable, "-c", CRASHING_WINDOW, str(isolated_settings)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, *_a: asked.append(title) or QMessageBox.StandardButton.Yes)
    window = new_window()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert asked == ["Restore unsaved changes?"]
    assert window.document.experiment.layers[-1].type == "Dropout"
    assert window.isWindowModified() and window.document.undo_stack.canUndo()  # unsaved again; undo goes back
    assert "Restored the changes autosaved at" in window.statusBar().currentMessage()


def test_a_declined_recovery_is_not_offered_again(qtbot, new_window, isolated_settings, monkeypatch):
    result = subprocess.run([sys.executable, "-c", CRASHING_WINDOW, str(isolated_settings)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: asked.append(1) or QMessageBox.StandardButton.No)
    window = new_window()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert [layer.type for layer in window.document.experiment.layers] == [layer.type for layer in
                                                                   load_preset("spiral").layers]
    assert not window.files.autosave.path.exists()
    window.close()
    again = new_window()
    qtbot.wait(200)
    assert len(asked) == 1 and not again.isWindowModified()
