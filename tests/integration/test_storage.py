"""Storage on SQLite and PostgreSQL: what is saved comes back field for field and type
for type, customers are found by every key the desk types, merges keep every record,
the audit trail cannot be changed, and no use case deletes anything."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DBAPIError

from helpdesk.domain.complaints import (
    CorrectiveAction,
    Effectiveness,
    Pause,
    ProgressEntry,
    ResponsibleArea,
    ReturnVisit,
    Sheet,
    SheetState,
    Transition,
    VisitKind,
)
from helpdesk.domain.customers import CustomerKind, Gender, OrderKind, Tier
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ConflictError, ValidationErrors
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.services.customers import ContactInput, CustomerInput, OrderInput, VehicleInput
from helpdesk.services.dto import CustomerDetail, SheetDetail
from helpdesk.storage import search, tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock
from tests.fakes import Staff, seed_staff
from tests.integration import databases

VIN = "LSVAU218XN2183294"
VIN2 = "LFV2A21KXK3012345"
VIN3 = "LSGPC54U3BF123456"
ROOT_CAUSE = "技师安装刹车片时漏涂消音胶，导致制动时金属片振动异响"
MEASURE = "车间主任王五在12月1日前修订刹车片安装作业指导书，增加涂胶检查项并签字确认"
INJECTION = "Robert'); DROP TABLE sheets;-- \" OR 1=1 -- <script>x</script>"


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def team(any_db: Database, clock: Clock) -> Staff:
    return seed_staff(any_db.uow())


def reopened(db: Database) -> Database:
    """A second, brand-new connection pool on the same database."""
    return open_database(db.url, upgrade=False)


# ============================================================ sheet round trip
def full_life(db: Database, team: Staff, clock: Clock, customer: CustomerDetail) -> SheetDetail:
    uow = db.uow()
    d = cs.register(uow, team.desk, cs.SheetInput(
        channel="oem_hotline", severity="major", category="repair_quality",
        description=INJECTION, customer_request="退还维修费 ¥1,280", customer_id=customer.id,
        vehicle_id=customer.vehicles[0].id, mileage_km=35_000,
        received_at=NOW - timedelta(minutes=30)))
    clock.advance(minutes=10)
    d = cs.acknowledge(uow, team.manager, d.id, note="已接收")
    clock.advance(minutes=10)
    d = cs.assign(uow, team.director, d.id, "technical", team.manager, note="技术问题")
    clock.advance(minutes=10)
    d = cs.add_progress(uow, team.manager, d.id, "已约客户周五到店", customer_notified=True)
    d = cs.wait_for_customer(uow, team.manager, d.id, "客户出差")
    clock.advance(hours=20)
    d = cs.resume(uow, team.manager, d.id, note="客户到店")
    clock.advance(hours=2)
    d = cs.record_analysis(uow, team.manager, d.id, root_cause=ROOT_CAUSE,
                           correction="重新拆装并更换刹车片", compensation="200.50",
                           long_term_measure=MEASURE, rework_needed=True,
                           rework_completed_at=clock.at - timedelta(minutes=30))
    d = cs.add_corrective_action(uow, team.manager, d.id, MEASURE, team.manager,
                                 date(2026, 12, 1))
    clock.advance(hours=1)
    d = cs.check_corrective_action(uow, team.director, d.id, d.actions[0].id, "effective",
                                   "一个月无同类投诉")
    d = cs.resolve(uow, team.manager, d.id, note="已修复")
    clock.advance(hours=3)
    d = cs.record_return_visit(uow, team.manager, d.id, 4, "基本满意", kind="after_rework",
                               method="visit")
    clock.advance(minutes=5)
    return cs.close(uow, team.director, d.id, "结案")


@pytest.fixture
def zhang(any_db: Database, team: Staff) -> CustomerDetail:
    return customers.create_customer(any_db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",),
        vehicles=(VehicleInput(vin=VIN, plate="京A·12345", brand="大众", model="帕萨特",
                               mileage_km="35,000", purchase_date=date(2023, 5, 1)),),
        orders=(OrderInput(number="SO-2026-0001", amount="1,280.00",
                           ordered_at=date(2026, 10, 1)),)))


def test_a_sheets_whole_life_comes_back_from_a_new_connection(
        any_db: Database, team: Staff, clock: Clock, zhang: CustomerDetail) -> None:
    saved = full_life(any_db, team, clock, zhang)
    assert saved.state is SheetState.CLOSED
    other = reopened(any_db)
    try:
        loaded = cs.get_sheet(other.uow(), team.director, saved.id)
    finally:
        other.dispose()
    assert loaded == saved  # every field of the DTO, children included
    assert loaded.description == INJECTION
    assert [t.action for t in loaded.transitions] == [
        "acknowledge", "assign", "wait", "resume", "resolve", "return_visit", "close"]
    assert [(t.from_state, t.to_state) for t in loaded.transitions][-1] == (
        SheetState.VISITED, SheetState.CLOSED)
    assert loaded.progress[0].text == "已约客户周五到店" and loaded.progress[0].customer_notified
    assert (loaded.visits[0].kind, loaded.visits[0].method) == (VisitKind.AFTER_REWORK, "visit")
    assert loaded.actions[0].effectiveness is Effectiveness.EFFECTIVE
    assert loaded.compensation_cents == 20050
    # Received Wed 09:30, due Sat 09:30; waiting Wed 10:30 - Thu 06:30 is 7.5 h of open
    # time, so the deadline moves to Sat 17:00.
    assert loaded.resolution_due_at == datetime(2026, 11, 21, 17, 0)
    with any_db.uow().reading() as uow:
        sheet = uow.sheets.get(saved.id)
        assert [(p.started_at, p.ended_at) for p in sheet.pauses] == [
            (NOW + timedelta(minutes=30), NOW + timedelta(hours=20, minutes=30))]
        assert sheet.base_resolution_due_at == datetime(2026, 11, 21, 9, 30)


def _full_sheet(team: Staff, customer: CustomerDetail) -> Sheet:
    """A sheet with every field and every child set to something other than its default."""
    at = datetime(2026, 11, 18, 9, 15, 30, 123456)
    return Sheet(
        number="TS-2026-009999", store_id=team.store_id, received_at=at,
        received_by_id=team.desk, channel=Channel.MEDIA, severity=Severity.MAJOR,
        category="service_attitude", customer_id=customer.id, customer_name="张三",
        customer_phone="+8613812345678", vehicle_id=customer.vehicles[0].id,
        order_id=None, mileage_km=123_456, description="媒体报道：服务态度差\n第二行",
        customer_request="公开道歉", responsible_area=ResponsibleArea.SERVICE,
        responsible_user_id=team.manager, root_cause=ROOT_CAUSE, correction="上门道歉",
        compensation_cents=99_999, long_term_measure=MEASURE, rework_needed=True,
        rework_completed_at=at + timedelta(hours=5), escalated_to_oem=True,
        state=SheetState.CLOSED, acknowledged_at=at + timedelta(minutes=3),
        acknowledged_by_id=team.director, resolved_at=at + timedelta(days=1),
        closed_at=at + timedelta(days=2), closed_by_id=team.director, closing_remark="结案",
        response_due_at=at + timedelta(minutes=30), resolution_due_at=at + timedelta(days=3),
        base_resolution_due_at=at + timedelta(days=2), sla_rule_json='{"a": 1}',
        response_minutes=3, resolution_minutes=1440, response_on_time=True,
        resolution_on_time=False, created_at=at, updated_at=at + timedelta(days=2),
        updated_by_id=team.director,
        progress=[ProgressEntry(at=at, by_id=team.manager, text="已联系", customer_notified=True)],
        visits=[ReturnVisit(visited_at=at + timedelta(days=1, hours=2), by_id=team.care,
                            satisfaction=2, feedback="一般", kind=VisitKind.FOLLOW_UP,
                            method="wechat")],
        actions=[CorrectiveAction(description=MEASURE, owner_id=team.manager,
                                  due_date=date(2026, 12, 31), created_at=at,
                                  done_at=at + timedelta(days=1),
                                  effectiveness=Effectiveness.NOT_EFFECTIVE,
                                  checked_at=at + timedelta(days=2),
                                  checked_by_id=team.director, check_note="仍有投诉")],
        transitions=[Transition(at=at, by_id=team.director, action="assign",
                                from_state=SheetState.REGISTERED,
                                to_state=SheetState.IN_PROGRESS, note="n")],
        pauses=[Pause(started_at=at, ended_at=at + timedelta(hours=1), reason="出差"),
                Pause(started_at=at + timedelta(hours=2))],
    )


def _plain(obj: Any) -> Any:
    """Field values with their exact types, children included (for comparing)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    return (type(obj), obj)


