"""File → Export → Network diagram: the graph as a PNG (twice the screen's size, for slides) or an SVG.

Drawn from the scene itself, so the picture is what the window shows, without the selection and on a
white background whatever the palette (slides and homework are printed on white).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from playground.files import atomic_write
from playground.ui.graph.scene import NetworkScene

PNG_SCALE = 2.0


def _render(scene: NetworkScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    selected = scene.selected_keys()
    scene.blockSignals(True)
    scene.clearSelection()
    brush = scene.backgroundBrush()
    scene.setBackgroundBrush(QColor("white"))
    try:
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.setBackgroundBrush(brush)
        scene.select_keys(selected)
        scene.blockSignals(False)


def export_diagram(scene: NetworkScene, path: str) -> None:
    """Write the whole network to `path` (.svg → SVG, anything else → PNG); raises OSError when it cannot.
    Written next to the file and moved into place, so a failure never leaves half a picture."""
    source = scene.content_rect()
    svg = path.lower().endswith(".svg")

    def write(temporary) -> None:
        if svg:
            generator = QSvgGenerator()
            generator.setFileName(str(temporary))
            generator.setSize(QSize(int(source.width()), int(source.height())))
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle("NN Playground network")
            painter = QPainter(generator)
            _render(scene, painter, QRectF(0, 0, source.width(), source.height()), source)
            painter.end()
            return
        size = QSize(int(source.width() * PNG_SCALE), int(source.height() * PNG_SCALE))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        _render(scene, painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
        if not image.save(str(temporary), "PNG"):
            raise OSError(f"could not write {path}")

    atomic_write(path, write)
