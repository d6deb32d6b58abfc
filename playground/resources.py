"""Where the bundled resources live (presets, models, translations), for source and installed runs."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", Path(sys.prefix) / "share" / "nn-playground" / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def presets_dir() -> Path:
    return resources_dir() / "presets"


def models_dir() -> Path:
    return resources_dir() / "models"
