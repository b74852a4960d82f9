"""Issue 13, item 7 (GUI): one desktop app per vault.

Two locks in one process, a real QLocalSocket knock on the first window's door, and two real
`casevault` processes on one vault (offscreen), with the command line still working beside them."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casevault.core.paths import VaultPaths
from casevault.gui.single_instance import (
    ALREADY_OPEN,
    LOCK_NAME,
    FrontDoor,
    InstanceLock,
    VaultAlreadyOpenError,
    claim_or_knock,
    knock,
    server_name,
)
from casevault.vault.facade import Vault
from tests.conftest import CASEVAULT, FAST_KDF, PASSPHRASE


@pytest.fixture
def made(vault_paths: VaultPaths) -> VaultPaths:
    Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF).close()
    return vault_paths


def test_a_second_lock_on_the_same_vault_is_refused_until_the_first_goes(made: VaultPaths) -> None:
    first, second = InstanceLock(made), InstanceLock(VaultPaths(made.root / ".." / made.root.name))
    assert first.claim() and first.held
    assert not second.claim()
    lock_file = made.root / LOCK_NAME
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    first.release()
    assert second.claim()
    second.release()


def test_a_vault_not_created_yet_is_claimed_once_it_exists(vault_paths: VaultPaths) -> None:
    lock = InstanceLock(vault_paths)
    assert lock.claim() and not lock.held
    assert not vault_paths.root.exists()  # Vault.create wants the folder empty
    Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF).close()
    assert lock.claim() and lock.held
    assert not InstanceLock(vault_paths).claim()
    lock.release()


def test_the_socket_name_is_a_hash_not_the_path(tmp_path: Path) -> None:
    made = VaultPaths(tmp_path / "Quarrington cases")
    name = server_name(made)
    assert "Quarrington" not in name and str(tmp_path) not in name
    assert name == server_name(VaultPaths(made.root / "." / ""))
    assert name != server_name(VaultPaths(made.root.parent / "other"))


SECOND_START = """
import sys
from pathlib import Path
from casevault.core.errors import CasevaultError
from casevault.gui.single_instance import claim_or_knock, knock
from casevault.core.paths import VaultPaths
paths = VaultPaths(Path(sys.argv[1]))
try:
    claim_or_knock(paths)
except CasevaultError as err:
    print(err.message)
print(knock(paths, timeout_ms=5000))
"""


def test_the_second_start_knocks_and_the_first_is_asked_to_the_front(
    qtbot: QtBot, made: VaultPaths, cli_env: dict[str, str]
) -> None:
    """The second start is another process (PySide6 keeps the GIL in a blocking socket wait, so a
    thread here would starve the door it knocks at)."""
    first = claim_or_knock(made)
    door = FrontDoor(made)
    assert door.listen()
    knocks: list[int] = []
    door.raise_requested.connect(lambda: knocks.append(1))
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_START, str(made.root)], env=cli_env, stdout=subprocess.PIPE
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    out, _ = second.communicate(timeout=5)
    assert out.decode().splitlines() == [ALREADY_OPEN, "True"]
    assert knocks == [1, 1]
    door.close()
    first.release()


def test_no_door_no_answer(made: VaultPaths) -> None:
    assert knock(made, timeout_ms=200) is False


def _wait_for(path: Path, text: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        out = path.read_text(errors="replace")
        if text in out:
            return out
        assert proc.poll() is None, out
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in: {path.read_text(errors='replace')}")


def test_two_real_windows_on_one_vault(made: VaultPaths, cli_env: dict[str, str], tmp_path: Path) -> None:
    env = dict(cli_env, QT_QPA_PLATFORM="offscreen")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    vault = ["--vault", str(made.root)]
    log = tmp_path / "first.log"
    with log.open("wb") as err:
        first = subprocess.Popen([*CASEVAULT, *vault, "--debug"], env=env, stderr=err)
    try:
        _wait_for(log, "gui.running", first)
        second = subprocess.run([*CASEVAULT, *vault], env=env, capture_output=True, timeout=60, check=False)
        assert second.returncode == 1
        assert second.stderr.decode().strip() == f"casevault: {ALREADY_OPEN}"
        _wait_for(log, "gui.raise-requested", first)
        # The command line is never locked out by an open window.
        listing = subprocess.run(
            [*CASEVAULT, *vault, "case", "list"], env=env, capture_output=True, timeout=60, check=False
        )
        assert listing.returncode == 0, listing.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0
    # The lock went with the process: a new window may open.
    lock = InstanceLock(made)
    assert lock.claim()
    lock.release()
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"


def test_the_first_run_locks_the_vault_it_creates(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    from casevault.gui.app import App  # noqa: PLC0415
    from casevault.host.keychain import MemoryKeychain  # noqa: PLC0415
    from tests.support.gui_flows import create_vault  # noqa: PLC0415

    lock = claim_or_knock(vault_paths)
    app = App(vault_paths, keychain=MemoryKeychain(), kdf_params=FAST_KDF, idle_ms=60_000, instance_lock=lock)
    try:
        create_vault(qtbot, app)
        assert lock.held
        with pytest.raises(VaultAlreadyOpenError):
            claim_or_knock(vault_paths)
        assert app.front_door is not None
    finally:
        app.shutdown()
        app.main_window.close()
        app.main_window.deleteLater()
        lock.release()
