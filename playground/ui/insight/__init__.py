""""Inside the network": evaluation, layers, one step taken apart, and the session's runs.

Each view takes plain inputs through slots; `install_insight_views` wires them, in one place, to the
document (the experiment), the training run (probes) and the trained model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from playground.training.probes import with_live
from playground.training.probes.insight import (
    EvaluationProbe,
    LayerProbe,
    RunRecorderProbe,
    StepProbe,
)
from playground.ui.insight.evaluation_view import EvaluationView
from playground.ui.insight.layer_view import LayerView
from playground.ui.insight.runs_view import RunsView
from playground.ui.insight.step_view import StepView

__all__ = ["EvaluationView", "InsightViews", "LayerView", "RunsView", "StepView", "install_insight_views"]


@dataclass
class InsightViews:
    evaluation: EvaluationView
    layers: LayerView
    step: StepView
    runs: RunsView


def install_insight_views(document, run, models, add_view: Callable[[QWidget, str], object]) -> InsightViews:
    """Make the four tabs (`add_view(widget, title)`) and connect them: probes with `run` (a TrainingRun), the
    experiment from `document` (an ExperimentDocument), the trained model from `models` (`trainedModelChanged`,
    `trained_model`).

    Left to the caller (they involve other panels): ``views.evaluation.imageChosen`` → the canvas,
    the canvas's model input → ``views.layers.show_activations_for``, and saving / opening
    ``views.runs.runs()`` with the project.
    """
    views = InsightViews(EvaluationView(), LayerView(), StepView(), RunsView())
    add_view(views.evaluation, QCoreApplication.translate("InsightViews", "Evaluation"))
    add_view(views.layers, QCoreApplication.translate("InsightViews", "Layers"))
    add_view(views.step, QCoreApplication.translate("InsightViews", "One step"))
    add_view(views.runs, QCoreApplication.translate("InsightViews", "Runs"))
    # a view's per-epoch work is done only while it is on screen, at most every EPOCH_INTERVAL (probes.Pace)
    evaluation_live, layers_live = views.evaluation.live.on_screen, views.layers.live.on_screen
    run.register_probe("insight.evaluation", lambda exp: with_live(EvaluationProbe.for_experiment(exp), evaluation_live),
                       views.evaluation.show_evaluation)
    run.register_probe("insight.layers", lambda exp: with_live(LayerProbe.for_experiment(exp), layers_live),
                       views.layers.show_layer_stats)
    run.register_probe("insight.step", StepProbe.for_experiment, views.step.show_step)
    # the run recorder gathers every batch loss on the training thread and hands the whole run over at
    # its end: one queued signal per run instead of a second connection to the per-batch signal
    run.register_probe("insight.runs", RunRecorderProbe.for_experiment, views.runs.add_run_payload)
    models.trainedModelChanged.connect(views.layers.set_model)
    run.runStarted.connect(lambda: views.step.run_started(document.experiment))
    document.experimentChanged.connect(views.step.set_experiment)
    document.experimentChanged.connect(views.evaluation.set_experiment)
    views.evaluation.set_experiment(document.experiment)
    if models.trained_model is not None:
        views.layers.set_model(models.trained_model)
    return views
