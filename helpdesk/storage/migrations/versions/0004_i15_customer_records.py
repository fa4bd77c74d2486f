"""Customer records (issue 15): a vehicle can be retired, and the name search keys
cover any part of a name, the common reading of a surname, and the pinyin sort key.

``vehicles.retired_on``: the day a vehicle was sold or scrapped; it stays with its
history and is no longer offered in the complaint form (except on its own sheets).

The search keys of a customer's name are recomputed from the name: new kinds
``namepart`` (every later part of the name: 金满楼 finds 深圳市金满楼) and ``sort`` (the
pinyin the list sorts names by), and the ``py`` keys gain the common reading of a
polyphonic surname (曾国藩: ``cengguofan`` besides ``zengguofan``). No schema change:
only rows of ``search_keys``. The downgrade removes the new kinds and leaves the pinyin
keys as they are (an extra reading finds more, never less).

Revision ID: i15_customer_records
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i15_customer_records"
down_revision: str | None = "i12_issued_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5_000
_NAME_KINDS = ("name", "py", "namepart", "sort")

_customers = sa.table("customers", sa.column("id", sa.Integer), sa.column("name", sa.String),
                      sa.column("kind", sa.String))
_keys = sa.table("search_keys", sa.column("customer_id", sa.Integer),
                 sa.column("kind", sa.String), sa.column("key", sa.String))


def upgrade() -> None:
    # The key rules live in the storage layer; a migration that re-implemented them
    # would drift. Imported here, not at module level, so Alembic's script loading
    # stays cheap.
    from helpdesk.domain.customers import CustomerKind  # noqa: PLC0415
    from helpdesk.storage import search  # noqa: PLC0415

    op.add_column("vehicles", sa.Column("retired_on", sa.Date(), nullable=True))
    bind = op.get_bind()
    bind.execute(sa.delete(_keys).where(_keys.c.kind.in_(_NAME_KINDS)))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(_customers.c.id, _customers.c.name, _customers.c.kind)
            .where(_customers.c.id > last).order_by(_customers.c.id).limit(_BATCH)
        ).all()
        if not rows:
            break
        batch = []
        for customer_id, name, kind in rows:
            for key_kind, key in search.customer_keys(name, CustomerKind(kind)):
                batch.append({"customer_id": customer_id, "kind": key_kind, "key": key})
        if batch:
            bind.execute(sa.insert(_keys), batch)
        last = rows[-1][0]


def downgrade() -> None:
    op.get_bind().execute(sa.delete(_keys).where(_keys.c.kind.in_(("namepart", "sort"))))
    with op.batch_alter_table("vehicles") as batch:
        batch.drop_column("retired_on")
