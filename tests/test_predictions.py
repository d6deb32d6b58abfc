"""Outputs → probabilities → class: one reading for the trainer, the Evaluation view and the canvas.

The numbers a learner sees (a confidence bar, a mistake's "92 %") must be the network's own answer,
read the way its last layer and its loss say.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from helpers import layer, linear, tiny_experiment
from torch import nn

from playground.core import catalog
from playground.core.build import build_model
from playground.core.checkpoint import LoadedModel
from playground.core.experiment import DatasetSpec, Experiment
from playground.core.predictions import (
    MEANINGS,
    experiment_reading,
    last_layer_type,
    output_reading,
)
from playground.inference.predict import predict_pixels
from playground.training.metrics import evaluate_classifier
from playground.training.trainer import Trainer

torch.set_num_threads(1)
OUTPUTS = torch.tensor([[2.0, -1.0, 0.5], [-3.0, 4.0, 1.0]])


def test_a_network_ending_in_softmax_gives_its_outputs_as_the_probabilities():
    softmaxed = torch.softmax(OUTPUTS, dim=1)
    reading = output_reading("cross_entropy", "Softmax", 3)
    torch.testing.assert_close(reading.probabilities(softmaxed), softmaxed)
    assert reading.classes(softmaxed).tolist() == [0, 1]


def test_scores_trained_with_cross_entropy_or_nll_get_softmax():
    expected = torch.softmax(OUTPUTS, dim=1)
    torch.testing.assert_close(output_reading("cross_entropy", "Linear", 3).probabilities(OUTPUTS), expected)
    log_probabilities = torch.log_softmax(OUTPUTS, dim=1)
    torch.testing.assert_close(output_reading("nll", "LogSoftmax", 3).probabilities(log_probabilities), expected)
    torch.testing.assert_close(output_reading("cross_entropy", "LogSoftmax", 3).probabilities(log_probabilities),
                               expected)


def test_binary_cross_entropy_reads_one_logit_per_class():
    one = torch.tensor([[1.5], [-0.2], [0.0]])
    reading = output_reading("bce_with_logits", "Linear", 2)
    p = torch.sigmoid(one[:, 0])
    torch.testing.assert_close(reading.probabilities(one), torch.stack([1 - p, p], dim=1))
    assert reading.classes(one).tolist() == [1, 0, 0]  # a logit of exactly 0 is not yet the second class
    several = output_reading("bce_with_logits", "Linear", 3).probabilities(OUTPUTS)
    sigmoids = torch.sigmoid(OUTPUTS)
    torch.testing.assert_close(several, sigmoids / sigmoids.sum(1, keepdim=True))


def test_a_sigmoid_output_is_already_a_probability():
    one = torch.tensor([[0.8], [0.3]])
    reading = output_reading("bce_with_logits", "Sigmoid", 2)  # the last layer says what the numbers are
    torch.testing.assert_close(reading.probabilities(one), torch.tensor([[0.2, 0.8], [0.7, 0.3]]))
    assert reading.classes(one).tolist() == [1, 0]  # 0.3 would be class 1 if it were read as a logit


def test_one_hot_estimates_are_clipped_and_their_class_is_the_largest_output():
    outputs = torch.tensor([[1.4, 1.1, -0.2], [-0.5, -0.1, -0.3], [0.2, 0.6, 0.2]])
    reading = output_reading("mse", "Linear", 3)
    probabilities = reading.probabilities(outputs)
    torch.testing.assert_close(probabilities[2], torch.tensor([0.2, 0.6, 0.2]))
    torch.testing.assert_close(probabilities[1], torch.full((3,), 1 / 3))  # nothing above 0: no preference
    assert reading.classes(outputs).tolist() == [0, 1, 1]  # 1.4 beats 1.1 although both clip to 1


@pytest.mark.parametrize("loss", list(catalog.LOSSES))
@pytest.mark.parametrize("last", ["Linear", "Softmax", "LogSoftmax", "Sigmoid"])
def test_probabilities_sum_to_one_and_the_class_is_the_most_probable(loss, last):
    torch.manual_seed(0)
    raw = torch.randn(50, 4) * 3
    outputs = {"Softmax": torch.softmax(raw, 1), "LogSoftmax": torch.log_softmax(raw, 1),
               "Sigmoid": torch.sigmoid(raw)}.get(last, raw)
    reading = output_reading(loss, last, 4)
    probabilities = reading.probabilities(outputs)
    torch.testing.assert_close(probabilities.sum(1), torch.ones(50))
    assert (probabilities >= 0).all()
    classes = reading.classes(outputs)
    chosen = probabilities.gather(1, classes[:, None])[:, 0]
    torch.testing.assert_close(chosen, probabilities.max(1).values)


def test_regression_has_no_classes():
    assert output_reading("mse", "Linear", 0) is None
    regression = tiny_experiment("sine", [linear(8), layer("Tanh"), linear(1)], loss="mse", epochs=1)
    trainer = Trainer(regression)
    end = trainer.run()
    assert trainer.reading is None
    assert end.status == "completed" and end.history[-1].val_accuracy is None


def test_every_loss_says_how_its_outputs_are_read():
    assert {loss.outputs for loss in catalog.LOSSES.values()} <= set(MEANINGS)


def test_the_trainer_reads_a_softmax_network_by_its_last_layer():
    exp = tiny_experiment("circle", [linear(8), layer("ReLU"), linear(2), layer("Sigmoid")], loss="mse", epochs=1)
    trainer = Trainer(exp)
    trainer.prepare()
    assert trainer.reading == experiment_reading(exp, 2) == output_reading("mse", "Sigmoid", 2)
    assert last_layer_type(trainer.model) == "Sigmoid"


def _digit_model_ending_in_softmax() -> LoadedModel:
    exp = Experiment(dataset=DatasetSpec(name="mnist"), layers=[layer("Flatten"), linear(10), layer("Softmax")])
    torch.manual_seed(3)
    model = build_model(exp, (1, 28, 28)).eval()
    with torch.no_grad():
        model[1].weight.mul_(40)  # confident answers, so a second softmax would flatten them visibly
    return LoadedModel(model, exp, None, [str(d) for d in range(10)], (1, 28, 28))


def test_the_evaluation_view_and_the_canvas_show_the_same_confidence_for_a_softmax_network():
    loaded = _digit_model_ending_in_softmax()
    pixels = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    canvas = predict_pixels(loaded, pixels)
    with torch.no_grad():
        own = loaded.model(torch.from_numpy(pixels).reshape(1, 1, 28, 28))[0]
    np.testing.assert_allclose(canvas.probabilities, own.numpy(), rtol=1e-6)
    wrong_label = (canvas.top + 1) % 10
    evaluation = evaluate_classifier(loaded.model, torch.from_numpy(pixels).reshape(1, 1, 28, 28),
                                     torch.tensor([wrong_label]), loaded.class_names)
    (mistake,) = evaluation.mistakes
    assert mistake.predicted == canvas.top
    assert mistake.confidence == pytest.approx(canvas.confidence, rel=1e-6)
    assert canvas.confidence > 0.5  # a second softmax over 10 probabilities could never exceed e/(e+9) = 0.23


def test_the_evaluation_view_uses_the_runs_own_reading_when_given():
    model = nn.Sequential(nn.Flatten(), nn.Linear(3, 3))
    with torch.no_grad():
        model[1].weight.copy_(torch.eye(3))
        model[1].bias.zero_()
    x = torch.tensor([[0.9, 0.1, 0.0], [0.2, 0.3, 0.5]])
    ev = evaluate_classifier(model, x, torch.tensor([1, 0]), ["a", "b", "c"], reading=output_reading("mse", None, 3))
    assert [m.confidence for m in ev.mistakes] == pytest.approx([0.9, 0.5])
