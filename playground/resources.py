"""Where the bundled resources live (presets, models, translations, the data sample), for source
and installed runs."""

from __future__ import annotations

import site
import sys
import sysconfig
from pathlib import Path

# A plain `pip install` puts them under the data path of the scheme it installed into (pyproject's
# data-files): the environment's prefix, or the user's base with `pip install --user`.
_INSTALLED = Path("share") / "nn-playground" / "resources"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    prefixes = [Path(sys.prefix), Path(sysconfig.get_path("data"))]
    user_base = getattr(site, "USER_BASE", None)
    if user_base:
        prefixes.append(Path(user_base))
    return [here.parent / "resources", *(prefix / _INSTALLED for prefix in prefixes)]


def resources_dir() -> Path:
    candidates = _candidates()
    for candidate in candidates:
        if (candidate / "presets").is_dir():
            return candidate
    return candidates[0]


def presets_dir() -> Path:
    return resources_dir() / "presets"


def models_dir() -> Path:
    return resources_dir() / "models"
