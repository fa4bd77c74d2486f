"""Repeat complaints (issue 9): the customer's open and recent complaints, the linked
sheet through the service, the list's first line and "registered by me"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from helpdesk.domain.errors import ValidationErrors
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints, customers
from helpdesk.services.customers import CustomerInput
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import Staff, seed_staff


def _input(customer_id: int, text: str) -> complaints.SheetInput:
    return complaints.SheetInput(channel="phone", severity="general",
                                 category="repair_quality", description=text,
                                 customer_request="尽快处理", customer_id=customer_id)


@pytest.fixture
def team(db: Database, clock: Clock) -> Staff:
    return seed_staff(db.uow())


def test_a_linked_sheet_round_trips_through_the_service(db: Database, team: Staff) -> None:
    zhang = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    li = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="李四", phones=("13912345678",)))
    first = complaints.register(db.uow(), team.desk, _input(zhang.id, "空调不制冷"))
    again = complaints.register(db.uow(), team.desk, replace(
        _input(zhang.id, "空调还是不制冷"), linked_sheet_id=first.id))
    assert (again.linked_sheet_id, again.linked_sheet_number) == (first.id, first.number)
    shown = complaints.get_sheet(db.uow(), team.manager, again.id)
    assert shown.linked_sheet_number == first.number
    # A correction keeps or clears it, like any other field.
    cleared = complaints.save_form(db.uow(), team.desk, again.id, again.version,
                                   data=_input(zhang.id, "空调还是不制冷"))
    assert cleared.linked_sheet_id is None
    other = complaints.register(db.uow(), team.desk, _input(li.id, "车门异响"))
    for wrong in (other.id, again.id, 99_999):  # another customer's, itself, none
        with pytest.raises(ValidationErrors) as refused:
            complaints.save_form(db.uow(), team.desk, again.id, cleared.version,
                                 data=replace(_input(zhang.id, "空调还是不制冷"),
                                              linked_sheet_id=wrong))
        assert [e.code for e in refused.value.errors] == ["linked_sheet.invalid"]


def test_the_customers_open_and_recent_complaints(db: Database, team: Staff,
                                                  clock: Clock) -> None:
    zhang = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    old = complaints.register(db.uow(), team.desk, _input(zhang.id, "去年的投诉"))
    clock.advance(days=100)
    recent = complaints.register(db.uow(), team.care, _input(
        zhang.id, "\n  第一行：刹车异响  \n第二行：要求免费维修"))
    clock.advance(days=1)
    found = complaints.customer_complaints(db.uow(), team.desk, zhang.id)
    # The old one is still open, so it shows; newest first.
    assert [r.id for r in found] == [recent.id, old.id]
    assert found[0].first_line == "第一行：刹车异响"
    assert complaints.customer_complaints(db.uow(), team.desk, zhang.id,
                                          exclude=recent.id)[0].id == old.id
    mine = complaints.list_sheet_ids(db.uow(), team.care,
                                     SheetFilter(received_by_id=team.care))
    assert mine == [recent.id]
