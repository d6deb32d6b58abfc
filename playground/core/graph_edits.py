"""Edits of the network's graph as plain functions: each takes an experiment and returns a changed copy.

Like `playground.core.edits` (which these extend to branched networks), the input is never
modified. Blocks are named by their index in `experiment.layers` (INPUT, -1, is the network's
input); indices shift after an insert or a delete, ids stay. Every edit works on the graph with
its references resolved (each block holding the blocks it reads) and writes it back the simple
way: a block that reads the one before it gets no `inputs`, ids are given only to blocks that
another block names (`linear3`, `add1`, …) and dropped when nothing names them any more. So a
plain stack stays a plain stack, saved as format 1.

A refused edit raises `GraphError` whose message (a translatable `Message`) says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec
from playground.core.graph import INPUT, INPUT_ID, GraphError, block_label, is_merge, network_graph
from playground.core.layer_rules import Shape, format_shape
from playground.i18n import QT_TRANSLATE_NOOP, Message


def _msg(template: str, **values: object) -> Message:
    return Message("Graph", template, **values)


# --------------------------------------------------------------------------- resolved form


@dataclass(eq=False)
class _Node:
    spec: LayerSpec
    sources: list[_Node | None] = field(default_factory=list)  # None is the Input


def _resolve(experiment: Experiment) -> tuple[Experiment, list[_Node]]:
    """A copy of the experiment and its layers as nodes that hold their sources. Unknown ids are dropped
    (the graph already reports them); a graph that cannot be edited at all raises GraphError."""
    graph = network_graph(experiment)
    new = experiment.copy()
    nodes = [_Node(spec) for spec in new.layers]
    for index, node in enumerate(nodes):
        node.sources = [None if src == INPUT else nodes[src] for src in graph.sources(index)]
    return new, nodes


def _write(new: Experiment, nodes: list[_Node]) -> Experiment:
    """Store the nodes' order and sources in `new.layers`, the simplest way (see the module's text)."""
    referenced: set[int] = set()
    for i, node in enumerate(nodes):
        previous = nodes[i - 1] if i > 0 else None
        implicit = len(node.sources) == 1 and node.sources[0] is previous and not is_merge(node.spec.type)
        if not implicit:
            referenced.update(id(src) for src in node.sources if src is not None)
    taken = {node.spec.id for node in nodes if node.spec.id is not None and id(node) in referenced}
    for node in nodes:
        if id(node) in referenced and node.spec.id is None:
            node.spec.id = _new_id(node.spec.type, taken)
            taken.add(node.spec.id)
        elif id(node) not in referenced:
            node.spec.id = None
    for i, node in enumerate(nodes):
        previous = nodes[i - 1] if i > 0 else None
        if len(node.sources) == 1 and node.sources[0] is previous and not is_merge(node.spec.type):
            node.spec.inputs = None
        else:
            node.spec.inputs = [INPUT_ID if src is None else src.spec.id for src in node.sources]
    new.layers = [node.spec for node in nodes]
    return new


def _new_id(type_name: str, taken: set[str]) -> str:
    stem = catalog.LAYERS[type_name].code_name if type_name in catalog.LAYERS else type_name.lower()
    n = 1
    while f"{stem}{n}" in taken or f"{stem}{n}" == INPUT_ID:
        n += 1
    return f"{stem}{n}"


def _check(experiment: Experiment, *indices: int) -> None:
    for index in indices:
        if index != INPUT and not 0 <= index < len(experiment.layers):
            raise IndexError(f"no block at index {index}: the network has {len(experiment.layers)}")


def _label(experiment: Experiment, index: int) -> str:
    return block_label(index, "" if index == INPUT else experiment.layers[index].type)


def _consumers(nodes: list[_Node], node: _Node | None) -> list[_Node]:
    return [n for n in nodes if any(src is node for src in n.sources)]


def _replace_source(node: _Node, old: _Node | None, new: _Node | None) -> None:
    node.sources = [new if src is old else src for src in node.sources]


# --------------------------------------------------------------------------- connections


def would_cycle(experiment: Experiment, src: int, dst: int) -> bool:
    """Whether an edge src → dst would make data flow in a circle (for the cursor while dragging)."""
    if dst == INPUT:
        return True
    if src == dst:
        return True
    return network_graph(experiment).reaches(dst, src)


def connect(experiment: Experiment, src: int, dst: int) -> Experiment:
    """`src` becomes one more input of the merge block `dst` (or the input of a block that has none)."""
    _check(experiment, src, dst)
    if dst == INPUT:
        raise GraphError(None, _msg(QT_TRANSLATE_NOOP("Graph", "Nothing can flow into the Input — connect "
                                                      "the arrow to a block instead")))
    if would_cycle(experiment, src, dst):
        raise GraphError(dst, _msg(QT_TRANSLATE_NOOP(
            "Graph", "Connecting {src} to {dst} would make a loop: data would flow in a circle — connect it to a "
            "block further down instead"), src=_label(experiment, src), dst=_label(experiment, dst)))
    graph = network_graph(experiment)
    if src in graph.sources(dst):
        raise GraphError(dst, _msg(QT_TRANSLATE_NOOP("Graph", "{src} is already an input of {dst}"),
                                   src=_label(experiment, src), dst=_label(experiment, dst)))
    dst_type = experiment.layers[dst].type
    if not is_merge(dst_type) and graph.sources(dst):
        raise GraphError(dst, _msg(QT_TRANSLATE_NOOP(
            "Graph", "{dst} already reads from {current}; only Add and Concat can join several inputs — insert an "
            "Add or a Concat before it and connect to that"), dst=_label(experiment, dst),
            current=_label(experiment, graph.sources(dst)[0])))
    new, nodes = _resolve(experiment)
    nodes[dst].sources.append(None if src == INPUT else nodes[src])
    return _write(new, nodes)


def disconnect(experiment: Experiment, src: int, dst: int) -> Experiment:
    """The edge src → dst removed (every copy of it). A block left with no input, or a merge with one,
    is reported by the graph until it is connected again or deleted."""
    _check(experiment, src, dst)
    new, nodes = _resolve(experiment)
    target = None if src == INPUT else nodes[src]
    if not any(s is target for s in nodes[dst].sources):
        raise GraphError(dst, _msg(QT_TRANSLATE_NOOP("Graph", "{src} is not an input of {dst}"),
                                   src=_label(experiment, src), dst=_label(experiment, dst)))
    nodes[dst].sources = [s for s in nodes[dst].sources if s is not target]
    return _write(new, nodes)


# --------------------------------------------------------------------------- blocks


def _new_spec(type_name: str, **params: object) -> LayerSpec:
    layer_type = catalog.LAYERS[type_name]
    return LayerSpec(layer_type.name, {**layer_type.defaults(), **params})


def insert_on_edge(experiment: Experiment, type_name: str, src: int, dst: int) -> tuple[Experiment, int]:
    """A new `type_name` block (default settings) on the arrow src → dst; returns the experiment and the
    new block's index (just before `dst`). `dst` may be None to append after `src` as the new last block."""
    _check(experiment, src)
    new, nodes = _resolve(experiment)
    source = None if src == INPUT else nodes[src]
    node = _Node(_new_spec(type_name), [source])
    if dst is None:
        nodes.append(node)
        return _write(new, nodes), len(nodes) - 1
    _check(experiment, dst)
    if not any(s is source for s in nodes[dst].sources):
        raise GraphError(dst, _msg(QT_TRANSLATE_NOOP("Graph", "{src} is not an input of {dst}"),
                                   src=_label(experiment, src), dst=_label(experiment, dst)))
    _replace_source(nodes[dst], source, node)
    nodes.insert(dst, node)
    return _write(new, nodes), dst


