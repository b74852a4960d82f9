"""The app in another language: its own texts, Qt's standard buttons, and dates in that locale.

The French is complete: every message translated, with the source's placeholders, accelerators and
trailing punctuation, and the committed .ts/.qm match what scripts/translations.py builds now."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from casevault.gui import translations
from casevault.gui.app import App
from casevault.gui.case_list_model import local_date_text
from tests.conftest import PASSPHRASE
from tests.gui.conftest import by_name, window_named
from tests.support.translatable import DOMAIN_FILES, GUI_FILES

ROOT = Path(__file__).resolve().parents[2]
FRENCH_TS = ROOT / "resources" / "i18n" / "casevault_fr.ts"
SCRIPT = ROOT / "scripts" / "translations.py"
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{\d*\}")
MakeApp = Callable[..., App]


@pytest.fixture
def french() -> Iterator[None]:
    assert translations.install("fr") == "fr"
    yield
    translations.uninstall()


def test_unlock_dialog_speaks_french(french: None, make_app: MakeApp) -> None:
    dialog = make_app().unlock_dialog
    assert dialog.unlock_button.text() == "&Déverrouiller"
    assert dialog.unlock_button.accessibleName() == "Déverrouiller"
    assert dialog.windowTitle() == "Déverrouiller casevault"


def test_main_window_in_french_after_creating_a_vault(qtbot: QtBot, french: None, make_app: MakeApp) -> None:
    app = make_app()
    app.start()
    dialog = window_named("Créer le coffre")
    by_name(dialog, "Phrase de passe", QLineEdit).setText(PASSPHRASE)
    by_name(dialog, "Répéter la phrase de passe", QLineEdit).setText(PASSPHRASE)
    qtbot.mouseClick(by_name(dialog, "Créer le coffre", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(app.main_window.isVisible)
    qtbot.waitUntil(lambda: not app.main_window.after_paint.pending)  # the list is built after Today's paint
    window = window_named("casevault")
    assert [a.text() for a in window.menuBar().actions()] == ["&Fichier", "&Dossiers", "&Paramètres", "&Aide"]
    model = by_name(window, "Liste des dossiers", QTableView).model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Référence" in headers
    assert "Prochaine échéance" in headers
    by_name(window, "Nouveau dossier")  # the toolbar button, as a screen reader names it
    assert app.main_window.new_case_action.text() == "&Nouveau dossier"


def test_domain_text_is_translated_in_its_context(french: None) -> None:
    advice = QCoreApplication.translate("casework", "Step aside")
    assert advice == "Se retirer"


def test_qt_standard_buttons_are_french(french: None, qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_dates_follow_the_french_locale(french: None) -> None:
    assert QLocale().language() == QLocale.Language.French
    assert local_date_text(datetime(2026, 3, 15, 12, tzinfo=UTC)) == "15/03/2026"
    assert "mars" in QLocale().toString(
        QLocale().toDate("2026-03-15", "yyyy-MM-dd"), QLocale.FormatType.LongFormat
    )


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    before = QLocale()
    try:
        monkeypatch.setenv(translations.ENV, "fr_CA")
        assert translations.install() == "fr"  # no Canadian French: the French
        assert translations.install("en_US") == "en_GB"  # the one English there is
        assert translations.install("de") == ""  # no German: the English source texts
        assert QCoreApplication.translate("UnlockDialog", "&Unlock") == "&Unlock"
    finally:
        translations.uninstall()
    assert QLocale() == before
    assert QCoreApplication.translate("UnlockDialog", "&Unlock") == "&Unlock"


def _messages() -> list[tuple[str, str, list[str], str | None]]:
    """(context, source, translations, type) for every message in the French .ts."""
    found = []
    for context in ET.parse(FRENCH_TS).getroot().iter("context"):
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            forms = [f.text or "" for f in element.iter("numerusform")] or [element.text or ""]
            found.append(
                (context.findtext("name") or "", message.findtext("source") or "", forms, element.get("type"))
            )
    return found


def test_french_is_complete_and_keeps_placeholders_and_accelerators() -> None:
    messages = _messages()
    assert len(messages) > 800
    problems = []
    for context, source, forms, kind in messages:
        where = f"{context}: {source!r}"
        if kind is not None:
            problems.append(f"{where} is {kind}")
        for text in forms:
            if not text.strip():
                problems.append(f"{where} is empty")
            if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                problems.append(f"{where}: accelerator lost or doubled in {text!r}")
            for ending in ("…", ":"):
                if source.endswith(ending) and not text.endswith(ending):
                    problems.append(f"{where}: {text!r} does not end with {ending!r}")
    assert problems == []


def test_translations_script_reads_every_file_the_checker_reads() -> None:
    script = runpy.run_path(str(SCRIPT))
    assert script["sources"]() == GUI_FILES + DOMAIN_FILES


@pytest.mark.slow
def test_committed_translations_are_up_to_date() -> None:
    """A text added or changed in the code, or in resources/i18n/fr.py, needs the script run again."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
