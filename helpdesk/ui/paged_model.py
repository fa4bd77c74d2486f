"""Base classes of the table models.

``PagedIdsModel`` is the machinery shared by the big lists (complaints, customers). It
follows Anki's browser table (STYLE.md "Big tables"): a search asks the services for
the sorted, filtered ids in one SQL query (off the UI thread), ``rowCount()`` is the
number of ids, and ``data()`` loads the rows of a page (``PAGE_SIZE``) the first time
one of them is shown and keeps it. Sorting and filtering happen in SQL. A subclass says
how to query the ids and the rows, names its columns and turns a row into cells;
everything else lives here once.

``ReadOnlyTableModel`` is the Qt boilerplate of a flat read-only table (row and column
counts, numbered rows, header texts, flags) under both the big lists and
``customers.model.RecordTableModel``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.ui import messages
from helpdesk.ui.context import AppContext

PAGE_SIZE = 200
IdRole = Qt.ItemDataRole.UserRole + 1  # the id of the row's item, for every model here

_Index = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


FilterT = TypeVar("FilterT")
RowT = TypeVar("RowT", bound=_HasId)


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat, read-only table: selectable cells, rows numbered in the vertical header.

    Subclasses implement ``_row_total``, ``_column_total``, ``_header_text`` and
    ``data``.
    """

    def _row_total(self) -> int:
        raise NotImplementedError

    def _column_total(self) -> int:
        raise NotImplementedError

    def _header_text(self, section: int) -> str:
        """The horizontal header of column ``section`` (translated)."""
        raise NotImplementedError

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._row_total()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._column_total()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal and 0 <= section < self._column_total():
            return self._header_text(section)
        if orientation is Qt.Orientation.Vertical and 0 <= section < self._row_total():
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PagedIdsModel(ReadOnlyTableModel, Generic[FilterT, RowT]):
    """Ids of one search, rows loaded by pages of ``PAGE_SIZE`` and cached.

    Subclasses set ``_columns`` (their column enum) and implement ``_query`` (the ids,
    off the UI thread), ``_fetch_rows``, ``_header_text`` (see ``ReadOnlyTableModel``),
    ``_search_label`` and ``_cell``; they may override ``_take_extra`` to keep what
    ``_query`` fetched besides the ids.

    Attributes:
        last_search_seconds: how long the last search took.
        page_loads: how many pages were fetched (benchmarks and tests read it).

    Signals:
        search_started(): a search began (the view may show "searching…").
        search_finished(int, float): the number of items found and the seconds taken.
        search_failed(str): the search failed (translated message).
    """

    search_started = Signal()
    search_finished = Signal(int, float)
    search_failed = Signal(str)

    _columns: ClassVar[type[IntEnum]]  # the subclass's columns, in order

    def __init__(self, ctx: AppContext, initial_filter: FilterT, *, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # A list, or ids read by windows (services.paging.IdWindows): only len(),
        # indexing, slices and index() are used.
        self._ids: Sequence[int] = []
        self._pages: dict[int, dict[int, RowT]] = {}
        self._filter = initial_filter
        self._generation = 0
        self.last_search_seconds = 0.0
        self.page_loads = 0

    # ------------------------------------------------------------ hooks
    def _query(self, uow: Callable[[], Any], user_id: int,
               search_filter: FilterT) -> tuple[Sequence[int], Any]:
        """The ids matching ``search_filter`` and any extra data the rows need.

        Runs in a worker thread: use the arguments only, never the model."""
        raise NotImplementedError

    def _take_extra(self, extra: Any) -> None:
        """Keep the extra data of ``_query`` (called while the model resets)."""

    def _fetch_rows(self, ids: list[int]) -> Iterable[RowT]:
        """The rows of ``ids`` (a page), in any order."""
        raise NotImplementedError

    def _search_label(self) -> str:
        """What the status bar says while the search runs (translated)."""
        raise NotImplementedError

    def _cell(self, row: int, column: int, role: int) -> Any:
        """``data()`` of a valid index for every role but ``IdRole``."""
        raise NotImplementedError

    # ------------------------------------------------------------ searching
    def search(self, search_filter: FilterT, *, background: bool = True) -> None:
        """Run the ids query for ``search_filter`` and show its result; a newer
        search wins."""
        self._filter = search_filter
        self._generation += 1
        generation = self._generation
        uow, user_id = self._ctx.uow, self._ctx.user_id
        query = self._query
        started = time.perf_counter()

        def work() -> tuple[Sequence[int], Any]:
            return query(uow, user_id, search_filter)

        def done(result: tuple[Sequence[int], Any]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # a newer search has started; this answer is stale
            self._apply(result[0], result[1], time.perf_counter() - started)

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            text = messages.error_text(exc) if isinstance(exc, HelpdeskError) else \
                messages.unexpected_text(exc)
            self.search_failed.emit(text)

        self.search_started.emit()
        if background:
            self._ctx.run(work, done, failed, label=self._search_label())
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

    def _apply(self, ids: Sequence[int], extra: Any, seconds: float) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._take_extra(extra)
        self.endResetModel()
        self.last_search_seconds = seconds
        self.search_finished.emit(len(ids), seconds)

    def forget(self, item_id: int) -> None:
        """Drop the cached page holding ``item_id`` (its row changed)."""
        for page, rows in list(self._pages.items()):
            if item_id in rows:
                del self._pages[page]
                first = page * PAGE_SIZE
                last = min(first + PAGE_SIZE, len(self._ids)) - 1
                if last >= first:
                    self.dataChanged.emit(self.index(first, 0),
                                          self.index(last, self._column_total() - 1))

    # ------------------------------------------------------------ rows
    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def row_at(self, row: int) -> RowT | None:
        """The loaded row number ``row`` (its page is fetched the first time)."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load_page(page)
        try:
            return rows.get(self._ids[row])
        except IndexError:  # ids read by windows: the list shrank since it was counted
            return None

    def _load_page(self, page: int) -> dict[int, RowT]:
        ids = list(self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE])
        return self._keep_page(page, self._fetch_rows(ids))

    def _keep_page(self, page: int, fetched: Iterable[RowT]) -> dict[int, RowT]:
        """Keep the rows of page ``page`` (fetched now, or with the search's ids)."""
        rows = {r.id: r for r in fetched}
        self._pages[page] = rows
        self.page_loads += 1
        return rows

    # ------------------------------------------------------------ Qt model API
    def _row_total(self) -> int:
        return len(self._ids)

    def _column_total(self) -> int:
        return len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            try:
                return self._ids[index.row()]
            except IndexError:
                return None
        return self._cell(index.row(), index.column(), role)
