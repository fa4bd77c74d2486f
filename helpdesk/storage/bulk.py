"""Loading many rows fast (the demo generator): plain rows in, one transaction, no ORM.

The ORM costs tens of microseconds per object, and SQLAlchemy's ``executemany`` runs a
Python bind processor on every value; at a million complaint sheets with their progress
logs and transitions that is the difference between minutes and an hour. A
:class:`BulkLoader` therefore

- takes plain row dicts, buffered per table and written in batches, parents first (so
  foreign keys hold at every statement);
- on SQLite, runs the statement SQLAlchemy compiles for ``insert(table)`` straight on
  the driver, converting only the values that need it (datetimes to SQLAlchemy's own
  text format, dates, booleans) — rows read back exactly as if the ORM had written them;
- on PostgreSQL, streams the rows with ``COPY … FROM STDIN``;
- drops the tables' secondary indexes for the load and recreates them at the end, or
  earlier on the writer thread for tables that are complete (:meth:`build_indexes`)
  (measured on SQLite: 500,000 sheets took 26 s with their 11 indexes kept up to date
  row by row, 15 s with them dropped and rebuilt once; an index whose keys arrive in
  order is cheap to keep: ``keep_indexes``);
- on SQLite, relaxes ``synchronous``, enlarges the page cache and uses a rollback
  journal instead of the WAL for the load only, and restores them afterwards (a demo
  database can always be made again);
- writes on a background thread, so the database's own work (sqlite3 and psycopg release
  the GIL while the database works) overlaps with generating the next rows;
- does everything in one transaction: a failure leaves the database as it was.

Ids are given by the caller (:meth:`BulkLoader.next_id`) so children can refer to their
parents without reading anything back; PostgreSQL's sequences are moved past them at
the end.
"""

from __future__ import annotations

import functools
import os
import queue
import threading
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Table,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from helpdesk.domain.errors import StorageError
from helpdesk.storage import tables as tables_mod

# Page cache for the load on SQLite, in KiB (negative = KiB for the pragma); SQLite
# allocates it only as it fills. 1 GB made most of the large demo's 1.9 GB peak; 200 MB
# filled up within 100,000 sheets and was no faster than 64 MB (rows are appended in id
# order: only the right edge of each tree is written), measured on 20,000 customers and
# 100,000 sheets: 63 s and 502 MB peak RSS with 200 MB, 63 s and 355 MB with 64 MB.
SQLITE_LOAD_CACHE_KIB = 64_000

_Converter = Callable[[Any], Any]


def _sqlite_datetime(value: datetime | str) -> str:
    # The exact text SQLAlchemy's SQLite DATETIME type stores ("2026-01-02 03:04:05.000000"):
    # the list queries compare these strings, so the format must match to the character.
    # Text comes from minute_values() and is in that form already.
    if isinstance(value, str):
        return value
    return value.isoformat(" ", "microseconds")


def _sqlite_date(value: date) -> str:
    return value.isoformat()


def _sqlite_converters(table: Table, columns: Sequence[str]) -> list[tuple[int, _Converter]]:
    converters: list[tuple[int, _Converter]] = []
    for index, name in enumerate(columns):
        column_type = table.c[name].type
        if isinstance(column_type, DateTime):
            converters.append((index, _sqlite_datetime))
        elif isinstance(column_type, Date):
            converters.append((index, _sqlite_date))
        elif isinstance(column_type, Boolean):
            converters.append((index, int))
    return converters


