"""The customer list at the service level: search (the same ranking as the command
line), filters, sorts and masking, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from helpdesk.domain import validation
from helpdesk.domain.customers import CustomerKind, Lifecycle, OrderKind, Tier
from helpdesk.services import analytics, common, complaints, customers
from helpdesk.services.analytics import RfmClass, Segment
from helpdesk.services.customer_list import (
    CustomerFilter,
    CustomerSort,
    customer_rows,
    list_customer_ids,
)
from helpdesk.storage.database import open_database
from tests.conftest import NOW
from tests.integration import databases
from tests.integration.test_analytics import quick_staff

TODAY = NOW.date()


def vin(prefix16: str) -> str:
    draft = prefix16[:8] + "0" + prefix16[8:]
    return draft[:8] + validation.vin_check_digit(draft) + draft[9:]


VIN_ZHANG = vin("LFV3A23C0E300001")


@pytest.fixture(autouse=True)
def _fresh_classification():
    """Each test computes its own classification (the cache is per process)."""
    analytics.clear_cache()
    yield
    analytics.clear_cache()


@pytest.fixture(scope="module")
def shared_postgres():
    yield from databases.module_postgres()


@pytest.fixture(scope="module", params=databases.BACKENDS)
def people(request, tmp_path_factory):
    """A handful of customers covering every search kind (ids by key), built once per
    database for the whole module; the one test that adds a sheet runs last."""
    common.set_clock(lambda: NOW)
    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path_factory.mktemp('list') / 'h.db'}")
    else:
        db = request.getfixturevalue("shared_postgres")
        databases.empty_postgres(db)
    try:
        yield _people(db)
    finally:
        common.set_clock(None)
        if request.param == "sqlite":
            db.dispose()


def _people(any_db):
    staff = quick_staff(any_db)
    uow = any_db.uow

    def add(key: str, name: str, phone: str, **extra) -> tuple[str, int]:
        data = customers.CustomerInput(name=name, phones=(phone,), **extra)
        return key, customers.create_customer(uow(), staff.desk, data).id

    order = customers.OrderInput
    ids = dict([
        add("zhang", "张三", "13812345678", tier=Tier.VIP, birthday=date(1985, 11, 3),
            vehicles=(customers.VehicleInput(vin=VIN_ZHANG, plate="京A·12345"),),
            orders=(order("SO-2026-0001", OrderKind.SERVICE, TODAY - timedelta(days=10),
                          "5000"),)),
        add("zhangsan2", "张三丰", "13900001111",
            orders=(order("SO-2026-0002", OrderKind.SERVICE, TODAY - timedelta(days=400),
                          "100"),)),
        add("shan", "单田芳", "13700002222"),
        add("zeng", "曾小贤", "13600003333",
            orders=(order("SO-2026-0003", OrderKind.PARTS, TODAY - timedelta(days=20),
                          "300"),)),
        add("xie", "解晓东", "13500004444"),
        add("qiu", "仇英", "13400005555"),
        add("company", "重庆长安汽车有限公司", "02361234567", kind=CustomerKind.COMPANY,
            orders=(order("SO-2026-0004", OrderKind.VEHICLE_SALE, TODAY - timedelta(days=5),
                          "150000"),)),
    ])
    return any_db, staff, ids


def found(db, staff, text: str, **filters) -> list[int]:
    return list_customer_ids(db.uow(), staff.desk, CustomerFilter(text=text, **filters))


SEARCH_CASES = [
    ("zs", "zhang"),  # initials
    ("zhangs", "zhang"),  # partial pinyin
    ("zhangsan", "zhang"),  # full pinyin
    ("张三", "zhang"),
    ("shantianfang", "shan"),  # 单 read as the surname Shan, not dan
    ("stf", "shan"),
    ("zengxiaoxian", "zeng"),  # 曾 as Zeng, not ceng
    ("xiexiaodong", "xie"),  # 解 as Xie, not jie
    ("qiuying", "qiu"),  # 仇 as Qiu, not chou
    ("5678", "zhang"),  # last four digits of the phone
    ("138 1234 5678", "zhang"),
    ("京A12345", "zhang"),
    ("京a·12345", "zhang"),  # the dot and lower case
    ("京Ａ１２３４５", "zhang"),  # full-width
    ("A12345", "zhang"),  # without the province
    (VIN_ZHANG[-6:], "zhang"),  # VIN tail 6
    (VIN_ZHANG[-8:].lower(), "zhang"),  # VIN tail 8, lower case
    ("SO-2026-0001", "zhang"),  # order number
    ("重庆长安", "company"),  # company name
    ("cqca", "company"),
    # issue 15: any part of a name, and the common reading of a polyphonic surname
    ("长安", "company"),
    ("cengxiaoxian", "zeng"),
    ("dantianfang", "shan"),
    ("jiexiaodong", "xie"),
]


@pytest.mark.parametrize(("text", "who"), SEARCH_CASES)
def test_search_finds_the_customer_first(people, text, who):
    db, staff, ids = people
    result = found(db, staff, text)
    assert result and result[0] == ids[who], (text, result)


def test_search_ranks_exact_matches_first_and_finds_nothing_for_junk(people):
    db, staff, ids = people
    # "zhangsan" is 张三 exactly and the start of 张三丰 (zhangsanfeng): exact first.
    assert found(db, staff, "zhangsan") == [ids["zhang"], ids["zhangsan2"]]
    for junk in ("'; DROP TABLE customers; --", "zzzzzzzz", "🙂" * 50, "x" * 5000, "%_%"):
        assert found(db, staff, junk) == [], junk
    # An empty or blank box lists everyone (sorted by name), the table is still there.
    assert len(found(db, staff, "   ")) == len(ids) == len(found(db, staff, ""))


def test_filters(people):
    db, staff, ids = people

    def names(**filters) -> set[int]:
        return set(found(db, staff, "", **filters))

    assert names(tiers=frozenset({Tier.VIP})) == {ids["zhang"]}
    assert names(lifecycles=frozenset({Lifecycle.INACTIVE})) == {ids["zhangsan2"]}
    assert names(lifecycles=frozenset({Lifecycle.PROSPECT})) == \
        {ids["shan"], ids["xie"], ids["qiu"]}
    # Three active buyers: 150 000, 5 000 and 300 yuan → ranks 1, 2, 3; n = 3 → top is
    # rank 1 (ceil 0.03), high up to ceil(0.15) = 1, middle up to ceil(0.6) = 1: the other
    # two are low.
    assert names(segments=frozenset({Segment.TOP})) == {ids["company"]}
    assert names(segments=frozenset({Segment.LOW})) == {ids["zhang"], ids["zeng"]}
    assert names(segments=frozenset({Segment.INACTIVE, Segment.PROSPECT})) == \
        {ids["zhangsan2"], ids["shan"], ids["xie"], ids["qiu"]}
    # RFM over the four buyers (n = 4): the company has the most recent order (R: worse
    # 3 → 1 + 15 // 4 = 4) and the most revenue (M 4), one order (F: all equal → 1):
    # R ≥ 3 and M ≥ 3 → potential. 张三丰 bought 400 days ago, little: R 1 → silent.
    # 张三 (10 days, 5 000 yuan): R worse 2 → 3, M worse 2 → 3 → potential as well.
    # 曾小贤 (20 days, 300 yuan): R worse 1 → 2, M worse 1 → 2 → silent too.
    assert names(rfm_classes=frozenset({RfmClass.POTENTIAL})) == {ids["company"], ids["zhang"]}
    assert names(rfm_classes=frozenset({RfmClass.SILENT})) == {ids["zhangsan2"], ids["zeng"]}
    assert names(birthday_this_month=True) == {ids["zhang"]}  # born in November
    assert names(store_ids=frozenset({staff.store_id})) == set(ids.values())
    assert names(owner_user_id=staff.manager) == set()
    # Text and filters together.
    assert found(db, staff, "zhang", lifecycles=frozenset({Lifecycle.NEW})) == [ids["zhang"]]


def test_sorts(people):
    db, staff, ids = people

    def order(sort: CustomerSort, descending: bool = False) -> list[int]:
        return found(db, staff, "", sort=sort, descending=descending)

    by_revenue = order(CustomerSort.REVENUE)
    # 12-month revenue: company 150 000, 张三 5 000, 曾小贤 300, the rest 0 (by id).
    assert by_revenue[:3] == [ids["company"], ids["zhang"], ids["zeng"]]
    assert order(CustomerSort.REVENUE, True)[-3:] == [ids["zeng"], ids["zhang"], ids["company"]]
    by_last = order(CustomerSort.LAST_PURCHASE)
    # Last purchase: 5, 10, 20, 400 days ago; those without come last.
    assert by_last[:4] == [ids["company"], ids["zhang"], ids["zeng"], ids["zhangsan2"]]
    assert set(by_last[4:]) == {ids["shan"], ids["xie"], ids["qiu"]}
    assert len(order(CustomerSort.NAME)) == len(ids)


def test_rows_mask_phones_for_roles_without_the_right(people):
    db, staff, ids = people
    seen = customer_rows(db.uow(), staff.desk, [ids["zhang"]])[0]
    assert seen.phone == "+8613812345678" and seen.plate == "京A12345"
    assert seen.revenue_12m_cents == 5000_00 and seen.lifecycle is Lifecycle.NEW
    hidden = customer_rows(db.uow(), staff.gm, [ids["zhang"]])[0]
    assert hidden.phone == "138****5678"
    admin = customer_rows(db.uow(), staff.admin, [ids["zhang"], ids["shan"]])
    assert [r.phone for r in admin] == ["138****5678", "137****2222"]


# Adds a sheet: runs last on the module's shared data.
def test_open_complaints_and_return_visit_due(people):
    db, staff, ids = people
    complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="other",
        description="等待时间太长", customer_id=ids["xie"]))
    assert found(db, staff, "", open_complaints=True) == [ids["xie"]]
    assert ids["xie"] not in found(db, staff, "", open_complaints=False)
    assert found(db, staff, "", visit_due=True) == []  # not resolved yet
