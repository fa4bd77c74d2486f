"""The retention archive (seed 003, 六: records kept two years), in SQL.

An archive is a self-contained SQLite file with the application's own schema: the
archived sheets with every child row (progress, visits, actions, transitions, waits,
attachments and their bytes, full-text rows), a snapshot of their customers (with
phones, contacts, vehicles, orders), the stores and users they name, the audit entries
about them, the monthly-report entries of the months they belong to and the issued
monthly reports that cite them (the signed PDF, byte for byte), the shared settings, and
a manifest. It opens read-only (:func:`open_read_only`: ``mode=ro``, ``query_only``, a
unit of work that refuses every write) with the same services, so an archived sheet is
read exactly as it was.

Removing archived sheets from the live database is a separate step, done only after
:func:`verify` found every row in the archive, on the administrator's explicit request.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from helpdesk.domain.errors import PermissionDenied, StorageError
from helpdesk.storage import engine as engine_mod
from helpdesk.storage import tables
from helpdesk.storage import uow as uow_mod
from helpdesk.storage.database import Database
from helpdesk.storage.uow import SqlAlchemyUnitOfWork

MANIFEST = "archive_manifest"
_CHUNK = 500

t = tables
# Rows that hang off a sheet, by their sheet_id column.
SHEET_CHILDREN: tuple[Table, ...] = (
    t.sheet_progress, t.sheet_visits, t.sheet_actions, t.sheet_transitions, t.sheet_pauses,
    t.sheet_attachments, t.sheet_texts,
    t.sheet_field_history)  # issue 12


@dataclass(frozen=True)
class ArchiveCounts:
    """Rows per table that an archive holds for its sheets (what ``verify`` compares)."""

    rows: dict[str, int]

    @property
    def sheets(self) -> int:
        return self.rows.get("sheets", 0)


def closed_before(connection: Connection, cutoff: datetime) -> list[int]:
    """Ids of the sheets closed before ``cutoff`` (only closed ones are ever archived)."""
    s = t.sheets
    return [int(r[0]) for r in connection.execute(
        select(s.c.id).where(s.c.state == "closed", s.c.closed_at < cutoff).order_by(s.c.id))]


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i:i + _CHUNK])


def _rows(conn: Connection, table: Table, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(table).where(where))]


def _copy(source: Connection, target: Connection, table: Table, column: Any,
          ids: Iterable[int]) -> set[int]:
    """Copy the rows of ``table`` whose ``column`` is in ``ids`` (once each); returns the
    copied rows' ids (primary key ``id``, or the column itself)."""
    wanted = sorted(set(ids))
    copied: set[int] = set()
    pk = table.c.id if "id" in table.c else column
    for chunk in _chunks(wanted):
        rows = _rows(source, table, column.in_(chunk))
        present = {int(r[0]) for r in target.execute(
            select(pk).where(pk.in_([row[pk.name] for row in rows])))} if rows else set()
        fresh = [row for row in rows if row[pk.name] not in present]
        if fresh:
            target.execute(insert(table), fresh)
        copied |= {int(row[pk.name]) for row in rows}
    return copied


def export(source: Engine, target_path: Path, sheet_ids: Sequence[int],
           manifest: dict[str, Any]) -> ArchiveCounts:
    """Write the archive of ``sheet_ids`` into ``target_path`` (a new file, its schema
    made by the migrations); returns what it holds."""
    from helpdesk.storage.database import open_database  # the schema, by migration

    if target_path.exists():
        raise StorageError(f"{target_path} exists already: choose a new file",
                           code="archive.exists", value=str(target_path))
    archive_db = open_database(engine_mod.sqlite_url(target_path))
    try:
        with source.connect() as src, archive_db.engine.begin() as dst:
            _fill(src, dst, sheet_ids, manifest)
    finally:
        archive_db.dispose()
    _single_file(target_path)
    return verify(source, target_path, sheet_ids)


