"""The customer's resident ID number (身份证号, issue 15).

``customers.national_id``: the 18-character number (GB 11643, upper-case X; an old
15-digit number is stored in its 18-character form), or empty when not known. Not
unique: two records with one number are the same person, suggested for merging on the
duplicates page ("same ID number") rather than refused at the desk; the index serves
that grouping.

Revision ID: i15_national_id
Revises: i16_security
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i15_national_id"
down_revision: str | None = "i16_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("national_id", sa.String(length=18), nullable=False,
                                      server_default=""))
        batch_op.create_index("ix_customers_national_id", ["national_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_national_id")
        batch_op.drop_column("national_id")
