#!/usr/bin/env python3
"""Refresh the translation sources and build the translations the app loads.

1. `pyside6-lupdate` extracts every `tr()` and `QT_TRANSLATE_NOOP` text from the GUI
   (src/casevault/gui, not the benchmark) and the casework modules into
   resources/i18n/casevault_<lang>.ts, dropping texts no longer in the code.
2. The translations are filled in from Python: English (en_GB, the source language) repeats the
   source, with English plural forms for `%n` texts; French comes from resources/i18n/fr.py.
   No message is left "unfinished"; a French text missing from fr.py stops the script.
3. `pyside6-lrelease` compiles each .ts to src/casevault/gui/i18n/casevault_<lang>.qm, which is
   committed, so a checkout runs without this step.

Run: .venv/bin/python scripts/translations.py           (writes the .ts and .qm files)
     .venv/bin/python scripts/translations.py --check   (exit 1 if any committed file is stale)
"""

from __future__ import annotations

import argparse
import filecmp
import runpy
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "casevault"
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = PACKAGE / "gui" / "i18n"
SOURCE_LANGUAGE = "en_GB"
LANGUAGES = ("en_GB", "fr")

# English plural forms for the texts that take a count (`tr(text, "", n)`).
EN_PLURALS = {
    "%n date(s) written to the calendar file.": (
        "%n date written to the calendar file.",
        "%n dates written to the calendar file.",
    ),
    "%1 (%n hour(s) left)": ("%1 (%n hour left)", "%1 (%n hours left)"),
    "overdue by %n day(s)": ("overdue by %n day", "overdue by %n days"),
    "in %n day(s)": ("in %n day", "in %n days"),
    "%n escalation(s) recorded.": ("%n escalation recorded.", "%n escalations recorded."),
    "%n casework reminders are due": ("%n casework reminder is due", "%n casework reminders are due"),
    "… and %n more after these": ("… and %n more after these", "… and %n more after these"),
    "%n more due after these: act on or dismiss these to reach them.": (
        "%n more due after these: act on or dismiss these to reach it.",
        "%n more due after these: act on or dismiss these to reach them.",
    ),
    "%n entry(ies)": ("%n entry", "%n entries"),
    "%n action point(s)": ("%n action point", "%n action points"),
    "%n of %1 issues have nothing recorded against them: have we covered all the issues?": (
        "%n of %1 issues has nothing recorded against it: have we covered all the issues?",
        "%n of %1 issues have nothing recorded against them: have we covered all the issues?",
    ),
}


def sources() -> list[Path]:
    """The files lupdate reads: the GUI (the benchmark's rigs aside), the casework texts, and
    the notes an email's import adds (formats/email_in.py)."""
    gui = sorted(p for p in (PACKAGE / "gui").glob("*.py") if not p.name.startswith("bench"))
    return gui + sorted((PACKAGE / "casework").glob("*.py")) + [PACKAGE / "formats" / "email_in.py"]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} (part of PySide6-Essentials) is missing")
    return found


def french() -> tuple[dict[str, str | tuple[str, ...]], dict[tuple[str, str], str]]:
    namespace = runpy.run_path(str(TS_DIR / "fr.py"))
    return namespace["FR"], namespace["IN_CONTEXT"]


def translation_for(language: str, context: str, source: str, numerus: bool) -> str | tuple[str, ...]:
    if language == SOURCE_LANGUAGE:
        return EN_PLURALS.get(source, (source, source)) if numerus else source
    table, in_context = french()
    if (context, source) in in_context:
        return in_context[context, source]
    if source not in table:
        raise KeyError(source)
    return table[source]


def fill(ts: Path, language: str) -> list[str]:
    """Write every translation into `ts`; returns the sources with no translation."""
    tree = ET.parse(ts)  # noqa: S314 - our own file, just written by lupdate
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            numerus = message.get("numerus") == "yes"
            element = message.find("translation")
            assert element is not None
            try:
                text = translation_for(language, name, source, numerus)
            except KeyError:
                missing.append(f"{name}: {source!r}")
                continue
            element.attrib.pop("type", None)
            if numerus:
                forms = element.findall("numerusform")
                if isinstance(text, str) or len(text) != len(forms):
                    raise SystemExit(f"{language} {source!r}: needs {len(forms)} plural forms")
                for form, value in zip(forms, text, strict=True):
                    form.text = value
            else:
                if not isinstance(text, str):
                    raise SystemExit(f"{language} {source!r}: plural forms given for a plain text")
                element.text = text
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return missing


def build(ts_dir: Path, qm_dir: Path) -> None:
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    ts_dir.mkdir(parents=True, exist_ok=True)
    qm_dir.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_dir / f"casevault_{language}.ts"
        subprocess.run(
            [
                lupdate,
                *map(str, sources()),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                SOURCE_LANGUAGE,
                "-target-language",
                language,
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        missing = fill(ts, language)
        if missing:
            raise SystemExit(
                f"{len(missing)} {language} text(s) to translate in fr.py:\n" + "\n".join(missing)
            )
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm_dir / f"casevault_{language}.qm")],
            check=True,
            capture_output=True,
            timeout=300,
        )


def stale() -> list[str]:
    """The committed .ts and .qm files that differ from a fresh build."""
    with tempfile.TemporaryDirectory() as scratch:
        ts_dir, qm_dir = Path(scratch) / "ts", Path(scratch) / "qm"
        ts_dir.mkdir()
        for language in LANGUAGES:  # start from the committed files, as a real run would
            committed = TS_DIR / f"casevault_{language}.ts"
            if committed.exists():
                shutil.copy(committed, ts_dir / committed.name)
        build(ts_dir, qm_dir)
        found = []
        for language in LANGUAGES:
            for fresh, committed in (
                (ts_dir / f"casevault_{language}.ts", TS_DIR / f"casevault_{language}.ts"),
                (qm_dir / f"casevault_{language}.qm", QM_DIR / f"casevault_{language}.qm"),
            ):
                if not committed.exists() or not filecmp.cmp(fresh, committed, shallow=False):
                    found.append(str(committed.relative_to(ROOT)))
        return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed files are current")
    args = parser.parse_args()
    if args.check:
        found = stale()
        for path in found:
            print(f"out of date: {path} (run scripts/translations.py)")
        return 1 if found else 0
    build(TS_DIR, QM_DIR)
    print(f"wrote {', '.join(f'casevault_{lang}' for lang in LANGUAGES)} .ts and .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
