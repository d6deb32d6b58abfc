"""The engine's messages that the window shows, in Korean: data loading and downloads, CSV files,
checkpoints, image files, and Fashion-MNIST's class names. The engine keeps them English (the
command line, logs); the window translates them where it shows them."""

from __future__ import annotations

import re

import numpy as np
import pytest
from helpers import block_network

from playground.core.checkpoint import CheckpointError, load_checkpoint
from playground.core.experiment import DatasetSpec
from playground.data import images
from playground.data.csv_import import CsvError, parse_table, read_table
from playground.data.registry import dataset_info, load_dataset

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean(qapp):
    from playground.ui.i18n import install_translators

    install_translators("ko")
    yield
    install_translators("en")


def every_line_is_korean(text: str) -> None:
    for line in text.splitlines():
        assert HANGUL.search(line), line


def test_a_bad_csv_file_reads_in_korean_line_by_line(korean, tmp_path, qtbot):
    from playground.ui.i18n import message_text
    from playground.ui.playground2d.csv_dialog import CsvImportDialog

    path = tmp_path / "points.csv"
    path.write_text("x1,x2,label\n1,2,a\n3\n5,6,7,8\n")
    with pytest.raises(CsvError) as info:
        read_table(path)
    assert str(info.value) == ("points.csv has 2 malformed rows:\nline 3: 1 value, but the header has 3 columns\n"
                               "line 4: 4 values, but the header has 3 columns")  # English where it is not shown
    shown = message_text(info.value.args[0])
    assert shown == ("points.csv에 형식이 잘못된 행이 2개 있습니다:\n3행: 값이 1개인데 헤더에는 열이 3개 있습니다\n"
                     "4행: 값이 4개인데 헤더에는 열이 3개 있습니다")
    dialog = CsvImportDialog(None, str(path))
    qtbot.addWidget(dialog)
    assert dialog.errors.toPlainText() == shown


def test_more_problems_than_shown_end_with_a_korean_count(korean, tmp_path):
    from playground.ui.i18n import message_text

    path = tmp_path / "many.csv"
    path.write_text("x,label\n" + "".join(f"n{i},a\n" for i in range(20)) + "1,b\n")
    table = read_table(path)
    with pytest.raises(CsvError) as info:
        parse_table(table, ["x"], "label", "classification")
    shown = message_text(info.value.args[0])
    every_line_is_korean(shown)
    assert shown.splitlines()[0] == "many.csv: 쓸 수 없는 값이 20개 있습니다:"
    assert shown.splitlines()[1] == "2행: x 열의 'n0'은(는) 숫자가 아닙니다"
    assert shown.splitlines()[-1] == "… 그 밖에 8개 더"


def test_a_file_that_is_no_checkpoint_says_so_in_korean(korean, tmp_path, qtbot):
    from playground.inference.digit_reader import ModelProblem, prepare_model
    from playground.ui.i18n import message_text

    path = tmp_path / "notes.pt"
    path.write_text("not a model")
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert message_text(info.value.args[0]) == ("notes.pt은(는) 모델 체크포인트가 아닙니다 (또는 손상되었습니다) — "
                                                "NN Playground로 저장한 .pt 파일을 고르세요")
    problem = prepare_model("file", path=str(path))  # what the canvas shows for a dropped .pt
    assert isinstance(problem, ModelProblem) and message_text(problem.message) == message_text(info.value.args[0])


def test_a_picture_that_cannot_be_read_says_so_in_korean(korean, tmp_path):
    from playground.inference.digit_reader import classify
    from playground.inference.predict import load_bundled_model
    from playground.ui.i18n import message_text

    path = tmp_path / "digit.png"
    path.write_text("not a picture")
    outcome = classify(load_bundled_model(), path=str(path))
    assert message_text(outcome.hint) == f"{path}: 이미지 파일이 아닙니다 (또는 읽을 수 없는 형식입니다)"


def test_data_loading_and_download_problems_read_in_korean(korean, tmp_path, monkeypatch):
    from playground.ui.i18n import message_text

    block_network(monkeypatch)
    images.load_split.cache_clear()
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.1), data_dir=tmp_path)
    assert bundle.source == "sample"
    assert message_text(bundle.fallback_reason) == ("ossci-datasets.s3.amazonaws.com에 연결할 수 없습니다 "
                                                    "([오류 -2] 서버 이름을 찾을 수 없습니다)")
    assert str(bundle.fallback_reason).endswith("([Errno -2] Name or service not known)")  # English stays
    missing = images.missing_message("mnist", tmp_path, bundle.fallback_reason)
    shown = message_text(missing)
    assert shown.startswith(f"MNIST 파일이 {tmp_path / 'MNIST' / 'raw'}에 없고 내려받지도 못했습니다 "
                            "(ossci-datasets.s3.amazonaws.com에 연결할 수 없습니다")
    assert "Connect to the internet" not in shown


def test_fashion_mnist_class_names_are_korean_where_the_window_shows_them(korean, qtbot):
    from playground.ui.i18n import class_names_text
    from playground.ui.insight.confusion_plot import ConfusionMatrixPlot

    names = class_names_text(images.FASHION_CLASSES)
    assert names[0] == "티셔츠/탑" and names[9] == "앵클부츠"
    assert all(HANGUL.search(name) for name in names)
    assert class_names_text(images.DIGIT_CLASSES) == images.DIGIT_CLASSES  # digits stay digits
    assert class_names_text(dataset_info(DatasetSpec("circle")).class_names) == ["주황", "파랑"]  # 2-D data
    assert images.FASHION_CLASSES[0] == "T-shirt/top"  # the engine, checkpoints and the CLI keep English
    plot = ConfusionMatrixPlot()
    qtbot.addWidget(plot)
    plot.set_confusion(np.eye(10, dtype=np.int64), images.FASHION_CLASSES)
    ticks = plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == names
