"""`python -m casevault.bench`, database side: unlock, and search and list over a generated vault.

The generated vault is fictional: invented names and notes built from a casework vocabulary.
Nothing that identifies a member (not even a generated one) is printed.
"""

from __future__ import annotations

import io
import random
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from casevault.bench.common import (
    PASSPHRASE,
    Samples,
    Settings,
    Table,
    fmt_count,
    fmt_seconds,
    fmt_spread,
    new_vault,
    progress,
    timed,
    timed_result,
)
from casevault.casework import rules
from casevault.core.fsutil import make_private_dir
from casevault.core.model import EVENT_KINDS, ActionPoint, CaseDate, Event, Member
from casevault.core.paths import VaultPaths
from casevault.crypto import kdf, keys, keyslots
from casevault.host.keychain import MemoryKeychain
from casevault.store import bulk
from casevault.store.db import Database
from casevault.vault.facade import Vault
from casevault.vault.keys import read_header

SEED = 20260314
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Ada Alex Amara Anil Aoife Bea Bilal Carmen Chen Dara Demi Elif Emeka Erin Fatima Femi Gita "
    "Hamish Hana Ines Ivan Jamal Jess Joanna Kai Kofi Lena Leon Maeve Marek Mei Mina Nadia Niamh "
    "Noor Olu Omar Orla Pavel Priya Rafael Rhys Rosa Sami Sanjay Seren Siobhan Tariq Tomasz Una "
    "Vera Wen Yara Yusuf Zainab Zoltan Ingrid Jurgen Renée"
)
SURNAMES = _words(
    "Abbott Achebe Adeyemi Ahmed Ainsworth Akhtar Albrecht Aldous Almeida Ambrose Anand Arkwright "
    "Asante Ashdown Bainbridge Balogun Banerjee Barraclough Baxendale Beaumont Begum Blackwood "
    "Bradshaw Brennan Brightwell Calloway Carmody Castellano Chaudhry Chowdhury Cobbold Coldwell "
    "Crabtree Dalgleish Danso Darlow Delacroix Dobrowolski Doherty Dunmore Eastwood Ekwueme Ellery "
    "Esposito Fairbairn Farooq Featherstone Fenwick Ferreira Fitzgerald Fletcher Gallagher Garside "
    "Gbadamosi Gillespie Greenhalgh Grimshaw Haldane Hargreaves Hartigan Hussain Ibrahim Ishikawa "
    "Jankowski Jaramillo Kaczmarek Kavanagh Kowalczyk Krishnan Lambourne Larkin Lindqvist Lockwood "
    "Mahmood Malone Marchetti Mbeki Mcallister Menon Moreau Müller Nakamura Nguyễn Nwosu Oakley "
    "Obi Okafor Oyelaran Pemberton Petrović Popescu Quartermaine Radcliffe Rahman Ramsbottom "
    "Ravenscroft Rodríguez Rosenthal Saunderson Schofield Sheridan Siddiqui Sokolov Stanhope "
    "Sutcliffe Szymański Thistlewood Thornbury Trelawney Umeh Underwood Varga Wainwright Whitlock "
    "Wojcik Yilmaz Zielinski"
)
# The surname query; printed only as "a surname".
SURNAME_QUERY = "Okafor"
RARE_WORD = "tachograph"
TOPICS = (
    "disciplinary hearing",
    "grievance",
    "sickness absence",
    "capability procedure",
    "flexible working request",
    "redundancy consultation",
    "reasonable adjustments",
    "bullying complaint",
    "pay dispute",
    "shift pattern change",
    "return to work interview",
    "occupational health referral",
    "maternity leave",
    "whistleblowing concern",
    "investigation meeting",
    "appeal hearing",
    "final written warning",
    "probation review",
)
OPENERS = (
    "Met the member to discuss the",
    "Phone call about the",
    "Advice given in writing on the",
    "Contact with management regarding the",
    "Agreed the narrative for the",
    "Prepared the member for the",
    "Followed up the oral advice on the",
    "Without prejudice conversation, member agreed beforehand, about the",
)
WORDS = _words(
    "member manager meeting agreed letter email policy procedure union rep hearing evidence "
    "statement witness notes action points deadline date week month office regional caseworker "
    "escalate escalated dismissal discrimination threatened alleged confidentiality explained "
    "original documents returned handed over copy sickness absence record fit note doctor "
    "occupational health adjustments workstation hours shift rota overtime pay deduction contract "
    "terms conditions handbook clause appeal outcome decision panel chair investigator report "
    "timeline incident complaint colleague supervisor team leader department site warehouse depot "
    "ward school library council transport driver route vehicle hours break rest safety risk "
    "assessment training induction probation review target performance capability support plan "
    "improvement informal formal stage first second final warning sanction reprimand outcome "
    "consultation redundancy selection criteria pool scoring alternative role redeployment notice "
    "period payment holiday leave maternity paternity carer dependant flexible request trial "
    "homeworking grievance bullying harassment victimisation equality disability reasonable "
    "anxiety stress workload pressure sleep medication referral counselling phone call text "
    "message voicemail follow up written confirmation acknowledged receipt chased reply awaiting "
    "response hr adviser solicitor tribunal acas conciliation settlement agreement reference "
    "without prejudice off record consent share disclose third party representative accompany "
    "companion postponed rearranged adjourned reconvened minutes draft corrections signed"
)


