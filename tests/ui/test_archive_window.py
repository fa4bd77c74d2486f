"""An archive of 2024's closed sheets opened read-only in the desktop (issue 11): the
list shows exactly the archived sheets, nothing can be changed (the screens offer no
edit and the services refuse one), and the file's bytes are the same afterwards."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.errors import PermissionDenied
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import archive, complaints, customers, reporting
from helpdesk.ui import app
from helpdesk.ui.main_window import MainWindow
from tests.conftest import NOW

MEASURE = "交车前增加洗车检查表，由车间主管王五签字，2024年6月1日起执行"


def _closed_in_2024(uow, staff, customer_id: int, text: str) -> int:  # noqa: ANN001
    sheet = complaints.register(uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description=text, customer_id=customer_id)).id
    complaints.assign(uow(), staff.director, sheet, ResponsibleArea.SERVICE, staff.manager)
    complaints.add_progress(uow(), staff.manager, sheet, "已联系客户，约好周六复查",
                            customer_notified=True)
    complaints.record_analysis(uow(), staff.director, sheet,
                               root_cause="洗车工漏洗车辆底部，交车前没有检查",
                               correction="重新免费洗车", long_term_measure=MEASURE)
    complaints.resolve(uow(), staff.director, sheet)
    complaints.record_return_visit(uow(), staff.care, sheet, 4)
    complaints.close(uow(), staff.director, sheet, "客户满意")
    return sheet


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def archive_2024(ui_db, sample, clock, tmp_path) -> tuple[Path, list[int], bytes]:  # noqa: ANN001
    clock.at = datetime(2024, 5, 6, 10, 0)
    sheets = [_closed_in_2024(ui_db.uow, sample.staff, sample.li, f"2024年洗车不干净{i}")
              for i in range(3)]
    clock.at = datetime(2027, 3, 1, 10, 0)
    issued = reporting.issue_monthly(ui_db.uow(), sample.staff.director,
                                     reporting.MonthlyRequest("2024-05"))
    path = tmp_path / "archive-2024.db"
    result = archive.export_archive(ui_db.uow(), sample.staff.admin, path,
                                    closed_before=datetime(2025, 1, 1))
    assert sorted(result.sheet_ids) == sheets  # the sample's own sheets are of 2026
    clock.at = NOW
    return path, sheets, issued.pdf


def test_an_archive_opens_read_only_in_its_own_window(qtbot, make_ctx, sample, ui_db,
                                                      archive_2024):
    path, sheets, issued_pdf = archive_2024
    before = _sha256(path)
    ctx = make_ctx(sample.staff.manager)
    main = app.main_window(ctx)
    qtbot.addWidget(main)
    assert main.open_archive_action.isVisible() is False or main.open_archive_action.isEnabled()
    window = main.open_archive(path)
    assert isinstance(window, MainWindow) and window.read_only
    assert "Archive (read-only)" in window.windowTitle() and str(path) in window.windowTitle()
    assert window.database_label.text() == window.windowTitle()
    # Nothing to register, import or back up; no logout (nobody logged in to it).
    for action in (window.new_action, window.import_sheets_action, window.backup_action,
                   window.logout_action):
        assert not action.isEnabled()
    assert window.user_label.text().startswith("陈刚")  # read as the same person

    page = window.show_page("complaints")
    qtbot.waitUntil(lambda: not window._ctx.busy, timeout=10000)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(sheets), timeout=10000)
    assert page.count_label.text().startswith(f"{len(sheets)} sheet(s)")
    assert page.new_button.isHidden()

    # The sheet form: readable, printable, nothing editable.
    sheet_window = window.open_sheet(sheets[0])
    assert sheet_window is not None
    form = sheet_window.form
    assert sheet_window.windowTitle().endswith("archive (read-only)")
    assert form.detail is not None and form.detail.id == sheets[0]
    assert not form.save_button.isEnabled()
    assert form.print_button.isEnabled()
    assert all(not button.isEnabled() for button in form.action_buttons.values())
    panel = form.attachments_panel
    assert len(panel.items) == 0 or not panel.remove_button.isEnabled()
    assert not panel.add_button.isEnabled() and not panel.paste_button.isEnabled()
    sheet_window.close()

    # The customer record: shown, its save and "new complaint" are off.
    browser = window.show_page("customers")
    assert browser is not None
    assert not browser.detail._save.isEnabled() and not browser.detail._new_sheet.isEnabled()

    # The issued report of May 2024 is in the archive, byte for byte.
    reports = window.show_page("issued")
    assert reports is not None and len(reports.entries) == 1
    qtbot.waitUntil(lambda: reports.preview.data == issued_pdf, timeout=10000)
    assert reports.print_button.isEnabled()

    # Whatever the screens show, the services refuse an edit of the archive.
    archive_uow = window._ctx.uow
    with pytest.raises(PermissionDenied) as refused:
        complaints.reopen(archive_uow(), sample.staff.director, sheets[0], "客户再次投诉")
    assert refused.value.code == "archive.read_only"
    with pytest.raises(PermissionDenied) as refused:
        customers.create_customer(archive_uow(), sample.staff.desk, customers.CustomerInput(
            name="王五", phones=("13700000000",)))
    assert refused.value.code == "archive.read_only"

    window.close()
    qtbot.waitUntil(lambda: not main.archive_windows, timeout=5000)
    # The archive's bytes are unchanged, and no journal was left beside it.
    assert _sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) \
        == [path.name]
    # The live database did not change by reading the archive: same sheets as before.
    live = complaints.list_sheet_ids(ui_db.uow(), sample.staff.admin,
                                     SheetFilter(include_closed=True))
    assert set(sheets) <= set(live)


def test_helpdesk_archive_file_opens_it_after_the_login(monkeypatch) -> None:  # noqa: ANN001
    from helpdesk import cli

    started: list[list[str]] = []
    monkeypatch.setattr(app, "run", lambda argv: started.append(list(argv)) or 0)
    assert cli.main(["--archive", "old.db", "--lang", "en"]) == 0
    assert started == [["--lang", "en", "--archive", "old.db"]]
    parsed, rest = app._parse(started[0])
    assert parsed.archive == "old.db" and rest == []
