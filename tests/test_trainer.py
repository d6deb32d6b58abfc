"""The trainer on generated data: every loss, optimizer and scheduler; stop, pause and step from
another thread; failure messages; reproducibility. Every run here takes milliseconds."""

from __future__ import annotations

import math
import threading
import time

import pytest
import torch
from helpers import block_network, layer, linear, tiny_experiment

from playground.core.experiment import DatasetSpec, Experiment
from playground.data.bundle import DataBundle
from playground.data.registry import dataset_info, load_dataset
from playground.training.trainer import Trainer, TrainerCallbacks, evaluate

torch.set_num_threads(1)


class Recorder(TrainerCallbacks):
    def __init__(self):
        self.batches, self.epochs, self.starts, self.initial, self.ends = [], [], [], [], []

    def on_start(self, trainer, event):
        self.starts.append(event)

    def on_initial(self, trainer, accuracy, loss):
        self.initial.append((accuracy, loss))

    def on_batch(self, trainer, event):
        self.batches.append(event)

    def on_epoch(self, trainer, event):
        self.epochs.append(event)

    def on_end(self, trainer, event):
        self.ends.append(event)


def train(exp: Experiment, **kwargs):
    recorder = Recorder()
    end = Trainer(exp, recorder, **kwargs).run()
    return end, recorder


def test_a_run_reports_every_batch_and_epoch():
    end, rec = train(tiny_experiment(epochs=3, samples=100, batch_size=16))  # 90 training points
    assert end.status == "completed" and end.message == "Training completed." and end.epochs_done == 3
    start = rec.starts[0]
    assert (start.train_samples, start.val_samples, start.batches_per_epoch) == (90, 10, 6)
    assert start.parameters == 2 * 8 + 8 + 8 * 2 + 2
    assert [(b.epoch, b.step, b.global_step) for b in rec.batches[5:8]] == [(1, 6, 6), (2, 1, 7), (2, 2, 8)]
    assert [b.samples for b in rec.batches[:6]] == [16, 16, 16, 16, 16, 10]
    assert [e.epoch for e in rec.epochs] == [1, 2, 3] and rec.epochs == end.history
    assert rec.ends == [end]
    first = rec.epochs[0]
    expected = sum(b.loss * b.samples for b in rec.batches[:6]) / 90
    assert first.train_loss == pytest.approx(expected)
    assert 0 <= first.train_accuracy <= 1 and 0 <= first.val_accuracy <= 1
    assert end.initial_accuracy == rec.initial[0][0] and end.initial_loss == rec.initial[0][1]
    assert end.test_accuracy == end.history[-1].val_accuracy  # generated data: the validation set is the test


def test_validation_accuracy_is_the_models_accuracy_on_the_validation_set():
    exp = tiny_experiment("moons", [linear(16), layer("ReLU"), layer("Dropout", p=0.5), linear(2)], epochs=4)
    trainer = Trainer(exp)
    end = trainer.run()
    data = trainer.data
    trainer.model.train()  # evaluate must switch off dropout itself, and restore the mode
    loss, accuracy = evaluate(trainer.model, data.val_x, data.val_y, trainer.loss_fn, trainer.targets_for)
    assert trainer.model.training
    assert accuracy == end.history[-1].val_accuracy == end.test_accuracy
    assert loss == pytest.approx(end.history[-1].val_loss)
    with torch.no_grad():
        trainer.model.eval()
        by_hand = (trainer.model(data.val_x).argmax(1) == data.val_y).float().mean().item()
    assert accuracy == pytest.approx(by_hand)


def test_the_network_learns():
    end, _ = train(tiny_experiment("gauss", epochs=5, samples=200))
    assert end.history[-1].val_accuracy >= 0.9


