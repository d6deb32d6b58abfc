"""Before Qt starts: a missing X11 library or display is one line naming it and how to install it,
and exit 1 — not Qt's abort. The check is given fake library lists; one test runs the real one."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from playground import cli, qt_platform
from playground.qt_platform import check_qt_platform, install_commands, missing_libraries

DESKTOP = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def test_a_missing_library_is_one_line_with_the_install_commands(capsys, monkeypatch):
    """The issue's new user: libxcb-cursor0 missing, and after it two more."""
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(qt_platform, "xcb_plugin", lambda: "libqxcb.so")
    monkeypatch.setattr(qt_platform, "missing_libraries",
                        lambda plugin: ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"])

    def must_not_start(*args, **kwargs):
        raise AssertionError("Qt was started although the check failed")

    monkeypatch.setattr("playground.app.run_app", must_not_start)
    assert cli.main([]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err == ("playground: error: the window cannot open: Qt's xcb platform plugin needs libxcb-cursor.so.0, "
                   "libxcb-icccm.so.4, libxcb-keysyms.so.1, which are not installed — on Debian/Ubuntu: sudo apt "
                   "install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1; on Fedora: sudo dnf install xcb-util-cursor "
                   "xcb-util-wm xcb-util-keysyms (the command line works without them: playground --help)\n")
    assert cli.main(["gui"]) == 1  # the explicit command too
    assert "xcb-util-cursor" in capsys.readouterr().err


def test_with_every_library_the_window_starts(monkeypatch):
    started = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(qt_platform, "xcb_plugin", lambda: "libqxcb.so")
    monkeypatch.setattr(qt_platform, "missing_libraries", lambda plugin: [])
    monkeypatch.setattr("playground.app.run_app", lambda argv: started.append(argv) or 0)
    assert cli.main([]) == 0 and started == [[]]


@pytest.mark.parametrize("environ, system, platform", [
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", "offscreen"),
    ({"QT_QPA_PLATFORM": "wayland", **DESKTOP}, "linux", "wayland"),
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux", "wayland"),
    ({}, "darwin", "native"),
    ({}, "win32", "native"),
])
def test_nothing_is_checked_where_xcb_is_not_used(environ, system, platform):
    status = check_qt_platform(environ, system, missing=["libxcb-cursor.so.0"])
    assert (status.usable, status.checked, status.platform) == (True, False, platform)
    assert status.summary() == f"{platform} (nothing to check)"


@pytest.mark.parametrize("chosen", ["xcb", "xcb:nograb;offscreen", ""])
def test_xcb_chosen_or_by_default_is_checked(chosen):
    status = check_qt_platform({"QT_QPA_PLATFORM": chosen, **DESKTOP}, "linux", missing=["libxcb-icccm.so.4"])
    assert not status.usable and status.missing == ["libxcb-icccm.so.4"]
    assert status.problem.endswith("sudo apt install libxcb-icccm4; on Fedora: sudo dnf install xcb-util-wm "
                                   "(the command line works without them: playground --help)")
    assert "needs libxcb-icccm.so.4, which is not installed" in status.problem
    assert check_qt_platform({"QT_QPA_PLATFORM": chosen, **DESKTOP}, "linux", missing=[]).usable


def test_no_display_is_named():
    status = check_qt_platform({}, "linux", missing=[])
    assert not status.usable
    assert status.problem == ("the window cannot open: there is no display (DISPLAY is not set) — start playground "
                              "from a desktop session, or use the command line: playground --help")


def test_install_commands_name_each_package_once():
    assert install_commands(["libxcb-randr.so.0", "libxcb-shape.so.0", "libfoo.so.3"]) == (
        "on Debian/Ubuntu: sudo apt install libxcb-randr0 libxcb-shape0; on Fedora: sudo dnf install libxcb")
    assert install_commands(["libfoo.so.3"]) == "install the packages that provide them"


LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f03)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f03)
\tlibxcb-icccm.so.4 => not found
"""


def test_ldd_output_gives_the_missing_libraries_once_each(tmp_path):
    calls = []

    def fake_run(argv, **kwargs):
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0, LDD_OUTPUT, "")

    plugin = tmp_path / "libqxcb.so"
    assert missing_libraries(plugin, ldd="/usr/bin/ldd", run=fake_run) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    assert calls == [["/usr/bin/ldd", str(plugin)]]


def test_without_ldd_the_known_libraries_are_loaded_one_by_one(tmp_path):
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}

    def load(name):
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")

    def broken_ldd(argv, **kwargs):
        raise OSError("ldd cannot run")

    assert missing_libraries(tmp_path / "libqxcb.so", ldd="", load=load) == ["libxcb-cursor.so.0",
                                                                             "libxkbcommon-x11.so.0"]
    assert missing_libraries(tmp_path / "libqxcb.so", ldd="/usr/bin/ldd", run=broken_ldd, load=load) == [
        "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]


@pytest.mark.skipif(not sys.platform.startswith("linux") or qt_platform.xcb_plugin() is None,
                    reason="needs Linux and PySide6's xcb plugin")
def test_the_real_check_agrees_with_the_dynamic_loader():
    missing = missing_libraries(qt_platform.xcb_plugin())
    for name in missing:  # what ldd calls missing cannot be loaded
        with pytest.raises(OSError):
            ctypes.CDLL(name)
    status = check_qt_platform({"DISPLAY": ":0"}, "linux")
    assert status.usable == (missing == []) and status.missing == missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_the_installed_command_without_a_display_says_why_before_importing_qt():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    code = ("import sys; from playground.cli import main; rc = main([]); "
            "assert not any(m.startswith('PySide6.') for m in sys.modules), 'Qt was imported'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("playground: error: the window cannot open: ")
