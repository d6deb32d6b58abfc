"""Lesson 003's picture: the loss of the line y = w·x + b over the (w, b) plane, and gradient descent on it.

With one input and one output, a network is two numbers, so its whole loss can be drawn as a map:
`LossSurface` computes it over a grid (a contour map), the least-squares optimum, and what one
plain gradient-descent step does from any (w, b). `fitted_line` reads (w, b) out of a trained
network, in the data's own units. Plain numpy, no Qt and no torch: the same numbers the trainer's
SGD produces (in float32) to about 1e-6 of their size.

The loss is the sum of squared errors, as the lesson writes it, or its mean (MSE): the mean is the
sum divided by N, so it has the same valleys with N times gentler slopes, and N times the learning
rate gives the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import catalog
from playground.data import generated
from playground.data.features import usable_features


@dataclass(frozen=True)
class Optimum:
    """The least-squares line and its loss: the bottom of the bowl."""

    w: float
    b: float
    loss: float


@dataclass(frozen=True)
class Step:
    """One gradient-descent update from (w, b): w' = w − η·∂L/∂w, b' = b − η·∂L/∂b."""

    w: float
    b: float
    grad_w: float
    grad_b: float
    lr: float
    new_w: float
    new_b: float
    loss: float  # at (w, b)
    new_loss: float  # at (new_w, new_b)


@dataclass(frozen=True)
class SurfaceGrid:
    """The loss on a grid: loss[i, j] is the loss of the line with w = w[j] and b = b[i] (rows are b,
    as an image's rows are y)."""

    w: np.ndarray
    b: np.ndarray
    loss: np.ndarray


class LossSurface:
    """The loss of y = w·x + b on fixed points (x, y), summed (SSE) or averaged (MSE)."""

    def __init__(self, x: Any, y: Any, summed: bool = True):
        self.x = np.asarray(x, dtype=np.float64).reshape(-1)
        self.y = np.asarray(y, dtype=np.float64).reshape(-1)
        if len(self.x) != len(self.y) or len(self.x) == 0:
            raise ValueError(f"need as many x as y values, and at least one: got {len(self.x)} and {len(self.y)}")
        self.summed = summed
        self._scale = 1.0 if summed else 1.0 / len(self.x)
        # L(w, b) = scale·Σ(w·x + b − y)² is a quadratic in (w, b); these sums give it in closed form,
        # so a whole grid costs no more than a few array operations whatever the number of points.
        self._sums = (float(self.x @ self.x), float(self.x.sum()), float(len(self.x)),
                      float(self.x @ self.y), float(self.y.sum()), float(self.y @ self.y))

    def loss(self, w: Any, b: Any) -> Any:
        """The loss at (w, b); arrays broadcast (a float for two floats)."""
        sxx, sx, n, sxy, sy, syy = self._sums
        w, b = np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)
        total = w * w * sxx + 2 * w * b * sx + b * b * n - 2 * w * sxy - 2 * b * sy + syy
        value = np.maximum(total, 0.0) * self._scale  # rounding may dip a hair below 0 at a perfect fit
        return float(value) if value.ndim == 0 else value

    def gradient(self, w: float, b: float) -> tuple[float, float]:
        """(∂L/∂w, ∂L/∂b) = scale·(2·Σ r·x, 2·Σ r) with the residuals r = w·x + b − y."""
        r = w * self.x + b - self.y
        return 2 * self._scale * float(r @ self.x), 2 * self._scale * float(r.sum())

    def optimum(self) -> Optimum:
        """The least-squares line: where both derivatives are zero (the normal equations)."""
        design = np.stack([self.x, np.ones_like(self.x)], axis=1)
        (w, b), *_ = np.linalg.lstsq(design, self.y, rcond=None)
        return Optimum(float(w), float(b), self.loss(float(w), float(b)))

    def step(self, w: float, b: float, lr: float) -> Step:
        """What one plain gradient-descent step (SGD without momentum, on all the points) does."""
        gw, gb = self.gradient(w, b)
        new_w, new_b = w - lr * gw, b - lr * gb
        return Step(w, b, gw, gb, lr, new_w, new_b, self.loss(w, b), self.loss(new_w, new_b))

    def path(self, w: float, b: float, lr: float, steps: int) -> np.ndarray:
        """(steps + 1)×2 array: the start and (w, b) after each of `steps` descent steps."""
        points = [(w, b)]
        for _ in range(steps):
            step = self.step(w, b, lr)
            w, b = step.new_w, step.new_b
            points.append((w, b))
        return np.asarray(points)

    def largest_stable_lr(self) -> float:
        """Above this learning rate plain gradient descent diverges: 2 / the largest curvature of L.

        L is a bowl with curvature matrix H = 2·scale·[[Σx², Σx], [Σx, N]]; a step multiplies the
        distance from the optimum along each of its axes by (1 − η·λ), which grows unless η < 2/λ_max.
        """
        sxx, sx, n, *_ = self._sums
        curvature = 2 * self._scale * np.array([[sxx, sx], [sx, n]])
        return float(2 / np.linalg.eigvalsh(curvature).max())

    def grid(self, w_range: tuple[float, float] | None = None, b_range: tuple[float, float] | None = None,
             size: int = 101, include: list[tuple[float, float]] | None = None) -> SurfaceGrid:
        """The loss on size×size points. Without ranges: a window around the optimum wide enough to show
        the points in `include` (the start of the descent, say) with a margin."""
        if size < 2:
            raise ValueError(f"a grid needs at least 2 points per side, got {size}")
        best = self.optimum()
        if w_range is None or b_range is None:
            ws = [best.w] + [p[0] for p in include or []]
            bs = [best.b] + [p[1] for p in include or []]
            w_auto = _window(ws, minimum=_natural_span(self.x, self.y, slope=True))
            b_auto = _window(bs, minimum=_natural_span(self.x, self.y, slope=False))
            w_range = w_range or w_auto
            b_range = b_range or b_auto
        w = np.linspace(w_range[0], w_range[1], size)
        b = np.linspace(b_range[0], b_range[1], size)
        return SurfaceGrid(w, b, self.loss(w[None, :], b[:, None]))


