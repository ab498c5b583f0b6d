"""The ``mailto:`` link columns of Interviews and Lessons (SPEC section 10): a short message that a
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


# -- compiling a link template into a formula -------------------------------------------------------


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


# -- the two links ----------------------------------------------------------------------------------

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


def _recruiter(column: str) -> str:
    """The recruiter's `column`, else the hiring manager's, else the first other contact's of the
    application (any role or none) with an email, else blank."""
    return (
        f"IFERROR({_contact(column, 'Recruiter')},IFERROR({_contact(column, 'Hiring manager')},"
        f'IFERROR({_contact(column, None)},"")))'
    )


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
        ("company", "TRIM([@Company])"),
        ("your_name", "TRIM(YourName)"),
    ),
    required=("interviewers", "company", "your_name"),
    note="Computed: a mailto: link with a short thank-you note to the interviewers (emails from "
    "Contacts by name), once the interview has taken place (not a Cancelled one); needs Interviewers and Your name in "
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
        ("company", f"TRIM({lookup_formula('Pipeline', 'Company', '[@Application ID]')})"),
        (
            "greeting",
            f'IF({_GREETED}="","Hello","Hi "&LEFT({_GREETED},FIND(" ",{_GREETED}&" ")-1))',
        ),
        ("your_name", "TRIM(YourName)"),
    ),
    required=("company", "your_name"),
    note="Computed: a mailto: link asking the recruiter (else the hiring manager, else another "
    "contact of the application, from Contacts) for feedback, once the application is Rejected or "
    "Offer declined; needs Your name in Settings. jobbook draft BOOK feedback ID writes the full "
    "request.",
    when=f'OR({_STATUS}="Rejected",{_STATUS}="Offer declined")',  # after a rejection or a decline
)

LINKS = {link.header: link for link in (THANK_YOU_LINK, FEEDBACK_LINK)}
