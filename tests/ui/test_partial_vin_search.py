"""The sheet form's search finds a vehicle known only by its VIN tail and picks it
(issue 10): the clerk types the last characters written on the paper ledger."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpdesk.services import customers
from helpdesk.ui.complaints.form import SheetForm
from tests.ui.helpers import activate, type_text


def test_the_sheet_form_finds_a_vin_tail_and_picks_that_vehicle(qtbot, make_ctx, sample, ui_db):
    tail = customers.add_vehicle(ui_db.uow(), sample.staff.manager, sample.li,
                                 customers.VehicleInput(vin="K8765432", brand="大众"))
    form = SheetForm(make_ctx(sample.staff.desk))
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    type_text(qtbot, form.finder.search_edit, "765432")
    popup = form.finder.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.finder.customer is not None, timeout=3000)
    assert form.finder.customer.id == sample.li
    assert form.vehicle_combo.currentData() == f"v:{tail.id}"
    assert "K8765432 (incomplete)" in form.vehicle_combo.currentText()
