"""A unit of work that writes by prepared statements on the driver (issue 13) keeps the
rules of one transaction: what it wrote is committed once, by its commit, whether or not
a session joined it; work after a commit begins a new transaction that a rollback
undoes; the pool never gets a connection back inside a transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from helpdesk.storage import tables
from tests.integration.test_analytics import quick_staff


def _counter(db, store_id):
    with db.engine.connect() as conn:
        return conn.scalar(select(tables.sheet_counters.c.last_value).where(
            tables.sheet_counters.c.store_id == store_id))


def test_session_touched_without_sql_after_prepared_write(db):
    staff = quick_staff(db)
    uow = db.uow()
    with uow:
        uow.sheets.next_sequence(staff.store_id, 2026)  # prepared write on the driver
        assert uow.session is not None  # asked for, but nothing runs through it
        uow.commit()
    assert _counter(db, staff.store_id) == 1


def test_commit_then_more_prepared_writes_then_rollback(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.sheets.next_sequence(staff.store_id, 2026)
            uow.commit()
            uow.sheets.next_sequence(staff.store_id, 2026)  # should be rolled back
            raise RuntimeError
    assert _counter(db, staff.store_id) == 1


def test_commit_twice_prepared_only(db):
    staff = quick_staff(db)
    uow = db.uow()
    with uow:
        uow.sheets.next_sequence(staff.store_id, 2026)
        uow.commit()
        uow.sheets.next_sequence(staff.store_id, 2026)
        uow.commit()
    assert _counter(db, staff.store_id) == 2


def test_linked_session_commit_then_prepared_then_rollback(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.sheets.next_sequence(staff.store_id, 2026)
            uow.settings.set("probe", 1)  # session linked
            uow.commit()
            uow.sheets.next_sequence(staff.store_id, 2026)  # should be rolled back
            raise RuntimeError
    assert _counter(db, staff.store_id) == 1


def test_pool_connection_not_left_in_transaction(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.sheets.next_sequence(staff.store_id, 2026)
            raise RuntimeError
    import sqlite3
    other = sqlite3.connect(db.engine.url.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    other.rollback()
    other.close()
    assert _counter(db, staff.store_id) is None


def test_linked_session_cached_link_commit_then_prepared_then_rollback(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.sheets.next_sequence(staff.store_id, 2026)
            uow.settings.set("probe", 1)  # session linked
            uow.sheets.next_sequence(staff.store_id, 2026)  # link_of(session) cached
            uow.commit()
            uow.sheets.next_sequence(staff.store_id, 2026)  # should be rolled back
            raise RuntimeError
    assert _counter(db, staff.store_id) == 2


def test_plain_session_cached_link_commit_then_prepared_then_rollback(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.settings.set("probe", 1)  # session first (not linked)
            uow.sheets.next_sequence(staff.store_id, 2026)
            uow.commit()
            uow.sheets.next_sequence(staff.store_id, 2026)  # should be rolled back
            raise RuntimeError
    assert _counter(db, staff.store_id) == 1
