"""Code export: the exported script is standalone, runs, and builds the app's network.

Every preset's script is run once as a subprocess, with NN Playground made unimportable, for one
epoch on a small subset. Everything else (parameter counts, layer shapes, starting weights,
generated data, the many loss/optimizer/scheduler variants) is checked in-process by importing
the script as a module, which costs no extra torch start-up.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import py_compile
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from playground.core import build, catalog
from playground.core.codegen import experiment_to_script
from playground.core.codegen_data import FEATURE_EXPRESSIONS
from playground.core.experiment import (
    AugmentSpec,
    DatasetSpec,
    Experiment,
    ExperimentError,
    LayerSpec,
)
from playground.core.graph import network_graph
from playground.core.presets import load_preset, preset_names
from playground.core.shapes import infer_shapes
from playground.core.transfer import source_path
from playground.data import images
from playground.data.features import FEATURE_NAMES, apply_features
from playground.data.registry import IMAGE_DATASETS, dataset_info, load_dataset

DATA_DIR = os.environ.get(images.DATA_ENV, "")
# runs the script as __main__ with `import playground` made to fail: the script must not need the app
STANDALONE = ("import runpy, sys; sys.modules['playground'] = None; script = sys.argv[1]; "
              "sys.argv = sys.argv[1:]; runpy.run_path(script, run_name='__main__')")


def has_image_data(name: str) -> bool:
    return bool(DATA_DIR) and images.has_local_files(name, DATA_DIR)


def write_script(exp: Experiment, folder: Path, name: str = "exported") -> Path:
    path = folder / f"{name}.py"
    path.write_text(experiment_to_script(exp), encoding="utf-8")
    return path


def import_script(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_main(module, *args: str) -> str:
    """Call the script's main() in this process with these command-line arguments; its stdout."""
    out = io.StringIO()
    argv = sys.argv
    sys.argv = [module.__file__, *args]
    try:
        with contextlib.redirect_stdout(out):
            module.main()
    finally:
        sys.argv = argv
    return out.getvalue()


def assert_same_network(exp: Experiment, module) -> None:
    """Same parameter count, layer output shapes and (with the seed) starting weights as the app."""
    report = infer_shapes(exp)
    assert report.error is None, report.error
    torch.manual_seed(exp.seed)
    net = module.Net()
    summary = module.summary(net)
    assert summary["parameters"] == report.total_parameters
    # every module's output in the order forward() runs them (merge blocks are written as `+`, not modules)
    order = network_graph(exp).topological_order
    assert summary["output_shapes"] == [list(report.layers[i].output_shape) for i in order
                                        if not catalog.LAYERS[exp.layers[i].type].is_merge]
    torch.manual_seed(exp.seed)
    app_model = build.build_model(exp)
    script_params = list(net.parameters())
    app_params = list(app_model.parameters())
    assert [p.shape for p in script_params] == [p.shape for p in app_params]
    for mine, theirs in zip(script_params, app_params, strict=True):
        assert torch.equal(mine, theirs)
    assert tuple(module.INPUT_SHAPE) == dataset_info(exp.dataset).input_shape


# --------------------------------------------------------------------------- every preset


