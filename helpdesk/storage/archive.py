"""The retention archive (seed 003, 六: records kept two years), in SQL.

An archive is a self-contained SQLite file with the application's own schema: the
archived sheets with every child row (progress, visits, actions, transitions, waits,
attachments and their bytes, full-text rows), a snapshot of their customers (with
phones, contacts, vehicles, orders), the stores and users they name, the audit entries
about them and the monthly-report entries of the months they belong to, the shared
settings, and a manifest. It opens read-only (``open_read_only``) with the same
services, so an archived sheet is read exactly as it was.

Removing archived sheets from the live database is a separate step, done only after
:func:`verify` found every row in the archive, on the administrator's explicit request.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select
from sqlalchemy.sql import ColumnElement

from helpdesk.domain.errors import StorageError
from helpdesk.storage import engine as engine_mod
from helpdesk.storage import tables

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
    for row in _rows(src, t.settings, t.settings.c.key.is_not(None)):
        dst.execute(delete(t.settings).where(t.settings.c.key == row["key"]))
        dst.execute(insert(t.settings), [row])
    dst.exec_driver_sql(f"CREATE TABLE {MANIFEST} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    dst.exec_driver_sql(
        f"INSERT INTO {MANIFEST} (key, value) VALUES (?, ?)",
        [(k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in manifest.items()])


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
    return ArchiveCounts(result)


def read_only_engine(path: Path) -> Engine:
    """The archive opened read-only (``mode=ro``): the services read it, nothing writes."""
    if not path.is_file():
        raise StorageError(f"there is no archive {path}", code="archive.missing",
                           value=str(path))
    return engine_mod.make_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")


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
            import hashlib

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
