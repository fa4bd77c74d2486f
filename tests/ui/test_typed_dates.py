"""Every date and time field takes what is typed, whole (issue 10): ``2027-02-07`` is
2027-02-07 (not 2026-02-07) and ``19:00`` is 19:00 (not 08:00) in the complaint sheet,
the complaint list's period filter, the audit trail's period and the birthday."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime, Qt

from helpdesk.services import customers
from helpdesk.ui.complaints.form import SheetForm
from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.customers.audit_view import AuditView
from helpdesk.ui.customers.detail import CustomerDetailPanel
from tests.ui.helpers import activate, type_text


def _retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)


def _sheet_form(qtbot, make_ctx, sample) -> SheetForm:
    form = SheetForm(make_ctx(sample.staff.desk))
    qtbot.addWidget(form)
    activate(qtbot, form)
    return form


def test_the_sheet_form_takes_a_typed_date_and_time(qtbot, make_ctx, sample):
    form = _sheet_form(qtbot, make_ctx, sample)
    received = form.received_edit
    received.setDateTime(QDateTime(datetime(2026, 5, 1, 8, 30)))
    _retype(qtbot, received, "2027-02-07")
    assert received.dateTime().toPython() == datetime(2027, 2, 7, 8, 30)  # the time stays
    _retype(qtbot, received, "19:00")
    assert received.dateTime().toPython() == datetime(2027, 2, 7, 19, 0)
    _retype(qtbot, received, "2026-03-04 07:05")
    assert received.dateTime().toPython() == datetime(2026, 3, 4, 7, 5)
    _retype(qtbot, received, "2026-13-40")  # no such day: marked, the last one kept
    assert received.dateTime().toPython() == datetime(2026, 3, 4, 7, 5)
    assert received.property("invalid") is True
    rework = form.analysis.rework_edit
    rework.setEnabled(True)
    _retype(qtbot, rework, "2027-02-07 19:00")
    assert rework.dateTime().toPython() == datetime(2027, 2, 7, 19, 0)


def test_a_typed_received_time_in_the_future_is_marked_and_refused(qtbot, make_ctx, sample):
    form = _sheet_form(qtbot, make_ctx, sample)
    _retype(qtbot, form.received_edit, "2099-02-07 19:00")
    assert form.received_edit.dateTime().toPython() == datetime(2099, 2, 7, 19, 0)
    assert form.received_edit.property("invalid") is True


def test_the_complaint_list_period_takes_a_typed_date(qtbot, make_ctx, sample):
    page = ComplaintListPage(make_ctx(sample.staff.desk))
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.from_check.setChecked(True)
    page.to_check.setChecked(True)
    _retype(qtbot, page.from_date, "2027-02-07")
    _retype(qtbot, page.to_date, "2027年3月1日")
    chosen = page.current_filter()
    assert (chosen.received_from, chosen.received_to) == \
        (datetime(2027, 2, 7), datetime(2027, 3, 2))


def test_the_audit_period_takes_a_typed_date(qtbot, make_ctx, sample):
    view = AuditView(make_ctx(sample.staff.admin))
    qtbot.addWidget(view)
    _retype(qtbot, view.since, "2027-02-07")
    assert view.since.date().toPython() == date(2027, 2, 7)


def test_the_birthday_takes_a_typed_date(qtbot, make_ctx, sample):
    panel = CustomerDetailPanel(make_ctx(sample.staff.desk))
    qtbot.addWidget(panel)
    panel.show_customer(sample.li, background=False)
    panel._has_birthday.setChecked(True)
    _retype(qtbot, panel._birthday, "1987-02-07")
    assert panel.save()
    li = customers.get_customer(panel._ctx.uow(), sample.staff.manager, sample.li)
    assert li.birthday == date(1987, 2, 7)


def test_a_typed_midnight_is_taken_and_a_date_alone_keeps_the_time(qtbot, make_ctx, sample):
    form = _sheet_form(qtbot, make_ctx, sample)
    received = form.received_edit
    received.setDateTime(QDateTime(datetime(2026, 5, 1, 8, 30)))
    _retype(qtbot, received, "2027-02-07 00:00")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    assert received.text() == "2027-02-07 00:00"
    assert received.dateTime().toPython() == datetime(2027, 2, 7, 0, 0)  # typed: it wins
    received.setDateTime(QDateTime(datetime(2026, 5, 1, 8, 30)))
    _retype(qtbot, received, "2027-02-07")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    assert received.dateTime().toPython() == datetime(2027, 2, 7, 8, 30)  # not typed: kept
