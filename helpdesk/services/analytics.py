"""Customer value analytics (客户价值分析): pyramid, RFM, lifecycle, retention, CSAT,
lifetime value, call lists (birthdays, return visits due), duplicate suggestions and
the merge preview.

The numbers are computed by the database (``storage.analytics_queries``), and the ranks
of every customer at once by ``domain.classification`` (where the pyramid and RFM
rules live as data the SQL is built from); this module checks permissions, gives the
plain strings their types, masks personal data, and documents the rules:

Customer pyramid (客户金字塔, seed 001)
    Active customers have an order in the last 12 months (365 days up to today).
    Ranked by their revenue over those 12 months (ties: the older record first), with
    ``n`` active customers: **top** = ranks 1 … ceil(1 % · n), **high** = up to
    ceil(5 % · n), **middle** = up to ceil(20 % · n), **low** = the rest (80 %).
    **Inactive**: orders, but none in 12 months. **Prospect**: no order yet.
    Revenue share = the segment's 12-month revenue / all 12-month revenue.

RFM (seed 002), over customers with at least one order
    Recency = date of the last order, frequency = number of orders, monetary =
    revenue, all time up to today. Each is scored 1–5 by quintile:
    ``score = 1 + ⌊5 · (customers with a worse value) / (customers scored)⌋`` — equal
    values share a score (100 customers with revenues 1 … 100: 1–20 → 1, …,
    81–100 → 5). Classes, in this order:

    * **high value** (高价值): R ≥ 3, F ≥ 4 and M ≥ 4;
    * **potential** (潜力): R ≥ 3 and (F ≥ 3 or M ≥ 3);
    * **ordinary** (普通): R ≥ 3 otherwise;
    * **at risk** (流失风险): R ≤ 2 and (F ≥ 4 or M ≥ 4) — valuable, but not back for
      a while;
    * **silent** (沉默): R ≤ 2 otherwise.

Retention (留存/复购, seed 004) over ``[start, end)``
    Retention rate = customers who ordered in the period of equal length just before
    ``start`` *and* again in ``[start, end)``, divided by those who ordered in the
    previous period. Repurchase rate = buyers of the period with two or more orders
    / buyers of the period.

CSAT (seed 004) over ``[start, end)``
    Share of return visits with satisfaction ≥ 4 (of 5), and the average score.

Lifetime value estimate (CLV)
    Revenue so far + revenue of the last 12 months × :data:`LTV_REMAINING_YEARS`
    (3): what the customer is worth if the coming years look like the last one.

Return visits due
    Sheets resolved and awaiting their return visit (due ``satisfaction_check_within``
    after resolution, 24 h in the CRM preset, seed 002); and, for stores whose policy
    sets ``first_visit_within`` (CRM preset: 3 days), orders delivered within that many
    days (the list of the next days' calls; the program keeps no record of such calls,
    so an order leaves the list when its window closes).
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from helpdesk.domain import classification as class_rules
from helpdesk.domain import deadlines, national_id, validation
from helpdesk.domain.complaints import OPEN_STATES, SheetState
from helpdesk.domain.customers import (
    ACTIVE_DAYS,
    Lifecycle,
    MergeSide,
    OrderKind,
    Tier,
    merge_conflicts,
    merge_default,
)
from helpdesk.domain.enums import Severity
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.users import Permission, User
from helpdesk.services import common
from helpdesk.services import customers as customer_services
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import CustomerDetail

LTV_REMAINING_YEARS = 3


class Segment(StrEnum):
    """Customer pyramid segment (seed 001)."""

    TOP = "top"  # 顶端客户
    HIGH = "high"  # 高端客户
    MIDDLE = "middle"  # 中端客户
    LOW = "low"  # 低端客户
    INACTIVE = "inactive"  # 不活跃客户
    PROSPECT = "prospect"  # 潜在客户


class RfmClass(StrEnum):
    """RFM class (seed 002)."""

    HIGH_VALUE = "high_value"
    POTENTIAL = "potential"
    ORDINARY = "ordinary"
    AT_RISK = "at_risk"
    SILENT = "silent"


class DuplicateReason(StrEnum):
    """Why two records were suggested as one customer (strongest first); a phone tail
    alone is never a reason (issue 15)."""

    PHONE = "phone"  # the same phone number
    NAME_PHONE = "name_phone"  # the same name and a phone differing in one half
    PLATE = "plate"  # the same plate number on a vehicle of each
    NAME_ADDRESS = "name_address"  # the same name and the same address
    # issue 15
    NATIONAL_ID = "national_id"  # the same ID number (身份证号)
    SIMILAR_NAME_ADDRESS = "similar_name_address"  # similar names at one address


class VisitDueKind(StrEnum):
    SATISFACTION = "satisfaction"  # resolved sheet awaiting its return visit
    FIRST_VISIT = "first_visit"  # delivery awaiting its first return visit


# ------------------------------------------------------------------ DTOs
@dataclass(frozen=True)
class SegmentFigure:
    segment: Segment
    customers: int
    revenue_12m_cents: int
    revenue_cents: int
    revenue_share: float  # of all 12-month revenue (0 … 1)


@dataclass(frozen=True)
class PyramidReport:
    today: date
    store_id: int | None
    segments: tuple[SegmentFigure, ...]
    active_customers: int
    revenue_12m_cents: int

    def figure(self, segment: Segment) -> SegmentFigure:
        return next(s for s in self.segments if s.segment is segment)


@dataclass(frozen=True)
class RfmFigure:
    rfm_class: RfmClass
    customers: int
    revenue_cents: int
    avg_r: float | None
    avg_f: float | None
    avg_m: float | None


@dataclass(frozen=True)
class RfmReport:
    today: date
    store_id: int | None
    classes: tuple[RfmFigure, ...]
    scored_customers: int

    def figure(self, rfm_class: RfmClass) -> RfmFigure:
        return next(f for f in self.classes if f.rfm_class is rfm_class)


@dataclass(frozen=True)
class RetentionFigure:
    start: date
    end: date  # exclusive
    previous_buyers: int
    retained: int
    retention_rate: float | None
    buyers: int
    repeat_buyers: int
    repurchase_rate: float | None


@dataclass(frozen=True)
class CsatFigure:
    start: date
    end: date  # exclusive
    visits: int
    satisfied: int
    csat: float | None  # share of visits with satisfaction >= 4
    average: float | None


@dataclass(frozen=True)
class CustomerValue:
    """The value figures of one customer (each explained in the module docstring)."""

    customer_id: int
    today: date
    lifecycle: Lifecycle
    first_purchase: date | None
    last_purchase: date | None
    orders: int
    orders_12m: int
    revenue_cents: int
    revenue_12m_cents: int
    segment: Segment
    pyramid_rank: int | None
    active_customers: int
    r: int | None
    f: int | None
    m: int | None
    rfm_class: RfmClass | None
    ltv_cents: int


@dataclass(frozen=True)
class BirthdayEntry:
    customer_id: int
    name: str
    phone: str
    birthday: date
    tier: Tier
    consent_marketing: bool
    store_id: int | None


@dataclass(frozen=True)
class VisitDue:
    kind: VisitDueKind
    customer_id: int | None
    customer_name: str
    phone: str
    since: datetime  # resolved at / delivered on
    due_at: datetime | None
    overdue: bool
    store_id: int | None
    sheet_id: int | None = None
    sheet_number: str = ""
    order_id: int | None = None
    order_number: str = ""


@dataclass(frozen=True)
class AnalyticsOverview:
    pyramid: PyramidReport
    rfm: RfmReport
    lifecycle: dict[Lifecycle, int]
    retention: RetentionFigure
    csat: CsatFigure
    birthdays: tuple[BirthdayEntry, ...]
    visits_due: tuple[VisitDue, ...]


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    name: str
    phone: str
    plates: tuple[str, ...]
    vins: tuple[str, ...]
    orders: int
    sheets: int
    created_at: datetime | None
    birthday: date | None = None
    address: str = ""
    national_id: str = ""  # issue 15: unmasked, only compared (never shown from here)


@dataclass(frozen=True)
class DuplicateSuggestion:
    """Two records that look like one customer; ``keep`` is the older record.

    Attributes:
        matched: what they share, as shown (the masked phone, the plate, the address).
    """

    reason: DuplicateReason
    keep: DuplicateCandidate
    duplicate: DuplicateCandidate
    matched: str = ""


@dataclass(frozen=True)
class MergePreview:
    """Both records, and the kept one as the merge will leave it.

    Attributes:
        conflicts: the profile fields both fill differently (``MERGE_FIELDS`` order).
        sides: whose value each conflicting field takes in ``result`` (the choice made,
            else the default — marketing consent the narrower).
        defaults: whose value each conflicting field takes unless someone chooses.
    """

    keep: CustomerDetail
    duplicate: CustomerDetail
    result: CustomerDetail  # the kept record as it will be after the merge
    keep_sheets: int
    duplicate_sheets: int
    conflicts: tuple[str, ...] = ()
    sides: dict[str, MergeSide] = field(default_factory=dict)
    defaults: dict[str, MergeSide] = field(default_factory=dict)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # an OrderKind value, "complaint" or "return_visit"
    number: str  # order or sheet number
    amount_cents: int | None
    sheet_id: int | None
    satisfaction: int | None
    text: str


@dataclass(frozen=True)
class OpenComplaint:
    """A customer's sheet not yet closed, with its deadlines judged by the one rule.

    Attributes:
        sla: the deadlines at the instant the record was loaded.
    """

    sheet_id: int
    number: str
    state: SheetState
    received_at: datetime
    category: str
    severity: Severity
    sla: deadlines.SheetDeadlines

    @property
    def awaiting_visit(self) -> bool:
        """Resolved: no deadline runs, the return visit is next."""
        return self.state not in OPEN_STATES

    @property
    def due_at(self) -> datetime | None:
        """The deadline that runs now (None: awaiting the visit)."""
        return None if self.awaiting_visit else self.sla.due

    @property
    def remaining(self) -> timedelta | None:
        """Time left on it, negative when overdue (None: awaiting the visit)."""
        return None if self.awaiting_visit else self.sla.remaining

    @property
    def overdue(self) -> bool:
        return self.sla.overdue


@dataclass(frozen=True)
class CustomerHistory:
    customer_id: int
    timeline: tuple[TimelineEntry, ...]
    open_complaints: tuple[OpenComplaint, ...]


# ------------------------------------------------------------------ helpers
def _today(today: date | None) -> date:
    return today or common.now().date()


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mask(user: User, phone: str | None) -> str:
    if not phone:
        return ""
    if user.can(Permission.VIEW_PERSONAL_DATA):
        return phone
    return validation.mask_phone(phone)


def ltv_estimate(revenue_cents: int, revenue_12m_cents: int) -> int:
    """Revenue so far + the last 12 months' revenue × the expected remaining years."""
    return revenue_cents + revenue_12m_cents * LTV_REMAINING_YEARS


