"""Creating a vault (issue 18): a refused passphrase is said once, under the field, and whole (it
was said twice, and the copy under the field was cut to one line)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from casevault.core.paths import VaultPaths
from casevault.gui import translations
from casevault.gui.create_dialog import CreateVaultDialog
from tests.conftest import FAST_KDF
from tests.gui.conftest import by_name

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "fr":
        assert translations.install("fr") == "fr"
    yield request.param
    if request.param == "fr":
        translations.uninstall()


def _shown_with(dialog: CreateVaultDialog, text: str) -> list[QLabel]:
    return [label for label in dialog.findChildren(QLabel) if label.isVisible() and label.text() == text]


def test_a_short_passphrase_is_refused_once_and_whole(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    dialog = CreateVaultDialog(VaultPaths(tmp_path / "vault"), keychain=None, kdf_params=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = by_name(dialog, "Phrase de passe" if language == "fr" else "Passphrase", QLineEdit)
    qtbot.keyClicks(field, "short")
    dialog.confirm.setText("short")
    problem = dialog.problem("short")
    assert problem
    create = "Créer le coffre" if language == "fr" else "Create vault"
    qtbot.mouseClick(by_name(dialog, create, QPushButton), LEFT)
    qtbot.wait(20)
    [label] = _shown_with(dialog, problem)  # once: under the field
    assert label is dialog.hint
    assert label.heightForWidth(label.width()) > label.fontMetrics().height()  # it wraps...
    assert label.height() >= label.heightForWidth(label.width())  # ...and every line shows
    assert not (tmp_path / "vault").exists()


def test_an_empty_passphrase_is_refused_under_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CreateVaultDialog(VaultPaths(tmp_path / "vault"), keychain=None, kdf_params=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(by_name(dialog, "Create vault", QPushButton), LEFT)
    [label] = _shown_with(dialog, dialog.problem(""))
    assert label is dialog.hint
    assert dialog.message.text() == ""


def test_passphrases_that_differ_are_said_in_the_message(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CreateVaultDialog(VaultPaths(tmp_path / "vault"), keychain=None, kdf_params=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("several unrelated words here")
    dialog.confirm.setText("several unrelated words there")
    qtbot.mouseClick(by_name(dialog, "Create vault", QPushButton), LEFT)
    assert dialog.message.text() == "The two passphrases differ. Please type the same one twice."
    assert dialog.hint.text().startswith("Strong")
