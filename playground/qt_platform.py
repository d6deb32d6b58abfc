"""Can Qt open a window here? Checked before PySide6 is imported, so a missing system library ends
in one line naming it and the command that installs it, instead of Qt's abort.

On Linux, Qt draws through its xcb platform plugin (X11, and XWayland), which links against X11
libraries that minimal installations lack — since Qt 6.5 `libxcb-cursor0` among them. We find
PySide6's `plugins/platforms/libqxcb.so` without importing PySide6 and ask `ldd` which of its
libraries the system cannot resolve; without `ldd`, we try to load the libraries it usually needs
with ctypes. Nothing is checked on other systems, when QT_QPA_PLATFORM picks another plugin
(offscreen, wayland, vnc, …), or in a Wayland session, where Qt tries its wayland plugin first.

No Qt import here: this runs before Qt starts, and `playground doctor` reports the same result.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# soname → (Debian/Ubuntu package, Fedora package). The first rows are the ones a desktop install
# often lacks (the new user needed the first three); the rest come with any X11 desktop.
LIBRARY_PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}
# What the README's Requirements line installs: the libraries a desktop install often lacks
COMMONLY_MISSING = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
                    "libxcb-render-util.so.0", "libxkbcommon-x11.so.0")

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


@dataclass
class PlatformStatus:
    """The outcome: `usable` False means the window cannot open and `problem` says why in one line."""

    usable: bool
    platform: str  # the plugin Qt will use: "xcb", "wayland", "offscreen", … ("native" off Linux)
    checked: bool  # False when there was nothing to check (not Linux, another plugin)
    missing: list[str] = field(default_factory=list)  # sonames the xcb plugin cannot find
    problem: str = ""

    def summary(self) -> str:
        """One line for `playground doctor`."""
        if not self.usable:
            return self.problem
        if not self.checked:
            return f"{self.platform} (nothing to check)"
        return f"{self.platform}: all libraries found"


def install_commands(missing: Sequence[str]) -> str:
    """"Debian/Ubuntu: sudo apt install …; Fedora: sudo dnf install …" for the known libraries."""
    known = [LIBRARY_PACKAGES[name] for name in missing if name in LIBRARY_PACKAGES]
    if not known:
        return "install the packages that provide them"
    debian = " ".join(dict.fromkeys(deb for deb, _ in known))
    fedora = " ".join(dict.fromkeys(fed for _, fed in known))
    return f"on Debian/Ubuntu: sudo apt install {debian}; on Fedora: sudo dnf install {fedora}"


def xcb_plugin() -> Path | None:
    """PySide6's libqxcb.so, found without importing PySide6 (None when PySide6 or the plugin is absent)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path, ldd: str | None = None,
                      run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
                      load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The shared libraries `plugin` needs that the system cannot resolve, in ldd's order.

    `ldd` resolves the plugin's whole dependency tree with its own search paths (Qt's libraries sit
    next to it); without ldd, each library Qt's xcb plugin is known to need is loaded with ctypes.
    """
    ldd = ldd if ldd is not None else shutil.which("ldd")
    if ldd:
        try:
            result = run([ldd, str(plugin)], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            result = None
        if result is not None and result.returncode == 0:
            found = [m.group(1) for line in result.stdout.splitlines() if (m := _NOT_FOUND.match(line))]
            return list(dict.fromkeys(found))
    missing = []
    for name in LIBRARY_PACKAGES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def check_qt_platform(environ: Mapping[str, str] | None = None, system: str | None = None,
                      missing: Sequence[str] | None = None, plugin: Path | None = None) -> PlatformStatus:
    """Whether Qt can open a window with the platform plugin it will pick.

    `missing` replaces the inspection of the system with a given list of absent libraries (tests);
    `plugin` replaces the lookup of libqxcb.so.
    """
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return PlatformStatus(True, "native", checked=False)
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        name = chosen.split(";")[0].split(":")[0].strip()  # "xcb:option=…;wayland" → "xcb"
        if name != "xcb":
            return PlatformStatus(True, name, checked=False)
    elif environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return PlatformStatus(True, "wayland", checked=False)  # Qt tries "wayland;xcb" in a Wayland session
    if missing is None:
        plugin = plugin or xcb_plugin()
        if plugin is None:
            if importlib.util.find_spec("PySide6") is None:
                return PlatformStatus(False, "xcb", checked=True, problem=(
                    "the window cannot open: PySide6 is not installed in this Python environment — install NN "
                    "Playground with pip (pip install -e . in its folder)"))
            return PlatformStatus(True, "xcb", checked=False)  # a PySide6 without the plugin: let Qt say
        missing = missing_libraries(plugin)
    missing = list(missing)
    if missing:
        return PlatformStatus(False, "xcb", checked=True, missing=missing, problem=(
            f"the window cannot open: Qt's xcb platform plugin needs {', '.join(missing)}, which "
            f"{'is' if len(missing) == 1 else 'are'} not installed — {install_commands(missing)} "
            "(the command line works without them: playground --help)"))
    if not environ.get("DISPLAY"):
        return PlatformStatus(False, "xcb", checked=True, problem=(
            "the window cannot open: there is no display (DISPLAY is not set) — start playground from a desktop "
            "session, or use the command line: playground --help"))
    return PlatformStatus(True, "xcb", checked=True)
