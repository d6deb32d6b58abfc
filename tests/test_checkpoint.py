"""Checkpoints: a round trip predicts the same; anything else is refused in words, and a file that
would run code when unpickled is refused without running it."""

from __future__ import annotations

import io
import os
import pickle
import zipfile

import pytest
import torch
from helpers import all_files, layer, linear, tiny_experiment

from playground.core.checkpoint import (
    CheckpointError,
    load_checkpoint,
    load_weights_into,
    save_checkpoint,
)
from playground.core.experiment import Experiment
from playground.training.trainer import Trainer

torch.set_num_threads(1)


@pytest.fixture(scope="module")
def trained():
    exp = tiny_experiment("moons", [linear(8), layer("ReLU"), layer("BatchNorm"), linear(2)], epochs=2)
    trainer = Trainer(exp)
    trainer.run()
    return trainer


def save(trainer: Trainer, path, **overrides) -> None:
    data = trainer.data
    save_checkpoint(path, trainer.model, trainer.experiment, input_shape=data.info.input_shape,
                    class_names=data.info.class_names, normalization=overrides.get("normalization"),
                    metrics={"val_accuracy": 0.75, "note": "x", "skipped": [1, 2]})


def test_round_trip_predicts_the_same(trained, tmp_path):
    path = tmp_path / "model.pt"
    save(trained, path, normalization=(0.1307, 0.3081))
    loaded = load_checkpoint(path)
    trained.model.eval()
    x = trained.data.val_x
    with torch.no_grad():
        assert torch.equal(loaded.model(x), trained.model(x))
    assert not loaded.model.training
    assert loaded.experiment == trained.experiment
    assert loaded.class_names == ["orange", "blue"]
    assert loaded.normalization == (0.1307, 0.3081)
    assert loaded.input_shape == (2,)
    assert loaded.metrics == {"val_accuracy": 0.75, "note": "x"}  # only plain values are kept
    assert loaded.path == str(path)
    assert all_files(tmp_path) == ["model.pt"]


def test_weights_load_into_the_same_network_and_not_another(trained, tmp_path):
    path = tmp_path / "model.pt"
    save(trained, path)
    same = Trainer(trained.experiment)
    same.prepare()
    load_weights_into(path, same.model)
    assert torch.equal(same.model[0].weight, trained.model[0].weight)

    other = trained.experiment.copy()
    other.layers[0].params["units"] = 16
    different = Trainer(other)
    different.prepare()
    with pytest.raises(CheckpointError) as info:
        load_weights_into(path, different.model)
    message = str(info.value)
    assert message.startswith("model.pt was trained for a different network than this one (size mismatch")
    assert message.endswith("open its experiment instead, or train this network")


def test_weights_that_do_not_fit_their_experiment_are_refused(trained, tmp_path):
    path = tmp_path / "edited.pt"
    save(trained, path)
    payload = torch.load(path, weights_only=True)
    edited = Experiment.from_json(payload["experiment_json"])
    edited.layers[0].params["units"] = 5
    payload["experiment_json"] = edited.to_json()
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match=r"edited.pt: the weights do not fit the network described in the "
                                              r"file \(size mismatch for 0.weight"):
        load_checkpoint(path)


def test_checkpoint_from_a_newer_version_is_refused(trained, tmp_path):
    path = tmp_path / "new.pt"
    save(trained, path)
    payload = torch.load(path, weights_only=True)
    payload["version"] = 99
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="saved by a newer NN Playground"):
        load_checkpoint(path)


@pytest.mark.parametrize(("change", "words"), [
    ({"version": "one"}, "is damaged: its description of the model cannot be read"),
    ({"input_shape": ["a"]}, "is damaged"),
    ({"normalization": [0.5]}, "is damaged"),
    ({"experiment_json": None}, "is damaged: it has no experiment"),
    ({"experiment_json": "{\"dataset\": \"mnist\"}"}, "has an invalid experiment: layers: missing"),
    ({"state_dict": {}}, "the weights do not fit the network described in the file (Missing key"),
    ({"state_dict": "weights"}, "the weights do not fit"),
])
def test_damaged_checkpoint_is_refused_in_words(trained, tmp_path, change, words):
    path = tmp_path / "damaged.pt"
    save(trained, path)
    payload = torch.load(path, weights_only=True)
    payload.update(change)
    torch.save(payload, path)
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert words in str(info.value)


def test_a_checkpoint_whose_first_byte_was_overwritten_is_damaged_not_dangerous(trained, tmp_path):
    # 0x80 is how a legacy pickle starts: the unpickler would call the zip behind it an attack
    path = tmp_path / "damaged.pt"
    save(trained, path)
    path.write_bytes(b"\x80" + path.read_bytes()[1:])
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert "is not a model checkpoint (or it is damaged)" in str(info.value)
    assert "refused" not in str(info.value)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is not a model checkpoint"),
    (b"just some text\n", "is not a model checkpoint"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "is not a model checkpoint"),
    (b"PK\x03\x04 a broken zip", "is not a model checkpoint"),
])
def test_files_that_are_not_checkpoints(tmp_path, content, words):
    path = tmp_path / "thing.pt"
    path.write_bytes(content)
    with pytest.raises(CheckpointError, match=words):
        load_checkpoint(path)


def test_a_plain_state_dict_is_not_a_playground_checkpoint(trained, tmp_path):
    path = tmp_path / "state.pt"
    torch.save(trained.model.state_dict(), path)
    with pytest.raises(CheckpointError, match="is a PyTorch file but not an NN Playground checkpoint"):
        load_checkpoint(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(CheckpointError, match="does not exist"):
        load_checkpoint(tmp_path / "nothing.pt")
    with pytest.raises(CheckpointError, match="is not a model checkpoint"):
        load_checkpoint(tmp_path)


class WritesAFile:
    """Unpickling this calls open(marker, 'w'): the file appearing would mean code ran on load."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


class RunsAShellCommand:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch '{self.marker}'",))


@pytest.mark.parametrize("payload_class", [WritesAFile, RunsAShellCommand])
@pytest.mark.parametrize("container", ["torch-zip", "raw-pickle", "inside-a-checkpoint"])
def test_code_in_a_pickle_is_refused_and_never_runs(trained, tmp_path, payload_class, container):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    evil = payload_class(marker)
    if container == "torch-zip":
        torch.save({"state_dict": evil}, path)
    elif container == "raw-pickle":
        path.write_bytes(pickle.dumps(evil))
    else:  # a genuine checkpoint with one more entry
        buffer = io.BytesIO()
        save(trained, tmp_path / "good.pt")
        payload = torch.load(tmp_path / "good.pt", weights_only=True)
        payload["metrics"] = {"extra": evil}
        torch.save(payload, buffer)
        path.write_bytes(buffer.getvalue())
    assert not marker.exists()
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert not marker.exists()
    assert str(info.value).startswith("evil.pt was refused: it contains Python objects other than weights")
    assert zipfile.is_zipfile(path) == (container != "raw-pickle")
