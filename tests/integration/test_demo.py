"""The demo data: deterministic, valid, consistent with the workflow and SLA code, and
usable through the services (login, search, registering the next sheet).

Everything runs on the tiny size; a module-scoped load is shared by the read-only checks
(on SQLite, and on PostgreSQL when a server is configured).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from helpdesk.demo import generator as demo
from helpdesk.domain import search_keys as sk
from helpdesk.domain import sla, validation
from helpdesk.domain.complaints import (
    DEFAULT_CATEGORIES,
    TRANSITIONS,
    Action,
    Sheet,
    SheetState,
    VisitKind,
)
from helpdesk.domain.customers import CustomerKind
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    AuthenticationError,
    PermissionDenied,
    StorageError,
    ValidationErrors,
)
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import common, complaints, customers, setup, users
from helpdesk.storage import bulk, search, tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock, _postgres_db, postgres_available

TINY = demo.SIZES["tiny"]
SEED = 11


def _load(database: Database, seed: int = SEED, **options: Any) -> demo.DemoSummary:
    customers_count, sheets_count = TINY
    return demo.load_demo(database.uow(), customers=customers_count, sheets=sheets_count,
                          seed=seed, **options)


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def loaded(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Any]]:
    """One tiny demo load per backend, shared by the read-only tests below."""
    common.set_clock(Clock(NOW))
    try:
        if request.param == "sqlite":
            path = tmp_path_factory.mktemp("demo") / "demo.db"
            database = open_database(f"sqlite:///{path}")
            summary = _load(database)
            yield database, summary
            database.dispose()
        else:
            if not postgres_available():
                pytest.skip("no PostgreSQL server: set HELPDESK_TEST_POSTGRES_URL (CI sets it)")
            for database in _postgres_db():
                summary = _load(database)
                yield database, summary
    finally:
        common.set_clock(None)


def _rows(database: Database, table: Any, *order: Any) -> list[dict[str, Any]]:
    with database.engine.connect() as conn:
        stmt = select(table).order_by(*(order or (table.c.id,)))
        return [dict(row._mapping) for row in conn.execute(stmt)]


def _dump(database: Database, skip: dict[str, set[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """Every demo table, row by row (minus columns that depend on the wall clock)."""
    result = {}
    for table in (*bulk.LOAD_ORDER, tables.users, tables.stores, tables.sheet_counters):
        order = [table.c.id] if "id" in table.c else list(table.primary_key.columns)
        columns = [c for c in table.c if c.name not in skip.get(table.name, set())]
        with database.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(*order))
            result[table.name] = [tuple(row) for row in rows]
    return result


# ---------------------------------------------------------------- determinism
def test_same_seed_and_today_give_identical_data(tmp_path: Path) -> None:
    """Two loads at different times of day with the same seed and ``today`` are
    identical, table by table; another seed gives other people."""
    skip = {"users": {"password_hash", "created_at"}}
    dumps = []
    for run, clock_at in enumerate((NOW, NOW + timedelta(hours=5, minutes=17))):
        common.set_clock(Clock(clock_at))
        try:
            database = open_database(f"sqlite:///{tmp_path / f'run{run}.db'}")
            _load(database, today=date(2026, 11, 17))
            dumps.append(_dump(database, skip))
            database.dispose()
        finally:
            common.set_clock(None)
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["sheets"]) == TINY[1]

    common.set_clock(Clock(NOW))
    try:
        other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
        demo.load_demo(other.uow(), customers=TINY[0], sheets=0, seed=SEED + 1,
                       today=date(2026, 11, 17))
        names = [r["name"] for r in _rows(other, tables.customers)]
        other.dispose()
    finally:
        common.set_clock(None)
    assert names != [row[1] for row in dumps[0]["customers"]]


@pytest.mark.postgres
def test_sqlite_and_postgresql_get_the_same_data(tmp_path: Path, clock: Clock) -> None:
    """The COPY path (PostgreSQL) and the driver path (SQLite) write the same rows."""
    if not postgres_available():
        pytest.skip("no PostgreSQL server: set HELPDESK_TEST_POSTGRES_URL (CI sets it)")
    lite = open_database(f"sqlite:///{tmp_path / 'lite.db'}")
    _load(lite)
    expected = _rows(lite, tables.sheets)
    expected_customers = _rows(lite, tables.customers)
    lite.dispose()
    for pg in _postgres_db():
        _load(pg)
        assert _rows(pg, tables.sheets) == expected
        assert _rows(pg, tables.customers) == expected_customers


# ---------------------------------------------------------------- validity
def test_every_phone_vin_plate_and_number_is_valid_and_unique(loaded: Any) -> None:
    database, summary = loaded
    phones = [r["number"] for r in _rows(database, tables.customer_phones)]
    phones += [r["phone"] for r in _rows(database, tables.contacts)]
    assert phones and len(phones) == len(set(phones))
    for number in phones:
        assert validation.validate_phone(number) == number  # stored E.164, as services do
    assert any(not n.startswith("+861") for n in phones), "some landlines"

    vehicles = _rows(database, tables.vehicles)
    assert len(vehicles) == summary.vehicles > 0
    assert len({v["vin"] for v in vehicles}) == len(vehicles)
    assert len({v["plate"] for v in vehicles}) == len(vehicles)
    nev_models = {m.model for m in demo._MODELS if m.nev}
    for v in vehicles:
        assert validation.validate_vin(v["vin"]) == v["vin"]  # the check digit holds
        assert v["vin_check_overridden"] is False
        assert validation.validate_plate(v["plate"]) == v["plate"]
        wmi = {m.model: m.wmi for m in demo._MODELS}[v["model"]]
        assert v["vin"].startswith(wmi)
        # New-energy models carry the green plate (one more character), others do not.
        assert (len(v["plate"]) == 8) == (v["model"] in nev_models), v
        assert v["purchase_date"] <= NOW.date()
        assert v["mileage_km"] is not None and 0 <= v["mileage_km"] < 1_000_000

    orders = _rows(database, tables.orders)
    assert len(orders) == summary.orders
    assert len({o["number"] for o in orders}) == len(orders)
    for order in orders:
        assert validation.validate_order_number(order["number"]) == order["number"]
        assert order["ordered_at"] <= NOW.date()
        if order["kind"] == "vehicle_sale":
            assert 100_000_00 <= order["amount_cents"] <= 500_000_00
        elif order["kind"] == "service":
            assert 200_00 <= order["amount_cents"] <= 8_000_00

    people = _rows(database, tables.customers)
    for person in people:
        if person["kind"] == CustomerKind.INDIVIDUAL:
            assert validation.validate_person_name(person["name"]) == person["name"]
            assert 2 <= len(person["name"]) <= 4
        if person["birthday"] is not None:
            assert date(1940, 1, 1) < person["birthday"] < NOW.date()
        if person["email"]:
            assert validation.validate_email(person["email"]) == person["email"]
    assert any(p["kind"] == CustomerKind.COMPANY for p in _rows(database, tables.customers)) \
        or len(people) < 100


def test_sheets_cover_every_state_channel_and_a_real_mix(loaded: Any) -> None:
    database, _summary = loaded
    sheets = _rows(database, tables.sheets)
    assert {s["state"] for s in sheets} == set(SheetState)
    assert {s["channel"] for s in sheets} == set(Channel)
    assert {s["severity"] for s in sheets} == set(Severity)
    assert {s["category"] for s in sheets} <= set(DEFAULT_CATEGORIES)
    states = Counter(s["state"] for s in sheets)
    assert states[SheetState.CLOSED] > len(sheets) / 2  # the old ones are done
    years = {s["received_at"].year for s in sheets}
    assert len(years) >= 4 and max(years) == NOW.year
    assert all(s["received_at"] <= NOW for s in sheets)
    for s in sheets:
        if s["state"] in (SheetState.RESOLVED, SheetState.VISITED, SheetState.CLOSED):
            # Resolving needed a concrete root cause and measure (the ban on empty words).
            validation.validate_measure(s["root_cause"], field="root_cause")
            validation.validate_measure(s["long_term_measure"])
            assert s["correction"] and s["responsible_user_id"] is not None
        assert s["customer_name"] and s["customer_phone"].startswith("+86")
        assert not (s["vehicle_id"] and s["order_id"])
    # Several visits per sheet are possible (after a reopen); satisfaction is 1-5, mostly high.
    visits = _rows(database, tables.sheet_visits)
    scores = Counter(v["satisfaction"] for v in visits)
    assert set(scores) <= {1, 2, 3, 4, 5} and scores[5] + scores[4] > len(visits) / 2
    actions = _rows(database, tables.sheet_actions)
    assert actions and all(a["owner_id"] and a["due_date"] for a in actions)


def test_overdue_and_near_due_sheets_are_in_the_lists(loaded: Any, clock: Clock) -> None:
    """The list's SQL overdue filter says what the domain rule says for every demo
    sheet (waiting ones included), and the desk sees both overdue and nearly-due work."""
    database, summary = loaded
    director = _user_id(database, "director")
    uow = database.uow()
    overdue = set(complaints.list_sheet_ids(uow, director, SheetFilter(due=DueFilter.OVERDUE)))
    open_ids = complaints.list_sheet_ids(uow, director, SheetFilter(include_closed=False))
    rows = sorted(_rows(database, tables.sheets), key=lambda s: (s["received_at"], s["id"]),
                  reverse=True)
    assert open_ids == [s["id"] for s in rows if s["state"] != SheetState.CLOSED]
    due_today = complaints.list_sheet_ids(uow, director, SheetFilter(due=DueFilter.DUE_TODAY))
    assert set(due_today) - overdue, "something is due later today"
    near = []
    judged_overdue = set()
    for sheet_id in open_ids:
        view = complaints.get_sheet(uow, director, sheet_id).sla
        assert view is not None
        near += [view for status in (view.response, view.resolution)
                 if status is not None and status.state is sla.SlaState.NEAR]
        if view.overdue:
            judged_overdue.add(sheet_id)
    assert overdue == judged_overdue and overdue
    assert near


# ---------------------------------------------------------------- the real SLA code
def test_deadlines_and_workflow_replay_through_the_domain(loaded: Any) -> None:
    """Each sheet is replayed step by step through the real ``Sheet`` methods (state
    guards, roles, the ban on empty words), and the result matches what was stored:
    deadlines from ``apply_sla``/``compute_deadlines``, response and resolution times and
    on-time flags, the deadline after a waiting period, the final state."""
    _assert_replays(loaded[0])


def test_a_retail_store_gets_orders_and_its_own_deadlines(tmp_path: Path, clock: Clock) -> None:
    """On a set-up retail store (24 h / 48 h on the clock, seed 004) sheets refer to
    orders, and every deadline and step still matches the domain code."""
    database = open_database(f"sqlite:///{tmp_path / 'retail.db'}")
    done = setup.initialise(database.uow(), store_name="优品生活馆", store_code="YP",
                            preset="retail", admin_username="boss",
                            admin_password="boss-pass-1")
    summary = demo.load_demo(database.uow(), customers=40, sheets=120,
                             actor_id=done.admin_id)
    assert summary.vehicles == 0 and summary.orders > 0
    sheets = _rows(database, tables.sheets)
    assert all(s["vehicle_id"] is None for s in sheets)
    assert sum(s["order_id"] is not None for s in sheets) > len(sheets) / 2
    assert Counter(s["channel"] for s in sheets).most_common(1)[0][0] == Channel.IN_STORE
    _assert_replays(database)
    database.dispose()


def _assert_replays(database: Database) -> None:
    uow = database.uow()
    with uow.reading():
        store = uow.stores.list()[0]
        policy, calendar = common.store_policy(store), common.store_calendar(store)
        staff = {u.id: u for u in uow.users.list()}
        for sheet_id in _ids(database):
            stored = uow.sheets.get(sheet_id)
            deadlines = sla.compute_deadlines(stored.received_at, stored.channel,
                                              stored.severity, policy, calendar)
            assert stored.base_resolution_due_at == deadlines.resolution_due
            if stored.category != "enquiry" or policy.enquiry_response is None:
                assert stored.response_due_at == deadlines.response_due
            replay = Sheet(number=stored.number, store_id=stored.store_id,
                           received_at=stored.received_at,
                           received_by_id=stored.received_by_id, channel=stored.channel,
                           severity=stored.severity, category=stored.category,
                           customer_id=stored.customer_id)
            replay.apply_sla(policy, calendar)
            assert replay.response_due_at == stored.response_due_at
            assert replay.sla_rule_json == stored.sla_rule_json
            assert replay.escalated_to_oem == stored.escalated_to_oem
            _replay(replay, stored, staff, calendar)
            for name in ("state", "acknowledged_at", "acknowledged_by_id", "response_minutes",
                         "response_on_time", "resolved_at", "resolution_minutes",
                         "resolution_on_time", "closed_at", "closed_by_id",
                         "resolution_due_at", "responsible_user_id", "responsible_area",
                         "closing_remark"):
                assert getattr(replay, name) == getattr(stored, name), (stored.number, name)
            assert stored.version >= 1 + len(stored.transitions)
            assert stored.created_at == stored.received_at <= stored.updated_at <= NOW


def _ids(database: Database) -> list[int]:
    return [r["id"] for r in _rows(database, tables.sheets)]


def _replay(replay: Sheet, stored: Sheet, staff: dict[int, Any], calendar: Any) -> None:
    visits = iter(stored.visits)
    pauses = iter(stored.pauses)
    for step in stored.transitions:
        by = staff[step.by_id]
        action = Action(step.action)
        assert replay.state is step.from_state
        assert step.from_state in TRANSITIONS[action].sources
        if action is Action.ACKNOWLEDGE:
            replay.acknowledge(by, step.at, step.note)
        elif action is Action.ASSIGN:
            assert stored.responsible_area is not None and stored.responsible_user_id
            replay.assign(by, step.at, stored.responsible_area, stored.responsible_user_id,
                          step.note)
        elif action is Action.WAIT:
            replay.wait_for_customer(by, step.at, step.note)
            pause = next(pauses)
            assert (pause.started_at, pause.reason) == (step.at, step.note)
        elif action is Action.RESUME:
            replay.resume(by, step.at, calendar, step.note)
            assert replay.pauses[-1].ended_at == step.at
        elif action is Action.RESOLVE:
            for name in ("root_cause", "correction", "long_term_measure", "rework_needed",
                         "rework_completed_at"):
                setattr(replay, name, getattr(stored, name))
            replay.resolve(by, step.at, validation.DEFAULT_BANNED_PHRASES, step.note)
        elif action is Action.RETURN_VISIT:
            visit = next(visits)
            assert (visit.visited_at, visit.by_id) == (step.at, step.by_id)
            kind = VisitKind.AFTER_REWORK if stored.rework_needed else VisitKind.SATISFACTION
            assert visit.kind is kind
            replay.record_return_visit(by, step.at, visit.satisfaction, visit.feedback,
                                       visit.kind, visit.method)
        elif action is Action.CLOSE:
            replay.close(by, step.at, step.note)
        elif action is Action.REOPEN:
            replay.reopen(by, step.at, step.note)
        assert replay.state is step.to_state
    if stored.state is SheetState.WAITING:
        assert stored.pauses[-1].ended_at is None


# ---------------------------------------------------------------- search keys
def test_search_keys_are_what_the_services_write(loaded: Any) -> None:
    """The loader's shortcut (name keys cached, national digits for phones) gives
    exactly the keys ``search.keys_of`` computes for the stored customer."""
    database, _summary = loaded
    uow = database.uow()
    stored: dict[int, set[tuple[str, str]]] = {}
    for row in _rows(database, tables.search_keys):
        stored.setdefault(row["customer_id"], set()).add((row["kind"], row["key"]))
    with uow.reading():
        for customer_id in sorted(stored):
            customer = uow.customers.get(customer_id)
            assert set(search.keys_of(customer)) == stored[customer_id], customer.name


def test_customers_are_found_by_pinyin_initials_phone_tail_plate_and_order(
        loaded: Any, clock: Clock) -> None:
    database, _summary = loaded
    desk = _user_id(database, "desk1")
    uow = database.uow()
    people = [c for c in _rows(database, tables.customers) if c["kind"] == "individual"]
    person = people[len(people) // 2]
    initials = min(sk.name_pinyin_keys(person["name"]), key=len)
    found = customers.find_customers(uow, desk, initials, limit=200)
    assert person["id"] in [c.id for c in found]
    phone = next(p["number"] for p in _rows(database, tables.customer_phones)
                 if p["customer_id"] == person["id"])
    found = customers.find_customers(uow, desk, phone[-4:], limit=200)
    assert person["id"] in [c.id for c in found]
    vehicle = _rows(database, tables.vehicles)[0]
    plate = vehicle["plate"][:2] + "·" + vehicle["plate"][2:].lower()
    assert [c.id for c in customers.find_customers(uow, desk, plate)][0] == \
        vehicle["customer_id"]
    assert vehicle["customer_id"] in [c.id for c in customers.find_customers(
        uow, desk, vehicle["vin"][-6:])]
    order = _rows(database, tables.orders)[-1]
    assert [c.id for c in customers.find_customers(uow, desk, order["number"])][0] == \
        order["customer_id"]


def test_polyphonic_and_compound_surnames_are_searchable(tmp_path: Path, clock: Clock) -> None:
    """Enough customers to meet 曾/单/区/欧阳…: their surname reading finds them."""
    database = open_database(f"sqlite:///{tmp_path / 'names.db'}")
    demo.load_demo(database.uow(), customers=1500, sheets=0, seed=3)
    desk = _user_id(database, "desk1")
    names = [c["name"] for c in _rows(database, tables.customers)]
    readings = {"曾": "zeng", "单": "shan", "区": "ou", "解": "xie", "欧阳": "ouyang",
                "司马": "sima"}
    seen = 0
    for surname, spelled in readings.items():
        name = next((n for n in names if n.startswith(surname)
                     and not n.startswith(("单于",))), None)
        if name is None:
            continue
        seen += 1
        hits = customers.find_customers(database.uow(), desk, spelled, limit=200)
        assert name in [h.name for h in hits], (name, spelled)
    assert seen >= 3
    database.dispose()


# ---------------------------------------------------------------- the services after a load
def test_next_registered_sheet_gets_the_next_number(loaded: Any, clock: Clock) -> None:
    database, summary = loaded
    desk = _user_id(database, "desk1")
    sheets = _rows(database, tables.sheets)
    this_year = [s["number"] for s in sheets if s["received_at"].year == NOW.year]
    customer_id = sheets[0]["customer_id"]
    uow = database.uow()
    registered = complaints.register(uow, desk, complaints.SheetInput(
        channel=Channel.RECEPTION, severity=Severity.GENERAL, category="waiting_time",
        description="测试：演示数据之后登记的新抱怨", customer_id=customer_id))
    assert registered.number == f"{summary.store_code}-{NOW.year}-{len(this_year) + 1:06d}"
    assert registered.number not in {s["number"] for s in sheets}
    counters = _rows(database, tables.sheet_counters, tables.sheet_counters.c.year)
    per_year = Counter(s["received_at"].year for s in sheets)
    per_year[NOW.year] += 1
    assert {c["year"]: c["last_value"] for c in counters} == dict(per_year)


@pytest.mark.production_hashing  # the demo's shared hash is not re-hashed at login
def test_demo_users_log_in_with_the_demo_password(loaded: Any, clock: Clock) -> None:
    database, summary = loaded
    assert summary.password == demo.DEMO_PASSWORD
    roles = set(summary.users.values())
    assert {"admin", "front_desk", "customer_care", "service_manager", "service_director",
            "general_manager"} <= roles
    for username in ("desk1", "director", "admin"):
        assert users.login(database.uow(), username, demo.DEMO_PASSWORD).username == username
    with database.engine.connect() as conn:
        hashes = set(conn.execute(select(tables.users.c.password_hash).where(
            tables.users.c.username.in_(list(summary.users)))).scalars())
    assert len(hashes) == 1 and "" not in hashes  # the others share that password
    # Technicians are responsible persons without a login.
    with pytest.raises(AuthenticationError):
        users.login(database.uow(), "zhangcheng", demo.DEMO_PASSWORD)
    names = {u.username: u for u in users.list_users(database.uow())}
    assert names["zhangcheng"].display_name == "张诚" and not names["zhangcheng"].can_login


def test_one_audit_entry_for_the_load(loaded: Any) -> None:
    database, summary = loaded
    entries = _rows(database, tables.audit_log)
    loads = [e for e in entries if e["action"] == "demo.load"]
    assert len(loads) == 1
    changes = json.loads(loads[0]["changes"])
    assert changes["sheets"] == summary.sheets and changes["seed"] == SEED
    # The store, the staff, the load — never one per row (other tests here log in and
    # register a sheet, which audit themselves).
    assert sorted(e["action"] for e in entries if e["action"].startswith(("demo.", "store."))) \
        == ["demo.load", "demo.staff", "store.create"]
    assert not [e for e in entries if e["action"].startswith(("customer.", "user.create"))]


# ---------------------------------------------------------------- refusals and options
def test_refuses_a_database_with_customers(tmp_path: Path, clock: Clock) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'full.db'}")
    demo.load_demo(database.uow(), customers=5, sheets=10)
    with database.engine.connect() as conn:
        before = conn.scalar(select(func.count()).select_from(tables.sheets))
    with pytest.raises(StorageError) as refused:
        demo.load_demo(database.uow(), customers=5, sheets=10)
    assert refused.value.code == "demo.not_empty"
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(tables.sheets)) == before
    with pytest.raises(ValidationErrors):
        demo.load_demo(database.uow(), customers=0, sheets=-1)
    database.dispose()


def test_adds_to_a_set_up_database_and_keeps_its_store_and_admin(tmp_path: Path,
                                                                  clock: Clock) -> None:
    """The data goes to the existing store; the existing administrator keeps their
    password — and, having taken the name "director", gets a demo director beside them
    (the sheets must be closed by someone who holds the director role). The demo staff
    of a store set up by ``init`` get no password: none can log in with the demo one."""
    database = open_database(f"sqlite:///{tmp_path / 'setup.db'}")
    done = setup.initialise(database.uow(), store_name="华南汽车服务中心", store_code="HN",
                            preset="dealership", admin_username="director",
                            admin_password="own-secret-9")
    seen: list[tuple[str, int, int]] = []
    summary = demo.load_demo(database.uow(), customers=30, sheets=80,
                             actor_id=done.admin_id,
                             progress=lambda stage, done, total: seen.append(
                                 (stage, done, total)))
    assert summary.store_code == "HN"
    assert summary.users == {} and summary.password == ""
    for name in ("demo-director", "admin", "manager", "desk1"):
        with pytest.raises(AuthenticationError):
            users.login(database.uow(), name, demo.DEMO_PASSWORD)
    assert all(s["number"].startswith("HN-") for s in _rows(database, tables.sheets))
    assert users.login(database.uow(), "director", "own-secret-9").username == "director"
    with pytest.raises(AuthenticationError):
        users.login(database.uow(), "director", demo.DEMO_PASSWORD)
    _assert_replays(database)
    stages = [s for s, _d, _t in seen]
    assert stages[0] == "setup" and stages[-1] == "indexes"
    assert {"customers", "sheets"} <= set(stages)
    assert all(0 <= d <= t for _s, d, t in seen)
    database.dispose()


def test_a_set_up_database_refuses_demo_data_without_an_administrator(
        tmp_path: Path, clock: Clock) -> None:
    """Issue 16: `helpdesk demo` on a store made by `init` added `admin`/`director`
    with the published password. Now it needs the administrator, and adds nobody
    who can log in with the demo password."""
    database = open_database(f"sqlite:///{tmp_path / 'real.db'}")
    done = setup.initialise(database.uow(), store_name="华南汽车服务中心", store_code="HN",
                            preset="dealership", admin_username="boss",
                            admin_password="own-secret-9")
    with pytest.raises(PermissionDenied) as refused:
        demo.load_demo(database.uow(), customers=1, sheets=0)
    assert refused.value.code == "demo.login_required"
    desk = users.create_user(database.uow(), done.admin_id, "desk9", "前台九",
                             ["front_desk"], password="desk-pass-9")
    with pytest.raises(PermissionDenied):
        demo.load_demo(database.uow(), customers=1, sheets=0, actor_id=desk.id)
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(tables.users)) == 2
        assert conn.scalar(select(func.count()).select_from(tables.customers)) == 0
    database.dispose()


def test_a_failed_load_leaves_no_half_data(tmp_path: Path, clock: Clock,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything after the staff is one transaction: a failure rolls it all back and
    the indexes dropped for the load are back."""
    database = open_database(f"sqlite:///{tmp_path / 'fail.db'}")
    with database.engine.connect() as conn:
        indexes = sorted(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())

    def broken(self: Any, count: int) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo._SheetMaker, "make", broken)
    with pytest.raises(RuntimeError):
        demo.load_demo(database.uow(), customers=20, sheets=50)
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(tables.customers)) == 0
        assert sorted(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index'")).scalars()) == indexes
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL again
    monkeypatch.undo()
    assert demo.load_demo(database.uow(), customers=20, sheets=50).customers == 20
    database.dispose()


def test_a_load_that_fails_after_its_commit_is_kept_and_synced(
        tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after the commit (here in ANALYZE) keeps the committed rows, and the file
    is still brought back to WAL mode, FULL synchronous and fsynced (the load ran with
    ``synchronous=OFF``)."""
    database = open_database(f"sqlite:///{tmp_path / 'late.db'}")
    synced: list[str] = []
    real_fsync = bulk._fsync
    monkeypatch.setattr(bulk, "_fsync", lambda path: (synced.append(path), real_fsync(path)))

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("analyze failed")

    monkeypatch.setattr(bulk, "analyze", broken)
    with pytest.raises(RuntimeError):
        demo.load_demo(database.uow(), customers=20, sheets=50)
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(tables.customers)) == 20
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL again
    assert str(tmp_path / "late.db") in synced
    database.dispose()


def test_timestamps_are_stored_as_sqlalchemy_stores_them(db: Database) -> None:
    """The loader's minute-to-text shortcut equals SQLAlchemy's own DATETIME binding."""
    from sqlalchemy import DateTime

    process = DateTime().dialect_impl(db.engine.dialect).bind_processor(db.engine.dialect)
    epoch = datetime(2000, 1, 1)
    with bulk.BulkLoader(db.engine, [tables.settings], drop_indexes=False,
                         analyze=False) as loader:
        value = loader.minute_values(epoch)
        for minute in (0, 59, 1439, 1440, 13_999_999, 14_000_001):
            assert value(minute) == process(epoch + timedelta(minutes=minute))


def test_fast_search_normalisation_matches_the_general_one() -> None:
    """normalize_search_query's ASCII fast path (used millions of times while indexing)
    gives what the NFKC path gives, for every ASCII character."""
    from helpdesk.domain import text as text_mod

    samples = ["".join(chr(c) for c in range(128)), "SO-2026/000123", " 138 1234 5678 ",
               "LSV·A", "a\tb\x1cc\x1fd", "MiXeD.Case-01"]
    samples += [chr(c) * 2 for c in range(128)]
    for sample in samples:
        slow = text_mod.fold_width(text_mod.strip_separators(
            text_mod.fold_width(sample).lower(), sk._QUERY_SEPARATORS))
        assert sk.normalize_search_query(sample) == slow, repr(sample)


def _user_id(database: Database, username: str) -> int:
    with database.engine.connect() as conn:
        return int(conn.scalar(select(tables.users.c.id).where(
            tables.users.c.username == username)))


def test_a_believable_store_open_work_is_recent(loaded: Any) -> None:
    """Issue 17: no open sheet overdue for years, no return visit due since 2022."""
    database, _summary = loaded
    sheets = _rows(database, tables.sheets)
    recent = NOW - timedelta(days=demo.RECENT_OPEN_DAYS)
    open_sheets = [s for s in sheets if s["state"] != SheetState.CLOSED.value]
    assert open_sheets
    assert all(s["received_at"] >= recent for s in open_sheets)
    awaiting_visit = [s for s in sheets if s["state"] == SheetState.RESOLVED.value]
    assert all(s["resolved_at"] >= recent for s in awaiting_visit)


def test_causes_and_measures_tell_the_same_story_as_the_description(loaded: Any) -> None:
    database, _summary = loaded
    # The texts of a category are written in parallel; the keyword of a description's
    # line shows up in the cause of the same line.
    pairs = (("空调不制冷", "冷媒"), ("方向盘还是往右偏", "定位仪"), ("一踩刹车", "刹车片"),
             ("机油尺", "机油"), ("色差", "调漆"), ("保养提示", "保养里程"))
    checked = 0
    for sheet in _rows(database, tables.sheets):
        if sheet["category"] != "repair_quality" or not sheet["root_cause"]:
            continue
        for said, cause in pairs:
            if said in sheet["description"]:
                assert cause in sheet["root_cause"], (sheet["description"], sheet["root_cause"])
                checked += 1
    assert checked


def test_progress_is_logged_in_open_hours_and_in_order(loaded: Any) -> None:
    database, _summary = loaded
    calendar = demo.demo_calendar()
    by_sheet: dict[int, list[dict[str, Any]]] = {}
    for entry in _rows(database, tables.sheet_progress, tables.sheet_progress.c.id):
        by_sheet.setdefault(entry["sheet_id"], []).append(entry)
    assert by_sheet
    general = demo._GENERAL_PROGRESS
    for entries in by_sheet.values():
        times = [e["at"] for e in entries]
        assert times == sorted(times)
        for at in times:
            hours = calendar.hours_on(at.date())
            assert hours is not None and hours[0] <= at.time() <= hours[1], at
        # "the repair is done" never comes before "we called the customer"
        texts = [e["text"] for e in entries]
        if general[4] in texts and any(t.startswith("已电话联系客户") for t in texts):
            first_call = next(i for i, t in enumerate(texts) if t.startswith("已电话联系客户"))
            assert first_call < texts.index(general[4])
