"""Small factories for the widgets every panel builds the same way (a named button, a row, a splitter)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QWidget,
)


def push_button(text: str, name: str, tip: str = "", clicked: Callable | None = None) -> QPushButton:
    """A button with an object name (tests and F1 find it by that), a tooltip and its action."""
    button = QPushButton(text)
    button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def row(*items: QWidget | tuple[QWidget, int]) -> QHBoxLayout:
    """Widgets side by side; `(widget, stretch)` gives one of them the spare room."""
    layout = QHBoxLayout()
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        layout.addWidget(widget, stretch)
    return layout


def value_combo(name: str, values: Iterable[float], chosen: Callable[[int], None]) -> QComboBox:
    """A list of numbers shown as %g, each item's data the number itself; `chosen(index)` on a pick."""
    combo = QComboBox()
    combo.setObjectName(name)
    for value in values:
        combo.addItem(f"{value:g}", value)
    combo.activated.connect(chosen)
    return combo


def splitter(name: str, widgets: list[QWidget], stretches: list[int],
             orientation: Qt.Orientation = Qt.Orientation.Vertical) -> QSplitter:
    """Widgets one above the other (or side by side), sharing spare room by `stretches`."""
    split = QSplitter(orientation)
    split.setObjectName(name)
    for index, (widget, stretch) in enumerate(zip(widgets, stretches, strict=True)):
        split.addWidget(widget)
        split.setStretchFactor(index, stretch)
    return split


def framed_label(name: str, margin: int) -> QLabel:
    """A word-wrapped text in a panel frame: a message or an explanation that stands apart from the controls."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(margin)
    return label


def double_spin(name: str, low: float, high: float, decimals: int, step: float, suffix: str = "") -> QDoubleSpinBox:
    """A number box that edits on Enter or leaving the field, not on every key (one undo step per value)."""
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)
    return box
