"""China's public holidays and make-up working days (调休), loaded into a store's calendar.

The schedule comes from the ``chinesecalendar`` package, chosen over ``holidays`` for
this: it has every day off of each holiday (春节 15–23 Feb 2026, not only the three
statutory days) **and** the make-up working days (4 Jan, 14 and 28 Feb, 9 May, 20 Sep,
10 Oct 2026), from 2004 to the latest year the State Council has announced (a new
release follows each November's announcement); ``holidays`` lists the statutory days
and names the substitutes in its texts, but has no make-up working days to load.

A year the package does not know yet is refused (``holidays.year_unknown``): the
administrator types it (ranges at once) or imports a list. In December the desk warns
when next year has no holidays yet (:func:`next_year_missing`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from helpdesk.domain import parsing, text
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.domain.users import Permission
from helpdesk.services import common, settings
from helpdesk.services.common import UnitOfWork

_WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
MAKEUP_NAME = {"zh": "调休上班", "en": "make-up working day"}
# issue 10: each listed date says whether the store is off or works (as calendars mark 休/班)
_KIND_MARK = {("zh", False): "（休）", ("zh", True): "（班）",
              ("en", False): " (off) ", ("en", True): " (work) "}
_DECEMBER = 12


@dataclass(frozen=True)
class OfficialDay:
    """One day of the official schedule: a day off (holiday) or a make-up working day."""

    day: date
    workday: bool
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang.startswith("en") else self.name_zh


def known_years() -> range:
    """The years whose schedule the package knows."""
    from chinese_calendar import constants

    years = {d.year for d in constants.holidays}
    return range(min(years), max(years) + 1)


def official_year(year: int) -> list[OfficialDay]:
    """Every day off and make-up working day of ``year``, by date.

    Raises:
        ValidationError: ``holidays.year_unknown`` for a year not announced yet.
    """
    from chinese_calendar import Holiday, constants

    known = known_years()
    if year not in known:
        raise ValidationError("year", "holidays.year_unknown",
                              f"the public holidays of {year} are not known yet (known "
                              f"{known.start}-{known.stop - 1})", year=year,
                              last=known.stop - 1)
    names = {h.value: h for h in Holiday}
    days = []
    for day, value in sorted(constants.holidays.items()):
        if day.year == year:
            holiday = names.get(value)
            days.append(OfficialDay(day, False, holiday.chinese if holiday else value,
                                    value))
    for day, value in sorted(constants.workdays.items()):
        if day.year == year:
            holiday = names.get(value)
            what = holiday.chinese if holiday else value
            days.append(OfficialDay(day, True, f"{what}{MAKEUP_NAME['zh']}",
                                    f"{value}: {MAKEUP_NAME['en']}"))
    return sorted(days, key=lambda d: d.day)


def day_label(day: date, lang: str = "zh", *, workday: bool = False) -> str:
    """``2026-10-01 周四（休）国庆节`` / ``2026-10-01 Thu (off) National Day``: the date, its
    weekday, whether it is a day off or a make-up working day (``（班）``, ``(work)``) and
    its official name (a date the schedule does not know has no name)."""
    english = lang.startswith("en")
    weekday = _WEEKDAYS["en"][day.weekday()] if english else "周" + _WEEKDAYS["zh"][day.weekday()]
    name = ""
    if day.year in known_years():
        found = [d for d in official_year(day.year) if d.day == day and d.workday == workday]
        if found:
            name = found[0].name("en" if english else "zh")
    if not name and workday:
        name = MAKEUP_NAME["en" if english else "zh"]
    mark = _KIND_MARK[("en" if english else "zh", workday)]
    return f"{day.isoformat()} {weekday}{mark}{name}".rstrip()


def date_range(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive (a whole Golden Week at once).

    Raises:
        ValidationError: ``holidays.range`` when ``end`` is before ``start``.
    """
    if end < start:
        raise ValidationError("holidays", "holidays.range",
                              f"the end date {end} is before the start date {start}",
                              start=start, end=end)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


_RANGE_SEPARATORS = re.compile(r"\s*(?:~|～|至|到|–|—|\.\.)\s*")
_WORKDAY_WORDS = ("补班", "上班", "调休上班", "workday", "working day", "make-up", "班")


