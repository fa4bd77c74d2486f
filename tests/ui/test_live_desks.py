"""Live desks (issue 9) at the desk: the clock warning at login, the change feed
reaching the lists, the open form told of another desk's save."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox

from helpdesk.domain import sla
from helpdesk.domain.events import Changes
from helpdesk.services import common, complaints, settings, users
from helpdesk.services.customers import CustomerInput
from helpdesk.storage import change_feed
from helpdesk.storage.uow import SqlAlchemyUnitOfWork
from helpdesk.ui import tray as tray_mod
from helpdesk.ui.complaints.form import SheetForm
from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.context import AppContext
from helpdesk.ui.login import LoginDialog
from helpdesk.ui.settings.page import SettingsPage
from tests.fakes import seed_staff
from tests.integration import databases
from tests.live import run_desk
from tests.ui.helpers import activate, type_text, when_modal


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


# ------------------------------------------------------------ the change feed
@pytest.fixture(scope="module")
def shared_postgres():
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request, tmp_path):
    yield from databases.any_db(request, tmp_path)


def _desk(db, user_id: int, qsettings) -> AppContext:
    return AppContext(uow=db.uow, database_description=db.description,
                      user=users.get_session_user(db.uow(), user_id), settings=qsettings)


def test_another_desks_sheet_appears_in_the_list_within_two_seconds(qtbot, any_db,
                                                                     qsettings):
    staff = seed_staff(any_db.uow())
    mine = run_desk(any_db.url, "desk", "register", "孙八")
    ctx = _desk(any_db, staff.desk, qsettings)
    page = ComplaintListPage(ctx)
    qtbot.addWidget(page)
    activate(qtbot, page)
    qtbot.waitUntil(lambda: page.model.row_of(mine["id"]) is not None, timeout=5000)
    page.table.selectRow(page.model.row_of(mine["id"]))
    stop = change_feed.watch(any_db.engine, ctx.bus.publish)
    try:
        theirs = run_desk(any_db.url, "desk", "register", "周九")
        started = time.monotonic()
        qtbot.waitUntil(lambda: page.model.row_of(theirs["id"]) is not None, timeout=2000)
        assert time.monotonic() - started < 2.0
        # The user's selection stays on their sheet; the other desk's is not followed.
        qtbot.waitUntil(lambda: not ctx.busy, timeout=2000)
        assert page.selected_sheet_id() == mine["id"]
    finally:
        stop()


# ------------------------------------------------------- an open form is told
def _open_form(qtbot, ctx, sheet_id: int) -> SheetForm:
    form = SheetForm(ctx, sheet_id=sheet_id)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    return form


def test_an_open_form_is_told_at_once_and_merges_edits_of_other_fields(
        qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _open_form(qtbot, ctx, sample.in_progress)
    stop = change_feed.watch(ui_db.engine, ctx.bus.publish)
    try:
        type_text(qtbot, form.root_cause_edit, "仓库漏订配件，系统没有提醒")
        run_desk(ui_db.url, "director", "note", str(sample.in_progress), "已催供应商发货")
        started = time.monotonic()
        qtbot.waitUntil(form.concurrent.isVisible, timeout=2000)
        assert time.monotonic() - started < 2.0
    finally:
        stop()
    said = form.concurrent.text.text()
    assert said.startswith("李建国 changed this sheet at ") and "Progress log" in said
    assert form.concurrent.merge_button.isVisible()
    assert form.root_cause_edit.toPlainText() == "仓库漏订配件，系统没有提醒"  # kept
    qtbot.mouseClick(form.concurrent.merge_button, Qt.MouseButton.LeftButton)
    assert not form.concurrent.isVisible()
    assert form.root_cause_edit.toPlainText() == "仓库漏订配件，系统没有提醒"
    assert form.save()  # against the newest version: no conflict
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.manager, sample.in_progress)
    assert saved.root_cause == "仓库漏订配件，系统没有提醒"
    assert "已催供应商发货" in [p.text for p in saved.progress]


def test_edits_of_the_same_field_are_refused_with_who_and_when(
        qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _open_form(qtbot, ctx, sample.in_progress)
    stop = change_feed.watch(ui_db.engine, ctx.bus.publish)
    try:
        type_text(qtbot, form.root_cause_edit, "仓库漏订配件，系统没有提醒")
        run_desk(ui_db.url, "director", "analyse", str(sample.in_progress), "root_cause",
                 "供应商发货延误，未及时通知客户")
        qtbot.waitUntil(form.concurrent.isVisible, timeout=2000)
    finally:
        stop()
    said = form.concurrent.text.text()
    assert "李建国" in said and "You changed Root cause too" in said
    assert not form.concurrent.merge_button.isVisible()
    form.merge_concurrent()  # even if asked: nothing of theirs is overwritten
    assert form.root_cause_edit.toPlainText() == "仓库漏订配件，系统没有提醒"
    texts: list[str] = []

    def on_conflict(dialog) -> None:
        texts.append(dialog.findChild(QLabel, "conflictText").text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button keeps the input

    when_modal(on_conflict)
    assert not form.save()
    assert texts and texts[0].startswith("李建国 saved this sheet at ")
    assert form.root_cause_edit.toPlainText() == "仓库漏订配件，系统没有提醒"
    saved = complaints.get_sheet(ui_db.uow(), sample.staff.manager, sample.in_progress)
    assert saved.root_cause == "供应商发货延误，未及时通知客户"


def test_a_form_without_input_shows_the_new_version_and_says_who(qtbot, make_ctx, sample,
                                                                ui_db):
    ctx = make_ctx(sample.staff.manager)
    form = _open_form(qtbot, ctx, sample.in_progress)
    stop = change_feed.watch(ui_db.engine, ctx.bus.publish)
    try:
        run_desk(ui_db.url, "director", "analyse", str(sample.in_progress), "correction",
                 "先借用备用车")
        qtbot.waitUntil(form.concurrent.isVisible, timeout=2000)
    finally:
        stop()
    assert form.correction_edit.toPlainText() == "先借用备用车"
    assert "Immediate correction" in form.concurrent.text.text()
    assert not form.concurrent.merge_button.isVisible()


# ------------------------------------------------------------ the tray
def _major(ctx, desk: int, name: str, phone: str) -> int:
    return complaints.register(ctx.uow(), desk, complaints.SheetInput(
        channel="reception", severity="major", category="repair_quality",
        description=f"{name}：发动机异响，要求换发动机", customer_request="换发动机"),
        new_customer=CustomerInput(name=name, phones=(phone,))).id


def test_a_major_complaint_is_announced_once_and_waits_while_typing(
        qtbot, make_ctx, sample, monkeypatch):
    monkeypatch.setattr(tray_mod, "QUIET_SECONDS", 3.0)
    manager = make_ctx(sample.staff.manager)
    window = QLineEdit()  # stands for the main window: somewhere to type
    qtbot.addWidget(window)
    tray = tray_mod.DeskTray(manager, parent=window)
    qtbot.waitUntil(lambda: not tray._looking, timeout=5000)  # the first look: no news
    assert tray.shown == []
    first = _major(manager, sample.staff.desk, "郑十一", "13900002222")
    qtbot.waitUntil(lambda: len(tray.shown) == 1, timeout=5000)
    assert tray.shown[0][0].startswith("New complaint (Major)") and \
        tray.shown[0][1] == "郑十一"
    with qtbot.waitSignal(tray.open_sheet_requested, timeout=1000) as clicked:
        tray.icon.messageClicked.emit()  # clicking the notification opens the sheet
    assert clicked.args == [first]
    for _ in range(3):  # later looks (the timer, other changes) do not repeat it
        tray.look()
        qtbot.waitUntil(lambda: not tray._looking, timeout=5000)
    assert len(tray.shown) == 1
    # While the user types, the next one waits until the keyboard rests.
    window.setFocus()
    qtbot.keyClicks(window, "typing")
    _major(manager, sample.staff.desk, "王十二", "13900003333")
    qtbot.waitUntil(lambda: bool(tray._pending), timeout=5000)
    assert len(tray.shown) == 1
    qtbot.waitUntil(lambda: len(tray.shown) == 2, timeout=5000)
    assert tray.shown[1][1] == "王十二" and first
    assert "Store:" in tray.label.text()
    tray.close()


# ------------------------------------------------- the administrator's settings
def test_time_zone_and_warning_window_are_set_in_the_settings_page(qtbot, make_ctx, sample,
                                                                   ui_db):
    page = SettingsPage(make_ctx(sample.staff.admin))
    qtbot.addWidget(page)
    tab = page.tab("timeTab")
    assert tab.zone_combo.currentText() == "Asia/Shanghai"
    assert (tab.share_combo.currentText(), tab.minimum_spin.value()) == ("1/3", 10)
    tab.zone_combo.setCurrentText("Mars/Olympus")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "not a time zone" in tab.errors.label("time_zone").text()
    tab.zone_combo.setCurrentText("Asia/Taipei")
    tab.share_combo.setCurrentIndex(tab.share_combo.findText("1/4"))
    tab.minimum_spin.setValue(15)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Saved."
    assert settings.get_time_zone(ui_db.uow()) == "Asia/Taipei"
    assert settings.get_warning_window(ui_db.uow()) == sla.WarningWindow(
        4, timedelta(minutes=15))


# ------------------------------------------------------------ repeat complaints
def test_picking_a_customer_shows_their_complaints_and_links_the_new_sheet(
        qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    form = SheetForm(ctx)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    activate(qtbot, form)
    assert not form.repeat.isVisible()  # nobody chosen yet
    type_text(qtbot, form.finder.search_edit, "zs")  # 张三: one open, one closed sheet
    popup = form.finder.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(form.repeat.isVisible, timeout=3000)
    table = form.repeat.table
    shown = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): [
        table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())}
    assert set(shown) == {sample.registered, sample.closed}
    assert shown[sample.registered][2:] == ["Repair quality", "保养后发动机异响"]
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == sample.registered)
    table.selectRow(row)
    with qtbot.waitSignal(form.sheet_open_requested, timeout=1000) as opened:
        qtbot.mouseClick(form.repeat.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [sample.registered]
    qtbot.mouseClick(form.repeat.link_button, Qt.MouseButton.LeftButton)
    registered = complaints.get_sheet(ui_db.uow(), sample.staff.desk, sample.registered)
    assert form.repeat.linked_label.text() == f"Repeats {registered.number}"
    type_text(qtbot, form.description_edit, "发动机异响又出现了")
    with qtbot.waitSignal(form.sheet_saved, timeout=3000) as saved:
        assert form.save()
    again = complaints.get_sheet(ui_db.uow(), sample.staff.desk, saved.args[0])
    assert (again.linked_sheet_id, again.linked_sheet_number) == (sample.registered,
                                                                  registered.number)
    # Reopened, the form shows the link and the customer's other complaints.
    reopened = _open_form(qtbot, ctx, again.id)
    assert reopened.repeat.linked_label.text() == f"Repeats {registered.number}"
    assert reopened.repeat.table.rowCount() == 2


def test_registered_by_me_next_to_mine(qtbot, make_ctx, sample):
    def count(user_id: int) -> tuple[int, int]:
        ctx = make_ctx(user_id)
        page = ComplaintListPage(ctx)
        qtbot.addWidget(page)
        activate(qtbot, page)
        qtbot.waitUntil(lambda: not ctx.busy, timeout=5000)
        with qtbot.waitSignal(page.model.search_finished, timeout=5000):
            page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
        everything = page.model.rowCount()
        with qtbot.waitSignal(page.model.search_finished, timeout=5000):
            qtbot.mouseClick(page.registered_check, Qt.MouseButton.LeftButton)
        return everything, page.model.rowCount()

    assert count(sample.staff.desk) == (4, 4)  # the desk registered them all
    assert count(sample.staff.manager) == (4, 0)


def test_another_desks_change_keeps_the_scroll_position(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    page = ComplaintListPage(ctx)
    qtbot.addWidget(page)
    page.table.setFixedHeight(90)  # two rows visible
    activate(qtbot, page)
    qtbot.waitUntil(lambda: not ctx.busy, timeout=5000)
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    bar = page.table.verticalScrollBar()
    assert bar.maximum() > 0
    page.table.selectRow(0)
    bar.setValue(bar.maximum())
    # Another desk registers (its commit arrives here through the feed: remote).
    theirs = complaints.register(ui_db.uow(), sample.staff.care, complaints.SheetInput(
        channel="phone", severity="general", category="repair_quality",
        description="电话投诉：等待时间太长"), new_customer=CustomerInput(
            name="冯十三", phones=("13900004444",))).id
    kept, selected = bar.value(), page.selected_sheet_id()
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        ctx.bus.publish(Changes(sheet_ids=frozenset({theirs}), remote=True))
    assert page.model.row_of(theirs) is not None
    assert (bar.value(), page.selected_sheet_id()) == (kept, selected)


def test_a_desk_takes_another_desks_new_warning_window_at_once(qtbot, make_ctx, sample,
                                                              ui_db):
    manager = make_ctx(sample.staff.manager)
    holder = QLineEdit()
    qtbot.addWidget(holder)
    tray = tray_mod.DeskTray(manager, parent=holder)
    qtbot.waitUntil(lambda: not tray._looking, timeout=5000)
    # The administrator saves at another desk (not through this desk's bus)...
    settings.save_warning_window(ui_db.uow(), sample.staff.admin, 2, 45)
    sla.set_warning_window(None)  # ...so this process still has the default
    settings.save_time_zone(ui_db.uow(), sample.staff.admin, "Asia/Taipei")
    common.reset_clock_sync()
    assert sla.warning_window() == sla.WarningWindow()
    # ...and this desk hears of it through the feed.
    manager.bus.publish(Changes(settings=True, remote=True))
    qtbot.waitUntil(lambda: sla.warning_window() == sla.WarningWindow(
        2, timedelta(minutes=45)), timeout=2000)
    assert common.store_zone().key == "Asia/Taipei"
    tray.close()
