"""`render_offscreen`, the summary PDF's entry point for processes without a Qt application (the
command line, tests/cli/test_summary_offscreen.py): where an application runs, it uses that one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from casevault.gui.summary_pdf import render_offscreen
from casevault.vault.facade import Vault


def test_it_uses_the_running_application(qapp: QApplication, vault: Vault) -> None:
    ref = vault.new_case("Nguyễn Thị Müller")
    assert render_offscreen(vault, ref).startswith(b"%PDF")
    assert render_offscreen(vault, ref).startswith(b"%PDF")  # and again: nothing new is started
    assert QApplication.instance() is qapp
