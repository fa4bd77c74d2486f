"""Live desks: the change-sequence table through which SQLite desks hear each other,
the linked sheet (a repeat complaint names the earlier one) and an index for the
list's "registered by me".

Every commit that changes something writes one row (what changed, which process) in
the same transaction; the other desks poll ``PRAGMA data_version`` and read the new
rows (``storage/change_feed.py``). PostgreSQL desks use NOTIFY and leave it empty.

Revision ID: i9_live_desks
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i9_live_desks"
down_revision: str | None = "i11_sheet_essentials"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN with its reference: no rebuild of a million-row table (batch mode
        # would copy it).
        op.execute("ALTER TABLE sheets ADD COLUMN linked_sheet_id INTEGER "
                   "CONSTRAINT fk_sheets_linked_sheet_id REFERENCES sheets (id)")
    else:
        op.add_column("sheets", sa.Column("linked_sheet_id", sa.Integer, nullable=True))
        op.create_foreign_key("fk_sheets_linked_sheet_id", "sheets", "sheets",
                              ["linked_sheet_id"], ["id"])
    op.create_index("ix_sheets_received_by", "sheets", ["received_by_id", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_sheets_received_by", table_name="sheets")
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("sheets") as batch:  # rebuilt without the column
            batch.drop_column("linked_sheet_id")
    else:
        op.drop_constraint("fk_sheets_linked_sheet_id", "sheets", type_="foreignkey")
        op.drop_column("sheets", "linked_sheet_id")
    op.drop_table("change_feed")
