"""The retention archive (seed 003, 六: "保存期限为二年"), an administrator's job.

``export_archive`` writes the closed sheets older than the retention setting (or a
date given) into a self-contained archive file and checks it; ``open_archive`` opens
such a file read-only for the same services; ``remove_archived`` deletes the archived
sheets from the live database — only when asked explicitly, only after the archive was
verified again, audited. Nothing is removed by age alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from helpdesk.domain import events
from helpdesk.domain.errors import StorageError, ValidationError
from helpdesk.domain.users import Permission
from helpdesk.services import common
from helpdesk.services import settings as settings_services
from helpdesk.services.common import UnitOfWork
from helpdesk.storage import archive as store
from helpdesk.storage.database import Database
from helpdesk.storage.uow import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class ArchiveResult:
    """Attributes: path, closed_before (the cut-off), sheet_ids, rows (per table)."""

    path: Path
    closed_before: datetime
    sheet_ids: tuple[int, ...]
    rows: dict[str, int]


def retention_cutoff(uow: UnitOfWork, now: datetime | None = None) -> datetime:
    """Closed before this instant is older than the retention setting (years)."""
    at = now or common.now()
    years = settings_services.get_retention_years(uow)
    try:
        return at.replace(year=at.year - years)
    except ValueError:  # 29 February
        return at.replace(year=at.year - years, day=28)


def _engine(uow: UnitOfWork) -> Any:
    engine = getattr(uow, "engine", None)
    if engine is None:
        raise StorageError("the archive needs a SQL database", code="archive.no_database")
    return engine


def _candidates(uow: UnitOfWork, closed_before: datetime) -> list[int]:
    with _engine(uow).connect() as conn:
        return store.closed_before(conn, closed_before)


def export_archive(uow: UnitOfWork, actor_id: int, path: Path, *,
                   closed_before: datetime | None = None) -> ArchiveResult:
    """Write the closed sheets older than the retention setting (or ``closed_before``)
    into ``path`` and verify it. The live database keeps them."""
    with uow.reading():
        username = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS).username
        limit = retention_cutoff(uow)
    cutoff = closed_before or limit
    if cutoff > limit:
        raise ValidationError("closed_before", "archive.too_recent",
                              "sheets are kept at least the retention period",
                              value=cutoff.date().isoformat(), limit=limit.date().isoformat())
    ids = _candidates(uow, cutoff)
    if not ids:
        raise ValidationError("closed_before", "archive.nothing",
                              "no closed sheet is that old", value=cutoff.date().isoformat())
    counts = store.export(_engine(uow), path, ids, {
        "created_at": common.now(), "created_by": username, "closed_before": cutoff,
        "sheet_count": len(ids), "first_id": ids[0], "last_id": ids[-1],
        "sheet_ids": ids})
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        uow.record(events.SheetsArchived(
            at=common.now(), **common.by(user), note=str(path),
            details={"file": str(path), "sheets": len(ids),
                     "closed_before": cutoff.isoformat(), "rows": counts.rows}))
        uow.commit()
    return ArchiveResult(path, cutoff, tuple(ids), counts.rows)


def open_archive(path: Path) -> Database:
    """The archive, read-only: pass ``.uow()`` to the services to read it."""
    engine = store.read_only_engine(path)
    return Database(str(engine.url), engine)


def archived_sheet_ids(path: Path) -> list[int]:
    archived = open_archive(path)
    try:
        return [int(i) for i in store.manifest(archived.engine).get("sheet_ids", [])]
    finally:
        archived.dispose()


def verify_archive(uow: UnitOfWork, actor_id: int, path: Path) -> dict[str, int]:
    """Check the archive still holds every row the live database has about its sheets."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
    return store.verify(_engine(uow), path, archived_sheet_ids(path)).rows


def remove_archived(uow: UnitOfWork, actor_id: int, path: Path, *, confirm: bool) -> int:
    """Delete from the live database the sheets ``path`` archives — only with
    ``confirm`` and after verifying the archive again; audited. Returns how many."""
    if not confirm:
        raise ValidationError("confirm", "archive.confirm",
                              "removing archived sheets must be asked for explicitly")
    rows = verify_archive(uow, actor_id, path)
    ids = archived_sheet_ids(path)
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        assert isinstance(uow, SqlAlchemyUnitOfWork)
        store.remove(uow.session.connection(), ids)
        uow.record(events.SheetsArchived(
            at=common.now(), **common.by(user), removed=True, note=str(path),
            details={"file": str(path), "sheets": len(ids), "rows": rows}))
        uow.commit()
    return len(ids)


def archived_reader_ids(uow: UnitOfWork) -> list[int]:
    """Users of an archive who may read its sheets (the command line reads as one)."""
    from helpdesk.domain.users import roles_with
    from helpdesk.services import users as user_services

    readers = set(roles_with(Permission.VIEW_SHEETS))
    found = [u.id for u in user_services.list_users(uow, include_inactive=False)
             if readers & set(u.roles)]
    if not found:
        raise StorageError("the archive has no user who may read sheets",
                           code="archive.incomplete", value="")
    return found


common.guard_use_cases(__name__)
