"""The main window: palette, network, layer editor, training panel and the view tabs, wired together.

The window holds no state of its own beyond its widgets. The open experiment lives in an
`ExperimentDocument` (`self.document`: the experiment, undo, the file, the shape report), the
training run in a `TrainingRun` (`self.run`), the File menu's work in `FileActions` (`self.files`)
and the trained model in `ModelActions` (`self.models`). This module lays the widgets out, builds
the menus and connects the signals: an edit from any panel goes to `document.apply_edit`; the
document's `experimentChanged` / `reportChanged` redraw the panels; Train hands the document's
experiment to `run.start`, whose signals feed the plots, the progress bar and the status bar.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog, edits
from playground.core.experiment import Experiment
from playground.core.shapes import layer_label
from playground.data import registry
from playground.training.probes.health import HealthProbe
from playground.ui.actions import make_action
from playground.ui.data_actions import DISPLAY_NAMES, DataActions, data_folder
from playground.ui.document import ExperimentDocument
from playground.ui.engine_loader import EngineLoader, engine_loaded
from playground.ui.file_actions import FileActions
from playground.ui.graph.editing import GraphEditing
from playground.ui.help_actions import HelpActions
from playground.ui.i18n import catalog_text, data_text, message_text
from playground.ui.layer_editor import LayerEditor
from playground.ui.model_actions import ModelActions
from playground.ui.network_view import NetworkView
from playground.ui.palette import LayerPalette
from playground.ui.plots import TrainingPlots
from playground.ui.run_controller import IDLE, RunProgress, TrainingRun
from playground.ui.sample_banner import SampleBanner
from playground.ui.settings import APP_NAME, data_dir, settings
from playground.ui.training_panel import TrainingPanel
from playground.ui.transfer_actions import TransferActions
from playground.ui.widgets import splitter

__all__ = ["APP_NAME", "MainWindow", "settings"]

ENGINE_DELAY_MS = 150  # after the first paint


def default_experiment() -> Experiment:
    from playground.core.presets import load_preset

    return load_preset("seed-mlp")


class MainWindow(QMainWindow):
    engineReady = Signal(list)  # PyTorch imported; the devices it can train on

    def __init__(self, experiment: Experiment | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # the caller keeps its experiment; the document gets its own, and from here on edits make new ones
        self.document = ExperimentDocument((experiment or default_experiment()).copy(), self)
        self.run = TrainingRun(self)
        self.files = FileActions(self.document, self)
        self.models = ModelActions(self)
        self.data_actions = DataActions(self)
        self._run_dataset = ""  # the dataset of the run going on (or last run)
        self.transfer = TransferActions(self, self.document)
        self._code_dialog = None
        self._views: list[QWidget] = []  # the widgets given to add_view

        self._build_widgets()
        self.help = HelpActions(self, self.training_dock)  # Help menu, F1, the tutorial, View → Language
        self.graph_editing = GraphEditing(self)  # the network's edits, from the graph, the table and the palette
        self._build_actions()
        self._build_menus()
        self._connect()
        self.resize(1280, 800)
        self._restore_settings()

        self._engine_starting = False
        self.engine = EngineLoader(self)
        self.engine.ready.connect(self._engine_ready)
        self._show_network(self.document.report)
        self.training_panel.set_experiment(self.document.experiment)
        if engine_loaded():
            from playground.core.build import available_devices

            self._engine_ready(available_devices())
        # else: PyTorch takes seconds to import, and importing it in a thread still slows this one
        # down; so the window is painted first and the import starts just after (see showEvent)
        self._update_title()
        self._update_run_controls()
        self._recovery_offered = False

    # ================================================================== views (docs/DEVELOPING.md)
    def engine_ready(self) -> bool:
        return self.document.report is not None or self.engine.devices is not None or engine_loaded()

    def add_view(self, widget: QWidget, title: str, long_title: str = "") -> int:
        """A tab in the centre. Its page scrolls when the window is narrower than the view needs, so
        no view can make the window wider than a 1280-pixel screen. `long_title` (optional) names the
        view in the View menu and the tab's tooltip when the tab itself carries a short title."""
        scroll = QScrollArea()
        scroll.setObjectName(f"{widget.objectName() or 'view'}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        self._views.append(widget)
        index = self.view_tabs.addTab(scroll, title)
        if long_title:
            self.view_tabs.setTabToolTip(index, long_title)
        action = QAction(long_title or title, self)
        action.triggered.connect(lambda: self.show_view(widget))
        self.view_menu_tabs.addAction(action)
        return index

    def show_view(self, widget: QWidget) -> None:
        """Bring the tab holding `widget` (as given to `add_view`) to the front."""
        for index in range(self.view_tabs.count()):
            page = self.view_tabs.widget(index)
            if page is widget or page.isAncestorOf(widget):
                self.view_tabs.setCurrentIndex(index)
                return

    def current_view(self) -> QWidget | None:
        page = self.view_tabs.currentWidget()
        return page.widget() if isinstance(page, QScrollArea) else page

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
        # the Training tab: the plots, with a banner over them while a run trains on the built-in sample
        self.sample_banner = SampleBanner()
        self.training_page = QWidget()
        self.training_page.setObjectName("trainingPage")
        page_layout = QVBoxLayout(self.training_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.sample_banner)
        page_layout.addWidget(self.plots, 1)
        self.view_tabs.addTab(self.training_page, self.tr("Training"))
        self.setCentralWidget(self.view_tabs)

        self.network_splitter = splitter("networkSplitter", [self.network_view, self.layer_editor], [3, 1])
        self.network_splitter.setChildrenCollapsible(False)
        self.network_splitter.setSizes([520, 200])

        self.palette_dock = self._dock("paletteDock", self.tr("Layers"), self.palette,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.network_dock = self._dock("networkDock", self.tr("Network"), self.network_splitter,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.palette_dock, self.network_dock, Qt.Orientation.Horizontal)
        self.training_dock = self._dock("trainingDock", self.tr("Training"), self.training_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.palette_dock, self.network_dock, self.training_dock], [180, 280, 240],
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

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        undo_stack = self.document.undo_stack
        self.show_code_action = make_action(self, self.tr("Show PyTorch &code…"), self.show_code, "Ctrl+Shift+C",
                                            "showCodeAction",
                                            self.tr("The current experiment as a standalone PyTorch script"))
        self.quit_action = make_action(self, self.tr("&Quit"), self.close, key.Quit, "quitAction")
        self.undo_action = make_action(self, self.tr("&Undo"), undo_stack.undo, key.Undo, "undoAction")
        self.redo_action = make_action(self, self.tr("&Redo"), undo_stack.redo, key.Redo, "redoAction")
        # Ctrl+Shift+Z and Ctrl+Y everywhere, besides the platform's own
        redo_keys = QKeySequence.keyBindings(key.Redo)
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        self.delete_action = make_action(self, self.tr("&Delete layer"), self.delete_selected, key.Delete,
                                         "deleteAction", self.tr("Remove the selected layer (Del)"))
        self.duplicate_action = make_action(self, self.tr("D&uplicate layer"), self.duplicate_selected, "Ctrl+D",
                                            "duplicateAction",
                                            self.tr("Insert a copy of the selected layer below it (Ctrl+D)"))
        self.move_up_action = make_action(self, self.tr("Move &up"), lambda: self.move_selected(-1), "Ctrl+Up",
                                          "moveUpAction", self.tr("Move the selected layer up (Ctrl+Up)"))
        self.move_down_action = make_action(self, self.tr("Move do&wn"), lambda: self.move_selected(1), "Ctrl+Down",
                                            "moveDownAction", self.tr("Move the selected layer down (Ctrl+Down)"))
        for action, short in ((self.move_up_action, self.tr("▲ Up")), (self.move_down_action, self.tr("▼ Down")),
                              (self.duplicate_action, self.tr("Duplicate")), (self.delete_action, self.tr("Delete"))):
            action.setIconText(short)  # what the buttons under the network show
        self.network_view.set_actions([self.move_up_action, self.move_down_action, self.duplicate_action,
                                       self.delete_action])
        for action in (self.move_up_action, self.move_down_action, self.duplicate_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_menus(self) -> None:
        files, models = self.files, self.models
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([files.new_action, files.open_action])
        file_menu.addMenu(files.recent_menu)
        file_menu.addActions([files.save_action, files.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([models.save_model_action, models.load_model_action, models.use_stopped_action])
        file_menu.addAction(self.transfer.start_from_action)
        export_menu = file_menu.addMenu(self.tr("E&xport"))
        export_menu.setObjectName("exportMenu")
        export_menu.addActions([self.show_code_action, models.export_torchscript_action, models.export_onnx_action])
        self.export_diagram_action = make_action(self, self.tr("Network &diagram…"), self.graph_editing.export_diagram,
                                                 None, "exportDiagramAction",
                                                 self.tr("The network's picture as PNG or SVG, for slides and "
                                                         "homework"))
        export_menu.addAction(self.export_diagram_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.duplicate_action, self.move_up_action, self.move_down_action])

        data = self.data_actions
        self.data_menu = bar.addMenu(self.tr("&Data"))
        self.data_menu.setObjectName("dataMenu")
        self.data_menu.setToolTipsVisible(True)
        self.data_menu.addAction(data.download_action)
        self.data_menu.addSeparator()
        self.data_menu.addActions([data.data_dir_action, data.show_folder_action])

        self.presets_menu = bar.addMenu(self.tr("&Presets"))
        self.presets_menu.setToolTipsVisible(True)
        from playground.core.presets import load_preset, preset_names

        for name in preset_names():
            preset = load_preset(name)
            action = QAction(data_text(preset.name), self)
            action.setObjectName(f"preset_{name}")
            action.setToolTip(data_text(preset.description))
            action.setStatusTip(data_text(preset.description))
            action.triggered.connect(lambda _c=False, n=name: files.load_preset(n))
            self.presets_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_code_action)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.network_dock, self.training_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.view_menu_tabs = view_menu.addMenu(self.tr("Show &tab"))
        show_plots = QAction(self.tr("Training"), self)
        show_plots.triggered.connect(lambda: self.view_tabs.setCurrentWidget(self.training_page))
        self.view_menu_tabs.addAction(show_plots)

        view_menu.addSeparator()
        self.help.build_language_menu(view_menu)
        self.help.fill_help_menu(bar.addMenu(self.tr("&Help")))

    def _connect(self) -> None:
        document, run, panel = self.document, self.run, self.training_panel
        self.palette.layerRequested.connect(lambda name: self.add_layer(name))
        self.network_view.insertRequested.connect(lambda name, row: self.add_layer(name, row))
        self.network_view.moveRequested.connect(self.move_layer)
        self.network_view.selectionChanged.connect(self._selection_changed)
        self.layer_editor.paramChanged.connect(self.set_layer_param)
        transfer = self.transfer  # transfer learning: freezing, the head, the start's report
        self.layer_editor.trainChanged.connect(transfer.set_trained)
        self.network_view.trainLayerRequested.connect(transfer.set_trained)
        self.network_view.freezeUpToRequested.connect(transfer.freeze_up_to)
        self.network_view.unfreezeAllRequested.connect(transfer.unfreeze_all)
        self.network_view.replaceHeadRequested.connect(transfer.replace_head)
        transfer.message.connect(panel.show_message)
        run.started.connect(lambda event: panel.show_message(
            transfer.describe(event.init, event.init_from), "info") if event.init_from else None)
        panel.edited.connect(lambda text, exp, key: document.apply_edit(text, exp, key))
        panel.train_button.clicked.connect(lambda: self.start_training())
        panel.pause_button.clicked.connect(run.toggle_pause)
        panel.step_button.clicked.connect(self.step_training)
        panel.stop_button.clicked.connect(run.stop)
        run.set_pace(panel.pace.interval)
        panel.pace.paceChanged.connect(run.set_pace)

        document.reportChanged.connect(self._show_network)
        document.experimentChanged.connect(panel.set_experiment)
        document.layerSelected.connect(self.network_view.select_row)
        for signal in (document.experimentChanged, document.cleanChanged, document.pathChanged):
            signal.connect(self._update_title)
        undo_stack = document.undo_stack
        for signal in (undo_stack.canUndoChanged, undo_stack.canRedoChanged, undo_stack.undoTextChanged,
                       undo_stack.redoTextChanged, undo_stack.cleanChanged):
            signal.connect(self._undo_stack_changed)

        self.plots.follow(run)
        panel.follow_run(run)
        self.plots.timer.timeout.connect(run.publish_progress)  # the bar moves when the plots redraw
        run.runStarted.connect(lambda: self._set_locked(True))
        run.stateChanged.connect(self._update_run_controls)
        run.progressChanged.connect(self._show_progress)
        run.runMessage.connect(panel.show_message)
        # gradient health: measured by a probe on the training thread, shown on the network and in words
        run.register_probe("health", HealthProbe.for_experiment, self._show_health)
        panel.conceptRequested.connect(self.help.show_concepts)
        self.network_view.health_legend.conceptRequested.connect(self.help.show_concepts)
        run.runFinished.connect(self._run_finished)
        self.models.stoppedModelKept.connect(self._stopped_model_kept)
        document.replaced.connect(self._clear_results)
        panel.messageLinkActivated.connect(lambda link: link == "use-stopped-model" and self.models.use_stopped_model())
        run.started.connect(self._data_source_known)
        self.sample_banner.downloadRequested.connect(self.data_actions.show_download)
        # the banner goes with the download, unless a run on the sample is still going (its next run hides it)
        self.data_actions.downloaded.connect(
            lambda _names: self.sample_banner.hide_sample() if self.run.state == IDLE else None)
        for source in (run, self.files, self.models, self.data_actions, self.graph_editing):
            source.statusMessage.connect(lambda text, ms: self.statusBar().showMessage(text, ms))

    # ================================================================== document → views
    def _show_network(self, report) -> None:
        exp = self.document.experiment
        label = data_text(registry.DATASET_LABELS.get(exp.dataset.name, exp.dataset.name))
        self.network_view.display(exp, report, label)
        self._selection_changed(self.network_view.selected_row())
        self._update_run_controls()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._recovery_offered:
            self._recovery_offered = True
            if not self._docks_restored:  # first start: the graph gets a share of a wide screen; at
                # 1280 px the views in the middle need about 480 px, so the columns keep to their minimum
                network = self.width() // 4 if self.width() >= 1600 else 280
                self.resizeDocks([self.palette_dock, self.network_dock, self.training_dock],
                                 [180, network, 240], Qt.Orientation.Horizontal)
            QTimer.singleShot(0, self, self.files.offer_recovery)  # once the window is on screen
        if self.document.report is None and self.engine.devices is None and not self._engine_starting:
            self._engine_starting = True
            QTimer.singleShot(ENGINE_DELAY_MS, self.engine.start)

    def _engine_ready(self, devices: list[str]) -> None:
        self.training_panel.set_devices(devices)
        self.document.refresh_report()
        self.engineReady.emit(devices)

    def _selection_changed(self, row: int) -> None:
        self.document.selected_row = row
        layers = self.document.experiment.layers
        self.layer_editor.set_layer(row, layers[row] if 0 <= row < len(layers) else None)
        self._update_edit_actions()

    def train_blocker(self) -> str:
        """Why Train is disabled ('' when it is not)."""
        report = self.document.report
        if report is None:
            return self.tr("PyTorch is still loading…")
        if report.error is not None:
            return message_text(report.error.message)  # the engine's message already names the layer
        return ""

    def _update_run_controls(self, *_args) -> None:
        blocker = self.train_blocker()
        self.training_panel.set_run_state(self.run.state, not blocker, blocker)
        self._update_edit_actions()

    def _undo_stack_changed(self, *_args) -> None:
        # the stack also signals while the window is being destroyed: nothing to update then
        if shiboken6.isValid(self) and shiboken6.isValid(self.document.undo_stack):
            self._update_edit_actions()
            self._update_title()

    def _update_edit_actions(self) -> None:
        idle = self.run.state == IDLE
        undo_stack = self.document.undo_stack
        row = self.network_view.selected_row()
        count = len(self.document.experiment.layers)
        self.undo_action.setEnabled(idle and undo_stack.canUndo())
        self.redo_action.setEnabled(idle and undo_stack.canRedo())
        self.undo_action.setText(self.tr("&Undo {edit}").format(edit=undo_stack.undoText()).rstrip())
        self.redo_action.setText(self.tr("&Redo {edit}").format(edit=undo_stack.redoText()).rstrip())
        self.delete_action.setEnabled(idle and row >= 0)
        self.duplicate_action.setEnabled(idle and row >= 0)
        self.move_up_action.setEnabled(idle and row > 0)
        self.move_down_action.setEnabled(idle and 0 <= row < count - 1)
        self.files.set_enabled(idle)
        self.data_actions.set_enabled(idle)
        self.models.load_model_action.setEnabled(idle)
        self.presets_menu.setEnabled(idle)

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.has_unsaved_changes())

    # ================================================================== network edits (rules: core/edits.py)
    def add_layer(self, type_name: str, row: int | None = None) -> None:
        self.graph_editing.insert(type_name, row)

    def delete_selected(self) -> None:
        """The selected blocks and arrows (in the graph), or the selected row (in the list)."""
        self.graph_editing.delete_selection()

    def duplicate_selected(self) -> None:
        row = self.network_view.selected_row()
        if row >= 0:
            self.graph_editing.duplicate(row)

    def move_selected(self, delta: int) -> None:
        row = self.network_view.selected_row()
        if row >= 0:
            self.move_layer(row, row + delta)

    def move_layer(self, source: int, target: int) -> None:
        self.graph_editing.move(source, target)

    def set_layer_param(self, row: int, name: str, value: Any) -> None:
        if not 0 <= row < len(self.document.experiment.layers):
            return
        exp = edits.set_layer_param(self.document.experiment, row, name, value)
        layer = exp.layers[row]
        spec = next(p for p in catalog.LAYERS[layer.type].params if p.name == name)
        self.document.apply_edit(self.tr("Set {layer} {setting}").format(
            layer=layer_label(row, layer.type), setting=catalog_text(spec.label) or name), exp,
            merge_key=f"param:{row}:{name}", select=row)

    def show_code(self) -> None:
        """The experiment as a PyTorch script, in a non-modal dialog (Copy, Save…)."""
        from playground.ui.code_dialog import CodeDialog

        if self._code_dialog is not None and shiboken6.isValid(self._code_dialog):
            self._code_dialog.close()
        dialog = CodeDialog(self.document.experiment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._code_dialog = dialog

    # ================================================================== training
    def start_training(self, paused: bool = False) -> bool:
        """Train the experiment from fresh weights; `paused` waits for Step/Resume. The run makes its own copy
        (the trainer's), so editing may go on as soon as it is over."""
        if self.run.is_running() or self.train_blocker():
            return False
        self._run_dataset = self.document.experiment.dataset.name
        return self.run.start(self.document.experiment, data_dir(), paused=paused)

    def step_training(self) -> None:
        """One batch: from idle, start paused with one step; while paused, one more batch."""
        if self.run.state == IDLE:
            if self.start_training(paused=True):
                self.run.step()
        else:
            self.run.step()

    def _data_source_known(self, event) -> None:
        """The run's data is loaded: a banner over the plots and a note in Images when it is the built-in
        sample (the full set was absent and could not be downloaded); neither when it is the full set."""
        source = getattr(event, "data_source", None)
        self.training_panel.set_data_source(source, getattr(event, "source_images", 0))
        if source != "sample":
            self.sample_banner.hide_sample()
            return
        from playground.data import images

        name = DISPLAY_NAMES.get(self._run_dataset, self._run_dataset)
        self.sample_banner.show_sample(name, event.source_images, images.FULL_TRAIN_IMAGES, event.fallback_reason,
                                       str(images.raw_folder(self._run_dataset, data_folder())))

    def _set_locked(self, locked: bool) -> None:
        self.palette.setEnabled(not locked)
        self.network_view.set_locked(locked)
        self.layer_editor.setEnabled(not locked)
        self.transfer.start_from_action.setEnabled(not locked)
        self._update_run_controls()

    def _show_progress(self, progress: RunProgress) -> None:
        self.training_panel.show_progress(progress)
        self.status_speed.setText(progress.speed)
        self.status_eta.setText(progress.eta)

    def _show_health(self, payload) -> None:
        self.network_view.show_health(payload)
        self.training_panel.show_health(payload)

    def _run_finished(self, end, result) -> None:
        self._set_locked(False)
        self.models.run_finished(end, result)

    def _clear_results(self) -> None:
        """File → New, Open, a preset: the old experiment's plots, outcome and trained model go (the Runs tab
        keeps its list: it compares runs across experiments)."""
        self.plots.clear()
        self.training_panel.show_message("")
        self.training_panel.show_progress(RunProgress(0, 1, self.tr("Ready")))
        self.status_speed.clear()
        self.status_eta.clear()
        self.statusBar().clearMessage()
        self.models.clear()

    def _stopped_model_kept(self, text: str) -> None:
        """A stopped run left a finished model in place: say so under the run's outcome, with the way back."""
        outcome = self.training_panel.message.text()
        link = '<a href="use-stopped-model">{}</a>'.format(self.tr("Use the stopped run's model instead"))
        self.training_panel.show_message(f"{outcome} {text} {link}".strip(), "info")

    # ================================================================== settings and closing
    def _restore_settings(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        self._docks_restored = isinstance(state, QByteArray) and self.restoreState(state)
        for split, key in ((self.network_splitter, "window/networkSplitter"),
                           (self.plots.splitter, "window/plotSplitter")):
            value = store.value(key)
            if isinstance(value, QByteArray):
                split.restoreState(value)

    def _save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/networkSplitter", self.network_splitter.saveState())
        store.setValue("window/plotSplitter", self.plots.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.run.shutdown()  # joins the worker before the window (and the QThread with it) goes away
        self.plots.timer.stop()
        self.models.shutdown()
        self.data_actions.shutdown()
        self.training_panel.shutdown()
        self.transfer.shutdown()
        for view in self._views:  # views with threads of their own join them here
            shutdown = getattr(view, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self._save_settings()
        self.files.autosave.finish()  # a clean close: nothing to recover next time
        event.accept()
