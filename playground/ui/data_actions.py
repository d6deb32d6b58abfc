"""The Data menu: download the full datasets (with progress and Cancel), choose and show the data folder.

The download itself is `playground.data.download.download_datasets`; here it runs on a `DownloadThread`
(a QThread: fetching 42 MB takes a while and the window must stay usable), and `DownloadDialog` shows
its size, progress and outcome. A failure is the download's own `Message` (what went wrong and what to
do), translated. The dialog is not modal: training and editing go on while it downloads. Once the
files are in, the next run finds them in the data folder and trains on the full set.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.files import os_reason
from playground.ui.actions import make_action
from playground.ui.i18n import message_text
from playground.ui.settings import data_dir, settings

DISPLAY_NAMES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
DATA_DIR_KEY = "dataDir"  # QSettings key of the folder chosen in Data → Choose data folder


def data_folder() -> Path:
    """The folder runs read the datasets from and downloads go to (it may not exist yet)."""
    from playground.data.images import resolve_data_dir

    return resolve_data_dir(data_dir())


def megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f}"


class DownloadThread(QThread):
    """Runs `download_datasets` once; its signals arrive on the GUI thread (the thread object lives there)."""

    progressed = Signal(int, int)  # bytes done, bytes in all (0 while unknown)
    succeeded = Signal(list)  # the datasets fetched
    failed = Signal(object)  # a Message (or text) naming the problem and the fix
    cancelled = Signal()

    def __init__(self, names: list[str], root: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("DownloadThread")
        self.names, self.root = list(names), root
        self.cancel_event = threading.Event()
        self._last_reported = -1

    def cancel(self) -> None:
        self.cancel_event.set()

    def _progress(self, done: int, total: int) -> bool:
        step = max(1, total // 400) if total else 256 * 1024  # about 400 updates, not one per 64 KB chunk
        if done // step != self._last_reported or done == total:
            self._last_reported = done // step
            self.progressed.emit(done, total)
        return not self.cancel_event.is_set()

    def run(self) -> None:
        from playground.data import download  # the module, so a test can replace download_datasets

        try:
            fetched = download.download_datasets(self.names, self.root, progress=self._progress,
                                                 cancel=self.cancel_event)
        except download.DownloadCancelled:
            self.cancelled.emit()
        except download.DownloadError as exc:
            self.failed.emit(exc.args[0])
        except Exception as exc:  # never let the thread die silently: say what happened
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(list(fetched))


class DownloadDialog(QDialog):
    """Data → Download full datasets…: what will be fetched and where, a progress bar, Cancel, the outcome."""

    downloaded = Signal(list)  # the datasets now complete in the data folder

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("downloadDialog")
        self.setWindowTitle(self.tr("Download full datasets"))
        self.thread: DownloadThread | None = None
        self._folder = data_folder()

        self.intro = QLabel()
        self.intro.setObjectName("downloadIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("downloadStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setObjectName("downloadButton")
        self.download_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeDownloadButton")
        self.buttons.addButton(self.download_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.download_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.refresh()

    # ------------------------------------------------------------------ state
    def missing(self) -> list[str]:
        """The datasets whose full files the data folder lacks."""
        from playground.data import download, images

        return [name for name in images.FOLDERS if download.missing_files(name, self._folder)]

    def refresh(self) -> None:
        """Say what a download would fetch, for the data folder as it is now."""
        from playground.data import download, images

        self._folder = data_folder()
        missing = self.missing()
        running = self.is_running()
        if missing:
            names = ", ".join(DISPLAY_NAMES.get(name, name) for name in missing)
            self.intro.setText(self.tr(
                "Downloads the full {datasets} ({images} training and {test} test images each, about {size} MB) "
                "into {folder}. From the next run on, training uses them instead of the built-in sample.").format(
                datasets=names, images=f"{images.FULL_TRAIN_IMAGES:,}", test=f"{10_000:,}",
                size=megabytes(download.expected_size(missing, self._folder)), folder=self._folder))
        else:
            self.intro.setText(self.tr("The full MNIST and Fashion-MNIST are already in {folder}.").format(
                folder=self._folder))
        self.download_button.setEnabled(bool(missing) and not running)
        self.download_button.setVisible(bool(missing) or running)
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)  # while it runs, closing is cancelling: one button for it

    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    # ------------------------------------------------------------------ download
    def start(self) -> None:
        if self.is_running():
            return
        names = self.missing()
        if not names:
            self.refresh()
            return
        thread = DownloadThread(names, self._folder, self)
        thread.progressed.connect(self._progressed)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        thread.cancelled.connect(self._cancelled)
        self.thread = thread
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.setVisible(True)
        self._show_status(self.tr("Connecting…"), "info")
        self.download_button.setEnabled(False)
        self.download_button.setVisible(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.close_button.setVisible(False)
        thread.start()

    def cancel(self) -> None:
        if self.is_running():
            self.thread.cancel()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Cancelling…"), "info")

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(self.tr("{done} of {total} MB").format(done=megabytes(done),
                                                                          total=megabytes(total)))
        else:
            self.progress.setRange(0, 0)
        if done:
            self._show_status(self.tr("Downloading…"), "info")

    def _finished(self) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait(5000)
            thread.deleteLater()
        self.refresh()

    def _succeeded(self, fetched: list) -> None:
        self._finished()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Done"))
        self._show_status(self.tr("The full datasets are in {folder}. The next run trains on them.").format(
            folder=self._folder), "info")
        self.downloaded.emit(fetched)

    def _failed(self, message) -> None:
        self._finished()
        self.progress.setVisible(False)
        self.download_button.setText(self.tr("Try again"))
        self._show_status(message_text(message), "error")

    def _cancelled(self) -> None:
        self._finished()
        self.progress.setVisible(False)
        self._show_status(self.tr("The download was cancelled; nothing was left behind."), "info")

    def _fit(self) -> None:
        """Grow to show every line of the wrapped texts when the progress bar or a message appears."""
        hint = self.layout().totalHeightForWidth(self.width()) if self.layout().hasHeightForWidth() else -1
        height = max(self.sizeHint().height(), hint)
        if height > self.height():
            self.resize(self.width(), height)

    def _show_status(self, text: str, kind: str) -> None:
        fg = "#7a0000" if kind == "error" else "#1d3b5a"
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
        self.status.setPalette(palette)
        self.status.setProperty("kind", kind)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._fit()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        """Closing the dialog cancels a download under way (the thread ends at its next chunk)."""
        self.cancel()
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        self.cancel()
        super().reject()

    def shutdown(self, msecs: int = 60_000) -> None:
        """The window is closing: cancel and join the thread (a running QThread must not be destroyed)."""
        thread = self.thread
        if thread is not None:
            thread.cancel()
            for signal in (thread.progressed, thread.succeeded, thread.failed, thread.cancelled):
                signal.disconnect()
            thread.wait(msecs)
            self.thread = None


class DataActions(QObject):
    """The Data menu's actions; `downloaded` after a download completed (the banner goes then)."""

    statusMessage = Signal(str, int)
    downloaded = Signal(list)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._parent_widget = window
        self.dialog: DownloadDialog | None = None
        from playground.data import download

        size = sum(size for files in download.FILE_SIZES.values() for size in files.values())
        self.download_action = make_action(
            self, self.tr("&Download full datasets ({size} MB)…").format(size=f"{size / 1e6:.0f}"),
            self.show_download,
            None, "downloadAction",
            self.tr("All 60,000 training images of MNIST and Fashion-MNIST, instead of the built-in sample"))
        self.data_dir_action = make_action(self, self.tr("&Choose data folder…"), self.choose_data_dir, None,
                                           "dataDirAction",
                                           self.tr("Where MNIST and Fashion-MNIST are read from (and downloaded to)"))
        self.show_folder_action = make_action(self, self.tr("&Show data folder"), self.show_data_folder, None,
                                              "showDataFolderAction",
                                              self.tr("Open the data folder in the file manager"))

    def show_download(self) -> DownloadDialog:
        """Open (or bring back) the download dialog; it is not modal."""
        if self.dialog is None:
            self.dialog = DownloadDialog(self._parent_widget)
            self.dialog.downloaded.connect(self._downloaded)
        elif not self.dialog.is_running():
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _downloaded(self, fetched: list) -> None:
        self.statusMessage.emit(self.tr("Full datasets downloaded: the next run trains on them."), 10000)
        self.downloaded.emit(fetched)

    def choose_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._parent_widget, self.tr("Data folder (holds MNIST/ and FashionMNIST/)"), str(data_folder()))
        if not folder:
            return
        settings().setValue(DATA_DIR_KEY, folder)
        from playground.data.images import DATA_ENV

        if os.environ.get(DATA_ENV):
            QMessageBox.information(self._parent_widget, self.tr("Data folder"), self.tr(
                "The data folder is set by the environment variable {variable} ({folder}), which wins over this "
                "choice. Start the app without {variable} to use {chosen}.").format(
                variable=DATA_ENV, folder=os.environ[DATA_ENV], chosen=folder))
        else:
            self.statusMessage.emit(self.tr("Data folder: {folder}").format(folder=folder), 5000)
        if self.dialog is not None and not self.dialog.is_running():
            self.dialog.refresh()

    def show_data_folder(self) -> None:
        folder = data_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(self._parent_widget, self.tr("Data folder"), self.tr(
                "The data folder {folder} cannot be made ({error}). Choose another one in Data → Choose data "
                "folder.").format(folder=folder, error=message_text(os_reason(exc))))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self._parent_widget, self.tr("Data folder"), self.tr(
                "No file manager could be opened. The data folder is {folder}.").format(folder=folder))

    def set_enabled(self, enabled: bool) -> None:
        """While training, the data folder stays as the run found it."""
        self.data_dir_action.setEnabled(enabled)

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()
