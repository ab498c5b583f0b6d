"""jobbook mail: the search's messages read offline (README § Your mail)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._change import held, history_lines, history_log, stale_warning
from ._output import text_table, to_csv, to_json
from ._shared import BOOK, ISO_DATE, load, output_options

EVIDENCE_SHOWN = 8  # pieces of evidence --json lists for a message, strongest first

SUBJECT_WIDTH = 42
CHANGE_FIELDS = ("message_id", "date", "subject", "kind", "match", "application_id", "company")
NEEDS = {
    "Pipeline": ["ID", "Company", "Role", "Stage", "Status", "Date applied"],
    "Interviews": ["ID", "Application ID", "Date", "Outcome"],
    "Offers": ["ID", "Application ID"],
    "Lessons": ["Application ID"],
    "Contacts": ["Name", "Email"],
}


def _needs_extra() -> None:
    from ..errors import UsageError

    try:
        import bs4  # noqa: F401
        import dateparser  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            f"jobbook mail needs the mail extra ({exc.name} is missing): pip install 'jobbook[mail]'"
        ) from None


def _shown(value: object) -> str:
    import datetime as dt

    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return str(value)


def _change_lines(p) -> list[str]:
    """A proposal's changes, a new row on one line."""
    out, rows = [], {}
    for c in p.changes:
        key = (c.sheet, c.id)
        if c.column == "(row)":
            rows[key] = []
            out.append(key)
        elif key in rows:
            rows[key].append(f"{c.column} {_shown(c.new)}")
        else:
            out.append(f"{c.sheet} {c.id} {c.column}: {_shown(c.old)} -> {_shown(c.new)}")
    lines = []
    for item in out:
        if isinstance(item, tuple):
            sheet, rid = item
            lines.append(f"{sheet} {rid} added: " + ", ".join(rows[item]))
        else:
            lines.append(item)
    return lines


def _json_value(value: object) -> object:
    """A value for --json: a date and time as ``2026-03-10 14:30`` (plain dates stay dates)."""
    import datetime as dt

    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return value.isoformat(sep=" ", timespec="minutes")
    return value


def _record(p, day) -> dict:
    match = p.match.match if p.match is not None else None
    return {
        "message_id": p.mail.message_id,
        "date": day(p.mail),
        "subject": p.mail.subject,
        "kind": p.reading.kind,
        "match": match,
        "application_id": p.app_id,
        "company": p.company,
        "changes": [
            {
                "sheet": c.sheet,
                "id": c.id,
                "column": c.column,
                "old": _json_value(c.old),
                "new": _json_value(c.new),
            }
            for c in p.changes
        ],
        "candidates": [a.id for a in (p.match.candidates if p.match else ())],
        "status": p.status,
        "why": p.match.why if p.match is not None else "",
        "evidence": list(p.reading.why[:EVIDENCE_SHOWN]),
        "notes": p.notes,
    }


def _records(run) -> list[dict]:
    """One object per message, oldest first (README § Your mail), `other` included."""

    def day(mail) -> str:
        return run.day(mail.date).isoformat()

    out = [(p.mail.date, _record(p, day)) for p in run.proposals]
    out += [
        (
            o.date,
            {
                "message_id": o.message_id,
                "date": run.day(o.date).isoformat(),
                "subject": o.subject,
                "kind": "other",
                "match": None,
                "application_id": None,
                "company": None,
                "changes": [],
                "candidates": [],
                "status": "no change",
                "why": o.why,
                "evidence": list(o.evidence[:EVIDENCE_SHOWN]),
                "notes": [],
            },
        )
        for o in run.others
    ]
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _text(run, sources: list[Path], applied: bool, written: str | None) -> str:
    rows = []
    for p in run.proposals:
        app = f"{p.app_id or ''} {p.company or ''}".strip() or "-"
        match = p.match.match if p.match is not None else "-"
        if p.status == "needs --pick":
            cands = ", ".join(f"{a.id} ({a.role or a.company})" for a in p.match.candidates)
            lines = [
                f"which application? {cands or 'no employer named'}: "
                f"--pick '{p.mail.message_id}=APP_ID'"
            ]
        else:
            lines = _change_lines(p) or [f"({p.status}{': ' + p.notes[0] if p.notes else ''})"]
        lines += [f"note: {n}" for n in p.notes if p.changes or p.status == "needs --pick"]
        for k, line in enumerate(lines):
            first = k == 0
            rows.append(
                [
                    p.mail.date.date().isoformat() if first else "",
                    p.reading.kind if first else "",
                    match if first else "",
                    _cut(app, 28) if first else "",
                    _cut(p.mail.subject, SUBJECT_WIDTH) if first else "",
                    line,
                ]
            )
    names = ", ".join(s.name for s in sources)
    head = [f"Read {run.read} message(s) from {names}."]
    if run.problems:
        head.append(
            f"{len(run.problems)} could not be read (listed on stderr); the rest were read."
        )
    if run.duplicates:
        head.append(f"{run.duplicates} duplicate(s) of a message read already (same Message-ID).")
    if run.before_since:
        head.append(f"{run.before_since} before --since, left out.")
    head.append(
        f"{len(run.others)} other (alerts, account mail, newsletters, codes, your own): no change; "
        "--json lists them."
    )
    out = [" ".join(head)]
    if rows:
        out += ["", text_table(["Date", "Kind", "Match", "Application", "Subject", "Change"], rows)]
    counts: dict[str, int] = {}
    for p in run.proposals:
        counts[p.status] = counts.get(p.status, 0) + 1
    waiting = counts.get("needs --pick", 0)
    cells = sum(len(p.changes) for p in run.proposals if p.status == "proposed")
    out.append("")
    if written is not None:
        out.append(written)
    elif cells:
        out.append(
            f"{counts.get('proposed', 0)} message(s) propose {cells} change(s); nothing is written "
            "without --apply."
        )
    else:
        out.append("Nothing to change.")
    if waiting:
        out.append(
            f"{waiting} message(s) name no single application: --pick MESSAGE_ID=APP_ID says which"
            + (" (they were not applied)." if applied else ".")
        )
    if counts.get("applied before"):
        out.append(
            f"{counts['applied before']} message(s) were applied before (History): not again."
        )
    return "\n".join(out)


