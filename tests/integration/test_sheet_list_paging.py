"""The complaint list read by windows gives the same rows as the whole list, in every
sort, at both ends (windows shrunk to a few rows, so a small store has many)."""

from __future__ import annotations

import pytest

from helpdesk.domain.complaints import NOT_CLOSED
from helpdesk.domain.filters import DueFilter, SheetFilter, SheetSort
from helpdesk.services import complaints, paging
from helpdesk.storage.database import Database
from tests.conftest import Staff


@pytest.fixture
def sheets(any_db: Database, clock: object) -> tuple[Database, Staff]:
    from tests.conftest import staff_store

    team = staff_store(any_db)
    uow = any_db.uow()
    from helpdesk.services import customers

    who = customers.create_customer(uow, team.desk, customers.CustomerInput(
        name="张三", phones=("13812345678",)))
    for i in range(23):
        complaints.register(uow, team.desk, complaints.SheetInput(
            channel="reception" if i % 3 else "phone", severity="general",
            category="price", description=f"收费高 {i}", customer_id=who.id))
    return any_db, team


FILTERS = [
    SheetFilter(), SheetFilter(sort=SheetSort.RECEIVED_ASC), SheetFilter(sort=SheetSort.NUMBER),
    SheetFilter(sort=SheetSort.DUE), SheetFilter(states=frozenset(NOT_CLOSED)),
    SheetFilter(due=DueFilter.OVERDUE), SheetFilter(text="zhangsan"),
]


def test_windows_match_the_whole_list(sheets: tuple[Database, Staff],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db, team = sheets
    monkeypatch.setattr(paging, "WINDOW", 4)
    for sheet_filter in FILTERS:
        whole = complaints.list_sheet_ids(db.uow(), team.director, sheet_filter)
        listing = complaints.list_sheets(db.uow(), team.director, sheet_filter)
        assert len(listing) == len(whole), sheet_filter
        if sheet_filter.due is not DueFilter.OVERDUE:
            assert len(whole) == 23, sheet_filter
        assert listing[len(whole) - 5:len(whole)] == whole[-5:], sheet_filter  # end first
        assert listing[0:5] == whole[0:5], sheet_filter
        assert list(listing) == whole, sheet_filter
