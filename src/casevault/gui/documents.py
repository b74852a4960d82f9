"""The Documents part of a case page: the case's attachments, attaching, preview, saving a copy.

Attaching (button, Ctrl+O, or files dropped on the panel; several at once) runs each file as an
import in phases: `Vault.begin_attach` here on the GUI thread, which owns the SQLCipher
connection; the encryption (`PendingAttachment.write`, files only) on a pool thread with a
progress bar and Cancel; then `finish_attach` or `abandon_attach` back on the GUI thread.

Previews are in memory only (see preview.py). "Save a decrypted copy…" warns first that the copy
is not protected, then asks where; the vault never overwrites a file. There is deliberately no
"open in another app": that would need a plaintext temp file.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.errors import CasevaultError, VaultStateError
from casevault.gui.file_dialogs import choose_files, choose_save_path
from casevault.gui.preview import PreviewPane
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.model import Attachment
from casevault.vault import PendingAttachment, Vault, open_for_attach

log = logging.getLogger(__name__)

MAX_PREVIEW_BYTES = 64 << 20
ID_ROLE = Qt.ItemDataRole.UserRole

AskOpenFiles = Callable[[QWidget], list[str]]
AskSaveFile = Callable[[QWidget, str], str]
Confirm = Callable[[QWidget], bool]


def _ask_open_files(parent: QWidget) -> list[str]:
    return choose_files(parent, parent.tr("Attach documents"))


def _ask_save_file(parent: QWidget, suggested: str) -> str:
    return choose_save_path(parent, parent.tr("Save a decrypted copy"), str(Path.home() / suggested))


def _confirm_plaintext(parent: QWidget) -> bool:
    answer = QMessageBox.warning(
        parent,
        parent.tr("Save a decrypted copy"),
        parent.tr(
            "The copy you save is not protected by the vault: anyone who can open that folder "
            "can read it. Keep it only as long as you need it. Save a copy?"
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def local_date(moment: datetime) -> str:
    """A date and time in the user's locale (short format, local time)."""
    when = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat)


class _Import:
    """One file on its way in: open source, pending import, running task."""

    def __init__(self, name: str, src: io.BufferedReader, pending: PendingAttachment) -> None:
        self.name = name
        self.src = src
        self.pending = pending
        self.total = max(1, os.fstat(src.fileno()).st_size)
        self.task: TaskHandle | None = None


