"""One clock and one time zone: desks in different PC time zones store the same
instants and count the same time left; PostgreSQL's clock is the server's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpdesk.domain import sla
from helpdesk.domain.complaints import Channel, Severity
from helpdesk.domain.errors import ValidationErrors
from helpdesk.services import common, settings
from helpdesk.storage.database import Database
from tests.fakes import seed_staff
from tests.integration import databases
from tests.live import run_desks


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture(autouse=True)
def _forget_clock() -> Iterator[None]:
    yield
    common.reset_clock_sync()


def test_desks_in_utc_and_shanghai_store_the_same_instants(any_db: Database) -> None:
    seed_staff(any_db.uow())
    url = any_db.url
    # Two desks at once, one on a UTC laptop, one in Shanghai.
    utc, shanghai = run_desks((url, "desk", "register", "王五", "UTC"),
                              (url, "desk", "register", "赵六", "Asia/Shanghai"))
    store_now = datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    uow = any_db.uow()
    with uow.reading():
        store = uow.stores.list()[0]
        policy, calendar = common.store_policy(store), common.store_calendar(store)
    for sheet in (utc, shanghai):
        # Stored in the store's wall-clock time, not the PC's (UTC is 8 hours behind).
        received = datetime.fromisoformat(sheet["received_at"])
        assert abs(received - store_now) < timedelta(minutes=1)
        # The one deadline rule applied to that instant, whichever zone the PC is in.
        due = sla.compute_deadlines(received, Channel.RECEPTION, Severity.GENERAL, policy,
                                    calendar)
        assert datetime.fromisoformat(sheet["response_due_at"]) == due.response_due
        assert datetime.fromisoformat(sheet["resolution_due_at"]) == due.resolution_due
    # Each desk reads the same figures for both sheets.
    ids = (str(utc["id"]), str(shanghai["id"]))
    seen_by_utc, seen_by_shanghai = run_desks((url, "desk", "show", *ids, "UTC"),
                                              (url, "desk", "show", *ids, "Asia/Shanghai"))
    for mine, by_utc, by_shanghai in zip((utc, shanghai), seen_by_utc["sheets"],
                                         seen_by_shanghai["sheets"], strict=True):
        for key in ("received_at", "response_due_at", "resolution_due_at"):
            assert mine[key] == by_utc[key] == by_shanghai[key]
        assert abs(by_utc["minutes_left"] - by_shanghai["minutes_left"]) <= 1
        assert mine["minutes_left"] - 2 <= by_utc["minutes_left"] <= mine["minutes_left"]


def test_now_is_the_store_zones_time_whatever_the_pcs_zone(db: Database) -> None:
    staff = seed_staff(db.uow())
    common.sync_clock(db.uow())
    shanghai = datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert abs(common.now() - shanghai) < timedelta(seconds=5)
    assert settings.save_time_zone(db.uow(), staff.admin, "Europe/Berlin") == "Europe/Berlin"
    berlin = datetime.now(ZoneInfo("Europe/Berlin")).replace(tzinfo=None)
    assert abs(common.now() - berlin) < timedelta(seconds=5)
    assert settings.get_time_zone(db.uow()) == "Europe/Berlin"
    with pytest.raises(ValidationErrors) as refused:
        settings.save_time_zone(db.uow(), staff.admin, "Mars/Olympus")
    assert refused.value.errors[0].code == "time_zone.unknown"


def test_sqlite_has_no_server_clock(db: Database) -> None:
    seed_staff(db.uow())
    assert common.sync_clock(db.uow()) == timedelta(0)
    assert not common.clock_off()


@pytest.mark.postgres
def test_postgres_now_is_the_servers_clock(pg_db: Database) -> None:
    seed_staff(pg_db.uow())
    offset = common.sync_clock(pg_db.uow())
    # The test server runs on this machine: no real offset beyond the round trip.
    assert abs(offset) < timedelta(seconds=2) and not common.clock_off()
    server = pg_db.uow()
    with server.reading():
        server_now = server.server_now()
    assert server_now is not None
    shown = server_now.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert abs(common.now() - shown) < timedelta(seconds=2)


def test_a_desk_clock_off_by_minutes_is_noticed(monkeypatch: pytest.MonkeyPatch,
                                               db: Database) -> None:
    seed_staff(db.uow())
    uow = db.uow()
    ahead = datetime.now(UTC) + timedelta(minutes=7)
    monkeypatch.setattr(type(uow), "server_now", lambda self: ahead)
    offset = common.sync_clock(uow)
    assert abs(offset - timedelta(minutes=7)) < timedelta(seconds=2)
    assert common.clock_off()
    # "now" follows the server, in the store's zone.
    expected = ahead.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert abs(common.now() - expected) < timedelta(seconds=2)
