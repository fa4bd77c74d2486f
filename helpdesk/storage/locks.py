"""When the database is busy: who holds it, and which driver errors mean "try again".

SQLite has one writer at a time; a long write (an import, the demo loader) makes every
other desk's save wait for ``busy_timeout`` and then fail with "database is locked".
PostgreSQL waits on row and table locks; the unit of work bounds that wait with
``lock_timeout``. The services retry such a save once (``common.guard_use_cases``) and
then tell the user who or what holds the database, from:

- SQLite: the marker file ``<database>.busy`` a long operation writes for its duration
  (:func:`busy_marker`: who, what, since when, which process);
- PostgreSQL: the oldest other open transaction in ``pg_stat_activity``.

Unique indexes turned into the field's message (:func:`field_error`): a VIN or order
number another desk saved a moment earlier is a ``vin.taken`` at the VIN field, not
the raw SQL error with its parameters.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from helpdesk.domain.errors import StorageError, ValidationError
from helpdesk.storage import engine as engine_mod

LOCK_TIMEOUT_MS = 8000
"""PostgreSQL: how long one attempt of a save waits for a lock (``SET LOCAL``)."""

# PostgreSQL SQLSTATEs worth a retry: lock_not_available, serialization_failure,
# deadlock_detected.
_RETRY_STATES = {"55P03", "40001", "40P01"}


def is_busy(exc: BaseException) -> bool:
    """The error means "someone else holds the database; the same save may work now"."""
    if isinstance(exc, OperationalError) and "database is locked" in str(exc.orig):
        return True
    if isinstance(exc, DBAPIError):
        state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        return state in _RETRY_STATES
    return False


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".busy")


@contextlib.contextmanager
def busy_marker(db_path: Path | None, who: str, what: str) -> Iterator[None]:
    """Say, for the duration of a long write on a SQLite file, who holds it and why."""
    if db_path is None:
        yield
        return
    path = marker_path(db_path)
    said = json.dumps({"who": who, "what": what, "pid": os.getpid(),
                       "since": datetime.now().isoformat(sep=" ", timespec="seconds")},
                      ensure_ascii=False)
    path.write_text(said, encoding="utf-8")
    try:
        yield
    finally:
        # Another long write that began meanwhile wrote its own: that one stays.
        with contextlib.suppress(OSError):
            if path.read_text(encoding="utf-8") == said:
                path.unlink()


def sqlite_file(engine: Engine | None) -> Path | None:
    """The file of a SQLite database (None for PostgreSQL or an in-memory database)."""
    # The URL object itself, not its text: nothing of an archive's ?mode=ro&uri=true
    # query is re-rendered on the way.
    return None if engine is None else engine_mod.sqlite_file(engine.url)


def holding(engine: Engine | None, who: str, what: str) -> contextlib.AbstractContextManager[None]:
    """:func:`busy_marker` for whatever database ``engine`` is (on PostgreSQL the
    holder is read from the server, so nothing is written)."""
    return busy_marker(sqlite_file(engine), who, what)


def holder(engine: Engine) -> str:
    """Who or what holds the database, as well as can be told ("" if unknown)."""
    try:
        if engine.dialect.name == "postgresql":
            return _postgres_holder(engine)
        database = sqlite_file(engine)
        if database is None:
            return ""
        path = marker_path(database)
        if not path.exists():
            return ""
        data = json.loads(path.read_text(encoding="utf-8"))
        return f"{data.get('who') or '?'}: {data.get('what') or '?'} " \
               f"(since {data.get('since', '?')}, process {data.get('pid', '?')})"
    except Exception:  # noqa: BLE001 - only ever part of a message
        return ""


def _postgres_holder(engine: Engine) -> str:
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT usename, application_name, client_addr, xact_start FROM "
            "pg_stat_activity WHERE datname = current_database() AND pid <> "
            "pg_backend_pid() AND xact_start IS NOT NULL ORDER BY xact_start "
            "LIMIT 1")).first()
    if row is None:
        return ""
    app = f" ({row.application_name})" if row.application_name else ""
    where = f"@{row.client_addr}" if row.client_addr else ""
    return f"{row.usename}{where}{app}, transaction open since {row.xact_start:%H:%M:%S}"


def busy_error(engine: Engine | None, exc: BaseException) -> StorageError:
    """The message a save gets when the database stayed busy after the retry."""
    who = holder(engine) if engine is not None else ""
    return StorageError(
        f"the database is busy{': ' + who if who else ''}; nothing was saved and your input "
        "is kept: save again in a moment", code="storage.busy", holder=who,
        reason=str(getattr(exc, "orig", exc)).splitlines()[0][:200])


# Unique index → (field, code) of the message a form shows at that field.
_UNIQUE_FIELDS = {
    "ix_vehicles_vin": ("vin", "vin.taken"), "vehicles.vin": ("vin", "vin.taken"),
    "ix_orders_number": ("order_number", "order_number.taken"),
    "orders.number": ("order_number", "order_number.taken"),
}


def field_error(exc: BaseException) -> ValidationError | None:
    """A unique index's refusal as the field's message (None: not one we know)."""
    if not isinstance(exc, IntegrityError):
        return None
    said = str(exc.orig)
    constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
    for name, (field, code) in _UNIQUE_FIELDS.items():
        if name == constraint or f"UNIQUE constraint failed: {name}" in said:
            what = "VIN" if field == "vin" else "order number"
            return ValidationError(field, code, f"this {what} was saved for another "
                                   "customer a moment ago")
    return None
