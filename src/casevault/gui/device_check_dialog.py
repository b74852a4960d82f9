"""Check this device: is the disk holding the vault encrypted, and does the screen lock by itself?

The reps' guide: "UCU recommends that the whole of the drive is encrypted" and "you must ensure
the device is locked when not in use". `device_check.check_device` shells out (lsblk, gsettings,
manage-bde, fdesetup), so it runs on a worker thread (gui/tasks.py); the dialog says each answer
in plain words with its advice. Shown once when a vault is created, and from Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from casevault.core.i18n import CASEWORK
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.host import device_check
from casevault.host.device_check import DeviceReport

Check = Callable[[Path], DeviceReport]


def _check(path: Path) -> DeviceReport:
    return device_check.check_device(path)


def _casework(text: str) -> str:
    return QCoreApplication.translate(CASEWORK, text)


class DeviceCheckDialog(QDialog):
    """Runs the check on a worker when shown (or takes a `report` already made). `checked(report)`
    once the answer is displayed."""

    checked = Signal(object)

    def __init__(
        self,
        path: Path,
        parent: Any = None,
        *,
        check: Check = _check,
        report: DeviceReport | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._check = check
        self._task: TaskHandle | None = None
        self.report: DeviceReport | None = None
        self.setWindowTitle(self.tr("Check this device"))
        self.setAccessibleName(self.tr("Check this device"))
        intro = QLabel(
            self.tr(
                "Casework files must be kept encrypted, and the computer locked when you are not "
                "using it. casevault checks what it can on this computer."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About the device check"))
        self.disk = QLabel(self.tr("Checking…"))
        self.disk.setWordWrap(True)
        self.disk.setAccessibleName(self.tr("Disk encryption"))
        self.lock = QLabel()
        self.lock.setWordWrap(True)
        self.lock.setAccessibleName(self.tr("Screen lock"))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(self.tr("What to do"))
        self.again_button = QPushButton(self.tr("Check &again"))
        self.again_button.setAccessibleName(self.tr("Check again"))
        self.again_button.clicked.connect(self.run_check)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.disk)
        layout.addWidget(self.lock)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        self.resize(520, 320)
        if report is not None:
            self.show_report(report)
        else:
            self.run_check()

    def run_check(self) -> None:
        """Ask the system again, off the GUI thread."""
        if self._task is not None:
            return
        self.again_button.setEnabled(False)
        self.disk.setText(self.tr("Checking…"))
        self.lock.clear()
        self.advice.clear()
        path = self._path

        def done(report: DeviceReport) -> None:
            self._task = None
            self.show_report(report)

        def failed(error: BaseException) -> None:  # check_device never raises; a bug still ends here
            self._task = None
            if isinstance(error, CancelledError):
                return
            self.show_report(
                DeviceReport(
                    device_check.UNKNOWN,
                    device_check.DISK_UNCLEAR,
                    device_check.UNKNOWN,
                    device_check.LOCK_UNREADABLE,
                    (device_check.ADVICE_CHECK_DISK, device_check.ADVICE_CHECK_LOCK),
                )
            )

        self._task = run_task(lambda _progress: self._check(path), done, failed, parent=self)

    def show_report(self, report: DeviceReport) -> None:
        self.report = report
        self.disk.setText(self._line(self.tr("Disk encryption"), report.disk_encrypted, report.disk_detail))
        self.lock.setText(self._line(self.tr("Screen lock"), report.screen_lock, report.screen_lock_detail))
        self.advice.setText("\n".join(f"• {_casework(line)}" for line in report.advice))
        self.again_button.setEnabled(True)
        self.checked.emit(report)

    def _line(self, what: str, state: str, detail: str) -> str:
        if state == device_check.YES:
            verdict = self.tr("Good")
        elif state == device_check.NO:
            verdict = self.tr("Needs attention")
        else:
            verdict = self.tr("Could not tell")
        return (
            self.tr("%1: %2. %3").replace("%1", what).replace("%2", verdict).replace("%3", _casework(detail))
        )

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)
