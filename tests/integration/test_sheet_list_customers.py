"""The complaint list's search box finds the sheets of every matching customer (issue
15): no best-500 cut, checked against plain SQL counts on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.customers import CustomerKind, Tier
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints
from helpdesk.storage import search, tables
from helpdesk.storage.database import Database
from tests.conftest import staff_store

MATCHING = 620  # more than the 500 customers the list used to take
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def _load(db: Database, store_id: int) -> None:
    """MATCHING customers named 欧阳… with two sheets each (one closed), and 80 others."""
    customers, keys, sheets = [], [], []
    for i in range(MATCHING + 80):
        surname = "欧阳" if i < MATCHING else "司马"
        name = surname + GIVEN[i % len(GIVEN)] + GIVEN[(i // len(GIVEN)) % len(GIVEN)]
        cid = 1000 + i
        customers.append({"id": cid, "name": name, "kind": CustomerKind.INDIVIDUAL,
                          "tier": Tier.REGULAR, "store_id": store_id, "version": 1,
                          "created_at": datetime(2026, 1, 1), "consent_marketing": False})
        keys.extend({"customer_id": cid, "kind": k, "key": v}
                    for k, v in search.customer_keys(name, CustomerKind.INDIVIDUAL))
        for j, state in enumerate((SheetState.REGISTERED, SheetState.CLOSED)):
            sheets.append({"number": f"TS-2026-{2 * i + j + 1:06d}", "store_id": store_id,
                           "received_at": datetime(2026, 3, 1, 9, i % 60),
                           "channel": "phone", "severity": "general", "category": "price",
                           "customer_id": cid, "customer_name": name,
                           "description": "收费高", "state": state, "version": 1})
    with db.engine.begin() as conn:
        conn.execute(insert(tables.customers), customers)
        conn.execute(insert(tables.search_keys), keys)
        conn.execute(insert(tables.sheets), sheets)


def _sql_count(db: Database, *where: object) -> int:
    s, c = tables.sheets, tables.customers
    with db.engine.connect() as conn:
        return int(conn.scalar(
            select(func.count()).select_from(s.join(c, c.c.id == s.c.customer_id))
            .where(c.c.name.like("欧阳%"), *where)))


def test_a_name_with_more_than_500_customers_finds_all_their_sheets(any_db: Database) -> None:
    team = staff_store(any_db)
    _load(any_db, team.store_id)
    every = _sql_count(any_db)
    assert every == 2 * MATCHING

    for query in ("欧阳", "ouyang"):
        listing = complaints.list_sheets(any_db.uow(), team.director, SheetFilter(text=query))
        assert len(listing) == every, query
        ids = complaints.list_sheet_ids(any_db.uow(), team.director, SheetFilter(text=query))
        assert len(ids) == len(set(ids)) == every, query
        assert list(listing) == ids, query

    still_open = SheetFilter(text="欧阳", include_closed=False)
    assert len(complaints.list_sheets(any_db.uow(), team.director, still_open)) \
        == _sql_count(any_db, tables.sheets.c.state != SheetState.CLOSED.value) == MATCHING
