"""Gradient health for the network view and the training panel: a `HealthMonitor` on the training thread.

Payloads: after each measured batch ``{"kind": "sample", "global_step", "epoch", "layers"}`` (the
view's live tint and sparklines); after each epoch ``{"kind": "epoch", "epoch", "layers",
"warnings"}`` with the epoch's means and the warnings they support (`health_rules.HealthWarning`).
``layers`` are `LayerHealth` records: plain floats, no tensors.
"""

from __future__ import annotations

from playground.core.experiment import Experiment


class HealthProbe:
    @classmethod
    def for_experiment(cls, experiment: Experiment) -> HealthProbe:
        return cls()

    def __init__(self):
        self.monitor = None

    def on_start(self, context, event) -> dict:
        from playground.training.health import HealthMonitor, sample_interval

        if self.monitor is not None:
            self.monitor.close()
        self.monitor = HealthMonitor(context.model, [layer.type for layer in context.experiment.layers],
                                     sample_interval(event.batches_per_epoch))
        self.monitor.arm_if_next(0)
        return {"kind": "start", "interval": self.monitor.interval}

    def on_batch(self, context, event) -> dict | None:
        if self.monitor is None:
            return None
        sample = self.monitor.measure(event.global_step)
        self.monitor.arm_if_next(event.global_step)
        if sample is None:
            return None
        return {"kind": "sample", "global_step": sample.global_step, "epoch": event.epoch,
                "batches_per_epoch": event.batches_per_epoch, "layers": sample.layers}

    def on_epoch(self, context, event) -> dict | None:
        if self.monitor is None:
            return None
        summary = self.monitor.end_epoch()
        return {"kind": "epoch", "epoch": event.epoch, "layers": summary.layers, "warnings": summary.warnings}

    def on_end(self, context, event) -> None:
        if self.monitor is not None:
            self.monitor.close()
