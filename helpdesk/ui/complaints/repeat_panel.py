"""Repeat complaints (issue 9): when the desk picks a customer, the sheet form shows
their open complaints and those of the last 90 days — number, date, category, the
first line of the text — with one click to open one or to link this sheet to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import complaints
from helpdesk.services import settings as settings_svc
from helpdesk.services.dto import SheetDetail, SheetRow
from helpdesk.ui import formatting, labels, widgets
from helpdesk.ui.complaints.panels import Flags, Panel
from helpdesk.ui.context import AppContext

_SHEET_ID = Qt.ItemDataRole.UserRole


class RepeatPanel(Panel):
    """The customer's other complaints; ``linked_sheet_id`` is this sheet's link.

    Signals:
        open_requested(int): open that sheet (in its own window).
    """

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, errors: widgets.FieldErrors, *,
                 parent: QWidget | None = None) -> None:
        super().__init__("repeatBox", errors, parent=parent)
        self._ctx = ctx
        self._rows: list[SheetRow] = []
        self._linked: int | None = None
        self._linked_number = ""
        self._may_link = True
        self.table = QTableWidget(0, 4, objectName="repeatTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.open_button = QPushButton(objectName="openRepeatButton")
        self.link_button = QPushButton(objectName="linkRepeatButton")
        self.linked_label = QLabel(objectName="linkedSheetLabel")
        self.unlink_button = QPushButton(objectName="unlinkButton")
        for button in (self.open_button, self.link_button, self.unlink_button):
            button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        self.link_button.clicked.connect(self._link)
        self.unlink_button.clicked.connect(lambda: self.set_link(None, ""))
        error = widgets.error_label("linked_sheet")
        errors.add("linked_sheet", self.table, error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        linked = QHBoxLayout()
        linked.addWidget(self.linked_label, 1)
        linked.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(linked)
        layout.addWidget(error)
        self.table.itemSelectionChanged.connect(self._enable)
        self.retranslate()
        self._show()

    # ------------------------------------------------------------ data
    def show_customer(self, customer_id: int | None, *, exclude: int | None = None) -> None:
        """List ``customer_id``'s open and recent complaints (none: hide)."""
        rows: list[SheetRow] = []
        if customer_id:
            try:
                rows = complaints.customer_complaints(self._ctx.uow(), self._ctx.user_id,
                                                      customer_id, exclude=exclude)
            except HelpdeskError:
                rows = []
        self._rows = rows
        if self._linked is not None and self._linked not in {r.id for r in rows} \
                and customer_id and exclude is None:
            self.set_link(None, "")  # another customer: the link does not apply
        categories = settings_svc.get_categories(self._ctx.uow())
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.number, formatting.date_text(row.received_at.date()),
                     labels.category_name(categories, row.category), row.first_line)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_SHEET_ID, row.id)
                item.setToolTip(f"{row.number} · {labels.label(row.state)}\n{row.first_line}")
                self.table.setItem(r, c, item)
        self._show()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(_SHEET_ID)) if items else None

    def set_link(self, sheet_id: int | None, number: str) -> None:
        self._linked, self._linked_number = sheet_id, number
        self.edited.emit()
        self._show()

    @property
    def linked_sheet_id(self) -> int | None:
        return self._linked

    # ------------------------------------------------------------ actions
    def _open(self) -> None:
        sheet_id = self.selected_id()
        if sheet_id is not None:
            self.open_requested.emit(sheet_id)

    def _link(self) -> None:
        sheet_id = self.selected_id()
        row = next((r for r in self._rows if r.id == sheet_id), None)
        if row is not None:
            self.set_link(row.id, row.number)

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.link_button.setEnabled(chosen and self._may_link
                                    and self.selected_id() != self._linked)

    def _show(self) -> None:
        self.setVisible(bool(self._rows) or self._linked is not None)
        self.setTitle(self.tr("This customer's complaints (open, or in the last %1 days): %2")
                      .replace("%1", str(complaints.REPEAT_DAYS))
                      .replace("%2", str(len(self._rows))))
        self.linked_label.setText(
            self.tr("Repeats %1").replace("%1", self._linked_number or f"#{self._linked}")
            if self._linked is not None else self.tr("Not linked to an earlier complaint."))
        self.unlink_button.setVisible(self._linked is not None and self._may_link)
        self._enable()

    # ------------------------------------------------------------ Panel
    def load(self, detail: SheetDetail) -> None:
        self._linked, self._linked_number = detail.linked_sheet_id, detail.linked_sheet_number
        self.show_customer(detail.customer_id, exclude=detail.id)

    def clear(self) -> None:
        self._linked, self._linked_number = None, ""
        self.show_customer(None)

    def values(self) -> dict[str, Any]:
        return {"linked_sheet_id": self._linked}

    def restore(self, values: Mapping[str, Any]) -> None:
        linked = values.get("linked_sheet_id")
        number = next((r.number for r in self._rows if r.id == linked), "")
        self._linked, self._linked_number = (int(linked), number) if linked else (None, "")
        self._show()

    def set_flags(self, flags: Flags) -> None:
        self._may_link = flags.identity.allowed
        self._show()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Received"), self.tr("Category"), self.tr("Complaint")])
        self.open_button.setText(self.tr("Open sheet"))
        self.link_button.setText(self.tr("Link this sheet to it"))
        self.unlink_button.setText(self.tr("Unlink"))
        self._show()
