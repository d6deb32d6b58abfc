"""Korean everywhere: with the Korean translator installed, no English word is left in the window.

The walk reads every widget of the window with all its views (labels, buttons, group and dock titles,
tab titles and tips, combo items and their tips, table and tree headers, placeholders, spin boxes'
special texts and suffixes, progress texts, tooltips, status tips, the plots' titles, axes and
legends), every action and menu (text, tooltip, status tip), the Data menu's download dialog, and the
message boxes the window shows for common problems (recorded by tests/ui/conftest.py).

An English word is a run of 3 or more ASCII letters. Numbers and formulas pass; so do the names in
`PROPER_NAMES` (products, datasets, algorithms named after people or by their acronym, units, keys)
and the names of PyTorch's layer classes, which stay code (`nn.Linear`) in the Korean course too.
No ordinary English word is in the allow-list.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from playground.core import catalog
from playground.core.presets import preset_names
from playground.ui.settings import APP_NAME

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*")

# Proper names, acronyms and units only: a word here reads the same in a Korean text.
PROPER_NAMES = {
    "PyTorch", "TorchScript", "ONNX", "MNIST", "CSV", "PNG", "JPEG", "JSON", "CUDA", "MPS", "CPU", "GPU", "NVIDIA",
    "Adam", "AdamW", "SGD", "RMSprop", "Adagrad", "Nesterov", "Huber", "ReLU", "GELU", "SiLU", "ELU",
    "MLP", "CNN", "RNN", "LSTM", "GRU", "MSE", "SSE", "NLL", "BCE", "XOR", "NaN",
    "TensorFlow", "MATLAB", "Bernoulli", "Python", "python", "pip", "onnx", "torchrun", "SimpleCNN",
    "DistributedDataParallel", "ResNet", "SVG",
}
# Formula notation: the functions of the formulas in tooltips and the 2-D playground's feature buttons
MATH = {"log", "exp", "max", "min", "tanh", "sin", "cos", "softmax", "sigmoid"}
# Whole phrases that are names: the app's own, datasets, the language menu's "English" (each language
# is named in itself there).
PROPER_PHRASES = ["TensorFlow Playground", APP_NAME, "Fashion-MNIST", "FashionMNIST", "nn-playground[onnx]", "English"]
# the presets' keys (`--preset seed-mlp`), identifiers listed where a preset is not found
PRESET_KEYS = set(preset_names())
# PyTorch's names: layer classes (nn.Linear, ...) name the palette's blocks and the layers, scheduler
# classes (StepLR, ...) the schedules, and "cpu", "cuda", "mps" are torch's device strings
CODE_NAMES = {*catalog.LAYERS, *(s.label for s in catalog.SCHEDULERS.values() if s.name != "none"), "cpu", "cuda",
              "mps"}


def english_words(text: str) -> list[str]:
    for phrase in PROPER_PHRASES:
        text = text.replace(phrase, " ")
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths
    text = re.sub(r'"[^"]*"|\'[^\']*\'', " ", text)  # quoted names and a file's keys: "dataset", 'no-such-preset'
    text = re.sub(r"[\w-]*(\.[\w-]+)+", " ", text)  # file names, torch.jit.load, host names
    text = re.sub(r"--\w[\w-]*|\b((Ctrl|Shift|Alt)\+)+(\w+|[+−-])|(?<![A-Za-z])(Esc|Del)(?![A-Za-z])", " ",
                  text)  # options, keys
    text = re.sub(r"\b[a-z]+(?=\()", " ", text)  # a function in a formula: mean(...), cos(...)
    text = re.sub(r"\b[a-z]+(_[a-z]+)+\b", " ", text)  # an argument's name in a formula: max_norm
    text = re.sub(r"[A-Za-z0-9-]+", lambda m: " " if m.group(0) in PRESET_KEYS else m.group(0), text)
    words = WORD.findall(text)
    return [w for w in words if sum(c.isalpha() for c in w) >= 3 and w not in PROPER_NAMES and w not in CODE_NAMES
            and w not in MATH and not re.fullmatch(r"[a-z]\d*|[A-Z][a-z]?\d+|\d+[a-z]+", w)]


def plain(text: str | None) -> str:
    text = re.sub(r"<[^>]+>", " ", str(text) if text else "")
    return html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


# ---------------------------------------------------------------------------- reading the window


def widget_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every readable text of `root` and its children (dialogs included)."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QDockWidget,
        QDoubleSpinBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QProgressBar,
        QSpinBox,
        QTableView,
        QTabWidget,
        QTreeView,
        QWidget,
    )

    found: list[tuple[str, str]] = []

    def add(where, text):
        text = plain(text)
        if text:
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}"
        add(f"tooltip of {name}", widget.toolTip())
        add(f"status tip of {name}", widget.statusTip())
        add(f"what's this of {name}", widget.whatsThis())
        if widget.isWindow():
            add(f"title of {name}", widget.windowTitle())
        if isinstance(widget, QLabel):
            add(f"label {name}", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(f"button {name}", widget.text())
        elif isinstance(widget, QGroupBox):
            add(f"group box {name}", widget.title())
        elif isinstance(widget, QDockWidget):
            add(f"dock {name}", widget.windowTitle())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"tab of {name}", widget.tabText(i))
                add(f"tab tip of {name}", widget.tabToolTip(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"item of {name}", widget.itemText(i))
                add(f"item tip of {name}", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(widget, QLineEdit):
            add(f"placeholder of {name}", widget.placeholderText())
        elif isinstance(widget, QProgressBar):
            add(f"progress {name}", widget.text())
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            add(f"special value of {name}", widget.specialValueText())
            add(f"suffix of {name}", widget.suffix())
            add(f"prefix of {name}", widget.prefix())
        elif isinstance(widget, QAbstractSpinBox):
            add(f"spin box {name}", widget.text())
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            for i in range(model.columnCount(QModelIndex())):
                add(f"header of {name}", model.headerData(i, Qt.Orientation.Horizontal,
                                                          Qt.ItemDataRole.DisplayRole))
                add(f"header tip of {name}", model.headerData(i, Qt.Orientation.Horizontal,
                                                              Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, pg.PlotWidget):
            item = widget.getPlotItem()
            add(f"plot title of {name}", item.titleLabel.text)
            for side in ("left", "bottom", "right", "top"):
                axis = item.getAxis(side)
                if axis.isVisible():
                    add(f"{side} axis of {name}", axis.labelText)
            legend = item.legend
            if legend is not None:
                for _sample, label in legend.items:
                    add(f"legend of {name}", label.text)
    return found


def action_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every action of `root` and of its menus: text, tooltip, status tip."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    found: list[tuple[str, str]] = []
    recent = root.findChild(QMenu, "recentMenu")
    file_names = {a for a in recent.actions()} if recent is not None else set()
    actions = set(root.findChildren(QAction))
    for menu in root.findChildren(QMenu):
        actions.update(menu.actions())
        actions.add(menu.menuAction())
    for action in root.menuBar().actions():
        actions.add(action)
    for action in actions:
        if action.isSeparator() or action in file_names:
            continue
        where = f"action {action.objectName() or action.text()}"
        for kind, text in (("text", action.text()), ("tooltip", action.toolTip()), ("status tip", action.statusTip()),
                           ("icon text", action.iconText())):
            text = plain(text)
            if text:
                found.append((f"{kind} of {where}", text))
    return found


def english_in(pairs) -> dict[str, str]:
    return {text: where for where, text in pairs if english_words(text)}


# ---------------------------------------------------------------------------- the test


@pytest.fixture
def korean(qapp):
    from playground.ui.i18n import install_translators

    install_translators("ko")
    yield
    install_translators("en")


@pytest.fixture
def korean_window(qtbot, korean, tmp_path, monkeypatch):
    from playground.app import create_window
    from playground.data import images

    monkeypatch.setenv(images.DATA_ENV, str(tmp_path / "data"))  # the download dialog has something to offer
    window = create_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.document.report is not None and getattr(window, "insight_views", None) is not None,
                    timeout=60000)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def test_the_scan_finds_english_and_passes_names_and_formulas():
    assert english_words("Train the network") == ["Train", "the", "network"]
    assert english_words("학습률 lr") == []  # two letters
    assert english_words("Adam으로 ReLU 다음 Linear(128), 1e-3, x² + b, 60,000개, 28×28, NN Playground") == []
    assert english_words("Fashion-MNIST의 T-shirt 그리고 Trouser") == ["shirt", "Trouser"]
    assert english_words("/tmp/pytest-of-root/model.pt에 저장할 수 없습니다 (seed-mlp, spiral)") == []
    assert "cannot" in english_words("Data folder cannot be made")
    assert english_words("L = mean((ŷ − y)²), −log p_y, torch.jit.load, (Ctrl+Down), python x.py --help") == []
    assert english_words("Esc는 모두 지우고, Ctrl+Shift+Z는 (Del)") == [] and english_words("Escape") == ["Escape"]
    assert english_words('항목: "dataset"\n문제: 없습니다. 예: "dataset": {"name": "mnist"}') == []
    assert english_words("rnn-long과 gru-long: ossci-datasets.s3.amazonaws.com에 연결할 수 없습니다") == []


def test_every_widget_action_and_view_of_the_korean_window_is_korean(qtbot, korean_window):
    window = korean_window
    for index in range(window.view_tabs.count()):  # every tab once, so lazily made widgets exist
        window.view_tabs.setCurrentIndex(index)
        QApplication.processEvents()
    window.data_actions.show_download()
    window.help.show_concepts()
    window.show_code()
    QApplication.processEvents()
    texts = widget_texts(window) + action_texts(window)
    left = english_in(texts)
    assert not left, "English in the Korean window:\n" + "\n".join(f"  {w}: {t!r}" for t, w in sorted(left.items()))
    assert sum(bool(HANGUL.search(text)) for _where, text in texts) > 300


def test_the_sample_banner_and_a_failed_download_are_korean(qtbot, korean_window, message_boxes):
    from playground.core.presets import load_preset

    window = korean_window
    exp = load_preset("seed-mlp")
    exp.epochs, exp.dataset.limit = 1, 500
    window.document.replace(exp)
    with qtbot.waitSignal(window.run.runFinished, timeout=120000):
        assert window.start_training()  # offline, empty data folder: the sample
    assert window.sample_banner.isVisible()
    dialog = window.data_actions.show_download()
    dialog.download_button.click()  # the tests' network refuses every connection
    qtbot.waitUntil(lambda: dialog.status.property("kind") == "error", timeout=30000)
    texts = widget_texts(window) + action_texts(window) + [("box", text) for _kind, _title, text in message_boxes]
    left = english_in(texts)
    assert not left, "English in the Korean window:\n" + "\n".join(f"  {w}: {t!r}" for t, w in sorted(left.items()))
    assert HANGUL.search(dialog.status.text()) and HANGUL.search(window.sample_banner.text.text())


def test_message_boxes_for_common_problems_are_korean(qtbot, korean_window, message_boxes, tmp_path):
    from playground.core.build import build_model
    from playground.core.checkpoint import save_checkpoint
    from playground.core.presets import load_preset

    window = korean_window
    files, models = window.files, window.models
    garbage = tmp_path / "garbage.json"
    garbage.write_text("this is not JSON {")
    files.open_experiment(str(garbage), ask=False)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"name": "x", "layers": [{"type": "Teleport"}], "epochs": -3}')
    files.open_experiment(str(wrong), ask=False)
    files.open_experiment(str(tmp_path / "missing.json"), ask=False)
    files.load_preset("no-such-preset")
    bad_model = tmp_path / "bad.pt"
    bad_model.write_bytes(b"not a checkpoint at all")
    models.load_model(str(bad_model))
    models.load_model(str(tmp_path / "missing.pt"))
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    files.write(str(blocked / "experiment.json"))  # a file where a folder should be

    exp = load_preset("seed-mlp")
    checkpoint = tmp_path / "digits.pt"
    save_checkpoint(checkpoint, build_model(exp), exp, input_shape=(1, 28, 28),
                    class_names=[str(i) for i in range(10)], normalization=(0.1307, 0.3081), metrics={})
    assert models.load_model(str(checkpoint))
    models.save_trained_model(str(blocked / "model.pt"))
    with qtbot.waitSignal(models.modelExported, timeout=60000):
        models.export_trained_model_to("torchscript", str(blocked / "model.pt"))

    assert len(message_boxes) >= 8, message_boxes
    texts = [(f"{kind} box", text) for kind, title, text in message_boxes]
    texts += [(f"{kind} box title", title) for kind, title, text in message_boxes]
    left = english_in(texts)
    assert not left, "English in Korean message boxes:\n" + "\n".join(f"  {w}: {t!r}" for t, w in sorted(left.items()))
    assert all(HANGUL.search(text) for _kind, _title, text in message_boxes)


def test_a_failed_run_and_a_bad_csv_file_are_told_in_korean(qtbot, korean_window, message_boxes, tmp_path):
    from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
    from playground.ui.playground2d.csv_dialog import CsvImportDialog

    window = korean_window
    exp = Experiment(name="csv", dataset=DatasetSpec("csv", csv_path=str(tmp_path / "gone.csv"), csv_features=["x"],
                                                     csv_target="y"),
                     layers=[LayerSpec("Linear", {"units": 2, "bias": True})], epochs=1, device="cpu")
    window.document.replace(exp)
    with qtbot.waitSignal(window.run.runFinished, timeout=60000) as blocker:
        assert window.start_training()
    assert blocker.args[0].status == "failed"
    shown = window.training_panel.message.text()
    assert HANGUL.search(shown) and not english_words(shown), shown

    bad = tmp_path / "points.csv"
    bad.write_text("x1,x2,label\n1,2,a\n3\nfive,6,b\n")
    dialog = CsvImportDialog(window, str(bad))
    qtbot.addWidget(dialog)
    assert HANGUL.search(dialog.errors.toPlainText())
    texts = widget_texts(dialog) + [("box", text) for _kind, _title, text in message_boxes]
    texts += [("CSV problems", line) for line in dialog.errors.toPlainText().splitlines()]
    left = english_in(texts)
    assert not left, "English in Korean:\n" + "\n".join(f"  {w}: {t!r}" for t, w in sorted(left.items()))
