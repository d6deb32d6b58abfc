"""The rules of the merge blocks (Add, Concat): blocks that read two or more inputs.

Like `layer_rules`, each merge gets a shape rule, a torch builder and its code in the exported
script; the shape rule takes every input's shape and the names of the blocks they come from, so a
mismatch names both shapes and both blocks ("Add #5 gets 128 from Linear #2 and 64 from Linear
#4 — …").
"""

from __future__ import annotations

from typing import Any

from playground.core.layer_rules import LayerCode, Shape, ShapeMismatch, batch_shape, format_shape
from playground.i18n import QT_TRANSLATE_NOOP, Message


def _gets(shapes: list[Shape], sources: list[str]) -> str:
    """'128 from Linear #2 and 64 from Linear #4' (with commas for three or more), translatable."""
    parts = [Message("Shapes", QT_TRANSLATE_NOOP("Shapes", "{shape} from {block}"), shape=format_shape(shape),
                     block=source) for shape, source in zip(shapes, sources, strict=True)]
    return _and(parts)


def _and(parts: list[Message]) -> Message:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Message("Shapes", QT_TRANSLATE_NOOP("Shapes", "{first} and {second}"), first=parts[0], second=parts[1])
    return Message("Shapes", QT_TRANSLATE_NOOP("Shapes", "{first}, {rest}"), first=parts[0], rest=_and(parts[1:]))


def add_join(shapes: list[Shape], sources: list[str], params: dict[str, Any]) -> Shape:
    """Element-wise sum: every input must have exactly the same shape."""
    if any(shape != shapes[0] for shape in shapes[1:]):
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} gets {inputs} — Add sums its inputs number by number, so their shapes must be equal: "
            "give those blocks the same size, add a Linear (or 1×1 Conv2d) on one path, or use Concat"),
            layer="{layer}", inputs=_gets(shapes, sources)))
    return shapes[0]


def concat_dim(shape: Shape) -> int:
    """The dimension (without the batch) Concat joins along: channels of an image, features otherwise."""
    return 1 if len(shape) == 2 else 0


def concat_join(shapes: list[Shape], sources: list[str], params: dict[str, Any]) -> Shape:
    """Joined along channels (images) or features (vectors, the last dimension of a sequence); every other
    dimension must match."""
    first = shapes[0]
    dim = concat_dim(first)
    for shape in shapes[1:]:
        same_rest = len(shape) == len(first) and all(a == b for i, (a, b) in enumerate(zip(shape, first, strict=True))
                                                      if i != dim)
        if not same_rest:
            template = (QT_TRANSLATE_NOOP("Shapes", "{layer} gets {inputs} — Concat puts images side by side along "
                                          "their channels, so their height and width must be equal: pool or stride "
                                          "one path until they match")
                        if len(first) == 3 and len(shape) == 3 else
                        QT_TRANSLATE_NOOP("Shapes", "{layer} gets {inputs} — Concat joins inputs of the same kind "
                                          "(all images or all vectors): add Flatten on the image path, or join "
                                          "them before it"))
            raise ShapeMismatch(Message("Shapes", template, layer="{layer}", inputs=_gets(shapes, sources)))
    joined = list(first)
    joined[dim] = sum(shape[dim] for shape in shapes)
    return tuple(joined)


def _no_single_input(shape: Shape, params: dict[str, Any]) -> tuple[Shape, int]:
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} joins two or more inputs — connect a second block to it, or delete it"), layer="{layer}"))


def _build_add(shape: Shape, params: dict[str, Any]):
    from playground.core.modules import Add

    return Add()


def _build_concat(shape: Shape, params: dict[str, Any]):
    from playground.core.modules import Concat

    return Concat(concat_dim(shape) + 1)


def _add_code(attr: str, params: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    return LayerCode("", "", [("", batch_shape(shape_out))])  # codegen writes `a + b` itself


def _concat_code(attr: str, params: dict[str, Any], shape_in: Shape, shape_out: Shape) -> LayerCode:
    return LayerCode("", "", [("", batch_shape(shape_out))])  # codegen writes torch.cat itself


ADD = {"infer": _no_single_input, "build": _build_add, "code": _add_code, "join": add_join}
CONCAT = {"infer": _no_single_input, "build": _build_concat, "code": _concat_code, "join": concat_join}
