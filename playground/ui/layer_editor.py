"""The selected layer's settings, with widgets built from the catalog's ParamSpec limits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
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

APPLY_DELAY_MS = 400  # typing applies once the keys pause; the edits of one field merge into one undo step


def _refused_number(box, text: str, result) -> str:
    """The typed number a spin box refused ('' when the text was accepted or is no number at all)."""
    state = result[0] if isinstance(result, tuple) else result
    if state != QValidator.State.Invalid:
        return ""
    number = text.replace(box.suffix(), "").replace(box.prefix(), "").strip()
    try:
        float(number.replace(",", ""))
    except ValueError:
        return ""
    return number


class RangeSpinBox(QSpinBox):
    """Says when a typed number falls outside its range instead of dropping the key silently."""

    outOfRange = Signal(str)  # the refused text

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        if refused := _refused_number(self, text, result):
            self.outOfRange.emit(refused)
        return result


class RangeDoubleSpinBox(QDoubleSpinBox):
    outOfRange = Signal(str)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        if refused := _refused_number(self, text, result):
            self.outOfRange.emit(refused)
        return result


def range_text(spec: ParamSpec) -> str:
    """ "from 1 to 15" for a limited setting, '' for one without limits."""
    if spec.kind == "bool" or (spec.minimum is None and spec.maximum is None):
        return ""
    low = "…" if spec.minimum is None else f"{spec.minimum:g}"
    high = "…" if spec.maximum is None else f"{spec.maximum:g}"
    return QCoreApplication.translate("LayerEditor", "from {low} to {high}").format(low=low, high=high)


def make_param_widget(spec: ParamSpec) -> QWidget:
    """A spin box or check box that cannot hold a value outside the spec's limits."""
    if spec.kind == "bool":
        return QCheckBox()
    if spec.kind == "int":
        widget = RangeSpinBox()
        widget.setRange(int(spec.minimum if spec.minimum is not None else -2**31),
                        int(spec.maximum if spec.maximum is not None else 2**31 - 1))
    else:
        widget = RangeDoubleSpinBox()
        widget.setDecimals(4)
        widget.setRange(spec.minimum if spec.minimum is not None else -1e9,
                        spec.maximum if spec.maximum is not None else 1e9)
        widget.setSingleStep(0.05 if (spec.maximum or 0) <= 1 else 0.1)
    # applies as you type (the editor waits for a pause in the keys), and the edits merge into one undo step
    widget.setKeyboardTracking(True)
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
        self.hint = QLabel()  # "Kernel size goes from 1 to 15": a typed number the field cannot take
        self.hint.setObjectName("layerEditorHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b35c00;")
        self.hint.hide()
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(APPLY_DELAY_MS)
        self._apply_timer.timeout.connect(self.apply_pending)
        self._pending: tuple[int, str, Any] | None = None
        self.widgets: dict[str, QWidget] = {}
        self.row = -1
        self._type: str | None = None
        self.set_layer(-1, None)

    def set_layer(self, row: int, layer: LayerSpec | None) -> None:
        """Show `layer` (row `row`), rebuilding the form only when the layer type changes."""
        self.apply_pending()  # a value still waiting for the keys to pause belongs to the old selection
        self.row = row
        self.hint.hide()
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
                limits = range_text(spec)
                label = catalog_text(spec.label) or spec.name
                widget.setToolTip(f"{catalog_text(spec.help or spec.label)}"
                                  + (f" ({limits})" if limits else "") + f"\n{help_hint()}")
                self._connect(widget, spec.name)
                if isinstance(widget, (RangeSpinBox, RangeDoubleSpinBox)):
                    widget.outOfRange.connect(lambda text, label=label, limits=limits: self._out_of_range(
                        label, text, limits))
                self.widgets[spec.name] = widget
                self.form.addRow(catalog_text(spec.label) or spec.name, widget)
            if not layer_type.params:
                self.form.addRow(QLabel(self.tr("This layer has no settings.")))
        params = layer_type.complete(layer.params)  # a block made in code may leave defaults out
        for name, widget in self.widgets.items():
            set_widget_value(widget, params[name])

    def _connect(self, widget: QWidget, name: str) -> None:
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda value: self.paramChanged.emit(self.row, name, bool(value)))
        else:
            widget.valueChanged.connect(lambda value: self._typed(name, value, widget.hasFocus()))
            widget.editingFinished.connect(self.apply_pending)  # Enter or leaving the field: at once

    def _typed(self, name: str, value: Any, typing: bool = True) -> None:
        self.hint.hide()
        if self._pending is not None and self._pending[:2] != (self.row, name):
            self.apply_pending()
        self._pending = (self.row, name, value)
        if typing:
            self._apply_timer.start()  # the keys may not have finished the number yet
        else:
            self.apply_pending()

    def apply_pending(self) -> None:
        """Apply the value typed last (the timer does this once the keys pause)."""
        self._apply_timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.paramChanged.emit(*pending)

    def _out_of_range(self, label: str, text: str, limits: str) -> None:
        self.hint.setText(self.tr("{setting} cannot be {value}: it goes {limits}.").format(
            setting=label, value=text, limits=limits))
        self.hint.show()

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets = {}
