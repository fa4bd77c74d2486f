"""The one deadline rule: where a sheet stands against its deadlines at any instant.

Every screen, the command line, the customer record, the reports and the SQL filters
answer "which deadline runs, how much is left, is it overdue, is it paused" from
:func:`sheet_deadlines` (the SQL in ``helpdesk.storage.deadline_sql`` is written from
it and a property test holds the two together). It takes plain values, so a list row
needs no whole :class:`~helpdesk.domain.complaints.Sheet`.

The rule:

* The **response** clock runs while the sheet is registered and not yet acknowledged;
  afterwards the response is *met* or *missed* (acknowledged on or before its deadline,
  or later).
* The **resolution** clock runs in the open states (registered, acknowledged, in
  progress); after resolution it is *met* or *missed*.
* **Waiting for the customer** stops the resolution clock, so the time left stands
  still at what it was when the wait began: ``resolution_due_at − waiting_since``
  (``resolution_due_at`` as stored, which counts only the finished waits). The sheet is
  overdue if that is negative — its deadline had already passed when the wait began —
  and paused otherwise. While it waits, its deadline moves on with the clock: it is
  shown as ``now + time left``, the instant it falls due if the customer answers now.
* The deadline instant itself is still on time (:func:`~helpdesk.domain.sla.sla_status`):
  due at 10:00 is overdue from 10:00:00.000001 on.
* Lists show the deadline that matters now: the response while unanswered (the
  resolution instead if only that one is already overdue), else the resolution.
* **Due today**: a running, not paused deadline falls at or before the end of today
  (overdue ones included; a waiting sheet that is overdue counts, a paused one not).

All datetimes are naive local wall-clock time of the store, as in :mod:`sla`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from helpdesk.domain import sla
from helpdesk.domain.enums import SheetState

RESOLUTION_RUNS = frozenset(
    {SheetState.REGISTERED, SheetState.ACKNOWLEDGED, SheetState.IN_PROGRESS}
)
"""States in which the resolution clock runs (waiting stops it)."""

_LIVE = frozenset({sla.SlaState.PENDING, sla.SlaState.NEAR, sla.SlaState.OVERDUE})


class Clock(StrEnum):
    """Which of a sheet's two deadlines."""

    RESPONSE = "response"
    """Acknowledge the complaint (响应)."""
    RESOLUTION = "resolution"
    """Resolve it (解决)."""


@dataclass(frozen=True)
class SheetDeadlines:
    """A sheet's deadlines judged at one instant.

    Attributes:
        response: the response deadline's status; ``None`` without a deadline.
        resolution: the resolution deadline's status; ``None`` without a deadline.
        response_due: the response deadline.
        resolution_due: the resolution deadline; while waiting, ``now`` + time left.
        current: the deadline that matters now (see the module docstring), or
            ``None`` when the sheet has no deadline.
        due_today: a running, not paused deadline falls by the end of today.
    """

    response: sla.SlaStatus | None
    resolution: sla.SlaStatus | None
    response_due: datetime | None
    resolution_due: datetime | None
    current: Clock | None
    due_today: bool

    @property
    def status(self) -> sla.SlaStatus | None:
        """The status of :attr:`current`."""
        if self.current is Clock.RESPONSE:
            return self.response
        if self.current is Clock.RESOLUTION:
            return self.resolution
        return None

    @property
    def due(self) -> datetime | None:
        """The instant of :attr:`current`."""
        if self.current is Clock.RESPONSE:
            return self.response_due
        if self.current is Clock.RESOLUTION:
            return self.resolution_due
        return None

    @property
    def remaining(self) -> timedelta | None:
        """Time left on :attr:`current`; negative when late."""
        status = self.status
        return None if status is None else status.remaining

    @property
    def overdue(self) -> bool:
        """A running (or stopped) deadline has passed and its step is not done."""
        return any(
            s is not None and s.state is sla.SlaState.OVERDUE
            for s in (self.response, self.resolution)
        )

    @property
    def paused(self) -> bool:
        """Waiting for the customer, inside the deadline: the clock stands still."""
        return self.resolution is not None and self.resolution.state is sla.SlaState.PAUSED

    @property
    def near(self) -> bool:
        """The deadline that matters now is close (the warning window)."""
        status = self.status
        return status is not None and status.state is sla.SlaState.NEAR


def end_of_day(now: datetime) -> datetime:
    """The last instant of ``now``'s day: the bound of "due today"."""
    return datetime.combine(now.date(), time.max)


