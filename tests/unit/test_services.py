"""The use cases with an in-memory unit of work (``tests/fakes.py``): validation of
every field at once, permission refusals, the audit entry written in the same commit as
the change (and nothing at all when refused), stale versions, login and user rules.

Customer search and the sheet list run SQL: they are tested in ``tests/integration``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from helpdesk.domain.complaints import ResponsibleArea, SheetState
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    AuthenticationError,
    ConflictError,
    HelpdeskError,
    NotFound,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from helpdesk.domain.users import MAX_FAILED_LOGINS, Role
from helpdesk.services import common, customers, setup, users
from helpdesk.services import complaints as cs
from helpdesk.services.customers import CustomerInput, OrderInput, VehicleInput
from helpdesk.services.dto import CustomerDetail, SheetDetail
from tests.conftest import NOW, Clock
from tests.fakes import PASSWORD, FakeUnitOfWork, Staff, seed_staff

VIN = "LSVAU218XN2183294"
OTHER_VIN = "LFV2A21KXK3012345"
BAD_CHECK_DIGIT_VIN = "LSVAU2180N2183294"
ROOT_CAUSE = "技师安装刹车片时漏涂消音胶，导致制动时金属片振动异响"
CORRECTION = "重新拆装刹车片并涂消音胶"
MEASURE = "车间主任王五在12月1日前修订刹车片安装作业指导书，增加涂胶检查项并签字确认"
INJECTION = "'); DROP TABLE sheets; -- <script>alert(1)</script> ${jndi:ldap://x} %s {0}"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def team(uow: FakeUnitOfWork, clock: Clock) -> Staff:
    return seed_staff(uow)


@pytest.fixture
def customer(uow: FakeUnitOfWork, team: Staff) -> CustomerDetail:
    return customers.create_customer(uow, team.desk, CustomerInput(
        name="张三", phones=("13812345678",),
        vehicles=(VehicleInput(vin=VIN, plate="京A·12345", brand="大众", model="帕萨特"),)))


@pytest.fixture
def other_customer(uow: FakeUnitOfWork, team: Staff) -> CustomerDetail:
    return customers.create_customer(uow, team.desk, CustomerInput(
        name="李四", phones=("13900001111",), vehicles=(VehicleInput(vin=OTHER_VIN),),
        orders=(OrderInput(number="SO-2026-0042", amount="1,280.00"),)))


def sheet_input(customer: CustomerDetail, **changes: Any) -> cs.SheetInput:
    values: dict[str, Any] = {
        "channel": Channel.RECEPTION, "severity": Severity.GENERAL,
        "category": "repair_quality", "description": "刹车时有异响，已经修过一次",
        "customer_id": customer.id, "customer_request": "免费维修",
        "vehicle_id": customer.vehicles[0].id, "mileage_km": "35,000",
    }
    values.update(changes)
    return cs.SheetInput(**values)


@pytest.fixture
def sheet(uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> SheetDetail:
    return cs.register(uow, team.desk, sheet_input(customer))


class Watch:
    """What one service call committed: how many commits and which audit entries."""

    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow
        self.commits = uow.commits
        self.audit = len(uow.committed.audit)

    @property
    def new_commits(self) -> int:
        return self.uow.commits - self.commits

    @property
    def new_audit(self) -> list[Any]:
        return self.uow.committed.audit[self.audit:]


def assert_nothing_saved(watch: Watch) -> None:
    assert watch.new_commits == 0
    assert watch.new_audit == []


def fields_of(exc: ValidationErrors) -> dict[str, str]:
    return {e.field: e.code for e in exc.errors}


# ====================================================================== register
def test_register_numbers_the_sheet_and_audits_it_in_the_same_commit(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    watch = Watch(uow)
    detail = cs.register(uow, team.desk, sheet_input(customer))
    assert detail.number == "TS-2026-000001"
    assert (detail.state, detail.store_id, detail.received_at) == (
        SheetState.REGISTERED, team.store_id, NOW)
    assert (detail.received_by_name, detail.customer_name, detail.customer_phone) == (
        "王芳", "张三", "+8613812345678")
    assert detail.mileage_km == 35000 and detail.vehicle is not None
    assert detail.vehicle.plate == "京A12345"
    assert detail.response_due_at == datetime(2026, 11, 18, 18, 0)
    assert detail.resolution_due_at == datetime(2026, 11, 21, 10, 0)
    assert detail.version == 1
    assert watch.new_commits == 1
    [entry] = uow.commit_log[-1]
    assert (entry.action, entry.entity, entry.entity_id, entry.user_id, entry.note) == (
        "sheet.register", "sheet", detail.id, team.desk, detail.number)
    assert entry.change_map["description"] == [None, "刹车时有异响，已经修过一次"]
    assert cs.register(uow, team.desk, sheet_input(customer)).number == "TS-2026-000002"


def test_register_reports_every_bad_field_at_once_and_saves_nothing(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail,
        other_customer: CustomerDetail, clock: Clock) -> None:
    watch = Watch(uow)
    bad = sheet_input(customer, description="  ", category="no_such_category",
                      received_at=clock.at + timedelta(days=1),
                      vehicle_id=other_customer.vehicles[0].id, mileage_km="-5",
                      channel="carrier_pigeon", severity="apocalyptic")
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, bad)
    assert fields_of(caught.value) == {
        "description": "text.required", "category": "category.invalid",
        "received_at": "date.future", "vehicle": "vehicle.not_customers",
        "mileage_km": "mileage.invalid", "channel": "channel.invalid",
        "severity": "severity.invalid",
    }
    assert_nothing_saved(watch)
    assert uow.committed.sheets == {}
    # The refused attempt did not use up a number.
    assert cs.register(uow, team.desk, sheet_input(customer)).number == "TS-2026-000001"


@pytest.mark.parametrize(("days_ago", "ok"), [(365, True), (366, True), (367, False),
                                              (3650, False)])
def test_register_refuses_sheets_older_than_a_year(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock,
        days_ago: int, ok: bool) -> None:
    data = sheet_input(customer, received_at=clock.at - timedelta(days=days_ago))
    if ok:
        assert cs.register(uow, team.desk, data).received_at == data.received_at
    else:
        watch = Watch(uow)
        with pytest.raises(ValidationErrors) as caught:
            cs.register(uow, team.desk, data)
        assert fields_of(caught.value) == {"received_at": "date.too_old"}
        assert_nothing_saved(watch)


def test_a_backdated_sheet_is_numbered_in_its_own_year(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    detail = cs.register(uow, team.desk, sheet_input(
        customer, received_at=datetime(2025, 12, 30, 15, 0)))
    assert detail.number == "TS-2025-000001"
    assert cs.register(uow, team.desk, sheet_input(customer)).number == "TS-2026-000001"


def test_register_refuses_a_vehicle_and_an_order_together(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    order = customers.add_order(uow, team.desk, customer.id, OrderInput(number="RO-1"))
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(customer, order_id=order.id))
    assert fields_of(caught.value) == {"order": "sheet.vehicle_and_order"}
    assert_nothing_saved(watch)


def test_register_refuses_an_order_of_another_customer(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail,
        other_customer: CustomerDetail) -> None:
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(customer, vehicle_id=None,
                                                order_id=other_customer.orders[0].id))
    assert fields_of(caught.value) == {"order": "order.not_customers"}


def test_register_needs_a_live_customer(uow: FakeUnitOfWork, team: Staff,
                                        customer: CustomerDetail,
                                        other_customer: CustomerDetail) -> None:
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(customer, customer_id=None, vehicle_id=None))
    assert fields_of(caught.value) == {"customer": "customer.required"}
    customers.merge_customers(uow, team.manager, customer.id, other_customer.id)
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(other_customer, vehicle_id=None))
    assert fields_of(caught.value) == {"customer": "customer.not_found"}


@pytest.mark.parametrize("field", ["description", "customer_request"])
def test_register_refuses_huge_text(uow: FakeUnitOfWork, team: Staff,
                                    customer: CustomerDetail, field: str) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(customer, **{field: "投" * 100_000}))
    [error] = caught.value.errors
    assert (error.field, error.code, error.params["length"]) == (field, "text.too_long", 100_000)
    assert_nothing_saved(watch)


def test_register_refuses_control_characters(uow: FakeUnitOfWork, team: Staff,
                                             customer: CustomerDetail) -> None:
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk, sheet_input(customer, description="异响\x00\x1b[2J"))
    assert fields_of(caught.value) == {"description": "text.control"}


def test_an_injection_string_is_stored_verbatim(uow: FakeUnitOfWork, team: Staff,
                                                customer: CustomerDetail) -> None:
    detail = cs.register(uow, team.desk, sheet_input(customer, description=INJECTION,
                                                     customer_request=INJECTION))
    stored = uow.committed.sheets[detail.id]
    assert detail.description == stored.description == INJECTION
    assert stored.customer_request == INJECTION


def test_full_width_input_is_understood_and_the_wording_kept(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    words = "刹车异响！（客户很生气）ＡＢＣ"
    detail = cs.register(uow, team.desk, sheet_input(customer, description=f"　{words}　",
                                                     mileage_km="３５，０００"))
    assert detail.description == words  # full-width punctuation is the customer's words
    assert detail.mileage_km == 35000


def test_register_with_an_inline_customer_is_one_commit(uow: FakeUnitOfWork,
                                                        team: Staff) -> None:
    watch = Watch(uow)
    detail = cs.register(
        uow, team.desk,
        cs.SheetInput(channel="reception", severity="major", category="service_attitude",
                      description="服务顾问态度恶劣"),
        new_customer=CustomerInput(name="王 五", phones=("１３８ ０００１ ２２３３",),
                                   vehicles=(VehicleInput(vin="lsvau218xn2183294",
                                                          plate="京ａ·１２３４５"),)))
    assert watch.new_commits == 1
    assert [e.action for e in watch.new_audit] == ["customer.create", "sheet.register"]
    assert detail.customer_phone == "+8613800012233"
    assert detail.vehicle is not None
    assert (detail.vehicle.vin, detail.vehicle.plate) == (VIN, "京A12345")
    assert detail.response_due_at == NOW + timedelta(minutes=30)


def test_an_inline_customer_with_a_vehicle_and_an_order_links_the_vehicle(
        uow: FakeUnitOfWork, team: Staff) -> None:
    detail = cs.register(
        uow, team.desk,
        cs.SheetInput(channel="reception", severity="general", category="price",
                      description="保养收费比报价高"),
        new_customer=CustomerInput(name="赵六", phones=("13800012234",),
                                   vehicles=(VehicleInput(vin=VIN),),
                                   orders=(OrderInput(number="RO-2026-7", amount=88000),)))
    assert detail.vehicle is not None and detail.vehicle.vin == VIN
    assert detail.order is None


def test_a_refused_sheet_leaves_no_inline_customer_behind(uow: FakeUnitOfWork,
                                                          team: Staff) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk,
                    cs.SheetInput(channel="reception", severity="general",
                                  category="price", description=""),
                    new_customer=CustomerInput(name="赵六", phones=("13800012234",)))
    assert fields_of(caught.value) == {"description": "text.required"}
    assert_nothing_saved(watch)
    assert uow.committed.customers == {}


def test_inline_customer_errors_and_sheet_errors_come_together(uow: FakeUnitOfWork,
                                                               team: Staff) -> None:
    with pytest.raises(ValidationErrors) as caught:
        cs.register(uow, team.desk,
                    cs.SheetInput(channel="reception", severity="general",
                                  category="nope", description="x"),
                    new_customer=CustomerInput(name="赵六", phones=("12345",),
                                               vehicles=(VehicleInput(vin=BAD_CHECK_DIGIT_VIN),)))
    found = fields_of(caught.value)
    assert found["phone"].startswith("phone.")
    assert found["vin"] == "vin.check_digit"
    assert found["category"] == "category.invalid"


# ================================================================ update sheet
def test_update_sheet_audits_the_difference(uow: FakeUnitOfWork, team: Staff,
                                            customer: CustomerDetail, sheet: SheetDetail,
                                            clock: Clock) -> None:
    clock.advance(minutes=5)
    watch = Watch(uow)
    detail = cs.update_sheet(uow, team.desk, sheet.id, sheet.version, sheet_input(
        customer, severity="major", description="刹车异响，且方向盘抖动"))
    assert (detail.severity, detail.version) == (Severity.MAJOR, 2)
    assert detail.response_due_at == NOW + timedelta(minutes=30)  # recomputed
    [entry] = watch.new_audit
    assert entry.action == "sheet.update"
    assert entry.change_map["severity"] == ["general", "major"]
    assert entry.change_map["description"][1] == "刹车异响，且方向盘抖动"
    assert "category" not in entry.change_map


def test_correcting_the_category_to_an_enquiry_recomputes_a_retail_deadline(
        clock: Clock) -> None:
    # Seed 004: complaints are answered within 24 h, enquiries within 30 minutes.
    uow = FakeUnitOfWork()
    shop = seed_staff(uow, preset="retail", code="RS")
    buyer = customers.create_customer(uow, shop.desk, CustomerInput(
        name="王五", phones=("13811112222",), vehicles=(VehicleInput(vin=OTHER_VIN),)))
    registered = cs.register(uow, shop.desk, sheet_input(buyer, channel="in_store"))
    assert registered.response_due_at == NOW + timedelta(hours=24)
    corrected = cs.update_sheet(uow, shop.desk, registered.id, registered.version,
                                sheet_input(buyer, channel="in_store", category="enquiry"))
    assert corrected.response_due_at == NOW + timedelta(minutes=30)


def test_update_sheet_with_a_stale_version_names_who_saved(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, sheet: SheetDetail,
        clock: Clock) -> None:
    clock.advance(minutes=7)
    cs.assign(uow, team.manager, sheet.id, "technical", team.manager)
    watch = Watch(uow)
    with pytest.raises(ConflictError) as caught:
        cs.update_sheet(uow, team.desk, sheet.id, sheet.version, sheet_input(customer))
    error = caught.value
    assert (error.saved_by, error.saved_at, error.current_version) == (
        "陈刚", NOW + timedelta(minutes=7), 2)
    assert "陈刚" in error.message and "10:07" in error.message
    assert_nothing_saved(watch)


def test_a_sheet_received_over_a_year_ago_can_still_be_corrected(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, sheet: SheetDetail,
        clock: Clock) -> None:
    clock.advance(days=400)
    detail = cs.update_sheet(uow, team.desk, sheet.id, sheet.version,
                             sheet_input(customer, customer_request="退款"))
    assert detail.customer_request == "退款" and detail.received_at == NOW


def test_correcting_the_severity_keeps_the_waiting_time(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, sheet: SheetDetail,
        clock: Clock) -> None:
    cs.assign(uow, team.manager, sheet.id, "technical", team.manager)
    clock.advance(hours=1)
    cs.wait_for_customer(uow, team.manager, sheet.id, "客户出差")
    clock.advance(hours=2)
    resumed = cs.resume(uow, team.manager, sheet.id)
    assert resumed.resolution_due_at == datetime(2026, 11, 21, 12, 0)
    detail = cs.update_sheet(uow, team.desk, sheet.id, resumed.version,
                             sheet_input(customer, severity="major"))
    # Same 3 working days for a major one: the two hours of waiting still count.
    assert detail.resolution_due_at == datetime(2026, 11, 21, 12, 0)


def test_correcting_the_received_time_measures_the_steps_again(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock) -> None:
    """Issue 12: the stored response and resolution minutes follow a corrected received
    time, as the deadlines and the on-time verdicts do."""
    detail = life(uow, team, customer, until="resolve")
    stored = uow.sheets.get(detail.id)
    assert stored is not None and stored.acknowledged_at and stored.resolved_at
    minutes = (stored.response_minutes, stored.resolution_minutes)
    earlier = detail.received_at - timedelta(hours=2)
    cs.update_sheet(uow, team.desk, detail.id, detail.version,
                    sheet_input(customer, received_at=earlier))
    corrected = uow.sheets.get(detail.id)
    assert corrected is not None and corrected.received_at == earlier
    assert (corrected.response_minutes, corrected.resolution_minutes) == (
        minutes[0] + 120, minutes[1] + 120)


def test_correcting_the_customer_links_the_sheet_to_the_other_customer(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail,
        other_customer: CustomerDetail, sheet: SheetDetail) -> None:
    detail = cs.update_sheet(uow, team.desk, sheet.id, sheet.version,
                             sheet_input(other_customer,
                                         vehicle_id=other_customer.vehicles[0].id))
    stored = uow.sheets.get(sheet.id)
    assert stored is not None
    assert (stored.customer_id, stored.customer_name) == (other_customer.id, "李四")
    assert detail.customer_id == other_customer.id
    changes = json.loads(uow.committed.audit[-1].changes)
    assert changes["customer_id"] == [customer.id, other_customer.id]


def test_a_closed_sheet_cannot_be_edited(uow: FakeUnitOfWork, team: Staff,
                                         customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="close")
    with pytest.raises(ValidationError) as caught:
        cs.update_sheet(uow, team.director, detail.id, detail.version, sheet_input(customer))
    assert caught.value.code == "workflow.closed"


# ============================================================ workflow services
def life(uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail,
         until: str = "close") -> SheetDetail:
    """Walk a sheet through its life up to (and including) ``until``."""
    steps = lifecycle_steps(team)
    detail = cs.register(uow, team.desk, sheet_input(customer))
    for name, call, _audit in steps:
        detail = call(uow, detail)
        if name == until:
            break
    return detail


def lifecycle_steps(team: Staff) -> list[tuple[str, Callable[..., SheetDetail], str]]:
    """(name, call(uow, detail, **kw), audit action); ``kw`` goes to the service, e.g.
    ``expected_version``."""
    return [
        ("acknowledge", lambda u, d, **kw: cs.acknowledge(u, team.manager, d.id, note="收到",
                                                          **kw), "sheet.acknowledge"),
        ("assign", lambda u, d, **kw: cs.assign(
            u, team.director, d.id, ResponsibleArea.TECHNICAL, team.manager, note="陈刚负责",
            **kw), "sheet.assign"),
        ("progress", lambda u, d, **kw: cs.add_progress(
            u, team.manager, d.id, "已约客户周五到店", customer_notified=True, **kw),
         "sheet.progress"),
        ("wait", lambda u, d, **kw: cs.wait_for_customer(u, team.manager, d.id, "客户出差",
                                                         **kw), "sheet.wait"),
        ("resume", lambda u, d, **kw: cs.resume(u, team.manager, d.id, note="客户到店", **kw),
         "sheet.resume"),
        ("analysis", lambda u, d, **kw: cs.record_analysis(
            u, team.manager, d.id, root_cause=ROOT_CAUSE, correction=CORRECTION,
            compensation="¥200.00", long_term_measure=MEASURE, **kw), "sheet.analysis"),
        ("action", lambda u, d, **kw: cs.add_corrective_action(
            u, team.manager, d.id, MEASURE, team.manager, date(2026, 12, 1), **kw),
         "sheet.action.add"),
        ("check", lambda u, d, **kw: cs.check_corrective_action(
            u, team.director, d.id, d.actions[0].id, "effective", "三十天无同类投诉", **kw),
         "sheet.action.check"),
        ("resolve", lambda u, d, **kw: cs.resolve(u, team.manager, d.id, note="已修复", **kw),
         "sheet.resolve"),
        ("visit", lambda u, d, **kw: cs.record_return_visit(u, team.care, d.id, "5", "很满意",
                                                            **kw), "sheet.return_visit"),
        ("close", lambda u, d, **kw: cs.close(u, team.director, d.id, "客户满意，结案", **kw),
         "sheet.close"),
        ("reopen", lambda u, d, **kw: cs.reopen(u, team.director, d.id, "客户再次来电", **kw),
         "sheet.reopen"),
    ]


def test_every_workflow_step_is_one_commit_with_its_audit_entry(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock) -> None:
    detail = cs.register(uow, team.desk, sheet_input(customer))
    for name, call, audit_action in lifecycle_steps(team):
        clock.advance(minutes=10)
        watch = Watch(uow)
        before = detail.version
        detail = call(uow, detail)
        assert watch.new_commits == 1, name
        [entry] = uow.commit_log[-1]
        assert (entry.action, entry.entity, entry.entity_id) == (audit_action, "sheet",
                                                                 detail.id), name
        assert entry.at == clock.at and entry.user_id is not None
        assert detail.updated_at == clock.at
        assert detail.version == before + 1, name
    assert detail.state is SheetState.IN_PROGRESS
    actions = [t.action for t in detail.transitions]
    assert actions == ["acknowledge", "assign", "wait", "resume", "resolve", "return_visit",
                       "close", "reopen"]
    state_changes = [e.change_map.get("state") for e in uow.committed.audit
                     if e.action in ("sheet.close", "sheet.reopen")]
    assert state_changes == [["visited", "closed"], ["closed", "in_progress"]]


def test_analysis_parses_the_compensation(uow: FakeUnitOfWork, team: Staff,
                                          customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="analysis")
    assert detail.compensation_cents == 20000
    assert (detail.root_cause, detail.long_term_measure) == (ROOT_CAUSE, MEASURE)


def test_resolve_refused_by_a_guard_saves_nothing(uow: FakeUnitOfWork, team: Staff,
                                                  customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="assign")
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        cs.resolve(uow, team.manager, detail.id)
    assert set(fields_of(caught.value)) == {"root_cause", "long_term_measure", "correction"}
    assert_nothing_saved(watch)
    assert uow.committed.sheets[detail.id].state is SheetState.IN_PROGRESS


def test_the_administrators_banned_phrases_reach_the_guard(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="assign")
    with uow:
        uow.settings.set(common.BANNED_PHRASES_KEY, ["开会强调安装规范"])
        uow.commit()
    with pytest.raises(ValidationErrors) as caught:
        cs.record_analysis(uow, team.manager, detail.id, long_term_measure="开会强调安装规范")
    assert caught.value.errors[0].params["phrases"] == ("开会强调安装规范",)


def test_assign_checks_the_area_and_the_person(uow: FakeUnitOfWork, team: Staff,
                                               sheet: SheetDetail) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        cs.assign(uow, team.manager, sheet.id, "weather", 9999)
    assert fields_of(caught.value) == {"responsible_area": "responsible_area.invalid",
                                       "responsible_user": "user.not_found"}
    assert_nothing_saved(watch)


def test_a_corrective_action_needs_a_known_owner(uow: FakeUnitOfWork, team: Staff,
                                                customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="assign")
    watch = Watch(uow)
    with pytest.raises(ValidationError) as caught:
        cs.add_corrective_action(uow, team.manager, detail.id, MEASURE, 4242, date(2026, 12, 1))
    assert (caught.value.field, caught.value.code) == ("action_owner", "user.not_found")
    assert_nothing_saved(watch)


def test_return_visit_score_is_checked(uow: FakeUnitOfWork, team: Staff,
                                       customer: CustomerDetail) -> None:
    detail = life(uow, team, customer, until="resolve")
    for score, code in (("六", "satisfaction.invalid"), (0, "satisfaction.range")):
        with pytest.raises(ValidationErrors) as caught:
            cs.record_return_visit(uow, team.care, detail.id, score)
        assert fields_of(caught.value) == {"satisfaction": code}
    assert cs.record_return_visit(uow, team.care, detail.id, "５").visits[0].satisfaction == 5


def test_unknown_sheet_and_unknown_user(uow: FakeUnitOfWork, team: Staff,
                                        sheet: SheetDetail) -> None:
    with pytest.raises(NotFound) as caught:
        cs.acknowledge(uow, team.manager, 4242)
    assert caught.value.code == "sheet.not_found"
    with pytest.raises(AuthenticationError) as caught_auth:
        cs.acknowledge(uow, 4242, sheet.id)
    assert caught_auth.value.code == "auth.unknown_user"
    assert cs.find_sheet_id(uow, " ts-2026-000001 ") == sheet.id


# ------------------------------------------------------- stale versions, each step
STEP_NAMES = [name for name, _c, _a in lifecycle_steps(Staff(0, 0, 0, 0, 0, 0, 0))]


@pytest.mark.parametrize("step", STEP_NAMES)
def test_a_stale_version_is_refused_naming_who_saved(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock,
        step: str) -> None:
    steps = {name: call for name, call, _a in lifecycle_steps(team)}
    names = list(steps)
    previous = names[names.index(step) - 1] if names.index(step) else None
    detail = life(uow, team, customer, until=previous) if previous else \
        cs.register(uow, team.desk, sheet_input(customer))
    seen = detail.version
    clock.advance(minutes=3)
    with uow:  # somebody else (the director) saves in between
        stored = uow.sheets.get(detail.id)
        stored.customer_request = "请尽快处理"
        stored.updated_by_id, stored.updated_at = team.director, clock.at
        uow.commit()
    watch = Watch(uow)
    with pytest.raises(ConflictError) as caught:
        steps[step](uow, detail, expected_version=seen)
    assert (caught.value.saved_by, caught.value.saved_at) == ("李建国", clock.at)
    assert_nothing_saved(watch)


# ============================================================ permission refusals
def _refusals(team: Staff) -> list[tuple[str, str, Callable[..., Any], str | tuple[str, ...]]]:
    """(use case, sheet stage it needs, call refused for the actor, permission code)."""
    return [
        ("register", "none", lambda u, d, c: cs.register(u, team.gm, sheet_input(c)),
         "permission.register_sheet"),
        ("register by admin", "none",
         lambda u, d, c: cs.register(u, team.admin, sheet_input(c)),
         "permission.register_sheet"),
        ("update", "registered", lambda u, d, c: cs.update_sheet(
            u, team.gm, d.id, d.version, sheet_input(c)), "permission.edit_sheet"),
        ("acknowledge", "registered", lambda u, d, c: cs.acknowledge(u, team.desk, d.id),
         "permission.acknowledge"),
        ("assign", "registered", lambda u, d, c: cs.assign(u, team.care, d.id, "service",
                                                           team.care), "permission.assign"),
        ("progress", "assign", lambda u, d, c: cs.add_progress(u, team.gm, d.id, "看过"),
         "permission.add_progress"),
        ("analysis", "assign", lambda u, d, c: cs.record_analysis(
            u, team.care, d.id, correction="道歉"), "permission.record_analysis"),
        ("wait", "assign", lambda u, d, c: cs.wait_for_customer(u, team.desk, d.id, "出差"),
         "permission.wait_for_customer"),
        ("resume", "wait", lambda u, d, c: cs.resume(u, team.care, d.id),
         "permission.wait_for_customer"),
        ("action", "assign", lambda u, d, c: cs.add_corrective_action(
            u, team.desk, d.id, MEASURE, team.manager, date(2026, 12, 1)),
         "permission.record_analysis"),
        ("check", "action", lambda u, d, c: cs.check_corrective_action(
            u, team.care, d.id, d.actions[0].id, "effective"), "permission.record_analysis"),
        ("resolve", "check", lambda u, d, c: cs.resolve(u, team.care, d.id),
         "permission.resolve"),
        ("visit", "resolve", lambda u, d, c: cs.record_return_visit(u, team.desk, d.id, 5),
         "permission.return_visit"),
        ("close", "visit", lambda u, d, c: cs.close(u, team.manager, d.id),
         "permission.close"),
        ("reopen", "visit", lambda u, d, c: cs.reopen(u, team.care, d.id, "再次投诉"),
         "permission.reopen"),
        ("reopen closed", "close", lambda u, d, c: cs.reopen(u, team.manager, d.id, "再次投诉"),
         "permission.reopen_closed"),
        ("create customer", "none", lambda u, d, c: customers.create_customer(
            u, team.gm, CustomerInput(name="钱七", phones=("13800000077",))),
         "permission.manage_customers"),
        ("update customer", "none", lambda u, d, c: customers.update_customer(
            u, team.gm, c.id, c.version, CustomerInput(name="张三丰", phones=("13812345678",))),
         "permission.manage_customers"),
        ("add vehicle", "none", lambda u, d, c: customers.add_vehicle(
            u, team.gm, c.id, VehicleInput(vin=OTHER_VIN)), "permission.manage_customers"),
        ("add order", "none", lambda u, d, c: customers.add_order(
            u, team.gm, c.id, OrderInput(number="RO-9")), "permission.manage_customers"),
        ("merge", "none", lambda u, d, c: customers.merge_customers(u, team.desk, c.id, 999),
         "permission.merge_customers"),
        ("vin override", "none", lambda u, d, c: customers.add_vehicle(
            u, team.desk, c.id, VehicleInput(vin=BAD_CHECK_DIGIT_VIN, override_vin_check=True)),
         ("permission.override_vin_check", "vin.check_digit")),
        ("create user", "none", lambda u, d, c: users.create_user(
            u, team.manager, "newbie", "新人", [Role.FRONT_DESK]), "permission.manage_users"),
        ("update user", "none", lambda u, d, c: users.update_user(
            u, team.manager, team.desk, roles=[Role.SERVICE_DIRECTOR]),
         "permission.manage_users"),
        ("set password", "none", lambda u, d, c: users.set_password(
            u, team.manager, team.desk, "newpass123"), "permission.manage_users"),
    ]


REFUSAL_NAMES = [r[0] for r in _refusals(Staff(0, 0, 0, 0, 0, 0, 0))]


@pytest.mark.parametrize("case", REFUSAL_NAMES)
def test_each_use_case_refuses_a_role_without_the_right(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, case: str) -> None:
    _name, stage, call, code = next(r for r in _refusals(team) if r[0] == case)
    detail = None
    if stage == "registered":
        detail = cs.register(uow, team.desk, sheet_input(customer))
    elif stage != "none":
        detail = life(uow, team, customer, until=stage)
    watch = Watch(uow)
    before = uow.committed.sheets[detail.id].version if detail else None
    with pytest.raises((PermissionDenied, ValidationErrors)) as caught:
        call(uow, detail, customer)
    error = caught.value
    codes = [e.code for e in error.errors] if isinstance(error, ValidationErrors) else \
        [error.code]
    assert codes == ([code] if isinstance(code, str) else list(code))
    assert_nothing_saved(watch)
    if detail is not None:
        assert uow.committed.sheets[detail.id].version == before


def test_a_deactivated_user_is_refused_everywhere(uow: FakeUnitOfWork, team: Staff,
                                                  sheet: SheetDetail) -> None:
    users.update_user(uow, team.admin, team.manager, active=False)
    watch = Watch(uow)
    for call in (lambda: cs.acknowledge(uow, team.manager, sheet.id),
                 lambda: cs.get_sheet(uow, team.manager, sheet.id)):
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.code == "permission.inactive"
    assert_nothing_saved(watch)


def test_a_responsible_front_desk_advisor_may_work_the_sheet(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail) -> None:
    cs.assign(uow, team.manager, sheet.id, "service", team.desk)
    detail = cs.wait_for_customer(uow, team.desk, sheet.id, "客户出差")
    detail = cs.resume(uow, team.desk, sheet.id)
    detail = cs.record_analysis(uow, team.desk, sheet.id, correction="已道歉")
    assert detail.correction == "已道歉" and detail.state is SheetState.IN_PROGRESS
    with pytest.raises(PermissionDenied):
        cs.resolve(uow, team.desk, sheet.id)


# ====================================================================== may-flags
def _closed(uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail) -> SheetDetail:
    cs.assign(uow, team.director, sheet.id, "service", team.manager)
    cs.record_analysis(uow, team.manager, sheet.id, root_cause=ROOT_CAUSE,
                       correction=CORRECTION, long_term_measure=MEASURE)
    cs.resolve(uow, team.manager, sheet.id)
    cs.record_return_visit(uow, team.care, sheet.id, 5)
    return cs.close(uow, team.director, sheet.id)


def _flags(detail: SheetDetail) -> dict[str, tuple[bool, str]]:
    return {name: (flag.allowed, flag.code) for name, flag in vars(detail).items()
            if name.startswith("may_")}


def test_the_flags_say_what_a_role_may_do_with_a_new_sheet(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail) -> None:
    desk = _flags(cs.get_sheet(uow, team.desk, sheet.id))
    assert desk == {
        "may_edit_identity": (True, ""),
        "may_record_analysis": (False, "permission.record_analysis"),
        "may_add_progress": (True, ""),
        "may_assign": (False, "permission.assign"),
        "may_add_visit": (False, "workflow.state"),
        "may_manage_actions": (False, "permission.record_analysis"),
        "may_print": (True, ""),
    }
    manager = _flags(cs.get_sheet(uow, team.manager, sheet.id))
    assert {k for k, (allowed, _) in manager.items() if not allowed} == {"may_add_visit"}
    gm = _flags(cs.get_sheet(uow, team.gm, sheet.id))
    assert gm["may_edit_identity"] == (False, "permission.edit_sheet")
    assert gm["may_add_progress"] == (False, "permission.add_progress")
    assert gm["may_print"] == (True, "")


def test_the_responsible_front_desk_advisor_may_analyse_but_not_assign(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail) -> None:
    cs.assign(uow, team.manager, sheet.id, "service", team.desk)
    desk = cs.get_sheet(uow, team.desk, sheet.id)
    assert desk.may_record_analysis and desk.may_manage_actions and desk.may_add_progress
    assert (desk.may_assign.allowed, desk.may_assign.code) == (False, "permission.assign")
    care = cs.get_sheet(uow, team.care, sheet.id)  # same role rights, not responsible
    assert not care.may_record_analysis


def test_a_closed_sheet_allows_no_work_and_says_so(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail) -> None:
    _closed(uow, team, sheet)
    for who in (team.desk, team.manager, team.director):
        flags = _flags(cs.get_sheet(uow, who, sheet.id))
        for name in ("may_edit_identity", "may_record_analysis", "may_add_progress",
                     "may_manage_actions"):
            assert flags[name] == (False, "workflow.closed"), (who, name)
        assert flags["may_assign"] == (False, "workflow.state")
        assert flags["may_print"] == (True, "")


@pytest.mark.parametrize("situation", ["registered", "responsible_desk", "closed"])
def test_every_flag_agrees_with_what_the_use_case_does(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail, customer: CustomerDetail,
        situation: str) -> None:
    if situation == "responsible_desk":
        cs.assign(uow, team.manager, sheet.id, "service", team.desk)
    elif situation == "closed":
        _closed(uow, team, sheet)
    tries: dict[str, Callable[[int], object]] = {
        "may_edit_identity": lambda who: cs.update_sheet(
            uow, who, sheet.id, cs.get_sheet(uow, who, sheet.id).version,
            sheet_input(customer, description="刹车异响，第二次来店")),
        "may_record_analysis": lambda who: cs.record_analysis(uow, who, sheet.id,
                                                              correction="已道歉"),
        "may_add_progress": lambda who: cs.add_progress(uow, who, sheet.id, "已致电客户"),
        "may_manage_actions": lambda who: cs.add_corrective_action(
            uow, who, sheet.id, MEASURE, team.manager, date(2026, 12, 1)),
    }
    for who in (team.admin, team.desk, team.care, team.manager, team.director, team.gm):
        for name, attempt in tries.items():
            allowed = getattr(cs.get_sheet(uow, who, sheet.id), name).allowed
            try:
                attempt(who)
            except HelpdeskError as exc:  # refused: permission, closed sheet
                assert not allowed, (who, name, exc)
            else:
                assert allowed, (who, name)


def test_may_register_asks_the_role(uow: FakeUnitOfWork, team: Staff) -> None:
    assert cs.may_register(uow, team.desk).allowed
    refused = cs.may_register(uow, team.gm)
    assert (refused.allowed, refused.code) == (False, "permission.register_sheet")
    assert not cs.may_register(uow, team.admin)


def test_personal_data_is_masked_for_roles_without_the_right(
        uow: FakeUnitOfWork, team: Staff, sheet: SheetDetail,
        customer: CustomerDetail) -> None:
    assert cs.get_sheet(uow, team.gm, sheet.id).customer_phone == "138****5678"
    assert cs.get_sheet(uow, team.desk, sheet.id).customer_phone == "+8613812345678"
    assert customers.get_customer(uow, team.gm, customer.id).masked


# ==================================================================== customers
def test_create_customer_reports_every_bad_field_at_once(uow: FakeUnitOfWork,
                                                         team: Staff, clock: Clock) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        customers.create_customer(uow, team.desk, CustomerInput(
            name="", phones=("12",), email="not-an-email", birthday=date(2030, 1, 1),
            tier="platinum", vehicles=(VehicleInput(vin=BAD_CHECK_DIGIT_VIN, plate="AB"),),
            orders=(OrderInput(number="SO 1", amount="-5"),)))
    found = fields_of(caught.value)
    assert {"name", "phone", "email", "birthday", "tier", "vin", "plate", "amount"} <= set(found)
    assert_nothing_saved(watch)


def test_a_duplicate_phone_points_at_the_existing_customer(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail) -> None:
    with pytest.raises(ValidationErrors) as caught:
        customers.create_customer(uow, team.desk, CustomerInput(
            name="张叁", phones=("138-1234-5678",)))
    [error] = caught.value.errors
    assert (error.code, error.params["customer_id"]) == ("phone.duplicate", customer.id)
    twin = customers.create_customer(uow, team.desk, CustomerInput(
        name="张叁", phones=("13812345678",), allow_duplicate_phone=True))
    assert twin.phones == ("+8613812345678",)


def test_a_vin_override_is_for_managers_and_audited(uow: FakeUnitOfWork, team: Staff,
                                                    customer: CustomerDetail) -> None:
    watch = Watch(uow)
    vehicle = customers.add_vehicle(uow, team.manager, customer.id, VehicleInput(
        vin=BAD_CHECK_DIGIT_VIN, override_vin_check=True))
    assert vehicle.vin_check_overridden
    assert [e.action for e in watch.new_audit] == ["vehicle.add", "vehicle.vin_override"]
    assert watch.new_commits == 1


def test_update_customer_with_a_stale_version_names_who_saved(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock) -> None:
    clock.advance(minutes=12)
    customers.update_customer(uow, team.manager, customer.id, customer.version, CustomerInput(
        name="张三", phones=("13812345678", "010-62345678")))
    watch = Watch(uow)
    with pytest.raises(ConflictError) as caught:
        customers.update_customer(uow, team.desk, customer.id, customer.version,
                                  CustomerInput(name="张三", phones=("13812345678",)))
    assert (caught.value.saved_by, caught.value.saved_at) == ("陈刚", clock.at)
    assert_nothing_saved(watch)


def test_customer_edits_are_audited_in_their_own_commit(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail, clock: Clock) -> None:
    watch = Watch(uow)
    edited = customers.update_customer(uow, team.desk, customer.id, customer.version,
                                       CustomerInput(name="张三", phones=("13812345678",
                                                                         "010-62345678"),
                                                     tier="vip"))
    assert (edited.version, edited.tier) == (customer.version + 1, "vip")
    order = customers.add_order(uow, team.desk, customer.id,
                                OrderInput(number="ro-2026-1", amount="¥1,280.50"))
    assert (order.number, order.amount_cents) == ("RO-2026-1", 128050)
    assert watch.new_commits == 2
    update, add = (log[0] for log in uow.commit_log[-2:])
    assert (update.action, update.entity_id) == ("customer.update", customer.id)
    assert update.change_map["phones"] == [["+8613812345678"],
                                           ["+8613812345678", "+861062345678"]]
    assert update.change_map["tier"] == ["regular", "vip"]
    assert (add.action, add.change_map) == ("order.add", {"number": "RO-2026-1",
                                                          "amount_cents": 128050})


def test_merge_moves_every_record_and_relinks_sheets(
        uow: FakeUnitOfWork, team: Staff, customer: CustomerDetail,
        other_customer: CustomerDetail) -> None:
    sheet = cs.register(uow, team.desk, sheet_input(other_customer, vehicle_id=None))
    watch = Watch(uow)
    kept = customers.merge_customers(uow, team.manager, customer.id, other_customer.id)
    assert watch.new_commits == 1
    assert [e.action for e in watch.new_audit] == ["customer.merge", "customer.merged_into"]
    assert {v.vin for v in kept.vehicles} == {VIN, OTHER_VIN}
    assert [o.number for o in kept.orders] == ["SO-2026-0042"]
    assert set(kept.phones) == {"+8613812345678", "+8613900001111"}
    assert uow.committed.sheets[sheet.id].customer_id == customer.id
    dup = uow.committed.customers[other_customer.id]
    assert dup.merged_into_id == customer.id  # kept, hidden, never deleted
    with pytest.raises(ValidationError) as caught:
        customers.merge_customers(uow, team.manager, customer.id, customer.id)
    assert caught.value.code == "merge.same"


# ========================================================================= login
@pytest.mark.production_hashing
def test_login_succeeds_resets_the_counter_and_is_audited(
        uow: FakeUnitOfWork, team: Staff, clock: Clock) -> None:
    with uow:
        uow.users.get(team.desk).failed_logins = 3
        uow.commit()
    session = users.login(uow, "  DESK ", PASSWORD)
    assert (session.id, session.username, session.display_name) == (team.desk, "desk", "王芳")
    assert session.roles == frozenset({Role.FRONT_DESK})
    stored = uow.committed.users[team.desk]
    assert (stored.failed_logins, stored.locked_until, stored.last_login_at) == (0, None,
                                                                                 clock.at)
    assert uow.commit_log[-1][0].action == "login"
    # The cheap test hash was upgraded to the production parameters on the way
    # (argon2id at its library defaults: 3 passes over 64 MiB).
    assert (users._hasher.time_cost, users._hasher.memory_cost) == (3, 65536)
    assert not users._hasher.check_needs_rehash(stored.password_hash)
    assert users._verify(stored.password_hash, PASSWORD)


def test_a_wrong_password_is_counted_and_audited(uow: FakeUnitOfWork, team: Staff) -> None:
    with pytest.raises(AuthenticationError) as caught:
        users.login(uow, "desk", "wrong-password")
    assert caught.value.code == "auth.failed"
    assert uow.committed.users[team.desk].failed_logins == 1
    [entry] = uow.commit_log[-1]
    assert (entry.action, entry.user_id, entry.note) == ("login.failed", team.desk,
                                                         "wrong password")
    assert "wrong-password" not in entry.changes


def test_an_unknown_user_gets_the_same_answer_and_is_audited(uow: FakeUnitOfWork,
                                                             team: Staff) -> None:
    with pytest.raises(AuthenticationError) as caught:
        users.login(uow, "nobody", PASSWORD)
    assert (caught.value.code, caught.value.message) == ("auth.failed",
                                                         "wrong user name or password")
    [entry] = uow.commit_log[-1]
    assert (entry.action, entry.user_id, entry.change_map) == (
        "login.failed", None, {"username": "nobody"})


def test_five_failures_lock_the_account_and_the_wait_doubles(
        uow: FakeUnitOfWork, team: Staff, clock: Clock) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            users.login(uow, "care", "guess-1234")
    start = clock.at
    assert uow.committed.users[team.care].locked_until == start + timedelta(minutes=5)
    # Even the right password waits until the lock is over.
    with pytest.raises(AuthenticationError) as caught:
        users.login(uow, "care", PASSWORD)
    assert caught.value.code == "auth.locked"
    assert caught.value.params["until"] == start + timedelta(minutes=5)
    assert uow.commit_log[-1][0].action == "login.locked"
    clock.advance(minutes=5)
    with pytest.raises(AuthenticationError):
        users.login(uow, "care", "guess-5678")  # the sixth failure: 10 minutes
    assert uow.committed.users[team.care].locked_until == clock.at + timedelta(minutes=10)
    clock.advance(minutes=9, seconds=59)
    with pytest.raises(AuthenticationError) as caught:
        users.login(uow, "care", PASSWORD)
    assert caught.value.code == "auth.locked"
    clock.advance(seconds=1)
    assert users.login(uow, "care", PASSWORD).id == team.care
    assert uow.committed.users[team.care].failed_logins == 0
    actions = uow.audit_actions()
    assert actions.count("login.failed") == MAX_FAILED_LOGINS + 1
    assert actions.count("login.locked") == 2


def test_a_deactivated_user_cannot_log_in(uow: FakeUnitOfWork, team: Staff) -> None:
    users.update_user(uow, team.admin, team.gm, active=False)
    with pytest.raises(AuthenticationError) as caught:
        users.login(uow, "gm", PASSWORD)
    assert caught.value.code == "auth.failed"
    assert uow.commit_log[-1][0].note == "inactive"


# =================================================================== create_user
def test_create_user_reports_every_bad_field_at_once(uow: FakeUnitOfWork, team: Staff) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationErrors) as caught:
        users.create_user(uow, team.admin, "a b!", "", ["front_desk", "king"], "short")
    assert fields_of(caught.value) == {"username": "username.invalid",
                                       "display_name": "name.required",
                                       "roles": "roles.unknown",
                                       "password": "password.too_short"}
    assert_nothing_saved(watch)


@pytest.mark.parametrize(("password", "code"), [("1234567", "password.too_short"),
                                                ("12345678", "password.too_simple"),
                                                ("abcdefgh", "password.too_simple")])
def test_create_user_refuses_weak_passwords(uow: FakeUnitOfWork, team: Staff,
                                            password: str, code: str) -> None:
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        users.create_user(uow, team.admin, "newbie", "新人", ["front_desk"], password)
    error = caught.value
    codes = [e.code for e in error.errors] if isinstance(error, ValidationErrors) else \
        [error.code]
    assert codes == [code]
    assert uow.committed.users.keys() == {team.admin, team.desk, team.care, team.manager,
                                          team.director, team.gm}


def test_create_user_refuses_a_taken_name_whatever_its_case(uow: FakeUnitOfWork,
                                                            team: Staff) -> None:
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        users.create_user(uow, team.admin, "Desk", "另一个王芳", ["front_desk"])
    error = caught.value
    codes = [e.code for e in error.errors] if isinstance(error, ValidationErrors) else \
        [error.code]
    assert codes == ["username.taken"]


def test_create_user_hashes_the_password_and_audits_without_it(
        uow: FakeUnitOfWork, team: Staff) -> None:
    watch = Watch(uow)
    info = users.create_user(uow, team.admin, "li.na", "李娜",
                             [Role.CUSTOMER_CARE, "front_desk"], "Passw0rd!", team.store_id)
    assert (info.username, info.roles, info.can_login) == (
        "li.na", (Role.FRONT_DESK, Role.CUSTOMER_CARE), True)
    stored = uow.committed.users[info.id]
    assert stored.password_hash.startswith("$argon2") and "Passw0rd!" not in stored.password_hash
    [entry] = watch.new_audit
    assert (entry.action, entry.user_id, entry.entity_id) == ("user.create", team.admin, info.id)
    assert "Passw0rd" not in entry.changes and "argon2" not in entry.changes


def test_staff_without_a_password_cannot_log_in(uow: FakeUnitOfWork, team: Staff) -> None:
    info = users.create_user(uow, team.admin, "tech1", "技师老李", ["front_desk"])
    assert not info.can_login
    with pytest.raises(AuthenticationError):
        users.login(uow, "tech1", "")


def test_only_the_first_user_may_be_created_without_an_actor(uow: FakeUnitOfWork,
                                                             clock: Clock) -> None:
    result = setup.initialise(uow, store_name="门店", store_code="md", preset="retail",
                              admin_username="boss", admin_password=PASSWORD)
    assert uow.commits == 1
    assert sorted(uow.audit_actions()) == ["store.create", "user.create"]
    assert uow.committed.stores[result.store.id].code == "MD"
    with pytest.raises(AuthenticationError) as caught:
        users.create_user(uow, None, "sneaky", "偷偷", ["admin"], "Passw0rd!")
    assert caught.value.code == "auth.required"
    with pytest.raises(ValidationError) as caught_setup:
        setup.initialise(uow, store_name="门店2", store_code="M2", preset="retail",
                         admin_username="boss2", admin_password=PASSWORD)
    assert caught_setup.value.code == "setup.done"


def test_an_administrator_cannot_lock_themselves_out(uow: FakeUnitOfWork, team: Staff) -> None:
    for change in ({"active": False}, {"roles": [Role.FRONT_DESK]}):
        with pytest.raises(ValidationError) as caught:
            users.update_user(uow, team.admin, team.admin, **change)
        assert caught.value.code == "user.self_lockout"
    info = users.update_user(uow, team.admin, team.desk, roles=["customer_care"])
    assert info.roles == (Role.CUSTOMER_CARE,)
    assert uow.commit_log[-1][0].change_map["roles"] == ["front_desk", "customer_care"]


# ================================================================== set_password
def test_an_administrator_sets_anyones_password(uow: FakeUnitOfWork, team: Staff) -> None:
    with uow:
        uow.users.get(team.desk).failed_logins = 7
        uow.commit()
    users.set_password(uow, team.admin, team.desk, "NewPass123")
    stored = uow.committed.users[team.desk]
    assert users._verify(stored.password_hash, "NewPass123")
    assert (stored.failed_logins, stored.locked_until) == (0, None)
    [entry] = uow.commit_log[-1]
    assert (entry.action, entry.user_id, entry.entity_id) == ("user.password", team.admin,
                                                              team.desk)
    assert "NewPass123" not in entry.changes + entry.note


def test_users_change_their_own_password_with_the_old_one(uow: FakeUnitOfWork,
                                                          team: Staff) -> None:
    watch = Watch(uow)
    with pytest.raises(ValidationError) as caught:
        users.set_password(uow, team.desk, team.desk, "NewPass123", old_password="wrong-one1")
    assert (caught.value.field, caught.value.code) == ("old_password", "password.wrong")
    with pytest.raises(ValidationError) as caught:
        users.set_password(uow, team.desk, team.desk, "short", old_password=PASSWORD)
    assert caught.value.code == "password.too_short"
    assert_nothing_saved(watch)
    users.set_password(uow, team.desk, team.desk, "NewPass123", old_password=PASSWORD)
    assert users._verify(uow.committed.users[team.desk].password_hash, "NewPass123")


# ============================================================= the fake itself
def test_the_fake_rolls_back_what_was_not_committed(uow: FakeUnitOfWork, team: Staff) -> None:
    with uow:
        uow.users.get(team.desk).display_name = "改了没提交"
    assert uow.committed.users[team.desk].display_name == "王芳"
    with uow.reading():
        uow.users.get(team.desk).display_name = "只读里改的"
    with uow.reading():
        assert uow.users.get(team.desk).display_name == "王芳"
