"""The `forward()` of an exported network with branches: each block on its own line, the skips in plain sight.

A block whose output only the next block reads passes it on in `x`, as in a plain stack
(`x = self.fc2(x)`); an output that is read again later (the start of a skip) is kept in a variable
of its own, named after the block's id, and a merge is written as what it computes:

    skip1 = self.relu1(x)                 # N×128, kept for the Add below
    x = self.fc2(skip1)
    ...
    x = x + skip1                         # Add: the skip connection (N×128)

Merge blocks get no module in `__init__` (they have no weights); every other block is called by the
attribute `codegen` gave it. Pure string work, like the rest of the code export.
"""

from __future__ import annotations

import keyword
import re

from playground.core.graph import INPUT, NetworkGraph
from playground.core.layer_rules import LayerCode, batch_shape
from playground.core.shapes import ShapeReport


def _variable(graph: NetworkGraph, index: int, taken: set[str], attr: str = "") -> str:
    """A readable name for a kept output: the block's attribute (relu1 = self.relu1(x)), a merge's id when it
    is a Python name, else out3."""
    name = attr or (graph.id_of(index) if index != INPUT else "inputs")
    if index != INPUT and (name is None or not name.isidentifier() or keyword.iskeyword(name)):
        name = f"out{index + 1}"
    name = re.sub(r"\W", "_", name)
    if name in ("x", "self", "nn", "torch", "F") or (name in taken and name != attr):
        base, n = name, 2
        while f"{base}_{n}" in taken:
            n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def graph_forward(graph: NetworkGraph, report: ShapeReport, codes: dict[int, tuple[str, LayerCode]],
                  input_shape: tuple[int, ...]) -> list[tuple[str, str]]:
    """forward()'s lines (code, comment) for a network with branches; `codes` maps each non-merge block's
    index to its attribute and code. The result ends with the output in `x`."""
    order = graph.topological_order
    following: dict[int, int | None] = {INPUT: order[0] if order else None}
    for i, node in enumerate(order):
        following[node] = order[i + 1] if i + 1 < len(order) else None
    names: dict[int, str] = {}
    rows: list[tuple[str, str]] = []

    def kept(node: int) -> bool:
        readers = graph.consumers(node)
        return node != graph.output and (len(readers) != 1 or readers[0] != following[node])

    # a kept output takes its block's attribute as its name; merges and the input must not take another's
    taken = {attr for node, (attr, _) in codes.items() if not kept(node)}
    if kept(INPUT):
        names[INPUT] = _variable(graph, INPUT, taken)
        rows.append((f"{names[INPUT]} = x", f"{batch_shape(input_shape)}, kept for a later block"))
    else:
        names[INPUT] = "x"
    for node in order:
        row = report.layers[node]
        sources = [names[src] for src in graph.sources(node)]
        target = _variable(graph, node, taken, codes[node][0] if node in codes else "") if kept(node) else "x"
        readers = ", ".join(graph.label(r) for r in graph.consumers(node))
        note = f", kept for {readers}" if target != "x" else ""
        shape = batch_shape(row.output_shape)
        kind = graph.layers[node].type
        if node not in codes:  # a merge block
            if kind == "Add":
                rows.append((f"{target} = {' + '.join(sources)}",
                             f"{graph.label(node)}: the skip connection adds {' and '.join(sources)} ({shape}{note})"))
            else:
                dim = 1 if len(row.output_shape) != 2 else 2
                rows.append((f"{target} = torch.cat([{', '.join(sources)}], dim={dim})",
                             f"{graph.label(node)}: {' and '.join(sources)} side by side ({shape}{note})"))
        else:
            attr, code = codes[node]
            lines = code.forward
            source = sources[0]
            if len(lines) == 1 and lines[0][0] == f"x = self.{attr}(x)":
                comment = lines[0][1]
                if note:
                    comment = f"{shape}{note}"
                rows.append((f"{target} = self.{attr}({source})", comment))
            else:  # several lines (a recurrent block's reshaping) that work on x
                if source != "x":
                    rows.append((f"x = {source}", ""))
                rows.extend(lines)
                if target != "x":
                    rows.append((f"{target} = x", f"{shape}{note}"))
        names[node] = target
    if names.get(graph.output, "x") != "x":
        rows.append((f"x = {names[graph.output]}", ""))
    return rows
