"""The exported script's transfer learning: `--weights FILE` loads trained weights into the layers
that fit (the app's rule: same kind and shape, in order), and frozen layers are switched off with
`requires_grad_(False)` as lesson 004 does, their BatchNorm kept in evaluation mode.

Pure string templating, like the rest of codegen; `codegen.experiment_to_script` calls it with the
Net's attribute names.
"""

from __future__ import annotations

from pathlib import Path

from playground.core.code_text import py_str
from playground.core.experiment import Experiment

BUNDLED_FILE = "mnist-cnn.pt"


def weights_default(exp: Experiment) -> str:
    """The --weights default: the checkpoint's path, or the bundled model's file name."""
    if exp.init_from.startswith("bundled:"):
        return BUNDLED_FILE
    return exp.init_from


def settings_row(exp: Experiment) -> tuple[str, str, str] | None:
    if not exp.init_from:
        return None
    note = ("NN Playground's bundled MNIST CNN (resources/models/mnist-cnn.pt); --weights \"\" starts fresh"
            if exp.init_from.startswith("bundled:") else "trained weights to start from; --weights \"\" starts fresh")
    return "WEIGHTS", py_str(weights_default(exp)), note


def argument_line(exp: Experiment) -> list[str]:
    if not exp.init_from:
        return []
    return ['parser.add_argument("--weights", default=WEIGHTS,',
            '                    help="a checkpoint to start from (NN Playground .pt or a state dict)")']


def frozen_attrs(exp: Experiment, attrs: list[str]) -> list[str]:
    return [attr for attr, spec in zip(attrs, exp.layers, strict=True) if spec.frozen]


def frozen_norm_attrs(exp: Experiment, attrs: list[str]) -> list[str]:
    return [attr for attr, spec in zip(attrs, exp.layers, strict=True) if spec.frozen and spec.type == "BatchNorm"]


def _tuple(names: list[str], owner: str) -> str:
    items = ", ".join(f"{owner}.{name}" for name in names)
    return f"({items},)" if len(names) == 1 else f"({items})"


def model_lines(exp: Experiment, attrs: list[str]) -> list[str]:
    """After `model = Net()`: load the weights, then freeze."""
    lines: list[str] = []
    if exp.init_from:
        lines += ["if args.weights:  # copy the layers that fit; the others keep their fresh start",
                  "    load_matching_weights(model, args.weights)"]
    frozen = frozen_attrs(exp, attrs)
    if frozen:
        lines += ["# freeze: these layers keep their weights (lesson 004: param.requires_grad = False)",
                  f"for layer in {_tuple(frozen, 'model')}:",
                  "    layer.requires_grad_(False)"]
    return lines


def optimizer_parameters(exp: Experiment) -> str:
    """What the optimizer is given: every parameter, or only those that still learn."""
    if any(spec.frozen for spec in exp.layers):
        return "[p for p in model.parameters() if p.requires_grad]"
    return "model.parameters()"


def train_mode_lines(exp: Experiment, attrs: list[str]) -> list[str]:
    """In train_one_epoch, after model.train(): frozen BatchNorm back to evaluation mode."""
    norms = frozen_norm_attrs(exp, attrs)
    if not norms:
        return []
    return ["    net = getattr(model, \"module\", model)  # the Net itself (also when wrapped for several processes)",
            f"    for layer in {_tuple(norms, 'net')}:",
            "        layer.eval()  # a frozen BatchNorm keeps its running statistics"]


def helper_function(exp: Experiment) -> str:
    if not exp.init_from:
        return ""
    return '''\
def load_matching_weights(model, path):
    """Copy trained weights into the layers that fit, as NN Playground does: each of the Net's layers with
    weights takes the next layer of the checkpoint with the same weight names and shapes (in order);
    a layer with no match keeps its fresh start."""
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise SystemExit(f"{path} not found: pass --weights FILE (NN Playground's bundled model is "
                         "resources/models/mnist-cnn.pt), or --weights \"\" to start fresh") from None
    state = saved["state_dict"] if isinstance(saved, dict) and "state_dict" in saved else saved
    groups = {}  # the checkpoint's layers in order: {"0": {"weight": ..., "bias": ...}, ...}
    for key, value in state.items():
        layer_name, _, name = key.rpartition(".")
        groups.setdefault(layer_name, {})[name] = value
    sources = list(groups.values())
    next_source = 0
    for name, layer in model.named_children():
        ours = layer.state_dict()
        if not ours:
            continue
        for index in range(next_source, len(sources)):
            theirs = sources[index]
            if theirs.keys() == ours.keys() and all(theirs[k].shape == ours[k].shape for k in ours):
                layer.load_state_dict(theirs)
                next_source = index + 1
                print(f"{name}: weights from {path}")
                break
        else:
            print(f"{name}: starts fresh")
'''


def header_run_line(exp: Experiment) -> str:
    if not exp.init_from:
        return ""
    return f"\n    python train.py --weights {Path(weights_default(exp)).name}   # start from trained weights"
