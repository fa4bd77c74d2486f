"""Backups without a terminal: back up now, restore, and a daily automatic backup.

The automatic backup is for a SQLite database (a PostgreSQL server is backed up on the
server): once a day, when the desk is running, the database is copied with SQLite's
online backup (desks keep working) to the folder the administrator chose — a USB drive,
say — as ``helpdesk-auto-<date>-<time>.db``, and automatic backups older than the
chosen number of days are deleted there. The folder must exist: a drive that is not
plugged in is reported (``backup.folder_missing``), never created on the desk's disk.

The copying and the restore are :mod:`helpdesk.storage.backup`'s; this module decides
when, where, who may, and keeps the audit trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from helpdesk.domain import audit, events
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.users import Permission
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork
from helpdesk.storage import backup
from helpdesk.storage import engine as engine_mod

SETTINGS_KEY = "auto_backup"
DEFAULT_KEEP_DAYS = 14
STALE_AFTER = timedelta(days=2)  # the status bar warns when the last backup is older
_AUTO_NAME = re.compile(r"helpdesk-auto-(\d{8})-\d{6}(?:-\d+)?\.db$")
_ANY_BACKUP = "*.db"


@dataclass(frozen=True)
class AutoBackup:
    """The automatic backup's settings: on or off, the folder, how many days kept."""

    enabled: bool = False
    folder: str = ""
    keep_days: int = DEFAULT_KEEP_DAYS
    last_folder: str = ""  # where "back up now" last wrote (its age counts too)


def auto_backup_settings(uow: UnitOfWork) -> AutoBackup:
    with uow.reading():
        raw = uow.settings.get(SETTINGS_KEY, {}) or {}
    return AutoBackup(enabled=bool(raw.get("enabled")), folder=str(raw.get("folder", "")),
                      keep_days=int(raw.get("keep_days", DEFAULT_KEEP_DAYS)),
                      last_folder=str(raw.get("last_folder", "")))


def _existing_folder(folder: str | Path, field: str = "folder") -> Path:
    path = Path(folder).expanduser()
    if not str(folder).strip() or not path.is_dir():
        raise ValidationError(field, "backup.folder_missing",
                              f"the backup folder {folder} does not exist; create it or plug "
                              "in the drive first", folder=str(folder))
    return path


def save_auto_backup(uow: UnitOfWork, actor_id: int, *, enabled: bool, folder: str,
                     keep_days: int) -> AutoBackup:
    """Administrators: switch the daily backup on or off, choose its folder (which must
    exist) and how many days of backups are kept (1-3650). Audited."""
    if enabled:
        _existing_folder(folder)
    if not 1 <= keep_days <= 3650:  # noqa: PLR2004 - ten years
        raise ValidationError("keep_days", "backup.keep_days",
                              "keep backups for 1 to 3650 days", minimum=1, maximum=3650)
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        before = uow.settings.get(SETTINGS_KEY, {}) or {}
        after = {**before, "enabled": enabled, "folder": str(folder), "keep_days": keep_days}
        uow.settings.set(SETTINGS_KEY, after)
        uow.record(events.SettingsChanged(at=common.now(), **common.by(user), key=SETTINGS_KEY,
                                          details=audit.diff(before, after)))
        uow.commit()
    return AutoBackup(enabled, str(folder), keep_days, str(before.get("last_folder", "")))


def _sqlite(database_url: str) -> Path:
    path = engine_mod.sqlite_file(database_url)
    if path is None:
        raise ValidationError("database", "backup.sqlite_only",
                              "automatic backups are for SQLite databases; back up "
                              "PostgreSQL on the server")
    return path


