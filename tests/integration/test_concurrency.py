"""Several desks at once: sheet numbers stay unique and gap-free, a save based on an old
copy is refused naming who saved in between, and a committed sheet survives the
process that wrote it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from helpdesk.domain.errors import ConflictError
from helpdesk.services import complaints as cs
from helpdesk.services import customers, setup
from helpdesk.services.customers import CustomerInput
from helpdesk.services.dto import CustomerDetail, SheetDetail
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock
from tests.fakes import Staff, seed_staff
from tests.integration import databases

PROJECT_ROOT = Path(__file__).resolve().parents[2]
THREADS, PER_THREAD = 4, 15


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def team(any_db: Database, clock: Clock) -> Staff:
    return seed_staff(any_db.uow())


@pytest.fixture
def zhang(any_db: Database, team: Staff) -> CustomerDetail:
    return customers.create_customer(any_db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))


def _input(customer: CustomerDetail, **changes: object) -> cs.SheetInput:
    values: dict[str, object] = {"channel": "reception", "severity": "general",
                                 "category": "price", "description": "收费比报价高",
                                 "customer_id": customer.id}
    values.update(changes)
    return cs.SheetInput(**values)  # type: ignore[arg-type]


# ============================================================ unique numbers
def test_desks_registering_at_once_get_unique_gap_free_numbers(
        any_db: Database, team: Staff, zhang: CustomerDetail) -> None:
    with any_db.uow() as uow:
        second = setup.add_store(uow, "天顺二店", "SQ", "dealership")
        uow.commit()
        second_id = second.id
    numbers: list[str] = []
    failures: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def desk(index: int) -> None:
        uow = any_db.uow()  # each desk its own unit of work (and connection)
        try:
            start.wait()
            for i in range(PER_THREAD):
                # Two stores and two years, so every counter is contended.
                store = second_id if (index + i) % 2 else None
                received = datetime(2025, 12, 31, 15, 0) if i % 3 == 0 else None
                detail = cs.register(uow, team.desk, _input(zhang, store_id=store,
                                                            received_at=received))
                numbers.append(detail.number)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)

    workers = [threading.Thread(target=desk, args=(n,)) for n in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert failures == []
    assert len(numbers) == THREADS * PER_THREAD == len(set(numbers))
    by_counter: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number in numbers:
        code, year, sequence = number.split("-")
        by_counter[(code, year)].append(int(sequence))
    assert set(by_counter) == {("TS", "2025"), ("TS", "2026"), ("SQ", "2025"), ("SQ", "2026")}
    for counter, sequences in by_counter.items():
        assert sorted(sequences) == list(range(1, len(sequences) + 1)), counter
    with any_db.engine.connect() as conn:
        stored = conn.execute(text("SELECT COUNT(*), COUNT(DISTINCT number) FROM sheets")).one()
    assert tuple(stored) == (THREADS * PER_THREAD, THREADS * PER_THREAD)


# ============================================================ stale versions
@pytest.fixture
def sheet(any_db: Database, team: Staff, zhang: CustomerDetail) -> SheetDetail:
    return cs.register(any_db.uow(), team.desk, _input(zhang))


def test_a_save_based_on_an_old_version_names_who_saved(
        any_db: Database, team: Staff, sheet: SheetDetail, clock: Clock) -> None:
    desk_a, desk_b = any_db.uow(), any_db.uow()
    seen_by_a = cs.get_sheet(desk_a, team.manager, sheet.id)
    seen_by_b = cs.get_sheet(desk_b, team.director, sheet.id)
    assert seen_by_a.version == seen_by_b.version
    clock.advance(minutes=4)
    cs.assign(desk_b, team.director, sheet.id, "technical", team.manager,
              expected_version=seen_by_b.version)
    clock.advance(minutes=1)
    with pytest.raises(ConflictError) as caught:
        cs.add_progress(desk_a, team.manager, sheet.id, "已联系客户",
                        expected_version=seen_by_a.version)
    error = caught.value
    assert (error.saved_by, error.saved_at, error.current_version) == (
        "李建国", NOW + timedelta(minutes=4), seen_by_a.version + 1)
    assert "李建国" in error.message and "10:04" in error.message
    after = cs.get_sheet(any_db.uow(), team.manager, sheet.id)
    assert after.progress == () and after.responsible_name == "陈刚"


def _stamp(sheet: object, user_id: int, at: datetime) -> None:
    sheet.updated_by_id, sheet.updated_at = user_id, at  # type: ignore[attr-defined]


def test_a_stale_copy_is_refused_by_the_version_column(
        any_db: Database, team: Staff, sheet: SheetDetail, clock: Clock) -> None:
    """No expected_version: the UPDATE itself finds the row changed (StaleDataError)."""
    desk_a = any_db.uow()
    with desk_a:  # desk A reads the sheet and keeps its copy
        stale = desk_a.sheets.get(sheet.id)
        desk_a.session.expunge(stale)
    clock.advance(minutes=6)
    cs.acknowledge(any_db.uow(), team.director, sheet.id, note="总监已接手")
    with desk_a:
        desk_a.session.add(stale)
        stale.customer_request = "退款"
        _stamp(stale, team.manager, clock.advance(minutes=1))
        with pytest.raises(ConflictError) as caught:
            desk_a.commit()
    assert (caught.value.saved_by, caught.value.saved_at) == ("李建国",
                                                              NOW + timedelta(minutes=6))
    after = cs.get_sheet(any_db.uow(), team.manager, sheet.id)
    assert after.customer_request == "" and after.acknowledged_by_name == "李建国"


def test_a_stale_copy_found_by_an_autoflush_is_refused_the_same_way(
        any_db: Database, team: Staff, sheet: SheetDetail, clock: Clock) -> None:
    """The stale row may surface before commit(), when a query flushes the change."""
    desk_a = any_db.uow()
    with desk_a:
        stale = desk_a.sheets.get(sheet.id)
        desk_a.session.expunge(stale)
    clock.advance(minutes=6)
    cs.acknowledge(any_db.uow(), team.director, sheet.id)
    with pytest.raises(ConflictError) as caught, desk_a:
        desk_a.session.add(stale)
        stale.customer_request = "退款"
        _stamp(stale, team.manager, clock.at)
        desk_a.users.count()  # any query: the autoflush hits the changed row
    assert caught.value.saved_by == "李建国"


def test_every_step_moves_the_version_by_exactly_one(
        any_db: Database, team: Staff, sheet: SheetDetail, clock: Clock) -> None:
    uow = any_db.uow()
    steps = [
        lambda v: cs.acknowledge(uow, team.manager, sheet.id, expected_version=v),
        lambda v: cs.assign(uow, team.director, sheet.id, "technical", team.manager,
                            expected_version=v),
        lambda v: cs.add_progress(uow, team.manager, sheet.id, "已联系", expected_version=v),
        lambda v: cs.wait_for_customer(uow, team.manager, sheet.id, "出差",
                                       expected_version=v),
        lambda v: cs.resume(uow, team.director, sheet.id, expected_version=v),
    ]
    version = sheet.version
    for step in steps:
        clock.advance(minutes=1)
        detail = step(version)
        assert detail.version == version + 1
        assert cs.get_sheet(uow, team.gm, sheet.id).version == detail.version
        version = detail.version


def test_a_stale_customer_copy_is_refused_too(
        any_db: Database, team: Staff, zhang: CustomerDetail, clock: Clock) -> None:
    desk_a = any_db.uow()
    with desk_a:
        stale = desk_a.customers.get(zhang.id)
        desk_a.session.expunge(stale)
    clock.advance(minutes=2)
    customers.update_customer(any_db.uow(), team.manager, zhang.id, zhang.version,
                              CustomerInput(name="张三", phones=("13812345678",),
                                            note="VIP 客户"))
    with desk_a:
        desk_a.session.add(stale)
        stale.note = "覆盖"
        _stamp(stale, team.desk, clock.at)
        with pytest.raises(ConflictError) as caught:
            desk_a.commit()
    assert caught.value.saved_by == "陈刚"
    assert customers.get_customer(any_db.uow(), team.desk, zhang.id).note == "VIP 客户"


@pytest.mark.postgres
def test_two_open_transactions_race_and_the_second_commit_loses(
        shared_postgres: Database, clock: Clock) -> None:
    """On PostgreSQL two desks really hold the same row at once (on SQLite the second
    writer waits for the first: see the next test)."""
    db = shared_postgres
    databases.empty_postgres(db)
    team = seed_staff(db.uow())
    zhang = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    sheet = cs.register(db.uow(), team.desk, _input(zhang))
    desk_a, desk_b = db.uow(), db.uow()
    with desk_a:
        mine = desk_a.sheets.get(sheet.id)
        with desk_b:
            theirs = desk_b.sheets.get(sheet.id)
            theirs.customer_request = "换车"
            _stamp(theirs, team.director, clock.advance(minutes=3))
            desk_b.commit()
        mine.customer_request = "退款"
        _stamp(mine, team.manager, clock.advance(minutes=1))
        with pytest.raises(ConflictError) as caught:
            desk_a.commit()
    assert (caught.value.saved_by, caught.value.saved_at) == ("李建国",
                                                              NOW + timedelta(minutes=3))
    assert cs.get_sheet(db.uow(), team.manager, sheet.id).customer_request == "换车"


def test_on_sqlite_a_second_writer_waits_instead_of_overwriting(
        tmp_path: Path, clock: Clock) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'queue.db'}")
    try:
        team = seed_staff(db.uow())
        zhang = customers.create_customer(db.uow(), team.desk, CustomerInput(
            name="张三", phones=("13812345678",)))
        sheet = cs.register(db.uow(), team.desk, _input(zhang))
        loaded = threading.Event()
        result: list[SheetDetail] = []

        def second_desk() -> None:
            loaded.wait(5)
            result.append(cs.add_progress(db.uow(), team.director, sheet.id, "总监已致电"))

        other = threading.Thread(target=second_desk)
        other.start()
        first = db.uow()
        with first:
            mine = first.sheets.get(sheet.id)  # BEGIN IMMEDIATE: the write lock is ours
            loaded.set()
            time.sleep(0.2)  # the other desk is now waiting for the lock
            assert result == []
            mine.customer_request = "退款"
            _stamp(mine, team.manager, clock.at + timedelta(minutes=1))
            first.commit()
        other.join(10)
        [after] = result
        assert after.customer_request == "退款"  # it saw the first save, nothing lost
        assert [p.text for p in after.progress] == ["总监已致电"]
        assert after.version == sheet.version + 2
    finally:
        db.dispose()


# ================================================================ durability
def test_the_sqlite_connection_is_set_up_for_durable_commits(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'pragmas.db'}")
    try:
        uow = db.uow()
        with uow:
            conn = uow.session.connection()
            values = {name: conn.execute(text(f"PRAGMA {name}")).scalar()
                      for name in ("synchronous", "journal_mode", "foreign_keys")}
        assert values == {"synchronous": 2, "journal_mode": "wal", "foreign_keys": 1}
    finally:
        db.dispose()


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
                          check=False)


def test_a_commit_is_seen_by_a_new_process_and_survives_its_writer_dying(
        tmp_path: Path, clock: Clock) -> None:
    url = f"sqlite:///{tmp_path / 'durable.db'}"
    db = open_database(url)
    try:
        team = seed_staff(db.uow())
        zhang = customers.create_customer(db.uow(), team.desk, CustomerInput(
            name="张三", phones=("13812345678",)))
        sheet = cs.register(db.uow(), team.desk, _input(zhang, description="发动机异响"))
        # This process keeps its engine open (nothing checkpointed); the other process
        # must see the sheet, then commits something itself and dies at once.
        child = _python("""
            import json, os, sys
            from helpdesk.storage.database import open_database
            db = open_database(sys.argv[1], upgrade=False)
            with db.uow().reading() as uow:
                sheet = uow.sheets.get_by_number(sys.argv[2])
                print(json.dumps([sheet.number, sheet.description, sheet.state.value]))
            uow = db.uow()
            with uow:
                uow.settings.set("proof", {"saved": True})
                uow.commit()
            sys.stdout.flush()
            os._exit(0)  # no clean shutdown, no checkpoint, no close
        """, url, sheet.number)
        assert child.returncode == 0, child.stderr
        assert json.loads(child.stdout) == [sheet.number, "发动机异响", "registered"]
    finally:
        db.dispose()
    fresh = open_database(url, upgrade=False)
    try:
        with fresh.uow().reading() as uow:
            assert uow.settings.get("proof") == {"saved": True}
    finally:
        fresh.dispose()
