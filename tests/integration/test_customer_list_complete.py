"""The customer list is complete (issue 15): every hit of a search, filtered and sorted
in SQL before anything is cut, counted truly — checked against plain SQL counts."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, insert, select

from helpdesk.domain.customers import CustomerKind, Tier
from helpdesk.services import analytics
from helpdesk.services.customer_list import CustomerFilter, CustomerSort, list_customer_ids
from helpdesk.storage import search, tables
from tests.integration.test_analytics import quick_staff

HITS = 1_300  # more than the 1,000 the list used to stop at
SURNAMES = "王汪黄"


@pytest.fixture(autouse=True)
def _fresh_classification():
    analytics.clear_cache()
    yield
    analytics.clear_cache()


def _load(db, store_id: int, after_id: int = 0) -> None:
    """HITS customers named 王…, some VIP; others that contain 王 later or not at all
    (ids from ``after_id + 1``)."""
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
    customers, keys = [], []
    for i in range(HITS + 400):
        if i < HITS:
            name = "王" + given[i % len(given)] + given[(i // len(given)) % len(given)]
        elif i < HITS + 100:
            name = "深圳市王府酒店" + str(i)  # 王 in the middle: found by the name part
        else:
            name = SURNAMES[1 + i % 2] + given[i % len(given)]
        tier = Tier.VIP if i % 7 == 0 else Tier.REGULAR
        kind = CustomerKind.COMPANY if name.startswith("深圳") else CustomerKind.INDIVIDUAL
        customers.append({"id": after_id + i + 1, "name": name, "kind": kind, "tier": tier,
                          "store_id": store_id, "version": 1,
                          "created_at": datetime(2026, 1, 1), "consent_marketing": False})
        keys.extend({"customer_id": after_id + i + 1, "kind": k, "key": v}
                    for k, v in search.customer_keys(name, kind))
    with db.engine.begin() as conn:
        conn.execute(insert(tables.customers), customers)
        conn.execute(insert(tables.search_keys), keys)


def _sql_ids(db, *where) -> set[int]:
    c = tables.customers
    with db.engine.connect() as conn:
        return set(conn.scalars(select(c.c.id).where(c.c.merged_into_id.is_(None), *where)))


def test_a_search_with_more_than_a_thousand_hits_and_a_filter_is_complete(db):
    staff = quick_staff(db)
    _load(db, staff.store_id)
    c = tables.customers
    with_wang = _sql_ids(db, c.c.name.like("%王%"))
    assert len(with_wang) == HITS + 100

    ids = list_customer_ids(db.uow(), staff.desk, CustomerFilter(text="王"))
    assert len(ids) == len(set(ids)) == len(with_wang)
    assert set(ids) == with_wang
    # Best match first: the names that start with 王 before those that contain it.
    assert {int(i) for i in ids[:HITS]} == _sql_ids(db, c.c.name.like("王%"))

    vip = CustomerFilter(text="王", tiers=frozenset({Tier.VIP}))
    vip_ids = list_customer_ids(db.uow(), staff.desk, vip)
    expected = _sql_ids(db, c.c.name.like("%王%"), c.c.tier == Tier.VIP.value)
    assert len(expected) > 150
    assert set(vip_ids) == expected and len(vip_ids) == len(expected)

    # Sorting happens before anything is cut: the last name by pinyin is in the list.
    by_name = list_customer_ids(db.uow(), staff.desk,
                                CustomerFilter(text="王", sort=CustomerSort.NAME))
    assert set(by_name) == with_wang
    with db.engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(c))
    assert len(list_customer_ids(db.uow(), staff.desk, CustomerFilter())) == total


def test_names_sort_by_pinyin_not_by_character_code(db):
    staff = quick_staff(db)
    names = ["丁一", "阿里", "张三丰", "张三", "曾国藩", "单丽", "白云", "John Smith"]
    with db.engine.begin() as conn:
        for i, name in enumerate(names, start=1):
            conn.execute(insert(tables.customers).values(
                id=i, name=name, kind=CustomerKind.INDIVIDUAL, tier=Tier.REGULAR,
                store_id=staff.store_id, version=1, consent_marketing=False))
            conn.execute(insert(tables.search_keys), [
                {"customer_id": i, "kind": k, "key": v}
                for k, v in search.customer_keys(name, CustomerKind.INDIVIDUAL)])
    ids = list_customer_ids(db.uow(), staff.desk, CustomerFilter(sort=CustomerSort.NAME))
    shown = [names[i - 1] for i in ids]
    # a(li) b(aiyun) d(ingyi) j(ohn) s(hanli: 单 as a surname) z(engguofan) z(hangsan)
    assert shown == ["阿里", "白云", "丁一", "John Smith", "单丽", "曾国藩", "张三", "张三丰"]
    reverse = list_customer_ids(db.uow(), staff.desk,
                                CustomerFilter(sort=CustomerSort.NAME, descending=True))
    assert reverse == ids[::-1]
