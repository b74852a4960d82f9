"""The case summary as a PDF, made in memory (QTextDocument -> QPdfWriter on a QBuffer).

Every value is HTML-escaped; the font is DejaVu Sans where installed, which covers the names reps
meet (Vietnamese, Polish, Turkish...), so the PDF's text layer holds them as typed."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from casevault.gui.pdf_writer import document_pdf, ensure_application, text_font

if TYPE_CHECKING:
    from casevault.core.model import CaseDetail
    from casevault.vault.facade import Vault


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseSummary", text)


def _when(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _day(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _para(text: str) -> str:
    return "<br/>".join(_e(line) for line in text.splitlines()) if text else ""


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def summary_html(case: CaseDetail) -> str:
    parts = _header(case) + _first_meeting(case) + _actions(case) + _trail(case) + _documents(case)
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _header(case: CaseDetail) -> list[str]:
    s = case.summary
    parts = [
        f"<h1>{_e(_tr('Case summary'))}</h1>",
        "<table cellpadding='3'>",
        f"<tr><td><b>{_e(_tr('Member'))}</b></td><td>{_e(case.member.name)}</td></tr>",
        f"<tr><td><b>{_e(_tr('Reference'))}</b></td><td>{_e(s.ref)}</td></tr>",
        f"<tr><td><b>{_e(_tr('Type'))}</b></td><td>{_e(s.case_type)}</td></tr>",
        f"<tr><td><b>{_e(_tr('Status'))}</b></td><td>{_e(s.status)}</td></tr>",
        f"<tr><td><b>{_e(_tr('Opened'))}</b></td><td>{_e(_day(s.opened_at))}</td></tr>",
    ]
    if case.title:
        parts.append(f"<tr><td><b>{_e(_tr('Title'))}</b></td><td>{_e(case.title)}</td></tr>")
    parts.append("</table>")
    return parts


def _first_meeting(case: CaseDetail) -> list[str]:
    m = case.first_meeting
    yes, no = _tr("yes"), _tr("no")
    parts = [f"<h2>{_e(_tr('First meeting'))}</h2>"]
    parts.append(f"<p><b>{_e(_tr('Held'))}:</b> {_e(_when(m.held_at) or _tr('not recorded'))}</p>")
    if m.issues:
        parts.append(f"<p><b>{_e(_tr('Issues agreed'))}:</b></p><ul>")
        parts += [f"<li>{_e(issue)}</li>" for issue in m.issues]
        parts.append("</ul>")
    if m.narrative:
        parts.append(f"<p><b>{_e(_tr('Narrative'))}:</b><br/>{_para(m.narrative)}</p>")
    flags = [
        (_tr("Dismissal threatened"), m.dismissal_threatened),
        (_tr("Discrimination alleged"), m.discrimination_alleged),
        (_tr("Confidentiality explained"), m.confidentiality_explained),
    ]
    parts.append("<p>" + "<br/>".join(f"{_e(label)}: {_e(yes if v else no)}" for label, v in flags) + "</p>")
    if m.originals_received:
        parts.append(f"<p><b>{_e(_tr('Originals received'))}:</b> {_para(m.originals_received)}</p>")
    if m.member_decision:
        parts.append(f"<p><b>{_e(_tr('Decision of the member'))}:</b> {_para(m.member_decision)}</p>")
    return parts


def _actions(case: CaseDetail) -> list[str]:
    parts = [f"<h2>{_e(_tr('Action points'))}</h2>"]
    if case.action_points:
        parts.append("<ul>")
        for a in case.action_points:
            state = _tr("done {0}").format(_day(a.done_at)) if a.done_at else _tr("open")
            due = f" ({_e(_tr('due'))} {_e(_day(a.due_at))})" if a.due_at else ""
            owner = f" — {_e(a.owner)}" if a.owner else ""
            parts.append(f"<li>{_e(a.what)}{owner}{due}: {_e(state)}</li>")
        parts.append("</ul>")
    else:
        parts.append(f"<p>{_e(_tr('None.'))}</p>")
    return parts


def _trail(case: CaseDetail) -> list[str]:
    parts = [f"<h2>{_e(_tr('Paper trail'))}</h2>"]
    if case.events:
        for ev in case.events:
            terms = f" [{_e(ev.terms)}]" if ev.terms else ""
            parts.append(
                f"<p><b>{_e(_when(ev.occurred_at))} — {_e(ev.kind)}</b>{terms}<br/>{_para(ev.body)}</p>"
            )
    else:
        parts.append(f"<p>{_e(_tr('None.'))}</p>")
    return parts


def _documents(case: CaseDetail) -> list[str]:
    parts = [f"<h2>{_e(_tr('Documents'))}</h2>"]
    if case.attachments:
        parts.append("<table cellpadding='3' border='0'>")
        parts.append(
            f"<tr><th align='left'>{_e(_tr('Name'))}</th><th align='left'>{_e(_tr('Size'))}</th>"
            f"<th align='left'>{_e(_tr('Added'))}</th></tr>"
        )
        for doc in case.attachments:
            parts.append(
                f"<tr><td>{_e(doc.name)}</td><td>{_e(_size(doc.size))}</td><td>{_e(_day(doc.added_at))}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p>{_e(_tr('None.'))}</p>")
    return parts


def summary_document(case: CaseDetail) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(text_font(10))
    doc.setHtml(summary_html(case))
    return doc


def render_summary(vault: Vault, ref: str) -> bytes:
    """The case summary of `ref` as PDF bytes, in memory only (a QGuiApplication must exist)."""
    return document_pdf(summary_document(vault.case(ref)), _tr("Case summary"))


def render_offscreen(vault: Vault, ref: str) -> bytes:
    """`render_summary` for a process without a Qt application, such as the command line."""
    ensure_application()
    return render_summary(vault, ref)
