"""The files stores really have (issue 10): title rows, merged cells, 序号 and 备注
columns, several worksheets, GBK/Big5/UTF-16 text, old .xls, every date form, all the
problems of every row at once in the user's language under the user's own header."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from helpdesk.domain import parsing
from helpdesk.domain.errors import ValidationError
from helpdesk.services import customers
from helpdesk.storage.database import Database, open_database
from helpdesk.transfer import reading
from helpdesk.transfer import spreadsheets as importing
from helpdesk.transfer.spreadsheets import CUSTOMER_COLUMNS, SHEET_COLUMNS, ReadOptions
from tests.conftest import Clock
from tests.fakes import Staff, seed_staff

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Staff]]:
    path = tmp_path_factory.mktemp("template") / "helpdesk.db"
    database = open_database(f"sqlite:///{path}")
    team = seed_staff(database.uow())
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


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def workbook(path: Path, sheets: dict[str, list[list[Any]]],
             merges: dict[str, list[str]] | None = None) -> Path:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


# A store's customer ledger: a title, 序号 and 备注 of its own, its own header words.
LEDGER = [
    ["天顺汽车4S店客户登记表", "", "", "", ""],
    ["序号", "客户姓名", "联系电话", "生日", "跟进情况"],
    ["1", "陈丽华", "13800000011", "1985年3月12日", "已回访"],
    ["2", "王建国", "139 0000 0012", "19900708", ""],
]


def test_gbk_ledger_with_title_row_and_own_columns_imports_without_editing(
        tmp_path: Path, db: Database, staff: Staff) -> None:
    target = write_csv(tmp_path / "台账.csv", LEDGER, "gbk")
    report = importing.import_customers(db.uow(), staff.manager, target)
    assert report.ok and report.imported == 2
    assert report.layout is not None
    assert report.layout.encoding == "gb18030" and report.layout.header_line == 2
    assert report.ignored_columns == ("序号", "跟进情况")
    first = customers.get_customer(db.uow(), staff.manager, report.created_ids[0])
    assert first.name == "陈丽华" and first.birthday is not None
    assert first.birthday.isoformat() == "1985-03-12"


def test_merged_title_and_two_line_header_in_xlsx(tmp_path: Path) -> None:
    # 姓名 and 电话 are merged over both header lines; 车辆信息 spans its own two columns.
    rows: list[list[Any]] = [
        ["客户台账 2026", None, None, None],
        ["姓名", "电话", "车辆信息", None],
        [None, None, "车架号", "车牌号"],
        ["张伟", 13800000001, "LFV2A21K2M3000001", "京A·12345"],
    ]
    target = workbook(tmp_path / "t.xlsx", {"台账": rows},
                      {"台账": ["A1:D1", "A2:A3", "B2:B3", "C2:D2"]})
    table = importing.read(target, CUSTOMER_COLUMNS)
    assert table.layout.header_line == 3 and table.lines == [4]
    assert table.rows[0]["name"] == "张伟" and table.rows[0]["phone"] == "13800000001"
    assert table.rows[0]["plate"] == "京A·12345"


def test_two_worksheets_with_data_are_asked_for_then_read(tmp_path: Path) -> None:
    header = ["姓名", "电话"]
    target = workbook(tmp_path / "t.xlsx", {
        "说明": [["这是说明页"]],
        "2025年": [header, ["张伟", "13800000001"]],
        "2026年": [header, ["王芳", "13900000002"]],
    })
    with pytest.raises(ValidationError) as info:
        importing.read(target, CUSTOMER_COLUMNS)
    assert info.value.code == "import.sheet_choice"
    assert info.value.params["sheets"] == ["2025年", "2026年"]
    assert "2025年" in importing.RowError(1, "row", info.value.code, info.value.message,
                                          params=info.value.params).text("zh_CN")
    table = importing.read(target, CUSTOMER_COLUMNS, sheet="2026年")
    assert [r["name"] for r in table.rows] == ["王芳"]
    assert importing.read(target, CUSTOMER_COLUMNS, sheet="2").rows[0]["name"] == "张伟"


def test_data_on_the_second_worksheet_only_is_found(tmp_path: Path) -> None:
    target = workbook(tmp_path / "t.xlsx", {"封面": [["2026年客户名单"]],
                                            "名单": [["姓名", "电话"], ["张伟", "13800000001"]]})
    assert importing.read(target, CUSTOMER_COLUMNS).layout.sheet == "名单"


def test_old_xls_export_from_a_dealer_system(db: Database, staff: Staff) -> None:
    report = importing.import_customers(db.uow(), staff.manager,
                                        FIXTURES / "customers_dms_export.xls")
    assert report.ok and report.imported == 2, report.errors
    assert report.layout is not None and report.layout.sheet == "客户台账"
    detail = customers.get_customer(db.uow(), staff.manager, report.created_ids[0])
    assert detail.vehicles[0].purchase_date.isoformat() == "2021-06-01"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
    ("big5", "big5"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
])
def test_encodings_are_recognised(tmp_path: Path, encoding: str, expected: str) -> None:
    rows = [["姓名", "电话", "地址"],
            ["陈丽华", "13800000011", "台北市信义区松仁路100号"],
            ["王建国", "13900000012", "广州市天河区体育西路"]]
    if encoding == "big5":  # Traditional characters, as a Taiwanese PC writes them
        rows = [["姓名", "電話", "地址"],
                ["陳麗華", "13800000011", "台北市信義區松仁路100號"],
                ["王建國", "13900000012", "廣州市天河區體育西路"]]
    target = write_csv(tmp_path / "c.csv", rows, encoding)
    table = importing.read(target, CUSTOMER_COLUMNS)
    assert table.layout.encoding == expected
    assert table.rows[0]["name"] == rows[1][0]  # 陳麗華, never 朝腞地


def test_headers_decide_between_gbk_and_big5(tmp_path: Path) -> None:
    # 姓名,电话 and 客户 read as common characters in both; only GBK gives headers.
    target = write_csv(tmp_path / "c.csv", [["姓名", "电话"], ["客户", "13800000011"]], "gbk")
    assert importing.read(target, CUSTOMER_COLUMNS).layout.encoding == "gb18030"


def test_undecidable_encoding_is_refused_with_a_question(tmp_path: Path) -> None:
    # Three characters that are common both as GBK and as Big5 bytes: 陈丽华 / 麻璨貌.
    target = tmp_path / "c.csv"
    target.write_bytes(b"name,phone\n" + "陈丽华".encode("gbk") + b",13800000011\n")
    with pytest.raises(ValidationError) as info:
        importing.read(target, CUSTOMER_COLUMNS)
    assert info.value.code == "import.encoding_undecided"
    assert info.value.params["candidates"] == ["GBK/GB18030", "Big5"]
    chosen = importing.read(target, CUSTOMER_COLUMNS, encoding="gbk")
    assert chosen.rows[0]["name"] == "陈丽华"
    assert importing.read(target, CUSTOMER_COLUMNS, encoding="big5").rows[0]["name"] == "麻璨貌"


def test_shift_jis_is_not_guessed(tmp_path: Path) -> None:
    target = tmp_path / "c.csv"
    target.write_bytes("姓名,電話\n山田太郎,13800000011\n".encode("shift_jis"))
    with pytest.raises(ValidationError) as info:
        reading.worksheets(target)
    assert info.value.code == "import.encoding_undecided"


@pytest.mark.parametrize(("cell", "expected"), [
    ("2026-06-03 09:05", datetime(2026, 6, 3, 9, 5)),
    ("2026/6/3 9:05", datetime(2026, 6, 3, 9, 5)),
    ("2026.6.3", datetime(2026, 6, 3)),
    ("20260603", datetime(2026, 6, 3)),
    (20260603, datetime(2026, 6, 3)),
    ("6/3/2026", datetime(2026, 6, 3)),
    ("6/3/2026 3:30 PM", datetime(2026, 6, 3, 15, 30)),
    ("2026年6月3日", datetime(2026, 6, 3)),
    ("2026年6月3日 上午 9:05", datetime(2026, 6, 3, 9, 5)),
    ("2026年6月3日下午3点30分", datetime(2026, 6, 3, 15, 30)),
    ("二〇二六年六月三日", datetime(2026, 6, 3)),
    ("46176", datetime(2026, 6, 3)),
    (46176.75, datetime(2026, 6, 3, 18, 0)),
    (datetime(2026, 6, 3, 9, 5), datetime(2026, 6, 3, 9, 5)),
])
def test_every_date_form_of_a_ledger(cell: object, expected: datetime) -> None:
    assert parsing.parse_datetime(cell, field="received_at", excel=True) == expected  # type: ignore[arg-type]


def test_date_and_time_in_their_own_columns(tmp_path: Path, db: Database, staff: Staff) -> None:
    rows: list[list[Any]] = [
        ["序号", "日期", "时间", "渠道", "严重程度", "类别", "客户姓名", "客户电话", "抱怨内容"],
        [1, datetime(2026, 6, 3), "上午 9:05", "电话", "一般", "维修质量", "张伟",
         "13800000001", "保养后发动机异响"],
        [2, 46176.0, "下午3点", "电话", "一般", "服务态度", "王芳", "13900000002", "等待太久"],
    ]
    target = workbook(tmp_path / "s.xlsx", {"Sheet1": rows})
    report = importing.import_sheets(db.uow(), staff.manager, target)
    assert report.ok and report.imported == 2, [e.message for e in report.errors]
    uow = db.uow()
    with uow.reading():
        received = sorted(uow.sheets.get(i).received_at for i in report.created_ids)  # type: ignore[union-attr]
    assert received == [datetime(2026, 6, 3, 9, 5), datetime(2026, 6, 3, 15, 0)]


def test_every_problem_of_every_row_in_chinese_under_the_users_header(
        tmp_path: Path, db: Database, staff: Staff) -> None:
    rows = [["序号", "客户姓名", "联系电话", "生日", "客户等级"],
            ["1", "张伟", "12345", "1985-13-45", "钻石"],
            ["2", "", "13900000002", "1990-01-01", "VIP"]]
    target = write_csv(tmp_path / "c.csv", rows, "utf-8")
    report = importing.import_customers(db.uow(), staff.manager, target)
    assert report.imported == 0
    line2 = {e.column for e in report.errors if e.line == 2}
    assert {"phone", "birthday", "tier"} <= line2  # all three at once, not in rounds
    assert any(e.line == 3 and e.column == "name" for e in report.errors)
    phone = next(e for e in report.errors if e.column == "phone")
    assert phone.column_name("zh_CN") == "联系电话"  # the file's header, not "phone"
    assert "12345" in phone.text("zh_CN") and "电话" in phone.text("zh_CN")
    birthday = next(e for e in report.errors if e.column == "birthday")
    assert "不是" in birthday.text("zh_CN") and birthday.column_name() == "生日"


def test_chosen_sheet_and_encoding_go_through_the_import(tmp_path: Path, db: Database,
                                                         staff: Staff) -> None:
    target = tmp_path / "c.csv"
    target.write_bytes(b"name,phone\n" + "陈丽华".encode("gbk") + b",13800000011\n")
    with pytest.raises(ValidationError):
        importing.check_customers(db.uow(), staff.manager, target)
    report = importing.import_customers(db.uow(), staff.manager, target,
                                        options=ReadOptions(encoding="gbk"))
    assert report.imported == 1


def test_sheet_template_knows_the_time_column() -> None:
    assert any(c.key == "received_time" for c in SHEET_COLUMNS)


def test_ten_thousand_rows_import_with_progress_and_cancel(tmp_path: Path, db: Database,
                                                           staff: Staff) -> None:
    rows = [["序号", "姓名", "电话"]] + [[str(i), f"客户{i}", str(13700000000 + i)]
                                      for i in range(10_000)]
    target = write_csv(tmp_path / "big.csv", rows, "gbk")
    seen: list[tuple[int, int]] = []

    def stop_early(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total // 20

    with pytest.raises(ValidationError) as info:
        importing.import_customers(db.uow(), staff.manager, target, progress=stop_early)
    assert info.value.code == "import.cancelled"
    uow = db.uow()
    with uow.reading():
        assert uow.customers.count() == 0  # Cancel leaves nothing
    seen.clear()
    report = importing.import_customers(db.uow(), staff.manager, target,
                                        progress=lambda d, t: seen.append((d, t)) or True)
    assert report.imported == 10_000
    done = [d for d, _ in seen]
    assert {t for _, t in seen} == {10_000} and done == sorted(done)
    assert done[0] == 0 and done[-1] == 10_000 and 50 <= len(done) <= 200
    with uow.reading():
        assert uow.customers.count() == 10_000
