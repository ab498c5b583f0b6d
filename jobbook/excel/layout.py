"""Where the buttons write in a macro-enabled workbook (shared by the template and the actions)."""

LISTS = "Lists"  # the sheet the buttons write their lists to
BANDS = {  # each button owns a band of columns on the Lists sheet
    "deadlines": ("A", "F"),
    "problems": ("H", "J"),
    "offers": ("L", "T"),
    "months": ("V", "Y"),
    "accept": ("AA", "AB"),
    "draft": ("AD", "AE"),
    "calendar": ("AG", "AH"),
}
BAND_LABELS = {  # row 2 of each band before its button first writes there: what to click
    "deadlines": "Deadlines: click Deadlines",
    "problems": "Problems: click Check",
    "offers": "Offers ranked: click Refresh",
    "months": "Month by month: click Refresh",
    "accept": "Steps after accepting: click Accept offer",
    "draft": "Message draft: choose kind and ID beside Draft, then click it",
    "calendar": "Calendar file: click Export calendar",
}
FIRST_ROW = 3  # header row of each band; its title is on the row above
CLEAR_TO = 5000
OFFER_TO_ACCEPT = "OfferToAccept"  # the named Dashboard cell where the offer to accept is chosen
DRAFT_KIND = "DraftKind"  # the named Dashboard cells of the Draft button: the kind of message
DRAFT_ID = "DraftID"  # and its ID


def band(name: str, title: str, header: list[str], rows: list[list[object]]):
    """The cell writes that put a titled list into button `name`'s band of the Lists sheet (the
    band cleared first)."""
    from ..changes import CellWrite

    first, last = BANDS[name]
    return [
        CellWrite(
            LISTS,
            f"{first}{FIRST_ROW - 1}",
            [[title]],
            clear=f"{first}{FIRST_ROW - 1}:{last}{CLEAR_TO}",
        ),
        CellWrite(LISTS, f"{first}{FIRST_ROW}", [header, *rows]),
    ]
