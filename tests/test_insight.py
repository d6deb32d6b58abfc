"""Evaluation and one-step anatomy: numbers a learner reads must match a hand computation."""

import numpy as np
import torch
from torch import nn

from playground.training.anatomy import layer_activations, take_step, weight_histograms
from playground.training.metrics import evaluate_classifier


class FixedScores(nn.Module):
    """A 'model' whose scores are the input itself: predictions are known in advance."""

    def __init__(self):
        super().__init__()
        self.dummy = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return x + 0 * self.dummy


def test_confusion_matrix_counts_match_known_predictions():
    # rows of scores → predicted classes 0, 1, 2, 1, 0 ; true labels 0, 1, 1, 1, 2
    x = torch.tensor([[5., 0, 0], [0, 5, 0], [0, 0, 5], [0, 5, 0], [5, 0, 0]])
    y = torch.tensor([0, 1, 1, 1, 2])
    ev = evaluate_classifier(FixedScores(), x, y, ["a", "b", "c"])
    expected = np.array([[1, 0, 0], [0, 2, 1], [1, 0, 0]])
    np.testing.assert_array_equal(ev.confusion, expected)
    assert ev.accuracy == 3 / 5
    np.testing.assert_allclose(ev.per_class_accuracy, [1.0, 2 / 3, 0.0])
    assert sorted((m.true, m.predicted) for m in ev.mistakes) == [(1, 2), (2, 0)]
    assert all(0.9 < m.confidence <= 1 for m in ev.mistakes)


def test_mistakes_carry_their_images_most_confident_first():
    x = torch.zeros(3, 1, 2, 2)
    model = nn.Sequential(nn.Flatten(), nn.Linear(4, 2))
    with torch.no_grad():
        model[1].weight.zero_()
        model[1].bias.copy_(torch.tensor([0.0, 3.0]))  # always predicts class 1
    ev = evaluate_classifier(model, x, torch.tensor([0, 0, 1]), ["0", "1"])
    assert [m.index for m in ev.mistakes] == [0, 1]
    assert ev.mistakes[0].image.shape == (1, 2, 2)


def test_one_sgd_step_matches_manual_computation():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 1))
    w0 = model[0].weight.detach().clone()
    b0 = model[0].bias.detach().clone()
    x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
    y = torch.tensor([[1.0], [0.0]])
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    anatomy = take_step(model, opt, nn.MSELoss(), x, y)

    pred = x @ w0.T + b0
    loss = ((pred - y) ** 2).mean()
    d = 2 * (pred - y) / len(x)  # dL/dpred
    grad_w = d.T @ x
    grad_b = d.sum(0)
    grad_norm = torch.sqrt((grad_w ** 2).sum() + (grad_b ** 2).sum())

    assert abs(anatomy.loss - float(loss)) < 1e-6
    assert anatomy.output_shape == (2, 1)
    layer = anatomy.layers[0]
    assert abs(layer.grad_norm - float(grad_norm)) < 1e-5
    # plain SGD: the change is exactly lr × gradient
    assert abs(layer.update_norm - 0.1 * float(grad_norm)) < 1e-5
    assert abs(layer.sgd_update_norm - layer.update_norm) < 1e-6
    torch.testing.assert_close(model[0].weight.detach(), w0 - 0.1 * grad_w)


def test_momentum_state_is_reported_and_changes_the_update():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x, y = torch.randn(8, 3), torch.randn(8, 1)
    take_step(model, opt, nn.MSELoss(), x, y)
    second = take_step(model, opt, nn.MSELoss(), x, y)
    assert [layer.name for layer in second.layers] == ["Linear #1", "Linear #3"]
    assert all("momentum_buffer" in layer.state for layer in second.layers)
    # with momentum the second step is lr × (grad + 0.9 × previous buffer), not lr × grad
    assert any(abs(layer.update_norm - layer.sgd_update_norm) > 1e-6 for layer in second.layers)


def test_adam_moments_are_reported():
    model = nn.Sequential(nn.Linear(3, 1))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    anatomy = take_step(model, opt, nn.MSELoss(), torch.randn(4, 3), torch.randn(4, 1))
    assert {"exp_avg", "exp_avg_sq"} <= set(anatomy.layers[0].state)


def test_weight_histograms_change_after_training_step():
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    before = weight_histograms(model)
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    take_step(model, opt, nn.CrossEntropyLoss(), torch.randn(16, 4), torch.randint(0, 2, (16,)))
    after = weight_histograms(model)
    assert set(after) == {"Linear #1", "Linear #3"}
    assert "grad_counts" in after["Linear #1"]
    assert after["Linear #1"]["weight_edges"] != before["Linear #1"]["weight_edges"]
    assert sum(after["Linear #3"]["weight_counts"]) == 16


def test_layer_activations_give_every_layer_output():
    model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 3))
    acts = layer_activations(model, torch.randn(1, 1, 4, 4))
    assert [name for name, _ in acts] == ["Conv2d #1", "ReLU #2", "Flatten #3", "Linear #4"]
    assert acts[0][1].shape == (2, 4, 4) and acts[3][1].shape == (3,)
    assert (acts[1][1] >= 0).all()


def test_step_in_the_trainer_records_that_batch_anatomy():
    import threading

    from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec
    from playground.training.trainer import Trainer, TrainerCallbacks

    exp = Experiment(dataset=DatasetSpec("xor", batch_size=16, samples=200),
                     layers=[LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {}),
                             LayerSpec("Linear", {"units": 2, "bias": True})],
                     optimizer=OptimizerSpec("sgd", lr=0.1, momentum=0.9), epochs=2)
    seen = threading.Event()
    steps = []

    class Listener(TrainerCallbacks):
        def on_batch(self, trainer, event):
            steps.append((event.global_step, trainer.last_anatomy))
            seen.set()

    trainer = Trainer(exp, Listener())
    trainer.request_pause()
    trainer.request_step()
    thread = threading.Thread(target=trainer.run)
    thread.start()
    assert seen.wait(30)
    trainer.request_stop()
    thread.join(30)
    assert len(steps) == 1
    anatomy = steps[0][1]
    assert [layer.name for layer in anatomy.layers] == ["Linear #1", "Linear #3"]
    assert anatomy.input_shape == (16, 2) and anatomy.output_shape == (16, 2)
    # the first SGD step (momentum buffer = gradient) moves each layer by exactly lr × grad
    for layer in anatomy.layers:
        assert abs(layer.update_norm - layer.sgd_update_norm) < 1e-5
        assert layer.grad_norm > 0 and "momentum_buffer" in layer.state
