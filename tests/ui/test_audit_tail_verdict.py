"""Issue 16: Help → Verify the audit trail says when the newest entries were removed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.main_window import MainWindow, Page
from tests.ui.helpers import activate


def test_verify_names_the_missing_newest_entries(qtbot, make_ctx, sample, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, title, body: shown.append(("info", body)))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, body: shown.append(("warning", body)))
    ctx = make_ctx(sample.staff.director)
    window = MainWindow(ctx, pages=[Page("complaints", QT_TRANSLATE_NOOP(
        "pages", "Complaints"), None, ComplaintListPage)])
    qtbot.addWidget(window)
    activate(qtbot, window)
    with ctx.uow().engine.begin() as conn:
        total = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(text("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log "
                          "ORDER BY id DESC LIMIT 3)"))
    window.verify_audit_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    kind, body = shown[-1]
    assert kind == "warning"
    assert f"the last 3 entries are missing (it held {total:,})" in body
    assert "audit_log_no_delete" in body  # the dropped guard is named too