def _month_bounds(today: date) -> tuple[date, date]:
    start = today.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


# ------------------------------------------------------------------ the classification
# The classification's codes are positions in the rules' own tuples: read by name.
_SEGMENT_LIST: tuple[Segment, ...] = tuple(Segment(name) for name in class_rules.SEGMENTS)
_CLASS_LIST: tuple[RfmClass, ...] = tuple(RfmClass(name) for name in class_rules.RFM_CLASSES)
_STAGE_LIST: tuple[Lifecycle, ...] = tuple(Lifecycle)
_STAGE_CODE = {v.value: i for i, v in enumerate(_STAGE_LIST)}


class ClassRows(Mapping[int, tuple[Any, ...]]):
    """The classification's rows by customer id — ``rows[id]`` is (segment, pyramid rank,
    R, F, M, RFM class, lifecycle, 12-month revenue, last purchase, revenue) — kept by
    column in arrays (a few dozen bytes a customer, not a tuple of ten objects; issue 13).
    The tuple is made when a row is read.

    Attributes:
        ids: the customer ids, by position.
        classified: segment, rank, scores and class by position (``domain.classification``).
        stages: lifecycle by position (index in ``Lifecycle``).
        revenue_12m, revenue: in cents, by position.
        last: the last purchase's date ordinal, by position.
    """

    def __init__(self, ids: array[int], classified: class_rules.Classified,
                 stages: bytes, revenue_12m: array[int], revenue: array[int],
                 last: array[int]) -> None:
        self.ids = ids
        self.classified = classified
        self.stages = stages
        self.revenue_12m = revenue_12m
        self.revenue = revenue
        self.last = last
        # Ids are dense (numbered in order; merged records keep theirs): a position per id
        # in an array takes 4 bytes an id where a dict took over 100 a customer.
        top = max(ids, default=0)
        dense = top <= 4 * len(ids) + 1024
        self._at: array[int] | dict[int, int]
        if dense:
            self._at = array("i", [-1]) * (top + 1)
            for i, customer_id in enumerate(ids):
                self._at[customer_id] = i
        else:
            self._at = dict(zip(ids, range(len(ids)), strict=True))

    def __getitem__(self, customer_id: int) -> tuple[Any, ...]:
        i = self.index(customer_id)
        if i is None:
            raise KeyError(customer_id)
        k = self.classified
        return (self.segment_at(i), k.ranks[i] or None, k.r[i], k.f[i], k.m[i],
                self.class_at(i), self.stage_at(i), self.revenue_12m[i], self.last_at(i),
                self.revenue[i])

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def index(self, customer_id: int) -> int | None:
        """The customer's position in the columns (None: not classified)."""
        if isinstance(self._at, dict):
            return self._at.get(customer_id)
        if 0 <= customer_id < len(self._at):
            i = self._at[customer_id]
            return i if i >= 0 else None
        return None

    def segment_at(self, i: int) -> Segment:
        return _SEGMENT_LIST[self.classified.segments[i]]

    def class_at(self, i: int) -> RfmClass:
        return _CLASS_LIST[self.classified.classes[i]]

    def stage_at(self, i: int) -> Lifecycle:
        return _STAGE_LIST[self.stages[i]]

    def revenue_12m_at(self, i: int) -> int:
        return self.revenue_12m[i]

    def last_at(self, i: int) -> date | None:
        day = self.last[i]
        return date.fromordinal(day) if day else None


