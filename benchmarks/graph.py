"""Section `graph`: the network graph — rebuilding its scene for a 50-block network, and the event loop
while a run trains with the graph shown."""

from __future__ import annotations

import time

from benchmarks.common import child, median, percentile, verdict

REBUILDS = 40


def deep_residual(blocks: int = 12):
    """Flatten → Linear 64 → ReLU → `blocks` × (Linear → ReLU → Linear, + skip → Add) → Linear 10, on
    Fashion-MNIST: 4·blocks + 4 layers (52 for 12), every fourth one a merge with a skip arrow beside it."""
    from playground.core import graph_edits
    from playground.core.experiment import DatasetSpec, Experiment, LayerSpec

    exp = Experiment(name="deep residual", dataset=DatasetSpec("fashion-mnist", val_split=0.0), layers=[
        LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 64, "bias": True}), LayerSpec("ReLU", {}),
        LayerSpec("Linear", {"units": 10, "bias": True})])
    for _ in range(blocks):
        exp, _add = graph_edits.residual_block(exp, len(exp.layers) - 1, "Linear")
    exp.epochs = 1
    exp.device = "cpu"
    return exp


def child_graph(root: str, threads: str, view: str = "graph", limit: str = "12000") -> dict:
    """In a fresh process: the window on the deep residual network, graph shown; `REBUILDS` scene rebuilds
    timed one by one, then one epoch on `limit` images with a 10 ms timer measuring the event loop, with
    the graph on screen (`view` "graph") or the table instead ("list": the control)."""

    from benchmarks.gui import LoopDelays, RunEnd, open_window, wait
    from playground.ui.graph.layout import layered_layout
    from playground.ui.graph.model import graph_data

    exp = deep_residual()
    exp.dataset.limit = int(limit)
    window, threads_used = open_window(exp, root, int(threads))
    view_name, view = view, window.network_view
    view.set_mode(0)
    wait(300)
    shown_mode = 1 if view_name == "list" else 0
    graph = view.graph
    document = window.document
    if document.report is None or document.report.error is not None:
        raise RuntimeError(f"the benchmark network does not work: {window.train_blocker()}")
    label, output = "Fashion-MNIST", view.output_text(document.experiment)

    cpu: list[float] = []

    def timed(action, keep_cpu: bool = False) -> list[float]:
        times = []
        for _ in range(REBUILDS):
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            times.append((time.perf_counter() - start) * 1000)
            if keep_cpu:  # the process's CPU time: what the rebuild costs when other processes take cores
                cpu.append((time.process_time() - start_cpu) * 1000)
        return times

    data = graph_data(document.experiment, document.report)
    nodes, edges = list(data.nodes), [(e.source, e.target) for e in data.edges]
    scene = timed(lambda: graph.display(document.experiment, document.report, label, output), keep_cpu=True)
    layout = timed(lambda: layered_layout(nodes, edges))
    fresh = timed(lambda: (graph.graph_scene.clear(),  # every item made anew (and the old ones deleted)
                           graph.display(document.experiment, document.report, label, output)))
    column = timed(lambda: view.display(document.experiment, document.report, label))

    loop = LoopDelays()
    run_end = RunEnd(window)
    view.set_mode(shown_mode)
    wait(300)
    loop.timer.start()
    if not window.start_training():
        raise RuntimeError(f"the window refused to train: {window.train_blocker()}")
    end = run_end.wait(600_000)
    loop.timer.stop()
    blocks = len(graph.graph_scene.blocks)
    visible = graph.isVisible()
    window.close()
    wait(200)
    if end is None or end.status != "completed":
        raise RuntimeError(f"the run ended {getattr(end, 'status', 'never')}: {getattr(end, 'message', '')}")
    return {"scene": scene, "scene_cpu": cpu, "fresh": fresh, "layout": layout, "column": column, "delays": loop.delays, "blocks": blocks,
            "layers": len(document.experiment.layers), "visible": visible, "threads": threads_used,
            "epoch": end.history[0].seconds}


