"""Gradient health: per-layer statistics measured on the training thread, every few batches.

For every layer with parameters: the gradient norm ‖g‖, the weight norm ‖w‖ and the update ratio
‖Δw‖/‖w‖ of one optimizer step (the usual rule of thumb: about 1e-3). For ReLU layers the share of
units that were zero for every example of the batch ("dead"); for Sigmoid and Tanh the share of
saturated outputs (sigmoid below 0.03 or above 0.97, |tanh| above 0.97), where the slope is almost 0.

Cost: nothing on an unsampled batch. The batch before a sampled one copies the weights (the update
needs them from before the step) and attaches forward hooks to the activation layers; the sampled
batch reads its gradients, compares the weights and removes the hooks. `HealthMonitor` is the whole
computation, used by the window's probe (`probes/health.py`) and by `playground train`.

A layer's norms cover all its parameters together (weight and bias). Gradients are read after
clipping, as the optimizer used them. Indices are the experiment's layer indices (0-based).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
from torch import nn

from playground.training.health_rules import (
    SIGMOID_HIGH,
    SIGMOID_LOW,
    TANH_LIMIT,
    HealthWarning,
    LayerHealth,
    health_warnings,
)

SAMPLES_PER_EPOCH = 8  # at least this many measured batches per epoch…
MAX_INTERVAL = 20  # …and one in 20 batches in a long one (a sample costs about a third of a batch)


def sample_interval(batches_per_epoch: int) -> int:
    """Every how many batches to measure: every batch in a short epoch, one in 20 in a long one."""
    return max(1, min(MAX_INTERVAL, batches_per_epoch // SAMPLES_PER_EPOCH))


def _activation_kind(module: nn.Module) -> str | None:
    if isinstance(module, (nn.ReLU, nn.ReLU6)):
        return "dead"
    if isinstance(module, (nn.Sigmoid, nn.Tanh)):
        return "saturated"
    return None


@dataclass
class _Watched:
    index: int
    type: str
    module: nn.Module
    params: list[torch.nn.Parameter]
    activation: str | None  # "dead" | "saturated" | None


@dataclass
class Sample:
    """One measured batch: every watched layer's figures (None where a figure does not apply)."""

    global_step: int
    layers: list[LayerHealth] = field(default_factory=list)