def test_every_sheet_column_and_child_round_trips_with_its_type(
        any_db: Database, team: Staff, zhang: CustomerDetail) -> None:
    original = _full_sheet(team, zhang)
    uow = any_db.uow()
    with uow:
        uow.sheets.add(original)
        uow.commit()
        expected = _plain(original)
    other = reopened(any_db)
    try:
        with other.uow().reading() as read:
            loaded = _plain(read.sheets.get(original.id))
    finally:
        other.dispose()
    assert loaded == expected
    assert loaded["state"] == (SheetState, SheetState.CLOSED)
    assert loaded["received_at"][0] is datetime
    assert loaded["pauses"][1]["ended_at"] == (type(None), None)
    assert loaded["transitions"][0]["from_state"] == (SheetState, SheetState.REGISTERED)


def test_a_customer_with_everything_round_trips(any_db: Database, team: Staff) -> None:
    created = customers.create_customer(any_db.uow(), team.desk, CustomerInput(
        name="北京顺达物流有限公司", kind="company", phones=("010-62345678", "13912345678"),
        email="fleet@shunda.example.cn", wechat="shunda_fleet", address="北京市海淀区中关村大街1号",
        company_industry="物流", company_size="200-500人", source="转介绍", tier="vip",
        consent_marketing=True, note=INJECTION,
        contacts=(ContactInput(name="刘洋", role="车队经理", phone="13700001111",
                               email="liu@shunda.example.cn"),
                  ContactInput(name="Anna Müller", role="财务", phone="+49 30 1234567")),
        vehicles=(VehicleInput(vin=VIN2, plate="京A·F1234"),
                  VehicleInput(vin=VIN3, plate="沪AD12345", mileage_km=88000)),
        orders=(OrderInput(number="SO-2025-0001", kind="vehicle_sale", amount="258,000.00",
                           ordered_at=date(2025, 3, 1), items="帕萨特 x1"),
                OrderInput(number="RO-2026/17", amount=45_000,
                           ordered_at=date(2026, 9, 9)))))
    other = reopened(any_db)
    try:
        loaded = customers.get_customer(other.uow(), team.desk, created.id)
    finally:
        other.dispose()
    assert loaded == created
    assert (loaded.kind, loaded.tier, loaded.gender) == (
        CustomerKind.COMPANY, Tier.VIP, Gender.UNKNOWN)
    assert loaded.phones == ("+861062345678", "+8613912345678")
    assert [c.phone for c in loaded.contacts] == ["+8613700001111", "+49301234567"]
    assert [v.plate for v in loaded.vehicles] == ["京AF1234", "沪AD12345"]
    assert [(o.kind, o.amount_cents) for o in loaded.orders] == [
        (OrderKind.VEHICLE_SALE, 25_800_000), (OrderKind.SERVICE, 45_000)]
    assert isinstance(loaded.orders[0].ordered_at, date) and loaded.note == INJECTION


