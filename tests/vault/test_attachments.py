"""Vault API: attachments in and out, hostile file names, file modes, case segregation."""

from __future__ import annotations

import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.casework import rules
from casevault.core.errors import CasevaultError, DamagedError, NotFoundError, UsageError
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock, reopen

MiB = 1 << 20


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` and its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def blob_path(vault: Vault, file_id: str) -> Path:
    attachment = vault.attachment(file_id)
    return vault.paths.cases_dir / attachment.case_id / f"{file_id}.cvf"


@pytest.fixture
def ref(vault: Vault) -> str:
    return vault.new_case("Ada Example")


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


# ---- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, MiB - 1, MiB, MiB + 1, 5 * MiB + 123], ids=lambda n: f"{n}B")
def test_round_trip_is_byte_identical(
    vault: Vault, ref: str, tmp_path: Path, outdir: Path, size: int
) -> None:
    data = os.urandom(size)
    src = tmp_path / "source.bin"
    src.write_bytes(data)
    file_id = vault.attach(ref, src)

    assert vault.read_attachment(file_id) == data
    out = outdir / "copy.bin"
    assert vault.save_attachment(file_id, out) == size
    assert out.read_bytes() == data
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert os.listdir(outdir) == ["copy.bin"]  # no temp file left beside it

    attachment = vault.attachment(file_id)
    assert attachment.size == size
    assert attachment.name == "source.bin"
    blob = blob_path(vault, file_id)
    assert blob.is_file()
    assert blob.stat().st_size > size  # header and tags: it is not the plaintext
    if size >= 16:  # shorter random plaintexts turn up in any random-looking bytes by chance
        assert data[:64] not in blob.read_bytes()


def test_attachment_survives_reopen(
    vault: Vault, vault_paths: VaultPaths, ref: str, clock: FakeClock
) -> None:
    file_id = vault.attach_stream(ref, "kept.txt", io.BytesIO(b"kept bytes"))
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.read_attachment(file_id) == b"kept bytes"
        assert again.case(ref).attachments[0].name == "kept.txt"


def test_attachment_id_lookup_is_forgiving_about_case_and_spaces(vault: Vault, ref: str) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"abc"))
    assert vault.read_attachment(f"  {file_id.upper()} ") == b"abc"


@pytest.mark.parametrize("bad", ["0" * 32, "nonsense", "", "../../etc/passwd"])
def test_unknown_attachment_is_not_found(vault: Vault, ref: str, outdir: Path, bad: str) -> None:
    with pytest.raises(NotFoundError, match="no attachment"):
        vault.read_attachment(bad)
    with pytest.raises(NotFoundError):
        vault.save_attachment(bad, outdir / "x")
    assert os.listdir(outdir) == []


def test_attach_missing_file_and_folder(vault: Vault, ref: str, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no file"):
        vault.attach(ref, tmp_path / "missing.pdf")
    with pytest.raises(UsageError, match="is a folder"):
        vault.attach(ref, tmp_path)
    assert vault.case(ref).attachments == ()
    assert vault.check() == []


def test_attach_to_unknown_case_writes_nothing(vault: Vault, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"x")
    vault.new_case("Ada")
    before = snapshot(vault.paths.cases_dir)
    with pytest.raises(NotFoundError):
        vault.attach("CV-2026-0099", src)
    assert snapshot(vault.paths.cases_dir) == before


def test_progress_is_reported(vault: Vault, ref: str, outdir: Path) -> None:
    seen: list[int] = []
    file_id = vault.attach_stream(ref, "big.bin", io.BytesIO(os.urandom(3 * MiB)), progress=seen.append)
    assert seen
    assert seen[-1] == 3 * MiB
    assert seen == sorted(seen)
    saved: list[int] = []
    vault.save_attachment(file_id, outdir / "big.bin", progress=saved.append)
    assert saved[-1] == 3 * MiB


def test_cancelled_import_leaves_nothing(vault: Vault, ref: str) -> None:
    class CancelledError(Exception):
        pass

    def cancel(done: int) -> None:
        if done >= MiB:
            raise CancelledError

    with pytest.raises(CancelledError):
        vault.attach_stream(ref, "big.bin", io.BytesIO(os.urandom(3 * MiB)), progress=cancel)
    assert vault.case(ref).attachments == ()
    case_dirs = list(vault.paths.cases_dir.iterdir())
    assert len(case_dirs) == 1
    assert list(case_dirs[0].iterdir()) == []
    assert int(vault.db.scalar("SELECT count(*) FROM pending_imports")) == 0
    assert vault.search("big") == []
    assert vault.check() == []


@pytest.mark.parametrize("tampered", [False, True], ids=["intact", "tampered"])
def test_where_there_is_no_o_tmpfile_the_copy_appears_whole_or_not_at_all(
    vault: Vault, ref: str, outdir: Path, monkeypatch: pytest.MonkeyPatch, tampered: bool
) -> None:
    # macOS and Windows have no O_TMPFILE (BlobStore.decrypt_to's Linux path): the copy is then
    # written to a hidden named temp file beside it, which is removed if authentication fails.
    # Nor posix_fadvise, which StreamingWriter then leaves out.
    data = os.urandom(3 * MiB)
    file_id = vault.attach_stream(ref, "a.bin", io.BytesIO(data))
    if tampered:
        blob = blob_path(vault, file_id)
        damaged = bytearray(blob.read_bytes())
        damaged[-100] ^= 1
        blob.write_bytes(bytes(damaged))
    monkeypatch.delattr(os, "O_TMPFILE")
    monkeypatch.delattr(os, "posix_fadvise")
    out = outdir / "copy.bin"
    if tampered:
        with pytest.raises(DamagedError, match="nothing was written"):
            vault.save_attachment(file_id, out)
        assert os.listdir(outdir) == []
    else:
        assert vault.save_attachment(file_id, out) == len(data)
        assert out.read_bytes() == data
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert os.listdir(outdir) == ["copy.bin"]


# ---- saving refuses to overwrite -------------------------------------------------------------


def test_save_refuses_an_existing_file(vault: Vault, ref: str, outdir: Path) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"secret contents"))
    out = outdir / "existing.txt"
    out.write_bytes(b"precious")
    with pytest.raises(CasevaultError, match="already exists") as caught:
        vault.save_attachment(file_id, out)
    assert caught.value.exit_code == 1
    assert out.read_bytes() == b"precious"
    assert os.listdir(outdir) == ["existing.txt"]


def test_save_refuses_a_dangling_symlink(vault: Vault, ref: str, outdir: Path, tmp_path: Path) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"secret contents"))
    target = tmp_path / "elsewhere.txt"
    link = outdir / "link.txt"
    link.symlink_to(target)
    with pytest.raises(CasevaultError, match="already exists"):
        vault.save_attachment(file_id, link)
    assert not target.exists()


def test_save_refuses_a_missing_folder(vault: Vault, ref: str, tmp_path: Path) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"secret contents"))
    with pytest.raises(CasevaultError, match="does not exist"):
        vault.save_attachment(file_id, tmp_path / "no-such-folder" / "a.txt")
    assert not (tmp_path / "no-such-folder").exists()


def test_save_to_a_relative_path(
    vault: Vault, ref: str, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"relative"))
    monkeypatch.chdir(outdir)
    assert vault.save_attachment(file_id, Path("here.txt")) == 8
    assert (outdir / "here.txt").read_bytes() == b"relative"


# ---- hostile file names ---------------------------------------------------------------------


def _attach_named(vault: Vault, ref: str, folder: Path, name: str | bytes, data: bytes) -> tuple[str, Path]:
    folder.mkdir(exist_ok=True)
    raw = name if isinstance(name, bytes) else name.encode("utf-8", "surrogateescape")
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), raw)))
    path.write_bytes(data)
    return vault.attach(ref, path), path


LONG_NAME = "é" * 123 + "-long.pdf"  # 246 + 9 = 255 bytes of UTF-8, the most a Linux name holds


@pytest.mark.parametrize(
    ("on_disk", "stored"),
    [
        ("-rf --no-preserve-root.txt", "-rf --no-preserve-root.txt"),
        ("--help", "--help"),
        (LONG_NAME, LONG_NAME),
        ("Brief \u2013 \u00c4rger \u2713.txt", "Brief \u2013 \u00c4rger \u2713.txt"),
        ("line\nbreak.txt", "line\u240abreak.txt"),
        ("tab\tand\rcr.txt", "tab\u2409and\u240dcr.txt"),
        ("bell\x07.txt", "bell\u2407.txt"),
        (b"\xff\xfe.txt", "\ufffd\ufffd.txt"),
        (b"caf\xe9.txt", "caf\ufffd.txt"),
        ("$(rm -rf ~).txt", "$(rm -rf ~).txt"),
        ("a'b\"c`d.txt", "a'b\"c`d.txt"),
        ("  spaced  .txt", "  spaced  .txt"),
        (".hidden", ".hidden"),
        ("CON", "CON"),
    ],
    ids=[
        "leading-dash",
        "dash-dash",
        "255-bytes",
        "unicode",
        "newline",
        "tab-cr",
        "bell",
        "undecodable",
        "latin1",
        "shell",
        "quotes",
        "spaces",
        "hidden",
        "dos-device",
    ],
)
def test_hostile_names_are_stored_and_shown_exactly(
    vault: Vault,
    vault_paths: VaultPaths,
    ref: str,
    tmp_path: Path,
    outdir: Path,
    clock: FakeClock,
    on_disk: str | bytes,
    stored: str,
) -> None:
    if on_disk == LONG_NAME:
        assert len(LONG_NAME.encode()) == 255
    data = os.urandom(100)
    file_id, _ = _attach_named(vault, ref, tmp_path / "src", on_disk, data)
    assert vault.attachment(file_id).name == stored
    assert [a.name for a in vault.case(ref).attachments] == [stored]
    assert stored.encode("utf-8")  # storable: no lone surrogates
    assert os.listdir(blob_path(vault, file_id).parent) == [f"{file_id}.cvf"]  # name never used as a path
    assert vault.read_attachment(file_id) == data
    vault.save_attachment(file_id, outdir / "copy")
    assert (outdir / "copy").read_bytes() == data
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.attachment(file_id).name == stored


