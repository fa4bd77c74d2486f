"""Settings of the store, for administrators: store data, working hours and the holiday
calendar, the SLA policy table, the banned phrases and the complaint categories.

Each tab loads from and saves through ``services.settings`` (permission-checked and
audited there) and shows every error next to the row or cell it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import attachments as attachment_rules
from helpdesk.domain import validation, vocabulary
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import HelpdeskError, ValidationError
from helpdesk.domain.sla import PRESETS, DueKind
from helpdesk.services import archive as archive_svc
from helpdesk.services import attachments as attachments_svc
from helpdesk.services import holidays as holiday_svc
from helpdesk.services import settings as settings_svc
from helpdesk.ui import i18n, labels, messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.date_edits import DateEdit, TimeEdit


class _Tab(QWidget):
    """Common parts: a status line, a Save button, errors not tied to a field.

    Signals:
        saved(): something was saved (the service's commit announces the change).
    """

    saved = Signal()

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._store_id = store_id
        self.errors = widgets.FieldErrors()
        self.save_button = QPushButton(objectName="saveSettingsButton")
        self.general_error = widgets.error_label("general")
        self.status = QLabel(objectName="settingsStatus")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        if getattr(self, "_status_saved", False):
            self.status.setText(self.tr("Saved."))  # in the new language

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        return row

    def _set_status(self, text: str, *, saved: bool = False) -> None:
        self._status_saved = saved
        self.status.setText(text)

    def _failed(self, exc: HelpdeskError) -> None:
        self._set_status("")
        rest = self.errors.show(widgets.flatten(exc))
        self.show_unplaced(rest, exc)

    def show_unplaced(self, rest: list[ValidationError], exc: HelpdeskError) -> None:
        if rest or not widgets.flatten(exc):
            self.general_error.setText("\n".join(messages.error_text(e) for e in rest)
                                       if rest else messages.error_text(exc))
            self.general_error.show()

    def _done(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        self._set_status(self.tr("Saved."), saved=True)
        self.saved.emit()


# ====================================================================== store data
class StoreTab(_Tab):
    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("storeTab")
        self.name_edit = QLineEdit(objectName="storeNameEdit")
        self.code_label = QLabel(objectName="storeCodeLabel")
        self.preset_label = QLabel(objectName="storePresetLabel")
        self.address_edit = QLineEdit(objectName="storeAddressEdit")
        self.phone_edit = QLineEdit(objectName="storePhoneEdit")
        self.retention_spin = QSpinBox(objectName="retentionSpin")
        self.retention_spin.setRange(1, 30)
        self.retention_note = QLabel(objectName="retentionNote")
        self.retention_note.setWordWrap(True)
        # issue 11: the administrator's attachment size limits (MB)
        self.file_limit_spin = QDoubleSpinBox(objectName="attachmentFileLimit")
        self.sheet_limit_spin = QDoubleSpinBox(objectName="attachmentSheetLimit")
        for spin in (self.file_limit_spin, self.sheet_limit_spin):
            spin.setRange(0.1, 1024)
            spin.setDecimals(1)
            spin.setSuffix(" MB")
        self._captions = [QLabel() for _ in range(8)]
        form = QFormLayout()
        rows = [("store_name", self.name_edit), ("store_code", self.code_label),
                ("preset", self.preset_label), ("store_address", self.address_edit),
                ("store_phone", self.phone_edit), ("retention_years", self.retention_spin),
                ("attachment_limits", self.file_limit_spin),
                ("attachment_sheet_limit", self.sheet_limit_spin)]
        for caption, (key, widget) in zip(self._captions, rows, strict=True):
            caption.setBuddy(widget)
            error = widgets.error_label(key)
            form.addRow(caption, widget)
            form.addRow("", error)
            self.errors.add(key, widget, error)
        form.addRow("", self.retention_note)
        # issue 11: the retention archive (an administrator's explicit action)
        self.archive_button = QPushButton(objectName="archiveButton")
        self.archive_button.clicked.connect(self._on_archive)
        form.addRow("", self.archive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(self._footer())
        self.save_button.clicked.connect(self.save)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        for caption, text in zip(self._captions, (
                self.tr("Store &name:"), self.tr("Store code:"), self.tr("Preset:"),
                self.tr("&Address:"), self.tr("&Phone:"),
                self.tr("Keep closed sheets (&years):"), self.tr("Largest attachment:"),
                self.tr("All attachments of a sheet:")), strict=True):
            caption.setText(text)
        self.code_label.setToolTip(self.tr("The code starts every sheet number; it cannot "
                                           "change."))
        self.retention_note.setText(self.tr(
            "Closed sheets are kept at least this long. Older ones can be written to an "
            "archive file (which the program opens read-only) and then, only if you ask, "
            "removed here; nothing is removed by age alone."))
        self.archive_button.setText(self.tr("Archive older closed sheets…"))
        if hasattr(self, "_preset"):
            self.preset_label.setText(labels.preset_label(self._preset))

    def _on_archive(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Archive file"), "helpdesk-archive.db",
            self.tr("Archive (*.db)"))
        if name:
            self.archive_to(Path(name), remove=lambda count: QMessageBox.question(
                self, self.tr("Remove archived sheets"),
                self.tr("%1 closed sheet(s) were written to the archive and checked. Remove "
                        "them from this database now? (The archive keeps them.)").replace(
                    "%1", str(count))) == QMessageBox.StandardButton.Yes)

    def archive_to(self, path: Path, *, remove: Callable[[int], bool]) -> int:
        """Export the sheets past the retention period to ``path``; ``remove(count)``
        says whether to delete them here too. Returns how many were archived."""
        try:
            result = archive_svc.export_archive(self._ctx.uow(), self._ctx.user_id, path)
            if remove(len(result.sheet_ids)):
                archive_svc.remove_archived(self._ctx.uow(), self._ctx.user_id, path,
                                            confirm=True)
        except HelpdeskError as exc:
            self._failed(exc)
            return 0
        self._set_status(self.tr("%1 sheet(s) archived to %2").replace(
            "%1", str(len(result.sheet_ids))).replace("%2", str(path)), saved=True)
        return len(result.sheet_ids)

    def load(self) -> None:
        data = settings_svc.get_store_settings(self._ctx.uow(), self._ctx.user_id,
                                               self._store_id)
        self.name_edit.setText(data.store.name)
        self.code_label.setText(data.store.code)
        self._preset = data.store.preset
        self.preset_label.setText(labels.preset_label(data.store.preset))
        self.address_edit.setText(data.store.address)
        self.phone_edit.setText(validation.display_phone(data.store.phone))  # 0755 2688 1234
        self.retention_spin.setValue(settings_svc.get_retention_years(self._ctx.uow()))
        limits = attachments_svc.get_limits(self._ctx.uow(), self._ctx.user_id)
        self.file_limit_spin.setValue(limits.per_file / attachment_rules.MB)
        self.sheet_limit_spin.setValue(limits.per_sheet / attachment_rules.MB)

    def save(self) -> None:
        name, address, phone = (self.name_edit.text(), self.address_edit.text(),
                                self.phone_edit.text())
        years, file_limit, sheet_limit = (self.retention_spin.value(),
                                          self.file_limit_spin.value(),
                                          self.sheet_limit_spin.value())

        def work() -> None:
            settings_svc.update_store(self._ctx.uow(), self._ctx.user_id, self._store_id,
                                      name=name, address=address, phone=phone)
            settings_svc.save_retention_years(self._ctx.uow(), self._ctx.user_id, years)
            attachments_svc.set_limits(self._ctx.uow(), self._ctx.user_id, file_limit,
                                       sheet_limit)
        try:
            widgets.write(self, work)
        except HelpdeskError as exc:
            self._failed(exc)
            return
        self.load()
        self._done()


# ====================================================================== calendar
class _DateList(QWidget):
    """A list of dates, each shown with its weekday and official name, with "from" and
    "to" date editors (a whole Golden Week at once) and "add"/"remove" buttons."""

    def __init__(self, name: str, *, workday: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workday = workday
        self.list = QListWidget(objectName=name)
        self.list.setMaximumHeight(160)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.picker = DateEdit(objectName=f"{name}Picker")
        self.until = DateEdit(objectName=f"{name}Until")
        self.until.clear()  # empty: one day
        self.add_button = QPushButton(objectName=f"{name}Add")
        self.remove_button = QPushButton(objectName=f"{name}Remove")
        self.range_error = QLabel(objectName=f"{name}RangeError")
        self.range_error.setStyleSheet(widgets.ERROR_STYLE)
        self.range_error.hide()
        row = QHBoxLayout()
        row.addWidget(self.picker)
        row.addWidget(QLabel("–"))
        row.addWidget(self.until)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.range_error)
        self.add_button.clicked.connect(self._add_typed)
        self.remove_button.clicked.connect(self._remove)

    def set_dates(self, dates: Iterable[date]) -> None:
        self.list.clear()
        for day in sorted(dates):
            self.add(day)
        self.show_year(date.today().year)

    def show_year(self, year: int) -> None:
        """Scroll to the first date of ``year`` or later (the list starts years back)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if date.fromisoformat(item.data(Qt.ItemDataRole.UserRole)).year >= year:
                self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtTop)
                return
        self.list.scrollToBottom()

    def add(self, day: date) -> None:
        if day in self.dates():
            return
        lang = "en" if i18n.current_language().startswith("en") else "zh"
        item = QListWidgetItem(holiday_svc.day_label(day, lang, workday=self.workday))
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.list.addItem(item)
        self.list.sortItems()

    def discard(self, days: Iterable[date]) -> None:
        gone = {d.isoformat() for d in days}
        for i in reversed(range(self.list.count())):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) in gone:
                self.list.takeItem(i)

    def dates(self) -> list[date]:
        return [date.fromisoformat(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())]

    def _add_typed(self) -> None:
        first = self.picker.date().toPython()
        last = self.until.date().toPython() if self.until.text().strip() else first
        try:
            days = holiday_svc.date_range(first, last)
        except HelpdeskError as exc:
            self.range_error.setText(messages.error_text(exc))
            self.range_error.show()
            return
        self.range_error.hide()
        for day in days:
            self.add(day)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class CalendarTab(_Tab):
    """Opening hours per weekday, make-up day hours, holidays and make-up working days."""

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("calendarTab")
        self.open_checks: list[QCheckBox] = []
        self.opening_edits: list[TimeEdit] = []
        self.closing_edits: list[TimeEdit] = []
        self.hours_form = QFormLayout()
        self._day_labels: list[QLabel] = []
        for day in range(7):
            check = QCheckBox(objectName=f"open{day}")
            opening = TimeEdit(objectName=f"opening{day}")
            closing = TimeEdit(objectName=f"closing{day}")
            for edit in (opening, closing):
                edit.setDisplayFormat("HH:mm")
            check.toggled.connect(opening.setEnabled)
            check.toggled.connect(closing.setEnabled)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(check)
            row_layout.addWidget(opening)
            row_layout.addWidget(QLabel("–"))
            row_layout.addWidget(closing)
            row_layout.addStretch(1)
            caption = QLabel()
            self._day_labels.append(caption)
            error = widgets.error_label(f"hours[{day}]")
            self.hours_form.addRow(caption, row)
            self.hours_form.addRow("", error)
            self.errors.add(f"hours[{day}]", opening, error)
            self.open_checks.append(check)
            self.opening_edits.append(opening)
            self.closing_edits.append(closing)
        self.makeup_opening = TimeEdit(objectName="makeupOpening")
        self.makeup_closing = TimeEdit(objectName="makeupClosing")
        for edit in (self.makeup_opening, self.makeup_closing):
            edit.setDisplayFormat("HH:mm")
        makeup_row = QWidget()
        makeup_layout = QHBoxLayout(makeup_row)
        makeup_layout.setContentsMargins(0, 0, 0, 0)
        makeup_layout.addWidget(self.makeup_opening)
        makeup_layout.addWidget(QLabel("–"))
        makeup_layout.addWidget(self.makeup_closing)
        makeup_layout.addStretch(1)
        self._makeup_caption = QLabel()
        makeup_error = widgets.error_label("makeup_hours")
        self.hours_form.addRow(self._makeup_caption, makeup_row)
        self.hours_form.addRow("", makeup_error)
        self.errors.add("makeup_hours", self.makeup_opening, makeup_error)
        hours_error = widgets.error_label("hours")
        self.hours_form.addRow("", hours_error)
        self.errors.add("hours", self.open_checks[0], hours_error)

        self.holidays = _DateList("holidays")
        self.makeup_days = _DateList("makeupDays", workday=True)
        # The official schedule in one action, or a list the store keeps.
        self.year_box = QSpinBox(objectName="holidayYear")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year + (1 if date.today().month == 12 else 0))
        self.load_year_button = QPushButton(objectName="loadHolidayYear")
        self.load_year_button.clicked.connect(self.load_official_year)
        self.import_list_button = QPushButton(objectName="importHolidayList")
        self.import_list_button.clicked.connect(self._on_import_list)
        self.holiday_notice = QLabel(objectName="holidayNotice")
        self.holiday_notice.setWordWrap(True)
        loader = QHBoxLayout()
        loader.addWidget(self.year_box)
        loader.addWidget(self.load_year_button)
        loader.addWidget(self.import_list_button)
        loader.addStretch(1)
        self._holidays_caption = QLabel()
        self._makeup_days_caption = QLabel()
        holidays_error = widgets.error_label("holidays")
        makeup_days_error = widgets.error_label("makeup_workdays")
        self.errors.add("holidays", self.holidays.list, holidays_error)
        self.errors.add("makeup_workdays", self.makeup_days.list, makeup_days_error)
        lists = QHBoxLayout()
        for caption, widget, error in ((self._holidays_caption, self.holidays, holidays_error),
                                       (self._makeup_days_caption, self.makeup_days,
                                        makeup_days_error)):
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(widget)
            column.addWidget(error)
            lists.addLayout(column)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(self.hours_form, 1)
        right = QVBoxLayout()
        right.addLayout(loader)
        right.addWidget(self.holiday_notice)
        right.addLayout(lists)
        top.addLayout(right, 1)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(self._footer())
        self.save_button.clicked.connect(self.save)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        for day, caption in enumerate(self._day_labels):
            caption.setText(labels.weekday(day) + ":")
            self.open_checks[day].setText(self.tr("Open"))
        self._makeup_caption.setText(self.tr("Make-up day hours:"))
        self._holidays_caption.setText(self.tr("Public holidays (closed):"))
        self._makeup_days_caption.setText(self.tr("Make-up working days (调休, open):"))
        for widget in (self.holidays, self.makeup_days):
            widget.add_button.setText(self.tr("Add"))
            widget.remove_button.setText(self.tr("Remove"))
            widget.until.setPlaceholderText(self.tr("to (optional)"))
        self.load_year_button.setText(self.tr("Load official holidays"))
        self.import_list_button.setText(self.tr("Import list…"))
        self.import_list_button.setToolTip(self.tr(
            "A text file with one date or range per line, e.g. 2027-10-01~2027-10-07; "
            "a line with 补班 or workday is a make-up working day"))
        self.note.setText(self.tr("Deadlines such as “30 minutes” or “before the end of the "
                                  "working day” run on these hours. Changes apply to sheets "
                                  "registered from now on."))

    def load_official_year(self) -> None:
        """Fill the lists with the official schedule of the chosen year (saved with
        the tab's Save, like any other change)."""
        year = self.year_box.value()
        try:
            days = holiday_svc.official_year(year)
        except HelpdeskError as exc:
            self._notice(messages.error_text(exc), error=True)
            return
        self.add_days([d.day for d in days if not d.workday],
                      [d.day for d in days if d.workday])
        self._notice(self.tr("%1: %2 days off and %3 make-up working days added; "
                             "press Save to keep them.").replace("%1", str(year))
                     .replace("%2", str(sum(not d.workday for d in days)))
                     .replace("%3", str(sum(d.workday for d in days))))

    def add_days(self, off: Iterable[date], worked: Iterable[date]) -> None:
        off, worked = list(off), list(worked)
        self.holidays.discard(worked)
        self.makeup_days.discard(off)
        for day in off:
            self.holidays.add(day)
        for day in worked:
            self.makeup_days.add(day)

    def import_list(self, path: Path) -> None:
        from helpdesk.domain import text

        content = text.decode_text(path.read_bytes())
        try:
            if content is None:
                raise ValidationError("holidays", "import.encoding",
                                      "the file is neither UTF-8 nor GB18030 text")
            off, worked = holiday_svc.parse_list(content)
        except HelpdeskError as exc:
            self._notice(messages.error_text(exc), error=True)
            return
        self.add_days(off, worked)
        self._notice(self.tr("%1 days off and %2 make-up working days added; press Save "
                             "to keep them.").replace("%1", str(len(off)))
                     .replace("%2", str(len(worked))))

    def _on_import_list(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import list…"), "",
                                              self.tr("Text (*.txt *.csv);;All files (*)"))
        if name:
            self.import_list(Path(name))

    def _notice(self, message: str, *, error: bool = False) -> None:
        self.holiday_notice.setText(message)
        self.holiday_notice.setStyleSheet(widgets.ERROR_STYLE if error else "")

    def load(self) -> None:
        data = settings_svc.get_store_settings(self._ctx.uow(), self._ctx.user_id,
                                               self._store_id)
        for day in range(7):
            hours = data.hours.get(day)
            self.open_checks[day].setChecked(hours is not None)
            opening, closing = hours or (data.makeup_hours or (None, None))
            if opening is not None:
                self.opening_edits[day].setTime(QTime(opening.hour, opening.minute))
                self.closing_edits[day].setTime(QTime(closing.hour, closing.minute))
            self.opening_edits[day].setEnabled(hours is not None)
            self.closing_edits[day].setEnabled(hours is not None)
        if data.makeup_hours:
            self.makeup_opening.setTime(QTime(data.makeup_hours[0].hour,
                                              data.makeup_hours[0].minute))
            self.makeup_closing.setTime(QTime(data.makeup_hours[1].hour,
                                              data.makeup_hours[1].minute))
        self.holidays.set_dates(data.holidays)
        self.makeup_days.set_dates(data.makeup_workdays)

    def save(self) -> None:
        hours = {day: (self.opening_edits[day].time().toPython(),
                       self.closing_edits[day].time().toPython())
                 for day in range(7) if self.open_checks[day].isChecked()}
        holidays, makeup_days = self.holidays.dates(), self.makeup_days.dates()
        makeup_hours = (self.makeup_opening.time().toPython(),
                        self.makeup_closing.time().toPython())
        try:
            widgets.write(self, lambda: settings_svc.save_calendar(
                self._ctx.uow(), self._ctx.user_id, self._store_id, hours=hours,
                holidays=holidays, makeup_workdays=makeup_days, makeup_hours=makeup_hours))
        except HelpdeskError as exc:
            self._failed(exc)
            return
        self.load()
        self._done()


