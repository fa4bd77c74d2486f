"""A unit of work that writes by prepared statements on the driver (issue 13) keeps the
rules of one transaction: what it wrote is committed once, by its commit, whether or not
a session joined it; work after a commit begins a new transaction that a rollback
undoes; the pool never gets a connection back inside a transaction."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from helpdesk.storage import tables
from tests.integration.test_analytics import quick_staff


def counter(db, store_id: int) -> int | None:
    """The store's sheet-number counter as committed (None: never moved)."""
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
    assert counter(db, staff.store_id) == 1


def test_commit_twice_prepared_only(db):
    staff = quick_staff(db)
    uow = db.uow()
    with uow:
        uow.sheets.next_sequence(staff.store_id, 2026)
        uow.commit()
        uow.sheets.next_sequence(staff.store_id, 2026)
        uow.commit()
    assert counter(db, staff.store_id) == 2


# What runs before the commit (p: a prepared counter move, s: a write through the
# session), and how many counter moves that commit keeps.
BEFORE_COMMIT = {
    "prepared only": ("p", 1),
    "session joins the driver's transaction": ("ps", 1),
    "session's cached driver link": ("psp", 2),
    "session first": ("sp", 1),
}


@pytest.mark.parametrize("steps, kept", BEFORE_COMMIT.values(), ids=BEFORE_COMMIT)
def test_work_after_a_commit_is_rolled_back_with_its_unit_of_work(db, steps, kept):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            for step in steps:
                if step == "p":
                    uow.sheets.next_sequence(staff.store_id, 2026)
                else:
                    uow.settings.set("probe", 1)
            uow.commit()
            uow.sheets.next_sequence(staff.store_id, 2026)  # must be rolled back
            raise RuntimeError
    assert counter(db, staff.store_id) == kept


def test_pool_connection_not_left_in_transaction(db):
    staff = quick_staff(db)
    uow = db.uow()
    with pytest.raises(RuntimeError):
        with uow:
            uow.sheets.next_sequence(staff.store_id, 2026)
            raise RuntimeError
    other = sqlite3.connect(db.engine.url.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # the write lock is free again
    other.rollback()
    other.close()
    assert counter(db, staff.store_id) is None
