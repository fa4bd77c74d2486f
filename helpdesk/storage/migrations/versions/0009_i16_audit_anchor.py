"""The audit trail's anchor: how many entries it holds and the last one's chain, signed.

The hash chain shows an entry changed, removed or inserted in the middle; removing the
newest entries leaves a chain that still holds. ``settings.audit_chain_anchor`` (see
``helpdesk.domain.audit.anchor_value``) is moved by every append; ``helpdesk check``
reports a trail shorter than its anchor ("the last K entries are missing"). Written
here for the trail as it is, so a missing anchor is itself a sign of tampering.

Revision ID: i16_audit_anchor
Revises: i15_national_id
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpdesk.domain import audit

revision: str = "i16_audit_anchor"
down_revision: str | None = "i15_national_id"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_SETTING = "audit_chain_key"


def upgrade() -> None:
    bind = op.get_bind()
    raw_key = bind.execute(sa.text("SELECT value FROM settings WHERE key = :k"),
                           {"k": KEY_SETTING}).scalar()
    if raw_key is None:
        return  # no key yet: the first append makes both
    key = str(json.loads(raw_key)).encode("ascii")
    count = int(bind.execute(sa.text("SELECT count(*) FROM audit_log")).scalar() or 0)
    head = bind.execute(sa.text("SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1")
                        ).scalar() or audit.CHAIN_START
    bind.execute(sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                 {"k": audit.ANCHOR_SETTING,
                  "v": json.dumps(audit.anchor_value(key, count, head))})


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM settings WHERE key = :k"),
                          {"k": audit.ANCHOR_SETTING})
