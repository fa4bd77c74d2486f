"""The sheet form's panels: editable exactly as the services say (``SheetDetail.may_*``),
and following the change feed (``ctx.bus.changed``) like the other views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from helpdesk.domain.complaints import Action, ResponsibleArea
from helpdesk.domain.errors import ValidationErrors
from helpdesk.domain.events import Changes
from helpdesk.services import complaints
from helpdesk.services import settings as settings_svc
from helpdesk.ui.complaints.form import SheetForm
from tests.ui.helpers import activate, type_text


def _form(qtbot, ctx, **kwargs) -> SheetForm:
    form = SheetForm(ctx, **kwargs)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


def _identity_editable(form: SheetForm) -> bool:
    return form.channel_combo.isEnabled() and form.category_combo.isEnabled() and \
        form.vehicle_combo.isEnabled() and form.mileage_edit.isEnabled() and \
        not form.description_edit.isReadOnly() and not form.finder.search_edit.isReadOnly()


def _analysis_editable(form: SheetForm) -> bool:
    return not form.root_cause_edit.isReadOnly() and not form.measure_edit.isReadOnly() and \
        form.compensation_edit.isEnabled() and form.analysis.rework_check.isEnabled()


def test_a_closed_sheet_is_read_only_everywhere(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.director)  # may do everything, but the sheet is closed
    form = _form(qtbot, ctx, sheet_id=sample.closed)
    before = complaints.get_sheet(ui_db.uow(), sample.staff.director, sample.closed)
    assert not _identity_editable(form)
    assert not _analysis_editable(form)
    assert not form.area_combo.isEnabled() and not form.person_combo.isEnabled()
    assert not form.actions.add_action_button.isEnabled()
    assert not form.progress_edit.isEnabled()
    assert not form.progress.add_progress_button.isEnabled()
    assert not form.save_button.isEnabled()
    for box in (form.identity_box, form.complaint_box, form.analysis_box):
        assert "closed" in box.toolTip(), box.objectName()
    # Typing goes nowhere (a read-only field takes no keys; the input method is not
    # offered one) and Ctrl+S saves nothing.
    assert not form.description_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    qtbot.keyClicks(form.description_edit, "more dirt")
    assert form.description_edit.toPlainText() == before.description
    with qtbot.assertNotEmitted(form.sheet_saved):
        qtbot.keyClick(form.description_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    after = complaints.get_sheet(ui_db.uow(), sample.staff.director, sample.closed)
    assert after.version == before.version
    # Reopening (the director may) makes it workable again.
    assert form.action_buttons[Action.REOPEN].isEnabled()


def test_the_responsible_front_desk_advisor_works_the_analysis(qtbot, make_ctx, sample,
                                                               ui_db):
    ctx = make_ctx(sample.staff.desk)
    before = _form(qtbot, ctx, sheet_id=sample.registered)
    assert not _analysis_editable(before)  # not theirs yet: the desk may not analyse
    before.deleteLater()
    complaints.assign(ui_db.uow(), sample.staff.manager, sample.registered,
                      ResponsibleArea.SERVICE, sample.staff.desk)
    form = _form(qtbot, ctx, sheet_id=sample.registered)
    assert _analysis_editable(form)
    assert form.actions.add_action_button.isEnabled()
    # Assigning stays with the managers.
    assert not form.area_combo.isEnabled()
    assert form.analysis_box.toolTip() == ""
    type_text(qtbot, form.correction_edit, "已向客户道歉并免费检查")
    assert form.save()
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.desk, sample.registered)
    assert saved.correction == "已向客户道歉并免费检查"


def test_the_general_manager_cannot_be_made_responsible(qtbot, make_ctx, sample, ui_db):
    # Responsible staff work the sheet (log progress); the general manager and the
    # administrator do not, so they are neither offered nor accepted.
    with pytest.raises(ValidationErrors) as refused:
        complaints.assign(ui_db.uow(), sample.staff.manager, sample.registered,
                          ResponsibleArea.SALES, sample.staff.gm)
    assert [e.code for e in refused.value.errors] == ["assign.not_responsible"]
    form = _form(qtbot, make_ctx(sample.staff.manager), sheet_id=sample.registered)
    offered = [form.person_combo.itemData(i) for i in range(1, form.person_combo.count())]
    assert sample.staff.gm not in offered and sample.staff.manager in offered


@pytest.mark.parametrize("who", ["manager", "desk", "care", "gm"])
@pytest.mark.parametrize("which", ["registered", "in_progress", "closed"])
def test_the_form_shows_what_the_service_says(qtbot, make_ctx, sample, ui_db, who, which):
    user = getattr(sample.staff, who)
    sheet_id = getattr(sample, which)
    detail = complaints.get_sheet(ui_db.uow(), user, sheet_id)
    form = _form(qtbot, make_ctx(user), sheet_id=sheet_id)
    assert _identity_editable(form) == detail.may_edit_identity.allowed
    assert _analysis_editable(form) == detail.may_record_analysis.allowed
    assert form.progress_edit.isEnabled() == detail.may_add_progress.allowed
    assert form.area_combo.isEnabled() == detail.may_assign.allowed
    assert form.actions.add_action_button.isEnabled() == detail.may_manage_actions.allowed
    assert form.save_button.isEnabled() == (detail.may_edit_identity.allowed or
                                            detail.may_record_analysis.allowed)


def test_a_new_sheet_asks_the_service_whether_it_may_be_registered(qtbot, make_ctx, sample):
    desk = _form(qtbot, make_ctx(sample.staff.desk))
    assert _identity_editable(desk) and desk.save_button.isEnabled()
    gm = _form(qtbot, make_ctx(sample.staff.gm))
    assert not _identity_editable(gm) and not gm.save_button.isEnabled()


def test_a_new_category_appears_and_the_typing_stays(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = _form(qtbot, ctx)
    form.category_combo.setCurrentIndex(form.category_combo.findData("repair_quality"))
    type_text(qtbot, form.description_edit, "保养后仪表盘报警")
    assert form.category_combo.findData("paint_damage") < 0
    categories = settings_svc.get_categories(ui_db.uow())
    settings_svc.save_categories(ui_db.uow(), sample.staff.admin, [
        *(settings_svc.CategoryInput(code, *names) for code, names in categories.items()),
        settings_svc.CategoryInput("paint_damage", "漆面损伤", "漆面損傷", "Paint damage")])
    ctx.bus.changed.emit(Changes(settings=True))
    index = form.category_combo.findData("paint_damage")
    assert index >= 0 and form.category_combo.itemText(index) == "Paint damage"
    assert form.category_combo.currentData() == "repair_quality"
    assert form.description_edit.toPlainText() == "保养后仪表盘报警"
    # Registered with the input kept through the refresh.
    form.category_combo.setCurrentIndex(index)
    _pick = form.finder
    type_text(qtbot, _pick.search_edit, "李四")
    qtbot.waitUntil(_pick.completer.popup().isVisible, timeout=3000)
    qtbot.keyClick(_pick.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(_pick.completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _pick.customer is not None, timeout=3000)
    assert form.save()
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.desk, form.detail.id)
    assert (saved.category, saved.description) == ("paint_damage", "保养后仪表盘报警")


def test_someone_elses_change_is_shown_unless_the_user_is_typing(qtbot, make_ctx, sample,
                                                                 ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _form(qtbot, ctx, sheet_id=sample.in_progress)
    complaints.add_progress(ui_db.uow(), sample.staff.director, sample.in_progress, "催配件")
    ctx.bus.changed.emit(Changes(sheet_ids=frozenset({sample.registered})))  # not ours
    assert form.progress.progress_table.rowCount() == 0
    ctx.bus.changed.emit(Changes(sheet_ids=frozenset({sample.in_progress})))
    assert form.progress.progress_table.rowCount() == 1
    assert form.progress.progress_table.item(0, 2).text() == "催配件"
    # With unsaved input the sheet is left alone (a reload would throw the input away).
    type_text(qtbot, form.root_cause_edit, "供应商发货延误")
    version = form.detail.version
    complaints.add_progress(ui_db.uow(), sample.staff.director, sample.in_progress, "再催")
    ctx.bus.changed.emit(Changes(sheet_ids=frozenset({sample.in_progress})))
    assert form.detail.version == version
    assert form.root_cause_edit.toPlainText() == "供应商发货延误"
