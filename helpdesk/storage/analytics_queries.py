"""Customer analytics in SQL: pyramid, RFM, lifecycle, retention, CSAT, call lists,
duplicate suggestions and the customer list (ids by one query, rows by pages).

Everything is computed by the database (GROUP BY and window functions that SQLite
≥ 3.25 and PostgreSQL both run the same way), never by looping over customers in
Python — except the ranking of every customer at once (:func:`class_figures`), which
``domain.classification`` does faster than SQLite's window functions, from the same
rules. Integer arithmetic only (``//``), so both databases round identically.

Segments, classes and lifecycles come back as plain strings; ``services.analytics``
gives them their types (``Segment``, ``RfmClass``, ``Lifecycle``) and documents the
rules. The definitions, in one place:

* **stats** per customer, orders up to ``today``: first and last purchase date,
  number of orders, revenue (all time), revenue and orders in the last 12 months
  (``ordered_at >= today - 365 days``).
* **pyramid** (seed 001): active = an order in the last 12 months. Active customers
  are ranked by 12-month revenue (ties: lower id first); with ``n`` active customers
  the top segment is ranks ``1 .. ceil(n·1 %)``, high up to ``ceil(n·5 %)``, middle up
  to ``ceil(n·20 %)``, low the rest. Inactive: orders, none in 12 months. Prospect:
  no order at all. (``domain.classification.PYRAMID_CUTS`` and ``pyramid_cut``.)
* **RFM** (seed 002) over customers with at least one order: each of recency (date of
  the last order), frequency (number of orders) and monetary (revenue, all time) is
  scored 1–5 by quintile: ``score = 1 + (customers with a strictly worse value) · 5 //
  customers`` — equal values share a score. Classes: R ≥ 3 and F ≥ 4 and M ≥ 4 →
  high value; R ≥ 3 and (F ≥ 3 or M ≥ 3) → potential; R ≥ 3 → ordinary; R ≤ 2 and
  (F ≥ 4 or M ≥ 4) → at risk; R ≤ 2 → silent. (``domain.classification.quintile_score``
  and ``RFM_RULES``, turned into a CASE by :func:`rfm_case`.)
* **lifecycle**: ``domain.customers.LIFECYCLE_RULES`` turned into a CASE by
  :func:`lifecycle_case` (prospect without orders; new when the first order is at most
  90 days old; active with an order in the last 365 days; inactive otherwise).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    extract,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from helpdesk.domain.classification import (
    PYRAMID_CUTS,
    RFM_CLASSES,
    RFM_OTHERWISE,
    RFM_RULES,
    SEGMENTS,
    RfmRule,
    pyramid_cut,
    quintile_score,
)
from helpdesk.domain.complaints import NOT_CLOSED, SheetState
from helpdesk.domain.customers import (
    ACTIVE_DAYS,
    LIFECYCLE_OTHERWISE,
    LIFECYCLE_RULES,
    LIFECYCLE_WITHOUT_PURCHASE,
    Lifecycle,
)
from helpdesk.storage import deadline_sql, duplicates, prepared, search, tables

c = tables.customers
o = tables.orders
sh = tables.sheets

# The string values the services turn into enums (kept equal by a test).
LIFECYCLES = tuple(stage.value for stage in Lifecycle)
_OPEN = sorted(st.value for st in NOT_CLOSED)


def since_12_months(today: date) -> date:
    return today - timedelta(days=ACTIVE_DAYS)


def _live(store_id: int | None = None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [c.c.merged_into_id.is_(None)]
    if store_id is not None:
        where.append(c.c.store_id == store_id)
    return where


def stats_cte(today: date, name: str = "stats") -> CTE:
    """One row per customer with at least one order up to ``today``."""
    since = since_12_months(today)
    recent = o.c.ordered_at >= since
    return (
        select(
            o.c.customer_id,
            func.min(o.c.ordered_at).label("first_at"),
            func.max(o.c.ordered_at).label("last_at"),
            func.count().label("orders"),
            func.coalesce(func.sum(o.c.amount_cents), 0).label("revenue"),
            func.coalesce(func.sum(case((recent, o.c.amount_cents), else_=0)), 0)
            .label("revenue_12m"),
            func.coalesce(func.sum(case((recent, 1), else_=0)), 0).label("orders_12m"),
        )
        .where(o.c.ordered_at <= today)
        .group_by(o.c.customer_id)
        .cte(name)
    )


def pyramid_cte(stats: CTE, today: date, store_id: int | None) -> CTE:
    """Active customers ranked by 12-month revenue, with their segment."""
    since = since_12_months(today)
    rn = func.row_number().over(order_by=(stats.c.revenue_12m.desc(), stats.c.customer_id))
    n = func.count().over()
    ranked = (
        select(stats.c.customer_id, rn.label("rn"), n.label("n"))
        .join(c, c.c.id == stats.c.customer_id)
        .where(stats.c.last_at >= since, *_live(store_id))
        .subquery("ranked")
    )
    whens = [(ranked.c.rn <= pyramid_cut(ranked.c.n, pct), literal(seg))
             for seg, pct in PYRAMID_CUTS]
    return select(
        ranked.c.customer_id,
        ranked.c.rn,
        case(*whens, else_=literal("low")).label("segment"),
    ).cte("pyramid")


def rfm_cte(stats: CTE, store_id: int | None) -> CTE:
    """R, F, M scores (1–5) and class of every customer with an order."""
    n = func.count().over()

    def score(column: Any) -> Any:
        worse = func.rank().over(order_by=column) - 1  # customers with a smaller value
        return quintile_score(worse, n)

    scored = (
        select(
            stats.c.customer_id,
            stats.c.revenue,
            score(stats.c.last_at).label("r"),
            score(stats.c.orders).label("f"),
            score(stats.c.revenue).label("m"),
        )
        .join(c, c.c.id == stats.c.customer_id)
        .where(*_live(store_id))
        .subquery("scored")
    )
    r, f, m = scored.c.r, scored.c.f, scored.c.m
    return select(scored.c.customer_id, scored.c.revenue, r, f, m,
                  rfm_case(r, f, m).label("rfm_class")).cte("rfm")


def rfm_case(r: Any, f: Any, m: Any) -> ColumnElement[str]:
    """``domain.classification.rfm_class`` as a SQL CASE over score columns, built from
    the same rule steps (:data:`~helpdesk.domain.classification.RFM_RULES`)."""

    def condition(rule: RfmRule) -> ColumnElement[bool]:
        parts: list[ColumnElement[bool]] = []
        if rule.r_at_least is not None:
            parts.append(r >= rule.r_at_least)
        if rule.fm_at_least is not None:
            fm = (f >= rule.fm_at_least, m >= rule.fm_at_least)
            parts.append(and_(*fm) if rule.both else or_(*fm))
        return and_(*parts) if parts else literal(True)

    return case(*[(condition(rule), literal(rule.rfm_class)) for rule in RFM_RULES],
                else_=literal(RFM_OTHERWISE))


def lifecycle_case(first_at: Any, last_at: Any, today: date) -> ColumnElement[str]:
    """``domain.customers.lifecycle`` as a SQL CASE, built from the same rule steps
    (:data:`~helpdesk.domain.customers.LIFECYCLE_RULES`) over first/last purchase
    columns."""
    purchases = {"first": first_at, "last": last_at}
    return case(
        (first_at.is_(None), literal(LIFECYCLE_WITHOUT_PURCHASE.value)),
        *[(purchases[rule.purchase] >= rule.since(today), literal(rule.stage.value))
          for rule in LIFECYCLE_RULES],
        else_=literal(LIFECYCLE_OTHERWISE.value),
    )


def _lifecycle(stats: Any, today: date) -> ColumnElement[str]:
    return lifecycle_case(stats.c.first_at, stats.c.last_at, today)


def _segment(stats: Any, pyramid: Any) -> ColumnElement[str]:
    return case(
        (stats.c.customer_id.is_(None), literal("prospect")),
        (pyramid.c.segment.is_(None), literal("inactive")),
        else_=pyramid.c.segment,
    )


# ------------------------------------------------------------------ summaries
def pyramid_summary(session: Session, today: date,
                    store_id: int | None = None) -> list[dict[str, Any]]:
    """Per segment: customers, revenue in the last 12 months, revenue all time."""
    stats = stats_cte(today)
    pyramid = pyramid_cte(stats, today, store_id)
    segment = _segment(stats, pyramid).label("segment")
    inner = (
        select(
            segment,
            func.coalesce(stats.c.revenue_12m, 0).label("revenue_12m"),
            func.coalesce(stats.c.revenue, 0).label("revenue"),
        )
        .select_from(c)
        .outerjoin(stats, stats.c.customer_id == c.c.id)
        .outerjoin(pyramid, pyramid.c.customer_id == c.c.id)
        .where(*_live(store_id))
        .subquery()
    )
    stmt = select(
        inner.c.segment,
        func.count().label("customers"),
        func.coalesce(func.sum(inner.c.revenue_12m), 0).label("revenue_12m"),
        func.coalesce(func.sum(inner.c.revenue), 0).label("revenue"),
    ).group_by(inner.c.segment)
    found = {row.segment: dict(row._mapping) for row in session.execute(stmt)}
    return [found.get(s, {"segment": s, "customers": 0, "revenue_12m": 0, "revenue": 0})
            for s in SEGMENTS]


def rfm_summary(session: Session, today: date,
                store_id: int | None = None) -> list[dict[str, Any]]:
    """Per RFM class: customers, revenue all time, and the summed R, F, M scores."""
    stats = stats_cte(today)
    rfm = rfm_cte(stats, store_id)
    stmt = (
        select(
            rfm.c.rfm_class,
            func.count().label("customers"),
            func.coalesce(func.sum(rfm.c.revenue), 0).label("revenue"),
            func.sum(rfm.c.r).label("r_sum"),
            func.sum(rfm.c.f).label("f_sum"),
            func.sum(rfm.c.m).label("m_sum"),
        )
        .group_by(rfm.c.rfm_class)
    )
    found = {row.rfm_class: dict(row._mapping) for row in session.execute(stmt)}
    empty = {"customers": 0, "revenue": 0, "r_sum": 0, "f_sum": 0, "m_sum": 0}
    return [found.get(k, {"rfm_class": k, **empty}) for k in RFM_CLASSES]


def lifecycle_summary(session: Session, today: date,
                      store_id: int | None = None) -> dict[str, int]:
    stats = stats_cte(today)
    lc = _lifecycle(stats, today).label("lifecycle")
    inner = (
        select(lc).select_from(c).outerjoin(stats, stats.c.customer_id == c.c.id)
        .where(*_live(store_id)).subquery()
    )
    rows = session.execute(select(inner.c.lifecycle, func.count()).group_by(inner.c.lifecycle))
    found = {k: int(v) for k, v in rows}
    return {k: found.get(k, 0) for k in LIFECYCLES}


# The columns of a ``class_figures`` chunk, in order.
FIGURE_COLUMNS = ("customer_id", "last_at", "orders", "revenue", "revenue_12m", "lifecycle")


def class_figures(session: Session, today: date,
                  chunk: int = 20_000) -> Iterator[tuple[Iterable[Any], ...]]:
    """What the classification of every live buying customer rests on: the one GROUP BY
    over every order, with the lifecycle CASE; ``domain.classification.classify`` ranks
    them (SQLite's window functions cost more than the GROUP BY itself; issue 13).
    Customers not listed are prospects.

    Yields chunks by column (:data:`FIGURE_COLUMNS`), the last purchase as a date
    ordinal. Read them inside the unit of work. The rows come straight from the driver's
    cursor, on the session's connection and transaction: at 183,000 customers making
    SQLAlchemy rows and dates of them cost a fifth of the query. The merged records are
    left out through the index of ``merged_into_id``, not a lookup per customer."""
    stats = stats_cte(today)
    merged = select(c.c.id).where(c.c.merged_into_id.is_not(None))
    stmt = select(
        stats.c.customer_id, stats.c.last_at, stats.c.orders, stats.c.revenue,
        stats.c.revenue_12m, _lifecycle(stats, today),
    ).where(stats.c.customer_id.not_in(merged))
    connection = session.connection()
    # Only dates and small integers of ours are inlined: nothing a user typed.
    sql = str(stmt.compile(dialect=connection.dialect,
                           compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(chunk):
            ids, last, orders, revenue, revenue_12m, stages = zip(*rows, strict=True)
            yield ids, _ordinals(last), orders, revenue, revenue_12m, stages
    finally:
        cursor.close()


def _ordinals(days: Sequence[Any]) -> Iterator[int]:
    """Date ordinals of what the driver returned: dates (PostgreSQL) or ISO text."""
    if days and isinstance(days[0], str):
        return map(date.toordinal, map(date.fromisoformat, map(_day_part, days)))
    return map(date.toordinal, days)


_day_part = operator.itemgetter(slice(0, 10))  # "2026-12-03[ 00:00:00]" → the day


def customer_stats(session: Session, today: date, customer_id: int) -> dict[str, Any]:
    """One customer's orders up to ``today``: first and last date, count, revenue (all
    time and last 12 months), orders in the last 12 months."""
    since = since_12_months(today)
    recent = o.c.ordered_at >= since
    row = session.execute(
        select(
            func.min(o.c.ordered_at).label("first_at"),
            func.max(o.c.ordered_at).label("last_at"),
            func.count().label("orders"),
            func.coalesce(func.sum(o.c.amount_cents), 0).label("revenue"),
            func.coalesce(func.sum(case((recent, o.c.amount_cents), else_=0)), 0)
            .label("revenue_12m"),
            func.coalesce(func.sum(case((recent, 1), else_=0)), 0).label("orders_12m"),
        ).where(o.c.customer_id == customer_id, o.c.ordered_at <= today)
    ).one()
    return dict(row._mapping)


def retention(session: Session, start: date, end: date,
              store_id: int | None = None) -> dict[str, int]:
    """Buyers of the period ``[start, end)`` and of the period of equal length before.

    Returns ``previous`` (customers with an order in the previous period),
    ``retained`` (of those, who ordered again in this period), ``buyers`` (customers
    with an order in this period) and ``repeat_buyers`` (of those, with two or more)."""
    prev_start = start - (end - start)

    def buyers(a: date, b: date) -> Select[Any]:
        return (
            select(o.c.customer_id, func.count().label("n"))
            .join(c, c.c.id == o.c.customer_id)
            .where(o.c.ordered_at >= a, o.c.ordered_at < b, *_live(store_id))
            .group_by(o.c.customer_id)
        )

    prev = buyers(prev_start, start).subquery("prev")
    cur = buyers(start, end).subquery("cur")
    previous, retained = session.execute(
        select(func.count(), func.count(cur.c.customer_id))
        .select_from(prev).outerjoin(cur, cur.c.customer_id == prev.c.customer_id)
    ).one()
    total, repeat = session.execute(
        select(func.count(), func.coalesce(func.sum(case((cur.c.n >= 2, 1), else_=0)), 0))
        .select_from(cur)
    ).one()
    return {"previous": int(previous), "retained": int(retained), "buyers": int(total),
            "repeat_buyers": int(repeat)}


def csat(session: Session, start: datetime, end: datetime,
         store_id: int | None = None) -> dict[str, int]:
    """Return visits in ``[start, end)``: how many, how many with satisfaction ≥ 4, and
    the sum of the scores (the service divides)."""
    v = tables.sheet_visits
    stmt = (
        select(
            func.count(),
            func.coalesce(func.sum(case((v.c.satisfaction >= 4, 1), else_=0)), 0),
            func.coalesce(func.sum(v.c.satisfaction), 0),
        )
        .select_from(v).join(sh, sh.c.id == v.c.sheet_id)
        .where(v.c.visited_at >= start, v.c.visited_at < end)
    )
    if store_id is not None:
        stmt = stmt.where(sh.c.store_id == store_id)
    visits, satisfied, total = session.execute(stmt).one()
    return {"visits": int(visits), "satisfied": int(satisfied), "score_sum": int(total)}


# ------------------------------------------------------------------ call lists
def _primary_phone() -> Any:
    p = tables.customer_phones
    return (select(p.c.number).where(p.c.customer_id == c.c.id).order_by(p.c.id).limit(1)
            .correlate(c).scalar_subquery())


def birthdays(session: Session, month: int, store_id: int | None = None,
              limit: int = 50_000) -> list[dict[str, Any]]:
    """Live customers born in ``month``, by day of the month."""
    day = extract("day", c.c.birthday)
    stmt = (
        select(c.c.id, c.c.name, c.c.birthday, c.c.tier, c.c.consent_marketing,
               c.c.store_id, _primary_phone().label("phone"))
        .where(c.c.birthday.is_not(None), extract("month", c.c.birthday) == month,
               *_live(store_id))
        .order_by(day, c.c.id)
        .limit(limit)
    )
    return [dict(r._mapping) for r in session.execute(stmt)]


def resolved_without_visit(session: Session, store_id: int | None = None,
                           limit: int = 5000) -> list[dict[str, Any]]:
    """Sheets resolved and awaiting their return visit, oldest resolution first."""
    stmt = (
        select(sh.c.id.label("sheet_id"), sh.c.number, sh.c.store_id, sh.c.resolved_at,
               sh.c.customer_id,
               func.coalesce(c.c.name, sh.c.customer_name).label("customer_name"),
               func.coalesce(_primary_phone(), sh.c.customer_phone).label("customer_phone"))
        .outerjoin(c, c.c.id == sh.c.customer_id)
        .where(sh.c.state == SheetState.RESOLVED.value)
        .order_by(sh.c.resolved_at, sh.c.id)
        .limit(limit)
    )
    if store_id is not None:
        stmt = stmt.where(sh.c.store_id == store_id)
    return [dict(r._mapping) for r in session.execute(stmt)]


def _not_visited() -> ColumnElement[bool]:
    """issue 11: the delivery's first return visit is not recorded yet."""
    return o.c.id.not_in(select(tables.order_visits.c.order_id))


