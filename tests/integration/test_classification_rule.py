"""The pyramid and RFM rules are one rule (issue 13): the SQL that
``storage.analytics_queries`` builds from ``domain.classification`` (window functions:
the per-store summaries) and ``domain.classification.classify`` in Python (the cached
classification of every customer) give every customer the same segment, rank, scores and
class — with ties, merged records, prospects and orders after today — on SQLite and
PostgreSQL; and the summaries grouped from either agree."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from helpdesk.domain.customers import ACTIVE_DAYS, CustomerKind, OrderKind
from helpdesk.services import analytics
from helpdesk.storage import analytics_queries, tables
from helpdesk.storage.database import Database
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


# Days before today: around the 12-month edge, a few shared days (ties in recency), and
# orders after today (they do not count yet). Few amounts, so revenues tie too.
_DAYS = st.one_of(st.sampled_from([ACTIVE_DAYS - 1, ACTIVE_DAYS, ACTIVE_DAYS + 1, 0, 10, -2]),
                  st.integers(min_value=-3, max_value=1200))
_AMOUNT = st.one_of(st.sampled_from([0, 100, 500]), st.integers(min_value=0, max_value=10**9))
_CUSTOMER = st.tuples(st.lists(st.tuples(_DAYS, _AMOUNT), max_size=5), st.booleans())
_CUSTOMERS = st.lists(_CUSTOMER, min_size=1, max_size=30)
_TODAY = st.dates(min_value=date(2021, 1, 1), max_value=date(2030, 12, 31))
_NUMBERS = itertools.count(1)


def _load(db: Database, customers: list[tuple[list[tuple[int, int]], bool]],
          today: date) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(tables.orders))
        conn.execute(update(tables.customers).values(merged_into_id=None))
        conn.execute(delete(tables.customers))
        first = None
        for orders, merged in customers:
            cid = conn.execute(insert(tables.customers).values(
                name="分级", kind=CustomerKind.INDIVIDUAL.value, version=1)
            ).inserted_primary_key[0]
            first = first or cid
            for days, amount in orders:
                conn.execute(insert(tables.orders).values(
                    customer_id=cid, number=f"C{next(_NUMBERS)}", kind=OrderKind.SERVICE.value,
                    ordered_at=today - timedelta(days=days), amount_cents=amount))
            if merged and cid != first:  # merged away: counted nowhere
                conn.execute(update(tables.customers).where(tables.customers.c.id == cid)
                             .values(merged_into_id=first))


def _in_sql(session: Session, today: date) -> dict[int, tuple[object, ...]]:
    stats = analytics_queries.stats_cte(today)
    pyramid = analytics_queries.pyramid_cte(stats, today, None)
    rfm = analytics_queries.rfm_cte(stats, None)
    rows = session.execute(
        select(rfm.c.customer_id, pyramid.c.segment, pyramid.c.rn, rfm.c.r, rfm.c.f, rfm.c.m,
               rfm.c.rfm_class)
        .select_from(rfm).outerjoin(pyramid, pyramid.c.customer_id == rfm.c.customer_id))
    return {cid: (seg or "inactive", rn, r, f, m, klass)
            for cid, seg, rn, r, f, m, klass in rows}


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customers=_CUSTOMERS, today=_TODAY)
def test_sql_and_python_classification_agree(
        any_db: Database, customers: list[tuple[list[tuple[int, int]], bool]],
        today: date) -> None:
    _load(any_db, customers, today)
    with any_db.engine.connect() as conn:
        session = Session(bind=conn)
        in_sql = _in_sql(session, today)
        pyramid = analytics_queries.pyramid_summary(session, today)
        rfm = analytics_queries.rfm_summary(session, today)
        life = analytics_queries.lifecycle_summary(session, today)
        session.close()
    analytics.clear_cache()
    uow = any_db.uow()
    with uow.reading():
        cls = analytics.classification(uow, today)
        live = uow.analytics.live_count()
    in_python = {cid: (row[0].value, row[1], row[2], row[3], row[4], row[5].value)
                 for cid, row in cls.rows.items()}

    assert in_python == in_sql
    assert cls.active == sum(1 for row in in_sql.values() if row[1] is not None)
    assert analytics._summaries(cls, live) == (pyramid, rfm, life)
