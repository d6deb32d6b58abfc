"""Gradient health: what measuring it costs, and what it shows on the deep presets.

- Cost: one fresh process trains the seed-mlp preset's epoch (MNIST as `playground train --preset
  seed-mlp` reads it: 9,000 training and 1,000 validation images, batch 64) with the health monitor
  as `playground train` runs it and without, in turn, many short pairs on the same tensors; the median
  of the pairs' ratios, and the time spent inside the monitor's calls and hooks as a share of the epoch
  (the direct cost, which the machine's drift blurs less).
- Figures: `deep-sigmoid` and `deep-relu` one epoch on MNIST: the first layer's gradient norm over
  the last layer's (the epoch's means), and the warnings.
"""

from __future__ import annotations

import time

from benchmarks.common import bench_experiment, child, median, spread, verdict


def child_health(root: str, threads: str, pairs: str) -> dict:
    import torch

    import playground.training.health as health_module
    from playground.core.presets import load_preset
    from playground.data.registry import load_dataset
    from playground.training.probes import ProbeContext
    from playground.training.probes.health import HealthProbe
    from playground.training.trainer import Trainer, TrainerCallbacks

    torch.set_num_threads(int(threads))
    exp = load_preset("seed-mlp")
    exp.epochs, exp.device = 1, "cpu"
    data = load_dataset(exp.dataset, seed=exp.seed, data_dir=root)
    if data.source != "full":  # no MNIST files: the benchmark's own images, as many as the preset reads
        exp = bench_experiment("mlp", 10000)
        data = load_dataset(exp.dataset, seed=exp.seed, data_dir=root)
    in_hooks = [0.0]  # the forward hooks' work happens inside the model's forward pass: timed there
    share = health_module.activation_share

    def timed_share(*args, **kwargs):
        started = time.perf_counter()
        try:
            return share(*args, **kwargs)
        finally:
            in_hooks[0] += time.perf_counter() - started

    health_module.activation_share = timed_share

    class Timed(TrainerCallbacks):
        def __init__(self, health: bool):
            self.health, self.probe, self.context, self.inside = health, None, None, 0.0
            self.epoch = self.cpu = 0.0

        def on_start(self, trainer, event):
            self.cpu_start = time.thread_time()
            if self.health:
                started = time.perf_counter()
                self.probe, self.context = HealthProbe(), ProbeContext.of(trainer)
                self.probe.on_start(self.context, event)
                self.inside += time.perf_counter() - started

        def on_batch(self, trainer, event):
            if self.probe is not None:
                started = time.perf_counter()
                self.probe.on_batch(self.context, event)
                self.inside += time.perf_counter() - started

        def on_epoch(self, trainer, event):
            if self.probe is not None:
                started = time.perf_counter()
                self.probe.on_epoch(self.context, event)
                self.inside += time.perf_counter() - started
            self.epoch, self.cpu = event.seconds, time.thread_time() - self.cpu_start

    rows = []
    for i in range(int(pairs)):
        pair = {}
        for health in (True, False) if i % 2 == 0 else (False, True):  # neither side always goes first
            callbacks = Timed(health)
            in_hooks[0] = 0.0
            Trainer(exp, callbacks, data=data).run()
            callbacks.inside += in_hooks[0]
            pair[health] = callbacks
        rows.append({"batches": -(-len(data.train_x) // exp.dataset.batch_size), "on": pair[True].epoch, "off": pair[False].epoch, "on_cpu": pair[True].cpu,
                     "off_cpu": pair[False].cpu, "inside": pair[True].inside})
    return {"rows": rows}


def child_deep(root: str, threads: str) -> dict:
    import torch

    from playground.core.presets import load_preset
    from playground.training.probes import ProbeContext
    from playground.training.probes.health import HealthProbe
    from playground.training.trainer import Trainer, TrainerCallbacks

    torch.set_num_threads(int(threads))
    out = {}
    for name in ("deep-sigmoid", "deep-relu"):
        exp = load_preset(name)
        exp.epochs = 1

        class Watch(TrainerCallbacks):
            def on_start(self, trainer, event):
                self.probe, self.context = HealthProbe(), ProbeContext.of(trainer)
                self.probe.on_start(self.context, event)

            def on_batch(self, trainer, event):
                self.probe.on_batch(self.context, event)

            def on_epoch(self, trainer, event):
                self.summary = self.probe.on_epoch(self.context, event)
                self.accuracy = event.val_accuracy

        watch = Watch()
        trainer = Trainer(exp, watch, data_dir=root)
        trainer.run()
        graded = [layer for layer in watch.summary["layers"] if layer.grad_norm is not None]
        out[name] = {"first": graded[0].grad_norm, "last": graded[-1].grad_norm,
                     "ratio": graded[0].grad_norm / graded[-1].grad_norm, "accuracy": watch.accuracy,
                     "warnings": [w.kind for w in watch.summary["warnings"]], "data": trainer.data.source,
                     "images": len(trainer.data.train_x)}
    return out


def section_health(ctx: dict) -> list[str]:
    root, threads = ctx["root"], ctx["threads"]
    pairs = 6 if ctx["quick"] else 24
    rows = child(["health", str(root), str(threads), str(pairs)])["rows"]
    ratios = [r["on"] / r["off"] for r in rows]
    cpu_ratios = [r["on_cpu"] / r["off_cpu"] for r in rows]
    inside = [r["inside"] / r["on"] for r in rows]
    ratio, cpu_ratio, share = median(ratios), median(cpu_ratios), median(inside)
    from playground.training.health import sample_interval

    batches = rows[0]["batches"]
    interval = sample_interval(batches)
    ctx.setdefault("summary", {}).update(health_ratio=ratio, health_share=share)
    lines = ["## Gradient health: its cost, and the deep presets", "",
             f"The seed-mlp preset's epoch ({batches} batches of 64, validation included, Adam 1e-3) trained in one "
             f"fresh process with the health monitor (as `playground train` runs it: one batch in {interval} "
             f"measured) and without, in turn, {pairs} pairs on the same tensors; torch threads {threads}.", "",
             "| figure | value | target |", "| --- | ---: | --- |",
             f"| epoch with / without, median of the pairs' ratios | {ratio:.3f} | {verdict('health_ratio', ratio)} |",
             f"| the same in the training thread's CPU time | {cpu_ratio:.3f} | |",
             f"| time inside the monitor's calls and hooks, share of the epoch (median) | {share:.2%} | |", "",
             f"Every pair's ratio: {spread(ratios, 3)}; CPU time: {spread(cpu_ratios, 3)}; time inside the "
             f"monitor: {spread([100 * v for v in inside], 1)} %; epochs with: {spread([r['on'] for r in rows])} s, "
             f"without: {spread([r['off'] for r in rows])} s.", ""]
    try:
        deep = child(["health-deep", str(root), str(threads)])
    except RuntimeError as exc:  # MNIST absent (synthetic data): say so instead of a figure
        return lines + [f"The deep presets need MNIST: {str(exc).splitlines()[-1][:200]}", ""]
    first = next(iter(deep.values()))
    lines += [f"One epoch of each deep preset on MNIST ({first['data']} set, {first['images']:,} training images): "
              "the first Linear layer's gradient norm over the last one's, the means over the epoch's measured "
              "batches.", "", "| preset | first layer ‖g‖ | last layer ‖g‖ | first / last | validation "
              "accuracy | warnings |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for name, row in deep.items():
        lines.append(f"| {name} | {row['first']:.3g} | {row['last']:.3g} | {row['ratio']:.3g} | "
                     f"{row['accuracy']:.1%} | {', '.join(row['warnings']) or '—'} |")
    return lines + [""]