# ====================================================================== search
@pytest.fixture
def directory(any_db: Database, team: Staff, zhang: CustomerDetail) -> dict[str, int]:
    """A handful of customers sharing pieces of keys, so ranking matters."""
    uow = any_db.uow()
    made = {"张三": zhang.id}
    for name, phone, extra in (
        ("赵四", "13900005678", {}),
        ("李四", "13700002222", {"orders": (OrderInput(number="5678"),)}),
        ("王五", "13600003333", {"orders": (OrderInput(number="56789"),)}),
        ("章散", "13500004444", {"vehicles": (VehicleInput(vin=VIN3, plate="沪B·56780"),)}),
    ):
        made[name] = customers.create_customer(
            uow, team.desk, CustomerInput(name=name, phones=(phone,), **extra)).id
    return made


def found(db: Database, team: Staff, query: str) -> list[tuple[int, int]]:
    return [(h.id, h.rank) for h in customers.find_customers(db.uow(), team.desk, query)]


ZHANG_QUERIES = [
    "zs", "ZS", "zhangsan", "zhang san", "张三", "张", "13812345678", "138 1234 5678",
    "+86 138-1234-5678", "+8613812345678", "5678", "2345678", "京a·12345", "京A12345",
    "A12345", "a-12345", "ａ１２３４５", "京Ａ·１２３４５", "183294", "n2183294",
    "LSVAU218XN2183294", "lsvau218x", "SO-2026-0001", "so20260001", "ＳＯ－２０２６－０００１",
]