@dataclass(frozen=True)
class Classification:
    """Segment, rank, R/F/M, class, lifecycle and revenue of every buying customer
    (``rows[id]``, see :class:`ClassRows`); customers not in ``rows`` are prospects. The
    figures come from the one GROUP BY over every order
    (``storage.analytics_queries.class_figures``), the ranks and classes from
    ``domain.classification.classify``.

    Attributes:
        active: customers with an order in the last 12 months (the pyramid's ``n``).
    """

    today: date
    rows: ClassRows
    active: int

    def segment(self, customer_id: int) -> Segment:
        i = self.rows.index(customer_id)
        return Segment.PROSPECT if i is None else self.rows.segment_at(i)

    def rfm_class(self, customer_id: int) -> RfmClass | None:
        i = self.rows.index(customer_id)
        return None if i is None else self.rows.class_at(i)

    def lifecycle(self, customer_id: int) -> Lifecycle:
        i = self.rows.index(customer_id)
        return Lifecycle.PROSPECT if i is None else self.rows.stage_at(i)

    def revenue_12m(self, customer_id: int) -> int:
        i = self.rows.index(customer_id)
        return 0 if i is None else self.rows.revenue_12m_at(i)

    def last_purchase(self, customer_id: int) -> date | None:
        i = self.rows.index(customer_id)
        return None if i is None else self.rows.last_at(i)


