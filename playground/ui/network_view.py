"""The network column: the graph (blocks and arrows, `graph/view.py`) or, as a compact toggle, the table
of layers in order with their output shape and parameter count; issues marked at the layer in both.

A dumb view: `display(experiment, report)` redraws it; a person's wishes leave as signals (insert a
palette block at a row, move a layer, select one; the graph's own in `self.graph`). The main window
(and `graph/editing.py`) turn them into undoable edits. Both show the same selection.
While a network trains, `show_health(payload)` (the health probe's) tints each row and block by its
gradient health and fills the Gradient column with a sparkline or a dead/saturated bar (see `health_style`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core.concepts import concept_key
from playground.core.experiment import Experiment, LayerSpec
from playground.core.layer_rules import format_shape
from playground.core.shapes import ShapeReport, trainable_parameters
from playground.ui.graph.view import NetworkGraph
from playground.ui.health_style import (
    HealthHistory,
    HealthLegend,
    format_value,
    layer_tooltip,
    paint_blocks,
    share_bar,
    sparkline,
    strong_color,
    tint,
)
from playground.ui.help_panel import set_concept
from playground.ui.i18n import catalog_text, data_text, help_hint, message_text
from playground.ui.palette import LAYER_MIME
from playground.ui.settings import settings

GRAPH, LIST = 0, 1  # the two faces of the network column

ERROR_BACKGROUND = QColor(255, 225, 225)
ERROR_TEXT = QColor(170, 0, 0)
WARNING_TEXT = QColor(150, 90, 0)
FROZEN_TEXT = QColor(125, 125, 125)
FROZEN_BACKGROUND = QColor(238, 238, 238)
_LOCK_ICON = None


def lock_icon():
    """A small grey padlock, drawn once (icon themes do not all have one)."""
    global _LOCK_ICON
    if _LOCK_ICON is None:
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap

        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(FROZEN_TEXT, 1.6))
        painter.drawArc(QRectF(4.5, 1.5, 7, 9), 0, 180 * 16)
        painter.drawLine(4, 6, 4, 8)
        painter.drawLine(12, 6, 12, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FROZEN_TEXT)
        painter.drawRoundedRect(QRectF(2.5, 7.5, 11, 7.5), 1.5, 1.5)
        painter.end()
        _LOCK_ICON = QIcon(pixmap)
    return _LOCK_ICON


def describe_layer(layer: LayerSpec, limit: int = 2) -> str:
    """'Linear (128)': the type and its first numeric settings (the editor and tooltip name them)."""
    layer_type = catalog.LAYERS[layer.type]
    shown = [f"{layer.params[p.name]:g}" for p in layer_type.params if p.kind != "bool"][:limit]
    return f"{layer.type} ({', '.join(shown)})" if shown else layer.type


class LayerList(QTreeWidget):
    """The rows; drops are reported, never applied here: the experiment stays the only truth."""

    insertRequested = Signal(str, int)  # catalog name, row to insert at
    moveRequested = Signal(int, int)  # from row, to row (final position)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(5)
        self.setHeaderLabels(["#", self.tr("Layer"), self.tr("Output"), self.tr("Parameters"), self.tr("Gradient")])
        self.headerItem().setToolTip(4, self.tr("While training: the gradient norm and its line over the run; "
                                                "for activations, the share of dead or saturated units"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.setIconSize(sparkline([]).size())
        self.setColumnHidden(4, True)  # shown once a run measures gradients

    def _accepts(self, event) -> bool:
        return event.source() is self or event.mimeData().hasFormat(LAYER_MIME)

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event):
            super().dragEnterEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts(event):
            super().dragMoveEvent(event)
            if event.source() is not self:
                event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._show_insertion(self.drop_row(event.position().toPoint()))
        else:
            event.ignore()
            self._show_insertion(-1)

    def dragLeaveEvent(self, event) -> None:
        super().dragLeaveEvent(event)
        self._show_insertion(-1)

    def insertion_y(self) -> int | None:
        """Where the insertion line is drawn while a block is dragged over the list (None: no drag)."""
        row = getattr(self, "_insertion_row", -1)
        if row < 0:
            return None
        count = self.topLevelItemCount()
        if count == 0:
            return 2
        if row < count:
            return self.visualItemRect(self.topLevelItem(row)).top()
        return self.visualItemRect(self.topLevelItem(count - 1)).bottom() + 1

    def _show_insertion(self, row: int) -> None:
        if row != getattr(self, "_insertion_row", -1):
            self._insertion_row = row
            self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        y = self.insertion_y()
        if y is not None:  # a line between the rows where the dragged block will go
            from PySide6.QtGui import QPainter, QPen

            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().highlight().color(), 3))
            painter.drawLine(4, y, self.viewport().width() - 4, y)
            painter.end()

    def drop_row(self, pos) -> int:
        """The row a drop at `pos` (viewport coordinates) inserts before."""
        item = self.itemAt(pos)
        if item is None:
            return self.topLevelItemCount()
        row = self.indexOfTopLevelItem(item)
        rect = self.visualItemRect(item)
        return row + 1 if pos.y() > rect.center().y() else row

    def dropEvent(self, event: QDropEvent) -> None:
        row = self.drop_row(event.position().toPoint())
        if event.mimeData().hasFormat(LAYER_MIME):
            self.insertRequested.emit(bytes(event.mimeData().data(LAYER_MIME)).decode(), row)
        elif event.source() is self and self.currentItem() is not None:
            source = self.indexOfTopLevelItem(self.currentItem())
            target = row - 1 if row > source else row
            if target != source:
                self.moveRequested.emit(source, target)
        self._show_insertion(-1)
        # the window redraws the list from the edited experiment; Qt must not move items itself
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()


class NetworkView(QWidget):
    selectionChanged = Signal(int)  # row, or -1
    freezeUpToRequested = Signal(int)  # row: it and every layer before it frozen, the rest learning
    unfreezeAllRequested = Signal()
    replaceHeadRequested = Signal()
    trainLayerRequested = Signal(int, bool)  # row, whether it learns

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.input_label = QLabel()
        self.input_label.setObjectName("networkInput")
        self.list = LayerList()
        self.list.setObjectName("layerList")
        self.graph = NetworkGraph()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.graph)
        self.stack.addWidget(self.list)
        self.mode_bar = self._make_mode_bar()
        self.insertRequested = self.list.insertRequested
        self.moveRequested = self.list.moveRequested
        self.total_label = QLabel()
        self.total_label.setObjectName("networkTotal")
        self.health = HealthHistory()
        self.health_legend = HealthLegend()
        self.health_legend.setVisible(False)
        self._health_timer = QTimer(self)  # samples arrive in bursts: repaint at most a few times a second
        self._health_timer.setSingleShot(True)
        self._health_timer.setInterval(200)
        self._health_timer.timeout.connect(self._apply_health)
        self.issues_label = QLabel()
        self.issues_label.setObjectName("networkIssues")
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextFormat(Qt.TextFormat.RichText)
        self.issues_label.linkActivated.connect(self._fix_link)  # "Add Flatten before it" in one click
        self.lock_label = QLabel(self.tr("Training — the network is locked until the run ends. Stop to edit."))
        self.lock_label.setObjectName("networkLockHint")
        self.lock_label.setWordWrap(True)
        self.lock_label.setVisible(False)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.lock_label)
        layout.addLayout(self.mode_bar)
        layout.addWidget(self.input_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.health_legend)
        layout.addWidget(self.total_label)
        layout.addWidget(self.issues_label)
        layout.addLayout(self.buttons)
        self.list.currentItemChanged.connect(self._current_changed)
        self.graph.selectionChanged.connect(self._graph_selection_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.report: ShapeReport | None = None
        self._frozen: list[bool] = []
        self.set_mode(LIST if settings().value("network/view", "graph") == "list" else GRAPH)

    def _make_mode_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(3)
        self.mode_buttons = QButtonGroup(self)
        for mode, text, tip, name in (
                (GRAPH, self.tr("Graph"), self.tr("The network as blocks and arrows: drag palette blocks onto an "
                                                  "arrow, connect blocks, right-click a block for more"),
                 "graphModeButton"),
                (LIST, self.tr("List"), self.tr("The network as a compact table of layers"), "listModeButton")):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(name)
            button.setCheckable(True)
            self.mode_buttons.addButton(button, mode)
            bar.addWidget(button)
        self.mode_buttons.idClicked.connect(self.set_mode)
        bar.addStretch(1)
        self.zoom_buttons = []
        for action, text in ((self.graph.zoom_out_action, "−"), (self.graph.zoom_in_action, "+"),
                             (self.graph.fit_action, self.tr("Fit"))):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setText(text)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            bar.addWidget(button)
            self.zoom_buttons.append(button)
        return bar

    def mode(self) -> int:
        return self.stack.currentIndex()

    def set_mode(self, mode: int) -> None:
        """The graph or the list; remembered for the next start."""
        self.stack.setCurrentIndex(mode)
        self.mode_buttons.button(mode).setChecked(True)
        for button in self.zoom_buttons:
            button.setVisible(mode == GRAPH)
        self.input_label.setVisible(mode == LIST)  # the graph draws its Input node
        settings().setValue("network/view", "list" if mode == LIST else "graph")
        if mode == GRAPH:
            self.graph.select_row(self.selected_row())

    def _graph_selection_changed(self, row: int) -> None:
        if row != self.selected_row():
            self.select_row(row)  # the list's currentItemChanged tells the window

    def context_menu(self, row: int) -> QMenu:
        """The layer's right-click menu (transfer learning): freeze up to it, unfreeze all, replace the head."""
        menu = QMenu(self)
        if 0 <= row < len(self._frozen):
            learn = menu.addAction(self.tr("Train this layer"))
            learn.setObjectName("trainLayerAction")
            learn.setCheckable(True)
            learn.setChecked(not self._frozen[row])
            learn.toggled.connect(lambda on: self.trainLayerRequested.emit(row, on))
            freeze = menu.addAction(self.tr("Freeze up to here"), lambda: self.freezeUpToRequested.emit(row))
            freeze.setObjectName("freezeUpToAction")
            freeze.setToolTip(self.tr("Layers 1 to {row} keep their weights while training; the rest learn").format(
                row=row + 1))
        unfreeze = menu.addAction(self.tr("Unfreeze all"), self.unfreezeAllRequested.emit)
        unfreeze.setObjectName("unfreezeAllAction")
        unfreeze.setEnabled(any(self._frozen))
        menu.addSeparator()
        head = menu.addAction(self.tr("Replace the head"), self.replaceHeadRequested.emit)
        head.setObjectName("replaceHeadAction")
        head.setToolTip(self.tr("Make the last Linear layer fit this dataset's classes, learning from a fresh "
                                "start"))
        menu.setToolTipsVisible(True)
        return menu

    def _context_menu(self, pos) -> None:
        if not self.list.isEnabled():
            return
        item = self.list.itemAt(pos)
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        self.context_menu(row).exec(self.list.viewport().mapToGlobal(pos))

    def set_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def _current_changed(self, current, _previous) -> None:
        row = self.list.indexOfTopLevelItem(current) if current is not None else -1
        self._set_concept(row)
        self.graph.select_row(row)
        self.selectionChanged.emit(row)

    def _set_concept(self, row: int) -> None:
        """F1 over the list explains the selected layer's type."""
        item = self.list.topLevelItem(row) if row >= 0 else None
        set_concept(self.list, concept_key("layer", item.data(1, Qt.ItemDataRole.UserRole)) if item else None)

    # ------------------------------------------------------------------ state
    def selected_row(self) -> int:
        item = self.list.currentItem()
        return self.list.indexOfTopLevelItem(item) if item is not None else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(row))
        else:
            self.list.setCurrentItem(None)
        self.graph.select_row(self.selected_row())

    def set_locked(self, locked: bool) -> None:
        self.lock_label.setVisible(locked)
        self.list.setEnabled(not locked)
        self.graph.set_locked(locked)

    def display(self, experiment: Experiment, report: ShapeReport | None, dataset_label: str = "") -> None:
        """Redraw from an experiment and its shape report (None while the engine is loading)."""
        self.report = report
        layers = [(layer.type, dict(layer.params)) for layer in experiment.layers]
        if layers != getattr(self, "_shown_layers", layers):
            self.health.clear()  # the figures belong to the network that was trained, not to an edited one
        self._shown_layers = layers
        selected = self.selected_row()
        self.list.blockSignals(True)
        self.list.clear()
        style = self.style()
        error_index = report.error.index if report is not None and report.error is not None else None
        warnings: dict[int, list[str]] = {}
        for issue in report.warnings if report is not None else []:
            if issue.index is not None:
                warnings.setdefault(issue.index, []).append(message_text(issue.message))
        for i, layer in enumerate(experiment.layers):
            row = report.layers[i] if report is not None and i < len(report.layers) else None
            if report is None:
                output, params = "…", "…"
            else:
                output = format_shape(row.output_shape) if row and row.output_shape else "—"
                params = f"{row.parameters:,}" if row and row.output_shape else "—"
            item = QTreeWidgetItem([str(i + 1), describe_layer(layer), output, params])
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setData(1, Qt.ItemDataRole.UserRole, layer.type)
            layer_type = catalog.LAYERS[layer.type]
            tip = "\n".join(t for t in (catalog_text(layer_type.summary), catalog_text(layer_type.formula),
                                         help_hint()) if t)
            if i == error_index:
                for col in range(5):
                    item.setBackground(col, QBrush(ERROR_BACKGROUND))
                    item.setForeground(col, QBrush(ERROR_TEXT))
                item.setIcon(1, style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
                tip = message_text(report.error.message)
            elif i in warnings:
                item.setIcon(1, style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                tip = "\n".join(warnings[i])
            if layer.frozen and i != error_index:  # locked and greyed: it keeps its weights while training
                for col in range(5):
                    item.setForeground(col, QBrush(FROZEN_TEXT))
                    item.setBackground(col, QBrush(FROZEN_BACKGROUND))
                if i not in warnings:
                    item.setIcon(1, lock_icon())
                tip = self.tr("Frozen: this layer keeps its weights (and a BatchNorm its statistics) while the "
                              "rest trains. Right-click → Unfreeze all, or tick Train this layer.") + "\n" + tip
            for col in range(5):
                item.setToolTip(col, tip)
            item.setData(0, Qt.ItemDataRole.UserRole, tip)  # the layer's own tooltip, under the health figures
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        self._frozen = [layer.frozen for layer in experiment.layers]
        dataset_label = data_text(dataset_label)
        if report is None:
            self.input_label.setText(self.tr("Input: {dataset} (loading PyTorch…)").format(dataset=dataset_label))
            self.total_label.setText("")
            self.issues_label.setText("")
        else:
            shape = format_shape(report.input_shape)
            self.input_label.setText(self.tr("Input: {shape} — {dataset}").format(shape=shape, dataset=dataset_label)
                                     if dataset_label else self.tr("Input: {shape}").format(shape=shape))
            trainable, frozen = trainable_parameters(report, experiment.layers)
            if frozen:
                self.total_label.setText("<b>" + self.tr("Total: {trainable} trainable, {frozen} frozen "
                                                         "parameters").format(
                    trainable=f"{trainable:,}", frozen=f"{frozen:,}") + "</b>")
            else:
                self.total_label.setText("<b>" + self.tr("Total: {count} trainable parameters").format(
                    count=f"{report.total_parameters:,}") + "</b>")
            lines = []
            if report.error is not None:
                lines.append(f"<span style='color:{ERROR_TEXT.name()}'>✖ {_html(message_text(report.error.message))}"
                             f"</span>{self._fix_text(report.error)}")
            lines += [f"<span style='color:{WARNING_TEXT.name()}'>⚠ {_html(message_text(w.message))}</span>"
                      f"{self._fix_text(w)}" for w in report.warnings]
            self.issues_label.setText("<br>".join(lines))
            self.issues_label.setVisible(bool(lines))
        self.graph.display(experiment, report, dataset_label, self.output_text(experiment))
        self.select_row(min(selected, len(experiment.layers) - 1))
        self._error_row = error_index
        self._apply_health()

    # ------------------------------------------------------------------ gradient health
    def show_health(self, payload) -> None:
        """A health probe payload: "start" clears the last run's figures, "sample" and "epoch" add figures."""
        if not isinstance(payload, dict) or "error" in payload:
            return
        kind = payload.get("kind")
        if kind == "start":
            self.clear_health()
        elif kind == "sample":
            self.health.add(payload.get("layers", []))
            if not self._health_timer.isActive():
                self._health_timer.start()

    def clear_health(self) -> None:
        self.health.clear()
        self._apply_health()

    def row_tint(self, row: int) -> QColor | None:
        """The health colour drawn behind a row (None: not tinted)."""
        item = self.list.topLevelItem(row)
        if item is None:
            return None
        brush = item.background(1)
        return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None

    def _apply_health(self) -> None:
        has_health = bool(self.health)
        self.list.setColumnHidden(4, not has_health)
        self.health_legend.setVisible(has_health)
        base = self.list.palette().base().color()
        text = self.list.palette().text().color()
        error_row = getattr(self, "_error_row", None)
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            layer = self.health.latest.get(row)
            if row == error_row:
                continue
            tip = item.data(0, Qt.ItemDataRole.UserRole) or ""
            if layer is None:
                frozen = row < len(self._frozen) and self._frozen[row]  # greyed, as display() drew it
                for col in range(5):
                    item.setBackground(col, QBrush(FROZEN_BACKGROUND) if frozen and col < 4 else QBrush())
                    item.setForeground(col, QBrush(FROZEN_TEXT) if frozen and col < 4 else QBrush())
                    item.setToolTip(col, tip)
                item.setIcon(4, QIcon())
                item.setText(4, "")
                continue
            position = self.health.position(row)
            color = tint(position, base)
            for col in range(5):
                item.setBackground(col, QBrush(color) if color is not None else QBrush())
                item.setForeground(col, QBrush(text) if color is not None else QBrush())  # readable while locked
                item.setToolTip(col, layer_tooltip(layer, position) + "\n\n" + tip)
            if layer.grad_norm is not None:
                item.setIcon(4, QIcon(sparkline(self.health.grad_history.get(row, []),
                                                color=strong_color(position or 0.0).darker(150))))
                item.setText(4, format_value(layer.grad_norm, 2))
            else:
                share = layer.dead_fraction if layer.dead_fraction is not None else layer.saturated_fraction
                item.setIcon(4, QIcon(share_bar(share or 0.0)))
                item.setText(4, f"{share or 0.0:.0%}")  # the tooltip and the legend say dead or saturated
        self.health_legend.show_advice(self.health)
        # the same figures on the graph's blocks (a redraw clears their overlays: this puts them back)
        paint_blocks({key: block for key, block in self.graph.graph_scene.blocks.items()
                      if isinstance(key, int) and key >= 0}, self.health)

    def output_text(self, experiment: Experiment) -> str:
        """What the Output node says: the classes, or the numbers a regression predicts."""
        from playground.data import registry

        try:
            info = registry.dataset_info(experiment.dataset)
        except Exception:  # noqa: BLE001 — a CSV that cannot be read right now: the node just says less
            return ""
        if info.num_classes:
            return self.tr("{count} classes").format(count=info.num_classes)
        if info.output_size == 1:
            return self.tr("1 number (regression)")
        return self.tr("{count} numbers (regression)").format(count=info.output_size)

    def _fix_text(self, issue) -> str:
        fix = getattr(issue, "fix", None)
        if not fix:
            return ""
        name, row = fix
        return " <a href='fix:{name}:{row}'>{text}</a>".format(
            name=name, row=row, text=_html(self.tr("Add {layer} there").format(layer=name)))

    def _fix_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        name, _, row = rest.partition(":")
        if kind == "fix" and name in catalog.LAYERS and row.isdigit():
            self.insertRequested.emit(name, int(row))

    def row_is_marked_error(self, row: int) -> bool:
        item = self.list.topLevelItem(row)
        return item is not None and item.foreground(1).color() == ERROR_TEXT


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
