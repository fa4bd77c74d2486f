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


def test_the_first_visit_after_delivery_is_recorded_and_leaves_the_call_list(
        db: Database, clock: Clock) -> None:
    import pytest
    from sqlalchemy import select

    from helpdesk.domain.errors import PermissionDenied, ValidationError
    from helpdesk.services import analytics, common
    from helpdesk.storage import tables

    team = seed_staff(db.uow(), preset="crm")
    who = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=("13812345678",), orders=(customers.OrderInput(
            number="SO-1", amount="300", ordered_at=common.now().date()),)))
    order_id = who.orders[0].id

    def calls() -> list[int | None]:
        return [v.order_id for v in analytics.return_visits_due(db.uow(), team.care)
                if v.kind is analytics.VisitDueKind.FIRST_VISIT]

    assert calls() == [order_id]
    with pytest.raises(PermissionDenied):
        customers.record_first_visit(db.uow(), team.desk, order_id, satisfaction=5)
    customers.record_first_visit(db.uow(), team.care, order_id, satisfaction=4,
                                 feedback="收货正常，包装满意")
    assert calls() == []
    with pytest.raises(ValidationError) as caught:
        customers.record_first_visit(db.uow(), team.care, order_id)
    assert caught.value.code == "order.visited"
    with db.engine.connect() as conn:
        action = conn.scalar(select(tables.audit_log.c.action).where(
            tables.audit_log.c.entity_id == who.id,
            tables.audit_log.c.action == "order.first_visit"))
    assert action == "order.first_visit"
