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

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy import event as sa_event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Dialect
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
    prepared,
    report_queries,
    repositories,
    tables,
)

Factories = tuple[sessionmaker[Session], sessionmaker[Session]]


def _unattached_entry(**values: Any) -> audit_mod.AuditEntry:
    """An audit entry as ``AuditRepository.add_chained`` writes it: plain values, never
    added to the session, so made without the mapping's attribute events (issue 13)."""
    return orm.unattached(audit_mod.AuditEntry, **values)


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


class _Borrowed:
    """The link of a pooled connection borrowed by ``driver()`` before it is kept."""

    __slots__ = ("pooled", "dialect")

    def __init__(self, pooled: Any, dialect: Dialect) -> None:
        self.pooled, self.dialect = pooled, dialect

    def driver(self) -> tuple[Any, Dialect]:
        return self.pooled.driver_connection, self.dialect

    def invalidate(self, exc: BaseException) -> None:
        self.pooled.invalidate(exc)


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
        self._open(self._read_factory, lazy=True)  # nothing open until a unit of work

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

    def _open(self, factory: sessionmaker[Session], *, lazy: bool = False) -> None:
        """Start a unit of work whose session comes from ``factory``: at once, or
        (``lazy``) the first time a repository needs it — the prepared reads of a
        search, and the prepared writes of a registration on SQLite, need only the
        driver's connection (issue 13)."""
        self._factory = factory
        self._repositories: dict[str, Any] = {}
        self._pooled: Any = None
        self._linked: Connection | None = None
        self._session: Session | None = None if lazy else factory()

    @property
    def session(self) -> Session:
        """The open SQLAlchemy session (storage-side queries only)."""
        session = self._session
        if session is None:
            if self._pooled is not None:
                # The prepared statements hold a connection and its transaction (a
                # snapshot, or the write lock): the session goes on in the same one
                # (its BEGIN is already done, see engine.py).
                self._linked = Connection(self._factory.kw["bind"], connection=self._pooled)
                self._pooled = None
                session = self._factory(bind=self._linked)
                # The session takes over that transaction now (its commit or rollback
                # ends it), even if it never sends a statement of its own.
                session.connection()
            else:
                session = self._factory()
            self._session = session
        return session

    def driver(self) -> tuple[Any, Dialect]:
        """The driver's connection this unit of work runs on, and its dialect (where the
        statements of ``storage.prepared`` run): its session's (``prepared.link_of``).
        A unit of work that has not needed its session borrows a pooled connection and
        begins its transaction itself, without SQLAlchemy's session and execution
        layers: a read-only one its snapshot, a writing one on SQLite the write lock
        (``BEGIN IMMEDIATE``, as engine.py begins a session's)."""
        dialect = self.engine.dialect
        if self._session is not None or not self._depth:
            return prepared.link_of(self.session).driver()
        if self._pooled is None:
            pooled = self.engine.raw_connection()
            driver: Any = pooled.driver_connection
            try:
                if self._factory is self._read_factory:
                    if dialect.name == "sqlite":
                        prepared.begin_snapshot(driver)
                else:
                    prepared.run_driver_sql(_Borrowed(pooled, dialect), "BEGIN IMMEDIATE")
            except BaseException:
                pooled.close()
                raise
            self._pooled = pooled
        return self._pooled.driver_connection, dialect

    def flush(self) -> None:
        """Write what the session holds pending before a prepared statement reads or
        writes past it (nothing to do when no session was opened)."""
        if self._session is not None:
            self._session.flush()

    def invalidate(self, exc: BaseException) -> None:
        """The connection :meth:`driver` gave was lost: the pool must not keep it."""
        if self._pooled is not None:
            self._pooled.invalidate(exc)
        elif self._session is not None:
            prepared.link_of(self._session).invalidate(exc)

    def _close(self) -> None:
        session, linked, pooled = self._session, self._linked, self._pooled
        self._session = self._linked = self._pooled = None
        self._repositories = {}
        try:
            if session is not None:
                session.close()
        finally:
            if linked is not None:
                linked.close()
            if pooled is not None:
                pooled.close()  # back to the pool, whose reset rolls the snapshot back

    def _repository(self, name: str, make: Any) -> Any:
        found = self._repositories.get(name)
        if found is None:
            found = self._repositories[name] = make()
        return found

    @property
    def stores(self) -> repositories.StoreRepository:
        return self._repository(
            "stores", lambda: repositories.StoreRepository(self))

    @property
    def users(self) -> repositories.UserRepository:
        return self._repository(
            "users", lambda: repositories.UserRepository(self))

    @property
    def customers(self) -> repositories.CustomerRepository:
        return self._repository(
            "customers", lambda: repositories.CustomerRepository(self))

    @property
    def sheets(self) -> repositories.SheetRepository:
        return self._repository(
            "sheets", lambda: repositories.SheetRepository(self))

    @property
    def audit(self) -> repositories.AuditRepository:
        return self._repository(
            "audit", lambda: repositories.AuditRepository(self))

    @property
    def settings(self) -> repositories.SettingsRepository:
        return self._repository(
            "settings", lambda: repositories.SettingsRepository(self))

    @property
    def analytics(self) -> analytics_queries.AnalyticsQueries:
        return self._repository(
            "analytics", lambda: analytics_queries.AnalyticsQueries(self))

    @property
    def reports(self) -> report_queries.ReportQueries:
        return self._repository(
            "reports", lambda: report_queries.ReportQueries(self.session))

    def __enter__(self) -> Self:
        if self._depth == 0:
            postgres = self.engine.dialect.name == "postgresql"
            # On SQLite the session waits until something needs it: a registration
            # writes by prepared statements alone (issue 13).
            self._open(self._write_factory, lazy=not postgres)
            if postgres:
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
            try:
                self.rollback()
            finally:
                self._close()
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
        self._open(self._read_factory, lazy=True)
        self._depth = 1
        try:
            yield self
        finally:
            self._depth = 0
            self._outbox.discard()
            # close() ends the transaction (a rollback on the connection) without first
            # expiring every object it read: nothing was written to undo (issue 13).
            self._close()

    def commit(self) -> None:
        recorded = self._outbox.take()
        entries = [entry for event in recorded
                   for entry in audit_mod.entries(event, make=_unattached_entry)]
        self.audit.add_chained(entries)
        # issue 12: the values before each correction, from the same entries.
        history = field_history.rows_from_entries(entries)
        if history:
            self.session.execute(insert(tables.sheet_field_history), history)
        # The other desks hear of it in this same transaction (NOTIFY / feed row).
        change_feed.announce(self, events.Changes.from_events(recorded))
        session = self._session
        if session is not None:
            try:
                session.commit()
            except StaleDataError as exc:
                versioned = self._versioned()  # read before the rollback forgets them
                session.rollback()
                raise self._conflict(versioned) from exc
        elif self._pooled is not None:
            # Only prepared statements ran: the transaction driver() began ends there,
            # and the connection goes back (work after the commit begins a new one).
            prepared.run_driver_sql(self, "COMMIT")
            pooled, self._pooled = self._pooled, None
            pooled.close()
        self._outbox.publish(recorded)

    def rollback(self) -> None:
        self._outbox.discard()
        if self._session is not None:
            self._session.rollback()

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
