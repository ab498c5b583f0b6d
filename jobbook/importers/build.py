"""A file's row as a plain row (``Found``), for every format: each concept's value parsed, the stage
and status the row shows, the dated steps it records, Notes for what has no column of its own, and
every cell that cannot be read (all of them, not the first only).

Stage is the furthest stage the row shows: its Stage and Status words, its Stage history, its
stage date columns (a date or a ticked box), Applied once it has a Date applied or a status past
the wishlist. Status is what its Status cell says; else a closed word of its Stage cell
(``Rejected`` as a Huntr list); else the latest closed step of its history; else none (the import
then applies the 30-day rule). ``Declined`` is Offer declined on a row that shows an offer, else
Rejected. A status word not understood is kept in Notes (``Status: rip``) and counted; the file
gave a status all the same, so the row is Active (never No response by the 30-day rule) until the
user says what the word means (``--status``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..schema import CONTACT_ROLES
from ._common import CellError, Found, StageEvent, canonical, clean, source_of
from ._rows import Rows
from .columns import IGNORED, Columns
from .vocabulary import CONTACT_FIELDS, DECLINED, EVENT_COLUMNS, NOT_YEARLY, PLACE, Meaning
from .words import meaning, phrase_key, place_and_mode, source_word, stage_rank, tick, work_mode

TEXT = ("Company", "Role", "Location", "Next action", "Posting URL")
DATES = ("Date applied", "First response", "Last contact", "Next action due")
EXTRA = ("Added on", "Moved", "Board", "Resume", "Screening questions")  # the formats' own
APPLIED = stage_rank("Applied")
STARS = ("\u2b50", "\u2605")
HISTORY_HINT = "write it as Applied 2024-01-05; Interview 2024-01-20; Rejected 2024-02-01"
NEGATIVE = re.compile(r"^[-\u2212]\s*\D{0,3}\s*\d")  # -5000, -$5,000: below 0, not a range

__all__ = ["Built", "Sheet", "build", "empty"]


@dataclass
class Sheet:
    """One file being read: its rows and columns, the user's own status words (``--status``),
    the file or export its rows come from."""

    rows: Rows
    columns: Columns
    statuses: dict[str, Meaning] = field(default_factory=dict)
    source: str = ""


@dataclass
class Built:
    """A row read: the plain row (None for a row of template defaults or with a bad cell), its
    bad cells, the status words not understood, and the formats' own values (`extra`)."""

    found: Found | None
    problems: list[CellError] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)
    default: bool = False
    swapped: list[str] = field(default_factory=list)  # salary ranges written high to low


def empty(value: object) -> bool:
    """Blank, a placeholder, or an unticked box."""
    return value is None or value is False or clean(value) is None


def _default(value: object) -> bool:
    """What a template fills in before anyone types: blanks, unticked boxes, 0, a wishlist
    status (``Not started``, ``To apply``)."""
    if empty(value) or tick(value) is False or value == 0:
        return True
    m = meaning(value)
    return m is not None and m.stage == "Wishlist" and m.status == "Active"


