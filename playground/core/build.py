"""Experiment → torch.nn.Module, after shape inference has said the network is valid.

A plain stack builds an `nn.Sequential`, as it always has (checkpoints name its modules "0", "1", …).
A network with branches builds a `GraphNetwork`: the same numbered modules in the same order (so
state dicts, `model[i]` and `enumerate(model)` read as for a stack), and a `forward` that runs them
in the graph's topological order, each on the outputs of the blocks it reads.
"""

from __future__ import annotations

import torch
from torch import nn

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec
from playground.core.graph import INPUT, network_graph
from playground.core.shapes import infer_layers


class NetworkError(ValueError):
    """The network cannot be built; the message names the layer and the fix."""


class GraphNetwork(nn.Sequential):
    """The layers as numbered modules, run along the graph: `plan` lists (block, the blocks it reads) in
    topological order; merge blocks get the list of their inputs. The output is the last block's."""

    def __init__(self, modules: list[nn.Module], plan: list[tuple[int, list[int]]], merges: set[int]):
        super().__init__(*modules)
        self.plan = [(index, list(sources)) for index, sources in plan]
        self.merges = set(merges)
        self.output_index = len(modules) - 1
        # an output nothing reads any more can be let go as soon as its last reader has run
        last_use: dict[int, int] = {}
        for step, (_, sources) in enumerate(self.plan):
            for source in sources:
                last_use[source] = step
        self.release = [[s for s in set(sources) if last_use[s] == step and s != self.output_index]
                        for step, (_, sources) in enumerate(self.plan)]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        values = {INPUT: x}
        for step, (index, sources) in enumerate(self.plan):
            module = self[index]
            if index in self.merges:
                values[index] = module([values[s] for s in sources])
            else:
                values[index] = module(values[sources[0]])
            for source in self.release[step]:
                del values[source]
        return values[self.output_index]

    def to_fx(self) -> nn.Module:
        """The same network as a `torch.fx.GraphModule` with the graph written out as code: TorchScript can
        compile it and ONNX export it, and its `.code` reads like a hand-written forward()."""
        import torch.fx

        class _Tracer(torch.fx.Tracer):
            def is_leaf_module(self, module: nn.Module, name: str) -> bool:
                return True  # keep every block a call of its module (a recurrent block's reshaping stays inside)

        graph = _Tracer().trace(self)
        for node in graph.nodes:  # this module's annotations are strings (postponed); TorchScript wants types
            if node.op in ("placeholder", "output"):
                node.type = torch.Tensor
        return torch.fx.GraphModule(self, graph, class_name="GraphNetwork")

    def extra_repr(self) -> str:
        joins = ", ".join(f"{index}←{sources}" for index, sources in self.plan if len(sources) > 1 or
                          sources != [index - 1])
        return f"branches: {joins}" if joins else ""


def build_layers(input_shape: tuple[int, ...], layers: list[LayerSpec]) -> nn.Sequential:
    report = infer_layers(input_shape, layers)
    if report.error is not None:
        raise NetworkError(report.error.message)
    types = [catalog.LAYERS[layer.type] for layer in layers]
    modules = [kind.build(row.input_shape, kind.complete(layer.params))
               for kind, layer, row in zip(types, layers, report.layers, strict=True)]
    if not report.branched:
        for module, layer, following in zip(modules, layers, layers[1:], strict=False):
            if catalog.gets_he_init(layer.type, following.type):
                he_init(module)
        return nn.Sequential(*modules)
    graph = network_graph(layers)
    for index, (module, layer) in enumerate(zip(modules, layers, strict=True)):
        readers = graph.consumers(index)
        following = layers[readers[0]].type if len(readers) == 1 else None
        if catalog.gets_he_init(layer.type, following):
            he_init(module)
    plan = [(index, graph.sources(index)) for index in graph.topological_order]
    merges = {index for index, layer in enumerate(layers) if catalog.LAYERS[layer.type].is_merge}
    return GraphNetwork(modules, plan, merges)


def he_init(module: nn.Linear | nn.Conv2d) -> None:
    """He (Kaiming) initialization for a layer feeding a ReLU-like activation.

    PyTorch's default draws weights a factor √6 smaller, which halves the signal at every
    ReLU; He's scale keeps it, and the seed MLP gains about a point of accuracy in its first
    epoch. Code export writes the same call, so exported scripts train the same network.
    """
    nn.init.kaiming_uniform_(module.weight, nonlinearity="relu")
    if module.bias is not None:
        nn.init.zeros_(module.bias)


def build_model(experiment: Experiment, input_shape: tuple[int, ...] | None = None) -> nn.Sequential:
    if input_shape is None:
        from playground.data.registry import dataset_info

        input_shape = dataset_info(experiment.dataset).input_shape
    return build_layers(input_shape, experiment.layers)


def resolve_device(name: str) -> torch.device:
    """'auto' → CUDA, then Apple's MPS, then the CPU; an unavailable choice falls back with no crash."""
    if name in ("auto", "cuda") and torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if name in ("auto", "mps") and mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def available_devices() -> list[str]:
    devices = ["auto", "cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices
