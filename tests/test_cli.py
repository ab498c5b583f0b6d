"""The command line: exact JSON on the hand-made search, exit codes and one-line errors."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jobbook.cli import cli, main

from handmade import new_workbook, save, write_sheet
from test_figures import ALL_TIME, EXPECTED_DEADLINES, FEBRUARY, NO_HISTORY

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_json(capsys, search_book):
    code, out, err = run(capsys, "stats", search_book, "--as-of", "2026-03-10", "--json")
    assert code == 0, err
    assert json.loads(out) == {**ALL_TIME, "time_in_stage": NO_HISTORY, "as_of": "2026-03-10"}
    code, out, _ = run(
        capsys, "stats", search_book, "--as-of", "2026-03-10", "--month", "2026-02", "--json"
    )
    assert json.loads(out) == {**FEBRUARY, "time_in_stage": NO_HISTORY, "as_of": "2026-03-10"}


def test_deadlines_json(capsys, search_book):
    code, out, _ = run(capsys, "deadlines", search_book, "--as-of", "2026-03-10", "--json")
    assert code == 0
    assert json.loads(out) == EXPECTED_DEADLINES
    code, out, _ = run(
        capsys, "deadlines", search_book, "--as-of", "2026-03-10", "--within", "3", "--json"
    )
    assert json.loads(out) == EXPECTED_DEADLINES[:10]


O1 = {
    "id": "O1",
    "application_id": "A1",
    "company": "Acme",
    "role": None,
    "offer_date": "2026-01-30",
    "deadline_given": None,
    "decision_due": "2026-02-03",
    "decision_flag": "Done",
    "base_salary": 100000.0,
    "bonus_target_pct": 0.1,
    "signing_bonus": 5000.0,
    "sign_on_clawback_months": None,
    "relocation_allowance": 3000.0,
    "relocation_cost": 2000.0,
    "equity_grant_value": 40000.0,
    "vesting_years": 4.0,
    "vesting_schedule": None,
    "refresh_pct_per_year": None,
    "retirement_match_pct": 0.05,
    "benefits_value": 6000.0,
    "pto_days": 25,
    "onsite_days_per_week": 3.0,
    "commute_cost_per_day": 10.0,
    "commute_minutes_one_way": 30,
    "flexible_hours": "Partial",
    "cost_of_living_index": None,
    "tax_rate_pct": None,
    "status": "Accepted",
    "counter_base": None,
    "final_base": None,
    "notes": None,
    "annual_bonus": 10000.0,
    "equity_per_year": 10000.0,
    "retirement_match": 5000.0,
    "commute_cost_per_year": 1440.0,
    "recurring_total": 129560.0,
    "first_year_total": 135560.0,
    "average_annual_total": 131060.0,
    "effective_hourly": 129560 / 2064,
    # docs/definitions.md § Year by year: even vesting (10,000 a year), no refresh; year 1 adds the one-time 6,000
    "year_1_total": 135560.0,
    "year_2_total": 129560.0,
    "year_3_total": 129560.0,
    "year_4_total": 129560.0,
    "after_tax_year_1": 135560.0,  # no tax rate
    "cost_of_living_adjusted_average": 131060.0,  # index blank = 100
    "clawback_at_risk": None,  # no clawback months
    "rank": 1,
    "year_totals": [135560.0, 129560.0, 129560.0, 129560.0],
}


def test_offers_json(capsys, search_book):
    code, out, _ = run(capsys, "offers", search_book, "--as-of", "2026-03-10", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0] == O1
    assert [(r["id"], r["rank"], r["average_annual_total"], r["decision_flag"]) for r in rows] == [
        ("O1", 1, 131060.0, "Done"),
        ("O3", 2, 130700.0, "Due today"),
        ("O2", 3, 119600.0, "Due soon"),
    ]
    assert list(rows[0]) == list(O1)  # stable key order: the Offers columns, rank, year_totals


def test_text_output(capsys, search_book):
    code, out, _ = run(capsys, "stats", search_book, "--as-of", "2026-03-10")
    assert code == 0 and "Applications" in out and "77.8%" in out
    code, out, _ = run(capsys, "offers", search_book, "--as-of", "2026-03-10")
    assert re.search(r"^\s*1\s+O1\s+Acme\s+135,560\s+131,060\s+62\.77", out, re.M)
    code, out, _ = run(capsys, "deadlines", search_book, "--as-of", "2026-03-10", "--within", "0")
    assert out.count("\n") >= 7 and "Overdue" in out and "Due today" in out
    code, out, _ = run(capsys, "deadlines", search_book, "--as-of", "2026-03-10", "--csv")
    assert out.splitlines()[0] == "kind,sheet,id,company,due,flag"
    assert out.splitlines()[1] == "thank-you,Interviews,I2,Bolt,2026-01-23,Overdue"


def test_check_lists_problems_and_exits_1(capsys, tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "Acme",
                "Source": "Other",
                "Date applied": "2026-01-05",
                "Stage": "Applied",
                "Status": "Active",
                "Salary min": "n/a",
            },
        ],
        table=True,
    )
    book = save(wb, tmp_path / "b.xlsx")
    code, out, _ = run(capsys, "check", book)
    assert code == 1
    assert '  Pipeline!G2: "n/a" is not a number (Salary min)' in out.splitlines()
    assert any(line.startswith("  Pipeline!D2: the date") for line in out.splitlines())
    # stats does not need Salary min: it runs, and warns on stderr
    code, out, err = run(capsys, "stats", book, "--json")
    assert code == 0 and json.loads(out)["applications"] == 1
    assert 'warning: Pipeline!G2: "n/a" is not a number (Salary min)' in err
    # offers does not need the Pipeline's salaries either
    assert run(capsys, "offers", book)[0] == 0


def test_check_clean_book(capsys, search_book):
    code, out, _ = run(capsys, "check", search_book, "--json")
    assert code == 0
    assert json.loads(out) == {"file": str(search_book), "errors": 0, "warnings": 0, "problems": []}
    code, out, _ = run(capsys, "check", search_book)
    assert code == 0 and out == f"{search_book}: no problems found\n"


def test_needed_column_error_fails_the_command(capsys, tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "Acme",
                "Source": "Other",
                "Date applied": "soon",
                "Stage": "Applied",
                "Status": "Active",
            },
            {
                "ID": "A2",
                "Company": "Bolt",
                "Source": "Other",
                "Date applied": "later",
                "Stage": "Applied",
                "Status": "Active",
            },
        ],
        table=True,
    )
    book = save(wb, tmp_path / "b.xlsx")
    code, out, err = run(capsys, "stats", book)
    assert code == 1 and out == ""
    assert err.strip() == (
        f'Error: {book}: Pipeline!D2: "soon" is not a date; use YYYY-MM-DD (Date applied) '
        f"(and 1 more; run: jobbook check {book})"
    )


@pytest.mark.parametrize("command", ["check", "stats", "offers", "deadlines"])
def test_bad_files_exit_1_with_one_line(capsys, tmp_path, search_book, command):
    from msoffcrypto.format.ooxml import OOXMLFile

    csv = tmp_path / "export.xlsx"
    csv.write_text("ID,Company\nA1,Acme\n")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(search_book.read_bytes()[:4000])
    locked = tmp_path / "locked.xlsx"
    with search_book.open("rb") as src, locked.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Date applied": "2026-01-01",
                "Stage": "Applied",
                "Status": "Active",
            }
        ],
        table=True,
    )
    write_sheet(
        wb, "Offers", [{"ID": "O1", "Application ID": "A1", "Offer date": "2026-01-02"}], table=True
    )
    write_sheet(wb, "Interviews", [{"ID": "I1", "Date": "2026-01-02"}], table=True)
    nocol = save(wb, tmp_path / "nocol.xlsx")
    damaged = tmp_path / "damaged.xlsx"  # the Pipeline sheet's XML cut in half
    with zipfile.ZipFile(search_book) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(
                item,
                data[: len(data) // 2] if item.filename == "xl/worksheets/sheet1.xml" else data,
            )
    ods = tmp_path / "search.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    cases = {
        damaged: "sheet 'Pipeline' is damaged",
        ods: "an OpenDocument file (.ods)",
        tmp_path / "missing.xlsx": "no such file",
        csv: "a CSV file that looks like a job tracker; make a jobbook workbook and import it: "
        f"jobbook new NEW.xlsx, then jobbook import NEW.xlsx {csv}",
        cut: "damaged or incomplete",
        locked: "password-protected",
    }
    for path, message in cases.items():
        code, out, err = run(capsys, command, path)
        assert code == 1, (path, err)
        assert err.count("\n") == 1 and err.startswith(f"Error: {path}: ") and message in err, err
        assert "Traceback" not in err
    code, out, err = run(capsys, command, nocol)
    assert code == 1 and "Traceback" not in err
    expected = {
        "check": "Pipeline: the header row (row 1) has no 'Source' column",
        "stats": "Pipeline: the header row (row 1) has no 'Source' column",
        "offers": "Offers: the header row (row 1) has no 'Base salary' column",
        "deadlines": "Interviews: the header row (row 1) has no 'Application ID' column",
    }[command]
    assert expected in (out if command == "check" else err)


def test_usage_errors_exit_2(capsys, search_book):
    assert run(capsys, "stats", search_book, "--month", "2026-13")[0] == 2
    assert run(capsys, "stats", search_book, "--as-of", "tomorrow")[0] == 2
    assert run(capsys, "deadlines", search_book, "--within", "-1")[0] == 2
    assert run(capsys, "stats", search_book, "--json", "--csv")[0] == 2
    assert run(capsys, "stats")[0] == 2
    assert run(capsys, "nonsense")[0] == 2
    code, _, err = run(capsys, "new", search_book.with_name("x.xlsx"), "--country", "XX")
    assert (
        code == 2
        and "unknown holiday country 'XX'" in err
        and not search_book.with_name("x.xlsx").exists()
    )


def commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_with_example_and_is_in_readme(capsys, name):
    for flag in ("-h", "--help"):
        code, out, _ = run(capsys, name, flag)
        assert code == 0 and "Example:" in out and f"jobbook {name}" in out
    readme = (ROOT / "README.md").read_text()
    assert f"jobbook {name}" in readme, f"README does not show `jobbook {name}`"


def test_help_names_what_the_command_makes_and_what_as_of_moves():
    """new -h names every sheet (Offer years too), export -h every file (Vesting too), and each
    command's --as-of says what the day moves in that command."""
    import click

    from jobbook.export import export_paths
    from jobbook.schema import SHEET_ORDER

    ctx = click.Context(cli)
    new_help = " ".join(cli.commands["new"].get_help(ctx).split())
    assert all(sheet in new_help for sheet in SHEET_ORDER), new_help
    export_help = " ".join(cli.commands["export"].get_help(ctx).split())
    assert all(name in export_help for name in export_paths(Path("."), "csv")), export_help
    moves = {}
    for name, cmd in cli.commands.items():
        opt = next((o for o in cmd.params if o.name == "as_of"), None)
        if opt is not None and name not in ("new", "demo"):
            assert "it moves " in opt.help, name
            moves[name] = opt.help.split("it moves ", 1)[1]
    assert len(moves) >= 10 and len(set(moves.values())) == len(moves), moves


