"""The audit-trail viewer (issue 15): only for the roles that may see it; filters by
who, what, record and period in SQL; shows before/after in words; opens the record;
exports the whole filtered list."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QDate

from helpdesk.domain.audit import AuditQuery
from helpdesk.domain.errors import PermissionDenied
from helpdesk.services import audit_trail, customers
from helpdesk.ui import i18n
from helpdesk.ui.customers import CustomerBrowser
from helpdesk.ui.customers.audit_view import AuditView


@pytest.fixture
def edited(ui_db, sample):
    """张三's consent and address changed by the manager (one audit entry)."""
    uow = ui_db.uow
    zhang = customers.get_customer(uow(), sample.staff.manager, sample.zhang)
    customers.update_customer(uow(), sample.staff.manager, zhang.id, zhang.version,
                              customers.CustomerInput(name=zhang.name, phones=zhang.phones,
                                                      consent_marketing=True,
                                                      address="深圳市南山区科技园"))
    return zhang.id


def test_the_service_reads_for_the_granted_roles_only(ui_db, sample, edited):
    for who in (sample.staff.director, sample.staff.gm, sample.staff.admin):
        assert audit_trail.search(ui_db.uow(), who, AuditQuery())
    for who in (sample.staff.desk, sample.staff.manager):
        with pytest.raises(PermissionDenied):
            audit_trail.search(ui_db.uow(), who, AuditQuery())


def test_filters_and_before_after_in_words(qtbot, make_ctx, sample, ui_db, edited):
    i18n.install("zh_CN")
    try:
        view = AuditView(make_ctx(sample.staff.director))
        qtbot.addWidget(view)
        view.refresh(background=False)
        everything = view.model.rowCount()
        assert everything == len(audit_trail.search(ui_db.uow(), sample.staff.director,
                                                     AuditQuery()))
        view.who.setCurrentIndex(view.who.findData(sample.staff.manager))
        view.what.setCurrentIndex(view.what.findData("customer.update"))
        view.run_search(background=False)
        assert view.model.rowCount() == 1
        view.table.selectRow(0)
        row = view.selected()
        assert (row.action_text, row.entity_text, row.entity_id) == ("修改客户资料", "客户", edited)
        changes = {c.field: (c.before, c.after) for c in row.changes}
        assert changes["营销授权"] == ("否", "是")
        assert changes["地址"] == ("", "深圳市南山区科技园")
        assert view.changes_view.model().rowCount() == len(row.changes)
        # the record filter and the period filter
        view.what.setCurrentIndex(0)
        view.who.setCurrentIndex(0)
        view.record.setText(str(sample.li))
        view.entity.setCurrentIndex(view.entity.findData("customer"))
        view.run_search(background=False)
        ids = audit_trail.search(ui_db.uow(), sample.staff.director,
                                 AuditQuery(entity="customer", entity_id=sample.li))
        assert view.model.rowCount() == len(ids) >= 1
        view.use_period.setChecked(True)
        view.since.setDate(QDate(2001, 1, 1))
        view.until.setDate(QDate(2001, 12, 31))
        view.run_search(background=False)
        assert view.model.rowCount() == 0
    finally:
        i18n.install("en")


def test_open_the_record_and_export(qtbot, make_ctx, sample, ui_db, edited, tmp_path):
    browser = CustomerBrowser(make_ctx(sample.staff.gm))
    qtbot.addWidget(browser)
    assert browser.tabs.isTabEnabled(3)
    view = browser.audit
    view.refresh(background=False)
    view.what.setCurrentIndex(view.what.findData("customer.update"))
    view.run_search(background=False)
    view.table.selectRow(0)
    with qtbot.waitSignal(view.customer_open_requested) as opened:
        assert view.open_record()
    assert opened.args == [edited]
    count = view.export_to(tmp_path / "audit.csv")
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert count == view.model.rowCount() == len(lines) - 1
    desk = CustomerBrowser(make_ctx(sample.staff.desk))
    qtbot.addWidget(desk)
    assert not desk.tabs.isTabEnabled(3)


def test_workflow_values_are_shown_by_their_labels(ui_db, sample):
    ids = audit_trail.search(ui_db.uow(), sample.staff.director,
                             AuditQuery(actions=frozenset({"sheet.close"})))
    (row,) = audit_trail.rows(ui_db.uow(), sample.staff.director, ids[:1], lang="zh_CN")
    changes = {c.field: (c.before, c.after) for c in row.changes}
    assert changes["状态"] == ("已回访", "已关闭")
    assert "closed_at" not in changes and "关闭时间" in changes


def test_settings_changes_read_in_words(qtbot, make_ctx, sample, ui_db):
    """Issue 15: a changed setting reads by its name and its values in words — no
    internal key, no JSON."""
    from datetime import date, time

    from PySide6.QtCore import Qt

    from helpdesk.services import settings

    admin, store = sample.staff.admin, sample.staff.store_id
    settings.save_warning_window(ui_db.uow(), admin, 4, 90)
    current = settings.get_store_settings(ui_db.uow(), admin, store)
    hours = dict(current.hours)
    hours[5] = (time(9, 0), time(13, 0))
    settings.save_calendar(ui_db.uow(), admin, store, hours=hours,
                           holidays=[*current.holidays, date(2026, 12, 24)],
                           makeup_workdays=current.makeup_workdays,
                           makeup_hours=current.makeup_hours)
    i18n.install("zh_CN")
    try:
        view = AuditView(make_ctx(sample.staff.director))
        qtbot.addWidget(view)
        view.refresh(background=False)
        shown = {}
        for action in ("settings.warning_window", "store.calendar"):
            view.what.setCurrentIndex(view.what.findData(action))
            view.run_search(background=False)
            assert view.model.rowCount() == 1, action
            view.table.selectRow(0)
            cells = [view.model.index(0, column).data(Qt.ItemDataRole.DisplayRole)
                     for column in range(view.model.columnCount())]
            shown[action] = " | ".join(cells)
            for raw in ("warning_window", "minimum_minutes", "share", "holidays", "hours",
                        "{", "settings.", "store."):
                assert raw not in shown[action], (raw, shown[action])
            assert view.changes_view.model().rowCount() == len(view.selected().changes)
        assert "修改临近期限提醒" in shown["settings.warning_window"]
        assert "临近期限提醒: 最后 1/3 的时间，至少 10分钟 → 最后 1/4 的时间，至少 1小时30分钟" \
            in shown["settings.warning_window"]
        assert "修改营业日历" in shown["store.calendar"]
        assert "公休假日: 新增 2026-12-24" in shown["store.calendar"]
        assert "周六营业时间:" in shown["store.calendar"]
        assert "→ 09:00–13:00" in shown["store.calendar"]
    finally:
        i18n.install("en")
