"""A small writer of Compound File Binary files ([MS-CFB] version 3), enough for a vbaProject.bin.

Storages and streams from a dict of paths: {"PROJECT": b"...", "VBA/dir": b"..."}. Streams under
4096 bytes live in the mini stream, as the format requires. The output is deterministic (no
timestamps), so a rebuilt workbook is byte-for-byte the same.
"""

from __future__ import annotations

import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
RED, BLACK = 0, 1


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NOSTREAM
        self.colour = BLACK
        self.start, self.size = ENDOFCHAIN, 0
        self.sid = 0


def _key(e: _Entry) -> tuple[int, str]:
    """Directory order: shorter names first, then by upper-case name."""
    return (len(e.name), e.name.upper())


def _tree(children: list[_Entry]) -> int:
    """Arrange siblings as a balanced binary search tree coloured as a valid red-black tree;
    return the root's id."""
    nodes = sorted(children, key=_key)
    depth: dict[int, int] = {}

    def build(lo: int, hi: int, d: int) -> int:
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = nodes[mid]
        depth[id(node)] = d
        node.left = build(lo, mid, d + 1)
        node.right = build(mid + 1, hi, d + 1)
        return node.sid

    root = build(0, len(nodes), 0)
    deepest = max(depth.values(), default=0)
    perfect = len(nodes) == 2 ** (deepest + 1) - 1
    for n in nodes:
        n.colour = RED if (not perfect and deepest > 0 and depth[id(n)] == deepest) else BLACK
    return root


def _chain(fat: list[int], first: int, count: int) -> None:
    for k in range(count):
        fat[first + k] = first + k + 1 if k < count - 1 else ENDOFCHAIN


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """The compound file holding `streams` (paths with '/' between storage names)."""
    root = _Entry("Root Entry", ROOT)
    entries = [root]
    storages = {"": root}
    for path in sorted(streams):
        parts = path.split("/")
        parent = root
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in storages:
                st = _Entry(parts[depth - 1], STORAGE)
                storages[key] = st
                parent.children.append(st)
                entries.append(st)
            parent = storages[key]
        leaf = _Entry(parts[-1], STREAM, streams[path])
        parent.children.append(leaf)
        entries.append(leaf)
    for sid, e in enumerate(entries):
        e.sid = sid
    for e in entries:
        if e.children:
            e.child = _tree(e.children)

    # the mini stream: small streams in 64-byte mini sectors
    mini = bytearray()
    minifat: list[int] = []
    for e in entries:
        if e.kind == STREAM and len(e.data) < CUTOFF:
            e.size = len(e.data)
            if not e.data:
                e.start = ENDOFCHAIN
                continue
            n = -(-len(e.data) // MINI)
            e.start = len(minifat)
            minifat.extend(range(e.start + 1, e.start + n))
            minifat.append(ENDOFCHAIN)
            mini += e.data + b"\0" * (n * MINI - len(e.data))

    # lay out regular sectors: big streams, mini stream, mini FAT, directory, then FAT
    blobs: list[tuple[str, object, bytes]] = []
    for e in entries:
        if e.kind == STREAM and len(e.data) >= CUTOFF:
            blobs.append(("stream", e, e.data))
    if mini:
        blobs.append(("ministream", root, bytes(mini)))
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    if minifat_bytes:
        blobs.append(("minifat", None, minifat_bytes))
    directory = bytearray()  # filled in below, after starts are known
    n_dir = -(-len(entries) * 128 // SECTOR)
    body: list[bytes] = []
    fat: list[int] = []
    starts: dict[str, int] = {}
    for kind, owner, data in blobs:
        n = -(-len(data) // SECTOR)
        first = len(fat)
        fat.extend([0] * n)
        _chain(fat, first, n)
        body.append(data + b"\0" * (n * SECTOR - len(data)))
        if kind in ("stream", "ministream"):
            owner.start, owner.size = first, len(data)
        else:
            starts["minifat"] = first
    dir_first = len(fat)
    fat.extend([0] * n_dir)
    _chain(fat, dir_first, n_dir)
    # FAT sectors: enough to describe every sector, themselves included
    n_fat = 1
    while (len(fat) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    if n_fat > 109:
        raise ValueError("project too large for a header-only DIFAT")
    fat_first = len(fat)
    fat.extend([FATSECT] * n_fat)
    fat.extend([FREESECT] * (n_fat * (SECTOR // 4) - len(fat)))

    for e in entries:
        name = e.name.encode("utf-16-le")
        directory += name + b"\0" * (64 - len(name))
        directory += struct.pack("<HBB", len(name) + 2, e.kind, e.colour)
        directory += struct.pack("<III", e.left, e.right, e.child)
        directory += b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16
        start = e.start if (e.kind != STORAGE) else 0
        size = e.size if e.kind != STORAGE else 0
        if e.kind == ROOT and not mini:
            start, size = ENDOFCHAIN, 0
        directory += struct.pack("<IQ", start, size)
    for _ in range(n_dir * SECTOR // 128 - len(entries)):  # unused entries
        directory += (
            b"\0" * 64
            + struct.pack("<HBB", 0, 0, 0)
            + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM)
        )
        directory += b"\0" * 36 + struct.pack("<IQ", 0, 0)

    header = bytearray()
    header += bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<II", 0, n_fat)  # directory sectors (0 in v3), FAT sectors
    header += struct.pack("<II", dir_first, 0)  # first directory sector, transaction signature
    header += struct.pack("<I", CUTOFF)
    header += struct.pack(
        "<II", starts.get("minifat", ENDOFCHAIN), -(-len(minifat_bytes) // SECTOR)
    )
    header += struct.pack("<II", ENDOFCHAIN, 0)  # no DIFAT sectors
    difat = [fat_first + k for k in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header += b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == SECTOR

    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    return bytes(header) + b"".join(body) + bytes(directory) + fat_bytes
