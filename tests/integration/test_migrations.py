"""Migrations: an empty database is brought to head, an existing SQLite database is
backed up before it changes (and only then), down and up again works, and the
migrated schema is exactly ``tables.metadata`` — on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from helpdesk.storage import fulltext, migrate, tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import PG_ENV, Clock, _postgres_db, postgres_available
from tests.fakes import seed_staff

HEAD = migrate.head_revision()
ALL_TABLES = {t.name for t in tables.metadata.sorted_tables} | {"alembic_version"}


def _tables(engine: Engine) -> set[str]:
    """The tables, without the full-text index's own (FTS5 shadow tables on SQLite)."""
    return {t for t in inspect(engine).get_table_names() if not fulltext.is_index_object(t)}


def _alembic(engine: Engine, action: str, revision: str) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": True,
            "include_name": lambda name, _type, _parents: not fulltext.is_index_object(name)})
        return list(compare_metadata(context, tables.metadata))


def _audit_guard_works(engine: Engine) -> bool:
    with engine.begin() as conn:
        conn.execute(tables.audit_log.insert().values(
            at=datetime(2026, 11, 18, 10, 0), username="t", action="t", entity="t"))
    try:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
    except DBAPIError:
        return True
    return False


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database opened (and so migrated) by ``open_database``."""
    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'new.db'}")
        yield db
        db.dispose()
    else:
        if not postgres_available():
            pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run (CI sets it)")
        yield from _postgres_db(from_template=False)  # a new empty database, opened


def test_an_empty_database_is_migrated_to_head_with_the_expected_schema(
        fresh_db: Database) -> None:
    assert fresh_db.migration is not None
    assert (fresh_db.migration.before, fresh_db.migration.after) == (None, HEAD)
    assert fresh_db.migration.backup is None  # nothing to lose yet
    assert _tables(fresh_db.engine) == ALL_TABLES
    assert migrate.is_up_to_date(fresh_db.engine)
    assert _differences(fresh_db.engine) == []
    assert _audit_guard_works(fresh_db.engine)


def test_down_to_base_and_up_again(fresh_db: Database) -> None:
    engine = fresh_db.engine
    _alembic(engine, "downgrade", "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    assert migrate.current_revision(engine) is None
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            assert conn.execute(text(
                "SELECT COUNT(*) FROM pg_proc WHERE proname = 'helpdesk_audit_append_only'"
            )).scalar_one() == 0
    result = migrate.upgrade(engine)
    assert (result.before, result.after) == (None, HEAD)
    assert _tables(engine) == ALL_TABLES
    assert _differences(engine) == []
    assert _audit_guard_works(engine)


def _backups(db_file: Path) -> list[Path]:
    folder = db_file.parent / "backups"
    return sorted(folder.glob("*.db")) if folder.exists() else []


@pytest.fixture
def populated(tmp_path: Path, clock: Clock) -> Path:
    """A SQLite file at head with a store and its staff in it."""
    db_file = tmp_path / "shop.db"
    db = open_database(f"sqlite:///{db_file}")
    seed_staff(db.uow())
    db.dispose()
    return db_file


def _count_users(db_file: Path) -> int:
    conn = sqlite3.connect(db_file)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM users").fetchone()[0])
    finally:
        conn.close()


def test_no_backup_when_the_database_is_already_at_head(populated: Path) -> None:
    db = open_database(f"sqlite:///{populated}")
    try:
        assert db.migration is not None
        assert (db.migration.before, db.migration.after, db.migration.backup) == (HEAD, HEAD,
                                                                                   None)
        assert migrate.upgrade(db.engine).backup is None
    finally:
        db.dispose()
    assert _backups(populated) == []


def test_a_database_behind_head_is_backed_up_before_it_is_migrated(populated: Path) -> None:
    db = open_database(f"sqlite:///{populated}", upgrade=False)
    try:
        _alembic(db.engine, "downgrade", "base")
        result = migrate.upgrade(db.engine)
        assert (result.before, result.after) == (None, HEAD)
        assert result.backup is not None and result.backup.exists()
        assert result.backup.parent == populated.parent / "backups"
        assert "before-migration" in result.backup.name
        assert _backups(populated) == [result.backup]
        # The copy is the database as it was just before: the old schema.
        conn = sqlite3.connect(result.backup)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'table'")}
        finally:
            conn.close()
        assert names == {"alembic_version"}
    finally:
        db.dispose()


def test_a_failed_migration_leaves_data_and_a_backup(populated: Path) -> None:
    """Stamped behind head (as after a botched manual fix): the upgrade fails, and both
    the database and the backup taken first still hold every row."""
    db = open_database(f"sqlite:///{populated}", upgrade=False)
    try:
        _alembic(db.engine, "stamp", "base")
        with pytest.raises(OperationalError, match="already exists"):
            migrate.upgrade(db.engine)
    finally:
        db.dispose()
    [saved] = _backups(populated)
    assert _count_users(saved) == _count_users(populated) == 6


def test_opening_an_old_database_upgrades_it_with_a_backup(populated: Path) -> None:
    db = open_database(f"sqlite:///{populated}", upgrade=False)
    _alembic(db.engine, "downgrade", "base")
    db.dispose()
    reopened = open_database(f"sqlite:///{populated}")
    try:
        assert reopened.migration is not None and reopened.migration.backup is not None
        assert migrate.is_up_to_date(reopened.engine)
    finally:
        reopened.dispose()


@pytest.fixture
def postgres_behind_head(pg_db: Database, clock: Clock) -> Database:
    """A PostgreSQL database with data, one revision behind head."""
    seed_staff(pg_db.uow())
    _alembic(pg_db.engine, "downgrade", "0001")
    assert migrate.current_revision(pg_db.engine) == "0001"
    return pg_db


@pytest.mark.postgres
def test_postgres_is_dumped_with_pg_dump_before_it_is_migrated(
        postgres_behind_head: Database, _isolated_home: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    result = migrate.upgrade(postgres_behind_head.engine)
    assert (result.before, result.after) == ("0001", HEAD)
    assert result.backup is not None and result.backup.parent == _isolated_home / "backups"
    listing = subprocess.run(["pg_restore", "--list", str(result.backup)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public users" in listing  # the staff rows are in the dump


@pytest.mark.postgres
def test_postgres_without_pg_dump_is_not_migrated_until_a_backup_is_confirmed(
        postgres_behind_head: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpdesk.domain.errors import StorageError
    from helpdesk.storage import backup

    monkeypatch.setattr(backup.shutil, "which", lambda _name: None)
    with pytest.raises(StorageError) as refused:
        migrate.upgrade(postgres_behind_head.engine)
    assert refused.value.code == "migrate.backup_needed"
    assert "helpdesk migrate --backup-taken" in refused.value.message
    assert migrate.current_revision(postgres_behind_head.engine) == "0001"  # untouched
    result = migrate.upgrade(postgres_behind_head.engine, backup_taken=True)
    assert (result.after, result.backup) == (HEAD, None)


def test_the_migrate_command_upgrades_with_a_backup(populated: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from helpdesk.cli import main

    db = open_database(f"sqlite:///{populated}", upgrade=False)
    _alembic(db.engine, "downgrade", "0001")
    db.dispose()
    assert main(["migrate", "--database", str(populated)]) == 0
    out = capsys.readouterr().out
    assert f"upgraded from 0001 to {HEAD}" in out and "backup:" in out
    assert main(["migrate", "--database", str(populated)]) == 0
    assert "is up to date" in capsys.readouterr().out


def _index_definitions(engine: Engine) -> dict[str, str]:
    """Every index's own definition, partial WHERE clauses included (Alembic's compare
    does not look at those), spacing and quoting aside."""
    if engine.dialect.name == "sqlite":
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    else:
        sql = ("SELECT indexname, indexdef FROM pg_indexes "
               "WHERE schemaname = current_schema()")
    with engine.connect() as conn:
        return {name: re.sub(r'[\s"]+', " ", definition).strip()
                for name, definition in conn.execute(text(sql))}


def test_migrated_indexes_are_the_tables_own_partial_conditions_included(
        fresh_db: Database, tmp_path: Path) -> None:
    if fresh_db.engine.dialect.name == "sqlite":
        made = create_engine(f"sqlite:///{tmp_path / 'made.db'}")
        tables.metadata.create_all(made)
        expected = _index_definitions(made)
        made.dispose()
    else:
        for made_db in _postgres_db(from_template=False):
            with made_db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            tables.metadata.create_all(made_db.engine)
            expected = _index_definitions(made_db.engine)
    migrated = {name: sql for name, sql in _index_definitions(fresh_db.engine).items()
                if not fulltext.is_index_object(name) and not name.startswith("alembic_")}
    assert any(" WHERE " in sql for sql in migrated.values())  # partial ones are compared
    assert migrated == expected
