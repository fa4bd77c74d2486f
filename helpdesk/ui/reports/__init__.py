"""The report screen, and the sheet printout and reply letter dialogs."""

from helpdesk.ui.reports.actions import print_sheet, show_reply_letter
from helpdesk.ui.reports.view import ReportsView

__all__ = ["ReportsView", "print_sheet", "show_reply_letter"]
