"""The customer browser driven the way a person uses it: typing in the search box,
choosing filters, editing a profile, opening the analytics and duplicates tabs,
importing and exporting — checked against the database through the services."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton

from helpdesk.domain.customers import MERGE_FIELDS, CustomerKind, OrderKind, Tier
from helpdesk.services import analytics, customers
from helpdesk.services.analytics import Segment
from helpdesk.services.customer_list import CustomerFilter, CustomerSort
from helpdesk.transfer import spreadsheets as importing
from helpdesk.ui.customers import CustomerBrowser
from helpdesk.ui.customers.analytics_view import AnalyticsView
from helpdesk.ui.customers.duplicates import CHOICE_COLUMN, RESULT_COLUMN, DuplicatesView
from helpdesk.ui.customers.import_dialog import ImportDialog
from helpdesk.ui.customers.model import Column, CustomerIdRole, CustomerTableModel
from tests.ui.conftest import NOW, valid_vin
from tests.ui.helpers import child, type_text, when_modal

TODAY = NOW.date()
ZHANG_VIN = valid_vin("LFV3A23C0E300001")


@pytest.fixture(autouse=True)
def _fresh_classification():
    """Each test computes its own classification (the cache is per process)."""
    analytics.clear_cache()
    yield
    analytics.clear_cache()


@pytest.fixture
def extra(ui_db, sample):
    """More customers, for the search cases: polyphonic surnames, a company, an order."""
    uow = ui_db.uow

    def add(name: str, phone: str, **kw) -> int:
        return customers.create_customer(uow(), sample.staff.desk, customers.CustomerInput(
            name=name, phones=(phone,), **kw)).id

    return {
        "shan": add("单田芳", "13700002222"),
        "zeng": add("曾小贤", "13600003333"),
        "xie": add("解晓东", "13500004444"),
        "qiu": add("仇英", "13400005555"),
        "zhangsf": add("张三丰", "13300006666", tier=Tier.VIP),
        "company": add("重庆长安汽车有限公司", "02361234567", kind=CustomerKind.COMPANY,
                       orders=(customers.OrderInput("SO-2026-0042", OrderKind.VEHICLE_SALE,
                                                    TODAY - timedelta(days=3), "150000"),)),
    }


def _names(model: CustomerTableModel) -> list[str]:
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def test_list_model_passes_the_model_tester(qtmodeltester, make_ctx, sample, extra):
    model = CustomerTableModel(make_ctx(sample.staff.desk))
    model.search(CustomerFilter(sort=CustomerSort.NAME), background=False)
    assert model.rowCount() == 8
    qtmodeltester.check(model)
    assert model.index(0, 0).data(CustomerIdRole) == model.customer_id(0)
    assert model.page_loads == 1  # one page of rows for everything shown


SEARCH_CASES = [
    ("zs", "张三"), ("zhangs", "张三"), ("zhangsan", "张三"),
    ("shantianfang", "单田芳"), ("zengxiaoxian", "曾小贤"), ("xxd", "解晓东"),
    ("qiuying", "仇英"), ("5678", "张三"), ("京A12345", "张三"), ("京a·12345", "张三"),
    ("京Ａ１２３４５", "张三"), (ZHANG_VIN[-6:], "张三"), (ZHANG_VIN[-8:], "张三"),
    ("SO-2026-0042", "重庆长安汽车有限公司"), ("重庆长安", "重庆长安汽车有限公司"),
]


def test_search_as_you_type(qtbot, make_ctx, sample, extra):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    box = child(browser, QLineEdit, "customerSearch")
    for text, first in SEARCH_CASES:
        box.clear()
        with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
            type_text(qtbot, box, text)  # the search waits for a pause in typing
        assert _names(browser.model)[:1] == [first], text
        # The best hit is selected and its record shown.
        qtbot.waitUntil(lambda f=first: browser.detail.customer is not None
                        and browser.detail.customer.name == f, timeout=5000)


def test_typing_fast_searches_once(qtbot, make_ctx, sample):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    box = child(browser, QLineEdit, "customerSearch")
    searches = []
    browser.model.search_started.connect(lambda: searches.append(box.text()))
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        qtbot.keyClicks(box, "zhangsan")
    assert searches == ["zhangsan"]


def test_filters_and_sort_through_the_widgets(qtbot, make_ctx, sample, extra):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.tier.setCurrentIndex(browser.tier.findData(Tier.VIP.value))
    assert _names(browser.model) == ["张三丰"]
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.tier.setCurrentIndex(0)
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.segment.setCurrentIndex(browser.segment.findData(Segment.TOP.value))
    assert _names(browser.model) == ["重庆长安汽车有限公司"]  # the only buyer
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.segment.setCurrentIndex(0)
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.open_complaints.setCurrentIndex(1)  # with open complaints
    # 张三's registered sheet and 李四's sheets in progress / visited are not closed.
    assert sorted(_names(browser.model)) == sorted(["张三", "李四"])
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.sort.setCurrentIndex(browser.sort.findData(CustomerSort.LAST_COMPLAINT.value))
    # Most recent complaint first: 李四's 3 h ago, 张三's latest 8 h ago.
    assert _names(browser.model) == ["李四", "张三"]
    assert browser.model.index(1, Column.OPEN_COMPLAINTS).data() == "1"  # 张三's open one


def test_masked_for_roles_without_the_right(qtbot, make_ctx, sample):
    browser = CustomerBrowser(make_ctx(sample.staff.admin))
    qtbot.addWidget(browser)
    browser.run_search(background=False)
    row = _names(browser.model).index("张三")
    assert browser.model.index(row, Column.PHONE).data() == "138****5678"
    browser.detail.show_customer(sample.zhang, background=False)
    assert not browser.detail.findChild(QLabel, "maskedNote").isHidden()
    assert child(browser.detail, QLineEdit, "field_phone").text() == "138****5678"
    assert not child(browser, QPushButton, "exportButton").isEnabled()
    desk = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(desk)
    desk.run_search(background=False)
    assert desk.model.index(_names(desk.model).index("张三"), Column.PHONE).data() \
        == "138 1234 5678"


def test_profile_editing_validates_each_field(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    browser = CustomerBrowser(ctx)
    qtbot.addWidget(browser)
    detail = browser.detail
    detail.show_customer(sample.zhang, background=False)
    email = child(detail, QLineEdit, "field_email")
    email.setText("not-an-email")
    phones = child(detail, QLineEdit, "field_phone")
    phones.setText("12")
    child(detail, QPushButton, "saveCustomerButton").click()
    assert not detail.findChild(QLabel, "error_email").isHidden()
    assert not detail.findChild(QLabel, "error_phone").isHidden()
    assert customers.get_customer(ui_db.uow(), sample.staff.desk, sample.zhang).email == ""
    email.setText("zhang.san@example.com")
    phones.setText("138 1234 5678, 13987654321")
    with qtbot.waitSignal(ctx.bus.changed, timeout=2000,
                          check_params_cb=lambda c: c.customer_ids == {sample.zhang}):
        child(detail, QPushButton, "saveCustomerButton").click()
    saved = customers.get_customer(ui_db.uow(), sample.staff.desk, sample.zhang)
    assert saved.email == "zhang.san@example.com"
    assert saved.phones == ("+8613812345678", "+8613987654321")
    assert detail.findChild(QLabel, "error_email").isHidden()


def test_new_complaint_and_open_sheet_signals(qtbot, make_ctx, sample):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    browser.detail.show_customer(sample.zhang, background=False)
    with qtbot.waitSignal(browser.new_sheet_requested, timeout=1000) as blocker:
        qtbot.mouseClick(child(browser, QPushButton, "newComplaintButton"),
                         Qt.MouseButton.LeftButton)
    assert blocker.args == [sample.zhang]
    view = browser.detail.findChild(object, "openComplaintsTable")
    model = view.model()
    assert model.rowCount() == 1  # the registered sheet; the closed one is not open
    # Registered a day ago, response due long since: the list's words and sign.
    assert model.index(0, 3).data().startswith("✖ Response overdue")
    with qtbot.waitSignal(browser.sheet_open_requested, timeout=1000) as blocker:
        view.doubleClicked.emit(model.index(0, 0))
    assert blocker.args == [sample.registered]
    timeline = browser.detail.findChild(object, "timelineTable").model()
    whats = [timeline.index(r, 1).data() for r in range(timeline.rowCount())]
    assert whats.count("Complaint") == 2 and whats.count("Return visit") == 1


def test_value_figures_are_explained(qtbot, make_ctx, sample, extra):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    browser.detail.show_customer(extra["company"], background=False)
    value = browser.detail.findChild(QLabel, "value_revenue_12m")
    assert value.text() == "¥150,000.00"
    assert browser.detail.findChild(QLabel, "value_segment").text() == "Top (1 %)"
    assert "Rank 1 of 1" in browser.detail.findChild(QLabel, "why_segment").text()
    assert browser.detail.findChild(QLabel, "value_ltv").text() == "¥600,000.00"
    assert "× 3" in browser.detail.findChild(QLabel, "why_ltv").text()


def test_analytics_view(qtbot, make_ctx, sample, extra, ui_db, qtmodeltester):
    customers.update_customer(ui_db.uow(), sample.staff.desk, extra["qiu"], 1,
                              customers.CustomerInput(name="仇英", phones=("13400005555",),
                                                      birthday=date(1990, 11, 20)))
    view = AnalyticsView(make_ctx(sample.staff.manager))
    qtbot.addWidget(view)
    view.load_stores()
    view.refresh(background=False)
    texts = view.chart.band_texts()
    assert texts[0] == "Top (1 %): 1 customers · 100.0 % of revenue"
    assert texts[-1].startswith("Prospect: 7 customers")
    births = view.birthday_view.model()
    qtmodeltester.check(births)
    qtmodeltester.check(view.findChild(object, "rfmTable").model())
    assert births.rowCount() == 1 and births.index(0, 1).data() == "仇英"
    assert births.index(0, 2).data() == "134 0000 5555"
    visits = view.visit_view.model()
    assert visits.rowCount() == 0  # the visited sheet has its visit
    view.show()
    qtbot.waitExposed(view)
    view.chart.repaint()  # paints without a warning


def test_analytics_tab_needs_the_reports_right(qtbot, make_ctx, sample):
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    assert not browser.tabs.isTabEnabled(1)
    manager = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(manager)
    assert manager.tabs.isTabEnabled(1) and manager.tabs.isTabEnabled(2)


def test_duplicates_preview_and_merge(qtbot, make_ctx, sample, ui_db, qtmodeltester):
    uow = ui_db.uow
    dup = customers.create_customer(uow(), sample.staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345679",), email="zs@example.com",
        orders=(customers.OrderInput("SO-2026-0100", OrderKind.SERVICE, TODAY, "880"),)))
    view = DuplicatesView(make_ctx(sample.staff.manager))
    qtbot.addWidget(view)
    view.refresh(background=False)
    qtmodeltester.check(view.view.model())
    assert [(s.keep.id, s.duplicate.id) for s in view.suggestions] == [(sample.zhang, dup.id)]
    view.view.selectRow(0)
    preview = view.preview
    assert preview is not None and preview.result.email == "zs@example.com"
    compare = view.findChild(object, "mergePreview")
    lists, after = len(MERGE_FIELDS), RESULT_COLUMN
    assert compare.item(lists, after).text() == "138 1234 5678, 138 1234 5679"
    assert compare.item(lists + 3, after).text() == "2"  # 张三's two sheets, none from the dup
    assert customers.get_customer(uow(), sample.staff.manager, dup.id).merged_into_id is None
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(view.merged, timeout=3000):
        qtbot.mouseClick(child(view, QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    assert seen and seen[0].objectName() == "mergeConfirm"
    kept = customers.get_customer(uow(), sample.staff.manager, sample.zhang)
    assert {o.number for o in kept.orders} >= {"SO-2026-0100"}
    assert len(kept.vehicles) == 1 and "zs@example.com" == kept.email
    assert customers.get_customer(uow(), sample.staff.manager, dup.id).merged_into_id \
        == sample.zhang
    assert view.suggestions == []


def test_duplicates_are_not_offered_to_the_front_desk(qtbot, make_ctx, sample):
    """The duplicates list is for who may merge (README: service manager, director;
    issue 16): the tab is disabled for the front desk, whom the service refuses."""
    desk = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(desk)
    assert not desk.tabs.isTabEnabled(2)
    manager = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(manager)
    assert manager.tabs.isTabEnabled(2)


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_shows_errors_by_line_and_imports_all_or_nothing(qtbot, make_ctx, sample,
                                                                ui_db, tmp_path,
                                                                qtmodeltester):
    path = _csv(tmp_path / "customers.csv", [
        "姓名,电话,生日",
        "王小明,13711112222,1990-05-06",
        ",13711113333,",  # line 3: no name
        "赵敏,123,",  # line 4: bad phone
        "孙丽,13711114444,2999-01-01",  # line 5: birthday in the future
    ])
    ctx = make_ctx(sample.staff.manager)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    shown = dialog.error_view.model()
    child(dialog, QPushButton, "importCheck").click()
    qtmodeltester.check(shown)
    assert sorted({e.line for e in dialog.errors}) == [3, 4, 5]
    assert {shown.index(r, 0).data() for r in range(shown.rowCount())} == {"3", "4", "5"}
    run = child(dialog, QPushButton, "importRun")
    assert not run.isEnabled()  # all or nothing: bad rows block the import
    assert "1 correct" in dialog.findChild(QLabel, "importSummary").text()
    dialog.findChild(object, "importSkipBad").setChecked(True)
    assert run.isEnabled()
    with qtbot.waitSignal(ctx.bus.changed, timeout=2000,
                          check_params_cb=lambda c: c.everything):
        run.click()
    assert dialog.report.imported == 1 and dialog.report.skipped == 3
    found = customers.find_customers(ui_db.uow(), sample.staff.manager, "王小明")
    assert [c.name for c in found] == ["王小明"]


def test_import_reports_a_bad_file(qtbot, make_ctx, sample, tmp_path):
    dialog = ImportDialog(make_ctx(sample.staff.manager))
    qtbot.addWidget(dialog)
    dialog.set_path(_csv(tmp_path / "x.csv", ["foo,bar", "1,2"]))
    child(dialog, QPushButton, "importCheck").click()
    assert dialog.report is None
    assert dialog.findChild(QLabel, "importSummary").text()
    assert not child(dialog, QPushButton, "importRun").isEnabled()


def test_export_of_the_filtered_list(qtbot, make_ctx, sample, ui_db, tmp_path, extra):
    browser = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(browser)
    browser.tier.setCurrentIndex(browser.tier.findData(Tier.VIP.value))
    browser.run_search(background=False)
    target = tmp_path / "vip.csv"
    browser.export_to(target, background=False)
    rows = importing.read_table(target)
    assert [r["name"] for r in rows] == ["张三丰"]
    audit = ui_db.uow()
    with audit.reading():
        who = [e.username for e in audit.audit.recent(5, "customer.export")]
    assert who == ["manager"]


def test_switching_the_language_keeps_the_search(qtbot, make_ctx, sample):
    from helpdesk.ui import i18n

    browser = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    box = child(browser, QLineEdit, "customerSearch")
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        type_text(qtbot, box, "zs")
    qtbot.waitUntil(lambda: browser.detail.customer is not None, timeout=5000)
    assert browser.tabs.tabText(0) == "Customers"
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: browser.tabs.tabText(0) == "客户档案", timeout=5000)
    box = browser.search_box  # a new box: the old one is being deleted
    assert box.objectName() == "customerSearch"
    assert box.text() == "zs" and box.placeholderText().startswith("姓名")
    qtbot.waitUntil(lambda: browser.detail.customer is not None
                    and browser.detail.customer.id == sample.zhang, timeout=5000)
    assert browser.detail.findChild(QPushButton, "newComplaintButton").text() == "新建抱怨单"
    assert browser.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_merge_conflicts_side_by_side_and_consent_kept_narrow(qtbot, make_ctx, sample, ui_db):
    """Issue 15: every conflicting field has a choice; consent takes the narrower answer
    unless the user picks the wider one, which the merge then records."""
    uow = ui_db.uow
    dup = customers.create_customer(uow(), sample.staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345679",), consent_marketing=True,
        address="深圳市福田区华强北"))
    keep = customers.get_customer(uow(), sample.staff.manager, sample.zhang)
    assert keep.consent_marketing is False
    view = DuplicatesView(make_ctx(sample.staff.manager))
    qtbot.addWidget(view)
    view.show_preview(sample.zhang, dup.id)
    preview = view.preview
    assert preview is not None and "consent_marketing" in preview.conflicts
    compare = view.findChild(object, "mergePreview")
    consent_row = MERGE_FIELDS.index("consent_marketing")
    assert compare.item(consent_row, RESULT_COLUMN).text() == "No"
    combo = compare.cellWidget(consent_row, CHOICE_COLUMN)
    assert combo is not None and combo.currentData() == "keep"
    # a field without conflict has no choice
    assert compare.cellWidget(MERGE_FIELDS.index("name"), CHOICE_COLUMN) is None
    warning = child(view, QLabel, "consentWarning")
    assert warning.isHidden()
    combo.setCurrentIndex(1)  # take the duplicate's "yes"
    assert view.preview.result.consent_marketing is True
    compare = view.findChild(object, "mergePreview")
    assert compare.item(consent_row, RESULT_COLUMN).text() == "Yes"
    assert not warning.isHidden()
    assert view.merge(confirm=False)
    kept = customers.get_customer(uow(), sample.staff.manager, sample.zhang)
    assert kept.consent_marketing is True


def test_header_click_sorts_in_sql_by_pinyin_and_opening_shows_recent(
        qtbot, make_ctx, sample, extra):
    """Issue 15: a click on a column header sorts the whole list in SQL (names by
    pinyin: 单 under s, 曾 under z); a second click reverses it; the list is not empty
    when opened (most recent first); headers carry their whole text as a tooltip."""
    browser = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        browser.show()
    assert browser.model.rowCount() == 8
    assert browser.model.customer_id(0) == extra["company"]  # created last
    header = browser.table.horizontalHeader()
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionPosition(Column.NAME) + 5, 5))
    names = _names(browser.model)
    assert names == ["重庆长安汽车有限公司", "李四", "仇英", "单田芳", "解晓东", "曾小贤",
                     "张三", "张三丰"]
    assert header.sortIndicatorSection() == Column.NAME
    with qtbot.waitSignal(browser.model.search_finished, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionPosition(Column.NAME) + 5, 5))
    assert _names(browser.model) == names[::-1]
    tip = browser.model.headerData(Column.OPEN_COMPLAINTS, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(browser.model.headerData(Column.OPEN_COMPLAINTS,
                                                   Qt.Orientation.Horizontal))
    for column in Column:  # every header fits its column as first laid out
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width() \
            or column == Column.OWNER


def test_export_takes_the_whole_filtered_list_beyond_a_thousand(
        qtbot, make_ctx, sample, ui_db, tmp_path):
    """Issue 15: a search with more than 1,000 hits plus a filter shows its true count,
    and the export writes every customer of it (counted against SQL)."""
    from sqlalchemy import func, select

    from helpdesk.storage import tables
    from tests.integration.test_customer_list_complete import HITS, _load

    with ui_db.engine.begin() as conn:
        offset = conn.scalar(select(func.max(tables.customers.c.id)))
    _load(ui_db, sample.staff.store_id, after_id=offset)
    c = tables.customers
    with ui_db.engine.connect() as conn:
        expected = conn.scalar(select(func.count()).select_from(c).where(
            c.c.name.like("%王%"), c.c.tier == Tier.REGULAR.value, c.c.merged_into_id.is_(None)))
    assert expected > 1000 and HITS > 1000
    browser = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(browser)
    browser.search_box.setText("王")
    browser.tier.setCurrentIndex(browser.tier.findData(Tier.REGULAR.value))
    browser.run_search(background=False)
    assert browser.model.rowCount() == expected
    assert f"{expected:,}" in browser.count_label.text() or str(expected) in \
        browser.count_label.text()
    target = tmp_path / "wang.csv"
    browser.export_to(target, background=False)
    assert len(importing.read_table(target)) == expected


def test_the_export_is_the_list_on_screen(qtbot, make_ctx, sample, ui_db, tmp_path, extra):
    """Issue 10: the export has the screen's columns (visible ones, in screen order),
    its filter and its sort, each value typed; vehicles and orders on their own sheets."""
    from datetime import datetime

    from openpyxl import load_workbook

    from helpdesk.ui import formatting

    browser = CustomerBrowser(make_ctx(sample.staff.manager))
    qtbot.addWidget(browser)
    browser.tier.setCurrentIndex(browser.tier.findData(Tier.REGULAR.value))
    browser.sort.setCurrentIndex(browser.sort.findData(CustomerSort.NAME.value))
    browser.descending.setChecked(True)
    browser.run_search(background=False)
    header = browser.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.PHONE), 0)  # the phone first
    header.hideSection(Column.LIFECYCLE)
    model = browser.model
    shown = [header.logicalIndex(v) for v in range(header.count())
             if not header.isSectionHidden(header.logicalIndex(v))]
    screen = [[model.index(r, c).data() or "" for c in shown] for r in range(model.rowCount())]
    assert len(screen) >= 5 and "张三丰" not in {row[1] for row in screen}  # a VIP: filtered

    target = tmp_path / "list.xlsx"
    browser.export_to(target, background=False)
    book = load_workbook(target)
    first, vehicles, orders = book.worksheets
    values = list(first.iter_rows(values_only=True))
    assert list(values[0]) == [model.headerData(c, Qt.Orientation.Horizontal) for c in shown]

    def as_shown(value, column: int) -> str:
        if value is None:
            return ""
        if column == Column.REVENUE:
            assert isinstance(value, (int, float))  # a number, not text
            return formatting.money_text(round(value * 100))
        if column == Column.LAST_PURCHASE:
            return formatting.date_text(value.date() if isinstance(value, datetime) else value)
        if column == Column.LAST_COMPLAINT:
            return formatting.datetime_text(value)
        if column == Column.OPEN_COMPLAINTS:
            return str(value) if value else ""
        return str(value)

    written = [[as_shown(v, c) for v, c in zip(row, shown, strict=True)] for row in values[1:]]
    assert written == screen
    # Every vehicle and order of those customers, not only one each.
    names = {row[shown.index(Column.NAME)] for row in screen}
    owners = [r[0] for r in list(vehicles.iter_rows(values_only=True))[1:]]
    assert set(owners) <= names and "张三" in owners
    buyers = [r[0] for r in list(orders.iter_rows(values_only=True))[1:]]
    assert "重庆长安汽车有限公司" in buyers
