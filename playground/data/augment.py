"""Random distortions for image batches, so a model also reads digits drawn with a mouse.

Applied to a whole batch at once, with different random parameters for every image: a per-image
affine warp (rotation, shift, scale) through `affine_grid`/`grid_sample`, strokes thickened or
thinned with a 3×3 max filter, a light blur, and (clothing only) a left-right mirror. Works on
normalized tensors: `background` is the value an empty pixel has after normalization.

`training_batch` is the one way a batch is drawn and distorted: the trainer trains on it and the
window's augmentation preview shows it, so the preview is exactly what the network receives.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

_BLUR = torch.tensor([1.0, 2.0, 1.0]) / 4.0
# Mirroring keeps a shirt a shirt, but a mirrored 2, 3, 4, 5, 6, 7 or 9 is no digit at all.
FLIP_DATASETS = ("fashion-mnist",)


def flip_allowed(dataset_name: str) -> bool:
    return dataset_name in FLIP_DATASETS


def background_value(normalization: tuple[float, float] | None) -> float:
    """The value an empty (black) pixel has after normalization."""
    return (0.0 - normalization[0]) / normalization[1] if normalization else 0.0


def training_batch(train_x: torch.Tensor, order: torch.Tensor, step: int, batch_size: int, spec, background: float,
                   generator: torch.Generator, flip: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
    """Batch `step` (1-based) of an epoch whose shuffled `order` is given: (indices, images as the network
    receives them). With augmentation off (`spec` None) the images are the stored ones."""
    idx = order[(step - 1) * batch_size: step * batch_size]
    xb = train_x[idx]
    if spec is not None:
        xb = augment_batch(xb, spec, background, generator, flip=flip)
    return idx, xb


def augment_batch(x: torch.Tensor, spec, background: float, generator: torch.Generator | None = None,
                  flip: bool = False) -> torch.Tensor:
    """`flip`: mirror about half the images when `spec.flip` asks for it (the caller says whether the
    dataset allows it: see `flip_allowed`)."""
    n = x.shape[0]
    dev = x.device

    def uniform(low: float, high: float) -> torch.Tensor:
        return torch.rand(n, generator=generator).to(dev) * (high - low) + low

    x = x - background  # empty pixels become 0, the value grid_sample pads with
    angle = uniform(-spec.rotation, spec.rotation) * (math.pi / 180)
    scale = 1.0 + uniform(-spec.scale, spec.scale)
    shift_x = uniform(-spec.shift, spec.shift) * 2  # affine_grid coordinates span [-1, 1]
    shift_y = uniform(-spec.shift, spec.shift) * 2
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift_x], 1), torch.stack([sin, cos, shift_y], 1)], 1)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)

    if spec.stroke > 0:
        choice = torch.rand(n, generator=generator).to(dev)
        thicker = (choice < spec.stroke / 2).view(n, 1, 1, 1)
        thinner = ((choice >= spec.stroke / 2) & (choice < spec.stroke)).view(n, 1, 1, 1)
        dilated = F.max_pool2d(x, 3, 1, 1)
        # thinning: a soft erosion (mix of the pixel and its 3×3 minimum) keeps thin strokes alive
        eroded = 0.5 * x - 0.5 * F.max_pool2d(-x, 3, 1, 1)
        x = torch.where(thicker, dilated, torch.where(thinner, eroded, x))

    if spec.blur > 0:
        blur_mask = (torch.rand(n, generator=generator).to(dev) < spec.blur).view(n, 1, 1, 1)
        k = _BLUR.to(dev)
        kernel = (k[:, None] * k[None, :]).view(1, 1, 3, 3).repeat(x.shape[1], 1, 1, 1)
        blurred = F.conv2d(x, kernel, padding=1, groups=x.shape[1])
        x = torch.where(blur_mask, blurred, x)

    if flip and getattr(spec, "flip", False):
        mirror = (torch.rand(n, generator=generator).to(dev) < 0.5).view(n, 1, 1, 1)
        x = torch.where(mirror, x.flip(-1), x)
    return x + background
