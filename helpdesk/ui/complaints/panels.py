"""The panels of the complaint sheet form (《抱怨/投诉单》), one per group of DESIGN.md
section 2: identity, customer, vehicle or order, complaint, responsibility, analysis,
corrective actions, return visits, progress log, close-out and history.

Each panel is a group box that builds its own widgets and knows four things:

* ``load(detail)`` shows a saved sheet;
* ``values()`` returns what the user typed, as plain values keyed as the drafts keep
  them (``restore(values)`` puts a draft back);
* ``set_flags(flags)`` makes it editable or read-only from the service's may-flags
  (``SheetDetail.may_*``) — no panel asks for a role or a permission itself;
* ``retranslate()`` sets its texts.

The texts keep the translation context "SheetForm", where the catalog has them.
Errors of the services land on the panels' fields through the form's one
:class:`widgets.FieldErrors`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import parsing, users
from helpdesk.domain.complaints import Action, ResponsibleArea, SheetState
from helpdesk.domain.enums import Channel, Severity
from helpdesk.services.dto import (
    Allowance,
    CustomerDetail,
    SheetDetail,
    StoreInfo,
    UserInfo,
)
from helpdesk.ui import formatting, labels, messages, widgets
from helpdesk.ui.complaints.customer_finder import CustomerFinder
from helpdesk.ui.context import AppContext
from helpdesk.ui.date_edits import DateTimeEdit

# lupdate reads calls of ``translate("Context", "text")``.
translate = QCoreApplication.translate

NEW_VEHICLE = "new"
_UNSAVED = Allowance(False)


@dataclass(frozen=True)
class Flags:
    """What the panels let the user do, as the services decided it.

    Attributes:
        new: the sheet is not saved yet (the work panels are hidden).
        identity: registration fields, customer, vehicle and the complaint text.
        analysis: root cause, correction, compensation, measure and rework.
        progress: entries in the progress log.
        assign: the responsible area and person.
        actions: adding and checking corrective actions.
    """

    new: bool
    identity: Allowance
    analysis: Allowance = _UNSAVED
    progress: Allowance = _UNSAVED
    assign: Allowance = _UNSAVED
    actions: Allowance = _UNSAVED

    @classmethod
    def of(cls, detail: SheetDetail) -> Flags:
        return cls(new=False, identity=detail.may_edit_identity,
                   analysis=detail.may_record_analysis, progress=detail.may_add_progress,
                   assign=detail.may_assign, actions=detail.may_manage_actions)

    @classmethod
    def new_sheet(cls, may_register: Allowance) -> Flags:
        return cls(new=True, identity=may_register)


def refusal_text(allowance: Allowance) -> str:
    """The translated reason behind a refused allowance ("" when allowed)."""
    if allowance.allowed:
        return ""
    if allowance.code.startswith("permission."):
        return messages.permission_text(allowance.code.split(".", 1)[1])
    return messages.format_code(allowance.code, {})


def _work_reason(flags: Flags, allowance: Allowance) -> str:
    if flags.new:
        return translate("SheetForm", "Save the sheet first.")
    return refusal_text(allowance)


def text_edit(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(int(height * 1.6))
    return edit


def table(name: str, columns: int) -> QTableWidget:
    view = QTableWidget(0, columns, objectName=name)
    view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setMaximumHeight(150)
    view.setWordWrap(True)
    return view


def fill(view: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    view.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            view.setItem(r, c, QTableWidgetItem(value))
    view.resizeRowsToContents()


def _minute(edit: DateTimeEdit) -> datetime:
    value: datetime = edit.dateTime().toPython()
    return value.replace(second=0, microsecond=0)


def _select(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


class Panel(QGroupBox):
    """A group of the sheet form; see the module's docstring.

    Signals:
        edited(): the user changed something typed here.
    """

    edited = Signal()

    def __init__(self, name: str, errors: widgets.FieldErrors, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._errors = errors
        self._labels: dict[str, QLabel] = {}

    def _add_row(self, form: QFormLayout, key: str, widget: QWidget, *,
                 aliases: tuple[str, ...] = (),
                 widget_for_errors: QWidget | None = None) -> None:
        label = QLabel()
        label.setBuddy(widget_for_errors or widget)
        self._labels[key] = label
        error = widgets.error_label(key)
        form.addRow(label, widgets.with_error(widget, error))
        self._errors.add(key, widget_for_errors or widget, error, aliases)

    def _set_label_texts(self, texts: Mapping[str, str]) -> None:
        for key, text in texts.items():
            self._labels[key].setText(text)

    def _emit_edited(self, *_args: object) -> None:
        self.edited.emit()

    def load(self, detail: SheetDetail) -> None:
        """Show the saved sheet."""

    def values(self) -> dict[str, Any]:
        """What the user typed here, as plain values."""
        return {}

    def restore(self, values: Mapping[str, Any]) -> None:
        """Put a draft's input back."""

    def set_flags(self, flags: Flags) -> None:
        """Editable or read-only, as the services allow."""

    def retranslate(self) -> None:
        """Set the texts in the current language."""


