"""Downloading the full datasets (playground.data.download) with a fake server: progress, cancel,
mirrors, checksums, a full disk — and never a half file in the data folder. No test reaches the network."""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import threading
import urllib.error

import pytest
import torch
import torchvision
from helpers import all_files, block_network, synthetic_idx

from playground.data import download, images

MIRRORS = ["https://first.example/mnist/", "https://second.example/mnist/"]


class Response(io.BytesIO):
    """An HTTP response: `length` like http.client's; the connection may drop after `fail_after` bytes."""

    def __init__(self, payload: bytes, fail_after: int | None = None):
        super().__init__(payload)
        self.length = len(payload)
        self.fail_after = fail_after

    def read(self, size: int = -1) -> bytes:
        if self.fail_after is not None and self.tell() >= self.fail_after:
            raise ConnectionResetError(104, "Connection reset by peer")
        if self.fail_after is not None:
            size = min(size if size >= 0 else self.fail_after, self.fail_after - self.tell())
        return super().read(size)


class FakeServer:
    """The opener `download_datasets` is given: answers GET and HEAD per mirror, and records requests."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.requests: list[tuple[str, str]] = []
        self.down: set[str] = set()  # mirrors that fail to connect
        self.corrupt: set[str] = set()  # mirrors that send other bytes
        self.fail_after: int | None = None
        self.timeouts: set[str] = set()

    def __call__(self, request, timeout):
        url, method = request.full_url, request.get_method()
        self.requests.append((method, url))
        assert request.get_header("User-agent") == "pytorch/vision" and timeout == download.DOWNLOAD_TIMEOUT
        mirror, name = url.rsplit("/", 1)
        mirror += "/"
        if mirror in self.down:
            raise urllib.error.URLError(OSError(-2, "Name or service not known"))
        if mirror in self.timeouts:
            raise urllib.error.URLError(TimeoutError("timed out"))
        if name not in self.files:
            raise urllib.error.HTTPError(url, 404, "Not Found", {}, None)
        payload = self.files[name]
        if mirror in self.corrupt:
            payload = payload[:-1] + bytes([payload[-1] ^ 1])
        if method == "HEAD":
            return _Head(len(payload))
        return Response(payload, self.fail_after)

    def gets(self) -> list[str]:
        return [url for method, url in self.requests if method == "GET"]


class _Head(io.BytesIO):
    def __init__(self, length: int):
        super().__init__(b"")
        self.length = length


@pytest.fixture
def server(monkeypatch) -> FakeServer:
    """MNIST's four files (small synthetic IDX, gzip'd), with their real MD5s in torchvision's resource list."""
    block_network(monkeypatch)  # the fake opener is the only way out
    files = {f"{name}.gz": gzip.compress(payload) for name, payload in synthetic_idx(300, 50).items()}
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", MIRRORS)
    monkeypatch.setattr(torchvision.datasets.MNIST, "resources",
                        [(name, hashlib.md5(payload).hexdigest()) for name, payload in files.items()])
    monkeypatch.setattr(download, "CHUNK", 1024)  # several chunks per file, so progress and cancel have steps
    return FakeServer(files)


def layout() -> list[str]:
    """What a finished download leaves: torchvision's folders and the four plain IDX files."""
    return ["MNIST", "MNIST/raw", *[f"MNIST/raw/{f}" for f in sorted(images.IDX_FILES)]]


def test_download_reports_progress_and_leaves_torchvisions_layout(server, tmp_path):
    seen: list[tuple[int, int]] = []
    fetched = download.download_datasets(["mnist"], tmp_path, progress=lambda done, total: seen.append((done, total)),
                                         opener=server)
    total = sum(len(p) for p in server.files.values())
    assert fetched == ["mnist"]
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) > 8
    assert {t for _, t in seen} == {total}  # the size is known from the start (HEAD)
    assert all_files(tmp_path) == layout()  # plain IDX files, no .gz or temporary left
    ds = torchvision.datasets.MNIST(tmp_path, train=True, download=False)  # torchvision reads them as they are
    assert len(ds) == 300 and ds.targets[:12].tolist() == [i % 10 for i in range(12)]
    assert all(url.startswith(MIRRORS[0]) for url in server.gets())


def test_the_size_is_asked_without_downloading(server, tmp_path):
    assert download.download_size(["mnist"], tmp_path, opener=server) == sum(map(len, server.files.values()))
    assert server.gets() == [] and all_files(tmp_path) == []


def test_a_complete_dataset_is_not_downloaded_again(server, tmp_path):
    download.download_datasets(["mnist"], tmp_path, opener=server)
    server.requests.clear()
    assert download.download_datasets(["mnist"], tmp_path, progress=lambda d, t: None, opener=server) == []
    assert server.requests == []
    assert download.missing_files("mnist", tmp_path) == []


