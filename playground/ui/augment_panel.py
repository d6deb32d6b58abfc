"""Augmentation you can see: the settings (`augmentGroup`) and 16 training images exactly as the
network will receive them (`augmentPreview`).

The preview is made on a worker thread (`ui/background.py`) by `training.augment_preview`, the same
code path the trainer draws its batches with; it is redrawn after every change (a short pause lets a
spin box's arrows settle first) and on "New sample".
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import edits, limits
from playground.core.experiment import Experiment
from playground.data import registry
from playground.ui.background import BackgroundRunner
from playground.ui.engine_loader import engine_loaded
from playground.ui.help_panel import set_concept
from playground.ui.i18n import data_text, help_hint, message_text
from playground.ui.layer_editor import set_widget_value
from playground.ui.settings import data_dir
from playground.ui.widgets import double_spin

PREVIEW_SCALE = 2  # screen pixels per image pixel
REDRAW_DELAY_MS = 150
_BUNDLES: dict = {}  # (dataset settings, seed) → DataBundle, on the worker thread only


def _preview_job(experiment: Experiment, sample: int, folder: str | None):
    """On the worker thread: the dataset (kept for the next request) and the preview images."""
    from playground.data.registry import load_dataset
    from playground.training.augment_preview import make_preview

    ds = experiment.dataset
    key = (ds.name, ds.limit, ds.val_split, ds.normalize, experiment.seed, folder)
    bundle = _BUNDLES.get(key)
    if bundle is None:
        _BUNDLES.clear()  # one dataset at a time: the full sets are large
        bundle = _BUNDLES[key] = load_dataset(ds, seed=experiment.seed, data_dir=folder)
    return make_preview(bundle, experiment, sample)


class AugmentGroup(QGroupBox):
    """On/off and the strength of each distortion; flip only where mirroring keeps the class."""

    edited = Signal(str, object, str)  # undo text, new Experiment, merge key

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Augmentation"), parent)
        self.setObjectName("augmentGroup")
        self.enabled = QCheckBox(self.tr("Distort the training images"))
        self.enabled.setObjectName("augmentCheck")
        self.rotation = double_spin("augmentRotationSpin", *limits.ROTATION, 1, 1.0, "°")
        self.shift = double_spin("augmentShiftSpin", *limits.AUGMENT_FRACTION, 2, 0.02)
        self.scale = double_spin("augmentScaleSpin", *limits.AUGMENT_FRACTION, 2, 0.05)
        self.stroke = double_spin("augmentStrokeSpin", *limits.AUGMENT_FRACTION, 2, 0.1)
        self.blur = double_spin("augmentBlurSpin", *limits.AUGMENT_FRACTION, 2, 0.1)
        self.flip = QCheckBox(self.tr("Mirror left-right"))
        self.flip.setObjectName("augmentFlipCheck")
        self.enabled.setToolTip(self.tr("Every training image is distorted a little, differently each time it is "
                                        "used, so the network learns what stays the same when a digit or a "
                                        "garment is drawn differently. Validation and test images are never "
                                        "distorted.") + "\n" + help_hint())
        self.rotation.setToolTip(self.tr("Turn each image by a random angle up to this many degrees either way"))
        self.shift.setToolTip(self.tr("Move each image by up to this fraction of its size, in both directions"))
        self.scale.setToolTip(self.tr("Zoom each image in or out by up to this fraction"))
        self.stroke.setToolTip(self.tr("Chance that an image's strokes are made thicker or thinner"))
        self.blur.setToolTip(self.tr("Chance that an image is blurred a little"))
        for widget in (self, self.enabled, self.rotation, self.shift, self.scale, self.stroke, self.blur, self.flip):
            set_concept(widget, "idea:augmentation")
        self.form = QFormLayout(self)
        self.form.addRow(self.enabled)
        self.form.addRow(self.tr("Rotation ±"), self.rotation)
        self.form.addRow(self.tr("Shift ±"), self.shift)
        self.form.addRow(self.tr("Scale ±"), self.scale)
        self.form.addRow(self.tr("Stroke width (chance)"), self.stroke)
        self.form.addRow(self.tr("Blur (chance)"), self.blur)
        self.form.addRow(self.flip)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.experiment = Experiment()
        self._connect()

    def _edit(self, text: str, key: str, change: Callable[[Experiment], None]) -> None:
        self.edited.emit(text, edits.changed(self.experiment, change), key)

    def _connect(self) -> None:
        def on(signal, text: str, key: str, name: str, cast=float) -> None:
            signal.connect(lambda value: self._edit(text, key, lambda e: setattr(e.dataset.augment, name,
                                                                                  cast(value))))

        on(self.enabled.toggled, self.tr("Toggle augmentation"), "augment", "enabled", bool)
        on(self.rotation.valueChanged, self.tr("Change augmentation rotation"), "augment_rotation", "rotation")
        on(self.shift.valueChanged, self.tr("Change augmentation shift"), "augment_shift", "shift")
        on(self.scale.valueChanged, self.tr("Change augmentation scale"), "augment_scale", "scale")
        on(self.stroke.valueChanged, self.tr("Change augmentation stroke"), "augment_stroke", "stroke")
        on(self.blur.valueChanged, self.tr("Change augmentation blur"), "augment_blur", "blur")
        on(self.flip.toggled, self.tr("Toggle mirroring"), "augment_flip", "flip", bool)

    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        spec = exp.dataset.augment
        for widget, value in ((self.enabled, spec.enabled), (self.rotation, spec.rotation), (self.shift, spec.shift),
                              (self.scale, spec.scale), (self.stroke, spec.stroke), (self.blur, spec.blur),
                              (self.flip, spec.flip and exp.dataset.name == "fashion-mnist")):
            set_widget_value(widget, value)
        images = exp.dataset.name in registry.IMAGE_DATASETS
        self.setEnabled(images)
        self.setToolTip("" if images else self.tr("Augmentation distorts images; {dataset} is not an image dataset "
                                                  "(2-D points, sequences or a CSV table), so there is nothing to "
                                                  "rotate or blur. Choose MNIST or Fashion-MNIST to use it.").format(
            dataset=data_text(registry.DATASET_LABELS.get(exp.dataset.name, exp.dataset.name))))
        for widget in (self.rotation, self.shift, self.scale, self.stroke, self.blur):
            widget.setEnabled(spec.enabled)
        clothing = exp.dataset.name == "fashion-mnist"
        self.flip.setEnabled(spec.enabled and clothing)
        self.flip.setToolTip(self.tr("Mirror about half the images left-right: a mirrored shirt is still a shirt")
                             if clothing else
                             self.tr("Not for digits: a mirrored 2, 3, 4, 5, 7 or 9 is not a digit at all, so "
                                     "mirroring would teach the network wrong shapes. Available for "
                                     "Fashion-MNIST."))


class AugmentPreview(QWidget):
    """16 training images as the network will receive them, with "New sample"."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_pixmap()

    def _fit_pixmap(self) -> None:
        if self._pixmap is None:
            return
        side = max(4 * 30 + 4, min(self.width(), self._pixmap.width()))
        if self.image.pixmap().isNull() or self.image.pixmap().width() != side:
            self.image.setPixmap(self._pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        self.image.setFixedHeight(side)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("augmentPreview")
        self.image = QLabel()
        self.image.setObjectName("augmentPreviewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # as large as PREVIEW_SCALE allows, smaller when the column is narrow (a Korean or 1280-px window)
        self.image.setMinimumSize(4 * 30 + 4, 4 * 30 + 4)
        self._pixmap = None
        self.caption = QLabel()
        self.caption.setObjectName("augmentPreviewCaption")
        self.caption.setWordWrap(True)
        self.new_sample = QPushButton(self.tr("New sample"))
        self.new_sample.setObjectName("augmentNewSampleButton")
        self.new_sample.setToolTip(self.tr("Other images and other random distortions"))
        self.new_sample.clicked.connect(self.next_sample)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.new_sample)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addLayout(row)
        self.sample = 0
        self.pixels: np.ndarray | None = None  # the last preview's images (count × H × W in [0, 1])
        self.labels: list[str] = []
        self.experiment: Experiment | None = None
        self._shown_for: tuple | None = None
        # the preview reads the dataset and needs PyTorch: it waits for the window's engine (at start-up
        # a preview job imported torch on its own thread just as the window first painted, and slowed it)
        self._engine = engine_loaded()
        self.runner = BackgroundRunner("AugmentPreview", self)
        self.runner.finished.connect(self._show)
        self.runner.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def _key(self, exp: Experiment) -> tuple:
        ds = exp.dataset
        return (ds.name, ds.limit, ds.val_split, ds.normalize, ds.batch_size, exp.seed, repr(ds.augment), self.sample)

    def set_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        images = exp.dataset.name in registry.IMAGE_DATASETS
        self.setEnabled(images)
        if not images:
            self.image.clear()
            self.caption.setText(self.tr("The preview shows image datasets only."))
            self._shown_for = None
            return
        if not self._engine:
            self.caption.setText(self.tr("The preview appears once PyTorch has loaded."))
        elif self._key(exp) != self._shown_for:
            self._timer.start()

    def engine_ready(self) -> None:
        """PyTorch is loaded: the preview of the current experiment can be made."""
        self._engine = True
        if self.experiment is not None:
            self.set_experiment(self.experiment)

    def next_sample(self) -> None:
        self.sample += 1
        self.refresh()

    def refresh(self) -> None:
        if self.experiment is None or self.experiment.dataset.name not in registry.IMAGE_DATASETS:
            return
        exp = self.experiment.copy()
        self._shown_for = self._key(exp)
        self.caption.setText(self.tr("Making the preview…"))
        self.runner.submit(_preview_job, exp, self.sample, data_dir(), tag=self._shown_for)

    def _show(self, tag, preview) -> None:
        if tag != self._shown_for:
            return  # an older request: a newer one is on its way
        from playground.ui.insight.pictures import rgb_pixmap, tile

        self.pixels, self.labels = preview.pixels, preview.labels
        gray = (np.clip(preview.pixels, 0, 1) * 255).astype(np.uint8)
        rgb = np.repeat(gray[..., None], 3, axis=-1)
        self._pixmap = rgb_pixmap(tile(rgb, columns=4, pad=2), PREVIEW_SCALE)
        self._fit_pixmap()
        self.image.setToolTip(", ".join(preview.labels))
        self.caption.setText(self.tr("The first 16 images of a training batch, exactly as the network receives "
                                     "them (sample {sample}).").format(sample=preview.sample + 1)
                             if preview.augmented else
                             self.tr("Augmentation is off: the network receives the images as stored (sample "
                                     "{sample}).").format(sample=preview.sample + 1))

    def _failed(self, tag, message: str) -> None:
        if tag == self._shown_for:
            self.image.clear()
            self.caption.setText(self.tr("No preview: {reason}").format(reason=message_text(message)))

    def shutdown(self) -> None:
        self._timer.stop()
        self.runner.close()
