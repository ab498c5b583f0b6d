"""Templates from outside render in Jinja2's sandbox (README § Message drafts): a template in a folder
someone shared (``templates/`` beside the book, or ``--templates DIR``) reaches the facts of its
letter and nothing of Python. Each escape below is checked twice: in a plain Jinja2 environment it
really runs a shell command (so the payload is live), through jobbook it is one ``Error:`` line
naming the template, and the command never ran."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

import jinja2
import pytest
from test_drafts import handmade_drafts

import jobbook
from jobbook.cli import main
from jobbook.drafts import draft

D = dt.date


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# classic server-side template injections, each writing a marker file when it gets through
ESCAPES = {
    "cycler globals": "{{ cycler.__init__.__globals__.os.popen(CMD).read() }}",
    "joiner globals": "{{ joiner.__init__.__globals__.os.popen(CMD).read() }}",
    "namespace globals": "{{ namespace.__init__.__globals__.os.popen(CMD).read() }}",
    "lipsum globals": "{{ lipsum.__globals__['os'].popen(CMD).read() }}",
    "self builtins": (
        "{{ self.__init__.__globals__.__builtins__.__import__('os').popen(CMD).read() }}"
    ),
    "subclasses walk": (
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == '_wrap_close' %}{{ c.__init__.__globals__['popen'](CMD).read() }}"
        "{% endif %}{% endfor %}"
    ),
    "attr filter": ("{{ (cycler|attr('__init__')|attr('__globals__'))['os'].popen(CMD).read() }}"),
    "a fact's class": (
        "{% for c in company.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == '_wrap_close' %}{{ c.__init__.__globals__['popen'](CMD).read() }}"
        "{% endif %}{% endfor %}"
    ),
}


def payload(escape: str, marker: Path) -> str:
    command = repr(f"touch {shlex.quote(str(marker))}")
    return "Subject: Thanks\n\n" + ESCAPES[escape].replace("CMD", command) + "\n"


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return handmade_drafts(tmp_path_factory.mktemp("book") / "search.xlsx")


@pytest.mark.parametrize("escape", list(ESCAPES))
def test_the_payload_is_live_outside_the_sandbox(tmp_path, escape):
    """Without a sandbox each template runs its command: the tests below would prove nothing
    if the payloads were broken."""
    marker = tmp_path / "ran"
    env = jinja2.Environment()
    env.globals.update(company="Acme Robotics")  # the one fact the last payload uses
    env.from_string(payload(escape, marker)).render()
    assert marker.exists()


@pytest.mark.parametrize("escape", list(ESCAPES))
def test_a_template_beside_the_book_cannot_run_code(tmp_path, capsys, book, escape):
    """The issue's case: a shared folder holds the book and a templates/ folder beside it."""
    folder = tmp_path / "shared"
    (folder / "templates").mkdir(parents=True)
    copy = folder / "search.xlsx"
    copy.write_bytes(book.read_bytes())
    marker = tmp_path / "ran"
    template = folder / "templates" / "thank-you.j2"
    template.write_text(payload(escape, marker))
    code, out, err = run(capsys, "draft", copy, "thank-you", "I1")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"Error: {template}: ")
    assert "Traceback" not in err
    assert not marker.exists()


def test_templates_given_with_the_option_and_eml_too(tmp_path, capsys, book):
    marker = tmp_path / "ran"
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "thank-you.j2").write_text(payload("cycler globals", marker))
    eml = tmp_path / "x.eml"
    code, _, err = run(capsys, "draft", book, "thank-you", "I1", "--templates", tmp_path / "t",
                       "--eml", eml)  # fmt: skip
    assert code == 1 and "refused: access to attribute '__init__'" in err
    assert "a template reaches the facts of the letter and nothing else" in err
    assert not marker.exists() and not eml.exists()


def test_accept_withdraw_with_a_hostile_template_writes_nothing(tmp_path, capsys):
    """`accept --withdraw` renders the withdrawal letters before it writes the book: a template
    that tries to escape stops it, the book untouched."""
    from jobbook.changes import RowAppend
    from jobbook.edit import edit_workbook

    path = handmade_drafts(tmp_path / "search.xlsx")
    p4 = {"ID": "P4", "Company": "Dune Data", "Role": "Analyst", "Source": "Job board",
          "Date applied": D(2026, 2, 20), "Stage": "Applied", "Status": "Active"}  # fmt: skip
    edit_workbook(path, [RowAppend("Pipeline", p4)])  # an application to withdraw
    for old in tmp_path.glob("search.backup-*"):
        old.unlink()
    (tmp_path / "templates").mkdir()
    marker = tmp_path / "ran"
    (tmp_path / "templates" / "withdraw.j2").write_text(payload("self builtins", marker))
    before = path.read_bytes()
    code, _, err = run(capsys, "accept", path, "O1", "--withdraw")
    assert code == 1 and err.startswith(f"Error: {tmp_path / 'templates' / 'withdraw.j2'}: ")
    assert path.read_bytes() == before and not marker.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["search.xlsx", "templates"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("{{ 'x' * 10**9 }}", "more than 100,000 items"),
        ("{{ 10 ** 1000 }}", "a power that large"),
        ("{% for i in range(10**9) %}{% endfor %}", "Range too big"),
        ("{% include 'thank-you.j2' %}", "includes itself without end"),
        ("{% include '../../etc/passwd' %}", "no template ../../etc/passwd to include"),
        ("{{ lipsum(10**6) }}", "'lipsum' is undefined"),
        ("{% set seen = [] %}{{ seen.append(company) }}", "attribute 'append' of 'list'"),
        ("{{ '{0.__class__}'.format(company) }}", "attribute '__class__' of 'str'"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ],
)
def test_what_a_sandboxed_template_cannot_do(tmp_path, book, body, message):
    """Too big to build, files outside its folders, changing values, reading internals: each an
    error naming the template, never a hang or a traceback."""
    (tmp_path / "thank-you.j2").write_text(f"Subject: x\n\n{body}\n")
    with pytest.raises(jobbook.errors.TemplateProblem, match=message) as err:
        draft(jobbook.read_book(book), "thank-you", "I1", templates=tmp_path)
    assert str(err.value).startswith(str(tmp_path / "thank-you.j2"))


def test_a_template_reaches_every_fact_it_is_given(tmp_path, book):
    """The sandbox takes nothing a letter needs: facts, nested facts, loops, filters, Jinja's
    own helpers and the methods of a text."""
    (tmp_path / "thank-you.j2").write_text(
        "Subject: {{ company|upper }} ({{ interview.date|day }})\n\n"
        "{% for p in people %}{{ loop.index }}. {{ p }}{% if not loop.last %}, {% endif %}"
        "{% endfor %}\n\n{{ me.name.split(' ')[0] }} {{ offer|default('no offer') }} "
        "{{ range(3)|list|length }}{% set ns = namespace(n=0) %}\n"
    )
    d = draft(jobbook.read_book(book), "thank-you", "I1", templates=tmp_path)
    assert d.subject == "ACME ROBOTICS (20 February 2026)"
    assert d.body == "1. Ana Ruiz, 2. Bo Li\nSam no offer 3"