def test_storable_file_name_rules() -> None:
    assert rules.storable_file_name("") == "unnamed"
    assert rules.storable_file_name("a\x00b") == "a\u2400b"
    assert rules.storable_file_name(os.fsdecode(b"\xff\xfe.txt")) == "\ufffd\ufffd.txt"
    assert rules.storable_file_name("plain.txt") == "plain.txt"


def test_dot_dot_path_stores_only_the_final_component(
    vault: Vault, ref: str, tmp_path: Path, outdir: Path
) -> None:
    (tmp_path / "inbox" / "sub").mkdir(parents=True)
    (tmp_path / "inbox" / "x").write_bytes(b"dot dot")
    before = snapshot(tmp_path)
    file_id = vault.attach(ref, tmp_path / "inbox" / "sub" / ".." / "x")
    assert vault.attachment(file_id).name == "x"
    after = snapshot(tmp_path)
    new = set(after) - set(before)
    case_dir = blob_path(vault, file_id).parent.relative_to(tmp_path)
    assert new == {str(case_dir / f"{file_id}.cvf")}
    # Everything outside the vault is untouched.
    for path, content in before.items():
        if not path.startswith("vault"):
            assert after[path] == content


@pytest.mark.parametrize("name", ["../x", "../../x", "/etc/passwd", "a/../../b", "..", "."])
def test_path_like_stream_names_are_text_only(vault: Vault, ref: str, tmp_path: Path, name: str) -> None:
    before = snapshot(tmp_path)
    file_id = vault.attach_stream(ref, name, io.BytesIO(b"payload"))
    assert vault.attachment(file_id).name == name
    new = set(snapshot(tmp_path)) - set(before)
    assert new == {str(blob_path(vault, file_id).relative_to(tmp_path))}
    assert not (tmp_path / "x").exists()
    assert not (vault.paths.cases_dir / "x").exists()
    assert not (vault.paths.root / "x").exists()


