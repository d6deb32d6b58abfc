"""The selected layer's settings, with widgets built from the catalog's ParamSpec limits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core.catalog import ParamSpec
from playground.core.concepts import concept_key
from playground.core.experiment import LayerSpec
from playground.core.shapes import layer_label
from playground.ui.help_panel import set_concept
from playground.ui.i18n import catalog_text, help_hint


def make_param_widget(spec: ParamSpec) -> QWidget:
    """A spin box or check box that cannot hold a value outside the spec's limits."""
    if spec.kind == "bool":
        return QCheckBox()
    if spec.kind == "int":
        widget = QSpinBox()
        widget.setRange(int(spec.minimum if spec.minimum is not None else -2**31),
                        int(spec.maximum if spec.maximum is not None else 2**31 - 1))
    else:
        widget = QDoubleSpinBox()
        widget.setDecimals(4)
        widget.setRange(spec.minimum if spec.minimum is not None else -1e9,
                        spec.maximum if spec.maximum is not None else 1e9)
        widget.setSingleStep(0.05 if (spec.maximum or 0) <= 1 else 0.1)
    # commit on Enter, focus loss or an arrow step, not on every keystroke (one undo step per edit)
    widget.setKeyboardTracking(False)
    return widget


def set_widget_value(widget: QWidget, value: Any) -> None:
    widget.blockSignals(True)
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        widget.setValue(value)
    widget.blockSignals(False)


class LayerEditor(QWidget):
    paramChanged = Signal(int, str, object)  # row, parameter name, new value
    trainChanged = Signal(int, bool)  # row, whether the layer learns (False: frozen)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layerEditor")
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.train_check = QCheckBox(self.tr("Train this layer"))
        self.train_check.setObjectName("trainLayerCheck")
        self.train_check.setToolTip(self.tr("Untick to freeze the layer: its weights (and a BatchNorm's running "
                                            "statistics) stay as they are while the rest of the network trains — "
                                            "transfer learning keeps pretrained features this way.")
                                    + "\n" + help_hint())
        set_concept(self.train_check, "idea:freezing")
        self.train_check.toggled.connect(lambda on: self.trainChanged.emit(self.row, bool(on)))
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.train_check)
        layout.addWidget(self.form_host)
        layout.addStretch(1)
        self.widgets: dict[str, QWidget] = {}
        self.row = -1
        self._type: str | None = None
        self.set_layer(-1, None)

    def set_layer(self, row: int, layer: LayerSpec | None) -> None:
        """Show `layer` (row `row`), rebuilding the form only when the layer type changes."""
        self.row = row
        if layer is None:
            self._clear_form()
            self._type = None
            self.title.setText(self.tr("No layer selected"))
            self.summary.setText(self.tr("Select a layer in the network to edit its settings."))
            self.summary.setToolTip("")
            set_concept(self, None)
            self.train_check.setVisible(False)
            return
        self.train_check.setVisible(True)
        set_widget_value(self.train_check, not layer.frozen)
        layer_type = catalog.LAYERS[layer.type]
        self.title.setText(layer_label(row, layer.type))
        formula = f"<br><code>{catalog_text(layer_type.formula)}</code>" if layer_type.formula else ""
        self.summary.setText(f"{catalog_text(layer_type.summary)}{formula}")
        self.summary.setToolTip(help_hint())
        set_concept(self, concept_key("layer", layer.type))
        if layer.type != self._type:
            self._clear_form()
            self._type = layer.type
            for spec in layer_type.params:
                widget = make_param_widget(spec)
                widget.setObjectName(f"param_{spec.name}")
                widget.setToolTip(f"{catalog_text(spec.help or spec.label)}\n{help_hint()}")
                self._connect(widget, spec.name)
                self.widgets[spec.name] = widget
                self.form.addRow(catalog_text(spec.label) or spec.name, widget)
            if not layer_type.params:
                self.form.addRow(QLabel(self.tr("This layer has no settings.")))
        for name, widget in self.widgets.items():
            set_widget_value(widget, layer.params[name])

    def _connect(self, widget: QWidget, name: str) -> None:
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda value: self.paramChanged.emit(self.row, name, bool(value)))
        else:
            widget.valueChanged.connect(lambda value: self.paramChanged.emit(self.row, name, value))

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets = {}
