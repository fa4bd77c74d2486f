"""Issue 16: the newest audit entries removed are named, on SQLite and PostgreSQL; and
``helpdesk init --app-role`` run as a command gives the desks a role that may add to
the trail but not change or delete it.

The hash chain alone holds after the tail is cut: the signed anchor (entries counted,
the last one's chain) kept outside the audit table says how long the trail was."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from helpdesk.domain.errors import AuthenticationError
from helpdesk.services import audit_chain, customers, users
from helpdesk.storage.database import Database, open_database
from tests.conftest import Clock
from tests.fakes import seed_staff
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


def _some_audit(database: Database) -> None:
    team = seed_staff(database.uow())
    for n in range(4):
        customers.create_customer(database.uow(), team.desk, customers.CustomerInput(
            name=f"张{n}", phones=(f"1381234567{n}",)))
    with pytest.raises(AuthenticationError):
        users.login(database.uow(), "desk", "wrong-password1")


def _cut_tail(database: Database, n: int) -> None:
    """What someone with the database's owner rights (or the SQLite file) can do."""
    with database.engine.begin() as conn:
        if database.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        conn.execute(text(f"DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log "
                          f"ORDER BY id DESC LIMIT {n})"))
        if database.engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON "
                              "audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is "
                              "append-only'); END"))
        else:
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))


def test_the_last_entries_removed_are_named(any_db: Database, clock: Clock) -> None:
    _some_audit(any_db)
    before = audit_chain.verify(any_db.uow())
    assert before.ok and before.missing_tail == 0
    _cut_tail(any_db, 3)
    report = audit_chain.verify(any_db.uow())
    assert not report.ok and report.broken_id is None  # the chain itself still holds
    assert report.missing_tail == 3 and report.checked == before.checked - 3
    assert report.missing_guards == ()  # the guard is back: only the anchor tells
    assert "the last 3 entries are missing" in report.problems()[0]


def test_a_forged_anchor_or_a_removed_one_is_named(any_db: Database, clock: Clock) -> None:
    _some_audit(any_db)
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE settings SET value = replace(value, '\"count\": ', "
                          "'\"count\": 1') WHERE key = 'audit_chain_anchor'"))
    assert audit_chain.verify(any_db.uow()).anchor_broken
    with any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'audit_chain_anchor'"))
    report = audit_chain.verify(any_db.uow())
    assert report.anchor_broken and any("anchor" in p for p in report.problems())


def test_the_anchor_follows_every_append(any_db: Database, clock: Clock) -> None:
    _some_audit(any_db)
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            users.login(any_db.uow(), "desk", "wrong-password1")
        report = audit_chain.verify(any_db.uow())
        assert report.ok, report.problems()


def test_helpdesk_check_names_the_missing_tail(tmp_path: Path, clock: Clock,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from helpdesk.cli import main

    database = open_database(f"sqlite:///{tmp_path / 'helpdesk.db'}")
    _some_audit(database)
    _cut_tail(database, 3)
    database.dispose()
    capsys.readouterr()
    assert main(["--database", str(tmp_path / "helpdesk.db"), "check"]) == 1
    out = capsys.readouterr().out
    assert "the last 3 entries are missing" in out


@pytest.mark.postgres
def test_init_with_an_app_role_from_the_command_line(
        pg_db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`helpdesk init … --app-role` as an administrator types it: the role logs in,
    adds to the audit trail, and may neither change nor delete an entry."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ProgrammingError

    from helpdesk.cli import main

    role = f"helpdesk_app_{uuid.uuid4().hex[:8]}"
    url = pg_db.url
    pg_db.dispose()
    monkeypatch.setenv("HELPDESK_PASSWORD", "admin-pass-1")
    monkeypatch.setenv("HELPDESK_APP_PASSWORD", "app-pass-1")
    try:
        assert main(["--database", url, "init", "--store", "天顺汽车", "--code", "TS",
                     "--preset", "dealership", "--admin", "boss", "--app-role", role]) == 0
        assert f"Desks log in as {role}" in capsys.readouterr().out
        app_url = make_url(url).set(username=role, password="app-pass-1") \
            .render_as_string(hide_password=False)
        app = open_database(app_url, upgrade=False)
        try:
            users.login(app.uow(), "boss", "admin-pass-1")  # audited: an INSERT
            with app.engine.connect() as conn:
                logins = conn.execute(text(
                    "SELECT count(*) FROM audit_log WHERE action = 'login'")).scalar_one()
            assert logins == 1
            assert audit_chain.verify(app.uow()).ok
            for sql in ("UPDATE audit_log SET note = 'x'", "DELETE FROM audit_log"):
                with pytest.raises(ProgrammingError, match="permission denied"), \
                        app.engine.begin() as conn:
                    conn.execute(text(sql))
        finally:
            app.dispose()
    finally:
        with pg_db.engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def test_an_old_anchor_put_back_with_the_trail_cut_to_it_is_named_by_the_copy(
        any_db: Database, clock: Clock) -> None:
    """Whoever can write the database can keep an old anchor and later put it back with
    the entries after it removed: the database then agrees with itself. The copy this
    computer kept at its last check does not."""
    _some_audit(any_db)
    with any_db.engine.connect() as conn:
        old_anchor = conn.execute(text(
            "SELECT value FROM settings WHERE key = 'audit_chain_anchor'")).scalar_one()
        old_count = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            users.login(any_db.uow(), "desk", "wrong-password1")
    assert audit_chain.verify(any_db.uow()).ok  # and this computer keeps what it found
    with any_db.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    _cut_tail(any_db, total - old_count)
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE settings SET value = :v WHERE key = 'audit_chain_anchor'"),
                     {"v": old_anchor})
    report = audit_chain.verify(any_db.uow())
    assert report.missing_tail == total - old_count == 2
    assert not report.ok


def test_a_restore_is_not_a_cut_tail_on_this_computer(tmp_path: Path, clock: Clock) -> None:
    """A restore sets the trail back on purpose: its audit entry starts a new trail, so
    no computer's copy reports the entries since the backup as missing."""
    from helpdesk.services import restore
    from helpdesk.storage import backup
    from tests.fakes import PASSWORD

    path = tmp_path / "helpdesk.db"
    database = open_database(f"sqlite:///{path}")
    _some_audit(database)
    saved = backup.backup_sqlite(path, tmp_path / "old.db")
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            users.login(database.uow(), "desk", "wrong-password1")
    assert audit_chain.verify(database.uow()).ok  # the copy now counts the 3 as well
    database.dispose()
    restore.restore(path, saved, username="admin", password=PASSWORD)
    database = open_database(f"sqlite:///{path}")
    try:
        report = audit_chain.verify(database.uow())
        assert report.ok, report.problems()
    finally:
        database.dispose()
