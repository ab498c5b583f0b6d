"""The ``mailto:`` link columns of Interviews and Lessons (README § Message drafts): a short message that a
native formula builds and LibreOffice and Excel compute.

The text of each short message is written once, in a template shipped with the message drafts
(``jobbook/drafts/templates/<kind>-link.j2``): literal text and ``{{ variable }}`` only. The
column's formula is compiled from it here, with each variable given as an Excel expression;
``jobbook draft --short`` renders the same template with the same values (``jobbook.drafts``),
so the link and the draft say the same thing.

Excel's HYPERLINK refuses a link longer than 255 characters: a link that would be longer carries
To and Subject only (the body is left out), in the formula and in ``jobbook draft --short`` alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ._base import OUTCOME_CANCELLED, TODAY, lookup_formula

TEMPLATES = Path(__file__).resolve().parent.parent / "drafts" / "templates"
LINK_LIMIT = 255  # characters Excel's HYPERLINK accepts in a link
# len("mailto:") + len("?subject=") + len("&body="): the fixed part of a link with a body
LINK_FIXED = 22
_FIELD = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")
_SUBJECT = re.compile(r"subject:[ \t]*", re.IGNORECASE)


def split_message(text: str) -> tuple[str, str]:
    """A rendered message (``Subject: ...``, a blank line, the body) as (subject, body). The body
    loses trailing spaces on each line, runs of blank lines become one and the ends are trimmed.
    Raises ValueError when the first line is not a ``Subject:`` line."""
    text = text.replace("\r\n", "\n")
    first, _, rest = text.lstrip("\n").partition("\n")
    head = _SUBJECT.match(first)
    if head is None:
        raise ValueError('the first line must be the subject, written "Subject: ..."')
    body = "\n".join(line.rstrip() for line in rest.split("\n"))
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return first[head.end() :].strip(), body


def excel_trim(text: str) -> str:
    """What Excel's TRIM leaves of `text`: no leading or trailing spaces, single spaces inside."""
    return " ".join(part for part in text.split(" ") if part)


# -- compiling a link template into a formula ------------------------------------------------------


def _literal(text: str) -> list[str]:
    """Excel string constants (each under Excel's 255-character limit) with CHAR(10) for breaks."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("CHAR(10)")
        out += ['"' + line[k : k + 200].replace('"', '""') + '"' for k in range(0, len(line), 200)]
    return out


def text_formula(source: str, fields: dict[str, str]) -> str:
    """`source` (literal text and ``{{ variable }}``) as an Excel text expression."""
    if "{%" in source or "{#" in source:
        raise ValueError("a link template holds text and {{ variables }} only")
    parts: list[str] = []
    for k, piece in enumerate(_FIELD.split(source)):
        if k % 2:
            if piece not in fields:
                raise ValueError(f"{{{{ {piece} }}}} has no Excel expression")
            parts.append(fields[piece])
        elif piece:
            parts += _literal(piece)
    return "&".join(parts) or '""'


def encode_formula(text: str) -> str:
    """ENCODEURL of `text`, keeping . and ~ as RFC 3986 does (Excel keeps ".", LibreOffice encodes
    both): the same link in Excel, LibreOffice and Python's ``quote(text, safe="")``."""
    return f'SUBSTITUTE(SUBSTITUTE(_xlfn.ENCODEURL({text}),"%2E","."),"%7E","~")'


