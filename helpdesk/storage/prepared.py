"""Statements compiled once and run straight on the driver's connection (issue 13).

A search on the Customers page costs the database a tenth of a millisecond, a
registration's dozen small rows a few; SQLAlchemy's execution layer (the execution
context, the cache-key walk, the parameter expansion of ``IN`` lists, the result object)
cost ten to twenty times that per statement. A :class:`Prepared` statement is an
ordinary Core statement compiled once per dialect and per length of its ``IN`` lists
(a *shape*): its SQL text, where each bound value comes from, the values written in the
statement and the column defaults SQLAlchemy would fill in, and the conversions
SQLAlchemy itself applies to each parameter and each result column. A call binds its
values in place and hands the SQL text to the driver, whose own statement cache
(sqlite3) or server-side preparation (psycopg) does the rest.

Where it runs is a :class:`DriverLink`: the unit of work (``uow.driver()``: the
connection of its session, or of a read-only unit of work the pooled connection it
borrowed without one), a session (:func:`link_of`) or a Core ``Connection``
(:func:`on`); always inside that connection's open transaction.

What is lost is what the execution layer and the session add around a statement:
``before_cursor_execute``/``after_cursor_execute`` and ``handle_error`` listeners, echo
logging and execution options do not see these statements, and a session neither
autoflushes before them nor puts what they read in its identity map (a caller that
added rows through the session flushes first). A driver error is raised as
SQLAlchemy's exception of the same kind (``OperationalError``, ``IntegrityError``, …),
so the busy retry and the unique-index messages see what they always saw, and a lost
PostgreSQL connection is invalidated as SQLAlchemy would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement


class DriverLink(Protocol):
    """Where a prepared statement runs: the holder of an open transaction's connection."""

    def driver(self) -> tuple[Any, Dialect]:
        """The driver's connection of the open transaction, and its dialect."""
        ...

    def invalidate(self, exc: BaseException) -> None:
        """Drop the connection :meth:`driver` gave: the driver said it was lost."""
        ...


class SessionLink(DriverLink, Protocol):
    """A unit of work seen by a repository: its session (opened when first asked for)
    and the driver's connection of its prepared statements."""

    @property
    def session(self) -> Session: ...

    @property
    def dialect(self) -> str:
        """The database's kind ("sqlite", "postgresql"), known without a connection."""
        ...

    def flush(self) -> None:
        """Write what the session holds pending, if it was opened (before a prepared
        statement that must see it)."""
        ...


class _OnConnection:
    """The link of a Core ``Connection`` (in its transaction)."""

    __slots__ = ("connection",)

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def driver(self) -> tuple[Any, Dialect]:
        return self.connection.connection.driver_connection, self.connection.dialect

    def invalidate(self, exc: BaseException) -> None:
        self.connection.invalidate(exc)


def on(connection: Connection) -> DriverLink:
    """The link of a Core ``Connection``: prepared statements run in its transaction."""
    return _OnConnection(connection)


_LINK = "helpdesk.driver_link"


def link_of(session: Session) -> DriverLink:
    """The link of ``session``'s connection, remembered until that connection is given
    back (at the end of the transaction): a registration asks a dozen times, and each
    ``session.connection()`` walks the session's transaction machinery."""
    found = session.info.get(_LINK)
    if found is None or found.connection.closed or found.connection.invalidated or \
            not found.connection.in_transaction():  # committed: the session begins anew
        found = session.info[_LINK] = _OnConnection(session.connection())
    return found


_Processor = Callable[[Any], Any]
MAX_SHAPES = 256
"""Compiled shapes kept per statement (a page of the list has up to 200 ids)."""


# Where each bound value comes from: written in the statement (the value, converted
# already), a caller's value (its name) or an item of a caller's list (name, index);
# with the converter the caller's value needs, if any.
_FIXED, _VALUE, _ITEM = 0, 1, 2
_Slot = tuple[int, Any, int, "_Processor | None"]


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key, see convert
class _Shape:
    sql: str
    names: tuple[str, ...]  # the bound names in order (expanded lists as name_1, name_2…)
    template: tuple[Any, ...]  # the values written in the statement, in place
    given: tuple[tuple[int, _Slot], ...]  # (position, slot) of the caller's values
    columns: tuple[str, ...]
    results: tuple[tuple[int, _Processor], ...]  # (column, converter) where one is needed
    positional: bool

    def convert(self, row: Sequence[Any]) -> tuple[Any, ...]:
        return _converted(row, self.results) if self.results else tuple(row)

    def bind(self, values: Mapping[str, Any]) -> Any:
        bound = list(self.template)
        for position, (source, name, index, to_driver) in self.given:
            value = values[name] if source == _VALUE else values[name][index]
            bound[position] = value if to_driver is None or value is None \
                else to_driver(value)
        return bound if self.positional else dict(zip(self.names, bound, strict=True))