@pytest.mark.parametrize(("loss", "last"), [
    ("cross_entropy", []), ("nll", [layer("LogSoftmax")]), ("mse", []), ("l1", []), ("smooth_l1", []),
    ("bce_with_logits", []),
])
def test_every_loss_trains_on_classification(loss, last):
    exp = tiny_experiment("circle", [linear(8), layer("ReLU"), linear(2), *last], loss=loss, epochs=2)
    trainer = Trainer(exp)
    end = trainer.run()
    assert end.status == "completed", end.message
    assert all(math.isfinite(e.train_loss) for e in end.history)
    assert end.test_accuracy is not None
    y = torch.tensor([0, 1, 1])
    target = trainer.targets_for(y, torch.zeros(3, 2))
    if loss in ("mse", "l1", "smooth_l1", "bce_with_logits"):  # one-hot targets
        assert torch.equal(target, torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]))
    else:
        assert torch.equal(target, y)


def test_bce_with_one_logit_for_two_classes():
    end, _ = train(tiny_experiment("gauss", [linear(1)], loss="bce_with_logits", epochs=4, samples=200))
    assert end.status == "completed", end.message
    assert end.test_accuracy >= 0.9


@pytest.mark.parametrize("loss", ["mse", "l1", "smooth_l1"])
def test_regression_losses(loss):
    end, _ = train(tiny_experiment("sine", [linear(16), layer("Tanh"), linear(1)], loss=loss, epochs=3))
    assert end.status == "completed", end.message
    assert end.history[-1].val_accuracy is None and end.history[-1].train_accuracy is None
    assert end.test_accuracy is None and math.isfinite(end.test_loss)


@pytest.mark.parametrize(("name", "momentum", "nesterov"), [
    ("sgd", 0.0, False), ("sgd", 0.9, False), ("sgd", 0.9, True), ("adam", 0, False), ("adamw", 0, False),
    ("rmsprop", 0.5, False), ("adagrad", 0, False),
])
def test_every_optimizer_runs(name, momentum, nesterov):
    exp = tiny_experiment(optimizer=name, lr=0.05)
    exp.optimizer.momentum, exp.optimizer.nesterov, exp.optimizer.weight_decay = momentum, nesterov, 1e-4
    trainer = Trainer(exp)
    end = trainer.run()
    assert end.status == "completed", end.message
    group = trainer.optimizer.param_groups[0]
    assert type(trainer.optimizer).__name__.lower() == name
    assert group["lr"] == 0.05 and group["weight_decay"] == 1e-4
    if name == "sgd":
        assert (group["momentum"], group["nesterov"]) == (momentum, nesterov)


def lrs_by_epoch(scheduler: str, epochs: int = 4, **fields) -> list[float]:
    exp = tiny_experiment(scheduler=scheduler, epochs=epochs, lr=0.1, samples=100, batch_size=30)
    for key, value in fields.items():
        setattr(exp.scheduler, key, value)
    end, rec = train(exp)
    assert end.status == "completed", end.message
    per_batch = [b.lr for b in rec.batches]
    return [e.lr for e in end.history], per_batch


def test_constant_learning_rate():
    epochs, batches = lrs_by_epoch("none")
    assert set(epochs) == set(batches) == {0.1}


def test_step_scheduler_decays_every_step_size_epochs():
    epochs, _ = lrs_by_epoch("step", step_size=2, gamma=0.5)
    assert epochs == pytest.approx([0.1, 0.05, 0.05, 0.025])


def test_exponential_scheduler():
    epochs, _ = lrs_by_epoch("exponential", gamma=0.5)
    assert epochs == pytest.approx([0.05, 0.025, 0.0125, 0.00625])


def test_cosine_scheduler_reaches_zero_at_the_last_epoch():
    epochs, batches = lrs_by_epoch("cosine")
    assert epochs[-1] == pytest.approx(0.0, abs=1e-12)
    assert batches[0] == 0.1 and epochs == sorted(epochs, reverse=True)


