"""The schema's SQL text only: one migration per version, keyed on PRAGMA user_version
(`Database.migrate` runs them).

Each migration runs in its own transaction. A vault whose user_version is newer than the last
migration here was written by a newer casevault and is refused rather than guessed at.
Later issues add tables (action points, reminders, parties, consent, originals, audit log) as
new migrations; existing ones are never edited.
"""

from __future__ import annotations

from casevault.store.schema_later import V11, V12, V13, V14, V15, V16, V17

V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE ref_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    member_id TEXT NOT NULL REFERENCES members(id),
    case_type TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    retain_until TEXT,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cases_by_status_updated ON cases(status, updated_at);
CREATE INDEX cases_by_updated ON cases(updated_at, ref);
CREATE INDEX cases_by_member ON cases(member_id);
CREATE INDEX cases_by_retain_until ON cases(retain_until) WHERE retain_until IS NOT NULL;

-- The case key, wrapped by HKDF(VMK, "casevault/v1/case-kek"). Deleting this row is the
-- cryptographic erase of every attachment in the case.
CREATE TABLE case_keys (
    case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    wrapped BLOB NOT NULL
) STRICT;

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'meeting', 'advice', 'call', 'management')),
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    body TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_case ON events(case_id, occurred_at);

-- The file key is wrapped by the case key.
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_by_case ON attachments(case_id);

-- An import in progress: written before the blob, removed with the attachment row's commit.
-- A row still here at the next open marks a killed import whose blob is removed.
CREATE TABLE pending_imports (
    file_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    started_at TEXT NOT NULL
) STRICT;

-- What is left of a purged case: no names, no content. case_id is an opaque random id kept so
-- that an interrupted purge can finish removing the case folder at the next open.
CREATE TABLE deletions (
    case_id TEXT PRIMARY KEY,
    ref TEXT NOT NULL,
    case_type TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    deleted_at TEXT NOT NULL
) STRICT;

-- Full-text search, inside the encrypted database. search_docs maps an FTS row to what it
-- indexes, so a case's rows can be found (and erased) through an index.
CREATE TABLE search_docs (
    rowid INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    source TEXT NOT NULL,  -- validated by store.search.SOURCES (grows as records are added)
    source_id TEXT NOT NULL,
    UNIQUE (source, source_id)
) STRICT;
CREATE INDEX search_docs_by_case ON search_docs(case_id);
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1);
"""

# The first meeting (the guide's checklist), the issues agreed there, and action points.
V2 = """
CREATE TABLE first_meetings (
    case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    held_at TEXT,
    narrative TEXT NOT NULL DEFAULT '',
    dismissal_threatened INTEGER NOT NULL DEFAULT 0 CHECK (dismissal_threatened IN (0, 1)),
    discrimination_alleged INTEGER NOT NULL DEFAULT 0 CHECK (discrimination_alleged IN (0, 1)),
    confidentiality_explained INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality_explained IN (0, 1)),
    originals_received TEXT NOT NULL DEFAULT '',
    member_decision TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE case_issues (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (case_id, position)
) STRICT;

