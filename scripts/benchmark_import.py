"""How fast does a store's ledger import? Write a realistic complaint ledger (a title
row, a 序号 column, Chinese dates in several forms, repeat customers, VIN tails), check
and import it into a fresh SQLite database, and print a table.

    python scripts/benchmark_import.py                 # 18,576 rows (the issue's file)
    python scripts/benchmark_import.py --rows 2000 --format csv
    python scripts/benchmark_import.py --keep /tmp/ledger.xlsx   # keep the file

The floor: the same rows the import wrote (customers, phones, vehicles, sheets, their
transitions and the audit entries) inserted again with plain ``executemany`` into an
empty copy of the schema, in one transaction. ``ratio`` = import time / floor time.
Nothing here asserts a timing: it prints figures for people to read.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from helpdesk.services import setup, users
from helpdesk.storage.database import open_database
from helpdesk.transfer import spreadsheets as importing

# Fragments of real negative reviews (the kind of text a store's ledger holds).
_TOPICS = ("保养后发动机异响", "空调不制冷", "维修等待时间太长", "服务顾问态度冷淡",
           "收费与报价不一致", "洗车不干净", "配件缺货等了两周", "刹车有异响", "车漆有划痕",
           "预约后到店还要排队", "电话一直没人接", "更换的轮胎型号不对", "返修三次还没修好")
_DETAILS = ("客户很不满意，要求给个说法。", "已经是第二次来店反映。", "希望尽快处理并回电。",
            "客户要求退还部分工时费。", "客户表示如果不解决将向厂家投诉。", "")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
_CATEGORIES = ("维修质量", "服务态度", "配件供应", "维修时间/等待", "收费价格")
_CHANNELS = ("电话", "服务顾问接待", "厂家400热线", "网络/微信/邮件", "门店现场")
_VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


def _date_text(when: datetime, rnd: random.Random) -> str:
    form = rnd.randrange(4)
    if form == 0:
        return when.strftime("%Y-%m-%d %H:%M")
    if form == 1:
        return f"{when.year}年{when.month}月{when.day}日 {when.hour}:{when.minute:02d}"
    if form == 2:  # noqa: PLR2004
        return f"{when.month}/{when.day}/{when.year} {when.hour}:{when.minute:02d}"
    return when.strftime("%Y/%m/%d %H:%M")


def ledger_rows(count: int, seed: int = 2026) -> list[list[str]]:
    """A complaint ledger as a store keeps it: title, header, ``count`` data rows."""
    rnd = random.Random(seed)
    phones = [f"1{rnd.choice(('38', '39', '58', '86', '36'))}{rnd.randrange(10**8):08d}"
              for _ in range(max(1, count * 2 // 3))]
    names = {p: rnd.choice(_SURNAMES) + "".join(rnd.choices(_GIVEN, k=rnd.choice((1, 2))))
             for p in phones}
    start = datetime(2025, 1, 2, 8, 30)
    rows = [["天顺汽车4S店 客户投诉登记台账", "", "", "", "", "", "", "", "", ""],
            ["序号", "登记时间", "渠道", "严重程度", "抱怨类别", "客户姓名", "联系电话",
             "车架号后8位", "投诉内容", "备注"]]
    for i in range(count):
        phone = rnd.choice(phones)
        when = start + timedelta(minutes=rnd.randrange(60 * 24 * 600))
        tail = "".join(rnd.choices(_VIN_CHARS, k=8)) if rnd.random() < 0.3 else ""  # noqa: PLR2004
        rows.append([str(i + 1), _date_text(when, rnd), rnd.choice(_CHANNELS),
                     "重大" if rnd.random() < 0.1 else "一般", rnd.choice(_CATEGORIES),  # noqa: PLR2004
                     names[phone], phone, tail,
                     rnd.choice(_TOPICS) + "，" + rnd.choice(_DETAILS), ""])
    return rows


def write_ledger(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="gb18030", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return path
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def _fresh_database(folder: Path) -> tuple[str, int]:
    url = f"sqlite:///{folder / 'helpdesk.db'}"
    database = open_database(url)
    uow = database.uow()
    result = setup.initialise(uow, store_name="天顺汽车4S店", store_code="TS",
                              preset="dealership", admin_username="admin",
                              admin_password="Benchmark-2026")
    manager = users.create_user(database.uow(), result.admin_id, "manager", "服务经理",
                                ["service_manager"], password="Benchmark-2026",
                                store_id=result.store.id)
    database.dispose()
    return url, manager.id


_FLOOR_TABLES = ("customers", "customer_phones", "vehicles", "sheets", "sheet_transitions",
                 "audit_log")


def _floor_seconds(db_path: Path, empty_path: Path) -> float:
    """Insert the rows the import wrote into an empty copy, plain executemany."""
    source = sqlite3.connect(db_path)
    target = sqlite3.connect(empty_path)
    tables = [name for (name,) in source.execute(
        "SELECT name FROM sqlite_master WHERE type='table'") if name in _FLOOR_TABLES]
    data = {}
    for name in tables:
        # Only what the import added (the empty copy has the setup's rows already).
        (last,) = target.execute(f"SELECT coalesce(max(rowid), 0) FROM {name}").fetchone()  # noqa: S608 - our table names
        cursor = source.execute(f"SELECT * FROM {name} WHERE rowid > ?", (last,))  # noqa: S608
        columns = [d[0] for d in cursor.description]
        data[name] = (columns, cursor.fetchall())
    started = time.perf_counter()
    target.execute("BEGIN")
    for name, (columns, rows) in data.items():
        marks = ",".join("?" * len(columns))
        target.executemany(f"INSERT INTO {name} ({','.join(columns)}) VALUES ({marks})",  # noqa: S608
                           rows)
    target.commit()
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=18_576)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="write the ledger here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ledger = args.keep or folder / f"ledger.{args.format}"
        started = time.perf_counter()
        write_ledger(ledger, ledger_rows(args.rows))
        made = time.perf_counter() - started
        url, manager = _fresh_database(folder)
        shutil.copyfile(folder / "helpdesk.db", folder / "empty.db")
        database = open_database(url)
        ticks: list[int] = []

        def progress(done: int, total: int) -> bool:
            ticks.append(done)
            return True

        started = time.perf_counter()
        checked = importing.check_sheets(database.uow(), manager, ledger, progress=progress)
        check_s = time.perf_counter() - started
        started = time.perf_counter()
        report = importing.import_sheets(database.uow(), manager, ledger, progress=progress)
        import_s = time.perf_counter() - started
        database.dispose()
        floor_s = _floor_seconds(folder / "helpdesk.db", folder / "empty.db")
    rows = args.rows
    print(f"ledger: {rows:,} rows, {args.format}, written in {made:.1f} s; "
          f"{len(checked.errors)} problems; progress calls: {len(ticks)}")
    print(f"{'step':<28}{'seconds':>10}{'rows/s':>12}{'ratio':>10}")
    for label, seconds in (("check (dry run)", check_s), ("import", import_s),
                           ("raw SQL floor (same rows)", floor_s)):
        print(f"{label:<28}{seconds:>10.2f}{rows / seconds:>12,.0f}"
              f"{seconds / floor_s:>10.1f}")
    print(f"imported {report.imported:,} sheets")
    return 0 if report.imported == rows else 1


if __name__ == "__main__":
    sys.exit(main())
