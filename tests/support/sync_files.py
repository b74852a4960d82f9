"""Every sync file in a folder opened with the sync keys (no chain or signature checks: a scan of
what the folder still holds, for the purge and compaction tests)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casevault.crypto import keys
from casevault.formats import changeset

SUFFIXES = (".cvsync", ".cvread", ".cvsnap")


def plaintexts(folder: Path, sync_keys: list[bytes]) -> dict[Path, bytes]:
    """Each change set, progress file and snapshot part under `folder`, decrypted; a file no key
    opens fails the test (the scan must read everything it claims to)."""
    by_id = {changeset.key_id(k): k for k in sync_keys}
    found: dict[Path, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        fields = changeset.HEADER.unpack_from(data)
        key_id, nonce = fields[6], fields[10]
        header = data[: changeset.HEADER.size]
        ciphertext = data[changeset.HEADER.size : len(data) - changeset.SIG_LEN]
        aead = AESGCM(keys.derive_key(by_id[key_id], keys.PURPOSE_SYNC_CHANGESET))
        found[path] = aead.decrypt(nonce, ciphertext, header)
    return found