# ================================================================ identity
class IdentityPanel(Panel):
    """Number, store, received time and by whom, channel, severity and category."""

    def __init__(self, errors: widgets.FieldErrors, stores: Sequence[StoreInfo],
                 categories: Mapping[str, Sequence[str]], *,
                 parent: QWidget | None = None) -> None:
        super().__init__("identityBox", errors, parent=parent)
        self._stores: list[StoreInfo] = []
        self.categories: dict[str, list[str]] = {}
        self.number_label = QLabel(objectName="numberLabel")
        self.store_combo = QComboBox(objectName="storeCombo")
        self.received_edit = DateTimeEdit(objectName="receivedAt")
        self.received_by_label = QLabel(objectName="receivedBy")
        self.channel_combo = QComboBox(objectName="channelCombo")
        for channel in Channel:
            self.channel_combo.addItem("", channel.value)
        self.severity_combo = QComboBox(objectName="severityCombo")
        for severity in (Severity.GENERAL, Severity.MAJOR):
            self.severity_combo.addItem("", severity.value)
        self.category_combo = QComboBox(objectName="categoryCombo")
        self.set_choices(stores, categories)
        form = QFormLayout(self)
        self._add_row(form, "number", self.number_label)
        self._add_row(form, "store", self.store_combo)
        self._add_row(form, "received_at", self.received_edit)
        self._add_row(form, "received_by", self.received_by_label)
        self._add_row(form, "channel", self.channel_combo)
        self._add_row(form, "severity", self.severity_combo)
        self._add_row(form, "category", self.category_combo)
        self.received_edit.dateTimeChanged.connect(self._emit_edited)
        for combo in (self.store_combo, self.channel_combo, self.severity_combo,
                      self.category_combo):
            combo.currentIndexChanged.connect(self._emit_edited)

    def set_choices(self, stores: Sequence[StoreInfo],
                    categories: Mapping[str, Sequence[str]]) -> None:
        """Offer these stores and categories, keeping what is chosen now (a category
        no longer offered stays on the sheet that has it)."""
        self._stores = list(stores)
        self.categories = {code: list(names) for code, names in categories.items()}
        for combo, items in ((self.store_combo, [(s.name, s.id) for s in self._stores]),
                             (self.category_combo, [("", code) for code in self.categories])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(str(chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
        self._name_categories()

    def start_new(self, now: datetime, store_id: int | None) -> None:
        self.received_edit.setMaximumDateTime(QDateTime(now).addSecs(300))
        self.received_edit.setDateTime(QDateTime(now))
        if store_id is not None:
            _select(self.store_combo, store_id)
        _select(self.channel_combo, Channel.RECEPTION.value)
        self.severity_combo.setCurrentIndex(0)
        self.category_combo.setCurrentIndex(0)

    def load(self, detail: SheetDetail, now: datetime | None = None) -> None:
        if now is not None:
            self.received_edit.setMaximumDateTime(QDateTime(now).addSecs(300))
        self.received_edit.setDateTime(QDateTime(detail.received_at))
        self.store_combo.setCurrentIndex(max(0, self.store_combo.findData(detail.store_id)))
        _select(self.channel_combo, detail.channel.value)
        _select(self.severity_combo, detail.severity.value)
        index = self.category_combo.findData(detail.category)
        if index < 0:
            self.category_combo.addItem(detail.category, detail.category)
            index = self.category_combo.count() - 1
        self.category_combo.setCurrentIndex(index)

    def show_sheet(self, detail: SheetDetail | None, receiver_name: str) -> None:
        """The number and who received it (not typed, so not part of ``load``)."""
        if detail is None:
            self.number_label.setText(translate("SheetForm", "(given when saved)"))
            self.received_by_label.setText(receiver_name)
        else:
            self.number_label.setText(detail.number)
            self.received_by_label.setText(detail.received_by_name)

    def values(self) -> dict[str, Any]:
        return {
            "received_at": _minute(self.received_edit),
            "channel": self.channel_combo.currentData(),
            "severity": self.severity_combo.currentData(),
            "category": self.category_combo.currentData(),
            "store_id": self.store_combo.currentData(),
        }

    def restore(self, values: Mapping[str, Any]) -> None:
        if values.get("received_at"):
            self.received_edit.setDateTime(QDateTime(values["received_at"]))
        for combo, key in ((self.channel_combo, "channel"), (self.severity_combo, "severity"),
                           (self.category_combo, "category"), (self.store_combo, "store_id")):
            _select(combo, values.get(key))

    def set_flags(self, flags: Flags) -> None:
        for widget in (self.received_edit, self.channel_combo, self.severity_combo,
                       self.category_combo):
            widget.setEnabled(flags.identity.allowed)
        self.store_combo.setEnabled(flags.new and len(self._stores) > 1)
        self.setToolTip("" if flags.new else refusal_text(flags.identity))

    def category_name(self, code: str) -> str:
        return labels.category_name(self.categories, code)

    def _name_categories(self) -> None:
        for i in range(self.category_combo.count()):
            self.category_combo.setItemText(i, self.category_name(
                self.category_combo.itemData(i)))

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Sheet"))
        self._set_label_texts({
            "number": translate("SheetForm", "Number:"),
            "store": translate("SheetForm", "&Store:"),
            "received_at": translate("SheetForm", "&Received:"),
            "received_by": translate("SheetForm", "Received by:"),
            "channel": translate("SheetForm", "C&hannel:"),
            "severity": translate("SheetForm", "Se&verity:"),
            "category": translate("SheetForm", "Cate&gory:"),
        })
        for combo, enum in ((self.channel_combo, Channel), (self.severity_combo, Severity)):
            for i in range(combo.count()):
                combo.setItemText(i, labels.label(enum(combo.itemData(i))))
        self._name_categories()


# ================================================================ customer
class CustomerPanel(Panel):
    """The customer: found while they stand at the desk, or typed in as new."""

    def __init__(self, ctx: AppContext, errors: widgets.FieldErrors, *,
                 parent: QWidget | None = None) -> None:
        super().__init__("customerBox", errors, parent=parent)
        self.finder = CustomerFinder(ctx)
        QVBoxLayout(self).addWidget(self.finder)
        errors.add("customer", self.finder.search_edit, self.finder.search_error)
        errors.add("name", self.finder.name_edit, self.finder.name_error, aliases=("kind",))
        errors.add("phone", self.finder.phone_edit, self.finder.phone_error,
                   aliases=("phone2", "phone3"))
        self.finder.edited.connect(self._emit_edited)

    def load(self, detail: SheetDetail) -> None:
        if self.finder.creating:
            self.finder.new_button.setChecked(False)
        self.finder.choose(detail.customer_id, emit=False)

    def values(self) -> dict[str, Any]:
        creating = self.finder.creating
        return {
            "customer_id": self.finder.customer_id,
            "new_customer": creating,
            "new_customer_name": self.finder.name_edit.text() if creating else "",
            "new_customer_phone": self.finder.phone_edit.text() if creating else "",
        }

    def restore(self, values: Mapping[str, Any]) -> None:
        if values.get("new_customer"):
            self.finder.new_button.setChecked(True)
            self.finder.name_edit.setText(values.get("new_customer_name", ""))
            self.finder.phone_edit.setText(values.get("new_customer_phone", ""))
        elif values.get("customer_id"):
            self.finder.choose(int(values["customer_id"]), emit=False)

    def set_flags(self, flags: Flags) -> None:
        self.finder.set_read_only(not flags.identity.allowed)
        self.finder.new_button.setVisible(flags.new)

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Customer"))


# ================================================================ vehicle or order
class VehiclePanel(Panel):
    """The vehicle (or order) the complaint is about, a new vehicle, the mileage."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("vehicleBox", errors, parent=parent)
        self._quiet = False
        self.vehicle_combo = QComboBox(objectName="vehicleCombo")
        self.new_vehicle_panel = QWidget(objectName="newVehiclePanel")
        self.vin_edit = QLineEdit(objectName="newVin")
        self.vin_edit.setMaxLength(40)
        self.plate_edit = QLineEdit(objectName="newPlate")
        self.brand_edit = QLineEdit(objectName="newBrand")
        self.model_edit = QLineEdit(objectName="newModel")
        self.mileage_edit = QLineEdit(objectName="mileage")
        new_vehicle_form = QFormLayout(self.new_vehicle_panel)
        new_vehicle_form.setContentsMargins(0, 0, 0, 0)
        self._add_row(new_vehicle_form, "vin", self.vin_edit)
        self._add_row(new_vehicle_form, "plate", self.plate_edit)
        self._add_row(new_vehicle_form, "brand", self.brand_edit)
        self._add_row(new_vehicle_form, "model", self.model_edit)
        self.new_vehicle_panel.hide()
        form = QFormLayout(self)
        self._add_row(form, "vehicle", self.vehicle_combo, aliases=("order",))
        form.addRow(self.new_vehicle_panel)
        self._add_row(form, "mileage_km", self.mileage_edit)
        for edit in self._new_edits():
            edit.textChanged.connect(self._emit_edited)
        self.mileage_edit.textChanged.connect(self._emit_edited)
        self.vehicle_combo.currentIndexChanged.connect(self._on_choice)

    def _new_edits(self) -> tuple[QLineEdit, ...]:
        return (self.vin_edit, self.plate_edit, self.brand_edit, self.model_edit)

    def offer(self, customer: CustomerDetail | None, selected: str | None, *,
              offer_new: bool) -> None:
        """Offer the customer's vehicles and orders; ``offer_new`` adds "New vehicle…"
        (only while registering: the vehicle is then created with the sheet, in one
        transaction; later, vehicles are added in the customer's record)."""
        combo = self.vehicle_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("SheetForm", "(none)"), "")
        if customer is not None:
            for v in customer.vehicles:
                if v.retired_on is not None and f"v:{v.id}" != selected:
                    continue  # sold or scrapped (issue 15): only on the sheets that have it
                text = " · ".join(p for p in (v.plate, f"{v.brand} {v.model}".strip(),
                                               f"VIN …{v.vin[-6:]}" if v.vin_complete
                                               else formatting.vin_text(v.vin)) if p)
                combo.addItem(text, f"v:{v.id}")
            for o in customer.orders:
                combo.addItem(translate("SheetForm", "Order %1 (%2, %3)").replace(
                    "%1", o.number).replace("%2", formatting.date_text(o.ordered_at)).replace(
                    "%3", formatting.money_text(o.amount_cents)), f"o:{o.id}")
        if offer_new:
            combo.addItem(translate("SheetForm", "New vehicle…"), NEW_VEHICLE)
        index = combo.findData(selected) if selected else 0
        if index < 0 and selected:
            # The sheet's vehicle is no longer the customer's (merge): keep showing it.
            combo.addItem(selected, selected)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self.new_vehicle_panel.setVisible(combo.currentData() == NEW_VEHICLE)

    def choose_only(self, customer: CustomerDetail) -> None:
        """Choose what a complaint of this customer is about when there is one choice.

        One vehicle is what a dealership complaint is about (its service visits are
        orders too); a store customer without vehicles may have one order."""
        vehicles = [v for v in customer.vehicles if v.retired_on is None]
        orders = customer.orders
        only = f"v:{vehicles[0].id}" if len(vehicles) == 1 else \
            f"o:{orders[0].id}" if not vehicles and len(orders) == 1 else None
        if only is not None:
            self.vehicle_combo.setCurrentIndex(self.vehicle_combo.findData(only))

    def load(self, detail: SheetDetail, customer: CustomerDetail | None = None) -> None:
        self._quiet = True
        selected = None
        if detail.vehicle is not None:
            selected = f"v:{detail.vehicle.id}"
        elif detail.order is not None:
            selected = f"o:{detail.order.id}"
        self.offer(customer, selected, offer_new=False)
        for edit in self._new_edits():
            edit.clear()
        self.mileage_edit.setText(str(detail.mileage_km) if detail.mileage_km is not None
                                  else "")
        self._quiet = False

    @property
    def new_vehicle(self) -> bool:
        return self.vehicle_combo.currentData() == NEW_VEHICLE

    def values(self) -> dict[str, Any]:
        new = self.new_vehicle
        return {
            "vehicle_choice": self.vehicle_combo.currentData() or "",
            "mileage": self.mileage_edit.text().strip(),
            "new_vin": self.vin_edit.text() if new else "",
            "new_plate": self.plate_edit.text() if new else "",
            "new_brand": self.brand_edit.text() if new else "",
            "new_model": self.model_edit.text() if new else "",
        }

    def restore(self, values: Mapping[str, Any]) -> None:
        if values.get("vehicle_choice"):
            _select(self.vehicle_combo, values["vehicle_choice"])
        for edit, key in ((self.vin_edit, "new_vin"), (self.plate_edit, "new_plate"),
                          (self.brand_edit, "new_brand"), (self.model_edit, "new_model"),
                          (self.mileage_edit, "mileage")):
            edit.setText(str(values.get(key, "") or ""))

    def set_flags(self, flags: Flags) -> None:
        for widget in (self.vehicle_combo, *self._new_edits(), self.mileage_edit):
            widget.setEnabled(flags.identity.allowed)

    def _on_choice(self, _index: int) -> None:
        new = self.new_vehicle
        self.new_vehicle_panel.setVisible(new)
        if new and not self._quiet:
            self.vin_edit.setFocus()

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Vehicle or order"))
        self._set_label_texts({
            "vehicle": translate("SheetForm", "Vehicle / &order:"),
            "vin": translate("SheetForm", "VIN:"),
            "plate": translate("SheetForm", "Plate:"),
            "brand": translate("SheetForm", "Brand:"),
            "model": translate("SheetForm", "Model:"),
            "mileage_km": translate("SheetForm", "Mileage (km):"),
        })
        self.mileage_edit.setPlaceholderText(translate("SheetForm", "e.g. 35000"))
        self.vin_edit.setPlaceholderText(translate("SheetForm",
                                                   "17 characters, or the last 6 or more"))
        self.plate_edit.setPlaceholderText(translate("SheetForm", "e.g. 京A12345"))


# ================================================================ complaint
class ComplaintPanel(Panel):
    """What the customer says and asks for, in their own words."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("complaintBox", errors, parent=parent)
        self.description_edit = text_edit("description", 80)
        self.request_edit = text_edit("customerRequest", 48)
        form = QFormLayout(self)
        self._add_row(form, "description", self.description_edit)
        self._add_row(form, "customer_request", self.request_edit)
        for edit in (self.description_edit, self.request_edit):
            edit.textChanged.connect(self._emit_edited)

    def load(self, detail: SheetDetail) -> None:
        self.description_edit.setPlainText(detail.description)
        self.request_edit.setPlainText(detail.customer_request)

    def values(self) -> dict[str, Any]:
        return {"description": self.description_edit.toPlainText(),
                "customer_request": self.request_edit.toPlainText()}

    def restore(self, values: Mapping[str, Any]) -> None:
        self.description_edit.setPlainText(str(values.get("description", "") or ""))
        self.request_edit.setPlainText(str(values.get("customer_request", "") or ""))

    def set_flags(self, flags: Flags) -> None:
        for edit in (self.description_edit, self.request_edit):
            widgets.set_read_only(edit, not flags.identity.allowed)
        self.setToolTip("" if flags.new else refusal_text(flags.identity))

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Complaint"))
        self._set_label_texts({
            "description": translate("SheetForm", "What the customer sa&ys:"),
            "customer_request": translate("SheetForm", "What the customer as&ks for:"),
        })
        self.description_edit.setPlaceholderText(
            translate("SheetForm", "In the customer's own words"))


# ================================================================ responsibility
class ResponsibilityPanel(Panel):
    """The responsible area and person (given by the Assign step)."""

    def __init__(self, errors: widgets.FieldErrors, staff: Sequence[UserInfo], *,
                 parent: QWidget | None = None) -> None:
        super().__init__("responsibilityBox", errors, parent=parent)
        self.area_combo = QComboBox(objectName="areaCombo")
        self.area_combo.addItem("", "")
        for area in ResponsibleArea:
            self.area_combo.addItem("", area.value)
        self.person_combo = QComboBox(objectName="personCombo")
        self.set_staff(staff)
        form = QFormLayout(self)
        self._add_row(form, "responsible_area", self.area_combo)
        self._add_row(form, "responsible_user", self.person_combo)
        self.area_combo.currentIndexChanged.connect(
            lambda _i: errors.clear_field("responsible_area"))
        self.person_combo.currentIndexChanged.connect(
            lambda _i: errors.clear_field("responsible_user"))

    def set_staff(self, staff: Sequence[UserInfo]) -> None:
        """Offer the people who can be responsible, those who put complaints right
        first, each with their role; keep the one chosen now."""
        combo = self.person_combo
        chosen, chosen_text = combo.currentData(), combo.currentText()
        self._staff = sorted(
            (p for p in staff if users.may_be_responsible(frozenset(p.roles))),
            key=lambda p: (users.responsible_rank(frozenset(p.roles)), p.display_name))
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("SheetForm", "(nobody yet)"), 0)
        for person in self._staff:
            combo.addItem(self._person_text(person), person.id)
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(chosen_text, chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen or 0)))
        combo.blockSignals(False)

    def load(self, detail: SheetDetail) -> None:
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(
            detail.responsible_area.value if detail.responsible_area else "")))
        index = self.person_combo.findData(detail.responsible_user_id or 0)
        if index < 0 and detail.responsible_user_id:
            self.person_combo.addItem(detail.responsible_name, detail.responsible_user_id)
            index = self.person_combo.count() - 1
        self.person_combo.setCurrentIndex(max(0, index))

    def chosen(self) -> tuple[str, int]:
        """(area, person id) as chosen; "" and 0 for none."""
        return self.area_combo.currentData() or "", int(self.person_combo.currentData() or 0)

    def set_flags(self, flags: Flags) -> None:
        self.area_combo.setEnabled(flags.assign.allowed)
        self.person_combo.setEnabled(flags.assign.allowed)

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Responsibility"))
        self._set_label_texts({
            "responsible_area": translate("SheetForm", "Responsible &area:"),
            "responsible_user": translate("SheetForm", "Responsible perso&n:"),
        })
        self.area_combo.setItemText(0, translate("SheetForm", "(not decided)"))
        for i in range(1, self.area_combo.count()):
            self.area_combo.setItemText(i, labels.label(
                ResponsibleArea(self.area_combo.itemData(i))))
        self.person_combo.setItemText(0, translate("SheetForm", "(nobody yet)"))
        for person in getattr(self, "_staff", ()):
            index = self.person_combo.findData(person.id)
            if index > 0:
                self.person_combo.setItemText(index, self._person_text(person))

    @staticmethod
    def _person_text(person: UserInfo) -> str:
        roles = labels.roles_text(person.roles) if person.roles else ""
        return f"{person.display_name} · {roles}" if roles else person.display_name


# ================================================================ analysis
class AnalysisPanel(Panel):
    """Root cause, correction with compensation, long-term measure and rework."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("analysisBox", errors, parent=parent)
        self._saved = False
        self.root_cause_edit = text_edit("rootCause")
        self.correction_edit = text_edit("correction")
        self.compensation_edit = QLineEdit(objectName="compensation")
        self.measure_edit = text_edit("longTermMeasure")
        self.rework_check = QCheckBox(objectName="reworkNeeded")
        self.rework_done_check = QCheckBox(objectName="reworkDone")
        self.rework_edit = DateTimeEdit(objectName="reworkCompletedAt")
        rework_row = QWidget()
        rework_layout = QHBoxLayout(rework_row)
        rework_layout.setContentsMargins(0, 0, 0, 0)
        rework_layout.addWidget(self.rework_check)
        rework_layout.addWidget(self.rework_done_check)
        rework_layout.addWidget(self.rework_edit, 1)
        form = QFormLayout(self)
        self._add_row(form, "root_cause", self.root_cause_edit)
        self._add_row(form, "correction", self.correction_edit)
        self._add_row(form, "compensation", self.compensation_edit)
        self._add_row(form, "long_term_measure", self.measure_edit)
        self._add_row(form, "rework_completed_at", rework_row,
                      widget_for_errors=self.rework_edit)
        self.rework_edit.dateTimeChanged.connect(self._emit_edited)
        self.compensation_edit.textChanged.connect(self._emit_edited)
        for edit in self._texts():
            edit.textChanged.connect(self._emit_edited)
        for check in (self.rework_check, self.rework_done_check):
            check.toggled.connect(self._emit_edited)
            check.toggled.connect(self._update_rework)

    def _texts(self) -> tuple[QPlainTextEdit, ...]:
        return (self.root_cause_edit, self.correction_edit, self.measure_edit)

    def load(self, detail: SheetDetail, now: datetime | None = None) -> None:
        self.root_cause_edit.setPlainText(detail.root_cause)
        self.correction_edit.setPlainText(detail.correction)
        self.compensation_edit.setText(
            parsing.format_yuan(detail.compensation_cents, grouping=False)
            if detail.compensation_cents else "")
        self.measure_edit.setPlainText(detail.long_term_measure)
        self.rework_check.setChecked(detail.rework_needed)
        self.rework_done_check.setChecked(detail.rework_completed_at is not None)
        shown = detail.rework_completed_at or now
        if shown is not None:
            self.rework_edit.setDateTime(QDateTime(shown))

    def values(self) -> dict[str, Any]:
        return {
            "root_cause": self.root_cause_edit.toPlainText(),
            "correction": self.correction_edit.toPlainText(),
            "compensation": self.compensation_edit.text().strip(),
            "long_term_measure": self.measure_edit.toPlainText(),
            "rework_needed": self.rework_check.isChecked(),
            "rework_done": self.rework_done_check.isChecked(),
            "rework_completed_at": _minute(self.rework_edit),
        }

    def restore(self, values: Mapping[str, Any]) -> None:
        self.compensation_edit.setText(str(values.get("compensation", "") or ""))
        for edit, key in zip(self._texts(), ("root_cause", "correction", "long_term_measure"),
                             strict=True):
            edit.setPlainText(str(values.get(key, "") or ""))
        self.rework_check.setChecked(bool(values.get("rework_needed")))
        self.rework_done_check.setChecked(bool(values.get("rework_done")))
        if values.get("rework_completed_at"):
            self.rework_edit.setDateTime(QDateTime(values["rework_completed_at"]))

    def set_flags(self, flags: Flags) -> None:
        self._saved = not flags.new
        may = flags.analysis.allowed
        for edit in self._texts():
            widgets.set_read_only(edit, not may)
        for widget in (self.compensation_edit, self.rework_check):
            widget.setEnabled(may)
        self._update_rework()
        self.setToolTip(_work_reason(flags, flags.analysis))

    def _update_rework(self, *_args: object) -> None:
        enabled = self._saved and self.rework_check.isEnabled()
        self.rework_done_check.setEnabled(enabled and self.rework_check.isChecked())
        self.rework_edit.setEnabled(enabled and self.rework_check.isChecked()
                                    and self.rework_done_check.isChecked())

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Root cause, correction and measure"))
        self._set_label_texts({
            "root_cause": translate("SheetForm", "Roo&t cause:"),
            "correction": translate("SheetForm", "Immediate &correction:"),
            "compensation": translate("SheetForm", "Compensation (¥):"),
            "long_term_measure": translate("SheetForm", "&Long-term measure:"),
            "rework_completed_at": translate("SheetForm", "Rework:"),
        })
        self.root_cause_edit.setPlaceholderText(
            translate("SheetForm", "What actually went wrong, where and why"))
        self.correction_edit.setPlaceholderText(translate(
            "SheetForm", "What was done for this customer: repair, refund, exchange, apology…"))
        self.measure_edit.setPlaceholderText(translate(
            "SheetForm", "What changes so it does not happen again, who owns it and by when "
            "(not just “strengthen training”)"))
        self.compensation_edit.setPlaceholderText(translate("SheetForm", "0.00"))
        self.rework_check.setText(translate("SheetForm", "Needed"))
        self.rework_done_check.setText(translate("SheetForm", "Completed at"))


# ================================================================ corrective actions
class ActionsPanel(Panel):
    """Corrective and preventive actions, each with its effectiveness check.

    Signals:
        add_requested(): the user asked to add an action.
        check_requested(int): the user asked to check the action in this row.
    """

    add_requested = Signal()
    check_requested = Signal(int)

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("actionsBox", errors, parent=parent)
        self.actions_table = table("actionsTable", 4)
        self.add_action_button = QPushButton(objectName="addActionButton")
        self.check_action_button = QPushButton(objectName="checkActionButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions_table)
        row = QHBoxLayout()
        row.addWidget(self.add_action_button)
        row.addWidget(self.check_action_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_action_button.clicked.connect(self.add_requested)
        self.check_action_button.clicked.connect(
            lambda: self.check_requested.emit(max(0, self.actions_table.currentRow())))

    def load(self, detail: SheetDetail) -> None:
        fill(self.actions_table, [[a.description, a.owner_name,
                                   formatting.date_text(a.due_date),
                                   labels.label(a.effectiveness)] for a in detail.actions])
        for r, a in enumerate(detail.actions):
            self.actions_table.item(r, 0).setData(Qt.ItemDataRole.UserRole, a.id)

    def set_flags(self, flags: Flags) -> None:
        reason = _work_reason(flags, flags.actions)
        for button in (self.add_action_button, self.check_action_button):
            button.setToolTip(reason)
        self.add_action_button.setEnabled(flags.actions.allowed)
        self.check_action_button.setEnabled(flags.actions.allowed
                                            and self.actions_table.rowCount() > 0)

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Corrective and preventive actions"))
        self.add_action_button.setText(translate("SheetForm", "Add action…"))
        self.check_action_button.setText(translate("SheetForm", "Check effectiveness…"))
        self.actions_table.setHorizontalHeaderLabels(
            [translate("SheetForm", "Action"), translate("SheetForm", "Owner"),
             translate("SheetForm", "Due"), translate("SheetForm", "Effectiveness")])


# ================================================================ return visits
class VisitsPanel(Panel):
    """The return visits (recorded by the Return visit step)."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("visitsBox", errors, parent=parent)
        self.visits_table = table("visitsTable", 5)
        QVBoxLayout(self).addWidget(self.visits_table)

    def load(self, detail: SheetDetail) -> None:
        fill(self.visits_table, [[formatting.datetime_text(v.visited_at), v.by_name,
                                  "★" * v.satisfaction + f" ({v.satisfaction})",
                                  labels.label(v.kind), v.feedback] for v in detail.visits])

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Return visits"))
        self.visits_table.setHorizontalHeaderLabels(
            [translate("SheetForm", "When"), translate("SheetForm", "By"),
             translate("SheetForm", "Satisfaction"), translate("SheetForm", "Kind"),
             translate("SheetForm", "Feedback")])


# ================================================================ progress log
class ProgressPanel(Panel):
    """The progress log and the line to add an entry.

    Signals:
        add_requested(): the user asked to add the typed entry.
    """

    add_requested = Signal()

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("progressBox", errors, parent=parent)
        self.progress_table = table("progressTable", 3)
        self.progress_edit = QLineEdit(objectName="progressText")
        self.notified_check = QCheckBox(objectName="customerNotified")
        self.add_progress_button = QPushButton(objectName="addProgressButton")
        self.progress_error = widgets.error_label("progress")
        errors.add("progress", self.progress_edit, self.progress_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_table)
        row = QHBoxLayout()
        row.addWidget(self.progress_edit, 1)
        row.addWidget(self.notified_check)
        row.addWidget(self.add_progress_button)
        layout.addLayout(row)
        layout.addWidget(self.progress_error)
        self.add_progress_button.clicked.connect(self.add_requested)
        self.progress_edit.returnPressed.connect(self.add_requested)

    def load(self, detail: SheetDetail) -> None:
        fill(self.progress_table, [[formatting.datetime_text(p.at), p.by_name,
                                    p.text + (" ✆" if p.customer_notified else "")]
                                   for p in detail.progress])

    def entry(self) -> tuple[str, bool]:
        """(text typed, customer told)."""
        return self.progress_edit.text(), self.notified_check.isChecked()

    def clear_entry(self) -> None:
        self.progress_edit.clear()
        self.notified_check.setChecked(False)

    def set_flags(self, flags: Flags) -> None:
        reason = _work_reason(flags, flags.progress)
        for widget in (self.progress_edit, self.notified_check, self.add_progress_button):
            widget.setEnabled(flags.progress.allowed)
            widget.setToolTip(reason)

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Progress log"))
        self.progress_edit.setPlaceholderText(
            translate("SheetForm", "What was done or told to the customer"))
        self.notified_check.setText(translate("SheetForm", "Customer told"))
        self.add_progress_button.setText(translate("SheetForm", "A&dd entry"))
        self.progress_table.setHorizontalHeaderLabels(
            [translate("SheetForm", "When"), translate("SheetForm", "By"),
             translate("SheetForm", "Entry")])


# ================================================================ close-out and history
class CloseOutPanel(Panel):
    """Who closed the sheet, when, and the closing remark (shown once closed)."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("closeoutBox", errors, parent=parent)
        self._detail: SheetDetail | None = None
        self.closed_label = QLabel(objectName="closedLabel")
        self.closed_label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.closed_label)

    def load(self, detail: SheetDetail) -> None:
        self._detail = detail
        self._show()

    def _show(self) -> None:
        d = self._detail
        if d is not None and d.closed_at is not None:
            self.closed_label.setText(translate("SheetForm", "Closed by %1 at %2.").replace(
                "%1", d.closed_by_name).replace("%2", formatting.datetime_text(d.closed_at)) +
                ("\n" + d.closing_remark if d.closing_remark else ""))

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "Close-out"))
        self._show()


class HistoryPanel(Panel):
    """Every workflow step taken, with who, when and the note."""

    def __init__(self, errors: widgets.FieldErrors, *, parent: QWidget | None = None) -> None:
        super().__init__("historyBox", errors, parent=parent)
        self._detail: SheetDetail | None = None
        self.history_table = table("historyTable", 4)
        QVBoxLayout(self).addWidget(self.history_table)

    def load(self, detail: SheetDetail) -> None:
        self._detail = detail
        fill(self.history_table, [[formatting.datetime_text(t.at), t.by_name,
                                   step_text(t.action, t.from_state, t.to_state), t.note]
                                  for t in detail.transitions])

    def retranslate(self) -> None:
        self.setTitle(translate("SheetForm", "History"))
        self.history_table.setHorizontalHeaderLabels(
            [translate("SheetForm", "When"), translate("SheetForm", "By"),
             translate("SheetForm", "Step"), translate("SheetForm", "Note")])
        if self._detail is not None:
            self.load(self._detail)


def step_text(action: str, before: SheetState, after: SheetState) -> str:
    try:
        name = labels.label(Action(action))
    except ValueError:
        name = action
    if before == after:
        return name
    return f"{name}: {labels.label(before)} → {labels.label(after)}"
