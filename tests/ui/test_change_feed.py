"""One change feed: an operation run through ``ctx.uow()`` redraws every open view that
shows what it changed — nobody presses refresh, no widget tells another."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QComboBox, QLineEdit

from helpdesk.domain.events import Changes
from helpdesk.services import complaints
from helpdesk.services import settings as settings_svc
from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.customers.browser import CustomerBrowser
from helpdesk.ui.customers.detail import CustomerDetailPanel
from helpdesk.ui.customers.model import Column
from helpdesk.ui.settings.page import SettingsPage
from tests.ui.helpers import activate, child

WAIT = 5000


def _open_in_list(browser: CustomerBrowser, customer_id: int) -> str:
    row = browser.model.row_of(customer_id)
    return "" if row is None else browser.model.index(row, Column.OPEN_COMPLAINTS).data()


def _open_in_record(panel: CustomerDetailPanel) -> int:
    return panel.findChild(QObject, "openComplaintsTable").model().rowCount()


def test_a_second_complaint_shows_in_the_customer_list_and_record(qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.desk)
    browser = CustomerBrowser(ctx)
    qtbot.addWidget(browser)
    activate(qtbot, browser)
    record = CustomerDetailPanel(ctx)
    qtbot.addWidget(record)
    record.show_customer(sample.zhang, background=False)
    with qtbot.waitSignal(browser.model.search_finished, timeout=WAIT):
        qtbot.keyClick(child(browser, QLineEdit, "customerSearch"), Qt.Key.Key_Return)
    assert _open_in_list(browser, sample.zhang) == "1"
    browser.open_customer(sample.zhang)
    qtbot.waitUntil(lambda: browser.detail.customer is not None
                    and browser.detail.customer.id == sample.zhang, timeout=WAIT)
    qtbot.waitUntil(lambda: not ctx.busy, timeout=WAIT)
    assert _open_in_record(record) == _open_in_record(browser.detail) == 1

    # As the sheet form registers: the service with a unit of work from the context.
    with qtbot.waitSignal(ctx.bus.changed, timeout=WAIT) as heard:
        second = complaints.register(ctx.uow(), sample.staff.desk, complaints.SheetInput(
            channel="phone", severity="general", category="repair_quality",
            description="刹车异响又出现了", customer_id=sample.zhang))
    assert heard.args == [Changes(sheet_ids=frozenset({second.id}),
                                  customer_ids=frozenset({sample.zhang}))]
    qtbot.waitUntil(lambda: _open_in_list(browser, sample.zhang) == "2", timeout=WAIT)
    qtbot.waitUntil(lambda: _open_in_record(record) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: _open_in_record(browser.detail) == 2, timeout=WAIT)
    assert browser.detail.customer.id == sample.zhang  # still the customer shown


def test_a_change_committed_in_a_worker_thread_arrives_in_the_ui_thread(
        qtbot, make_ctx, sample):
    ctx = make_ctx(sample.staff.manager)
    threads: list[QThread] = []
    ctx.bus.changed.connect(lambda _changes: threads.append(QThread.currentThread()))
    done: list[object] = []
    with qtbot.waitSignal(ctx.bus.changed, timeout=WAIT):
        ctx.run(lambda: complaints.acknowledge(ctx.uow(), sample.staff.manager,
                                               sample.registered), done.append)
    assert threads == [ctx.bus.thread()] and threads[0] is QThread.currentThread()


def test_a_rename_in_the_settings_page_reaches_the_list_filter(qtbot, make_ctx, sample):
    admin = make_ctx(sample.staff.admin)
    page = ComplaintListPage(admin)
    qtbot.addWidget(page)
    activate(qtbot, page)
    qtbot.waitUntil(lambda: not admin.busy, timeout=WAIT)
    settings_page = SettingsPage(admin)
    qtbot.addWidget(settings_page)
    combo = child(page, QComboBox, "categoryFilter")
    index = combo.findData("repair_quality")
    assert combo.itemText(index) != "维修质量（新）"

    categories = settings_page.tab("categoriesTab")
    row = next(r for r in range(categories.table.rowCount())
               if categories.table.item(r, 0).text() == "repair_quality")
    for column in (1, 2, 3):
        categories.table.item(row, column).setText("维修质量（新）")
    with qtbot.waitSignal(admin.bus.changed, timeout=WAIT) as heard:
        qtbot.mouseClick(categories.save_button, Qt.MouseButton.LeftButton)
    assert heard.args == [Changes(settings=True)]
    assert settings_svc.get_categories(admin.uow())["repair_quality"][0] == "维修质量（新）"
    qtbot.waitUntil(lambda: combo.itemText(combo.findData("repair_quality"))
                    == "维修质量（新）", timeout=WAIT)
    # The rows name their category from the same list (after the page searched again).
    column = page.model.columnCount()
    qtbot.waitUntil(lambda: "维修质量（新）" in {
        page.model.index(r, c).data() for r in range(page.model.rowCount())
        for c in range(column)}, timeout=WAIT)
