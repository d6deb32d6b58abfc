"""Every bad input a learner can give, in one table each: what they did, and the message they see.

Each table is checked everywhere its inputs can arrive: in the engine (the exact message), on the
command line (one line on stderr, a non-zero exit code, no traceback) and in the window (the message
in its place — a dialog for a file, the network's issue list for a network, the training panel for a
run, the canvas for a model or a picture — and the window still trains afterwards).

A message written here as "text…" means "starts with text" (the rest lists choices or a folder);
"{path}", "{name}" and "{folder}" are the bad file, its name and the data folder of the row.
"""

from __future__ import annotations

import gzip
import json
import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch
import torchvision
from helpers import (
    all_files,
    block_network,
    layer,
    linear,
    serve_files,
    synthetic_idx,
    tiny_experiment,
    write_idx,
)
from PIL import Image

from playground import cli
from playground.core.build import build_model
from playground.core.checkpoint import (
    CheckpointError,
    load_checkpoint,
    load_weights_into,
    save_checkpoint,
)
from playground.core.experiment import DatasetSpec, Experiment, ExperimentError, LayerSpec
from playground.core.presets import load_preset
from playground.core.shapes import infer_shapes
from playground.data import download, images
from playground.inference.predict import IncompatibleModel, check_image_model, open_model
from playground.inference.preprocess import (
    EmptyImage,
    UnreadableImage,
    load_image_file,
    mnist_pixels,
)
from playground.training.trainer import Trainer

torch.set_num_threads(1)


@dataclass(frozen=True)
class Row:
    id: str
    make: Callable[[Path], object]  # builds the bad input inside a temporary folder
    message: str  # what the person reads


def expected(row: Row, **names: str) -> str:
    return row.message.format(**names)


def matches(actual: str, message: str) -> bool:
    return actual.startswith(message[:-1]) if message.endswith("…") else actual == message


