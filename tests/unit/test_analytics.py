"""Customer analytics without a database: the arithmetic around the SQL (shares,
averages, the lifetime value), the time left of open complaints, the delivery windows
of the store policies, and the merge preview's dry run on the fake unit of work."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.customers import Customer, CustomerPhone
from helpdesk.services import analytics, common
from helpdesk.services.analytics import RfmClass, Segment
from tests.fakes import FakeUnitOfWork, seed_staff

TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 10, 0)


def test_lifetime_value_formula():
    # 1 300 yuan so far, 300 yuan in the last 12 months: 1 300 + 300 × 3 = 2 200 yuan.
    assert analytics.ltv_estimate(1300_00, 300_00) == 2200_00
    assert analytics.ltv_estimate(0, 0) == 0
    assert analytics.LTV_REMAINING_YEARS == 3


def test_pyramid_report_shares():
    rows = [
        {"segment": "top", "customers": 1, "revenue_12m": 100, "revenue": 100},
        {"segment": "high", "customers": 4, "revenue_12m": 300, "revenue": 300},
        {"segment": "middle", "customers": 15, "revenue_12m": 600, "revenue": 700},
        {"segment": "low", "customers": 80, "revenue_12m": 0, "revenue": 50},
        {"segment": "inactive", "customers": 7, "revenue_12m": 0, "revenue": 900},
        {"segment": "prospect", "customers": 3, "revenue_12m": 0, "revenue": 0},
    ]
    report = analytics._pyramid_report(rows, TODAY, None)
    # 12-month revenue 1 000: top 10 %, high 30 %, middle 60 %.
    assert report.revenue_12m_cents == 1000 and report.active_customers == 100
    assert [round(f.revenue_share, 2) for f in report.segments] == [0.1, 0.3, 0.6, 0, 0, 0]
    assert report.figure(Segment.INACTIVE).revenue_cents == 900
    empty = analytics._pyramid_report([{**r, "revenue_12m": 0} for r in rows], TODAY, None)
    assert all(f.revenue_share == 0 for f in empty.segments)  # no division by zero


def test_rfm_report_averages():
    rows = [{"rfm_class": k.value, "customers": 0, "revenue": 0, "r_sum": None,
             "f_sum": None, "m_sum": None} for k in RfmClass]
    rows[0] = {"rfm_class": "high_value", "customers": 2, "revenue": 500, "r_sum": 9,
               "f_sum": 10, "m_sum": 8}
    report = analytics._rfm_report(rows, TODAY, None)
    hv = report.figure(RfmClass.HIGH_VALUE)
    assert (hv.avg_r, hv.avg_f, hv.avg_m) == (4.5, 5.0, 4.0)
    assert report.figure(RfmClass.SILENT).avg_r is None
    assert report.scored_customers == 2


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), (date(2026, 1, 2), date(2026, 1, 2)), ("2026-01-02", date(2026, 1, 2)),
    ("2026-01-02 00:00:00.000000", date(2026, 1, 2)),
    (datetime(2026, 1, 2, 5, 6), datetime(2026, 1, 2, 5, 6)),
])
def test_as_date(value, expected):
    assert analytics.as_date(value) == expected


def _sheet_row(state: SheetState, **due) -> dict:
    return {"id": 1, "number": "TS-2026-000001", "state": state.value,
            "received_at": NOW - timedelta(days=1), "category": "other",
            "severity": "general", "acknowledged_at": due.pop("ack", None),
            "response_due_at": due.get("response"), "resolution_due_at": due.get("resolution"),
            "resolved_at": due.get("resolved"), "waiting_since": due.get("waiting_since")}


def test_open_complaint_time_left():
    unanswered = analytics._open(_sheet_row(SheetState.REGISTERED,
                                            response=NOW + timedelta(minutes=20)), NOW)
    assert unanswered.remaining == timedelta(minutes=20) and not unanswered.overdue
    late = analytics._open(_sheet_row(SheetState.IN_PROGRESS, ack=NOW,
                                      resolution=NOW - timedelta(hours=2)), NOW)
    assert late.overdue and late.remaining == -timedelta(hours=2)
    waiting = analytics._open(_sheet_row(SheetState.WAITING, ack=NOW,
                                         resolution=NOW + timedelta(days=1)), NOW)
    assert waiting.due_at == NOW + timedelta(days=1) and not waiting.overdue
    # Waiting since before its stored deadline passed: paused, the time left frozen.
    paused = analytics._open(_sheet_row(SheetState.WAITING, ack=NOW,
                                        resolution=NOW - timedelta(days=2),
                                        waiting_since=NOW - timedelta(days=3)), NOW)
    assert not paused.overdue and paused.sla.paused
    assert paused.remaining == timedelta(days=1)
    resolved = analytics._open(_sheet_row(SheetState.RESOLVED), NOW)
    assert (resolved.due_at, resolved.remaining, resolved.overdue) == (None, None, False)


@pytest.fixture
def fake():
    common.set_clock(lambda: NOW)
    yield FakeUnitOfWork()
    common.set_clock(None)


def test_visit_windows_follow_each_stores_policy(fake):
    staff = seed_staff(fake)  # dealership preset: no first visit after delivery
    crm = seed_staff(fake, preset="crm", code="CR")  # seed 002: within 3 days
    with fake.reading():
        assert analytics.visit_windows(fake, TODAY) == \
            ((crm.store_id, TODAY - timedelta(days=3)),)
    assert staff.store_id != crm.store_id


def test_dry_run_rolls_everything_back(fake):
    staff = seed_staff(fake)
    with fake:
        c = Customer(name="张三", created_at=NOW, updated_at=NOW)
        c.phones.append(CustomerPhone("+8613812345678"))
        fake.customers.add(c)
        fake.commit()
    commits = fake.commits
    dry = analytics._DryRun(fake)
    with dry:
        dry.customers.get(c.id).name = "李四"
        dry.commit()  # does nothing: leaving the block rolls back
    assert fake.commits == commits
    with fake.reading():
        assert fake.customers.get(c.id).name == "张三"
    assert staff.manager


def test_class_rows_give_back_what_was_added():
    """The classification's rows are kept by column (issue 13): each reads back whole,
    with its empty values (no rank) as None."""
    from array import array
    from datetime import date as _date

    from helpdesk.domain.classification import Classified
    from helpdesk.domain.customers import Lifecycle
    from helpdesk.services.analytics import ClassRows, RfmClass, Segment

    ranked = Classified(segments=bytes([0, 4]), ranks=array("q", [1, 0]), r=bytes([5, 1]),
                        f=bytes([4, 2]), m=bytes([5, 1]), classes=bytes([0, 4]), active=1)
    last = array("q", [_date(2026, 11, 30).toordinal(), _date(2020, 1, 2).toordinal()])
    rows = ClassRows(array("q", [7, 200_001]), ranked, bytes([2, 3]),
                     array("q", [9_000_000_000, 0]), array("q", [12_000_000_000, 150_00]), last)
    first = (Segment.TOP, 1, 5, 4, 5, RfmClass.HIGH_VALUE, Lifecycle.ACTIVE, 9_000_000_000,
             _date(2026, 11, 30), 12_000_000_000)
    second = (Segment.INACTIVE, None, 1, 2, 1, RfmClass.SILENT, Lifecycle.INACTIVE, 0,
              _date(2020, 1, 2), 150_00)
    assert rows[7] == first
    assert rows.get(200_001) == second
    assert rows.get(8) is None
    assert len(rows) == 2 and list(rows) == [7, 200_001]
    assert list(rows.values()) == [first, second]
    # Dense ids (the usual case) are found through an array, sparse ones through a dict.
    dense = ClassRows(array("q", [9, 3]), ranked, bytes([2, 3]), array("q", [9_000_000_000, 0]),
                      array("q", [12_000_000_000, 150_00]), last)
    assert dense[9] == first and dense[3] == second
    assert [dense.get(k) for k in (-1, 0, 4, 10, 10**9)] == [None] * 5
    assert 9 in dense and 4 not in dense and list(dense) == [9, 3]
