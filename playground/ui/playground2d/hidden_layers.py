"""The 2-D playground's hidden layers: +/− layers, +/− neurons, and an activation per layer.

It edits the network through `playground.core.mlp` (the network read as hidden layers of an MLP)
and sends each change as ``edited(undo text, experiment, merge key)``. A network that is not a
plain Linear/activation stack is left alone: the buttons are disabled and the label says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import mlp
from playground.core.experiment import Experiment


def activation_text(name: str) -> str:
    """Catalog activations are names (ReLU, Tanh); "linear", no activation, is a word."""
    return QCoreApplication.translate("HiddenLayersEditor", "linear") if name == mlp.LINEAR else name


def small_button(text: str, name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setFixedSize(24, 24)
    return button


class HiddenLayersEditor(QWidget):
    edited = Signal(str, object, str)  # undo text, new Experiment, merge key ('' = its own undo step)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment = Experiment()
        self._editable = True
        self.layer_controls: list[dict] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.add_layer_button = small_button("+", "addLayerButton", self.tr("Add a hidden layer"))
        self.remove_layer_button = small_button("−", "removeLayerButton", self.tr("Remove the last hidden layer"))
        self.add_layer_button.clicked.connect(self.add_layer)
        self.remove_layer_button.clicked.connect(self.remove_layer)
        self.layers_label = QLabel()
        self.layers_label.setObjectName("hiddenLayersLabel")
        header.addWidget(self.add_layer_button)
        header.addWidget(self.remove_layer_button)
        header.addWidget(self.layers_label)
        header.addStretch(1)
        column.addLayout(header)
        self.layers_row = QHBoxLayout()
        self.layers_row.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.layers_row)
        self.layers_row.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # many hidden layers scroll sideways instead of widening the window
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedHeight(66)
        scroll.setProperty("scrollsSideways", True)
        self.strip = scroll
        self._show_last = False  # after "+": scroll to the new layer's card
        column.addWidget(scroll)

    # ------------------------------------------------------------------ experiment → widgets
    def set_experiment(self, exp: Experiment) -> mlp.MlpShape | None:
        """Show the network's hidden layers; returns them (None when it is not a plain MLP)."""
        self.experiment = exp
        shape = mlp.read_mlp(exp.layers)
        editable = shape is not None and self._editable
        self.add_layer_button.setEnabled(editable)
        self.remove_layer_button.setEnabled(editable and bool(shape.hidden))
        while self.layers_row.count():
            item = self.layers_row.takeAt(0)
            widget = item.widget()
            if widget is not None:  # hidden at once (a screenshot may come before the deferred delete)
                widget.hide()
                widget.deleteLater()
        self.layer_controls = []
        if shape is None:
            self.layers_label.setText(self.tr("Not a plain Linear/activation network"))
            return None
        count = len(shape.hidden)
        self.layers_label.setText(self.tr("{count} hidden layer").format(count=count) if count == 1
                                  else self.tr("{count} hidden layers").format(count=count))
        for i, layer in enumerate(shape.hidden):
            self.layers_row.addWidget(self._layer_widget(i, layer, editable))
        self.layers_row.addStretch(1)
        if self._show_last:
            self._show_last = False
            bar = self.strip.horizontalScrollBar()
            # once the new card is laid out and the strip knows its new width
            bar.rangeChanged.connect(self._scroll_to_end, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(0, self, self._scroll_to_end)
        return shape

    def _scroll_to_end(self, *_args) -> None:
        bar = self.strip.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.set_experiment(self.experiment)

    def _layer_widget(self, index: int, layer: mlp.HiddenLayer, editable: bool) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(2)
        plus = small_button("+", f"layer{index}AddNeuron",
                            self.tr("One more neuron in hidden layer {number}").format(number=index + 1))
        minus = small_button("−", f"layer{index}RemoveNeuron",
                             self.tr("One neuron fewer in hidden layer {number}").format(number=index + 1))
        plus.clicked.connect(lambda: self.change_units(index, +1))
        minus.clicked.connect(lambda: self.change_units(index, -1))
        plus.setEnabled(editable)
        minus.setEnabled(editable and layer.units > 1)
        units = QLabel(str(layer.units))
        units.setEnabled(editable)
        units.setToolTip(self.tr("{count} neuron").format(count=layer.units) if layer.units == 1
                         else self.tr("{count} neurons").format(count=layer.units))
        combo = QComboBox()
        combo.setObjectName(f"layer{index}Activation")
        for name in [*mlp.HIDDEN_ACTIVATIONS, mlp.LINEAR]:
            combo.addItem(activation_text(name), name)
        combo.setCurrentIndex(combo.findData(layer.activation))
        combo.setEnabled(editable)
        combo.setMaximumWidth(96)
        combo.setToolTip(self.tr("Activation of hidden layer {number}").format(number=index + 1))
        combo.activated.connect(lambda _i, c=combo: self.change_activation(index, c.currentData()))
        grid.addWidget(plus, 0, 0)
        grid.addWidget(minus, 0, 1)
        grid.addWidget(units, 0, 2)
        grid.addWidget(combo, 1, 0, 1, 3)
        self.layer_controls.append({"plus": plus, "minus": minus, "units": units, "activation": combo})
        return box

    # ------------------------------------------------------------------ widgets → edits
    def _edit(self, text: str, change: Callable[[mlp.MlpShape], mlp.MlpShape]) -> None:
        shape = mlp.read_mlp(self.experiment.layers)
        if shape is None or not self._editable:
            return
        self.edited.emit(text, mlp.with_layers(self.experiment, change(shape)), "")

    def add_layer(self) -> None:
        self._show_last = True
        self._edit(self.tr("Add hidden layer"), mlp.add_hidden_layer)

    def remove_layer(self) -> None:
        self._edit(self.tr("Remove hidden layer"), mlp.remove_hidden_layer)

    def change_units(self, index: int, delta: int) -> None:
        self._edit((self.tr("Add a neuron in hidden layer {number}") if delta > 0
                    else self.tr("Remove a neuron in hidden layer {number}")).format(number=index + 1),
                   lambda m: mlp.change_units(m, index, delta))

    def change_activation(self, index: int, activation: str) -> None:
        self._edit(self.tr("Hidden layer {number}: {activation}").format(
            number=index + 1, activation=activation_text(activation)),
                   lambda m: mlp.change_activation(m, index, activation))
