"""A sheet's values before each later correction (issue 12).

``sheet_field_history`` keeps, for the fields a monthly report groups or judges by
(channel, severity, category, responsible area and person, deadlines, escalation,
compensation), the value before each change and when it changed, so a past month is
counted as each sheet stood at the month's end (``helpdesk.storage.field_history``).
New changes are written with their audit entries; the existing ones are read here from
the audit trail, whose entries hold the same before/after values.

Revision ID: i12_field_history
Revises: i16_audit_anchor
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpdesk.storage import field_history

revision: str = "i12_field_history"
down_revision: str | None = "i16_audit_anchor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    history = op.create_table(
        "sheet_field_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sheet_id", sa.Integer(), sa.ForeignKey("sheets.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("old_text", sa.String(60), nullable=True),
        sa.Column("old_number", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=True),
        sa.Column("old_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_sheet_field_history_sheet", "sheet_field_history",
                    ["sheet_id", "field", "at"])
    op.create_index("ix_sheet_field_history_field_at", "sheet_field_history",
                    ["field", "at", "sheet_id"])
    audit = sa.table("audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                     sa.column("action", sa.String()), sa.column("entity", sa.String()),
                     sa.column("entity_id", sa.Integer()), sa.column("changes", sa.Text()))
    conn = op.get_bind()
    # Only entries that name a tracked field can hold one of its changes.
    named = sa.or_(*(audit.c.changes.like(f'%"{name}"%') for name in field_history.TRACKED))
    rows = conn.execute(
        sa.select(audit.c.at, audit.c.action, audit.c.entity, audit.c.entity_id,
                  audit.c.changes)
        .where(audit.c.entity == "sheet", named)
        .order_by(audit.c.id)
    ).all()
    pending: list[dict[str, object]] = []
    for at, action, entity, entity_id, changes in rows:
        data = json.loads(changes or "{}")
        pending += field_history.rows_from_audit(at, action, entity, entity_id,
                                                 data if isinstance(data, dict) else {})
    # Archived sheets are gone from ``sheets``; their entries stay in the trail.
    sheets = sa.table("sheets", sa.column("id", sa.Integer()))
    wanted = sorted({int(str(row["sheet_id"])) for row in pending})
    live: set[int] = set()
    for start in range(0, len(wanted), _BATCH):
        live.update(conn.execute(sa.select(sheets.c.id).where(
            sheets.c.id.in_(wanted[start:start + _BATCH]))).scalars())
    pending = [row for row in pending if row["sheet_id"] in live]
    for start in range(0, len(pending), _BATCH):
        op.bulk_insert(history, pending[start:start + _BATCH])


def downgrade() -> None:
    op.drop_index("ix_sheet_field_history_field_at", table_name="sheet_field_history")
    op.drop_index("ix_sheet_field_history_sheet", table_name="sheet_field_history")
    op.drop_table("sheet_field_history")
