"""The customer lifecycle is one rule: ``domain.customers.lifecycle`` in Python and the
CASE that ``storage.analytics_queries`` generates from the same steps must agree on any
customer, on SQLite and PostgreSQL, at the boundary days too."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from helpdesk.domain.customers import (
    LIFECYCLE_RULES,
    CustomerKind,
    Lifecycle,
    OrderKind,
    lifecycle,
)
from helpdesk.services.analytics import as_date
from helpdesk.storage import analytics_queries, prepared, tables
from helpdesk.storage.database import Database
from tests.integration import databases


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


# Days before "today" at and around every threshold of the rule, plus anything else;
# negative offsets are orders dated after today (they do not count yet).
_BOUNDARIES = sorted({rule.within_days + k for rule in LIFECYCLE_RULES for k in (-1, 0, 1)}
                     | {-1, 0, 1})
_OFFSET = st.one_of(st.sampled_from(_BOUNDARIES), st.integers(min_value=-3, max_value=900))
_CUSTOMERS = st.lists(st.lists(_OFFSET, max_size=4), min_size=1, max_size=12)
_TODAY = st.dates(min_value=date(2021, 1, 1), max_value=date(2030, 12, 31))
_NUMBERS = itertools.count(1)


def test_the_boundaries_are_the_rules_own() -> None:
    assert {89, 90, 91, 364, 365, 366} <= set(_BOUNDARIES)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customers=_CUSTOMERS, today=_TODAY)
def test_sql_and_python_lifecycle_agree(any_db: Database, customers: list[list[int]],
                                        today: date) -> None:
    expected: dict[int, Lifecycle] = {}
    with any_db.engine.begin() as conn:
        conn.execute(delete(tables.orders))
        conn.execute(delete(tables.customers))
        for offsets in customers:
            cid = conn.execute(insert(tables.customers).values(
                name="周期", kind=CustomerKind.INDIVIDUAL.value, version=1)).inserted_primary_key[0]
            dates = [today - timedelta(days=days) for days in offsets]
            for day in dates:
                conn.execute(insert(tables.orders).values(
                    customer_id=cid, number=f"L{next(_NUMBERS)}",
                    kind=OrderKind.SERVICE.value, ordered_at=day, amount_cents=100))
            counted = [d for d in dates if d <= today]
            expected[cid] = lifecycle(min(counted, default=None), max(counted, default=None),
                                      today)

    with any_db.engine.connect() as conn:
        session = Session(bind=conn)
        stats = analytics_queries.stats_cte(today)
        case = analytics_queries.lifecycle_case(stats.c.first_at, stats.c.last_at, today)
        rows = session.execute(
            select(tables.customers.c.id, case)
            .select_from(tables.customers)
            .outerjoin(stats, stats.c.customer_id == tables.customers.c.id))
        in_sql = {cid: Lifecycle(stage) for cid, stage in rows}
        at = analytics_queries.FIGURE_COLUMNS.index("lifecycle")
        classified = {cid: Lifecycle(stage) for chunk in
                      analytics_queries.class_figures(session, today)
                      for cid, stage in zip(chunk[0], chunk[at], strict=True)}
        summary = analytics_queries.lifecycle_summary(session, today)
        # The customer list's path: first/last purchase from SQL, the stage from Python.
        listed = {r["id"]: lifecycle(as_date(r["first_at"]), as_date(r["last_at"]), today)
                  for r in analytics_queries.list_rows(prepared.link_of(session), list(expected),
                                                             today)}
        session.close()

    assert in_sql == expected
    assert classified == {cid: s for cid, s in expected.items() if s is not Lifecycle.PROSPECT}
    assert listed == expected
    counts = Counter(expected.values())
    assert summary == {stage.value: counts.get(stage, 0) for stage in Lifecycle}
