"""GUI tests: a real Qt event loop, offscreen, with the real Vault on a real SQLCipher file.

Controls are found by their accessible name, as a screen reader finds them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

# Before Qt is imported anywhere: no display is needed or used.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from casevault.core.clock import Clock, utc_now
from casevault.core.paths import VaultPaths
from casevault.gui import refcount_guard
from casevault.gui.app import App
from casevault.host.keychain import MemoryKeychain
from tests.conftest import FAST_KDF


@pytest.fixture(autouse=True)
def refcount_reserve() -> None:
    """The whole GUI suite runs in one process: keep PySide6 6.12's lost references to None from
    ever aborting it (see casevault.gui.refcount_guard)."""
    refcount_guard.top_up()


@pytest.fixture(autouse=True)
def qt_runtime_dir(private_environment: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Qt warns (and qt_log_level_fail fails the test) when XDG_RUNTIME_DIR is unset or not 0700.
    runtime = private_environment / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


W = TypeVar("W", bound=QWidget)


def by_name(root: QWidget, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    """The one visible child of `root` (or `root` itself) whose accessible name is `name`."""
    found = [
        w for w in [root, *root.findChildren(kind)] if isinstance(w, kind) and w.accessibleName() == name
    ]
    visible = [w for w in found if w.isVisible()] or found
    assert visible, f"no control named {name!r} in {root.accessibleName() or type(root).__name__}"
    assert len(visible) == 1, f"{len(visible)} controls named {name!r}"
    return visible[0]


def window_named(name: str) -> QWidget:
    """The visible top-level window whose accessible name is `name`."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.accessibleName() == name]
    assert len(shown) == 1, f"expected one visible window named {name!r}, found {len(shown)}"
    return shown[0]


@pytest.fixture
def keychain() -> MemoryKeychain:
    return MemoryKeychain()


@pytest.fixture
def make_app(qtbot: object, tmp_path: Path, keychain: MemoryKeychain) -> Iterator[object]:
    apps: list[App] = []

    def make(*, idle_ms: int = 60_000, paths: VaultPaths | None = None, clock: Clock = utc_now) -> App:
        app = App(
            paths or VaultPaths(tmp_path / "vault"),
            keychain=keychain,
            kdf_params=FAST_KDF,
            idle_ms=idle_ms,
            retry=lambda failures: 0.05 * failures,
            clock=clock,
        )
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.shutdown()
        for widget in (app.main_window, app.unlock_dialog, app.create_dialog):
            if widget is not None:
                widget.close()
                widget.deleteLater()
