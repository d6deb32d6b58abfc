"""`playground predict`: JSON lines, error lines, the bundled default, refusing bad models."""

import json
import pickle
import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from playground.cli import main
from playground.core.build import build_model
from playground.core.checkpoint import load_checkpoint, save_checkpoint
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.data.images import class_names
from playground.inference.predict import (
    IncompatibleModel,
    bundled_model_path,
    load_bundled_model,
    predict,
    predict_pixels,
)


def _save_drawing(path, shape: str, dark_on_light: bool = True) -> str:
    image = Image.new("L", (200, 240), 255 if dark_on_light else 0)
    d = ImageDraw.Draw(image)
    ink = 0 if dark_on_light else 255
    if shape == "one":
        d.line([(100, 30), (104, 210)], fill=ink, width=16)
    else:  # a zero
        d.ellipse([50, 30, 150, 210], outline=ink, width=16)
    image.save(path)
    return str(path)


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_bundled_model_is_small_and_for_digits():
    assert bundled_model_path().exists()
    assert bundled_model_path().stat().st_size <= 2 * 1024 * 1024
    loaded = load_bundled_model()
    assert tuple(loaded.input_shape) == (1, 28, 28)
    assert loaded.class_names == [str(i) for i in range(10)]
    assert loaded.normalization is not None


def test_predict_prints_one_json_line_per_image_using_the_bundled_model(tmp_path, capsys):
    one = _save_drawing(tmp_path / "one.png", "one")
    zero = _save_drawing(tmp_path / "zero.jpg", "zero", dark_on_light=False)
    assert main(["predict", one, zero]) == 0
    lines = _lines(capsys.readouterr().out)
    assert [line["path"] for line in lines] == [one, zero]
    assert [line["digit"] for line in lines] == [1, 0]
    assert [line["label"] for line in lines] == ["1", "0"]
    for line in lines:
        assert len(line["probabilities"]) == 10
        assert sum(line["probabilities"]) == pytest.approx(1.0, abs=1e-4)
        assert line["probabilities"][line["digit"]] == max(line["probabilities"])


def test_unreadable_and_blank_files_give_error_lines_and_exit_1_but_the_rest_is_read(tmp_path, capsys):
    broken = tmp_path / "broken.png"
    broken.write_text("this is not a picture")
    blank = tmp_path / "blank.png"
    Image.new("L", (50, 50), 255).save(blank)
    one = _save_drawing(tmp_path / "one.png", "one")
    assert main(["predict", str(broken), one, str(blank), str(tmp_path / "missing.png")]) == 1
    lines = _lines(capsys.readouterr().out)
    assert [line["path"] for line in lines] == [str(broken), one, str(blank), str(tmp_path / "missing.png")]
    assert "not an image" in lines[0]["error"] and "digit" not in lines[0]
    assert lines[1]["digit"] == 1 and "error" not in lines[1]
    assert "blank" in lines[2]["error"]
    assert "no such file" in lines[3]["error"]


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=120)


class _Exploit:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_bad_model_file_is_one_line_on_stderr_and_exit_1(tmp_path):
    image = _save_drawing(tmp_path / "one.png", "one")
    not_a_model = tmp_path / "notes.pt"
    not_a_model.write_text("hello")
    crafted = tmp_path / "crafted.pt"
    marker = tmp_path / "code-ran"
    crafted.write_bytes(pickle.dumps({"state_dict": _Exploit(str(marker))}))
    notes = tmp_path / "notes.md"
    notes.write_text("# a markdown file\n")
    expected = {not_a_model: "not a model checkpoint", notes: "not a model checkpoint", crafted: "refused",
                tmp_path / "missing.pt": "does not exist"}
    for model, reason in expected.items():
        result = _run_cli("predict", "--model", str(model), image)
        assert result.returncode == 1, result.stderr
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr and model.name in result.stderr and reason in result.stderr
    assert not marker.exists()


def _checkpoint(tmp_path, dataset: str, layers: list[LayerSpec], input_shape, names=None, normalization=None):
    exp = Experiment(dataset=DatasetSpec(name=dataset), layers=layers)
    path = tmp_path / f"{dataset}.pt"
    save_checkpoint(path, build_model(exp, input_shape), exp, input_shape=input_shape, class_names=names,
                    normalization=normalization)
    return path


def test_a_model_for_2d_points_is_refused_with_a_clear_message(tmp_path):
    path = _checkpoint(tmp_path, "spiral", [LayerSpec("Linear", {"units": 2, "bias": True})], (2,))
    result = _run_cli("predict", "--model", str(path), _save_drawing(tmp_path / "one.png", "one"))
    assert result.returncode == 1
    assert "not a 28×28 image" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(IncompatibleModel):
        predict(load_checkpoint(path), np.ones((28, 28), np.float32))


def test_fashion_models_answer_with_class_names(tmp_path, capsys):
    names = class_names("fashion-mnist")
    path = _checkpoint(tmp_path, "fashion-mnist", [LayerSpec("Flatten", {}),
                                                   LayerSpec("Linear", {"units": 10, "bias": True})],
                       (1, 28, 28), names, (0.2860, 0.3530))
    assert main(["predict", "--model", str(path), _save_drawing(tmp_path / "one.png", "one")]) == 0
    line = _lines(capsys.readouterr().out)[0]
    assert line["label"] == names[line["digit"]] and line["label"] != str(line["digit"])


def test_the_input_is_normalized_with_the_models_statistics(tmp_path):
    # one Linear unit per class that sums the pixels: with normalization the blank background
    # becomes -mean/std, so the logits change although the pixels are the same
    layers = [LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 10, "bias": False})]
    raw = load_checkpoint(_checkpoint(tmp_path, "mnist", layers, (1, 28, 28)))
    normalized = load_checkpoint(_checkpoint(tmp_path, "fashion-mnist", layers, (1, 28, 28), None, (0.5, 0.25)))
    for loaded in (raw, normalized):
        weights = np.zeros((10, 784), np.float32)
        weights[3] = 1.0  # class 3 likes bright pixels ...
        weights[7] = -1.0  # ... class 7 likes dark ones
        loaded.model[1].weight.data[:] = torch.from_numpy(weights)
    blank_ish = np.zeros((28, 28), np.float32)
    blank_ish[14, 14] = 1.0
    assert predict_pixels(raw, blank_ish).top == 3  # raw pixels: sum is +1
    assert predict_pixels(normalized, blank_ish).top == 7  # normalized: mostly -2 per pixel
