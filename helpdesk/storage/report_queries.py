"""The SQL of the monthly complaint analysis report (``helpdesk.reports.monthly``).

Every figure is one SQL aggregate over ``helpdesk.storage.tables`` (SQLAlchemy Core): no
loop in Python ever walks the sheets, so a month of 10,000 sheets costs a few dozen
indexed queries. The SQL is the same on SQLite and PostgreSQL, and so are the figures:
no database-specific date functions, no floating-point averages, and ties in every
``ORDER BY … LIMIT`` broken by ids, never by text (collations differ). The definitions
of the figures are in ``helpdesk.reports.monthly``; the rows come back as the frozen
dataclasses below, which the report assembles and prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    and_,
    case,
    func,
    literal,
    not_,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from helpdesk.domain.complaints import Effectiveness, SheetState, elapsed_minutes
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.months import add_months
from helpdesk.domain.months import midnight as _at
from helpdesk.storage import deadline_sql, tables
from helpdesk.storage.field_history import (
    TRACKED,
    changed_ids,
    changed_since,
    ids_where_then,
    value_at,
)

OVERDUE_LIST_LIMIT = 20
TOP_GROUPS = 8
TOP_CAUSES = 3
REPEAT_WINDOW = timedelta(days=90)
_s = tables.sheets
_t = tables.sheet_transitions
_v = tables.sheet_visits
_a = tables.sheet_actions
_u = tables.users
_c = tables.customers
_h = tables.sheet_field_history

_NOT_CLOSED_ORDER = (SheetState.REGISTERED, SheetState.ACKNOWLEDGED, SheetState.IN_PROGRESS,
                     SheetState.WAITING, SheetState.RESOLVED, SheetState.VISITED)


# ---------------------------------------------------------------------- values
@dataclass(frozen=True)
class Rate:
    """An on-time figure: ``on_time`` of ``eligible`` sheets."""

    eligible: int
    on_time: int

    @property
    def late(self) -> int:
        return self.eligible - self.on_time

    @property
    def rate(self) -> float | None:
        return self.on_time / self.eligible if self.eligible else None


@dataclass(frozen=True)
class Durations:
    """Median and 90th percentile (nearest rank) of ``count`` elapsed times, minutes."""

    count: int
    median: int | None
    p90: int | None


@dataclass(frozen=True)
class StateCount:
    """Sheets in one state at the cut-off (not closed)."""

    state: SheetState
    count: int
    overdue: int
    from_month: int


@dataclass(frozen=True)
class OverdueSheet:
    number: str
    received_at: datetime
    severity: Severity
    category: str
    state: SheetState
    responsible_name: str
    step: str  # "response" or "resolution"
    due_at: datetime


@dataclass(frozen=True)
class RepeatCustomer:
    customer_id: int
    name: str
    in_month: int
    in_window: int
    last_received_at: datetime


@dataclass(frozen=True)
class RootCauseGroup:
    category: str
    area: str  # "" = not assigned yet
    count: int
    analysed: int
    causes: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ActionRow:
    sheet_number: str
    description: str
    owner_name: str
    due_date: date | None
    created_at: datetime
    done: bool
    effectiveness: Effectiveness
    overdue: bool


@dataclass(frozen=True)
class ActionSummary:
    """This month's actions, and older ones still overdue (``carried_overdue``)."""

    total: int
    effective: int
    not_effective: int
    overdue: int
    carried_overdue: int = 0

    @property
    def pending(self) -> int:
        return self.total - self.effective - self.not_effective


@dataclass(frozen=True)
class MajorComplaint:
    number: str
    received_at: datetime
    customer_name: str
    channel: Channel
    category: str
    description: str
    area: str
    responsible_name: str
    state: SheetState
    resolved_on_time: bool | None  # None: not resolved and still within the deadline
    escalated_to_oem: bool
    correction: str


