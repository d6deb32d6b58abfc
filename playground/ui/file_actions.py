"""File menu for the experiment: New, Open, Open recent, Save, Save As, presets, recovery.

A saved file is the experiment, plus the session's training runs when there are any (a project
file, see `playground.core.project`). Every action asks before unsaved work would be replaced, and
every problem is told in a message box that names the file and the reason; status lines go out
through `statusMessage`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from playground.core.experiment import Experiment, ExperimentError
from playground.files import os_reason
from playground.ui.actions import make_action
from playground.ui.autosave import Autosave, ask_to_restore, autosave_folder
from playground.ui.document import ExperimentDocument
from playground.ui.i18n import data_text, message_text
from playground.ui.settings import APP_NAME, last_dir, settings

MAX_RECENT = 8
EXPERIMENT_FILTER = QT_TRANSLATE_NOOP("FileActions", "NN Playground experiments (*.json);;All files (*)")


class FileActions(QObject):
    statusMessage = Signal(str, int)  # text, milliseconds to show it (0: until replaced)

    def __init__(self, document: ExperimentDocument, window: QWidget):
        super().__init__(window)
        self.document = document
        self._parent_widget = window  # the parent of the dialogs
        self._runs_view = None
        key = QKeySequence.StandardKey
        self.new_action = make_action(self, self.tr("&New"), self.new_experiment, key.New, "newAction")
        self.open_action = make_action(self, self.tr("&Open…"), self.open_experiment_dialog, key.Open, "openAction")
        self.save_action = make_action(self, self.tr("&Save"), self.save_experiment, key.Save, "saveAction")
        self.save_as_action = make_action(self, self.tr("Save &As…"), self.save_experiment_as, key.SaveAs, "saveAsAction")
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self._rebuild_recent_menu()
        # the unsaved experiment goes to a recovery file after each edit; offered back after a crash
        self.autosave = Autosave(autosave_folder(settings()), document.autosave_snapshot, parent=self)
        self.autosave.failed.connect(lambda message: self.statusMessage.emit(message, 8000))
        document.experimentChanged.connect(self.autosave.schedule)
        document.cleanChanged.connect(self.autosave.schedule)

    def set_enabled(self, enabled: bool) -> None:
        """While training, nothing may replace the experiment being trained."""
        for item in (self.new_action, self.open_action, self.recent_menu):
            item.setEnabled(enabled)

    def attach_runs(self, runs_view) -> None:
        """The view holding the session's runs (`runs()`, `set_runs()`, signal `changed`): Save writes them into
        the project file, Open reads them back, and a new or changed run counts as unsaved work."""
        self._runs_view = runs_view
        runs_view.changed.connect(self.document.mark_runs_changed)

    # ------------------------------------------------------------------ asking
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the person cancelled."""
        document = self.document
        if not document.has_unsaved_changes():
            return True
        question = (self.tr("Save the changes to “{name}” and its training runs before continuing?")
                    if document.runs_dirty else self.tr("Save the changes to “{name}” before continuing?"))
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self._parent_widget, APP_NAME,
                                      question.format(name=document.display_name()),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save_experiment()
        return answer == buttons.Discard

    # ------------------------------------------------------------------ replacing the document
    def new_experiment(self) -> None:
        """An empty network with the current data and training settings."""
        if not self.maybe_save():
            return
        exp = self.document.experiment.copy()
        exp.name, exp.description, exp.layers = self.tr("Untitled"), "", []
        self.document.replace(exp)

    def load_preset(self, name: str) -> None:
        from playground.core.presets import PresetError, load_preset

        if not self.maybe_save():
            return
        try:
            self.document.replace(load_preset(name))
        except PresetError as exc:
            QMessageBox.warning(self._parent_widget, self.tr("Cannot load preset"),
                                message_text(exc.args[0] if exc.args else str(exc)))
            return
        self.statusMessage.emit(self.tr("Preset: {description}").format(
            description=data_text(self.document.experiment.description)), 8000)

    def open_experiment_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self._parent_widget, self.tr("Open experiment"), last_dir(),
                                              self.tr(EXPERIMENT_FILTER))
        if path:
            self.open_experiment(path, ask=False)

    def open_experiment(self, path: str, ask: bool = True) -> bool:
        """Open an experiment or project file; a project's runs replace the Runs tab's list."""
        from playground.core.project import load_project

        if ask and not self.maybe_save():
            return False
        try:
            exp, runs = load_project(path)
        except ExperimentError as exc:
            where = self.tr("Field: {field}").format(field=exc.field) + "\n" if exc.field else ""
            QMessageBox.warning(self._parent_widget, self.tr("Cannot open experiment"),
                                self.tr("{file} cannot be opened.").format(file=Path(path).name) + "\n\n" + where
                                + self.tr("Problem: {problem}").format(problem=message_text(exc.problem)))
            return False
        if self._runs_view is not None:
            self._runs_view.set_runs(runs)
        self.document.replace(exp, path)
        self._add_recent(path)
        opened = (self.tr("Opened {path}") if not runs else self.tr("Opened {path} with 1 run") if len(runs) == 1
                  else self.tr("Opened {path} with {count} runs"))
        self.statusMessage.emit(opened.format(path=path, count=len(runs)), 5000)
        return True

    def offer_recovery(self) -> bool:
        """After a session that did not close cleanly: offer its autosaved experiment; True when restored."""
        recovery = self.autosave.take_recovery()
        if recovery is None:
            return False
        if not ask_to_restore(self._parent_widget, recovery):
            self.autosave.discard()
            return False
        self.document.set_path(recovery.document)
        # an undoable edit, so the work is unsaved again and Save asks where
        self.document.apply_edit(self.tr("Restore autosaved changes"), recovery.experiment)
        self.statusMessage.emit(self.tr("Restored the changes autosaved at {time}").format(
            time=recovery.saved_at.strftime("%H:%M")), 8000)
        return True

    # ------------------------------------------------------------------ saving
    def save_experiment(self) -> bool:
        if not self.document.path:
            return self.save_experiment_as()
        return self.write(self.document.path)

    def save_experiment_as(self) -> bool:
        # the file's own folder and name when it has one, else the last folder and the experiment's name
        path = self.document.path
        suggested = (str(Path(path).with_suffix(".json")) if path
                     else str(Path(last_dir()) / f"{data_text(self.document.experiment.name) or 'experiment'}.json"))
        path, _ = QFileDialog.getSaveFileName(self._parent_widget, self.tr("Save experiment"), suggested,
                                              self.tr(EXPERIMENT_FILTER))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.write(path)

    def write(self, path: str) -> bool:
        """The experiment, plus the session's runs when there are any (a project file), atomically."""
        from playground.core.project import save_project

        runs = list(self._runs_view.runs()) if self._runs_view is not None else []
        experiment: Experiment = self.document.experiment
        try:
            if runs:
                save_project(path, experiment, runs)
            else:
                experiment.save(path)  # a plain experiment file, as `playground train` reads it
        except OSError as exc:
            QMessageBox.warning(self._parent_widget, APP_NAME, self.tr("Cannot save {path}: {reason}").format(
                path=path, reason=message_text(os_reason(exc))))
            return False
        self.document.mark_saved(path)
        self._add_recent(path)
        self.statusMessage.emit(self.tr("Saved {path}").format(path=path), 5000)
        return True

    # ------------------------------------------------------------------ recent files and the data folder
    def recent_files(self) -> list[str]:
        value = settings().value("recentFiles", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        store = settings()
        store.setValue("recentFiles", files[:MAX_RECENT])
        store.setValue("lastDir", str(Path(path).parent))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            item = self.recent_menu.addAction(Path(path).name)
            item.setToolTip(path)
            item.setStatusTip(path)
            item.triggered.connect(lambda _c=False, p=path: self.open_experiment(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
