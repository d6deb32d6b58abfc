"""Transfer learning and clipping in the engine: frozen layers keep their weights (and BatchNorm its
statistics), init_from copies exactly the layers that fit and says which, bad files change nothing,
clipping caps the gradient norm, and the loader refuses bad values."""

from __future__ import annotations

import json

import pytest
import torch
from helpers import layer, linear, tiny_experiment

from playground import cli
from playground.core.build import build_model
from playground.core.checkpoint import CheckpointError, save_checkpoint
from playground.core.experiment import Experiment, ExperimentError, LayerSpec
from playground.core.shapes import infer_shapes, trainable_parameters
from playground.core.transfer import check_init_from, initialize_from
from playground.training.trainer import Trainer, TrainerCallbacks

torch.set_num_threads(1)


def _states(model) -> list[dict[str, torch.Tensor]]:
    return [{k: v.detach().clone() for k, v in module.state_dict().items()} for module in model]


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def _bn_net(frozen_upto: int) -> Experiment:
    layers = [linear(16), layer("BatchNorm"), LayerSpec("ReLU"), linear(8), LayerSpec("ReLU"), linear(2)]
    for spec in layers[:frozen_upto]:
        spec.frozen = True
    return tiny_experiment(layers=layers, epochs=2, lr=0.05)


def test_frozen_layers_are_bit_identical_after_training_and_the_others_change():
    exp = _bn_net(frozen_upto=3)
    torch.manual_seed(exp.seed)
    before = _states(build_model(exp))  # the trainer builds the same start from the same seed
    trainer = Trainer(exp)
    end = trainer.run()
    assert end.status == "completed", end.message
    after = _states(trainer.model)
    assert _same(before[0], after[0])  # frozen Linear: weights and bias
    assert _same(before[1], after[1])  # frozen BatchNorm: γ, β, running mean and variance, batch count
    assert not _same(before[3], after[3]) and not _same(before[5], after[5])
    names = {id(p) for group in trainer.optimizer.param_groups for p in group["params"]}
    assert all(id(p) not in names for p in trainer.model[0].parameters())  # not even given to the optimizer


def test_an_unfrozen_batchnorm_does_update_its_statistics():
    exp = _bn_net(frozen_upto=0)
    torch.manual_seed(exp.seed)
    before = _states(build_model(exp))
    trainer = Trainer(exp)
    assert trainer.run().status == "completed"
    assert not torch.equal(before[1]["running_mean"], trainer.model[1].running_mean)


def test_frozen_batchnorm_in_a_conv_block_keeps_its_running_statistics():
    exp = tiny_experiment(dataset="mnist", layers=[layer("Conv2d", out_channels=4), layer("BatchNorm"),
                                                   LayerSpec("ReLU"), layer("MaxPool2d"), LayerSpec("Flatten"),
                                                   linear(10)], epochs=1, limit=200, batch_size=50)
    for spec in exp.layers[:3]:
        spec.frozen = True
    torch.manual_seed(exp.seed)
    before = _states(build_model(exp))
    trainer = Trainer(exp)
    assert trainer.run().status == "completed"
    after = _states(trainer.model)
    assert _same(before[1], after[1]) and _same(before[0], after[0])
    assert not _same(before[5], after[5])


def test_every_layer_frozen_is_refused_with_the_reason():
    exp = _bn_net(frozen_upto=6)
    report = infer_shapes(exp)
    assert report.error is not None and "frozen" in report.error.message
    end = Trainer(exp).run()
    assert end.status == "failed" and "Train this layer" in str(end.message)


def test_trainable_and_frozen_parameter_totals():
    exp = _bn_net(frozen_upto=3)
    trainable, frozen = trainable_parameters(infer_shapes(exp), exp.layers)
    assert frozen == (2 * 16 + 16) + 2 * 16  # Linear 2→16 and BatchNorm's γ and β
    assert trainable == (16 * 8 + 8) + (8 * 2 + 2)


# ------------------------------------------------------------------ init_from