def parse_list(content: str) -> tuple[list[date], list[date]]:
    """Read a list of holidays as people keep it: one date or range per line
    (``2026-10-01``, ``2026-10-01~2026-10-07 国庆节``, ``2026/10/1 至 2026/10/7``), a line
    saying 补班/上班/workday is a make-up working day; ``#`` starts a comment.

    Returns:
        (holidays, make-up working days), sorted.

    Raises:
        ValidationErrors: every line that is not a date or a range, by line number.
    """
    holidays: set[date] = set()
    workdays: set[date] = set()
    errors: list[ValidationError] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = text.normalize(raw.split("#", 1)[0])
        if not line:
            continue
        workday = any(word in line.lower() for word in _WORKDAY_WORDS)
        parts = _RANGE_SEPARATORS.split(line, maxsplit=1)
        try:
            first = parsing.parse_date(_date_part(parts[0]), field="holidays")
            last = parsing.parse_date(_date_part(parts[1]), field="holidays") \
                if len(parts) > 1 else first
            days = date_range(first, last)
        except ValidationError as exc:
            errors.append(ValidationError("holidays", exc.code,
                                          f"line {number}: {exc.message}", line=number,
                                          **exc.params))
            continue
        (workdays if workday else holidays).update(days)
    if errors:
        raise ValidationErrors(errors)
    return sorted(holidays - workdays), sorted(workdays)


def _date_part(value: str) -> str:
    """The date at the start of ``value`` (a name may follow it)."""
    return value.split(" ", maxsplit=1)[0] if re.match(r"\d", value) else value


@dataclass(frozen=True)
class Loaded:
    """What loading changed: the days added to each list."""

    holidays: tuple[date, ...]
    workdays: tuple[date, ...]


def add_days(uow: UnitOfWork, actor_id: int, store_id: int, *,
             holidays: Iterable[date] = (), workdays: Iterable[date] = ()) -> Loaded:
    """Add days off and make-up working days to the store's calendar (a day moves
    from one list to the other when given for it); audited like any calendar change."""
    current = settings.get_store_settings(uow, actor_id, store_id)
    new_holidays, new_workdays = set(holidays), set(workdays)
    kept_holidays = (set(current.holidays) - new_workdays) | new_holidays
    kept_workdays = (set(current.makeup_workdays) - new_holidays) | new_workdays
    settings.save_calendar(uow, actor_id, store_id, hours=current.hours,
                           holidays=sorted(kept_holidays), makeup_workdays=sorted(kept_workdays),
                           makeup_hours=current.makeup_hours)
    return Loaded(tuple(sorted(new_holidays - set(current.holidays))),
                  tuple(sorted(new_workdays - set(current.makeup_workdays))))


def load_year(uow: UnitOfWork, actor_id: int, store_id: int, year: int) -> Loaded:
    """Load the official schedule of ``year`` into the store's calendar (one action)."""
    days = official_year(year)
    return add_days(uow, actor_id, store_id,
                    holidays=[d.day for d in days if not d.workday],
                    workdays=[d.day for d in days if d.workday])


def next_year_missing(uow: UnitOfWork, actor_id: int, today: date | None = None) -> list[str]:
    """In December, the stores (names) with no public holiday next year yet; else []."""
    today = today or common.now().date()
    if today.month != _DECEMBER:
        return []
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        stores = [uow.stores.get(user.store_id)] if user.store_id else uow.stores.list()
        missing = []
        for store in stores:
            if store is None:
                continue
            calendar = common.store_calendar(store)
            if not any(d.year == today.year + 1 for d in calendar.holidays):
                missing.append(store.name)
        return missing


def with_official(calendar: StoreCalendar, years: Iterable[int]) -> StoreCalendar:
    """``calendar`` with the official schedule of the ``years`` the package knows (a new
    store starts with this year's and next year's holidays preloaded)."""
    holidays, workdays = set(calendar.holidays), set(calendar.makeup_workdays)
    for year in years:
        if year in known_years():
            for day in official_year(year):
                (workdays if day.workday else holidays).add(day.day)
    return replace(calendar, holidays=frozenset(holidays - workdays),
                   makeup_workdays=frozenset(workdays))


common.guard_use_cases(__name__)
