"""Mail the user exported, as a stream of raw messages: an mbox (Gmail Takeout, Thunderbird,
Apple Mail's ``Name.mbox`` folder), a folder of ``.eml`` files, or a ``.zip`` of either.

Streamed: an mbox is read line by line and each message is handed on as soon as it ends, so a
1 GB Takeout mbox (or one inside a .zip, read from the archive without unpacking it) costs the
memory of its largest message, not of the file. The stdlib ``mailbox.mbox`` is not used to split:
it scans the whole file for a table of contents before the first message and needs a file on disk;
the split here is the same (a ``From `` line after a blank line starts a message; mboxrd's
``>From `` lines lose one ``>``). Nothing is written to disk; nothing inside a message is opened.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import MailUnreadable, one_line

MAX_MESSAGE = 64 * 1024 * 1024  # a message over this is reported and skipped (not held in memory)
_LINE = 1024 * 1024  # read at most this much of a line at once
_ENVELOPE = re.compile(rb"^From \S*.*\d")  # "From sender Thu Mar  5 09:12:00 2026"
_ESCAPED = re.compile(rb"^>+From ")
_HEADER = re.compile(rb"^[\x21-\x39\x3b-\x7e]+:")  # a header name and a colon
_SKIPPED_NAMES = (
    ".msf",
    ".plist",
    ".ds_store",
    ".dat",
    ".sqlite",
    ".json",
    ".html",
    ".txt",
    ".csv",
)

__all__ = ["MAX_MESSAGE", "Raw", "count_bytes", "read_sources"]


@dataclass(frozen=True)
class Raw:
    """One message as stored: its bytes and where it was found (for the user: file and number)."""

    data: bytes | None  # None: too big to hold (``MAX_MESSAGE``); reported, never parsed
    origin: str  # "inbox.mbox #12", "takeout.zip:Mail/All mail.mbox #3", "mail/offer.eml"
    envelope: bytes | None = None  # the mbox ``From `` line (its date is a fallback)
    truncated: bool = False  # the mbox ended in the middle of this message (no final newline)
    size: int = 0


Progress = Callable[[int], None]  # called with the number of bytes read since the last call


def _kind(head: bytes) -> str | None:
    """ "mbox", "eml" or None from a file's first bytes."""
    head = head.lstrip(b"\r\n")
    if head.startswith(b"From ") and _ENVELOPE.match(head.split(b"\n", 1)[0]):
        return "mbox"
    if _HEADER.match(head):
        return "eml"
    return None


def split_mbox(fh, name: str, progress: Progress | None = None) -> Iterator[Raw]:
    """The messages of the mbox stream `fh` (binary), one at a time."""
    lines: list[bytes] = []
    size = 0
    envelope: bytes | None = None
    started = False
    blank_before = True
    number = 0
    last = b""

    def finish(truncated: bool) -> Raw:
        nonlocal number
        number += 1
        body = b"".join(lines) if size <= MAX_MESSAGE else None
        if body is not None and body.endswith(b"\n\n"):
            body = body[:-1]  # the blank line that separates it from the next From line
        return Raw(body, f"{name} #{number}", envelope, truncated, size)

    for line in iter(lambda: fh.readline(_LINE), b""):
        if progress is not None:
            progress(len(line))
        last = line
        if blank_before and line.startswith(b"From ") and _ENVELOPE.match(line):
            if started:
                yield finish(False)
            lines, size, envelope, started = [], 0, line.rstrip(b"\r\n"), True
            blank_before = False
            continue
        if not started:  # text before the first From line: not a message
            blank_before = line.strip() == b""
            continue
        if _ESCAPED.match(line):
            line = line[1:]
        size += len(line)
        if size <= MAX_MESSAGE:
            lines.append(line)
        elif lines:
            lines = []  # too big: counted, not kept
        blank_before = line in (b"\n", b"\r\n")
    if started:
        yield finish(not last.endswith(b"\n"))


def _read_eml(fh, origin: str, progress: Progress | None) -> Raw:
    data = fh.read(MAX_MESSAGE + 1)
    size = len(data)
    rest = 0
    if size > MAX_MESSAGE:
        while chunk := fh.read(_LINE):
            rest += len(chunk)
        data = None
    if progress is not None:
        progress(size + rest)
    return Raw(data, origin, None, False, size + rest)


