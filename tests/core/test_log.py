"""Logs hold event names and opaque ids only; the redacting filter is the safety net."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from casevault.core import log as logsetup
from casevault.core.log import REDACTED, RedactingFilter
from casevault.vault.facade import Vault


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    logsetup.configure(debug=True)
    handler = logging.getLogger("casevault").handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    stream = io.StringIO()
    handler.setStream(stream)
    yield stream
    logsetup.configure(debug=False)


def record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("casevault.test", logging.INFO, __file__, 1, msg, args, None)


@pytest.mark.parametrize(
    "arg",
    ["0123456789abcdef0123456789abcdef", "CV-2026-0001", "case.created", 42, 3.5, None, True],
)
def test_ids_references_event_names_and_numbers_pass(arg: object) -> None:
    rec = record("event %s", arg)
    RedactingFilter().filter(rec)
    assert rec.args == (arg,)


@pytest.mark.parametrize(
    "arg",
    ["Nguyễn Thị Lan", "letter to HR.pdf", "/home/rep/cases/x", "sick note", "zephyrine search", "A" * 33],
)
def test_anything_else_is_redacted(arg: str) -> None:
    rec = record("event %s", arg)
    RedactingFilter().filter(rec)
    assert rec.getMessage() == f"event {REDACTED}"


def test_exception_text_is_dropped_but_its_type_kept() -> None:
    err = FileNotFoundError("/home/rep/Nguyễn grievance.pdf")
    info = (FileNotFoundError, err, None)
    rec = logging.LogRecord("casevault.t", logging.ERROR, __file__, 1, "attach.failed", (), info)
    RedactingFilter().filter(rec)
    assert rec.exc_info is None
    assert "FileNotFoundError" in rec.getMessage() and "Nguy" not in rec.getMessage()


def test_a_working_session_logs_no_personal_data(captured: io.StringIO, vault: Vault, tmp_path) -> None:
    member, note, fname = "Quillon Zarathustra", "sicknessabsence disclosed", "grievance_letter.txt"
    ref = vault.new_case(member, email="quillon@example.org")
    vault.add_note(ref, note, kind="meeting")
    src = tmp_path / fname
    src.write_text("body")
    file_id = vault.attach(ref, src)
    vault.search("sicknessabsence")
    vault.read_attachment(file_id)
    text = captured.getvalue()
    assert "case.created" in text and file_id in text, "the session should have been logged"
    for secret in ("Zarathustra", "quillon@", "sicknessabsence", "grievance_letter"):
        assert secret not in text


def test_without_debug_nothing_is_emitted(capsys: pytest.CaptureFixture[str], vault: Vault) -> None:
    logsetup.configure(debug=False)
    vault.new_case("Someone Private")
    out, err = capsys.readouterr()
    assert out == "" and err == ""
