"""As-at-month-end figures against an independent oracle.

A small October is played through the services; reopenings and new resolutions follow
in November and December, then corrections (channel, severity, category, a new
responsible area and person), a wait that moves a deadline, and a late return visit.
The oracle below counts October as it stood at its end by replaying each sheet's raw
workflow rows and its audit entries' before/after values in plain Python — it shares no
code with the report, nor the report's history table — and the report must agree with
it before and after all that, with a byte-identical figure table, on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.reports import monthly
from helpdesk.services import complaints, customers
from helpdesk.services.reporting import build_monthly_report
from helpdesk.storage.database import Database
from tests.conftest import Clock, Staff, staff_store

CUTOFF = datetime(2026, 11, 1)
START = datetime(2026, 10, 1)
ROOT = "火花塞型号装错，配件出库时未按VIN核对车型"
MEASURE = "配件出库扫码核对VIN，配件经理沈瑜负责，11月15日前上线"


def _at(text_: str) -> datetime:
    return datetime.strptime(text_, "%Y-%m-%d %H:%M")


class Story:
    """Drives the services with the clock, one call per line of the story."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self.db, self.clock = database, clock
        clock.at = _at("2026-09-01 09:00")
        self.staff: Staff = staff_store(database)
        self.customer = customers.create_customer(
            database.uow(), self.staff.desk,
            customers.CustomerInput(name="张三", phones=("13812345678",))).id
        self.ids: dict[str, int] = {}
        self.lisi = self.wangwu = 0

    def at(self, when: str) -> Story:
        self.clock.at = _at(when)
        return self

    def register(self, key: str, when: str, severity: str = "general",
                 customer: int | None = None) -> None:
        self.at(when)
        self.ids[key] = complaints.register(self.db.uow(), self.staff.desk, complaints.SheetInput(
            channel="reception", severity=severity, category="repair_quality",
            description="发动机异响", customer_id=customer or self.customer,
            customer_request="尽快处理")).id

    def new_customer(self, name: str, phone: str) -> int:
        return customers.create_customer(self.db.uow(), self.staff.desk,
                                         customers.CustomerInput(name=name, phones=(phone,))).id

    def correct(self, key: str, when: str, *, received_at: datetime | None = None,
                customer_id: int | None = None) -> None:
        """The desk corrects the sheet's received time or customer, nothing else."""
        self.at(when)
        d = complaints.get_sheet(self.db.uow(), self.staff.director, self.ids[key])
        complaints.update_sheet(self.db.uow(), self.staff.desk, d.id, d.version,
                                complaints.SheetInput(
                                    channel=d.channel, severity=d.severity,
                                    category=d.category, description=d.description,
                                    customer_id=customer_id or d.customer_id,
                                    customer_request=d.customer_request,
                                    received_at=received_at or d.received_at))

    def assign(self, key: str, when: str) -> None:
        self.at(when)
        complaints.assign(self.db.uow(), self.staff.director, self.ids[key],
                          ResponsibleArea.TECHNICAL, self.staff.manager)
        complaints.record_analysis(self.db.uow(), self.staff.manager, self.ids[key],
                                   root_cause=ROOT, correction="免费更换火花塞",
                                   long_term_measure=MEASURE)

    def step(self, key: str, when: str, action: Callable[..., object], *args: object) -> None:
        self.at(when)
        actor = self.staff.director
        action(self.db.uow(), actor, self.ids[key], *args)

    def resolve(self, key: str, when: str) -> None:
        self.at(when)
        complaints.resolve(self.db.uow(), self.staff.manager, self.ids[key])

    def finish(self, key: str, when: str) -> None:
        """Visit and close (one hour after ``when``)."""
        self.at(when)
        complaints.record_return_visit(self.db.uow(), self.staff.care, self.ids[key], 5, "满意")
        complaints.close(self.db.uow(), self.staff.director, self.ids[key], "客户满意")


