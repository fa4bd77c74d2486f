"""Public holidays preloaded from a maintained package (issue 10), checked against the
official 2026 schedule (国务院办公厅 2025年11月 notice)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.services import holidays, settings
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import Staff
from tests.integration.test_real_files import _template, db, staff  # noqa: F401 - fixtures


def _days(first: str, last: str) -> set[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return {start + timedelta(days=i) for i in range((end - start).days + 1)}


OFFICIAL_2026_OFF = (_days("2026-01-01", "2026-01-03") | _days("2026-02-15", "2026-02-23")
                     | _days("2026-04-04", "2026-04-06") | _days("2026-05-01", "2026-05-05")
                     | _days("2026-06-19", "2026-06-21") | _days("2026-09-25", "2026-09-27")
                     | _days("2026-10-01", "2026-10-07"))
OFFICIAL_2026_WORKED = {date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28),
                        date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)}


def test_2026_schedule_is_the_official_one() -> None:
    days = holidays.official_year(2026)
    assert {d.day for d in days if not d.workday} == OFFICIAL_2026_OFF
    assert {d.day for d in days if d.workday} == OFFICIAL_2026_WORKED
    names = {d.day: d.name_zh for d in days}
    assert names[date(2026, 2, 17)] == "春节" and names[date(2026, 10, 1)] == "国庆节"
    assert names[date(2026, 10, 10)].endswith("调休上班")


def test_loading_2026_is_one_action_and_adds_nothing_twice(
        db: Database, staff: Staff) -> None:  # noqa: F811
    loaded = holidays.load_year(db.uow(), staff.admin, staff.store_id, 2026)
    assert set(loaded.holidays) == OFFICIAL_2026_OFF
    assert set(loaded.workdays) == OFFICIAL_2026_WORKED
    saved = settings.get_store_settings(db.uow(), staff.admin, staff.store_id)
    assert OFFICIAL_2026_OFF <= set(saved.holidays)
    assert OFFICIAL_2026_WORKED <= set(saved.makeup_workdays)
    again = holidays.load_year(db.uow(), staff.admin, staff.store_id, 2026)
    assert again.holidays == () and again.workdays == ()  # loading twice adds nothing


def test_an_unannounced_year_is_refused_with_what_is_known() -> None:
    last = holidays.known_years().stop - 1
    with pytest.raises(ValidationError) as info:
        holidays.official_year(last + 1)
    assert info.value.code == "holidays.year_unknown" and info.value.params["last"] == last


def test_loading_needs_the_settings_right(db: Database, staff: Staff) -> None:  # noqa: F811
    with pytest.raises(Exception) as info:  # noqa: PT011 - PermissionDenied
        holidays.load_year(db.uow(), staff.desk, staff.store_id, 2026)
    assert "permission" in info.value.code  # type: ignore[attr-defined]


def test_a_list_with_ranges_and_make_up_days() -> None:
    content = """# 2027 (as the store typed it)
2027-10-01~2027-10-07 国庆节
2027/9/26 补班
2027年1月1日
"""
    off, worked = holidays.parse_list(content)
    assert set(off) == _days("2027-10-01", "2027-10-07") | {date(2027, 1, 1)}
    assert worked == [date(2027, 9, 26)]
    with pytest.raises(ValidationErrors) as info:
        holidays.parse_list("2027-10-07~2027-10-01\nnot a date\n")
    assert [e.params["line"] for e in info.value.errors] == [1, 2]


def test_each_date_shows_its_weekday_and_name() -> None:
    assert holidays.day_label(date(2026, 10, 1)) == "2026-10-01 周四（休）国庆节"
    assert holidays.day_label(date(2026, 10, 10), "zh", workday=True) == \
        "2026-10-10 周六（班）国庆节调休上班"
    assert holidays.day_label(date(2026, 10, 10), "en", workday=True) == \
        "2026-10-10 Sat (work) National Day: make-up working day"
    assert holidays.day_label(date(2026, 3, 3)) == "2026-03-03 周二（休）"


def test_december_warns_when_next_year_has_no_holidays(
        db: Database, staff: Staff) -> None:  # noqa: F811
    assert holidays.next_year_missing(db.uow(), staff.admin, date(2026, 11, 30)) == []
    assert holidays.next_year_missing(db.uow(), staff.admin, date(2026, 12, 1)) == \
        ["天顺汽车4S店"]
    holidays.add_days(db.uow(), staff.admin, staff.store_id, holidays=[date(2027, 1, 1)])
    assert holidays.next_year_missing(db.uow(), staff.admin, date(2026, 12, 1)) == []


def test_a_new_store_starts_with_this_years_holidays(tmp_path: Path, clock: Clock) -> None:
    from helpdesk.services import setup
    from helpdesk.storage.database import open_database

    database = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        result = setup.initialise(database.uow(), store_name="新店", store_code="XD",
                                  preset="retail", admin_username="admin",
                                  admin_password="Password-2026")
        saved = settings.get_store_settings(database.uow(), result.admin_id, result.store.id)
        year = clock.at.year  # the services' "now"
        official = {d.day for d in holidays.official_year(year) if not d.workday}
        assert official <= set(saved.holidays)
        assert {d.day for d in holidays.official_year(year) if d.workday} <= \
            set(saved.makeup_workdays)
    finally:
        database.dispose()