# Reading every order takes seconds at 200,000 customers (measured: scripts/
# bench_customers.py), so the result is kept per day and per data fingerprint (a new
# order, an edit or a merge changes it): the list filters and the detail panel then
# answer at once. Derived values are never stored in the database.
_CACHE: OrderedDict[tuple[Any, ...], Classification] = OrderedDict()
_CACHE_SIZE = 2
_CACHE_LOCK = threading.Lock()


def classification(uow: UnitOfWork, today: date) -> Classification:
    """The classification of ``today`` (inside an open unit of work), cached."""
    key = (today, *uow.analytics.fingerprint())
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    # Streamed chunk by chunk into arrays: the rows are never all held as objects.
    ids, last, orders = array("q"), array("q"), array("q")
    revenue, revenue_12m, stages = array("q"), array("q"), bytearray()
    for cid, last_day, n, money, money_12m, stage in uow.analytics.class_figures(today):
        ids.extend(cid)
        last.extend(last_day)
        orders.extend(n)
        revenue.extend(map(int, money))
        revenue_12m.extend(map(int, money_12m))
        stages.extend(map(_STAGE_CODE.__getitem__, stage))
    since = (today - timedelta(days=ACTIVE_DAYS)).toordinal()
    ranked = class_rules.classify(ids, last, orders, revenue, revenue_12m, since)
    rows = ClassRows(ids, ranked, bytes(stages), revenue_12m, revenue, last)
    active = ranked.active
    result = Classification(today, rows, active)
    with _CACHE_LOCK:
        _CACHE[key] = result
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result


def prepare(uow: UnitOfWork, today: date | None = None) -> int:
    """Compute today's classification ahead of need (the desktop calls this in the
    background after login), so the customer list's first segment, RFM or revenue filter
    answers at once instead of reading every order then. Returns the customers
    classified."""
    with uow.reading():
        return len(classification(uow, _today(today)).rows)


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _summaries(cls: Classification, live: int) -> tuple[list[dict[str, Any]],
                                                        list[dict[str, Any]], dict[str, int]]:
    """The pyramid, RFM and lifecycle summaries (as the SQL GROUP BY gives them) from a
    classification of every store: the analytics view's fast path."""
    seg = [{"segment": s.value, "customers": 0, "revenue_12m": 0, "revenue": 0}
           for s in _SEGMENT_LIST]
    rfm_rows = [{"rfm_class": k.value, "customers": 0, "revenue": 0, "r_sum": 0, "f_sum": 0,
                 "m_sum": 0} for k in _CLASS_LIST]
    stages = [0] * len(_STAGE_LIST)
    rows, ranked = cls.rows, cls.rows.classified
    # Over the columns by code: no enum, tuple or date made per customer.
    for segment, klass, stage, r, f, m, revenue_12m, revenue in zip(
            ranked.segments, ranked.classes, rows.stages, ranked.r, ranked.f, ranked.m,
            rows.revenue_12m, rows.revenue, strict=True):
        entry = seg[segment]
        entry["customers"] += 1
        entry["revenue_12m"] += revenue_12m
        entry["revenue"] += revenue
        k = rfm_rows[klass]
        k["customers"] += 1
        k["revenue"] += revenue
        k["r_sum"] += r
        k["f_sum"] += f
        k["m_sum"] += m
        stages[stage] += 1
    life = {x.value: n for x, n in zip(_STAGE_LIST, stages, strict=True)}
    prospects = live - len(cls.rows)
    seg[_SEGMENT_LIST.index(Segment.PROSPECT)]["customers"] = prospects
    life[Lifecycle.PROSPECT.value] = prospects
    return seg, rfm_rows, life


