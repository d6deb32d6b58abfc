"""The Layers tab: weight/gradient histograms per layer, the first conv layer's filters, and the
activations of every layer for the digit on the canvas."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from playground.ui.insight.activations_panel import ActivationsPanel
from playground.ui.insight.histogram_panel import LayerHistogramPanel
from playground.ui.insight.pictures import diverging_rgb, rgb_pixmap, tile
from playground.ui.live_view import LiveDrawing

FILTERS_WIDTH = 240  # pixels the filter mosaic is scaled up to, about
MAX_FILTER_SCALE = 24


class LayerView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.histograms = LayerHistogramPanel()
        self.filters_box = QGroupBox(self.tr("Filters"))
        self.filters_label = QLabel()
        self.filters_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.filters_caption = QLabel(self.tr("Each square is one learned filter (red: positive weight, blue: "
                                              "negative). Training turns random noise into stroke and edge "
                                              "detectors."))
        self.filters_caption.setWordWrap(True)
        box_layout = QVBoxLayout(self.filters_box)
        box_layout.addWidget(self.filters_label, 1)
        box_layout.addWidget(self.filters_caption)
        self.filters_box.hide()
        self.activations = ActivationsPanel()
        self.activations_box = QGroupBox(self.tr("Activations for the digit on the canvas"))
        QVBoxLayout(self.activations_box).addWidget(self.activations)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.histograms)
        top.addWidget(self.filters_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.activations_box)
        split.setSizes([340, 420])
        top.setSizes([880, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.filters: np.ndarray | None = None
        self.live = LiveDrawing(self, self._draw_pending)

    # ------------------------------------------------------------------ inputs
    def show_layer_stats(self, payload: dict) -> None:
        """Handler for the LayerProbe's payloads."""
        if "error" in payload:
            self.histograms.caption.setText(self.tr("Layer statistics failed: {reason}").format(
                reason=payload["error"]))
            return
        self.histograms.record(payload)
        self.live.offer(payload)  # drawn while the tab is shown, at the pace it can afford (ui/live_view.py)

    def _draw_pending(self) -> None:
        payload = self.live.take()
        if payload is None:
            return
        self.histograms.draw()
        self.set_filters(payload.get("filters"), payload.get("filters_layer", ""), payload["epoch"])

    def set_filters(self, filters: np.ndarray | None, layer: str = "", epoch: int = 0) -> None:
        self.filters = filters
        if filters is None:
            self.filters_box.hide()
            return
        # one square per filter: the first input channel (MNIST has only one)
        squares = filters[:, 0]
        limit = float(np.abs(squares).max()) or 1.0
        rgb = np.stack([diverging_rgb(f, limit) for f in squares])
        mosaic = tile(rgb, min(8, math.ceil(math.sqrt(len(squares)))), background=200)
        scale = max(2, min(MAX_FILTER_SCALE, FILTERS_WIDTH // mosaic.shape[1]))
        self.filters_label.setPixmap(rgb_pixmap(mosaic, scale))
        self.filters_box.setTitle(self.tr("Filters of {layer} at initialization").format(layer=layer) if epoch == 0
                                  else self.tr("Filters of {layer} after epoch {epoch}").format(layer=layer,
                                                                                               epoch=epoch))
        self.filters_box.show()

    def set_model(self, loaded) -> None:
        """Slot for MainWindow.trainedModelChanged (a LoadedModel)."""
        # activations are pictures of an image's path through the network: not shown for point data
        self.activations_box.setVisible(loaded is None or len(loaded.input_shape) == 3)
        self.activations.set_model(loaded)

    def clear(self) -> None:
        """Another experiment: the old one's histograms and filters go."""
        self.live.cancel()  # nor may a payload of its run that was not drawn yet come back later
        self.histograms.clear()
        self.set_filters(None)

    def show_activations_for(self, image: np.ndarray) -> None:
        """Slot for the canvas: its current 28×28 model input, normalized."""
        self.activations.show_activations_for(image)

    def shutdown(self) -> None:
        self.activations.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
