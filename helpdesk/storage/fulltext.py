"""Full-text search over what a sheet says (全文检索).

``sheet_texts`` holds one row per sheet: the complaint, the customer's request, the root
cause, the correction, the long-term measure and every progress note, joined by line
breaks. It is refreshed after every flush that touched a sheet (``after_flush``) and
rebuilt in one statement after a bulk load, so no database trigger has to walk the
progress table row by row during a million-sheet load.

- **SQLite**: an FTS5 table with the ``trigram`` tokenizer over ``sheet_texts`` (external
  content, kept in step by three small triggers on ``sheet_texts``). Trigrams need
  Chinese no word segmentation: "空调异味" finds "车内空调有异味吗" through its trigrams.
- **PostgreSQL**: a ``pg_trgm`` GIN index on ``sheet_texts.body``; ``ILIKE '%q%'`` uses it.

A trigram index cannot answer a query shorter than three characters, and two-character
words are most Chinese words (异味, 异响, 漏油). Those are answered by ``LIKE`` over the
same text, correlated to the sheets the other filters already chose (by default the open
ones, a few thousand): the cost is a scan of those rows' text, not of the archive. A
bigram index would answer them from an index but doubles the index for a rare query; the
benchmark in the issue notes shows the LIKE path's cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    column,
    exists,
    func,
    literal,
    select,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from helpdesk.domain.complaints import ProgressEntry, Sheet
from helpdesk.storage import tables

#: Tables the SQLite FTS5 index consists of (not in ``tables.metadata``).
FTS_TABLE = "sheet_fts"
#: The PostgreSQL trigram index (not in ``tables.metadata``: SQLite has no GIN).
TRGM_INDEX = "ix_sheet_texts_body_trgm"
#: Queries at least this long use the trigram index.
TRIGRAM = 3

_NL = "\n"


def is_index_object(name: str | None) -> bool:
    """Whether a table/index name belongs to the full-text index (kept out of
    ``tables.metadata``; the schema comparison skips them)."""
    return bool(name) and (str(name).startswith(FTS_TABLE) or name == TRGM_INDEX)


# ------------------------------------------------------------------ keeping it current
def _body(dialect: str) -> ColumnElement[Any]:
    s, p = tables.sheets, tables.sheet_progress
    notes = (func.string_agg(p.c.text, literal(_NL)) if dialect == "postgresql"
             else func.group_concat(p.c.text, _NL))
    progress = select(notes).where(p.c.sheet_id == s.c.id).scalar_subquery()
    parts: list[ColumnElement[Any]] = [s.c.description, s.c.customer_request, s.c.root_cause,
                                       s.c.correction, s.c.long_term_measure]
    body: ColumnElement[Any] = parts[0]
    for part in parts[1:]:
        body = body + _NL + part
    return body + _NL + func.coalesce(progress, "")


def refresh(connection: Connection | Session, sheet_ids: Iterable[int] | None) -> None:
    """Rewrite the text rows of ``sheet_ids`` (all sheets when None)."""
    ids = None if sheet_ids is None else sorted(set(sheet_ids))
    if ids == []:
        return
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    dialect = bind.dialect.name
    st, s = tables.sheet_texts, tables.sheets
    chunks: list[Sequence[int] | None] = (
        [None] if ids is None else [ids[i:i + 500] for i in range(0, len(ids), 500)])
    builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    for chunk in chunks:
        # SQLite needs a WHERE in an INSERT … SELECT … ON CONFLICT (a parsing ambiguity).
        source = select(s.c.id, _body(dialect)).where(
            true() if chunk is None else s.c.id.in_(chunk))
        upsert = builder(st).from_select(["sheet_id", "body"], source)
        # An upsert, not delete-and-insert: no use case ever deletes a row.
        connection.execute(upsert.on_conflict_do_update(
            index_elements=[st.c.sheet_id], set_={"body": upsert.excluded.body}))


def after_flush(session: Session, _context: object) -> None:
    """Session hook: refresh the text of every sheet this flush wrote (new, changed, or
    given a progress note)."""
    ids: set[int] = set()
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Sheet) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, ProgressEntry):
            sheet_id = getattr(obj, "sheet_id", None)
            if isinstance(sheet_id, int):
                ids.add(sheet_id)
    if ids:
        refresh(session, ids)


# ------------------------------------------------------------------ searching
def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def usable(query: str) -> bool:
    """A text search needs at least two characters (one matches almost everything)."""
    return len(query.strip()) >= 2


def matches(dialect: str, query: str) -> ColumnElement[bool]:
    """A condition on ``sheets`` true when the sheet's text contains ``query``."""
    q = query.strip()
    s, st = tables.sheets, tables.sheet_texts
    if dialect == "sqlite" and len(q) >= TRIGRAM:
        phrase = '"' + q.replace('"', '""') + '"'
        found = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q") \
            .bindparams(fts_q=phrase).columns(column("rowid", Integer))
        return s.c.id.in_(found)
    like = (st.c.body.ilike(_like_pattern(q), escape="\\") if dialect == "postgresql"
            else st.c.body.like(_like_pattern(q), escape="\\"))
    if len(q) >= TRIGRAM:  # PostgreSQL: the GIN index drives
        return s.c.id.in_(select(st.c.sheet_id).where(like))
    return exists(select(literal(1)).where(and_(st.c.sheet_id == s.c.id, like)))


def snippets(session: Session, ids: Sequence[int], query: str,
             width: int = 18) -> dict[int, tuple[str, str, str]]:
    """For each sheet whose text contains ``query``: (before, match, after) around the
    first occurrence, on one line, cut to ``width`` characters each side."""
    q = query.strip().casefold()
    if not ids or not q:
        return {}
    st = tables.sheet_texts
    out: dict[int, tuple[str, str, str]] = {}
    for sheet_id, body in session.execute(
            select(st.c.sheet_id, st.c.body).where(st.c.sheet_id.in_(list(ids)))):
        flat = " ".join(str(body or "").split())
        at = flat.casefold().find(q)
        if at < 0:
            continue
        end = at + len(q)
        before = flat[max(0, at - width):at]
        after = flat[end:end + width]
        out[sheet_id] = (("…" if at > width else "") + before, flat[at:end],
                         after + ("…" if end + width < len(flat) else ""))
    return out
