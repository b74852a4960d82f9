"""The Help menu's links are the reps' guide's own addresses, opened over https."""

from __future__ import annotations

from pathlib import Path

from casevault.casework import help_links

SEEDS = Path("/work/shared/seeds")


def test_the_links_are_the_guides() -> None:
    assert [(link.key, link.url) for link in help_links.LINKS] == [
        ("acas", "https://www.acas.org.uk"),
        ("gov-uk-working", "https://www.gov.uk/browse/working"),
        ("ucu-support", "https://ucu.custhelp.com/"),
        ("regional-office", "https://www.ucu.org.uk/yourcontacts"),
    ]
    assert help_links.BY_KEY["acas"] is help_links.ACAS


def test_each_url_appears_in_the_guide_when_it_is_available() -> None:
    guide = SEEDS / "000_58e23c414f717d9f.txt"
    if not guide.exists():
        return  # the seeds live outside the repository
    text = guide.read_text(encoding="utf-8")
    for link in help_links.LINKS:
        assert link.url.startswith("https://"), link.url
        guides = {link.url, link.url.replace("https://", "http://", 1)}
        assert any(f"({url})" in text or f"<{url}>" in text for url in guides), link.url
