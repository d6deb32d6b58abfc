"""Shared test setup: Qt renders offscreen, and QSettings never touches the user's real settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest  # noqa: E402


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