# ---- layout and modes --------------------------------------------------------------------


def test_blob_lives_at_cases_case_id_file_id(vault: Vault, ref: str) -> None:
    file_id = vault.attach_stream(ref, "a.txt", io.BytesIO(b"x"))
    attachment = vault.attachment(file_id)
    expected = vault.paths.root / "cases" / attachment.case_id / f"{file_id}.cvf"
    assert expected.is_file()
    assert len(attachment.case_id) == len(file_id) == 32
    assert int(attachment.case_id, 16) >= 0
    assert int(file_id, 16) >= 0
    assert expected.read_bytes()[:8] == b"CVFBLOB\x00"


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("open_umask")
def test_every_file_is_0600_and_every_folder_0700(tmp_path: Path, clock: FakeClock) -> None:
    paths = VaultPaths(tmp_path / "vault")
    with Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock) as v:
        for name in ("Ada", "Bob"):
            ref = v.new_case(name)
            v.add_note(ref, "note")
            v.attach_stream(ref, "a.txt", io.BytesIO(b"abc"))
        v.change_passphrase(PASSPHRASE + "!", FAST_KDF)
        # While the vault is open the WAL and shared-memory files exist.
        assert (paths.root / "vault.db-wal").is_file()
        assert (paths.root / "vault.db-shm").is_file()
        entries = [paths.root, *paths.root.rglob("*")]
        assert len([e for e in entries if e.is_dir()]) == 4  # root, cases, two case folders
        for entry in entries:
            mode = stat.S_IMODE(entry.lstat().st_mode)
            if entry.is_dir():
                assert mode == 0o700, entry
            else:
                assert entry.is_file(), entry
                assert mode == 0o600, entry
    for entry in [paths.root, *paths.root.rglob("*")]:
        assert stat.S_IMODE(entry.stat().st_mode) == (0o700 if entry.is_dir() else 0o600), entry


