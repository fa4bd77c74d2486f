"""Live desks (issue 9) at the desk: the clock warning at login, the change feed
reaching the lists, the open form told of another desk's save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from helpdesk.services import common
from helpdesk.storage.uow import SqlAlchemyUnitOfWork
from helpdesk.ui.login import LoginDialog
from tests.ui.helpers import activate, when_modal


@pytest.fixture(autouse=True)
def _forget_clock() -> Iterator[None]:
    yield
    common.reset_clock_sync()


def _log_in(qtbot, ui_db, qsettings) -> tuple[LoginDialog, list[str]]:
    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=qsettings)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    said: list[str] = []

    def read(box) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    when_modal(read)
    qtbot.keyClicks(dialog.username_edit, "director")
    qtbot.keyClicks(dialog.password_edit, "secret123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    return dialog, said


def test_a_desk_whose_clock_is_off_is_told_at_login(qtbot, ui_db, sample, qsettings,
                                                    monkeypatch):
    server = datetime.now(UTC) + timedelta(minutes=5)
    monkeypatch.setattr(SqlAlchemyUnitOfWork, "server_now", lambda self: server)
    dialog, said = _log_in(qtbot, ui_db, qsettings)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert len(said) == 1 and "5 minute" in said[0] and "behind" in said[0]


def test_a_right_clock_says_nothing(qtbot, ui_db, sample, qsettings):
    dialog, said = _log_in(qtbot, ui_db, qsettings)
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.wait(50)
    assert said == []
