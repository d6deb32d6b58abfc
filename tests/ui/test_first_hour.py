"""A beginner's first hour: a stopped run never replaces a finished model, File → New leaves nothing of the old
experiment on screen, views say which run they show, the pace control reaches the trainer, Ctrl+Y redoes, and a
setting typed out of range says its range."""

from __future__ import annotations

import pytest
from helpers import tiny_points
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from playground.app import create_window
from playground.core import edits
from playground.core.experiment import DatasetSpec, OptimizerSpec
from playground.ui.run_controller import IDLE, PAUSED


@pytest.fixture
def window(qtbot):
    win = create_window(tiny_points())
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.document.report is not None, timeout=60000)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def train(qtbot, win):
    with qtbot.waitSignal(win.run.runFinished, timeout=60000) as blocker:
        assert win.start_training()
    return blocker.args


def step_then_stop(qtbot, win):
    """Step with no run (starts one paused, one batch), then Stop."""
    with qtbot.waitSignal(win.run.batch, timeout=60000):
        win.step_training()
    assert win.run.state == PAUSED
    with qtbot.waitSignal(win.run.runFinished, timeout=60000) as blocker:
        win.run.stop()
    return blocker.args


def test_step_then_stop_keeps_the_finished_model_and_offers_the_stopped_one(qtbot, window):
    end, finished = train(qtbot, window)
    assert end.status == "completed"
    assert window.models.trained_model is finished and window.models.model_kind == "completed"

    end, stopped = step_then_stop(qtbot, window)
    assert end.status == "stopped" and stopped is not None
    assert window.models.trained_model is finished  # the one-batch model did not replace it
    assert window.models.stopped_model is stopped
    message = window.training_panel.message.text()
    assert "Stopped after 1 batch" in message and "keeps the model that finished training" in message
    assert "use-stopped-model" in message  # the link that switches
    assert window.models.use_stopped_action.isEnabled()

    window.training_panel.messageLinkActivated.emit("use-stopped-model")
    assert window.models.trained_model is stopped and window.models.model_kind == "stopped"
    assert not window.models.use_stopped_action.isEnabled()


def test_a_stopped_run_is_the_model_when_nothing_finished_before(qtbot, window):
    _end, stopped = step_then_stop(qtbot, window)
    assert window.models.trained_model is stopped and window.models.model_kind == "stopped"
    assert window.models.stopped_model is None  # nothing was kept aside: there was nothing better


def test_file_new_clears_every_result_of_the_old_experiment(qtbot, window, message_boxes):
    train(qtbot, window)
    views = window.insight_views
    assert window.plots.loss.batch_count > 0
    assert window.training_panel.message.isVisible()
    assert window.models.save_model_action.isEnabled()
    window.show_view(window.playground2d)  # a hidden view draws its newest frame when it is shown
    qtbot.waitUntil(lambda: window.playground2d.output.boundary.image is not None, timeout=10000)

    window.files.new_experiment()

    assert window.plots.loss.batch_count == 0
    assert window.plots.metrics.epochs.count == 0
    assert not window.training_panel.message.isVisible()
    assert window.training_panel.progress.format() == "Ready"
    assert not window.models.save_model_action.isEnabled() and window.models.trained_model is None
    assert not views.evaluation.showing_results
    assert views.step.anatomy is None and not views.step.body.isVisible()
    assert views.layers.histograms.latest is None


def test_one_step_says_when_it_shows_a_run_with_other_settings(qtbot, window):
    step_then_stop(qtbot, window)
    step = window.insight_views.step
    window.show_view(step)  # a hidden view draws its newest payload when it is shown
    qtbot.waitUntil(lambda: step.anatomy is not None, timeout=30000)
    assert "From the last run" not in step.header.text()
    exp = window.document.experiment.copy()
    exp.optimizer = OptimizerSpec("adam", lr=0.01)
    window.document.apply_edit("Optimizer", exp)
    assert "From the last run, before your changes" in step.header.text()
    assert "sgd" in step.header.text()  # names what that run trained with
    window.document.undo_stack.undo()
    assert "From the last run" not in step.header.text()


def test_the_2d_view_clears_when_the_data_is_images(qtbot, window):
    train(qtbot, window)
    boundary = window.playground2d.output.boundary
    window.show_view(window.playground2d)  # a hidden view draws its newest frame when it is shown
    qtbot.waitUntil(lambda: boundary.image is not None, timeout=10000)
    exp = window.document.experiment.copy()
    exp.dataset = DatasetSpec("mnist")
    window.document.apply_edit("Dataset", exp)
    assert boundary.image is None
    assert len(boundary.train_scatter.data) == 0
    assert window.playground2d.output.test_loss_label.text() == "Test loss —"