def recent_deliveries(session: Session, windows: Sequence[tuple[int, date]],
                      today: date, limit: int = 5000) -> list[dict[str, Any]]:
    """Orders at each ``(store_id, since)`` from ``since`` up to ``today`` — the
    deliveries whose first return visit is due (seed 002: within 3 days)."""
    if not windows:
        return []
    cond = or_(*(and_(o.c.store_id == sid, o.c.ordered_at >= since) for sid, since in windows))
    stmt = (
        select(o.c.id.label("order_id"), o.c.number, o.c.store_id, o.c.ordered_at,
               o.c.kind, o.c.customer_id, c.c.name.label("customer_name"),
               _primary_phone().label("phone"))
        .join(c, c.c.id == o.c.customer_id)
        .where(cond, o.c.ordered_at <= today, c.c.merged_into_id.is_(None),
               _not_visited())
        .order_by(o.c.ordered_at, o.c.id)
        .limit(limit)
    )
    return [dict(r._mapping) for r in session.execute(stmt)]


# ------------------------------------------------------------------ duplicates
def duplicate_groups(session: Session, limit: int = 500) -> list[tuple[str, list[int], str]]:
    """Groups of live customers that look like one person: ``(reason, ids, key)``, the
    key being what they share (the phone; ``name|…``; the plate; ``name|address``).

    Reasons: ``phone`` (the same number), ``name_phone`` (the same name and phones
    that share the first 7 or the last 4 digits — any one-digit typo keeps one of the
    two halves intact), ``plate`` (the same plate on a vehicle of each) and
    ``name_address`` (the same name and address); issue 15: ``national_id`` (the same
    ID number) and ``similar_name_address`` (:mod:`helpdesk.storage.duplicates`). A VIN
    cannot be shared: the database holds one vehicle per VIN."""
    p = tables.customer_phones
    v = tables.vehicles
    live = c.c.merged_into_id.is_(None)
    result: list[tuple[str, list[int], str]] = []

    def grouped(reason: str, key: Any, source: Any, *where: Any) -> None:
        sub = (
            select(key.label("k"), c.c.id.label("cid"))
            .select_from(source)
            .where(live, *where)
            .distinct()
            .subquery()
        )
        keys = (
            select(sub.c.k).group_by(sub.c.k).having(func.count() > 1)
            .order_by(sub.c.k).limit(limit).subquery()
        )
        rows = session.execute(
            select(sub.c.k, sub.c.cid).where(sub.c.k.in_(select(keys.c.k)))
            .order_by(sub.c.k, sub.c.cid)
        )
        groups: dict[Any, list[int]] = {}
        for k, cid in rows:
            groups.setdefault(k, []).append(int(cid))
        result.extend((reason, ids, str(k)) for k, ids in groups.items())

    # issue 15: one ID number is one person (the strongest reason, so listed first)
    grouped("national_id", c.c.national_id, c, c.c.national_id != "")
    grouped("phone", p.c.number, p.join(c, c.c.id == p.c.customer_id))
    joined = p.join(c, c.c.id == p.c.customer_id)
    length = func.length(p.c.number)
    head = c.c.name + literal("|") + func.substr(p.c.number, 1, length - 4)
    tail = c.c.name + literal("|") + func.substr(p.c.number, length - 3, 4)
    grouped("name_phone", head, joined)
    grouped("name_phone", tail, joined)
    grouped("plate", v.c.plate, v.join(c, c.c.id == v.c.customer_id), v.c.plate != "")
    grouped("name_address", c.c.name + literal("|") + c.c.address, c, c.c.address != "")
    result.extend(duplicates.similar_names_at_one_address(session, limit))  # issue 15
    return result


