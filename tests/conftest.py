"""Shared fixtures: an offscreen Qt, a fresh migrated database (SQLite, or PostgreSQL
when ``HELPDESK_TEST_POSTGRES_URL`` is set), a frozen clock and a staffed store."""

from __future__ import annotations

import gc
import os
import sys

# Before anything imports Qt (metabrainz/picard test/conftest.py does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the developer's real credential store (tests that need one install their own).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from helpdesk.domain.users import Role
from helpdesk.services import common, setup, users
from helpdesk.storage.database import Database, open_database

# No timings in tests: Hypothesis's clock-based checks (a deadline per example, "data
# generation too slow") fail on a busy two-core machine for reasons that are not the
# code's. What the properties assert is unchanged.
settings.register_profile("helpdesk", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("helpdesk")

PG_ENV = "HELPDESK_TEST_POSTGRES_URL"
NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday, store open


_GC_THRESHOLDS = gc.get_threshold()


@pytest.fixture(autouse=True, scope="session")
def _no_automatic_garbage_collection() -> Iterator[None]:
    """Cycles are collected only here, in the main thread, between tests — as the desktop
    does with ``ui/gc_guard`` — never automatically in whichever thread allocates: a
    collection in a worker thread (a list or record loading in the background, or a
    thread a previous test left behind) can destroy Qt objects the main thread owns,
    and the process dies. Holds in every process of ``pytest -n 2`` and whatever order
    the tests run in."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests(_no_automatic_garbage_collection: None) -> Iterator[None]:
    yield
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > _GC_THRESHOLDS[generation]:
            gc.collect(generation)
            break
    gc.disable()  # a test that switched it on (the collector's own test) leaves it off


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data/config folder; nothing touches the user's files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HELPDESK_HOME", str(home))
    monkeypatch.delenv("HELPDESK_DATABASE_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def _cheap_password_hashing(request: pytest.FixtureRequest,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 is slow on purpose (~0.1–0.3 s a hash, 64 MiB each); a staffed store hashes
    six passwords and every login verifies one, which made hashing a large part of the
    suite's time. Tests use the same code with cheap parameters: logins stay real (wrong
    passwords fail; hashes are verified and rehashed exactly as in production). A test
    of the production parameters themselves is marked ``production_hashing``."""
    users._dummy_hash.cache_clear()  # made again with this test's hasher
    if request.node.get_closest_marker("production_hashing") is None:
        from argon2 import PasswordHasher

        monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                             parallelism=1))


