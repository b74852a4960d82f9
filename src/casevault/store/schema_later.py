"""The schema's migrations from version 11 on, kept apart from schema.py only so that each file
stays short; `schema.MIGRATIONS` lists them all, and existing ones are never edited."""

from __future__ import annotations

# Oral advice waiting to be confirmed in writing, kept by triggers (issue 15: at 100k cases the
# reminders query read 222k advice rows and probed for written advice after each: 300 ms just to
# count 88k due). A row per oral advice with no written advice on its case at or after it; its
# case's status comes along, so the due ones are one range of one index, counted or paged
# without touching a case. Events are only ever inserted, or deleted with their case; a later
# migration that rebuilds `events` must recreate these triggers.
_FOLLOW_UP_ROWS = """
    SELECT e.id, e.case_id, e.occurred_at, c.status = 'open' FROM events e JOIN cases c ON c.id = e.case_id
    WHERE e.kind = 'advice' AND NOT EXISTS (SELECT 1 FROM events w WHERE w.kind = 'advice-written'
        AND w.case_id = e.case_id AND w.occurred_at >= e.occurred_at)"""
V11 = f"""
CREATE TABLE follow_ups (
    event_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    advised_at TEXT NOT NULL,
    case_open INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX follow_ups_due ON follow_ups(case_open, advised_at);
CREATE INDEX follow_ups_by_case ON follow_ups(case_id, advised_at);
CREATE TRIGGER follow_ups_add AFTER INSERT ON events WHEN NEW.kind = 'advice' BEGIN
    INSERT INTO follow_ups(event_id, case_id, advised_at, case_open) {_FOLLOW_UP_ROWS} AND e.id = NEW.id;
END;
CREATE TRIGGER follow_ups_confirmed AFTER INSERT ON events WHEN NEW.kind = 'advice-written' BEGIN
    DELETE FROM follow_ups WHERE case_id = NEW.case_id AND advised_at <= NEW.occurred_at;
END;
CREATE TRIGGER follow_ups_advice_gone AFTER DELETE ON events WHEN OLD.kind = 'advice' BEGIN
    DELETE FROM follow_ups WHERE event_id = OLD.id;
END;
CREATE TRIGGER follow_ups_writing_gone AFTER DELETE ON events WHEN OLD.kind = 'advice-written' BEGIN
    DELETE FROM follow_ups WHERE case_id = OLD.case_id;
    INSERT INTO follow_ups(event_id, case_id, advised_at, case_open) {_FOLLOW_UP_ROWS}
        AND e.case_id = OLD.case_id;
END;
CREATE TRIGGER follow_ups_case_status AFTER UPDATE OF status ON cases BEGIN
    UPDATE follow_ups SET case_open = NEW.status = 'open' WHERE case_id = NEW.id;
END;
INSERT INTO follow_ups(event_id, case_id, advised_at, case_open) {_FOLLOW_UP_ROWS};
"""  # noqa: S608 - constant SQL

# The casework clock (issue 16): a case's procedures, and every deadline counted for it (a
# procedure's stages, a tribunal time limit, a subject access request). A deadline keeps the rule
# and version that made it, its inputs and its explanation; `due_at` is the start of its day (UK
# time) as a stored UTC time, so the reminders read the undone ones through one partial index.
V12 = """
CREATE TABLE procedures (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    policy_id TEXT,
    started_at TEXT NOT NULL
) STRICT;
CREATE INDEX procedures_by_case ON procedures(case_id, started_at);
CREATE TABLE deadlines (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    procedure_id TEXT REFERENCES procedures(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'tribunal', 'subject-access', 'accompaniment')),
    position INTEGER NOT NULL DEFAULT 0,
    stage_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    event TEXT NOT NULL DEFAULT '',
    limit_days INTEGER,
    unit TEXT NOT NULL DEFAULT 'working' CHECK (unit IN ('working', 'calendar')),
    event_on TEXT,
    due_on TEXT,
    due_at TEXT,
    rule TEXT NOT NULL DEFAULT '',
    rule_version INTEGER NOT NULL DEFAULT 0,
    inputs TEXT NOT NULL DEFAULT '{}',
    explanation TEXT NOT NULL DEFAULT '',
    extended_to TEXT,
    extension_with TEXT NOT NULL DEFAULT '',
    extension_note TEXT NOT NULL DEFAULT '',
    done_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    overdue_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX deadlines_by_case ON deadlines(case_id, procedure_id, position);
CREATE INDEX deadlines_due ON deadlines(due_at) WHERE done_on IS NULL AND due_at IS NOT NULL;
"""