# ------------------------------------------------------------------ the customer list
@dataclass(frozen=True)
class ListQuery:
    """Filters of the customer list that SQL answers from indexes (empty = any).

    The filters that need every order (pyramid segment, RFM class, lifecycle) and the
    sorts by revenue or last purchase are applied by the services on the cached
    :func:`class_figures` classification.

    Attributes:
        restrict_ids: only these customers, or None.
        text: only the customers the search keys match (``search.match_subquery``);
            the ``relevance`` sort puts the best match first.
        visit_windows: ``(store_id, since)`` pairs: a delivery at that store since that
            day makes a return visit due (stores whose policy asks for one).
        sort: ``name``, ``last_complaint`` (most recent first), ``recent`` (last
            created or edited first), ``relevance`` (with text) or ``id``.
    """

    tiers: frozenset[str] = frozenset()
    store_ids: frozenset[int] = frozenset()
    owner_user_id: int | None = None
    open_complaints: bool | None = None
    birthday_month: int | None = None
    visit_due: bool = False
    visit_windows: tuple[tuple[int, date], ...] = ()
    restrict_ids: tuple[int, ...] | None = None
    sort: str = "name"
    descending: bool = False
    text: str = ""  # issue 15: the search box; every hit, filtered and sorted here


def _visit_due(windows: int) -> ColumnElement[bool]:
    # IN (few ids from an index) rather than EXISTS per customer: 0.1 s, not 10 s.
    resolved = c.c.id.in_(select(sh.c.customer_id).where(
        sh.c.state == SheetState.RESOLVED.value, sh.c.customer_id.is_not(None)))
    alternatives: list[ColumnElement[bool]] = [resolved]
    if windows:
        day = o.c.ordered_at.type
        window = or_(*(and_(o.c.store_id == bindparam(f"visit_store_{i}"),
                            o.c.ordered_at >= bindparam(f"visit_since_{i}", type_=day))
                       for i in range(windows)))
        alternatives.append(c.c.id.in_(select(o.c.customer_id).where(
            window, o.c.ordered_at <= bindparam("today", type_=day),
            _not_visited())))
    return or_(*alternatives)


