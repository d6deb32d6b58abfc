"""Korean and English: complete translation files, a Korean window with no English left in it, and
the Help panel's explanations and formulas for every catalog item in both languages."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from playground.core import catalog
from playground.core.concepts import all_concepts
from playground.core.presets import PRESET_TEXTS, preset_paths
from playground.resources import resources_dir

I18N = resources_dir() / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

# Names that stay as they are in every language: blocks, optimizers, schedules, datasets, products, units.
NAMES = {
    *catalog.LAYERS, *(o.label for o in catalog.OPTIMIZERS.values()),
    *(s.label for s in catalog.SCHEDULERS.values() if s.name != "none"),
    "Smooth", "Huber", "MNIST", "Fashion", "XOR", "PyTorch", "NN", "Playground", "Nesterov", "CSV", "PNG", "JPEG",
    "CUDA", "MPS", "CPU", "cpu", "GPU", "NVIDIA", "Apple", "Metal", "MLP", "CNN", "RNN", "ResNet", "TensorFlow", "Swish", "NLL",
    "MSE", "BatchNorm", "LayerNorm", "NaN", "Ctrl", "Esc", "Shift", "Del", "Alt", "lr", "px", "max", "min", "log",
    "tanh", "exp", "sin", "cos", "mean", "Bernoulli", "eval", "model", "loss", "backward", "zero_grad", "step",
    "optimizer", "loss_fn", "output", "BERT", "GPT", "onnx", "ONNX", "TorchScript", "json", "pt", "py",
    "SVG", "English",  # the language menu names each language in itself
}


def _english_words(text: str) -> list[str]:
    """Latin words of 3+ letters that are not names (a formula's x, W, b are fine)."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]{2,}", text)
    return [w for w in words if w not in NAMES]


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "").strip()


# ---------------------------------------------------------------------------- the files


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message.find("translation")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translation_files_have_no_unfinished_entries(ts):
    unfinished = [(ctx, src) for ctx, src, tr in _messages(ts)
                  if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]
    assert not unfinished, f"{len(unfinished)} untranslated in {ts.name}, e.g. {unfinished[:5]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_every_placeholder(ts):
    wrong = [(src, tr.text) for _ctx, src, tr in _messages(ts)
             if tr.text and sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text))]
    assert not wrong, wrong[:5]


def test_korean_translation_exists_and_is_korean():
    ts = I18N / "playground_ko.ts"
    assert ts.exists() and (I18N / "playground_ko.qm").exists()
    messages = list(_messages(ts))
    assert len(messages) > 400
    worded = [(src, tr.text) for _c, src, tr in messages if len(_english_words(src)) >= 3]
    assert all(HANGUL.search(text) for _src, text in worded), [w for w in worded if not HANGUL.search(w[1])][:5]


