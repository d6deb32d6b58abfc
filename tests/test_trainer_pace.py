"""Watch speed: the trainer leaves `min_batch_interval` seconds between batches (on its own thread), a Stop
still ends a slow run at once, and time spent paused is not counted as training time."""

from __future__ import annotations

import threading
import time

import pytest
from helpers import tiny_experiment

from playground.training.trainer import Trainer, TrainerCallbacks


class FakeClock:
    """Time that moves only when the trainer sleeps: the batches themselves take no time."""

    def __init__(self):
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> bool:
        self.sleeps.append(seconds)
        self.now += seconds
        return False


class BatchTimes(TrainerCallbacks):
    def __init__(self, clock: FakeClock):
        self.clock, self.times = clock, []

    def on_batch(self, trainer, event):
        self.times.append(self.clock.now)


def paced_trainer(interval: float, epochs: int = 2) -> tuple[Trainer, FakeClock, BatchTimes]:
    fake = FakeClock()
    callbacks = BatchTimes(fake)
    trainer = Trainer(tiny_experiment(epochs=epochs, samples=200, batch_size=20), callbacks)
    trainer.clock, trainer.sleep = fake.clock, fake.sleep
    trainer.min_batch_interval = interval
    return trainer, fake, callbacks


def test_watch_speed_runs_about_twenty_batches_a_second():
    trainer, fake, batches = paced_trainer(0.05)
    end = trainer.run()
    assert end.status == "completed"
    count = len(batches.times)
    assert count > 10
    # one wait before every batch but the first, each for the rest of the 50 ms
    assert len(fake.sleeps) == count - 1
    assert all(s == pytest.approx(0.05) for s in fake.sleeps)
    rate = (count - 1) / (batches.times[-1] - batches.times[0])
    assert rate == pytest.approx(20, rel=0.01)


def test_full_speed_never_waits():
    trainer, fake, batches = paced_trainer(0.0)
    assert trainer.run().status == "completed"
    assert fake.sleeps == [] and len(batches.times) > 10


def test_the_pace_can_change_during_a_run():
    trainer, fake, batches = paced_trainer(0.0)

    class SlowDownAtFive(BatchTimes):
        def on_batch(self, trainer_, event):
            super().on_batch(trainer_, event)
            if event.global_step == 5:
                trainer_.min_batch_interval = 0.05

    trainer.callbacks = SlowDownAtFive(fake)
    trainer.run()
    assert len(fake.sleeps) == len(trainer.callbacks.times) - 5  # full speed for the first five


def test_stop_ends_a_slow_run_without_waiting_out_the_pace():
    """With an hour between batches the run would never end if the wait ignored Stop."""
    class StopDuringTheWait(TrainerCallbacks):
        def on_batch(self, trainer, event):
            if event.global_step == 1:  # pressed from the window while the trainer waits for batch 2
                threading.Timer(0.2, trainer.request_stop).start()

    trainer = Trainer(tiny_experiment(epochs=1, samples=200, batch_size=20), StopDuringTheWait())
    trainer.min_batch_interval = 3600.0
    done = threading.Event()
    result = {}
    thread = threading.Thread(target=lambda: (result.setdefault("end", trainer.run()), done.set()), daemon=True)
    thread.start()
    assert done.wait(60), "the paced run did not stop"
    assert result["end"].status == "stopped"


def test_paused_time_is_not_training_time():
    """A run held paused for a while reports only the time it trained (far less than the pause)."""
    class PauseOnce(TrainerCallbacks):
        def on_batch(self, trainer, event):
            if event.global_step == 1:
                trainer.request_pause()
                threading.Timer(0.6, trainer.request_resume).start()

    trainer = Trainer(tiny_experiment(epochs=1, samples=100, batch_size=20), PauseOnce())
    before = time.perf_counter()
    end = trainer.run()
    wall = time.perf_counter() - before
    assert end.status == "completed"
    assert trainer.paused_seconds >= 0.5
    assert end.seconds <= wall - trainer.paused_seconds  # the pause was subtracted from the run's time
