"""``helpdesk.ui.app.run``: a first start on an empty database, end to end — setup,
login, the main window with every page, quit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from helpdesk.services import setup
from helpdesk.storage.database import open_database
from helpdesk.ui import app as app_mod
from helpdesk.ui import login as login_mod
from helpdesk.ui.opening import DatabaseOpener
from tests.ui.helpers import type_text, when_modal


@pytest.fixture
def restore_quit(qapp):
    yield
    qapp.setQuitOnLastWindowClosed(True)


def _when_main_window(look: Callable[[QWidget], None], left: int = 500) -> None:
    """Once the main window is up (polled from the event loop): ``look`` at it, close it."""
    window = next((w for w in QApplication.topLevelWidgets()
                   if w.objectName() == "mainWindow" and w.isVisible()), None)
    if window is None:
        if left:
            QTimer.singleShot(10, lambda: _when_main_window(look, left - 1))
        return
    look(window)
    window.close()


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
        QTimer.singleShot(0, lambda: _when_main_window(look))
        dialog.try_login()

    def look(window):
        seen["pages"] = list(window.page_actions)
        seen["user"] = window.user_label.text()

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


def _logged_in_user(qtbot, url: str) -> str:
    """Run the program, log in as the director at once (the login waits for the
    database when it is not open yet), close the main window; the user it named."""
    seen: dict[str, str] = {}

    def login(dialog):
        type_text(qtbot, dialog.findChild(QLineEdit, "username"), "director")
        type_text(qtbot, dialog.findChild(QLineEdit, "password"), "secret123")
        QTimer.singleShot(0, lambda: _when_main_window(
            lambda window: seen.__setitem__("user", window.user_label.text())))
        dialog.findChild(QPushButton, "loginButton").click()

    when_modal(login, name="loginDialog")
    assert app_mod.run(["--database", url, "--lang", "en"]) == 0
    return seen["user"]


def test_logging_in_while_the_database_opens_reaches_the_main_window(
        qtbot, ui_db, sample, restore_quit):
    # Issue 13: the login window comes before the database is open; a login asked for
    # at once waits for it (when it is not open yet: a race here, see
    # test_login_and_setup for the waiting itself), then goes through.
    assert "李建国" in _logged_in_user(qtbot, ui_db.url)


def _opener_watched(monkeypatch) -> list[bool]:
    """Whether the login window had been drawn, each time the database began to open."""
    drawn_when_opened: list[bool] = []
    start = DatabaseOpener.start

    def opening(opener):
        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "loginDialog" and w.isVisible())
        drawn_when_opened.append(window._drawn)
        start(opener)

    monkeypatch.setattr(DatabaseOpener, "start", opening)
    return drawn_when_opened


def test_the_database_opens_once_the_login_window_is_drawn(
        qtbot, ui_db, restore_quit, monkeypatch):
    # Issue 13: the opening thread's imports hold the interpreter for tens of
    # milliseconds; begun before the first paint, they held the login window back.
    monkeypatch.setattr(login_mod, "ON_SCREEN_ANYWAY_MS", 600_000)  # only the paint
    drawn_when_opened = _opener_watched(monkeypatch)
    assert "李建国" in _logged_in_user(qtbot, ui_db.url)
    assert drawn_when_opened == [True]


def test_a_login_window_never_drawn_opens_the_database_anyway(
        qtbot, ui_db, restore_quit, monkeypatch):
    # Started minimised, a window may not be drawn: the database opens all the same.
    monkeypatch.setattr(login_mod, "ON_SCREEN_ANYWAY_MS", 50)
    monkeypatch.setattr(login_mod.LoginDialog, "paintEvent", lambda self, event: None)
    drawn_when_opened = _opener_watched(monkeypatch)
    assert "李建国" in _logged_in_user(qtbot, ui_db.url)
    assert drawn_when_opened == [True]  # counted as on the screen by then


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path, restore_quit):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database file\n" * 100)
    seen: list[str] = []

    def problem(dialog):
        seen.append(dialog.findChild(QLabel, "databaseProblemText").text())
        dialog.reject()

    when_modal(problem, name="databaseProblemDialog")
    assert app_mod.run(["--database", str(broken), "--lang", "en"]) == 1
    assert len(seen) == 1 and "cannot be opened" in seen[0]
