"""A coach's cohort report: one row per person, totals, and the report's charts across everyone.

Each book is read on its own (its own settings and holidays), all as of one date, by
``person_part`` - in a process pool using every core, or on a Dask distributed cluster
(``scheduler="tls://HOST:PORT"``, or ``tcp://`` on a trusted network: ``_cluster``). Only the
sheets the cohort's figures need are read (``COHORT_TABLES``). Each returns a small result (the
person's row and only the columns of the computed tables that the combined report reads), never
a Book, and results stream into the report in the order the books were given. A book that cannot
be read is listed with its error and the others are still reported; when none can be read,
nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from .. import views
from .._files import check_output, memory_writer, workbook_writer, write_new
from ..core.stats import outcome_stats
from ..errors import BadValue, JobbookError
from ..looks import style as st
from ..reader import read_book
from ..schema import TABLES
from ._cluster import on_cluster, scheme_of
from ._drawing import Drawing
from .data import REPORT_READS, ReportData, assemble, deadline_frames
from .sheets import Sheet, charts_sheet, flow_sheet, print_setup, summary_sheet
from .xlsx import month_name

PERSON_COLUMNS = [
    "Person",
    "File",
    "Applications",
    "Responses",
    "Response rate",
    "Interview rate",
    "Offer rate",
    "Interviews held",
    "Offers received",
    "All-time applications",
    "Active",
    "Accepted",
    "Overdue",
    "Due in the next 14 days",
]
Progress = Callable[[Iterable, int], Iterable]


@dataclass
class Cohort:
    month: pd.Period
    people: pd.DataFrame  # PERSON_COLUMNS
    combined: ReportData | None  # the report over everyone (None if no book could be read)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, error)
    repeated: list[str] = field(default_factory=list)  # files given more than once (reported once)


@dataclass
class Part:
    """One person's share of a cohort report: small enough to send back from a worker."""

    file: str
    error: str | None = None
    row: dict | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # REPORT_READS columns + Person
    overdue: pd.DataFrame | None = None
    upcoming: pd.DataFrame | None = None


def person_name(book) -> str:
    return book.settings.YourName or book.path.stem


def _row(name: str, path: Path, month: dict, all_time: dict, overdue: int, upcoming: int) -> dict:
    """The person's row: `month` and `all_time` are ``outcome_stats`` of the month and of all time
    (as a report's ``stats`` and ``all_time``), with the number of their overdue and upcoming
    deadlines."""
    (m,) = month["by_month"]  # a month's statistics hold that month only
    return {
        "Person": name,
        "File": path.name,
        "Applications": month["applications"],
        "Responses": month["responses"],
        "Response rate": month["response_rate"],
        "Interview rate": month["interview_rate"],
        "Offer rate": month["offer_rate"],
        "Interviews held": month["by_month"][m]["interviews"],
        "Offers received": month["by_month"][m]["offers"],
        "All-time applications": all_time["applications"],
        "Active": all_time["active"],
        "Accepted": all_time["accepted"],
        "Overdue": overdue,
        "Due in the next 14 days": upcoming,
    }


# The tables a cohort's figures read: the combined report's and the deadlines'. No other sheet of a
# person's book is read (Contacts, Negotiation...).
COHORT_TABLES = tuple(
    dict.fromkeys([*REPORT_READS, *(t for t in views.NEEDS_DEADLINES if t in TABLES)])
)


def person_part(path: str | Path, month: str, as_of: dt.date) -> Part:
    """Read one person's book and compute their row and their share of the combined report (run
    in a worker process or on a Dask worker: plain arguments, a small picklable result). Only the
    sheets of COHORT_TABLES are read."""
    path = Path(path)
    period = pd.Period(month, freq="M")
    try:
        book = read_book(path, as_of=as_of, only=COHORT_TABLES)
        name = person_name(book)
        od, up = deadline_frames(book)
        t = book.tables
        this = outcome_stats(t["Pipeline"], t["Interviews"], t["Offers"], period, as_of=as_of)
        every = outcome_stats(t["Pipeline"], t["Interviews"], t["Offers"], as_of=as_of)
        tables = {
            n: t[n][cols or list(t[n])].assign(Person=name).reset_index(drop=True)
            for n, cols in REPORT_READS.items()
        }
    except JobbookError as exc:
        return Part(str(path), error=str(exc))
    return Part(
        str(path),
        row=_row(name, path, this, every, len(od), len(up)),
        tables=tables,
        overdue=od.assign(person=name),
        upcoming=up.assign(person=name),
    )


def _totals(people: pd.DataFrame) -> dict:
    n = people["Applications"].sum()
    out = {"Person": "Cohort", "File": f"{len(people)} people"}
    for c in PERSON_COLUMNS[2:]:
        if c.endswith("rate"):
            continue
        out[c] = int(people[c].sum())
    resp = people["Responses"].sum()
    out["Response rate"] = resp / n if n else None
    for rate, count in (("Interview rate", "Interview rate"), ("Offer rate", "Offer rate")):
        out[rate] = (
            float((people[count].fillna(0) * people["Applications"]).sum() / n) if n else None
        )
    return out


