"""How a case's records look on the command line: each as JSON, and as a line of text.

`case show` prints every record of a case, and each record's own command lists them in the same
shape, so the shapes live here, shared by both groups. Every stored string goes through `shown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casevault.cli.output import iso, shown

if TYPE_CHECKING:
    from casevault.core.model import (
        ActionPoint,
        CaseDate,
        CaseDeadline,
        Consent,
        Escalation,
        FirstMeeting,
        Original,
        Party,
    )
    from casevault.vault.facade import Vault

# ---- consent, the first meeting, action points, people -------------------------------------------


def first_meeting_json(meeting: FirstMeeting) -> dict[str, Any]:
    return {
        "held": iso(meeting.held_at),
        "issues": list(meeting.issues),
        "narrative": meeting.narrative,
        "dismissal_threatened": meeting.dismissal_threatened,
        "discrimination_alleged": meeting.discrimination_alleged,
        "confidentiality_explained": meeting.confidentiality_explained,
        "originals_received": meeting.originals_received,
        "member_decision": meeting.member_decision,
        "saved": iso(meeting.updated_at),
        "originals_returned": iso(meeting.originals_returned_at),
    }


def consent_json(c: Consent) -> dict[str, Any]:
    return {
        "id": c.id,
        "scope": c.scope,
        "given": iso(c.given_at),
        "note": c.note,
        "withdrawn": iso(c.withdrawn_at),
        "in_force": c.in_force,
        "recorded": iso(c.recorded_at),
    }


def party_json(p: Party) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "role": p.role, "note": p.note, "added": iso(p.added_at)}


def action_json(a: ActionPoint) -> dict[str, Any]:
    # The first four keys are the ones `case show --json` has always had.
    return {
        "id": a.id,
        "what": a.what,
        "owner": a.owner,
        "due": iso(a.due_at),
        "done": iso(a.done_at),
        "created": iso(a.created_at),
    }


def consent_line(c: dict[str, Any]) -> str:
    state = "in force" if c["in_force"] else f"withdrawn {c['withdrawn']}"
    note = f"\t{shown(c['note'])}" if c["note"] else ""
    return f"{c['id']}\t{shown(c['scope'])}\tgiven {c['given']}\t{state}{note}"


def party_line(p: dict[str, Any]) -> str:
    note = f"\t{shown(p['note'])}" if p["note"] else ""
    return f"{p['id']}\t{shown(p['role'])}\t{shown(p['name'])}{note}"


def action_line(a: dict[str, Any]) -> str:
    state = f"done {a['done']}" if a["done"] else "open"
    due = f"due {a['due']}" if a["due"] else "no due date"
    owner = f"\t{shown(a['owner'])}" if a["owner"] else ""
    return f"{a['id']}\t{state}\t{due}\t{shown(a['what'])}{owner}"


def meeting_lines(m: dict[str, Any], indent: str = "") -> list[str]:
    """The first meeting as `key: value` lines; fields never filled in are left out."""
    lines = [f"held: {m['held'] or 'not recorded'}"]
    lines += [f"issue: {shown(i)}" for i in m["issues"]]
    for key, label in (("narrative", "narrative"), ("originals_received", "originals received")):
        if m[key]:
            lines.append(f"{label}: {shown(m[key], multiline=True)}")
    for key, label in (
        ("dismissal_threatened", "dismissal threatened"),
        ("discrimination_alleged", "discrimination alleged"),
        ("confidentiality_explained", "confidentiality explained"),
    ):
        lines.append(f"{label}: {'yes' if m[key] else 'no'}")
    if m["originals_received"]:
        lines.append(f"originals returned: {m['originals_returned'] or 'no'}")
    if m["member_decision"]:
        lines.append(f"member's decision: {shown(m['member_decision'], multiline=True)}")
    return [indent + line for line in lines]


def case_records_json(vault: Vault, ref: str) -> dict[str, Any]:
    """What `case show --json` adds for consents and people (new keys only)."""
    return {
        "consents": [consent_json(c) for c in vault.consents(ref)],
        "people": [party_json(p) for p in vault.parties(ref)],
    }


def print_case_records(data: dict[str, Any]) -> None:
    """The records below a case's paper trail in `case show`."""
    for c in data["consents"]:
        print(f"  consent {consent_line(c)}")
    for p in data["people"]:
        print(f"  person {party_line(p)}")
    meeting = data["first_meeting"]
    if meeting["saved"] or meeting["issues"]:
        print("  first meeting:")
        for line in meeting_lines(meeting, indent="    "):
            print(line)
    else:  # said, so that a case without one does not read as a listing that leaves it out
        print("  first meeting: not recorded yet")
    for a in data["action_points"]:
        print(f"  action {action_line(a)}")
    if not data["action_points"]:
        print("  action points: none")


