"""Small helpers for writing Python source text: numbers, plurals, strings, aligned comments.

Shared by the code export (`playground.core.codegen`) and the catalog's per-layer code writers
(`playground.core.layer_rules`), so an exported script spells every number the same way.
"""

from __future__ import annotations

import json
from typing import Any


def num(value: float) -> str:
    """A number as Python source: 0.001, 1e-05, 0.5, 10."""
    return repr(float(value)) if isinstance(value, float) else str(value)


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def py_str(value: Any) -> str:
    """A string or list of strings as Python source, in double quotes like the rest of the script."""
    return json.dumps(value, ensure_ascii=False)


def aligned(rows: list[tuple[str, str]], indent: str) -> list[str]:
    """Code lines with their '# comment's lined up."""
    width = max((len(code) for code, comment in rows if comment and not code.startswith("#")), default=0)
    lines = []
    for code, comment in rows:
        if comment and not code.startswith("#"):
            lines.append(f"{indent}{code.ljust(width)}  # {comment}")
        else:
            lines.append(f"{indent}{code}")
    return lines
