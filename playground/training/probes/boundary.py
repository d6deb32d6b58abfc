"""The 2-D playground's probe: runs on the training thread and paints the plane in numbers.

Every frame evaluates the model on a grid over the data's range (`GRID`×`GRID` points, mapped
through the same input features as the data), under ``torch.no_grad`` and in eval mode, and
returns numpy arrays only: the output over the plane (class probabilities, or the value for
regression; a curve for 1-D regression), each hidden neuron's output over the plane (the diagram's
thumbnails), the weights of every Linear layer, and the train and test loss.

Frames come at the start, after every batch once `FRAME_INTERVAL` seconds have passed (training a
2-D set takes about 50 µs a batch, so a fixed "every N batches" would flood the GUI thread), after
every batch while stepping one batch at a time, after every epoch and at the end. A window's panel
(which sets `live`) gets epoch frames at the same pace, and none but the first and last while it is
hidden.

No Qt here: the core tests drive it with a plain `Trainer` through a `ProbeRunner`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from playground.core.experiment import Experiment
from playground.core.mlp import LINEAR, read_mlp
from playground.data import generated
from playground.data.features import apply_features

GRID = 100  # the decision boundary's resolution per axis
THUMB_STRIDE = 4  # neuron thumbnails: every 4th grid point → 25×25
CURVE_POINTS = 200
FRAME_INTERVAL = 0.1  # seconds between live frames (about ten a second)
LOSS_SAMPLE = 5000  # at most this many points for the live train/test loss
MARGIN = 0.08  # the plane extends this fraction beyond the data on each side


@dataclass(frozen=True)
class Plane:
    """Where the data lies: the rectangle the heatmap covers, and how inputs are made from raw points."""

    x0: float
    x1: float
    y0: float
    y1: float
    raw_dims: int  # 1 → a curve y = f(x1); 2 → a plane
    features: tuple[str, ...]  # input features of generated data; () = the raw columns (CSV)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return (self.x0, self.x1, self.y0, self.y1)

    def grid_points(self, size: int = GRID) -> np.ndarray:
        """size² raw points, row-major with y growing along rows: reshape(size, size) gives image[row=y, col=x]."""
        xs = self.x0 + (np.arange(size) + 0.5) * (self.x1 - self.x0) / size
        ys = self.y0 + (np.arange(size) + 0.5) * (self.y1 - self.y0) / size
        gx, gy = np.meshgrid(xs, ys)
        return np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)

    def curve_xs(self, count: int = CURVE_POINTS) -> np.ndarray:
        return np.linspace(self.x0, self.x1, count, dtype=np.float32)[:, None]

    def inputs(self, raw: np.ndarray) -> np.ndarray:
        """Raw coordinates → the network's inputs (the same mapping as the training data)."""
        if not self.features:
            return np.ascontiguousarray(raw[:, : self.raw_dims], dtype=np.float32)
        return apply_features(raw[:, : self.raw_dims], list(self.features))


def plane_for(points: np.ndarray, targets: np.ndarray | None, raw_dims: int,
              features: tuple[str, ...]) -> Plane:
    """The data's range with a margin; for a curve the y range is the targets' range."""
    x = points[:, 0]
    if raw_dims >= 2:
        y = points[:, 1]
    else:
        y = targets[:, 0] if targets is not None and len(targets) else np.array([-1.0, 1.0])
    x0, x1 = _padded(float(x.min()), float(x.max()))
    y0, y1 = _padded(float(y.min()), float(y.max()))
    return Plane(x0, x1, y0, y1, raw_dims, features)


def _padded(lo: float, hi: float) -> tuple[float, float]:
    span = hi - lo
    if span <= 1e-9:
        return lo - 1.0, hi + 1.0
    return lo - MARGIN * span, hi + MARGIN * span


def plane_dims(experiment: Experiment) -> int:
    """1 for a curve, 2 for a plane, 0 when the data is not drawable (images, CSV with 3+ features)."""
    ds = experiment.dataset
    if ds.name in generated.RAW_DIMS:
        return generated.RAW_DIMS[ds.name]
    if ds.name == "csv":
        return len(ds.csv_features) if 1 <= len(ds.csv_features) <= 2 else 0
    return 0


