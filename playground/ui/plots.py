"""Live training plots: every batch loss (raw, faint) with its smoothed line, and per-epoch metrics.

Signals only append numbers to growing numpy arrays; a timer redraws when something changed.
`setData` per batch would repaint thousands of times a second and starve the event loop, and even
30 Hz cost training time: pyqtgraph draws in Python, and while the GUI thread holds the GIL the
training thread waits (benchmarks/FIXES.md). So the timer paces itself: the plots may take
DRAW_SHARE of the time, which is 30 redraws a second where a redraw is cheap and fewer where
it is not (about 6 on a busy 2-core machine).
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from playground.files import os_reason
from playground.ui.axes import grid_axes, whole_number_axis
from playground.ui.i18n import message_text
from playground.ui.widgets import splitter

REDRAW_MS = 33  # the fastest pace: 30 Hz
SLOWEST_REDRAW_MS = 250
SECOND_PLOT_MS = 20  # the metrics plot's redraw after the loss plot's, when both changed
DRAW_SHARE = 0.04  # at most this share of the time goes to redrawing the plots while training
SMOOTHING = 0.95  # EMA factor of the smoothed loss line, bias-corrected as in TensorBoard

pg.setConfigOptions(antialias=False, background="w", foreground="k")

# pyqtgraph's own texts (a plot's right-click menu): it asks QCoreApplication.translate for them, so
# listing them here puts them in our translation file and the Korean window shows them in Korean
PYQTGRAPH_TEXTS = (QT_TRANSLATE_NOOP("GraphicsScene", "Export..."), QT_TRANSLATE_NOOP("ViewBox", "View All"),
                   QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"), QT_TRANSLATE_NOOP("ViewBox", "3 button"),
                   QT_TRANSLATE_NOOP("ViewBox", "1 button"), QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"))


class GrowingSeries:
    """x and y values in numpy arrays that double when full; `x`, `y` are views of the filled part."""

    def __init__(self, columns: int = 2, capacity: int = 1024):
        self._data = np.empty((capacity, columns), dtype=np.float64)
        self.count = 0

    def append(self, *values: float) -> None:
        if self.count == len(self._data):
            self._data = np.concatenate([self._data, np.empty_like(self._data)])
        self._data[self.count] = values
        self.count += 1

    def column(self, i: int) -> np.ndarray:
        return self._data[:self.count, i]

    def clear(self) -> None:
        self.count = 0


class PlotView(pg.PlotWidget):
    """A PlotWidget that adds up how long it spent painting (TrainingPlots paces its redraws by it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.paint_seconds = 0.0

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        start = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - start


def _export_menu(plot: pg.PlotWidget, png, csv) -> None:
    """Explicit PNG/CSV entries in the right-click menu, next to pyqtgraph's own Export… dialog."""
    menu = plot.getPlotItem().getViewBox().menu
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("Plots", "Export PNG…"), png)
    menu.addAction(QCoreApplication.translate("Plots", "Export CSV…"), csv)


def _write_or_explain(parent: QWidget, write, path: str) -> None:
    """Export to a file the person chose; a folder that cannot be written to is a message, not a traceback."""
    try:
        write(path)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Plots", "Export failed"),
                            QCoreApplication.translate("Plots", "Could not write {path}: {reason}").format(
                                path=path, reason=message_text(os_reason(exc))))


def _ask_path(parent: QWidget, title: str, pattern: str, suffix: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, "", pattern)
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path


def export_png(plot: pg.PlotWidget, path: str | Path) -> None:
    """Render the plot and write the PNG atomically; OSError when it cannot be written."""
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from playground.files import atomic_write_bytes

    image = ImageExporter(plot.getPlotItem()).export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"cannot encode the plot as PNG for {path}")
    buffer.close()
    atomic_write_bytes(Path(path), bytes(data))


def _write_csv(path: str | Path, data: np.ndarray, header: str, fmt) -> None:
    """np.savetxt into memory, then one atomic write: a crash never leaves half a file."""
    import io

    from playground.files import atomic_write_text

    text = io.StringIO()
    np.savetxt(text, data, delimiter=",", header=header, comments="", fmt=fmt)
    atomic_write_text(Path(path), text.getvalue())


