"""Random distortions for image batches, so a model also reads digits drawn with a mouse.

Applied to a whole batch at once, with different random parameters for every image: a per-image
affine warp (rotation, shift, scale) through `affine_grid`/`grid_sample`, strokes thickened or
thinned with a 3×3 max filter, and a light blur. Works on normalized tensors: `background` is the
value an empty pixel has after normalization.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

_BLUR = torch.tensor([1.0, 2.0, 1.0]) / 4.0


def augment_batch(x: torch.Tensor, spec, background: float, generator: torch.Generator | None = None) -> torch.Tensor:
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
    return x + background
