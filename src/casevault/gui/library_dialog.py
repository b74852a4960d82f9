"""The policy library: the employer's policies and procedures, kept encrypted in the vault and not
tied to any case (the reps' guide: "find out where these are kept and familiarise yourself with
the contents").

Adding encrypts on a worker thread (`Vault.begin_library_document` on the GUI thread, the
pending document's `write` on a worker, then finish or abandon on the GUI thread). A preview is
decrypted and rendered in memory on a worker (preview.py), never into a temp file. "Save a
copy…" warns that the copy is not protected, asks where, and never overwrites.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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

from casevault.core.errors import CasevaultError
from casevault.gui.background_preview import BackgroundPreview, failure_sentence
from casevault.gui.case_list_model import local_date_text
from casevault.gui.file_dialogs import choose_files, choose_save_path, confirm_plaintext_copy
from casevault.gui.preview import PreviewPane
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.facade import Vault
from casevault.vault.session import open_for_attach

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole

AskOpenFiles = Callable[[QWidget], list[str]]
AskSaveFile = Callable[[QWidget, str], str]
Confirm = Callable[[QWidget], bool]


def _ask_open_files(parent: QWidget) -> list[str]:
    return choose_files(parent, QCoreApplication.translate("LibraryDialog", "Add policies and procedures"))


def _ask_save_file(parent: QWidget, suggested: str) -> str:
    return choose_save_path(
        parent, QCoreApplication.translate("LibraryDialog", "Save a copy"), str(Path.home() / suggested)
    )


def _confirm_remove(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("LibraryDialog", "Remove from the library"),
        QCoreApplication.translate(
            "LibraryDialog", "Remove this document from the library? Its encrypted copy is deleted."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _sentence(error: BaseException, fallback: str) -> str:
    return failure_sentence(error, fallback, where="library")


class LibraryDialog(QDialog):
    """The vault's policy library. Signals: `added(id)`, `previewed(kind)`, `saved(Path|None)`,
    `removed(id)`; `idle` once an add has finished (done, failed or cancelled)."""

    added = Signal(str)
    idle = Signal()
    previewed = Signal(str)
    saved = Signal(object)
    removed = Signal(str)

    def __init__(
        self,
        vault: Vault,
        parent: Any = None,
        *,
        ask_open_files: AskOpenFiles = _ask_open_files,
        ask_save_file: AskSaveFile = _ask_save_file,
        confirm_plaintext: Confirm = confirm_plaintext_copy,
        confirm_remove: Confirm = _confirm_remove,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ask_open_files = ask_open_files
        self._ask_save_file = ask_save_file
        self._confirm_plaintext = confirm_plaintext
        self._confirm_remove = confirm_remove
        self._task: TaskHandle | None = None  # an add or a save
        self._queue: list[Path] = []
        self.setWindowTitle(self.tr("Policy library"))
        self.setAccessibleName(self.tr("Policy library"))
        self._build()
        self.resize(860, 520)
        self.refresh()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Your employer's policies and procedures, kept encrypted in the vault. Check the "
                "relevant policy before advising a member."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About the policy library"))
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Library documents"))
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Size"), self.tr("Added")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._set_buttons)
        self.list.itemActivated.connect(lambda _item, _col: self.preview_selected())
        self.preview = PreviewPane()
        self._previewing = BackgroundPreview(
            self, self.preview, self.previewed.emit, self._preview_refused, where="library"
        )
        self._build_buttons()
        self._build_layout(intro)

    def _build_buttons(self) -> None:
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setAccessibleName(self.tr("Add to the library"))
        self.add_button.clicked.connect(self.choose_files)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.setAccessibleName(self.tr("Save a copy"))
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove from the library"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)

    def _build_layout(self, intro: QLabel) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.preview_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([360, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # ---- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected_id()
        self.list.clear()
        try:
            documents = self._vault.library_documents()
        except CasevaultError as err:
            self.say(err.message)
            documents = []
        for document in documents:
            item = QTreeWidgetItem(
                [
                    document.title or document.name,
                    _size(document.size),
                    local_date_text(document.added_at),
                ]
            )
            item.setData(0, ID_ROLE, document.id)
            item.setToolTip(0, document.name)
            self.list.addTopLevelItem(item)
            if document.id == chosen:
                item.setSelected(True)
        self._set_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def titles(self) -> list[str]:
        return [item.text(0) for item in self._items()]

    def select(self, title: str) -> None:
        for item in self._items():
            if item.text(0) == title:
                self.list.setCurrentItem(item)
                return

    def selected_id(self) -> str | None:
        items = self.list.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _set_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.add_button.setEnabled(not self.busy)
        self.preview_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen and not self.busy)
        self.remove_button.setEnabled(chosen and not self.busy)

    def say(self, sentence: str) -> None:
        self.message.setText(sentence)

    def _show_progress(self, label: str) -> None:
        self.say(label)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    # ---- adding --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = self._ask_open_files(self)
        if paths:
            self.add_files(Path(p) for p in paths)

    def add_files(self, paths: Iterable[Path]) -> None:
        """Encrypt each file into the library, one after another, on a worker thread."""
        self._queue.extend(paths)
        if not self.busy:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._hide_progress()
            self._set_buttons()
            self.idle.emit()
            return
        path = self._queue.pop(0)
        try:
            name, src = open_for_attach(path)
            try:
                pending = self._vault.begin_library_document(name)
            except BaseException:
                src.close()
                raise
        except CasevaultError as err:
            self.say(err.message)
            self._next()
            return
        total = max(1, path.stat().st_size if path.exists() else 1)
        self._show_progress(self.tr("Encrypting into the library…"))

        def write(progress: Callable[[int], None]) -> int:
            with src:
                return pending.write(src, progress)

        def done(_size: int) -> None:
            self._task = None
            try:
                doc_id = self._vault.finish_library_document(pending)
            except CasevaultError as err:
                self._vault.abandon_library_document(pending)
                self.say(err.message)
            else:
                self.say(self.tr("Added to the library."))
                self.refresh()
                self.added.emit(doc_id)
            self._next()

        def failed(error: BaseException) -> None:
            self._task = None
            if self._vault.is_open:
                self._vault.abandon_library_document(pending)
            if isinstance(error, CancelledError):
                self._queue.clear()
                self.say(self.tr("Adding was cancelled; nothing was added."))
            else:
                self.say(_sentence(error, self.tr("The document could not be added.")))
            self._next()

        self._task = run_task(
            write,
            done,
            failed,
            lambda written: self.progress.setValue(min(1000, written * 1000 // total)),
            parent=self,
        )
        self._set_buttons()

    def cancel(self) -> None:
        self._queue.clear()
        if self._task is not None:
            self._task.cancel()

    # ---- preview, save, remove ------------------------------------------------------------------

    def preview_selected(self) -> None:
        doc_id = self.selected_id()
        if doc_id is None:
            return
        self._previewing.cancel()
        try:
            reader = self._vault.open_library_document(doc_id)
        except CasevaultError as err:
            self._preview_refused(err.message)
            return
        self.say("")
        self._previewing.start(
            reader.document.name,
            reader.document.size,
            reader.read_all,
            too_large=self.tr("This document is too large to preview; save a copy instead."),
            unreadable=self.tr("This document could not be opened."),
        )

    def _preview_refused(self, sentence: str) -> None:
        self.preview.clear()
        self.say(sentence)
        self.previewed.emit("none")

    def save_selected(self) -> None:
        doc_id = self.selected_id()
        if doc_id is None or self.busy or not self._confirm_plaintext(self):
            return
        try:
            name = next(d.name for d in self._vault.library_documents() if d.id == doc_id)
            target = self._ask_save_file(self, name)
            if not target:
                return
            reader = self._vault.open_library_document(doc_id, "saved")
        except (CasevaultError, StopIteration) as err:
            self.say(err.message if isinstance(err, CasevaultError) else "")
            return
        out = Path(target)
        total = max(1, reader.document.size)
        self._show_progress(self.tr("Saving a copy…"))

        def done(_size: int) -> None:
            self._task = None
            self._hide_progress()
            self._set_buttons()
            self.say(self.tr("Saved a copy. It is not protected by the vault."))
            self.saved.emit(out)

        def failed(error: BaseException) -> None:
            self._task = None
            self._hide_progress()
            self._set_buttons()
            if isinstance(error, CancelledError):
                self.say(self.tr("Saving was cancelled; no copy was written."))
            else:
                self.say(_sentence(error, self.tr("The copy could not be saved.")))
            self.saved.emit(None)

        self._task = run_task(
            lambda progress: reader.save_to(out, progress),
            done,
            failed,
            lambda written: self.progress.setValue(min(1000, written * 1000 // total)),
            parent=self,
        )
        self._set_buttons()

    def remove_selected(self) -> None:
        doc_id = self.selected_id()
        if doc_id is None or self.busy or not self._confirm_remove(self):
            return
        try:
            self._vault.remove_library_document(doc_id)
        except CasevaultError as err:
            self.say(err.message)
            return
        self.preview.clear()
        self.say(self.tr("Removed from the library."))
        self.refresh()
        self.removed.emit(doc_id)

    def clear(self) -> None:
        """Before a lock: stop any work and drop every title and preview shown."""
        self.cancel()
        self._previewing.cancel()
        self.list.clear()
        self.preview.clear()
        self.say("")


def _size(size: int) -> str:
    """In the user's locale: "1.2 MB", "1,2 Mo"."""
    return QLocale().formattedDataSize(size)
