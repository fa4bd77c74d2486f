"""Customer analytics on small, hand-computed data sets, on SQLite and PostgreSQL.

Every expected number is worked out in a comment next to it. "Today" is the frozen
test clock: 2026-11-18.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import insert

from helpdesk.domain import classification
from helpdesk.domain.customers import (
    Customer,
    CustomerKind,
    Lifecycle,
    Order,
    OrderKind,
    Tier,
    Vehicle,
    lifecycle,
)
from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.domain.users import Role, User
from helpdesk.services import analytics, customers, setup
from helpdesk.services.analytics import DuplicateReason, RfmClass, Segment
from helpdesk.storage import analytics_queries, tables
from tests.conftest import NOW, Staff
from tests.integration import databases

TODAY = NOW.date()


_ORDER_NUMBERS = itertools.count(1)  # order numbers are unique in the database


def add_customer(db, name: str, orders: list[tuple[int, int]] = (), *, phone: str = "",
                 store_id: int | None = None, birthday: date | None = None,
                 tier: Tier = Tier.REGULAR, vin: str = "", plate: str = "") -> int:
    """A customer with orders given as (days before today, amount in yuan)."""
    uow = db.uow()
    with uow:
        c = Customer(name=name, kind=CustomerKind.INDIVIDUAL, store_id=store_id,
                     birthday=birthday, tier=tier, created_at=NOW, updated_at=NOW)
        if phone:
            c.add_phone(phone)
        if vin:
            c.vehicles.append(Vehicle(vin=vin, plate=plate))
        for i, (days, yuan) in enumerate(orders):
            c.orders.append(Order(number=f"{name}-{next(_ORDER_NUMBERS)}-{i}",
                                  kind=OrderKind.SERVICE,
                                  ordered_at=TODAY - timedelta(days=days),
                                  amount_cents=yuan * 100, store_id=store_id))
        uow.customers.add(c)
        uow.commit()
        return int(c.id)


@pytest.fixture(autouse=True)
def _fresh_classification():
    """Each test computes its own classification (the cache is per process)."""
    analytics.clear_cache()
    yield
    analytics.clear_cache()


def quick_staff(db) -> Staff:
    """A store and one user per role, without password hashing (these tests never log
    in; hashing six passwords would cost more than the tests themselves)."""
    uow = db.uow()
    with uow:
        store = setup.add_store(uow, "天顺汽车4S店", "TS", "dealership")
        ids = {}
        for username, role in (("admin", Role.ADMIN), ("desk", Role.FRONT_DESK),
                               ("care", Role.CUSTOMER_CARE), ("manager", Role.SERVICE_MANAGER),
                               ("director", Role.SERVICE_DIRECTOR),
                               ("gm", Role.GENERAL_MANAGER)):
            user = User(username=username, display_name=username, roles_text=role.value,
                        store_id=store.id, created_at=NOW)
            uow.users.add(user)
            ids[username] = user.id
        uow.commit()
        return Staff(store_id=store.id, **ids)


@pytest.fixture(scope="module")
def shared_postgres():
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request, tmp_path):
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def staffed(any_db, clock):
    return any_db, quick_staff(any_db)


def test_storage_values_match_service_enums():
    assert classification.SEGMENTS == tuple(s.value for s in Segment)
    assert classification.RFM_CLASSES == tuple(r.value for r in RfmClass)
    assert set(analytics_queries.LIFECYCLES) == {x.value for x in Lifecycle}


def test_pyramid_on_revenues_1_to_100(staffed):
    db, staff = staffed
    # 100 active customers; customer i spent i yuan 10 days ago.
    ids = {i: add_customer(db, f"活跃{i:03d}", [(10, i)]) for i in range(1, 101)}
    # Two inactive ones (last order 400 days ago, outside the 12 months) ...
    add_customer(db, "旧客甲", [(400, 1000)])
    add_customer(db, "旧客乙", [(500, 50), (400, 70)])
    # ... three prospects (no order) and one merged record that must not count.
    for name in ("潜客甲", "潜客乙", "潜客丙"):
        add_customer(db, name)
    merged = add_customer(db, "已合并", [(5, 99999)])
    uow = db.uow()
    with uow:
        uow.customers.get(merged).merged_into_id = ids[1]
        uow.commit()

    report = analytics.pyramid(db.uow(), staff.manager)
    # n = 100 active: top = ceil(1 % × 100) = rank 1 (the customer with 100 yuan);
    # high = ranks 2..5 (99, 98, 97, 96 yuan); middle = ranks 6..20 (95 … 81 yuan);
    # low = ranks 21..100 (80 … 1 yuan).
    got = {f.segment: (f.customers, f.revenue_12m_cents) for f in report.segments}
    assert got[Segment.TOP] == (1, 100_00)
    assert got[Segment.HIGH] == (4, (99 + 98 + 97 + 96) * 100)  # 390 yuan
    assert got[Segment.MIDDLE] == (15, sum(range(81, 96)) * 100)  # 1 320 yuan
    assert got[Segment.LOW] == (80, sum(range(1, 81)) * 100)  # 3 240 yuan
    assert got[Segment.INACTIVE] == (2, 0)  # nothing in the last 12 months
    assert got[Segment.PROSPECT] == (3, 0)
    assert report.active_customers == 100
    assert report.revenue_12m_cents == 5050_00  # 1 + 2 + … + 100
    # Shares of the 5 050 yuan: 100/5050, 390/5050, 1320/5050, 3240/5050.
    assert report.figure(Segment.TOP).revenue_share == pytest.approx(100 / 5050)
    assert report.figure(Segment.LOW).revenue_share == pytest.approx(3240 / 5050)
    # Lifetime revenue of the inactive segment: 1000 + 50 + 70 yuan.
    assert report.figure(Segment.INACTIVE).revenue_cents == 1120_00

    value = analytics.customer_value(db.uow(), staff.desk, ids[97])
    assert (value.segment, value.pyramid_rank, value.active_customers) == (Segment.HIGH, 4, 100)
    assert analytics.customer_value(db.uow(), staff.desk, ids[81]).segment is Segment.MIDDLE
    assert analytics.customer_value(db.uow(), staff.desk, ids[80]).segment is Segment.LOW


def test_pyramid_rounds_cut_offs_up_for_small_stores(staffed):
    db, staff = staffed
    # 30 active customers: top = ceil(0.3) = 1, high up to ceil(1.5) = 2,
    # middle up to ceil(6) = 6, low the other 24.
    for i in range(1, 31):
        add_customer(db, f"客{i:02d}", [(3, i)])
    report = analytics.pyramid(db.uow(), staff.manager)
    counts = {f.segment: f.customers for f in report.segments}
    assert [counts[s] for s in (Segment.TOP, Segment.HIGH, Segment.MIDDLE, Segment.LOW)] \
        == [1, 1, 4, 24]


# RFM data set: (days since last order, number of orders, revenue in thousand yuan).
# Scores: score = 1 + (customers with a worse value) × 5 // 10.
#   worse 0,1 → 1;  2,3 → 2;  4,5 → 3;  6,7 → 4;  8,9 → 5.
RFM_CUSTOMERS = {
    #       days  F   M     R  F  M   class
    "c1": (5, 10, 10),   # 5  5  5   high value  (R≥3, F≥4, M≥4)
    "c2": (10, 3, 2),    # 5  2  1   ordinary    (R≥3, F<3, M<3)
    "c3": (20, 9, 9),    # 4  5  5   high value
    "c4": (30, 4, 5),    # 4  2  3   potential   (R≥3, M≥3)
    "c5": (60, 7, 3),    # 3  4  2   potential   (R≥3, F≥3, but M<4)
    "c6": (100, 1, 1),   # 3  1  1   ordinary
    "c7": (200, 8, 8),   # 2  4  4   at risk     (R≤2, F≥4)
    "c8": (300, 2, 4),   # 2  1  2   silent      (R≤2, F<4, M<4)
    "c9": (500, 6, 7),   # 1  3  4   at risk     (R≤2, M≥4)
    "c10": (700, 5, 6),  # 1  3  3   silent
}
# R: fewer days = better; c1 has 9 customers with an older last order → 1 + 45 // 10 = 5.
RFM_EXPECTED = {
    "c1": (5, 5, 5, RfmClass.HIGH_VALUE), "c2": (5, 2, 1, RfmClass.ORDINARY),
    "c3": (4, 5, 5, RfmClass.HIGH_VALUE), "c4": (4, 2, 3, RfmClass.POTENTIAL),
    "c5": (3, 4, 2, RfmClass.POTENTIAL), "c6": (3, 1, 1, RfmClass.ORDINARY),
    "c7": (2, 4, 4, RfmClass.AT_RISK), "c8": (2, 1, 2, RfmClass.SILENT),
    "c9": (1, 3, 4, RfmClass.AT_RISK), "c10": (1, 3, 3, RfmClass.SILENT),
}


def _rfm_data(db) -> dict[str, int]:
    ids = {}
    for name, (days, count, thousands) in RFM_CUSTOMERS.items():
        total = thousands * 1000
        # `count` orders on consecutive days ending `days` ago; the first one carries
        # the rest of the total so the sum is exact.
        share = total // count
        amounts = [total - share * (count - 1)] + [share] * (count - 1)
        ids[name] = add_customer(db, name, [(days + j, a) for j, a in enumerate(amounts)])
    add_customer(db, "prospect")  # no order: no RFM score
    return ids


def test_rfm_scores_and_classes(staffed):
    db, staff = staffed
    ids = _rfm_data(db)
    for name, (r, f, m, klass) in RFM_EXPECTED.items():
        value = analytics.customer_value(db.uow(), staff.desk, ids[name])
        assert (value.r, value.f, value.m, value.rfm_class) == (r, f, m, klass), name
    report = analytics.rfm(db.uow(), staff.manager)
    assert {f.rfm_class: f.customers for f in report.classes} == {k: 2 for k in RfmClass}
    assert report.scored_customers == 10
    # High value = c1 and c3: (5 + 4) / 2 = 4.5 for R; revenue 10 000 + 9 000 yuan.
    hv = report.figure(RfmClass.HIGH_VALUE)
    assert hv.avg_r == pytest.approx(4.5)
    assert hv.revenue_cents == 19_000_00
    prospect = analytics.customer_value(db.uow(), staff.desk, ids["c1"] + 10)
    assert prospect.rfm_class is None and prospect.segment is Segment.PROSPECT


def test_rfm_equal_values_share_a_score(staffed):
    db, staff = staffed
    # Five customers, all with one order of 100 yuan 10 days ago: nobody has a worse
    # value than anyone else, so all score 1 + 0 = 1 on R, F and M → R ≤ 2 and F, M < 4
    # → silent. A sixth, bigger and more recent, gets worse = 5 → 1 + 25 // 6 = 5.
    same = [add_customer(db, f"同{i}", [(10, 100)]) for i in range(5)]
    big = add_customer(db, "大客户", [(1, 500), (2, 500), (3, 500)])
    for cid in same:
        v = analytics.customer_value(db.uow(), staff.desk, cid)
        assert (v.r, v.f, v.m, v.rfm_class) == (1, 1, 1, RfmClass.SILENT)
    v = analytics.customer_value(db.uow(), staff.desk, big)
    assert (v.r, v.f, v.m, v.rfm_class) == (5, 5, 5, RfmClass.HIGH_VALUE)


LIFECYCLE_CASES = [
    ([], Lifecycle.PROSPECT),
    ([(90, 1)], Lifecycle.NEW),  # first order exactly 90 days ago: still new
    ([(91, 1)], Lifecycle.ACTIVE),
    ([(400, 1), (365, 1)], Lifecycle.ACTIVE),  # last order exactly 365 days ago
    ([(400, 1), (366, 1)], Lifecycle.INACTIVE),
]


def test_lifecycle_in_sql_matches_the_domain(staffed):
    db, staff = staffed
    for i, (orders, expected) in enumerate(LIFECYCLE_CASES):
        cid = add_customer(db, f"周期{i}", orders)
        dates = [TODAY - timedelta(days=d) for d, _ in orders]
        assert lifecycle(min(dates, default=None), max(dates, default=None), TODAY) \
            is expected
        assert analytics.customer_value(db.uow(), staff.desk, cid).lifecycle is expected
    counts = analytics.lifecycle_counts(db.uow(), staff.manager)
    # prospect 1, new 1, active 2, inactive 1
    assert counts == {Lifecycle.PROSPECT: 1, Lifecycle.NEW: 1, Lifecycle.ACTIVE: 2,
                      Lifecycle.INACTIVE: 1}


def test_lifetime_value_estimate(staffed):
    db, staff = staffed
    # 1 000 yuan two years ago, 300 yuan last month: 1 300 so far + 300 × 3 = 2 200 yuan.
    cid = add_customer(db, "终身", [(730, 1000), (30, 300)])
    value = analytics.customer_value(db.uow(), staff.desk, cid)
    assert (value.revenue_cents, value.revenue_12m_cents) == (1300_00, 300_00)
    assert value.ltv_cents == 2200_00
    assert (value.orders, value.orders_12m) == (2, 1)
    assert value.first_purchase == TODAY - timedelta(days=730)


def test_retention_and_repurchase(staffed):
    db, staff = staffed
    start, end = date(2026, 7, 1), date(2026, 10, 1)  # 92 days; previous: 31 Mar – 30 Jun

    def days(d: date) -> int:
        return (TODAY - d).days

    add_customer(db, "A", [(days(date(2026, 5, 1)), 1), (days(date(2026, 8, 1)), 1)])
    add_customer(db, "B", [(days(date(2026, 4, 15)), 1)])
    add_customer(db, "C", [(days(date(2026, 7, 2)), 1), (days(date(2026, 9, 30)), 1)])
    add_customer(db, "D", [(days(date(2026, 9, 1)), 1)])
    add_customer(db, "E", [(days(date(2026, 1, 1)), 1), (days(date(2026, 8, 8)), 1)])
    add_customer(db, "F", [(days(date(2026, 10, 1)), 1)])  # the end day is outside
    fig = analytics.retention(db.uow(), staff.manager, start, end)
    # Previous period buyers: A, B → 2; of them A bought again → retention 1/2.
    assert (fig.previous_buyers, fig.retained, fig.retention_rate) == (2, 1, 0.5)
    # Period buyers: A, C, D, E → 4; C bought twice → repurchase 1/4.
    assert (fig.buyers, fig.repeat_buyers, fig.repurchase_rate) == (4, 1, 0.25)
    with pytest.raises(ValidationError):
        analytics.retention(db.uow(), staff.manager, end, start)


def _sheet(db, staff, customer_id: int | None, number: str, state: str,
           received: datetime, **extra) -> int:
    with db.engine.begin() as conn:
        return int(conn.execute(insert(tables.sheets).values(
            number=number, store_id=staff.store_id, received_at=received, channel="reception",
            severity="general", category="other", customer_id=customer_id,
            customer_name="x", customer_phone="+8613800000000", state=state, version=1,
            **extra)).inserted_primary_key[0])


def _visit(db, sheet_id: int, at: datetime, satisfaction: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(tables.sheet_visits).values(
            sheet_id=sheet_id, visited_at=at, satisfaction=satisfaction, kind="satisfaction"))


def test_csat_share_and_average(staffed):
    db, staff = staffed
    sid = _sheet(db, staff, None, "TS-2026-000001", "visited", datetime(2026, 9, 1, 9))
    for day, score in ((2, 5), (3, 4), (4, 3), (5, 2)):
        _visit(db, sid, datetime(2026, 9, day, 10), score)
    _visit(db, sid, datetime(2026, 8, 31, 23, 59), 1)  # before the period
    fig = analytics.csat(db.uow(), staff.care, date(2026, 9, 1), date(2026, 10, 1))
    # Four visits in September: 5 and 4 are satisfied → 2/4 = 50 %; (5+4+3+2)/4 = 3.5.
    assert (fig.visits, fig.satisfied, fig.csat, fig.average) == (4, 2, 0.5, 3.5)
    empty = analytics.csat(db.uow(), staff.care, date(2025, 1, 1), date(2025, 2, 1))
    assert (empty.visits, empty.csat, empty.average) == (0, None, None)


def test_aggregates_need_the_reports_right(staffed):
    db, staff = staffed
    with pytest.raises(PermissionDenied):
        analytics.pyramid(db.uow(), staff.desk)  # front desk: no VIEW_REPORTS
    with pytest.raises(PermissionDenied):
        analytics.overview(db.uow(), staff.desk)


def test_birthdays_this_month_masked_by_role(staffed):
    db, staff = staffed
    add_customer(db, "十一月末", phone="+8613812345678", birthday=date(1980, 11, 30))
    add_customer(db, "十一月初", phone="+8613912345678", birthday=date(1990, 11, 2))
    add_customer(db, "十二月", phone="+8613712345678", birthday=date(1990, 12, 2))
    add_customer(db, "无生日", phone="+8613612345678")
    seen = analytics.birthdays_this_month(db.uow(), staff.care)
    assert [(b.name, b.phone) for b in seen] == [("十一月初", "+8613912345678"),
                                                 ("十一月末", "+8613812345678")]
    masked = analytics.birthdays_this_month(db.uow(), staff.gm)  # no VIEW_PERSONAL_DATA
    assert [b.phone for b in masked] == ["139****5678", "138****5678"]


def test_return_visits_due(staffed, clock):
    db, staff = staffed
    cid = add_customer(db, "回访", phone="+8613812345678")
    resolved = NOW - timedelta(hours=30)
    sid = _sheet(db, staff, cid, "TS-2026-000010", "resolved", NOW - timedelta(days=2),
                 resolved_at=resolved)
    _sheet(db, staff, cid, "TS-2026-000011", "visited", NOW - timedelta(days=2),
           resolved_at=resolved)
    due = analytics.return_visits_due(db.uow(), staff.care)
    assert [(d.kind, d.sheet_id) for d in due] == [(analytics.VisitDueKind.SATISFACTION, sid)]
    # The dealership preset sets no satisfaction deadline: listed, without a due time.
    assert due[0].due_at is None and due[0].phone == "+8613812345678"
    assert analytics.return_visits_due(db.uow(), staff.gm)[0].phone == "138****5678"


def test_first_visit_after_delivery_for_the_crm_preset(staffed):
    db, staff = staffed
    uow = db.uow()
    with uow:
        crm = setup.add_store(uow, "CRM 门店", "CR", "crm")
        uow.commit()
    delivered = add_customer(db, "新车主", [(2, 100)], phone="+8613812345678",
                             store_id=crm.id)
    add_customer(db, "早交付", [(5, 100)], phone="+8613912345678", store_id=crm.id)
    add_customer(db, "经销店", [(1, 100)], phone="+8613712345678", store_id=staff.store_id)
    due = analytics.return_visits_due(db.uow(), staff.care)
    # CRM preset: first return visit within 3 days of delivery → only the order of 2 days
    # ago at the CRM store (the dealership store's policy asks for none).
    assert [(d.kind, d.customer_id) for d in due] == \
        [(analytics.VisitDueKind.FIRST_VISIT, delivered)]
    assert due[0].due_at == datetime.combine(TODAY - timedelta(days=2),
                                             datetime.min.time()) + timedelta(days=3)


def test_duplicate_suggestions(staffed):
    db, staff = staffed
    a = add_customer(db, "张三", phone="+8613812345678")
    b = add_customer(db, "张叁", phone="+8613812345678")  # same phone
    c = add_customer(db, "李四", phone="+8613912345678")
    d = add_customer(db, "李四", phone="+8613912345679")  # same name, typo in the last digit
    add_customer(db, "赵六", phone="+8613600000001")
    add_customer(db, "赵六", phone="+8615800000002")  # same name, different phone: no
    # issue 15: the same name and phone tail but different birthdays: two people
    add_customer(db, "王伟", phone="+8613800001234", birthday=date(1996, 5, 1))
    add_customer(db, "王伟", phone="+8618600001234", birthday=date(1982, 7, 9))
    e = add_customer(db, "孙七", vin="LSVAA4180E2123456", plate="粤B12345")
    f = add_customer(db, "孙柒", vin="LSVAA4180E2654321", plate="粤B12345")  # same plate
    g = add_customer(db, "周八")
    h = add_customer(db, "周八")
    with db.engine.begin() as conn:
        conn.execute(tables.customers.update().where(tables.customers.c.id.in_([g, h]))
                     .values(address="深圳市南山区科技园1号"))
    suggestions = analytics.duplicate_suggestions(db.uow(), staff.manager)
    found = {(s.keep.id, s.duplicate.id): s.reason for s in suggestions}
    assert found == {(a, b): DuplicateReason.PHONE, (c, d): DuplicateReason.NAME_PHONE,
                     (e, f): DuplicateReason.PLATE, (g, h): DuplicateReason.NAME_ADDRESS}
    why = {s.reason: s.matched for s in suggestions}
    assert why == {DuplicateReason.PHONE: "+8613812345678", DuplicateReason.NAME_PHONE: "李四",
                   DuplicateReason.PLATE: "粤B12345",
                   DuplicateReason.NAME_ADDRESS: "周八 · 深圳市南山区科技园1号"}
    # Issue 16: the list follows the README's roles (service manager and director).
    assert analytics.duplicate_suggestions(db.uow(), staff.director)
    for role in ("admin", "desk", "care", "gm"):
        with pytest.raises(PermissionDenied):
            analytics.duplicate_suggestions(db.uow(), getattr(staff, role))


def test_duplicates_by_id_number_and_by_similar_name_at_one_address(staffed):
    """Issue 15: the same ID number is one person; a similar name (章丽华 / 张丽华, one
    character more or different) at one address is suggested and says why; two
    different ID numbers rule a pair out."""
    db, staff = staffed
    # one ID number, two birthdays typed: the number wins (it holds the birth date)
    same_id = [add_customer(db, name, birthday=born)
               for name, born in (("刘洋", date(1949, 12, 31)), ("刘阳阳", date(1950, 1, 3)))]
    similar = [add_customer(db, name) for name in ("张丽华", "章丽华", "张华")]
    siblings = [add_customer(db, name) for name in ("王芳", "王静")]  # two characters
    other_ids = [add_customer(db, name) for name in ("陈建国", "陈建军")]
    elsewhere = add_customer(db, "张丽娟")
    t = tables.customers
    with db.engine.begin() as conn:
        conn.execute(t.update().where(t.c.id.in_(same_id)).values(
            national_id="11010519491231002X"))
        conn.execute(t.update().where(t.c.id.in_(similar + siblings)).values(
            address="深圳市福田区福华路8号"))
        conn.execute(t.update().where(t.c.id.in_(other_ids)).values(
            address="深圳市罗湖区东门路1号"))
        for cid, number in zip(other_ids, ("110105194912310029", "440308199001011239"),
                               strict=True):
            conn.execute(t.update().where(t.c.id == cid).values(national_id=number))
        conn.execute(t.update().where(t.c.id == elsewhere).values(address="别处"))
    suggestions = analytics.duplicate_suggestions(db.uow(), staff.manager)
    found = {(s.keep.id, s.duplicate.id): (s.reason, s.matched) for s in suggestions}
    a, b, c = similar
    assert found == {
        tuple(same_id): (DuplicateReason.NATIONAL_ID, "11010519491231002X"),
        (a, b): (DuplicateReason.SIMILAR_NAME_ADDRESS, "张丽华、章丽华 · 深圳市福田区福华路8号"),
        (a, c): (DuplicateReason.SIMILAR_NAME_ADDRESS, "张丽华、张华 · 深圳市福田区福华路8号"),
    }  # 章丽华 / 张华: another character and one left out — two steps, not similar
    # The director may merge but sees the number as the mask shows it elsewhere.
    director_view = analytics.duplicate_suggestions(db.uow(), staff.director)
    shown = {s.reason: s.matched for s in director_view}
    assert shown[DuplicateReason.NATIONAL_ID] in ("11010519491231002X", "1101**********002X")


def test_call_lists_follow_the_readmes_roles(staffed):
    """The analytics view's call lists are for the roles that read reports; the front
    desk (who had them) is refused like the analytics view refuses it."""
    db, staff = staffed
    for role in ("care", "manager", "director", "gm", "admin"):
        analytics.birthdays_this_month(db.uow(), getattr(staff, role))
        analytics.return_visits_due(db.uow(), getattr(staff, role))
    with pytest.raises(PermissionDenied):
        analytics.birthdays_this_month(db.uow(), staff.desk)
    with pytest.raises(PermissionDenied):
        analytics.return_visits_due(db.uow(), staff.desk)


def test_merge_preview_changes_nothing_and_matches_the_merge(staffed):
    db, staff = staffed
    keep = add_customer(db, "张三", [(10, 100)], phone="+8613812345678")
    dup = add_customer(db, "张三", [(20, 200)], phone="+8613812345679",
                       vin="LSVAA4180E2123456", plate="京A12345")
    sid = _sheet(db, staff, dup, "TS-2026-000020", "registered", NOW)
    preview = analytics.merge_preview(db.uow(), staff.manager, keep, dup)
    assert preview.duplicate_sheets == 1 and preview.keep_sheets == 0
    assert len(preview.result.orders) == 2 and len(preview.result.vehicles) == 1
    assert set(preview.result.phones) == {"+8613812345678", "+8613812345679"}
    # Nothing was saved: the duplicate still has its vehicle, order and sheet.
    again = customers.get_customer(db.uow(), staff.manager, dup)
    assert again.merged_into_id is None and len(again.vehicles) == 1
    assert len(again.orders) == 1
    history = analytics.customer_history(db.uow(), staff.manager, dup)
    assert [e.sheet_id for e in history.timeline if e.kind == "complaint"] == [sid]
    # The real merge gives what the preview showed, and keeps every linked record.
    merged = customers.merge_customers(db.uow(), staff.manager, keep, dup)
    assert merged.phones == preview.result.phones
    assert {o.id for o in merged.orders} == {o.id for o in preview.result.orders}
    assert {v.id for v in merged.vehicles} == {v.id for v in preview.result.vehicles}
    history = analytics.customer_history(db.uow(), staff.manager, keep)
    assert [e.sheet_id for e in history.timeline if e.kind == "complaint"] == [sid]
    assert [c.sheet_id for c in history.open_complaints] == [sid]


def test_merge_preview_needs_the_merge_right(staffed):
    db, staff = staffed
    a = add_customer(db, "甲", phone="+8613812345678")
    b = add_customer(db, "乙", phone="+8613812345679")
    with pytest.raises(PermissionDenied):
        analytics.merge_preview(db.uow(), staff.desk, a, b)


def test_timeline_and_open_complaint_time_left(staffed):
    db, staff = staffed
    cid = add_customer(db, "时间线", [(100, 500), (3, 80)])
    sid = _sheet(db, staff, cid, "TS-2026-000030", "in_progress", NOW - timedelta(days=1),
                 resolution_due_at=NOW + timedelta(hours=5), acknowledged_at=NOW)
    late = _sheet(db, staff, cid, "TS-2026-000031", "registered", NOW - timedelta(hours=2),
                  response_due_at=NOW - timedelta(hours=1))
    _visit(db, sid, NOW - timedelta(hours=1), 4)
    history = analytics.customer_history(db.uow(), staff.desk, cid)
    kinds = [e.kind for e in history.timeline]
    # Newest first: the visit (1 h ago), the late sheet (2 h), the sheet (1 day),
    # the order 3 days ago, the order 100 days ago.
    assert kinds == ["return_visit", "complaint", "complaint", "service", "service"]
    by_id = {o.sheet_id: o for o in history.open_complaints}
    assert by_id[sid].remaining == timedelta(hours=5) and not by_id[sid].overdue
    assert by_id[late].overdue and by_id[late].remaining == -timedelta(hours=1)


def test_overview_from_the_cached_classification_matches_sql(staffed):
    db, staff = staffed
    _rfm_data(db)
    add_customer(db, "旧客", [(500, 40)])
    overview = analytics.overview(db.uow(), staff.manager)
    # The overview (all stores) groups the cached classification in Python; pyramid()
    # and rfm() group in SQL: the same numbers either way.
    assert overview.pyramid.segments == analytics.pyramid(db.uow(), staff.manager).segments
    assert overview.rfm.classes == analytics.rfm(db.uow(), staff.manager).classes
    assert overview.lifecycle == analytics.lifecycle_counts(db.uow(), staff.manager)
    assert overview.lifecycle[Lifecycle.PROSPECT] == 1


def test_cached_figures_follow_new_orders_and_merges(staffed):
    db, staff = staffed
    a = add_customer(db, "甲", [(10, 100)])
    b = add_customer(db, "乙", [(10, 200)])
    assert analytics.customer_value(db.uow(), staff.desk, a).pyramid_rank == 2
    customers.add_order(db.uow(), staff.desk, a, customers.OrderInput(
        "A-2", OrderKind.RETAIL, TODAY, "500"))  # 甲 now 600 yuan: first
    value = analytics.customer_value(db.uow(), staff.desk, a)
    assert (value.pyramid_rank, value.revenue_12m_cents) == (1, 600_00)
    customers.merge_customers(db.uow(), staff.manager, a, b)
    assert analytics.customer_value(db.uow(), staff.desk, a).revenue_12m_cents == 800_00
    with pytest.raises(ValidationError) as info:
        analytics.customer_value(db.uow(), staff.desk, b)
    assert info.value.code == "customer.merged"


def test_prepare_computes_the_day_once_and_a_new_order_invalidates_it(staffed):
    db, staff = staffed
    for i in range(1, 6):
        add_customer(db, f"客户{i}", [(10, i)])
    add_customer(db, "潜客")
    # Five customers with orders are classified; the prospect has no row (no orders).
    assert analytics.prepare(db.uow(), NOW.date()) == 5
    with db.uow().reading() as uow:
        first = analytics.classification(uow, NOW.date())
    with db.uow().reading() as uow:
        assert analytics.classification(uow, NOW.date()) is first  # cached, not recomputed
    add_customer(db, "新客", [(1, 50)])
    assert analytics.prepare(db.uow(), NOW.date()) == 6


def test_the_timeline_holds_every_entry(staffed):
    """Issue 15: a fleet customer's 520 orders are all on the record's timeline (it
    used to stop at 500 without saying so)."""
    db, staff = staffed
    cid = add_customer(db, "车队客户", [(i % 700, 100) for i in range(520)])
    history = analytics.customer_history(db.uow(), staff.desk, cid)
    assert len(history.timeline) == 520
