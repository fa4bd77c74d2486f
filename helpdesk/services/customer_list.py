"""The customer list of the browser: filtered, sorted ids in one SQL query, rows by
pages (STYLE.md "Big tables"), combined with the ranked text search.

The text search is the one the command line uses (``services.customers.find_customers``
and ``storage.search``): with text, the list holds only its hits, best match first
unless the user picked another sort.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from helpdesk.domain import validation
from helpdesk.domain.customers import CustomerKind, Lifecycle, Tier, lifecycle
from helpdesk.domain.users import Permission, User
from helpdesk.services import analytics, common
from helpdesk.services.analytics import RfmClass, Segment
from helpdesk.services.common import UnitOfWork
from helpdesk.storage.analytics_queries import ListQuery


class CustomerSort(StrEnum):
    RELEVANCE = "relevance"  # best search match first (the default with text)
    NAME = "name"
    LAST_PURCHASE = "last_purchase"  # most recent first
    REVENUE = "revenue"  # 12-month revenue, highest first
    LAST_COMPLAINT = "last_complaint"  # most recent first
    RECENT = "recent"  # issue 15: last created or edited first (the list without text)


@dataclass(frozen=True)
class CustomerFilter:
    """Filters of the customer list; empty collections mean "any".

    Attributes:
        open_complaints: True: only customers with a sheet not yet closed; False: only
            those without; None: either.
        descending: reverse the sort's natural direction.
    """

    text: str = ""
    tiers: frozenset[Tier] = frozenset()
    segments: frozenset[Segment] = frozenset()
    rfm_classes: frozenset[RfmClass] = frozenset()
    lifecycles: frozenset[Lifecycle] = frozenset()
    store_ids: frozenset[int] = frozenset()
    owner_user_id: int | None = None
    open_complaints: bool | None = None
    birthday_this_month: bool = False
    visit_due: bool = False
    sort: CustomerSort = CustomerSort.RELEVANCE
    descending: bool = False


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list (phone masked for roles without the right)."""

    id: int
    name: str
    kind: CustomerKind
    phone: str
    plate: str
    tier: Tier
    store_name: str
    owner_name: str
    lifecycle: Lifecycle
    last_purchase: date | None
    revenue_12m_cents: int
    open_complaints: int
    last_complaint_at: datetime | None
    birthday: date | None
    consent_marketing: bool
    version: int


@dataclass(frozen=True)
class CustomerPage:
    """A search's answer as the browser shows it: every matching id, sorted, and the
    rows of the first ``len(rows)`` of them (in the ids' order)."""

    ids: list[int]
    rows: list[CustomerRow]


def search_customers(uow: UnitOfWork, actor_id: int, customer_filter: CustomerFilter,
                     *, first: int = 200, today: date | None = None) -> CustomerPage:
    """:func:`list_customer_ids` and the :func:`customer_rows` of the first ``first``
    ids, in one read-only unit of work (issue 13: the browser's search pays for one
    permission check and one connection, not two)."""
    day = today or common.now().date()
    with uow.reading():
        user = common.reader(uow, actor_id)
        if first > 0 and _names_a_number(customer_filter):
            # Most often one customer: the hits and their rows in one statement; a full
            # page may have more hits after it, which the ids query then lists.
            found = uow.analytics.best_rows(customer_filter.text, first, day)
            if len(found) < first:
                ids = [r["id"] for r in found]
                return CustomerPage(ids, _converted(user, found, ids, day))
            ids = _ids(uow, customer_filter, day)
            if [r["id"] for r in found] == ids[:first]:
                return CustomerPage(ids, _converted(user, found, ids[:first], day))
            # Another desk added or merged a customer between the two statements
            # (PostgreSQL reads each as of its own start): the page follows the ids.
        else:
            ids = _ids(uow, customer_filter, day)
        rows = _rows(uow, user, ids[:max(first, 0)], day)
    return CustomerPage(ids, rows)


_PLAIN = vars(CustomerFilter())


def _names_a_number(f: CustomerFilter) -> bool:
    """A search for a phone, plate, VIN or order number (text with a digit) and nothing
    else, best match first: it finds one customer or a few. (A name's initials can find
    tens of thousands: their ids are ranked once, by the ids query.)"""
    return (any(ch.isdigit() for ch in f.text)
            and {**vars(f), "text": ""} == _PLAIN)  # every field but the text at rest


def list_customer_ids(uow: UnitOfWork, actor_id: int, customer_filter: CustomerFilter,
                      *, today: date | None = None) -> list[int]:
    """Ids of the matching customers, sorted.

    One SQL query applies every hit of the text search (no cap: the list and its count
    are complete) and the filters answered by indexes (tier, store, advisor, open
    complaints, birthday, return visit due) and sorts by relevance, name (pinyin) or
    last complaint; the pyramid segment, RFM class and lifecycle filters and the
    revenue / last-purchase sorts read the cached classification (one SQL query over
    every order, kept per day and data fingerprint — see ``analytics.classification``).
    """
    day = today or common.now().date()
    with uow.reading():
        common.reader(uow, actor_id)
        return _ids(uow, customer_filter, day)


