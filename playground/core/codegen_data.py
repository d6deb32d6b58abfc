"""Code export, the data: the exported script's `load_data`, written for the experiment's dataset.

torchvision's MNIST / FashionMNIST with the app's split and normalization (and augmentation as
torchvision transforms), the app's own generator for 2-D and regression points (copied verbatim,
with the same seed), or the CSV file read by the same rules as `playground.data.csv_import`.
Part of `playground.core.codegen`; pure string templating.
"""

from __future__ import annotations

import inspect
from string import Template
from textwrap import dedent

from playground.core.code_text import num
from playground.core.experiment import Experiment
from playground.data import generated, sequences
from playground.data.features import FEATURE_LABELS, usable_features
from playground.data.images import FOLDERS
from playground.data.registry import IMAGE_DATASETS

# How each input feature is computed from the raw coordinates x1, x2 (see playground.data.features;
# a test checks these expressions give the same numbers).
FEATURE_EXPRESSIONS = {
    "x1": "x1", "x2": "x2", "x1^2": "x1 ** 2", "x2^2": "x2 ** 2", "x1*x2": "x1 * x2",
    "sin(x1)": "np.sin(x1)", "sin(x2)": "np.sin(x2)",
}


def is_image(exp: Experiment) -> bool:
    return exp.dataset.name in IMAGE_DATASETS


def has_validation(exp: Experiment) -> bool:
    return exp.dataset.val_split > 0 or exp.dataset.name == "linear-9"


def data_section(exp: Experiment) -> str:
    if is_image(exp):
        return _image_data(exp)
    if exp.dataset.name == "csv":
        return _csv_data(exp)
    if exp.dataset.name in sequences.SEQUENCE_DATASETS:
        return _sequence_data(exp)
    return _generated_data(exp)


def _image_data(exp: Experiment) -> str:
    ds = exp.dataset
    cls = FOLDERS[ds.name]
    aug = ds.augment
    augment = aug.enabled
    if ds.normalize:
        stats = dedent('''\
            # Normalize with the mean and std of the training pixels (in [0, 1]), computed on this
            # split exactly as the app does (on all 60,000 $cls training images they are the
            # well-known $standard); computing them keeps the script equal to the app for
            # any --limit.
            pixels = train_full.data[train_idx].float() / 255
            mean, std = round(pixels.mean().item(), 4), round(pixels.std().item(), 4)
            print(f"normalization: mean {mean}, std {std}")
            to_tensor = [transforms.ToTensor(), transforms.Normalize((mean,), (std,))]
        ''')
    else:
        stats = dedent('''\
            # NORMALIZE is off: pixels stay in [0, 1]
            to_tensor = [transforms.ToTensor()]
        ''')
    standard = {"mnist": "0.1307 and 0.3081", "fashion-mnist": "0.2860 and 0.3530"}[ds.name]
    stats = Template(stats).substitute(cls=cls, standard=standard).replace("\n", "\n    ").rstrip()
    stroke_class = ""
    if augment:
        scale = f"({num(round(1 - aug.scale, 6))}, {num(round(1 + aug.scale, 6))})"
        steps = [f"transforms.RandomAffine(degrees={num(aug.rotation)}, translate=({num(aug.shift)}, "
                 f"{num(aug.shift)}), scale={scale},",
                 "                        interpolation=transforms.InterpolationMode.BILINEAR),",
                 "transforms.ToTensor(),"]
        if aug.stroke > 0:
            steps.append(f"RandomStroke({num(aug.stroke)}),")
        if aug.blur > 0:
            steps.append("# the app blurs with the kernel [1, 2, 1]/4 each way: a Gaussian of sigma 0.85")
            steps.append(f"transforms.RandomApply([transforms.GaussianBlur(3, sigma=0.85)], p={num(aug.blur)}),")
        if ds.normalize:
            steps.append("to_tensor[1],  # Normalize")
        lines = [
            "# Augmentation (training images only): random rotation, shift and zoom, thicker or",
            "# thinner strokes, a light blur; a new draw every time an image is used.",
            "train_transform = transforms.Compose([",
            *("    " + step for step in steps),
            "])",
            f"train_view = datasets.{cls}(data_dir, train=True, transform=train_transform)",
            f"val_view = datasets.{cls}(data_dir, train=True, transform=transforms.Compose(to_tensor))",
        ]
        train_view = "\n    ".join(lines)
        subsets = "return Subset(train_view, train_idx), Subset(val_view, val_idx), test_set"
        if aug.stroke > 0:
            stroke_class = dedent('''\
                class RandomStroke:
                    """Thickens (3×3 max filter) or thins (a soft erosion) the strokes of some images."""

                    def __init__(self, p):
                        self.p = p  # half of it thickens, half thins

                    def __call__(self, image):  # image: 1×28×28 tensor in [0, 1]
                        draw = torch.rand(1).item()
                        if draw < self.p / 2:
                            return F.max_pool2d(image, 3, stride=1, padding=1)
                        if draw < self.p:
                            return 0.5 * image - 0.5 * F.max_pool2d(-image, 3, stride=1, padding=1)
                        return image
            ''')
    else:
        train_view = "train_full.transform = transforms.Compose(to_tensor)"
        subsets = "return Subset(train_full, train_idx), Subset(train_full, val_idx), test_set"
    body = Template('''\
# ---------------------------------------------------------------------------- data
${stroke_class}def load_data(data_dir, limit):
    """$cls through torchvision: training and validation split, normalization, the test set."""
    train_full = datasets.$cls(data_dir, train=True, download=True)
    test_set = datasets.$cls(data_dir, train=False, download=True)

    # The app shuffles the training images with SEED, keeps the first `limit` of them, and
    # holds out the first VAL_SPLIT of those for validation. The same steps give the same split.
    order = torch.randperm(len(train_full), generator=torch.Generator().manual_seed(SEED))
    if limit:
        order = order[:limit]
    n_val = int(len(order) * VAL_SPLIT)
    val_idx, train_idx = order[:n_val].tolist(), order[n_val:].tolist()

    $stats
    $train_view
    test_set.transform = transforms.Compose(to_tensor)
    $subsets
''').substitute(cls=cls, stats=stats, train_view=train_view, subsets=subsets,
                stroke_class=(stroke_class + "\n\n") if stroke_class else "")
    return body