def _from_zip(path: Path, progress: Progress | None) -> Iterator[Raw]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise MailUnreadable(f"{path}: not a readable .zip ({one_line(exc)})") from exc
    with archive:
        for info in archive.infolist():
            name = info.filename
            base = name.rsplit("/", 1)[-1]
            if info.is_dir() or name.startswith("__MACOSX/") or base.startswith("."):
                if progress is not None:
                    progress(info.compress_size)
                continue
            origin = f"{path.name}:{name}"
            try:
                with archive.open(info) as member:
                    kind = _kind(member.read(512))
                if kind is None:
                    if progress is not None:
                        progress(info.compress_size)
                    continue
                with archive.open(info) as member:
                    counted = _Counted(member, progress, info)
                    if kind == "mbox":
                        yield from split_mbox(io.BufferedReader(counted, _LINE), origin)
                    else:
                        yield _read_eml(counted, origin, None)
                    counted.settle()
            except RuntimeError as exc:  # an encrypted member
                raise MailUnreadable(f"{origin}: cannot be read ({one_line(exc)})") from exc
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise MailUnreadable(f"{origin}: the archive is damaged ({one_line(exc)})") from exc


class _Counted(io.RawIOBase):
    """A zip member that reports progress in bytes of the archive (compressed), so that the bar
    over a .zip reaches its end."""

    def __init__(self, member, progress: Progress | None, info: zipfile.ZipInfo):
        self._member, self._progress, self._info = member, progress, info
        self._read = 0
        self._told = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._member.read(len(buffer))
        buffer[: len(data)] = data
        self._read += len(data)
        self._tell()
        return len(data)

    def read(self, size: int = -1) -> bytes:
        data = self._member.read(size)
        self._read += len(data)
        self._tell()
        return data

    def _tell(self) -> None:
        if self._progress is None or not self._info.file_size:
            return
        share = int(self._info.compress_size * self._read / self._info.file_size)
        if share > self._told:
            self._progress(share - self._told)
            self._told = share

    def settle(self) -> None:
        if self._progress is not None and self._info.compress_size > self._told:
            self._progress(self._info.compress_size - self._told)
            self._told = self._info.compress_size


def _from_file(path: Path, progress: Progress | None, nested: bool = False) -> Iterator[Raw]:
    if zipfile.is_zipfile(path):  # a .zip's members are mail, never another .zip
        yield from _from_zip(path, progress)
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise MailUnreadable(f"{path}: cannot be read ({one_line(exc)})") from exc
    with fh:
        kind = _kind(fh.read(512))
        fh.seek(0)
        if kind == "mbox":
            yield from split_mbox(fh, path.name, progress)
        elif kind == "eml":
            yield _read_eml(fh, path.name, progress)
        elif not nested:
            raise MailUnreadable(
                f"{path}: not a mailbox (an mbox starts with a 'From ' line, an .eml with "
                "headers such as 'From:'); give an mbox, a folder of .eml files or a .zip of them"
            )
        elif progress is not None:
            progress(path.stat().st_size)


def _folder_files(folder: Path) -> list[Path]:
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or f.lower().endswith(_SKIPPED_NAMES):
                continue
            out.append(Path(root) / f)
    return out


def count_bytes(sources: list[Path]) -> int:
    """The bytes that ``read_sources`` will read, for a progress bar."""
    total = 0
    for s in sources:
        files = _folder_files(s) if s.is_dir() else [s]
        total += sum(f.stat().st_size for f in files if f.is_file())
    return total


def check_sources(sources: list[Path]) -> None:
    """Every source exists: MailUnreadable naming the first that does not, before any work."""
    for s in sources:
        if not s.exists():
            raise MailUnreadable(f"{s}: no such file or folder")
        if s.is_dir() and not _folder_files(s):
            raise MailUnreadable(f"{s}: an empty folder (no .eml or mbox files in it)")


def read_sources(sources: list[Path], progress: Progress | None = None) -> Iterator[Raw]:
    """Every message of every source, in order: an mbox's in its order, a folder's files sorted by
    path (an Apple Mail ``Name.mbox`` folder holds a file ``mbox``), a .zip's members in the
    archive's order. A source that is not a mailbox at all is a MailUnreadable error; inside a
    folder, files that are not mail (``.msf`` indexes, ``Info.plist``) are passed over."""
    check_sources(sources)
    for s in sources:
        if s.is_dir():
            for f in _folder_files(s):
                yield from _from_file(f, progress, nested=True)
        else:
            yield from _from_file(s, progress)
