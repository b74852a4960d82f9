"""Attack: crafted handover bundles, from outside the code (issue 13, item 4).

A rep's handover key is public by design, so anyone can make a valid age bundle for it. This
script makes a receiving vault with the real command (`init --no-keyring`), reads its key with
`identity`, then builds one bundle per bad field with casevault's own framing and pyrage
(signed with an attacker's own Ed25519 key where a signature is wanted), runs
`casevault receive` on each and checks the result:

- "refuse" cases: exit 4, one line on stderr with no raw control character and none of the
  hostile value, and nothing imported (`case list --json` unchanged, `check` exits 0);
- "clean" cases: exit 0, and the stored names hold no control, bidi or zero-width character,
  a document name at most 255 characters;
- "ok": the unmodified crafted bundle imports (the control).

Prints how many were tried and handled, the exit codes seen and the peak memory of `receive`,
and exits 1 if any case was not handled. Run: .venv/bin/python scripts/attacks/crafted_bundles.py
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from casevault.crypto import signing  # noqa: E402
from casevault.formats import bundle  # noqa: E402 - the product's own framing

CASEVAULT = ROOT / ".venv" / "bin" / "casevault"
PASSPHRASE = "attack correct horse battery staple"
T = "2026-03-01T10:00:00.000000Z"
DOC = b"dismissal letter\n" * 100
FRAME = struct.Struct(">cQ")
ATTACKER = os.urandom(32)
OTHER = os.urandom(32)
INVISIBLE = set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff"
)


def manifest(secret: bytes, source_key: str) -> dict[str, Any]:
    return {
        "format": bundle.FORMAT,
        "version": bundle.VERSION,
        "source_key": source_key,
        "signing_key": signing.public_key(secret).hex(),
        "created_at": T,
        "case": {
            "ref": "CV-2026-0007",
            "case_type": "discipline",
            "status": "open",
            "opened_at": T,
            "closed_at": None,
            "retain_until": None,
            "title": "",
        },
        "member": {"name": "Anna Example", "email": "", "employer_domain": ""},
        "first_meeting": {
            "held_at": None,
            "issues": ["late warning"],
            "narrative": "",
            "dismissal_threatened": False,
            "discrimination_alleged": False,
            "confidentiality_explained": True,
            "originals_received": "",
            "member_decision": "",
            "updated_at": T,
            "originals_returned_at": None,
        },
        "action_points": [],
        "case_dates": [{"kind": "hearing", "at": T, "note": ""}],
        "events": [
            {
                "id": "ab" * 16,
                "kind": "meeting",
                "occurred_at": T,
                "recorded_at": T,
                "terms": "",
                "versions": [
                    {"version": 1, "body": "Met the member", "recorded_at": T},
                    {"version": 2, "body": "Met the member again", "recorded_at": T},
                ],
            }
        ],
        "parties": [{"name": "Mr Boss", "role": "manager", "note": "", "added_at": T}],
        "consents": [
            {"scope": "share-reps", "given_at": T, "note": "", "withdrawn_at": None, "recorded_at": T}
        ],
        "originals": [],
        "escalations": [],
        "audit": [],
        "documents": [
            {
                "id": "cd" * 16,
                "name": "letter.txt",
                "size": len(DOC),
                "sha256": hashlib.sha256(DOC).hexdigest(),
            }
        ],
    }


def frames(
    body: bytes,
    docs: list[bytes],
    *,
    recipient: str,
    secret: bytes | None = ATTACKER,
    magic: bytes = bundle.MAGIC,
    signed_for: str | None = None,
    flip: bool = False,
) -> bytes:
    out = bytearray(magic + FRAME.pack(b"M", len(body)) + body)
    for doc in docs:
        out += FRAME.pack(b"D", len(doc)) + doc
    if secret is not None:
        payload = bytearray(
            signing.sign(secret, bundle.VERSION, signed_for or recipient, hashlib.sha256(out).digest())
        )
        if flip:
            payload[10] ^= 0x01
        out += FRAME.pack(b"S", len(payload)) + payload
    return bytes(out + FRAME.pack(b"Z", 0))


def seal(plain: bytes, recipient: str) -> bytes:
    return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(recipient)])


Change = Callable[[dict[str, Any]], None]


def setting(path: str, value: Any) -> Change:
    def change(m: dict[str, Any]) -> None:
        keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
        target: Any = m
        for key in keys[:-1]:
            target = target[key]
        if value is DROP:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return change


DROP = object()


def cases(recipient: str) -> list[tuple[str, str, bytes, str]]:
    """(name, expectation, age bundle, a hostile value that must not be echoed)."""

    def signed(change: Change | None = None, *, docs: list[bytes] | None = None) -> bytes:
        m = copy.deepcopy(manifest(ATTACKER, recipient))
        if change is not None:
            change(m)
        return seal(
            frames(json.dumps(m).encode(), [DOC] if docs is None else docs, recipient=recipient), recipient
        )

    def raw(body: bytes, **kw: Any) -> bytes:
        return seal(frames(body, [], recipient=recipient, **kw), recipient)

    good = json.dumps(manifest(ATTACKER, recipient)).encode()
    good_plain = frames(good, [DOC], recipient=recipient)
    out: list[tuple[str, str, bytes, str]] = [
        ("control: the crafted bundle unchanged", "ok", signed(), ""),
        ("bad date", "refuse", signed(setting("events.0.occurred_at", "2026-13-45T99:00:00Z")), "2026-13-45"),
        ("date not text", "refuse", signed(setting("consents.0.given_at", 1)), ""),
        ("bad event kind", "refuse", signed(setting("events.0.kind", "rm -rf")), "rm -rf"),
        ("bad version number", "refuse", signed(setting("events.0.versions.1.version", "two")), "two"),
        ("version gap", "refuse", signed(setting("events.0.versions.1.version", 7)), ""),
        ("bad manifest version", "refuse", signed(setting("version", 99)), ""),
        ("missing field: member", "refuse", signed(setting("member", DROP)), ""),
        ("missing field: events", "refuse", signed(setting("events", DROP)), ""),
        ("missing field: document sha256", "refuse", signed(setting("documents.0.sha256", DROP)), ""),
        ("bad consent scope", "refuse", signed(setting("consents.0.scope", "everyone")), "everyone"),
        ("bad party role", "refuse", signed(setting("parties.0.role", "overlord")), "overlord"),
        ("event id not hex", "refuse", signed(setting("events.0.id", "../../etc/passwd")), "passwd"),
        ("closed without archive date", "refuse", signed(setting("case.status", "closed")), ""),
        ("member name ESC[2J", "refuse", signed(setting("member.name", "Anna\x1b[2J\x1b[H")), "\x1b"),
        (
            "party name OSC title",
            "refuse",
            signed(setting("parties.0.name", "\x1b]0;pwned\x07Boss")),
            "pwned",
        ),
        ("member name NUL", "refuse", signed(setting("member.name", "Anna\x00Example")), "\x00"),
        ("member name 5 MB", "refuse", signed(setting("member.name", "A" * 5_000_000)), "AAAAAAAAAA"),
        ("issue with ESC", "refuse", signed(setting("first_meeting.issues", ["\x1b[31mred"])), "\x1b"),
        ("lone surrogate", "refuse", signed(setting("member.name", "Anna\ud800")), ""),
        ("negative document size", "refuse", signed(setting("documents.0.size", -1)), ""),
        ("deep nesting (100,000 lists)", "refuse", raw(b"[" * 100_000 + b"]" * 100_000), ""),
        ("deep nesting (50,000 objects)", "refuse", raw(b'{"a":' * 50_000 + b"0" + b"}" * 50_000), ""),
        ("four million values", "refuse", raw(b"[" + b"0," * 4_100_000 + b"0]"), ""),
        ("not JSON", "refuse", raw(b"{not json"), ""),
        ("NaN in JSON", "refuse", raw(b'{"version": NaN}'), ""),
        (
            "manifest frame over the cap",
            "refuse",
            seal(bundle.MAGIC + FRAME.pack(b"M", 1 << 40), recipient),
            "",
        ),
        (
            "wrong signature (flipped byte)",
            "refuse",
            seal(frames(good, [DOC], recipient=recipient, flip=True), recipient),
            "",
        ),
        (
            "re-targeted signature (signed for another key)",
            "refuse",
            seal(
                frames(
                    good,
                    [DOC],
                    recipient=recipient,
                    signed_for=str(pyrage.x25519.Identity.generate().to_public()),
                ),
                recipient,
            ),
            "",
        ),
        (
            "signed by A, claiming B",
            "refuse",
            seal(frames(good, [DOC], recipient=recipient, secret=OTHER), recipient),
            "",
        ),
        (
            "no signature frame",
            "refuse",
            seal(frames(good, [DOC], recipient=recipient, secret=None), recipient),
            "",
        ),
        (
            "unsigned old format (version 1)",
            "refuse",
            seal(
                frames(good, [DOC], recipient=recipient, secret=None, magic=bundle.MAGIC_PREFIX + b"\x01"),
                recipient,
            ),
            "",
        ),
        ("newer format (version 3)", "refuse", raw(good, magic=bundle.MAGIC_PREFIX + b"\x03"), ""),
        ("truncated plaintext", "refuse", seal(good_plain[: len(good_plain) // 2], recipient), ""),
        ("truncated age file", "refuse", seal(good_plain, recipient)[:-40], ""),
        ("data after the end", "refuse", seal(good_plain + b"more", recipient), ""),
        (
            "document swapped under the signature",
            "refuse",
            seal(good_plain.replace(b"letter\nd", b"lettex\nd"), recipient),
            "",
        ),
        ("bidi override in names", "clean", signed(bidi_names), ""),
        ("5 MB file name", "clean", signed(setting("documents.0.name", "x" * 5_000_000 + ".pdf")), ""),
        ("ESC and C1 in a note", "clean", signed(setting("events.0.versions.1.body", "a\x1b[2Jb\x9bc")), ""),
    ]
    return out


def bidi_names(m: dict[str, Any]) -> None:
    m["member"]["name"] = "Anna \u202eelpmaxE"
    m["documents"][0]["name"] = "rtl\u202etxt.exe"


class Cli:
    def __init__(self, home: Path) -> None:
        self.vault = home / "vault"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent",
            "CASEVAULT_PASSPHRASE": PASSPHRASE,
            "LANG": "C.UTF-8",
        }
        self.tmp = home
        self.peak_kib = 0
        self.last_kib = 0

    def run(self, *args: str) -> tuple[int, str, str]:
        out, err = self.tmp / "out", self.tmp / "err"
        with out.open("wb") as o, err.open("wb") as e:
            proc = subprocess.Popen(
                [str(CASEVAULT), "--vault", str(self.vault), *args],
                stdout=o,
                stderr=e,
                stdin=subprocess.DEVNULL,
                env=self.env,
            )
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        if args[0] == "receive":
            self.last_kib = usage.ru_maxrss
            self.peak_kib = max(self.peak_kib, usage.ru_maxrss)
        return proc.returncode, out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace")


def has_raw_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in "\n" for ch in text)


def stored_names_clean(cli: Cli, ref: str) -> bool:
    code, out, _ = cli.run("case", "show", ref, "--json")
    if code != 0:
        return False
    data = json.loads(out)
    names = [data["member"]["name"], *(a["name"] for a in data["attachments"])]
    texts = [e["text"] for e in data["events"]]
    for name in names:
        if any(unicodedata.category(ch) == "Cc" or ch in INVISIBLE for ch in name):
            return False
    if any(len(a["name"]) > 255 for a in data["attachments"]):
        return False
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for t in texts for ch in t)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="cv-bundles-"))
    os.chmod(home, 0o700)
    tally: Counter[str] = Counter()
    codes: Counter[int] = Counter()
    failures: list[str] = []
    try:
        cli = Cli(home)
        code, _, err = cli.run("init", "--no-keyring")
        if code != 0:
            print(f"init failed: {err.strip()}")
            return 1
        code, key, _ = cli.run("identity")
        recipient = key.strip()
        crafted = cases(recipient)
        for name, expect, data, hostile in crafted:
            path = home / "bundle.age"
            path.write_bytes(data)
            _, before, _ = cli.run("case", "list", "--json")
            code, out, err = cli.run("receive", str(path))
            codes[code] += 1
            tally["tried"] += 1
            lines = err.strip().splitlines()
            if expect == "refuse":
                _, after, _ = cli.run("case", "list", "--json")
                check, _, _ = cli.run("check")
                handled = (
                    code == 4
                    and len(lines) == 1
                    and not has_raw_control(err)
                    and (not hostile or hostile not in err)
                    and not out.strip()
                    and after == before
                    and check == 0
                )
            else:
                ref = out.strip()
                handled = code == 0 and len(out.strip().splitlines()) == 1 and stored_names_clean(cli, ref)
                handled = handled and not has_raw_control(err)
            tally["handled" if handled else "not handled"] += 1
            verdict = "handled" if handled else "NOT HANDLED"
            shown = (lines[0] if lines else "").encode("unicode_escape").decode()[:150]
            mib = cli.last_kib / 1024
            print(f"{verdict:12} exit {code}  {mib:4.0f} MiB  {expect:6}  {name}: {shown}")
            if not handled:
                failures.append(name)
        check, _, _ = cli.run("check")
        print()
        print(f"tried {tally['tried']}, handled {tally['handled']}, not handled {tally['not handled']}")
        print("exit codes: " + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items())))
        print(f"peak memory of a receive: {cli.peak_kib / 1024:.0f} MiB (max RSS)")
        print(f"final check of the receiving vault: exit {check}")
        if failures or check != 0:
            print("not handled: " + "; ".join(failures))
            return 1
        return 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
