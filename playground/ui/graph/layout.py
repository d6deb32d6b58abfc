"""A layered top-to-bottom layout for the network graph, without Qt (so it is tested on its own).

The classic recipe (Sugiyama's) cut down to what a network needs:

1. **layers** — every node goes one row below its lowest predecessor (longest path from the sources),
   so data always flows downwards;
2. **dummies** — an edge that skips rows (a skip connection) gets an invisible waypoint in every row it
   crosses, so it can run down beside the blocks it skips instead of through them;
3. **order** — within a row, nodes are sorted by the mean position of their predecessors (a few sweeps
   down and up), which keeps edges from crossing; real blocks go before waypoints on ties, so a skip
   runs to the right of the trunk it skips;
4. **columns** — a node takes the leftmost column of its predecessors (the trunk stays straight) unless
   a node to its left in the same row already holds it.

`layered_layout(nodes, edges)` returns a `Layout`: each node's (column, row) and each edge's
waypoints; the scene multiplies them by the block size and gaps.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

Node = Hashable


class CycleError(ValueError):
    """The edges contain a cycle, so there is no top-to-bottom order."""


@dataclass
class Layout:
    position: dict[Node, tuple[float, int]] = field(default_factory=dict)  # node → (column, row)
    waypoints: dict[tuple[Node, Node], list[tuple[float, int]]] = field(default_factory=dict)  # edge → bends
    rows: int = 0
    columns: float = 0.0
    back_edges: list[tuple[Node, Node]] = field(default_factory=list)  # left out to break a cycle


@dataclass(frozen=True, eq=False)  # hashed by identity: the layout hashes them thousands of times
class _Dummy:
    edge: tuple
    row: int


def _rows(nodes: Sequence[Node], edges: Sequence[tuple[Node, Node]]) -> dict[Node, int]:
    """Longest path from the sources; raises CycleError when there is no order."""
    preds: dict[Node, list[Node]] = {n: [] for n in nodes}
    succs: dict[Node, list[Node]] = {n: [] for n in nodes}
    for a, b in edges:
        preds[b].append(a)
        succs[a].append(b)
    missing = {n: len(preds[n]) for n in nodes}
    ready = [n for n in nodes if missing[n] == 0]
    row: dict[Node, int] = {}
    while ready:
        node = ready.pop(0)
        row[node] = max((row[p] + 1 for p in preds[node]), default=0)
        for s in succs[node]:
            missing[s] -= 1
            if missing[s] == 0:
                ready.append(s)
    if len(row) != len(nodes):
        raise CycleError("the graph has a cycle")
    return row


def layered_layout(nodes: Sequence[Node], edges: Sequence[tuple[Node, Node]], sweeps: int = 4) -> Layout:
    """Place `nodes` (in their reading order) given directed `edges` (source, target); see the module text."""
    nodes = list(dict.fromkeys(nodes))
    edges = [(a, b) for a, b in dict.fromkeys(edges) if a != b]
    rank = {n: i for i, n in enumerate(nodes)}  # reading order breaks ties: the file's order is the user's
    back: list[tuple[Node, Node]] = []
    try:
        row = _rows(nodes, edges)
    except CycleError:  # a broken file: lay out the forward edges (in reading order), draw the rest straight
        back = [(a, b) for a, b in edges if rank[a] >= rank[b]]
        edges = [(a, b) for a, b in edges if rank[a] < rank[b]]
        row = _rows(nodes, edges)

    # split long edges into one-row segments through dummies
    segments: list[tuple[Node, Node]] = []
    chains: dict[tuple[Node, Node], list[_Dummy]] = {}
    for a, b in edges:
        chain = [_Dummy((a, b), r) for r in range(row[a] + 1, row[b])]
        chains[(a, b)] = chain
        path = [a, *chain, b]
        segments.extend(zip(path, path[1:], strict=False))
        for d in chain:
            row[d] = d.row
            rank[d] = rank[a] + 0.5  # a waypoint sorts just after its source
    count = max(row.values(), default=-1) + 1
    by_row: list[list[Node]] = [[] for _ in range(count)]
    for node in [*nodes, *(d for chain in chains.values() for d in chain)]:
        by_row[row[node]].append(node)
    preds: dict[Node, list[Node]] = {n: [] for r in by_row for n in r}
    succs: dict[Node, list[Node]] = {n: [] for r in by_row for n in r}
    for a, b in segments:
        preds[b].append(a)
        succs[a].append(b)

    def key(node, neighbours, order):
        dummy = isinstance(node, _Dummy)
        if neighbours[node]:
            centre = sum(order[m] for m in neighbours[node]) / len(neighbours[node])
        else:
            centre = order.get(node, 0.0)
        return (centre, dummy, rank[node])

    for r in by_row:
        r.sort(key=lambda n: (isinstance(n, _Dummy), rank[n]))
    order = {n: float(i) for r in by_row for i, n in enumerate(r)}
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        sequence = by_row[1:] if down else by_row[-2::-1]
        for r in sequence:
            r.sort(key=lambda n: key(n, preds if down else succs, order))
            order.update({n: float(i) for i, n in enumerate(r)})

    # columns: the leftmost predecessor's column, pushed right past the node before it in the row
    column: dict[Node, float] = {}
    for r in by_row:
        left = -1.0
        for node in r:
            wanted = min((column[p] for p in preds[node]), default=0.0)
            column[node] = max(wanted, left + 1.0)
            left = column[node]

    layout = Layout(rows=count, columns=max(column.values(), default=-1.0) + 1.0, back_edges=back)
    layout.position = {n: (column[n], row[n]) for n in nodes}
    layout.waypoints = {edge: [(column[d], d.row) for d in chain] for edge, chain in chains.items()}
    return layout
