"""Marks the engine's user-facing texts for translation without importing Qt.

The catalog's summaries, the concepts' explanations and the dataset labels are English data in
the engine (core, data, training, inference); this module sits below all of them. `pyside6-lupdate` collects every literal passed to a function *named*
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


class Message(str):
    """An English message that remembers how it was made, so the UI can show it translated.

    `str(message)` is the English text (the command line, logs and tests read it as before); the
    UI calls `playground.ui.i18n.message_text(message)`, which translates `template` in `context`
    and fills in the values (themselves translated when they are Messages too). Values are
    formatted before they go in: `Message("Shapes", QT_TRANSLATE_NOOP("Shapes", "{n} parameters"),
    n=f"{count:,}")` — the NOOP around the template is what puts it in the .ts file.
    """

    context: str
    template: str
    values: dict[str, str]

    def __new__(cls, context: str, template: str, **values: object) -> Message:
        strings = {key: value if isinstance(value, str) else str(value) for key, value in values.items()}
        self = super().__new__(cls, template.format(**strings))
        self.context, self.template, self.values = context, template, strings
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str, str], dict[str, str]]:  # copy and pickle
        return (self.context, self.template), self.values

    def with_values(self, **values: object) -> Message:
        """The same message with some values replaced (e.g. the layer's name, known only later)."""
        return Message(self.context, self.template, **{**self.values, **values})
