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
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from playground.core import catalog
from playground.core.experiment import Experiment, ExperimentError, LayerSpec
from playground.core.shapes import ShapeReport, infer_shapes, layer_label
from playground.data import registry
from playground.ui.autosave import Autosave, ask_to_restore, autosave_folder
from playground.ui.commands import ExperimentEdit
from playground.ui.engine_loader import EngineLoader, engine_loaded
from playground.ui.i18n import data_text, message_text
from playground.ui.layer_editor import LayerEditor
from playground.ui.network_view import NetworkView
from playground.ui.palette import LayerPalette
from playground.ui.plots import TrainingPlots
from playground.ui.training_panel import TrainingPanel

APP_NAME = "NN Playground"
ORGANIZATION = "NN Playground"
MAX_RECENT = 8
EXPERIMENT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "NN Playground experiments (*.json);;All files (*)")
MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "PyTorch checkpoints (*.pt);;All files (*)")
ENGINE_DELAY_MS = 150  # after the first paint
CLOSE_JOIN_MS = 120_000  # data loading cannot be interrupted; stopping waits for it at worst


def settings() -> QSettings:
    # QSettings(organization, application) alone is always the native format and ignores
    # setDefaultFormat(); naming the default format lets the tests' temporary INI folder apply
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APP_NAME)


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
        self.help_panel = None  # Help → Concepts, made when first opened
        self.tutorial_panel = None
        self._views: list[QWidget] = []  # the widgets given to add_view
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

        # the unsaved experiment goes to a recovery file after each edit; offered back after a crash
        self.autosave = Autosave(autosave_folder(settings()), self._autosave_snapshot, parent=self)
        self.autosave.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.experimentChanged.connect(self.autosave.schedule)
        self.undo_stack.cleanChanged.connect(self.autosave.schedule)
        self._recovery_offered = False

    # ================================================================== public API (docs/DEVELOPING.md)
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
        """A tab in the centre. Its page scrolls when the window is narrower than the view needs, so
        no view can make the window wider than a 1280-pixel screen."""
        scroll = QScrollArea()
        scroll.setObjectName(f"{widget.objectName() or 'view'}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        self._views.append(widget)
        index = self.view_tabs.addTab(scroll, title)
        action = QAction(title, self)
        action.triggered.connect(lambda: self.show_view(widget))
        self.view_menu_tabs.addAction(action)
        return index

    def show_view(self, widget: QWidget) -> None:
        """Bring the tab holding `widget` (as given to `add_view`) to the front."""
        for index in range(self.view_tabs.count()):
            page = self.view_tabs.widget(index)
            if page is widget or (isinstance(page, QScrollArea) and page.widget() is widget):
                self.view_tabs.setCurrentIndex(index)
                return

    def current_view(self) -> QWidget | None:
        page = self.view_tabs.currentWidget()
        return page.widget() if isinstance(page, QScrollArea) else page

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
        self.view_tabs.addTab(self.plots, self.tr("Training"))
        self.setCentralWidget(self.view_tabs)

        self.network_splitter = QSplitter(Qt.Orientation.Vertical)
        self.network_splitter.setObjectName("networkSplitter")
        self.network_splitter.addWidget(self.network_view)
        self.network_splitter.addWidget(self.layer_editor)
        self.network_splitter.setStretchFactor(0, 3)
        self.network_splitter.setStretchFactor(1, 1)
        self.network_splitter.setChildrenCollapsible(False)
        self.network_splitter.setSizes([420, 260])

        self.palette_dock = self._dock("paletteDock", self.tr("Layers"), self.palette,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.network_dock = self._dock("networkDock", self.tr("Network"), self.network_splitter,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.palette_dock, self.network_dock, Qt.Orientation.Horizontal)
        self.training_dock = self._dock("trainingDock", self.tr("Training"), self.training_panel,
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
        self.new_action = self._action(self.tr("&New"), self.new_experiment, key.New, "newAction")
        self.open_action = self._action(self.tr("&Open…"), self.open_experiment_dialog, key.Open, "openAction")
        self.save_action = self._action(self.tr("&Save"), self.save_experiment, key.Save, "saveAction")
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_experiment_as, key.SaveAs, "saveAsAction")
        self.save_model_action = self._action(self.tr("Save &trained model…"), self.save_trained_model_dialog, None,
                                              "saveModelAction", self.tr("Write the trained weights to a .pt checkpoint"))
        self.save_model_action.setEnabled(False)
        self.load_model_action = self._action(self.tr("&Load model…"), self.load_model_dialog, None, "loadModelAction",
                                              self.tr("Open a checkpoint saved by NN Playground"))
        self.show_code_action = self._action(self.tr("Show PyTorch &code…"), self.show_code, "Ctrl+Shift+C",
                                             "showCodeAction",
                                             self.tr("The current experiment as a standalone PyTorch script"))
        self.export_torchscript_action = self._action(
            self.tr("Export trained model as &TorchScript…"), lambda: self.export_trained_model("torchscript"), None,
            "exportTorchScriptAction", self.tr("A .pt file that torch.jit.load runs without NN Playground"))
        self.export_onnx_action = self._action(
            self.tr("Export trained model as &ONNX…"), lambda: self.export_trained_model("onnx"), None,
            "exportOnnxAction", self.tr("An .onnx file for other runtimes (needs the onnx package)"))
        for action in (self.export_torchscript_action, self.export_onnx_action):
            action.setEnabled(False)
        self.data_dir_action = self._action(self.tr("Data &folder…"), self.choose_data_dir, None, "dataDirAction",
                                            self.tr("Where MNIST and Fashion-MNIST are read from (and downloaded to)"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "quitAction")
        self.undo_action = self._action(self.tr("&Undo"), self.undo_stack.undo, key.Undo, "undoAction")
        self.redo_action = self._action(self.tr("&Redo"), self.undo_stack.redo, key.Redo, "redoAction")
        # Ctrl+Shift+Z everywhere, besides the platform's own (Ctrl+Y on Windows)
        redo_keys = QKeySequence.keyBindings(key.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.delete_action = self._action(self.tr("&Delete layer"), self.delete_selected, key.Delete, "deleteAction",
                                          self.tr("Remove the selected layer (Del)"))
        self.duplicate_action = self._action(self.tr("D&uplicate layer"), self.duplicate_selected, "Ctrl+D",
                                             "duplicateAction",
                                             self.tr("Insert a copy of the selected layer below it (Ctrl+D)"))
        self.move_up_action = self._action(self.tr("Move &up"), lambda: self.move_selected(-1), "Ctrl+Up",
                                           "moveUpAction", self.tr("Move the selected layer up (Ctrl+Up)"))
        self.move_down_action = self._action(self.tr("Move do&wn"), lambda: self.move_selected(1), "Ctrl+Down",
                                             "moveDownAction", self.tr("Move the selected layer down (Ctrl+Down)"))
        self.about_action = self._action(self.tr("&About NN Playground"), self.show_about, None, "aboutAction")
        # F1 explains what is under the mouse (a palette block, the loss box, ...): see help_panel.py
        self.concepts_action = self._action(self.tr("&Concepts"), self.show_concepts_in_context, key.HelpContents,
                                            "conceptsAction",
                                            self.tr("Every block, loss, optimizer and schedule explained, with its "
                                                    "formula (F1: the one under the mouse)"))
        self.tutorial_action = self._action(self.tr("&Tutorial: your first network"), self.show_tutorial, None,
                                            "tutorialAction",
                                            self.tr("Build the seed MLP, train it and draw a digit for it, step by "
                                                    "step"))
        for action, short in ((self.move_up_action, self.tr("▲ Up")), (self.move_down_action, self.tr("▼ Down")),
                              (self.duplicate_action, self.tr("Duplicate")), (self.delete_action, self.tr("Delete"))):
            action.setIconText(short)  # what the buttons under the network show
        self.network_view.set_actions([self.move_up_action, self.move_down_action, self.duplicate_action,
                                       self.delete_action])
        for action in (self.move_up_action, self.move_down_action, self.duplicate_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.save_model_action, self.load_model_action])
        export_menu = file_menu.addMenu(self.tr("E&xport"))
        export_menu.setObjectName("exportMenu")
        export_menu.addActions([self.show_code_action, self.export_torchscript_action, self.export_onnx_action])
        file_menu.addAction(self.data_dir_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.duplicate_action, self.move_up_action, self.move_down_action])

        self.presets_menu = bar.addMenu(self.tr("&Presets"))
        self.presets_menu.setToolTipsVisible(True)
        from playground.core.presets import load_preset, preset_names

        for name in preset_names():
            preset = load_preset(name)
            action = QAction(data_text(preset.name), self)
            action.setObjectName(f"preset_{name}")
            action.setToolTip(data_text(preset.description))
            action.setStatusTip(data_text(preset.description))
            action.triggered.connect(lambda _c=False, n=name: self.load_preset(n))
            self.presets_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_code_action)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.network_dock, self.training_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.view_menu_tabs = view_menu.addMenu(self.tr("Show &tab"))
        show_plots = QAction(self.tr("Training"), self)
        show_plots.triggered.connect(lambda: self.view_tabs.setCurrentWidget(self.plots))
        self.view_menu_tabs.addAction(show_plots)

        view_menu.addSeparator()
        self._build_language_menu(view_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.concepts_action, self.tutorial_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
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
        label = data_text(registry.DATASET_LABELS.get(exp.dataset.name, exp.dataset.name))
        self.network_view.display(exp, self._report, label)
        if select is not None:
            self.network_view.select_row(select)
        self._selection_changed(self.network_view.selected_row())
        self._update_run_controls()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._recovery_offered:
            self._recovery_offered = True
            QTimer.singleShot(0, self, self.offer_recovery)  # once the window is on screen
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
            return self.tr("PyTorch is still loading…")
        if self._report.error is not None:
            return message_text(self._report.error.message)  # the engine's message already names the layer
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
        self.undo_action.setText(self.tr("&Undo {edit}").format(edit=self.undo_stack.undoText()).rstrip())
        self.redo_action.setText(self.tr("&Redo {edit}").format(edit=self.undo_stack.redoText()).rstrip())
        self.delete_action.setEnabled(idle and row >= 0)
        self.duplicate_action.setEnabled(idle and row >= 0)
        self.move_up_action.setEnabled(idle and row > 0)
        self.move_down_action.setEnabled(idle and 0 <= row < count - 1)
        for action in (self.new_action, self.open_action, self.load_model_action, self.data_dir_action):
            action.setEnabled(idle)
        self.presets_menu.setEnabled(idle)
        self.recent_menu.setEnabled(idle)

    def _update_title(self) -> None:
        name = Path(self._path).name if self._path else data_text(self._experiment.name)  # a preset's, translated
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
        self.apply_edit(self.tr("Add {layer}").format(layer=type_name), exp, select=row)

    def delete_selected(self) -> None:
        row = self.network_view.selected_row()
        if row < 0:
            return
        exp = self._experiment.copy()
        removed = exp.layers.pop(row)
        self.apply_edit(self.tr("Delete {layer}").format(layer=layer_label(row, removed.type)), exp,
                        select=min(row, len(exp.layers) - 1))

    def duplicate_selected(self) -> None:
        row = self.network_view.selected_row()
        if row < 0:
            return
        exp = self._experiment.copy()
        exp.layers.insert(row + 1, exp.layers[row].__class__(exp.layers[row].type, dict(exp.layers[row].params)))
        self.apply_edit(self.tr("Duplicate {layer}").format(layer=layer_label(row, exp.layers[row].type)), exp,
                        select=row + 1)

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
        text = self.tr("Move {layer} up") if target < source else self.tr("Move {layer} down")
        self.apply_edit(text.format(layer=layer.type), exp, select=target)

    def set_layer_param(self, row: int, name: str, value: Any) -> None:
        if not 0 <= row < len(self._experiment.layers):
            return
        exp = self._experiment.copy()
        layer = exp.layers[row]
        layer.params[name] = value
        spec = next(p for p in catalog.LAYERS[layer.type].params if p.name == name)
        from playground.ui.i18n import catalog_text

        self.apply_edit(self.tr("Set {layer} {setting}").format(layer=layer_label(row, layer.type),
                                                               setting=catalog_text(spec.label) or name), exp,
                        merge_key=f"param:{row}:{name}", select=row)

    # ================================================================== files
    def replace_experiment(self, experiment: Experiment, path: str | None = None) -> None:
        """A new document (New, Open, preset): the history starts afresh."""
        self.undo_stack.clear()
        self._path = path
        self._set_experiment(experiment.copy(), select=None)
        self.undo_stack.setClean()
        self._update_title()

    def _autosave_snapshot(self) -> tuple[Experiment, str | None] | None:
        return None if self.undo_stack.isClean() else (self._experiment, self._path)

    def offer_recovery(self) -> bool:
        """After a session that did not close cleanly: offer its autosaved experiment; True when restored."""
        recovery = self.autosave.take_recovery()
        if recovery is None:
            return False
        if not ask_to_restore(self, recovery):
            self.autosave.discard()
            return False
        self._path = recovery.document
        self.apply_edit(self.tr("Restore autosaved changes"), recovery.experiment)  # unsaved again: Save asks
        self._update_title()
        self.statusBar().showMessage(self.tr("Restored the changes autosaved at {time}").format(
            time=recovery.saved_at.strftime("%H:%M")), 8000)
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the person cancelled."""
        if not self.has_unsaved_changes():
            return True
        question = (self.tr("Save the changes to “{name}” and its training runs before continuing?")
                    if self._runs_dirty else self.tr("Save the changes to “{name}” before continuing?"))
        answer = QMessageBox.question(
            self, APP_NAME, question.format(name=data_text(self._experiment.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_experiment()
        return answer == QMessageBox.StandardButton.Discard

    def new_experiment(self) -> None:
        if not self.maybe_save():
            return
        exp = self._experiment.copy()
        exp.name, exp.description, exp.layers = self.tr("Untitled"), "", []
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
        self.statusBar().showMessage(self.tr("Preset: {description}").format(
            description=data_text(self._experiment.description)), 8000)

    def open_experiment_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open experiment"), self._last_dir(),
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
            QMessageBox.warning(self, self.tr("Cannot open experiment"),
                                self.tr("{file} cannot be opened.").format(file=Path(path).name) + "\n\n" + where
                                + self.tr("Problem: {problem}").format(problem=message_text(exc.problem)))
            return False
        if self._runs_view is not None:
            self._runs_view.set_runs(runs)
        self._runs_dirty = False
        self.replace_experiment(exp, path)
        self._add_recent(path)
        opened = (self.tr("Opened {path}") if not runs else self.tr("Opened {path} with 1 run") if len(runs) == 1
                  else self.tr("Opened {path} with {count} runs"))
        self.statusBar().showMessage(opened.format(path=path, count=len(runs)), 5000)
        return True

    def save_experiment(self) -> bool:
        if not self._path:
            return self.save_experiment_as()
        return self._write(self._path)

    def save_experiment_as(self) -> bool:
        suggested = str(Path(self._last_dir()) / f"{self._experiment.name or 'experiment'}.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save experiment"), suggested,
                                              self.tr(EXPERIMENT_FILTER))
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
            QMessageBox.warning(self, APP_NAME, self.tr("Cannot save {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return False
        self._path = path
        self._runs_dirty = False
        self.undo_stack.setClean()
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
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
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # ================================================================== models
    def save_trained_model_dialog(self) -> None:
        if self._trained_model is None:
            return
        suggested = str(Path(self._last_dir()) / f"{self._trained_model.experiment.name or 'model'}.pt")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save trained model"), suggested, self.tr(MODEL_FILTER))
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
            QMessageBox.warning(self, APP_NAME, self.tr("Cannot save the model to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(self.tr("Saved the trained model to {path}").format(path=path), 5000)
        return True

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load model"), self._last_dir(), self.tr(MODEL_FILTER))
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> bool:
        from playground.core.checkpoint import CheckpointError, load_checkpoint

        try:
            loaded = load_checkpoint(path)
        except CheckpointError as exc:
            QMessageBox.warning(self, self.tr("Cannot load model"), message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self.set_trained_model(loaded)
        accuracy = loaded.metrics.get("val_accuracy")
        loaded_text = (self.tr("Loaded {file}: {name} (validation accuracy {accuracy})")
                       if isinstance(accuracy, float) else self.tr("Loaded {file}: {name}"))
        self.statusBar().showMessage(loaded_text.format(file=Path(path).name, name=data_text(loaded.experiment.name),
                                                        accuracy=f"{accuracy:.1%}" if isinstance(accuracy, float)
                                                        else ""), 8000)
        return True

    def export_trained_model(self, kind: str) -> None:
        """Export the trained model as TorchScript or ONNX; the tracing runs off the GUI thread."""
        if self._trained_model is None:
            return
        if kind == "onnx":
            import importlib.util

            if importlib.util.find_spec("onnx") is None:
                QMessageBox.information(self, self.tr("ONNX export"),
                                        self.tr("ONNX export needs the onnx package. Install it with\n\n"
                                                "    pip install \"nn-playground[onnx]\"\n\nand restart the app."))
                return
        suffix, title = ((".onnx", self.tr("ONNX models (*.onnx)")) if kind == "onnx"
                         else (".pt", self.tr("TorchScript (*.pt)")))
        name = f"{self._trained_model.experiment.name or 'model'}-{kind}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export trained model"), str(Path(self._last_dir()) / name),
                                              title + ";;" + self.tr("All files (*)"))
        if path:
            self.export_trained_model_to(kind, path if path.lower().endswith(suffix) else path + suffix)

    def export_trained_model_to(self, kind: str, path: str) -> None:
        from playground.ui.background import BackgroundRunner

        if self._exporter is None:
            self._exporter = BackgroundRunner("ModelExporter", self)
            self._exporter.finished.connect(self._export_done)
            self._exporter.failed.connect(lambda _tag, message: self._export_failed(message))
        loaded = self._trained_model
        self.statusBar().showMessage(self.tr("Exporting the trained model to {path}…").format(path=path))
        self._exporter.submit(_export_model, kind, loaded.model, tuple(loaded.input_shape), path, tag=path)

    def _export_done(self, _tag, result) -> None:
        path, error = result
        if error:
            self._export_failed(error)
        else:
            self.statusBar().showMessage(self.tr("Exported the trained model to {path}").format(path=path), 8000)
        self.modelExported.emit(path, error or "")

    def _export_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Export failed"), 8000)
        QMessageBox.warning(self, self.tr("Cannot export the model"), message)

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
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder (holds MNIST/ and FashionMNIST/)"),
                                                  self.data_dir() or str(Path.home()))
        if folder:
            settings().setValue("dataDir", folder)
            self.statusBar().showMessage(self.tr("Data folder: {folder}").format(folder=folder), 5000)

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
                self.statusBar().showMessage(self.tr("View {name} is unavailable: {reason}").format(
                    name=name, reason=exc), 8000)
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
        progress.setFormat(self.tr("Loading data…"))
        self.training_panel.show_message("")
        self.statusBar().showMessage(self.tr("Loading data and building the model…"))
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
            self.statusBar().showMessage(self.tr("Paused — Resume to continue, Step for one batch"))
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
            self.statusBar().showMessage(self.tr("Stopping…"))

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
        progress.setFormat(self.tr("Epoch {epoch} of {epochs}").format(epoch=1, epochs=event.epochs))
        self.plots.loss.expect_batches(self._run_total)
        self._run_started_at = time.perf_counter()
        self.statusBar().showMessage(self.tr("Training on {train} samples ({validation} for validation), {parameters} "
                                             "parameters, device {device}").format(
            train=f"{event.train_samples:,}", validation=f"{event.val_samples:,}",
            parameters=f"{event.parameters:,}", device=event.device))

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
        text = self.tr("Epoch {epoch}/{epochs}: training loss {loss}").format(
            epoch=event.epoch, epochs=event.epochs, loss=f"{event.train_loss:.4f}")
        if event.val_loss is not None:
            text += self.tr(", validation loss {loss}").format(loss=f"{event.val_loss:.4f}")
        if event.val_accuracy is not None:
            text += self.tr(", validation accuracy {accuracy}").format(accuracy=f"{event.val_accuracy:.1%}")
        self.statusBar().showMessage(text)

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
        progress.setFormat(self.tr("Epoch {epoch} of {epochs} · batch {batch}/{batches}").format(
            epoch=event.epoch, epochs=self._epochs, batch=event.step, batches=event.batches_per_epoch))
        elapsed = time.perf_counter() - self._run_started_at
        if elapsed > 0 and self.run_state == "running":
            rate = self._samples_seen / elapsed
            remaining = elapsed / event.global_step * (self._run_total - event.global_step)
            self.status_speed.setText(self.tr("{rate} samples/s").format(rate=f"{rate:,.0f}"))
            self.status_eta.setText(self.tr("ETA {time}").format(time=_duration(remaining)))
        elif self.run_state == "paused":
            self.status_eta.setText(self.tr("paused"))

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
            progress.setFormat(self.tr("Done"))
            text = self.tr("Training completed in {time}.").format(time=_duration(end.seconds))
            if end.test_accuracy is not None and end.initial_accuracy is not None:
                text += " " + self.tr("Test accuracy {accuracy} (before training {before}).").format(
                    accuracy=f"{end.test_accuracy:.1%}", before=f"{end.initial_accuracy:.1%}")
            elif end.test_accuracy is not None:
                text += " " + self.tr("Test accuracy {accuracy}.").format(accuracy=f"{end.test_accuracy:.1%}")
            elif end.test_loss is not None:
                text += " " + self.tr("Test loss {loss}.").format(loss=f"{end.test_loss:.4f}")
            self.training_panel.show_message(text, "info")
        elif end.status == "stopped":
            steps = self._last_batch.global_step if self._last_batch else 0
            stopped = (self.tr("Stopped after {count} batch") if steps == 1
                       else self.tr("Stopped after {count} batches")).format(count=steps)
            progress.setFormat(stopped)
            self.training_panel.show_message(stopped + ".", "info")
            text = self.tr("Stopped.")
        else:
            progress.setFormat(self.tr("Failed"))
            text = message_text(end.message) or self.tr("Training failed.")
            self.training_panel.show_message(text, "error")
        self.statusBar().showMessage(text, 0 if end.status == "failed" else 10000)
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
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME),
                          f"<h3>{APP_NAME}</h3>" + self.tr(
                              "<p>Build a neural network by clicking, train it live with real PyTorch, and watch it "
                              "learn.</p><p>Made for learners of beginner PyTorch courses: MLPs on MNIST, "
                              "activations, losses, optimizers, CNNs and RNNs.</p>"))

    def show_concepts(self, key: str = "") -> None:
        """Help → Concepts: one panel per window, not modal, opened at `key` when given."""
        from playground.ui.help_panel import HelpPanel

        if self.help_panel is None or not shiboken6.isValid(self.help_panel):
            self.help_panel = HelpPanel(self)
        if key:
            self.help_panel.show_concept(key)
        self.help_panel.show()
        self.help_panel.raise_()
        self.help_panel.activateWindow()

    def show_concepts_in_context(self) -> None:
        """F1: the concept of the widget under the mouse (or the focused one), else the panel as it was."""
        from playground.ui.help_panel import concept_in_context

        self.show_concepts(concept_in_context())

    def show_tutorial(self) -> None:
        from playground.ui.tutorial import TutorialPanel

        if self.tutorial_panel is None or not shiboken6.isValid(self.tutorial_panel):
            self.tutorial_panel = TutorialPanel(self)
            corner = self.geometry().topRight()  # beside the training panel, not over the network
            self.tutorial_panel.move(max(0, corner.x() - self.tutorial_panel.width() - 330), corner.y() + 60)
        self.tutorial_panel.show()
        self.tutorial_panel.raise_()

    def _build_language_menu(self, menu) -> None:
        """View → Language: the system's, or one of the translations; applied at the next start."""
        from playground.ui.i18n import LANGUAGES, SYSTEM, chosen_language

        self.language_menu = menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        chosen = chosen_language()
        for code, label in [(SYSTEM, self.tr("System language")), *LANGUAGES.items()]:
            action = self.language_menu.addAction(label)  # language names in their own language
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _c=False, c=code: self.choose_language(c))
            group.addAction(action)

    def choose_language(self, code: str, tell: bool = True) -> None:
        """Remember the language (View → Language); the window shows it from the next start on."""
        from playground.ui.i18n import chosen_language, set_chosen_language

        if code == chosen_language():
            return
        set_chosen_language(code)
        if tell:
            QMessageBox.information(self, self.tr("Language"),
                                    self.tr("The new language is used the next time NN Playground starts."))

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
        for view in self._views:  # views with threads of their own join them here
            shutdown = getattr(view, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self._save_settings()
        self.autosave.finish()  # a clean close: nothing to recover next time
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
        return QCoreApplication.translate("MainWindow", "{seconds} s").format(seconds=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("MainWindow", "{minutes} min {seconds} s").format(
            minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    return QCoreApplication.translate("MainWindow", "{hours} h {minutes} min").format(
        hours=seconds // 3600, minutes=f"{seconds % 3600 // 60:02d}")
