"""How training uses the machine (playground/training/performance.py): the window's thread count, the
person's own OMP_NUM_THREADS, `playground train --threads`, channels_last for convolutional networks."""

from __future__ import annotations

import pytest
import torch
from helpers import layer, linear, tiny_experiment
from test_trainer import Recorder, image_bundle

from playground.cli import main
from playground.core.experiment import DatasetSpec, Experiment
from playground.training import performance
from playground.training.trainer import Trainer


@pytest.fixture
def restore_threads():
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


@pytest.mark.parametrize(("cores", "threads"), [(1, 1), (2, 1), (4, 3), (16, 15)])
def test_the_window_leaves_one_core_to_the_gui_thread(cores, threads):
    assert performance.window_threads(cores) == threads


@pytest.mark.parametrize(("cores", "threads"), [(1, 1), (2, 2), (4, 4)])
def test_a_convolutional_network_gets_every_core_in_the_window(cores, threads):
    assert performance.window_threads(cores, convolutional=True) == threads


def test_each_run_gets_the_threads_of_its_network(monkeypatch, restore_threads):
    from playground.core.presets import load_preset

    for name in performance.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(performance, "_default_threads", 4)
    assert performance.use_window_threads(load_preset("simple-cnn")) == 4 and torch.get_num_threads() == 4
    assert performance.use_window_threads(load_preset("seed-mlp")) == 3 and torch.get_num_threads() == 3


def test_the_window_sets_its_threads_once_and_the_persons_choice_wins(monkeypatch, restore_threads):
    for name in performance.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(performance, "_default_threads", None)
    torch.set_num_threads(4)
    assert performance.use_window_threads() == 3 and torch.get_num_threads() == 3
    assert performance.use_window_threads() == 3  # not one fewer each time it is called
    torch.set_num_threads(4)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    assert performance.use_window_threads() is None and torch.get_num_threads() == 4


def test_playground_train_threads(tmp_path, capsys, restore_threads):
    path = tmp_path / "tiny.json"
    tiny_experiment(epochs=1).save(path)
    assert main(["train", "--experiment", str(path), "--threads", "1"]) == 0
    assert torch.get_num_threads() == 1
    assert main(["train", "--experiment", str(path), "--threads", "0"]) == 1
    assert "--threads must be at least 1, not 0" in capsys.readouterr().err


def cnn_experiment() -> Experiment:
    layers = [layer("Conv2d", out_channels=4, padding=1), layer("ReLU"), layer("Conv2d", out_channels=4, padding=1),
              layer("ReLU"), layer("MaxPool2d"), layer("Flatten"), linear(10)]
    return Experiment(dataset=DatasetSpec("mnist", batch_size=16), layers=layers, epochs=2, device="cpu")


def test_a_cnn_trains_channels_last_on_the_cpu_to_the_same_losses(monkeypatch):
    runs = {}
    for channels_last in (True, False):
        monkeypatch.setattr(performance, "CHANNELS_LAST", channels_last)
        recorder = Recorder()
        trainer = Trainer(cnn_experiment(), recorder, data=image_bundle())
        end = trainer.run()
        assert end.status == "completed", end.message
        weight = trainer.model[2].weight  # 4 × 4 × 3 × 3: its two layouts differ (one input channel's would not)
        assert weight.is_contiguous(memory_format=torch.channels_last) == channels_last
        runs[channels_last] = ([b.loss for b in recorder.batches], end.test_accuracy)
    # the same arithmetic in another memory order: equal up to float rounding
    assert runs[True][0] == pytest.approx(runs[False][0], rel=1e-4, abs=1e-5)
    assert runs[True][1] == runs[False][1]


def test_channels_last_only_for_convolutions_on_the_cpu():
    conv = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten())
    mlp = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4, 2))
    assert performance.wants_channels_last(conv, torch.device("cpu"))
    assert not performance.wants_channels_last(mlp, torch.device("cpu"))
    assert not performance.wants_channels_last(conv, torch.device("cuda"))
