"""The figures of the monthly complaint analysis report (月度抱怨/投诉分析报告).

Seed 003 asks customer care to compile, each month, an analysis of the month's
complaints for the service director and the general manager. Every figure is one SQL
aggregate, run by ``helpdesk.storage.report_queries`` (same SQL on SQLite and
PostgreSQL); this module puts the rows together into a :class:`MonthlyReport`, which
``render_monthly`` prints and ``tables`` exports.

Definitions (the report prints them too):

* **Scope**: sheets whose ``received_at`` lies in ``[start, cut-off)`` — the month, or up
  to now for the month in progress (the *cut-off* is the end of the month, or now if
  earlier) — and, when a store is chosen, whose ``store_id`` is that store.
* **Response on time**: denominator = sheets in scope with a response deadline whose
  response happened before the cut-off (``acknowledged_at < cut-off``) *or* whose
  deadline had passed by then (``response_due_at < cut-off``); numerator = those
  responded to before the cut-off no later than the response deadline that stood at the
  cut-off. Sheets still inside their deadline are left out.
* **As at the cut-off**: channel, severity, category, responsible area and person,
  deadlines and escalation are each sheet's values *as they stood at the cut-off*
  (``storage.field_history``: the value before the first change made at or after it).
  A correction, a reassignment, or a deadline moved by a wait or a new severity after
  the month counts from the month it is made in; the month keeps its figures.
* **Resolution on time**: the same with ``resolved_at`` / ``resolution_due_at`` /
  ``resolution_on_time``, except that an unresolved sheet that was *waiting for the
  customer* at the cut-off is counted late only if its deadline had passed when that
  wait began (its clock stands still; the one rule of ``domain.deadlines``). Resolved
  means resolved *as the sheet stood at the cut-off*: its state then (the last workflow
  transition before it) was resolved, visited or closed, at the last resolution before
  the cut-off. A reopening after the month changes nothing in that month.
* **Reopened**: reopenings dated in the month, whatever month their sheet was received
  in — a later reopening counts in the month it happens.
* **Median and 90th percentile** of the elapsed minutes from receipt to the response /
  to the resolution standing at the cut-off, over the sheets responded to / resolved
  then, by the *nearest-rank* method: sort the N values ascending and take the
  ⌈p·N⌉-th (p = 0.5, 0.9).
* **State at the cut-off** (open and overdue at month end): each sheet's state is the
  target of its last workflow transition before the cut-off (latest ``at``, then highest
  id), or *registered* when it had none — so a report for a past month shows that
  month's end even if sheets moved on since. It covers every sheet received before the
  cut-off, from any month, except those closed before it and still closed (the
  ``closed_at`` column proves they were closed at the cut-off; reopening clears it).
  *Unresolved* = registered, acknowledged, in progress or waiting; *overdue* = by the one
  deadline rule (``domain.deadlines``, in SQL ``storage.deadline_sql``) judged at the
  cut-off, as the complaint list counts it: registered past the response or resolution
  deadline, acknowledged / in progress past the resolution deadline, or waiting with the
  resolution deadline already passed when the wait open at the cut-off began (the
  deadlines that stood at the cut-off).
* **Repeat complainant**: a customer with at least one sheet in scope and at least two
  sheets received in the 90 days before the cut-off (this month's included).
* **Root causes**: the (category, responsible area) pairs with the most sheets in scope,
  each with its most frequent non-empty ``root_cause`` texts (exact text).
* **Corrective actions** of the month: actions (of sheets of the store) created in the
  month, due in the month, or checked in the month; *done* and *effectiveness* as
  recorded before the cut-off; *overdue* = not done by the cut-off and ``due_date`` before
  the cut-off's date. Older actions, due before the month and still not done at the
  cut-off, are counted apart (*carried over*), not listed.
* **Return-visit satisfaction (CSAT)**: every return visit with ``visited_at`` in the
  month (whenever its sheet was received; a visit is dated when it is recorded, so a
  late visit counts in its own month); satisfied = score 4 or 5.
* **Compensation** of the month: what the sheets' compensation grew (or was corrected)
  by from the month's start to its cut-off — on the month's sheets and on older ones
  changed in it — per category as at the cut-off: an amount entered later counts then.
* **Trend**: each of the last 12 months counted as above with its own end as cut-off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from helpdesk.domain.complaints import ResponsibleArea, SheetState
from helpdesk.domain.enums import Severity
from helpdesk.domain.months import add_months
from helpdesk.domain.months import midnight as _at
from helpdesk.domain.parsing import parse_month
from helpdesk.storage.report_queries import (
    ActionRow,
    ActionSummary,
    Durations,
    MajorComplaint,
    MonthlyQueries,
    OverdueSheet,
    Rate,
    RepeatCustomer,
    RootCauseGroup,
    StateCount,
)

__all__ = [
    "ActionRow", "ActionSummary", "CountRow", "Csat", "Durations", "MajorComplaint",
    "MonthlyReport", "OverdueSheet", "Rate", "RepeatCustomer", "RootCauseGroup",
    "StateCount", "Summary", "TrendPoint", "add_months", "assemble", "parse_month",
]

LIST_LIMIT = 40
"""Rows a list in the PDF shows at most (the exports show all)."""
TREND_MONTHS = 12
SATISFIED_FROM = 4

_UNRESOLVED = (SheetState.REGISTERED, SheetState.ACKNOWLEDGED, SheetState.IN_PROGRESS,
               SheetState.WAITING)


# ---------------------------------------------------------------------- values

@dataclass(frozen=True)
class Csat:
    """Return visits: how many, how many satisfied (4–5), the sum of the scores."""

    visits: int
    satisfied: int
    score_sum: int

    @property
    def rate(self) -> float | None:
        return self.satisfied / self.visits if self.visits else None

    @property
    def average(self) -> float | None:
        return self.score_sum / self.visits if self.visits else None


@dataclass(frozen=True)
class Summary:
    """The headline figures of one month (the report month, or the one before)."""

    month: date
    received: int
    major: int
    response: Rate
    resolution: Rate
    response_time: Durations
    resolution_time: Durations
    not_closed: int
    unresolved: int
    overdue: int
    repeat_customers: int
    repeat_in_month: int
    csat: Csat
    reopened: int = 0


@dataclass(frozen=True)
class CountRow:
    """One line of a breakdown. ``key`` is the stored value ("" = not set)."""

    key: str
    count: int
    previous: int


@dataclass(frozen=True)
class Compensation:
    """Compensation (补偿) recorded in the month on one category's sheets: how many
    sheets, how much."""

    key: str
    sheets: int
    cents: int


@dataclass(frozen=True)
class TrendPoint:
    month: date
    received: int
    major: int
    response: Rate
    resolution: Rate
    csat: Csat


@dataclass(frozen=True)
class MonthlyReport:
    """Every figure of one month's report (for one store, or all).

    Attributes:
        month: first day of the month.
        start, end: the month as ``[start, end)``.
        as_of: the cut-off: ``end``, or the moment of generation for the running month.
        complete: whether the month was over when the report was made.
        store_id, store_name: the store, or ``None`` for all stores.
        current, previous: headline figures of this month and the one before.
        by_channel, by_severity, by_category, by_area: breakdowns with last month's counts.
        backlog: sheets not closed at the cut-off, by state.
        overdue_sheets: the most overdue of them (``current.overdue`` in all).
        repeat: repeat complainants (``current.repeat_customers`` in all).
        root_causes: top (category, area) groups with their frequent root causes.
        actions, action_summary: corrective and preventive actions.
        csat_scores: number of return visits scoring 1..5.
        trend: the last 12 months, oldest first (the last is this month).
        major: major complaints of the month (``current.major`` in all).
        category_names: category code → [简体, 繁體, English].
        list_limit: how many rows each list holds at most (``None``: all).
    """

    month: date
    start: datetime
    end: datetime
    as_of: datetime
    generated_at: datetime
    complete: bool
    store_id: int | None
    store_name: str | None
    current: Summary
    previous: Summary
    by_channel: tuple[CountRow, ...]
    by_severity: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    by_area: tuple[CountRow, ...]
    backlog: tuple[StateCount, ...]
    overdue_sheets: tuple[OverdueSheet, ...]
    repeat: tuple[RepeatCustomer, ...]
    root_causes: tuple[RootCauseGroup, ...]
    analysed: int
    actions: tuple[ActionRow, ...]
    action_summary: ActionSummary
    csat_scores: tuple[int, int, int, int, int]
    trend: tuple[TrendPoint, ...]
    major: tuple[MajorComplaint, ...]
    category_names: Mapping[str, tuple[str, ...]]
    list_limit: int | None
    # issue 12: what a director asks for
    store_names: tuple[str, ...] = ()
    major_listed: int = 0
    major_attention: int = 0
    year_ago: TrendPoint | None = None
    by_person: tuple[CountRow, ...] = ()
    by_advisor: tuple[CountRow, ...] = ()
    compensation: tuple[Compensation, ...] = ()
    compensation_previous_cents: int = 0

    @property
    def elapsed_share(self) -> float:
        """The share of the month elapsed at the cut-off (1.0 for a finished month)."""
        return (self.as_of - self.start) / (self.end - self.start)

    def pro_rata(self, previous: int) -> int:
        """Last month's count scaled to the part of this month that has elapsed, so a
        month in progress is compared with the same share of last month."""
        return previous if self.complete else round(previous * self.elapsed_share)

    @property
    def compensation_cents(self) -> int:
        return sum(c.cents for c in self.compensation)


# ---------------------------------------------------------------------- months
# ---------------------------------------------------------------------- figures
def _csat(scores: tuple[int, int, int, int, int]) -> Csat:
    return Csat(visits=sum(scores), satisfied=sum(scores[SATISFIED_FROM - 1:]),
                score_sum=sum(score * n for score, n in enumerate(scores, start=1)))


def _summary(q: MonthlyQueries, month: date, backlog: tuple[StateCount, ...],
             scores: tuple[int, int, int, int, int]) -> Summary:
    total, major, response, resolution, n_resp, n_res = q.core(month)
    repeat, repeat_in_month = q.repeat_counts(month)
    return Summary(
        month=month,
        received=total,
        major=major,
        response=response,
        resolution=resolution,
        response_time=q.durations(month, "response", n_resp),
        resolution_time=q.durations(month, "resolution", n_res),
        not_closed=sum(b.count for b in backlog),
        unresolved=sum(b.count for b in backlog if b.state in _UNRESOLVED),
        overdue=sum(b.overdue for b in backlog),
        repeat_customers=repeat,
        repeat_in_month=repeat_in_month,
        csat=_csat(scores),
        reopened=q.reopens(month),
    )


def _breakdown(q: MonthlyQueries, column: str, month: date, always: Sequence[str] = ()) -> \
        tuple[CountRow, ...]:
    now = q.counts_by(column, month)
    before = q.counts_by(column, add_months(month, -1))
    keys = set(now) | set(before) | set(always)
    order = {key: index for index, key in enumerate(always)}
    # A handful of groups: sorting them here keeps the order independent of the
    # database's collation.
    ranked = sorted(keys, key=lambda k: (-now.get(k, 0), order.get(k, len(order)),
                                         k == "", k))
    return tuple(CountRow(k, now.get(k, 0), before.get(k, 0)) for k in ranked)


def _trend_point(q: MonthlyQueries, month: date,
                 scores: tuple[int, int, int, int, int]) -> TrendPoint:
    total, major, response, resolution, _, _ = q.core(month)
    return TrendPoint(month, total, major, response, resolution, _csat(scores))


def _people(q: MonthlyQueries, column: str, month: date,
            names: Mapping[str, str]) -> tuple[CountRow, ...]:
    """Counts per user (responsible person, receiving advisor) keyed by display name."""
    rows = _breakdown(q, column, month)
    return tuple(CountRow(names.get(row.key, row.key) if row.key else "", row.count,
                          row.previous) for row in rows)


def assemble(
    q: MonthlyQueries,
    first: date,
    *,
    store_id: int | None,
    store_name: str | None,
    category_names: Mapping[str, tuple[str, ...]],
    store_names: Sequence[str] = (),
) -> MonthlyReport:
    """Every figure of the report for the month starting ``first``, from the queries of
    one store (or all) as of ``q.now`` (which also dates the report)."""
    months = [add_months(first, -back) for back in range(TREND_MONTHS - 1, -1, -1)]
    scores = q.satisfaction(months)
    backlog, backlog_before = q.backlogs(first)
    current = _summary(q, first, backlog, scores[first])
    previous = _summary(q, months[-2], backlog_before, scores[months[-2]])
    trend = [_trend_point(q, m, scores[m]) for m in months[:-2]]
    trend += [TrendPoint(s.month, s.received, s.major, s.response, s.resolution, s.csat)
              for s in (previous, current)]
    actions, action_summary = q.actions(first)
    root_causes, analysed = q.root_causes(first)
    always_severity = [s.value for s in Severity]
    cutoff = q.cutoff(first)
    major, major_listed, major_attention = q.major(first)
    year_ago_month = add_months(first, -TREND_MONTHS)
    year_ago = _trend_point(q, year_ago_month,
                            q.satisfaction([year_ago_month])[year_ago_month])
    names = q.user_names()
    paid = q.compensation(first)
    paid_before = q.compensation(months[-2])
    compensation = tuple(Compensation(key, n, cents) for key, (n, cents) in
                         sorted(paid.items(), key=lambda item: (-item[1][1], item[0])))
    return MonthlyReport(
        month=first,
        start=_at(first),
        end=_at(add_months(first, 1)),
        as_of=cutoff,
        generated_at=q.now,
        complete=cutoff >= _at(add_months(first, 1)),
        store_id=store_id,
        store_name=store_name,
        current=current,
        previous=previous,
        by_channel=_breakdown(q, "channel", first, ()),
        by_severity=_breakdown(q, "severity", first, always_severity),
        by_category=_breakdown(q, "category", first, ()),
        by_area=_breakdown(q, "responsible_area", first,
                           [a.value for a in ResponsibleArea]),
        backlog=backlog,
        overdue_sheets=q.overdue_sheets(first),
        repeat=q.repeat_list(first),
        root_causes=root_causes,
        analysed=analysed,
        actions=actions,
        action_summary=action_summary,
        csat_scores=scores[first],
        trend=tuple(trend),
        major=major,
        category_names=category_names,
        list_limit=q.limit,
        store_names=tuple(store_names),
        major_listed=major_listed,
        major_attention=major_attention,
        year_ago=year_ago,
        by_person=_people(q, "responsible_user_id", first, names),
        by_advisor=_people(q, "received_by_id", first, names),
        compensation=compensation,
        compensation_previous_cents=sum(cents for _, cents in paid_before.values()),
    )


# ---------------------------------------------------------------------- figures
def _value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _summary_figures(prefix: str, s: Summary) -> list[tuple[str, object]]:
    return [
        (f"{prefix}.received", s.received),
        (f"{prefix}.major", s.major),
        (f"{prefix}.response.eligible", s.response.eligible),
        (f"{prefix}.response.on_time", s.response.on_time),
        (f"{prefix}.resolution.eligible", s.resolution.eligible),
        (f"{prefix}.resolution.on_time", s.resolution.on_time),
        (f"{prefix}.response_time.count", s.response_time.count),
        (f"{prefix}.response_time.median", s.response_time.median),
        (f"{prefix}.response_time.p90", s.response_time.p90),
        (f"{prefix}.resolution_time.count", s.resolution_time.count),
        (f"{prefix}.resolution_time.median", s.resolution_time.median),
        (f"{prefix}.resolution_time.p90", s.resolution_time.p90),
        (f"{prefix}.not_closed", s.not_closed),
        (f"{prefix}.unresolved", s.unresolved),
        (f"{prefix}.overdue", s.overdue),
        (f"{prefix}.repeat_customers", s.repeat_customers),
        (f"{prefix}.repeat_in_month", s.repeat_in_month),
        (f"{prefix}.csat.visits", s.csat.visits),
        (f"{prefix}.csat.satisfied", s.csat.satisfied),
        (f"{prefix}.csat.score_sum", s.csat.score_sum),
        (f"{prefix}.reopened", s.reopened),
    ]


def figure_table(report: MonthlyReport) -> tuple[tuple[str, str], ...]:
    """Every figure of the report as (name, value) lines, in a fixed order.

    This is what an issued report stores and what a regeneration is compared with: the
    counts, rates' numerators and denominators, durations, breakdowns, backlog, trend
    and the major complaints' state as at the cut-off. It leaves out what only dates the
    copy (the time it was generated) and the free texts of the lists."""
    rows: list[tuple[str, object]] = [
        ("month", report.month), ("store_id", report.store_id),
        ("as_of", report.as_of), ("complete", report.complete),
    ]
    rows += _summary_figures("current", report.current)
    rows += _summary_figures("previous", report.previous)
    for name, breakdown in (("channel", report.by_channel), ("severity", report.by_severity),
                            ("category", report.by_category), ("area", report.by_area)):
        for row in breakdown:
            rows.append((f"{name}.{row.key or '-'}", f"{row.count} {row.previous}"))
    for b in report.backlog:
        rows.append((f"backlog.{b.state.value}", f"{b.count} {b.overdue} {b.from_month}"))
    rows.append(("csat.scores", " ".join(str(n) for n in report.csat_scores)))
    for point in report.trend:
        rows.append((f"trend.{point.month:%Y-%m}",
                     " ".join(_value(v) for v in (
                         point.received, point.major, point.response.eligible,
                         point.response.on_time, point.resolution.eligible,
                         point.resolution.on_time, point.csat.visits, point.csat.satisfied))))
    a = report.action_summary
    rows.append(("actions", f"{a.total} {a.effective} {a.not_effective} {a.overdue} "
                            f"{a.carried_overdue}"))
    rows.append(("root_causes.analysed", report.analysed))
    rows.append(("major.listed", f"{report.major_listed} {report.major_attention}"))
    for m in report.major:
        rows.append((f"major.{m.number}", f"{m.state.value} {_value(m.resolved_on_time)}"))
    if report.year_ago is not None:
        y = report.year_ago
        rows.append((f"year_ago.{y.month:%Y-%m}", " ".join(_value(v) for v in (
            y.received, y.major, y.response.eligible, y.response.on_time,
            y.resolution.eligible, y.resolution.on_time, y.csat.visits, y.csat.satisfied))))
    for name, people in (("person", report.by_person), ("advisor", report.by_advisor)):
        for row in people:
            rows.append((f"{name}.{row.key or '-'}", f"{row.count} {row.previous}"))
    for c in report.compensation:
        rows.append((f"compensation.{c.key}", f"{c.sheets} {c.cents}"))
    rows.append(("compensation.previous", report.compensation_previous_cents))
    return tuple((key, _value(value)) for key, value in rows)


def figures_text(report: MonthlyReport) -> str:
    """The figure table as text, one ``name<TAB>value`` line each (what is hashed)."""
    return "".join(f"{key}\t{value}\n" for key, value in figure_table(report))
