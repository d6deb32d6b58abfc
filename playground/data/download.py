"""Download the full MNIST and Fashion-MNIST into the data folder, with progress and cancel.

What to fetch comes from torchvision itself (`datasets.MNIST.mirrors` / `.resources`, the same for
FashionMNIST): the mirrors are tried in order and every file is checked against torchvision's MD5.
The result is torchvision's layout, `<data folder>/MNIST/raw/train-images-idx3-ubyte`, ..., so the
files load with `datasets.MNIST(root, download=False)` as before.

Meant for a worker thread: `download_datasets(names, root, progress=..., cancel=...)` blocks until
done, reports bytes through `progress(done, total)` and stops between two chunks when `cancel` (a
`threading.Event`) is set or `progress` returns False. A failure raises `DownloadError` whose
message (a `Message`, shown translated by the window) names the problem — no connection, a server
error, a damaged file, a full disk, a folder that cannot be written — and what to do. Nothing is
half-written: the files are fetched into a temporary folder, and a dataset's files are unpacked into
the data folder (each under a temporary name, then renamed) only once all of them arrived and passed
their checksum.

`fetch_missing(name, root)` is the quiet variant the data layer uses when a run needs files that
are not there; it remembers a failure for a few minutes so that an offline window does not wait
for the network on every press of Train.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import os
import re
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from playground.data import images
from playground.files import atomic_copy, os_reason
from playground.i18n import QT_TRANSLATE_NOOP, Message

# seconds without an answer before giving up on a mirror: torchvision's own requests wait forever
DOWNLOAD_TIMEOUT = 30
CHUNK = 64 * 1024
RETRY_AFTER = 300  # seconds a failed automatic download is not retried (the Data menu always tries)
USER_AGENT = "pytorch/vision"  # what torchvision sends; some mirrors refuse urllib's default agent

# the official .gz files' sizes in bytes, for "about 42 MB" before anything is asked of a server
FILE_SIZES = {
    "mnist": {"train-images-idx3-ubyte.gz": 9_912_422, "train-labels-idx1-ubyte.gz": 28_881,
              "t10k-images-idx3-ubyte.gz": 1_648_877, "t10k-labels-idx1-ubyte.gz": 4_542},
    "fashion-mnist": {"train-images-idx3-ubyte.gz": 26_421_880, "train-labels-idx1-ubyte.gz": 29_515,
                      "t10k-images-idx3-ubyte.gz": 4_422_102, "t10k-labels-idx1-ubyte.gz": 5_148},
}

Progress = Callable[[int, int], object]  # (bytes done, bytes in all or 0 while unknown); False cancels
Opener = Callable[[urllib.request.Request, float], object]


class DownloadError(RuntimeError):
    """A download failed; `args[0]` is a `Message` that names the problem and the fix, `problem` the
    problem alone ("no connection to … (…)"), for a sentence of its own."""

    def __init__(self, message: Message, problem: Message | None = None):
        super().__init__(message)
        self.problem = problem if problem is not None else message


class DownloadCancelled(DownloadError):
    """The person cancelled; nothing was left behind."""


def _default_opener(request: urllib.request.Request, timeout: float):
    return urllib.request.urlopen(request, timeout=timeout)  # looked up per call, so tests can replace it


def dataset_resources(name: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    """torchvision's (mirrors, [(file.gz, md5), ...]) for "mnist" or "fashion-mnist"."""
    cls = images._torchvision_class(name)
    return list(cls.mirrors), [(filename, md5) for filename, md5 in cls.resources]


def missing_files(name: str, root: str | os.PathLike[str] | None = None) -> list[str]:
    """The IDX files of `name` not yet in the data folder (plain or .gz)."""
    raw = images.raw_folder(name, images.resolve_data_dir(root))
    return [f for f in images.IDX_FILES if not (raw / f).is_file() and not (raw / f"{f}.gz").is_file()]