def open_wait_start(pauses: Iterable[tuple[datetime, datetime | None]]) -> datetime | None:
    """When the wait still open began (the latest open pause), or ``None``."""
    starts = [start for start, end in pauses if end is None]
    return max(starts) if starts else None


def sheet_deadlines(
    state: SheetState,
    *,
    response_due_at: datetime | None,
    resolution_due_at: datetime | None,
    acknowledged_at: datetime | None,
    resolved_at: datetime | None,
    waiting_since: datetime | None,
    now: datetime,
    received_at: datetime | None = None,
) -> SheetDeadlines:
    """Judge a sheet's deadlines at ``now`` (see the module docstring for the rule).

    Args:
        state: the sheet's workflow state.
        response_due_at: the stored response deadline.
        resolution_due_at: the stored resolution deadline (extended for finished waits).
        acknowledged_at: when the response was recorded, if it was.
        resolved_at: when it was resolved, if it was (cleared by a reopen).
        waiting_since: start of the open wait (:func:`open_wait_start`); for a waiting
            sheet without one (old imported data), ``now``.
        now: the instant to judge at.
        received_at: when the sheet was received, the start of both clocks; it sizes
            the warning window (:func:`sla.near_window`).

    A step finished without a recorded time (imported data) is judged at ``now``.
    """
    response_runs = state is SheetState.REGISTERED and acknowledged_at is None
    response: sla.SlaStatus | None = None
    if response_due_at is not None:
        done = None if response_runs else acknowledged_at or now
        response = sla.sla_status(response_due_at, done, now,
                                  near=sla.near_window(received_at, response_due_at))
    resolution: sla.SlaStatus | None = None
    resolution_due = resolution_due_at
    if resolution_due_at is not None:
        if state is SheetState.WAITING:
            # The clock stopped at the wait's start: the deadline moves on with now.
            resolution_due = resolution_due_at + (now - (waiting_since or now))
            resolution = sla.sla_status(resolution_due, None, now, paused=True,
                                        near=sla.near_window(received_at, resolution_due_at))
        else:
            done = None if state in RESOLUTION_RUNS else resolved_at or now
            resolution = sla.sla_status(resolution_due_at, done, now,
                                        near=sla.near_window(received_at, resolution_due_at))
    current: Clock | None = None
    if response is not None and response_runs:
        current = Clock.RESPONSE
        if resolution is not None and resolution.overdue and not response.overdue:
            current = Clock.RESOLUTION
    elif resolution is not None:
        current = Clock.RESOLUTION
    elif response is not None:
        current = Clock.RESPONSE
    bound = end_of_day(now)
    due_today = any(
        status is not None and due is not None and status.state in _LIVE and due <= bound
        for status, due in ((response, response_due_at), (resolution, resolution_due))
    )
    return SheetDeadlines(response, resolution, response_due_at, resolution_due, current,
                          due_today)


# ---------------------------------------------------------------------------------------
# issue 11: the CRM preset's "progress to the customer every 24 h" (seed 002)
# ---------------------------------------------------------------------------------------
PROGRESS_UPDATE_STATES = frozenset(
    {SheetState.REGISTERED, SheetState.ACKNOWLEDGED, SheetState.IN_PROGRESS,
     SheetState.WAITING}
)
"""While a sheet is open (waiting included: the customer still hears how it stands), the
customer is told how it is going every ``SlaPolicy.progress_update_every``."""


def progress_update_due_at(state: SheetState, *, every: timedelta | None,
                           received_at: datetime,
                           last_notified_at: datetime | None) -> datetime | None:
    """When the customer must next hear how the sheet stands: ``every`` after the last
    progress note marked "customer told" (or after receipt); None when the policy asks
    for no updates or the sheet is no longer open."""
    if every is None or state not in PROGRESS_UPDATE_STATES:
        return None
    return (last_notified_at or received_at) + every


def progress_update_overdue(state: SheetState, *, every: timedelta | None,
                            received_at: datetime, last_notified_at: datetime | None,
                            now: datetime) -> bool:
    """The update is late: ``now`` is past its due instant (the instant itself is still
    on time, as for every deadline)."""
    return is_late(progress_update_due_at(state, every=every, received_at=received_at,
                                          last_notified_at=last_notified_at), now)


def is_late(due: datetime | None, now: datetime) -> bool:
    """Past ``due`` (the instant itself is on time)."""
    return due is not None and now > due
