"""A small complaint history placed in time with the clock, built through the services,
and the report figures it must give — worked out by hand, sheet by sheet.

Store TS (天顺汽车4S店, dealership preset: open every day 08:30–18:00, response
deadlines 30 min / end of day / 3 h, resolution 3 working days), store BJ with one
sheet, store GZ with none. Timings are chosen far from every deadline (responses after
5–10 minutes or 5 days, resolutions after an hour or 10 days), so which sheet is on
time does not depend on the deadline arithmetic.

The report month is October 2026 (cut-off 2026-11-01 00:00); September is "last month".
Events after the cut-off (an assignment, a resolution, a reopening, a November sheet)
must not change October's figures except where the definitions say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from helpdesk.domain.complaints import ResponsibleArea, VisitKind
from helpdesk.services import common, complaints, customers, setup
from helpdesk.storage.database import Database
from tests.conftest import Clock, Staff, staff_store

ROOT_SPARK = "火花塞型号装错，配件出库时未按VIN核对车型"
ROOT_OTHER = "洗车工漏洗车辆底部，交车前没有检查"
ROOT_PARTS = "配件订货未设安全库存，常用滤芯断货三天"
CORRECTION = "免费更换正确型号火花塞并道歉"
MEASURE = "配件出库扫码核对VIN，配件经理沈瑜负责，11月15日前上线"
ACTION_SCAN = "配件出库扫码核对VIN，配件经理沈瑜负责，10月31日前上线"
ACTION_STOCK = "常用滤芯设安全库存20件，配件经理每周一盘点"
ACTION_CHECKLIST = "交车前增加洗车检查表，车间主管签字"
ACTION_RECHECK = "索赔件入库前由索赔员核对工单号"
ACTION_QUOTE = "报价单模板增加工时费一栏，服务经理陈刚负责"


@dataclass
class Dataset:
    staff: Staff
    bj: int
    gz: int
    customers: dict[str, int]
    sheets: dict[str, int]  # P1, P2 (September), S1…S6, S8 (October), S9 (November)


def _at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def build(database: Database, clock: Clock) -> Dataset:
    uow = database.uow
    clock.at = _at("2026-08-01 09:00")
    staff = staff_store(database)
    with uow() as u:
        bj = setup.add_store(u, "北京望京店", "BJ", "dealership").id
        gz = setup.add_store(u, "广州天河店", "GZ", "dealership").id
        u.commit()

    def customer(name: str, phone: str) -> int:
        return customers.create_customer(uow(), staff.desk, customers.CustomerInput(
            name=name, phones=(phone,))).id

    people = {"A": customer("张三", "13812345678"), "B": customer("李四", "13912345678"),
              "C": customer("王五", "13712345678"), "D": customer("赵六", "13612345678")}
    sheets: dict[str, int] = {}

    def register(key: str, when: str, who: str, channel: str, severity: str, category: str,
                 description: str, store: int | None = None) -> int:
        clock.at = _at(when)
        sheets[key] = complaints.register(uow(), staff.desk, complaints.SheetInput(
            channel=channel, severity=severity, category=category, description=description,
            customer_id=people[who], customer_request="尽快处理", store_id=store)).id
        return sheets[key]

    def at(when: str) -> None:
        clock.at = _at(when)

    def analyse(sheet: int, root: str) -> None:
        complaints.record_analysis(uow(), staff.manager, sheet, root_cause=root,
                                   correction=CORRECTION, long_term_measure=MEASURE)

    # ----------------------------------------------------------- September
    p1 = register("P1", "2026-09-10 09:00", "A", "reception", "general", "repair_quality",
                  "发动机异响，修了两次没修好")
    at("2026-09-10 09:20")  # responded after 20 min
    complaints.assign(uow(), staff.director, p1, ResponsibleArea.TECHNICAL, staff.manager)
    analyse(p1, ROOT_SPARK)
    at("2026-09-10 11:00")
    complaints.add_corrective_action(uow(), staff.manager, p1, ACTION_RECHECK, staff.manager,
                                     date(2026, 9, 30))
    complaints.add_corrective_action(uow(), staff.manager, p1, ACTION_CHECKLIST,
                                     staff.manager, date(2026, 9, 30))
    at("2026-09-10 12:00")  # resolved after 180 min
    complaints.resolve(uow(), staff.manager, p1)
    at("2026-09-10 14:00")
    complaints.record_return_visit(uow(), staff.care, p1, 5, "满意")
    complaints.close(uow(), staff.director, p1, "客户满意")
    actions = complaints.get_sheet(uow(), staff.director, p1).actions
    at("2026-09-20 10:00")  # checked before October: not in October's list
    complaints.check_corrective_action(uow(), staff.manager, p1, actions[1].id, "effective")

    p2 = register("P2", "2026-09-25 10:00", "C", "reception", "general", "price",
                  "收费与报价不一致")
    at("2026-09-25 10:10")  # responded after 10 min
    complaints.assign(uow(), staff.manager, p2, ResponsibleArea.SERVICE, staff.manager)
    at("2026-09-26 10:00")  # never done: carried over into October, not listed
    complaints.add_corrective_action(uow(), staff.manager, p2, ACTION_QUOTE, staff.manager,
                                     date(2026, 9, 28))

    # ----------------------------------------------------------- October
    at("2026-10-05 09:00")  # September's action found not effective in October
    complaints.check_corrective_action(uow(), staff.manager, p1, actions[0].id,
                                       "not_effective", "仍有索赔件未核对")
    s1 = register("S1", "2026-10-12 09:00", "A", "oem_hotline", "major", "service_attitude",
                  "服务顾问态度恶劣，<b>拒绝</b> & 推诿")
    s2 = register("S2", "2026-10-12 10:00", "B", "reception", "general", "repair_quality",
                  "火花塞更换后怠速抖动")
    at("2026-10-12 10:05")  # 5 min
    complaints.assign(uow(), staff.director, s2, ResponsibleArea.TECHNICAL, staff.manager)
    analyse(s2, ROOT_SPARK)
    at("2026-10-12 11:00")
    complaints.add_corrective_action(uow(), staff.manager, s2, ACTION_SCAN, staff.manager,
                                     date(2026, 10, 31))
    at("2026-10-12 11:05")  # resolved after 65 min
    complaints.resolve(uow(), staff.manager, s2)
    at("2026-10-12 11:30")
    complaints.record_return_visit(uow(), staff.care, s2, 4, "还可以")
    at("2026-10-12 12:00")
    complaints.close(uow(), staff.director, s2, "已解决")

    s3 = register("S3", "2026-10-14 09:00", "B", "care_visit", "general", "repair_quality",
                  "回访时客户反映火花塞问题再次出现")
    # P2 is resolved in October (late), and visited: a September sheet, an October visit.
    at("2026-10-15 10:00")
    analyse(p2, "报价单未列出工时费，前台未解释收费明细")
    complaints.resolve(uow(), staff.manager, p2)
    at("2026-10-16 09:00")
    s8 = register("S8", "2026-10-16 09:00", "A", "reception", "general", "other",
                  "洗车不干净")
    at("2026-10-16 09:10")
    complaints.assign(uow(), staff.director, s8, ResponsibleArea.OTHER, staff.manager)
    analyse(s8, ROOT_OTHER)
    at("2026-10-16 10:00")
    complaints.resolve(uow(), staff.manager, s8)
    at("2026-10-16 11:00")
    complaints.record_return_visit(uow(), staff.care, s8, 5, "满意")
    complaints.record_return_visit(uow(), staff.care, p2, 2, "不满意，收费仍有疑问",
                                   kind=VisitKind.FOLLOW_UP)
    at("2026-10-16 12:00")
    complaints.close(uow(), staff.director, s8, "客户满意")

    at("2026-10-19 09:00")  # S3 responded after 5 days (late)
    complaints.assign(uow(), staff.director, s3, ResponsibleArea.TECHNICAL, staff.manager)
    analyse(s3, ROOT_SPARK)
    at("2026-10-19 09:30")
    complaints.add_corrective_action(uow(), staff.manager, s3, ACTION_SCAN, staff.manager,
                                     date(2026, 10, 25))
    at("2026-10-20 10:00")  # S2's action checked: effective
    s2_action = complaints.get_sheet(uow(), staff.director, s2).actions[0].id
    complaints.check_corrective_action(uow(), staff.manager, s2, s2_action, "effective")
    s4 = register("S4", "2026-10-20 14:00", "C", "media", "major", "product_quality",
                  "媒体报道车辆漏水")
    at("2026-10-20 14:10")
    complaints.acknowledge(uow(), staff.manager, s4)
    s5 = register("S5", "2026-10-21 10:00", "D", "reception", "general", "waiting_time",
                  "等待维修时间太长", store=bj)
    at("2026-10-21 10:10")
    complaints.assign(uow(), staff.manager, s5, ResponsibleArea.SERVICE, staff.manager)
    at("2026-10-21 11:00")
    complaints.wait_for_customer(uow(), staff.manager, s5, "客户出差，等待客户送车")
    at("2026-10-24 09:00")  # S3 resolved after 10 days (late), visited
    complaints.resolve(uow(), staff.manager, s3)
    at("2026-10-24 10:00")
    complaints.record_return_visit(uow(), staff.care, s3, 3, "一般")
    s6 = register("S6", "2026-10-30 17:00", "A", "reception", "general", "parts_supply",
                  "滤芯缺货")
    at("2026-10-30 17:05")
    complaints.assign(uow(), staff.manager, s6, ResponsibleArea.PARTS, staff.manager)
    at("2026-10-30 17:30")
    analyse(s6, ROOT_PARTS)
    complaints.add_corrective_action(uow(), staff.manager, s6, ACTION_STOCK, staff.manager,
                                     date(2026, 11, 10))

    # ----------------------------------------------------------- after the cut-off
    at("2026-11-01 10:00")
    complaints.resolve(uow(), staff.manager, s6)
    at("2026-11-02 09:00")
    register("S9", "2026-11-02 09:00", "B", "reception", "general", "price", "发票开错")
    at("2026-11-03 09:00")
    complaints.assign(uow(), staff.director, s4, ResponsibleArea.SERVICE, staff.manager)
    at("2026-11-05 09:00")
    s6_action = complaints.get_sheet(uow(), staff.director, s6).actions[0].id
    complaints.check_corrective_action(uow(), staff.manager, s6, s6_action, "effective")
    at("2026-11-06 09:00")
    complaints.reopen(uow(), staff.director, s8, "客户再次反映车辆底部未洗")
    assert s1  # registered, never handled
    return Dataset(staff, bj, gz, people, sheets)


# ------------------------------------------------------------------ expectations
@dataclass(frozen=True)
class Facts:
    """What is known about one October sheet at the cut-off, by reading the script above."""

    key: str
    store: str
    customer: str
    channel: str
    severity: str
    category: str
    area: str  # as it stood at the cut-off ("" = none; a later assignment counts later)
    responded_on_time: bool
    response_minutes: int
    resolution: str  # "on_time", "late", "excluded" (pending or waiting)
    resolution_minutes: int | None  # counted in the percentiles (resolved before cut-off)
    state_at_cutoff: str
    overdue_at_cutoff: bool


OCTOBER = [
    Facts("S1", "TS", "A", "oem_hotline", "major", "service_attitude", "", False, -1,
          "late", None, "registered", True),
    Facts("S2", "TS", "B", "reception", "general", "repair_quality", "technical", True, 5,
          "on_time", 65, "closed", False),
    Facts("S3", "TS", "B", "care_visit", "general", "repair_quality", "technical", False,
          7200, "late", 14400, "visited", False),
    # Assigned (to service) only on 3 November: no area at October's end.
    Facts("S4", "TS", "C", "media", "major", "product_quality", "", True, 10,
          "late", None, "acknowledged", True),
    Facts("S5", "BJ", "D", "reception", "general", "waiting_time", "service", True, 10,
          "excluded", None, "waiting", False),
    Facts("S6", "TS", "A", "reception", "general", "parts_supply", "parts", True, 5,
          "excluded", None, "in_progress", False),
    # Closed at the cut-off, reopened on 6 November: October is reported as it stood at
    # its end — resolved after 60 minutes, on time, closed (not in the backlog). The
    # reopening counts in November.
    Facts("S8", "TS", "A", "reception", "general", "other", "other", True, 10,
          "on_time", 60, "closed", False),
]
SEPTEMBER_RECEIVED = {"reception": 2}
SEPTEMBER_CATEGORIES = {"repair_quality": 1, "price": 1}
# P2 (September) is visited at the cut-off; it is in October's backlog.
EARLIER_BACKLOG = {"visited": 1}
OCTOBER_VISITS = [4, 5, 2, 3]  # S2, S8, P2, S3 — visits dated in October
SEPTEMBER_VISITS = [5]
# Customers: A has P1 (Sept) + S1, S6, S8; B has S2, S3; C has P2 (Sept) + S4; D has S5.
REPEAT = {"A": (3, 4), "B": (2, 2), "C": (1, 2)}  # customer: (in month, in 90 days)
# Actions in October's list: S2's (effective), S3's (open, due 10-25: overdue),
# P1's first (found not effective on 10-05), S6's (checked only on 11-05: pending).
# P1's second was checked in September; P2's (due 09-28, never done) is carried over.
ACTIONS = {"total": 4, "effective": 1, "not_effective": 1, "pending": 2, "overdue": 1,
           "carried": 1}


def nearest_rank(values: list[int], percent: int) -> int | None:
    """Written out again here (not imported) to check the report's SQL."""
    if not values:
        return None
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)  # ceiling
    return ordered[rank - 1]


