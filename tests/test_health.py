"""Gradient health: the statistics against a hand computation, sampling that costs nothing between
samples, the warnings in words, and the figures in `playground train --json`."""

from __future__ import annotations

import json
import math

import pytest
import torch
from helpers import DATA_DIR, block_network, layer, linear, requires_mnist, tiny_experiment
from torch import nn

from playground import cli
from playground.core.experiment import LayerSpec
from playground.core.presets import load_preset
from playground.data import images
from playground.training.health import HealthMonitor, activation_share, sample_interval
from playground.training.health_rules import LayerHealth, gradient_position, health_warnings


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    block_network(monkeypatch)
    images.load_split.cache_clear()
    torch.set_num_threads(1)


def tiny_network() -> nn.Sequential:
    """2 → 2 → ReLU → 1 with weights chosen so the arithmetic is short."""
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[1.0, 0.0], [0.0, -1.0]]))
        model[0].bias.zero_()
        model[2].weight.copy_(torch.tensor([[1.0, 1.0]]))
        model[2].bias.zero_()
    return model


def one_step(model, monitor, x, lr=0.1):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    monitor.arm_if_next(0)
    loss = (model(x) ** 2).mean()  # target 0
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return monitor.measure(1)


def test_statistics_equal_a_hand_computation():
    model = tiny_network()
    monitor = HealthMonitor(model, ["Linear", "ReLU", "Linear"], interval=1)
    sample = one_step(model, monitor, torch.tensor([[1.0, 2.0]]))
    first, relu, last = sample.layers
    # forward: z = W1·x = (1, −2), h = ReLU(z) = (1, 0), y = W2·h = 1, loss = y² = 1, dL/dy = 2
    # last layer: dW2 = 2·h = (2, 0), db2 = 2 → ‖g‖ = √8; before the step ‖w‖ = ‖(1, 1, 0)‖ = √2
    assert last.grad_norm == pytest.approx(math.sqrt(8))
    assert last.update_ratio == pytest.approx(0.1 * math.sqrt(8) / math.sqrt(2))  # ‖Δw‖ = lr·‖g‖ for SGD
    assert last.weight_norm == pytest.approx(math.sqrt(0.8 ** 2 + 1 + 0.2 ** 2))  # after: (0.8, 1), −0.2
    # first layer: dL/dh = 2·W2 = (2, 2), through ReLU's mask (1, 0) → dz = (2, 0);
    # dW1 = dz·xᵀ = [[2, 4], [0, 0]], db1 = (2, 0) → ‖g‖ = √24; ‖w‖ before = √2
    assert first.grad_norm == pytest.approx(math.sqrt(24))
    assert first.update_ratio == pytest.approx(0.1 * math.sqrt(24) / math.sqrt(2))
    # the second unit was negative for the only example: half the layer is dead
    assert (relu.index, relu.type, relu.dead_fraction, relu.grad_norm) == (1, "ReLU", 0.5, None)
    assert first.dead_fraction is None and first.saturated_fraction is None


def test_dead_fraction_counts_units_zero_for_the_whole_batch():
    model = tiny_network()
    monitor = HealthMonitor(model, ["Linear", "ReLU", "Linear"], interval=1)
    # unit 2 is −x₂: negative for both examples → dead; unit 1 is x₁ > 0 → alive
    assert one_step(model, monitor, torch.tensor([[1.0, 2.0], [3.0, 1.0]])).layers[1].dead_fraction == 0.5
    model = tiny_network()
    monitor = HealthMonitor(model, ["Linear", "ReLU", "Linear"], interval=1)
    # the second example makes unit 2 positive: a unit active once in the batch is not dead
    assert one_step(model, monitor, torch.tensor([[1.0, 2.0], [1.0, -1.0]])).layers[1].dead_fraction == 0.0


