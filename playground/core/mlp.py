"""The 2-D playground's view of a network: hidden layers of neurons with an activation each.

TensorFlow Playground's networks are always Linear → activation → … → Linear. `read_mlp` recognises
that shape in an experiment's layer list (so the +/− buttons and the diagram can work on it) and
`MlpShape.layers()` writes it back. Anything else (convolutions, dropout, …) is "not a simple MLP":
the panel then leaves the network alone and says so. No Qt and no torch here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.core import catalog
from playground.core.experiment import Experiment, LayerSpec

# activations that make sense for a hidden neuron (Softmax and LogSoftmax mix neurons together)
HIDDEN_ACTIVATIONS = [t.name for t in catalog.layers_in_group("Activations")
                      if t.name not in ("Softmax", "LogSoftmax")]
LINEAR = "linear"  # a hidden layer without an activation
DEFAULT_ACTIVATION = "Tanh"
NEW_LAYER_UNITS = 4


@dataclass
class HiddenLayer:
    units: int
    activation: str = DEFAULT_ACTIVATION  # a catalog activation name, or LINEAR
    bias: bool = True
    activation_params: dict = field(default_factory=dict)


@dataclass
class MlpShape:
    hidden: list[HiddenLayer]
    outputs: int
    output_bias: bool = True
    flatten_first: bool = False  # a leading Flatten (harmless on flat inputs) is kept

    def layers(self) -> list[LayerSpec]:
        out: list[LayerSpec] = [LayerSpec("Flatten", {})] if self.flatten_first else []
        for layer in self.hidden:
            out.append(LayerSpec("Linear", {"units": layer.units, "bias": layer.bias}))
            if layer.activation != LINEAR:
                params = catalog.LAYERS[layer.activation].defaults()
                params.update({k: v for k, v in layer.activation_params.items() if k in params})
                out.append(LayerSpec(layer.activation, params))
        out.append(LayerSpec("Linear", {"units": self.outputs, "bias": self.output_bias}))
        return out


def read_mlp(layers: list[LayerSpec]) -> MlpShape | None:
    """The network as hidden layers, or None when it is not Linear/activation blocks ending in Linear."""
    items = list(layers)
    if any(layer.inputs is not None for layer in items):  # a graph with branches is no plain MLP
        return None
    flatten = bool(items) and items[0].type == "Flatten"
    if flatten:
        items = items[1:]
    if not items or items[-1].type != "Linear":
        return None
    hidden: list[HiddenLayer] = []
    i = 0
    while i < len(items) - 1:
        layer = items[i]
        if layer.type != "Linear":
            return None
        activation, params = LINEAR, {}
        if i + 1 < len(items) - 1 and items[i + 1].type in HIDDEN_ACTIVATIONS:
            activation, params = items[i + 1].type, dict(items[i + 1].params)
            i += 1
        hidden.append(HiddenLayer(int(layer.params["units"]), activation, bool(layer.params.get("bias", True)),
                                  params))
        i += 1
    last = items[-1]
    return MlpShape(hidden, int(last.params["units"]), bool(last.params.get("bias", True)), flatten)


def with_layers(experiment: Experiment, shape: MlpShape) -> Experiment:
    new = experiment.copy()
    new.layers = shape.layers()
    return new


def add_hidden_layer(shape: MlpShape) -> MlpShape:
    """A new hidden layer just before the output, like TensorFlow Playground's + button."""
    activation = shape.hidden[-1].activation if shape.hidden else DEFAULT_ACTIVATION
    params = dict(shape.hidden[-1].activation_params) if shape.hidden else {}
    return MlpShape([*shape.hidden, HiddenLayer(NEW_LAYER_UNITS, activation, True, params)], shape.outputs,
                    shape.output_bias, shape.flatten_first)


def remove_hidden_layer(shape: MlpShape) -> MlpShape:
    return MlpShape(shape.hidden[:-1], shape.outputs, shape.output_bias, shape.flatten_first)


def change_units(shape: MlpShape, index: int, delta: int) -> MlpShape:
    hidden = [HiddenLayer(h.units, h.activation, h.bias, dict(h.activation_params)) for h in shape.hidden]
    hidden[index].units = max(1, hidden[index].units + delta)
    return MlpShape(hidden, shape.outputs, shape.output_bias, shape.flatten_first)


def change_activation(shape: MlpShape, index: int, activation: str) -> MlpShape:
    hidden = [HiddenLayer(h.units, h.activation, h.bias, dict(h.activation_params)) for h in shape.hidden]
    hidden[index].activation = activation
    hidden[index].activation_params = {}
    return MlpShape(hidden, shape.outputs, shape.output_bias, shape.flatten_first)


def fit_output_to_dataset(experiment: Experiment, output_size: int, task: str) -> Experiment:
    """After a dataset change: the last Linear produces what the data needs and the loss suits the task."""
    new = experiment.copy()
    for layer in reversed(new.layers):
        if layer.type == "Linear":
            layer.params["units"] = output_size
            break
    if task == "regression" and catalog.LOSSES[new.loss].name in ("cross_entropy", "nll", "bce_with_logits"):
        new.loss = "mse"
    elif task == "classification" and new.loss in ("mse", "l1", "smooth_l1"):
        new.loss = "cross_entropy"
    return new
