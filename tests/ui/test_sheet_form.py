"""The complaint sheet form driven like a person: typing, clicking, shortcuts; then the
database is checked through the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from helpdesk.domain.complaints import Action, SheetState
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import complaints, customers, drafts
from helpdesk.ui import formatting
from helpdesk.ui.complaints.form import SheetForm, SheetWindow
from tests.ui.helpers import activate, child, type_text, when_modal


def _form(qtbot, ctx, **kwargs) -> SheetForm:
    form = SheetForm(ctx, **kwargs)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


def _pick_customer(qtbot, form: SheetForm, typed: str) -> None:
    type_text(qtbot, form.finder.search_edit, typed)
    popup = form.finder.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.finder.customer is not None, timeout=3000)


def _sheet_ids(ui_db, user_id: int) -> list[int]:
    return complaints.list_sheet_ids(ui_db.uow(), user_id, SheetFilter())


def test_register_a_sheet_by_typing(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    before = set(_sheet_ids(ui_db, sample.staff.desk))
    _pick_customer(qtbot, form, "zs")  # pinyin initials of 张三
    assert form.finder.customer.name == "张三"
    # The customer's only vehicle is offered and chosen.
    assert form.vehicle_combo.currentData() == f"v:{sample.zhang_vehicle}"
    qtbot.keyClicks(form.mileage_edit, "35,000")
    form.severity_combo.setCurrentIndex(form.severity_combo.findData("major"))
    type_text(qtbot, form.description_edit, "空调不制冷，刚修过又坏了")
    type_text(qtbot, form.request_edit, "免费维修")
    with qtbot.waitSignal(form.sheet_saved, timeout=3000) as saved:
        qtbot.keyClick(form.description_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    new_ids = set(_sheet_ids(ui_db, sample.staff.desk)) - before
    assert new_ids == {saved.args[0]}
    detail = complaints.get_sheet(ui_db.uow(), sample.staff.desk, saved.args[0])
    assert detail.customer_id == sample.zhang
    assert detail.vehicle is not None and detail.vehicle.plate == "京A12345"
    assert detail.description == "空调不制冷，刚修过又坏了"
    assert detail.customer_request == "免费维修"
    assert detail.mileage_km == 35000
    assert detail.severity.value == "major"
    # The form now shows the saved sheet with its number and deadlines.
    assert form.title_label.text() == detail.number
    assert form.response_due_label.text() != ""
    assert not form.dirty


def test_register_with_a_new_customer_and_vehicle_in_one_go(qtbot, make_ctx, sample, ui_db):
    from tests.ui.conftest import valid_vin

    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    qtbot.mouseClick(form.finder.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.finder.name_edit, "赵六")
    qtbot.keyClicks(form.finder.phone_edit, "137 0000 1111")
    form.vehicle_combo.setCurrentIndex(form.vehicle_combo.findData("new"))
    vin = valid_vin("LSVAA4182E200001")
    qtbot.keyClicks(form.vin_edit, vin.lower())
    type_text(qtbot, form.plate_edit, "粤b·d12345")
    type_text(qtbot, form.description_edit, "交车时漆面有划痕")
    assert form.save()
    detail = form.detail
    assert detail.customer_name == "赵六"
    assert detail.vehicle.vin == vin and detail.vehicle.plate == "粤BD12345"
    found = customers.find_customers(ui_db.uow(), sample.staff.desk, "1111")
    assert [c.name for c in found] == ["赵六"]


def test_each_validation_error_lands_on_its_field(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    before = _sheet_ids(ui_db, sample.staff.desk)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.findChild(type(form.title_label), "error_customer").isVisible()
    assert form.errors.label("customer").text() == "Find or create the customer first."
    assert form.errors.label("description").text() == "This field is required."
    assert form.description_edit.property("invalid") is True
    # The cursor goes to the first field in error.
    assert form.focusWidget() is form.finder.search_edit

    qtbot.mouseClick(form.finder.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.finder.name_edit, "'; DROP TABLE sheets; --")
    qtbot.keyClicks(form.finder.phone_edit, "abc")
    form.vehicle_combo.setCurrentIndex(form.vehicle_combo.findData("new"))
    qtbot.keyClicks(form.vin_edit, "LSVA4")  # too short even for a partial VIN
    qtbot.keyClicks(form.plate_edit, "ABC")
    type_text(qtbot, form.mileage_edit, "很多")
    type_text(qtbot, form.description_edit, "发动机异响")
    assert not form.save()
    assert form.errors.label("phone").text().startswith("abc is not a valid phone number")
    assert "has 5 characters" in form.errors.label("vin").text()
    assert "not a Chinese plate number" in form.errors.label("plate").text()
    assert form.errors.label("mileage_km").text() == \
        "The mileage must be a whole number of kilometres."
    assert not form.errors.label("description").isVisible()
    assert not form.errors.label("customer").isVisible()  # the new customer's fields say it
    assert form.focusWidget() is form.finder.phone_edit
    # Nothing was saved half-way: no sheet, no customer.
    assert _sheet_ids(ui_db, sample.staff.desk) == before
    assert customers.find_customers(ui_db.uow(), sample.staff.desk, "DROP") == []


def test_full_width_and_huge_input(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    _pick_customer(qtbot, form, "１３９１２３４５６７８")  # full-width digits find 李四
    assert form.finder.customer.name == "李四"
    form.description_edit.setPlainText("长" * 4001)
    assert not form.save()
    assert form.errors.label("description").text() == \
        "The text has 4001 characters; at most 4000 are allowed."
    form.description_edit.setPlainText("等了三个小时")
    assert form.save()


def test_empty_words_measure_is_refused_on_its_field(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _form(qtbot, ctx, sheet_id=sample.in_progress)
    assert not form.measure_edit.isReadOnly()
    type_text(qtbot, form.root_cause_edit, "配件订货晚了两天，仓库没有安全库存")
    type_text(qtbot, form.measure_edit, "加强培训，以后注意")
    qtbot.keyClicks(form.compensation_edit, "12.345")
    assert not form.save()
    assert form.errors.label("long_term_measure").text().startswith(
        "“加强培训”、“以后注意” is not a concrete measure") or \
        "加强培训" in form.errors.label("long_term_measure").text()
    assert "more than two decimals" in form.errors.label("compensation").text()
    assert not form.errors.label("root_cause").isVisible()
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.manager, sample.in_progress)
    assert saved.root_cause == ""  # nothing half-saved


def test_resolve_marks_every_missing_part(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _form(qtbot, ctx, sheet_id=sample.in_progress)
    button = form.action_buttons[Action.RESOLVE]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    for key in ("root_cause", "correction", "long_term_measure"):
        assert form.errors.label(key).isVisible(), key
    assert form.focusWidget() is form.root_cause_edit
    assert complaints.get_sheet(ui_db.uow(), sample.staff.manager,
                                sample.in_progress).state is SheetState.IN_PROGRESS


def test_work_a_sheet_through_to_resolved(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _form(qtbot, ctx, sheet_id=sample.registered)
    qtbot.mouseClick(form.action_buttons[Action.ACKNOWLEDGE], Qt.MouseButton.LeftButton)
    assert form.detail.state is SheetState.ACKNOWLEDGED
    assert "late" in form.response_left_label.text()  # answered after the deadline
    form.area_combo.setCurrentIndex(form.area_combo.findData("technical"))
    form.person_combo.setCurrentIndex(form.person_combo.findData(sample.staff.manager))
    qtbot.mouseClick(form.action_buttons[Action.ASSIGN], Qt.MouseButton.LeftButton)
    assert form.detail.state is SheetState.IN_PROGRESS
    type_text(qtbot, form.progress_edit, "已联系客户，约定明天进店检查")
    qtbot.keyClick(form.progress_edit, Qt.Key.Key_Return)
    assert [p.text for p in form.detail.progress] == ["已联系客户，约定明天进店检查"]
    type_text(qtbot, form.root_cause_edit, "火花塞型号装错，技师未核对配件目录")
    type_text(qtbot, form.correction_edit, "更换正确型号火花塞，免工时费")
    type_text(qtbot, form.measure_edit, "配件出库前扫码核对车型，由配件经理负责，下月1日起执行")
    qtbot.mouseClick(form.action_buttons[Action.RESOLVE], Qt.MouseButton.LeftButton)
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.manager, sample.registered)
    assert saved.state is SheetState.RESOLVED
    assert saved.root_cause == "火花塞型号装错，技师未核对配件目录"
    assert saved.responsible_name == "陈刚"


def test_front_desk_cannot_close_and_sees_why(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx, sheet_id=sample.visited)
    close = form.action_buttons[Action.CLOSE]
    assert not close.isEnabled()
    assert close.toolTip() == "Only Service director may close complaint sheets."
    resolve = form.action_buttons[Action.RESOLVE]
    assert resolve.toolTip().startswith("Possible only when the sheet is: In progress")
    # The analysis is read-only for the desk, and says why.
    assert form.root_cause_edit.isReadOnly()
    assert "may record the root cause" in form.analysis_box.toolTip()


def test_the_director_closes(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.director)
    form = _form(qtbot, ctx, sheet_id=sample.visited)
    close = form.action_buttons[Action.CLOSE]
    assert close.isEnabled()

    def fill(dialog):
        type_text(qtbot, child(dialog, QPlainTextEdit, "remarkEdit"), "客户满意，同意关闭")
        qtbot.mouseClick(child(dialog, QPushButton, "okButton"), Qt.MouseButton.LeftButton)

    seen = when_modal(fill)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert seen
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.director, sample.visited)
    assert saved.state is SheetState.CLOSED
    assert saved.closed_by_name == "李建国"
    assert saved.closing_remark == "客户满意，同意关闭"
    assert form.closeout_box.isVisible()
    assert form.action_buttons[Action.REOPEN].isEnabled()


def test_return_visit_dialog_refuses_a_missing_score(qtbot, make_ctx, sample, ui_db):
    complaints.reopen(ui_db.uow(), sample.staff.director, sample.visited, "客户又来电")
    complaints.resolve(ui_db.uow(), sample.staff.manager, sample.visited)
    ctx = make_ctx(sample.staff.care)
    form = _form(qtbot, ctx, sheet_id=sample.visited)
    steps: list[str] = []

    def first(dialog):
        qtbot.mouseClick(child(dialog, QPushButton, "okButton"), Qt.MouseButton.LeftButton)
        label = dialog.findChild(type(form.title_label), "error_satisfaction")
        steps.append(label.text())
        spin = child(dialog, QSpinBox, "satisfactionSpin")
        spin.setValue(4)
        type_text(qtbot, child(dialog, QPlainTextEdit, "feedbackEdit"), "基本满意")
        qtbot.mouseClick(child(dialog, QPushButton, "okButton"), Qt.MouseButton.LeftButton)

    when_modal(first)
    qtbot.mouseClick(form.action_buttons[Action.RETURN_VISIT], Qt.MouseButton.LeftButton)
    assert steps and "satisfaction score" in steps[0]
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.care, sample.visited)
    assert saved.state is SheetState.VISITED
    assert [(v.satisfaction, v.feedback) for v in saved.visits][-1] == (4, "基本满意")


def test_draft_is_restored_after_a_crash(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = SheetForm(ctx)  # gone below (a save's event loop deletes it): not the bot's
    form.resize(1200, 800)
    activate(qtbot, form)
    _pick_customer(qtbot, form, "李四")
    type_text(qtbot, form.description_edit, "电话一直没人接")
    form.save_draft()
    # The program dies: no close, no save.
    form.hide()
    form.deleteLater()
    found = drafts.list_drafts(ctx.database_description, "desk")
    assert len(found) == 1
    restored = _form(qtbot, ctx, draft=found[0])
    assert restored.description_edit.toPlainText() == "电话一直没人接"
    assert restored.finder.customer.name == "李四"
    assert restored.save()
    assert restored.detail.description == "电话一直没人接"
    assert drafts.list_drafts(ctx.database_description, "desk") == []


def test_draft_of_an_existing_sheet_keeps_its_version(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = SheetForm(ctx, sheet_id=sample.in_progress)  # gone below: not the bot's to close
    form.resize(1200, 800)
    activate(qtbot, form)
    type_text(qtbot, form.root_cause_edit, "配件订货晚了两天，仓库没有安全库存")
    form.save_draft()
    form.deleteLater()
    # Meanwhile somebody else saves the sheet.
    complaints.add_progress(ui_db.uow(), sample.staff.director, sample.in_progress, "催配件")
    draft = drafts.list_drafts(ctx.database_description, "manager")[0]
    restored = _form(qtbot, ctx, draft=draft)
    assert restored.root_cause_edit.toPlainText() == "配件订货晚了两天，仓库没有安全库存"
    seen = when_modal(lambda d: qtbot.mouseClick(child(d, QPushButton, "keepButton"),
                                                 Qt.MouseButton.LeftButton))
    assert not restored.save()  # refused: the draft was typed against the old version
    assert seen and seen[0].objectName() == "conflictDialog"


def test_conflicting_save_is_refused_and_compared(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _form(qtbot, ctx, sheet_id=sample.in_progress)
    # A second desk (the director) saves the same sheet first.
    complaints.record_analysis(ui_db.uow(), sample.staff.director, sample.in_progress,
                               root_cause="供应商发货延误，未及时通知客户")
    type_text(qtbot, form.root_cause_edit, "仓库漏订配件，系统没有提醒")
    texts: list[str] = []
    rows: list[list[str]] = []

    def on_conflict(dialog):
        texts.append(dialog.findChild(type(form.title_label), "conflictText").text())

        def on_compare(compare):
            table = compare.table
            for r in range(table.rowCount()):
                rows.append([table.item(r, c).text() for c in range(3)])
            compare.reject()

        when_modal(on_compare)
        qtbot.mouseClick(child(dialog, QPushButton, "compareButton"),
                         Qt.MouseButton.LeftButton)

    when_modal(on_conflict)
    assert not form.save()
    assert texts and texts[0].startswith("李建国 saved this sheet at 2026-11-18 10:00")
    assert ["Root cause", "仓库漏订配件，系统没有提醒", "供应商发货延误，未及时通知客户"] in rows
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.manager, sample.in_progress)
    assert saved.root_cause == "供应商发货延误，未及时通知客户"  # never silently overwritten
    assert form.dirty  # the user's input is still there
    form.reload()
    assert form.root_cause_edit.toPlainText() == "供应商发货延误，未及时通知客户"


def test_esc_closes_the_window_and_asks_about_unsaved_input(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    window = SheetWindow(ctx, sheet_id=sample.registered)
    qtbot.addWidget(window)
    activate(qtbot, window)
    type_text(qtbot, window.form.request_edit, "尽快")
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.keyClick(window.form.request_edit, Qt.Key.Key_Escape)
    assert seen and window.isVisible()  # cancelled: still open
    window.form.request_edit.clear()
    qtbot.keyClick(window.form.request_edit, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_print_button_only_with_a_printer(qtbot, make_ctx, sample):
    printed: list[int] = []
    ctx = make_ctx(sample.staff.desk)
    without = SheetForm(ctx, sheet_id=sample.registered)
    assert not without.print_button.isVisibleTo(without)
    without.deleteLater()
    form = _form(qtbot, ctx, sheet_id=sample.registered, print_sheet=printed.append)
    assert form.print_button.isVisibleTo(form)
    qtbot.keyClick(form.description_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [sample.registered]


def test_buttons_have_standard_keys(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    assert form.findChild(QLineEdit, "customerSearch") is form.finder.search_edit
    box = QDialogButtonBox  # imported for the dialogs' standard buttons
    assert box is not None


def test_a_customers_only_vehicle_is_chosen_even_with_service_orders(qtbot, make_ctx, sample,
                                                                     ui_db):
    # At a dealership every service visit is an order; the complaint is still about the car.
    from helpdesk.services.customers import CustomerInput, OrderInput, VehicleInput
    from tests.ui.conftest import valid_vin

    made = customers.create_customer(ui_db.uow(), sample.staff.desk, CustomerInput(
        name="欧阳娜娜", phones=("13700001111",),
        vehicles=(VehicleInput(vin=valid_vin("LSVAU2180N218329"), plate="粤B12345"),),
        orders=(OrderInput(number="RO-2026-0099", amount="680.00"),)))
    form = _form(qtbot, make_ctx(sample.staff.desk))
    _pick_customer(qtbot, form, "oynn")
    assert form.finder.customer.id == made.id
    assert form.vehicle_combo.currentData() == f"v:{made.vehicles[0].id}"


def test_a_waiting_sheet_reads_the_same_in_the_form_as_in_the_list(qtbot, make_ctx, sample,
                                                                   ui_db, clock):
    """Issue 8: waiting for the customer stops the clock. Its stored deadline passing
    during the wait leaves it paused in the form exactly as in the list and the counts."""
    manager = sample.staff.manager
    complaints.wait_for_customer(ui_db.uow(), manager, sample.in_progress, "客户出差两周")
    stored = complaints.get_sheet(ui_db.uow(), manager, sample.in_progress).resolution_due_at
    clock.advance(days=14)  # far past the stored deadline, still waiting
    assert clock() > stored
    form = _form(qtbot, make_ctx(manager), sheet_id=sample.in_progress)
    row = complaints.sheet_rows(ui_db.uow(), [sample.in_progress])[0]
    listed = formatting.time_left(row.state, row.response_due_at, row.resolution_due_at,
                                  row.acknowledged_at, row.resolved_at, clock(),
                                  waiting_since=row.waiting_since)
    assert listed.urgency is formatting.Urgency.PAUSED
    assert form.resolution_left_label.property("urgency") == listed.urgency.value
    assert form.resolution_left_label.text() == listed.text
    assert sample.in_progress not in complaints.list_sheet_ids(
        ui_db.uow(), manager, SheetFilter(due=DueFilter.OVERDUE))
    # A form left open: the clock runs on (a timer tick), the time left stands still.
    clock.advance(days=7)
    form._sla_timer.timeout.emit()
    assert form.resolution_left_label.text() == listed.text
    assert form.resolution_left_label.property("urgency") == formatting.Urgency.PAUSED.value
