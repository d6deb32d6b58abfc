"""The package's import structure: the engine loads without Qt, and no module imports itself round a circle.

Both read the code as it is (a fresh interpreter; the source through `ast`), so a new import anywhere,
at the top of a file or inside a function, is checked the day it is written.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "playground"

# What `playground train` and `playground validate` load, and every engine package: none may need Qt.
ENGINE_IMPORTS = """
import json, sys, tempfile
import playground.core, playground.data, playground.training, playground.inference, playground.cli
import pkgutil, importlib
for package in ("playground.core", "playground.data", "playground.training", "playground.inference"):
    for module in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        importlib.import_module(module.name)
from playground.cli import main
assert main(["validate", "--preset", "seed-mlp"]) == 0
folder = tempfile.mkdtemp()
assert main(["train", "--preset", "spiral", "--epochs", "1", "--json", "--out", folder + "/model.pt"]) == 0
assert main(["export-code", "--preset", "spiral"]) == 0
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print("LOADED " + json.dumps(loaded))
"""


def test_the_engine_and_the_command_line_load_no_qt():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", ENGINE_IMPORTS], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    line = [text for text in result.stdout.splitlines() if text.startswith("LOADED ")][-1]
    loaded = json.loads(line.removeprefix("LOADED "))
    assert loaded == [], f"the engine loaded Qt modules: {', '.join(loaded)}"


# --------------------------------------------------------------------------- the import graph


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _exists(module: str, root: Path) -> bool:
    base = root / Path(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module of the package that `path` imports, anywhere in the file (functions included).

    `from a.b import c` counts as importing the module a.b.c when c is a module, else a.b; relative
    imports are resolved against the file's package. Parent packages that Python runs on the way
    (a/__init__.py for `import a.b`) are not counted: they are not what the file asked for.
    """
    name = module_name(path, root)
    top = name.split(".")[0]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate, root) else base)
    return {module for module in found if module.split(".")[0] == top and _exists(module, root)} - {name}


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    root = package.parent
    return {module_name(path, root): imported_modules(path, root) for path in sorted(package.rglob("*.py"))}


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The modules that import each other round a circle: each strongly connected group of two or more
    modules (Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # iterative: a deep chain must not hit the recursion limit
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(groups)


def _circle_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """One concrete circle inside a strongly connected group: a shortest way from its first module back."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return group  # unreachable for a strongly connected group


def describe_circles(groups: list[list[str]], graph: dict[str, set[str]]) -> str:
    """Each group: one circle through it, then every import that ties its modules together."""
    lines = []
    for group in groups:
        members = set(group)
        lines.append(f"{len(members)} modules in a circle, for example " + " -> ".join(_circle_through(group, graph)))
        lines += [f"    {module} imports {', '.join(sorted(graph[module] & members))}" for module in sorted(members)]
    return "\n".join(lines)


def test_import_circle_finder_reports_each_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"f"}, "f": {"e", "g"}, "g": set()}
    circles = import_circles(graph)
    assert circles == [["a", "b", "c"], ["e", "f"]]
    assert describe_circles(circles, graph).splitlines() == [
        "3 modules in a circle, for example a -> b -> c -> a", "    a imports b", "    b imports c", "    c imports a",
        "2 modules in a circle, for example e -> f -> e", "    e imports f", "    f imports e"]
    assert import_circles({"a": {"b"}, "b": set()}) == []


def test_imports_are_read_inside_functions_and_relative_to_the_package(tmp_path):
    files = {
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\nfrom .sub import c as renamed\n",
        "pkg/b.py": "def late():\n    import pkg.sub.c\n",
        "pkg/sub/__init__.py": "from .c import VALUE\n",
        "pkg/sub/c.py": "from .. import a\nfrom ..b import late\nVALUE = 1\nimport os\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    graph = import_graph(tmp_path / "pkg")
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b", "pkg.sub.c"}, "pkg.b": {"pkg.sub.c"},
                     "pkg.sub": {"pkg.sub.c"}, "pkg.sub.c": {"pkg.a", "pkg.b"}}

    graph = import_graph()
    assert "playground.training.anatomy" in graph["playground.training.trainer"]  # inside Trainer._run
    assert "playground.core.presets" in graph["playground.cli"]  # inside _load_source


def test_no_module_in_playground_imports_itself_round_a_circle():
    graph = import_graph()
    circles = import_circles(graph)
    assert not circles, "import circles in playground/:\n" + describe_circles(circles, graph)


# Which parts of the package each part may import: downwards only (ui → training/inference → core → data,
# and everything may use the small modules at the bottom). The entry points (cli, app, __main__) may use all.
BOTTOM = {"files", "i18n", "resources"}
MAY_IMPORT = {
    "files": set(), "i18n": set(), "resources": set(),
    "data": BOTTOM,
    "core": BOTTOM | {"data"},
    "training": BOTTOM | {"data", "core"},
    "inference": BOTTOM | {"data", "core"},
    "ui": BOTTOM | {"data", "core", "training", "inference"},
}


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_imports_point_one_way_from_the_window_down_to_the_data():
    wrong = sorted(f"{module} imports {target}" for module, targets in import_graph().items()
                   for target in targets
                   if _part(module) in MAY_IMPORT and _part(target) != _part(module)
                   and _part(target) not in MAY_IMPORT[_part(module)])
    assert not wrong, "imports against the layers' direction:\n" + "\n".join(wrong)
