"""Issue 11 in the sheet form: a plate, VIN or order number typed into the customer
search picks that vehicle or order along with the customer."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from helpdesk.services import complaints, customers
from helpdesk.ui.complaints.form import SheetForm
from tests.ui.conftest import valid_vin
from tests.ui.helpers import activate, type_text


def _form(qtbot, ctx) -> SheetForm:
    form = SheetForm(ctx)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


@pytest.fixture
def fleet(ui_db, sample):
    """王五 with two vehicles and two orders (the list a desk had to pick from again)."""
    vins = [valid_vin("LSVAU2180N200001"), valid_vin("LSVAU2180N200002")]
    detail = customers.create_customer(ui_db.uow(), sample.staff.desk, customers.CustomerInput(
        name="王五", phones=("13700001111",),
        vehicles=(customers.VehicleInput(vin=vins[0], plate="沪B11111"),
                  customers.VehicleInput(vin=vins[1], plate="沪B22222")),
        orders=(customers.OrderInput(number="RO-7001", amount="100",
                                     ordered_at=date(2026, 10, 1)),
                customers.OrderInput(number="RO-7002", amount="200",
                                     ordered_at=date(2026, 10, 2)))))
    return detail


def _search_and_pick(qtbot, form: SheetForm, typed: str) -> None:
    form.finder.search_edit.clear()
    form.finder.customer = None
    type_text(qtbot, form.finder.search_edit, typed)
    popup = form.finder.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.finder.customer is not None, timeout=3000)


@pytest.mark.parametrize(("typed", "pick"), [
    ("沪b·22222", ("v", 1)),  # the plate, typed loosely
    ("B22222", ("v", 1)),  # without the province
    ("200001", ("v", 0)),  # the VIN's tail
    ("RO-7002", ("o", 1)),  # an order number
])
def test_the_searched_vehicle_or_order_is_chosen_with_the_customer(
        qtbot, make_ctx, sample, ui_db, fleet, typed, pick):
    form = _form(qtbot, make_ctx(sample.staff.desk))
    _search_and_pick(qtbot, form, typed)
    assert form.finder.customer.id == fleet.id
    kind, index = pick
    chosen = fleet.vehicles[index].id if kind == "v" else fleet.orders[index].id
    assert form.vehicle_combo.currentData() == f"{kind}:{chosen}"
    type_text(qtbot, form.description_edit, "车门异响")
    with qtbot.waitSignal(form.sheet_saved, timeout=3000) as saved:
        qtbot.keyClick(form.description_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    detail = complaints.get_sheet(ui_db.uow(), sample.staff.desk, saved.args[0])
    assert detail.customer_id == fleet.id
    if kind == "v":
        assert detail.vehicle is not None and detail.vehicle.id == chosen
    else:
        assert detail.order is not None and detail.order.id == chosen


def test_a_name_search_leaves_the_choice_to_the_desk(qtbot, make_ctx, sample, fleet):
    form = _form(qtbot, make_ctx(sample.staff.desk))
    _search_and_pick(qtbot, form, "王五")
    assert form.finder.matched_choice is None
    assert form.vehicle_combo.currentData() == ""  # two vehicles: nothing guessed