def _feature_lines(features: list[str], raw_dims: int) -> list[str]:
    """Lines computing the network's inputs from the raw coordinates `points`."""
    labels = ", ".join(FEATURE_LABELS[f] for f in features)
    uses_x2 = raw_dims >= 2 and any("x2" in FEATURE_EXPRESSIONS[f] for f in features)
    if features == ["x1", "x2"] and raw_dims == 2:
        return [f"# input features, as chosen in the app: {labels}", "inputs = points"]
    if features == ["x1"] and raw_dims == 1:
        return [f"# input features, as chosen in the app: {labels}", "inputs = points"]
    lines = [f"# input features, as chosen in the app: {labels}"]
    lines.append("x1, x2 = points[:, 0], points[:, 1]" if uses_x2 else "x1 = points[:, 0]")
    columns = ", ".join(FEATURE_EXPRESSIONS[f] for f in features)
    lines.append(f"inputs = np.stack([{columns}], axis=1).astype(np.float32)")
    return lines


def _split_lines(exp: Experiment, what: str, var: str = "points") -> list[str]:
    """The app's split of generated points / CSV rows (playground.data.registry._split_points)."""
    ds = exp.dataset
    if ds.name == "linear-9":
        return ["# nine points: the lesson fits all of them and shows the fit on all of them",
                "train_idx = val_idx = np.arange(len(points))"]
    lines = [f"# VAL_SPLIT of the {what} (shuffled with SEED + 1) for validation, the rest for training",
             f"order = np.random.default_rng(SEED + 1).permutation(len({var}))"]
    if ds.val_split > 0:
        lines.append(f"n_val = max(1, round(len({var}) * VAL_SPLIT))")
    else:
        lines.append("n_val = 0")
    lines.append("val_idx, train_idx = order[:n_val], order[n_val:]")
    return lines


def _generated_data(exp: Experiment) -> str:
    ds = exp.dataset
    func = generated.CLASSIFICATION.get(ds.name) or generated.REGRESSION[ds.name]
    source = inspect.getsource(func)
    helpers = ""
    if "_jitter(" in source:
        helpers = "\n\n" + inspect.getsource(generated._jitter)
    raw_dims = generated.RAW_DIMS[ds.name]
    features = usable_features(ds.features, raw_dims)
    regression = ds.name in generated.REGRESSION
    target_type = "np.float32" if regression else "np.int64"
    n_arg = "9" if ds.name == "linear-9" else "SAMPLES"
    body = [
        "rng = np.random.default_rng(SEED)",
        f"points, targets = {func.__name__}({n_arg}, NOISE, rng)",
        f"points, targets = points.astype(np.float32), targets.astype({target_type})",
        *_feature_lines(features, raw_dims),
        "",
        *_split_lines(exp, "points"),
        "if limit:  # --limit: use at most this many training points",
        "    train_idx = train_idx[:limit]",
        "x, y = torch.from_numpy(inputs), torch.from_numpy(targets)",
        "return TensorDataset(x[train_idx], y[train_idx]), TensorDataset(x[val_idx], y[val_idx])",
    ]
    kind = "values to fit" if regression else "two classes of points"
    return Template('''\
# ---------------------------------------------------------------------------- data
# The generator below is NN Playground's own (playground/data/generated.py), copied verbatim.
Generated = tuple[np.ndarray, np.ndarray]


$source$helpers

def load_data(limit):
    """The '$name' data ($kind), generated with SEED exactly as in the app."""
    $body
''').substitute(source=source.rstrip() + "\n", helpers=helpers.rstrip() + "\n" if helpers else "",
                name=ds.name, kind=kind, body="\n    ".join(body).replace("\n    \n", "\n\n"))


