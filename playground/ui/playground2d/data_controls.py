"""The 2-D playground's data and training controls, and its column of input features.

Both widgets show an experiment (`set_experiment`) and turn each change into an edited copy, sent
as ``edited(undo text, experiment, merge key)``; the rules of each change live in
`playground.core.edits`, the facts about a dataset in `playground.data.registry`.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import edits, limits
from playground.core.experiment import Experiment
from playground.data import generated, registry
from playground.data.features import FEATURE_LABELS, FEATURE_NAMES, usable_features
from playground.ui.i18n import data_text
from playground.ui.widgets import push_button, row, value_combo

DATASETS_2D = [*generated.CLASSIFICATION, *generated.REGRESSION]
REGULARIZATIONS = [("None", QT_TRANSLATE_NOOP("DataControls", "None")), ("L1", "L1"), ("L2", "L2")]


def _select_value(combo: QComboBox, value: float) -> None:
    """Select `value`, adding it first when the list lacks it (a value typed elsewhere, or from a file)."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(f"{value:g}", value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class DataControls(QGroupBox):
    """Dataset, noise, train/test ratio, batch size, new data, a CSV file; learning rate and regularization;
    the view's check boxes and its Train button."""

    edited = Signal(str, object, str)  # undo text, new Experiment, merge key ('' = its own undo step)
    showTestToggled = Signal(bool)
    discretizeToggled = Signal(bool)
    trainClicked = Signal()
    importClicked = Signal()  # CSV…

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Data and training"), parent)
        self.experiment = Experiment()
        self._syncing = False
        grid = QGridLayout(self)
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
        self.batch_spin.setRange(*limits.BATCH_SIZE)
        self.batch_spin.valueChanged.connect(self._batch_changed)
        pair(3, 0, self.tr("Batch size"), self.batch_spin)

        self.regenerate_button = push_button(
            self.tr("New data"), "regenerateButton", self.tr("New random data (and new starting weights): the next "
                                                             "seed"), self._regenerate)
        self.import_button = push_button(
            self.tr("CSV…"), "importCsvButton", self.tr("Train on your own CSV file: choose its feature and label "
                                                        "columns"), self.importClicked)
        grid.addLayout(row(self.regenerate_button, self.import_button), 3, 2, 1, 2)

        checks = QHBoxLayout()
        self.show_test_check = QCheckBox(self.tr("Show test data"))
        self.show_test_check.setObjectName("showTestCheck")
        self.show_test_check.toggled.connect(self.showTestToggled)
        self.discretize_check = QCheckBox(self.tr("Discretize output"))
        self.discretize_check.setObjectName("discretizeCheck")
        self.discretize_check.toggled.connect(self.discretizeToggled)
        checks.addWidget(self.show_test_check)
        checks.addWidget(self.discretize_check)
        checks.addStretch(1)
        self.train_button = push_button(self.tr("▶ Train"), "playground2dTrainButton", self.tr(
            "Train (or stop) the current experiment, as the Train button does"), self.trainClicked)
        checks.addWidget(self.train_button)
        grid.addLayout(checks, 4, 0, 1, 4)

        self.lr_combo = value_combo("learningRateCombo", limits.PLAYGROUND_LEARNING_RATES, self._lr_chosen)
        pair(0, 1, self.tr("Learning rate"), self.lr_combo)
        self.reg_combo = QComboBox()
        self.reg_combo.setObjectName("regularizationCombo")
        for kind, text in REGULARIZATIONS:
            self.reg_combo.addItem(self.tr(text), kind)
        self.reg_combo.setToolTip(self.tr("L1 adds rate·Σ|w| to the loss, L2 adds rate·Σw² (weights only, not "
                                          "biases)"))
        self.reg_combo.activated.connect(self._regularization_chosen)
        pair(1, 1, self.tr("Regularization"), self.reg_combo)
        self.reg_rate_combo = value_combo("regularizationRateCombo", limits.PLAYGROUND_PENALTY_RATES,
                                          self._regularization_chosen)
        pair(2, 1, self.tr("Rate"), self.reg_rate_combo)
        for column in (1, 3):
            grid.setColumnStretch(column, 1)

    # ------------------------------------------------------------------ experiment → widgets
    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        self._syncing = True
        try:
            self._sync(exp)
        finally:
            self._syncing = False

    def _sync(self, exp: Experiment) -> None:
        ds = exp.dataset
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
        _select_value(self.lr_combo, exp.optimizer.lr)
        kind = "L1" if exp.l1 else "L2" if exp.l2 else "None"
        self.reg_combo.setCurrentIndex(self.reg_combo.findData(kind))
        _select_value(self.reg_rate_combo, exp.l1 or exp.l2)
        self.reg_rate_combo.setEnabled(kind != "None")

    def set_editable(self, editable: bool) -> None:
        for widget in (self.dataset_combo, self.noise_slider, self.ratio_slider, self.batch_spin,
                       self.regenerate_button, self.import_button, self.lr_combo, self.reg_combo,
                       self.reg_rate_combo):
            widget.setEnabled(editable)
        if editable:
            self.set_experiment(self.experiment)  # what only some data enables (noise, the ratio) again

    def set_training(self, training: bool) -> None:
        self.train_button.setText(self.tr("■ Stop") if training else self.tr("▶ Train"))

    # ------------------------------------------------------------------ widgets → edits
    def _edit(self, text: str, new: Experiment, merge_key: str = "") -> None:
        if not self._syncing:
            self.edited.emit(text, new, merge_key)

    def _dataset_chosen(self, index: int) -> None:
        name = self.dataset_combo.itemData(index)
        exp = self.experiment
        if name == exp.dataset.name or name is None:
            return
        info = registry.dataset_info(dataclasses.replace(exp.dataset, name=name))
        new = edits.use_point_dataset(exp, name, info.output_size, info.task)
        self._edit(self.tr("Dataset {name}").format(name=data_text(registry.DATASET_LABELS.get(name, name))), new)

    def _noise_changed(self, value: int) -> None:
        self.noise_label.setText(self.tr("Noise {value}").format(value=value))
        new = self.experiment.copy()
        new.dataset.noise = value / 100
        self._edit(self.tr("Noise"), new, "playground2d.noise")

    def _ratio_changed(self, value: int) -> None:
        self.ratio_label.setText(self.tr("Training {percent}%").format(percent=value))
        new = self.experiment.copy()
        new.dataset.val_split = round(min(0.9, 1 - value / 100), 4)
        self._edit(self.tr("Train/test ratio"), new, "playground2d.ratio")

    def _batch_changed(self, value: int) -> None:
        new = self.experiment.copy()
        new.dataset.batch_size = value
        self._edit(self.tr("Batch size"), new, "playground2d.batch")

    def _regenerate(self) -> None:
        new = self.experiment.copy()
        new.seed = (new.seed + 1) % (2**31 - 1)
        self._edit(self.tr("Regenerate data (seed {seed})").format(seed=new.seed), new)

    def _lr_chosen(self, index: int) -> None:
        new = self.experiment.copy()
        new.optimizer.lr = float(self.lr_combo.itemData(index))
        self._edit(self.tr("Learning rate {lr}").format(lr=f"{new.optimizer.lr:g}"), new)

    def _regularization_chosen(self, _index: int = 0) -> None:
        kind = self.reg_combo.currentData()
        new = edits.set_regularization(self.experiment, kind, float(self.reg_rate_combo.currentData() or 0.0))
        self._edit(self.tr("Regularization") if kind == "None"
                   else self.tr("{kind} regularization {rate}").format(kind=kind, rate=f"{new.l1 or new.l2:g}"), new)


