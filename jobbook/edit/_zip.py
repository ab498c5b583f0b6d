"""A zip archive copied member by member: unchanged members byte for byte (local header, data and
data descriptor as they were, in the same order), changed members written anew.

Python's ``zipfile`` can only recompress what it copies; an editor that promises "every other part
stays byte for byte" copies the stored bytes instead. Zip64 archives (over 4 GB or 65,535 members)
are refused: no workbook a person keeps by hand comes near that.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import NotAWorkbook

_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_CENTRAL_FMT = "<4s6H3L5H2L"  # signature .. local header offset (46 bytes)
_LOCAL_FMT = "<4s5H3L2H"  # signature .. extra length (30 bytes)
_CHUNK = 1 << 20


@dataclass
class Member:
    """One member as stored: its central directory record and where its local record lies."""

    name: str
    central: bytes  # the whole central directory record (fixed part, name, extra, comment)
    start: int  # offset of the local header
    end: int  # end of the local record (data and any data descriptor)
    method: int
    flags: int


def _zip64_fail(path) -> NotAWorkbook:
    return NotAWorkbook(
        f"{path}: the workbook is a Zip64 archive (over 4 GB); jobbook cannot edit it"
    )


def members(fh: BinaryIO, path: object = "") -> tuple[list[Member], bytes]:
    """The members of the zip open as `fh`, in central directory order, and the archive comment."""
    fh.seek(0, 2)
    size = fh.tell()
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0:
        raise NotAWorkbook(f"{path}: the workbook is damaged (no zip directory)")
    (_, disk, _, n_disk, n_total, cd_size, cd_offset, comment_len) = struct.unpack(
        "<4s4H2LH", tail[at : at + 22]
    )
    if 0xFFFF in (n_disk, n_total) or 0xFFFFFFFF in (cd_size, cd_offset) or disk:
        raise _zip64_fail(path)
    comment = tail[at + 22 : at + 22 + comment_len]
    fh.seek(cd_offset)
    cd = fh.read(cd_size)
    out: list[Member] = []
    pos = 0
    for _ in range(n_total):
        fixed = struct.unpack(_CENTRAL_FMT, cd[pos : pos + 46])
        if fixed[0] != _CENTRAL:
            raise NotAWorkbook(f"{path}: the workbook is damaged (bad zip directory)")
        flags, method = fixed[3], fixed[4]
        csize, usize = fixed[8], fixed[9]
        name_len, extra_len, comment_len = fixed[10], fixed[11], fixed[12]
        offset = fixed[16]
        if 0xFFFFFFFF in (csize, usize, offset):
            raise _zip64_fail(path)
        record = cd[pos : pos + 46 + name_len + extra_len + comment_len]
        raw_name = record[46 : 46 + name_len]
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
        out.append(Member(name, record, offset, 0, method, flags))
        pos += len(record)
    starts = sorted({m.start for m in out} | {cd_offset})
    following = {s: starts[i + 1] for i, s in enumerate(starts[:-1])}
    for m in out:
        m.end = following[m.start]
    return out, comment


def _copy(src: BinaryIO, dst: BinaryIO, start: int, end: int) -> None:
    src.seek(start)
    left = end - start
    while left:
        block = src.read(min(_CHUNK, left))
        if not block:
            raise NotAWorkbook("the workbook is truncated")
        dst.write(block)
        left -= len(block)


def read_member(fh: BinaryIO, m: Member) -> Iterator[bytes]:
    """The uncompressed content of member `m`, in chunks (each read seeks first, so that other
    reads of `fh` in between do no harm)."""
    fh.seek(m.start)
    head = struct.unpack(_LOCAL_FMT, fh.read(30))
    if head[0] != _LOCAL:
        raise NotAWorkbook(f"the workbook is damaged (bad zip entry {m.name})")
    if m.method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise NotAWorkbook(f"the workbook uses an unknown compression for {m.name}")
    pos = m.start + 30 + head[9] + head[10]
    left = struct.unpack(_CENTRAL_FMT, m.central[:46])[8]
    inflate = zlib.decompressobj(-15) if m.method == zipfile.ZIP_DEFLATED else None
    while left:
        fh.seek(pos)
        block = fh.read(min(_CHUNK, left))
        if not block:
            raise NotAWorkbook(f"the workbook is truncated (in {m.name})")
        left -= len(block)
        pos += len(block)
        try:
            yield inflate.decompress(block) if inflate else block
        except zlib.error as exc:
            raise NotAWorkbook(f"the workbook is damaged ({m.name}: {exc})") from exc
    if inflate:
        yield inflate.flush()


@dataclass
class Prepared:
    """A member's new content, compressed into a temporary file, with what its headers need."""

    data: BinaryIO
    method: int
    crc: int = 0
    csize: int = 0
    usize: int = 0