def test_watch_speed_reaches_the_trainer_of_a_running_run(qtbot, window):
    pace = window.training_panel.pace
    pace.set_pace("watch")
    assert window.run.pace == pytest.approx(0.05)  # ≈ 20 batches a second
    with qtbot.waitSignal(window.run.batch, timeout=60000):
        window.step_training()
    trainer = window.run.session.worker._trainer
    assert trainer.min_batch_interval == pytest.approx(0.05)
    pace.set_pace("full")
    assert trainer.min_batch_interval == 0.0  # applies to the run going on
    with qtbot.waitSignal(window.run.runFinished, timeout=60000):
        window.run.stop()
    assert window.run.state == IDLE


def test_ctrl_y_and_ctrl_shift_z_both_redo(window):
    keys = window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys
    window.add_layer("ReLU")
    count = len(window.document.experiment.layers)
    window.undo_action.trigger()
    assert len(window.document.experiment.layers) == count - 1
    window.redo_action.trigger()
    assert len(window.document.experiment.layers) == count


def test_a_setting_typed_out_of_range_says_its_range(qtbot, window):
    exp, row = edits.insert_layer(window.document.experiment, "Conv2d", 0)
    window.document.apply_edit("Add Conv2d", exp, select=row)
    window.network_view.select_row(row)
    editor = window.layer_editor
    spin = editor.widgets["kernel_size"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "99")
    assert editor.hint.isVisible()
    assert "from 1 to" in editor.hint.text() and "99" in editor.hint.text()
    assert "from 1 to" in spin.toolTip()


def test_units_apply_as_you_type_in_one_undo_step(qtbot, window):
    window.network_view.select_row(0)
    spin = window.layer_editor.widgets["units"]
    spin.setFocus()
    spin.selectAll()
    before = window.document.undo_stack.count()
    qtbot.keyClicks(spin, "32")
    qtbot.waitUntil(lambda: window.document.experiment.layers[0].params["units"] == 32, timeout=5000)
    assert window.document.undo_stack.count() == before + 1  # "3" then "32": one step
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.undo_stack.count() == before + 1


# ---------------------------------------------------------------------- the tutorial
def tutorial(window):
    from PySide6.QtWidgets import QDockWidget

    window.help.show_tutorial()
    dock = window.findChild(QDockWidget, "tutorialDock")
    assert dock is not None and dock.isVisible()  # docked beside the work, not a window over it
    return window.help.tutorial_panel


def test_the_tutorial_ticks_draw_a_digit_only_for_a_stroke_on_the_canvas(qtbot, window):
    from test_canvas import draw

    from playground.ui.tutorial import DONE, DRAW

    panel = tutorial(window)
    digit = window.digit_panel
    qtbot.waitUntil(lambda: digit.model is not None, timeout=60000)
    panel.advance(DRAW)
    digit.show_pixels(__import__("numpy").eye(28, dtype="float32"))  # an old picture read again
    qtbot.waitUntil(lambda: digit.prediction is not None, timeout=30000)
    assert panel.step == DRAW
    window.show_view(digit)
    draw(qtbot, digit.canvas, [(140, 40), (140, 240)])  # a 1
    qtbot.waitUntil(lambda: panel.step == DONE, timeout=30000)


def test_the_tutorial_tells_no_duration_and_shows_the_loss_curve_while_training(qtbot, window):
    from playground.ui.tutorial import STEPS, TRAIN

    assert not any("minute" in step.text for step in STEPS)
    panel = tutorial(window)
    panel.advance(TRAIN)
    window.show_view(window.digit_panel)
    train(qtbot, window)
    assert window.view_tabs.currentWidget().isAncestorOf(window.plots)


