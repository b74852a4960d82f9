"""Contacting members: a warning for work email addresses, and mail drafts that use Bcc.

Pure: no Qt, no I/O. The desktop app shows the warning and opens the mailto: URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from casevault.core.i18n import QT_TRANSLATE_NOOP

# The reps' guide on confidentiality: "Remember to check with the member which email address they
# would prefer you to use. It is usually best if you do not use their work email account." The
# guide gives no separate reason for that sentence; the reason it gives for the surrounding
# advice is that casework must be "kept separated from your employer's business files", and a
# work mailbox is the employer's system.
WORK_EMAIL_WARNING = QT_TRANSLATE_NOOP(
    "casework",
    "This looks like a work email address at the member's employer. The reps' guide says it is "
    "usually best not to use a member's work email account, and that casework should be kept "
    "separate from the employer's business. Check with the member which address they would "
    "prefer you to use.",
)


def _domain(text: str) -> str | None:
    """A domain in one comparable form: trimmed, without trailing dots, IDNA (punycode),
    lower case. None when it is not a usable domain."""
    text = text.strip().rstrip(".").lstrip("@")
    if not text:
        return None
    try:
        # Python's "idna" codec (IDNA 2003) also casefolds/maps the Unicode labels, so
        # "BÜCHER.de" and "xn--bcher-kva.de" come out the same.
        ascii_form = text.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return ascii_form.lower()


def work_email_warning(email: str, employer_domains: Iterable[str]) -> str | None:
    """WORK_EMAIL_WARNING when the address is at an employer domain or one of its subdomains
    ("j.doe@mail.acme.co.uk" for "acme.co.uk"), None otherwise. An address that cannot be parsed
    gets None: validating addresses is someone else's job, and this is only advice."""
    local, at, domain_text = email.strip().rpartition("@")
    if not at or not local:
        return None
    domain = _domain(domain_text)
    if domain is None:
        return None
    for employer_text in employer_domains:
        employer = _domain(employer_text)
        if employer is None:
            continue
        # Label-wise: "acme.co.uk.evil.com" and "notacme.co.uk" are not acme.co.uk.
        if domain == employer or domain.endswith("." + employer):
            return WORK_EMAIL_WARNING
    return None


def bcc_mailto(addresses: Iterable[str], subject: str = "") -> str:
    """A `mailto:` URL (RFC 6068) with every address in Bcc and none in To, so recipients do not
    see each other's (often personal) addresses, as the guide advises. No body and no attachments:
    sensitive documents go by a secure method, not an unencrypted draft.

    Raises ValueError for an address containing control characters, which could smuggle extra
    header fields into the draft."""
    seen: set[str] = set()
    encoded: list[str] = []
    for raw in addresses:
        address = raw.strip()
        if not address or address.casefold() in seen:
            continue
        if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in address):
            raise ValueError("An email address contains control characters.")
        seen.add(address.casefold())
        # Only "@" stays literal; ",", "&", "?", "=", "+", "%" and non-ASCII are percent-encoded
        # (UTF-8) so they cannot end the address list or start another header field.
        encoded.append(quote(address, safe="@"))
    fields = []
    if encoded:
        fields.append("bcc=" + ",".join(encoded))
    # A subject is one line; line breaks become spaces rather than header-looking text.
    subject = " ".join(subject.split())
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    return "mailto:" + ("?" + "&".join(fields) if fields else "")


def letter_mailto(to: str, subject: str, body: str) -> str:
    """A `mailto:` URL (RFC 6068) for a letter to the member: their preferred address in To, the
    subject on one line, and the letter as the body with CRLF line breaks. Copies to anyone else
    are the rep's to add, in Bcc (the dialog says so). Raises ValueError for an address with
    control characters or more than one address, which could add recipients or header fields."""
    address = to.strip()
    if not address:
        raise ValueError("There is no address to write to.")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in address) or "," in address or ";" in address:
        raise ValueError("The email address is not a single, plain address.")
    fields = []
    subject = " ".join(subject.split())
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    text = "\r\n".join(body.replace("\r\n", "\n").split("\n"))
    if text:
        fields.append("body=" + quote(text, safe=""))
    return "mailto:" + quote(address, safe="@") + ("?" + "&".join(fields) if fields else "")
