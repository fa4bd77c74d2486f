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
from helpdesk.services import audit_chain, users
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
    check: at most five passwords are ever compared, and the right one, tried after
    the lock, is refused like the others.

    Every parallel guess is wrong: a right guess that happened to come among the first
    five would log in and, as a login must, clear the count, after which five more
    wrong ones are checked (the test then failed on a fast desk by scheduling alone)."""
    seed_staff(any_db.uow())
    any_db.dispose()  # the children open their own connections
    guesses = [f"wrong-{n:02d}x" for n in range(PROCESSES * GUESSES)]
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
    checked = [p for code, p in outcomes if code == "auth.failed"]
    assert len(checked) == MAX_FAILED_LOGINS
    assert sum(code == "auth.locked" for code, _p in outcomes) == \
        len(guesses) - MAX_FAILED_LOGINS
    with any_db.engine.connect() as conn:
        row = conn.execute(select(tables.users.c.failed_logins,
                                  tables.users.c.locked_until)
                           .where(tables.users.c.username == "desk")).one()
    assert row.failed_logins >= MAX_FAILED_LOGINS and row.locked_until is not None
    with any_db.engine.connect() as conn:
        audited = conn.execute(text(
            "SELECT count(*) FROM audit_log WHERE action LIKE 'login%' AND "
            "note = 'wrong password'")).scalar_one()
    assert audited == len(checked)
    # The right password, after the lock, is refused like a wrong one.
    with pytest.raises(AuthenticationError) as refused:
        users.login(any_db.uow(), "desk", PASSWORD)
    assert refused.value.code == "auth.locked"


# ====================================================== a tamper-evident audit trail
def _some_audit(database: Database) -> None:
    from helpdesk.services import customers
    from helpdesk.services.customers import CustomerInput

    team = seed_staff(database.uow())
    for n in range(3):
        customers.create_customer(database.uow(), team.desk, CustomerInput(
            name=f"张{n}", phones=(f"1381234567{n}",)))
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            users.login(database.uow(), "desk", "wrong-password1")


def _verify(database: Database) -> audit_chain.ChainReport:
    return audit_chain.verify(database.uow())


def test_an_untouched_trail_verifies(any_db: Database, clock: Clock) -> None:
    _some_audit(any_db)
    report = _verify(any_db)
    assert report.ok and report.checked >= 5 and report.problems() == []


def test_a_rewritten_entry_is_named(any_db: Database, clock: Clock) -> None:
    """SQLite: REPLACE INTO passed the triggers; PostgreSQL: the table's owner could
    switch them off. Either way the chain now names the first altered entry."""
    _some_audit(any_db)
    with any_db.engine.begin() as conn:
        victim = conn.execute(text("SELECT id FROM audit_log WHERE action LIKE "
                                   "'customer.%' ORDER BY id LIMIT 1")).scalar_one()
        if any_db.engine.dialect.name == "sqlite":
            conn.execute(text(
                "REPLACE INTO audit_log (id, at, user_id, username, action, entity, "
                "entity_id, changes, note, chain) SELECT id, at, user_id, 'nobody', action, "
                "entity, entity_id, changes, note, chain FROM audit_log WHERE id = :id"),
                {"id": victim})
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
            conn.execute(text("UPDATE audit_log SET username = 'nobody' WHERE id = :id"),
                         {"id": victim})
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"))
        assert conn.execute(text("SELECT username FROM audit_log WHERE id = :id"),
                            {"id": victim}).scalar_one() == "nobody"
    report = _verify(any_db)
    assert not report.ok and report.broken_id == victim
    assert f"#{victim}" in report.problems()[0]


def test_a_removed_entry_breaks_the_chain_at_the_next(any_db: Database, clock: Clock) -> None:
    _some_audit(any_db)
    with any_db.engine.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM audit_log ORDER BY id")).scalars())
        if any_db.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[2]})
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[2]})
    report = _verify(any_db)
    assert report.broken_id == ids[3]
    # The dropped (SQLite) or disabled (PostgreSQL) guard is named as well.
    assert "audit_log_no_delete" in report.missing_guards
    assert any("unguarded" in p for p in report.problems())


def test_helpdesk_check_fails_on_an_altered_trail(tmp_path: Path, clock: Clock,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from helpdesk.cli import main

    database = open_database(f"sqlite:///{tmp_path / 'helpdesk.db'}")
    _some_audit(database)
    assert main(["--database", str(tmp_path / "helpdesk.db"), "check"]) == 0
    with database.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("UPDATE audit_log SET note = 'harmless' WHERE id = 2"))
    database.dispose()
    capsys.readouterr()
    assert main(["--database", str(tmp_path / "helpdesk.db"), "check"]) == 1
    out = capsys.readouterr().out
    assert "entry #2" in out and "audit_log_no_update" in out and "ALTERED" in out


@pytest.mark.postgres
def test_the_application_role_may_add_to_the_audit_trail_but_not_alter_it(
        pg_db: Database, clock: Clock) -> None:
    """On PostgreSQL the application's login owned the table and could disable the
    trigger. As the role `init --app-role` makes, it can do its work and nothing else
    to the trail."""
    import uuid

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ProgrammingError

    from helpdesk.storage import pg_roles

    role = f"helpdesk_app_{uuid.uuid4().hex[:8]}"
    pg_roles.grant_app_role(pg_db.engine, role, "app-pass-1")
    app_url = make_url(pg_db.url).set(username=role, password="app-pass-1") \
        .render_as_string(hide_password=False)
    app = open_database(app_url)
    try:
        _some_audit(app)  # registers customers, logs in: writes the trail as the app
        assert _verify(app).ok
        for sql in ("UPDATE audit_log SET note = 'x'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log",
                    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
                    "DROP TRIGGER audit_log_no_update ON audit_log",
                    "UPDATE alembic_version SET version_num = 'x'"):
            with pytest.raises(ProgrammingError, match="permission denied|must be owner"), \
                    app.engine.begin() as conn:
                conn.execute(text(sql))
    finally:
        app.dispose()
        with pg_db.engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))


# ============================================================ bad input at the door
def test_gbk_bytes_from_a_terminal_get_a_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A GBK terminal typing 张三 hands Python bytes it keeps as lone surrogates."""
    from helpdesk.cli import main

    monkeypatch.setenv("HELPDESK_LANG", "en")
    gbk = "张三".encode("gbk").decode("utf-8", "surrogateescape")
    code = main(["--database", str(tmp_path / "x.db"), "customer", "find", gbk])
    err = capsys.readouterr().err
    assert code == 2
    assert "argument 5 is not UTF-8 text (张三)" in err and "Traceback" not in err
