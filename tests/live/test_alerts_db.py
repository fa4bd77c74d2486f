"""The warning-window setting and the alert watch on a real database (issue 9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from helpdesk.domain import sla
from helpdesk.domain.errors import PermissionDenied, ValidationErrors
from helpdesk.domain.users import Role
from helpdesk.services import alerts, common, complaints, settings
from helpdesk.services.customers import CustomerInput
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import seed_staff


@pytest.fixture(autouse=True)
def _forget() -> Iterator[None]:
    yield
    common.reset_clock_sync()


def test_the_administrator_sets_the_warning_window_every_desk_reads(db: Database,
                                                                     clock: Clock) -> None:
    staff = seed_staff(db.uow())
    window = settings.save_warning_window(db.uow(), staff.admin, "4", "20")
    assert window == sla.WarningWindow(4, timedelta(minutes=20))
    assert settings.get_warning_window(db.uow()) == window
    sla.set_warning_window(None)
    common.sync_clock(db.uow())  # another desk logging in reads it
    assert sla.warning_window() == window
    with pytest.raises(ValidationErrors) as refused:
        settings.save_warning_window(db.uow(), staff.admin, "7", "-5")
    assert [e.code for e in refused.value.errors] == ["warning_share.invalid",
                                                      "warning_minimum.invalid"]
    with pytest.raises(PermissionDenied):
        settings.save_warning_window(db.uow(), staff.desk, 3, 10)


def test_a_manager_hears_of_a_major_complaint_once(db: Database, clock: Clock) -> None:
    staff = seed_staff(db.uow())
    watch = alerts.AlertWatch(staff.manager, {Role.SERVICE_MANAGER})
    assert watch.look(db.uow).alerts == ()
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="major", category="repair_quality",
        description="发动机异响，要求更换发动机", customer_request="换发动机"),
        new_customer=CustomerInput(name="吴十", phones=("13900001111",)))
    heard = watch.look(db.uow)
    assert [(a.kind, a.sheet_id) for a in heard.alerts] == [
        (alerts.AlertKind.ARRIVED, sheet.id)]
    assert watch.look(db.uow).alerts == ()
    clock.advance(hours=1)  # a major response is overdue by now: the store counts it
    assert watch.look(db.uow).counts.store_overdue == 1
