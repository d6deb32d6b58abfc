"""“Show PyTorch code”: the script shown read-only in a monospace view, copied, saved."""

from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QPlainTextEdit, QPushButton

from playground.core.codegen import experiment_to_script
from playground.core.presets import load_preset
from playground.ui.code_dialog import CodeDialog, script_file_name


def make_dialog(qtbot, experiment):
    dialog = CodeDialog(experiment)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_shows_the_exported_script_read_only_in_a_monospace_font(qtbot):
    exp = load_preset("seed-mlp")
    dialog = make_dialog(qtbot, exp)
    view = dialog.findChild(QPlainTextEdit, "codeView")
    assert view.toPlainText() == experiment_to_script(exp)
    assert view.isReadOnly()
    assert QFontInfo(view.font()).fixedPitch()
    assert "Seed MLP" in dialog.windowTitle()


def test_copy_puts_the_whole_script_on_the_clipboard(qtbot):
    exp = load_preset("rnn-rows")
    dialog = make_dialog(qtbot, exp)
    QGuiApplication.clipboard().setText("something else")
    dialog.findChild(QPushButton, "copyCodeButton").click()
    assert QGuiApplication.clipboard().text() == experiment_to_script(exp)
    assert "Copied" in dialog.status.text()


def test_save_writes_the_script_to_the_chosen_file(qtbot, tmp_path, monkeypatch):
    exp = load_preset("spiral")
    dialog = make_dialog(qtbot, exp)
    target = tmp_path / "spiral.py"
    asked = {}

    def fake_dialog(parent, title, suggested, pattern):
        asked["suggested"] = suggested
        return str(target), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    dialog.findChild(QPushButton, "saveCodeButton").click()
    assert asked["suggested"] == "spiral.py"
    assert target.read_text(encoding="utf-8") == experiment_to_script(exp)
    assert [p.name for p in tmp_path.iterdir()] == ["spiral.py"]  # no temporary file left behind


def test_save_into_a_missing_folder_reports_instead_of_raising(qtbot, tmp_path):
    dialog = make_dialog(qtbot, load_preset("spiral"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert not dialog.save_to(blocker / "inside" / "script.py")
    assert "Could not save" in dialog.status.text()


def test_a_network_that_cannot_be_built_says_why_and_disables_copy_and_save(qtbot):
    exp = load_preset("seed-mlp")
    del exp.layers[0]  # Linear straight on the image
    dialog = make_dialog(qtbot, exp)
    assert not dialog.findChild(QPushButton, "copyCodeButton").isEnabled()
    assert not dialog.findChild(QPushButton, "saveCodeButton").isEnabled()
    assert "Flatten" in dialog.findChild(QPlainTextEdit, "codeView").toPlainText()
    assert "Linear #1" in dialog.status.text()


def test_script_file_name_comes_from_the_experiment_name():
    assert script_file_name(load_preset("mlp-bn-dropout")) == "mlp_with_batchnorm_and_dropout.py"


def test_the_torchrun_check_box_shows_the_script_for_several_processes_and_copy_takes_it(qtbot):
    exp = load_preset("seed-mlp")
    dialog = make_dialog(qtbot, exp)
    view = dialog.findChild(QPlainTextEdit, "codeView")
    box = dialog.findChild(QCheckBox, "distributedCheck")
    assert not box.isChecked()
    box.click()
    assert view.toPlainText() == experiment_to_script(exp, distributed=True)
    assert "torchrun --standalone --nproc_per_node=2" in dialog.intro.text()
    dialog.findChild(QPushButton, "copyCodeButton").click()
    assert QGuiApplication.clipboard().text() == experiment_to_script(exp, distributed=True)
    box.click()
    assert view.toPlainText() == experiment_to_script(exp)
