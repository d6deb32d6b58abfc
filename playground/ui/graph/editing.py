"""The network's edits for the window: what the graph, the table and the palette ask for, made with the
engine's graph edits (`core/graph_edits.py`) and pushed through `document.apply_edit` (one undo step each).

An edit the engine refuses (a loop, a second input into a block that is not a merge, a residual block
whose shapes cannot meet) changes nothing and says why in the status bar. The same functions serve
straight networks, which the engine keeps straight (saved as format 1).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from playground.core import graph_edits
from playground.core.experiment import Experiment
from playground.core.graph import INPUT, GraphError, block_label, is_merge, network_graph
from playground.ui.graph.model import OUTPUT
from playground.ui.i18n import message_text
from playground.ui.palette import RESIDUAL_BLOCK
from playground.ui.settings import last_dir

STATUS_MS = 8000


class GraphEditing(QObject):
    statusMessage = Signal(str, int)  # text, milliseconds

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.view = window.network_view
        graph = self.view.graph
        for request, edit in ((graph.insertRequested, self.insert_on_arrow), (graph.moveRequested, self.move),
                              (graph.connectRequested, self.connect_blocks),
                              (graph.deleteRequested, self.delete_selection),
                              (graph.duplicateRequested, self.duplicate), (graph.insertNearRequested, self.insert_near),
                              (graph.wrapRequested, self.wrap)):
            request.connect(edit)
        graph.hintChanged.connect(lambda text: self.statusMessage.emit(text, STATUS_MS))
        graph.connect_problem = self.connect_problem
        graph.can_wrap = self.can_wrap

    # ------------------------------------------------------------------ helpers
    @property
    def experiment(self) -> Experiment:
        return self.document.experiment

    def _label(self, row: int) -> str:
        return block_label(row, "" if row == INPUT else self.experiment.layers[row].type)

    def _apply(self, text: str, make, select: int | None = None) -> bool:
        """Run an engine edit (`make()` → experiment, or (experiment, row)); a refusal goes to the status bar."""
        try:
            result = make()
        except (GraphError, IndexError, KeyError) as exc:
            problem = getattr(exc, "problem", None) or (exc.args[-1] if exc.args else str(exc))
            self.statusMessage.emit(message_text(problem), STATUS_MS)
            return False
        notes = []
        if isinstance(result, tuple):
            result, extra = result
            if isinstance(extra, int):
                select = extra
            else:
                notes = list(extra)
        self.document.apply_edit(text, result, select=select)
        if notes:
            self.statusMessage.emit(" ".join(message_text(n) for n in notes), STATUS_MS)
        return True

    # ------------------------------------------------------------------ inserting
    def insert(self, name: str, row: int | None = None) -> bool:
        """A palette block at list position `row` (the end when None): a click, or a drop on the table."""
        if name == RESIDUAL_BLOCK:
            return self._apply(self.tr("Add a residual block"),
                               lambda: graph_edits.residual_block(self.experiment, row))
        return self._apply(self.tr("Add {layer}").format(layer=name),
                           lambda: graph_edits.insert_block(self.experiment, name, row))

    def insert_on_arrow(self, name: str, source, target) -> bool:
        """A palette block dropped on the arrow source → target (graph keys: "input", rows, "output")."""
        src = INPUT if source == "input" else source
        dst = None if target == OUTPUT else target
        if name == RESIDUAL_BLOCK:
            at = None if dst is None else dst
            return self._apply(self.tr("Add a residual block"),
                               lambda: graph_edits.residual_block(self.experiment, at))
        return self._apply(self.tr("Add {layer}").format(layer=name),
                           lambda: graph_edits.insert_on_edge(self.experiment, name, src, dst))

    def insert_near(self, name: str, row: int, after: bool) -> bool:
        """Context menu → Insert before / after: on the arrow into `row`, or on the arrow out of it."""
        if not after:
            return self.insert(name, row)
        consumers = network_graph(self.experiment).consumers(row)
        target = consumers[0] if consumers else OUTPUT
        return self.insert_on_arrow(name, row, target)

    # ------------------------------------------------------------------ blocks
    def delete_selection(self) -> bool:
        """Delete the selected blocks and the selected arrows, as one undo step."""
        graph = self.view.graph
        rows = graph.graph_scene.selected_rows() if self.view.mode() == 0 else []
        edges = [(INPUT if s == "input" else s, t) for s, t in graph.graph_scene.selected_edges()
                 if isinstance(t, int)] if self.view.mode() == 0 else []
        if not rows and not edges:
            row = self.view.selected_row()
            rows = [row] if row >= 0 else []
        if not rows and not edges:
            return False

        def make():
            exp = self.experiment
            for src, dst in edges:
                if src not in rows and dst not in rows:
                    exp = graph_edits.disconnect(exp, src, dst)
            return graph_edits.delete_layers(exp, rows) if rows else exp

        if rows:
            text = (self.tr("Delete {layer}").format(layer=self._label(rows[0])) if len(rows) == 1
                    else self.tr("Delete {count} blocks").format(count=len(rows)))
        else:
            text = self.tr("Delete connection")
        remaining = len(self.experiment.layers) - len(rows)
        return self._apply(text, make, select=min(rows[0], remaining - 1) if rows else -1)

    def duplicate(self, row: int) -> bool:
        return self._apply(self.tr("Duplicate {layer}").format(layer=self._label(row)),
                           lambda: graph_edits.duplicate_layer(self.experiment, row))

    def move(self, source: int, target: int) -> bool:
        count = len(self.experiment.layers)
        if not (0 <= source < count and 0 <= target < count) or source == target:
            return False
        text = self.tr("Move {layer} up") if target < source else self.tr("Move {layer} down")
        return self._apply(text.format(layer=self.experiment.layers[source].type),
                           lambda: graph_edits.move_layer(self.experiment, source, target), select=target)

    def wrap(self, row: int) -> bool:
        """Context menu → Wrap in a residual block: the selected run of blocks (or this one) gets a skip."""
        rows = self.view.graph.graph_scene.selected_rows() or [row]
        first, last = min(rows), max(rows)
        return self._apply(self.tr("Wrap in a residual block"),
                           lambda: graph_edits.wrap_in_residual(self.experiment, first, last))

    def can_wrap(self, row: int) -> bool:
        layers = self.experiment.layers
        return (0 <= row < len(layers) and not is_merge(layers[row].type)
                and len(network_graph(self.experiment).sources(row)) == 1)

    # ------------------------------------------------------------------ connecting
    def connect_problem(self, source: int, target: int) -> str:
        """Why `source` cannot become an input of `target` ('' when it can): shown while dragging."""
        exp = self.experiment
        if graph_edits.would_cycle(exp, source, target):
            return self.tr("{source} comes after {target}: connecting them would make a loop, and data cannot "
                           "flow in a circle — connect to a block further down").format(
                source=self._label(source), target=self._label(target))
        if source in network_graph(exp).sources(target):
            return self.tr("{source} is already an input of {target}").format(
                source=self._label(source), target=self._label(target))
        return ""

    def connect_blocks(self, source: int, target: int) -> bool:
        return self._apply(self.tr("Connect {source} to {target}").format(
            source=self._label(source), target=self._label(target)),
            lambda: graph_edits.connect(self.experiment, source, target), select=target)

    # ------------------------------------------------------------------ export
    def export_diagram(self) -> None:
        """File → Export → Network diagram…: PNG for slides, SVG for anything that scales."""
        from playground.ui.graph.export import export_diagram

        name = (self.document.display_name().rsplit(".", 1)[0] or "network") + "-diagram.png"
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export network diagram"),
                                                   str(Path(last_dir()) / name), f"{png};;{svg}")
        if not path:
            return
        if not path.lower().endswith((".png", ".svg")):
            path += ".svg" if chosen == svg else ".png"
        try:
            export_diagram(self.view.graph.graph_scene, path)
        except OSError as exc:
            self.statusMessage.emit(self.tr("Could not write {path}: {reason} — choose another folder").format(
                path=path, reason=exc.strerror or exc), STATUS_MS)
            return
        self.statusMessage.emit(self.tr("Network diagram saved to {path}").format(path=path), STATUS_MS)
