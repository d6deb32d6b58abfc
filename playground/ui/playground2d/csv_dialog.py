"""Import your own data: choose a CSV file, its feature columns, the label/target column and the task.

The file is read (small files only need milliseconds) when chosen; OK checks the chosen columns with
the same importer training uses, so every bad row is shown here, by its line number, before a run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.data.csv_import import TASKS, CsvError, CsvTable, read_table
from playground.ui.i18n import message_text

PREVIEW_ROWS = 8
MAX_CLASSES_GUESS = 10  # a numeric label column with at most this many values is taken as classes


class CsvImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: str = "", features: list[str] | None = None,
                 target: str = "", task: str = "classification"):
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import your own data (CSV)"))
        self.resize(640, 560)
        self.table: CsvTable | None = None
        self.class_names: list[str] = []  # the label column's classes, once the chosen columns are checked

        self.path_edit = QLineEdit(path)
        self.path_edit.setObjectName("csvPath")
        self.path_edit.setPlaceholderText(self.tr("A .csv file with a header row"))
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.features_list = QListWidget()
        self.features_list.setObjectName("csvFeatures")
        self.features_list.setToolTip(self.tr("The network's inputs: numeric columns only"))
        self.features_list.setMaximumHeight(130)
        self.features_list.itemChanged.connect(self._update_ok)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("csvTarget")
        self.target_combo.currentTextChanged.connect(self._target_changed)
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("csvTask")
        task_names = {"classification": self.tr("classification"), "regression": self.tr("regression")}
        for name in TASKS:
            self.task_combo.addItem(task_names.get(name, name), name)
        self._set_task(task)
        self.preview = QTableWidget()
        self.preview.setObjectName("csvPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.errors = QPlainTextEdit()
        self.errors.setObjectName("csvErrors")
        self.errors.setReadOnly(True)
        self.errors.setMaximumHeight(110)
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.hide()

        form = QFormLayout()
        form.addRow(self.tr("File"), path_row)
        form.addRow(self.tr("Feature columns"), self.features_list)
        form.addRow(self.tr("Label / target column"), self.target_combo)
        form.addRow(self.tr("Task"), self.task_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("First rows:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self._wanted = (list(features or []), target)
        if path:
            self.load(path)
        self._update_ok()

    # ------------------------------------------------------------------ reading
    def _browse(self) -> None:
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), start,
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self.load(path)

    def load(self, path: str) -> bool:
        """Read the file's columns and first rows; a problem with the file is shown, not raised."""
        self.table = None
        self.features_list.clear()
        self.target_combo.clear()
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        try:
            table = read_table(path)
        except CsvError as exc:
            self.show_errors(message_text(exc.args[0]))
            self._update_ok()
            return False
        self.table = table
        self.show_errors("")
        numeric = set(table.numeric_columns())
        wanted_features, wanted_target = self._wanted
        target = wanted_target if wanted_target in table.columns else table.columns[-1]
        for column in table.columns:
            item = QListWidgetItem(column)
            if column in numeric:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                chosen = column in wanted_features if wanted_features else column != target
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("Not every value of this column is a number, so it cannot be an input"))
            self.features_list.addItem(item)
        self.target_combo.blockSignals(True)  # filling it is not the person choosing a target
        self.target_combo.addItems(table.columns)
        self.target_combo.setCurrentText(target)
        self.target_combo.blockSignals(False)
        if target != wanted_target:  # a new file: guess the task; a file chosen before keeps its task
            self._target_changed(target)
        self._fill_preview(table)
        self._update_ok()
        return True

    def _fill_preview(self, table: CsvTable) -> None:
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(table.columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.columns)
        self.preview.setVerticalHeaderLabels([self.tr("line {number}").format(number=line) for line, _ in rows])
        for r, (_, values) in enumerate(rows):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(value))

    def _target_changed(self, target: str) -> None:
        if self.table is None or target not in self.table.columns:
            return
        # the target is not an input; guess the task from its values (the person can change it)
        for i in range(self.features_list.count()):
            item = self.features_list.item(i)
            if item.text() == target and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Unchecked)
        column = self.table.columns.index(target)
        values = {row[column] for _, row in self.table.rows}
        numeric = target in self.table.numeric_columns()
        guess = "classification" if not numeric or len(values) <= MAX_CLASSES_GUESS else "regression"
        self._set_task(guess)
        self._update_ok()

    def _set_task(self, task: str) -> None:
        index = self.task_combo.findData(task)
        if index >= 0:
            self.task_combo.setCurrentIndex(index)

    # ------------------------------------------------------------------ result
    def chosen_features(self) -> list[str]:
        return [self.features_list.item(i).text() for i in range(self.features_list.count())
                if self.features_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_features(self, names: list[str]) -> None:
        for i in range(self.features_list.count()):
            item = self.features_list.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def values(self) -> tuple[str, list[str], str, str, list[str]]:
        """(path, feature columns, label/target column, task, classes): after `accept`, the classes are the
        label column's values (none for regression), so nobody needs to read the file again for them."""
        return (self.table.path if self.table else self.path_edit.text(), self.chosen_features(),
                self.target_combo.currentText(), self.task_combo.currentData(), list(self.class_names))

    def show_errors(self, text: str) -> None:
        self.errors.setPlainText(text)
        self.errors.setVisible(bool(text))

    def _update_ok(self, *_args) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.table is not None and bool(self.chosen_features()))

    def accept(self) -> None:
        """Check every row of the chosen columns; stay open and list the problems if there are any."""
        from playground.data.csv_import import parse_table

        if self.table is None:
            return
        path, features, target, task, _classes = self.values()
        try:
            data = parse_table(self.table, features, target, task)
        except CsvError as exc:
            self.show_errors(message_text(exc.args[0]))
            return
        self.class_names = list(data.class_names or [])
        super().accept()
