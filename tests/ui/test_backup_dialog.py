"""Backups from the desk (issue 10): administrators back up and restore without a
terminal, switch the daily backup on, and the status bar shows the last backup's date."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from helpdesk.services import backups
from helpdesk.ui.backup_dialog import BackupDialog


def _ctx(make_ctx, user, ui_db):
    ctx = make_ctx(user)
    ctx.database_url = ui_db.url
    return ctx


def test_back_up_now_switch_on_the_daily_backup_and_restore(qtbot, make_ctx, sample, ui_db,
                                                            tmp_path):
    dialog = BackupDialog(_ctx(make_ctx, sample.staff.admin, ui_db))
    qtbot.addWidget(dialog)
    drive = tmp_path / "usb"
    drive.mkdir()
    saved = dialog.backup_to(drive)
    assert saved is not None and saved.parent == drive
    assert "Backup written" in dialog.message.text()
    assert dialog.last_label.text().startswith("Last backup: ")
    assert dialog.last_label.styleSheet() == ""  # fresh: no warning
    dialog.auto_check.setChecked(True)
    dialog.folder_edit.setText(str(tmp_path / "not plugged in"))
    dialog.save()
    assert "does not exist" in dialog.message.text()
    dialog.folder_edit.setText(str(drive))
    dialog.keep_box.setValue(7)
    dialog.save()
    assert backups.auto_backup_settings(ui_db.uow()) == \
        backups.AutoBackup(True, str(drive), 7, str(drive))
    with qtbot.waitSignal(dialog.restored, timeout=5000):
        assert dialog.restore_from(saved)


def test_status_bar_shows_the_last_backup_and_warns_when_old(qtbot, make_ctx, sample, ui_db,
                                                             tmp_path):
    import os
    import time

    from helpdesk.ui.main_window import MainWindow

    ctx = _ctx(make_ctx, sample.staff.admin, ui_db)
    window = MainWindow(ctx, pages=[])
    qtbot.addWidget(window)
    label = window.findChild(QLabel, "backupLabel")
    assert window.backup_action.isVisible()
    backups.backup_now(ui_db.uow(), sample.staff.admin, ui_db.url)
    window.open_backups = lambda: None  # (not opened here)
    window._show_backup_age()
    assert label.text().startswith("Last backup: ") and label.styleSheet() == ""
    folder = backups.last_backup(ui_db.url, backups.AutoBackup())
    assert folder is not None
    old = time.time() - 3 * 24 * 3600
    for path in (ui_db.url and __import__("pathlib").Path(ui_db.url.split("///", 1)[1])
                 .parent / "backups").glob("*.db"):
        os.utime(path, (old, old))
    window._show_backup_age()
    assert label.styleSheet() != ""  # older than 2 days: shown as a warning
    desk = MainWindow(_ctx(make_ctx, sample.staff.desk, ui_db), pages=[])
    qtbot.addWidget(desk)
    assert not desk.backup_action.isVisible()
