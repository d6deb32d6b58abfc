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
from playground.core.build import build_layers, build_model
from playground.core.experiment import DatasetSpec, Experiment, ExperimentError, LayerSpec
from playground.core.presets import load_preset
from playground.core.shapes import infer_shapes
from playground.data import generated, sequences
from playground.data.registry import dataset_info, load_dataset
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


# ---------------------------------------------------------------------------- lesson 004: the CNN


def test_seed_cnn_is_lesson_004s_simple_cnn_layer_for_layer():
    exp = load_preset("seed-cnn")
    assert exp.dataset.name == "mnist"
    assert [(layer.type, layer.params) for layer in exp.layers] == [
        ("Conv2d", {"out_channels": 16, "kernel_size": 3, "stride": 1, "padding": 1}),
        ("ReLU", {}),
        ("MaxPool2d", {"kernel_size": 2, "stride": 0}),  # stride 0: the kernel's, as nn.MaxPool2d(2) has it
        ("Flatten", {}),
        ("Linear", {"units": 10, "bias": True}),
    ]
    report = infer_shapes(exp)
    assert report.error is None and report.total_parameters == 31_530
    assert [row.output_shape for row in report.layers] == [(16, 28, 28), (16, 28, 28), (16, 14, 14), (3136,), (10,)]
    model = build_model(exp)
    conv, pool, fc = model[0], model[2], model[4]
    assert (conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding) == (
        1, 16, (3, 3), (1, 1), (1, 1))
    assert (pool.kernel_size, pool.stride) == (2, 2)
    assert (fc.in_features, fc.out_features) == (16 * 14 * 14, 10)
    assert sum(p.numel() for p in model.parameters()) == 31_530


# ---------------------------------------------------------------------------- lesson 004: long memory


def test_long_memory_label_depends_only_on_the_first_steps():
    head = sequences.INFORMATIVE_STEPS
    short, labels = sequences.long_memory(400, 10, 1.0, np.random.default_rng(7))
    long, same_labels = sequences.long_memory(400, 150, 1.0, np.random.default_rng(7))
    # the same seed with another length: every step after the first three is replaced, labels unchanged
    np.testing.assert_array_equal(labels, same_labels)
    np.testing.assert_array_equal(short[:, :head], long[:, :head])
    assert short.shape == (400, 10, 4) and long.shape == (400, 150, 4)
    assert not np.allclose(short[:, head:10], long[:, head:10])
    # the first steps alone give the label back (the class's channel rises); the rest says nothing
    assert (long[:, :head].sum(axis=1).argmax(axis=1) == labels).mean() > 0.95
    tail_means = np.array([long[labels == c, head:].mean(axis=(0, 1)) for c in range(4)])
    assert np.abs(tail_means).max() < 0.05  # the same noise after the start, whatever the class
    # without noise the rest is exactly zero for every class: nothing there to tell them apart
    clean, clean_labels = sequences.long_memory(40, 20, 0.0, np.random.default_rng(1))
    assert not clean[:, head:].any()
    np.testing.assert_array_equal(clean[:, 0], sequences.SIGNAL * np.eye(4)[clean_labels])


def test_a_trained_lstm_answers_from_the_first_steps_alone():
    exp = load_preset("lstm-long")
    exp.device, exp.epochs, exp.dataset.sequence_length, exp.dataset.samples = "cpu", 3, 12, 1500
    trainer = Trainer(exp)
    trainer.run()
    x, y = trainer.data.val_x, trainer.data.val_y
    shuffled = x.clone()
    shuffled[:, sequences.INFORMATIVE_STEPS:] = x[torch.randperm(len(x)), sequences.INFORMATIVE_STEPS:]
    with torch.no_grad():
        right = (trainer.model(x).argmax(1) == y).float().mean().item()
        right_shuffled = (trainer.model(shuffled).argmax(1) == y).float().mean().item()
    assert right > 0.8 and right_shuffled > right - 0.1  # other sequences' tails: still its own answer