def _set_finite(curve: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    keep = np.isfinite(y)
    curve.setData(x[keep], y[keep])


class ExportablePlot(QWidget):
    """A plot widget (`plot_widget`) with Export PNG… and Export CSV… in its right-click menu; a subclass names
    the dialogs (`CSV_TITLE`, `PNG_TITLE`, marked in its own translation context) and writes the CSV."""

    CSV_TITLE = ""
    PNG_TITLE = ""
    plot_widget: pg.PlotWidget

    def _add_export_menu(self) -> None:
        _export_menu(self.plot_widget, self._export_png_dialog, self._export_csv_dialog)

    def export_csv(self, path: str | Path) -> None:
        raise NotImplementedError

    def export_png(self, path: str | Path) -> None:
        export_png(self.plot_widget, path)

    def _export_csv_dialog(self) -> None:
        title = QCoreApplication.translate(type(self).__name__, self.CSV_TITLE)
        if path := _ask_path(self, title, QCoreApplication.translate("Plots", "CSV files (*.csv)"), ".csv"):
            _write_or_explain(self, self.export_csv, path)

    def _export_png_dialog(self) -> None:
        title = QCoreApplication.translate(type(self).__name__, self.PNG_TITLE)
        if path := _ask_path(self, title, QCoreApplication.translate("Plots", "PNG images (*.png)"), ".png"):
            _write_or_explain(self, self.export_png, path)


class LossPlot(ExportablePlot):
    """Loss of every batch (x: batch number in the run), smoothed line, validation loss per epoch."""

    CSV_TITLE = QT_TRANSLATE_NOOP("LossPlot", "Export loss as CSV")
    PNG_TITLE = QT_TRANSLATE_NOOP("LossPlot", "Export loss plot as PNG")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = PlotView(axisItems=grid_axes())
        self.plot_widget.setObjectName("lossPlot")
        item = self.plot_widget.getPlotItem()
        item.setTitle(self.tr("Loss"))
        item.setLabel("bottom", self.tr("batch"))
        item.showGrid(x=True, y=True, alpha=0.2)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.addLegend(offset=(-10, 10))
        self.raw_curve = item.plot(name=self.tr("batch loss"), pen=pg.mkPen(70, 130, 200, 70))
        self.smooth_curve = item.plot(name=self.tr("smoothed"), pen=pg.mkPen(20, 80, 170, 255, width=2))
        self.val_curve = item.plot(name=self.tr("validation loss (per epoch)"), pen=pg.mkPen(220, 110, 0, width=2),
                                   symbol="o", symbolSize=7, symbolBrush=(220, 110, 0))
        # the learning rate each batch used, on its own axis at the right (it is not a loss)
        self.lr_view = pg.ViewBox()
        item.showAxis("right")
        item.scene().addItem(self.lr_view)
        item.getAxis("right").linkToView(self.lr_view)
        item.getAxis("right").setLabel(self.tr("learning rate"), color="#1e8c3c")
        self.lr_view.setXLink(item)
        self.lr_curve = pg.PlotDataItem(pen=pg.mkPen(30, 140, 60, 200, width=2, style=Qt.PenStyle.DashLine))
        self.lr_view.addItem(self.lr_curve)
        item.legend.addItem(self.lr_curve, self.tr("learning rate (right axis)"))
        item.getViewBox().sigResized.connect(self._match_lr_view)
        self.batches = GrowingSeries(4)  # step, loss, smoothed, learning rate
        self.validation = GrowingSeries(2)  # step at the epoch's end, validation loss
        self._ema = 0.0
        self.dirty = False
        self._add_export_menu()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.clear()

    @property
    def batch_count(self) -> int:
        return self.batches.count

    def clear(self) -> None:
        self.batches.clear()
        self.validation.clear()
        self._ema = 0.0
        self.dirty = True
        self.redraw()
        # before training: a loss axis from 0 and a few batches, not pyqtgraph's arbitrary 0.2–0.8
        self.plot_widget.getPlotItem().setRange(xRange=(0, 100), yRange=(0, 2.5), padding=0)
        self._empty_range = True
        self._x_fixed = False

    def _match_lr_view(self) -> None:
        self.lr_view.setGeometry(self.plot_widget.getPlotItem().getViewBox().sceneBoundingRect())

    def append_batch_loss(self, step: int, loss: float, lr: float = math.nan) -> None:
        n = self.batches.count + 1
        if math.isfinite(loss):
            self._ema = SMOOTHING * self._ema + (1 - SMOOTHING) * loss
        smoothed = self._ema / (1 - SMOOTHING ** n)
        self.batches.append(step, loss, smoothed, lr)
        self.dirty = True

    def append_validation_loss(self, step: int, loss: float) -> None:
        self.validation.append(step, loss)
        self.dirty = True

    def expect_batches(self, total: int) -> None:
        """Fix the x axis at the run's length, so the curve grows across it towards the end.

        Left to autorange, the x axis changed at every redraw, and recomputing it (view range, ticks,
        grid) was 40 % of a redraw's cost (benchmarks/FIXES.md). `clear()` turns autorange back on.
        """
        if total > 0:
            self.plot_widget.getPlotItem().setXRange(0, total, padding=0.02)
            self._x_fixed = True

    def redraw(self) -> None:
        if not self.dirty:
            return
        self.dirty = False
        if getattr(self, "_empty_range", False) and self.batches.count:
            self._empty_range = False  # the first points: the axes follow the data (x stays fixed to the run)
            self.plot_widget.getPlotItem().enableAutoRange(axis="y" if self._x_fixed else None)
        steps = self.batches.column(0)
        self.raw_curve.setData(steps, self.batches.column(1))
        self.smooth_curve.setData(steps, self.batches.column(2))
        self.val_curve.setData(self.validation.column(0), self.validation.column(1))
        _set_finite(self.lr_curve, steps, self.batches.column(3))
        lrs = self.batches.column(3)
        lrs = lrs[np.isfinite(lrs)] if len(lrs) else lrs
        if len(lrs) and lrs.max() > 0:  # from 0 to the largest rate: a constant rate is a flat line near the top
            self.lr_view.setYRange(0.0, float(lrs.max()) * 1.15, padding=0)

    def raw_data(self) -> tuple[np.ndarray, np.ndarray]:
        """What the faint curve draws (after the last redraw)."""
        x, y = self.raw_curve.getData()
        return (np.array([]), np.array([])) if x is None else (x, y)

    def export_csv(self, path: str | Path) -> None:
        data = np.column_stack([self.batches.column(0), self.batches.column(1), self.batches.column(2)])
        _write_csv(path, data, "batch,loss,smoothed_loss", ["%d", "%.6g", "%.6g"])


class MetricsPlot(ExportablePlot):
    """Per-epoch accuracy (train and validation) with the accuracy before training as a reference line.

    Regression has no accuracy: the plot then shows the validation loss per epoch.
    """

    CSV_TITLE = QT_TRANSLATE_NOOP("MetricsPlot", "Export metrics as CSV")
    PNG_TITLE = QT_TRANSLATE_NOOP("MetricsPlot", "Export metrics plot as PNG")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = PlotView(axisItems=grid_axes(bottom=whole_number_axis()))
        self.plot_widget.setObjectName("metricsPlot")
        item = self.plot_widget.getPlotItem()
        item.setLabel("bottom", self.tr("epoch"))
        item.showGrid(x=True, y=True, alpha=0.2)
        item.addLegend(offset=(-10, -10))
        self.val_curve = item.plot(name=self.tr("validation"), pen=pg.mkPen(220, 110, 0, width=2), symbol="o",
                                   symbolSize=7, symbolBrush=(220, 110, 0))
        self.train_curve = item.plot(name=self.tr("training (during the epoch)"), pen=pg.mkPen(20, 80, 170, width=2),
                                     symbol="s", symbolSize=6, symbolBrush=(20, 80, 170))
        self.initial_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(120, 120, 120, style=Qt.PenStyle.DashLine),
                                            label=self.tr("before training"),
                                            labelOpts={"position": 0.15, "color": (90, 90, 90)})
        self.initial_line.setVisible(False)
        item.addItem(self.initial_line, ignoreBounds=False)
        self.epochs = GrowingSeries(4, 64)  # epoch, validation accuracy %, train accuracy %, validation loss
        self.initial_accuracy: float | None = None
        self.classification = True
        self.dirty = False
        self._add_export_menu()
        self._set_titles()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.clear()

    def _set_titles(self) -> None:
        item = self.plot_widget.getPlotItem()
        item.setTitle(self.tr("Accuracy per epoch") if self.classification else self.tr("Validation loss per epoch"))
        item.setLabel("left", self.tr("accuracy (%)") if self.classification else self.tr("loss"))

    def clear(self) -> None:
        self.epochs.clear()
        self.initial_accuracy = None
        self.initial_line.setVisible(False)
        self.dirty = True
        self.redraw()
        # before training: accuracy from 0 to 100 %, not −20–40 %
        self.plot_widget.getPlotItem().setRange(xRange=(0, 1), yRange=(0, 100), padding=0)
        self._empty_range = True

    def set_initial(self, accuracy: float | None, loss: float | None = None) -> None:
        """The untrained network's validation numbers: epoch 0 of the curve and the reference line."""
        self.initial_accuracy = accuracy
        if accuracy is not None or loss is not None:
            self.append_epoch(0, accuracy, None, loss)
        self.classification = accuracy is not None
        self._set_titles()
        if accuracy is not None:
            self.initial_line.setPos(100 * accuracy)
            self.initial_line.label.setFormat(self.tr("before training: {accuracy}").format(
                accuracy=f"{100 * accuracy:.1f}%"))
        self.initial_line.setVisible(accuracy is not None)

    def append_epoch(self, epoch: int, val_accuracy: float | None, train_accuracy: float | None,
                     val_loss: float | None) -> None:
        nan = float("nan")
        self.epochs.append(epoch, 100 * val_accuracy if val_accuracy is not None else nan,
                           100 * train_accuracy if train_accuracy is not None else nan,
                           val_loss if val_loss is not None else nan)
        if val_accuracy is None and self.classification and self.initial_accuracy is None:
            self.classification = False
            self._set_titles()
        self.dirty = True

    def redraw(self) -> None:
        if not self.dirty:
            return
        self.dirty = False
        if getattr(self, "_empty_range", False) and self.epochs.count:
            self._empty_range = False
            self.plot_widget.getPlotItem().enableAutoRange()
        x = self.epochs.column(0)
        if self.classification:
            _set_finite(self.val_curve, x, self.epochs.column(1))
            _set_finite(self.train_curve, x, self.epochs.column(2))  # epoch 0 has no training accuracy
        else:
            _set_finite(self.val_curve, x, self.epochs.column(3))
            self.train_curve.setData([], [])

    def export_csv(self, path: str | Path) -> None:
        data = np.column_stack([self.epochs.column(i) for i in range(4)])
        header = "epoch,val_accuracy_percent,train_accuracy_percent,val_loss"
        if self.initial_accuracy is not None:
            header = f"# accuracy before training: {100 * self.initial_accuracy:.2f}%\n" + header
        _write_csv(path, data, header, "%.6g")



