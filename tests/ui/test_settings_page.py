"""The Settings page by role, each tab saved through its service and checked there."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QPushButton

from helpdesk.domain.sla import DueKind, crm_policy
from helpdesk.services import session, users
from helpdesk.services import settings as settings_svc
from helpdesk.ui import i18n
from helpdesk.ui.settings.page import SettingsPage
from tests.ui.helpers import child, type_text, when_modal


def _page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _tabs(page: SettingsPage) -> list[str]:
    return [page.tabs.widget(i).objectName() for i in range(page.tabs.count())]


def test_tabs_follow_the_role(qtbot, make_ctx, sample):
    assert _tabs(_page(qtbot, make_ctx(sample.staff.desk))) == ["personalTab", "databaseTab"]
    assert _tabs(_page(qtbot, make_ctx(sample.staff.admin))) == [
        "storeTab", "calendarTab", "policyTab", "phrasesTab", "categoriesTab", "timeTab",
        "usersTab", "personalTab", "databaseTab"]


def test_store_data_is_saved_and_errors_are_on_fields(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("storeTab")
    tab.name_edit.clear()
    qtbot.keyClicks(tab.phone_edit, "12ab")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.errors.label("store_name").text() == "This field is required."
    assert "not a valid phone number" in tab.errors.label("store_phone").text()
    type_text(qtbot, tab.name_edit, "天顺汽车")
    tab.phone_edit.setText("0755-26881234")
    tab.retention_spin.setValue(3)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Saved."
    saved = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin, sample.staff.store_id)
    assert (saved.store.name, saved.store.phone) == ("天顺汽车", "+8675526881234")
    assert settings_svc.get_retention_years(ui_db.uow()) == 3


def test_calendar_hours_holidays_and_errors(qtbot, make_ctx, sample, ui_db):
    from datetime import date, time

    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("calendarTab")
    tab.open_checks[6].setChecked(False)  # closed on Sundays
    tab.opening_edits[0].setTime(QTime(19, 0))  # Monday opens after it closes
    tab.holidays.picker.setDate(date(2026, 10, 1))
    qtbot.mouseClick(tab.holidays.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.errors.label("hours[0]").text() == \
        "The opening time 19:00 must be before the closing time 18:00."
    assert tab.opening_edits[0].property("invalid") is True
    tab.opening_edits[0].setTime(QTime(8, 0))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin, sample.staff.store_id)
    assert saved.hours[6] is None and saved.hours[0] == (time(8, 0), time(18, 0))
    assert saved.holidays == (date(2026, 10, 1),)


def test_holidays_load_a_year_take_a_range_and_typed_dates(qtbot, make_ctx, sample, ui_db):
    from datetime import date

    from helpdesk.services import holidays

    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("calendarTab")
    tab.holidays.set_dates([])
    tab.makeup_days.set_dates([])
    tab.year_box.setValue(2026)
    qtbot.mouseClick(tab.load_year_button, Qt.MouseButton.LeftButton)
    assert len(tab.holidays.dates()) == 33 and len(tab.makeup_days.dates()) == 6
    first = tab.holidays.list.item(0).text()
    assert first == "2026-01-01 Thu (off) New Year's Day"  # weekday, day off, name
    assert tab.makeup_days.list.item(0).text() == \
        "2026-01-04 Sun (work) New Year's Day: make-up working day"
    # A whole Golden Week typed at once, the year typed whole.
    picker, until = tab.holidays.picker, tab.holidays.until
    picker.clear()
    qtbot.keyClicks(picker, "2027-10-01")
    until.clear()
    until.insert("2027年10月7日")  # (QTest cannot key in CJK characters; an IME inserts)
    qtbot.mouseClick(tab.holidays.add_button, Qt.MouseButton.LeftButton)
    assert {date(2027, 10, d) for d in range(1, 8)} <= set(tab.holidays.dates())
    # An unannounced year says so instead of loading nothing silently.
    tab.year_box.setValue(holidays.known_years().stop)
    qtbot.mouseClick(tab.load_year_button, Qt.MouseButton.LeftButton)
    assert str(holidays.known_years().stop) in tab.holiday_notice.text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin,
                                            sample.staff.store_id)
    assert date(2027, 10, 7) in saved.holidays and len(saved.makeup_workdays) == 6


def test_the_holiday_lists_open_at_this_year(qtbot, make_ctx, sample):
    """Issue 10: a store keeps years of holidays; the lists start at this year's."""
    from datetime import date, timedelta

    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("calendarTab")
    this_year = date.today().year
    old_years = [date(year, 2, 1) + timedelta(days=i) for year in range(2010, this_year)
                 for i in range(7)]
    tab.holidays.set_dates([*old_years, date(this_year, 10, 1)])
    shown = tab.holidays.list

    def visible(row: int) -> bool:
        return shown.viewport().rect().intersects(shown.visualItemRect(shown.item(row)))

    qtbot.waitUntil(lambda: visible(shown.count() - 1), timeout=3000)
    assert shown.item(shown.count() - 1).text().startswith(f"{this_year}-10-01")
    assert not visible(0)  # 2010


