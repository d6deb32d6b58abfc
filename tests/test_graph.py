"""Networks with branches: the graph of an experiment, its edits, format 2 files and shape inference.

A straight stack must stay exactly what it was (no ids, format 1, byte-for-byte round trips); a
network with skips reads and writes ids, and every way a graph can be wrong is refused with a
message that names the blocks and says what to do.
"""

from __future__ import annotations

import json

import pytest
from helpers import layer, linear

from playground.core import graph_edits as ge
from playground.core.experiment import DatasetSpec, Experiment, ExperimentError, LayerSpec
from playground.core.graph import INPUT, GraphError, network_graph
from playground.core.presets import load_preset, preset_paths
from playground.core.shapes import infer_shapes


def mnist(*layers: LayerSpec) -> Experiment:
    return Experiment(name="graph", dataset=DatasetSpec("mnist"), layers=list(layers), device="cpu")


def named(spec: LayerSpec, id: str | None = None, inputs: list[str] | None = None) -> LayerSpec:
    spec.id, spec.inputs = id, inputs
    return spec


def residual_mlp(units_a: int = 64, units_b: int = 64) -> Experiment:
    """Flatten → Linear → ReLU (h) → Linear → ReLU → Linear (body) → Add(body, h) → Linear 10."""
    return mnist(layer("Flatten"), linear(64), named(layer("ReLU"), "h"), linear(units_a), layer("ReLU"),
                 named(linear(units_b), "body"), named(layer("Add"), inputs=["body", "h"]), linear(10))


# --------------------------------------------------------------------------- the graph