def _source_checkpoint(tmp_path, layers) -> tuple[str, Experiment, torch.nn.Module]:
    exp = tiny_experiment(layers=layers)
    torch.manual_seed(123)
    model = build_model(exp)
    path = tmp_path / "source.pt"
    save_checkpoint(path, model, exp, input_shape=(2,), class_names=["a", "b"])
    return str(path), exp, model


def test_init_from_loads_exactly_the_matching_layers_in_order(tmp_path):
    path, _, source = _source_checkpoint(tmp_path, [linear(8), LayerSpec("ReLU"), linear(8), LayerSpec("ReLU"),
                                                    linear(2)])
    target = tiny_experiment(layers=[linear(8), LayerSpec("ReLU"), linear(5), LayerSpec("ReLU"), linear(2)])
    target.init_from = path
    torch.manual_seed(0)
    model = build_model(target)
    fresh = _states(model)
    rows = initialize_from(model, target)
    assert [(r.index, r.type, r.loaded) for r in rows] == [(0, "Linear", True), (2, "Linear", False),
                                                          (4, "Linear", False)]
    assert _same(_states(model)[0], _states(source)[0])
    assert _same(_states(model)[2], fresh[2]) and _same(_states(model)[4], fresh[4])


def test_init_from_skips_source_layers_to_find_the_next_match(tmp_path):
    path, _, source = _source_checkpoint(tmp_path, [linear(8), LayerSpec("ReLU"), linear(8), LayerSpec("ReLU"),
                                                    linear(2)])
    target = tiny_experiment(layers=[linear(8), LayerSpec("ReLU"), linear(2)])
    target.init_from = path
    model = build_model(target)
    rows = initialize_from(model, target)
    assert [(r.index, r.loaded, r.source_index) for r in rows] == [(0, True, 0), (2, True, 4)]
    assert _same(_states(model)[2], _states(source)[4])


def test_the_run_starts_from_the_weights_and_the_json_start_event_says_which(tmp_path, capsys):
    path, _, _ = _source_checkpoint(tmp_path, [linear(8), LayerSpec("ReLU"), linear(2)])
    target = tiny_experiment(layers=[linear(8), LayerSpec("ReLU"), linear(4), LayerSpec("ReLU"), linear(2)],
                             epochs=1)
    file = tmp_path / "exp.json"
    target.save(file)
    code = cli.main(["train", "--experiment", str(file), "--json", "--init-from", path, "--freeze", "1",
                     "--clip", "0.5"])
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    start = lines[0]
    assert start["init_from"] == path
    assert start["init"] == [{"index": 0, "type": "Linear", "loaded": True},
                             {"index": 2, "type": "Linear", "loaded": False},
                             {"index": 4, "type": "Linear", "loaded": False}]  # 4→2 is not the source's 8→2
    assert start["trainable_parameters"] == start["parameters"] - (2 * 8 + 8)
    assert 0.0 <= lines[1]["clipped"] <= 1.0


def test_init_from_the_bundled_model_fills_the_transfer_presets_convolutions():
    from playground.core.presets import load_preset

    exp = load_preset("transfer-fashion")
    rows = check_init_from(exp)
    loaded = [r.index for r in rows if r.loaded]
    assert loaded == [0, 1, 3, 4, 7, 8, 10, 11, 14, 15]  # five conv blocks: Conv2d and BatchNorm each
    assert [r.index for r in rows if not r.loaded] == [19, 21]  # the new head starts fresh
    assert all(spec.frozen for spec in exp.layers[:18]) and not any(spec.frozen for spec in exp.layers[18:])


@pytest.mark.parametrize("content", [b"hello, not a model", b"PK\x03\x04 damaged zip bytes"])
def test_init_from_a_file_that_is_not_a_checkpoint_fails_with_a_message_and_trains_nothing(tmp_path, content):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(content)
    exp = tiny_experiment()
    exp.init_from = str(bad)
    with pytest.raises(CheckpointError, match="not a model checkpoint"):
        check_init_from(exp)
    recorder = _Recorder()
    end = Trainer(exp, recorder).run()
    assert end.status == "failed" and "bad.pt" in str(end.message)
    assert recorder.batches == 0


