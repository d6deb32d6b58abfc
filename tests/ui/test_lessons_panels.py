"""The training panel's augmentation, schedule and clipping groups, and frozen layers in the network view."""

from __future__ import annotations

from playground.core.experiment import LayerSpec
from playground.core.presets import load_preset
from playground.core.schedule_curve import learning_rates
from playground.core.shapes import infer_shapes
from playground.training.trainer import EpochEvent
from playground.ui.network_view import NetworkView
from playground.ui.training_panel import TrainingPanel


def test_augmentation_is_disabled_with_the_reason_for_points_and_flip_only_for_clothing(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    exp = load_preset("spiral")
    panel.set_experiment(exp)
    assert not panel.augment.isEnabled() and "not an image dataset" in panel.augment.toolTip()
    exp = load_preset("cnn-augmented")
    panel.set_experiment(exp)
    assert panel.augment.isEnabled() and panel.augment.enabled.isChecked()
    assert not panel.augment.flip.isEnabled() and "Not for digits" in panel.augment.flip.toolTip()
    exp.dataset.name = "fashion-mnist"
    panel.set_experiment(exp)
    assert panel.augment.flip.isEnabled()
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.augment.rotation.setValue(30.0)
    assert blocker.args[1].dataset.augment.rotation == 30.0


def test_the_schedule_plot_draws_the_trainers_learning_rates(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    exp = load_preset("simple-cnn")
    exp.scheduler.name, exp.epochs = "onecycle", 3
    panel.set_experiment(exp)
    panel.schedule_plot.set_batches_per_epoch(50)
    x, y = panel.schedule_plot.curve.getData()
    assert list(y) == learning_rates(exp, 50) and x[-1] < 3
    assert max(y) == max(learning_rates(exp, 50))


def test_clipping_is_off_by_default_and_reports_each_epoch(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_experiment(load_preset("seed-mlp"))
    assert not panel.clip.enabled.isChecked() and not panel.clip.max_norm.isEnabled()
    with qtbot.waitSignal(panel.edited) as blocker:
        panel.clip.enabled.setChecked(True)
    assert blocker.args[1].grad_clip == 1.0
    panel.set_experiment(blocker.args[1])
    panel.clip.show_epoch(EpochEvent(2, 5, 0.1, 0.9, 0.1, 0.9, 1.0, 100.0, 1e-3, clipped=0.25))
    assert panel.clip.status.text() == "Epoch 2: clipped in 25 % of batches"


def test_frozen_layers_are_greyed_and_counted_and_the_menu_freezes(qtbot):
    view = NetworkView()
    qtbot.addWidget(view)
    exp = load_preset("seed-mlp")
    exp.layers[1] = LayerSpec(exp.layers[1].type, exp.layers[1].params, frozen=True)
    report = infer_shapes(exp)
    view.display(exp, report)
    frozen = report.layers[1].parameters
    assert view.total_label.text() == (f"<b>Total: {report.total_parameters - frozen:,} trainable, {frozen:,} "
                                       "frozen parameters</b>")
    assert not view.list.topLevelItem(1).icon(1).isNull()
    assert view.list.topLevelItem(1).foreground(1).color() != view.list.topLevelItem(3).foreground(1).color()
    menu = view.context_menu(3)
    with qtbot.waitSignal(view.freezeUpToRequested) as blocker:
        next(a for a in menu.actions() if a.objectName() == "freezeUpToAction").trigger()
    assert blocker.args == [3]
    assert next(a for a in menu.actions() if a.objectName() == "unfreezeAllAction").isEnabled()


def test_the_augmentation_preview_waits_for_pytorch_before_reading_the_dataset(qtbot, monkeypatch):
    from playground.ui import augment_panel

    monkeypatch.setattr(augment_panel, "engine_loaded", lambda: False)  # as at start-up, before the engine
    preview = augment_panel.AugmentPreview()
    qtbot.addWidget(preview)
    jobs = []
    monkeypatch.setattr(preview.runner, "submit", lambda *args, **kwargs: jobs.append(args))
    preview.set_experiment(load_preset("seed-mlp"))
    qtbot.wait(augment_panel.REDRAW_DELAY_MS * 2)
    assert jobs == [] and "PyTorch" in preview.caption.text()  # nothing read, and it says why
    preview.engine_ready()
    qtbot.waitUntil(lambda: len(jobs) == 1, timeout=5000)