Statement = ClauseElement
"""A Core statement (select, insert, update…; ``IN`` lists as expanding parameters)."""


class Prepared:
    """A Core statement (or a function building it, called at the first run), compiled
    once per dialect and per length of the lists its values bring (``IN`` lists), run
    on the driver; its rows come back as tuples of the values SQLAlchemy would give."""

    def __init__(self, statement: Statement | Callable[[], Statement]) -> None:
        self._statement: Any = None
        self._build: Callable[[], Statement] | None = None
        if isinstance(statement, ClauseElement):
            self._statement = statement
        else:
            self._build = statement
        self._shapes: dict[tuple[Any, ...], _Shape] = {}
        self._lock = threading.Lock()
        # Whether the statement has an expanding ``IN`` (known at the first compile):
        # without one, the lengths of the values play no part in the shape.
        self._expands = True

    def rows(self, link: DriverLink, values: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        """Run the statement; every row it returns (none for a plain write). A list
        value fills an expanding ``IN``."""
        return self._run(link, values or {})[1]

    def first(self, link: DriverLink, values: Mapping[str, Any] | None = None,
              ) -> tuple[Any, ...] | None:
        found = self._run(link, values or {})[1]
        return found[0] if found else None

    def scalar(self, link: DriverLink, values: Mapping[str, Any] | None = None) -> Any:
        row = self.first(link, values)
        return None if row is None else row[0]

    def scalars(self, link: DriverLink, values: Mapping[str, Any] | None = None) -> list[Any]:
        """The first column of :meth:`rows`."""
        return [row[0] for row in self._run(link, values or {})[1]]

    def dicts(self, link: DriverLink, values: Mapping[str, Any] | None = None,
              ) -> list[dict[str, Any]]:
        """:meth:`rows` as dictionaries by column name."""
        shape, found = self._run(link, values or {})
        return [dict(zip(shape.columns, row, strict=True)) for row in found]

    def unconverted(self, link: DriverLink, values: Mapping[str, Any] | None = None,
                    ) -> tuple[Callable[[Sequence[Any]], tuple[Any, ...]],
                               list[tuple[Any, ...]]]:
        """The rows as the driver returned them, and the function converting one (for
        a caller that caches what it makes of a row by the row itself)."""
        shape, found = self._run(link, values or {}, convert=False)
        return shape.convert, found

    def _run(self, link: DriverLink, values: Mapping[str, Any], *,
             convert: bool = True) -> tuple[_Shape, list[tuple[Any, ...]]]:
        driver, dialect = link.driver()
        shape = self._shape(dialect, values)
        params = shape.bind(values)
        cursor = None
        try:
            cursor = driver.cursor()  # a closed connection already refuses this
            cursor.execute(shape.sql, params)
            found = cursor.fetchall() if cursor.description is not None else []
        except dialect.loaded_dbapi.Error as exc:
            raise _wrapped(link, driver, dialect, shape.sql, params, exc, cursor) from exc
        finally:
            if cursor is not None:
                cursor.close()
        if convert and shape.results:
            found = [_converted(row, shape.results) for row in found]
        return shape, found

    def _built(self) -> Any:
        if self._statement is None:
            assert self._build is not None
            self._statement = self._build()
        return self._statement

    def _shape(self, dialect: Dialect, values: Mapping[str, Any]) -> _Shape:
        # The names given (a missing one takes the statement's own value or default)
        # and the length of each list; a sheet's insert gives 55 names.
        key = (dialect.name, dialect.driver, dialect.paramstyle, *values,
               *[(name, len(value)) for name, value in values.items() if _is_list(value)]) \
            if self._expands else (dialect.name, dialect.driver, dialect.paramstyle, *values)
        shape = self._shapes.get(key)
        if shape is None:
            with self._lock:
                shape = self._shapes.get(key) or self._compile(dialect, values)
                if len(self._shapes) >= MAX_SHAPES:  # a long list of ids, once in a while
                    self._shapes.pop(next(iter(self._shapes)))
                self._shapes[key] = shape
        return shape

    def _compile(self, dialect: Dialect, values: Mapping[str, Any]) -> _Shape:
        statement = self._built()
        compiled: Any = statement.compile(dialect=dialect)
        if not any(bind.expanding for bind in compiled.binds.values()):
            self._expands = False
        state = compiled.construct_expanded_state(dict(values))
        names = tuple(state.positiontup or state.parameters)
        given = _sources(values)
        # A column default SQLAlchemy computes per execution ("prefetch"): a constant is
        # written as its value; one computed per row cannot be prepared.
        defaults: dict[str, Any] = {}
        for column in (*compiled.insert_prefetch, *compiled.update_prefetch):
            default = column.default if column in compiled.insert_prefetch \
                else column.onupdate
            if column.key in given:
                continue
            if default is None or not default.is_scalar or column.key not in names:
                raise ValueError(f"{column} has a default computed per row: give its value")
            defaults[column.key] = default.arg
        slots: list[_Slot] = []
        for name in names:
            to_driver = _to_driver(compiled, state, name, dialect)
            if name in given:
                slots.append((*given[name], to_driver))
            else:
                value = defaults[name] if name in defaults else state.parameters[name]
                slots.append((_FIXED, value if to_driver is None or value is None
                              else to_driver(value), 0, None))
        exported = tuple(getattr(statement, "exported_columns", ()))
        columns = tuple(str(column.key) for column in exported)
        results = []
        for i, column in enumerate(exported):
            to_python = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if to_python is not None:
                results.append((i, to_python))
        template = tuple(slot[1] if slot[0] == _FIXED else None for slot in slots)
        caller = tuple((i, slot) for i, slot in enumerate(slots) if slot[0] != _FIXED)
        return _Shape(sql=state.statement, names=names, template=template, given=caller,
                      columns=columns, results=tuple(results),
                      positional=state.positiontup is not None)


def _to_driver(compiled: Any, state: Any, name: str, dialect: Dialect) -> _Processor | None:
    """SQLAlchemy's conversion of the value bound as ``name``: the expanded state holds
    only those of the items of an expanded list (``ids_1``…); a plain parameter's is its
    type's (a datetime on SQLite is written as SQLAlchemy writes it, with microseconds,
    so text comparisons in SQL see one format)."""
    found = state.processors.get(name)
    if found is None and name in compiled.binds:
        found = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
    return found


def begin_snapshot(driver: Any) -> None:
    """Begin a read-only transaction on a SQLite driver connection: a deferred BEGIN,
    which takes no lock and so cannot meet a busy database. A read that began on the
    driver (``uow.driver``) and then needed its session has its snapshot already."""
    if not driver.in_transaction:
        driver.execute("BEGIN")


def run_driver_sql(link: DriverLink, sql: str) -> None:
    """Run one statement text without parameters straight on the driver (the ``begin``
    event's ``BEGIN IMMEDIATE``), its error raised as SQLAlchemy's."""
    driver, dialect = link.driver()
    try:
        driver.execute(sql)
    except dialect.loaded_dbapi.Error as exc:
        raise _wrapped(link, driver, dialect, sql, (), exc, None) from exc


def _wrapped(link: DriverLink, driver: Any, dialect: Dialect, sql: str, values: Any,
             exc: Any, cursor: Any) -> BaseException:
    lost = dialect.is_disconnect(exc, driver, cursor)
    if lost:
        link.invalidate(exc)
    return DBAPIError.instance(sql, values, exc, dialect.loaded_dbapi.Error,
                               connection_invalidated=lost, dialect=dialect)


def _is_list(value: Any) -> bool:
    """A value that fills an ``IN`` (the same test as the shape's key)."""
    return type(value) is list or type(value) is tuple  # noqa: E721 - exact, fast


def _sources(values: Mapping[str, Any]) -> dict[str, tuple[int, str, int]]:
    """Where the names the compiled statement binds take the caller's values from: a
    list ``ids`` is bound as ``ids_1``, ``ids_2``… (SQLAlchemy's expansion of ``IN``)."""
    out: dict[str, tuple[int, str, int]] = {}
    for name, value in values.items():
        if _is_list(value):
            for i in range(len(value)):
                out[f"{name}_{i + 1}"] = (_ITEM, name, i)
        else:
            out[name] = (_VALUE, name, 0)
    return out


def _converted(row: Sequence[Any], results: tuple[tuple[int, _Processor], ...]) -> tuple[Any, ...]:
    out = list(row)
    for i, convert in results:
        out[i] = convert(out[i])
    return tuple(out)