# Outcomes and branch figures (issue 17): how a closed case ended, from the vault's list of codes
# (casework/outcomes.py), and any remedy in words; a deletion record keeps the outcome code, and
# the type it keeps becomes a listed code: a type typed freely before the lists may be a name.
V13 = """
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN remedy TEXT NOT NULL DEFAULT '';
ALTER TABLE deletions ADD COLUMN outcome TEXT;
UPDATE deletions SET case_type = 'disciplinary' WHERE case_type = 'discipline';
UPDATE deletions SET case_type = 'other' WHERE case_type NOT IN (
    'general', 'disciplinary', 'grievance', 'sickness', 'capability', 'discrimination', 'bullying',
    'redundancy', 'pay', 'health-and-safety', 'other'
);
"""

# The Today screen (issue 18): the open action points whose owner is the rep, read by the owner
# as store/today.py writes it (owners are free text), so the screen reads only the rep's rows.
V14 = """
CREATE INDEX action_points_open_by_owner ON action_points(lower(trim(owner)), due_at)
    WHERE done_at IS NULL;
"""

# Whether a record's case is open, kept on the record by triggers (issue 15). At 100k cases the
# reminder counts probed the case of each of 27k action points, 7k hearings and 4k deadlines
# (about 1 µs each, 50 ms a count); with the status on the row, each count is one range of one
# covering index. The rep's own action points (the Today screen) get an index in their due
# order: the owner test is the expression store/today.py queries with, word for word, and a test
# holds the two together, so changing the rep's words means a new migration.
OWNER_IS_REP = (
    "lower(trim(owner)) IN ("
    "'', 'DÉLÉGUÉ', 'DÉLÉGUÉE', 'Délégué', 'Déléguée', 'I', 'ME', 'MOI', 'MY REP', 'MYSELF', "
    "'Me', 'Moi', 'My rep', 'Myself', 'REP', 'Rep', 'THE REP', 'The rep', 'délégué', 'déléguée', "
    "'i', 'me', 'moi', 'my rep', 'myself', 'rep', 'the rep')"
)
V15 = f"""
ALTER TABLE action_points ADD COLUMN case_open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE case_dates ADD COLUMN case_open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE deadlines ADD COLUMN case_open INTEGER NOT NULL DEFAULT 1;
UPDATE action_points SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = case_id);
UPDATE case_dates SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = case_id);
UPDATE deadlines SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = case_id);
CREATE TRIGGER action_points_case_open AFTER INSERT ON action_points BEGIN
    UPDATE action_points SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER case_dates_case_open AFTER INSERT ON case_dates BEGIN
    UPDATE case_dates SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER deadlines_case_open AFTER INSERT ON deadlines BEGIN
    UPDATE deadlines SET case_open = (SELECT c.status = 'open' FROM cases c WHERE c.id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER records_follow_case_status AFTER UPDATE OF status ON cases BEGIN
    UPDATE action_points SET case_open = NEW.status = 'open' WHERE case_id = NEW.id;
    UPDATE case_dates SET case_open = NEW.status = 'open' WHERE case_id = NEW.id;
    UPDATE deadlines SET case_open = NEW.status = 'open' WHERE case_id = NEW.id;
END;
CREATE INDEX action_points_due_open ON action_points(case_open, due_at, case_id, done_at)
    WHERE done_at IS NULL;
CREATE INDEX case_dates_open_at ON case_dates(case_open, at, case_id);
CREATE INDEX deadlines_due_open ON deadlines(case_open, due_at, case_id, done_on)
    WHERE done_on IS NULL AND due_at IS NOT NULL;
CREATE INDEX action_points_rep_due ON action_points(
    case_open, {OWNER_IS_REP}, due_at IS NULL, due_at, case_id, done_at
) WHERE done_at IS NULL;
"""  # noqa: S608 - constant SQL

