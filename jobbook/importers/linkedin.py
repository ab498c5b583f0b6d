"""LinkedIn's data export ("Get a copy of your data"): ``Jobs/Job Applications*.csv`` (one file per
batch of applications, so there may be several) and ``Jobs/Saved Jobs.csv``, in the folder or in
the export's ``.zip``. Its columns: ``vocabulary.LINKEDIN_APPLIED`` and ``LINKEDIN_SAVED``.

Applications become Applied rows (Source LinkedIn) dated by ``Application Date``
(``11/20/24, 8:15 AM``); saved jobs become Wishlist rows. ``Contact Email`` and ``Contact Phone
Number`` are the applicant's own details, given with the application: they make no Contacts row.
``Question And Answers`` (the screening questions answered with the application) is kept in Notes,
after "Applied on LinkedIn with <resume>", its line breaks made spaces. The export holds the
account's whole history: ``--since`` keeps the recent part. Every file of one export is one
source: its rows are what one person did (reposted jobs, with their own job ids, stay apart).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import ImportFailed
from ._common import StageEvent
from .vocabulary import LINKEDIN_APPLIED, LINKEDIN_SAVED

_KEYS = ("Date applied", "Added on", "Company", "Role")  # the columns that tell the files apart
APPLIED = tuple(col for col, c in LINKEDIN_APPLIED.items() if c in _KEYS)
SAVED = tuple(col for col, c in LINKEDIN_SAVED.items() if c in _KEYS)
_APPLIED_FILE = re.compile(r"(^|/)job applications[^/]*\.csv$", re.I)
_SAVED_FILE = re.compile(r"(^|/)saved jobs[^/]*\.csv$", re.I)

__all__ = ["export_files", "finish", "recognise", "table"]


def _has(header: list[str], needed: tuple[str, ...]) -> bool:
    folded = {h.strip().casefold() for h in header}
    return all(n.casefold() in folded for n in needed)


def recognise(header: list[str]) -> bool:
    return _has(header, APPLIED) or _has(header, SAVED)


def table(header: list[str]) -> dict:
    return LINKEDIN_APPLIED if _has(header, APPLIED) else LINKEDIN_SAVED


def export_files(path: Path) -> list[tuple[str, bytes]]:
    """The job files of a LinkedIn export folder or ``.zip`` as (name, content), applications first."""
    found: list[tuple[str, bytes]] = []
    if path.is_dir():
        for p in sorted(path.rglob("*.csv")):
            rel = p.relative_to(path).as_posix()
            if _APPLIED_FILE.search(rel) or _SAVED_FILE.search(rel):
                found.append((str(p), p.read_bytes()))
    else:
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if _APPLIED_FILE.search(info.filename) or _SAVED_FILE.search(info.filename):
                        found.append((f"{path}:{info.filename}", zf.read(info)))
        except (zipfile.BadZipFile, OSError) as exc:
            raise ImportFailed(f"{path}: the zip file cannot be read ({exc})") from exc
    if not found:
        raise ImportFailed(
            f"{path}: no Jobs/Job Applications*.csv or Jobs/Saved Jobs.csv in it; is it LinkedIn's "
            "data export (Settings > Data privacy > Get a copy of your data, with Jobs ticked)?"
        )
    return sorted(found, key=lambda f: (bool(_SAVED_FILE.search(f[0])), f[0]))


def finish(built, sheet, row) -> None:
    f, extra = built.found, built.extra
    v = f.values
    v["Source"] = "LinkedIn"
    if "Added on" in sheet.columns.concepts:  # Saved Jobs
        when = extra.get("Added on")
        v["Stage"] = "Wishlist"
        v.pop("Date applied", None)
        note = f"Saved on LinkedIn{f' on {when.isoformat()}' if when else ''}"
        f.events = [StageEvent(when, "Wishlist", None, "Saved on LinkedIn")] if when else []
    else:
        v["Stage"] = "Applied"
        resume, answers = extra.get("Resume"), extra.get("Screening questions")
        note = "Applied on LinkedIn" + (f" with {resume}" if resume else "")
        note += f". Screening questions: {answers}" if answers else ""
    v["Notes"] = "; ".join(n for n in (note, v.get("Notes")) if n)
