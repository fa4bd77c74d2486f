"""The Complaints page: filters and the quick search driven through the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpdesk.services import complaints
from helpdesk.ui.complaints.list_page import ComplaintListPage
from helpdesk.ui.complaints.model import Column, SheetIdRole
from tests.ui.helpers import activate, type_text


def _page(qtbot, ctx) -> ComplaintListPage:
    page = ComplaintListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    activate(qtbot, page)
    qtbot.waitUntil(lambda: not ctx.busy, timeout=5000)
    return page


def _settle(qtbot, page: ComplaintListPage) -> None:
    page._run_search_now()  # the debounce timer, without waiting for it
    qtbot.waitUntil(lambda: not page._ctx.busy, timeout=5000)


def _column(page: ComplaintListPage, column: Column) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_default_shows_the_open_sheets(qtbot, make_ctx, sample):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    assert sorted(_column(page, Column.STATE)) == sorted(
        ["Registered", "In progress", "Visited"])
    assert page.count_label.text().startswith("3 sheet(s)")


def test_quick_search_by_pinyin_initials(qtbot, make_ctx, sample):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    qtbot.keyClicks(page.search_edit, "ls")  # 李四
    _settle(qtbot, page)
    assert set(_column(page, Column.CUSTOMER)) == {"李四"}
    assert page.model.rowCount() == 2
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "京a12345")  # the plate, typed loosely
    _settle(qtbot, page)
    assert _column(page, Column.CUSTOMER) == ["张三", "张三"]


def test_filters_status_due_mine_channel_severity_category(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.manager)
    page = _page(qtbot, ctx)
    page.state_combo.setCurrentIndex(page.state_combo.findData("closed"))
    _settle(qtbot, page)
    assert _column(page, Column.STATE) == ["Closed"]
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    qtbot.mouseClick(page.mine_check, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert set(_column(page, Column.RESPONSIBLE)) == {"陈刚"} and page.model.rowCount() == 3
    assert "Registered" not in _column(page, Column.STATE)
    page.reset_filters()
    qtbot.waitUntil(lambda: not ctx.busy, timeout=5000)
    assert not page.mine_check.isChecked()
    page.category_combo.setCurrentIndex(page.category_combo.findData("price"))
    _settle(qtbot, page)
    assert page.model.rowCount() == 0
    page.category_combo.setCurrentIndex(page.category_combo.findData("repair_quality"))
    page.severity_combo.setCurrentIndex(page.severity_combo.findData("major"))
    _settle(qtbot, page)
    assert page.model.rowCount() == 0
    page.severity_combo.setCurrentIndex(0)
    page.channel_combo.setCurrentIndex(page.channel_combo.findData("reception"))
    _settle(qtbot, page)
    assert page.model.rowCount() == 3
    page.due_combo.setCurrentIndex(page.due_combo.findData("overdue"))
    _settle(qtbot, page)
    assert _column(page, Column.STATE) == ["Registered"]  # its response is late
    complaints.acknowledge(ui_db.uow(), sample.staff.manager, sample.registered)
    _settle(qtbot, page)
    assert page.model.rowCount() == 0
    page.due_combo.setCurrentIndex(page.due_combo.findData("due_today"))
    _settle(qtbot, page)
    assert page.model.rowCount() == 0  # the resolutions are due in three working days


def test_date_range_filter(qtbot, make_ctx, sample):
    from datetime import date

    page = _page(qtbot, make_ctx(sample.staff.desk))
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    page.from_check.setChecked(True)
    page.from_date.setDate(date(2026, 11, 18))
    page.to_check.setChecked(True)
    page.to_date.setDate(date(2026, 11, 18))
    _settle(qtbot, page)
    assert page.model.rowCount() == 3  # received on the 18th; the fourth the day before
    page.to_date.setDate(date(2026, 11, 17))
    _settle(qtbot, page)
    assert page.model.rowCount() == 0


def test_sorting_by_header_runs_in_sql(qtbot, make_ctx, sample):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    header = page.table.horizontalHeader()
    header.sectionClicked.emit(Column.NUMBER)
    qtbot.waitUntil(lambda: not page._ctx.busy, timeout=5000)
    numbers = _column(page, Column.NUMBER)
    assert numbers == sorted(numbers)
    header.sectionClicked.emit(Column.TIME_LEFT)
    qtbot.waitUntil(lambda: not page._ctx.busy, timeout=5000)
    assert _column(page, Column.NUMBER)[0] == "TS-2026-000001"  # the overdue one first


def test_a_saved_sheet_refreshes_the_list(qtbot, make_ctx, sample, ui_db):
    ctx = make_ctx(sample.staff.desk)
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.model.search_finished, timeout=5000):
        # Through the context's unit of work, as the sheet form saves: its commit
        # announces the change and the list searches again by itself.
        complaints.reopen(ctx.uow(), sample.staff.director, sample.closed, "客户又来电")
    assert page.model.rowCount() == 4


def test_ctrl_f_goes_to_the_search_box(qtbot, make_ctx, sample):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    page.focus_search()
    assert page.focusWidget() is page.search_edit


def test_down_and_enter_leave_the_search_box_for_the_list(qtbot, make_ctx, sample):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    _settle(qtbot, page)
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.selected_sheet_id() == page.model.index(0, 0).data(SheetIdRole)

    # Enter right after typing: the search runs at once, and the only hit opens.
    opened: list[int] = []
    page.sheet_open_requested.connect(opened.append)
    number = page.model.index(0, Column.NUMBER).data()
    type_text(qtbot, page.search_edit, number)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert complaints.get_sheet(page._ctx.uow(), page._ctx.user_id, opened[0]).number == number

    # Several hits: Enter puts the cursor on the first row; Enter there opens it.
    opened.clear()
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "ls")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.table.hasFocus, timeout=5000)
    assert not opened and page.model.rowCount() == 2
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.index(0, 0).data(SheetIdRole)]


def test_english_columns_fit_their_words_and_cells_have_tooltips(qtbot, make_ctx, sample):
    from helpdesk.domain.complaints import SheetState
    from helpdesk.domain.enums import Channel
    from helpdesk.ui import labels

    page = _page(qtbot, make_ctx(sample.staff.desk))
    header, metrics = page.table.horizontalHeader(), page.table.fontMetrics()
    for column, words in ((Column.CHANNEL, [labels.label(c) for c in Channel]),
                          (Column.STATE, [labels.label(s) for s in SheetState])):
        longest = max(metrics.horizontalAdvance(w) for w in words)
        assert header.sectionSize(column) >= longest
    for column in (Column.CHANNEL, Column.CATEGORY):
        index = page.model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    # The customer and the number also say what the complaint is about (issue 9).
    row = page.model.sheet_row(0)
    for column in (Column.CUSTOMER, Column.NUMBER):
        index = page.model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == \
            f"{index.data()}\n{row.first_line}" and row.first_line


# ---------------------------------------------------------------- issue 11
def test_text_search_shows_the_match_and_number_tails_find_the_sheet(
        qtbot, make_ctx, sample, ui_db):
    from helpdesk.ui.complaints.match_delegate import match_html
    from helpdesk.ui.complaints.model import MatchRole

    page = _page(qtbot, make_ctx(sample.staff.desk))
    assert page.table.isColumnHidden(Column.TEXT_MATCH)
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    type_text(qtbot, page.search_edit, "异响")  # two characters: below a trigram
    _settle(qtbot, page)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data(SheetIdRole) == sample.registered
    assert not page.table.isColumnHidden(Column.TEXT_MATCH)
    parts = page.model.index(0, Column.TEXT_MATCH).data(MatchRole)
    assert parts == ("保养后发动机", "异响", "")
    assert "<b" in match_html(parts) and ">异响</b>" in match_html(parts)
    page.table.grab()  # the delegate paints without a Qt warning
    number = complaints.get_sheet(ui_db.uow(), sample.staff.desk, sample.closed).number
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, str(int(number.rsplit("-", 1)[1])))  # "4"
    _settle(qtbot, page)
    assert page.model.index(0, 0).data(SheetIdRole) == sample.closed
    assert page.model.index(0, Column.TEXT_MATCH).data() == ""
