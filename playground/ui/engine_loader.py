"""Imports PyTorch in the background so the window appears at once.

Shape inference of image datasets and the device list need torch, whose import takes seconds.
The window shows first; `EngineLoader.ready` arrives (on the GUI thread) once the engine modules
are imported, with the devices this machine can train on.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading

from PySide6.QtCore import QObject, Signal

ENGINE_MODULES = ("torch", "playground.data.images", "playground.core.build")


def engine_loaded() -> bool:
    return all(name in sys.modules for name in ENGINE_MODULES)


@contextlib.contextmanager
def _imports_without_collection():
    """Import with the garbage collector off, then freeze every object that exists.

    A full collection walks every tracked object with the GIL held. Importing torch and torchvision
    creates ~300,000 of them, and the full collections this set off (during the import, and later
    while a run loaded its data) froze the window for ~200 ms each. An import makes no garbage, so
    nothing is lost by not collecting during it; `gc.freeze()` then moves what exists (modules,
    the window: all kept for the life of the app) out of the collector's way for good
    (benchmarks/FIXES.md).
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


class EngineLoader(QObject):
    ready = Signal(list)  # available devices, e.g. ["auto", "cpu", "cuda"]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.devices: list[str] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        # a plain Python thread: it runs no Qt code, it only imports and emits one queued signal
        self._thread = threading.Thread(target=self._load, name="EngineLoader", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        with _imports_without_collection():
            import playground.data.images  # noqa: F401
            from playground.core.build import available_devices  # (imports torch)

            try:
                devices = available_devices()
            except Exception:  # a broken CUDA install must not keep the window waiting
                devices = ["auto", "cpu"]
            # the datasets too, before `ready`: else the first run imports torchvision on the training
            # thread. And not after `ready` either: its import (torch._dynamo, torch.distributed) then ran
            # while the canvas's thread loaded the bundled model, and two threads importing torch's
            # submodules in different orders get half-initialized modules ('_OpNamespace' 'prims'
            # object has no attribute 'copy_to', 'operator _c10d_functional::... does not exist')
            import torchvision.datasets  # noqa: F401

            from playground.training.performance import use_window_threads

            use_window_threads()  # all cores but one: the GUI thread keeps a core (training/performance.py)
        self.devices = devices
        self.ready.emit(devices)

    def wait(self, seconds: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)
