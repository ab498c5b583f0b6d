"""Vocabularies, column kinds and formats, the Column and Table types, header matching, the
Settings, and the formula short-hands of the schema (see ``jobbook.schema``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# -- Excel's date systems: serial day 0 of the 1900 system (Excel's 1900-02-29 counted) and of the
# 1904 system (workbookPr date1904) --------------------------------------------------------------

EPOCH_1900 = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)

# -- vocabularies (docs/definitions.md § The workbook) ---------------------------------------------

STAGES = ("Wishlist", "Applied", "Screen", "Interview", "Final", "Offer")
FUNNEL_STAGES = STAGES[1:]
STATUSES = ("Active", "Rejected", "Withdrawn", "No response", "Offer declined", "Accepted")
SOURCES = (
    "Referral",
    "Company site",
    "LinkedIn",
    "Job board",
    "Recruiter",
    "Career fair",
    "Network",
    "Other",
)
WORK_MODES = ("Onsite", "Hybrid", "Remote")
INTERVIEW_FORMATS = ("Phone", "Video", "Onsite")
INTERVIEW_OUTCOMES = ("Pending", "Advanced", "Rejected", "Offer", "Cancelled")
OUTCOME_CANCELLED = (
    "Cancelled"  # an interview that will not take place (docs/definitions.md § Deadlines)
)
HELD_OUTCOMES = ("Advanced", "Rejected", "Offer")  # the interview took place
CONTACT_ROLES = ("Recruiter", "Hiring manager", "Interviewer", "Referral", "Other")
QUESTION_CATEGORIES = (
    "Behavioral",
    "Technical",
    "Situational",
    "Company",
    "Motivation",
    "Salary",
    "Other",
)
YES_NO = ("Yes", "No")
FLEXIBLE = ("Yes", "Partial", "No")
OFFER_STATUSES = ("Pending", "Negotiating", "Accepted", "Declined", "Expired", "Rescinded")
OPEN_OFFER_STATUSES = ("Pending", "Negotiating")
CLOSED_OFFER_STATUSES = ("Declined", "Expired", "Rescinded")
# A Next action starting with one of these words closes the application: it is its only reminder
# (no follow-up beside it) and no follow-up letter is written for it (docs/definitions.md § Deadlines). `accept`
# writes "Withdraw: accepted ..." and "Decline O05: accepted ...".
CLOSING_ACTIONS = ("Withdraw", "Decline")
CHANNELS = ("Phone", "Email", "Video", "In person")
ACTION_TYPES = ("Practice answers", "Rehearsal", "Training", "Book", "Coaching", "Other")

FLAG_DONE = "Done"
FLAG_OVERDUE = "Overdue"
FLAG_TODAY = "Due today"
FLAG_SOON = "Due soon"
FLAG_TOO_SOON = "Too soon"
FLAGS = (FLAG_OVERDUE, FLAG_TODAY, FLAG_SOON, FLAG_DONE, FLAG_TOO_SOON)

# -- formats ---------------------------------------------------------------------------------------

DATE_FORMAT = "yyyy-mm-dd"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"  # a keeps_time date that has a time of day
MONEY_FORMAT = "#,##0"
MONEY_CENTS_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0%"
INT_FORMAT = "0"
NUMBER_FORMAT = "0.##"

# Column kinds. "done" is a date that marks something finished: any value counts as done.
KINDS = (
    "id",
    "text",
    "choice",
    "date",
    "done",
    "money",
    "number",
    "int",
    "percent",
    "rating",
)
NUMERIC_KINDS = ("money", "number", "int", "percent", "rating")
DATE_KINDS = ("date", "done")

_DEFAULT_FORMAT = {
    "date": DATE_FORMAT,
    "done": DATE_FORMAT,
    "money": MONEY_FORMAT,
    "percent": PERCENT_FORMAT,
    "int": INT_FORMAT,
    "rating": INT_FORMAT,
    "number": NUMBER_FORMAT,
}
_DEFAULT_WIDTH = {
    "id": 9,
    "date": 12,
    "done": 12,
    "money": 12,
    "percent": 10,
    "int": 9,
    "rating": 9,
    "number": 10,
    "choice": 14,
    "text": 18,
}


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    header: str
    kind: str = "text"
    required: bool = False  # the header must be present (a required column)
    needs_value: bool = False  # every non-blank row must fill it
    choices: tuple[str, ...] = ()
    strict: bool = True  # False: values outside `choices` are kept as written, no problem
    formula: str | None = None  # computed column: the Excel formula (short-hand, see module doc)
    note: str = ""
    width: int | None = None
    number_format: str | None = None
    lo: float | None = None  # smallest allowed number
    hi: float | None = None  # largest allowed number
    ref: str | None = None  # an ID that must exist in this table's ID column
    keeps_time: bool = False  # a date whose time of day the reader also keeps (``Book.times``)
    dropdown: str | None = None  # a defined name whose cells are the allowed values (a dropdown)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r} for {self.header!r}")

    @property
    def computed(self) -> bool:
        return self.formula is not None

    @property
    def key(self) -> str:
        """The snake_case JSON key of README § The command line (``Bonus target %`` -> ``bonus_target_pct``)."""
        return snake(self.header)

    @property
    def fmt(self) -> str | None:
        return self.number_format or _DEFAULT_FORMAT.get(self.kind)

    @property
    def col_width(self) -> int:
        if self.width:
            return self.width
        return max(_DEFAULT_WIDTH.get(self.kind, 14), min(len(self.header) + 3, 28))


@dataclass(frozen=True)
class Table:
    """One sheet holding one Excel Table of the same name."""

    name: str
    columns: tuple[Column, ...]
    note: str = ""
    id_column: str | None = None  # the column that `deadlines` reports as `id`
    fields: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", {c.header: c for c in self.columns})

    def __getitem__(self, header: str) -> Column:
        return self.fields[header]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.header for c in self.columns if c.required]

    @property
    def inputs(self) -> list[Column]:
        return [c for c in self.columns if not c.computed]

    @property
    def computed(self) -> list[Column]:
        return [c for c in self.columns if c.computed]


def snake(header: str) -> str:
    """README § The command line: lower case, ``%`` -> ``pct``, ``/`` -> ``_per_``, other runs -> ``_``."""
    s = header.lower().replace("%", " pct ").replace("/", " per ")
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


_ALLOWED_VALUES = re.compile(r"\([^()]*\)\s*$")


def norm_header(text: object) -> str:
    """Headers match case- and space-insensitively, with or without the allowed values in
    brackets that some headers carry: `Work mode (Onsite/Hybrid/Remote)` is `Work mode`."""
    return re.sub(r"\s+", "", _ALLOWED_VALUES.sub("", str(text))).casefold()


def exact_header(text: object) -> bool:
    """Whether `text` is its header as written, brackets and all (``Notes``, not ``Notes
    (private)``): it then names its column before any header that only its brackets' removal
    makes alike."""
    return norm_header(text) == re.sub(r"\s+", "", str(text)).casefold()


def header_columns(headers: Iterable[tuple[int, object]]) -> dict[str, int]:
    """Normalised header (``norm_header``) -> column, from (column, header text) pairs: a header
    written exactly as the name (case and spaces aside) wins over one that matches only without
    its bracketed suffix (``Notes`` over ``Notes (private)``, whatever their order); among equals,
    the leftmost."""
    exact: dict[str, int] = {}
    loose: dict[str, int] = {}
    for col, text in sorted(headers, key=lambda h: h[0]):
        if text is None or text == "":
            continue
        (exact if exact_header(text) else loose).setdefault(norm_header(text), col)
    return {**loose, **exact}


# -- formula builders (the one place each formula is written) --------------------------------------

TODAY = "{TODAY}"
HOLIDAYS = "{HOLIDAYS}"


def lookup_formula(target_table: str, target_col: str, key: str, key_col: str = "ID") -> str:
    """Text of `target_col` in `target_table` on the row whose `key_col` equals `key`; "" if none."""
    return f'IFERROR(""&INDEX({target_table}[{target_col}],MATCH({key},{target_table}[{key_col}],0)),"")'


def print_area(sheet: str, table_ref: str, last_row: int) -> str:
    """A table sheet's print area: the Table's columns, from its header row down to `last_row`
    (the last row in use), so that the pre-filled empty rows never print as pages of headers.

    LibreOffice 7.4 takes only a literal range from ``_xlnm.Print_Area`` (it ignores OFFSET or
    INDEX formulas that Excel would follow), so whoever adds rows sets it again: the template
    builder, and the editor when a row lands below the area.
    ``print_area("Pipeline", "A1:T501", 62) == "Pipeline!$A$1:$T$62"``."""
    first, last = table_ref.split(":")
    c1, r1 = re.match(r"([A-Z]+)(\d+)", first.upper()).groups()
    c2 = re.match(r"([A-Z]+)", last.upper()).group(1)
    name = (
        sheet
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet)
        else "'{}'".format(sheet.replace("'", "''"))
    )
    return f"{name}!${c1}${r1}:${c2}${max(int(last_row), int(r1))}"


def flag_formula(
    due: str, done: str | None = None, raw: bool = False, unless: str | None = None
) -> str:
    """docs/definitions.md § Deadlines: the flag of due date `due` given the boolean `done`.

    `raw` marks a due date typed by the user (maybe with a time of day): it is truncated with INT.
    `unless`: a condition under which there is no deadline (blank, unless done), e.g. a row dated
    after the as-of date (:func:`after_as_of`).
    """
    d = f"INT({due})" if raw else due
    core = (
        f'IF({due}="","",IF({TODAY}>{d},"{FLAG_OVERDUE}",IF({TODAY}={d},"{FLAG_TODAY}",'
        f'IF(NETWORKDAYS({TODAY}+1,{d},{HOLIDAYS})<=2,"{FLAG_SOON}",""))))'
    )
    if unless:
        core = f'IF({unless},"",{core})'
    return f'IF({done},"{FLAG_DONE}",{core})' if done else core


def after_as_of(col: str) -> str:
    """This row's date `col` is after the as-of date: the row was not known that day (docs/definitions.md
    § Deadlines). A blank or a text is known (N gives 0), as the Python core reads it."""
    return f"INT(N([@{col}]))>{TODAY}"


def last_contact_known() -> str:
    """This Pipeline row's Last contact as the as-of date knows it (``core.known.contacts_known``):
    its number (0 for a blank or a text, which MAX skipped before); one after that day had not
    happened yet, and in its place stands the latest contact the book shows on or before that day
    (the First response, an interview not Cancelled, an offer), else 0."""
    day = f"({TODAY}+1)"
    first = f"IF({after_as_of('First response')},0,N([@First response]))"
    interview = (
        f'_xlfn.MAXIFS(Interviews[Date],Interviews[Application ID],[@ID],Interviews[Date],"<"&{day},'
        f'Interviews[Outcome],"<>{OUTCOME_CANCELLED}")'
    )
    offer = f'_xlfn.MAXIFS(Offers[Offer date],Offers[Application ID],[@ID],Offers[Offer date],"<"&{day})'
    return f"IF({after_as_of('Last contact')},MAX({first},{interview},{offer}),N([@Last contact]))"


def done_by(col: str) -> str:
    """This row's done mark `col` set by the as-of date: anything but blank or FALSE, and not a
    date after that day (N gives 0 for a mark such as x)."""
    return f'AND([@{col}]<>"",[@{col}]<>FALSE,INT(N([@{col}]))<={TODAY})'


def action_unknown(ids: str = "[@ID]") -> str:
    """A Next action the as-of date did not know (``core.known.actions_known``): only on a past
    as-of date (before today), one whose text or due date History wrote after that day (accepting
    an offer writes the others' Withdraw). `ids`: this row's ID (``[@ID]``) or, in an array
    formula, ``Pipeline[ID]``. TRUE or FALSE (an array of them for an array of IDs)."""
    written = "+".join(
        f'COUNTIFS(History[Sheet],"Pipeline",History[ID],{ids},History[Column],'
        f'"{column}",History[When],">="&({TODAY}+1))'
        for column in ("Next action", "Next action due")
    )
    written = f"({written})>0"
    return f"IF({TODAY}<TODAY(),{written},FALSE)"


def known_rows(table: str, col: str) -> str:
    """Array form of "not after the as-of date" for SUMPRODUCT and array formulas: 1 for each row
    of `table` whose `col` is blank, a text or on or before the as-of date. Arithmetic only (no
    IF), so SUMPRODUCT needs no array entry in any Excel."""
    return f"((1-ISNUMBER({table}[{col}]))+({table}[{col}]<{TODAY}+1)>0)"


def closing_action(cell: str = "[@Next action]") -> str:
    """`cell` (a Next action) starts with one of CLOSING_ACTIONS, whatever its case (Excel's =),
    after leading spaces (TRIM)."""
    tests = ",".join(f'LEFT(TRIM({cell}),{len(w)})="{w}"' for w in CLOSING_ACTIONS)
    return f"OR({tests})"


# -- Settings (named cells) ------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    name: str  # the named cell (a valid Excel name)
    # "date", "text", "email", "int", "number", "zone" (a time zone name such as Europe/Berlin)
    kind: str
    default: object
    note: str
    lo: float | None = None
    hi: float | None = None
    label: str | None = None  # the text in column A when it is not the name ("Your name")
    aliases: tuple[str, ...] = ()  # older named cells read when this one is missing or blank

    @property
    def title(self) -> str:
        """What the Settings sheet shows beside the value."""
        return self.label or self.name


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "AsOf",
        "date",
        None,
        "Today for deadlines, flags and this month (statistics count every row); blank: today.",
    ),
    Setting("Country", "text", "US", "Country code of the holiday calendar (US, GB, DE, FR...)."),
    Setting(
        "TimeZone",
        "zone",
        None,
        "Calendar time zone, e.g. Europe/Berlin; blank: this computer's zone.",
    ),
    Setting("ThankYouDays", "int", 1, "Business days to send a thank-you note.", 0, 60),
    Setting("FollowUpDays", "int", 5, "Business days before following up.", 0, 260),
    Setting(
        "DecisionDays", "int", 2, "Business days to decide on an offer with no deadline.", 0, 60
    ),
    Setting("NoticeWeeks", "number", 2, "Weeks of notice at your current job.", 0, 52),
    Setting("RestDays", "int", 3, "Days off between jobs.", 0, 366),
    Setting("WorkWeeksPerYear", "number", 48, "Weeks worked in a year.", 1, 53),
    Setting("HoursPerWeek", "number", 40, "Hours worked in a week.", 1, 168),
    Setting(
        "HorizonYears",
        "number",
        4,
        "Years over which one-time amounts are spread (0: none).",
        0,
        50,
    ),
    Setting(
        "Backups",
        "int",
        5,
        "Backups of this book jobbook keeps beside it when it changes the book (0: none).",
        0,
        1000,
    ),
    # The profile: message drafts (README § Message drafts) sign and address letters with it.
    Setting(
        "YourName",
        "text",
        None,
        "Signs your message drafts; names you in reports.",
        label="Your name",
        aliases=("Name",),  # books made before the profile: the optional Name setting
    ),
    Setting(
        "YourEmail", "email", None, "The sender of your message drafts (.eml).", label="Your email"
    ),
    Setting(
        "CurrentEmployer",
        "text",
        None,
        "Where you work now (for the resignation letter).",
        label="Current employer",
    ),
    Setting(
        "CurrentManager",
        "text",
        None,
        "Your manager there, named as in Contacts (resignation).",
        label="Current manager",
    ),
    Setting(
        "Degree",
        "text",
        None,
        "e.g. BSc Statistics: an argument of a counteroffer.",
        label="Degree",
    ),
    Setting(
        "Certifications",
        "text",
        None,
        "Certifications for a counteroffer, separated by ;",
        label="Certifications",
    ),
)
SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}
PROFILE = ("YourName", "YourEmail", "CurrentEmployer", "CurrentManager", "Degree", "Certifications")

# The message drafts of README § Message drafts (`jobbook draft BOOK KIND ID`) and the sheet of each ID.
DRAFT_KINDS = {
    "thank-you": "Interviews",
    "follow-up": "Pipeline",
    "feedback": "Pipeline",
    "withdraw": "Pipeline",
    "counter": "Offers",
    "accept": "Offers",
    "decline": "Offers",
    "resign": "Offers",
}
AS_OF_DATE_NAME = "AsOfDate"  # the named cell holding IF(AsOf="",TODAY(),INT(AsOf))


# -- expanding the short-hand into the formula Excel stores ----------------------------------------

_THIS_ROW = re.compile(r"\[@([^\]]+)\]")


def _escape(col: str) -> str:
    """Structured-reference escaping: ' [ ] # take a leading apostrophe."""
    return re.sub(r"(['\[\]#])", r"'\1", col)


def excel_formula(table: str, formula: str) -> str:
    """The formula as Excel stores it (no leading '='): long structured references, named cells."""
    out = _THIS_ROW.sub(lambda m: f"{table}[[#This Row],[{_escape(m.group(1))}]]", formula)
    return out.replace(TODAY, AS_OF_DATE_NAME).replace(HOLIDAYS, "Holidays[Date]")
