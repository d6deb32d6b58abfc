"""The graph's layered layout (Qt-free): rows follow the data, skips run beside the trunk, no overlaps."""

import pytest

from playground.ui.graph.layout import layered_layout


def test_a_chain_is_one_straight_column_top_to_bottom():
    nodes = ["in", 0, 1, 2, "out"]
    layout = layered_layout(nodes, [("in", 0), (0, 1), (1, 2), (2, "out")])
    assert [layout.position[n] for n in nodes] == [(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)]
    assert layout.rows == 5 and layout.columns == 1


def test_a_skip_connection_runs_beside_the_blocks_it_skips_and_the_trunk_stays_straight():
    # Input → Linear → ReLU → Linear → Add ← Input (a residual block)
    nodes = ["in", 0, 1, 2, 3, "out"]
    edges = [("in", 0), (0, 1), (1, 2), (2, 3), ("in", 3), (3, "out")]
    layout = layered_layout(nodes, edges)
    assert {layout.position[n][0] for n in nodes} == {0}  # the trunk: one column
    assert layout.position[3][1] == 4  # the Add sits below the body, not beside the input
    bends = layout.waypoints[("in", 3)]
    assert [row for _col, row in bends] == [1, 2, 3]  # a waypoint in every row it crosses
    assert all(col == 1 for col, _row in bends)  # to the right of the body, never through it


def test_two_branches_sit_side_by_side_and_meet_at_the_merge():
    nodes = ["in", "a1", "a2", "b1", "cat"]
    edges = [("in", "a1"), ("a1", "a2"), ("in", "b1"), ("a2", "cat"), ("b1", "cat")]
    layout = layered_layout(nodes, edges)
    assert layout.position["a1"][1] == layout.position["b1"][1] == 1
    assert layout.position["a1"][0] != layout.position["b1"][0]
    assert layout.position["cat"][1] == 3


def test_no_two_nodes_or_waypoints_share_a_place_in_a_large_graph():
    nodes = ["in", *range(50)]
    edges = [("in", 0)] + [(i, i + 1) for i in range(49)] + [(i, i + 3) for i in range(0, 46, 4)]
    layout = layered_layout(nodes, edges)
    places = list(layout.position.values()) + [p for bends in layout.waypoints.values() for p in bends]
    assert len(places) == len(set(places))
    for a, b in edges:
        assert layout.position[a][1] < layout.position[b][1]


def test_a_cycle_is_laid_out_in_reading_order_with_the_back_edge_left_out():
    layout = layered_layout(["in", 0, 1], [("in", 0), (0, 1), (1, 0)])
    assert layout.back_edges == [(1, 0)]
    assert layout.position[0][1] < layout.position[1][1]


@pytest.mark.parametrize("count", [0, 1])
def test_tiny_graphs(count):
    nodes = list(range(count))
    assert len(layered_layout(nodes, []).position) == count
