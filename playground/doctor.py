"""`playground doctor`: one line for each thing the app needs, and whether the app can run.

Python, torch (CUDA build or not), torchvision, PySide6, pyqtgraph, torch threads, devices, the Qt
platform plugin (the check `playground` runs before Qt starts), the data folder and which datasets
it holds, a Hangul font when the window speaks Korean, and whether the settings folder can be
written. A line that stops the app from running is a *problem* and makes the exit code 1; one that
only limits it (no full dataset, no Hangul font) is a *warning*.

It imports PySide6's QtCore and QtWidgets (not the platform plugin, so it runs without a display):
that is part of what it checks, and it is how it finds the settings and the language the window uses.
"""

from __future__ import annotations

import gzip
import importlib
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OK, WARNING, PROBLEM = "ok", "warning", "problem"
APP = "NN Playground"  # the organization and application names the window's QSettings use
MIN_PYTHON = (3, 10)


@dataclass
class Line:
    label: str
    text: str
    level: str = OK

    def render(self, width: int = 14) -> str:
        prefix = "" if self.level == OK else f"{self.level}: "
        return f"{self.label.ljust(width)} {prefix}{self.text}"


def _reinstall_hint(package: str) -> str:
    return f"install it with pip (pip install -e . in NN Playground's folder installs {package} too)"


def check_python() -> Line:
    version = platform.python_version()
    if sys.version_info[:2] < MIN_PYTHON:
        return Line("Python", f"{version} is too old: NN Playground needs Python "
                              f"{'.'.join(map(str, MIN_PYTHON))} or newer", PROBLEM)
    return Line("Python", f"{version} ({sys.executable})")


def _imported(module: str, label: str) -> tuple[object | None, Line | None]:
    try:
        return importlib.import_module(module), None
    except Exception as exc:  # ImportError, or OSError from a missing shared library
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, Line(label, f"cannot be imported ({first}) — {_reinstall_hint(label)}", PROBLEM)


def check_torch() -> list[Line]:
    torch, failed = _imported("torch", "torch")
    if failed:
        return [failed]
    cuda = torch.version.cuda
    build = f"CUDA {cuda} build" if cuda else "CPU-only build (no CUDA)"
    return [Line("torch", f"{torch.__version__}, {build}")]


def check_torch_runtime() -> list[Line]:
    """Threads and devices (after the version lines, when torch imports)."""
    import torch

    from playground.core.build import available_devices

    lines = [Line("torch threads", f"{torch.get_num_threads()} (of {os.cpu_count() or '?'} CPU cores)")]
    devices = [d for d in available_devices() if d != "auto"]
    text = ", ".join(f"cuda ({torch.cuda.get_device_name(0)})" if d == "cuda" else d for d in devices)
    if torch.version.cuda and "cuda" not in devices:
        text += " (a CUDA build, but no CUDA GPU is usable here)"
    lines.append(Line("devices", text))
    return lines


def check_module(module: str, label: str) -> Line:
    loaded, failed = _imported(module, label)
    if failed:
        return failed
    return Line(label, str(getattr(loaded, "__version__", "installed")))


def check_pyside() -> Line:
    pyside, failed = _imported("PySide6", "PySide6")
    if failed:
        return failed
    _, widgets_failed = _imported("PySide6.QtWidgets", "PySide6")  # loads Qt's own libraries, not the plugin
    if widgets_failed:
        return widgets_failed
    return Line("PySide6", pyside.__version__)


def check_qt_platform() -> Line:
    from playground.qt_platform import check_qt_platform as check

    status = check()
    return Line("Qt platform", status.summary(), OK if status.usable else PROBLEM)


def _writable(folder: Path) -> str | None:
    """None when a file can be created in `folder` (created if missing), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _idx_count(path: Path) -> int | None:
    """The number of items an IDX file's header announces (plain or .gz), None when unreadable."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as handle:
            header = handle.read(8)
        return struct.unpack(">I", header[4:8])[0] if len(header) == 8 else None
    except (OSError, EOFError):
        return None


