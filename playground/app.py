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

    from playground.ui.engine_loader import engine_loaded
    from playground.ui.main_window import MainWindow

    window = MainWindow(experiment)
    window.insight_views = None
    if engine_loaded():
        _install_views(window)
    else:
        # the insight views ask the data registry about the dataset, which imports PyTorch
        # (playground/data/images.py imports torch at module level); install them once it is loaded
        # so the window still appears at once
        window.engineReady.connect(lambda _devices: _install_views(window))
    return window


def _install_views(window) -> None:
    from playground.ui.insight import install_insight_views

    if window.insight_views is None:
        window.insight_views = install_insight_views(window)


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