def _fill(src: Connection, dst: Connection, sheet_ids: Sequence[int],
          manifest: dict[str, Any]) -> None:
    s, v, o, c = t.sheets, t.vehicles, t.orders, t.customers
    # Rows go in parent-first, but merged customers can point anywhere: check at commit.
    dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    sheets = [row for chunk in _chunks(sheet_ids) for row in _rows(src, s, s.c.id.in_(chunk))]
    vehicle_ids = {r["vehicle_id"] for r in sheets if r["vehicle_id"] is not None}
    order_ids = {r["order_id"] for r in sheets if r["order_id"] is not None}
    customer_ids = {r["customer_id"] for r in sheets if r["customer_id"] is not None}
    for table, ids in ((v, vehicle_ids), (o, order_ids)):
        for chunk in _chunks(sorted(ids)):
            customer_ids |= {int(r[0]) for r in src.execute(
                select(table.c.customer_id).where(table.c.id.in_(chunk)))}
    # Stores and users are few and everything names them: all of them.
    for table in (t.stores, t.users):
        rows = _rows(src, table, table.c.id.is_not(None))
        if rows:
            dst.execute(insert(table), rows)
    merged = {r["merged_into_id"] for chunk in _chunks(sorted(customer_ids))
              for r in _rows(src, c, c.c.id.in_(chunk)) if r["merged_into_id"] is not None}
    everyone = _copy(src, dst, c, c.c.id, customer_ids | merged)
    for table in (t.customer_phones, t.contacts, v, o, t.search_keys):
        _copy(src, dst, table, table.c.customer_id, everyone)
    if sheets:
        dst.execute(insert(s), sheets)
    blob_ids = {int(r[0]) for chunk in _chunks(sheet_ids) for r in src.execute(
        select(t.sheet_attachments.c.blob_id).where(
            t.sheet_attachments.c.sheet_id.in_(chunk)))}
    _copy(src, dst, t.attachment_blobs, t.attachment_blobs.c.id, blob_ids)
    for table in SHEET_CHILDREN:
        _copy(src, dst, table, table.c.sheet_id, sheet_ids)
    _copy(src, dst, t.order_visits, t.order_visits.c.order_id,
          [int(r[0]) for r in dst.execute(select(o.c.id))])
    a = t.audit_log
    _copy(src, dst, a, a.c.id, [int(r[0]) for chunk in _chunks(sheet_ids) for r in src.execute(
        select(a.c.id).where(a.c.entity == "sheet", a.c.entity_id.in_(chunk)))])
    _copy(src, dst, a, a.c.id, [int(r[0]) for chunk in _chunks(sorted(everyone))
                                for r in src.execute(select(a.c.id).where(
                                    a.c.entity == "customer", a.c.entity_id.in_(chunk)))])
    # The monthly reports made in the months these sheets were received or closed.
    months = {(r["received_at"].year, r["received_at"].month) for r in sheets} | {
        (r["closed_at"].year, r["closed_at"].month) for r in sheets if r["closed_at"]}
    reports = [int(r[0]) for r in src.execute(select(a.c.id, a.c.changes).where(
        a.c.action.like("report.%"))) if _report_month(r[1]) in months]
    _copy(src, dst, a, a.c.id, reports)
    _copy(src, dst, t.issued_reports, t.issued_reports.c.id, _citing(src, sheets))
    for row in _rows(src, t.settings, t.settings.c.key.is_not(None)):
        dst.execute(delete(t.settings).where(t.settings.c.key == row["key"]))
        dst.execute(insert(t.settings), [row])
    dst.exec_driver_sql(f"CREATE TABLE {MANIFEST} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    dst.exec_driver_sql(
        f"INSERT INTO {MANIFEST} (key, value) VALUES (?, ?)",
        [(k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in manifest.items()])


def _citing(conn: Connection, sheets: Iterable[Any]) -> list[int]:
    """Ids of the issued monthly reports that cite ``sheets`` (rows with ``store_id``,
    ``received_at``, ``closed_at``): those of a month one was received or closed in,
    issued for all stores or for its store."""
    keys: set[tuple[date, str]] = set()
    for row in sheets:
        for at in (row["received_at"], row["closed_at"]):
            if at is not None:
                month = date(at.year, at.month, 1)
                keys |= {(month, "all"), (month, str(row["store_id"]))}
    i = t.issued_reports
    return sorted(int(r[0]) for r in conn.execute(select(i.c.id, i.c.month, i.c.scope))
                  if (r[1], r[2]) in keys)


def _sheet_rows(conn: Connection, sheet_ids: Sequence[int]) -> list[Any]:
    s = t.sheets
    return [r._mapping for chunk in _chunks(sheet_ids) for r in conn.execute(
        select(s.c.store_id, s.c.received_at, s.c.closed_at).where(s.c.id.in_(chunk)))]


def _issued_hashes(conn: Connection, sheet_ids: Sequence[int]) -> set[tuple[date, str, str]]:
    """(month, scope, pdf_sha256) of the issued reports citing ``sheet_ids``; raises
    when a stored PDF no longer matches its hash."""
    i = t.issued_reports
    ids = _citing(conn, _sheet_rows(conn, sheet_ids))
    found = set()
    for chunk in _chunks(ids):
        for month, scope, pdf, sha in conn.execute(
                select(i.c.month, i.c.scope, i.c.pdf, i.c.pdf_sha256).where(i.c.id.in_(chunk))):
            if hashlib.sha256(bytes(pdf)).hexdigest() != sha:
                raise StorageError(f"the issued report of {month:%Y-%m} ({scope}) is damaged",
                                   code="archive.incomplete", value=f"{month:%Y-%m}")
            found.add((month, str(scope), str(sha)))
    return found


def _report_month(changes: str) -> tuple[int, int] | None:
    """The (year, month) a report audit entry names (``{"month": "2024-05", …}``)."""
    try:
        data = json.loads(changes or "{}")
    except ValueError:
        return None
    value = str(data.get("month") or data.get("period") or "")
    if len(value) >= 7 and value[4] == "-" and value[:4].isdigit() and value[5:7].isdigit():
        return int(value[:4]), int(value[5:7])
    return None


def _single_file(path: Path) -> None:
    """Fold the write-ahead log into the file, so the archive is one self-contained file
    (and can be opened from read-only media)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def counts(conn: Connection, sheet_ids: Sequence[int]) -> ArchiveCounts:
    """Rows per table about ``sheet_ids``: the sheets, each child table, the attachment
    bytes and the sheets' audit entries."""
    result = {"sheets": 0, "attachment_blobs": 0, "audit_log": 0}
    blob_ids: set[int] = set()
    for chunk in _chunks(sheet_ids):
        result["sheets"] += int(conn.scalar(
            select(func.count()).select_from(t.sheets).where(t.sheets.c.id.in_(chunk))) or 0)
        for table in SHEET_CHILDREN:
            result[table.name] = result.get(table.name, 0) + int(conn.scalar(
                select(func.count()).select_from(table).where(table.c.sheet_id.in_(chunk)))
                or 0)
        blob_ids |= {int(r[0]) for r in conn.execute(select(t.sheet_attachments.c.blob_id)
                                                     .where(t.sheet_attachments.c.sheet_id
                                                            .in_(chunk)))}
        result["audit_log"] += int(conn.scalar(
            select(func.count()).select_from(t.audit_log).where(
                t.audit_log.c.entity == "sheet", t.audit_log.c.entity_id.in_(chunk))) or 0)
    result["attachment_blobs"] = len(blob_ids)
    result["issued_reports"] = len(_citing(conn, _sheet_rows(conn, sheet_ids)))
    return ArchiveCounts(result)


def read_only_engine(path: Path) -> Engine:
    """The archive opened read-only (``mode=ro``): the services read it, nothing writes."""
    if not path.is_file():
        raise StorageError(f"there is no archive {path}", code="archive.missing",
                           value=str(path))
    return engine_mod.make_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")


class ReadOnlyUnitOfWork(SqlAlchemyUnitOfWork):
    """The unit of work of an archive: it reads like any other and refuses every write
    — a flush or a commit — with ``archive.read_only``, before SQLite (``mode=ro``,
    ``query_only``) would refuse it less clearly. Nothing reaches the file."""

    read_only = True

    def __init__(self, engine: Engine, label: str) -> None:
        super().__init__(engine)
        self._label = label
        for factory in (self._write_factory, self._read_factory):
            sa_event.listen(factory, "before_flush", self._refuse_flush)

    def _factories(self, engine: Engine) -> uow_mod.Factories:
        # Its own: the listeners below name this unit of work.
        return uow_mod.new_factories(engine)

    def _refused(self) -> PermissionDenied:
        return PermissionDenied(f"the archive {self._label} is read-only",
                                code="archive.read_only", value=self._label)

    def _refuse_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise self._refused()

    def __enter__(self) -> Self:
        if self._depth == 0:  # a snapshot (BEGIN), never the write lock
            self._open(self._read_factory)
        self._depth += 1
        return self

    def commit(self) -> None:
        self._outbox.discard()
        raise self._refused()


@dataclass
class ArchiveDatabase(Database):
    """An archive opened read-only; ``uow()`` gives :class:`ReadOnlyUnitOfWork`.

    Attributes: path (the archive file)."""

    path: Path = Path()

    def uow(self) -> ReadOnlyUnitOfWork:
        return ReadOnlyUnitOfWork(self.engine, str(self.path))

    @property
    def description(self) -> str:
        return str(self.path)


def open_read_only(path: Path) -> ArchiveDatabase:
    """The archive at ``path``, read-only (its bytes are never changed)."""
    engine = read_only_engine(path)
    return ArchiveDatabase(str(engine.url), engine, path=path.resolve())


@dataclass(frozen=True)
class IssuedEntry:
    """An issued monthly report in an archive (without its bytes)."""

    id: int
    month: date
    store_id: int | None
    store_name: str
    lang: str
    issued_at: datetime
    issued_by: str
    pdf_sha256: str
    size: int


def issued_entries(conn: Connection) -> list[IssuedEntry]:
    """The issued monthly reports an archive holds, by month."""
    i, st, u = t.issued_reports, t.stores, t.users
    rows = conn.execute(
        select(i.c.id, i.c.month, i.c.store_id, func.coalesce(st.c.name, ""), i.c.lang,
               i.c.issued_at, func.coalesce(u.c.display_name, ""), i.c.pdf_sha256,
               func.length(i.c.pdf))
        .select_from(i.outerjoin(st, st.c.id == i.c.store_id)
                     .outerjoin(u, u.c.id == i.c.issued_by_id))
        .order_by(i.c.month, i.c.scope))
    return [IssuedEntry(int(r[0]), r[1], r[2], str(r[3]), str(r[4]), r[5], str(r[6]),
                        str(r[7]), int(r[8] or 0)) for r in rows]


def issued_pdf(conn: Connection, entry_id: int) -> bytes | None:
    i = t.issued_reports
    data = conn.scalar(select(i.c.pdf).where(i.c.id == entry_id))
    return None if data is None else bytes(data)


def manifest(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT key, value FROM {MANIFEST}").all()
    return {str(k): json.loads(v) for k, v in rows}


def verify(source: Engine, archive_path: Path, sheet_ids: Sequence[int]) -> ArchiveCounts:
    """The archive holds every row the live database has about ``sheet_ids``, and the
    same attachment bytes (by sha256); raises StorageError naming the first gap."""
    archived = read_only_engine(archive_path)
    try:
        with source.connect() as live, archived.connect() as arch:
            expected, found = counts(live, sheet_ids), counts(arch, sheet_ids)
            if expected.rows != found.rows:
                gaps = {k: (v, found.rows.get(k)) for k, v in expected.rows.items()
                        if found.rows.get(k) != v}
                raise StorageError(f"the archive lacks rows: {gaps}",
                                   code="archive.incomplete", value=str(archive_path))
            b = t.attachment_blobs
            live_hashes = {r[0] for r in live.execute(select(b.c.sha256).where(b.c.id.in_(
                select(t.sheet_attachments.c.blob_id).where(
                    t.sheet_attachments.c.sheet_id.in_(list(sheet_ids) or [0])))))}
            if _issued_hashes(live, sheet_ids) != _issued_hashes(arch, sheet_ids):
                raise StorageError("an issued report differs in the archive",
                                   code="archive.incomplete", value=str(archive_path))
            for sha, data in arch.execute(select(b.c.sha256, b.c.data)):
                if sha in live_hashes and hashlib.sha256(bytes(data)).hexdigest() != sha:
                    raise StorageError(f"attachment {sha[:12]} is damaged in the archive",
                                       code="archive.incomplete", value=str(archive_path))
            return found
    finally:
        archived.dispose()


def remove(connection: Connection, sheet_ids: Sequence[int]) -> None:
    """Delete the archived sheets and their child rows from the live database (their
    audit entries stay: the trail is append-only). Attachment bytes no other sheet uses
    go too."""
    a = t.sheet_attachments
    for chunk in _chunks(sheet_ids):
        blobs = {int(r[0]) for r in connection.execute(
            select(a.c.blob_id).where(a.c.sheet_id.in_(chunk)))}
        for table in SHEET_CHILDREN:
            connection.execute(delete(table).where(table.c.sheet_id.in_(chunk)))
        connection.execute(delete(t.sheets).where(t.sheets.c.id.in_(chunk)))
        if blobs:
            used = {int(r[0]) for r in connection.execute(
                select(a.c.blob_id).where(a.c.blob_id.in_(list(blobs))))}
            orphans = list(blobs - used)
            if orphans:
                connection.execute(delete(t.attachment_blobs).where(
                    t.attachment_blobs.c.id.in_(orphans)))
