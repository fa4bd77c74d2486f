"""The same history gives the same report on SQLite and on PostgreSQL.

The history is built again on PostgreSQL and every report of it — three months, all
stores and each store, every list complete — must equal the one from the session's
SQLite history (which ``test_monthly`` checks against the hand-worked figures).
"""

from __future__ import annotations

import pytest

from helpdesk.reports import tables
from helpdesk.reports.monthly import MonthlyReport
from helpdesk.services.reporting import build_monthly_report
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.reports import dataset


def _report(database: Database, month: str, store: int | None) -> MonthlyReport:
    return build_monthly_report(database.uow(), month, store, list_limit=None)


@pytest.mark.postgres
def test_postgresql_gives_the_sqlite_figures(
        pg_db: Database, history: tuple[Database, dataset.Dataset], clock: Clock) -> None:
    sqlite_db, on_sqlite = history
    on_postgres = dataset.build(pg_db, clock)
    assert on_sqlite.sheets == on_postgres.sheets  # same ids, so the reports compare whole
    dataset.freeze(clock)
    october = _report(pg_db, "2026-10", None)
    e = dataset.expected()
    assert (october.current.received, october.current.response.on_time,
            october.current.resolution.on_time, october.current.response_time.p90) == (
        e["received"], e["response_on_time"], e["resolution_on_time"], e["response_p90"])
    for month in ("2026-09", "2026-10", "2026-11"):
        for store in (None, on_sqlite.staff.store_id, on_sqlite.bj, on_sqlite.gz):
            left, right = _report(sqlite_db, month, store), _report(pg_db, month, store)
            assert left == right, (month, store)
            assert tables.report_tables(left, "en") == tables.report_tables(right, "en")
