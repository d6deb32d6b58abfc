"""The most confident mistakes as a grid of thumbnails; clicking one offers its image."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from playground.ui.i18n import class_names_text
from playground.ui.insight.pictures import gray_pixmap, unnormalize

THUMB = 56


class MistakeGallery(QListWidget):
    imageChosen = Signal(object)  # 28×28 float32 pixels in [0, 1]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 26, THUMB + 40))
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.images: list[np.ndarray | None] = []
        self.itemClicked.connect(self._on_clicked)

    def set_mistakes(self, mistakes, class_names: list[str], normalization: tuple[float, float] | None) -> None:
        self.clear()
        self.images = []
        class_names = class_names_text(class_names)
        # thumbnails for images; a plain list for points, which have no picture
        with_images = any(m.image is not None for m in mistakes)
        self.setViewMode(QListView.ViewMode.IconMode if with_images else QListView.ViewMode.ListMode)
        self.setGridSize(QSize(THUMB + 26, THUMB + 40) if with_images else QSize())
        for mistake in mistakes:
            true, predicted = class_names[mistake.true], class_names[mistake.predicted]
            separator = "\n" if with_images else ", "
            item = QListWidgetItem(f"{true} → {predicted}{separator}{mistake.confidence:.0%}")
            tip = self.tr("True class: {true}\nPredicted: {predicted} ({confidence} sure)").format(
                true=true, predicted=predicted, confidence=f"{mistake.confidence:.1%}")
            if mistake.image is not None:
                pixels = unnormalize(mistake.image, normalization)
                item.setIcon(QIcon(gray_pixmap(pixels, THUMB)))
                tip += "\n" + self.tr("Click to put it on the canvas")
                self.images.append(pixels)
            else:
                self.images.append(None)
            item.setToolTip(tip)
            if with_images:
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setData(Qt.ItemDataRole.UserRole, len(self.images) - 1)
            self.addItem(item)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        image = self.images[item.data(Qt.ItemDataRole.UserRole)]
        if image is not None:
            self.imageChosen.emit(image.copy())
