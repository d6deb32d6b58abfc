"""Lesson 003 in the 2-D tab: the line through the nine points and the loss surface under it, drawn from
the trainer's own steps."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from helpers import LESSON_X, LESSON_Y, least_squares  # noqa: E402

from playground.core.presets import load_preset  # noqa: E402
from playground.training.loss_surface import fitted_line  # noqa: E402
from playground.ui.document import ExperimentDocument  # noqa: E402
from playground.ui.playground2d import install_playground2d  # noqa: E402
from playground.ui.playground2d.panel import DESCENT_PROBE_NAME, PROBE_NAME  # noqa: E402
from playground.ui.run_controller import TrainingRun  # noqa: E402
from playground.ui.worker import TrainingSession  # noqa: E402


def direct_sse(w: float, b: float) -> float:
    return sum((w * x + b - y) ** 2 for x, y in zip(LESSON_X, LESSON_Y, strict=True))


class LineRecorder:
    """A probe of the test's own: the trainer's (w, b) at the start and after every update."""

    def __init__(self):
        self.points = []

    def on_start(self, context, event):
        self.points.append(fitted_line(context.experiment, context.model))

    def on_batch(self, context, event):
        self.points.append(fitted_line(context.experiment, context.model))


@pytest.fixture
def lesson(qtbot):
    document, run = ExperimentDocument(load_preset("linear-regression")), TrainingRun()
    panel = install_playground2d(document, run, lambda widget, title, *_: None)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    return document, run, panel


def run_session(qtbot, panel, exp, paused_steps: int = 0):
    recorder = LineRecorder()
    probes = {DESCENT_PROBE_NAME: panel.make_descent_probe(exp), PROBE_NAME: panel.make_probe(exp),
              "recorder": recorder}
    session = TrainingSession(exp, probes=probes)
    handlers = {DESCENT_PROBE_NAME: panel.handle_descent, PROBE_NAME: panel.handle_frame}
    session.probe.connect(lambda name, payload: handlers.get(name, lambda _p: None)(payload))
    with qtbot.waitSignal(session.finished, timeout=60000) as finished:
        session.start(paused=bool(paused_steps))
        for _ in range(paused_steps):
            qtbot.waitUntil(lambda: len(recorder.points) > 0, timeout=30000)
            before = len(recorder.points)
            session.step()
            qtbot.waitUntil(lambda b=before: len(recorder.points) > b, timeout=30000)
        if paused_steps:
            session.stop()
    session.wait()
    qtbot.wait(100)  # the last queued payloads
    return finished.args[0], recorder


def test_the_line_lesson_replaces_the_diagram_and_shows_the_map_before_any_run(lesson):
    document, run, panel = lesson
    view = panel.line_view
    assert view.isVisible() and not panel.diagram.isVisible() and not panel.output.isVisible()
    assert sorted(run.probes) == sorted([PROBE_NAME, DESCENT_PROBE_NAME])
    points = view.line_plot.points_item.getData()
    np.testing.assert_allclose(sorted(points[0]), sorted(LESSON_X), atol=1e-6)
    star = view.surface_view.optimum_item.getData()
    w, b, sse = least_squares()
    assert (star[0][0], star[1][0]) == pytest.approx((w, b), abs=1e-6)  # the points are float32
    caption = view.surface_view.caption.text()
    assert "w\u00a0=\u00a0−0.0569" in caption and "b\u00a0=\u00a05.2345" in caption and "62.611" in caption
    # another network on the same data (a hidden layer): the diagram is back
    exp = document.experiment.copy()
    exp.layers.insert(0, exp.layers[0].__class__("Linear", {"units": 4, "bias": True}))
    document.apply_edit("hidden layer", exp)
    assert not view.isVisible() and panel.diagram.isVisible() and panel.output.isVisible()
    assert panel.make_descent_probe(exp) is None


def test_the_drawn_path_is_the_trainers_w_and_b_after_every_step(lesson, qtbot):
    document, run, panel = lesson
    exp = document.experiment.copy()
    exp.epochs, exp.device = 60, "cpu"
    end, recorder = run_session(qtbot, panel, exp)
    assert end.status == "completed"
    surface = panel.line_view.surface_view
    xs, ys = surface.path_item.getData()
    assert len(xs) == 61  # the start and one point per update (full batch: one update an epoch)
    np.testing.assert_allclose(np.column_stack([xs, ys]), np.array(recorder.points), rtol=0, atol=1e-7)
    # the map's values are the sum of squared errors at its grid points
    s = surface.surface
    for i, j in ((0, 0), (7, 90), (60, 60), (120, 3)):
        assert s["loss"][i, j] == pytest.approx(direct_sse(s["grid_w"][j], s["grid_b"][i]), rel=1e-6)  # float32 points
    assert s["grid_w"][0] < recorder.points[0][0] < s["grid_w"][-1]  # the start is on the map
    # the line plot shows the last (w, b), its residuals and its SSE
    w, b = recorder.points[-1]
    line = panel.line_view.line_plot
    assert line.line == pytest.approx((w, b))
    rx, ry = line.residual_item.getData()
    assert len(rx) == 18 and np.allclose(ry[1::2], w * np.asarray(rx[1::2]) + b, atol=1e-5)
    caption = line.caption.text().replace("\u00a0", " ")
    assert f"w = {w:.4f}".replace("-", "−") in caption and f"SSE = {direct_sse(w, b):.3f}" in caption


def test_step_draws_the_update_as_an_arrow_with_its_gradient(lesson, qtbot):
    document, run, panel = lesson
    exp = document.experiment.copy()
    exp.device = "cpu"
    _end, recorder = run_session(qtbot, panel, exp, paused_steps=3)
    surface = panel.line_view.surface_view
    assert surface.arrow_item.isVisible()
    (w0, b0), (w1, b1) = recorder.points[2], recorder.points[3]
    xs, ys = surface.step_item.getData()
    np.testing.assert_allclose([xs[0], ys[0], xs[1], ys[1]], [w0, b0, w1, b1], atol=1e-7)
    assert (surface.arrow_item.pos().x(), surface.arrow_item.pos().y()) == pytest.approx((w1, b1), abs=1e-6)
    # the caption's gradient is the one that made this step: w1 = w0 − η·∂SSE/∂w
    residuals = [w0 * x + b0 - y for x, y in zip(LESSON_X, LESSON_Y, strict=True)]
    grad_w = 2 * sum(r * x for r, x in zip(residuals, LESSON_X, strict=True))
    assert w1 == pytest.approx(w0 - exp.optimizer.lr * grad_w, rel=1e-5)
    assert f"∂SSE/∂w = {grad_w:.3f}".replace("-", "−") in surface.step_caption.text()


def test_too_large_a_learning_rate_is_explained_on_the_map(lesson):
    document, run, panel = lesson
    exp = document.experiment.copy()
    exp.optimizer.lr = 0.004
    document.apply_edit("lr", exp)
    assert "runs off the map" in panel.line_view.surface_view.caption.text()
    exp = exp.copy()
    exp.optimizer.name = "adam"
    document.apply_edit("adam", exp)
    assert "not plain gradient descent" in panel.line_view.surface_view.caption.text()


@pytest.mark.parametrize("size", [(420, 560), (1000, 600)])
def test_the_plots_stay_square_and_the_captions_whole(lesson, qtbot, size):
    document, run, panel = lesson
    view = panel.line_view
    view.resize(*size)
    qtbot.wait(50)
    for cell in (view.line_plot, view.surface_view):
        plot = cell.plot
        assert abs(plot.width() - plot.height()) <= 1
        assert cell.caption.height() >= cell.caption.heightForWidth(cell.caption.width()) - 1
        assert cell.caption.geometry().bottom() <= cell.height()