def test_a_straight_network_reads_each_block_from_the_one_before():
    graph = network_graph(load_preset("seed-mlp"))
    assert graph.ok and graph.is_straight
    assert graph.sources(0) == [INPUT] and graph.sources(3) == [2]
    assert graph.edges == [(INPUT, 0), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    assert graph.topological_order == [0, 1, 2, 3, 4, 5] and graph.output == 5


def test_a_skip_connection_is_two_edges_into_the_add():
    graph = network_graph(residual_mlp())
    assert graph.ok and not graph.is_straight
    assert graph.sources(6) == [5, 2]
    assert graph.consumers(2) == [3, 6]
    assert (2, 6) in graph.edges and (5, 6) in graph.edges
    assert graph.topological_order == list(range(8))


@pytest.mark.parametrize("layers, index, message", [
    ([layer("Flatten"), named(linear(10), inputs=["nowhere"])], 1,
     'Linear #2 reads from "nowhere", but no block has that id — use one of: input'),
    ([named(layer("Flatten"), "a"), named(linear(10), "a")], 1,
     'Linear #2 and Flatten #1 have the same id "a" — give one of them another id'),
    ([layer("Flatten"), named(linear(64), "a", ["b"]), named(layer("ReLU"), "b"), linear(10)], 1,
     "Linear #2, ReLU #3 form a loop: data would flow in a circle and never reach the output — remove one of their "
     "connections"),
    ([layer("Flatten"), linear(64), named(layer("Add"), inputs=["input"]), linear(10)], 2,
     "Add #3 joins two or more inputs, but it has only one — connect a second block to it, or delete it"),
    ([layer("Flatten"), named(linear(64), inputs=[]), linear(10)], 1,
     "Linear #2 has no input, so no data reaches it — connect a block to it, or delete it"),
    ([named(layer("Flatten"), "f"), linear(64), named(linear(10), inputs=["f"])], 1,
     "Linear #2's output goes nowhere: no block reads it and it is not the last block — connect it to a merge "
     "block, or delete it"),
])
def test_a_broken_graph_names_the_block_and_the_fix(layers, index, message):
    graph = network_graph(layers)
    assert (graph.problems[0].index, str(graph.problems[0].message)) == (index, message)
    with pytest.raises(GraphError) as info:
        graph.check()
    assert info.value.index == index
    report = infer_shapes(mnist(*layers))
    assert report.error is not None and str(report.error.message) == message and report.error.index == index


def test_a_block_fed_by_a_loop_has_no_path_from_the_input():
    layers = [layer("Flatten"), named(linear(64), "a", ["b"]), named(layer("ReLU"), "b"), linear(10)]
    graph = network_graph(layers)
    assert [p.index for p in graph.problems] == [1, 3]
    assert str(graph.problems[1].message).startswith("Linear #4 has no path from the Input")


# --------------------------------------------------------------------------- files


def test_format_1_files_load_unchanged_and_round_trip_byte_for_byte():
    for name, path in preset_paths().items():
        text = path.read_text(encoding="utf-8")
        if json.loads(text).get("version") != 1:
            continue
        written = Experiment.from_json(text).to_json()
        assert json.loads(written)["version"] == 1, name
        assert Experiment.from_json(written).to_json() == written, name  # (older files gain newer defaults once)


def test_a_straight_network_saves_as_format_1_and_a_graph_as_format_2(tmp_path):
    plain = load_preset("seed-mlp")
    assert plain.to_dict()["version"] == 1
    assert all("id" not in item and "inputs" not in item for item in plain.to_dict()["layers"])
    exp = residual_mlp()
    data = exp.to_dict()
    assert data["version"] == 2
    assert data["layers"][6] == {"type": "Add", "inputs": ["body", "h"]}
    assert data["layers"][2] == {"type": "ReLU", "id": "h"}
    exp.save(tmp_path / "r.json")
    again = Experiment.load(tmp_path / "r.json")
    assert again == exp and again.to_json() == exp.to_json()


@pytest.mark.parametrize("change, message", [
    (lambda layers: layers[6].update(inputs=["body", "nowhere"]),
     "layers[6].inputs[1]: no layer has the id 'nowhere'; name one of: input, h, body"),
    (lambda layers: layers[3].update(id="h"),
     "layers[3].id: layers[2] (ReLU) already has the id 'h'; every id must be unique — rename one of them"),
    (lambda layers: (layers[3].update(id="x", inputs=["body"])),
     "layers[5].inputs: layers[3] (Linear), layers[4] (ReLU), layers[5] (Linear) read from each other in a loop, "
     "so data would flow in a circle; remove one of these inputs"),
    (lambda layers: layers[3].update(inputs=["h", "input"]),
     "layers[3].inputs: Linear reads one input, but 2 are listed; join them with an Add or a Concat layer first"),
])
def test_a_format_2_file_with_a_broken_graph_is_refused_with_one_message(change, message):
    data = residual_mlp().to_dict()
    change(data["layers"])
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict(data)
    assert str(info.value) == message


def test_what_the_window_can_still_fix_loads():
    """A merge left with one input or a block without input (mid-edit) saves and loads; it is shown red."""
    exp = ge.disconnect(residual_mlp(), 2, 6)
    again = Experiment.from_json(exp.to_json())
    assert again == exp
    assert infer_shapes(again).error.index == 6


# --------------------------------------------------------------------------- edits


def test_wrapping_blocks_in_a_residual_block_adds_the_skip_and_keeps_the_rest():
    exp = load_preset("seed-mlp")  # Flatten, Linear 128, ReLU, Linear 64, ReLU, Linear 10
    exp.layers[3].params["units"] = 128
    new, add = ge.wrap_in_residual(exp, 3, 4)
    assert add == 5 and [layer.type for layer in new.layers] == ["Flatten", "Linear", "ReLU", "Linear", "ReLU",
                                                                  "Add", "Linear"]
    graph = network_graph(new)
    assert graph.ok and graph.sources(5) == [4, 2] and graph.sources(6) == [5]
    assert exp.layers[3].params["units"] == 128 and all(layer.id is None for layer in exp.layers)  # untouched
    assert infer_shapes(new).error is None


def test_wrapping_blocks_that_change_the_shape_adds_a_projection_on_the_skip():
    new, add = ge.wrap_in_residual(load_preset("seed-mlp"), 3, 4)  # 128 → 64
    graph = network_graph(new)
    projection = graph.sources(add)[1]
    assert new.layers[projection].type == "Linear" and new.layers[projection].params["units"] == 64
    assert graph.sources(projection) == [2]
    assert infer_shapes(new).error is None


def test_a_residual_block_from_the_palette_fits_the_shape_at_that_point():
    new, add = ge.residual_block(load_preset("seed-cnn"), 3)  # after the max-pool: 16×14×14
    assert [layer.type for layer in new.layers[3:7]] == ["Conv2d", "ReLU", "Conv2d", "Add"]
    assert new.layers[3].params["out_channels"] == 16 and new.layers[3].params["padding"] == 1
    assert infer_shapes(new).error is None and add == 6
    new, add = ge.residual_block(load_preset("seed-mlp"), 3)
    assert [layer.type for layer in new.layers[3:7]] == ["Linear", "ReLU", "Linear", "Add"]
    assert new.layers[3].params["units"] == 128 and infer_shapes(new).error is None
    with pytest.raises(GraphError, match="needs a flat vector here, but the data is 16×14×14"):
        ge.residual_block(load_preset("seed-cnn"), 3, kind="Linear")


def test_insert_on_an_arrow_puts_the_block_between_its_ends():
    exp = residual_mlp()
    new, index = ge.insert_on_edge(exp, "Dropout", 2, 6)  # on the skip
    graph = network_graph(new)
    assert new.layers[index].type == "Dropout" and graph.sources(index) == [2]
    assert graph.sources(index + 1) == [5, index]
    assert graph.ok
    new, index = ge.insert_on_edge(load_preset("seed-mlp"), "Dropout", 1, 2)
    assert index == 2 and all(layer.inputs is None and layer.id is None for layer in new.layers)  # still plain


def test_deleting_a_block_rewires_its_readers_and_explains_a_merge_that_goes():
    exp = residual_mlp()
    new, notes = ge.delete_layers(exp, [4])  # the ReLU inside the body
    assert network_graph(new).ok and notes == []
    body_only = mnist(layer("Flatten"), linear(64), named(layer("ReLU"), "h"), named(linear(64), "b"),
                      named(layer("Add"), inputs=["b", "h"]), linear(10))
    new, notes = ge.delete_layers(body_only, [3])
    assert [layer.type for layer in new.layers] == ["Flatten", "Linear", "ReLU", "Linear"]
    assert all(layer.id is None and layer.inputs is None for layer in new.layers)  # a plain stack again
    assert [str(n) for n in notes] == ["Add #5 was removed too: without Linear #4 it had only one input left to join"]


def test_connect_disconnect_and_loops():
    exp = residual_mlp()
    assert ge.would_cycle(exp, 6, 3) and ge.would_cycle(exp, 4, 4) and not ge.would_cycle(exp, 1, 6)
    with pytest.raises(GraphError, match="would make a loop"):
        ge.connect(exp, 6, 3)
    with pytest.raises(GraphError, match="only Add and Concat can join several inputs"):
        ge.connect(exp, 1, 4)
    cut = ge.disconnect(exp, 2, 6)
    assert network_graph(cut).sources(6) == [5]
    joined = ge.connect(cut, 2, 6)
    assert network_graph(joined).sources(6) == [5, 2] and infer_shapes(joined).error is None


def test_duplicate_and_move_keep_a_graph_valid():
    exp = residual_mlp()
    new, copy = ge.duplicate_layer(exp, 4)
    assert copy == 5 and network_graph(new).ok
    with pytest.raises(GraphError):
        ge.duplicate_layer(exp, 6)
    moved = ge.move_layer(load_preset("seed-mlp"), 1, 3)
    assert [layer.type for layer in moved.layers] == ["Flatten", "ReLU", "Linear", "Linear", "ReLU", "Linear"]
    assert all(layer.inputs is None for layer in moved.layers)


# --------------------------------------------------------------------------- shapes over the graph


def test_an_add_of_different_shapes_names_both_shapes_and_both_blocks():
    report = infer_shapes(residual_mlp(units_b=32))
    assert report.error.index == 6
    assert str(report.error.message) == (
        "Add #7 gets 32 from Linear #6 and 64 from ReLU #3 — Add sums its inputs number by number, so their shapes "
        "must be equal: give those blocks the same size, add a Linear (or 1×1 Conv2d) on one path, or use Concat")
    assert report.layers[6].input_shapes == [(32,), (64,)]
    assert report.layers[5].output_shape == (32,)  # the blocks above keep their shapes


def test_concat_joins_features_and_channels():
    exp = residual_mlp(units_b=32)
    exp.layers[6].type = "Concat"
    report = infer_shapes(exp)
    assert report.error is None and report.layers[6].output_shape == (96,)
    assert report.layers[6].input_shape == (32,) and report.layers[6].input_shapes == [(32,), (64,)]
    images = mnist(named(layer("Conv2d", out_channels=4, padding=1), "a"), layer("Conv2d", out_channels=6,
                                                                              padding=1),
                   named(layer("Concat"), inputs=["a", "conv"]), layer("Flatten"), linear(10))
    images.layers[1].id = "conv"
    report = infer_shapes(images)
    assert report.error is None and report.layers[2].output_shape == (10, 28, 28)
    images.layers[1].params["padding"] = 0
    report = infer_shapes(images)
    assert str(report.error.message).startswith("Concat #3 gets 4×28×28 from Conv2d #1 and 6×26×26 from Conv2d #2 "
                                                "— Concat puts images side by side along their channels")


def test_validate_table_shows_each_blocks_inputs_with_the_branch_indented():
    table = infer_shapes(residual_mlp()).table()
    lines = table.splitlines()
    assert lines[0].split() == ["#", "Layer", "Inputs", "Output", "shape", "Parameters"]
    assert lines[6].split()[:3] == ["4", "Linear", "#3"] and "    Linear" in lines[6]
    assert lines[9].split()[:4] == ["7", "Add", "#6,", "#3"]
    plain = infer_shapes(load_preset("seed-mlp")).table()
    assert "Inputs" not in plain  # a plain stack's table is as it always was


def test_the_tables_edits_rewire_a_graph_too():
    from playground.core import edits

    exp = residual_mlp()
    new = edits.delete_layer(exp, 5)  # the body's last Linear: the Add now reads the ReLU before it
    assert network_graph(new).sources(5) == [4, 2] and infer_shapes(new).error is None
    new, row = edits.insert_layer(exp, "Dropout", 6)  # on the arrow into the Add
    assert row == 6 and network_graph(new).sources(7) == [6, 2] and network_graph(new).sources(6) == [5]
    new = edits.duplicate_layer(exp, 1)
    assert network_graph(new).ok and new.layers[2].type == "Linear"
    with pytest.raises(GraphError):
        edits.duplicate_layer(exp, 6)
