"""The deadline rule in SQL says what the domain says, on SQLite and PostgreSQL.

Generated sheets (every state, open and finished waits, reopened ones, deadlines a
second either side of ``now``, of the end of the day and of the wait's start) are
written in one transaction per example; then each SQL path — the Overdue and
Due-today filters of the complaint list, the paused condition, the wait start of the
list rows and the customer record, and the monthly report's overdue condition at a
cut-off — must pick exactly the sheets that :func:`deadlines.sheet_deadlines` picks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from helpdesk.domain import deadlines
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.storage import (
    analytics_queries,
    deadline_sql,
    prepared,
    report_queries,
    sheet_queries,
    tables,
)
from helpdesk.storage.database import Database
from tests.conftest import staff_store
from tests.integration import databases

NOW = datetime(2026, 3, 10, 14, 0)
END_OF_DAY = deadlines.end_of_day(NOW) - NOW
SEC = timedelta(seconds=1)

# Offsets that sit on the rule's edges, plus anything within a few days.
EDGES = [timedelta(0), SEC, -SEC, timedelta(microseconds=1), -timedelta(microseconds=1),
         timedelta(minutes=10), timedelta(hours=1), -timedelta(hours=1), END_OF_DAY,
         END_OF_DAY + timedelta(microseconds=1), timedelta(days=1), -timedelta(days=2)]
offsets = st.one_of(st.sampled_from(EDGES),
                    st.integers(-5 * 86400, 5 * 86400).map(lambda s: timedelta(seconds=s)))
# Where the open wait begins, from its deadline: mostly right on the edge.
wait_offsets = st.one_of(st.sampled_from(EDGES[:5]), offsets)


def maybe(values: st.SearchStrategy[datetime]) -> st.SearchStrategy[datetime | None]:
    """Mostly a value, sometimes none (no deadline, not acknowledged)."""
    return st.one_of(values, values, values, st.none())


@dataclass(frozen=True)
class GenSheet:
    state: SheetState
    response_due_at: datetime | None
    resolution_due_at: datetime | None
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    pauses: tuple[tuple[datetime, datetime | None], ...]

    def judged(self) -> deadlines.SheetDeadlines:
        return deadlines.sheet_deadlines(
            self.state, response_due_at=self.response_due_at,
            resolution_due_at=self.resolution_due_at, acknowledged_at=self.acknowledged_at,
            resolved_at=self.resolved_at,
            waiting_since=deadlines.open_wait_start(self.pauses), now=NOW)


@st.composite
def sheets(draw: st.DrawFn) -> GenSheet:
    # Waiting twice as often: it is where the rule is subtle.
    state = draw(st.sampled_from([*SheetState, SheetState.WAITING]))
    response = draw(maybe(offsets.map(lambda o: NOW + o)))
    resolution = draw(maybe(offsets.map(lambda o: NOW + o)))
    acknowledged = None if state is SheetState.REGISTERED else draw(
        maybe(offsets.map(lambda o: NOW - abs(o))))
    resolved = draw(maybe(offsets.map(lambda o: NOW - abs(o)))) \
        if state in (SheetState.RESOLVED, SheetState.VISITED, SheetState.CLOSED) else None
    # Finished waits (a reopened sheet has some) end before now.
    pauses = [(NOW - timedelta(days=6) + timedelta(hours=h), NOW - timedelta(days=5, hours=-h))
              for h in range(draw(st.integers(0, 2)))]
    # The open wait (usually while waiting, sometimes left over): around the deadline.
    open_count = draw(st.sampled_from([0, 1, 1, 1, 1, 1, 2])) \
        if state is SheetState.WAITING else draw(st.sampled_from([0, 0, 0, 1]))
    anchor = resolution if resolution is not None and resolution <= NOW \
        else NOW - timedelta(days=1)
    for _ in range(open_count):
        start = min(anchor + draw(wait_offsets), NOW)  # a wait never starts in the future
        pauses.append((start, None))
    return GenSheet(state, response, resolution, acknowledged, resolved, tuple(pauses))


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def store(any_db: Database) -> tuple[Database, int]:
    return any_db, staff_store(any_db).store_id


def _insert(conn: Connection, store_id: int, generated: list[GenSheet]) -> list[int]:
    customer = conn.execute(insert(tables.customers).values(
        name="x", kind="individual", store_id=store_id, version=1)).inserted_primary_key[0]
    ids = []
    for n, g in enumerate(generated):
        sheet_id = conn.execute(insert(tables.sheets).values(
            number=f"TS-2026-{n:06d}", store_id=store_id, received_at=NOW - timedelta(days=9),
            channel="reception", severity="general", category="other", customer_id=customer,
            state=g.state.value, version=1, response_due_at=g.response_due_at,
            resolution_due_at=g.resolution_due_at, acknowledged_at=g.acknowledged_at,
            resolved_at=g.resolved_at)).inserted_primary_key[0]
        for start, end in g.pauses:
            conn.execute(insert(tables.sheet_pauses).values(
                sheet_id=sheet_id, started_at=start, ended_at=end))
        ids.append(int(sheet_id))
    return ids


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(generated=st.lists(sheets(), min_size=10, max_size=40))
def test_every_sql_path_agrees_with_the_domain_rule(store: tuple[Database, int],
                                                    generated: list[GenSheet]) -> None:
    db, store_id = store
    with db.engine.connect() as conn:
        outer = conn.begin()
        try:
            ids = _insert(conn, store_id, generated)
            judged = dict(zip(ids, (g.judged() for g in generated), strict=True))
            session = Session(bind=conn)

            def listed(due: DueFilter) -> set[int]:
                return set(sheet_queries.search_ids(session, SheetFilter(due=due), NOW))

            s = tables.sheets
            cols = deadline_sql.sheet_columns()
            paused = {r[0] for r in conn.execute(
                select(s.c.id).where(deadline_sql.paused(cols, NOW)))}
            assert listed(DueFilter.OVERDUE) == {i for i, j in judged.items() if j.overdue}
            assert listed(DueFilter.DUE_TODAY) == {i for i, j in judged.items() if j.due_today}
            assert paused == {i for i, j in judged.items() if j.paused}

            # The list rows and the customer record read the wait start the domain reads.
            starts = {i: deadlines.open_wait_start(g.pauses) for i, g in zip(ids, generated,
                                                                             strict=True)}
            rows = sheet_queries.rows(prepared.link_of(session), ids)
            assert {r["id"]: r["waiting_since"] for r in rows} == starts
            customer = conn.execute(
                select(s.c.customer_id).where(s.c.id == ids[0])).scalar_one()
            open_rows = analytics_queries.open_sheets(session, customer)
            assert {r["id"]: r["waiting_since"] for r in open_rows} == {
                i: starts[i] for i, g in zip(ids, generated, strict=True)
                if g.state is not SheetState.CLOSED}

            # The monthly report at a cut-off of NOW, with each sheet's state as stored;
            # its state is the last transition *before* the cut-off, so are its waits.
            before = {i: deadlines.sheet_deadlines(
                g.state, response_due_at=g.response_due_at,
                resolution_due_at=g.resolution_due_at, acknowledged_at=g.acknowledged_at,
                resolved_at=g.resolved_at, now=NOW,
                waiting_since=deadlines.open_wait_start(p for p in g.pauses if p[0] < NOW))
                for i, g in zip(ids, generated, strict=True)}
            sub = select(s.c.id, s.c.state, s.c.response_due_at, s.c.resolution_due_at,
                         deadline_sql.open_wait_start(s.c.id, NOW).label("waiting_since")
                         ).subquery()
            reported = {r[0] for r in conn.execute(select(sub.c.id).where(
                report_queries._overdue_at(sub.c.state, sub.c.waiting_since, sub.c.response_due_at,
                                           sub.c.resolution_due_at, NOW)))}
            assert reported == {i for i, j in before.items() if j.overdue}
            session.close()
        finally:
            outer.rollback()


# ---------------------------------------------------------------- issue 11
EVERY = timedelta(hours=24)
update_offsets = st.one_of(st.sampled_from([EVERY, EVERY + timedelta(microseconds=1),
                                            EVERY - timedelta(microseconds=1), EVERY + SEC,
                                            EVERY - SEC, timedelta(0)]),
                           st.integers(0, 3 * 86400).map(lambda s: timedelta(seconds=s)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(generated=st.lists(st.tuples(
    st.sampled_from(list(SheetState)), update_offsets,
    st.lists(st.tuples(update_offsets, st.booleans()), max_size=3)), min_size=5, max_size=25))
def test_the_progress_update_filter_agrees_with_the_domain_rule(
        store: tuple[Database, int],
        generated: list[tuple[SheetState, timedelta, list[tuple[timedelta, bool]]]]) -> None:
    """The "customer update due" filter (CRM preset) picks what the domain rule picks,
    right at the 24 h boundary too."""
    db, store_id = store
    with db.engine.connect() as conn:
        outer = conn.begin()
        try:
            customer = conn.execute(insert(tables.customers).values(
                name="x", kind="individual", store_id=store_id, version=1)
            ).inserted_primary_key[0]
            expected = set()
            for n, (state, received_ago, notes) in enumerate(generated):
                received = NOW - received_ago
                sheet_id = conn.execute(insert(tables.sheets).values(
                    number=f"TS-2026-{n:06d}", store_id=store_id, received_at=received,
                    channel="reception", severity="general", category="other",
                    customer_id=customer, state=state.value, version=1)
                ).inserted_primary_key[0]
                for ago, told in notes:
                    conn.execute(insert(tables.sheet_progress).values(
                        sheet_id=sheet_id, at=NOW - min(ago, received_ago), by_id=None,
                        text="x", customer_notified=told))
                told_at = [NOW - min(ago, received_ago) for ago, told in notes if told]
                if deadlines.progress_update_overdue(
                        state, every=EVERY, received_at=received,
                        last_notified_at=max(told_at) if told_at else None, now=NOW):
                    expected.add(int(sheet_id))
            session = Session(bind=conn)
            found = set(sheet_queries.search_ids(session, SheetFilter(
                due=DueFilter.UPDATE_DUE, progress_update_every=((store_id, EVERY),)),
                NOW))
            assert found == expected
            session.close()
        finally:
            outer.rollback()
