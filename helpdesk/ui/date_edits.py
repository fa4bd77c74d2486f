"""Date and time editors that take what is typed, whole.

Qt's QDateEdit and QTimeEdit edit section by section: typing ``2027-02-07`` over a
selected date gave 2026-02-07, and ``19:00`` into an opening time gave 08:00. These
editors are line edits read by the one parser (:mod:`helpdesk.domain.parsing`), so
``2027-02-07``, ``2027/2/7``, ``2027年2月7日``, ``19:00``, ``1900`` or ``下午7点`` mean what
they say; the date editor keeps a calendar popup for picking with the mouse. They
offer the QDateEdit/QTimeEdit/QDateTimeEdit methods the screens use (``date()``/
``setDate()``, ``time()``/``setTime()``, ``dateTime()``/``setDateTime()``); text that is
not a date or time is marked and not taken. Every date, time and date-time field of the
desk is one of these (issue 10).
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QMenu,
    QStyle,
    QWidget,
    QWidgetAction,
)

from helpdesk.domain import parsing
from helpdesk.domain.errors import ValidationError
from helpdesk.ui import widgets


class DateEdit(QLineEdit):
    """A date typed whole (any form the parser reads) or picked from a calendar.

    Signals:
        dateChanged(QDate): a new valid date was typed or picked.
    """

    dateChanged = Signal(QDate)  # noqa: N815 - the QDateEdit name

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803 - Qt's keyword
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._date = QDate.currentDate()
        self.setText(self._date.toString("yyyy-MM-dd"))
        self.setPlaceholderText("2026-10-01")
        # Room for a whole date and the calendar button.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-10-01") + 44)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName(f"{objectName}Calendar" if objectName else "calendar")
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.popup_action = QAction(icon, "", self)
        self.popup_action.triggered.connect(self._popup)
        self.addAction(self.popup_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar.clicked.connect(self._picked)
        self.editingFinished.connect(self._take_text)
        self.textEdited.connect(lambda _text: widgets.set_invalid(self, False))

    def date(self) -> QDate:
        """The date shown; text still being typed is read first (Enter not needed)."""
        self._take_text()
        return QDate(self._date)

    def setDate(self, value: QDate | date) -> None:  # noqa: N802 - Qt's name
        if not isinstance(value, QDate):
            value = QDate(value.year, value.month, value.day)
        changed = value != self._date
        self._date = QDate(value)
        self.setText(value.toString("yyyy-MM-dd"))
        widgets.set_invalid(self, False)
        if changed:
            self.dateChanged.emit(QDate(value))

    def is_valid(self) -> bool:
        try:
            parsing.parse_date(self.text())
        except ValidationError:
            return False
        return True

    def _take_text(self) -> None:
        try:
            day = parsing.parse_date(self.text())
        except ValidationError:
            widgets.set_invalid(self, bool(self.text().strip()))
            return
        self.setDate(QDate(day.year, day.month, day.day))

    def _popup(self) -> None:
        self.calendar.setSelectedDate(self.date())
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _picked(self, value: QDate) -> None:
        self._menu.hide()
        self.setDate(value)


class TimeEdit(QLineEdit):
    """A time of day typed whole: ``19:00``, ``1900``, ``下午7点``, ``7:30 PM``.

    Signals:
        timeChanged(QTime): a new valid time was typed.
    """

    timeChanged = Signal(QTime)  # noqa: N815 - the QTimeEdit name

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803 - Qt's keyword
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._time = QTime(0, 0)
        self.setText("00:00")
        self.setPlaceholderText("08:30")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00") + 24)
        self.setMaximumWidth(90)
        self.editingFinished.connect(self._take_text)
        self.textEdited.connect(lambda _text: widgets.set_invalid(self, False))

    def time(self) -> QTime:
        """The time shown; text still being typed is read first."""
        self._take_text()
        return QTime(self._time)

    def setTime(self, value: QTime | time) -> None:  # noqa: N802 - Qt's name
        if not isinstance(value, QTime):
            value = QTime(value.hour, value.minute)
        changed = value != self._time
        self._time = QTime(value)
        self.setText(value.toString("HH:mm"))
        widgets.set_invalid(self, False)
        if changed:
            self.timeChanged.emit(QTime(value))

    def setDisplayFormat(self, _format: str) -> None:  # noqa: N802 - QTimeEdit's name
        """Always HH:mm (kept so screens written for QTimeEdit need no change)."""

    def _take_text(self) -> None:
        try:
            at = parsing.parse_time(self.text())
        except ValidationError:
            widgets.set_invalid(self, bool(self.text().strip()))
            return
        self.setTime(QTime(at.hour, at.minute))


class DateTimeEdit(DateEdit):
    """A date and time of day typed whole (``2027-02-07 19:00``, ``2027年2月7日 下午7点``),
    or only a date (the time stays), only a time (``19:00``: the same day at 19:00), or a
    day picked from the calendar (the time stays).

    Signals:
        dateTimeChanged(QDateTime): a new valid date and time was typed or picked.
    """

    dateTimeChanged = Signal(QDateTime)  # noqa: N815 - the QDateTimeEdit name

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803 - Qt's keyword
        self._at = QDateTime.currentDateTime()
        self._at.setTime(QTime(self._at.time().hour(), self._at.time().minute()))
        self._latest: QDateTime | None = None
        super().__init__(parent, objectName=objectName)
        self.setPlaceholderText("2026-10-01 14:30")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-10-01 14:30") + 44)
        self.setText(self._at.toString("yyyy-MM-dd HH:mm"))

    def dateTime(self) -> QDateTime:  # noqa: N802 - Qt's name
        """The date and time shown; text still being typed is read first."""
        self._take_text()
        return QDateTime(self._at)

    def setDateTime(self, value: QDateTime | datetime) -> None:  # noqa: N802 - Qt's name
        if not isinstance(value, QDateTime):
            value = QDateTime(value.replace(second=0, microsecond=0))
        value = QDateTime(value.date(), QTime(value.time().hour(), value.time().minute()))
        changed = value != self._at
        self._at = QDateTime(value)
        self.setText(value.toString("yyyy-MM-dd HH:mm"))
        # Later than the latest allowed: taken as typed (the service says why it is
        # refused, at this field) and marked at once.
        widgets.set_invalid(self, self._latest is not None and value > self._latest)
        if changed:
            self.dateTimeChanged.emit(QDateTime(value))
            self.dateChanged.emit(value.date())

    def setMaximumDateTime(self, value: QDateTime) -> None:  # noqa: N802 - Qt's name
        """Mark a later value (a complaint received in the future); never change it."""
        self._latest = QDateTime(value)

    def date(self) -> QDate:
        return self.dateTime().date()

    def setDate(self, value: QDate | date) -> None:  # noqa: N802 - Qt's name
        if not isinstance(value, QDate):
            value = QDate(value.year, value.month, value.day)
        at = getattr(self, "_at", None)
        self.setDateTime(QDateTime(value, at.time() if at is not None else QTime(0, 0)))

    def is_valid(self) -> bool:
        return self._read() is not None

    def _read(self) -> datetime | None:
        """The typed date and time; a date alone keeps the time shown, a time alone
        the day shown."""
        text, shown = self.text(), self._at.toPython()
        try:
            # A typed time wins, 00:00 included: only the parser knows it was written.
            day, clock = parsing.parse_date_and_time(text)
            return datetime.combine(day, clock if clock is not None else shown.time())
        except ValidationError:
            pass
        try:
            return datetime.combine(shown.date(), parsing.parse_time(text))
        except ValidationError:
            return None

    def _take_text(self) -> None:
        if not hasattr(self, "_at"):
            return
        found = self._read()
        if found is None:
            widgets.set_invalid(self, bool(self.text().strip()))
            return
        self.setDateTime(found)
