"""Live views draw only while they are on screen: a tab in the back does no drawing work during a run,
and shows the run's newest state, drawn once, when it is brought to the front."""

import pytest
from helpers import tiny_points
from PySide6.QtWidgets import QApplication

from playground.app import create_window


@pytest.fixture
def window(qtbot):
    import torch

    torch.set_num_threads(1)
    win = create_window(tiny_points(3))
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.document.report is not None, timeout=60000)
    win.show_view(win.digit_panel)  # the Draw tab in front: no live view on screen
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def live_views(win) -> dict:
    """Each live tab's widget and its drawing counter."""
    views = win.insight_views
    return {"Training": (win.plots, lambda: win.plots.redraws),
            "2-D playground": (win.playground2d, lambda: win.playground2d.live.redraws),
            "Evaluation": (views.evaluation, lambda: views.evaluation.live.redraws),
            "Layers": (views.layers, lambda: views.layers.live.redraws),
            "One step": (views.step, lambda: views.step.live.redraws),
            "Runs": (views.runs, lambda: views.runs.live.redraws)}


def train(qtbot, win, paused: bool = False):
    """A whole run; `paused`: started paused, two batches with Step, then Resume."""
    batches = []
    win.run.batch.connect(batches.append)
    with qtbot.waitSignal(win.run.runFinished, timeout=60000) as blocker:
        assert win.start_training(paused=paused)
        if paused:
            for step in (1, 2):
                win.step_training()
                qtbot.waitUntil(lambda n=step: len(batches) >= n, timeout=30000)
            win.run.toggle_pause()
    assert blocker.args[0].status == "completed"
    return blocker.args[0]


def test_views_in_the_back_do_no_drawing_work_while_training(qtbot, window):
    counts = live_views(window)
    before = {name: count() for name, (_widget, count) in counts.items()}
    train(qtbot, window, paused=True)
    qtbot.wait(300)  # anything still queued for the views arrives
    # payloads arrived for every view (a 2-D run, steps, epochs, the end) ...
    assert window.playground2d.frames_received >= 2
    assert len(window.insight_views.runs.runs()) == 1
    assert window.loss_plot_panel.batch_count == 3 * 8
    # ... and none of them drew: they are all on tabs in the back
    assert {name: count() for name, (_widget, count) in counts.items()} == before


@pytest.mark.parametrize("name", ["Training", "2-D playground", "Evaluation", "Layers", "One step", "Runs"])
def test_a_view_brought_to_the_front_after_the_run_draws_its_newest_state_once(qtbot, window, name):
    widget, count = live_views(window)[name]
    end = train(qtbot, window, paused=name == "One step")
    qtbot.wait(300)
    drawn = count()
    window.show_view(widget)
    assert count() == drawn + 1  # drawn once, before the tab is first painted
    qtbot.wait(300)
    assert count() == drawn + 1  # and not again: nothing new arrived
    views = window.insight_views
    if name == "Training":
        assert len(window.loss_plot_panel.raw_curve.getData()[0]) == 3 * 8
    elif name == "2-D playground":
        assert widget.output.boundary.image is not None and widget.output.boundary.frames_shown == 1
        assert len(widget.output.loss_history) == 1 + end.epochs_done  # the start and every epoch
    elif name == "Evaluation":
        assert views.evaluation.showing_results and "after training" in views.evaluation.header.text()
    elif name == "Layers":
        assert "after epoch 3" in views.layers.histograms.weight_plot.getPlotItem().titleLabel.text
    elif name == "One step":
        assert views.step.anatomy is not None and "Batch 2 of 8" in views.step.header.text()
    else:
        assert views.runs.table.rowCount() == 1 and views.runs.checked_indices() == [0]


def test_a_view_in_front_draws_during_the_run_and_the_others_do_not(qtbot, window):
    counts = live_views(window)
    window.show_view(window.playground2d)
    train(qtbot, window)
    qtbot.waitUntil(lambda: not window.playground2d.live.pending, timeout=5000)
    assert counts["2-D playground"][1]() >= 2  # the run's first picture and its last at least
    assert all(count() == 0 for name, (_widget, count) in counts.items() if name != "2-D playground")


def test_a_burst_offered_to_a_hidden_view_is_drawn_once_with_the_newest_payload(qtbot):
    from PySide6.QtWidgets import QTabWidget, QWidget

    from playground.ui.live_view import LiveDrawing

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    front, back = QWidget(), QWidget()
    tabs.addTab(front, "front")
    tabs.addTab(back, "back")
    drawn = []
    live = LiveDrawing(back, lambda: drawn.append(live.take()))
    tabs.show()
    qtbot.waitExposed(tabs)
    for payload in ({"epoch": 1}, {"epoch": 2}, {"epoch": 3}):
        live.offer(payload)
    assert drawn == [] and live.redraws == 0  # hidden: no drawing work
    tabs.setCurrentWidget(back)
    assert drawn == [{"epoch": 3}]  # shown: the newest, once
    live.offer({"epoch": 4})
    live.cancel()  # the view was cleared before it drew: the payload never comes back
    tabs.setCurrentWidget(front)
    tabs.setCurrentWidget(back)
    assert drawn == [{"epoch": 3}] and live.take() is None


def test_while_training_the_two_training_plots_paint_in_separate_passes(qtbot, window):
    from playground.ui import plots as plots_module

    win = window
    win.show_view(win.plots)
    plots = win.plots
    plots.loss.append_batch_loss(1, 0.5)
    plots.metrics.append_epoch(1, 0.5, 0.5, 0.5)
    plots._paced_redraw()  # the redraw timer's slot during a run
    assert not plots.loss.dirty and plots.metrics.dirty  # the loss plot now, the metrics plot in a pass of its own
    qtbot.waitUntil(lambda: not plots.metrics.dirty, timeout=plots_module.SECOND_PLOT_MS * 50)
    plots.loss.append_batch_loss(2, 0.4)
    plots.metrics.append_epoch(2, 0.6, 0.6, 0.4)
    plots.redraw()  # the end of a run, a screenshot: both at once
    assert not plots.loss.dirty and not plots.metrics.dirty
