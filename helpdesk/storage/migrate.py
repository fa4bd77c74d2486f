"""Schema migrations, run programmatically (no alembic.ini needed at run time).

``upgrade()`` brings a database to the newest revision; on SQLite it first takes a
backup whenever an existing database is about to change, so a failed or unwanted
migration can always be undone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from helpdesk.domain.errors import StorageError
from helpdesk.storage import backup
from helpdesk.storage import engine as engine_mod

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def upgrade(engine: Engine, revision: str = "head", *,
            backup_taken: bool = False) -> MigrationResult:
    """Bring the schema to ``revision``; an existing database is backed up first.

    SQLite: an online copy in ``backups/`` next to the file. PostgreSQL: ``pg_dump`` into
    the data folder's ``backups/``; where pg_dump is missing the upgrade is refused until
    the administrator confirms a backup was taken (``backup_taken``, the CLI's
    ``helpdesk migrate --backup-taken``)."""
    before = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    saved: Path | None = None
    if before != target:
        has_tables = bool(inspect(engine).get_table_names())
        if has_tables:
            saved = _backup_before(engine, before, backup_taken)
        log.info("upgrading the schema of %s from %s to %s", engine_mod.describe(
            engine.url.render_as_string(hide_password=False)), before or "nothing", target)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    after = current_revision(engine) or ""
    if before != after:
        log.info("schema upgraded to %s", after)
    return MigrationResult(before, after, saved)


def _backup_before(engine: Engine, before: str | None, backup_taken: bool) -> Path | None:
    url = engine.url.render_as_string(hide_password=False)
    reason = f"before-migration-{before}"
    db_file = engine_mod.sqlite_file(url)
    if db_file is not None:
        return backup.backup_sqlite(db_file, reason=reason) if db_file.exists() else None
    if engine.dialect.name != "postgresql" or backup_taken:
        return None
    try:
        return backup.backup_postgres(url, engine_mod.data_dir() / "backups", reason=reason)
    except StorageError as exc:
        raise StorageError(
            f"the database must be upgraded to this version of Helpdesk, and a backup comes "
            f"first, but it could not be taken ({exc.message}). Back it up with pg_dump, "
            "then run `helpdesk migrate --backup-taken`.",
            code="migrate.backup_needed",
        ) from exc


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
