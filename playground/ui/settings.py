"""The app's name and its remembered settings (window layout, recent files, the data folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

APP_NAME = "NN Playground"
ORGANIZATION = "NN Playground"


def settings() -> QSettings:
    # QSettings(organization, application) alone is always the native format and ignores
    # setDefaultFormat(); naming the default format lets the tests' temporary INI folder apply
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APP_NAME)


def last_dir() -> str:
    """Where file dialogs open: the folder of the last file opened or saved, else the home folder."""
    return str(settings().value("lastDir", str(Path.home())))


def data_dir() -> str | None:
    """The folder MNIST and Fashion-MNIST are read from: $PLAYGROUND_DATA_DIR, else Data → Choose data folder."""
    return os.environ.get("PLAYGROUND_DATA_DIR") or settings().value("dataDir", None) or None
