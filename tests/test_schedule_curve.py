"""The schedule the training panel draws is the learning rate the trainer uses, batch by batch, for
every schedule; and the augmentation preview is the trainer's first batch, image for image."""

from __future__ import annotations

import pytest
import torch
from helpers import linear, tiny_experiment

from playground.core.experiment import LayerSpec, SchedulerSpec
from playground.core.schedule_curve import batches_per_epoch, learning_rates
from playground.training.augment_preview import make_preview, preview_batch
from playground.training.trainer import Trainer, TrainerCallbacks

torch.set_num_threads(1)


class _Rates(TrainerCallbacks):
    def __init__(self):
        self.rates: list[float] = []
        self.first_batch = None
        self.batches = 0

    def on_start(self, trainer, event):
        self.batches = event.batches_per_epoch

    def on_batch(self, trainer, event):
        self.rates.append(event.lr)
        if self.first_batch is None:
            self.first_batch = trainer.last_inputs.clone()


SCHEDULES = [
    SchedulerSpec("none"),
    SchedulerSpec("step", step_size=2, gamma=0.5),
    SchedulerSpec("exponential", gamma=0.7),
    SchedulerSpec("cosine"),
    SchedulerSpec("onecycle"),
    SchedulerSpec("onecycle", max_lr=0.05),
]


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: f"{s.name}-{s.max_lr or s.gamma}")
def test_the_drawn_schedule_is_the_learning_rate_the_trainer_uses_batch_by_batch(schedule):
    exp = tiny_experiment(epochs=5, samples=130, batch_size=16, lr=0.01, optimizer="sgd")
    exp.scheduler = schedule
    recorder = _Rates()
    assert Trainer(exp, recorder).run().status == "completed"
    expected = learning_rates(exp, recorder.batches)
    assert len(expected) == len(recorder.rates) == 5 * recorder.batches
    assert expected == pytest.approx(recorder.rates, rel=1e-9, abs=1e-15)


def test_batches_per_epoch_counts_as_the_trainer_does():
    exp = tiny_experiment(samples=130, batch_size=16)
    recorder = _Rates()
    trainer = Trainer(exp, recorder)
    trainer.run()
    assert batches_per_epoch(len(trainer.data.train_x), 16) == recorder.batches
    assert batches_per_epoch(5, 64) == 1


def _image_experiment(**augment):
    exp = tiny_experiment(dataset="mnist", layers=[LayerSpec("Flatten"), linear(10)], epochs=1, limit=120,
                          batch_size=32)
    exp.dataset.augment.enabled = True
    for name, value in augment.items():
        setattr(exp.dataset.augment, name, value)
    return exp


@pytest.mark.parametrize("dataset", ["mnist", "fashion-mnist"])
def test_the_preview_shows_exactly_the_batch_the_network_receives(dataset):
    exp = _image_experiment(flip=True)
    exp.dataset.name = dataset
    recorder = _Rates()
    trainer = Trainer(exp, recorder)
    assert trainer.run().status == "completed"
    xb, _ = preview_batch(trainer.data, exp, sample=0)
    assert torch.equal(xb, recorder.first_batch)  # same seed: bit for bit
    preview = make_preview(trainer.data, exp)
    mean, std = trainer.data.normalization
    expected = (recorder.first_batch[:16, 0] * std + mean).clamp(0, 1).numpy()
    assert preview.pixels.shape == (16, 28, 28) and (preview.pixels == expected).all()
    assert preview.augmented
    other = preview_batch(trainer.data, exp, sample=1)[0]
    assert not torch.equal(other, xb)  # "New sample" draws other images and other distortions


def test_flip_mirrors_only_clothing():
    from playground.data.augment import augment_batch

    image = torch.zeros(64, 1, 28, 28)
    image[:, :, :, :5] = 1.0  # a bar on the left
    spec = _image_experiment(rotation=0.0, shift=0.0, scale=0.0, stroke=0.0, blur=0.0, flip=True).dataset.augment
    mirrored = augment_batch(image, spec, 0.0, torch.Generator().manual_seed(0), flip=True)
    right = mirrored[:, 0, :, -5:].mean(dim=(1, 2)) > 0.9
    assert 10 < int(right.sum()) < 54  # about half, mirrored to the right
    kept = augment_batch(image, spec, 0.0, torch.Generator().manual_seed(0), flip=False)
    assert torch.allclose(kept, image, atol=1e-5)


def test_preview_without_augmentation_is_the_stored_images():
    exp = _image_experiment()
    exp.dataset.augment.enabled = False
    trainer = Trainer(exp)
    trainer.prepare()
    xb, _ = preview_batch(trainer.data, exp)
    generator = torch.Generator().manual_seed(exp.seed)
    order = torch.randperm(len(trainer.data.train_x), generator=generator)
    assert torch.equal(xb, trainer.data.train_x[order[:32]])
    assert not make_preview(trainer.data, exp).augmented
