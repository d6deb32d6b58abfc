"""Your own data: a CSV file with a header row, numeric feature columns and a label or target column.

The rules match the code export (`playground.core.codegen`), so an exported script reads the file
the same way: comma-separated, UTF-8 (a BOM is fine), blank lines skipped, values stripped; class
names are the distinct values of the label column, numbers sorted by value and text after them.

Every bad row is reported with its line number in the file (``line 7: 'abc' in column x2 is not a
number``), all of them at once (up to `MAX_PROBLEMS`), so a person can fix the file in one go.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.data.bundle import DatasetInfo
from playground.files import UnreadableFile, atomic_write_text, read_text_file

MAX_PROBLEMS = 12
TASKS = ("classification", "regression")


class CsvError(ValueError):
    """The file cannot be used; `problems` lists each one (bad rows name their line)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.problems = list(problems or [])
        text = message
        if self.problems:
            shown = self.problems[:MAX_PROBLEMS]
            more = len(self.problems) - len(shown)
            text += "\n" + "\n".join(shown) + (f"\n… and {more} more" if more else "")
        super().__init__(text)


@dataclass
class CsvTable:
    """The raw file: its column names and its data rows, each with its line number in the file."""

    path: str
    columns: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def numeric_columns(self) -> list[str]:
        """Columns whose every value is a finite number (candidates for features)."""
        return [name for i, name in enumerate(self.columns)
                if self.rows and all(_is_number(values[i]) for _, values in self.rows if i < len(values))]


@dataclass
class CsvData:
    features: np.ndarray  # N×k float32
    targets: np.ndarray  # N int64 labels, or N×1 float32 values
    class_names: list[str]  # empty for regression


def read_table(path: str | os.PathLike[str]) -> CsvTable:
    """Read the header and the rows as text; complain about the file, not yet about its values."""
    path = Path(path)
    if not str(path) or str(path) == ".":
        raise CsvError("No CSV file chosen — choose one with Data → Import CSV…")
    try:
        text = read_text_file(path, encoding="utf-8-sig")
    except UnreadableFile as exc:
        if exc.reason == "folder":
            raise CsvError(f"{path} is a folder, not a CSV file") from None
        if exc.reason == "not text":
            raise CsvError(f"{path.name} is not a UTF-8 text file (byte {exc.position} cannot be read) — "
                           "save it as CSV (UTF-8)") from None
        raise CsvError(str(exc)) from None
    if not text.strip():
        raise CsvError(f"{path.name} is empty — it needs a header row and at least one data row")
    reader = csv.reader(text.splitlines())
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    problems: list[str] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue  # blank lines are allowed anywhere
            values = [v.strip() for v in values]
            if header is None:
                header = values
                continue
            if len(values) != len(header):
                problems.append(f"line {line}: {len(values)} value{'s' if len(values) != 1 else ''}, but the "
                                f"header has {len(header)} columns")
                continue
            rows.append((line, values))
    except csv.Error as exc:
        raise CsvError(f"{path.name} is not a readable CSV file (line {reader.line_num}: {exc})") from None
    assert header is not None  # the text is not blank
    _check_header(path.name, header)
    if problems:
        raise CsvError(f"{path.name} has {len(problems)} malformed row{'s' if len(problems) != 1 else ''}:",
                       problems)
    if not rows:
        raise CsvError(f"{path.name} has a header row but no data rows")
    return CsvTable(str(path), header, rows)


def _check_header(name: str, header: list[str]) -> None:
    if any(not column for column in header):
        position = [i + 1 for i, column in enumerate(header) if not column][0]
        raise CsvError(f"{name}: the header row (line 1) has an empty column name at position {position} — "
                       "the first row must name every column")
    if all(_is_number(column) for column in header):
        raise CsvError(f"{name}: the first row holds numbers, not column names — add a header row such as "
                       f"{','.join(f'x{i + 1}' for i in range(len(header) - 1))},label")
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise CsvError(f"{name}: the column name {column!r} appears twice in the header row")
        seen.add(column)


