"""`networkGraph`: the network drawn as blocks and arrows, and the gestures that edit it.

A dumb view like the table: `display(...)` redraws it; what a person does leaves as signals (insert a
palette block on an arrow, move a block, connect two blocks, delete, the context menu's entries), and
`graph/editing.py` turns them into undoable edits of the document. Wheel or Ctrl +/− zoom, Ctrl+0 fits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsView,
    QMenu,
    QToolTip,
    QWidget,
)

from playground.core import catalog
from playground.core.experiment import Experiment
from playground.core.shapes import ShapeReport
from playground.ui.graph.items import BlockItem, EdgeItem
from playground.ui.graph.model import INPUT, OUTPUT, graph_data
from playground.ui.graph.scene import NetworkScene
from playground.ui.i18n import catalog_text, message_text
from playground.ui.palette import LAYER_MIME

MIN_SCALE, MAX_SCALE = 0.15, 3.0
ZOOM_STEP = 1.2
AUTO_FIT_RANGE = (0.5, 1.0)  # after an edit the network is fitted, but never drawn smaller than this
READABLE = 0.8  # a tall network is drawn at least this large and scrolls


class NetworkGraph(QGraphicsView):
    selectionChanged = Signal(int)  # the first selected layer's row, or -1
    insertRequested = Signal(str, object, object)  # catalog name, the arrow's source and target keys
    moveRequested = Signal(int, int)  # from row, to row (straight networks)
    connectRequested = Signal(int, int)  # source row (-1: the Input), target row (a merge block)
    deleteRequested = Signal()  # the selection: blocks and arrows
    duplicateRequested = Signal(int)
    insertNearRequested = Signal(str, int, bool)  # catalog name, row, after (else before)
    wrapRequested = Signal(int)  # wrap this row in a residual block
    hintChanged = Signal(str)  # a line for the status bar ("" clears it)
    blockHovered = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkGraph")
        self.graph_scene = NetworkScene(self)
        self.setScene(self.graph_scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setMinimumWidth(240)
        self.experiment: Experiment | None = None
        self.report: ShapeReport | None = None
        self.locked = False
        self.user_zoomed = False  # after the person zooms, edits keep their zoom instead of fitting
        # (source, target) → why they cannot be joined ("" when they can); graph/editing.py sets the engine's
        self.connect_problem: Callable[[int, int], str] = lambda _s, _t: ""
        self.can_wrap: Callable[[int], bool] = lambda _row: False
        self._drop_edge: EdgeItem | None = None
        self._press_block: BlockItem | None = None
        self._press_pos: QPointF | None = None
        self._connect_from: BlockItem | None = None
        self._connect_line: QGraphicsLineItem | None = None
        self.graph_scene.selectionChanged.connect(self._selection_changed)
        self.blockHovered.connect(self._hovered)
        self._make_actions()

    def _make_actions(self) -> None:
        def action(text, slot, keys, name):
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.zoom_in_action = action(self.tr("Zoom in"), self.zoom_in, ["Ctrl++", "Ctrl+="], "zoomInAction")
        self.zoom_out_action = action(self.tr("Zoom out"), self.zoom_out, ["Ctrl+-"], "zoomOutAction")
        self.fit_action = action(self.tr("Fit to view"), self.fit_to_view, ["Ctrl+0"], "fitAction")
        self.zoom_in_action.setToolTip(self.tr("Zoom in (Ctrl++, or the mouse wheel)"))
        self.zoom_out_action.setToolTip(self.tr("Zoom out (Ctrl+−, or the mouse wheel)"))
        self.fit_action.setToolTip(self.tr("Show the whole network (Ctrl+0)"))

    # ------------------------------------------------------------------ drawing
    def display(self, experiment: Experiment, report: ShapeReport | None, input_label: str,
                output_text: str) -> None:
        self.experiment, self.report = experiment, report
        self.graph_scene.blockSignals(True)
        self.graph_scene.show(graph_data(experiment, report), experiment, input_label, output_text)
        self.graph_scene.blockSignals(False)
        if not self.user_zoomed:
            self.fit_to_view(auto=True)
        self.ensure_selection_visible()

    def set_locked(self, locked: bool) -> None:
        """While training, the graph can be looked at, zoomed and selected, not edited."""
        self.locked = locked
        for block in self.graph_scene.blocks.values():
            block.setFlag(BlockItem.GraphicsItemFlag.ItemIsMovable, not locked and block.kind == "layer")

    # ------------------------------------------------------------------ selection
    def selected_row(self) -> int:
        rows = self.graph_scene.selected_rows()
        return rows[0] if rows else -1

    def select_row(self, row: int) -> None:
        if row == self.selected_row() and len(self.graph_scene.selectedItems()) <= 1:
            return
        self.graph_scene.blockSignals(True)
        self.graph_scene.select_keys([row] if row in self.graph_scene.blocks else [])
        self.graph_scene.blockSignals(False)
        self.graph_scene.update()
        self.ensure_selection_visible()

    def ensure_selection_visible(self) -> None:
        rows = self.graph_scene.selected_rows()
        if rows and rows[0] in self.graph_scene.blocks:
            self.ensureVisible(self.graph_scene.blocks[rows[0]], 20, 20)

    def _selection_changed(self) -> None:
        self.selectionChanged.emit(self.selected_row())

    def _hovered(self, key) -> None:
        block = self.graph_scene.blocks.get(key)
        if block is not None and block.error and self.report is not None and self.report.error is not None:
            self.hintChanged.emit(message_text(self.report.error.message))

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_SCALE, min(MAX_SCALE, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())

    def zoom_in(self) -> None:
        self.user_zoomed = True
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.user_zoomed = True
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_to_view(self, auto: bool = False) -> None:
        """The whole network in view; `auto` (after an edit) never shrinks it below readable size."""
        rect = self.graph_scene.content_rect()
        if rect.isEmpty():
            return
        viewport = self.viewport().rect().adjusted(4, 4, -4, -4)
        across, down = viewport.width() / rect.width(), viewport.height() / rect.height()
        factor = min(across, down)
        if auto:  # the whole width when it can be read; a tall network scrolls down instead of shrinking
            factor = max(AUTO_FIT_RANGE[0], min(AUTO_FIT_RANGE[1], across, down if down >= READABLE else 1.0))
        else:
            self.user_zoomed = False
            factor = max(MIN_SCALE, min(MAX_SCALE, factor))
        self.resetTransform()
        self.scale(factor, factor)
        if auto and factor > min(across, down):
            self.ensureVisible(rect.left(), rect.top(), 10, 10)  # the top: where the data comes in
        else:
            self.centerOn(rect.center())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # Shift+wheel scrolls
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.user_zoomed = True
            self.set_zoom(self.zoom() * ZOOM_STEP ** steps)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.user_zoomed:
            self.fit_to_view(auto=True)

    # ------------------------------------------------------------------ palette drops: insert on an arrow
    def _drop_target(self, pos) -> EdgeItem | None:
        """The arrow under (or nearest to) the pointer; far from all of them, the arrow into Output."""
        scene_pos = self.mapToScene(pos)
        edge = self.graph_scene.edge_near(scene_pos, 40 / max(self.zoom(), 0.1))
        if edge is None:
            edge = next((e for e in self.graph_scene.edges if e.target == OUTPUT), None)
        return edge

    def _set_drop_edge(self, edge: EdgeItem | None) -> None:
        if self._drop_edge is not None and self._drop_edge.scene() is not None:
            self._drop_edge.set_highlight(False)
        self._drop_edge = edge
        if edge is not None:
            edge.set_highlight(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(LAYER_MIME) and not self.locked:
            event.acceptProposedAction()
            self._set_drop_edge(self._drop_target(event.position().toPoint()))
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(LAYER_MIME) and not self.locked:
            self._set_drop_edge(self._drop_target(event.position().toPoint()))
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_edge(None)
        event.accept()

    def dropEvent(self, event) -> None:
        edge = self._drop_target(event.position().toPoint())
        self._set_drop_edge(None)
        if edge is not None and event.mimeData().hasFormat(LAYER_MIME):
            name = bytes(event.mimeData().data(LAYER_MIME)).decode()
            self.insertRequested.emit(name, edge.source, edge.target)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    # ------------------------------------------------------------------ mouse: move and connect
    def mousePressEvent(self, event) -> None:
        scene_pos = self.mapToScene(event.position().toPoint())
        block = self.graph_scene.block_at(scene_pos)
        if (event.button() == Qt.MouseButton.LeftButton and block is not None and not self.locked
                and block.near_output_port(scene_pos)):
            self._start_connecting(block)
            event.accept()
            return
        self._press_block = block if block is not None and block.kind == "layer" else None
        self._press_pos = block.pos() if self._press_block is not None else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._connect_from is not None:
            self._connecting_to(event.position().toPoint())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._connect_from is not None:
            self._finish_connecting(event.position().toPoint())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        block, start = self._press_block, self._press_pos
        self._press_block = self._press_pos = None
        if block is None or start is None or block.scene() is None or block.pos() == start:
            return
        self._block_dropped(block, start)

    def _block_dropped(self, block: BlockItem, start: QPointF) -> None:
        """A dragged block: in a straight network its new height picks its new place; otherwise (or when it
        stays in place) the layout puts it back — the arrangement of a graph is automatic."""
        data = self.graph_scene.data
        moved = [b for b in self.graph_scene.blocks.values() if b.isSelected() and b is not block] + [block]
        if data is not None and data.straight and len(moved) == 1:
            rows = sorted((b for b in self.graph_scene.blocks.values() if b.kind == "layer"),
                          key=lambda b: (b.pos().y(), b is not block))
            target = rows.index(block)
            if target != block.key:
                self.moveRequested.emit(block.key, target)
                return
        delta = start - block.pos()
        for b in moved:
            b.setPos(b.pos() + delta)

    def _start_connecting(self, block: BlockItem) -> None:
        self._connect_from = block
        start = block.output_port()
        self._connect_line = QGraphicsLineItem(start.x(), start.y(), start.x(), start.y())
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
        self._connect_line.setPen(pen)
        self._connect_line.setZValue(5)
        self.graph_scene.addItem(self._connect_line)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def _source_row(self) -> int:
        key = self._connect_from.key
        return -1 if key == INPUT else key

    def connection_problem(self, source: int, target_block: BlockItem | None) -> str:
        """Why the drag cannot end on `target_block` ("" when it can)."""
        if target_block is None or target_block.kind != "layer":
            return self.tr("Drop on the top of an Add or Concat block to join the two paths")
        if not target_block.merge:
            return self.tr("Only merge blocks (Add, Concat) take a second input — add one from the palette's "
                           "Merge group, then connect to it")
        if target_block.key == source:
            return self.tr("A block cannot read its own output")
        return self.connect_problem(source, target_block.key)

    def _connecting_to(self, pos) -> None:
        scene_pos = self.mapToScene(pos)
        line = self._connect_line.line()
        self._connect_line.setLine(line.x1(), line.y1(), scene_pos.x(), scene_pos.y())
        target = self.graph_scene.block_at(scene_pos)
        if target is None or target is self._connect_from:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            QToolTip.hideText()
            return
        problem = self.connection_problem(self._source_row(), target)
        self.viewport().setCursor(Qt.CursorShape.ForbiddenCursor if problem else Qt.CursorShape.DragLinkCursor)
        if problem:
            QToolTip.showText(self.viewport().mapToGlobal(pos), problem, self.viewport())
        else:
            QToolTip.hideText()
        self.hintChanged.emit(problem)

    def _finish_connecting(self, pos) -> None:
        source = self._source_row()
        target = self.graph_scene.block_at(self.mapToScene(pos))
        self.graph_scene.removeItem(self._connect_line)
        self._connect_line = None
        self._connect_from = None
        self.viewport().unsetCursor()
        QToolTip.hideText()
        if target is None:
            return
        problem = self.connection_problem(source, target)
        if problem:
            self.hintChanged.emit(problem)
        else:
            self.hintChanged.emit("")
            self.connectRequested.emit(source, target.key)

    # ------------------------------------------------------------------ keys and the context menu
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.locked:
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        scene_pos = self.mapToScene(event.pos())
        block = self.graph_scene.block_at(scene_pos)
        menu = QMenu(self)
        if block is not None and block.kind == "layer" and not self.locked:
            if not block.isSelected():
                self.graph_scene.clearSelection()
                block.setSelected(True)
            self.build_block_menu(menu, block.key)
        else:
            edge = next((i for i in self.items(event.pos()) if isinstance(i, EdgeItem)), None)
            if edge is not None and edge.flags() & EdgeItem.GraphicsItemFlag.ItemIsSelectable and not self.locked:
                self.graph_scene.clearSelection()
                edge.setSelected(True)
                menu.addAction(self.tr("Delete connection"), self.deleteRequested.emit)
                menu.addSeparator()
            menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        menu.exec(event.globalPos())

    def build_block_menu(self, menu: QMenu, row: int) -> None:
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicateRequested.emit(row))
        menu.addAction(self.tr("Delete"), self.deleteRequested.emit)
        for text, after in ((self.tr("Insert before"), False), (self.tr("Insert after"), True)):
            sub = menu.addMenu(text)
            for group in catalog.LAYER_GROUPS:
                group_menu = sub.addMenu(catalog_text(group))
                for layer_type in catalog.layers_in_group(group):
                    group_menu.addAction(layer_type.name, lambda n=layer_type.name, a=after:
                                         self.insertNearRequested.emit(n, row, a))
        menu.addSeparator()
        wrap = menu.addAction(self.tr("Wrap in a residual block"), lambda: self.wrapRequested.emit(row))
        wrap.setEnabled(self.can_wrap(row))
        wrap.setToolTip(self.tr("Add a skip connection around this block: its input is added to its output"))
        menu.setToolTipsVisible(True)


def scene_point(view: QGraphicsView, key) -> QPointF:
    """Where a block sits, in the view's viewport coordinates (for tests and the tutorial)."""
    return view.mapFromScene(view.scene().blocks[key].pos())



