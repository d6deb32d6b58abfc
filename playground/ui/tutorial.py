"""Help → Tutorial: a first network, guided. Build the seed MLP, train it, draw a digit for it.

A panel docked in the main window (under the Training panel), never in front of the work: it lists
the steps, explains the current one and moves on only when the learner did what the step asks (the
seed MLP in the network, a run that finished, a stroke drawn on the canvas and read by the network).
Each step can be skipped. While training it brings the Training tab forward, where the loss curve
it talks about is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.experiment import Experiment
from playground.ui.widgets import framed_label

# the seed MLP, as (layer type, units or None)
SEED_MLP = (("Flatten", None), ("Linear", 128), ("ReLU", None), ("Linear", 64), ("ReLU", None), ("Linear", 10))
EMPTY, BUILD, TRAIN, DRAW, DONE = range(5)


# texts outside the panel's methods are marked here and translated where they are shown (self.tr)
HINTS = {
    "dataset": QT_TRANSLATE_NOOP("TutorialPanel", "Choose the dataset “MNIST digits” in the Training panel."),
    "next": QT_TRANSLATE_NOOP("TutorialPanel", "Next block: {block} (click it in the Layers palette)."),
    "wrong": QT_TRANSLATE_NOOP("TutorialPanel", "Layer {number} should be {block}, not {other}: select it and "
                               "press Delete, or drag it into place."),
    "units": QT_TRANSLATE_NOOP("TutorialPanel", "Select Linear #{number} and set its Units to {units} in the layer "
                               "editor."),
    "extra": QT_TRANSLATE_NOOP("TutorialPanel", "Remove the layers after the last Linear (select one and press "
                               "Delete)."),
}


def build_hint(experiment: Experiment) -> str:
    """What is still missing on the way to the seed MLP ('' when it is there)."""
    def hint(key: str) -> str:
        return QCoreApplication.translate("TutorialPanel", HINTS[key])

    if experiment.dataset.name != "mnist":
        return hint("dataset")
    layers = experiment.layers
    for i, (kind, units) in enumerate(SEED_MLP):
        if i >= len(layers):
            return hint("next").format(block=kind)
        layer = layers[i]
        if layer.type != kind:
            return hint("wrong").format(number=i + 1, block=kind, other=layer.type)
        if units is not None and layer.params.get("units") != units:
            return hint("units").format(number=i + 1, units=units)
    if len(layers) > len(SEED_MLP):
        return hint("extra")
    return ""


@dataclass(frozen=True)
class Step:
    title: str  # English; shown with translate("TutorialPanel", ...)
    text: str


STEPS = (
    Step(QT_TRANSLATE_NOOP("TutorialPanel", "Start from an empty network"),
         QT_TRANSLATE_NOOP("TutorialPanel", "You are going to build the course's first network yourself. Empty the "
                           "network with the button below (Edit → Undo brings the old one back).")),
    Step(QT_TRANSLATE_NOOP("TutorialPanel", "Build the seed MLP"),
         QT_TRANSLATE_NOOP("TutorialPanel", "Click blocks in the <b>Layers</b> palette to add them at the end: "
                           "<b>Flatten</b>, <b>Linear</b>, <b>ReLU</b>, <b>Linear</b>, <b>ReLU</b>, <b>Linear</b>. "
                           "Then select each Linear layer and set its <b>Units</b>: 128, 64 and 10.<br><br>The "
                           "<b>Network</b> panel shows every layer's output shape: 784 → 128 → 64 → 10 (109,386 "
                           "parameters). Flatten turns the 28×28 image into 784 numbers; the last Linear layer "
                           "gives one score per digit.")),
    Step(QT_TRANSLATE_NOOP("TutorialPanel", "Train it"),
         QT_TRANSLATE_NOOP("TutorialPanel", "Press <b>Train</b> in the <b>Training</b> panel on the right. The loss "
                           "(how wrong the network is) falls batch after batch, and every epoch (one pass over the "
                           "training images) adds a point to the accuracy plot. How long it takes depends on the "
                           "images, the epochs and this computer: the bar under the buttons shows the time left. To "
                           "see the batches go by, choose <b>Speed: watch</b> before you press Train.")),
    Step(QT_TRANSLATE_NOOP("TutorialPanel", "Draw a digit"),
         QT_TRANSLATE_NOOP("TutorialPanel", "Open the <b>Draw</b> tab and draw a digit with the mouse (press Clear "
                           "first if the canvas shows an old one). The bars show "
                           "the probability your network gives each digit, and the small picture is the 28×28 input "
                           "it sees.")),
    Step(QT_TRANSLATE_NOOP("TutorialPanel", "Done!"),
         QT_TRANSLATE_NOOP("TutorialPanel", "You built, trained and used a neural network. Next: try the optimizer "
                           "SGD instead of Adam, add Dropout, or press <b>F1</b> over any block to read what it does "
                           "(Help → Concepts).")),
)


class TutorialPanel(QWidget):
    """The content of the window's Tutorial dock: the person works in the main window while this follows along."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tutorialPanel")
        self.setWindowTitle(self.tr("Tutorial: your first network"))
        self.window_ = window
        self._stroke_drawn = False  # a stroke on the canvas since the Draw step began
        self.steps = STEPS
        self.step = EMPTY
        self._digit_panel = None

        self.step_labels: list[QLabel] = []
        list_layout = QVBoxLayout()
        list_layout.setSpacing(2)
        for _ in self.steps:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self.step_labels.append(label)
            list_layout.addWidget(label)
        self.text = framed_label("tutorialText", 8)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel()
        self.hint.setObjectName("tutorialHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #1d5a9a;")
        self.action_button = QPushButton()
        self.action_button.setObjectName("tutorialActionButton")
        self.action_button.clicked.connect(self._act)
        self.skip_button = QPushButton(self.tr("Skip this step"))
        self.skip_button.setObjectName("tutorialSkipButton")
        self.skip_button.clicked.connect(lambda: self.advance(self.step + 1))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.action_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(list_layout)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        window.document.experimentChanged.connect(self._experiment_changed)
        window.run.runFinished.connect(self._run_finished)
        window.run.runStarted.connect(self._run_started)
        self._find_digit_panel()
        self.advance(BUILD if not window.document.experiment.layers else EMPTY)

    # ------------------------------------------------------------------ state
    def _close(self) -> None:
        dock = self.parentWidget()
        (dock if dock is not None else self).close()

    def advance(self, step: int) -> None:
        if step == DRAW:
            self._stroke_drawn = False  # an old drawing does not count: the step asks for a new one
        self.step = min(step, DONE)
        experiment = self.window_.document.experiment
        if self.step == EMPTY and not experiment.layers:
            self.step = BUILD
        if self.step == BUILD and not build_hint(experiment):
            self.step = TRAIN
        self._refresh()

    def _experiment_changed(self, experiment: Experiment) -> None:
        if self.step == EMPTY and not experiment.layers:
            self.advance(BUILD)
        elif self.step == BUILD:
            self.advance(BUILD)  # moves on once the seed MLP is there
        else:
            self._refresh()

    def _run_finished(self, end, _result=None) -> None:
        if self.step == TRAIN and getattr(end, "status", "") == "completed":
            self.advance(DRAW)
        else:
            self._refresh(end)

    def _run_started(self) -> None:
        if self.step == TRAIN:  # the loss curve this step talks about is on the Training tab
            self.window_.show_view(self.window_.plots)
        self._refresh()

    def _stroke_finished(self) -> None:
        if self.step == DRAW:
            self._stroke_drawn = True

    def _prediction_changed(self, prediction) -> None:
        if self.step == DRAW and prediction is not None and self._stroke_drawn:
            self.advance(DONE)

    def _find_digit_panel(self):
        """The Draw tab's DigitPanel (the window may add it after this panel opened)."""
        if self._digit_panel is None:
            from playground.ui.digit_panel import DigitPanel

            panel = self.window_.findChild(DigitPanel)
            if panel is not None:
                panel.canvas.strokeFinished.connect(self._stroke_finished)
                panel.predictionChanged.connect(self._prediction_changed)
                self._digit_panel = panel
        return self._digit_panel

    # ------------------------------------------------------------------ drawing
    def _refresh(self, end=None) -> None:
        for i, (label, step) in enumerate(zip(self.step_labels, self.steps, strict=True)):
            mark = "✓" if i < self.step or self.step == DONE else "▶" if i == self.step else "○"
            title = f"<b>{self.tr(step.title)}</b>" if i == self.step else self.tr(step.title)
            label.setText(f"{mark}&nbsp; {title}")
            label.setEnabled(i >= self.step or self.step == DONE)
        self.text.setText(self.tr(self.steps[self.step].text))
        self.hint.setText(self._hint(end))
        self.hint.setVisible(bool(self.hint.text()))
        action = {EMPTY: self.tr("Empty the network"), DRAW: self.tr("Open the Draw tab")}.get(self.step, "")
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.skip_button.setVisible(self.step != DONE)

    def _hint(self, end=None) -> str:
        window = self.window_
        if self.step == BUILD:
            return build_hint(window.document.experiment)
        if self.step == TRAIN:
            if window.run.is_running():
                return self.tr("Training… watch the Training tab.")
            if end is not None and getattr(end, "status", "") == "stopped":
                return self.tr("The run was stopped before the end: press Train again and let it finish.")
            if end is not None and getattr(end, "status", "") == "failed":
                return self.tr("The run failed (see the message under the Train button); fix that and press Train "
                               "again, or skip this step.")
        if self.step == DRAW and self._find_digit_panel() is None:
            return self.tr("This window has no Draw tab.")
        return ""

    def _act(self) -> None:
        window = self.window_
        if self.step == EMPTY:
            document = window.document
            if document.has_unsaved_changes():
                buttons = QMessageBox.StandardButton
                answer = QMessageBox.question(
                    self, self.tr("Empty the network"),
                    self.tr("“{name}” has unsaved changes. Remove its layers? Its data and training settings stay, "
                            "and Edit → Undo brings the layers back.").format(name=document.display_name()),
                    buttons.Yes | buttons.Cancel, buttons.Cancel)
                if answer != buttons.Yes:
                    return
            exp = document.experiment.copy()  # only the layers go: dataset, optimizer and epochs stay
            exp.layers = []
            document.apply_edit(self.tr("Empty the network"), exp)
        elif self.step == DRAW:
            panel = self._find_digit_panel()
            if panel is not None:
                window.show_view(panel)
                panel.canvas.setFocus()
