"""Issue 5 in the desktop app: the policy library, the breach form and log, the device check and
the Help menu, on a real vault, found by accessible name."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from casevault.casework import breach as breach_rules
from casevault.gui.app import App
from casevault.gui.breach_dialog import BreachDialog, BreachLogDialog
from casevault.gui.device_check_dialog import DeviceCheckDialog
from casevault.gui.library_dialog import LibraryDialog
from casevault.gui.main_window import MainWindow
from casevault.host import device_check
from casevault.host.device_check import DeviceReport
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name
from tests.support.gui_flows import MEMBER, add_case, button, create_vault

MakeApp = Callable[..., App]
POLICY = b"Disciplinary procedure\nStage 1: an informal meeting.\n"


def open_window(qtbot: QtBot, make_app: MakeApp) -> tuple[App, MainWindow, Vault]:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    vault = window.vault
    assert vault is not None
    return app, window, vault


class Files:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.to_open: list[str] = []
        self.save_to = ""
        self.confirm = True

    def ask_open(self, _parent: object) -> list[str]:
        return self.to_open

    def ask_save(self, _parent: object, _suggested: str) -> str:
        return self.save_to

    def yes(self, _parent: object) -> bool:
        return self.confirm


# ---- the first run and the device check -------------------------------------------------------


def test_creating_a_vault_shows_the_real_device_check_once(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, _vault = open_window(qtbot, make_app)
    dialog = window.device_check
    assert isinstance(dialog, DeviceCheckDialog)
    assert dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    report = dialog.report
    assert report is not None
    assert report.disk_encrypted in {"yes", "no", "unknown"}
    assert report.screen_lock in {"yes", "no", "unknown"}
    assert by_name(dialog, "Disk encryption", QLabel).text()
    assert device_check.ADVICE_VAULT_LOCKS in by_name(dialog, "What to do", QLabel).text()
    dialog.accept()
    qtbot.waitUntil(lambda: window.device_check is None)


@pytest.mark.parametrize(
    ("disk", "lock", "verdicts", "advice"),
    [
        ("yes", "yes", ("Good", "Good"), device_check.ADVICE_VAULT_LOCKS),
        ("no", "no", ("Needs attention", "Needs attention"), device_check.ADVICE_ENCRYPT_LINUX),
        ("unknown", "unknown", ("Could not tell", "Could not tell"), device_check.ADVICE_CHECK_DISK),
    ],
)
def test_each_state_is_said_in_plain_words(
    qtbot: QtBot, disk: str, lock: str, verdicts: tuple[str, str], advice: str
) -> None:
    report = DeviceReport(
        disk,
        device_check.DISK_LUKS if disk == "yes" else device_check.DISK_PLAIN,
        lock,
        device_check.LOCK_ON if lock == "yes" else device_check.LOCK_DISABLED,
        device_check._advice(disk, lock, "linux"),
    )
    dialog = DeviceCheckDialog(Path("/nonexistent"), report=report)
    qtbot.addWidget(dialog)
    disk_text = by_name(dialog, "Disk encryption", QLabel).text()
    lock_text = by_name(dialog, "Screen lock", QLabel).text()
    assert disk_text.startswith(f"Disk encryption: {verdicts[0]}.")
    assert lock_text.startswith(f"Screen lock: {verdicts[1]}.")
    assert report.disk_detail in disk_text and report.screen_lock_detail in lock_text
    assert advice in by_name(dialog, "What to do", QLabel).text()


def test_the_check_runs_off_the_gui_thread_from_settings(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, _vault = open_window(qtbot, make_app)
    assert window.device_check is not None
    window.device_check.accept()
    qtbot.waitUntil(lambda: window.device_check is None)
    threads: list[bool] = []

    def check(_path: Path) -> DeviceReport:
        threads.append(threading.current_thread() is threading.main_thread())
        return DeviceReport("yes", device_check.DISK_LUKS, "yes", device_check.LOCK_ON, ())

    dialog = DeviceCheckDialog(Path("/x"), window, check=check)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        pass
    assert threads == [False]
    dialog.deleteLater()
    window.device_check_action.trigger()
    assert isinstance(window.device_check, DeviceCheckDialog)
    assert window.device_check.isModal()


# ---- the Help menu -----------------------------------------------------------------------------


def test_help_links_are_the_guides_and_open_in_the_browser(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, _vault = open_window(qtbot, make_app)
    opened: list[str] = []
    window.open_url = lambda url: opened.append(url.toString())  # no browser in tests
    expected = {
        "acas": "https://www.acas.org.uk",
        "gov-uk-working": "https://www.gov.uk/browse/working",
        "ucu-support": "https://ucu.custhelp.com/",
        "regional-office": "https://www.ucu.org.uk/yourcontacts",
    }
    assert {key: action.data() for key, action in window.help_actions.items()} == expected
    for action in window.help_actions.values():
        action.trigger()
    assert opened == [QUrl(url).toString() for url in expected.values()]
    titles = [a.text() for a in window.help_actions.values()]
    assert titles[0] == "A&CAS" and "regional office" in titles[3]  # a mnemonic each (issue 18)
    window.about_action.trigger()
    assert window.about_box is not None and "casevault" in window.about_box.text()
    window.about_box.reject()


def test_menus_hold_the_entries(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, _vault = open_window(qtbot, make_app)
    menus = {
        m.title(): [a.text() for a in m.actions() if a.text()]
        for m in (a.menu() for a in window.menuBar().actions())
        if m
    }
    assert menus["&Casework"] == [
        "Policy &library…",
        "Report a confidentiality &breach…",
        "Breach &records…",
        "Export deadlines to a &calendar…",
        "Branch &figures…",
        "Recei&ve a case…",
        "My &handover key…",
    ]
    for entries in menus.values():  # one mnemonic per letter, so Alt+letter reaches every entry
        keys = [text.split("&", 1)[1][0].lower() for text in entries if "&" in text]
        assert len(keys) == len(set(keys)), entries
    assert "&Check this device…" in menus["&Settings"]
    assert menus["&Help"][-1] == "&About casevault"


# ---- the policy library ------------------------------------------------------------------------


def test_library_add_preview_save_remove(qtbot: QtBot, make_app: MakeApp, tmp_path: Path) -> None:
    _app, window, vault = open_window(qtbot, make_app)
    files = Files(tmp_path)
    source = tmp_path / "Disciplinary procedure.txt"
    source.write_bytes(POLICY)
    picture = tmp_path / "org-chart.png"
    image = QImage(8, 4, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(picture))
    dialog = LibraryDialog(
        vault,
        window,
        ask_open_files=files.ask_open,
        ask_save_file=files.ask_save,
        confirm_plaintext=files.yes,
        confirm_remove=files.yes,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    files.to_open = [str(source), str(picture)]
    with qtbot.waitSignal(dialog.idle, timeout=20_000):
        button(dialog, "Add to the library").click()
    assert sorted(dialog.titles()) == ["Disciplinary procedure.txt", "org-chart.png"]
    assert len(vault.library_documents()) == 2

    dialog.select("Disciplinary procedure.txt")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as shown:
        button(dialog, "Preview").click()
    assert shown.args == ["text"]
    assert "Stage 1" in by_name(dialog, "Text preview", QPlainTextEdit).toPlainText()
    dialog.select("org-chart.png")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as shown:
        button(dialog, "Preview").click()
    assert shown.args == ["image"] and dialog.preview.image.size() == image.size()

    dialog.select("Disciplinary procedure.txt")
    out = tmp_path / "out" / "copy.txt"
    out.parent.mkdir()
    files.save_to = str(out)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        button(dialog, "Save a copy").click()
    assert saved.args == [out] and out.read_bytes() == POLICY
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        button(dialog, "Save a copy").click()
    assert saved.args == [None] and "never overwrites" in by_name(dialog, "Message", QLabel).text()

    with qtbot.waitSignal(dialog.removed, timeout=5_000):
        button(dialog, "Remove from the library").click()
    assert dialog.titles() == ["org-chart.png"]
    actions = [e.fields.action for e in vault.audit()]
    assert actions.count("library.removed") == 1 and actions.count("library.viewed") == 2


def test_library_from_the_menu_and_closed_by_a_lock(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, _vault = open_window(qtbot, make_app)
    window.library_action.trigger()
    dialog = window.library_dialog
    assert isinstance(dialog, LibraryDialog) and dialog.isVisible()
    window.lock()
    assert window.library_dialog is None
    qtbot.waitUntil(app.unlock_dialog.isVisible)


# ---- breaches ----------------------------------------------------------------------------------


def fill_breach(dialog: BreachDialog, *, what: str, refs: str = "", actions: str = "") -> None:
    now = QDateTime.currentDateTime()
    by_name(dialog, "When it happened", QDateTimeEdit).setDateTime(now.addDays(-2))
    by_name(dialog, "When it was discovered", QDateTimeEdit).setDateTime(now.addDays(-1))
    combo = by_name(dialog, "Kind of breach", QComboBox)
    combo.setCurrentIndex(combo.findData("wrong-recipient"))
    by_name(dialog, "What happened", QPlainTextEdit).setPlainText(what)
    by_name(dialog, "Cases affected", QLineEdit).setText(refs)
    by_name(dialog, "The General Secretary", QCheckBox).setChecked(True)
    by_name(dialog, "When they were informed", QDateTimeEdit).setDateTime(now.addSecs(-3600))
    by_name(dialog, "Actions taken", QPlainTextEdit).setPlainText(actions)


def test_breach_form_refuses_a_name_keeps_the_text_then_records_and_exports(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    _app, window, vault = open_window(qtbot, make_app)
    add_case(qtbot, window, MEMBER)
    ref = vault.list_cases()[0].ref
    files = Files(tmp_path)
    window.breach_action.trigger()
    dialog = window.breach_dialog
    assert isinstance(dialog, BreachDialog)
    dialog._ask_save_file = files.ask_save
    named = f"An email about {MEMBER} went to the wrong list."
    fill_breach(dialog, what=named, refs=ref.lower(), actions="Recall requested.")
    button(dialog, "Record the breach").click()
    message = by_name(dialog, "Message", QLabel).text()
    assert "names someone" in message and message.count(".") == 1
    assert by_name(dialog, "What happened", QPlainTextEdit).toPlainText() == named  # nothing lost
    assert vault.breaches() == []

    by_name(dialog, "Cases affected", QLineEdit).setText("CV-1999-0001")
    by_name(dialog, "What happened", QPlainTextEdit).setPlainText("An email went to the wrong list.")
    button(dialog, "Record the breach").click()
    assert "not one of this vault's cases" in by_name(dialog, "Message", QLabel).text()

    by_name(dialog, "Cases affected", QLineEdit).setText(ref.lower())
    with qtbot.waitSignal(dialog.recorded, timeout=5_000) as recorded:
        button(dialog, "Record the breach").click()
    [stored] = vault.breaches()
    assert recorded.args == [stored.id] and stored.case_refs == (ref,)
    out = tmp_path / "report.txt"
    files.save_to = str(out)
    with qtbot.waitSignal(dialog.exported, timeout=5_000):
        button(dialog, "Export report").click()
    text = out.read_text()
    assert ref in text and "The General Secretary" in text and MEMBER not in text
    assert out.stat().st_mode & 0o777 == 0o600

    log = BreachLogDialog(vault, window, ask_save_file=files.ask_save)
    qtbot.addWidget(log)
    row = log.list.topLevelItem(0)
    assert row is not None
    # The 72 hours run from discovery: the log shows when they end and, while they run, what is left.
    _due, left = breach_rules.report_clock(stored.discovered_at, vault.now())
    assert row.text(3).endswith("(passed)" if left <= 0 else "left)"), row.text(3)
    files.save_to = str(tmp_path / "again.txt")
    with qtbot.waitSignal(log.exported, timeout=5_000):
        button(log, "Export report").click()
    assert (tmp_path / "again.txt").read_text() == text


def test_the_breach_form_keeps_informed_date_off_until_someone_is_ticked(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    _app, window, vault = open_window(qtbot, make_app)
    dialog = BreachDialog(vault, window)
    qtbot.addWidget(dialog)
    when = by_name(dialog, "When they were informed", QDateTimeEdit)
    assert not when.isEnabled()
    by_name(dialog, "The Executive Committee", QCheckBox).setChecked(True)
    assert when.isEnabled()
    assert "General Secretary or Executive Committee" in by_name(dialog, "The union's policy", QLabel).text()
