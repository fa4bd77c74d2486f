"""The item model of the complaint list, built for a million sheets.

It follows Anki's browser table (STYLE.md "Big tables"; the machinery is in
``helpdesk.ui.paged_model``): a search asks the services for the sorted, filtered ids
in one SQL query (off the UI thread), ``rowCount()`` is the number of ids, and
``data()`` loads the rows of a page (200) the first time one of them is shown and keeps
it. Sorting and filtering happen in SQL. A change to a sheet drops the cached page and
repeats the search, so a sheet that now matches (or no longer does) appears or
disappears.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from helpdesk.domain import deadlines
from helpdesk.domain.events import Changes
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import common, complaints, settings
from helpdesk.services.dto import SheetRow
from helpdesk.ui import formatting, labels, paged_model
from helpdesk.ui.context import AppContext
from helpdesk.ui.paged_model import PagedIdsModel

PAGE_SIZE = paged_model.PAGE_SIZE
SheetIdRole = paged_model.IdRole
UrgencyRole = Qt.ItemDataRole.UserRole + 2
# (before, match, after) of the searched words in the sheet's text (issue 11).
# (A comment, not "#:", which lupdate would take for a translator comment.)
MatchRole = Qt.ItemDataRole.UserRole + 3


class Column(IntEnum):
    NUMBER = 0
    RECEIVED = 1
    CUSTOMER = 2
    PLATE_OR_ORDER = 3
    CHANNEL = 4
    SEVERITY = 5
    CATEGORY = 6
    STATE = 7
    RESPONSIBLE = 8
    TIME_LEFT = 9
    TEXT_MATCH = 10  # issue 11: where the searched words stand in the sheet's text


def _header_text(column: Column) -> str:
    # Literal calls so that lupdate finds every header.
    texts = {
        Column.NUMBER: QCoreApplication.translate("SheetTableModel", "Number"),
        Column.RECEIVED: QCoreApplication.translate("SheetTableModel", "Received"),
        Column.CUSTOMER: QCoreApplication.translate("SheetTableModel", "Customer"),
        Column.PLATE_OR_ORDER: QCoreApplication.translate("SheetTableModel", "Plate / order"),
        Column.CHANNEL: QCoreApplication.translate("SheetTableModel", "Channel"),
        Column.SEVERITY: QCoreApplication.translate("SheetTableModel", "Severity"),
        Column.CATEGORY: QCoreApplication.translate("SheetTableModel", "Category"),
        Column.STATE: QCoreApplication.translate("SheetTableModel", "Status"),
        Column.RESPONSIBLE: QCoreApplication.translate("SheetTableModel", "Responsible"),
        Column.TIME_LEFT: QCoreApplication.translate("SheetTableModel", "Time left"),
        Column.TEXT_MATCH: QCoreApplication.translate("SheetTableModel", "Text match"),
    }
    return texts[column]


class SheetTableModel(PagedIdsModel[SheetFilter, SheetRow]):
    """The complaint list: ids of one search, rows loaded by pages.

    Signals (from ``PagedIdsModel``):
        search_started(): a search began (the view may show "searching…").
        search_finished(int, float): the number of sheets found and the seconds taken.
        search_failed(str): the search failed (translated message).
    """

    _columns = Column

    def __init__(self, ctx: AppContext, *, parent: Any = None) -> None:
        super().__init__(ctx, SheetFilter(), parent=parent)
        self._categories: Mapping[str, Sequence[str]] = {}
        self._matches: dict[int, tuple[str, str, str]] = {}
        ctx.bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """Rows of changed sheets are read again (which rows match is the page's
        search to redo)."""
        for sheet_id in changes.sheet_ids:
            self.forget(sheet_id)

    @property
    def sheet_filter(self) -> SheetFilter:
        return self._filter

    def sheet_id(self, row: int) -> int:
        return self.id_at(row)

    def sheet_row(self, row: int) -> SheetRow | None:
        return self.row_at(row)

    def refresh_time_left(self, first: int, last: int) -> None:
        """Repaint the rows ``first``..``last`` (the visible ones) as time passes: the
        time-left text and the row colours depend on the clock, nothing is reloaded."""
        if not self._ids:
            return
        first = max(0, first)
        last = min(last, len(self._ids) - 1)
        if last < first:
            return
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1),
                              [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole])

    # ------------------------------------------------------------ PagedIdsModel hooks
    def _query(self, uow: Callable[[], Any], user_id: int,
               search_filter: SheetFilter) -> tuple[Sequence[int], dict[str, list[str]]]:
        # Ids by windows: the count and the first thousand now, the rest as scrolled.
        return complaints.list_sheets(uow(), user_id, search_filter), _categories(uow())

    def _take_extra(self, extra: Mapping[str, Sequence[str]]) -> None:
        self._categories = extra
        self._matches = {}

    def _fetch_rows(self, ids: list[int]) -> list[SheetRow]:
        if self._filter.text.strip():
            self._matches.update(complaints.text_matches(
                self._ctx.uow(), self._ctx.user_id, ids, self._filter.text))
        return complaints.sheet_rows(self._ctx.uow(), ids)

    @property
    def searches_text(self) -> bool:
        """Whether the current search has words to find in the sheets' text."""
        return bool(self._filter.text.strip())

    def _header_text(self, section: int) -> str:
        return _header_text(Column(section))

    def _search_label(self) -> str:
        return QCoreApplication.translate("SheetTableModel", "Searching complaints…")

    def _cell(self, row_number: int, column_number: int, role: int) -> Any:
        row = self.sheet_row(row_number)
        if row is None:
            return None
        column = Column(column_number)
        if column is Column.TEXT_MATCH and role in (MatchRole, Qt.ItemDataRole.ToolTipRole):
            return self._matches.get(row.id) if role == MatchRole else \
                (self._display(row, column) or None)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole, UrgencyRole):
            left = self._time_left(row)
            if role == UrgencyRole:
                return left.urgency.value
            if role == Qt.ItemDataRole.ToolTipRole:
                if column is Column.TIME_LEFT and left.due is not None:
                    return QCoreApplication.translate("SheetTableModel", "Due %1").replace(
                        "%1", formatting.datetime_text(left.due))
                if column in (Column.NUMBER, Column.CUSTOMER) and row.first_line:
                    # Issue 9: what the complaint is about, without opening it.
                    return f"{self._display(row, column)}\n{row.first_line}"
                # A cell too narrow for its words shows them whole on hover.
                return self._display(row, column) or None
            if role == Qt.ItemDataRole.FontRole:
                if column is Column.TIME_LEFT and left.urgency in (
                        formatting.Urgency.OVERDUE, formatting.Urgency.NEAR):
                    font = QFont()
                    font.setBold(True)
                    return font
                return None
            colours = formatting.urgency_colours(left.urgency)
            if colours is None:
                return None
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.RECEIVED:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        return None

    def _time_left(self, row: SheetRow) -> formatting.TimeLeft:
        return formatting.time_left(row.state, row.response_due_at, row.resolution_due_at,
                                    row.acknowledged_at, row.resolved_at, common.now(),
                                    waiting_since=row.waiting_since,
                                    received_at=row.received_at)

    def _display(self, row: SheetRow, column: Column) -> str:
        match column:
            case Column.NUMBER:
                return row.number
            case Column.RECEIVED:
                return formatting.datetime_text(row.received_at)
            case Column.CUSTOMER:
                return row.customer_name
            case Column.PLATE_OR_ORDER:
                return row.plate_or_order
            case Column.CHANNEL:
                return labels.label(row.channel)
            case Column.SEVERITY:
                return labels.label(row.severity)
            case Column.CATEGORY:
                return labels.category_name(self._categories, row.category)
            case Column.STATE:
                return labels.label(row.state)
            case Column.RESPONSIBLE:
                return row.responsible_name
            case Column.TIME_LEFT:
                text = self._time_left(row).text
                # issue 11: the CRM preset's progress update to the customer is late
                if deadlines.is_late(row.progress_update_due_at, common.now()):
                    text = f"{text} · {labels.label(DueFilter.UPDATE_DUE)}".lstrip(" ·")
                return text
            case Column.TEXT_MATCH:
                return "".join(self._matches.get(row.id, ("", "", "")))
        return ""


def _categories(uow: Any) -> dict[str, list[str]]:
    return settings.get_categories(uow)
