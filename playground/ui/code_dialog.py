"""“Show PyTorch code”: the experiment as a standalone script, to read, copy or save.

The text comes from `playground.core.codegen` (plain string templating, no torch work), so the
dialog can build it on the GUI thread. An experiment whose network cannot be built shows why,
with Copy and Save disabled. A check box switches to the script that also runs under torchrun
(several processes, machines or GPUs).
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRegularExpression, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.codegen import experiment_to_script
from playground.core.experiment import Experiment, ExperimentError
from playground.files import atomic_write_text, os_reason
from playground.ui.i18n import data_text, message_text

PYTHON_FILTER = QT_TRANSLATE_NOOP("CodeDialog", "Python scripts (*.py);;All files (*)")
_BUILTINS = ("print", "len", "range", "sum", "round", "max", "min", "list", "tuple", "float", "int", "super",
             "isinstance", "zip", "sorted", "set", "open", "any", "repr")


def monospace_font() -> QFont:
    """The system's fixed-pitch font. Where fontconfig's "monospace" is a font Qt does not take for
    fixed pitch (Noto Sans Mono once CJK fonts are installed), the first family Qt knows is."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    if not QFontInfo(font).fixedPitch():
        family = next((name for name in QFontDatabase.families()
                       if QFontDatabase.isFixedPitch(name) and not QFontDatabase.isPrivateFamily(name)), None)
        if family:
            font.setFamily(family)
    return font


def script_file_name(experiment: Experiment) -> str:
    """A file name for the script from the experiment's name: 'Seed MLP' → 'seed_mlp.py'."""
    stem = re.sub(r"[^0-9a-zA-Z]+", "_", experiment.name).strip("_").lower()
    return f"{stem or 'network'}.py"


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, builtins, numbers, strings, comments and triple-quoted docstrings."""

    _IN_DOCSTRING = 1

    def __init__(self, document, dark: bool = False):
        super().__init__(document)

        def style(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(color))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontItalic(italic)
            return fmt

        colors = {"keyword": "#c678dd", "builtin": "#61afef", "number": "#d19a66", "string": "#98c379",
                  "comment": "#7f848e", "name": "#e5c07b"} if dark else \
                 {"keyword": "#0033b3", "builtin": "#00627a", "number": "#1750eb", "string": "#067d17",
                  "comment": "#8c8c8c", "name": "#000000"}
        words = "|".join(keyword.kwlist)
        # (pattern, format, which capture group to colour)
        self._rules = [
            (QRegularExpression(rf"\b({words})\b"), style(colors["keyword"], bold=True), 0),
            (QRegularExpression(rf"\b({'|'.join(_BUILTINS)})\b(?=\()"), style(colors["builtin"]), 0),
            (QRegularExpression(r"\b(?:def|class)\s+(\w+)"), style(colors["name"], bold=True), 1),
            (QRegularExpression(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b"), style(colors["number"]), 0),
        ]
        self._string = style(colors["string"])
        self._comment = style(colors["comment"], italic=True)
        self._docstring = style(colors["string"], italic=True)
        # strings and comments last, scanned left to right so a '#' inside a string is not a comment
        self._strings_and_comments = QRegularExpression(r'"[^"\\]*(\\.[^"\\]*)*"|\'[^\'\\]*(\\.[^\'\\]*)*\'|#.*$')

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for pattern, fmt, group in self._rules:
            matches = pattern.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(group), match.capturedLength(group), fmt)
        start = 0
        if self.previousBlockState() == self._IN_DOCSTRING:
            end = text.find('"""')
            if end < 0:
                self.setFormat(0, len(text), self._docstring)
                self.setCurrentBlockState(self._IN_DOCSTRING)
                return
            self.setFormat(0, end + 3, self._docstring)
            start = end + 3
        self.setCurrentBlockState(0)
        while start < len(text):
            opening = text.find('"""', start)
            match = self._strings_and_comments.match(text, start)
            if opening >= 0 and (not match.hasMatch() or opening <= match.capturedStart()):
                closing = text.find('"""', opening + 3)
                if closing < 0:  # the docstring goes on in the next lines
                    self.setFormat(opening, len(text) - opening, self._docstring)
                    self.setCurrentBlockState(self._IN_DOCSTRING)
                    return
                self.setFormat(opening, closing + 3 - opening, self._docstring)
                start = closing + 3
                continue
            if not match.hasMatch():
                return
            fmt = self._comment if match.captured(0).startswith("#") else self._string
            self.setFormat(match.capturedStart(), match.capturedLength(), fmt)
            start = match.capturedEnd()


