"""Benchmark of the complete customer list (issue 15) on a big database: prints a table,
asserts nothing.

For each search the desk types, the time of the list's ids query (every hit, filtered
and sorted in SQL, no cap) against a raw SQL statement that finds the same kind of
customers by scanning names (``LIKE '%…%'``), and the ratio. The list must stay usable
(well under a second) at 200,000 customers, and should beat the scan.

Usage::

    python scripts/bench_customer_list.py sqlite:////tmp/large.db
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from helpdesk.domain.customers import Tier
from helpdesk.services import analytics, users
from helpdesk.services.customer_list import CustomerFilter, CustomerSort, list_customer_ids
from helpdesk.storage.database import open_database


def _best(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


def main(url: str) -> None:
    db = open_database(url)
    viewer = next(u for u in users.list_users(db.uow()) if u.active)
    with db.engine.connect() as conn:
        company = conn.execute(text(
            "SELECT name FROM customers WHERE kind = 'company' AND length(name) > 8 "
            "ORDER BY id LIMIT 1")).scalar_one()
    infix = company[3:6]  # a part from the middle of a company name (金满楼 in 深圳市金满楼…)
    cases: list[tuple[str, CustomerFilter, str, dict[str, Any]]] = [
        ("王 (surname, >1,000 hits)", CustomerFilter(text="王"),
         "SELECT id FROM customers WHERE merged_into_id IS NULL AND name LIKE :p", {"p": "%王%"}),
        ("王 + VIP", CustomerFilter(text="王", tiers=frozenset({Tier.VIP})),
         "SELECT id FROM customers WHERE merged_into_id IS NULL AND name LIKE :p "
         "AND tier = 'vip'", {"p": "%王%"}),
        ("王, sorted by name (pinyin)", CustomerFilter(text="王", sort=CustomerSort.NAME),
         "SELECT id FROM customers WHERE merged_into_id IS NULL AND name LIKE :p ORDER BY name",
         {"p": "%王%"}),
        (f"company infix {infix}", CustomerFilter(text=infix),
         "SELECT id FROM customers WHERE merged_into_id IS NULL AND name LIKE :p",
         {"p": f"%{infix}%"}),
        ("zengguofan-style pinyin (zeng)", CustomerFilter(text="zeng"),
         "SELECT customer_id FROM search_keys WHERE key LIKE :p", {"p": "zeng%"}),
        ("no text, most recent first", CustomerFilter(),
         "SELECT id FROM customers WHERE merged_into_id IS NULL "
         "ORDER BY coalesce(updated_at, created_at) DESC", {}),
        ("no text, by name (pinyin)", CustomerFilter(sort=CustomerSort.NAME),
         "SELECT id FROM customers WHERE merged_into_id IS NULL ORDER BY name", {}),
    ]
    print(f"database: {db.description}")
    print(f"{'search':<34} {'hits':>8} {'list ms':>9} {'raw SQL ms':>11} {'ratio':>6}")
    analytics.clear_cache()
    for label, customer_filter, raw, params in cases:
        list_s, ids = _best(lambda f=customer_filter: list_customer_ids(db.uow(), viewer.id, f))

        def run_raw(sql: str = raw, p: dict[str, Any] = params) -> list[Any]:
            with db.engine.connect() as conn:
                return list(conn.execute(text(sql), p))

        raw_s, raw_rows = _best(run_raw)
        print(f"{label:<34} {len(ids):>8,} {list_s * 1000:>9.1f} {raw_s * 1000:>11.1f} "
              f"{list_s / raw_s if raw_s else float('nan'):>6.2f}   (raw: {len(raw_rows):,})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sqlite:////tmp/large.db")