def test_a_damaged_checkpoint_is_refused(tmp_path):
    path, _, _ = _source_checkpoint(tmp_path, [linear(8), LayerSpec("ReLU"), linear(2)])
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2: len(data) // 2 + 40] = b"\x00" * 40
    damaged = tmp_path / "damaged.pt"
    damaged.write_bytes(bytes(data))
    exp = tiny_experiment()
    exp.init_from = str(damaged)
    with pytest.raises(CheckpointError):
        check_init_from(exp)


def test_init_from_with_no_matching_layer_says_so(tmp_path):
    path, _, _ = _source_checkpoint(tmp_path, [linear(3), LayerSpec("ReLU"), linear(2)])
    exp = tiny_experiment(layers=[linear(7), LayerSpec("Tanh"), linear(5), LayerSpec("ReLU"), linear(2)])
    exp.layers[-1] = linear(2, bias=False)  # 5→2 without bias: not the source's 3→2
    exp.init_from = path
    with pytest.raises(CheckpointError, match="No layer of source.pt fits"):
        check_init_from(exp)


class _Recorder(TrainerCallbacks):
    def __init__(self):
        self.batches = 0
        self.norms: list[float] = []
        self.epochs = []

    def on_batch(self, trainer, event):
        self.batches += 1
        grads = [p.grad for p in trainer.model.parameters() if p.grad is not None]
        self.norms.append(float(torch.sqrt(sum((g.double() ** 2).sum() for g in grads))))

    def on_epoch(self, trainer, event):
        self.epochs.append(event)


# ------------------------------------------------------------------ clipping


def test_clipping_caps_the_total_gradient_norm_and_counts_the_clipped_batches():
    exp = tiny_experiment(optimizer="sgd", lr=0.1, epochs=2)
    exp.grad_clip = 0.05
    recorder = _Recorder()
    assert Trainer(exp, recorder).run().status == "completed"
    # the gradients the optimizer stepped with (still in .grad after the step): ‖g‖ = √Σg² ≤ max norm
    assert max(recorder.norms) <= 0.05 * (1 + 1e-5)
    assert all(event.clipped == 1.0 for event in recorder.epochs)  # far below the natural norm: every batch
    unclipped = _Recorder()
    free = tiny_experiment(optimizer="sgd", lr=0.1, epochs=2)
    assert Trainer(free, unclipped).run().status == "completed"
    assert max(unclipped.norms) > 0.05  # so the cap above did something
    assert all(event.clipped is None for event in unclipped.epochs)
    loose = tiny_experiment(optimizer="sgd", lr=0.1, epochs=1)
    loose.grad_clip = 1e5
    recorder = _Recorder()
    Trainer(loose, recorder).run()
    assert recorder.epochs[0].clipped == 0.0


@pytest.mark.parametrize("value, words", [(-1.0, "above 0"), (float("nan"), "finite"), ("1", "number")])
def test_the_loader_refuses_a_bad_clip(value, words):
    data = tiny_experiment().to_dict()
    data["grad_clip"] = value
    with pytest.raises(ExperimentError, match=words):
        Experiment.from_dict(data)


def test_the_loader_reads_init_from_and_frozen_and_writes_them_back():
    data = tiny_experiment().to_dict()
    assert "init_from" not in data and "flip" not in data["dataset"]["augment"]
    data["init_from"] = "bundled:mnist-cnn"
    data["layers"][0]["frozen"] = True
    exp = Experiment.from_dict(data)
    assert exp.init_from == "bundled:mnist-cnn" and exp.layers[0].frozen
    assert Experiment.from_json(exp.to_json()).to_dict() == exp.to_dict()
    data["init_from"] = "bundled:resnet"
    with pytest.raises(ExperimentError, match="bundled:mnist-cnn"):
        Experiment.from_dict(data)
