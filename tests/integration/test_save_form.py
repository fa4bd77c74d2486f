"""``complaints.save_form``: the sheet form's registration and analysis parts saved
together in one transaction, or not at all."""

from __future__ import annotations

import pytest

from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.errors import ConflictError, ValidationErrors
from helpdesk.services import complaints, customers


@pytest.fixture
def sheet(db, staff):
    cust = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345678",)))
    data = complaints.SheetInput(channel="reception", severity="general",
                                 category="repair_quality", description="异响",
                                 customer_id=cust.id)
    detail = complaints.register(db.uow(), staff.desk, data)
    detail = complaints.assign(db.uow(), staff.manager, detail.id, ResponsibleArea.TECHNICAL,
                               staff.manager)
    return detail, data


def test_both_parts_are_saved_in_one_audited_step(db, staff, sheet):
    detail, data = sheet
    from dataclasses import replace

    saved = complaints.save_form(
        db.uow(), staff.manager, detail.id, detail.version,
        data=replace(data, description="发动机异响，怠速抖动"),
        analysis=complaints.AnalysisInput(root_cause="点火线圈老化，保养时未检查",
                                          compensation="88.50"))
    assert saved.description == "发动机异响，怠速抖动"
    assert saved.root_cause == "点火线圈老化，保养时未检查"
    assert saved.compensation_cents == 8850
    assert saved.version == detail.version + 1
    uow = db.uow()
    with uow.reading():
        entry = uow.audit.recent(1)[0]
        assert entry.action == "sheet.update"
        assert {"description", "root_cause", "compensation_cents"} <= set(entry.change_map)


def test_errors_of_both_parts_come_together_and_nothing_is_saved(db, staff, sheet):
    detail, data = sheet
    from dataclasses import replace

    with pytest.raises(ValidationErrors) as caught:
        complaints.save_form(
            db.uow(), staff.manager, detail.id, detail.version,
            data=replace(data, description=" ", mileage_km="lots"),
            analysis=complaints.AnalysisInput(long_term_measure="加强培训",
                                              compensation="1.234"))
    assert {e.field: e.code for e in caught.value.errors} == {
        "description": "text.required", "mileage_km": "mileage.invalid",
        "long_term_measure": "measure.empty_words", "compensation": "amount.precision"}
    again = complaints.get_sheet(db.uow(), staff.manager, detail.id)
    assert (again.description, again.long_term_measure, again.version) == \
        ("异响", "", detail.version)


def test_a_stale_version_is_refused(db, staff, sheet):
    detail, _ = sheet
    complaints.add_progress(db.uow(), staff.director, detail.id, "已致电客户")
    with pytest.raises(ConflictError) as caught:
        complaints.save_form(db.uow(), staff.manager, detail.id, detail.version,
                             analysis=complaints.AnalysisInput(root_cause="x" * 10))
    assert caught.value.saved_by == "李建国"


def test_the_desk_may_not_record_the_analysis(db, staff, sheet):
    from helpdesk.domain.errors import PermissionDenied

    detail, _ = sheet
    with pytest.raises(PermissionDenied):
        complaints.save_form(db.uow(), staff.desk, detail.id, detail.version,
                             analysis=complaints.AnalysisInput(root_cause="点火线圈老化导致"))
