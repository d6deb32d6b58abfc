"""What the graph shows, as plain data (no Qt): nodes, edges, shapes and problems from an experiment.

`graph_data(experiment, report, input_label, output)` is the one place that reads the experiment's
wiring: `layer_sources` asks the engine's `core.graph.network_graph` when it is there, and reads a
straight network (each layer takes the one before) otherwise. The scene draws what this returns;
the layout (`layout.py`) places it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.core import catalog
from playground.core.experiment import Experiment
from playground.core.layer_rules import Shape
from playground.core.shapes import ShapeReport

INPUT = "input"  # node keys besides the layers' row numbers
OUTPUT = "output"
INPUT_INDEX = -1  # how the engine's graph names the network's input among a layer's sources

FAMILIES = ("layers", "activations", "regularization", "recurrent", "merge")
_GROUP_FAMILY = {"Layers": "layers", "Activations": "activations", "Regularization": "regularization",
                 "Recurrent": "recurrent", "Merge": "merge"}


@dataclass
class NodeData:
    key: object  # INPUT, OUTPUT or the layer's row (int)
    kind: str  # "input" | "layer" | "output"
    type: str = ""
    family: str = "layers"
    shape: Shape | None = None  # the output shape (the input's for the Input node); None when unknown
    parameters: int | None = None
    error: object | None = None  # a playground.i18n.Message (or str) when this block's shapes cannot work
    warnings: list = field(default_factory=list)
    merge: bool = False  # takes several inputs (Add, Concat)


@dataclass
class EdgeData:
    source: object
    target: object
    shape: Shape | None  # what travels on it: the source's output shape
    explicit: bool = False  # written in the file as an input (can be deleted); the straight chain's are implied


@dataclass
class GraphData:
    nodes: dict[object, NodeData]
    edges: list[EdgeData]
    straight: bool  # every layer reads the one before: blocks can be reordered by dragging


def family(type_name: str) -> str:
    layer_type = catalog.LAYERS.get(type_name)
    group = layer_type.group if layer_type is not None else ""
    return _GROUP_FAMILY.get(group, "merge" if is_merge(type_name) else "layers")


def is_merge(type_name: str) -> bool:
    """Joins two or more inputs (the catalog's Merge group: Add, Concat)."""
    layer_type = catalog.LAYERS.get(type_name)
    return layer_type is not None and layer_type.group == "Merge"


def layer_sources(experiment: Experiment) -> tuple[list[list[int]], bool]:
    """Each layer's sources (row numbers, INPUT_INDEX for the network's input) and whether the network is
    a straight chain (every layer reads the one before). A broken wiring is drawn as far as it is known:
    the engine leaves unknown ids out and reports them in the shape report."""
    layers = experiment.layers
    if not any(layer.inputs is not None or is_merge(layer.type) for layer in layers):
        return [[i - 1] for i in range(len(layers))], True
    try:
        from playground.core.graph import network_graph
    except ImportError:  # an engine without graphs: every layer reads the one before
        return [[i - 1] for i in range(len(layers))], True
    graph = network_graph(experiment)
    return [graph.sources(i) for i in range(len(layers))], graph.is_straight


def graph_data(experiment: Experiment, report: ShapeReport | None) -> GraphData:
    sources, straight = layer_sources(experiment)
    input_shape = report.input_shape if report is not None else None
    nodes: dict[object, NodeData] = {INPUT: NodeData(INPUT, "input", shape=input_shape)}
    error_index = report.error.index if report is not None and report.error is not None else None
    warnings: dict[int, list] = {}
    for issue in report.warnings if report is not None else []:
        if issue.index is not None:
            warnings.setdefault(issue.index, []).append(issue.message)
    for i, layer in enumerate(experiment.layers):
        row = report.layers[i] if report is not None and i < len(report.layers) else None
        shape = row.output_shape if row is not None else None
        # a frozen block is drawn grey, as Input and Output are ("frozen" has no hue in items.family_colors)
        nodes[i] = NodeData(i, "layer", layer.type, "frozen" if layer.frozen else family(layer.type), shape,
                            row.parameters if row is not None and shape is not None else None,
                            report.error.message if i == error_index else None, warnings.get(i, []),
                            is_merge(layer.type))
    last = len(experiment.layers) - 1
    final = nodes[last].shape if last >= 0 else input_shape
    nodes[OUTPUT] = NodeData(OUTPUT, "output", shape=final,
                             error=report.error.message if report is not None and report.error is not None
                             and report.error.index is None else None)

    def shape_of(key):
        return nodes[key].shape

    edges: list[EdgeData] = []
    for i, layer in enumerate(experiment.layers):
        for s in sources[i]:
            key = INPUT if s == INPUT_INDEX else s
            edges.append(EdgeData(key, i, shape_of(key), explicit=bool(layer.inputs)))
    edges.append(EdgeData(last if last >= 0 else INPUT, OUTPUT, final))
    return GraphData(nodes, edges, straight)
