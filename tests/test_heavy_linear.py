"""A Linear layer that dwarfs the rest is warned about, with the pooling that would shrink it as a one-click fix;
a Linear that receives an image names Flatten as its fix."""

from helpers import layer, linear

from playground.core.experiment import DatasetSpec, Experiment
from playground.core.shapes import infer_shapes


def mnist(layers) -> Experiment:
    return Experiment(name="t", dataset=DatasetSpec("mnist"), layers=layers, device="cpu")


def test_conv2d_before_flatten_without_pooling_is_warned_with_max_pooling_as_the_fix():
    exp = mnist([layer("Conv2d", out_channels=32), layer("ReLU"), layer("Flatten"), linear(64), layer("ReLU"),
                 linear(10)])
    report = infer_shapes(exp)
    assert report.ok
    heavy = [w for w in report.warnings if w.index == 3]
    assert len(heavy) == 1
    assert f"{32 * 26 * 26 * 64 + 64:,}" in heavy[0].message  # the count the learner sees in the table
    assert "MaxPool2d before Flatten" in heavy[0].message
    assert heavy[0].fix == ("MaxPool2d", 2)  # inserted where Flatten is: pooling comes first


def test_the_seed_mlp_is_not_warned_about_size():
    exp = mnist([layer("Flatten"), linear(128), layer("ReLU"), linear(64), layer("ReLU"), linear(10)])
    assert not any("parameters" in w.message for w in infer_shapes(exp).warnings)


def test_a_linear_reading_an_image_offers_flatten_before_it():
    exp = mnist([layer("Conv2d", out_channels=8), layer("ReLU"), linear(10)])
    report = infer_shapes(exp)
    assert report.error is not None and report.error.fix == ("Flatten", 2)
