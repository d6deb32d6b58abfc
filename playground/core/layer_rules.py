"""What each layer type does: the shape it outputs, the torch module it builds, its lines in a script.

The catalog (`playground.core.catalog`) gives each of its entries one set of these rules (`LINEAR`,
`pool("MaxPool2d", …)`, `simple("ReLU")`, …), so a layer's rules are written once and read by shape
inference, by `build` and by the code export alike:

- a shape rule takes the input shape (without the batch dimension) and the layer's parameters and
  returns the output shape and the parameter count, or raises `ShapeMismatch` saying what to do;
- a builder returns the torch module (torch is imported only here, lazily, so the palette and shape
  inference work without paying for importing torch);
- a code writer returns the layer's constructor, its comment and its lines in `forward()`, written
  like the course's code (`self.fc1 = nn.Linear(784, 128)  # 784 inputs → 128 outputs`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from playground.core.code_text import num, plural
from playground.i18n import QT_TRANSLATE_NOOP, Message

Shape = tuple[int, ...]  # without the batch dimension


def format_shape(shape: Shape) -> str:
    return "×".join(str(d) for d in shape)


class ShapeMismatch(Exception):
    """Raised by a layer's shape rule: the message says what is wrong and what to do."""


def batch_shape(shape: Shape) -> str:
    """A shape with its batch dimension, as the exported script's comments write it: N×1×28×28."""
    return "N×" + format_shape(shape)


# --------------------------------------------------------------------------- shape rules


def _require_image(shape: Shape, what: str) -> tuple[int, int, int]:
    if len(shape) == 3:
        return shape  # type: ignore[return-value]
    if len(shape) == 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} expects an image (channels×height×width) but receives a flat vector of {size} — "
            "move it before Flatten, or remove the Flatten above it"), layer=what, size=shape[0]))
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects an image (channels×height×width) but receives {shape}"),
        layer=what, shape=format_shape(shape)))


def _require_flat(shape: Shape, what: str) -> int:
    if len(shape) == 1:
        return shape[0]
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects a flat vector but receives {shape} — add Flatten before it"),
        layer=what, shape=format_shape(shape)))


def _conv_out(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


def _linear_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    n_in = _require_flat(shape, "{layer}")
    return (p["units"],), n_in * p["units"] + (p["units"] if p["bias"] else 0)


def _conv_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    c, h, w = _require_image(shape, "{layer}")
    k, s, pad = p["kernel_size"], p["stride"], p["padding"]
    oh, ow = _conv_out(h, k, s, pad), _conv_out(w, k, s, pad)
    if oh < 1 or ow < 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer}'s kernel {kernel} does not fit its input {size} — use a smaller kernel, add "
            "padding, or remove a pooling layer before it"), layer="{layer}", kernel=f"{k}×{k}", size=f"{h}×{w}"))
    return (p["out_channels"], oh, ow), p["out_channels"] * (c * k * k + 1)


def _pool_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    c, h, w = _require_image(shape, "{layer}")
    k = p["kernel_size"]
    s = p["stride"] or k
    oh, ow = _conv_out(h, k, s, 0), _conv_out(w, k, s, 0)
    if oh < 1 or ow < 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer}'s window {kernel} is larger than its input {size} — use a smaller kernel or remove "
            "it"), layer="{layer}", kernel=f"{k}×{k}", size=f"{h}×{w}"))
    return (c, oh, ow), 0


def _flatten_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return (math.prod(shape),), 0


def _same_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return shape, 0


def _batchnorm_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    if len(shape) not in (1, 3):
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} needs a flat vector or an image, but receives {shape}"),
            layer="{layer}", shape=format_shape(shape)))
    return shape, 2 * shape[0]


def _layernorm_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return shape, 2 * math.prod(shape)


def _sequence_dims(shape: Shape) -> tuple[int, int]:
    """(steps, features): an image's rows are the sequence, each row (all channels) a step."""
    if len(shape) == 3:
        return shape[1], shape[0] * shape[2]
    if len(shape) == 2:
        return shape[0], shape[1]
    # A flat vector comes from Flatten, Linear or another recurrent layer (which returns its last step only).
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects a sequence (an image, whose rows are the steps) but receives a flat vector of "
        "{size} — place it before any Flatten, Linear or recurrent layer; to stack recurrent layers, raise its "
        "Stacked layers instead"), layer="{layer}", size=shape[0]))


