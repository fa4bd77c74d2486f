"""Small forms to add or edit one vehicle, order / service visit or contact person of a
customer (issue 15). The dialog calls the service itself: a refusal keeps it open with
each message at its field, so nothing is half-saved and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.customers import OrderKind
from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import common, customers
from helpdesk.services.dto import ContactInfo, OrderInfo, VehicleInfo
from helpdesk.ui import formatting, messages, widgets
from helpdesk.ui.customers import labels
from helpdesk.ui.date_edits import DateEdit

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

TEXT, DATE, OPTIONAL_DATE, CHOICE = "text", "date", "optional_date", "choice"


@dataclass(frozen=True)
class Field:
    """One field of a record form.

    Attributes:
        key: the name the services give the field in their errors (``vin``...).
        choices: ``(value, text)`` pairs for a ``CHOICE`` field.
    """

    key: str
    label: str
    kind: str = TEXT
    value: Any = None
    choices: Sequence[tuple[Any, str]] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)


class _DateField(QWidget):
    """A date, optionally with a "known" box in front (an empty date)."""

    def __init__(self, key: str, value: date | None, *, optional: bool) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(translate("RecordDialog", "Known"))
        self.known.setObjectName(f"field_{key}_known")
        self.edit = DateEdit(objectName=f"field_{key}_date")
        shown = value or common.now().date()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.setChecked(value is not None or not optional)
        self.edit.setEnabled(self.known.isChecked())
        if optional:
            row.addWidget(self.known)
        else:
            self.known.hide()
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        qd = self.edit.date()
        return date(qd.year(), qd.month(), qd.day())


class RecordDialog(QDialog):
    """A form of ``fields``; OK calls ``save(values)``, which raises to refuse."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, Any]], Any],
        *,
        name: str = "recordDialog",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._save = save
        self._errors = widgets.FieldErrors()
        self._widgets: dict[str, QWidget] = {}
        self.result_value: Any = None
        form = QFormLayout()
        for f in fields:
            widget: QWidget
            if f.kind in (DATE, OPTIONAL_DATE):
                widget = _DateField(f.key, f.value, optional=f.kind == OPTIONAL_DATE)
            elif f.kind == CHOICE:
                combo = QComboBox()
                for value, text in f.choices:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(f.value)))
                widget = combo
            else:
                line = QLineEdit("" if f.value is None else str(f.value))
                widget = line
            widget.setObjectName(f"field_{f.key}")
            error = widgets.error_label(f.key)
            form.addRow(f.label, widgets.with_error(widget, error))
            self._errors.add(f.key, widget, error, f.aliases)
            self._widgets[f.key] = widget
        self._status = QLabel()
        self._status.setObjectName("recordStatus")
        self._status.setStyleSheet(widgets.ERROR_STYLE)
        self._status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("recordButtons")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._status)
        layout.addWidget(buttons)

    def widget(self, key: str) -> QWidget:
        return self._widgets[key]

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self._widgets.items():
            if isinstance(widget, _DateField):
                result[key] = widget.value()
            elif isinstance(widget, QComboBox):
                result[key] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                result[key] = widget.text()
        return result

    def try_save(self) -> bool:
        """Save through the service; close when it accepts, else show why."""
        try:
            values = self.values()
            self.result_value = widgets.write(self, lambda: self._save(values))
        except HelpdeskError as exc:
            rest = self._errors.show(widgets.flatten(exc))
            shown = rest[0] if rest else (None if widgets.flatten(exc) else exc)
            self._status.setText(messages.error_text(shown) if shown is not None else "")
            self.adjustSize()  # room for the messages under their fields
            return False
        self.accept()
        return True


# ------------------------------------------------------------------ the three forms
def vehicle_dialog(
    ctx: Any, customer_id: int, vehicle: VehicleInfo | None, *, parent: QWidget | None = None
) -> RecordDialog:
    """Add a vehicle (``vehicle`` None) or edit one, with the VIN rules of the services."""

    def save(v: dict[str, Any]) -> VehicleInfo:
        data = customers.VehicleInput(
            vin=v["vin"],
            plate=v["plate"],
            brand=v["brand"],
            model=v["model"],
            mileage_km=v["mileage_km"] or None,
            purchase_date=v["purchase_date"],
        )
        if vehicle is None:
            return customers.add_vehicle(ctx.uow(), ctx.user_id, customer_id, data)
        return customers.update_vehicle(ctx.uow(), ctx.user_id, customer_id, vehicle.id, data)

    mileage = "" if vehicle is None or vehicle.mileage_km is None else str(vehicle.mileage_km)
    fields = [
        Field("vin", translate("RecordDialog", "VIN (17 characters, or the last 6 or more)"),
              value=_v(vehicle, "vin")),
        Field("plate", translate("RecordDialog", "Plate"), value=_v(vehicle, "plate")),
        Field("brand", translate("RecordDialog", "Brand"), value=_v(vehicle, "brand")),
        Field("model", translate("RecordDialog", "Model"), value=_v(vehicle, "model")),
        Field("mileage_km", translate("RecordDialog", "Mileage (km)"), value=mileage),
        Field(
            "purchase_date",
            translate("RecordDialog", "Purchased"),
            OPTIONAL_DATE,
            vehicle.purchase_date if vehicle else None,
        ),
    ]
    title = (
        translate("RecordDialog", "Add a vehicle")
        if vehicle is None
        else translate("RecordDialog", "Edit the vehicle")
    )
    return RecordDialog(title, fields, save, name="vehicleDialog", parent=parent)


