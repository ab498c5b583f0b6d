"""An HTML-only body as plain text, with Beautiful Soup over Python's own ``html.parser``
(no lxml, no network): the markup is parsed as text and never rendered, so no image, style sheet
or tracking pixel is fetched and no script runs. Block elements become line breaks so that
sentences stay apart; the addresses of links are kept aside (for a video-call link), never followed.
"""

from __future__ import annotations

import re

_BLOCKS = (
    "p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "center", "dd", "dt", "pre", "hr",
)  # fmt: skip
_DROPPED = ("script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object")
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200c\u200d\ufeff]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")
MAX_HTML = 4 * 1024 * 1024  # characters of markup read; the rest of a huge newsletter is dropped


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """(the text a reader sees, the link addresses) of an HTML body."""
    from bs4 import BeautifulSoup  # jobbook[mail]; loaded for HTML-only messages

    soup = BeautifulSoup(markup[:MAX_HTML], "html.parser")
    for tag in soup(list(_DROPPED)):
        tag.decompose()
    links = [str(a.get("href")) for a in soup.find_all("a") if a.get("href")]
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(list(_BLOCKS)):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" ")
    text = soup.get_text()
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return text, links
