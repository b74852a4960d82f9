"""An Outlook .msg ([MS-OXMSG]) read into memory for the paper trail, within the email bounds.

A .msg is a Compound File (MS-CFB) of MAPI properties. olefile reads the container (it is the
container reader extract-msg itself is built on): it refuses sector chains that run out of the
file, and reads every chain by a loop fixed by the stream's declared size, so a looping chain
cannot run for ever. Two of its costs grow faster than its input, and `_BoundedOle` caps them: it
keeps the streams it has seen in a list (quadratic in their number), and it builds the whole
directory at once. The property layer over it is small and documented, and is read here rather
than through extract-msg: that library adds fifteen packages (an RTF parser, BeautifulSoup, a Tk
toolkit by way of oletools) for parts casevault does not want, and reads every stream whole with
no bound of ours. Here each stream's size is checked against what is left of the budget before
it is read, and everything read together never exceeds the size of the file itself, which is all
an honest file can hold.

Nothing is written anywhere: olefile reads from the bytes given (an io.BytesIO), and so does this.
A fault in the container is `MsgRefusedError` with one sentence; a message read only in part (too many
attachments, too deep, out of time) says so in `cut`."""

from __future__ import annotations

import codecs
import re
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import olefile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Directory entries read. A message has about 60 streams, each attachment 10, each recipient 10:
# a message with the most attachments casevault reads (MAX_PARTS) needs about 3,000.
MAX_OLE_ENTRIES = 8192
MAX_RECIPIENTS = 500  # read; the recipients field shows far fewer
MAX_PROPERTY_BYTES = 64 << 10  # of one __properties_version1.0 stream: 4,000 properties
MAX_TEXT_BYTES = 4 << 20  # of a body, as stored
MAX_SHORT_BYTES = 8 << 10  # of a subject, a name, an address