@dataclass(frozen=True)
class _ListShape:
    """What makes two list queries the same statement (their values are parameters)."""

    tiers: bool
    stores: bool
    owner: bool
    open_complaints: bool | None
    birthday: bool
    visit_due: bool
    visit_windows: int
    restrict: bool
    scan: search.Shape | None  # the text search's key scans (None: no text)
    sort: str
    descending: bool


def list_ids(link: prepared.DriverLink, q: ListQuery, today: date) -> list[int]:
    """Ids of the live customers matching ``q``, sorted — one SQL statement, built once
    per shape of query (which filters, which sort) and run with its values bound."""
    if q.restrict_ids is not None and not q.restrict_ids:
        return []
    params: dict[str, Any] = {}
    matched = search.match_params(q.text) if q.text.strip() else None
    if q.text.strip() and matched is None:
        return []
    if matched is not None:
        params.update(matched)
    if q.tiers:
        params["tiers"] = sorted(q.tiers)
    if q.store_ids:
        params["store_ids"] = sorted(q.store_ids)
    if q.owner_user_id is not None:
        params["owner"] = q.owner_user_id
    if q.birthday_month is not None:
        params["birthday_month"] = q.birthday_month
    windows = len(q.visit_windows) if q.visit_due else 0
    for i, (store_id, since) in enumerate(q.visit_windows[:windows]):
        params[f"visit_store_{i}"] = store_id
        params[f"visit_since_{i}"] = since
    if windows:
        params["today"] = today
    if q.restrict_ids is not None:
        params["restrict"] = list(q.restrict_ids)
    shape = _ListShape(
        tiers=bool(q.tiers), stores=bool(q.store_ids), owner=q.owner_user_id is not None,
        open_complaints=q.open_complaints, birthday=q.birthday_month is not None,
        visit_due=q.visit_due, visit_windows=windows, restrict=q.restrict_ids is not None,
        scan=None if matched is None else search.shape_of(matched),
        sort=q.sort, descending=q.descending)
    # On the driver (issue 13): a search costs its SQL, not the execution layers.
    return _list_prepared(shape).scalars(link, params)


