"""The sync change set (formats/changeset.py): a round trip, a known-answer file, an independent
reader and forger written from the module's docstring, one test per refusal with its sentence,
every byte flipped and every truncation refused, file names, and hypothesis round trips."""

from __future__ import annotations

import hashlib
import itertools
import json
import struct
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.core.errors import DamagedError
from casevault.core.hlc import Timestamp
from casevault.crypto import signing
from casevault.formats import changeset as cs
from casevault.formats.changeset import GENESIS, ChangeSetRefusedError
from tests.support.key_vectors import rfc5869_hkdf_sha256

VAULT = "11" * 16
OTHER_VAULT = "22" * 16
A, B, C = "a0" * 16, "b0" * 16, "c0" * 16
SECRET_A, SECRET_B, SECRET_C = bytes(range(32)), bytes(range(32, 64)), bytes(range(96, 128))
SYNC_KEY = bytes(range(64, 96))
NEW_KEY = bytes(range(128, 160))
NONCE = bytes(range(12))
T0 = 1_750_000_000_000
KNOWN = {A: signing.public_key(SECRET_A), B: signing.public_key(SECRET_B)}
SECRETS = {A: SECRET_A, B: SECRET_B, C: SECRET_C}
SECRET_TEXT = "Nguyễn says the manager shouted"
RECORDS: list[dict[str, Any]] = [
    {"kind": "note", "id": "0" * 32, "fields": {"body": SECRET_TEXT, "kind": "meeting"}, "at": 3},
    {"kind": "case", "id": "1" * 32, "deleted": True, "tags": [], "n": None},
]


def make(
    sequence: int = 1,
    previous: bytes = GENESIS,
    *,
    device: str = A,
    secret: bytes | None = None,
    records: list[dict[str, Any]] | None = None,
    key: bytes = SYNC_KEY,
    vault: str = VAULT,
    nonce: bytes | None = NONCE,
    kind: int = cs.CHANGESET,
) -> bytes:
    return cs.write_changeset(
        vault_id=vault,
        device=device,
        sequence=sequence,
        previous=previous,
        clock=Timestamp(T0 + sequence, 0, device),
        records=RECORDS if records is None else records,
        sync_key=key,
        signing_secret=SECRETS[device] if secret is None else secret,
        nonce=nonce,
        kind=kind,
    )


def read(
    data: bytes,
    *,
    device: str = A,
    after: int = 0,
    previous: bytes = GENESIS,
    known: dict[str, bytes] | None = None,
    key: bytes | list[bytes] = SYNC_KEY,
    vault: str = VAULT,
    kind: int = cs.CHANGESET,
) -> cs.ChangeSet:
    return cs.read_changeset(
        data,
        expected_device=device,
        expected_sequence_after=after,
        expected_previous=previous,
        known_devices=KNOWN if known is None else known,
        sync_key=key,
        vault_id=vault,
        kind=kind,
    )


def refusal(data: bytes, **kwargs: Any) -> ChangeSetRefusedError:
    with pytest.raises(ChangeSetRefusedError) as info:
        read(data, **kwargs)
    err = info.value
    assert isinstance(err, DamagedError) and err.exit_code == 4
    assert SECRET_TEXT not in err.message and "manager" not in err.message
    assert err.message.count(".") == 1 and err.message.endswith(".")  # one sentence
    return err


# ---- an independent reader and forger, from the docstring's layout --------------------------


