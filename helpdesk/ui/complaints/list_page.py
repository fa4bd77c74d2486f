"""The Complaints page: filters, the quick search and the complaint list.

Every filter is applied in SQL by the model (see ``model.py``); typing in the quick
search waits a quarter of a second before searching, so a fast typist starts one
search, not ten. The time-left column is repainted every ``TICK_MS`` for the rows on
screen only (repainting ~30 rows costs well under a millisecond; nothing is reloaded).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.complaints import NOT_CLOSED, SheetState
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.events import Changes
from helpdesk.domain.filters import DueFilter, SheetFilter, SheetSort
from helpdesk.services import settings as settings_svc
from helpdesk.services import setup
from helpdesk.ui import labels
from helpdesk.ui.complaints.match_delegate import MatchDelegate
from helpdesk.ui.complaints.model import Column, SheetIdRole, SheetTableModel
from helpdesk.ui.context import AppContext
from helpdesk.ui.date_edits import DateEdit

TICK_MS = 30_000
MAX_COLUMN_WIDTH = 260
SEARCH_DELAY_MS = 250
_OPEN = "open"
_ALL = "all"


class ComplaintListPage(QWidget):
    """The complaint list with its filters.

    Signals:
        sheet_open_requested(int): the user opened a sheet (double-click or Enter).
        new_sheet_requested(): the user asked for a new sheet.
    """

    sheet_open_requested = Signal(int)
    new_sheet_requested = Signal()

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintListPage")
        self._ctx = ctx
        self._sort = SheetSort.RECEIVED_DESC
        self._keep_selection: int | None = None
        self._keep_scroll: int | None = None  # issue 9: another desk's change
        self._categories: dict[str, list[str]] = {}
        self._stores: list[Any] = []
        self._enter_after_search = False

        self.search_edit = QLineEdit(objectName="quickSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.new_button = QPushButton(objectName="newSheetButton")
        if ctx.read_only:  # issue 11: nothing is registered in an archive
            self.new_button.hide()
        self.state_combo = QComboBox(objectName="stateFilter")
        self.due_combo = QComboBox(objectName="dueFilter")
        self.mine_check = QCheckBox(objectName="mineFilter")
        self.registered_check = QCheckBox(objectName="registeredByMeFilter")  # issue 9
        self.channel_combo = QComboBox(objectName="channelFilter")
        self.severity_combo = QComboBox(objectName="severityFilter")
        self.category_combo = QComboBox(objectName="categoryFilter")
        self.store_combo = QComboBox(objectName="storeFilter")
        self.from_check = QCheckBox(objectName="receivedFromCheck")
        self.from_date = DateEdit(objectName="receivedFrom")
        self.to_check = QCheckBox(objectName="receivedToCheck")
        self.to_date = DateEdit(objectName="receivedTo")
        self.reset_button = QPushButton(objectName="resetFilters")
        self.count_label = QLabel(objectName="countLabel")
        for edit in (self.from_date, self.to_date):
            edit.setEnabled(False)
        today = QDate.currentDate()
        self.from_date.setDate(today.addDays(-30))
        self.to_date.setDate(today)

        self.model = SheetTableModel(ctx, parent=self)
        self.table = QTableView(objectName="sheetTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never asks the model for every row's size.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        # issue 11: the searched words highlighted in the sheet's text
        self.table.setItemDelegateForColumn(Column.TEXT_MATCH,
                                            MatchDelegate(parent=self.table))
        self.table.setColumnHidden(Column.TEXT_MATCH, True)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = {Column.NUMBER: 130, Column.RECEIVED: 125, Column.CUSTOMER: 90,
                  Column.PLATE_OR_ORDER: 100, Column.CHANNEL: 120, Column.SEVERITY: 55,
                  Column.CATEGORY: 100, Column.STATE: 105, Column.RESPONSIBLE: 70}
        for column, width in widths.items():
            header.resizeSection(column, width)
        saved = ctx.settings.value("list/header")
        if saved is not None:
            header.restoreState(saved)
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)

        top = QHBoxLayout()
        self._search_label = QLabel()
        self._search_label.setBuddy(self.search_edit)
        top.addWidget(self._search_label)
        top.addWidget(self.search_edit, 3)
        self._state_label = QLabel()
        self._state_label.setBuddy(self.state_combo)
        top.addWidget(self._state_label)
        top.addWidget(self.state_combo, 1)
        top.addWidget(self.due_combo, 1)
        top.addWidget(self.mine_check)
        top.addWidget(self.registered_check)
        top.addWidget(self.new_button)
        second = QHBoxLayout()
        for combo in (self.channel_combo, self.severity_combo, self.category_combo,
                      self.store_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            second.addWidget(combo)
        second.addWidget(self.from_check)
        second.addWidget(self.from_date)
        second.addWidget(self.to_check)
        second.addWidget(self.to_date)
        second.addStretch(1)
        second.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

        self._fill_static_combos()
        self._load_reference_data()
        self._retranslate()

        self.search_edit.textChanged.connect(self._schedule_search)
        self.search_edit.returnPressed.connect(self._on_search_entered)
        for combo in (self.state_combo, self.due_combo, self.channel_combo,
                      self.severity_combo, self.category_combo, self.store_combo):
            combo.currentIndexChanged.connect(self._schedule_search)
        for check in (self.mine_check, self.registered_check, self.from_check,
                      self.to_check):
            check.toggled.connect(self._schedule_search)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        self.from_date.dateChanged.connect(self._schedule_search)
        self.to_date.dateChanged.connect(self._schedule_search)
        self.reset_button.clicked.connect(self.reset_filters)
        self.new_button.clicked.connect(self.new_sheet_requested)
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        header.sectionClicked.connect(self._on_header_clicked)
        self.model.search_started.connect(self._on_search_started)
        self.model.search_finished.connect(self._on_search_finished)
        self.model.search_failed.connect(self._on_search_failed)
        ctx.bus.changed.connect(self._on_changes)

        self._run_search()

    # ------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(
            self.tr("Number or its last digits, name, pinyin (zs), phone tail, plate, VIN "
                    "tail, order, words in the text (Ctrl+F)"))
        self._state_label.setText(self.tr("S&tatus:"))
        self.new_button.setText(self.tr("&New sheet"))
        self.new_button.setToolTip(self.tr("Register a new complaint (Ctrl+N)"))
        self.mine_check.setText(self.tr("&Mine"))
        self.mine_check.setToolTip(self.tr("Only sheets I am responsible for"))
        self.registered_check.setText(self.tr("Re&gistered by me"))
        self.registered_check.setToolTip(self.tr("Only sheets I registered"))
        self.from_check.setText(self.tr("Received from"))
        self.to_check.setText(self.tr("to"))
        self.reset_button.setText(self.tr("Clear filters"))
        texts = {_OPEN: self.tr("Open (not closed)"), _ALL: self.tr("All statuses")}
        for i in range(self.state_combo.count()):
            key = self.state_combo.itemData(i)
            self.state_combo.setItemText(
                i, texts.get(key) or labels.label(SheetState(key)))
        self.due_combo.setItemText(0, self.tr("Any deadline"))
        for i in range(1, self.due_combo.count()):
            self.due_combo.setItemText(i, labels.label(DueFilter(self.due_combo.itemData(i))))
        self.channel_combo.setItemText(0, self.tr("All channels"))
        for i in range(1, self.channel_combo.count()):
            self.channel_combo.setItemText(
                i, labels.label(Channel(self.channel_combo.itemData(i))))
        self.severity_combo.setItemText(0, self.tr("All severities"))
        for i in range(1, self.severity_combo.count()):
            self.severity_combo.setItemText(
                i, labels.label(Severity(self.severity_combo.itemData(i))))
        self.category_combo.setItemText(0, self.tr("All categories"))
        for i in range(1, self.category_combo.count()):
            self.category_combo.setItemText(i, labels.category_name(
                self._categories, self.category_combo.itemData(i)))
        self.store_combo.setItemText(0, self.tr("All stores"))
        self._update_count()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widen the columns whose words are known (header, channel, severity, state,
        category) to their longest text in this language; longer cells elide and show
        their whole text as a tooltip. Nothing is narrowed: a width the user set stays."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        words: dict[Column, list[str]] = {
            Column.CHANNEL: [labels.label(c) for c in Channel],
            Column.SEVERITY: [labels.label(s) for s in Severity],
            Column.STATE: [labels.label(s) for s in SheetState],
            Column.CATEGORY: [labels.category_name(self._categories, c)
                              for c in self._categories],
        }
        padding = 2 * self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin) + 24  # margins and the sort arrow
        for column in Column:
            if column == header.count() - 1 or column is Column.TIME_LEFT:
                continue  # the last one stretches
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal)),
                     *words.get(column, [])]
            needed = max(metrics.horizontalAdvance(t) for t in texts) + padding
            if header.sectionSize(column) < needed:
                header.resizeSection(column, min(needed, MAX_COLUMN_WIDTH))

    def _fill_static_combos(self) -> None:
        # issue 11: an archive holds closed sheets only; it lists them all at first.
        for key in ((_ALL, _OPEN) if self._ctx.read_only else (_OPEN, _ALL)):
            self.state_combo.addItem("", key)
        for state in SheetState:
            self.state_combo.addItem("", state.value)
        self.due_combo.addItem("", "")
        for due in DueFilter:
            self.due_combo.addItem("", due.value)
        self.channel_combo.addItem("", "")
        for channel in Channel:
            self.channel_combo.addItem("", channel.value)
        self.severity_combo.addItem("", "")
        for severity in Severity:
            self.severity_combo.addItem("", severity.value)

    def _load_reference_data(self) -> None:
        """Categories and stores come from the database (they are settings)."""
        self._categories = settings_svc.get_categories(self._ctx.uow())
        self._stores = setup.list_stores(self._ctx.uow())
        for combo, items in (
            (self.category_combo, [(code, labels.category_name(self._categories, code))
                                   for code in self._categories]),
            (self.store_combo, [(s.id, s.name) for s in self._stores]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            if combo.count() == 0:
                combo.addItem("", "")
            for value, text in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        self.store_combo.setVisible(len(self._stores) > 1)

    # ------------------------------------------------------------ filters
    def current_filter(self) -> SheetFilter:
        state = self.state_combo.currentData()
        states: frozenset[SheetState] = frozenset()
        include_closed = True
        if state == _OPEN:
            states = frozenset(NOT_CLOSED)
        elif state and state != _ALL:
            states = frozenset({SheetState(state)})
        due = self.due_combo.currentData()
        channel = self.channel_combo.currentData()
        severity = self.severity_combo.currentData()
        category = self.category_combo.currentData()
        store = self.store_combo.currentData()
        received_from = received_to = None
        if self.from_check.isChecked():
            received_from = datetime.combine(self.from_date.date().toPython(), time(0))
        if self.to_check.isChecked():
            received_to = datetime.combine(self.to_date.date().toPython(), time(0)) + \
                timedelta(days=1)
        return SheetFilter(
            states=states,
            channels=frozenset({Channel(channel)}) if channel else frozenset(),
            severities=frozenset({Severity(severity)}) if severity else frozenset(),
            categories=frozenset({category}) if category else frozenset(),
            store_ids=frozenset({int(store)}) if store else frozenset(),
            responsible_user_id=self._ctx.user_id if self.mine_check.isChecked() else None,
            received_by_id=self._ctx.user_id if self.registered_check.isChecked() else None,
            due=DueFilter(due) if due else None,
            received_from=received_from,
            received_to=received_to,
            text=self.search_edit.text().strip(),
            sort=self._sort,
            include_closed=include_closed,
        )

    def reset_filters(self) -> None:
        for widget in (self.search_edit, self.state_combo, self.due_combo, self.mine_check,
                       self.registered_check, self.channel_combo, self.severity_combo,
                       self.category_combo, self.store_combo, self.from_check,
                       self.to_check):
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.state_combo, self.due_combo, self.channel_combo,
                      self.severity_combo, self.category_combo, self.store_combo):
            combo.setCurrentIndex(0)
        for check in (self.mine_check, self.registered_check, self.from_check,
                      self.to_check):
            check.setChecked(False)
        for widget in (self.search_edit, self.state_combo, self.due_combo, self.mine_check,
                       self.registered_check, self.channel_combo, self.severity_combo,
                       self.category_combo, self.store_combo, self.from_check,
                       self.to_check):
            widget.blockSignals(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        self._run_search()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected_sheet_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(SheetIdRole) if rows else None

    def refresh(self) -> None:
        self._keep_selection = self.selected_sheet_id()
        self.model.refresh()

    # ------------------------------------------------------------ slots
    def _schedule_search(self, *_args: object) -> None:
        self._search_timer.start()

    def _run_search_now(self) -> None:
        self._search_timer.stop()
        self._run_search()

    def _run_search(self) -> None:
        self._keep_selection = self.selected_sheet_id()
        self.model.search(self.current_filter())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down leaves the search box for the list, as in a browser's address bar.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
            self._enter_table()
            return True
        return super().eventFilter(watched, event)

    def _on_search_entered(self) -> None:
        """Enter in the search box: search now if the text changed; then a single hit
        opens, several put the cursor on the first row."""
        if self._search_timer.isActive() or self._ctx.busy:
            self._enter_after_search = True
            self._run_search_now()
            return
        self._enter_result()

    def _enter_result(self) -> None:
        if self.model.rowCount() == 1:
            self.sheet_open_requested.emit(int(self.model.index(0, 0).data(SheetIdRole)))
        else:
            self._enter_table()

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setCurrentIndex(self.table.selectionModel().selectedRows()[0])
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_search_started(self) -> None:
        self.count_label.setText(self.tr("Searching…"))

    def _on_search_finished(self, count: int, seconds: float) -> None:
        self.table.setColumnHidden(Column.TEXT_MATCH, not self.model.searches_text)
        self._update_count()
        scroll, self._keep_scroll = self._keep_scroll, None
        if self._keep_selection is not None:
            row = self.model.row_of(self._keep_selection)
            if row is not None:
                self.table.selectRow(row)
                if scroll is None:
                    self.table.scrollTo(self.model.index(row, 0))
        if scroll is not None:  # where the user was looking, not where the change is
            self.table.verticalScrollBar().setValue(scroll)
        self._keep_selection = None
        if self._enter_after_search:
            self._enter_after_search = False
            self._enter_result()

    def _on_search_failed(self, text: str) -> None:
        self._enter_after_search = False
        self.count_label.setText(text)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(
            self.tr("%n sheet(s)", "", count) + "  ·  " +
            self.tr("searched in %1 s").replace("%1", f"{self.model.last_search_seconds:.2f}"))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sheet_open_requested.emit(int(index.data(SheetIdRole)))

    def _on_header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        if section == Column.RECEIVED:
            self._sort = SheetSort.RECEIVED_ASC if self._sort is SheetSort.RECEIVED_DESC \
                else SheetSort.RECEIVED_DESC
            order = Qt.SortOrder.AscendingOrder if self._sort is SheetSort.RECEIVED_ASC \
                else Qt.SortOrder.DescendingOrder
        elif section == Column.NUMBER:
            self._sort, order = SheetSort.NUMBER, Qt.SortOrder.AscendingOrder
        elif section == Column.TIME_LEFT:
            self._sort, order = SheetSort.DUE, Qt.SortOrder.AscendingOrder
        else:
            # Only these orders are indexed in SQL; keep the indicator where it was.
            self._restore_indicator()
            return
        header.setSortIndicator(section, order)
        self._run_search()

    def _restore_indicator(self) -> None:
        column = {SheetSort.NUMBER: Column.NUMBER, SheetSort.DUE: Column.TIME_LEFT}.get(
            self._sort, Column.RECEIVED)
        order = Qt.SortOrder.AscendingOrder if self._sort is not SheetSort.RECEIVED_DESC \
            else Qt.SortOrder.DescendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _on_tick(self) -> None:
        first = self.table.rowAt(0)
        if first < 0:
            return
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if last < 0:
            last = self.model.rowCount() - 1
        self.model.refresh_time_left(first, last)

    def _on_changes(self, changes: Changes) -> None:
        """Categories, stores and users feed the filters and the rows' names; changed
        sheets the rows (the model drops their cached rows itself). The one sheet just
        saved stays selected."""
        if changes.touches_settings():
            self._load_reference_data()
            self._retranslate()
        if changes.everything:
            self._run_search()
        elif changes.sheet_ids or changes.touches_settings():
            # Another desk's sheet is not followed: the user's own selection stays.
            only = next(iter(changes.sheet_ids)) \
                if len(changes.sheet_ids) == 1 and not changes.remote else None
            self._keep_selection = self.selected_sheet_id() or only
            if changes.remote:
                self._keep_scroll = self.table.verticalScrollBar().value()
            self._search_timer.start()

    def save_state(self) -> None:
        self._ctx.settings.setValue("list/header", self.table.horizontalHeader().saveState())
