"""What a trained classifier gets right and wrong: confusion matrix, per-class accuracy, mistakes.

Plain tensor code with no Qt, run on the training thread (from a probe) or in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from playground.core.predictions import OutputReading, last_layer_type, output_reading

EVAL_BATCH = 2048


@dataclass
class Mistake:
    index: int  # position in the evaluated set
    true: int
    predicted: int
    confidence: float  # probability the model gave its (wrong) answer
    image: np.ndarray | None = None  # the input as given to the model (normalized), for images


@dataclass
class Evaluation:
    confusion: np.ndarray  # [true, predicted] counts, classes × classes
    class_names: list[str]
    mistakes: list[Mistake] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        total = self.confusion.sum()
        return float(np.trace(self.confusion) / total) if total else 0.0

    @property
    def per_class_accuracy(self) -> np.ndarray:
        totals = self.confusion.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.confusion) / np.maximum(totals, 1), np.nan)


def model_outputs(model: nn.Module, x: torch.Tensor, batch_size: int = EVAL_BATCH) -> torch.Tensor:
    """The model's outputs for a whole set (on the CPU), in large batches, without gradients."""
    device = next(model.parameters(), torch.empty(0)).device
    was_training = model.training
    model.eval()
    with torch.no_grad():
        parts = [model(x[start:start + batch_size].to(device)).float().cpu() for start in range(0, len(x), batch_size)]
    model.train(was_training)
    return torch.cat(parts) if parts else torch.empty(0, 0)


def evaluate_classifier(model: nn.Module, x: torch.Tensor, y: torch.Tensor, class_names: list[str],
                        max_mistakes: int = 64, batch_size: int = EVAL_BATCH,
                        reading: OutputReading | None = None) -> Evaluation:
    """Confusion matrix over (x, y) and the most confident mistakes (with their images when 2-D+).

    `reading` turns outputs into probabilities and classes (the run's own, from its loss and last
    layer); without one, the outputs are read as scores for softmax unless the model's last layer
    says what they are (a network that ends in Softmax already gives probabilities)."""
    n_classes = len(class_names)
    reading = reading or output_reading("cross_entropy", last_layer_type(model), n_classes)
    outputs = model_outputs(model, x, batch_size)
    probs = reading.probabilities(outputs)
    predicted = reading.classes(outputs)
    confusion = torch.zeros(n_classes, n_classes, dtype=torch.int64)
    confusion.index_put_((y.long().cpu(), predicted), torch.ones_like(predicted), accumulate=True)
    wrong = (predicted != y.cpu()).nonzero().flatten()
    confidence = probs[wrong, predicted[wrong]]
    order = confidence.argsort(descending=True)[:max_mistakes]
    mistakes = []
    for k in order.tolist():
        i = int(wrong[k])
        image = x[i].cpu().numpy() if x.dim() == 4 else None
        mistakes.append(Mistake(i, int(y[i]), int(predicted[i]), float(confidence[k]), image))
    return Evaluation(confusion.numpy(), list(class_names), mistakes)