@pytest.mark.parametrize("preset", preset_names())
def test_preset_script_trains_one_epoch_standalone_and_builds_the_apps_network(preset, tmp_path):
    exp = load_preset(preset)
    path = write_script(exp, tmp_path, preset.replace("-", "_"))
    py_compile.compile(str(path), doraise=True)
    assert_same_network(exp, import_script(path))
    if exp.dataset.name in IMAGE_DATASETS and not has_image_data(exp.dataset.name):
        pytest.skip(f"{exp.dataset.name} files not found: set {images.DATA_ENV} to run the exported script")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    weights = ["--weights", str(source_path(exp.init_from))] if exp.init_from else []
    result = subprocess.run(
        [sys.executable, "-c", STANDALONE, str(path), "--epochs", "1", "--limit", "256", "--device", "cpu",
         "--data-dir", DATA_DIR or str(tmp_path), *weights],
        capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    if exp.init_from:  # transfer-fashion: the convolutions start from the bundled model, the head fresh
        assert "conv1: weights from" in result.stdout and "bn5: weights from" in result.stdout
        assert "fc1: starts fresh" in result.stdout and "fc2: starts fresh" in result.stdout
    assert "epoch 1/1  train loss" in result.stdout
    final = [line for line in result.stdout.strip().splitlines() if not line.startswith("line: ")][-1]
    assert final.startswith(("test loss", "validation loss", "training loss")), result.stdout
    if exp.dataset.name in IMAGE_DATASETS:
        assert "training on 231 images (25 for validation)" in result.stdout  # --limit 256, 10% held out


def test_linear_regression_script_writes_the_lessons_update_and_reaches_least_squares(tmp_path):
    """Lesson 003's loop as the lesson writes it (w -= lr * w.grad), run standalone to the least-squares line."""
    exp = load_preset("linear-regression")
    path = write_script(exp, tmp_path, "linear_regression")
    text = path.read_text()
    for line in ("w, b = model.fc1.weight, model.fc1.bias", "with torch.no_grad():", "w -= lr * w.grad",
                 "b -= lr * b.grad", "w.grad.zero_()", "b.grad.zero_()", "lr = 0.002", "nn.MSELoss(reduction='sum')"):
        assert line in text, line
    assert "torch.optim" not in text and "optimizer" not in text
    result = subprocess.run([sys.executable, "-c", STANDALONE, str(path), "--device", "cpu"],
                            capture_output=True, text=True, timeout=120, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    x, y = np.array([1.1, 2.2, 3, 4, 5, 6, 7, 8.999, 9.555]), np.array([2.2, 4.5, 4, 6, 8.245, 7, 9, 1, 2.5])
    w, b = np.polyfit(x, y, 1)
    sse = float(((w * x + b - y) ** 2).sum())
    last = result.stdout.strip().splitlines()
    assert last[-1].startswith("line: y = w·x + b with w = "), result.stdout[-500:]
    shown_w, shown_b = (float(part.split("= ")[-1]) for part in last[-1].split(", "))
    assert (shown_w, shown_b) == pytest.approx((w, b), abs=1e-3)
    assert float(last[-2].split()[-1]) == pytest.approx(sse, abs=1e-3)  # "validation loss 62.6111": all nine


def test_momentum_or_a_deeper_network_keeps_torch_optim():
    exp = load_preset("linear-regression")
    exp.optimizer.momentum = 0.9
    assert "optimizer.step()" in experiment_to_script(exp) and "w -= lr" not in experiment_to_script(exp)
    exp = load_preset("linear-regression")
    exp.layers = [LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {}),
                  LayerSpec("Linear", {"units": 1, "bias": True})]
    assert "optimizer.step()" in experiment_to_script(exp)
    exp = load_preset("linear-regression")
    exp.layers = [LayerSpec("Linear", {"units": 1, "bias": False})]
    text = experiment_to_script(exp)
    assert "w -= lr * w.grad" in text and "b -= lr" not in text


def test_long_memory_scripts_make_the_apps_sequences_and_gates(tmp_path):
    exp = load_preset("lstm-long")
    exp.dataset.samples, exp.dataset.sequence_length = 300, 17
    module = import_script(write_script(exp, tmp_path, "lstm_long"))
    assert module.SEQUENCE_LENGTH == 17 and module.INPUT_SHAPE == (17, 4)
    train_set, val_set = module.load_data(0)
    app = load_dataset(exp.dataset, seed=exp.seed)
    assert torch.equal(train_set.tensors[0], app.train_x) and torch.equal(train_set.tensors[1], app.train_y)
    assert torch.equal(val_set.tensors[0], app.val_x) and torch.equal(val_set.tensors[1], app.val_y)
    assert_same_network(exp, module)  # the forget gate's starting bias included
    torch.manual_seed(0)
    forget = module.Net().lstm.bias_ih_l0[32:64]
    assert torch.all(forget == exp.layers[0].params["forget_bias"])
    gru = load_preset("gru-long")
    assert_same_network(gru, import_script(write_script(gru, tmp_path, "gru_long")))


def test_summary_flag_prints_parameters_and_shapes_as_json(tmp_path):
    exp = load_preset("spiral")
    path = write_script(exp, tmp_path)
    printed = json.loads(run_main(import_script(path), "--summary"))
    assert printed == {"parameters": infer_shapes(exp).total_parameters,
                       "output_shapes": [[8], [8], [8], [8], [2]]}


def test_seed_mlp_script_reads_like_the_course():
    text = experiment_to_script(load_preset("seed-mlp"))
    for line in ("class Net(nn.Module):", "self.flatten = nn.Flatten()", "self.fc1 = nn.Linear(784, 128)",
                 "x = self.flatten(x)", "datasets.MNIST(data_dir, train=True, download=True)",
                 "transforms.Normalize((mean,), (std,))", "loss_fn = nn.CrossEntropyLoss()",
                 "optimizer = torch.optim.Adam(model.parameters(), lr=0.001)", "loss.backward()",
                 "optimizer.step()", 'nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")'):
        assert line in text, line
    assert "playground" not in text.split('"""', 2)[2].lower()  # no import of the app after the docstring


# --------------------------------------------------------------------------- every layer


def every_layer_image_experiment() -> Experiment:
    layers = [
        LayerSpec("Conv2d", {"out_channels": 4, "kernel_size": 3, "stride": 1, "padding": 1}),
        LayerSpec("BatchNorm", {}),
        LayerSpec("LeakyReLU", {"negative_slope": 0.1}),
        LayerSpec("MaxPool2d", {"kernel_size": 2, "stride": 0}),
        LayerSpec("Conv2d", {"out_channels": 6, "kernel_size": 3, "stride": 2, "padding": 0}),
        LayerSpec("ELU", {"alpha": 0.5}),
        LayerSpec("AvgPool2d", {"kernel_size": 3, "stride": 1}),
        LayerSpec("LayerNorm", {}),
        LayerSpec("GRU", {"hidden_size": 12, "num_layers": 2}),
        LayerSpec("Linear", {"units": 16, "bias": False}),
        LayerSpec("GELU", {}),
        LayerSpec("Linear", {"units": 16, "bias": True}),
        LayerSpec("SiLU", {}),
        LayerSpec("Dropout", {"p": 0.2}),
        LayerSpec("BatchNorm", {}),
        LayerSpec("LayerNorm", {}),
        LayerSpec("Sigmoid", {}),
        LayerSpec("Linear", {"units": 12, "bias": True}),
        LayerSpec("Tanh", {}),
        LayerSpec("Identity", {}),
        LayerSpec("Linear", {"units": 10, "bias": True}),
        LayerSpec("Softmax", {}),
        LayerSpec("LogSoftmax", {}),
    ]
    return Experiment(name="Every layer", dataset=DatasetSpec(name="mnist", batch_size=32), layers=layers,
                      loss="nll", epochs=1, seed=3)


def test_every_catalog_layer_is_exported_with_the_apps_shapes_and_weights(tmp_path):
    exp = every_layer_image_experiment()
    rnn_and_lstm = [
        LayerSpec("Conv2d", {"out_channels": 2, "kernel_size": 3, "stride": 1, "padding": 0}),
        LayerSpec("RNN", {"hidden_size": 8, "num_layers": 1}),
        LayerSpec("ReLU", {}),
        LayerSpec("Linear", {"units": 10, "bias": True}),
    ]
    lstm = [LayerSpec("LSTM", {"hidden_size": 8, "num_layers": 3}), LayerSpec("Linear", {"units": 10, "bias": True})]
    covered = {layer.type for layer in exp.layers + rnn_and_lstm + lstm} | {"Flatten"}
    # the merge blocks (Add, Concat) need a graph: tests/test_graph_build.py exports and runs them
    assert covered == {name for name, layer_type in catalog.LAYERS.items() if not layer_type.is_merge}
    for i, layers in enumerate((exp.layers, rnn_and_lstm, lstm, load_preset("simple-cnn").layers)):
        variant = exp.copy()
        variant.layers = layers
        path = write_script(variant, tmp_path, f"layers_{i}")
        py_compile.compile(str(path), doraise=True)
        assert_same_network(variant, import_script(path))


def test_batchnorm_is_1d_after_flatten_and_2d_on_images():
    text = experiment_to_script(every_layer_image_experiment())
    assert "nn.BatchNorm2d(4)" in text and "nn.BatchNorm1d(16)" in text


def test_recurrent_layer_reads_rows_as_steps_explicitly_in_forward():
    text = experiment_to_script(load_preset("rnn-rows"))
    assert "x = x.reshape(n, h, w)" in text and "x, _ = self.rnn(x)" in text and "x = x[:, -1]" in text
    text = experiment_to_script(every_layer_image_experiment())
    assert "x = x.permute(0, 2, 1, 3).reshape(n, h, c * w)" in text  # several channels per row


# --------------------------------------------------------------------------- data


def test_feature_expressions_compute_the_apps_features():
    rng = np.random.default_rng(0)
    points = rng.uniform(-6, 6, (50, 2)).astype(np.float32)
    x1, x2 = points[:, 0], points[:, 1]
    assert set(FEATURE_EXPRESSIONS) == set(FEATURE_NAMES)
    for name in FEATURE_NAMES:
        mine = np.asarray(eval(FEATURE_EXPRESSIONS[name], {"np": np, "x1": x1, "x2": x2}), dtype=np.float32)
        np.testing.assert_array_equal(mine, apply_features(points, [name])[:, 0])


@pytest.mark.parametrize("name,features,val_split", [
    ("spiral", ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"], 0.5),
    ("circle", ["x1", "x2"], 0.2), ("xor", ["x1*x2"], 0.3), ("gauss", ["x2", "x1"], 0.1),
    ("moons", ["sin(x1)", "x2^2"], 0.25), ("sine", ["x1", "x1^2", "sin(x1)"], 0.2),
    ("plane", ["x1", "x2"], 0.0), ("linear-9", ["x1"], 0.0),
])
def test_generated_data_and_split_equal_the_apps(name, features, val_split, tmp_path):
    spec = DatasetSpec(name=name, samples=120, noise=0.2, features=features, val_split=val_split)
    info = dataset_info(spec)
    units = info.output_size
    exp = Experiment(dataset=spec, layers=[LayerSpec("Linear", {"units": units, "bias": True})],
                     loss="cross_entropy" if info.num_classes else "mse", seed=5)
    module = import_script(write_script(exp, tmp_path))
    train_set, val_set = module.load_data(0)
    app = load_dataset(spec, seed=5)
    assert torch.equal(train_set.tensors[0], app.train_x) and torch.equal(train_set.tensors[1], app.train_y)
    assert torch.equal(val_set.tensors[0], app.val_x) and torch.equal(val_set.tensors[1], app.val_y)


@pytest.mark.skipif(not has_image_data("mnist"), reason=f"MNIST files not found: set {images.DATA_ENV}")
def test_image_split_and_normalization_equal_the_apps(tmp_path):
    exp = load_preset("seed-mlp")
    exp.dataset.limit = 500
    module = import_script(write_script(exp, tmp_path))
    with contextlib.redirect_stdout(io.StringIO()) as out:
        train_set, val_set, test_set = module.load_data(DATA_DIR, 500)
    app = load_dataset(exp.dataset, seed=exp.seed, data_dir=DATA_DIR)
    assert f"mean {app.normalization[0]}, std {app.normalization[1]}" in out.getvalue()
    assert (len(train_set), len(val_set), len(test_set)) == (len(app.train_x), len(app.val_x), len(app.test_x))
    for i in (0, 7, len(train_set) - 1):
        image, label = train_set[i]
        torch.testing.assert_close(image, app.train_x[i], atol=1e-5, rtol=0)
        assert label == int(app.train_y[i])
    image, label = val_set[3]
    torch.testing.assert_close(image, app.val_x[3], atol=1e-5, rtol=0)


def test_csv_data_is_read_with_the_experiments_columns(tmp_path):
    csv_path = tmp_path / "flowers.csv"
    rows = ["petal,sepal,colour,kind"]
    rng = np.random.default_rng(1)
    for i in range(40):
        kind = ["setosa", "virginica", "versicolor"][i % 3]
        rows.append(f"{rng.normal(i % 3, 0.3):.3f},{rng.normal(1, 0.3):.3f},red,{kind}")
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    spec = DatasetSpec(name="csv", csv_path=str(csv_path), csv_features=["petal", "sepal"], csv_target="kind",
                       csv_task="classification", val_split=0.25, batch_size=8)
    exp = Experiment(dataset=spec, layers=[LayerSpec("Linear", {"units": 3, "bias": True})], epochs=2)
    module = import_script(write_script(exp, tmp_path))
    output = run_main(module, "--device", "cpu")
    assert "classes: ['setosa', 'versicolor', 'virginica']" in output
    assert "training on 30 samples (10 for validation)" in output and "validation accuracy" in output
    regression = Experiment(dataset=DatasetSpec(name="csv", csv_path=str(csv_path), csv_features=["petal"],
                                                csv_target="sepal", csv_task="regression", val_split=0.0),
                            layers=[LayerSpec("Linear", {"units": 1, "bias": True})], loss="smooth_l1", epochs=1)
    module = import_script(write_script(regression, tmp_path, "regression"))
    output = run_main(module, "--device", "cpu")
    assert "training on 40 samples (0 for validation)" in output
    assert output.strip().splitlines()[-1].startswith("training loss")


# --------------------------------------------------------------------------- training settings


def two_d_experiment(**changes) -> Experiment:
    exp = Experiment(dataset=DatasetSpec(name="circle", samples=80, batch_size=16, val_split=0.25),
                     layers=[LayerSpec("Linear", {"units": 6, "bias": True}), LayerSpec("ReLU", {}),
                             LayerSpec("Linear", {"units": 2, "bias": True})], epochs=2)
    for key, value in changes.items():
        setattr(exp, key, value)
    return exp


@pytest.mark.parametrize("loss", list(catalog.LOSSES))
def test_every_loss_trains(loss, tmp_path):
    exp = two_d_experiment(loss=loss)
    if loss == "nll":
        exp.layers.append(LayerSpec("LogSoftmax", {}))
    module = import_script(write_script(exp, tmp_path))
    assert f"nn.{catalog.LOSSES[loss].torch_name}(" in Path(module.__file__).read_text()
    output = run_main(module, "--device", "cpu")
    assert "epoch 2/2" in output and "validation accuracy" in output


def test_one_output_with_bce_counts_positive_as_class_one(tmp_path):
    exp = two_d_experiment(loss="bce_with_logits")
    exp.layers[-1] = LayerSpec("Linear", {"units": 1, "bias": True})
    text = experiment_to_script(exp)
    assert "(outputs[:, 0] > 0).long()" in text


@pytest.mark.parametrize("name", list(catalog.OPTIMIZERS))
def test_every_optimizer_is_written_with_its_settings(name, tmp_path):
    exp = two_d_experiment()
    exp.optimizer.name = name
    exp.optimizer.lr = 0.02
    exp.optimizer.momentum = 0.8 if name in ("sgd", "rmsprop") else 0.0
    exp.optimizer.nesterov = name == "sgd"
    exp.optimizer.weight_decay = 0.001
    exp.optimizer.betas = [0.8, 0.99]
    module = import_script(write_script(exp, tmp_path))
    torch.manual_seed(0)
    model = module.Net()
    # the optimizer line of the script, evaluated, equals the app's optimizer
    line = next(line.strip() for line in Path(module.__file__).read_text().splitlines()
                if line.strip().startswith("optimizer = "))
    scope = {"torch": torch, "model": model}
    exec(line, scope)
    mine = scope["optimizer"]
    app = catalog.OPTIMIZERS[name].build(model.parameters(), exp.optimizer)
    assert type(mine) is type(app)
    implementation = ("params", "fused")  # fused: how the app runs Adam's update on CPU, not a setting
    mine_group = {k: v for k, v in mine.param_groups[0].items() if k not in implementation}
    app_group = {k: v for k, v in app.param_groups[0].items() if k not in implementation}
    assert mine_group == app_group
    assert "epoch 2/2" in run_main(module, "--device", "cpu")


@pytest.mark.parametrize("name", list(catalog.SCHEDULERS))
def test_every_scheduler_trains_and_onecycle_steps_per_batch(name, tmp_path):
    exp = two_d_experiment()
    exp.scheduler.name = name
    exp.scheduler.step_size = 1
    exp.scheduler.gamma = 0.7
    module = import_script(write_script(exp, tmp_path))
    text = Path(module.__file__).read_text()
    if name == "onecycle":
        assert "max_lr=0.01" in text and "steps_per_epoch=len(train_loader)" in text
        assert "scheduler.step()  # OneCycle" in text
    elif name != "none":
        assert "scheduler.step()  # once per epoch" in text
    assert "epoch 2/2" in run_main(module, "--device", "cpu", "--epochs", "2")


def test_penalties_and_clipping_are_written_and_run(tmp_path):
    exp = two_d_experiment(l1=1e-4, l2=1e-3, grad_clip=0.5)
    module = import_script(write_script(exp, tmp_path))
    text = Path(module.__file__).read_text()
    assert "L1 = 0.0001" in text and "L2 = 0.001" in text and "GRAD_CLIP = 0.5" in text
    assert "(loss + penalty).backward()" in text
    assert "nn.utils.clip_grad_norm_(model.parameters(), max_norm=GRAD_CLIP)" in text
    assert "epoch 2/2" in run_main(module, "--device", "cpu")


def test_augmentation_is_written_as_torchvision_transforms():
    exp = load_preset("simple-cnn")
    exp.dataset.augment = AugmentSpec(enabled=True, rotation=10.0, shift=0.1, scale=0.2, stroke=0.3, blur=0.2)
    text = experiment_to_script(exp)
    assert "transforms.RandomAffine(degrees=10.0, translate=(0.1, 0.1), scale=(0.8, 1.2)" in text
    assert "\n        RandomStroke(0.3),\n" in text  # one item per line, indented inside Compose([...])
    assert "transforms.GaussianBlur(3, sigma=0.85)], p=0.2)" in text
    assert "\n        to_tensor[1],  # Normalize\n    ])\n" in text
    compile(text, "augmented.py", "exec")


@pytest.mark.skipif(not has_image_data("mnist"), reason=f"MNIST files not found: set {images.DATA_ENV}")
def test_augmented_images_train(tmp_path):
    exp = load_preset("seed-mlp")
    exp.dataset.augment = AugmentSpec(enabled=True)
    exp.dataset.normalize = False
    module = import_script(write_script(exp, tmp_path))
    output = run_main(module, "--epochs", "1", "--limit", "128", "--device", "cpu", "--data-dir", DATA_DIR)
    assert "epoch 1/1" in output and "test accuracy" in output


def test_an_invalid_network_is_refused_with_the_layer_named():
    exp = load_preset("seed-mlp")
    del exp.layers[0]  # Linear on an image, without Flatten
    with pytest.raises(ExperimentError, match="Linear #1"):
        experiment_to_script(exp)


def test_cli_export_code_prints_the_script(capsys):
    from playground.cli import main

    assert main(["export-code", "--preset", "spiral"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('"""Spiral: a standalone PyTorch script') and "def main():" in out


def test_exported_transfer_script_freezes_as_the_app_does_and_loads_matching_weights(tmp_path):
    from playground.core.checkpoint import load_checkpoint

    exp = load_preset("transfer-fashion")
    module = import_script(write_script(exp, tmp_path))
    source = str(source_path(exp.init_from))
    torch.manual_seed(exp.seed)
    net = module.Net()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        module.load_matching_weights(net, source)
    bundled = load_checkpoint(source).model
    assert torch.equal(net.conv1.weight, bundled[0].weight) and torch.equal(net.bn5.running_var, bundled[15].running_var)
    assert "fc1: starts fresh" in out.getvalue()
    text = experiment_to_script(exp)
    assert "layer.requires_grad_(False)" in text and "[p for p in model.parameters() if p.requires_grad]" in text
    assert "for layer in (net.bn1, net.bn2, net.bn3, net.bn4, net.bn5):" in text
    with pytest.raises(SystemExit, match="not found"):
        module.load_matching_weights(net, str(tmp_path / "missing.pt"))
