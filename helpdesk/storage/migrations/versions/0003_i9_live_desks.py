"""Live desks: the change-sequence table through which SQLite desks hear each other.

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
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_feed")
