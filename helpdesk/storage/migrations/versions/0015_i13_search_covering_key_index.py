"""The search keys' index holds the customer too (issue 13).

A customer search is a range scan of ``ix_search_keys_key`` (``key >= q AND key < q +
U+10FFFF``). With only ``(key, kind)`` in the index, every key in the range sent the
database to its row in ``search_keys`` for the customer id: a random read per key,
which for short queries that match thousands of keys (two pinyin initials that also
begin thousands of VINs: ``ls``, ``lb``…) was most of the search. With the customer id
in the index, the scan reads the index alone.

Revision ID: i13_search_covering_key_index
Revises: i12_asat_received_customer
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "i13_search_covering_key_index"
down_revision: str | None = "i12_asat_received_customer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_search_keys_key", table_name="search_keys")
    op.create_index("ix_search_keys_key", "search_keys", ["key", "kind", "customer_id"])


def downgrade() -> None:
    op.drop_index("ix_search_keys_key", table_name="search_keys")
    op.create_index("ix_search_keys_key", "search_keys", ["key", "kind"])
