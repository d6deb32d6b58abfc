"""The training settings (dataset, loss, optimizer, learning rate, ...) and the run controls.

Every widget edits a copy of the experiment and hands it over through `edited`, so the main
window can push it on the undo stack; `set_experiment` redraws the widgets without echoing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog, edits, limits
from playground.core.experiment import Experiment
from playground.data import registry
from playground.ui.augment_panel import AugmentGroup, AugmentPreview
from playground.ui.help_panel import set_concept
from playground.ui.i18n import catalog_text, data_text, help_hint, message_text
from playground.ui.layer_editor import set_widget_value
from playground.ui.pace_control import PaceControl
from playground.ui.schedule_plot import ClipGroup, ScheduleGroup
from playground.ui.widgets import double_spin, framed_label

# the learning rates the box accepts: from the ladder's first step to the most an experiment may have
LR_MIN, LR_MAX = limits.LEARNING_RATE_LADDER[0], limits.LEARNING_RATE.high


class LogSpinBox(QDoubleSpinBox):
    """A learning-rate box: the arrows step 1-2-5 per decade; any value can be typed (1e-3 or 0.001)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(10)  # QDoubleSpinBox rounds to this; the text shows %g
        self.setRange(LR_MIN, LR_MAX)
        self.setKeyboardTracking(False)
        self._ladder = limits.LEARNING_RATE_LADDER

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        state = QValidator.State.Acceptable if LR_MIN <= value <= LR_MAX else QValidator.State.Intermediate
        return state, text, pos

    def stepBy(self, steps: int) -> None:
        value = self.value()
        ladder = self._ladder
        if steps > 0:
            above = [v for v in ladder if v > value * (1 + 1e-9)]
            index = min(len(above) - 1, steps - 1) if above else -1
            target = above[index] if above else ladder[-1]
        else:
            below = [v for v in ladder if v < value * (1 - 1e-9)]
            index = max(0, len(below) + steps) if below else 0
            target = below[index] if below else ladder[0]
        self.setValue(target)


def _combo(name: str, items: list[tuple[str, str, str]]) -> QComboBox:
    """items: (data, label, tooltip)."""
    combo = QComboBox()
    combo.setObjectName(name)
    # long labels ("Binary cross-entropy (with logits)") must not widen the whole panel
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    for data, label, tip in items:
        combo.addItem(label, data)
        combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    return combo


def _catalog_tip(entry) -> str:
    """A loss's, optimizer's or schedule's tooltip: summary, formula, and where to read more."""
    return "\n".join(t for t in (catalog_text(entry.summary), catalog_text(entry.formula), help_hint()) if t)


def _select(combo: QComboBox, data: str) -> None:
    combo.blockSignals(True)
    index = combo.findData(data)
    if index < 0:  # a value this machine does not offer (a file from a CUDA machine): still show it
        combo.addItem(data, data)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def _form_box(title: str, rows: list[tuple[str, QWidget]]) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = QFormLayout(box)
    for label, widget in rows:
        form.addRow(label, widget)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return box, form


