"""An index of the customers' name sort keys (issue 13).

The customer list sorts names by each customer's ``sort`` search key (the name's pinyin,
then the name: see ``storage.search.SORT``). With only the index on ``(key, kind)``,
sorting every customer by name read each customer's keys and sorted them all in a
temporary tree (2–5 s at 200,000 customers). A partial index holding just the sort keys,
in order, lets the database read the list in name order instead.

Revision ID: i13_name_sort
Revises: i16_security
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i13_name_sort"
down_revision: str | None = "i16_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ONLY_SORT_KEYS = sa.text("kind = 'sort'")


def upgrade() -> None:
    op.create_index("ix_search_keys_sort", "search_keys", ["key", "customer_id"],
                    sqlite_where=_ONLY_SORT_KEYS, postgresql_where=_ONLY_SORT_KEYS)


def downgrade() -> None:
    op.drop_index("ix_search_keys_sort", table_name="search_keys")