def spec_open(data: bytes, sync_key: bytes, public: bytes) -> tuple[dict[str, Any], list[Any]]:
    header, ciphertext, signature = data[:128], data[128:-64], data[-64:]
    fields = dict(
        zip(
            ["magic", "version", "reserved", "vault", "device", "sequence", "key_id", "previous"],
            struct.unpack(">6sBB16s16sQ8s32s", header[:88]),
            strict=True,
        )
    )
    fields["clock"], fields["nonce"] = header[88:112], header[116:128]
    (length,) = struct.unpack(">I", header[112:116])
    assert length == len(ciphertext)
    assert fields["key_id"] == rfc5869_hkdf_sha256(sync_key, None, b"casevault/v1/sync-key-id", 32)[:8]
    Ed25519PublicKey.from_public_bytes(public).verify(
        signature, b"casevault/v1/sync-signature\x00" + header + ciphertext
    )
    k_cs = rfc5869_hkdf_sha256(sync_key, None, b"casevault/v1/sync-changeset", 32)
    plaintext = AESGCM(k_cs).decrypt(fields["nonce"], ciphertext, header)
    body = plaintext.rstrip(b"\0")
    assert len(plaintext) == cs.padded_length(len(body))
    return fields, json.loads(body)


def forge(
    plaintext: bytes,
    *,
    sequence: int = 1,
    previous: bytes = GENESIS,
    clock: Timestamp | None = None,
    reserved: int = 0,
    device: str = A,
) -> bytes:
    """A change set holding `plaintext` as is, validly encrypted and signed by `device`: what a
    paired device gone bad could write."""
    clock = clock or Timestamp(T0, 0, device)
    header = struct.pack(
        ">6sBB16s16sQ", b"CVSYNC", 1, reserved, bytes.fromhex(VAULT), bytes.fromhex(device), sequence
    )
    header += rfc5869_hkdf_sha256(SYNC_KEY, None, b"casevault/v1/sync-key-id", 32)[:8] + previous
    header += clock.to_bytes() + struct.pack(">I", len(plaintext) + 16) + NONCE
    k_cs = rfc5869_hkdf_sha256(SYNC_KEY, None, b"casevault/v1/sync-changeset", 32)
    ciphertext = AESGCM(k_cs).encrypt(NONCE, plaintext, header)
    signature = Ed25519PrivateKey.from_private_bytes(SECRETS[device]).sign(
        b"casevault/v1/sync-signature\x00" + header + ciphertext
    )
    return header + ciphertext + signature


def padded(body: bytes) -> bytes:
    return body + bytes(cs.padded_length(len(body)) - len(body))


# ---- round trips and the known answer -------------------------------------------------------


def test_a_change_set_round_trips() -> None:
    data = make()
    got = read(data)
    assert got.records == tuple(RECORDS)
    assert (got.vault_id, got.device, got.sequence, got.previous) == (VAULT, A, 1, GENESIS)
    assert got.clock == Timestamp(T0 + 1, 0, A)
    assert got.digest == hashlib.sha256(data).digest() == cs.digest(data)
    assert len(data) == cs.file_size(len(cs.canonical(RECORDS)))
    assert SECRET_TEXT.encode() not in data and b"meeting" not in data


def test_a_chain_of_change_sets_reads_in_order_each_naming_the_one_before() -> None:
    first = make(1)
    second = make(2, cs.digest(first))
    third = make(3, cs.digest(second))
    after, previous = 0, GENESIS
    for data in (first, second, third):
        got = read(data, after=after, previous=previous)
        after, previous = got.sequence, got.digest
    assert after == 3


KNOWN_ANSWER = (
    "435653594e43010011111111111111111111111111111111a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a00000000000000001"
    "f098e2628a1ddeb9000000000000000000000000000000000000000000000000000000000000000001977420dc010000"
    "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a00000004c000102030405060708090a0bf65608d62c83bfcdbaf44ca77ebacbb5"
    "ee03e63937f0f6e2f3c04565e502b0841754551f1c1caa1d339b5f06c40f94bff4d0eb4830406b26d982ed7847616079"
    "f2ab1e7f9e30b9c54f828719f323916e318d9231ff554e8d1eb021c7c279a308f737132499e74e86615dc33a4b906a70"
    "14cfa87461cf6233af4e4720b8824c7f79bd3b4443009c44de921002"
)