def test_saturated_share_of_sigmoid_and_tanh():
    sigmoid = torch.sigmoid(torch.tensor([[-10.0, -1.0, 0.0, 1.0, 10.0]]))  # 0.00005, …, 0.99995
    assert activation_share(sigmoid, "saturated", "Sigmoid") == pytest.approx(2 / 5)
    tanh = torch.tanh(torch.tensor([[-3.0, -0.5, 0.5, 2.5]]))  # −0.995, …, 0.987
    assert activation_share(tanh, "saturated", "Tanh") == pytest.approx(2 / 4)


def test_unsampled_batches_pay_nothing():
    model = tiny_network()
    monitor = HealthMonitor(model, ["Linear", "ReLU", "Linear"], interval=5)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.randn(8, 2)
    monitor.arm_if_next(0)
    measured = []
    for step in range(1, 11):
        armed = bool(model[1]._forward_hooks)
        assert armed == (step % 5 == 0)  # hooks only on the forward pass of a measured batch
        assert (monitor._before is not None) == (step % 5 == 0)  # the weights copied only before one
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        sample = monitor.measure(step)
        if sample is not None:
            measured.append(step)
        monitor.arm_if_next(step)
    assert measured == [5, 10]
    monitor.close()
    assert not model[1]._forward_hooks
    assert sample_interval(938) == 20 and sample_interval(141) == 17 and sample_interval(20) == 2
    assert sample_interval(3) == 1


def test_evaluation_passes_do_not_count_as_the_batch():
    model = tiny_network()
    monitor = HealthMonitor(model, ["Linear", "ReLU", "Linear"], interval=1)
    monitor.arm_if_next(0)
    model.eval()
    with torch.no_grad():
        model(torch.tensor([[1.0, -2.0]]))  # both units active: would say 0 dead
    model.train()
    sample = one_step(model, monitor, torch.tensor([[1.0, 2.0]]))
    assert sample.layers[1].dead_fraction == 0.5


def graded(*norms, ratios=None) -> list[LayerHealth]:
    layers = []
    for i, norm in enumerate(norms):
        ratio = ratios[i] if ratios else 1e-3
        layers.append(LayerHealth(2 * i, "Linear", grad_norm=norm, update_ratio=ratio, weight_norm=1.0,
                                  update_ratio_min=ratio, update_ratio_max=ratio))
    return layers


def test_vanishing_gradients_are_warned_in_words():
    warnings = health_warnings(graded(1e-6, 1e-4, 1e-2))
    assert [w.kind for w in warnings] == ["vanishing"]
    assert "Gradients vanish" in str(warnings[0].message) and "Linear #1" in str(warnings[0].message)
    assert warnings[0].concept == "idea:vanishing-gradients"
    assert health_warnings(graded(1e-4, 1e-2)) == []  # a hundred times smaller is not yet a clear pattern


def test_update_ratios_warn_about_the_learning_rate():
    high = health_warnings(graded(1.0, 1.0, ratios=[0.3, 0.05]))
    assert [w.kind for w in high] == ["lr-high"] and "too high" in str(high[0].message)
    assert high[0].concept == "idea:update-ratio"
    low = health_warnings(graded(1.0, 1.0, ratios=[1e-7, 1e-6]))
    assert [w.kind for w in low] == ["lr-low"] and "too low" in str(low[0].message)
    assert health_warnings(graded(1.0, 1.0, ratios=[1e-7, 1e-3])) == []  # one layer still moves


def test_dead_and_saturated_layers_are_warned():
    layers = [LayerHealth(1, "ReLU", dead_fraction=0.8), LayerHealth(3, "Sigmoid", saturated_fraction=0.9),
              LayerHealth(5, "ReLU", dead_fraction=0.3)]
    warnings = health_warnings(layers)
    assert [(w.kind, w.layer) for w in warnings] == [("dead", 1), ("saturated", 3)]
    assert "80% of ReLU #2" in str(warnings[0].message)


