"""The search keys' index holds the customer too (issue 13).

A customer search is a range scan of ``ix_search_keys_key`` (``key >= q AND key < q +
U+10FFFF``). With only ``(key, kind)`` in the index, every key in the range sent the
database to its row in ``search_keys`` for the customer id: a random read per key,
which for short queries that match thousands of keys (two pinyin initials that also
begin thousands of VINs: ``ls``, ``lb``…) was most of the search. With the customer id
in the index, the scan reads the index alone.

And a VIN is matched by its start only from 9 characters (the maker's code, the
vehicle's description, the check digit): the VIN keys get an index of their own
(``ix_search_keys_vin``) and the covering index leaves them out, so a short search
(``ls``) does not read the tens of thousands of VIN keys that begin with it.

Revision ID: i13_search_covering_key_index
Revises: i12_report_month_figures
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i13_search_covering_key_index"
down_revision: str | None = "i12_report_month_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_KEYS_BUT_VINS = sa.text("kind <> 'vin'")
_VIN_KEYS = sa.text("kind = 'vin'")


def upgrade() -> None:
    op.drop_index("ix_search_keys_key", table_name="search_keys")
    op.create_index("ix_search_keys_key", "search_keys", ["key", "kind", "customer_id"],
                    sqlite_where=_KEYS_BUT_VINS, postgresql_where=_KEYS_BUT_VINS)
    op.create_index("ix_search_keys_vin", "search_keys", ["key", "kind", "customer_id"],
                    sqlite_where=_VIN_KEYS, postgresql_where=_VIN_KEYS)


def downgrade() -> None:
    op.drop_index("ix_search_keys_vin", table_name="search_keys")
    op.drop_index("ix_search_keys_key", table_name="search_keys")
    op.create_index("ix_search_keys_key", "search_keys", ["key", "kind"])
