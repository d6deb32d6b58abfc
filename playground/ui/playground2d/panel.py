"""The 2-D playground tab: TensorFlow Playground's page, over the app's experiment and real PyTorch.

Left: the data (dataset, noise, train/test ratio, batch size, regenerate, your own CSV) and the
input features. Middle: the hidden layers (+/− layers and neurons, an activation each) above the
network diagram. Right: train and test loss with a sparkline, and the plane — the decision
boundary, or the fitted curve for 1-D regression.

Every control edits a copy of the experiment and hands it to ``host.apply_edit``, so edits are
undoable with the rest of the app. The pictures come from `BoundaryProbe` frames computed on the
training thread; before a run the panel shows the data itself (generating 2-D points is a few
hundred numpy values, not tensor work).

``host`` is the MainWindow, or anything with its members: ``experiment``, ``experimentChanged``,
``apply_edit(text, experiment, merge_key=None)``, ``register_probe(name, factory, handler)``;
optional ``runStarted`` / ``runFinished`` (lock the shape while training) and ``start_training`` /
``stop_training`` / ``is_training`` (the panel's own Train button).
"""

from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.experiment import Experiment
from playground.data import generated, registry
from playground.data.features import FEATURE_LABELS, FEATURE_NAMES, apply_features, usable_features
from playground.ui.i18n import data_text
from playground.ui.playground2d import mlp as shapes
from playground.ui.playground2d.boundary_view import BoundaryView
from playground.ui.playground2d.network_diagram import NetworkDiagram
from playground.ui.playground2d.probes import (
    THUMB_STRIDE,
    BoundaryProbe,
    Plane,
    plane_dims,
    plane_for,
)

PROBE_NAME = "playground2d.boundary"
DATASETS_2D = [*generated.CLASSIFICATION, *generated.REGRESSION]
LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REG_RATES = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REGULARIZATIONS = [("None", QT_TRANSLATE_NOOP("Playground2DPanel", "None")), ("L1", "L1"), ("L2", "L2")]
NOT_MLP_NOTE = QT_TRANSLATE_NOOP("Playground2DPanel", "This network is not a plain stack of Linear layers and "
                                 "activations, so it is not drawn here. Edit it in the network view, or open the "
                                 "Spiral preset for a TensorFlow-Playground network.")
NOT_2D_NOTE = QT_TRANSLATE_NOOP("Playground2DPanel", "The 2-D playground draws 2-D and 1-D data. Choose one of its "
                                "datasets above, or import a CSV file with one or two feature columns.")


def _task(experiment: Experiment) -> str:
    ds = experiment.dataset
    if ds.name == "csv":
        return ds.csv_task
    return "regression" if ds.name in generated.REGRESSION else "classification"


def _output_size(experiment: Experiment) -> int:
    ds = experiment.dataset
    if _task(experiment) == "regression":
        return 1
    if ds.name == "csv":
        from playground.data.csv_import import peek_classes

        return max(2, len(peek_classes(ds)))
    return 2


def _class_names(experiment: Experiment) -> list[str]:
    if _task(experiment) == "regression":
        return [QCoreApplication.translate("Playground2DPanel", "value")]
    if experiment.dataset.name == "csv":
        from playground.data.csv_import import peek_classes

        return peek_classes(experiment.dataset) or ["0", "1"]
    return [QCoreApplication.translate("Playground2DPanel", "orange"),
            QCoreApplication.translate("Playground2DPanel", "blue")]


def _loss_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if value >= 0.001 or value == 0 else f"{value:.1e}"


