"""Which column of a file is which: every column is used (for a concept of ``vocabulary``), put into
Notes (``Column: value``), or left out with a reason, and the import's summary says which.

In this order: ``--map`` (``Company=Employer``; a repeated name as ``LOCATION#2``); the export's
own table (LinkedIn, Huntr, Teal); the synonym tables, whatever the header's case, spacing and
punctuation (the best-ranked synonym wins a concept; the columns of the same name feed it too,
the first non-empty of them giving each row's value); a fuzzy guess among the concepts still
free, reported as a guess, when the column's values fit the concept; then headers left out on
purpose (row numbers, another tracker's computed days); then an empty column is left out, and any
other goes into Notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ImportFailed, UsageError
from ..schema import TABLES
from ._dates import CellError, parse_date
from ._rows import Rows
from .vocabulary import EVENT_COLUMNS, HEADERS, PLACE, Ignored
from .words import concept_of, guess_concept, header_key, ignored_why, meaning, tick

NOTES = "Notes"
IGNORED = "ignored"
DATE_CONCEPTS = frozenset(
    {"Date applied", "First response", "Last contact", "Next action due", "Added on", "Moved"}
    | set(EVENT_COLUMNS)
)
TICKS = frozenset({"Date applied"} | set(EVENT_COLUMNS))  # a ticked box says the step happened
NUMBER_CONCEPTS = frozenset({"Salary", "Salary min", "Salary max", "Excitement"})
_REPEAT = re.compile(r"^(.*)#(\d+)$")

__all__ = ["Columns", "Use", "parse_map", "resolve"]


@dataclass(frozen=True)
class Use:
    """Where a file's column goes: `use` is a concept, ``Notes`` or ``ignored``; `how` says why
    (``header``, ``synonym``, ``guess (86%)``, ``--map``, ``export``, ``empty``...)."""

    column: str
    use: str
    how: str


@dataclass
class Columns:
    """The file's columns by concept (several when a name repeats: the first non-empty wins), the
    columns kept in Notes, and the use of every column, in the file's order."""

    concepts: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)

    own: bool = False  # a file of one's own (not an export, whose module reads its dates)

    @property
    def guesses(self) -> list[Use]:
        return [u for u in self.uses if u.how.startswith("guess")]

    @property
    def added_is_applied(self) -> bool:
        """Whether the day a row was added (``Date Added``) stands for its Date applied: a file
        of one's own without a date applied column."""
        return self.own and "Added on" in self.concepts and "Date applied" not in self.concepts


def parse_map(text: str | None) -> dict[str, str]:
    """``"Company=Employer,Date applied=Applied on"`` -> {concept: the file's column}. A concept
    is a Pipeline header, ``Salary`` (a range), a contact column or another concept of the
    vocabulary (``Stage history``, ``Interview date``...)."""
    known = {header_key(c): c for c in HEADERS} | {
        header_key(c.header): c.header for c in TABLES["Pipeline"].inputs if c.header != "ID"
    }
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise UsageError(
                f"--map: {part.strip()!r} is not HEADER=COLUMN (e.g. Company=Employer)"
            )
        target, column = (p.strip() for p in part.split("=", 1))
        if header_key(target) not in known:
            raise UsageError(
                f"--map: {target!r} is not a Pipeline header; use one of {', '.join(known.values())}"
            )
        concept = known[header_key(target)]
        if concept in out and header_key(out[concept]) != header_key(column):
            raise UsageError(
                f"--map names {concept} twice ({concept}={out[concept]}, {concept}={column}): "
                "say which one column it is"
            )
        out[concept] = column
    return out


def _base(column: str, header: list[str]) -> str:
    """A repeated column's name without its ``#2``."""
    m = _REPEAT.match(column)
    return m.group(1) if m and m.group(1).casefold() in {h.casefold() for h in header} else column


def _named(header: list[str], wanted: str) -> list[str]:
    """The columns `wanted` names: one exactly (``LOCATION#2``), else all of that name."""
    key = " ".join(wanted.split()).casefold()
    exact = [h for h in header if h.casefold() == key]
    if _REPEAT.match(wanted) and exact:
        return exact
    return [h for h in header if _base(h, header).casefold() == key] or exact


def _a_date(value: object) -> bool:
    try:
        return tick(value) is not None or parse_date(value, "", "") is not None
    except CellError:
        return False


def _fits(concept: str, values: list[object]) -> bool:
    """Do most of a column's values fit what `concept` holds (for a guess)?"""
    if not values:
        return False
    if concept in DATE_CONCEPTS:
        return sum(_a_date(v) for v in values) * 2 >= len(values)
    if concept in NUMBER_CONCEPTS:
        return sum(any(ch.isdigit() for ch in str(v)) for v in values) * 2 >= len(values)
    if concept in ("Stage", "Status"):
        return sum(meaning(v) is not None for v in values) * 2 >= len(values)
    if concept == "Posting URL":
        return sum("." in str(v) and " " not in str(v).strip() for v in values) * 2 >= len(values)
    return True