def test_the_store_phone_reads_as_people_write_it(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("storeTab")
    tab.phone_edit.setText("+8675526881234")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    tab.load()
    assert tab.phone_edit.text() == "0755 2688 1234"  # not +8675526881234
    saved = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin, sample.staff.store_id)
    assert saved.store.phone == "+8675526881234"


def test_time_editor_takes_a_typed_time_whole(qtbot):
    from PySide6.QtCore import QTime

    from helpdesk.ui.date_edits import DateEdit, TimeEdit

    edit = TimeEdit()
    qtbot.addWidget(edit)
    edit.setTime(QTime(8, 0))
    edit.selectAll()
    qtbot.keyClicks(edit, "19:00")
    assert edit.time() == QTime(19, 0)
    edit.selectAll()
    edit.insert("下午7点半")
    assert edit.time() == QTime(19, 30)
    edit.selectAll()
    qtbot.keyClicks(edit, "25:00")
    assert edit.time() == QTime(19, 30) and edit.property("invalid") is True
    day = DateEdit()
    qtbot.addWidget(day)
    day.selectAll()
    qtbot.keyClicks(day, "2027-02-07")
    assert day.date().toPython().isoformat() == "2027-02-07"


def test_policy_table_marks_bad_cells(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("policyTab")
    rows = tab.table.rowCount()
    assert rows == 9
    amount = tab.table.cellWidget(0, 3)
    amount.setText("abc")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert amount.property("invalid") is True
    assert tab.general_error.text() == "Row 1: The amount must be a positive whole number."
    amount.setText("20")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    policy = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin,
                                             sample.staff.store_id).policy
    assert policy.rules[0].response.amount == 20
    assert policy.rules[0].response.kind is DueKind.WORKING_MINUTES


