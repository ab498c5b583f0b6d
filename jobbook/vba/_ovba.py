"""A VBA project ([MS-OVBA]) from module source text: vbaProject.bin without Excel.

Modules are stored as compressed source only: ``_VBA_PROJECT`` says version 0xFFFF and carries no
performance cache, so Office compiles the project from source when it opens the workbook, and
LibreOffice imports it. Deterministic: the same sources give the same bytes.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

from ._cfb import write_cfb

CODEPAGE = 1252
LCID = 0x0409
DOCUMENT_BASES = {  # VB_Base of Excel's document modules
    "workbook": "0{00020819-0000-0000-C000-000000000046}",
    "sheet": "0{00020820-0000-0000-C000-000000000046}",
}
NOT_PROTECTED, NO_PASSWORD, VISIBLE = bytes(4), bytes([0x00]), bytes([0xFF])
STDOLE = "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb#OLE Automation"


@dataclass(frozen=True)
class Module:
    """A VBA module: `source` as exported by the VBA editor (.bas), with its Attribute lines."""

    name: str
    source: str
    document: bool = False  # ThisWorkbook and the sheets' modules


@dataclass(frozen=True)
class ProjectReference:
    """A reference to another VBA project, such as the xlwings add-in (as xlwings' quickstart has)."""

    name: str
    absolute: str  # e.g. *\CC:\...\xlwings.xlam
    relative: str
    major: int = 0
    minor: int = 0


def document_module(name: str, kind: str) -> Module:
    """An empty document module (ThisWorkbook or a sheet) with the attributes Excel writes."""
    lines = [
        f'Attribute VB_Name = "{name}"',
        f'Attribute VB_Base = "{DOCUMENT_BASES[kind]}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = True",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = True",
    ]
    return Module(name, "\r\n".join(lines) + "\r\n", document=True)


# -- compression ([MS-OVBA] 2.4.1) ---------------------------------------------------------------


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    pos = 0
    index: dict[bytes, list[int]] = {}
    n = len(chunk)
    while pos < n:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            bit_count = max(math.ceil(math.log2(pos)), 4) if pos > 0 else 4
            max_len = (0xFFFF >> bit_count) + 3
            best_len, best_off = 0, 0
            key = chunk[pos : pos + 3]
            if len(key) == 3:
                for cand in reversed(index.get(key, ())):
                    length = 0
                    while (
                        length < max_len
                        and pos + length < n
                        and chunk[cand + length] == chunk[pos + length]
                    ):
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, pos - cand
                        if length == max_len:
                            break
            step = best_len if best_len >= 3 else 1
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bit_count)) | (best_len - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
            else:
                out.append(chunk[pos])
            for p in range(pos, pos + step):
                if p + 3 <= n:
                    index.setdefault(chunk[p : p + 3], []).append(p)
            pos += step
        out[flag_at] = flags
    return bytes(out)


def compress(data: bytes) -> bytes:
    """[MS-OVBA] CompressedContainer of `data`."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), 4096):
        chunk = data[start : start + 4096]
        packed = _compress_chunk(chunk)
        if len(packed) <= 4096:
            out += struct.pack("<H", 0xB000 | (len(packed) + 2 - 3)) + packed
        elif len(chunk) == 4096:  # incompressible: a raw chunk
            out += struct.pack("<H", 0x3000 | 0x0FFF) + chunk
        else:
            raise ValueError("a final VBA chunk that does not compress")
    return bytes(out)


# -- the dir stream ([MS-OVBA] 2.3.4.2) -----------------------------------------------------------


def _rec(rid: int, payload: bytes) -> bytes:
    return struct.pack("<HI", rid, len(payload)) + payload


def _mbcs(text: str) -> bytes:
    return text.encode("cp1252")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _dir_stream(project: str, modules: list[Module], references: list[ProjectReference]) -> bytes:
    d = bytearray()
    d += _rec(0x0001, struct.pack("<I", 1))  # SYSKIND: Win32
    d += _rec(0x0002, struct.pack("<I", LCID))
    d += _rec(0x0014, struct.pack("<I", LCID))
    d += _rec(0x0003, struct.pack("<H", CODEPAGE))
    d += _rec(0x0004, _mbcs(project))
    d += _rec(0x0005, b"") + _rec(0x0040, b"")  # doc string
    d += _rec(0x0006, b"") + _rec(0x003D, b"")  # help file
    d += _rec(0x0007, struct.pack("<I", 0))
    d += _rec(0x0008, struct.pack("<I", 0))
    d += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # version (its size field is reserved as 4)
    d += _rec(0x000C, b"") + _rec(0x003C, b"")  # constants
    refs = [("stdole", None)] + [(r.name, r) for r in references]
    for name, ref in refs:
        d += _rec(0x0016, _mbcs(name)) + _rec(0x003E, _utf16(name))
        if ref is None:
            libid = _mbcs(STDOLE)
            d += _rec(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0))
        else:
            a, r = _mbcs(ref.absolute), _mbcs(ref.relative)
            body = (
                struct.pack("<I", len(a))
                + a
                + struct.pack("<I", len(r))
                + r
                + struct.pack("<IH", ref.major, ref.minor)
            )
            d += _rec(0x000E, body)
    d += struct.pack("<HIH", 0x000F, 2, len(modules))
    d += struct.pack("<HIH", 0x0013, 2, 0xFFFF)
    for m in modules:
        d += _rec(0x0019, _mbcs(m.name))
        d += _rec(0x0047, _utf16(m.name))
        d += _rec(0x001A, _mbcs(m.name)) + _rec(0x0032, _utf16(m.name))
        d += _rec(0x001C, b"") + _rec(0x0048, b"")
        d += _rec(0x0031, struct.pack("<I", 0))  # source starts at 0: no performance cache
        d += _rec(0x001E, struct.pack("<I", 0))
        d += struct.pack("<HIH", 0x002C, 2, 0xFFFF)
        d += struct.pack("<HI", 0x0022 if m.document else 0x0021, 0)
        d += struct.pack("<HI", 0x002B, 0)
    d += struct.pack("<HI", 0x0010, 0)
    return bytes(d)


# -- the PROJECT stream ([MS-OVBA] 2.3.1) ---------------------------------------------------------


def _encrypt(data: bytes, project_id: str, seed: int) -> str:
    """[MS-OVBA] 2.4.3 data encryption (obfuscation) of a PROJECT property, as hex."""
    version = 2
    key = sum(project_id.encode("cp1252")) & 0xFF
    out = [seed, seed ^ version, seed ^ key]
    unencrypted1, encrypted1, encrypted2 = key, out[2], out[1]
    ignored = (seed & 6) // 2
    for _ in range(ignored):
        temp = 0  # ignored bytes; any value
        byte = temp ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte, temp
    for b in struct.pack("<I", len(data)) + data:
        byte = b ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte, b
    return "".join(f"{x:02X}" for x in out)


def decrypt(hex_text: str, project_id: str) -> bytes:
    """The inverse of _encrypt (used by tests); checks the version and the project's key."""
    raw = bytes.fromhex(hex_text)
    seed, version_enc, key_enc = raw[0], raw[1], raw[2]
    key = seed ^ key_enc
    if seed ^ version_enc != 2 or key != sum(project_id.encode("cp1252")) & 0xFF:
        raise ValueError("not encrypted for this project")
    unencrypted1, encrypted1, encrypted2 = key, key_enc, version_enc
    pos = 3
    for _ in range((seed & 6) // 2):
        byte = raw[pos]
        pos += 1
        temp = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte, temp
    plain = bytearray()
    for byte in raw[pos:]:
        b = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(b)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte, b
    length = struct.unpack("<I", bytes(plain[:4]))[0]
    return bytes(plain[4 : 4 + length])


def _project_stream(project: str, modules: list[Module], project_id: str) -> bytes:
    lines = [f'ID="{project_id}"']
    for m in modules:
        lines.append(f"Document={m.name}/&H00000000" if m.document else f"Module={m.name}")
    lines += [
        f'Name="{project}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{_encrypt(NOT_PROTECTED, project_id, 0x41)}"',
        f'DPB="{_encrypt(NO_PASSWORD, project_id, 0x43)}"',
        f'GC="{_encrypt(VISIBLE, project_id, 0x45)}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _projectwm(modules: list[Module]) -> bytes:
    out = bytearray()
    for m in modules:
        out += _mbcs(m.name) + b"\0" + _utf16(m.name) + b"\0\0"
    return bytes(out + b"\0\0")


def build_project(
    modules: list[Module],
    references: list[ProjectReference] = (),
    project: str = "VBAProject",
    project_id: str = "{4A6F6262-6F6F-6B00-0000-000000000001}",
) -> bytes:
    """vbaProject.bin holding `modules` (sources with CRLF line ends, Attribute lines first)."""
    streams = {
        "PROJECT": _project_stream(project, modules, project_id),
        "PROJECTwm": _projectwm(modules),
        "VBA/_VBA_PROJECT": bytes([0xCC, 0x61, 0xFF, 0xFF, 0x00, 0x00, 0x00]),
        "VBA/dir": compress(_dir_stream(project, modules, list(references))),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(m.source.encode("cp1252"))
    return write_cfb(streams)
