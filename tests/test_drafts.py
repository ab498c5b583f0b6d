"""Message drafts (README § Message drafts): every kind on the sample and on a hand-made book, the facts
they quote (equal to what `jobbook offers` and `jobbook deadlines` print), template overrides,
errors that name the cell to fill, the unsent .eml, and the short messages of the mailto: links."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

import jobbook
from jobbook.cli import main
from jobbook.drafts import KINDS, draft, eml_path, write_eml
from jobbook.drafts.render import day, money, sentence, weekday
from jobbook.errors import DraftConflict, JobbookError, MissingValue, TemplateProblem, UnknownId
from jobbook.schema import LINKS, split_message
from jobbook.schema._links import text_formula
from jobbook.template import new_workbook as new_book

from handmade import new_workbook, save, write_sheet

D = dt.date
AS_OF = D(2026, 3, 10)
SAMPLE_AS_OF = D(2026, 11, 25)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


# -- a hand-made search: plain ranges, labels for settings, people met in every shape --------------


def handmade_drafts(
    path: Path,
    settings: dict | None = None,
    offers: dict | None = None,
    pipeline: dict | None = None,
    contacts: list[tuple] | None = None,
    interviews: dict | None = None,
    questions: list[dict] | None = None,
) -> Path:
    """The hand-made search. `offers`, `pipeline` and `interviews` change cells of rows by ID
    (``{"O1": {"Status": "Accepted"}}``); `contacts` adds Contacts rows (name, company,
    application ID, role, email[, title]); `questions` are its Questions rows."""
    wb = new_workbook()
    pipeline_rows = [
            {"ID": "P1", "Company": "Acme Robotics", "Role": "Data Engineer", "Source": "Referral",
             "Date applied": D(2026, 2, 2), "Stage": "Offer", "Status": "Active",
             "Last contact": D(2026, 3, 2)},
            {"ID": "P2", "Company": "Bolt Bank", "Source": "LinkedIn", "Date applied": D(2026, 2, 9),
             "Stage": "Interview", "Status": "Rejected"},
            {"ID": "P3", "Company": "Cask Labs", "Role": "Analyst", "Source": "Job board",
             "Date applied": D(2026, 2, 16), "Stage": "Offer", "Status": "Active",
             "Next action": None, "Next action due": None},
    ]  # fmt: skip
    for p in pipeline_rows:
        p.update((pipeline or {}).get(p["ID"], {}))
    write_sheet(wb, "Pipeline", pipeline_rows, title="My search")
    interview_rows = [
            {"ID": "I1", "Application ID": "P1", "Round": "Technical", "Date": D(2026, 2, 20),
             "Interviewers": "Ana Ruiz and Bo Li", "Went well": "We got on well from the start"},
            {"ID": "I2", "Application ID": "P2", "Date": D(2026, 2, 25),
             "Interviewers": "Cy Dunn; Zoë O'Brien"},
            {"ID": "I3", "Application ID": "P1", "Round": "Final", "Date": D(2026, 3, 3)},
            {"ID": "I4", "Application ID": "P3", "Round": "Final", "Date": D(2026, 3, 12),
             "Interviewers": "Lu Chen"},
    ]  # fmt: skip
    for i in interview_rows:
        i.update((interviews or {}).get(i["ID"], {}))
    write_sheet(wb, "Interviews", interview_rows, table=True)
    if questions:
        write_sheet(wb, "Questions", questions, table=True)
    contacts = [
        ("Ana Ruiz", "Acme Robotics", "P1", "Interviewer", "ana@acme.test"),
        ("Bo Li", "Acme Robotics", "P1", "Interviewer", None),
        ("Rita Moss", "Acme Robotics", "P1", "Recruiter", "rita@acme.test"),
        ("Cy Dunn", "Bolt Bank", "P2", "Hiring manager", "cy@bolt.test"),
        ("Zoë O'Brien", "Bolt Bank", "P2", "Interviewer", "zoe@bolt.test"),
        ("Mo Park", "Old Corp", None, "Other", "mo@old.test"),
        *(contacts or []),
    ]
    keys = ("Name", "Company", "Application ID", "Role in process", "Email", "Title")
    write_sheet(wb, "Contacts", [dict(zip(keys, c)) for c in contacts], table=True)
    offer_rows = [
            {"ID": "O1", "Application ID": "P1", "Role": "Data Engineer", "Offer date": D(2026, 3, 3),
             "Base salary": 100000, "Bonus target %": 0.1, "Relocation allowance": 2000,
             "Relocation cost": 5000, "Onsite days/week": 3, "Commute cost/day": 10,
             "Commute minutes one-way": 40, "Status": "Negotiating", "Counter base": 112000},
            {"ID": "O2", "Application ID": "P3", "Offer date": D(2026, 3, 4), "Base salary": 115000,
             "Status": "Pending"},
    ]  # fmt: skip
    for o in offer_rows:
        o.update((offers or {}).get(o["ID"], {}))
    write_sheet(wb, "Offers", offer_rows, table=True)
    write_sheet(
        wb,
        "Negotiation",
        [
            {"Offer ID": "O1", "Date": D(2026, 3, 5), "Channel": "Email", "Ask": "Base 112,000",
             "Arguments": "The scope is larger than the posting", "Market P50": 105000,
             "Market P75": 115000},
        ],
        table=True,
    )  # fmt: skip
    write_sheet(wb, "Lessons", [{"Application ID": "P2", "Decision date": D(2026, 3, 1)}])
    write_sheet(
        wb,
        "Transition",
        [{"Offer ID": "O1", "Accepted on": D(2026, 3, 6), "Notice given": D(2026, 3, 9),
          "Notice weeks": 4}],
        table=True,
    )  # fmt: skip
    ws = wb.create_sheet("Settings")  # labels only, no named cells: as people type them
    values = {
        "AsOf": AS_OF,
        "Your name": "Sam Lee",
        "Your email": "sam@lee.test",
        "Current employer": "Old Corp",
        "Current manager": "Mo Park",
        "Degree": "MSc in Data Science",
        "Certifications": "AWS Data Engineer",
    } | (settings or {})
    for r, (label, value) in enumerate(values.items(), 1):
        ws.cell(r, 1, label)
        ws.cell(r, 2, value)
    return save(wb, path)


@pytest.fixture(scope="module")
def hand(tmp_path_factory) -> Path:
    return handmade_drafts(tmp_path_factory.mktemp("hand") / "search.xlsx")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return new_book(
        tmp_path_factory.mktemp("sample") / "search.xlsx", sample=True, as_of=SAMPLE_AS_OF
    )


# -- every kind on the hand-made book, with the facts it quotes ------------------------------------


def test_every_kind_on_the_handmade_book(capsys, hand):
    offers = {o["id"]: o for o in cli_json(capsys, "offers", hand)}
    deadlines = cli_json(capsys, "deadlines", hand)
    due = {(d["kind"], d["id"]): d for d in deadlines}
    book = jobbook.read_book(hand)
    accepted = jobbook.read_book(
        handmade_drafts(hand.parent / "accepted.xlsx", offers={"O1": {"Status": "Accepted"}})
    )  # a resignation follows accepting O1
    got = {k: draft(accepted if k == "resign" else book, k, i) for k, i in [
        ("thank-you", "i1"), ("follow-up", "P1"), ("feedback", "P2"), ("withdraw", "P3"),
        ("counter", "O1"), ("accept", "O1"), ("decline", "O2"), ("resign", "O1"),
    ]}  # fmt: skip
    assert set(got) == set(KINDS)
    for d in got.values():
        assert d.body.endswith("Sam Lee") and "{{" not in d.body and "None" not in d.body

    ty = got["thank-you"]
    assert ty.id == "I1" and ty.subject == "Thank you for the Technical interview (Data Engineer)"
    assert ty.body.startswith("Hi Ana and Bo,\n\nThank you for meeting me on 20 February 2026 ")
    assert " at Acme Robotics. We got on well from the start.\n" in ty.body
    assert [(p.name, p.email) for p in ty.to] == [("Ana Ruiz", "ana@acme.test")]
    assert ty.notes == ["Contacts has no email for Bo Li"]
    assert (ty.due, ty.flag) == (due[("thank-you", "I1")]["due"], "Overdue")
    assert ty.due == "2026-02-23"  # the business day after the interview

    fu = got["follow-up"]
    assert (fu.due, fu.flag) == (due[("follow-up", "P1")]["due"], due[("follow-up", "P1")]["flag"])
    assert fu.subject == "Data Engineer at Acme Robotics: next steps"
    assert "Final interview on 3 March 2026" in fu.body and fu.body.startswith("Hi Rita,")

    fb = got["feedback"]  # no recruiter for P2: its hiring manager
    assert fb.body.startswith("Hi Cy,") and [p.email for p in fb.to] == ["cy@bolt.test"]
    assert "the role at Bolt Bank" in fb.body  # P2 has no Role

    wd = got["withdraw"]
    assert wd.to == [] and "Cask Labs" in wd.send_to and wd.body.startswith("Hello,")
    assert wd.notes == [
        "Contacts has nobody for P3: add the recruiter or hiring manager there (Application ID P3, "
        "with an email), or type the address"
    ]

    o1, o2 = offers["O1"], offers["O2"]
    counter = got["counter"].body
    for figure in (
        "a base salary of 112,000",
        f"the median (P50) for this role is {money(105000)}",
        f"the 75th percentile (P75) is {money(115000)}",
        f"the offered base of {money(o1['base_salary'])} is below the median",
        "- The scope is larger than the posting.",
        f"another offer worth {money(o2['average_annual_total'])} a year on average, "
        f"against {money(o1['average_annual_total'])} for this one",
        f"Moving would cost me {money(o1['relocation_cost'])}, and the relocation allowance "
        f"covers {money(o1['relocation_allowance'])}",
        f"costs me {money(o1['commute_cost_per_year'])} a year and about 192 hours",
        "my MSc in Data Science and the AWS Data Engineer certification.",
    ):
        assert figure in counter
    assert money(o1["average_annual_total"]) == "107,810"  # worked out by hand

    start = due[("start", "O1")]["due"]  # earliest start: no agreed start yet
    assert f"I can start on {weekday(start)}" in got["accept"].body
    assert got["accept"].due == o1["decision_due"] == due[("decision", "O1")]["due"]
    last = book.tables["Transition"]["Last day"].iloc[0].date()
    assert last == D(2026, 4, 6)  # 20 business days after 9 March
    resign = got["resign"]
    assert resign.body.startswith("Hi Mo,\n\nI am writing to resign from my position at Old Corp.")
    assert f"notice period of 4 weeks, my last working day will be {weekday(last)}" in resign.body
    assert [p.email for p in resign.to] == ["mo@old.test"] and resign.due == start
    assert "declined" not in got["decline"].body and "Cask Labs" in got["decline"].body


def test_every_kind_on_the_sample(capsys, sample):
    offers = {o["id"]: o for o in cli_json(capsys, "offers", sample)}
    book = jobbook.read_book(sample)
    iv, p = book.tables["Interviews"], book.tables["Pipeline"]
    ids = {
        "thank-you": iv[iv["Went well"].notna()]["ID"].iloc[-1],
        "feedback": book.tables["Lessons"]["Application ID"].iloc[0],
        "withdraw": p[(p["Status"] == "Active") & p["ID"].isin(iv["Application ID"])]["ID"].iloc[
            -1
        ],
    }
    ids |= {"accept": "O02", "resign": "O02", "decline": "O03"}  # O02 Accepted, O03 Pending
    got = {kind: draft(book, kind, ids[kind]).to_dict() for kind in KINDS if kind in ids}
    # after accepting O02, every Active application is to be withdrawn (O03's to decline): no
    # follow-up letter says "still interested" beside that (docs/definitions.md § Deadlines)
    active = p[(p["Status"] == "Active") & p["Date applied"].notna()]
    assert len(active) > 5
    for app_id, action in zip(active["ID"], active["Next action"]):
        with pytest.raises(DraftConflict, match=f'Next action is "{action}": a follow-up would'):
            draft(book, "follow-up", app_id)
    for kind, data in got.items():
        assert data["kind"] == kind and data["id"] == ids[kind] and data["to"], kind
        assert data["body"].endswith("Jamie Rivera") and data["subject"]
        assert data["company"] in data["body"] or kind == "resign"
    assert cli_json(capsys, "draft", sample, "accept", "O02") == got["accept"] | {"eml": None}
    o2 = offers["O02"]
    # O02 is Accepted: too late for a counter-proposal; O03 has no Counter base to ask for
    with pytest.raises(DraftConflict, match=r"Offers!AB3: O02 is Accepted: a counter-proposal"):
        draft(book, "counter", "O02")
    with pytest.raises(MissingValue, match=r"Offers!AC4: no Counter base for O03"):
        draft(book, "counter", "O03")
    accept = got["accept"]["body"]
    agreed = book.tables["Transition"]["Agreed start"].iloc[0].date()
    assert f"base salary of {money(o2['final_base'])}" in accept
    assert f"I look forward to starting on {weekday(agreed)}" in accept
    assert accept.count("look forward") == 1
    # the text output: subject line first, then the body; whom to on stderr
    code, out, err = run(capsys, "draft", sample, "resign", "O02")
    assert code == 0 and out.startswith("Subject: My resignation\n\nHi Dana,")
    assert "To: Dana Whitfield <dana.whitfield@brightline.example.com>" in err
    row = book.tables["Interviews"].loc[book.tables["Interviews"]["ID"] == ids["thank-you"]]
    ty = draft(book, "thank-you", ids["thank-you"])
    assert (
        day(row["Date"].iloc[0]) in ty.body
        and f" {sentence(row['Went well'].iloc[0])}\n" in ty.body
    )


# -- templates: overrides win, problems name the template ------------------------------------------


def test_an_override_template_wins(tmp_path, hand, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thank-you.j2").write_text(
        "Subject: Merci {{ company }}\n\nBonjour {{ first_names|names }} - {{ me.name }}\n"
    )
    book = jobbook.read_book(hand)
    d = draft(book, "thank-you", "I1", templates=mine)
    assert (d.subject, d.body) == ("Merci Acme Robotics", "Bonjour Ana and Bo - Sam Lee")
    assert d.template == str(mine / "thank-you.j2")
    assert draft(book, "decline", "O2", templates=mine).template.endswith(
        "drafts/templates/decline.j2"
    )
    # a templates folder beside the book is used without --templates
    beside = tmp_path / "book"
    (beside / "templates").mkdir(parents=True)
    (beside / "templates" / "thank-you.j2").write_text("Subject: Hi\n\nBeside the book\n")
    copy = beside / "search.xlsx"
    copy.write_bytes(hand.read_bytes())
    code, out, _ = run(capsys, "draft", copy, "thank-you", "I1")
    assert code == 0 and out == "Subject: Hi\n\nBeside the book\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Subject: x\n\n{% if %}\n", "thank-you.j2, line 3"),
        ("Subject: x\n\n{{ no_such_fact }}\n", "'no_such_fact' is undefined"),
        ("Dear all\n", "the first line must be the subject"),
    ],
)
def test_a_broken_override_names_the_template(tmp_path, hand, text, message):
    (tmp_path / "thank-you.j2").write_text(text)
    with pytest.raises(TemplateProblem, match=message):
        draft(jobbook.read_book(hand), "thank-you", "I1", templates=tmp_path)


# -- errors name the cell to fill ------------------------------------------------------------------


def test_a_missing_profile_value_names_its_cell(tmp_path, capsys):
    book = handmade_drafts(
        tmp_path / "b.xlsx",
        {"Your name": None, "Current manager": " "},
        offers={"O1": {"Status": "Accepted"}},
    )
    code, _, err = run(capsys, "draft", book, "thank-you", "I1")
    assert code == 1
    assert err.strip() == f'Error: {book}: Settings!B2: fill "Your name" to sign the letter'
    b = jobbook.read_book(book)
    with pytest.raises(MissingValue, match=r'Settings!B5: fill "Current manager" to address'):
        draft(b.__class__(**{**b.__dict__, "settings": b.settings.with_values(YourName="S")}),
              "resign", "O1")  # fmt: skip
    # a book made before the profile: the row to add
    wb = openpyxl.load_workbook(book)
    del wb["Settings"]
    wb.save(book)
    with pytest.raises(MissingValue, match=r'Settings: no "Your name" row; add one'):
        draft(jobbook.read_book(book), "decline", "O2")


def test_missing_rows_and_values_name_their_cells(hand, capsys):
    book = jobbook.read_book(hand)
    with pytest.raises(MissingValue, match=r"Interviews!E4: no Interviewers for I3"):
        draft(book, "thank-you", "I3")
    with pytest.raises(DraftConflict, match=r"Offers!L3: O2 is Pending: a resignation follows"):
        draft(book, "resign", "O2")
    accepted = handmade_drafts(hand.parent / "o2.xlsx", offers={"O2": {"Status": "Accepted"}})
    with pytest.raises(MissingValue, match=r"Transition: no row for O2; add one with its Notice"):
        draft(jobbook.read_book(accepted), "resign", "O2")
    code, _, err = run(capsys, "draft", hand, "counter", "O9")
    assert (code, err.strip()) == (1, f"Error: {hand}: Offers has no row with ID 'O9'")
    with pytest.raises(UnknownId):
        draft(book, "follow-up", "I1")
    code, _, err = run(capsys, "draft", hand, "thanks", "I1")
    assert code == 2 and "'thanks' is not one of" in err
    code, _, err = run(capsys, "draft", hand, "counter", "O1", "--short")
    assert code == 2 and "--short is for" in err


def test_profile_settings_read_check_and_old_name(tmp_path, capsys):
    book = handmade_drafts(tmp_path / "b.xlsx", {"Your email": "sam at lee"})
    code, out, _ = run(capsys, "check", book)
    assert '  Settings!B3: "sam at lee" is not an email address (Your email)' in out
    b = jobbook.read_book(book)
    assert (b.settings.YourName, b.settings.YourEmail, b.setting_cells["Degree"]) == (
        "Sam Lee",
        None,
        "B6",
    )
    assert draft(b, "decline", "O2").sender.email is None
    # a book from before the profile names the person with the optional Name setting
    old = handmade_drafts(tmp_path / "old.xlsx", {"Your name": None})
    wb = openpyxl.load_workbook(old)
    wb["Settings"]["A9"], wb["Settings"]["B9"] = "Name", "Old Style"
    wb.save(old)
    assert jobbook.read_book(old).settings.YourName == "Old Style"


# -- the unsent email -----------------------------------------------------------------------------


def test_eml_parses_and_carries_the_headers(tmp_path, hand, capsys):
    out = tmp_path / "counter.eml"
    code, text, err = run(capsys, "draft", hand, "counter", "O1", "--eml", out)
    assert code == 0 and f"Wrote {out}" in err
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["From"] == "Sam Lee <sam@lee.test>"
    assert msg["To"] == "Rita Moss <rita@acme.test>"
    subject, body = split_message(text)
    assert msg["Subject"] == subject == "Data Engineer offer: my counter-proposal"
    assert msg.get_content_type() == "text/plain" and body == (
        msg.get_content().replace("\r\n", "\n").rstrip("\n")
    )
    assert "Date" not in msg and "Message-ID" not in msg  # the mail program sets them on sending
    code, _, err = run(capsys, "draft", hand, "counter", "O1", "--eml", out)
    assert code == 1 and "already exists" in err
    book = jobbook.read_book(hand)
    assert eml_path(tmp_path / "s.xlsx", "withdraw", "P3/x") == tmp_path / "s.withdraw-P3_x.eml"
    nobody = write_eml(draft(book, "withdraw", "P3"), tmp_path / "w.eml")
    parsed = email.message_from_bytes(nobody.read_bytes(), policy=email.policy.default)
    assert "To" not in parsed and parsed["Subject"] == "Withdrawing my application for Analyst"
    accents = write_eml(draft(book, "thank-you", "I2"), tmp_path / "t.eml")
    parsed = email.message_from_bytes(accents.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "Cy Dunn <cy@bolt.test>, Zoë O'Brien <zoe@bolt.test>"
    assert "Hi Cy and Zoë,\r\n" in parsed.get_content()  # CRLF line ends, as mail programs write


# -- the short messages of the workbook's links ----------------------------------------------------


def test_short_drafts_are_the_links(hand, capsys):
    data = cli_json(capsys, "draft", hand, "thank-you", "I2", "--short")
    assert data["subject"] == "Thank you"
    assert data["body"] == (
        "Hi Cy and Zoë,\n\nThank you for the interview at Bolt Bank. "
        "I enjoyed it and hope to join you.\n\nSam Lee"
    )
    url = urlsplit(data["link"])
    query = parse_qs(url.query)
    assert url.scheme == "mailto" and url.path == "cy@bolt.test,zoe@bolt.test"
    assert query == {"subject": [data["subject"]], "body": [data["body"]]}
    fb = cli_json(capsys, "draft", hand, "feedback", "P2", "--short")
    assert fb["body"].startswith("Hi Cy,\n\n") and fb["link"].startswith("mailto:cy@bolt.test?")
    long = cli_json(capsys, "draft", hand, "thank-you", "I1", "--short")  # short enough
    assert "&body=" in long["link"]


def test_link_templates_compile_to_formulas():
    from jobbook.schema import TABLES, excel_formula

    for link in LINKS.values():
        formula = link.formula()
        assert formula.startswith("IF(OR(") and f'"{link.label}")' in formula
    for table in TABLES.values():  # Excel refuses a formula of more than 8,192 characters
        for col in table.columns:
            if col.computed:
                assert len(excel_formula(table.name, col.formula)) <= 8192, col.header
    fields = {"who": "[@Name]"}
    assert text_formula('Hi {{ who }},\n"Bye"', fields) == '"Hi "&[@Name]&","&CHAR(10)&"""Bye"""'
    with pytest.raises(ValueError, match="text and"):
        text_formula("{% if who %}x{% endif %}", fields)
    assert issubclass(MissingValue, JobbookError)


def test_the_readme_examples_are_what_the_command_prints(tmp_path, monkeypatch, capsys):
    """Each README draft example is what the command prints (stdout, then stderr) on the book of
    `jobbook demo --as-of 2026-11-25`, and its ID is in the demo book of any day."""
    from jobbook.sample import sample_search

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    blocks = [b.split("```")[0] for b in readme.split("```console\n")[1:]]
    examples = [b for b in blocks if b.startswith("$ jobbook draft ")]
    assert len(examples) >= 3
    new_book(tmp_path / "search.xlsx", sample=True, as_of=SAMPLE_AS_OF)  # as `jobbook demo` does
    monkeypatch.chdir(tmp_path)
    ids = set()
    for block in examples:
        command, _, shown = block.partition("\n")
        args = command.split()[2:]
        code, out, err = run(capsys, *args)
        assert code == (1 if shown.startswith("Error:") else 0), command
        assert out + err == shown, command
        ids.add(args[3])
    for as_of in (D(2026, 1, 5), D(2026, 6, 30), dt.date.today()):  # another day, another sample
        search = sample_search(as_of)
        known = {r["ID"] for table in ("Interviews", "Pipeline", "Offers") for r in search[table]}
        assert ids <= known, as_of


def test_accept_withdraw_writes_a_withdrawal_draft_per_application(tmp_path, capsys):
    """`jobbook accept --withdraw` (README § Changing your workbook): a withdrawal .eml beside the book for each
    application withdrawn, written from the book as accepted; --dry-run writes none; a blank the
    letter needs stops the command before anything is written."""
    (tmp_path / "blank").mkdir()
    blank = handmade_drafts(tmp_path / "blank" / "search.xlsx", {"Your name": None})
    before = blank.read_bytes()
    code, _, err = run(capsys, "accept", blank, "O1", "--withdraw")
    assert code == 1 and 'Settings!B2: fill "Your name"' in err
    assert blank.read_bytes() == before and list(blank.parent.iterdir()) == [blank]

    book = handmade_drafts(tmp_path / "search.xlsx")
    # P3 has an open offer of its own (O2): declined, not withdrawn; P4 is a plain application
    from jobbook.changes import RowAppend
    from jobbook.edit import edit_workbook

    p4 = {"ID": "P4", "Company": "Dune Data", "Role": "Analyst", "Source": "Job board",
          "Date applied": D(2026, 2, 20), "Stage": "Applied", "Status": "Active"}  # fmt: skip
    edit_workbook(book, [RowAppend("Pipeline", p4)])
    code, out, _ = run(capsys, "accept", book, "O1", "--withdraw", "--dry-run")
    assert code == 0 and "  search.withdraw-P4.eml  to the recruiter or hiring manager" in out
    assert not list(tmp_path.glob("*.eml"))
    data = cli_json(capsys, "accept", book, "O1", "--withdraw")
    eml = tmp_path / "search.withdraw-P4.eml"
    assert data["withdrawn"] == ["P4"] and data["declined"] == ["O2"]
    assert {"kind": "withdraw", "id": "P4", "file": str(eml), "to": []} in data["drafts"]
    assert not (tmp_path / "search.withdraw-P3.eml").exists()
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["Subject"] == "Withdrawing my application for Analyst"
    assert "I have accepted another offer, so I am withdrawing" in msg.get_content()
    p = jobbook.read_book(book).tables["Pipeline"].set_index("ID")
    assert (p.at["P4", "Status"], p.at["P3", "Status"]) == ("Withdrawn", "Offer declined")
