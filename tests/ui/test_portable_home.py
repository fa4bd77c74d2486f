"""HELPDESK_HOME moves everything: with it set, the desktop's settings are an INI file
in that folder (not the registry or ~/.config), so two installations share nothing —
not even the last login name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from helpdesk.storage.database import Database
from helpdesk.ui import context
from helpdesk.ui.login import LoginDialog
from tests.ui.helpers import activate


def _log_in(qtbot, ui_db: Database, settings: QSettings, username: str) -> LoginDialog:
    dialog = LoginDialog(ui_db.uow, ui_db.description, settings=settings)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, "secret123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog


def test_two_homes_do_not_share_the_last_login(qtbot, ui_db, sample, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "store-a", tmp_path / "store-b"
    monkeypatch.setenv("HELPDESK_HOME", str(first))
    settings_a = context.desktop_settings()
    _log_in(qtbot, ui_db, settings_a, "director")
    settings_a.sync()
    assert settings_a.format() == QSettings.Format.IniFormat
    assert Path(settings_a.fileName()) == first / "desktop.ini"
    assert "director" in (first / "desktop.ini").read_text(encoding="utf-8")

    monkeypatch.setenv("HELPDESK_HOME", str(second))
    other = LoginDialog(ui_db.uow, ui_db.description, settings=context.desktop_settings())
    qtbot.addWidget(other)
    assert other.username_edit.text() == ""  # store A's user is not offered here
    _log_in(qtbot, ui_db, context.desktop_settings(), "desk")

    monkeypatch.setenv("HELPDESK_HOME", str(first))
    again = LoginDialog(ui_db.uow, ui_db.description, settings=context.desktop_settings())
    qtbot.addWidget(again)
    assert again.username_edit.text() == "director"


def test_a_context_made_without_settings_uses_the_home_too(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HELPDESK_HOME", str(tmp_path))
    ctx = context.AppContext(uow=lambda: None, database_description="—")  # type: ignore[arg-type,return-value]
    assert Path(ctx.settings.fileName()) == tmp_path / "desktop.ini"


def test_without_a_home_the_system_place_is_used(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("HELPDESK_HOME")
    settings = context.desktop_settings()
    assert (settings.organizationName(), settings.applicationName()) == \
        (context.ORGANIZATION, context.APPLICATION)
