"""Mail as job seekers receive it, made with the stdlib email package for the mail tests and the
benchmark (issue 24): plain, HTML-only and alternative bodies in UTF-8, latin-1 and windows-1252,
quoted-printable, base64 and 8bit; calendar invitations (REQUEST, CANCEL, a higher SEQUENCE);
attachments; mbox files (mboxrd escaping), .eml folders and .zip archives of both.

Senders follow the tracking systems' real patterns (``no-reply@us.greenhouse-mail.io``,
``relx@myworkday.com``, ``Acme via SmartRecruiters``...) with made-up employers and people.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

UTC = dt.UTC
BERLIN = dt.timezone(dt.timedelta(hours=1))


def when(day: str, hour: int = 9, minute: int = 12, tz: dt.tzinfo = UTC) -> dt.datetime:
    y, m, d = map(int, day.split("-"))
    return dt.datetime(y, m, d, hour, minute, tzinfo=tz)


def ics(
    *,
    uid: str,
    start: dt.datetime,
    minutes: int = 45,
    method: str = "REQUEST",
    sequence: int = 0,
    summary: str = "Interview",
    organizer: tuple[str, str] = ("Tom Moreau", "tom.moreau@acme.example"),
    attendees: tuple[tuple[str, str], ...] = (("Jamie Rivera", "jamie@example.org"),),
    location: str = "",
    description: str = "",
    tzid: str | None = "Europe/Berlin",
    status: str | None = None,
) -> str:
    """An iCalendar text as Google Calendar, Outlook and schedulers send it."""
    end = start + dt.timedelta(minutes=minutes)
    if tzid:
        stamp = f";TZID={tzid}:{start:%Y%m%dT%H%M%S}"
        stamp_end = f";TZID={tzid}:{end:%Y%m%dT%H%M%S}"
    else:
        s, e = start.astimezone(UTC), end.astimezone(UTC)
        stamp, stamp_end = f":{s:%Y%m%dT%H%M%SZ}", f":{e:%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"DTSTART{stamp}",
        f"DTEND{stamp_end}",
        "DTSTAMP:20260301T090000Z",
        f'ORGANIZER;CN="{organizer[0]}":mailto:{organizer[1]}',
        f"UID:{uid}",
        *(
            f'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="{n}":mailto:{a}'
            for n, a in attendees
        ),
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{summary}",
        *([f"LOCATION:{location}"] if location else []),
        *([f"DESCRIPTION:{description}"] if description else []),
        f"STATUS:{status or ('CANCELLED' if method == 'CANCEL' else 'CONFIRMED')}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def message(
    *,
    sender: str,
    subject: str,
    date: dt.datetime,
    text: str | None = None,
    html: str | None = None,
    to: str = "Jamie Rivera <jamie@example.org>",
    charset: str = "utf-8",
    cte: str | None = None,
    message_id: str | None = None,
    calendar: str | None = None,
    calendar_as_attachment: bool = False,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
    headers: dict[str, str] | None = None,
) -> bytes:
    """One message as bytes. `sender` is ``Name <addr>`` or an address; `cte` the transfer encoding
    of the text parts (quoted-printable, base64, 8bit; default: the email package's choice)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    if message_id is None:
        digest = hashlib.sha1(f"{sender}{subject}{date}".encode()).hexdigest()[:16]
        message_id = f"<{digest}@mail.example>"
    if message_id:
        msg["Message-ID"] = message_id
    for k, v in (headers or {}).items():
        msg[k] = v
    extra = {"cte": cte} if cte else {}
    if text is not None:
        msg.set_content(text, charset=charset, **extra)
        if html is not None:
            msg.add_alternative(html, subtype="html", charset=charset, **extra)
    elif html is not None:
        msg.set_content(html, subtype="html", charset=charset, **extra)
    else:
        msg.set_content("", charset=charset)
    if calendar is not None:
        method = "CANCEL" if "METHOD:CANCEL" in calendar else "REQUEST"
        data = calendar.encode("utf-8")
        if calendar_as_attachment:
            msg.add_attachment(data, maintype="application", subtype="ics", filename="invite.ics")
        else:
            if not msg.is_multipart():
                msg.make_alternative()
            part = EmailMessage(policy=policy.SMTP)
            part.set_content(data, maintype="text", subtype="calendar", cte="base64")
            part.set_param("method", method)
            part.set_param("charset", "UTF-8")
            msg.attach(part)
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def labelled_message(
    k: int,
    sender: str,
    subject: str,
    body: str,
    encodings: list[tuple[str, str | None]],
    **fields,
) -> bytes:
    """The k-th message of a labelled set: its charset and transfer encoding the k-th of
    `encodings` in turn (UTF-8 where that charset cannot hold the text), its body HTML when it
    starts with ``<``; `fields` as ``message`` takes them (date, message_id, calendar...)."""
    charset, cte = encodings[k % len(encodings)]
    try:
        (subject + body).encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    html = body.startswith("<")
    return message(
        sender=sender, subject=subject, text=None if html else body, html=body if html else None,
        charset=charset, cte=cte, **fields,
    )  # fmt: skip


def named(name: str, address: str) -> str:
    return formataddr((name, address))


def mbox(messages: list[bytes], escape: bool = True) -> bytes:
    """An mbox (mboxrd: a body line starting with ``From `` or ``>From `` gets one more ``>``)."""
    out = io.BytesIO()
    for k, raw in enumerate(messages):
        out.write(f"From sender{k}@example Thu Mar  5 09:12:00 2026\n".encode())
        for line in raw.replace(b"\r\n", b"\n").split(b"\n"):
            if escape and line.lstrip(b">").startswith(b"From "):
                line = b">" + line
            out.write(line + b"\n")
        out.write(b"\n")
    return out.getvalue()


def write_mbox(path: Path, messages: list[bytes]) -> Path:
    path.write_bytes(mbox(messages))
    return path


def write_folder(folder: Path, messages: list[bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k, raw in enumerate(messages, 1):
        (folder / f"{k:04d}.eml").write_bytes(raw)
    return folder


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path
