"""An index of the customers' name sort keys; a customer's sheets indexed with their
state (issue 13).

The customer list sorts names by each customer's ``sort`` search key (the name's pinyin,
then the name: see ``storage.search.SORT``). With only the index on ``(key, kind)``,
sorting every customer by name read each customer's keys and sorted them all in a
temporary tree (2–5 s at 200,000 customers). A partial index holding just the sort keys,
in order, lets the database read the list in name order instead.

``ix_sheets_customer`` gains the state: the list's "open complaints" and "last
complaint" of a page of customers are then read from the index alone, not from a
thousand sheet rows scattered over the file.

Revision ID: i13_list_indexes
Revises: i10_partial_vins
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i13_list_indexes"
down_revision: str | None = "i10_partial_vins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ONLY_SORT_KEYS = sa.text("kind = 'sort'")


def upgrade() -> None:
    op.create_index("ix_search_keys_sort", "search_keys", ["key", "customer_id"],
                    sqlite_where=_ONLY_SORT_KEYS, postgresql_where=_ONLY_SORT_KEYS)
    op.drop_index("ix_sheets_customer", table_name="sheets")
    op.create_index("ix_sheets_customer", "sheets", ["customer_id", "received_at", "state"])


def downgrade() -> None:
    op.drop_index("ix_sheets_customer", table_name="sheets")
    op.create_index("ix_sheets_customer", "sheets", ["customer_id", "received_at"])
    op.drop_index("ix_search_keys_sort", table_name="search_keys")
