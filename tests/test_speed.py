"""What keeps jobbook quick (README § Speed), checked by what it does rather than by timings:
heavy modules load only where they are used."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jobbook
from jobbook.cli import main
from jobbook.report.cohort import build_cohort

from conftest import build_search
from handmade import new_workbook, save, write_sheet

AS_OF = dt.date(2026, 3, 10)
HEAVY = ("pandas", "numpy", "matplotlib", "openpyxl", "pyarrow", "fastexcel", "holidays", "xlwings")


def loaded_after(code: str) -> set[str]:
    """The heavy modules imported by running `code` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def cli(*args: str) -> str:
    return (
        "import contextlib, io\nfrom jobbook.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({list(args)!r})"
    )


def test_import_jobbook_and_help_load_nothing_heavy():
    assert loaded_after("import jobbook") == set()
    assert loaded_after(cli("--help")) == set()
    from jobbook.cli import cli as group

    for command in group.commands:  # every command's help, as quick as the group's
        assert loaded_after(cli(command, "--help")) == set(), command


def test_reading_a_book_loads_no_drawing_or_writing_library(search_book):
    for command in ("check", "stats", "offers", "deadlines"):
        loaded = loaded_after(cli(command, str(search_book), "--as-of", "2026-03-10"))
        assert "pandas" in loaded, command  # the probe itself works: the book was read
        assert not loaded & {"matplotlib", "openpyxl", "xlwings"}, (command, loaded)


def test_a_report_workbook_loads_no_pdf_backend(search_book, tmp_path):
    out = tmp_path / "r.xlsx"
    probe = cli("report", str(search_book), "--month", "2026-02", "-o", str(out))
    code = f"{probe}\nimport sys\nassert 'matplotlib.backends.backend_pdf' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert out.exists()  # the probe itself works: the report was written


# -- a coach's cohort: every core, or a Dask cluster -----------------------------------------------


def _cohort_books(tmp_path):
    books = [build_search(tmp_path / f"p{k}.xlsx") for k in range(3)]
    bad = tmp_path / "broken.xlsx"
    bad.write_text("not a workbook")
    return [*books, bad]


def _same(a, b) -> None:
    pd.testing.assert_frame_equal(a.people, b.people)
    assert a.failures == b.failures
    for name in ("summary", "funnel", "sources", "trend", "offers", "lessons", "overdue"):
        pd.testing.assert_frame_equal(getattr(a.combined, name), getattr(b.combined, name))


def test_cohort_in_a_process_pool_equals_one_at_a_time(tmp_path):
    books = _cohort_books(tmp_path)
    seen = []

    def progress(results, total):
        for r in results:
            seen.append(total)
            yield r

    one = build_cohort(books, "2026-02", AS_OF, workers=1)
    pool = build_cohort(books, "2026-02", AS_OF, progress, workers=2)
    _same(one, pool)
    assert seen == [4, 4, 4, 4]  # every result passed through the progress bar as it came
    assert len(pool.people) == 3 and pool.failures[0][0].endswith("broken.xlsx")


