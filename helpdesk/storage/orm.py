"""Maps the plain domain classes onto the tables (imperative mapping).

The domain stays free of SQLAlchemy: it declares dataclasses; this module teaches
SQLAlchemy where they live. ``version`` columns give optimistic locking: a save based
on a stale copy raises ``StaleDataError``, which the unit of work turns into a
``ConflictError`` naming who saved last.
"""

from __future__ import annotations

from sqlalchemy.orm import registry, relationship

from helpdesk.domain import complaints, customers, users
from helpdesk.domain.audit import AuditEntry
from helpdesk.storage import tables

mapper_registry = registry(metadata=tables.metadata)
_started = False


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