@dataclass(frozen=True)
class MailLink:
    """A computed column holding a ``mailto:`` link with a short message."""

    kind: str  # the draft kind it writes (``jobbook draft BOOK KIND ID --short``)
    table: str
    header: str
    label: str  # the text the cell shows
    to: str  # Excel expression: the To addresses, comma-separated ("" when none is known)
    fields: tuple[tuple[str, str], ...]  # (template variable, Excel text expression)
    required: tuple[str, ...]  # variables that must not be blank, else the cell stays blank
    note: str
    when: str = ""  # Excel condition the row must meet, else the cell stays blank (as the draft)

    @property
    def template(self) -> str:
        return f"{self.kind}-link.j2"

    def source(self) -> str:
        return (TEMPLATES / self.template).read_text(encoding="utf-8")

    def formula(self) -> str:
        """The column's formula (schema short-hand): blank without the required values or when
        the row does not meet `when`, else HYPERLINK("mailto:To?subject=...&body=...", label)
        with the body only if it fits."""
        fields = dict(self.fields)
        subject_src, body_src = split_message(self.source())
        subject = encode_formula(text_formula(subject_src, fields))
        body = encode_formula(text_formula(body_src, fields))
        fits = f"LEN({self.to})+LEN({subject})+LEN({body})+{LINK_FIXED}<={LINK_LIMIT}"
        url = f'"mailto:"&{self.to}&"?subject="&{subject}&IF({fits},"&body="&{body},"")'
        blank = ",".join(f'{fields[v]}=""' for v in self.required)
        link = f'HYPERLINK({url},"{self.label}")'
        if (
            self.when
        ):  # the row must meet it (IF, not NOT: the template uses a known set of functions)
            link = f'IF({self.when},{link},"")'
        return f'IF(OR({blank}),"",{link})'


# -- the two links ---------------------------------------------------------------------------------

_PEOPLE = 'TRIM(SUBSTITUTE([@Interviewers],CHAR(10),","))'
for _sep in (" and ", "&", ";", " ,", ", "):
    _PEOPLE = f'SUBSTITUTE({_PEOPLE},"{_sep}",",")'
_NAME = "TRIM(Contacts[Name])"
# Interviewers, found by name among the Contacts of the interview's company (with an email)
_INTERVIEWER_EMAILS = (
    f'_xlfn.TEXTJOIN(",",TRUE,IF(ISNUMBER(SEARCH(","&{_NAME}&",",","&{_PEOPLE}&","))'
    f'*({_NAME}<>"")*(TRIM(Contacts[Company])=TRIM([@Company]))*(TRIM(Contacts[Email])<>""),'
    'TRIM(Contacts[Email]),""))'
)


def _contact(column: str, role: str | None) -> str:
    """`column` of the first Contacts row of this row's application in `role` (None: any role),
    with an email."""
    in_role = f'*(Contacts[Role in process]="{role}")' if role else ""
    match = (
        '(TRIM(Contacts[Application ID]&"")=TRIM([@Application ID]&""))'
        f'{in_role}*(TRIM(Contacts[Email]&"")<>"")'
    )
    return f"TRIM(INDEX(Contacts[{column}],MATCH(1,{match},0)))"


_APP_COMPANY = f"TRIM({lookup_formula('Pipeline', 'Company', '[@Application ID]')})"


def _colleague(column: str) -> str:
    """`column` of the first Contacts row of the application's company with an email (met on
    another application, or on none)."""
    match = f'(TRIM(Contacts[Company]&"")={_APP_COMPANY})*(TRIM(Contacts[Email]&"")<>"")'
    return f"TRIM(INDEX(Contacts[{column}],MATCH(1,{match},0)))"


def _recruiter(column: str) -> str:
    """The recruiter's `column`, else the hiring manager's, else the first other contact's of the
    application (any role or none) with an email, else the first of its company's contacts with
    an email, else blank."""
    return (
        f"IFERROR({_contact(column, 'Recruiter')},IFERROR({_contact(column, 'Hiring manager')},"
        f'IFERROR({_contact(column, None)},IFERROR({_colleague(column)},""))))'
    )


def _hello(name: str) -> str:
    """``Hi`` and the first word of `name`, or ``Hello`` when it is blank (`name` written twice,
    not three times as IF would: the Feedback link holds it in its body twice)."""
    hi = f'CHAR(1)&TRIM("Hi "&LEFT({name}&" ",FIND(" ",{name}&" ")-1))&CHAR(1)'
    return f'SUBSTITUTE(SUBSTITUTE({hi},CHAR(1)&"Hi"&CHAR(1),"Hello"),CHAR(1),"")'