class CodeDialog(QDialog):
    """Read-only view of the exported script with Copy and Save… buttons."""

    def __init__(self, experiment: Experiment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setWindowTitle(self.tr("PyTorch code — {name}").format(name=data_text(experiment.name)))
        self.experiment = experiment
        self.code: str | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.distributed_box = QCheckBox(self.tr("Also runs on several processes, machines or GPUs (torchrun)"),
                                         objectName="distributedCheck")
        self.distributed_box.setToolTip(self.tr(
            "The same script with PyTorch's DistributedDataParallel: run it with torchrun on the cores of one "
            "machine, on a GPU node or on several machines; as a plain script it trains as before. Its first "
            "lines say how to start it."))

        self.view = QPlainTextEdit(objectName="codeView")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = monospace_font()
        self.view.setFont(font)
        self.view.setTabStopDistance(4 * self.view.fontMetrics().horizontalAdvance(" "))
        dark = self.palette().color(self.backgroundRole()).lightness() < 128
        self.highlighter = PythonHighlighter(self.view.document(), dark=dark)

        self.status = QLabel(objectName="codeStatusLabel")
        self.copy_button = QPushButton(self.tr("Copy"), objectName="copyCodeButton")
        self.copy_button.setToolTip(self.tr("Copy the whole script to the clipboard"))
        self.save_button = QPushButton(self.tr("Save…"), objectName="saveCodeButton")
        self.save_button.setToolTip(self.tr("Save the script as a .py file"))
        close_button = QPushButton(self.tr("Close"), objectName="closeCodeButton")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self._save_dialog)
        close_button.clicked.connect(self.accept)
        self.distributed_box.toggled.connect(self._show_script)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.distributed_box)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(860, 720)
        self._show_script()

    @property
    def distributed(self) -> bool:
        return self.distributed_box.isChecked()

    def _show_script(self) -> None:
        """(Re)write the script for the check box's choice; Copy and Save follow whether it could be written."""
        try:
            self.code = experiment_to_script(self.experiment, distributed=self.distributed)
            problem = ""
        except ExperimentError as exc:
            self.code = None
            problem = str(exc.problem)
        file = script_file_name(self.experiment)
        if self.distributed:
            self.intro.setText(self.tr(
                "A standalone script that trains this network with plain PyTorch, on one process or many. Save it "
                "and run <code>python {file}</code>, or <code>torchrun --standalone --nproc_per_node=2 {file}</code> "
                "for two processes; its first lines show how to start it on a GPU node or several machines."
            ).format(file=file))
        else:
            self.intro.setText(self.tr(
                "A standalone script that trains this network with plain PyTorch — the same layers, data split, "
                "loss and optimizer. Save it and run <code>python {file}</code>; <code>--help</code> lists its "
                "options.").format(file=file))
        self.view.setPlainText(self.code if self.code is not None else
                               "# " + self.tr("The network cannot be exported yet:") + f"\n# {problem}")
        for button in (self.copy_button, self.save_button):
            button.setEnabled(self.code is not None)
        self.status.setText(self.tr("Fix the network first: {problem}").format(problem=problem)
                            if self.code is None else "")

    def copy_to_clipboard(self) -> None:
        if self.code is None:
            return
        QGuiApplication.clipboard().setText(self.code)
        self.status.setText(self.tr("Copied {count} lines to the clipboard.").format(count=self.code.count(chr(10))))

    def save_to(self, path: str | Path) -> bool:
        """Write the script to `path` atomically; False (and the reason shown) when it fails."""
        if self.code is None:
            return False
        try:
            atomic_write_text(Path(path), self.code)
        except OSError as exc:
            self.status.setText(self.tr("Could not save {path}: {reason}").format(
                path=path, reason=message_text(os_reason(exc))))
            return False
        self.status.setText(self.tr("Saved {path}").format(path=path))
        return True

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PyTorch script"), script_file_name(self.experiment),
                                              self.tr(PYTHON_FILTER))
        if path:
            self.save_to(path)