def _sequence_data(exp: Experiment) -> str:
    """The long-memory sequences: `playground.data.sequences`' generator, copied verbatim with its constants."""
    constants = "\n".join(f"{name} = {getattr(sequences, name)!r}" for name in (
        "CLASSES", "FEATURES", "INFORMATIVE_STEPS", "SIGNAL", "MIN_LENGTH", "MAX_LENGTH"))
    source = "\n\n\n".join(inspect.getsource(f).rstrip() for f in (
        sequences.check_length, sequences.long_memory, sequences._noise))
    body = [
        "rng = np.random.default_rng(SEED)",
        "inputs, targets = long_memory(SAMPLES, SEQUENCE_LENGTH, NOISE, rng)  # N×T×4 float32, N classes",
        "",
        *_split_lines(exp, "sequences", var="inputs"),
        "if limit:  # --limit: use at most this many training sequences",
        "    train_idx = train_idx[:limit]",
        "x, y = torch.from_numpy(inputs), torch.from_numpy(targets)",
        "return TensorDataset(x[train_idx], y[train_idx]), TensorDataset(x[val_idx], y[val_idx])",
    ]
    return Template('''\
# ---------------------------------------------------------------------------- data
# The generator below is NN Playground's own (playground/data/sequences.py), copied verbatim: each
# sequence's class shows only in its first INFORMATIVE_STEPS steps; the rest is noise.
$constants


$source


def load_data(limit):
    """The '$name' sequences, generated with SEED exactly as in the app."""
    $body
''').substitute(constants=constants, source=source, name=exp.dataset.name,
                body="\n    ".join(body).replace("\n    \n", "\n\n"))


def _csv_data(exp: Experiment) -> str:
    ds = exp.dataset
    if ds.csv_task == "classification":
        targets = [
            "# classes: the distinct values of the target column, in order (numbers by value)",
            "labels = [row[TARGET_COLUMN].strip() for row in rows]",
            "classes = sorted(set(labels), key=lambda s: (0, float(s), s) if is_number(s) else (1, 0.0, s))",
            "print(f\"classes: {classes}\")",
            "targets = np.array([classes.index(label) for label in labels], dtype=np.int64)",
        ]
    else:
        targets = ["targets = np.array([[float(row[TARGET_COLUMN])] for row in rows], dtype=np.float32)"]
    body = [
        "with open(path, newline=\"\", encoding=\"utf-8-sig\") as handle:",
        "    rows = [row for row in csv.DictReader(handle) if any((value or \"\").strip() for value in row.values())]",
        "points = np.array([[float(row[name]) for name in FEATURE_COLUMNS] for row in rows], dtype=np.float32)",
        "inputs = points",
        *targets,
        "",
        *_split_lines(exp, "rows"),
        "if limit:  # --limit: use at most this many training rows",
        "    train_idx = train_idx[:limit]",
        "x, y = torch.from_numpy(inputs), torch.from_numpy(targets)",
        "return TensorDataset(x[train_idx], y[train_idx]), TensorDataset(x[val_idx], y[val_idx])",
    ]
    number_helper = ""
    if ds.csv_task == "classification":
        number_helper = dedent('''\
            def is_number(text):
                try:
                    float(text)
                except ValueError:
                    return False
                return True


        ''')
    return Template('''\
# ---------------------------------------------------------------------------- data
${number_helper}def load_data(path, limit):
    """Rows of the CSV file: FEATURE_COLUMNS are the inputs, TARGET_COLUMN the $what."""
    $body
''').substitute(number_helper=number_helper, body="\n    ".join(body).replace("\n    \n", "\n\n"),
                what="class" if ds.csv_task == "classification" else "value to predict")
