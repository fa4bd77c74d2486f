"""Attachments of a sheet (issue 11): add, list, read, remove; the size limits.

Adding is part of working a sheet (anyone who may edit it); removing is a manager's
decision with a reason, audited, never silent. The bytes live in the database, so every
desk on a shared PostgreSQL sees them and a backup holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from helpdesk.domain import attachments as rules
from helpdesk.domain import audit, events, text
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.errors import NotFound, ValidationError
from helpdesk.domain.users import Permission
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork

LIMITS_KEY = "attachment_limits"
_CAPTION_MAX = 500


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as the form, the printout and the command line list it."""

    id: int
    sheet_id: int
    filename: str
    mime: str
    caption: str
    size: int
    sha256: str
    added_at: datetime
    added_by_name: str

    @property
    def is_image(self) -> bool:
        return rules.is_image(self.mime)


def _info(row: dict[str, Any]) -> AttachmentInfo:
    return AttachmentInfo(id=row["id"], sheet_id=row["sheet_id"], filename=row["filename"],
                          mime=row["mime"], caption=row["caption"], size=int(row["size"]),
                          sha256=row["sha256"], added_at=row["added_at"],
                          added_by_name=row["added_by_name"] or "")


# ---------------------------------------------------------------- limits
def limits(uow: UnitOfWork) -> rules.Limits:
    stored = uow.settings.get(LIMITS_KEY)
    if not isinstance(stored, dict):
        return rules.Limits()
    try:
        return rules.Limits(int(stored["per_file"]), int(stored["per_sheet"]))
    except (KeyError, TypeError, ValueError, ValidationError):
        return rules.Limits()


def get_limits(uow: UnitOfWork, actor_id: int) -> rules.Limits:
    with uow.reading():
        common.actor(uow, actor_id)
        return limits(uow)


def set_limits(uow: UnitOfWork, actor_id: int, per_file_mb: float,
               per_sheet_mb: float) -> rules.Limits:
    """The administrator's limits, in MB (stored in bytes)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        new = rules.Limits(round(per_file_mb * rules.MB), round(per_sheet_mb * rules.MB))
        before = limits(uow)
        uow.settings.set(LIMITS_KEY, {"per_file": new.per_file, "per_sheet": new.per_sheet})
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key=LIMITS_KEY,
            details=audit.diff({"per_file": before.per_file, "per_sheet": before.per_sheet},
                               {"per_file": new.per_file, "per_sheet": new.per_sheet})))
        uow.commit()
        return new


# ---------------------------------------------------------------- use cases
def add_attachment(uow: UnitOfWork, actor_id: int, sheet_id: int, filename: str,
                   data: bytes, *, caption: str = "", mime: str = "") -> AttachmentInfo:
    """Attach a file to a sheet (dropped, pasted, chosen or given on the command line)."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.EDIT_SHEET)
        sheet = uow.sheets.get(sheet_id)
        if sheet is None or sheet.id is None:
            raise NotFound(f"sheet {sheet_id} does not exist", code="sheet.not_found")
        name = rules.clean_filename(filename)
        if sheet.state is SheetState.CLOSED:
            raise ValidationError("attachment", "attachment.sheet_closed",
                                  f"{sheet.number} is closed: reopen it to add files",
                                  value=sheet.number)
        rules.check_size(len(data), uow.sheets.attachments_size(sheet.id), limits(uow), name)
        note = " ".join(text.normalize_newlines(caption).split())[:_CAPTION_MAX]
        sha = rules.content_hash(data)
        kind = mime or rules.guess_mime(name)
        new_id = uow.sheets.add_attachment(
            sheet_id=sheet.id, filename=name, mime=kind[:100], caption=note, data=data,
            sha256=sha, added_at=at, added_by_id=user.id)
        uow.record(events.AttachmentAdded(
            at=at, **common.by(user), sheet_id=sheet.id, sheet_number=sheet.number,
            customer_id=sheet.customer_id,
            details={"attachment_id": new_id, "filename": name, "sha256": sha,
                     "size": len(data), "caption": note}))
        row = uow.sheets.attachment(new_id)
        uow.commit()
    assert row is not None
    return _info(row)


def list_attachments(uow: UnitOfWork, actor_id: int, sheet_id: int) -> list[AttachmentInfo]:
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_SHEETS)
        return [_info(r) for r in uow.sheets.attachments(sheet_id)]


def attachment_data(uow: UnitOfWork, actor_id: int, attachment_id: int) -> bytes:
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_SHEETS)
        data = uow.sheets.attachment_data(attachment_id)
    if data is None:
        raise NotFound(f"attachment {attachment_id} does not exist",
                       code="attachment.not_found")
    return data


def remove_attachment(uow: UnitOfWork, actor_id: int, attachment_id: int,
                      reason: str) -> None:
    """Remove an attachment (service manager or director), saying why; the audit trail
    keeps its name, size and content hash."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.REMOVE_ATTACHMENT)
        why = " ".join(reason.split())
        if not why:
            raise ValidationError("reason", "attachment.reason_required",
                                  "say why the attachment is removed")
        row = uow.sheets.attachment(attachment_id)
        if row is None:
            raise NotFound(f"attachment {attachment_id} does not exist",
                           code="attachment.not_found")
        sheet = uow.sheets.get(int(row["sheet_id"]))
        assert sheet is not None and sheet.id is not None
        uow.sheets.remove_attachment(attachment_id)
        uow.record(events.AttachmentRemoved(
            at=at, **common.by(user), sheet_id=sheet.id, sheet_number=sheet.number,
            customer_id=sheet.customer_id, note=why[:500],
            details={"attachment_id": attachment_id, "filename": row["filename"],
                     "sha256": row["sha256"], "size": int(row["size"]),
                     "caption": row["caption"]}))
        uow.commit()


common.guard_use_cases(__name__)