def _october(story: Story) -> None:
    s = story
    s.register("A", "2026-10-05 09:00", "major")  # on time, closed; reopened in December
    s.assign("A", "2026-10-05 09:10")
    s.resolve("A", "2026-10-05 10:00")
    s.finish("A", "2026-10-05 11:00")
    s.register("B", "2026-10-06 09:00")  # on time, closed; reopened in November
    s.assign("B", "2026-10-06 09:05")
    s.resolve("B", "2026-10-07 10:00")
    s.finish("B", "2026-10-07 11:00")
    s.register("C", "2026-10-08 09:00")  # resolved, reopened in October, resolved late
    s.assign("C", "2026-10-08 09:30")
    s.resolve("C", "2026-10-08 15:00")
    s.step("C", "2026-10-09 09:00", complaints.reopen, "客户反映未修好")
    s.resolve("C", "2026-10-25 09:00")
    s.register("D", "2026-10-20 09:00", "major")  # resolved only in November: late at cut-off
    s.assign("D", "2026-10-20 10:00")
    s.register("E", "2026-10-28 09:00")  # never handled
    s.register("F", "2026-10-10 09:00")  # resolved, visited, reopened on 30 October
    s.assign("F", "2026-10-10 09:20")
    s.resolve("F", "2026-10-10 12:00")
    s.at("2026-10-11 10:00")
    complaints.record_return_visit(s.db.uow(), s.staff.care, s.ids["F"], 2, "不满意")
    s.step("F", "2026-10-30 10:00", complaints.reopen, "客户仍不满意")


def _later(story: Story) -> None:
    story.resolve("D", "2026-11-03 09:00")
    story.resolve("F", "2026-11-04 09:00")


def _much_later(story: Story) -> None:
    s = story
    s.step("B", "2026-11-10 09:00", complaints.reopen, "客户再次投诉")
    s.step("A", "2026-12-02 09:00", complaints.reopen, "同一问题复发")
    s.resolve("A", "2026-12-20 09:00")  # late this time
    s.step("C", "2026-12-05 09:00", complaints.reopen, "复发")


def _corrections(story: Story) -> None:
    """December: what is corrected, reassigned, waited and visited after October."""
    s, db = story, story.db
    # B (reopened in November) was registered as a general complaint at the reception;
    # it is corrected to a major one from the manufacturer's hotline about attitude: its
    # deadlines are recomputed, and by the new ones its October resolution was late.
    s.at("2026-12-21 09:00")
    b = complaints.get_sheet(db.uow(), s.staff.director, s.ids["B"])
    complaints.update_sheet(db.uow(), s.staff.desk, s.ids["B"], b.version,
                            complaints.SheetInput(
                                channel="oem_hotline", severity="major",
                                category="service_attitude", description="发动机异响",
                                customer_id=s.customer, customer_request="尽快处理"))
    # E (never handled in October) is assigned, waits for the customer and resumes:
    # its resolution deadline moves by the wait.
    s.at("2026-12-21 10:00")
    complaints.assign(db.uow(), s.staff.director, s.ids["E"], ResponsibleArea.SERVICE,
                      s.staff.director)
    s.step("E", "2026-12-21 11:00", complaints.wait_for_customer, "等客户送车")
    s.step("E", "2026-12-26 11:00", complaints.resume)
    # C (reopened on 5 December) goes to another area and person.
    s.at("2026-12-27 09:00")
    complaints.assign(db.uow(), s.staff.director, s.ids["C"], ResponsibleArea.SALES,
                      s.staff.director)
    # D, resolved on 3 November, is visited only now: a December visit.
    s.at("2026-12-27 10:00")
    complaints.record_return_visit(db.uow(), s.staff.care, s.ids["D"], 3, "一般")


def _september(story: Story) -> None:
    story.lisi = story.new_customer("李四", "13900001111")
    story.wangwu = story.new_customer("王五", "13700002222")
    story.register("I", "2026-09-30 10:00")  # typed a day early: corrected in December


def _october_end(story: Story) -> None:
    """Sheets of October's last days whose received time or customer changes later."""
    s = story
    s.register("K", "2026-10-30 11:00")  # handled at once; received a day earlier, says Dec.
    s.assign("K", "2026-10-30 11:30")
    s.resolve("K", "2026-10-30 15:00")
    s.register("L", "2026-10-30 12:00", customer=s.lisi)  # 李四's only October sheet
    s.register("W", "2026-10-30 13:00", customer=s.wangwu)  # merged into 张三 in December
    s.register("G", "2026-10-31 22:00")  # really received on 1 November, says December


def _november(story: Story) -> None:
    story.register("H", "2026-11-02 10:00")  # really received on 29 October, says December


