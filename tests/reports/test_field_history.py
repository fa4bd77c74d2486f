"""The history of corrections the monthly report reads its as-at values from: written
with the audit trail, and rebuilt from the trail by the migration that made it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from helpdesk.storage import field_history
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.integration.test_migrations import _alembic
from tests.reports.test_as_at import whole_story

_ROWS = ("SELECT sheet_id, at, field, old_text, old_number, old_at "
         "FROM sheet_field_history ORDER BY sheet_id, field, at")


def test_rows_hold_the_value_before_each_change() -> None:
    at = datetime(2026, 12, 1, 9, 0)
    changes = {"severity": ["general", "major"], "state": ["closed", "in_progress"],
               "responsible_user_id": [None, 7],
               "resolution_due_at": ["2026-10-09 18:00:00", "2026-10-08 12:00:00"],
               "escalated_to_oem": [False, True]}
    rows = field_history.rows_from_audit(at, "sheet.update", "sheet", 5, changes)
    assert {(r["field"], r["old_text"], r["old_number"], r["old_at"]) for r in rows} == {
        ("severity", "general", None, None),
        ("responsible_user_id", None, None, None),
        ("resolution_due_at", None, None, datetime(2026, 10, 9, 18, 0)),
        ("escalated_to_oem", None, 0, None)}
    assert all(r["sheet_id"] == 5 and r["at"] == at for r in rows)
    # Registration sets the first values; other entities are not sheets.
    assert field_history.rows_from_audit(at, "sheet.register", "sheet", 5, changes) == []
    assert field_history.rows_from_audit(at, "customer.update", "customer", 5, changes) == []


def test_the_migration_rebuilds_the_history_from_the_audit_trail(db: Database,
                                                                 clock: Clock) -> None:
    whole_story(db, clock)
    with db.engine.connect() as conn:
        written = conn.execute(text(_ROWS)).all()
    fields = {row[2] for row in written}
    assert {"channel", "severity", "category", "responsible_area", "responsible_user_id",
            "response_due_at", "resolution_due_at"} <= fields
    _alembic(db.engine, "downgrade", "i12_field_history-1")  # to just before the history
    _alembic(db.engine, "upgrade", "head")
    with db.engine.connect() as conn:
        assert conn.execute(text(_ROWS)).all() == written