def check_data(data_dir: str | os.PathLike[str] | None = None) -> list[Line]:
    from playground.data import images, sample

    root = images.resolve_data_dir(data_dir)
    why_not = _writable(root) if root.exists() else None
    where = f"{root} ({'writable' if why_not is None else f'cannot be written: {why_not}'})" if root.exists() \
        else f"{root} (not created yet)"
    lines = [Line("data folder", where, OK if why_not is None else WARNING)]
    for name in images.FOLDERS:
        label = images.folder_name(name).replace("FashionMNIST", "Fashion-MNIST")
        if images.has_local_files(name, root):
            raw = images.raw_folder(name, root)
            counts = []
            for split in ("train", "t10k"):
                plain = raw / f"{split}-labels-idx1-ubyte"
                counts.append(_idx_count(plain if plain.is_file() else plain.with_name(plain.name + ".gz")))
            sizes = " and ".join(f"{n:,} {what}" for n, what in zip(counts, ("training", "test"), strict=True)
                                 if n is not None)
            lines.append(Line(label, f"full ({sizes} images)"))
        elif sample.has_sample(name):
            lines.append(Line(label, f"sample ({sample.SAMPLE_TRAIN:,} training and {sample.SAMPLE_TEST:,} test "
                                     f"images built in) — `playground download {name}` gets the full set",
                              WARNING))
        else:
            lines.append(Line(label, "missing: neither the full set nor the built-in sample — reinstall NN "
                                     f"Playground, or `playground download {name}`", WARNING))
    return lines


def window_language() -> str:
    """The language the window would show: "en" or "ko" (the View → Language setting, else the system's)."""
    try:
        from PySide6.QtCore import QCoreApplication

        from playground.ui.i18n import resolve_language

        QCoreApplication.setOrganizationName(APP)
        QCoreApplication.setApplicationName(APP)
        return resolve_language()
    except ImportError:
        return "en"


def check_hangul_font(language: str, fc_list: str | None = None,
                      run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> Line:
    if language != "ko":
        return Line("Hangul font", "not needed (the window is in English)")
    fc_list = fc_list if fc_list is not None else shutil.which("fc-list")
    if not fc_list:
        return Line("Hangul font", "unknown (fc-list is not installed)")
    try:
        result = run([fc_list, ":lang=ko", "family"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        return Line("Hangul font", f"unknown (fc-list failed: {exc})")
    families = sorted({line.split(",")[0].strip() for line in result.stdout.splitlines() if line.strip()})
    if not families:
        return Line("Hangul font", "none installed: Korean text will show as boxes — on Debian/Ubuntu: sudo apt "
                                   "install fonts-noto-cjk; on Fedora: sudo dnf install google-noto-sans-cjk-fonts",
                    WARNING)
    shown = ", ".join(families[:3]) + (f" and {len(families) - 3} more" if len(families) > 3 else "")
    return Line("Hangul font", shown)


def settings_folder() -> Path:
    """Where the window keeps its settings (and, in that format, its autosave file)."""
    from PySide6.QtCore import QSettings

    return Path(QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP, APP).fileName()).parent


def check_settings(folder: Path | None = None) -> Line:
    try:
        folder = folder or settings_folder()
    except ImportError as exc:
        return Line("settings", f"unknown ({exc})", WARNING)
    why_not = _writable(folder)
    if why_not is not None:
        return Line("settings", f"{folder} cannot be written ({why_not}): the window cannot remember settings or "
                                "autosave unsaved work — make the folder writable", WARNING)
    return Line("settings", f"{folder} (writable)")


def run_checks() -> list[Line]:
    lines = [check_python(), *check_torch(), check_module("torchvision", "torchvision"), check_pyside(),
             check_module("pyqtgraph", "pyqtgraph")]
    if lines[1].level == OK:
        lines += check_torch_runtime()
    lines += [check_qt_platform(), *check_data()]
    pyside_ok = next(line for line in lines if line.label == "PySide6").level == OK
    lines.append(check_hangul_font(window_language() if pyside_ok else "en"))
    lines.append(check_settings() if pyside_ok else Line("settings", "unknown (PySide6 cannot be imported)", WARNING))
    return lines


def run_doctor(lines: list[Line] | None = None) -> int:
    """Print the lines; exit status 1 (and the first problem again on stderr) when the app cannot run."""
    lines = run_checks() if lines is None else lines
    for line in lines:
        print(line.render())
    problems = [line for line in lines if line.level == PROBLEM]
    if problems:
        print(f"playground: error: {problems[0].label}: {problems[0].text}", file=sys.stderr)
        return 1
    print("NN Playground can run.")
    return 0