def _moves(story: Story) -> None:
    """December: received times corrected across October's ends (both ways) and within
    it, a sheet given to another customer, and a customer merged into another."""
    s = story
    s.correct("I", "2026-12-27 11:00", received_at=_at("2026-10-01 10:00"))  # Sep → Oct
    s.correct("G", "2026-12-27 11:05", received_at=_at("2026-11-01 08:00"))  # Oct → Nov
    s.correct("H", "2026-12-27 11:10", received_at=_at("2026-10-29 10:00"))  # Nov → Oct
    s.correct("K", "2026-12-27 11:15", received_at=_at("2026-10-29 11:00"))  # a day earlier
    s.correct("E", "2026-12-27 11:20", customer_id=s.lisi)  # 李四's second October sheet
    s.at("2026-12-27 11:25")
    customers.merge_customers(s.db.uow(), s.staff.director, s.customer, s.wangwu)


def whole_story(database: Database, clock: Clock) -> Story:
    """October, then everything after it: reopenings, corrections, a wait, a visit."""
    story = Story(database, clock)
    for chapter in (_september, _october, _october_end, _november, _later, _much_later,
                    _corrections, _moves):
        chapter(story)
    return story


# ---------------------------------------------------------------- the oracle
def _values_then(conn: object, cutoff: datetime) -> dict[tuple[int, str], object]:
    """Each sheet's field values at ``cutoff`` that later audit entries changed: the old
    value of the first entry at or after it that changed the field (plain JSON)."""
    rows = conn.execute(text(  # type: ignore[attr-defined]
        "SELECT entity_id, at, id, action, changes FROM audit_log "
        "WHERE entity = 'sheet' OR action = 'customer.merge' ORDER BY at, id")).all()
    then: dict[tuple[int, str], object] = {}
    for sheet_id, at, _, action, changes in rows:
        if _dt(at) < cutoff or action in ("sheet.register", "sheet.import"):
            continue
        if action == "customer.merge":  # the duplicate's sheets had the duplicate
            merge = json.loads(changes)
            for moved in merge["sheets"]:
                then.setdefault((moved, "customer_id"), merge["merged_from"])
            continue
        for name, (old, _new) in json.loads(changes).items():
            then.setdefault((sheet_id, name), old)
    return then


