Attribute VB_Name = "JobbookButtons"
' jobbook's sheet buttons. Each runs one Python action through the xlwings add-in (RunPython);
' the action reads this workbook, computes with jobbook's core and writes plain values back.
' Needs: pip install jobbook, then xlwings addin install (see the README, Use it in Excel).
' If Excel says Can't find project or library: VBA editor > Tools > References > tick xlwings.
Option Explicit

' Refresh: what only Python computes (offers ranked, the search month by month) on the Lists sheet.
Sub RefreshButton()
    RunPython "import jobbook.excel.buttons as m; m.refresh()"
End Sub

' Deadlines: every open deadline, soonest first, on the Lists sheet.
Sub DeadlinesButton()
    RunPython "import jobbook.excel.buttons as m; m.deadlines()"
End Sub

' Check: every problem of the workbook, with a link to its cell, on the Lists sheet.
Sub CheckButton()
    RunPython "import jobbook.excel.buttons as m; m.check()"
End Sub

' Monthly report: this month's report (workbook and PDF) written next to this workbook.
Sub MonthlyReportButton()
    RunPython "import jobbook.excel.buttons as m; m.monthly_report()"
End Sub

' Accept offer: the offer chosen next to the button (or the selected Offers row) is accepted,
' the other active applications are marked to withdraw, Transition is filled, steps are listed.
Sub AcceptOfferButton()
    RunPython "import jobbook.excel.buttons as m; m.accept_offer()"
End Sub

' Export calendar: interviews and open deadlines written as a calendar file (.ics) next to this
' workbook; import it into Outlook, Google or Apple Calendar, and again after changes (it updates).
Sub ExportCalendarButton()
    RunPython "import jobbook.excel.buttons as m; m.export_calendar()"
End Sub

' Draft: the message chosen next to the button (its kind and ID) written on the Lists sheet.
Sub DraftButton()
    RunPython "import jobbook.excel.buttons as m; m.draft()"
End Sub
