"""Editing letter templates in the app (gui/letter_template_dialog.py): a refused template keeps
the rep's text and says why in one sentence; a saved edit or a new template is what the letter
dialog then makes; reset brings casevault's text back."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from casevault.gui.letter_dialog import LetterDialog
from casevault.gui.letter_template_dialog import LetterTemplateDialog
from casevault.vault.facade import Vault


def test_a_refused_template_keeps_the_text_and_a_good_one_is_used(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz")
    letter = LetterDialog(vault, ref)
    qtbot.addWidget(letter)
    letter.show()
    letter.edit_template_button.click()
    editor = letter.template_dialog
    qtbot.waitUntil(editor.isVisible)
    assert editor.code.isReadOnly() and editor.code.text() == "advice-confirmation"
    assert editor.reset_button is None  # casevault's own text: nothing to reset
    editor.body.setPlainText("{% include '/etc/passwd' %}")
    editor.primary.click()
    assert (
        editor.isVisible()
        and editor.message.text() == "A letter template cannot include or import other templates."
    )
    assert editor.body.toPlainText() == "{% include '/etc/passwd' %}"
    editor.body.setPlainText("Dear {{ member.name }}, in short: yes.")
    editor.primary.click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert letter.text.toPlainText() == "Dear Ana Ruiz, in short: yes.\n"
    assert vault.letter_template("advice-confirmation").edited

    again = LetterTemplateDialog(vault, "advice-confirmation")
    qtbot.addWidget(again)
    assert (
        again.reset_button is not None
        and again.reset_button.text().replace("&", "") == "Reset to casevault's text"
    )
    again.reset_button.click()
    assert not vault.letter_template("advice-confirmation").edited


def test_a_new_template_needs_a_name_and_a_title(qtbot: QtBot, vault: Vault) -> None:
    dialog = LetterTemplateDialog(vault, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.code.isReadOnly()
    dialog.body.setPlainText("Claim for {{ case.ref }}")
    dialog.code.setText("Pay claim")
    dialog.primary.click()
    assert "lower-case letters" in dialog.message.text() and dialog.isVisible()
    dialog.code.setText("pay-claim")
    dialog.primary.click()
    assert dialog.message.text() == "A letter template needs a title."
    dialog.title_edit.setText("Pay claim")
    dialog.primary.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    own = vault.letter_template("pay-claim")
    assert (own.title, own.shipped) == ("Pay claim", False)
    delete = LetterTemplateDialog(vault, "pay-claim")
    qtbot.addWidget(delete)
    assert (
        delete.reset_button is not None and delete.reset_button.text().replace("&", "") == "Delete template"
    )
