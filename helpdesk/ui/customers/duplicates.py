"""Duplicate customers: suggestions, a side-by-side merge preview and the merge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import shortlists
from helpdesk.domain.customers import MERGE_FIELDS, MergeSide
from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.services import analytics, customers, setup
from helpdesk.services.analytics import DuplicateSuggestion, MergePreview
from helpdesk.services.dto import CustomerDetail
from helpdesk.ui import formatting, messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels
from helpdesk.ui.customers.model import RecordTableModel, alive, phone_text

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate
SHOWN = 200  # suggestions listed at once


def _suggestion_cell(s: DuplicateSuggestion, column: int) -> str:
    def who(c: analytics.DuplicateCandidate) -> str:
        extra = c.plates[0] if c.plates else (c.vins[0] if c.vins else "")
        born = formatting.date_text(c.birthday) if c.birthday else ""
        return " · ".join(x for x in (f"{c.name} #{c.id}", phone_text(c.phone), extra, born) if x)

    if column == 0:
        reason = labels.label(s.reason)
        return f"{reason}: {s.matched}" if s.matched else reason
    return who(s.keep if column == 1 else s.duplicate)


def _yes_no(value: bool) -> str:
    return translate("DuplicatesView", "Yes") if value else translate("DuplicatesView", "No")


def _field_text(d: CustomerDetail, name: str, stores: dict[int, str]) -> str:
    """One profile field of ``d`` in words (``MERGE_FIELDS`` names)."""
    value = getattr(d, name)
    if name == "consent_marketing":
        return _yes_no(bool(value))
    if name == "birthday":
        return formatting.date_text(value)
    if name in ("gender", "tier"):
        return labels.label(value)
    if name == "store_id":
        return stores.get(value, "") if value is not None else ""
    if name == "owner_user_id":
        return d.owner_name
    return str(value or "")


def _list_rows(d: CustomerDetail, sheets: int) -> list[str]:
    return [
        ", ".join(phone_text(p) for p in d.phones),
        ", ".join(v.plate or formatting.vin_text(v.vin) for v in d.vehicles),
        str(len(d.orders)),
        str(sheets),
        ", ".join(c.name for c in d.contacts),
    ]


def _field_names() -> dict[str, str]:
    return {
        "name": translate("DuplicatesView", "Name"),
        "gender": translate("DuplicatesView", "Gender"),
        "birthday": translate("DuplicatesView", "Birthday"),
        "national_id": translate("DuplicatesView", "ID number"),
        "email": translate("DuplicatesView", "E-mail"),
        "wechat": translate("DuplicatesView", "WeChat"),
        "address": translate("DuplicatesView", "Address"),
        "company_industry": translate("DuplicatesView", "Industry"),
        "company_size": translate("DuplicatesView", "Company size"),
        "source": translate("DuplicatesView", "Source"),
        "tier": translate("DuplicatesView", "Tier"),
        "consent_marketing": translate("DuplicatesView", "Marketing consent"),
        "note": translate("DuplicatesView", "Note"),
        "store_id": translate("DuplicatesView", "Store"),
        "owner_user_id": translate("DuplicatesView", "Advisor"),
    }


def _row_names() -> list[str]:
    names = _field_names()
    return [names[n] for n in MERGE_FIELDS] + [
        translate("DuplicatesView", "Phones"),
        translate("DuplicatesView", "Vehicles"),
        translate("DuplicatesView", "Orders"),
        translate("DuplicatesView", "Complaints"),
        translate("DuplicatesView", "Contacts"),
    ]


# Columns of the side-by-side comparison.
KEEP_COLUMN, DUPLICATE_COLUMN, CHOICE_COLUMN, RESULT_COLUMN = range(4)
CONFLICT_COLOUR = QColor("#fff3cd")


class DuplicatesView(widgets.RefreshWhenShown, QWidget):
    """Suggested duplicates; choose one, compare, merge.

    Signals:
        merged(int): two customers were merged (the id of the kept one).
    """

    merged = Signal(int)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._preview: MergePreview | None = None
        self._generation = 0
        ctx.bus.changed.connect(self._on_changes)
        self.setObjectName("duplicatesView")
        self._model = RecordTableModel(
            lambda: [
                translate("DuplicatesView", "Why"),
                translate("DuplicatesView", "Keep (older record)"),
                translate("DuplicatesView", "Duplicate"),
            ],
            _suggestion_cell,
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("duplicatesTable")
        self.view.setModel(self._model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self._compare = QTableWidget(len(_row_names()), 4)
        self._compare.setObjectName("mergePreview")
        self._compare.setHorizontalHeaderLabels(
            [
                translate("DuplicatesView", "Kept record"),
                translate("DuplicatesView", "Duplicate"),
                translate("DuplicatesView", "Take"),
                translate("DuplicatesView", "After the merge"),
            ]
        )
        self._compare.setVerticalHeaderLabels(_row_names())
        self._compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The choice is a combo box in the cell: room for "重复记录的" / "Duplicate's".
        self._compare.horizontalHeader().setSectionResizeMode(
            CHOICE_COLUMN, QHeaderView.ResizeMode.Fixed
        )
        self._compare.setColumnWidth(CHOICE_COLUMN, 150)
        self._choices: dict[str, MergeSide] = {}
        self._stores: dict[int, str] | None = None
        self._note = QLabel(
            translate(
                "DuplicatesView",
                "Every phone, contact, vehicle, order and complaint of the "
                "duplicate moves to the kept record. Fields the two records fill "
                "differently are highlighted: choose whose value to take. Marketing "
                "consent takes the narrower answer unless you choose otherwise "
                "(recorded in the audit trail). The duplicate stays hidden.",
            )
        )
        self._note.setWordWrap(True)
        self._consent_warning = QLabel()
        self._consent_warning.setObjectName("consentWarning")
        self._consent_warning.setStyleSheet("color: #b02a37;")
        self._consent_warning.setWordWrap(True)
        self._consent_warning.hide()
        self._swap = QPushButton(translate("DuplicatesView", "Keep the other one"))
        self._swap.setObjectName("swapButton")
        self._swap.clicked.connect(self._on_swap)
        self._merge = QPushButton(translate("DuplicatesView", "Merge"))
        self._merge.setObjectName("mergeButton")
        self._merge.clicked.connect(self._on_merge)
        self._refresh = QPushButton(translate("DuplicatesView", "Find duplicates"))
        self._refresh.setObjectName("findDuplicatesButton")
        # The lambda drops clicked's `checked` argument.
        self._refresh.clicked.connect(lambda: self.refresh())  # noqa: PLW0108
        self._status = QLabel()
        self._status.setObjectName("duplicatesStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self._refresh)
        buttons.addWidget(self._status, 1)
        buttons.addWidget(self._swap)
        buttons.addWidget(self._merge)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.addWidget(self._compare, 1)
        box.addWidget(self._note)
        box.addWidget(self._consent_warning)
        box.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._set_buttons()

    @property
    def suggestions(self) -> list[DuplicateSuggestion]:
        return self._model.records

    @property
    def preview(self) -> MergePreview | None:
        return self._preview

    def _set_buttons(self) -> None:
        may = bool(self._ctx.user and self._ctx.user.can(Permission.MERGE_CUSTOMERS))
        self._merge.setEnabled(may and self._preview is not None)
        self._swap.setEnabled(may and self._preview is not None)
        if not may:
            self._merge.setToolTip(
                translate("DuplicatesView", "Only a service manager or director may merge.")
            )

    def _on_changes(self, changes: Changes) -> None:
        """Customers changed: the suggestions may have (once they were looked for)."""
        if self._generation and changes.touches_customers():
            self.refresh_when_shown()

    def refresh(self, *, background: bool = True) -> None:
        uow, user_id = self._ctx.uow, self._ctx.user_id
        self._generation += 1
        generation = self._generation

        def done(result: tuple[list[DuplicateSuggestion], bool]) -> None:
            if not alive(self) or generation != self._generation:
                return
            self._preview = None
            self._clear_compare()
            found, more = result
            if more:  # issue 15: a cut list says so
                status = translate("DuplicatesView", "The first %1 suggestions: merge or "
                                   "correct these to see the next ones.")
            else:
                status = translate("DuplicatesView", "%1 suggestion(s)")
            self._model.set_records(found)
            self._status.setText(status.replace("%1", str(len(found))))
            self._set_buttons()

        def failed(exc: Exception) -> None:
            if alive(self):
                widgets.show_error(self, exc)

        def work() -> tuple[list[DuplicateSuggestion], bool]:
            return shortlists.shortlist(
                lambda limit: analytics.duplicate_suggestions(uow(), user_id, limit), SHOWN)

        if background:
            self._ctx.run(
                work, done, failed, label=translate("DuplicatesView", "Looking for duplicates…")
            )
        else:
            try:
                done(work())
            except HelpdeskError as exc:
                failed(exc)

    def _clear_compare(self) -> None:
        self._compare.clearContents()

    def _on_row_changed(self, current: Any, _previous: Any) -> None:
        s = self._model.record(current.row()) if current.isValid() else None
        if s is not None:
            self.show_preview(s.keep.id, s.duplicate.id)

    def show_preview(
        self,
        keep_id: int,
        duplicate_id: int,
        *,
        background: bool = False,
        choices: dict[str, MergeSide] | None = None,
    ) -> None:
        """Compare the two records side by side, every conflicting field with a choice,
        and show the kept one as the merge would leave it."""
        uow, user_id = self._ctx.uow, self._ctx.user_id
        self._generation += 1
        generation = self._generation
        wanted = dict(choices or {})

        def done(preview: MergePreview) -> None:
            if not alive(self) or generation != self._generation:
                return
            self._preview = preview
            self._choices = wanted
            self._fill_compare(preview)
            self._set_buttons()

        def failed(exc: Exception) -> None:
            if not alive(self):
                return
            self._preview = None
            self._clear_compare()
            self._status.setText(
                messages.error_text(exc) if isinstance(exc, HelpdeskError) else str(exc)
            )
            self._set_buttons()

        def work() -> MergePreview:
            return analytics.merge_preview(uow(), user_id, keep_id, duplicate_id, wanted)

        if background:
            self._ctx.run(work, done, failed)
        else:
            try:
                done(work())
            except HelpdeskError as exc:
                failed(exc)

    def _store_names(self) -> dict[int, str]:
        if self._stores is None:
            try:
                self._stores = {s.id: s.name for s in setup.list_stores(self._ctx.uow())}
            except HelpdeskError:
                self._stores = {}
        return self._stores

    def _fill_compare(self, preview: MergePreview) -> None:
        self._compare.clearContents()
        stores = self._store_names()
        for row, name in enumerate(MERGE_FIELDS):
            texts = (
                _field_text(preview.keep, name, stores),
                _field_text(preview.duplicate, name, stores),
                _field_text(preview.result, name, stores),
            )
            conflict = name in preview.conflicts
            for col, text in zip(
                (KEEP_COLUMN, DUPLICATE_COLUMN, RESULT_COLUMN), texts, strict=True
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if conflict:
                    item.setBackground(CONFLICT_COLOUR)
                if col == RESULT_COLUMN and text != texts[0]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self._compare.setItem(row, col, item)
            if conflict:
                self._compare.setCellWidget(row, CHOICE_COLUMN, self._choice_combo(preview, name))
            else:
                self._compare.removeCellWidget(row, CHOICE_COLUMN)
        first_list = len(MERGE_FIELDS)
        keep_lists = _list_rows(preview.keep, preview.keep_sheets)
        dup_lists = _list_rows(preview.duplicate, preview.duplicate_sheets)
        after = _list_rows(preview.result, preview.keep_sheets + preview.duplicate_sheets)
        for offset, texts in enumerate(zip(keep_lists, dup_lists, after, strict=True)):
            for col, text in zip(
                (KEEP_COLUMN, DUPLICATE_COLUMN, RESULT_COLUMN), texts, strict=True
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self._compare.setItem(first_list + offset, col, item)
            self._compare.removeCellWidget(first_list + offset, CHOICE_COLUMN)
        widened = preview.result.consent_marketing and not (
            preview.keep.consent_marketing and preview.duplicate.consent_marketing
        )
        self._consent_warning.setVisible(widened)
        self._consent_warning.setText(
            translate(
                "DuplicatesView",
                "You chose to keep the marketing consent although one record says no: "
                "the merge records your choice in the audit trail.",
            )
        )
        self._status.setText(
            translate("DuplicatesView", "%1 field(s) differ").replace(
                "%1", str(len(preview.conflicts))
            )
        )

    def _choice_combo(self, preview: MergePreview, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"take_{name}")
        combo.addItem(translate("DuplicatesView", "Kept record's"), MergeSide.KEEP.value)
        combo.addItem(translate("DuplicatesView", "Duplicate's"), MergeSide.DUPLICATE.value)
        side = preview.sides.get(name, MergeSide.KEEP)
        combo.setCurrentIndex(0 if side is MergeSide.KEEP else 1)
        combo.currentIndexChanged.connect(
            lambda _i, n=name, c=combo: self._on_choice(n, MergeSide(c.currentData()))
        )
        return combo

    def _on_choice(self, name: str, side: MergeSide) -> None:
        preview = self._preview
        if preview is None:
            return
        choices = dict(self._choices)
        if side is preview.defaults.get(name):
            choices.pop(name, None)
        else:
            choices[name] = side
        self.show_preview(preview.keep.id, preview.duplicate.id, choices=choices)

    def _on_swap(self) -> None:
        if self._preview is not None:
            # The sides swap with the records: a choice made for one is not carried over.
            self.show_preview(self._preview.duplicate.id, self._preview.keep.id)

    def _on_merge(self) -> None:
        self.merge()

    def merge(self, *, confirm: bool = True) -> bool:
        preview = self._preview
        if preview is None:
            return False
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                translate("DuplicatesView", "Merge customers"),
                translate(
                    "DuplicatesView",
                    "Merge %1 into %2? The duplicate's records move to the kept customer.",
                )
                .replace("%1", f"{preview.duplicate.name} #{preview.duplicate.id}")
                .replace("%2", f"{preview.keep.name} #{preview.keep.id}"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("mergeConfirm")
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        choices = dict(self._choices)
        try:
            kept = widgets.write(self, lambda: customers.merge_customers(
                self._ctx.uow(), self._ctx.user_id, preview.keep.id, preview.duplicate.id,
                choices), translate("DuplicatesView", "Merging…"))
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return False
        self._status.setText(
            translate("DuplicatesView", "Merged into %1.").replace("%1", f"{kept.name} #{kept.id}")
        )
        self.merged.emit(kept.id)
        self.refresh(background=False)
        return True