@pytest.mark.parametrize("length", [4, 201, 0])
def test_sequence_length_is_refused_outside_5_to_200(length):
    with pytest.raises(ExperimentError, match="sequence length T must be from 5 to 200") as error:
        Experiment.from_dict({"dataset": {"name": "long-memory", "sequence_length": length}, "layers": []})
    assert error.value.field == "dataset.sequence_length"
    with pytest.raises(ValueError, match="from 5 to 200"):
        sequences.long_memory(10, length, 1.0, np.random.default_rng(0))


def test_a_sequence_length_set_in_code_fails_the_run_with_the_reason():
    exp = load_preset("rnn-long")
    exp.device, exp.dataset.sequence_length = "cpu", 3
    end = Trainer(exp).run()
    assert end.status == "failed" and "from 5 to 200" in str(end.message)


def test_long_memory_data_is_steps_by_features_with_four_classes():
    spec = DatasetSpec("long-memory", samples=100, val_split=0.2, sequence_length=25, noise=1.0)
    info = dataset_info(spec)
    assert info.input_shape == (25, 4) and info.num_classes == 4 and info.is_sequence and not info.is_image
    bundle = load_dataset(spec, seed=3)
    assert tuple(bundle.train_x.shape) == (80, 25, 4) and tuple(bundle.val_x.shape) == (20, 25, 4)
    assert bundle.train_y.dtype == torch.int64 and set(bundle.train_y.tolist()) <= {0, 1, 2, 3}


@pytest.mark.parametrize("name,kind", [("rnn-long", "RNN"), ("lstm-long", "LSTM"), ("gru-long", "GRU")])
def test_long_memory_presets_differ_only_in_the_recurrent_cell(name, kind):
    exp = load_preset(name)
    reference = load_preset("rnn-long")
    assert exp.layers[0].type == kind and exp.layers[0].params["hidden_size"] == 32
    assert exp.dataset == reference.dataset and exp.optimizer == reference.optimizer
    assert (exp.epochs, exp.seed, exp.layers[1:]) == (reference.epochs, reference.seed, reference.layers[1:])
    assert sequences.MIN_LENGTH <= exp.dataset.sequence_length <= sequences.MAX_LENGTH


@pytest.mark.parametrize("kind,param", [("LSTM", "forget_bias"), ("GRU", "update_bias")])
def test_the_memory_gate_starts_where_its_bias_says(kind, param):
    hidden = 5
    gate = slice(hidden, 2 * hidden)  # torch's second gate block: forget (LSTM) / update (GRU)
    torch.manual_seed(0)
    default = build_layers((7, 3), [LayerSpec(kind, {"hidden_size": hidden, "num_layers": 2})])
    torch.manual_seed(0)
    pytorch = getattr(torch.nn, kind)(3, hidden, num_layers=2, batch_first=True)
    for mine, theirs in zip(default.parameters(), pytorch.parameters(), strict=True):
        assert torch.equal(mine, theirs)  # bias 0: PyTorch's own start, untouched
    torch.manual_seed(0)
    opened = build_layers((7, 3), [LayerSpec(kind, {"hidden_size": hidden, "num_layers": 2, param: 2.0})])
    rnn = opened[0].rnn
    for layer in range(2):
        total = getattr(rnn, f"bias_ih_l{layer}") + getattr(rnn, f"bias_hh_l{layer}")
        assert torch.equal(total[gate], torch.full((hidden,), 2.0))
        assert torch.equal(getattr(rnn, f"weight_ih_l{layer}"), getattr(pytorch, f"weight_ih_l{layer}"))


def test_sequence_length_on_the_command_line_goes_through_the_same_check(capsys):
    code = cli.main(["train", "--preset", "rnn-long", "--sequence-length", "300"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.count("\n") == 0
    assert "dataset.sequence_length" in err and "from 5 to 200" in err
