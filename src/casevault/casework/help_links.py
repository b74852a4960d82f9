"""Where to look things up before advising: the links from the reps' guide ("Useful links and
further support"), at the guide's own addresses (over https). The Help menu shows them; other hints can
point at them by key. Pure: the titles are marked for translation, no Qt here.

The guide: "When offering technical advice, eg what the law is on a particular point - take your
time and look it up, or contact the regional office for guidance."
"""

from __future__ import annotations

from typing import NamedTuple

from casevault.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "casework"


class HelpLink(NamedTuple):
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("casework", ...)
    url: str  # the guide's address, over https (each site serves it; the guide says http)


ACAS = HelpLink("acas", QT_TRANSLATE_NOOP("casework", "ACAS"), "https://www.acas.org.uk")
GOV_UK_WORKING = HelpLink(
    "gov-uk-working",
    QT_TRANSLATE_NOOP("casework", "Government services information (GOV.UK: Working)"),
    "https://www.gov.uk/browse/working",
)
UCU_SUPPORT = HelpLink(
    "ucu-support", QT_TRANSLATE_NOOP("casework", "UCU Support Centre"), "https://ucu.custhelp.com/"
)
REGIONAL_OFFICE = HelpLink(
    "regional-office",
    QT_TRANSLATE_NOOP("casework", "Your UCU regional office (contact details)"),
    "https://www.ucu.org.uk/yourcontacts",
)

LINKS: tuple[HelpLink, ...] = (ACAS, GOV_UK_WORKING, UCU_SUPPORT, REGIONAL_OFFICE)
BY_KEY = {link.key: link for link in LINKS}

LOOK_IT_UP = QT_TRANSLATE_NOOP(
    "casework",
    "Before advising on a point of law, take your time and look it up, or ask your regional office "
    "for guidance.",
)