class FeatureButtons(QGroupBox):
    """TensorFlow Playground's input column: x₁, x₂, x₁², … as toggles; at least one stays on."""

    edited = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Features"), parent)
        self.experiment = Experiment()
        self._syncing = False
        self._editable = True
        self.setFixedWidth(66)
        self.setStyleSheet("QToolButton:checked { background: #0877bd; color: white; border: 1px solid #065a8f;"
                           " border-radius: 3px; }")
        column = QVBoxLayout(self)
        column.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for name in FEATURE_NAMES:
            button = QToolButton()
            button.setText(FEATURE_LABELS[name])
            button.setObjectName(f"feature:{name}")
            button.setCheckable(True)
            button.setToolTip(self.tr("Feed {feature} to the network").format(feature=FEATURE_LABELS[name]))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(28)
            button.toggled.connect(lambda on, n=name: self._toggled(n, on))
            column.addWidget(button)
            self.buttons[name] = button
        column.addStretch(1)
        self.csv_label = QLabel()
        self.csv_label.setWordWrap(True)
        column.addWidget(self.csv_label)

    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        ds = exp.dataset
        generated_data = ds.name in generated.RAW_DIMS
        raw_dims = generated.RAW_DIMS.get(ds.name, 0)
        usable = usable_features(ds.features, raw_dims) if generated_data else []
        self._syncing = True
        try:
            for name, button in self.buttons.items():
                button.setChecked(generated_data and name in ds.features)
                button.setEnabled(self._editable and generated_data and usable_features([name], raw_dims) == [name])
            if len([f for f in ds.features if f in usable]) == 1:
                self.buttons[usable[0]].setEnabled(False)  # the network needs at least one input
        finally:
            self._syncing = False
        self.csv_label.setText(", ".join(ds.csv_features) if ds.name == "csv" else "")

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.set_experiment(self.experiment)

    def _toggled(self, name: str, on: bool) -> None:
        if self._syncing:
            return
        new = self.experiment.copy()
        chosen = set(new.dataset.features) | {name} if on else set(new.dataset.features) - {name}
        if not chosen:
            self._syncing = True
            self.buttons[name].setChecked(True)
            self._syncing = False
            return
        new.dataset.features = [f for f in FEATURE_NAMES if f in chosen]
        self.edited.emit((self.tr("Use input {feature}") if on else self.tr("Drop input {feature}")).format(
            feature=FEATURE_LABELS[name]), new, "")