# ------------------------------------------------------------------ aggregates
def pyramid(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
            today: date | None = None) -> PyramidReport:
    day = _today(today)
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        rows = uow.analytics.pyramid_summary(day, store_id)
    return _pyramid_report(rows, day, store_id)


def _pyramid_report(rows: list[dict[str, Any]], day: date,
                    store_id: int | None) -> PyramidReport:
    total = sum(int(r["revenue_12m"]) for r in rows)
    active = sum(int(r["customers"]) for r in rows
                 if r["segment"] not in (Segment.INACTIVE, Segment.PROSPECT))
    figures = tuple(
        SegmentFigure(Segment(r["segment"]), int(r["customers"]), int(r["revenue_12m"]),
                      int(r["revenue"]), (int(r["revenue_12m"]) / total) if total else 0.0)
        for r in rows)
    return PyramidReport(day, store_id, figures, active, total)


def rfm(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
        today: date | None = None) -> RfmReport:
    day = _today(today)
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        rows = uow.analytics.rfm_summary(day, store_id)
    return _rfm_report(rows, day, store_id)


def _rfm_report(rows: list[dict[str, Any]], day: date, store_id: int | None) -> RfmReport:
    def avg(total: Any, n: int) -> float | None:
        return int(total) / n if n else None

    figures = tuple(
        RfmFigure(RfmClass(r["rfm_class"]), int(r["customers"]), int(r["revenue"]),
                  avg(r["r_sum"] or 0, int(r["customers"])),
                  avg(r["f_sum"] or 0, int(r["customers"])),
                  avg(r["m_sum"] or 0, int(r["customers"])))
        for r in rows)
    return RfmReport(day, store_id, figures, sum(f.customers for f in figures))


def lifecycle_counts(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
                     today: date | None = None) -> dict[Lifecycle, int]:
    day = _today(today)
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        found = uow.analytics.lifecycle_summary(day, store_id)
    return {Lifecycle(k): v for k, v in found.items()}


def _check_period(start: date, end: date) -> None:
    if end <= start:
        raise ValidationError("end", "period.order", "the period must end after it starts")


def retention(uow: UnitOfWork, actor_id: int, start: date, end: date, *,
              store_id: int | None = None) -> RetentionFigure:
    """Retention and repurchase rates of ``[start, end)`` (see the module docstring)."""
    _check_period(start, end)
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        found = uow.analytics.retention(start, end, store_id)
    return RetentionFigure(start, end, found["previous"], found["retained"],
                           _share(found["retained"], found["previous"]), found["buyers"],
                           found["repeat_buyers"],
                           _share(found["repeat_buyers"], found["buyers"]))


def csat(uow: UnitOfWork, actor_id: int, start: date, end: date, *,
         store_id: int | None = None) -> CsatFigure:
    """CSAT of the return visits made in ``[start, end)``."""
    _check_period(start, end)
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        found = uow.analytics.csat(datetime.combine(start, datetime.min.time()),
                                   datetime.combine(end, datetime.min.time()), store_id)
    n = found["visits"]
    return CsatFigure(start, end, n, found["satisfied"], _share(found["satisfied"], n),
                      found["score_sum"] / n if n else None)


