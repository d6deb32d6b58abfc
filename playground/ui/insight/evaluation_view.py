"""The Evaluation tab: what the classifier gets right and wrong on data it did not train on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from playground.core.experiment import Experiment
from playground.ui.insight.class_accuracy_plot import ClassAccuracyPlot
from playground.ui.insight.confusion_plot import ConfusionMatrixPlot
from playground.ui.insight.mistake_gallery import MistakeGallery
from playground.ui.live_view import LiveDrawing
from playground.ui.square import SquareBox

EMPTY_TEXT = QT_TRANSLATE_NOOP("EvaluationView", "Train a classifier to see what it gets right and wrong.\n\n"
                              "After every epoch this tab shows the confusion matrix on the validation set "
                              "(which true class was taken for which), the accuracy of each class, and the "
                              "examples the network got most confidently wrong.")
REGRESSION_TEXT = QT_TRANSLATE_NOOP("EvaluationView", "“{name}” is a regression dataset: the network predicts "
                                   "numbers, not classes, so there is no confusion matrix or per-class accuracy."
                                   "\n\nJudge a regression model by its loss curves (Runs tab) and, for 1-D or "
                                   "2-D data, by the fitted curve in the playground.")


class EvaluationView(QWidget):
    imageChosen = Signal(object)  # 28×28 pixels in [0, 1] of a mistake, for the canvas

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.message = QLabel(self.tr(EMPTY_TEXT))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMaximumWidth(620)
        message_page = QWidget()
        message_layout = QHBoxLayout(message_page)
        message_layout.addWidget(self.message)
        self.confusion = ConfusionMatrixPlot()
        self.per_class = ClassAccuracyPlot()
        self.gallery = MistakeGallery()
        self.gallery.imageChosen.connect(self.imageChosen)
        self.gallery_label = QLabel()
        self.gallery_label.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.per_class, 2)
        right_layout.addWidget(self.gallery_label)
        right_layout.addWidget(self.gallery, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(SquareBox(self.confusion))  # square cells: a matrix, not a stretched picture
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(message_page)
        self.pages.addWidget(split)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        self.evaluation = None
        self._dataset = None
        self.header.hide()
        self.live = LiveDrawing(self, self._draw_pending)

    @property
    def showing_results(self) -> bool:
        return self.pages.currentIndex() == 1

    def _mistakes_title(self, shown: int, wrong: int) -> str:
        if shown >= wrong:
            return self.tr("All {count} mistakes").format(count=f"{wrong:,}")
        return self.tr("The {shown} most confident of {count} mistakes").format(shown=shown, count=f"{wrong:,}")

    # ------------------------------------------------------------------ inputs
    def set_experiment(self, experiment: Experiment) -> None:
        """Called on every edit; only a change of dataset matters here."""
        if experiment.dataset == self._dataset:
            return
        self._dataset = experiment.dataset
        from playground.data.registry import DATASET_LABELS, dataset_info
        from playground.ui.i18n import data_text

        try:
            regression = dataset_info(experiment.dataset).task == "regression"
        except Exception:  # an unreadable CSV: the editor reports it
            regression = False
        if regression:
            self.show_message(self.tr(REGRESSION_TEXT).format(name=data_text(DATASET_LABELS.get(
                experiment.dataset.name, experiment.dataset.name))))
        elif self.evaluation is None or not self.showing_results:
            self.show_message(self.tr(EMPTY_TEXT))

    def clear(self, experiment: Experiment) -> None:
        """Another experiment: no confusion matrix of the old one's run."""
        self.live.cancel()
        self.evaluation = None
        self._dataset = None
        self.pages.setCurrentIndex(0)
        self.set_experiment(experiment)

    def show_message(self, text: str) -> None:
        self.live.cancel()  # an evaluation not drawn yet would cover the message later
        self.message.setText(text)
        self.header.hide()
        self.pages.setCurrentIndex(0)

    def show_evaluation(self, payload: dict) -> None:
        """Handler for the EvaluationProbe's payloads: the newest is drawn while the tab is shown, at the pace
        it can afford (see ui/live_view.py)."""
        if "error" in payload:
            self.header.setText(self.tr("Evaluation failed: {reason}").format(reason=payload["error"]))
            self.header.show()
            return
        self.live.offer(payload)

    def _draw_pending(self) -> None:
        payload = self.live.take()
        if payload is not None:
            self._draw_evaluation(payload)

    def _draw_evaluation(self, payload: dict) -> None:
        ev = payload["evaluation"]
        self.evaluation = ev
        names = ev.class_names
        total = int(ev.confusion.sum())
        which = self.tr("Test set") if payload.get("set") == "test set" else self.tr("Validation set")
        when = (self.tr("after training") if payload.get("final")
                else self.tr("after epoch {epoch} of {epochs}").format(epoch=payload["epoch"], epochs=payload["epochs"]))
        self.header.setText(self.tr("<b>{which} {when}:</b> {accuracy} correct ({count} examples). Rows are the true "
                                    "class, columns what the network answered; the diagonal is right.").format(
            which=which, when=when, accuracy=f"{ev.accuracy:.1%}", count=f"{total:,}"))
        self.header.show()
        self.confusion.set_confusion(ev.confusion, names)
        self.per_class.set_accuracy(ev.per_class_accuracy, names)
        self.gallery.set_mistakes(ev.mistakes, names, payload.get("normalization"))
        wrong = total - int(ev.confusion.trace())
        if not ev.mistakes:
            self.gallery_label.setText(self.tr("No mistakes on this set."))
        elif any(m.image is not None for m in ev.mistakes):
            self.gallery_label.setText(self.tr("{mistakes}, true → predicted, most confident first. Click one to put "
                                               "it on the canvas.").format(
                mistakes=self._mistakes_title(len(ev.mistakes), wrong)))
        else:
            self.gallery_label.setText(self.tr("{mistakes}, most confident first.").format(
                mistakes=self._mistakes_title(len(ev.mistakes), wrong)))
        self.pages.setCurrentIndex(1)
