"""The digit canvas: mouse strokes in, the 28×28 model input and the probabilities out."""

import threading

import numpy as np
import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from playground.core.build import build_model
from playground.core.checkpoint import LoadedModel
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.inference.preprocess import center_of_mass, ink_bounding_box
from playground.ui.canvas import DrawingCanvas
from playground.ui.digit_panel import BUNDLED_LABEL, INPUT_VIEW_SCALE

WAIT_MS = 15000


def canvas_of(panel) -> DrawingCanvas:
    return panel.findChild(QWidget, "drawCanvas")


def draw(qtbot, canvas, points, step=6):
    """Press, drag along a polyline in small steps like a mouse would report, release."""
    points = [QPoint(round(x), round(y)) for x, y in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for a, b in zip(points, points[1:], strict=False):
        n = max(1, round(max(abs(b.x() - a.x()), abs(b.y() - a.y())) / step))
        for i in range(1, n + 1):
            qtbot.mouseMove(canvas, QPoint(round(a.x() + (b.x() - a.x()) * i / n),
                                           round(a.y() + (b.y() - a.y()) * i / n)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def circle(cx, cy, rx, ry, n=40):
    return [(cx + rx * np.sin(2 * np.pi * i / n), cy - ry * np.cos(2 * np.pi * i / n)) for i in range(n + 1)]


def wait_for_answer(qtbot, panel):
    qtbot.waitUntil(lambda: panel.prediction is not None, timeout=WAIT_MS)
    return panel.prediction


def test_panel_has_the_named_parts_and_starts_with_the_hint_and_the_bundled_model(panel):
    assert isinstance(canvas_of(panel), DrawingCanvas)
    assert canvas_of(panel).width() == canvas_of(panel).height() == 280
    for name in ("clearCanvasButton", "undoStrokeButton", "loadModelButton", "classifyFileButton"):
        assert panel.findChild(QPushButton, name) is not None
    assert panel.findChild(QWidget, "predictionChart") is not None
    assert panel.findChild(QLabel, "modelInputView") is not None
    assert BUNDLED_LABEL in panel.findChild(QLabel, "modelSourceLabel").text()
    assert panel.findChild(QLabel, "predictionLabel").text() == "Draw a digit…"
    assert not panel.chart.bars.opts["height"].any()


def test_canvas_ink_has_one_value_per_physical_pixel(panel):
    canvas = canvas_of(panel)
    side = round(280 * canvas.devicePixelRatioF())
    assert canvas.ink().shape == (side, side)
    assert canvas.ink().max() == 0


def test_off_center_stroke_is_centered_and_scaled_for_the_network(qtbot, panel):
    canvas = canvas_of(panel)
    draw(qtbot, canvas, [(20, 20), (110, 20), (50, 150)])  # a small 7 in the top-left corner
    wait_for_answer(qtbot, panel)
    pixels = panel.model_input
    assert pixels.shape == (28, 28)
    row, col = center_of_mass(pixels)
    assert abs(row - 14.0) <= 1.0 and abs(col - 14.0) <= 1.0
    top, left, bottom, right = ink_bounding_box(pixels)
    assert 19 <= max(bottom - top, right - left) <= 20
    # what the view shows is that image, enlarged
    assert panel.findChild(QLabel, "modelInputView").pixmap().width() == 28 * INPUT_VIEW_SCALE


def test_vertical_stroke_is_read_as_1(qtbot, panel):
    draw(qtbot, canvas_of(panel), [(150, 40), (146, 240)])
    prediction = wait_for_answer(qtbot, panel)
    assert prediction.label == "1" and prediction.top == 1
    assert panel.chart.bars.opts["height"][1] == pytest.approx(prediction.probabilities[1])
    assert panel.chart.bars.opts["brushes"][1] != panel.chart.bars.opts["brushes"][0]  # the top class stands out
    assert "1" in panel.findChild(QLabel, "predictionLabel").text()


def test_drawn_circle_is_read_as_0(qtbot, panel):
    draw(qtbot, canvas_of(panel), circle(140, 140, 60, 90))
    assert wait_for_answer(qtbot, panel).label == "0"
    assert len(panel.chart.bar_texts) == 10 and panel.chart.bar_texts[0].toPlainText().endswith("%")


def test_clear_button_and_escape_empty_the_canvas_and_the_chart(qtbot, panel):
    canvas = canvas_of(panel)
    for clear in (lambda: qtbot.mouseClick(panel.findChild(QPushButton, "clearCanvasButton"),
                                           Qt.MouseButton.LeftButton),
                  lambda: qtbot.keyClick(canvas, Qt.Key.Key_Escape)):
        draw(qtbot, canvas, [(150, 40), (146, 240)])
        wait_for_answer(qtbot, panel)
        clear()
        assert canvas.is_empty() and canvas.ink().max() == 0
        assert panel.prediction is None and panel.model_input is None
        assert not panel.chart.bars.opts["height"].any()
        assert panel.findChild(QLabel, "predictionLabel").text() == "Draw a digit…"
        qtbot.wait(200)  # a late answer for the erased drawing must not come back
        assert panel.prediction is None


def test_ctrl_z_undoes_only_the_last_stroke(qtbot, panel):
    canvas = canvas_of(panel)
    draw(qtbot, canvas, [(150, 40), (146, 240)])
    one = wait_for_answer(qtbot, panel).model_input.copy()
    draw(qtbot, canvas, [(60, 140), (240, 140)])
    qtbot.waitUntil(lambda: panel.prediction is not None and not np.array_equal(panel.model_input, one),
                    timeout=WAIT_MS)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes) == 1
    qtbot.waitUntil(lambda: panel.model_input is not None and np.array_equal(panel.model_input, one),
                    timeout=WAIT_MS)
    qtbot.mouseClick(panel.findChild(QPushButton, "undoStrokeButton"), Qt.MouseButton.LeftButton)
    assert canvas.is_empty() and panel.prediction is None


def test_predictions_come_while_drawing_but_at_most_every_50_ms(qtbot, panel, monkeypatch):
    canvas = canvas_of(panel)
    submitted = []
    original = panel.predictor.submit
    monkeypatch.setattr(panel.predictor, "submit", lambda *a, **k: (submitted.append(1), original(*a, **k)))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(150, 40))
    for y in range(42, 240, 2):  # 99 moves at once: no prediction per move
        qtbot.mouseMove(canvas, QPoint(150, y))
    assert len(submitted) == 0
    qtbot.wait(120)  # the button is still down: the throttle timer asks once
    assert len(submitted) == 1
    wait_for_answer(qtbot, panel)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(150, 240))
    assert len(submitted) == 2  # and once more on release


