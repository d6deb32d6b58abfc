"""Shared test setup: Qt renders offscreen, and QSettings never touches the user's real settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
os.environ["PLAYGROUND_LANGUAGE"] = "en"  # tests find widgets by their English text; test_i18n picks Korean itself

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
