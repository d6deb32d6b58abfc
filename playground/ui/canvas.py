"""Draw a digit and see what the network thinks: the canvas, the probabilities, the 28×28 input.

`DrawingCanvas` only records strokes and paints them (white, round, antialiased, on black, into
a QImage at the screen's device pixel ratio). `DigitPanel` puts it next to a bar chart of the
class probabilities and an enlarged view of the 28×28 image the network actually receives.

No tensor work happens on the GUI thread: preprocessing and the forward pass run in a
`BackgroundRunner` (only the newest request is kept, so a fast stroke never queues up work),
and loading or copying a model runs in a second one. While drawing, predictions are throttled
to one every `THROTTLE_MS`; releasing the button always asks once more.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from playground.inference.preprocess import EMPTY_HINT, SIZE
from playground.ui.background import BackgroundRunner
from playground.ui.i18n import class_names_text, data_text, message_text

CANVAS_SIZE = 280  # logical pixels: ten screen pixels per model pixel
DEFAULT_PEN = 22  # about MNIST's stroke width once a digit is scaled to 20 pixels
PEN_RANGE = (6, 48)
THROTTLE_MS = 50  # at most 20 predictions a second while drawing
INPUT_VIEW_SCALE = 5
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm")
BUNDLED_LABEL = QT_TRANSLATE_NOOP("DigitPanel", "Bundled model")  # model sources: shown with self.tr()
TRAINED_LABEL = QT_TRANSLATE_NOOP("DigitPanel", "Trained in this window")

_TOP_BRUSH = pg.mkBrush("#d9480f")
_OTHER_BRUSH = pg.mkBrush("#4c6ef5")


# --------------------------------------------------------------------------- the drawing area


@dataclass
class Stroke:
    width: float
    points: list[QPointF] = field(default_factory=list)


class DrawingCanvas(QWidget):
    """A square to draw on with the mouse; `ink()` returns what is drawn as an array."""

    changed = Signal()  # while drawing: a stroke grew
    strokeFinished = Signal()  # the mouse button was released
    cleared = Signal()  # Clear, Esc, or the last stroke undone
    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setFixedSize(CANVAS_SIZE, CANVAS_SIZE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the mouse. Esc clears, Ctrl+Z undoes the last stroke; "
                                "drop a PNG or JPEG here to classify it."))
        self.pen_width: float = DEFAULT_PEN
        self.strokes: list[Stroke] = []
        self._picture: QImage | None = None  # a dropped file or a chosen example, under the strokes
        self._drawing = False
        self._image = QImage()
        self._render()

    # ------------------------------------------------------------------ content
    def is_empty(self) -> bool:
        return not self.strokes and self._picture is None

    def clear(self) -> None:
        self.strokes.clear()
        self._picture = None
        self._drawing = False
        self._render()
        self.cleared.emit()

    def undo(self) -> None:
        """Remove the last stroke (or, with none left, the picture)."""
        if self.strokes:
            self.strokes.pop()
        elif self._picture is not None:
            self._picture = None
        else:
            return
        self._drawing = False
        self._render()
        if self.is_empty():
            self.cleared.emit()
        else:
            self.strokeFinished.emit()

    def set_picture(self, ink: np.ndarray | None) -> None:
        """Show ink (H×W in [0, 1], bright on dark) scaled to fit, replacing everything drawn."""
        self.strokes.clear()
        self._picture = None if ink is None else _gray_qimage(ink)
        self._render()

    def ink(self) -> np.ndarray:
        """What is on the canvas as float32 in [0, 1], one value per physical pixel (ink bright)."""
        image = self._image
        width, height, stride = image.width(), image.height(), image.bytesPerLine()
        raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
        return raw.reshape(height, stride)[:, :width].astype(np.float32) / 255.0

    # ------------------------------------------------------------------ painting
    def _render(self) -> None:
        """Repaint the whole image from the picture and the strokes (after undo, clear, DPR change)."""
        ratio = self.devicePixelRatioF()
        side = max(1, round(CANVAS_SIZE * ratio))
        self._image = QImage(side, side, QImage.Format.Format_Grayscale8)
        self._image.setDevicePixelRatio(ratio)
        self._image.fill(0)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._picture is not None:
            pic = self._picture.size().scaled(QSize(CANVAS_SIZE, CANVAS_SIZE), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((CANVAS_SIZE - pic.width()) / 2, (CANVAS_SIZE - pic.height()) / 2, pic.width(),
                            pic.height())
            painter.drawImage(target, self._picture)
        for stroke in self.strokes:
            _paint_stroke(painter, stroke, len(stroke.points))
        painter.end()
        self.update()

    def _extend(self, point: QPointF) -> None:
        """Add a point to the current stroke and paint only the new segment."""
        stroke = self.strokes[-1]
        stroke.points.append(point)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_stroke(painter, stroke, 2)
        painter.end()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if abs(self._image.devicePixelRatio() - self.devicePixelRatioF()) > 1e-6:
            self._render()  # moved to a screen with another scale
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), self._image)
        if self.is_empty():
            painter.setPen(QColor(130, 130, 130))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, data_text(EMPTY_HINT))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._drawing = True
        self.strokes.append(Stroke(self.pen_width, [event.position()]))
        self._render()
        self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self.changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._drawing = False
            if event.position() != self.strokes[-1].points[-1]:
                self.strokes[-1].points.append(event.position())
            # painted segment by segment, the antialiased joins overlap a little differently than
            # when the stroke is painted whole: repaint it whole, so undo gives back the same pixels
            self._render()
            self.strokeFinished.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_image(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _dropped_image(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_image(event)
        if path is not None:
            event.acceptProposedAction()
            self.fileDropped.emit(path)


def _paint_stroke(painter: QPainter, stroke: Stroke, last: int) -> None:
    """Paint the last `last` points of a stroke (a dot when it has only one)."""
    pen = QPen(QColor(255, 255, 255), stroke.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    points = stroke.points[-last:]
    if len(points) == 1:
        painter.drawPoint(points[0])
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.drawPath(path)


def _dropped_image(event) -> str | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
            return url.toLocalFile()
    return None


def _gray_qimage(pixels: np.ndarray) -> QImage:
    """float [0, 1] H×W → an independent Grayscale8 QImage."""
    data = np.ascontiguousarray(np.clip(pixels * 255.0 + 0.5, 0, 255).astype(np.uint8))
    height, width = data.shape
    return QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


# --------------------------------------------------------------------------- work for the threads
# Plain functions: they run in a BackgroundRunner's thread and return what the GUI shows.


@dataclass
class ModelReady:
    loaded: object  # LoadedModel, a private CPU copy
    source: str


@dataclass
class ModelProblem:
    message: str
    source: str


@dataclass
class Outcome:
    """What the panel shows for one request: a prediction, or a hint / a problem (no bars)."""

    prediction: object | None = None  # inference.predict.Prediction
    hint: str = ""
    ink: np.ndarray | None = None  # a file's ink, to show on the canvas


def prepare_model(source: str, loaded=None, path: str | None = None) -> ModelReady | ModelProblem:
    """Load (path, or the bundled model when neither is given) and make a private inference copy."""
    from playground.core.checkpoint import CheckpointError
    from playground.inference.predict import (
        IncompatibleModel,
        inference_copy,
        load_bundled_model,
        open_model,
    )

    try:
        if loaded is None:
            loaded = open_model(path) if path else load_bundled_model()
        return ModelReady(inference_copy(loaded), source)
    except (CheckpointError, IncompatibleModel) as exc:
        return ModelProblem(message_text(exc.args[0] if exc.args else str(exc)), source)


def classify(loaded, ink: np.ndarray | None = None, path: str | None = None) -> Outcome:
    from playground.inference.predict import predict
    from playground.inference.preprocess import EmptyImage, UnreadableImage, load_image_file

    try:
        if path is not None:
            ink = load_image_file(path)
        return Outcome(predict(loaded, ink), ink=ink if path is not None else None)
    except EmptyImage as exc:
        return Outcome(hint=data_text(str(exc)) if path is None else QCoreApplication.translate(
            "DigitPanel", "{file} is blank: no digit found.").format(file=Path(path).name))
    except UnreadableImage as exc:
        return Outcome(hint=message_text(exc.args[0] if exc.args else str(exc)))


# --------------------------------------------------------------------------- the panel


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

        self.undo_button = QPushButton(self.tr("Undo stroke"))
        self.undo_button.setObjectName("undoStrokeButton")
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z on the canvas)"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clearCanvasButton")
        self.clear_button.setToolTip(self.tr("Erase the canvas (Esc)"))
        self.clear_button.clicked.connect(self.canvas.clear)

        self.source_label = QLabel()
        self.source_label.setObjectName("modelSourceLabel")
        self.source_label.setWordWrap(True)
        self.load_button = QPushButton(self.tr("Load model…"))
        self.load_button.setObjectName("loadModelButton")
        self.load_button.setToolTip(self.tr("Read drawings with a checkpoint (.pt) saved by NN Playground"))
        self.load_button.clicked.connect(self._ask_model_file)
        self.bundled_button = QPushButton(self.tr("Use bundled model"))
        self.bundled_button.setObjectName("useBundledModelButton")
        self.bundled_button.setToolTip(self.tr("Go back to the CNN that ships with the app (99.5% on the MNIST test "
                                               "set)"))
        self.bundled_button.clicked.connect(self.load_bundled_model)
        self.file_button = QPushButton(self.tr("Classify image file…"))
        self.file_button.setObjectName("classifyFileButton")
        self.file_button.setToolTip(self.tr("Classify a PNG/JPEG of a digit (dark on light or light on dark); "
                                            "you can also drop one on the canvas"))
        self.file_button.clicked.connect(self._ask_image_file)
        self.note_label = QLabel()
        self.note_label.setObjectName("modelNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #b35c00;")
        self.note_label.hide()

        left = QVBoxLayout()
        left.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        pen_row = QHBoxLayout()
        pen_row.addWidget(self.pen_label)
        pen_row.addWidget(self.pen_slider, 1)
        left.addLayout(pen_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        left.addLayout(buttons)
        left.addWidget(self.file_button)
        left.addSpacing(8)
        model_row = QHBoxLayout()
        model_row.addWidget(self.source_label, 1)
        left.addLayout(model_row)
        model_buttons = QHBoxLayout()
        model_buttons.addWidget(self.load_button)
        model_buttons.addWidget(self.bundled_button)
        left.addLayout(model_buttons)
        left.addWidget(self.note_label)
        left.addStretch(1)

        self.answer_label = QLabel()
        self.answer_label.setObjectName("predictionLabel")
        font = QFont(self.answer_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.answer_label.setFont(font)
        self.answer_label.setWordWrap(True)

        self.chart = pg.PlotWidget()
        self.chart.setObjectName("predictionChart")
        self.chart.setBackground("w")  # independent of pyqtgraph's global options
        for axis in ("left", "bottom"):
            self.chart.getAxis(axis).setPen(pg.mkPen("#444"))
            self.chart.getAxis(axis).setTextPen(pg.mkPen("#222"))
        self.chart.setMinimumSize(180, 160)  # fits beside the canvas in a 1280-pixel window
        self.chart.setMouseEnabled(False, False)
        self.chart.hideButtons()
        self.chart.setMenuEnabled(False)
        self.chart.setYRange(0, 1.15, padding=0)
        self.chart.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        self.chart.setLabel("left", self.tr("probability"))
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brushes=[_OTHER_BRUSH] * 10,
                                    pen=None)
        self.chart.addItem(self.bars)
        self.bar_texts: list[pg.TextItem] = []
        self._set_classes([str(i) for i in range(10)])

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

    def _set_classes(self, names: list[str]) -> None:
        count = len(names)
        for item in self.bar_texts:
            self.chart.removeItem(item)
        self.bar_texts = []
        for i in range(count):
            # the outer bars' labels lean inwards: "100%" over the last bar stays inside the chart
            x_anchor = 0.15 if i == 0 else 0.85 if i == count - 1 else 0.5
            text = pg.TextItem("", color="#222", anchor=(x_anchor, 1.0))
            text.setPos(i, 0)
            self.chart.addItem(text)
            self.bar_texts.append(text)
        self.chart.getAxis("bottom").setTicks([list(enumerate(class_names_text(names)))])
        self.chart.setXRange(-0.6, count - 0.4, padding=0)
        self._class_names = list(names)

    def _pen_changed(self, value: int) -> None:
        self.canvas.pen_width = float(value)
        self.pen_label.setText(self.tr("Pen {width}px").format(width=value))

    # ------------------------------------------------------------------ model
    @Slot(object, str)
    def set_model(self, loaded, source_label: str = TRAINED_LABEL) -> None:
        """Read drawings with this LoadedModel (a private CPU copy is made off the GUI thread)."""
        if loaded is None:
            return
        self.loader.submit(prepare_model, source_label, loaded, tag="set")

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
            self._note(f"{self.tr(result.source)}: {result.message}{keeping}")
            if self.model is None:
                self._set_source_text(self.tr("No model"))
                self._show_empty(self.tr("No image model to read drawings with — train one on MNIST or load a "
                                         "model."))
            return
        self.model, self.model_source = result.loaded, result.source
        self._note("")
        self._set_source_text(self.tr(result.source))
        names = self.model.class_names or [str(i) for i in range(10)]
        if names != self._class_names:
            self._set_classes(names)
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
            self._show_empty(outcome.hint)
            return
        self._show_prediction(outcome.prediction)

    def _show_failure(self, tag, message: str) -> None:
        if tag == self._latest:
            self._show_empty(self.tr("The model could not read this: {reason}").format(reason=message))

    def _show_prediction(self, prediction) -> None:
        self.prediction = prediction
        self.model_input = prediction.model_input
        probabilities = np.asarray(prediction.probabilities, dtype=np.float64)
        count = len(probabilities)
        if count != len(self._class_names):
            self._set_classes([str(i) for i in range(count)])
        brushes = [_TOP_BRUSH if i == prediction.top else _OTHER_BRUSH for i in range(count)]
        self.bars.setOpts(x=np.arange(count), height=probabilities, brushes=brushes)
        for i, (text, p) in enumerate(zip(self.bar_texts, probabilities, strict=True)):
            text.setText(f"{p:.0%}" if p >= 0.005 else "")
            text.setPos(i, float(p) + 0.01)
            text.setColor("#d9480f" if i == prediction.top else "#333")
        template = (self.tr("It's a {label}  ({confidence})") if self.model and self.model.experiment.dataset.name == "mnist"
                    else self.tr("It looks like: {label}  ({confidence})"))
        self.answer_label.setText(template.format(label=data_text(prediction.label), confidence=f"{prediction.confidence:.0%}"))
        self._show_input(prediction.model_input)
        self.predictionChanged.emit(prediction)
        from playground.inference.preprocess import normalize

        self.modelInputChanged.emit(normalize(prediction.model_input, self.model.normalization))

    def _show_empty(self, hint: str) -> None:
        self.prediction = None
        self.model_input = None
        self.bars.setOpts(height=np.zeros(len(self._class_names)))
        for text in self.bar_texts:
            text.setText("")
        self.answer_label.setText(hint)
        self.input_view.clear()
        self.predictionChanged.emit(None)

    def _show_input(self, pixels: np.ndarray) -> None:
        image = _gray_qimage(pixels)
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
