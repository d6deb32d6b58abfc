"""Reading text files and writing any file so that a crash never leaves half of one.

Every save in NN Playground goes through `atomic_write` (experiments, projects, checkpoints,
TorchScript/ONNX exports, downloaded datasets, CSV files, plots, exported code, the autosave): the
content goes to a temporary file next to the target, is flushed to the disk (fsync), and only then
renamed over the target, which the operating system does in one step. A power cut or a full disk
leaves either the old file or the new one, never a truncated mix — and never loses the old one.

No Qt, no torch: this module sits below everything else.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from playground.i18n import QT_TRANSLATE_NOOP, Message

# the system's reasons a file cannot be read or written (its words on Linux), so the window can translate them
OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Files", "No such file or directory"),
    errno.EACCES: QT_TRANSLATE_NOOP("Files", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Files", "Operation not permitted"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Files", "File exists"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Files", "Not a directory"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Files", "Is a directory"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Files", "No space left on device"),
    errno.EROFS: QT_TRANSLATE_NOOP("Files", "Read-only file system"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Files", "File name too long"),
}


def os_reason(exc: BaseException) -> str:
    """Why a file operation failed: a `Message` for the common reasons (the window translates it), else
    the system's own words."""
    template = OS_REASONS.get(getattr(exc, "errno", None))
    if template is not None:
        return Message("Files", template)
    return getattr(exc, "strerror", None) or str(exc)


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` to fill a temporary file next to `path`, then move it into place; returns `path`.

    `write` may open the temporary path itself (torch.save, torch.onnx.export do) and may check what
    it wrote: whatever it raises leaves `path` untouched and the temporary file removed. Missing
    folders are created.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        # the data must be on the disk before the rename is: otherwise a crash right after the rename
        # can leave an empty file under the target's name, and the old content is gone too
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def atomic_write_bytes(path: str | os.PathLike[str], payload: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(payload))


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """UTF-8, with the line endings as given (no translation to the platform's)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(path: str | os.PathLike[str], source: BinaryIO) -> Path:
    """Copy an open binary stream (a download, a decompressing reader) into `path`."""
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            shutil.copyfileobj(source, handle)

    return atomic_write(path, write)


class UnreadableFile(ValueError):
    """A file that cannot be read as text. `reason` says why, for callers that word it their own way:
    "missing", "folder", "not text" (then `position` is the first byte that is not the encoding) or
    "system" (permissions and the like; the message carries the system's words)."""

    def __init__(self, path: Path, reason: str, message: Message, position: int | None = None):
        super().__init__(message)
        self.message = message  # a Message: the window shows it translated
        self.path = path
        self.reason = reason
        self.position = position


def read_text_file(path: str | os.PathLike[str], encoding: str = "utf-8", kind: str = "text") -> str:
    """The file's text, or an `UnreadableFile` that names the file and says what is wrong with it:
    "… does not exist", "… is not a {kind} file", "cannot read …: {the system's reason}"."""
    path = Path(path)
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise UnreadableFile(path, "missing", Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{path} does not exist"), path=path)) from None
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, "not text", Message("Data", QT_TRANSLATE_NOOP(
            "Data", "{path} is not a {kind} file"), path=path, kind=kind), exc.start) from None
    except OSError as exc:
        reason = "folder" if path.is_dir() else "system"
        raise UnreadableFile(path, reason, Message("Data", QT_TRANSLATE_NOOP(
            "Data", "cannot read {path}: {reason}"), path=path, reason=os_reason(exc))) from None
