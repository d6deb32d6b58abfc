"""The main window: palette, network, layer editor, training panel and the view tabs, wired together.

The experiment is the single source of truth. Every edit, from any panel, goes through
`apply_edit`, which pushes a snapshot command on `undo_stack`; applying a snapshot re-runs shape
inference and redraws every panel. Train hands a copy of the experiment to a `TrainingSession`
(the worker thread); its signals only append to the plots and move the progress bar.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core.experiment import Experiment, ExperimentError, LayerSpec
from playground.core.shapes import ShapeReport, infer_shapes, layer_label
from playground.data import registry
from playground.ui.commands import ExperimentEdit
from playground.ui.engine_loader import EngineLoader, engine_loaded
from playground.ui.layer_editor import LayerEditor
from playground.ui.network_view import NetworkView
from playground.ui.palette import LayerPalette
from playground.ui.plots import TrainingPlots
from playground.ui.training_panel import TrainingPanel

APP_NAME = "NN Playground"
ORGANIZATION = "NN Playground"
MAX_RECENT = 8
EXPERIMENT_FILTER = "NN Playground experiments (*.json);;All files (*)"
MODEL_FILTER = "PyTorch checkpoints (*.pt);;All files (*)"
ENGINE_DELAY_MS = 150  # after the first paint
CLOSE_JOIN_MS = 120_000  # data loading cannot be interrupted; stopping waits for it at worst


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APP_NAME)


def default_experiment() -> Experiment:
    from playground.core.presets import load_preset

    return load_preset("seed-mlp")


class MainWindow(QMainWindow):
    experimentChanged = Signal(object)  # Experiment
    trainedModelChanged = Signal(object)  # LoadedModel
    runStarted = Signal()
    runFinished = Signal(object)  # EndEvent
    engineReady = Signal(list)  # PyTorch imported; the devices it can train on
    modelExported = Signal(str, str)  # path, error ('' when it worked)

    def __init__(self, experiment: Experiment | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._experiment = (experiment or default_experiment()).copy()
        self._path: str | None = None
        self._report: ShapeReport | None = None
        self._probes: dict[str, tuple[Callable[[Experiment], Any], Callable[[Any], None]]] = {}
        self._trained_model = None
        self._runs_view = None  # the Runs tab: its runs are saved with the project
        self._runs_dirty = False
        self._code_dialog = None
        self._exporter = None  # BackgroundRunner for TorchScript/ONNX export, made when first needed
        self.session = None
        self.run_state = "idle"  # idle | running | paused
        self._run_total = 0
        self._run_started_at = 0.0
        self._samples_seen = 0
        self._last_batch = None
        self._pending_step_start = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._undo_stack_changed)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self.resize(1280, 800)
        self._restore_settings()

        self._engine_starting = False
        self.engine = EngineLoader(self)
        self.engine.ready.connect(self._engine_ready)
        self._refresh(select=None)
        self.training_panel.set_experiment(self._experiment)
        if engine_loaded():
            from playground.core.build import available_devices

            self._engine_ready(available_devices())
        # else: PyTorch takes seconds to import, and importing it in a thread still slows this one
        # down; so the window is painted first and the import starts just after (see showEvent)
        self._update_title()
        self._update_run_controls()

    # ================================================================== public API (TEAM_NOTES)
    @property
    def experiment(self) -> Experiment:
        return self._experiment

    @property
    def trained_model(self):
        return self._trained_model

    def engine_ready(self) -> bool:
        return self._report is not None or self.engine.devices is not None or engine_loaded()

    @property
    def report(self) -> ShapeReport | None:
        """The shape report of the current experiment (None while PyTorch is still loading)."""
        return self._report

    def apply_edit(self, text: str, new_experiment: Experiment, merge_key: str | None = None,
                   select: int | None = None) -> None:
        """Push an undoable edit that replaces the whole experiment with `new_experiment`."""
        if new_experiment == self._experiment:
            return
        command = ExperimentEdit(text, self._experiment, new_experiment, self._set_experiment, merge_key,
                                 select_before=self.network_view.selected_row(), select_after=select)
        self.undo_stack.push(command)

    def add_view(self, widget: QWidget, title: str) -> int:
        index = self.view_tabs.addTab(widget, title)
        action = QAction(title, self)
        action.triggered.connect(lambda: self.view_tabs.setCurrentWidget(widget))
        self.view_menu_tabs.addAction(action)
        return index

    def register_probe(self, name: str, factory: Callable[[Experiment], Any], handler: Callable[[Any], None]) -> None:
        self._probes[name] = (factory, handler)

    def set_trained_model(self, loaded) -> None:
        self._trained_model = loaded
        for action in (self.save_model_action, self.export_torchscript_action, self.export_onnx_action):
            action.setEnabled(loaded is not None)
        self.trainedModelChanged.emit(loaded)

    def attach_runs(self, runs_view) -> None:
        """The view holding the session's runs (`runs()`, `set_runs()`, signal `changed`): Save writes them
        into the project file, Open reads them back, and a new or changed run counts as unsaved work."""
        self._runs_view = runs_view
        runs_view.changed.connect(self._runs_changed)

    def _runs_changed(self) -> None:
        self._runs_dirty = True
        self._update_title()

    def _session_runs(self) -> list:
        return list(self._runs_view.runs()) if self._runs_view is not None else []

    # ================================================================== building
    def _build_widgets(self) -> None:
        self.palette = LayerPalette()
        self.network_view = NetworkView()
        self.layer_editor = LayerEditor()
        self.training_panel = TrainingPanel()
        self.plots = TrainingPlots()
        self.loss_plot_panel = self.plots.loss
        self.metrics_plot_panel = self.plots.metrics

        self.view_tabs = QTabWidget()
        self.view_tabs.setObjectName("viewTabs")
        self.view_tabs.setDocumentMode(True)
        self.view_tabs.addTab(self.plots, "Training")
        self.setCentralWidget(self.view_tabs)

        self.network_splitter = QSplitter(Qt.Orientation.Vertical)
        self.network_splitter.setObjectName("networkSplitter")
        self.network_splitter.addWidget(self.network_view)
        self.network_splitter.addWidget(self.layer_editor)
        self.network_splitter.setStretchFactor(0, 3)
        self.network_splitter.setStretchFactor(1, 1)
        self.network_splitter.setChildrenCollapsible(False)
        self.network_splitter.setSizes([420, 260])

        self.palette_dock = self._dock("paletteDock", "Layers", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.network_dock = self._dock("networkDock", "Network", self.network_splitter,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.palette_dock, self.network_dock, Qt.Orientation.Horizontal)
        self.training_dock = self._dock("trainingDock", "Training", self.training_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.palette_dock, self.network_dock, self.training_dock], [200, 340, 300],
                         Qt.Orientation.Horizontal)

        self.status_eta = QLabel()
        self.status_eta.setObjectName("etaLabel")
        self.status_speed = QLabel()
        self.status_speed.setObjectName("throughputLabel")
        self.statusBar().addPermanentWidget(self.status_speed)
        self.statusBar().addPermanentWidget(self.status_eta)

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, name: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_experiment, key.New, "newAction")
        self.open_action = self._action("&Open…", self.open_experiment_dialog, key.Open, "openAction")
        self.save_action = self._action("&Save", self.save_experiment, key.Save, "saveAction")
        self.save_as_action = self._action("Save &As…", self.save_experiment_as, key.SaveAs, "saveAsAction")
        self.save_model_action = self._action("Save &trained model…", self.save_trained_model_dialog, None,
                                              "saveModelAction", "Write the trained weights to a .pt checkpoint")
        self.save_model_action.setEnabled(False)
        self.load_model_action = self._action("&Load model…", self.load_model_dialog, None, "loadModelAction",
                                              "Open a checkpoint saved by NN Playground")
        self.show_code_action = self._action("Show PyTorch &code…", self.show_code, "Ctrl+Shift+C", "showCodeAction",
                                             "The current experiment as a standalone PyTorch script")
        self.export_torchscript_action = self._action(
            "Export trained model as &TorchScript…", lambda: self.export_trained_model("torchscript"), None,
            "exportTorchScriptAction", "A .pt file that torch.jit.load runs without NN Playground")
        self.export_onnx_action = self._action(
            "Export trained model as &ONNX…", lambda: self.export_trained_model("onnx"), None,
            "exportOnnxAction", "An .onnx file for other runtimes (needs the onnx package)")
        for action in (self.export_torchscript_action, self.export_onnx_action):
            action.setEnabled(False)
        self.data_dir_action = self._action("Data &folder…", self.choose_data_dir, None, "dataDirAction",
                                            "Where MNIST and Fashion-MNIST are read from (and downloaded to)")
        self.quit_action = self._action("&Quit", self.close, key.Quit, "quitAction")
        self.undo_action = self._action("&Undo", self.undo_stack.undo, key.Undo, "undoAction")
        self.redo_action = self._action("&Redo", self.undo_stack.redo, key.Redo, "redoAction")
        # Ctrl+Shift+Z everywhere, besides the platform's own (Ctrl+Y on Windows)
        redo_keys = QKeySequence.keyBindings(key.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.delete_action = self._action("&Delete layer", self.delete_selected, key.Delete, "deleteAction",
                                          "Remove the selected layer (Del)")
        self.duplicate_action = self._action("D&uplicate layer", self.duplicate_selected, "Ctrl+D",
                                             "duplicateAction", "Insert a copy of the selected layer below it (Ctrl+D)")
        self.move_up_action = self._action("Move &up", lambda: self.move_selected(-1), "Ctrl+Up", "moveUpAction",
                                           "Move the selected layer up (Ctrl+Up)")
        self.move_down_action = self._action("Move do&wn", lambda: self.move_selected(1), "Ctrl+Down",
                                             "moveDownAction", "Move the selected layer down (Ctrl+Down)")
        self.about_action = self._action("&About NN Playground", self.show_about, None, "aboutAction")
        self.reference_action = self._action("&Layer reference", self.show_layer_reference, key.HelpContents,
                                             "referenceAction")
        for action, short in ((self.move_up_action, "▲ Up"), (self.move_down_action, "▼ Down"),
                              (self.duplicate_action, "Duplicate"), (self.delete_action, "Delete")):
            action.setIconText(short)  # what the buttons under the network show
        self.network_view.set_actions([self.move_up_action, self.move_down_action, self.duplicate_action,
                                       self.delete_action])
        for action in (self.move_up_action, self.move_down_action, self.duplicate_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.save_model_action, self.load_model_action])
        export_menu = file_menu.addMenu("E&xport")
        export_menu.setObjectName("exportMenu")
        export_menu.addActions([self.show_code_action, self.export_torchscript_action, self.export_onnx_action])
        file_menu.addAction(self.data_dir_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.duplicate_action, self.move_up_action, self.move_down_action])

        self.presets_menu = bar.addMenu("&Presets")
        self.presets_menu.setToolTipsVisible(True)
        from playground.core.presets import load_preset, preset_names

        for name in preset_names():
            preset = load_preset(name)
            action = QAction(preset.name, self)
            action.setObjectName(f"preset_{name}")
            action.setToolTip(preset.description)
            action.setStatusTip(preset.description)
            action.triggered.connect(lambda _c=False, n=name: self.load_preset(n))
            self.presets_menu.addAction(action)

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.show_code_action)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.network_dock, self.training_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.view_menu_tabs = view_menu.addMenu("Show &tab")
        show_plots = QAction("Training", self)
        show_plots.triggered.connect(lambda: self.view_tabs.setCurrentWidget(self.plots))
        self.view_menu_tabs.addAction(show_plots)

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.reference_action, self.about_action])
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        self.palette.layerRequested.connect(lambda name: self.add_layer(name))
        self.network_view.insertRequested.connect(lambda name, row: self.add_layer(name, row))
        self.network_view.moveRequested.connect(self.move_layer)
        self.network_view.selectionChanged.connect(self._selection_changed)
        self.layer_editor.paramChanged.connect(self.set_layer_param)
        self.training_panel.edited.connect(lambda text, exp, key: self.apply_edit(text, exp, key))
        panel = self.training_panel
        panel.train_button.clicked.connect(lambda: self.start_training())
        panel.pause_button.clicked.connect(self.toggle_pause)
        panel.step_button.clicked.connect(self.step_training)
        panel.stop_button.clicked.connect(self.stop_training)
        self.plots.timer.timeout.connect(self._update_progress)
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged,
                       self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged):
            signal.connect(self._undo_stack_changed)

    # ================================================================== experiment → views
    def _set_experiment(self, experiment: Experiment, select: int | None = None) -> None:
        """Called by undo commands (and loading): the one place the experiment is replaced."""
        self._experiment = experiment
        self._refresh(select)
        self.training_panel.set_experiment(experiment)
        self.experimentChanged.emit(experiment)
        self._update_title()

    def _refresh(self, select: int | None) -> None:
        exp = self._experiment
        self._report = infer_shapes(exp) if engine_loaded() else None
        label = registry.DATASET_LABELS.get(exp.dataset.name, exp.dataset.name)
        self.network_view.display(exp, self._report, label)
        if select is not None:
            self.network_view.select_row(select)
        self._selection_changed(self.network_view.selected_row())
        self._update_run_controls()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._report is None and self.engine.devices is None and not self._engine_starting:
            self._engine_starting = True
            QTimer.singleShot(ENGINE_DELAY_MS, self.engine.start)

    def _engine_ready(self, devices: list[str]) -> None:
        self.training_panel.set_devices(devices)
        self._refresh(select=None)
        self.engineReady.emit(devices)

    def _selection_changed(self, row: int) -> None:
        layers = self._experiment.layers
        self.layer_editor.set_layer(row, layers[row] if 0 <= row < len(layers) else None)
        self._update_edit_actions()

    def train_blocker(self) -> str:
        """Why Train is disabled ('' when it is not)."""
        if self._report is None:
            return "PyTorch is still loading…"
        if self._report.error is not None:
            return self._report.error.message  # the engine's message already names the layer
        return ""

    def _update_run_controls(self) -> None:
        blocker = self.train_blocker()
        self.training_panel.set_run_state(self.run_state, not blocker, blocker)
        self._update_edit_actions()

    def _undo_stack_changed(self, *_args) -> None:
        # the stack also signals while the window is being destroyed: nothing to update then
        if shiboken6.isValid(self) and shiboken6.isValid(self.undo_stack):
            self._update_edit_actions()
            self._update_title()

    def _update_edit_actions(self) -> None:
        idle = self.run_state == "idle"
        row = self.network_view.selected_row()
        count = len(self._experiment.layers)
        self.undo_action.setEnabled(idle and self.undo_stack.canUndo())
        self.redo_action.setEnabled(idle and self.undo_stack.canRedo())
        self.undo_action.setText(f"&Undo {self.undo_stack.undoText()}".rstrip())
        self.redo_action.setText(f"&Redo {self.undo_stack.redoText()}".rstrip())
        self.delete_action.setEnabled(idle and row >= 0)
        self.duplicate_action.setEnabled(idle and row >= 0)
        self.move_up_action.setEnabled(idle and row > 0)
        self.move_down_action.setEnabled(idle and 0 <= row < count - 1)
        for action in (self.new_action, self.open_action, self.load_model_action, self.data_dir_action):
            action.setEnabled(idle)
        self.presets_menu.setEnabled(idle)
        self.recent_menu.setEnabled(idle)

    def _update_title(self) -> None:
        name = Path(self._path).name if self._path else self._experiment.name
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.has_unsaved_changes())

    def has_unsaved_changes(self) -> bool:
        return not self.undo_stack.isClean() or self._runs_dirty

    # ================================================================== network edits
    def add_layer(self, type_name: str, row: int | None = None) -> None:
        layer_type = catalog.LAYERS[type_name]
        exp = self._experiment.copy()
        row = len(exp.layers) if row is None else max(0, min(row, len(exp.layers)))
        exp.layers.insert(row, LayerSpec(layer_type.name, layer_type.defaults()))
        self.apply_edit(f"Add {type_name}", exp, select=row)

    def delete_selected(self) -> None:
        row = self.network_view.selected_row()
        if row < 0:
            return
        exp = self._experiment.copy()
        removed = exp.layers.pop(row)
        self.apply_edit(f"Delete {layer_label(row, removed.type)}", exp, select=min(row, len(exp.layers) - 1))

    def duplicate_selected(self) -> None:
        row = self.network_view.selected_row()
        if row < 0:
            return
        exp = self._experiment.copy()
        exp.layers.insert(row + 1, exp.layers[row].__class__(exp.layers[row].type, dict(exp.layers[row].params)))
        self.apply_edit(f"Duplicate {layer_label(row, exp.layers[row].type)}", exp, select=row + 1)

    def move_selected(self, delta: int) -> None:
        row = self.network_view.selected_row()
        if row >= 0:
            self.move_layer(row, row + delta)

    def move_layer(self, source: int, target: int) -> None:
        exp = self._experiment.copy()
        if not (0 <= source < len(exp.layers) and 0 <= target < len(exp.layers)) or source == target:
            return
        layer = exp.layers.pop(source)
        exp.layers.insert(target, layer)
        self.apply_edit(f"Move {layer.type} {'up' if target < source else 'down'}", exp, select=target)

    def set_layer_param(self, row: int, name: str, value: Any) -> None:
        if not 0 <= row < len(self._experiment.layers):
            return
        exp = self._experiment.copy()
        layer = exp.layers[row]
        layer.params[name] = value
        spec = next(p for p in catalog.LAYERS[layer.type].params if p.name == name)
        self.apply_edit(f"Set {layer_label(row, layer.type)} {spec.label or name}", exp,
                        merge_key=f"param:{row}:{name}", select=row)

    # ================================================================== files
    def replace_experiment(self, experiment: Experiment, path: str | None = None) -> None:
        """A new document (New, Open, preset): the history starts afresh."""
        self.undo_stack.clear()
        self._path = path
        self._set_experiment(experiment.copy(), select=None)
        self.undo_stack.setClean()
        self._update_title()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the person cancelled."""
        if not self.has_unsaved_changes():
            return True
        runs = " and its training runs" if self._runs_dirty else ""
        answer = QMessageBox.question(
            self, APP_NAME, f"Save the changes to “{self._experiment.name}”{runs} before continuing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_experiment()
        return answer == QMessageBox.StandardButton.Discard

    def new_experiment(self) -> None:
        if not self.maybe_save():
            return
        exp = self._experiment.copy()
        exp.name, exp.description, exp.layers = "Untitled", "", []
        self.replace_experiment(exp)

    def load_preset(self, name: str) -> None:
        from playground.core.presets import PresetError, load_preset

        if not self.maybe_save():
            return
        try:
            self.replace_experiment(load_preset(name))
        except PresetError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.statusBar().showMessage(f"Preset: {self._experiment.description}", 8000)

    def open_experiment_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open experiment", self._last_dir(), EXPERIMENT_FILTER)
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
            where = f"Field: {exc.field}\n" if exc.field else ""
            QMessageBox.warning(self, "Cannot open experiment",
                                f"{Path(path).name} cannot be opened.\n\n{where}Problem: {exc.problem}")
            return False
        if self._runs_view is not None:
            self._runs_view.set_runs(runs)
        self._runs_dirty = False
        self.replace_experiment(exp, path)
        self._add_recent(path)
        with_runs = f" with {len(runs)} run{'s' if len(runs) != 1 else ''}" if runs else ""
        self.statusBar().showMessage(f"Opened {path}{with_runs}", 5000)
        return True

    def save_experiment(self) -> bool:
        if not self._path:
            return self.save_experiment_as()
        return self._write(self._path)

    def save_experiment_as(self) -> bool:
        suggested = str(Path(self._last_dir()) / f"{self._experiment.name or 'experiment'}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save experiment", suggested, EXPERIMENT_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self._write(path)

    def _write(self, path: str) -> bool:
        """The experiment, plus the session's runs when there are any (a project file), atomically."""
        from playground.core.project import save_project

        runs = self._session_runs()
        try:
            if runs:
                save_project(path, self._experiment, runs)
            else:
                self._experiment.save(path)  # a plain experiment file, as `playground train` reads it
        except OSError as exc:
            QMessageBox.warning(self, APP_NAME, f"Cannot save {path}: {exc.strerror or exc}")
            return False
        self._path = path
        self._runs_dirty = False
        self.undo_stack.setClean()
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _last_dir(self) -> str:
        return str(settings().value("lastDir", str(Path.home())))

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
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_experiment(p))
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    # ================================================================== models
    def save_trained_model_dialog(self) -> None:
        if self._trained_model is None:
            return
        suggested = str(Path(self._last_dir()) / f"{self._trained_model.experiment.name or 'model'}.pt")
        path, _ = QFileDialog.getSaveFileName(self, "Save trained model", suggested, MODEL_FILTER)
        if path:
            self.save_trained_model(path if path.lower().endswith(".pt") else path + ".pt")

    def save_trained_model(self, path: str) -> bool:
        from playground.core.checkpoint import save_checkpoint

        loaded = self._trained_model
        try:
            save_checkpoint(path, loaded.model, loaded.experiment, input_shape=loaded.input_shape,
                            class_names=loaded.class_names, normalization=loaded.normalization,
                            metrics=loaded.metrics)
        except OSError as exc:
            QMessageBox.warning(self, APP_NAME, f"Cannot save the model to {path}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(f"Saved the trained model to {path}", 5000)
        return True

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load model", self._last_dir(), MODEL_FILTER)
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> bool:
        from playground.core.checkpoint import CheckpointError, load_checkpoint

        try:
            loaded = load_checkpoint(path)
        except CheckpointError as exc:
            QMessageBox.warning(self, "Cannot load model", str(exc))
            return False
        self.set_trained_model(loaded)
        accuracy = loaded.metrics.get("val_accuracy")
        extra = f" (validation accuracy {accuracy:.1%})" if isinstance(accuracy, float) else ""
        self.statusBar().showMessage(f"Loaded {Path(path).name}: {loaded.experiment.name}{extra}", 8000)
        return True

    def export_trained_model(self, kind: str) -> None:
        """Export the trained model as TorchScript or ONNX; the tracing runs off the GUI thread."""
        if self._trained_model is None:
            return
        if kind == "onnx":
            import importlib.util

            if importlib.util.find_spec("onnx") is None:
                QMessageBox.information(self, "ONNX export",
                                        "ONNX export needs the onnx package. Install it with\n\n"
                                        "    pip install \"nn-playground[onnx]\"\n\nand restart the app.")
                return
        suffix, title = (".onnx", "ONNX models (*.onnx)") if kind == "onnx" else (".pt", "TorchScript (*.pt)")
        name = f"{self._trained_model.experiment.name or 'model'}-{kind}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, "Export trained model", str(Path(self._last_dir()) / name),
                                              f"{title};;All files (*)")
        if path:
            self.export_trained_model_to(kind, path if path.lower().endswith(suffix) else path + suffix)

    def export_trained_model_to(self, kind: str, path: str) -> None:
        from playground.ui.background import BackgroundRunner

        if self._exporter is None:
            self._exporter = BackgroundRunner("ModelExporter", self)
            self._exporter.finished.connect(self._export_done)
            self._exporter.failed.connect(lambda _tag, message: self._export_failed(message))
        loaded = self._trained_model
        self.statusBar().showMessage(f"Exporting the trained model to {path}…")
        self._exporter.submit(_export_model, kind, loaded.model, tuple(loaded.input_shape), path, tag=path)

    def _export_done(self, _tag, result) -> None:
        path, error = result
        if error:
            self._export_failed(error)
        else:
            self.statusBar().showMessage(f"Exported the trained model to {path}", 8000)
        self.modelExported.emit(path, error or "")

    def _export_failed(self, message: str) -> None:
        self.statusBar().showMessage("Export failed", 8000)
        QMessageBox.warning(self, "Cannot export the model", message)

    def show_code(self) -> None:
        """The experiment as a PyTorch script, in a non-modal dialog (Copy, Save…)."""
        from playground.ui.code_dialog import CodeDialog

        if self._code_dialog is not None and shiboken6.isValid(self._code_dialog):
            self._code_dialog.close()
        dialog = CodeDialog(self._experiment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._code_dialog = dialog

    def data_dir(self) -> str | None:
        import os

        return os.environ.get("PLAYGROUND_DATA_DIR") or settings().value("dataDir", None) or None

    def choose_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Data folder (holds MNIST/ and FashionMNIST/)",
                                                  self.data_dir() or str(Path.home()))
        if folder:
            settings().setValue("dataDir", folder)
            self.statusBar().showMessage(f"Data folder: {folder}", 5000)

    # ================================================================== training
    def start_training(self, paused: bool = False) -> bool:
        """Train a copy of the experiment from fresh weights; `paused` waits for Step/Resume."""
        from playground.ui.worker import TrainingSession

        if self.session is not None or self.train_blocker():
            return False
        exp = self._experiment.copy()
        probes, self._run_handlers = {}, {}
        for name, (factory, handler) in self._probes.items():
            try:
                probe = factory(exp)
            except Exception as exc:  # a broken view must not stop training
                self.statusBar().showMessage(f"View {name} is unavailable: {exc}", 8000)
                continue
            if probe is not None:
                probes[name] = probe
                self._run_handlers[name] = handler
        self.plots.clear()
        self._run_experiment = exp
        self._run_total, self._samples_seen, self._last_batch = 0, 0, None
        self._run_started_at = time.perf_counter()
        session = TrainingSession(exp, data_dir=self.data_dir(), probes=probes, parent=self)
        session.started.connect(self._on_started)
        session.initial.connect(self._on_initial)
        session.batch.connect(self._on_batch)
        session.epoch.connect(self._on_epoch)
        session.probe.connect(self._on_probe)
        session.finished.connect(self._on_finished)
        self.session = session
        progress = self.training_panel.progress
        progress.setRange(0, 0)  # busy until the trainer says how many batches there are
        progress.setFormat("Loading data…")
        self.training_panel.show_message("")
        self.statusBar().showMessage("Loading data and building the model…")
        self.run_state = "paused" if paused else "running"
        self._set_locked(True)
        self.plots.timer.start()
        session.start(paused=paused)
        self.runStarted.emit()
        return True

    def toggle_pause(self) -> None:
        if self.session is None:
            return
        if self.run_state == "running":
            self.session.pause()
            self.run_state = "paused"
            self.statusBar().showMessage("Paused — Resume to continue, Step for one batch")
        elif self.run_state == "paused":
            self.session.resume()
            self.run_state = "running"
        self._update_run_controls()

    def step_training(self) -> None:
        """One batch: from idle, start paused with one step; while paused, one more batch."""
        if self.session is None:
            if self.start_training(paused=True):
                self.session.step()
        elif self.run_state == "paused":
            self.session.step()

    def stop_training(self) -> None:
        if self.session is not None:
            self.session.stop()
            self.training_panel.stop_button.setEnabled(False)
            self.training_panel.pause_button.setEnabled(False)
            self.statusBar().showMessage("Stopping…")

    def is_training(self) -> bool:
        return self.session is not None

    def _set_locked(self, locked: bool) -> None:
        self.palette.setEnabled(not locked)
        self.network_view.set_locked(locked)
        self.layer_editor.setEnabled(not locked)
        self._update_run_controls()

    def _on_started(self, event) -> None:
        self._run_total = event.epochs * event.batches_per_epoch
        self._batches_per_epoch = event.batches_per_epoch
        self._epochs = event.epochs
        progress = self.training_panel.progress
        progress.setRange(0, max(1, self._run_total))
        progress.setValue(0)
        progress.setFormat(f"Epoch 1 of {event.epochs}")
        self._run_started_at = time.perf_counter()
        self.statusBar().showMessage(f"Training on {event.train_samples:,} samples ({event.val_samples:,} for "
                                     f"validation), {event.parameters:,} parameters, device {event.device}")

    def _on_initial(self, accuracy, loss) -> None:
        self.plots.metrics.set_initial(accuracy, loss)

    def _on_batch(self, event) -> None:
        # cheap on purpose: thousands arrive per second; the redraw timer does the drawing
        self.plots.loss.append_batch_loss(event.global_step, event.loss)
        self._samples_seen += event.samples
        self._last_batch = event

    def _on_epoch(self, event) -> None:
        if event.val_loss is not None:
            self.plots.loss.append_validation_loss(event.epoch * self._batches_per_epoch, event.val_loss)
        self.plots.metrics.append_epoch(event.epoch, event.val_accuracy, event.train_accuracy, event.val_loss)
        accuracy = f", validation accuracy {event.val_accuracy:.1%}" if event.val_accuracy is not None else ""
        val = f", validation loss {event.val_loss:.4f}" if event.val_loss is not None else ""
        self.statusBar().showMessage(f"Epoch {event.epoch}/{event.epochs}: training loss {event.train_loss:.4f}"
                                     f"{val}{accuracy}")

    def _on_probe(self, name: str, payload) -> None:
        handler = self._run_handlers.get(name)
        if handler is not None:
            handler(payload)

    def _update_progress(self) -> None:
        event = self._last_batch
        if event is None or not self._run_total:
            return
        progress = self.training_panel.progress
        progress.setValue(event.global_step)
        progress.setFormat(f"Epoch {event.epoch} of {self._epochs} · batch {event.step}/{event.batches_per_epoch}")
        elapsed = time.perf_counter() - self._run_started_at
        if elapsed > 0 and self.run_state == "running":
            rate = self._samples_seen / elapsed
            remaining = elapsed / event.global_step * (self._run_total - event.global_step)
            self.status_speed.setText(f"{rate:,.0f} samples/s")
            self.status_eta.setText(f"ETA {_duration(remaining)}")
        elif self.run_state == "paused":
            self.status_eta.setText("paused")

    def _on_finished(self, end) -> None:
        session, self.session = self.session, None
        if session is None:
            return
        session.wait(5000)
        self.plots.timer.stop()
        self._update_progress()
        self.plots.redraw()
        self.run_state = "idle"
        self._set_locked(False)
        progress = self.training_panel.progress
        if progress.maximum() == 0:
            progress.setRange(0, 1)
        self.status_eta.setText("")
        if end.status == "completed":
            progress.setValue(progress.maximum())
            progress.setFormat("Done")
            test = f" Test accuracy {end.test_accuracy:.1%}" if end.test_accuracy is not None else ""
            before = (f" (before training {end.initial_accuracy:.1%})."
                      if end.initial_accuracy is not None and end.test_accuracy is not None else ".")
            loss = f" Test loss {end.test_loss:.4f}." if end.test_accuracy is None and end.test_loss is not None else ""
            text = f"Training completed in {_duration(end.seconds)}.{test}{before if test else ''}{loss}"
            self.training_panel.show_message(text, "info")
        elif end.status == "stopped":
            steps = self._last_batch.global_step if self._last_batch else 0
            progress.setFormat(f"Stopped after {steps} batch{'es' if steps != 1 else ''}")
            self.training_panel.show_message(f"Stopped after {steps} batch{'es' if steps != 1 else ''}.", "info")
            text = "Stopped."
        else:
            progress.setFormat("Failed")
            text = end.message or "Training failed."
            self.training_panel.show_message(text, "error")
        self.statusBar().showMessage(text if end.status != "stopped" else "Stopped.", 0 if end.status == "failed"
                                     else 10000)
        trainer = session.trainer
        if end.status != "failed" and trainer is not None and trainer.model is not None and self._last_batch:
            from playground.core.checkpoint import LoadedModel

            info = trainer.data.info
            metrics = {**trainer.metrics(), "test_accuracy": end.test_accuracy}
            self.set_trained_model(LoadedModel(trainer.model, self._run_experiment, trainer.data.normalization,
                                               list(info.class_names), tuple(info.input_shape), metrics))
        session.deleteLater()
        self.runFinished.emit(end)

    # ================================================================== help
    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<h3>{APP_NAME}</h3><p>Build a neural network by clicking, train it live with real "
                          "PyTorch, and watch it learn.</p><p>Made for learners of beginner PyTorch courses: "
                          "MLPs on MNIST, activations, losses, optimizers, CNNs and RNNs.</p>")

    def show_layer_reference(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Layer reference")
        dialog.resize(640, 560)
        browser = QTextBrowser()
        browser.setObjectName("layerReference")
        browser.setHtml(layer_reference_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._reference_dialog = dialog

    # ================================================================== settings and closing
    def _restore_settings(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for splitter, key in ((self.network_splitter, "window/networkSplitter"),
                              (self.plots.splitter, "window/plotSplitter")):
            value = store.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)

    def _save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/networkSplitter", self.network_splitter.saveState())
        store.setValue("window/plotSplitter", self.plots.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        session = self.session
        if session is not None:
            # join the worker before the window (and the QThread with it) goes away
            for signal in (session.started, session.initial, session.batch, session.epoch, session.probe,
                           session.finished):
                signal.disconnect()
            session.stop()
            session.wait(CLOSE_JOIN_MS)
            self.session = None
            self.plots.timer.stop()
        if self._exporter is not None:
            self._exporter.close()
        for index in range(self.view_tabs.count()):  # views with threads of their own join them here
            shutdown = getattr(self.view_tabs.widget(index), "shutdown", None)
            if callable(shutdown):
                shutdown()
        self._save_settings()
        event.accept()


def _export_model(kind: str, model, input_shape: tuple, path: str) -> tuple[str, str]:
    """Runs in the exporter's thread: (path, '') when written, (path, message) when refused."""
    from playground.core.export import ExportError, export_onnx, export_torchscript

    try:
        (export_onnx if kind == "onnx" else export_torchscript)(model, input_shape, path)
    except ExportError as exc:
        return path, str(exc)
    except OSError as exc:
        return path, f"Cannot write {path}: {exc.strerror or exc}"
    return path, ""


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def layer_reference_html() -> str:
    parts = ["<h2>Layers</h2><p>Input sizes are never asked for: they follow from the shape flowing in.</p>"]
    for group in catalog.LAYER_GROUPS:
        parts.append(f"<h3>{group}</h3><dl>")
        for layer_type in catalog.layers_in_group(group):
            formula = f"<br><code>{layer_type.formula}</code>" if layer_type.formula else ""
            params = ", ".join(f"{p.label or p.name} ({p.help or p.kind})" if p.help else (p.label or p.name)
                               for p in layer_type.params)
            settings_text = f"<br><i>Settings:</i> {params}" if params else ""
            parts.append(f"<dt><b>{layer_type.name}</b></dt><dd>{layer_type.summary}{formula}{settings_text}</dd>")
        parts.append("</dl>")
    parts.append("<h2>Losses</h2><dl>")
    for loss in catalog.LOSSES.values():
        parts.append(f"<dt><b>{loss.label}</b></dt><dd>{loss.summary}<br><code>{loss.formula}</code></dd>")
    parts.append("</dl><h2>Optimizers</h2><dl>")
    for opt in catalog.OPTIMIZERS.values():
        parts.append(f"<dt><b>{opt.label}</b></dt><dd>{opt.summary}<br><code>{opt.formula}</code></dd>")
    parts.append("</dl>")
    return "".join(parts)