def test_known_answer_vector() -> None:
    """Fixed keys, nonce and records give exactly these bytes: the format cannot drift unnoticed."""
    data = make(records=[{"body": "x", "id": "0" * 32, "n": 7}])
    assert data.hex() == KNOWN_ANSWER
    fields, records = spec_open(data, SYNC_KEY, KNOWN[A])
    assert records == [{"body": "x", "id": "0" * 32, "n": 7}]
    assert (fields["magic"], fields["version"], fields["reserved"]) == (b"CVSYNC", 1, 0)
    assert (fields["vault"].hex(), fields["device"].hex(), fields["sequence"]) == (VAULT, A, 1)
    assert fields["clock"] == Timestamp(T0 + 1, 0, A).to_bytes()
    assert fields["nonce"] == NONCE


def test_the_independent_reader_opens_what_the_writer_wrote() -> None:
    data = make(2, bytes(range(32)), device=B, nonce=None)
    fields, records = spec_open(data, SYNC_KEY, KNOWN[B])
    assert records == RECORDS
    assert fields["previous"] == bytes(range(32))


def test_the_module_reads_what_the_independent_forger_wrote() -> None:
    data = forge(padded(cs.canonical(RECORDS)))
    assert read(data).records == tuple(RECORDS)


def test_a_random_nonce_per_file() -> None:
    one, two = make(nonce=None), make(nonce=None)
    assert one[116:128] != two[116:128]
    assert read(one).records == read(two).records


def test_rotation_a_reader_holding_old_and_new_keys_opens_both() -> None:
    old, new = make(1, key=SYNC_KEY), make(1, key=NEW_KEY)
    assert read(old, key=[NEW_KEY, SYNC_KEY]).records == read(new, key=[NEW_KEY, SYNC_KEY]).records
    assert cs.key_id(SYNC_KEY) != cs.key_id(NEW_KEY)
    assert cs.key_id(SYNC_KEY) == rfc5869_hkdf_sha256(SYNC_KEY, None, b"casevault/v1/sync-key-id", 32)[:8]


@pytest.mark.parametrize(
    ("n", "padded_to"),
    [(0, 0), (1, 1), (2, 2), (9, 10), (100, 104), (1000, 1024), (1025, 1088), (70_000, 71_680)],
)
def test_padme_known_answers(n: int, padded_to: int) -> None:
    assert cs.padded_length(n) == padded_to


# ---- names ----------------------------------------------------------------------------------


def test_names_round_trip() -> None:
    assert cs.path_for(A, 7) == f"devices/{A}/000000000007.cvsync"
    assert cs.parse_name(cs.path_for(A, 7)) == cs.ChangeSetName(A, 7)
    assert cs.parse_name(cs.path_for(B, cs.MAX_SEQUENCE)) == cs.ChangeSetName(B, cs.MAX_SEQUENCE)
    with pytest.raises(ValueError, match="number"):
        cs.path_for(A, 0)
    with pytest.raises(ValueError, match="device"):
        cs.path_for("A0" * 16, 1)


@pytest.mark.parametrize(
    "name",
    [
        f"devices/{A}/000000000000.cvsync",  # number 0
        f"devices/{A}/00000000007.cvsync",  # 11 digits
        f"devices/{A}/0000000000007.cvsync",
        f"devices/{A.upper()}/000000000007.cvsync",
        f"devices/{A}/000000000007.cvsync.tmp",
        f"devices/{A}/~syncthing~000000000007.cvsync.tmp",
        f"devices/{A}/000000000007.sync-conflict-20250101-120000-ABCDEFG.cvsync",
        f"devices/{A}/.syncthing.000000000007.cvsync.tmp",
        f"devices/{A}/../{B}/000000000007.cvsync",
        f"devices\\{A}\\000000000007.cvsync",
        f"/devices/{A}/000000000007.cvsync",
        f"./devices/{A}/000000000007.cvsync",
        f"devices/{A}/000000000007.cvsync\n",
        f"devices/{A}/\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff17.cvsync",
        f"other/{A}/000000000007.cvsync",
        f"devices/{A}/000000000007.CVSYNC",
        "",
    ],
)
def test_any_other_name_is_not_a_change_set(name: str) -> None:
    assert cs.parse_name(name) is None


