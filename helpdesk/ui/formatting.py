"""How dates, money, durations and deadlines read on screen, in the UI language.

The deadline texts say in words what the colours say (overdue, due soon, paused), so a
person who cannot tell red from green — or prints the screen in grey — still sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtGui import QColor

from helpdesk.domain import deadlines, parsing, sla, vocabulary
from helpdesk.domain.complaints import SheetState
from helpdesk.ui import i18n


def datetime_text(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def money_text(cents: int) -> str:
    return parsing.format_yuan(cents, symbol=True)


def vin_text(vin: str) -> str:
    """A vehicle's VIN, a partial one flagged incomplete (``vocabulary.vin_shown``)."""
    return vocabulary.vin_shown(vin, i18n.current_language())


def duration_text(td: timedelta) -> str:
    """The two largest units of ``abs(td)``, rounded towards zero: "2 d 3 h", "45 min"."""
    return vocabulary.duration_words(td, i18n.current_language())


class Urgency(StrEnum):
    """How a deadline looks in a list: the colour and the words go together."""

    OVERDUE = "overdue"
    NEAR = "near"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    LATE = "late"  # done, but after the deadline
    NONE = "none"


@dataclass(frozen=True)
class TimeLeft:
    """Attributes: text (what the cell says), urgency, due (the deadline shown)."""

    text: str
    urgency: Urgency
    due: datetime | None = None
    response: bool = False  # the deadline is the response (not the resolution)


def status_text(status: sla.SlaStatus, *, response: bool) -> TimeLeft:
    """What one deadline's status says, and its colour (the form shows both clocks)."""
    text, urgency = _status_text(status, response)
    return TimeLeft(text, urgency, None, response)


_URGENCY = {
    sla.SlaState.OVERDUE: Urgency.OVERDUE,
    sla.SlaState.NEAR: Urgency.NEAR,
    sla.SlaState.PAUSED: Urgency.PAUSED,
    sla.SlaState.MET: Urgency.DONE,
    sla.SlaState.MISSED: Urgency.LATE,
    sla.SlaState.PENDING: Urgency.RUNNING,
}


def _status_text(status: sla.SlaStatus, response: bool) -> tuple[str, Urgency]:
    """The catalog's words for the status (the command line prints the same)."""
    return (vocabulary.deadline_words(status.state, status.remaining, response=response,
                                      lang=i18n.current_language()),
            _URGENCY[status.state])


def time_left(
    state: SheetState,
    response_due: datetime | None,
    resolution_due: datetime | None,
    acknowledged_at: datetime | None,
    resolved_at: datetime | None,
    now: datetime,
    *,
    waiting_since: datetime | None = None,
    received_at: datetime | None = None,
) -> TimeLeft:
    """The deadline that matters now for a sheet, judged at ``now`` by the one rule
    (:func:`helpdesk.domain.deadlines.sheet_deadlines`; ``waiting_since`` is the start
    of the open wait, see there)."""
    return deadline_text(deadlines.sheet_deadlines(
        state, response_due_at=response_due, resolution_due_at=resolution_due,
        acknowledged_at=acknowledged_at, resolved_at=resolved_at,
        waiting_since=waiting_since, now=now, received_at=received_at))


def deadline_text(judged: deadlines.SheetDeadlines) -> TimeLeft:
    """What a list cell says about the deadline that matters now, and its colour.

    Unanswered: the response (or the resolution, if only that is overdue). Being worked
    on: the resolution. Waiting: paused, unless it was overdue when the wait began.
    Resolved or later: whether it was resolved on time."""
    status = judged.status
    if status is None:
        return TimeLeft("", Urgency.NONE)
    response = judged.current is deadlines.Clock.RESPONSE
    text, urgency = _status_text(status, response)
    return TimeLeft(text, urgency, judged.due, response)


# Background and text colours; readable on the light Fusion palette and in print.
COLOURS: dict[Urgency, tuple[QColor, QColor]] = {
    Urgency.OVERDUE: (QColor("#f8d7da"), QColor("#842029")),
    Urgency.NEAR: (QColor("#fff3cd"), QColor("#664d03")),
    Urgency.PAUSED: (QColor("#e9ecef"), QColor("#495057")),
    Urgency.LATE: (QColor("#f1f3f5"), QColor("#842029")),
}


def urgency_colours(urgency: Urgency) -> tuple[QColor, QColor] | None:
    return COLOURS.get(urgency)