def order_dialog(
    ctx: Any,
    customer_id: int,
    order: OrderInfo | None,
    vehicles: Sequence[VehicleInfo],
    *,
    parent: QWidget | None = None,
) -> RecordDialog:
    """Add an order or service visit (``order`` None) or edit one (its number stays)."""

    def save(v: dict[str, Any]) -> OrderInfo:
        data = customers.OrderInput(
            number=order.number if order else v["order_number"],
            kind=v["kind"],
            ordered_at=v["ordered_at"],
            amount=v["amount"] or 0,
            items=v["items"],
            vehicle_id=v["vehicle_id"],
        )
        if order is None:
            return customers.add_order(ctx.uow(), ctx.user_id, customer_id, data)
        return customers.update_order(ctx.uow(), ctx.user_id, customer_id, order.id, data)

    vehicle_choices = [(None, translate("RecordDialog", "None"))] + [
        (x.id, x.plate or formatting.vin_text(x.vin) if x.vin or x.plate
         else f"{x.brand} {x.model}".strip()) for x in vehicles
    ]
    amount = f"{order.amount_cents / 100:.2f}" if order else ""
    fields = []
    if order is None:
        fields.append(
            Field("order_number", translate("RecordDialog", "Number"), aliases=("number",))
        )
    fields += [
        Field(
            "kind",
            translate("RecordDialog", "Kind"),
            CHOICE,
            (order.kind if order else OrderKind.SERVICE).value,
            [(k.value, text) for k, text in labels.choices(OrderKind)],
            aliases=("order_kind",),
        ),
        Field(
            "ordered_at",
            translate("RecordDialog", "Date"),
            DATE,
            order.ordered_at if order else None,
        ),
        Field("amount", translate("RecordDialog", "Amount (yuan)"), value=amount),
        Field("items", translate("RecordDialog", "Items"), value=_v(order, "items")),
        Field(
            "vehicle_id",
            translate("RecordDialog", "Vehicle"),
            CHOICE,
            order.vehicle_id if order else None,
            vehicle_choices,
            aliases=("vehicle",),
        ),
    ]

    title = (
        translate("RecordDialog", "Add an order or service visit")
        if order is None
        else translate("RecordDialog", "Edit order %1").replace("%1", order.number)
    )
    return RecordDialog(title, fields, save, name="orderDialog", parent=parent)


def contact_dialog(
    ctx: Any, customer_id: int, contact: ContactInfo | None, *, parent: QWidget | None = None
) -> RecordDialog:
    """Add a contact person of a company customer (``contact`` None) or edit one."""

    def save(v: dict[str, Any]) -> ContactInfo:
        data = customers.ContactInput(
            name=v["contact_name"],
            role=v["role"],
            phone=v["contact_phone"],
            email=v["contact_email"],
        )
        if contact is None:
            return customers.add_contact(ctx.uow(), ctx.user_id, customer_id, data)
        return customers.update_contact(ctx.uow(), ctx.user_id, customer_id, contact.id, data)

    fields = [
        Field("contact_name", translate("RecordDialog", "Name"), value=_v(contact, "name")),
        Field("role", translate("RecordDialog", "Role"), value=_v(contact, "role")),
        Field(
            "contact_phone",
            translate("RecordDialog", "Phone"),
            value=_v(contact, "phone"),
            aliases=("phone",),
        ),
        Field(
            "contact_email",
            translate("RecordDialog", "E-mail"),
            value=_v(contact, "email"),
            aliases=("email",),
        ),
    ]
    title = (
        translate("RecordDialog", "Add a contact person")
        if contact is None
        else translate("RecordDialog", "Edit the contact person")
    )
    return RecordDialog(title, fields, save, name="contactDialog", parent=parent)


def _v(record: Any, name: str) -> str:
    return "" if record is None else str(getattr(record, name) or "")
