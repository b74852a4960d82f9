"""The Documents part of a case page: the case's attachments, attaching, preview, saving a copy.

Attaching (button, Ctrl+O, or files dropped on the panel; several at once) goes through an
AttachQueue (attach_queue.py), which encrypts off the GUI thread; this panel shows its progress
with a Cancel button. An email (.eml or .msg) attached or dropped here is also entered in the paper trail,
dated from the message (`email_added`).

Previews are in memory only (see preview.py), decrypted and rendered on a worker thread; an
email is shown as one (From, To, Cc, Date, Subject, the body as text, the attachments listed).
"Save a decrypted copy…" warns first that the copy is not protected, then asks where, and writes
on a worker thread with the same progress bar and Cancel; the vault never overwrites a file.
There is deliberately no "open in another app": that would need a plaintext temp file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.core.model import Attachment
from casevault.gui.attach_queue import AttachQueue
from casevault.gui.background_preview import BackgroundPreview, failure_sentence
from casevault.gui.file_dialogs import choose_files, choose_save_path, confirm_plaintext_copy
from casevault.gui.preview import PreviewPane
from casevault.gui.qt_dates import datetime_text
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.facade import Vault

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole

AskOpenFiles = Callable[[QWidget], list[str]]
AskSaveFile = Callable[[QWidget, str], str]
Confirm = Callable[[QWidget], bool]


def _ask_open_files(parent: QWidget) -> list[str]:
    return choose_files(parent, QCoreApplication.translate("DocumentsPanel", "Attach documents"))


def _ask_save_file(parent: QWidget, suggested: str) -> str:
    return choose_save_path(
        parent,
        QCoreApplication.translate("DocumentsPanel", "Save a decrypted copy"),
        str(Path.home() / suggested),
    )


def local_date(moment: datetime) -> str:
    """A date and time in the user's locale (short format, local time)."""
    when = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return datetime_text(when.toLocalTime())


def _sentence(error: BaseException, fallback: str) -> str:
    return failure_sentence(error, fallback, where="documents")


