"""The two-year retention archive (issue 11): archive → open read-only → the same
counts; removal only on request, after verification, audited."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from helpdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import archive, customers
from helpdesk.services import attachments as att
from helpdesk.services import complaints as cs
from helpdesk.storage import tables
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.fakes import seed_staff

MEASURE = "车间主任王五在12月1日前修订作业指导书，增加涂胶检查项并签字确认"


_PHONES = iter(range(10_000_000, 99_999_999))


def _closed_sheet(db: Database, team, clock: Clock, text: str) -> int:  # noqa: ANN001
    who = customers.create_customer(db.uow(), team.desk, customers.CustomerInput(
        name="张三", phones=(f"138{next(_PHONES)}",)))
    d = cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description=text, customer_id=who.id))
    att.add_attachment(db.uow(), team.desk, d.id, "photo.jpg", f"jpeg {text}".encode())
    cs.assign(db.uow(), team.manager, d.id, "technical", team.manager)
    cs.add_progress(db.uow(), team.manager, d.id, "已联系客户", customer_notified=True)
    cs.record_analysis(db.uow(), team.manager, d.id, root_cause="刹车片安装时漏涂消音胶",
                       correction="重新安装", long_term_measure=MEASURE)
    cs.resolve(db.uow(), team.manager, d.id)
    cs.record_return_visit(db.uow(), team.care, d.id, 5, "满意")
    cs.close(db.uow(), team.director, d.id, "结案")
    return d.id


def test_archive_opens_read_only_with_identical_counts_and_removal_is_explicit(
        db: Database, clock: Clock, tmp_path: Path) -> None:
    team = seed_staff(db.uow())
    clock.at = datetime(2024, 3, 5, 10, 0)
    old = [_closed_sheet(db, team, clock, f"2024年的抱怨{i} 异味") for i in range(3)]
    clock.at = datetime(2026, 11, 1, 10, 0)
    recent = _closed_sheet(db, team, clock, "今年的抱怨")
    open_one = cs.register(db.uow(), team.desk, cs.SheetInput(
        channel="reception", severity="general", category="repair_quality",
        description="还开着", customer_id=cs.get_sheet(db.uow(), team.desk, recent)
        .customer_id)).id
    clock.at = datetime(2026, 11, 18, 10, 0)
    path = tmp_path / "archive-2024.db"
    with pytest.raises(PermissionDenied):
        archive.export_archive(db.uow(), team.director, path)
    with pytest.raises(ValidationError) as caught:
        archive.export_archive(db.uow(), team.admin, path,
                               closed_before=datetime(2026, 1, 1))
    assert caught.value.code == "archive.too_recent"  # two years by default
    result = archive.export_archive(db.uow(), team.admin, path)
    assert list(result.sheet_ids) == old
    assert result.rows["sheets"] == 3 and result.rows["sheet_attachments"] == 3
    assert result.rows["audit_log"] > 3 * 5
    # Nothing removed yet: the live database still has them.
    everything = SheetFilter(include_closed=True)
    assert set(cs.list_sheet_ids(db.uow(), team.admin, everything)) >= set(old)

    # The archive opens read-only and the services read it as they read the live data.
    archived = archive.open_archive(path)
    try:
        ids = cs.list_sheet_ids(archived.uow(), team.director, everything)
        assert sorted(ids) == old
        assert cs.list_sheet_ids(archived.uow(), team.director,
                                 SheetFilter(text="异味", include_closed=True)) != []
        for sheet_id in old:
            live, kept = (cs.get_sheet(u, team.director, sheet_id)
                          for u in (db.uow(), archived.uow()))
            # Read exactly as it was; only what may be done with it differs.
            assert kept == dataclasses.replace(
                live, available=kept.available,
                **{f.name: getattr(kept, f.name) for f in dataclasses.fields(kept)
                   if f.name.startswith("may_")})
            assert kept.available != live.available
            assert att.attachment_data(archived.uow(), team.director,
                                       att.list_attachments(archived.uow(), team.director,
                                                            sheet_id)[0].id) == \
                att.attachment_data(db.uow(), team.director,
                                    att.list_attachments(db.uow(), team.director,
                                                         sheet_id)[0].id)
        # Refused by the services with a clear reason, not by SQLite's "readonly".
        with pytest.raises(PermissionDenied) as refused:
            customers.create_customer(archived.uow(), team.desk, customers.CustomerInput(
                name="李四", phones=("13900000000",)))
        assert refused.value.code == "archive.read_only"
        with archived.engine.connect() as conn, pytest.raises(OperationalError):
            conn.exec_driver_sql("DELETE FROM sheets")  # and SQLite refuses it too
        seen = cs.get_sheet(archived.uow(), team.director, old[0])
        assert not seen.may_record_analysis.allowed and seen.may_print.allowed
        assert seen.may_add_progress.code == "archive.read_only"
        assert not any(a.allowed for a in seen.available)
    finally:
        archived.dispose()

    with pytest.raises(ValidationError):
        archive.remove_archived(db.uow(), team.admin, path, confirm=False)
    assert archive.remove_archived(db.uow(), team.admin, path, confirm=True) == 3
    left = set(cs.list_sheet_ids(db.uow(), team.admin, everything))
    assert left == {recent, open_one}
    with pytest.raises(NotFound):
        cs.get_sheet(db.uow(), team.admin, old[0])
    with db.engine.connect() as conn:
        actions = [r[0] for r in conn.execute(select(tables.audit_log.c.action).where(
            tables.audit_log.c.entity == "archive").order_by(tables.audit_log.c.id))]
        blobs = conn.scalar(select(func.count()).select_from(tables.attachment_blobs))
    assert actions == ["archive.export", "archive.remove"]
    assert blobs == 1  # the recent sheet's photo only
    # The archive still holds them after the removal.
    archived = archive.open_archive(path)
    try:
        assert sorted(cs.list_sheet_ids(archived.uow(), team.director, everything)) == old
    finally:
        archived.dispose()


def test_an_incomplete_archive_removes_nothing(db: Database, clock: Clock,
                                               tmp_path: Path) -> None:
    import sqlite3

    team = seed_staff(db.uow())
    clock.at = datetime(2023, 6, 1, 9, 0)
    sheet = _closed_sheet(db, team, clock, "旧单")
    clock.at = datetime(2026, 11, 18, 10, 0)
    path = tmp_path / "a.db"
    archive.export_archive(db.uow(), team.admin, path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM sheet_progress")
    conn.commit()
    conn.close()
    from helpdesk.domain.errors import StorageError

    with pytest.raises(StorageError) as caught:
        archive.remove_archived(db.uow(), team.admin, path, confirm=True)
    assert caught.value.code == "archive.incomplete"
    assert cs.get_sheet(db.uow(), team.admin, sheet).id == sheet


def test_the_archive_carries_the_issued_reports_that_cite_its_sheets(
        db: Database, clock: Clock, tmp_path: Path) -> None:
    import hashlib

    from helpdesk.services import reporting

    team = seed_staff(db.uow())
    clock.at = datetime(2024, 3, 5, 10, 0)
    old = _closed_sheet(db, team, clock, "三月的抱怨")
    clock.at = datetime(2024, 6, 5, 10, 0)
    _closed_sheet(db, team, clock, "六月的抱怨")
    clock.at = datetime(2026, 11, 18, 10, 0)
    march = reporting.issue_monthly(db.uow(), team.director,
                                    reporting.MonthlyRequest("2024-03"))
    reporting.issue_monthly(db.uow(), team.director, reporting.MonthlyRequest("2024-07"))
    path = tmp_path / "archive.db"
    result = archive.export_archive(db.uow(), team.admin, path,
                                    closed_before=datetime(2024, 4, 1))
    assert list(result.sheet_ids) == [old]
    assert result.rows["issued_reports"] == 1  # March cites it; July does not
    assert archive.verify_archive(db.uow(), team.admin, path)["issued_reports"] == 1
    archived = archive.open_archive(path)
    try:
        [entry] = archive.archived_reports(archived.uow(), team.director)
        assert entry.month.isoformat() == "2024-03-01"
        pdf = archive.archived_report_pdf(archived.uow(), team.director, entry.id)
    finally:
        archived.dispose()
    assert pdf == march.pdf and hashlib.sha256(pdf).hexdigest() == march.pdf_sha256
    # A damaged copy of the signed PDF fails the check; nothing is removed then.
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE issued_reports SET pdf = CAST('x' AS BLOB)")
    conn.commit()
    conn.close()
    from helpdesk.domain.errors import StorageError

    with pytest.raises(StorageError) as caught:
        archive.remove_archived(db.uow(), team.admin, path, confirm=True)
    assert caught.value.code == "archive.incomplete"
    assert cs.get_sheet(db.uow(), team.admin, old).id == old
