"""Deadlines that speak up: the warning window at its boundaries, and each event
announced once however often the desk looks (issue 9)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from helpdesk.domain import deadlines, sla
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.users import Role
from helpdesk.services.alerts import AlertKind, AlertWatch, Counts
from helpdesk.services.dto import SheetRow

T0 = datetime(2026, 11, 18, 9, 0)
MIN = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _default_window() -> Iterator[None]:
    yield
    sla.set_warning_window(None)


@pytest.mark.parametrize(("allowed", "window", "expected"), [
    (timedelta(minutes=30), sla.WarningWindow(), 10 * MIN),      # a third is 10 min
    (timedelta(minutes=29), sla.WarningWindow(), 10 * MIN),      # the minimum holds
    (timedelta(minutes=31), sla.WarningWindow(), timedelta(minutes=31) / 3),
    (timedelta(hours=2), sla.WarningWindow(), 40 * MIN),
    (timedelta(hours=2), sla.WarningWindow(share=4), 30 * MIN),
    (timedelta(hours=2), sla.WarningWindow(share=2, minimum=90 * MIN), 90 * MIN),
    (timedelta(hours=2), sla.WarningWindow(minimum=timedelta(0)), 40 * MIN),
])
def test_window_is_a_share_of_the_time_allowed_at_least_the_minimum(
        allowed: timedelta, window: sla.WarningWindow, expected: timedelta) -> None:
    assert sla.near_window(T0, T0 + allowed, window) == expected
    sla.set_warning_window(window)  # the store's setting is what the one rule reads
    assert sla.near_window(T0, T0 + allowed) == expected


def test_a_deadline_is_near_from_the_first_instant_of_its_window() -> None:
    due = T0 + timedelta(hours=2)  # window: the last 40 minutes
    near = sla.near_window(T0, due)

    def state(now: datetime) -> sla.SlaState:
        return deadlines.sheet_deadlines(
            SheetState.REGISTERED, response_due_at=due, resolution_due_at=None,
            acknowledged_at=None, resolved_at=None, waiting_since=None, now=now,
            received_at=T0).response.state

    assert state(due - near - timedelta(seconds=1)) is sla.SlaState.PENDING
    assert state(due - near) is sla.SlaState.NEAR
    assert state(due) is sla.SlaState.NEAR
    assert state(due + timedelta(seconds=1)) is sla.SlaState.OVERDUE


def test_the_stored_window_falls_back_to_the_default_when_unreadable() -> None:
    assert sla.WarningWindow.from_dict(None) == sla.WarningWindow()
    assert sla.WarningWindow.from_dict({"share": 7}) == sla.WarningWindow()
    assert sla.WarningWindow.from_dict({"share": "x"}) == sla.WarningWindow()
    window = sla.WarningWindow(4, 20 * MIN)
    assert sla.WarningWindow.from_dict(window.to_dict()) == window


def _row(sheet_id: int, *, due: datetime, severity: Severity = Severity.GENERAL,
         channel: Channel = Channel.RECEPTION) -> SheetRow:
    return SheetRow(id=sheet_id, number=f"TS-2026-{sheet_id:05d}", received_at=T0,
                    customer_name="张三", plate_or_order="", channel=channel,
                    severity=severity, category="repair_quality",
                    state=SheetState.REGISTERED, responsible_name="", response_due_at=due,
                    resolution_due_at=due + timedelta(days=3), acknowledged_at=None,
                    resolved_at=None, store_id=1, version=1, waiting_since=None)


def test_near_and_overdue_are_announced_once_each_however_often_the_desk_looks() -> None:
    watch = AlertWatch(7, {Role.FRONT_DESK})
    mine = _row(1, due=T0 + timedelta(hours=2))
    other = _row(2, due=T0 + timedelta(hours=2))
    first = watch.observe([mine, other], {1}, T0)
    assert first.alerts == () and first.counts == Counts()
    kinds = []
    now = T0
    while now < T0 + timedelta(hours=2, minutes=30):  # a look every 30 seconds
        now += timedelta(seconds=30)
        look = watch.observe([mine, other], {1}, now)
        kinds += [(a.kind, a.sheet_id, now - T0) for a in look.alerts]
    # At the first look inside the window (80 min in: the last 40 of 120), and at the
    # first look after the deadline (the deadline instant itself is still on time).
    assert kinds == [(AlertKind.NEAR, 1, 80 * MIN),
                     (AlertKind.OVERDUE, 1, timedelta(minutes=120, seconds=30))]
    assert look.counts == Counts(mine_overdue=1, store_overdue=2)


def test_starting_the_desk_does_not_replay_what_is_already_overdue() -> None:
    watch = AlertWatch(7, {Role.SERVICE_MANAGER})
    late = _row(1, due=T0 - MIN, severity=Severity.MAJOR)
    assert watch.observe([late], {1}, T0).alerts == ()
    again = watch.observe([late], {1}, T0 + MIN)
    assert again.alerts == () and again.counts == Counts(1 - 1, 1, 0, 1)


def test_assignment_and_arrivals_for_managers_once() -> None:
    manager = AlertWatch(7, {Role.SERVICE_MANAGER})
    desk = AlertWatch(8, {Role.FRONT_DESK})
    plain = _row(1, due=T0 + timedelta(hours=2))
    for watch in (manager, desk):
        watch.observe([plain], set(), T0)
    media = _row(2, due=T0 + timedelta(hours=2), channel=Channel.MEDIA)
    major = _row(3, due=T0 + timedelta(hours=2), severity=Severity.MAJOR)
    hotline = _row(4, due=T0 + timedelta(hours=2), channel=Channel.OEM_HOTLINE)
    ordinary = _row(5, due=T0 + timedelta(hours=2))
    rows = [plain, media, major, hotline, ordinary]
    look = manager.observe(rows, set(), T0 + MIN)
    assert [(a.kind, a.sheet_id) for a in look.alerts] == \
        [(AlertKind.ARRIVED, 2), (AlertKind.ARRIVED, 3), (AlertKind.ARRIVED, 4)]
    assert desk.observe(rows, set(), T0 + MIN).alerts == ()  # not the desk's news
    assert manager.observe(rows, set(), T0 + 2 * MIN).alerts == ()
    assigned = manager.observe(rows, {5}, T0 + 3 * MIN)
    assert [(a.kind, a.sheet_id) for a in assigned.alerts] == [(AlertKind.ASSIGNED, 5)]
    assert manager.observe(rows, {5}, T0 + 4 * MIN).alerts == ()


def test_an_unacknowledged_sheet_is_in_the_queue_of_who_acknowledges() -> None:
    manager = AlertWatch(7, {Role.SERVICE_MANAGER})
    desk = AlertWatch(8, {Role.FRONT_DESK})
    waiting = _row(1, due=T0 + timedelta(hours=2))  # registered, nobody responsible
    acknowledged = replace(_row(2, due=T0 + timedelta(hours=2)),
                           state=SheetState.ACKNOWLEDGED, acknowledged_at=T0)
    for watch in (manager, desk):
        watch.observe([waiting, acknowledged], set(), T0)
    at = T0 + timedelta(minutes=90)  # in the response's window (the last 40 minutes)
    heard = manager.observe([waiting, acknowledged], set(), at)
    assert [(a.kind, a.sheet_id) for a in heard.alerts] == [(AlertKind.NEAR, 1)]
    assert heard.counts == Counts(mine_near=1, store_near=1)
    assert desk.observe([waiting, acknowledged], set(), at).counts == Counts(store_near=1)
