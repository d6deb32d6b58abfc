"""Small factories for the widgets every panel builds the same way (a named button, a row, a splitter)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
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


class SquareBox(QWidget):
    """Holds one widget and keeps it square, centred, as large as the box allows."""

    def __init__(self, child: QWidget, minimum: int = 160, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        side = min(self.width(), self.height())
        self.child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