def test_onecycle_warms_up_then_anneals_per_batch():
    _, batches = lrs_by_epoch("onecycle")
    peak = max(batches)
    assert peak == pytest.approx(1.0, rel=0.05)  # 10× the optimizer's lr by default
    assert batches[0] < peak / 10 and batches[-1] < batches[0]
    assert len(set(batches)) == len(batches)  # stepped after every batch, never past its last step


def test_same_seed_same_losses():
    def losses(seed):
        exp = tiny_experiment("spiral", [linear(16), layer("ReLU"), layer("Dropout", p=0.3), linear(2)],
                              seed=seed, epochs=2)
        _, rec = train(exp)
        return [b.loss for b in rec.batches]

    assert losses(3) == losses(3)
    assert losses(3) != losses(4)


def test_lr_10_fails_with_advice_to_lower_it():
    exp = tiny_experiment("sine", [linear(32), layer("ReLU"), linear(1)], loss="mse", optimizer="sgd", lr=10,
                          epochs=3)
    end, _ = train(exp)
    assert end.status == "failed"
    assert "the learning rate (10) is probably too high — try 1, or turn on gradient clipping" in end.message
    assert "NaN" in end.message or "infinite" in end.message or "diverged" in end.message


def test_loss_that_explodes_without_nan_is_called_divergence():
    exp = tiny_experiment("circle", [linear(16), layer("ReLU"), linear(2)], optimizer="sgd", lr=10,
                          samples=300, epochs=3)
    end, _ = train(exp)
    assert end.status == "failed"
    assert "training diverged: the learning rate (10) is probably too high" in end.message


def test_fewer_outputs_than_classes_fails_before_training():
    end, rec = train(tiny_experiment("circle", [linear(1)]))
    assert end.status == "failed"
    assert end.message == "The network gives 1 output but the dataset has 2 classes — set the last Linear " \
                          "layer's units to 2"
    assert rec.batches == [] and rec.ends == [end]


def test_invalid_network_fails_with_the_shape_message():
    exp = Experiment(dataset=DatasetSpec("circle"), layers=[layer("Conv2d")], device="cpu")
    end, _ = train(exp)
    assert end.status == "failed"
    assert end.message.startswith("Conv2d #1 expects an image")


def test_empty_training_set_fails_with_a_message():
    info = dataset_info(DatasetSpec("circle"))
    empty = torch.zeros(0, 2)
    bundle = DataBundle(info, empty, torch.zeros(0, dtype=torch.int64), empty, torch.zeros(0, dtype=torch.int64))
    end, _ = train(tiny_experiment(), data=bundle)
    assert end.status == "failed"
    assert "The training set is empty" in end.message


def test_missing_image_data_fails_with_the_folder_named(tmp_path, monkeypatch):
    block_network(monkeypatch)
    exp = Experiment(dataset=DatasetSpec("mnist"), layers=[layer("Flatten"), linear(10)], device="cpu")
    end, _ = train(exp, data_dir=str(tmp_path))
    assert end.status == "failed"
    assert str(tmp_path / "MNIST" / "raw") in end.message
    assert end.test_accuracy is None


def test_penalties_and_clipping_run():
    exp = tiny_experiment(epochs=2)
    exp.l1, exp.l2, exp.grad_clip = 1e-3, 1e-3, 0.5
    end, _ = train(exp)
    assert end.status == "completed", end.message


def image_bundle(n_train: int = 64, n_val: int = 16) -> DataBundle:
    """Random 'digits' with MNIST's shape, normalized like MNIST, so image models train without files."""
    g = torch.Generator().manual_seed(0)
    info = dataset_info(DatasetSpec("mnist"))
    x = (torch.rand(n_train + n_val, 1, 28, 28, generator=g) - 0.13) / 0.31
    y = torch.randint(0, 10, (n_train + n_val,), generator=g)
    return DataBundle(info, x[:n_train], y[:n_train], x[n_train:], y[n_train:], normalization=(0.13, 0.31))


