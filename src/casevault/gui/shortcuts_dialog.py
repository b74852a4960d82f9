"""Help > Keyboard shortcuts (F1): every shortcut of the window, read from its actions, and how
to move about without a mouse."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for what, keys in rows:
            self.table.addTopLevelItem(QTreeWidgetItem([what, keys]))
        hint = QLabel(
            self.tr(
                "Tab and Shift+Tab move between controls; Enter opens the case on a selected line; "
                "Alt with an underlined letter presses that button or opens that menu."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def rows(self) -> list[tuple[str, str]]:
        items = [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]
        return [(item.text(0), item.text(1)) for item in items if item is not None]
