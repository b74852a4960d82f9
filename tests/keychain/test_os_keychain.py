"""OsKeychain and Vault against a real gnome-keyring (no mocks), in this process.

Each failure mode from keyring-ci.md must end in a one-sentence notice and the passphrase, never
a lockout, a crash or a hang. The CLI, in subprocesses, is covered by test_keychain_cli.py.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring.backends.null
import pytest

from casevault.core.errors import KeychainError, UnlockError
from casevault.core.paths import VaultPaths
from casevault.host.keychain import OsKeychain
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.keychain.conftest import MakeSecretService, apply_env, pin_secret_service, use_backend
from tests.support.keychain import SecretService

SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"
LIMIT_SECONDS = 20.0  # keychain.TIMEOUT_SECONDS is 15: no failure may cost more than that

pytestmark = [
    pytest.mark.keychain,
    # keyring's Secret Service backend drops its D-Bus connection unclosed whenever the collection
    # is locked or cannot be created (get_preferred_collection raises before `closing(...)`;
    # jaraco/keyring#380). That leak is keyring's, not casevault's; every other warning still fails.
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
]


# ---- helpers -------------------------------------------------------------------------------


@contextmanager
def within(seconds: float = LIMIT_SECONDS) -> Iterator[None]:
    start = time.monotonic()
    yield
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s; a keychain failure must not hang casevault"


def never_ask(reason: str | None) -> str | None:
    raise AssertionError(f"asked for the passphrase although the keychain should open the vault: {reason}")


def is_one_sentence(text: str) -> bool:
    text = text.strip()
    return (
        bool(text)
        and text[0].isupper()
        and text.endswith(".")
        and "\n" not in text
        and "Traceback" not in text
        and not re.search(r"[.!?]\s+\S", text[:-1])
    )


def keys_doc(paths: VaultPaths) -> dict[str, Any]:
    return dict(json.loads(paths.keys_file.read_text()))


def keychain_slot(paths: VaultPaths) -> dict[str, Any] | None:
    return next((s for s in keys_doc(paths)["slots"] if s["type"] == "keychain"), None)


def create_vault(paths: VaultPaths, keychain: OsKeychain | None = None) -> tuple[str, list[str]]:
    """A vault with one case in it; returns its vault id and the notices given while creating it."""
    notices: list[str] = []
    with Vault.create(
        paths,
        PASSPHRASE,
        keychain=keychain or OsKeychain(),
        kdf_params=FAST_KDF,
        notice=notices.append,
    ) as vault:
        vault.new_case("Keychain Member")
        return vault.vault_id, notices


def open_without_passphrase(paths: VaultPaths, keychain: OsKeychain | None = None) -> list[str]:
    notices: list[str] = []
    with (
        within(),
        Vault.open(
            paths, keychain=keychain or OsKeychain(), ask_passphrase=never_ask, notice=notices.append
        ) as vault,
    ):
        assert [c.member_name for c in vault.list_cases()] == ["Keychain Member"]
    return notices


def assert_falls_back(
    paths: VaultPaths, keychain: OsKeychain | None = None, *, mentions: str = "keychain"
) -> list[str]:
    """With no passphrase to give: UnlockError (exit 3), one clear sentence. With the passphrase:
    the vault opens, and a one-sentence notice says what was wrong with the keychain.
    Returns the notices of the passphrase open."""
    keychain = keychain or OsKeychain()
    with within(), pytest.raises(UnlockError) as refused:
        Vault.open(paths, keychain=keychain, ask_passphrase=lambda _reason: None)
    assert refused.value.exit_code == 3
    message = refused.value.message
    assert is_one_sentence(message), message
    assert mentions.lower() in message.lower(), message
    assert "passphrase" in message, message

    asked: list[str | None] = []
    notices: list[str] = []

    def ask(reason: str | None) -> str:
        asked.append(reason)
        return PASSPHRASE

    with within(), Vault.open(paths, keychain=keychain, ask_passphrase=ask, notice=notices.append) as vault:
        assert [c.member_name for c in vault.list_cases()] == ["Keychain Member"]
    assert len(asked) == 1, "the passphrase should be asked for exactly once"
    assert asked[0] and mentions.lower() in asked[0].lower(), f"the prompt should say why: {asked[0]!r}"
    assert notices, "the fallback to the passphrase must be explained"
    assert all(is_one_sentence(n) for n in notices), notices
    assert mentions.lower() in notices[0].lower(), notices
    assert "passphrase" in notices[0], notices
    return notices


# ---- the happy path ------------------------------------------------------------------------


def test_put_get_delete_round_trip_in_the_real_keychain(secret_service: SecretService) -> None:
    keychain = OsKeychain()
    vault_id, key = os.urandom(16).hex(), os.urandom(32)
    assert keychain.get(vault_id) is None

    keychain.put(vault_id, key)
    assert keychain.get(vault_id) == key
    assert secret_service.lookup(vault_id) == key.hex(), "the entry should be in gnome-keyring itself"

    replacement = os.urandom(32)
    keychain.put(vault_id, replacement)
    assert keychain.get(vault_id) == replacement
    assert secret_service.search(vault_id).count("secret = ") == 1, "put should replace, not add"

    keychain.delete(vault_id)
    assert keychain.get(vault_id) is None
    assert secret_service.lookup(vault_id) is None
    keychain.delete(vault_id)  # deleting what is already gone is fine


def test_backend_name_is_the_secret_service(secret_service: SecretService) -> None:
    assert OsKeychain().backend_name() == SECRET_SERVICE_BACKEND


def test_keyring_detects_the_secret_service_by_itself(
    secret_service: SecretService, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_backend(monkeypatch, None)  # no pin: keyring's own detection, as in a fresh process
    assert OsKeychain().backend_name() == SECRET_SERVICE_BACKEND


def test_create_records_the_backend_and_opens_with_no_passphrase(
    secret_service: SecretService, vault_paths: VaultPaths
) -> None:
    vault_id, notices = create_vault(vault_paths)
    assert notices == []
    slot = keychain_slot(vault_paths)
    assert slot is not None, "a working keychain should get a keychain slot"
    assert slot["backend"] == SECRET_SERVICE_BACKEND
    assert (slot["service"], slot["username"]) == ("casevault", vault_id)
    stored = secret_service.lookup(vault_id)
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert PASSPHRASE not in json.dumps(keys_doc(vault_paths))

    assert open_without_passphrase(vault_paths) == []


def test_opens_with_no_passphrase_after_the_keychain_restarts(
    secret_service: SecretService, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_id, _ = create_vault(vault_paths)
    secret_service.stop()
    assert not secret_service.running
    secret_service.restart()  # a "reboot": same XDG_DATA_HOME, unlocked with the login password
    apply_env(secret_service, monkeypatch)  # a new bus has a new address
    assert not secret_service.is_locked()
    assert secret_service.lookup(vault_id) is not None
    assert open_without_passphrase(vault_paths) == []


# ---- failure modes: a notice and the passphrase, never a lockout, crash or hang ----------------


def test_no_session_bus_at_all(
    secret_service: SecretService,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    create_vault(vault_paths)
    secret_service.stop()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    use_backend(monkeypatch, None)  # keyring detects afresh, as a new process would
    assert_falls_back(vault_paths, mentions="No system keychain is available")


def test_session_bus_vanishes_under_a_cached_backend(
    secret_service: SecretService, vault_paths: VaultPaths
) -> None:
    """A long-running process detected the Secret Service, then the session ended under it."""
    create_vault(vault_paths)
    secret_service.stop()
    assert_falls_back(vault_paths)


def test_bus_with_no_secret_service_on_it(
    make_secret_service: MakeSecretService,
    secret_service: SecretService,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_vault(vault_paths)
    bare = make_secret_service().start(keyring=False, activation=False)
    apply_env(bare, monkeypatch)
    assert_falls_back(vault_paths)  # the backend cached from before: the call itself fails
    use_backend(monkeypatch, None)
    assert_falls_back(vault_paths, mentions="No system keychain is available")  # detected afresh


@pytest.mark.parametrize(
    "start",
    [
        pytest.param({"keyring": False}, id="activated-but-never-unlocked"),
        pytest.param({"unlock": False}, id="started-without-unlock"),
    ],
)
def test_keychain_never_unlocked_prompt_dismissed(
    start: dict[str, bool],
    make_secret_service: MakeSecretService,
    secret_service: SecretService,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A profile whose keychain was never set up: creating the login collection needs a prompt,
    which a headless session dismisses (InitError)."""
    create_vault(vault_paths)
    fresh = make_secret_service().start(**start)
    apply_env(fresh, monkeypatch)
    use_backend(monkeypatch, None)
    assert OsKeychain().backend_name() == SECRET_SERVICE_BACKEND  # present, just not usable
    assert_falls_back(vault_paths, mentions="not unlocked")


