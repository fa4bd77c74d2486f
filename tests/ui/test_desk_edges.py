"""Rough edges a new user hit at the desk (issue 17): driven through the widgets and
checked through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette

from helpdesk.domain import error_texts
from helpdesk.domain.complaints import Action
from helpdesk.services import complaints
from helpdesk.ui import i18n
from helpdesk.ui.complaints.form import SheetForm
from helpdesk.ui.reports.view import ReportsView
from tests.ui.helpers import activate, type_text


def _form(qtbot, ctx, **kwargs) -> SheetForm:
    form = SheetForm(ctx, **kwargs)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


def test_a_phone_on_file_names_its_customer_and_offers_them(qtbot, make_ctx, sample, ui_db):
    form = _form(qtbot, make_ctx(sample.staff.desk))
    qtbot.mouseClick(form.finder.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.finder.name_edit, "张山")
    qtbot.keyClicks(form.finder.phone_edit, "138 1234 5678")  # 张三's phone
    type_text(qtbot, form.description_edit, "保养后异响")
    assert not form.save()
    message = form.errors.label("phone").text()
    assert "张三" in message and "#" not in message
    use = form.finder.use_existing_button
    assert use.isVisible() and "张三" in use.text()
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)
    assert form.finder.customer_id == sample.zhang and not form.finder.creating
    assert form.save()
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.desk, form.detail.id)
    assert saved.customer_id == sample.zhang


def test_a_long_paste_is_cut_and_never_quoted_whole(qtbot, make_ctx, sample):
    form = _form(qtbot, make_ctx(sample.staff.desk))
    qtbot.mouseClick(form.finder.new_button, Qt.MouseButton.LeftButton)
    form.finder.phone_edit.setFocus()
    qtbot.keyClicks(form.finder.phone_edit, "x" * 200)
    assert len(form.finder.phone_edit.text()) == form.finder.phone_edit.maxLength() == 30
    type_text(qtbot, form.finder.name_edit, "赵六")
    type_text(qtbot, form.description_edit, "划痕")
    assert not form.save()
    assert "x" * 21 not in form.errors.label("phone").text()


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_messages_quote_an_excerpt_of_the_input(lang):
    text = error_texts.format_code("email.invalid", {"value": "a" * 5000}, "", lang)
    assert "a" * 20 + "…" in text and "a" * 21 not in text


@pytest.mark.parametrize(("lang", "who"), [("zh_CN", "服务经理或服务总监"),
                                           ("zh_TW", "服務經理或服務總監"),
                                           ("en", "service manager or service director")])
def test_a_vin_check_digit_message_says_who_can_accept_it(lang, who):
    text = error_texts.format_code(
        "vin.check_digit", {"value": "LSVAA4182E2000011", "expected": "4", "found": "2"},
        "", lang)
    assert who in text


def test_assign_without_an_area_says_so_and_clears_when_chosen(qtbot, make_ctx, sample):
    form = _form(qtbot, make_ctx(sample.staff.manager), sheet_id=sample.registered)
    qtbot.mouseClick(form.action_buttons[Action.ACKNOWLEDGE], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.action_buttons[Action.ASSIGN], Qt.MouseButton.LeftButton)
    area_error = form.errors.label("responsible_area")
    assert area_error.text() == "Choose the responsible area to assign the sheet."
    form.area_combo.setCurrentIndex(form.area_combo.findData("technical"))
    assert not area_error.isVisible()
    assert form.errors.label("responsible_user").isVisible()  # still nobody chosen


def test_the_responsible_list_shows_roles_without_admin_and_gm(qtbot, make_ctx, sample):
    form = _form(qtbot, make_ctx(sample.staff.manager), sheet_id=sample.registered)
    combo = form.person_combo
    offered = [combo.itemData(i) for i in range(1, combo.count())]
    assert sample.staff.admin not in offered and sample.staff.gm not in offered
    assert offered[0] == sample.staff.manager  # those who put complaints right first
    assert "Service manager" in combo.itemText(1)


def test_a_closed_sheet_looks_read_only(qtbot, make_ctx, sample):
    form = _form(qtbot, make_ctx(sample.staff.desk), sheet_id=sample.closed)
    edit = form.description_edit
    assert edit.isReadOnly() and not form.save_button.isEnabled()
    editable = _form(qtbot, make_ctx(sample.staff.desk), sheet_id=sample.registered)
    grey = edit.grab().toImage().pixelColor(5, edit.height() - 5)
    white = editable.description_edit.grab().toImage().pixelColor(
        5, editable.description_edit.height() - 5)
    assert grey != white
    assert grey == edit.palette().color(QPalette.ColorRole.Window)


def test_reports_explain_themselves_to_the_front_desk(qtbot, make_ctx, sample):
    view = ReportsView(make_ctx(sample.staff.desk))
    qtbot.addWidget(view)
    view.show()
    assert not view.preview.isVisible()
    assert "Customer-care specialist" in view.status_label.text()  # who may read them


def test_qt_dialogs_speak_chinese():
    try:
        i18n.install("zh_CN")
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    finally:
        i18n.reset()
