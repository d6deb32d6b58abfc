"""The 2-D playground tab: TensorFlow Playground's page, over the app's experiment and real PyTorch.

Top: the data and training controls (`DataControls`). Below, side by side: the input features
(`FeatureButtons`), the hidden layers (`HiddenLayersEditor`) above the network diagram, and the
output (`OutputPanel`: losses, sparkline and the plane — the decision boundary, or the fitted
curve for 1-D regression).

The panel knows neither the window nor the run. It shows the experiment it is given
(`set_experiment`, connected to the document's `experimentChanged`) and sends every change as
``edited(undo text, experiment, merge key)``; its Train button asks with `trainRequested` /
`stopRequested`. During a run, `make_probe` is its probe factory and `handle_frame` takes the
frames the `BoundaryProbe` computes on the training thread; before a run it previews the data
itself (generating 2-D points is a few hundred numpy values, not tensor work).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core import catalog, edits
from playground.core.experiment import Experiment
from playground.data import generated, registry
from playground.data.features import FEATURE_LABELS, apply_features, usable_features
from playground.training.loss_surface import has_line
from playground.training.probes.boundary import (
    THUMB_STRIDE,
    BoundaryProbe,
    Plane,
    plane_dims,
    plane_for,
)
from playground.training.probes.descent import DescentProbe, plain_gradient_descent
from playground.ui.live_view import LiveDrawing
from playground.ui.playground2d.data_controls import DataControls, FeatureButtons
from playground.ui.playground2d.hidden_layers import HiddenLayersEditor, activation_text
from playground.ui.playground2d.line_lesson import LineLessonView
from playground.ui.playground2d.network_diagram import NetworkDiagram
from playground.ui.playground2d.output_panel import OutputPanel

PROBE_NAME = "playground2d.boundary"
DESCENT_PROBE_NAME = "playground2d.descent"
NOT_MLP_NOTE = QT_TRANSLATE_NOOP("Playground2DPanel", "This network is not a plain stack of Linear layers and "
                                 "activations, so it is not drawn here. Edit it in the network view, or open the "
                                 "Spiral preset for a TensorFlow-Playground network.")
NOT_2D_NOTE = QT_TRANSLATE_NOOP("Playground2DPanel", "The 2-D playground draws 2-D and 1-D data. Choose one of its "
                                "datasets above, or import a CSV file with one or two feature columns.")
# the generated sets' two classes, named by TensorFlow Playground's colours
CLASS_COLOURS = {"orange": QT_TRANSLATE_NOOP("Playground2DPanel", "orange"),
                 "blue": QT_TRANSLATE_NOOP("Playground2DPanel", "blue")}


class Playground2DPanel(QWidget):
    edited = Signal(str, object, str)  # undo text, new Experiment, merge key ('' = its own undo step)
    trainRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playground2dPanel")
        self.experiment = Experiment()
        self._training = False
        self.frames_received = 0
        # the newest frame, drawn at the pace the view can afford and only while it is on screen; its
        # `on_screen` tells the run's probe (training thread) whether live frames are worth computing
        self.live = LiveDrawing(self, self._draw_pending)
        self._pending_frame: dict | None = None  # the newest frame not drawn yet
        self._pending_data: dict | None = None  # a run's first frame (its data points), until drawn
        self._csv_classes: dict[tuple[str, str], list[str]] = {}  # (file, label column) → its classes
        self._facts = None  # BackgroundRunner reading a CSV file's classes, made when first needed
        self._plane: Plane | None = None
        self._build()

    def _build(self) -> None:
        # sized for the window's central tabs at 1280×800 (about 500 px wide): the data and training
        # controls on top, then features | network | output side by side
        self.data, self.features, self.layers = DataControls(), FeatureButtons(), HiddenLayersEditor()
        self.output, self.diagram = OutputPanel(), NetworkDiagram()
        self._line_view: LineLessonView | None = None  # made when first needed (two plots: start-up time)
        self.message = QLabel()
        self.message.setObjectName("playground2dMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        for part in (self.data, self.features, self.layers):
            part.edited.connect(self.edited)
        self.data.showTestToggled.connect(self.output.boundary.set_show_test)
        self.data.discretizeToggled.connect(self.output.boundary.set_discretize)
        self.data.trainClicked.connect(lambda: (self.stopRequested if self._training else self.trainRequested).emit())
        self.data.importClicked.connect(self.import_csv)

        network = QVBoxLayout()
        network.setContentsMargins(0, 0, 0, 0)
        network.addWidget(self.layers)
        network.addWidget(self.diagram, 1)
        self._network_column = network
        network.addWidget(self.message)
        main = QHBoxLayout()
        main.setSpacing(6)
        main.addWidget(self.features)
        main.addLayout(network, 3)
        main.addWidget(self.output, 2)
        root = QVBoxLayout(self)
        root.setContentsMargins(4, 4, 4, 4)
        root.setSpacing(4)
        root.addWidget(self.data)
        root.addLayout(main, 1)

    @property
    def line_view(self) -> LineLessonView:
        """Lesson 003's line and loss surface, for a one-line network."""
        if self._line_view is None:
            self._line_view = LineLessonView()
            self._line_view.hide()
            self._network_column.insertWidget(self._network_column.indexOf(self.diagram) + 1, self._line_view, 1)
        return self._line_view

    # ================================================================== experiment → widgets
    def set_experiment(self, experiment: Experiment) -> None:
        self.experiment = experiment
        if not self._training:  # an edit after a run: fresh data replaces the run's last picture, drawn or not
            self._pending_data = self._pending_frame = None
            self.live.cancel()
        for part in (self.data, self.features):
            part.set_experiment(experiment)
        self._show_network(experiment)
        line = self.shows_line(experiment)
        if line or self._line_view is not None:
            self.line_view.setVisible(line)
        self.diagram.setVisible(not line)
        self.output.setVisible(not line)
        self._preview_data(experiment)

    @staticmethod
    def shows_line(exp: Experiment) -> bool:
        """One straight line fitted with a squared error: the loss-surface view replaces the diagram and output."""
        return has_line(exp) and catalog.LOSSES[exp.loss].torch_name == "MSELoss"

    def _show_network(self, exp: Experiment) -> None:
        shape = self.layers.set_experiment(exp)
        if not plane_dims(exp):
            self.diagram.set_note(self.tr(NOT_2D_NOTE))
        elif shape is None:
            self.diagram.set_note(self.tr(NOT_MLP_NOTE))
        else:
            self.diagram.set_network(self._input_labels(exp), [h.units for h in shape.hidden],
                                     [activation_text(h.activation) for h in shape.hidden], self._class_names(exp))

    def _input_labels(self, exp: Experiment) -> list[str]:
        ds = exp.dataset
        if ds.name == "csv":
            return list(ds.csv_features)
        return [FEATURE_LABELS[f] for f in usable_features(ds.features, generated.RAW_DIMS[ds.name])]

    def _class_names(self, exp: Experiment) -> list[str]:
        """The output neurons' names. A CSV file's classes are read off the GUI thread (by the import dialog,
        a run, or `_read_csv_classes`); until they are known the outputs are numbered."""
        ds = exp.dataset
        if ds.name == "csv":
            if ds.csv_task == "regression":
                return [self.tr("value")]
            known = self._csv_classes.get((ds.csv_path, ds.csv_target))
            if known is None:
                self._read_csv_classes(ds)
            return known or ["0", "1"]
        info = registry.dataset_info(ds)
        if info.task == "regression":
            return [self.tr("value")]
        return [self.tr(CLASS_COLOURS.get(name, name)) for name in info.class_names]

    def _read_csv_classes(self, spec) -> None:
        from playground.ui.background import BackgroundRunner

        if self._facts is None:
            self._facts = BackgroundRunner("Playground2DFacts", self)
            self._facts.finished.connect(self._csv_classes_read)
        self._facts.submit(registry.dataset_info, dataclasses.replace(spec), tag=(spec.csv_path, spec.csv_target))

    def _csv_classes_read(self, key, info) -> None:
        self._note_csv_classes(*key, info.class_names)

    def _note_csv_classes(self, path: str, target: str, class_names: list[str]) -> None:
        if self._csv_classes.get((path, target)) != class_names:
            self._csv_classes[(path, target)] = list(class_names)
            self._show_network(self.experiment)

    def import_csv(self) -> None:
        from playground.ui.playground2d.csv_dialog import CsvImportDialog

        ds = self.experiment.dataset
        dialog = CsvImportDialog(self, ds.csv_path, ds.csv_features, ds.csv_target, ds.csv_task)
        if dialog.exec():
            self.apply_csv(*dialog.values())

    def apply_csv(self, path: str, features: list[str], target: str, task: str, class_names: list[str]) -> None:
        """Train on the file's columns; the dialog has read the file already, so its classes come along."""
        self._csv_classes[(path, target)] = list(class_names)
        new = edits.use_csv(self.experiment, path, features, target, task, class_names)
        self.edited.emit(self.tr("Import {file}").format(file=path.rsplit('/', 1)[-1]), new, "")

    def _preview_data(self, exp: Experiment) -> None:
        """Show the data before any run: the same points and split the next run will train on."""
        ds = exp.dataset
        dims = plane_dims(exp)
        if not dims:
            self._plane = None
            self._pending_frame = None
            self.output.clear()  # an image dataset: no earlier run's boundary or losses stay behind
            return
        if ds.name not in generated.RAW_DIMS:
            return  # a CSV file is read by the run, not on the GUI thread
        info = registry.dataset_info(ds)
        points, targets = generated.generate(ds.name, ds.samples, ds.noise, exp.seed)
        train_idx, val_idx = registry.split_indices(ds, len(points), exp.seed)
        features = usable_features(ds.features, generated.RAW_DIMS[ds.name])
        self._show_data({
            "task": info.task, "class_names": self._class_names(exp),
            "train_points": points[train_idx], "train_targets": targets[train_idx],
            "test_points": points[val_idx], "test_targets": targets[val_idx], "features": features,
        }, plane_for(points, targets if dims == 1 else None, dims, tuple(features)))
        self.output.boundary.clear_frames()
        self.output.boundary.show_extent(self._plane.extent, dims)
        if self.shows_line(exp):
            x, y = points[train_idx][:, 0], targets[train_idx][:, 0]
            self.line_view.preview(x, y, catalog.LOSSES[exp.loss].sums, exp.optimizer.lr,
                                   plain_gradient_descent(exp, len(x)))

    def _show_data(self, data: dict, plane: Plane) -> None:
        self._plane = plane
        self.output.set_task(data["task"])
        self.output.boundary.set_data(data)
        if plane.raw_dims == 2:
            maps = apply_features(plane.grid_points(), list(plane.features) or ["x1", "x2"])
            n = int(np.sqrt(len(maps)))
            self.diagram.set_input_maps([maps[:, k].reshape(n, n)[::THUMB_STRIDE, ::THUMB_STRIDE]
                                         for k in range(maps.shape[1])])
        else:
            xs = plane.curve_xs()
            self.diagram.set_input_maps([apply_features(xs, [f])[:, 0] for f in plane.features or ("x1",)])

    # ================================================================== probe frames (GUI thread)
    def make_probe(self, experiment: Experiment) -> BoundaryProbe | None:
        """The run's probe factory (called on the training thread): None for data with no plane."""
        probe = BoundaryProbe.for_experiment(experiment)
        if probe is not None:
            probe.live = self.live.on_screen
        return probe

    def make_descent_probe(self, experiment: Experiment) -> DescentProbe | None:
        """The loss-surface view's probe factory (training thread): None unless the network is one line."""
        return DescentProbe.for_experiment(experiment)

    def handle_descent(self, payload: dict) -> None:
        if "error" in payload:
            self.message.setText(self.tr("The loss surface could not be drawn: {reason}").format(
                reason=payload["error"]))
            self.message.show()
            return
        self.line_view.handle(payload)

    def handle_frame(self, frame: dict) -> None:
        """The probe's frames: kept, and the newest drawn when the view is shown and ready for another
        (frames that arrive in between are not drawn; their losses still go on the sparkline)."""
        if "error" in frame:
            self.message.setText(self.tr("The 2-D view could not draw this run: {reason}").format(reason=frame["error"]))
            self.message.show()
            return
        self.frames_received += 1
        self.output.record_losses(frame)
        if "data" in frame:
            self._pending_data = frame
        self._pending_frame = frame
        self.live.request()

    def _draw_pending(self) -> None:
        data, frame = self._pending_data, self._pending_frame
        self._pending_data = self._pending_frame = None
        if data is not None and data is not frame:
            self._show_frame_data(data)
        if frame is not None:
            self._draw_frame(frame)

    def _draw_frame(self, frame: dict) -> None:
        self.message.hide()
        self._show_frame_data(frame)
        self.output.show_frame(frame)
        self.diagram.show_frame(frame)

    def _show_frame_data(self, frame: dict) -> None:
        if "data" in frame:
            data = frame["data"]
            ds = self.experiment.dataset
            if ds.name == "csv" and data.get("class_names"):
                self._note_csv_classes(ds.csv_path, ds.csv_target, data["class_names"])
            x0, x1, y0, y1 = frame["extent"]
            features = tuple(data["features"]) if ds.name != "csv" else ()
            self._show_data(data, Plane(x0, x1, y0, y1, frame["dims"], features))

    # ================================================================== training state
    def run_started(self) -> None:
        self._training = True
        self.data.set_training(True)
        self._set_editable(False)

    def run_finished(self, *_args) -> None:
        self._training = False
        self.data.set_training(False)
        self._set_editable(True)  # keeps the run's last picture; the next edit shows fresh data

    def _set_editable(self, editable: bool) -> None:
        for part in (self.data, self.features, self.layers):
            part.set_editable(editable)

    def shutdown(self) -> None:
        """Join the thread that reads CSV classes (the window calls this on close)."""
        if self._facts is not None:
            self._facts.close()


def install_playground2d(document, run, add_view) -> Playground2DPanel:
    """The "2-D playground" tab (`add_view(widget, title)`), wired to an ExperimentDocument and a TrainingRun;
    the caller connects `trainRequested` to whatever starts a run with its checks (the window's Train)."""
    panel = Playground2DPanel()
    # a short tab title: seven tabs fit a 1280-pixel window; the View menu and the tooltip say it in full
    add_view(panel, QCoreApplication.translate("Playground2DPanel", "2-D"),
             QCoreApplication.translate("Playground2DPanel", "2-D playground"))
    panel.edited.connect(lambda text, exp, key: document.apply_edit(text, exp, key or None))
    panel.stopRequested.connect(run.stop)
    document.experimentChanged.connect(panel.set_experiment)
    run.register_probe(PROBE_NAME, panel.make_probe, panel.handle_frame)
    run.register_probe(DESCENT_PROBE_NAME, panel.make_descent_probe, panel.handle_descent)
    run.runStarted.connect(panel.run_started)
    run.runFinished.connect(panel.run_finished)
    panel.set_experiment(document.experiment)
    return panel