def one_line(message: str) -> str:
    """What the command line prints for a message of several lines (a CSV's bad rows): one line."""
    first, *rest = message.splitlines()
    return f"{first} {'; '.join(rest)}" if rest else first


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    block_network(monkeypatch)  # no row ever downloads; the download rows serve their own bytes
    images.load_split.cache_clear()


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """The command in-process: an exception escaping main() would fail the test, so no traceback can hide."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def the_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("playground: error: ") and "Traceback" not in err
    return lines[0][len("playground: error: "):]


# =========================================================================== experiment files

SEED_MLP = load_preset("seed-mlp").to_json()


def text_file(content: str | bytes, name: str = "experiment.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def edited(change: Callable[[dict], None]) -> Callable[[Path], Path]:
    """The seed-mlp preset as a person edited it by hand."""
    data = json.loads(SEED_MLP)
    change(data)
    return text_file(json.dumps(data))


def _set(path: str, value) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        for part in parents:
            data = data[part]
        data[last] = value

    return change


def _delete(path: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        for part in parents:
            data = data[part]
        del data[last]

    return change


EXPERIMENT_FILES = [
    Row("not JSON", text_file("{not json"),
        "the file is not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
    Row("truncated", text_file('{\n  "dataset": "mnist",\n  "layers": [{"type": "Flat'),
        "the file is not valid JSON (line 3, column 23: Unterminated string starting at)"),
    Row("empty", text_file(""), "the file is empty; an experiment needs at least a dataset and layers"),
    Row("only spaces", text_file("  \n\n"), "the file is empty; an experiment needs at least a dataset and layers"),
    Row("empty object", text_file("{}"), "the file is empty; an experiment needs at least a dataset and layers"),
    Row("a list", text_file("[1, 2]"), "expected an object, got a list"),
    Row("not text", text_file(b"\x89PNG\r\n\x1a\n\xff\xfe\x00"), "{path} is not a text (JSON) file"),
    Row("missing file", lambda folder: folder / "nowhere.json", "{path} does not exist"),
    Row("a folder", lambda folder: folder, "cannot read {path}: Is a directory"),
    Row("nested too deeply", text_file("[" * 100_000), "the file is not an experiment: its JSON is nested too deeply"),
    Row("wrong type: units as text", edited(_set("layers.1.units", "ten")),
        "layers[1].units: expected an integer, got text"),
    Row("wrong type: fractional units", edited(_set("layers.1.units", 12.5)),
        "layers[1].units: expected an integer, got 12.5"),
    Row("wrong type: lr as text", edited(_set("optimizer.lr", "0.01")), "optimizer.lr: expected a number, got text"),
    Row("wrong type: bias as a number", edited(_set("layers.1.bias", 1)), "layers[1].bias: expected true or false, "
        "got an integer"),
    Row("wrong type: layers as an object", edited(_set("layers", {"type": "Linear"})),
        "layers: expected a list of layers, got an object"),
    Row("wrong type: a layer as text", edited(_set("layers.1", "Linear")), "layers[1]: expected an object, got text"),
    Row("unknown layer", edited(_set("layers.1.type", "Conv3d")), "layers[1].type: unknown layer 'Conv3d'; known "
        "layers are: …"),
    Row("unknown layer parameter", edited(_set("layers.1.neurons", 5)), "layers[1].neurons: unknown parameter; "
        "Linear takes: units, bias"),
    Row("unknown field", edited(_set("learning_rate", 0.1)), "learning_rate: unknown field; known fields are: …"),
    Row("unknown dataset", edited(_set("dataset.name", "cifar10")), "dataset.name: unknown value 'cifar10'; "
        "choose one of: …"),
    Row("unknown optimizer", edited(_set("optimizer.name", "lion")), "optimizer.name: unknown value 'lion'; "
        "choose one of: sgd, adam, adamw, rmsprop, adagrad"),
    Row("negative units", edited(_set("layers.1.units", -3)), "layers[1].units: must be at least 1, got -3"),
    Row("zero units", edited(_set("layers.1.units", 0)), "layers[1].units: must be at least 1, got 0"),
    Row("negative batch size", edited(_set("dataset.batch_size", -64)),
        "dataset.batch_size: must be at least 1, got -64"),
    Row("negative learning rate", edited(_set("optimizer.lr", -0.1)),
        "optimizer.lr: must be greater than 0, got -0.1"),
    Row("learning rate above 10", edited(_set("optimizer.lr", 100)), "optimizer.lr: must be at most 10, got 100"),
    Row("NaN learning rate", text_file(SEED_MLP.replace('"lr": 0.001', '"lr": NaN')),
        "optimizer.lr: must be a finite number, got nan"),
    Row("zero epochs", edited(_set("epochs", 0)), "epochs: must be at least 1, got 0"),
    Row("dropout of 1", text_file(json.dumps({"dataset": "mnist", "layers": [{"type": "Dropout", "p": 1.0}]})),
        "layers[0].p: must be at most 0.99, got 1"),
    Row("missing dataset", edited(_delete("dataset")), "dataset: missing; for example \"dataset\": "
        "{{\"name\": \"mnist\"}}"),
    Row("missing layers", edited(_delete("layers")), "layers: missing; list the network's layers, for example "
        "[{{\"type\": \"Flatten\"}}, ...]"),
    Row("missing layer type", edited(_delete("layers.1.type")), "layers[1].type: missing; every layer needs a "
        "type such as \"Linear\""),
    Row("missing dataset name", edited(_set("dataset", {"batch_size": 64})), "dataset.name: missing; choose one "
        "of: …"),
    Row("future format version", edited(_set("version", 9)), "version: this file was written by a newer NN "
        "Playground (format 9; this version reads up to 2); update the app to open it"),
    Row("format 2: unknown id", edited(_set("layers.5.inputs", ["nowhere"])),
        "layers[5].inputs[0]: no layer has the id 'nowhere'; name one of: input"),
    Row("format 2: duplicate id", edited(lambda d: (_set("layers.1.id", "a")(d), _set("layers.3.id", "a")(d))),
        "layers[3].id: layers[1] (Linear) already has the id 'a'; every id must be unique — rename one of them"),
    Row("format 2: dangling input", edited(lambda d: (_set("layers.2.id", "h")(d), _set("layers.5.inputs",
                                                                                        ["h", "gone"])(d))),
        "layers[5].inputs[1]: no layer has the id 'gone'; name one of: input, h"),
    Row("format 2: cycle", edited(lambda d: (_set("layers.1.id", "a")(d), _set("layers.1.inputs", ["b"])(d),
                                            _set("layers.3.id", "b")(d))),
        "layers[3].inputs: layers[1] (Linear), layers[2] (ReLU), layers[3] (Linear) read from each other in a loop, "
        "so data would flow in a circle; remove one of these inputs"),
    Row("another program's JSON", edited(_set("format", "keras-model")), "format: expected "
        "'nn-playground-experiment'; this is not an NN Playground experiment"),
]


@pytest.mark.parametrize("row", EXPERIMENT_FILES, ids=[r.id for r in EXPERIMENT_FILES])
def test_experiment_file_engine(row, tmp_path):
    path = row.make(tmp_path)
    with pytest.raises(ExperimentError) as info:
        Experiment.load(path)
    assert matches(str(info.value), expected(row, path=str(path))), str(info.value)


@pytest.mark.parametrize("row", EXPERIMENT_FILES, ids=[r.id for r in EXPERIMENT_FILES])
def test_experiment_file_cli(row, tmp_path, capsys):
    path = row.make(tmp_path)
    for command in ("validate", "train", "export-code"):
        code, out, err = run_cli(capsys, command, "--experiment", path)
        assert code == 1 and out == ""
        assert matches(the_error_line(err), f"{path}: {expected(row, path=str(path))}")


# =========================================================================== networks (shape inference)


def mnist(*layers: LayerSpec, **dataset) -> Experiment:
    return Experiment(name="bad network", dataset=DatasetSpec("mnist", **dataset), layers=list(layers),
                      device="cpu")


NETWORKS = [
    Row("no layers", lambda _: mnist(),
        "The network has no layers — add at least a Linear layer (after Flatten for images)"),
    Row("last layer deleted mid-thought", lambda _: mnist(layer("Flatten"), linear(128), layer("ReLU")),
        None),  # valid: trains, with a warning (see WARNINGS)
    Row("only activations: nothing to learn", lambda _: tiny_experiment("circle", [layer("ReLU")]),
        "The network has nothing to learn: none of its layers has weights — add a Linear layer"),
    Row("Linear on an image", lambda _: mnist(layer("Conv2d"), linear(10)),
        "Linear #2 expects a flat vector but receives 16×26×26 — add Flatten before it"),
    Row("Conv2d after Flatten", lambda _: mnist(layer("Flatten"), layer("Conv2d"), layer("Flatten"), linear(10)),
        "Conv2d #2 expects an image (channels×height×width) but receives a flat vector of 784 — move it before "
        "Flatten, or remove the Flatten above it"),
    Row("kernel larger than the image", lambda _: mnist(layer("MaxPool2d", kernel_size=8),
                                                        layer("Conv2d", kernel_size=5), layer("Flatten"), linear(10)),
        "Conv2d #2's kernel 5×5 does not fit its input 3×3 — use a smaller kernel, add padding, or remove a "
        "pooling layer before it"),
    Row("pooling window larger than the image", lambda _: mnist(layer("MaxPool2d", kernel_size=8),
                                                                layer("MaxPool2d", kernel_size=8),
                                                                layer("Flatten"), linear(10)),
        "MaxPool2d #2's window 8×8 is larger than its input 3×3 — use a smaller kernel or remove it"),
    Row("LSTM after Flatten", lambda _: mnist(layer("Flatten"), layer("LSTM"), linear(10)),
        "LSTM #2 expects a sequence (an image, whose rows are the steps) but receives a flat vector of 784 — "
        "place it before any Flatten, Linear or recurrent layer; to stack recurrent layers, raise its Stacked "
        "layers instead"),
    Row("ends with an image", lambda _: mnist(layer("Conv2d", out_channels=4)),
        "The network ends with 4×26×26, but it must end with one score per class — add Flatten and a Linear "
        "layer with 10 units at the end"),
    Row("classification loss on regression data",
        lambda _: tiny_experiment("sine", [linear(8), layer("Tanh"), linear(1)], loss="cross_entropy"),
        "Cross-entropy needs class labels, but this dataset is regression (numbers to predict) — choose Mean "
        "squared error, L1 or Smooth L1 as the loss"),
    Row("regression with two outputs", lambda _: tiny_experiment("sine", [linear(8), layer("Tanh"), linear(2)],
                                                                 loss="mse"),
        "The last layer gives 2 outputs but this regression data has 1 target — set its units to 1"),
    Row("a layer too large for memory (parameters)",
        lambda _: mnist(layer("Conv2d", out_channels=1024, padding=1), layer("Flatten"), linear(65536)),
        "Linear #3 would have 52,613,414,912 parameters (about 210.5 GB for the weights alone, several times "
        "that while training) — use fewer units, or pool or stride before it"),
    Row("a network too large for memory (activations)",
        lambda _: mnist(layer("Conv2d", out_channels=1024, padding=16), layer("ReLU"), layer("MaxPool2d",
                                                                                             kernel_size=8),
                        layer("Flatten"), linear(10), batch_size=4096),
        "Training needs about 213.3 GB of memory with batch size 4096, more than the {budget} this computer can "
        "spare: Conv2d #1 alone outputs 3,444,736 numbers per sample — use fewer filters or units, pool or stride "
        "before it, or a smaller batch size"),
]
NETWORKS = [row for row in NETWORKS if row.message is not None]


def budget_text() -> str:
    from playground.core.shapes import memory_budget

    return f"{memory_budget() / 1024**3:.1f} GB"


@pytest.mark.parametrize("row", NETWORKS, ids=[r.id for r in NETWORKS])
def test_network_engine(row, tmp_path):
    exp = row.make(tmp_path)
    report = infer_shapes(exp)
    assert report.error is not None
    assert report.error.message == expected(row, budget=budget_text())
    trainer = Trainer(exp, data=_fake_data(exp))
    end = trainer.run()  # the trainer refuses what inference refuses, before allocating anything
    assert end.status == "failed" and end.message == report.error.message


def _fake_data(exp: Experiment):
    """Data of the right shape without reading MNIST: the trainer must refuse before touching it."""
    from playground.data.bundle import DataBundle
    from playground.data.registry import dataset_info

    info = dataset_info(exp.dataset)
    x = torch.zeros(4, *info.input_shape)
    y = torch.zeros(4, dtype=torch.int64) if info.num_classes else torch.zeros(4, 1)
    return DataBundle(info, x, y, x, y)


@pytest.mark.parametrize("row", NETWORKS, ids=[r.id for r in NETWORKS])
def test_network_cli(row, tmp_path, capsys):
    path = tmp_path / "network.json"
    row.make(tmp_path).save(path)
    message = expected(row, budget=budget_text())
    code, out, err = run_cli(capsys, "validate", "--experiment", path)
    assert code == 1 and "Total" in out  # the table, up to the layer that fails
    assert the_error_line(err) == message
    code, out, err = run_cli(capsys, "train", "--experiment", path, "--json")
    assert code == 1 and out == ""
    assert the_error_line(err) == message


# a learner's mistake that still trains: a warning before the run, and a clear end if it did not learn
WARNINGS = [
    Row("lr = 10 with Adam", lambda _: tiny_experiment("circle", lr=10, optimizer="adam"),
        "The learning rate 10 is far above what Adam usually trains with (at most 0.1): the loss will jump around "
        "or blow up instead of going down — try 0.001"),
    Row("lr = 10 with SGD", lambda _: tiny_experiment("circle", lr=10, optimizer="sgd"),
        "The learning rate 10 is far above what SGD usually trains with (at most 1): the loss will jump around or "
        "blow up instead of going down — try 0.01"),
    Row("last layer deleted mid-thought", lambda _: mnist(layer("Flatten"), linear(128), layer("ReLU")),
        "The network gives 128 outputs but the dataset has 10 classes — the extra outputs are never the answer; "
        "set the last Linear layer's units to 10"),
]


@pytest.mark.parametrize("row", WARNINGS, ids=[r.id for r in WARNINGS])
def test_warning_engine_and_cli(row, tmp_path, capsys):
    exp = row.make(tmp_path)
    report = infer_shapes(exp)
    assert report.error is None
    assert expected(row) in [w.message for w in report.warnings]
    path = tmp_path / "warned.json"
    exp.save(path)
    code, out, err = run_cli(capsys, "validate", "--experiment", path)
    assert code == 0 and err == ""
    assert f"warning: {expected(row)}" in out.splitlines()


# =========================================================================== runs that cannot train


def csv_experiment(content: str | None, **spec) -> Callable[[Path], tuple[Experiment, None]]:
    def make(folder: Path):
        path = folder / "points.csv"
        if content is not None:
            path.write_text(content, encoding="utf-8")
        dataset = DatasetSpec("csv", batch_size=4, csv_path=str(path), csv_features=["x1", "x2"], csv_target="label",
                              **spec)
        return Experiment(name="csv", dataset=dataset, layers=[linear(4), layer("ReLU"), linear(2)], epochs=2,
                          device="cpu"), None

    return make


def mnist_run(folder_content: Callable[[Path], None] | None) -> Callable[[Path], tuple[Experiment, Path]]:
    def make(folder: Path):
        data = folder / "data"
        data.mkdir()
        if folder_content is not None:
            folder_content(data)
        return mnist(layer("Flatten"), linear(10), batch_size=8), data

    return make


def damaged_mnist(data: Path) -> None:
    raw = write_idx(data, n_train=20, n_test=10)
    (raw / "train-images-idx3-ubyte").write_bytes(b"\x00\x00\x08\x03 truncated")


RUNS = [
    Row("lr = 10 with SGD: NaN", lambda _: (tiny_experiment("sine", [linear(32), layer("ReLU"), linear(1)],
                                                            loss="mse", optimizer="sgd", lr=10, epochs=3), None),
        "The loss became infinite at epoch 1, batch 4: the learning rate (10) is probably too high — try 1, or turn "
        "on gradient clipping."),
    Row("lr = 10 with SGD: diverged", lambda _: (tiny_experiment("circle", [linear(16), layer("ReLU"), linear(2)],
                                                                 optimizer="sgd", lr=10, samples=300, epochs=3),
                                                 None),
        "The loss grew from…"),
    Row("lr = 10 with Adam: never learns", lambda _: (tiny_experiment("spiral", [linear(8), layer("Tanh"), linear(8),
                                                                                 layer("ReLU"), linear(2)],
                                                                      lr=10, epochs=4, samples=200, batch_size=10),
                                                      None),
        "The loss did not go down in 4 epochs (…"),
    Row("fewer outputs than classes", lambda _: (tiny_experiment("circle", [linear(8), layer("ReLU"), linear(1)]),
                                                 None),
        "The network gives 1 output but the dataset has 2 classes — set the last Linear layer's units to 2"),
    Row("empty training set", lambda _: (tiny_experiment(samples=4, val_split=0.9), None),
        "The training set is empty — add data or lower the validation split."),
    Row("empty CSV", csv_experiment(""), "points.csv is empty — it needs a header row and at least one data row"),
    Row("CSV with a header only", csv_experiment("x1,x2,label\n"), "points.csv has a header row but no data rows"),
    Row("CSV that is gone", csv_experiment(None), "{folder}/points.csv does not exist"),
    Row("CSV with bad rows", csv_experiment("x1,x2,label\n1,2,a\n3,x,b\n5,6\n"),
        "points.csv has 1 malformed row:\nline 4: 2 values, but the header has 3 columns"),
    Row("CSV with words for numbers", csv_experiment("x1,x2,label\n1,2,a\n3,x,b\n1e999,6,a\n"),
        "points.csv: 2 values cannot be used:\nline 3: 'x' in column x2 is not a number\n"
        "line 4: '1e999' in column x1 is not a finite number"),
    Row("CSV with one class", csv_experiment("x1,x2,label\n1,2,a\n3,4,a\n"),
        "points.csv: the label column label has only one class ('a') — classification needs at least two"),
    Row("MNIST files damaged", mnist_run(damaged_mnist),
        "The MNIST files in {folder}/data/MNIST/raw cannot be read (…"),
]


@pytest.mark.parametrize("row", RUNS, ids=[r.id for r in RUNS])
def test_run_engine(row, tmp_path):
    exp, data_dir = row.make(tmp_path)
    end = Trainer(exp, data_dir=data_dir).run()
    assert end.status == "failed"
    assert matches(end.message, expected(row, folder=str(tmp_path))), end.message
    assert end.test_accuracy is None


@pytest.mark.parametrize("row", RUNS, ids=[r.id for r in RUNS])
def test_run_cli(row, tmp_path, capsys):
    exp, data_dir = row.make(tmp_path)
    path = tmp_path / "run.json"
    exp.save(path)
    extra = ["--data-dir", data_dir] if data_dir else []
    code, out, err = run_cli(capsys, "train", "--experiment", path, "--json", *extra)
    assert code == 1
    assert json.loads(out.splitlines()[-1])["status"] == "failed"  # stdout stays JSON lines
    assert matches(the_error_line(err), one_line(expected(row, folder=str(tmp_path))))


# =========================================================================== checkpoints


class WritesAFile:
    """Unpickling this would call open(marker, 'w'): the file appearing means code ran."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


