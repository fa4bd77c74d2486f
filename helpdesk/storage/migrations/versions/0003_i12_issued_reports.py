"""Issued monthly reports (issue 12).

A manager issues a month's report: the PDF that was signed and its table of figures are
stored with their SHA-256, so a reprint gives that document and a later regeneration
can say whether, and where, the figures differ.

The month-end figures are read through indexes: the sheets not closed at a cut-off by
(closed_at, received_at); a sheet's state at a cut-off by (sheet_id, at) of its
transitions, a month's reopenings by their time; satisfaction from (visited_at,
satisfaction) alone; a month's corrective actions by created, due, checked and done.

Revision ID: i12_issued_reports
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i12_issued_reports"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "issued_reports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("stores.id"), nullable=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("figures_sha256", sa.String(64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.UniqueConstraint("month", "scope", name="uq_issued_reports_month_scope"),
    )
    op.drop_index("ix_sheets_closed", table_name="sheets")
    op.create_index("ix_sheets_closed_received", "sheets", ["closed_at", "received_at"])
    op.drop_index("ix_sheet_visits_visited", table_name="sheet_visits")
    op.create_index("ix_sheet_visits_visited_score", "sheet_visits",
                    ["visited_at", "satisfaction"])
    op.create_index("ix_sheet_transitions_sheet_at", "sheet_transitions", ["sheet_id", "at"])
    op.create_index("ix_sheet_transitions_at", "sheet_transitions", ["at"])
    for column in ("created_at", "due_date", "checked_at", "done_at"):
        op.create_index(f"ix_sheet_actions_{_ACTION_INDEX[column]}", "sheet_actions",
                        [column])


_ACTION_INDEX = {"created_at": "created", "due_date": "due", "checked_at": "checked",
                 "done_at": "done"}


def downgrade() -> None:
    for name in _ACTION_INDEX.values():
        op.drop_index(f"ix_sheet_actions_{name}", table_name="sheet_actions")
    op.drop_index("ix_sheet_transitions_at", table_name="sheet_transitions")
    op.drop_index("ix_sheet_transitions_sheet_at", table_name="sheet_transitions")
    op.drop_index("ix_sheet_visits_visited_score", table_name="sheet_visits")
    op.create_index("ix_sheet_visits_visited", "sheet_visits", ["visited_at"])
    op.drop_index("ix_sheets_closed_received", table_name="sheets")
    op.create_index("ix_sheets_closed", "sheets", ["closed_at"])
    op.drop_table("issued_reports")
