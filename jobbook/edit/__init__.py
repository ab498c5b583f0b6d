"""The workbook editor: change cells of a user's own workbook and keep everything else.

``edit_workbook(src, changes, out=None)`` applies changes (``jobbook.changes``: cell writes,
table cells by header, rows appended to a table) to the .xlsx/.xlsm at `src`, in place by default:

* only the XML of the sheets written is changed, streamed row by row (a sheet of a million rows is
  never loaded whole); every other zip member is copied byte for byte, in the same order;
* numbers, text (shared or inline strings, as the workbook keeps them; text is never written as a
  formula), dates as serial numbers in the column's date style, booleans;
* a row added to an Excel Table goes into its first empty row after the last row in use, or the
  Table grows by a row with its computed columns' formulas (conditional formats, validations and
  names that followed the Table follow it); a plain range gets the row below its last row in use;
* cached formula results of the sheets written are dropped and ``workbook.xml`` asks for a full
  recalculation on load; a calculation chain (``calcChain.xml``) is removed, as Excel rebuilds it;
* in place: refused while the book is open in Excel or LibreOffice, a timestamped backup is kept
  beside it, the new file is written aside, synced and renamed over it (``_files.replace_atomically``);
  one jobbook run at a time, never over a file saved meanwhile by another program, through a
  symbolic link to the real file (``_lock.changing``); a change that changes nothing writes nothing.

``dry_run=True`` does all of it but the writing and says which cells would change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from .._files import KEEP_BACKUPS, refuse_read_only, replace_atomically
from .._lock import changing
from ..changes import Change
from ..history import Log
from ..reader import sniff
from ._edit import CellChange, Edit, run

__all__ = ["CellChange", "Edit", "edit_workbook"]


def edit_workbook(
    src: str | Path,
    changes: Sequence[Change],
    out: str | Path | None = None,
    *,
    dry_run: bool = False,
    keep_backup: bool = True,
    log: Log | None = None,
    backups: int = KEEP_BACKUPS,
) -> Edit:
    """Apply `changes` to the workbook at `src` and write it to `out` (default: `src` itself, with
    a backup unless `keep_backup` is False; the newest `backups` backups are kept). Raises a
    JobbookError naming the file, sheet and cell for anything it cannot do; then nothing is
    written. In place, a change that changes no cell writes nothing (``Edit.written`` is False).
    The book is held (``_lock.changing``) from the reading to the rename: another jobbook run
    waits, a book saved meanwhile by another program is not written over, a symbolic link is
    followed to the file it names.

    With `log` (``jobbook.history.log_for``), the History rows of the cells that change are
    written with them (docs/definitions.md § History), on a new History sheet if the book has none; they are
    in ``Edit.history`` (and not in ``Edit.cells``)."""
    src = Path(src)
    sniff(src)
    if not dry_run and (out is None or Path(out).resolve() == src.resolve()):
        refuse_read_only(src)
    if dry_run:
        with src.open("rb") as fh:
            return run(src, changes, fh, log=log)
    target = Path(out) if out is not None else src
    in_place = target.resolve() == src.resolve()
    with changing(target) as hold:
        kept: list[Path | None] = []

        def save(fill: Callable[[BinaryIO], None]) -> None:
            def write(tmp: str) -> None:
                with open(tmp, "wb") as dst:
                    fill(dst)

            kept.append(
                replace_atomically(
                    hold.real,
                    write,
                    keep_backup=keep_backup and in_place,
                    hold=hold,
                    backups=backups,
                )
            )

        with hold.real.open("rb") if in_place else src.open("rb") as fh:
            result = run(src, changes, fh, save, always=not in_place, log=log)
    result.path, result.file = target, hold.real
    result.backup, result.written = (kept[0], True) if kept else (None, False)
    return result