def download_size(names: Iterable[str], root: str | os.PathLike[str] | None = None,
                  opener: Opener | None = None, timeout: float = DOWNLOAD_TIMEOUT) -> int | None:
    """Bytes a download of `names` would fetch (asks the mirrors, without downloading); None when a
    server does not say. Raises DownloadError when no mirror answers."""
    total = 0
    for name in names:
        for size in _sizes(name, _needed(name, images.resolve_data_dir(root)), opener or _default_opener, timeout):
            if size is None:
                return None
            total += size
    return total


def expected_size(names: Iterable[str] = tuple(images.FOLDERS),
                  root: str | os.PathLike[str] | None = None) -> int:
    """Bytes a download of `names` will fetch, from the official files' sizes (no network): the files
    the data folder already has count nothing."""
    root = images.resolve_data_dir(root)
    return sum(FILE_SIZES[name].get(gz, 0) for name in names for gz, _md5 in _needed(name, root))


def download_datasets(names: Iterable[str] = tuple(images.FOLDERS),
                      root: str | os.PathLike[str] | None = None, progress: Progress | None = None,
                      cancel: threading.Event | None = None, opener: Opener | None = None,
                      timeout: float = DOWNLOAD_TIMEOUT) -> list[str]:
    """Download the files of `names` that the data folder lacks; returns the names that were fetched.

    Datasets already complete are skipped. Each dataset arrives whole or not at all; when the second
    fails, the first stays. `progress(done, total)` is called on this thread after every chunk.
    """
    root = images.resolve_data_dir(root)
    opener = opener or _default_opener
    plan = [(name, _needed(name, root)) for name in names]
    plan = [(name, needed) for name, needed in plan if needed]
    total = 0
    if progress is not None and plan:
        sizes = [size for name, needed in plan for size in _sizes(name, needed, opener, timeout, cancel)]
        total = 0 if None in sizes else sum(sizes)
    meter = _Meter(progress, total, cancel)
    meter.report()
    for name, needed in plan:
        _fetch(name, root, needed, opener, timeout, meter)
        _recent_failures.pop((name, str(root)), None)
    return [name for name, _ in plan]


def download_dataset(name: str, root: str | os.PathLike[str] | None = None, progress: Progress | None = None,
                     cancel: threading.Event | None = None, opener: Opener | None = None,
                     timeout: float = DOWNLOAD_TIMEOUT) -> bool:
    """`download_datasets([name], ...)`; True when something was fetched."""
    return bool(download_datasets([name], root, progress, cancel, opener, timeout))


# ------------------------------------------------------------------ the automatic download of a run

_recent_failures: dict[tuple[str, str], tuple[float, DownloadError]] = {}
_failures_lock = threading.Lock()


def fetch_missing(name: str, root: str | os.PathLike[str]) -> None:
    """Download `name` if files are missing, quietly; a failure within the last RETRY_AFTER seconds is
    raised again at once instead of waiting for the network once more."""
    key = (name, str(root))
    with _failures_lock:
        failed = _recent_failures.get(key)
    if failed is not None and time.monotonic() - failed[0] < RETRY_AFTER:
        raise failed[1]
    try:
        download_dataset(name, root)
    except DownloadError as exc:
        with _failures_lock:
            _recent_failures[key] = (time.monotonic(), exc)
        raise


def forget_failures() -> None:
    """Let the next automatic download try again at once (tests; a changed network)."""
    with _failures_lock:
        _recent_failures.clear()


# ------------------------------------------------------------------ how


class _Meter:
    def __init__(self, progress: Progress | None, total: int, cancel: threading.Event | None):
        self.progress, self.total, self.cancel, self.done = progress, total, cancel, 0

    def add(self, count: int) -> None:
        self.done += count
        self.report()

    def report(self) -> None:
        total = max(self.total, self.done) if self.total else 0
        wants_more = self.progress(self.done, total) if self.progress is not None else None
        if wants_more is False or (self.cancel is not None and self.cancel.is_set()):
            raise DownloadCancelled(Message("Data", QT_TRANSLATE_NOOP("Data", "The download was cancelled.")))


