"""The audit trail (审计记录): who changed what, when, with the values before and after.

Entries are only ever appended; storage refuses to update or delete them. Each entry
also carries ``chain``: an HMAC-SHA-256, under the store's audit key, of the previous
entry's ``chain`` and this entry's content, so an entry rewritten (``REPLACE``, an
``UPDATE`` past dropped triggers), removed or inserted in the middle breaks the chain
from there on, and :func:`first_broken` names the first such entry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping
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
    chain: str | None = None

    @property
    def change_map(self) -> dict[str, Any]:
        data = json.loads(self.changes or "{}")
        return data if isinstance(data, dict) else {}


# Values that are JSON-safe as they are (exact types: a StrEnum is a str, but goes by
# its value below). Checked first: an import runs this over a million values.
_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A JSON-safe form of a field value (enums by value, dates in ISO)."""
    if type(value) in _AS_IS:
        return value
    if type(value) is list:  # a diff's [old, new]: before the slower checks below
        return [plain(v) for v in value]
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
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is new and type(old) is not float:  # unchanged (None, mostly); NaN != NaN
            continue
        old, new = plain(old), plain(new)
        if old != new:
            changes[key] = [old, new]
    return changes


def encode(changes: Mapping[str, Any]) -> str:
    return json.dumps({k: _plain_pair(v) for k, v in changes.items()}, ensure_ascii=False,
                      sort_keys=True)


def _plain_pair(value: Any) -> Any:
    """``plain`` of a diff's [old, new] whose two values are plain already (what
    ``diff`` makes: nothing to convert); anything else goes through ``plain``."""
    if type(value) is list and len(value) == 2 and type(value[0]) in _AS_IS \
            and type(value[1]) in _AS_IS:
        return value
    return plain(value)


def entries(event: events_mod.Event,
            make: Callable[..., AuditEntry] = AuditEntry) -> list[AuditEntry]:
    """The audit rows an event stands for: the one place an event becomes audit.
    ``make`` builds each entry from its fields (storage makes them without the mapping's
    attribute events: the rows are written as plain values)."""
    return [make(at=event.at, user_id=event.user_id, username=event.username,
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


# ---------------------------------------------------------------- the hash chain
CHAIN_START = "0" * 64
"""The ``previous`` of the first entry."""


def _canonical(entry: AuditEntry) -> bytes:
    at = entry.at.isoformat(sep=" ", timespec="microseconds")
    return json.dumps([at, entry.user_id, entry.username, entry.action, entry.entity,
                       entry.entity_id, entry.changes, entry.note],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_hash(key: bytes, previous: str, entry: AuditEntry) -> str:
    """The ``chain`` value of ``entry`` following an entry whose chain is ``previous``."""
    return hmac.new(key, previous.encode("ascii") + b"\n" + _canonical(entry),
                    hashlib.sha256).hexdigest()


def link(key: bytes, previous: str, new: Iterable[AuditEntry]) -> str:
    """Give each new entry its ``chain`` in order; returns the last one."""
    for entry in new:
        entry.chain = chain_hash(key, previous, entry)
        previous = entry.chain
    return previous


def first_broken(key: bytes, entries: Iterable[AuditEntry]) -> AuditEntry | None:
    """The first entry (in id order) whose ``chain`` does not follow from the one
    before it and its own content; None when the whole trail holds."""
    previous = CHAIN_START
    for entry in entries:
        if entry.chain is None or not hmac.compare_digest(
                entry.chain, chain_hash(key, previous, entry)):
            return entry
        previous = entry.chain
    return None


# ---------------------------------------------------------------- the anchor (issue 16)
# The chain shows an entry changed, removed or inserted in the middle, but not the
# newest entries removed: what is left still chains. The anchor — how many entries the
# trail holds and the last one's chain, signed under the same key — is rewritten with
# every append, outside the audit table; a trail shorter than its anchor lost its tail.
ANCHOR_SETTING = "audit_chain_anchor"


def anchor_signature(key: bytes, count: int, head: str) -> str:
    """The HMAC that makes an anchor (``count`` entries, the last chained ``head``)."""
    return hmac.new(key, f"anchor\n{count}\n{head}".encode("ascii"),
                    hashlib.sha256).hexdigest()


def anchor_value(key: bytes, count: int, head: str) -> dict[str, Any]:
    """The anchor as stored (a JSON object in ``settings``)."""
    return {"count": count, "head": head, "mac": anchor_signature(key, count, head)}


def anchor_holds(key: bytes, value: Any) -> bool:
    """The stored anchor is one this store's key signed."""
    try:
        count, head, mac = int(value["count"]), str(value["head"]), str(value["mac"])
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(mac, anchor_signature(key, count, head))
