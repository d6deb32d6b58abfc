"""The layer palette: the catalog's blocks, grouped. Click one to append it, or drag it into the network."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core.concepts import concept_key
from playground.ui.help_panel import set_concept
from playground.ui.i18n import catalog_text, help_hint

LAYER_MIME = "application/x-nn-playground-layer"  # payload: the catalog name, UTF-8
RESIDUAL_BLOCK = "Residual block"  # the one composite entry: a body and the Add around it (graph_edits.residual_block)
COLUMNS = 2


class PaletteBlock(QToolButton):
    """One catalog entry. A click emits `clicked`; pressing and moving starts a drag."""

    def __init__(self, layer_type: catalog.LayerType | None, parent: QWidget | None = None):
        super().__init__(parent)
        if layer_type is None:  # the residual block: several blocks at once
            name, shown, concept = RESIDUAL_BLOCK, self.tr("Residual block"), "Add"
            summary = self.tr("A body (Linear → ReLU → Linear, or two 3×3 convolutions for images) and an Add "
                              "that sums its output with its input: the skip connection of ResNet.")
            formula = "y = x + F(x)"
        else:
            name, shown, concept = layer_type.name, layer_type.name, layer_type.name
            summary, formula = catalog_text(layer_type.summary), catalog_text(layer_type.formula)
        self.layer_name = name
        self.setObjectName("palette_ResidualBlock" if layer_type is None else f"palette_{name}")
        self.setText(shown)
        self.setToolTip(f"<b>{shown}</b><br>{summary}"
                        + (f"<br><code>{formula}</code>" if formula else "")
                        + "<br><i>" + self.tr("Click to add at the end, or drag into the network.") + "</i>"
                        + f"<br><i>{help_hint()}</i>")
        self.setStatusTip(summary)
        set_concept(self, concept_key("layer", concept))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # share the column evenly
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (self._press is not None and event.buttons() & Qt.MouseButton.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength()
                >= QApplication.startDragDistance()):
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            mime = QMimeData()
            mime.setData(LAYER_MIME, self.layer_name.encode())
            mime.setText(self.layer_name)
            drag.setMimeData(mime)
            drag.setPixmap(self.grab())
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class LayerPalette(QScrollArea):
    layerRequested = Signal(str)  # catalog name: append this layer

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layerPalette")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.blocks: dict[str, PaletteBlock] = {}
        for group in catalog.LAYER_GROUPS:
            title = QLabel(catalog_text(group))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            grid = QGridLayout()
            grid.setSpacing(3)
            entries = catalog.layers_in_group(group) + ([None] if group == "Merge" else [])
            for i, layer_type in enumerate(entries):
                block = PaletteBlock(layer_type)
                block.clicked.connect(lambda _=False, name=block.layer_name: self.layerRequested.emit(name))
                grid.addWidget(block, i // COLUMNS, i % COLUMNS)
                self.blocks[block.layer_name] = block
            layout.addLayout(grid)
            layout.addSpacing(6)
        hint = QLabel(self.tr("Click a block to add it at the end, or drag it onto an arrow of the network."))
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: a hint, not a control
        layout.addWidget(hint)
        layout.addStretch(1)
        self.setWidget(body)
        widest = max(block.minimumSizeHint().width() for block in self.blocks.values())
        self.setMinimumWidth(COLUMNS * widest + 3 * (COLUMNS - 1) + 12 + 4)
