"""Importing a 20 MB email with 10 attachments, as an Outlook .msg and as the same email in an
.eml (issue 21): median time of `casevault email import`'s work (read, file the email, its entry
and its attachments, each encrypted) and the peak of Python allocations while reading it.

    .venv/bin/python scripts/bench_email.py [--runs 5]

Run from the repository's root: the .msg is written by the tests' own Compound File writer
(tests/support/msg_writer.py), the .eml by the standard library."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.msg_writer import Attachment, Message, Recipient, write_msg

from casevault.core.paths import VaultPaths
from casevault.formats.email_in import read_email_file
from casevault.vault.facade import Vault

SENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
BODY = "Please find the bundle for the hearing attached.\n" * 40


def attachments() -> list[tuple[str, bytes]]:
    return [(f"document-{n}.pdf", os.urandom(2_000_000)) for n in range(10)]


def as_msg(files: list[tuple[str, bytes]]) -> bytes:
    return write_msg(
        Message(
            subject="Hearing bundle",
            sender_name="HR Team",
            sender_address="hr@employer.example",
            recipients=[Recipient("Rep", "rep@union.example")],
            sent_at=SENT,
            body=BODY,
            attachments=[Attachment(name, data, "application/pdf") for name, data in files],
        )
    )


def as_eml(files: list[tuple[str, bytes]]) -> bytes:
    out = MIMEMultipart()
    out["From"], out["To"], out["Subject"] = (
        "HR Team <hr@employer.example>",
        "Rep <rep@union.example>",
        "Hearing bundle",
    )
    out["Date"] = "Mon, 02 Mar 2026 09:30:00 +0000"
    out.attach(MIMEText(BODY))
    for name, data in files:
        out.attach(MIMEApplication(data, "pdf", Name=name))
        out.get_payload()[-1]["Content-Disposition"] = f'attachment; filename="{name}"'
    return out.as_bytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    files = attachments()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        emails = {"msg": as_msg(files), "eml": as_eml(files)}
        with Vault.create(
            VaultPaths(root / "vault"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF
        ) as vault:
            ref = vault.new_case("Bench Member")
            for kind, data in emails.items():
                path = root / f"bundle.{kind}"
                path.write_bytes(data)
                found = read_email_file(path.name, data, SENT)
                assert [c.data for c in found.contained] == [d for _n, d in files], kind
                tracemalloc.start()
                read_email_file(path.name, data, SENT)
                read_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.reset_peak()
                vault.import_email(ref, path)
                import_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                reads, imports = [], []
                for _ in range(runs):
                    started = time.perf_counter()
                    read_email_file(path.name, data, SENT)
                    reads.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    vault.import_email(ref, path)
                    imports.append(time.perf_counter() - started)
                read_ms, import_ms = (statistics.median(t) * 1000 for t in (reads, imports))
                print(
                    f"{kind}: {len(data) / 1e6:.1f} MB, 10 attachments; read {read_ms:.0f} ms, "
                    f"import {import_ms:.0f} ms (medians of {runs}); peak Python allocations: "
                    f"read {read_peak / 2**20:.0f} MiB, import {import_peak / 2**20:.0f} MiB",
                    flush=True,
                )


if __name__ == "__main__":
    main()
