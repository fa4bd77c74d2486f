"""Issue 11 in the sheet form: a plate, VIN or order number typed into the customer
search picks that vehicle or order along with the customer."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

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


# ---------------------------------------------------------------- attachments
def _png(path, colour=Qt.GlobalColor.red, size=(120, 80)):
    from PySide6.QtGui import QImage

    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path), "PNG")
    return path


def test_a_photo_dropped_onto_a_sheet_shows_as_a_thumbnail(qtbot, make_ctx, sample, ui_db,
                                                          tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    from helpdesk.services import attachments as att
    from tests.ui.helpers import when_modal

    form = SheetForm(make_ctx(sample.staff.desk), sheet_id=sample.registered)
    qtbot.addWidget(form)
    form.resize(1200, 900)
    activate(qtbot, form)
    panel = form.attachments_panel
    assert panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    photo = _png(tmp_path / "左后门.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    type_text(qtbot, panel.caption_edit, "左后门划痕")
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    stored = att.list_attachments(ui_db.uow(), sample.staff.desk, sample.registered)
    assert [(a.filename, a.caption) for a in stored] == [("左后门.png", "左后门划痕")]
    assert att.attachment_data(ui_db.uow(), sample.staff.desk, stored[0].id) == \
        photo.read_bytes()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=3000)
    assert not panel.list.item(0).icon().isNull()
    assert panel.list.item(0).text() == "左后门划痕"
    # A screenshot pasted from the clipboard.
    from PySide6.QtGui import QGuiApplication, QImage

    shot = QImage(50, 40, QImage.Format.Format_RGB32)
    shot.fill(Qt.GlobalColor.blue)
    QGuiApplication.clipboard().setImage(shot)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=3000)
    names = [a.filename for a in att.list_attachments(ui_db.uow(), sample.staff.desk,
                                                      sample.registered)]
    assert names[1].startswith("screenshot-") and names[1].endswith(".png")
    # Opening a picture shows it in the viewer.
    panel.list.setCurrentRow(0)
    seen = when_modal(lambda dialog: dialog.reject(), name="attachmentViewer")
    panel.open_current()
    assert seen and not seen[0].findChild(QLabel, "viewerImage").pixmap().isNull()


def test_only_a_manager_removes_an_attachment(qtbot, make_ctx, sample, ui_db):
    from helpdesk.services import attachments as att

    att.add_attachment(ui_db.uow(), sample.staff.desk, sample.in_progress, "a.txt", b"abc")
    desk = SheetForm(make_ctx(sample.staff.desk), sheet_id=sample.in_progress)
    qtbot.addWidget(desk)
    desk.attachments_panel.list.setCurrentRow(0)
    assert not desk.attachments_panel.remove_button.isEnabled()
    assert "service manager" in desk.attachments_panel.remove_button.toolTip().lower()
    manager = SheetForm(make_ctx(sample.staff.manager), sheet_id=sample.in_progress)
    qtbot.addWidget(manager)
    panel = manager.attachments_panel
    panel.list.setCurrentRow(0)
    assert panel.remove_button.isEnabled()
    assert panel.remove(panel.current().id, "拍错了")
    assert att.list_attachments(ui_db.uow(), sample.staff.desk, sample.in_progress) == []
    qtbot.waitUntil(lambda: desk.attachments_panel.list.count() == 0, timeout=3000)


def test_a_new_sheet_must_be_saved_before_files_are_added(qtbot, make_ctx, sample):
    form = _form(qtbot, make_ctx(sample.staff.desk))
    assert not form.attachments_panel.add_button.isEnabled()
    assert form.attachments_panel.hint_label.text().startswith("Save the sheet first")


# ---------------------------------------------------------------- CRM: first visit
def test_the_first_visit_after_delivery_is_recorded_from_the_call_list(
        qtbot, make_ctx, sample, ui_db):
    from helpdesk.services import analytics, common
    from helpdesk.services import settings as settings_svc
    from helpdesk.ui.customers.analytics_view import AnalyticsView

    settings_svc.reset_policy(ui_db.uow(), sample.staff.admin, sample.staff.store_id, "crm")
    buyer = customers.create_customer(ui_db.uow(), sample.staff.desk, customers.CustomerInput(
        name="钱七", phones=("13600001111",), orders=(customers.OrderInput(
            number="SO-9001", amount="500", ordered_at=common.now().date()),)))
    view = AnalyticsView(make_ctx(sample.staff.care))
    qtbot.addWidget(view)
    view.load_stores()
    view.refresh(background=False)
    model = view.visit_view.model()
    row = next(r for r in range(model.rowCount())
               if model.record(r).kind is analytics.VisitDueKind.FIRST_VISIT)
    assert not view.first_visit_button.isEnabled()
    view.visit_view.setCurrentIndex(model.index(row, 0))
    assert view.first_visit_button.isEnabled()
    assert view.record_first_visit(buyer.orders[0].id, 5, "很满意")
    view.refresh(background=False)
    assert all(model.record(r).kind is not analytics.VisitDueKind.FIRST_VISIT
               for r in range(model.rowCount()))
