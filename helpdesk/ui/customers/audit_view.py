"""The audit-trail viewer (审计记录, issue 15): who did what, when, to which record, with
what changed from what to what — in words. Filters by person, action, kind of record,
record number and period; opens the record; exports the whole filtered list.

Shown to the roles the permissions table grants it (director, general manager,
administrator: ``Permission.VIEW_AUDIT``). The list loads its rows by pages.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
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
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import vocabulary
from helpdesk.domain.audit import AuditQuery
from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.services import audit_trail, common, users
from helpdesk.services.audit_trail import AuditRow
from helpdesk.ui import formatting, i18n, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers.model import RecordTableModel, record_view
from helpdesk.ui.date_edits import DateEdit
from helpdesk.ui.paged_model import PagedIdsModel

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate


class AuditColumn(IntEnum):
    WHEN = 0
    WHO = 1
    WHAT = 2
    RECORD = 3
    CHANGES = 4


def _headers() -> list[str]:
    return [
        translate("AuditView", "When"),
        translate("AuditView", "Who"),
        translate("AuditView", "What"),
        translate("AuditView", "Record"),
        translate("AuditView", "Changes"),
    ]


def _record_text(row: AuditRow) -> str:
    return f"{row.entity_text} #{row.entity_id}" if row.entity_id is not None else row.entity_text


class AuditTableModel(PagedIdsModel[AuditQuery, AuditRow]):
    """The matching entries, newest first; rows by pages."""

    _columns = AuditColumn

    def __init__(self, ctx: AppContext, *, parent: Any = None) -> None:
        super().__init__(ctx, AuditQuery(), parent=parent)

    def _query(
        self, uow: Callable[[], Any], user_id: int, search_filter: AuditQuery
    ) -> tuple[list[int], None]:
        return audit_trail.search(uow(), user_id, search_filter), None

    def _fetch_rows(self, ids: list[int]) -> list[AuditRow]:
        return audit_trail.rows(
            self._ctx.uow(), self._ctx.user_id, ids, lang=i18n.current_language()
        )

    def _header_text(self, section: int) -> str:
        return _headers()[section]

    def _search_label(self) -> str:
        return translate("AuditView", "Reading the audit trail…")

    def _cell(self, row_number: int, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(row_number)
        if row is None:
            return None
        return (
            formatting.datetime_text(row.at),
            row.username,
            row.action_text,
            _record_text(row),
            row.summary,
        )[column]


class AuditView(widgets.RefreshWhenShown, QWidget):
    """Filters, the list of entries, and the chosen entry's changes field by field.

    Signals:
        customer_open_requested(int): open this customer.
        sheet_open_requested(int): open this complaint sheet.
    """

    customer_open_requested = Signal(int)
    sheet_open_requested = Signal(int)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("auditView")
        self.model = AuditTableModel(ctx, parent=self)
        self.model.search_finished.connect(self._on_found)

        self.who = QComboBox(objectName="auditWho")
        self.who.addItem(translate("AuditView", "Anyone"), None)
        self.what = QComboBox(objectName="auditWhat")
        self.what.addItem(translate("AuditView", "Any action"), None)
        self.entity = QComboBox(objectName="auditEntity")
        self.entity.addItem(translate("AuditView", "Any record"), "")
        lang = i18n.current_language()
        for key in vocabulary.AUDIT_ENTITIES:
            self.entity.addItem(vocabulary.audit_word(vocabulary.AUDIT_ENTITIES, key, lang), key)
        self.record = QLineEdit(objectName="auditRecordId")
        self.record.setPlaceholderText(translate("AuditView", "Record no."))
        self.record.setMaximumWidth(90)
        today = common.now().date()
        self.use_period = QCheckBox(translate("AuditView", "From"), objectName="auditUsePeriod")
        self.since = DateEdit(objectName="auditSince")
        self.until = DateEdit(objectName="auditUntil")
        for edit, day in ((self.since, today - timedelta(days=30)), (self.until, today)):
            edit.setDate(QDate(day.year, day.month, day.day))
        self.count_label = QLabel(objectName="auditCount")
        self.model.search_failed.connect(self.count_label.setText)
        self._export = QPushButton(translate("AuditView", "Export…"), objectName="auditExport")
        self._export.clicked.connect(self._on_export)
        self._open = QPushButton(translate("AuditView", "Open the record"), objectName="auditOpen")
        self._open.clicked.connect(self.open_record)
        filters = QHBoxLayout()
        for widget in (self.who, self.what, self.entity, self.record, self.use_period):
            filters.addWidget(widget)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(translate("AuditView", "to")))
        filters.addWidget(self.until)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self._open)
        filters.addWidget(self._export)
        for combo in (self.who, self.what, self.entity):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.record.returnPressed.connect(self.run_search)
        self.record.editingFinished.connect(self.run_search)
        self.use_period.toggled.connect(lambda _c: self.run_search())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.run_search())

        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((130, 90, 150, 110)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.doubleClicked.connect(lambda _i: self.open_record())
        self._changes = RecordTableModel(
            lambda: [
                translate("AuditView", "Field"),
                translate("AuditView", "Before"),
                translate("AuditView", "After"),
            ],
            lambda c, col: (c.field, c.before, c.after)[col],
            parent=self,
        )
        self.changes_view = record_view("auditChanges", self._changes)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.changes_view)
        split.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self._loaded = False
        ctx.bus.changed.connect(self._on_changes)

    # ------------------------------------------------------------ searching
    def refresh(self, *, background: bool = True) -> None:
        """Load the filter choices (once) and list the entries."""
        if not self._loaded:
            self._load_choices()
        self.run_search(background=background)

    def _load_choices(self) -> None:
        try:
            staff = users.list_users(self._ctx.uow(), include_inactive=True)
            kinds = audit_trail.actions(self._ctx.uow(), self._ctx.user_id)
        except HelpdeskError as exc:
            self.count_label.setText(str(exc))
            return
        self._loaded = True
        lang = i18n.current_language()
        for combo in (self.who, self.what):
            combo.blockSignals(True)
        for person in staff:
            self.who.addItem(person.display_name, person.id)
        for action in kinds:
            self.what.addItem(vocabulary.audit_word(vocabulary.AUDIT_ACTIONS, action, lang), action)
        for combo in (self.who, self.what):
            combo.blockSignals(False)

    def current_query(self) -> AuditQuery:
        since = until = None
        if self.use_period.isChecked():
            since = datetime.combine(_day(self.since), time.min)
            until = datetime.combine(_day(self.until) + timedelta(days=1), time.min)
        action = self.what.currentData()
        text = self.record.text().strip().lstrip("#")
        return AuditQuery(
            user_id=self.who.currentData(),
            actions=frozenset({action}) if action else frozenset(),
            entity=self.entity.currentData() or "",
            entity_id=int(text) if text.isdigit() else None,
            since=since,
            until=until,
        )

    def run_search(self, *, background: bool = True) -> None:
        self.model.search(self.current_query(), background=background)

    def _on_found(self, count: int, _seconds: float) -> None:
        self.count_label.setText(
            QCoreApplication.translate("AuditView", "%Ln entry(ies)", "", count)
        )
        self._changes.set_records([])

    def _on_changes(self, changes: Changes) -> None:
        if self._loaded:
            self.refresh_when_shown()

    def _on_row(self, current: Any, _previous: Any) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._changes.set_records(row.changes if row else ())

    def selected(self) -> AuditRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def open_record(self) -> bool:
        """Open the customer or complaint the chosen entry is about."""
        row = self.selected()
        if row is None or row.entity_id is None:
            return False
        if row.entity == "customer":
            self.customer_open_requested.emit(row.entity_id)
            return True
        if row.entity == "sheet":
            self.sheet_open_requested.emit(row.entity_id)
            return True
        return False

    # ------------------------------------------------------------ export
    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("AuditView", "Export the audit trail"),
            "audit.csv",
            translate("AuditView", "CSV (*.csv)"),
        )
        if name:
            try:
                count = self.export_to(Path(name))
            except (HelpdeskError, OSError) as exc:
                widgets.show_error(self, exc)
                return
            self.count_label.setText(
                QCoreApplication.translate("AuditView", "%Ln entry(ies) exported", "", count)
            )

    def export_to(self, path: Path) -> int:
        """Write every entry of the filtered list (all pages) to a CSV file that Excel
        opens (UTF-8 with BOM), in words; returns how many."""
        uow, user_id = self._ctx.uow, self._ctx.user_id
        ids = audit_trail.search(uow(), user_id, self.current_query())
        lang = i18n.current_language()
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(_headers())
            for start in range(0, len(ids), 500):
                for row in audit_trail.rows(uow(), user_id, ids[start : start + 500], lang=lang):
                    out.writerow(
                        [
                            formatting.datetime_text(row.at),
                            row.username,
                            row.action_text,
                            _record_text(row),
                            _safe(row.summary),
                        ]
                    )
        return len(ids)


def _safe(text: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _day(edit: DateEdit) -> date:
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())