def overview(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
             today: date | None = None, period_days: int = 365) -> AnalyticsOverview:
    """Everything the analytics view shows, in one call (one worker job).

    Retention and CSAT cover the last ``period_days`` days up to and including today."""
    day = _today(today)
    if not 1 <= period_days <= 3660:
        raise ValidationError("period_days", "period.length",
                              "the period must be 1 to 3660 days long")
    start, end = day - timedelta(days=period_days - 1), day + timedelta(days=1)
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        if store_id is None:
            seg_rows, rfm_rows, life_counts = _summaries(classification(uow, day),
                                                         uow.analytics.live_count())
        else:  # one store ranks among its own customers: straight from SQL
            seg_rows = uow.analytics.pyramid_summary(day, store_id)
            rfm_rows = uow.analytics.rfm_summary(day, store_id)
            life_counts = uow.analytics.lifecycle_summary(day, store_id)
        pyr = _pyramid_report(seg_rows, day, store_id)
        rf = _rfm_report(rfm_rows, day, store_id)
        life = {Lifecycle(k): v for k, v in life_counts.items()}
        ret = retention(uow, actor_id, start, end, store_id=store_id)
        sat = csat(uow, actor_id, start, end, store_id=store_id)
        births = _birthdays(uow, user, day, store_id)
        due = _visits_due(uow, user, day, store_id)
    return AnalyticsOverview(pyr, rf, life, ret, sat, births, due)


# ------------------------------------------------------------------ one customer
def customer_value(uow: UnitOfWork, actor_id: int, customer_id: int, *,
                   today: date | None = None) -> CustomerValue:
    """Revenue, lifecycle, pyramid segment and rank, R/F/M and class, and CLV of one
    customer, ranked among all live customers."""
    day = _today(today)
    with uow.reading():
        common.actor(uow, actor_id)
        customer = common.get_or_404(uow.customers, customer_id, "customer")
        if customer.merged_into_id is not None:
            raise ValidationError("customer", "customer.merged",
                                  f"customer #{customer_id} was merged into another",
                                  merged_into=customer.merged_into_id)
        cls = classification(uow, day)
        stats = uow.analytics.customer_stats(day, customer_id)
    row = cls.rows.get(customer_id)
    revenue, revenue_12m = int(stats["revenue"]), int(stats["revenue_12m"])
    return CustomerValue(
        customer_id=customer_id, today=day,
        lifecycle=row[6] if row else Lifecycle.PROSPECT,
        first_purchase=as_date(stats["first_at"]), last_purchase=as_date(stats["last_at"]),
        orders=int(stats["orders"]), orders_12m=int(stats["orders_12m"]),
        revenue_cents=revenue, revenue_12m_cents=revenue_12m,
        segment=row[0] if row else Segment.PROSPECT,
        pyramid_rank=row[1] if row else None, active_customers=cls.active,
        r=row[2] if row else None, f=row[3] if row else None, m=row[4] if row else None,
        rfm_class=row[5] if row else None,
        ltv_cents=ltv_estimate(revenue, revenue_12m),
    )


