"""The Help menu and View → Language: About, Concepts (F1), the docked tutorial, the language choice.

`HelpActions` owns the actions and the panels they open, so the window only puts them in its menus
and connects a panel's `conceptRequested` to `show_concepts`. The Concepts panel and the tutorial are
made when first asked for (they cost nothing until then); the tutorial docks under the Training panel.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from playground.ui.actions import make_action
from playground.ui.settings import APP_NAME


class HelpActions(QObject):
    def __init__(self, window: QMainWindow, dock_below):
        """`dock_below` is the dock the tutorial goes under (the Training panel's)."""
        super().__init__(window)
        self._window = window
        self._dock_below = dock_below
        self.help_panel = None  # Help → Concepts
        self.tutorial_panel = None
        self.tutorial_dock = None
        self.language_menu: QMenu | None = None
        self.about_action = make_action(self, self.tr("&About NN Playground"), self.show_about, None, "aboutAction")
        # F1 explains what is under the mouse (a palette block, the loss box, ...): see help_panel.py
        self.concepts_action = make_action(self, self.tr("&Concepts"), self.show_concepts_in_context,
                                           QKeySequence.StandardKey.HelpContents, "conceptsAction",
                                           self.tr("Every block, loss, optimizer and schedule explained, with its "
                                                   "formula (F1: the one under the mouse)"))
        self.tutorial_action = make_action(self, self.tr("&Tutorial: your first network"), self.show_tutorial, None,
                                           "tutorialAction",
                                           self.tr("Build the seed MLP, train it and draw a digit for it, step by "
                                                   "step"))

    def fill_help_menu(self, menu: QMenu) -> None:
        menu.addActions([self.concepts_action, self.tutorial_action])
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show_about(self) -> None:
        QMessageBox.about(self._window, self.tr("About {app}").format(app=APP_NAME),
                          f"<h3>{APP_NAME}</h3>" + self.tr(
                              "<p>Build a neural network by clicking, train it live with real PyTorch, and watch it "
                              "learn.</p><p>Made for learners of beginner PyTorch courses: MLPs on MNIST, "
                              "activations, losses, optimizers, CNNs and RNNs.</p>"))

    def show_concepts(self, key: str = "") -> None:
        """Help → Concepts: one panel per window, not modal, opened at `key` when given."""
        from playground.ui.help_panel import HelpPanel

        if self.help_panel is None or not shiboken6.isValid(self.help_panel):
            self.help_panel = HelpPanel(self._window)
        if key:
            self.help_panel.show_concept(key)
        self.help_panel.show()
        self.help_panel.raise_()
        self.help_panel.activateWindow()

    def show_concepts_in_context(self) -> None:
        """F1: the concept of the widget under the mouse (or the focused one), else the panel as it was."""
        from playground.ui.help_panel import concept_in_context

        self.show_concepts(concept_in_context())

    def show_tutorial(self) -> None:
        """Help → Tutorial, docked under the Training panel: beside the work, never over it."""
        from PySide6.QtWidgets import QDockWidget

        from playground.ui.tutorial import TutorialPanel

        window = self._window
        if self.tutorial_panel is None or not shiboken6.isValid(self.tutorial_panel):
            self.tutorial_panel = TutorialPanel(window)
            self.tutorial_dock = QDockWidget(self.tr("Tutorial"), window)
            self.tutorial_dock.setObjectName("tutorialDock")
            self.tutorial_dock.setWidget(self.tutorial_panel)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tutorial_dock)
            window.splitDockWidget(self._dock_below, self.tutorial_dock, Qt.Orientation.Vertical)
        self.tutorial_dock.show()
        self.tutorial_dock.raise_()

    def build_language_menu(self, parent_menu: QMenu) -> None:
        """View → Language: the system's, or one of the translations; applied at the next start."""
        from playground.ui.i18n import LANGUAGES, SYSTEM, chosen_language

        self.language_menu = parent_menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        chosen = chosen_language()
        for code, label in [(SYSTEM, self.tr("System language")), *LANGUAGES.items()]:
            action = self.language_menu.addAction(label)  # language names in their own language
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _c=False, c=code: self.choose_language(c))
            group.addAction(action)

    def choose_language(self, code: str, tell: bool = True) -> None:
        """Remember the language (View → Language); the window shows it from the next start on."""
        from playground.ui.i18n import chosen_language, set_chosen_language

        if code == chosen_language():
            return
        set_chosen_language(code)
        if tell:
            QMessageBox.information(self._window, self.tr("Language"),
                                    self.tr("The new language is used the next time NN Playground starts."))