def _ids(uow: UnitOfWork, f: CustomerFilter, day: date) -> list[int]:
    """:func:`list_customer_ids` once the actor was checked (inside a reading)."""
    has_text = bool(f.text.strip())
    sort = f.sort
    if sort is CustomerSort.RELEVANCE and not has_text:
        sort = CustomerSort.RECENT
    in_sql = sort in (CustomerSort.RELEVANCE, CustomerSort.NAME, CustomerSort.LAST_COMPLAINT,
                      CustomerSort.RECENT)
    query = ListQuery(
        tiers=frozenset(t.value for t in f.tiers),
        store_ids=frozenset(f.store_ids),
        owner_user_id=f.owner_user_id,
        open_complaints=f.open_complaints,
        birthday_month=day.month if f.birthday_this_month else None,
        visit_due=f.visit_due,
        visit_windows=analytics.visit_windows(uow, day) if f.visit_due else (),
        text=f.text if has_text else "",
        sort=sort.value if in_sql else "id",
        descending=f.descending and in_sql,
    )
    ids = uow.analytics.list_ids(query, day)
    needs_classes = bool(f.segments or f.rfm_classes or f.lifecycles) or not in_sql
    cls = analytics.classification(uow, day) if needs_classes and ids else None
    if cls is not None:
        ids = _by_class(ids, f, cls)
    if cls is not None and sort is CustomerSort.REVENUE:
        ids = sorted(ids, key=lambda i: -cls.revenue_12m(i))  # stable: ties by id
        return ids[::-1] if f.descending else ids
    if cls is not None and sort is CustomerSort.LAST_PURCHASE:
        # Newest first (ties by id); reversed on request; never-bought customers last.
        dated = sorted((i for i in ids if cls.last_purchase(i) is not None),
                       key=lambda i: (-(cls.last_purchase(i) or date.min).toordinal(), i))
        if f.descending:
            dated.reverse()
        return dated + [i for i in ids if cls.last_purchase(i) is None]
    return ids


def _by_class(ids: list[int], f: CustomerFilter,
              cls: analytics.Classification) -> list[int]:
    if f.segments:
        ids = [i for i in ids if cls.segment(i) in f.segments]
    if f.rfm_classes:
        ids = [i for i in ids if cls.rfm_class(i) in f.rfm_classes]
    if f.lifecycles:
        ids = [i for i in ids if cls.lifecycle(i) in f.lifecycles]
    return ids


def customer_rows(uow: UnitOfWork, actor_id: int, ids: Iterable[int], *,
                  today: date | None = None) -> list[CustomerRow]:
    """Rows for a page of ids, in the order given (missing ids are skipped)."""
    wanted = list(ids)
    day = today or common.now().date()
    with uow.reading():
        user = common.reader(uow, actor_id)
        return _rows(uow, user, wanted, day)


def _rows(uow: UnitOfWork, user: User, wanted: list[int], day: date) -> list[CustomerRow]:
    """:func:`customer_rows` once the actor was checked (inside a reading)."""
    return _converted(user, uow.analytics.list_rows(wanted, day), wanted, day)


def _converted(user: User, rows: list[dict[str, Any]], wanted: list[int],
               day: date) -> list[CustomerRow]:
    """The list's rows of ``wanted``, in that order, from the storage's ``rows``."""
    see = user.can(Permission.VIEW_PERSONAL_DATA)
    found = {r["id"]: r for r in rows}
    result = []
    for customer_id in wanted:
        r = found.get(customer_id)
        if r is None:
            continue
        phone = r["phone"] or ""
        first, last = analytics.as_date(r["first_at"]), analytics.as_date(r["last_at"])
        result.append(CustomerRow(
            id=r["id"], name=r["name"], kind=CustomerKind(r["kind"]),
            phone=phone if see or not phone else validation.mask_phone(phone),
            plate=r["plate"] or "", tier=Tier(r["tier"]), store_name=r["store_name"] or "",
            owner_name=r["owner_name"] or "", lifecycle=lifecycle(first, last, day),
            last_purchase=last, revenue_12m_cents=int(r["revenue_12m"]),
            open_complaints=int(r["open_sheets"]), last_complaint_at=r["last_complaint_at"],
            birthday=analytics.as_date(r["birthday"]),
            consent_marketing=bool(r["consent_marketing"]), version=int(r["version"])))
    return result


common.guard_use_cases(__name__)
