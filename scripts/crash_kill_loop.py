"""Kill a writing desk with SIGKILL again and again; count acknowledged saves lost.

Each cycle starts a writer process that saves customers through the services (the
same path as the desktop) and prints one line per save *after* its commit returned —
the moment the desk would tell the user "saved". After a random moment the writer is
killed with ``kill -9``. The database is then opened afresh: every acknowledged save
must be there, ``PRAGMA integrity_check`` must say ok, and the audit trail's hash chain
must hold (``helpdesk check``'s checks). Prints a table: cycles, acknowledged writes,
lost writes, corruptions.

Not part of CI (it takes minutes and kills processes); run it by hand:

    python scripts/crash_kill_loop.py --cycles 50 [--database postgresql://...]
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent("""
    import sys
    from helpdesk.services import customers, users
    from helpdesk.services.customers import CustomerInput
    from helpdesk.storage.database import open_database

    db = open_database(sys.argv[1])
    desk = int(sys.argv[2])
    start = int(sys.argv[3])
    for n in range(start, start + 100_000):
        phone = f"139{n:08d}"
        customers.create_customer(db.uow(), desk, CustomerInput(name="压力测试", phones=(phone,)))
        print(phone, flush=True)  # acknowledged: the commit returned
""")


def _setup(url: str) -> int:
    sys.path.insert(0, str(ROOT))
    from helpdesk.services import setup, users
    from helpdesk.storage.database import open_database

    db = open_database(url)
    try:
        if not setup.is_initialised(db.uow()):
            done = setup.initialise(db.uow(), store_name="压力测试店", store_code="YL",
                                    preset="dealership", admin_username="admin",
                                    admin_password="crash-test-1")
            return users.create_user(db.uow(), done.admin_id, "desk", "前台",
                                     ["front_desk"], "crash-test-1").id
        return next(u.id for u in users.list_users(db.uow()) if u.username == "desk")
    finally:
        db.dispose()


def _verify(url: str, acknowledged: set[str]) -> tuple[int, list[str]]:
    from sqlalchemy import text

    from helpdesk.services import audit_chain
    from helpdesk.storage.database import open_database

    db = open_database(url)
    problems: list[str] = []
    try:
        with db.engine.connect() as conn:
            stored = set(conn.execute(text(
                "SELECT number FROM customer_phones")).scalars())
            if db.engine.dialect.name == "sqlite":
                check = conn.execute(text("PRAGMA integrity_check")).scalar_one()
                if check != "ok":
                    problems.append(f"integrity: {check}")
        chain = audit_chain.verify(db.uow())
        problems += chain.problems()
    finally:
        db.dispose()
    lost = {p for p in acknowledged if f"+86{p}" not in stored}
    return len(lost), problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--database", help="default: a new SQLite file in a temp folder")
    parser.add_argument("--max-seconds", type=float, default=6.0,
                        help="longest a writer runs before it is killed")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="helpdesk-crash-")
    url = args.database or f"sqlite:///{Path(folder) / 'helpdesk.db'}"
    desk = _setup(url)
    acknowledged: set[str] = set()
    lost_total, corruptions, next_number = 0, 0, 0
    started = time.monotonic()
    for cycle in range(1, args.cycles + 1):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, url, str(desk),
                                   str(next_number)], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        time.sleep(rng.uniform(args.max_seconds / 3, args.max_seconds))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        this_cycle = {line.strip() for line in out.splitlines() if line.strip()}
        acknowledged |= this_cycle
        next_number += 100_000
        lost, problems = _verify(url, acknowledged)
        lost_total = lost
        corruptions += bool(problems)
        print(f"cycle {cycle:>4}: {len(this_cycle):>5} acknowledged this cycle, "
              f"{len(acknowledged):>6} in all, {lost} lost"
              + (f", PROBLEMS: {'; '.join(problems)}" if problems else ""), flush=True)
    print()
    print("| cycles | acknowledged writes | lost | corruptions | seconds |")
    print("|---|---|---|---|---|")
    print(f"| {args.cycles} | {len(acknowledged):,} | {lost_total} | {corruptions} | "
          f"{time.monotonic() - started:.0f} |")
    print(f"database: {url}")
    return 0 if lost_total == 0 and corruptions == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
