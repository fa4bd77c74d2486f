"""The customer-record browser (客户档案): search as you type, filters and sorting over
the whole customer base, the detail of the chosen customer, analytics, duplicates,
import and export.

Every query runs in SQL off the UI thread (``ctx.run``); the list loads its rows by
pages, so it stays instant on 200,000 customers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.customers import Lifecycle, Tier
from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.services import setup, users
from helpdesk.services.analytics import RfmClass, Segment
from helpdesk.services.customer_list import CustomerFilter, CustomerSort
from helpdesk.transfer import spreadsheets as importing
from helpdesk.ui import i18n, messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels
from helpdesk.ui.customers.analytics_view import AnalyticsView
from helpdesk.ui.customers.audit_view import AuditView
from helpdesk.ui.customers.detail import CustomerDetailPanel
from helpdesk.ui.customers.duplicates import DuplicatesView
from helpdesk.ui.customers.import_dialog import ImportDialog
from helpdesk.ui.customers.model import SORT_OF_COLUMN, Column, CustomerTableModel, alive

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


def _enum_combo(name: str, enum_cls: Any) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(translate("CustomerBrowser", "Any"), None)
    for member, text in labels.choices(enum_cls):
        combo.addItem(text, member.value)
    return combo


class CustomerBrowser(QWidget):
    """Find, filter and open customers; analytics and duplicates on their own tabs.

    Signals:
        new_sheet_requested(int): register a complaint for this customer (its id).
        sheet_open_requested(int): open this complaint sheet (its id).
    """

    new_sheet_requested = Signal(int)
    sheet_open_requested = Signal(int)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("customerBrowser")
        self.model = CustomerTableModel(ctx, parent=self)
        self.model.search_finished.connect(self._on_search_finished)
        self.model.search_failed.connect(self._on_search_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._content: QWidget | None = None
        self._rebuild_pending = False
        self._pending_select: int | None = None
        self._shown_once = False
        self._build()
        ctx.bus.changed.connect(self._on_changes)
        self._load_choices()

    def _build(self) -> None:
        """Create every child widget (again after a language change)."""
        ctx = self._ctx
        # -- search and actions
        self.search_box = QLineEdit()
        self.search_box.setObjectName("customerSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            translate(
                "CustomerBrowser",
                "Name, pinyin (zs / zhangsan), phone or last 4 digits, plate, VIN or last 6, "
                "order number, company",
            )
        )
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")
        self._import = QPushButton(translate("CustomerBrowser", "Import…"))
        self._import.setObjectName("importButton")
        self._import.clicked.connect(self._on_import)
        self._export = QPushButton(translate("CustomerBrowser", "Export list…"))
        self._export.setObjectName("exportButton")
        self._export.clicked.connect(self._on_export)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        top.addWidget(self._import)
        top.addWidget(self._export)

        # -- filters and sorting
        self.tier = _enum_combo("filterTier", Tier)
        self.segment = _enum_combo("filterSegment", Segment)
        self.rfm = _enum_combo("filterRfm", RfmClass)
        self.lifecycle = _enum_combo("filterLifecycle", Lifecycle)
        self.store = QComboBox()
        self.store.setObjectName("filterStore")
        self.store.addItem(translate("CustomerBrowser", "All stores"), None)
        self.owner = QComboBox()
        self.owner.setObjectName("filterOwner")
        self.owner.addItem(translate("CustomerBrowser", "Any advisor"), None)
        self.open_complaints = QComboBox()
        self.open_complaints.setObjectName("filterOpenComplaints")
        for shown, wanted in (
            (translate("CustomerBrowser", "Any"), None),
            (translate("CustomerBrowser", "With open complaints"), True),
            (translate("CustomerBrowser", "Without open complaints"), False),
        ):
            self.open_complaints.addItem(shown, wanted)
        self.birthday = QCheckBox(translate("CustomerBrowser", "Birthday this month"))
        self.birthday.setObjectName("filterBirthday")
        self.visit_due = QCheckBox(translate("CustomerBrowser", "Return visit due"))
        self.visit_due.setObjectName("filterVisitDue")
        self.sort = QComboBox()
        self.sort.setObjectName("sortBy")
        for sort_by, label in (
            (CustomerSort.RELEVANCE, translate("CustomerBrowser", "Best match / most recent")),
            (CustomerSort.RECENT, translate("CustomerBrowser", "Most recent")),
            (CustomerSort.NAME, translate("CustomerBrowser", "Name")),
            (CustomerSort.LAST_PURCHASE, translate("CustomerBrowser", "Last purchase")),
            (CustomerSort.REVENUE, translate("CustomerBrowser", "Revenue (12 months)")),
            (CustomerSort.LAST_COMPLAINT, translate("CustomerBrowser", "Last complaint")),
        ):
            self.sort.addItem(label, sort_by.value)
        self.descending = QCheckBox(translate("CustomerBrowser", "Reverse"))
        self.descending.setObjectName("sortReverse")
        filters = QHBoxLayout()
        for text, widget in (
            (translate("CustomerBrowser", "Tier"), self.tier),
            (translate("CustomerBrowser", "Pyramid"), self.segment),
            (translate("CustomerBrowser", "RFM"), self.rfm),
            (translate("CustomerBrowser", "Lifecycle"), self.lifecycle),
            (None, self.store),
            (None, self.owner),
            (translate("CustomerBrowser", "Complaints"), self.open_complaints),
        ):
            if text:
                filters.addWidget(QLabel(text))
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.run_search)
        for box in (self.birthday, self.visit_due):
            filters.addWidget(box)
            box.toggled.connect(self.run_search)
        filters.addStretch(1)
        sort_row = QHBoxLayout()
        sort_row.addWidget(QLabel(translate("CustomerBrowser", "Sort by")))
        sort_row.addWidget(self.sort)
        sort_row.addWidget(self.descending)
        sort_row.addStretch(1)
        self.sort.currentIndexChanged.connect(self.run_search)
        self.descending.toggled.connect(self.run_search)

        # -- list and detail
        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Headers start at the left and are cut at the end with "…" (never in the middle
        # of a word that then means something else); the tooltip has the whole text.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._on_header_clicked)
        for column, width in enumerate((170, 105, 80, 55, 70, 85, 95, 50, 120, 110, 70)):
            self.table.setColumnWidth(
                column, max(width, header.sectionSizeFromContents(column).width())
            )
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.detail = CustomerDetailPanel(ctx)
        self.detail.new_sheet_requested.connect(self.new_sheet_requested)
        self.detail.sheet_open_requested.connect(self.sheet_open_requested)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("customerSplit")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 520])
        list_page = QWidget()
        page = QVBoxLayout(list_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(filters)
        page.addLayout(sort_row)
        page.addWidget(split, 1)

        self.analytics = AnalyticsView(ctx)
        self.analytics.customer_open_requested.connect(self.open_customer)
        self.duplicates = DuplicatesView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        self.tabs.addTab(list_page, translate("CustomerBrowser", "Customers"))
        self.tabs.addTab(self.analytics, translate("CustomerBrowser", "Analytics"))
        self.tabs.addTab(self.duplicates, translate("CustomerBrowser", "Duplicates"))
        self.audit = AuditView(ctx)
        self.audit.customer_open_requested.connect(self.open_customer)
        self.audit.sheet_open_requested.connect(self.sheet_open_requested)
        self.tabs.addTab(self.audit, translate("CustomerBrowser", "Audit trail"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._analytics_shown = self._duplicates_shown = self._audit_shown = False

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._outer.addWidget(content)
        self._content = content

        user = ctx.user
        can = user.can if user is not None else (lambda _p: False)
        self.tabs.setTabEnabled(1, can(Permission.VIEW_REPORTS))
        self.tabs.setTabEnabled(2, can(Permission.MERGE_CUSTOMERS))
        # The permissions table grants the audit trail to the director, the general
        # manager and the administrator.
        self.tabs.setTabEnabled(3, can(Permission.VIEW_AUDIT))
        self._import.setEnabled(can(Permission.IMPORT_DATA) and can(Permission.MANAGE_CUSTOMERS))
        self._export.setEnabled(can(Permission.EXPORT_PERSONAL_DATA))
        if not can(Permission.EXPORT_PERSONAL_DATA):
            self._export.setToolTip(
                translate(
                    "CustomerBrowser",
                    "Exporting personal data needs the service manager's or director's right.",
                )
            )

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        # Every text is set when the widgets are made: on a language switch they are
        # made again, keeping the search, the filters, the list and the open customer.
        if (
            event.type() == QEvent.Type.LanguageChange
            and self._content is not None
            and not self._rebuild_pending
        ):
            self._rebuild_pending = True
            QTimer.singleShot(0, self._rebuild)
        super().changeEvent(event)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not alive(self) or self._content is None:
            return
        combos = (
            "tier",
            "segment",
            "rfm",
            "lifecycle",
            "store",
            "owner",
            "open_complaints",
            "sort",
        )
        state = {name: getattr(self, name).currentIndex() for name in combos}
        checks = {
            name: getattr(self, name).isChecked()
            for name in ("birthday", "visit_due", "descending")
        }
        text, tab = self.search_box.text(), self.tabs.currentIndex()
        shown = self.detail.customer.id if self.detail.customer is not None else None
        old = self._content
        self._outer.removeWidget(old)
        old.hide()
        old.deleteLater()
        self._build()
        self._load_choices()
        widgets_ = [getattr(self, n) for n in (*combos, *checks)] + [self.search_box]
        for w in widgets_:
            w.blockSignals(True)
        for name, index in state.items():
            getattr(self, name).setCurrentIndex(index)
        for name, checked in checks.items():
            getattr(self, name).setChecked(checked)
        self.search_box.setText(text)
        for w in widgets_:
            w.blockSignals(False)
        self.tabs.setCurrentIndex(tab)
        if shown is not None:
            self.open_customer(shown)

    # ------------------------------------------------------------ choices
    def _load_choices(self) -> None:
        try:
            stores = setup.list_stores(self._ctx.uow())
            staff = users.list_users(self._ctx.uow(), include_inactive=False)
        except HelpdeskError:
            return
        for combo in (self.store, self.owner):
            combo.blockSignals(True)
        for store in stores:
            self.store.addItem(store.name, store.id)
        for person in staff:
            self.owner.addItem(person.display_name, person.id)
        for combo in (self.store, self.owner):
            combo.blockSignals(False)
        if len(stores) <= 1:
            self.store.hide()
        self.analytics.load_stores()

    # ------------------------------------------------------------ searching
    def current_filter(self) -> CustomerFilter:
        def one(combo: QComboBox, enum_cls: Any) -> frozenset[Any]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({enum_cls(value)})

        store = self.store.currentData()
        return CustomerFilter(
            text=self.search_box.text(),
            tiers=one(self.tier, Tier),
            segments=one(self.segment, Segment),
            rfm_classes=one(self.rfm, RfmClass),
            lifecycles=one(self.lifecycle, Lifecycle),
            store_ids=frozenset() if store is None else frozenset({store}),
            owner_user_id=self.owner.currentData(),
            open_complaints=self.open_complaints.currentData(),
            birthday_this_month=self.birthday.isChecked(),
            visit_due=self.visit_due.isChecked(),
            sort=CustomerSort(self.sort.currentData()),
            descending=self.descending.isChecked(),
        )

    def run_search(self, *_args: Any, background: bool = True) -> None:
        """Search now with the box and the filters (the box waits for a typing pause)."""
        self._timer.stop()
        self._show_sort_indicator()
        self.count_label.setText(translate("CustomerBrowser", "Searching…"))
        self.model.search(self.current_filter(), background=background)

    def _on_search_finished(self, count: int, seconds: float) -> None:
        self.count_label.setText(
            QCoreApplication.translate("CustomerBrowser", "%Ln customer(s)", "", count)
            + f" · {seconds * 1000:.0f} ms"
        )
        target = self._pending_select
        self._pending_select = None
        if self.detail.has_unsaved_changes():
            # A new search never throws away profile edits: the customer being edited
            # stays in the panel (selected in the list when it is there).
            target = self.detail.customer.id if self.detail.customer else None
            row = self.model.row_of(target) if target is not None else None
            if row is not None:
                self._select_row(row)
            return
        row = self.model.row_of(target) if target is not None else (0 if count else None)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            self.detail.clear()

    def _on_search_failed(self, text: str) -> None:
        self.count_label.setText(text)

    def _on_header_clicked(self, section: int) -> None:
        """Sort by the clicked column (in SQL, over the whole list); a second click on
        the same column reverses the order."""
        wanted = SORT_OF_COLUMN.get(Column(section))
        if wanted is None:
            self._show_sort_indicator()
            return
        reverse = self.sort.currentData() == wanted.value and not self.descending.isChecked()
        for widget in (self.sort, self.descending):
            widget.blockSignals(True)
        self.sort.setCurrentIndex(self.sort.findData(wanted.value))
        self.descending.setChecked(reverse)
        for widget in (self.sort, self.descending):
            widget.blockSignals(False)
        self.run_search()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        current = CustomerSort(self.sort.currentData())
        column = next((c for c, s in SORT_OF_COLUMN.items() if s is current), None)
        header.blockSignals(True)
        if column is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            # Natural directions: names A→Z, the rest newest / highest first.
            natural = (
                Qt.SortOrder.AscendingOrder
                if current is CustomerSort.NAME
                else Qt.SortOrder.DescendingOrder
            )
            flipped = (
                Qt.SortOrder.DescendingOrder
                if natural is Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(
                int(column), flipped if self.descending.isChecked() else natural
            )
        header.blockSignals(False)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        # Opened for the first time: the most recent customers, not an empty list.
        if not self._shown_once:
            self._shown_once = True
            if self.model.rowCount() == 0 and not self.search_box.text():
                self.run_search()
        super().showEvent(event)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.viewport().update()

    def _on_current_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        wanted = self.model.customer_id(current.row())
        shown = self.detail.customer
        if shown is not None and wanted != shown.id and not self.detail.may_leave():
            # Stay with the customer being edited (and show that in the list).
            row = self.model.row_of(shown.id)
            if row is not None:
                self._select_row(row)
            else:
                self.table.selectionModel().blockSignals(True)
                self.table.clearSelection()
                self.table.selectionModel().blockSignals(False)
            return
        self.detail.show_customer(wanted)

    def open_customer(self, customer_id: int) -> None:
        """Show ``customer_id`` on the list tab (searching for it if not listed)."""
        self.tabs.setCurrentIndex(0)
        shown = self.detail.customer
        if shown is not None and shown.id != customer_id and not self.detail.may_leave():
            return
        row = self.model.row_of(customer_id)
        if row is None:
            self._pending_select = customer_id
            self.detail.show_customer(customer_id)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_changes(self, changes: Changes) -> None:
        """Search again when customers changed (their figures, or which ones match);
        the customer shown stays selected."""
        if not changes.touches_customers():
            return
        for customer_id in changes.customer_ids:
            self.model.forget(customer_id)
        shown = self.detail.requested_id
        only = next(iter(changes.customer_ids)) if len(changes.customer_ids) == 1 else None
        self._pending_select = shown or only
        self.model.refresh()

    def _on_tab_changed(self, index: int) -> None:
        if index == 1 and not self._analytics_shown:
            self._analytics_shown = True
            self.analytics.refresh()
        elif index == 2 and not self._duplicates_shown:
            self._duplicates_shown = True
            self.duplicates.refresh()
        elif index == 3 and not self._audit_shown:
            self._audit_shown = True
            self.audit.refresh()

    # ------------------------------------------------------------ import / export
    def _on_import(self) -> None:
        dialog = ImportDialog(self._ctx, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("CustomerBrowser", "Export customers"),
            "customers.xlsx",
            translate("CustomerBrowser", "Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def shown_columns(self) -> list[tuple[str, str]]:
        """The list's columns as the screen shows them: visible ones, in screen order,
        each as (``spreadsheets.LIST_COLUMNS`` key, header text)."""
        header = self.table.horizontalHeader()
        shown = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                title = self.model.headerData(logical, Qt.Orientation.Horizontal)
                shown.append((Column(logical).name.lower(), str(title)))
        return shown

    def export_to(self, path: Path, *, background: bool = True) -> None:
        """Write the list as the screen shows it (its columns, filters and sort; every
        page) to ``path``, with the customers' vehicles and orders on their own sheets."""
        ids = self.model.ids
        uow, user_id = self._ctx.uow, self._ctx.user_id
        # Words in the user's language, headers as on screen.
        lang = i18n.current_language()
        columns = self.shown_columns()

        def work() -> int:
            return importing.export_customers(uow(), user_id, ids, path, lang=lang,
                                              columns=columns)

        def done(count: int) -> None:
            if not alive(self):
                return
            self.count_label.setText(
                QCoreApplication.translate("CustomerBrowser", "%Ln customer(s) exported", "", count)
            )

        def failed(exc: Exception) -> None:
            if alive(self):
                widgets.show_error(self, exc)

        if background:
            self._ctx.run(
                work, done, failed, label=translate("CustomerBrowser", "Exporting customers…")
            )
        else:
            try:
                done(work())
            except HelpdeskError as exc:
                self.count_label.setText(messages.error_text(exc))
