"""Refresh the translation sources and compile them: run after changing any user-visible text.

    python scripts/update_translations.py            # lupdate (.py → .ts), then lrelease (.ts → .qm)
    python scripts/update_translations.py --release  # only compile the .ts files to .qm

pyside6-lupdate collects every `self.tr("…")`, `QCoreApplication.translate("Context", "…")` and
`QT_TRANSLATE_NOOP("Context", "…")` literal under playground/ into resources/i18n/playground_<lang>.ts,
keeping the translations already there; texts that changed come back as unfinished entries. Translate
those (Qt Linguist: `pyside6-linguist resources/i18n/playground_ko.ts`, or any editor), then run this
again so the shipped .qm files match. tests/ui/test_i18n.py fails while an entry is unfinished or a
.qm is older than its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "playground"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ko",)  # English is the source language: it needs no file


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python first, then on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install PySide6) in this environment")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def ts_file(language: str) -> Path:
    return I18N / f"playground_{language}.ts"


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        # no line numbers: every edit elsewhere in a file would otherwise rewrite the .ts
        subprocess.run([tool("pyside6-lupdate"), *source_files(), "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", language,
                        "-ts", str(ts_file(language).relative_to(ROOT))], cwd=ROOT, check=True)


def release() -> None:
    for language in LANGUAGES:
        ts = ts_file(language)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT,
                       check=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files to .qm")
    args = parser.parse_args(argv)
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
