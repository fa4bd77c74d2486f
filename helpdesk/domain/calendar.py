"""The store's working time: opening hours, public holidays and make-up days (调休).

SLA deadlines such as "30 minutes" or "before the end of the working day" run on the
store's open time, so the clock stops at closing time, on closed weekdays and on public
holidays, and runs on make-up working days (a Saturday or Sunday that is worked in
exchange for a longer holiday).

All datetimes are naive local wall-clock time of the store. Open hours on a day are the
half-open interval ``[opening, closing)``: at the closing instant the store is closed.
Stores that stay open past midnight are not supported (opening must come before closing
on the same day).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any

from helpdesk.domain.errors import ValidationError

Hours = tuple[time, time]
"""Opening and closing time of one day."""

MAX_SCAN_DAYS = 3 * 366
"""How far ahead the calendar looks for a working day before giving up.

Three years is longer than any real closure, and short enough that a calendar with no
working day left fails at once instead of looping forever.
"""

DEFAULT_MAKEUP_HOURS: Hours = (time(8, 30), time(18, 0))
"""Hours of a make-up day when the store is closed on Mondays too."""

_ONE_DAY = timedelta(days=1)
_ONE_MINUTE = timedelta(minutes=1)
_WEEKDAYS = range(7)


@dataclass(frozen=True)
class StoreCalendar:
    """When the store is open.

    Build one with :meth:`create` or a preset; the constructor validates too, so an
    invalid calendar never exists.

    Attributes:
        hours: opening hours per weekday, 0 = Monday .. 6 = Sunday; ``None`` = closed
            that weekday. Missing weekdays are closed.
        holidays: public holidays: closed even if the weekday is open.
        makeup_workdays: make-up working days (调休): open even if the weekday is
            normally closed.
        makeup_hours: hours of a make-up day whose weekday is normally closed; defaults
            to the Monday hours, or 08:30–18:00 if the store is closed on Mondays.
    """

    # Excluded from the hash because a mapping is not hashable; equal calendars still
    # hash equal since the other fields are compared too.
    hours: Mapping[int, Hours | None] = field(hash=False)
    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()
    makeup_hours: Hours | None = None

    def __post_init__(self) -> None:
        hours = _normalise_hours(self.hours)
        # A read-only view so that the frozen calendar cannot be changed through it.
        object.__setattr__(self, "hours", MappingProxyType(hours))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "makeup_workdays", frozenset(self.makeup_workdays))
        makeup_hours = self.makeup_hours
        if makeup_hours is None:
            makeup_hours = hours[0] or DEFAULT_MAKEUP_HOURS
        _check_hours("makeup_hours", makeup_hours)
        object.__setattr__(self, "makeup_hours", makeup_hours)

        both = self.holidays & self.makeup_workdays
        if both:
            day = min(both)
            raise ValidationError(
                "makeup_workdays",
                "calendar.both",
                f"{day.isoformat()} is both a holiday and a make-up working day",
                date=day,
            )
        if not any(hours.values()) and not self.makeup_workdays:
            raise ValidationError(
                "hours",
                "calendar.no_working_days",
                "the store is never open: set the opening hours of at least one weekday",
            )

    @classmethod
    def create(
        cls,
        hours: Mapping[int, Hours | None],
        *,
        holidays: Iterable[date] = (),
        makeup_workdays: Iterable[date] = (),
        makeup_hours: Hours | None = None,
    ) -> StoreCalendar:
        """Build a validated calendar.

        Args:
            hours: opening hours per weekday (0 = Monday); missing or ``None`` = closed.
            holidays: days closed although their weekday is open.
            makeup_workdays: days open although their weekday is closed (调休).
            makeup_hours: hours of such a make-up day (default: Monday's hours).

        Raises:
            ValidationError: ``calendar.weekday``, ``calendar.hours_order``,
                ``calendar.both`` or ``calendar.no_working_days``.
        """
        return cls(
            hours=dict(hours),
            holidays=frozenset(holidays),
            makeup_workdays=frozenset(makeup_workdays),
            makeup_hours=makeup_hours,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (stored per store; edited in Settings)."""

        def hm(t: time) -> str:
            return t.strftime("%H:%M")

        return {
            "hours": {
                str(day): ([hm(h[0]), hm(h[1])] if h else None)
                for day, h in sorted(self.hours.items())
            },
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "makeup_workdays": sorted(d.isoformat() for d in self.makeup_workdays),
            "makeup_hours": [hm(self.makeup_hours[0]), hm(self.makeup_hours[1])]
            if self.makeup_hours
            else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoreCalendar:
        """Inverse of :meth:`to_dict`; bad values raise ValidationError on their field."""

        def parse_time(value: Any, field_name: str) -> time:
            try:
                return time.fromisoformat(str(value))
            except ValueError:
                raise ValidationError(
                    field_name, "calendar.time", f"{value!r} is not a time like 08:30"
                ) from None

        def parse_hours(value: Any, field_name: str) -> Hours | None:
            if not value:
                return None
            if not isinstance(value, list | tuple) or len(value) != 2:
                raise ValidationError(
                    field_name, "calendar.time", f"{value!r} is not [opening, closing]"
                )
            return parse_time(value[0], field_name), parse_time(value[1], field_name)

        def parse_dates(values: Any, field_name: str) -> frozenset[date]:
            result = set()
            for value in values or ():
                try:
                    result.add(date.fromisoformat(str(value)))
                except ValueError:
                    raise ValidationError(
                        field_name, "calendar.date", f"{value!r} is not a date like 2026-10-01"
                    ) from None
            return frozenset(result)

        raw_hours = data.get("hours") or {}
        hours = {int(day): parse_hours(value, "hours") for day, value in raw_hours.items()}
        return cls.create(
            hours,
            holidays=parse_dates(data.get("holidays"), "holidays"),
            makeup_workdays=parse_dates(data.get("makeup_workdays"), "makeup_workdays"),
            makeup_hours=parse_hours(data.get("makeup_hours"), "makeup_hours"),
        )

    @classmethod
    def dealership_default(
        cls, *, holidays: Iterable[date] = (), makeup_workdays: Iterable[date] = ()
    ) -> StoreCalendar:
        """4S dealership after-sales: open every day, 08:30–18:00."""
        return cls.create(
            dict.fromkeys(_WEEKDAYS, (time(8, 30), time(18, 0))),
            holidays=holidays,
            makeup_workdays=makeup_workdays,
        )

    @classmethod
    def retail_default(
        cls, *, holidays: Iterable[date] = (), makeup_workdays: Iterable[date] = ()
    ) -> StoreCalendar:
        """Retail store: open every day, 10:00–22:00."""
        return cls.create(
            dict.fromkeys(_WEEKDAYS, (time(10, 0), time(22, 0))),
            holidays=holidays,
            makeup_workdays=makeup_workdays,
        )

    @classmethod
    def office_default(
        cls, *, holidays: Iterable[date] = (), makeup_workdays: Iterable[date] = ()
    ) -> StoreCalendar:
        """Office: Monday to Friday, 09:00–18:00."""
        office: dict[int, Hours | None] = dict.fromkeys(range(5), (time(9, 0), time(18, 0)))
        return cls.create(office, holidays=holidays, makeup_workdays=makeup_workdays)

    # -- days ---------------------------------------------------------------------

    def hours_on(self, d: date) -> Hours | None:
        """Opening hours on ``d``, or ``None`` if the store is closed that day.

        A make-up day whose weekday is normally open keeps that weekday's hours: only a
        normally closed day needs hours from elsewhere.
        """
        if d in self.holidays:
            return None
        own = self.hours[d.weekday()]
        if own is not None:
            return own
        if d in self.makeup_workdays:
            return self.makeup_hours
        return None

    def is_working_day(self, d: date) -> bool:
        """Whether the store opens at all on ``d``."""
        return self.hours_on(d) is not None

    def opening_time(self, d: date) -> datetime | None:
        """When the store opens on ``d``, or ``None`` if it is closed that day."""
        hours = self.hours_on(d)
        return None if hours is None else datetime.combine(d, hours[0])

    def closing_time(self, d: date) -> datetime | None:
        """When the store closes on ``d``, or ``None`` if it is closed that day."""
        hours = self.hours_on(d)
        return None if hours is None else datetime.combine(d, hours[1])

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``.

        Raises:
            ValidationError: ``calendar.no_working_days`` if there is none within
                :data:`MAX_SCAN_DAYS`.
        """
        for offset in range(1, MAX_SCAN_DAYS + 1):
            candidate = d + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValidationError(
            "hours",
            "calendar.no_working_days",
            f"the store is not open on any day within {MAX_SCAN_DAYS} days after {d.isoformat()}",
            after=d,
            days=MAX_SCAN_DAYS,
        )

    # -- instants -----------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        """Whether the store is open at the instant ``at`` (closing instant excluded)."""
        hours = self.hours_on(at.date())
        return hours is not None and hours[0] <= at.time() < hours[1]

    def next_opening(self, at: datetime) -> datetime:
        """``at`` itself if the store is open then, else the instant it next opens."""
        day = at.date()
        hours = self.hours_on(day)
        if hours is not None:
            if at.time() < hours[0]:
                return datetime.combine(day, hours[0])
            if at.time() < hours[1]:
                return at
        day = self.next_working_day(day)
        return datetime.combine(day, self._open_hours(day)[0])

    def next_closing(self, at: datetime) -> datetime:
        """Closing time of the working day the clock runs on from ``at``.

        That is today's closing time if ``at`` is before closing on a working day, else
        the closing time of the next working day ("before 下班").
        """
        day = self.next_opening(at).date()
        return datetime.combine(day, self._open_hours(day)[1])

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Open time inside ``[start, end)``; zero when ``end`` is not after ``start``."""
        total = timedelta(0)
        day = start.date()
        while day <= end.date():
            hours = self.hours_on(day)
            if hours is not None:
                low = max(start, datetime.combine(day, hours[0]))
                high = min(end, datetime.combine(day, hours[1]))
                if high > low:
                    total += high - low
            day += _ONE_DAY
        return total

    def working_minutes_between(self, start: datetime, end: datetime) -> int:
        """Whole minutes of open time inside ``[start, end)`` (seconds are dropped)."""
        return self.working_time_between(start, end) // _ONE_MINUTE

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant by which ``amount`` of open time has elapsed after ``start``.

        If ``start`` is outside open hours the clock starts at the next opening, so a
        zero amount gives ``start`` when open and the next opening otherwise. When the
        amount runs out exactly at closing time, the closing instant is returned rather
        than the next opening.

        Raises:
            ValueError: ``amount`` is negative.
        """
        if amount < timedelta(0):
            raise ValueError(f"cannot add negative working time {amount}")
        at = self.next_opening(start)
        left = amount
        while True:
            closing = datetime.combine(at.date(), self._open_hours(at.date())[1])
            available = closing - at
            if left <= available:
                return at + left
            left -= available
            at = self.next_opening(closing)

    def add_working_minutes(self, start: datetime, minutes: int) -> datetime:
        """The instant when ``minutes`` of open time have elapsed after ``start``.

        See :meth:`add_working_time`.
        """
        return self.add_working_time(start, timedelta(minutes=minutes))

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The same clock time on the ``days``-th working day after ``start``'s day.

        The base is ``start`` itself during open hours, that day's opening if ``start`` is
        before opening on a working day, and the next working day's opening if it is
        after closing or on a closed day. The clock time is kept within the target day's
        open hours (clamped to its closing time, or raised to its opening time if that
        day opens later than the base time).

        Raises:
            ValueError: ``days`` is negative.
        """
        if days < 0:
            raise ValueError(f"cannot add a negative number of working days ({days})")
        base = self.next_opening(start)
        target = base.date()
        for _ in range(days):
            target = self.next_working_day(target)
        opening, closing = self._open_hours(target)
        clock = min(max(base.time(), opening), closing)
        return datetime.combine(target, clock)

    def _open_hours(self, d: date) -> Hours:
        hours = self.hours_on(d)
        if hours is None:
            # Only reachable through a bug here: callers pass days known to be open.
            raise ValueError(f"{d.isoformat()} is not a working day")
        return hours


def _normalise_hours(raw: Mapping[int, Hours | None]) -> dict[int, Hours | None]:
    for weekday in raw:
        if weekday not in _WEEKDAYS:
            raise ValidationError(
                f"hours[{weekday}]",
                "calendar.weekday",
                f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday!r}",
                weekday=weekday,
            )
    hours = {weekday: raw.get(weekday) for weekday in _WEEKDAYS}
    for weekday, day_hours in hours.items():
        if day_hours is not None:
            _check_hours(f"hours[{weekday}]", day_hours)
    return hours


def _check_hours(field_name: str, hours: Hours) -> None:
    opening, closing = hours
    if not opening < closing:
        raise ValidationError(
            field_name,
            "calendar.hours_order",
            f"opening time {opening:%H:%M} must be before closing time {closing:%H:%M}",
            opening=opening,
            closing=closing,
        )
