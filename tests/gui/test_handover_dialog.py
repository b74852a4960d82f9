"""The handover dialog (issue 6): named controls, hand over from a case, receive into another vault."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from casevault.casework.exchange import HANDED_OVER_REASON
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.gui.app import App
from casevault.gui.handover_dialog import HandoverDialog
from casevault.gui.main_window import MainWindow
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.conftest import by_name, window_named
from tests.support.accessibility import unnamed_controls
from tests.support.gui_flows import create_vault


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    v = Vault.create(
        VaultPaths(tmp_path / "other"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    yield v
    v.close()


def test_hand_over_and_receive_through_the_dialog(
    qtbot: QtBot, vault: Vault, other: Vault, tmp_path: Path
) -> None:
    ref = vault.new_case("Jan Kowalski")
    vault.attach_stream(ref, "letter.txt", io.BytesIO(b"x" * 5000))
    dialog = HandoverDialog(vault, None, ref)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    assert by_name(dialog, "This vault's handover key", QLineEdit).text() == vault.identity_public_key()
    by_name(dialog, "Copy my handover key", QPushButton).click()
    assert QApplication.clipboard().text() == vault.identity_public_key()

    by_name(dialog, "Colleague's handover key", QLineEdit).setText(other.identity_public_key())
    out = tmp_path / "case.age"
    dialog.start_handover(out)  # no consent yet: one sentence, no file
    assert "consent" in dialog.status.text().lower() or "agree" in dialog.status.text().lower()
    assert not out.exists()
    vault.give_consent(ref, "share-reps")
    dialog.start_handover(out)
    qtbot.waitUntil(lambda: dialog._task is None and out.exists(), timeout=20_000)
    assert "handed over" in dialog.status.text()
    assert vault.handovers(ref)

    receiver = HandoverDialog(other)
    qtbot.addWidget(receiver)
    assert unnamed_controls(receiver) == []
    with qtbot.waitSignal(receiver.received, timeout=20_000) as got:
        receiver.start_receive(out)
    new_ref = got.args[0]
    assert other.case(new_ref).member.name == "Jan Kowalski"
    # The same bundle again imports a second copy; a damaged one is refused in one sentence.
    bad = tmp_path / "bad.age"
    data = bytearray(out.read_bytes())
    data[-5] ^= 1
    bad.write_bytes(bytes(data))
    count = other.count_cases()
    receiver.start_receive(bad)
    qtbot.waitUntil(lambda: receiver._task is None, timeout=20_000)
    assert "nothing was imported" in receiver.status.text()
    assert other.count_cases() == count
    assert other.check() == []


def test_after_a_handover_the_sender_is_offered_to_delete_their_copy(
    qtbot: QtBot, make_app: Callable[..., App], other: Vault, tmp_path: Path
) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    vault = window.vault
    assert vault is not None
    ref = vault.new_case("Jan Kowalski")
    vault.save_first_meeting(ref, FirstMeeting(dismissal_threatened=True))  # escalation unrecorded
    vault.give_consent(ref, "share-reps")
    window.open_case(ref)
    page = window.case_page
    assert page is not None
    page.open_handover_dialog()
    dialog = page.handover_dialog
    assert dialog is not None
    offer = by_name(dialog, "Delete my copy", QPushButton)
    assert not offer.isVisible()  # nothing to offer before the bundle exists
    dialog.recipient_field.setText(other.identity_public_key())
    out = tmp_path / "case.age"
    dialog.start_handover(out)
    qtbot.waitUntil(lambda: dialog._task is None and out.exists(), timeout=20_000)
    assert offer.isVisible()
    offer.click()
    qtbot.waitUntil(lambda: shown("Delete case permanently"))
    assert vault.case(ref).summary.status == "closed"
    assert any(HANDED_OVER_REASON in e.body for e in vault.case(ref).events)
    window_named("Delete case permanently").close()
    assert vault.count_cases() == 1  # deleting still needs the typed reference


def shown(title: str) -> bool:
    try:
        window_named(title)
    except AssertionError:
        return False
    return True


def test_after_a_receive_the_dialog_shows_who_signed_and_records_the_phone_check(
    qtbot: QtBot, vault: Vault, other: Vault, tmp_path: Path
) -> None:
    """Issue 13: the sender's signing fingerprint and whether it is new, with "I have compared
    it by phone"; the sender's own dialog shows the fingerprint to read out."""
    ref = vault.new_case("Jan Kowalski")
    vault.give_consent(ref, "share-reps")
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    mine = HandoverDialog(vault)
    qtbot.addWidget(mine)
    assert by_name(mine, "This vault's signing fingerprint", QLineEdit).text() == vault.signing_fingerprint()

    receiver = HandoverDialog(other)
    qtbot.addWidget(receiver)
    receiver.show()
    sender = by_name(receiver, "Sender", QLabel)
    confirm = by_name(receiver, "Confirm sender by phone", QPushButton)
    assert not sender.isVisible() and not confirm.isVisible()
    with qtbot.waitSignal(receiver.received, timeout=20_000):
        receiver.start_receive(out)
    assert sender.isVisible() and vault.signing_fingerprint() in sender.text()
    assert "never received from" in sender.text()
    assert confirm.isVisible()
    assert unnamed_controls(receiver) == []
    confirm.click()
    assert not confirm.isVisible()
    assert other.handover_senders()[0].confirmed_at is not None
    with qtbot.waitSignal(receiver.received, timeout=20_000):
        receiver.start_receive(out)
    assert "compared by phone" in sender.text() and not confirm.isVisible()
