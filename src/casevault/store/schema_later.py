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