class TrainingPlots(QWidget):
    """The first view tab: the loss plot above the metrics plot, redrawn by one timer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPlots")
        self.loss = LossPlot()
        self.metrics = MetricsPlot()
        self.splitter = splitter("plotSplitter", [self.loss, self.metrics], [3, 2])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self._paced_redraw)
        # while training, the two plots paint in separate passes of the event loop: one pass painting both
        # was the Training tab's longest event-loop stall (benchmarks/RESULTS.md, live views)
        self._second = QTimer(self)
        self._second.setSingleShot(True)
        self._second.setInterval(SECOND_PLOT_MS)
        self._second.timeout.connect(self._redraw_metrics)
        self.redraws = 0  # drawings made (a hidden tab makes none: it draws once when shown)
        self._stale = False  # points arrived while the tab was hidden

    def follow(self, run) -> None:
        """Plot a `TrainingRun`: cleared when it starts, a point per batch, per epoch; redrawn by the timer."""
        self._batches_per_epoch = 0

        def started(event) -> None:
            self._batches_per_epoch = event.batches_per_epoch
            self.loss.expect_batches(event.epochs * event.batches_per_epoch)

        def epoch(event) -> None:
            if event.val_loss is not None:
                self.loss.append_validation_loss(event.epoch * self._batches_per_epoch, event.val_loss)
            self.metrics.append_epoch(event.epoch, event.val_accuracy, event.train_accuracy, event.val_loss)

        def finished(_end, _result) -> None:
            self.timer.stop()
            self.redraw()

        run.runStarted.connect(self.clear)
        run.runStarted.connect(self.timer.start)
        run.started.connect(started)
        run.initial.connect(self.metrics.set_initial)
        # cheap on purpose: thousands arrive per second; the redraw timer does the drawing
        run.batch.connect(lambda event: self.loss.append_batch_loss(event.global_step, event.loss, event.lr))
        run.epoch.connect(epoch)
        run.runFinished.connect(finished)

    def clear(self) -> None:
        self.loss.clear()
        self.metrics.clear()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.redraw()  # before the first paint: the tab never shows old curves
        super().showEvent(event)

    def redraw(self) -> None:
        """Both plots, now (at the end of a run, when the tab is shown, for a screenshot)."""
        self._second.stop()
        self._redraw(split=False)

    def _paced_redraw(self) -> None:
        self._redraw(split=True)

    def _redraw_metrics(self) -> None:
        if self.isVisible() or not self.window().isVisible():
            self.metrics.redraw()

    def _redraw(self, split: bool) -> None:
        if self.window().isVisible() and not self.isVisible():
            self._stale = True  # on a tab in the back: drawn when shown
            return
        self._stale = False
        self.redraws += 1
        start = time.perf_counter()
        loss_drawn = self.loss.dirty
        self.loss.redraw()
        if split and loss_drawn and self.metrics.dirty:
            self._second.start()  # after the loss plot's paint
        else:
            self.metrics.redraw()
        # the paints this causes come after this slot: those since the last redraw stand in for them
        cost = time.perf_counter() - start
        for view in (self.loss.plot_widget, self.metrics.plot_widget):
            cost, view.paint_seconds = cost + view.paint_seconds, 0.0
        self.timer.setInterval(round(min(max(cost / DRAW_SHARE * 1000, REDRAW_MS), SLOWEST_REDRAW_MS)))
