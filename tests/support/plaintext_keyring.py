"""A deliberately weak keyring backend: secrets in a plaintext JSON file. casevault must refuse it.

Only ever selected in a subprocess, with
PYTHON_KEYRING_BACKEND=tests.support.plaintext_keyring.PlaintextKeyring. Never import it into
the test process: keyring offers every imported KeyringBackend subclass with a positive priority
to its auto-detection, so it would leak into other tests' backend choice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "CV_PLAINTEXT_KEYRING"


class PlaintextKeyring(KeyringBackend):
    """Secrets in $CV_PLAINTEXT_KEYRING (else ~/plaintext-keyring.json), unencrypted."""

    priority = 1  # type: ignore[assignment]

    @staticmethod
    def path() -> Path:
        return Path(os.environ.get(FILE_ENV) or Path.home() / "plaintext-keyring.json")

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path().read_text()))
        except FileNotFoundError:
            return {}

    def _save(self, entries: dict[str, str]) -> None:
        self.path().write_text(json.dumps(entries))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._save(self._load() | {f"{service}/{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("No such password!")
        self._save(entries)
