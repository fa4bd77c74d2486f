"""Vehicles known only in part (issue 10): a VIN tail (车架号后8位), an 11-character VIN
from an old ledger, or only the brand and model. Kept as written, never padded into a
whole VIN, never run through the check digit, searchable by their tail, flagged as
incomplete; whole VINs stay one record each. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from helpdesk.domain.errors import ValidationErrors
from helpdesk.services import customers
from helpdesk.services.dto import VehicleInfo
from helpdesk.storage.database import Database
from helpdesk.transfer import spreadsheets as importing
from tests.conftest import Staff, staff_store

WHOLE = "LFV2A21K2M3000001"

# A store's paper-era ledger: the VIN column holds whatever the clerk wrote down.
LEDGER = [
    ["序号", "客户姓名", "联系电话", "车架号后8位", "车牌号", "品牌", "车型"],
    ["1", "陈丽华", "13800000011", "K876-5432", "", "大众", "帕萨特"],  # tail, with a dash
    ["2", "王建国", "13900000012", "LFV3A23C5J3", "", "", ""],  # 11 characters
    ["3", "张伟", "13700000013", "", "", "丰田", "凯美瑞"],  # no VIN at all
    ["4", "李娜", "13600000014", WHOLE, "京A·12345", "大众", "迈腾"],  # whole
    ["5", "周杰", "13500000015", "ｋ８７６５４３２", "", "", ""],  # same tail, full width
]
# Every line here is wrong, each in one way.
BAD = [
    ["客户姓名", "联系电话", "车架号", "里程(公里)"],
    ["刘洋", "13400000016", "A1234", ""],  # too short to name a vehicle
    ["赵敏", "13400000017", "LFV3A23C5JO", ""],  # O is never in a VIN
    ["钱进", "13400000018", "", "35000"],  # mileage of no vehicle
    ["孙立", "13400000019", "LFV2A21K0M3000001", ""],  # whole, wrong check digit
]


@pytest.fixture
def staff(any_db: Database) -> Staff:
    return staff_store(any_db)


def write(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def vehicles_of(db: Database, staff: Staff, name: str) -> tuple[VehicleInfo, ...]:
    hits = [h for h in customers.find_customers(db.uow(), staff.manager, name) if h.name == name]
    assert len(hits) == 1, hits
    return customers.get_customer(db.uow(), staff.manager, hits[0].id).vehicles


def names_found(db: Database, staff: Staff, query: str) -> set[str]:
    return {h.name for h in customers.find_customers(db.uow(), staff.desk, query)}


def test_a_ledger_of_tails_partial_vins_and_brands_imports_as_written(
        any_db: Database, staff: Staff, tmp_path: Path) -> None:
    report = importing.import_customers(any_db.uow(), staff.manager,
                                        write(tmp_path / "ledger.csv", LEDGER))
    assert report.errors == ()
    assert (report.total, report.imported) == (5, 5)

    [tail] = vehicles_of(any_db, staff, "陈丽华")
    assert (tail.vin, tail.brand, tail.model, tail.vin_complete) == \
        ("K8765432", "大众", "帕萨特", False)
    assert not tail.vin_check_overridden  # no check digit was run
    [eleven] = vehicles_of(any_db, staff, "王建国")
    assert (eleven.vin, eleven.vin_complete) == ("LFV3A23C5J3", False)
    [brand_only] = vehicles_of(any_db, staff, "张伟")
    assert (brand_only.vin, brand_only.brand, brand_only.model, brand_only.vin_complete) == \
        ("", "丰田", "凯美瑞", False)
    [whole] = vehicles_of(any_db, staff, "李娜")
    assert (whole.vin, whole.vin_complete) == (WHOLE, True)
    # Two customers' vehicles may end alike: a tail is not unique.
    [same_tail] = vehicles_of(any_db, staff, "周杰")
    assert same_tail.vin == "K8765432"


def test_search_by_the_tail_finds_partial_vins(any_db: Database, staff: Staff,
                                               tmp_path: Path) -> None:
    importing.import_customers(any_db.uow(), staff.manager,
                               write(tmp_path / "ledger.csv", LEDGER))
    assert names_found(any_db, staff, "765432") == {"陈丽华", "周杰"}
    assert names_found(any_db, staff, "K8765432") == {"陈丽华", "周杰"}
    assert names_found(any_db, staff, "23C5J3") == {"王建国"}
    assert names_found(any_db, staff, "3000001") == {"李娜"}


def test_every_bad_vin_line_is_reported_and_nothing_saved(any_db: Database, staff: Staff,
                                                          tmp_path: Path) -> None:
    report = importing.import_customers(any_db.uow(), staff.manager,
                                        write(tmp_path / "bad.csv", BAD))
    assert {(e.line, e.column, e.code) for e in report.errors} == {
        (2, "vin", "vin.too_short"),
        (3, "vin", "vin.characters"),
        (4, "vin", "vehicle.unidentified"),
        (5, "vin", "vin.check_digit"),
    }
    assert report.imported == 0


def test_the_desk_keeps_partial_vins_and_whole_ones_stay_unique(any_db: Database,
                                                                staff: Staff) -> None:
    uow = any_db.uow
    first = customers.create_customer(uow(), staff.manager, customers.CustomerInput(
        name="甲", phones=("13800000021",),
        vehicles=(customers.VehicleInput(vin=WHOLE),)))
    second = customers.create_customer(uow(), staff.manager, customers.CustomerInput(
        name="乙", phones=("13800000022",)))
    # An 11-character VIN whose 9th character would fail the check digit is kept as is.
    added = customers.add_vehicle(uow(), staff.manager, second.id,
                                  customers.VehicleInput(vin="LFV2A21K0M3"))
    assert (added.vin, added.vin_complete, added.vin_check_overridden) == \
        ("LFV2A21K0M3", False, False)
    # The tail of the first customer's whole VIN is another vehicle record of the second.
    customers.add_vehicle(uow(), staff.manager, second.id,
                          customers.VehicleInput(vin="M3000001"))
    only_brand = customers.add_vehicle(uow(), staff.manager, second.id,
                                       customers.VehicleInput(vin="", brand="比亚迪"))
    assert (only_brand.vin, only_brand.brand) == ("", "比亚迪")
    customers.add_vehicle(uow(), staff.manager, second.id,
                          customers.VehicleInput(vin="", model="汉"))  # two without a VIN
    with pytest.raises(ValidationErrors) as taken:
        customers.add_vehicle(uow(), staff.manager, second.id,
                              customers.VehicleInput(vin=WHOLE))
    assert [e.code for e in taken.value.errors] == ["vin.taken"]
    with pytest.raises(ValidationErrors) as nothing:
        customers.add_vehicle(uow(), staff.manager, second.id,
                              customers.VehicleInput(vin="", mileage_km=1000))
    assert [e.code for e in nothing.value.errors] == ["vehicle.unidentified"]
    # Completing a partial VIN later is an edit like any other.
    done = customers.update_vehicle(uow(), staff.manager, second.id, added.id,
                                    customers.VehicleInput(vin="LSVAU2A33N2183769"))
    assert done.vin_complete
    assert len(customers.get_customer(uow(), staff.manager, first.id).vehicles) == 1


SHEET_HEADER = ["接收时间", "接收渠道", "严重程度", "类别", "客户姓名", "客户电话", "车架号",
                "抱怨内容"]


def test_a_sheet_names_a_vehicle_by_its_tail(any_db: Database, staff: Staff,
                                             tmp_path: Path) -> None:
    importing.import_customers(any_db.uow(), staff.manager,
                               write(tmp_path / "ledger.csv", LEDGER))
    sheets = write(tmp_path / "sheets.csv", [
        SHEET_HEADER,
        # 李娜's whole VIN, named by its last 8; 陈丽华's tail, named by its last 7.
        ["2026-03-01 09:00", "服务顾问接待", "一般", "维修质量", "李娜", "13600000014",
         "M3000001", "刹车异响"],
        ["2026-03-02 09:00", "服务顾问接待", "一般", "维修质量", "陈丽华", "13800000011",
         "8765432", "空调不制冷"],
        # A new customer's vehicle known by its tail only, named twice.
        ["2026-03-03 09:00", "服务顾问接待", "一般", "维修质量", "吴明", "13300000031",
         "C5J30012", "异响"],
        ["2026-03-04 09:00", "服务顾问接待", "一般", "维修质量", "吴明", "13300000031",
         "C5J30012", "又异响"],
    ])
    report = importing.import_sheets(any_db.uow(), staff.manager, sheets)
    assert report.errors == ()
    assert report.imported == 4
    assert [v.vin for v in vehicles_of(any_db, staff, "李娜")] == [WHOLE]
    assert [v.vin for v in vehicles_of(any_db, staff, "陈丽华")] == ["K8765432"]
    assert [v.vin for v in vehicles_of(any_db, staff, "吴明")] == ["C5J30012"]