# ====================================================================== SLA policy
class PolicyTab(_Tab):
    """The deadline table: one row per channel and severity (empty = any)."""

    COLUMNS = 8

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("policyTab")
        self.table = QTableWidget(0, self.COLUMNS, objectName="policyTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(objectName="addRuleButton")
        self.remove_button = QPushButton(objectName="removeRuleButton")
        self.preset_combo = QComboBox(objectName="resetPresetCombo")
        for key in PRESETS:
            self.preset_combo.addItem("", key)
        self.reset_button = QPushButton(objectName="resetPolicyButton")
        self.note = QLabel()
        self.note.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        tools.addWidget(self.preset_combo)
        tools.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.general_error)
        layout.addLayout(self._footer())
        self.add_button.clicked.connect(lambda: self._add_row(None))
        self.remove_button.clicked.connect(self._remove_row)
        self.reset_button.clicked.connect(self._reset)
        self.save_button.clicked.connect(self.save)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.table.setHorizontalHeaderLabels([
            self.tr("Channel"), self.tr("Severity"), self.tr("Response"), self.tr("Amount"),
            self.tr("Resolution"), self.tr("Amount"), self.tr("Escalate to maker"),
            self.tr("Note for staff")])
        self.add_button.setText(self.tr("Add row"))
        self.remove_button.setText(self.tr("Remove row"))
        self.reset_button.setText(self.tr("Replace by preset"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, labels.preset_label(self.preset_combo.itemData(i)))
        self.note.setText(self.tr("The most specific row wins; one row must be for any "
                                  "channel and any severity. Amounts are minutes or days, "
                                  "as the kind says. Changes apply to sheets registered "
                                  "from now on."))
        for row in range(self.table.rowCount()):
            self._label_row(row)
            item = self.table.item(row, 7)
            stored = str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
            if item is not None and stored and item.text() in {
                    vocabulary.preset_note(stored, lang) for lang in vocabulary.LANGUAGES}:
                item.setText(vocabulary.preset_note(stored, i18n.current_language()))

    def _combo(self, name: str, enum: type, value: str | None, *, any_text: bool) -> QComboBox:
        combo = QComboBox(objectName=name)
        if any_text:
            combo.addItem("", "")
        for member in enum:
            combo.addItem(labels.label(member), member.value)
        combo.setCurrentIndex(max(0, combo.findData(value or "")))
        return combo

    def _label_row(self, row: int) -> None:
        for column in (0, 1):
            combo = self.table.cellWidget(row, column)
            if isinstance(combo, QComboBox):
                combo.setItemText(0, self.tr("(any)"))
                enum = Channel if column == 0 else Severity
                for i in range(1, combo.count()):
                    combo.setItemText(i, labels.label(enum(combo.itemData(i))))
        for column in (2, 4):
            combo = self.table.cellWidget(row, column)
            if isinstance(combo, QComboBox):
                for i in range(combo.count()):
                    combo.setItemText(i, labels.label(DueKind(combo.itemData(i))))

    def _add_row(self, rule: object | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        channel = getattr(rule, "channel", None)
        severity = getattr(rule, "severity", None)
        response = getattr(rule, "response", None)
        resolution = getattr(rule, "resolution", None)
        self.table.setCellWidget(row, 0, self._combo(f"channel{row}", Channel,
                                                     channel.value if channel else None,
                                                     any_text=True))
        self.table.setCellWidget(row, 1, self._combo(f"severity{row}", Severity,
                                                     severity.value if severity else None,
                                                     any_text=True))
        for column, spec, name in ((2, response, "response"), (4, resolution, "resolution")):
            kind = self._combo(f"{name}Kind{row}", DueKind,
                               spec.kind.value if spec else DueKind.WORKING_MINUTES.value,
                               any_text=False)
            amount = QLineEdit(str(spec.amount) if spec else "30", objectName=f"{name}Amount{row}")
            amount.setMaximumWidth(80)
            self.table.setCellWidget(row, column, kind)
            self.table.setCellWidget(row, column + 1, amount)

            def follow(_index: int = 0, kind: QComboBox = kind, amount: QLineEdit = amount) -> None:
                # "Before the end of the working day" has no amount to type.
                amount.setEnabled(kind.currentData() != DueKind.END_OF_WORKDAY.value)
            kind.currentIndexChanged.connect(follow)
            follow()
        escalate = QCheckBox(objectName=f"escalate{row}")
        escalate.setChecked(bool(getattr(rule, "escalate_to_oem", False)))
        self.table.setCellWidget(row, 6, escalate)
        note = str(getattr(rule, "note", "") or "")
        item = QTableWidgetItem(vocabulary.preset_note(note, i18n.current_language()))
        item.setData(Qt.ItemDataRole.UserRole, note)  # a preset's note is saved as it was
        self.table.setItem(row, 7, item)
        self._label_row(row)

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def load(self) -> None:
        data = settings_svc.get_store_settings(self._ctx.uow(), self._ctx.user_id,
                                               self._store_id)
        self.table.setRowCount(0)
        for rule in data.policy.rules:
            self._add_row(rule)
        self.table.resizeColumnsToContents()

    def rules(self) -> list[settings_svc.RuleInput]:
        result = []
        for row in range(self.table.rowCount()):
            def widget(column: int, row: int = row) -> Any:
                return self.table.cellWidget(row, column)
            note = self.table.item(row, 7)
            result.append(settings_svc.RuleInput(
                channel=widget(0).currentData() or None,
                severity=widget(1).currentData() or None,
                response_kind=widget(2).currentData(),
                response_amount=widget(3).text(),
                resolution_kind=widget(4).currentData(),
                resolution_amount=widget(5).text(),
                escalate_to_oem=widget(6).isChecked(),
                note=_note_of(note)))
        return result

    def _register_cells(self) -> None:
        """Map the service's field keys (``rules[2].response.amount``) to the cells."""
        self.errors = widgets.FieldErrors()
        for row in range(self.table.rowCount()):
            label = self.general_error  # cells have no room: messages go below the table
            for key, column in (("channel", 0), ("severity", 1), ("response.kind", 2),
                                ("response.amount", 3), ("resolution.kind", 4),
                                ("resolution.amount", 5)):
                self.errors.add(f"rules[{row}].{key}", self.table.cellWidget(row, column),
                                label)
            self.errors.add(f"rules[{row}]", self.table.cellWidget(row, 0), label)
            self.errors.add(f"rules[{row}].note", self.table.cellWidget(row, 0), label)

    def save(self) -> None:
        self._register_cells()
        rules = self.rules()
        try:
            widgets.write(self, lambda: settings_svc.save_policy(
                self._ctx.uow(), self._ctx.user_id, self._store_id, rules))
        except HelpdeskError as exc:
            self._set_status("")
            errors = widgets.flatten(exc)
            rest = self.errors.show(errors)
            lines = [self.tr("Row %1: %2").replace("%1", str(_row_in(e.field, "rules") + 1))
                     .replace("%2", messages.error_text(e)) for e in errors
                     if _row_in(e.field, "rules") >= 0]
            lines += [messages.error_text(e) for e in rest]
            if not errors:
                lines = [messages.error_text(exc)]
            self.general_error.setText("\n".join(lines))
            self.general_error.show()
            return
        self.load()
        self._done()

    def _reset(self) -> None:
        """Put the preset's rows in the table after asking; Save keeps them, Refresh
        (F5) brings the saved table back."""
        preset = self.preset_combo.currentData()
        answer = QMessageBox.question(
            self, self.tr("Replace by preset"),
            self.tr("Replace the rows of the table by the preset “%1”? Nothing is saved "
                    "until you press Save; Refresh (F5) brings the saved table back.")
            .replace("%1", labels.preset_label(preset)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.table.setRowCount(0)
        for rule in PRESETS[preset]().rules:
            self._add_row(rule)
        self.table.resizeColumnsToContents()
        self.errors.clear()
        self.general_error.hide()
        self._set_status(self.tr("Preset loaded: press Save to keep it."))


def _note_of(item: QTableWidgetItem | None) -> str:
    """The note to save: a preset's note as stored unless the user changed its text."""
    if item is None:
        return ""
    stored = str(item.data(Qt.ItemDataRole.UserRole) or "")
    if stored and item.text() == vocabulary.preset_note(stored, i18n.current_language()):
        return stored
    return item.text()


def _row_in(field: str, name: str) -> int:
    """The row of a field path such as ``rules[2].note`` (``name`` is ``rules``), or -1."""
    prefix = f"{name}["
    if field.startswith(prefix) and "]" in field:
        try:
            return int(field[len(prefix):field.index("]")])
        except ValueError:
            return -1
    return -1


# ====================================================================== phrases
class PhrasesTab(_Tab):
    """The empty phrases refused as a measure (seed 003: 加强检查, 加强培训…)."""

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("phrasesTab")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edit = QPlainTextEdit(objectName="phrasesEdit")
        self.error = widgets.error_label("phrases")
        self.reset_button = QPushButton(objectName="resetPhrasesButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.general_error)
        row = self._footer()
        row.insertWidget(0, self.reset_button)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self._reset)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.intro.setText(self.tr("One phrase per line. A root cause or long-term measure "
                                   "made only of these words is refused; with concrete "
                                   "content (what changes, who, by when) it passes."))
        self.reset_button.setText(self.tr("Back to the built-in list"))

    def load(self) -> None:
        self.edit.setPlainText("\n".join(settings_svc.get_banned_phrases(
            self._ctx.uow(), self._ctx.user_id)))

    def save(self) -> None:
        lines = self.edit.toPlainText().split("\n")
        self.error.hide()
        try:
            widgets.write(self, lambda: settings_svc.save_banned_phrases(
                self._ctx.uow(), self._ctx.user_id, lines))
        except HelpdeskError as exc:
            widgets.set_invalid(self.edit, True)
            self.error.setText("\n".join(messages.error_text(e) for e in widgets.flatten(exc))
                               or messages.error_text(exc))
            self.error.show()
            self.edit.setFocus()
            return
        widgets.set_invalid(self.edit, False)
        self.load()
        self._done()

    def _reset(self) -> None:
        try:
            settings_svc.reset_banned_phrases(self._ctx.uow(), self._ctx.user_id)
        except HelpdeskError as exc:
            self._failed(exc)
            return
        self.load()
        self._done()


# ====================================================================== categories
class CategoriesTab(_Tab):
    """Complaint categories: a code and the name in each language."""

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("categoriesTab")
        self.table = QTableWidget(0, 4, objectName="categoriesTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(objectName="addCategoryButton")
        self.remove_button = QPushButton(objectName="removeCategoryButton")
        self.note = QLabel(objectName="categoriesNote")
        self.note.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.general_error)
        layout.addLayout(self._footer())
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.save_button.clicked.connect(self.save)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Simplified Chinese"), self.tr("Traditional Chinese"),
             self.tr("English")])
        self.add_button.setText(self.tr("Add category"))
        self.remove_button.setText(self.tr("Remove"))
        self.note.setText(self.tr("Leave the code of a new category empty: it is made from "
                                  "the pinyin of the Simplified Chinese name when you save. "
                                  "A category used by complaint sheets cannot be removed."))

    def load(self) -> None:
        categories = settings_svc.get_categories(self._ctx.uow())
        self._saved_codes = set(categories)
        self.table.setRowCount(0)
        for code, names in categories.items():
            self._append([code, *names[:3]])

    def _append(self, values: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _add(self) -> None:
        self._append(["", "", "", ""])
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        code = item.text().strip() if item else ""
        if code and code in self._saved_codes and settings_svc.category_in_use(
                self._ctx.uow(), code):
            # Refused here, so the row stays where it is (the service refuses it too).
            self._set_status("")
            self.general_error.setText(messages.format_code(
                "category.in_use", {"category": code, "name": self._cell(row, 1)}))
            self.general_error.show()
            return
        self.general_error.hide()
        self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item else ""

    def rows(self) -> list[settings_svc.CategoryInput]:
        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [settings_svc.CategoryInput(cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3))
                for r in range(self.table.rowCount())]

    def save(self) -> None:
        rows = self.rows()
        try:
            widgets.write(self, lambda: settings_svc.save_categories(
                self._ctx.uow(), self._ctx.user_id, rows))
        except HelpdeskError as exc:
            self._set_status("")
            errors = widgets.flatten(exc)
            lines = []
            for e in errors:
                row = _row_in(e.field, "categories")
                prefix = self.tr("Row %1: ").replace("%1", str(row + 1)) if row >= 0 else ""
                lines.append(prefix + messages.error_text(e))
            self.general_error.setText("\n".join(lines) or messages.error_text(exc))
            self.general_error.show()
            return
        self.load()
        self._done()
