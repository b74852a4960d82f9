"""A case's procedures and deadlines (schema 12): stored, read back, and the undone ones that are
due soon, for the reminders."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple, fields
from datetime import date, datetime

from casevault.core.model import CaseDeadline, Procedure
from casevault.store.cases import touch
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, to_db

_DATE_FIELDS = frozenset({"event_on", "due_on", "extended_to", "done_on"})
_COLUMNS = tuple(f.name for f in fields(CaseDeadline))
COLUMNS = ", ".join(_COLUMNS)


def _value(name: str, value: object) -> object:
    if name in _DATE_FIELDS:
        return None if value is None else value.isoformat()  # type: ignore[attr-defined]
    if name == "inputs":
        return json.dumps(value, sort_keys=True)
    return value


def deadline_of_row(row: Row) -> CaseDeadline:
    values: dict[str, object] = {}
    for name, raw in zip(_COLUMNS, row, strict=True):
        if name in _DATE_FIELDS:
            values[name] = None if raw is None else date.fromisoformat(str(raw))
        elif name == "inputs":
            values[name] = {str(k): str(v) for k, v in json.loads(str(raw)).items()}
        else:
            values[name] = raw
    return CaseDeadline(**values)  # type: ignore[arg-type]


def insert_procedure(
    db: Database, case_id: str, procedure: Procedure, stages: Iterable[CaseDeadline], now: datetime
) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO procedures(id, case_id, template_id, template_version, name, jurisdiction, "
            "policy_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                procedure.id,
                case_id,
                procedure.template_id,
                procedure.template_version,
                procedure.name,
                procedure.jurisdiction,
                procedure.policy_id,
                to_db(procedure.started_at),
            ),
        )
        for stage in stages:
            save_deadline(db, case_id, stage, None, now)
        touch(db, case_id, now)


def procedures(db: Database, case_id: str) -> list[Procedure]:
    rows = db.query(
        "SELECT id, template_id, template_version, name, jurisdiction, started_at, policy_id "
        "FROM procedures WHERE case_id = ? ORDER BY started_at, id",
        (case_id,),
    )
    return [
        Procedure(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), from_db(r[5]), r[6]) for r in rows
    ]


def save_deadline(
    db: Database, case_id: str, deadline: CaseDeadline, due_at: datetime | None, now: datetime
) -> None:
    """Insert the deadline, or replace the stored one with the same id. `due_at` is the start of
    its due day as a moment (None while it has no date, or once it is done)."""
    values = [_value(name, value) for name, value in zip(_COLUMNS, astuple(deadline), strict=True)]
    marks = ", ".join("?" for _ in _COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in (*_COLUMNS[1:], "due_at"))
    with db.transaction():
        db.execute(
            f"INSERT INTO deadlines(case_id, due_at, created_at, {COLUMNS}) VALUES (?, ?, ?, {marks}) "  # noqa: S608
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            (case_id, None if due_at is None else to_db(due_at), to_db(now), *values),
        )
        touch(db, case_id, now)


def deadlines(db: Database, case_id: str) -> list[CaseDeadline]:
    """A case's deadlines: procedure stages in order, then the others by date."""
    rows = db.query(
        f"SELECT {COLUMNS} FROM deadlines WHERE case_id = ? "  # noqa: S608 - constant columns
        "ORDER BY procedure_id IS NULL, procedure_id, position, due_on, created_at",
        (case_id,),
    )
    return [deadline_of_row(r) for r in rows]


def deadline(db: Database, deadline_id: str) -> tuple[str, CaseDeadline] | None:
    """(case id, deadline) by id."""
    row = db.query_one(f"SELECT case_id, {COLUMNS} FROM deadlines WHERE id = ?", (deadline_id,))  # noqa: S608
    return None if row is None else (str(row[0]), deadline_of_row(row[1:]))


def delete_deadline(db: Database, case_id: str, deadline_id: str, now: datetime) -> None:
    with db.transaction():
        db.execute("DELETE FROM deadlines WHERE id = ? AND case_id = ?", (deadline_id, case_id))
        touch(db, case_id, now)


def calendar_rows(db: Database) -> list[Row]:
    """(ref, id, kind, due_on) of every running deadline of an open case, and (ref, id, kind, at)
    of every hearing and meeting of one: what the calendar export holds."""
    return db.query(
        "SELECT c.ref, d.id, d.kind, d.due_on FROM deadlines d JOIN cases c ON c.id = d.case_id "
        "WHERE d.done_on IS NULL AND d.due_on IS NOT NULL AND c.status = 'open' "
        "UNION ALL SELECT c.ref, h.id, h.kind, h.at FROM case_dates h JOIN cases c ON c.id = h.case_id "
        "WHERE c.status = 'open' ORDER BY 4"
    )