@dataclass(frozen=True)
class Generated:
    cases: int
    notes: int
    build_seconds: float
    insert_seconds: float
    folder_seconds: float
    db_bytes: int
    action_points: int = 0
    hearings: int = 0
    procedures: int = 0


def _note(rng: random.Random, weights: list[float]) -> str:
    topic = rng.choice(TOPICS)
    words = rng.choices(WORDS, cum_weights=weights, k=rng.randint(8, 30))
    return f"{rng.choice(OPENERS)} {topic}. {' '.join(words).capitalize()}."


# Cases per batch: each batch's rows are built, inserted in one transaction and dropped, so
# memory stays flat whatever the vault's size (100k cases with 2M notes in one go ran out).
GENERATE_BATCH = 2_000
# The Today screen's data, on a share of the cases: an action point on every 3rd (half of them
# the rep's), a hearing on every 10th, and a disciplinary procedure with its first stage's clock
# running on every 25th, all within weeks of NOW, so Today's lists are full at any size.
ACTION_EVERY, HEARING_EVERY, PROCEDURE_EVERY = 3, 10, 25
ACTION_OWNERS = ("me", "me", "member", "HR", "")
ACTIONS = (
    "Send the member the written advice",
    "Ask HR for the investigation report",
    "Book the pre-hearing meeting",
    "Chase the fit note",
    "Draft the grievance letter",
)
ATTACHMENT_SIZES = (3_000, 40_000, 250_000)


def _cum_weights() -> list[float]:
    running, weights = 0.0, []
    for rank in range(1, len(WORDS) + 1):  # Zipf-like: a few words are everywhere
        running += 1 / rank
        weights.append(running)
    return weights


def _share(total: int, part: int, whole: int, done: int) -> int:
    """How many of `total` fall to a batch of `part` after `done` of `whole`: proportional, and
    the batches' shares add up to `total` exactly."""
    return (total * (done + part)) // whole - (total * done) // whole