# ---- refusals, one by one -------------------------------------------------------------------


def test_refused_an_oversized_file() -> None:
    err = refusal(make() + bytes(cs.MAX_FILE))
    assert err.reason == cs.TOO_LARGE
    assert err.message == (
        f"Change set 1 from device {A[:8]} is larger than the 16 MiB a change set may be, so it was not read."
    )


def test_refused_a_flipped_byte() -> None:
    data = bytearray(make())
    data[200] ^= 1
    err = refusal(bytes(data))
    assert (err.reason, err.device, err.sequence) == (cs.DAMAGED, A, 1)
    assert err.message == f"Change set 1 from device {A[:8]} is damaged or cut short, so it was not applied."


def test_refused_a_newer_format() -> None:
    data = bytearray(make())
    data[6] = 2
    err = refusal(bytes(data))
    assert err.reason == cs.NEWER
    assert err.message == (
        f"Change set 1 from device {A[:8]} was written by a newer casevault; update casevault on "
        "this device to apply it."
    )


def test_refused_another_vaults_change_set() -> None:
    err = refusal(make(vault=OTHER_VAULT))
    assert err.reason == cs.OTHER_VAULT
    assert err.message == (
        f"Change set 1 in device {A[:8]}'s folder belongs to another vault, so it was not applied."
    )


def test_refused_an_unknown_device_folder_and_an_unknown_signer() -> None:
    err = refusal(make(), known={B: KNOWN[B]})
    assert (err.reason, err.device) == (cs.UNKNOWN_DEVICE, A)
    assert err.message == (
        f"Change set 1 comes from device {A[:8]}, which is not paired with this vault, so it was not applied."
    )
    err = refusal(make(device=C))  # an unpaired device's file dropped into A's folder
    assert (err.reason, err.device) == (cs.UNKNOWN_DEVICE, C)


def test_refused_a_sync_key_not_held() -> None:
    err = refusal(make(key=NEW_KEY), key=[SYNC_KEY])
    assert err.reason == cs.WRONG_KEY
    assert err.message == (
        f"Change set 1 from device {A[:8]} is under a sync key this device does not hold (written "
        "before it joined or after it was removed), so it was not applied."
    )


def test_refused_a_forged_signature() -> None:
    # B holds the sync key (it is paired) and writes a file as A, signing with its own key.
    err = refusal(make(device=A, secret=SECRET_B))
    assert (err.reason, err.device) == (cs.FORGED, A)
    assert err.message == (
        f"Change set 1 from device {A[:8]} does not carry that device's signature, so it was not applied."
    )
    data = bytearray(make())
    data[-1] ^= 0x80
    assert refusal(bytes(data)).reason == cs.FORGED


def test_refused_a_change_set_moved_from_another_devices_folder() -> None:
    err = refusal(make(device=B), device=A)
    assert (err.reason, err.device) == (cs.MOVED, A)
    assert err.message == (
        f"Change set 1 in device {A[:8]}'s folder was written by device {B[:8]} and moved there, "
        "so it was not applied."
    )


def test_refused_a_replay_of_a_change_set_already_applied() -> None:
    first = make(1)
    second = make(2, cs.digest(first))
    err = refusal(first, after=2, previous=cs.digest(second))  # an old file, perhaps renamed
    assert (err.reason, err.sequence) == (cs.REPLAYED, 1)
    assert err.message == (
        f"Change set 1 from device {A[:8]} was applied before (this device has applied up to "
        "change set 2), so it was refused as a replay."
    )
    assert refusal(second, after=2, previous=cs.digest(second)).reason == cs.REPLAYED


def test_refused_a_gap_which_waits_for_the_missing_one() -> None:
    err = refusal(make(3, bytes(range(32))), after=1, previous=cs.digest(make(1)))
    assert (err.reason, err.sequence, err.waits) == (cs.GAP, 3, True)
    assert err.message == (
        f"Change set 3 from device {A[:8]} cannot be applied yet: change set 2 before it has not arrived."
    )
    assert not refusal(make(), known={B: KNOWN[B]}).waits