CREATE TABLE action_points (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_at TEXT,
    done_at TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX action_points_by_case ON action_points(case_id, created_at);
CREATE INDEX action_points_open_by_due ON action_points(due_at) WHERE done_at IS NULL;
"""

# Schema 3 is for the case list with 100k cases: every column it sorts by is served by an index.
# "Next date due" for the case list: the earliest open action point of an open case, or the end
# of a closed case's archive period. Kept in a column by triggers, so every write path (the Vault,
# bulk imports, purges) keeps it right and the list can sort 100k cases by it through an index
# instead of a correlated subquery per row.
_REFRESH_NEXT_DUE = """
    UPDATE cases SET next_due_at = CASE
        WHEN status = 'closed' THEN retain_until
        ELSE (SELECT min(a.due_at) FROM action_points a WHERE a.case_id = cases.id AND a.done_at IS NULL)
    END
    WHERE id = {case_id};
"""
V3 = f"""
ALTER TABLE cases ADD COLUMN next_due_at TEXT;
{_REFRESH_NEXT_DUE.format(case_id="id")}
-- Soonest first scans the first pair forwards, latest first scans the second pair backwards;
-- both keep cases without a date last, without sorting the whole table for each page.
CREATE INDEX cases_by_next_due ON cases(next_due_at IS NULL, next_due_at, ref);
CREATE INDEX cases_by_status_next_due ON cases(status, next_due_at IS NULL, next_due_at, ref);
CREATE INDEX cases_by_next_due_dated ON cases(next_due_at IS NOT NULL, next_due_at, ref);
CREATE INDEX cases_by_status_next_due_dated ON cases(status, next_due_at IS NOT NULL, next_due_at, ref);
-- The default view (open cases, latest first) also breaks ties by reference inside the index.
DROP INDEX cases_by_status_updated;
CREATE INDEX cases_by_status_updated ON cases(status, updated_at, ref);

-- The member's name, copied onto the case so the list can sort by it through an index (sorting
-- 100k rows across the join took about a second per page). Triggers keep the copy right.
ALTER TABLE cases ADD COLUMN member_key TEXT NOT NULL DEFAULT '';
UPDATE cases SET member_key = (SELECT m.name FROM members m WHERE m.id = cases.member_id);
CREATE TRIGGER member_key_after_case_insert AFTER INSERT ON cases BEGIN
    UPDATE cases SET member_key = (SELECT m.name FROM members m WHERE m.id = NEW.member_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER member_key_after_member_rename AFTER UPDATE OF name ON members BEGIN
    UPDATE cases SET member_key = NEW.name WHERE member_id = NEW.id;
END;
CREATE INDEX cases_by_member_key ON cases(member_key COLLATE NOCASE, ref);
CREATE INDEX cases_by_status_member_key ON cases(status, member_key COLLATE NOCASE, ref);
CREATE INDEX cases_by_status_ref ON cases(status, ref);
CREATE INDEX cases_by_type ON cases(case_type, ref);
CREATE INDEX cases_by_status_type ON cases(status, case_type, ref);

CREATE TRIGGER next_due_after_action_insert AFTER INSERT ON action_points BEGIN
{_REFRESH_NEXT_DUE.format(case_id="NEW.case_id")}
END;
CREATE TRIGGER next_due_after_action_update AFTER UPDATE OF due_at, done_at, case_id ON action_points BEGIN
{_REFRESH_NEXT_DUE.format(case_id="NEW.case_id")}
{_REFRESH_NEXT_DUE.format(case_id="OLD.case_id")}
END;
CREATE TRIGGER next_due_after_action_delete AFTER DELETE ON action_points BEGIN
{_REFRESH_NEXT_DUE.format(case_id="OLD.case_id")}
END;
CREATE TRIGGER next_due_after_case_status AFTER UPDATE OF status, retain_until ON cases BEGIN
{_REFRESH_NEXT_DUE.format(case_id="NEW.id")}
END;
"""  # noqa: S608 - only the constant text above is formatted in

# Reminders (issue 4): hearing and meeting dates, snooze/dismiss state, the originals' return,
# when escalation was first prompted, and why a case was deleted with originals outstanding.
V4 = """
CREATE TABLE case_dates (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('hearing', 'meeting')),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_dates_by_case ON case_dates(case_id, at);

-- Keyed by the reminder's key (kind, record and due time), so a moved due date is a new reminder.
CREATE TABLE reminder_states (
    key TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    dismissed_at TEXT,
    snoozed_until TEXT
) STRICT;
CREATE INDEX reminder_states_by_case ON reminder_states(case_id);

ALTER TABLE first_meetings ADD COLUMN originals_returned_at TEXT;
ALTER TABLE first_meetings ADD COLUMN escalation_prompted_at TEXT;
UPDATE first_meetings SET escalation_prompted_at = updated_at
    WHERE dismissal_threatened = 1 OR discrimination_alleged = 1;
ALTER TABLE deletions ADD COLUMN originals_reason TEXT;

-- Two new kinds of paper-trail entry: written advice, and the record of an escalation. SQLite
-- cannot change a CHECK constraint in place, so the table is rebuilt (secure_delete zeroes the
-- old pages).
CREATE TABLE events_v4 (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'meeting', 'advice', 'advice-written', 'call',
                                       'management', 'escalation')),
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    body TEXT NOT NULL
) STRICT;
INSERT INTO events_v4(id, case_id, kind, occurred_at, recorded_at, body)
    SELECT id, case_id, kind, occurred_at, recorded_at, body FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
