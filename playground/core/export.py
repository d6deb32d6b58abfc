"""A trained model → a file other programs can run without NN Playground: TorchScript or ONNX.

Both exporters work on a CPU copy of the model in eval mode (the caller's model keeps its device
and its train/eval mode), write through a temporary file so a failure never leaves half a file,
and check the result: TorchScript is loaded back and must give the model's outputs on a sample
batch; ONNX must pass `onnx.checker`, and is run with onnxruntime when that is installed.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import warnings
from contextlib import contextmanager
from pathlib import Path

import torch
from torch import nn

from playground.files import atomic_write
from playground.i18n import QT_TRANSLATE_NOOP, Message

ONNX_MISSING = Message("Export", QT_TRANSLATE_NOOP(
    "Export", "ONNX export needs the onnx package — install the onnx extra: pip install nn-playground[onnx]"))
TOLERANCE = 1e-5


class ExportError(RuntimeError):
    """The model could not be exported, or the exported file does not reproduce it; `args[0]` is a `Message`."""


def export_torchscript(model: nn.Module, input_shape: tuple[int, ...], path: str | os.PathLike[str]) -> Path:
    """Save `model` as TorchScript (`torch.jit.load` reads it back); returns the path.

    Scripting keeps the batch size free; a model that cannot be scripted is traced instead.
    The saved file is loaded again and must reproduce the model's outputs.
    """
    path = Path(path)
    model = _cpu_eval_copy(model)
    sample = _sample(input_shape, batch=3)
    with torch.no_grad(), _jit_quietly():
        expected = model(sample)
        try:
            # a network with branches is compiled from its written-out graph (build.GraphNetwork.to_fx)
            compiled = torch.jit.script(model.to_fx() if hasattr(model, "to_fx") else model)
        except Exception:  # not scriptable (an unusual custom module): record one forward pass
            compiled = torch.jit.trace(model, _sample(input_shape, batch=2))

    def write(tmp: Path) -> None:
        with _jit_quietly():
            torch.jit.save(compiled, str(tmp))
        with _jit_quietly():
            loaded = torch.jit.load(str(tmp), map_location="cpu")
        with torch.no_grad():
            _check_same(expected, loaded(sample), "TorchScript")

    atomic_write(path, write)
    return path


def export_onnx(model: nn.Module, input_shape: tuple[int, ...], path: str | os.PathLike[str]) -> Path:
    """Save `model` as ONNX with a free batch dimension ("input" → "output"); returns the path.

    Needs the optional `onnx` package (`pip install nn-playground[onnx]`); without it this
    raises ExportError saying so, before anything is written.
    """
    if importlib.util.find_spec("onnx") is None:
        raise ExportError(ONNX_MISSING)
    import onnx

    path = Path(path)
    model = _cpu_eval_copy(model)
    sample = _sample(input_shape, batch=3)
    with torch.no_grad():
        expected = model(sample)

    def write(tmp: Path) -> None:
        # The TorchScript-based exporter needs only `onnx`; the newer dynamo one also wants onnxscript.
        torch.onnx.export(model, (sample,), str(tmp), input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, dynamo=False)
        onnx.checker.check_model(onnx.load(str(tmp)))
        if importlib.util.find_spec("onnxruntime") is not None:
            import onnxruntime

            session = onnxruntime.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
            (got,) = session.run(["output"], {"input": sample.numpy()})
            _check_same(expected, torch.from_numpy(got), "ONNX")

    atomic_write(path, write)
    return path


@contextmanager
def _jit_quietly():
    """TorchScript is deprecated upstream in favour of torch.export, but it is still the format
    that C++ (libtorch) and mobile runtimes load; its FutureWarnings would only alarm the user."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*torch\.jit.*deprecated", category=FutureWarning)
        yield


def _cpu_eval_copy(model: nn.Module) -> nn.Module:
    return copy.deepcopy(model).cpu().eval()


def _sample(input_shape: tuple[int, ...], batch: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(0)
    return torch.randn(batch, *input_shape, generator=generator)


def _check_same(expected: torch.Tensor, got: torch.Tensor, what: str) -> None:
    if got.shape != expected.shape or not torch.allclose(got, expected, atol=TOLERANCE, rtol=TOLERANCE):
        difference = (got - expected).abs().max().item() if got.shape == expected.shape else float("nan")
        raise ExportError(Message("Export", QT_TRANSLATE_NOOP(
            "Export", "the {format} export does not reproduce the model's outputs (shape {got} vs {expected}, "
                      "largest difference {difference})"), format=what, got=tuple(got.shape),
            expected=tuple(expected.shape), difference=f"{difference:g}"))