@functools.lru_cache(maxsize=128)
def _list_prepared(q: _ListShape) -> prepared.Prepared:
    return prepared.Prepared(lambda: _list_statement(q))


def _filtered(q: _ListShape) -> bool:
    """Whether ``q`` filters on the customers' own rows (beyond the text search)."""
    return bool(q.tiers or q.stores or q.owner or q.open_complaints is not None
                or q.birthday or q.visit_due or q.restrict)


@functools.lru_cache(maxsize=128)
def _list_statement(q: _ListShape) -> Select[Any]:
    if q.scan is not None and q.sort == "relevance" and not _filtered(q):
        return _hits_by_relevance(q.scan, q.descending)
    stmt = select(c.c.id).where(c.c.merged_into_id.is_(None))
    if q.tiers:
        stmt = stmt.where(c.c.tier.in_(bindparam("tiers", expanding=True)))
    if q.stores:
        stmt = stmt.where(c.c.store_id.in_(bindparam("store_ids", expanding=True)))
    if q.owner:
        stmt = stmt.where(c.c.owner_user_id == bindparam("owner"))
    if q.open_complaints is not None:
        has_open = c.c.id.in_(select(sh.c.customer_id).where(
            sh.c.state.in_(_OPEN), sh.c.customer_id.is_not(None)))
        stmt = stmt.where(has_open if q.open_complaints else ~has_open)
    if q.birthday:
        stmt = stmt.where(c.c.birthday.is_not(None),
                          extract("month", c.c.birthday) == bindparam("birthday_month"))
    if q.visit_due:
        stmt = stmt.where(_visit_due(q.visit_windows))
    if q.restrict:
        stmt = stmt.where(c.c.id.in_(bindparam("restrict", expanding=True)))
    tie = c.c.id.desc() if q.descending else c.c.id.asc()
    hits = search.match_subquery(q.scan) if q.scan is not None else None
    if hits is not None:
        stmt = stmt.join(hits, hits.c.customer_id == c.c.id)
    if q.sort == "relevance" and hits is not None:
        if q.descending:
            stmt = stmt.order_by(hits.c.rank.desc(), hits.c.key_length.desc(), tie)
        else:
            stmt = stmt.order_by(hits.c.rank, hits.c.key_length, tie)
    elif q.sort == "last_complaint":
        # One grouped pass over the (customer, received) index beats a subquery per row.
        latest = (select(sh.c.customer_id, func.max(sh.c.received_at).label("at"))
                  .where(sh.c.customer_id.is_not(None)).group_by(sh.c.customer_id)
                  .subquery("latest"))
        last = latest.c.at
        stmt = stmt.outerjoin(latest, latest.c.customer_id == c.c.id)
        stmt = stmt.order_by(last.is_(None), last.asc() if q.descending else last.desc(), tie)
    elif q.sort == "recent":
        touched = func.coalesce(c.c.updated_at, c.c.created_at)
        stmt = stmt.order_by(touched.is_(None), touched.asc() if q.descending else touched.desc(),
                             c.c.id.asc() if q.descending else c.c.id.desc())
    elif q.sort == "name":
        # By pinyin (the customer's sort key, which ends with the name), read in order
        # from the partial index of the sort keys (every customer has one: the name is
        # required); ties by id. The kind is written out: SQLite uses a partial index
        # only when the query says what its WHERE says.
        key = tables.search_keys.alias("name_sort")
        is_sort = key.c.kind == literal_column(f"'{search.SORT}'")
        if not (_filtered(q) or q.scan is not None):  # the whole list: the index alone, live ones
            stmt = select(key.c.customer_id).where(is_sort, key.c.customer_id.not_in(_merged()))
        else:
            stmt = stmt.join(key, and_(key.c.customer_id == c.c.id, is_sort))
        ends = (key.c.key.desc(), key.c.customer_id.desc()) if q.descending else \
            (key.c.key.asc(), key.c.customer_id.asc())
        stmt = stmt.order_by(*ends)
    else:
        stmt = stmt.order_by(tie)
    return stmt