def insert_block(experiment: Experiment, type_name: str, row: int | None = None) -> tuple[Experiment, int]:
    """`edits.insert_layer` for any network: a block at list position `row` (the end when None), on the arrow
    into the block now there (its first input), or after the last block."""
    if row is None or row >= len(experiment.layers):
        src = len(experiment.layers) - 1
        return insert_on_edge(experiment, type_name, src, None)
    row = max(0, row)
    graph = network_graph(experiment)
    sources = graph.sources(row)
    if not sources:  # a block without input: the new block takes its place as its only input
        new, nodes = _resolve(experiment)
        node = _Node(_new_spec(type_name), [nodes[row - 1] if row > 0 else None])
        nodes[row].sources = [node]
        nodes.insert(row, node)
        return _write(new, nodes), row
    return insert_on_edge(experiment, type_name, sources[0], row)


def delete_layers(experiment: Experiment, indices: list[int]) -> tuple[Experiment, list[Message]]:
    """The blocks at `indices` removed; whatever read a removed block reads its (first) input instead.
    A merge left with a single input is removed too (it would have nothing to join): the returned
    notes say which, for the status bar."""
    _check(experiment, *indices)
    new, nodes = _resolve(experiment)
    labels = {id(node): block_label(i, node.spec.type) for i, node in enumerate(nodes)}
    doomed = [nodes[i] for i in sorted(set(indices)) if i != INPUT]
    notes: list[Message] = []
    queue = list(doomed)
    while queue:
        node = queue.pop(0)
        if node not in nodes:
            continue
        replacement = node.sources[0] if node.sources else None
        for consumer in _consumers(nodes, node):
            _replace_source(consumer, node, replacement)
            if is_merge(consumer.spec.type):
                unique: list[_Node | None] = []
                for s in consumer.sources:
                    if not any(s is u for u in unique):
                        unique.append(s)
                consumer.sources = unique
                if len(unique) == 1 and consumer not in queue and consumer not in doomed:
                    queue.append(consumer)
                    notes.append(_msg(QT_TRANSLATE_NOOP(
                        "Graph", "{merge} was removed too: without {block} it had only one input left to join"),
                        merge=labels[id(consumer)], block=labels[id(node)]))
        nodes.remove(node)
    return _write(new, nodes), notes


