"""Indexes holding every column of the monthly report's month scans (issue 12).

``ix_sheets_received_figures`` (received time, store, severity, the response and
resolution instants, deadlines and minutes, state, closed time): the report counts each
of thirteen months (the month, the one before, ten more of the trend and the same month
a year ago) and ranks two months' durations; with this index those scans read the index
alone instead of each sheet's row, which holds the long texts (about 12 % of the
report's CPU time on the busiest month of the large demo).

``ix_sheet_actions_done_due`` (done time, due date, creation time) replaces
``ix_sheet_actions_done`` (its first column): the corrective actions carried over into a
month (not done at its end, created and due before it; tens of thousands in the large
demo) are counted from it alone.

Revision ID: i12_report_month_figures
Revises: i12_asat_received_customer
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "i12_report_month_figures"
down_revision: str | None = "i12_asat_received_customer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sheets_received_figures", "sheets",
                    ["received_at", "store_id", "severity", "acknowledged_at",
                     "response_due_at", "resolution_due_at", "resolved_at",
                     "response_minutes", "resolution_minutes", "state", "closed_at"])
    op.drop_index("ix_sheet_actions_done", table_name="sheet_actions")
    op.create_index("ix_sheet_actions_done_due", "sheet_actions",
                    ["done_at", "due_date", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_sheet_actions_done_due", table_name="sheet_actions")
    op.create_index("ix_sheet_actions_done", "sheet_actions", ["done_at"])
    op.drop_index("ix_sheets_received_figures", table_name="sheets")
