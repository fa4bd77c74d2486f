"""Issue 13: the statements a registration runs on the driver (``storage.prepared``)
write and read exactly what SQLAlchemy's own execution does — the same stored text for
a time and an enum, the same values back — and fail with SQLAlchemy's exception classes
(so the unique-index message and the busy retry still see them), on SQLite and
PostgreSQL. A registration through them keeps its sheet, text row, audit entry and
change-feed row."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, bindparam, cast, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.complaints import Sheet
from helpdesk.domain.customers import StoreKind
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.sla import PRESETS
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.storage import orm, prepared, sheet_queries, tables
from helpdesk.storage.database import Database
from tests.fakes import seed_staff
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


_STORE = insert(tables.stores).values(
    code=bindparam("code"), name=bindparam("name"), kind=bindparam("kind"),
    preset=bindparam("preset"))
_USER_SEEN = select(tables.users.c.created_at, tables.users.c.active).where(
    tables.users.c.id == bindparam("user_id"))


def test_values_go_in_and_come_back_as_through_sqlalchemy(any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    at = datetime(2026, 3, 4, 5, 6, 7)
    with any_db.engine.begin() as conn:
        conn.execute(tables.users.update().where(tables.users.c.id == team.desk)
                     .values(created_at=at))
        prepared.Prepared(_STORE).rows(prepared.on(conn), {"code": "PX", "name": "浦西店",
                                              "kind": StoreKind.RETAIL, "preset": "retail"})
        assert prepared.Prepared(_USER_SEEN).first(prepared.on(conn), {"user_id": team.desk}) == \
            tuple(conn.execute(_USER_SEEN, {"user_id": team.desk}).one()) == (at, True)
        store = conn.execute(select(tables.stores.c.kind, tables.stores.c.calendar_json)
                             .where(tables.stores.c.code == "PX")).one()
    # Stored as the enum's value (read back as the enum); the column's default written.
    assert (store.kind, store.calendar_json) == (StoreKind.RETAIL, "{}")


def test_a_time_is_stored_in_the_same_text_as_through_sqlalchemy(any_db: Database) -> None:
    """A whole-minute datetime: the driver's own adapter would write it without the
    microseconds SQLAlchemy writes on SQLite, and text comparisons at a cut-off would
    then put a sheet received at 09:00 before 09:00."""
    team = seed_staff(any_db.uow())
    users = tables.users
    move = users.update().where(users.c.id == bindparam("user_id")).values(
        created_at=bindparam("at"))
    stored = select(cast(users.c.created_at, String)).where(users.c.id == team.desk)
    at = datetime(2026, 11, 2, 9, 0)
    with any_db.engine.begin() as conn:
        conn.execute(move, {"user_id": team.desk, "at": at})
        by_sqlalchemy = conn.scalar(stored)
        conn.execute(move, {"user_id": team.desk, "at": datetime(2020, 1, 1)})
        prepared.Prepared(move).rows(prepared.on(conn), {"user_id": team.desk, "at": at})
        assert conn.scalar(stored) == by_sqlalchemy


def test_a_refused_write_raises_sqlalchemys_error(any_db: Database) -> None:
    seed_staff(any_db.uow())
    with any_db.engine.connect() as conn, conn.begin():
        code = conn.scalar(select(tables.stores.c.code).limit(1))
        with pytest.raises(IntegrityError):  # the stores' code is unique
            prepared.Prepared(_STORE).rows(prepared.on(conn), {"code": code, "name": "again",
                                                  "kind": StoreKind.DEALERSHIP,
                                                  "preset": "dealership"})


def test_a_registration_through_the_driver_writes_every_row(any_db: Database) -> None:
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.desk, customers.CustomerInput(
        name="赵六", phones=("13612345678",)))
    made = cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="方向盘异响", customer_id=who.id))
    assert made.version == 1 and made.customer_phone.endswith("5678")
    with any_db.engine.connect() as conn:
        sheet = conn.execute(select(tables.sheets).where(tables.sheets.c.id == made.id)).one()
        body = conn.scalar(select(tables.sheet_texts.c.body)
                           .where(tables.sheet_texts.c.sheet_id == made.id))
        entry = conn.execute(select(tables.audit_log.c.action, tables.audit_log.c.at)
                             .where(tables.audit_log.c.entity_id == made.id,
                                    tables.audit_log.c.entity == "sheet")).one()
    assert (sheet.number, sheet.version, sheet.customer_name) == (made.number, 1, "赵六")
    assert sheet.received_at == made.received_at and sheet.state == made.state
    assert body is not None and "方向盘异响" in body
    assert entry.action == "sheet.register" and entry.at == sheet.created_at
    if any_db.is_sqlite:
        with any_db.engine.connect() as conn:
            payload = conn.scalar(select(tables.change_feed.c.payload)
                                  .order_by(tables.change_feed.c.seq.desc()).limit(1))
        assert payload is not None and str(made.id) in payload


def test_a_sheet_made_to_register_holds_what_the_class_makes() -> None:
    """``Sheets.new`` makes the sheet without the mapping's events: every field, default
    lists included, as calling the class gives, and the SLA still applies to it."""
    orm.start_mappers()
    at = datetime(2026, 3, 4, 9, 30)
    values: dict[str, Any] = dict(
        number="TS-2026-000001", store_id=1, received_by_id=2, customer_id=3,
        customer_name="赵六", customer_phone="+8613612345678", channel=Channel.PHONE,
        severity=Severity.GENERAL, category="repair_quality", description="异响",
        received_at=at, created_at=at, updated_at=at, updated_by_id=2)
    made, called = orm.unattached(Sheet, **values), Sheet(**values)
    assert {f.name: getattr(made, f.name) for f in dataclasses.fields(Sheet)} == \
        {f.name: getattr(called, f.name) for f in dataclasses.fields(Sheet)}
    assert made.progress == [] and made.progress is not orm.unattached(Sheet, **values).progress
    policy, calendar = PRESETS["dealership"](), StoreCalendar.dealership_default()
    made.apply_sla(policy, calendar)
    called.apply_sla(policy, calendar)
    assert (made.response_due_at, made.resolution_due_at) == \
        (called.response_due_at, called.resolution_due_at) != (None, None)
    with pytest.raises(TypeError):
        orm.unattached(Sheet, no_such_field=1)


# issue 13 (merge of the two prepared modules): one Prepared does both.
_STORES_BY_ID = select(tables.stores.c.id, tables.stores.c.kind).where(
    tables.stores.c.id.in_(bindparam("ids", expanding=True))).order_by(tables.stores.c.id)


def test_one_prepared_statement_takes_lists_of_any_length(any_db: Database) -> None:
    seed_staff(any_db.uow())
    statement = prepared.Prepared(_STORES_BY_ID)
    with any_db.engine.connect() as conn, conn.begin():
        every = [tuple(row) for row in conn.execute(_STORES_BY_ID, {"ids": [1, 2, 3, 999]})]
        for ids in ([1], [1, 2], [2, 999, 1], [999]):
            assert statement.rows(prepared.on(conn), {"ids": ids}) == \
                [row for row in every if row[0] in ids]
    assert all(isinstance(kind, StoreKind) for _id, kind in every) and every


def test_a_read_without_a_session_fails_with_sqlalchemys_error(any_db: Database) -> None:
    seed_staff(any_db.uow())
    broken = prepared.Prepared(lambda: select(tables.stores.c.id).where(
        text("no_such_column = 1")))
    uow = any_db.uow()
    with pytest.raises(DBAPIError), uow.reading():
        broken.rows(uow)  # on the pooled connection the read borrowed, no session
    with uow.reading():  # the connection went back to the pool in a usable state
        assert uow.users.acting(1) is not None


class _Lost:
    """A link whose driver connection is closed under it (a database gone away)."""

    def __init__(self, db: Database) -> None:
        self.pooled = db.engine.raw_connection()
        self.dialect = db.engine.dialect
        self.invalidated: list[BaseException] = []

    def driver(self) -> tuple[Any, Any]:
        return self.pooled.driver_connection, self.dialect

    def invalidate(self, exc: BaseException) -> None:
        self.invalidated.append(exc)
        self.pooled.invalidate(exc)


def test_a_connection_lost_before_the_statement_is_dropped_as_sqlalchemy_would(
        any_db: Database) -> None:
    seed_staff(any_db.uow())
    link = _Lost(any_db)
    try:
        link.pooled.driver_connection.close()  # even asking it for a cursor fails now
        with pytest.raises(DBAPIError) as raised:
            prepared.Prepared(_USER_SEEN).rows(link, {"user_id": 1})
        assert raised.value.connection_invalidated
        assert len(link.invalidated) == 1
    finally:
        link.pooled.close()
    with any_db.uow().reading() as uow:  # the pool opened a fresh connection
        assert uow.users.acting(1) is not None


def test_a_list_page_reads_the_same_rows_as_through_sqlalchemy(any_db: Database) -> None:
    # Issue 13: the complaint list's rows are a prepared statement; every column (the
    # joined plate and name, the waits and notes read by subqueries) comes back, value
    # and type, as SQLAlchemy's execution of the same statement gives it.
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.desk, customers.CustomerInput(
        name="钱七", phones=("13712345678",)))
    vehicles = (None, customers.VehicleInput(vin="K8765431", plate="粤B12341"))
    ids = [cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel=channel, severity="general", category="repair_quality",
        description=f"第{i}单\n第二行", customer_id=who.id), new_vehicle=vehicles[i]).id
        for i, channel in enumerate(("reception", "phone"))]
    worked = ids[1]  # acknowledged, assigned, the customer told, then waited for
    cs.acknowledge(any_db.uow(), team.manager, worked)
    cs.assign(any_db.uow(), team.manager, worked, "service", team.manager)
    cs.add_progress(any_db.uow(), team.manager, worked, "已约客户周五到店",
                    customer_notified=True)
    cs.wait_for_customer(any_db.uow(), team.manager, worked, "客户出差")
    with any_db.engine.connect() as conn, conn.begin():
        through_sqlalchemy = [dict(row._mapping) for row in conn.execute(
            sheet_queries._rows_statement(), {"ids": ids})]  # noqa: SLF001

    def typed(rows: list[dict[str, Any]]) -> list[dict[str, tuple[type, Any]]]:
        return [{k: (type(v), v) for k, v in row.items()} for row in rows]

    with any_db.uow().reading() as uow:  # on a pooled connection, no session
        prepared_rows = sheet_queries._ROWS.dicts(uow, {"ids": ids})  # noqa: SLF001
    assert typed(sorted(prepared_rows, key=lambda r: r["id"])) == \
        typed(sorted(through_sqlalchemy, key=lambda r: r["id"]))
    row = {r["id"]: r for r in prepared_rows}[worked]
    assert row["waiting_since"] is not None and row["last_notified_at"] is not None
    listed = {r.id: r for r in cs.sheet_rows(any_db.uow(), ids)}
    assert listed[worked].plate_or_order == "粤B12341" and listed[worked].responsible_name
    assert listed[ids[0]].first_line == "第0单"


def test_any_number_of_ids_reads_in_lists_of_a_few_lengths(any_db: Database) -> None:
    # The tray asks for the rows of every open sheet (thousands, a different number
    # after each save): each length of the id list would be a statement prepared anew.
    team = seed_staff(any_db.uow())
    who = customers.create_customer(any_db.uow(), team.desk, customers.CustomerInput(
        name="孙八", phones=("13812345678",)))
    real = [cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="异响", customer_id=who.id)).id for _ in range(3)]
    shapes = sheet_queries._ROWS._shapes  # noqa: SLF001
    before = set(shapes)
    for asked in (real[:1], *(real + list(range(10**6, 10**6 + n)) + real
                              for n in (450, 451, 452))):
        found = cs.sheet_rows(any_db.uow(), asked)
        assert [r.id for r in found] == [i for i in asked if i in real]  # asked order
    lengths = {part[1] for key in set(shapes) - before
               for part in key if isinstance(part, tuple)}
    assert lengths <= set(sheet_queries.ROWS_AT_ONCE)
    assert [len(c) for c in sheet_queries._id_lists(list(range(405)))] == [200, 200, 8]  # noqa: SLF001
