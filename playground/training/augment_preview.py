"""The augmentation preview: training images exactly as the network receives them.

`preview_batch` draws the first batch of a run the way the trainer does (the same generator, seeded
with the experiment's seed, the same shuffle, the same `data.augment.training_batch`), so with
`sample=0` it is the run's first batch, image for image; "New sample" asks for `sample=1, 2, ...`,
which seeds the generator differently. Called on a worker thread (`ui/background.py`); the window
only receives the pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from playground.core.experiment import Experiment
from playground.data.augment import background_value, flip_allowed, training_batch

PREVIEW_COUNT = 16


@dataclass
class AugmentPreview:
    pixels: np.ndarray  # count × H × W, in [0, 1] (the normalization undone, for display)
    labels: list[str]  # each image's class name
    augmented: bool  # False when augmentation is off (the images as stored)
    sample: int


def preview_batch(data, experiment: Experiment, sample: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """(images, labels) of the first batch as the trainer draws it for `experiment` (with `sample` added to
    the seed), with the experiment's augmentation applied."""
    spec = experiment.dataset.augment
    augment = spec if spec.enabled and data.info.is_image else None
    train_x = data.train_x
    batch_size = min(experiment.dataset.batch_size, len(train_x))
    generator = torch.Generator().manual_seed(experiment.seed + sample)
    order = torch.randperm(len(train_x), generator=generator)
    with torch.no_grad():
        idx, xb = training_batch(train_x, order, 1, batch_size, augment, background_value(data.normalization),
                                 generator, flip_allowed(experiment.dataset.name))
    return xb, data.train_y[idx]


def make_preview(data, experiment: Experiment, sample: int = 0, count: int = PREVIEW_COUNT) -> AugmentPreview:
    xb, yb = preview_batch(data, experiment, sample)
    xb, yb = xb[:count], yb[:count]
    images = xb[:, 0].float()
    if data.normalization:
        mean, std = data.normalization
        images = images * std + mean
    pixels = images.clamp(0, 1).cpu().numpy().astype(np.float32, copy=True)
    names = data.info.class_names or []
    labels = [names[int(y)] if int(y) < len(names) else str(int(y)) for y in yb]
    enabled = experiment.dataset.augment.enabled and data.info.is_image
    return AugmentPreview(pixels, labels, enabled, sample)


def grid_side(count: int) -> int:
    return max(1, math.ceil(math.sqrt(count)))
