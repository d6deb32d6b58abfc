"""The network graph (blocks and arrows): building by dragging, deleting and undoing, shared selection,
red blocks, zoom and export — as a person would see them in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from playground.app import create_window
from playground.core import graph_edits
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.core.graph import network_graph
from playground.core.presets import load_preset
from playground.ui.graph.items import BlockItem, EdgeItem
from playground.ui.graph.model import INPUT, OUTPUT
from playground.ui.palette import LAYER_MIME


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(experiment=None):
        window = create_window(experiment)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)
        window.network_view.set_mode(0)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
    QApplication.processEvents()


def residual_mlp() -> Experiment:
    """Flatten → Linear 64 → ReLU → [Linear 64 → ReLU → Linear 64] + skip → Add → Linear 10."""
    exp = Experiment(name="res", dataset=DatasetSpec("mnist"), layers=[
        LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 64}), LayerSpec("ReLU", {}),
        LayerSpec("Linear", {"units": 64}), LayerSpec("ReLU", {}), LayerSpec("Linear", {"units": 64}),
        LayerSpec("Linear", {"units": 10})])
    exp, _add = graph_edits.wrap_in_residual(exp, 3, 5)
    return exp


def edges(experiment: Experiment) -> list[tuple[int, int]]:
    return sorted(network_graph(experiment).edges)


def graph(window):
    return window.network_view.graph


def viewport_point(window, scene_point: QPointF) -> QPoint:
    return graph(window).mapFromScene(scene_point)


def drop_palette_block(window, name: str, at: QPoint) -> None:
    view = graph(window)
    mime = QMimeData()
    mime.setData(LAYER_MIME, name.encode())
    view.dragEnterEvent(QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                        Qt.KeyboardModifier.NoModifier))
    view.dropEvent(QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))


def arrow(window, source, target) -> EdgeItem:
    return next(e for e in graph(window).graph_scene.edges if (e.source, e.target) == (source, target))


def arrow_middle(window, source, target) -> QPoint:
    edge = arrow(window, source, target)
    a, b = edge.points[0], edge.points[-1]
    return viewport_point(window, (a + b) / 2)


# ---------------------------------------------------------------------------------------- drawing


def test_the_seed_mlp_is_drawn_as_input_blocks_and_output_with_shapes_on_the_arrows(make_window):
    window = make_window(load_preset("seed-mlp"))
    scene = graph(window).graph_scene
    layers = window.document.experiment.layers
    assert set(scene.blocks) == {INPUT, OUTPUT, *range(len(layers))}
    assert "1×28×28" in scene.blocks[INPUT].detail and "10" in scene.blocks[OUTPUT].detail
    linear = scene.blocks[1]
    assert linear.title.startswith("Linear") and "128" in linear.title
    assert "100,480" in linear.detail  # 784·128 + 128 parameters on the block
    assert arrow(window, 0, 1).label == "784" and arrow(window, INPUT, 0).label == "1×28×28"
    assert len(scene.edges) == len(layers) + 1
    # top to bottom: every arrow points down
    assert all(e.points[-1].y() > e.points[0].y() for e in scene.edges)


def test_a_skip_connection_runs_beside_the_body_and_ends_in_the_add(make_window):
    window = make_window(residual_mlp())
    scene = graph(window).graph_scene
    add = next(k for k, b in scene.blocks.items() if b.title == "Add")
    skip = arrow(window, 2, add)
    assert len(skip.points) > 2  # bends around the body
    assert max(p.x() for p in skip.points) > scene.blocks[3].pos().x() + 80  # to the right of the body's blocks
    assert scene.blocks[add].merge and arrow(window, 2, 3).label == "64"
    assert skip.label == ""  # the tensor leaving ReLU #3 is labelled once, not on each of its arrows
    assert "64" in skip.toolTip()


# ---------------------------------------------------------------------------------------- building


def test_a_palette_block_dropped_on_an_arrow_is_inserted_there(make_window):
    window = make_window(load_preset("seed-mlp"))
    before = [layer.type for layer in window.document.experiment.layers]  # Flatten Linear ReLU Linear ...
    drop_palette_block(window, "Dropout", arrow_middle(window, 2, 3))
    after = [layer.type for layer in window.document.experiment.layers]
    assert after == before[:3] + ["Dropout"] + before[3:]
    assert window.network_view.selected_row() == 3  # the new block is selected, ready to edit
    assert "Dropout" in window.layer_editor.title.text()
    window.document.undo_stack.undo()
    assert [layer.type for layer in window.document.experiment.layers] == before


def test_dragging_over_the_graph_highlights_the_arrow_the_block_would_land_on(make_window):
    window = make_window(load_preset("seed-mlp"))
    view = graph(window)
    mime = QMimeData()
    mime.setData(LAYER_MIME, b"ReLU")
    view.dragEnterEvent(QDragEnterEvent(arrow_middle(window, 0, 1), Qt.DropAction.CopyAction, mime,
                                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert arrow(window, 0, 1).highlighted
    assert sum(e.highlighted for e in view.graph_scene.edges) == 1
    view.dragEnterEvent(QDragEnterEvent(arrow_middle(window, 3, 4), Qt.DropAction.CopyAction, mime,
                                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert arrow(window, 3, 4).highlighted and not arrow(window, 0, 1).highlighted
    view.dragLeaveEvent(_Leave())
    assert not any(e.highlighted for e in view.graph_scene.edges)


class _Leave:
    def accept(self):
        pass


def test_the_residual_block_entry_inserts_a_body_and_an_add_on_the_arrow(make_window):
    window = make_window(load_preset("seed-mlp"))
    count = len(window.document.experiment.layers)
    drop_palette_block(window, "Residual block", arrow_middle(window, 2, 3))
    exp = window.document.experiment
    assert len(exp.layers) == count + 4
    assert [layer.type for layer in exp.layers[3:7]] == ["Linear", "ReLU", "Linear", "Add"]
    assert sorted(network_graph(exp).sources(6)) == [2, 5]  # the Add joins the body and the skip from ReLU #3
    assert window.document.report.error is None


def test_delete_removes_the_selected_blocks_and_arrows_and_undo_restores_both(make_window, qtbot):
    window = make_window(residual_mlp())
    original = window.document.experiment
    scene = graph(window).graph_scene
    add = next(k for k, b in scene.blocks.items() if b.title == "Add")
    scene.clearSelection()
    scene.blocks[4].setSelected(True)  # the ReLU inside the body
    qtbot.keyClick(graph(window), Qt.Key.Key_Delete)
    exp = window.document.experiment
    assert len(exp.layers) == len(original.layers) - 1
    assert "ReLU" not in [layer.type for layer in exp.layers[3:5]]
    # an arrow: the skip into the Add (the Add then has one input and turns red until reconnected)
    scene = graph(window).graph_scene
    moved = next(k for k, b in scene.blocks.items() if b.title.startswith("Add"))
    scene.clearSelection()
    arrow(window, 2, moved).setSelected(True)
    qtbot.keyClick(graph(window), Qt.Key.Key_Delete)
    assert (2, moved) not in edges(window.document.experiment)
    assert graph(window).graph_scene.blocks[moved].error  # an Add with one input left: red until reconnected
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.experiment == original
    assert edges(window.document.experiment) == edges(original)
    assert (2, add) in {(e.source, e.target) for e in graph(window).graph_scene.edges}


def test_dragging_a_block_down_moves_it_in_a_straight_network(make_window, qtbot):
    window = make_window(load_preset("seed-mlp"))
    before = [layer.type for layer in window.document.experiment.layers]
    view = graph(window)
    scene = view.graph_scene
    start = viewport_point(window, scene.blocks[1].pos())
    below = viewport_point(window, (scene.blocks[2].pos() + scene.blocks[3].pos()) / 2)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + (below - start) * step / 5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=below)
    after = [layer.type for layer in window.document.experiment.layers]
    assert after == [before[0], before[2], before[1], *before[3:]]


def test_connecting_refuses_a_loop_with_a_reason_and_joins_a_merge_block(make_window):
    window = make_window(residual_mlp())
    view = graph(window)
    scene = view.graph_scene
    add = next(k for k, b in scene.blocks.items() if b.title == "Add")
    after_add = add + 1
    # from a block below the Add back into it: a loop
    problem = view.connection_problem(after_add, scene.blocks[add])
    assert "loop" in problem
    # into a block that is not a merge
    assert "Add, Concat" in view.connection_problem(1, scene.blocks[3])
    # a new connection into the Add: Linear #2 → Add
    assert view.connection_problem(1, scene.blocks[add]) == ""
    view.connectRequested.emit(1, add)
    assert 1 in network_graph(window.document.experiment).sources(add)


def test_wrap_in_a_residual_block_from_the_context_menu(make_window):
    window = make_window(load_preset("seed-mlp"))
    view = graph(window)
    assert view.can_wrap(3)
    view.wrapRequested.emit(3)  # Linear 64 (128 → 64): the skip gets a projection
    exp = window.document.experiment
    assert "Add" in [layer.type for layer in exp.layers]
    assert window.document.report.error is None


# ---------------------------------------------------------------------------------------- selection and errors


def test_selection_follows_between_the_graph_the_table_and_the_editor(make_window, qtbot):
    window = make_window(load_preset("seed-mlp"))
    view = graph(window)
    point = viewport_point(window, view.graph_scene.blocks[3].pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.network_view.selected_row() == 3
    assert window.network_view.list.currentItem() is window.network_view.list.topLevelItem(3)
    assert window.layer_editor.row == 3
    window.network_view.set_mode(1)
    window.network_view.list.setCurrentItem(window.network_view.list.topLevelItem(1))
    assert view.graph_scene.selected_rows() == [1]
    assert window.layer_editor.row == 1
    window.network_view.set_mode(0)
    assert view.graph_scene.blocks[1].isSelected()


def test_an_add_of_different_shapes_is_red_with_the_reason_and_train_is_disabled(make_window):
    exp = Experiment(name="bad add", dataset=DatasetSpec("mnist"), layers=[
        LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 128}, id="a"),
        LayerSpec("Linear", {"units": 64}, id="b"), LayerSpec("Add", {}, inputs=["a", "b"]),
        LayerSpec("Linear", {"units": 10})])
    window = make_window(exp)
    report = window.document.report
    assert report.error is not None and report.error.index == 3
    block = graph(window).graph_scene.blocks[3]
    assert block.error and block.colors()[1].red() > 180  # a red border
    reason = window.train_blocker()
    assert reason and reason in block.toolTip()
    train = window.training_panel.train_button
    assert not train.isEnabled() and reason in train.toolTip()
    graph(window).blockHovered.emit(3)
    assert window.statusBar().currentMessage() == reason


def test_the_table_still_edits_a_branched_network_without_breaking_it(make_window):
    window = make_window(residual_mlp())
    before = edges(window.document.experiment)
    window.network_view.set_mode(1)
    window.network_view.select_row(1)
    window.duplicate_selected()
    exp = window.document.experiment
    assert network_graph(exp).ok and window.document.report.error is None
    assert len(edges(exp)) == len(before) + 1


# ---------------------------------------------------------------------------------------- view


def test_zoom_and_fit_to_view(make_window):
    window = make_window(residual_mlp())
    view = graph(window)
    start = view.zoom()
    view.zoom_in_action.trigger()
    assert view.zoom() > start
    view.zoom_out_action.trigger()
    view.zoom_out_action.trigger()
    assert view.zoom() < start
    view.fit_action.trigger()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    content = view.graph_scene.itemsBoundingRect()
    assert shown.contains(content)  # the whole network is in view


def test_a_50_block_network_stays_readable(make_window):
    exp = Experiment(name="deep", dataset=DatasetSpec("mnist"), layers=[LayerSpec("Flatten", {})] + [
        LayerSpec("Linear" if i % 2 == 0 else "ReLU", {"units": 32} if i % 2 == 0 else {}) for i in range(48)]
        + [LayerSpec("Linear", {"units": 10})])
    window = make_window(exp)
    view = graph(window)
    assert len(view.graph_scene.blocks) == 52
    assert view.zoom() >= 0.75  # drawn large enough to read; the column scrolls
    assert view.verticalScrollBar().maximum() > 0


def test_export_writes_a_png_and_an_svg_of_the_network(make_window, tmp_path, monkeypatch):
    window = make_window(load_preset("seed-mlp"))
    from PySide6.QtWidgets import QFileDialog

    for name in ("net.png", "net.svg"):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.export_diagram_action.trigger()
        assert target.exists() and target.stat().st_size > 1000
    image = QImage(str(tmp_path / "net.png"))
    assert image.height() > image.width() > 200  # a column of blocks, top to bottom
    svg = (tmp_path / "net.svg").read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Linear" in svg
    assert "saved" in window.statusBar().currentMessage()


def test_the_health_overlay_hook_tints_a_block_and_adds_to_its_tooltip(make_window):
    from PySide6.QtGui import QColor

    window = make_window(load_preset("seed-mlp"))
    block: BlockItem = graph(window).graph_scene.blocks[1]
    block.set_overlay(QColor("orange"), "gradients vanish here", 0.3)
    assert block.overlay_color == QColor("orange") and block.overlay_bar == 0.3
    assert block.toolTip().endswith("gradients vanish here")
    block.set_overlay(None, "", None)
    assert block.overlay_color is None and "gradients" not in block.toolTip()
    block.set_overlay(QColor("orange"), "gradients vanish here", 0.3)
    window.set_layer_param(1, "units", 100)  # an edit redraws the graph: overlays start afresh
    block = graph(window).graph_scene.blocks[1]
    assert "100" in block.title and block.overlay_color is None and block.overlay_bar is None


def test_ctrl_z_and_ctrl_y_undo_and_redo_a_graph_deletion(make_window, qtbot):
    window = make_window(load_preset("seed-mlp"))
    original = window.document.experiment
    view = graph(window)
    view.setFocus()
    view.graph_scene.blocks[2].setSelected(True)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    deleted = window.document.experiment
    assert len(deleted.layers) == len(original.layers) - 1
    from PySide6.QtGui import QKeySequence

    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    window.undo_action.trigger()  # what the shortcuts do (key presses reach them only in an active window)
    assert window.document.experiment == original and len(view.graph_scene.blocks) == len(original.layers) + 2
    window.redo_action.trigger()
    assert window.document.experiment == deleted


def test_a_frozen_block_is_grey_and_says_frozen(qtbot):
    from playground.core.experiment import Experiment, LayerSpec
    from playground.ui.graph.items import family_colors
    from playground.ui.graph.model import graph_data
    from playground.ui.graph.view import NetworkGraph

    exp = Experiment(layers=[LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 10, "bias": True}, frozen=True)])
    data = graph_data(exp, None)
    assert data.nodes[1].family == "frozen" and data.nodes[0].family != "frozen"
    assert family_colors("frozen", False) == family_colors("", False)  # the grey of Input and Output
    view = NetworkGraph()
    qtbot.addWidget(view)
    view.display(exp, None, "MNIST", "10 classes")
    assert "frozen" in view.graph_scene.blocks[1].detail and "frozen" not in view.graph_scene.blocks[0].detail
