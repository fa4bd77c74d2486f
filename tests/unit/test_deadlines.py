"""The one deadline rule (``helpdesk.domain.deadlines``), case by case."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from helpdesk.domain import deadlines
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.complaints import SheetState as S
from helpdesk.domain.deadlines import Clock
from helpdesk.domain.sla import SlaState

NOW = datetime(2026, 3, 10, 14, 0)
SEC = timedelta(seconds=1)
H = timedelta(hours=1)
D = timedelta(days=1)


def judge(state: S, *, response: timedelta | None = 5 * D, resolution: timedelta | None = 5 * D,
          ack: timedelta | None = None, resolved: timedelta | None = None,
          wait: timedelta | None = None,
          received: timedelta | None = -H) -> deadlines.SheetDeadlines:
    """Deadlines and times as offsets from NOW (received an hour ago unless said)."""
    def at(offset: timedelta | None) -> datetime | None:
        return None if offset is None else NOW + offset

    return deadlines.sheet_deadlines(
        state, response_due_at=at(response), resolution_due_at=at(resolution),
        acknowledged_at=at(ack), resolved_at=at(resolved), waiting_since=at(wait), now=NOW,
        received_at=at(received))


# (case, sheet, current clock, state of that clock, overdue, paused, due today, remaining)
CASES = [
    ("unanswered, plenty of time", dict(state=S.REGISTERED, response=2 * H),
     Clock.RESPONSE, SlaState.PENDING, False, False, True, 2 * H),
    ("unanswered, response at this very instant", dict(state=S.REGISTERED, response=0 * H),
     Clock.RESPONSE, SlaState.NEAR, False, False, True, 0 * H),
    ("unanswered, one second late", dict(state=S.REGISTERED, response=-SEC),
     Clock.RESPONSE, SlaState.OVERDUE, True, False, True, -SEC),
    ("unanswered, only the resolution passed",
     dict(state=S.REGISTERED, response=H, resolution=-H),
     Clock.RESOLUTION, SlaState.OVERDUE, True, False, True, -H),
    ("unanswered, response due tomorrow", dict(state=S.REGISTERED, response=D),
     Clock.RESPONSE, SlaState.PENDING, False, False, False, D),
    ("in progress, resolution near", dict(state=S.IN_PROGRESS, ack=-D, resolution=5 * H,
                                                         received=-D - H),
     Clock.RESOLUTION, SlaState.NEAR, False, False, True, 5 * H),
    ("in progress, one second late", dict(state=S.IN_PROGRESS, ack=-D, resolution=-SEC),
     Clock.RESOLUTION, SlaState.OVERDUE, True, False, True, -SEC),
    ("acknowledged, response was late: no longer overdue",
     dict(state=S.ACKNOWLEDGED, response=-2 * D, ack=-D, resolution=3 * D),
     Clock.RESOLUTION, SlaState.PENDING, False, False, False, 3 * D),
    # The bug of issue 8: stored deadline 2 days ago, but the wait began before it.
    ("waiting since before the stored deadline passed",
     dict(state=S.WAITING, ack=-9 * D, resolution=-2 * D, wait=-3 * D),
     Clock.RESOLUTION, SlaState.PAUSED, False, True, False, D),
    ("waiting, the wait began exactly at the deadline",
     dict(state=S.WAITING, ack=-9 * D, resolution=-2 * D, wait=-2 * D),
     Clock.RESOLUTION, SlaState.PAUSED, False, True, False, 0 * H),
    ("waiting, the wait began one second after the deadline",
     dict(state=S.WAITING, ack=-9 * D, resolution=-2 * D, wait=-2 * D + SEC),
     Clock.RESOLUTION, SlaState.OVERDUE, True, False, True, -SEC),
    ("waiting, stored deadline still ahead", dict(state=S.WAITING, ack=-D, resolution=H,
                                                   wait=-H),
     Clock.RESOLUTION, SlaState.PAUSED, False, True, False, 2 * H),
    ("waiting without an open pause (imported): stopped now",
     dict(state=S.WAITING, ack=-D, resolution=-H),
     Clock.RESOLUTION, SlaState.OVERDUE, True, False, True, -H),
    ("reopened after the deadline", dict(state=S.IN_PROGRESS, ack=-9 * D, resolution=-D),
     Clock.RESOLUTION, SlaState.OVERDUE, True, False, True, -D),
    ("resolved on time", dict(state=S.RESOLVED, ack=-3 * D, resolution=-D, resolved=-2 * D),
     Clock.RESOLUTION, SlaState.MET, False, False, False, D),
    ("closed, resolved late: missed, never overdue",
     dict(state=S.CLOSED, ack=-3 * D, resolution=-2 * D, resolved=-D),
     Clock.RESOLUTION, SlaState.MISSED, False, False, False, -D),
    ("no deadlines", dict(state=S.REGISTERED, response=None, resolution=None),
     None, None, False, False, False, None),
]


@pytest.mark.parametrize(("sheet", "clock", "state", "overdue", "paused", "due_today",
                          "remaining"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_rule(sheet: dict, clock: Clock | None, state: SlaState | None, overdue: bool,
                  paused: bool, due_today: bool, remaining: timedelta | None) -> None:
    judged = judge(**sheet)
    assert judged.current is clock
    assert (judged.status.state if judged.status else None) is state
    assert (judged.overdue, judged.paused, judged.due_today) == (overdue, paused, due_today)
    assert judged.remaining == remaining


def test_waiting_time_left_stands_still_and_the_deadline_moves() -> None:
    sheet = dict(response_due_at=NOW - 9 * D, resolution_due_at=NOW - 2 * D,
                 acknowledged_at=NOW - 9 * D, resolved_at=None, waiting_since=NOW - 3 * D)
    first = deadlines.sheet_deadlines(S.WAITING, now=NOW, **sheet)
    later = deadlines.sheet_deadlines(S.WAITING, now=NOW + 5 * D, **sheet)
    assert first.remaining == later.remaining == D
    assert first.due == NOW + D and later.due == NOW + 6 * D


def test_the_response_step_is_judged_once_acknowledged() -> None:
    judged = judge(S.IN_PROGRESS, response=-2 * H, ack=-H)
    assert judged.response is not None and judged.response.state is SlaState.MISSED
    assert not judged.overdue


def test_open_wait_start_is_the_latest_open_pause() -> None:
    pauses = [(NOW - 5 * D, NOW - 4 * D), (NOW - 2 * D, None), (NOW - D, None)]
    assert deadlines.open_wait_start(pauses) == NOW - D
    assert deadlines.open_wait_start(pauses[:1]) is None


# ---------------------------------------------------------------- issue 11
@pytest.mark.parametrize(("after", "late"), [
    (timedelta(hours=23, minutes=59, seconds=59), False),
    (timedelta(hours=24), False),  # the instant itself is on time
    (timedelta(hours=24, microseconds=1), True),
    (timedelta(hours=25), True),
])
def test_the_progress_update_is_late_just_after_24_hours(after: timedelta,
                                                         late: bool) -> None:
    told = datetime(2026, 3, 10, 9, 0)
    assert deadlines.progress_update_overdue(
        SheetState.IN_PROGRESS, every=timedelta(hours=24),
        received_at=told - timedelta(hours=5), last_notified_at=told,
        now=told + after) is late


def test_the_progress_update_counts_from_receipt_and_only_while_open() -> None:
    received = datetime(2026, 3, 10, 9, 0)
    later = received + timedelta(hours=24, seconds=1)
    for state in SheetState:
        late = deadlines.progress_update_overdue(
            state, every=timedelta(hours=24), received_at=received, last_notified_at=None,
            now=later)
        assert late is (state in deadlines.PROGRESS_UPDATE_STATES)
    assert deadlines.progress_update_due_at(
        SheetState.IN_PROGRESS, every=None, received_at=received,
        last_notified_at=None) is None  # a preset without updates
