"""The deadline rule of :mod:`helpdesk.domain.deadlines`, written as SQL conditions.

Lists, filters, counts, the customer record and the monthly report ask the database
"overdue? paused? due today?" with these expressions, so they answer exactly as
:func:`~helpdesk.domain.deadlines.sheet_deadlines` does; ``tests/integration/
test_deadline_sql.py`` checks that over generated sheets on SQLite and PostgreSQL.
Change the rule there first, then here.

The start of the open wait is read from ``sheet_pauses`` by a correlated subquery (an
index probe on ``sheet_id``), so no column had to be added to ``sheets``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, DateTime, and_, func, literal, or_, select

from helpdesk.domain import deadlines
from helpdesk.domain.enums import SheetState
from helpdesk.storage import tables

_p = tables.sheet_pauses
_RESOLUTION_RUNS = [st.value for st in deadlines.RESOLUTION_RUNS]


@dataclass(frozen=True)
class DeadlineColumns:
    """Where a query finds what the rule reads (columns of ``sheets`` or of a subquery).

    Attributes:
        state: the workflow state (at the instant judged).
        response_due_at: the stored response deadline.
        resolution_due_at: the stored resolution deadline.
        acknowledged_at: the response time; ``None`` where the state alone says it was
            not acknowledged yet (a report's state at a cut-off).
        waiting_since: start of the open wait (:func:`open_wait_start`).
    """

    state: ColumnElement[Any]
    response_due_at: ColumnElement[Any]
    resolution_due_at: ColumnElement[Any]
    acknowledged_at: ColumnElement[Any] | None
    waiting_since: ColumnElement[Any]


def open_wait_start(sheet_id: ColumnElement[Any], as_of: datetime | None = None
                    ) -> ColumnElement[Any]:
    """The start of the sheet's open wait (latest open pause), or NULL.

    Args:
        sheet_id: the sheet's id column, correlated from the enclosing query.
        as_of: judge at this past instant instead of now: a pause counts as open if it
            began before it and had not ended before it (the report's cut-off, whose
            state is the last transition *before* it).
    """
    if as_of is None:
        is_open: ColumnElement[bool] = _p.c.ended_at.is_(None)
    else:
        is_open = and_(_p.c.started_at < as_of,
                       or_(_p.c.ended_at.is_(None), _p.c.ended_at >= as_of))
    return (select(func.max(_p.c.started_at))
            .where(_p.c.sheet_id == sheet_id, is_open)
            .correlate_except(_p)
            .scalar_subquery())


def sheet_columns(as_of: datetime | None = None) -> DeadlineColumns:
    """The rule's inputs on the ``sheets`` table itself."""
    s = tables.sheets
    return DeadlineColumns(s.c.state, s.c.response_due_at, s.c.resolution_due_at,
                           s.c.acknowledged_at, open_wait_start(s.c.id, as_of))


def _at(when: datetime) -> ColumnElement[Any]:
    return literal(when, DateTime())


def _response_runs(c: DeadlineColumns) -> ColumnElement[bool]:
    registered = c.state == SheetState.REGISTERED.value
    return registered if c.acknowledged_at is None else \
        and_(registered, c.acknowledged_at.is_(None))


def _wait_start(c: DeadlineColumns, now: datetime) -> ColumnElement[Any]:
    # A waiting sheet without an open pause (old imported data) stopped "now".
    return func.coalesce(c.waiting_since, _at(now))


def _waiting_overdue(c: DeadlineColumns, now: datetime) -> ColumnElement[bool]:
    return and_(c.state == SheetState.WAITING.value,
                c.resolution_due_at < _wait_start(c, now))


def overdue(c: DeadlineColumns, now: datetime) -> ColumnElement[bool]:
    """:attr:`SheetDeadlines.overdue` at ``now``."""
    return or_(
        and_(_response_runs(c), c.response_due_at < _at(now)),
        and_(c.state.in_(_RESOLUTION_RUNS), c.resolution_due_at < _at(now)),
        _waiting_overdue(c, now),
    )


def paused(c: DeadlineColumns, now: datetime) -> ColumnElement[bool]:
    """:attr:`SheetDeadlines.paused` at ``now``."""
    return and_(c.state == SheetState.WAITING.value,
                c.resolution_due_at >= _wait_start(c, now))


def due_today(c: DeadlineColumns, now: datetime) -> ColumnElement[bool]:
    """:attr:`SheetDeadlines.due_today` at ``now``."""
    end = _at(deadlines.end_of_day(now))
    return or_(
        and_(_response_runs(c), c.response_due_at <= end),
        and_(c.state.in_(_RESOLUTION_RUNS), c.resolution_due_at <= end),
        _waiting_overdue(c, now),
    )



# issue 11: the CRM preset's progress update (domain.deadlines.progress_update_overdue)
def last_notified_at(sheet_id: ColumnElement[Any]) -> ColumnElement[Any]:
    """The latest progress note marked "customer told", correlated to the sheet."""
    p = tables.sheet_progress
    return (select(func.max(p.c.at))
            .where(p.c.sheet_id == sheet_id, p.c.customer_notified.is_(True))
            .correlate(tables.sheets).scalar_subquery())


def progress_update_overdue(every_by_store: Sequence[tuple[int, timedelta]],
                            now: datetime) -> ColumnElement[bool]:
    """Sheets whose customer is owed a progress update at ``now``; ``every_by_store``:
    each store's ``progress_update_every`` (stores without one are left out)."""
    s = tables.sheets
    states = [st.value for st in deadlines.PROGRESS_UPDATE_STATES]
    last = func.coalesce(last_notified_at(s.c.id), s.c.received_at)
    per_store = [and_(s.c.store_id == store_id, last < literal(now - every, DateTime()))
                 for store_id, every in every_by_store]
    if not per_store:
        return literal(False)
    return and_(s.c.state.in_(states), or_(*per_store))
