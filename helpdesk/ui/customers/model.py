"""Item models of the customer browser.

``CustomerTableModel`` follows Anki's browser table (STYLE.md "Big tables"; the
machinery is in ``helpdesk.ui.paged_model``): a search asks the services for the sorted,
filtered ids in one SQL query (off the UI thread), ``rowCount()`` is the number of ids,
and ``data()`` loads the rows of a page (200) the first time one of them is shown and
keeps it. Sorting and filtering happen in SQL.

``RecordTableModel`` is a small read-only table over a list of rows (call lists,
duplicates, timeline) whose cells are computed by a function; ``record_view`` is the
read-only view the record and analytics panels show it in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView
from shiboken6 import isValid

from helpdesk.domain import validation
from helpdesk.services import customer_list
from helpdesk.services.customer_list import CustomerFilter, CustomerRow, CustomerSort
from helpdesk.ui import formatting, paged_model
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels
from helpdesk.ui.paged_model import PagedIdsModel, ReadOnlyTableModel

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

PAGE_SIZE = paged_model.PAGE_SIZE
CustomerIdRole = paged_model.IdRole

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


#: The sort a click on a column header asks for (columns not listed do not sort).
SORT_OF_COLUMN: dict[Column, CustomerSort] = {
    Column.NAME: CustomerSort.NAME,
    Column.LAST_PURCHASE: CustomerSort.LAST_PURCHASE,
    Column.REVENUE: CustomerSort.REVENUE,
    Column.LAST_COMPLAINT: CustomerSort.LAST_COMPLAINT,
}


class CustomerTableModel(PagedIdsModel[CustomerFilter, CustomerRow]):
    """The customer list: ids of one search, rows loaded by pages.

    Signals (from ``PagedIdsModel``):
        search_started(): a search began.
        search_finished(int, float): customers found and the seconds it took.
        search_failed(str): the search failed (translated message).
    """

    _columns = Column

    def __init__(self, ctx: AppContext, *, parent: Any = None) -> None:
        super().__init__(ctx, CustomerFilter(), parent=parent)

    @property
    def customer_filter(self) -> CustomerFilter:
        return self._filter

    def customer_id(self, row: int) -> int:
        return self.id_at(row)

    def customer_row(self, row: int) -> CustomerRow | None:
        return self.row_at(row)

    # ------------------------------------------------------------ PagedIdsModel hooks
    def _query(
        self, uow: Callable[[], Any], user_id: int, search_filter: CustomerFilter
    ) -> tuple[list[int], list[CustomerRow]]:
        # The first page comes with the ids (one unit of work, off the UI thread).
        page = customer_list.search_customers(uow(), user_id, search_filter, first=PAGE_SIZE)
        return page.ids, page.rows

    def _take_extra(self, extra: list[CustomerRow]) -> None:
        self._keep_page(0, extra)

    def _fetch_rows(self, ids: list[int]) -> list[CustomerRow]:
        return customer_list.customer_rows(self._ctx.uow(), self._ctx.user_id, ids)

    def _header_text(self, section: int) -> str:
        return _header_text(Column(section))

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # A narrow column elides its header; the whole text is one hover away.
        if role == Qt.ItemDataRole.ToolTipRole and orientation is Qt.Orientation.Horizontal:
            if 0 <= section < len(Column):
                column = Column(section)
                text = _header_text(column)
                if column in SORT_OF_COLUMN:
                    text += "\n" + translate("CustomerTableModel", "Click to sort")
                return text
            return None
        return super().headerData(section, orientation, role)

    def _search_label(self) -> str:
        return QCoreApplication.translate("CustomerTableModel", "Searching customers…")

    def _cell(self, row_number: int, column_number: int, role: int) -> Any:
        column = Column(column_number)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.REVENUE, Column.OPEN_COMPLAINTS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.customer_row(row_number)
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            # A long company name is cut in its cell; the whole name is one hover away.
            return row.name if column is Column.NAME else None
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


class RecordTableModel(ReadOnlyTableModel):
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

    # ------------------------------------------------------------ ReadOnlyTableModel hooks
    def _row_total(self) -> int:
        return len(self._records)

    def _column_total(self) -> int:
        return len(self._headers())

    def _header_text(self, section: int) -> str:
        return self._headers()[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(self._records[index.row()], index.column())
        return None


def record_view(name: str, model: RecordTableModel) -> QTableView:
    """A read-only view of ``model`` that selects whole rows, named ``name``."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view
