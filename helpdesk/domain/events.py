"""Domain events (领域事件) and the ``Changes`` every open view refreshes from.

A use case records one event per thing that happened (``uow.record(event)``); the unit
of work writes the audit trail from those events in the same transaction and, only
after the commit succeeded, hands their ``Changes`` to its listener (the desktop's
event bus). Nothing is announced by hand.

Events are built to be replayed elsewhere (a later store-to-head-office sync): each has
a stable ``event_id``, names what it is about by id (and a sheet also by its number),
says who (``user_id``) and when (``at``: the store's local wall-clock time without a
zone, the convention of ``services.common.now``), and carries in ``details`` the
field values before and after (``{field: [old, new]}``) where the use case has them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal


@dataclass(frozen=True)
class Changes:
    """What one operation changed; every open view decides whether to redraw."""

    sheet_ids: frozenset[int] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    settings: bool = False      # store, calendar, SLA policy, categories, phrases
    users: bool = False
    everything: bool = False    # import, demo data, restore
    # issue 9: committed by another desk (heard through the change feed): a view keeps
    # the user's selection, scroll position and typing; it does not follow the change.
    remote: bool = False

    def touches_sheets(self) -> bool:
        return self.everything or bool(self.sheet_ids)

    def touches_customers(self) -> bool:
        return self.everything or bool(self.customer_ids)

    def touches_settings(self) -> bool:
        return self.everything or self.settings or self.users

    def __bool__(self) -> bool:
        """False when nothing a view shows changed (a login, a printout)."""
        return bool(self.sheet_ids or self.customer_ids or self.settings or self.users
                    or self.everything)

    def merge(self, other: Changes) -> Changes:
        """Both changes at once."""
        return Changes(
            sheet_ids=self.sheet_ids | other.sheet_ids,
            customer_ids=self.customer_ids | other.customer_ids,
            settings=self.settings or other.settings,
            users=self.users or other.users,
            everything=self.everything or other.everything,
        )

    __or__ = merge

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> Changes:
        return cls.union(event.changes() for event in events)

    @classmethod
    def union(cls, many: Iterable[Changes]) -> Changes:
        """All of them at once (in one pass: an import records thousands)."""
        sheets: set[int] = set()
        customers: set[int] = set()
        settings = users = everything = False
        for one in many:
            sheets |= one.sheet_ids
            customers |= one.customer_ids
            settings = settings or one.settings
            users = users or one.users
            everything = everything or one.everything
        return cls(frozenset(sheets), frozenset(customers), settings, users, everything)


def _ids(*ids: int | None) -> frozenset[int]:
    return frozenset(i for i in ids if i is not None)


def new_event_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class AuditRecord:
    """One audit row an event stands for (``audit.entries`` adds who and when)."""

    action: str
    entity: str
    entity_id: int | None
    changes: Mapping[str, Any]
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Event:
    """Something that happened. Subclasses name their audit ``action`` and ``entity``.

    Attributes:
        at: when (local wall-clock time, as ``services.common.now``).
        user_id: who did it (None: the system, an unknown login, the demo loader).
        username: the user's login name at the time (the audit trail keeps it).
        details: ``{field: [old, new]}`` or the facts of the action, JSON-safe values.
        note: a short free text the audit trail shows.
        event_id: stable, unique id (uuid4 hex) for replaying the event elsewhere.
    """

    action: ClassVar[str] = ""
    entity: ClassVar[str] = ""

    at: datetime
    user_id: int | None
    username: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    event_id: str = field(default_factory=new_event_id)

    @property
    def entity_id(self) -> int | None:
        return None

    @property
    def audit_action(self) -> str:
        return self.action

    def changes(self) -> Changes:
        """What views must redraw; by default nothing (an audited read or printout)."""
        return Changes()

    def audit_records(self) -> tuple[AuditRecord, ...]:
        return (AuditRecord(self.audit_action, self.entity, self.entity_id, self.details,
                            self.note),)


# ------------------------------------------------------------------ sheets
@dataclass(frozen=True, kw_only=True)
class SheetEvent(Event):
    """Attributes: sheet_id, sheet_number, customer_id (the sheet's customer, if any)."""

    entity: ClassVar[str] = "sheet"

    sheet_id: int
    sheet_number: str
    customer_id: int | None = None

    @property
    def entity_id(self) -> int | None:
        return self.sheet_id

    def changes(self) -> Changes:
        return Changes(sheet_ids=frozenset({self.sheet_id}),
                       customer_ids=_ids(self.customer_id))


@dataclass(frozen=True, kw_only=True)
class SheetRegistered(SheetEvent):
    action: ClassVar[str] = "sheet.register"


@dataclass(frozen=True, kw_only=True)
class SheetImported(SheetRegistered):
    """A sheet taken over from a spreadsheet (its history replayed, nobody acted)."""

    action: ClassVar[str] = "sheet.import"


@dataclass(frozen=True, kw_only=True)
class SheetChanged(SheetEvent):
    """Registration or analysis corrected. ``previous_customer_id``: the customer the
    sheet belonged to before (if it moved, both customers' views redraw)."""

    action: ClassVar[str] = "sheet.update"

    previous_customer_id: int | None = None

    def changes(self) -> Changes:
        return super().changes() | Changes(customer_ids=_ids(self.previous_customer_id))


@dataclass(frozen=True, kw_only=True)
class SheetStateChanged(SheetEvent):
    """A workflow step (``step``: acknowledge, assign, progress, analysis, wait,
    resume, resolve, return_visit, close, reopen, action.add, action.check). Some
    steps keep the state (a progress note); ``from_state``/``to_state`` say which."""

    step: str
    from_state: str = ""
    to_state: str = ""

    @property
    def audit_action(self) -> str:
        return f"sheet.{self.step}"


# issue 11: attachments (details: filename, sha256, size, caption; attachment_id)
@dataclass(frozen=True, kw_only=True)
class AttachmentAdded(SheetEvent):
    action: ClassVar[str] = "sheet.attachment.add"


@dataclass(frozen=True, kw_only=True)
class AttachmentRemoved(SheetEvent):
    action: ClassVar[str] = "sheet.attachment.remove"


@dataclass(frozen=True, kw_only=True)
class SheetPrinted(Event):
    """A sheet printed or a reply letter written (``kind``: "print" or "letter")."""

    entity: ClassVar[str] = "sheet"

    sheet_id: int
    kind: Literal["print", "letter"]

    @property
    def entity_id(self) -> int | None:
        return self.sheet_id

    @property
    def audit_action(self) -> str:
        return f"sheet.{self.kind}"


@dataclass(frozen=True, kw_only=True)
class ReportMade(Event):
    """The monthly report was made for a store."""

    action: ClassVar[str] = "report.monthly"
    entity: ClassVar[str] = "report"

    store_id: int | None

    @property
    def entity_id(self) -> int | None:
        return self.store_id


# issue 12: a month's report issued (its PDF and figures stored with their hashes)
@dataclass(frozen=True, kw_only=True)
class ReportIssued(ReportMade):
    """The monthly report was issued (``details``: month, scope, hashes)."""

    action: ClassVar[str] = "report.issue"


# --------------------------------------------------------------- customers
@dataclass(frozen=True, kw_only=True)
class CustomerEvent(Event):
    entity: ClassVar[str] = "customer"

    customer_id: int

    @property
    def entity_id(self) -> int | None:
        return self.customer_id

    def changes(self) -> Changes:
        return Changes(customer_ids=frozenset({self.customer_id}))


@dataclass(frozen=True, kw_only=True)
class CustomerCreated(CustomerEvent):
    action: ClassVar[str] = "customer.create"


@dataclass(frozen=True, kw_only=True)
class CustomerChanged(CustomerEvent):
    action: ClassVar[str] = "customer.update"


@dataclass(frozen=True, kw_only=True)
class VehicleAdded(CustomerChanged):
    action: ClassVar[str] = "vehicle.add"


@dataclass(frozen=True, kw_only=True)
class OrderAdded(CustomerChanged):
    action: ClassVar[str] = "order.add"


@dataclass(frozen=True, kw_only=True)
class FirstVisitRecorded(CustomerChanged):
    """issue 11: the first return visit after a delivery (details: order_id, …)."""

    action: ClassVar[str] = "order.first_visit"


@dataclass(frozen=True, kw_only=True)
class VinCheckOverridden(CustomerChanged):
    """A VIN whose check digit does not match was accepted on purpose."""

    action: ClassVar[str] = "vehicle.vin_override"


# issue 15: vehicles, orders and contacts edited in the app
@dataclass(frozen=True, kw_only=True)
class VehicleChanged(CustomerChanged):
    action: ClassVar[str] = "vehicle.update"


@dataclass(frozen=True, kw_only=True)
class VehicleRetired(CustomerChanged):
    """The vehicle was sold or scrapped: kept with its history, no longer offered."""

    action: ClassVar[str] = "vehicle.retire"


@dataclass(frozen=True, kw_only=True)
class OrderChanged(CustomerChanged):
    action: ClassVar[str] = "order.update"


@dataclass(frozen=True, kw_only=True)
class ContactAdded(CustomerChanged):
    action: ClassVar[str] = "contact.add"


@dataclass(frozen=True, kw_only=True)
class ContactChanged(CustomerChanged):
    action: ClassVar[str] = "contact.update"


@dataclass(frozen=True, kw_only=True)
class ContactRemoved(CustomerChanged):
    action: ClassVar[str] = "contact.remove"


@dataclass(frozen=True, kw_only=True)
class CustomerMerged(CustomerEvent):
    """``merged_id`` was merged into ``customer_id``; ``sheet_ids`` moved with it."""

    action: ClassVar[str] = "customer.merge"

    merged_id: int
    sheet_ids: frozenset[int] = frozenset()

    def changes(self) -> Changes:
        return Changes(customer_ids=frozenset({self.customer_id, self.merged_id}),
                       sheet_ids=self.sheet_ids)

    def audit_records(self) -> tuple[AuditRecord, ...]:
        return (*super().audit_records(),
                AuditRecord("customer.merged_into", "customer", self.merged_id,
                            {"merged_into": self.customer_id}))


@dataclass(frozen=True, kw_only=True)
class CustomersExported(Event):
    """Personal data left the building (a file of ``details["count"]`` customers)."""

    action: ClassVar[str] = "customer.export"
    entity: ClassVar[str] = "customer"


# -------------------------------------------------------- settings, users
@dataclass(frozen=True, kw_only=True)
class StoreChanged(Event):
    """``aspect``: create, update (name, address...), calendar or policy."""

    entity: ClassVar[str] = "store"

    store_id: int
    aspect: Literal["create", "update", "calendar", "policy"]

    @property
    def entity_id(self) -> int | None:
        return self.store_id

    @property
    def audit_action(self) -> str:
        return f"store.{self.aspect}"

    def changes(self) -> Changes:
        return Changes(settings=True)


@dataclass(frozen=True, kw_only=True)
class SettingsChanged(Event):
    """A shared setting (``key``: banned_phrases, categories, retention)."""

    entity: ClassVar[str] = "settings"

    key: str

    @property
    def audit_action(self) -> str:
        return f"settings.{self.key}"

    def changes(self) -> Changes:
        return Changes(settings=True)


@dataclass(frozen=True, kw_only=True)
class UsersChanged(Event):
    """A user account (``aspect``: create, update, password; ``staff``: demo staff).

    ``target_id`` is the account changed (None: several, as the demo staff)."""

    entity: ClassVar[str] = "user"

    target_id: int | None
    aspect: Literal["create", "update", "password", "staff"]

    @property
    def entity_id(self) -> int | None:
        return self.target_id

    @property
    def audit_action(self) -> str:
        return "demo.staff" if self.aspect == "staff" else f"user.{self.aspect}"

    def changes(self) -> Changes:
        return Changes(users=True)


@dataclass(frozen=True, kw_only=True)
class LoginAttempted(Event):
    """``outcome``: "ok", "failed" or "locked"; ``target_id``: the account, if known."""

    entity: ClassVar[str] = "user"

    target_id: int | None
    outcome: Literal["ok", "failed", "locked"]

    @property
    def entity_id(self) -> int | None:
        return self.target_id

    @property
    def audit_action(self) -> str:
        return "login" if self.outcome == "ok" else f"login.{self.outcome}"


# ------------------------------------------------------------------ bulk
@dataclass(frozen=True, kw_only=True)
class DataReset(Event):
    """Many things at once: ``reason`` import (``kind``: customers, sheets...), demo
    data or a restore; every view reloads."""

    entity: ClassVar[str] = ""

    reason: Literal["import", "demo", "restore"]
    kind: str = ""
    store_id: int | None = None

    @property
    def entity_id(self) -> int | None:
        return self.store_id

    @property
    def audit_action(self) -> str:
        return f"{self.reason}.{self.kind}" if self.kind else f"data.{self.reason}"

    def audit_records(self) -> tuple[AuditRecord, ...]:
        entity = {"import": "import", "demo": "store"}.get(self.reason, "database")
        return (AuditRecord(self.audit_action, entity, self.entity_id, self.details,
                            self.note),)

    def changes(self) -> Changes:
        return Changes(everything=True)


# issue 11: the retention archive (details: file, sheets, closed_before, counts)
@dataclass(frozen=True, kw_only=True)
class SheetsArchived(Event):
    """Closed sheets written to an archive file (``removed``: and then deleted from the
    live database, on the administrator's explicit request)."""

    entity: ClassVar[str] = "archive"
    removed: bool = False

    @property
    def audit_action(self) -> str:
        return "archive.remove" if self.removed else "archive.export"

    def changes(self) -> Changes:
        return Changes(everything=True) if self.removed else Changes()


Listener = Callable[[Changes], None]


class Outbox:
    """A unit of work's events: those of the open transaction, and who hears the
    ``Changes`` of committed ones. Both units of work (SQLAlchemy, test fake) use it:
    ``take()`` before the commit (to write their audit rows), ``publish()`` after it
    succeeded, ``discard()`` on rollback."""

    def __init__(self) -> None:
        self._pending: list[Event] = []
        self._listeners: list[Listener] = []

    def record(self, event: Event) -> None:
        self._pending.append(event)

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @property
    def pending(self) -> tuple[Event, ...]:
        return tuple(self._pending)

    def take(self) -> list[Event]:
        taken, self._pending = self._pending, []
        return taken

    def discard(self) -> None:
        self._pending = []

    def publish(self, committed: Iterable[Event]) -> None:
        changes = Changes.from_events(committed)
        if changes:
            for listener in self._listeners:
                listener(changes)
