"""Issued monthly reports (issue 12).

A manager issues a month's report: the PDF that was signed and its table of figures are
stored with their SHA-256, so a reprint gives that document and a later regeneration
can say whether, and where, the figures differ.

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


def downgrade() -> None:
    op.drop_table("issued_reports")
