"""Backups of the SQLite database, and checks that a file is a Helpdesk database.

SQLite's online backup API copies a consistent snapshot while desks keep working.
A restore first checks that the file really is a Helpdesk database, then keeps a copy
of the current one, so a wrong restore can itself be undone.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from helpdesk.domain.errors import StorageError

log = logging.getLogger(__name__)

# Tables whose presence says "this is a Helpdesk database".
_SIGNATURE_TABLES = {"alembic_version", "sheets", "customers", "users", "audit_log"}


def _read_only_uri(path: Path) -> str:
    """A percent-encoded ``file:`` URI: a '#', '?' or '%' in a folder name would
    otherwise cut the path short and open (and copy) some other, empty database."""
    return path.resolve().as_uri() + "?mode=ro"


def backup_dir(db_path: Path) -> Path:
    path = db_path.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_sqlite(db_path: Path, dest: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy ``db_path`` to ``dest`` (default: ``backups/helpdesk-<time>-<reason>.db``)."""
    if not db_path.exists():
        raise StorageError(f"there is no database at {db_path}", code="backup.missing")
    if dest is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"
        n = 1
        while dest.exists():
            dest = dest.with_name(f"{db_path.stem}-{stamp}-{reason}-{n}.db")
            n += 1
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(_read_only_uri(db_path), uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    os.replace(tmp, dest)  # a half-written backup never carries the final name
    log.info("backup of %s (%s) written to %s", db_path, reason, dest)
    return dest


def helpdesk_tables(path: Path) -> set[str]:
    """Names of the tables in a SQLite file, or raise StorageError if it is not one."""
    if not path.is_file():
        raise StorageError(f"{path} does not exist", code="restore.missing")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StorageError(f"{path} is not a SQLite database", code="restore.not_sqlite")
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        check = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is damaged: {exc}", code="restore.damaged") from exc
    finally:
        conn.close()
    if not check or check[0] != "ok":
        raise StorageError(f"{path} failed the integrity check: {check}", code="restore.damaged")
    return {row[0] for row in rows}


def check_is_helpdesk(path: Path) -> None:
    missing = _SIGNATURE_TABLES - helpdesk_tables(path)
    if missing:
        raise StorageError(
            f"{path} is not a Helpdesk database (missing tables: {', '.join(sorted(missing))})",
            code="restore.not_helpdesk",
        )


def restore_sqlite(source: Path, db_path: Path) -> Path | None:
    """Replace ``db_path`` with ``source``; returns the safety copy of the old database.

    The caller must make sure no desk has the database open."""
    check_is_helpdesk(source)
    safety = None
    if db_path.exists():
        safety = backup_sqlite(db_path, reason="before-restore")
    tmp = db_path.with_name(db_path.name + ".restore")
    shutil.copyfile(source, tmp)
    for suffix in ("-wal", "-shm"):
        stale = db_path.with_name(db_path.name + suffix)
        if stale.exists():
            stale.unlink()
    os.replace(tmp, db_path)
    return safety


def backup_postgres(url: str, folder: Path, *, reason: str = "manual") -> Path:
    """Dump a PostgreSQL database with ``pg_dump -Fc`` into ``folder`` (restorable with
    ``pg_restore``). Raises StorageError when pg_dump is not installed or fails."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise StorageError(
            "pg_dump is not installed on this computer, so no backup can be taken "
            "automatically", code="backup.no_pg_dump")
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)  # not on the command line, where ps shows it
    libpq = parsed.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{parsed.database}-{stamp}-{reason}.dump"
    tmp = dest.with_name(dest.name + ".part")
    done = subprocess.run([pg_dump, "--format=custom", "--file", str(tmp), "--dbname", libpq],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        log.error("pg_dump of %s failed: %s", parsed.database, done.stderr.strip())
        raise StorageError(f"pg_dump failed: {done.stderr.strip()}", code="backup.failed")
    os.replace(tmp, dest)
    log.info("backup of PostgreSQL database %s (%s) written to %s", parsed.database, reason,
             dest)
    return dest