def section_graph(ctx: dict) -> list[str]:
    root, repeats, threads = ctx["root"], ctx["repeats"], ctx["threads"]
    runs, controls = [], []
    for _ in range(max(1, min(repeats, 3))):  # alternating, so both see the same load
        runs.append(child(["graph", str(root), str(threads), "graph"]))
        controls.append(child(["graph", str(root), str(threads), "list"]))
    scene = [t for r in runs for t in r["scene"]]
    scene_cpu = [t for r in runs for t in r["scene_cpu"]]
    layout = [t for r in runs for t in r["layout"]]
    fresh = [t for r in runs for t in r["fresh"]]
    column = [t for r in runs for t in r["column"]]
    delays = [d for r in runs for d in r["delays"]]
    control = [d for r in controls for d in r["delays"]]
    rebuild, p99 = median(scene), percentile(delays, 99)
    ctx.setdefault("summary", {}).update(graph_rebuild=rebuild, graph_p99=p99)
    print(f"control p99 {percentile(control, 99):.1f}", flush=True)
    print(f"graph: rebuild median {rebuild:.1f} ms (cpu {median(scene_cpu):.1f}) p95 {percentile(scene, 95):.1f}; layout {median(layout):.2f}; "
          f"column {median(column):.1f}; p99 {p99:.1f} max {max(delays):.1f}", flush=True)
    first = runs[0]
    epochs = ", ".join(f"{r['epoch']:.2f}" for r in runs)
    return ["## The network graph: rebuilding the scene, and the event loop while training with it shown", "",
            f"The window (offscreen, 1280×800, graph view) on a residual MLP of {first['layers']} layers "
            f"({first['blocks']} blocks with Input and Output; every fourth an Add with a skip arrow beside the body). "
            f"Each of {len(runs)} fresh processes rebuilds the scene {REBUILDS} times (what every edit, undo or "
            "redo does: graph data from the experiment and its shape report, the layered layout, the blocks and "
            "arrows — reused by key where they are still there, as after a setting's edit — and the fit), then trains it for one epoch on "
            f"{12000:,} Fashion-MNIST images with the graph on screen, a 10 ms `PreciseTimer` on the GUI thread "
            f"recording how late each tick comes, alternating with the same run showing the table instead of the graph "
            "(the control: what the load of the machine and the rest of the window cost); torch threads: "
            f"{first['threads']}. The rebuild is also given in the process's CPU time, which other processes' load hardly changes: on a busy machine the wall time "
            "includes the time spent waiting for a core.", "",
            "| figure | value | target |", "| --- | ---: | --- |",
            f"| scene rebuild (`networkGraph.display`), median ms | {rebuild:.1f} | {verdict('graph_rebuild', rebuild)} |",
            f"| scene rebuild, p95 ms | {percentile(scene, 95):.1f} | |",
            f"| scene rebuild, the process's CPU time, median ms | {median(scene_cpu):.1f} | |",
            f"| of which the layered layout alone, median ms | {median(layout):.2f} | |",
            f"| the same from an empty scene (every block and arrow made anew, the old ones deleted), median ms | "
            f"{median(fresh):.1f} | |",
            f"| the whole network column (graph and table), median ms | {median(column):.1f} | |",
            f"| event-loop delay while training, p50 ms | {percentile(delays, 50):.1f} | |",
            f"| event-loop delay while training, p99 ms | {p99:.1f} | {verdict('gui_p99', p99)} |",
            f"| event-loop delay, worst tick, ms | {max(delays):.1f} | |",
            f"| control: the same runs with the table shown instead of the graph, p50 / p99 ms | "
            f"{percentile(control, 50):.1f} / {percentile(control, 99):.1f} | |",
            f"| p99 with the graph ÷ p99 with the table | {p99 / max(percentile(control, 99), 1e-9):.2f} | |",
            f"| ticks measured (all runs) | {len(delays):,} | |",
            f"| epoch, s (per run) | {epochs} | |", ""]
