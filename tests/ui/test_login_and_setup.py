"""First-run setup and login, typed the way a person does; checked through services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from helpdesk.services import common, setup, users
from helpdesk.storage.database import open_database
from helpdesk.ui.first_run import FirstRunDialog
from helpdesk.ui.login import LAST_USER_KEY, LoginDialog
from tests.ui.helpers import activate, type_text, when_modal


@pytest.fixture
def empty_db(tmp_path, clock):
    database = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    yield database
    database.dispose()


def test_first_run_sets_up_the_store_and_admin(qtbot, empty_db):
    dialog = FirstRunDialog(empty_db.uow, load_demo=None)
    qtbot.addWidget(dialog)
    assert not dialog.demo_button.isVisibleTo(dialog)
    type_text(qtbot, dialog.store_name, "天顺汽车4S店")
    qtbot.keyClicks(dialog.store_code, "ts")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("retail"))
    assert dialog.opening.time().hour() == 10  # the retail preset's hours
    dialog.day_checks[0].setChecked(False)  # closed on Mondays
    qtbot.keyClicks(dialog.admin_username_edit, "boss")
    type_text(qtbot, dialog.admin_name_edit, "孙经理")
    qtbot.keyClicks(dialog.password_edit, "secret123")
    qtbot.keyClicks(dialog.confirm_edit, "secret123")
    qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert setup.is_initialised(empty_db.uow())
    store = setup.list_stores(empty_db.uow())[0]
    assert (store.code, store.name, store.preset) == ("TS", "天顺汽车4S店", "retail")
    user = users.login(empty_db.uow(), "boss", "secret123")
    assert user.display_name == "孙经理"
    from helpdesk.services import settings as settings_svc

    hours = settings_svc.get_store_settings(empty_db.uow(), user.id, store.id).hours
    assert hours[0] is None and hours[1] is not None


def test_first_run_shows_every_problem_on_its_field(qtbot, empty_db):
    dialog = FirstRunDialog(empty_db.uow, load_demo=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "secret")
    qtbot.keyClicks(dialog.confirm_edit, "secret124")
    qtbot.keyClicks(dialog.store_code, "1x")
    qtbot.keyClicks(dialog.admin_username_edit, "a b")
    assert not dialog.set_up()
    # One round: every field that is wrong says so at once.
    assert dialog.errors.label("password_confirm").text() == "The two passwords differ."
    assert dialog.errors.label("admin_password").isVisible()
    assert dialog.errors.label("store_name").text() == "This field is required."
    assert "User names use" in dialog.errors.label("username").text()
    code_error = dialog.errors.label("store_code")
    qtbot.wait(50)  # the layout settles
    assert "store code" in code_error.text()
    # … and the store code's message is shown whole, not cut off.
    assert code_error.wordWrap() and code_error.width() >= code_error.sizeHint().width() // 2
    assert code_error.height() >= code_error.heightForWidth(code_error.width())
    assert dialog.focusWidget() is dialog.store_name
    type_text(qtbot, dialog.store_name, "天顺")
    dialog.store_code.setText("TS")
    dialog.password_edit.setText("secret123")
    dialog.confirm_edit.setText("secret123")
    assert not dialog.set_up()
    assert not dialog.errors.label("store_code").isVisible()
    assert dialog.focusWidget() is dialog.admin_username_edit
    assert not setup.is_initialised(empty_db.uow())


def test_first_run_demo_loads_in_the_background_and_shows_logins(qtbot, empty_db):
    calls = []

    def fake_demo(uow, *, customers, sheets, progress=None, **_):
        from types import SimpleNamespace

        calls.append((customers, sheets))
        progress("customers", 1, 2)
        setup.initialise(uow, store_name="演示店", store_code="TS", preset="dealership",
                         admin_username="admin", admin_password="demo2026")
        return SimpleNamespace(users={"admin": "admin", "desk": "front_desk"},
                               password="demo2026")

    dialog = FirstRunDialog(empty_db.uow, load_demo=fake_demo)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    when_modal(lambda box: (shown.append(box.text()), box.accept()), name="demoLoginsBox")
    assert dialog.load_demo()
    from helpdesk.demo import generator as demo

    assert calls == [demo.SIZES["small"]]
    assert shown and "demo2026" in shown[0] and "Front desk" in shown[0]
    assert setup.is_initialised(empty_db.uow())


def test_login_success_remembers_the_user(qtbot, ui_db, sample, qsettings):
    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    assert ui_db.description in dialog.database_label.text()
    qtbot.keyClicks(dialog.username_edit, "director")
    qtbot.keyClicks(dialog.password_edit, "secret123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.display_name == "李建国"
    assert qsettings.value(LAST_USER_KEY) == "director"
    again = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(again)
    assert again.username_edit.text() == "director"


def test_login_failure_and_lockout_are_said_plainly(qtbot, ui_db, sample, qsettings, clock):
    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username_edit, "desk")
    for _ in range(5):
        dialog.password_edit.setText("wrong-password1")
        assert not dialog.try_login()
    assert dialog.error_label.text().startswith("Too many failed attempts") or \
        dialog.error_label.text() == "Wrong user name or password."
    dialog.password_edit.setText("secret123")  # even the right password waits now
    assert not dialog.try_login()
    until = (clock.at + timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    assert dialog.error_label.text().startswith(f"Too many failed attempts: this account is "
                                                f"locked until {until}")
    assert dialog.result() != QDialog.DialogCode.Accepted
    # Every failure is in the audit trail.
    uow = ui_db.uow()
    with uow.reading():
        actions = [e.action for e in uow.audit.recent(20)]
    assert actions.count("login.failed") == 5 and "login.locked" in actions
    clock.advance(minutes=6)
    assert dialog.try_login()


def test_unknown_user_gets_the_same_answer(qtbot, ui_db, qsettings):
    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username_edit, "nobody")
    qtbot.keyClicks(dialog.password_edit, "secret123")
    assert not dialog.try_login()
    assert dialog.error_label.text() == "Wrong user name or password."
    assert common.now() is not None


def test_the_database_and_the_error_can_be_selected_and_the_buttons_are_there(qtbot,
                                                                              qsettings):
    # Issue 13 sets these without the Qt namespace (by property name, setStandardButtons).
    dialog = LoginDialog(None, settings=qsettings)
    qtbot.addWidget(dialog)
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.database_label.textInteractionFlags() == selectable
    assert dialog.error_label.textInteractionFlags() == selectable
    assert dialog.buttons.standardButtons() == (QDialogButtonBox.StandardButton.Ok |
                                                QDialogButtonBox.StandardButton.Cancel)
    assert dialog.login_button is dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_login_asked_for_before_the_database_is_open_waits_for_it(
        qtbot, ui_db, sample, qsettings):
    # Issue 13: the window is shown before the database is open (ui.opening).
    dialog = LoginDialog(None, settings=qsettings)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    opening = dialog.database_label.text()
    assert opening and ui_db.description not in opening
    qtbot.keyClicks(dialog.username_edit, "director")
    qtbot.keyClicks(dialog.password_edit, "secret123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.user is None
    assert not dialog.login_button.isEnabled()
    assert dialog.login_button.text() == opening  # "Opening the database…"
    dialog.set_database(ui_db.uow, ui_db.description)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.display_name == "李建国"
    assert ui_db.description in dialog.database_label.text()
    assert users.get_session_user(ui_db.uow(), dialog.user.id).display_name == "李建国"
