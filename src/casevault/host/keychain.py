"""The OS keychain behind a small interface (as Vorta does), with every failure turned into one
sentence. Only real OS keychains are used: a plaintext or "alt" keyring backend is refused, never
fallen back to.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from casevault.core.errors import KeychainError

log = logging.getLogger(__name__)

SERVICE = "casevault"
TIMEOUT_SECONDS = 15.0

# Backends that keep secrets in the operating system's own keychain.
OS_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)

T = TypeVar("T")


class Keychain(Protocol):
    """Where a vault's device key lives. `get` returns None when there is no entry."""

    def backend_name(self) -> str: ...
    def get(self, vault_id: str) -> bytes | None: ...
    def put(self, vault_id: str, key: bytes) -> None: ...
    def delete(self, vault_id: str) -> None: ...


def _qualified(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def describe_failure(err: BaseException) -> str:
    """One sentence for each way a keychain is known to fail (see docs/keyring-ci recipe)."""
    name = type(err).__name__
    text = str(err)
    if name == "NoKeyringError" or "No recommended backend" in text:
        return "No system keychain is available (no Secret Service is running)"
    if name == "KeyringLocked" or "Failed to unlock" in text:
        return "The system keychain is locked"
    if isinstance(err, OSError) or "not provided by any .service files" in text:
        return "The system keychain service could not be reached"
    if "dismissed" in text.lower():
        return "The system keychain is not unlocked (its unlock prompt was dismissed)"
    if "ServiceUnknown" in text or "NotAvailable" in name or "DBus" in name:
        return "The system keychain service could not be reached"
    return f"The system keychain could not be used ({name})"


def _with_timeout(call: Callable[[], T], timeout: float) -> T:
    """Run a keychain call on a daemon thread, so a D-Bus service that never answers cannot hang
    casevault: after `timeout` we give up and fall back to the passphrase."""
    values: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            values.append(call())
        except BaseException as err:  # handed back to the caller's thread below
            errors.append(err)

    worker = threading.Thread(target=run, name="keychain", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise KeychainError(f"The system keychain did not answer within {timeout:g} seconds")
    if errors:
        err = errors[0]
        if isinstance(err, KeychainError):
            raise err
        log.debug("keychain.failure %s", type(err).__name__)
        raise KeychainError(describe_failure(err)) from err
    return values[0]


class OsKeychain:
    """The `keyring` package, restricted to OS keychain backends."""

    def __init__(self, timeout: float = TIMEOUT_SECONDS) -> None:
        self._timeout = timeout

    def _backend(self) -> Any:
        import keyring  # noqa: PLC0415 - importing keyring probes D-Bus; only do it when asked
        import keyring.backend  # noqa: PLC0415
        import keyring.core  # noqa: PLC0415
        from keyring.backends import chainer, fail  # noqa: PLC0415

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            # keyring caches "no keychain" for the life of the process; a Secret Service may have
            # started since (a GUI launched before the login keychain was ready), so look again.
            reset = getattr(keyring.backend.get_all_keyring, "reset", None)
            with contextlib.suppress(KeyError):
                if reset is not None:
                    reset()
            keyring.core.init_backend()
            backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise KeychainError("No system keychain is available (no Secret Service is running)")
        if isinstance(backend, chainer.ChainerBackend):
            # keyring chains every importable backend; with keyrings.alt installed that includes a
            # plaintext file. Use the best OS keychain in the chain and never the others.
            usable = [b for b in backend.backends if _qualified(b) in OS_BACKENDS]
            if usable:
                return usable[0]
            parts = list(backend.backends)
        else:
            parts = [backend]
        if not parts or any(_qualified(b) not in OS_BACKENDS for b in parts):
            names = ", ".join(_qualified(b) for b in parts) or "none"
            raise KeychainError(
                f"The configured keyring backend ({names}) is not an OS keychain, "
                "so casevault does not use it"
            )
        return backend

    def backend_name(self) -> str:
        return _with_timeout(lambda: _qualified(self._backend()), self._timeout)

    def get(self, vault_id: str) -> bytes | None:
        def call() -> bytes | None:
            try:
                secret = self._backend().get_password(SERVICE, vault_id)
            except UnicodeDecodeError:
                return b""  # present but not text, so not ours: the slot check will refuse it
            if secret is None:
                return None
            try:
                return bytes.fromhex(secret)
            except ValueError:
                return b""  # present but not ours: the slot check will refuse it

        return _with_timeout(call, self._timeout)

    def put(self, vault_id: str, key: bytes) -> None:
        _with_timeout(lambda: self._backend().set_password(SERVICE, vault_id, key.hex()), self._timeout)

    def delete(self, vault_id: str) -> None:
        import keyring.errors  # noqa: PLC0415

        def call() -> None:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):  # already gone is fine
                self._backend().delete_password(SERVICE, vault_id)

        _with_timeout(call, self._timeout)


class MemoryKeychain:
    """An in-process keychain for fast unit tests. The integration is tested against gnome-keyring."""

    def __init__(self, failure: str | None = None) -> None:
        self.entries: dict[str, bytes] = {}
        self.failure = failure

    def _check(self) -> None:
        if self.failure:
            raise KeychainError(self.failure)

    def backend_name(self) -> str:
        self._check()
        return "casevault.host.keychain.MemoryKeychain"

    def get(self, vault_id: str) -> bytes | None:
        self._check()
        return self.entries.get(vault_id)

    def put(self, vault_id: str, key: bytes) -> None:
        self._check()
        self.entries[vault_id] = key

    def delete(self, vault_id: str) -> None:
        self._check()
        self.entries.pop(vault_id, None)