def test_compiled_files_are_up_to_date(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if not lrelease:
        pytest.skip("pyside6-lrelease is not installed")
    for ts in TS_FILES:
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
        shipped = ts.with_suffix(".qm")
        assert shipped.exists() and shipped.read_bytes() == fresh.read_bytes(), \
            f"{shipped.name} is older than {ts.name}: run python scripts/update_translations.py"


def test_preset_texts_are_marked_for_translation():
    for path in preset_paths().values():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["name"] in PRESET_TEXTS and data["description"] in PRESET_TEXTS, path.name


# ---------------------------------------------------------------------------- translating


@pytest.fixture
def language(qapp):
    """Install a language's translators for one test; English again afterwards."""
    from playground.ui.i18n import install_translators

    yield lambda code: install_translators(code)
    install_translators("en")


def test_translators_follow_the_choice_and_fall_back_to_english(language, monkeypatch):
    from playground.ui import i18n

    assert language("ko") == "ko" and i18n.catalog_text("Cross-entropy") == "교차 엔트로피"
    assert i18n.catalog_text("ReLU") == "ReLU"  # a name: not in the catalog, unchanged
    assert language("en") == "en" and i18n.catalog_text("Cross-entropy") == "Cross-entropy"
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    i18n.set_chosen_language("ko")
    assert i18n.resolve_language() == "ko"
    i18n.set_chosen_language("system")
    assert i18n.resolve_language() in i18n.LANGUAGES
    monkeypatch.setenv(i18n.ENVIRONMENT, "ko")
    assert i18n.resolve_language("en") == "ko"


def _catalog_keys() -> list[str]:
    return ([f"layer:{n}" for n in catalog.LAYERS] + [f"loss:{n}" for n in catalog.LOSSES]
            + [f"optimizer:{n}" for n in catalog.OPTIMIZERS] + [f"scheduler:{n}" for n in catalog.SCHEDULERS])


@pytest.mark.parametrize("code", ["en", "ko"])
def test_help_panel_explains_every_catalog_item_with_its_formula(qtbot, language, code):
    from playground.ui.help_panel import HelpPanel
    from playground.ui.i18n import translate

    language(code)
    panel = HelpPanel()
    qtbot.addWidget(panel)
    concepts = {c.key: c for c in all_concepts()}
    for key in _catalog_keys():
        assert panel.show_concept(key), key
        concept = concepts[key]
        text = panel.html_for(key)
        assert concept.formulas and all(f for _c, f in concept.formulas), key
        for context, formula in concept.formulas:
            assert html.escape(translate(context, formula)) in text, (key, formula)
        explanation = translate("Concepts", concept.explanation)
        assert html.escape(explanation.split("\n\n")[0]) in text, key
        if code == "ko":
            assert explanation != concept.explanation and HANGUL.search(explanation), key
            assert HANGUL.search(_plain(text)), key
    assert panel.current_key() == _catalog_keys()[-1]
    assert "idea:backprop" in panel.items and "idea:overfitting" in panel.items


def test_help_panel_search_finds_concepts_in_either_language(qtbot, language):
    from playground.ui.help_panel import HelpPanel

    language("ko")
    panel = HelpPanel()
    qtbot.addWidget(panel)
    panel.search.setText("과적합")
    shown = {key for key, item in panel.items.items() if not item.isHidden()}
    assert "idea:overfitting" in shown and "layer:Dropout" in shown and "layer:Linear" not in shown
    panel.search.setText("learning rate")  # the English words still find it
    assert not panel.items["idea:learning-rate"].isHidden()


# ---------------------------------------------------------------------------- the Korean window


def _plot_texts(widget) -> list[str]:
    import pyqtgraph as pg

    texts = []
    for plot in widget.findChildren(pg.PlotWidget):
        item = plot.getPlotItem()
        texts.append(item.titleLabel.text)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            if axis.isVisible():
                texts.append(axis.labelText)
    return texts


def _menu_texts(menu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isSeparator() or menu.objectName() == "recentMenu":  # file names
            continue
        texts.append(action.text().replace("&", ""))
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def window_texts(window) -> dict[str, str]:
    """Every text a person can read in the window (shown now, or a click away), by where it is."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QProgressBar,
        QTableWidget,
        QTabWidget,
        QTreeWidget,
    )

    found: dict[str, str] = {}

    def add(where: str, text: str | None) -> None:
        text = _plain(text or "")
        if text:
            found.setdefault(text, where)

    for menu_action in window.menuBar().actions():
        add("menu", menu_action.text().replace("&", ""))
        for text in _menu_texts(menu_action.menu()):
            add(f"menu {menu_action.text()}", text)
    for widget in window.findChildren(QLabel):
        add(f"label {widget.objectName()}", widget.text())
    for widget in window.findChildren(QAbstractButton):
        add(f"button {widget.objectName()}", widget.text())
    for widget in window.findChildren(QGroupBox):
        add("group box", widget.title())
    for widget in window.findChildren(QDockWidget):
        add("dock", widget.windowTitle())
    for widget in window.findChildren(QTabWidget):
        for i in range(widget.count()):
            add(f"tab of {widget.objectName()}", widget.tabText(i))
    for widget in window.findChildren(QComboBox):
        for i in range(widget.count()):
            add(f"combo {widget.objectName()}", widget.itemText(i))
    for widget in window.findChildren(QTreeWidget):
        header = widget.headerItem()
        for i in range(header.columnCount()):
            add("tree header", header.text(i))
    for widget in window.findChildren(QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            add("table header", item.text() if item else "")
    for widget in window.findChildren(QLineEdit):
        add("placeholder", widget.placeholderText())
    for widget in window.findChildren(QProgressBar):
        add("progress", widget.format())
    for text in _plot_texts(window):
        add("plot", text)
    for name, block in window.palette.blocks.items():
        add(f"tooltip of palette block {name}", block.toolTip())
    return found


def _open_window(qtbot):
    from playground.app import create_window

    window = create_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.document.report is not None and getattr(window, "insight_views", None) is not None,
                    timeout=60000)
    return window


def _close(window) -> None:
    window.document.undo_stack.setClean()
    window.close()


def test_the_korean_window_shows_no_english_text(qtbot, language):
    language("en")
    english_window = _open_window(qtbot)
    english = window_texts(english_window)
    _close(english_window)

    language("ko")
    window = _open_window(qtbot)
    korean = window_texts(window)
    _close(window)

    untranslated = {text: where for text, where in korean.items() if text in english and _english_words(text)}
    assert not untranslated, f"shown in English: {untranslated}"
    english_left = {text: where for text, where in korean.items() if _english_words(text)}
    assert not english_left, f"English words in the Korean window: {english_left}"
    assert sum(bool(HANGUL.search(text)) for text in korean) > 100
    tips = [window.palette.blocks[name].toolTip() for name in catalog.LAYERS]
    assert all(HANGUL.search(tip) and "F1" in tip for tip in tips)


# ---------------------------------------------------------------------------- the tutorial


def test_tutorial_follows_the_window_from_an_empty_network_to_a_drawn_digit(qtbot):
    from playground.app import create_window
    from playground.core.presets import load_preset
    from playground.training.trainer import EndEvent
    from playground.ui.digit_panel import DigitPanel
    from playground.ui.tutorial import BUILD, DONE, DRAW, EMPTY, TRAIN, TutorialPanel

    window = create_window()
    qtbot.addWidget(window)
    tutorial = TutorialPanel(window)
    qtbot.addWidget(tutorial)
    assert tutorial.step == EMPTY and tutorial.action_button.isVisibleTo(tutorial)
    tutorial.action_button.click()  # empties the network: one undoable edit
    assert window.document.experiment.layers == [] and tutorial.step == BUILD
    assert "Flatten" in tutorial.hint.text()
    window.palette.blocks["Flatten"].click()
    window.palette.blocks["Linear"].click()
    assert tutorial.step == BUILD and "Units to 128" in tutorial.hint.text()
    window.document.apply_edit("Seed MLP", load_preset("seed-mlp"))
    assert tutorial.step == TRAIN
    window.run.runFinished.emit(EndEvent("stopped"), None)
    assert tutorial.step == TRAIN and "stopped" in tutorial.hint.text()
    window.run.runFinished.emit(EndEvent("completed"), None)
    assert tutorial.step == DRAW
    tutorial.action_button.click()
    panel = window.findChild(DigitPanel)
    assert window.current_view() is panel
    panel.predictionChanged.emit(None)
    assert tutorial.step == DRAW
    panel.predictionChanged.emit(object())  # an old drawing read again: not what the step asks for
    assert tutorial.step == DRAW
    panel.canvas.strokeFinished.emit()  # a stroke drawn by the learner, then its prediction
    panel.predictionChanged.emit(object())
    assert tutorial.step == DONE and not tutorial.skip_button.isVisibleTo(tutorial)
    window.document.undo_stack.undo()
    _close(window)


def test_tutorial_steps_can_be_skipped(qtbot):
    from playground.app import create_window
    from playground.ui.tutorial import BUILD, DONE, TRAIN, TutorialPanel

    window = create_window()
    qtbot.addWidget(window)
    tutorial = TutorialPanel(window)
    qtbot.addWidget(tutorial)
    tutorial.skip_button.click()
    assert tutorial.step == TRAIN  # the window already holds the seed MLP: building is done
    for _ in range(3):
        tutorial.skip_button.click()
    assert tutorial.step == DONE and BUILD < DONE
    _close(window)


# ---------------------------------------------------------------------------- the window's help and language


def test_f1_opens_the_concepts_at_the_block_under_the_mouse(qtbot, monkeypatch):
    from playground.app import create_window
    from playground.ui import help_panel

    window = create_window()
    qtbot.addWidget(window)
    block = window.palette.blocks["ReLU"]
    assert help_panel.concept_of(block) == "layer:ReLU" and "F1" in block.toolTip()
    monkeypatch.setattr(help_panel.QApplication, "widgetAt", lambda _pos: block)
    window.help.concepts_action.trigger()
    assert window.help.help_panel.isVisible() and window.help.help_panel.current_key() == "layer:ReLU"
    assert "max(0, x)" in window.help.help_panel.view.toPlainText()
    # over the loss box (no block under the mouse): the chosen loss
    monkeypatch.setattr(help_panel.QApplication, "widgetAt", lambda _pos: window.training_panel.loss)
    window.help.concepts_action.trigger()
    assert window.help.help_panel.current_key() == "loss:cross_entropy"
    window.network_view.select_row(1)
    assert help_panel.concept_of(window.network_view.list) == "layer:Linear"
    assert help_panel.concept_of(window.layer_editor) == "layer:Linear"
    _close(window)


def test_the_language_menu_remembers_the_choice_for_the_next_start(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from playground.app import create_window
    from playground.ui import i18n

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window = create_window()
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.help.language_menu.actions()}
    assert set(actions) == {"language_system", "language_en", "language_ko"}
    assert actions["language_system"].isChecked() and actions["language_ko"].text() == "한국어"
    actions["language_ko"].trigger()
    assert i18n.chosen_language() == "ko" and actions["language_ko"].isChecked()
    assert len(told) == 1 and "next time" in told[0]
    assert i18n.current_language() == "en"  # this window stays as it is
    monkeypatch.delenv(i18n.ENVIRONMENT)
    assert i18n.resolve_language() == "ko"  # the next start
    _close(window)