def test_banned_phrases_and_categories(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    phrases = page.tab("phrasesTab")
    phrases.edit.setPlainText("加强检查\n" + "长" * 41)
    qtbot.mouseClick(phrases.save_button, Qt.MouseButton.LeftButton)
    assert phrases.error.text() == "Line 2 has 41 characters; a phrase has at most 40."
    phrases.edit.setPlainText("加强检查\n多加小心")
    qtbot.mouseClick(phrases.save_button, Qt.MouseButton.LeftButton)
    assert settings_svc.get_banned_phrases(ui_db.uow(), sample.staff.admin) == \
        ["加强检查", "多加小心"]
    categories = page.tab("categoriesTab")
    qtbot.mouseClick(categories.add_button, Qt.MouseButton.LeftButton)
    row = categories.table.rowCount() - 1
    categories.table.item(row, 0).setText("parking")
    categories.table.item(row, 1).setText("停车")
    qtbot.mouseClick(categories.save_button, Qt.MouseButton.LeftButton)
    assert settings_svc.get_categories(ui_db.uow())["parking"] == ["停车", "停车", "停车"]
    # A category in use cannot go: the row says why.
    used = next(r for r in range(categories.table.rowCount())
                if categories.table.item(r, 0).text() == "repair_quality")
    categories.table.setCurrentCell(used, 0)
    rows = categories.table.rowCount()
    qtbot.mouseClick(categories.remove_button, Qt.MouseButton.LeftButton)
    assert "is used by complaint sheets" in categories.general_error.text()
    assert categories.table.rowCount() == rows  # refused, and the row stays
    assert categories.table.item(used, 0).text() == "repair_quality"
    # A new category needs no code: it is made from the pinyin of its name.
    qtbot.mouseClick(categories.add_button, Qt.MouseButton.LeftButton)
    categories.table.item(rows, 1).setText("洗车服务")
    qtbot.mouseClick(categories.save_button, Qt.MouseButton.LeftButton)
    saved = settings_svc.get_categories(ui_db.uow())
    assert saved["xi_che_fu_wu"] == ["洗车服务"] * 3 and "repair_quality" in saved
    assert categories.table.item(rows, 0).text() == "xi_che_fu_wu"


def test_replace_by_preset_asks_and_waits_for_save(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("policyTab")
    before = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin,
                                             sample.staff.store_id).policy.rules
    rows = tab.table.rowCount()
    tab.preset_combo.setCurrentIndex(tab.preset_combo.findData("crm"))
    when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == rows
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 2
    # Nothing saved yet: Refresh (F5) brings the saved table back.
    assert settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin,
                                           sample.staff.store_id).policy.rules == before
    page.refresh()
    tab = page.tab("policyTab")
    assert tab.table.rowCount() == rows
    tab.preset_combo.setCurrentIndex(tab.preset_combo.findData("crm"))
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    i18n.install("zh_CN")
    qtbot.wait(20)  # the LanguageChange events
    assert tab.table.item(1, 7).text() == "1小时内响应；每24小时向客户通报一次进展。"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "已保存。"
    saved = settings_svc.get_store_settings(ui_db.uow(), sample.staff.admin,
                                            sample.staff.store_id).policy.rules
    assert [r.note for r in saved] == [r.note for r in crm_policy().rules]  # the data
    i18n.install("en")
    qtbot.wait(20)
    assert page.tab("policyTab").status.text() == "Saved."  # follows the language


def test_refresh_reloads_and_retention_is_explained(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    settings_svc.update_store(ui_db.uow(), sample.staff.admin, sample.staff.store_id,
                              name="天顺二店", address="", phone="")
    page.refresh()
    tab = page.tab("storeTab")
    assert tab.name_edit.text() == "天顺二店"
    assert "at least this long" in tab.retention_note.text()
    assert tab.retention_note.isVisible()


def test_admin_adds_a_user_through_the_dialog(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.admin))
    tab = page.tab("usersTab")
    errors: list[str] = []

    def fill(dialog):
        qtbot.keyClicks(child(dialog, QLineEdit, "newUsername"), "wang")
        type_text(qtbot, child(dialog, QLineEdit, "newDisplayName"), "王明")
        child(dialog, QCheckBox, "role_front_desk").setChecked(False)
        child(dialog, QCheckBox, "role_customer_care").setChecked(True)
        qtbot.keyClicks(child(dialog, QLineEdit, "newPassword"), "short")
        qtbot.mouseClick(child(dialog, QPushButton, "okButton"), Qt.MouseButton.LeftButton)
        errors.append(dialog.errors.label("password").text())
        child(dialog, QLineEdit, "newPassword").setText("longer123")
        qtbot.mouseClick(child(dialog, QPushButton, "okButton"), Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert errors == ["The password needs at least 8 characters."]
    user = users.login(ui_db.uow(), "wang", "longer123")
    assert user.display_name == "王明"
    assert [r.value for r in user.roles] == ["customer_care"]
    assert "王明" in [tab.table.item(r, 1).text() for r in range(tab.table.rowCount())]


def test_database_location_test_and_save(qtbot, make_ctx, sample, ui_db, tmp_path):
    ctx = make_ctx(sample.staff.desk)
    page = _page(qtbot, ctx)
    tab = page.tab("databaseTab")
    tab.location_edit.setText(ui_db.url)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test_button.isEnabled() and "✓" in tab.result_label.text(),
                    timeout=5000)
    assert "ready to use" in tab.result_label.text()
    tab.location_edit.setText("postgresql://nobody@127.0.0.1:1/none")
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✗" in tab.result_label.text(), timeout=10000)
    assert "cannot be opened" in tab.result_label.text()
    target = tmp_path / "elsewhere.db"
    tab.location_edit.setText(str(target))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert session.effective_location() == str(target)
    assert str(target) in tab.result_label.text()


