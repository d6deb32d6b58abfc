"""What a dataset looks like (`DatasetInfo`) and one run's tensors (`DataBundle`).

Plain containers, apart from the registry so that every loader (images, generated points, CSV
files) can make them without importing the registry that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class DatasetInfo:
    name: str
    input_shape: tuple[int, ...]
    num_classes: int  # 0 for regression
    output_size: int  # what the last layer must produce: classes, or regression targets
    class_names: list[str] = field(default_factory=list)

    @property
    def task(self) -> str:
        return "classification" if self.num_classes else "regression"

    @property
    def is_image(self) -> bool:
        return len(self.input_shape) == 3


@dataclass
class DataBundle:
    """Tensors for one run. Inputs are normalized float32; labels int64 or targets float32 (N×k)."""

    info: DatasetInfo
    train_x: object
    train_y: object
    val_x: object
    val_y: object
    test_x: object = None  # the official test set for images; None for generated data
    test_y: object = None
    normalization: tuple[float, float] | None = None  # (mean, std) applied to image pixels in [0, 1]
    # 2-D data: raw coordinates before feature mapping, for plots and the decision boundary
    train_points: np.ndarray | None = None
    val_points: np.ndarray | None = None
    features: list[str] = field(default_factory=list)
