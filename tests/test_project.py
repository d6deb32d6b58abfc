"""Project files: the experiment plus the session's runs, saved and loaded strictly."""

import json
from types import SimpleNamespace

import pytest

from playground.core.experiment import (
    DatasetSpec,
    Experiment,
    ExperimentError,
    LayerSpec,
    OptimizerSpec,
)
from playground.core.project import (
    EpochRecord,
    RunRecord,
    export_run_csv,
    load_project,
    network_summary,
    save_project,
)


def mlp() -> Experiment:
    return Experiment(name="mlp", dataset=DatasetSpec("circle", batch_size=32),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("ReLU", {}),
                              LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("sgd", lr=0.1), epochs=2)


def a_run(name="Run 1", lr=0.1) -> RunRecord:
    exp = mlp()
    exp.optimizer.lr = lr
    return RunRecord(name, exp, "completed", 3.25,
                     [EpochRecord(1, 0.6, 0.7, 0.55, 0.75, lr, 1.5), EpochRecord(2, 0.4, 0.85, 0.38, 0.9, lr, 1.6)],
                     [0.7, 0.65, 0.5, 0.41], 2, 0.5, 0.88, 0.4)


def test_network_summary_names_layers_and_sizes():
    exp = Experiment(layers=[LayerSpec("Conv2d", {"out_channels": 16, "kernel_size": 3}), LayerSpec("ReLU", {}),
                             LayerSpec("MaxPool2d", {"kernel_size": 2}), LayerSpec("Flatten", {}),
                             LayerSpec("Linear", {"units": 128}), LayerSpec("Dropout", {"p": 0.5}),
                             LayerSpec("Linear", {"units": 10})])
    assert network_summary(exp) == "Conv2d(16, 3×3)-ReLU-MaxPool2d(2)-Flatten-Linear(128)-Dropout(0.5)-Linear(10)"


def test_run_record_from_end_event_keeps_history_and_batch_losses():
    epoch = SimpleNamespace(epoch=1, train_loss=0.5, train_accuracy=0.8, val_loss=0.45, val_accuracy=0.82,
                            lr=0.1, seconds=0.7)
    end = SimpleNamespace(status="completed", seconds=1.2, history=[epoch], initial_accuracy=0.5,
                          test_accuracy=None, test_loss=None)
    run = RunRecord.from_end_event("Run 7", mlp(), end, [0.9, 0.5], 2)
    assert run.final.val_accuracy == 0.82 and run.batch_losses == [0.9, 0.5]
    assert run.summary == "Linear(8)-ReLU-Linear(2)"
    assert run.hyperparameters() == {"optimizer": "sgd", "lr": 0.1, "batch_size": 32, "epochs": 2}


def test_project_round_trips_runs(tmp_path):
    path = tmp_path / "p.json"
    runs = [a_run("first", 0.1), a_run("second", 0.01)]
    save_project(path, mlp(), runs)
    experiment, loaded = load_project(path)
    assert experiment == mlp()
    assert [r.name for r in loaded] == ["first", "second"]
    assert loaded[1].experiment.optimizer.lr == 0.01
    assert loaded[0].history == runs[0].history
    assert loaded[0].batch_losses == runs[0].batch_losses
    assert (loaded[0].test_accuracy, loaded[0].seconds, loaded[0].batches_per_epoch) == (0.88, 3.25, 2)


def test_plain_experiment_file_is_a_project_without_runs(tmp_path):
    path = tmp_path / "e.json"
    mlp().save(path)
    experiment, runs = load_project(path)
    assert experiment == mlp() and runs == []


def _saved_with(tmp_path, mutate):
    path = tmp_path / "p.json"
    save_project(path, mlp(), [a_run("a"), a_run("b"), a_run("c")])
    data = json.loads(path.read_text())
    mutate(data)
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d["runs"][2].__setitem__("history", "lots"), "runs[2].history"),
    (lambda d: d["runs"][2]["history"][1].__setitem__("val_loss", "low"), "runs[2].history[1].val_loss"),
    (lambda d: d["runs"][0]["history"][0].pop("epoch"), "runs[0].history[0].epoch"),
    (lambda d: d["runs"][1].__setitem__("batch_losses", [0.5, None]), "runs[1].batch_losses[1]"),
    (lambda d: d["runs"][1].__setitem__("colour", "red"), "runs[1].colour"),
    (lambda d: d["runs"][1].pop("name"), "runs[1].name"),
    (lambda d: d["runs"][0]["experiment"]["optimizer"].__setitem__("lr", -1), "runs[0].experiment.optimizer.lr"),
    (lambda d: d["runs"][0].__setitem__("test_accuracy", 1.5), "runs[0].test_accuracy"),
    (lambda d: d["runs"][0].__setitem__("status", "exploded"), "runs[0].status"),
    (lambda d: d.__setitem__("runs", {"a": 1}), "runs"),
    (lambda d: d["runs"].__setitem__(1, 3), "runs[1]"),
])
def test_malformed_runs_are_refused_naming_the_field(tmp_path, mutate, field):
    path = _saved_with(tmp_path, mutate)
    with pytest.raises(ExperimentError) as info:
        load_project(path)
    assert info.value.field == field


def test_experiment_part_is_still_strict(tmp_path):
    path = _saved_with(tmp_path, lambda d: d.__setitem__("epochz", 3))
    with pytest.raises(ExperimentError) as info:
        load_project(path)
    assert info.value.field == "epochz"


def test_export_csv_has_one_row_per_epoch(tmp_path):
    path = tmp_path / "out" / "run.csv"
    export_run_csv(a_run(), path)
    lines = path.read_text().splitlines()
    assert lines[0] == "epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds"
    assert lines[1:] == ["1,0.6,0.7,0.55,0.75,0.1,1.5", "2,0.4,0.85,0.38,0.9,0.1,1.6"]
    assert [p.name for p in path.parent.iterdir()] == ["run.csv"]  # no temporary file left behind
