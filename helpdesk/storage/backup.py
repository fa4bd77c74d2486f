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
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
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


def check_is_helpdesk_file(path: Path) -> None:
    """Only that ``path`` is a SQLite file (its tables are read after the WAL is in)."""
    if not path.is_file():
        raise StorageError(f"{path} does not exist", code="restore.missing")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StorageError(f"{path} is not a SQLite database", code="restore.not_sqlite")


def check_is_helpdesk(path: Path) -> None:
    missing = _SIGNATURE_TABLES - helpdesk_tables(path)
    if missing:
        raise StorageError(
            f"{path} is not a Helpdesk database (missing tables: {', '.join(sorted(missing))})",
            code="restore.not_helpdesk",
        )


def snapshot(source: Path, dest: Path) -> Path:
    """Copy ``source`` *with its write-ahead log* to ``dest`` through SQLite's backup API.

    Copying the main file alone loses every transaction still in ``source-wal`` (a
    backup taken while the program ran, a copied folder). The file and its ``-wal`` are
    copied side by side into a scratch folder first, so the source is never written
    to (opening it would checkpoint it), then read whole by the backup API."""
    check_is_helpdesk_file(source)
    with tempfile.TemporaryDirectory(prefix="helpdesk-restore-") as scratch:
        copy = Path(scratch) / "source.db"
        shutil.copyfile(source, copy)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.unlink(missing_ok=True)
        reader = sqlite3.connect(copy)
        try:
            target = sqlite3.connect(dest)
            try:
                reader.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                target.close()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{source} is damaged: {exc}", code="restore.damaged") from exc
        finally:
            reader.close()
    return dest


@dataclass(frozen=True)
class Candidate:
    """A checked copy of a backup, ready to replace the database.

    Attributes:
        path: the copy (with the source's WAL folded in).
        revision: its schema revision (equal to this program's head).
        counts: rows per table.
    """

    path: Path
    revision: str
    counts: dict[str, int]


def check_candidate(path: Path) -> Candidate:
    """Everything a restore checks before it replaces anything: the full
    ``integrity_check`` and ``foreign_key_check``, the schema revision equal to this
    program's head, every table and column of the schema present with nothing
    missing or foreign, and every table readable (its rows counted).

    Raises:
        StorageError: ``restore.damaged``, ``restore.not_helpdesk`` or
            ``restore.schema`` naming what differs.
    """
    from helpdesk.storage import fulltext, migrate, tables

    check_is_helpdesk(path)
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            raise StorageError(f"{path} failed the integrity check: {'; '.join(integrity[:5])}",
                               code="restore.damaged")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise StorageError(f"{path} has broken references", code="restore.damaged")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        head = migrate.head_revision()
        if revision is None or revision[0] != head:
            found = revision[0] if revision else "none"
            raise StorageError(f"{path} is at schema revision {found}; this program "
                               f"restores only revision {head}", code="restore.schema",
                               found=found, expected=head)
        present = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
        expected = set(tables.metadata.tables) | {"alembic_version"}
        differences = [f"table {name} missing" for name in sorted(expected - present)]
        differences += [f"table {name} unknown" for name in sorted(present - expected)
                        if not fulltext.is_index_object(name)]  # made by the migration
        if fulltext.FTS_TABLE not in present:
            differences.append(f"table {fulltext.FTS_TABLE} missing")
        counts: dict[str, int] = {}
        for name, table in tables.metadata.tables.items():
            if name not in present:
                continue
            # Names come from our own schema, never from the file.
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
            wanted = {c.name for c in table.columns}
            differences += [f"{name}.{c} missing" for c in sorted(wanted - columns)]
            differences += [f"{name}.{c} unknown" for c in sorted(columns - wanted)]
            counts[name] = int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        if differences:
            raise StorageError(f"{path} does not have this program's schema: "
                               f"{'; '.join(differences[:8])}", code="restore.schema",
                               found="; ".join(differences[:8]), expected=head)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is damaged: {exc}", code="restore.damaged") from exc
    finally:
        conn.close()
    return Candidate(path, head, counts)


def prepare_restore(source: Path, db_path: Path) -> Candidate:
    """Copy ``source`` (with its WAL) next to ``db_path`` and check the copy fully."""
    candidate = snapshot(source, db_path.with_name(db_path.name + ".restore"))
    try:
        return check_candidate(candidate)
    except StorageError as exc:
        candidate.unlink(missing_ok=True)
        # Name the file the user gave, not our scratch copy of it.
        raise StorageError(exc.message.replace(str(candidate), str(source)), code=exc.code,
                           **exc.params) from exc
    except BaseException:
        candidate.unlink(missing_ok=True)
        raise


