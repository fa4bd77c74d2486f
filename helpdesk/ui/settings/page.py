"""The Settings page: tabs by role.

Everyone: language and own password ("Me"), and where this machine's database is.
Administrators (``MANAGE_SETTINGS``): store data, working hours and calendar, the SLA
policy table, banned phrases, categories. ``MANAGE_USERS``: users and roles.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError, ValidationError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission, Role
from helpdesk.services import session, setup, users
from helpdesk.services.dto import UserInfo
from helpdesk.ui import formatting, i18n, labels, messages, widgets
from helpdesk.ui.complaints import dialogs
from helpdesk.ui.context import AppContext
from helpdesk.ui.settings import store_tabs
from helpdesk.ui.settings.live_tab import TimeAndWarningsTab


# ====================================================================== users
class UsersTab(QWidget):
    """Staff users and their roles (a user without a password cannot log in but can be
    made responsible for a sheet)."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersTab")
        self._ctx = ctx
        self._users: list[UserInfo] = []
        self.table = QTableWidget(0, 5, objectName="usersTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(objectName="addUserButton")
        self.edit_button = QPushButton(objectName="editUserButton")
        self.password_button = QPushButton(objectName="setPasswordButton")
        self.status = QLabel(objectName="usersStatus")
        tools = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.password_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.set_password)
        self.table.doubleClicked.connect(lambda *_: self.edit_user())
        self._retranslate()
        self.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.load()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Roles"), self.tr("Status"),
             self.tr("Last login")])
        self.add_button.setText(self.tr("Add user…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.password_button.setText(self.tr("Set password…"))

    def load(self) -> None:
        self._users = users.list_users(self._ctx.uow())
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            status = self.tr("Active") if user.active else self.tr("Deactivated")
            if user.active and not user.can_login:
                status = self.tr("Active, no login")
            values = [user.username, user.display_name, labels.roles_text(user.roles), status,
                      formatting.datetime_text(user.last_login_at)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user.id)
                self.table.setItem(row, column, item)

    def selected(self) -> UserInfo | None:
        row = self.table.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _role_checks(self, chosen: tuple[Role, ...] = ()) -> tuple[QWidget, list[QCheckBox]]:
        box = QWidget(objectName="rolesBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        checks = []
        for role in Role:
            check = QCheckBox(labels.label(role), objectName=f"role_{role.value}")
            check.setProperty("role", role.value)
            check.setChecked(role in chosen)
            layout.addWidget(check)
            checks.append(check)
        return box, checks

    def add_user(self) -> None:
        username = QLineEdit(objectName="newUsername")
        name = QLineEdit(objectName="newDisplayName")
        password = QLineEdit(objectName="newPassword")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        roles_box, checks = self._role_checks((Role.FRONT_DESK,))
        store_id = self._ctx.user.store_id if self._ctx.user else None
        fields = [
            dialogs.Field("username", self.tr("User name:"), username, username.text),
            dialogs.Field("display_name", self.tr("Name:"), name, name.text),
            dialogs.Field("roles", self.tr("Roles:"), roles_box,
                          lambda: [c.property("role") for c in checks if c.isChecked()]),
            dialogs.Field("password", self.tr("Password (empty: cannot log in):"), password,
                          password.text),
        ]

        def submit(v: dict[str, Any]) -> UserInfo:
            return users.create_user(self._ctx.uow(), self._ctx.user_id, v["username"],
                                     v["display_name"], v["roles"], v["password"] or None,
                                     store_id=store_id)

        self._run(dialogs.ActionDialog(self.tr("Add user"), fields, submit, parent=self))

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        name = QLineEdit(user.display_name, objectName="editDisplayName")
        active = QCheckBox(self.tr("May log in and be chosen"), objectName="activeCheck")
        active.setChecked(user.active)
        roles_box, checks = self._role_checks(user.roles)
        fields = [
            dialogs.Field("display_name", self.tr("Name:"), name, name.text),
            dialogs.Field("roles", self.tr("Roles:"), roles_box,
                          lambda: [c.property("role") for c in checks if c.isChecked()]),
            dialogs.Field("active", self.tr("Active:"), active, active.isChecked),
        ]

        def submit(v: dict[str, Any]) -> UserInfo:
            return users.update_user(self._ctx.uow(), self._ctx.user_id, user.id,
                                     display_name=v["display_name"], roles=v["roles"],
                                     active=v["active"])

        self._run(dialogs.ActionDialog(self.tr("Edit %1").replace("%1", user.username),
                                       fields, submit, parent=self))

    def set_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password = QLineEdit(objectName="setPassword")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        fields = [dialogs.Field("password", self.tr("New password:"), password, password.text)]

        def submit(v: dict[str, Any]) -> bool:
            users.set_password(self._ctx.uow(), self._ctx.user_id, user.id, v["password"])
            return True

        self._run(dialogs.ActionDialog(
            self.tr("Password of %1").replace("%1", user.username), fields, submit,
            parent=self))

    def _run(self, dialog: dialogs.ActionDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Saved."))
            self.load()


# ====================================================================== database
class DatabaseTab(QWidget):
    """Where this machine's database is: a SQLite file or a PostgreSQL server."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseTab")
        self._ctx = ctx
        self.current_label = QLabel(objectName="currentDatabase")
        self.current_label.setWordWrap(True)
        self.current_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_edit = QLineEdit(objectName="databaseLocation")
        self.location_edit.setText(session.configured_location())
        self.browse_button = QPushButton(objectName="browseDatabaseButton")
        self.test_button = QPushButton(objectName="testDatabaseButton")
        self.save_button = QPushButton(objectName="saveDatabaseButton")
        self.default_button = QPushButton(objectName="defaultDatabaseButton")
        self.result_label = QLabel(objectName="databaseTestResult")
        self.result_label.setWordWrap(True)
        self.error = widgets.error_label("database")
        self.help = QLabel()
        self.help.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.location_edit, 1)
        row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.default_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.help)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.browse_button.clicked.connect(self._browse)
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.default_button.clicked.connect(lambda: self.location_edit.setText(""))
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.current_label.setText(self.tr("Open now: %1").replace(
            "%1", self._ctx.database_description))
        self.help.setText(self.tr(
            "One desk: a SQLite file on this computer (never on a network drive). Several "
            "desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. "
            "Leave empty for the default file in your data folder. The new location is used "
            "from the next start."))
        self.location_edit.setPlaceholderText(session.default_location())
        self.browse_button.setText(self.tr("Choose file…"))
        self.test_button.setText(self.tr("&Test connection"))
        self.save_button.setText(self.tr("Use from next start"))
        self.default_button.setText(self.tr("Default file"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), session.default_location(),
            self.tr("Helpdesk database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.location_edit.setText(path)

    def test(self) -> None:
        """Try the location off the UI thread and say what was found."""
        location = self.location_edit.text().strip() or session.default_location()
        self.test_button.setEnabled(False)
        self.error.hide()
        self.result_label.setText(self.tr("Connecting…"))

        def done(report: session.ConnectionReport) -> None:
            self.test_button.setEnabled(True)
            self.show_report(report)

        def failed(exc: Exception) -> None:
            self.test_button.setEnabled(True)
            self.result_label.setText(messages.unexpected_text(exc))

        self._ctx.run(lambda: session.check_connection(location), done, failed,
                      label=self.tr("Testing the database connection…"))

    def show_report(self, report: session.ConnectionReport) -> None:
        if not report.ok:
            widgets.set_invalid(self.location_edit, True)
            self.result_label.setText(self.tr("✗ Cannot connect: %1").replace(
                "%1", messages.error_text(report.error) if report.error else ""))
            return
        widgets.set_invalid(self.location_edit, False)
        if report.initialised:
            text = self.tr("✓ Connected: a Helpdesk database, ready to use.")
        elif report.needs_upgrade:
            text = self.tr("✓ Connected: a Helpdesk database of an older version; it is "
                           "upgraded (after a backup) when opened.")
        else:
            text = self.tr("✓ Connected: empty; Helpdesk will offer the first-run setup.")
        self.result_label.setText(text + "\n" + report.description)

    def save(self) -> None:
        try:
            described = session.save_location(self.location_edit.text())
        except HelpdeskError as exc:
            widgets.set_invalid(self.location_edit, True)
            self.error.setText(messages.error_text(exc))
            self.error.show()
            return
        widgets.set_invalid(self.location_edit, False)
        self.error.hide()
        text = self.tr("Saved: Helpdesk opens %1 from the next start.").replace("%1", described)
        password_in = session.password_storage()
        if password_in == "keyring":
            text += "\n" + self.tr("The password is kept in the system's credential store.")
        elif password_in == "config":
            text += "\n" + self.tr(
                "This computer has no credential store: the password is kept in the "
                "configuration file, readable only by you.")
        self.result_label.setText(text)


# ====================================================================== me
class PersonalTab(QWidget):
    """The language of this desk and the user's own password."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personalTab")
        self._ctx = ctx
        self.language_combo = QComboBox(objectName="languageSetting")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language())))
        self.password_box = QGroupBox()
        self.old_edit = QLineEdit(objectName="oldPassword")
        self.new_edit = QLineEdit(objectName="newOwnPassword")
        self.confirm_edit = QLineEdit(objectName="confirmOwnPassword")
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_button = QPushButton(objectName="changePasswordButton")
        self.status = QLabel(objectName="personalStatus")
        self.errors = widgets.FieldErrors()
        self._captions = [QLabel() for _ in range(4)]
        lang_form = QFormLayout()
        self._captions[0].setBuddy(self.language_combo)
        lang_form.addRow(self._captions[0], self.language_combo)
        form = QFormLayout(self.password_box)
        for caption, (key, edit) in zip(self._captions[1:], (
                ("old_password", self.old_edit), ("password", self.new_edit),
                ("password_confirm", self.confirm_edit)), strict=True):
            caption.setBuddy(edit)
            error = widgets.error_label(key)
            form.addRow(caption, edit)
            form.addRow("", error)
            self.errors.add(key, edit, error)
        form.addRow("", self.password_button)
        layout = QVBoxLayout(self)
        layout.addLayout(lang_form)
        layout.addWidget(self.password_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.password_button.clicked.connect(self.change_password)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        for caption, text in zip(self._captions, (
                self.tr("&Language:"), self.tr("Current password:"), self.tr("New password:"),
                self.tr("New password again:")), strict=True):
            caption.setText(text)
        self.password_box.setTitle(self.tr("My password"))
        self.password_button.setText(self.tr("Change my password"))

    def _on_language(self) -> None:
        lang = self.language_combo.currentData()
        i18n.switch(lang, self._ctx.settings)
        self._ctx.bus.language_changed.emit(lang)

    def change_password(self) -> None:
        self.status.clear()
        if self.new_edit.text() != self.confirm_edit.text():
            self.errors.show([ValidationError("password_confirm", "password.mismatch",
                                              "the passwords differ")])
            return
        try:
            users.set_password(self._ctx.uow(), self._ctx.user_id, self._ctx.user_id,
                               self.new_edit.text(), self.old_edit.text())
        except HelpdeskError as exc:
            rest = self.errors.show(widgets.flatten(exc))
            if rest or not widgets.flatten(exc):
                self.status.setText(messages.error_text(exc))
            return
        self.errors.clear()
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.status.setText(self.tr("Your password is changed."))


# ====================================================================== page
class SettingsPage(QWidget):
    """All settings, in tabs; administrators see the store's, everyone their own."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.setStyleSheet(widgets.FIELD_STYLE)
        self._ctx = ctx
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.store_combo = QComboBox(objectName="settingsStore")
        self._store_caption = QLabel()
        self._tab_titles: list[tuple[QWidget, str]] = []
        stores = setup.list_stores(ctx.uow())
        for store in stores:
            self.store_combo.addItem(store.name, store.id)
        user = ctx.user
        if user is not None and user.store_id is not None:
            self.store_combo.setCurrentIndex(max(0, self.store_combo.findData(user.store_id)))
        top = QHBoxLayout()
        top.addWidget(self._store_caption)
        top.addWidget(self.store_combo)
        top.addStretch(1)
        self._store_caption.setVisible(len(stores) > 1)
        self.store_combo.setVisible(len(stores) > 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.store_combo.currentIndexChanged.connect(self._build_tabs)
        self._build_tabs()
        ctx.bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """Store names (the store choice) and the user list follow changes made
        elsewhere; the store tabs keep what is being edited in them."""
        if changes.settings or changes.everything:
            for store in setup.list_stores(self._ctx.uow()):
                index = self.store_combo.findData(store.id)
                if index >= 0:
                    self.store_combo.setItemText(index, store.name)
        if changes.users or changes.everything:
            users_tab = self.tab("usersTab")
            if isinstance(users_tab, UsersTab):
                users_tab.load()

    def _build_tabs(self) -> None:
        current = self.tabs.currentWidget().objectName() if self.tabs.count() else ""
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        ctx = self._ctx
        store_id = self.store_combo.currentData()
        tabs: list[QWidget] = [PersonalTab(ctx), DatabaseTab(ctx)]
        if ctx.user is not None and ctx.user.can(Permission.MANAGE_SETTINGS) and store_id:
            tabs[0:0] = [store_tabs.StoreTab(ctx, store_id), store_tabs.CalendarTab(ctx, store_id),
                         store_tabs.PolicyTab(ctx, store_id), store_tabs.PhrasesTab(ctx, store_id),
                         store_tabs.CategoriesTab(ctx, store_id),
                         TimeAndWarningsTab(ctx, store_id)]  # issue 9
        if ctx.user is not None and ctx.user.can(Permission.MANAGE_USERS):
            tabs.insert(len(tabs) - 2, UsersTab(ctx))
        for tab in tabs:
            self.tabs.addTab(tab, "")
        self._retranslate()
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == current:
                self.tabs.setCurrentIndex(i)

    def refresh(self) -> None:
        """Refresh (F5): every tab shows the settings as saved now (unsaved edits go)."""
        self._build_tabs()

    def tab(self, name: str) -> QWidget | None:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == name:
                return self.tabs.widget(i)
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._store_caption.setText(self.tr("Store:"))
        titles = {
            "storeTab": self.tr("Store"), "calendarTab": self.tr("Working hours"),
            "policyTab": self.tr("Deadlines (SLA)"), "phrasesTab": self.tr("Banned phrases"),
            "categoriesTab": self.tr("Categories"), "usersTab": self.tr("Users and roles"),
            "databaseTab": self.tr("Database"), "personalTab": self.tr("Language and password"),
            "timeTab": self.tr("Time and warnings"),
        }
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, titles.get(self.tabs.widget(i).objectName(), ""))