def _small_button(text: str, name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setFixedSize(24, 24)
    return button


class Playground2DPanel(QWidget):
    def __init__(self, host, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playground2dPanel")
        self.host = host
        self._syncing = False
        self._training = False
        self.frames_received = 0
        self.layer_controls: list[dict] = []
        self._on_screen = threading.Event()  # read by the run's probe on the training thread
        self._pending_frame: dict | None = None  # the newest frame that arrived while the tab was hidden
        self._loss_history: list = []
        self._build()
        host.experimentChanged.connect(self.set_experiment)
        host.register_probe(PROBE_NAME, self._make_probe, self.handle_frame)
        for signal, slot in (("runStarted", self._run_started), ("runFinished", self._run_finished)):
            if hasattr(host, signal):
                getattr(host, signal).connect(slot)
        self.set_experiment(host.experiment)

    # ================================================================== building
    def _build(self) -> None:
        # sized for the window's central tabs at 1280×800 (about 500 px wide): the data and training
        # controls on top, then features | network | output side by side
        root = QVBoxLayout(self)
        root.setContentsMargins(4, 4, 4, 4)
        root.setSpacing(4)
        root.addWidget(self._build_controls())
        main = QHBoxLayout()
        main.setSpacing(6)
        main.addWidget(self._build_features_column())
        main.addWidget(self._build_network_column(), 3)
        main.addWidget(self._build_output_column(), 2)
        root.addLayout(main, 1)

    def _build_controls(self) -> QWidget:
        box = QGroupBox(self.tr("Data and training"))
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)

        def pair(row: int, column: int, label, widget: QWidget) -> None:
            grid.addWidget(label if isinstance(label, QLabel) else QLabel(label), row, 2 * column)
            grid.addWidget(widget, row, 2 * column + 1)

        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("datasetCombo")
        for name in DATASETS_2D:
            self.dataset_combo.addItem(data_text(registry.DATASET_LABELS.get(name, name)), name)
        self.dataset_combo.activated.connect(self._dataset_chosen)
        pair(0, 0, self.tr("Dataset"), self.dataset_combo)

        self.noise_slider = QSlider(Qt.Orientation.Horizontal)
        self.noise_slider.setObjectName("noiseSlider")
        self.noise_slider.setRange(0, 50)
        self.noise_slider.setToolTip(self.tr("Noise added to the generated points (0–50%)"))
        self.noise_label = QLabel()
        self.noise_slider.valueChanged.connect(self._noise_changed)
        pair(1, 0, self.noise_label, self.noise_slider)

        self.ratio_slider = QSlider(Qt.Orientation.Horizontal)
        self.ratio_slider.setObjectName("trainRatioSlider")
        self.ratio_slider.setRange(10, 100)
        self.ratio_slider.setSingleStep(5)
        self.ratio_slider.setPageStep(10)
        self.ratio_slider.setToolTip(self.tr("Share of the data used for training; the rest is the test data"))
        self.ratio_label = QLabel()
        self.ratio_slider.valueChanged.connect(self._ratio_changed)
        pair(2, 0, self.ratio_label, self.ratio_slider)

        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("batchSizeSpin")
        self.batch_spin.setRange(1, 65536)
        self.batch_spin.valueChanged.connect(self._batch_changed)
        pair(3, 0, self.tr("Batch size"), self.batch_spin)

        buttons = QHBoxLayout()
        self.regenerate_button = QPushButton(self.tr("New data"))
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(self.tr("New random data (and new starting weights): the next seed"))
        self.regenerate_button.clicked.connect(self._regenerate)
        self.import_button = QPushButton(self.tr("CSV…"))
        self.import_button.setObjectName("importCsvButton")
        self.import_button.setToolTip(self.tr("Train on your own CSV file: choose its feature and label columns"))
        self.import_button.clicked.connect(self.import_csv)
        buttons.addWidget(self.regenerate_button)
        buttons.addWidget(self.import_button)
        grid.addLayout(buttons, 3, 2, 1, 2)

        checks = QHBoxLayout()
        self.show_test_check = QCheckBox(self.tr("Show test data"))
        self.show_test_check.setObjectName("showTestCheck")
        self.show_test_check.toggled.connect(lambda on: self.boundary.set_show_test(on))
        self.discretize_check = QCheckBox(self.tr("Discretize output"))
        self.discretize_check.setObjectName("discretizeCheck")
        self.discretize_check.toggled.connect(lambda on: self.boundary.set_discretize(on))
        checks.addWidget(self.show_test_check)
        checks.addWidget(self.discretize_check)
        checks.addStretch(1)
        self.train_button = QPushButton(self.tr("▶ Train"))
        self.train_button.setToolTip(self.tr("Train (or stop) the current experiment, as the Train button does"))
        self.train_button.setObjectName("playground2dTrainButton")
        self.train_button.clicked.connect(self._train_clicked)
        self.train_button.setVisible(hasattr(self.host, "start_training"))
        checks.addWidget(self.train_button)
        grid.addLayout(checks, 4, 0, 1, 4)

        self.lr_combo = QComboBox()
        self.lr_combo.setObjectName("learningRateCombo")
        for lr in LEARNING_RATES:
            self.lr_combo.addItem(f"{lr:g}", lr)
        self.lr_combo.activated.connect(self._lr_chosen)
        pair(0, 1, self.tr("Learning rate"), self.lr_combo)
        self.reg_combo = QComboBox()
        self.reg_combo.setObjectName("regularizationCombo")
        for kind, text in REGULARIZATIONS:
            self.reg_combo.addItem(self.tr(text), kind)
        self.reg_combo.setToolTip(self.tr("L1 adds rate·Σ|w| to the loss, L2 adds rate·Σw² (weights only, not "
                                          "biases)"))
        self.reg_combo.activated.connect(self._regularization_chosen)
        pair(1, 1, self.tr("Regularization"), self.reg_combo)
        self.reg_rate_combo = QComboBox()
        self.reg_rate_combo.setObjectName("regularizationRateCombo")
        for rate in REG_RATES:
            self.reg_rate_combo.addItem(f"{rate:g}", rate)
        self.reg_rate_combo.activated.connect(self._regularization_chosen)
        pair(2, 1, self.tr("Rate"), self.reg_rate_combo)
        for column in (1, 3):
            grid.setColumnStretch(column, 1)
        return box

    def _build_features_column(self) -> QWidget:
        box = QGroupBox(self.tr("Features"))
        box.setFixedWidth(66)
        box.setStyleSheet("QToolButton:checked { background: #0877bd; color: white; border: 1px solid #065a8f;"
                          " border-radius: 3px; }")
        column = QVBoxLayout(box)
        column.setSpacing(4)
        self.feature_buttons: dict[str, QToolButton] = {}
        for name in FEATURE_NAMES:
            button = QToolButton()
            button.setText(FEATURE_LABELS[name])
            button.setObjectName(f"feature:{name}")
            button.setCheckable(True)
            button.setToolTip(self.tr("Feed {feature} to the network").format(feature=FEATURE_LABELS[name]))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(28)
            button.toggled.connect(lambda on, n=name: self._feature_toggled(n, on))
            column.addWidget(button)
            self.feature_buttons[name] = button
        column.addStretch(1)
        self.csv_features_label = QLabel()
        self.csv_features_label.setWordWrap(True)
        column.addWidget(self.csv_features_label)
        return box

    def _build_network_column(self) -> QWidget:
        widget = QWidget()
        column = QVBoxLayout(widget)
        column.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.add_layer_button = _small_button("+", "addLayerButton", self.tr("Add a hidden layer"))
        self.remove_layer_button = _small_button("−", "removeLayerButton", self.tr("Remove the last hidden layer"))
        self.add_layer_button.clicked.connect(self.add_layer)
        self.remove_layer_button.clicked.connect(self.remove_layer)
        self.layers_label = QLabel()
        self.layers_label.setObjectName("hiddenLayersLabel")
        header.addWidget(self.add_layer_button)
        header.addWidget(self.remove_layer_button)
        header.addWidget(self.layers_label)
        header.addStretch(1)
        column.addLayout(header)
        self.layers_row = QHBoxLayout()
        self.layers_row.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.layers_row)
        self.layers_row.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # many hidden layers scroll sideways instead of widening the window
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedHeight(66)
        column.addWidget(scroll)
        self.diagram = NetworkDiagram()
        column.addWidget(self.diagram, 1)
        self.message = QLabel()
        self.message.setObjectName("playground2dMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        column.addWidget(self.message)
        return widget

    def _build_output_column(self) -> QWidget:
        box = QGroupBox(self.tr("Output"))
        box.setMinimumWidth(200)
        column = QVBoxLayout(box)
        losses = QGridLayout()
        self.train_loss_label = QLabel(self.tr("Training loss {loss}").format(loss="—"))
        self.train_loss_label.setObjectName("trainLossLabel")
        self.test_loss_label = QLabel(self.tr("Test loss {loss}").format(loss="—"))
        self.test_loss_label.setObjectName("testLossLabel")
        losses.addWidget(self.test_loss_label, 0, 0)
        losses.addWidget(self.train_loss_label, 1, 0)
        self.sparkline = pg.PlotWidget(background="w")
        self.sparkline.setObjectName("lossSparkline")
        self.sparkline.setFixedHeight(46)
        self.sparkline.setMinimumWidth(40)
        self.sparkline.hideAxis("bottom")
        self.sparkline.hideAxis("left")
        self.sparkline.setMouseEnabled(x=False, y=False)
        self.sparkline.setMenuEnabled(False)
        self.sparkline.getPlotItem().hideButtons()
        self.test_curve = self.sparkline.plot(pen=pg.mkPen(30, 30, 30, width=1.5))
        self.train_curve = self.sparkline.plot(pen=pg.mkPen(150, 150, 150, width=1.5))
        losses.addWidget(self.sparkline, 0, 1, 2, 1)
        losses.setColumnStretch(1, 1)
        column.addLayout(losses)
        self.boundary = BoundaryView()
        column.addWidget(self.boundary, 1)
        self.linear_label = QLabel()
        self.linear_label.setObjectName("linearLabel")
        self.linear_label.setStyleSheet("font-size: 15px;")
        self.linear_label.hide()
        column.addWidget(self.linear_label)
        legend = QLabel("<span style='color:#f59322'>■</span> " + self.tr("class 0 / negative")
                        + "<br><span style='color:#0877bd'>■</span> " + self.tr("class 1 / positive"))
        legend.setStyleSheet("color: #555;")
        column.addWidget(legend)
        column.addStretch(0)
        self._loss_history: list[tuple[int, float | None, float | None]] = []
        return box

    # ================================================================== experiment → widgets
    @property
    def experiment(self) -> Experiment:
        return self.host.experiment

    def set_experiment(self, experiment: Experiment) -> None:
        self._syncing = True
        try:
            self._sync_data_controls(experiment)
            self._sync_network(experiment)
        finally:
            self._syncing = False
        self._preview_data(experiment)

    def _sync_data_controls(self, exp: Experiment) -> None:
        ds = exp.dataset
        drawable = plane_dims(exp) > 0
        index = self.dataset_combo.findData(ds.name)
        if index < 0 and ds.name == "csv":
            self.dataset_combo.addItem(self.tr("Your data (CSV)"), "csv")
            index = self.dataset_combo.findData("csv")
        self.dataset_combo.setCurrentIndex(index)  # -1 (blank) for images
        generated_data = ds.name in generated.RAW_DIMS
        self.noise_slider.setValue(round(ds.noise * 100))
        self.noise_label.setText(self.tr("Noise {value}").format(value=round(ds.noise * 100)))
        self.noise_slider.setEnabled(generated_data)
        ratio = round((1 - ds.val_split) * 100)
        self.ratio_slider.setValue(ratio)
        self.ratio_label.setText(self.tr("Training {percent}%").format(percent=ratio))
        self.ratio_slider.setEnabled(ds.name != "linear-9")
        self.batch_spin.setValue(ds.batch_size)
        self.regenerate_button.setEnabled(generated_data)
        raw_dims = generated.RAW_DIMS.get(ds.name, 0)
        for name, button in self.feature_buttons.items():
            button.setChecked(generated_data and name in ds.features)
            button.setEnabled(generated_data and usable_features([name], raw_dims) == [name]
                              and not self._training)
        if generated_data and len([f for f in ds.features if f in usable_features(ds.features, raw_dims)]) == 1:
            only = usable_features(ds.features, raw_dims)[0]
            self.feature_buttons[only].setEnabled(False)  # the network needs at least one input
        self.csv_features_label.setText(", ".join(ds.csv_features) if ds.name == "csv" else "")
        lr_index = self.lr_combo.findData(exp.optimizer.lr)
        if lr_index < 0:
            self.lr_combo.addItem(f"{exp.optimizer.lr:g}", exp.optimizer.lr)
            lr_index = self.lr_combo.count() - 1
        self.lr_combo.setCurrentIndex(lr_index)
        kind = "L1" if exp.l1 else "L2" if exp.l2 else "None"
        self.reg_combo.setCurrentIndex(self.reg_combo.findData(kind))
        rate = exp.l1 or exp.l2
        rate_index = self.reg_rate_combo.findData(rate)
        if rate_index < 0:
            self.reg_rate_combo.addItem(f"{rate:g}", rate)
            rate_index = self.reg_rate_combo.count() - 1
        self.reg_rate_combo.setCurrentIndex(rate_index)
        self.reg_rate_combo.setEnabled(kind != "None")
        if not drawable:
            self.diagram.set_note(self.tr(NOT_2D_NOTE))

    def _input_labels(self, exp: Experiment) -> list[str]:
        ds = exp.dataset
        if ds.name == "csv":
            return list(ds.csv_features)
        return [FEATURE_LABELS[f] for f in usable_features(ds.features, generated.RAW_DIMS[ds.name])]

    def _sync_network(self, exp: Experiment) -> None:
        mlp = shapes.read_mlp(exp.layers)
        editable = mlp is not None and not self._training
        self.add_layer_button.setEnabled(editable)
        self.remove_layer_button.setEnabled(editable and bool(mlp.hidden))
        while self.layers_row.count():
            item = self.layers_row.takeAt(0)
            widget = item.widget()
            if widget is not None:  # hidden at once (a screenshot may come before the deferred delete)
                widget.hide()
                widget.deleteLater()
        self.layer_controls = []
        if mlp is None:
            self.layers_label.setText(self.tr("Not a plain Linear/activation network"))
            if plane_dims(exp):
                self.diagram.set_note(self.tr(NOT_MLP_NOTE))
            return
        count = len(mlp.hidden)
        self.layers_label.setText(self.tr("{count} hidden layer").format(count=count) if count == 1
                                  else self.tr("{count} hidden layers").format(count=count))
        for i, layer in enumerate(mlp.hidden):
            self.layers_row.addWidget(self._layer_widget(i, layer, editable))
        self.layers_row.addStretch(1)
        if plane_dims(exp):
            self.diagram.set_network(self._input_labels(exp), [h.units for h in mlp.hidden],
                                     [self._activation_text(h.activation) for h in mlp.hidden], _class_names(exp))

    def _activation_text(self, name: str) -> str:
        """Catalog activations are names (ReLU, Tanh); "linear", no activation, is a word."""
        return self.tr("linear") if name == shapes.LINEAR else name

    def _layer_widget(self, index: int, layer: shapes.HiddenLayer, editable: bool) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(2)
        plus = _small_button("+", f"layer{index}AddNeuron",
                             self.tr("One more neuron in hidden layer {number}").format(number=index + 1))
        minus = _small_button("−", f"layer{index}RemoveNeuron",
                              self.tr("One neuron fewer in hidden layer {number}").format(number=index + 1))
        plus.clicked.connect(lambda: self.change_units(index, +1))
        minus.clicked.connect(lambda: self.change_units(index, -1))
        plus.setEnabled(editable)
        minus.setEnabled(editable and layer.units > 1)
        units = QLabel(str(layer.units))
        units.setToolTip(self.tr("{count} neuron").format(count=layer.units) if layer.units == 1
                         else self.tr("{count} neurons").format(count=layer.units))
        combo = QComboBox()
        combo.setObjectName(f"layer{index}Activation")
        for name in [*shapes.HIDDEN_ACTIVATIONS, shapes.LINEAR]:
            combo.addItem(self._activation_text(name), name)
        combo.setCurrentIndex(combo.findData(layer.activation))
        combo.setEnabled(editable)
        combo.setMaximumWidth(96)
        combo.setToolTip(self.tr("Activation of hidden layer {number}").format(number=index + 1))
        combo.activated.connect(lambda _i, c=combo: self.change_activation(index, c.currentData()))
        grid.addWidget(plus, 0, 0)
        grid.addWidget(minus, 0, 1)
        grid.addWidget(units, 0, 2)
        grid.addWidget(combo, 1, 0, 1, 3)
        self.layer_controls.append({"plus": plus, "minus": minus, "units": units, "activation": combo})
        return box

    def _preview_data(self, exp: Experiment) -> None:
        """Show the data before any run: the same points and split the next run will train on."""
        ds = exp.dataset
        dims = plane_dims(exp)
        if ds.name not in generated.RAW_DIMS or not dims:
            return  # a CSV file is read by the run, not on the GUI thread
        points, targets = generated.generate(ds.name, ds.samples, ds.noise, exp.seed)
        train_idx, val_idx = registry.split_indices(ds, len(points), exp.seed)
        features = usable_features(ds.features, generated.RAW_DIMS[ds.name])
        self._show_data({
            "task": _task(exp), "class_names": _class_names(exp),
            "train_points": points[train_idx], "train_targets": targets[train_idx],
            "test_points": points[val_idx], "test_targets": targets[val_idx], "features": features,
        }, plane_for(points, targets if dims == 1 else None, dims, tuple(features)))
        self.boundary.clear_frames()
        self.boundary.show_extent(self._plane.extent, dims)

    def _show_data(self, data: dict, plane: Plane) -> None:
        self._plane = plane
        self.boundary.set_data(data)
        if plane.raw_dims == 2:
            maps = apply_features(plane.grid_points(), list(plane.features) or ["x1", "x2"])
            n = int(np.sqrt(len(maps)))
            self.diagram.set_input_maps([maps[:, k].reshape(n, n)[::THUMB_STRIDE, ::THUMB_STRIDE]
                                         for k in range(maps.shape[1])])
        else:
            xs = plane.curve_xs()
            self.diagram.set_input_maps([apply_features(xs, [f])[:, 0] for f in plane.features or ("x1",)])

    # ================================================================== probe frames (GUI thread)
    def _make_probe(self, experiment: Experiment) -> BoundaryProbe | None:
        probe = BoundaryProbe.for_experiment(experiment)
        if probe is not None:
            probe.live = self._on_screen
        return probe

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._on_screen.set()
        if self._pending_frame is not None:
            self._draw_frame(self._pending_frame)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._on_screen.clear()

    def handle_frame(self, frame: dict) -> None:
        if "error" in frame:
            self.message.setText(self.tr("The 2-D view could not draw this run: {reason}").format(reason=frame["error"]))
            self.message.show()
            return
        self.frames_received += 1
        if "data" in frame:
            self._loss_history = []
        train, test = frame.get("train_loss"), frame.get("test_loss")
        if frame["step"] >= 0 and (not self._loss_history or frame["step"] > self._loss_history[-1][0]):
            self._loss_history.append((frame["step"], train, test))
        if self.isVisible() or "data" in frame or frame.get("final"):
            self._draw_frame(frame)
        else:  # a hidden tab draws only the newest frame, when it is shown
            self._pending_frame = frame

    def _draw_frame(self, frame: dict) -> None:
        self._pending_frame = None
        self.message.hide()
        if "data" in frame:
            data = frame["data"]
            x0, x1, y0, y1 = frame["extent"]
            features = tuple(data["features"]) if self.experiment.dataset.name != "csv" else ()
            self._show_data(data, Plane(x0, x1, y0, y1, frame["dims"], features))
        self.boundary.show_frame(frame)
        self.diagram.show_frame(frame)
        self._show_losses(frame)
        self._show_linear(frame)

    def _show_losses(self, frame: dict) -> None:
        train, test = frame.get("train_loss"), frame.get("test_loss")
        self.train_loss_label.setText(self.tr("Training loss {loss}").format(loss=_loss_text(train)))
        self.test_loss_label.setText(self.tr("Test loss {loss}").format(loss=_loss_text(test)))
        steps = np.array([s for s, _, _ in self._loss_history], dtype=float)
        for curve, k in ((self.train_curve, 1), (self.test_curve, 2)):
            values = np.array([np.nan if h[k] is None else h[k] for h in self._loss_history], dtype=float)
            curve.setData(steps, values, connect="finite")

    def _show_linear(self, frame: dict) -> None:
        """The y = w·x + b lesson: one Linear(1, 1) — show its two numbers as they learn."""
        weights = frame.get("weights") or []
        if len(weights) == 1 and weights[0][0].shape == (1, 1):
            w = float(weights[0][0][0, 0])
            b = float(weights[0][1][0]) if weights[0][1] is not None else 0.0
            self.linear_label.setText(self.tr("y = w·x + b with  w = {w},  b = {b}").format(w=f"{w:.4f}", b=f"{b:.4f}"))
            self.linear_label.show()
        else:
            self.linear_label.hide()

    # ================================================================== edits (all through apply_edit)
    def _edit(self, text: str, new: Experiment, merge_key: str | None = None) -> None:
        if self._syncing:
            return
        if merge_key is not None:
            self.host.apply_edit(text, new, merge_key=merge_key)
        else:
            self.host.apply_edit(text, new)

    def _dataset_chosen(self, index: int) -> None:
        name = self.dataset_combo.itemData(index)
        exp = self.experiment
        if name == exp.dataset.name or name is None:
            return
        new = exp.copy()
        new.dataset.name = name
        if name == "linear-9":
            new.dataset.val_split = 0.0
        elif exp.dataset.name == "linear-9" or exp.dataset.name not in generated.RAW_DIMS:
            new.dataset.val_split = 0.5
        if exp.dataset.name not in generated.RAW_DIMS:  # from images: a small batch suits 500 points
            new.dataset.batch_size = min(exp.dataset.batch_size, 25)
        new = shapes.fit_output_to_dataset(new, _output_size(new), _task(new))
        self._edit(self.tr("Dataset {name}").format(name=data_text(registry.DATASET_LABELS.get(name, name))), new)

    def _noise_changed(self, value: int) -> None:
        self.noise_label.setText(self.tr("Noise {value}").format(value=value))
        new = self.experiment.copy()
        new.dataset.noise = value / 100
        self._edit(self.tr("Noise"), new, merge_key="playground2d.noise")

    def _ratio_changed(self, value: int) -> None:
        self.ratio_label.setText(self.tr("Training {percent}%").format(percent=value))
        new = self.experiment.copy()
        new.dataset.val_split = round(min(0.9, 1 - value / 100), 4)
        self._edit(self.tr("Train/test ratio"), new, merge_key="playground2d.ratio")

    def _batch_changed(self, value: int) -> None:
        new = self.experiment.copy()
        new.dataset.batch_size = value
        self._edit(self.tr("Batch size"), new, merge_key="playground2d.batch")

    def _regenerate(self) -> None:
        new = self.experiment.copy()
        new.seed = (new.seed + 1) % (2**31 - 1)
        self._edit(self.tr("Regenerate data (seed {seed})").format(seed=new.seed), new)

    def _feature_toggled(self, name: str, on: bool) -> None:
        if self._syncing:
            return
        new = self.experiment.copy()
        chosen = set(new.dataset.features) | {name} if on else set(new.dataset.features) - {name}
        if not chosen:
            self._syncing = True
            self.feature_buttons[name].setChecked(True)
            self._syncing = False
            return
        new.dataset.features = [f for f in FEATURE_NAMES if f in chosen]
        self._edit((self.tr("Use input {feature}") if on else self.tr("Drop input {feature}")).format(
            feature=FEATURE_LABELS[name]), new)

    def _lr_chosen(self, index: int) -> None:
        new = self.experiment.copy()
        new.optimizer.lr = float(self.lr_combo.itemData(index))
        self._edit(self.tr("Learning rate {lr}").format(lr=f"{new.optimizer.lr:g}"), new)

    def _regularization_chosen(self, _index: int = 0) -> None:
        kind = self.reg_combo.currentData()
        rate = float(self.reg_rate_combo.currentData() or 0.0)
        if kind != "None" and rate == 0.0:
            rate = 0.001  # choosing L1/L2 with a zero rate would change nothing
        new = self.experiment.copy()
        new.l1 = rate if kind == "L1" else 0.0
        new.l2 = rate if kind == "L2" else 0.0
        self._edit(self.tr("Regularization") if kind == "None"
                   else self.tr("{kind} regularization {rate}").format(kind=kind, rate=f"{rate:g}"), new)

    def _mlp_edit(self, text: str, change) -> None:
        mlp = shapes.read_mlp(self.experiment.layers)
        if mlp is None or self._training:
            return
        self._edit(text, shapes.with_layers(self.experiment, change(mlp)))

    def add_layer(self) -> None:
        self._mlp_edit(self.tr("Add hidden layer"), shapes.add_hidden_layer)

    def remove_layer(self) -> None:
        self._mlp_edit(self.tr("Remove hidden layer"), shapes.remove_hidden_layer)

    def change_units(self, index: int, delta: int) -> None:
        self._mlp_edit((self.tr("Add a neuron in hidden layer {number}") if delta > 0
                        else self.tr("Remove a neuron in hidden layer {number}")).format(number=index + 1),
                       lambda m: shapes.change_units(m, index, delta))

    def change_activation(self, index: int, activation: str) -> None:
        self._mlp_edit(self.tr("Hidden layer {number}: {activation}").format(
            number=index + 1, activation=self._activation_text(activation)),
                       lambda m: shapes.change_activation(m, index, activation))

    def import_csv(self) -> None:
        from playground.ui.playground2d.csv_dialog import CsvImportDialog

        ds = self.experiment.dataset
        dialog = CsvImportDialog(self, ds.csv_path, ds.csv_features, ds.csv_target, ds.csv_task)
        if dialog.exec():
            self.apply_csv(*dialog.values())

    def apply_csv(self, path: str, features: list[str], target: str, task: str) -> None:
        new = self.experiment.copy()
        new.dataset.name = "csv"
        new.dataset.csv_path, new.dataset.csv_features = path, list(features)
        new.dataset.csv_target, new.dataset.csv_task = target, task
        if self.experiment.dataset.name not in generated.RAW_DIMS and self.experiment.dataset.name != "csv":
            new.dataset.batch_size = min(new.dataset.batch_size, 25)
        if shapes.read_mlp(new.layers) is None:  # e.g. a CNN from MNIST: start from a small MLP
            new.layers = shapes.MlpShape([shapes.HiddenLayer(8), shapes.HiddenLayer(8)], 2).layers()
        new = shapes.fit_output_to_dataset(new, _output_size(new), task)
        self._edit(self.tr("Import {file}").format(file=path.rsplit('/', 1)[-1]), new)

    # ================================================================== training state
    def _train_clicked(self) -> None:
        if getattr(self.host, "is_training", lambda: False)():
            self.host.stop_training()
        else:
            self.host.start_training()

    def _run_started(self) -> None:
        self._training = True
        self.train_button.setText(self.tr("■ Stop"))
        self._set_editable(False)

    def _run_finished(self, _end=None) -> None:
        self._training = False
        self.train_button.setText(self.tr("▶ Train"))
        self._set_editable(True)  # keeps the run's last picture; the next edit shows fresh data

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.dataset_combo, self.noise_slider, self.ratio_slider, self.batch_spin,
                       self.regenerate_button, self.import_button, self.lr_combo, self.reg_combo,
                       self.reg_rate_combo, self.add_layer_button, self.remove_layer_button,
                       *self.feature_buttons.values()):
            widget.setEnabled(editable)
        for controls in self.layer_controls:
            for widget in controls.values():
                widget.setEnabled(editable)
        if editable:
            self._syncing = True
            try:
                self._sync_data_controls(self.experiment)
                self._sync_network(self.experiment)
            finally:
                self._syncing = False
