"""Experiment → torch.nn.Module, after shape inference has said the network is valid."""

from __future__ import annotations

import torch
from torch import nn

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec
from playground.core.shapes import infer_layers


class NetworkError(ValueError):
    """The network cannot be built; the message names the layer and the fix."""


class SequenceLastStep(nn.Module):
    """RNN / LSTM / GRU over a sequence, returning the last step's hidden output.

    An image (C×H×W) is read row by row: H steps of C·W features each. `gate_bias` is where the
    memory gate starts (LSTM: forget gate, GRU: update gate; see the catalog's forget_bias); 0
    leaves PyTorch's initialization untouched.
    """

    def __init__(self, kind: str, input_size: int, hidden_size: int, num_layers: int = 1, gate_bias: float = 0.0):
        super().__init__()
        self.kind = kind
        self.rnn = getattr(nn, kind)(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        if gate_bias and kind in ("LSTM", "GRU"):
            # torch stacks the gates' biases in blocks of hidden_size, (i, f, g, o) for the LSTM and
            # (r, z, n) for the GRU: the second block is the forget / update gate in both. The gate
            # sees the sum of two biases; the whole start goes into one, so the gate starts at σ(gate_bias).
            with torch.no_grad():
                for layer in range(num_layers):
                    getattr(self.rnn, f"bias_ih_l{layer}")[hidden_size:2 * hidden_size].fill_(gate_bias)
                    getattr(self.rnn, f"bias_hh_l{layer}")[hidden_size:2 * hidden_size].zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() == 4:  # N×C×H×W → N×H×(C·W)
            n, c, h, w = x.shape
            x = x.permute(0, 2, 1, 3).reshape(n, h, c * w)
        out, _ = self.rnn(x)
        return out[:, -1]

    def extra_repr(self) -> str:
        return f"kind={self.kind}, rows as steps, last step out"


RELU_FAMILY = ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU")


def build_layers(input_shape: tuple[int, ...], layers: list[LayerSpec]) -> nn.Sequential:
    report = infer_layers(input_shape, layers)
    if report.error is not None:
        raise NetworkError(report.error.message)
    types = [catalog.LAYERS[layer.type] for layer in layers]
    modules = [kind.build(row.input_shape, kind.complete(layer.params))
               for kind, layer, row in zip(types, layers, report.layers, strict=True)]
    for module, following in zip(modules, layers[1:], strict=False):
        if following.type in RELU_FAMILY and isinstance(module, (nn.Linear, nn.Conv2d)):
            he_init(module)
    return nn.Sequential(*modules)


def he_init(module: nn.Linear | nn.Conv2d) -> None:
    """He (Kaiming) initialization for a layer feeding a ReLU-like activation.

    PyTorch's default draws weights a factor √6 smaller, which halves the signal at every
    ReLU; He's scale keeps it, and the seed MLP gains about a point of accuracy in its first
    epoch. Code export writes the same call, so exported scripts train the same network.
    """
    nn.init.kaiming_uniform_(module.weight, nonlinearity="relu")
    if module.bias is not None:
        nn.init.zeros_(module.bias)


def build_model(experiment: Experiment, input_shape: tuple[int, ...] | None = None) -> nn.Sequential:
    if input_shape is None:
        from playground.data.registry import dataset_info

        input_shape = dataset_info(experiment.dataset).input_shape
    return build_layers(input_shape, experiment.layers)


def resolve_device(name: str) -> torch.device:
    """'auto' → CUDA, then Apple's MPS, then the CPU; an unavailable choice falls back with no crash."""
    if name in ("auto", "cuda") and torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if name in ("auto", "mps") and mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def available_devices() -> list[str]:
    devices = ["auto", "cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices
