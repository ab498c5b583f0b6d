"""History (docs/definitions.md § History): every change jobbook writes, cell by cell, in a table of the book.

* ``Log`` says what History records of a change about to be written (``log_for(book, source)``
  numbers it and, for an empty History, adds the baseline: the book as it stands). The editor
  (``jobbook.edit.edit_workbook(..., log=...)``) writes a Log's rows in the same atomic write as
  the change, from its own list of the cells it changes: their Old and New. A new command (mail,
  say) passes its own Source and Note, and per change ``TableWrite(..., when=, note=)``.
* ``book_on(book, day)``: the book's tables as History says they stood on a day.
* ``typed_since(book, log)``: what the user typed since History last looked (``jobbook record``).
* ``to_text`` / ``from_text``: values as History holds them (text; formulas and text told apart).
"""

from ._book import AsOf, book_entries, book_on, book_rows, log_for, pending, typed_since
from ._entries import CellEdit, Entry, Log, RowAdded, RowRemoved, entries_from_rows, now
from ._replay import key_of, last_seen, rewind
from ._text import from_text, to_text, xml_text

__all__ = [
    "AsOf",
    "CellEdit",
    "Entry",
    "Log",
    "RowAdded",
    "RowRemoved",
    "book_entries",
    "book_on",
    "book_rows",
    "entries_from_rows",
    "from_text",
    "key_of",
    "last_seen",
    "log_for",
    "now",
    "pending",
    "rewind",
    "to_text",
    "typed_since",
    "xml_text",
]