CREATE INDEX events_by_case ON events(case_id, occurred_at);
CREATE INDEX events_by_kind ON events(kind, case_id, occurred_at);
"""

# The audit log (issue 5): append-only, each row's MAC chained to the one before (crypto/audit_chain).
# It holds references, actions and ids, never content, so a purge leaves it whole.
V5 = """
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    ref TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    mac BLOB NOT NULL
) STRICT;
CREATE INDEX audit_log_by_ref ON audit_log(ref, seq);
"""

# Casework guidance (issue 5): the people in a case, consent, the originals register, escalation
# records, sealed paper-trail entries with their later versions, the employer's policy library
# and the breach record.
V6 = """
-- The people in a case other than its member, each with a role; the conflict check compares a new
-- name against every member and party of the other cases.
CREATE TABLE parties (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'witness', 'colleague', 'complainant',
                                       'respondent', 'other')),
    note TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX parties_by_case ON parties(case_id, added_at);

-- Consent with its date and scope; a withdrawal is recorded on the same row, never by deleting it.
CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('keep-data', 'share-reps', 'share-regional-office',
                                         'off-the-record', 'without-prejudice')),
    given_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX consents_by_case ON consents(case_id, scope);

-- Original documents received from the member (description, date, where kept) and their return.
CREATE TABLE originals (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    received_at TEXT NOT NULL,
    kept_where TEXT NOT NULL DEFAULT '',
    returned_at TEXT,
    returned_how TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX originals_by_case ON originals(case_id, received_at);
CREATE INDEX originals_outstanding ON originals(case_id) WHERE returned_at IS NULL;

-- Who the case was escalated to, when and how; each record also writes an "escalation" entry in
-- the paper trail (event_id), which is what the reminder and the closing guard look for.
CREATE TABLE escalations (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    escalated_to TEXT NOT NULL,
    escalated_at TEXT NOT NULL,
    how TEXT NOT NULL,
    regional_office_notified INTEGER NOT NULL CHECK (regional_office_notified IN (0, 1)),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX escalations_by_case ON escalations(case_id, escalated_at);

-- The paper trail again (a wider CHECK: conflict-check decisions and imported emails), plus the
-- terms of a management contact. An entry's body is its original text and cannot be changed (the
-- trigger); an edit is a new row in event_versions, as sealed records do.
CREATE TABLE events_v6 (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'meeting', 'advice', 'advice-written', 'call',
                                       'management', 'escalation', 'conflict-check', 'email')),
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    body TEXT NOT NULL,
    terms TEXT NOT NULL DEFAULT '' CHECK (terms IN ('', 'off-the-record', 'without-prejudice'))
) STRICT;
INSERT INTO events_v6(id, case_id, kind, occurred_at, recorded_at, body)
    SELECT id, case_id, kind, occurred_at, recorded_at, body FROM events;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_by_case ON events(case_id, occurred_at);
CREATE INDEX events_by_kind ON events(kind, case_id, occurred_at);
CREATE TRIGGER events_are_sealed BEFORE UPDATE OF id, case_id, kind, occurred_at, recorded_at, body,
    terms ON events
BEGIN
    SELECT RAISE(ABORT, 'a paper-trail entry is sealed: add a new version instead');
END;

CREATE TABLE event_versions (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 2),  -- version 1 is events.body
    body TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (event_id, version)
) STRICT;
CREATE TRIGGER event_versions_are_sealed BEFORE UPDATE ON event_versions
BEGIN
    SELECT RAISE(ABORT, 'a paper-trail version is sealed');
END;

-- The employer's domain(s) as recorded for the member, for the work-email warning.
ALTER TABLE members ADD COLUMN employer_domain TEXT NOT NULL DEFAULT '';

-- The policy library: the employer's policies and procedures, not tied to a case. Each file key
-- is wrapped by HKDF(VMK, "casevault/v1/library-kek").
CREATE TABLE library_documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
-- A library import in progress: committed before its blob is written, cleared with the row above;
-- at the next open, a leftover marker's blob (or .part file) is removed.
CREATE TABLE library_pending (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL
) STRICT;