def _needed(name: str, root: Path) -> list[tuple[str, str | None]]:
    """(file.gz, md5) of the files to fetch: those whose IDX file is in neither form in the folder."""
    absent = set(missing_files(name, root))
    return [(gz, md5) for gz, md5 in dataset_resources(name)[1] if gz.removesuffix(".gz") in absent]


def _request(url: str, method: str = "GET") -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": USER_AGENT}, method=method)


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _sizes(name: str, needed: list[tuple[str, str | None]], opener: Opener, timeout: float,
           cancel: threading.Event | None = None) -> list[int | None]:
    mirrors = dataset_resources(name)[0]
    sizes: list[int | None] = []
    for filename, _md5 in needed:
        size, first_problem = None, None
        for mirror in mirrors:
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled(Message("Data", QT_TRANSLATE_NOOP("Data", "The download was cancelled.")))
            url = f"{mirror}{filename}"
            try:
                with opener(_request(url, "HEAD"), timeout) as response:
                    length = getattr(response, "length", None)
                    size = int(length) if length is not None else None
                _prefer(mirrors, mirror)
                break
            except urllib.error.HTTPError:  # a mirror without HEAD: the size stays unknown, the GET may work
                break
            except (OSError, ValueError) as exc:  # URLError is an OSError
                first_problem = first_problem or _network_problem(url, exc, timeout)
        else:
            raise DownloadError(_failed(name, first_problem), first_problem)
        sizes.append(size)
    return sizes


def _fetch(name: str, root: Path, needed: list[tuple[str, str | None]], opener: Opener, timeout: float,
           meter: _Meter) -> None:
    mirrors = dataset_resources(name)[0]
    raw = images.raw_folder(name, root)
    # inside the data folder when it exists, so a full disk is reported for the disk that matters
    where = root if root.is_dir() else None
    try:
        folder = tempfile.TemporaryDirectory(prefix=".nn-playground-download-", dir=where)
    except OSError as exc:
        raise DownloadError(_cannot_write(root, exc)) from None
    with folder as tmp:
        fetched = []
        for filename, md5 in needed:
            target = Path(tmp) / filename
            first_problem = None
            for mirror in mirrors:
                started = meter.done
                try:
                    _get(f"{mirror}{filename}", target, md5, opener, timeout, meter)
                    _prefer(mirrors, mirror)
                    break
                except _Problem as problem:
                    meter.done = started  # the next mirror starts this file again
                    first_problem = first_problem or problem.message
            else:
                raise DownloadError(_failed(name, first_problem), first_problem)
            fetched.append(target)
        _move_in(name, raw, fetched)


def _prefer(mirrors: list[str], mirror: str) -> None:
    """Ask the mirror that just worked first for the next file: a dead one costs a timeout per try."""
    mirrors.remove(mirror)
    mirrors.insert(0, mirror)