def _damaged(book, sheets, out):
    """`book` with the XML of `sheets` cut short: any parser reading them fails."""
    import jobbook.reader

    parts = {jobbook.reader.inspect(book).parts[s] for s in sheets}
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[: len(data) // 2] if info.filename in parts else data)
    return out


def test_a_cohort_reads_no_sheet_its_figures_do_not_need(pinned_samples, tmp_path, monkeypatch):
    """The sample has people in Contacts, rounds in Negotiation, a Dashboard and more: a cohort
    parses only the sheets of its figures (COHORT_TABLES and Settings), so a broken Contacts or
    Negotiation sheet costs nothing, and every figure is the one a full read gives."""
    import fastexcel

    import jobbook
    from jobbook.report import build
    from jobbook.report.cohort import COHORT_TABLES, person_part
    from jobbook.report.data import REPORT_READS

    book = pinned_samples[".xlsx"]
    full = jobbook.read_book(book, as_of=AS_OF)
    assert not full.inputs["Contacts"].empty and not full.inputs["Negotiation"].empty
    assert {"Contacts", "Negotiation"}.isdisjoint(COHORT_TABLES)
    parts = {p: s for s, p in full.layout.parts.items()}
    opened, loaded = set(), set()
    zip_open, load_sheet = zipfile.ZipFile.open, fastexcel.ExcelReader.load_sheet

    def spy_open(self, name, *args, **kwargs):
        member = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if member in parts:
            opened.add(parts[member])
        return zip_open(self, name, *args, **kwargs)

    def spy_load(self, sheet, *args, **kwargs):
        loaded.add(sheet)
        return load_sheet(self, sheet, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy_open)
    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", spy_load)
    part = person_part(book, "2026-10", AS_OF)
    monkeypatch.undo()
    needed = {full.sheets[t] for t in COHORT_TABLES} | {full.settings_sheet}
    assert part.error is None and loaded <= needed and opened <= needed
    assert {"Pipeline", "Interviews", "Offers"} <= loaded  # the spies saw the reads
    assert set(full.layout.sheets) - needed >= {"Contacts", "Negotiation", "Dashboard"}

    # the figures are a full read's: the report's, and each table the combined report reads
    r = build(full, "2026-10")
    assert part.row["Applications"] == r.stats["applications"]
    assert part.row["All-time applications"] == r.all_time["applications"]
    assert (part.row["Overdue"], part.row["Due in the next 14 days"]) == (
        len(r.overdue),
        len(r.upcoming),
    )
    pd.testing.assert_frame_equal(part.overdue.drop(columns="person"), r.overdue)
    for t, cols in REPORT_READS.items():
        want = full.tables[t][cols or list(full.tables[t])].reset_index(drop=True)
        pd.testing.assert_frame_equal(part.tables[t].drop(columns="Person"), want)

    # a sheet no figure needs may even be broken
    broken = _damaged(book, ["Contacts", "Negotiation"], tmp_path / "broken.xlsx")
    with pytest.raises(jobbook.JobbookError):
        jobbook.read_book(broken)
    again = person_part(broken, "2026-10", AS_OF)
    assert again.error is None and again.row == {**part.row, "File": "broken.xlsx"}


def test_cohort_keeps_people_apart(tmp_path):
    """Everyone has an A1: a lesson's company is its own person's, not the first person's."""

    books = []
    for person, company in (("ana", "Acme"), ("ben", "Bolt")):
        wb = new_workbook()
        app = {"ID": "A1", "Company": company, "Source": "LinkedIn", "Stage": "Applied"}
        write_sheet(
            wb,
            "Pipeline",
            [app | {"Status": "Rejected", "Date applied": dt.date(2026, 2, 2)}],
            table=True,
        )
        write_sheet(wb, "Lessons", [{"Application ID": "a1", "Action": "Practise"}], table=True)
        books.append(save(wb, tmp_path / f"{person}.xlsx"))
    c = build_cohort(books, "2026-02", AS_OF, workers=1)
    lessons = c.combined.lessons
    assert dict(zip(lessons["Person"], lessons["Company"])) == {"ana": "Acme", "ben": "Bolt"}


def test_cohort_on_a_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    books = _cohort_books(tmp_path)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = build_cohort(books, "2026-02", AS_OF, scheduler=cluster.scheduler_address)
    _same(build_cohort(books, "2026-02", AS_OF, workers=1), on_dask)


def test_cohort_on_a_tls_cluster_with_the_dask_configurations_certificates(tmp_path):
    """A scheduler that speaks only TLS, with throw-away self-signed certificates; jobbook finds
    the client's certificates where Dask's configuration says they are."""
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("cryptography")  # Security.temporary() makes the certificates
    import dask
    from distributed.security import Security

    books = _cohort_books(tmp_path)
    sec = Security.temporary()
    files = {}
    for name, pem in (("ca", sec.tls_ca_file), ("cert", sec.tls_client_cert)):
        files[name] = tmp_path / f"{name}.pem"
        files[name].write_text(pem)
    files["key"] = tmp_path / "key.pem"
    files["key"].write_text(sec.tls_client_key)
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=True,
        protocol="tls://",
        security=sec,
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tls://")
        with dask.config.set(
            {
                "distributed.comm.tls.ca-file": str(files["ca"]),
                "distributed.comm.tls.client.cert": str(files["cert"]),
                "distributed.comm.tls.client.key": str(files["key"]),
            }
        ):
            on_tls = build_cohort(books, "2026-02", AS_OF, scheduler=address)
        # without the certificates: one clear error, no traceback
        with (
            dask.config.set({"distributed.comm.tls.ca-file": None}),
            pytest.raises(
                jobbook.JobbookError, match="needs certificates in the Dask configuration"
            ),
        ):
            build_cohort(books, "2026-02", AS_OF, scheduler=address)
    _same(build_cohort(books, "2026-02", AS_OF, workers=1), on_tls)


def test_a_scheduler_address_is_tls_or_tcp(tmp_path, capsys):
    books = [str(b) for b in _cohort_books(tmp_path)[:2]]
    args = ["report", *books, "--cohort", "--month", "2026-02", "-o", str(tmp_path / "c.xlsx")]
    for address in ("10.0.0.5:8786", "ws://10.0.0.5:8786", "tls://"):
        assert main([*args, "--scheduler", address]) == 2, address
        assert "give tls://HOST:PORT" in capsys.readouterr().err
    assert not (tmp_path / "c.xlsx").exists()


def test_cohort_scheduler_without_dask_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if jobbook[cluster] were missing
    books = [str(b) for b in _cohort_books(tmp_path)[:2]]
    args = ["report", *books, "--cohort", "--month", "2026-02", "-o", str(tmp_path / "c.xlsx")]
    assert main([*args, "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "pip install 'jobbook[cluster]'" in capsys.readouterr().err
    assert main([*args[:3], "--month", "2026-02", "--scheduler", "tcp://x:1"]) == 2  # no --cohort


# -- big sheets: the fast read gives exactly what the careful read gives ---------------------------


def _same_book(a, b) -> None:
    for name in a.inputs:
        pd.testing.assert_frame_equal(a.inputs[name], b.inputs[name], check_dtype=False)
    assert sorted(map(str, a.problems)) == sorted(map(str, b.problems))
    assert a.times.keys() == b.times.keys()  # interview times of day, on both paths
    for key in a.times:
        pd.testing.assert_series_equal(a.times[key], b.times[key])


def test_fast_read_of_big_sheets_equals_the_careful_read(tmp_path, monkeypatch):
    import openpyxl

    import jobbook
    from jobbook.reader import _fast, _table
    from jobbook.template import new_workbook

    plain = new_workbook(tmp_path / "plain.xlsx", sample=True, as_of=AS_OF)
    wb = openpyxl.load_workbook(plain)  # the same with what only the careful read can report
    col = {c.value: c.column for c in wb["Interviews"][1]}
    wb["Interviews"].cell(3, col["Thank-you sent"], False)  # an unticked checkbox
    ws = wb["Pipeline"]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(4, col["Salary min"], "n/a")  # text in a number column
    ws.cell(5, col["Date applied"], "2026-09-01")  # a date typed as text
    ws.cell(6, col["Stage"], "screen")  # a choice in lower case
    marked = tmp_path / "marked.xlsx"
    wb.save(marked)
    careful = {p: jobbook.read_book(p) for p in (plain, marked)}

    taken = []  # the sheets whose fast read was used

    def load_plain(*args):
        read = _fast.load_plain(*args)
        if read is not None:
            taken.append(args[3])
        return read

    monkeypatch.setattr(_fast, "PLAIN_BYTES", 0)  # every sheet counts as big
    monkeypatch.setattr(_table, "load_plain", load_plain)
    _same_book(jobbook.read_book(plain), careful[plain])
    assert {"Pipeline", "Interviews", "Offers"} <= set(taken)
    taken.clear()
    _same_book(jobbook.read_book(marked), careful[marked])  # found out, read carefully
    assert "Offers" in taken and "Pipeline" not in taken and "Interviews" not in taken


def test_ctrl_c_while_fastexcel_parses_is_interrupted_not_a_traceback(
    search_book, monkeypatch, capsys
):
    """fastexcel's native code turns a KeyboardInterrupt into a SystemError caused by it."""
    import jobbook.reader

    def interrupted(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise SystemError("<built-in function __import__> returned a result") from exc

    monkeypatch.setattr(jobbook.reader, "read_table", interrupted)
    assert main(["stats", str(search_book)]) == 130
    assert capsys.readouterr().err == "Interrupted.\n"


def test_place_in_group_is_pandas_rank():
    import numpy as np

    from jobbook.report.data import _place_in_group

    rng = np.random.default_rng(7)
    n = 500
    keys = pd.Series(rng.choice(["a", "b", "c", None], n), dtype="str")
    dates = pd.Series(pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 9, n), "D"))
    dates[rng.random(n) < 0.1] = pd.NaT
    want = pd.DataFrame({"k": keys, "d": dates}).groupby("k", dropna=False)["d"]
    np.testing.assert_array_equal(
        _place_in_group(keys, dates).to_numpy(), want.rank(method="first").to_numpy()
    )


# -- the quicker ways give what pandas' own ways give ----------------------------------------------

_IDS = st.lists(
    st.one_of(st.none(), st.sampled_from(["A1", "a1", " A1 ", "", "  ", "B2", "İx", "ß"]))
)


@given(_IDS)
@settings(max_examples=200, deadline=None)
def test_id_keys_and_repeats_of_the_readers_text_are_pandas_steps(values):
    from jobbook.core.computed import id_key
    from jobbook.validate import repeated

    ids = pd.Series(values, dtype="str", name="ID", index=pd.RangeIndex(2, 2 + len(values)))
    text = ids.astype(object).astype("str").str.strip().str.lower()  # id_key's definition
    want = text.mask(ids.isna() | (text == ""))
    pd.testing.assert_series_equal(id_key(ids), want)
    assert repeated(want).tolist() == (want.notna() & want.duplicated()).tolist()


# -- new: the committed template, copied -----------------------------------------------------------


def test_new_copies_the_committed_template_and_equals_a_fresh_build(tmp_path, monkeypatch):
    import jobbook.template as template
    from jobbook.template._macros import to_xlsm
    from jobbook.template.committed import differences

    fresh_xlsx = tmp_path / "fresh.xlsx"
    template.build_workbook().save(fresh_xlsx)
    fresh_xlsm = tmp_path / "fresh.xlsm"
    fresh_xlsm.write_bytes(to_xlsm(template.build_workbook(macros=True)))
    built = []
    build = template.build_workbook
    monkeypatch.setattr(
        template, "build_workbook", lambda *a, **k: built.append(k) or build(*a, **k)
    )
    for fresh in (fresh_xlsx, fresh_xlsm):
        copied = template.new_workbook(tmp_path / f"new{fresh.suffix}")
        assert differences(copied, fresh) == []  # the same workbook, timestamps aside
    assert built == []  # copied, not built
    with zipfile.ZipFile(copied) as z:
        core = z.read("docProps/core.xml").decode()
    assert f'<dcterms:created xsi:type="dcterms:W3CDTF">{dt.datetime.now(dt.UTC).date()}' in core
    template.new_workbook(tmp_path / "gb.xlsx", country="GB")  # another country: built
    assert [k["country"] for k in built] == ["GB"]


def test_new_with_as_of_is_the_template_with_its_asof_cell_written(tmp_path):
    """The copy with AsOf written by the editor reads as a fresh build pinned on that day: the
    same settings, holidays and tables, the same cell value and format; only that sheet differs."""
    import openpyxl

    import jobbook
    import jobbook.template as template
    from jobbook.template.committed import differences

    fresh = tmp_path / "fresh.xlsx"
    template.build_workbook(as_of=AS_OF).save(fresh)
    pinned = template.new_workbook(tmp_path / "pinned.xlsx", as_of=AS_OF)
    a, b = jobbook.read_book(pinned), jobbook.read_book(fresh)
    assert a.settings == b.settings and a.settings.AsOf == AS_OF and a.problems == b.problems == []
    pd.testing.assert_frame_equal(a.holidays, b.holidays)
    _same_book(a, b)
    cells = [openpyxl.load_workbook(p)["Settings"]["B2"] for p in (pinned, fresh)]
    assert {(c.value, c.number_format) for c in cells} == {(dt.datetime(2026, 3, 10), "yyyy-mm-dd")}
    part = a.layout.parts["Settings"]
    assert differences(pinned, fresh) == [f"differs: {part}"]  # only the Settings sheet
