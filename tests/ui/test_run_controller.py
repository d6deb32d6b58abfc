"""The training run seen from the GUI thread: signal order, early control requests, probes, one copy per run."""

import threading

import pytest
import torch

from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec
from playground.training import trainer as trainer_module
from playground.ui.run_controller import TrainingRun


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def tiny(epochs: int = 2) -> Experiment:
    """Circle data, 120 training points in batches of 16: 8 batches an epoch."""
    return Experiment(name="tiny", dataset=DatasetSpec("circle", batch_size=16, samples=160, val_split=0.25),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("sgd", lr=0.3), epochs=epochs, device="cpu")


def record(run: TrainingRun) -> list[tuple]:
    events: list[tuple] = []
    run.runStarted.connect(lambda: events.append(("runStarted",)))
    run.started.connect(lambda e: events.append(("started", e.batches_per_epoch)))
    run.batch.connect(lambda e: events.append(("batch", e.epoch, e.global_step)))
    run.epoch.connect(lambda e: events.append(("epoch", e.epoch)))
    run.runFinished.connect(lambda end, result: events.append(("finished", end, result)))
    return events


@pytest.fixture
def held_trainer(monkeypatch):
    """Hold the training thread just before it makes its Trainer, until the test lets it go."""
    go = threading.Event()
    original = trainer_module.Trainer.__init__

    def held(self, *args, **kwargs):
        assert go.wait(30)
        original(self, *args, **kwargs)

    monkeypatch.setattr(trainer_module.Trainer, "__init__", held)
    return go


def test_batches_come_before_their_epoch_and_everything_before_the_end(qtbot):
    run = TrainingRun()
    events = record(run)
    with qtbot.waitSignal(run.runFinished, timeout=60000):
        assert run.start(tiny(epochs=2))
        assert not run.start(tiny())  # one run at a time
        # the GUI thread busy for the whole run: every event waits, and must still come out in order
        assert run.session.wait(60000)
    kinds = [event[0] for event in events]
    assert kinds[:2] == ["runStarted", "started"] and kinds[-1] == "finished"
    batches = [e for e in events if e[0] == "batch"]
    assert [e[2] for e in batches] == list(range(1, 17))
    for epoch in (1, 2):
        at = events.index(("epoch", epoch))
        assert [e[1] for e in events[:at] if e[0] == "batch"] == [1] * 8 + [2] * 8 * (epoch - 1)
    end, result = events[-1][1:]
    assert end.status == "completed" and run.state == "idle" and not run.is_running()
    # the trained model comes with the end, built on the training thread
    assert result.class_names == ["orange", "blue"] and result.input_shape == (2,)
    assert result.metrics["epochs"] == 2 and result.metrics["test_accuracy"] == end.test_accuracy
    assert result.experiment == tiny(epochs=2)


def test_pause_and_step_asked_before_the_trainer_exists_run_exactly_one_batch(qtbot, held_trainer):
    run = TrainingRun()
    events = record(run)
    assert run.start(tiny(epochs=5), paused=True)
    run.step()  # the training thread has not made its trainer yet: the request waits for it
    assert run.state == "paused"
    held_trainer.set()
    qtbot.waitUntil(lambda: any(e[0] == "batch" for e in events), timeout=30000)
    qtbot.wait(300)
    assert [e for e in events if e[0] == "batch"] == [("batch", 1, 1)]
    with qtbot.waitSignal(run.runFinished, timeout=30000) as finished:
        run.stop()
        assert run.state == "stopping"
    end, result = finished.args
    assert end.status == "stopped" and result is not None  # one batch trained: a model to keep


def test_stop_asked_before_the_trainer_exists_ends_the_run_without_a_batch(qtbot, held_trainer):
    run = TrainingRun()
    events = record(run)
    messages = []
    run.runMessage.connect(lambda text, kind: messages.append((text, kind)))
    run.start(tiny(epochs=50))
    run.stop()
    held_trainer.set()
    with qtbot.waitSignal(run.runFinished, timeout=30000) as finished:
        pass
    end, result = finished.args
    assert end.status == "stopped" and result is None  # untrained weights are no model to keep
    assert not [e for e in events if e[0] == "batch"]
    assert messages[-1] == ("Stopped after 0 batches.", "info")


def test_probes_are_made_on_the_training_thread_from_the_runs_own_copy(qtbot, monkeypatch):
    made, payloads, status = [], [], []

    class EpochProbe:
        def on_epoch(self, context, event):
            return {"epoch": event.epoch, "thread": threading.current_thread().name,
                    "layers": len(context.experiment.layers)}

    def factory(experiment):
        made.append((experiment, threading.current_thread() is threading.main_thread()))
        return EpochProbe()

    def broken(_experiment):
        raise ValueError("no plane here")

    run = TrainingRun()
    run.register_probe("epochs", factory, payloads.append)
    run.register_probe("nothing", lambda _exp: None, payloads.append)
    run.register_probe("broken", broken, payloads.append)
    run.statusMessage.connect(lambda text, _ms: status.append(text))
    copies = []
    original_copy = Experiment.copy
    monkeypatch.setattr(Experiment, "copy", lambda self: copies.append(1) or original_copy(self))
    experiment = tiny(epochs=2)
    with qtbot.waitSignal(run.runFinished, timeout=60000):
        run.start(experiment)
    assert len(copies) == 1  # the trainer's copy is the run's only one
    ((seen, on_main),) = made
    assert seen == experiment and seen is not experiment and not on_main
    assert [p["epoch"] for p in payloads] == [1, 2] and payloads[0]["layers"] == 3
    assert "View broken is unavailable: no plane here" in status


def test_progress_follows_the_batches_and_ends_done(qtbot):
    run = TrainingRun()
    progress = []
    run.progressChanged.connect(progress.append)
    run.batch.connect(lambda _event: run.publish_progress())
    with qtbot.waitSignal(run.runFinished, timeout=60000):
        run.start(tiny(epochs=1))
    assert progress[0].maximum == 0 and progress[0].text == "Loading data…"  # busy until the size is known
    during = [p for p in progress[1:-1] if "batch" in p.text]
    # one per batch here (the window asks when the plots redraw), and once more when the run ends
    assert [p.value for p in during] == [*range(1, 9), 8] and all(p.maximum == 8 for p in during)
    assert during[-1].text == "Epoch 1 of 1 · batch 8/8" and during[-1].speed.endswith("samples/s")
    assert (progress[-1].value, progress[-1].maximum, progress[-1].text) == (8, 8, "Done")
