"""Vehicles known by a partial VIN or by brand/model only (issue 10).

Paper ledgers keep 车架号后8位 (the VIN's last 8 characters), older ledgers 11
characters, many only the brand and model. ``vehicles.vin`` keeps what is known, as it
was written: 17 characters (a whole, checked VIN), fewer (a partial VIN, never padded
and never run through the check digit), or ``""`` (none). Completeness is the length
(``validation.vin_is_complete``), so no column is added; only whole VINs stay unique:
the unique index becomes partial, ``WHERE length(vin) = 17``, on SQLite and PostgreSQL.

Going back refuses while a vehicle has a partial VIN or none: the older schema would
make them unique and its program would refuse to edit them.

Revision ID: i10_partial_vins
Revises: i12_field_history
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i10_partial_vins"
down_revision: str | None = "i12_field_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHOLE = sa.text("length(vin) = 17")


def upgrade() -> None:
    op.drop_index("ix_vehicles_vin", table_name="vehicles")
    op.create_index("ix_vehicles_vin", "vehicles", ["vin"], unique=True,
                    sqlite_where=_WHOLE, postgresql_where=_WHOLE)


def downgrade() -> None:
    partial = op.get_bind().execute(
        sa.text("SELECT count(*) FROM vehicles WHERE length(vin) <> 17")).scalar_one()
    if partial:
        raise RuntimeError(
            f"{partial} vehicles have a partial VIN or none; the older schema cannot keep "
            "them. Complete or remove them first.")
    op.drop_index("ix_vehicles_vin", table_name="vehicles")
    op.create_index("ix_vehicles_vin", "vehicles", ["vin"], unique=True)
