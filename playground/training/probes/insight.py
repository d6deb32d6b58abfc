"""Probes for the "Inside the network" views: run on the training thread, return plain data.

Each probe is made per run by its ``for_experiment`` factory (the MainWindow's
``register_probe`` calls it with the experiment about to be trained). Payloads are dicts of
numpy arrays, floats and dataclasses of those: no tensor ever reaches the GUI thread.
"""

from __future__ import annotations

import numpy as np

from playground.core.experiment import Experiment


def _is_classification(experiment: Experiment) -> bool:
    from playground.data.registry import dataset_info

    try:
        return dataset_info(experiment.dataset).task == "classification"
    except Exception:  # an unreadable CSV: the run itself will report the problem
        return False


class EvaluationProbe:
    """After each epoch and at the end: confusion matrix and mistakes on the validation set."""

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> EvaluationProbe | None:
        return cls() if _is_classification(experiment) else None

    def on_epoch(self, trainer, event) -> dict | None:
        return self._evaluate(trainer, epoch=event.epoch, epochs=event.epochs, final=False)

    def on_end(self, trainer, event) -> dict | None:
        if event.status == "failed" or not event.history:
            return None
        return self._evaluate(trainer, epoch=event.epochs_done, epochs=trainer.experiment.epochs, final=True)

    def _evaluate(self, trainer, epoch: int, epochs: int, final: bool) -> dict | None:
        from playground.training.metrics import EVAL_BATCH, evaluate_classifier

        data = trainer.data
        if trainer.model is None or data is None or not data.info.num_classes:
            return None
        x, y, which = data.val_x, data.val_y, "validation set"
        if x is None or len(x) == 0:
            x, y, which = data.test_x, data.test_y, "test set"
        if x is None or len(x) == 0:
            return None
        # in chunks the trainer sized for this network's activations (see Trainer._check_network)
        evaluation = evaluate_classifier(trainer.model, x, y, data.info.class_names,
                                         batch_size=getattr(trainer, "eval_batch", EVAL_BATCH))
        for mistake in evaluation.mistakes:  # own the pixels: the view keeps them after the run is gone
            if mistake.image is not None:
                mistake.image = np.array(mistake.image, dtype=np.float32, copy=True)
        return {"evaluation": evaluation, "normalization": data.normalization, "epoch": epoch,
                "epochs": epochs, "final": final, "set": which}


class LayerProbe:
    """At the start and after each epoch: weight and gradient histograms, first conv filters."""

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> LayerProbe:
        return cls()

    def on_start(self, trainer, event) -> dict:
        return self._snapshot(trainer, epoch=0)

    def on_epoch(self, trainer, event) -> dict:
        return self._snapshot(trainer, epoch=event.epoch)

    def _snapshot(self, trainer, epoch: int) -> dict:
        import torch

        from playground.training.anatomy import weight_histograms

        model = trainer.model
        filters, filters_layer = None, ""
        for index, module in enumerate(model):
            if isinstance(module, torch.nn.Conv2d):
                filters = module.weight.detach().float().cpu().numpy().copy()  # out × in × k × k
                filters_layer = f"Conv2d #{index + 1}"
                break
        return {"epoch": epoch, "histograms": weight_histograms(model), "filters": filters,
                "filters_layer": filters_layer}


class StepProbe:
    """After a batch run with Step: the anatomy the trainer recorded for it (then cleared)."""

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> StepProbe:
        return cls()

    def on_batch(self, trainer, event) -> dict | None:
        anatomy = trainer.last_anatomy
        if anatomy is None:
            return None
        trainer.last_anatomy = None
        return {"anatomy": anatomy, "optimizer": trainer.experiment.optimizer.name, "epoch": event.epoch,
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

    def on_start(self, trainer, event) -> None:
        self.batches_per_epoch = event.batches_per_epoch

    def on_batch(self, trainer, event) -> None:
        self.batch_losses.append(float(event.loss))

    def on_end(self, trainer, event) -> dict | None:
        if not event.history and not self.batch_losses:
            return None  # failed before training: nothing to compare
        return {"experiment": trainer.experiment.copy(), "end": event, "batch_losses": list(self.batch_losses),
                "batches_per_epoch": self.batches_per_epoch}
