"""What every layer outputs for the digit on the canvas: feature maps, or one bar per unit.

The forward pass runs in a BackgroundRunner, never on the GUI thread.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from playground.ui.background import BackgroundRunner
from playground.ui.i18n import data_text
from playground.ui.insight.pictures import (
    bar_strip_pixmap,
    gray_pixmap,
    magnitude_rgb,
    rgb_pixmap,
    tile,
)

MAX_MAPS = 32
STRIP_WIDTH = 480


def compute_activations(model, image: np.ndarray, input_shape: tuple[int, ...],
                        names: list[str] | None) -> list[tuple[str, np.ndarray]]:
    """Runs in the background thread: every layer's output for one input, as numpy."""
    import torch

    from playground.training.anatomy import layer_activations

    device = next(model.parameters(), torch.empty(0)).device
    x = torch.from_numpy(np.asarray(image, dtype=np.float32).reshape(1, *input_shape)).to(device)
    outputs = layer_activations(model, x)
    return [((names[i] if names and len(names) == len(outputs) else name), out.float().numpy())
            for i, (name, out) in enumerate(outputs)]


class ActivationsPanel(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.runner = BackgroundRunner("ActivationsThread", self)
        self.runner.finished.connect(self._show)
        self.runner.failed.connect(lambda _tag, message: self._message(
            self.tr("Could not compute activations: {reason}").format(reason=message)))
        self.loaded = None
        self.image: np.ndarray | None = None
        self.activations: list[tuple[str, np.ndarray]] = []
        self._drawn_width = 0
        self._message(self.tr("Train or load an image model, then draw a digit on the canvas: every layer's "
                              "response to it appears here."))

    # ------------------------------------------------------------------ inputs
    def set_model(self, loaded) -> None:
        self.loaded = loaded
        if loaded is not None and len(loaded.input_shape) != 3:
            self._message(self.tr("Activations are drawn for image models; this model reads {count} numbers per "
                                  "example.").format(count=loaded.input_shape[0]))
            return
        self._request()

    def show_activations_for(self, image: np.ndarray) -> None:
        """The canvas's current model input: 28×28, already normalized like the training data."""
        self.image = np.array(image, dtype=np.float32, copy=True)
        self._request()

    def shutdown(self) -> None:
        self.runner.close()

    # ------------------------------------------------------------------ work
    def _request(self) -> None:
        if self.loaded is None or self.image is None or len(self.loaded.input_shape) != 3:
            if self.loaded is not None and self.image is None:
                self._message(self.tr("Draw a digit on the canvas to see every layer's response to it."))
            return
        from playground.core.shapes import layer_label

        names = [layer_label(i, layer.type) for i, layer in enumerate(self.loaded.experiment.layers)]
        self.runner.submit(compute_activations, self.loaded.model, self.image, tuple(self.loaded.input_shape),
                           names, tag=id(self.loaded))

    def _message(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMargin(20)
        self.setWidget(label)

    def _show(self, tag, activations: list[tuple[str, np.ndarray]]) -> None:
        if self.loaded is None or tag != id(self.loaded):
            return  # the model changed while this was computed
        self.activations = activations
        self._render_page()

    def _strip_width(self) -> int:
        """Bar strips as wide as the panel allows (up to STRIP_WIDTH): no sideways scrolling at 1280×800."""
        return max(120, min(STRIP_WIDTH, self.viewport().width() - 170))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.activations and self.loaded is not None and abs(self._strip_width() - self._drawn_width) > 20:
            self._render_page()

    def _render_page(self) -> None:
        activations = self.activations
        self._drawn_width = width = self._strip_width()
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self._name_label(self.tr("Input"), self.image.shape), 0, 0)
        normalization = self.loaded.normalization
        pixels = self.image * normalization[1] + normalization[0] if normalization else self.image
        grid.addWidget(self._picture(gray_pixmap(np.clip(pixels, 0, 1), 56)), 0, 1)
        for row, (name, out) in enumerate(activations, start=1):
            note = ""
            if out.ndim == 3:
                maps = out[:MAX_MAPS]
                rgb = np.stack([magnitude_rgb(m) for m in maps])
                scale = 2 if maps.shape[-1] <= 28 else 1
                columns = min(len(maps), 8 if maps.shape[-1] > 10 else 16)
                picture = rgb_pixmap(tile(rgb, columns), scale)
                if len(out) > MAX_MAPS:
                    note = " " + self.tr("(first {shown} of {count})").format(shown=MAX_MAPS, count=len(out))
            else:
                values = out.ravel()
                picture = bar_strip_pixmap(values, width, 48 if len(values) > 16 else 40)
                note = f"<br>min {values.min():.2f} · max {values.max():.2f}"
                names = self.loaded.class_names
                if row == len(activations) and names and len(values) == len(names):
                    note += "<br>" + self.tr("answer: {name}").format(
                        name=f"<b>{data_text(names[int(values.argmax())])}</b>")
            grid.addWidget(self._name_label(name, out.shape, note), row, 0)
            grid.addWidget(self._picture(picture), row, 1)
        grid.setRowStretch(len(activations) + 1, 1)
        self.setWidget(page)

    @staticmethod
    def _name_label(name: str, shape, note: str = "") -> QLabel:
        label = QLabel(f"<b>{name}</b><br>{'×'.join(str(s) for s in shape)}{note}")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    @staticmethod
    def _picture(pixmap) -> QLabel:
        label = QLabel()
        label.setPixmap(pixmap)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return label
