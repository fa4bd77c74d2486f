"""Issue 16: a save behind a busy database does not freeze the window.

Another connection holds SQLite's write lock (``BEGIN IMMEDIATE``) and says who it is
(the ``.busy`` marker a long import writes); the user clicks Save. The save waits off
the UI thread — the event loop keeps running (a timer ticks, painting goes on) — then
the form names who holds the database, with the typed text still in its field; once
the lock is gone the same click saves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from helpdesk.services import complaints, users
from helpdesk.storage import engine as engine_mod
from helpdesk.storage import locks
from helpdesk.storage.database import open_database
from helpdesk.ui.complaints.form import SheetForm
from helpdesk.ui.context import AppContext, EventBus
from tests.ui.helpers import activate, type_text


def test_a_save_behind_a_lock_keeps_the_window_alive_and_names_the_holder(
        qtbot, ui_db, sample, qsettings, monkeypatch) -> None:
    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 1200)
    path = Path(ui_db.url.removeprefix("sqlite:///"))
    database = open_database(f"sqlite:///{path}")  # its connections wait 1.2 s
    try:
        ctx = AppContext(uow=database.uow, database_description=database.description,
                         bus=EventBus(), settings=qsettings,
                         user=users.get_session_user(database.uow(), sample.staff.desk))
        form = SheetForm(ctx, sheet_id=sample.registered)
        qtbot.addWidget(form)
        form.resize(1200, 800)
        activate(qtbot, form)
        type_text(qtbot, form.request_edit, "更换发动机支架")
        typed = form.request_edit.toPlainText()

        ticks: list[bool] = []  # one per timer tick: was the save still waiting?
        timer = QTimer(interval=50)
        timer.timeout.connect(lambda: ticks.append(form._writing))
        timer.start()
        holder = sqlite3.connect(path, isolation_level=None)
        with locks.busy_marker(path, "王芳", "导入客户"):
            holder.execute("BEGIN IMMEDIATE")
            try:
                qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            finally:
                holder.execute("ROLLBACK")
                holder.close()
        timer.stop()

        assert ticks.count(True) >= 5, "the event loop stood still while the save waited"
        assert form.general_error.isVisible()
        said = form.general_error.text()
        assert "busy" in said and "王芳: 导入客户" in said
        assert form.request_edit.toPlainText() == typed and form.dirty
        detail = complaints.get_sheet(database.uow(), sample.staff.desk, sample.registered)
        assert detail.customer_request != typed  # nothing was saved

        with qtbot.waitSignal(form.sheet_saved, timeout=5000):
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        detail = complaints.get_sheet(database.uow(), sample.staff.desk, sample.registered)
        assert detail.customer_request == typed and not form.dirty
        assert not form.general_error.isVisible()
    finally:
        database.dispose()
