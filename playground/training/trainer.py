"""The trainer: plain PyTorch, reporting through callbacks.

It runs an `Experiment` over in-memory tensors (batches are slices of one shuffled tensor, no
DataLoader workers), and tells its listener about every batch, every epoch, the accuracy before
the first step and the end. `request_stop`, `request_pause`, `request_resume` and
`request_step` may be called from any thread: they only set flags that the loop checks between
batches, so a run stops within one batch.

Callbacks run on the training thread. A GUI must turn them into signals (see
`playground.ui.worker`), and may do extra tensor work inside them (the 2-D playground's
decision boundary) because that keeps such work off the GUI thread.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from playground.core import catalog, limits
from playground.core.build import NetworkError, build_model, resolve_device
from playground.core.experiment import Experiment
from playground.core.predictions import LOGITS, OutputReading, experiment_reading
from playground.data.bundle import DataBundle
from playground.data.images import DataUnavailableError
from playground.data.registry import load_dataset
from playground.i18n import QT_TRANSLATE_NOOP, Message
from playground.training import anatomy, performance

EVAL_BATCH = 2048
# An epoch whose mean loss is this many times the first batch's has diverged (a learning rate
# far too high); the loss may stay finite for a while, so waiting for NaN is not enough.
DIVERGENCE_FACTOR = 1e4


@dataclass
class StartEvent:
    epochs: int
    batches_per_epoch: int
    train_samples: int
    val_samples: int
    device: str
    parameters: int
    # image sets: "full" or "sample" (the built-in one), with that set's training images and, for the
    # sample, why the full set could not be downloaded (a Message); None / 0 for generated and CSV data
    data_source: str | None = None
    source_images: int = 0
    fallback_reason: object = None
    trainable_parameters: int = 0  # the parameters that learn (all but the frozen layers')
    init: list = field(default_factory=list)  # transfer.InitRow per layer with weights when init_from is set
    init_from: str = ""  # where the starting weights came from ("" = a fresh start)


@dataclass
class BatchEvent:
    epoch: int  # 1-based
    step: int  # 1-based batch number within the epoch
    global_step: int  # 1-based batch number in the run
    batches_per_epoch: int
    loss: float
    lr: float
    samples: int  # samples in this batch


@dataclass
class EpochEvent:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float | None
    val_loss: float | None
    val_accuracy: float | None
    seconds: float
    samples_per_second: float
    lr: float
    clipped: float | None = None  # the fraction of batches whose gradient norm was clipped; None without clipping


@dataclass
class EndEvent:
    status: str  # "completed" | "stopped" | "failed"
    message: str = ""
    epochs_done: int = 0
    initial_accuracy: float | None = None
    initial_loss: float | None = None
    test_accuracy: float | None = None
    test_loss: float | None = None
    history: list[EpochEvent] = field(default_factory=list)
    seconds: float = 0.0


class TrainerCallbacks:
    """Override what you need; every method is called on the training thread."""

    def on_start(self, trainer: Trainer, event: StartEvent) -> None: ...
    def on_initial(self, trainer: Trainer, accuracy: float | None, loss: float | None) -> None: ...
    def on_batch(self, trainer: Trainer, event: BatchEvent) -> None: ...
    def on_epoch(self, trainer: Trainer, event: EpochEvent) -> None: ...
    def on_end(self, trainer: Trainer, event: EndEvent) -> None: ...


class _Stopped(Exception):
    pass


def _out_of_memory() -> Message:
    return Message("Training", QT_TRANSLATE_NOOP(
        "Training", "Out of memory — use a smaller batch size or fewer units/filters."))


class TrainingFailed(Exception):
    pass


def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_fn: nn.Module | None = None,
             targets_fn=None, device: torch.device | None = None, batch_size: int = EVAL_BATCH,
             reading: OutputReading | None = None) -> tuple[float | None, float | None]:
    """(loss, accuracy) over a whole set in large batches; accuracy is None for regression. The loss is
    the mean over the set, or its total for a loss that sums (SSE), whatever the chunk size.

    `reading` says how the outputs become classes (the trainer's own, from its loss and last layer);
    without one, class labels (int64) are compared with the outputs read as logits."""
    if x is None or len(x) == 0:
        return None, None
    summed = _sums(loss_fn)
    device = device or next(model.parameters(), torch.empty(0)).device
    was_training = model.training
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    classification = reading is not None or y.dtype == torch.int64
    reading = reading or OutputReading(LOGITS)
    with torch.no_grad():
        for start in range(0, len(x), batch_size):
            xb = x[start:start + batch_size].to(device, non_blocking=True)
            yb = y[start:start + batch_size].to(device, non_blocking=True)
            out = model(xb)
            if loss_fn is not None:
                target = targets_fn(yb, out) if targets_fn else yb
                chunk = float(loss_fn(out, target))
                total_loss += chunk if summed else chunk * len(xb)
            if classification:
                correct += int((reading.classes(out) == yb).sum())
            count += len(xb)
    model.train(was_training)
    loss = (total_loss if summed else total_loss / count) if loss_fn is not None else None
    return loss, (correct / count if classification else None)


def _sums(loss_fn: nn.Module | None) -> bool:
    return getattr(loss_fn, "reduction", "mean") == "sum"


class Trainer:
    def __init__(self, experiment: Experiment, callbacks: TrainerCallbacks | None = None,
                 data: DataBundle | None = None, data_dir: str | None = None):
        self.experiment = experiment.copy()  # the run owns its copy; the GUI may keep editing
        self.callbacks = callbacks or TrainerCallbacks()
        self.data = data
        self.data_dir = data_dir
        self.model: nn.Module | None = None
        self.optimizer: torch.optim.Optimizer | None = None
        self.loss_fn: nn.Module | None = None
        self.reading: OutputReading | None = None  # how outputs become classes; None for regression
        self.device = resolve_device(experiment.device)
        self.history: list[EpochEvent] = []
        self.eval_batch = EVAL_BATCH  # smaller for networks with large activations (see _check_network)
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self._step_tokens = 0
        self._lock = threading.Lock()
        # Step (one batch at a time) records what each stage did, for the one-step panel:
        self.record_steps = False
        self.last_anatomy = None  # anatomy.StepAnatomy of the last recorded batch
        # pace ("watch" speed): at least this many seconds from one batch's start to the next; 0 = full speed.
        # May be changed from any thread during a run. The wait happens here, on the training thread, and a
        # Stop or Pause still acts at once. `clock` and `sleep` are replaceable (tests use a fake clock).
        self.min_batch_interval = 0.0
        self.clock = time.perf_counter
        self.sleep = self._stop.wait  # returns early when a stop is requested
        self._last_batch_at: float | None = None
        self.paused_seconds = 0.0  # time spent paused (left out of the run's reported time)
        self.last_inputs = None  # the last batch as the network received it (augmented), for the views' probes
        self.init_rows: list = []  # transfer.InitRow per layer with weights, when the run starts from weights
        self.trainable: list = []  # the parameters that learn (the frozen layers' are left out)

    # ------------------------------------------------------------------ control (any thread)
    def request_stop(self) -> None:
        self._stop.set()
        self._resume.set()  # wake a paused loop so it can see the stop

    def request_pause(self) -> None:
        with self._lock:
            self._step_tokens = 0
            self._resume.clear()

    def request_resume(self) -> None:
        with self._lock:
            self._step_tokens = 0
            self.record_steps = False
            self._resume.set()

    def request_step(self) -> None:
        """Run exactly one more batch, then stay paused; that batch's anatomy is recorded."""
        with self._lock:
            self._step_tokens += 1
            self.record_steps = True
            self._resume.set()

    @property
    def paused(self) -> bool:
        return not self._resume.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def _pace(self) -> None:
        """Watch speed: wait until `min_batch_interval` has passed since the last batch started."""
        interval = self.min_batch_interval
        if interval > 0 and self._last_batch_at is not None and not self.record_steps:
            remaining = self._last_batch_at + interval - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last_batch_at = self.clock()

    def _wait_for_turn(self) -> None:
        self._pace()
        while True:
            if not self._resume.is_set():
                paused_at = time.perf_counter()
                self._resume.wait()
                self.paused_seconds += time.perf_counter() - paused_at
                self._last_batch_at = None  # after a pause the next batch goes at once
            self._resume.wait()
            if self._stop.is_set():
                raise _Stopped
            with self._lock:
                if self._resume.is_set():
                    if self._step_tokens > 0:
                        self._step_tokens -= 1
                        if self._step_tokens == 0:
                            self._resume.clear()  # paused again after this one batch
                    return

    # ------------------------------------------------------------------ setup
    def prepare(self) -> None:
        """Load the data, check the network against it, build model, loss and optimizer (idempotent)."""
        exp = self.experiment
        if self.data is None:
            self.data = load_dataset(exp.dataset, seed=exp.seed, data_dir=self.data_dir)
        self._check_network()  # before anything is allocated: a network too large for memory stops here
        if self.model is None:
            torch.manual_seed(exp.seed)
            model = build_model(exp, self.data.info.input_shape)
            if exp.init_from:  # a CheckpointError (a ValueError) ends the run with its message, nothing trained
                from playground.core.transfer import initialize_from

                self.init_rows = initialize_from(model, exp)
            self.model = model.to(self.device)
            if performance.wants_channels_last(self.model, self.device):  # faster convolutions on the CPU
                self.model = self.model.to(memory_format=torch.channels_last)
        loss_type = catalog.LOSSES[exp.loss]
        self.loss_fn = loss_type.build()
        self._one_hot = bool(self.data.info.num_classes) and loss_type.one_hot_targets
        self.reading = experiment_reading(exp, self.data.info.num_classes)
        if self.optimizer is None:
            from playground.core.transfer import freeze

            self.trainable = freeze(exp.layers, self.model)  # shape inference refused a network with none
            self.optimizer = catalog.OPTIMIZERS[exp.optimizer.name].build(self.trainable, exp.optimizer)

    @property
    def layer_names(self) -> list[str]:
        from playground.core.shapes import layer_label

        return [layer_label(i, layer.type) for i, layer in enumerate(self.experiment.layers)]

    def targets_for(self, y: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
        """Labels as the loss wants them: one-hot floats for MSE/L1/BCE on a classification set."""
        if self._one_hot:
            if out.shape[1] == 1:  # one logit for two classes (BCE): the target is the label itself
                return y.to(out.dtype).unsqueeze(1)
            return nn.functional.one_hot(y, out.shape[1]).to(out.dtype)
        return y

    def _penalty(self) -> torch.Tensor | None:
        exp = self.experiment
        if not (exp.l1 or exp.l2):
            return None
        weights = [p for p in self.model.parameters() if p.dim() > 1 and p.requires_grad]
        total = torch.zeros((), device=self.device)
        if exp.l1:
            total = total + exp.l1 * sum(w.abs().sum() for w in weights)
        if exp.l2:
            total = total + exp.l2 * sum((w * w).sum() for w in weights)
        return total

    # ------------------------------------------------------------------ run
    def run(self) -> EndEvent:
        """Train to the end, or until stopped or failed. Never raises for a training problem."""
        started = time.perf_counter()
        end = EndEvent("failed")
        try:
            end = self._run()
        except _Stopped:
            end = EndEvent("stopped", "Stopped by request.", len(self.history))
        except TrainingFailed as exc:  # args[0] keeps a Message, which the window shows translated
            end = EndEvent("failed", exc.args[0] if exc.args else str(exc), len(self.history))
        except (DataUnavailableError, NetworkError, ValueError) as exc:  # a Message in args[0] stays one
            end = EndEvent("failed", exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc),
                           len(self.history))
        except torch.OutOfMemoryError:
            end = EndEvent("failed", _out_of_memory(), len(self.history))
        except (RuntimeError, IndexError) as exc:  # torch reports bad targets as IndexError
            text = str(exc).splitlines()[0]
            if "out of memory" in text.lower() or "can't allocate memory" in text.lower():
                text = _out_of_memory()
            end = EndEvent("failed", Message("Training", QT_TRANSLATE_NOOP("Training", "Training failed: {reason}"),
                                             reason=text), len(self.history))
        end.history = list(self.history)
        end.initial_accuracy = getattr(self, "_initial_accuracy", None)
        end.initial_loss = getattr(self, "_initial_loss", None)
        if end.status != "failed" and self.model is not None and self.data is not None:
            tx, ty = (self.data.test_x, self.data.test_y) if self.data.test_x is not None else (
                self.data.val_x, self.data.val_y)
            try:
                end.test_loss, end.test_accuracy = evaluate(self.model, tx, ty, self.loss_fn, self.targets_for,
                                                            self.device, self.eval_batch, self.reading)
            except RuntimeError as exc:
                end.message = f"Evaluation failed: {exc}"
        end.seconds = max(0.0, time.perf_counter() - started - self.paused_seconds)  # paused time left out
        self.callbacks.on_end(self, end)
        return end

    def _run(self) -> EndEvent:
        exp = self.experiment
        self.prepare()
        data, model, device = self.data, self.model, self.device
        train_x, train_y = data.train_x, data.train_y
        if len(train_x) == 0:
            raise TrainingFailed(Message("Training", QT_TRANSLATE_NOOP(
                "Training", "The training set is empty — add data or lower the validation split.")))
        batch_size = min(exp.dataset.batch_size, len(train_x))
        if device.type != "cpu":
            train_x, train_y = train_x.to(device), train_y.to(device)
        batches = math.ceil(len(train_x) / batch_size)
        scheduler_type = catalog.SCHEDULERS[exp.scheduler.name]
        scheduler = scheduler_type.build(self.optimizer, exp.scheduler, exp.epochs, batches)
        from playground.core.transfer import hold_frozen_statistics
        from playground.data.augment import background_value, flip_allowed, training_batch

        augment = exp.dataset.augment if exp.dataset.augment.enabled and data.info.is_image else None
        flip = flip_allowed(exp.dataset.name)
        background = background_value(data.normalization)
        generator = torch.Generator().manual_seed(exp.seed)
        frozen_norms = any(layer.frozen and layer.type == "BatchNorm" for layer in exp.layers)
        params = sum(p.numel() for p in model.parameters())
        self.callbacks.on_start(self, StartEvent(exp.epochs, batches, len(train_x), len(data.val_x), str(device),
                                                 params, data.source, data.source_images,
                                                 data.fallback_reason,
                                                 sum(p.numel() for p in self.trainable), list(self.init_rows),
                                                 exp.init_from))

        self._initial_loss, self._initial_accuracy = evaluate(model, data.val_x, data.val_y, self.loss_fn,
                                                              self.targets_for, device, self.eval_batch,
                                                              self.reading)
        self.callbacks.on_initial(self, self._initial_accuracy, self._initial_loss)

        global_step = 0
        first_loss: float | None = None
        # A summed loss (SSE) reports each epoch's total over the training set, not a mean per example;
        # the first batch's loss times the batches is the same measure at the start, for the checks below.
        summed = _sums(self.loss_fn)
        per_epoch = batches if summed else 1
        for epoch in range(1, exp.epochs + 1):
            model.train()
            epoch_start = time.perf_counter()
            order = torch.randperm(len(train_x), generator=generator).to(device)
            loss_sum, correct, seen, clipped = 0.0, 0, 0, 0
            classification = self.reading is not None
            for step in range(1, batches + 1):
                self._wait_for_turn()
                idx, xb = training_batch(train_x, order, step, batch_size, augment, background, generator, flip)
                yb = train_y[idx]
                self.last_inputs = xb
                if frozen_norms:  # a frozen BatchNorm keeps the statistics it came with (probes may have
                    hold_frozen_statistics(exp.layers, model)  # switched modes between batches)
                out = model(xb)
                loss = self.loss_fn(out, self.targets_for(yb, out))
                penalty = self._penalty()
                total = loss + penalty if penalty is not None else loss
                record = self.record_steps
                if record:
                    before = anatomy.snapshot_weights(model)
                self.optimizer.zero_grad(set_to_none=True)
                total.backward()
                if exp.grad_clip:  # the total norm before clipping: above the limit, every gradient was scaled
                    clipped += float(nn.utils.clip_grad_norm_(self.trainable, exp.grad_clip)) > exp.grad_clip
                if record:
                    grads = anatomy.snapshot_grads(model)
                self.optimizer.step()
                if record:
                    self.last_anatomy = anatomy.describe_update(
                        model, self.optimizer, before, grads, self.optimizer.param_groups[0]["lr"],
                        float(loss.detach()), tuple(xb.shape), tuple(out.shape), self.layer_names)
                    self.last_anatomy.images = anatomy.batch_images(xb)  # as received: augmented when on
                loss_value = loss.item()
                if not math.isfinite(loss_value):
                    raise TrainingFailed(Message("Training", QT_TRANSLATE_NOOP(
                        "Training", "The loss became {value} at epoch {epoch}, batch {batch}: {advice}"),
                        value="NaN" if math.isnan(loss_value) else Message("Training", QT_TRANSLATE_NOOP(
                            "Training", "infinite")), epoch=epoch, batch=step,
                        advice=self._lower_lr_advice()))
                if first_loss is None:
                    first_loss = loss_value
                lr = self.optimizer.param_groups[0]["lr"]
                if scheduler is not None and scheduler_type.per_batch and global_step + 1 < exp.epochs * batches:
                    scheduler.step()
                global_step += 1
                n = len(idx)
                loss_sum += loss_value if summed else loss_value * n
                seen += n
                if classification:
                    with torch.no_grad():
                        correct += int((self.reading.classes(out) == yb).sum())
                self.callbacks.on_batch(self, BatchEvent(epoch, step, global_step, batches, loss_value, lr, n))
            if scheduler is not None and not scheduler_type.per_batch:
                scheduler.step()
            train_seconds = time.perf_counter() - epoch_start
            val_loss, val_acc = evaluate(model, data.val_x, data.val_y, self.loss_fn, self.targets_for, device,
                                         self.eval_batch, self.reading)
            seconds = time.perf_counter() - epoch_start
            train_loss = loss_sum if summed else loss_sum / seen
            if val_loss is not None and not math.isfinite(val_loss):
                raise TrainingFailed(Message("Training", QT_TRANSLATE_NOOP(
                    "Training", "The validation loss became {value} after epoch {epoch}: {advice}"),
                    value=val_loss, epoch=epoch, advice=self._lower_lr_advice()))
            if train_loss > DIVERGENCE_FACTOR * max(first_loss * per_epoch, 1e-3):
                raise TrainingFailed(Message("Training", QT_TRANSLATE_NOOP(
                    "Training", "The loss grew from {first} to {last} by epoch {epoch} — training diverged: "
                    "{advice}"), first=f"{first_loss * per_epoch:.4g}", last=f"{train_loss:.4g}", epoch=epoch,
                    advice=self._lower_lr_advice()))
            event = EpochEvent(epoch, exp.epochs, train_loss, correct / seen if classification else None,
                               val_loss, val_acc, seconds, seen / train_seconds if train_seconds > 0 else 0.0,
                               self.optimizer.param_groups[0]["lr"], clipped / batches if exp.grad_clip else None)
            self.history.append(event)
            self.callbacks.on_epoch(self, event)
        self._check_learned(None if first_loss is None else first_loss * per_epoch)
        return EndEvent("completed", "Training completed.", len(self.history))

    def _check_learned(self, first_loss: float | None) -> None:
        """Fail a run whose far-too-high learning rate kept the loss from ever going down: Adam at lr 10
        neither overflows nor diverges, it wanders at chance accuracy, and 'completed' would hide why."""
        from playground.core.shapes import learning_rate_problem

        last = self.history[-1].train_loss if self.history else None
        optimizer = self.experiment.optimizer
        if (first_loss is None or last is None or last < first_loss
                or not learning_rate_problem(optimizer.name, optimizer.lr)):
            return
        epochs = len(self.history)
        template = (QT_TRANSLATE_NOOP("Training", "The loss did not go down in {epochs} epochs ({first} at the "
                                      "first batch, {last} in the last epoch): {advice}") if epochs != 1 else
                    QT_TRANSLATE_NOOP("Training", "The loss did not go down in {epochs} epoch ({first} at the "
                                      "first batch, {last} in the last epoch): {advice}"))
        raise TrainingFailed(Message("Training", template, epochs=epochs, first=f"{first_loss:.4g}",
                                     last=f"{last:.4g}", advice=self._lower_lr_advice()))

    def _check_network(self) -> None:
        """Refuse what shape inference refuses, and fewer outputs than classes (a warning while editing,
        because the fix is one click away, but a label with no score cannot be trained)."""
        from playground.core.shapes import (
            infer_shapes,
            inference_bytes_per_sample,
            memory_budget,
            output_width_problem,
        )

        info = self.data.info
        report = infer_shapes(self.experiment, info.input_shape, info.num_classes)
        if report.error is not None:
            raise TrainingFailed(report.error.message)
        # evaluation needs no gradients but runs large chunks: keep a chunk within half the budget
        self.eval_batch = max(1, min(EVAL_BATCH, memory_budget() // 2 // inference_bytes_per_sample(report)))
        width = report.output_shape[0]
        problem = output_width_problem(self.experiment.loss, info.num_classes, width)
        if problem and width < info.num_classes:
            raise TrainingFailed(problem)

    def _lower_lr_advice(self) -> str:
        optimizer = self.experiment.optimizer
        lr = optimizer.lr
        typical, usual_max = limits.USUAL_LEARNING_RATES.get(optimizer.name, (lr / 10, math.inf))
        suggestion = typical if lr / 10 > usual_max else lr / 10  # Adam at 10: 1 is still far too high
        # clipping bounds the gradient, which helps SGD; Adam's steps are about lr whatever the gradient
        if optimizer.name == "sgd":
            return Message("Training", QT_TRANSLATE_NOOP(
                "Training", "the learning rate ({lr}) is probably too high — try {suggestion}, or turn on gradient "
                "clipping."), lr=f"{lr:g}", suggestion=f"{suggestion:g}")
        return Message("Training", QT_TRANSLATE_NOOP(
            "Training", "the learning rate ({lr}) is probably too high — try {suggestion}."),
            lr=f"{lr:g}", suggestion=f"{suggestion:g}")

    # ------------------------------------------------------------------ after training
    def metrics(self) -> dict[str, Any]:
        last = self.history[-1] if self.history else None
        return {
            "epochs": len(self.history),
            "train_loss": last.train_loss if last else None,
            "val_loss": last.val_loss if last else None,
            "val_accuracy": last.val_accuracy if last else None,
            "initial_accuracy": getattr(self, "_initial_accuracy", None),
        }
