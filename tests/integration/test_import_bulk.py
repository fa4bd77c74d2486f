"""Issue 10: the sheet import writes its rows set-based (``storage.bulk.insert_rows``), not
through the ORM. A sheet (and its new customer and vehicle) imported that way must be
indistinguishable from one registered at the desk: the same stored values and formats,
found by the same searches and by the full-text index, and an audit trail that
``helpdesk check`` still verifies. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from helpdesk.cli import main
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints, customers
from helpdesk.storage.database import Database
from helpdesk.transfer import spreadsheets as importing
from tests.conftest import Clock, Staff, staff_store

RECEIVED = datetime(2026, 11, 17, 9, 5)
# Who and when differ by nature (the desk registered one, the import wrote the other);
# everything else must be stored alike.
_OWN = {"id", "number", "customer_id", "customer_name", "customer_phone", "vehicle_id",
        "received_by_id", "updated_by_id", "name", "vin", "sheet_id", "entity_id",
        "owner_user_id"}


@pytest.fixture
def staff(any_db: Database, clock: Clock) -> Staff:
    return staff_store(any_db)


def _raw(db: Database, table: str, row_id: int) -> dict[str, Any]:
    """The row as stored (no type conversion: SQLite's datetime text, booleans as 0/1)."""
    with db.engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id = {int(row_id)}")  # noqa: S608
        row = result.mappings().one()
    return dict(row)


def _alike(a: dict[str, Any], b: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (a[k], b[k]) for k in a if k not in _OWN and a[k] != b[k]}


def test_a_bulk_imported_sheet_is_stored_and_found_like_a_registered_one(
        any_db: Database, staff: Staff, tmp_path: Path, clock: Clock,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = any_db
    desk = complaints.register(
        db.uow(), staff.desk,
        complaints.SheetInput(channel="phone", severity="major", category="repair_quality",
                              description="空调不制冷，车内有异味", received_at=RECEIVED),
        new_customer=customers.CustomerInput(
            name="陈丽华", phones=("13800000011",),
            vehicles=(customers.VehicleInput(vin="K8765432"),)))
    ledger = tmp_path / "台账.csv"
    with ledger.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([
            ["天顺汽车4S店 客户投诉登记台账", "", "", "", "", "", "", "", ""],
            ["序号", "登记时间", "渠道", "严重程度", "抱怨类别", "客户姓名", "联系电话",
             "车架号后8位", "投诉内容"],
            ["1", "2026年11月17日 9:05", "电话", "重大", "维修质量", "王建国", "13900000012",
             "M3000001", "空调不制冷，车内有异味"]])
    report = importing.import_sheets(db.uow(), staff.manager, ledger)
    assert report.ok, report.errors
    assert report.imported == 1
    imported = complaints.get_sheet(db.uow(), staff.manager, report.created_ids[0])
    registered = complaints.get_sheet(db.uow(), staff.manager, desk.id)

    # The same stored values and formats, column by column (deadlines by the one rule,
    # the version counter, the escalation, the SLA rule text, datetime text on SQLite).
    sheet_a, sheet_b = _raw(db, "sheets", desk.id), _raw(db, "sheets", imported.id)
    assert _alike(sheet_a, sheet_b) == {}
    assert sheet_b["version"] == 1 and sheet_b["response_due_at"] is not None
    assert imported.number == "TS-2026-000002"  # after the desk's, from the same counter
    customer_a = _raw(db, "customers", registered.customer_id or 0)
    customer_b = _raw(db, "customers", imported.customer_id or 0)
    assert _alike(customer_a, customer_b) == {}
    assert registered.vehicle is not None and imported.vehicle is not None
    assert _alike(_raw(db, "vehicles", registered.vehicle.id),
                  _raw(db, "vehicles", imported.vehicle.id)) == {}
    assert imported.vehicle.vin == "M3000001" and not imported.vehicle.vin_complete

    # Found by the same searches: name, pinyin, phone tail, VIN tail, full text.
    for query, name in (("王建国", "王建国"), ("wjg", "王建国"), ("0012", "王建国"),
                        ("3000001", "王建国"), ("陈丽华", "陈丽华"), ("0011", "陈丽华")):
        assert name in {h.name for h in customers.find_customers(db.uow(), staff.desk, query)}
    for query in ("不制冷", "异味"):
        assert set(complaints.list_sheet_ids(db.uow(), staff.desk,
                                             SheetFilter(text=query))) == {desk.id,
                                                                           imported.id}

    # The audit trail: the import's entries are chained and anchored like any other.
    with db.engine.connect() as conn:
        actions = [a for (a,) in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert actions[-3:] == ["customer.create", "sheet.import", "import.sheets"]
    monkeypatch.setenv("HELPDESK_LANG", "en")
    capsys.readouterr()
    url = db.engine.url.render_as_string(hide_password=False)
    code = main(["--database", url if db.engine.dialect.name != "sqlite"
                 else str(db.engine.url.database), "check", "--json"])
    checked = json.loads(capsys.readouterr().out)
    assert code == 0, checked["problems"]
    assert checked["audit"]["ok"] is True and checked["audit"]["checked"] == len(actions)
