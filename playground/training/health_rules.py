"""Gradient health in words and colours: the thresholds, the warnings and the colour scale (no torch, no Qt).

`health_warnings(layers)` reads one epoch's per-layer means (see `health.summarize`) and returns
the patterns that are clear, each a translatable `Message` with the Help → Concepts entry that
explains it. `gradient_position(grad, largest)` places a gradient norm on the view's colour scale:
−1 vanishing (blue), 0 healthy, +1 exploding (red), logarithmic in between.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from playground.i18n import QT_TRANSLATE_NOOP, Message

# saturation: the slope is almost 0 there (σ' < 0.03, tanh' < 0.06)
SIGMOID_LOW, SIGMOID_HIGH = 0.03, 0.97
TANH_LIMIT = 0.97

VANISHING_FACTOR = 1e3  # first layer's gradient norm this many times smaller than the last layer's
EXPLODING_FACTOR = 1e3  # … or this many times larger
DEAD_SHARE = 0.5  # more than half of a ReLU layer dead
SATURATED_SHARE = 0.5  # more than half of a Sigmoid/Tanh layer's outputs saturated
RATIO_HIGH = 0.1  # update ratio above this for a whole epoch: the learning rate is too high
RATIO_LOW = 1e-5  # every layer's update ratio below this for a whole epoch: too low

# the colour scale: blue from 1/10 of the network's largest layer gradient (at most 10) down to 1/1000
# of it, red from an absolute norm of 10 up to 1000
BLUE_FROM, BLUE_FULL = 1e-1, 1e-3
RED_FROM, RED_FULL = 10.0, 1e3

FIELDS = ("grad_norm", "update_ratio", "weight_norm", "dead_fraction", "saturated_fraction")


@dataclass
class LayerHealth:
    """One layer's figures; None where a figure does not apply (no parameters, not an activation)."""

    index: int  # the experiment's layer index, 0-based
    type: str
    grad_norm: float | None = None
    update_ratio: float | None = None
    weight_norm: float | None = None
    dead_fraction: float | None = None
    saturated_fraction: float | None = None
    update_ratio_min: float | None = None  # over an epoch's measured batches (summaries only)
    update_ratio_max: float | None = None

    def has_figures(self) -> bool:
        return any(getattr(self, name) is not None for name in FIELDS)

    def to_json(self) -> dict:
        """The `--json` form: index, type and the figures that apply (all finite)."""
        data = {"index": self.index, "type": self.type}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None and math.isfinite(value):
                data[name] = float(f"{value:.6g}")
        return data

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class HealthWarning:
    kind: str  # "vanishing" | "exploding" | "dead" | "saturated" | "lr-high" | "lr-low"
    message: Message
    concept: str  # Help → Concepts key
    layer: int | None = None  # the layer it is about, when one


def _label(layer: LayerHealth) -> str:
    return f"{layer.type} #{layer.index + 1}"


def gradient_position(grad_norm: float | None, largest: float | None) -> float | None:
    """−1 (vanishing) … 0 (healthy) … +1 (exploding) on a log scale; None without a gradient."""
    if grad_norm is None or not math.isfinite(grad_norm):
        return None
    if grad_norm > RED_FROM:
        return min(1.0, math.log10(grad_norm / RED_FROM) / math.log10(RED_FULL / RED_FROM))
    if largest and largest > 0:
        relative = grad_norm / min(largest, RED_FROM)  # beside an exploding layer, the others are not "vanishing"
        if relative < BLUE_FROM:
            if relative <= 0:
                return -1.0
            return -min(1.0, math.log10(BLUE_FROM / relative) / math.log10(BLUE_FROM / BLUE_FULL))
    return 0.0


def largest_gradient(layers: list[LayerHealth]) -> float | None:
    values = [layer.grad_norm for layer in layers if layer.grad_norm is not None and math.isfinite(layer.grad_norm)]
    return max(values) if values else None


