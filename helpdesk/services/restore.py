"""Restoring a SQLite database from a backup: an administrator's act, audited twice.

The backup is copied with its write-ahead log and checked in full (``storage.backup``)
before anything is replaced; an administrator of the current database (or, for a
database nobody has set up yet, of the backup) must give their password; the restore is
written to the audit trail of the database it replaces *and* of the restored one, so
either file tells who brought which backup back, when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpdesk.domain import events, inputs
from helpdesk.domain.errors import PermissionDenied, StorageError
from helpdesk.domain.users import Permission
from helpdesk.services import common, users
from helpdesk.services.dto import SessionUser
from helpdesk.storage import backup
from helpdesk.storage import database as database_mod
from helpdesk.storage import engine as engine_mod


@dataclass(frozen=True)
class RestoreResult:
    """Attributes: database (the restored file), source, previous (the copy of the
    database it replaced, if there was one), counts (rows per table restored)."""

    database: Path
    source: Path
    previous: Path | None
    counts: dict[str, int] = field(default_factory=dict)


def _authorise(url: str, username: str, password: str) -> SessionUser | None:
    """Log in as an administrator of the database at ``url`` (None: it has no users)."""
    db = database_mod.open_database(url, upgrade=False)
    try:
        uow = db.uow()
        with uow.reading():
            if not uow.users.count():
                return None
        who = users.login(db.uow(), username, password)
        if Permission.MANAGE_SETTINGS not in who.permissions:
            raise PermissionDenied(f"{username} is not an administrator",
                                   code="permission.manage_settings")
        return who
    finally:
        db.dispose()


def _audit(url: str, who: SessionUser, details: dict[str, object], note: str) -> None:
    db = database_mod.open_database(url, upgrade=False)
    try:
        uow = db.uow()
        with uow:
            user = uow.users.get_by_username(who.username)
            uow.record(events.DataReset(
                at=common.now(), user_id=user.id if user else None, username=who.username,
                reason="restore", details=details, note=note))
            uow.commit()
    finally:
        db.dispose()


def restore(db_path: Path, source: Path, *, username: str, password: str,
            passphrase: str | None = None) -> RestoreResult:
    """Replace the SQLite database ``db_path`` with the backup ``source`` (an encrypted
    backup needs its ``passphrase``).

    Close every desk first. Raises StorageError (the backup is unusable: not Helpdesk,
    damaged, another schema, wrong passphrase), AuthenticationError or PermissionDenied
    (not an administrator's password); in every such case nothing was replaced.
    """
    inputs.check_value(username, field="username")
    inputs.check_value(password, field="password")
    if backup.is_encrypted(source):
        if passphrase is None:
            raise StorageError(f"{source} is encrypted: give its passphrase",
                               code="backup.passphrase_needed")
        plain = backup.decrypt_file(source, db_path.with_name(db_path.name + ".decrypted"),
                                    passphrase)
        try:
            candidate = backup.prepare_restore(plain, db_path)
        finally:
            plain.unlink(missing_ok=True)
    else:
        candidate = backup.prepare_restore(source, db_path)
    try:
        current = engine_mod.sqlite_url(db_path)
        who = _authorise(current, username, password) if db_path.exists() else None
        if who is None:
            who = _authorise(engine_mod.sqlite_url(candidate.path), username, password)
        if who is None:
            raise PermissionDenied("neither the database nor the backup has an "
                                   "administrator", code="restore.no_admin")
        details: dict[str, object] = {"source": str(source), "rows": candidate.counts}
        if db_path.exists():
            _audit(current, who, details, "replaced by a restore")
    except BaseException:
        candidate.path.unlink(missing_ok=True)
        raise
    previous = backup.install_restore(candidate, db_path)
    _audit(engine_mod.sqlite_url(db_path), who,
           {**details, "previous": str(previous) if previous else ""}, "restored")
    return RestoreResult(db_path, source, previous, candidate.counts)
