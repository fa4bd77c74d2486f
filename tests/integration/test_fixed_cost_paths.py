"""Issue 13, round 2: the cheaper fixed cost of a call keeps its guarantees, on SQLite and
PostgreSQL. The acting user is made once per exact row (not per call), yet a user
deactivated — or given other roles — by another desk is refused at once and allowed
again when reactivated; a registration built in one transaction names its registrar
and leaves the audit trail and its anchor whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from helpdesk.domain.errors import PermissionDenied, ValidationErrors
from helpdesk.domain.filters import SheetFilter
from helpdesk.domain.users import Role
from helpdesk.services import audit_chain, customers, setup, users
from helpdesk.services import complaints as cs
from helpdesk.services.customer_list import CustomerFilter, customer_rows, list_customer_ids
from helpdesk.storage import tables
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import STAFF_ROLES, seed_staff
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


def _sheet(db: Database, actor: int, customer_id: int, text: str) -> cs.SheetDetail:
    return cs.register(db.uow(), actor, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description=text, customer_id=customer_id))


def test_a_user_read_before_is_refused_once_deactivated_and_allowed_again(
        any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.admin, customers.CustomerInput(
        name="张三", phones=("13812345678",)))
    # The desk works: its user row has been read (and its User made) several times.
    assert list_customer_ids(any_db.uow(), team.desk, CustomerFilter(text="张三")) == [who.id]
    assert [r.id for r in customer_rows(any_db.uow(), team.desk, [who.id])] == [who.id]
    first = _sheet(any_db, team.desk, who.id, "空调不制冷")
    assert len(cs.list_sheets(any_db.uow(), team.desk, SheetFilter())) == 1

    users.update_user(any_db.uow(), team.admin, team.desk, active=False)
    with pytest.raises(PermissionDenied):
        list_customer_ids(any_db.uow(), team.desk, CustomerFilter(text="张三"))
    with pytest.raises(PermissionDenied):
        customer_rows(any_db.uow(), team.desk, [who.id])
    with pytest.raises(PermissionDenied):
        cs.list_sheets(any_db.uow(), team.desk, SheetFilter())
    with pytest.raises(PermissionDenied):
        _sheet(any_db, team.desk, who.id, "又坏了")

    users.update_user(any_db.uow(), team.admin, team.desk, active=True)
    again = _sheet(any_db, team.desk, who.id, "又坏了")
    assert again.id != first.id
    assert list_customer_ids(any_db.uow(), team.desk, CustomerFilter(text="张三")) == [who.id]


def test_a_change_made_outside_the_program_is_seen_by_the_next_call(any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.admin, customers.CustomerInput(
        name="李四", phones=("13912345678",)))
    _sheet(any_db, team.desk, who.id, "异响")
    # Another desk's (or a script's) write, not through this program's services.
    with any_db.engine.begin() as conn:
        conn.execute(update(tables.users).where(tables.users.c.id == team.desk)
                     .values(roles_text=Role.GENERAL_MANAGER.value))
    with pytest.raises(PermissionDenied):  # a general manager does not register
        _sheet(any_db, team.desk, who.id, "异响")
    with any_db.engine.begin() as conn:
        conn.execute(update(tables.users).where(tables.users.c.id == team.desk)
                     .values(roles_text=Role.FRONT_DESK.value, active=False))
    with pytest.raises(PermissionDenied):
        cs.list_sheets(any_db.uow(), team.desk, SheetFilter())


def test_registrations_name_their_registrar_and_keep_the_trail_whole(
        any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.admin, customers.CustomerInput(
        name="王五", phones=("13712345678",)))
    before = audit_chain.verify(any_db.uow())
    made = [_sheet(any_db, actor, who.id, f"第{n}次")
            for n, actor in enumerate((team.desk, team.manager, team.desk))]
    registrar = STAFF_ROLES["desk"][0]
    assert [d.received_by_name for d in made] == \
        [registrar, STAFF_ROLES["manager"][0], registrar]
    assert all(d.updated_by_name == d.received_by_name for d in made)
    assert made[0].version == 1
    assert cs.get_sheet(any_db.uow(), team.desk, made[0].id).received_by_name == registrar
    after = audit_chain.verify(any_db.uow())
    assert after.ok
    assert after.checked == before.checked + 3


def test_a_registration_reads_the_store_and_the_categories_as_they_are_now(
        any_db: Database) -> None:
    """The user, the store and the categories are read by one statement on every
    registration: a change made by another desk (or outside the program) counts at once."""
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.admin, customers.CustomerInput(
        name="赵六", phones=("13612345678",)))
    assert _sheet(any_db, team.desk, who.id, "异响").store_name == "天顺汽车4S店"
    with any_db.engine.begin() as conn:
        conn.execute(update(tables.stores).where(tables.stores.c.id == team.store_id)
                     .values(name="天顺汽车城北店", code="TN"))
    with any_db.uow() as uow:  # the settings page's own write (another desk's)
        uow.settings.set("categories", {"noise": ["异响", "異響", "Noise"]})
        uow.commit()
    with pytest.raises(ValidationErrors) as caught:
        _sheet(any_db, team.desk, who.id, "异响")  # repair_quality is no longer one
    assert [e.code for e in caught.value.errors] == ["category.invalid"]
    made = cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="noise", description="异响",
        customer_id=who.id))
    assert made.store_name == "天顺汽车城北店" and made.number.startswith("TN-")


def test_the_desk_read_gives_the_store_asked_for_or_the_users_own(any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    with any_db.uow() as uow:
        other = setup.add_store(uow, "天顺汽车城北店", "TB", "dealership").id
        uow.settings.set("banned_phrases", ["x"])
        uow.commit()
    with any_db.uow() as uow:
        user, store, value = uow.users.at_desk(team.desk, None, "banned_phrases")
        assert user is not None and user.id == team.desk
        assert store is not None and (store.id, store.code) == (team.store_id, "TS")
        assert value == ["x"]
        _, store, value = uow.users.at_desk(team.desk, other, "categories")
        assert store is not None and (store.id, store.code) == (other, "TB")
        assert value is None
        user, store, _ = uow.users.at_desk(team.desk, 999_999, "categories")
        assert user is not None and store is None
        assert uow.users.at_desk(999_999, None, "categories") == (None, None, None)


@pytest.mark.parametrize("viewer", ["desk", "manager"])
def test_the_detail_a_registration_returns_is_the_one_read_back(
        any_db: Database, clock: Clock, viewer: str) -> None:
    """Issue 13: the registration builds its detail from what it wrote (a sheet outside
    the session): exactly what reading the sheet back gives — names, store, vehicle,
    deadlines and their rule, the allowed actions and flags — for a plain complaint,
    an enquiry and one with a new customer and vehicle."""
    team = seed_staff(any_db.uow())
    actor = getattr(team, viewer)
    who = customers.create_customer(any_db.uow(), team.admin, customers.CustomerInput(
        name="孙七", phones=("13512345678",)))
    made = [
        _sheet(any_db, actor, who.id, "空调不制冷"),
        cs.register(any_db.uow(), actor, cs.SheetInput(
            channel="phone", severity="general", category="enquiry",
            description="保养多少钱", customer_id=who.id, mileage_km="12000")),
        cs.register(any_db.uow(), actor, cs.SheetInput(
            channel="phone", severity="major", category="repair_quality",
            description="刹车异响", customer_request="尽快处理"),
            new_customer=customers.CustomerInput(
                name="周八", phones=("13412345678",),
                vehicles=(customers.VehicleInput(vin="K8765432"),))),
    ]
    for detail in made:
        assert detail == cs.get_sheet(any_db.uow(), actor, detail.id)
    assert made[2].vehicle is not None and made[2].sla_rule
    assert all(set(d.sla_rule) == {"response", "resolution"} for d in made)
