"""Where the buttons write in a macro-enabled workbook (shared by the template and the actions)."""

LISTS = "Lists"  # the sheet the buttons write their lists to
BANDS = {  # each button owns a band of columns on the Lists sheet
    "deadlines": ("A", "F"),
    "problems": ("H", "J"),
    "offers": ("L", "T"),
    "months": ("V", "Y"),
    "accept": ("AA", "AB"),
}
FIRST_ROW = 3  # header row of each band; its title is on the row above
CLEAR_TO = 5000
OFFER_TO_ACCEPT = "OfferToAccept"  # the named Dashboard cell where the offer to accept is chosen