class Clock:
    """A settable clock installed as the services' ``now``."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> datetime:
        from datetime import timedelta

        self.at += timedelta(**kwargs)
        return self.at


@pytest.fixture
def clock() -> Iterator[Clock]:
    c = Clock(NOW)
    common.set_clock(c)
    yield c
    common.set_clock(None)


def _sqlite_db(tmp_path: Path) -> Database:
    return open_database(f"sqlite:///{tmp_path / 'helpdesk.db'}")


class _PostgresDatabases:
    """Throw-away databases on the test server, one process's worth.

    Migrating a new PostgreSQL database costs about a second and dropping one waits for
    a checkpoint (another second), per test. So each process migrates one template once
    and clones it (``CREATE DATABASE … TEMPLATE``, a file copy, ~0.1 s) — the clone is
    what ``open_database`` would have made, at the newest revision, except that every
    clone of a process shares the template's random audit-chain key (and the anchor
    signed with it): a test about two databases' keys makes its own with
    ``from_template=False``. Databases are dropped in a background thread while the
    next tests run; ``close`` waits for those drops, says which failed (left on the
    server) and removes the template at the end of the session."""

    def __init__(self) -> None:
        self._admin: Any = None
        self._template: str | None = None
        self._dropper: ThreadPoolExecutor | None = None
        self._drops: list[tuple[str, Future[None]]] = []

    def _admin_engine(self) -> Any:
        if self._admin is None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            from helpdesk.storage.engine import normalize_url

            # No pool: a connection kept across a test that restarts the server would
            # be dead; a new one costs milliseconds.
            self._admin = create_engine(normalize_url(os.environ[PG_ENV]),
                                        isolation_level="AUTOCOMMIT", poolclass=NullPool)
        return self._admin

    def _url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self._admin_engine().url).set(database=name).render_as_string(
            hide_password=False)

    def _execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self._admin_engine().connect() as conn:
            conn.execute(text(sql))

    def create(self, *, from_template: bool) -> Database:
        name = f"helpdesk_test_{uuid.uuid4().hex[:12]}"
        if not from_template:
            self._execute(f'CREATE DATABASE "{name}"')
            return open_database(self._url(name))
        if self._template is None:
            template = f"helpdesk_template_{uuid.uuid4().hex[:12]}"
            self._execute(f'CREATE DATABASE "{template}"')
            try:
                open_database(self._url(template)).dispose()  # migrated to head, closed
            except BaseException:
                self._execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
                raise
            self._template = template
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return open_database(self._url(name))

    def drop(self, db: Database) -> None:
        db.dispose()
        name = db.engine.url.database
        if self._dropper is None:
            self._dropper = ThreadPoolExecutor(max_workers=1,
                                               thread_name_prefix="drop-test-database")
        self._drops.append((str(name), self._dropper.submit(
            self._execute, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')))

    def close(self) -> None:
        if self._dropper is not None:
            self._dropper.shutdown(wait=True)
            self._dropper = None
        left = [name for name, drop in self._drops if drop.exception() is not None]
        self._drops.clear()
        if left:
            sys.stderr.write(f"\ntest databases that could not be dropped: {left}\n")
        if self._template is not None:
            self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
            self._template = None
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None


_POSTGRES = _PostgresDatabases()


def pytest_sessionfinish(session: pytest.Session) -> None:
    _POSTGRES.close()


def _postgres_db(*, from_template: bool = True) -> Iterator[Database]:
    """A throw-away database on the test server at the newest schema revision, dropped
    afterwards. ``from_template=False`` makes an empty one that ``open_database``
    migrates itself (for the tests of that migration)."""
    db = _POSTGRES.create(from_template=from_template)
    try:
        yield db
    finally:
        _POSTGRES.drop(db)


def postgres_available() -> bool:
    return bool(os.environ.get(PG_ENV))


skip_without_postgres = pytest.mark.skipif(
    not postgres_available(),
    reason=f"no PostgreSQL server: set {PG_ENV}=postgresql://user@host/db to run "
    "(CI sets it)",
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _sqlite_db(tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    if not postgres_available():
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run (CI sets it)")
    yield from _postgres_db()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        database = _sqlite_db(tmp_path)
        yield database
        database.dispose()
    else:
        if not postgres_available():
            pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run (CI sets it)")
        yield from _postgres_db()


@dataclass
class Staff:
    """The users of a set-up test store, by role (ids)."""

    store_id: int
    admin: int
    desk: int
    care: int
    manager: int
    director: int
    gm: int


PASSWORD = "secret123"


def staff_store(database: Database) -> Staff:
    uow = database.uow()
    # The preset's hours without public holidays (a real store starts with them
    # preloaded): the datasets' deadlines are worked out by hand on plain weekdays.
    result = setup.initialise(uow, store_name="天顺汽车4S店", store_code="TS",
                              preset="dealership", admin_username="admin",
                              admin_password=PASSWORD,
                              calendar=setup.default_calendar("dealership"))
    sid = result.store.id

    def add(username: str, name: str, role: Role) -> int:
        return users.create_user(uow, result.admin_id, username, name, [role], PASSWORD,
                                 store_id=sid).id

    return Staff(
        store_id=sid,
        admin=result.admin_id,
        desk=add("desk", "王芳", Role.FRONT_DESK),
        care=add("care", "赵丽", Role.CUSTOMER_CARE),
        manager=add("manager", "陈刚", Role.SERVICE_MANAGER),
        director=add("director", "李建国", Role.SERVICE_DIRECTOR),
        gm=add("gm", "周总", Role.GENERAL_MANAGER),
    )


@pytest.fixture
def staff(db: Database, clock: Clock) -> Staff:
    return staff_store(db)
