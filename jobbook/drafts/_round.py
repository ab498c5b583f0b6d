"""What the book knows of an interview round, for a thank-you without `Went well` (README
§ Message drafts): the titles of the people met (Contacts) and a question they asked (Questions). A thank-you
built from these says something true about the round instead of filler."""

from __future__ import annotations

from ..reader import Book
from ._people import _contacts, _same, people, single_line
from ._values import Missing, plain, rows_of

# the Questions categories worth recalling in a thank-you, best first; a question without a
# Category comes last. Salary, Motivation and Other ("Do you have any questions for us?") are not
# what a note of thanks picks up again.
RECALLED = ("Technical", "Situational", "Behavioral", "Company")


def titles(book: Book, interviewers: str | None, company: object) -> list[str]:
    """The distinct Titles of the people met, in the order the Interviewers cell names them: each
    the Title of the first Contacts row with that name at the interview's company (as the
    thank-you's recipients are found) that has one."""
    wanted = [n.casefold() for n in people(interviewers)]
    rows = [c for c in _contacts(book) if _same(c["Company"], company) and c.get("Title")]
    out: list[str] = []
    for name in wanted:
        title = next((c["Title"] for c in rows if c["Name"].casefold() == name), None)
        if title and title.casefold() not in (t.casefold() for t in out):
            out.append(single_line(title))
    return out


def asked(book: Book, interview_id: str) -> dict[str, object] | Missing:
    """One question asked in the interview (Questions whose Interview ID is it): the first of the
    best RECALLED category, else the first without a Category; Missing when there is none."""
    q = book.tables["Questions"]
    best: tuple[int, str, object] | None = None
    for row in rows_of(book, "Questions", "Interview ID", interview_id):
        text = plain(q.at[row, "Question"])
        category = plain(q.at[row, "Category"])
        if not isinstance(text, str):
            continue
        if category is None:
            rank = len(RECALLED)
        elif str(category) in RECALLED:
            rank = RECALLED.index(str(category))
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, single_line(text), category)
    if best is None:
        return Missing(f"no question of {interview_id} in Questions")
    return {"question": best[1], "category": best[2]}
