"""Sheet essentials (issue 11): full-text search over what a sheet says, attachments.

- ``sheet_texts``: one row per sheet, the complaint, request, root cause, correction,
  measure and progress notes joined; filled here for the sheets already stored.
  SQLite: an FTS5 ``trigram`` table over it (external content, three small triggers);
  PostgreSQL: ``pg_trgm`` and a GIN index on its body.
- ``attachment_blobs`` (bytes, once per sha256) and ``sheet_attachments`` (a sheet's files).
- ``order_visits``: the first return visit after a delivery (CRM preset).

Revision ID: i11_sheet_essentials
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpdesk.storage import fulltext

revision: str = "i11_sheet_essentials"
down_revision: str | None = "i15_customer_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE sheet_fts USING fts5(body, content='sheet_texts', "
    "content_rowid='sheet_id', tokenize='trigram')",
    "CREATE TRIGGER sheet_texts_ai AFTER INSERT ON sheet_texts BEGIN "
    "INSERT INTO sheet_fts(rowid, body) VALUES (new.sheet_id, new.body); END",
    "CREATE TRIGGER sheet_texts_ad AFTER DELETE ON sheet_texts BEGIN "
    "INSERT INTO sheet_fts(sheet_fts, rowid, body) VALUES ('delete', old.sheet_id, old.body); "
    "END",
    "CREATE TRIGGER sheet_texts_au AFTER UPDATE ON sheet_texts BEGIN "
    "INSERT INTO sheet_fts(sheet_fts, rowid, body) VALUES ('delete', old.sheet_id, old.body); "
    "INSERT INTO sheet_fts(rowid, body) VALUES (new.sheet_id, new.body); END",
    # Its vocabulary: the trigrams that begin with a two-character query.
    "CREATE VIRTUAL TABLE sheet_fts_vocab USING fts5vocab(sheet_fts, 'row')",
)
_SQLITE_DROP = (
    "DROP TABLE IF EXISTS sheet_fts_vocab",
    "DROP TRIGGER IF EXISTS sheet_texts_ai",
    "DROP TRIGGER IF EXISTS sheet_texts_ad",
    "DROP TRIGGER IF EXISTS sheet_texts_au",
    "DROP TABLE IF EXISTS sheet_fts",
)
_POSTGRES_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_sheet_texts_body_trgm ON sheet_texts USING gin (body gin_trgm_ops)",
)


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    op.create_table(
        "sheet_texts",
        sa.Column("sheet_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["sheet_id"], ["sheets.id"],
                                name=op.f("fk_sheet_texts_sheet_id_sheets")),
        sa.PrimaryKeyConstraint("sheet_id", name=op.f("pk_sheet_texts")),
    )
    op.create_table(
        "attachment_blobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_blobs")),
        sa.UniqueConstraint("sha256", name=op.f("uq_attachment_blobs_sha256")),
    )
    op.create_table(
        "sheet_attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("blob_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["added_by_id"], ["users.id"],
                                name=op.f("fk_sheet_attachments_added_by_id_users")),
        sa.ForeignKeyConstraint(["blob_id"], ["attachment_blobs.id"],
                                name=op.f("fk_sheet_attachments_blob_id_attachment_blobs")),
        sa.ForeignKeyConstraint(["sheet_id"], ["sheets.id"],
                                name=op.f("fk_sheet_attachments_sheet_id_sheets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_attachments")),
    )
    op.create_index(op.f("ix_sheet_attachments_sheet_id"), "sheet_attachments", ["sheet_id"])
    op.create_index(op.f("ix_sheet_attachments_blob_id"), "sheet_attachments", ["blob_id"])
    op.create_table(
        "order_visits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_order_visits_by_id_users")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_order_visits_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_visits")),
        sa.UniqueConstraint("order_id", name=op.f("uq_order_visits_order_id")),
    )
    for statement in _POSTGRES_DDL if _is_postgres() else _SQLITE_DDL:
        op.execute(statement)
    fulltext.refresh(op.get_bind(), None)


def downgrade() -> None:
    if _is_postgres():
        op.execute("DROP INDEX IF EXISTS ix_sheet_texts_body_trgm")
    else:
        for statement in _SQLITE_DROP:
            op.execute(statement)
    op.drop_index(op.f("ix_sheet_attachments_blob_id"), table_name="sheet_attachments")
    op.drop_index(op.f("ix_sheet_attachments_sheet_id"), table_name="sheet_attachments")
    op.drop_table("order_visits")
    op.drop_table("sheet_attachments")
    op.drop_table("attachment_blobs")
    op.drop_table("sheet_texts")