def _progress(sources: list[Path]):
    """A progress bar over the sources' bytes on a terminal; None in a pipe."""
    if not sys.stderr.isatty():
        return None, None
    from ..mail.sources import count_bytes

    bar = click.progressbar(
        length=max(1, count_bytes(sources)), label="Reading mail", file=sys.stderr
    )
    return bar, bar.update


@click.command()
@BOOK
@click.argument(
    "sources", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="SOURCE..."
)
@click.option("--since", type=ISO_DATE, default=None, help="Only messages from this day on.")
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
    help="Write the proposed changes into BOOK (a backup is kept; History notes each message).",
)
@click.option(
    "--pick",
    "picks",
    multiple=True,
    metavar="MESSAGE_ID=APP_ID",
    help="Say which application an ambiguous message is about (repeatable).",
)
@output_options
def mail(book: Path, sources, since, apply_: bool, picks, fmt: str) -> None:
    """Read the mail you exported (an mbox from Gmail Takeout, Thunderbird or Apple Mail, a
    folder of .eml files, or a .zip of either) and propose what it changes in BOOK: applications
    confirmed, rejections, interviews with their times (calendar invitations, cancellations and
    reschedules), assessments, offers and recruiters' approaches. Nothing leaves your computer:
    attachments are never opened, links never followed. Without --apply nothing is written.

    \b
    Example:
      jobbook mail search.xlsx ~/Downloads/takeout-20260310.zip --since 2026-01-01
      jobbook mail search.xlsx Inbox.mbox --apply
      jobbook mail search.xlsx mail/ --pick '<CAF12@mail.example>=A012' --apply
      jobbook mail search.xlsx Inbox.mbox --json
    """
    from ..mail import applied_messages, apply_run, invitations, pick_map, read_mail
    from ..mail.sources import check_sources
    from ..schema import SOURCE_MAIL

    _needs_extra()
    chosen = pick_map(picks)
    check_sources(list(sources))
    with held(book, not apply_):
        b = load(book, None, NEEDS)
        applied, uids = applied_messages(b), invitations(b)
        bar, progress = _progress(list(sources))
        try:
            run = read_mail(
                b, list(sources), since=since, picks=chosen, applied=applied, uids=uids,
                progress=progress,
            )  # fmt: skip
        finally:
            if bar is not None:
                bar.render_finish()
        for problem in run.problems:
            click.echo(f"warning: {problem}", err=True)
        written = None
        if apply_:
            log = history_log(b, SOURCE_MAIL, None, "jobbook mail") if run.changes() else None
            edit = apply_run(b, book, run, log)
            if edit is None or not edit.changed:
                written = f"Nothing to change; {book.name} is left as it was."
            else:
                kept = f"; the old one is kept as {edit.backup.name}" if edit.backup else ""
                written = f"Wrote {book} ({len(edit.cells)} cell(s) changed){kept}."
                written = " ".join([written, *history_lines(edit, False)])
                if edit.stale:
                    click.echo(f"warning: {stale_warning(edit.stale, False)}", err=True)
    records = _records(run)
    if fmt == "json":
        click.echo(to_json(records))
    elif fmt == "csv":
        flat = [
            {**{k: r[k] for k in CHANGE_FIELDS}, **c}
            for r in records
            for c in (
                r["changes"]
                or [{"sheet": None, "id": None, "column": None, "old": None, "new": None}]
            )
        ]
        click.echo(to_csv(flat, (*CHANGE_FIELDS, "sheet", "id", "column", "old", "new")), nl=False)
    else:
        click.echo(_text(run, list(sources), apply_, written))
