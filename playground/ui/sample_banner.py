"""The banner over the plots while a run trains on the built-in sample instead of the full dataset.

Shown by the window when a run's start says its data is the sample (`StartEvent.data_source`), hidden
when a run uses the full set or the full datasets have been downloaded. Its button opens
Data → Download full datasets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from playground.ui.i18n import message_text


class SampleBanner(QFrame):
    downloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        palette = self.palette()  # palette colours, not a style sheet: the native look stays
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff3cd"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#5a3e00"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.text = QLabel()
        self.text.setObjectName("sampleBannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Download full datasets…"))
        self.button.setObjectName("sampleBannerDownload")
        self.button.clicked.connect(self.downloadRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)

    def show_sample(self, dataset: str, images: int, full_images: int, reason=None, folder: str = "") -> None:
        """A run trains on the `images`-image sample of `dataset` (its display name) instead of `full_images`."""
        self.text.setText(self.tr(
            "Training on the built-in {count}-image sample of {dataset} — Data → Download full datasets for all "
            "{full}").format(count=f"{images:,}", dataset=dataset, full=f"{full_images:,}"))
        why = self.tr("The full set is not in {folder} and could not be downloaded.").format(folder=folder)
        if reason:
            why += "\n" + message_text(reason)
        self.setToolTip(why)
        self.text.setToolTip(why)
        self.setVisible(True)

    def hide_sample(self) -> None:
        self.setVisible(False)
