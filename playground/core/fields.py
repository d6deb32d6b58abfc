"""Reading one value of a file the user may have edited by hand, and the error that names it.

Experiment files, project files and each catalog entry's parameters are read with these: every
reader checks one value and raises an `ExperimentError` naming where it is (``layers[2].units``)
and what is wrong with it, never a traceback. No torch and no knowledge of layers here, so the
catalog can use them without importing the experiment.
"""

from __future__ import annotations

import math
from typing import Any

from playground.i18n import QT_TRANSLATE_NOOP, Message


class ExperimentError(ValueError):
    """A problem with an experiment's content, phrased for the user.

    ``field`` is the dotted path of the offending value (``optimizer.lr``); ``problem`` is a `Message`
    (English here, translated where the window shows it) or, from older code, plain text.
    """

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


def problem(template: str, **values: object) -> Message:
    """A problem with a value, for ExperimentError: `problem(QT_TRANSLATE_NOOP("Experiment", "..."), ...)`."""
    return Message("Experiment", template, **values)


TYPE_NAMES = {bool: QT_TRANSLATE_NOOP("Experiment", "true/false"), int: QT_TRANSLATE_NOOP("Experiment", "an integer"),
              float: QT_TRANSLATE_NOOP("Experiment", "a number"), str: QT_TRANSLATE_NOOP("Experiment", "text"),
              list: QT_TRANSLATE_NOOP("Experiment", "a list"), dict: QT_TRANSLATE_NOOP("Experiment", "an object"),
              type(None): "null"}


def type_name(value: Any) -> str:
    """What a JSON value is, in the words of the error messages: 'an integer', 'text', 'null'."""
    name = TYPE_NAMES.get(type(value))
    return problem(name) if name is not None else type(value).__name__


def read_int(value: Any, where: str, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected an integer, got {got}"),
                                             got=type_name(value)))
    if isinstance(value, float):
        if not value.is_integer():
            raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected an integer, got {got}"),
                                                 got=value))
        value = int(value)
    if minimum is not None and value < minimum:
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "must be at least {minimum}, got {got}"),
                                             minimum=minimum, got=value))
    if maximum is not None and value > maximum:
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "must be at most {maximum}, got {got}"),
                                             maximum=maximum, got=value))
    return value


def read_float(value: Any, where: str, minimum: float | None = None, maximum: float | None = None,
               exclusive_min: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected a number, got {got}"),
                                             got=type_name(value)))
    try:
        value = float(value)
    except OverflowError:  # an integer beyond float range, e.g. 1 followed by 400 zeros
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP(
            "Experiment", "must be a finite number, got a number too large to use"))) from None
    if not math.isfinite(value):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "must be a finite number, got {got}"),
                                             got=value))
    if minimum is not None and (value <= minimum if exclusive_min else value < minimum):
        template = (QT_TRANSLATE_NOOP("Experiment", "must be greater than {minimum}, got {got}") if exclusive_min
                    else QT_TRANSLATE_NOOP("Experiment", "must be at least {minimum}, got {got}"))
        raise ExperimentError(where, problem(template, minimum=f"{minimum:g}", got=f"{value:g}"))
    if maximum is not None and value > maximum:
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "must be at most {maximum}, got {got}"),
                                             maximum=f"{maximum:g}", got=f"{value:g}"))
    return value


def read_optional_float(value: Any, where: str, minimum: float | None = None,
                        maximum: float | None = None) -> float | None:
    """A number, or None for null."""
    return None if value is None else read_float(value, where, minimum, maximum)


def read_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected true or false, got {got}"),
                                             got=type_name(value)))
    return value


def read_str(value: Any, where: str, choices: list[str] | None = None) -> str:
    if not isinstance(value, str):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected text, got {got}"),
                                             got=type_name(value)))
    if choices is not None and value not in choices:
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "unknown value {value}; choose one of: "
                                                                             "{choices}"),
                                             value=repr(value), choices=", ".join(choices)))
    return value


def read_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExperimentError(where, problem(QT_TRANSLATE_NOOP("Experiment", "expected an object, got {got}"),
                                             got=type_name(value)))
    return value


def read_list(value: Any, where: str, items: str = "") -> list[Any]:
    """A list (of `items`, as the message calls them: 'layers', 'numbers')."""
    if not isinstance(value, list):
        template = (QT_TRANSLATE_NOOP("Experiment", "expected a list of {items}, got {got}") if items
                    else QT_TRANSLATE_NOOP("Experiment", "expected a list, got {got}"))
        raise ExperimentError(where, problem(template, items=problem(items), got=type_name(value)))
    return value


def read_str_list(value: Any, where: str, choices: list[str] | None = None) -> list[str]:
    return [read_str(item, f"{where}[{i}]", choices) for i, item in enumerate(read_list(value, where))]


def check_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    """Refuse the first unknown key (a typo in a hand-edited file), listing the known ones."""
    unknown = sorted(str(key) for key in set(data) - allowed)  # str: from_dict may get non-text keys
    if unknown:
        prefix = f"{where}." if where else ""
        raise ExperimentError(f"{prefix}{unknown[0]}", problem(QT_TRANSLATE_NOOP(
            "Experiment", "unknown field; known fields are: {fields}"), fields=", ".join(sorted(allowed))))
