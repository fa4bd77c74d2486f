"""Full-text search speed (issue 11), as a ratio against raw SQL on the same database.

    python scripts/benchmark_fulltext.py DATABASE.db [--build-index]

The database is written to only with ``--build-index`` (work on a copy): the full-text
rows and the FTS5 index are then rebuilt first, and that time is printed.

For each query, what the complaint list does before it can show the first page of a
search — the count, the first window of ids (``paging.WINDOW``) in the list's order, the
50 rows on screen and their highlighted matches (``list_sheets`` + ``sheet_rows`` +
``text_matches``) — against the floor: the same count, window and rows in plain
``sqlite3``, each by its quickest plan (see ``floor``; two-character queries OR the
trigrams that begin with them, as the program does; a number tail is an ``IN`` of the
full numbers; the customers the program also searches are left out).
The default list (open sheets) and "all statuses". Best of three; asserts nothing.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from helpdesk.domain.complaints import NOT_CLOSED
from helpdesk.domain.filters import SheetFilter
from helpdesk.services import complaints, paging, users
from helpdesk.storage import fulltext
from helpdesk.storage.database import open_database

QUERIES = ["异味", "异响", "空调", "刹车片", "发动机故障", "421", "000421", "2026-000421"]
PAGE = 50
OPEN = "(" + ", ".join(f"'{state.value}'" for state in sorted(NOT_CLOSED)) + ")"


def timed(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def floor(raw: sqlite3.Connection, query: str, include_closed: bool,
          prefixes: list[str]) -> int:
    """Count, first window and first page in plain SQL, each by its quickest plan: the
    text from FTS5 (counted in the index alone; the window by the received-time index,
    each sheet tested against the matches, when they are many — else by the matches);
    a number tail as an IN of the full numbers (``prefixes``: the used "TS-2026"
    parts, known beforehand)."""
    if len(query) == 2:
        terms = [r[0] for r in raw.execute(
            f"SELECT term FROM {fulltext.VOCAB_TABLE} WHERE term >= ? AND term < ?",
            (query, query + "\U0010ffff"))]
        expression = " OR ".join(_quoted(t) for t in terms) or '""'
    else:
        expression = _quoted(query)
    fts = f"(SELECT rowid FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ?)"
    numbers: list[str] = []
    if query[0].isdigit():
        digits = query.replace("-", "")[-6:].rjust(6, "0")
        numbers = [n for n in (f"{p}-{digits}" for p in prefixes) if n.endswith(query)]
    by_number = f"s.number IN ({','.join('?' * len(numbers))})" if numbers else "0"
    if include_closed:
        total = raw.execute(f"SELECT COUNT(*) FROM {fulltext.FTS_TABLE} "
                            f"WHERE {fulltext.FTS_TABLE} MATCH ?", [expression]).fetchone()[0]
        if numbers:
            total += raw.execute(f"SELECT COUNT(*) FROM sheets s WHERE {by_number} "
                                 f"AND s.id + 0 NOT IN {fts}", [*numbers, expression]
                                 ).fetchone()[0]
        probe = total >= 5 * paging.WINDOW
        state = ""
    else:
        probe, state = True, f"s.state IN {OPEN} AND "
    where = f"{state}({by_number} OR {'s.id + 0' if probe else 's.id'} IN {fts})"
    args = [*numbers, expression]
    if not include_closed:
        total = raw.execute(f"SELECT COUNT(*) FROM sheets s WHERE {where}", args).fetchone()[0]
    ids = [r[0] for r in raw.execute(
        f"SELECT s.id FROM sheets s WHERE {where} ORDER BY s.received_at DESC, s.id DESC "
        f"LIMIT {paging.WINDOW}", args)]
    page = ids[:PAGE]
    if page:
        marks = ",".join("?" * len(page))
        raw.execute(f"SELECT s.*, t.body FROM sheets s JOIN sheet_texts t "
                    f"ON t.sheet_id = s.id WHERE s.id IN ({marks})", page).fetchall()
    return int(total)


def helpdesk(db: Any, admin: int, query: str, include_closed: bool) -> int:
    uow = db.uow
    found = complaints.list_sheets(uow(), admin, SheetFilter(text=query,
                                                             include_closed=include_closed))
    page = list(found[:PAGE])
    complaints.sheet_rows(uow(), page)
    complaints.text_matches(uow(), admin, page, query)
    return len(found)


def _migration() -> Any:
    """The migration that made the full-text index (its SQLite statements)."""
    import importlib.util
    from pathlib import Path

    from helpdesk.storage import migrate

    versions = Path(migrate.__file__).parent / "migrations" / "versions"
    [path] = versions.glob("*_i11_sheet_essentials.py")
    spec = importlib.util.spec_from_file_location("i11_sheet_essentials", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_index(path: str) -> float:
    """Drop the full-text index and its rows, then build them as the migration does
    when it upgrades a database that has sheets already; seconds."""
    migration = _migration()
    db = open_database(f"sqlite:///{path}")
    with db.engine.begin() as conn:
        for statement in migration._SQLITE_DROP:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("DELETE FROM sheet_texts")
    started = time.perf_counter()
    with db.engine.begin() as conn:
        for statement in migration._SQLITE_DDL:
            conn.exec_driver_sql(statement)
        fulltext.refresh(conn, None)
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed


def main(path: str, rebuild: bool) -> None:
    load = os.getloadavg()
    built = build_index(path) if rebuild else None
    db = open_database(f"sqlite:///{path}")
    admin = next(u.id for u in users.list_users(db.uow()) if u.username == "admin")
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = raw.execute("SELECT COUNT(*) FROM sheets").fetchone()[0]
    print(f"{path}: {rows:,} sheets, {datetime.now():%Y-%m-%d %H:%M}, "
          f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    if built is not None:
        print(f"full-text rows and FTS5 index built in {built:.1f} s")
    prefixes = [r[0] for r in raw.execute(  # "TS-2026" … (not timed)
        "SELECT DISTINCT substr(number, 1, length(number) - 7) FROM sheets")]
    print(f"{'query':<14}{'scope':<6}{'found':>9}{'(floor)':>9}{'Helpdesk ms':>13}"
          f"{'floor ms':>10}{'ratio':>7}")
    for q in QUERIES:
        for scope, include_closed in (("open", False), ("all", True)):
            t_app, found = timed(lambda q=q, ic=include_closed: helpdesk(db, admin, q, ic))
            t_raw, by_floor = timed(lambda q=q, ic=include_closed: floor(raw, q, ic, prefixes))
            print(f"{q:<14}{scope:<6}{found:>9,}{by_floor:>9,}{t_app * 1000:>13.1f}"
                  f"{t_raw * 1000:>10.1f}{t_app / t_raw if t_raw else float('nan'):>7.1f}")
    print(f"load afterwards {os.getloadavg()[0]:.2f}")
    raw.close()
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], "--build-index" in sys.argv[2:])
