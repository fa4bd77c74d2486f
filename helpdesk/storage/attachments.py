"""Attachment bytes and their links to sheets (issue 11), in Core SQL.

The bytes are stored once per sha256 (``attachment_blobs``); adding the same photo to a
second sheet, or twice to one, adds only a link. Removing the last link of a content
removes its bytes as well (removal is a manager's decision, audited by the service).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from helpdesk.storage import tables

a, b, u = tables.sheet_attachments, tables.attachment_blobs, tables.users

_COLUMNS = (a.c.id, a.c.sheet_id, a.c.filename, a.c.mime, a.c.caption, a.c.added_at,
            a.c.added_by_id, b.c.size, b.c.sha256, u.c.display_name.label("added_by_name"))


def _listing() -> Any:
    return (select(*_COLUMNS).select_from(a).join(b, b.c.id == a.c.blob_id)
            .outerjoin(u, u.c.id == a.c.added_by_id))


def add(session: Session, *, sheet_id: int, filename: str, mime: str, caption: str,
        data: bytes, sha256: str, added_at: datetime, added_by_id: int | None) -> int:
    """Link ``data`` to the sheet (storing the bytes only if this content is new)."""
    blob_id = session.scalar(select(b.c.id).where(b.c.sha256 == sha256))
    if blob_id is None:
        blob_id = session.execute(insert(b).values(sha256=sha256, size=len(data), data=data)
                                  .returning(b.c.id)).scalar_one()
    return int(session.execute(insert(a).values(
        sheet_id=sheet_id, blob_id=blob_id, filename=filename, mime=mime, caption=caption,
        added_at=added_at, added_by_id=added_by_id).returning(a.c.id)).scalar_one())


def of_sheet(session: Session, sheet_id: int) -> list[dict[str, Any]]:
    stmt = _listing().where(a.c.sheet_id == sheet_id).order_by(a.c.added_at, a.c.id)
    return [dict(r._mapping) for r in session.execute(stmt)]


def one(session: Session, attachment_id: int) -> dict[str, Any] | None:
    row = session.execute(_listing().where(a.c.id == attachment_id)).first()
    return dict(row._mapping) if row is not None else None


def data(session: Session, attachment_id: int) -> bytes | None:
    value = session.scalar(select(b.c.data).join(a, a.c.blob_id == b.c.id)
                           .where(a.c.id == attachment_id))
    return bytes(value) if value is not None else None


def sheet_total(session: Session, sheet_id: int) -> int:
    """The bytes of the sheet's attachments (each link counts: the limit is per sheet)."""
    return int(session.scalar(select(func.coalesce(func.sum(b.c.size), 0))
                              .select_from(a).join(b, b.c.id == a.c.blob_id)
                              .where(a.c.sheet_id == sheet_id)) or 0)


def remove(session: Session, attachment_id: int) -> None:
    blob_id = session.scalar(select(a.c.blob_id).where(a.c.id == attachment_id))
    session.execute(delete(a).where(a.c.id == attachment_id))
    if blob_id is not None and session.scalar(
            select(func.count()).select_from(a).where(a.c.blob_id == blob_id)) == 0:
        session.execute(delete(b).where(b.c.id == blob_id))
