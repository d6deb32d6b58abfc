"""A plain `pip install` (not editable) ships every resource the app reads at run time: presets, the
bundled model, the translations and the built-in data sample."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLED = "share/nn-playground/resources"


def runtime_resources() -> list[str]:
    """Every file under resources/ the app may read (the .ts sources are for translators only)."""
    return sorted(str(p.relative_to(ROOT / "resources")) for p in (ROOT / "resources").rglob("*")
                  if p.is_file() and p.suffix != ".ts")


def test_the_wheel_holds_every_resource(tmp_path):
    pytest.importorskip("setuptools")
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("playground", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(tmp_path / "dist"), str(source)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(name.split(f"{INSTALLED}/", 1)[1] for name in names if f".data/data/{INSTALLED}/" in name)
    assert shipped == runtime_resources()
    assert "data/MNIST/train-images-idx3-ubyte.gz" in shipped and "presets/seed-mlp.json" in shipped