class HealthMonitor:
    """Measures the health of a model's layers every `interval` batches and sums each epoch up.

    Call `arm_if_next(step)` after each batch (and once before the first with step 0), `measure(step)`
    after each batch's optimizer step, `end_epoch()` after each epoch, `close()` at the end.
    """

    def __init__(self, model: nn.Module, layer_types: list[str], interval: int = MAX_INTERVAL):
        self.interval = max(1, int(interval))
        self.watched: list[_Watched] = []
        # one module per layer, in the experiment's order (nn.Sequential, or a graph network numbered the same way)
        modules = list(model.children())
        if len(modules) != len(layer_types) and not isinstance(model, nn.Sequential):
            modules = []
        for index, module in enumerate(modules):
            type_name = layer_types[index] if index < len(layer_types) else type(module).__name__
            params = list(module.parameters())
            activation = _activation_kind(module)
            if params or activation:
                self.watched.append(_Watched(index, type_name, module, params, activation))
        self._params = [p for w in self.watched for p in w.params]  # every watched parameter, in order
        self._buffers: list[torch.Tensor] | None = None  # the weights before a measured step (reused)
        self._armed = False
        self._hooks: list = []
        self._activation_stats: dict[int, torch.Tensor] = {}
        self.epoch_samples: list[Sample] = []

    # ------------------------------------------------------------------ sampling
    def is_sampled(self, global_step: int) -> bool:
        return global_step > 0 and global_step % self.interval == 0

    def arm_if_next(self, global_step: int) -> None:
        """After batch `global_step` (0: before the first): if the next batch is measured, keep the
        weights as they are now (before its step) and listen to the activations of its forward pass."""
        if not self.is_sampled(global_step + 1):
            return
        with torch.no_grad():
            params = [p.detach() for p in self._params]
            if self._buffers is None or any(b.shape != p.shape or b.dtype != p.dtype or b.device != p.device
                                            for b, p in zip(self._buffers, params, strict=True)):
                self._buffers = [torch.empty_like(p) for p in params]
            if params:
                torch._foreach_copy_(self._buffers, params)  # one call for all the layers
        self._armed = True
        self._activation_stats.clear()
        self._remove_hooks()
        for w in self.watched:
            if w.activation:
                self._hooks.append(w.module.register_forward_hook(self._hook_for(w)))

    @property
    def _before(self) -> list[torch.Tensor] | None:
        return self._buffers if self._armed else None

    def _hook_for(self, watched: _Watched):
        def hook(module, inputs, output):
            # only the training forward pass (not evaluation, not another view's no-grad look), once
            if not module.training or not torch.is_grad_enabled() or watched.index in self._activation_stats:
                return
            with torch.no_grad():
                self._activation_stats[watched.index] = activation_share(output, watched.activation, watched.type,
                                                                         as_tensor=True)
        return hook

    def _remove_hooks(self) -> None:
        for handle in self._hooks:
            handle.remove()
        self._hooks.clear()

    def measure(self, global_step: int) -> Sample | None:
        """After a batch's optimizer step: its figures if it was a measured batch, else None (and no work)."""
        if not self.is_sampled(global_step):
            return None
        self._remove_hooks()
        before = self._before
        self._armed = False
        sample = Sample(global_step)
        params = [p.detach() for p in self._params]
        n = len(params)
        with torch.no_grad():
            norms = list(torch._foreach_norm(params)) if params else []  # weights, then gradients, Δw, old w
            with_grad = [i for i, p in enumerate(self._params) if p.grad is not None]
            norms += torch._foreach_norm([self._params[i].grad for i in with_grad]) if with_grad else []
            if before is not None and params:
                norms += torch._foreach_norm(torch._foreach_sub(params, before))
                norms += torch._foreach_norm(before)
            activations = [self._activation_stats[w.index] for w in self.watched if w.index in self._activation_stats]
            everything = [t.float().reshape(()) for t in norms + activations]
            values = torch.stack(everything).cpu().tolist() if everything else []  # one transfer for all
        weights, grads = values[:n], dict(zip(with_grad, values[n:n + len(with_grad)], strict=True))
        rest = values[n + len(with_grad):]
        deltas, olds = (rest[:n], rest[n:2 * n]) if before is not None and params else ([], [])
        shares = dict(zip([w.index for w in self.watched if w.index in self._activation_stats],
                          rest[2 * n if deltas else 0:], strict=True))
        slot = 0
        for w in self.watched:
            health = LayerHealth(w.index, w.type)
            if w.params:
                span = range(slot, slot + len(w.params))
                slot += len(w.params)
                health.weight_norm = _finite(_combine(weights[i] for i in span))
                if any(i in grads for i in span):
                    health.grad_norm = _finite(_combine(grads[i] for i in span if i in grads))
                if deltas:
                    delta, old = _combine(deltas[i] for i in span), _combine(olds[i] for i in span)
                    if math.isfinite(delta) and math.isfinite(old) and old > 0:
                        health.update_ratio = delta / old
            share = shares.get(w.index)
            if w.activation == "dead":
                health.dead_fraction = share
            elif w.activation == "saturated":
                health.saturated_fraction = share
            if health.has_figures():
                sample.layers.append(health)
        self._activation_stats.clear()
        self.epoch_samples.append(sample)
        return sample

    def end_epoch(self) -> EpochHealth:
        """The epoch's summary (means over its measured batches) and the warnings it supports."""
        summary = summarize(self.epoch_samples)
        self.epoch_samples = []
        return summary

    def close(self) -> None:
        self._remove_hooks()
        self._armed = False
        self._buffers = None


def activation_share(output: torch.Tensor, kind: str, type_name: str = "", as_tensor: bool = False):
    """ReLU: the share of units zero for every example of the batch; Sigmoid/Tanh: of saturated outputs.
    A float, or a 0-d tensor with `as_tensor` (read later with the other figures, in one transfer)."""
    out = output.detach()
    if kind == "dead":
        share = (out == 0).all() if out.dim() < 2 else (out == 0).all(dim=0).float().mean()
    elif type_name == "Tanh" or (type_name != "Sigmoid" and float(out.min()) < 0):
        share = (out.abs() > TANH_LIMIT).float().mean()
    else:
        share = ((out < SIGMOID_LOW) | (out > SIGMOID_HIGH)).float().mean()
    return share.float() if as_tensor else float(share)


def _combine(norms) -> float:
    """The norm of several tensors taken as one vector, from their own norms."""
    return math.sqrt(sum(v * v for v in norms))


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


@dataclass
class EpochHealth:
    layers: list[LayerHealth]  # the epoch's means
    warnings: list[HealthWarning]
    samples: int


def summarize(samples: list[Sample]) -> EpochHealth:
    """Means over an epoch's samples per layer, the update ratio's range, and the warnings."""
    by_layer: dict[int, list[LayerHealth]] = {}
    for sample in samples:
        for layer in sample.layers:
            by_layer.setdefault(layer.index, []).append(layer)
    layers = []
    for index in sorted(by_layer):
        rows = by_layer[index]
        summary = LayerHealth(index, rows[0].type)
        for name in ("grad_norm", "update_ratio", "dead_fraction", "saturated_fraction"):
            values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
            if values:
                setattr(summary, name, sum(values) / len(values))
        weights = [r.weight_norm for r in rows if r.weight_norm is not None]
        summary.weight_norm = weights[-1] if weights else None  # where the epoch left the weights
        ratios = [r.update_ratio for r in rows if r.update_ratio is not None]
        if ratios:
            summary.update_ratio_min, summary.update_ratio_max = min(ratios), max(ratios)
        layers.append(summary)
    return EpochHealth(layers, health_warnings(layers) if samples else [], len(samples))
