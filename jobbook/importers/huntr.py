"""Huntr's CSV export of a board: its columns in ``vocabulary.HUNTR`` (``title``, ``companyName``,
``url``, ``listName``: the list the card sits in, ``boardName``, ``createdAt``, ``lastMovedAt``,
``location``, ``salary``...); ``-`` means blank.

A list is a stage the card moves along (its name read as a status word: Wishlist, Applied, Phone
Screen, Interview, Offer, Rejected...; a list of one's own naming no stage counts as Applied and
is reported). Huntr records when a card was added and when it last moved, not when the job was
applied to: a card in the Applied list was applied to when it moved there (``lastMovedAt``, else
``createdAt``); a card further on, on ``createdAt``. Its last move is its last contact once past
Applied, and the day from which the 30-day rule counts: a card left in Applied or Interview for
more than 30 days is No response; a Rejected list says its status.
"""

from __future__ import annotations

from ._common import StageEvent, clean
from .vocabulary import HUNTR
from .words import meaning, stage_rank

NEEDED = ("companyName", "title")
APPLIED = stage_rank("Applied")

__all__ = ["finish", "recognise", "table"]


def recognise(header: list[str]) -> bool:
    return all(n in header for n in NEEDED)


def table(header: list[str]) -> dict:
    return HUNTR


def finish(built, sheet, row) -> None:
    f, extra = built.found, built.extra
    v = f.values
    cols = sheet.columns.concepts.get("Stage", [])
    listname = next((clean(row.get(c)) for c in cols if clean(row.get(c))), None)
    created, moved = extra.get("Added on"), extra.get("Moved")
    if listname and meaning(listname, sheet.statuses) is None and v["Stage"] == "Wishlist":
        v["Stage"] = "Applied"  # a list of one's own past the wishlist (reported as unknown)
    stage, status = v["Stage"], v.get("Status")
    if stage != "Wishlist":
        into_applied = stage == "Applied" and status is None and moved is not None
        applied = moved if into_applied else created
        if applied is not None:
            v["Date applied"] = applied
            f.events = [StageEvent(applied, "Applied", None, "Applied")]
        if moved is not None and (stage_rank(stage) > APPLIED or status is not None):
            f.events.append(StageEvent(moved, stage, status, listname or ""))
            v["Last contact"] = moved
            if stage_rank(stage) > APPLIED and moved == created:
                v.pop("Last contact")
    elif created is not None:
        f.events = [StageEvent(created, "Wishlist", None, listname or "Wishlist")]
    f.moved = moved or created
    f.day = v.get("Date applied") or created
    board = extra.get("Board")
    where = ", ".join(x for x in (board and f"board {board}", listname and f"list {listname}") if x)
    note = f"Imported from Huntr ({where})" if where else "Imported from Huntr"
    v["Notes"] = "; ".join(n for n in (note, v.get("Notes")) if n)
