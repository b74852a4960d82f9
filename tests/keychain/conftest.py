"""Fixtures for the tests against a real Secret Service: gnome-keyring on a private D-Bus bus.

keyring caches twice, process-wide: keyring.core._keyring_backend (the backend chosen by
keyring.get_keyring()) and keyring.backend.get_all_keyring (an @once list of the backends found
viable at the first detection). A test that detected with no bus would leave fail.Keyring, or a
viable list without the Secret Service, behind for the next one; a pinned backend would outlive
its test. So every test here starts with both caches empty and puts back what was there before.
`secret_service` then pins the Secret Service backend (as keyring-ci.md does); tests that want
keyring's own detection call use_backend(monkeypatch, None).
Subprocesses (the CLI tests) always detect afresh, as a user's `casevault` does.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import keyring.backend
import keyring.backends.SecretService
import keyring.core
import pytest

from tests.support.keychain import DEFAULT_PASSWORD, SecretService, missing_tools


def settle_keychain_threads(timeout: float = 5.0) -> None:
    """Wait for casevault's keychain worker threads (a timed-out call keeps running on one), then
    collect what they dropped, so nothing of this test is finalised during another one."""
    for thread in threading.enumerate():
        if thread.name == "keychain" and thread is not threading.current_thread():
            thread.join(timeout)
    gc.collect()


def use_backend(monkeypatch: pytest.MonkeyPatch, backend: object | None) -> None:
    """Pin keyring's process-wide backend. None: forget both caches, so the next call detects
    afresh, exactly as a new process would."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    if backend is None:
        monkeypatch.delattr(keyring.backend.get_all_keyring, "saved_result", raising=False)


def pin_secret_service(monkeypatch: pytest.MonkeyPatch) -> None:
    use_backend(monkeypatch, keyring.backends.SecretService.Keyring())


@pytest.fixture(autouse=True)
def fresh_keyring_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    use_backend(monkeypatch, None)
    yield
    settle_keychain_threads()


MakeSecretService = Callable[..., SecretService]


@pytest.fixture
def make_secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MakeSecretService]:
    """A factory for independent secret services (not started); each is stopped at teardown."""
    problem = missing_tools()
    if problem:
        pytest.fail(problem, pytrace=False)
    made: list[SecretService] = []

    def make(password: str = DEFAULT_PASSWORD) -> SecretService:
        service = SecretService(tmp_path_factory.mktemp("secret-service"), password)
        made.append(service)
        return service

    yield make
    for service in made:
        service.close()


@pytest.fixture
def secret_service(make_secret_service: MakeSecretService, monkeypatch: pytest.MonkeyPatch) -> SecretService:
    """A running, unlocked gnome-keyring on a private bus; this process talks to it through the
    pinned Secret Service backend. Stopped (by PID) at teardown, even when the test fails."""
    service = make_secret_service().start()
    apply_env(service, monkeypatch)
    pin_secret_service(monkeypatch)
    return service


def apply_env(service: SecretService, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in service.env.items():
        monkeypatch.setenv(name, value)
