"""The Lists sheet of a macro-enabled workbook: where each button writes its list (its band of
columns), and the named Dashboard cells the buttons read (shared by the template, the intents and
the actions; the cell writes of a band are ``jobbook.intents.lists.band``)."""

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
