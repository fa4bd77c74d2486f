"""The Settings use cases: permission-checked, validated field by field, audited; plus
the database-location helpers and local drafts the desktop uses."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from helpdesk.domain.sla import DueKind
from helpdesk.services import complaints, customers, drafts, session
from helpdesk.services import settings as settings_svc
from helpdesk.storage.database import Database, open_database
from tests.conftest import Clock, Staff, staff_store

OPEN = (time(8, 30), time(18, 0))


def _audit(db: Database, action: str) -> list[SimpleNamespace]:
    uow = db.uow()
    with uow.reading():
        return [SimpleNamespace(change_map=e.change_map) for e in uow.audit.recent(50)
                if e.action == action]


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Staff]:
    """A staffed store built once per module (argon2 hashing dominates otherwise)."""
    path = tmp_path_factory.mktemp("template") / "helpdesk.db"
    database = open_database(f"sqlite:///{path}")
    staff = staff_store(database)
    database.dispose()
    return path, staff


@pytest.fixture
def db(_template: tuple[Path, Staff], tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "helpdesk.db"
    source = sqlite3.connect(_template[0])
    dest = sqlite3.connect(target)
    source.backup(dest)
    dest.close()
    source.close()
    database = open_database(f"sqlite:///{target}")
    yield database
    database.dispose()


@pytest.fixture
def staff(db: Database, clock: Clock, _template: tuple[Path, Staff]) -> Staff:
    return _template[1]


def _fields(exc: ValidationErrors) -> dict[str, str]:
    return {e.field: e.code for e in exc.errors}


# ---------------------------------------------------------------- store data
def test_update_store_is_audited(db, staff):
    info = settings_svc.update_store(db.uow(), staff.admin, staff.store_id, name=" 天顺汽车 ",
                                     address="北京市朝阳区", phone="010-62345678")
    assert info.name == "天顺汽车"
    assert info.phone == "+861062345678"
    entry = _audit(db, "store.update")[0]
    assert entry.change_map["name"] == ["天顺汽车4S店", "天顺汽车"]


def test_update_store_reports_every_bad_field(db, staff):
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.update_store(db.uow(), staff.admin, staff.store_id, name="  ",
                                  address="x" * 301, phone="abc")
    assert _fields(caught.value) == {"store_name": "text.required",
                                     "store_address": "text.too_long",
                                     "store_phone": "phone.invalid"}
    assert settings_svc.get_store_settings(db.uow(), staff.admin,
                                           staff.store_id).store.name == "天顺汽车4S店"


@pytest.mark.parametrize("who", ["desk", "manager", "director", "gm"])
def test_only_settings_managers_change_settings(db, staff, who):
    actor = getattr(staff, who)
    with pytest.raises(PermissionDenied) as caught:
        settings_svc.update_store(db.uow(), actor, staff.store_id, name="X")
    assert caught.value.code == "permission.manage_settings"
    with pytest.raises(PermissionDenied):
        settings_svc.save_banned_phrases(db.uow(), actor, ["加强检查"])


# ---------------------------------------------------------------- calendar
def test_save_calendar_changes_new_deadlines(db, staff, clock):
    hours = {d: OPEN for d in range(5)} | {5: None, 6: None}
    saturday = date(2026, 11, 21)
    saved = settings_svc.save_calendar(db.uow(), staff.admin, staff.store_id, hours=hours,
                                       holidays=[date(2026, 11, 19)],
                                       makeup_workdays=[saturday])
    assert saved.hours[6] is None
    assert saved.holidays == (date(2026, 11, 19),)
    assert saved.makeup_workdays == (saturday,)
    assert _audit(db, "store.calendar")
    # A general complaint on Wednesday evening is due before closing of the next
    # working day: Thursday is now a holiday, Friday is open.
    clock.at = datetime(2026, 11, 18, 18, 30)
    cust = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345678",)))
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel=Channel.RECEPTION, severity=Severity.GENERAL, category="repair_quality",
        description="保养后异响", customer_id=cust.id))
    assert sheet.response_due_at == datetime(2026, 11, 20, 18, 0)


def test_save_calendar_marks_each_bad_day(db, staff):
    hours = {0: (time(18, 0), time(8, 0)), 1: OPEN, 2: (time(9, 0), time(9, 0))}
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_calendar(db.uow(), staff.admin, staff.store_id, hours=hours)
    assert _fields(caught.value) == {"hours[0]": "calendar.hours_order",
                                     "hours[2]": "calendar.hours_order"}


def test_save_calendar_refuses_a_day_both_holiday_and_makeup(db, staff):
    day = date(2026, 10, 10)
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_calendar(db.uow(), staff.admin, staff.store_id,
                                   hours={d: OPEN for d in range(7)}, holidays=[day],
                                   makeup_workdays=[day])
    assert _fields(caught.value) == {"makeup_workdays": "calendar.both"}


def test_save_calendar_refuses_a_store_never_open(db, staff):
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_calendar(db.uow(), staff.admin, staff.store_id, hours={})
    assert _fields(caught.value) == {"hours": "calendar.no_working_days"}


# ---------------------------------------------------------------- SLA policy
def _rules(db, staff) -> list[settings_svc.RuleInput]:
    policy = settings_svc.get_store_settings(db.uow(), staff.admin, staff.store_id).policy
    return [settings_svc.RuleInput(r.channel, r.severity, r.response.kind, r.response.amount,
                                   r.resolution.kind, r.resolution.amount, r.escalate_to_oem,
                                   r.note) for r in policy.rules]


def test_save_policy_round_trips_and_is_audited(db, staff):
    rules = _rules(db, staff)
    rules[-1] = settings_svc.RuleInput(None, None, DueKind.WORKING_MINUTES, "120",
                                       DueKind.WORKING_DAYS, 2, note="默认")
    saved = settings_svc.save_policy(db.uow(), staff.admin, staff.store_id, rules)
    catch_all = saved.policy.rule_for(Channel.PHONE, Severity.GENERAL)
    assert (catch_all.response.amount, catch_all.resolution.amount) == (120, 2)
    assert catch_all.note == "默认"
    assert _audit(db, "store.policy")


def test_save_policy_marks_each_bad_cell(db, staff):
    rules = _rules(db, staff)
    rules[0] = settings_svc.RuleInput(Channel.CARE_VISIT, Severity.MAJOR,
                                      DueKind.WORKING_MINUTES, "abc",
                                      DueKind.WORKING_DAYS, 0)
    rules[1] = settings_svc.RuleInput("pigeon", None, DueKind.END_OF_WORKDAY, 0,
                                      DueKind.WORKING_DAYS, 3)
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_policy(db.uow(), staff.admin, staff.store_id, rules)
    assert _fields(caught.value) == {"rules[0].response.amount": "sla.amount_positive",
                                     "rules[0].resolution.amount": "sla.amount_positive",
                                     "rules[1].channel": "sla.choice"}


def test_save_policy_needs_a_catch_all_rule(db, staff):
    rules = _rules(db, staff)[:-1]
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_policy(db.uow(), staff.admin, staff.store_id, rules)
    assert _fields(caught.value) == {"rules": "sla.no_default_rule"}


def test_save_policy_refuses_two_rows_for_the_same_scope(db, staff):
    rules = _rules(db, staff)
    rules.append(rules[0])
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_policy(db.uow(), staff.admin, staff.store_id, rules)
    assert list(_fields(caught.value).values()) == ["sla.duplicate_rule"]


def test_reset_policy_to_a_preset(db, staff):
    saved = settings_svc.reset_policy(db.uow(), staff.admin, staff.store_id, "retail")
    assert saved.policy.key == "retail"
    with pytest.raises(ValidationErrors):
        settings_svc.reset_policy(db.uow(), staff.admin, staff.store_id, "nonsense")


# ---------------------------------------------------------------- phrases
def test_banned_phrases_are_cleaned_and_used(db, staff):
    saved = settings_svc.save_banned_phrases(
        db.uow(), staff.admin, ["加强检查", "", "  加强检查 ", "多加小心", "ＡＢＣ"])
    assert saved == ["加强检查", "多加小心", "ABC"]
    assert settings_svc.get_banned_phrases(db.uow(), staff.desk) == saved
    assert _audit(db, "settings.banned_phrases")
    # The new phrase is refused as a measure at once.
    with pytest.raises(ValidationError) as caught:
        from helpdesk.domain import validation

        validation.validate_measure("多加小心", banned_phrases=saved)
    assert caught.value.code == "measure.empty_words"


def test_banned_phrases_refuse_bad_lines(db, staff):
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_banned_phrases(db.uow(), staff.admin, ["好", "长" * 41, "好好"])
    assert _fields(caught.value) == {"phrases[1]": "phrase.too_long"}
    # A control character never reaches the rule: the service boundary refuses it
    # (issue 16's one check of every use case's input).
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_banned_phrases(db.uow(), staff.admin, ["好", "a\x07b"])
    assert _fields(caught.value) == {"phrases": "text.control"}
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_banned_phrases(db.uow(), staff.admin, ["", "  "])
    assert _fields(caught.value) == {"phrases": "phrases.empty"}


def test_reset_banned_phrases(db, staff):
    settings_svc.save_banned_phrases(db.uow(), staff.admin, ["随便"])
    assert "加强培训" in settings_svc.reset_banned_phrases(db.uow(), staff.admin)


# ---------------------------------------------------------------- categories
def test_categories_add_and_fall_back_names(db, staff):
    current = settings_svc.get_categories(db.uow())
    rows = [settings_svc.CategoryInput(code, *names) for code, names in current.items()]
    rows.append(settings_svc.CategoryInput("Parking", "停车", "", ""))
    saved = settings_svc.save_categories(db.uow(), staff.admin, rows)
    assert saved["parking"] == ["停车", "停车", "停车"]
    assert list(saved)[-1] == "parking"


def test_categories_refuse_bad_rows(db, staff):
    rows = [settings_svc.CategoryInput("9x", "名"), settings_svc.CategoryInput("ok", ""),
            settings_svc.CategoryInput("ok2", "甲"), settings_svc.CategoryInput("ok2", "乙")]
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_categories(db.uow(), staff.admin, rows)
    fields = _fields(caught.value)
    assert fields["categories[0].code"] == "category.code_invalid"
    assert fields["categories[1].name"] == "text.required"
    assert fields["categories[3].code"] == "category.code_repeated"


def test_a_category_in_use_cannot_be_removed(db, staff):
    cust = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="李四", phones=("13912345678",)))
    complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="phone", severity="general", category="price", description="收费太高",
        customer_id=cust.id))
    current = settings_svc.get_categories(db.uow())
    rows = [settings_svc.CategoryInput(code, *names) for code, names in current.items()
            if code in ("other", "repair_quality")]
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_categories(db.uow(), staff.admin, rows)
    errors = caught.value.errors
    assert [(e.code, e.params["category"]) for e in errors] == [("category.in_use", "price")]
    rows.append(settings_svc.CategoryInput("price", *current["price"]))
    saved = settings_svc.save_categories(db.uow(), staff.admin, rows)
    assert set(saved) == {"other", "repair_quality", "price"}


# ---------------------------------------------------------------- retention
def test_retention_years(db, staff):
    assert settings_svc.get_retention_years(db.uow()) == 2
    assert settings_svc.save_retention_years(db.uow(), staff.admin, "５") == 5
    assert settings_svc.get_retention_years(db.uow()) == 5
    with pytest.raises(ValidationErrors) as caught:
        settings_svc.save_retention_years(db.uow(), staff.admin, "0")
    assert _fields(caught.value) == {"retention_years": "retention.invalid"}


# ---------------------------------------------------------------- database location
def test_check_connection_reports_a_new_and_an_initialised_database(db, staff, tmp_path):
    empty = session.check_connection(str(tmp_path / "new.db"))
    assert empty.ok and not empty.initialised
    ready = session.check_connection(db.url)
    assert ready.ok and ready.initialised and not ready.needs_upgrade
    assert ready.description == db.description


@pytest.mark.parametrize("url", ["", "postgresql://nobody@127.0.0.1:1/none",
                                 "mysql+nodriver://x/y"])
def test_check_connection_failures_have_a_code(url):
    report = session.check_connection(url)
    assert not report.ok
    assert report.error is not None and report.error.code.startswith("storage.")


def test_save_location_writes_the_local_config(tmp_path):
    target = tmp_path / "desk.db"
    assert session.save_location(str(target)) == str(target)
    assert session.configured_location().endswith("desk.db")
    assert session.effective_location() == str(target)
    opened = session.open_database()
    try:
        assert opened.description == str(target) and opened.is_sqlite
    finally:
        opened.close()
    session.save_location("")
    assert session.configured_location() == ""
    assert session.effective_location() == session.default_location()


def test_open_database_failure_is_a_storage_error():
    from helpdesk.domain.errors import StorageError

    with pytest.raises(StorageError) as caught:
        session.open_database("postgresql://nobody@127.0.0.1:1/none")
    assert caught.value.code == "storage.open_failed"


# ---------------------------------------------------------------- drafts
def test_drafts_round_trip_per_database_and_owner(clock):
    drafts.save_draft("db-a", "desk", "new-1", {"description": "异响", "when":
                                                 datetime(2026, 1, 2, 3, 4)})
    drafts.save_draft("db-a", "care", "new-2", {"x": 1})
    found = drafts.list_drafts("db-a", "desk")
    assert [(d.key, d.data["description"]) for d in found] == [("new-1", "异响")]
    assert found[0].saved_at == clock.at
    assert drafts.list_drafts("db-b", "desk") == []
    drafts.discard_draft("db-a", "desk", "new-1")
    assert drafts.list_drafts("db-a", "desk") == []


def test_a_damaged_draft_is_skipped(clock, _isolated_home):
    drafts.save_draft("db", "desk", "k", {"a": 1})
    folder = next((_isolated_home / "drafts").iterdir())
    (folder / "desk__broken.json").write_text("{not json", encoding="utf-8")
    assert [d.key for d in drafts.list_drafts("db", "desk")] == ["k"]