class DocumentsPanel(QWidget):
    """Attachments of case `ref`. `changed` is emitted after an attachment is added."""

    changed = Signal()
    idle = Signal()  # the attach queue has emptied (done, failed or cancelled)

    def __init__(
        self,
        vault: Vault,
        ref: str,
        parent: QWidget | None = None,
        *,
        ask_open_files: AskOpenFiles = _ask_open_files,
        ask_save_file: AskSaveFile = _ask_save_file,
        confirm_plaintext: Confirm = _confirm_plaintext,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._ask_open_files = ask_open_files
        self._ask_save_file = ask_save_file
        self._confirm_plaintext = confirm_plaintext
        self._queue: list[Path] = []
        self._current: _Import | None = None
        self._done_in_batch = 0
        self._batch_size = 0
        self.setAccessibleName(self.tr("Documents"))
        self.setAcceptDrops(True)
        self._build()
        self.refresh()

    # ---- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Document list"))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("Added")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda *_: self.preview_selected())

        self.attach_button = QPushButton(self.tr("&Attach documents…"))
        self.attach_button.setAccessibleName(self.tr("Attach documents"))
        self.attach_button.setToolTip(self.tr("Attach documents (Ctrl+O); you can also drop files here"))
        self.attach_button.clicked.connect(self.choose_files)
        self.attach_action = QAction(self.tr("Attach documents"), self)
        self.attach_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.attach_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.attach_action.triggered.connect(self.choose_files)
        self.addAction(self.attach_action)

        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setAccessibleName(self.tr("Preview document"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.save_button = QPushButton(self.tr("Save a &decrypted copy…"))
        self.save_button.setAccessibleName(self.tr("Save a decrypted copy"))
        self.save_button.clicked.connect(self.save_selected)

        self._build_progress()
        self._build_layout()

    def _build_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Encryption progress"))
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("Attaching status"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel attaching"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.setVisible(False)

    def _build_layout(self) -> None:
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Documents message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (self.attach_button, self.preview_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.progress_box)
        left_layout.addWidget(self.message)

        self.preview = PreviewPane()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.attach_button, self.preview_button)
        self.setTabOrder(self.preview_button, self.save_button)
        self.setTabOrder(self.save_button, self.list)
        self._selection_changed()

    # ---- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        for attachment in self._attachments():
            item = QTreeWidgetItem(
                [
                    attachment.name,
                    QLocale().formattedDataSize(attachment.size),
                    local_date(attachment.added_at),
                ]
            )
            item.setData(0, ID_ROLE, attachment.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if attachment.id == selected:
                item.setSelected(True)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self._selection_changed()

    def _attachments(self) -> tuple[Attachment, ...]:
        return self._vault.case(self._ref).attachments

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def names(self) -> list[str]:
        return [item.text(0) for item in self._items()]

    def select(self, name: str) -> None:
        for item in self._items():
            if item.text(0) == name:
                self.list.setCurrentItem(item)
                return
        raise KeyError(name)

    def selected_id(self) -> str | None:
        items = self.list.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    def _selection_changed(self) -> None:
        chosen = bool(self.list.selectedItems())
        self.preview_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    def say(self, sentence: str) -> None:
        self.message.setText(sentence)

    # ---- attaching ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    def choose_files(self) -> None:
        files = self._ask_open_files(self)
        if files:
            self.attach_files(Path(f) for f in files)

    def attach_files(self, paths: Iterable[Path]) -> None:
        """Queue files for attaching; each is encrypted in turn off the GUI thread."""
        new = list(paths)
        if not new:
            return
        if not self.busy:
            self._done_in_batch = 0
            self._batch_size = 0
            self.say("")
        self._queue.extend(new)
        self._batch_size += len(new)
        self._next()

    def _next(self) -> None:
        while self._current is None and self._queue:
            path = self._queue.pop(0)
            try:
                name, src = open_for_attach(path)
            except CasevaultError as err:
                self._failed_one(err.message)
                continue
            try:
                pending = self._vault.begin_attach(self._ref, name)
            except CasevaultError as err:
                src.close()
                self._failed_one(err.message)
                continue
            self._start(_Import(name, src, pending))
        if self._current is None:
            self.progress_box.setVisible(False)
            self.idle.emit()

    def _start(self, job: _Import) -> None:
        self._current = job
        self.progress.setValue(0)
        self.progress_label.setText(
            self.tr("Encrypting {0} ({1} of {2})…").format(
                job.name, self._done_in_batch + 1, self._batch_size
            )
        )
        self.progress_box.setVisible(True)
        self.cancel_button.setEnabled(True)
        pending, src = job.pending, job.src

        def work(progress: Callable[[int], None]) -> int:
            with src:  # closed here, on the worker thread, even if the panel is gone
                return pending.write(src, progress)

        job.task = run_task(
            work,
            lambda _size: self._written(job),
            lambda error: self._not_written(job, error),
            lambda done: self.progress.setValue(min(1000, done * 1000 // job.total)),
            parent=self,
        )

    def _written(self, job: _Import) -> None:
        job.src.close()
        self._current = None
        self._done_in_batch += 1
        try:
            self._vault.finish_attach(job.pending)
        except CasevaultError as err:
            self._abandon(job)
            self._failed_one(err.message)
        else:
            self.refresh()
            self.changed.emit()
        self._next()

    def _not_written(self, job: _Import, error: BaseException) -> None:
        job.src.close()
        self._current = None
        self._done_in_batch += 1
        self._abandon(job)
        if isinstance(error, CancelledError):
            self._queue.clear()
            self.say(self.tr("Attaching was cancelled; that file was not added."))
        elif isinstance(error, CasevaultError):
            self._failed_one(error.message)
        else:
            log.error("attach.failed %s", type(error).__name__)
            self._failed_one(self.tr("Something went wrong while encrypting the file; it was not added."))
        self._next()

    def _abandon(self, job: _Import) -> None:
        # Locked meanwhile: the next open drops the unfinished import.
        with contextlib.suppress(VaultStateError):
            self._vault.abandon_attach(job.pending)

    def _failed_one(self, sentence: str) -> None:
        self.say(sentence)

    def cancel(self) -> None:
        """Stop the file being encrypted and drop the rest of the queue."""
        self._queue.clear()
        if self._current is not None and self._current.task is not None:
            self._current.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    # ---- drag and drop -------------------------------------------------------------------------

    @staticmethod
    def _local_files(event: Any) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        urls = mime.urls()
        if not all(url.isLocalFile() for url in urls):
            return []
        return [Path(url.toLocalFile()) for url in urls]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if files:
            event.acceptProposedAction()
            self.attach_files(files)
        else:
            event.ignore()

    # ---- preview and saving -------------------------------------------------------------------

    def preview_selected(self) -> str:
        """Preview the selected document; returns the kind shown ("image", "pdf", "text", "none")."""
        file_id = self.selected_id()
        if file_id is None:
            return ""
        try:
            attachment = self._vault.attachment(file_id)
            if attachment.size > MAX_PREVIEW_BYTES:
                self.preview.clear()
                self.say(self.tr("This document is too large to preview; save a decrypted copy instead."))
                return "none"
            data = self._vault.read_attachment(file_id)
        except CasevaultError as err:
            self.preview.clear()
            self.say(err.message)
            return "none"
        self.say("")
        return self.preview.show_data(attachment.name, data)

    def save_selected(self) -> Path | None:
        """Warn, ask where, then write a decrypted copy there (never overwriting)."""
        file_id = self.selected_id()
        if file_id is None:
            return None
        if not self._confirm_plaintext(self):
            return None
        try:
            attachment = self._vault.attachment(file_id)
            target = self._ask_save_file(self, attachment.name)
            if not target:
                return None
            out = Path(target)
            self._vault.save_attachment(file_id, out)
        except CasevaultError as err:
            self.say(err.message)
            return None
        self.say(self.tr("Saved a decrypted copy. It is not protected by the vault."))
        return out

    # ---- locking --------------------------------------------------------------------------------

    def clear(self) -> None:
        """Before a lock: stop attaching and drop every name and preview shown."""
        self.cancel()
        self.list.clear()
        self.preview.clear()
        self.say("")