class _Problem(Exception):
    """One mirror failed for one file; another mirror may work."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def _get(url: str, target: Path, md5: str | None, opener: Opener, timeout: float, meter: _Meter) -> None:
    digest = hashlib.md5(usedforsecurity=False)
    try:
        response = opener(_request(url), timeout)
    except (OSError, ValueError) as exc:
        raise _Problem(_network_problem(url, exc, timeout)) from None
    with response, open(target, "wb") as handle:
        while True:
            try:
                chunk = response.read(CHUNK)
            except (OSError, ValueError) as exc:
                raise _Problem(_network_problem(url, exc, timeout, broke_off=True)) from None
            if not chunk:
                break
            try:
                handle.write(chunk)
            except OSError as exc:
                raise DownloadError(_cannot_write(target.parent.parent, exc)) from None
            digest.update(chunk)
            meter.add(len(chunk))
    if md5 and digest.hexdigest() != md5:
        raise _Problem(Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{file} from {host} is damaged (its MD5 checksum does not match)"), file=target.name,
            host=_host(url)))


def _move_in(name: str, raw: Path, fetched: list[Path]) -> None:
    """Unpack every fetched .gz into the data folder, each file written under a temporary name and
    renamed, so the folder never holds half a file."""
    try:
        raw.mkdir(parents=True, exist_ok=True)
        for archive in fetched:
            with gzip.open(archive, "rb") as source:
                atomic_copy(raw / archive.name.removesuffix(".gz"), source)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        problem = Message("Data", QT_TRANSLATE_NOOP("Data", "{file} is not a valid gzip file ({error})"),
                          file=archive.name, error=exc)
        raise DownloadError(_failed(name, problem), problem) from None
    except OSError as exc:
        raise DownloadError(_cannot_write(raw, exc)) from None


def _network_problem(url: str, exc: BaseException, timeout: float, broke_off: bool = False) -> Message:
    reason = getattr(exc, "reason", None) if isinstance(exc, urllib.error.URLError) else exc
    host = _host(url)
    if isinstance(exc, urllib.error.HTTPError):
        return Message("Data", QT_TRANSLATE_NOOP("Data", "{host} answered {code} {reason}"), host=host,
                       code=exc.code, reason=exc.reason)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Message("Data", QT_TRANSLATE_NOOP("Data", "{host} did not answer within {seconds} s"), host=host,
                       seconds=f"{timeout:g}")
    text = _system_words(str(reason)) if reason is not None and str(reason) else type(exc).__name__
    if broke_off:
        return Message("Data", QT_TRANSLATE_NOOP("Data", "the connection to {host} broke off ({error})"),
                       host=host, error=text)
    return Message("Data", QT_TRANSLATE_NOOP("Data", "no connection to {host} ({error})"), host=host, error=text)


# the system's words for the usual network failures (Linux's), so the window can show them translated
NETWORK_REASONS = {text: text for text in (
    QT_TRANSLATE_NOOP("Data", "Name or service not known"),
    QT_TRANSLATE_NOOP("Data", "Temporary failure in name resolution"),
    QT_TRANSLATE_NOOP("Data", "No address associated with hostname"),
    QT_TRANSLATE_NOOP("Data", "Connection refused"),
    QT_TRANSLATE_NOOP("Data", "Connection reset by peer"),
    QT_TRANSLATE_NOOP("Data", "Network is unreachable"),
    QT_TRANSLATE_NOOP("Data", "No route to host"),
    QT_TRANSLATE_NOOP("Data", "Connection timed out"),
)}


def _system_words(text: str) -> str:
    """"[Errno -2] Name or service not known" as a Message when the words are known (the same English)."""
    match = re.fullmatch(r"\[Errno (-?\d+)\] (.*)", text)
    if match is None or match.group(2) not in NETWORK_REASONS:
        return text
    return Message("Data", QT_TRANSLATE_NOOP("Data", "[Errno {code}] {reason}"), code=match.group(1),
                   reason=Message("Data", NETWORK_REASONS[match.group(2)]))


def _failed(name: str, problem: Message | None) -> Message:
    return Message("Data", QT_TRANSLATE_NOOP(
        "Data", "{dataset} could not be downloaded: {problem}. Check the internet connection and try again."),
        dataset=images.folder_name(name), problem=problem or "?")


def _cannot_write(folder: Path, exc: OSError) -> Message:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Message("Data", QT_TRANSLATE_NOOP(
            "Data", "The disk is full: there is no room for the download in {folder}. Free some space, or "
                    "choose a data folder on another disk."), folder=folder)
    return Message("Data", QT_TRANSLATE_NOOP(
        "Data", "The download cannot be saved in {folder} ({error}). Choose a data folder you can write to."),
        folder=folder, error=os_reason(exc))