# ---------------------------------------------------------------------- queries
def nearest_rank(ordered: Sequence[int], percent: int) -> int | None:
    """The ⌈p·N⌉-th of ``ordered`` (ascending), or ``None`` when empty."""
    if not ordered:
        return None
    return ordered[max((percent * len(ordered) + 99) // 100 - 1, 0)]


def _sum(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _overdue_at(state: Any, waiting_since: Any, response_due: Any, resolution_due: Any,
                cutoff: datetime) -> ColumnElement[bool]:
    """Overdue at the cut-off by the one deadline rule (``storage.deadline_sql``), with
    the deadlines that stood then; the state at the cut-off says whether the response
    was still outstanding."""
    return deadline_sql.overdue(deadline_sql.DeadlineColumns(
        state, response_due, resolution_due, None, waiting_since), cutoff)


def _state_at(cutoff: datetime) -> ColumnElement[Any]:
    """The sheet's state at ``cutoff``: the target of its last transition before it.

    A sheet closed now whose ``closed_at`` is before the cut-off was closed at it
    without looking: its close is its last transition (a reopen clears ``closed_at``, a
    new close sets it again). CASE is lazy, so the history is read only for the others."""
    last = (
        select(_t.c.to_state)
        .where(_t.c.sheet_id == _s.c.id, _t.c.at < cutoff)
        .order_by(_t.c.at.desc(), _t.c.id.desc())
        .limit(1)
        .correlate(_s)
        .scalar_subquery()
    )
    closed = literal(SheetState.CLOSED.value, _s.c.state.type)
    return case(
        (and_(_s.c.state == SheetState.CLOSED.value, _s.c.closed_at.is_not(None),
              _s.c.closed_at < cutoff), closed),
        else_=func.coalesce(last, literal(SheetState.REGISTERED.value, _s.c.state.type)))


def _wait_start_if_waiting(state: ColumnElement[Any], sheet_id: ColumnElement[Any],
                           cutoff: datetime) -> ColumnElement[Any]:
    """The open wait's start at ``cutoff`` (``deadline_sql.open_wait_start``) of a sheet
    waiting then, else NULL — the deadline rule reads it only for those; CASE is lazy,
    so the pauses are not looked up for the others."""
    return case((state == SheetState.WAITING.value,
                 deadline_sql.open_wait_start(sheet_id, cutoff)), else_=None)


def _maybe_open_at(received_before: datetime, cutoff: datetime,
                   *more: Any) -> ColumnElement[bool]:
    """A superset of the sheets received before ``received_before`` that were not
    closed at ``cutoff``, selected through the (closed_at, received_at) index: a sheet not
    closed now has no ``closed_at`` (a reopen clears it), and one closed now but not at
    the cut-off was closed (last) after it; the state at the cut-off then decides.
    Written as two index searches (``state != 'closed' OR …`` read every sheet); ``more``:
    further selects of ids to add (the sheets whose received time changed since)."""
    received = _s.c.received_at < received_before
    # After a range of closed_at the index's received_at can only filter, never seek; so
    # the received time is tested through COALESCE (it is never NULL), which keeps SQLite
    # from reading the whole range of received times of a covering index instead.
    received_filter = func.coalesce(_s.c.received_at, received_before) < received_before
    candidates = union_all(
        select(_s.c.id).where(_s.c.closed_at.is_(None), received),
        select(_s.c.id).where(_s.c.closed_at >= cutoff, received_filter),
        *more,
    )
    return _s.c.id.in_(candidates)


_RESOLVED_STATES = (SheetState.RESOLVED.value, SheetState.VISITED.value,
                    SheetState.CLOSED.value)


def _resolved_at(cutoff: datetime) -> ColumnElement[Any]:
    """When the sheet was resolved as it stood at ``cutoff``, or NULL if it was not.

    A stored ``resolved_at`` before the cut-off proves it (a reopen clears the column, a
    new resolution sets it later). Otherwise — never resolved, reopened since, or
    resolved again after the cut-off — the workflow history answers: resolved at the
    cut-off if its state then was resolved, visited or closed, at the last resolution
    before it. CASE is lazy, so the history is read only for those few sheets."""
    last_resolve = (
        select(func.max(_t.c.at))
        .where(_t.c.sheet_id == _s.c.id, _t.c.action == "resolve", _t.c.at < cutoff)
        .correlate(_s)
        .scalar_subquery()
    )
    return case(
        (and_(_s.c.resolved_at.is_not(None), _s.c.resolved_at < cutoff), _s.c.resolved_at),
        (_state_at(cutoff).in_(_RESOLVED_STATES), last_resolve),
        else_=None,
    )


def _resolved_on_time(resolved_at: ColumnElement[Any], due: ColumnElement[Any]
                      ) -> ColumnElement[bool]:
    """Resolved by the cut-off within the deadline that stood then (``due``), as
    ``Sheet.resolve`` judges it."""
    return and_(resolved_at.is_not(None), due.is_not(None), resolved_at <= due)


def _windows(ranks: Sequence[int], stored: int, extra: int) -> list[tuple[int, int]]:
    """For each rank k (1-based) of ``stored + extra`` values, the ranks of the stored
    values that can be the k-th of all: ``max(1, k - extra) … min(k, stored)`` (fewer
    than k − extra stored values cannot reach it, more than k come after it)."""
    return [(max(1, k - extra), min(k, stored)) for k in ranks]


def pick_ranks(ranks: Sequence[int], stored: int, window_values: Sequence[Sequence[int]],
               extra: Sequence[int]) -> list[int]:
    """The k-th smallest (1-based) of the ``stored`` values and ``extra`` together, for
    each k of ``ranks``, from the stored values at the ranks of :func:`_windows`
    (``window_values``, one ascending list per rank) and all of ``extra``."""
    picked = []
    for k, (low, _), window in zip(ranks, _windows(ranks, stored, len(extra)),
                                   window_values, strict=True):
        merged = sorted([*window, *extra])
        picked.append(merged[k - low])
    return picked


def _ranked(conn: Connection, minutes: ColumnElement[Any], where: Sequence[Any],
            stored: int, extra: Sequence[int], ranks: Sequence[int]) -> list[int]:
    """The values at ``ranks`` of ``minutes`` over the rows ``where`` (``stored`` of
    them) together with ``extra``: one query numbers the rows in order and returns only
    those within each rank's window."""
    windows = _windows(ranks, stored, len(extra))
    numbered = (select(minutes.label("m"),
                       func.row_number().over(order_by=minutes).label("r"))
                .where(*where).subquery("numbered"))
    wanted = [numbered.c.r.between(low, high) for low, high in windows if low <= high]
    rows = [] if not wanted else [
        (int(r), int(m)) for m, r in conn.execute(
            select(numbered.c.m, numbered.c.r).where(or_(*wanted)).order_by(numbered.c.r))]
    window_values = [[m for r, m in rows if low <= r <= high] for low, high in windows]
    return pick_ranks(ranks, stored, window_values, extra)


class MonthlyQueries:
    """The report's queries for one store (or all) on one connection, as of ``now``."""

    def __init__(self, conn: Connection, store_id: int | None, now: datetime,
                 list_limit: int | None) -> None:
        self.conn = conn
        self.store_id = store_id
        self.now = now
        self.limit = list_limit
        self._changed: dict[tuple[str, datetime], bool] = {}
        self._moved_in: dict[tuple[datetime, datetime, datetime], bool] = {}
        self._repeats: dict[date, tuple[tuple[int, int], tuple[RepeatCustomer, ...]]] = {}

    # -- helpers
    def _then(self, name: str, cutoff: datetime) -> ColumnElement[Any]:
        """The ``sheets`` column ``name`` as it stood at ``cutoff``: the stored column
        itself when no sheet's ``name`` has changed since (one index probe, asked once
        per field and cut-off), so the usual case reads exactly as before."""
        key = (name, cutoff)
        if key not in self._changed:
            self._changed[key] = changed_since(self.conn, name, cutoff)
        return value_at(name, cutoff) if self._changed[key] else _s.c[name]

    def _moved(self, cutoff: datetime) -> bool:
        """Whether any sheet's received time was corrected at or after ``cutoff``."""
        self._then("received_at", cutoff)
        return self._changed[("received_at", cutoff)]

    def _store(self) -> list[ColumnElement[bool]]:
        return [_s.c.store_id == self.store_id] if self.store_id is not None else []

    def _received_ids(self, low: datetime, high: datetime, cutoff: datetime) -> list[Any]:
        """Selects of the ids of the sheets (of the store) received in [low, high) as at
        ``cutoff``, for a UNION ALL: the stored time's index range when no received time
        was corrected since; else that range less the corrected sheets, and those whose
        time then was in it (``field_history.ids_where_then``)."""
        if not self._moved(cutoff):
            return [select(_s.c.id).where(_s.c.received_at >= low, _s.c.received_at < high,
                                          *self._store())]
        return ids_where_then("received_at", cutoff,
                              lambda column: and_(column >= low, column < high),
                              *self._store())

    def _received_in(self, low: datetime, high: datetime,
                     cutoff: datetime) -> list[ColumnElement[bool]]:
        """The sheets received in [low, high) as at ``cutoff`` (a correction made later
        does not move a sheet out of, or into, a month already over).

        The stored time's range stays the condition the indexes serve (covering ones
        included): less the sheets corrected since, a filter on the ids those indexes
        hold. Only when a sheet corrected since had its time then in the range (one
        probe of the history, asked once per range) are those added to it."""
        stored = [_s.c.received_at >= low, _s.c.received_at < high]
        if not self._moved(cutoff):
            return [*stored, *self._store()]
        unchanged = [*stored, not_(_s.c.id.in_(changed_ids("received_at", cutoff)))]
        then_in = ids_where_then("received_at", cutoff,
                                 lambda column: and_(column >= low, column < high))[1]
        key = (low, high, cutoff)
        if key not in self._moved_in:
            self._moved_in[key] = self.conn.execute(then_in.limit(1)).first() is not None
        if not self._moved_in[key]:
            return [*unchanged, *self._store()]
        return [or_(and_(*unchanged), _s.c.id.in_(then_in)), *self._store()]

    def _received(self, start: datetime, cutoff: datetime) -> list[ColumnElement[bool]]:
        """The sheets received in the month [start, cutoff) as at its cut-off."""
        return self._received_in(start, cutoff, cutoff)

    def _maybe_open(self, received_before: datetime, cutoff: datetime,
                    received_cut: datetime) -> ColumnElement[bool]:
        """:func:`_maybe_open_at` with the sheets whose received time changed at or after
        ``received_cut`` added: a superset; the received time then decides."""
        more = [changed_ids("received_at", received_cut)] if self._moved(received_cut) else []
        return _maybe_open_at(received_before, cutoff, *more)

    def _received_before(self, instant: datetime, cutoff: datetime) -> ColumnElement[bool]:
        """Received before ``instant`` as at ``cutoff`` (for a superset's rows)."""
        return self._then("received_at", cutoff) < instant

    def _gate(self, condition: ColumnElement[bool], cutoff: datetime
              ) -> list[ColumnElement[bool]]:
        """``condition`` when a received time changed since ``cutoff``; else nothing (the
        stored time already chose the rows)."""
        return [condition] if self._moved(cutoff) else []

    def _limited(self, stmt: Any, limit: int | None) -> Any:
        return stmt.limit(limit) if limit is not None else stmt

    def cutoff(self, month: date) -> datetime:
        return min(_at(add_months(month, 1)), self.now)

    # -- one month's counts and on-time rates
    def core(self, month: date) -> tuple[int, int, Rate, Rate, int, int]:
        start, cutoff = _at(month), self.cutoff(month)
        sub = (
            select(self._then("severity", cutoff).label("severity"), _s.c.acknowledged_at,
                   self._then("response_due_at", cutoff).label("response_due_at"),
                   _s.c.response_minutes,
                   self._then("resolution_due_at", cutoff).label("resolution_due_at"),
                   _resolved_at(cutoff).label("resolved_at"), _s.c.id)
            .where(*self._received(start, cutoff))
            .offset(0)  # a fence: evaluate the as-at resolution once per sheet
            .subquery("month_sheets")
        )
        responded = and_(sub.c.acknowledged_at.is_not(None), sub.c.acknowledged_at < cutoff)
        resolved = sub.c.resolved_at.is_not(None)
        response_eligible = and_(sub.c.response_due_at.is_not(None),
                                 or_(responded, sub.c.response_due_at < cutoff))
        # The state lookup runs only for unresolved past-due sheets (CASE is lazy), so
        # it costs a few index probes, not one per sheet.
        state_then = (
            select(_t.c.to_state)
            .where(_t.c.sheet_id == sub.c.id, _t.c.at < cutoff)
            .order_by(_t.c.at.desc(), _t.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        resolution_late = case(
            (resolved, 0),
            (sub.c.resolution_due_at < cutoff,
             case((state_then == SheetState.WAITING.value,
                   # Waiting: late only if the deadline had passed when the wait began.
                   case((sub.c.resolution_due_at
                         < deadline_sql.open_wait_start(sub.c.id, cutoff), 1), else_=0)),
                  else_=1)),
            else_=0,
        )
        resolution_eligible = case(
            (sub.c.resolution_due_at.is_(None), 0),
            (resolved, 1),
            else_=resolution_late,
        )
        stmt = select(
            func.count(),
            _sum(sub.c.severity == Severity.MAJOR.value),
            _sum(response_eligible),
            # On time by the deadline that stood at the cut-off (as ``Sheet`` judges it).
            _sum(and_(response_eligible, responded,
                      sub.c.acknowledged_at <= sub.c.response_due_at)),
            func.coalesce(func.sum(resolution_eligible), 0),
            _sum(and_(sub.c.resolution_due_at.is_not(None), resolved,
                      sub.c.resolved_at <= sub.c.resolution_due_at)),
            _sum(and_(responded, sub.c.response_minutes.is_not(None))),
            _sum(resolved),
        )
        row = self.conn.execute(stmt).one()
        total, major, r_elig, r_ok, s_elig, s_ok, n_resp, n_res = (int(x) for x in row)
        return total, major, Rate(r_elig, r_ok), Rate(s_elig, s_ok), n_resp, n_res

    def durations(self, month: date, kind: str, count: int) -> Durations:
        """Nearest-rank median and 90th percentile of ``count`` response or resolution
        minutes (``count`` from :meth:`core`).

        The minutes are those ``Sheet.acknowledge`` and ``Sheet.resolve`` stored. A sheet
        whose resolution standing at the cut-off is not the stored one (reopened or
        resolved again since; from the history) has its minutes computed here from the two
        instants, as ``Sheet.resolve`` does: those few are fetched, the others are ranked
        by the database (:func:`_ranked`), which returns only the rows around each rank.
        So are the minutes of a sheet whose received time was corrected after the cut-off
        (the stored minutes count from the corrected time; the month's from the one then)."""
        start, cutoff = _at(month), self.cutoff(month)
        if count == 0:
            return Durations(0, None, None)
        in_month = self._received(start, cutoff)
        received = self._then("received_at", cutoff)
        # Sheets whose received time changed since: their minutes from the time then.
        same_start = ([not_(_s.c.id.in_(changed_ids("received_at", cutoff)))]
                      if self._moved(cutoff) else [])
        if kind == "response":
            minutes = _s.c.response_minutes
            responded = [_s.c.acknowledged_at.is_not(None), _s.c.acknowledged_at < cutoff,
                         minutes.is_not(None)]
            where = [*in_month, *responded, *same_start]
            others = [] if not same_start else sorted(
                elapsed_minutes(then, acknowledged) for then, acknowledged in
                self.conn.execute(select(received, _s.c.acknowledged_at).where(
                    *in_month, *responded, _s.c.id.in_(changed_ids("received_at", cutoff)))))
        else:
            minutes = _s.c.resolution_minutes
            stored = and_(_s.c.resolved_at.is_not(None), _s.c.resolved_at < cutoff,
                          minutes.is_not(None), *same_start)
            where = [*in_month, stored]
            sub = (select(received.label("received_at"),
                          _resolved_at(cutoff).label("resolved_at"))
                   .where(*in_month, not_(stored))
                   .subquery("resolved"))
            others = sorted(elapsed_minutes(then, done) for then, done in
                            self.conn.execute(select(sub.c.received_at, sub.c.resolved_at)
                                              .where(sub.c.resolved_at.is_not(None))))
        ranks = [max((percent * count + 99) // 100, 1) for percent in (50, 90)]
        found = _ranked(self.conn, minutes, where, count - len(others), others, ranks)
        return Durations(count, found[0], found[1])

    def satisfaction(self, months: Sequence[date]) -> dict[date, tuple[int, int, int, int, int]]:
        """Return visits per score (1..5) of each month: one grouped count a month,
        read from the (visited_at, satisfaction) index alone when all stores are asked."""
        visits = _v.join(_s, _s.c.id == _v.c.sheet_id) if self.store_id is not None else _v
        result: dict[date, tuple[int, int, int, int, int]] = {}
        for month in months:
            stmt = (select(_v.c.satisfaction, func.count())
                    .select_from(visits)
                    .where(_v.c.visited_at >= _at(month), _v.c.visited_at < self.cutoff(month),
                           *self._store())
                    .group_by(_v.c.satisfaction))
            counts = [0] * 5
            for score, n in self.conn.execute(stmt):
                if 1 <= int(score) <= 5:
                    counts[int(score) - 1] = int(n)
            result[month] = (counts[0], counts[1], counts[2], counts[3], counts[4])
        return result

    def reopens(self, month: date) -> int:
        """Reopenings dated in the month (of sheets received in any month): counted in
        the month they happen, never moved back into the sheet's own month."""
        start, cutoff = _at(month), self.cutoff(month)
        moves = _t.join(_s, _s.c.id == _t.c.sheet_id) if self.store_id is not None else _t
        stmt = (select(func.count()).select_from(moves)
                .where(_t.c.action == "reopen", _t.c.at >= start, _t.c.at < cutoff,
                       *self._store()))
        return int(self.conn.execute(stmt).scalar_one())

    # -- state at the cut-off
    def _not_closed(self, month: date) -> Any:
        cutoff = self.cutoff(month)
        return (
            select(
                _s.c.id, _s.c.number,
                self._then("received_at", cutoff).label("received_at"),
                self._then("severity", cutoff).label("severity"),
                self._then("category", cutoff).label("category"),
                self._then("response_due_at", cutoff).label("response_due_at"),
                self._then("resolution_due_at", cutoff).label("resolution_due_at"),
                self._then("responsible_user_id", cutoff).label("responsible_user_id"),
                _state_at(cutoff).label("state_at"),
            )
            .where(self._maybe_open(cutoff, cutoff, cutoff),
                   *self._gate(self._received_before(cutoff, cutoff), cutoff),
                   *self._store())
            .offset(0)  # see backlogs()
            .subquery("not_closed")
        )

    @staticmethod
    def _overdue(sub: Any, cutoff: datetime) -> ColumnElement[bool]:
        return _overdue_at(sub.c.state_at,
                           _wait_start_if_waiting(sub.c.state_at, sub.c.id, cutoff),
                           sub.c.response_due_at, sub.c.resolution_due_at, cutoff)

    def backlogs(self, month: date) -> tuple[tuple[StateCount, ...], tuple[StateCount, ...]]:
        """The sheets not closed at this month's cut-off and at last month's, by state.

        One pass over the sheets serves both cut-offs: each candidate's state is looked
        up at each, and the groups are the pairs of states (a few dozen rows)."""
        before = add_months(month, -1)
        cut, cut_before = self.cutoff(month), self.cutoff(before)
        received_now = self._then("received_at", cut)
        received_before = self._then("received_at", cut_before)
        state_now = type_coerce(
            case((received_now < cut, _state_at(cut)), else_=None)
            if self._moved(cut_before) else _state_at(cut), String())
        state_before = type_coerce(
            case((received_before < cut_before, _state_at(cut_before)), else_=None), String())
        sub = (
            select(_s.c.id, received_now.label("received_now"),
                   received_before.label("received_before"),
                   self._then("response_due_at", cut).label("response_now"),
                   self._then("resolution_due_at", cut).label("resolution_now"),
                   self._then("response_due_at", cut_before).label("response_before"),
                   self._then("resolution_due_at", cut_before).label("resolution_before"),
                   state_now.label("now"), state_before.label("before"))
            .where(self._maybe_open(cut, cut_before, cut_before),
                   *self._store())
            .offset(0)  # a fence: look each state up once, not once per use (PostgreSQL)
            .subquery("open_then")
        )

        stmt = select(
            sub.c.now, sub.c.before, func.count(),
            _sum(_overdue_at(sub.c.now, _wait_start_if_waiting(sub.c.now, sub.c.id, cut),
                             sub.c.response_now, sub.c.resolution_now, cut)),
            _sum(_overdue_at(sub.c.before,
                             _wait_start_if_waiting(sub.c.before, sub.c.id, cut_before),
                             sub.c.response_before, sub.c.resolution_before, cut_before)),
            _sum(sub.c.received_now >= _at(month)),
            _sum(and_(sub.c.received_before >= _at(before),
                      sub.c.received_before < cut_before)),
        ).group_by(sub.c.now, sub.c.before)
        now: dict[str, list[int]] = {}
        then: dict[str, list[int]] = {}
        for state_n, state_b, n, late_n, late_b, new_n, new_b in self.conn.execute(stmt):
            for found, state, late, new in ((now, state_n, late_n, new_n),
                                            (then, state_b, late_b, new_b)):
                if state is None:
                    continue
                row = found.setdefault(str(state), [0, 0, 0])
                row[0] += int(n)
                row[1] += int(late)
                row[2] += int(new)

        def ordered(found: dict[str, list[int]]) -> tuple[StateCount, ...]:
            return tuple(StateCount(state, *found[state.value]) for state in _NOT_CLOSED_ORDER
                         if state.value in found)

        return ordered(now), ordered(then)

    def overdue_sheets(self, month: date) -> tuple[OverdueSheet, ...]:
        cutoff = self.cutoff(month)
        sub = self._not_closed(month)
        due = case((sub.c.state_at == SheetState.REGISTERED.value, sub.c.response_due_at),
                   else_=sub.c.resolution_due_at)
        stmt = (
            select(sub.c.number, sub.c.received_at, sub.c.severity, sub.c.category,
                   sub.c.state_at, func.coalesce(_u.c.display_name, ""), due)
            .select_from(sub.outerjoin(_u, _u.c.id == sub.c.responsible_user_id))
            .where(self._overdue(sub, cutoff))
            .order_by(due, sub.c.id)
        )
        rows = self.conn.execute(self._limited(stmt, OVERDUE_LIST_LIMIT if self.limit
                                               is not None else None))
        return tuple(
            OverdueSheet(number, received, Severity(sev), category, SheetState(state), name,
                         "response" if SheetState(state) is SheetState.REGISTERED
                         else "resolution", due_at)
            for number, received, sev, category, state, name, due_at in rows
        )

    # -- repeat complainants
    def _repeat_groups(self, month: date) -> Any:
        start, cutoff = _at(month), self.cutoff(month)
        # The received time and customer as at the cut-off (a merge or a correction made
        # later counts from its own month).
        received = self._then("received_at", cutoff)
        customer = self._then("customer_id", cutoff)
        in_month = _sum(received >= start)
        return (
            select(customer.label("cid"), func.count().label("n"),
                   in_month.label("m"), func.max(received).label("last"))
            .where(customer.is_not(None),
                   *self._received_in(cutoff - REPEAT_WINDOW, cutoff, cutoff))
            .group_by(customer)
            .having(and_(in_month >= 1, func.count() >= 2))
            .subquery("repeat")
        )

    def repeat_counts(self, month: date) -> tuple[int, int]:
        """Customers with two sheets or more in the 90 days to the cut-off, one of them in
        the month; and how many of those had two or more in the month itself."""
        return self._repeat(month)[0]

    def repeat_list(self, month: date) -> tuple[RepeatCustomer, ...]:
        return self._repeat(month)[1]

    def _repeat(self, month: date) -> tuple[tuple[int, int], tuple[RepeatCustomer, ...]]:
        """The counts and the (limited) list of one month from one grouping: the counts
        are window aggregates over every group, taken before the list is cut."""
        if month not in self._repeats:
            groups = self._repeat_groups(month)
            order = (groups.c.m.desc(), groups.c.n.desc(), groups.c.last.desc(), groups.c.cid)
            # The list is cut before the customers' names are looked up.
            top = self._limited(
                select(groups.c.cid, groups.c.m, groups.c.n, groups.c.last,
                       func.count().over().label("total"),
                       func.sum(case((groups.c.m >= 2, 1), else_=0)).over().label("twice"))
                .order_by(*order), self.limit).subquery("top")
            stmt = (select(top.c.cid, _c.c.name, top.c.m, top.c.n, top.c.last, top.c.total,
                           top.c.twice)
                    .select_from(top.join(_c, _c.c.id == top.c.cid))
                    .order_by(top.c.m.desc(), top.c.n.desc(), top.c.last.desc(), top.c.cid))
            rows = self.conn.execute(stmt).all()
            counts = (int(rows[0].total), int(rows[0].twice)) if rows else (0, 0)
            listed = tuple(RepeatCustomer(int(cid), name, int(m), int(n), last)
                           for cid, name, m, n, last, _, _ in rows)
            self._repeats[month] = (counts, listed)
        return self._repeats[month]

    # -- breakdowns
    def counts_by(self, column_name: str, month: date) -> dict[str, int]:
        """Sheets received in ``month`` per value of a ``sheets`` column, as it stood at
        the month's cut-off (a later correction counts from its own month)."""
        cutoff = self.cutoff(month)
        column = (self._then(column_name, cutoff) if column_name in TRACKED
                  else _s.c[column_name]).label("key")
        stmt = (select(column, func.count())
                .where(*self._received(_at(month), cutoff))
                .group_by(column))
        return {("" if key is None else str(key)): int(n) for key, n in self.conn.execute(stmt)}

    # -- root causes
    def root_causes(self, month: date) -> tuple[tuple[RootCauseGroup, ...], int]:
        cutoff = self.cutoff(month)
        where = self._received(_at(month), cutoff)
        has_cause = _s.c.root_cause != ""
        category_then = self._then("category", cutoff)
        area_then = self._then("responsible_area", cutoff)
        # The sheets analysed in all groups: a window sum over the groups, before the cut.
        groups_stmt = (
            select(category_then.label("category"), area_then.label("area"), func.count(),
                   _sum(has_cause), func.sum(_sum(has_cause)).over())
            .where(*where)
            .group_by(category_then, area_then)
            .order_by(func.count().desc(), func.min(_s.c.id))
            .limit(TOP_GROUPS)
        )
        found = self.conn.execute(groups_stmt).all()
        analysed = int(found[0][-1]) if found else 0
        groups = []
        for category, area, count, n_analysed, _ in found:
            area_cond = area_then.is_(None) if area is None else area_then == str(area)
            causes_stmt = (
                select(_s.c.root_cause, func.count())
                .where(*where, category_then == str(category), area_cond, has_cause)
                .group_by(_s.c.root_cause)
                .order_by(func.count().desc(), func.min(_s.c.id))
                .limit(TOP_CAUSES)
            )
            causes = tuple((cause, int(n)) for cause, n in self.conn.execute(causes_stmt))
            groups.append(RootCauseGroup(category, "" if area is None else str(area),
                                         int(count), int(n_analysed), causes))
        return tuple(groups), analysed

    # -- corrective actions
    def actions(self, month: date) -> tuple[tuple[ActionRow, ...], ActionSummary]:
        start, cutoff = _at(month), self.cutoff(month)
        checked = and_(_a.c.checked_at.is_not(None), _a.c.checked_at < cutoff)
        done = and_(_a.c.done_at.is_not(None), _a.c.done_at < cutoff)
        overdue = and_(not_(done), _a.c.due_date.is_not(None), _a.c.due_date < cutoff.date())
        in_month = [
            and_(_a.c.created_at >= start, _a.c.created_at < cutoff),
            and_(_a.c.due_date >= start.date(), _a.c.due_date < cutoff.date()),
            and_(_a.c.checked_at >= start, _a.c.checked_at < cutoff),
        ]
        where = [
            # The same three conditions as index searches, so no query reads every action.
            _a.c.id.in_(union_all(*(select(_a.c.id).where(c) for c in in_month))),
            _a.c.created_at < cutoff,
            or_(*in_month),
            *self._store(),
        ]
        # Counting needs the sheets only to filter by store.
        counted = _a.join(_s, _s.c.id == _a.c.sheet_id) if self.store_id is not None else _a
        # Not done at the cut-off: never done, or done at or after it — two disjoint
        # searches of the (done_at, due_date, created_at) index, which also holds what
        # they test, so the actions themselves are not read. The creation time and due
        # date are tested through COALESCE (a NULL due date stays outside, as with "<"),
        # so SQLite never reads their own indexes' ranges instead (every older action).
        day = start.date()
        earlier = [func.coalesce(_a.c.created_at, start) < start,
                   func.coalesce(_a.c.due_date, day) < day]
        carried_ids = union_all(*(
            select(_a.c.id).select_from(counted).where(not_done, *earlier, *self._store())
            for not_done in (_a.c.done_at.is_(None), _a.c.done_at >= cutoff)
        )).subquery("carried")
        carried = self.conn.execute(select(func.count()).select_from(carried_ids)).scalar_one()
        joined = _a.join(_s, _s.c.id == _a.c.sheet_id)
        total, effective, not_effective, late = self.conn.execute(
            select(
                func.count(),
                _sum(and_(checked, _a.c.effectiveness == Effectiveness.EFFECTIVE.value)),
                _sum(and_(checked, _a.c.effectiveness == Effectiveness.NOT_EFFECTIVE.value)),
                _sum(overdue),
            ).select_from(counted).where(*where)
        ).one()
        summary = ActionSummary(int(total), int(effective), int(not_effective), int(late),
                                int(carried))
        stmt = (
            select(_s.c.number, _a.c.description, func.coalesce(_u.c.display_name, ""),
                   _a.c.due_date, _a.c.created_at, case((done, 1), else_=0),
                   case((checked, 1), else_=0), _a.c.effectiveness,
                   case((overdue, 1), else_=0))
            .select_from(joined.outerjoin(_u, _u.c.id == _a.c.owner_id))
            .where(*where)
            .order_by(case((overdue, 0), else_=1), case((_a.c.due_date.is_(None), 1), else_=0),
                      _a.c.due_date, _a.c.id)
        )
        rows = tuple(
            ActionRow(number, description, owner, due_date, created, bool(is_done),
                      Effectiveness(eff) if is_checked else Effectiveness.PENDING,
                      bool(is_late))
            for number, description, owner, due_date, created, is_done, is_checked, eff,
            is_late in self.conn.execute(self._limited(stmt, self.limit))
        )
        return rows, summary

    # -- major complaints
    def major(self, month: date) -> tuple[tuple[MajorComplaint, ...], int, int]:
        """The major and escalated complaints received in the month: those still open at
        the cut-off or resolved late (or not at all) by then first, then the rest, each
        by time received; with how many there are and how many need attention."""
        start, cutoff = _at(month), self.cutoff(month)
        resolved_at = _resolved_at(cutoff)
        on_time = case(
            (resolved_at.is_not(None),
             case((_resolved_on_time(resolved_at, self._then("resolution_due_at", cutoff)),
                   1), else_=0)),
            (self._then("resolution_due_at", cutoff) < cutoff, 0),
            else_=None,
        )
        escalated = self._then("escalated_to_oem", cutoff)
        sub = (
            select(_s.c.id, _s.c.number,
                   self._then("received_at", cutoff).label("received_at"),
                   _s.c.customer_name,
                   self._then("channel", cutoff).label("channel"),
                   self._then("category", cutoff).label("category"), _s.c.description,
                   self._then("responsible_area", cutoff).label("responsible_area"),
                   self._then("responsible_user_id", cutoff).label("responsible_user_id"),
                   _state_at(cutoff).label("state_at"),
                   on_time.label("on_time"), escalated.label("escalated_to_oem"),
                   _s.c.correction)
            .where(*self._received(start, cutoff),
                   or_(self._then("severity", cutoff) == Severity.MAJOR.value,
                       escalated.is_(True)))
            .offset(0)  # a fence: the state and the verdict are looked up once a sheet
            .subquery("major")
        )
        attention = or_(sub.c.state_at != SheetState.CLOSED.value, sub.c.on_time == 0)
        # One pass: the counts are window aggregates over every row, taken before the
        # list is cut.
        stmt = (
            select(sub.c.number, sub.c.received_at, sub.c.customer_name, sub.c.channel,
                   sub.c.category, sub.c.description, sub.c.responsible_area,
                   func.coalesce(_u.c.display_name, ""), sub.c.state_at, sub.c.on_time,
                   sub.c.escalated_to_oem, sub.c.correction,
                   func.count().over(), func.sum(case((attention, 1), else_=0)).over())
            .select_from(sub.outerjoin(_u, _u.c.id == sub.c.responsible_user_id))
            .order_by(case((attention, 0), else_=1), sub.c.received_at, sub.c.id)
        )
        found = self.conn.execute(self._limited(stmt, self.limit)).all()
        rows = tuple(
            MajorComplaint(number, received, customer, Channel(channel), category,
                           description, "" if area is None else str(area), name,
                           SheetState(state), None if ok is None else bool(ok),
                           bool(escalated), correction)
            for number, received, customer, channel, category, description, area, name,
            state, ok, escalated, correction, _, _ in found
        )
        total, needing = (int(found[0][-2]), int(found[0][-1])) if found else (0, 0)
        return rows, total, needing

    # -- people and money
    def user_names(self) -> dict[str, str]:
        """Display names of the users by id (as text, the key ``counts_by`` gives)."""
        return {str(uid): name for uid, name in
                self.conn.execute(select(_u.c.id, _u.c.display_name))}

    def compensation(self, month: date) -> dict[str, tuple[int, int]]:
        """Compensation recorded in the month, per category: (sheets, fen).

        What a sheet's compensation grew (or was corrected) by between the month's start
        and its cut-off, on the sheets received in the month and the older ones whose
        compensation changed in it: an amount entered later counts in its own month."""
        start, cutoff = _at(month), self.cutoff(month)
        after = self._then("compensation_cents", cutoff)
        received = self._then("received_at", cutoff)
        before = case((received < start, self._then("compensation_cents", start)),
                      else_=0)
        delta = after - before
        category = self._then("category", cutoff)
        candidates = union_all(
            *self._received_ids(start, cutoff, cutoff),
            select(_h.c.sheet_id).where(_h.c.field == "compensation_cents",
                                        _h.c.at >= start, _h.c.at < cutoff),
        )
        sub = (select(category.label("category"), delta.label("delta"))
               .where(_s.c.id.in_(candidates), received < cutoff, *self._store())
               .subquery("paid"))
        stmt = (select(sub.c.category, func.count(), func.sum(sub.c.delta))
                .where(sub.c.delta != 0)
                .group_by(sub.c.category))
        return {str(category): (int(n), int(cents))
                for category, n, cents in self.conn.execute(stmt)}


class ReportQueries:
    """The report queries on the unit of work's session (``uow.reports``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def monthly(self, store_id: int | None, now: datetime,
                list_limit: int | None) -> MonthlyQueries:
        """The monthly report's queries in the open (read-only) transaction."""
        conn = self.session.connection()
        if conn.dialect.name == "postgresql":
            # The report's queries look expensive to the planner, which then spends
            # seconds compiling them (JIT) to save milliseconds; this transaction only.
            conn.exec_driver_sql("SET LOCAL jit = off")
        return MonthlyQueries(conn, store_id, now, list_limit)

    def issued(self, month: date, store_id: int | None) -> IssuedRow | None:
        """The report issued for ``month`` and the store (``None``: all), if any."""
        return _issued(self.session, month, store_id)

    def add_issued(self, row: IssuedRow) -> None:
        """Store an issued report (in the open write transaction; one per month and
        scope — the database refuses a second)."""
        _add_issued(self.session, row)


# ------------------------------------------------------------------ issued reports
_i = tables.issued_reports


@dataclass(frozen=True)
class IssuedRow:
    """One issued monthly report as stored (``scope``: "all" or the store's id)."""

    month: date
    scope: str
    store_id: int | None
    lang: str
    issued_at: datetime
    issued_by_id: int | None
    issued_by_name: str
    figures: str
    figures_sha256: str
    pdf: bytes
    pdf_sha256: str


def issue_scope(store_id: int | None) -> str:
    return "all" if store_id is None else str(store_id)


def _issued(session: Session, month: date, store_id: int | None) -> IssuedRow | None:
    stmt = (
        select(_i.c.month, _i.c.scope, _i.c.store_id, _i.c.lang, _i.c.issued_at,
               _i.c.issued_by_id, func.coalesce(_u.c.display_name, ""), _i.c.figures,
               _i.c.figures_sha256, _i.c.pdf, _i.c.pdf_sha256)
        .select_from(_i.outerjoin(_u, _u.c.id == _i.c.issued_by_id))
        .where(_i.c.month == month, _i.c.scope == issue_scope(store_id))
    )
    row = session.connection().execute(stmt).one_or_none()
    if row is None:
        return None
    return IssuedRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                     bytes(row[9]), row[10])


def _add_issued(session: Session, row: IssuedRow) -> None:
    session.connection().execute(_i.insert().values(
        month=row.month, scope=row.scope, store_id=row.store_id, lang=row.lang,
        issued_at=row.issued_at, issued_by_id=row.issued_by_id, figures=row.figures,
        figures_sha256=row.figures_sha256, pdf=row.pdf, pdf_sha256=row.pdf_sha256))