def expected(store: str | None = None) -> dict[str, object]:
    """October's figures for one store (or all), counted from ``OCTOBER``."""
    rows = [f for f in OCTOBER if store is None or f.store == store]
    received = len(rows)
    responded = [f for f in rows if f.response_minutes >= 0]
    resolution_counted = [f for f in rows if f.resolution != "excluded"]
    backlog: dict[str, int] = {}
    for f in rows:
        if f.state_at_cutoff != "closed":
            backlog[f.state_at_cutoff] = backlog.get(f.state_at_cutoff, 0) + 1
    if store in (None, "TS"):
        for state, n in EARLIER_BACKLOG.items():
            backlog[state] = backlog.get(state, 0) + n
    unresolved = sum(n for s, n in backlog.items()
                     if s in ("registered", "acknowledged", "in_progress", "waiting"))
    channels: dict[str, int] = {}
    categories: dict[str, int] = {}
    areas: dict[str, int] = {}
    for f in rows:
        channels[f.channel] = channels.get(f.channel, 0) + 1
        categories[f.category] = categories.get(f.category, 0) + 1
        areas[f.area] = areas.get(f.area, 0) + 1
    return {
        "received": received,
        "major": sum(1 for f in rows if f.severity == "major"),
        "response_eligible": len(rows),
        "response_on_time": sum(1 for f in rows if f.responded_on_time),
        "resolution_eligible": len(resolution_counted),
        "resolution_on_time": sum(1 for f in rows if f.resolution == "on_time"),
        "response_median": nearest_rank([f.response_minutes for f in responded], 50),
        "response_p90": nearest_rank([f.response_minutes for f in responded], 90),
        "resolution_median": nearest_rank(
            [f.resolution_minutes for f in rows if f.resolution_minutes is not None], 50),
        "resolution_p90": nearest_rank(
            [f.resolution_minutes for f in rows if f.resolution_minutes is not None], 90),
        "backlog": backlog,
        "not_closed": sum(backlog.values()),
        "unresolved": unresolved,
        "overdue": sum(1 for f in rows if f.overdue_at_cutoff),
        "channels": channels,
        "categories": categories,
        "areas": areas,
    }


def freeze(clock: Clock) -> None:
    """Reports are made on 2026-11-18 10:00 (conftest's NOW), after every event."""
    from tests.conftest import NOW

    clock.at = NOW
    assert common.now() == NOW
