"""One raw message as the facts jobbook reads: who sent it, when, its subject, the text a reader
sees, and its calendar invitations. Parsed with the stdlib ``email`` package and its default
policy.

- The text is the ``text/plain`` part, else the ``text/html`` part turned into text
  (``html.html_to_text``); quoted-printable and base64 undone; decoded by the charset each part
  declares (``iso-8859-1`` and ``us-ascii`` read as ``windows-1252``, their superset, as every
  browser and mail program does; 8-bit text with no charset as UTF-8, else windows-1252).
- Attachments are never written or opened: only their names are kept. A ``text/calendar`` part
  (or an ``.ics`` attachment) is parsed in memory (``invites``).
- What was quoted from earlier mail (``>`` lines, ``On ... wrote:``, ``Am ... schrieb``,
  ``-----Original Message-----``) is cut, so a reply is read for what it says itself.
- A message that cannot be read (a broken MIME structure, an unknown charset, cut off at the end
  of a truncated mbox, no date) raises ``BadMessage`` naming why: it is reported and skipped.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import email.errors
import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from .invites import Invite, parse_invites
from .sources import Raw

__all__ = ["BadMessage", "Mail", "decode"]

MAX_TEXT = 200_000  # characters of a body read for classification
_FATAL = (
    email.errors.NoBoundaryInMultipartDefect,
    email.errors.StartBoundaryNotFoundDefect,
    email.errors.CloseBoundaryNotFoundDefect,
    email.errors.MultipartInvariantViolationDefect,
    email.errors.MissingHeaderBodySeparatorDefect,
)
_WEB_LATIN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
_QUOTE_START = re.compile(
    r"^(?:On .{4,200}wrote:\s*$|Am .{4,200}schrieb .{0,200}:\s*$|-{2,}\s*Original(?:nachricht| Message)\s*-{2,}"
    r"|-{2,}\s*Forwarded message\s*-{2,}|_{10,}\s*$|From: .+\nSent: |Von: .+\nGesendet: )",
    re.M | re.I,
)
_ENVELOPE_DATE = re.compile(rb"(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})")


class BadMessage(ValueError):
    """A message that cannot be read; the text says why (``unknown charset 'x-foo'``)."""


@dataclass(frozen=True)
class Mail:
    """A message as the classifier reads it."""

    message_id: str  # with its angle brackets; jobbook's own for a message without one
    date: dt.datetime  # aware
    subject: str
    sender_name: str
    sender: str  # the address, lower case
    text: str  # the text a reader sees, quotes of earlier mail cut
    origin: str  # where it was found: "inbox.mbox #12"
    from_html: bool = False
    links: tuple[str, ...] = ()
    invites: tuple[Invite, ...] = ()
    attachments: tuple[str, ...] = ()  # file names, never opened
    reply_to: str = ""
    bulk: bool = False  # List-Unsubscribe, Precedence: bulk/list, Auto-Submitted
    labels: str = ""  # a Gmail export's X-Gmail-Labels ("Inbox,Sent,...")
    problems: tuple[str, ...] = field(
        default=()
    )  # read, with these doubts (a broken calendar part)

    @property
    def domain(self) -> str:
        return self.sender.rsplit("@", 1)[-1] if "@" in self.sender else ""

    @property
    def local_part(self) -> str:
        return self.sender.rsplit("@", 1)[0] if "@" in self.sender else self.sender


def _header(msg: EmailMessage, name: str) -> str:
    """A header's text on one line ("" when missing); a header the default policy cannot parse
    is read as it stands."""
    try:
        value = msg.get(name)
    except (email.errors.HeaderParseError, ValueError, IndexError, TypeError, AttributeError):
        value = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), "")
    return " ".join(str(value or "").split())


def _address(msg: EmailMessage, name: str) -> tuple[str, str]:
    try:
        header = msg.get(name)
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except (email.errors.HeaderParseError, ValueError, IndexError, TypeError, AttributeError):
        addresses = ()
    if addresses:
        a = addresses[0]
        return " ".join(str(a.display_name or "").split()), str(a.addr_spec or "").strip().lower()
    text = _header(msg, name)
    m = re.search(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", text)
    return (text.split("<")[0].strip().strip('"') if m else text), (m.group(0).lower() if m else "")


def _date(msg: EmailMessage, raw: Raw) -> dt.datetime:
    try:
        header = msg.get("Date")
        when = getattr(header, "datetime", None) if header is not None else None
    except (email.errors.HeaderParseError, ValueError, IndexError, TypeError, OverflowError):
        when = None
    if when is None and raw.envelope:
        m = _ENVELOPE_DATE.search(raw.envelope)
        if m:
            try:
                when = dt.datetime.strptime(m.group(1).decode(), "%a %b %d %H:%M:%S %Y")
            except ValueError:
                when = None
    if when is None:
        try:
            when = parsedate_to_datetime(_header(msg, "Date"))
        except (TypeError, ValueError, IndexError):
            raise BadMessage("it has no readable Date") from None
    if when.tzinfo is None:  # "-0000" or an mbox From line: the time is UTC
        when = when.replace(tzinfo=dt.UTC)
    return when


def _charset(part: EmailMessage, data: bytes) -> str:
    declared = (part.get_content_charset() or "").strip().lower()
    if not declared or declared in ("us-ascii", "ascii"):
        if data.isascii():
            return "ascii"
        try:
            data.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            return "cp1252"
    if declared in _WEB_LATIN:
        return "cp1252"
    try:
        codecs.lookup(declared)
    except LookupError:
        raise BadMessage(f"its text is in an unknown charset {declared!r}") from None
    return declared


def _text_of(part: EmailMessage) -> str:
    data = part.get_payload(decode=True) or b""
    if not isinstance(data, bytes):
        data = str(data).encode("utf-8", "replace")
    return data.decode(_charset(part, data), "replace")[:MAX_TEXT]


def _parts(msg: EmailMessage):
    """Every leaf part, not going into attached messages (message/rfc822)."""
    if msg.is_multipart():
        for sub in msg.iter_parts():
            if sub.get_content_type() == "message/rfc822":
                yield sub
                continue
            yield from _parts(sub)
    else:
        yield msg


def cut_quotes(text: str) -> str:
    """The text before what is quoted from earlier mail, without ``>`` lines."""
    m = _QUOTE_START.search(text)
    if m and m.start() > 0:
        text = text[: m.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _own_id(raw: Raw) -> str:
    digest = hashlib.sha1(raw.data or b"", usedforsecurity=False).hexdigest()[:24]
    return f"<{digest}@no-message-id.jobbook.invalid>"


def decode(raw: Raw) -> Mail:
    """The Mail in `raw`; BadMessage when it cannot be read."""
    from .html import html_to_text

    if raw.data is None:
        raise BadMessage(f"it is bigger than {raw.size:,} bytes can be read safely; skipped")
    if raw.truncated:
        raise BadMessage("the mailbox ends in the middle of it (a truncated mbox)")
    msg = email.message_from_bytes(raw.data, policy=policy.default)
    defects = [d for p in _all(msg) for d in p.defects if isinstance(d, _FATAL)]
    if defects:
        raise BadMessage(f"its MIME structure is broken ({defects[0].__class__.__name__})")
    if not any(k for k, _ in msg.raw_items()):
        raise BadMessage("it has no headers")
    plain, html, links, invites, files, problems = [], [], [], [], [], []
    for part in _parts(msg):
        ctype = part.get_content_type()
        try:
            name = part.get_filename() or ""
        except (ValueError, TypeError, email.errors.HeaderParseError):
            name = ""
        disposition = (part.get_content_disposition() or "").lower()
        if ctype in ("text/calendar", "application/ics") or name.lower().endswith(".ics"):
            try:
                invites += parse_invites(part.get_payload(decode=True) or b"")
            except ValueError as exc:
                problems.append(str(exc))
            continue
        if disposition == "attachment" or ctype == "message/rfc822" or name:
            files.append(name or ctype)
            continue
        if ctype == "text/plain":
            plain.append(_text_of(part))
        elif ctype == "text/html":
            html.append(_text_of(part))
    from_html = False
    text = "\n\n".join(t for t in plain if t.strip())
    if not text.strip() and html:
        pieces = [html_to_text(h) for h in html]
        text = "\n\n".join(t for t, _ in pieces)
        links += [link for _, ls in pieces for link in ls]
        from_html = True
    elif html:  # the plain text is read; the HTML twin only gives its links (a video call)
        links += [link for h in html for link in _hrefs(h)]
    sender_name, sender = _address(msg, "From")
    plain_headers = {k.lower(): " ".join(str(v).split()) for k, v in msg.raw_items()}
    message_id = plain_headers.get("message-id", "")[:300] or _own_id(raw)
    bulk = bool(
        plain_headers.get("list-unsubscribe")
        or plain_headers.get("precedence", "").lower() in ("bulk", "list", "junk")
        or plain_headers.get("auto-submitted", "").lower().startswith("auto-generated")
    )
    reply = re.search(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", plain_headers.get("reply-to", ""))
    return Mail(
        message_id=message_id,
        date=_date(msg, raw),
        subject=_header(msg, "Subject")[:1000],
        sender_name=sender_name[:300],
        sender=sender[:300],
        text=cut_quotes(text),
        origin=raw.origin,
        from_html=from_html,
        links=tuple(links[:200]),
        invites=tuple(invites),
        attachments=tuple(files[:50]),
        reply_to=reply.group(0).lower() if reply else "",
        bulk=bulk,
        labels=plain_headers.get("x-gmail-labels", "")[:1000],
        problems=tuple(problems),
    )


_HREF = re.compile(r"""href\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)


def _hrefs(markup: str) -> list[str]:
    return _HREF.findall(markup[:1_000_000])


def _all(msg: EmailMessage):
    yield msg
    if msg.is_multipart():
        for sub in msg.iter_parts():
            yield from _all(sub)
