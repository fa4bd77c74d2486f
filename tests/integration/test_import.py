"""Import and export of customers and complaint sheets (transfer.spreadsheets), on SQLite.

The fixtures in ``tests/fixtures`` are UTF-8 CSV with Chinese headers; GB18030, UTF-16
and XLSX variants are made from them here, so every format reads the same rows.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import complaints, customers
from helpdesk.storage.database import Database, open_database
from helpdesk.transfer import spreadsheets as importing
from helpdesk.transfer.spreadsheets import CUSTOMER_COLUMNS, SHEET_COLUMNS
from tests.conftest import Clock
from tests.fakes import Staff, seed_staff

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def staffed_database(path: Path) -> tuple[Database, Staff]:
    database = open_database(f"sqlite:///{path}")
    return database, seed_staff(database.uow())


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Staff]]:
    """One migrated, staffed database per module; each test gets a copy (fast)."""
    path = tmp_path_factory.mktemp("template") / "helpdesk.db"
    database, team = staffed_database(path)
    database.dispose()
    yield path, team


@pytest.fixture
def db(_template: tuple[Path, Staff], tmp_path: Path, clock: Clock) -> Iterator[Database]:
    target = tmp_path / "db" / "helpdesk.db"
    target.parent.mkdir()
    shutil.copyfile(_template[0], target)
    database = open_database(f"sqlite:///{target}")
    yield database
    database.dispose()


@pytest.fixture
def staff(db: Database, _template: tuple[Path, Staff]) -> Staff:
    return _template[1]


# ---------------------------------------------------------------- helpers
def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]],
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def csv_to_xlsx(source: Path, target: Path, *, english: bool = False) -> Path:
    """The same table as an Excel workbook, optionally with the English headers."""
    with source.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if english:
        by_zh = {c.header_zh: c.header_en for c in (*CUSTOMER_COLUMNS, *SHEET_COLUMNS)}
        rows[0] = [by_zh[h] for h in rows[0]]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        # Excel users type phone numbers and amounts as numbers; store them that way.
        sheet.append([int(c) if c.isdigit() and len(c) < 16 else c for c in row])
    workbook.save(target)
    return target


def names(db: Database, staff: Staff) -> list[str]:
    uow = db.uow()
    with uow.reading():
        return sorted(c.name for c in (uow.customers.get(i) for i in range(1, 50)) if c)


def audit_actions(db: Database, prefix: str) -> list[dict[str, object]]:
    uow = db.uow()
    with uow.reading():
        return [{"action": e.action, **e.change_map}
                for e in uow.audit.recent(500, prefix)]


# ---------------------------------------------------------------- reading files
def test_reads_chinese_headers_from_utf8_csv() -> None:
    rows = importing.read_table(FIXTURES / "customers_good_zh.csv", CUSTOMER_COLUMNS)
    assert [r["name"] for r in rows] == ["张伟", "王芳", "北京华兴物流有限公司"]
    assert rows[1]["order_amount"] == "1,280.00"
    assert rows[2]["note"] == "车队客户, 月结"  # quoted comma stays in its cell
    assert set(rows[0]) == {c.key for c in CUSTOMER_COLUMNS}


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_reads_every_encoding_excel_writes(tmp_path: Path, encoding: str) -> None:
    text = (FIXTURES / "customers_good_zh.csv").read_text(encoding="utf-8")
    if encoding == "utf-16":  # Excel's "Unicode text": UTF-16 with BOM, tab-separated
        text = "\n".join("\t".join(row) for row in csv.reader(text.splitlines()))
    target = tmp_path / "c.csv"
    target.write_bytes(text.encode(encoding))
    rows = importing.read_table(target)
    assert [r["name"] for r in rows] == ["张伟", "王芳", "北京华兴物流有限公司"]
    assert rows[2]["plate"] == "京B·D12345"


def test_reads_xlsx_with_english_headers_and_numeric_cells(tmp_path: Path) -> None:
    target = csv_to_xlsx(FIXTURES / "customers_good_zh.csv", tmp_path / "c.xlsx",
                         english=True)
    rows = importing.read_table(target)
    assert rows[0]["phone"] == "13800000001"  # a number cell, read as the digits
    assert rows[0]["mileage_km"] == "35000"
    assert rows[1]["name"] == "王芳"


def test_headers_match_case_space_width_and_required_marks(tmp_path: Path) -> None:
    target = write_csv(tmp_path / "c.csv", ["  NAME ", "phone *", "ＶＩＮ", "客户 等级"],
                       [["张伟", "13800000001", "", "vip"]])
    rows = importing.read_table(target, CUSTOMER_COLUMNS)
    assert rows[0]["name"] == "张伟" and rows[0]["tier"] == "vip"


def test_unknown_columns_are_ignored_and_named(tmp_path: Path) -> None:
    target = write_csv(tmp_path / "c.csv", ["序号", "姓名", "电话", "电话号码吗"],
                       [["1", "张伟", "13800000001", "x"]])
    table = importing.read(target, CUSTOMER_COLUMNS)
    assert table.layout.ignored == ("序号", "电话号码吗")
    assert table.rows[0]["name"] == "张伟" and table.lines == [2]


@pytest.mark.parametrize(("header", "code", "words"), [
    (["姓名", "备注"], "import.header_missing", "电话"),
    (["姓名", "电话", "手机"], "import.header_repeated", "twice"),
    (["甲", "乙"], "import.no_header", "header"),
])
def test_wrong_headers_are_refused_naming_the_column(tmp_path: Path, header: list[str],
                                                     code: str, words: str) -> None:
    target = write_csv(tmp_path / "c.csv", header, [["张伟"] * len(header)])
    with pytest.raises(ValidationError) as info:
        importing.read_table(target, CUSTOMER_COLUMNS)
    assert info.value.field == "file" and info.value.code == code
    assert words in info.value.message


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.csv", b"", "import.empty"),
    ("blank.csv", b"\r\n\r\n,,\r\n", "import.empty"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "import.unreadable"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "import.unreadable"),
    ("notes.pdf", b"%PDF", "import.format"),
    ("latin1.csv", "姓名,电话\n".encode() + b"\xff\xfe\xfa\x00\x81\n",
     "import.encoding_undecided"),
])
def test_unreadable_files_are_refused(tmp_path: Path, name: str, content: bytes,
                                      code: str) -> None:
    target = tmp_path / name
    target.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        importing.read_table(target)
    assert info.value.code == code, info.value.message


def test_blank_lines_keep_spreadsheet_line_numbers(tmp_path: Path) -> None:
    target = write_csv(tmp_path / "c.csv", ["姓名", "电话"],
                       [["张伟", "13800000001"], ["", ""], ["王芳", "1"], ["", ""]])
    table = importing.read(target, CUSTOMER_COLUMNS)
    assert [r["name"] for r in table.rows] == ["张伟", "王芳"]  # blank lines left out
    assert table.lines == [2, 4]  # 王芳 is on line 4 of the file


# ---------------------------------------------------------------- customers
def test_good_customer_file_imports_every_row_in_one_audited_step(db: Database,
                                                                  staff: Staff) -> None:
    report = importing.import_customers(db.uow(), staff.manager,
                                        FIXTURES / "customers_good_zh.csv")
    assert report.ok and (report.total, report.imported, report.skipped) == (3, 3, 0)
    assert len(report.created_ids) == 3
    company = customers.get_customer(db.uow(), staff.manager, report.created_ids[2])
    assert company.kind.value == "company" and company.tier.value == "senior_vip"
    assert company.phones == ("+861062345678",)
    assert company.vehicles[0].plate == "京BD12345"
    assert company.orders[0].amount_cents == 35_000_000
    assert company.orders[0].kind.value == "vehicle_sale"
    wang = customers.get_customer(db.uow(), staff.manager, report.created_ids[1])
    assert wang.birthday is not None and wang.birthday.isoformat() == "1990-07-08"
    assert wang.orders[0].amount_cents == 128_000
    # The browser's search finds them by plate spelling and phone tail.
    assert [h.name for h in customers.find_customers(db.uow(), staff.desk, "京a12345")] == \
        ["张伟"]
    assert [h.name for h in customers.find_customers(db.uow(), staff.desk, "00000002")] == \
        ["王芳"]
    summary = audit_actions(db, "import.")
    assert summary == [{"action": "import.customers", "file": "customers_good_zh.csv",
                        "rows": 3, "imported": 3, "skipped": 0}]
    assert len(audit_actions(db, "customer.create")) == 3


def test_gb18030_and_xlsx_files_import_the_same_customers(db: Database, staff: Staff,
                                                          tmp_path: Path) -> None:
    source = FIXTURES / "customers_good_zh.csv"
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    first = importing.check_customers(db.uow(), staff.manager, gbk)
    second = importing.check_customers(db.uow(), staff.manager,
                                       csv_to_xlsx(source, tmp_path / "c.xlsx", english=True))
    assert first.ok and second.ok and first.valid == second.valid == 3
    assert first.imported == second.imported == 0
    assert names(db, staff) == []  # a check saves nothing


def test_bad_file_reports_every_bad_row_and_imports_nothing(db: Database,
                                                            staff: Staff) -> None:
    report = importing.import_customers(db.uow(), staff.manager, FIXTURES / "customers_bad.csv")
    found = {(e.line, e.column, e.code) for e in report.errors}
    assert found == {
        (3, "phone", "phone.invalid"),
        (4, "vin", "vin.check_digit"),
        (5, "phone", "phone.repeated"),
        (6, "birthday", "date.future"),
        (7, "tier", "tier.invalid"),
        (8, "vin", "vin.too_short"),
        (9, "name", "name.required"),
    }
    assert "line 2" in next(e.message for e in report.errors if e.line == 5)
    assert (report.total, report.valid, report.imported) == (9, 2, 0)
    assert report.created_ids == ()
    assert names(db, staff) == []
    assert audit_actions(db, "import.") == []
    assert audit_actions(db, "customer.create") == []


def test_skip_invalid_imports_only_the_good_rows(db: Database, staff: Staff) -> None:
    report = importing.import_customers(db.uow(), staff.manager,
                                        FIXTURES / "customers_bad.csv", skip_invalid=True)
    assert (report.total, report.imported, report.skipped) == (9, 2, 7)
    assert len(report.lines_with_errors()) == 7
    assert names(db, staff) == ["周九", "李雷"]
    assert audit_actions(db, "import.")[0]["skipped"] == 7


def test_rows_clashing_with_the_database_are_errors(db: Database, staff: Staff) -> None:
    importing.import_customers(db.uow(), staff.manager, FIXTURES / "customers_good_zh.csv")
    again = importing.import_customers(db.uow(), staff.manager,
                                       FIXTURES / "customers_good_zh.csv")
    codes = {(e.line, e.code) for e in again.errors}
    assert {(2, "phone.duplicate"), (2, "vin.taken"), (3, "order_number.taken")} <= codes
    assert again.imported == 0 and len(names(db, staff)) == 3


def test_injection_strings_and_full_width_input_are_kept_as_text(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    nasty = {
        "name": "Robert'); DROP TABLE customers;--",
        "note": "=cmd|' /C calc'!A0",
        "address": "<script>alert(1)</script>",
        "source": "@SUM(1+1)",
    }
    target = write_csv(
        tmp_path / "c.csv", ["姓名", "电话", "备注", "地址", "来源", "车架号", "车牌号"],
        [[nasty["name"], "１３８００００００２１", nasty["note"], nasty["address"],
          nasty["source"], "ｌｆｖ２ａ２１ｋ２ｍ３０００００１", "京Ａ·１２３４５"],
         ["张　三", "+86 139-0000-0022", "", "", "", "", ""]])
    report = importing.import_customers(db.uow(), staff.manager, target)
    assert report.ok, report.errors
    robert = customers.get_customer(db.uow(), staff.manager, report.created_ids[0])
    assert robert.name == nasty["name"] and robert.note == nasty["note"]
    assert robert.address == nasty["address"] and robert.source == nasty["source"]
    assert robert.phones == ("+8613800000021",)
    assert robert.vehicles[0].vin == "LFV2A21K2M3000001"
    assert robert.vehicles[0].plate == "京A12345"
    zhang = customers.get_customer(db.uow(), staff.manager, report.created_ids[1])
    assert zhang.name == "张 三" and zhang.phones == ("+8613900000022",)
    # Exported: a spreadsheet must not run the formula-looking cells ...
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    importing.export_customers(db.uow(), staff.manager, report.created_ids, out_csv)
    importing.export_customers(db.uow(), staff.manager, report.created_ids, out_xlsx)
    raw = out_csv.read_text(encoding="utf-8-sig")
    assert "'=cmd|" in raw and "'@SUM" in raw
    sheet = load_workbook(out_xlsx).worksheets[0]
    note = next(c.column_letter for c in sheet[1] if c.value == "备注")
    cell = next(c for c in sheet[note] if c.row == 2)
    assert cell.value == nasty["note"] and cell.data_type == "s"
    # ... and reading the export back gives the original text.
    again = importing.read_table(out_csv)
    assert again[0]["note"] == nasty["note"] and again[0]["source"] == nasty["source"]


def test_export_then_import_into_an_empty_database_round_trips(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    imported = importing.import_customers(db.uow(), staff.manager,
                                          FIXTURES / "customers_good_zh.csv")
    for suffix, lang in ((".csv", "zh"), (".xlsx", "en")):
        out = tmp_path / f"export{suffix}"
        count = importing.export_customers(db.uow(), staff.manager, imported.created_ids, out,
                                           lang=lang)
        assert count == 3
        other = open_database(f"sqlite:///{tmp_path / f'other{suffix}.db'}")
        try:
            other_staff = seed_staff(other.uow())
            report = importing.import_customers(other.uow(), other_staff.manager, out)
            assert report.ok and report.imported == 3, report.errors
            for old_id, new_id in zip(imported.created_ids, report.created_ids, strict=True):
                before = customers.get_customer(db.uow(), staff.manager, old_id)
                after = customers.get_customer(other.uow(), other_staff.manager, new_id)
                for attr in ("name", "kind", "tier", "phones", "birthday", "email",
                             "consent_marketing", "note"):
                    assert getattr(after, attr) == getattr(before, attr), attr
                assert [(v.vin, v.plate, v.mileage_km) for v in after.vehicles] == \
                    [(v.vin, v.plate, v.mileage_km) for v in before.vehicles]
                assert [(o.number, o.amount_cents, o.kind) for o in after.orders] == \
                    [(o.number, o.amount_cents, o.kind) for o in before.orders]
        finally:
            other.dispose()
    exports = audit_actions(db, "customer.export")
    assert [e["count"] for e in exports] == [3, 3]


def test_export_needs_the_right_to_export_personal_data(db: Database, staff: Staff,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with pytest.raises(PermissionDenied):
        importing.export_customers(db.uow(), staff.desk, [1], out)
    assert not out.exists() and not list(tmp_path.glob("out.csv*"))


def test_import_needs_the_import_permission(db: Database, staff: Staff) -> None:
    with pytest.raises(PermissionDenied):
        importing.import_customers(db.uow(), staff.desk, FIXTURES / "customers_good_zh.csv")
    assert names(db, staff) == []


def test_vin_mismatch_accepted_only_with_the_override_right(db: Database, staff: Staff,
                                                            tmp_path: Path) -> None:
    target = write_csv(tmp_path / "c.csv", ["姓名", "电话", "车架号", "接受VIN校验位不符"],
                       [["赵强", "13800000013", "LFV2A21K0M3000001", "是"]])
    refused = importing.import_customers(db.uow(), staff.care, target)  # may import only
    assert [(e.column, e.code) for e in refused.errors] == \
        [("vin", "permission.override_vin_check"), ("vin", "vin.check_digit")]
    accepted = importing.import_customers(db.uow(), staff.manager, target)
    assert accepted.ok
    vehicle = customers.get_customer(db.uow(), staff.manager,
                                     accepted.created_ids[0]).vehicles[0]
    assert vehicle.vin_check_overridden
    assert [e["vin"] for e in audit_actions(db, "vehicle.vin_override")] == \
        ["LFV2A21K0M3000001"]


def test_header_only_file_imports_nothing_without_error(db: Database, staff: Staff,
                                                        tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    importing.write_template(target, "customers")
    report = importing.import_customers(db.uow(), staff.manager, target)
    assert (report.total, report.imported, report.errors) == (0, 0, ())
    assert audit_actions(db, "import.") == []


# ---------------------------------------------------------------- templates
@pytest.mark.parametrize("kind", ["customers", "sheets"])
def test_templates_carry_the_headers_and_a_help_sheet(tmp_path: Path, kind: str) -> None:
    columns = importing.columns_for(kind)
    importing.write_template(tmp_path / "t.xlsx", kind)
    workbook = load_workbook(tmp_path / "t.xlsx")
    data, help_sheet = workbook.worksheets
    assert [c.value for c in data[1]] == [c.header_zh for c in columns]
    helps = list(help_sheet.iter_rows(min_row=2, values_only=True))
    assert [(h[0], h[1]) for h in helps] == [(c.header_zh, c.header_en) for c in columns]
    assert all(h[4] for h in helps)  # every column explained
    importing.write_template(tmp_path / "t.csv", kind, lang="en")
    first = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.split(",") == [c.header_en for c in columns]
    assert importing.read_table(tmp_path / "t.csv") == []
    assert importing.detect_kind(first.split(",")) == kind


# ---------------------------------------------------------------- sheets
def _sheet(db: Database, staff: Staff, sheet_id: int) -> complaints.SheetDetail:
    return complaints.get_sheet(db.uow(), staff.director, sheet_id)


def test_sheet_history_imports_with_dates_states_and_honest_records(db: Database,
                                                                    staff: Staff) -> None:
    report = importing.import_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    assert report.ok, report.errors
    assert report.imported == 5
    closed, resolved, open_, repeat, foreign = (_sheet(db, staff, i)
                                                for i in report.created_ids)
    # The old numbers are kept; the others are numbered by the year received.
    assert closed.number == "TS-2025-000107" and foreign.number == "KS-0042"
    assert resolved.number == "TS-2026-000001" and open_.number == "TS-2026-000002"
    assert closed.state is SheetState.CLOSED
    assert closed.closed_at == datetime(2025, 3, 4, 10, 0) and closed.closing_remark == "结案"
    assert closed.resolved_at == datetime(2025, 3, 2, 15, 0)
    assert closed.response_on_time is True and closed.resolution_on_time is True
    assert closed.compensation_cents == 20_000 and closed.rework_needed
    assert closed.responsible_name == "陈刚"
    assert [v.satisfaction for v in closed.visits] == [5]
    assert closed.vehicle is not None and closed.vehicle.plate == "京A12345"
    # Imported steps were done by nobody in this program, and say so.
    assert [t.action for t in closed.transitions] == \
        ["acknowledge", "assign", "resolve", "return_visit", "close"]
    assert all(t.by_name == "" and "imported from sheets_history.csv line 2" in t.note
               for t in closed.transitions)
    assert closed.received_by_name == "" and closed.closed_by_name == ""
    assert resolved.state is SheetState.RESOLVED and resolved.escalated_to_oem is False
    assert open_.state is SheetState.REGISTERED and open_.transitions == ()
    # A repeat complaint goes to the same customer and vehicle (found by plate).
    assert repeat.customer_id == closed.customer_id
    assert repeat.vehicle is not None and repeat.vehicle.id == closed.vehicle.id
    assert repeat.state is SheetState.IN_PROGRESS
    assert foreign.customer_phone == "+442079460958"
    sheet_audit = audit_actions(db, "sheet.import")
    assert len(sheet_audit) == 5
    assert audit_actions(db, "import.sheets") == [
        {"action": "import.sheets", "file": "sheets_history.csv", "rows": 5, "imported": 5,
         "skipped": 0, "closed": 1, "store": "TS"}]
    # Four customers were created (张伟 once), each audited.
    assert len(audit_actions(db, "customer.create")) == 4


def test_imported_open_sheets_are_watched_like_any_other(db: Database, staff: Staff) -> None:
    report = importing.import_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    overdue = complaints.list_sheet_ids(db.uow(), staff.director,
                                        SheetFilter(due=DueFilter.OVERDUE))
    assert report.created_ids[2] in overdue  # received 2026-11-10, never answered
    assert report.created_ids[0] not in overdue  # closed history


def test_imported_numbers_move_the_counter_so_new_sheets_never_collide(
        db: Database, staff: Staff) -> None:
    importing.import_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    found = customers.find_customers(db.uow(), staff.desk, "13800000001")
    new = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="other", description="又来了",
        customer_id=found[0].id, received_at=datetime(2025, 12, 1, 9, 0)))
    assert new.number == "TS-2025-000108"


def test_sheet_import_matches_existing_customers_by_phone(db: Database, staff: Staff) -> None:
    importing.import_customers(db.uow(), staff.manager, FIXTURES / "customers_good_zh.csv")
    report = importing.import_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    assert report.ok, report.errors
    # 张伟 (with his VIN) and 王芳 existed; only 赵六 and Oliver Smith are new.
    assert len(names(db, staff)) == 5
    zhang = customers.find_customers(db.uow(), staff.manager, "13800000001")
    assert len(zhang) == 1
    assert _sheet(db, staff, report.created_ids[0]).customer_id == zhang[0].id


SHEET_HEADER = ["单号", "接收时间", "接收渠道", "严重程度", "类别", "客户姓名", "客户电话",
                "车牌号", "抱怨内容", "状态", "响应时间", "责任区域", "责任人", "根本原因",
                "缺点纠正", "长期措施", "解决时间", "回访时间", "满意度", "关闭时间"]
GOOD_CLOSE = ["技术", "manager", "刹车片安装时未涂抹消音脂", "免费重新安装刹车片",
              "车间主管王强于2025-04-01前在作业指导书中增加涂抹消音脂步骤"]


def test_bad_sheet_rows_are_all_reported_and_nothing_is_imported(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    base = ["", "2025-03-01 09:00", "接待", "一般", "维修质量", "张伟", "13800000001", "",
            "刹车异响"]
    closed = [*base[:9], "已关闭", "2025-03-01 09:20", *GOOD_CLOSE,
              "2025-03-02 15:00", "2025-03-03 10:00", "5", "2025-03-04 10:00"]
    rows = [
        closed[:18] + ["", "2025-03-04 10:00"],  # 2: closed without satisfaction
        closed[:13] + ["加强培训"] + closed[14:15] + ["加强管理"] + closed[16:],  # 3
        closed[:10] + ["2025-02-28 09:00"] + closed[11:],  # 4: answered before received
        ["", "2099-01-01 09:00", *base[2:]] + [""] * 11,  # 5: received in the future
        closed[:12] + ["老王"] + closed[13:],  # 6: no such staff member
        [*base[:7], "京A99999", *base[8:]] + [""] * 11,  # 7: unknown vehicle by plate
        ["KS-1", *base[1:]] + [""] * 11,  # 8: good
        ["KS-1", *base[1:]] + [""] * 11,  # 9: number repeated
        closed,  # 10: good
        [*base[:2], "信鸽", "特别重大", "不存在的类别", *base[5:]] + [""] * 11,  # 11
    ]
    target = write_csv(tmp_path / "s.csv", SHEET_HEADER, rows)
    report = importing.import_sheets(db.uow(), staff.manager, target)
    found = {(e.line, e.column, e.code) for e in report.errors}
    assert found == {
        (2, "satisfaction", "satisfaction.required"),
        (3, "root_cause", "measure.empty_words"),
        (3, "long_term_measure", "measure.empty_words"),
        (4, "acknowledged_at", "date.order"),
        (5, "received_at", "date.future"),
        (6, "responsible", "responsible.unknown"),
        (7, "plate", "plate.unknown"),
        (9, "number", "number.repeated"),
        (11, "channel", "channel.invalid"),
        (11, "severity", "severity.invalid"),
        (11, "category", "category.invalid"),
    }, report.errors
    assert (report.total, report.valid, report.imported) == (10, 2, 0)
    assert complaints.list_sheet_ids(db.uow(), staff.director, SheetFilter()) == []
    assert names(db, staff) == []

    report = importing.import_sheets(db.uow(), staff.manager, target, skip_invalid=True)
    assert (report.imported, report.skipped) == (2, 8)
    numbers = sorted(_sheet(db, staff, i).number for i in report.created_ids)
    assert numbers == ["KS-1", "TS-2025-000001"]


def test_sheet_number_already_in_the_database_is_refused(db: Database, staff: Staff,
                                                         tmp_path: Path) -> None:
    importing.import_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    target = write_csv(tmp_path / "s.csv", SHEET_HEADER[:9],
                       [["ts-2025-000107", "2025-03-01 09:00", "接待", "一般", "维修质量",
                         "张伟", "13800000001", "", "again"]])
    report = importing.check_sheets(db.uow(), staff.manager, target)
    assert [(e.line, e.code) for e in report.errors] == [(2, "number.taken")]


def test_sheet_file_check_saves_nothing(db: Database, staff: Staff) -> None:
    report = importing.check_sheets(db.uow(), staff.manager, FIXTURES / "sheets_history.csv")
    assert report.ok and report.valid == 5 and report.imported == 0
    assert complaints.list_sheet_ids(db.uow(), staff.director, SheetFilter()) == []
    assert names(db, staff) == []
    uow = db.uow()
    with uow.reading():
        assert uow.sheets.next_sequence(staff.store_id, 2025) == 1  # counter untouched


def test_report_is_plain_data_for_the_ui(db: Database, staff: Staff) -> None:
    import dataclasses

    report = importing.check_customers(db.uow(), staff.manager, FIXTURES / "customers_bad.csv")
    as_json = json.dumps(dataclasses.asdict(report), ensure_ascii=False)
    assert '"line": 3' in as_json and "phone.invalid" in as_json


@pytest.mark.postgres
def test_imports_on_postgresql(pg_db: Database, clock: Clock) -> None:
    team = seed_staff(pg_db.uow())
    customers_report = importing.import_customers(pg_db.uow(), team.manager,
                                                  FIXTURES / "customers_good_zh.csv")
    assert customers_report.imported == 3, customers_report.errors
    report = importing.import_sheets(pg_db.uow(), team.manager, FIXTURES / "sheets_history.csv")
    assert report.ok and report.imported == 5, report.errors
    found = customers.find_customers(pg_db.uow(), team.desk, "13800000001")
    new = complaints.register(pg_db.uow(), team.desk, complaints.SheetInput(
        channel="reception", severity="general", category="other", description="又来了",
        customer_id=found[0].id, received_at=datetime(2025, 12, 1, 9, 0)))
    assert new.number == "TS-2025-000108"  # the counter moved past the imported number
    bad = importing.import_customers(pg_db.uow(), team.manager, FIXTURES / "customers_bad.csv")
    assert bad.imported == 0 and len(bad.lines_with_errors()) == 7


# ---------------------------------------------------------------- issue 15: ID numbers
def test_id_numbers_import_under_any_of_their_headers_and_export_in_one_column(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    source = tmp_path / "ids.csv"
    source.write_text(
        "姓名,电话,证件号码\n"
        "张伟,13812345678,11010519491231002x\n"
        "李娜,13912345678,110105194912310021\n"
        "王强,13712345678,110105491231002\n", encoding="utf-8")
    report = importing.import_customers(db.uow(), staff.manager, source)
    assert [(e.line, e.column, e.code, e.header) for e in report.errors] \
        == [(3, "national_id", "national_id.check_digit", "证件号码")]
    assert "最后一位应为“X”" in report.errors[0].text("zh_CN")
    assert report.imported == 0

    source.write_text(source.read_text(encoding="utf-8").replace(
        "110105194912310021", ""), encoding="utf-8")
    report = importing.import_customers(db.uow(), staff.manager, source)
    assert report.imported == 3
    saved = [customers.get_customer(db.uow(), staff.manager, i).national_id
             for i in report.created_ids]
    assert saved == ["11010519491231002X", "", "11010519491231002X"]

    target = tmp_path / "out.csv"
    importing.export_customers(db.uow(), staff.manager, report.created_ids, target)
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    column = rows[0].index("身份证号")
    assert [r[column] for r in rows[1:]] == saved