PT_LONG, PT_BOOLEAN, PT_SYSTIME = 0x0003, 0x000B, 0x0040
PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT = 0x001E, 0x001F, 0x0102, 0x000D
ATTACH_BY_VALUE, ATTACH_EMBEDDED_MSG = 1, 5
RECIPIENT_TO, RECIPIENT_CC = 1, 2
# [MS-OXMSG] 2.4.1: the header before the property entries, by the storage's place.
_TOP_HEADER, _EMBEDDED_HEADER, _CHILD_HEADER = 32, 24, 8
_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_ID = re.compile(r"<[^<>\s]{1,250}>")
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})""", re.IGNORECASE)


class MsgRefusedError(Exception):
    """The file is not a .msg that can be read; `args[0]` is one sentence that names no content."""


@dataclass(frozen=True)
class MsgLimits:
    """What one message may cost, whatever it says of itself. `clock` is monotonic seconds."""

    max_parts: int  # attachments read, at every depth together
    max_depth: int  # messages inside messages
    max_seconds: float
    clock: Callable[[], float] = time.monotonic


@dataclass(frozen=True)
class MsgAttachment:
    name: str  # as the message gives it: the caller makes it storable
    kind: str  # its MIME type, "" when not given
    data: bytes = b""
    message: MsgMessage | None = None  # an Outlook item attached to the message


@dataclass(frozen=True)
class MsgMessage:
    subject: str = ""
    sender: str = ""
    recipients: str = ""
    copied: str = ""
    sent_at: datetime | None = None  # in UTC
    body: str = ""
    html: str = ""  # the HTML body as text markup, when there is no plain one
    rtf_only: bool = False  # the text is held only as compressed RTF, which is not read
    headers: bytes = b""  # the internet headers of a message received by Outlook, if it kept them
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    conversation: str = ""  # the thread part of Outlook's conversation index, in hex
    attachments: tuple[MsgAttachment, ...] = ()
    cut: frozenset[str] = frozenset()  # "parts", "time", "body": what was not read in full


def is_msg(data: bytes) -> bool:
    return data[:8] == OLE_MAGIC


class _BoundedOle(olefile.OleFileIO):  # type: ignore[misc]
    """olefile with its directory capped at MAX_OLE_ENTRIES and its check for streams used twice
    by a set instead of a list (it runs once per entry)."""

    def __init__(self, data: bytes) -> None:
        self._entries_loaded = 0
        self._seen_fat: set[int] = set()
        self._seen_minifat: set[int] = set()
        super().__init__(data, raise_defects=olefile.DEFECT_INCORRECT)

    def _load_direntry(self, sid: int) -> object:
        self._entries_loaded += 1
        if self._entries_loaded > MAX_OLE_ENTRIES:
            raise MsgRefusedError("The message holds too many parts to read.")
        return super()._load_direntry(sid)

    def _check_duplicate_stream(self, first_sect: int, minifat: bool = False) -> None:
        if not minifat and first_sect in (
            olefile.DIFSECT,
            olefile.FATSECT,
            olefile.ENDOFCHAIN,
            olefile.FREESECT,
        ):
            return
        seen = self._seen_minifat if minifat else self._seen_fat
        if first_sect in seen:
            self._raise_defect(olefile.DEFECT_INCORRECT, "Stream referenced twice")
        seen.add(first_sect)


def read_msg(data: bytes, limits: MsgLimits) -> MsgMessage:
    """The message in `data`. Raises MsgRefusedError for a file that is not a readable .msg."""
    if not is_msg(data):
        raise MsgRefusedError("The file is not an Outlook message.")
    try:
        ole = _BoundedOle(data)
    except MsgRefusedError:
        raise
    except RecursionError:
        raise MsgRefusedError("The message's structure is nested too deeply to read.") from None
    except Exception:  # olefile raises OSError, ValueError, struct.error, IndexError… on damage
        raise MsgRefusedError("The message is damaged or is not an Outlook message.") from None
    reader = _Reader(ole, len(data), limits)
    try:
        with ole:
            return reader.message("", _TOP_HEADER, 0)
    except MsgRefusedError:
        raise
    except RecursionError:
        raise MsgRefusedError("The message's structure is nested too deeply to read.") from None
    except Exception:
        raise MsgRefusedError("The message is damaged or is not an Outlook message.") from None


@dataclass
class _Properties:
    fixed: dict[int, bytes] = field(default_factory=dict)  # tag -> its 8-byte value


class _Reader:
    def __init__(self, ole: _BoundedOle, size: int, limits: MsgLimits) -> None:
        self._ole = ole
        self._left = size  # bytes of streams still to read: an honest file holds no more
        self._limits = limits
        self._deadline = limits.clock() + limits.max_seconds
        self._parts = 0
        self.cut: set[str] = set()
        self._entries = {"/".join(path) for path in ole.listdir(streams=True, storages=True)}

    # ---- streams -----------------------------------------------------------------------------

    def _stream(self, path: str, cap: int | None) -> bytes | None:
        """The stream at `path` (None when absent), refusing one larger than what is left of the
        budget; only its first `cap` bytes are kept."""
        if path not in self._entries or self._ole.get_type(path) != olefile.STGTY_STREAM:
            return None
        size = self._ole.get_size(path)
        if size > self._left:
            raise MsgRefusedError("The message's parts claim more data than the file holds.")
        self._left -= size
        with self._ole.openstream(path) as stream:
            data: bytes = stream.read()
        if cap is not None and len(data) > cap:
            self.cut.add("body")
            data = data[:cap]
        return data

    def _in_time(self) -> bool:
        if self._limits.clock() > self._deadline:
            self.cut.add("time")
            return False
        return True

    # ---- properties --------------------------------------------------------------------------

    def _properties(self, prefix: str, header: int) -> _Properties:
        raw = self._stream(prefix + "__properties_version1.0", MAX_PROPERTY_BYTES) or b""
        found = _Properties()
        for offset in range(header, len(raw) - 15, 16):
            tag = struct.unpack_from("<I", raw, offset)[0]
            found.fixed[tag] = raw[offset + 8 : offset + 16]
        return found

    def _long(self, props: _Properties, prop: int) -> int | None:
        value = props.fixed.get(prop << 16 | PT_LONG)
        return None if value is None else struct.unpack("<i", value[:4])[0]

    def _time(self, props: _Properties, prop: int) -> datetime | None:
        value = props.fixed.get(prop << 16 | PT_SYSTIME)
        if value is None:
            return None
        ticks = struct.unpack("<Q", value)[0]
        try:
            moment = _FILETIME_EPOCH + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None
        return moment if 1980 <= moment.year <= 2200 else None

    def _text(self, prefix: str, prop: int, codec: str, cap: int = MAX_SHORT_BYTES) -> str:
        wide = self._stream(f"{prefix}__substg1.0_{prop:04X}{PT_UNICODE:04X}", cap)
        if wide is not None:
            return wide.decode("utf-16-le", "replace").split("\x00", 1)[0]
        narrow = self._stream(f"{prefix}__substg1.0_{prop:04X}{PT_STRING8:04X}", cap)
        if narrow is not None:
            return narrow.split(b"\x00", 1)[0].decode(codec, "replace")
        return ""

    def _binary(self, prefix: str, prop: int, cap: int | None) -> bytes:
        return self._stream(f"{prefix}__substg1.0_{prop:04X}{PT_BINARY:04X}", cap) or b""

    # ---- the message -------------------------------------------------------------------------

    def message(self, prefix: str, header: int, depth: int) -> MsgMessage:
        props = self._properties(prefix, header)
        codec = _codec(self._long(props, 0x3FFD) or self._long(props, 0x3FDE))

        def text(prop: int, cap: int = MAX_SHORT_BYTES) -> str:
            return self._text(prefix, prop, codec, cap)

        to, cc = self._recipients(prefix, codec)
        headers = text(0x007D, MAX_TEXT_BYTES).encode("utf-8", "replace")
        body = text(0x1000, MAX_TEXT_BYTES)
        html = "" if body.strip() else self._html(prefix, props, codec)
        rtf = (
            not (body.strip() or html.strip()) and f"{prefix}__substg1.0_1009{PT_BINARY:04X}" in self._entries
        )
        index = self._binary(prefix, 0x0071, 64)
        sender_name, address = text(0x0C1A), text(0x5D01) or text(0x0C1F)
        return MsgMessage(
            subject=text(0x0037),
            sender=_person(sender_name, address),
            recipients=to or text(0x0E04),
            copied=cc or text(0x0E03),
            # Sent, else received, else (a draft never sent) when it was saved.
            sent_at=self._time(props, 0x0039) or self._time(props, 0x0E06) or self._time(props, 0x3007),
            body=body,
            html=html,
            rtf_only=rtf,
            headers=headers,
            message_id=_first_id(text(0x1035)),
            in_reply_to=_first_id(text(0x1042)),
            references=tuple(_ID.findall(text(0x1039)))[:50],
            conversation=index[:22].hex() if len(index) >= 22 else "",
            attachments=self._attachments(prefix, codec, depth),
            cut=frozenset(self.cut),
        )

    def _html(self, prefix: str, props: _Properties, codec: str) -> str:
        markup = self._binary(prefix, 0x1013, MAX_TEXT_BYTES)
        if not markup:
            return self._text(prefix, 0x1013, codec, MAX_TEXT_BYTES)
        declared = _META_CHARSET.search(markup[:4096])
        internet = self._long(props, 0x3FDE)
        chosen = _codec(internet) if internet else codec
        if declared is not None:
            chosen = _known_codec(declared.group(1).decode("ascii"), chosen)
        return markup.decode(chosen, "replace")

    def _recipients(self, prefix: str, codec: str) -> tuple[str, str]:
        lists: dict[int, list[str]] = {RECIPIENT_TO: [], RECIPIENT_CC: []}
        for number in range(MAX_RECIPIENTS):
            storage = f"{prefix}__recip_version1.0_#{number:08X}/"
            if storage[:-1] not in self._entries:
                break
            props = self._properties(storage, _CHILD_HEADER)
            kind = self._long(props, 0x0C15)
            if kind not in lists:
                continue
            name = self._text(storage, 0x3001, codec)
            address = self._text(storage, 0x39FE, codec) or self._text(storage, 0x3003, codec)
            lists[kind].append(_person(name, address))
            if sum(len(item) for item in lists[kind]) > 2 * MAX_SHORT_BYTES:
                break  # far more than a field shows
        return ", ".join(lists[RECIPIENT_TO]), ", ".join(lists[RECIPIENT_CC])

    def _attachments(self, prefix: str, codec: str, depth: int) -> tuple[MsgAttachment, ...]:
        found: list[MsgAttachment] = []
        number = 0
        while f"{prefix}__attach_version1.0_#{number:08X}" in self._entries:
            if self._parts >= self._limits.max_parts:
                self.cut.add("parts")
                break
            if not self._in_time():
                break
            self._parts += 1
            attachment = self._attachment(f"{prefix}__attach_version1.0_#{number:08X}/", codec, depth)
            if attachment is not None:
                found.append(attachment)
            number += 1
        return tuple(found)

    def _attachment(self, storage: str, codec: str, depth: int) -> MsgAttachment | None:
        props = self._properties(storage, _CHILD_HEADER)
        name = self._text(storage, 0x3707, codec) or self._text(storage, 0x3704, codec)
        name = name or self._text(storage, 0x3001, codec)
        kind = self._text(storage, 0x370E, codec).strip().lower()
        if props.fixed.get(0x7FFE << 16 | PT_BOOLEAN, b"\0")[:1] != b"\0":
            return None  # hidden: a picture the HTML body shows inline, such as a signature's logo
        method = self._long(props, 0x3705)
        if method == ATTACH_EMBEDDED_MSG:
            inner = storage + f"__substg1.0_3701{PT_OBJECT:04X}"
            if inner not in self._entries:
                return None
            if depth + 1 > self._limits.max_depth:
                self.cut.add("parts")
                return None
            return MsgAttachment(
                name, "message/rfc822", message=self.message(inner + "/", _EMBEDDED_HEADER, depth + 1)
            )
        if method not in (ATTACH_BY_VALUE, None):
            return None  # a link to a file elsewhere, or an OLE object: nothing to file
        return MsgAttachment(name, kind, data=self._binary(storage, 0x3701, None))  # the budget bounds it


def _codec(code_page: int | None) -> str:
    if code_page is None or not 0 < code_page < 100_000:
        return "cp1252"
    return _known_codec("utf-8" if code_page == 65001 else f"cp{code_page}", "cp1252")


def _known_codec(name: str, fallback: str) -> str:
    try:
        found = codecs.lookup(name)
    except LookupError:
        return fallback
    return found.name if found._is_text_encoding else fallback


def _person(name: str, address: str) -> str:
    name, address = name.strip(), address.strip()
    if address.startswith("/") or "@" not in address:  # an Exchange directory path, not an address
        address = ""
    if name and address and name.lower() != address.lower():
        return f"{name} <{address}>"
    return name or address


def _first_id(value: str) -> str:
    found = _ID.search(value)
    return found.group(0) if found else ""
