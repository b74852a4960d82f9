"""A writer of Compound File Binary files ([MS-CFB] version 3) and, on top of it, of Outlook .msg
files ([MS-OXMSG]), for tests and benchmarks of casevault's .msg reader.

Why a writer of our own: tests need .msg files of any shape (tens of megabytes, embedded messages,
8-bit strings) and hostile ones (FAT loops, lying sizes) without shipping binary fixtures, and the
files must not come from casevault's own code, or a reader bug and a writer bug could cancel out.
So this module imports nothing from casevault and only the standard library; olefile (and, when
checked by hand, extract-msg) read what it writes.

The CFB layout is the simplest valid one: 512-byte sectors written in the order directory,
MiniFAT, mini stream, the large streams one after another, then the FAT and the DIFAT sectors.
Every chain is contiguous, which keeps writing fast for large files.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

# --- [MS-CFB] ----------------------------------------------------------------------------------

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
_IDS_PER_SECTOR = SECTOR // 4  # FAT entries in one FAT sector
_DIFAT_IDS = _IDS_PER_SECTOR - 1  # a DIFAT sector's last id points to the next DIFAT sector
_HEADER_DIFAT = 109  # FAT sector ids held in the header itself

MAXREGSECT = 0xFFFFFFFA
DIFSECT = 0xFFFFFFFC
FATSECT = 0xFFFFFFFD
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF

_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_DIRENTRY = struct.Struct("<64sHBBIII16sIQQIQ")
_STGTY_STORAGE, _STGTY_STREAM, _STGTY_ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_ILLEGAL_NAME_CHARS = frozenset("/\\:!")


@dataclass
class Storage:
    """A CFB storage: streams (name -> bytes) and sub-storages (name -> Storage).

    Plain dicts so a test can build, inspect or tamper with a tree before writing it.
    """

    streams: dict[str, bytes] = field(default_factory=dict)
    storages: dict[str, Storage] = field(default_factory=dict)


@dataclass(eq=False)
class _Entry:
    """One directory entry while the file is laid out (a sid, its tree links and its chain)."""

    name: str
    kind: int
    path: str
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN
    count: int = 0  # sectors (or mini sectors) in the chain
    mini: bool = False


def _check_name(name: str, where: str) -> None:
    """[MS-CFB] 2.6.1: at most 31 UTF-16 code units, never '/', '\\', ':' or '!'.

    Raised here rather than written, because olefile would quietly truncate or mangle such names
    and a test would then fail far from its cause.
    """
    units = len(name.encode("utf-16-le")) // 2
    if not 1 <= units <= 31:
        raise ValueError(f"CFB name {name!r} in {where!r} must have 1 to 31 UTF-16 code units")
    if _ILLEGAL_NAME_CHARS & set(name):
        raise ValueError(f"CFB name {name!r} in {where!r} holds one of / \\ : !")


def _sort_key(name: str) -> tuple[int, tuple[int, ...]]:
    """CFB's sibling order ([MS-CFB] 2.6.4): shorter names first, then upper-cased UTF-16 units.

    A character whose upper case is longer than one character (such as 'ß') is kept as it is,
    as the simple case mapping the spec asks for does.
    """
    upper = "".join(c.upper() if len(c.upper()) == 1 else c for c in name)
    raw = upper.encode("utf-16-le")
    return len(name.encode("utf-16-le")) // 2, struct.unpack(f"<{len(raw) // 2}H", raw)


def _flatten(root: Storage) -> list[_Entry]:
    """The directory entries of a tree, root first (sid 0), with each storage's children sorted."""
    entries: list[_Entry] = []

    def visit(storage: Storage, entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        prefix = f"{entry.path}/" if entry.path else ""
        kids = [_Entry(n, _STGTY_STREAM, prefix + n, data=bytes(d)) for n, d in storage.streams.items()]
        kids += [_Entry(n, _STGTY_STORAGE, prefix + n) for n in storage.storages]
        kids.sort(key=lambda e: _sort_key(e.name))
        for a, b in itertools.pairwise(kids):
            if _sort_key(a.name) == _sort_key(b.name):
                raise ValueError(f"{a.path!r} and {b.path!r} are the same name to CFB")
        for kid in kids:
            _check_name(kid.name, entry.path or "/")
        entry.children = kids
        for kid in kids:
            if kid.kind == _STGTY_STORAGE:
                visit(storage.storages[kid.name], kid)
            else:
                kid.sid = len(entries)
                entries.append(kid)

    visit(root, _Entry("Root Entry", _STGTY_ROOT, ""))
    return entries


def _link_siblings(kids: list[_Entry]) -> int:
    """Links sorted siblings into a balanced binary search tree and returns its root's sid.

    Splitting at the median leaves every level full but the deepest, so colouring that level red
    and all others black gives a valid red-black tree (equal black height on every path, no red
    node under a red one), which is stricter than readers need: olefile ignores the colours.
    """
    depth: dict[int, int] = {}

    def build(part: list[_Entry], level: int) -> int:
        if not part:
            return NOSTREAM
        mid = len(part) // 2
        node = part[mid]
        depth[node.sid] = level
        node.left = build(part[:mid], level + 1)
        node.right = build(part[mid + 1 :], level + 1)
        return node.sid

    top = build(kids, 0)
    deepest = max(depth.values(), default=0)
    for kid in kids:
        kid.color = _RED if deepest and depth[kid.sid] == deepest else _BLACK
    return top


def _chain(table: list[int], count: int) -> int:
    """Appends a contiguous chain of `count` sectors to a FAT or MiniFAT; returns its start."""
    start = len(table)
    table.extend(range(start + 1, start + count))
    table.append(ENDOFCHAIN)
    return start


def _padded(data: bytes, size: int) -> bytes:
    """Data padded with zeros to a whole number of `size`-byte sectors."""
    return data + b"\0" * (-len(data) % size)


def _fat_layout(data_sectors: int) -> tuple[int, int]:
    """How many FAT and DIFAT sectors a file of `data_sectors` other sectors needs.

    The FAT must also describe the FAT and DIFAT sectors themselves, hence the search.
    """
    fat = -(-data_sectors // _IDS_PER_SECTOR)
    while True:
        difat = -(-max(0, fat - _HEADER_DIFAT) // _DIFAT_IDS)
        if fat * _IDS_PER_SECTOR >= data_sectors + fat + difat:
            return fat, difat
        fat += 1


def write_cfb(
    root: Storage, *, loop_stream: str | None = None, lie_size: dict[str, int] | None = None
) -> bytes:
    """The bytes of a CFB version 3 file holding `root` (the root storage's streams and storages).

    Streams under 4096 bytes go into the mini stream (held by the root entry, chained by the
    MiniFAT), larger ones into regular sectors; FAT sectors are listed in the header's 109 DIFAT
    slots and, past those, in a chain of DIFAT sectors. Empty streams have no sectors.

    Two hostile knobs, for tests of readers; paths name streams with "/" between storage names,
    as olefile's `openstream` takes them (KeyError for a path that is no stream):
    - `loop_stream`: that stream's last sector (mini sector for a small stream) points back to its
      first instead of to ENDOFCHAIN, a FAT (or MiniFAT) loop.
    - `lie_size`: the directory entry of each named stream gives that size instead of the real
      one. Placement still follows the real size, so a lie across the 4096 cutoff also sends a
      reader to the wrong table.
    """
    lie_size = dict(lie_size or {})
    entries = _flatten(root)
    streams = {e.path: e for e in entries if e.kind == _STGTY_STREAM}
    for path in [*lie_size, *([loop_stream] if loop_stream is not None else [])]:
        if path not in streams:
            raise KeyError(f"no stream {path!r} in the tree (streams: {sorted(streams)})")
    for entry in entries:
        if entry.kind != _STGTY_STREAM:
            entry.child = _link_siblings(entry.children)

    # Small streams: the mini stream and its MiniFAT.
    minifat: list[int] = []
    mini_parts: list[bytes] = []
    for entry in streams.values():
        if 0 < len(entry.data) < MINI_CUTOFF:
            entry.mini = True
            entry.count = -(-len(entry.data) // MINI_SECTOR)
            entry.start = _chain(minifat, entry.count)
            mini_parts.append(_padded(entry.data, MINI_SECTOR))
    mini_stream = b"".join(mini_parts)

    # Regular sectors, in file order.
    fat: list[int] = []
    dir_start = _chain(fat, -(-len(entries) // 4))
    minifat_sectors = -(-len(minifat) * 4 // SECTOR)
    minifat_start = _chain(fat, minifat_sectors) if minifat else ENDOFCHAIN
    root_entry = entries[0]
    if mini_stream:
        root_entry.count = -(-len(mini_stream) // SECTOR)
        root_entry.start = _chain(fat, root_entry.count)
    big = [e for e in streams.values() if len(e.data) >= MINI_CUTOFF]
    for entry in big:
        entry.count = -(-len(entry.data) // SECTOR)
        entry.start = _chain(fat, entry.count)
    if len(fat) > MAXREGSECT:
        raise ValueError("too many sectors for CFB")

    if loop_stream is not None:
        looped = streams[loop_stream]
        if looped.count:  # an empty stream has no sector to loop
            table = minifat if looped.mini else fat
            table[looped.start + looped.count - 1] = looped.start

    n_fat, n_difat = _fat_layout(len(fat))
    n_sectors = len(fat) + n_fat + n_difat
    fat_ids = list(range(len(fat), len(fat) + n_fat))
    difat_ids = list(range(len(fat) + n_fat, len(fat) + n_fat + n_difat))
    fat += [FATSECT] * n_fat + [DIFSECT] * n_difat
    fat += [FREESECT] * (n_fat * _IDS_PER_SECTOR - len(fat))
    minifat += [FREESECT] * (minifat_sectors * _IDS_PER_SECTOR - len(minifat))

    # The directory.
    root_entry.data = mini_stream
    dir_parts = []
    for entry in entries:
        raw_name = entry.name.encode("utf-16-le") + b"\0\0"
        is_storage = entry.kind == _STGTY_STORAGE
        size = 0 if is_storage else lie_size.get(entry.path, len(entry.data))
        start = 0 if is_storage else entry.start
        tree = (entry.kind, entry.color, entry.left, entry.right, entry.child)
        dir_parts.append(_DIRENTRY.pack(raw_name, len(raw_name), *tree, b"\0" * 16, 0, 0, 0, start, size))
    unused = _DIRENTRY.pack(b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"\0" * 16, 0, 0, 0, 0, 0)
    dir_parts += [unused] * (-len(entries) % 4)

    # The DIFAT: 109 ids in the header, then chained DIFAT sectors of 127 ids and a next pointer.
    header_difat = fat_ids[:_HEADER_DIFAT] + [FREESECT] * (_HEADER_DIFAT - min(n_fat, _HEADER_DIFAT))
    difat_parts = []
    rest = fat_ids[_HEADER_DIFAT:]
    for i in range(n_difat):
        ids = rest[i * _DIFAT_IDS : (i + 1) * _DIFAT_IDS]
        ids += [FREESECT] * (_DIFAT_IDS - len(ids))
        following = difat_ids[i + 1] if i + 1 < len(difat_ids) else ENDOFCHAIN
        difat_parts.append(struct.pack(f"<{_IDS_PER_SECTOR}I", *ids, following))

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        _SIGNATURE, b"\0" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6,
        0,  # directory sectors: must be 0 in version 3
        n_fat, dir_start, 0, MINI_CUTOFF, minifat_start, minifat_sectors,
        difat_ids[0] if difat_ids else ENDOFCHAIN, n_difat, *header_difat,
    )  # fmt: skip
    parts = [header, *dir_parts]
    parts.append(struct.pack(f"<{len(minifat)}I", *minifat))
    parts.append(_padded(mini_stream, SECTOR))
    parts += [_padded(e.data, SECTOR) for e in big]
    parts.append(struct.pack(f"<{len(fat)}I", *fat))
    parts += difat_parts
    out = b"".join(parts)
    assert len(out) == SECTOR * (1 + n_sectors), "a part of the file is not whole sectors"
    return out


# --- [MS-OXMSG] --------------------------------------------------------------------------------

PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_OBJECT = 0x000D
PT_STRING8 = 0x001E
PT_UNICODE = 0x001F
PT_SYSTIME = 0x0040
PT_BINARY = 0x0102

_PROP_FLAGS = 6  # PROPATTR_READABLE | PROPATTR_WRITABLE
_STORE_UNICODE_OK = 0x00040000  # PR_STORE_SUPPORT_MASK bit: strings are PT_UNICODE
_CP1252 = 1252
_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
PROPERTIES = "__properties_version1.0"
NAMEID = "__nameid_version1.0"
EMBEDDED = "__substg1.0_3701000D"


@dataclass
class Attachment:
    """An attachment: by value (PR_ATTACH_METHOD 1) unless `embedded` is set (method 5).

    `mime` is PR_ATTACH_MIME_TAG; it is omitted when empty, as senders often omit it.
    """

    filename: str
    data: bytes = b""
    mime: str = ""
    embedded: Message | None = None  # attach method 5 (afEmbeddedMessage): a message inside the message


@dataclass
class Recipient:
    """A recipient row; `kind` is PR_RECIPIENT_TYPE: 1 To, 2 Cc, 3 Bcc."""

    name: str
    address: str
    kind: int = 1


@dataclass
class Message:
    """The fields of a message that a .msg reader is expected to find.

    Each maps to one or two MAPI properties (see `message_storage`); empty values are omitted
    rather than written empty, as Outlook leaves unset properties out, so tests also cover readers
    meeting absent ones.
    """

    subject: str = ""
    sender_name: str = ""
    sender_address: str = ""
    recipients: list[Recipient] = field(default_factory=list)
    sent_at: datetime | None = None  # PR_CLIENT_SUBMIT_TIME, PT_SYSTIME; naive means UTC
    body: str | None = None  # PR_BODY
    html: bytes | None = None  # PR_HTML (0x1013), PT_BINARY
    message_id: str = ""  # PR_INTERNET_MESSAGE_ID 0x1035
    in_reply_to: str = ""  # PR_IN_REPLY_TO_ID 0x1042
    references: str = ""  # PR_INTERNET_REFERENCES 0x1039
    conversation_index: bytes = b""  # PR_CONVERSATION_INDEX 0x0071, PT_BINARY
    transport_headers: str = ""  # PR_TRANSPORT_MESSAGE_HEADERS 0x007D
    attachments: list[Attachment] = field(default_factory=list)
    # False: strings as PT_STRING8 (0x001E) in cp1252 instead of PT_UNICODE (0x001F, UTF-16LE).
    unicode: bool = True
    # Raw streams added to the message storage last (so they may replace generated ones), for
    # hostile tests; names only, to reach deeper edit the Storage from `message_storage`.
    extra_streams: dict[str, bytes] = field(default_factory=dict)


def filetime(moment: datetime) -> int:
    """A datetime as a FILETIME: 100 ns ticks since 1601-01-01 UTC (naive datetimes are UTC).

    Integer arithmetic on the timedelta, because a float of ~1.3e17 ticks would lose microseconds.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _FILETIME_EPOCH
    return (delta.days * 86_400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


def substg(prop_id: int, prop_type: int) -> str:
    """The name of the stream (or storage) holding a variable-size property's value."""
    return f"__substg1.0_{prop_id << 16 | prop_type:08X}"


def short_filename(filename: str) -> str:
    """An 8.3 form of a file name for PR_ATTACH_FILENAME ("Quarterly report.pdf" -> "QUARTE~1.PDF").

    Readers should prefer PR_ATTACH_LONG_FILENAME; this gives them a realistic fallback to test.
    """

    def clean(part: str) -> str:
        return "".join(c for c in part.upper() if c.isascii() and (c.isalnum() or c in "_-~!#$%&'()@^{}"))

    stem, dot, ext = filename.rpartition(".")
    if not dot or not stem:
        stem, ext = filename, ""
    short_stem, short_ext = clean(stem) or "FILE", clean(ext)[:3]
    if len(short_stem) > 8 or short_stem != stem.upper():
        short_stem = short_stem[:6] + "~1"
    return short_stem + (f".{short_ext}" if short_ext else "")


class _Props:
    """Collects one storage's property entries and the value streams of its variable-size ones.

    [MS-OXMSG] 2.4.2: each entry is 16 bytes (tag, flags, 8-byte value); fixed-size values are
    inline, variable-size ones give a size there and live in a `__substg1.0_` stream.
    """

    def __init__(self, unicode: bool) -> None:
        self.unicode = unicode
        self.entries: dict[int, bytes] = {}
        self.streams: dict[str, bytes] = {}

    def _entry(self, prop_id: int, prop_type: int, value: bytes) -> None:
        tag = prop_id << 16 | prop_type
        self.entries[tag] = struct.pack("<II", tag, _PROP_FLAGS) + value

    def long(self, prop_id: int, value: int) -> None:
        self._entry(prop_id, PT_LONG, struct.pack("<I4x", value & 0xFFFFFFFF))

    def systime(self, prop_id: int, moment: datetime | None) -> None:
        if moment is not None:
            self._entry(prop_id, PT_SYSTIME, struct.pack("<Q", filetime(moment)))

    def _variable(self, prop_id: int, prop_type: int, data: bytes, size: int) -> None:
        self._entry(prop_id, prop_type, struct.pack("<I4x", size))
        self.streams[substg(prop_id, prop_type)] = data

    def string(self, prop_id: int, text: str | None) -> None:
        """A string property; its size counts the terminator, which the stream itself omits.

        [MS-OXMSG] 2.4.2.2: the size is the stream's length plus 2 (PT_UNICODE) or 1
        (PT_STRING8) for the terminating null, which is how Outlook writes them. PT_STRING8
        encodes strictly, so a test string outside cp1252 fails here, not in a later comparison.
        """
        if not text:
            return
        if self.unicode:
            data = text.encode("utf-16-le")
            self._variable(prop_id, PT_UNICODE, data, len(data) + 2)
        else:
            data = text.encode("cp1252")
            self._variable(prop_id, PT_STRING8, data, len(data) + 1)

    def binary(self, prop_id: int, data: bytes | None, *, keep_empty: bool = False) -> None:
        if data or (keep_empty and data is not None):
            self._variable(prop_id, PT_BINARY, bytes(data), len(data))

    def object(self, prop_id: int) -> None:
        """A PT_OBJECT entry: its value is a storage, and the entry's size is 0xFFFFFFFF."""
        self._entry(prop_id, PT_OBJECT, struct.pack("<I4x", 0xFFFFFFFF))

    def storage(self, header: bytes) -> Storage:
        """The storage: the property stream (entries in tag order), then the value streams."""
        table = header + b"".join(self.entries[tag] for tag in sorted(self.entries))
        return Storage(streams={PROPERTIES: table, **self.streams})


def _storage_size(storage: Storage) -> int:
    """Bytes in all streams below a storage: PR_ATTACH_SIZE of an embedded message."""
    return sum(map(len, storage.streams.values())) + sum(map(_storage_size, storage.storages.values()))


def _recipient_storage(recipient: Recipient, row: int, unicode: bool) -> Storage:
    """A `__recip_version1.0_#` storage ([MS-OXMSG] 2.2.1): its header is 8 reserved bytes."""
    props = _Props(unicode)
    props.string(0x3001, recipient.name)  # PR_DISPLAY_NAME
    props.string(0x3003, recipient.address)  # PR_EMAIL_ADDRESS
    props.string(0x39FE, recipient.address)  # PR_SMTP_ADDRESS
    props.long(0x0C15, recipient.kind)  # PR_RECIPIENT_TYPE
    props.long(0x3000, row)  # PR_ROWID
    return props.storage(b"\0" * 8)


def _attachment_storage(attachment: Attachment, number: int, unicode: bool) -> Storage:
    """An `__attach_version1.0_#` storage ([MS-OXMSG] 2.2.2): its header is 8 reserved bytes.

    A by-value attachment always has PR_ATTACH_DATA_BIN, even empty: a zero-byte file is a real
    attachment, and a missing data stream is a separate hostile case (use `extra_streams` or edit
    the Storage). An embedded message goes in the `__substg1.0_3701000D` sub-storage.
    """
    props = _Props(unicode)
    props.string(0x3707, attachment.filename)  # PR_ATTACH_LONG_FILENAME
    props.string(0x3704, short_filename(attachment.filename))  # PR_ATTACH_FILENAME
    props.string(0x370E, attachment.mime)  # PR_ATTACH_MIME_TAG
    props.long(0x0E21, number)  # PR_ATTACH_NUM
    inner = None
    if attachment.embedded is not None:
        inner = message_storage(attachment.embedded, top=False)
        props.long(0x3705, 5)  # PR_ATTACH_METHOD: afEmbeddedMessage
        props.long(0x0E20, _storage_size(inner))  # PR_ATTACH_SIZE
        props.object(0x3701)  # PR_ATTACH_DATA_OBJ
    else:
        props.long(0x3705, 1)  # PR_ATTACH_METHOD: afByValue
        props.long(0x0E20, len(attachment.data))  # PR_ATTACH_SIZE
        props.binary(0x3701, attachment.data, keep_empty=True)  # PR_ATTACH_DATA_BIN
    storage = props.storage(b"\0" * 8)
    if inner is not None:
        storage.storages[EMBEDDED] = inner
    return storage


def message_storage(message: Message, *, top: bool = True) -> Storage:
    """The storage of a message: the top-level one (`top`) or one embedded in an attachment.

    The property stream's header is 32 bytes at the top and 24 in an embedded message
    ([MS-OXMSG] 2.4.1): reserved, next recipient id, next attachment id, recipient and attachment
    counts. Only the top level has the named-property mapping `__nameid_version1.0`, present but
    empty since these messages use no named properties.

    Beyond the fields of `Message`, every message gets PR_MESSAGE_CLASS "IPM.Note" and
    PR_STORE_SUPPORT_MASK (STORE_UNICODE_OK or not), and an 8-bit one PR_MESSAGE_CODEPAGE 1252,
    which is how readers know which string type and code page to expect.
    """
    props = _Props(message.unicode)
    props.string(0x001A, "IPM.Note")  # PR_MESSAGE_CLASS
    props.string(0x0037, message.subject)  # PR_SUBJECT
    props.string(0x0C1A, message.sender_name)  # PR_SENDER_NAME
    props.string(0x0C1F, message.sender_address)  # PR_SENDER_EMAIL_ADDRESS
    props.string(0x5D01, message.sender_address)  # PR_SENDER_SMTP_ADDRESS
    props.string(0x0042, message.sender_name)  # PR_SENT_REPRESENTING_NAME
    for prop_id, kind in ((0x0E04, 1), (0x0E03, 2), (0x0E02, 3)):  # PR_DISPLAY_TO, _CC, _BCC
        props.string(prop_id, "; ".join(r.name for r in message.recipients if r.kind == kind))
    props.string(0x1000, message.body)  # PR_BODY
    props.binary(0x1013, message.html)  # PR_HTML
    props.string(0x1035, message.message_id)  # PR_INTERNET_MESSAGE_ID
    props.string(0x1042, message.in_reply_to)  # PR_IN_REPLY_TO_ID
    props.string(0x1039, message.references)  # PR_INTERNET_REFERENCES
    props.binary(0x0071, message.conversation_index)  # PR_CONVERSATION_INDEX
    props.string(0x007D, message.transport_headers)  # PR_TRANSPORT_MESSAGE_HEADERS
    props.systime(0x0039, message.sent_at)  # PR_CLIENT_SUBMIT_TIME
    props.systime(0x0E06, message.sent_at)  # PR_MESSAGE_DELIVERY_TIME
    props.long(0x340D, _STORE_UNICODE_OK if message.unicode else 0)  # PR_STORE_SUPPORT_MASK
    if not message.unicode:
        props.long(0x3FFD, _CP1252)  # PR_MESSAGE_CODEPAGE

    n_recip, n_attach = len(message.recipients), len(message.attachments)
    header = struct.pack("<8xIIII", n_recip, n_attach, n_recip, n_attach) + (b"\0" * 8 if top else b"")
    storage = props.storage(header)
    for row, recipient in enumerate(message.recipients):
        storage.storages[f"__recip_version1.0_#{row:08X}"] = _recipient_storage(
            recipient, row, message.unicode
        )
    for number, attachment in enumerate(message.attachments):
        storage.storages[f"__attach_version1.0_#{number:08X}"] = _attachment_storage(
            attachment, number, message.unicode
        )
    if top:
        storage.storages[NAMEID] = Storage(
            streams={substg(n, PT_BINARY): b"" for n in (0x0002, 0x0003, 0x0004)}
        )
    storage.streams.update(message.extra_streams)
    return storage


def write_msg(
    message: Message, *, loop_stream: str | None = None, lie_size: dict[str, int] | None = None
) -> bytes:
    """The bytes of a .msg file: `write_cfb(message_storage(message), ...)` with the same knobs."""
    return write_cfb(message_storage(message), loop_stream=loop_stream, lie_size=lie_size)