def _note(column: str, value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()[:10]
    return f"{column}: {value if tick(value) is not True else 'yes'}"


class _Row:
    """The work of reading one row (see ``build``)."""

    def __init__(self, sheet: Sheet, n: int, row: dict):
        self.sheet, self.n, self.row = sheet, n, row
        self.rows = sheet.rows
        self.values: dict[str, object] = {}
        self.notes: list[str] = []
        self.events: list[StageEvent] = []
        self.shown: list[str] = []  # stages shown without a date (a ticked box)
        self.closed: list[str] = []  # statuses shown without a date (a ticked Rejected box)
        self.out = Built(None)
        self.contact: dict[str, object] = {}
        self.unread = False  # a Status word not understood: a status given all the same
        self.referred = False  # a ticked Referral? box
        self.from_added = False  # Date applied is the day the row was added

    def cell(self, concept: str) -> tuple[str, object] | None:
        """(column, value) of the first non-empty of the concept's columns."""
        for col in self.sheet.columns.concepts.get(concept, ()):
            if not empty(self.row.get(col)):
                return col, self.row[col]
        return None

    def date(self, col: str, value: object) -> dt.date | None:
        try:
            return self.rows.date(self.row, col, self.rows.where(self.n, col), col)
        except CellError as exc:
            self.out.problems.append(exc)
            return None

    def words(self, col: str, value: object) -> Meaning | None:
        m = meaning(value, self.sheet.statuses)
        if m is None:
            text = clean(value)
            self.notes.append(f"{col}: {text}")
            self.out.unknown.append(text)
        return m

    def amounts(self, col: str, value: object) -> tuple[float | None, float | None]:
        text = clean(value) if isinstance(value, str) else None
        if text is not None and (
            not any(ch.isdigit() for ch in text) or any(u in text.casefold() for u in NOT_YEARLY)
        ):
            self.notes.append(f"{col}: {text}")  # "DOE", "$25/hr": no yearly figure
            return None, None
        negative = value < 0 if isinstance(value, int | float) else NEGATIVE.match(text or "")
        if negative:
            where = self.rows.where(self.n, col)
            shown = text if text is not None else str(value)
            self.out.problems.append(
                CellError(where, shown, "is below 0", col, "write the yearly pay, e.g. 85000")
            )
            return None, None
        return self.rows.amounts(self.row, col)

    def salary(self, concept: str, col: str, value: object) -> None:
        lo, hi = self.amounts(col, value)
        if concept == "Salary max":
            self.values[concept] = hi if hi is not None else lo
        else:
            self.values["Salary min"] = lo
            if hi is not None and (concept == "Salary" or not self.cell("Salary max")):
                self.values["Salary max"] = hi
        lo, hi = self.values.get("Salary min"), self.values.get("Salary max")
        if lo is not None and hi is not None and lo > hi:  # "$95,000 - $80,000"
            self.values["Salary min"], self.values["Salary max"] = hi, lo
            shown = clean(value) if isinstance(value, str) else value
            self.out.swapped.append(f"{self.rows.where(self.n, col)} ({shown})")

    def place(self, col: str, value: object) -> None:
        """A column of place or work mode (``Location/Remote?``): ``Remote`` is the Work mode,
        ``Hybrid - Boston`` both, ``Pittsburgh, PA`` the Location."""
        where, mode = place_and_mode(clean(value))
        if where:
            self.values["Location"] = where
        if mode and not self.values.get("Work mode"):
            self.values["Work mode"] = mode

    def referral(self, col: str, value: object) -> None:
        """A ``Referral?`` column: ticked, or naming who referred, makes the Source Referral."""
        t = tick(value)
        if t is False:
            return
        if t is None:
            self.notes.append(_note(col, clean(value)))
        self.referred = True

    def excitement(self, col: str, value: object) -> None:
        text = str(value).strip()
        stars = sum(text.count(s) for s in STARS)
        try:
            n = float(text.split("/")[0]) if not stars else float(stars)
        except ValueError:
            n = None
        if n is not None and 1 <= n <= 5 and n.is_integer():
            self.values["Excitement"] = n
        else:
            self.notes.append(f"{col}: {text}")

    def event_column(self, concept: str, col: str, value: object) -> None:
        m = EVENT_COLUMNS[concept]
        t = tick(value)
        if t is not None:
            if t:
                self.shown.append(m.stage or "Applied")
                self.closed += [m.status] if m.status != "Active" else []
            return
        try:
            day = self.rows.date(self.row, col, self.rows.where(self.n, col), col)
        except CellError:  # "Zoom with the team lead": it happened, when is not said
            self.shown.append(m.stage or "Applied")
            self.notes.append(_note(col, clean(value)))
            return
        self.events.append(StageEvent(day, m.stage, m.status, col))

    def history(self, col: str, value: object) -> None:
        """A Stage history cell: ``Applied 2024-01-05; Phone screen 2024-01-20; Rejected 2/1/24``
        (or each date before its words), one step per date."""
        text = clean(value) or ""
        where = self.rows.where(self.n, col)
        try:
            found = self.rows.dates_in(text, col, where, col)
        except CellError as exc:
            self.out.problems.append(exc)
            return
        if not found:
            self.out.problems.append(
                CellError(where, text, "holds no dated step", col, HISTORY_HINT)
            )
            return
        words_first = re.search(r"[^\W_]", text[: found[0][0]]) is not None
        ends = [0, *(e for _, e, _ in found)]
        starts = [*(s for s, _, _ in found[1:]), len(text)]
        for i, (start, end, day) in enumerate(found):
            words = text[ends[i] : start] if words_first else text[end : starts[i]]
            m = meaning(words, self.sheet.statuses)
            if m is None:
                step = " ".join(words.strip(" ;|,>-:\u2192").split()) or "(no words)"
                why = f"has a step {step!r} ({day}) that is no stage or status"
                self.out.problems.append(CellError(where, text, why, col, HISTORY_HINT))
                continue
            shown = " ".join(words.strip(" ;|,>-:\u2192").split())
            self.events.append(StageEvent(day, m.stage, m.status, shown or phrase_key(words)))

    def read(self) -> None:
        cols = self.sheet.columns
        for concept in cols.concepts:
            got = self.cell(concept)
            if got is None:
                continue
            col, value = got
            if concept == "Posting URL":
                self.values[concept] = getattr(value, "url", None) or clean(value)
            elif concept in TEXT:
                self.values[concept] = clean(value)
            elif concept == "Source":
                self.values[concept] = source_word(clean(value))
            elif concept == "Work mode":
                mode = work_mode(clean(value))
                if mode:
                    self.values[concept] = mode
                else:
                    self.notes.append(_note(col, value))
            elif concept in DATES:
                if tick(value) is None:
                    self.values[concept] = self.date(col, value)
                elif tick(value) and concept == "Date applied":
                    self.shown.append("Applied")
                elif tick(value):
                    self.notes.append(_note(col, value))
            elif concept in EVENT_COLUMNS:
                self.event_column(concept, col, value)
            elif concept in ("Stage", "Status"):
                self.values[concept] = self.words(col, value)
                self.unread = self.unread or (concept == "Status" and not self.values[concept])
            elif concept == "Stage history":
                self.history(col, value)
            elif concept in ("Salary", "Salary min", "Salary max"):
                self.salary(concept, col, value)
            elif concept == PLACE:
                self.place(col, value)
            elif concept == "Referral":
                self.referral(col, value)
            elif concept == "Excitement":
                self.excitement(col, value)
            elif concept == "Notes":
                self.values[concept] = clean(value)
            elif concept in CONTACT_FIELDS:
                self.contact[CONTACT_FIELDS[concept]] = clean(value)
            elif concept in EXTRA:
                day = concept in ("Added on", "Moved")
                self.out.extra[concept] = self.date(col, value) if day else clean(value)
        for col in cols.notes:
            value = self.row.get(col)
            if not empty(value) and tick(value) is not False:
                self.notes.append(_note(col.split("#")[0], value))
        role = self.cell("Role")
        if not self.values.get("Posting URL") and role and getattr(role[1], "url", None):
            self.values["Posting URL"] = role[1].url  # the job title links to its posting
        if self.referred:
            own = self.values.get("Source")
            if own and own != "Referral":
                self.notes.append(f"Source: {own}")
            self.values["Source"] = "Referral"


def _furthest(stages: list[str | None]) -> str | None:
    real = [s for s in stages if s]
    return max(real, key=stage_rank) if real else None


def _course(r: _Row) -> tuple[str, str | None, bool]:
    """(Stage, Status or None, whether the file said the status) of a row read."""
    v = r.values
    stage_m, status_m = v.pop("Stage", None), v.pop("Status", None)
    status, said = None, False
    if status_m is not None:
        status, said = status_m.status, True
    elif stage_m is not None and stage_m.status != "Active":
        status, said = stage_m.status, True  # a list named Rejected, Ghosted...
    else:
        closing = [e.status for e in sorted(r.events, key=lambda e: e.day)] + r.closed
        closing = [c for c in closing if c not in (None, "Active")]
        if closing:
            status, said = closing[-1], True
        elif r.unread:  # kept in Notes, counted: open until the user says (--status)
            status, said = "Active", True
    shown = [m.stage for m in (stage_m, status_m) if m] + [e.stage for e in r.events] + r.shown
    stage = _furthest(shown)
    if stage == "Wishlist" and v.get("Date applied") is not None:
        day = v.pop("Date applied")
        if not r.from_added:  # else the day it was added goes into Notes as such
            r.notes.append(f"Date applied in the file: {day.isoformat()}")
    if stage is None or (stage_rank(stage) < APPLIED and stage != "Wishlist"):
        stage = "Applied" if v.get("Date applied") is not None or said else "Wishlist"
    if stage == "Wishlist" and said and status not in (None, "Active"):
        stage = "Applied"  # Rejected without a stage: it was applied to
    if status == DECLINED:
        status = "Offer declined" if stage == "Offer" else "Rejected"
    return stage, status, said


def _dates(r: _Row, stage: str) -> None:
    """Date applied, First response and Last contact from the row's dated steps."""
    v = r.values
    r.events.sort(key=lambda e: e.day)
    applied = [e.day for e in r.events if e.stage == "Applied"]
    if v.get("Date applied") is None and applied and stage != "Wishlist":
        v["Date applied"] = applied[0]
    if v.get("Date applied") is not None and not applied:
        r.events.insert(0, StageEvent(v["Date applied"], "Applied", None, "Date applied"))
        r.events.sort(key=lambda e: e.day)
    answered = [e.day for e in r.events if stage_rank(e.stage) > APPLIED or e.status == "Rejected"]
    if answered:
        if v.get("First response") is None:
            v["First response"] = answered[0]
        v["Last contact"] = max(d for d in (v.get("Last contact"), answered[-1]) if d)


def build(sheet: Sheet, n: int, row: dict) -> Built:
    """Row `n` of `sheet` as a plain row (see the module's note)."""
    r = _Row(sheet, n, row)
    ignored = {u.column for u in sheet.columns.uses if u.use == IGNORED}
    if r.cell("Company") is None and all(_default(v) for c, v in row.items() if c not in ignored):
        r.out.default = True
        return r.out
    r.read()
    added = r.out.extra.get("Added on")
    if sheet.columns.added_is_applied and added and r.values.get("Date applied") is None:
        r.values["Date applied"] = added  # the file has no date applied: the day it was added
        r.from_added = True
    stage, status, said = _course(r)
    _dates(r, stage)
    v = r.values
    v["Stage"] = stage
    if status is not None:
        v["Status"] = status
    v.setdefault("Source", source_of(v.get("Posting URL")))
    notes = [v.pop("Notes", None), *r.notes]
    v["Notes"] = "; ".join(x for x in notes if x) or None
    contact = dict(r.contact)
    if contact:
        contact["Role in process"] = canonical(contact.get("Role in process"), CONTACT_ROLES)
        contact.setdefault("Name", contact.get("Email"))
    if r.out.problems:
        return r.out
    r.out.found = Found(
        {k: x for k, x in v.items() if x is not None},
        sheet.rows.where(n),
        {k: x for k, x in contact.items() if x is not None} if contact.get("Name") else None,
        r.events,
        said,
        None,
        sheet.source,
        v.get("Date applied") or r.out.extra.get("Added on"),
    )
    return r.out
