"""The monthly report's figures, checked against the hand-worked history of
``dataset.py`` (counted there from the script, not with the report's code)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from helpdesk.domain.complaints import Effectiveness, SheetState
from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.reports import monthly
from helpdesk.services import complaints, customers, reporting
from helpdesk.services.reporting import build_monthly_report
from helpdesk.storage.database import Database
from tests.conftest import NOW, Clock, Staff
from tests.reports import dataset
from tests.reports.dataset import ACTIONS, OCTOBER_VISITS, REPEAT, SEPTEMBER_VISITS


def october(db: Database, **kwargs: object) -> monthly.MonthlyReport:
    return build_monthly_report(db.uow(), "2026-10", **kwargs)  # type: ignore[arg-type]


def test_headline_figures(report_db: Database) -> None:
    r = october(report_db)
    e = dataset.expected()
    cur = r.current
    assert (cur.received, cur.major) == (e["received"], e["major"]) == (7, 2)
    assert (cur.response.eligible, cur.response.on_time) == \
        (e["response_eligible"], e["response_on_time"]) == (7, 5)
    assert (cur.resolution.eligible, cur.resolution.on_time) == \
        (e["resolution_eligible"], e["resolution_on_time"]) == (5, 2)
    assert cur.response.rate == pytest.approx(5 / 7)
    assert (cur.response_time.median, cur.response_time.p90) == \
        (e["response_median"], e["response_p90"]) == (10, 7200)
    assert cur.response_time.count == 6
    assert (cur.resolution_time.median, cur.resolution_time.p90) == \
        (e["resolution_median"], e["resolution_p90"]) == (65, 14400)
    assert (cur.not_closed, cur.unresolved, cur.overdue) == \
        (e["not_closed"], e["unresolved"], e["overdue"]) == (6, 4, 2)
    assert r.complete and r.as_of == datetime(2026, 11, 1)
    assert r.generated_at == NOW
    assert r.store_id is None and r.store_name is None


def test_breakdowns_with_last_month(report_db: Database) -> None:
    r = october(report_db)
    e = dataset.expected()
    assert {row.key: row.count for row in r.by_channel if row.count} == e["channels"]
    assert {row.key: row.previous for row in r.by_channel if row.previous} == \
        dataset.SEPTEMBER_RECEIVED
    assert {row.key: row.count for row in r.by_category if row.count} == e["categories"]
    assert {row.key: row.previous for row in r.by_category if row.previous} == \
        dataset.SEPTEMBER_CATEGORIES
    assert {row.key: row.count for row in r.by_area if row.count} == e["areas"]
    assert [(row.key, row.count) for row in r.by_severity] == [("general", 5), ("major", 2)]
    # Largest first; the six areas are always listed, the unassigned after equals.
    assert r.by_channel[0].key == "reception"
    assert {row.key for row in r.by_area} >= {"sales", "logistics"}
    assert sum(row.count for row in r.by_category) == r.current.received


def test_backlog_is_the_state_at_the_cutoff(report_db: Database, data: dataset.Dataset) -> None:
    r = october(report_db)
    e = dataset.expected()
    assert {b.state.value: b.count for b in r.backlog} == e["backlog"]
    # S4 was assigned on 3 November: at the cut-off it was still only acknowledged.
    acknowledged = next(b for b in r.backlog if b.state is SheetState.ACKNOWLEDGED)
    assert (acknowledged.count, acknowledged.overdue) == (1, 1)
    # S8 was closed then, reopened later: not in October's backlog.
    assert sum(b.from_month for b in r.backlog) == 5
    numbers = {key: complaints.get_sheet(report_db.uow(), data.staff.director, sid).number
               for key, sid in data.sheets.items()}
    assert [(o.number, o.step) for o in r.overdue_sheets] == \
        [(numbers["S1"], "response"), (numbers["S4"], "resolution")]


def test_repeat_complainants(report_db: Database, data: dataset.Dataset) -> None:
    r = october(report_db)
    by_id = {c.customer_id: (c.in_month, c.in_window) for c in r.repeat}
    assert by_id == {data.customers[k]: v for k, v in REPEAT.items()}
    assert r.current.repeat_customers == len(REPEAT) == 3
    assert r.current.repeat_in_month == sum(1 for m, _ in REPEAT.values() if m >= 2) == 2
    assert r.repeat[0].name == "张三"  # most sheets this month first


def test_root_causes(report_db: Database) -> None:
    r = october(report_db)
    top = r.root_causes[0]
    assert (top.category, top.area, top.count, top.analysed) == \
        ("repair_quality", "technical", 2, 2)
    assert top.causes == ((dataset.ROOT_SPARK, 2),)
    assert r.analysed == 4  # S2, S3, S6, S8
    unassigned = next(g for g in r.root_causes if g.area == "")
    assert (unassigned.category, unassigned.causes) == ("service_attitude", ())


def test_corrective_actions(report_db: Database) -> None:
    r = october(report_db)
    s = r.action_summary
    assert (s.total, s.effective, s.not_effective, s.pending, s.overdue,
            s.carried_overdue) == (ACTIONS["total"], ACTIONS["effective"],
                                   ACTIONS["not_effective"], ACTIONS["pending"],
                                   ACTIONS["overdue"], ACTIONS["carried"])
    overdue = [a for a in r.actions if a.overdue]
    assert [a.description for a in overdue] == [dataset.ACTION_SCAN]
    assert r.actions[0].overdue  # overdue first
    stock = next(a for a in r.actions if a.description == dataset.ACTION_STOCK)
    # Checked effective on 5 November: pending at the cut-off.
    assert (stock.done, stock.effectiveness) == (False, Effectiveness.PENDING)
    assert all(a.owner_name == "陈刚" for a in r.actions)
    listed = {a.description for a in r.actions}
    assert dataset.ACTION_CHECKLIST not in listed and dataset.ACTION_QUOTE not in listed


def test_satisfaction(report_db: Database) -> None:
    r = october(report_db)
    csat = r.current.csat
    assert csat.visits == len(OCTOBER_VISITS)
    assert csat.satisfied == sum(1 for v in OCTOBER_VISITS if v >= 4)
    assert csat.average == pytest.approx(sum(OCTOBER_VISITS) / len(OCTOBER_VISITS))
    assert r.csat_scores == tuple(OCTOBER_VISITS.count(score) for score in range(1, 6))
    assert r.previous.csat.visits == len(SEPTEMBER_VISITS)
    assert r.previous.csat.rate == 1.0


def test_last_month_and_trend(report_db: Database) -> None:
    r = october(report_db)
    p = r.previous
    assert p.month == date(2026, 9, 1)
    assert (p.received, p.response.on_time, p.response.eligible) == (2, 2, 2)
    # P2 was still open on 1 October, two days past its deadline.
    assert (p.resolution.on_time, p.resolution.eligible) == (1, 2)
    assert (p.response_time.median, p.response_time.p90) == (10, 20)
    assert (p.unresolved, p.overdue) == (1, 1)
    assert p.repeat_customers == 0
    assert [t.month for t in r.trend] == [monthly.add_months(date(2026, 10, 1), -k)
                                          for k in range(11, -1, -1)]
    assert [t.received for t in r.trend] == [0] * 10 + [2, 7]
    assert r.trend[-1].response == r.current.response
    assert r.trend[-2].resolution == p.resolution
    assert all(t.response.rate is None for t in r.trend[:10])


def test_one_store(report_db: Database, data: dataset.Dataset) -> None:
    r = build_monthly_report(report_db.uow(), "2026-10", store_id=data.staff.store_id)
    e = dataset.expected("TS")
    assert r.store_name == "天顺汽车4S店"
    assert (r.current.received, r.current.not_closed, r.current.unresolved) == \
        (e["received"], e["not_closed"], e["unresolved"]) == (6, 5, 3)
    assert "waiting" not in {b.state.value for b in r.backlog}
    bj = build_monthly_report(report_db.uow(), "2026-10", store_id=data.bj)
    assert (bj.current.received, [b.state for b in bj.backlog]) == (1, [SheetState.WAITING])
    # S5 waits for the customer: its resolution is neither on time nor late.
    assert bj.current.resolution.eligible == 0 and bj.current.resolution.rate is None


def test_store_with_no_data(report_db: Database, data: dataset.Dataset) -> None:
    r = build_monthly_report(report_db.uow(), "2026-10", store_id=data.gz)
    assert r.store_name == "广州天河店"
    cur = r.current
    assert (cur.received, cur.not_closed, cur.repeat_customers, cur.csat.visits) == (0, 0, 0, 0)
    assert cur.response.rate is None and cur.response_time.median is None
    assert all(t.received == 0 for t in r.trend)
    assert r.actions == () and r.major == () and r.root_causes == ()


def test_empty_month(report_db: Database) -> None:
    r = build_monthly_report(report_db.uow(), "2026-06")
    assert r.current.received == 0 and r.previous.received == 0
    assert r.by_channel == () and r.by_category == ()
    assert [row.count for row in r.by_severity] == [0, 0]


def test_month_in_progress(report_db: Database) -> None:
    r = build_monthly_report(report_db.uow(), "2026-11")
    assert not r.complete and r.as_of == NOW
    assert r.current.received == 1  # S9
    # Now: S1 and S9 registered, S4 (assigned 3 November) and S8 (reopened) in
    # progress, S5 waiting.
    assert r.current.unresolved == 5


def test_month_with_only_open_sheets(db: Database, staff: Staff, clock: Clock) -> None:
    uow = db.uow
    who = customers.create_customer(uow(), staff.desk, customers.CustomerInput(
        name="钱七", phones=("13512345678",))).id
    for when in (datetime(2026, 8, 10, 9, 0), datetime(2026, 8, 20, 15, 0)):
        clock.at = when
        complaints.register(uow(), staff.desk, complaints.SheetInput(
            channel="reception", severity="general", category="price",
            description="报价不清", customer_id=who))
    clock.at = NOW
    r = build_monthly_report(uow(), "2026-08")
    cur = r.current
    assert cur.received == 2
    assert (cur.response.eligible, cur.response.on_time) == (2, 0)  # deadlines passed
    assert (cur.resolution.eligible, cur.resolution.on_time) == (2, 0)
    assert cur.response_time.count == 0 and cur.response_time.median is None
    assert (cur.unresolved, cur.overdue) == (2, 2)
    assert [(b.state, b.count) for b in r.backlog] == [(SheetState.REGISTERED, 2)]
    assert cur.repeat_customers == 1 and r.repeat[0].in_month == 2
    assert cur.csat.visits == 0 and cur.csat.rate is None




def test_future_month_is_refused(report_db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        build_monthly_report(report_db.uow(), "2026-12")
    assert info.value.code == "month.future"


def test_the_service_checks_permission_and_store(report_db: Database,
                                                 data: dataset.Dataset) -> None:
    request = reporting.MonthlyRequest("2026-10")
    with pytest.raises(PermissionDenied):
        reporting.monthly_report(report_db.uow(), data.staff.desk, request)
    with pytest.raises(ValidationError) as info:
        reporting.monthly_report(report_db.uow(), data.staff.gm,
                                 reporting.MonthlyRequest("2026-10", store="XX"))
    assert (info.value.field, info.value.code) == ("store", "store.not_found")
    by_code = reporting.monthly_report(report_db.uow(), data.staff.gm,
                                       reporting.MonthlyRequest("2026-10", store="ｔｓ"))
    assert by_code.store_id == data.staff.store_id


def test_reports_are_audited(report_db: Database, data: dataset.Dataset) -> None:
    reporting.monthly_pdf(report_db.uow(), data.staff.gm,
                          reporting.MonthlyRequest("2026-10", store="BJ", lang="en"))
    with report_db.uow().reading() as uow:
        entry = uow.audit.recent(5, "report.")[0]
        seen = (entry.action, entry.username, entry.entity_id, entry.changes)
    assert seen[:3] == ("report.monthly", "gm", data.bj)
    assert '"en"' in seen[3] and '"2026-10"' in seen[3]


def test_lists_are_limited_but_totals_are_not(report_db: Database) -> None:
    r = october(report_db, list_limit=1)
    assert len(r.repeat) == 1 and r.current.repeat_customers == 3
    assert len(r.actions) == 1 and r.action_summary.total == 4
    assert len(r.major) == 1 and r.current.major == 2
    everything = october(report_db, list_limit=None)
    assert len(everything.major) == 2 and len(everything.actions) == 4


def test_cutoff_is_exclusive(report_db: Database, clock: Clock) -> None:
    """A report made at 10:00 on the 18th counts what happened before 10:00."""
    clock.at = datetime(2026, 11, 2, 9, 0)  # when S9 arrives
    r = build_monthly_report(report_db.uow(), "2026-11")
    assert r.current.received == 0
    clock.at += timedelta(seconds=1)
    assert build_monthly_report(report_db.uow(), "2026-11").current.received == 1