def test_prediction_runs_off_the_gui_thread(qtbot, panel, monkeypatch):
    import playground.inference.predict as predict_module

    threads = []
    original = predict_module.predict

    def spy(loaded, image):
        threads.append(threading.current_thread())
        return original(loaded, image)

    monkeypatch.setattr(predict_module, "predict", spy)
    draw(qtbot, canvas_of(panel), [(150, 40), (146, 240)])
    wait_for_answer(qtbot, panel)
    assert threads and all(t is not threading.main_thread() for t in threads)


def _png(path, shape: str) -> str:
    image = Image.new("L", (120, 160), 255)  # dark ink on white paper, unlike the canvas
    d = ImageDraw.Draw(image)
    if shape == "zero":
        d.ellipse([30, 20, 90, 140], outline=0, width=10)
    else:
        d.line([(60, 15), (62, 145)], fill=0, width=10)
    image.save(path)
    return str(path)


def _drop(widget, path: str) -> tuple[bool, bool]:
    """Drag a file over the widget and drop it; whether the enter and the drop were accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    enter = QDragEnterEvent(QPoint(140, 140), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(140, 140), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent's QPoint constructor
def test_dropping_a_png_classifies_the_file_and_shows_it(qtbot, panel, tmp_path):
    canvas = canvas_of(panel)
    assert _drop(canvas, _png(tmp_path / "zero.png", "zero")) == (True, True)
    assert _drop(canvas, str(tmp_path / "notes.txt")) == (False, False)  # only pictures are taken
    assert wait_for_answer(qtbot, panel).label == "0"
    assert not canvas.is_empty() and canvas.ink().max() > 0.9  # the picture is on the canvas now
    panel.classify_file(_png(tmp_path / "one.png", "one"))
    qtbot.waitUntil(lambda: panel.prediction is not None and panel.prediction.label == "1", timeout=WAIT_MS)


def test_an_unreadable_file_shows_why_and_no_bars(qtbot, panel, tmp_path):
    draw(qtbot, canvas_of(panel), [(150, 40), (146, 240)])
    wait_for_answer(qtbot, panel)
    broken = tmp_path / "broken.png"
    broken.write_text("not a picture")
    panel.classify_file(str(broken))
    label = panel.findChild(QLabel, "predictionLabel")
    qtbot.waitUntil(lambda: "broken.png" in label.text(), timeout=WAIT_MS)
    assert panel.prediction is None and not panel.chart.bars.opts["height"].any()


def test_set_model_switches_the_source_and_a_2d_model_is_explained(qtbot, panel):
    from playground.inference.predict import load_bundled_model

    panel.set_model(load_bundled_model(), "Trained in this window")
    source = panel.findChild(QLabel, "modelSourceLabel")
    qtbot.waitUntil(lambda: "Trained in this window" in source.text(), timeout=WAIT_MS)

    exp = Experiment(dataset=DatasetSpec(name="spiral"), layers=[LayerSpec("Linear", {"units": 2, "bias": True})])
    flat = LoadedModel(build_model(exp, (2,)), exp, None, ["0", "1"], (2,))
    panel.set_model(flat, "Trained in this window")
    note = panel.findChild(QLabel, "modelNoteLabel")
    qtbot.waitUntil(lambda: "not a 28×28 image" in note.text(), timeout=WAIT_MS)
    assert note.isVisible()
    assert panel.model is not None and tuple(panel.model.input_shape) == (1, 28, 28)  # still reads drawings
    draw(qtbot, canvas_of(panel), [(150, 40), (146, 240)])
    assert wait_for_answer(qtbot, panel).label == "1"


def test_a_model_file_that_is_not_a_checkpoint_is_refused_in_a_note(qtbot, panel, tmp_path):
    bad = tmp_path / "bad.pt"
    bad.write_text("no weights here")
    panel.load_model_file(str(bad))
    note = panel.findChild(QLabel, "modelNoteLabel")
    qtbot.waitUntil(lambda: "bad.pt" in note.text(), timeout=WAIT_MS)
    assert BUNDLED_LABEL in panel.findChild(QLabel, "modelSourceLabel").text()


def test_shutdown_stops_the_threads(qtbot, panel):
    draw(qtbot, canvas_of(panel), [(150, 40), (146, 240)])
    panel.shutdown()
    assert not panel.predictor.is_running() and not panel.loader.is_running()


def test_a_28x28_example_shown_on_the_canvas_is_read_and_its_normalized_input_is_published(qtbot, panel):
    from playground.inference.preprocess import mnist_pixels

    ink = np.zeros((280, 280), np.float32)
    ink[30:250, 130:150] = 1.0
    example = mnist_pixels(ink)  # like an image from the mistakes gallery
    with qtbot.waitSignal(panel.modelInputChanged, timeout=WAIT_MS) as published:
        panel.show_pixels(example)
    assert wait_for_answer(qtbot, panel).label == "1"
    mean, std = panel.model.normalization
    assert published.args[0].shape == (28, 28)
    assert published.args[0].min() == pytest.approx(-mean / std, abs=1e-4)
    assert not canvas_of(panel).is_empty()
