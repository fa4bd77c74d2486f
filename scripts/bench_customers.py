"""Benchmark of the customer browser's queries on a big database.

Prints the search latency (p50 / p95 / max, in ms) for each kind of search the desk
types — name, pinyin (full, initials, partial), phone and its last four digits, plate
spellings, VIN and its last six / eight characters, order number, company name — as the
browser runs it (the ids query plus the first page of 200 rows), then the time of each
list filter and sort, and of the analytics (pyramid, RFM, overview, one customer's value,
duplicate suggestions).

Usage::

    # an existing demo database (made by `helpdesk demo --size large` or this script)
    python scripts/bench_customers.py --database sqlite:////path/to/demo.db
    # make the 200,000-customer demo database first (takes a while), then measure
    python scripts/bench_customers.py --make large --database sqlite:////tmp/demo.db

Scripts may use storage directly (the ``helpdesk.ui`` package may not).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from helpdesk.domain import search_keys, text
from helpdesk.domain.customers import CustomerKind, Lifecycle, Tier
from helpdesk.services import analytics, customer_list, customers, users
from helpdesk.services.analytics import RfmClass, Segment
from helpdesk.services.customer_list import CustomerFilter, CustomerSort
from helpdesk.storage import tables
from helpdesk.storage.database import Database, open_database

PAGE = 200


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def _full_width(s: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in s)


def sample_queries(db: Database, n: int, seed: int) -> dict[str, list[str]]:
    """Real values from the database, spelled the ways people type them."""
    rng = random.Random(seed)
    c, v, p, o = tables.customers, tables.vehicles, tables.customer_phones, tables.orders
    with db.engine.connect() as conn:
        top = conn.scalar(select(func.max(c.c.id))) or 0
        ids = [rng.randint(1, top) for _ in range(n * 4)]
        people = conn.execute(select(c.c.id, c.c.name, c.c.kind).where(c.c.id.in_(ids))).all()
        phones = conn.execute(select(p.c.number).where(p.c.customer_id.in_(ids))).scalars().all()
        cars = conn.execute(select(v.c.plate, v.c.vin).where(v.c.customer_id.in_(ids))).all()
        numbers = conn.execute(select(o.c.number).where(o.c.customer_id.in_(ids))).scalars().all()
        companies = conn.execute(select(c.c.name).where(
            c.c.kind == CustomerKind.COMPANY.value).limit(n * 5)).scalars().all()
    persons = [name for _id, name, kind in people if kind == CustomerKind.INDIVIDUAL.value]
    rng.shuffle(persons)
    persons = persons[:n]
    pinyin = [search_keys.name_pinyin_keys(name)[0] for name in persons]
    plates = [plate for plate, _vin in cars if plate][:n]
    vins = [vin for _plate, vin in cars][:n]
    national = [text.fold_width(x)[3:] if x.startswith("+86") else x.lstrip("+")
                for x in phones][:n]
    return {
        "name (汉字)": persons,
        "pinyin full": pinyin,
        "pinyin initials": [search_keys.name_pinyin_keys(name)[1] for name in persons],
        "pinyin partial": [key[: max(3, len(key) - 2)] for key in pinyin],
        "phone full": national,
        "phone last 4": [x[-4:] for x in national],
        "plate": plates,
        "plate a·b lower": [f"{x[:2].lower()}·{x[2:].lower()}" for x in plates],
        "plate full-width": [_full_width(x) for x in plates],
        "plate no province": [x[1:] for x in plates],
        "VIN full": vins,
        "VIN last 6": [x[-6:] for x in vins],
        "VIN last 8": [x[-8:] for x in vins],
        "order number": numbers[:n],
        "company name": [x[:4] for x in rng.sample(companies, min(n, len(companies)))],
    }


def bench_search(db: Database, user_id: int, queries: dict[str, list[str]]) -> None:
    print(f"\nSearch as the browser runs it (ids query + first page of {PAGE} rows), ms")
    print(f"{'kind':<20}{'n':>4}{'p50':>9}{'p95':>9}{'max':>9}  {'found (median)':>14}")
    for kind, values in queries.items():
        times, counts = [], []
        for q in values:
            def run(q: str = q) -> int:
                ids = customer_list.list_customer_ids(db.uow(), user_id, CustomerFilter(text=q))
                customer_list.customer_rows(db.uow(), user_id, ids[:PAGE])
                return len(ids)

            ms, count = timed(run)
            times.append(ms)
            counts.append(count)
        if times:
            print(f"{kind:<20}{len(times):>4}{percentile(times, 50):>9.1f}"
                  f"{percentile(times, 95):>9.1f}{max(times):>9.1f}  "
                  f"{statistics.median(counts):>14.0f}")
    cli = [timed(lambda q=q: customers.find_customers(db.uow(), user_id, q))[0]
           for values in queries.values() for q in values[:5]]
    print(f"{'CLI find (all kinds)':<20}{len(cli):>4}{percentile(cli, 50):>9.1f}"
          f"{percentile(cli, 95):>9.1f}{max(cli):>9.1f}")


def bench_list(db: Database, user_id: int) -> None:
    print("\nCustomer list: ids query for each filter / sort, then one page of rows, ms")
    cases: list[tuple[str, CustomerFilter]] = [
        ("all, by name", CustomerFilter(sort=CustomerSort.NAME)),
        ("tier VIP", CustomerFilter(tiers=frozenset({Tier.VIP}))),
        ("pyramid top", CustomerFilter(segments=frozenset({Segment.TOP}))),
        ("pyramid low", CustomerFilter(segments=frozenset({Segment.LOW}))),
        ("RFM high value", CustomerFilter(rfm_classes=frozenset({RfmClass.HIGH_VALUE}))),
        ("RFM at risk", CustomerFilter(rfm_classes=frozenset({RfmClass.AT_RISK}))),
        ("lifecycle active", CustomerFilter(lifecycles=frozenset({Lifecycle.ACTIVE}))),
        ("open complaints", CustomerFilter(open_complaints=True)),
        ("birthday this month", CustomerFilter(birthday_this_month=True)),
        ("return visit due", CustomerFilter(visit_due=True)),
        ("sort revenue", CustomerFilter(sort=CustomerSort.REVENUE)),
        ("sort last purchase", CustomerFilter(sort=CustomerSort.LAST_PURCHASE)),
        ("sort last complaint", CustomerFilter(sort=CustomerSort.LAST_COMPLAINT)),
        ("text 'wang' + VIP", CustomerFilter(text="wang", tiers=frozenset({Tier.VIP}))),
    ]
    print(f"{'case':<22}{'ids ms':>9}{'rows ms':>9}{'customers':>11}")
    for label, f in cases:
        ms, ids = timed(lambda f=f: customer_list.list_customer_ids(db.uow(), user_id, f))
        rows_ms, _ = timed(lambda ids=ids: customer_list.customer_rows(db.uow(), user_id,
                                                                       ids[:PAGE]))
        print(f"{label:<22}{ms:>9.0f}{rows_ms:>9.0f}{len(ids):>11,}")


def bench_analytics(db: Database, user_id: int) -> None:
    print("\nAnalytics, ms")
    with db.engine.connect() as conn:
        some = conn.scalar(select(func.min(tables.customers.c.id)))
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("pyramid", lambda: analytics.pyramid(db.uow(), user_id)),
        ("RFM summary", lambda: analytics.rfm(db.uow(), user_id)),
        ("overview (whole view)", lambda: analytics.overview(db.uow(), user_id)),
        ("one customer's value", lambda: analytics.customer_value(db.uow(), user_id, some)),
        ("one customer's history", lambda: analytics.customer_history(db.uow(), user_id, some)),
        ("duplicate suggestions", lambda: analytics.duplicate_suggestions(db.uow(), user_id)),
        ("birthdays this month", lambda: analytics.birthdays_this_month(db.uow(), user_id)),
        ("return visits due", lambda: analytics.return_visits_due(db.uow(), user_id)),
    ]
    for label, fn in cases:
        ms, result = timed(fn)
        size = len(result) if isinstance(result, list) else ""
        print(f"{label:<24}{ms:>9.0f}  {size}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of the database")
    parser.add_argument("--make", choices=["small", "medium", "large"],
                        help="first fill the (empty) database with the demo data of this size")
    parser.add_argument("--user", default="manager", help="acting user (demo user name)")
    parser.add_argument("--samples", type=int, default=40, help="queries per search kind")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    db = open_database(args.database)
    if args.make:
        from helpdesk.demo import generator as demo

        n_customers, n_sheets = demo.SIZES[args.make]
        print(demo.load_demo(db.uow(), customers=n_customers, sheets=n_sheets))
    staff = {u.username: u.id for u in users.list_users(db.uow())}
    user_id = staff[args.user]
    with db.engine.connect() as conn:
        n = conn.scalar(select(func.count()).select_from(tables.customers))
        s = conn.scalar(select(func.count()).select_from(tables.sheets))
        o = conn.scalar(select(func.count()).select_from(tables.orders))
    print(f"{db.description}: {n:,} customers, {o:,} orders, {s:,} sheets; user {args.user}")
    customer_list.list_customer_ids(db.uow(), user_id, CustomerFilter(text="warm-up"))
    bench_search(db, user_id, sample_queries(db, args.samples, args.seed))
    bench_list(db, user_id)
    bench_analytics(db, user_id)


if __name__ == "__main__":
    main()
