"""The audit trail (审计记录): who changed what, when, with the values before and after.

Entries are only ever appended; storage refuses to update or delete them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from helpdesk.domain import events as events_mod


@dataclass(eq=False)
class AuditEntry:
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    entity_id: int | None
    changes: str = "{}"
    note: str = ""
    id: int | None = None

    @property
    def change_map(self) -> dict[str, Any]:
        data = json.loads(self.changes or "{}")
        return data if isinstance(data, dict) else {}


def plain(value: Any) -> Any:
    """A JSON-safe form of a field value (enums by value, dates in ISO)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    changes: dict[str, list[Any]] = {}
    for key in sorted(set(before) | set(after)):
        old, new = plain(before.get(key)), plain(after.get(key))
        if old != new:
            changes[key] = [old, new]
    return changes


def encode(changes: Mapping[str, Any]) -> str:
    return json.dumps({k: plain(v) for k, v in changes.items()}, ensure_ascii=False,
                      sort_keys=True)


def entries(event: events_mod.Event) -> list[AuditEntry]:
    """The audit rows an event stands for: the one place an event becomes audit."""
    return [AuditEntry(at=event.at, user_id=event.user_id, username=event.username,
                       action=r.action, entity=r.entity, entity_id=r.entity_id,
                       changes=encode(r.changes), note=r.note)
            for r in event.audit_records()]


@dataclass(frozen=True)
class AuditQuery:
    """Which entries the audit-trail viewer lists (issue 15); empty means any.

    Attributes:
        actions: the actions wanted (``customer.merge``...).
        since, until: ``since <= at < until``.
    """

    user_id: int | None = None
    actions: frozenset[str] = frozenset()
    entity: str = ""
    entity_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
