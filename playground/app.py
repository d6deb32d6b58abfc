"""Qt application entry: `create_window` for tests, `run_app` for the `playground` command."""

from __future__ import annotations

import sys

from playground.core.experiment import Experiment


def create_window(experiment: Experiment | None = None):
    """The main window with every view installed; the seed-mlp preset when no experiment is given."""
    from PySide6.QtWidgets import QApplication

    from playground.ui.qt_compat import protect_none

    protect_none()
    app = QApplication.instance()
    if app is not None and not app.organizationName():
        app.setOrganizationName("NN Playground")
        app.setApplicationName("NN Playground")

    from playground.ui.i18n import ensure_translators

    ensure_translators()  # before any widget: texts are translated when they are set
    from playground.ui.main_window import MainWindow

    window = MainWindow(experiment)
    install_views(window)
    return window


def install_views(window) -> None:
    """Add the Draw, 2-D playground and insight tabs to `window` and wire them to its document, its run,
    its trained model and each other.

    None of them imports PyTorch while being built: the window still appears at once, and the canvas
    loads its bundled model once the engine is ready.
    """
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from playground.ui.digit_panel import STOPPED_LABEL, TRAINED_LABEL, DigitPanel
    from playground.ui.engine_loader import engine_loaded
    from playground.ui.insight import install_insight_views
    from playground.ui.playground2d import install_playground2d

    digit = DigitPanel(load_bundled=False)
    window.add_view(digit, QCoreApplication.translate("DigitPanel", "Draw"))
    window.digit_panel = digit
    window.playground2d = panel = install_playground2d(window.document, window.run, window.add_view)
    panel.trainRequested.connect(lambda: window.start_training())
    window.insight_views = views = install_insight_views(window.document, window.run, window.models,
                                                         window.add_view)

    def model_changed(loaded) -> None:
        if loaded is None:  # File → New: the canvas goes back to the model that ships with the app
            digit.forget_own_model()
            return
        path = getattr(loaded, "path", None)
        digit.set_model(loaded, QCoreApplication.translate("DigitPanel", "File: {name}").format(name=Path(path).name)
                        if path else STOPPED_LABEL if window.models.model_kind == "stopped" else TRAINED_LABEL)

    def show_on_canvas(pixels) -> None:
        window.show_view(digit)
        digit.show_pixels(pixels)

    window.models.trainedModelChanged.connect(model_changed)
    views.evaluation.imageChosen.connect(show_on_canvas)
    digit.modelInputChanged.connect(views.layers.show_activations_for)
    window.files.attach_runs(views.runs)

    def clear_results() -> None:  # File → New, Open, a preset: no view shows the old experiment's run
        views.evaluation.clear(window.document.experiment)
        views.layers.clear()
        views.step.clear()
        panel.output.clear()

    window.document.replaced.connect(clear_results)
    if engine_loaded():
        digit.load_bundled_model()
    else:
        window.engineReady.connect(lambda _devices: digit.model is None and digit.load_bundled_model())


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from playground.ui.qt_compat import protect_none

    protect_none()
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("NN Playground")
    app.setOrganizationName("NN Playground")
    window = create_window()
    window.show()
    return app.exec()