def test_the_customer_is_found_by_every_key_the_desk_types(
        any_db: Database, team: Staff, directory: dict[str, int]) -> None:
    missed = [q for q in ZHANG_QUERIES
              if directory["张三"] not in [cid for cid, _rank in found(any_db, team, q)]]
    assert missed == []


def test_pinyin_initials_find_every_matching_name_but_no_other(
        any_db: Database, team: Staff, directory: dict[str, int]) -> None:
    ids = {cid for cid, _ in found(any_db, team, "zs")}
    assert {directory["张三"], directory["赵四"], directory["章散"]} <= ids
    assert directory["李四"] not in ids and directory["王五"] not in ids
    ids = {cid for cid, _ in found(any_db, team, "zhangsan")}
    assert ids == {directory["张三"], directory["章散"]}  # same pinyin, different characters


def test_exact_number_matches_come_first(any_db: Database, team: Staff,
                                         directory: dict[str, int]) -> None:
    hits = found(any_db, team, "5678")
    # Order number 5678 exactly, then the phone tails, then the order 56789 prefix.
    assert hits[0] == (directory["李四"], 0)
    tails = {cid for cid, rank in hits if rank == 2}
    assert tails == {directory["张三"], directory["赵四"]}
    assert hits.index((directory["王五"], 3)) > max(
        hits.index((cid, 2)) for cid in tails)
    assert [rank for _cid, rank in hits] == sorted(rank for _cid, rank in hits)


def test_plate_and_vin_tails_rank(any_db: Database, team: Staff,
                                  directory: dict[str, int]) -> None:
    assert found(any_db, team, "京A12345")[0] == (directory["张三"], 0)
    assert found(any_db, team, "A12345")[0] == (directory["张三"], 0)
    assert found(any_db, team, "2183294") == [(directory["张三"], 2)]
    assert found(any_db, team, "3BF123456") == [(directory["章散"], 2)]


def test_a_vin_is_found_by_its_start_only_from_nine_characters(
        any_db: Database, team: Staff, directory: dict[str, int]) -> None:
    # Issue 13: a VIN's first characters name its maker (LS… is every SAIC-VW), and
    # clerks type the whole VIN or its tail; two pinyin initials must not list
    # every customer whose VIN begins with them.
    zhang = directory["张三"]
    assert (zhang, 3) in found(any_db, team, VIN[:9])
    assert zhang not in [cid for cid, _ in found(any_db, team, VIN[:8])]
    assert zhang not in [cid for cid, _ in found(any_db, team, "LS")]
    assert directory["李四"] in [cid for cid, _ in found(any_db, team, "ls")]  # li si
    assert found(any_db, team, VIN)[0] == (zhang, 0)
    for tail in (VIN[-4:], VIN[-6:], VIN[-8:]):
        assert (zhang, 2) in found(any_db, team, tail), tail
    # The partial indexes' WHERE terms, which the scans state literally, name that kind.
    assert (tables.VIN_KEYS, tables.KEYS_BUT_VINS) == (
        f"kind = '{search.VIN}'", f"kind <> '{search.VIN}'")