def as_date(value: Any) -> date | None:
    """A date from what the database returned (a date, or ISO text from SQLite unions)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def customer_history(uow: UnitOfWork, actor_id: int, customer_id: int) -> CustomerHistory:
    """The timeline (purchases, service visits, complaints, return visits; newest
    first) and the open complaints with the time left on their running deadline."""
    now = common.now()
    with uow.reading():
        common.actor(uow, actor_id, Permission.VIEW_SHEETS)
        common.get_or_404(uow.customers, customer_id, "customer")
        entries = tuple(
            TimelineEntry(
                at=e["at"] if isinstance(e["at"], datetime)
                else datetime.combine(e["at"], datetime.min.time()),
                kind=e["kind"], number=e["number"] or "",
                amount_cents=e["amount_cents"], sheet_id=e["sheet_id"],
                satisfaction=e["satisfaction"], text=e["text"])
            for e in uow.analytics.timeline(customer_id))
        sheets = uow.analytics.open_sheets(customer_id)
    return CustomerHistory(customer_id, entries, tuple(_open(s, now) for s in sheets))


def _open(row: dict[str, Any], now: datetime) -> OpenComplaint:
    state = SheetState(row["state"])
    judged = deadlines.sheet_deadlines(
        state, response_due_at=row["response_due_at"],
        resolution_due_at=row["resolution_due_at"], acknowledged_at=row["acknowledged_at"],
        resolved_at=row["resolved_at"], waiting_since=row["waiting_since"], now=now,
        received_at=row["received_at"])
    return OpenComplaint(row["id"], row["number"], state, row["received_at"], row["category"],
                         Severity(row["severity"]), judged)


# ------------------------------------------------------------------ call lists
def birthdays_this_month(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
                         today: date | None = None) -> list[BirthdayEntry]:
    """Customers whose birthday falls in this month (seed 004, 生日关怀), by day."""
    day = _today(today)
    with uow.reading():
        # A call list of the analytics view: for the roles that read reports (README).
        user = common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        return list(_birthdays(uow, user, day, store_id))


def _birthdays(uow: UnitOfWork, user: User, day: date,
               store_id: int | None) -> tuple[BirthdayEntry, ...]:
    return tuple(
        BirthdayEntry(r["id"], r["name"], _mask(user, r["phone"]), as_date(r["birthday"])
                      or day, Tier(r["tier"]), bool(r["consent_marketing"]), r["store_id"])
        for r in uow.analytics.birthdays(day.month, store_id))


def visit_windows(uow: UnitOfWork, today: date) -> tuple[tuple[int, date], ...]:
    """``(store_id, since)`` for stores whose policy asks for a first return visit
    after delivery: an order on or after ``since`` still has its visit due."""
    windows = []
    for store in uow.stores.list():
        within = common.store_policy(store).first_visit_within
        if within is not None and store.id is not None:
            days = max(1, math.ceil(within / timedelta(days=1)))
            windows.append((store.id, today - timedelta(days=days)))
    return tuple(windows)


def return_visits_due(uow: UnitOfWork, actor_id: int, *, store_id: int | None = None,
                      today: date | None = None) -> list[VisitDue]:
    """Return visits to make: resolved sheets awaiting their visit, and deliveries
    awaiting their first visit (see the module docstring); overdue ones first."""
    day = _today(today)
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.VIEW_REPORTS)
        return list(_visits_due(uow, user, day, store_id))


def _visits_due(uow: UnitOfWork, user: User, day: date,
                store_id: int | None) -> tuple[VisitDue, ...]:
    now = common.now()
    stores = {s.id: s for s in uow.stores.list()}
    result: list[VisitDue] = []
    for r in uow.analytics.resolved_without_visit(store_id):
        store = stores.get(r["store_id"])
        within = common.store_policy(store).satisfaction_check_within if store else None
        due = r["resolved_at"] + within if within and r["resolved_at"] else None
        result.append(VisitDue(
            VisitDueKind.SATISFACTION, r["customer_id"], r["customer_name"],
            _mask(user, r["customer_phone"]), r["resolved_at"], due,
            bool(due and due < now), r["store_id"], sheet_id=r["sheet_id"],
            sheet_number=r["number"]))
    windows = [w for w in visit_windows(uow, day) if store_id in (None, w[0])]
    for r in uow.analytics.recent_deliveries(windows, day):
        store = stores[r["store_id"]]
        within = common.store_policy(store).first_visit_within or timedelta(days=3)
        since = datetime.combine(as_date(r["ordered_at"]) or day, datetime.min.time())
        result.append(VisitDue(
            VisitDueKind.FIRST_VISIT, r["customer_id"], r["customer_name"],
            _mask(user, r["phone"]), since, since + within, since + within < now,
            r["store_id"], order_id=r["order_id"], order_number=r["number"]))
    result.sort(key=lambda v: (not v.overdue, v.due_at or v.since))
    return tuple(result)


# ------------------------------------------------------------------ duplicates
def duplicate_suggestions(uow: UnitOfWork, actor_id: int,
                          limit: int = 200) -> list[DuplicateSuggestion]:
    """Pairs of live customers that look like one person, each with why.

    Reasons: the same ID number; the same phone number; the same name with phones
    alike in their first 7 or last 4 digits (a one-digit typo); the same plate; the same
    name and address; a similar name (``domain.similar_names``) and the same address (a
    VIN belongs to one customer only — the database refuses a second vehicle with it).
    Two different ID numbers rule a pair out, as two different birthdays do.
    A phone tail alone is never enough, and a pair whose records contradict each other
    — both birthdays known and different, or, for the weaker name-and-phone-half
    reason, both addresses known and different — is not suggested. Each pair is listed
    once, under its strongest reason; ``keep`` is the older record."""
    with uow.reading():
        # Duplicates are for who may merge them: the service manager and director.
        user = common.actor(uow, actor_id, Permission.MERGE_CUSTOMERS)
        pairs: dict[tuple[int, int], tuple[DuplicateReason, str]] = {}
        for reason, ids, key in uow.analytics.duplicate_groups(limit):
            keep = min(ids)
            for other in ids:
                if other != keep and (keep, other) not in pairs:
                    pairs[(keep, other)] = (DuplicateReason(reason), key)
            if len(pairs) >= limit * 2:
                break
        shown = {i for pair in pairs for i in pair}
        sheets = uow.analytics.sheet_counts(shown)
        candidates = {i: _candidate(uow, user, i, sheets.get(i, 0)) for i in sorted(shown)}
        result = []
        for (a, b), (reason, key) in pairs.items():
            if _contradict(candidates[a], candidates[b], reason):
                continue
            result.append(DuplicateSuggestion(reason, candidates[a], candidates[b],
                                              _matched(user, reason, key)))
            if len(result) >= limit:
                break
    return result


def _contradict(a: DuplicateCandidate, b: DuplicateCandidate, reason: DuplicateReason) -> bool:
    if reason is DuplicateReason.NATIONAL_ID:
        return False  # the number holds the birth date: a differing birthday is a slip
    if a.birthday is not None and b.birthday is not None and a.birthday != b.birthday:
        return True
    if a.national_id and b.national_id and a.national_id != b.national_id:
        return True  # issue 15: two ID numbers are two people
    return reason is DuplicateReason.NAME_PHONE and bool(a.address) and bool(b.address) \
        and a.address.replace(" ", "") != b.address.replace(" ", "")


def _matched(user: User, reason: DuplicateReason, key: str) -> str:
    """The shared value as the suggestion shows it (personal data masked as elsewhere)."""
    name, _, rest = key.partition("|")
    match reason:
        case DuplicateReason.PHONE:
            return _mask(user, key)
        case DuplicateReason.NAME_PHONE:
            return name
        case DuplicateReason.NAME_ADDRESS | DuplicateReason.SIMILAR_NAME_ADDRESS:
            return name if not user.can(Permission.VIEW_PERSONAL_DATA) else f"{name} · {rest}"
        case DuplicateReason.NATIONAL_ID:
            return key if user.can(Permission.VIEW_PERSONAL_DATA) \
                else national_id.mask_national_id(key)
    return key


def _candidate(uow: UnitOfWork, user: User, customer_id: int,
               sheets: int) -> DuplicateCandidate:
    c = common.get_or_404(uow.customers, customer_id, "customer")
    return DuplicateCandidate(
        customer_id, c.name, _mask(user, c.primary_phone),
        tuple(v.plate for v in c.vehicles if v.plate), tuple(v.vin for v in c.vehicles),
        len(c.orders), sheets, c.created_at, c.birthday, c.address.strip(), c.national_id)


class _DryRun:
    """A unit of work whose ``commit`` does nothing: the use case runs for real inside
    one transaction, and leaving it rolls everything back."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)

    def __enter__(self) -> _DryRun:
        self._uow.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._uow.__exit__(*exc)

    def commit(self) -> None:
        """Deliberately nothing: the enclosing ``with`` rolls back."""

    def rollback(self) -> None:
        self._uow.rollback()

    def reading(self) -> Any:
        return self._uow.reading()


