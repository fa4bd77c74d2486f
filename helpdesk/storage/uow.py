"""The unit of work: one transaction, rolled back unless ``commit()`` is called.

Services receive a unit of work and use it as a context manager::

    with uow:
        sheet = uow.sheets.get(sheet_id)
        ...
        uow.commit()

Use cases record what happened with ``uow.record(event)``; ``commit()`` writes the
audit rows of those events into the same transaction and, once the commit succeeded,
hands their ``Changes`` to the listeners (``add_listener``). A rollback forgets them.

``with uow.reading():`` opens a read-only transaction instead (on SQLite it does not
take the write lock, so lists and reports never hold up a desk that saves).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Self

from sqlalchemy import Engine, insert, select, text
from sqlalchemy import event as sa_event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from helpdesk.domain import audit as audit_mod
from helpdesk.domain import events
from helpdesk.domain.complaints import Sheet
from helpdesk.domain.customers import Customer
from helpdesk.domain.errors import ConflictError
from helpdesk.storage import (
    analytics_queries,
    change_feed,
    field_history,
    fulltext,
    locks,
    orm,
    report_queries,
    repositories,
    tables,
)

Factories = tuple[sessionmaker[Session], sessionmaker[Session]]


def new_factories(engine: Engine) -> Factories:
    """The session factories of ``engine``: one for writing, one for reading."""
    write = sessionmaker(bind=engine, expire_on_commit=False)
    read = sessionmaker(bind=engine.execution_options(helpdesk_readonly=True),
                        expire_on_commit=False)
    # issue 11: what a flush wrote to a sheet reaches its full-text row at once.
    sa_event.listen(write, "after_flush", fulltext.after_flush)
    return write, read


# One pair per engine (issue 13): the desk makes a unit of work per call, and each new
# sessionmaker is a new Session class whose event dispatch SQLAlchemy builds again for
# every session (a millisecond on a busy machine, on every call).
_FACTORIES: weakref.WeakKeyDictionary[Engine, Factories] = weakref.WeakKeyDictionary()


def _shared_factories(engine: Engine) -> Factories:
    found = _FACTORIES.get(engine)
    if found is None:
        found = _FACTORIES[engine] = new_factories(engine)
    return found


class SqlAlchemyUnitOfWork:
    """Attributes: stores, users, customers, sheets, audit, settings (repositories);
    analytics, reports (SQL-only queries); session (the open SQLAlchemy session, for
    storage-side queries only)."""

    def __init__(self, engine: Engine) -> None:
        orm.start_mappers()
        self.engine = engine
        self._write_factory, self._read_factory = self._factories(engine)
        self._depth = 0
        self._outbox = events.Outbox()

    def _factories(self, engine: Engine) -> Factories:
        """The engine's shared session factories (a subclass that adds listeners of its
        own to them makes new ones)."""
        return _shared_factories(engine)

    def record(self, event: events.Event) -> None:
        """Note what happened; its audit rows are written and announced on commit."""
        self._outbox.record(event)

    def add_listener(self, listener: events.Listener) -> None:
        """Call ``listener(changes)`` after every commit that changed something."""
        self._outbox.add_listener(listener)

    def server_now(self) -> datetime | None:
        """The database server's clock (aware), or None for SQLite (no server)."""
        if self.dialect == "sqlite":
            return None
        value = self.session.scalar(text("SELECT now()"))
        return value if isinstance(value, datetime) else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _open(self, factory: sessionmaker[Session]) -> None:
        self.session = factory()
        self.stores = repositories.StoreRepository(self.session)
        self.users = repositories.UserRepository(self.session)
        self.customers = repositories.CustomerRepository(self.session)
        self.sheets = repositories.SheetRepository(self.session)
        self.audit = repositories.AuditRepository(self.session)
        self.settings = repositories.SettingsRepository(self.session)
        self.analytics = analytics_queries.AnalyticsQueries(self.session)
        self.reports = report_queries.ReportQueries(self.session)

    def __enter__(self) -> Self:
        if self._depth == 0:
            self._open(self._write_factory)
            if self.engine.dialect.name == "postgresql":
                # Bounded: a save behind a long transaction is retried, then explained.
                self.session.execute(text(f"SET LOCAL lock_timeout = {locks.LOCK_TIMEOUT_MS}"))
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        error = exc[1] if len(exc) > 1 else None
        # A stale row can also surface in an autoflush before commit(): same answer.
        stale = self._versioned() if isinstance(error, StaleDataError) else []
        self._depth -= 1
        if self._depth == 0:
            self.rollback()
            self.session.close()
        if isinstance(error, StaleDataError):
            raise self._conflict(stale) from error

    def _versioned(self) -> list[tuple[Any, int, int | None]]:
        """(table, id, version we hold) of the sheets and customers that may be stale,
        taken from the identity map (no SQL: the transaction may be failing)."""
        dirty = [o for o in self.session.dirty if isinstance(o, Sheet | Customer)]
        objects = dirty or [o for o in self.session.identity_map.values()
                            if isinstance(o, Sheet | Customer)]
        found = []
        for obj in objects:
            state = sa_inspect(obj)
            if state.identity is None:
                continue
            held = state.committed_state.get("version", state.dict.get("version"))
            table = tables.sheets if isinstance(obj, Sheet) else tables.customers
            found.append((table, state.identity[0], held))
        return found

    @contextlib.contextmanager
    def reading(self) -> Iterator[Self]:
        """A read-only unit of work (nested inside an open one, it reuses that)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._open(self._read_factory)
        self._depth = 1
        try:
            yield self
        finally:
            self._depth = 0
            self._outbox.discard()
            # close() ends the transaction (a rollback on the connection) without first
            # expiring every object it read: nothing was written to undo (issue 13).
            self.session.close()

    def commit(self) -> None:
        recorded = self._outbox.take()
        entries = [entry for event in recorded for entry in audit_mod.entries(event)]
        self.audit.add_chained(entries)
        # issue 12: the values before each correction, from the same entries.
        history = field_history.rows_from_entries(entries)
        if history:
            self.session.execute(insert(tables.sheet_field_history), history)
        # The other desks hear of it in this same transaction (NOTIFY / feed row).
        change_feed.announce(self.session, events.Changes.from_events(recorded))
        try:
            self.session.commit()
        except StaleDataError as exc:
            versioned = self._versioned()  # read before the rollback forgets them
            self.session.rollback()
            raise self._conflict(versioned) from exc
        self._outbox.publish(recorded)

    def rollback(self) -> None:
        self._outbox.discard()
        self.session.rollback()

    def _conflict(self, objects: list[tuple[Any, int, int | None]]) -> ConflictError:
        """Name who saved last, read in a fresh session (ours saw an old version)."""
        with self._read_factory() as session:
            rows = []
            for table, obj_id, held in objects:
                row = session.execute(
                    select(table.c.updated_by_id, table.c.updated_at, table.c.version)
                    .where(table.c.id == obj_id)
                ).first()
                if row is not None:
                    rows.append((row.version == held, row))
            if rows:
                # The record whose version moved on is the one somebody else saved.
                row = min(rows, key=lambda pair: pair[0])[1]
                name = ""
                if row.updated_by_id is not None:
                    name = session.scalar(select(tables.users.c.display_name).where(
                        tables.users.c.id == row.updated_by_id)) or ""
                return ConflictError.stale(name, row.updated_at, row.version)
        return ConflictError.stale("", None, None)
