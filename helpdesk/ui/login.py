"""The login dialog: user name, password, language; which database is open.

Failed attempts are counted, audited and rate-limited by ``services.users.login``; the
dialog only says what happened (wrong password, or locked until when). The password
check runs off the UI thread (argon2 takes a moment on purpose).

The dialog can be shown before the database is open (issue 13: the window comes first,
the database layer loads behind it): built without a unit-of-work factory it says the
database is being opened, and a login asked for meanwhile waits on the button until
:meth:`LoginDialog.set_database` hands the database over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.ui import error_label, i18n, messages

if TYPE_CHECKING:  # the services (and SQLAlchemy) load behind the window
    from helpdesk.services.common import UnitOfWork
    from helpdesk.services.dto import SessionUser

# Neither ``widgets`` (its progress dialog is wanted at the first login) nor the ``Qt``
# namespace (94 enums made in Python on first use) is imported before the window shows
# (issue 13).

LAST_USER_KEY = "login/last_user"
ON_SCREEN_ANYWAY_MS = 2000
"""When a login window that was shown but never drawn counts as on the screen."""


class LoginDialog(QDialog):
    """Asks who is at the desk.

    Attributes:
        user: the logged-in user once accepted.
        change_database: True when the user asked for another database instead.

    Signals:
        language_chosen(str): the user picked another language here.
        on_screen(): the window was drawn for the first time (one never drawn, as when
            started minimised: ``ON_SCREEN_ANYWAY_MS`` after it was shown).
    """

    language_chosen = Signal(str)
    on_screen = Signal()

    def __init__(self, uow: Callable[[], UnitOfWork] | None, database_description: str = "",
                 *, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._uow = uow  # None: the database is still being opened
        self._settings = settings
        self._database = database_description
        self._login_waiting = False  # "log in" was asked for before the database was open
        self.user: SessionUser | None = None
        self.change_database = False
        self._drawn = False

        self.title = QLabel(objectName="loginTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.username_edit = QLineEdit(objectName="username")
        self.username_edit.setText(str(settings.value(LAST_USER_KEY, "") or ""))
        self.password_edit = QLineEdit(objectName="password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.language_combo = QComboBox(objectName="languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language())))
        self.error_label = error_label.error_label("login")
        self.database_label = QLabel(objectName="loginDatabase")
        self.database_label.setWordWrap(True)
        error_label.selectable(self.database_label)
        self.database_button = QPushButton(objectName="databaseButton")

        self._username_label = QLabel()
        self._password_label = QLabel()
        self._language_label = QLabel()
        self._username_label.setBuddy(self.username_edit)
        self._password_label.setBuddy(self.password_edit)
        self._language_label.setBuddy(self.language_combo)
        form = QFormLayout()
        form.addRow(self._username_label, self.username_edit)
        form.addRow(self._password_label, self.password_edit)
        form.addRow(self._language_label, self.language_combo)
        self.buttons = QDialogButtonBox()
        # Not by the constructor: choosing among its overloads (one takes a
        # Qt.Orientation) makes PySide build the whole Qt namespace, ~50 ms (issue 13).
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setObjectName("loginButton")
        self.buttons.addButton(self.database_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.database_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self.database_button.clicked.connect(self._on_change_database)
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self._retranslate()
        (self.password_edit if self.username_edit.text() else self.username_edit).setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._drawn:
            QTimer.singleShot(ON_SCREEN_ANYWAY_MS, self._now_on_screen)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self._now_on_screen()

    def _now_on_screen(self) -> None:
        if not self._drawn:
            self._drawn = True
            self.on_screen.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — Helpdesk"))
        self.title.setText(self.tr("Complaint desk"))
        self._username_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        self._language_label.setText(self.tr("&Language:"))
        self.login_button.setText(_opening_text() if self._login_waiting else self.tr("Log &in"))
        self.database_button.setText(self.tr("&Database…"))
        self.database_label.setText(_opening_text() if self._uow is None else
                                    self.tr("Database: %1").replace("%1", self._database))

    def set_database(self, uow: Callable[[], UnitOfWork], description: str) -> None:
        """The database is open: show where it is, and log in if that was asked for."""
        self._uow = uow
        self._database = description
        waiting, self._login_waiting = self._login_waiting, False
        self.login_button.setEnabled(True)
        self._retranslate()
        if waiting:
            self.try_login()

    def _on_language(self) -> None:
        lang = self.language_combo.currentData()
        i18n.switch(lang, self._settings)
        self.language_chosen.emit(lang)

    def _on_change_database(self) -> None:
        self.change_database = True
        self.reject()

    def try_login(self) -> bool:
        """Check the password (off the UI thread); accept the dialog on success."""
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        self.error_label.hide()
        if not username:
            self._show(self.tr("Enter your user name."))
            self.username_edit.setFocus()
            return False
        self.login_button.setEnabled(False)
        if self._uow is None:  # set_database() logs in once the database is open
            self._login_waiting = True
            self.login_button.setText(_opening_text())
            return False
        from helpdesk.services import users
        from helpdesk.ui import widgets

        uow = self._uow
        try:
            self.user = widgets.run_with_progress(
                self, lambda _progress: users.login(uow(), username, password),
                self.tr("Checking the password…"), minimum_ms=600)
        except HelpdeskError as exc:
            self._show(messages.error_text(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return False
        finally:
            self.login_button.setEnabled(True)
        self._settings.setValue(LAST_USER_KEY, username)
        self._warn_about_clock()
        self.accept()
        return True

    def _warn_about_clock(self) -> None:
        """Issue 9: a desk whose clock is off by more than a minute is told at login
        (the program uses the server's clock; other programs on this PC do not)."""
        from PySide6.QtWidgets import QMessageBox

        from helpdesk.services import common

        if not common.clock_off():
            return
        minutes = round(common.clock_offset().total_seconds() / 60)
        text = (self.tr("This computer's clock is %n minute(s) behind the database "
                        "server's.", "", minutes) if minutes > 0 else
                self.tr("This computer's clock is %n minute(s) ahead of the database "
                        "server's.", "", -minutes))
        QMessageBox.warning(self, self.tr("Clock"), text + "\n" + self.tr(
            "Helpdesk uses the server's time for every sheet; please have the "
            "computer's clock set right."))

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


def _opening_text() -> str:
    return QCoreApplication.translate("app", "Opening the database…")