def test_search_hides_phones_from_roles_without_the_right(
        any_db: Database, team: Staff, directory: dict[str, int]) -> None:
    [hit] = customers.find_customers(any_db.uow(), team.gm, "13812345678")
    assert (hit.id, hit.phone, hit.matched_key) == (directory["张三"], "138****5678", "")
    [hit] = customers.find_customers(any_db.uow(), team.desk, "13812345678")
    assert (hit.phone, hit.matched_key) == ("+8613812345678", "13812345678")


def test_nonsense_and_injection_find_nothing(any_db: Database, team: Staff,
                                             directory: dict[str, int]) -> None:
    assert found(any_db, team, "") == []
    assert found(any_db, team, "   ") == []
    assert found(any_db, team, "' OR 1=1 --") == []
    assert found(any_db, team, "%") == []
    assert found(any_db, team, "_") == []


def test_the_sheet_list_finds_sheets_by_customer_keys(
        any_db: Database, team: Staff, zhang: CustomerDetail, directory: dict[str, int]) -> None:
    uow = any_db.uow()
    mine = cs.register(uow, team.desk, cs.SheetInput(
        channel="reception", severity="general", category="price", description="收费高",
        customer_id=zhang.id, vehicle_id=zhang.vehicles[0].id))
    cs.register(uow, team.desk, cs.SheetInput(
        channel="reception", severity="general", category="price", description="收费高",
        customer_id=directory["李四"]))
    for query in ("zhangsan", "京A12345", mine.number, mine.number.lower()):
        assert cs.list_sheet_ids(uow, team.desk, SheetFilter(text=query)) == [mine.id], query
    [row] = cs.sheet_rows(uow, [mine.id])
    assert (row.number, row.customer_name, row.plate_or_order) == (mine.number, "张三",
                                                                   "京A12345")


# ======================================================================= merge
def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables.metadata.sorted_tables}


def test_a_merge_keeps_every_record_hides_the_duplicate_and_relinks_sheets(
        any_db: Database, team: Staff, zhang: CustomerDetail) -> None:
    uow = any_db.uow()
    dup = customers.create_customer(uow, team.desk, CustomerInput(
        name="张叁", phones=("13812340000",), email="zhang@example.cn",
        contacts=(ContactInput(name="张太太", phone="13812340001"),),
        vehicles=(VehicleInput(vin=VIN2, plate="京B·22222"),),
        orders=(OrderInput(number="RO-77", ordered_at=date(2026, 1, 5)),)))
    sheet = cs.register(uow, team.desk, cs.SheetInput(
        channel="phone", severity="general", category="price", description="收费高",
        customer_id=dup.id, vehicle_id=dup.vehicles[0].id))
    before = _counts(any_db)
    kept = customers.merge_customers(uow, team.manager, zhang.id, dup.id)
    after = _counts(any_db)
    for table, count in before.items():
        if table != "search_keys":
            assert after[table] >= count, table
    assert after["customers"] == before["customers"]
    # Every record of the duplicate is now the kept customer's, with the same ids.
    assert {v.id for v in kept.vehicles} == {zhang.vehicles[0].id, dup.vehicles[0].id}
    assert {o.id for o in kept.orders} == {zhang.orders[0].id, dup.orders[0].id}
    assert [c.id for c in kept.contacts] == [dup.contacts[0].id]
    assert set(kept.phones) == {"+8613812345678", "+8613812340000"}
    assert kept.email == "zhang@example.cn"
    moved = cs.get_sheet(uow, team.desk, sheet.id)
    assert moved.customer_id == zhang.id
    # A desk that had the sheet open before the merge must not save the old link back.
    assert moved.version > sheet.version
    with pytest.raises(ConflictError):
        cs.add_progress(uow, team.desk, sheet.id, "客户来电", expected_version=sheet.version)
    assert moved.vehicle is not None and moved.vehicle.customer_id == zhang.id
    hidden = customers.get_customer(uow, team.desk, dup.id)
    assert hidden.merged_into_id == zhang.id
    # Hidden from search; whatever found the duplicate now finds the kept customer.
    assert found(any_db, team, "张叁") == []
    assert [cid for cid, _ in found(any_db, team, "13812340000")] == [zhang.id]
    assert [cid for cid, _ in found(any_db, team, "京B22222")] == [zhang.id]
    assert [cid for cid, _ in found(any_db, team, "RO-77")] == [zhang.id]
    with any_db.uow().reading() as read:
        entries = read.audit.list_for("customer", zhang.id)
        merge = next(e for e in entries if e.action == "customer.merge")
        assert merge.change_map["sheets"] == [sheet.id]
        assert merge.change_map["merged_from"] == dup.id


