"""A disk that fills up: the vault lives on a 40 MiB tmpfs, and every `casevault` call runs in the
mount namespace that holds it (tests/support/tmpfs.py: `unshare -Urm`, or a plain mount as root).
CI must run these: there, failing to get a tmpfs is a test failure, not a skip.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import ID_RE, Result, assert_clean_error, sha256, write_random
from tests.support.tmpfs import Tmpfs, small_tmpfs

pytestmark = pytest.mark.slow

TMPFS_SIZE = 40 * 1024 * 1024
KIB = 1024
MIB = 1024 * 1024


@pytest.fixture
def tmpfs(tmp_path: Path, cli_env: dict[str, str]) -> Iterator[Tmpfs]:
    with small_tmpfs(tmp_path, cli_env, f"size={TMPFS_SIZE // MIB}m,mode=0700") as fs:
        yield fs


def assert_disk_full(r: Result) -> None:
    sentence = assert_clean_error(r)
    assert "disk is full" in sentence.lower(), f"the error must say the disk is full\n{r}"


def assert_no_leftovers(fs: Tmpfs) -> None:
    parts = [f for f in fs.files(fs.vault) if f.endswith(".part")]
    assert not parts, f"temp files left in the vault: {parts}"


def test_disk_full_during_attach_and_get(tmpfs: Tmpfs, tmp_path: Path) -> None:
    fs = tmpfs
    work = tmp_path / "work"
    work.mkdir()
    fs.ok("init", "--no-keyring")
    ref = fs.ok("case", "new", "--member", "Hyacinth Parr").stdout.strip()
    sources = [
        write_random(work / "a.txt", 5 * KIB),
        write_random(work / "b.pdf", 100 * KIB),
        write_random(work / "c.png", 3 * MIB),
    ]
    ids = fs.ok("attach", ref, *map(str, sources)).lines
    assert len(ids) == 3
    earlier = list(zip(ids, sources, strict=True))
    fs.assert_intact(earlier, work)
    free_before = fs.free()

    # 1. A file larger than all the free space.
    big = write_random(work / "too-big.bin", TMPFS_SIZE + 20 * MIB)
    r = fs.cv("attach", ref, str(big))
    assert_disk_full(r)
    assert r.stdout == "", "a failed attach printed an id"
    assert_no_leftovers(fs)
    assert fs.free() >= free_before - 64 * KIB, "the failed import did not give its space back"
    check, shown = fs.cv_many(("check",), ("case", "show", ref, "--json"))
    assert check.returncode == 0, str(check)  # every earlier blob still authenticates
    assert [a["id"] for a in json.loads(shown.stdout)["attachments"]] == ids

    # 2. A nearly full disk: a small attach that does not fit either, and a decrypted copy onto it.
    filler = fs.mount / "filler"
    assert fs.call("fill", path=str(filler), leave=256 * KIB)["free"] <= 320 * KIB
    before = fs.files()
    r = fs.cv("attach", ref, str(write_random(work / "d.txt", 1 * MIB)))
    assert_disk_full(r)
    out = fs.mount / "decrypted.png"
    r = fs.cv("attachment", "get", ids[2], "--out", str(out))
    assert_disk_full(r)
    assert fs.sha(out) is None, "a failed decryption left a partial file"
    assert fs.files() == before, "something was left on the full disk"
    fs.ok("check")  # reading still works with the disk nearly full

    # 3. Space is freed: the vault accepts attachments again and lost nothing.
    fs.call("unlink", path=str(filler))
    late = write_random(work / "e.txt", 20 * KIB)
    (new_id,) = fs.ok("attach", ref, str(late)).lines
    assert ID_RE.match(new_id)
    assert fs.sha(out) is None
    check, get = fs.cv_many(("check",), ("attachment", "get", ids[2], "--out", str(out)))
    assert check.returncode == 0, str(check)
    assert get.returncode == 0, str(get)
    assert fs.sha(out) == sha256(sources[2])
    assert_no_leftovers(fs)
    fs.assert_intact([*earlier, (new_id, late)], work)


def test_a_completely_full_disk_is_reported_as_full(tmpfs: Tmpfs, tmp_path: Path) -> None:
    """With not one block free, every command still fails with one sentence that says why, and
    nothing is lost once space is freed."""
    fs = tmpfs
    source = write_random(tmp_path / "kept.bin", 2 * MIB)
    fs.ok("init", "--no-keyring")
    ref = fs.ok("case", "new", "--member", "Hyacinth Parr").stdout.strip()
    (aid,) = fs.ok("attach", ref, str(source)).lines
    filler = fs.mount / "filler"
    assert fs.call("fill", path=str(filler))["free"] == 0

    commands = {
        "note add": ("note", "add", ref, "--text", "Called the member."),
        "attach": ("attach", ref, str(source)),
        "case new": ("case", "new", "--member", "Someone Else"),
        "case list": ("case", "list"),
    }
    results = dict(zip(commands, fs.cv_many(*commands.values()), strict=True))

    # Nothing is lost once space is freed (checked first, so that a wrong message below does
    # not hide it).
    fs.call("unlink", path=str(filler))
    out = tmp_path / "back.bin"
    check, shown, get = fs.cv_many(
        ("check",), ("case", "show", ref, "--json"), ("attachment", "get", aid, "--out", str(out))
    )
    for r in (check, shown, get):
        assert r.returncode == 0, str(r)
    assert_no_leftovers(fs)
    data = json.loads(shown.stdout)
    assert [a["id"] for a in data["attachments"]] == [aid]
    assert data["events"] == []
    assert sha256(out) == sha256(source)

    for what, r in results.items():
        if what == "case list" and r.returncode == 0:
            continue  # reading without writing may well work on a full disk; fine either way
        try:
            assert_disk_full(r)
        except AssertionError as err:
            raise AssertionError(f"{what} on a full disk: {err}") from None


def test_a_full_disk_still_lets_the_rep_read(tmpfs: Tmpfs, tmp_path: Path) -> None:
    """With not one block free the vault opens read-only: listing, showing, searching, the
    reminders and a decrypted copy to another disk all work; a write is refused with the
    disk-full sentence and changes nothing."""
    fs = tmpfs
    source = write_random(tmp_path / "payslip.pdf", 300 * KIB)
    fs.ok("init", "--no-keyring")
    ref = fs.ok("case", "new", "--member", "Hyacinth Parr").stdout.strip()
    fs.ok("note", "add", ref, "--text", "Marzipanfactory grievance hearing on Tuesday.")
    (aid,) = fs.ok("attach", ref, str(source)).lines
    filler = fs.mount / "filler"
    assert fs.call("fill", path=str(filler))["free"] == 0

    out = tmp_path / "other-disk" / "payslip-copy.pdf"
    out.parent.mkdir()
    listed, shown, found, due, got = fs.cv_many(
        ("case", "list", "--json"),
        ("case", "show", ref, "--json"),
        ("search", "marzipanfactory", "--json"),
        ("reminders", "--json"),
        ("attachment", "get", aid, "--out", str(out)),
    )
    for r in (listed, shown, found, due, got):
        assert r.returncode == 0, str(r)
        assert "Traceback" not in r.stderr
    assert [c["ref"] for c in json.loads(listed.stdout)] == [ref]
    assert json.loads(shown.stdout)["member"]["name"] == "Hyacinth Parr"
    assert ref in found.stdout
    json.loads(due.stdout)
    assert sha256(out) == sha256(source)
    assert shown.stderr == ""
    assert "not recorded in the audit log" in got.stderr  # the rep is told what was not kept

    note = fs.cv("note", "add", ref, "--text", "This cannot be saved.")
    assert_disk_full(note)
    assert note.returncode == 1

    fs.call("unlink", path=str(filler))
    after = json.loads(fs.ok("case", "show", ref, "--json").stdout)
    assert [e["text"] for e in after["events"]] == ["Marzipanfactory grievance hearing on Tuesday."]
    fs.ok("check")
    assert_no_leftovers(fs)