def _natural_span(x: np.ndarray, y: np.ndarray, slope: bool) -> float:
    """A half-width at which the bowl's walls show: the slope or intercept that the data's spread allows."""
    spread_y = float(np.ptp(y)) or 1.0
    spread_x = float(np.ptp(x)) or 1.0
    return spread_y / spread_x if slope else spread_y


def _window(values: list[float], minimum: float, margin: float = 0.25) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    centre = (lo + hi) / 2
    half = max((hi - lo) / 2 * (1 + 2 * margin), minimum)
    return centre - half, centre + half


# ------------------------------------------------------------------------------------ the experiment


def has_line(experiment) -> bool:
    """True when the network is one straight line y = w·x + b over the data's own x: a regression set
    with one raw input (no x² or sin x feature) and one Linear layer (Identity layers change nothing)."""
    ds = experiment.dataset
    if ds.name == "csv":
        raw_x = ds.csv_task == "regression" and len(ds.csv_features) == 1
    else:
        raw_x = (ds.name in generated.REGRESSION and generated.RAW_DIMS[ds.name] == 1
                 and usable_features(ds.features, 1) == ["x1"])
    layers = [layer for layer in experiment.layers if layer.type != "Identity"]
    return raw_x and len(layers) == 1 and layers[0].type == "Linear"


def fitted_line(experiment, model) -> tuple[float, float] | None:
    """(w, b) of a trained one-line network, in the data's units (the points are never rescaled, so
    the layer's weight and bias are the slope and intercept themselves); None for any other network."""
    if model is None or not has_line(experiment):
        return None
    weights = [p.detach().reshape(-1).cpu() for p in model.parameters()]
    w = float(weights[0][0])
    b = float(weights[1][0]) if len(weights) > 1 else 0.0  # a Linear without bias: the line goes through 0
    return w, b


def training_points(bundle) -> tuple[np.ndarray, np.ndarray]:
    """The raw x and y the trainer fits (its training set), as float64 vectors for `LossSurface`."""
    x = np.asarray(bundle.train_points if bundle.train_points is not None else bundle.train_x, dtype=np.float64)
    return x.reshape(len(x), -1)[:, 0], np.asarray(bundle.train_y, dtype=np.float64).reshape(-1)


def surface_for(experiment, bundle) -> LossSurface | None:
    """The loss surface of an experiment's one-line network on its training data, or None when the
    network is not one line or its loss is not a squared error (SSE or MSE). Plain SGD with a batch of
    all the points walks exactly the path `LossSurface.path` computes; smaller batches, momentum, Adam
    or an L1/L2 penalty take other paths across the same map."""
    loss = catalog.LOSSES[experiment.loss]
    if not has_line(experiment) or loss.torch_name != "MSELoss":
        return None
    x, y = training_points(bundle)
    return LossSurface(x, y, summed=loss.sums)