def test_existing_keychain_not_unlocked_at_login(
    secret_service: SecretService, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_vault(vault_paths)
    secret_service.restart(unlock=False)
    apply_env(secret_service, monkeypatch)
    assert secret_service.is_locked()
    assert_falls_back(vault_paths, mentions="locked")


def test_locked_collection(secret_service: SecretService, vault_paths: VaultPaths) -> None:
    create_vault(vault_paths)
    secret_service.lock()
    assert secret_service.is_locked()
    assert_falls_back(vault_paths, mentions="locked")
    assert secret_service.is_locked(), "casevault must not unlock the keychain behind the user's back"


def test_wrong_unlock_password_for_an_existing_keychain(
    secret_service: SecretService, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_id, _ = create_vault(vault_paths)
    secret_service.restart(password="not the login password")
    apply_env(secret_service, monkeypatch)
    assert secret_service.is_locked(), "gnome-keyring should leave the collection locked"
    assert_falls_back(vault_paths, mentions="locked")
    # Nothing was lost: with the right password the keychain opens the vault again.
    secret_service.restart()
    apply_env(secret_service, monkeypatch)
    assert secret_service.lookup(vault_id) is not None
    assert open_without_passphrase(vault_paths) == []


def test_keychain_that_never_answers(secret_service: SecretService, vault_paths: VaultPaths) -> None:
    """gnome-keyring hung (SIGSTOP): the bus answers, the Secret Service never does."""
    create_vault(vault_paths)
    secret_service.freeze()
    quick = OsKeychain(timeout=1.5)
    notices = assert_falls_back(vault_paths, quick, mentions="did not answer within 1.5 seconds")
    assert "did not answer" in notices[0]


def test_entry_missing_then_re_enrolled(secret_service: SecretService, vault_paths: VaultPaths) -> None:
    vault_id, _ = create_vault(vault_paths)
    old_slot = keychain_slot(vault_paths)
    secret_service.clear(vault_id)

    notices = assert_falls_back(vault_paths, mentions="no key for this vault")
    assert any("new key" in n for n in notices), notices

    stored = secret_service.lookup(vault_id)
    assert stored is not None and len(bytes.fromhex(stored)) == 32, "a fresh device key should be stored"
    new_slot = keychain_slot(vault_paths)
    assert new_slot is not None and new_slot["wrapped"] != (old_slot or {}).get("wrapped")
    assert new_slot["backend"] == SECRET_SERVICE_BACKEND
    assert open_without_passphrase(vault_paths) == []


WRONG_ENTRIES: dict[str, Callable[[], str | bytes]] = {
    "not-hex": lambda: "this is not a casevault key",
    "empty": lambda: "",
    "short-hex": lambda: "abcd",
    "another-32-byte-key": lambda: os.urandom(32).hex(),
    "not-utf8": lambda: b"\xff\xfe\xfd casevault",
}


@pytest.mark.parametrize("entry", list(WRONG_ENTRIES))
def test_wrong_entry_falls_back_and_is_replaced(
    entry: str, secret_service: SecretService, vault_paths: VaultPaths
) -> None:
    vault_id, _ = create_vault(vault_paths)
    secret_service.store(vault_id, WRONG_ENTRIES[entry]())

    notices = assert_falls_back(vault_paths)
    assert "does not open this vault" in notices[0], notices
    assert any("new key" in n for n in notices), f"the wrong entry should be replaced: {notices}"
    assert open_without_passphrase(vault_paths) == []


@pytest.mark.parametrize("failure", ["locked", "never-answers"])
def test_create_with_an_unusable_keychain_makes_a_passphrase_only_vault(
    failure: str, secret_service: SecretService, vault_paths: VaultPaths
) -> None:
    if failure == "locked":
        secret_service.lock()
        says = "locked"
    else:
        secret_service.freeze()
        says = "did not answer"
    with within():
        _, notices = create_vault(vault_paths, OsKeychain(timeout=1.5))
    assert keychain_slot(vault_paths) is None
    assert len(notices) == 1 and is_one_sentence(notices[0]), notices
    assert says in notices[0] and "passphrase only" in notices[0], notices
    with pytest.raises(UnlockError):
        Vault.open(vault_paths, keychain=OsKeychain(timeout=1.5), ask_passphrase=lambda _reason: None)


# ---- a weak backend is refused, never silently used -------------------------------------------


def test_null_backend_is_refused(secret_service: SecretService, monkeypatch: pytest.MonkeyPatch) -> None:
    use_backend(monkeypatch, keyring.backends.null.Keyring())
    keychain = OsKeychain()
    for call in (keychain.backend_name, lambda: keychain.get("a" * 32), lambda: keychain.put("a" * 32, b"k")):
        with pytest.raises(KeychainError, match="not an OS keychain"):
            call()


def test_configured_weak_backend_makes_a_passphrase_only_vault(
    secret_service: SecretService, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PYTHON_KEYRING_BACKEND wins over the running Secret Service; casevault refuses it and
    does not quietly use the Secret Service either."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    use_backend(monkeypatch, None)
    _, notices = create_vault(vault_paths)
    assert keychain_slot(vault_paths) is None
    assert len(notices) == 1 and is_one_sentence(notices[0]), notices
    assert "not an OS keychain" in notices[0] and "passphrase only" in notices[0]
    assert secret_service.search() == ""
    with pytest.raises(UnlockError):
        Vault.open(vault_paths, keychain=OsKeychain(), ask_passphrase=lambda _reason: None)


def test_vault_made_without_a_keychain_still_needs_its_passphrase_when_one_appears(
    make_secret_service: MakeSecretService,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # private_environment points the session bus nowhere: no Secret Service at all.
    _, notices = create_vault(vault_paths)
    assert keychain_slot(vault_paths) is None
    assert notices and "No system keychain is available" in notices[0], notices

    service = make_secret_service().start()
    apply_env(service, monkeypatch)
    pin_secret_service(monkeypatch)
    with within(), pytest.raises(UnlockError, match="passphrase"):
        Vault.open(vault_paths, keychain=OsKeychain(), ask_passphrase=lambda _reason: None)
    opened_notices: list[str] = []
    with Vault.open(
        vault_paths, keychain=OsKeychain(), ask_passphrase=lambda _r: PASSPHRASE, notice=opened_notices.append
    ):
        pass
    assert opened_notices == [], "a passphrase-only vault has nothing to say about the keychain"
    assert keychain_slot(vault_paths) is None, "no keychain slot may appear without `keychain enable`"
    assert service.search() == ""


# ---- a long-running process (the GUI) outlives keychain changes -----------------------------


def test_keychain_that_appears_after_start_is_used_without_a_restart(
    make_secret_service: MakeSecretService, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain = OsKeychain()
    with pytest.raises(KeychainError, match="No system keychain"):
        keychain.backend_name()  # no bus yet: keyring detects and caches fail.Keyring
    service = make_secret_service().start()
    apply_env(service, monkeypatch)
    assert keychain.backend_name() == SECRET_SERVICE_BACKEND
