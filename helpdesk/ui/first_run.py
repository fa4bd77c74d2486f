"""First start on an empty database: set up the store, or load the demo data.

Setting up asks for what the program cannot guess: the store's name and code (the code
prefixes every sheet number), the deadline preset (dealership, retail store, general
customer service), the working hours, and the first administrator. The demo loads a
small invented dealership in the background and then shows its logins.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from html import escape
from types import EllipsisType
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.errors import HelpdeskError, ValidationError, ValidationErrors
from helpdesk.domain.sla import PRESETS
from helpdesk.services import setup
from helpdesk.services.common import UnitOfWork
from helpdesk.ui import labels, messages, widgets
from helpdesk.ui.date_edits import TimeEdit

# Opening hours and open weekdays proposed for each preset (the user can change them).
_PRESET_HOURS: dict[str, tuple[time, time, tuple[int, ...]]] = {
    "dealership": (time(8, 30), time(18, 0), (0, 1, 2, 3, 4, 5, 6)),
    "retail": (time(10, 0), time(22, 0), (0, 1, 2, 3, 4, 5, 6)),
    "crm": (time(9, 0), time(18, 0), (0, 1, 2, 3, 4)),
}

def demo_loader() -> Callable[..., Any] | None:
    """``demo.generator.load_demo`` when it is installed, else None."""
    try:
        from helpdesk.demo import generator as demo
    except ImportError:
        return None
    return getattr(demo, "load_demo", None)


class FirstRunDialog(QDialog):
    """Sets up an empty database.

    Attributes:
        demo_summary: what the demo load created, when the user chose the demo.
        admin_username: the administrator created by the setup.
    """

    def __init__(self, uow: Callable[[], UnitOfWork], *,
                 load_demo: Callable[..., Any] | None | EllipsisType = ...,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setStyleSheet(widgets.FIELD_STYLE)
        self._uow = uow
        # ``...``: the demo of ``demo.generator`` when installed; None: no demo offered.
        self._load_demo = demo_loader() if load_demo is ... else load_demo
        self.demo_summary: Any = None
        self.admin_username = ""
        self.errors = widgets.FieldErrors()

        self.intro = QLabel(objectName="firstRunIntro")
        self.intro.setWordWrap(True)
        self.store_box = QGroupBox()
        self.store_name = QLineEdit(objectName="storeName")
        self.store_code = QLineEdit(objectName="storeCode")
        self.store_code.setMaxLength(8)
        self.preset_combo = QComboBox(objectName="presetCombo")
        for key in PRESETS:
            self.preset_combo.addItem("", key)
        self.opening = TimeEdit(objectName="openingTime")
        self.closing = TimeEdit(objectName="closingTime")
        for edit in (self.opening, self.closing):
            edit.setDisplayFormat("HH:mm")
        self.day_checks = [QCheckBox(objectName=f"openDay{d}") for d in range(7)]
        days = QWidget()
        days_layout = QHBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        for check in self.day_checks:
            days_layout.addWidget(check)
        hours = QWidget()
        hours_layout = QHBoxLayout(hours)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        hours_layout.addWidget(self.opening)
        hours_layout.addWidget(QLabel("–"))
        hours_layout.addWidget(self.closing)
        hours_layout.addStretch(1)
        self.admin_box = QGroupBox()
        self.admin_username_edit = QLineEdit(objectName="adminUsername")
        self.admin_name_edit = QLineEdit(objectName="adminName")
        self.password_edit = QLineEdit(objectName="adminPassword")
        self.confirm_edit = QLineEdit(objectName="adminPasswordConfirm")
        for edit in (self.password_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)

        self._captions: dict[str, QLabel] = {}
        store_form = QFormLayout(self.store_box)
        self._row(store_form, "store_name", self.store_name)
        self._row(store_form, "store_code", self.store_code)
        self._row(store_form, "preset", self.preset_combo)
        self._row(store_form, "hours", hours, error_widget=self.opening)
        self._row(store_form, "days", days, error_widget=self.day_checks[0])
        admin_form = QFormLayout(self.admin_box)
        self._row(admin_form, "username", self.admin_username_edit)
        self._row(admin_form, "display_name", self.admin_name_edit)
        self._row(admin_form, "admin_password", self.password_edit, aliases=("password",))
        self._row(admin_form, "password_confirm", self.confirm_edit)

        self.setup_button = QPushButton(objectName="setupButton")
        self.setup_button.setDefault(True)
        self.demo_button = QPushButton(objectName="demoButton")
        self.demo_button.setVisible(self._load_demo is not None)
        self.cancel_button = QPushButton(objectName="cancelButton")
        self.general_error = widgets.error_label("general")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.store_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        # The dialog grows with the messages under its fields (wrapped over two lines).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(560)

        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        self.setup_button.clicked.connect(self.set_up)
        self.demo_button.clicked.connect(self.load_demo)
        self.cancel_button.clicked.connect(self.reject)
        self._retranslate()
        self._on_preset()
        self.store_name.setFocus()

    def _row(self, form: QFormLayout, key: str, widget: QWidget, *,
             error_widget: QWidget | None = None, aliases: tuple[str, ...] = ()) -> None:
        caption = QLabel()
        caption.setBuddy(error_widget or widget)
        self._captions[key] = caption
        error = widgets.error_label(key)
        form.addRow(caption, widget)
        form.addRow("", error)
        self.errors.add(key, error_widget or widget, error, aliases)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Helpdesk"))
        self.intro.setText(self.tr(
            "This database is empty. Set up your store and its first administrator — or "
            "load the demo data to look around first."))
        self.store_box.setTitle(self.tr("Store"))
        self.admin_box.setTitle(self.tr("First administrator"))
        captions = {
            "store_name": self.tr("Store &name:"), "store_code": self.tr("Store &code:"),
            "preset": self.tr("&Deadlines:"), "hours": self.tr("Working &hours:"),
            "days": self.tr("Open on:"), "username": self.tr("&User name:"),
            "display_name": self.tr("Full name:"), "admin_password": self.tr("&Password:"),
            "password_confirm": self.tr("Password &again:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self.store_code.setPlaceholderText(self.tr("Empty: the pinyin initials of the name "
                                                   "(天顺 → TS); starts every sheet number"))
        self.store_name.setPlaceholderText(self.tr("e.g. 天顺汽车4S店"))
        self.admin_username_edit.setPlaceholderText("admin")
        self.password_edit.setPlaceholderText(self.tr("at least 8 characters, letters and "
                                                      "digits"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, labels.preset_label(self.preset_combo.itemData(i)))
        for day, check in enumerate(self.day_checks):
            check.setText(labels.weekday_short(day))
            check.setToolTip(labels.weekday(day))
        self.setup_button.setText(self.tr("&Set up"))
        self.demo_button.setText(self.tr("&Load demo data"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _on_preset(self) -> None:
        opening, closing, days = _PRESET_HOURS.get(self.preset_combo.currentData(),
                                                   _PRESET_HOURS["dealership"])
        self.opening.setTime(QTime(opening.hour, opening.minute))
        self.closing.setTime(QTime(closing.hour, closing.minute))
        for day, check in enumerate(self.day_checks):
            check.setChecked(day in days)

    # ------------------------------------------------------------ setting up
    def _calendar(self) -> StoreCalendar:
        opening = self.opening.time().toPython()
        closing = self.closing.time().toPython()
        errors = []
        if not opening < closing:
            errors.append(ValidationError("hours", "calendar.hours_order", "opening after "
                                          "closing", opening=opening, closing=closing))
        if not any(c.isChecked() for c in self.day_checks):
            errors.append(ValidationError("days", "calendar.no_working_days",
                                          "the store is never open"))
        if errors:
            raise ValidationErrors(errors)
        hours = {d: (opening, closing) for d, c in enumerate(self.day_checks) if c.isChecked()}
        return StoreCalendar.create(hours)

    def set_up(self) -> bool:
        self.general_error.hide()
        errors: list[ValidationError] = []
        try:
            calendar = self._calendar()
        except ValidationErrors as exc:
            errors.extend(exc.errors)
            calendar = None
        if self.password_edit.text() != self.confirm_edit.text():
            errors.append(ValidationError("password_confirm", "password.mismatch",
                                          "the passwords differ"))
        values = {
            "store_name": self.store_name.text(),
            "store_code": self.store_code.text().strip() or
            setup.default_store_code(self.store_name.text()),
            "preset": self.preset_combo.currentData(),
            "admin_username": self.admin_username_edit.text().strip(),
            "admin_password": self.password_edit.text(),
            "admin_display_name": self.admin_name_edit.text().strip() or
            self.tr("Administrator"),
        }
        errors += setup.setup_problems(**values)
        if errors:
            self.errors.show(errors)
            self._fit_messages()
            return False
        try:
            widgets.run_with_progress(
                self, lambda _p: setup.initialise(self._uow(), calendar=calendar, **values),
                self.tr("Setting up…"))
        except HelpdeskError as exc:
            self._show_errors(exc)
            return False
        self.admin_username = values["admin_username"]
        self.accept()
        return True

    def _fit_messages(self) -> None:
        """Give each wrapped message the lines it needs: a form layout sizes a row for
        one line, which cut the store code's message off."""
        self.layout().activate()
        for label in self.findChildren(QLabel):
            if label.objectName().startswith("error_") and label.wordWrap():
                label.setMinimumHeight(label.heightForWidth(label.width())
                                       if label.text() else 0)
        self.adjustSize()

    def _show_errors(self, exc: HelpdeskError) -> None:
        rest = self.errors.show(widgets.flatten(exc))
        self._fit_messages()
        if rest or not widgets.flatten(exc):
            self.general_error.setText("\n".join(messages.error_text(e) for e in rest)
                                       if rest else messages.error_text(exc))
            self.general_error.show()

    # ------------------------------------------------------------ demo
    def load_demo(self) -> bool:
        """Load the small demo (in the background) and show its logins."""
        if self._load_demo is None:
            return False
        from helpdesk.demo import generator as demo

        customers, sheets = demo.SIZES["small"]
        loader = self._load_demo

        def work(progress: Callable[..., None]) -> Any:
            def report(stage: str, done: int, total: int) -> None:
                progress(self.stage_text(stage), done, total)
            return loader(self._uow(), customers=customers, sheets=sheets, progress=report)

        try:
            self.demo_summary = widgets.run_with_progress(
                self, work, self.tr("Loading the demo data…"), minimum_ms=0)
        except HelpdeskError as exc:
            self._show_errors(exc)
            return False
        self.show_demo_logins()
        self.accept()
        return True

    def stage_text(self, stage: str) -> str:
        texts = {
            "setup": self.tr("Setting up the store and its staff…"),
            "customers": self.tr("Inventing customers…"),
            "sheets": self.tr("Inventing complaint sheets…"),
            "indexes": self.tr("Building the search index…"),
        }
        return texts.get(stage, stage)

    def demo_logins_text(self) -> str:
        """The demo users as a table (rich text: padding with spaces would not line up
        in a proportional font)."""
        from helpdesk.domain.users import Role

        summary = self.demo_summary
        intro = self.tr("The demo data is loaded. Log in as one of these users, all with "
                        "the password %1:").replace("%1", f"<b>{escape(summary.password)}</b>")
        rows = []
        for username, role in summary.users.items():
            try:
                role_text = labels.label(Role(role))
            except ValueError:
                role_text = role
            rows.append(f"<tr><td><tt>{escape(username)}</tt></td>"
                        f"<td style='padding-left:16px'>{escape(role_text)}</td></tr>")
        return f"<p>{intro}</p><table>{''.join(rows)}</table>"

    def show_demo_logins(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Demo logins"),
                          self.demo_logins_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setObjectName("demoLoginsBox")
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.exec()
