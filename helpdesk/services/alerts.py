"""Deadlines that speak up (issue 9): what the tray icon counts and what it announces.

:class:`AlertWatch` looks at the open sheets now and then (and after every change the
feed brings) and answers with the counts for "me" and for the store, and with the
*new* events since its last look — each announced once, however often it looks:

* a sheet that is mine enters its warning window (``near``), or goes overdue — mine:
  I am responsible for it, or it waits in my role's queue (a registered sheet not yet
  acknowledged, for those who acknowledge: the service manager and director);
* a sheet is assigned to me;
* a major complaint, or one from the media or the manufacturer's hotline, arrives
  (for managers and the director).

The first look only learns what is already so: starting the program does not replay
every overdue sheet as news (the counts show them). No Qt here; the desktop's tray
(``ui/tray.py``) shows the answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from helpdesk.domain import deadlines, sla
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.filters import SheetFilter
from helpdesk.domain.users import ROLE_PERMISSIONS, Permission, Role
from helpdesk.services import common, complaints
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import SheetRow

# Who hears of a major, media or hotline complaint as soon as it arrives.
ARRIVAL_ROLES = frozenset({Role.SERVICE_MANAGER, Role.SERVICE_DIRECTOR,
                           Role.GENERAL_MANAGER})
ARRIVAL_CHANNELS = frozenset({Channel.MEDIA, Channel.OEM_HOTLINE})


class AlertKind(StrEnum):
    NEAR = "near"          # my sheet entered its warning window
    OVERDUE = "overdue"    # my sheet went overdue
    ASSIGNED = "assigned"  # a sheet was assigned to me
    ARRIVED = "arrived"    # a major / media / hotline complaint arrived


@dataclass(frozen=True)
class Alert:
    """One thing to announce. ``clock`` and ``due`` for NEAR and OVERDUE."""

    kind: AlertKind
    sheet_id: int
    number: str
    customer_name: str
    severity: Severity
    channel: Channel
    clock: deadlines.Clock | None = None
    due: datetime | None = None


@dataclass(frozen=True)
class Counts:
    """Sheets due soon (in their warning window) and overdue: mine and the store's."""

    mine_near: int = 0
    mine_overdue: int = 0
    store_near: int = 0
    store_overdue: int = 0


@dataclass(frozen=True)
class Look:
    counts: Counts
    alerts: tuple[Alert, ...]


def _alert(kind: AlertKind, row: SheetRow, clock: deadlines.Clock | None = None,
           due: datetime | None = None) -> Alert:
    return Alert(kind, row.id, row.number, row.customer_name, row.severity, row.channel,
                 clock, due)


class AlertWatch:
    """Remembers what was announced, so each event is announced once."""

    def __init__(self, user_id: int, roles: Iterable[Role]) -> None:
        self.user_id = user_id
        roles = set(roles)
        self.hears_arrivals = bool(ARRIVAL_ROLES & roles)
        # Who acknowledges has the queue of registered, unacknowledged sheets.
        self.has_queue = any(Permission.ACKNOWLEDGE in ROLE_PERMISSIONS[r] for r in roles)
        self._first = True
        self._announced: set[tuple[object, ...]] = set()
        self._mine: set[int] = set()
        self._known: set[int] = set()

    def observe(self, rows: Iterable[SheetRow], mine: set[int], now: datetime) -> Look:
        """The counts and the new events, given the open sheets (``rows``), which of
        them I am responsible for (``mine``; my role's queue is added here) and the
        time."""
        alerts: list[Alert] = []
        counts = {"mine_near": 0, "mine_overdue": 0, "store_near": 0, "store_overdue": 0}
        seen: set[int] = set()
        for row in rows:
            seen.add(row.id)
            judged = deadlines.sheet_deadlines(
                row.state, response_due_at=row.response_due_at,
                resolution_due_at=row.resolution_due_at, acknowledged_at=row.acknowledged_at,
                resolved_at=row.resolved_at, waiting_since=row.waiting_since, now=now,
                received_at=row.received_at)
            status, clock = judged.status, judged.current
            state = status.state if status is not None else None
            due = (judged.response_due if clock is deadlines.Clock.RESPONSE
                   else judged.resolution_due)
            responsible = row.id in mine
            is_mine = responsible or (self.has_queue and row.state is SheetState.REGISTERED)
            if state is sla.SlaState.NEAR:
                counts["store_near"] += 1
                counts["mine_near"] += is_mine
            elif state is sla.SlaState.OVERDUE:
                counts["store_overdue"] += 1
                counts["mine_overdue"] += is_mine
            if is_mine and state in (sla.SlaState.NEAR, sla.SlaState.OVERDUE):
                kind = AlertKind.NEAR if state is sla.SlaState.NEAR else AlertKind.OVERDUE
                # Keyed by the deadline: a new deadline (a reopen, a correction) is news.
                key = (kind, row.id, clock, row.response_due_at if clock is
                       deadlines.Clock.RESPONSE else row.resolution_due_at)
                if key not in self._announced:
                    self._announced.add(key)
                    if not self._first:
                        alerts.append(_alert(kind, row, clock, due))
            if not self._first and responsible and row.id not in self._mine:
                alerts.append(_alert(AlertKind.ASSIGNED, row))
            if not self._first and self.hears_arrivals and row.id not in self._known and (
                    row.severity is Severity.MAJOR or row.channel in ARRIVAL_CHANNELS):
                alerts.append(_alert(AlertKind.ARRIVED, row))
        self._known |= seen
        self._mine = set(mine) & seen
        self._first = False
        return Look(Counts(**counts), tuple(alerts))

    def look(self, uow: Callable[[], UnitOfWork]) -> Look:
        """Read the open sheets (one query for the ids, one for the rows) and observe."""
        now = common.now()
        every = complaints.list_sheet_ids(uow(), self.user_id,
                                          SheetFilter(include_closed=False))
        mine = set(complaints.list_sheet_ids(uow(), self.user_id, SheetFilter(
            include_closed=False, responsible_user_id=self.user_id)))
        return self.observe(complaints.sheet_rows(uow(), every), mine, now)