def _oracle(database: Database) -> dict[str, object]:
    """October as it stood at its end, counted from the raw rows."""
    with database.engine.connect() as conn:
        sheets = conn.execute(text(
            "SELECT id, received_at, severity, acknowledged_at, response_due_at, "
            "resolution_due_at, channel, category, responsible_area, responsible_user_id, "
            "customer_id FROM sheets")).all()
        moves = conn.execute(text(
            "SELECT sheet_id, at, id, action, to_state FROM sheet_transitions")).all()
        then = _values_then(conn, CUTOFF)
        names = dict(conn.execute(text("SELECT id, display_name FROM users")).all())
        visits = [_dt(v) for (v,) in conn.execute(text(
            "SELECT visited_at FROM sheet_visits")).all()]
    history: dict[int, list[tuple[datetime, int, str, str]]] = {}
    for sheet_id, at, move_id, action, to_state in moves:
        history.setdefault(sheet_id, []).append((_dt(at), move_id, action, to_state))

    def state_then(sheet_id: int) -> str:
        before = sorted(m for m in history.get(sheet_id, []) if m[0] < CUTOFF)
        return before[-1][3] if before else "registered"

    received = major = resp_eligible = resp_on_time = 0
    res_eligible = res_on_time = 0
    response_minutes: list[int] = []
    resolution_minutes: list[int] = []
    not_closed: dict[str, int] = {}
    groups: dict[str, dict[str, int]] = {"channel": {}, "category": {},
                                         "responsible_area": {}, "person": {}}
    columns = ("id", "received_at", "severity", "acknowledged_at", "response_due_at",
               "resolution_due_at", "channel", "category", "responsible_area",
               "responsible_user_id", "customer_id")
    # Each customer's sheets received in the 90 days to the cut-off: (in month, all).
    repeat: dict[int, list[int]] = {}
    for stored in sheets:
        row = {name: then.get((stored[0], name), stored[i])
               for i, name in enumerate(columns)}
        sheet_id, severity = row["id"], row["severity"]
        received_at, ack, response_due, resolution_due = (
            _dt(row["received_at"]), _dt(row["acknowledged_at"]),
            _dt(row["response_due_at"]), _dt(row["resolution_due_at"]))
        state = state_then(sheet_id)
        if CUTOFF - timedelta(days=90) <= received_at < CUTOFF:
            counts = repeat.setdefault(int(row["customer_id"]), [0, 0])
            counts[0] += received_at >= START
            counts[1] += 1
        if received_at < CUTOFF and state != "closed":
            not_closed[state] = not_closed.get(state, 0) + 1
        if not START <= received_at < CUTOFF:
            continue
        received += 1
        major += severity == "major"
        person = row["responsible_user_id"]
        for name, key in (("channel", row["channel"]), ("category", row["category"]),
                          ("responsible_area", row["responsible_area"] or ""),
                          ("person", names[person] if person is not None else "")):
            groups[name][key] = groups[name].get(key, 0) + 1
        if ack is not None and ack < CUTOFF:
            resp_eligible += 1
            resp_on_time += ack <= response_due
            response_minutes.append(int((ack - received_at).total_seconds() // 60))
        elif response_due < CUTOFF:
            resp_eligible += 1
        resolves = [m[0] for m in history.get(sheet_id, [])
                    if m[2] == "resolve" and m[0] < CUTOFF]
        if state in ("resolved", "visited", "closed"):
            done = max(resolves)
            res_eligible += 1
            res_on_time += done <= resolution_due
            resolution_minutes.append(int((done - received_at).total_seconds() // 60))
        elif resolution_due < CUTOFF:
            res_eligible += 1
    return {
        "received": received, "major": major,
        "response": (resp_eligible, resp_on_time),
        "resolution": (res_eligible, res_on_time),
        "response_time": _ranks(response_minutes),
        "resolution_time": _ranks(resolution_minutes),
        "not_closed": not_closed,
        **groups,
        "visits": sum(1 for v in visits if START <= v < CUTOFF),
        "repeat": sorted((cid, m, n) for cid, (m, n) in repeat.items() if m >= 1 and n >= 2),
        "repeat_counts": (sum(1 for m, n in repeat.values() if m >= 1 and n >= 2),
                          sum(1 for m, n in repeat.values() if m >= 2)),
    }


def _dt(value: object) -> datetime:
    if value is None or isinstance(value, datetime):
        return value  # type: ignore[return-value]
    return datetime.fromisoformat(str(value))


def _ranks(values: list[int]) -> tuple[int, int | None, int | None]:
    ordered = sorted(values)
    if not ordered:
        return 0, None, None

    def rank(p: int) -> int:
        return ordered[-(-p * len(ordered) // 100) - 1]

    return len(ordered), rank(50), rank(90)


def _figures(report: monthly.MonthlyReport) -> dict[str, object]:
    cur = report.current
    return {
        "received": cur.received, "major": cur.major,
        "response": (cur.response.eligible, cur.response.on_time),
        "resolution": (cur.resolution.eligible, cur.resolution.on_time),
        "response_time": (cur.response_time.count, cur.response_time.median,
                          cur.response_time.p90),
        "resolution_time": (cur.resolution_time.count, cur.resolution_time.median,
                            cur.resolution_time.p90),
        "not_closed": {b.state.value: b.count for b in report.backlog},
        "channel": _counts(report.by_channel),
        "category": _counts(report.by_category),
        "responsible_area": _counts(report.by_area),
        "person": _counts(report.by_person),
        "visits": report.current.csat.visits,
        "repeat": sorted((r.customer_id, r.in_month, r.in_window) for r in report.repeat),
        "repeat_counts": (cur.repeat_customers, cur.repeat_in_month),
    }


def _counts(rows: tuple[monthly.CountRow, ...]) -> dict[str, int]:
    return {row.key: row.count for row in rows if row.count}


def _report(database: Database) -> monthly.MonthlyReport:
    return build_monthly_report(database.uow(), "2026-10", list_limit=None)


def test_october_stands_as_it_was_at_its_end(any_db: Database, clock: Clock) -> None:
    story = Story(any_db, clock)
    _october(story)
    _later(story)
    story.at("2026-11-05 09:00")
    first = _report(any_db)
    expected = _oracle(any_db)
    assert _figures(first) == expected
    # The story, worked by hand: A, B and C resolved then (C late, after its reopening
    # in October); D, E and F (reopened on the 30th) unresolved past their deadlines.
    assert expected["resolution"] == (6, 2)
    assert expected["not_closed"] == {"resolved": 1, "registered": 1, "in_progress": 2}

    _much_later(story)
    _corrections(story)
    story.at("2026-12-28 09:00")
    again = _report(any_db)
    assert _oracle(any_db) == expected
    assert _figures(again) == expected
    assert monthly.figures_text(again) == monthly.figures_text(first)
    # What is stored now differs: the corrections would have moved October.
    with any_db.engine.connect() as conn:
        now_major, now_unassigned = conn.execute(text(
            "SELECT SUM(CASE WHEN severity = 'major' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN responsible_area IS NULL THEN 1 ELSE 0 END) FROM sheets "
            "WHERE received_at >= :a AND received_at < :b"), {"a": START, "b": CUTOFF}).one()
    assert (now_major, now_unassigned) == (3, 0)
    assert (expected["major"], expected["responsible_area"]) == \
        (2, {"technical": 5, "": 1})
    assert again.generated_at != first.generated_at
    # A major complaint closed at October's end stays closed and on time in October.
    a_number = complaints.get_sheet(any_db.uow(), story.staff.director, story.ids["A"]).number
    row = next(m for m in again.major if m.number == a_number)
    assert (row.state.value, row.resolved_on_time) == ("closed", True)


def test_received_times_and_customers_corrected_later_leave_october_alone(
        any_db: Database, clock: Clock) -> None:
    """Issue 12: a received time corrected after October across its start or its end
    (either way) or within it, a sheet given to another customer and a customer merged
    into another leave October's figures as they stood at its end."""
    story = Story(any_db, clock)
    for chapter in (_september, _october, _october_end, _november, _later):
        chapter(story)
    story.at("2026-11-05 09:00")
    first = _report(any_db)
    expected = _oracle(any_db)
    assert _figures(first) == expected
    for chapter in (_much_later, _corrections, _moves):
        chapter(story)
    story.at("2026-12-28 09:00")
    again = _report(any_db)
    assert _oracle(any_db) == expected
    assert _figures(again) == expected
    assert monthly.figures_text(again) == monthly.figures_text(first)
    # The story, worked by hand: I (30 Sep) is not October's, G (31 Oct) is, H (2 Nov)
    # is not; K's response took 30 minutes then; 李四 had one October sheet, 王五 one.
    ids = story.ids
    assert expected["received"] == 10 and expected["not_closed"]["registered"] == 5
    assert (story.lisi, 1, 1) not in expected["repeat"]  # type: ignore[operator]
    assert expected["repeat_counts"] == (1, 1)
    # What is stored now differs: the moves would have changed October.
    with any_db.engine.connect() as conn:
        stored = dict(conn.execute(text(
            "SELECT id, received_at FROM sheets WHERE id IN (:i, :g, :h)"),
            {"i": ids["I"], "g": ids["G"], "h": ids["H"]}).all())
        minutes = conn.execute(text("SELECT response_minutes FROM sheets WHERE id = :k"),
                               {"k": ids["K"]}).scalar_one()
        customers_now = dict(conn.execute(text(
            "SELECT id, customer_id FROM sheets WHERE id IN (:e, :w)"),
            {"e": ids["E"], "w": ids["W"]}).all())
    assert [_dt(stored[ids[k]]).date().isoformat() for k in "IGH"] == [
        "2026-10-01", "2026-11-01", "2026-10-29"]
    assert minutes == 30 + 24 * 60  # measured from the corrected time
    assert customers_now == {ids["E"]: story.lisi, ids["W"]: story.customer}


def test_late_corrections_and_visits_count_in_their_own_months(db: Database,
                                                               clock: Clock) -> None:
    story = whole_story(db, clock)
    story.at("2027-01-02 09:00")
    december = build_monthly_report(db.uow(), "2026-12")
    with db.engine.connect() as conn:
        visited = [_dt(v) for (v,) in conn.execute(text(
            "SELECT visited_at FROM sheet_visits")).all()]
    in_december = sum(1 for v in visited if datetime(2026, 12, 1) <= v < datetime(2027, 1, 1))
    assert december.current.csat.visits == in_december == 1  # D's, recorded on 27 Dec
    assert december.current.received == 0  # nothing received, only corrected


def test_the_reopenings_count_in_their_own_months(db: Database, clock: Clock) -> None:
    story = Story(db, clock)
    _october(story)
    _later(story)
    _much_later(story)
    story.at("2026-12-21 09:00")
    reports = {m: build_monthly_report(db.uow(), m) for m in ("2026-10", "2026-11", "2026-12")}
    assert [reports[m].current.reopened for m in reports] == [2, 1, 2]


@pytest.mark.parametrize("when", ["2026-11-05 09:00", "2026-12-21 09:00"])
def test_the_figure_table_is_stable_text(db: Database, clock: Clock, when: str) -> None:
    story = Story(db, clock)
    _october(story)
    _later(story)
    story.at(when)
    text_ = monthly.figures_text(_report(db))
    assert text_.startswith("month\t2026-10-01\nstore_id\t-\nas_of\t2026-11-01 00:00:00\n")
    assert "current.resolution.on_time\t2\n" in text_
