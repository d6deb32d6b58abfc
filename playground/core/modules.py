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

    An image (C×H×W) is read row by row: H steps of C·W features each.
    """

    def __init__(self, kind: str, input_size: int, hidden_size: int, num_layers: int = 1):
        super().__init__()
        self.kind = kind
        self.rnn = getattr(nn, kind)(input_size, hidden_size, num_layers=num_layers, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() == 4:  # N×C×H×W → N×H×(C·W)
            n, c, h, w = x.shape
            x = x.permute(0, 2, 1, 3).reshape(n, h, c * w)
        out, _ = self.rnn(x)
        return out[:, -1]

    def extra_repr(self) -> str:
        return f"kind={self.kind}, rows as steps, last step out"