def test_refused_a_fork_not_following_the_change_set_applied() -> None:
    first = make(1)
    rewritten = make(1, records=[{"id": "x"}])  # the same number, other contents
    err = refusal(make(2, cs.digest(rewritten)), after=1, previous=cs.digest(first))
    assert (err.reason, err.sequence) == (cs.FORKED, 2)
    assert err.message == (
        f"Change set 2 from device {A[:8]} does not follow on from the change set 1 applied here, "
        "so it was not applied."
    )
    assert refusal(forge(padded(b"[]"), previous=bytes(range(32)))).reason == cs.FORKED  # number 1


def test_refused_absurd_json_before_parsing() -> None:
    deep = b"[" + b'{"a":' * 12 + b"1" + b"}" * 12 + b"]"
    err = refusal(forge(padded(deep)))
    assert err.reason == cs.TOO_COMPLEX
    assert err.message == (
        f"Change set 1 from device {A[:8]} holds too many or too deeply nested records, so it was "
        "not applied."
    )
    many = b"[{" + b",".join(b'"k%d":0' % i for i in range(1_000_002)) + b"}]"
    assert refusal(forge(padded(many))).reason == cs.TOO_COMPLEX


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"a":1}', id="not a list"),
        pytest.param(b"[1,2]", id="not objects"),
        pytest.param(b'[{"a":1.5}]', id="a float"),
        pytest.param(b'[{"a":NaN}]', id="NaN"),
        pytest.param(b'[{"a":1,"a":2}]', id="a duplicate key"),
        pytest.param(b'[{"b":1,"a":2}]', id="keys out of order"),
        pytest.param(b'[{"a": 1}]', id="a space"),
        pytest.param(b'[{"a":"\\u0041"}]', id="an escape not needed"),
        pytest.param(b'[{"a":"\\ud800"}]', id="a lone surrogate"),
        pytest.param(b'[{"a":"\xff"}]', id="not UTF-8"),
        pytest.param(b'[{"a":' + b"9" * 20 + b"}]", id="an integer SQLite cannot hold"),
        pytest.param(b'[{"a":' + b"9" * 5000 + b"}]", id="an integer too long to read"),
        pytest.param(b"[{]", id="not JSON"),
        pytest.param(b"", id="empty"),
    ],
)
def test_refused_records_that_are_not_canonical_json_objects(body: bytes) -> None:
    err = refusal(forge(padded(body)))
    assert err.reason in {cs.MALFORMED, cs.TOO_COMPLEX}
    if err.reason == cs.MALFORMED:
        assert err.message == (
            f"Change set 1 from device {A[:8]} does not hold a valid list of records, so it was not applied."
        )


@pytest.mark.parametrize(
    ("plaintext", "kwargs"),
    [
        pytest.param(b'[{"a":"bcdefgh"}]', {}, id="padding missing"),  # 17 bytes pad to 18
        pytest.param(b"[]" + bytes(3), {}, id="padding too long"),
        pytest.param(padded(b"[]"), {"clock": Timestamp(T0, 0, B)}, id="another device's clock"),
        pytest.param(padded(b"[]"), {"sequence": 0}, id="number 0"),
    ],
)
def test_refused_authenticated_but_malformed(plaintext: bytes, kwargs: dict[str, Any]) -> None:
    assert refusal(forge(plaintext, **kwargs)).reason == cs.MALFORMED


def test_refused_a_reserved_byte_set() -> None:
    assert refusal(forge(padded(b"[]"), reserved=1)).reason == cs.DAMAGED


# ---- kinds of file --------------------------------------------------------------------------

KINDS = [cs.CHANGESET, cs.PROGRESS, cs.SNAPSHOT]


