"""Opening a database: the one object ``main.py`` and the CLI build and pass on."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from helpdesk.storage import engine as engine_mod
from helpdesk.storage import migrate
from helpdesk.storage.uow import SqlAlchemyUnitOfWork

log = logging.getLogger(__name__)


@dataclass
class Database:
    """Attributes: url (SQLAlchemy URL), engine, migration (what ``open`` did)."""

    url: str
    engine: Engine
    migration: migrate.MigrationResult | None = None

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)

    @property
    def description(self) -> str:
        return engine_mod.describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return engine_mod.is_sqlite(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Connect and (by default) bring the schema to the newest migration, backup first."""
    resolved = engine_mod.resolve_url(url)
    engine = engine_mod.make_engine(resolved)
    db = Database(resolved, engine)
    if upgrade:
        db.migration = migrate.upgrade(engine)
        log.info("database opened: %s %s at schema revision %s", engine.dialect.name,
                 db.description, db.migration.after)
    return db
