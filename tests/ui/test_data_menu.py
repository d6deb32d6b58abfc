"""First launch without the full datasets: the Data menu (download with progress and Cancel, choose and
show the data folder), the sample banner over the plots and the Images field. No test reaches the network:
downloads fail as offline (tests/conftest.py) or are replaced by a fake that writes small files."""

import threading

import pytest
from helpers import requires_mnist, write_idx
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QMenu

from playground.app import create_window
from playground.core.presets import load_preset
from playground.data import download, images, sample
from playground.i18n import QT_TRANSLATE_NOOP, Message


@pytest.fixture
def empty_data(tmp_path, monkeypatch):
    """An empty data folder: neither full dataset is there, and downloads fail (no network in tests)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(images.DATA_ENV, str(folder))
    return folder


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(experiment=None):
        win = create_window(experiment)
        win.resize(1280, 800)
        win.show()
        qtbot.waitUntil(lambda: win.document.report is not None, timeout=60000)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.document.undo_stack.setClean()
        win.close()
        win.deleteLater()
    QApplication.processEvents()


def train(qtbot, win):
    with qtbot.waitSignal(win.run.runFinished, timeout=180000) as blocker:
        assert win.start_training()
    return blocker.args[0]


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_data_menu_holds_download_choose_and_show(qtbot, make_window, empty_data):
    win = make_window()
    texts = menu_texts(win.data_menu)
    assert texts[0].startswith("&Download full datasets (42 MB)")
    assert texts[1:] == ["&Choose data folder…", "&Show data folder"]
    file_menu = win.menuBar().actions()[0].menu()
    assert "dataDirAction" not in [a.objectName() for a in file_menu.actions()]  # moved to Data


def test_the_dialog_tells_size_and_folder_and_a_failed_download_in_words(qtbot, make_window, empty_data):
    win = make_window()
    win.data_actions.download_action.trigger()
    dialog = win.data_actions.dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert "42.5 MB" in dialog.intro.text() and str(empty_data) in dialog.intro.text()
    dialog.download_button.click()  # the tests' network refuses every connection
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.status.property("kind") == "error", timeout=30000)
    text = dialog.status.text()
    assert "could not be downloaded" in text and "Check the internet connection" in text
    assert dialog.download_button.isVisible() and dialog.download_button.text() == "Try again"
    assert download.missing_files("mnist", empty_data) == list(images.IDX_FILES)  # nothing half-written


def test_a_download_shows_progress_and_the_next_run_uses_the_full_set(qtbot, make_window, empty_data, monkeypatch):
    exp = load_preset("seed-mlp")
    exp.epochs = 1
    win = make_window(exp)
    result = train(qtbot, win)  # offline: the sample, and the banner says so
    assert result is not None and win.sample_banner.isVisible()

    seen, release = [], threading.Event()

    def fake_download(names, root, progress=None, cancel=None, **_kwargs):
        total = 3_000_000
        for done in range(0, total + 1, 250_000):
            if done == 1_500_000:
                release.wait(30)  # halfway: the test looks at the window meanwhile
            progress(done, total)
        for name in names:
            write_idx(root, name, n_train=200, n_test=50)
        seen.append((list(names), str(root)))
        return list(names)

    monkeypatch.setattr(download, "download_datasets", fake_download)
    win.sample_banner.button.click()  # the banner's button opens the download dialog
    dialog = win.data_actions.dialog
    assert dialog.isVisible()
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 1000 and dialog.progress.value() > 0, timeout=10000)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
    assert "of 3.0 MB" in dialog.progress.format()
    win.training_panel.epochs.setValue(2)  # the window answers while the download runs
    assert win.document.experiment.epochs == 2
    release.set()
    with qtbot.waitSignal(win.data_actions.downloaded, timeout=30000):
        pass
    assert seen == [(["mnist", "fashion-mnist"], str(empty_data))]
    assert "The next run trains on them" in dialog.status.text()
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert not win.sample_banner.isVisible()
    assert "already in" in dialog.intro.text() and not dialog.download_button.isVisible()

    win.training_panel.epochs.setValue(1)
    train(qtbot, win)
    assert not win.sample_banner.isVisible()  # the full set now
    assert win.training_panel.limit.specialValueText() == "all"


def test_cancel_stops_the_download_and_says_so(qtbot, make_window, empty_data, monkeypatch):
    win = make_window()

    def slow_download(names, root, progress=None, cancel=None, **_kwargs):
        done = 0
        while progress(done, 10_000_000) is not False and not cancel.is_set():
            done = min(done + 1000, 9_000_000)
            threading.Event().wait(0.01)
        raise download.DownloadCancelled(Message("Data", QT_TRANSLATE_NOOP("Data", "The download was cancelled.")))

    monkeypatch.setattr(download, "download_datasets", slow_download)
    dialog = win.data_actions.show_download()
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10000)
    assert "cancelled" in dialog.status.text() and dialog.download_button.isEnabled()


def test_closing_the_window_during_a_download_cancels_and_joins_it(qtbot, empty_data, monkeypatch):
    def endless(names, root, progress=None, cancel=None, **_kwargs):
        while not cancel.wait(0.01):
            progress(0, 0)
        raise download.DownloadCancelled(Message("Data", "The download was cancelled."))

    monkeypatch.setattr(download, "download_datasets", endless)
    win = create_window()
    win.show()
    dialog = win.data_actions.show_download()
    dialog.download_button.click()
    thread = dialog.thread
    assert thread.isRunning()
    win.close()
    assert thread.isFinished()
    win.deleteLater()
    QApplication.processEvents()


def test_show_data_folder_opens_it_and_choose_remembers_it(qtbot, make_window, empty_data, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from playground.ui.settings import settings

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    folder = empty_data / "not-yet"
    monkeypatch.setenv(images.DATA_ENV, str(folder))
    win = make_window()
    win.data_actions.show_folder_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(folder))] and folder.is_dir()

    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    monkeypatch.delenv(images.DATA_ENV)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(chosen))
    win.data_actions.data_dir_action.trigger()
    assert settings().value("dataDir") == str(chosen)  # the key File → Data folder used
    win.data_actions.show_folder_action.trigger()
    assert opened[-1] == QUrl.fromLocalFile(str(chosen))


def test_offline_with_an_empty_data_folder_the_default_network_trains_on_the_sample(qtbot, make_window, empty_data):
    """The first thing the app invites you to do works on a fresh machine without internet."""
    win = make_window()  # the default network: seed-mlp
    win.training_panel.epochs.setValue(3)
    epochs = []
    win.run.epoch.connect(epochs.append)
    end = train(qtbot, win)
    assert end.status == "completed"
    assert epochs[-1].epoch == 3 and epochs[-1].val_accuracy >= 0.90
    banner = win.sample_banner
    assert banner.isVisible()
    assert banner.text.text() == (f"Training on the built-in {sample.SAMPLE_TRAIN:,}-image sample of MNIST — "
                                  f"Data → Download full datasets for all {images.FULL_TRAIN_IMAGES:,}")
    assert "could not be downloaded" in banner.toolTip() and "no connection" in banner.toolTip()
    assert win.training_panel.limit.text() == "6,000 (built-in sample)"
    assert banner.geometry().bottom() <= win.plots.geometry().top()  # above the plots, not over them
    win.grab().save("/tmp/h17-ui-sample-banner.png")


@requires_mnist
def test_with_the_full_files_present_the_banner_never_shows(qtbot, make_window):
    exp = load_preset("seed-mlp")
    exp.epochs, exp.dataset.limit = 1, 2000
    win = make_window(exp)
    shown = []
    win.run.started.connect(lambda _e: shown.append(win.sample_banner.isVisible()))
    train(qtbot, win)
    assert shown == [False] and not win.sample_banner.isVisible()
    assert win.training_panel.limit.specialValueText() == "all"