def prepare(chunks: Iterable[bytes], method: int = zipfile.ZIP_DEFLATED) -> Prepared:
    """Compress `chunks` into a temporary file (deflate, or stored when `method` says so)."""
    import tempfile

    out = Prepared(tempfile.TemporaryFile(), method)  # noqa: SIM115 (closed with the edit)
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15) if method == zipfile.ZIP_DEFLATED else None
    for chunk in chunks:
        if not chunk:
            continue
        out.crc = zlib.crc32(chunk, out.crc)
        out.usize += len(chunk)
        data = deflate.compress(chunk) if deflate else chunk
        out.csize += len(data)
        out.data.write(data)
    if deflate:
        data = deflate.flush()
        out.csize += len(data)
        out.data.write(data)
    if max(out.usize, out.csize) > 0xFFFFFFFF:
        raise _zip64_fail("")
    return out


def rewrite(
    src: BinaryIO,
    dst: BinaryIO,
    change: dict[str, Prepared | None],
    add: dict[str, Prepared] | None = None,
) -> None:
    """Copy the zip `src` to `dst`: a member named in `change` is written from its prepared content
    (None drops it); every other member is copied as stored. `add` appends new members."""
    listing, comment = members(src)
    central: list[bytes] = []
    for m in listing:
        if m.name not in change:
            offset = dst.tell()
            _copy(src, dst, m.start, m.end)
            central.append(m.central[:42] + struct.pack("<L", offset) + m.central[46:])
        elif change[m.name] is not None:
            central.append(_write_member(dst, m.name, change[m.name], m.central))
    for name, prepared in (add or {}).items():
        central.append(_write_member(dst, name, prepared, None))
    cd_offset = dst.tell()
    for record in central:
        dst.write(record)
    cd_size = dst.tell() - cd_offset
    if len(central) > 0xFFFF or cd_offset > 0xFFFFFFFF:
        raise _zip64_fail("")
    dst.write(
        struct.pack(
            "<4s4H2LH", _EOCD, 0, 0, len(central), len(central), cd_size, cd_offset, len(comment)
        )
        + comment
    )


def _write_member(dst: BinaryIO, name: str, new: Prepared, old: bytes | None) -> bytes:
    """Write one member (local header, data); return its central directory record. Name, time
    and attributes are those of the member it replaces."""
    raw_name = name.encode("utf-8")
    if old is not None:
        fixed = struct.unpack(_CENTRAL_FMT, old[:46])
        flags, mtime, mdate = fixed[3] & 0x800, fixed[5], fixed[6]
        made_by, internal, external = fixed[1], fixed[14], fixed[15]
    else:
        flags = 0x800 if any(b > 127 for b in raw_name) else 0
        mtime, mdate = 0, (2026 - 1980) << 9 | 1 << 5 | 1
        made_by, internal, external = 20, 0, 0o600 << 16
    offset = dst.tell()
    if offset > 0xFFFFFFFF:
        raise _zip64_fail(name)
    sizes = (new.crc, new.csize, new.usize)
    dst.write(
        struct.pack(
            _LOCAL_FMT, _LOCAL, 20, flags, new.method, mtime, mdate, *sizes, len(raw_name), 0
        )
        + raw_name
    )
    new.data.seek(0)
    while block := new.data.read(_CHUNK):
        dst.write(block)
    fields = (made_by, 20, flags, new.method, mtime, mdate, *sizes, len(raw_name), 0, 0, 0)
    return struct.pack(_CENTRAL_FMT, _CENTRAL, *fields, internal, external, offset) + raw_name
