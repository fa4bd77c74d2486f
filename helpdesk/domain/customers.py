"""Customer records (客户档案): customers, company contacts, vehicles, orders, stores.

One central record per customer (seed 003 篇9: data kept by salespeople leaves with
them). Computed views — lifecycle, pyramid, RFM — are derived in ``analytics`` and in
SQL, never typed in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

from helpdesk.domain import validation


class CustomerKind(StrEnum):
    INDIVIDUAL = "individual"  # 个人
    COMPANY = "company"  # 单位/公司


class Gender(StrEnum):
    UNKNOWN = "unknown"
    MALE = "male"
    FEMALE = "female"


class Tier(StrEnum):
    """Service tier of seed 004 (普通 / VIP / 高级VIP)."""

    REGULAR = "regular"
    VIP = "vip"
    SENIOR_VIP = "senior_vip"


class OrderKind(StrEnum):
    """What a transaction was; a service visit counts as one (with its invoice amount)."""

    VEHICLE_SALE = "vehicle_sale"  # 整车销售
    SERVICE = "service"  # 维修保养
    PARTS = "parts"  # 配件
    RETAIL = "retail"  # 门店零售订单


class StoreKind(StrEnum):
    DEALERSHIP = "dealership"  # 4S店售后
    RETAIL = "retail"  # 零售门店


@dataclass(eq=False)
class Store:
    """A store or dealership site; sheets are numbered per store and year.

    Attributes:
        code: short prefix used in sheet numbers, e.g. ``TS`` → ``TS-2026-000123``.
        calendar_json: working hours, holidays and make-up days (see ``calendar``).
        policy_json: the SLA policy in force for new sheets (see ``sla``).
    """

    code: str
    name: str
    kind: StoreKind = StoreKind.DEALERSHIP
    preset: str = "dealership"
    calendar_json: str = "{}"
    policy_json: str = "{}"
    address: str = ""
    phone: str = ""
    active: bool = True
    id: int | None = None


@dataclass(eq=False)
class CustomerPhone:
    """One phone number of a customer, stored in E.164 (``+8613812345678``)."""

    number: str
    label: str = ""
    id: int | None = None
    customer_id: int | None = None


@dataclass(eq=False)
class Contact:
    """A contact person of a company customer (联系人)."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    id: int | None = None
    customer_id: int | None = None


@dataclass(eq=False)
class Vehicle:
    """A customer's vehicle (车辆信息).

    Attributes:
        vin_check_overridden: the VIN's check digit did not match and a permitted user
            accepted it anyway (imported vehicles); the override is audited.
    """

    vin: str
    plate: str = ""
    brand: str = ""
    model: str = ""
    mileage_km: int | None = None
    purchase_date: date | None = None
    vin_check_overridden: bool = False
    retired_on: date | None = None  # sold or scrapped: kept with its history (issue 15)
    id: int | None = None
    customer_id: int | None = None

    @property
    def vin_complete(self) -> bool:
        """False for a vehicle known by a partial VIN or none (issue 10)."""
        return validation.vin_is_complete(self.vin)


@dataclass(eq=False)
class Order:
    """An order or transaction (订单); amounts are integer fen (分)."""

    number: str
    kind: OrderKind
    ordered_at: date
    amount_cents: int = 0
    items: str = ""
    store_id: int | None = None
    vehicle_id: int | None = None
    id: int | None = None
    customer_id: int | None = None


@dataclass(eq=False)
class Customer:
    """A customer record (客户).

    Attributes:
        merged_into_id: set when this record was merged into another (the duplicate is
            kept, hidden, so nothing is ever lost).
        version: optimistic-locking counter, bumped by storage on every save.
    """

    name: str
    kind: CustomerKind = CustomerKind.INDIVIDUAL
    gender: Gender = Gender.UNKNOWN
    email: str = ""
    wechat: str = ""
    address: str = ""
    birthday: date | None = None
    national_id: str = ""  # 身份证号, 18 characters (domain.national_id); issue 15
    company_industry: str = ""
    company_size: str = ""
    source: str = ""
    tier: Tier = Tier.REGULAR
    consent_marketing: bool = False
    note: str = ""
    store_id: int | None = None
    owner_user_id: int | None = None
    merged_into_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by_id: int | None = None
    phones: list[CustomerPhone] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    vehicles: list[Vehicle] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    version: int = 1
    id: int | None = None

    @property
    def is_company(self) -> bool:
        return self.kind is CustomerKind.COMPANY

    @property
    def primary_phone(self) -> str:
        return self.phones[0].number if self.phones else ""

    def phone_numbers(self) -> list[str]:
        return [p.number for p in self.phones]

    def add_phone(self, number: str, label: str = "") -> bool:
        """Add ``number`` (already normalised) unless the customer has it; True if added."""
        if number in self.phone_numbers():
            return False
        self.phones.append(CustomerPhone(number=number, label=label))
        return True