def test_the_kinds_are_the_header_byte_7_values() -> None:
    assert (cs.CHANGESET, cs.PROGRESS, cs.SNAPSHOT) == (0, 1, 2)
    for kind in KINDS:
        data = make(kind=kind)
        assert data[7] == kind
        fields, records = spec_open(data, SYNC_KEY, KNOWN[A])
        assert fields["reserved"] == kind and records == RECORDS


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_round_trips_read_as_its_own_kind(kind: int) -> None:
    first = make(kind=kind)
    got = read(first, kind=kind)
    assert got.records == tuple(RECORDS)
    assert (got.device, got.sequence, got.digest) == (A, 1, cs.digest(first))
    second = make(2, got.digest, kind=kind, records=[{"n": 2}])
    assert read(second, after=1, previous=got.digest, kind=kind).records == ({"n": 2},)


@pytest.mark.parametrize(("written", "read_as"), list(itertools.permutations(KINDS, 2)))
def test_a_file_of_one_kind_read_as_another_is_refused(written: int, read_as: int) -> None:
    err = refusal(make(kind=written), kind=read_as)
    assert (err.reason, err.device, err.sequence) == (cs.DAMAGED, A, 1)


@pytest.mark.parametrize("kind", [3, 255, -1, 256])
def test_the_writer_refuses_an_unknown_kind(kind: int) -> None:
    with pytest.raises(ValueError, match="kind"):
        make(kind=kind)


@pytest.mark.parametrize(("kind", "to"), [(k, t) for k in KINDS for t in [*KINDS, 3, 0x80, 0xFF] if t != k])
def test_a_flipped_kind_byte_is_refused_read_as_either_kind(kind: int, to: int) -> None:
    data = bytearray(make(kind=kind))
    data[7] = to
    assert refusal(bytes(data), kind=kind).reason == cs.DAMAGED  # the kind is not the one asked for
    if to in KINDS:
        assert refusal(bytes(data), kind=to).reason == cs.DAMAGED  # the kind is in the AAD


def test_the_forger_from_the_docstring_writes_each_kind() -> None:
    for kind in KINDS:
        data = forge(padded(cs.canonical(RECORDS)), reserved=kind)
        assert read(data, kind=kind).records == tuple(RECORDS)
        assert refusal(data, kind=(kind + 1) % len(KINDS)).reason == cs.DAMAGED


# ---- every byte, every length ---------------------------------------------------------------

SMALL = make(records=[{"id": "0" * 32, "body": "hi"}])
REGIONS = [
    (0, 6, cs.DAMAGED),  # magic
    (6, 7, cs.DAMAGED),  # version 1 -> 0 (a higher one is NEWER, above)
    (7, 8, cs.DAMAGED),  # reserved
    (8, 24, cs.OTHER_VAULT),
    (24, 40, cs.UNKNOWN_DEVICE),
    (40, 48, cs.DAMAGED),  # sequence: caught by the tag
    (48, 56, cs.WRONG_KEY),
    (56, 88, cs.DAMAGED),  # previous
    (88, 112, cs.DAMAGED),  # clock
    (112, 116, cs.DAMAGED),  # ciphertext length
    (116, 128, cs.DAMAGED),  # nonce
    (128, len(SMALL) - 80, cs.DAMAGED),  # ciphertext
    (len(SMALL) - 80, len(SMALL) - 64, cs.DAMAGED),  # tag
    (len(SMALL) - 64, len(SMALL), cs.FORGED),  # signature
]


def test_the_regions_cover_the_file() -> None:
    assert REGIONS[0][0] == 0 and REGIONS[-1][1] == len(SMALL)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(REGIONS))
    assert cs.HEADER.size == 128


@pytest.mark.parametrize(("start", "end", "reason"), REGIONS)
@pytest.mark.parametrize("bit", [0x01, 0x80])
def test_every_flipped_byte_is_refused(start: int, end: int, reason: str, bit: int) -> None:
    for index in range(start, end):
        data = bytearray(SMALL)
        data[index] ^= bit
        expected = cs.NEWER if (index, bit) == (6, 0x80) else reason
        assert refusal(bytes(data)).reason == expected, index


