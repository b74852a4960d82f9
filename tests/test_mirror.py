"""The tests mirror the source tree (issue 14, item 5): each module of src/casevault with logic
has its `tests/<package>/test_<module>.py`, and a helper shared by test modules lives in
tests/support/ (the rules are tests/support/mirror.py's docstring).

A ratchet like tests/test_layering.py: `KNOWN_UNTESTED` lists the modules still without their
test file and `KNOWN_CROSS_IMPORTS` the test modules still importing a helper from another test
module. A module added without its test fails, and so does an entry that has been paid (its test
written, its helper moved), so both lists only ever get shorter. A module has no logic, and needs
no test file, when it has no `def` at all. The planted-tree tests show each rule firing."""

from __future__ import annotations

from pathlib import Path

from tests.support import mirror

ROOT = Path(__file__).resolve().parents[1]

KNOWN_UNTESTED: set[str] = {
    "bench.backup",
    "bench.common",
    "bench.db",
    "bench.private_keychain",
    "cli.cases",
    "cli.common",
    "cli.keys",
    "cli.views",
    "core.errors",
    "core.i18n",
    "core.model",
    "formats.backup_file",
    "formats.blobstore",
    "formats.bundle",
    "formats.zip_writer",
    "gui.action_points_panel",
    "gui.attach_queue",
    "gui.background_preview",
    "gui.bench",
    "gui.bench_child",
    "gui.breach_dialog",
    "gui.busy",
    "gui.case_dates_panel",
    "gui.conflict_dialog",
    "gui.consent_panel",
    "gui.delete_dialog",
    "gui.deletion_log",
    "gui.device_check_dialog",
    "gui.display",
    "gui.escalation_dialog",
    "gui.library_dialog",
    "gui.main_window",
    "gui.new_case_dialog",
    "gui.originals_panel",
    "gui.paper_trail",
    "gui.parties_panel",
    "gui.reminder_watch",
    "gui.retention_dialog",
    "gui.review_view",
    "gui.teardown",
    "gui.typed_input",
    "gui.unlock_dialog",
    "gui.window_dialogs",
    "host.device_check.common",
    "host.device_check.linux",
    "host.device_check.macos",
    "host.device_check.windows",
    "host.keychain",
    "store.audit",
    "store.backup",
    "store.breaches",
    "store.bulk",
    "store.consents",
    "store.escalations",
    "store.handover",
    "store.library",
    "store.meetings",
    "store.originals",
    "store.paper_trail",
    "store.parties",
    "store.senders",
    "store.sent_log",
}

KNOWN_CROSS_IMPORTS: set[str] = set()


def test_every_module_with_logic_has_its_test_but_for_the_known_ones() -> None:
    found = mirror.untested(ROOT / "src", "casevault", ROOT / "tests")
    new = sorted(found - KNOWN_UNTESTED)
    paid = sorted(KNOWN_UNTESTED - found)
    assert not new, f"modules without tests/<package>/test_<module>.py: {new}"
    assert not paid, (
        f"these modules have their test now (or are gone): strike them off KNOWN_UNTESTED: {paid}"
    )


def test_no_test_module_imports_another_but_for_the_known_ones() -> None:
    found = mirror.cross_imports(ROOT, "tests")
    new = sorted(found - KNOWN_CROSS_IMPORTS)
    paid = sorted(KNOWN_CROSS_IMPORTS - found)
    assert not new, f"move what these import into tests/support/: {new}"
    assert not paid, f"these imports are gone: strike them off KNOWN_CROSS_IMPORTS: {paid}"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_planted_module_without_its_test_is_found_and_its_test_pays_it(tmp_path: Path) -> None:
    logic = "def f():\n    return 1\n"
    _write(
        tmp_path,
        {
            "src/pkg/__init__.py": logic,
            "src/pkg/__main__.py": logic,
            "src/pkg/demo.py": logic,
            "src/pkg/core/__init__.py": "",
            "src/pkg/core/clock.py": logic,
            "src/pkg/core/model.py": "class Record:\n    x: int = 1\n",  # no def: no logic
            "src/pkg/core/errors.py": "class Oops(Exception):\n    def __init__(self):\n        pass\n",
            "src/pkg/vault/handover/send.py": "class S:\n    async def go(self):\n        pass\n",
            "src/pkg/vault/handover/receive.py": logic,
            "src/pkg/resources/__init__.py": logic,
            "src/pkg/resources/icons.py": logic,
            "tests/core/test_clock.py": "",
            "tests/test_send.py": "",  # not where send.py's test belongs
            "tests/vault/test_receive.py": "",  # nor this one: the folders are mirrored too
        },
    )
    found = mirror.untested(tmp_path / "src", "pkg", tmp_path / "tests")
    assert found == {"demo", "core.errors", "vault.handover.send", "vault.handover.receive"}
    _write(tmp_path, {"tests/test_demo.py": "", "tests/vault/handover/test_send.py": ""})
    assert mirror.untested(tmp_path / "src", "pkg", tmp_path / "tests") == {
        "core.errors",
        "vault.handover.receive",
    }


def test_a_planted_import_of_another_test_module_is_found(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "tests/__init__.py": "",
            "tests/conftest.py": "PASSPHRASE = 'x'\n",
            "tests/support/__init__.py": "",
            "tests/support/flows.py": "from tests.conftest import PASSPHRASE\n",
            "tests/gui/__init__.py": "",
            "tests/gui/conftest.py": "def by_name():\n    pass\n",
            "tests/gui/test_ok.py": (
                "from tests.conftest import PASSPHRASE\nfrom tests.gui.conftest import by_name\n"
                "from tests.support import flows\nfrom tests import gui\n"
            ),
            "tests/gui/_helper.py": "X = 1\n",
            "tests/gui/test_absolute.py": "from tests.gui._helper import X\n",
            "tests/gui/test_relative.py": "from ._helper import X\n",
            "tests/gui/test_lazy.py": "def test_f():\n    from tests.gui import test_ok\n",
            "tests/support/backwards.py": "import tests.gui.test_ok\n",
        },
    )
    assert mirror.cross_imports(tmp_path, "tests") == {
        "tests.gui.test_absolute -> tests.gui._helper",
        "tests.gui.test_relative -> tests.gui._helper",
        "tests.gui.test_lazy -> tests.gui.test_ok",
        "tests.support.backwards -> tests.gui.test_ok",
    }
