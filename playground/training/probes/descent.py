"""The loss-surface view's probe: the path gradient descent takes over the (w, b) plane, every step of it.

For a network that is one straight line y = w·x + b fitted with a squared error (lesson 003), it
sends, at the start, the loss over a (w, b) grid (`training.loss_surface.LossSurface`), the
least-squares optimum, the training points and the learning rate's stability limit; then the
trainer's own (w, b) after *every* update, read from the model on the training thread — not
recomputed — so the drawn path is the one the optimizer really took, with momentum, Adam, small
batches or a penalty as much as with plain gradient descent. Points are batched into a payload about
ten times a second, every step while stepping one batch at a time (with the gradient of that step,
for the view's arrow), and at the end.

No Qt here; the payloads are numpy arrays and floats.
"""

from __future__ import annotations

import time

import numpy as np

from playground.core import catalog
from playground.training.loss_surface import fitted_line, has_line, surface_for, training_points

SURFACE_GRID = 121  # points per side of the contour map
FRAME_INTERVAL = 0.1  # seconds between live payloads


class DescentProbe:
    """Made per run by `for_experiment` (the factory the 2-D panel registers for the loss-surface view)."""

    def __init__(self, experiment):
        self.experiment = experiment
        self.surface = None
        self._pending: list[tuple[float, float]] = []
        self._steps_done = 0
        self._last_emit = 0.0

    @classmethod
    def for_experiment(cls, experiment) -> DescentProbe | None:
        """A probe for a one-line network with a squared-error loss, None for anything else."""
        if not has_line(experiment) or catalog.LOSSES[experiment.loss].torch_name != "MSELoss":
            return None
        return cls(experiment)

    # ------------------------------------------------------------------ hooks (training thread)
    def on_start(self, context, event) -> dict | None:
        self.surface = surface_for(context.experiment, context.data)
        if self.surface is None:
            return None
        start = self._line(context)
        grid = self.surface.grid(include=[start], size=SURFACE_GRID)
        best = self.surface.optimum()
        x, y = training_points(context.data)
        self._last_emit = time.perf_counter()
        return {
            "kind": "surface",
            "grid_w": grid.w, "grid_b": grid.b, "loss": grid.loss,
            "optimum": (best.w, best.b, best.loss),
            "x": x, "y": y,
            "summed": self.surface.summed,
            "lr": float(context.experiment.optimizer.lr),
            "stable_lr": self.surface.largest_stable_lr(),
            "plain_gd": plain_gradient_descent(context.experiment, len(x)),
            "start": start,
        }

    def on_batch(self, context, event) -> dict | None:
        if self.surface is None:
            return None
        point = self._line(context)
        self._pending.append(point)
        self._steps_done += 1
        now = time.perf_counter()
        if context.stepping:
            payload = self._flush()
            payload["step"] = self._step_detail(context, point)
            return payload
        if now - self._last_emit >= FRAME_INTERVAL:
            return self._flush()
        return None

    def on_end(self, context, event) -> dict | None:
        if self.surface is None:
            return None
        payload = self._flush()
        payload["final"] = True
        return payload

    # ------------------------------------------------------------------ the work
    def _line(self, context) -> tuple[float, float]:
        return fitted_line(context.experiment, context.model)

    def _flush(self) -> dict:
        self._last_emit = time.perf_counter()
        points = np.asarray(self._pending, dtype=np.float64).reshape(-1, 2)
        self._pending = []
        w, b = (points[-1] if len(points) else (np.nan, np.nan))
        loss = self.surface.loss(float(w), float(b)) if len(points) else None
        return {"kind": "path", "points": points, "steps": self._steps_done, "loss": loss, "final": False}

    def _step_detail(self, context, point: tuple[float, float]) -> dict:
        """The gradient the optimizer just used (left in .grad until the next step clears it)."""
        grads = [p.grad for p in context.model.parameters()]
        grad_w = float(grads[0].reshape(-1)[0]) if grads and grads[0] is not None else float("nan")
        grad_b = float(grads[1].reshape(-1)[0]) if len(grads) > 1 and grads[1] is not None else 0.0
        return {"grad_w": grad_w, "grad_b": grad_b, "to": point}


def plain_gradient_descent(experiment, points: int) -> bool:
    """True when every step is w −= η·∂L/∂w on all the points: SGD without momentum, weight decay or penalty,
    one batch of everything. Then `LossSurface.path` predicts the drawn path exactly."""
    opt = experiment.optimizer
    return (opt.name == "sgd" and not opt.momentum and not opt.weight_decay and not experiment.l1
            and not experiment.l2 and experiment.dataset.batch_size >= points
            and not experiment.grad_clip and experiment.scheduler.name == "none")
