"""What a finished run hands over: the trained model with everything needed to save or use it.

Built on the training thread once the trainer has returned, so the window never reads the trainer;
after that the trainer is done with the model and the receiver owns it.
"""

from __future__ import annotations

from playground.core.checkpoint import LoadedModel


def trained_model(trainer, end, batches_done: int) -> LoadedModel | None:
    """The run's model, experiment, normalization, classes, input shape and metrics; None when the run
    failed or took no step (its weights would be the random ones it started with)."""
    if end.status == "failed" or batches_done == 0 or trainer.model is None or trainer.data is None:
        return None
    info = trainer.data.info
    metrics = {**trainer.metrics(), "test_accuracy": end.test_accuracy}
    return LoadedModel(trainer.model, trainer.experiment, trainer.data.normalization, list(info.class_names),
                       tuple(info.input_shape), metrics)
