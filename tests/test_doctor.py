"""`playground doctor`: one line per requirement, exit 0 when the app can run, 1 with the blocking line."""

from __future__ import annotations

import subprocess

import PySide6
import pytest
import torch
from helpers import DATA_DIR, requires_mnist

from playground import cli, doctor, qt_platform
from playground.data import images

LABELS = ["Python", "torch", "torchvision", "PySide6", "pyqtgraph", "torch threads", "devices", "Qt platform",
          "data folder", "MNIST", "Fashion-MNIST", "Hangul font", "settings"]


def report(capsys, *argv: str) -> tuple[int, dict[str, str], str]:
    code = cli.main(["doctor", *argv])
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert (lines[-1] == "NN Playground can run.") == (code == 0)
    rows = {line[:14].strip(): line[15:] for line in lines if not line.startswith("NN Playground")}
    return code, rows, err


@pytest.fixture
def settings_home(tmp_path, monkeypatch):
    """The settings folder of a fresh user (the real one is never touched)."""
    monkeypatch.setattr(doctor, "settings_folder", lambda: tmp_path / "config" / "NN Playground")
    return tmp_path / "config" / "NN Playground"


def test_an_installation_that_can_run_exits_0_with_one_line_each(capsys, monkeypatch, tmp_path, settings_home):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv(images.DATA_ENV, str(tmp_path / "data"))
    code, rows, err = report(capsys)
    assert code == 0 and err == ""
    assert list(rows) == LABELS
    build = f"CUDA {torch.version.cuda} build" if torch.version.cuda else "CPU-only build (no CUDA)"
    assert rows["torch"] == f"{torch.__version__}, {build}"
    assert rows["PySide6"] == PySide6.__version__ and rows["torch threads"].startswith(f"{torch.get_num_threads()} ")
    assert rows["devices"].startswith("cpu")
    assert rows["Qt platform"] == "offscreen (nothing to check)"
    assert rows["data folder"] == f"{tmp_path / 'data'} (not created yet)"
    assert rows["MNIST"] == ("warning: sample (6,000 training and 1,000 test images built in) — `playground "
                             "download mnist` gets the full set")
    assert rows["Hangul font"] == "not needed (the window is in English)"  # the tests run in English
    assert rows["settings"] == f"{settings_home} (writable)"


@requires_mnist
@pytest.mark.data
def test_the_full_sets_are_counted(capsys, monkeypatch, settings_home):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv(images.DATA_ENV, DATA_DIR)
    code, rows, _ = report(capsys)
    assert code == 0
    assert rows["MNIST"].startswith("full (") and rows["MNIST"].endswith(" training and 10,000 test images)")


def test_a_qt_platform_that_cannot_load_is_the_blocking_line(capsys, monkeypatch, settings_home):
    problem = qt_platform.check_qt_platform({"DISPLAY": ":0"}, "linux", missing=["libxcb-cursor.so.0"])
    monkeypatch.setattr(qt_platform, "check_qt_platform", lambda: problem)
    code, rows, err = report(capsys)
    assert code == 1
    assert rows["Qt platform"] == f"problem: {problem.problem}"
    assert err == f"playground: error: Qt platform: {problem.problem}\n"
    assert "sudo apt install libxcb-cursor0" in err and "sudo dnf install xcb-util-cursor" in err


def test_a_module_that_cannot_be_imported_is_a_problem():
    line = doctor.check_module("no_such_module_for_doctor", "pyqtgraph")
    assert line.level == doctor.PROBLEM
    assert line.text.startswith("cannot be imported (No module named 'no_such_module_for_doctor') — install it")


def test_exit_status_follows_the_problems(capsys):
    lines = [doctor.Line("Python", "3.11"), doctor.Line("MNIST", "sample", doctor.WARNING)]
    assert doctor.run_doctor(lines) == 0
    assert capsys.readouterr().out.endswith("NN Playground can run.\n")
    lines.append(doctor.Line("torch", "cannot be imported (x)", doctor.PROBLEM))
    assert doctor.run_doctor(lines) == 1
    assert capsys.readouterr().err == "playground: error: torch: cannot be imported (x)\n"


def test_a_settings_folder_that_cannot_be_written_is_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    line = doctor.check_settings(blocker / "NN Playground")
    assert line.level == doctor.WARNING and "cannot be written" in line.text and "autosave" in line.text
    assert doctor.check_settings(tmp_path / "ok").text == f"{tmp_path / 'ok'} (writable)"


def fake_fc_list(output: str):
    calls = []

    def run(argv, **kwargs):
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0, output, "")

    return run, calls


def test_the_hangul_font_is_checked_only_for_korean():
    run, calls = fake_fc_list("Noto Sans CJK KR,Noto Sans CJK KR Regular\nNanumGothic\nNoto Sans CJK KR\n")
    line = doctor.check_hangul_font("ko", fc_list="/usr/bin/fc-list", run=run)
    assert (line.level, line.text) == (doctor.OK, "NanumGothic, Noto Sans CJK KR")
    assert calls == [["/usr/bin/fc-list", ":lang=ko", "family"]]
    run, _ = fake_fc_list("")
    line = doctor.check_hangul_font("ko", fc_list="/usr/bin/fc-list", run=run)
    assert line.level == doctor.WARNING and "sudo apt install fonts-noto-cjk" in line.text
    assert doctor.check_hangul_font("ko", fc_list="").text == "unknown (fc-list is not installed)"
    run, calls = fake_fc_list("")
    assert doctor.check_hangul_font("en", run=run).text == "not needed (the window is in English)" and calls == []


def test_the_window_language_is_the_one_the_window_would_pick(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_LANGUAGE", "ko")
    assert doctor.window_language() == "ko"
    monkeypatch.setenv("PLAYGROUND_LANGUAGE", "en")
    assert doctor.window_language() == "en"