@dataclass(frozen=True)
class CustomerBrief:
    """What a sheet copies from its customer when it is registered or moved to them:
    read without the customer's lists (a plain value, not a record to change)."""

    id: int
    name: str
    primary_phone: str = ""
    merged_into_id: int | None = None


class Lifecycle(StrEnum):
    """Where a customer stands (seed 001/002): computed from purchases, never typed."""

    PROSPECT = "prospect"  # no purchase yet
    NEW = "new"  # first purchase within the last 90 days
    ACTIVE = "active"  # a purchase within the last 12 months
    INACTIVE = "inactive"  # nothing for 12 months


NEW_CUSTOMER_DAYS = 90
ACTIVE_DAYS = 365


@dataclass(frozen=True)
class LifecycleRule:
    """One step of the lifecycle rule: ``stage`` applies when the customer's ``purchase``
    (their ``"first"`` or ``"last"``) is at most ``within_days`` days before today.

    The rule is data so that the SQL the lists and counts run
    (``storage.analytics_queries.lifecycle_case``) is generated from the same steps as
    :func:`lifecycle`."""

    stage: Lifecycle
    purchase: Literal["first", "last"]
    within_days: int

    def since(self, today: date) -> date:
        """The earliest purchase date that still qualifies on ``today``."""
        return today - timedelta(days=self.within_days)


#: Checked in order, the first match wins. Without any purchase a customer is a
#: :data:`LIFECYCLE_WITHOUT_PURCHASE`; matching no step, :data:`LIFECYCLE_OTHERWISE`.
LIFECYCLE_RULES: tuple[LifecycleRule, ...] = (
    LifecycleRule(Lifecycle.NEW, "first", NEW_CUSTOMER_DAYS),
    LifecycleRule(Lifecycle.ACTIVE, "last", ACTIVE_DAYS),
)
LIFECYCLE_WITHOUT_PURCHASE = Lifecycle.PROSPECT
LIFECYCLE_OTHERWISE = Lifecycle.INACTIVE


def lifecycle(first_purchase: date | None, last_purchase: date | None, today: date) -> Lifecycle:
    """The customer's stage on ``today`` from their first and last purchase dates."""
    if first_purchase is None or last_purchase is None:
        return LIFECYCLE_WITHOUT_PURCHASE
    purchases = {"first": first_purchase, "last": last_purchase}
    for rule in LIFECYCLE_RULES:
        if purchases[rule.purchase] >= rule.since(today):
            return rule.stage
    return LIFECYCLE_OTHERWISE


# ------------------------------------------------------------------ merging (issue 15)
class MergeSide(StrEnum):
    """Whose value a merged field takes."""

    KEEP = "keep"
    DUPLICATE = "duplicate"


#: The profile fields two records of one customer can disagree on, in the order the
#: merge preview lists them. Lists (phones, contacts, vehicles, orders) are united.
MERGE_FIELDS: tuple[str, ...] = (
    "name", "gender", "birthday", "national_id", "email", "wechat", "address",
    "company_industry",
    "company_size", "source", "tier", "consent_marketing", "note", "store_id",
    "owner_user_id",
)


def _blank(value: object) -> bool:
    return value is None or value == "" or value is Gender.UNKNOWN


def merge_conflicts(keep: Customer, duplicate: Customer) -> tuple[str, ...]:
    """The fields both records fill, differently: the merge must choose, and shows it."""
    return tuple(
        name for name in MERGE_FIELDS
        if name == "consent_marketing" and keep.consent_marketing != duplicate.consent_marketing
        or not (_blank(getattr(keep, name)) or _blank(getattr(duplicate, name))
                or getattr(keep, name) == getattr(duplicate, name))
    )


def merge_default(name: str, keep: Customer, duplicate: Customer) -> MergeSide:
    """Whose value a field takes unless a person chooses.

    Marketing consent takes the narrower of the two (personal-information law, seed
    002: consent is never widened silently); the tier the higher (a VIP stays one);
    any other field the kept record's value, or the duplicate's where the kept one is
    empty — so nothing filled is lost.
    """
    mine, theirs = getattr(keep, name), getattr(duplicate, name)
    if name == "consent_marketing":
        return MergeSide.KEEP if not mine or theirs else MergeSide.DUPLICATE
    if name == "tier":
        order = list(Tier)
        return MergeSide.DUPLICATE if order.index(theirs) > order.index(mine) else MergeSide.KEEP
    if _blank(mine) and not _blank(theirs):
        return MergeSide.DUPLICATE
    return MergeSide.KEEP


def merge_widens_consent(keep: Customer, duplicate: Customer,
                         choices: dict[str, MergeSide]) -> bool:
    """True when the chosen consent is wider than the narrower default (to be audited
    as a person's explicit choice)."""
    side = choices.get("consent_marketing")
    if side is None:
        return False
    chosen = (keep if side is MergeSide.KEEP else duplicate).consent_marketing
    return chosen and not (keep.consent_marketing and duplicate.consent_marketing)
