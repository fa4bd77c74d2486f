"""Plain, frozen values the services return to the UI, the CLI and the reports.

They are snapshots: nothing in them is attached to a database session, so a widget
can keep one as long as it likes. ``version`` is what the caller sends back with an
edit, so a stale save is refused instead of overwriting someone else's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from helpdesk.domain import validation
from helpdesk.domain.complaints import (
    ActionAvailability,
    Effectiveness,
    ResponsibleArea,
    SheetState,
    SlaView,
    VisitKind,
)
from helpdesk.domain.customers import CustomerKind, Gender, OrderKind, StoreKind, Tier
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.users import Permission, Role


def to_plain(obj: Any) -> Any:
    """A JSON-friendly dict of a DTO (for ``--json`` output)."""
    from helpdesk.domain.audit import plain

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple | frozenset | set):
            return [convert(v) for v in value]
        return plain(value)

    return convert(asdict(obj))


@dataclass(frozen=True)
class SessionUser:
    """Who is logged in; the UI shows it and passes ``id`` to every service call."""

    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    permissions: frozenset[Permission]
    store_id: int | None

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    store_id: int | None
    can_login: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class StoreInfo:
    id: int
    code: str
    name: str
    kind: StoreKind
    preset: str
    address: str
    phone: str


@dataclass(frozen=True)
class VehicleInfo:
    id: int
    vin: str
    plate: str
    brand: str
    model: str
    mileage_km: int | None
    purchase_date: date | None
    vin_check_overridden: bool
    customer_id: int
    retired_on: date | None = None

    @property
    def vin_complete(self) -> bool:
        """False for a vehicle known by a partial VIN or none (issue 10)."""
        return validation.vin_is_complete(self.vin)


@dataclass(frozen=True)
class OrderInfo:
    id: int
    number: str
    kind: OrderKind
    ordered_at: date
    amount_cents: int
    items: str
    store_id: int | None
    vehicle_id: int | None
    customer_id: int


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class CustomerSummary:
    """One line of a customer search result."""

    id: int
    name: str
    kind: CustomerKind
    phone: str  # primary phone, masked for roles without the right to see it
    plates: tuple[str, ...]
    tier: Tier
    matched_kind: str = ""
    matched_key: str = ""
    rank: int = 0


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    version: int
    name: str
    kind: CustomerKind
    gender: Gender
    phones: tuple[str, ...]
    email: str
    wechat: str
    address: str
    birthday: date | None
    company_industry: str
    company_size: str
    source: str
    tier: Tier
    consent_marketing: bool
    note: str
    store_id: int | None
    owner_user_id: int | None
    owner_name: str
    created_at: datetime | None
    updated_at: datetime | None
    contacts: tuple[ContactInfo, ...]
    vehicles: tuple[VehicleInfo, ...]
    orders: tuple[OrderInfo, ...]
    masked: bool  # True when phones/addresses are hidden from this user
    merged_into_id: int | None = None
    national_id: str = ""  # issue 15: 身份证号, masked like the phones (4403**********123X)


@dataclass(frozen=True)
class ProgressInfo:
    id: int
    at: datetime
    by_name: str
    text: str
    customer_notified: bool


@dataclass(frozen=True)
class VisitInfo:
    id: int
    visited_at: datetime
    by_name: str
    satisfaction: int
    feedback: str
    kind: VisitKind
    method: str


@dataclass(frozen=True)
class ActionInfo:
    id: int
    description: str
    owner_id: int | None
    owner_name: str
    due_date: date | None
    created_at: datetime
    done_at: datetime | None
    effectiveness: Effectiveness
    checked_at: datetime | None
    check_note: str


@dataclass(frozen=True)
class TransitionInfo:
    at: datetime
    by_name: str
    action: str
    from_state: SheetState
    to_state: SheetState
    note: str


@dataclass(frozen=True)
class Allowance:
    """Whether the viewing user may do one kind of work on a sheet now.

    ``code`` says why not, in the words of the errors (``workflow.closed``,
    ``permission.<permission>``), so the screen shows the reason the refusal would
    give. It is truthy exactly when allowed."""

    allowed: bool
    code: str = ""

    def __bool__(self) -> bool:
        return self.allowed


_NOT_ALLOWED = Allowance(False)


@dataclass(frozen=True)
class SheetDetail:
    """Everything the sheet form and the printout show."""

    id: int
    number: str
    version: int
    store_id: int
    store_name: str
    received_at: datetime
    received_by_id: int | None
    received_by_name: str
    channel: Channel
    severity: Severity
    category: str
    customer_id: int | None
    customer_name: str
    customer_phone: str
    vehicle: VehicleInfo | None
    order: OrderInfo | None
    mileage_km: int | None
    description: str
    customer_request: str
    responsible_area: ResponsibleArea | None
    responsible_user_id: int | None
    responsible_name: str
    root_cause: str
    correction: str
    compensation_cents: int
    long_term_measure: str
    rework_needed: bool
    rework_completed_at: datetime | None
    escalated_to_oem: bool
    state: SheetState
    acknowledged_at: datetime | None
    acknowledged_by_name: str
    resolved_at: datetime | None
    closed_at: datetime | None
    closed_by_name: str
    closing_remark: str
    response_due_at: datetime | None
    resolution_due_at: datetime | None
    response_on_time: bool | None
    resolution_on_time: bool | None
    sla: SlaView | None
    created_at: datetime | None
    updated_at: datetime | None
    updated_by_name: str
    progress: tuple[ProgressInfo, ...] = ()
    visits: tuple[VisitInfo, ...] = ()
    actions: tuple[ActionInfo, ...] = ()
    transitions: tuple[TransitionInfo, ...] = ()
    available: tuple[ActionAvailability, ...] = ()
    sla_rule: dict[str, Any] = field(default_factory=dict)
    waiting_since: datetime | None = None  # start of the open wait for the customer
    # issue 9: the earlier complaint of the customer this one repeats
    linked_sheet_id: int | None = None
    linked_sheet_number: str = ""
    # What the viewing user may do with this sheet now (from the domain's rules):
    may_edit_identity: Allowance = _NOT_ALLOWED  # registration fields, complaint text
    may_record_analysis: Allowance = _NOT_ALLOWED  # root cause, correction, measure, rework
    may_add_progress: Allowance = _NOT_ALLOWED
    may_assign: Allowance = _NOT_ALLOWED  # responsible area and person
    may_add_visit: Allowance = _NOT_ALLOWED  # a return visit
    may_manage_actions: Allowance = _NOT_ALLOWED  # add and check corrective actions
    may_print: Allowance = _NOT_ALLOWED  # the printout and the reply letter

    def can(self, action: str) -> bool:
        return any(a.action.value == action and a.allowed for a in self.available)


@dataclass(frozen=True)
class SheetRow:
    """One row of the complaint list (loaded by pages)."""

    id: int
    number: str
    received_at: datetime
    customer_name: str
    plate_or_order: str
    channel: Channel
    severity: Severity
    category: str
    state: SheetState
    responsible_name: str
    response_due_at: datetime | None
    resolution_due_at: datetime | None
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    store_id: int
    version: int
    waiting_since: datetime | None  # start of the open wait for the customer
    # issue 11: the last progress note the customer was told of; when the next is due
    last_notified_at: datetime | None = None
    progress_update_due_at: datetime | None = None

    first_line: str = ""  # issue 9: the complaint's first line (tooltip, repeat panel)


@dataclass(frozen=True)
class AuditInfo:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    changes: dict[str, Any]
    note: str
