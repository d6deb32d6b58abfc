"""The window's language: Qt translators chosen from the system locale or View → Language.

`install_translators()` runs before any widget is made (playground/app.py): it loads
`resources/i18n/playground_<lang>.qm` and, when Qt ships one, Qt's own `qtbase_<lang>.qm` (the
texts of standard dialogs and buttons). English is the source language and needs no file.
Changing the language in the menu is remembered in QSettings and applies at the next start.

Texts from the Qt-free core (catalog summaries, dataset labels, concepts) are marked there with
`playground.i18n.QT_TRANSLATE_NOOP` and translated here, where they are shown.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from playground.i18n import Message
from playground.resources import resources_dir

LANGUAGES = {"en": "English", "ko": "한국어"}  # each in its own language, as language menus do
SYSTEM = "system"
SETTING_KEY = "language"  # QSettings value: "system" (the default) or a key of LANGUAGES
ENVIRONMENT = "PLAYGROUND_LANGUAGE"  # overrides the setting: tests, screenshots, a quick try

_installed: list[QTranslator] = []  # kept referenced: a collected QTranslator stops translating
_current = "en"
_chosen_once = False


def translations_dir():
    return resources_dir() / "i18n"


def chosen_language() -> str:
    """What the person chose in View → Language: "system", "en" or "ko"."""
    value = str(QSettings().value(SETTING_KEY, SYSTEM))
    return value if value in LANGUAGES or value == SYSTEM else SYSTEM


def set_chosen_language(choice: str) -> None:
    QSettings().setValue(SETTING_KEY, choice)


def resolve_language(choice: str | None = None) -> str:
    """The language to show: the environment variable, else `choice` (default: the saved choice);
    "system" follows the system locale's UI languages, falling back to English."""
    forced = os.environ.get(ENVIRONMENT, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    choice = choice or chosen_language()
    if choice in LANGUAGES:
        return choice
    for name in QLocale.system().uiLanguages():  # "ko-KR", "en-US", ... in order of preference
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translators(language: str | None = None) -> str:
    """Install the translators for `language` (default: `resolve_language()`), replacing any this
    function installed before; returns the language now shown. Call it before making widgets:
    texts already set are not retranslated."""
    global _current, _chosen_once
    app = QCoreApplication.instance()
    if app is None:
        return "en"  # nothing to install into yet
    language = language or resolve_language()
    _chosen_once = True
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    if language == "en":
        return _current
    own = QTranslator()
    if not own.load(f"playground_{language}", str(translations_dir())):
        return _current  # no file for it: English rather than a half-translated window
    qt_base = QTranslator()
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    app.installTranslator(own)
    _installed.append(own)
    _current = language
    return _current


def ensure_translators() -> str:
    """Install the translators once per process (the app's start); later calls keep what is there,
    so a test or script that chose a language with `install_translators` keeps it."""
    return _current if _chosen_once else install_translators()


def current_language() -> str:
    """The language the installed translators show ("en" when none is installed)."""
    return _current


def translate(context: str, text: str) -> str:
    """`text` in the current language; a name or anything not in the catalog comes back unchanged."""
    return QCoreApplication.translate(context, text) if text else text


def catalog_text(text: str) -> str:
    """A catalog summary, label, formula or group name (marked "Catalog" in playground.core.catalog)."""
    return translate("Catalog", text)


def data_text(text: str) -> str:
    """A dataset label, preset name or description, or a hint from data/inference (marked "Data")."""
    return translate("Data", text)


def help_hint() -> str:
    """The line that ends the tooltips of catalog items: F1 opens the Help panel at that item."""
    return QCoreApplication.translate("Help", "F1: more about this in Help → Concepts")


def message_text(text: str) -> str:
    """A message from the core (a `playground.i18n.Message`: shape problems, warnings) in the
    current language, its values translated too; any other text comes back unchanged."""
    if not isinstance(text, Message):
        return text
    values = {key: message_text(value) for key, value in text.values.items()}
    try:
        return translate(text.context, text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English is better
        return str(text)