def _recurrent_infer(gates: int) -> Callable[[Shape, dict[str, Any]], tuple[Shape, int]]:
    def infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
        _, features = _sequence_dims(shape)
        h = p["hidden_size"]
        total, n_in = 0, features
        for _ in range(p["num_layers"]):
            total += gates * (h * n_in + h * h + 2 * h)
            n_in = h
        return (h,), total

    return infer


# --------------------------------------------------------------------------- torch modules and their code


# A layer type's three rules, as the catalog's LayerType takes them: infer, build and code.
Rules = dict[str, Callable]


@dataclass
class LayerCode:
    """One layer of an exported `Net`: its constructor, a comment for it, and its lines in forward()."""

    constructor: str
    comment: str
    forward: list[tuple[str, str]]  # (code, comment): the shape after the line, where it changes
    init: list[str] = field(default_factory=list)  # lines in __init__ after every layer is made (no indent)


def _call(attr: str, shape_in: Shape, shape_out: Shape, always_shape: bool = False) -> list[tuple[str, str]]:
    """`x = self.fc1(x)`, commented with the new shape where it changes (or always, for layers with weights)."""
    return [(f"x = self.{attr}(x)", batch_shape(shape_out) if always_shape or shape_out != shape_in else "")]


def _nn():
    import torch.nn as nn

    return nn


def _build_linear(shape: Shape, p: dict[str, Any]):
    return _nn().Linear(shape[0], p["units"], bias=p["bias"])


def _linear_code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    bias = "" if p["bias"] else ", bias=False"
    return LayerCode(f"nn.Linear({shape_in[0]}, {p['units']}{bias})",
                     f"{plural(shape_in[0], 'input')} → {plural(p['units'], 'output')}",
                     _call(attr, shape_in, shape_out, always_shape=True))


def _build_conv(shape: Shape, p: dict[str, Any]):
    return _nn().Conv2d(shape[0], p["out_channels"], p["kernel_size"], stride=p["stride"], padding=p["padding"])


def _conv_code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    extra = "".join(f", {name}={p[name]}" for name, default in (("stride", 1), ("padding", 0)) if p[name] != default)
    k = p["kernel_size"]
    return LayerCode(f"nn.Conv2d({shape_in[0]}, {p['out_channels']}, kernel_size={k}{extra})",
                     f"{p['out_channels']} filters of {k}×{k}", _call(attr, shape_in, shape_out, always_shape=True))


def pool(factory: str, what: str) -> Rules:
    """MaxPool2d / AvgPool2d: a stride of 0 means "the kernel's size", torch's default."""
    def build(shape: Shape, p: dict[str, Any]):
        return getattr(_nn(), factory)(p["kernel_size"], stride=p["stride"] or None)

    def code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
        k, s = p["kernel_size"], p["stride"]
        stride = f", stride={s}" if s not in (0, k) else ""
        return LayerCode(f"nn.{factory}({k}{stride})", f"the {what} value of each {k}×{k} window",
                         _call(attr, shape_in, shape_out))

    return {"infer": _pool_infer, "build": build, "code": code}


def simple(factory: str, comment: str = "", **fixed: Any) -> Rules:
    """A module that keeps its input's shape, made from its parameters as they are (and `fixed` ones):
    nn.ReLU(), nn.LeakyReLU(negative_slope=0.01), nn.Softmax(dim=1)."""
    def build(shape: Shape, p: dict[str, Any]):
        return getattr(_nn(), factory)(**fixed, **p)

    def code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
        args = [f"{name}={value}" for name, value in fixed.items()] + [f"{name}={num(value)}" for name, value in p.items()]
        return LayerCode(f"nn.{factory}({', '.join(args)})", comment, _call(attr, shape_in, shape_out))

    return {"infer": _same_infer, "build": build, "code": code}


def _flatten_code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    return LayerCode("nn.Flatten()", f"{format_shape(shape_in)} image → vector of {shape_out[0]}",
                     [(f"x = self.{attr}(x)", f"{batch_shape(shape_in)} → {batch_shape(shape_out)}")])


def _build_batchnorm(shape: Shape, p: dict[str, Any]):
    nn = _nn()
    return nn.BatchNorm1d(shape[0]) if len(shape) == 1 else nn.BatchNorm2d(shape[0])


