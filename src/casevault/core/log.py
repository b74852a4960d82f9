"""Logging: event names and opaque ids only. A redacting filter is the safety net for any
argument that does not look like an id, a reference, a number or an event name."""

from __future__ import annotations

import logging
import re
import sys

_SAFE = re.compile(r"^([0-9a-f]{32}|CV-\d{4}-\d{4,}|[a-z][a-z0-9.-]{0,40}|\d+)$")
REDACTED = "<redacted>"


def _safe(arg: object) -> object:
    if isinstance(arg, bool | int | float) or arg is None:
        return arg
    text = str(arg)
    return arg if _SAFE.match(text) else REDACTED


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_safe(a) for a in args)
        if record.exc_info and not isinstance(record.exc_info[1], AssertionError):
            # Exception texts can carry paths and names: keep the type only.
            record.msg = f"{record.msg} [{record.exc_info[0].__name__ if record.exc_info[0] else '?'}]"
            record.exc_info = None
            record.exc_text = None
        return True


def configure(debug: bool) -> None:
    """Logs go to stderr, and only with --debug; casevault writes no log file."""
    root = logging.getLogger("casevault")
    root.handlers.clear()
    root.propagate = False
    if not debug:
        root.addHandler(logging.NullHandler())
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
