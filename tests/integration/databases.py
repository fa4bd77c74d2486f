"""A faster ``any_db`` for the storage tests: one PostgreSQL database per test module,
emptied before each test, instead of one created, migrated and dropped per test (which
costs seconds each on the 2-core machines). SQLite stays one fresh file per test.

Use in a test module::

    @pytest.fixture(scope="module")
    def shared_postgres() -> Iterator[Database]:
        yield from databases.module_postgres()

    @pytest.fixture(params=databases.BACKENDS)
    def any_db(request, tmp_path):
        yield from databases.any_db(request, tmp_path)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from helpdesk.storage import tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import PG_ENV, _postgres_db, postgres_available

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
SKIP_REASON = f"no PostgreSQL server: set {PG_ENV} to run (CI sets it)"


def module_postgres() -> Iterator[Database]:
    if not postgres_available():
        pytest.skip(SKIP_REASON)
    yield from _postgres_db()


def empty_postgres(db: Database) -> None:
    """Delete every row and restart the id sequences: as good as a fresh database.

    Replica mode switches the triggers off for this transaction only, so the audit
    trail's append-only guard does not stop the clean-up (it needs a superuser, which
    the test server's user is)."""
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(tables.metadata.sorted_tables):
            conn.execute(table.delete())
        sequences = conn.execute(text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"))
        for (name,) in list(sequences):
            conn.execute(text(f'ALTER SEQUENCE "{name}" RESTART'))


def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'helpdesk.db'}")
        yield db
        db.dispose()
        return
    if not postgres_available():
        pytest.skip(SKIP_REASON)
    db = request.getfixturevalue("shared_postgres")
    empty_postgres(db)
    yield db
