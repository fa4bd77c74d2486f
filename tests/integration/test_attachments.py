"""Attachments (issue 11) on SQLite and PostgreSQL: the bytes round-trip, are stored once
per content, obey the administrator's limits, leave only by a manager's audited
decision, and travel in a backup."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from helpdesk.services import attachments as att
from helpdesk.services import complaints as cs
from helpdesk.services import customers
from helpdesk.services.customers import CustomerInput
from helpdesk.storage import backup, tables
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock
from tests.fakes import Staff, seed_staff
from tests.integration import databases

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6a3cb0000000049454e44ae426082")


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[Database]:
    yield from databases.module_postgres()


@pytest.fixture(params=databases.BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    yield from databases.any_db(request, tmp_path)


@pytest.fixture
def team(any_db: Database, clock: Clock) -> Staff:
    return seed_staff(any_db.uow())


def _sheet(db: Database, team: Staff) -> int:
    customer = customers.create_customer(db.uow(), team.desk, CustomerInput(
        name="张三", phones=(f"1381234{len(cs.list_sheet_ids(db.uow(), team.desk, _all())):04d}",)))
    return cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="车门划伤", customer_id=customer.id,
        received_at=NOW - timedelta(hours=1))).id


def _all():  # noqa: ANN202 - a filter of every sheet
    from helpdesk.domain.filters import SheetFilter

    return SheetFilter(include_closed=True)


def _blobs(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(tables.attachment_blobs)))


def test_round_trip_and_one_copy_per_content(any_db: Database, team: Staff) -> None:
    first, second = _sheet(any_db, team), _sheet(any_db, team)
    photo = att.add_attachment(any_db.uow(), team.desk, first, r"C:\照片\车门.png", PNG,
                               caption="左后门划痕")
    assert (photo.filename, photo.mime, photo.size, photo.is_image) == (
        "车门.png", "image/png", len(PNG), True)
    assert photo.added_by_name and photo.caption == "左后门划痕"
    assert att.attachment_data(any_db.uow(), team.care, photo.id) == PNG
    att.add_attachment(any_db.uow(), team.desk, second, "copy.png", PNG)
    att.add_attachment(any_db.uow(), team.desk, first, "通话录音.m4a", b"\x00rec" * 100)
    assert _blobs(any_db) == 2  # the same photo twice is stored once
    listed = att.list_attachments(any_db.uow(), team.gm, first)
    assert [a.filename for a in listed] == ["车门.png", "通话录音.m4a"]
    assert not listed[1].is_image


def test_the_administrators_limits_hold(any_db: Database, team: Staff) -> None:
    sheet = _sheet(any_db, team)
    att.set_limits(any_db.uow(), team.admin, per_file_mb=0.001, per_sheet_mb=0.002)
    big = b"x" * 1100
    with pytest.raises(ValidationError) as caught:
        att.add_attachment(any_db.uow(), team.desk, sheet, "big.bin", big)
    assert caught.value.code == "attachment.too_big"
    att.add_attachment(any_db.uow(), team.desk, sheet, "a.bin", b"a" * 1000)
    att.add_attachment(any_db.uow(), team.desk, sheet, "b.bin", b"b" * 1000)
    with pytest.raises(ValidationError) as caught:
        att.add_attachment(any_db.uow(), team.desk, sheet, "c.bin", b"c" * 200)
    assert caught.value.code == "attachment.sheet_full"
    with pytest.raises(ValidationError) as caught:
        att.add_attachment(any_db.uow(), team.desk, sheet, "empty.txt", b"")
    assert caught.value.code == "attachment.empty"
    assert len(att.list_attachments(any_db.uow(), team.desk, sheet)) == 2
    with pytest.raises(PermissionDenied):
        att.set_limits(any_db.uow(), team.manager, 1, 2)
    with pytest.raises(ValidationError):
        att.set_limits(any_db.uow(), team.admin, 5, 1)


def test_only_a_manager_removes_and_the_audit_trail_keeps_it(
        any_db: Database, team: Staff) -> None:
    sheet = _sheet(any_db, team)
    photo = att.add_attachment(any_db.uow(), team.desk, sheet, "p.png", PNG)
    for user in (team.desk, team.care, team.gm, team.admin):
        with pytest.raises(PermissionDenied):
            att.remove_attachment(any_db.uow(), user, photo.id, "传错了")
    with pytest.raises(ValidationError) as caught:
        att.remove_attachment(any_db.uow(), team.manager, photo.id, "  ")
    assert caught.value.code == "attachment.reason_required"
    att.remove_attachment(any_db.uow(), team.manager, photo.id, "传错了客户的照片")
    assert att.list_attachments(any_db.uow(), team.desk, sheet) == []
    assert _blobs(any_db) == 0  # nothing else used those bytes
    with pytest.raises(NotFound):
        att.attachment_data(any_db.uow(), team.desk, photo.id)
    with any_db.engine.connect() as conn:
        rows = conn.execute(select(tables.audit_log.c.action, tables.audit_log.c.changes,
                                   tables.audit_log.c.note)
                            .where(tables.audit_log.c.entity_id == sheet,
                                   tables.audit_log.c.action.like("sheet.attachment.%"))
                            .order_by(tables.audit_log.c.id)).all()
    assert [r.action for r in rows] == ["sheet.attachment.add", "sheet.attachment.remove"]
    assert photo.sha256 in rows[1].changes and rows[1].note == "传错了客户的照片"


def test_a_backup_holds_the_attachments(db: Database, clock: Clock, tmp_path: Path) -> None:
    team = seed_staff(db.uow())
    sheet = _sheet(db, team)
    photo = att.add_attachment(db.uow(), team.desk, sheet, "p.png", PNG)
    path = Path(db.engine.url.database or "")
    copy = backup.backup_sqlite(path, tmp_path / "copy.db")
    target = tmp_path / "restored" / "helpdesk.db"
    target.parent.mkdir()
    backup.restore_sqlite(copy, target)
    restored = open_database(f"sqlite:///{target}")
    try:
        assert att.attachment_data(restored.uow(), team.desk, photo.id) == PNG
        assert [a.filename for a in att.list_attachments(restored.uow(), team.desk, sheet)] \
            == ["p.png"]
    finally:
        restored.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
                    reason="pg_dump/pg_restore not installed")
def test_a_postgres_dump_holds_the_attachments(pg_db: Database, clock: Clock,
                                               tmp_path: Path) -> None:
    team = seed_staff(pg_db.uow())
    sheet = _sheet(pg_db, team)
    photo = att.add_attachment(pg_db.uow(), team.desk, sheet, "p.png", PNG)
    dump = backup.backup_postgres(pg_db.url, tmp_path)
    with pg_db.engine.begin() as conn:
        conn.execute(tables.sheet_attachments.delete())
        conn.execute(tables.attachment_blobs.delete())
    url = pg_db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(["pg_restore", "--data-only", "--table=attachment_blobs",
                    "--table=sheet_attachments", "--dbname", url, str(dump)], check=True,
                   capture_output=True)
    assert att.attachment_data(pg_db.uow(), team.desk, photo.id) == PNG