def test_the_second_mirror_is_used_when_the_first_is_down(server, tmp_path):
    server.down.add(MIRRORS[0])
    download.download_datasets(["mnist"], tmp_path, progress=lambda d, t: None, opener=server)
    assert all_files(tmp_path) == layout()
    first, *others = server.gets()
    assert first.startswith(MIRRORS[0]) and len(others) == 4  # the next files go to the mirror that worked
    assert all(url.startswith(MIRRORS[1]) for url in others)


def test_offline_names_the_problem_and_leaves_nothing(server, tmp_path):
    server.down.update(MIRRORS)
    with pytest.raises(download.DownloadError) as info:
        download.download_datasets(["mnist"], tmp_path / "data", progress=lambda d, t: None, opener=server)
    assert str(info.value) == ("MNIST could not be downloaded: no connection to first.example ([Errno -2] Name or "
                               "service not known). Check the internet connection and try again.")
    assert str(info.value.problem) == "no connection to first.example ([Errno -2] Name or service not known)"
    assert all_files(tmp_path) == []


def test_a_server_that_does_not_answer_is_named(server, tmp_path):
    server.timeouts.update(MIRRORS)
    with pytest.raises(download.DownloadError, match=r"first.example did not answer within 30 s"):
        download.download_datasets(["mnist"], tmp_path, opener=server)
    assert all_files(tmp_path) == []


def test_a_damaged_file_fails_its_checksum_and_leaves_nothing(server, tmp_path):
    server.corrupt.update(MIRRORS)
    with pytest.raises(download.DownloadError) as info:
        download.download_datasets(["mnist"], tmp_path, opener=server)
    assert "train-images-idx3-ubyte.gz from first.example is damaged (its MD5 checksum does not match)" \
        in str(info.value)
    assert all_files(tmp_path) == []
    server.corrupt = {MIRRORS[0]}  # the other mirror's copy is good: it is used
    download.download_datasets(["mnist"], tmp_path, opener=server)
    assert all_files(tmp_path) == layout()


def test_a_dropped_connection_leaves_nothing(server, tmp_path):
    server.fail_after = 3000
    with pytest.raises(download.DownloadError, match=r"the connection to first.example broke off \(\[Errno 104\]"):
        download.download_datasets(["mnist"], tmp_path, progress=lambda d, t: None, opener=server)
    assert all_files(tmp_path) == []


@pytest.mark.parametrize("how", ["event", "progress returns False"])
def test_cancel_stops_between_chunks_and_leaves_nothing(server, tmp_path, how):
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done, total):
        seen.append(done)
        if done > total // 2:
            if how == "event":
                cancel.set()
            else:
                return False
        return None

    with pytest.raises(download.DownloadCancelled, match="The download was cancelled."):
        download.download_datasets(["mnist"], tmp_path, progress=progress, cancel=cancel, opener=server)
    total = sum(map(len, server.files.values()))
    assert total // 2 < seen[-1] <= total // 2 + download.CHUNK  # within one chunk of the request
    assert all_files(tmp_path) == []


def test_download_runs_on_a_worker_thread(server, tmp_path):
    seen: list[str] = []
    errors: list[BaseException] = []

    def work():
        try:
            download.download_datasets(["mnist"], tmp_path, opener=server,
                                       progress=lambda d, t: seen.append(threading.current_thread().name))
        except BaseException as exc:  # noqa: BLE001 (handed to the test thread)
            errors.append(exc)

    worker = threading.Thread(target=work, name="download-worker")
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and errors == []
    assert set(seen) == {"download-worker"}  # progress arrives on the worker; a GUI turns it into a signal
    assert all_files(tmp_path) == layout()


def test_a_full_disk_is_named_and_leaves_nothing(server, tmp_path, monkeypatch):
    real_open = open

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, chunk):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(download, "open", lambda path, mode="r": FullDisk(real_open(path, mode)), raising=False)
    with pytest.raises(download.DownloadError) as info:
        download.download_datasets(["mnist"], tmp_path, opener=server)
    assert str(info.value) == (f"The disk is full: there is no room for the download in {tmp_path}. Free some space, "
                               "or choose a data folder on another disk.")
    assert all_files(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_named(server, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(download.DownloadError, match=r"The download cannot be saved in .*file/MNIST/raw"):
        download.download_datasets(["mnist"], blocker, opener=server)
    assert all_files(tmp_path) == ["file"]


def test_the_next_run_uses_what_was_downloaded(server, tmp_path):
    from playground.core.experiment import DatasetSpec
    from playground.data.registry import load_dataset

    images.load_split.cache_clear()
    download.download_datasets(["mnist"], tmp_path, opener=server)
    bundle = load_dataset(DatasetSpec("mnist", val_split=0.0), data_dir=tmp_path)
    assert (bundle.source, bundle.source_images) == ("full", 300)
    assert bundle.train_x.dtype == torch.float32
    images.load_split.cache_clear()
