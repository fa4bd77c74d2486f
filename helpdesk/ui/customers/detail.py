"""The customer detail panel: profile editing, contacts, vehicles and orders, the
timeline, open complaints with their time left, and the value figures, each with a
one-line explanation of how it was computed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.customers import CustomerKind, Gender, Lifecycle, OrderKind, Tier
from helpdesk.domain.errors import ConflictError, HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.services import analytics, customers
from helpdesk.services.analytics import CustomerHistory, CustomerValue, Segment
from helpdesk.services.dto import CustomerDetail
from helpdesk.ui import formatting, messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels, record_dialogs
from helpdesk.ui.customers.model import RecordTableModel, alive, phone_text, record_view
from helpdesk.ui.customers.record_dialogs import RecordDialog
from helpdesk.ui.date_edits import DateEdit

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

_PHONE_SPLIT = re.compile(r"[,;，；、\n]+")  # not spaces: "139 1234 5678" is one number


@dataclass(frozen=True)
class _Loaded:
    detail: CustomerDetail
    value: CustomerValue | None
    history: CustomerHistory | None


class CustomerDetailPanel(QWidget):
    """One customer's record.

    Signals:
        new_sheet_requested(int): "New complaint" was clicked (the customer id).
        sheet_open_requested(int): a complaint was double-clicked (the sheet id).
        customer_saved(int): the profile was saved (the customer id).
        loaded(int): a customer finished loading (its id).
    """

    new_sheet_requested = Signal(int)
    sheet_open_requested = Signal(int)
    customer_saved = Signal(int)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail: CustomerDetail | None = None
        self._shown_input: customers.CustomerInput | None = None
        self._generation = 0
        self._record_buttons: list[QPushButton] = []
        self._requested: int | None = None
        ctx.bus.changed.connect(self._on_changes)
        self.setObjectName("customerDetail")

        self._title = QLabel()
        self._title.setObjectName("customerTitle")
        self._title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self._masked = QLabel(
            translate(
                "CustomerDetailPanel", "Phone numbers and addresses are hidden for your role."
            )
        )
        self._masked.setObjectName("maskedNote")
        self._masked.setStyleSheet("color: #6c757d;")
        self._masked.hide()
        self._new_sheet = QPushButton(translate("CustomerDetailPanel", "New complaint"))
        self._new_sheet.setObjectName("newComplaintButton")
        self._new_sheet.clicked.connect(self._on_new_sheet)
        self._new_sheet.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(self._title, 1)
        head.addWidget(self._new_sheet)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("detailTabs")
        self._tabs.addTab(self._build_profile(), translate("CustomerDetailPanel", "Profile"))
        self._contacts = RecordTableModel(
            lambda: [
                translate("CustomerDetailPanel", "Name"),
                translate("CustomerDetailPanel", "Role"),
                translate("CustomerDetailPanel", "Phone"),
                translate("CustomerDetailPanel", "E-mail"),
            ],
            lambda c, col: (c.name, c.role, phone_text(c.phone), c.email)[col],
            parent=self,
        )
        self._contacts_view = record_view("contactsTable", self._contacts)
        self._contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        contacts_page = QWidget()
        box = QVBoxLayout(contacts_page)
        box.addWidget(self._contacts_view)
        box.addLayout(
            self._buttons(
                (
                    "addContactButton",
                    translate("CustomerDetailPanel", "Add contact…"),
                    self.add_contact,
                ),
                ("editContactButton", translate("CustomerDetailPanel", "Edit…"), self.edit_contact),
                (
                    "removeContactButton",
                    translate("CustomerDetailPanel", "Remove"),
                    self.remove_contact,
                ),
            )
        )
        self._tabs.addTab(contacts_page, translate("CustomerDetailPanel", "Contacts"))
        self._vehicles = RecordTableModel(
            lambda: [
                translate("CustomerDetailPanel", "Plate"),
                translate("CustomerDetailPanel", "VIN"),
                translate("CustomerDetailPanel", "Brand"),
                translate("CustomerDetailPanel", "Model"),
                translate("CustomerDetailPanel", "Mileage (km)"),
                translate("CustomerDetailPanel", "Purchased"),
                translate("CustomerDetailPanel", "Retired"),
            ],
            lambda v, col: (
                v.plate,
                formatting.vin_text(v.vin),
                v.brand,
                v.model,
                "" if v.mileage_km is None else f"{v.mileage_km:,}",
                formatting.date_text(v.purchase_date),
                formatting.date_text(v.retired_on),
            )[col],
            parent=self,
        )
        self._orders = RecordTableModel(
            lambda: [
                translate("CustomerDetailPanel", "Date"),
                translate("CustomerDetailPanel", "Number"),
                translate("CustomerDetailPanel", "Kind"),
                translate("CustomerDetailPanel", "Amount"),
                translate("CustomerDetailPanel", "Items"),
            ],
            lambda o, col: (
                formatting.date_text(o.ordered_at),
                o.number,
                labels.label(o.kind),
                formatting.money_text(o.amount_cents),
                o.items,
            )[col],
            parent=self,
        )
        holdings = QWidget()
        box = QVBoxLayout(holdings)
        box.addWidget(QLabel(translate("CustomerDetailPanel", "Vehicles")))
        self._vehicles_view = record_view("vehiclesTable", self._vehicles)
        self._vehicles_view.doubleClicked.connect(lambda _i: self.edit_vehicle())
        box.addWidget(self._vehicles_view)
        box.addLayout(
            self._buttons(
                (
                    "addVehicleButton",
                    translate("CustomerDetailPanel", "Add vehicle…"),
                    self.add_vehicle,
                ),
                ("editVehicleButton", translate("CustomerDetailPanel", "Edit…"), self.edit_vehicle),
                (
                    "retireVehicleButton",
                    translate("CustomerDetailPanel", "Retire / reinstate"),
                    self.retire_vehicle,
                ),
            )
        )
        box.addWidget(QLabel(translate("CustomerDetailPanel", "Orders and service visits")))
        self._orders_view = record_view("ordersTable", self._orders)
        self._orders_view.doubleClicked.connect(lambda _i: self.edit_order())
        box.addWidget(self._orders_view)
        box.addLayout(
            self._buttons(
                (
                    "addOrderButton",
                    translate("CustomerDetailPanel", "Add order or service visit…"),
                    self.add_order,
                ),
                ("editOrderButton", translate("CustomerDetailPanel", "Edit…"), self.edit_order),
            )
        )
        self._tabs.addTab(holdings, translate("CustomerDetailPanel", "Vehicles and orders"))
        self._timeline = RecordTableModel(
            lambda: [
                translate("CustomerDetailPanel", "When"),
                translate("CustomerDetailPanel", "What"),
                translate("CustomerDetailPanel", "Number"),
                translate("CustomerDetailPanel", "Amount / score"),
                translate("CustomerDetailPanel", "Details"),
            ],
            _timeline_cell,
            parent=self,
        )
        self._timeline_view = record_view("timelineTable", self._timeline)
        self._timeline_view.doubleClicked.connect(self._on_timeline_activated)
        self._tabs.addTab(self._timeline_view, translate("CustomerDetailPanel", "Timeline"))
        self._open = RecordTableModel(
            lambda: [
                translate("CustomerDetailPanel", "Number"),
                translate("CustomerDetailPanel", "Received"),
                translate("CustomerDetailPanel", "Status"),
                translate("CustomerDetailPanel", "Time left"),
            ],
            _open_cell,
            parent=self,
        )
        self._open_view = record_view("openComplaintsTable", self._open)
        self._open_view.doubleClicked.connect(self._on_open_activated)
        self._tabs.addTab(self._open_view, translate("CustomerDetailPanel", "Open complaints"))
        self._tabs.addTab(self._build_value(), translate("CustomerDetailPanel", "Value"))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self._masked)
        layout.addWidget(self._tabs, 1)
        self._set_enabled(False)

    # ------------------------------------------------------------ building
    def _buttons(self, *specs: tuple[str, str, Any]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for name, text, slot in specs:
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self._record_buttons.append(button)
        return row

    def _build_profile(self) -> QWidget:
        self._errors = widgets.FieldErrors()
        form = QFormLayout()

        def field(key: str, widget: QWidget, text: str, aliases: tuple[str, ...] = ()) -> None:
            widget.setObjectName(f"field_{key}")
            label = widgets.error_label(key)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(label)
            form.addRow(text, column)
            self._errors.add(key, widget, label, aliases)

        self._name = QLineEdit()
        field("name", self._name, translate("CustomerDetailPanel", "Name"))
        self._kind = QComboBox()
        for member, text in labels.choices(CustomerKind):
            self._kind.addItem(text, member.value)
        field("kind", self._kind, translate("CustomerDetailPanel", "Individual or company"))
        self._gender = QComboBox()
        for member, text in labels.choices(Gender):
            self._gender.addItem(text, member.value)
        field("gender", self._gender, translate("CustomerDetailPanel", "Gender"))
        self._phones = QLineEdit()
        self._phones.setPlaceholderText(
            translate("CustomerDetailPanel", "Several numbers: separate with commas")
        )
        field(
            "phone",
            self._phones,
            translate("CustomerDetailPanel", "Phones"),
            ("phone2", "phone3", "phone4"),
        )
        self._email = QLineEdit()
        field("email", self._email, translate("CustomerDetailPanel", "E-mail"))
        self._wechat = QLineEdit()
        field("wechat", self._wechat, translate("CustomerDetailPanel", "WeChat"))
        self._address = QLineEdit()
        field("address", self._address, translate("CustomerDetailPanel", "Address"))
        birthday_row = QWidget()
        row = QHBoxLayout(birthday_row)
        row.setContentsMargins(0, 0, 0, 0)
        self._has_birthday = QCheckBox(translate("CustomerDetailPanel", "Known"))
        self._has_birthday.setObjectName("field_has_birthday")
        self._birthday = DateEdit(objectName="field_birthday_date")
        self._has_birthday.toggled.connect(self._birthday.setEnabled)
        row.addWidget(self._has_birthday)
        row.addWidget(self._birthday, 1)
        field("birthday", birthday_row, translate("CustomerDetailPanel", "Birthday"))
        self._national_id = QLineEdit()  # issue 15
        self._national_id.setMaxLength(24)  # 18 characters, with room for typed spaces
        self._national_id.setPlaceholderText(
            translate("CustomerDetailPanel", "18 characters (old cards: 15); optional")
        )
        field("national_id", self._national_id, translate("CustomerDetailPanel", "ID number"))
        self._tier = QComboBox()
        for member, text in labels.choices(Tier):
            self._tier.addItem(text, member.value)
        field("tier", self._tier, translate("CustomerDetailPanel", "Tier"))
        self._industry = QLineEdit()
        field(
            "company_industry",
            self._industry,
            translate("CustomerDetailPanel", "Industry (company)"),
        )
        self._size = QLineEdit()
        field("company_size", self._size, translate("CustomerDetailPanel", "Size (company)"))
        self._source = QLineEdit()
        field("source", self._source, translate("CustomerDetailPanel", "Source"))
        self._consent = QCheckBox(
            translate("CustomerDetailPanel", "May be contacted for marketing (consent given)")
        )
        field("consent_marketing", self._consent, translate("CustomerDetailPanel", "Consent"))
        self._note = QPlainTextEdit()
        self._note.setMaximumHeight(70)
        field("note", self._note, translate("CustomerDetailPanel", "Note"))
        self._save = QPushButton(translate("CustomerDetailPanel", "Save changes"))
        self._save.setObjectName("saveCustomerButton")
        self._save.clicked.connect(self._on_save)
        self._status = QLabel()
        self._status.setObjectName("saveStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self._status, 1)
        buttons.addWidget(self._save)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.addLayout(form)
        outer.addLayout(buttons)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _build_value(self) -> QWidget:
        page = QWidget()
        page.setObjectName("valuePage")
        form = QFormLayout(page)
        self._value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key, text in (
            ("revenue_12m", translate("CustomerDetailPanel", "Revenue, last 12 months")),
            ("revenue", translate("CustomerDetailPanel", "Revenue so far")),
            ("lifecycle", translate("CustomerDetailPanel", "Lifecycle")),
            ("segment", translate("CustomerDetailPanel", "Pyramid segment")),
            ("rfm", translate("CustomerDetailPanel", "RFM")),
            ("ltv", translate("CustomerDetailPanel", "Lifetime value (estimate)")),
        ):
            figure, why = QLabel(), QLabel()
            figure.setObjectName(f"value_{key}")
            figure.setStyleSheet("font-weight: bold;")
            why.setObjectName(f"why_{key}")
            why.setWordWrap(True)
            why.setStyleSheet("color: #555;")
            column = QVBoxLayout()
            column.addWidget(figure)
            column.addWidget(why)
            form.addRow(text, column)
            self._value_labels[key] = (figure, why)
        return page

    # ------------------------------------------------------------ loading
    @property
    def customer(self) -> CustomerDetail | None:
        return self._detail

    @property
    def requested_id(self) -> int | None:
        """The customer the panel shows or is loading (its id)."""
        return self._requested

    def clear(self) -> None:
        self._detail = None
        self._requested = None
        self._shown_input = None
        self._generation += 1
        self._title.clear()
        self._set_enabled(False)
        for model in (self._contacts, self._vehicles, self._orders, self._timeline, self._open):
            model.set_records([])

    def _on_changes(self, changes: Changes) -> None:
        """Reload the customer shown when it (or one of its sheets) changed. Profile
        fields being edited are kept (a save still meets the version they started
        from); the figures, vehicles, orders and complaints are brought up to date."""
        d = self._detail
        if d is None or not (changes.everything or d.id in changes.customer_ids):
            return
        if self._requested != d.id:
            return  # another customer is being loaded: it will be up to date
        editing = self._shown_input is not None and self._input() != self._shown_input
        self.show_customer(d.id, keep_profile=editing)

    def show_customer(
        self, customer_id: int, *, background: bool = True, keep_profile: bool = False
    ) -> None:
        """Load and show ``customer_id`` (profile first, figures with it);
        ``keep_profile``: leave the profile fields and the version as they are."""
        self._generation += 1
        generation = self._generation
        self._requested = customer_id
        uow, user_id = self._ctx.uow, self._ctx.user_id

        def work() -> _Loaded:
            detail = customers.get_customer(uow(), user_id, customer_id)
            value = history = None
            if detail.merged_into_id is None:
                value = analytics.customer_value(uow(), user_id, customer_id)
                history = analytics.customer_history(uow(), user_id, customer_id)
            return _Loaded(detail, value, history)

        def done(result: _Loaded) -> None:
            if alive(self) and generation == self._generation:
                if keep_profile:
                    self._show_records(result)
                else:
                    self._show(result)

        def failed(exc: Exception) -> None:
            if alive(self) and generation == self._generation:
                widgets.show_error(self, exc)

        if background:
            self._ctx.run(
                work, done, failed, label=translate("CustomerDetailPanel", "Loading customer…")
            )
        else:
            done(work())

    def _set_enabled(self, enabled: bool) -> None:
        self._tabs.setEnabled(enabled)
        may_edit = bool(self._ctx.user and self._ctx.user.can(Permission.MANAGE_CUSTOMERS))
        self._save.setEnabled(enabled and may_edit)
        for button in self._record_buttons:
            button.setEnabled(enabled and may_edit)
        may_register = bool(self._ctx.user and self._ctx.user.can(Permission.REGISTER_SHEET))
        self._new_sheet.setEnabled(enabled and may_register)

    def _show(self, loaded: _Loaded) -> None:
        d = loaded.detail
        self._detail = d
        self._errors.clear()
        self._status.clear()
        self._title.setText(f"{d.name}  #{d.id}  ·  {labels.label(d.tier)}")
        self._masked.setVisible(d.masked)
        self._name.setText(d.name)
        self._kind.setCurrentIndex(max(0, self._kind.findData(d.kind.value)))
        self._gender.setCurrentIndex(max(0, self._gender.findData(d.gender.value)))
        self._phones.setText(", ".join(phone_text(p) for p in d.phones))
        self._email.setText(d.email)
        self._wechat.setText(d.wechat)
        self._address.setText(d.address)
        self._has_birthday.setChecked(d.birthday is not None)
        self._birthday.setEnabled(d.birthday is not None)
        b = d.birthday or date(1980, 1, 1)
        self._birthday.setDate(QDate(b.year, b.month, b.day))
        self._national_id.setText(d.national_id)
        self._tier.setCurrentIndex(max(0, self._tier.findData(d.tier.value)))
        self._industry.setText(d.company_industry)
        self._size.setText(d.company_size)
        self._source.setText(d.source)
        self._consent.setChecked(d.consent_marketing)
        self._note.setPlainText(d.note)
        self._shown_input = self._input()
        self._show_records(loaded)
        self._set_enabled(d.merged_into_id is None)
        self.loaded.emit(d.id)

    def _show_records(self, loaded: _Loaded) -> None:
        """Everything but the editable profile: contacts, vehicles, orders, history."""
        d = loaded.detail
        self._contacts.set_records(d.contacts)
        self._tabs.setTabEnabled(1, d.kind is CustomerKind.COMPANY or bool(d.contacts))
        self._vehicles.set_records(d.vehicles)
        self._orders.set_records(sorted(d.orders, key=lambda o: o.ordered_at, reverse=True))
        history = loaded.history
        self._timeline.set_records(history.timeline if history else ())
        self._open.set_records(history.open_complaints if history else ())
        self._show_value(loaded.value)

    def _show_value(self, value: CustomerValue | None) -> None:
        for figure, why in self._value_labels.values():
            figure.clear()
            why.clear()
        if value is None:
            return

        def put(key: str, figure: str, why: str) -> None:
            self._value_labels[key][0].setText(figure)
            self._value_labels[key][1].setText(why)

        put(
            "revenue_12m",
            formatting.money_text(value.revenue_12m_cents),
            QCoreApplication.translate(
                "CustomerDetailPanel",
                "Sum of the orders of the last 365 days (%n order(s)).",
                "",
                value.orders_12m,
            ),
        )
        first = formatting.date_text(value.first_purchase) or "—"
        put(
            "revenue",
            formatting.money_text(value.revenue_cents),
            QCoreApplication.translate(
                "CustomerDetailPanel", "Sum of all %n order(s) since %1.", "", value.orders
            ).replace("%1", first),
        )
        put("lifecycle", labels.label(value.lifecycle), _lifecycle_why(value.lifecycle))
        put("segment", labels.label(value.segment), _segment_why(value))
        if value.rfm_class is None:
            put("rfm", "—", translate("CustomerDetailPanel", "No purchase yet, so no RFM score."))
        else:
            put(
                "rfm",
                f"R {value.r} · F {value.f} · M {value.m} — {labels.label(value.rfm_class)}",
                translate(
                    "CustomerDetailPanel",
                    "Scores 1–5 by quintile among all buying customers (5 = best 20 %) of "
                    "the last purchase date, the number of orders and the revenue. ",
                )
                + labels.rfm_explanation(value.rfm_class),
            )
        put(
            "ltv",
            formatting.money_text(value.ltv_cents),
            translate(
                "CustomerDetailPanel",
                "Revenue so far + the last 12 months' revenue × %1 more years.",
            ).replace("%1", str(analytics.LTV_REMAINING_YEARS)),
        )

    # ------------------------------------------------------------ actions
    def _on_new_sheet(self) -> None:
        if self._detail is not None:
            self.new_sheet_requested.emit(self._detail.id)

    def _on_timeline_activated(self, index: Any) -> None:
        entry = self._timeline.record(index.row())
        if entry is not None and entry.sheet_id is not None:
            self.sheet_open_requested.emit(entry.sheet_id)

    def _on_open_activated(self, index: Any) -> None:
        entry = self._open.record(index.row())
        if entry is not None:
            self.sheet_open_requested.emit(entry.sheet_id)

    def _input(self) -> customers.CustomerInput:
        d = self._detail
        assert d is not None
        qd = self._birthday.date()
        return customers.CustomerInput(
            name=self._name.text(),
            phones=tuple(p.strip() for p in _PHONE_SPLIT.split(self._phones.text()) if p.strip()),
            kind=self._kind.currentData(),
            gender=self._gender.currentData(),
            email=self._email.text(),
            wechat=self._wechat.text(),
            address=self._address.text(),
            birthday=date(qd.year(), qd.month(), qd.day())
            if self._has_birthday.isChecked()
            else None,
            company_industry=self._industry.text(),
            company_size=self._size.text(),
            source=self._source.text(),
            tier=self._tier.currentData(),
            consent_marketing=self._consent.isChecked(),
            note=self._note.toPlainText(),
            store_id=d.store_id,
            owner_user_id=d.owner_user_id,
            national_id=self._national_id.text(),
        )

    def save(self) -> bool:
        """Save the profile (off the UI thread, behind ``widgets.write``). False when
        refused."""
        d = self._detail
        if d is None:
            return False
        data = self._input()
        try:
            saved = widgets.write(self, lambda: customers.update_customer(
                self._ctx.uow(), self._ctx.user_id, d.id, d.version, data))
        except ConflictError as exc:
            widgets.show_error(self, exc)
            return False
        except HelpdeskError as exc:
            rest = self._errors.show(widgets.flatten(exc))
            if rest or not widgets.flatten(exc):
                self._status.setText(messages.error_text(rest[0] if rest else exc))
                self._status.setStyleSheet(widgets.ERROR_STYLE)
            return False
        self._errors.clear()
        self._detail = saved
        self._title.setText(f"{saved.name}  #{saved.id}  ·  {labels.label(saved.tier)}")
        self._status.setStyleSheet("")
        self._status.setText(translate("CustomerDetailPanel", "Saved."))
        self._shown_input = self._input()
        self.customer_saved.emit(saved.id)
        return True

    def _on_save(self) -> None:
        self.save()

    # ------------------------------------------------------------ unsaved edits
    def has_unsaved_changes(self) -> bool:
        """True when the profile fields differ from what was loaded or last saved."""
        return (
            self._detail is not None
            and self._shown_input is not None
            and self._input() != self._shown_input
        )

    def may_leave(self) -> bool:
        """Ask what to do with unsaved profile edits before another customer is shown:
        save them, discard them, or stay (True: the panel may show another one)."""
        if not self.has_unsaved_changes():
            return True
        d = self._detail
        assert d is not None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("CustomerDetailPanel", "Unsaved changes"),
            translate("CustomerDetailPanel", "Save the changes to %1 first?").replace(
                "%1", f"{d.name} #{d.id}"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedChanges")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------ vehicles, orders, contacts
    def _selected(self, view: Any, model: RecordTableModel) -> Any:
        index = view.currentIndex()
        return model.record(index.row()) if index.isValid() else None

    def _run_dialog(self, dialog: RecordDialog) -> bool:
        accepted = dialog.exec() == RecordDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted and self._detail is not None:
            # The profile being edited is kept; the lists are reloaded.
            self.show_customer(self._detail.id, background=False, keep_profile=True)
        return accepted

    def add_vehicle(self) -> bool:
        if self._detail is None:
            return False
        return self._run_dialog(
            record_dialogs.vehicle_dialog(self._ctx, self._detail.id, None, parent=self)
        )

    def edit_vehicle(self) -> bool:
        vehicle = self._selected(self._vehicles_view, self._vehicles)
        if self._detail is None or vehicle is None:
            return False
        return self._run_dialog(
            record_dialogs.vehicle_dialog(self._ctx, self._detail.id, vehicle, parent=self)
        )

    def retire_vehicle(self) -> bool:
        """Retire the selected vehicle (sold or scrapped), or reinstate a retired one."""
        vehicle = self._selected(self._vehicles_view, self._vehicles)
        if self._detail is None or vehicle is None:
            return False
        try:
            if vehicle.retired_on is None:
                customers.retire_vehicle(
                    self._ctx.uow(), self._ctx.user_id, self._detail.id, vehicle.id
                )
            else:
                customers.reinstate_vehicle(
                    self._ctx.uow(), self._ctx.user_id, self._detail.id, vehicle.id
                )
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return False
        self.show_customer(self._detail.id, background=False, keep_profile=True)
        return True

    def add_order(self) -> bool:
        if self._detail is None:
            return False
        d = self._detail
        return self._run_dialog(
            record_dialogs.order_dialog(self._ctx, d.id, None, d.vehicles, parent=self)
        )

    def edit_order(self) -> bool:
        order = self._selected(self._orders_view, self._orders)
        if self._detail is None or order is None:
            return False
        d = self._detail
        return self._run_dialog(
            record_dialogs.order_dialog(self._ctx, d.id, order, d.vehicles, parent=self)
        )

    def add_contact(self) -> bool:
        if self._detail is None:
            return False
        return self._run_dialog(
            record_dialogs.contact_dialog(self._ctx, self._detail.id, None, parent=self)
        )

    def edit_contact(self) -> bool:
        contact = self._selected(self._contacts_view, self._contacts)
        if self._detail is None or contact is None:
            return False
        return self._run_dialog(
            record_dialogs.contact_dialog(self._ctx, self._detail.id, contact, parent=self)
        )

    def remove_contact(self) -> bool:
        contact = self._selected(self._contacts_view, self._contacts)
        if self._detail is None or contact is None:
            return False
        customer_id = self._detail.id
        try:
            widgets.write(self, lambda: customers.remove_contact(
                self._ctx.uow(), self._ctx.user_id, customer_id, contact.id))
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return False
        self.show_customer(self._detail.id, background=False, keep_profile=True)
        return True


def _timeline_cell(entry: analytics.TimelineEntry, column: int) -> str:
    if column == 0:
        return (
            formatting.datetime_text(entry.at)
            if entry.kind in ("complaint", "return_visit")
            else formatting.date_text(entry.at.date())
        )
    if column == 1:
        if entry.kind == "complaint":
            return translate("CustomerDetailPanel", "Complaint")
        if entry.kind == "return_visit":
            return translate("CustomerDetailPanel", "Return visit")
        try:
            return labels.label(OrderKind(entry.kind))
        except ValueError:
            return entry.kind
    if column == 2:
        return entry.number
    if column == 3:
        if entry.amount_cents is not None:
            return formatting.money_text(entry.amount_cents)
        if entry.satisfaction is not None:
            return translate("CustomerDetailPanel", "Satisfaction %1/5").replace(
                "%1", str(entry.satisfaction)
            )
        return ""
    return entry.text.replace("\n", " ")[:200]


def _open_cell(entry: analytics.OpenComplaint, column: int) -> str:
    if column == 0:
        return entry.number
    if column == 1:
        return formatting.datetime_text(entry.received_at)
    if column == 2:
        return labels.label(entry.state)
    if entry.awaiting_visit:
        return translate("CustomerDetailPanel", "Awaiting return visit")
    # The same words and symbols as the complaint list (the one deadline rule).
    return formatting.deadline_text(entry.sla).text


def _lifecycle_why(value: Lifecycle) -> str:
    texts = {
        Lifecycle.PROSPECT: translate("CustomerDetailPanel", "No purchase yet."),
        Lifecycle.NEW: translate("CustomerDetailPanel", "First purchase within the last 90 days."),
        Lifecycle.ACTIVE: translate("CustomerDetailPanel", "A purchase within the last 12 months."),
        Lifecycle.INACTIVE: translate(
            "CustomerDetailPanel", "Bought before, but nothing in the last 12 months."
        ),
    }
    return texts[value]


def _segment_why(value: CustomerValue) -> str:
    if value.segment is Segment.PROSPECT:
        return translate("CustomerDetailPanel", "No purchase yet.")
    if value.segment is Segment.INACTIVE:
        return translate("CustomerDetailPanel", "Bought before, but nothing in the last 12 months.")
    return (
        translate(
            "CustomerDetailPanel",
            "Rank %1 of %2 active customers by revenue of the last 12 months: top 1 %, "
            "then high 4 %, middle 15 %, low 80 %.",
        )
        .replace("%1", f"{value.pyramid_rank:,}")
        .replace("%2", f"{value.active_customers:,}")
    )