class _Builder:
    """The fictional rows, batch by batch, from one seeded random stream."""

    def __init__(self, vault: Vault, notes: int) -> None:
        self.vault = vault
        self.rng = random.Random(SEED)  # noqa: S311 - reproducible fictional data, not secrets
        header = read_header(vault.paths)
        slot = header.slot(keyslots.PASSPHRASE)
        assert slot is not None
        vmk = keyslots.open_passphrase_slot(slot, header.vault_id, PASSPHRASE)
        self.kek = keys.derive_key(vmk, keys.PURPOSE_CASE_KEK)
        self.weights = _cum_weights()
        self.rare = set(self.rng.sample(range(notes), min(notes, max(3, notes // 10_000))))
        self.note_number = 0

    def cases(self, opened: list[datetime]) -> list[bulk.NewCase]:
        per_year: dict[int, int] = {}
        for moment in opened:
            per_year[moment.year] = per_year.get(moment.year, 0) + 1
        first = {year: bulk.reserve_ref_numbers(self.vault.db, year, n) for year, n in per_year.items()}
        rng, made = self.rng, []
        for moment in opened:
            case_id = secrets.token_hex(16)
            number = first[moment.year]
            first[moment.year] += 1
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            made.append(
                bulk.NewCase(
                    case_id=case_id,
                    ref=rules.format_ref(moment, number),
                    member=Member(id=secrets.token_hex(16), name=name, email=""),
                    case_type=rng.choice(("discipline", "grievance", "sickness", "general")),
                    wrapped_key=keys.wrap_key(
                        self.kek, keys.random_key(), keys.case_key_aad(bytes.fromhex(case_id))
                    ),
                    opened_at=moment,
                )
            )
        return made

    def events(self, cases: list[bulk.NewCase], count: int) -> list[tuple[str, Event]]:
        rng, made = self.rng, []
        for _ in range(count):
            case = rng.choice(cases)
            when = case.opened_at + (NOW - case.opened_at) * rng.random()
            body = _note(rng, self.weights)
            if self.note_number in self.rare:
                body += f" Asked for the {RARE_WORD} records."
            self.note_number += 1
            kind = rng.choice(EVENT_KINDS)
            event = Event(id=secrets.token_hex(16), kind=kind, occurred_at=when, recorded_at=when, body=body)
            made.append((case.case_id, event))
        made.sort(key=lambda pair: pair[1].id)  # appends to the primary key rather than splitting it
        return made

    def casework(
        self, cases: list[bulk.NewCase], first_number: int
    ) -> tuple[list[tuple[str, ActionPoint]], list[tuple[str, CaseDate, datetime]], list[str]]:
        """Action points, hearings, and the refs to put on a procedure (see ACTION_EVERY)."""
        rng = self.rng
        actions: list[tuple[str, ActionPoint]] = []
        hearings: list[tuple[str, CaseDate, datetime]] = []
        procedures: list[str] = []
        for n, case in enumerate(cases, first_number):
            if n % ACTION_EVERY == 0:
                due = None if rng.random() < 0.2 else NOW + timedelta(days=rng.uniform(-14, 30))
                action = ActionPoint(
                    secrets.token_hex(16),
                    rng.choice(ACTIONS),
                    rng.choice(ACTION_OWNERS),
                    due,
                    None,
                    case.opened_at,
                )
                actions.append((case.case_id, action))
            if n % HEARING_EVERY == 0:
                day = NOW.replace(hour=10, minute=0) + timedelta(days=rng.randint(-7, 45))
                hearings.append(
                    (case.case_id, CaseDate(secrets.token_hex(16), "hearing", day), case.opened_at)
                )
            if n % PROCEDURE_EVERY == 0:
                procedures.append(case.ref)
        return actions, hearings, procedures

    def start_procedures(self, refs: list[str]) -> None:
        """Through the vault, as the Procedure tab does: the written notification reached the
        member a few days either side of NOW, so the meeting's deadline (5 working days on)
        falls around NOW, some of them overdue."""
        for ref in refs:
            self.vault.start_procedure(ref, "acas-disciplinary")
            stage = self.vault.stage(ref, "hearing")
            self.vault.record_stage_event(stage.id, (NOW + timedelta(days=self.rng.randint(-12, 10))).date())

    def folders(self, cases: list[bulk.NewCase], first_number: int, attach_every: int) -> None:
        for n, case in enumerate(cases, first_number):
            make_private_dir(self.vault.paths.case_dir(case.case_id))
            if attach_every and n % attach_every == 0:
                size = ATTACHMENT_SIZES[n // attach_every % len(ATTACHMENT_SIZES)]
                data = io.BytesIO(self.rng.randbytes(size))
                self.vault.attach_stream(case.ref, f"letter-{n}.pdf", data)


def generate(
    vault: Vault,
    cases: int,
    notes: int,
    *,
    attach_every: int = 0,
    on_batch: Callable[[int, int], None] | None = None,
) -> Generated:
    """Fill `vault` with `cases` open cases and `notes` notes through casevault.store.bulk, in
    batches of GENERATE_BATCH cases (two transactions each: the cases, then their notes), and
    make each case's folder as Vault.new_case does. With `attach_every` N, every Nth case gets
    a small attachment of random bytes through the real attach path. `on_batch(cases_done,
    cases)` reports progress.

    Each note's kind is drawn from every kind there is, so most cases get oral advice with no
    written advice after it: most open cases have a due reminder, as in a busy rep's vault. The
    Today screen's rows (action points, hearings, procedures) go on a share of the cases: see
    ACTION_EVERY."""
    builder = _Builder(vault, notes)
    # Only the opening times are held for the whole run (sorted, so references follow them).
    opened_all = sorted(NOW - timedelta(days=builder.rng.uniform(1, 730)) for _ in range(cases))
    build_seconds = insert_seconds = folder_seconds = 0.0
    done = made_notes = made_actions = made_hearings = made_procedures = 0
    while done < cases:
        opened = opened_all[done : done + GENERATE_BATCH]
        started = time.perf_counter()
        new_cases = builder.cases(opened)
        events = builder.events(new_cases, _share(notes, len(opened), cases, done))
        build_seconds += time.perf_counter() - started
        started = time.perf_counter()
        # Each call is its own transaction, not one savepoint inside another: SQLite keeps the
        # original of every page a savepoint touches in memory (temp_store = MEMORY) until the
        # transaction ends, and random ids touch pages all over the indexes (100 MiB more per
        # batch at 10k cases, growing with the vault).
        bulk.add_cases(vault.db, new_cases)
        bulk.add_events(vault.db, events)
        actions, hearings, on_procedure = builder.casework(new_cases, done)
        made_actions += bulk.add_action_points(vault.db, actions)
        made_hearings += bulk.add_case_dates(vault.db, hearings)
        builder.start_procedures(on_procedure)
        made_procedures += len(on_procedure)
        insert_seconds += time.perf_counter() - started
        folder_seconds += timed(partial(builder.folders, new_cases, done, attach_every))
        made_notes += len(events)
        done += len(opened)
        if on_batch is not None:
            on_batch(done, cases)
    vault.db.checkpoint_truncate()
    return Generated(
        cases=done,
        notes=made_notes,
        build_seconds=build_seconds,
        insert_seconds=insert_seconds,
        folder_seconds=folder_seconds,
        db_bytes=vault.paths.db_file.stat().st_size,
        action_points=made_actions,
        hearings=made_hearings,
        procedures=made_procedures,
    )


NOTES_PER_CASE = 20
ATTACH_EVERY = 50


def generate_vault(root: Path, cases: int) -> int:
    """`python -m casevault.bench --generate VAULT --cases N`: a new vault at the density issue 15
    measures (NOTES_PER_CASE notes a case, an attachment on every ATTACH_EVERY-th case), for
    `--scale`. Refuses a folder that exists, so no vault is ever added to."""
    if root.exists():
        print(f"{root} already exists; give a new folder for the generated vault.", file=sys.stderr)
        return 2
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        progress(f"{fmt_count(done)} of {fmt_count(total)} cases ({fmt_seconds(elapsed)})")

    with new_vault(root) as vault:
        gen = generate(vault, cases, cases * NOTES_PER_CASE, attach_every=ATTACH_EVERY, on_batch=report)
    print(
        f"Made {fmt_count(gen.cases)} cases with {fmt_count(gen.notes)} notes, "
        f"{fmt_count(gen.action_points)} action points, {fmt_count(gen.hearings)} hearings and "
        f"{fmt_count(gen.procedures)} procedures in "
        f"{fmt_seconds(time.perf_counter() - started)} (vault.db {gen.db_bytes / (1 << 20):.0f} MiB)."
    )
    return 0


# ---- unlock --------------------------------------------------------------------------------


def _raw_key_unlock(paths: VaultPaths, runs: int) -> Samples:
    """HKDF(VMK) -> SQLCipher raw key -> Database.open (keying, pragmas, schema check). The VMK is
    taken from the fast passphrase slot once, outside the timing."""
    header = read_header(paths)
    slot = header.slot(keyslots.PASSPHRASE)
    assert slot is not None
    vmk = keyslots.open_passphrase_slot(slot, header.vault_id, PASSPHRASE)

    def unlock() -> Database:
        return Database.open(paths.db_file, keys.derive_key(vmk, keys.PURPOSE_DB), key_verified=True)

    samples = Samples()
    for run in range(runs + 1):
        seconds, db = timed_result(unlock)
        db.close()
        if run:  # the first open warms the page cache and is not counted
            samples.add(seconds)
    return samples


def _vault_open(open_it: Callable[[], Vault], runs: int, warm_up: bool = True) -> Samples:
    samples = Samples()
    for run in range(runs + (1 if warm_up else 0)):
        seconds, vault = timed_result(open_it)
        vault.close()
        if run or not warm_up:
            samples.add(seconds)
    return samples


def unlock_and_search(settings: Settings, scratch: Path, small_vault: Path) -> list[Table]:
    keychain = MemoryKeychain()
    big_root = scratch / "vault-big"
    big = VaultPaths(big_root)
    progress(f"generating {fmt_count(settings.cases)} cases and {fmt_count(settings.notes)} notes")
    with new_vault(big_root, keychain=keychain) as vault:
        gen = generate(vault, settings.cases, settings.notes)

    progress("unlock by raw key and by keychain slot")
    unlock = Table(
        "Unlock (medians; the first open of each kind warms the cache and is not counted)",
        ("unlock path", "runs", "median", "min .. max"),
    )
    small_raw = _raw_key_unlock(VaultPaths(small_vault), settings.unlock_runs)
    big_raw = _raw_key_unlock(big, settings.unlock_runs)
    by_keychain = _vault_open(
        lambda: Vault.open(big, keychain=keychain, ask_passphrase=lambda _reason: None),
        settings.unlock_runs,
    )
    progress("calibrating Argon2id and unlocking by passphrase")
    calibrate_seconds, p = timed_result(kdf.calibrate)
    argon_paths = VaultPaths(scratch / "vault-argon2")
    Vault.create(argon_paths, PASSPHRASE, keychain=None, kdf_params=p).close()
    by_passphrase = _vault_open(
        lambda: Vault.open(argon_paths, keychain=None, ask_passphrase=lambda _reason: PASSPHRASE),
        settings.argon_runs,
        warm_up=False,
    )
    for label, s in (
        ("raw key: HKDF + Database.open, empty vault", small_raw),
        (f"raw key: HKDF + Database.open, {fmt_count(gen.cases)}-case vault", big_raw),
        (
            f"Vault.open via keychain slot (in-memory keychain), {fmt_count(gen.cases)}-case vault",
            by_keychain,
        ),
        (
            f"Vault.open via passphrase, Argon2id m={p.memory_kib // 1024} MiB t={p.iterations} "
            f"p={p.lanes}, empty vault",
            by_passphrase,
        ),
    ):
        table_runs = str(len(s.values))
        unlock.add(label, table_runs, fmt_seconds(s.median), fmt_spread(s))
    unlock.notes += [
        "Raw key = what every unlock ends with, with no Argon2: the SQLCipher key is HKDF(VMK).",
        "Vault.open also reads the key file, unwraps the slot and runs crash recovery (which",
        "looks into every case folder). The OS keychain's own latency is not included.",
        "Argon2id parameters were calibrated here just now "
        f"(calibration took {fmt_seconds(calibrate_seconds)}).",
    ]

    progress("search and list queries")
    with Vault.open(big, keychain=keychain, ask_passphrase=lambda _reason: None) as vault:
        queries: list[tuple[str, str]] = [
            ("a surname (one word)", SURNAME_QUERY),
            ("prefix while typing, 2 letters: 'gr'", "gr"),
            ("prefix while typing, 4 letters: 'grie'", "grie"),
            (f"rare word: '{RARE_WORD}'", RARE_WORD),
            ("two words: 'sickness absence'", "sickness absence"),
        ]
        deep = min(settings.deep_offset, max(1, gen.cases - 100))
        # The page after the first `deep` rows, by its cursor (as the GUI and CLI page).
        _, by_updated = vault.list_page(sort="updated", limit=deep)
        _, by_member = vault.list_page(sort="member", descending=False, limit=deep)
        lists: list[tuple[str, Callable[[], object]]] = [
            ("list_cases by updated, first page", lambda: vault.list_cases(sort="updated")),
            (
                f"list_cases by updated, after row {deep}",
                lambda: vault.list_cases(sort="updated", after=by_updated),
            ),
            ("list_cases by member, first page", lambda: vault.list_cases(sort="member", descending=False)),
            (
                f"list_cases by member, after row {deep}",
                lambda: vault.list_cases(sort="member", descending=False, after=by_member),
            ),
            ("count_cases", vault.count_cases),
        ]
        actions: list[tuple[str, Callable[[], object]]] = [
            *((label, lambda q=q: vault.search(q)) for label, q in queries),
            *lists,
        ]
        samples = {label: Samples() for label, _ in actions}
        sizes: dict[str, int] = {}
        for run in range(settings.query_runs + 1):  # run 0 warms up
            for label, action in actions:
                seconds, result = timed_result(action)
                sizes[label] = len(result) if isinstance(result, list) else int(str(result))
                if run:
                    samples[label].add(seconds)

    db_mib = gen.db_bytes / (1 << 20)
    generation = Table(
        f"Generated vault: {fmt_count(gen.cases)} cases, {fmt_count(gen.notes)} notes "
        f"(vault.db {db_mib:.0f} MiB)",
        ("step", "time"),
    )
    generation.add("build the fictional rows in Python (incl. key wrapping)", fmt_seconds(gen.build_seconds))
    generation.add("insert through casevault.store.bulk (one transaction)", fmt_seconds(gen.insert_seconds))
    generation.add(f"make {fmt_count(gen.cases)} case folders", fmt_seconds(gen.folder_seconds))
    generation.add("total", fmt_seconds(gen.build_seconds + gen.insert_seconds + gen.folder_seconds))

    search = Table(
        f"Search and list over {fmt_count(gen.cases)} cases / {fmt_count(gen.notes)} notes "
        f"({settings.query_runs} runs each after a warm-up, interleaved)",
        ("query", "median", "min .. max", "rows"),
    )
    for label, _ in actions:
        s = samples[label]
        search.add(label, fmt_seconds(s.median), fmt_spread(s), str(sizes[label]))
    search.notes += [
        "Search returns at most 200 cases (rows = cases found); a list page is 100 cases.",
        "Queries are run through the Vault API, as the CLI and GUI run them.",
    ]
    return [unlock, generation, search]