def merge_preview(uow: UnitOfWork, actor_id: int, keep_id: int, duplicate_id: int,
                  choices: dict[str, MergeSide] | None = None) -> MergePreview:
    """Both records and the kept one as the merge would leave it with ``choices``: the
    merge itself is run and rolled back, so the preview can never disagree with the
    real thing. Lists every conflicting field and whose value it takes."""
    keep = customer_services.get_customer(uow, actor_id, keep_id)
    dup = customer_services.get_customer(uow, actor_id, duplicate_id)
    with uow.reading():
        counts = uow.analytics.sheet_counts([keep_id, duplicate_id])
        k = common.get_or_404(uow.customers, keep_id, "customer")
        d = common.get_or_404(uow.customers, duplicate_id, "customer")
        conflicts = merge_conflicts(k, d)
        defaults = {name: merge_default(name, k, d) for name in conflicts}
    chosen = {n: MergeSide(v) for n, v in (choices or {}).items()}
    result = customer_services.merge_customers(_DryRun(uow), actor_id, keep_id,
                                               duplicate_id, chosen)
    sides = {name: chosen.get(name, defaults[name]) for name in conflicts}
    return MergePreview(keep, dup, result, counts.get(keep_id, 0), counts.get(duplicate_id, 0),
                        conflicts, sides, defaults)


__all__ = [
    "LTV_REMAINING_YEARS", "AnalyticsOverview", "BirthdayEntry", "Classification",
    "CsatFigure",
    "CustomerHistory", "CustomerValue", "DuplicateCandidate", "DuplicateReason",
    "DuplicateSuggestion", "MergePreview", "OpenComplaint", "OrderKind", "PyramidReport",
    "RetentionFigure", "RfmClass", "RfmFigure", "RfmReport", "Segment", "SegmentFigure",
    "TimelineEntry", "VisitDue", "VisitDueKind", "as_date", "birthdays_this_month",
    "classification", "clear_cache", "csat", "prepare",
    "customer_history", "customer_value", "duplicate_suggestions", "lifecycle_counts",
    "ltv_estimate", "merge_preview", "overview", "pyramid", "retention",
    "return_visits_due", "rfm", "visit_windows",
]


common.guard_use_cases(__name__)
