"""Work around PySide6 builds that drop a reference to None (and True/False) per call (Python < 3.12).

PySide6 6.12's abi3 wheels return ``Py_None`` from void methods without a new reference, which
is harmless from Python 3.12 on (None is immortal, PEP 683) but on 3.11 lowers None's reference
count by one per call (``label.setText(...)``, ``item.setToolTip(...)``). After some thousands
of edits or redraws CPython aborts with "none_dealloc: deallocating None". We detect the bug
and give None a reference count it can never spend; None is never freed anyway.
"""

from __future__ import annotations

import ctypes
import sys

_PADDING = 1 << 40
_applied = False


def none_refcount_leaks() -> bool:
    """True when a void PySide6 call lowers None's reference count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def protect_none() -> bool:
    """Apply the padding once if this interpreter and PySide6 need it; True when applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or not none_refcount_leaks():
        return _applied
    # ob_refcnt is the first field of every PyObject in release builds of CPython; bool returns
    # (True/False) suffer the same missing reference in these builds
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PADDING
    _applied = True
    return True
