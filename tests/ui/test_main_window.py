"""The main window: pages, status bar, shortcuts, sheet windows, drafts after a crash."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from helpdesk.services import drafts
from helpdesk.ui.complaints.form import SheetWindow
from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.main_window import MainWindow, Page
from helpdesk.ui.settings.page import SettingsPage
from tests.ui.helpers import activate


class _Stub(QWidget):
    """A page like the customer browser: asks for sheets with a customer id."""

    from PySide6.QtCore import Signal

    new_sheet_requested = Signal(int)
    sheet_open_requested = Signal(int)


def _window(qtbot, ctx, *extra: Page) -> MainWindow:
    pages = [Page("complaints", QT_TRANSLATE_NOOP("pages", "Complaints"), None,
                  ComplaintListPage),
             *extra,
             Page("settings", QT_TRANSLATE_NOOP("pages", "Settings"), None,
                  SettingsPage)]
    window = MainWindow(ctx, pages=pages)
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


def test_status_bar_shows_user_role_and_database(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.director)
    window = _window(qtbot, ctx)
    assert window.user_label.text() == "李建国 (Service director)"
    assert ctx.database_description in window.database_label.text()
    qtbot.waitUntil(lambda: not ctx.busy, timeout=5000)  # the list's first search
    assert not window.busy_bar.isVisibleTo(window)
    ctx.bus.busy_changed.emit("Searching complaints…")
    assert window.busy_bar.isVisibleTo(window)
    assert window.busy_label.text() == "Searching complaints…"
    ctx.bus.busy_changed.emit("")
    assert not window.busy_bar.isVisibleTo(window)


def test_pages_are_built_when_first_shown(qtbot, make_ctx, sample):
    built: list[str] = []

    def factory(ctx):
        built.append("customers")
        return _Stub()

    window = _window(qtbot, make_ctx(sample.staff.desk),
                     Page("customers", "Customers", None, factory))
    assert built == []
    assert window.current_page_key() == "complaints"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert built == ["customers"] and window.current_page_key() == "customers"
    # The customer browser's signals open sheet windows.
    stub = window.page("customers")
    stub.new_sheet_requested.emit(sample.li)
    assert window.sheet_windows[-1].form.finder.customer.name == "李四"
    stub.sheet_open_requested.emit(sample.closed)
    assert window.sheet_windows[-1].sheet_id == sample.closed
    for w in list(window.sheet_windows):
        w.close()


def test_keyboard_new_sheet_and_search(qtbot, make_ctx, sample):
    window = _window(qtbot, make_ctx(sample.staff.desk))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window.sheet_windows) == 1
    sheet_window = window.sheet_windows[0]
    assert isinstance(sheet_window, SheetWindow) and sheet_window.form.detail is None
    sheet_window.close()
    assert window.sheet_windows == []
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.page("complaints")
    assert window.current_page_key() == "complaints"
    assert page.focusWidget() is page.search_edit


def test_open_sheet_twice_raises_the_same_window(qtbot, make_ctx, sample):
    window = _window(qtbot, make_ctx(sample.staff.desk))
    first = window.open_sheet(sample.registered)
    second = window.open_sheet(sample.registered)
    assert first is second and len(window.sheet_windows) == 1
    first.close()


def test_list_double_click_opens_the_sheet(qtbot, make_ctx, sample):
    window = _window(qtbot, make_ctx(sample.staff.desk))
    page = window.page("complaints")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    index = page.model.index(0, 0)
    page.table.activated.emit(index)
    assert window.sheet_windows[0].sheet_id == page.model.sheet_id(0)
    window.sheet_windows[0].close()


def test_drafts_are_offered_after_a_crash(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    drafts.save_draft(ctx.database_description, "desk", "new-abc", {
        "sheet_id": None, "version": None, "number": "",
        "values": {"description": "客户说刹车有异响", "customer_id": sample.zhang}})
    window = _window(qtbot, ctx)
    opened = window.offer_drafts(ask=lambda count: "restore" if count == 1 else "")
    assert len(opened) == 1
    form = opened[0].form
    assert form.description_edit.toPlainText() == "客户说刹车有异响"
    assert form.finder.customer.name == "张三"
    assert form.save()
    assert drafts.list_drafts(ctx.database_description, "desk") == []
    opened[0].close()


def test_drafts_can_be_discarded(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    drafts.save_draft(ctx.database_description, "desk", "new-x", {"values": {}})
    window = _window(qtbot, ctx)
    assert window.offer_drafts(ask=lambda count: "discard") == []
    assert drafts.list_drafts(ctx.database_description, "desk") == []


def test_geometry_is_remembered(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    window = _window(qtbot, ctx)
    window.resize(1100, 640)
    window.close()
    assert ctx.settings.value("main/geometry") is not None
    again = _window(qtbot, ctx)
    # (The offscreen screen may clamp the width; the height fits.)
    assert again.height() == 640
    assert QApplication.instance() is not None
    assert isinstance(again.user_label, QLabel)


def test_f1_shows_the_shortcuts_as_a_table(qtbot, make_ctx, sample):
    from tests.ui.helpers import when_modal

    window = _window(qtbot, make_ctx(sample.staff.desk))
    seen = when_modal(lambda box: box.accept(), name="shortcutsBox")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    text = seen[0].text()
    assert text.startswith("<table") and "<td" in text and "  " not in text
    assert "<b>Ctrl+N</b>" in text and "New complaint sheet" in text


def test_f5_reloads_the_settings(qtbot, make_ctx, sample, ui_db):
    from helpdesk.services import settings as settings_svc

    window = _window(qtbot, make_ctx(sample.staff.admin))
    page = window.show_page("settings")
    settings_svc.update_store(ui_db.uow(), sample.staff.admin, sample.staff.store_id,
                              name="天顺二店", address="", phone="")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.tab("storeTab").name_edit.text() == "天顺二店"


def test_an_administrator_verifies_the_audit_trail(qtbot, make_ctx, sample, monkeypatch):
    """Issue 16: the chain check is one menu item away for who may read the trail, and
    names the first altered entry; a front desk does not see it."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import text

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, title, body: shown.append(("info", body)))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, body: shown.append(("warning", body)))
    assert not _window(qtbot, make_ctx(sample.staff.desk)).verify_audit_action.isVisible()
    ctx = make_ctx(sample.staff.admin)
    window = _window(qtbot, ctx)
    assert window.verify_audit_action.isVisible()
    window.verify_audit_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[-1][0] == "info" and "intact" in shown[-1][1]
    engine = ctx.uow().engine
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("UPDATE audit_log SET note = 'rewritten' WHERE id = 3"))
    window.verify_audit_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    kind, body = shown[-1]
    assert kind == "warning" and "entry #3" in body and "audit_log_no_update" in body