# ======================================================================== audit
@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET note = 'tampered'",
    "UPDATE audit_log SET username = 'nobody' WHERE id = (SELECT MIN(id) FROM audit_log)",
    "DELETE FROM audit_log",
    "DELETE FROM audit_log WHERE action = 'customer.create'",
])
def test_the_audit_log_is_append_only_in_the_database(any_db: Database, team: Staff,
                                                      zhang: CustomerDetail,
                                                      statement: str) -> None:
    before = _audit_rows(any_db)
    assert before
    with pytest.raises(DBAPIError) as caught, any_db.engine.begin() as conn:
        conn.execute(text(statement))
    assert "append-only" in str(caught.value)
    assert _audit_rows(any_db) == before
    with any_db.engine.begin() as conn:  # appending still works
        conn.execute(tables.audit_log.insert().values(
            at=NOW, username="t", action="test.append", entity="test", changes="{}", note=""))
    assert len(_audit_rows(any_db)) == len(before) + 1


@pytest.mark.postgres
def test_truncate_cannot_empty_the_audit_log_on_postgresql(
        shared_postgres: Database, clock: Clock) -> None:
    databases.empty_postgres(shared_postgres)
    customers.create_customer(shared_postgres.uow(), seed_staff(shared_postgres.uow()).desk,
                              CustomerInput(name="张三", phones=("13812345678",)))
    before = _audit_rows(shared_postgres)
    with pytest.raises(DBAPIError), shared_postgres.engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_log"))
    assert _audit_rows(shared_postgres) == before


def _audit_rows(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(tables.audit_log).order_by(tables.audit_log.c.id))]


# ============================================================ nothing deleted
@pytest.fixture
def deletes(any_db: Database) -> Iterator[list[str]]:
    """Every DELETE statement the database is sent while the test runs."""
    seen: list[str] = []

    def spy(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("DELETE"):
            seen.append(statement)

    event.listen(any_db.engine, "before_cursor_execute", spy)
    yield seen
    event.remove(any_db.engine, "before_cursor_execute", spy)


def test_no_use_case_deletes_a_row(any_db: Database, team: Staff, clock: Clock,
                                   zhang: CustomerDetail, deletes: list[str]) -> None:
    before = _counts(any_db)
    closed = full_life(any_db, team, clock, zhang)
    uow = any_db.uow()
    cs.reopen(uow, team.director, closed.id, "客户再次投诉")
    other = customers.create_customer(uow, team.desk, CustomerInput(
        name="张叁", phones=("13812340000",), vehicles=(VehicleInput(vin=VIN2),)))
    customers.add_vehicle(uow, team.desk, zhang.id, VehicleInput(vin=VIN3))
    customers.add_order(uow, team.desk, zhang.id, OrderInput(number="RO-1"))
    customers.update_customer(uow, team.desk, zhang.id,
                              customers.get_customer(uow, team.desk, zhang.id).version,
                              CustomerInput(name="张三", phones=("13812345678", "13812349999")))
    customers.merge_customers(uow, team.manager, zhang.id, other.id)
    after = _counts(any_db)
    shrunk = {t: (before[t], after[t]) for t in before if after[t] < before[t]}
    assert shrunk == {}
    # Only the derived search index is ever rewritten.
    assert deletes
    assert all("search_keys" in statement for statement in deletes), deletes
    assert after["sheets"] == before["sheets"] + 1
    assert after["audit_log"] > before["audit_log"]


# ============================================================ datetime kinds
def test_dates_and_times_are_naive_local_values_on_both_backends(
        any_db: Database, team: Staff, clock: Clock, zhang: CustomerDetail) -> None:
    d = cs.register(any_db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="price", description="x",
        customer_id=zhang.id))
    with any_db.uow().reading() as read:
        sheet = read.sheets.get(d.id)
        assert sheet.received_at == NOW and sheet.received_at.tzinfo is None
        assert type(sheet.channel) is Channel and type(sheet.severity) is Severity
        assert type(sheet.escalated_to_oem) is bool
        vehicle = read.customers.get_vehicle(zhang.vehicles[0].id)
        assert type(vehicle.purchase_date) is date


