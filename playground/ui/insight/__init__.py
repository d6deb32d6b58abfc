""""Inside the network": evaluation, layers, one step taken apart, and the session's runs.

Each view takes plain inputs through slots; `install_insight_views` wires them to the MainWindow
(tabs, probes, the trained-model signal) in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from playground.ui.insight.evaluation_view import EvaluationView
from playground.ui.insight.layer_view import LayerView
from playground.ui.insight.probes import EvaluationProbe, LayerProbe, RunRecorderProbe, StepProbe
from playground.ui.insight.runs_view import RunsView
from playground.ui.insight.step_view import StepView

__all__ = ["EvaluationView", "InsightViews", "LayerView", "RunsView", "StepView", "install_insight_views"]


@dataclass
class InsightViews:
    evaluation: EvaluationView
    layers: LayerView
    step: StepView
    runs: RunsView


def install_insight_views(window) -> InsightViews:
    """Add the four tabs to `window` and connect them to its probes and signals.

    Left to the caller (they involve other panels): ``views.evaluation.imageChosen`` → the canvas,
    the canvas's model input → ``views.layers.show_activations_for``, and saving / opening
    ``views.runs.runs()`` with the project.
    """
    views = InsightViews(EvaluationView(), LayerView(), StepView(), RunsView())
    window.add_view(views.evaluation, QCoreApplication.translate("InsightViews", "Evaluation"))
    window.add_view(views.layers, QCoreApplication.translate("InsightViews", "Layers"))
    window.add_view(views.step, QCoreApplication.translate("InsightViews", "One step"))
    window.add_view(views.runs, QCoreApplication.translate("InsightViews", "Runs"))
    window.register_probe("insight.evaluation", EvaluationProbe.for_experiment, views.evaluation.show_evaluation)
    window.register_probe("insight.layers", LayerProbe.for_experiment, views.layers.show_layer_stats)
    window.register_probe("insight.step", StepProbe.for_experiment, views.step.show_step)
    # the run recorder gathers every batch loss on the training thread and hands the whole run over at
    # its end: one queued signal per run instead of a second connection to the per-batch signal
    window.register_probe("insight.runs", RunRecorderProbe.for_experiment, views.runs.add_run_payload)
    window.trainedModelChanged.connect(views.layers.set_model)
    window.experimentChanged.connect(views.evaluation.set_experiment)
    views.evaluation.set_experiment(window.experiment)
    if getattr(window, "trained_model", None) is not None:
        views.layers.set_model(window.trained_model)
    return views
