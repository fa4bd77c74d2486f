"""Calendar months as the reports count them: a month is the half-open interval
``[first day 00:00, first day of the next month 00:00)``."""

from __future__ import annotations

from datetime import date, datetime


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month``'s (negative: before)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def midnight(day: date) -> datetime:
    """The start of ``day`` (00:00)."""
    return datetime(day.year, day.month, day.day)
