"""Marking text for translation outside the GUI, which may not import Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged. Qt's `lupdate` finds calls by this
name in any Python file, so domain text that the desktop app shows (escalation advice, reminder
wording) is extracted for translators with its context, and the GUI translates it with
`QCoreApplication.translate(context, text)`. The CLI prints the English.
"""

from __future__ import annotations

CASEWORK = "casework"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    del context  # only lupdate reads it
    return text
