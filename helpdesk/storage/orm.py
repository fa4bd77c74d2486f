"""Maps the plain domain classes onto the tables (imperative mapping).

The domain stays free of SQLAlchemy: it declares dataclasses; this module teaches
SQLAlchemy where they live. ``version`` columns give optimistic locking: a save based
on a stale copy raises ``StaleDataError``, which the unit of work turns into a
``ConflictError`` naming who saved last.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from sqlalchemy.orm import registry, relationship
from sqlalchemy.orm.instrumentation import manager_of_class

from helpdesk.domain import complaints, customers, users
from helpdesk.domain.audit import AuditEntry
from helpdesk.storage import tables

mapper_registry = registry(metadata=tables.metadata)
_started = False
T = TypeVar("T")


def unattached(cls: type[T], **values: Any) -> T:
    """A new instance of a mapped dataclass, made the way the ORM makes one from a row
    it reads: its fields (given, else their defaults) written straight into it, with no
    attribute events. Calling a mapped class runs the events of every field and list —
    sixty times the cost for a sheet (issue 13) — which only an object the session will
    flush needs. For an object that is written by a prepared statement and never added
    to a session: set everything before it is written (registration applies the SLA
    first); a change made to it afterwards is not saved by anything."""
    fields = _fields(cls)
    unknown = values.keys() - fields.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
    obj: Any = manager_of_class(cls).new_instance()
    held = obj.__dict__
    for name, (default, factory) in fields.items():
        if name in values:
            held[name] = values[name]
        elif default is not dataclasses.MISSING:
            held[name] = default
        elif factory is not dataclasses.MISSING:
            held[name] = factory()
        else:
            raise TypeError(f"{cls.__name__} needs {name}")
    return obj


_FIELDS: dict[type[Any], dict[str, tuple[Any, Any]]] = {}


def _fields(cls: type[Any]) -> dict[str, tuple[Any, Any]]:
    """Each field's default and default factory, read once per class (a class whose
    __init__ does more than set its fields must be called instead)."""
    found = _FIELDS.get(cls)
    if found is None:
        if hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} must be called to be made")
        found = _FIELDS[cls] = {f.name: (f.default, f.default_factory)
                                for f in dataclasses.fields(cls)}
    return found


def start_mappers() -> None:
    """Map once per process (idempotent)."""
    global _started  # noqa: PLW0603 - the mapping is process-wide, so is its flag
    if _started:
        return
    _started = True
    m = mapper_registry.map_imperatively
    m(customers.Store, tables.stores)
    m(AuditEntry, tables.audit_log)
    m(users.User, tables.users)
    m(customers.CustomerPhone, tables.customer_phones)
    m(customers.Contact, tables.contacts)
    m(customers.Vehicle, tables.vehicles)
    m(customers.Order, tables.orders)
    m(
        customers.Customer,
        tables.customers,
        version_id_col=tables.customers.c.version,
        properties={
            "phones": relationship(
                customers.CustomerPhone,
                order_by=tables.customer_phones.c.id,
                cascade="all, delete-orphan",
            ),
            "contacts": relationship(
                customers.Contact, order_by=tables.contacts.c.id, cascade="all, delete-orphan"
            ),
            # Vehicles and orders are never deleted with or removed from a customer
            # silently: a merge re-links them explicitly.
            "vehicles": relationship(
                customers.Vehicle, order_by=tables.vehicles.c.id, cascade="save-update, merge"
            ),
            "orders": relationship(
                customers.Order, order_by=tables.orders.c.ordered_at, cascade="save-update, merge"
            ),
        },
    )
    m(complaints.ProgressEntry, tables.sheet_progress)
    m(complaints.ReturnVisit, tables.sheet_visits)
    m(complaints.CorrectiveAction, tables.sheet_actions)
    m(complaints.Transition, tables.sheet_transitions)
    m(complaints.Pause, tables.sheet_pauses)
    # Sheet children are saved with the sheet but never deleted through it.
    child_cascade = "save-update, merge"
    m(
        complaints.Sheet,
        tables.sheets,
        version_id_col=tables.sheets.c.version,
        properties={
            "progress": relationship(
                complaints.ProgressEntry, order_by=tables.sheet_progress.c.id, cascade=child_cascade
            ),
            "visits": relationship(
                complaints.ReturnVisit, order_by=tables.sheet_visits.c.id, cascade=child_cascade
            ),
            "actions": relationship(
                complaints.CorrectiveAction, order_by=tables.sheet_actions.c.id,
                cascade=child_cascade,
            ),
            "transitions": relationship(
                complaints.Transition, order_by=tables.sheet_transitions.c.id, cascade=child_cascade
            ),
            "pauses": relationship(
                complaints.Pause, order_by=tables.sheet_pauses.c.id, cascade=child_cascade
            ),
        },
    )
