"""torch modules of our own that the catalog's layers build (torch has no ready one for them).

Kept apart from the catalog, which imports torch only when a network is built, and from
`build`, which needs the catalog: a checkpoint's state dict names these modules' attributes
(`rnn.weight_ih_l0`), so they must not change.
"""

from __future__ import annotations

import torch
from torch import nn


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


class Add(nn.Module):
    """The merge block Add: the element-wise sum of its inputs (a list, so TorchScript can compile it)."""

    def forward(self, inputs: list[torch.Tensor]) -> torch.Tensor:
        out = inputs[0]
        for x in inputs[1:]:
            out = out + x
        return out


class Concat(nn.Module):
    """The merge block Concat: its inputs joined along `dim` (1: an image's channels or a vector's features)."""

    def __init__(self, dim: int = 1):
        super().__init__()
        self.dim = dim

    def forward(self, inputs: list[torch.Tensor]) -> torch.Tensor:
        return torch.cat(inputs, dim=self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"
