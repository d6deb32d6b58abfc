"""The course's lessons as the lessons have them: lesson 003's nine noisy points fitted with the sum of
squared errors and plain gradient descent, lesson 004's one-block CNN, and the long-memory sequences
on which a plain RNN forgets what LSTM and GRU keep."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from helpers import LESSON_X, LESSON_Y, least_squares

from playground import cli
from playground.core import catalog
from playground.core.presets import load_preset
from playground.data import generated
from playground.data.registry import load_dataset
from playground.training.loss_surface import LossSurface
from playground.training.trainer import Trainer


@pytest.fixture(autouse=True)
def one_thread():
    torch.set_num_threads(1)


# ---------------------------------------------------------------------------- lesson 003


def test_linear_nine_is_lesson_003s_nine_noisy_points():
    x, y = generated.generate("linear-9", 500, 0.0, seed=3)
    np.testing.assert_array_equal(x[:, 0], np.float32(LESSON_X))  # float32, like the lesson's FloatTensor
    np.testing.assert_array_equal(y[:, 0], np.float32(LESSON_Y))


def test_the_nine_points_reach_the_network_in_their_own_units():
    """No hidden rescaling: the inputs the trainer fits are the lesson's x and y themselves, so the
    learned weight and bias are the line's slope and intercept."""
    exp = load_preset("linear-regression")
    bundle = load_dataset(exp.dataset, seed=exp.seed)
    np.testing.assert_array_equal(bundle.train_x[:, 0].numpy(), np.float32(LESSON_X))
    np.testing.assert_array_equal(bundle.train_y[:, 0].numpy(), np.float32(LESSON_Y))
    assert bundle.normalization is None


def test_linear_regression_preset_is_the_lessons_setup():
    exp = load_preset("linear-regression")
    assert exp.dataset.name == "linear-9" and [layer.type for layer in exp.layers] == ["Linear"]
    loss = catalog.LOSSES[exp.loss]
    assert loss.sums and loss.build().reduction == "sum"  # (ŷ − y)².sum(), as in the lesson's loss_fn
    assert exp.optimizer.name == "sgd" and exp.optimizer.momentum == 0 and exp.optimizer.weight_decay == 0
    assert exp.dataset.batch_size >= 9  # every step sees all nine points, like the lesson
    assert exp.scheduler.name == "none" and not (exp.l1 or exp.l2 or exp.grad_clip)


def test_training_the_preset_reaches_the_least_squares_line_in_the_datas_units(capsys):
    code = cli.main(["train", "--preset", "linear-regression", "--device", "cpu", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    done = json.loads(out.strip().splitlines()[-1])
    w, b, sse = least_squares()
    assert done["status"] == "completed"
    assert abs(done["line"]["w"] - w) < 1e-3 and abs(done["line"]["b"] - b) < 1e-3, (done["line"], w, b)
    assert abs(done["test_loss"] - sse) < 1e-3  # the SSE over the nine points, as the lesson sums it
    assert w < 0  # the two outliers tip the best line slightly downhill


def test_a_learning_rate_past_the_bowls_limit_diverges_with_the_sum():
    surface = LossSurface(LESSON_X, LESSON_Y, summed=True)
    exp = load_preset("linear-regression")
    exp.device = "cpu"
    assert exp.optimizer.lr < surface.largest_stable_lr() < 2 * exp.optimizer.lr
    # the mean divides every slope by nine, so the same rate is nine times too careful for MSE
    assert LossSurface(LESSON_X, LESSON_Y, summed=False).largest_stable_lr() == pytest.approx(
        9 * surface.largest_stable_lr())
    exp.optimizer.lr = 2 * exp.optimizer.lr
    end = Trainer(exp).run()
    assert end.status == "failed" and "diverged" in str(end.message)