class BoundaryProbe:
    """Made per run by `for_experiment` (the factory the 2-D panel registers with the run)."""

    def __init__(self, experiment: Experiment, dims: int):
        self.experiment = experiment
        self.dims = dims
        self.mlp = read_mlp(experiment.layers)
        self.plane: Plane | None = None
        self._grid_inputs = None
        self._last_frame = 0.0
        self._loss_sets = None
        self._loss_points: list[tuple[int, float, float | None]] = []  # epochs without a frame: (step, train, test)
        # set by the panel while it is on screen (a threading.Event); while it is hidden the live
        # frames between epochs are skipped, since nobody would see them, and training runs faster
        self.live = None

    @classmethod
    def for_experiment(cls, experiment: Experiment) -> BoundaryProbe | None:
        dims = plane_dims(experiment)
        return cls(experiment, dims) if dims else None

    # ------------------------------------------------------------------ hooks (training thread)
    def on_start(self, context, event) -> dict:
        data = context.data
        features = () if self.experiment.dataset.name == "csv" else tuple(data.features)
        all_points = np.concatenate([data.train_points, data.val_points])
        all_targets = np.concatenate([data.train_y.numpy(), data.val_y.numpy()])
        self.plane = plane_for(all_points, all_targets if self.dims == 1 else None, self.dims, features)
        frame = self.frame(context, step=0, epoch=0)
        frame["data"] = {
            "task": data.info.task,
            "class_names": list(data.info.class_names),
            "train_points": np.array(data.train_points, dtype=np.float32, copy=True),
            "train_targets": data.train_y.numpy().copy(),
            "test_points": np.array(data.val_points, dtype=np.float32, copy=True),
            "test_targets": data.val_y.numpy().copy(),
            "features": list(data.features),
        }
        return frame

    def on_batch(self, context, event) -> dict | None:
        now = time.perf_counter()
        if not context.stepping and (now - self._last_frame < FRAME_INTERVAL
                                          or (self.live is not None and not self.live.is_set())):
            return None
        return self.frame(context, step=event.global_step, epoch=event.epoch)

    def on_epoch(self, context, event) -> dict | None:
        # a window's panel (`live` given) gets epoch frames at the live frames' pace too: the 2-D sets'
        # epochs take a few milliseconds, and a frame per epoch cost the run a third of its speed
        step = event.epoch * batches_per_epoch(context)
        if self.live is not None and not context.stepping and (
                not self.live.is_set() or time.perf_counter() - self._last_frame < FRAME_INTERVAL):
            # the sparkline still gets the epoch's losses, the trainer's own (no work here): the next frame
            # carries them
            self._loss_points.append((step, event.train_loss, event.val_loss))
            return None
        return self.frame(context, step=step, epoch=event.epoch)

    def on_end(self, context, event) -> dict | None:
        if context.model is None or self.plane is None:
            return None
        frame = self.frame(context, step=-1, epoch=event.epochs_done)
        frame["final"] = True
        return frame

    # ------------------------------------------------------------------ the work
    def frame(self, context, step: int, epoch: int) -> dict:
        import torch

        self._last_frame = time.perf_counter()
        model, plane = context.model, self.plane
        was_training = model.training
        model.eval()
        try:
            with torch.no_grad():
                payload = {"step": step, "epoch": epoch, "final": False, "extent": plane.extent,
                           "dims": self.dims, "grid": GRID}
                if self._grid_inputs is None:
                    raw = plane.grid_points() if self.dims == 2 else plane.curve_xs()
                    self._grid_inputs = torch.from_numpy(plane.inputs(raw)).to(context.device)
                out, hidden = self._forward(model, self._grid_inputs)
                if self.dims == 2:
                    if context.reading is not None:  # classes: read as the trainer reads them
                        probs = context.reading.probabilities(out)
                        payload["probs"] = probs.reshape(GRID, GRID, -1).cpu().numpy().astype(np.float32)
                    else:
                        payload["value"] = out[:, 0].reshape(GRID, GRID).cpu().numpy().astype(np.float32)
                    payload["neurons"] = [
                        h.T.reshape(-1, GRID, GRID)[:, ::THUMB_STRIDE, ::THUMB_STRIDE].cpu().numpy().copy()
                        for h in hidden]
                else:
                    payload["curve"] = (plane.curve_xs()[:, 0].copy(), out[:, 0].cpu().numpy().astype(np.float32))
                    payload["neurons"] = [h.T.cpu().numpy().copy() for h in hidden]  # units × curve points
                payload["weights"] = self._weights(model)
                payload["train_loss"], payload["test_loss"] = self._losses(context)
                payload["loss_points"], self._loss_points = self._loss_points, []
        finally:
            model.train(was_training)
        return payload

    def _forward(self, model, x):
        """The output, and each hidden layer's output (after its activation) for the thumbnails."""
        watch = set(self._hidden_output_indices())
        if not watch:  # not a plain MLP (a network with branches runs its own forward)
            return model(x), []
        hidden = []
        for index, module in enumerate(model):
            x = module(x)
            if index in watch:
                hidden.append(x)
        return x, hidden

    def _hidden_output_indices(self) -> list[int]:
        if self.mlp is None:
            return []
        indices, i = [], 1 if self.mlp.flatten_first else 0
        for layer in self.mlp.hidden:
            if layer.activation != LINEAR:
                i += 1
            indices.append(i)
            i += 1
        return indices

    @staticmethod
    def _weights(model) -> list[tuple[np.ndarray, np.ndarray | None]]:
        import torch

        weights = []
        for module in model:
            if isinstance(module, torch.nn.Linear):
                bias = module.bias.detach().cpu().numpy().copy() if module.bias is not None else None
                weights.append((module.weight.detach().cpu().numpy().copy(), bias))
        return weights

    def _losses(self, context) -> tuple[float | None, float | None]:
        from playground.training.trainer import evaluate

        if self._loss_sets is None:
            data = context.data
            self._loss_sets = [(data.train_x[:LOSS_SAMPLE], data.train_y[:LOSS_SAMPLE]),
                               (data.val_x[:LOSS_SAMPLE], data.val_y[:LOSS_SAMPLE])]
        results = []
        for x, y in self._loss_sets:
            loss, _ = evaluate(context.model, x, y, context.loss_fn, context.targets_for, context.device)
            results.append(loss)
        return results[0], results[1]


def batches_per_epoch(context) -> int:
    batch = max(1, min(context.experiment.dataset.batch_size, len(context.data.train_x)))
    return -(-len(context.data.train_x) // batch)
