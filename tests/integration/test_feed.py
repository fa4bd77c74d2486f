"""The SQLAlchemy unit of work as the change feed's source, on SQLite and PostgreSQL:
the audit rows come from the recorded events in the same transaction, and the
``Changes`` are handed to the listeners only after a commit that went through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from helpdesk.domain import events
from helpdesk.domain.errors import ConflictError
from helpdesk.domain.events import Changes
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput, VehicleInput
from helpdesk.storage import tables
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import Staff, seed_staff
from tests.integration import databases

VIN = "LSVAU218XN2183294"


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def team(any_db: Database, clock: Clock) -> Staff:
    return seed_staff(any_db.uow())


def _audit(db: Database) -> list[dict[str, object]]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(tables.audit_log).order_by(tables.audit_log.c.id))
        return [dict(r._mapping) for r in rows]


def test_a_second_complaint_is_announced_once_after_its_commit(
        any_db: Database, team: Staff) -> None:
    zhang = customers.create_customer(any_db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",), vehicles=(VehicleInput(vin=VIN),)))
    uow = any_db.uow()
    heard: list[Changes] = []

    def listen(changes: Changes) -> None:
        # Announced after the commit: a fresh connection already sees the sheet.
        heard.append(changes)
        assert _audit(any_db)[-1]["action"] == "sheet.register"

    uow.add_listener(listen)
    sheets = [cs.register(uow, team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description=f"第{n}次投诉：刹车异响", customer_request="免费维修",
        customer_id=zhang.id, vehicle_id=zhang.vehicles[0].id)) for n in (1, 2)]
    assert heard == [Changes(sheet_ids=frozenset({s.id}), customer_ids=frozenset({zhang.id}))
                     for s in sheets]
    row = _audit(any_db)[-1]
    assert (row["entity"], row["entity_id"], row["note"], row["username"]) == \
        ("sheet", sheets[1].id, sheets[1].number, "desk")
    assert json.loads(str(row["changes"]))["customer_id"] == [None, zhang.id]


def test_a_rolled_back_operation_is_neither_audited_nor_announced(
        any_db: Database, team: Staff) -> None:
    uow = any_db.uow()
    heard: list[Changes] = []
    uow.add_listener(heard.append)
    before = len(_audit(any_db))
    with uow:
        uow.record(events.SettingsChanged(at=datetime(2026, 11, 20), user_id=team.admin,
                                          key="categories"))
    with uow:  # the next transaction does not inherit it
        uow.commit()
    assert heard == [] and len(_audit(any_db)) == before


def test_a_conflicting_save_is_not_announced(any_db: Database, team: Staff) -> None:
    zhang = customers.create_customer(any_db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    customers.update_customer(any_db.uow(), team.desk, zhang.id, zhang.version,
                              CustomerInput(name="张三丰", phones=("13812345678",)))
    uow = any_db.uow()
    heard: list[Changes] = []
    uow.add_listener(heard.append)
    with pytest.raises(ConflictError):
        customers.update_customer(uow, team.care, zhang.id, zhang.version,
                                  CustomerInput(name="张三", phones=("13812345678",)))
    assert heard == []
    assert [r["action"] for r in _audit(any_db)].count("customer.update") == 1