def parse_table(table: CsvTable, features: list[str], target: str, task: str) -> CsvData:
    """Turn the chosen columns into arrays; every non-numeric value is reported with its line."""
    name = Path(table.path).name
    if task not in TASKS:
        raise CsvError(f"unknown task {task!r}; choose classification or regression")
    if not features:
        raise CsvError("choose at least one feature column")
    if not target:
        raise CsvError(f"choose the {'label' if task == 'classification' else 'target'} column")
    for column in [*features, target]:
        if column not in table.columns:
            raise CsvError(f"{name} has no column {column!r}; its columns are: {', '.join(table.columns)}")
    if target in features:
        raise CsvError(f"{target!r} cannot be both a feature and the {'label' if task == 'classification' else 'target'}")
    index = {column: i for i, column in enumerate(table.columns)}
    numeric = [*features, target] if task == "regression" else list(features)
    problems: list[str] = []
    x = np.zeros((len(table.rows), len(features)), dtype=np.float32)
    y_values = np.zeros((len(table.rows), 1), dtype=np.float32)
    labels: list[str] = []
    for r, (line, values) in enumerate(table.rows):
        for column in numeric:
            text = values[index[column]]
            number = _number(text)
            if number is None:
                shown = f"'{text}'" if text else "an empty value"
                what = "is not a number" if text else "(a number is needed)"
                if text and _is_float_text(text):
                    what = "is not a finite number"
                problems.append(f"line {line}: {shown} in column {column} {what}")
                continue
            if column == target:
                y_values[r, 0] = number
            else:
                x[r, features.index(column)] = number
        if task == "classification":
            label = values[index[target]]
            if not label:
                problems.append(f"line {line}: the label column {target} is empty")
            labels.append(label)
    if problems:
        raise CsvError(f"{name}: {len(problems)} value{'s' if len(problems) != 1 else ''} cannot be used:", problems)
    if task == "regression":
        return CsvData(x, y_values, [])
    classes = class_order(set(labels))
    if len(classes) < 2:
        raise CsvError(f"{name}: the label column {target} has only one class ({classes[0]!r}) — "
                       "classification needs at least two")
    lookup = {label: i for i, label in enumerate(classes)}
    return CsvData(x, np.array([lookup[label] for label in labels], dtype=np.int64), classes)


def class_order(labels) -> list[str]:
    """Class names in a stable order: numbers by value, then text alphabetically (as the code export)."""
    return sorted(labels, key=lambda s: (0, float(s), s) if _is_float_text(s) else (1, 0.0, s))


def read_csv(path: str | os.PathLike[str], features: list[str], target: str, task: str) -> CsvData:
    return parse_table(read_table(path), features, target, task)


# ------------------------------------------------------------------ the data registry's entry points

_class_cache: dict[tuple, list[str]] = {}


def peek_classes(spec) -> list[str]:
    """The class names of a CSV classification dataset, cheaply: cached by path, size and modification time.

    Shape inference asks on every click, so this never raises; a file that cannot be read gives [] and
    the run itself reports why.
    """
    if spec.csv_task != "classification" or not spec.csv_path or not spec.csv_target:
        return []
    try:
        stat = os.stat(spec.csv_path)
    except OSError:
        return []
    key = (os.path.abspath(spec.csv_path), stat.st_mtime_ns, stat.st_size, spec.csv_target)
    if key not in _class_cache:
        try:
            table = read_table(spec.csv_path)
        except CsvError:
            return []
        if spec.csv_target not in table.columns:
            return []
        column = table.columns.index(spec.csv_target)
        _class_cache.clear()  # one file at a time is all the app needs
        _class_cache[key] = class_order({values[column] for _, values in table.rows if values[column]})
    return list(_class_cache[key])


def load_for_training(spec):
    """(features N×k float32, targets, DatasetInfo) for the registry; raises CsvError with every problem."""
    data = read_csv(spec.csv_path, list(spec.csv_features), spec.csv_target, spec.csv_task)
    n_in = data.features.shape[1]
    if spec.csv_task == "regression":
        info = DatasetInfo("csv", (n_in,), 0, 1)
    else:
        info = DatasetInfo("csv", (n_in,), len(data.class_names), len(data.class_names), data.class_names)
    return data.features, data.targets, info


def write_csv(path: str | os.PathLike[str], columns: list[str], rows) -> None:
    """Write rows (sequences of numbers or text) under a header: used to export generated data.
    Written whole and renamed into place, so a crash never leaves half a file."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_format(v) for v in row])
    atomic_write_text(path, text.getvalue())


def _format(value) -> str:
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value)


def _is_float_text(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _is_number(text: str) -> bool:
    return _number(text) is not None
