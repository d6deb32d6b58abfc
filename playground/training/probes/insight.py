"""Probes for the "Inside the network" views: run on the training thread, return plain data.

Each probe is made per run by its ``for_experiment`` factory (registered with the run controller,
called with the experiment about to be trained). Payloads are dicts of numpy arrays, floats and
dataclasses of those: no tensor ever reaches the GUI thread.
"""

from __future__ import annotations

import numpy as np

from playground.core.experiment import Experiment
from playground.training.probes import Pace

EPOCH_INTERVAL = 0.25  # seconds between per-epoch payloads while a window's view is on screen (see Pace)


def _is_classification(experiment: Experiment) -> bool:
    from playground.data.registry import dataset_info

    try:
        return dataset_info(experiment.dataset).task == "classification"
    except Exception:  # an unreadable CSV: the run itself will report the problem
        return False


class EvaluationProbe:
    """After each epoch and at the end: confusion matrix and mistakes on the validation set."""

    def __init__(self):
        self.pace = Pace(EPOCH_INTERVAL)

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> EvaluationProbe | None:
        return cls() if _is_classification(experiment) else None

    def on_epoch(self, context, event) -> dict | None:
        if not self.pace.due(context):
            return None  # the evaluation after training always comes (on_end)
        return self._evaluate(context, epoch=event.epoch, epochs=event.epochs, final=False)

    def on_end(self, context, event) -> dict | None:
        if event.status == "failed" or not event.history:
            return None
        return self._evaluate(context, epoch=event.epochs_done, epochs=context.experiment.epochs, final=True)

    def _evaluate(self, context, epoch: int, epochs: int, final: bool) -> dict | None:
        from playground.training.metrics import evaluate_classifier

        data = context.data
        if context.model is None or data is None or not data.info.num_classes:
            return None
        x, y, which = data.val_x, data.val_y, "validation set"
        if x is None or len(x) == 0:
            x, y, which = data.test_x, data.test_y, "test set"
        if x is None or len(x) == 0:
            return None
        # in chunks the trainer sized for this network's activations (see Trainer._check_network)
        evaluation = evaluate_classifier(context.model, x, y, data.info.class_names, batch_size=context.eval_batch,
                                         reading=context.reading)
        for mistake in evaluation.mistakes:  # own the pixels: the view keeps them after the run is gone
            if mistake.image is not None:
                mistake.image = np.array(mistake.image, dtype=np.float32, copy=True)
        return {"evaluation": evaluation, "normalization": data.normalization, "epoch": epoch,
                "epochs": epochs, "final": final, "set": which}


class LayerProbe:
    """At the start and after each epoch: weight and gradient histograms, first conv filters."""

    def __init__(self):
        self.pace = Pace(EPOCH_INTERVAL)
        self._sent = -1  # the epoch of the last snapshot sent

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> LayerProbe:
        return cls()

    def on_start(self, context, event) -> dict:
        return self._snapshot(context, epoch=0)  # always: the "before training" outline

    def on_epoch(self, context, event) -> dict | None:
        if not self.pace.due(context):
            return None
        return self._snapshot(context, epoch=event.epoch)

    def on_end(self, context, event) -> dict | None:
        """The last epoch's, when pacing skipped it."""
        if context.model is None or event.epochs_done in (0, self._sent):
            return None
        return self._snapshot(context, epoch=event.epochs_done)

    def _snapshot(self, context, epoch: int) -> dict:
        import torch

        from playground.training.anatomy import weight_histograms

        self._sent = epoch
        model = context.model
        filters, filters_layer = None, ""
        for index, module in enumerate(model):
            if isinstance(module, torch.nn.Conv2d):
                filters = module.weight.detach().float().cpu().numpy().copy()  # out × in × k × k
                filters_layer = f"Conv2d #{index + 1}"
                break
        return {"epoch": epoch, "histograms": weight_histograms(model), "filters": filters,
                "filters_layer": filters_layer}


class StepProbe:
    """After a batch run with Step: the anatomy the trainer recorded for that batch."""

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> StepProbe:
        return cls()

    def on_batch(self, context, event) -> dict | None:
        anatomy = context.step_anatomy
        if anatomy is None:
            return None
        return {"anatomy": anatomy, "optimizer": context.experiment.optimizer.name, "epoch": event.epoch,
                "step": event.step, "global_step": event.global_step,
                "batches_per_epoch": event.batches_per_epoch}


class RunRecorderProbe:
    """Collects every batch loss on the training thread; at the end hands over the whole run."""

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> RunRecorderProbe:
        return cls()

    def __init__(self):
        self.batch_losses: list[float] = []
        self.batches_per_epoch = 0

    def on_start(self, context, event) -> None:
        self.batches_per_epoch = event.batches_per_epoch

    def on_batch(self, context, event) -> None:
        self.batch_losses.append(float(event.loss))

    def on_end(self, context, event) -> dict | None:
        if not event.history and not self.batch_losses:
            return None  # failed before training: nothing to compare
        # the run's own copy: training is over, and nothing edits a run's experiment after it
        return {"experiment": context.experiment, "end": event, "batch_losses": list(self.batch_losses),
                "batches_per_epoch": self.batches_per_epoch}
