"""Qt application entry: `create_window` for tests, `run_app` for the `playground` command."""

from __future__ import annotations

import sys


def create_window(experiment=None):
    from playground.ui.main_window import MainWindow

    return MainWindow(experiment)


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("NN Playground")
    app.setOrganizationName("NN Playground")
    window = create_window()
    window.show()
    return app.exec()