# Sync (issue 20): what changed since the last export, each field's current version, and this
# device's own sync state. Never the live file: an export reads the rows named in sync_dirty and
# writes them into a change set (formats/changeset.py).
# - Capture is by triggers on every synced table (casework/sync_records.TABLES says which and
#   why), so every write path (the services, bulk imports, handovers, purges) is seen. They mark
#   nothing until sync is set up (a sync_self row: an unsynced vault pays two probes a row) or
#   while remote changes are applied (a sync_applying row, so they are not echoed back).
# - sync_dirty keeps each record's case beside it: a deleted row's case cannot be read any more,
#   and the merge needs it (a purge drops every record keyed to its case).
# - When a row goes, its field versions and kept conflict versions go with it, whoever deletes
#   it; a purge (its deletions row) also forgets the case's unexported marks and tombstones, so a
#   purged case leaves nothing in these tables: digests of short values are guessable, and a
#   conflict holds text.
# The triggers are generated from _SYNC_CAPTURE below: that tuple is part of this migration
# (test_schema_later pins V16's digest), so a later table's capture is a new migration.
_SYNC_TABLES = """
CREATE TABLE sync_applying (
    one INTEGER PRIMARY KEY CHECK (one = 1)
) STRICT;
CREATE TABLE sync_dirty (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    case_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tbl, pk)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_dirty_by_case ON sync_dirty(case_id);
CREATE TABLE sync_versions (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    digest BLOB NOT NULL,
    PRIMARY KEY (tbl, pk, field)
) STRICT, WITHOUT ROWID;
CREATE TABLE sync_tombstones (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    case_id TEXT NOT NULL DEFAULT '',
    stamp TEXT NOT NULL,
    PRIMARY KEY (tbl, pk)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_tombstones_by_case ON sync_tombstones(case_id);
CREATE TABLE sync_purged (
    case_id TEXT PRIMARY KEY,
    stamp TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE sync_conflicts (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, field, stamp)
) STRICT, WITHOUT ROWID;
CREATE TABLE sync_self (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    device_id TEXT NOT NULL,
    signing_key BLOB NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    last_digest BLOB,
    clock TEXT,
    folder TEXT
) STRICT;
CREATE TABLE sync_devices (
    device_id TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    removed_at TEXT,
    last_sequence INTEGER NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
    last_digest BLOB
) STRICT;
CREATE TABLE sync_keys (
    key_id BLOB PRIMARY KEY,
    sync_key BLOB NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
) STRICT;
"""

# (table, primary key, its case with {r} for NEW or OLD, the columns an UPDATE must set for the
# row to count as changed ("" for any: tables without derived columns), a further condition.)
_SYNC_CAPTURE: tuple[tuple[str, tuple[str, ...], str, str, str], ...] = (
    (
        "settings",
        ("key",),
        "''",
        "",
        "{r}.key NOT IN ('identity.age', 'identity.ed25519') AND substr({r}.key, 1, 7) != 'device.'",
    ),
    ("members", ("id",), "(SELECT min(c.id) FROM cases c WHERE c.member_id = {r}.id)", "", ""),
    (
        "cases",
        ("id",),
        "{r}.id",
        "id, ref, member_id, case_type, title, status, opened_at, closed_at, "
        "retain_until, updated_at, outcome, remedy",
        "",
    ),
    ("case_keys", ("case_id",), "{r}.case_id", "", ""),
    ("events", ("id",), "{r}.case_id", "", ""),
    (
        "event_versions",
        ("event_id", "version"),
        "(SELECT e.case_id FROM events e WHERE e.id = {r}.event_id)",
        "",
        "",
    ),
    ("attachments", ("id",), "{r}.case_id", "", ""),
    ("first_meetings", ("case_id",), "{r}.case_id", "", ""),
    ("case_issues", ("id",), "{r}.case_id", "", ""),
    ("action_points", ("id",), "{r}.case_id", "id, case_id, what, owner, due_at, done_at, created_at", ""),
    ("case_dates", ("id",), "{r}.case_id", "id, case_id, kind, at, note, created_at", ""),
    ("reminder_states", ("key",), "{r}.case_id", "", ""),
    ("parties", ("id",), "{r}.case_id", "", ""),
    ("consents", ("id",), "{r}.case_id", "", ""),
    ("originals", ("id",), "{r}.case_id", "", ""),
    ("escalations", ("id",), "{r}.case_id", "", ""),
    ("procedures", ("id",), "{r}.case_id", "", ""),
    (
        "deadlines",
        ("id",),
        "{r}.case_id",
        "id, case_id, procedure_id, kind, position, stage_key, name, "
        "event, limit_days, unit, event_on, due_on, due_at, rule, rule_version, inputs, explanation, "
        "extended_to, extension_with, extension_note, done_on, outcome, overdue_reason, created_at",
        "",
    ),
    ("library_documents", ("id",), "''", "", ""),
    ("breaches", ("id",), "''", "", ""),
    ("sent_log", ("id",), "{r}.case_id", "", ""),
    ("deletions", ("case_id",), "''", "", ""),
)
_SYNC_GATE = "EXISTS (SELECT 1 FROM sync_self) AND NOT EXISTS (SELECT 1 FROM sync_applying)"
# A record's case, once known, is not forgotten by a later mark that cannot see it (a member
# deleted after its case, a paper-trail version after its entry).
_SYNC_UPSERT = "ON CONFLICT(tbl, pk) DO UPDATE SET case_id = excluded.case_id WHERE excluded.case_id != ''"


