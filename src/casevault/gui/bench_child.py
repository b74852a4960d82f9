"""The fresh process that `casevault.gui.bench` times: a cold start, up to the first paint.

    python -m casevault.gui.bench_child app VAULT_DIR [--file-keychain KEY_FILE]
    python -m casevault.gui.bench_child qt
    python -m casevault.gui.bench_child table ROWS

`app` runs the real `casevault` start (casevault.cli.main, as the console script does) on
VAULT_DIR, which the keychain opens with nobody asked; `qt` shows an empty QMainWindow (the floor
that Qt itself costs); `table` a bare QTableView over ROWS in-memory rows (the floor for a window
with a long list). Each prints one line of time.monotonic() stamps once the first window with
content has been painted (for `app`, also once the first reminders check has been shown), then
quits. CLOCK_MONOTONIC is shared by every process on the
machine, so the parent can subtract its own spawn time from these stamps.

Only the standard library is imported before the first stamp, so that stamp is "just after the
interpreter started"; everything casevault and Qt cost comes after it.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import os  # noqa: E402 - after the first stamp, on purpose
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, cast  # noqa: E402

MARK = "CVBENCH"


def _report(stamps: dict[str, float]) -> None:
    print(MARK, " ".join(f"{name}={value:.6f}" for name, value in stamps.items()), flush=True)


class FileKeychain:
    """The device key read from a private scratch file: the benchmark's stand-in when no Secret
    Service can be started, so the keychain slot (not a passphrase) still opens the vault."""

    def __init__(self, key_file: Path) -> None:
        self._file = key_file

    def backend_name(self) -> str:
        return "casevault.gui.bench_child.FileKeychain"

    def get(self, vault_id: str) -> bytes | None:
        try:
            stored_id, _, key = self._file.read_text().partition(" ")
        except FileNotFoundError:
            return None
        return bytes.fromhex(key) if stored_id == vault_id else None

    def put(self, vault_id: str, key: bytes) -> None:
        fd = os.open(self._file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(f"{vault_id} {key.hex()}")

    def delete(self, vault_id: str) -> None:
        self._file.unlink(missing_ok=True)


def _run_app(vault_dir: str, key_file: str | None) -> int:
    # casevault.gui.app imports these and more of Qt; cli.run_gui imports casevault.gui.app itself,
    # so importing it here only moves that cost earlier, and lets the unlock be stamped.
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QAbstractItemView, QApplication  # noqa: PLC0415

    from casevault import cli  # noqa: PLC0415
    from casevault.gui import app  # noqa: PLC0415

    gui_app = cast(Any, app)  # its module globals are patched below, for this process only

    stamps = {"started": STARTED, "imported": time.monotonic()}
    # app.run makes this QApplication itself when there is none; made here so a watcher can be
    # installed before the first event. The cost is the same, only stamped.
    qapp = QApplication(sys.argv[:1])
    stamps["qapp"] = time.monotonic()

    if key_file is not None:
        gui_app.OsKeychain = lambda: FileKeychain(Path(key_file))
    real_open = gui_app.open_by_keychain

    def timed_open(*args: object, **kwargs: object) -> object:
        stamps["unlocking"] = time.monotonic()
        vault, reason = real_open(*args, **kwargs)
        stamps["unlocked"] = time.monotonic()
        if vault is None:
            # The reason is one sentence about the keychain; it never names a member.
            print(f"{MARK}-FAILED the keychain did not open the vault: {reason}", flush=True)
            os._exit(3)
        return vault, reason

    gui_app.open_by_keychain = timed_open

    class StampedWatch(gui_app.ReminderWatch):  # type: ignore[misc, name-defined]
        """The app's own reminder timer; stamps when its first check's result has been shown (the
        read runs on a worker, so that is its `changed` signal, not the end of `check`)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.changed.connect(self._stamp)

        def _stamp(self, _due: object) -> None:
            if "reminded" not in stamps and self.watching:
                stamps["reminded"] = time.monotonic()
                stamps["due"] = self.total
                maybe_finish()

    gui_app.ReminderWatch = StampedWatch

    class FirstPaint(QObject):
        """Stamps the first paint of an item view in the main window (Today or the list), then quits."""

        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Show and "shown" not in stamps and type(watched).__name__ == "MainWindow":
                stamps["shown"] = time.monotonic()
            elif kind == QEvent.Type.Paint and not self.done and "shown" in stamps:
                # The main window is shown only once the vault is set and the first block fetched,
                # so this paint of the case list has its rows (none for an empty vault).
                # The first screen is Today (issue 18), its lists item views too: the rows
                # counted are the case list's, whose first block is fetched before the show.
                view = watched.parent()
                window = view.window() if isinstance(view, QAbstractItemView) else None
                if window is not None and type(window).__name__ == "MainWindow":
                    self.done = True
                    stamps["rows"] = window.model.rowCount()  # type: ignore[attr-defined]
                    stamps["painting"] = time.monotonic()
                    # Runs once this paint and the flush of the backing store are over.
                    QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        stamps["painted"] = time.monotonic()
        maybe_finish()

    def maybe_finish() -> None:
        if "painted" in stamps and "reminded" in stamps:
            _report(stamps)
            qapp.quit()

    watcher = FirstPaint()
    qapp.installEventFilter(watcher)
    return cli.main(["--vault", vault_dir])


def _run_qt() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: PLC0415

    stamps = {"started": STARTED, "imported": time.monotonic()}
    qapp = QApplication(sys.argv[:1])
    stamps["qapp"] = time.monotonic()

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                stamps["painting"] = time.monotonic()
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        stamps["painted"] = time.monotonic()
        _report(stamps)
        qapp.quit()

    watcher = FirstPaint()
    qapp.installEventFilter(watcher)
    window = QMainWindow()
    window.setWindowTitle("casevault bench")
    window.resize(900, 560)  # the size MainWindow starts at
    window.show()
    stamps["shown"] = time.monotonic()
    return int(qapp.exec())


def _run_table(rows: int) -> int:
    from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: PLC0415

    stamps = {"started": STARTED, "imported": time.monotonic()}
    qapp = QApplication(sys.argv[:1])
    stamps["qapp"] = time.monotonic()

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 7

        def data(self, index: Any, role: int = 0) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"CV-2026-{index.row():05d}" if index.column() == 0 else f"cell {index.column()}"
            return None

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and not self.done
                and isinstance(watched.parent(), QTableView)
            ):
                self.done = True
                stamps["painting"] = time.monotonic()
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        stamps["painted"] = time.monotonic()
        stamps["rows"] = rows
        _report(stamps)
        qapp.quit()

    watcher = FirstPaint()
    qapp.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(900, 560)
    view = QTableView()
    model = Rows(view)
    view.setModel(model)
    window.setCentralWidget(view)
    window.show()
    stamps["shown"] = time.monotonic()
    return int(qapp.exec())


def main(argv: list[str]) -> int:
    os.umask(0o077)
    if argv[:1] == ["app"] and len(argv) in (2, 4) and (len(argv) == 2 or argv[2] == "--file-keychain"):
        return _run_app(argv[1], argv[3] if len(argv) == 4 else None)
    if argv == ["qt"]:
        return _run_qt()
    if argv[:1] == ["table"] and len(argv) == 2 and argv[1].isdigit():
        return _run_table(int(argv[1]))
    print(
        "usage: python -m casevault.gui.bench_child app VAULT_DIR [--file-keychain FILE] | qt | table ROWS",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
