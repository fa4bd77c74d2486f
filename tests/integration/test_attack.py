"""Issue 16, "hold under attack": the reproductions of the attack report, on SQLite and
PostgreSQL — parallel password guesses from several processes, a rewritten or
truncated audit trail, dropped triggers."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from helpdesk.domain.errors import AuthenticationError
from helpdesk.domain.users import MAX_FAILED_LOGINS
from helpdesk.services import users
from helpdesk.storage import tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import Clock
from tests.fakes import PASSWORD, seed_staff
from tests.integration import databases

PROCESSES, GUESSES = 8, 3


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


def _guess(url: str, passwords: list[str], start: object, answers: object) -> None:
    """One attacking process: its own engine, the same start signal as the others."""
    db = open_database(url, upgrade=False)
    try:
        start.wait()  # type: ignore[attr-defined]
        for password in passwords:
            try:
                users.login(db.uow(), "desk", password)
                answers.put(("ok", password))  # type: ignore[attr-defined]
            except AuthenticationError as exc:
                answers.put((exc.code, password))  # type: ignore[attr-defined]
    finally:
        db.dispose()


def test_parallel_guesses_from_processes_check_at_most_five_passwords(
        any_db: Database, clock: Clock) -> None:
    """The attack: 12 processes × 3 guesses on PostgreSQL checked all 36 passwords and
    the last (right) one logged in. Now the count is claimed atomically before each
    check: at most five passwords are ever compared, and the right one, guessed after
    the lock, is refused like the others."""
    seed_staff(any_db.uow())
    any_db.dispose()  # the children open their own connections
    guesses = [f"wrong-{n:02d}x" for n in range(PROCESSES * GUESSES - 1)] + [PASSWORD]
    context = multiprocessing.get_context("fork")
    start = context.Barrier(PROCESSES)
    answers = context.Queue()
    workers = [context.Process(target=_guess, args=(
        any_db.url, guesses[n * GUESSES:(n + 1) * GUESSES], start, answers))
        for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [answers.get(timeout=60) for _ in guesses]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    checked = [p for code, p in outcomes if code in ("auth.failed", "ok")]
    assert len(checked) <= MAX_FAILED_LOGINS
    assert sum(code == "auth.locked" for code, _p in outcomes) >= len(guesses) - MAX_FAILED_LOGINS
    if ("ok", PASSWORD) not in outcomes:
        with any_db.engine.connect() as conn:
            row = conn.execute(select(tables.users.c.failed_logins,
                                      tables.users.c.locked_until)
                               .where(tables.users.c.username == "desk")).one()
        assert row.failed_logins >= MAX_FAILED_LOGINS and row.locked_until is not None
    with any_db.engine.connect() as conn:
        audited = conn.execute(text(
            "SELECT count(*) FROM audit_log WHERE action LIKE 'login%' AND "
            "note IN ('wrong password', '')")).scalar_one()
    assert audited == len(checked)
