"""Editing a customer's record in the app (issue 15): vehicles, orders and contacts are
added and edited through their forms, checked through the services; unsaved profile
edits are never dropped silently."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton

from helpdesk.domain.customers import CustomerKind
from helpdesk.services import analytics, customers
from helpdesk.ui.customers import CustomerBrowser
from helpdesk.ui.customers.detail import CustomerDetailPanel
from tests.ui.conftest import valid_vin
from tests.ui.helpers import child, type_text, when_modal

NEW_VIN = valid_vin("LSVAU2180N218329")


@pytest.fixture(autouse=True)
def _fresh_classification():
    analytics.clear_cache()
    yield
    analytics.clear_cache()


def _ok(dialog) -> None:
    buttons = child(dialog, QDialogButtonBox, "recordButtons")
    qt_ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qt_ok.click()


def test_add_a_vehicle_in_the_app(qtbot, make_ctx, sample):
    panel = CustomerDetailPanel(make_ctx(sample.staff.desk))
    qtbot.addWidget(panel)
    panel.show_customer(sample.li, background=False)
    refused: list[str] = []

    def fill(dialog) -> None:
        vin = child(dialog, QLineEdit, "field_vin")
        type_text(qtbot, vin, NEW_VIN[:-1] + ("0" if NEW_VIN[-1] != "0" else "1"))
        type_text(qtbot, child(dialog, QLineEdit, "field_plate"), "粤B·D12345")
        type_text(qtbot, child(dialog, QLineEdit, "field_brand"), "比亚迪")
        type_text(qtbot, child(dialog, QLineEdit, "field_mileage_km"), "12,000")
        _ok(dialog)  # a wrong check digit: refused at the field, the dialog stays
        refused.append(child(dialog, QLabel, "error_vin").text())
        assert dialog.isVisible()
        vin.clear()
        type_text(qtbot, vin, NEW_VIN)
        _ok(dialog)

    seen = when_modal(fill, name="vehicleDialog")
    qtbot.mouseClick(child(panel, QPushButton, "addVehicleButton"), Qt.MouseButton.LeftButton)
    assert seen and refused and refused[0]
    li = customers.get_customer(panel._ctx.uow(), sample.staff.manager, sample.li)
    assert [(v.vin, v.plate, v.brand, v.mileage_km) for v in li.vehicles] == \
        [(NEW_VIN, "粤BD12345", "比亚迪", 12000)]
    assert panel._vehicles.records[0].vin == NEW_VIN  # the list shows it


def test_retire_and_edit_a_vehicle(qtbot, make_ctx, sample):
    panel = CustomerDetailPanel(make_ctx(sample.staff.desk))
    qtbot.addWidget(panel)
    panel.show_customer(sample.zhang, background=False)
    panel._vehicles_view.selectRow(0)

    def edit(dialog) -> None:
        plate = child(dialog, QLineEdit, "field_plate")
        plate.clear()
        type_text(qtbot, plate, "京B54321")
        _ok(dialog)

    when_modal(edit, name="vehicleDialog")
    assert panel.edit_vehicle()
    panel._vehicles_view.selectRow(0)
    assert panel.retire_vehicle()
    zhang = customers.get_customer(panel._ctx.uow(), sample.staff.manager, sample.zhang)
    assert zhang.vehicles[0].plate == "京B54321"
    assert zhang.vehicles[0].retired_on is not None


def test_add_an_order_and_a_contact(qtbot, make_ctx, sample, ui_db):
    company = customers.create_customer(ui_db.uow(), sample.staff.desk, customers.CustomerInput(
        name="深圳市金满楼酒店", phones=("075586001234",), kind=CustomerKind.COMPANY))
    panel = CustomerDetailPanel(make_ctx(sample.staff.desk))
    qtbot.addWidget(panel)
    panel.show_customer(company.id, background=False)

    def order(dialog) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "field_order_number"), "RO-2026-0815")
        type_text(qtbot, child(dialog, QLineEdit, "field_amount"), "1,280.50")
        type_text(qtbot, child(dialog, QLineEdit, "field_items"), "年度保养")
        _ok(dialog)

    when_modal(order, name="orderDialog")
    assert panel.add_order()

    def contact(dialog) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "field_contact_name"), "李经理")
        type_text(qtbot, child(dialog, QLineEdit, "field_role"), "采购")
        type_text(qtbot, child(dialog, QLineEdit, "field_contact_phone"), "13800001111")
        _ok(dialog)

    when_modal(contact, name="contactDialog")
    qtbot.mouseClick(child(panel, QPushButton, "addContactButton"), Qt.MouseButton.LeftButton)
    saved = customers.get_customer(ui_db.uow(), sample.staff.manager, company.id)
    assert [(o.number, o.amount_cents, o.items) for o in saved.orders] == \
        [("RO-2026-0815", 128050, "年度保养")]
    assert [(c.name, c.role, c.phone) for c in saved.contacts] == \
        [("李经理", "采购", "+8613800001111")]


def test_unsaved_profile_edits_are_not_lost_when_another_customer_is_chosen(
        qtbot, make_ctx, sample):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    browser.run_search(background=False)
    qtbot.waitUntil(lambda: browser.detail.customer is not None, timeout=5000)
    first = browser.detail.customer
    email = child(browser.detail, QLineEdit, "field_email")
    email.setText("new@example.cn")
    assert browser.detail.has_unsaved_changes()
    other_row = 1 if browser.model.customer_id(0) == first.id else 0

    # Cancel: the panel stays on the customer being edited, with the edit.
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click(),
               name="unsavedChanges")
    browser.table.selectRow(other_row)
    assert browser.detail.customer.id == first.id and email.text() == "new@example.cn"
    # Save: the edit is saved, then the other customer is shown.
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click(),
               name="unsavedChanges")
    browser.table.selectRow(other_row)
    qtbot.waitUntil(lambda: browser.detail.customer.id != first.id, timeout=5000)
    saved = customers.get_customer(browser._ctx.uow(), sample.staff.manager, first.id)
    assert saved.email == "new@example.cn"


def test_a_retired_vehicle_is_not_offered_for_a_new_complaint(qtbot, make_ctx, sample, ui_db):
    from helpdesk.ui import widgets
    from helpdesk.ui.complaints.panels import VehiclePanel

    customers.retire_vehicle(ui_db.uow(), sample.staff.desk, sample.zhang, sample.zhang_vehicle)
    zhang = customers.get_customer(ui_db.uow(), sample.staff.desk, sample.zhang)
    panel = VehiclePanel(widgets.FieldErrors())
    qtbot.addWidget(panel)
    panel.offer(zhang, None, offer_new=True)
    assert panel.vehicle_combo.findData(f"v:{sample.zhang_vehicle}") < 0
    panel.choose_only(zhang)
    assert panel.vehicle_combo.currentData() == ""  # nothing chosen for the user
    # A sheet that already has the vehicle still shows it.
    panel.offer(zhang, f"v:{sample.zhang_vehicle}", offer_new=False)
    assert panel.vehicle_combo.currentData() == f"v:{sample.zhang_vehicle}"


def test_the_id_number_is_typed_checked_at_its_field_and_masked(qtbot, make_ctx, sample,
                                                                   ui_db):
    """Issue 15: the record's ID number field — a wrong check character is refused at
    the field in the user's words; a right one is saved normalised; a role without the
    right to see personal data sees it masked."""
    ctx = make_ctx(sample.staff.desk)
    panel = CustomerDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_customer(sample.li, background=False)
    field = child(panel, QLineEdit, "field_national_id")
    type_text(qtbot, field, "110105194912310021")
    child(panel, QPushButton, "saveCustomerButton").click()
    error = child(panel, QLabel, "error_national_id")
    assert not error.isHidden() and "X" in error.text()
    assert customers.get_customer(ui_db.uow(), sample.staff.desk, sample.li).national_id == ""

    field.clear()
    type_text(qtbot, field, "110105 19491231 002x")
    with qtbot.waitSignal(ctx.bus.changed, timeout=2000):
        child(panel, QPushButton, "saveCustomerButton").click()
    assert error.isHidden()
    assert customers.get_customer(ui_db.uow(), sample.staff.desk, sample.li).national_id \
        == "11010519491231002X"

    gm = CustomerDetailPanel(make_ctx(sample.staff.gm))
    qtbot.addWidget(gm)
    gm.show_customer(sample.li, background=False)
    assert child(gm, QLineEdit, "field_national_id").text() == "1101**********002X"


def test_a_vin_tail_is_kept_and_shown_incomplete(qtbot, make_ctx, sample):
    """Issue 10: the last 8 of a VIN (from a paper ledger) is a vehicle of its own,
    flagged incomplete in the list; the brand alone is one too."""
    panel = CustomerDetailPanel(make_ctx(sample.staff.desk))
    qtbot.addWidget(panel)
    panel.show_customer(sample.li, background=False)

    def tail(dialog) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "field_vin"), "m3000777")
        _ok(dialog)

    def brand_only(dialog) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "field_brand"), "比亚迪")
        _ok(dialog)

    for fill in (tail, brand_only):
        seen = when_modal(fill, name="vehicleDialog")
        qtbot.mouseClick(child(panel, QPushButton, "addVehicleButton"),
                         Qt.MouseButton.LeftButton)
        assert seen
    li = customers.get_customer(panel._ctx.uow(), sample.staff.manager, sample.li)
    assert sorted((v.vin, v.brand, v.vin_complete) for v in li.vehicles) == \
        [("", "比亚迪", False), ("M3000777", "", False)]
    shown = {panel._vehicles.data(panel._vehicles.index(row, 1))
             for row in range(panel._vehicles.rowCount())}
    assert shown == {"M3000777 (incomplete)", "(no VIN)"}
    found = customers.find_customers(panel._ctx.uow(), sample.staff.desk, "3000777")
    assert [c.id for c in found] == [sample.li]
