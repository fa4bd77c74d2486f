"""How fast does the customer list export? Export N customers of a demo database (the
list on screen: its columns, plus every vehicle and order on their own sheets) and print
a table against the raw-SQL floor.

    helpdesk demo --size medium --database /tmp/medium.db     # 20,000 customers
    python scripts/benchmark_export.py --database /tmp/medium.db
    python scripts/benchmark_export.py --database /tmp/medium.db --count 5000 --format csv

The database is copied to a temporary folder first (an export writes its audit entry),
so a shared database is never written. The floor: the same cells read with plain
``sqlite3`` queries (the list columns, the vehicles, the orders of the same customers)
and written by the same workbook writer. ``ratio`` = time / floor time. Nothing here
asserts a timing: it prints figures for people to read (with the load average, since
the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from helpdesk.domain import validation
from helpdesk.domain.complaints import NOT_CLOSED
from helpdesk.domain.customers import OrderKind, Tier, lifecycle
from helpdesk.services import customer_list, users
from helpdesk.services.customer_list import CustomerFilter, CustomerSort
from helpdesk.storage import analytics_queries
from helpdesk.storage.database import open_database
from helpdesk.transfer import spreadsheets as exporting
from helpdesk.transfer import writing

_HEADERS = {"name": "Name", "phone": "Phone", "plate": "Plate", "tier": "Tier",
            "lifecycle": "Lifecycle", "last_purchase": "Last purchase",
            "revenue": "Revenue (12 months)", "open_complaints": "Open complaints",
            "last_complaint": "Last complaint", "store": "Store", "owner": "Advisor"}
_OPEN = sorted(state.value for state in NOT_CLOSED)


def _floor(db_path: Path, ids: Sequence[int], out: Path, today: date) -> tuple[float, float]:
    """(seconds reading with plain SQL, seconds writing) for the same three sheets."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TEMP TABLE wanted (pos INTEGER PRIMARY KEY, id INTEGER)")
    conn.executemany("INSERT INTO wanted (id) VALUES (?)", [(i,) for i in ids])
    since = analytics_queries.since_12_months(today)
    list_rows = conn.execute(
        """
        SELECT c.name, (SELECT p.number FROM customer_phones p WHERE p.customer_id = c.id
                        ORDER BY p.id LIMIT 1),
               (SELECT v.plate FROM vehicles v WHERE v.customer_id = c.id AND v.plate <> ''
                ORDER BY v.id LIMIT 1),
               c.tier, per.first_at, per.last_at, coalesce(per.revenue, 0),
               coalesce(cpl.open_sheets, 0), cpl.last_at, s.name, u.display_name
        FROM wanted w JOIN customers c ON c.id = w.id
        LEFT JOIN (SELECT o.customer_id, min(o.ordered_at) AS first_at,
                          max(o.ordered_at) AS last_at,
                          sum(CASE WHEN o.ordered_at >= ? THEN o.amount_cents ELSE 0 END)
                              AS revenue
                   FROM orders o JOIN wanted w2 ON w2.id = o.customer_id
                   WHERE o.ordered_at <= ? GROUP BY o.customer_id) per
               ON per.customer_id = c.id
        LEFT JOIN (SELECT sh.customer_id, max(sh.received_at) AS last_at,
                          sum(CASE WHEN sh.state IN (%s) THEN 1 ELSE 0 END) AS open_sheets
                   FROM sheets sh JOIN wanted w3 ON w3.id = sh.customer_id
                   GROUP BY sh.customer_id) cpl ON cpl.customer_id = c.id
        LEFT JOIN stores s ON s.id = c.store_id
        LEFT JOIN users u ON u.id = c.owner_user_id
        ORDER BY w.pos
        """ % ",".join("?" * len(_OPEN)),  # noqa: S608, UP031 - placeholders only
        (since.isoformat(), today.isoformat(), *_OPEN)).fetchall()
    rows = []
    for name, phone, plate, tier, first_at, last_at, revenue, open_n, last_c, store, owner \
            in list_rows:
        first = date.fromisoformat(first_at) if first_at else None
        last = date.fromisoformat(last_at) if last_at else None
        rows.append([name, validation.display_phone(phone or ""), plate or "",
                     exporting.enum_label(Tier(tier), "en"),
                     exporting.enum_label(lifecycle(first, last, today), "en"), last, revenue,
                     open_n, datetime.fromisoformat(last_c) if last_c else None, store or "",
                     owner or ""])
    # Each owner's name and phone as the list row has them (no per-row subquery).
    owner = {cid: (row[0], row[1]) for cid, row in zip(ids, rows, strict=True)}
    vehicles = [[*owner[cid], vin, plate, brand, model, km,
                 date.fromisoformat(bought) if bought else None,
                 "" if validation.vin_is_complete(vin) else "yes"]
                for cid, vin, plate, brand, model, km, bought in conn.execute(
        """
        SELECT v.customer_id, v.vin, v.plate, v.brand, v.model, v.mileage_km, v.purchase_date
        FROM wanted w JOIN vehicles v ON v.customer_id = w.id ORDER BY w.pos, v.id
        """)]
    orders = [[*owner[cid], number, exporting.enum_label(OrderKind(kind), "en"),
               date.fromisoformat(at), cents, items]
              for cid, number, kind, at, cents, items in conn.execute(
        """
        SELECT o.customer_id, o.number, o.kind, o.ordered_at, o.amount_cents, o.items
        FROM wanted w JOIN orders o ON o.customer_id = w.id
        ORDER BY w.pos, o.ordered_at, o.id
        """)]
    conn.close()
    read_s = time.perf_counter() - started
    kinds = [exporting.LIST_COLUMNS[key][0] for key in _HEADERS]
    started = time.perf_counter()
    writing.write(out, [
        writing.Sheet("Customers", list(_HEADERS.values()), kinds, rows),
        writing.Sheet("Vehicles", [str(i) for i in range(9)],
                      (*[writing.Kind.TEXT] * 6, writing.Kind.INT, writing.Kind.DATE,
                       writing.Kind.TEXT), vehicles),
        writing.Sheet("Orders", [str(i) for i in range(7)],
                      (*[writing.Kind.TEXT] * 4, writing.Kind.DATE, writing.Kind.MONEY,
                       writing.Kind.TEXT), orders),
    ])
    return read_s, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, required=True,
                        help="a demo SQLite database (copied first, never written)")
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--user", default="manager")
    parser.add_argument("--password", default="demo2026")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copy = folder / "helpdesk.db"
        shutil.copyfile(args.database, copy)
        database = open_database(f"sqlite:///{copy}")
        user = users.login(database.uow(), args.user, args.password)
        today = date.today()
        ids = customer_list.list_customer_ids(
            database.uow(), user.id, CustomerFilter(sort=CustomerSort.NAME))[:args.count]
        columns = list(_HEADERS.items())
        load = os.getloadavg()
        started = time.perf_counter()
        count = exporting.export_customers(database.uow(), user.id, ids,
                                           folder / f"export.{args.format}", lang="en",
                                           columns=columns)
        helpdesk_s = time.perf_counter() - started
        database.dispose()
        read_s, write_s = _floor(copy, ids, folder / f"floor.{args.format}", today)
        floor_s = read_s + write_s
    print(f"export of {count:,} customers to {args.format} (list columns, vehicles, orders); "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
          f"{os.cpu_count()} cores")
    print(f"{'step':<36}{'seconds':>10}{'customers/s':>14}{'ratio':>8}")
    for label, seconds in (("Helpdesk export", helpdesk_s),
                           ("raw SQL floor (read + write)", floor_s),
                           ("  of which raw SQL reading", read_s),
                           ("  of which writing the file", write_s)):
        print(f"{label:<36}{seconds:>10.2f}{count / seconds:>14,.0f}"
              f"{seconds / floor_s:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
