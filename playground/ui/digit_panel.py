"""The Draw tab: draw a digit and see what the network thinks.

`DigitPanel` puts the `DrawingCanvas` (ui/canvas.py) next to a `ProbabilityChart` of the class
probabilities and an enlarged view of the 28×28 image the network actually receives.

No tensor work happens on the GUI thread: preprocessing and the forward pass run in a
`BackgroundRunner` (only the newest request is kept, so a fast stroke never queues up work),
and loading or copying a model runs in a second one; the work itself is
`playground.inference.digit_reader`. While drawing, predictions are throttled to one every
`THROTTLE_MS`; releasing the button always asks once more.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from playground.i18n import Message
from playground.inference.digit_reader import ModelProblem, Outcome, classify, prepare_model
from playground.inference.preprocess import EMPTY_HINT, SIZE
from playground.ui.background import BackgroundRunner
from playground.ui.canvas import DEFAULT_PEN, IMAGE_SUFFIXES, PEN_RANGE, DrawingCanvas, gray_qimage
from playground.ui.i18n import data_text, message_text
from playground.ui.probability_chart import ProbabilityChart
from playground.ui.widgets import push_button, row

THROTTLE_MS = 50  # at most 20 predictions a second while drawing
INPUT_VIEW_SCALE = 5
BUNDLED_LABEL = QT_TRANSLATE_NOOP("DigitPanel", "Bundled model")  # model sources: shown with self.tr()
TRAINED_LABEL = QT_TRANSLATE_NOOP("DigitPanel", "Trained in this window")
STOPPED_LABEL = QT_TRANSLATE_NOOP("DigitPanel", "Stopped run (training not finished)")


class DigitPanel(QWidget):
    """The canvas with its controls, the probability bars and the model's-eye view."""

    predictionChanged = Signal(object)  # Prediction, or None when there is nothing to read
    modelInputChanged = Signal(object)  # the normalized 28×28 input, for the activations view

    def __init__(self, parent: QWidget | None = None, load_bundled: bool = True):
        super().__init__(parent)
        self.setObjectName("digitPanel")
        self.model = None  # the LoadedModel copy used for predictions
        self.model_source = ""
        self.prediction = None
        self.model_input: np.ndarray | None = None  # 28×28 pixels in [0, 1] the network received
        self._ids = itertools.count(1)
        self._latest = 0  # the request whose answer is worth showing
        self._pending_file: str | None = None

        self.predictor = BackgroundRunner("DigitPredictor", self)
        self.predictor.finished.connect(self._show_outcome)
        self.predictor.failed.connect(self._show_failure)
        self.loader = BackgroundRunner("DigitModelLoader", self)
        self.loader.finished.connect(self._model_prepared)
        self.loader.failed.connect(lambda _tag, message: self._note(
            self.tr("Could not prepare the model: {reason}").format(reason=message)))

        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(THROTTLE_MS)
        self._throttle.timeout.connect(self.request_prediction)

        self._build()
        self._show_empty(data_text(EMPTY_HINT))
        if load_bundled:
            self.load_bundled_model()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.canvas = DrawingCanvas()
        self.canvas.changed.connect(self._drawing)
        self.canvas.strokeFinished.connect(self._stroke_finished)
        self.canvas.cleared.connect(self._canvas_cleared)
        self.canvas.fileDropped.connect(self.classify_file)

        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setObjectName("penWidthSlider")
        self.pen_slider.setRange(*PEN_RANGE)
        self.pen_slider.setValue(DEFAULT_PEN)
        self.pen_slider.setToolTip(self.tr("Width of the pen in screen pixels"))
        self.pen_label = QLabel()
        self.pen_slider.valueChanged.connect(self._pen_changed)
        self._pen_changed(DEFAULT_PEN)

        self.undo_button = push_button(self.tr("Undo stroke"), "undoStrokeButton",
                                       self.tr("Remove the last stroke (Ctrl+Z on the canvas)"), self.canvas.undo)
        self.clear_button = push_button(self.tr("Clear"), "clearCanvasButton", self.tr("Erase the canvas (Esc)"),
                                        self.canvas.clear)

        self.source_label = QLabel()
        self.source_label.setObjectName("modelSourceLabel")
        self.source_label.setWordWrap(True)
        self.load_button = push_button(self.tr("Load model…"), "loadModelButton",
                                       self.tr("Read drawings with a checkpoint (.pt) saved by NN Playground"),
                                       self._ask_model_file)
        self.bundled_button = push_button(self.tr("Use bundled model"), "useBundledModelButton",
                                          self.tr("Go back to the CNN that ships with the app (99.5% on the MNIST "
                                                  "test set)"), self.load_bundled_model)
        self.own_button = push_button(self.tr("Use your trained model"), "useOwnModelButton",
                                      self.tr("Go back to the model you trained or loaded in this window"),
                                      self.use_own_model)
        self.own_button.hide()
        self._own = None  # (LoadedModel, source label): the window's own model, to come back to from the bundled one
        self.file_button = push_button(self.tr("Classify image file…"), "classifyFileButton",
                                       self.tr("Classify a PNG/JPEG of a digit (dark on light or light on dark); "
                                               "you can also drop one on the canvas"), self._ask_image_file)
        self.note_label = QLabel()
        self.note_label.setObjectName("modelNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #b35c00;")
        self.note_label.hide()

        left = QVBoxLayout()
        left.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addLayout(row(self.pen_label, (self.pen_slider, 1)))
        left.addLayout(row(self.undo_button, self.clear_button))
        left.addWidget(self.file_button)
        left.addSpacing(8)
        left.addLayout(row((self.source_label, 1)))
        left.addLayout(row(self.load_button, self.bundled_button))
        left.addWidget(self.own_button)
        left.addWidget(self.note_label)
        left.addStretch(1)

        self.answer_label = QLabel()
        self.answer_label.setObjectName("predictionLabel")
        font = QFont(self.answer_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.answer_label.setFont(font)
        self.answer_label.setWordWrap(True)

        self.chart = ProbabilityChart()

        self.input_view = QLabel()
        self.input_view.setObjectName("modelInputView")
        self.input_view.setFixedSize(SIZE * INPUT_VIEW_SCALE, SIZE * INPUT_VIEW_SCALE)
        self.input_view.setStyleSheet("background: black;")
        self.input_view.setToolTip(self.tr("The 28×28 image the network receives: cropped, scaled to 20 pixels "
                                           "and centered on its center of mass, as MNIST's digits were"))
        caption = QLabel(self.tr("What the network sees (28×28)"))
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        caption.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(self.answer_label)
        right.addWidget(self.chart, 1)
        eye = QVBoxLayout()
        eye.addWidget(caption)
        eye.addWidget(self.input_view, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addLayout(eye)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _pen_changed(self, value: int) -> None:
        self.canvas.pen_width = float(value)
        self.pen_label.setText(self.tr("Pen {width}px").format(width=value))

    # ------------------------------------------------------------------ model
    @Slot(object, str)
    def set_model(self, loaded, source_label: str = TRAINED_LABEL) -> None:
        """Read drawings with this LoadedModel (a private CPU copy is made off the GUI thread)."""
        if loaded is None:
            return
        self._own = (loaded, source_label)
        self.loader.submit(prepare_model, source_label, loaded, tag="set")

    def use_own_model(self) -> None:
        """Back from the bundled model to the one trained (or loaded) in this window."""
        if self._own is not None:
            self.loader.submit(prepare_model, self._own[1], self._own[0], tag="set")

    def forget_own_model(self) -> None:
        """File → New: the old experiment's model is no way back any more; read with the bundled one."""
        self._own = None
        self.own_button.hide()
        self.load_bundled_model()

    def load_bundled_model(self) -> None:
        """Read drawings with the CNN in resources/models (loaded off the GUI thread)."""
        if self.model is None:
            self._set_source_text(self.tr("Loading the bundled model…"))
        self.loader.submit(prepare_model, BUNDLED_LABEL, tag="bundled")

    def load_model_file(self, path: str) -> None:
        self.loader.submit(prepare_model, self.tr("File: {name}").format(name=Path(path).name), None, path,
                           tag="file")

    def _ask_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load model"), "",
                                              self.tr("NN Playground models (*.pt);;All files (*)"))
        if path:
            self.load_model_file(path)

    def _model_prepared(self, _tag, result) -> None:
        if isinstance(result, ModelProblem):
            keeping = (" " + self.tr("The canvas keeps using: {model}.").format(model=self.tr(self.model_source))
                       if self.model is not None else "")
            self._note(f"{self.tr(result.source)}: {message_text(result.message)}{keeping}")
            if self.model is None:
                self._set_source_text(self.tr("No model"))
                self._show_empty(self.tr("No image model to read drawings with — train one on MNIST or load a "
                                         "model."))
            return
        self.model, self.model_source = result.loaded, result.source
        self.own_button.setVisible(self._own is not None and result.source == BUNDLED_LABEL)
        self._note("")
        self._set_source_text(self.tr(result.source))
        names = self.model.class_names or [str(i) for i in range(10)]
        if names != self.chart.class_names:
            self.chart.set_classes(names)
        if self._pending_file is not None:
            self.classify_file(self._pending_file)
        else:
            self.request_prediction()

    def _set_source_text(self, text: str) -> None:
        self.source_label.setText(self.tr("Model: {name}").format(name=f"<b>{text}</b>"))
        tip = ""
        if self.model is not None:
            accuracy = self.model.metrics.get("test_accuracy")
            tip = self.model.path or ""
            if isinstance(accuracy, (int, float)):
                tip += "\n" + self.tr("test accuracy {accuracy}").format(accuracy=f"{accuracy:.2%}")
        self.source_label.setToolTip(tip.strip())

    def _note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    # ------------------------------------------------------------------ requests
    def _drawing(self) -> None:
        if not self._throttle.isActive():
            self._throttle.start()

    def _stroke_finished(self) -> None:
        self._throttle.stop()
        self.request_prediction()

    def _canvas_cleared(self) -> None:
        self._throttle.stop()
        self._latest = next(self._ids)  # answers still on their way are stale now
        self._show_empty(data_text(EMPTY_HINT))

    @Slot()
    def request_prediction(self) -> None:
        """Classify what is on the canvas (in the background)."""
        if self.canvas.is_empty():
            self._canvas_cleared()
            return
        if self.model is None:
            return
        self._latest = next(self._ids)
        self.predictor.submit(classify, self.model, self.canvas.ink(), tag=self._latest)

    @Slot(str)
    def classify_file(self, path: str) -> None:
        """Classify a picture file; it then shows on the canvas, where it can be drawn over."""
        if self.model is None:
            self._pending_file = path
            return
        self._pending_file = None
        self._throttle.stop()
        self._latest = next(self._ids)
        self.predictor.submit(classify, self.model, None, path, tag=self._latest)

    @Slot(object)
    def show_pixels(self, pixels: np.ndarray) -> None:
        """Put a 28×28 image (ink bright, in [0, 1]) on the canvas and classify it, e.g. a test mistake."""
        self.canvas.set_picture(np.asarray(pixels, dtype=np.float32))
        self.request_prediction()

    def _ask_image_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Classify an image"), "",
                                              self.tr("Images ({patterns})").format(
                                                  patterns=" ".join(f"*{s}" for s in IMAGE_SUFFIXES)))
        if path:
            self.classify_file(path)

    # ------------------------------------------------------------------ answers
    def _show_outcome(self, tag, outcome: Outcome) -> None:
        if tag != self._latest:
            return  # the drawing changed since this was asked
        if outcome.ink is not None:
            self.canvas.set_picture(outcome.ink)
        if outcome.prediction is None:
            hint = outcome.hint
            self._show_empty(message_text(hint) if isinstance(hint, Message) else data_text(hint))
            return
        self._show_prediction(outcome.prediction)

    def _show_failure(self, tag, message: str) -> None:
        if tag == self._latest:
            self._show_empty(self.tr("The model could not read this: {reason}").format(reason=message))

    def _show_prediction(self, prediction) -> None:
        self.prediction = prediction
        self.model_input = prediction.model_input
        self.chart.show_probabilities(np.asarray(prediction.probabilities, dtype=np.float64), prediction.top)
        if self.model and self.model.experiment.dataset.name == "mnist":
            # "an 8", "a 3": English picks the article by the sound of the digit's name
            template = (self.tr("It's an {label}  ({confidence})") if str(prediction.label).startswith("8")
                        else self.tr("It's a {label}  ({confidence})"))
        else:
            template = self.tr("It looks like: {label}  ({confidence})")
        self.answer_label.setText(template.format(label=data_text(prediction.label), confidence=f"{prediction.confidence:.0%}"))
        self._show_input(prediction.model_input)
        self.predictionChanged.emit(prediction)
        from playground.inference.preprocess import normalize

        self.modelInputChanged.emit(normalize(prediction.model_input, self.model.normalization))

    def _show_empty(self, hint: str) -> None:
        self.prediction = None
        self.model_input = None
        self.chart.clear_bars()
        self.answer_label.setText(hint)
        self.input_view.clear()
        self.predictionChanged.emit(None)

    def _show_input(self, pixels: np.ndarray) -> None:
        image = gray_qimage(pixels)
        side = SIZE * INPUT_VIEW_SCALE
        self.input_view.setPixmap(QPixmap.fromImage(image).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))

    # ------------------------------------------------------------------ lifetime
    def shutdown(self) -> None:
        """Stop and join both threads (the main window calls this on close; safe twice)."""
        self._throttle.stop()
        self.predictor.close()
        self.loader.close()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