MARKER = "code-ran"


def _mnist_checkpoint(folder: Path, name: str = "model.pt") -> Path:
    exp = mnist(layer("Flatten"), linear(10))
    path = folder / name
    save_checkpoint(path, build_model(exp, (1, 28, 28)), exp, input_shape=(1, 28, 28),
                    class_names=[str(i) for i in range(10)], normalization=(0.1307, 0.3081))
    return path


def _rewritten(change: Callable[[dict], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = _mnist_checkpoint(folder, "edited.pt")
        payload = torch.load(path, weights_only=True)
        change(payload)
        torch.save(payload, path)
        return path

    return make


def _other_units(payload: dict) -> None:
    exp = Experiment.from_json(payload["experiment_json"])
    exp.layers[1].params["units"] = 12
    payload["experiment_json"] = exp.to_json()


def _two_d_model(folder: Path) -> Path:
    exp = tiny_experiment("spiral", [linear(8), layer("ReLU"), linear(2)])
    path = folder / "spiral.pt"
    save_checkpoint(path, build_model(exp, (2,)), exp, input_shape=(2,), class_names=["orange", "blue"])
    return path


def _truncated(folder: Path) -> Path:
    good = _mnist_checkpoint(folder, "whole.pt").read_bytes()
    (folder / "whole.pt").unlink()
    path = folder / "half.pt"
    path.write_bytes(good[: len(good) // 2])
    return path


def _one_damaged_byte(folder: Path) -> Path:
    """One byte changed inside the pickled description: damage, not an attack."""
    good = bytearray(_mnist_checkpoint(folder, "whole.pt").read_bytes())
    (folder / "whole.pt").unlink()
    good[good.index(b"OrderedDict") + 3] ^= 0x20  # collections.OrdeReddict: an unknown global
    path = folder / "damaged.pt"
    path.write_bytes(bytes(good))
    return path


def _crafted_pickle(folder: Path) -> Path:
    path = folder / "crafted.pt"
    path.write_bytes(pickle.dumps({"state_dict": WritesAFile(folder / MARKER)}))
    return path


def _crafted_torch_file(folder: Path) -> Path:
    path = folder / "crafted-zip.pt"
    torch.save({"format": "nn-playground-checkpoint", "state_dict": WritesAFile(folder / MARKER)}, path)
    return path


def _plain_state_dict(folder: Path) -> Path:
    path = folder / "weights.pt"
    torch.save(build_model(mnist(layer("Flatten"), linear(10)), (1, 28, 28)).state_dict(), path)
    return path


CHECKPOINT_REFUSED = "{name} was refused: it contains Python objects other than weights, which could run code when " \
                     "opened. Only load checkpoints saved by NN Playground (or plain state dicts)."
NOT_A_CHECKPOINT = "{name} is not a model checkpoint (or it is damaged) — choose a .pt file saved by NN Playground"

# (row, refused by File → Load model too): a checkpoint for 2-D points is a fine model for the window,
# only the canvas and `playground predict` (which read 28×28 images) refuse it
CHECKPOINTS = [
    Row("crafted pickle that would create a file", _crafted_pickle, CHECKPOINT_REFUSED),
    Row("crafted torch file that would create a file", _crafted_torch_file, CHECKPOINT_REFUSED),
    Row("text file named .pt", text_file("these are my notes\n", "notes.pt"), NOT_A_CHECKPOINT),
    Row("picture named .pt", lambda folder: _png(folder / "picture.pt", "one"), NOT_A_CHECKPOINT),
    Row("empty file", text_file(b"", "empty.pt"), NOT_A_CHECKPOINT),
    Row("truncated checkpoint", _truncated, NOT_A_CHECKPOINT),
    Row("one damaged byte", _one_damaged_byte, NOT_A_CHECKPOINT),
    Row("broken zip", text_file(b"PK\x03\x04 and then nothing", "broken.pt"), NOT_A_CHECKPOINT),
    Row("a folder", lambda folder: _make_folder(folder / "folder.pt"), NOT_A_CHECKPOINT),
    Row("missing file", lambda folder: folder / "gone.pt", "{path} does not exist"),
    Row("plain state dict", _plain_state_dict, "{name} is a PyTorch file but not an NN Playground checkpoint — it "
        "has no experiment describing the network. Save models with NN Playground to load them here."),
    Row("weights of another architecture than its experiment", _rewritten(_other_units),
        "{name}: the weights do not fit the network described in the file (size mismatch for 1.weight: copying a "
        "param with shape torch.Size([10, 784]) from checkpoint, the shape in current model is "
        "torch.Size([12, 784]).) — the file is damaged or was edited"),
    Row("from a newer version", _rewritten(lambda p: p.update(version=99)),
        "{name} was saved by a newer NN Playground — update the app to open it"),
    Row("hand-edited description", _rewritten(lambda p: p.update(input_shape=["a"])),
        "{name} is damaged: its description of the model cannot be read — choose a .pt file saved by NN Playground"),
    Row("invalid experiment inside", _rewritten(lambda p: p.update(experiment_json='{"dataset": "mnist"}')),
        "{name} has an invalid experiment: layers: missing; list the network's layers, for example "
        "[{{\"type\": \"Flatten\"}}, ...]"),
]
IMAGE_ONLY = [
    Row("a model for 2-D points (another architecture)", _two_d_model,
        "This model takes 2 numbers as input (a 2-D or table model), not a 28×28 image — train a model on MNIST "
        "or FashionMNIST to read drawings."),
]


def _make_folder(path: Path) -> Path:
    path.mkdir()
    return path


def _names(path: Path) -> dict[str, str]:
    return {"path": str(path), "name": path.name}


@pytest.mark.parametrize("row", CHECKPOINTS, ids=[r.id for r in CHECKPOINTS])
def test_checkpoint_engine(row, tmp_path):
    path = row.make(tmp_path)
    before = all_files(tmp_path)
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert str(info.value) == expected(row, **_names(path))
    with pytest.raises(CheckpointError) as info:
        open_model(path)  # what the canvas and `playground predict` call
    assert str(info.value) == expected(row, **_names(path))
    assert all_files(tmp_path) == before  # loading created no file: no code ran


@pytest.mark.parametrize("row", IMAGE_ONLY, ids=[r.id for r in IMAGE_ONLY])
def test_image_model_engine(row, tmp_path):
    loaded = open_model(row.make(tmp_path))
    with pytest.raises(IncompatibleModel) as info:
        check_image_model(loaded)
    assert str(info.value) == row.message


def test_weights_of_another_architecture_are_refused(tmp_path):
    path = _mnist_checkpoint(tmp_path)
    other = build_model(mnist(layer("Flatten"), linear(32), layer("ReLU"), linear(10)), (1, 28, 28))
    with pytest.raises(CheckpointError) as info:
        load_weights_into(path, other)
    assert str(info.value) == ("model.pt was trained for a different network than this one (Missing key(s) in "
                               "state_dict: \"3.weight\", \"3.bias\".) — open its experiment instead, or train "
                               "this network")


@pytest.mark.parametrize("row", CHECKPOINTS + IMAGE_ONLY, ids=[r.id for r in CHECKPOINTS + IMAGE_ONLY])
def test_checkpoint_cli(row, tmp_path, capsys):
    path = row.make(tmp_path)
    picture = _png(tmp_path / "digit.png", "one")
    before = all_files(tmp_path)
    code, out, err = run_cli(capsys, "predict", "--model", path, picture)
    assert code == 1 and out == ""
    assert the_error_line(err) == expected(row, **_names(path))
    assert all_files(tmp_path) == before and not (tmp_path / MARKER).exists()


# =========================================================================== pictures that are not digits


def _png(path: Path, what: str) -> Path:
    picture = Image.new("L", (60, 60), 255)
    if what == "one":
        picture.paste(0, (27, 8, 33, 52))
    picture.save(path, format="PNG")
    return path


def _truncated_png(folder: Path) -> Path:
    whole = _png(folder / "whole.png", "one").read_bytes()
    (folder / "whole.png").unlink()
    path = folder / "cut.png"
    path.write_bytes(whole[:60])
    return path


def _bomb(folder: Path) -> Path:
    """A PNG that says it is 30000×30000 pixels: decoding it would take 900 MB."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (30000).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    path = folder / "bomb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100))
                     + chunk(b"IEND", b""))
    return path


PICTURES = [
    Row("text named .png", text_file("not a picture", "note.png"),
        "{path}: not an image file (or a format that cannot be read)"),
    Row("empty .png", text_file(b"", "empty.png"), "{path}: not an image file (or a format that cannot be read)"),
    Row("truncated PNG", _truncated_png, "{path}: cannot read the image (…"),
    Row("decompression bomb", _bomb, "{path}: cannot read the image (Image size (900000000 pixels) exceeds limit …"),
    Row("missing picture", lambda folder: folder / "gone.png", "{path}: no such file"),
    Row("a folder named .png", lambda folder: _make_folder(folder / "folder.png"), "{path}: is a folder, not an image"),
    Row("blank picture", lambda folder: _png(folder / "blank.png", "blank"), "no digit found: the image is blank"),
]


@pytest.mark.parametrize("row", PICTURES, ids=[r.id for r in PICTURES])
def test_picture_engine(row, tmp_path):
    path = row.make(tmp_path)
    with pytest.raises((UnreadableImage, EmptyImage)) as info:
        mnist_pixels(load_image_file(path))
    if isinstance(info.value, UnreadableImage):
        assert matches(str(info.value), expected(row, path=str(path))), str(info.value)


@pytest.mark.parametrize("row", PICTURES, ids=[r.id for r in PICTURES])
def test_picture_cli(row, tmp_path, capsys):
    path = row.make(tmp_path)
    code, out, err = run_cli(capsys, "predict", path)
    assert code == 1
    (line,) = [json.loads(text) for text in out.splitlines()]
    assert matches(line["error"], expected(row, path=str(path)))
    message = the_error_line(err)
    assert message.startswith(str(path)) and matches(message.removeprefix(f"{path}: ").removeprefix(f"{path}: "),
                                                     expected(row, path=str(path)).removeprefix(f"{path}: "))


def test_one_bad_picture_among_good_ones_is_one_stderr_line(tmp_path, capsys):
    good = _png(tmp_path / "one.png", "one")
    bad = text_file("nope", "bad.png")(tmp_path)
    blank = _png(tmp_path / "blank.png", "blank")
    code, out, err = run_cli(capsys, "predict", good, bad, blank)
    assert code == 1 and len(out.splitlines()) == 3
    assert the_error_line(err) == (f"2 of 3 images could not be classified; the first: {bad}: not an image file (or "
                                   "a format that cannot be read)")


# =========================================================================== downloads


def _serve_mnist(monkeypatch, fail_after: int | None = None) -> list[str]:
    files = {f"{name}.gz": gzip.compress(payload) for name, payload in synthetic_idx(40, 10).items()}
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources", [(name, None) for name in files])
    return serve_files(monkeypatch, files, fail_after)


def test_interrupted_download_leaves_nothing_and_a_retry_works(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    exp = mnist(layer("Flatten"), linear(10), batch_size=8, val_split=0.25)
    exp.epochs = 1
    exp.dataset.limit = 200
    path = tmp_path / "mnist.json"
    exp.save(path)
    requested = _serve_mnist(monkeypatch, fail_after=100)  # the connection drops after 100 bytes
    code, out, err = run_cli(capsys, "train", "--experiment", path, "--data-dir", data)
    assert code == 0 and requested  # it trained on the built-in sample instead, and said why
    (note,) = err.splitlines()
    assert note.startswith("playground: note: training on the built-in sample of MNIST") and "Traceback" not in err
    assert "(the connection to ossci-datasets.s3.amazonaws.com broke off ([Errno 104] Connection reset by peer))" \
        in note
    assert not data.exists()  # nothing half-written, not even an empty folder

    _serve_mnist(monkeypatch)  # the network is back: the same command now downloads and uses the full set
    images.load_split.cache_clear()
    download.forget_failures()  # a new process would not remember the failure
    code, out, err = run_cli(capsys, "train", "--experiment", path, "--data-dir", data)
    assert code == 0 and err == ""
    assert "test accuracy" in out
    assert all_files(data) == ["MNIST", "MNIST/raw", *[f"MNIST/raw/{f}" for f in sorted(images.IDX_FILES)]]


# =========================================================================== the commands as installed


def test_the_installed_command_never_shows_a_traceback(tmp_path):
    """The same answers through a real process: Python's own error printing would show a traceback."""
    import subprocess
    import sys

    bad_json = text_file("{not json")(tmp_path)
    crafted = _crafted_pickle(tmp_path)
    broken = text_file("nope", "broken.png")(tmp_path)
    for argv in (["validate", "--experiment", bad_json], ["predict", "--model", crafted, broken],
                 ["predict", broken]):
        result = subprocess.run([sys.executable, "-m", "playground", *map(str, argv)], capture_output=True,
                                text=True, timeout=120, env={**__import__("os").environ, "PYTHONWARNINGS": "ignore"})
        assert result.returncode == 1
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / MARKER).exists()
