"""Does a sheet hold only numbers, text and dates? A byte scan of its XML, standard library only.

The fast read of a big sheet (``_fast``) is safe only when the sheet has no error cell (``#N/A``)
and no TRUE/FALSE cell. Inflating and scanning the XML costs about a third of fastexcel's parse of
the same sheet, so the reader runs this file as a script in a second process, on another core,
while fastexcel parses (fastexcel holds the interpreter while it works, so a thread would wait):

    python _scan.py BOOK PART...     # one line per part, as it is scanned: "plain<TAB>PART"
                                     # or "mixed<TAB>PART"

Run by its path, it loads none of jobbook (nor pandas): it starts in milliseconds.
"""

from __future__ import annotations

import sys
import zipfile
import zlib

NOT_PLAIN = (b't="e"', b't="b"', b"t='")  # an error cell, a TRUE/FALSE cell, unusual quoting
PLAIN, MIXED = "plain", "mixed"


def plain_cells(path, part: str) -> bool:
    """True when the sheet's cells are only numbers, text and dates: no error cell (#N/A) and no
    TRUE/FALSE. A byte scan of the sheet's XML, no parsing; a stray match (such text typed in a
    cell) only sends the sheet down the careful path."""
    try:
        with zipfile.ZipFile(path) as z, z.open(part) as fh:
            tail = b""
            while chunk := fh.read(1 << 22):
                if any(m in chunk for m in NOT_PLAIN):
                    return False
                edge = tail + chunk[:8]  # a mark cut in two by the chunks
                if any(m in edge for m in NOT_PLAIN):
                    return False
                tail = chunk[-8:]
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error, EOFError):
        return False  # the careful path reports what is wrong
    return True


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: _scan.py BOOK PART...", file=sys.stderr)
        return 2
    path, parts = argv[0], argv[1:]
    for part in parts:
        print(f"{PLAIN if plain_cells(path, part) else MIXED}\t{part}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
