"""Set-up and fixtures for the window's tests: Qt renders offscreen, QSettings never touches the user's
real settings, modal message boxes are recorded instead of waiting forever, and the Draw panel."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402

from playground.ui.qt_compat import protect_none  # noqa: E402

protect_none()  # PySide6 6.12 on Python 3.11 drops a reference to None per void call


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, request):
    """Point QSettings (INI format, user scope) at a fresh temporary folder for every test."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield None
        return
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def message_boxes(request, monkeypatch):
    """A modal QMessageBox would wait forever offscreen: record what it would say instead.

    `question` answers Discard (the window is closing at the end of a test); tests that care about an
    answer patch QMessageBox themselves, which overrides this. The list holds (kind, title, text).
    """
    shown: list[tuple[str, str, str]] = []
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield shown
        return
    from PySide6.QtWidgets import QMessageBox

    def recorder(kind, answer):
        def show(_parent, title, text, *_args, **_kwargs):
            shown.append((kind, title, text))
            return answer
        return show

    button = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "question", recorder("question", button.Discard))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, button.Ok))
    monkeypatch.setattr(QMessageBox, "about", recorder("about", None))
    yield shown


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_main_thread(request):
    """After each Qt test, collect Python garbage here, on the GUI thread.

    Otherwise the cycles holding a closed window's wrappers may be collected later from a training
    thread, and PySide defers deleting their Qt objects to an arbitrary later moment on this thread.
    """
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        import gc

        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        gc.collect()

@pytest.fixture
def panel(qtbot):
    """The Draw tab's panel on its own, shown, with the bundled model loaded (a module may override it)."""
    from playground.ui.digit_panel import DigitPanel

    widget = DigitPanel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model is not None, timeout=60000)
    yield widget
    widget.shutdown()
