"""One training step taken apart, the way the course teaches it: forward, loss, backward, update.

`take_step` performs a real optimizer step on one batch and records, for each layer with
weights, the gradient norm, the size of the change the optimizer made, what plain SGD would
have changed (lr × gradient) and the optimizer's state (momentum buffer, Adam's moments).
Comparing the last two shows what momentum or Adam adds to gradient descent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn


@dataclass
class LayerStep:
    name: str  # "Linear #2"
    parameters: int
    weight_norm: float
    grad_norm: float
    update_norm: float  # ‖w_after − w_before‖
    sgd_update_norm: float  # ‖lr · grad‖: the step plain gradient descent would take
    state: dict[str, float] = field(default_factory=dict)  # optimizer state norms, e.g. momentum, exp_avg


@dataclass
class StepAnatomy:
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    loss: float
    lr: float
    layers: list[LayerStep]
    # the first images of the batch exactly as the network received them (augmented when augmentation is
    # on), N×H×W in 0..1 for display; None for data that are not images
    images: Any = None


def batch_images(inputs: torch.Tensor, count: int = 8) -> Any:
    """The first `count` one-channel images of a batch, each stretched to 0..1 for display (None otherwise)."""
    if inputs.dim() != 4 or inputs.shape[1] != 1:
        return None
    x = inputs[:count, 0].detach().float().cpu()
    low = x.amin(dim=(1, 2), keepdim=True)
    high = x.amax(dim=(1, 2), keepdim=True)
    return ((x - low) / (high - low).clamp_min(1e-6)).numpy()


def _norm(tensors: list[torch.Tensor]) -> float:
    return float(torch.sqrt(sum((t.float() ** 2).sum() for t in tensors))) if tensors else 0.0


def snapshot_weights(model: nn.Module) -> dict[str, torch.Tensor]:
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def snapshot_grads(model: nn.Module) -> dict[str, torch.Tensor]:
    return {name: (p.grad.detach().clone() if p.grad is not None else torch.zeros_like(p))
            for name, p in model.named_parameters()}


def describe_update(model: nn.Sequential, optimizer: torch.optim.Optimizer, before: dict[str, torch.Tensor],
                    grads: dict[str, torch.Tensor], lr: float, loss: float, input_shape: tuple[int, ...],
                    output_shape: tuple[int, ...], layer_names: list[str] | None = None) -> StepAnatomy:
    """The numbers of one step, given the weights and gradients captured before `optimizer.step()`."""
    layers: list[LayerStep] = []
    for index, module in enumerate(model):
        params = list(module.named_parameters(prefix=str(index)))
        if not params:
            continue
        names = [n for n, _ in params]
        tensors = [p.detach() for _, p in params]
        state: dict[str, float] = {}
        for _, p in params:
            for key, value in optimizer.state.get(p, {}).items():
                if torch.is_tensor(value) and value.dim() > 0:
                    state[key] = state.get(key, 0.0) + float((value.float() ** 2).sum())
        label = layer_names[index] if layer_names else f"{type(module).__name__} #{index + 1}"
        grad_norm = _norm([grads[n] for n in names])
        layers.append(LayerStep(
            label, sum(t.numel() for t in tensors), _norm(tensors), grad_norm,
            _norm([p.detach() - before[n] for n, p in params]), lr * grad_norm,
            {k: v ** 0.5 for k, v in state.items()},
        ))
    return StepAnatomy(tuple(input_shape), tuple(output_shape), float(loss), lr, layers)


def take_step(model: nn.Sequential, optimizer: torch.optim.Optimizer, loss_fn: nn.Module, xb: torch.Tensor,
              target: torch.Tensor, layer_names: list[str] | None = None) -> StepAnatomy:
    """Forward, backward and update on one batch, with the numbers of each stage."""
    model.train()
    before = snapshot_weights(model)
    out = model(xb)
    loss = loss_fn(out, target)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    grads = snapshot_grads(model)
    lr = float(optimizer.param_groups[0]["lr"])
    optimizer.step()
    return describe_update(model, optimizer, before, grads, lr, float(loss.detach()), tuple(xb.shape),
                           tuple(out.shape), layer_names)


def weight_histograms(model: nn.Module, bins: int = 30) -> dict[str, dict[str, list[float]]]:
    """Per layer: histogram (counts, edges) of its weights and, when present, of their gradients."""
    result: dict[str, dict[str, list[float]]] = {}
    for index, module in enumerate(model):
        weight = getattr(module, "weight", None)
        if not isinstance(weight, torch.Tensor) or weight.dim() < 2:
            rnn = getattr(module, "rnn", None)
            weight = getattr(rnn, "weight_ih_l0", None) if rnn is not None else None
            if weight is None:
                continue
        key = f"{type(module).__name__ if not hasattr(module, 'kind') else module.kind} #{index + 1}"
        entry: dict[str, list[float]] = {}
        w = weight.detach().float().flatten().cpu()
        counts, edges = torch.histogram(w, bins=bins)
        entry["weight_counts"], entry["weight_edges"] = counts.tolist(), edges.tolist()
        if weight.grad is not None:
            g = weight.grad.detach().float().flatten().cpu()
            counts, edges = torch.histogram(g, bins=bins)
            entry["grad_counts"], entry["grad_edges"] = counts.tolist(), edges.tolist()
        result[key] = entry
    return result


def layer_activations(model: nn.Sequential, x: torch.Tensor) -> list[tuple[str, torch.Tensor]]:
    """The output of every layer for one input (batch of 1), for the layer view. Read with forward hooks,
    so a network with branches (build.GraphNetwork) gives each block's output as its forward computed it."""
    modules = list(model)
    captured: dict[int, torch.Tensor] = {}
    hooks = [module.register_forward_hook(lambda _m, _in, out, i=index: captured.__setitem__(i, out))
             for index, module in enumerate(modules)]
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            model(x)
    finally:
        for hook in hooks:
            hook.remove()
        model.train(was_training)
    return [(f"{type(module).__name__} #{index + 1}", captured[index][0].detach().cpu())
            for index, module in enumerate(modules) if index in captured]
