"""Input features for the 2-D playground, as in TensorFlow Playground (x1, x2, x1², …)."""

from __future__ import annotations

import numpy as np

# name → (function of the raw coordinates (N×2 array), needs the second coordinate)
_FEATURES = {
    "x1": (lambda p: p[:, 0], False),
    "x2": (lambda p: p[:, 1], True),
    "x1^2": (lambda p: p[:, 0] ** 2, False),
    "x2^2": (lambda p: p[:, 1] ** 2, True),
    "x1*x2": (lambda p: p[:, 0] * p[:, 1], True),
    "sin(x1)": (lambda p: np.sin(p[:, 0]), False),
    "sin(x2)": (lambda p: np.sin(p[:, 1]), True),
}

FEATURE_NAMES: list[str] = list(_FEATURES)
FEATURE_LABELS: dict[str, str] = {
    "x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁·x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂",
}


def usable_features(features: list[str], input_dims: int) -> list[str]:
    """The chosen features that exist for data with this many raw coordinates (1-D data has no x2)."""
    usable = [f for f in features if input_dims >= 2 or not _FEATURES[f][1]]
    return usable or ["x1"]


def apply_features(points: np.ndarray, features: list[str]) -> np.ndarray:
    """Map raw coordinates (N×d) to the network's inputs (N×len(features)), float32."""
    if points.ndim == 1:
        points = points[:, None]
    if points.shape[1] == 1:
        points = np.concatenate([points, np.zeros_like(points)], axis=1)
    columns = [_FEATURES[name][0](points) for name in features]
    return np.stack(columns, axis=1).astype(np.float32)
