"""Time the monthly complaint analysis report on a month with at least 10,000 sheets.

Loads demo data (``helpdesk.demo.generator``) into a fresh SQLite file — or uses an
existing database — finds the busiest finished month, and prints how long each step
takes: the figures (SQL), the PDF, the whole service call (figures + PDF + audit), and
the XLSX export with complete lists. Figures are printed, not asserted::

    python scripts/bench_report.py                       # 420,000 demo sheets (~5 min load)
    python scripts/bench_report.py --database big.db     # reuse a loaded database
    python scripts/bench_report.py --database postgresql://postgres@127.0.0.1/helpdesk
    python scripts/bench_report.py --database big.db --month busiest   # the largest month

It also prints the share of the whole report spent in SQL (the time inside the report's
queries, ``storage.report_queries.MonthlyQueries``, fetching included), query by query,
and the load average before and after: the machine is shared, and a wall time read at a
load above the number of cores is mostly waiting for a core (compare it with the CPU time).

Five years of demo history grow towards the present, so 420,000 sheets put more than
10,000 into each of the last months.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from helpdesk.demo import generator as demo  # noqa: E402
from helpdesk.domain.users import Permission, permissions_of  # noqa: E402
from helpdesk.reports import fonts, monthly, render_monthly  # noqa: E402
from helpdesk.services import common, reporting, users  # noqa: E402
from helpdesk.storage import report_queries, tables  # noqa: E402
from helpdesk.storage.database import Database, open_database  # noqa: E402

TARGET = 10_000


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


_SQL_METHODS = ("core", "durations", "satisfaction", "reopens", "backlogs",
                "overdue_sheets", "repeat_counts", "repeat_list", "counts_by",
                "root_causes", "actions", "major")


class SqlClock:
    """Times every query method of ``MonthlyQueries`` (SQL and fetching)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(_SQL_METHODS, 0.0)
        for name in _SQL_METHODS:
            setattr(report_queries.MonthlyQueries, name,
                    self._timed(name, getattr(report_queries.MonthlyQueries, name)))

    def _timed(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started
        return run

    def reset(self) -> None:
        self.seconds = dict.fromkeys(_SQL_METHODS, 0.0)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def _load() -> float:
    """The 1-minute load average (NaN where the system does not say, e.g. Windows)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def busiest_month(db: Database) -> tuple[date, int]:
    """The finished month with the most sheets received."""
    s = tables.sheets
    first = common.now().date().replace(day=1)
    best, best_count = None, -1
    with db.engine.connect() as conn:
        oldest = conn.execute(select(func.min(s.c.received_at))).scalar_one()
        if oldest is None:
            raise SystemExit("the database has no sheets")
        month = monthly.add_months(first, -1)
        while month >= oldest.date().replace(day=1):
            end = monthly.add_months(month, 1)
            count = conn.execute(select(func.count()).select_from(s).where(
                s.c.received_at >= datetime(month.year, month.month, 1),
                s.c.received_at < datetime(end.year, end.month, 1))).scalar_one()
            if count > best_count:
                best, best_count = month, count
            month = monthly.add_months(month, -1)
    assert best is not None
    return best, best_count


def recent_busy_month(db: Database) -> tuple[date, int]:
    """The latest finished month with at least TARGET sheets (else the busiest of the
    last two years), counted month by month in SQL, newest first."""
    s = tables.sheets
    best, best_count = None, -1
    month = monthly.add_months(common.now().date().replace(day=1), -1)
    with db.engine.connect() as conn:
        for _ in range(24):
            start, end = monthly.add_months(month, 0), monthly.add_months(month, 1)
            count = conn.execute(select(func.count()).select_from(s).where(
                s.c.received_at >= datetime(start.year, start.month, 1),
                s.c.received_at < datetime(end.year, end.month, 1))).scalar_one()
            if count >= TARGET:
                return month, count
            if count > best_count:
                best, best_count = month, count
            month = monthly.add_months(month, -1)
    if best is None or best_count <= 0:
        raise SystemExit("the database has no sheets in the last two years")
    return best, best_count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="an existing database (default: load demo data)")
    parser.add_argument("--sheets", type=int, default=420_000)
    parser.add_argument("--customers", type=int, default=80_000)
    parser.add_argument("--month", help="YYYY-MM, or 'busiest' (default: the latest "
                        f"finished month with {TARGET:,} sheets or more)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    args = parser.parse_args()

    if args.database:
        db = open_database(args.database)
    else:
        folder = Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        print(f"loading {args.sheets:,} demo sheets into {folder / 'bench.db'} …", flush=True)
        started = time.perf_counter()
        demo.load_demo(db.uow(), customers=args.customers, sheets=args.sheets)
        print(f"  loaded in {time.perf_counter() - started:.0f} s")
    if args.month == "busiest":
        month, count = busiest_month(db)
    elif args.month:
        month = monthly.parse_month(args.month)
        count = None
    else:
        month, count = recent_busy_month(db)
    font = fonts.pdf_font()
    load_before = _load()
    uow = db.uow
    reader = next(u.id for u in users.list_users(uow(), include_inactive=False)
                  if Permission.VIEW_REPORTS in permissions_of(frozenset(u.roles)))

    data_s, report = _timed(lambda: reporting.build_monthly_report(uow(), month), args.repeat)
    received = report.current.received
    pdf_s, pdf = _timed(lambda: render_monthly.render_monthly(report, "zh_CN", font=font),
                        args.repeat)
    request = reporting.MonthlyRequest(month)
    sql = SqlClock()
    cpu_started = time.process_time()
    whole_s, _ = _timed(lambda: reporting.monthly_pdf(uow(), reader, request, fresh=True),
                        args.repeat)
    cpu_s = (time.process_time() - cpu_started) / args.repeat
    sql_s = sql.total / args.repeat
    per_query = {name: seconds / args.repeat for name, seconds in sql.seconds.items()}
    xlsx_s, xlsx = _timed(lambda: reporting.monthly_export(uow(), reader, request, "xlsx"), 1)
    with db.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(tables.sheets)).scalar_one()
    load_after = _load()

    print(f"database:            {db.description} ({db.engine.dialect.name}), "
          f"{total:,} sheets in all")
    print(f"month:               {month:%Y-%m}, {received:,} sheets received"
          + ("" if count is None or count == received else f" ({count:,} counted)"))
    if received < TARGET:
        print(f"  note: fewer than {TARGET:,} sheets; load more (--sheets)")
    print(f"font:                {font.description}")
    print(f"figures (SQL):       {data_s:6.2f} s  (median of {args.repeat})")
    print(f"PDF rendering:       {pdf_s:6.2f} s  ({len(pdf):,} bytes)")
    print(f"whole report (PDF):  {whole_s:6.2f} s  (service call: figures + PDF + audit; "
          f"CPU {cpu_s:.2f} s)")
    print(f"  in SQL:            {sql_s:6.2f} s  ({sql_s / whole_s:.0%} of the whole report)")
    for name, seconds in sorted(per_query.items(), key=lambda item: -item[1]):
        if seconds >= 0.005:
            print(f"    {name:16s} {seconds:6.2f} s  ({seconds / whole_s:.0%})")
    print(f"XLSX, every row:     {xlsx_s:6.2f} s  ({len(xlsx):,} bytes)")
    print(f"load average:        {load_before:.2f} before, {load_after:.2f} after "
          f"({os.cpu_count()} cores)")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
