"""The CRM preset's reminders (issue 11): a sheet whose customer has heard nothing for
24 h is flagged in the list and counted; the first return visit after a delivery can be
recorded and leaves the call list."""

from __future__ import annotations

from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import seed_staff


def test_a_customer_without_news_for_24_hours_is_flagged(db: Database, clock: Clock) -> None:
    team = seed_staff(db.uow(), preset="crm")
    who = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    sheet = cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="快递破损", customer_id=who.id)).id

    def flagged() -> list[int]:
        return cs.list_sheet_ids(db.uow(), team.desk, SheetFilter(due=DueFilter.UPDATE_DUE))

    def row_due() -> bool:
        from helpdesk.domain import deadlines
        from helpdesk.services import common

        row = cs.sheet_rows(db.uow(), [sheet])[0]
        return deadlines.is_late(row.progress_update_due_at, common.now())

    clock.advance(hours=24)
    assert flagged() == [] and not row_due()  # exactly 24 h: still on time
    assert cs.count_update_due(db.uow(), team.desk) == 0
    clock.advance(seconds=1)
    assert flagged() == [sheet] and row_due()
    assert cs.count_update_due(db.uow(), team.desk) == 1
    cs.add_progress(db.uow(), team.desk, sheet, "内部讨论，未联系客户")
    assert flagged() == [sheet]  # a note the customer was not told of changes nothing
    cs.add_progress(db.uow(), team.desk, sheet, "已电话告知客户处理进度", customer_notified=True)
    assert flagged() == [] and not row_due()
    clock.advance(hours=24, seconds=1)
    assert flagged() == [sheet]


def test_a_dealership_asks_no_progress_updates(db: Database, clock: Clock) -> None:
    team = seed_staff(db.uow())
    who = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",)))
    cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="异响", customer_id=who.id))
    clock.advance(days=3)
    assert cs.count_update_due(db.uow(), team.desk) == 0
