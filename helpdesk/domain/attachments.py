"""Attachments of a complaint sheet (附件): photos of the damage, the signed paper sheet,
a WeChat screenshot, a recording of the call.

The bytes are kept once per content (sha256) however many sheets carry them; the
administrator sets how big one file and all files of one sheet may be. Plain rules here;
storage keeps the bytes, services check who may add and remove.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass

from helpdesk.domain import text
from helpdesk.domain.errors import ValidationError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The administrator's size limits, in bytes."""

    per_file: int = 10 * MB
    per_sheet: int = 50 * MB

    def __post_init__(self) -> None:
        if self.per_file <= 0 or self.per_sheet <= 0:
            raise ValidationError("attachment_limits", "attachment.limits_invalid",
                                  "the limits must be positive")
        if self.per_file > self.per_sheet:
            raise ValidationError("attachment_limits", "attachment.limits_invalid",
                                  "one file cannot be allowed more than a whole sheet")


#: Characters a file name may not carry into a folder on Windows or Linux.
_BAD_NAME_CHARS = set('<>:"/\\|?*')
_NAME_MAX = 255


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_filename(name: str) -> str:
    """The base name as stored and as written out again: no folders, no characters a
    file system refuses, no control characters; never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join("_" if ch in _BAD_NAME_CHARS or text.is_control(ch) else ch for ch in base)
    kept = kept.strip().strip(".") or "attachment"
    if len(kept) > _NAME_MAX:
        stem, dot, ext = kept.rpartition(".")
        kept = (stem[:_NAME_MAX - len(ext) - 1] + "." + ext) if dot and len(ext) < 16 \
            else kept[:_NAME_MAX]
    return kept


def guess_mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def is_image(mime: str) -> bool:
    """Shown as a thumbnail on screen and on the printout."""
    return mime in ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")


def check_size(size: int, sheet_total: int, limits: Limits, filename: str) -> None:
    """Refuse an empty file, one over the per-file limit, or one that would take the
    sheet over its limit (``sheet_total``: the sheet's attachments so far)."""
    if size <= 0:
        raise ValidationError("attachment", "attachment.empty", f"{filename} is empty",
                              value=filename)
    if size > limits.per_file:
        raise ValidationError(
            "attachment", "attachment.too_big",
            f"{filename} has {size / MB:.1f} MB; one file may have at most "
            f"{limits.per_file / MB:.1f} MB", value=filename, size_mb=f"{size / MB:.1f}",
            limit_mb=f"{limits.per_file / MB:.1f}")
    if sheet_total + size > limits.per_sheet:
        raise ValidationError(
            "attachment", "attachment.sheet_full",
            f"the sheet's files would have {(sheet_total + size) / MB:.1f} MB; at most "
            f"{limits.per_sheet / MB:.1f} MB are allowed", value=filename,
            size_mb=f"{(sheet_total + size) / MB:.1f}", limit_mb=f"{limits.per_sheet / MB:.1f}")