def test_installed_entry_point(search_book):
    """The real console script, in a real process: no traceback, exit codes intact."""
    exe = Path(sys.executable).with_name("jobbook")
    ok = subprocess.run(
        [exe, "deadlines", search_book, "--as-of", "2026-03-10", "--json"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout) == EXPECTED_DEADLINES
    bad = subprocess.run([exe, "stats", "/nonexistent.xlsx"], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr == "Error: /nonexistent.xlsx: no such file\n"


@pytest.mark.parametrize("command", ["check", "offers", "deadlines"])
def test_csv_has_its_header_even_with_no_rows(capsys, tmp_path, search_book, command):
    """A script reading the CSV gets the same columns whether or not there is anything to list."""
    from jobbook.template import new_workbook as new_template

    empty = new_template(tmp_path / "empty.xlsx")
    code, out, err = run(capsys, command, empty, "--csv")
    assert code == 0, err
    code, full, err = run(capsys, command, search_book, "--csv", "--as-of", "2026-03-10")
    assert out.splitlines() == [full.splitlines()[0]] and "," in out


def readme_commands() -> list[list[str]]:
    """The commands of the README's command list (its first ``sh`` block under "The command
    line"), each split into arguments; `a && b` are two commands."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## The command line", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    out = []
    for line in block.splitlines():
        for part in line.split("#", 1)[0].split("&&"):
            if part.strip():
                out.append(shlex.split(part))
    return out


def test_readme_command_list_runs_top_to_bottom(capsys, tmp_path, monkeypatch):
    """Copied into an empty folder, the README's command list runs as written, every command
    exiting 0 (a command added to the list must work there too)."""
    monkeypatch.chdir(tmp_path)
    commands = readme_commands()
    assert len(commands) >= 10 and all(c[0] == "jobbook" for c in commands)
    for args in commands:
        code, _, err = run(capsys, *args[1:])
        assert code == 0, f"{shlex.join(args)}: exit {code}: {err}"
    assert (tmp_path / "jobbook-demo" / "search.xlsx").exists()


def test_text_table_lines_up_wide_characters():
    """CJK characters and emoji take two terminal columns, a combining accent none: the columns
    after them start at the same terminal column on every line (measured here with a table of the
    widths, not the code's)."""
    from jobbook.cli._output import display_width, text_table

    rows = [
        ["株式会社ソニー", "A001", 12],
        ["Cafe\u0301 🚀", "A002", 3],  # e + combining acute; a rocket emoji
        ["Acme", "A003", 1000],
    ]
    out = text_table(["Company", "ID", "Days"], rows, right=[2]).splitlines()
    cols = {"株": 2, "式": 2, "会": 2, "社": 2, "ソ": 2, "ニ": 2, "ー": 2, "🚀": 2, "\u0301": 0}

    def columns(text: str) -> int:
        return sum(cols.get(ch, 1) for ch in text)

    assert [columns(line) for line in out[2:]] == [columns(out[1])] * 3  # right edges line up
    ids = [columns(line[: line.index(r[1])]) for line, r in zip(out[2:], rows)]
    assert ids == [14 + 2] * 3  # the ID column starts at the same terminal column
    assert display_width("Cafe\u0301 🚀") == 7 and display_width("ab") == 2
