"""Statements compiled once and run on the driver's own cursor (issue 13).

A registration writes a dozen small rows. Through SQLAlchemy's execution layer each
statement costs ten to twenty times what the driver takes to run it (the execution
context, the cache-key walk, the result object: ~0.3 ms against 0.015 ms for a keyed
read), and that layer, not SQLite, was most of a save. A :class:`Prepared` compiles a
Core statement once per dialect — its SQL text, the order of its parameters, the
conversions SQLAlchemy itself applies to each parameter and each result column — and
runs it on the DBAPI connection of the open ``Connection``, in its transaction. The
driver keeps its own prepared statement for the text (``cached_statements``).

What is lost is only what this layer adds around a statement: ``before_cursor_execute``
listeners and echo logging do not see these statements. A driver error is raised as
SQLAlchemy's exception of the same kind (``OperationalError``, ``IntegrityError``, …),
so the busy retry and the unique-index messages see what they always saw, and a lost
PostgreSQL connection is invalidated as SQLAlchemy would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

_Processor = Callable[[Any], Any] | None


class _Plan:
    """One statement compiled for one dialect."""

    __slots__ = ("defaults", "names", "positional", "results", "sql", "to_driver")

    def __init__(self, statement: Any, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql: str = compiled.string
        binds = compiled.binds
        expanding = [name for name, bind in binds.items() if bind.expanding]
        if expanding:
            raise ValueError(f"a prepared statement takes no expanding parameter: {expanding}")
        # The values written into the statement (a literal 1, a line break) and the
        # parameters given per call, in the order the driver takes them.
        self.defaults: dict[str, Any] = {
            name: bind.effective_value for name, bind in binds.items()
            if not bind.required}
        # A column default SQLAlchemy computes per execution ("prefetch"): a constant is
        # written as its value; one computed per row cannot be prepared.
        for column in (*compiled.insert_prefetch, *compiled.update_prefetch):
            default = column.default if column in compiled.insert_prefetch \
                else column.onupdate
            if default is None or not default.is_scalar:
                raise ValueError(f"{column} has a default computed per row: give its value")
            self.defaults[column.key] = default.arg
        self.positional = compiled.positiontup is not None
        self.names: tuple[str, ...] = tuple(compiled.positiontup or binds)
        self.to_driver: dict[str, _Processor] = {}
        for name, bind in binds.items():
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                self.to_driver[name] = process
        columns = getattr(statement, "exported_columns", ())
        processors = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                      for column in columns]
        self.results: list[_Processor] | None = \
            processors if any(p is not None for p in processors) else None

    def parameters(self, given: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        values = {**self.defaults, **given}
        for name, process in self.to_driver.items():
            value = values.get(name)
            if value is not None and process is not None:
                values[name] = process(value)
        if self.positional:
            return tuple(values[name] for name in self.names)
        return values

    def row(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        if self.results is None:
            return tuple(raw)
        return tuple(value if process is None or value is None else process(value)
                     for process, value in zip(self.results, raw, strict=True))


class Prepared:
    """A Core statement (no expanding ``IN`` parameters) run without SQLAlchemy's
    execution layer; its rows come back as tuples of the values SQLAlchemy would give."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._plans: dict[Dialect, _Plan] = {}

    def _plan(self, dialect: Dialect) -> _Plan:
        plan = self._plans.get(dialect)
        if plan is None:
            plan = self._plans[dialect] = _Plan(self.statement, dialect)
        return plan

    def rows(self, connection: Connection, params: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        """Run the statement; every row it returns (none for a plain write)."""
        plan = self._plan(connection.dialect)
        values = plan.parameters(params or {})
        driver = connection.connection.dbapi_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            cursor.execute(plan.sql, values)
            found = cursor.fetchall() if cursor.description is not None else []
        except connection.dialect.loaded_dbapi.Error as exc:
            raise _wrapped(connection, plan.sql, values, exc, cursor) from exc
        finally:
            cursor.close()
        return [plan.row(raw) for raw in found]

    def first(self, connection: Connection, params: Mapping[str, Any] | None = None,
              ) -> tuple[Any, ...] | None:
        found = self.rows(connection, params)
        return found[0] if found else None

    def scalar(self, connection: Connection, params: Mapping[str, Any] | None = None) -> Any:
        row = self.first(connection, params)
        return None if row is None else row[0]


_CONNECTION = "helpdesk.connection"


def connection_of(session: Session) -> Connection:
    """``session.connection()``, remembered until the connection is given back (at the
    end of the transaction): a registration asks a dozen times, and each full call walks
    the session's transaction machinery."""
    found = session.info.get(_CONNECTION)
    if found is None or found.closed:
        found = session.info[_CONNECTION] = session.connection()
    return found


def run_driver_sql(connection: Any, sql: str) -> None:
    """Run one statement text without parameters straight on the driver (the ``begin``
    event's ``BEGIN IMMEDIATE``), its error raised as SQLAlchemy's."""
    driver = connection.connection.dbapi_connection
    try:
        driver.execute(sql)
    except connection.dialect.loaded_dbapi.Error as exc:
        raise _wrapped(connection, sql, (), exc, None) from exc


def _wrapped(connection: Connection, sql: str, values: Any, exc: Any,
             cursor: Any) -> BaseException:
    dialect = connection.dialect
    lost = dialect.is_disconnect(exc, connection.connection.dbapi_connection, cursor)
    if lost:
        connection.invalidate(exc)
    return DBAPIError.instance(sql, values, exc, dialect.loaded_dbapi.Error,
                               connection_invalidated=lost, dialect=dialect)
