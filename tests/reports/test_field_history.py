"""The history of corrections the monthly report reads its as-at values from: written
with the audit trail, and rebuilt from the trail by the migration that made it."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import and_, insert, select, text, union_all

from helpdesk.storage import field_history, report_queries, tables
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


def test_a_merge_gives_each_moved_sheet_its_customer_before() -> None:
    at = datetime(2026, 12, 27, 11, 25)
    changes = {"merged_from": 3, "sheets": [8, 9], "moved": {"phones": []}}
    rows = field_history.rows_from_audit(at, "customer.merge", "customer", 1, changes)
    assert [(r["sheet_id"], r["field"], r["old_number"], r["at"]) for r in rows] == [
        (8, "customer_id", 3, at), (9, "customer_id", 3, at)]
    corrected = {"received_at": ["2026-09-30 10:00:00", "2026-10-01 10:00:00"],
                 "customer_id": [1, 2]}
    rows = field_history.rows_from_audit(at, "sheet.update", "sheet", 5, corrected)
    assert {(r["field"], r["old_number"], r["old_at"]) for r in rows} == {
        ("received_at", None, datetime(2026, 9, 30, 10, 0)), ("customer_id", 1, None)}


def test_the_received_time_and_customer_history_is_rebuilt_and_the_minutes_mended(
        db: Database, clock: Clock) -> None:
    """Issue 12: the migration that tracks the received time and the customer fills
    their history from the trail, and measures again the minutes a correction of the
    received time left measured from the old one."""
    story = whole_story(db, clock)
    with db.engine.connect() as conn:
        written = conn.execute(text(_ROWS)).all()
    assert {"received_at", "customer_id"} <= {row[2] for row in written}
    assert sum(1 for row in written if row[2] == "customer_id") == 2  # E's and W's
    k = story.ids["K"]
    _alembic(db.engine, "downgrade", "i12_asat_received_customer-1")
    with db.engine.begin() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sheet_field_history WHERE field IN "
                                 "('received_at', 'customer_id')")).scalar_one() == 0
        # As the code before the fix left it: measured from the old received time.
        conn.execute(text("UPDATE sheets SET response_minutes = 30 WHERE id = :k"), {"k": k})
    _alembic(db.engine, "upgrade", "head")
    with db.engine.connect() as conn:
        assert conn.execute(text(_ROWS)).all() == written
        assert conn.execute(text("SELECT response_minutes FROM sheets WHERE id = :k"),
                            {"k": k}).scalar_one() == 30 + 24 * 60


# ------------------------------------------------ issue 12: membership as at a cut-off
BASE = datetime(2026, 10, 1)
_hours = st.integers(0, 12).map(lambda h: BASE + timedelta(hours=h))
_sheets = st.lists(st.tuples(_hours, st.lists(st.tuples(_hours, _hours), max_size=3)),
                   min_size=1, max_size=12)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(generated=_sheets, cutoff=_hours, low=_hours, high=_hours)
def test_received_in_a_range_as_at_a_cut_off_agrees_with_the_plain_rule(
        db: Database, generated: list[tuple[datetime, list[tuple[datetime, datetime]]]],
        cutoff: datetime, low: datetime, high: datetime) -> None:
    """The report's month membership (the stored time's range less the sheets changed
    since, plus those whose time then was in it) picks the sheets whose received time
    at the cut-off — the value before the first change at or after it, by (instant, id),
    else the stored one — is in [low, high); so does ``value_at``. Changes fall on the
    cut-off and on each other's instants often."""
    s, h = tables.sheets, tables.sheet_field_history
    with db.engine.connect() as conn:
        outer = conn.begin()
        try:
            store_id = conn.execute(insert(tables.stores).values(
                code="HX", name="x", kind="dealership",
                preset="dealership")).inserted_primary_key[0]
            expected: set[int] = set()
            for n, (stored, changes) in enumerate(generated):
                sheet_id = int(conn.execute(insert(s).values(
                    number=f"HX-{n}", store_id=store_id, received_at=stored,
                    channel="reception", severity="general", category="other",
                    state="registered", version=1)).inserted_primary_key[0])
                later = []
                for at, old in changes:
                    row_id = conn.execute(insert(h).values(
                        sheet_id=sheet_id, at=at, field="received_at",
                        old_at=old)).inserted_primary_key[0]
                    if at >= cutoff:
                        later.append((at, int(row_id), old))
                then = min(later)[2] if later else stored
                if low <= then < high:
                    expected.add(sheet_id)
            arms = field_history.ids_where_then(
                "received_at", cutoff, lambda c: and_(c >= low, c < high), s.c.store_id == store_id)
            assert set(conn.execute(union_all(*arms)).scalars()) == expected
            value = field_history.value_at("received_at", cutoff)
            assert set(conn.execute(select(s.c.id).where(
                s.c.store_id == store_id, value >= low, value < high)).scalars()) == expected
            q = report_queries.MonthlyQueries(conn, store_id, BASE + timedelta(days=30), None)
            assert set(conn.execute(select(s.c.id).where(
                *q._received_in(low, high, cutoff))).scalars()) == expected
        finally:
            outer.rollback()
