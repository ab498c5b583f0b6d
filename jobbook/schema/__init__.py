"""The one description of the workbook (docs/definitions.md § The workbook).

Every sheet, table and column lives here: header, kind, whether the header is required, whether each
row needs a value, the allowed values, the number format, the note shown on the header, and for a
computed column the Excel formula that the template writes. The reader, ``jobbook check``, the
template builder, the report and the docs all take headers from here; nothing else spells one.

Formulas are written with two short-hands that :func:`excel_formula` expands into the long form
that Excel stores and LibreOffice understands:

* ``[@Col]`` -> ``Table[[#This Row],[Col]]`` (this row of the column ``Col`` of the same table)
* ``{HOLIDAYS}`` -> ``Holidays[Date]``; ``{TODAY}`` -> the named cell ``AsOfDate``, which holds
  ``IF(AsOf="",TODAY(),INT(AsOf))``.
"""

# The schema is split in two modules; everything is read from here.
from ._base import *  # noqa: F403
from ._history import *  # noqa: F403
from ._links import (  # noqa: F401
    FEEDBACK_LINK,
    GREET_MOST,
    GREET_SEPARATORS,
    GREET_SLOT,
    LINK_LIMIT,
    LINKS,
    THANK_YOU_LINK,
    MailLink,
    excel_trim,
    split_message,
)
from ._sheets import *  # noqa: F403
from ._sheets import table_for  # noqa: F401
