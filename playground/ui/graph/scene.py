"""The graph's scene: blocks and arrows made from `model.GraphData`, placed by `layout.layered_layout`.

`show(...)` redraws everything from the data (reusing the items of blocks and arrows that are still there) (a 50-block network takes a few milliseconds; see benchmarks/graph.py);
the selection survives by key. The scene holds no edit logic: the view turns gestures into requests.
"""

from __future__ import annotations

import functools

import shiboken6
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene, QToolTip

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec
from playground.core.layer_rules import format_shape
from playground.ui.graph.items import BLOCK_HEIGHT, BLOCK_WIDTH, PORT_RADIUS, BlockItem, EdgeItem
from playground.ui.graph.layout import layered_layout
from playground.ui.graph.model import INPUT, OUTPUT, GraphData
from playground.ui.i18n import catalog_text, help_hint, message_text

GAP = 56.0  # between columns of blocks: room for the shape labels
LANE = 26.0  # a column that only holds skip arrows
ROW = BLOCK_HEIGHT + 34.0  # room for the shape label on the arrow between rows
MARGIN = 24.0


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class NetworkScene(QGraphicsScene):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkScene")
        self.blocks: dict[object, BlockItem] = {}
        self.edges: list[EdgeItem] = []
        self.data: GraphData | None = None
        self._content = QRectF()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # ~100 items: rebuilt often, few hits
        self.apply_palette()

    def apply_palette(self) -> None:
        self.setBackgroundBrush(QApplication.palette().color(QPalette.ColorRole.Base))

    # ------------------------------------------------------------------ texts
    def key_setting(self, layer: LayerSpec) -> str:
        """The setting that tells this block apart: units, filters and kernel, p, the hidden size…"""
        layer_type = catalog.LAYERS.get(layer.type)
        if layer_type is None:
            return ""
        p = layer_type.complete(layer.params)
        if layer.type == "Linear":
            return self.tr("{units} units").format(units=p["units"])
        if layer.type == "Conv2d":
            text = self.tr("{filters} filters, {k}×{k}").format(filters=p["out_channels"], k=p["kernel_size"])
            if p.get("stride", 1) > 1:
                text += self.tr(", stride {stride}").format(stride=p["stride"])
            return text
        if layer.type in ("MaxPool2d", "AvgPool2d"):
            return f"{p['kernel_size']}×{p['kernel_size']}"
        if layer.type == "Dropout":
            return f"p = {_number(p['p'])}"
        if layer.type in ("RNN", "LSTM", "GRU"):
            text = self.tr("hidden {size}").format(size=p["hidden_size"])
            if p.get("num_layers", 1) > 1:
                text += f" ×{p['num_layers']}"
            return text
        shown = [_number(p[s.name]) for s in layer_type.params if s.kind != "bool"][:2]
        return ", ".join(shown)

    def block_texts(self, layer: LayerSpec, node) -> tuple[str, str]:
        setting = self.key_setting(layer)
        title = f"{layer.type} · {setting}" if setting else layer.type
        if node.shape is None:
            detail = "—"
        elif node.parameters:
            detail = self.tr("→ {shape} · {count} parameters").format(shape=format_shape(node.shape),
                                                                     count=f"{node.parameters:,}")
        else:
            detail = f"→ {format_shape(node.shape)}"
        if layer.frozen:  # greyed (model.graph_data) and said: it keeps its weights while the rest trains
            detail = self.tr("{detail} · frozen").format(detail=detail)
        return title, detail

    def block_tooltip(self, layer: LayerSpec, node, title: str) -> str:
        layer_type = catalog.LAYERS.get(layer.type)
        lines = [f"#{node.key + 1} {title}"]
        if node.error is not None:
            lines.append("✖ " + message_text(node.error))
        lines += ["⚠ " + message_text(w) for w in node.warnings]
        if layer_type is not None:
            lines += [t for t in (catalog_text(layer_type.summary), catalog_text(layer_type.formula)) if t]
        lines.append(self.tr("Drag to move · drag from the bottom port to a merge block to connect · "
                             "right-click for more"))
        lines.append(help_hint())
        return "\n".join(lines)

    # ------------------------------------------------------------------ building
    def show(self, data: GraphData, experiment: Experiment, input_label: str, output_text: str) -> None:
        """Rebuild from `data` (see model.graph_data); keeps the selected blocks and arrows selected."""
        selected = self.selected_keys()
        # blocks and arrows are reused by key (an edit changes a few; making and deleting ~100 Python-backed
        # items costs more than the rest of the rebuild together)
        old_blocks = {k: b for k, b in self.blocks.items() if shiboken6.isValid(b) and b.scene() is self}
        old_edges = {(e.source, e.target): e for e in reversed(self.edges) if shiboken6.isValid(e) and e.scene() is self}
        self.blocks, self.edges, self.data = {}, [], data
        self.apply_palette()
        layout = layered_layout(list(data.nodes), [(e.source, e.target) for e in data.edges])
        xs = _column_centres(layout)
        for key, node in data.nodes.items():
            if node.kind == "input":
                shape = format_shape(node.shape) if node.shape is not None else "…"
                title, detail = self.tr("Input"), f"{input_label} · {shape}" if input_label else shape
                tip = self.tr("The network's input: {dataset}, each sample {shape}").format(
                    dataset=input_label, shape=shape)
            elif node.kind == "output":
                title, detail = self.tr("Output"), output_text
                tip = output_text + (("\n✖ " + message_text(node.error)) if node.error is not None else "")
            else:
                layer = experiment.layers[key]
                title, detail = self.block_texts(layer, node)
                tip = functools.partial(self.block_tooltip, layer, node, title)
            item = old_blocks.pop(key, None)
            if item is None:
                item = BlockItem(key, node.kind, node.family, title, detail, tip, node.error is not None,
                                 bool(node.warnings), node.merge)
                self.addItem(item)
            else:
                item.set_content(node.family, title, detail, tip, node.error is not None, bool(node.warnings),
                                 node.merge)
            column, row = layout.position[key]
            item.setPos(xs[column], MARGIN + BLOCK_HEIGHT / 2 + row * ROW)
            self.blocks[key] = item
        labelled: set = set()  # arrows leaving the same port carry the same tensor: label it once
        for edge in data.edges:
            source, target = self.blocks[edge.source], self.blocks[edge.target]
            points = [source.output_port() + QPointF(0, PORT_RADIUS)]
            for column, row in layout.waypoints.get((edge.source, edge.target), []):
                x = xs[column]
                y = MARGIN + BLOCK_HEIGHT / 2 + row * ROW
                points += [QPointF(x, y - BLOCK_HEIGHT / 2), QPointF(x, y + BLOCK_HEIGHT / 2)]
            points.append(target.input_port() - QPointF(0, PORT_RADIUS))
            label = format_shape(edge.shape) if edge.shape is not None and edge.source not in labelled else ""
            labelled.add(edge.source)
            tip = functools.partial(self.edge_tooltip, edge)
            item = old_edges.pop((edge.source, edge.target), None)
            if item is None:
                item = EdgeItem(edge.source, edge.target, points, label, edge.explicit, tip)
                self.addItem(item)
            else:
                item.set_route(points, label, edge.explicit, tip)
            self.edges.append(item)
        for item in [*old_blocks.values(), *old_edges.values()]:  # what the edit took away
            self.removeItem(item)
        self._content = self.itemsBoundingRect().adjusted(-12, -12, 12, 12)
        self.setSceneRect(self._content)
        self.select_keys(selected)

    def edge_tooltip(self, edge) -> str:
        tip = self.tr("{shape} from {source} to {target}").format(
            shape=format_shape(edge.shape) if edge.shape is not None else "?", source=self.node_name(edge.source), target=self.node_name(edge.target))
        if edge.explicit:
            tip += "\n" + self.tr("Select and press Delete to remove this connection")
        return tip

    def helpEvent(self, event) -> None:  # noqa: N802 — Qt's name
        """Tooltips of blocks and arrows, made when first asked for (see BlockItem.toolTip)."""
        for item in self.items(event.scenePos()):
            if isinstance(item, BlockItem | EdgeItem):
                QToolTip.showText(event.screenPos(), item.toolTip(), event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()

    def node_name(self, key) -> str:
        if key == INPUT:
            return self.tr("Input")
        if key == OUTPUT:
            return self.tr("Output")
        return f"{self.blocks[key].title.split(' · ')[0]} #{key + 1}" if key in self.blocks else str(key)

    # ------------------------------------------------------------------ selection
    def selected_keys(self) -> list:
        keys: list = []
        for item in self.selectedItems():
            keys.append(item.key if isinstance(item, BlockItem) else (item.source, item.target))
        return keys

    def select_keys(self, keys: list) -> None:
        wanted = set(keys)
        for key, block in self.blocks.items():
            block.setSelected(key in wanted)
        for edge in self.edges:
            edge.setSelected((edge.source, edge.target) in wanted)

    def selected_rows(self) -> list[int]:
        return sorted(item.key for item in self.selectedItems()
                      if isinstance(item, BlockItem) and isinstance(item.key, int))

    def selected_edges(self) -> list[tuple[object, object]]:
        return [(item.source, item.target) for item in self.selectedItems() if isinstance(item, EdgeItem)]

    def content_rect(self) -> QRectF:
        return QRectF(self._content)

    def edge_near(self, scene_pos: QPointF, distance: float = 30.0) -> EdgeItem | None:
        """The arrow closest to `scene_pos` within `distance` (a drop target), else None."""
        best, best_d = None, distance
        for edge in self.edges:
            d = _distance_to_path(edge.points, scene_pos)
            if d < best_d:
                best, best_d = edge, d
        return best

    def block_at(self, scene_pos: QPointF) -> BlockItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, BlockItem):
                return item
        return None


def _column_centres(layout) -> dict[float, float]:
    """The x of each column's centre: columns with blocks are a block wide, those with only skip arrows a lane."""
    blocks = {column for column, _row in layout.position.values()}
    columns = sorted(blocks | {c for bends in layout.waypoints.values() for c, _row in bends})
    centres, x, previous = {}, MARGIN, None
    for column in columns:
        width = BLOCK_WIDTH if column in blocks else LANE
        if previous is not None:
            x += GAP if column in blocks and previous in blocks else 12.0
        centres[column] = x + width / 2
        x += width
        previous = column
    return centres


def _distance_to_path(points: list[QPointF], p: QPointF) -> float:
    best = float("inf")
    for a, b in zip(points, points[1:], strict=False):
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length))
        x, y = a.x() + t * dx - p.x(), a.y() + t * dy - p.y()
        best = min(best, (x * x + y * y) ** 0.5)
    return best



