"""Backups without a terminal (issue 10): the daily automatic backup to a chosen folder,
rotation, the last backup's age, backup now and restore for administrators."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.services import backups
from helpdesk.storage.database import Database
from tests.fakes import Staff
from tests.integration.test_real_files import _template, db, staff  # noqa: F401 - fixtures


def test_daily_backup_appears_once_a_day_and_old_ones_rotate(
        db: Database, staff: Staff, tmp_path: Path) -> None:  # noqa: F811
    drive = tmp_path / "usb"
    drive.mkdir()
    (drive / "notes.txt").write_text("mine")  # never touched by the rotation
    config = backups.save_auto_backup(db.uow(), staff.admin, enabled=True,
                                      folder=str(drive), keep_days=3)
    assert backups.auto_backup_settings(db.uow()) == config
    start = datetime(2026, 12, 1, 9, 0)
    made = []
    for day in range(6):
        for hour in (0, 5):  # the desk checks several times a day
            saved = backups.run_daily(db.url, config, start + timedelta(days=day, hours=hour))
            if saved is not None:
                made.append(saved)
    assert len(made) == 6  # one per day, not one per check
    kept = sorted(p.name[:22] for p in drive.glob("helpdesk-auto-*.db"))
    assert kept == ["helpdesk-auto-20261204", "helpdesk-auto-20261205",
                    "helpdesk-auto-20261206"]
    assert (drive / "notes.txt").read_text() == "mine"
    last = backups.last_backup(db.url, config)
    assert last is not None and not backups.is_stale(last)
    assert backups.is_stale(last, last + timedelta(days=2, minutes=1))
    assert backups.is_stale(None)


def test_a_drive_that_is_not_plugged_in_is_reported(db: Database, staff: Staff,  # noqa: F811
                                                    tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        backups.save_auto_backup(db.uow(), staff.admin, enabled=True,
                                 folder=str(tmp_path / "E:"), keep_days=7)
    assert info.value.code == "backup.folder_missing"
    config = backups.AutoBackup(True, str(tmp_path / "gone"), 7)
    with pytest.raises(ValidationError):
        backups.run_daily(db.url, config)
    assert not (tmp_path / "gone").exists()


def test_backup_now_and_restore_are_for_administrators(db: Database, staff: Staff,  # noqa: F811
                                                       tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backups.backup_now(db.uow(), staff.desk, db.url, tmp_path)
    saved = backups.backup_now(db.uow(), staff.admin, db.url, tmp_path)
    assert saved.parent == tmp_path and saved.exists()
    uow = db.uow()
    with uow.reading():
        assert [e.action for e in uow.audit.recent(5, "settings.auto_backup")] == \
            ["settings.auto_backup.backup"]
    db.dispose()
    safety = backups.restore(db.uow(), staff.admin, db.url, saved)
    assert safety is not None and safety.exists()
