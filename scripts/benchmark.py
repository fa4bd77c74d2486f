"""How fast is Helpdesk at a given size? Load demo data, then time the searches the desk
uses all day, and print a table.

    python scripts/benchmark.py                       # large, SQLite in a temp folder
    python scripts/benchmark.py --size medium --runs 30
    python scripts/benchmark.py --reuse               # time the queries on the last load
    python scripts/benchmark.py --database postgresql://postgres@127.0.0.1/bench

Figures: the load (wall and CPU time per stage); the complaint list (the ids query of
the default view and common filters, text search by pinyin initials, phone tail, plate
and sheet number, and fetching a 200-row page); customer search (pinyin, initials, phone
tail, plate, VIN tail, order number, name prefix) — each as p50/p95 in milliseconds over
``--runs`` different, deterministic samples after a few warm-up runs; the database size.
Nothing here asserts a timing: it prints figures for people to read.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from helpdesk.demo import generator as demo
from helpdesk.domain import search_keys as sk
from helpdesk.domain.complaints import SheetState
from helpdesk.domain.enums import Channel
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.services import complaints, customers
from helpdesk.storage import engine as engine_mod
from helpdesk.storage import tables
from helpdesk.storage.database import Database, open_database


@dataclass
class Timing:
    label: str
    p50: float
    p95: float
    rows: float


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: a SQLite file in the temp folder)")
    parser.add_argument("--size", default="large", choices=sorted(demo.SIZES))
    parser.add_argument("--runs", type=int, default=50, help="timed runs per query (50)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs first (5)")
    parser.add_argument("--seed", type=int, default=2026, help="demo data seed (2026)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the data already in the database; only time the queries")
    args = parser.parse_args(argv)

    url = args.database or engine_mod.sqlite_url(
        Path(tempfile.gettempdir()) / f"helpdesk-benchmark-{args.size}.db")
    url = engine_mod.normalize_url(url)
    if not args.reuse:
        _fresh(url)
    db = open_database(url)
    print(f"Database: {db.description}")
    with db.engine.connect() as conn:
        existing = conn.scalar(select(func.count()).select_from(tables.sheets)) or 0
    if existing and not args.reuse:
        print("The database has data; use --reuse to time it, or an empty database.",
              file=sys.stderr)
        return 2
    if not existing:
        if args.reuse:
            print("Nothing to reuse: loading the demo data first.")
        _load(db, args.size, args.seed)
    _counts(db)
    bench = Bench(db, runs=args.runs, warmup=args.warmup, seed=args.seed)
    _print_table("Complaint list (services.complaints)", bench.sheet_list())
    _print_table("Customer search (services.customers.find_customers)", bench.customers())
    print(f"\nDatabase size: {_size(db) / 1e6:,.0f} MB")
    db.dispose()
    return 0


# ---------------------------------------------------------------- load
def _fresh(url: str) -> None:
    """Remove a previous benchmark file (SQLite); a server database must be empty."""
    path = engine_mod.sqlite_file(url)
    if path is not None:
        for suffix in ("", "-wal", "-shm"):
            candidate = Path(str(path) + suffix)
            if candidate.exists():
                candidate.unlink()


def _load(db: Database, size: str, seed: int) -> None:
    customers_count, sheets_count = demo.SIZES[size]
    print(f"Loading the {size} demo: {customers_count:,} customers, {sheets_count:,} sheets")
    stages: dict[str, float] = {}
    started = time.perf_counter()
    cpu = time.process_time()
    last = [started]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        stages[stage] = now - started
        if now - last[0] > 15 or done == total:
            last[0] = now
            print(f"  [{now - started:7.1f} s] {stage} {done:,}/{total:,}", flush=True)

    summary = demo.load_demo(db.uow(), customers=customers_count, sheets=sheets_count,
                             seed=seed, progress=progress)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"\nLoad: {wall:,.1f} s wall, {cpu:,.1f} s CPU of this process "
          f"({summary.customers:,} customers, {summary.vehicles:,} vehicles, "
          f"{summary.orders:,} orders, {summary.sheets:,} sheets)")
    previous = 0.0
    for stage in ("setup", "customers", "sheets", "indexes"):
        if stage in stages:
            took = stages[stage] - previous
            print(f"  {stage:<10} until {stages[stage]:8.1f} s  ({took:7.1f} s)")
            previous = stages[stage]


def _counts(db: Database) -> None:
    with db.engine.connect() as conn:
        parts = []
        for table in (tables.customers, tables.vehicles, tables.orders, tables.search_keys,
                      tables.sheets, tables.sheet_transitions, tables.sheet_progress):
            count = conn.scalar(select(func.count()).select_from(table)) or 0
            parts.append(f"{table.name} {count:,}")
    print("Rows: " + ", ".join(parts))


def _size(db: Database) -> int:
    path = engine_mod.sqlite_file(db.url)
    if path is not None:
        return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal")
                   if Path(str(path) + s).exists())
    with db.engine.connect() as conn:
        return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)


# ---------------------------------------------------------------- queries
class Bench:
    """Times service calls over deterministic samples drawn from the data."""

    def __init__(self, db: Database, *, runs: int, warmup: int, seed: int) -> None:
        self.db = db
        self.uow = db.uow()
        self.runs = max(1, runs)
        self.warmup = max(0, warmup)
        self.r = random.Random(seed)
        with db.engine.connect() as conn:
            u = tables.users
            self.actor = int(conn.scalar(select(u.c.id).where(u.c.username == "director"))
                             or conn.scalar(select(func.min(u.c.id))))
        self._samples = self._draw_samples()

    # ------------------------------------------------------------ samples
    def _draw_samples(self) -> dict[str, list[str]]:
        n = self.runs + self.warmup
        with self.db.engine.connect() as conn:
            top = conn.scalar(select(func.max(tables.customers.c.id))) or 0

            def some(table: Any, column: Any, where: Any = None) -> list[Any]:
                ids = sorted(self.r.sample(range(1, top + 1), min(top, n * 3)))
                stmt = select(column).where(table.c.customer_id.in_(ids)) \
                    if "customer_id" in table.c else select(column).where(table.c.id.in_(ids))
                if where is not None:
                    stmt = stmt.where(where)
                values = [v for v in conn.execute(stmt).scalars() if v]
                self.r.shuffle(values)
                return (values * (n // max(len(values), 1) + 1))[:n] if values else []

            c = tables.customers
            people = some(c, c.c.name, c.c.kind == "individual")
            phones = some(tables.customer_phones, tables.customer_phones.c.number)
            vehicles = tables.vehicles
            plates = some(vehicles, vehicles.c.plate)
            vins = some(vehicles, vehicles.c.vin)
            orders = some(tables.orders, tables.orders.c.number)
            sheet_top = conn.scalar(select(func.max(tables.sheets.c.id))) or 0
            picks = sorted(self.r.sample(range(1, sheet_top + 1), min(sheet_top, n)))
            numbers = list(conn.execute(select(tables.sheets.c.number)
                                        .where(tables.sheets.c.id.in_(picks))).scalars())
            self.r.shuffle(numbers)
        pinyin = [min(keys, key=len) if keys else name
                  for name in people for keys in [sk.name_pinyin_keys(name)]]
        full = [max(keys, key=len) if keys else name
                for name in people for keys in [sk.name_pinyin_keys(name)]]
        return {
            "initials": pinyin, "pinyin": full, "name": [p[:2] for p in people],
            "phone4": [p[-4:] for p in phones], "plate": plates,
            "plate_nodot": [p[1:] for p in plates], "vin6": [v[-6:] for v in vins],
            "vin8": [v[-8:] for v in vins], "order": orders, "number": numbers,
        }

    def _timed(self, label: str, samples: Sequence[Any],
               call: Callable[[Any], int]) -> Timing:
        if not samples:
            return Timing(label + " (no samples)", float("nan"), float("nan"), 0)
        values = list(samples)
        for i in range(self.warmup):
            call(values[i % len(values)])
        times, rows = [], []
        for i in range(self.runs):
            value = values[(self.warmup + i) % len(values)]
            start = time.perf_counter()
            rows.append(call(value))
            times.append((time.perf_counter() - start) * 1000)
        return Timing(label, statistics.median(times), _p95(times), statistics.mean(rows))

    # ------------------------------------------------------------ the complaint list
    def sheet_list(self) -> list[Timing]:
        uow, actor = self.uow, self.actor

        def ids(sheet_filter: SheetFilter) -> Callable[[Any], int]:
            return lambda _value: len(complaints.list_sheet_ids(uow, actor, sheet_filter))

        def text_search(value: str) -> int:
            return len(complaints.list_sheet_ids(uow, actor, SheetFilter(text=value)))

        fixed = [0]
        results = [
            self._timed("ids: default view (all, newest first)", fixed, ids(SheetFilter())),
            self._timed("ids: open sheets", fixed, ids(SheetFilter(include_closed=False))),
            self._timed("ids: overdue", fixed, ids(SheetFilter(due=DueFilter.OVERDUE))),
            self._timed("ids: due today", fixed, ids(SheetFilter(due=DueFilter.DUE_TODAY))),
            self._timed("ids: state = in progress", fixed,
                        ids(SheetFilter(states=frozenset({SheetState.IN_PROGRESS})))),
            self._timed("ids: channel = 400 hotline", fixed,
                        ids(SheetFilter(channels=frozenset({Channel.OEM_HOTLINE})))),
            self._timed("text: pinyin initials", self._samples["initials"], text_search),
            self._timed("text: phone last 4", self._samples["phone4"], text_search),
            self._timed("text: plate", self._samples["plate"], text_search),
            self._timed("text: sheet number", self._samples["number"], text_search),
        ]
        every = complaints.list_sheet_ids(uow, actor, SheetFilter())
        offsets = [self.r.randrange(0, max(1, len(every) - 200))
                   for _ in range(self.runs + self.warmup)]
        results.append(self._timed(
            "page: 200 rows at a random offset", offsets,
            lambda offset: len(complaints.sheet_rows(uow, every[offset:offset + 200]))))
        return results

    # ------------------------------------------------------------ customers
    def customers(self) -> list[Timing]:
        uow, actor = self.uow, self.actor

        def find(value: str) -> int:
            return len(customers.find_customers(uow, actor, value))

        s = self._samples
        return [
            self._timed("pinyin, full", s["pinyin"], find),
            self._timed("pinyin initials", s["initials"], find),
            self._timed("phone last 4", s["phone4"], find),
            self._timed("plate", s["plate"], find),
            self._timed("plate without province", s["plate_nodot"], find),
            self._timed("VIN last 6", s["vin6"], find),
            self._timed("VIN last 8", s["vin8"], find),
            self._timed("order number", s["order"], find),
            self._timed("Chinese name prefix (2 characters)", s["name"], find),
        ]


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _print_table(title: str, rows: Sequence[Timing]) -> None:
    print(f"\n{title}")
    width = max(len(r.label) for r in rows)
    print(f"  {'query':<{width}}  {'p50 ms':>9}  {'p95 ms':>9}  {'rows (avg)':>11}")
    for row in rows:
        print(f"  {row.label:<{width}}  {row.p50:9.1f}  {row.p95:9.1f}  {row.rows:11,.0f}")


if __name__ == "__main__":
    sys.exit(main())
