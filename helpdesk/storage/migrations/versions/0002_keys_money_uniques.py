"""Binary collation for searched keys, 64-bit money, unique VIN and order number,
report indexes, and a TRUNCATE guard for the audit trail.

- PostgreSQL compares text by the database's collation; prefix searches are range scans
  (key >= q AND key < q + U+10FFFF), which only work byte-wise: search_keys.key and
  sheets.number become COLLATE "C" (the index is rebuilt with the column).
- Money is integer fen: 2^31 fen is only ¥21 million, so PostgreSQL gets BIGINT. SQLite's
  INTEGER is already 64-bit; its tables are left alone (no rebuild of a million rows).
- One vehicle per VIN, one order per number, enforced by the database, so two desks
  saving the same one at the same moment cannot both succeed.
- The monthly report reads sheets by closing time and visits by date.
- PostgreSQL's row triggers do not fire on TRUNCATE; a statement trigger refuses it too.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _is_postgres():
        op.alter_column("search_keys", "key", type_=sa.String(120, collation="C"),
                        existing_type=sa.String(120), existing_nullable=False)
        op.alter_column("sheets", "number", type_=sa.String(32, collation="C"),
                        existing_type=sa.String(32), existing_nullable=False)
        op.alter_column("orders", "amount_cents", type_=sa.BigInteger(),
                        existing_type=sa.Integer(), existing_nullable=False)
        op.alter_column("sheets", "compensation_cents", type_=sa.BigInteger(),
                        existing_type=sa.Integer(), existing_nullable=False)
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION helpdesk_audit_append_only()"
        )
    op.drop_index("ix_vehicles_vin", table_name="vehicles")
    op.create_index("ix_vehicles_vin", "vehicles", ["vin"], unique=True)
    op.drop_index("ix_orders_number", table_name="orders")
    op.create_index("ix_orders_number", "orders", ["number"], unique=True)
    op.create_index("ix_sheets_closed", "sheets", ["closed_at"])
    op.create_index("ix_sheet_visits_visited", "sheet_visits", ["visited_at"])


def downgrade() -> None:
    op.drop_index("ix_sheet_visits_visited", table_name="sheet_visits")
    op.drop_index("ix_sheets_closed", table_name="sheets")
    op.drop_index("ix_orders_number", table_name="orders")
    op.create_index("ix_orders_number", "orders", ["number"])
    op.drop_index("ix_vehicles_vin", table_name="vehicles")
    op.create_index("ix_vehicles_vin", "vehicles", ["vin"])
    if _is_postgres():
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.alter_column("sheets", "compensation_cents", type_=sa.Integer(),
                        existing_type=sa.BigInteger(), existing_nullable=False)
        op.alter_column("orders", "amount_cents", type_=sa.Integer(),
                        existing_type=sa.BigInteger(), existing_nullable=False)
        op.alter_column("sheets", "number", type_=sa.String(32),
                        existing_type=sa.String(32, collation="C"), existing_nullable=False)
        op.alter_column("search_keys", "key", type_=sa.String(120),
                        existing_type=sa.String(120, collation="C"), existing_nullable=False)