class DocumentsPanel(QWidget):
    """Attachments of case `ref`. `changed` is emitted after an attachment is added."""

    changed = Signal()
    email_added = Signal()  # an email was stored and entered in the paper trail
    idle = Signal()  # the attach queue has emptied (done, failed or cancelled)
    previewed = Signal(str)  # the kind of preview now shown: "image", "pdf", "email", "text" or "none"
    saved = Signal(object)  # the Path of a decrypted copy, or None when none was written

    def __init__(
        self,
        vault: Vault,
        ref: str,
        parent: QWidget | None = None,
        *,
        ask_open_files: AskOpenFiles = _ask_open_files,
        ask_save_file: AskSaveFile = _ask_save_file,
        confirm_plaintext: Confirm = confirm_plaintext_copy,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._ask_open_files = ask_open_files
        self._ask_save_file = ask_save_file
        self._confirm_plaintext = confirm_plaintext
        self._saving: TaskHandle | None = None
        self.attaching = AttachQueue(vault, ref, self)
        self.setAccessibleName(self.tr("Documents"))
        self.setAcceptDrops(True)
        self._build()
        self.attaching.started.connect(self._show_progress)
        self.attaching.progressed.connect(self.progress.setValue)
        self.attaching.added.connect(self._added)
        self.attaching.email_added.connect(self._email_added)
        self.attaching.failed.connect(self.say)
        self.attaching.idle.connect(self._attach_queue_empty)
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
        self.cancel_button.setAccessibleName(self.tr("Cancel attaching"))  # or saving a copy
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
        self._previewing = BackgroundPreview(
            self, self.preview, self.previewed.emit, self._preview_refused, where="documents"
        )
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
        self._set_buttons()

    def _set_buttons(self) -> None:
        # One long job at a time shares the progress bar: attaching, or saving a copy.
        chosen = bool(self.list.selectedItems())
        self.preview_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen and not self.busy)
        self.attach_button.setEnabled(self._saving is None)
        self.attach_action.setEnabled(self._saving is None)

    def say(self, sentence: str) -> None:
        self.message.setText(sentence)

    # ---- attaching ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Attaching or saving a copy (previews do not count: they are quick and replaceable)."""
        return self.attaching.busy or self._saving is not None

    def choose_files(self) -> None:
        files = self._ask_open_files(self)
        if files:
            self.attach_files(Path(f) for f in files)

    def attach_files(self, paths: Iterable[Path]) -> None:
        """Queue files for attaching; each is encrypted in turn off the GUI thread."""
        new = list(paths)
        if not new:
            return
        if self._saving is not None:
            self.say(self.tr("Please wait until the copy is saved, then attach the documents again."))
            return
        if not self.attaching.busy:
            self.say("")
        self.attaching.add(new)

    def _added(self) -> None:
        self.refresh()
        self.changed.emit()

    def _email_added(self) -> None:
        self.say(self.tr("The email was stored and added to the paper trail."))
        self.email_added.emit()

    def _attach_queue_empty(self) -> None:
        self._hide_progress()
        self.idle.emit()

    def cancel(self) -> None:
        """Stop attaching (the file being encrypted and the rest of the queue), or saving a copy."""
        running = self.attaching.cancel()
        if self._saving is not None:
            self._saving.cancel()
            running = True
        if running:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _show_progress(self, label: str) -> None:
        self.progress.setValue(0)
        self.progress_label.setText(label)
        self.progress_box.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._set_buttons()

    def _hide_progress(self) -> None:
        self.progress_box.setVisible(False)
        self._set_buttons()

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

    def preview_selected(self) -> None:
        """Preview the selected document. Decrypting and rendering run on a worker thread;
        `previewed(kind)` is emitted when it is shown ("image", "pdf", "email", "text" or
        "none"); an email shows its headers, its body as text and its attachments (preview.py)."""
        file_id = self.selected_id()
        if file_id is None:
            return
        self._previewing.cancel()  # the newest choice wins
        try:
            reader = self._vault.open_attachment(file_id)
        except CasevaultError as err:
            self._preview_refused(err.message)
            return
        self.say("")
        self._previewing.start(
            reader.attachment.name,
            reader.attachment.size,
            reader.read_all,
            too_large=self.tr("This document is too large to preview; save a decrypted copy instead."),
            unreadable=self.tr("This document could not be opened."),
        )

    def _preview_refused(self, sentence: str) -> None:
        self.preview.clear()
        self.say(sentence)
        self.previewed.emit("none")

    def save_selected(self) -> None:
        """Warn, ask where, then write a decrypted copy there (never overwriting), on a worker
        thread with progress and Cancel. `saved(path or None)` is emitted at the end."""
        file_id = self.selected_id()
        if file_id is None or self.busy:
            return
        if not self._confirm_plaintext(self):
            return
        try:
            target = self._ask_save_file(self, self._vault.attachment(file_id).name)
            if not target:
                return
            reader = self._vault.open_attachment(file_id, "saved")  # recorded in the audit log
        except CasevaultError as err:
            self.say(err.message)
            return
        out = Path(target)
        total = max(1, reader.attachment.size)
        self.say("")
        self._show_progress(self.tr("Saving a decrypted copy…"))

        def done(_size: int) -> None:
            self._saving = None
            self._hide_progress()
            self.say(self.tr("Saved a decrypted copy. It is not protected by the vault."))
            self.saved.emit(out)

        def failed(error: BaseException) -> None:
            self._saving = None
            self._hide_progress()
            if isinstance(error, CancelledError):
                self.say(self.tr("Saving was cancelled; no copy was written."))
            else:
                self.say(_sentence(error, self.tr("The copy could not be saved.")))
            self.saved.emit(None)

        self._saving = run_task(
            lambda progress: reader.save_to(out, progress),
            done,
            failed,
            lambda written: self.progress.setValue(min(1000, written * 1000 // total)),
            parent=self,
        )
        self._set_buttons()

    # ---- locking --------------------------------------------------------------------------------

    def clear(self) -> None:
        """Before a lock: stop attaching, saving and previewing, and drop every name and preview
        shown."""
        self.cancel()
        self._previewing.cancel()
        self.list.clear()
        self.preview.clear()
        self.say("")