def _in_processes(run: Callable[[str], Part], paths: list[str], workers: int) -> Iterator[Part]:
    """`run` over `paths` on `workers` processes (here, for one book or one core), in order."""
    if workers <= 1 or len(paths) <= 1:
        yield from map(run, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(8, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
        yield from pool.map(run, paths, chunksize=chunk)


def build_cohort(
    paths: Iterable[Path],
    month: str,
    as_of: dt.date | None = None,
    progress: Progress = lambda items, total: items,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Cohort:
    """The cohort report of `paths` for `month`. Books are read in a pool of `workers` processes
    (default: every core), or on the Dask cluster at `scheduler`; `progress(results, total)` wraps
    the stream of results (a progress bar)."""
    period = pd.Period(month, freq="M")
    if scheduler:
        scheme_of(scheduler)  # a usage error before any work
    as_of = as_of or dt.date.today()  # one date for everyone, whatever AsOf each book pins
    unique, repeated, seen = [], [], set()
    for path in paths:
        key = Path(path).resolve()
        if key in seen:
            repeated.append(str(path))
            continue
        seen.add(key)
        unique.append(str(path))
    run = partial(person_part, month=str(period), as_of=as_of)
    if scheduler:
        results = on_cluster(run, unique, scheduler)
    else:
        results = _in_processes(run, unique, workers or os.cpu_count() or 1)
    rows, failures, tables, overdue, upcoming = [], [], {}, [], []
    for part in progress(results, len(unique)):
        if part.error is not None:
            failures.append((part.file, part.error))
            continue
        rows.append(part.row)
        for t, df in part.tables.items():
            tables.setdefault(t, []).append(df)
        overdue.append(part.overdue)
        upcoming.append(part.upcoming)
    people = pd.DataFrame(rows, columns=PERSON_COLUMNS)
    if not rows:
        return Cohort(period, people, None, failures, repeated)
    joined = {t: pd.concat(v, ignore_index=True) for t, v in tables.items()}
    combined = assemble(
        joined,
        pd.concat(overdue, ignore_index=True),
        pd.concat(upcoming, ignore_index=True),
        as_of,
        period,
        f"Cohort of {len(rows)}",
    )
    return Cohort(period, people, combined, failures, repeated)


def cohort_workbook(c: Cohort, sankey: bytes | None = None) -> Workbook:
    """The cohort's workbook; `sankey`: its Sankey picture if already drawn (``_drawing``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Cohort"
    s = Sheet(ws)
    s.title(
        f"Cohort report: {month_name(c.month)}",
        f"{len(c.people)} people reported, {len(c.failures)} book(s) unreadable",
    )
    table = (
        pd.concat([c.people, pd.DataFrame([_totals(c.people)])], ignore_index=True)
        if len(c.people)
        else c.people
    )
    head, last = s.table(
        f"Per person ({month_name(c.month)} unless marked all-time)",
        table,
        {k: "0.0%" for k in PERSON_COLUMNS if k.endswith("rate")},
    )
    if len(c.people):
        for col in range(1, len(PERSON_COLUMNS) + 1):
            ws.cell(last, col).font = st.BOLD
    failures = pd.DataFrame(c.failures, columns=["File", "Error"])
    s.table(
        f"Books that could not be read ({len(failures)})", failures, empty="Every book was read."
    )
    s.fit_columns(minimum=10, first=22)
    print_setup(ws)
    if c.combined is not None:
        summary_sheet(wb, c.combined, "the cohort's books")
        charts_sheet(wb, c.combined)
        flow_sheet(wb, c.combined, sankey)
    return wb


def write_cohort(
    paths: list[Path],
    month: str,
    out: Path,
    pdf: Path | None = None,
    *,
    force: bool = False,
    as_of: dt.date | None = None,
    progress: Progress = lambda items, total: items,
    workers: int | None = None,
    scheduler: str | None = None,
) -> tuple[Cohort, list[Path]]:
    if scheduler:
        scheme_of(scheduler)  # a usage error before any work
    out = check_output(out, (".xlsx",), force, paths)
    if pdf is not None:
        pdf = check_output(pdf, (".pdf",), force, paths)
    with Drawing() as drawing:  # matplotlib loads meanwhile, in another process
        c = build_cohort(paths, month, as_of, progress, workers=workers, scheduler=scheduler)
        if c.combined is None:
            errors = "; ".join(f"{f}: {e}" for f, e in c.failures) or "no books given"
            raise BadValue(f"no book of the cohort could be read, nothing written ({errors})")
        sankey = drawing.result(drawing.submit("sankey", c.combined.flows))
    outputs = [(Path(out), workbook_writer(cohort_workbook(c, sankey)))]
    if pdf is not None:
        from .pdf import report_pdf  # matplotlib's PDF backend: only when a PDF is asked for

        outputs.append(
            (
                Path(pdf),
                memory_writer(
                    lambda buffer: report_pdf(
                        c.combined, buffer, before=(lambda p: _people_page(p, c),)
                    )
                ),
            )
        )
    return c, write_new(outputs, force=force)


def _people_page(pdf, c: Cohort) -> None:
    """The PDF's first page: the per-person table with the cohort's totals, and unreadable books."""
    from .pdf import table_page

    table = pd.concat([c.people, pd.DataFrame([_totals(c.people)])], ignore_index=True)
    rates = {k: "rate" for k in PERSON_COLUMNS if k.endswith("rate")}
    failures = pd.DataFrame(c.failures, columns=["File", "Error"])
    table_page(
        pdf,
        c.combined,
        f"Cohort report: {month_name(c.month)}",
        [
            (
                f"Per person ({month_name(c.month)} unless marked all-time)",
                table.drop(columns=["File"]),
                "None.",
                rates,
            ),
            (f"Books that could not be read ({len(failures)})", failures, "Every book was read."),
        ],
    )
