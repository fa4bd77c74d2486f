"""Hot reads run straight on the driver's connection (issue 13).

A search on the Customers page costs the database a tenth of a millisecond; SQLAlchemy's
execution layer (the parameter expansion of ``IN`` lists, the execution context, the
result object) cost ten times that on every call. A :class:`Prepared` statement is an
ordinary Core statement compiled once per dialect and per length of its lists; a call
binds its values in place and hands the SQL text to the driver, whose own statement
cache (sqlite3) or server-side preparation (psycopg) does the rest. The types still
convert both ways: the bind and result processors of the compiled statement are kept
with it and applied to the values that need them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select


class DriverLink(Protocol):
    """Where a prepared statement runs: the unit of work that holds the connection."""

    def driver(self) -> tuple[Any, Dialect]:
        """The driver's connection of the open unit of work, and its dialect."""
        ...


class SessionLink(DriverLink, Protocol):
    """A unit of work seen by a repository: its session (opened when first asked for)
    and the driver's connection of its prepared reads."""

    @property
    def session(self) -> Session: ...


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

    def convert(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return _converted(row, self.results) if self.results else tuple(row)


class Prepared:
    """A statement built once (by ``build``), compiled once per dialect and per length
    of the lists its values bring (``IN`` lists), run on the driver."""

    def __init__(self, build: Callable[[], Select[Any]]) -> None:
        self._build = build
        self._statement: Select[Any] | None = None
        self._shapes: dict[tuple[Any, ...], _Shape] = {}
        self._lock = threading.Lock()

    def rows(self, link: DriverLink, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows for ``values`` (a list value fills an expanding ``IN``)."""
        return self._run(link, values)[1]

    def dicts(self, link: DriverLink, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """:meth:`rows` as dictionaries by column name."""
        shape, found = self._run(link, values)
        return [dict(zip(shape.columns, row, strict=True)) for row in found]

    def scalars(self, link: DriverLink, values: Mapping[str, Any]) -> list[Any]:
        """The first column of :meth:`rows`."""
        return [row[0] for row in self._run(link, values)[1]]

    def unconverted(self, link: DriverLink, values: Mapping[str, Any],
                    ) -> tuple[Callable[[tuple[Any, ...]], tuple[Any, ...]],
                               list[tuple[Any, ...]]]:
        """The rows as the driver returned them, and the function converting one (for
        a caller that caches what it makes of a row by the row itself)."""
        shape, found = self._run(link, values, convert=False)
        return shape.convert, found

    def _run(self, link: DriverLink, values: Mapping[str, Any], *,
             convert: bool = True) -> tuple[_Shape, list[tuple[Any, ...]]]:
        driver, dialect = link.driver()
        shape = self._shape(dialect, values)
        bound = list(shape.template)
        for position, (source, name, index, to_driver) in shape.given:
            value = values[name] if source == _VALUE else values[name][index]
            bound[position] = value if to_driver is None or value is None \
                else to_driver(value)
        params: Any = bound if shape.positional else dict(zip(shape.names, bound, strict=True))
        found = driver.execute(shape.sql, params).fetchall()
        if convert and shape.results:
            found = [_converted(row, shape.results) for row in found]
        return shape, found

    def _built(self) -> Select[Any]:
        if self._statement is None:
            self._statement = self._build()
        return self._statement

    def _shape(self, dialect: Dialect, values: Mapping[str, Any]) -> _Shape:
        key: tuple[Any, ...] = (dialect.name,)
        for name, value in values.items():
            if _is_list(value):
                key += (name, len(value))
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
        compiled = statement.compile(dialect=dialect)
        state = compiled.construct_expanded_state(dict(values))
        names = tuple(state.positiontup or state.parameters)
        given = _sources(values)
        slots: list[_Slot] = []
        for name in names:
            convert = state.processors.get(name)
            if name in given:
                slots.append((*given[name], convert))
            else:
                value = state.parameters[name]
                slots.append((_FIXED, value if convert is None or value is None
                               else convert(value), 0, None))
        columns = tuple(str(column.key) for column in statement.selected_columns)
        results = []
        for i, column in enumerate(statement.selected_columns):
            convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if convert is not None:
                results.append((i, convert))
        template = tuple(slot[1] if slot[0] == _FIXED else None for slot in slots)
        caller = tuple((i, slot) for i, slot in enumerate(slots) if slot[0] != _FIXED)
        return _Shape(sql=state.statement, names=names, template=template, given=caller,
                      columns=columns,
                      results=tuple(results), positional=state.positiontup is not None)


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
