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

A trigram index cannot match a query shorter than three characters directly, and
two-character words are most Chinese words (异味, 异响, 漏油). On SQLite each occurrence of
two characters begins a trigram (the text ends in a line break), so the trigrams that
begin with them — read from the index's own vocabulary (``fts5vocab``), a range scan of
its sorted terms — ORed together find exactly the sheets a ``LIKE`` would, from the index
(no second, bigram index needed). On PostgreSQL, and for a pair with very many trigrams,
``LIKE`` over the same text runs, correlated to the sheets the other filters chose.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    bindparam,
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
from helpdesk.storage import prepared, tables

#: Tables the SQLite FTS5 index consists of (not in ``tables.metadata``).
FTS_TABLE = "sheet_fts"
#: The PostgreSQL trigram index (not in ``tables.metadata``: SQLite has no GIN).
TRGM_INDEX = "ix_sheet_texts_body_trgm"
#: Queries at least this long use the trigram index.
TRIGRAM = 3
#: The FTS5 vocabulary of the index (SQLite): the trigrams that occur.
VOCAB_TABLE = "sheet_fts_vocab"
#: A two-character query ORs at most this many trigrams (else it falls back to LIKE).
MAX_PAIR_TERMS = 2000

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
    # The closing line break gives every two characters a trigram that starts with them
    # (see matches()), even at the very end.
    return body + _NL + func.coalesce(progress, "") + _NL


def refresh(connection: Connection | Session, sheet_ids: Iterable[int] | None) -> None:
    """Rewrite the text rows of ``sheet_ids`` (all sheets when None)."""
    ids = None if sheet_ids is None else sorted(set(sheet_ids))
    if ids == []:
        return
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    dialect = bind.dialect.name
    if ids is None:
        connection.execute(_upsert(dialect, "every"))
        return
    for i in range(0, len(ids), 500):
        connection.execute(_upsert(dialect, "ids"), {"ids": ids[i:i + 500]})


def refresh_span(connection: Connection, first: int, last: int) -> None:
    """Rewrite the text rows of the sheets with ids ``first`` to ``last`` (a bulk load's
    batch, in one statement: the full-text index takes one batch as one write)."""
    connection.execute(_upsert(connection.dialect.name, "span"),
                       {"first": first, "last": last})


def progress_indexes() -> list[str]:
    """The indexes a refresh reads progress notes by (each sheet's, by ``sheet_id``)."""
    p = tables.sheet_progress
    return [str(index.name) for index in p.indexes
            if [c.name for c in index.columns] == [p.c.sheet_id.name]]


def refresh_one(link: prepared.DriverLink, sheet_id: int) -> None:
    """Write the text row of one sheet (a registration's: one prepared statement)."""
    _upsert_one(link.driver()[1].name).rows(link, {"sheet_id": sheet_id})


@functools.cache
def _upsert_one(dialect: str) -> prepared.Prepared:
    return prepared.Prepared(_upsert(dialect, "one"))


@functools.cache
def _upsert(dialect: str, which: str) -> Any:
    """The text rows' upsert, built once per dialect (a sheet's save runs it each time):
    of ``every`` sheet, of the sheets of the expanding parameter ``ids``, of the sheet
    ``sheet_id`` (``one``), or of the ``span`` of ids from ``first`` to ``last``."""
    st, s = tables.sheet_texts, tables.sheets
    builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    # SQLite needs a WHERE in an INSERT … SELECT … ON CONFLICT (a parsing ambiguity).
    condition = {"every": true(),
                 "ids": s.c.id.in_(bindparam("ids", expanding=True)),
                 "one": s.c.id == bindparam("sheet_id"),
                 "span": s.c.id.between(bindparam("first"), bindparam("last"))}[which]
    source = select(s.c.id, _body(dialect)).where(condition)
    upsert = builder(st).from_select(["sheet_id", "body"], source)
    # An upsert, not delete-and-insert: no use case ever deletes a row.
    return upsert.on_conflict_do_update(
        index_elements=[st.c.sheet_id], set_={"body": upsert.excluded.body})


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


def _fts_ids(expression: str) -> Any:
    return text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q") \
        .bindparams(fts_q=expression).columns(column("rowid", Integer))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigrams_starting(session: Session, pair: str) -> list[str] | None:
    """The indexed trigrams that begin with the two characters ``pair`` (from the FTS5
    vocabulary, a range on its sorted terms); None when too many to OR together."""
    folded = pair.lower()  # the tokenizer folds case
    terms = [str(r[0]) for r in session.execute(
        text(f"SELECT term FROM {VOCAB_TABLE} WHERE term >= :lo AND term < :hi LIMIT :n"),
        {"lo": folded, "hi": folded + "\U0010ffff", "n": MAX_PAIR_TERMS + 1})]
    return None if len(terms) > MAX_PAIR_TERMS else terms


def _expression(session: Session, query: str) -> str | None:
    """The FTS5 MATCH expression for ``query`` ("" : nothing can match; None: the index
    cannot answer it, LIKE must)."""
    q = query.strip()
    if len(q) >= TRIGRAM:
        return _quoted(q)
    if len(q) == TRIGRAM - 1:
        # Two characters: every occurrence starts a trigram (the text ends in a line
        # break), so the trigrams that begin with them, from the index's vocabulary,
        # find exactly the sheets LIKE would — from the index (2 ms, not 180 ms, at
        # 100,000 sheets).
        terms = _trigrams_starting(session, q)
        if terms is not None:
            return " OR ".join(_quoted(t) for t in terms)
    return None


def count(session: Session, query: str) -> int | None:
    """How many sheets' text contains ``query``, from the FTS5 index alone (SQLite);
    None where the index cannot answer it."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    expression = _expression(session, query)
    if expression is None:
        return None
    if not expression:
        return 0
    return int(session.execute(text(
        f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q"),
        {"fts_q": expression}).scalar_one())


def many(session: Session, query: str, at_least: int) -> bool:
    """Whether at least ``at_least`` sheets' text contains ``query`` (SQLite: counted
    in the index alone, stopping there — a few milliseconds)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    expression = _expression(session, query)
    if not expression:
        return False
    found = session.execute(text(
        f"SELECT COUNT(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
        f"MATCH :fts_q LIMIT :n)"), {"fts_q": expression, "n": at_least}).scalar_one()
    return int(found) >= at_least


def matches(session: Session, query: str, *, probe: bool = False) -> ColumnElement[bool]:
    """A condition on ``sheets`` true when the sheet's text contains ``query``.

    ``probe`` (SQLite): the sheets are found through the other conditions or the list's
    order (an index), each then looked up in the set of matches — instead of visiting
    every match by rowid and sorting them all. At a million sheets, for the open sheets
    or the first window of a frequent word, that is 3 to 10 times faster; for a rare
    word among all sheets it is slower, so the caller chooses."""
    dialect = session.get_bind().dialect.name
    q = query.strip()
    s, st = tables.sheets, tables.sheet_texts
    if dialect == "sqlite":
        expression = _expression(session, q)
        if expression == "":
            return literal(False)
        if expression is not None:
            # "id + 0" is no column: SQLite cannot drive the query by it, only test it.
            target = s.c.id + 0 if probe else s.c.id
            return target.in_(_fts_ids(expression))
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
