"""Marks the core's user-facing texts for translation without importing Qt.

The catalog's summaries, the concepts' explanations and the dataset labels are English data in
the core. `pyside6-lupdate` collects every literal passed to a function *named*
`QT_TRANSLATE_NOOP` (it matches the name, not where it comes from), so this plain function is
enough to put them in `resources/i18n/*.ts`. The UI translates them where it shows them, with
`QCoreApplication.translate(context, text)`, see `playground.ui.i18n`. The command line keeps
English: it never translates.

Pass literals only (no f-strings, no variables): lupdate reads the source text, not the value.
"""

from __future__ import annotations

CATALOG = "Catalog"  # layers, losses, optimizers, schedulers: names → summaries, formulas, settings
CONCEPTS = "Concepts"  # the Help panel's explanations
DATA = "Data"  # dataset labels, preset descriptions, hints from data and inference


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Return `text` unchanged; lupdate files it under `context`."""
    return text