def duplicate_layer(experiment: Experiment, index: int) -> tuple[Experiment, int]:
    """A copy of the block at `index` (same settings, no id), reading the original, just below it; what read
    the original reads the copy. Returns the experiment and the copy's index. A merge block cannot be
    duplicated this way (the copy would join one input)."""
    _check(experiment, index)
    layer = experiment.layers[index]
    if is_merge(layer.type):
        raise GraphError(index, _msg(QT_TRANSLATE_NOOP(
            "Graph", "{block} joins several inputs, so a copy of it on its output would join only one — add a new "
            "Add or Concat from the palette and connect its inputs instead"), block=_label(experiment, index)))
    new, nodes = _resolve(experiment)
    original = nodes[index]
    copy = _Node(LayerSpec(layer.type, dict(layer.params), frozen=layer.frozen), [original])
    for consumer in _consumers(nodes, original):
        _replace_source(consumer, original, copy)
    nodes.insert(index + 1, copy)
    return _write(new, nodes), index + 1


def move_layer(experiment: Experiment, source: int, target: int) -> Experiment:
    """The block at `source` taken out (what read it reads its input) and put back on the arrow into the
    block at list position `target` (its final position). A plain stack moves as a row moves in a list."""
    _check(experiment, source, target)
    if source == target:
        return experiment.copy()
    if is_merge(experiment.layers[source].type):
        raise GraphError(source, _msg(QT_TRANSLATE_NOOP(
            "Graph", "{block} joins several inputs and cannot be moved on its own — connect other blocks to it "
            "instead"), block=_label(experiment, source)))
    new, nodes = _resolve(experiment)
    node = nodes.pop(source)
    replacement = node.sources[0] if node.sources else None
    for consumer in _consumers(nodes, node):
        _replace_source(consumer, node, replacement)
    if target >= len(nodes):
        node.sources = [nodes[-1] if nodes else None]
        nodes.append(node)
        return _write(new, nodes)
    into = nodes[target]
    feed = into.sources[0] if into.sources else (nodes[target - 1] if target > 0 else None)
    node.sources = [feed]
    if into.sources:
        into.sources[0] = node
    else:
        into.sources = [node]
    nodes.insert(target, node)
    return _write(new, nodes)


# --------------------------------------------------------------------------- residual blocks


def _shapes(experiment: Experiment) -> tuple[Shape, dict[int, Shape]]:
    """The input shape and every block's output shape that inference could find."""
    from playground.core.shapes import infer_shapes

    report = infer_shapes(experiment)
    shapes = {row.index: row.output_shape for row in report.layers if row.output_shape is not None}
    shapes[INPUT] = tuple(report.input_shape)
    return tuple(report.input_shape), shapes


def _projection(shape_in: Shape, shape_out: Shape) -> LayerSpec | None:
    """A Linear or 1×1 Conv2d that turns `shape_in` into `shape_out` on the skip path, or None if none can."""
    if len(shape_in) == 1 and len(shape_out) == 1:
        return _new_spec("Linear", units=shape_out[0])
    if len(shape_in) == 3 and len(shape_out) == 3:
        (_, h, w), (c, oh, ow) = shape_in, shape_out
        stride = h // oh if oh else 0
        if stride >= 1 and math.ceil(h / stride) == oh and math.ceil(w / stride) == ow:
            return _new_spec("Conv2d", out_channels=c, kernel_size=1, stride=stride, padding=0)
    return None