def _merged() -> Select[Any]:
    """The merged customers' ids: few, read from their index (excluding them by this
    subquery beats reading each hit's customer row)."""
    return select(c.c.id).where(c.c.merged_into_id.is_not(None))


def _hits_by_relevance(scan: search.Shape, descending: bool) -> Select[Any]:
    """A text search's live hits, best match first — read from the search keys alone,
    without a join to the customers' rows (a short query matches tens of thousands)."""
    hits = search.match_subquery(scan)
    ends = (hits.c.rank, hits.c.key_length, hits.c.customer_id)
    return (select(hits.c.customer_id).where(hits.c.customer_id.not_in(_merged()))
            .order_by(*(end.desc() for end in ends) if descending else ends))


def list_rows(link: prepared.DriverLink, ids: Sequence[int],
              today: date) -> list[dict[str, Any]]:
    """The list columns of the given customers (any order); one statement, built once
    and run on the driver (issue 13)."""
    if not ids:
        return []
    return _ROWS.dicts(link, {"ids": list(ids), "since": since_12_months(today),
                              "today": today})


@functools.cache
def _rows_statement() -> Select[Any]:
    ids: Any = bindparam("ids", expanding=True)
    today = bindparam("today", type_=o.c.ordered_at.type)
    per = (select(o.c.customer_id, *_order_figures())
           .where(o.c.customer_id.in_(ids), o.c.ordered_at <= today)
           .group_by(o.c.customer_id)
           .subquery("per"))
    complaints = (select(sh.c.customer_id, *_sheet_figures())
                  .where(sh.c.customer_id.in_(ids))
                  .group_by(sh.c.customer_id)
                  .subquery("cpl"))
    figures = [
        per.c.first_at, per.c.last_at,
        func.coalesce(per.c.revenue_12m, 0).label("revenue_12m"),
        func.coalesce(complaints.c.open_sheets, 0).label("open_sheets"),
        complaints.c.last_complaint_at,
    ]
    joined = (c.outerjoin(per, per.c.customer_id == c.c.id)
              .outerjoin(complaints, complaints.c.customer_id == c.c.id))
    return _row_select(joined, figures).where(c.c.id.in_(ids))


def _order_figures() -> list[Any]:
    """A customer's first and last purchase and 12-month revenue, from their orders up
    to ``today`` (grouped by customer, or correlated to one)."""
    since = bindparam("since", type_=o.c.ordered_at.type)
    return [func.min(o.c.ordered_at).label("first_at"),
            func.max(o.c.ordered_at).label("last_at"),
            func.coalesce(func.sum(case((o.c.ordered_at >= since, o.c.amount_cents),
                                        else_=0)), 0).label("revenue_12m")]


def _sheet_figures() -> list[Any]:
    """A customer's open sheets and last complaint, from their sheets."""
    return [func.sum(case((sh.c.state.in_(_OPEN), 1), else_=0)).label("open_sheets"),
            func.max(sh.c.received_at).label("last_complaint_at")]


def _row_select(joined: Any, figures: list[Any]) -> Select[Any]:
    """The list's columns over ``joined`` (the customers, joined to what gives the
    order and sheet ``figures``: first_at, last_at, revenue_12m, open_sheets,
    last_complaint_at)."""
    v, u, st = tables.vehicles, tables.users, tables.stores
    plate = (select(v.c.plate).where(v.c.customer_id == c.c.id, v.c.plate != "")
             .order_by(v.c.id).limit(1).correlate(c).scalar_subquery())
    return (
        select(
            c.c.id, c.c.name, c.c.kind, c.c.tier, c.c.store_id, c.c.birthday,
            c.c.consent_marketing, c.c.version,
            _primary_phone().label("phone"), plate.label("plate"),
            st.c.name.label("store_name"), u.c.display_name.label("owner_name"),
            *figures,
        )
        .select_from(joined.outerjoin(st, st.c.id == c.c.store_id)
                     .outerjoin(u, u.c.id == c.c.owner_user_id))
    )