def backup_now(uow: UnitOfWork, actor_id: int, database_url: str,
               folder: str | Path | None = None) -> Path:
    """Administrators: copy the SQLite database now, to ``folder`` (which must exist;
    default: ``backups/`` next to the database). Audited."""
    db_path = _sqlite(database_url)
    target = _existing_folder(folder) if folder else None
    with uow.reading():
        common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
    dest = None
    if target is not None:
        dest = target / f"helpdesk-{datetime.now():%Y%m%d-%H%M%S}-manual.db"
    saved = backup.backup_sqlite(db_path, dest)
    _audit(uow, actor_id, "backup", saved)
    return saved


def restore(uow: UnitOfWork, actor_id: int, database_url: str, source: Path) -> Path | None:
    """Administrators: replace the SQLite database with a backup (the current one is
    kept as a backup first). The desk must open the database again afterwards; the
    restore is audited in the restored database."""
    db_path = _sqlite(database_url)
    backup.check_is_helpdesk(source)
    with uow.reading():
        common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
    safety = backup.restore_sqlite(source, db_path)
    _audit(uow, actor_id, "restore", source)
    return safety


def _audit(uow: UnitOfWork, actor_id: int, what: str, path: Path) -> None:
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        if what == "backup":
            current = uow.settings.get(SETTINGS_KEY, {}) or {}
            uow.settings.set(SETTINGS_KEY, {**current, "last_folder": str(path.parent)})
        uow.record(events.SettingsChanged(at=common.now(), **common.by(user),
                                          key=f"{SETTINGS_KEY}.{what}",
                                          details={"file": str(path)},
                                          note=f"{what}: {path}"))
        uow.commit()


def rotate(folder: Path, keep_days: int, today: date) -> list[Path]:
    """Delete the automatic backups in ``folder`` older than ``keep_days`` days (by the
    date in their name); other files are never touched. Returns what was deleted."""
    oldest = today - timedelta(days=keep_days - 1)
    deleted = []
    for path in sorted(folder.glob("helpdesk-auto-*.db")):
        match = _AUTO_NAME.search(path.name)
        if match and datetime.strptime(match[1], "%Y%m%d").date() < oldest:
            path.unlink()
            deleted.append(path)
    return deleted


def run_daily(database_url: str, config: AutoBackup, now: datetime | None = None) -> Path | None:
    """The automatic backup, if it is on and today's is not there yet; then rotation.

    Raises:
        ValidationError: ``backup.folder_missing`` (the drive is not plugged in) or
            ``backup.sqlite_only``.
    """
    if not config.enabled:
        return None
    now = now or datetime.now()
    db_path = _sqlite(database_url)
    folder = _existing_folder(config.folder)
    today = f"helpdesk-auto-{now:%Y%m%d}-"
    saved = None
    if not any(p.name.startswith(today) for p in folder.glob("helpdesk-auto-*.db")):
        dest = folder / f"{today}{now:%H%M%S}.db"
        saved = backup.backup_sqlite(db_path, dest, reason="auto")
    rotate(folder, config.keep_days, now.date())
    return saved


def last_backup(database_url: str, config: AutoBackup) -> datetime | None:
    """When the newest backup (automatic, in its folder, or next to the database) was
    written; None when there is none or the database is not SQLite."""
    db_path = engine_mod.sqlite_file(database_url)
    if db_path is None:
        return None
    folders = [db_path.parent / "backups"]
    folders += [Path(f).expanduser() for f in (config.folder, config.last_folder) if f]
    times = [p.stat().st_mtime for f in folders if f.is_dir() for p in f.glob(_ANY_BACKUP)]
    return datetime.fromtimestamp(max(times)) if times else None


def is_stale(last: datetime | None, now: datetime | None = None) -> bool:
    """Whether the status bar should warn: no backup, or the last is over 2 days old."""
    return last is None or (now or datetime.now()) - last > STALE_AFTER


def is_sqlite_url(url: str) -> bool:
    """Whether ``url`` is a SQLite file (the desk can back it up itself)."""
    return bool(url) and engine_mod.sqlite_file(url) is not None


common.guard_use_cases(__name__)