def wrap_in_residual(experiment: Experiment, first: int, last: int) -> tuple[Experiment, int]:
    """Blocks first..last (a chain: each reads the one before it) become the body of a residual block: an Add
    after `last` joins the body's output with what `first` reads (through a Linear or 1×1 Conv2d projection
    when the shapes differ). Returns the experiment and the Add's index."""
    _check(experiment, first, last)
    if first > last:
        first, last = last, first
    graph = network_graph(experiment)
    for index in range(first + 1, last + 1):
        if graph.sources(index) != [index - 1]:
            raise GraphError(index, _msg(QT_TRANSLATE_NOOP(
                "Graph", "Only a straight run of blocks can be wrapped in a residual block, but {block} does not "
                "read the block above it — select blocks that follow one another"),
                block=_label(experiment, index)))
    sources = graph.sources(first)
    if len(sources) != 1:
        raise GraphError(first, _msg(QT_TRANSLATE_NOOP(
            "Graph", "{block} does not have exactly one input, so the skip connection has nothing to start from — "
            "start the residual block at a block with one input"), block=_label(experiment, first)))
    start = sources[0]
    _, shapes = _shapes(experiment)
    if start not in shapes or last not in shapes:
        raise GraphError(last, _msg(QT_TRANSLATE_NOOP(
            "Graph", "The shapes around {block} are not known yet — fix the network's red block first"),
            block=_label(experiment, last)))
    shape_in, shape_out = shapes[start], shapes[last]
    projection = None
    if shape_in != shape_out:
        projection = _projection(shape_in, shape_out)
        if projection is None:
            raise GraphError(last, _msg(QT_TRANSLATE_NOOP(
                "Graph", "The body turns {inside} into {outside}, and no Linear or 1×1 convolution can bring the skip "
                "path from one to the other — choose blocks that keep the kind of shape (image or vector)"),
                inside=format_shape(shape_in), outside=format_shape(shape_out)))
    new, nodes = _resolve(experiment)
    body_end = nodes[last]
    skip_from = None if start == INPUT else nodes[start]
    consumers = _consumers(nodes, body_end)
    position = last + 1
    skip = skip_from
    if projection is not None:
        skip = _Node(projection, [skip_from])
        nodes.insert(position, skip)
        position += 1
    add = _Node(_new_spec("Add"), [body_end, skip])
    for consumer in consumers:
        _replace_source(consumer, body_end, add)
    nodes.insert(position, add)
    return _write(new, nodes), position


def residual_block(experiment: Experiment, at: int | None = None, kind: str | None = None) -> tuple[Experiment, int]:
    """The palette's "Residual block": a body (Linear → ReLU → Linear for vectors, Conv2d 3×3 → ReLU → Conv2d
    3×3 for images, keeping the shape) and an Add that joins it with the skip, inserted at list position
    `at` (the end when None) on the arrow into the block there. `kind` ("Linear" or "Conv2d") overrides
    the choice by shape. Returns the experiment and the Add's index."""
    count = len(experiment.layers)
    at = count if at is None else max(0, min(at, count))
    _, shapes = _shapes(experiment)
    graph = network_graph(experiment)
    if at < count:
        sources = graph.sources(at)
        feed = sources[0] if sources else at - 1
    else:
        feed = count - 1
    shape = shapes.get(feed)
    if kind is None:
        kind = "Conv2d" if shape is not None and len(shape) == 3 else "Linear"
    if kind == "Conv2d":
        if shape is not None and len(shape) != 3:
            raise GraphError(at if at < count else None, _msg(QT_TRANSLATE_NOOP(
                "Graph", "A convolutional residual block needs an image here, but the data is {shape} — put it "
                "before Flatten, or use a Linear residual block"), shape=format_shape(shape)))
        channels = shape[0] if shape else 16
        body = [_new_spec("Conv2d", out_channels=channels, kernel_size=3, padding=1), _new_spec("ReLU"),
                _new_spec("Conv2d", out_channels=channels, kernel_size=3, padding=1)]
    else:
        if shape is not None and len(shape) != 1:
            raise GraphError(at if at < count else None, _msg(QT_TRANSLATE_NOOP(
                "Graph", "A Linear residual block needs a flat vector here, but the data is {shape} — add Flatten "
                "before it, or use a convolutional residual block"), shape=format_shape(shape)))
        units = shape[0] if shape else 64
        body = [_new_spec("Linear", units=units), _new_spec("ReLU"), _new_spec("Linear", units=units)]
    new, nodes = _resolve(experiment)
    skip = None if feed == INPUT else nodes[feed]
    chain: list[_Node] = []
    previous = skip
    for spec in body:
        node = _Node(spec, [previous])
        chain.append(node)
        previous = node
    add = _Node(_new_spec("Add"), [chain[-1], skip])
    if at < count:
        into = nodes[at]
        if into.sources:
            _replace_source(into, skip, add)
        else:
            into.sources = [add]
    nodes[at:at] = [*chain, add]
    return _write(new, nodes), at + len(chain)