_ROWS = prepared.Prepared(_rows_statement)


def best_rows(link: prepared.DriverLink, text: str, first: int,
              today: date) -> list[dict[str, Any]]:
    """The list's rows of the best ``first`` live hits of a plain text search (no other
    filter, best match first), in that order: the hits and their rows in one statement
    (issue 13: a phone, plate or order number finds one customer, and a second
    statement cost more than the SQL). Fewer than ``first`` rows are every hit."""
    matched = search.match_params(text)
    if matched is None or first <= 0:
        return []
    values = dict(matched, first=first, since=since_12_months(today), today=today)
    return _best_rows(search.shape_of(matched)).dicts(link, values)


@functools.cache
def _best_rows(scan: search.Shape) -> prepared.Prepared:
    return prepared.Prepared(lambda: _best_rows_statement(scan))


def _best_rows_statement(scan: search.Shape) -> Select[Any]:
    hits = search.match_subquery(scan)
    ends = (hits.c.rank, hits.c.key_length, hits.c.customer_id)
    page = (select(*ends).where(hits.c.customer_id.not_in(_merged())).order_by(*ends)
            .limit(bindparam("first")).subquery("page"))
    # A page is a few rows: each one's figures read from its own index range.
    today = bindparam("today", type_=o.c.ordered_at.type)

    def of_orders(figure: Any) -> Any:
        return (select(figure).where(o.c.customer_id == c.c.id, o.c.ordered_at <= today)
                .correlate(c).scalar_subquery())

    def of_sheets(figure: Any) -> Any:
        return select(figure).where(sh.c.customer_id == c.c.id).correlate(c).scalar_subquery()

    first_at, last_at, revenue = _order_figures()
    open_sheets, last_complaint = _sheet_figures()
    figures = [
        of_orders(first_at).label("first_at"), of_orders(last_at).label("last_at"),
        of_orders(revenue).label("revenue_12m"),
        func.coalesce(of_sheets(open_sheets), 0).label("open_sheets"),
        of_sheets(last_complaint).label("last_complaint_at"),
    ]
    return (_row_select(page.join(c, c.c.id == page.c.customer_id), figures)
            .order_by(page.c.rank, page.c.key_length, page.c.customer_id))


@dataclass(frozen=True)
class ExportRecords:
    """The vehicles and orders of some customers as plain rows (issue 10's export).

    Attributes:
        merged: the customers merged away since they were listed (left out).
        vehicles: (customer_id, vin, plate, brand, model, mileage_km, purchase_date), by id.
        orders: (customer_id, number, kind, ordered_at, amount_cents, items), by date.
    """

    merged: frozenset[int]
    vehicles: list[tuple[Any, ...]]
    orders: list[tuple[Any, ...]]


def export_records(session: Session, ids: Sequence[int]) -> ExportRecords:
    """Three queries, no objects: an export of 20,000 customers must not load them."""
    wanted = list(ids)
    v = tables.vehicles
    merged = frozenset(session.scalars(
        select(c.c.id).where(c.c.id.in_(wanted), c.c.merged_into_id.is_not(None))))
    vehicles = [tuple(r) for r in session.execute(
        select(v.c.customer_id, v.c.vin, v.c.plate, v.c.brand, v.c.model, v.c.mileage_km,
               v.c.purchase_date).where(v.c.customer_id.in_(wanted)).order_by(v.c.id))]
    orders = [tuple(r) for r in session.execute(
        select(o.c.customer_id, o.c.number, o.c.kind, o.c.ordered_at, o.c.amount_cents,
               o.c["items"]).where(o.c.customer_id.in_(wanted))
        .order_by(o.c.ordered_at, o.c.id))]
    return ExportRecords(merged, vehicles, orders)


# ------------------------------------------------------------------ history
def timeline(session: Session, customer_id: int,
             limit: int | None = None) -> list[dict[str, Any]]:
    """Purchases, service visits, complaints and return visits of one customer,
    newest first — all of them unless ``limit`` (issue 15: the record's timeline
    never stops silently): ``at`` (date or datetime), ``kind`` (order kind, ``complaint`` or
    ``return_visit``), ``number``, ``amount_cents``, ``sheet_id``, ``satisfaction``,
    ``text``."""
    vi = tables.sheet_visits
    result: list[dict[str, Any]] = []
    orders = select(o.c.ordered_at, o.c.kind, o.c.number, o.c.amount_cents, o.c["items"]) \
        .where(o.c.customer_id == customer_id).order_by(o.c.ordered_at.desc()).limit(limit)
    for r in session.execute(orders):
        result.append({"at": r.ordered_at, "kind": str(r.kind), "number": r.number,
                       "amount_cents": r.amount_cents, "sheet_id": None,
                       "satisfaction": None, "text": r.items or ""})
    sheets = select(sh.c.id, sh.c.received_at, sh.c.number, sh.c.description) \
        .where(sh.c.customer_id == customer_id).order_by(sh.c.received_at.desc()).limit(limit)
    for s in session.execute(sheets):
        result.append({"at": s.received_at, "kind": "complaint", "number": s.number,
                       "amount_cents": None, "sheet_id": s.id, "satisfaction": None,
                       "text": s.description or ""})
    visits = (
        select(sh.c.id, vi.c.visited_at, sh.c.number, vi.c.satisfaction, vi.c.feedback)
        .join(sh, sh.c.id == vi.c.sheet_id).where(sh.c.customer_id == customer_id)
        .order_by(vi.c.visited_at.desc()).limit(limit)
    )
    for w in session.execute(visits):
        result.append({"at": w.visited_at, "kind": "return_visit", "number": w.number,
                       "amount_cents": None, "sheet_id": w.id,
                       "satisfaction": w.satisfaction, "text": w.feedback or ""})

    def key(entry: dict[str, Any]) -> datetime:
        at = entry["at"]
        return at if isinstance(at, datetime) else datetime.combine(at, datetime.min.time())

    result.sort(key=key, reverse=True)
    return result[:limit]


