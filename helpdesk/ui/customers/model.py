"""Item models of the customer browser.

``CustomerTableModel`` follows Anki's browser table (STYLE.md "Big tables"): a search
asks the services for the sorted, filtered ids in one SQL query (off the UI thread),
``rowCount()`` is the number of ids, and ``data()`` loads the rows of a page (200) the
first time one of them is shown and keeps it. Sorting and filtering happen in SQL.

``RecordTableModel`` is a small read-only table over a list of rows (call lists,
duplicates, timeline) whose cells are computed by a function.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from shiboken6 import isValid

from helpdesk.domain import validation
from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import customer_list
from helpdesk.services.customer_list import CustomerFilter, CustomerRow
from helpdesk.ui import formatting, messages
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

PAGE_SIZE = 200
CustomerIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def alive(obj: Any) -> bool:
    """False once the Qt object behind ``obj`` was deleted (a worker's answer may come
    back after its widget closed)."""
    return isValid(obj)


def phone_text(number: str) -> str:
    """A phone as people read it (``138 1234 5678``; see ``validation.display_phone``)."""
    return validation.display_phone(number)


class Column(IntEnum):
    NAME = 0
    PHONE = 1
    PLATE = 2
    TIER = 3
    LIFECYCLE = 4
    LAST_PURCHASE = 5
    REVENUE = 6
    OPEN_COMPLAINTS = 7
    LAST_COMPLAINT = 8
    STORE = 9
    OWNER = 10


def _header_text(column: Column) -> str:
    texts = {
        Column.NAME: translate("CustomerTableModel", "Name"),
        Column.PHONE: translate("CustomerTableModel", "Phone"),
        Column.PLATE: translate("CustomerTableModel", "Plate"),
        Column.TIER: translate("CustomerTableModel", "Tier"),
        Column.LIFECYCLE: translate("CustomerTableModel", "Lifecycle"),
        Column.LAST_PURCHASE: translate("CustomerTableModel", "Last purchase"),
        Column.REVENUE: translate("CustomerTableModel", "Revenue (12 months)"),
        Column.OPEN_COMPLAINTS: translate("CustomerTableModel", "Open complaints"),
        Column.LAST_COMPLAINT: translate("CustomerTableModel", "Last complaint"),
        Column.STORE: translate("CustomerTableModel", "Store"),
        Column.OWNER: translate("CustomerTableModel", "Advisor"),
    }
    return texts[column]


class CustomerTableModel(QAbstractTableModel):
    """The customer list: ids of one search, rows loaded by pages.

    Signals:
        search_started(): a search began.
        search_finished(int, float): customers found and the seconds it took.
        search_failed(str): the search failed (translated message).
    """

    search_started = Signal()
    search_finished = Signal(int, float)
    search_failed = Signal(str)

    def __init__(self, ctx: AppContext, *, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, CustomerRow]] = {}
        self._filter = CustomerFilter()
        self._generation = 0
        self.last_search_seconds = 0.0
        self.page_loads = 0

    @property
    def customer_filter(self) -> CustomerFilter:
        return self._filter

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def search(self, customer_filter: CustomerFilter, *, background: bool = True) -> None:
        """Run the ids query for ``customer_filter``; a newer search wins."""
        self._filter = customer_filter
        self._generation += 1
        generation = self._generation
        uow, user_id = self._ctx.uow, self._ctx.user_id
        started = time.perf_counter()

        def work() -> list[int]:
            return customer_list.list_customer_ids(uow(), user_id, customer_filter)

        def done(ids: list[int]) -> None:
            if not alive(self) or generation != self._generation:
                return  # a newer search has started; this answer is stale
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self.endResetModel()
            self.last_search_seconds = time.perf_counter() - started
            self.search_finished.emit(len(ids), self.last_search_seconds)

        def failed(exc: Exception) -> None:
            if not alive(self) or generation != self._generation:
                return
            text = (
                messages.error_text(exc)
                if isinstance(exc, HelpdeskError)
                else messages.unexpected_text(exc)
            )
            self.search_failed.emit(text)

        self.search_started.emit()
        if background:
            self._ctx.run(
                work,
                done,
                failed,
                label=QCoreApplication.translate("CustomerTableModel", "Searching customers…"),
            )
        else:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - shown, not swallowed
                failed(exc)
                return
            done(result)

    def refresh(self, *, background: bool = True) -> None:
        self.search(self._filter, background=background)

    def forget(self, customer_id: int) -> None:
        """Drop the cached page holding ``customer_id`` (its row changed)."""
        for page, rows in list(self._pages.items()):
            if customer_id in rows:
                del self._pages[page]
                first = page * PAGE_SIZE
                last = min(first + PAGE_SIZE, len(self._ids)) - 1
                if last >= first:
                    self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def customer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def customer_row(self, row: int) -> CustomerRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            rows = {
                r.id: r
                for r in customer_list.customer_rows(self._ctx.uow(), self._ctx.user_id, ids)
            }
            self._pages[page] = rows
            self.page_loads += 1
        return rows.get(self._ids[row])

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return _header_text(Column(section))
        if orientation is Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CustomerIdRole:
            return self._ids[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.REVENUE, Column.OPEN_COMPLAINTS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.customer_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.OPEN_COMPLAINTS and row.open_complaints:
                return QColor("#b02a37")
            return None
        return _display(row, column)


def _display(row: CustomerRow, column: Column) -> str:
    match column:
        case Column.NAME:
            return row.name
        case Column.PHONE:
            return phone_text(row.phone)
        case Column.PLATE:
            return row.plate
        case Column.TIER:
            return labels.label(row.tier)
        case Column.LIFECYCLE:
            return labels.label(row.lifecycle)
        case Column.LAST_PURCHASE:
            return formatting.date_text(row.last_purchase)
        case Column.REVENUE:
            return formatting.money_text(row.revenue_12m_cents)
        case Column.OPEN_COMPLAINTS:
            return str(row.open_complaints) if row.open_complaints else ""
        case Column.LAST_COMPLAINT:
            return formatting.datetime_text(row.last_complaint_at)
        case Column.STORE:
            return row.store_name
    return row.owner_name  # Column.OWNER


class RecordTableModel(QAbstractTableModel):
    """A read-only table over ``records``; ``cell(record, column)`` gives the text.

    ``headers`` is a function so the header follows the UI language."""

    def __init__(
        self,
        headers: Callable[[], Sequence[str]],
        cell: Callable[[Any, int], str],
        *,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cell = cell
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    @property
    def records(self) -> list[Any]:
        return list(self._records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(headers):
            return headers[section]
        if orientation is Qt.Orientation.Vertical and 0 <= section < len(self._records):
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(self._records[index.row()], index.column())
        return None
