"""The loss surface of lesson 003's line: the map's values, its lowest point, and the steps gradient
descent takes on it, each checked against a direct computation or against the trainer itself."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import LESSON_X, LESSON_Y, layer, least_squares, linear

from playground.core.experiment import DatasetSpec, Experiment
from playground.core.presets import load_preset
from playground.data.registry import load_dataset
from playground.training.loss_surface import LossSurface, fitted_line, has_line, surface_for
from playground.training.trainer import Trainer, TrainerCallbacks


def direct_sse(w: float, b: float) -> float:
    return sum((w * x + b - y) ** 2 for x, y in zip(LESSON_X, LESSON_Y, strict=True))


def test_grid_values_are_the_sum_of_squared_errors_at_each_point():
    grid = LossSurface(LESSON_X, LESSON_Y).grid((-2.0, 3.0), (-4.0, 10.0), size=21)
    assert grid.loss.shape == (21, 21)
    for i, j in ((0, 0), (3, 17), (10, 10), (20, 5), (20, 20)):
        assert grid.loss[i, j] == pytest.approx(direct_sse(grid.w[j], grid.b[i]), rel=1e-12)  # rows are b
    mean = LossSurface(LESSON_X, LESSON_Y, summed=False)
    assert mean.loss(0.5, 1.0) == pytest.approx(direct_sse(0.5, 1.0) / 9)


def test_optimum_is_numpys_least_squares_line_where_the_slopes_vanish():
    surface = LossSurface(LESSON_X, LESSON_Y)
    best = surface.optimum()
    w, b, sse = least_squares()
    assert (best.w, best.b, best.loss) == pytest.approx((w, b, sse), abs=1e-9)
    assert surface.gradient(best.w, best.b) == pytest.approx((0, 0), abs=1e-9)
    grid = surface.grid(size=51)
    assert grid.loss.min() >= best.loss - 1e-9  # nothing on the map lies below it
    assert grid.w[0] < best.w < grid.w[-1] and grid.b[0] < best.b < grid.b[-1]


def test_one_step_is_minus_the_learning_rate_times_the_gradient():
    surface = LossSurface(LESSON_X, LESSON_Y)
    step = surface.step(1.0, 0.0, lr=0.002)
    residuals = [1.0 * x + 0.0 - y for x, y in zip(LESSON_X, LESSON_Y, strict=True)]
    grad_w = 2 * sum(r * x for r, x in zip(residuals, LESSON_X, strict=True))
    grad_b = 2 * sum(residuals)
    assert (step.grad_w, step.grad_b) == pytest.approx((grad_w, grad_b))
    assert (step.new_w, step.new_b) == pytest.approx((1.0 - 0.002 * grad_w, 0.0 - 0.002 * grad_b))
    assert step.new_loss < step.loss == pytest.approx(direct_sse(1.0, 0.0))


def test_the_computed_path_is_the_trainers_path_step_by_step():
    class Recorder(TrainerCallbacks):
        def __init__(self):
            self.points = []

        def on_start(self, trainer, event):
            self.points.append(fitted_line(trainer.experiment, trainer.model))

        def on_batch(self, trainer, event):
            self.points.append(fitted_line(trainer.experiment, trainer.model))

    exp = load_preset("linear-regression")
    exp.epochs, exp.device = 40, "cpu"
    recorder = Recorder()
    trainer = Trainer(exp, recorder)
    trainer.run()
    surface = surface_for(exp, trainer.data)
    start_w, start_b = recorder.points[0]
    path = surface.path(start_w, start_b, exp.optimizer.lr, 40)
    np.testing.assert_allclose(np.array(recorder.points), path, rtol=1e-5, atol=1e-5)


def test_past_the_largest_stable_rate_the_path_runs_away():
    surface = LossSurface(LESSON_X, LESSON_Y)
    limit = surface.largest_stable_lr()
    calm = surface.path(1.0, 0.0, 0.95 * limit, 300)
    wild = surface.path(1.0, 0.0, 1.05 * limit, 300)
    assert surface.loss(*calm[-1]) < surface.loss(1.0, 0.0) and surface.loss(*wild[-1]) > 1e6


def test_the_default_window_shows_the_start_and_the_optimum():
    surface = LossSurface(LESSON_X, LESSON_Y)
    grid = surface.grid(include=[(3.0, -6.0)], size=11)
    best = surface.optimum()
    assert grid.w[0] < min(3.0, best.w) and grid.w[-1] > max(3.0, best.w)
    assert grid.b[0] < min(-6.0, best.b) and grid.b[-1] > max(-6.0, best.b)


def test_only_a_single_line_over_the_raw_input_has_a_line():
    lesson = load_preset("linear-regression")
    assert has_line(lesson)
    deeper = lesson.copy()
    deeper.layers = [linear(4), layer("Tanh"), linear(1)]
    squared = lesson.copy()
    squared.dataset.features = ["x1^2"]
    circle = Experiment(dataset=DatasetSpec("circle"), layers=[linear(2)])
    assert not any(has_line(e) for e in (deeper, squared, circle))
    assert surface_for(squared, load_dataset(squared.dataset)) is None
    assert fitted_line(deeper, None) is None
