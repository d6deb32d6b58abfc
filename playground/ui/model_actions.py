"""The trained model: what the last run (or File → Load model…) produced, and saving or exporting it.

`trained_model` is a `LoadedModel` (model, experiment, normalization, classes, input shape,
metrics). A finished run hands it over through `TrainingRun.runFinished`; the Draw tab and the
Layers view follow `trainedModelChanged`. Export to TorchScript or ONNX traces the model, which
takes a while, so it runs in a `BackgroundRunner` thread and reports through `modelExported`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from playground.files import os_reason
from playground.i18n import Message
from playground.ui.actions import make_action
from playground.ui.i18n import data_text, message_text
from playground.ui.settings import APP_NAME, last_dir

MODEL_FILTER = QT_TRANSLATE_NOOP("ModelActions", "PyTorch checkpoints (*.pt);;All files (*)")


class ModelActions(QObject):
    trainedModelChanged = Signal(object)  # LoadedModel, or None after File → New
    stoppedModelKept = Signal(str)  # a stopped run's model was kept aside: the sentence that says so
    modelExported = Signal(str, str)  # path, error ('' when it worked)
    statusMessage = Signal(str, int)  # text, milliseconds to show it (0: until replaced)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._parent_widget = window  # the parent of the dialogs
        self._trained_model = None
        self._model_kind = ""  # "completed" | "stopped" | "file": where the trained model came from
        self.stopped_model = None  # a stopped run's model kept aside instead of replacing a better one
        self._exporter = None  # BackgroundRunner for TorchScript/ONNX export, made when first needed
        self.save_model_action = make_action(self, self.tr("Save &trained model…"), self.save_trained_model_dialog, None,
                                        "saveModelAction", self.tr("Write the trained weights to a .pt checkpoint"))
        self.load_model_action = make_action(self, self.tr("&Load model…"), self.load_model_dialog, None,
                                        "loadModelAction", self.tr("Open a checkpoint saved by NN Playground"))
        self.export_torchscript_action = make_action(
            self, self.tr("Export trained model as &TorchScript…"), lambda: self.export_trained_model("torchscript"),
            None, "exportTorchScriptAction", self.tr("A .pt file that torch.jit.load runs without NN Playground"))
        self.export_onnx_action = make_action(
            self, self.tr("Export trained model as &ONNX…"), lambda: self.export_trained_model("onnx"), None,
            "exportOnnxAction", self.tr("An .onnx file for other runtimes (needs the onnx package)"))
        self.use_stopped_action = make_action(
            self, self.tr("Use the &stopped run's model"), self.use_stopped_model, None, "useStoppedModelAction",
            self.tr("Read drawings and save with the model of the run you stopped, instead of the finished one"))
        self._enable_for_model()

    @property
    def trained_model(self):
        return self._trained_model

    @property
    def model_kind(self) -> str:
        """Where the trained model came from: "completed" or "stopped" run, a "file", or "" (none)."""
        return self._model_kind

    def set_trained_model(self, loaded, kind: str = "file") -> None:
        self._trained_model = loaded
        self._model_kind = kind if loaded is not None else ""
        self._enable_for_model()
        self.trainedModelChanged.emit(loaded)

    def clear(self) -> None:
        """File → New or another experiment opened: no trained model any more (the canvas keeps its own)."""
        self.stopped_model = None
        self._trained_model = None
        self._model_kind = ""
        self._enable_for_model()
        self.trainedModelChanged.emit(None)

    def run_finished(self, end, result) -> None:
        """A run that trained something hands its model over (built on the training thread).

        A stopped run (a Step then Stop, a run cut short) never silently replaces a model that finished
        its training or was loaded from a file: that one stays, and the stopped one is kept aside for
        `use_stopped_model` (File menu, or the link in the training panel's message)."""
        if result is None:
            return
        if end.status == "stopped" and self._model_kind in ("completed", "file"):
            self.stopped_model = result
            self._enable_for_model()
            kept = self._trained_model.metrics.get("test_accuracy")
            text = (self.tr("The canvas keeps the model that finished training (test accuracy {accuracy}).")
                    .format(accuracy=f"{kept:.1%}") if isinstance(kept, float)
                    else self.tr("The canvas keeps the model it had."))
            self.stoppedModelKept.emit(text)
            return
        self.stopped_model = None
        self.set_trained_model(result, "completed" if end.status == "completed" else "stopped")

    def use_stopped_model(self) -> None:
        if self.stopped_model is None:
            return
        loaded, self.stopped_model = self.stopped_model, None
        self.set_trained_model(loaded, "stopped")
        self.statusMessage.emit(self.tr("Using the stopped run's model"), 5000)

    def _enable_for_model(self) -> None:
        for item in (self.save_model_action, self.export_torchscript_action, self.export_onnx_action):
            item.setEnabled(self._trained_model is not None)
        self.use_stopped_action.setEnabled(self.stopped_model is not None)

    # ------------------------------------------------------------------ save and load
    def save_trained_model_dialog(self) -> None:
        if self._trained_model is None:
            return
        suggested = str(Path(last_dir()) / f"{self._trained_model.experiment.name or 'model'}.pt")
        path, _ = QFileDialog.getSaveFileName(self._parent_widget, self.tr("Save trained model"), suggested,
                                              self.tr(MODEL_FILTER))
        if path:
            self.save_trained_model(path if path.lower().endswith(".pt") else path + ".pt")

    def save_trained_model(self, path: str) -> bool:
        from playground.core.checkpoint import save_checkpoint

        loaded = self._trained_model
        try:
            save_checkpoint(path, loaded.model, loaded.experiment, input_shape=loaded.input_shape,
                            class_names=loaded.class_names, normalization=loaded.normalization,
                            metrics=loaded.metrics)
        except OSError as exc:
            QMessageBox.warning(self._parent_widget, APP_NAME,
                                self.tr("Cannot save the model to {path}: {reason}").format(
                                    path=path, reason=message_text(os_reason(exc))))
            return False
        self.statusMessage.emit(self.tr("Saved the trained model to {path}").format(path=path), 5000)
        return True

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._parent_widget, self.tr("Load model"), last_dir(),
                                              self.tr(MODEL_FILTER))
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> bool:
        from playground.core.checkpoint import CheckpointError, load_checkpoint

        try:
            loaded = load_checkpoint(path)
        except CheckpointError as exc:
            QMessageBox.warning(self._parent_widget, self.tr("Cannot load model"),
                                message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self.set_trained_model(loaded)
        accuracy = loaded.metrics.get("val_accuracy")
        loaded_text = (self.tr("Loaded {file}: {name} (validation accuracy {accuracy})")
                       if isinstance(accuracy, float) else self.tr("Loaded {file}: {name}"))
        self.statusMessage.emit(loaded_text.format(file=Path(path).name, name=data_text(loaded.experiment.name),
                                                   accuracy=f"{accuracy:.1%}" if isinstance(accuracy, float)
                                                   else ""), 8000)
        return True

    # ------------------------------------------------------------------ export
    def export_trained_model(self, kind: str) -> None:
        """Export the trained model as TorchScript or ONNX; the tracing runs off the GUI thread."""
        if self._trained_model is None:
            return
        if kind == "onnx":
            import importlib.util

            if importlib.util.find_spec("onnx") is None:
                QMessageBox.information(self._parent_widget, self.tr("ONNX export"),
                                        self.tr("ONNX export needs the onnx package. Install it with\n\n"
                                                "    pip install \"nn-playground[onnx]\"\n\nand restart the app."))
                return
        suffix, title = ((".onnx", self.tr("ONNX models (*.onnx)")) if kind == "onnx"
                         else (".pt", self.tr("TorchScript (*.pt)")))
        name = f"{self._trained_model.experiment.name or 'model'}-{kind}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self._parent_widget, self.tr("Export trained model"),
                                              str(Path(last_dir()) / name), title + ";;" + self.tr("All files (*)"))
        if path:
            self.export_trained_model_to(kind, path if path.lower().endswith(suffix) else path + suffix)

    def export_trained_model_to(self, kind: str, path: str) -> None:
        from playground.ui.background import BackgroundRunner

        if self._exporter is None:
            self._exporter = BackgroundRunner("ModelExporter", self)
            self._exporter.finished.connect(self._export_done)
            self._exporter.failed.connect(lambda _tag, error: self._export_failed(
                self.tr("The export stopped with an unexpected error: {error}").format(error=error)))
        loaded = self._trained_model
        self.statusMessage.emit(self.tr("Exporting the trained model to {path}…").format(path=path), 0)
        self._exporter.submit(_export_model, kind, loaded.model, tuple(loaded.input_shape), path, tag=path)

    def _export_done(self, _tag, result) -> None:
        path, error = result
        if error:
            self._export_failed(error)
        else:
            self.statusMessage.emit(self.tr("Exported the trained model to {path}").format(path=path), 8000)
        self.modelExported.emit(path, error or "")

    def _export_failed(self, message: str) -> None:
        self.statusMessage.emit(self.tr("Export failed"), 8000)
        QMessageBox.warning(self._parent_widget, self.tr("Cannot export the model"), message_text(message))

    def shutdown(self) -> None:
        """Join the export thread (closing the window)."""
        if self._exporter is not None:
            self._exporter.close()


def _export_model(kind: str, model, input_shape: tuple, path: str) -> tuple[str, str]:
    """Runs in the exporter's thread: (path, '') when written, (path, message) when refused."""
    from playground.core.export import ExportError, export_onnx, export_torchscript

    try:
        (export_onnx if kind == "onnx" else export_torchscript)(model, input_shape, path)
    except ExportError as exc:
        return path, exc.args[0]  # a Message: the window shows it translated
    except OSError as exc:
        return path, Message("ModelActions", QT_TRANSLATE_NOOP("ModelActions", "Cannot write {path}: {reason}"),
                             path=path, reason=os_reason(exc))
    return path, ""
