"""The change feed across processes (SQLite poll, PostgreSQL NOTIFY): what another
process commits reaches this one's listeners, once, within two seconds; what this
process commits is not heard twice; what is rolled back is never heard."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpdesk.domain import events
from helpdesk.domain.events import Changes
from helpdesk.services import settings
from helpdesk.storage import change_feed, tables
from helpdesk.storage.database import Database
from tests.fakes import seed_staff
from tests.integration import databases
from tests.live import run_desk


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


class Heard:
    def __init__(self) -> None:
        self.items: list[tuple[float, Changes]] = []
        self._lock = threading.Lock()

    def __call__(self, changes: Changes) -> None:
        with self._lock:
            self.items.append((time.monotonic(), changes))

    def all(self) -> Changes:
        with self._lock:
            return Changes.union(c for _t, c in self.items)

    def wait_for(self, test: object, timeout: float = 5.0) -> float:
        """Seconds until ``test(all)`` held."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if test(self.all()):  # type: ignore[operator]
                return time.monotonic() - start
            time.sleep(0.02)
        raise AssertionError(f"not heard within {timeout} s: {self.all()}")


def test_another_process_commit_is_heard_within_two_seconds(any_db: Database) -> None:
    seed_staff(any_db.uow())
    heard = Heard()
    stop = change_feed.watch(any_db.engine, heard)
    try:
        registered = run_desk(any_db.url, "desk", "register", "钱七")
        finished = time.monotonic()
        heard.wait_for(lambda c: registered["id"] in c.sheet_ids)
        first = min(t for t, c in heard.items if registered["id"] in c.sheet_ids)
        assert first - finished < 2.0
        assert heard.all().customer_ids  # the new customer too
    finally:
        stop()


def test_own_commits_are_not_heard_again_and_rollbacks_not_at_all(any_db: Database) -> None:
    staff = seed_staff(any_db.uow())
    heard = Heard()
    stop = change_feed.watch(any_db.engine, heard)
    try:
        settings.save_retention_years(any_db.uow(), staff.admin, 3)  # this process
        uow = any_db.uow()
        with uow:  # rolled back: nothing announced
            uow.record(events.SettingsChanged(at=datetime(2026, 12, 1),
                                              user_id=staff.admin, key="categories"))
        time.sleep(1.5)  # over a poll
        assert heard.items == []
    finally:
        stop()


def test_payload_round_trips_and_a_huge_change_becomes_everything() -> None:
    changes = Changes(sheet_ids=frozenset({3, 1}), customer_ids=frozenset({7}), users=True)
    assert change_feed.decode(change_feed.encode(changes, "x")) == ("x", changes)
    assert change_feed.decode(change_feed.encode(Changes(settings=True), "y")) == \
        ("y", Changes(settings=True))
    huge = Changes(sheet_ids=frozenset(range(10_000)))
    payload = change_feed.encode(huge)
    assert len(payload) < change_feed.MAX_PAYLOAD
    assert change_feed.decode(payload)[1] == Changes(everything=True)
    assert change_feed.decode("not json")[1] == Changes(everything=True)


def test_sqlite_keeps_only_the_newest_feed_rows(db: Database) -> None:
    uow = db.uow()
    with uow:
        for n in range(1, 1201):
            change_feed.announce(uow, Changes(sheet_ids=frozenset({n})))
        uow.commit()
    with db.engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(tables.change_feed))
    assert count is not None and change_feed.KEEP <= count < change_feed.KEEP + 100
