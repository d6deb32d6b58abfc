"""Generated data that works offline: TensorFlow Playground's 2-D sets and the regression lessons.

Every generator returns raw coordinates (N×d, float32) and targets: class labels (int64) for
classification, values (N×1, float32) for regression. Coordinates lie in about [-6, 6], the
range TensorFlow Playground uses, so sin(x) features are meaningful.
"""

from __future__ import annotations

import numpy as np

Generated = tuple[np.ndarray, np.ndarray]


def circle(n: int, noise: float, rng: np.random.Generator) -> Generated:
    half = n // 2
    r_in = rng.uniform(0, 2.5, half)
    r_out = rng.uniform(3.5, 5.0, n - half)
    angle = rng.uniform(0, 2 * np.pi, n)
    r = np.concatenate([r_in, r_out])
    points = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
    labels = np.concatenate([np.ones(half), np.zeros(n - half)])
    return _jitter(points, noise, rng), labels.astype(np.int64)


def xor(n: int, noise: float, rng: np.random.Generator) -> Generated:
    points = rng.uniform(-5, 5, (n, 2))
    points += np.sign(points) * 0.3  # keep a gap around the axes, as TensorFlow Playground does
    labels = (points[:, 0] * points[:, 1] >= 0).astype(np.int64)
    return _jitter(points, noise, rng), labels


def gauss(n: int, noise: float, rng: np.random.Generator) -> Generated:
    half = n // 2
    spread = 0.5 + 2.0 * noise
    a = rng.normal((2, 2), spread, (half, 2))
    b = rng.normal((-2, -2), spread, (n - half, 2))
    labels = np.concatenate([np.ones(half), np.zeros(n - half)]).astype(np.int64)
    return np.concatenate([a, b]), labels


def spiral(n: int, noise: float, rng: np.random.Generator) -> Generated:
    half = n // 2
    out, labels = [], []
    for label, delta in ((1, 0.0), (0, np.pi)):
        count = half if label else n - half
        i = np.arange(count)
        r = i / count * 5
        t = 1.75 * i / count * 2 * np.pi + delta
        out.append(np.stack([r * np.sin(t), r * np.cos(t)], axis=1))
        labels.append(np.full(count, label))
    return _jitter(np.concatenate(out), noise, rng), np.concatenate(labels).astype(np.int64)


def moons(n: int, noise: float, rng: np.random.Generator) -> Generated:
    half = n // 2
    t1 = rng.uniform(0, np.pi, half)
    t2 = rng.uniform(0, np.pi, n - half)
    upper = np.stack([np.cos(t1), np.sin(t1)], axis=1)
    lower = np.stack([1 - np.cos(t2), 0.5 - np.sin(t2)], axis=1)
    points = (np.concatenate([upper, lower]) - (0.5, 0.25)) * 3.0
    labels = np.concatenate([np.zeros(half), np.ones(n - half)]).astype(np.int64)
    return _jitter(points, noise, rng), labels


def linear_nine(n: int, noise: float, rng: np.random.Generator) -> Generated:
    """Lesson 003's nine points, as the lesson writes them: mostly along a rising line, but the two
    rightmost (x ≈ 9) fall to y = 1 and 2.5, so the least-squares line comes out almost flat. Noise
    (0 by default) jitters y further; `n` is ignored: the lesson has nine points."""
    x = np.asarray([1.1, 2.2, 3, 4, 5, 6, 7, 8.999, 9.555])
    y = np.asarray([2.2, 4.5, 4, 6, 8.245, 7, 9, 1, 2.5])
    if noise:
        y = y + rng.normal(0, 3 * noise, x.shape)
    return x[:, None], y[:, None]


def sine(n: int, noise: float, rng: np.random.Generator) -> Generated:
    x = rng.uniform(-6, 6, n)
    y = np.sin(x) + rng.normal(0, noise, n)
    return x[:, None], y[:, None]


def plane(n: int, noise: float, rng: np.random.Generator) -> Generated:
    points = rng.uniform(-6, 6, (n, 2))
    y = (points[:, 0] + points[:, 1]) / 12 + rng.normal(0, noise, n) / 2
    return points, y[:, None]


def _jitter(points: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    return points + rng.normal(0, noise * 1.5, points.shape) if noise else points


CLASSIFICATION = {"circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral, "moons": moons}
REGRESSION = {"linear-9": linear_nine, "sine": sine, "plane": plane}
RAW_DIMS = {"circle": 2, "xor": 2, "gauss": 2, "spiral": 2, "moons": 2, "linear-9": 1, "sine": 1, "plane": 2}


def generate(name: str, n: int, noise: float, seed: int) -> Generated:
    rng = np.random.default_rng(seed)
    func = CLASSIFICATION.get(name) or REGRESSION[name]
    points, targets = func(n, noise, rng)
    return points.astype(np.float32), targets.astype(np.float32 if name in REGRESSION else np.int64)
