"""The network as a directed acyclic graph: which block reads which.

An experiment's layers are a list. A layer without `inputs` reads the layer before it (layer 0
reads the Input), so a plain stack needs no ids at all and saves exactly as format 1. A layer
may instead name the blocks it reads (`"inputs": ["skip1", "body2"]`, ids of other layers, or
`"input"` for the network's input); merge blocks (Add, Concat) read two or more. The last layer
is the network's output.

`network_graph(experiment)` resolves those references into index pairs. It never raises for a
broken graph: the problems (an unknown or duplicate id, a cycle, a block with no path from the
Input, a merge with one input, a block whose output goes nowhere) are in `graph.problems`, each
with the layer's index and a readable message, so the window can draw the broken graph with the
culprit red. `graph.check()` (and `checked_graph`) raise the first one as a `GraphError`.
Qt-free and torch-free.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec
from playground.core.fields import ExperimentError
from playground.i18n import QT_TRANSLATE_NOOP, Message

INPUT = -1  # the Input node's index
INPUT_ID = "input"  # how `inputs` names the network's input
MERGE_GROUP = "Merge"


class GraphError(ExperimentError):
    """A network whose blocks are not joined into one valid graph; `index` is the block at fault
    (None for the whole network), the message (a translatable `Message`) says what to do."""

    def __init__(self, index: int | None, message: str):
        self.index = index
        super().__init__(f"layers[{index}].inputs" if index is not None else "layers", message)


def is_merge(type_name: str) -> bool:
    """Whether blocks of this type join two or more inputs (Add, Concat)."""
    layer_type = catalog.LAYERS.get(type_name)
    return layer_type is not None and layer_type.is_merge


def block_label(index: int, type_name: str) -> str:
    """How messages name a block: 'Linear #4' (1-based, as the network view shows it), or 'Input'."""
    return "Input" if index == INPUT else f"{type_name} #{index + 1}"


def _msg(template: str, **values: object) -> Message:
    return Message("Graph", template, **values)


@dataclass
class Problem:
    index: int | None
    message: str  # a Message


@dataclass
class NetworkGraph:
    """The layers of an experiment joined into a graph. Nodes are layer indices and `INPUT` (-1)."""

    layers: list[LayerSpec]
    ids: dict[str, int] = field(default_factory=dict)  # id → index (the first, if one is duplicated)
    _sources: list[list[int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # a topological order of the blocks that have one

    # ------------------------------------------------------------------ structure
    def __len__(self) -> int:
        return len(self.layers)

    @property
    def nodes(self) -> list[int]:
        return [INPUT, *range(len(self.layers))]

    @property
    def output(self) -> int:
        """The block whose output is the network's output (the last layer), INPUT if there are none."""
        return len(self.layers) - 1

    def sources(self, index: int) -> list[int]:
        """The blocks `index` reads from, in order (INPUT for the network's input); unknown ids are left out."""
        return [] if index == INPUT else list(self._sources[index])

    def consumers(self, index: int) -> list[int]:
        """The blocks that read `index`'s output, in list order (a block reading it twice counts once)."""
        return [i for i, srcs in enumerate(self._sources) if index in srcs]

    @property
    def edges(self) -> list[tuple[int, int]]:
        """(source, destination) pairs, in the destinations' list order then the input order."""
        return [(src, dst) for dst, srcs in enumerate(self._sources) for src in srcs]

    @property
    def topological_order(self) -> list[int]:
        """Blocks in an order where every block comes after those it reads (list order where possible).
        Blocks on a cycle or fed by one are missing; `problems` names them."""
        return list(self.order)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def is_straight(self) -> bool:
        """A plain stack: every block reads the one before it (no ids needed, format 1)."""
        return all(srcs == [i - 1] for i, srcs in enumerate(self._sources)) and not any(
            is_merge(layer.type) for layer in self.layers)

    def id_of(self, index: int) -> str | None:
        return INPUT_ID if index == INPUT else self.layers[index].id

    def label(self, index: int) -> str:
        return block_label(index, "" if index == INPUT else self.layers[index].type)

    def reaches(self, start: int, goal: int) -> bool:
        """Whether data flows from `start` to `goal` along the edges (a block reaches itself)."""
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            if node in seen:
                continue
            seen.add(node)
            todo.extend(self.consumers(node))
        return False

    def check(self) -> NetworkGraph:
        """The graph itself, or a GraphError with the first problem."""
        if self.problems:
            raise GraphError(self.problems[0].index, self.problems[0].message)
        return self


