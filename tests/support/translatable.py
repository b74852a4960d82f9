"""The source files whose strings the app shows, so must be marked for translation (first
written for tests/gui/test_translations.py)."""

from __future__ import annotations

from pathlib import Path

import casevault

PACKAGE = Path(casevault.__file__).parent
# The benchmark's windows are measuring rigs, not screens a rep sees.
GUI_FILES = sorted(p for p in (PACKAGE / "gui").glob("*.py") if not p.name.startswith("bench"))
# The GUI shows these casework texts; they mark them with casevault.core.i18n.QT_TRANSLATE_NOOP.
# The notes an email's import adds (formats/email_in.py) are marked so too.
DOMAIN_FILES = [*sorted((PACKAGE / "casework").glob("*.py")), PACKAGE / "formats" / "email_in.py"]