def _int(name: str, low: int, high: int, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setKeyboardTracking(False)
    box.setGroupSeparatorShown(True)
    if special:
        box.setSpecialValueText(special)
    return box


class TrainingPanel(QWidget):
    edited = Signal(str, object, str)  # undo text, new Experiment, merge key
    messageLinkActivated = Signal(str)  # a link in the message under the controls was clicked
    conceptRequested = Signal(str)  # a Help → Concepts key (a warning's "Learn more")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.health_warnings: list = []
        self.experiment = Experiment()
        self._sample_images: dict[str, int] = {}  # dataset → images of the built-in sample its last run used

        # --- data
        self.dataset = _combo("datasetCombo", [])
        self.limit = _int("limitSpin", 0, 1_000_000, self.tr("all"))
        self.limit.setSingleStep(1000)
        self.limit.setToolTip(self.tr("Train on at most this many images (quick experiments); 'all' uses every "
                                      "image"))
        self.batch_size = _int("batchSizeSpin", 1, 65536)
        self.batch_size.setToolTip(self.tr("Samples per gradient step") + "\n" + help_hint())
        set_concept(self.batch_size, "idea:batch")
        # --- loss and optimizer
        self.loss = _combo("lossCombo", [(n, catalog_text(t.label), _catalog_tip(t))
                                         for n, t in catalog.LOSSES.items()])
        self.optimizer = _combo("optimizerCombo", [(n, t.label, _catalog_tip(t))
                                                   for n, t in catalog.OPTIMIZERS.items()])
        self.lr = LogSpinBox()
        self.lr.setObjectName("learningRateSpin")
        self.lr.setToolTip(self.tr("Learning rate η: the arrows step 1-2-5 per decade (1e-5 … 10); type any "
                                   "value") + "\n" + help_hint())
        set_concept(self.lr, "idea:learning-rate")
        self.momentum = double_spin("momentumSpin", 0.0, 0.9999, 4, 0.05)
        self.momentum.setToolTip(self.tr("Momentum μ: how much of the previous step each step keeps")
                                 + "\n" + help_hint())
        set_concept(self.momentum, "optimizer:sgd")
        self.nesterov = QCheckBox("Nesterov")
        self.nesterov.setObjectName("nesterovCheck")
        self.nesterov.setToolTip(self.tr("Look ahead along the momentum before taking the gradient (needs "
                                         "momentum > 0)"))
        self.beta1 = double_spin("beta1Spin", 0.0, 0.99999, 5, 0.01)
        self.beta2 = double_spin("beta2Spin", 0.0, 0.99999, 5, 0.001)
        self.beta1.setToolTip(self.tr("β₁: how slowly Adam's average of the gradients (m) forgets")
                              + "\n" + help_hint())
        self.beta2.setToolTip(self.tr("β₂: how slowly Adam's average of the squared gradients (v) forgets")
                              + "\n" + help_hint())
        for box in (self.beta1, self.beta2):
            set_concept(box, "optimizer:adam")
        self.weight_decay = double_spin("weightDecaySpin", 0.0, 1.0, 5, 0.0001)
        self.weight_decay.setToolTip(self.tr("L2 penalty applied by the optimizer (decoupled in AdamW)")
                                     + "\n" + help_hint())
        set_concept(self.weight_decay, "idea:regularization")
        self.scheduler = _combo("schedulerCombo", [(n, catalog_text(s.label), _catalog_tip(s))
                                                   for n, s in catalog.SCHEDULERS.items()])
        self.step_size = _int("stepSizeSpin", 1, 10000)
        self.gamma = double_spin("gammaSpin", 0.001, 1.0, 3, 0.05)
        # --- run
        self.epochs = _int("epochsSpin", 1, 10000)
        self.epochs.setToolTip(self.tr("Passes over the training data") + "\n" + help_hint())
        set_concept(self.epochs, "idea:epoch")
        self.seed = _int("seedSpin", 0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Same seed, same initial weights and batch order: runs are repeatable"))
        self.device = _combo("deviceCombo", [("auto", self.tr("auto"), self._device_tip("auto")),
                                             ("cpu", "cpu", self._device_tip("cpu"))])

        data_box, self._data_form = _form_box(self.tr("Data"), [
            (self.tr("Dataset"), self.dataset), (self.tr("Images"), self.limit),
            (self.tr("Batch size"), self.batch_size)])
        optim_box, self._optim_form = _form_box(self.tr("Loss and optimizer"), [
            (self.tr("Loss"), self.loss), (self.tr("Optimizer"), self.optimizer), (self.tr("Learning rate"), self.lr),
            (self.tr("Momentum"), self.momentum), ("", self.nesterov), ("β₁", self.beta1), ("β₂", self.beta2),
            (self.tr("Weight decay"), self.weight_decay), (self.tr("Schedule"), self.scheduler),
            (self.tr("Step every (epochs)"), self.step_size), (self.tr("Decay γ"), self.gamma)])
        run_box, _run_form = _form_box(self.tr("Run"), [
            (self.tr("Epochs"), self.epochs), (self.tr("Seed"), self.seed), (self.tr("Device"), self.device)])

        # lessons 002 and 004: augmentation with its preview, the schedule drawn, gradient clipping
        self.augment = AugmentGroup()
        self.augment_preview = AugmentPreview()
        self.augment.form.addRow(self.augment_preview)
        self.schedule_plot = ScheduleGroup()
        self.clip = ClipGroup()
        for group in (self.augment, self.clip):
            group.edited.connect(self.edited)

        self.settings = QWidget()
        settings_layout = QVBoxLayout(self.settings)
        settings_layout.setContentsMargins(0, 0, 0, 0)
        for box in (data_box, self.augment, optim_box, self.schedule_plot, self.clip, run_box):
            settings_layout.addWidget(box)
        settings_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.settings)
        # the scroll area only scrolls vertically: it must be as wide as the form it holds
        self._scroll = scroll

        # --- controls
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setDefault(True)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(self.tr("Run exactly one batch, then pause"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopButton")
        buttons = QGridLayout()
        buttons.addWidget(self.train_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.step_button, 1, 0)
        buttons.addWidget(self.stop_button, 1, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Ready"))
        self.progress.setTextVisible(True)
        self.message = framed_label("trainingMessage", 6)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.message.linkActivated.connect(self.messageLinkActivated)  # e.g. "use the stopped run's model"
        self.message.setVisible(False)
        self.health_message = framed_label("trainingHealth", 6)
        self.health_message.setTextFormat(Qt.TextFormat.RichText)
        self.health_message.setVisible(False)
        self.health_message.linkActivated.connect(self.conceptRequested)
        palette = self.health_message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#6b4a00"))
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff3cd"))
        self.health_message.setPalette(palette)
        self.health_message.setAutoFillBackground(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll, 1)
        self.pace = PaceControl()  # full speed, or slow enough to watch (ui/pace_control.py)
        layout.addWidget(self.pace)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.health_message)
        self._connect()

    # ------------------------------------------------------------------ edits
    def _edit(self, text: str, key: str, change: Callable[[Experiment], None]) -> None:
        self.edited.emit(text, edits.changed(self.experiment, change), key)

    def _connect(self) -> None:
        def on(signal, text: str, key: str, change) -> None:
            signal.connect(lambda value: self._edit(text, key, lambda exp: change(exp, value)))

        def combo(widget: QComboBox, text: str, key: str, change) -> None:
            widget.currentIndexChanged.connect(
                lambda _i: self._edit(text, key, lambda exp: change(exp, widget.currentData())))

        combo(self.dataset, self.tr("Change dataset"), "dataset", lambda e, v: setattr(e.dataset, "name", v))
        on(self.limit.valueChanged, self.tr("Change image limit"), "limit",
           lambda e, v: setattr(e.dataset, "limit", v))
        on(self.batch_size.valueChanged, self.tr("Change batch size"), "batch",
           lambda e, v: setattr(e.dataset, "batch_size", v))
        combo(self.loss, self.tr("Change loss"), "loss", lambda e, v: setattr(e, "loss", v))
        combo(self.optimizer, self.tr("Change optimizer"), "optimizer", _set_optimizer)
        on(self.lr.valueChanged, self.tr("Change learning rate"), "lr", lambda e, v: setattr(e.optimizer, "lr", v))
        on(self.momentum.valueChanged, self.tr("Change momentum"), "momentum", _set_momentum)
        on(self.nesterov.toggled, self.tr("Toggle Nesterov"), "nesterov",
           lambda e, v: setattr(e.optimizer, "nesterov", bool(v)))
        on(self.beta1.valueChanged, self.tr("Change β₁"), "beta1", lambda e, v: e.optimizer.betas.__setitem__(0, v))
        on(self.beta2.valueChanged, self.tr("Change β₂"), "beta2", lambda e, v: e.optimizer.betas.__setitem__(1, v))
        on(self.weight_decay.valueChanged, self.tr("Change weight decay"), "wd",
           lambda e, v: setattr(e.optimizer, "weight_decay", v))
        combo(self.scheduler, self.tr("Change schedule"), "scheduler", lambda e, v: setattr(e.scheduler, "name", v))
        on(self.step_size.valueChanged, self.tr("Change schedule step"), "step_size",
           lambda e, v: setattr(e.scheduler, "step_size", v))
        on(self.gamma.valueChanged, self.tr("Change schedule γ"), "gamma",
           lambda e, v: setattr(e.scheduler, "gamma", v))
        on(self.epochs.valueChanged, self.tr("Change epochs"), "epochs", lambda e, v: setattr(e, "epochs", v))
        on(self.seed.valueChanged, self.tr("Change seed"), "seed", lambda e, v: setattr(e, "seed", v))
        combo(self.device, self.tr("Change device"), "device", lambda e, v: setattr(e, "device", v))

    # ------------------------------------------------------------------ redraw
    def follow_run(self, run) -> None:
        """A `TrainingRun`: the schedule takes the run's real batch count, clipping reports each epoch."""
        run.started.connect(lambda event: self.schedule_plot.set_batches_per_epoch(event.batches_per_epoch))
        run.runStarted.connect(self.clip.run_started)
        run.epoch.connect(self.clip.show_epoch)

    def shutdown(self) -> None:
        self.augment_preview.shutdown()

    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        for group in (self.augment, self.augment_preview, self.schedule_plot, self.clip):
            group.set_experiment(exp)
        self._fill_datasets(exp.dataset.name)
        _select(self.dataset, exp.dataset.name)
        _select(self.loss, exp.loss)
        _select(self.optimizer, exp.optimizer.name)
        _select(self.scheduler, exp.scheduler.name)
        _select(self.device, exp.device)
        for widget, kind, name in ((self.loss, "loss", exp.loss), (self.optimizer, "optimizer", exp.optimizer.name),
                                   (self.scheduler, "scheduler", exp.scheduler.name)):
            set_concept(widget, f"{kind}:{name}")  # F1 explains the chosen one
            widget.setToolTip(widget.itemData(widget.currentIndex(), Qt.ItemDataRole.ToolTipRole) or "")
        self._show_images_source()
        set_widget_value(self.limit, exp.dataset.limit)
        set_widget_value(self.batch_size, exp.dataset.batch_size)
        set_widget_value(self.lr, exp.optimizer.lr)
        set_widget_value(self.momentum, exp.optimizer.momentum)
        set_widget_value(self.nesterov, exp.optimizer.nesterov)
        set_widget_value(self.beta1, exp.optimizer.betas[0])
        set_widget_value(self.beta2, exp.optimizer.betas[1])
        set_widget_value(self.weight_decay, exp.optimizer.weight_decay)
        set_widget_value(self.step_size, exp.scheduler.step_size)
        set_widget_value(self.gamma, exp.scheduler.gamma)
        set_widget_value(self.epochs, exp.epochs)
        set_widget_value(self.seed, exp.seed)
        uses = catalog.OPTIMIZERS[exp.optimizer.name].uses
        form = self._optim_form
        form.setRowVisible(self.momentum, "momentum" in uses)
        form.setRowVisible(self.nesterov, "nesterov" in uses)
        self.nesterov.setEnabled(exp.optimizer.momentum > 0 or exp.optimizer.nesterov)
        form.setRowVisible(self.beta1, "betas" in uses)
        form.setRowVisible(self.beta2, "betas" in uses)
        form.setRowVisible(self.weight_decay, "weight_decay" in uses)
        form.setRowVisible(self.step_size, exp.scheduler.name == "step")
        form.setRowVisible(self.gamma, exp.scheduler.name in ("step", "exponential"))
        self._data_form.setRowVisible(self.limit, exp.dataset.name in registry.IMAGE_DATASETS)
        self._scroll.setMinimumWidth(self.settings.minimumSizeHint().width()
                                     + self._scroll.verticalScrollBar().sizeHint().width() + 2)

    def set_data_source(self, source: str | None, images: int = 0) -> None:
        """What the last run of this dataset trained on: "sample" (the built-in one, `images` training
        images) shows in the Images field; "full" clears that."""
        name = self.experiment.dataset.name
        if source == "sample":
            self._sample_images[name] = images
        else:
            self._sample_images.pop(name, None)
        self._show_images_source()

    def _show_images_source(self) -> None:
        images = self._sample_images.get(self.experiment.dataset.name)
        if images:
            self.limit.setSpecialValueText(self.tr("{count} (built-in sample)").format(count=f"{images:,}"))
            self.limit.setSuffix(self.tr(" of the sample"))
            self.limit.setToolTip(self.tr("The full dataset is not in the data folder: runs use the built-in "
                                          "sample of {count} images. Data → Download full datasets gets all of "
                                          "them.").format(count=f"{images:,}"))
        else:
            self.limit.setSpecialValueText(self.tr("all"))
            self.limit.setSuffix("")
            self.limit.setToolTip(self.tr("Train on at most this many images (quick experiments); 'all' uses "
                                          "every image"))

    def _fill_datasets(self, current: str) -> None:
        names = [n for n in registry.dataset_names() if n != "csv" or current == "csv"]
        if [self.dataset.itemData(i) for i in range(self.dataset.count())] == names:
            return
        self.dataset.blockSignals(True)
        self.dataset.clear()
        for name in names:
            self.dataset.addItem(data_text(registry.DATASET_LABELS.get(name, name)), name)
        self.dataset.blockSignals(False)

    def _device_tip(self, name: str) -> str:
        tips = {"auto": self.tr("CUDA or MPS when present, else the CPU"), "cpu": self.tr("The processor"),
                "cuda": self.tr("The NVIDIA GPU"), "mps": self.tr("The Apple GPU (Metal)")}
        return tips.get(name, name)

    def set_devices(self, devices: list[str]) -> None:
        self.device.blockSignals(True)
        self.device.clear()
        for name in dict.fromkeys(devices):
            self.device.addItem(self.tr("auto") if name == "auto" else name, name)
            self.device.setItemData(self.device.count() - 1, self._device_tip(name), Qt.ItemDataRole.ToolTipRole)
        self.device.blockSignals(False)
        _select(self.device, self.experiment.device)
        self.augment_preview.engine_ready()  # set_devices means PyTorch has loaded

    # ------------------------------------------------------------------ run state
    def set_run_state(self, state: str, can_train: bool, why_not: str = "") -> None:
        """state: 'idle' | 'running' | 'paused' | 'stopping'."""
        idle = state == "idle"
        going = state in ("running", "paused")
        self.settings.setEnabled(idle)
        self.train_button.setEnabled(idle and can_train)
        self.train_button.setToolTip(self.tr("Train the network from fresh weights") if can_train or not idle
                                     else self.tr("Cannot train: {reason}").format(reason=why_not))
        self.step_button.setEnabled((idle and can_train) or state == "paused")
        self.pause_button.setEnabled(going)
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.stop_button.setEnabled(going)

    def show_progress(self, progress) -> None:
        """A `RunProgress`: the bar's value, its size (0: busy, the size is not known yet) and its text."""
        self.progress.setRange(0, progress.maximum)
        self.progress.setValue(progress.value)
        self.progress.setFormat(progress.text)

    def show_health(self, payload) -> None:
        """The health probe's payloads: a run's start clears the warnings, each epoch shows its own."""
        if not isinstance(payload, dict):
            return
        if payload.get("kind") == "start":
            self.show_health_warnings([])
        elif payload.get("kind") == "epoch":
            self.show_health_warnings(payload.get("warnings", []), payload.get("epoch"))

    def show_health_warnings(self, warnings: list, epoch: int | None = None) -> None:
        """Gradient-health warnings (`health_rules.HealthWarning`) in words, each with a link to its concept."""
        self.health_warnings = list(warnings)
        if not warnings:
            self.health_message.setText("")
            self.health_message.setVisible(False)
            return
        title = self.tr("Gradient health after epoch {epoch}:").format(epoch=epoch) if epoch else ""
        more = self.tr("Learn more")
        lines = [f"⚠ {_html(message_text(w.message))} <a href='{w.concept}'>{more}</a>" for w in warnings]
        self.health_message.setText((f"<b>{title}</b><br>" if title else "") + "<br>".join(lines))
        self.health_message.setVisible(True)

    def show_message(self, text: str, kind: str = "info") -> None:
        """A banner under the controls; kind 'error' draws it red, 'info' neutral; empty text hides it."""
        colors = {"error": ("#7a0000", "#fde2e2"), "warning": ("#6b4a00", "#fff3cd"), "info": ("#1d3b5a", "#e6f0fa")}
        fg, bg = colors.get(kind, colors["info"])
        palette = self.message.palette()  # palette colours, not a style sheet: the native look stays
        palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
        palette.setColor(QPalette.ColorRole.Window, QColor(bg))
        self.message.setPalette(palette)
        self.message.setAutoFillBackground(True)
        self.message.setText(message_text(text))  # a core Message (a failed run's reason) in this language
        self.message.setVisible(bool(text))
        self.message.setProperty("kind", kind)


def _set_optimizer(exp: Experiment, name: str) -> None:
    exp.optimizer.name = name
    if "nesterov" not in catalog.OPTIMIZERS[name].uses:
        exp.optimizer.nesterov = False


def _set_momentum(exp: Experiment, value: float) -> None:
    exp.optimizer.momentum = value
    if math.isclose(value, 0.0):
        exp.optimizer.nesterov = False  # Nesterov without momentum is refused by the loader


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