def open_sheets(session: Session, customer_id: int) -> list[dict[str, Any]]:
    stmt = (
        select(sh.c.id, sh.c.number, sh.c.state, sh.c.received_at, sh.c.category,
               sh.c.severity, sh.c.response_due_at, sh.c.resolution_due_at,
               sh.c.acknowledged_at, sh.c.resolved_at, sh.c.store_id,
               deadline_sql.open_wait_start(sh.c.id).label("waiting_since"))
        .where(sh.c.customer_id == customer_id, sh.c.state.in_(_OPEN))
        .order_by(sh.c.received_at)
    )
    return [dict(r._mapping) for r in session.execute(stmt)]


def sheet_counts(session: Session, customer_ids: Iterable[int]) -> dict[int, int]:
    ids = list(customer_ids)
    if not ids:
        return {}
    stmt = select(sh.c.customer_id, func.count()).where(sh.c.customer_id.in_(ids)) \
        .group_by(sh.c.customer_id)
    return {int(k): int(n) for k, n in session.execute(stmt)}


def live_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(c.c.merged_into_id.is_(None))) or 0)


def fingerprint(session: Session) -> tuple[Any, ...]:
    """What the cached classification depends on, in a few primary-key lookups: which
    database, the newest order and customer (orders are only ever added, never edited
    or deleted) and how many records were merged. Part of the services' cache key."""
    engine = session.get_bind().engine  # a Connection names its Engine; an Engine itself
    last_order = session.execute(
        select(o.c.id, o.c.customer_id, o.c.amount_cents, o.c.ordered_at)
        .where(o.c.id == select(func.max(o.c.id)).scalar_subquery())).first()
    last_customer = session.execute(
        select(c.c.id, c.c.name, c.c.created_at)
        .where(c.c.id == select(func.max(c.c.id)).scalar_subquery())).first()
    merged = session.scalar(select(func.count()).where(c.c.merged_into_id.is_not(None)))
    # The pool is shared by the engine and its read-only variant: one database, one key.
    return (id(engine.pool), str(engine.url), tuple(last_order or ()),
            tuple(last_customer or ()), merged)


class AnalyticsQueries:
    """The unit of work's door to this module (``uow.analytics``): the functions above,
    bound to the open session."""

    def __init__(self, link: prepared.SessionLink) -> None:
        self._link = link

    @property
    def session(self) -> Session:
        return self._link.session

    def pyramid_summary(self, today: date, store_id: int | None = None) -> list[dict[str, Any]]:
        return pyramid_summary(self.session, today, store_id)

    def rfm_summary(self, today: date, store_id: int | None = None) -> list[dict[str, Any]]:
        return rfm_summary(self.session, today, store_id)

    def lifecycle_summary(self, today: date, store_id: int | None = None) -> dict[str, int]:
        return lifecycle_summary(self.session, today, store_id)

    def class_figures(self, today: date) -> Iterator[tuple[Iterable[Any], ...]]:
        return class_figures(self.session, today)

    def customer_stats(self, today: date, customer_id: int) -> dict[str, Any]:
        return customer_stats(self.session, today, customer_id)

    def retention(self, start: date, end: date, store_id: int | None = None) -> dict[str, int]:
        return retention(self.session, start, end, store_id)

    def csat(self, start: datetime, end: datetime, store_id: int | None = None,
             ) -> dict[str, int]:
        return csat(self.session, start, end, store_id)

    def birthdays(self, month: int, store_id: int | None = None,
                  limit: int = 50_000) -> list[dict[str, Any]]:
        return birthdays(self.session, month, store_id, limit)

    def resolved_without_visit(self, store_id: int | None = None,
                               limit: int = 5000) -> list[dict[str, Any]]:
        return resolved_without_visit(self.session, store_id, limit)

    def recent_deliveries(self, windows: Sequence[tuple[int, date]], today: date,
                          limit: int = 5000) -> list[dict[str, Any]]:
        return recent_deliveries(self.session, windows, today, limit)

    def duplicate_groups(self, limit: int = 500) -> list[tuple[str, list[int], str]]:
        return duplicate_groups(self.session, limit)

    def list_ids(self, q: ListQuery, today: date) -> list[int]:
        return list_ids(self._link, q, today)

    def list_rows(self, ids: Sequence[int], today: date) -> list[dict[str, Any]]:
        return list_rows(self._link, ids, today)

    def best_rows(self, text: str, first: int, today: date) -> list[dict[str, Any]]:
        return best_rows(self._link, text, first, today)

    def export_records(self, ids: Sequence[int]) -> ExportRecords:
        return export_records(self.session, ids)

    def timeline(self, customer_id: int, limit: int | None = None) -> list[dict[str, Any]]:
        return timeline(self.session, customer_id, limit)

    def open_sheets(self, customer_id: int) -> list[dict[str, Any]]:
        return open_sheets(self.session, customer_id)

    def sheet_counts(self, customer_ids: Iterable[int]) -> dict[int, int]:
        return sheet_counts(self.session, customer_ids)

    def live_count(self) -> int:
        return live_count(self.session)

    def fingerprint(self) -> tuple[Any, ...]:
        return fingerprint(self.session)