class _Buffer:
    """Rows waiting to be written to one table (all with the same keys), as dicts or,
    once :meth:`BulkLoader.tuples` declared the columns, as tuples."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.rows: list[Any] = []
        self.columns: list[str] | None = None
        self.as_tuples = False
        self.sql = ""
        self.order: list[int] | None = None


_Batch = list[tuple[_Buffer, list[Any]]]
_Work = _Batch | Callable[[Connection], None]
"""What the writer thread is handed: rows to write, or a step to run after them."""


class BulkLoader:
    """One transaction for a bulk load; use as a context manager.

    ``with BulkLoader(engine, [tables.customers, ...]) as loader:`` opens a connection,
    prepares it (see the module docstring), and on a clean exit recreates the indexes,
    runs ``finish(connection)`` if given (derived rows that need the indexes, such as
    the full-text index: still in the load's transaction, with its relaxed settings),
    commits and tidies up (``ANALYZE``, WAL checkpoint); on an exception it rolls
    everything back. Append rows with ``loader.rows("customers").append({...})`` and
    call :meth:`flush` now and then (it writes every table, in the order given).
    ``keep_indexes`` names indexes kept up to date during the load instead of dropped
    and rebuilt (one that a :meth:`then` step needs, or whose keys arrive in order).

    Attributes:
        connection: the open SQLAlchemy connection (inside the transaction).
        dialect: ``"sqlite"``, ``"postgresql"``, …
        timings: wall seconds per step (``insert`` and ``then`` on the writer thread,
            ``indexes``, ``finish``, ``commit``, ``analyze``, ``checkpoint``), for tuning.
    """

    def __init__(self, engine: Engine, load_tables: Sequence[Table], *,
                 drop_indexes: bool = True, keep_indexes: Collection[str] = (),
                 analyze: bool = True, background: bool = True,
                 finish: Callable[[Connection], None] | None = None) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._tables = list(load_tables)
        self._buffers = {t.name: _Buffer(t) for t in self._tables}
        self._drop_indexes = drop_indexes
        self._keep_indexes = frozenset(keep_indexes)
        self._analyze = analyze
        self._finish_with = finish
        self._next_ids: dict[str, int] = {}
        self._index_sql: list[tuple[str, str]] = []  # (table, CREATE INDEX …)
        self._saved_pragmas: dict[str, Any] = {}
        self._saved_journal = ""
        self.timings: dict[str, float] = {}
        self.connection: Connection
        # At most two batches wait for the writer, which bounds the memory in flight.
        self._background = background
        self._queue: queue.Queue[_Work | None] = queue.Queue(maxsize=2)
        self._writer: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._committed = False

    # ------------------------------------------------------------ lifecycle
    def __enter__(self) -> BulkLoader:
        if self.dialect == "sqlite":
            # Idle pooled connections would keep the file in WAL mode (see _relax_sqlite).
            self.engine.dispose()
        self.connection = self.engine.connect()
        try:
            if self.dialect == "sqlite":
                self._relax_sqlite()
            self._transaction = self.connection.begin()
            for table in self._tables:
                if "id" in table.c:
                    top = self.connection.scalar(select(func.max(table.c.id)))
                    self._next_ids[table.name] = int(top or 0) + 1
            if self._drop_indexes:
                self._index_sql = self._drop_secondary_indexes()
            if self._background:
                self._writer = threading.Thread(target=self._write_forever,
                                                name="helpdesk-bulk-writer", daemon=True)
                self._writer.start()
        except BaseException:
            self._close(failed=True)
            raise
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is not None:
            self._close(failed=True)
            return
        try:
            self._finish()
        except BaseException:
            self._close(failed=True)
            raise
        self._close(failed=False)

    def _finish(self) -> None:
        self.flush()
        self._stop_writer()
        with self._timed("indexes"):
            for _table, sql in self._index_sql:
                self.connection.exec_driver_sql(sql)
        if self._finish_with is not None:
            with self._timed("finish"):
                self._finish_with(self.connection)
        if self.dialect == "postgresql":
            self._advance_sequences()
        with self._timed("commit"):
            self._transaction.commit()
        self._committed = True  # from here on a failure (say, in ANALYZE) keeps the rows
        if self._analyze:
            with self._timed("analyze"):
                analyze(self.connection, [t.name for t in self._tables])

    def _close(self, *, failed: bool) -> None:
        try:
            self._stop_writer(raise_failure=False)
            if failed and self._transaction_active():
                self._transaction.rollback()
            if self.dialect == "sqlite":
                # What was committed is made durable even if a later step failed.
                self._restore_sqlite(checkpoint=self._committed)
        finally:
            self.connection.close()

    def _transaction_active(self) -> bool:
        transaction = getattr(self, "_transaction", None)
        return transaction is not None and transaction.is_active

    # ------------------------------------------------------------ rows
    def next_id(self, table: str, count: int = 1) -> int:
        """Reserve ``count`` ids of ``table``; returns the first."""
        first = self._next_ids[table]
        self._next_ids[table] = first + count
        return first

    def minute_values(self, epoch: datetime) -> Callable[[int], Any]:
        """A function turning "minutes since ``epoch``" into a value for a DATETIME column.

        Generators that count time in whole minutes use it instead of building a
        ``datetime`` per value: on SQLite it returns the stored text directly (day and
        clock parts cached), elsewhere a cached ``datetime``."""
        if epoch.time() != datetime.min.time():
            raise ValueError("minute_values counts from a midnight")
        day_cache: dict[int, Any] = {}
        if self.dialect == "sqlite":
            clock = [f"{m // 60:02d}:{m % 60:02d}:00.000000" for m in range(1440)]

            def sqlite_value(minute: int) -> str:
                day, rest = divmod(minute, 1440)
                text_day = day_cache.get(day)
                if text_day is None:
                    text_day = _sqlite_datetime(epoch + timedelta(days=day))[:11]
                    day_cache[day] = text_day
                return text_day + clock[rest]

            return sqlite_value
        offsets = [timedelta(minutes=m) for m in range(1440)]

        def datetime_value(minute: int) -> datetime:
            day, rest = divmod(minute, 1440)
            start = day_cache.get(day)
            if start is None:
                start = day_cache[day] = epoch + timedelta(days=day)
            return start + offsets[rest]

        return datetime_value

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The list to append ``table``'s row dicts to (written by :meth:`flush`)."""
        buffer = self._buffers[table]
        if buffer.as_tuples:
            raise StorageError(f"{table} takes tuples (BulkLoader.tuples)", code="bulk.column")
        return buffer.rows

    def tuples(self, table: str, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """The list to append ``table``'s rows to as tuples of ``columns``, values as
        stored (on SQLite: DATETIME as :meth:`minute_values` gives it, DATE as ISO
        text; booleans as they are) — for the largest tables, where building a dict per
        row and reading it back took a tenth of the load (issue 13). Name the columns
        in the table's order: the rows then go to the driver as they are."""
        buffer = self._buffers[table]
        if buffer.columns is None and not buffer.rows:
            unknown = [c for c in columns if c not in buffer.table.c]
            if unknown:
                raise StorageError(f"{table} has no column(s) {unknown}", code="bulk.column")
            buffer.columns, buffer.as_tuples = list(columns), True
        elif not buffer.as_tuples or buffer.columns != list(columns):
            raise StorageError(f"{table} already takes other rows", code="bulk.column")
        return buffer.rows

    def flush(self) -> None:
        """Send every buffered row to be written, table by table in the order given
        (parents before children, so foreign keys hold at every statement)."""
        batch = []
        for buffer in self._buffers.values():
            if buffer.rows:
                batch.append((buffer, buffer.rows[:]))
                buffer.rows.clear()  # the same list: callers may keep a reference
        if not batch:
            return
        if self._writer is None:
            self._write_batch(batch)
            return
        self._raise_failure()
        self._queue.put(batch)

    def then(self, step: Callable[[Connection], None]) -> None:
        """Run ``step(connection)`` in the load's transaction once the rows sent so far
        are written — on the writer thread, overlapping the caller's next rows (e.g.
        derived rows of the batch just sent, such as its full-text rows)."""
        self.flush()
        if self._writer is None:
            step(self.connection)
            return
        self._raise_failure()
        self._queue.put(step)

    def build_indexes(self, table_names: Collection[str]) -> None:
        """Recreate the dropped indexes of these tables now, once the rows sent so far
        are written (on the writer thread, overlapping the caller's next rows), instead
        of at the end: for tables that get no more rows."""
        names = set(table_names)
        now = [sql for table, sql in self._index_sql if table in names]
        self._index_sql = [(t, sql) for t, sql in self._index_sql if t not in names]
        if now:
            self.then(functools.partial(_create_indexes, now))

    def execute(self, statement: Any, parameters: Any = None) -> Any:
        """Run one more statement in the load's transaction (counters, audit…), after
        everything sent so far is written."""
        self._drain()
        return self.connection.execute(statement, parameters)

    # ------------------------------------------------------------ the writer
    def _write_batch(self, batch: _Batch) -> None:
        with self._timed("insert"):
            for buffer, rows in batch:
                self._write(buffer, rows)

    def _write_forever(self) -> None:
        while True:
            work = self._queue.get()
            try:
                if work is None:
                    return
                if self._failure is None:
                    if callable(work):
                        with self._timed("then"):
                            work(self.connection)
                    else:
                        self._write_batch(work)
            except BaseException as exc:  # noqa: BLE001 - handed to the loading thread
                self._failure = exc
            finally:
                self._queue.task_done()

    def _drain(self) -> None:
        if self._writer is not None:
            self._queue.join()
        self._raise_failure()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def _stop_writer(self, *, raise_failure: bool = True) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        self._queue.join()
        self._queue.put(None)
        writer.join()
        if raise_failure:
            self._raise_failure()

    def _write(self, buffer: _Buffer, rows: list[Any]) -> None:
        if buffer.as_tuples:
            self._write_tuples(buffer, rows)
            return
        if buffer.columns is None:
            buffer.columns = list(rows[0])
            unknown = [c for c in buffer.columns if c not in buffer.table.c]
            if unknown:
                raise StorageError(f"{buffer.table.name} has no column(s) {unknown}",
                                   code="bulk.column")
        columns = buffer.columns
        if self.dialect == "sqlite":
            self._write_sqlite(buffer, columns, rows)
        elif self.dialect == "postgresql":
            self._write_copy(buffer.table, columns, rows)
        else:
            self.connection.execute(insert(buffer.table), rows)

    def _write_sqlite(self, buffer: _Buffer, columns: list[str],
                      rows: list[dict[str, Any]]) -> None:
        if not buffer.sql:
            buffer.sql, buffer.order = _sqlite_statement(self.connection, buffer.table, columns)
        _write_sqlite(self.connection, buffer.table, columns, rows, buffer.sql, buffer.order)

    def _write_tuples(self, buffer: _Buffer, rows: list[tuple[Any, ...]]) -> None:
        assert buffer.columns is not None
        table, columns = buffer.table, buffer.columns
        if self.dialect == "sqlite":
            if not buffer.sql:
                buffer.sql, buffer.order = _sqlite_statement(self.connection, table, columns)
            _check_stored(table, columns, rows[0])
            order = buffer.order
            values = rows if order is None else [tuple(v[i] for i in order) for v in rows]
            self.connection.exec_driver_sql(buffer.sql, values)
        elif self.dialect == "postgresql":
            quoted = ", ".join(f'"{c}"' for c in columns)
            with _driver(self.connection).cursor() as cursor, cursor.copy(
                    f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            self.connection.execute(insert(table),
                                    [dict(zip(columns, r, strict=True)) for r in rows])

    def _write_copy(self, table: Table, columns: list[str],
                    rows: list[dict[str, Any]]) -> None:
        _write_copy(self.connection, table, columns, rows)

    # ------------------------------------------------------------ indexes
    def _drop_secondary_indexes(self) -> list[tuple[str, str]]:
        """Drop the loaded tables' plain indexes (but those to keep); returns each one's
        table and the SQL that recreates it."""
        names = [t.name for t in self._tables]
        conn = self.connection
        found: list[tuple[str, str, str]] = []
        if self.dialect == "sqlite":
            for table in names:
                found += [(table, *r) for r in conn.execute(text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = :t AND sql IS NOT NULL ORDER BY name"), {"t": table})]
        elif self.dialect == "postgresql":
            for table in names:
                found += [(table, *r) for r in conn.execute(text(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                    "WHERE i.schemaname = current_schema() AND i.tablename = :t "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                    "WHERE c.conname = i.indexname) ORDER BY i.indexname"), {"t": table})]
        else:
            return []
        found = [row for row in found if row[1] not in self._keep_indexes]
        for _table, name, _sql in found:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return [(table, sql) for table, _name, sql in found]

    def _advance_sequences(self) -> None:
        for table in self._tables:
            if "id" not in table.c:
                continue
            self.connection.execute(text(
                "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                "COALESCE((SELECT MAX(id) FROM \"" + table.name + "\"), 0) + 1, false)"),
                {"t": table.name})

    # ------------------------------------------------------------ SQLite pragmas
    def _relax_sqlite(self) -> None:
        raw = _driver(self.connection)
        for pragma in ("synchronous", "cache_size", "temp_store"):
            self._saved_pragmas[pragma] = raw.execute(f"PRAGMA {pragma}").fetchone()[0]
        # A rollback journal instead of the WAL for the load: in WAL mode the whole load
        # (3 GB at a million sheets, and pages the cache spilled, again) went to the log
        # before the final checkpoint copied it into the file. A rollback journal keeps
        # only the pages that existed before; the new ones are written once, in place,
        # and the load is still one transaction. Refused while another connection has
        # the file open: then the load stays in WAL mode.
        if raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal" and \
                raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete":
            self._saved_journal = "wal"
        # No fsync per commit during the load (there is only one commit anyway); the
        # durable setting comes back in _restore_sqlite.
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute(f"PRAGMA cache_size=-{SQLITE_LOAD_CACHE_KIB}")
        # Sorting for the rebuilt indexes spills to temporary files, not to memory: at a
        # million sheets in-memory sorts took the load past a gigabyte.
        raw.execute("PRAGMA temp_store=FILE")

    def _restore_sqlite(self, *, checkpoint: bool) -> None:
        raw = _driver(self.connection)
        if self._saved_journal:
            raw.execute(f"PRAGMA journal_mode={self._saved_journal}")
        elif checkpoint:
            with self._timed("checkpoint"):
                # Fold the (large) write-ahead log back into the file and truncate it.
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for pragma, value in self._saved_pragmas.items():
            raw.execute(f"PRAGMA {pragma}={int(value)}")
        if checkpoint:
            with self._timed("fsync"):
                _sync_file(raw)


    # ------------------------------------------------------------ helpers
    def _timed(self, step: str) -> _Timer:
        return _Timer(self.timings, step)


class _Timer:
    def __init__(self, sink: dict[str, float], step: str) -> None:
        self.sink, self.step = sink, step

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.sink[self.step] = self.sink.get(self.step, 0.0) + time.perf_counter() - self._start


# ------------------------------------------------------------ the writing itself
def _sqlite_statement(connection: Connection, table: Table,
                      columns: list[str]) -> tuple[str, list[int] | None]:
    """The statement SQLAlchemy itself would run for these columns, and the order its
    parameters take (None: the columns' own)."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=columns)
    order = [columns.index(name) for name in compiled.positiontup or columns]
    return str(compiled), None if order == list(range(len(columns))) else order


def _sync_file(raw: Any) -> None:
    """Flush the loaded file to disk: the load ran with ``synchronous=OFF`` (no fsync at
    its commit), so it is made durable here, once, before the loader returns — the file,
    and on POSIX its folder too, which holds the removal of the rollback journal (a
    journal that came back after a power cut would roll the load back)."""
    for _seq, name, path in raw.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            _fsync(path)
            if os.name == "posix":
                _fsync(os.path.dirname(os.path.abspath(path)))


def _fsync(path: str) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _create_indexes(statements: Sequence[str], connection: Connection) -> None:
    for sql in statements:
        connection.exec_driver_sql(sql)


def _check_stored(table: Table, columns: list[str], row: tuple[Any, ...]) -> None:
    """Tuples skip the conversion to stored values: refuse a batch whose first row has
    a date or time that is not text yet (SQLite's own adapter would write another
    format than SQLAlchemy reads back)."""
    for name, value in zip(columns, row, strict=True):
        if isinstance(value, date) and isinstance(table.c[name].type, DateTime | Date):
            raise StorageError(f"{table.name}.{name}: a tuple row carries {value!r}, not "
                               "its stored text", code="bulk.value")


def _write_sqlite(connection: Connection, table: Table, columns: list[str],
                  rows: list[dict[str, Any]], sql: str, order: list[int] | None) -> None:
    getter = itemgetter(*columns)
    converters = _sqlite_converters(table, columns)
    values: list[Any] = []
    for row in rows:
        item = getter(row)
        if len(columns) == 1:
            item = (item,)
        if converters:
            item = list(item)
            for index, convert in converters:
                value = item[index]
                if value is not None:
                    item[index] = convert(value)
            item = tuple(item)
        values.append(item)
    if order is not None:
        values = [tuple(v[i] for i in order) for v in values]
    connection.exec_driver_sql(sql, values)


def _write_copy(connection: Connection, table: Table, columns: list[str],
                rows: list[dict[str, Any]]) -> None:
    getter = itemgetter(*columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    with _driver(connection).cursor() as cursor, cursor.copy(
            f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        single = len(columns) == 1
        for row in rows:
            item = getter(row)
            copy.write_row((item,) if single else item)


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert plain row dicts (all with the same keys, values as stored: enums by value)
    in the caller's open transaction, the way a :class:`BulkLoader` writes them — for a
    use case that writes thousands of rows at once (the sheet import) without a load's
    index dropping, pragmas or transaction of its own."""
    if not rows:
        return
    columns = list(rows[0])
    unknown = [c for c in columns if c not in table.c]
    if unknown:
        raise StorageError(f"{table.name} has no column(s) {unknown}", code="bulk.column")
    if connection.dialect.name == "sqlite":
        sql, order = _sqlite_statement(connection, table, columns)
        _write_sqlite(connection, table, columns, list(rows), sql, order)
    elif connection.dialect.name == "postgresql":
        _write_copy(connection, table, columns, list(rows))
    else:
        connection.execute(insert(table), list(rows))


def take_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new ids of ``table`` for rows written with explicit ids, in the caller's
    write transaction. PostgreSQL: from the table's sequence (a desk registering at the
    same moment draws from it too, so nothing collides). SQLite: past the largest id (the
    write transaction holds the file's write lock: nobody else inserts meanwhile)."""
    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        return [int(i) for i in connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) "
                 "FROM generate_series(1, :n)"), {"t": table.name, "n": count}).scalars()]
    top = int(connection.scalar(select(func.max(table.c.id))) or 0)
    return list(range(top + 1, top + 1 + count))


def row_of(obj: Any, table: Table, *, omit: Sequence[str] = (),
           **values: Any) -> dict[str, Any]:
    """The row of a mapped domain object as ``insert_rows`` takes it: every column of
    ``table`` read from the attribute of the same name (enums by value, a missing or
    None value of a NOT NULL column by the column's scalar default), overridden by
    ``values``; the columns in ``omit`` left to the database (e.g. ``id``)."""
    row: dict[str, Any] = {}
    # A mapped object keeps its values in __dict__: read there (an attribute read
    # through the ORM's descriptor costs ten times more, and this runs per column).
    held = vars(obj)
    for name, fill in _row_plan(table):
        if name in values or name in omit:
            continue
        value = held[name] if name in held else getattr(obj, name, None)
        if isinstance(value, StrEnum):
            value = value.value
        elif value is None and fill is not _NO_FILL:
            value = fill
        row[name] = value
    row.update(values)
    return row


_NO_FILL = object()
_ROW_PLANS: dict[Table, tuple[tuple[str, Any], ...]] = {}


def _row_plan(table: Table) -> tuple[tuple[str, Any], ...]:
    """Each column of ``table`` with what ``row_of`` writes for a None in it: the
    scalar default of a NOT NULL column, else ``_NO_FILL``. Read once per table (the
    metadata is fixed for the process; a registration asks for it per row, issue 13)."""
    plan = _ROW_PLANS.get(table)
    if plan is None:
        plan = _ROW_PLANS[table] = tuple(
            (column.key, column.default.arg
             if not column.nullable and isinstance(column.default, ScalarElementColumnDefault)
             else _NO_FILL)
            for column in table.c)
    return plan


def analyze(connection: Connection, table_names: Iterable[str]) -> None:
    """Refresh the planner's statistics after a load (outside the load's transaction).

    Without them SQLite guesses index selectivity and can pick the wrong index for the
    complaint list at a million rows. ``analysis_limit`` keeps ANALYZE to a sample, so
    it takes a second instead of a full pass over every index."""
    if connection.dialect.name == "sqlite":
        raw = _driver(connection)
        raw.execute("PRAGMA analysis_limit=1000")
        for name in table_names:
            raw.execute(f'ANALYZE "{name}"')
    elif connection.dialect.name == "postgresql":
        for name in table_names:
            connection.exec_driver_sql(f'ANALYZE "{name}"')
        connection.commit()


def sheet_counters(loader: BulkLoader, store_id: int) -> dict[int, int]:
    """The store's sheet-number counters, year → last number given out."""
    c = tables_mod.sheet_counters
    rows = loader.execute(select(c.c.year, c.c.last_value).where(c.c.store_id == store_id))
    return {int(year): int(last) for year, last in rows}


def save_sheet_counters(loader: BulkLoader, store_id: int, counters: dict[int, int]) -> None:
    """Set the counters so the next sheet registered in a year gets the next number."""
    c = tables_mod.sheet_counters
    existing = sheet_counters(loader, store_id)
    for year in sorted(counters):
        if year in existing:
            loader.execute(update(c).where(c.c.store_id == store_id, c.c.year == year)
                           .values(last_value=max(counters[year], existing[year])))
        else:
            loader.execute(c.insert().values(store_id=store_id, year=year,
                                             last_value=counters[year]))


def _driver(connection: Connection) -> Any:
    """The DBAPI connection under ``connection`` (sqlite3 or psycopg)."""
    raw = connection.connection.driver_connection
    assert raw is not None
    return raw


LOAD_ORDER: tuple[Table, ...] = (
    tables_mod.customers,
    tables_mod.customer_phones,
    tables_mod.contacts,
    tables_mod.vehicles,
    tables_mod.orders,
    tables_mod.search_keys,
    tables_mod.sheets,
    tables_mod.sheet_progress,
    tables_mod.sheet_visits,
    tables_mod.sheet_actions,
    tables_mod.sheet_transitions,
    tables_mod.sheet_pauses,
)
"""The tables of customer records and complaints, parents before children."""