def test_every_truncation_and_an_extension_is_refused() -> None:
    for length in range(len(SMALL)):
        assert refusal(SMALL[:length]).reason == cs.DAMAGED, length
    assert refusal(SMALL + b"\0").reason == cs.DAMAGED
    assert read(SMALL).records == ({"id": "0" * 32, "body": "hi"},)


# ---- the writer's arguments -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"vault_id": "x"}, ValueError),
        ({"device": A.upper()}, ValueError),
        ({"sequence": 0}, ValueError),
        ({"sequence": True}, ValueError),
        ({"sequence": cs.MAX_SEQUENCE + 1}, ValueError),
        ({"previous": bytes(31)}, ValueError),
        ({"sequence": 2}, ValueError),  # number 2 needs a previous digest
        ({"previous": bytes(range(32))}, ValueError),  # number 1 has none
        ({"clock": Timestamp(T0, 0, B)}, ValueError),
        ({"sync_key": bytes(16)}, ValueError),
        ({"signing_secret": b""}, ValueError),
        ({"nonce": bytes(8)}, ValueError),
        ({"records": [{"a": 1.0}]}, TypeError),
        ({"records": [{1: "a"}]}, TypeError),
        ({"records": [{"a": {1, 2}}]}, TypeError),
        ({"records": [["a"]]}, TypeError),
        ({"records": {"a": 1}}, TypeError),
        ({"records": [{"a": 2**63}]}, ValueError),
        ({"records": [{"a": "\ud800"}]}, ValueError),
        ({"records": [{"a": [[[[[[[[[[[1]]]]]]]]]]]}]}, ValueError),
    ],
)
def test_the_writer_refuses_bad_arguments(changes: dict[str, Any], error: type[Exception]) -> None:
    args: dict[str, Any] = {
        "vault_id": VAULT,
        "device": A,
        "sequence": 1,
        "previous": GENESIS,
        "clock": Timestamp(T0, 0, A),
        "records": RECORDS,
        "sync_key": SYNC_KEY,
        "signing_secret": SECRET_A,
        "nonce": NONCE,
    }
    with pytest.raises(error):
        cs.write_changeset(**(args | changes))


def test_the_deepest_records_the_writer_allows_are_read_back() -> None:
    deepest = [{"a": [[[[[[[[[[1]]]]]]]]]]}]  # 12 levels of brackets with the outer list
    assert read(make(records=deepest)).records == tuple(deepest)


def test_the_writer_asks_for_a_split_when_the_records_do_not_fit() -> None:
    with pytest.raises(cs.ChangeSetTooLargeError):
        make(records=[{"body": "x" * cs.MAX_FILE}])
    with pytest.raises(cs.ChangeSetTooLargeError):
        make(records=[{"v": list(range(1_000_002))}])


def test_the_reader_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError, match="digest"):
        read(make(), after=1)  # past number 0 the digest of the last one applied is needed
    with pytest.raises(ValueError, match="device"):
        read(make(), device="nope")


# ---- properties -----------------------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), texts)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=20,
)
record_lists = st.lists(st.dictionaries(texts, values, max_size=6), max_size=8)
PROPERTY = settings(max_examples=150, deadline=None, database=None)


@PROPERTY
@given(record_lists, st.integers(1, cs.MAX_SEQUENCE), st.binary(min_size=12, max_size=12))
def test_property_any_records_round_trip(records: list[dict[str, Any]], sequence: int, nonce: bytes) -> None:
    previous = GENESIS if sequence == 1 else hashlib.sha256(b"%d" % sequence).digest()
    data = make(sequence, previous, records=records, nonce=nonce)
    assert len(data) == cs.file_size(len(cs.canonical(records)))
    got = read(data, after=sequence - 1, previous=previous)
    assert list(got.records) == records
    assert cs.canonical(list(got.records)) == cs.canonical(records)


@PROPERTY
@given(st.integers(0, 1 << 26))
def test_property_padme_pads_by_at_most_twelve_percent(n: int) -> None:
    assert n <= cs.padded_length(n) <= n + n * 12 // 100 + 1
    assert cs.padded_length(n) <= cs.padded_length(n + 1)