def test_loose_permissions_on_folders_are_tightened(vault: Vault, ref: str) -> None:
    os.chmod(vault.paths.cases_dir, 0o755)
    case_dir = next(vault.paths.cases_dir.iterdir())
    os.chmod(case_dir, 0o777)
    vault.attach_stream(ref, "a.txt", io.BytesIO(b"x"))
    assert stat.S_IMODE(case_dir.stat().st_mode) == 0o700


def test_nothing_readable_on_disk(vault: Vault, tmp_path: Path) -> None:
    secrets_ = ["Quetzalcoatl Wibblesworth", "quetzal@home.example", "Xylophonic grievance", "zebrafinch"]
    ref = vault.new_case(secrets_[0], email=secrets_[1])
    vault.add_note(ref, secrets_[2] + " about the rota")
    vault.attach_stream(ref, secrets_[3] + ".pdf", io.BytesIO(b"Xylophonic grievance letter body"))
    assert (vault.paths.root / "vault.db-wal").stat().st_size > 0
    raw = b"".join(snapshot(vault.paths.root).values())
    for text in secrets_:
        for form in (text, text.lower()):
            assert form.encode() not in raw, text
            assert form.encode("utf-16-le") not in raw, text
    names = " ".join(str(p) for p in vault.paths.root.rglob("*"))
    assert "zebrafinch" not in names


# ---- segregation --------------------------------------------------------------------------


@pytest.fixture
def two_cases(vault: Vault) -> tuple[str, str, str, str]:
    a = vault.new_case("Member A")
    b = vault.new_case("Member B")
    fa = vault.attach_stream(a, "a.txt", io.BytesIO(b"A" * 5000))
    fb = vault.attach_stream(b, "b.txt", io.BytesIO(b"B" * 5000))
    return a, b, fa, fb