def test_colour_scale_runs_from_vanishing_to_exploding():
    assert gradient_position(1.0, 1.0) == 0.0
    assert gradient_position(0.2, 1.0) == 0.0  # a bit weaker than the strongest layer is healthy
    assert -1 < gradient_position(0.01, 1.0) < 0
    assert gradient_position(1e-6, 1.0) == -1.0
    assert 0 < gradient_position(100.0, 100.0) < 1 and gradient_position(1e5, 1e5) == 1.0
    assert gradient_position(2.0, 1e5) == 0.0  # beside an exploding layer, a normal one is not vanishing
    assert gradient_position(None, 1.0) is None


# ---------------------------------------------------------------------------- headless, for real
def train_json(capsys, tmp_path, exp, *extra) -> list[dict]:
    path = tmp_path / "exp.json"
    exp.save(path)
    code = cli.main(["train", "--experiment", str(path), "--json", *extra])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return [json.loads(line) for line in out.strip().splitlines()]


def test_json_epochs_carry_finite_layer_figures(capsys, tmp_path):
    exp = tiny_experiment("circle", [linear(8), LayerSpec("ReLU"), linear(8), layer("Tanh"), linear(2)], epochs=2)
    epochs = [e for e in train_json(capsys, tmp_path, exp) if e["event"] == "epoch"]
    assert len(epochs) == 2
    for event in epochs:
        rows = {row["index"]: row for row in event["layers"]}
        assert sorted(rows) == [0, 1, 2, 3, 4]
        for index in (0, 2, 4):
            assert set(rows[index]) == {"index", "type", "grad_norm", "update_ratio", "weight_norm"}
        assert set(rows[1]) == {"index", "type", "dead_fraction"}
        assert set(rows[3]) == {"index", "type", "saturated_fraction"}
        for row in rows.values():
            assert all(math.isfinite(v) for k, v in row.items() if k not in ("index", "type"))
        assert rows[0]["grad_norm"] > 0 and rows[0]["weight_norm"] > 0 and 0 < rows[0]["update_ratio"] < 1
    no_health = [e for e in train_json(capsys, tmp_path, exp, "--no-health") if e["event"] == "epoch"]
    assert all("layers" not in e for e in no_health)


def test_a_deep_sigmoid_network_warns_that_gradients_vanish(capsys, tmp_path):
    layers = [spec for _ in range(12) for spec in (linear(16), layer("Sigmoid"))] + [linear(2)]
    exp = tiny_experiment("circle", layers, optimizer="sgd", lr=0.05, epochs=1, samples=200)
    epoch = next(e for e in train_json(capsys, tmp_path, exp) if e["event"] == "epoch")
    assert any(w.startswith("Gradients vanish") for w in epoch["warnings"]), epoch.get("warnings")
    first, last = epoch["layers"][0], epoch["layers"][-1]
    assert first["grad_norm"] * 1000 < last["grad_norm"]


def test_a_far_too_high_learning_rate_warns(capsys, tmp_path):
    exp = tiny_experiment("circle", epochs=1, lr=0.8, samples=200)  # Adam: every step moves each weight ~0.8
    epoch = next(e for e in train_json(capsys, tmp_path, exp) if e["event"] == "epoch")
    assert any("learning rate is too high" in w for w in epoch["warnings"]), epoch.get("warnings")


@requires_mnist
@pytest.mark.data
@pytest.mark.slow
def test_the_seed_mlp_at_its_defaults_has_no_warnings(capsys, tmp_path):
    exp = load_preset("seed-mlp")
    epochs = [e for e in train_json(capsys, tmp_path, exp, "--epochs", "2", "--limit", "3000",
                                    "--data-dir", str(DATA_DIR)) if e["event"] == "epoch"]
    assert len(epochs) == 2
    assert all("warnings" not in e for e in epochs), [e.get("warnings") for e in epochs]
    assert [row["index"] for row in epochs[0]["layers"]] == [1, 2, 3, 4, 5]
