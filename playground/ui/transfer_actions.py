"""Transfer learning in the window: File → Start from trained weights…, and the layer edits that go
with it (Train this layer, Freeze up to here, Unfreeze all, Replace the head).

Choosing weights is checked before anything changes: the checkpoint is read and matched against the
network on a worker thread (`core.transfer.check_init_from`, torch work); a file that is not a
checkpoint, is damaged or has no layer that fits is a message and the experiment stays as it was.
When it fits, `init_from` is set as one undoable edit and the panel says which layers take weights.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from playground.core import edits
from playground.core.shapes import layer_label
from playground.ui.actions import make_action
from playground.ui.background import BackgroundRunner
from playground.ui.i18n import message_text
from playground.ui.model_actions import MODEL_FILTER
from playground.ui.settings import last_dir

BUNDLED = "bundled:mnist-cnn"


def _check_job(experiment):
    """On the worker thread: ("ok", rows) or ("error", message) — the message kept translatable."""
    from playground.core.checkpoint import CheckpointError
    from playground.core.transfer import check_init_from

    try:
        return "ok", check_init_from(experiment)
    except CheckpointError as exc:
        return "error", exc.args[0] if exc.args else str(exc)


class TransferActions(QObject):
    message = Signal(str, str)  # text for the training panel, kind ("info" | "error")

    def __init__(self, window: QWidget, document):
        super().__init__(window)
        self._window = window
        self.document = document
        self.start_from_action = make_action(
            self, self.tr("Start from &trained weights…"), self.choose_weights, None, "startFromWeightsAction",
            self.tr("Copy a trained model's weights into the layers of this network that match them (transfer "
                    "learning)"))
        self._runner: BackgroundRunner | None = None
        self._pending = None

    # ------------------------------------------------------------------ start from weights
    def choose_weights(self) -> None:
        exp = self.document.experiment
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("Start from trained weights"))
        box.setText(self.tr("Which trained weights should this network start from? Layers whose type and shape "
                            "match get the weights, in order; the others start fresh."))
        current = exp.init_from or self.tr("fresh weights")
        box.setInformativeText(self.tr("Now: {source}").format(source=current))
        bundled = box.addButton(self.tr("Bundled MNIST CNN"), QMessageBox.ButtonRole.AcceptRole)
        bundled.setObjectName("startFromBundledButton")
        other = box.addButton(self.tr("Checkpoint file…"), QMessageBox.ButtonRole.AcceptRole)
        other.setObjectName("startFromFileButton")
        fresh = box.addButton(self.tr("Start fresh"), QMessageBox.ButtonRole.DestructiveRole)
        fresh.setObjectName("startFreshButton")
        fresh.setEnabled(bool(exp.init_from))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is bundled:
            self.start_from(BUNDLED)
        elif clicked is other:
            path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Start from a checkpoint"), last_dir(),
                                                  QCoreApplication.translate("ModelActions", MODEL_FILTER))
            if path:
                self.start_from(path)
        elif clicked is fresh:
            self.start_fresh()

    def start_from(self, source: str) -> None:
        """Check `source` against the network on a worker thread; the edit follows only if it fits."""
        exp = self.document.experiment.copy()
        exp.init_from = source
        if self._runner is None:
            self._runner = BackgroundRunner("TransferCheck", self)
            self._runner.finished.connect(self._checked)
            self._runner.failed.connect(lambda _tag, text: self._refused(text))
        self._pending = exp
        self.message.emit(self.tr("Reading {source}…").format(source=source), "info")
        self._runner.submit(_check_job, exp, tag=source)

    def _checked(self, source, outcome) -> None:
        kind, value = outcome
        exp, self._pending = self._pending, None
        if exp is None or exp.init_from != source:
            return
        if kind == "error":
            self._refused(value)
            return
        current = self.document.experiment.copy()
        current.init_from = source
        self.document.apply_edit(self.tr("Start from trained weights"), current)
        self.message.emit(self.describe(value, source), "info")

    def _refused(self, text: str) -> None:
        self.message.emit(message_text(text), "error")
        QMessageBox.warning(self._window, self.tr("Cannot start from these weights"),
                            message_text(text) + "\n\n" + self.tr("Nothing was changed."))

    def describe(self, rows, source: str) -> str:
        loaded = ", ".join(layer_label(r.index, r.type) for r in rows if r.loaded)
        fresh = ", ".join(layer_label(r.index, r.type) for r in rows if not r.loaded)
        text = self.tr("Weights from {source}: {loaded}.").format(source=source, loaded=loaded)
        if fresh:
            text += " " + self.tr("Starting fresh: {fresh}.").format(fresh=fresh)
        return text

    def start_fresh(self) -> None:
        current = self.document.experiment.copy()
        current.init_from = ""
        self.document.apply_edit(self.tr("Start from fresh weights"), current)
        self.message.emit(self.tr("The network starts from fresh random weights."), "info")

    # ------------------------------------------------------------------ freezing and the head
    def set_trained(self, row: int, learns: bool) -> None:
        exp = self.document.experiment
        if not 0 <= row < len(exp.layers) or exp.layers[row].frozen == (not learns):
            return
        text = self.tr("Train {layer}") if learns else self.tr("Freeze {layer}")
        self.document.apply_edit(text.format(layer=layer_label(row, exp.layers[row].type)),
                                 edits.set_frozen(exp, row, not learns), select=row)

    def freeze_up_to(self, row: int) -> None:
        exp = self.document.experiment
        if 0 <= row < len(exp.layers):
            self.document.apply_edit(self.tr("Freeze layers 1 to {row}").format(row=row + 1),
                                     edits.freeze_up_to(exp, row), select=row)

    def unfreeze_all(self) -> None:
        self.document.apply_edit(self.tr("Unfreeze all layers"), edits.unfreeze_all(self.document.experiment))

    def replace_head(self) -> None:
        from playground.data.registry import dataset_info

        exp = self.document.experiment
        try:
            outputs = dataset_info(exp.dataset).output_size
        except Exception as exc:  # an unreadable CSV: say so where the person clicked
            self.message.emit(message_text(str(exc)), "error")
            return
        result = edits.replace_head(exp, outputs)
        if result is None:
            self.message.emit(self.tr("The network has no Linear layer to use as its head — add one at the end."),
                              "error")
            return
        new, row = result
        self.document.apply_edit(self.tr("Replace the head"), new, select=row)
        self.message.emit(self.tr("{layer} is the new head: {units} outputs, learning.").format(
            layer=layer_label(row, "Linear"), units=outputs), "info")

    def shutdown(self) -> None:
        if self._runner is not None:
            self._runner.close()