def _sync_capture(table: str, pk: tuple[str, ...], case: str, update_of: str, only: str) -> str:
    def key(r: str) -> str:
        return f"{r}.{pk[0]}" if len(pk) == 1 else "json_array(" + ", ".join(f"{r}.{c}" for c in pk) + ")"

    def mark(r: str) -> str:
        return f"'{table}', {key(r)}, coalesce({case.format(r=r)}, '')"

    def when(r: str) -> str:
        return _SYNC_GATE + (f" AND {only.format(r=r)}" if only else "")

    of = f" OF {update_of}" if update_of else ""
    return f"""
CREATE TRIGGER sync_{table}_inserted AFTER INSERT ON {table} WHEN {when("NEW")} BEGIN
    INSERT INTO sync_dirty(tbl, pk, case_id) VALUES ({mark("NEW")}) {_SYNC_UPSERT};
END;
CREATE TRIGGER sync_{table}_updated AFTER UPDATE{of} ON {table} WHEN {when("NEW")} BEGIN
    INSERT INTO sync_dirty(tbl, pk, case_id) VALUES ({mark("OLD")}), ({mark("NEW")}) {_SYNC_UPSERT};
END;
CREATE TRIGGER sync_{table}_deleted AFTER DELETE ON {table} BEGIN
    DELETE FROM sync_versions WHERE tbl = '{table}' AND pk = {key("OLD")};
    DELETE FROM sync_conflicts WHERE tbl = '{table}' AND pk = {key("OLD")};
    INSERT INTO sync_dirty(tbl, pk, case_id) SELECT {mark("OLD")} WHERE {when("OLD")} {_SYNC_UPSERT};
END;
"""  # noqa: S608 - constant SQL


# A member is written before its case, so the case's insert tells the member's mark its case.
# A purge: the case's marks and tombstones go (its field versions went with its rows), and so do
# the marks of its member and its paper-trail versions, deleted after what told them their case.
_SYNC_CASES = """
CREATE TRIGGER sync_member_joins_case AFTER INSERT ON cases BEGIN
    UPDATE sync_dirty SET case_id = NEW.id WHERE tbl = 'members' AND pk = NEW.member_id AND case_id = '';
END;
CREATE TRIGGER sync_purge_forgets_case AFTER INSERT ON deletions BEGIN
    DELETE FROM sync_dirty WHERE case_id = NEW.case_id;
    DELETE FROM sync_dirty WHERE tbl = 'members' AND case_id = ''
        AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = sync_dirty.pk);
    DELETE FROM sync_dirty WHERE tbl = 'event_versions' AND case_id = ''
        AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = json_extract(sync_dirty.pk, '$[0]'));
    DELETE FROM sync_tombstones WHERE case_id = NEW.case_id;
END;
"""
V16 = _SYNC_TABLES + "".join(_sync_capture(*spec) for spec in _SYNC_CAPTURE) + _SYNC_CASES

# Device removal (issue 20): a sync key made when a device is removed reaches each device that
# stays as an age file only it can open, so every device keeps an X25519 identity of its own
# (its pairing request's, or one made at `sync init`) and knows the others' recipients.
V17 = """
ALTER TABLE sync_self ADD COLUMN box_identity TEXT;
ALTER TABLE sync_devices ADD COLUMN box_recipient TEXT;
"""
