"""Full-text search speed (issue 11), as a ratio against raw SQL on the same database.

    python scripts/benchmark_fulltext.py DATABASE.db

For each query: the list search of the program (all sheets, closed included; the open
sheets only) against a raw ``LIKE '%q%'`` scan of the sheets' own text columns (what a
search without an index costs). Prints a table; asserts nothing.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import datetime

from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints, users
from helpdesk.storage.database import open_database

QUERIES = ["异味", "异响", "空调", "刹车片", "发动机故障", "TS-2026", "421"]


def timed(fn) -> tuple[float, int]:  # noqa: ANN001
    best, result = float("inf"), 0
    for _ in range(3):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def main(path: str) -> None:
    db = open_database(f"sqlite:///{path}")
    admin = next(u.id for u in users.list_users(db.uow()) if u.username == "admin")
    raw = sqlite3.connect(path)
    rows = raw.execute("SELECT COUNT(*) FROM sheets").fetchone()[0]
    print(f"{path}: {rows:,} sheets, {datetime.now():%Y-%m-%d %H:%M}")
    print(f"{'query':<12}{'scope':<8}{'found':>8}{'program s':>11}{'raw LIKE s':>12}{'ratio':>8}")
    for q in QUERIES:
        for scope, include_closed, states in (("all", True, None), ("open", False,
                                                                    "('closed')")):
            t_app, found = timed(lambda ic=include_closed, q=q: len(complaints.list_sheet_ids(
                db.uow(), admin, SheetFilter(text=q, include_closed=ic))))
            where = "" if states is None else f" AND state NOT IN {states}"
            sql = ("SELECT COUNT(*) FROM sheets WHERE (description || customer_request || "
                   "root_cause || correction || long_term_measure) LIKE ?" + where)
            t_raw, _ = timed(lambda s=sql, q=q: raw.execute(s, (f"%{q}%",)).fetchone()[0])
            print(f"{q:<12}{scope:<8}{found:>8}{t_app:>11.3f}{t_raw:>12.3f}"
                  f"{t_app / t_raw if t_raw else float('nan'):>8.2f}")
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
