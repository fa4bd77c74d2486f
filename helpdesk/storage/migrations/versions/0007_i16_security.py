"""A hash chain through the audit trail, under a key of this store.

- ``audit_log.chain``: HMAC-SHA-256 of the previous entry's chain and the entry's
  content (``helpdesk.domain.audit.chain_hash``), so a rewritten, removed or inserted
  entry shows in ``helpdesk check`` even where the append-only triggers were dropped
  or bypassed (SQLite's ``REPLACE``).
- ``settings.audit_chain_key``: the store's random key, made here.
- The existing entries are chained in id order (the append-only triggers are lifted
  for that one UPDATE and put back).

Revision ID: i16_security
Revises: 0002
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpdesk.domain import audit

revision: str = "i16_security"
down_revision: str | None = "i9_live_desks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_SETTING = "audit_chain_key"


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _drop_update_guard() -> None:
    if _is_postgres():
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")


def _make_update_guard() -> None:
    if _is_postgres():
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION helpdesk_audit_append_only()")
    else:
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    key = secrets.token_hex(32)
    bind.execute(sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                 {"k": KEY_SETTING, "v": json.dumps(key)})
    # Typed columns: SQLite hands back its text timestamps as datetimes, as the ORM does.
    log = sa.table("audit_log", sa.column("id", sa.Integer), sa.column("at", sa.DateTime),
                   sa.column("user_id", sa.Integer), sa.column("username", sa.String),
                   sa.column("action", sa.String), sa.column("entity", sa.String),
                   sa.column("entity_id", sa.Integer), sa.column("changes", sa.Text),
                   sa.column("note", sa.Text))
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    if not rows:
        return
    entries = []
    for row in rows:
        entries.append(audit.AuditEntry(
            at=row["at"], user_id=row["user_id"], username=row["username"], action=row["action"],
            entity=row["entity"], entity_id=row["entity_id"], changes=row["changes"],
            note=row["note"], id=row["id"]))
    audit.link(key.encode("ascii"), audit.CHAIN_START, entries)
    _drop_update_guard()
    bind.execute(sa.text("UPDATE audit_log SET chain = :chain WHERE id = :id"),
                 [{"chain": e.chain, "id": e.id} for e in entries])
    _make_update_guard()


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": KEY_SETTING})
    _drop_update_guard()
    with op.batch_alter_table("audit_log", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("chain")
    _make_update_guard()
