"""The Runs tab: every run of the session, side by side; tick runs to overlay their curves."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.project import RunRecord, export_run_csv
from playground.files import os_reason
from playground.ui.axes import whole_number_axis
from playground.ui.i18n import message_text
from playground.ui.live_view import LiveDrawing

COLUMNS = (QT_TRANSLATE_NOOP("RunsView", "Run"), QT_TRANSLATE_NOOP("RunsView", "Network"),
           QT_TRANSLATE_NOOP("RunsView", "Optimizer"), QT_TRANSLATE_NOOP("RunsView", "Learning rate"), QT_TRANSLATE_NOOP("RunsView", "Batch"),
           QT_TRANSLATE_NOOP("RunsView", "Epochs"), QT_TRANSLATE_NOOP("RunsView", "Val. accuracy"),
           QT_TRANSLATE_NOOP("RunsView", "Val. loss"), QT_TRANSLATE_NOOP("RunsView", "Test accuracy"),
           QT_TRANSLATE_NOOP("RunsView", "Time"), QT_TRANSLATE_NOOP("RunsView", "Status"))
STATUSES = {"completed": QT_TRANSLATE_NOOP("RunsView", "completed"), "stopped": QT_TRANSLATE_NOOP("RunsView", "stopped"),
            "failed": QT_TRANSLATE_NOOP("RunsView", "failed")}
PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
           (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
# A new run is ticked and the oldest ticked ones beyond this are unticked: more curves are unreadable,
# and redrawing all of them after every run made a long session slower with each run.
MAX_SHOWN_RUNS = len(PALETTE)
# the curve choices: (mode, shown text)
CURVES = (("Validation", QT_TRANSLATE_NOOP("RunsView", "Validation")),
          ("Training", QT_TRANSLATE_NOOP("RunsView", "Training")),
          ("Per-batch loss", QT_TRANSLATE_NOOP("RunsView", "Per-batch loss")))


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("RunsView", "{seconds} s").format(seconds=f"{seconds:.1f}")
    minutes, rest = divmod(int(round(seconds)), 60)
    return QCoreApplication.translate("RunsView", "{minutes} min {seconds} s").format(minutes=minutes,
                                                                                     seconds=f"{rest:02d}")


def _curve_plot(title: str, y_label: str, legend_offset: tuple[int, int]) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w", axisItems={"bottom": whole_number_axis()})
    item = plot.getPlotItem()
    item.getAxis("left").enableAutoSIPrefix(False)  # 0.54, not 540 "(x0.001)"
    item.setTitle(title)
    item.setLabel("bottom", QCoreApplication.translate("RunsView", "epoch"))
    item.setLabel("left", y_label)
    item.showGrid(x=True, y=True, alpha=0.25)
    item.addLegend(offset=legend_offset)
    return plot


class RunsView(QWidget):
    changed = Signal()  # a run was added, renamed or deleted: the project has unsaved changes

    def __init__(self, parent=None):
        super().__init__(parent)
        self._runs: list[RunRecord] = []
        self._colors: dict[int, tuple[int, int, int]] = {}
        self._next_color = 0
        self._filling = False
        self._pending_checked: set[int] | None = None  # the ticks of a list not redrawn yet (tab hidden)
        self.live = LiveDrawing(self, self._draw_pending)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the network column keeps a readable width (it would shrink to "F… L…" as the stretching column of a
        # table wider than the tab); the table scrolls sideways inside itself instead
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 170)
        # eleven columns: in a narrow window the table scrolls sideways inside itself, the tab never does
        self.table.setProperty("scrollsSideways", True)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.rename_button = QPushButton(self.tr("Rename"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.export_button.clicked.connect(self._export_selected)
        self.curves = QComboBox()
        for mode, text in CURVES:
            self.curves.addItem(self.tr(text), mode)
        self.curves.setToolTip(self.tr("Which numbers to draw for each ticked run"))
        self.curves.currentIndexChanged.connect(self.redraw)
        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setWordWrap(True)  # a long hint wraps instead of widening the window
        buttons.addStretch(1)
        for widget in (QLabel(self.tr("Curves:")), self.curves, self.rename_button, self.delete_button, self.export_button):
            buttons.addWidget(widget)

        # loss falls: its legend goes top right; accuracy rises: bottom right
        self.loss_plot = _curve_plot(self.tr("Loss"), self.tr("loss"), (-10, 10))
        self.accuracy_plot = _curve_plot(self.tr("Accuracy"), self.tr("accuracy %"), (-10, -10))
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.accuracy_plot)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(plots)
        split.setSizes([220, 540])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._refill()

    # ------------------------------------------------------------------ the list
    def runs(self) -> list[RunRecord]:
        """The session's runs, for saving with the project."""
        return list(self._runs)

    def set_runs(self, runs: list[RunRecord]) -> None:
        """After opening a project: replace the list (all ticked, so their curves show)."""
        self._runs = list(runs)
        self._refill(checked=set(range(len(runs))))

    def add_run(self, run: RunRecord, checked: bool = True) -> None:
        """The run joins the list at once; the table and curves are redrawn while the tab is shown (at once,
        or when it is next shown: see ui/live_view.py)."""
        ticked = set(self.checked_indices())
        if checked:
            ticked = set(sorted(ticked)[-(MAX_SHOWN_RUNS - 1):]) | {len(self._runs)}
        self._runs.append(run)
        self._pending_checked = ticked
        self.live.request()
        self.changed.emit()

    def _draw_pending(self) -> None:
        if self._pending_checked is not None:
            self._refill(self._pending_checked)

    def add_run_payload(self, payload: dict) -> None:
        """Handler for the RunRecorderProbe: the end of a run, with its batch losses."""
        if "error" in payload:
            self.hint.setText(self.tr("The run could not be recorded: {reason}").format(reason=payload["error"]))
            return
        taken = {run.name for run in self._runs}
        number = len(self._runs) + 1
        while self.tr("Run {number}").format(number=number) in taken:
            number += 1
        self.add_run(RunRecord.from_end_event(self.tr("Run {number}").format(number=number), payload["experiment"],
                                              payload["end"],
                                              payload["batch_losses"], payload.get("batches_per_epoch", 0)))

    def delete_runs(self, indices: list[int]) -> None:
        ticked = [run for k, run in enumerate(self._runs) if k in set(self.checked_indices())]
        self._runs = [run for k, run in enumerate(self._runs) if k not in set(indices)]
        self._refill({k for k, run in enumerate(self._runs) if any(run is t for t in ticked)})
        self.changed.emit()

    def rename_run(self, index: int, name: str) -> None:
        self.live.draw_now()  # the table has the run's row
        self.table.item(index, 0).setText(name)  # → _on_item_changed

    def checked_indices(self) -> list[int]:
        if self._pending_checked is not None:  # the table is not redrawn yet
            return sorted(self._pending_checked)
        return [row for row in range(self.table.rowCount())
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def set_checked(self, index: int, checked: bool) -> None:
        self.live.draw_now()
        self.table.item(index, 0).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def export_run(self, index: int, path: str) -> None:
        export_run_csv(self._runs[index], path)

    def _color(self, run: RunRecord) -> tuple[int, int, int]:
        key = id(run)
        if key not in self._colors:
            self._colors[key] = PALETTE[self._next_color % len(PALETTE)]
            self._next_color += 1
        return self._colors[key]

    def _refill(self, checked: set[int] | None = None) -> None:
        self._pending_checked = None
        self.live.cancel()
        self._filling = True
        self.table.setRowCount(len(self._runs))
        for row, run in enumerate(self._runs):
            final = run.final
            hp = run.hyperparameters()
            name = QTableWidgetItem(run.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            name.setCheckState(Qt.CheckState.Checked if checked and row in checked else Qt.CheckState.Unchecked)
            name.setForeground(pg.mkColor(self._color(run)))
            name.setToolTip(self.tr("Tick to draw this run's curves; double-click to rename"))
            cells = [name, run.summary, _optimizer_label(hp["optimizer"]), f"{hp['lr']:g}", str(hp["batch_size"]),
                     f"{len(run.history)}/{hp['epochs']}", _percent(final.val_accuracy if final else None),
                     "—" if final is None or final.val_loss is None else f"{final.val_loss:.4f}",
                     _percent(run.test_accuracy), _duration(run.seconds),
                     self.tr(STATUSES[run.status]) if run.status in STATUSES else run.status]
            for column, cell in enumerate(cells):
                item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
                if column > 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 1:
                    item.setToolTip(cell)
                self.table.setItem(row, column, item)
        self._filling = False
        self.hint.setText(self.tr("Every run of this session. Tick runs to compare their curves.") if self._runs
                          else self.tr("No runs yet: each training run of this session will be listed here."))
        self._update_buttons()
        self.redraw()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        run = self._runs[item.row()]
        if item.text() != run.name:
            run.name = item.text().strip() or run.name
            self.changed.emit()
        self.redraw()

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _update_buttons(self) -> None:
        rows = self._selected_rows()
        self.rename_button.setEnabled(len(rows) == 1)
        self.export_button.setEnabled(len(rows) == 1)
        self.delete_button.setEnabled(bool(rows))

    def _rename_selected(self) -> None:
        rows = self._selected_rows()
        if rows:
            self.table.editItem(self.table.item(rows[0], 0))

    def _delete_selected(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        names = ", ".join(self._runs[r].name for r in rows)
        answer = QMessageBox.question(self, self.tr("Delete runs"),
                                      self.tr("Delete {names} from this project?").format(names=names))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_runs(rows)

    def _export_selected(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        run = self._runs[rows[0]]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export run metrics"), f"{run.name}.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            self.export_run(rows[0], path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {path}: {reason}").format(
                path=path, reason=message_text(os_reason(exc))))

    # ------------------------------------------------------------------ curves
    def progress_axis(self) -> bool:
        """Whether the ticked runs differ in length (300 epochs of a spiral beside 2 of MNIST): then the x axis
        is each run's progress in percent, so every curve spans the plot instead of the short ones
        collapsing at x ≈ 0."""
        lengths = {self._runs[i].experiment.epochs for i in self.checked_indices()}
        return len(lengths) > 1

    def redraw(self) -> None:
        mode = self.curves.currentData()
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().clear()  # also empties the legend
        progress = self.progress_axis()
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().setLabel("bottom", self.tr("% of the run (the runs differ in length)") if progress
                                        else self.tr("epoch"))
        for index in self.checked_indices():
            run = self._runs[index]
            scale = 100.0 / max(1, run.experiment.epochs) if progress else 1.0
            pen = pg.mkPen(self._color(run), width=2)
            if mode == "Per-batch loss":
                losses = np.asarray(run.batch_losses, dtype=float)
                per_epoch = run.batches_per_epoch or max(1, len(losses))
                x = np.arange(1, len(losses) + 1) / per_epoch * scale
                self.loss_plot.plot(x, losses, pen=pg.mkPen(self._color(run), width=1), name=run.name)
            else:
                key = "val_loss" if mode == "Validation" else "train_loss"
                points = [(e.epoch, getattr(e, key)) for e in run.history if getattr(e, key) is not None]
                if points:
                    x, y = np.array(points, dtype=float).T
                    self.loss_plot.plot(x * scale, y, pen=pen, symbol="o", symbolSize=5, symbolBrush=self._color(run),
                                        name=run.name)
            acc_key = "train_accuracy" if mode == "Training" else "val_accuracy"
            acc = [(e.epoch, getattr(e, acc_key)) for e in run.history if getattr(e, acc_key) is not None]
            if acc:
                x, y = np.array(acc, dtype=float).T
                self.accuracy_plot.plot(x * scale, y * 100, pen=pen, symbol="o", symbolSize=5, symbolBrush=self._color(run),
                                        name=run.name)
        training = mode == "Training"
        self.loss_plot.getPlotItem().setTitle(
            self.tr("Loss per batch") if mode == "Per-batch loss"
            else self.tr("Loss (training)") if training else self.tr("Loss (validation)"))
        self.accuracy_plot.getPlotItem().setTitle(self.tr("Accuracy (training)") if training
                                                  else self.tr("Accuracy (validation)"))


def _optimizer_label(name: str) -> str:
    """"sgd" → "SGD", "adamw" → "AdamW": the catalog's name, not the file's key."""
    from playground.core import catalog

    entry = catalog.OPTIMIZERS.get(name)
    return entry.label if entry is not None else name
