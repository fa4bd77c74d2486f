"""Store calendar: open hours, holidays and make-up days (调休)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.errors import ValidationError


def day_range(first: str, last: str) -> frozenset[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return frozenset(start + timedelta(days=i) for i in range((end - start).days + 1))


# A realistic mainland-China 2026 case: Spring Festival and National Day closures, each
# with weekend days worked in exchange (调休).
CN_2026_HOLIDAYS = day_range("2026-02-15", "2026-02-23") | day_range("2026-10-01", "2026-10-07")
CN_2026_MAKEUP = frozenset(
    date.fromisoformat(d) for d in ("2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10")
)

OFFICE = StoreCalendar.office_default(holidays=CN_2026_HOLIDAYS, makeup_workdays=CN_2026_MAKEUP)
DEALERSHIP = StoreCalendar.dealership_default()


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- construction --------------------------------------------------------------------


def test_presets_hours() -> None:
    assert DEALERSHIP.hours_on(date(2026, 3, 8)) == (time(8, 30), time(18, 0))  # a Sunday
    retail = StoreCalendar.retail_default()
    assert all(retail.hours[wd] == (time(10, 0), time(22, 0)) for wd in range(7))
    office = StoreCalendar.office_default()
    assert office.hours[4] == (time(9, 0), time(18, 0))
    assert office.hours[5] is None and office.hours[6] is None


def test_opening_must_precede_closing() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.create({0: (time(18, 0), time(9, 0))})
    assert err.value.code == "calendar.hours_order"
    assert err.value.field == "hours[0]"


def test_equal_opening_and_closing_refused() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.create({2: (time(9, 0), time(9, 0))})
    assert err.value.code == "calendar.hours_order"


def test_makeup_hours_order_checked() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.create({0: (time(9), time(18))}, makeup_hours=(time(18), time(9)))
    assert err.value.code == "calendar.hours_order"
    assert err.value.field == "makeup_hours"


def test_bad_weekday_refused() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.create({7: (time(9), time(18))})
    assert err.value.code == "calendar.weekday"


def test_holiday_and_makeup_same_day_refused() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.office_default(
            holidays={date(2026, 2, 14)}, makeup_workdays={date(2026, 2, 14)}
        )
    assert err.value.code == "calendar.both"
    assert err.value.params["date"] == date(2026, 2, 14)


def test_calendar_without_working_days_refused() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.create({})
    assert err.value.code == "calendar.no_working_days"


def test_scanning_ahead_is_bounded() -> None:
    # Valid (one make-up day), but after that day there is nothing: must not loop forever.
    only_once = StoreCalendar.create({}, makeup_workdays={date(2026, 2, 14)})
    assert only_once.is_working_day(date(2026, 2, 14))
    with pytest.raises(ValidationError) as err:
        only_once.next_working_day(date(2026, 2, 14))
    assert err.value.code == "calendar.no_working_days"
    with pytest.raises(ValidationError):
        only_once.add_working_minutes(dt("2026-02-14 17:00"), 120)


def test_calendar_is_frozen_and_hashable() -> None:
    with pytest.raises(AttributeError):
        OFFICE.holidays = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        OFFICE.hours[5] = (time(9), time(12))  # type: ignore[index]
    assert hash(OFFICE) == hash(
        StoreCalendar.office_default(holidays=CN_2026_HOLIDAYS, makeup_workdays=CN_2026_MAKEUP)
    )


# -- days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-03-06", True),  # Friday
        ("2026-03-07", False),  # Saturday
        ("2026-02-14", True),  # make-up Saturday
        ("2026-02-16", False),  # Monday in Spring Festival
        ("2026-09-20", True),  # make-up Sunday
        ("2026-10-08", True),  # Thursday after National Day
        ("2026-10-10", True),  # make-up Saturday
    ],
)
def test_office_working_days(day: str, working: bool) -> None:
    assert OFFICE.is_working_day(date.fromisoformat(day)) is working


def test_makeup_day_uses_monday_hours_by_default() -> None:
    assert OFFICE.hours_on(date(2026, 2, 14)) == (time(9, 0), time(18, 0))
    closed_monday = StoreCalendar.create(
        {1: (time(10), time(16))}, makeup_workdays={date(2026, 2, 14)}
    )
    assert closed_monday.hours_on(date(2026, 2, 14)) == (time(8, 30), time(18, 0))
    custom = StoreCalendar.create(
        {0: (time(9), time(18))},
        makeup_workdays={date(2026, 2, 14)},
        makeup_hours=(time(10), time(15)),
    )
    assert custom.hours_on(date(2026, 2, 14)) == (time(10), time(15))


def test_makeup_day_on_open_weekday_keeps_its_hours() -> None:
    cal = StoreCalendar.create(
        {0: (time(9), time(18)), 5: (time(10), time(14))}, makeup_workdays={date(2026, 2, 14)}
    )
    assert cal.hours_on(date(2026, 2, 14)) == (time(10), time(14))


def test_holiday_closes_an_open_weekday() -> None:
    cal = StoreCalendar.dealership_default(holidays={date(2026, 2, 17)})
    assert cal.hours_on(date(2026, 2, 17)) is None
    assert cal.closing_time(date(2026, 2, 17)) is None
    assert cal.closing_time(date(2026, 2, 18)) == dt("2026-02-18 18:00")
    assert cal.opening_time(date(2026, 2, 18)) == dt("2026-02-18 08:30")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-03-06", "2026-03-09"),  # Friday -> Monday
        ("2026-02-13", "2026-02-14"),  # Friday -> make-up Saturday
        ("2026-02-14", "2026-02-24"),  # over Spring Festival
        ("2026-09-30", "2026-10-08"),  # over National Day
        ("2026-10-09", "2026-10-10"),  # Friday -> make-up Saturday
        ("2026-09-19", "2026-09-20"),  # Saturday -> make-up Sunday
    ],
)
def test_next_working_day(day: str, expected: str) -> None:
    assert OFFICE.next_working_day(date.fromisoformat(day)) == date.fromisoformat(expected)


# -- instants ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "is_open"),
    [
        ("2026-03-06 08:59:59", False),
        ("2026-03-06 09:00", True),
        ("2026-03-06 17:59:59", True),
        ("2026-03-06 18:00", False),  # the closing instant is closed
        ("2026-03-07 12:00", False),
        ("2026-02-14 12:00", True),
    ],
)
def test_is_open(at: str, is_open: bool) -> None:
    assert OFFICE.is_open(dt(at)) is is_open


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        ("2026-03-06 10:00", "2026-03-06 11:30", 90),
        ("2026-03-06 17:00", "2026-03-09 10:00", 120),  # over a weekend
        ("2026-03-06 07:00", "2026-03-06 20:00", 540),  # the whole day
        ("2026-03-06 12:00", "2026-03-06 11:00", 0),  # end before start
        ("2026-02-13 17:00", "2026-02-24 10:00", 60 + 540 + 60),  # make-up Sat, holidays
        ("2026-03-06 10:00:30", "2026-03-06 10:02:00", 1),  # seconds are dropped
    ],
)
def test_working_minutes_between(start: str, end: str, minutes: int) -> None:
    assert OFFICE.working_minutes_between(dt(start), dt(end)) == minutes


@pytest.mark.parametrize(
    ("start", "minutes", "expected"),
    [
        ("2026-03-06 10:00", 30, "2026-03-06 10:30"),
        ("2026-03-06 17:50", 30, "2026-03-09 09:20"),  # Friday -> Monday
        ("2026-03-06 09:00", 540, "2026-03-06 18:00"),  # ends exactly at closing
        ("2026-03-06 20:00", 0, "2026-03-09 09:00"),  # zero from outside: next opening
        ("2026-03-06 10:00", 0, "2026-03-06 10:00"),
        ("2026-03-07 10:00", 60, "2026-03-09 10:00"),  # Saturday: starts Monday
        ("2026-02-13 16:30", 180, "2026-02-14 10:30"),  # into a make-up Saturday
        ("2026-02-14 17:00", 120, "2026-02-24 10:00"),  # over Spring Festival
    ],
)
def test_add_working_minutes(start: str, minutes: int, expected: str) -> None:
    assert OFFICE.add_working_minutes(dt(start), minutes) == dt(expected)


def test_add_working_minutes_refuses_negative() -> None:
    with pytest.raises(ValueError):
        OFFICE.add_working_minutes(dt("2026-03-06 10:00"), -1)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2026-03-04 10:15", 3, "2026-03-09 10:15"),  # Wednesday -> Monday
        ("2026-03-06 07:00", 1, "2026-03-09 09:00"),  # before opening: opening is the base
        ("2026-03-06 18:30", 1, "2026-03-10 09:00"),  # after closing: next opening is the base
        ("2026-03-07 11:00", 1, "2026-03-10 09:00"),  # closed day
        ("2026-09-30 10:00", 3, "2026-10-10 10:00"),  # over National Day to a make-up day
        ("2026-03-06 10:00", 0, "2026-03-06 10:00"),
    ],
)
def test_add_working_days(start: str, days: int, expected: str) -> None:
    assert OFFICE.add_working_days(dt(start), days) == dt(expected)


def test_add_working_days_clamps_to_target_hours() -> None:
    cal = StoreCalendar.create({0: (time(9), time(18)), 1: (time(10), time(12))})
    # Monday 17:00 + 1 working day = Tuesday, which closes at noon.
    assert cal.add_working_days(dt("2026-03-02 17:00"), 1) == dt("2026-03-03 12:00")
    # Monday 09:15 + 1: Tuesday opens later than 09:15.
    assert cal.add_working_days(dt("2026-03-02 09:15"), 1) == dt("2026-03-03 10:00")


def test_next_closing() -> None:
    assert OFFICE.next_closing(dt("2026-03-06 07:00")) == dt("2026-03-06 18:00")
    assert OFFICE.next_closing(dt("2026-03-06 17:59")) == dt("2026-03-06 18:00")
    assert OFFICE.next_closing(dt("2026-03-06 18:00")) == dt("2026-03-09 18:00")
    assert OFFICE.next_closing(dt("2026-02-13 18:30")) == dt("2026-02-14 18:00")


# -- properties ----------------------------------------------------------------------

instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31))
calendars = st.sampled_from([OFFICE, DEALERSHIP, StoreCalendar.retail_default()])


@given(calendar=calendars, start=instants, minutes=st.integers(0, 20_000))
def test_add_then_measure_is_identity(
    calendar: StoreCalendar, start: datetime, minutes: int
) -> None:
    end = calendar.add_working_minutes(start, minutes)
    assert calendar.working_minutes_between(start, end) == minutes
    # And it is the earliest such instant: a second earlier is not enough.
    if minutes:
        assert calendar.working_time_between(start, end - timedelta(seconds=1)) < timedelta(
            minutes=minutes
        )


@given(
    calendar=calendars,
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    minute_of_day=st.integers(0, 24 * 60 - 1),
    minutes=st.integers(0, 5_000),
)
def test_add_then_measure_from_working_period(
    calendar: StoreCalendar, day: date, minute_of_day: int, minutes: int
) -> None:
    if not calendar.is_working_day(day):
        day = calendar.next_working_day(day)
    hours = calendar.hours_on(day)
    assert hours is not None
    opening = datetime.combine(day, hours[0])
    length = datetime.combine(day, hours[1]) - opening
    start = opening + timedelta(minutes=minute_of_day) % length
    assert calendar.is_open(start)
    end = calendar.add_working_minutes(start, minutes)
    assert calendar.working_minutes_between(start, end) == minutes


@given(calendar=calendars, start=instants, days=st.integers(0, 40))
def test_add_working_days_lands_in_open_hours(
    calendar: StoreCalendar, start: datetime, days: int
) -> None:
    due = calendar.add_working_days(start, days)
    hours = calendar.hours_on(due.date())
    assert hours is not None
    assert hours[0] <= due.time() <= hours[1]
    assert due >= start


def test_calendar_json_round_trip_keeps_hours_holidays_and_makeup_days() -> None:
    cal = StoreCalendar.create(
        {0: (time(9, 0), time(18, 0)), 5: (time(10, 0), time(16, 30))},
        holidays=[date(2026, 10, 1)],
        makeup_workdays=[date(2026, 10, 11)],
    )
    again = StoreCalendar.from_dict(cal.to_dict())
    assert again == cal
    assert again.is_working_day(date(2026, 10, 11))  # a Sunday made a working day
    assert not again.is_working_day(date(2026, 10, 1))


def test_calendar_from_dict_names_the_bad_field() -> None:
    with pytest.raises(ValidationError) as err:
        StoreCalendar.from_dict({"hours": {"0": ["9h", "18:00"]}})
    assert err.value.field == "hours"
    with pytest.raises(ValidationError) as err:
        StoreCalendar.from_dict({"hours": {"0": ["09:00", "18:00"]}, "holidays": ["2026-13-01"]})
    assert err.value.field == "holidays"