# ============================================== values at the columns' limits
def test_values_beyond_a_columns_size_are_refused_alike_on_both_backends(
        any_db: Database, team: Staff, clock: Clock, zhang: CustomerDetail) -> None:
    """PostgreSQL enforces VARCHAR sizes and integer widths, SQLite does not: the
    services must refuse such values with a message, never a database error."""
    uow = any_db.uow()
    long_email = "a" * 60 + "@" + ".".join(["abcdefghijklmnopqrstuvwxyz0123456789"] * 5) + ".cn"
    assert 200 < len(long_email) <= 254
    with pytest.raises(ValidationErrors) as caught:
        customers.create_customer(uow, team.desk, CustomerInput(
            name="钱七", phones=("13800000077",), email=long_email,
            contacts=(ContactInput(name="钱太太", email=long_email),),
            orders=(OrderInput(number="SO-BIG", amount="3,000,000,000.00"),)))
    found = {e.field: e.code for e in caught.value.errors}
    assert found["email"] == "text.too_long"
    assert found["contact_email"] == "text.too_long"
    assert found["amount"] == "amount.too_large"
    with pytest.raises(ValidationErrors) as caught:
        customers.add_order(uow, team.desk, zhang.id, OrderInput(number="SO-BIG",
                                                                 amount=300_000_000_000))
    assert [e.code for e in caught.value.errors] == ["amount.too_large"]
    sheet = full_life(any_db, team, clock, zhang)
    sheet = cs.reopen(uow, team.director, sheet.id, "客户再次投诉")
    for compensation in ("3,000,000,000", 300_000_000_000):
        with pytest.raises(ValidationErrors) as caught:
            cs.record_analysis(uow, team.manager, sheet.id, compensation=compensation)
        assert [e.code for e in caught.value.errors] == ["amount.too_large"]
    sheet = cs.resolve(uow, team.manager, sheet.id)
    with pytest.raises(ValidationErrors) as caught:
        cs.record_return_visit(uow, team.manager, sheet.id, 5, method="上门" * 11)
    assert [(e.field, e.code) for e in caught.value.errors] == [("visit_method", "text.too_long")]
    # After rework the manager visits (seed 003; issue 16).
    done = cs.record_return_visit(uow, team.manager, sheet.id, 5, method="wechat")
    assert done.visits[-1].method == "wechat"


def test_large_amounts_fit_on_both_backends(any_db: Database, team: Staff,
                                            zhang: CustomerDetail) -> None:
    # A ¥30 million fleet order was refused while money columns were 32-bit.
    order = customers.add_order(any_db.uow(), team.desk, zhang.id,
                                OrderInput(number="SO-FLEET", amount="30,000,000.00"))
    again = customers.get_customer(any_db.uow(), team.desk, zhang.id)
    assert [o.amount_cents for o in again.orders if o.id == order.id] == [3_000_000_000]


def test_the_database_refuses_a_second_vehicle_with_the_same_vin(any_db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with any_db.engine.begin() as conn:
        conn.execute(tables.stores.insert().values(code="X", name="x", kind="retail",
                                                   preset="retail"))
        for name in ("甲", "乙"):
            conn.execute(tables.customers.insert().values(name=name, kind="individual",
                                                          version=1))
        conn.execute(tables.vehicles.insert().values(customer_id=1, vin=VIN2))
    with pytest.raises(IntegrityError), any_db.engine.begin() as conn:
        conn.execute(tables.vehicles.insert().values(customer_id=2, vin=VIN2))