# -- the greeting of a thank-you: first names, full names where first names collide --------------
#
# LibreOffice 7.4 has no LET, TEXTSPLIT or REGEX that Excel shares, so the names are cut out of the
# Interviewers cell with the classic slots trick (each comma becomes GREET_SLOT spaces, name k is
# the trimmed k-th slot), first names compared all at once with MMULT over an array constant, and
# joined with TEXTJOIN, the last ", " made " and ". ``jobbook.drafts._people.greeted`` computes the
# same, step for step.

GREET_SLOT = 255  # characters of each name's slot
GREET_MOST = 12  # names a greeting holds
GREET_SEPARATORS = ("\n", " and ", "&", ";")  # each becomes a comma


def _greeted() -> str:
    names = "[@Interviewers]"
    for sep in GREET_SEPARATORS:
        names = (
            f'SUBSTITUTE({names},{"CHAR(10)" if sep == chr(10) else chr(34) + sep + chr(34)},",")'
        )
    k = "{" + ",".join(str(i) for i in range(1, GREET_MOST + 1)) + "}"
    w = GREET_SLOT
    slots = f'TRIM(MID(SUBSTITUTE({names},",",REPT(" ",{w})),{k}*{w}-{w - 1},{w}))'
    first = f'LEFT({slots},FIND(" ",{slots}&" ")-1)'
    same = f"MMULT({k}^0,--(TRANSPOSE({first})={first}))"  # how many share each first name
    joined = f'_xlfn.TEXTJOIN(", ",TRUE,IF({same}>1,{slots},{first}))'
    count = f'SUM(--({slots}<>""))'
    return f'SUBSTITUTE({joined},", "," and ",MAX(1,{count}-1))'


GREETED = _greeted()  # "Grace, Aisha and Omar"; "Diego Patel and Diego Okafor"

_ROUND = "TRIM([@Round])"
_STATUS = f"TRIM({lookup_formula('Pipeline', 'Status', '[@Application ID]')})"
_GREETED = _recruiter("Name")

THANK_YOU_LINK = MailLink(
    kind="thank-you",
    table="Interviews",
    header="Thank-you link",
    label="Write thank-you",
    to=_INTERVIEWER_EMAILS,
    fields=(
        (
            "round",
            f'IF({_ROUND}="","interview",IF(ISNUMBER(SEARCH("interview",{_ROUND})),{_ROUND},'
            f'{_ROUND}&" interview"))',
        ),
        ("interviewers", 'TRIM(SUBSTITUTE([@Interviewers],CHAR(10)," "))'),
        ("greeting", f'"Hi "&{GREETED}'),
        ("company", "TRIM([@Company])"),
        ("your_name", "TRIM(YourName)"),
    ),
    required=("interviewers", "company", "your_name"),
    note="Computed: a mailto: link with a short thank-you note to the interviewers (emails from "
    "Contacts by name; greeted by first name, by full name where two share one), once the "
    "interview has taken place (not a Cancelled one); needs Interviewers and Your name in "
    "Settings. jobbook draft BOOK thank-you ID writes the full note.",
    # a thank-you follows the interview, and not one that was cancelled
    when=f'AND(INT(N([@Date]))<={TODAY},[@Outcome]<>"{OUTCOME_CANCELLED}")',
)

FEEDBACK_LINK = MailLink(
    kind="feedback",
    table="Lessons",
    header="Feedback link",
    label="Ask for feedback",
    to=_recruiter("Email"),
    fields=(
        ("company", _APP_COMPANY),
        ("greeting", _hello(_GREETED)),
        ("your_name", "TRIM(YourName)"),
    ),
    required=("company", "your_name"),
    note="Computed: a mailto: link asking the recruiter (else the hiring manager, else another "
    "contact of the application, else the first contact of its company met on another one, from "
    "Contacts) for feedback, once the application is Rejected or Offer declined; needs Your name "
    "in Settings. jobbook draft BOOK feedback ID writes the full request.",
    when=f'OR({_STATUS}="Rejected",{_STATUS}="Offer declined")',  # after a rejection or a decline
)

LINKS = {link.header: link for link in (THANK_YOU_LINK, FEEDBACK_LINK)}
