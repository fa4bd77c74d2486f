"""The change feed: ``Changes``, the domain events, the audit rows made from them, and
the fake unit of work announcing them only after a commit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from helpdesk.domain import audit, events
from helpdesk.domain.errors import ValidationErrors
from helpdesk.domain.events import Changes
from helpdesk.services import complaints as cs
from helpdesk.services import customers, settings
from helpdesk.services.customers import CustomerInput, VehicleInput
from tests.conftest import Clock
from tests.fakes import FakeUnitOfWork, Staff, seed_staff
from tests.unit.test_services import VIN, sheet_input

AT = datetime(2026, 11, 20, 9, 30)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def team(uow: FakeUnitOfWork, clock: Clock) -> Staff:
    staff = seed_staff(uow)
    uow.published.clear()
    return staff


# ---------------------------------------------------------------- Changes
@pytest.mark.parametrize(("changes", "sheets", "customers_", "settings_"), [
    (Changes(), False, False, False),
    (Changes(sheet_ids=frozenset({1})), True, False, False),
    (Changes(customer_ids=frozenset({2})), False, True, False),
    (Changes(settings=True), False, False, True),
    (Changes(users=True), False, False, True),
    (Changes(everything=True), True, True, True),
])
def test_what_changes_touch(changes: Changes, sheets: bool, customers_: bool,
                            settings_: bool) -> None:
    assert changes.touches_sheets() is sheets
    assert changes.touches_customers() is customers_
    assert changes.touches_settings() is settings_
    assert bool(changes) is (sheets or customers_ or settings_)


def test_changes_merge_and_come_from_events() -> None:
    a = Changes(sheet_ids=frozenset({1}), customer_ids=frozenset({7}))
    b = Changes(sheet_ids=frozenset({2}), users=True)
    assert a | b == a.merge(b) == Changes(sheet_ids=frozenset({1, 2}),
                                          customer_ids=frozenset({7}), users=True)
    recorded = [
        events.SheetRegistered(at=AT, user_id=3, sheet_id=1, sheet_number="TS-2026-000001",
                               customer_id=7),
        events.SheetChanged(at=AT, user_id=3, sheet_id=2, sheet_number="TS-2026-000002",
                            customer_id=8, previous_customer_id=9),
        events.SettingsChanged(at=AT, user_id=3, key="categories"),
        events.LoginAttempted(at=AT, user_id=3, target_id=3, outcome="ok"),
    ]
    assert Changes.from_events(recorded) == Changes(
        sheet_ids=frozenset({1, 2}), customer_ids=frozenset({7, 8, 9}), settings=True)
    assert not Changes.from_events([recorded[-1]])  # a login redraws nothing


def test_events_are_frozen_and_have_their_own_ids() -> None:
    one = events.CustomerCreated(at=AT, user_id=1, customer_id=5)
    two = events.CustomerCreated(at=AT, user_id=1, customer_id=5)
    assert one.event_id != two.event_id and len(one.event_id) == 32
    int(one.event_id, 16)
    with pytest.raises(AttributeError):
        one.customer_id = 6  # type: ignore[misc]


# ------------------------------------------------------------- audit rows
def test_a_merge_is_two_audit_rows_and_changes_both_customers() -> None:
    merged = events.CustomerMerged(at=AT, user_id=4, username="manager", customer_id=1,
                                   merged_id=2, sheet_ids=frozenset({10}),
                                   details={"merged_from": 2})
    rows = audit.entries(merged)
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [
        ("customer.merge", "customer", 1), ("customer.merged_into", "customer", 2)]
    assert rows[1].change_map == {"merged_into": 1}
    assert all(r.username == "manager" and r.at == AT and r.user_id == 4 for r in rows)
    assert merged.changes() == Changes(customer_ids=frozenset({1, 2}),
                                       sheet_ids=frozenset({10}))


@pytest.mark.parametrize(("event", "action", "entity", "entity_id"), [
    (events.SheetStateChanged(at=AT, user_id=1, sheet_id=3, sheet_number="N", step="close"),
     "sheet.close", "sheet", 3),
    (events.SheetImported(at=AT, user_id=1, sheet_id=3, sheet_number="N"),
     "sheet.import", "sheet", 3),
    (events.SheetPrinted(at=AT, user_id=1, sheet_id=3, kind="letter"),
     "sheet.letter", "sheet", 3),
    (events.VinCheckOverridden(at=AT, user_id=1, customer_id=4), "vehicle.vin_override",
     "customer", 4),
    (events.StoreChanged(at=AT, user_id=None, store_id=1, aspect="calendar"),
     "store.calendar", "store", 1),
    (events.SettingsChanged(at=AT, user_id=1, key="banned_phrases"),
     "settings.banned_phrases", "settings", None),
    (events.UsersChanged(at=AT, user_id=1, target_id=2, aspect="password"),
     "user.password", "user", 2),
    (events.UsersChanged(at=AT, user_id=None, target_id=None, aspect="staff"),
     "demo.staff", "user", None),
    (events.LoginAttempted(at=AT, user_id=None, target_id=None, outcome="failed"),
     "login.failed", "user", None),
    (events.DataReset(at=AT, user_id=1, reason="import", kind="customers"),
     "import.customers", "import", None),
    (events.DataReset(at=AT, user_id=None, reason="demo", kind="load", store_id=1),
     "demo.load", "store", 1),
])
def test_each_event_keeps_the_audit_words_the_viewer_knows(
        event: events.Event, action: str, entity: str, entity_id: int | None) -> None:
    (row,) = audit.entries(event)
    assert (row.action, row.entity, row.entity_id) == (action, entity, entity_id)


# ------------------------------------------------------------- unit of work
def test_registering_announces_the_sheet_and_its_customer_after_the_commit(
        uow: FakeUnitOfWork, team: Staff) -> None:
    created = customers.create_customer(uow, team.desk, CustomerInput(
        name="张三", phones=("13812345678",), vehicles=(VehicleInput(vin=VIN),)))
    heard: list[Changes] = []
    uow.add_listener(heard.append)
    commits = uow.commits
    sheet = cs.register(uow, team.desk, sheet_input(created))
    assert heard == [Changes(sheet_ids=frozenset({sheet.id}),
                             customer_ids=frozenset({created.id}))]
    assert uow.commits == commits + 1
    (entry,) = uow.commit_log[-1]  # the audit row, from the event, in that commit
    assert (entry.action, entry.entity_id, entry.note) == ("sheet.register", sheet.id,
                                                          sheet.number)
    assert json.loads(entry.changes)["description"][1] == sheet.description
    assert entry.username == "desk"


def test_nothing_is_announced_or_audited_when_the_operation_fails(
        uow: FakeUnitOfWork, team: Staff) -> None:
    audited = len(uow.committed.audit)
    with pytest.raises(ValidationErrors):
        customers.create_customer(uow, team.desk, CustomerInput(name="", phones=("12",)))
    assert uow.published == [] and len(uow.committed.audit) == audited


def test_a_rollback_forgets_the_recorded_events(uow: FakeUnitOfWork, team: Staff) -> None:
    event = events.SettingsChanged(at=AT, user_id=team.admin, key="categories")
    with uow:
        uow.record(event)
        uow.rollback()
        uow.commit()  # a later commit in the same block has nothing of it
    with uow:
        uow.record(event)  # never committed: the block's end rolls back
    with uow:
        uow.commit()
    assert uow.published == []
    assert "settings.categories" not in uow.audit_actions()


def test_a_settings_change_is_announced_as_settings(uow: FakeUnitOfWork,
                                                    team: Staff) -> None:
    current: dict[str, Any] = settings.get_categories(uow)
    renamed = [settings.CategoryInput(code, *names) for code, names in current.items()]
    renamed[0] = settings.CategoryInput(renamed[0].code, "新名字", "新名字", "New name")
    settings.save_categories(uow, team.admin, renamed)
    assert uow.published == [Changes(settings=True)]
    assert uow.audit_actions()[-1] == "settings.categories"