def resolve(
    rows: Rows, table: dict[str, str | Ignored] | None = None, mapping: dict[str, str] | None = None
) -> Columns:
    """Where each column of `rows` goes (see the module's note). Raises ImportFailed for a
    ``--map`` column the file does not have."""
    header = rows.header
    out = Columns(own=table is None)
    how: dict[str, tuple[str, str]] = {}  # column -> (use, how)
    for concept, wanted in (mapping or {}).items():
        cols = _named(header, wanted)
        if not cols:
            raise ImportFailed(
                f"{rows.name}: row 1: no column {wanted!r} (given in --map {concept}={wanted}); "
                f"the columns are: {', '.join(header)}"
            )
        out.concepts[concept] = cols
        how.update({c: (concept, "--map") for c in cols})
    exports = {k.casefold(): v for k, v in (table or {}).items()}
    ranked: dict[str, list[tuple[int, str]]] = {}  # concept -> [(rank, column)]
    for col in header:
        if col in how:
            continue
        base = _base(col, header)
        given = exports.get(base.casefold())
        if isinstance(given, Ignored):
            how[col] = (IGNORED, given.why)
        elif given is not None and given not in out.concepts:
            ranked.setdefault(given, []).append((-1, col))
        elif (hit := concept_of(base)) is not None and hit[0] not in out.concepts:
            ranked.setdefault(hit[0], []).append((hit[1], col))
    for concept, candidates in ranked.items():
        best = min(candidates)[1]
        chosen = [c for _, c in candidates if _base(c, header) == _base(best, header)]
        out.concepts[concept] = chosen
        rank = min(candidates)[0]
        kind = "export" if rank < 0 else "header" if rank == 0 else "synonym"
        how.update({c: (concept, kind) for c in chosen})
        for _, c in candidates:
            if c in chosen:
                continue
            values = rows.filled(c)
            if concept in TICKS and values and all(tick(x) is not None for x in values):
                out.concepts[concept].append(c)  # "Applied?" beside "Date Applied"
                how[c] = (concept, f"a checkbox, when {best!r} is blank")
            else:
                how[c] = (NOTES, f"{concept} is taken from {best!r}")
    free = {c for c in HEADERS if c not in out.concepts}
    if "Location" in out.concepts or PLACE in out.concepts:
        free -= {"Location", PLACE}  # one place
    for col in header:
        if col in how:
            continue
        base = _base(col, header)
        values = rows.filled(col)
        if not values:
            how[col] = (IGNORED, "empty")
            continue
        why = ignored_why(base)
        if why is not None:
            how[col] = (IGNORED, why)
            continue
        guess = guess_concept(base, free)
        if guess and _fits(guess[0], values):
            concept = guess[0]
            free.discard(concept)
            out.concepts[concept] = [col]
            how[col] = (concept, f"guess ({guess[1]:.0f}% like {concept!r}; --map says otherwise)")
            continue
        how[col] = (NOTES, f"kept as '{base}: value'")
    _checkboxes(rows, out, how)
    for col in header:
        use, why = how[col]
        out.uses.append(Use(col, use, why))
        if use == NOTES and col not in out.concepts.get(NOTES, []):
            out.notes.append(col)
    if out.own:
        out.uses = [_own(u, out) for u in out.uses]
    return out


def _unnamed(column: str) -> bool:
    """A header that names nothing: ``✔``, or a blank one (``Column F``)."""
    return not header_key(column.split("#")[0]) or re.fullmatch(r"Column [A-Z]{1,3}", column)


def _checkboxes(rows: Rows, out: Columns, how: dict[str, tuple[str, str]]) -> None:
    """Columns of ticks, said once in the summary rather than in every row: a date column of
    yes/no (``Followed up?``) holds no date, so its ticked rows say so in Notes; a checkbox
    without a name (``✔``) is left out; any other says itself in the Notes of the rows ticked."""
    for col, (use, _) in list(how.items()):
        values = rows.filled(col)
        if not values or any(tick(v) is None for v in values):
            continue
        ticked = sum(bool(tick(v)) for v in values)
        base = _base(col, rows.header)
        said = f"'{base}: yes' in the Notes of the {ticked} row(s) ticked"
        if use in DATE_CONCEPTS and use not in TICKS:
            out.concepts[use].remove(col)
            if not out.concepts[use]:
                del out.concepts[use]
            how[col] = (NOTES, f"yes/no, not dates ({use} left blank): {said}")
        elif use == NOTES and _unnamed(col):
            how[col] = (
                IGNORED,
                f"a checkbox with no name, ticked in {ticked} of {len(values)} row(s): left out "
                "(--map can say what it means)",
            )
        elif use == NOTES:
            how[col] = (NOTES, f"a checkbox: {said}")


def _own(u: Use, out: Columns) -> Use:
    """In a file of one's own, the days a row was added and last moved said as they are used."""
    if u.use == "Added on" and out.added_is_applied:
        return Use(u.column, "Date applied", "the day the row was added: the file has no date "
                   "applied column")  # fmt: skip
    if u.use == "Added on":
        return Use(u.column, NOTES, f"when the row was added, beside the date applied ({u.how})")
    if u.use == "Referral":
        return Use(u.column, "Source", f"Referral when ticked or naming who referred ({u.how})")
    if u.use == "Moved":
        return Use(u.column, "Last contact", f"the day the row last moved ({u.how}), for rows "
                   "past the wishlist; the 30-day rule counts from it")  # fmt: skip
    return u