def test_each_case_has_its_own_folder(vault: Vault, two_cases: tuple[str, str, str, str]) -> None:
    _, _, fa, fb = two_cases
    folder_a, folder_b = blob_path(vault, fa).parent, blob_path(vault, fb).parent
    assert folder_a != folder_b
    assert folder_a.parent == folder_b.parent == vault.paths.cases_dir
    assert os.listdir(folder_a) == [f"{fa}.cvf"]
    assert os.listdir(folder_b) == [f"{fb}.cvf"]


def test_a_blob_copied_over_another_cases_blob_fails(
    vault: Vault, two_cases: tuple[str, str, str, str], outdir: Path
) -> None:
    _, _, fa, fb = two_cases
    shutil.copyfile(blob_path(vault, fa), blob_path(vault, fb))
    with pytest.raises(DamagedError, match="damaged or has been tampered") as caught:
        vault.read_attachment(fb)
    assert caught.value.exit_code == 4
    out = outdir / "b.txt"
    with pytest.raises(DamagedError, match="nothing was written"):
        vault.save_attachment(fb, out)
    assert os.listdir(outdir) == []
    # The other case is unaffected.
    assert vault.read_attachment(fa) == b"A" * 5000
    assert [p for p in vault.check() if fb in p]
    assert not [p for p in vault.check() if fa in p]


def test_a_blob_moved_into_another_case_folder_fails(
    vault: Vault, two_cases: tuple[str, str, str, str]
) -> None:
    """Same file id, other case: the AAD binds the case, so a blob cannot change cases."""
    _, b, fa, _ = two_cases
    source = blob_path(vault, fa)
    other_case = vault.case(b).attachments[0].case_id
    vault.db.execute("UPDATE attachments SET case_id = ? WHERE id = ?", (other_case, fa))
    shutil.move(source, vault.paths.cases_dir / other_case / source.name)
    with pytest.raises(DamagedError):
        vault.read_attachment(fa)


def test_a_swapped_blob_within_a_case_fails(vault: Vault, ref: str) -> None:
    one = vault.attach_stream(ref, "one.txt", io.BytesIO(b"1" * 100))
    two = vault.attach_stream(ref, "two.txt", io.BytesIO(b"2" * 100))
    shutil.copyfile(blob_path(vault, one), blob_path(vault, two))
    with pytest.raises(DamagedError):
        vault.read_attachment(two)
    assert vault.read_attachment(one) == b"1" * 100


@pytest.mark.parametrize("where", ["header", "middle", "tag"])
def test_a_flipped_bit_fails_and_save_leaves_nothing(
    vault: Vault, ref: str, outdir: Path, where: str
) -> None:
    file_id = vault.attach_stream(ref, "a.bin", io.BytesIO(os.urandom(MiB + 500)))
    blob = blob_path(vault, file_id)
    raw = bytearray(blob.read_bytes())
    offset = {"header": 10, "middle": MiB // 2, "tag": len(raw) - 1}[where]
    raw[offset] ^= 0x01
    blob.write_bytes(bytes(raw))
    with pytest.raises(DamagedError):
        vault.read_attachment(file_id)
    with pytest.raises(DamagedError):
        vault.save_attachment(file_id, outdir / "a.bin")
    assert os.listdir(outdir) == []


def test_a_missing_blob_is_damage(vault: Vault, ref: str, outdir: Path) -> None:
    file_id = vault.attach_stream(ref, "a.bin", io.BytesIO(b"x"))
    blob_path(vault, file_id).unlink()
    with pytest.raises(DamagedError, match="missing"):
        vault.read_attachment(file_id)
    with pytest.raises(DamagedError, match="missing"):
        vault.save_attachment(file_id, outdir / "a.bin")
    assert os.listdir(outdir) == []


def test_a_damaged_file_key_is_damage(vault: Vault, ref: str) -> None:
    file_id = vault.attach_stream(ref, "a.bin", io.BytesIO(b"x"))
    vault.db.execute("UPDATE attachments SET wrapped_key = ? WHERE id = ?", (os.urandom(60), file_id))
    with pytest.raises(DamagedError, match="key"):
        vault.read_attachment(file_id)