def network_graph(experiment: Experiment | list[LayerSpec]) -> NetworkGraph:
    """The graph of an experiment's layers (or of a layer list), with its problems listed."""
    layers = experiment.layers if isinstance(experiment, Experiment) else list(experiment)
    graph = NetworkGraph(list(layers))
    problems = graph.problems
    for index, layer in enumerate(layers):
        if layer.id is None:
            continue
        if layer.id == INPUT_ID:
            problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} is called \"input\", the name of the network's input — give it another id"),
                block=block_label(index, layer.type))))
        elif layer.id in graph.ids:
            first = graph.ids[layer.id]
            problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} and {other} have the same id \"{id}\" — give one of them another id"),
                block=block_label(index, layer.type), other=block_label(first, layers[first].type), id=layer.id)))
        else:
            graph.ids[layer.id] = index
    for index, layer in enumerate(layers):
        label = block_label(index, layer.type)
        if layer.inputs is None:
            graph._sources.append([index - 1])
            if is_merge(layer.type):
                problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                    "Graph", "{block} joins two or more inputs, but it only reads the block before it — connect "
                    "a second block to it, or delete it"), block=label)))
            continue
        sources: list[int] = []
        for name in layer.inputs:
            if name == INPUT_ID:
                sources.append(INPUT)
            elif name in graph.ids:
                sources.append(graph.ids[name])
            else:
                known = ", ".join(["input", *graph.ids]) if graph.ids else "input"
                problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                    "Graph", "{block} reads from \"{id}\", but no block has that id — use one of: {known}"),
                    block=label, id=name, known=known)))
        graph._sources.append(sources)
        if not layer.inputs:
            problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} has no input, so no data reaches it — connect a block to it, or delete it"),
                block=label)))
        elif is_merge(layer.type) and len(set(sources)) < 2 and len(sources) == len(layer.inputs):
            problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} joins two or more inputs, but it has only one — connect a second block to it, "
                "or delete it"), block=label)))
        elif not is_merge(layer.type) and len(layer.inputs) > 1:
            problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} reads from {count} blocks, but only Add and Concat can join several — put an "
                "Add or a Concat before it"), block=label, count=len(layer.inputs))))
    _order(graph)
    if not problems:
        for index in range(len(layers) - 1):
            if not graph.consumers(index):
                problems.append(Problem(index, _msg(QT_TRANSLATE_NOOP(
                    "Graph", "{block}'s output goes nowhere: no block reads it and it is not the last block — "
                    "connect it to a merge block, or delete it"), block=block_label(index, layers[index].type))))
    return graph


def checked_graph(experiment: Experiment | list[LayerSpec]) -> NetworkGraph:
    """The graph, or a GraphError naming the first problem."""
    return network_graph(experiment).check()


def _order(graph: NetworkGraph) -> None:
    """Kahn's algorithm, always taking the lowest ready index, so a plain stack keeps its order."""
    count = len(graph.layers)
    readers: dict[int, list[int]] = {}
    waiting: list[int] = []
    for dst, srcs in enumerate(graph._sources):
        distinct = set(srcs) - {INPUT}
        waiting.append(len(distinct))
        for src in distinct:
            readers.setdefault(src, []).append(dst)
    heap = [i for i in range(count) if graph._sources[i] and waiting[i] == 0]
    heapq.heapify(heap)
    done: set[int] = set()
    while heap:
        node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        graph.order.append(node)
        for dst in readers.get(node, []):
            waiting[dst] -= 1
            if waiting[dst] == 0:
                heapq.heappush(heap, dst)
    missing = [i for i in range(count) if i not in done]
    if not missing:
        return
    on_cycle = [i for i in missing if _on_cycle(graph, i)]
    if on_cycle:
        names = ", ".join(block_label(i, graph.layers[i].type) for i in on_cycle)
        graph.problems.append(Problem(on_cycle[0], _msg(QT_TRANSLATE_NOOP(
            "Graph", "{blocks} form a loop: data would flow in a circle and never reach the output — remove one "
            "of their connections"), blocks=names)))
    for i in missing:
        if i not in on_cycle and graph._sources[i]:
            graph.problems.append(Problem(i, _msg(QT_TRANSLATE_NOOP(
                "Graph", "{block} has no path from the Input (it is fed by a loop or by a block without input) — "
                "connect it to a block that the Input reaches"), block=block_label(i, graph.layers[i].type))))


def _on_cycle(graph: NetworkGraph, index: int) -> bool:
    seen: set[int] = set()
    todo = [s for s in graph._sources[index] if s != INPUT]
    while todo:
        node = todo.pop()
        if node == index:
            return True
        if node in seen or node == INPUT:
            continue
        seen.add(node)
        todo.extend(graph._sources[node])
    return False


def describe_sources(graph: NetworkGraph, index: int) -> str:
    """'Input', 'Linear #2', 'ReLU #3 + Linear #5': what a block reads, for tables and tooltips."""
    return ", ".join(graph.label(src) for src in graph.sources(index)) or "—"


def used_ids(layers: Iterable[LayerSpec]) -> set[str]:
    """The ids some layer's `inputs` names."""
    return {name for layer in layers for name in (layer.inputs or ())}
