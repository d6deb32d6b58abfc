"""The training speed: full, or slow enough to watch batches go by, pause and step by hand.

A run of the 10,000-image subset takes about a second at full speed, too fast to press Pause or Stop.
"Watch" asks the trainer to leave at least `WATCH_INTERVAL` seconds between batches (it waits on
the training thread: `Trainer.min_batch_interval`), about 20 batches a second. The choice applies
to the run going on at once and is remembered for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from playground.ui.settings import settings

WATCH_INTERVAL = 0.05  # seconds from one batch to the next: about 20 batches a second
SETTING_KEY = "training/pace"
PACES = {"full": 0.0, "watch": WATCH_INTERVAL}


class PaceControl(QWidget):
    """"Speed: [full | watch (≈ 20 batches a second)]"; emits the seconds between batches."""

    paceChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paceControl")
        self.combo = QComboBox()
        self.combo.setObjectName("paceCombo")
        self.combo.addItem(self.tr("full"), "full")
        self.combo.addItem(self.tr("watch (≈ 20 batches a second)"), "watch")
        self.combo.setItemData(0, self.tr("As fast as this computer trains"), Qt.ItemDataRole.ToolTipRole)
        self.combo.setItemData(1, self.tr("Slow enough to see the loss move batch by batch, and to press Pause, "
                                          "Step or Stop in time"), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(self.tr("How fast training runs; you can change it during a run"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        label = QLabel(self.tr("Speed:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        saved = settings().value(SETTING_KEY, "full")
        index = self.combo.findData(saved if saved in PACES else "full")
        self.combo.setCurrentIndex(max(0, index))
        self.combo.currentIndexChanged.connect(self._changed)

    @property
    def interval(self) -> float:
        """Seconds between batches for the chosen pace."""
        return PACES.get(self.combo.currentData(), 0.0)

    def set_pace(self, name: str) -> None:
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _changed(self, _index: int) -> None:
        settings().setValue(SETTING_KEY, self.combo.currentData())
        self.paceChanged.emit(self.interval)