def test_change_own_password(qtbot, make_ctx, sample, ui_db):
    page = _page(qtbot, make_ctx(sample.staff.desk))
    tab = page.tab("personalTab")
    qtbot.keyClicks(tab.old_edit, "wrong-one1")
    qtbot.keyClicks(tab.new_edit, "newpass123")
    qtbot.keyClicks(tab.confirm_edit, "newpass123")
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    assert tab.errors.label("old_password").text() == "The current password is wrong."
    tab.old_edit.setText("secret123")
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Your password is changed."
    assert users.login(ui_db.uow(), "desk", "newpass123").username == "desk"


def test_saving_a_server_says_where_its_password_went(qtbot, make_ctx, sample, monkeypatch):
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # no store here
    page = _page(qtbot, make_ctx(sample.staff.desk))
    tab = page.tab("databaseTab")
    tab.location_edit.setText("postgresql://desk:pw@db.example/helpdesk")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Saved: Helpdesk opens" in tab.result_label.text()
    assert "the password is kept in the configuration file, readable only by you" in \
        tab.result_label.text()
    assert session.password_storage() == "config"


# ---------------------------------------------------------------- issue 11
def test_the_administrator_sets_the_attachment_limits(qtbot, make_ctx, sample, ui_db):
    from helpdesk.services import attachments as att
    from helpdesk.ui.settings.store_tabs import StoreTab

    tab = StoreTab(make_ctx(sample.staff.admin), sample.staff.store_id)
    qtbot.addWidget(tab)
    assert tab.file_limit_spin.value() == 10.0 and tab.sheet_limit_spin.value() == 50.0
    tab.file_limit_spin.setValue(2.5)
    tab.sheet_limit_spin.setValue(20)
    tab.save()
    limits = att.get_limits(ui_db.uow(), sample.staff.admin)
    assert (limits.per_file, limits.per_sheet) == (round(2.5 * 1024 * 1024), 20 * 1024 * 1024)
    tab.file_limit_spin.setValue(30)  # more than a whole sheet: refused at the field
    tab.save()
    assert att.get_limits(ui_db.uow(), sample.staff.admin).per_file == round(2.5 * 1024 * 1024)
    assert "whole sheet" in tab.errors.label("attachment_limits").text()


def test_the_administrator_archives_old_closed_sheets(qtbot, make_ctx, sample, ui_db,
                                                      tmp_path, clock):
    from helpdesk.domain.filters import SheetFilter
    from helpdesk.services import archive
    from helpdesk.services import complaints as cs
    from helpdesk.ui.settings.store_tabs import StoreTab

    tab = StoreTab(make_ctx(sample.staff.admin), sample.staff.store_id)
    qtbot.addWidget(tab)
    assert tab.archive_to(tmp_path / "none.db", remove=lambda n: True) == 0
    assert "nothing to archive" in tab.general_error.text()
    clock.advance(days=3 * 365)  # the sample's closed sheet is now three years old
    asked: list[int] = []
    assert tab.archive_to(tmp_path / "a.db", remove=lambda n: asked.append(n) or False) == 1
    assert asked == [1]  # asked, and told no: nothing removed
    everything = SheetFilter(include_closed=True)
    assert sample.closed in cs.list_sheet_ids(ui_db.uow(), sample.staff.admin, everything)
    assert tab.archive_to(tmp_path / "b.db", remove=lambda n: True) == 1
    assert sample.closed not in cs.list_sheet_ids(ui_db.uow(), sample.staff.admin, everything)
    assert archive.archived_sheet_ids(tmp_path / "b.db") == [sample.closed]
