"""Two indexes the monthly report reads alone (issue 12).

- ``ix_sheet_transitions_action_at``: the reopenings of a month are counted from the
  index (action, instant); with only ``ix_sheet_transitions_at`` every transition of
  the month (about six a sheet) was read from the table to look at its action.
- ``ix_sheets_received_customer``: the repeat complainants of a month group the 90 days
  of sheets before its end by customer; the index holds the three columns they read, so
  the sheets themselves are not read.

Revision ID: i12_report_indexes
Revises: i13_list_indexes
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "i12_report_indexes"
down_revision: str | None = "i13_list_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sheet_transitions_action_at", "sheet_transitions", ["action", "at"])
    op.create_index("ix_sheets_received_customer", "sheets",
                    ["received_at", "customer_id", "store_id"])


def downgrade() -> None:
    op.drop_index("ix_sheets_received_customer", table_name="sheets")
    op.drop_index("ix_sheet_transitions_action_at", table_name="sheet_transitions")
