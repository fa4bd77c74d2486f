"""Connections are kept for the life of the desk (a pool), yet never serve stale data:
a restored SQLite file and a restarted PostgreSQL server are picked up by the next unit
of work of the same open database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from helpdesk.services import users
from helpdesk.storage import backup
from helpdesk.storage.database import Database
from helpdesk.storage.engine import sqlite_file
from tests.conftest import PASSWORD, Staff, staff_store


def _names(db: Database) -> set[str]:
    return {u.username for u in users.list_users(db.uow())}


def test_a_kept_connection_reads_the_restored_file(db: Database, tmp_path: Path) -> None:
    team: Staff = staff_store(db)
    path = sqlite_file(db.url)
    assert path is not None
    saved = backup.backup_sqlite(path, tmp_path / "before.db")
    users.create_user(db.uow(), team.admin, "later", "后来的人", [], PASSWORD,
                      store_id=team.store_id)
    assert "later" in _names(db)  # the pool now holds a connection
    pooled = db.engine.pool.checkedin()
    assert pooled >= 1

    backup.restore_sqlite(saved, path)

    assert "later" not in _names(db)
    # ...and it writes to the restored file, not to the replaced one.
    users.create_user(db.uow(), team.admin, "after", "恢复后", [], PASSWORD,
                      store_id=team.store_id)
    fresh = create_engine(f"sqlite:///{path}")
    with fresh.connect() as conn:
        found = set(conn.execute(text("SELECT username FROM users")).scalars())
    fresh.dispose()
    assert "after" in found and "later" not in found


def test_units_of_work_reuse_connections(db: Database) -> None:
    staff_store(db)
    opened: list[object] = []
    from sqlalchemy import event

    event.listen(db.engine, "connect", lambda *_: opened.append(1))
    for _ in range(20):
        users.list_users(db.uow())
    assert _names(db)
    assert opened == []  # no new connection per call: PRAGMAs set once, WAL kept


def test_a_restarted_postgresql_server_is_reconnected(pg_db: Database) -> None:
    team = staff_store(pg_db)
    assert "admin" in _names(pg_db)
    # What a restart does to the kept connections: the server ends them.
    killer = create_engine(pg_db.url.replace(pg_db.url.rsplit("/", 1)[1], "postgres"),
                           isolation_level="AUTOCOMMIT")
    database = pg_db.engine.url.database
    with killer.connect() as conn:
        ended = conn.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": database}).scalar()
    killer.dispose()
    assert ended and ended >= 1
    users.create_user(pg_db.uow(), team.admin, "after", "重启后", [], PASSWORD,
                      store_id=team.store_id)
    assert "after" in _names(pg_db)
