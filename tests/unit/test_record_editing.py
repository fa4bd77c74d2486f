"""Editing a customer's vehicles, orders and contacts (issue 15): the same rules as
adding them, audited, nothing of another customer's reachable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from helpdesk.domain.errors import (
    NotFound,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from helpdesk.services import customers
from helpdesk.services.customers import ContactInput, CustomerInput, OrderInput, VehicleInput
from tests.conftest import NOW, Clock
from tests.fakes import FakeUnitOfWork, Staff, seed_staff
from tests.unit.test_services import OTHER_VIN, VIN


@pytest.fixture
def team(clock: Clock) -> tuple[FakeUnitOfWork, Staff]:
    uow = FakeUnitOfWork()
    return uow, seed_staff(uow)


def _company(uow: FakeUnitOfWork, staff: Staff) -> customers.CustomerDetail:
    return customers.create_customer(uow, staff.desk, CustomerInput(
        name="深圳市金满楼酒店有限公司", kind="company", phones=("075586001234",),
        vehicles=(VehicleInput(vin=VIN, plate="粤B·12345"),),
        orders=(OrderInput(number="SO-2026-0001", amount="100"),),
        contacts=(ContactInput(name="李经理", role="采购", phone="13800001111"),)))


def test_edit_and_retire_a_vehicle(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = _company(uow, staff)
    vehicle = c.vehicles[0]
    edited = customers.update_vehicle(uow, staff.desk, c.id, vehicle.id, VehicleInput(
        vin=VIN, plate="粤B54321", brand="大众", model="帕萨特", mileage_km="35,000"))
    assert (edited.plate, edited.brand, edited.mileage_km) == ("粤B54321", "大众", 35000)
    entry = uow.committed.audit[-1]
    assert entry.action == "vehicle.update"
    assert entry.change_map["plate"] == ["粤B12345", "粤B54321"]
    retired = customers.retire_vehicle(uow, staff.desk, c.id, vehicle.id)
    assert retired.retired_on == NOW.date()
    assert uow.committed.audit[-1].action == "vehicle.retire"
    again = customers.reinstate_vehicle(uow, staff.desk, c.id, vehicle.id)
    assert again.retired_on is None


def test_vehicle_edits_keep_the_vin_rules(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = _company(uow, staff)
    other = customers.create_customer(uow, staff.desk, CustomerInput(
        name="李四", phones=("13900001111",), vehicles=(VehicleInput(vin=OTHER_VIN),)))
    bad_check = VIN[:8] + ("0" if VIN[8] != "0" else "1") + VIN[9:]
    for vin, code in ((bad_check, "vin.check_digit"), (OTHER_VIN, "vin.taken")):
        with pytest.raises(ValidationErrors) as caught:
            customers.update_vehicle(uow, staff.desk, c.id, c.vehicles[0].id,
                                     VehicleInput(vin=vin))
        assert [e.code for e in caught.value.errors] == [code]
    with pytest.raises(ValidationErrors):
        customers.update_vehicle(uow, staff.desk, c.id, c.vehicles[0].id, VehicleInput(vin="123"))
    assert customers.get_customer(uow, staff.desk, c.id).vehicles[0].vin == VIN
    with pytest.raises(ValidationError):
        customers.retire_vehicle(uow, staff.desk, c.id, c.vehicles[0].id,
                                 NOW.date() + timedelta(days=1))
    # another customer's vehicle cannot be reached through this customer
    with pytest.raises(NotFound):
        customers.update_vehicle(uow, staff.desk, c.id, other.vehicles[0].id,
                                 VehicleInput(vin=OTHER_VIN))


def test_edit_an_order_or_service_visit(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = _company(uow, staff)
    order = c.orders[0]
    edited = customers.update_order(uow, staff.desk, c.id, order.id, OrderInput(
        number="ignored", kind="service", ordered_at=date(2026, 1, 5), amount="1,280.50",
        items="保养", vehicle_id=c.vehicles[0].id))
    assert (edited.number, edited.amount_cents, edited.items) == ("SO-2026-0001", 128050, "保养")
    assert uow.committed.audit[-1].change_map["amount_cents"] == [10000, 128050]
    with pytest.raises(ValidationErrors):
        customers.update_order(uow, staff.desk, c.id, order.id,
                               OrderInput(number="x", amount="-5"))


def test_contacts_add_edit_remove(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = _company(uow, staff)
    added = customers.add_contact(uow, staff.desk, c.id, ContactInput(
        name="王秘书", role="行政", phone="13700002222", email="ws@example.cn"))
    assert added.phone == "+8613700002222"
    changed = customers.update_contact(uow, staff.desk, c.id, added.id,
                                       ContactInput(name="王秘书", role="总经理助理"))
    assert changed.role == "总经理助理"
    assert uow.committed.audit[-1].change_map["role"] == ["行政", "总经理助理"]
    customers.remove_contact(uow, staff.desk, c.id, c.contacts[0].id)
    shown = customers.get_customer(uow, staff.manager, c.id)
    assert [x.name for x in shown.contacts] == ["王秘书"]
    assert [e.action for e in uow.committed.audit[-3:]] == \
        ["contact.add", "contact.update", "contact.remove"]
    with pytest.raises(ValidationErrors):
        customers.add_contact(uow, staff.desk, c.id, ContactInput(name="", phone="12"))


def test_editing_needs_the_right(team: tuple[FakeUnitOfWork, Staff]) -> None:
    uow, staff = team
    c = _company(uow, staff)
    with pytest.raises(PermissionDenied):
        customers.add_contact(uow, staff.gm, c.id, ContactInput(name="某人"))