# ---- escalations, the originals register, hearings and meetings ----------------------------------


def escalation_json(e: Escalation) -> dict[str, Any]:
    return {
        "id": e.id,
        "escalated_to": e.escalated_to,
        "escalated": iso(e.escalated_at),
        "how": e.how,
        "regional_office_notified": e.regional_office_notified,
        "event_id": e.event_id,
        "recorded": iso(e.recorded_at),
    }


def original_json(o: Original) -> dict[str, Any]:
    return {
        "id": o.id,
        "description": o.description,
        "received": iso(o.received_at),
        "kept_at": o.kept_where,
        "returned": iso(o.returned_at),
        "returned_how": o.returned_how,
        "recorded": iso(o.recorded_at),
    }


def case_date_json(d: CaseDate) -> dict[str, Any]:
    return {"id": d.id, "kind": d.kind, "at": iso(d.at), "note": d.note}


def escalation_line(e: dict[str, Any]) -> str:
    told = "regional office told" if e["regional_office_notified"] else "regional office not told"
    return f"{e['id']}\t{e['escalated']}\t{shown(e['how'])}\t{told}\t{shown(e['escalated_to'])}"


def original_line(o: dict[str, Any]) -> str:
    state = f"returned {o['returned']}" if o["returned"] else "not returned"
    how = f"\treturned how: {shown(o['returned_how'])}" if o["returned_how"] else ""
    kept = f"\tkept at: {shown(o['kept_at'])}" if o["kept_at"] else ""
    return f"{o['id']}\treceived {o['received']}\t{state}\t{shown(o['description'])}{kept}{how}"


def case_date_line(d: dict[str, Any]) -> str:
    note = f"\t{shown(d['note'])}" if d["note"] else ""
    return f"{d['id']}\t{shown(d['kind'])}\t{d['at']}{note}"


def case_casework_json(vault: Vault, ref: str) -> dict[str, Any]:
    """What `case show --json` adds for these records (new keys only): with the procedure's
    stages and deadlines (issue 18), its hearings and meetings as the procedure counts them."""
    return {
        "escalations": [escalation_json(e) for e in vault.escalations(ref)],
        "originals": [original_json(o) for o in vault.originals(ref)],
        "case_dates": [case_date_json(d) for d in vault.case_dates(ref)],
        "deadlines": [deadline_json(d) for d in vault.deadlines(ref)],
    }


def print_case_casework(data: dict[str, Any]) -> None:
    """These records, below the others in `case show`. Hearings and meetings are said to be
    none when there are none, as the first meeting and the action points are."""
    for e in data["escalations"]:
        print(f"  escalation {escalation_line(e)}")
    for o in data["originals"]:
        print(f"  original {original_line(o)}")
    for d in data["case_dates"]:
        print(f"  date {case_date_line(d)}")
    if not data["case_dates"]:
        print("  hearings and meetings: none")
    for row in data["deadlines"]:
        print(f"  deadline {deadline_line(row)}")


# ---- the procedure's stages and deadlines --------------------------------------------------------


def deadline_json(d: CaseDeadline) -> dict[str, Any]:
    def day(value: Any) -> str | None:
        return None if value is None else str(value.isoformat())

    return {
        "id": d.id,
        "kind": d.kind,
        "name": d.name,
        "procedure": d.procedure_id,
        "stage": d.stage_key or None,
        "event": d.event,
        "limit_days": d.limit_days,
        "unit": d.unit,
        "event_on": day(d.event_on),
        "deadline": day(d.due_on),
        "extended_to": day(d.extended_to),
        "extension_with": d.extension_with,
        "done_on": day(d.done_on),
        "outcome": d.outcome,
        "overdue_reason": d.overdue_reason,
        "rule": d.rule,
        "rule_version": d.rule_version,
        "inputs": d.inputs,
        "explanation": d.explanation,
    }


def deadline_line(d: dict[str, Any]) -> str:
    """A stage or deadline (as `deadline_json` gives it) as `procedure show` lists it."""
    if d["done_on"] is not None:
        state = f"done {d['done_on']}"
    elif d["deadline"] is not None:
        state = f"due {d['deadline']}"
    elif d["limit_days"] is None:
        state = "no time limit"
    else:
        state = "waiting for its event"
    label = d["stage"] or d["kind"]
    return f"{d['id']}\t{shown(label)}\t{state}\t{shown(d['name'])}"
