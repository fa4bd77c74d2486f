"""Unsaved form input kept on this machine, so a crash or power cut loses nothing.

The sheet form writes its input here every few seconds while it has unsaved changes
and removes the draft when the sheet is saved or the change is abandoned on purpose.
At the next start whatever is left is offered for restoring.

Drafts live in ``<data folder>/drafts/<database>/``, one JSON file each, written
atomically (a crash while writing leaves the previous draft). The database part of the
path keeps a draft typed against one database from being restored into another; the
owner (user name) part keeps one person's draft from another's session.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from helpdesk.services import common
from helpdesk.storage import engine as engine_mod

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")
FORMAT = 1


@dataclass(frozen=True)
class Draft:
    """Attributes: key (which form), owner (user name), saved_at, data (the input)."""

    key: str
    owner: str
    saved_at: datetime
    data: dict[str, Any]


def _folder(database: str) -> Path:
    digest = hashlib.sha1(database.encode("utf-8")).hexdigest()[:12]
    return engine_mod.data_dir() / "drafts" / digest


def _file(database: str, owner: str, key: str) -> Path:
    return _folder(database) / f"{_SAFE.sub('_', owner)}__{_SAFE.sub('_', key)}.json"


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot keep {type(value).__name__} in a draft")


def save_draft(database: str, owner: str, key: str, data: dict[str, Any]) -> None:
    """Keep ``data`` (JSON-friendly values) as the draft ``key`` of ``owner``."""
    path = _file(database, owner, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": FORMAT, "key": key, "owner": owner,
               "saved_at": common.now().isoformat(), "data": data}
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, default=_default)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def discard_draft(database: str, owner: str, key: str) -> None:
    _file(database, owner, key).unlink(missing_ok=True)


def list_drafts(database: str, owner: str) -> list[Draft]:
    """The drafts ``owner`` left in ``database``, oldest first (unreadable ones skipped)."""
    folder = _folder(database)
    if not folder.is_dir():
        return []
    prefix = f"{_SAFE.sub('_', owner)}__"
    found = []
    for path in folder.glob(f"{prefix}*.json"):
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            found.append(Draft(str(payload["key"]), str(payload["owner"]),
                               datetime.fromisoformat(payload["saved_at"]),
                               dict(payload["data"])))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a foreign or damaged file is not a draft of ours
    return sorted(found, key=lambda d: d.saved_at)
