"""The limits in playground.core.limits are the ones the loader enforces, so the window's boxes (which
take their ranges from there) never offer a value a file could not hold."""

from __future__ import annotations

import pytest

from playground.core import catalog, limits
from playground.core.experiment import Experiment, ExperimentError
from playground.core.presets import load_preset

# (field path in the experiment file, its limit, whether it is an integer, whether the low end is exclusive)
FIELDS = [
    (("epochs",), limits.EPOCHS, True, False),
    (("seed",), limits.SEED, True, False),
    (("grad_clip",), limits.GRAD_CLIP, False, False),
    (("l1",), limits.PENALTY, False, False),
    (("l2",), limits.PENALTY, False, False),
    (("dataset", "batch_size"), limits.BATCH_SIZE, True, False),
    (("dataset", "val_split"), limits.VAL_SPLIT, False, False),
    (("dataset", "samples"), limits.SAMPLES, True, False),
    (("dataset", "noise"), limits.NOISE, False, False),
    (("dataset", "augment", "rotation"), limits.ROTATION, False, False),
    (("dataset", "augment", "blur"), limits.AUGMENT_FRACTION, False, False),
    (("optimizer", "lr"), limits.LEARNING_RATE, False, True),
    (("optimizer", "momentum"), limits.MOMENTUM, False, False),
    (("optimizer", "weight_decay"), limits.WEIGHT_DECAY, False, False),
    (("scheduler", "step_size"), limits.STEP_SIZE, True, False),
    (("scheduler", "gamma"), limits.GAMMA, False, True),
    (("scheduler", "max_lr"), limits.MAX_LR, False, False),
]


def _with(path: tuple[str, ...], value) -> dict:
    data = load_preset("seed-mlp").to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "limit", "integer", "exclusive_low"), FIELDS,
                         ids=[".".join(row[0]) for row in FIELDS])
def test_a_file_holds_every_value_within_the_limits_and_none_beyond(path, limit, integer, exclusive_low):
    step = 1 if integer else 1e-6 * max(1.0, abs(limit.high))
    Experiment.from_dict(_with(path, limit.high))
    if not exclusive_low:
        Experiment.from_dict(_with(path, limit.low))
    for beyond in (limit.high + step, limit.low if exclusive_low else limit.low - (1 if integer else 1e-6)):
        with pytest.raises(ExperimentError) as error:
            Experiment.from_dict(_with(path, beyond))
        assert error.value.field == ".".join(path)


def test_every_beta_is_read_within_its_limit():
    Experiment.from_dict(_with(("optimizer", "betas"), [limits.BETA.low, limits.BETA.high]))
    with pytest.raises(ExperimentError, match=r"optimizer\.betas\[1\]"):
        Experiment.from_dict(_with(("optimizer", "betas"), [0.9, limits.BETA.high + 1e-6]))


def test_the_learning_rate_ladders_are_learning_rates_a_file_may_hold():
    ladder = limits.LEARNING_RATE_LADDER
    assert ladder[:4] == (1e-5, 2e-5, 5e-5, 1e-4) and ladder[-1] == limits.LEARNING_RATE.high
    assert list(ladder) == sorted(ladder)
    for lr in (*ladder, *limits.PLAYGROUND_LEARNING_RATES):
        assert limits.LEARNING_RATE.low < lr <= limits.LEARNING_RATE.high
    for rate in limits.PLAYGROUND_PENALTY_RATES:
        assert limits.PENALTY.low <= rate <= limits.PENALTY.high


def test_every_optimizer_has_its_usual_learning_rates():
    assert set(limits.USUAL_LEARNING_RATES) == set(catalog.OPTIMIZERS)
    for typical, usual_max in limits.USUAL_LEARNING_RATES.values():
        assert limits.LEARNING_RATE.low < typical < usual_max <= limits.LEARNING_RATE.high
