"""Settings > Sync (issue 20, done-when 2): a narrative two devices changed apart keeps both
versions, the rep keeps one in the dialog, and after a sync both devices show it with no
conflict left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.gui.sync_dialog import SyncDialog
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support.sync_pair import first_device, join, sync_all


@pytest.fixture
def pair(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Vault, Vault]]:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock)
    yield a, b
    a.close()
    b.close()


def test_the_rep_keeps_one_of_two_concurrent_narratives(
    qtbot: QtBot, pair: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = pair
    ref = a.new_case("Theodora Twice")
    sync_all(a, b)
    a.save_first_meeting(ref, FirstMeeting(narrative="the laptop's account"))
    clock.advance(seconds=1)
    b.save_first_meeting(ref, FirstMeeting(narrative="the desktop's account"))
    clock.advance(seconds=1)
    sync_all(a, b)
    assert a.first_meeting(ref).narrative == "the desktop's account"  # the newest is shown

    dialog = SyncDialog(a)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts.count() == 1
    assert ref in dialog.conflicts.item(0).text() and "narrative" in dialog.conflicts.item(0).text()
    assert dialog.versions.count() == 2
    texts = []
    for row in range(dialog.versions.count()):
        dialog.versions.setCurrentRow(row)
        texts.append(dialog.text.toPlainText())
    assert sorted(texts) == ["the desktop's account", "the laptop's account"]
    dialog.versions.setCurrentRow(texts.index("the laptop's account"))
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.conflicts.count() == 0
    assert a.first_meeting(ref).narrative == "the laptop's account"

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert "Sent" in dialog.said.text()
    sync_all(b, a)
    for vault in (a, b):
        assert vault.first_meeting(ref).narrative == "the laptop's account"
        assert vault.sync.status().conflicts == 0
    dialog.refresh()
    assert dialog.conflicts.count() == 0 and not dialog.keep_button.isEnabled()


def test_a_vault_that_does_not_sync_says_how_to_start(qtbot: QtBot, vault: Vault) -> None:
    dialog = SyncDialog(vault)
    qtbot.addWidget(dialog)
    assert "sync init" in dialog.status.text()
    assert not dialog.sync_button.isEnabled() and dialog.conflicts.count() == 0
    assert PASSPHRASE not in dialog.status.text()


def test_the_rep_accepts_a_device_asking_to_join_once_the_codes_match(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    try:
        ref = a.new_case("Wilfreda Joiner")
        waiting = service.start_joining(folder, "office desktop")
        dialog = SyncDialog(a)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "Not synced yet." in dialog.status.text()
        assert dialog.requests.count() == 1 and dialog.accept_button.isEnabled()
        [(_request, code)] = a.sync.requests()
        assert dialog.requests.item(0).text() == f"office desktop · {code}"

        asked: list[tuple[str, str]] = []
        dialog.codes_match = lambda label, shown: asked.append((label, shown)) is not None  # "No"
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert asked == [("office desktop", code)] and "Not accepted" in dialog.said.text()
        assert service.answer_for(waiting) is None

        dialog.codes_match = lambda _label, _shown: True
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert "Accepted" in dialog.said.text() and dialog.requests.count() == 0
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        assert "Last synced " in dialog.status.text() and " UTC." in dialog.status.text()
        answer = service.answer_for(waiting)
        assert answer is not None and waiting.code(answer) == code
        b = Vault.join(
            VaultPaths(tmp_path / "b"),
            PASSPHRASE,
            waiting,
            answer,
            keychain=None,
            kdf_params=FAST_KDF,
            clock=clock,
        )
        with b:
            assert [c.ref for c in b.list_cases()] == [ref]
    finally:
        a.close()