@pytest.mark.parametrize("layers", [
    [layer("Conv2d", out_channels=4, padding=1), layer("BatchNorm"), layer("ReLU"), layer("MaxPool2d"),
     layer("Flatten"), linear(10)],
    [layer("LSTM", hidden_size=8), linear(10)],
], ids=["cnn", "lstm"])
def test_image_models_train_with_augmentation(layers):
    exp = Experiment(dataset=DatasetSpec("mnist", batch_size=16), layers=layers, epochs=1, device="cpu")
    exp.dataset.augment.enabled = True
    end, rec = train(exp, data=image_bundle())
    assert end.status == "completed", end.message
    assert len(rec.batches) == 4


# --------------------------------------------------------------------------- control from another thread


class Gate(Recorder):
    """Records batches and lets the test wait for the n-th one."""

    def __init__(self):
        super().__init__()
        self.changed = threading.Condition()

    def on_batch(self, trainer, event):
        with self.changed:
            super().on_batch(trainer, event)
            self.changed.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.batches) >= count, timeout), len(self.batches)


def start(exp: Experiment) -> tuple[Trainer, Gate, threading.Thread, list]:
    gate = Gate()
    trainer = Trainer(exp, gate)
    result: list = []
    thread = threading.Thread(target=lambda: result.append(trainer.run()), daemon=True)
    return trainer, gate, thread, result


def long_experiment() -> Experiment:
    return tiny_experiment(epochs=200, samples=400, batch_size=10)  # 7,200 batches: far longer than any test


def test_stop_ends_within_one_batch():
    trainer, gate, thread, result = start(long_experiment())
    thread.start()
    gate.wait_for(5)
    with gate.changed:  # no batch can complete while the stop is being requested
        seen = len(gate.batches)
        trainer.request_stop()
    thread.join(10)
    assert not thread.is_alive()
    assert len(gate.batches) - seen <= 1
    end = result[0]
    assert end.status == "stopped" and end.message == "Stopped by request."
    assert end.test_accuracy is not None  # the partly trained model is still evaluated


def test_pause_step_and_resume():
    trainer, gate, thread, result = start(tiny_experiment(epochs=2, samples=100, batch_size=30))  # 3 per epoch
    trainer.request_pause()  # paused before the first batch
    thread.start()
    time.sleep(0.3)
    assert gate.batches == [] and trainer.paused
    assert len(gate.initial) == 1  # the accuracy before training is measured while paused

    trainer.request_step()
    gate.wait_for(1)
    time.sleep(0.3)
    assert len(gate.batches) == 1 and trainer.paused  # exactly one batch
    assert trainer.last_anatomy is not None  # a step is recorded for the one-step view

    trainer.request_step()
    trainer.request_step()
    gate.wait_for(3)
    time.sleep(0.3)
    assert len(gate.batches) == 3 and len(gate.epochs) == 1  # across the epoch's end, exactly two more

    trainer.request_resume()
    thread.join(10)
    assert result[0].status == "completed" and len(gate.batches) == 6


def test_pause_holds_and_stop_while_paused_ends_the_run():
    trainer, gate, thread, result = start(long_experiment())
    thread.start()
    gate.wait_for(3)
    trainer.request_pause()
    time.sleep(0.2)
    held = len(gate.batches)
    time.sleep(0.3)
    assert len(gate.batches) == held
    trainer.request_stop()
    thread.join(10)
    assert result[0].status == "stopped"


def test_load_dataset_split_is_disjoint_and_seeded():
    spec = DatasetSpec("circle", samples=200, val_split=0.25)
    a, b = load_dataset(spec, seed=1), load_dataset(spec, seed=1)
    assert len(a.train_x) == 150 and len(a.val_x) == 50
    assert torch.equal(a.train_x, b.train_x) and torch.equal(a.val_y, b.val_y)
    rows = {tuple(p) for p in a.train_points.tolist()} & {tuple(p) for p in a.val_points.tolist()}
    assert rows == set()
