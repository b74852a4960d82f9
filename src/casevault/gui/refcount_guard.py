"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

On Python 3.11, PySide6 6.12.0 drops one reference to `None` on every call of a Qt method that
returns nothing (and to `True` on some signal emits). Nothing else goes wrong until the count
reaches zero, when CPython aborts the process ("Fatal Python error: none_dealloc"). `None` starts
with a few thousand references, so a long session at the desk would end in a crash, losing any
half-typed form. PySide6 6.11 does not have the bug, but QtPdf for Python (PySide6-Pdf) exists
only for 6.12. From Python 3.12 these objects are immortal and the bug is harmless.

`None`, `True` and `False` are static objects that are never freed, so adding references to them
changes nothing but the count. `top_up` adds a large reserve whenever a count falls below a
floor, and the app calls it every second; a test shows the bug and the guard at work.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

# The PySide6 releases known to drop the references. No fixed release is known yet, so the whole
# 6.12 series (the one pyproject.toml allows) counts; when one is, end the range there.
AFFECTED_PYSIDE = ((6, 12, 0), (6, 13, 0))  # [first, end)


def needed(python: tuple[int, ...], pyside: tuple[int, ...]) -> bool:
    """Whether the guard has work to do: an affected PySide6 on a Python whose None, True and
    False are mortal (from 3.12 they are immortal, and the lost references are harmless)."""
    first, end = AFFECTED_PYSIDE
    return tuple(python[:2]) < (3, 12) and first <= tuple(pyside[:3]) < end


NEEDED = needed(sys.version_info[:3], tuple(PySide6.__version_info__[:3]))
FLOOR = 1_000_000
RESERVE = 10_000_000
INTERVAL_MS = 1000
_SINGLETONS = (None, True, False)


def top_up() -> int:
    """Give `None`, `True` and `False` a reserve of references where it has run low; returns how
    many were topped up."""
    if not NEEDED:
        return 0
    topped = 0
    for singleton in _SINGLETONS:
        # sys.getrefcount counts its own argument; ob_refcnt is the first field of every
        # CPython object, and the GIL is held here, so this is one plain write.
        if sys.getrefcount(singleton) < FLOOR:
            ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
            topped += 1
    return topped
