"""The item model of the complaint list, built for a million sheets.

It follows Anki's browser table (STYLE.md "Big tables"): a search asks the services
for the sorted, filtered ids in one SQL query (off the UI thread), ``rowCount()`` is
the number of ids, and ``data()`` loads the rows of a page (200) the first time one of
them is shown and keeps it. Sorting and filtering happen in SQL. A change to a sheet
drops the cached page and repeats the search, so a sheet that now matches (or no
longer does) appears or disappears.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import common, complaints, settings
from helpdesk.services.dto import SheetRow
from helpdesk.ui import formatting, labels
from helpdesk.ui.context import AppContext

PAGE_SIZE = 200
SheetIdRole = Qt.ItemDataRole.UserRole + 1
UrgencyRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


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
    }
    return texts[column]


class SheetTableModel(QAbstractTableModel):
    """The complaint list: ids of one search, rows loaded by pages.

    Signals:
        search_started(): a search began (the view may show "searching…").
        search_finished(int, float): the number of sheets found and the seconds taken.
        search_failed(str): the search failed (translated message).
    """

    search_started = Signal()
    search_finished = Signal(int, float)
    search_failed = Signal(str)

    def __init__(self, ctx: AppContext, *, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, SheetRow]] = {}
        self._filter = SheetFilter()
        self._generation = 0
        self._categories: Mapping[str, Sequence[str]] = {}
        self.last_search_seconds = 0.0
        self.page_loads = 0  # how many pages were fetched (benchmarks and tests read it)

    # ------------------------------------------------------------ searching
    @property
    def sheet_filter(self) -> SheetFilter:
        return self._filter

    def search(self, sheet_filter: SheetFilter, *, background: bool = True) -> None:
        """Run the ids query for ``sheet_filter`` and show its result."""
        self._filter = sheet_filter
        self._generation += 1
        generation = self._generation
        uow, user_id = self._ctx.uow, self._ctx.user_id
        started = time.perf_counter()

        def work() -> tuple[list[int], dict[str, list[str]]]:
            ids = complaints.list_sheet_ids(uow(), user_id, sheet_filter)
            categories = _categories(uow())
            return ids, categories

        def done(result: tuple[list[int], dict[str, list[str]]]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # a newer search has started; this answer is stale
            self._apply(result[0], result[1], time.perf_counter() - started)

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            from helpdesk.ui import messages

            text = messages.error_text(exc) if isinstance(exc, HelpdeskError) else \
                messages.unexpected_text(exc)
            self.search_failed.emit(text)

        self.search_started.emit()
        if background:
            label = QCoreApplication.translate("SheetTableModel", "Searching complaints…")
            self._ctx.run(work, done, failed, label=label)
        else:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - shown, not swallowed
                failed(exc)
                return
            done(result)

    def refresh(self, *, background: bool = True) -> None:
        """Repeat the current search (after a change somewhere)."""
        self.search(self._filter, background=background)

    def _apply(self, ids: list[int], categories: Mapping[str, Sequence[str]],
               seconds: float) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._categories = categories
        self.endResetModel()
        self.last_search_seconds = seconds
        self.search_finished.emit(len(ids), seconds)

    def forget(self, sheet_id: int) -> None:
        """Drop the cached page holding ``sheet_id`` (its row changed)."""
        for page, rows in list(self._pages.items()):
            if sheet_id in rows:
                del self._pages[page]
                first = page * PAGE_SIZE
                last = min(first + PAGE_SIZE, len(self._ids)) - 1
                if last >= first:
                    self.dataChanged.emit(self.index(first, 0),
                                          self.index(last, len(Column) - 1))

    # ------------------------------------------------------------ rows
    def sheet_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, sheet_id: int) -> int | None:
        try:
            return self._ids.index(sheet_id)
        except ValueError:
            return None

    def sheet_row(self, row: int) -> SheetRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load_page(page)
        return rows.get(self._ids[row])

    def _load_page(self, page: int) -> dict[int, SheetRow]:
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        rows = {r.id: r for r in complaints.sheet_rows(self._ctx.uow(), ids)}
        self._pages[page] = rows
        self.page_loads += 1
        return rows

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

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return _header_text(Column(section))
            return None
        if orientation is Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._ids):
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == SheetIdRole:
            return self._ids[index.row()]
        row = self.sheet_row(index.row())
        if row is None:
            return None
        column = Column(index.column())
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
                return None
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
                                    row.acknowledged_at, row.resolved_at, common.now())

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
                return self._time_left(row).text
        return ""


def _categories(uow: Any) -> dict[str, list[str]]:
    return settings.get_categories(uow)
