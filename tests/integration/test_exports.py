"""Exports people can use (issue 10): typed cells, fitted widths, frozen header,
autofilter, vehicles and orders on their own worksheets, formula-looking text
neutralised in CSV and XLSX."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from helpdesk.storage.database import Database
from helpdesk.transfer import spreadsheets as importing
from helpdesk.transfer import writing
from tests.fakes import Staff
from tests.integration.test_real_files import _template, db, staff  # noqa: F401 - fixtures

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# What a spreadsheet would run as a formula, and what is only text.
FORMULA_TABLE = [
    ("=1+1", "'=1+1"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+8613800000001", "'+8613800000001"),
    ("-5", "'-5"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("张伟", "张伟"),
    ("a=1", "a=1"),
    ("1-2", "1-2"),
    ("", ""),
]


@pytest.mark.parametrize(("value", "in_csv"), FORMULA_TABLE)
def test_formula_neutralising_table(tmp_path: Path, value: str, in_csv: str) -> None:
    sheet = writing.Sheet("t", ["h"], [writing.Kind.TEXT], [[value]])
    writing.write(tmp_path / "t.csv", [sheet])
    writing.write(tmp_path / "t.xlsx", [sheet])
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1:] == ([[in_csv]] if value else [[""]])
    cell = load_workbook(tmp_path / "t.xlsx")["t"]["A2"]
    if value:
        # A text cell, never a formula: Excel shows the text and runs nothing.
        # (A CR is stored escaped, _x000D_, which Excel reads back as CR.)
        assert cell.data_type == "s" and cell.value.replace("_x000D_", "\r") == value
    else:
        assert cell.value is None


def test_customer_export_is_typed_filtered_frozen_and_complete(
        db: Database, staff: Staff, tmp_path: Path) -> None:  # noqa: F811
    imported = importing.import_customers(db.uow(), staff.manager,
                                          FIXTURES / "customers_good_zh.csv")
    out = tmp_path / "export.xlsx"
    assert importing.export_customers(db.uow(), staff.manager, imported.created_ids,
                                      out) == 3
    book = load_workbook(out)
    assert book.sheetnames == ["客户 Customers", "车辆 Vehicles", "订单 Orders"]
    people = book["客户 Customers"]
    last = people.cell(1, len(importing.CUSTOMER_COLUMNS)).column_letter
    assert people.freeze_panes == "A2" and people.auto_filter.ref == f"A1:{last}4"
    header = [c.value for c in people[1]]
    birthday = people.cell(2, header.index("生日") + 1)
    assert birthday.value.date() == date(1985, 3, 12) and birthday.is_date
    mileage = people.cell(2, header.index("里程(公里)") + 1)
    assert mileage.value == 35000 and isinstance(mileage.value, int)
    amount = people.cell(3, header.index("订单金额(元)") + 1)
    assert float(amount.value) == 1280.0 and amount.data_type == "n"  # SUM works
    phone = people.cell(2, header.index("电话") + 1)
    assert phone.data_type == "s"  # a phone stays text (leading zeros, +86)
    # Neighbouring columns of one width are stored as one range (min..max).
    widths = {get_column_letter(i): d.width for d in people.column_dimensions.values()
              for i in range(d.min, d.max + 1)}
    address_column = people.cell(1, header.index("地址") + 1).column_letter
    assert widths["A"] >= 6 and widths.get(address_column, 0) >= 6
    vehicles = [[c.value for c in row] for row in book["车辆 Vehicles"].iter_rows()]
    assert vehicles[0][:3] == ["车主", "车主电话", "车架号"] and len(vehicles) == 3
    orders = [[c.value for c in row] for row in book["订单 Orders"].iter_rows()]
    assert len(orders) == 3 and book["订单 Orders"].auto_filter.ref == "A1:G3"
    # The export imports again as it is: the customers' worksheet is the one chosen.
    assert importing.read(out, importing.CUSTOMER_COLUMNS).layout.sheet == "客户 Customers"


def test_export_takes_its_rows_in_the_callers_order(db: Database, staff: Staff,  # noqa: F811
                                                    tmp_path: Path) -> None:
    imported = importing.import_customers(db.uow(), staff.manager,
                                          FIXTURES / "customers_good_zh.csv")
    chosen = iter(reversed(imported.created_ids))  # any iterable: the list on screen
    out = tmp_path / "e.csv"
    importing.export_customers(db.uow(), staff.manager, chosen, out)
    names = [r["name"] for r in importing.read_table(out)]
    assert names == ["北京华兴物流有限公司", "王芳", "张伟"]


def test_both_customer_exports_end_in_the_same_vehicles_and_orders(
        db: Database, staff: Staff, tmp_path: Path) -> None:  # noqa: F811
    """The list as on screen and the template layout differ in their first worksheet
    only: their vehicles and orders are written by the same code, from the same rows."""
    imported = importing.import_customers(db.uow(), staff.manager,
                                          FIXTURES / "customers_good_zh.csv")
    template, listed = tmp_path / "template.xlsx", tmp_path / "list.xlsx"
    importing.export_customers(db.uow(), staff.manager, imported.created_ids, template,
                               lang="en")
    importing.export_customers(db.uow(), staff.manager, imported.created_ids, listed,
                               lang="en", columns=[("name", "Name"), ("phone", "Phone")])
    books = load_workbook(template), load_workbook(listed)
    for sheet in ("车辆 Vehicles", "订单 Orders"):
        rows = [[[c.value for c in row] for row in book[sheet].iter_rows()] for book in books]
        assert rows[0] == rows[1] and len(rows[0]) == 3, sheet
    assert books[1]["车辆 Vehicles"]["A1"].value == "Owner"  # the words of lang="en"
