"""The retention archive (seed 003, 六: "保存期限为二年"), an administrator's job.

``export_archive`` writes the closed sheets older than the retention setting (or a
date given) into a self-contained archive file and checks it; ``open_archive`` opens
such a file read-only for the same services; ``remove_archived`` deletes the archived
sheets from the live database — only when asked explicitly, only after the archive was
verified again, audited. Nothing is removed by age alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from helpdesk.domain import events
from helpdesk.domain.errors import NotFound, StorageError, ValidationError
from helpdesk.domain.users import READING, Permission
from helpdesk.services import common
from helpdesk.services import settings as settings_services
from helpdesk.services import users as user_services
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import SessionUser
from helpdesk.storage import archive as store
from helpdesk.storage.database import Database
from helpdesk.storage.uow import SqlAlchemyUnitOfWork

IssuedEntry = store.IssuedEntry  # an issued monthly report in an archive (no bytes)


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
    """The archive, read-only: pass ``.uow()`` to the services to read it. Its units of
    work refuse every write (``archive.read_only``); the file is opened ``mode=ro``."""
    return store.open_read_only(path)


def reader(uow: UnitOfWork, actor_id: int, archived: UnitOfWork) -> SessionUser:
    """Who the desk reads the archive ``archived`` as, for the person ``actor_id`` logged
    in on the live store (``uow``), who must be allowed to read sheets there.

    The archive keeps the users of its day (with their old passwords), so nobody logs in
    to it: the person reads as themselves when the archive knows them (same id and user
    name) and they could read sheets then, otherwise as the archive's first user who
    could. Their permissions are cut to reading (``READING``), so every screen offers
    only that. Nothing is written to either database."""
    with uow.reading():
        username = common.actor(uow, actor_id, Permission.VIEW_SHEETS).username
    with archived.reading():
        then = archived.users.get(actor_id)
        if then is None or then.username != username or not then.active \
                or not then.can(Permission.VIEW_SHEETS):
            then = archived.users.get(min(archived_reader_ids(archived)))
        assert then is not None
        user = user_services.session_user(then)
    return dataclasses.replace(user, permissions=user.permissions & READING)


def archived_reports(uow: UnitOfWork, actor_id: int) -> list[IssuedEntry]:
    """The issued monthly reports an archive holds (``VIEW_REPORTS``)."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
    with _engine(uow).connect() as conn:
        return store.issued_entries(conn)


def archived_report_pdf(uow: UnitOfWork, actor_id: int, entry_id: int) -> bytes:
    """The PDF of an issued report in an archive, byte for byte as it was signed
    (``VIEW_REPORTS``); an archive records nothing, so reading it is not audited."""
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
    with _engine(uow).connect() as conn:
        data = store.issued_pdf(conn, entry_id)
    if data is None:
        raise NotFound(f"issued report {entry_id} does not exist",
                       code="report.not_found")
    return data


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

    readers = set(roles_with(Permission.VIEW_SHEETS))
    found = [u.id for u in user_services.list_users(uow, include_inactive=False)
             if readers & set(u.roles)]
    if not found:
        raise StorageError("the archive has no user who may read sheets",
                           code="archive.incomplete", value="")
    return found


common.guard_use_cases(__name__)
