"""Network outputs → class probabilities → the predicted class, read the same way everywhere.

What a classifier's outputs mean depends on how the network ends and on the loss it was trained
with. The trainer's accuracy, the Evaluation view, the 2-D decision boundary and the canvas all ask
`output_reading` (or `experiment_reading`) for one `OutputReading` and use its `probabilities` and
`classes`, so a network
that ends in Softmax is not put through softmax a second time in one view and not in another.

The last layer decides first, because it says what the numbers are: after Softmax they *are*
probabilities, after LogSoftmax their logarithms, after Sigmoid one probability per class. Otherwise
the loss decides (`LossType.outputs` in the catalog):

==================  =======================  ==========================================
outputs are          from                     probabilities
==================  =======================  ==========================================
probabilities        Softmax                  the outputs themselves
log-probabilities    LogSoftmax, NLL          softmax (= exp for LogSoftmax outputs)
logits               cross-entropy            softmax
binary logits        BCE with logits          sigmoid of each, divided by their sum
sigmoids             Sigmoid                  each output, divided by their sum
one-hot estimates    MSE, L1, Smooth L1       each clipped to [0, 1], divided by their sum
==================  =======================  ==========================================

One output for two classes is the probability of the second class: its logit for logits and binary
logits, its logarithm for log-probabilities, the value itself (clipped to [0, 1]) otherwise. The predicted class is the most
probable one; it is computed from the outputs directly (`argmax`, or the one output against its
threshold), which gives the same class without computing probabilities and, for clipped estimates,
breaks the ties that clipping makes (two outputs above 1) in favour of the larger output.

A regression task has no classes: `output_reading` returns None for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from playground.core import catalog
from playground.core.experiment import Experiment

PROBABILITIES = "probabilities"
LOG_PROBABILITIES = "log_probabilities"
LOGITS = "logits"
BINARY_LOGITS = "binary_logits"
SIGMOIDS = "sigmoids"
ESTIMATES = "estimates"
MEANINGS = (PROBABILITIES, LOG_PROBABILITIES, LOGITS, BINARY_LOGITS, SIGMOIDS, ESTIMATES)

# last layers whose outputs mean the same whatever the loss (the catalog's layer names)
LAST_LAYER_MEANINGS = {"Softmax": PROBABILITIES, "LogSoftmax": LOG_PROBABILITIES, "Sigmoid": SIGMOIDS}

# the raw output at which one output's probability of the second class is one half
_THRESHOLDS = {LOGITS: 0.0, BINARY_LOGITS: 0.0, LOG_PROBABILITIES: math.log(0.5),
               PROBABILITIES: 0.5, SIGMOIDS: 0.5, ESTIMATES: 0.5}


@dataclass(frozen=True)
class OutputReading:
    """How to read a classifier's outputs (`meaning`: one of MEANINGS)."""

    meaning: str

    def probabilities(self, outputs: torch.Tensor) -> torch.Tensor:
        """N×C outputs → N×C class probabilities, each row summing to 1 (N×1 → N×2)."""
        if outputs.shape[1] == 1:
            column = outputs[:, 0]
            if self.meaning in (LOGITS, BINARY_LOGITS):
                second = torch.sigmoid(column)
            elif self.meaning == LOG_PROBABILITIES:
                second = column.exp().clamp(0, 1)
            else:
                second = column.clamp(0, 1)
            return torch.stack([1 - second, second], dim=1)
        if self.meaning == PROBABILITIES:
            return outputs
        if self.meaning in (LOGITS, LOG_PROBABILITIES):
            return torch.softmax(outputs, dim=1)
        if self.meaning == BINARY_LOGITS:
            share = torch.sigmoid(outputs)
        else:  # SIGMOIDS, ESTIMATES
            share = outputs.clamp(0, 1)
        total = share.sum(dim=1, keepdim=True)
        # a row of estimates all at or below 0 says nothing: every class equally likely
        return torch.where(total > 0, share / total.clamp_min(1e-12), torch.full_like(share, 1 / share.shape[1]))

    def classes(self, outputs: torch.Tensor) -> torch.Tensor:
        """N×C outputs → the N predicted class indices (int64)."""
        if outputs.shape[1] == 1:
            return (outputs[:, 0] > _THRESHOLDS[self.meaning]).long()
        return outputs.argmax(dim=1)


def output_reading(loss: str, last_layer: str | None, num_classes: int) -> OutputReading | None:
    """How to read the outputs of a network trained with `loss` (a catalog name) whose last layer is
    `last_layer` (a catalog layer name; None or "" when unknown), on a dataset of `num_classes`
    classes; None for regression (0 classes), whose outputs are values, not class scores."""
    if not num_classes:
        return None
    meaning = LAST_LAYER_MEANINGS.get(last_layer or "") or catalog.LOSSES[loss].outputs
    return OutputReading(meaning)


def experiment_reading(experiment: Experiment, num_classes: int) -> OutputReading | None:
    """`output_reading` for a network built from `experiment` (its loss and its last layer)."""
    last = experiment.layers[-1].type if experiment.layers else None
    return output_reading(experiment.loss, last, num_classes)


def last_layer_type(model: torch.nn.Module) -> str:
    """The class name of a Sequential model's last module ("Softmax", "Linear"), "" for another model:
    what `output_reading` needs when only the model is at hand."""
    children = list(model.children()) if isinstance(model, torch.nn.Sequential) else []
    return type(children[-1]).__name__ if children else ""
