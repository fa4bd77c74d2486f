"""Schema migrations, run programmatically (no alembic.ini needed at run time).

``upgrade()`` brings a database to the newest revision; on SQLite it first takes a
backup whenever an existing database is about to change, so a failed or unwanted
migration can always be undone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from helpdesk.domain.errors import StorageError
from helpdesk.storage import backup
from helpdesk.storage import engine as engine_mod

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


# Alembic (with Mako) costs a tenth of a second to import: it is loaded only when the
# schema is behind. Whether it is needs the newest revision, read here from the version
# files' ``revision`` / ``down_revision`` lines; anything unusual (a merge, two heads)
# is left to Alembic.
_ASSIGNED = r"^{name}(?:\s*:\s*[^=\n]+)?\s*=\s*(?P<value>.+?)\s*(?:#.*)?$"
_REVISION = re.compile(_ASSIGNED.format(name="revision"), re.MULTILINE)
_DOWN = re.compile(_ASSIGNED.format(name="down_revision"), re.MULTILINE)
_QUOTED = re.compile(r"""^["']([^"']+)["']$""")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _head_from_files() -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue
        rev_value = _QUOTED.match(rev.group("value"))
        if rev_value is None:
            return None
        revisions.add(rev_value.group(1))
        down_text = down.group("value")
        if down_text == "None":
            continue
        down_value = _QUOTED.match(down_text)
        if down_value is None:  # a merge point (a tuple): Alembic knows
            return None
        parents.add(down_value.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    head = _head_from_files()
    if head is None:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (``alembic_version``), None for none."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = list(conn.execute(text("SELECT version_num FROM alembic_version"))
                        .scalars())
    if len(versions) == 1:
        return str(versions[0])
    if not versions:
        return None
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:  # several heads: Alembic raises its own error
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
        from alembic import command

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