def _batchnorm_code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    call = _call(attr, shape_in, shape_out)
    if len(shape_in) == 1:
        return LayerCode(f"nn.BatchNorm1d({shape_in[0]})", f"1d: each of the {shape_in[0]} features over the batch",
                         call)
    return LayerCode(f"nn.BatchNorm2d({shape_in[0]})",
                     f"2d: each of the {shape_in[0]} channels over the batch and the image", call)


def _build_layernorm(shape: Shape, p: dict[str, Any]):
    return _nn().LayerNorm(list(shape))


def _layernorm_code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    size = str(shape_in[0]) if len(shape_in) == 1 else repr(list(shape_in))
    return LayerCode(f"nn.LayerNorm({size})", "each sample over all its values", _call(attr, shape_in, shape_out))


def _gate_bias_lines(kind: str, attr: str, hidden: int, num_layers: int, gate_bias: float) -> list[str]:
    """The memory gate's starting bias as the app sets it (`modules.SequenceLastStep`); none at 0."""
    if not gate_bias or kind not in ("LSTM", "GRU"):
        return []
    gate, order = ("forget", "(input, forget, cell, output)") if kind == "LSTM" else ("update", "(reset, update, new)")
    opens = "keeps its memory" if kind == "LSTM" else "keeps the old state"
    lines = [f"# the {gate} gate starts at σ({num(gate_bias)}) = {1 / (1 + math.exp(-gate_bias)):.2f}: the {kind} "
             f"{opens} from the first step",
             f"# (torch stacks the gates' biases in blocks of {hidden}, {order};",
             "# the gate sees the sum of the two biases, so the whole start goes into one)",
             "with torch.no_grad():"]
    for layer in range(num_layers):
        lines += [f"    self.{attr}.bias_ih_l{layer}[{hidden}:{2 * hidden}].fill_({num(gate_bias)})",
                  f"    self.{attr}.bias_hh_l{layer}[{hidden}:{2 * hidden}].zero_()"]
    return lines


def recurrent(kind: str, gates: int) -> Rules:
    """RNN / LSTM / GRU over the rows of an image, keeping the last step (`SequenceLastStep`); the
    script writes the reshaping and the last step out in forward(), where a learner can see them."""
    def build(shape: Shape, p: dict[str, Any]):
        from playground.core.modules import SequenceLastStep

        _, features = _sequence_dims(shape)
        gate_bias = p.get("forget_bias", p.get("update_bias", 0.0))
        return SequenceLastStep(kind, features, p["hidden_size"], p["num_layers"], gate_bias)

    def code(attr: str, p: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
        hidden = p["hidden_size"]
        steps, features = _sequence_dims(shape_in)
        reshape, lead = [], []
        if len(shape_in) == 3:
            c, h, w = shape_in
            if c == 1:
                reshape = [("n, _, h, w = x.shape", ""),
                           ("x = x.reshape(n, h, w)", f"N×{h}×{w}: {h} steps (rows) of {w} pixels")]
            else:
                reshape = [("n, c, h, w = x.shape", ""),
                           ("x = x.permute(0, 2, 1, 3).reshape(n, h, c * w)",
                            f"N×{h}×{features}: {h} steps, each row of all {c} channels")]
            lead = [(f"# the {kind} reads the image row by row: each row is one step of the sequence", "")]
        layers = f", num_layers={p['num_layers']}" if p["num_layers"] > 1 else ""
        init = _gate_bias_lines(kind, attr, hidden, p["num_layers"],
                                float(p.get("forget_bias", p.get("update_bias", 0.0))))
        forward = [*lead, *reshape,
                   (f"x, _ = self.{attr}(x)", f"N×{steps}×{hidden}: the output after every step"),
                   ("x = x[:, -1]", f"{batch_shape(shape_out)}: keep the last step")]
        return LayerCode(f"nn.{kind}({features}, {hidden}{layers}, batch_first=True)",
                         f"{features} features per step → hidden state of {hidden}", forward, init)

    return {"infer": _recurrent_infer(gates), "build": build, "code": code}


LINEAR: Rules = {"infer": _linear_infer, "build": _build_linear, "code": _linear_code}
CONV2D: Rules = {"infer": _conv_infer, "build": _build_conv, "code": _conv_code}
FLATTEN: Rules = {**simple("Flatten"), "infer": _flatten_infer, "code": _flatten_code}
BATCHNORM: Rules = {"infer": _batchnorm_infer, "build": _build_batchnorm, "code": _batchnorm_code}
LAYERNORM: Rules = {"infer": _layernorm_infer, "build": _build_layernorm, "code": _layernorm_code}