-- Confidentiality breaches, as the union's policy asks them to be recorded. Case references only:
-- the exported report carries no member content.
CREATE TABLE breaches (
    id TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    discovered_at TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('lost-device', 'wrong-recipient', 'seen-by-unentitled',
                                               'other')),
    what TEXT NOT NULL,
    case_refs TEXT NOT NULL DEFAULT '',
    informed TEXT NOT NULL DEFAULT '',
    informed_at TEXT,
    actions TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
) STRICT;
"""

# Exchange (issue 6): what left the vault, to whom and when. The zip's SHA-256 lets the rep prove
# later which file was sent; the recipient is as the rep typed it.
V7 = """
CREATE TABLE sent_log (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('zip', 'handover', 'subject-access')),
    sent_at TEXT NOT NULL,
    recipient TEXT NOT NULL,
    contents TEXT NOT NULL,  -- the inner file names, one per line
    sha256 TEXT NOT NULL
) STRICT;
CREATE INDEX sent_log_by_case ON sent_log(case_id, sent_at);
"""

# Handover senders (issue 13): the signing keys this vault has received bundles from, for trust on
# first use. A key is known once a bundle signed by it was received; `confirmed_at` is set when the
# rep says they compared its fingerprint with the colleague by phone. No names: keys and dates only.
V8 = """
CREATE TABLE handover_senders (
    fingerprint TEXT PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    first_received_at TEXT NOT NULL,
    last_received_at TEXT NOT NULL,
    received INTEGER NOT NULL CHECK (received >= 1),
    confirmed_at TEXT
) STRICT;
"""

# Speed at 10k and 100k cases (issue 15). Each reminders query starts from the records that can
# be due, by an index on their due time, and looks their case up after: starting from the open
# cases cost a probe per case even with nothing due (3-4 ms per query at 10k). The oral-advice
# query reads kind, case, time and id from the index alone: through events_by_kind it fetched
# every advice row, note body included (44k rows, 309 ms at 10k cases; 17 ms covered).
V9 = """
DROP INDEX events_by_kind;
CREATE INDEX events_by_kind ON events(kind, case_id, occurred_at, id);
CREATE INDEX case_dates_by_at ON case_dates(at);
CREATE INDEX first_meetings_escalation_prompted ON first_meetings(escalation_prompted_at)
    WHERE escalation_prompted_at IS NOT NULL;
CREATE INDEX first_meetings_originals_held ON first_meetings(case_id)
    WHERE originals_received != '' AND originals_returned_at IS NULL;
-- A record's case, its status and reference from the index alone (a quarter of the query).
CREATE INDEX cases_by_id_status ON cases(id, status, ref);
"""

# The conflict check's name index (issue 15: one name against 100k cases was 402 ms of fuzzy
# matching in Python). Every token of every member's and party's name, and every token's
# deletion keys (casework.conflicts); casevault_name_tokens and casevault_deletion_keys are that
# module's functions, registered on each connection by Database.open. A token's keys go with
# the last name that has it, so a destroyed case leaves no trace of its names here.
NAME_INDEX = """
DELETE FROM name_tokens;
DELETE FROM name_keys;
INSERT OR IGNORE INTO name_tokens(token, case_id, source)
    SELECT t.value, c.id, 'member' FROM cases c, json_each(casevault_name_tokens(c.member_key)) t;
INSERT OR IGNORE INTO name_tokens(token, case_id, source)
    SELECT t.value, p.case_id, p.id FROM parties p, json_each(casevault_name_tokens(p.name)) t;
INSERT OR IGNORE INTO name_keys(key, token)
    SELECT k.value, n.token FROM (SELECT DISTINCT token FROM name_tokens) n,
        json_each(casevault_deletion_keys(n.token)) k;
"""
_NAME_TABLES = """
CREATE TABLE name_tokens (
    token TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    source TEXT NOT NULL,  -- 'member', or the party's id
    PRIMARY KEY (token, case_id, source)
) STRICT, WITHOUT ROWID;
CREATE INDEX name_tokens_by_source ON name_tokens(source, case_id);
CREATE INDEX name_tokens_by_case ON name_tokens(case_id);
CREATE TABLE name_keys (
    key TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (key, token)
) STRICT, WITHOUT ROWID;
CREATE INDEX name_keys_by_token ON name_keys(token);
CREATE TRIGGER name_keys_follow_tokens AFTER DELETE ON name_tokens
WHEN NOT EXISTS (SELECT 1 FROM name_tokens WHERE token = OLD.token) BEGIN
    DELETE FROM name_keys WHERE token = OLD.token;
END;
"""
V10 = _NAME_TABLES + NAME_INDEX

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17)
LATEST = len(MIGRATIONS)
