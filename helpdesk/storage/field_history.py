"""A sheet's values as they stood at an instant: the history of later corrections.

The monthly report counts each sheet of a month by its channel, severity, category,
responsible area and person, deadlines, escalation and compensation *as at the month's
end*; a correction made later counts from the month it is made in. The audit trail
already holds every change's before/after values, but as JSON in a trail that grows
with every workflow step: reading it for a month would parse tens of thousands of
entries. So each audited change of one of :data:`TRACKED` also writes one row of
``sheet_field_history`` (sheet, instant, field, value before) in the same transaction
(``storage.uow``), from the very entry the audit trail stores; the migration that made
the table filled it from the existing trail the same way (:func:`rows_from_audit`).

The value at a cut-off is then: the value before the sheet's first change of that field
at or after the cut-off if there is one, else the stored value (:func:`value_at`) — an
index probe, made only for the few sheets changed since (``CASE`` is lazy).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, exists, not_, or_, select

from helpdesk.storage import tables

_h = tables.sheet_field_history
_s = tables.sheets

TRACKED: Mapping[str, str] = {
    "channel": "old_text",
    "severity": "old_text",
    "category": "old_text",
    "responsible_area": "old_text",
    "responsible_user_id": "old_number",
    "compensation_cents": "old_number",
    "escalated_to_oem": "old_number",
    "response_due_at": "old_at",
    "resolution_due_at": "old_at",
    # issue 12: the month a sheet counts in, and whose complaint it is (a correction,
    # or a merge of two customer records into one).
    "received_at": "old_at",
    "customer_id": "old_number",
}
"""The fields a report reads as at its cut-off, and the column their old value goes in."""

# A merge moves the duplicate's sheets to the kept customer; its entry is the customer's.
_MERGE = "customer.merge"

_BOOLEAN = frozenset({"escalated_to_oem"})

# Registration and import set the first values: nothing stood before them.
_FIRST_VALUES = frozenset({"sheet.register", "sheet.import"})


def _old(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column == "old_at":
        return datetime.fromisoformat(str(value))
    if column == "old_number":
        return int(value)  # a flag as 0 / 1
    return str(value)


def rows_from_audit(at: datetime, action: str, entity: str, entity_id: int | None,
                    changes: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The history rows of one audit entry (``changes``: ``{field: [old, new]}``; a
    merge's: ``{"merged_from": id, "sheets": [ids]}``)."""
    if action == _MERGE and entity == "customer":
        merged_from, moved = changes.get("merged_from"), changes.get("sheets")
        if not isinstance(merged_from, int) or not isinstance(moved, list):
            return []
        return [{"sheet_id": int(sheet_id), "at": at, "field": "customer_id",
                 "old_text": None, "old_number": merged_from, "old_at": None}
                for sheet_id in moved]
    if entity != "sheet" or entity_id is None or action in _FIRST_VALUES:
        return []
    rows = []
    for name, column in TRACKED.items():
        pair = changes.get(name)
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            continue
        row: dict[str, Any] = {"sheet_id": entity_id, "at": at, "field": name,
                               "old_text": None, "old_number": None, "old_at": None}
        row[column] = _old(column, pair[0])
        rows.append(row)
    return rows


def rows_from_entries(entries: Iterable[Any]) -> list[dict[str, Any]]:
    """The history rows of audit entries about to be written (``domain.audit.AuditEntry``)."""
    rows: list[dict[str, Any]] = []
    for entry in entries:
        if (entry.entity == "sheet" and entry.action not in _FIRST_VALUES) or \
                entry.action == _MERGE:
            changes = json.loads(entry.changes or "{}")
            rows += rows_from_audit(entry.at, entry.action, entry.entity, entry.entity_id,
                                    changes if isinstance(changes, dict) else {})
    return rows


def changed_since(conn: Connection, name: str, cutoff: datetime) -> bool:
    """Whether any sheet's ``name`` changed at or after ``cutoff`` (an index probe)."""
    found = conn.execute(select(_h.c.id).where(_h.c.field == name, _h.c.at >= cutoff)
                         .limit(1)).first()
    return found is not None


def value_at(name: str, cutoff: datetime) -> ColumnElement[Any]:
    """The ``sheets`` column ``name`` as it stood at ``cutoff`` (correlated to ``sheets``).

    Changed at or after the cut-off: the value before the first such change; the set of
    those sheets is one small uncorrelated subquery the database builds once."""
    column = _s.c[name]
    old = _h.c[TRACKED[name]]
    later = [_h.c.field == name, _h.c.at >= cutoff]
    changed = select(_h.c.sheet_id).where(*later)
    first_old = (
        select(old)
        .where(_h.c.sheet_id == _s.c.id, *later)
        .order_by(_h.c.at, _h.c.id)
        .limit(1)
        .correlate(_s)
        .scalar_subquery()
    )
    then: ColumnElement[Any] = first_old != 0 if name in _BOOLEAN else first_old
    return case((_s.c.id.in_(changed), then), else_=column)


def changed_ids(name: str, cutoff: datetime) -> Select[Any]:
    """The ids of the sheets whose ``name`` changed at or after ``cutoff``."""
    return select(_h.c.sheet_id).where(_h.c.field == name, _h.c.at >= cutoff)


def ids_where_then(name: str, cutoff: datetime,
                   test: Callable[[ColumnElement[Any]], ColumnElement[bool]],
                   *where: ColumnElement[bool]) -> list[Select[Any]]:
    """The ids of the sheets whose ``name`` as it stood at ``cutoff`` (as
    :func:`value_at` reads it) passes ``test``, as two selects to put in a UNION ALL: the
    sheets not changed since, through the stored column (its index; ``where`` narrows
    them further), and the few changed since, by the value before their first change."""
    later = [_h.c.field == name, _h.c.at >= cutoff]
    unchanged = select(_s.c.id).where(test(_s.c[name]), *where,
                                      not_(_s.c.id.in_(changed_ids(name, cutoff))))
    earlier = _h.alias("earlier")
    before_it = exists().where(
        earlier.c.sheet_id == _h.c.sheet_id, earlier.c.field == name, earlier.c.at >= cutoff,
        or_(earlier.c.at < _h.c.at, and_(earlier.c.at == _h.c.at, earlier.c.id < _h.c.id)))
    first = select(_h.c.sheet_id).where(*later, test(_h.c[TRACKED[name]]), not_(before_it))
    return [unchanged, first]