def test_emptying_the_network_asks_about_unsaved_work_and_keeps_the_settings(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from playground.ui.tutorial import BUILD, EMPTY

    exp = window.document.experiment.copy()
    exp.epochs = 7
    window.document.apply_edit("Epochs", exp)  # unsaved work
    panel = tutorial(window)
    panel.advance(EMPTY)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    panel.action_button.click()
    assert asked and "unsaved changes" in asked[0]
    assert window.document.experiment.layers  # cancelled: nothing removed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.action_button.click()
    after = window.document.experiment
    assert after.layers == [] and panel.step == BUILD
    assert after.epochs == 7 and after.dataset.name == "circle" and after.optimizer.name == "sgd"


# ---------------------------------------------------------------------- small ones
def test_the_save_prompt_names_the_file_that_was_opened(window, tmp_path, message_boxes):
    path = tmp_path / "myexp.json"
    tiny_points().save(str(path))
    assert window.files.open_experiment(str(path), ask=False)
    exp = window.document.experiment.copy()
    exp.epochs = 9
    window.document.apply_edit("Epochs", exp)
    window.files.maybe_save()
    assert "myexp.json" in message_boxes[-1][2] and "Untitled" not in message_boxes[-1][2]


def test_after_the_bundled_model_the_canvas_can_go_back_to_your_own(qtbot, window, tmp_path):
    from test_window_integration import image_checkpoint

    from playground.core.checkpoint import load_checkpoint

    digit = window.digit_panel
    qtbot.waitUntil(lambda: digit.model is not None, timeout=60000)
    window.models.set_trained_model(load_checkpoint(image_checkpoint(tmp_path)))
    qtbot.waitUntil(lambda: digit.model_source.startswith("File:"), timeout=30000)
    assert digit.own_button.isHidden()
    digit.bundled_button.click()
    qtbot.waitUntil(lambda: digit.model_source == "Bundled model", timeout=30000)
    assert not digit.own_button.isHidden()
    digit.own_button.click()
    qtbot.waitUntil(lambda: digit.model_source.startswith("File:"), timeout=30000)


def test_empty_plots_show_sensible_ranges_before_training(window):
    (x0, x1), (y0, y1) = window.plots.metrics.plot_widget.getPlotItem().getViewBox().viewRange()
    assert (y0, y1) == (0, 100)
    (x0, x1), (y0, y1) = window.plots.loss.plot_widget.getPlotItem().getViewBox().viewRange()
    assert y0 == 0 and x0 == 0


def test_the_message_that_names_flatten_adds_it_in_one_click(qtbot, window):
    from helpers import layer, linear

    exp = window.document.experiment.copy()
    exp.dataset = DatasetSpec("mnist")
    exp.layers = [layer("Conv2d", out_channels=8), layer("ReLU"), linear(10)]
    window.document.apply_edit("Conv net", exp)
    qtbot.waitUntil(lambda: window.document.report is not None and window.document.report.error is not None,
                    timeout=30000)
    issues = window.network_view.issues_label
    assert "fix:Flatten:2" in issues.text() and "Add Flatten there" in issues.text()
    issues.linkActivated.emit("fix:Flatten:2")
    assert [spec.type for spec in window.document.experiment.layers] == ["Conv2d", "ReLU", "Flatten", "Linear"]
    assert window.document.report.ok


def test_runs_of_different_lengths_are_compared_by_progress(qtbot):
    from playground.core.project import EpochRecord, RunRecord
    from playground.ui.insight.runs_view import RunsView

    def record(name, epochs):
        exp = tiny_points(epochs)
        history = [EpochRecord(e, 1.0 / e, 0.5, 1.0 / e, 0.5 + e / (2 * epochs), 0.1, 0.1) for e in
                   range(1, epochs + 1)]
        return RunRecord(name, exp, history=history)

    view = RunsView()
    qtbot.addWidget(view)
    view.add_run(record("spiral", 300))
    view.add_run(record("mnist", 2))
    assert view.progress_axis()
    ends = sorted(item.getData()[0][-1] for item in view.accuracy_plot.getPlotItem().listDataItems())
    assert ends == [pytest.approx(100), pytest.approx(100)]  # both runs end at 100 % of the run
    assert "%" in view.accuracy_plot.getPlotItem().getAxis("bottom").labelText


def test_dragging_a_block_over_the_network_shows_where_it_will_go(window):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragMoveEvent

    from playground.ui.palette import LAYER_MIME

    tree = window.network_view.list
    rect = tree.visualItemRect(tree.topLevelItem(1))  # Tanh #2: its upper half
    mime = QMimeData()
    mime.setData(LAYER_MIME, b"Dropout")
    event = QDragMoveEvent(QPointF(rect.center().x(), rect.top() + 2).toPoint(), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dragMoveEvent(event)
    assert tree.insertion_y() == rect.top()  # the line between Linear #1 and Tanh #2
    tree._show_insertion(-1)  # the drag left or dropped
    assert tree.insertion_y() is None


def test_a_new_hidden_layer_card_is_scrolled_into_view(qtbot):
    from playground.core.presets import load_preset
    from playground.ui.playground2d.hidden_layers import HiddenLayersEditor

    editor = HiddenLayersEditor()
    qtbot.addWidget(editor)
    editor.resize(260, 120)
    editor.show()
    exp = load_preset("spiral")
    editor.edited.connect(lambda _text, new, _key: editor.set_experiment(new))
    editor.set_experiment(exp)
    for _ in range(4):
        editor.add_layer()
    bar = editor.strip.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=5000)