def health_warnings(layers: list[LayerHealth]) -> list[HealthWarning]:
    """The clear patterns in one epoch's summary, most important first."""
    warnings: list[HealthWarning] = []
    graded = [layer for layer in layers if layer.grad_norm is not None]
    if len(graded) >= 2:
        first, last = graded[0], graded[-1]
        if last.grad_norm > 0 and first.grad_norm * VANISHING_FACTOR < last.grad_norm:
            factor = last.grad_norm / first.grad_norm if first.grad_norm > 0 else math.inf
            below = next((g for g in graded if g.grad_norm * VANISHING_FACTOR < last.grad_norm), first)
            warnings.append(HealthWarning("vanishing", Message("Health", QT_TRANSLATE_NOOP(
                "Health", "Gradients vanish: the first layer ({first}) gets a gradient {factor} times smaller than "
                "the last ({last}), so the early layers barely learn. Try ReLU instead of Sigmoid/Tanh, "
                "BatchNorm, or skip connections."), first=_label(first), last=_label(last),
                factor=_factor(factor)), "idea:vanishing-gradients", below.index))
        elif first.grad_norm > 0 and last.grad_norm * EXPLODING_FACTOR < first.grad_norm:
            warnings.append(HealthWarning("exploding", Message("Health", QT_TRANSLATE_NOOP(
                "Health", "Gradients explode: the first layer ({first}) gets a gradient {factor} times larger than "
                "the last ({last}). Try a lower learning rate, gradient clipping or BatchNorm."),
                first=_label(first), last=_label(last), factor=_factor(first.grad_norm / last.grad_norm)),
                "idea:exploding-gradients", first.index))
    ratios = [layer for layer in graded if layer.update_ratio_min is not None]
    too_fast = [layer for layer in ratios if layer.update_ratio_min > RATIO_HIGH]
    if too_fast:
        worst = max(too_fast, key=lambda layer: layer.update_ratio_min)
        warnings.append(HealthWarning("lr-high", Message("Health", QT_TRANSLATE_NOOP(
            "Health", "Each step changes {layer}'s weights by {ratio} of their size for a whole epoch (about 0.001 "
            "is usual): the learning rate is too high. Lower it about ten times."),
            layer=_label(worst), ratio=f"{worst.update_ratio_min:.0%}"), "idea:update-ratio", worst.index))
    elif ratios and all(layer.update_ratio_max is not None and layer.update_ratio_max < RATIO_LOW for layer in ratios):
        largest = max(layer.update_ratio_max for layer in ratios)
        warnings.append(HealthWarning("lr-low", Message("Health", QT_TRANSLATE_NOOP(
            "Health", "Each step changes the weights by less than {ratio} of their size for a whole epoch (about "
            "0.001 is usual): the learning rate is too low, or the gradients have vanished. Raise the learning "
            "rate about ten times."), ratio=f"{max(largest, 1e-12):.1g}"), "idea:update-ratio"))
    for layer in layers:
        if layer.dead_fraction is not None and layer.dead_fraction > DEAD_SHARE:
            warnings.append(HealthWarning("dead", Message("Health", QT_TRANSLATE_NOOP(
                "Health", "{share} of {layer}'s units are dead: zero for every example, so no gradient flows "
                "through them. Lower the learning rate, or try LeakyReLU or BatchNorm before it."),
                share=f"{layer.dead_fraction:.0%}", layer=_label(layer)), "idea:dead-relu", layer.index))
        if layer.saturated_fraction is not None and layer.saturated_fraction > SATURATED_SHARE:
            warnings.append(HealthWarning("saturated", Message("Health", QT_TRANSLATE_NOOP(
                "Health", "{share} of {layer}'s outputs are saturated (near its limits, where its slope is almost "
                "0), so little gradient passes. Try ReLU, BatchNorm before it, or a lower learning rate."),
                share=f"{layer.saturated_fraction:.0%}", layer=_label(layer)), "idea:saturation", layer.index))
    return warnings


def _factor(value: float) -> str:
    if not math.isfinite(value):
        return "∞"
    return f"{value:,.0f}" if value < 1e6 else f"{value:.1e}"
