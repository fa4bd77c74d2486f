"""The ID number on a customer record (issue 15): validated at its field, masked for
roles without the right to see personal data, kept when a masked form is saved, never
written in clear into the append-only audit trail."""

from __future__ import annotations

import pytest

from helpdesk.domain.errors import ValidationErrors
from helpdesk.domain.users import Permission, Role, permissions_of
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from tests.conftest import Clock
from tests.fakes import FakeUnitOfWork, Staff, seed_staff

ID = "11010519491231002X"
MASKED = "1101**********002X"


@pytest.fixture
def team(clock: Clock) -> tuple[FakeUnitOfWork, Staff]:
    uow = FakeUnitOfWork()
    return uow, seed_staff(uow)


def test_an_id_number_is_stored_normalised_and_masked_for_who_may_not_see_it(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    assert Permission.VIEW_PERSONAL_DATA not in permissions_of({Role.GENERAL_MANAGER})
    c = customers.create_customer(uow, staff.desk, CustomerInput(
        name="张三", phones=("13812345678",), national_id="110105 19491231 002x"))
    assert customers.get_customer(uow, staff.desk, c.id).national_id == ID
    assert customers.get_customer(uow, staff.gm, c.id).national_id == MASKED


def test_a_wrong_id_number_is_refused_at_its_field_and_nothing_saved(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    with pytest.raises(ValidationErrors) as caught:
        customers.create_customer(uow, staff.desk, CustomerInput(
            name="张三", phones=("13812345678",), national_id="110105194912310021"))
    assert [(e.field, e.code) for e in caught.value.errors] \
        == [("national_id", "national_id.check_digit")]
    assert uow.customers.get(1) is None


def test_a_masked_id_sent_back_is_kept_and_the_trail_holds_it_masked(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = customers.create_customer(uow, staff.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    edited = customers.update_customer(uow, staff.desk, c.id, c.version, CustomerInput(
        name="张三", phones=("13812345678",), national_id=ID))
    assert edited.national_id == ID
    trail = [e for e in uow.state.audit if e.action == "customer.update"]
    assert trail[-1].change_map["national_id"] == ["", MASKED]
    assert ID not in "".join(e.changes for e in uow.state.audit)


def test_who_sees_the_mask_saves_the_record_without_losing_the_number(
        team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = customers.create_customer(uow, staff.desk, CustomerInput(
        name="张三", phones=("13812345678",), national_id=ID))
    # Customer care edits the note; whether it sees the number depends on its role.
    shown = customers.get_customer(uow, staff.care, c.id)
    customers.update_customer(uow, staff.care, c.id, shown.version, CustomerInput(
        name="张三", phones=shown.phones, email=shown.email, wechat=shown.wechat,
        address=shown.address, national_id=shown.national_id, note="回访时确认"))
    assert customers.get_customer(uow, staff.desk, c.id).national_id == ID
