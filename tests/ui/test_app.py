"""``helpdesk.ui.app.run``: a first start on an empty database, end to end — setup,
login, the main window with every page, quit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from helpdesk.services import setup
from helpdesk.storage.database import open_database
from helpdesk.ui import app as app_mod
from tests.ui.helpers import when_modal


@pytest.fixture
def restore_quit(qapp):
    yield
    qapp.setQuitOnLastWindowClosed(True)


def test_first_start_setup_login_main_window_quit(qtbot, tmp_path, restore_quit):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    seen: dict[str, object] = {}

    def first_run(dialog):
        seen["first"] = dialog.objectName()
        dialog.store_name.setText("天顺汽车4S店")
        dialog.store_code.setText("TS")
        dialog.admin_username_edit.setText("admin")
        dialog.password_edit.setText("secret123")
        dialog.confirm_edit.setText("secret123")
        when_modal(login, name="loginDialog")
        dialog.setup_button.click()

    def login(dialog):
        seen["login"] = dialog.objectName()
        dialog.findChild(QLineEdit, "username").setText("admin")
        dialog.findChild(QLineEdit, "password").setText("secret123")
        QTimer.singleShot(0, close_main_window)
        dialog.try_login()

    def close_main_window(left: int = 300):
        window = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "mainWindow" and w.isVisible()), None)
        if window is None:
            if left:
                QTimer.singleShot(10, lambda: close_main_window(left - 1))
            return
        seen["pages"] = list(window.page_actions)
        seen["user"] = window.user_label.text()
        window.close()

    when_modal(first_run, name="firstRunDialog")
    assert app_mod.run(["--database", url, "--lang", "en"]) == 0
    assert seen["first"] == "firstRunDialog" and seen["login"] == "loginDialog"
    assert seen["pages"] == ["complaints", "customers", "reports", "settings"]
    assert seen["user"] == "Administrator (Administrator)"
    database = open_database(url)
    try:
        assert setup.is_initialised(database.uow())
    finally:
        database.dispose()


def test_quitting_at_login_ends_the_program(qtbot, ui_db, restore_quit):
    when_modal(lambda dialog: dialog.reject(), name="loginDialog")
    assert app_mod.run(["--database", ui_db.url]) == 0