def install_restore(candidate: Candidate, db_path: Path,
                    opens: Callable[[Path], None] | None = None) -> Path | None:
    """Put a checked candidate in place of ``db_path``; returns the kept previous file.

    The previous database is first copied to ``backups/`` (the copy stays), and moved
    aside until the restored one opens (``opens(db_path)``, default: the candidate's
    check again): if it does not, the previous database goes back and the error is
    raised. The caller must make sure no desk has the database open."""
    safety = None
    aside = db_path.with_name(db_path.name + ".previous")
    if db_path.exists():
        safety = backup_sqlite(db_path, reason="before-restore")
        aside.unlink(missing_ok=True)
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    os.replace(candidate.path, db_path)
    try:
        (opens or check_candidate)(db_path)
    except BaseException:
        if aside.exists():
            os.replace(aside, db_path)
        raise
    aside.unlink(missing_ok=True)
    log.info("%s restored (%s rows); previous kept at %s", db_path,
             sum(candidate.counts.values()), safety)
    return safety


def restore_sqlite(source: Path, db_path: Path) -> Path | None:
    """Replace ``db_path`` with ``source`` (checked, WAL included); returns the safety
    copy of the old database. Unaudited: use ``services.restore`` from the programs.

    The caller must make sure no desk has the database open."""
    return install_restore(prepare_restore(source, db_path), db_path)


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


# ------------------------------------------------------------ encrypted backups
# A backup holds every customer's phone, address and complaint. With a passphrase it
# is written encrypted: scrypt derives the key from the passphrase, AES-256-GCM seals
# the file in 1 MiB chunks (each authenticated with its number and whether it is the
# last), so a changed, reordered or cut-off file is refused, never restored.
ENCRYPTED_MAGIC = b"HELPDESK-BACKUP-1\n"
_CHUNK = 1 << 20
_SALT, _PREFIX = 16, 8


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise StorageError("a passphrase is needed", code="backup.passphrase_empty")
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(ENCRYPTED_MAGIC)) == ENCRYPTED_MAGIC


def encrypt_file(plain: Path, dest: Path, passphrase: str) -> Path:
    """Write ``plain`` encrypted under ``passphrase`` to ``dest`` (atomically)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(_SALT), os.urandom(_PREFIX)
    sealer = AESGCM(_key(passphrase, salt))
    tmp = dest.with_name(dest.name + ".part")
    with plain.open("rb") as source, tmp.open("wb") as out:
        out.write(ENCRYPTED_MAGIC + salt + prefix)
        index, chunk = 0, source.read(_CHUNK)
        while True:
            following = source.read(_CHUNK)
            last = not following
            aad = ENCRYPTED_MAGIC + index.to_bytes(8, "big") + (b"\1" if last else b"\0")
            sealed = sealer.encrypt(prefix + index.to_bytes(4, "big"), chunk, aad)
            out.write(len(sealed).to_bytes(4, "big") + sealed)
            if last:
                break
            index, chunk = index + 1, following
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest


def decrypt_file(sealed_path: Path, dest: Path, passphrase: str) -> Path:
    """The plain file of an encrypted backup.

    Raises:
        StorageError: ``backup.passphrase`` (wrong passphrase, or the file was changed
            or cut short: the two cannot be told apart, and neither is restored).
    """
    refused = StorageError(f"{sealed_path} cannot be opened: wrong passphrase, or the file "
                           "was changed", code="backup.passphrase")
    try:
        return _decrypt(sealed_path, dest, passphrase, refused)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def _decrypt(sealed_path: Path, dest: Path, passphrase: str, refused: StorageError) -> Path:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with sealed_path.open("rb") as source, dest.open("wb") as out:
        head = source.read(len(ENCRYPTED_MAGIC) + _SALT + _PREFIX)
        if not head.startswith(ENCRYPTED_MAGIC):
            raise StorageError(f"{sealed_path} is not an encrypted Helpdesk backup",
                               code="restore.not_sqlite")
        salt = head[len(ENCRYPTED_MAGIC):len(ENCRYPTED_MAGIC) + _SALT]
        prefix = head[len(ENCRYPTED_MAGIC) + _SALT:]
        opener = AESGCM(_key(passphrase, salt))
        index, finished = 0, False
        while not finished:
            size = source.read(4)
            if len(size) < 4:
                raise refused  # cut short before the last chunk
            sealed = source.read(int.from_bytes(size, "big"))
            for flag in (b"\0", b"\1"):
                aad = ENCRYPTED_MAGIC + index.to_bytes(8, "big") + flag
                try:
                    out.write(opener.decrypt(prefix + index.to_bytes(4, "big"), sealed, aad))
                except InvalidTag:
                    continue
                finished = flag == b"\1"
                break
            else:
                raise refused
            index += 1
        if source.read(1):
            raise refused  # something appended after the last chunk
    return dest
