"""Gradient health in the window: the network view's tint, numbers, sparklines and bars, the legend's
advice, and the training panel's warnings with their links to Help → Concepts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.app import create_window
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec
from playground.i18n import Message
from playground.training.health_rules import HealthWarning, LayerHealth
from playground.ui.network_view import NetworkView


def deep_sigmoid(depth: int = 10) -> Experiment:
    layers = []
    for _ in range(depth):
        layers += [LayerSpec("Linear", {"units": 16, "bias": True}), LayerSpec("Sigmoid", {})]
    layers.append(LayerSpec("Linear", {"units": 2, "bias": True}))
    return Experiment(name="deep", dataset=DatasetSpec("circle", batch_size=16, samples=160, val_split=0.25),
                      layers=layers, optimizer=OptimizerSpec("sgd", lr=0.05), epochs=1, device="cpu")


@pytest.fixture
def window(qtbot):
    window = create_window(deep_sigmoid())
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def blueness(color) -> int:
    return color.blue() - color.red()


def test_training_tints_the_network_and_warns_in_words(qtbot, window):
    view, panel = window.network_view, window.training_panel
    assert view.list.isColumnHidden(4) and not view.health_legend.isVisible()  # nothing measured yet
    with qtbot.waitSignal(window.run.runFinished, timeout=60000):
        panel.train_button.click()
    qtbot.waitUntil(lambda: view.row_tint(0) is not None, timeout=5000)
    assert not view.list.isColumnHidden(4) and view.health_legend.isVisible()
    first, last = view.row_tint(0), view.row_tint(20)
    assert blueness(first) > blueness(last)  # the first layer's gradient has vanished: bluer than the last
    item = view.list.topLevelItem(0)
    assert "Gradient norm" in item.toolTip(1) and "Update ratio" in item.toolTip(1)
    assert not item.icon(4).isNull() and item.text(4)  # the sparkline and the number
    assert "Saturated outputs" in view.list.topLevelItem(1).toolTip(4)  # the bar on an activation row
    assert "vanish below layer" in view.health_legend.text.text()
    # the warning in the training panel, linked to its concept
    assert panel.health_message.isVisible()
    assert "Gradients vanish" in panel.health_message.text()
    assert "href='idea:vanishing-gradients'" in panel.health_message.text()
    panel.health_message.linkActivated.emit("idea:vanishing-gradients")
    assert window.help.help_panel is not None and window.help.help_panel.isVisible()
    # a new run starts clean
    view.show_health({"kind": "start"})
    assert view.row_tint(0) is None and view.list.isColumnHidden(4)


def test_the_tint_runs_from_blue_through_green_to_red(qtbot):
    view = NetworkView()
    qtbot.addWidget(view)
    exp = deep_sigmoid(2)
    view.display(exp, None)
    layers = [LayerHealth(0, "Linear", grad_norm=1e-7, update_ratio=1e-9, weight_norm=3.0),
              LayerHealth(1, "Sigmoid", saturated_fraction=0.7),
              LayerHealth(2, "Linear", grad_norm=2.0, update_ratio=1e-3, weight_norm=2.0),
              LayerHealth(3, "ReLU", dead_fraction=0.25),
              LayerHealth(4, "Linear", grad_norm=5000.0, update_ratio=0.5, weight_norm=2.0)]
    view.show_health({"kind": "sample", "layers": layers})
    qtbot.waitUntil(lambda: view.row_tint(0) is not None, timeout=2000)
    vanishing, healthy, exploding = view.row_tint(0), view.row_tint(2), view.row_tint(4)
    assert vanishing.blue() > vanishing.red() and vanishing.blue() > vanishing.green()
    assert healthy.green() > healthy.red() and healthy.green() > healthy.blue()
    assert exploding.red() > exploding.green() and exploding.red() > exploding.blue()
    assert view.list.topLevelItem(0).text(4) == "1.0e-7"
    assert view.list.topLevelItem(1).text(4) == "70%"
    assert "Saturated outputs: 70%" in view.list.topLevelItem(1).toolTip(4)
    assert view.list.topLevelItem(3).text(4) == "25%"
    assert "Dead units (zero for the whole batch): 25%" in view.list.topLevelItem(3).toolTip(0)
    # the layer's own explanation stays in the tooltip, under the figures
    assert view.list.topLevelItem(0).toolTip(0).endswith(view.list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole))
    view.display(exp, None)  # redrawn unchanged (a report arrives): the figures stay
    assert view.row_tint(0) is not None
    exp.layers.insert(0, LayerSpec("Flatten", {}))
    view.display(exp, None)  # an edited network: the figures described the old one, so they go
    assert view.row_tint(1) is None and view.list.isColumnHidden(4)


def test_warnings_leave_when_an_epoch_is_healthy(qtbot):
    from playground.ui.training_panel import TrainingPanel

    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    warning = HealthWarning("lr-high", Message("Health", "The learning rate is too high."), "idea:update-ratio")
    panel.show_health({"kind": "epoch", "epoch": 2, "warnings": [warning]})
    assert panel.health_message.isVisible() and "after epoch 2" in panel.health_message.text()
    assert "href='idea:update-ratio'" in panel.health_message.text()
    with qtbot.waitSignal(panel.conceptRequested) as requested:
        panel.health_message.linkActivated.emit("idea:update-ratio")
    assert requested.args == ["idea:update-ratio"]
    panel.show_health({"kind": "epoch", "epoch": 3, "warnings": []})
    assert not panel.health_message.isVisible()


class Block:
    """What a block graph's item offers the health tint (the graph view's `set_overlay`)."""

    def __init__(self):
        self.overlay = None

    def set_overlay(self, color, tooltip_extra="", bar=None):
        self.overlay = (color, tooltip_extra, bar)


def test_graph_blocks_get_the_same_tint(qapp):
    from playground.ui.health_style import HealthHistory, paint_blocks

    history = HealthHistory()
    history.add([LayerHealth(0, "Linear", grad_norm=1e-7, update_ratio=1e-9, weight_norm=3.0),
                 LayerHealth(1, "ReLU", dead_fraction=0.6), LayerHealth(2, "Linear", grad_norm=1.0)])
    blocks = {i: Block() for i in range(4)}
    paint_blocks(blocks, history)
    color, tip, bar = blocks[0].overlay
    assert color.blue() > color.red() and "Gradient norm" in tip and bar is None
    assert blocks[1].overlay[0] is None and blocks[1].overlay[2] == 0.6 and "Dead units" in blocks[1].overlay[1]
    assert blocks[2].overlay[0].green() > blocks[2].overlay[0].red()
    assert blocks[3].overlay == (None, "", None)  # no figures: cleared
