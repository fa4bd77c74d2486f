"""Unsaved form input kept on this machine, so a crash or power cut loses nothing.

The sheet form writes its input here every few seconds while it has unsaved changes
and removes the draft when the sheet is saved or the change is abandoned on purpose.
At the next start whatever is left is offered for restoring.

Drafts live in ``<data folder>/drafts/<database>/``, one JSON file each, written
atomically (a crash while writing leaves the previous draft). The database part of the
path keeps a draft typed against one database from being restored into another; the
owner (user name) part keeps one person's draft from another's session.

A draft holds the customer's name, phone and complaint: it is sealed (AES-256-GCM)
under a key the system's credential store keeps for this user (``storage.draft_key``);
without a credential store it is written in clear, readable by its owner only.
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
from helpdesk.storage import draft_key
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
    content = json.dumps(payload, ensure_ascii=False, default=_default).encode("utf-8")
    secret = draft_key.key()
    if secret is not None:
        content = draft_key.seal(content, secret)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)
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
            blob = path.read_bytes()
            if draft_key.is_sealed(blob):
                opened = draft_key.unseal(blob, draft_key.key())
                if opened is None:
                    continue  # sealed under a key this login does not have
                blob = opened
            payload = json.loads(blob.decode("utf-8"))
            found.append(Draft(str(payload["key"]), str(payload["owner"]),
                               datetime.fromisoformat(payload["saved_at"]),
                               dict(payload["data"])))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a foreign or damaged file is not a draft of ours
    return sorted(found, key=lambda d: d.saved_at)
