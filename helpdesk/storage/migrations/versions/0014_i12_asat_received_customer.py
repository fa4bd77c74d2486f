"""A sheet's received time and customer before each later correction (issue 12).

The monthly report counts a sheet in the month it was received *as at the month's end*,
and its repeat complainants by the customer it had then: a correction of the received
time or of the customer made later (or a merge of two customer records) counts from its
own month. ``sheet_field_history`` has the columns for both (``old_at``,
``old_number``); this fills their history from the audit trail, whose entries hold the
same before/after values (``field_history.rows_from_audit``), as ``i12_field_history``
did for the other fields. Rows of these two fields already there (a database migrated
through ``i12_field_history`` with this code reads them too) are replaced, not doubled.

A correction of the received time used to leave the stored response and resolution
minutes measured from the old time (``Sheet.judge_steps`` now measures them again): the
sheets whose received time was corrected get them measured from the stored one.

Revision ID: i12_asat_received_customer
Revises: i12_report_indexes
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpdesk.domain.complaints import elapsed_minutes
from helpdesk.storage import field_history

revision: str = "i12_asat_received_customer"
down_revision: str | None = "i12_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIELDS = ("received_at", "customer_id")
_MERGE = "customer.merge"
_FIRST_VALUES = ("sheet.register", "sheet.import")
_BATCH = 1000

_history = sa.table("sheet_field_history", sa.column("id", sa.Integer()),
                    sa.column("sheet_id", sa.Integer()), sa.column("at", sa.DateTime()),
                    sa.column("field", sa.String()), sa.column("old_text", sa.String()),
                    sa.column("old_number", sa.BigInteger()),
                    sa.column("old_at", sa.DateTime()))


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(_history.delete().where(_history.c.field.in_(_FIELDS)))
    audit = sa.table("audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                     sa.column("action", sa.String()), sa.column("entity", sa.String()),
                     sa.column("entity_id", sa.Integer()), sa.column("changes", sa.Text()))
    # Only entries that name one of the fields (or merge customers) can hold a change;
    # a registration or an import names every field but sets the first values (every
    # sheet has one: left out here, they are not read and parsed).
    named = sa.or_(
        sa.and_(audit.c.entity == "sheet", audit.c.action.not_in(_FIRST_VALUES),
                sa.or_(*(audit.c.changes.like(f'%"{name}"%') for name in _FIELDS))),
        sa.and_(audit.c.entity == "customer", audit.c.action == _MERGE),
    )
    found = conn.execute(
        sa.select(audit.c.at, audit.c.action, audit.c.entity, audit.c.entity_id,
                  audit.c.changes)
        .where(named)
        .order_by(audit.c.id)
    ).all()
    pending: list[dict[str, object]] = []
    for at, action, entity, entity_id, changes in found:
        data = json.loads(changes or "{}")
        pending += [row for row in field_history.rows_from_audit(
            at, action, entity, entity_id, data if isinstance(data, dict) else {})
            if row["field"] in _FIELDS]
    # Archived sheets are gone from ``sheets``; their entries stay in the trail.
    sheets = sa.table("sheets", sa.column("id", sa.Integer()),
                      sa.column("received_at", sa.DateTime()),
                      sa.column("acknowledged_at", sa.DateTime()),
                      sa.column("resolved_at", sa.DateTime()),
                      sa.column("response_minutes", sa.Integer()),
                      sa.column("resolution_minutes", sa.Integer()))
    wanted = sorted({int(str(row["sheet_id"])) for row in pending})
    live: set[int] = set()
    for start in range(0, len(wanted), _BATCH):
        live.update(conn.execute(sa.select(sheets.c.id).where(
            sheets.c.id.in_(wanted[start:start + _BATCH]))).scalars())
    pending = [row for row in pending if row["sheet_id"] in live]
    for start in range(0, len(pending), _BATCH):
        conn.execute(_history.insert(), pending[start:start + _BATCH])
    # The minutes of the sheets whose received time was corrected, from the stored one.
    moved = sorted({int(str(row["sheet_id"])) for row in pending
                    if row["field"] == "received_at"})
    for start in range(0, len(moved), _BATCH):
        rows = conn.execute(sa.select(
            sheets.c.id, sheets.c.received_at, sheets.c.acknowledged_at, sheets.c.resolved_at,
            sheets.c.response_minutes, sheets.c.resolution_minutes)
            .where(sheets.c.id.in_(moved[start:start + _BATCH]))).all()
        for sheet_id, received, acknowledged, resolved, response, resolution in rows:
            measured = (None if acknowledged is None else elapsed_minutes(received, acknowledged),
                        None if resolved is None else elapsed_minutes(received, resolved))
            if measured != (response, resolution):
                conn.execute(sheets.update().where(sheets.c.id == sheet_id).values(
                    response_minutes=measured[0], resolution_minutes=measured[1]))


def downgrade() -> None:
    op.get_bind().execute(_history.delete().where(_history.c.field.in_(_FIELDS)))
