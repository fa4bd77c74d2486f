"""Schema migrations, run programmatically (no alembic.ini needed at run time).

``upgrade()`` brings a database to the newest revision; on SQLite it first takes a
backup whenever an existing database is about to change, so a failed or unwanted
migration can always be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from helpdesk.storage import backup
from helpdesk.storage import engine as engine_mod

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


def upgrade(engine: Engine, revision: str = "head") -> MigrationResult:
    before = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    saved: Path | None = None
    if before != target:
        db_file = engine_mod.sqlite_file(str(engine.url))
        has_tables = bool(inspect(engine).get_table_names())
        if db_file is not None and db_file.exists() and has_tables:
            saved = backup.backup_sqlite(db_file, reason=f"before-migration-{before}")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    return MigrationResult(before, current_revision(engine) or "", saved)


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
