"""The complaint list in SQL: filtered, sorted ids in one query; rows by pages.

Following the "big tables" rule of STYLE.md: the list never loads a million objects,
it asks for the ids (one indexed query) and then for the few hundred rows on screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators

from helpdesk.domain import text as text_mod
from helpdesk.domain.complaints import OPEN_STATES, SheetState, parse_number_tail
from helpdesk.domain.filters import DueFilter, SheetFilter, SheetSort
from helpdesk.storage import deadline_sql, fulltext, prepared, search, tables

s = tables.sheets
_RUNNING = [st.value for st in OPEN_STATES if st is not SheetState.WAITING]
_NOT_CLOSED = [st.value for st in SheetState if st is not SheetState.CLOSED]


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """A deadline has passed and its step is not done (the one rule, see deadline_sql)."""
    return deadline_sql.overdue(deadline_sql.sheet_columns(), now)


def number_tail_candidates(session: Session, query: str) -> list[str]:
    """The sheet numbers ``query`` can be the tail of (421 → TS-2026-000421, TS-2025-000421),
    from the stores' used (code, year) pairs: an IN list the number index answers."""
    tail = parse_number_tail(query)
    if tail is None:
        return []
    c, st = tables.sheet_counters, tables.stores
    pairs = session.execute(select(st.c.code, c.c.year).join(st, st.c.id == c.c.store_id))
    return tail.candidates((str(code), int(year)) for code, year in pairs)


def _conditions(f: SheetFilter, now: datetime,
                session: Session | None = None,
                probe: bool | None = None) -> list[ColumnElement[bool]]:
    """The filter as conditions on ``sheets``. ``probe``: test each sheet against the
    text matches instead of visiting the matches (``fulltext.matches``); by default
    when the closed sheets — nearly all of them, in a store of some years — are left
    out, so the few others are read by their state's index."""
    if probe is None:
        probe = not f.include_closed if not f.states else SheetState.CLOSED not in f.states
    where: list[ColumnElement[bool]] = []
    if f.states:
        where.append(s.c.state.in_([st.value for st in f.states]))
    elif not f.include_closed:
        # IN, not "!= closed": an inequality cannot use ix_sheets_state_received, and
        # at a million sheets the scan took seconds instead of milliseconds.
        where.append(s.c.state.in_(_NOT_CLOSED))
    if f.channels:
        where.append(s.c.channel.in_([c.value for c in f.channels]))
    if f.severities:
        where.append(s.c.severity.in_([v.value for v in f.severities]))
    if f.categories:
        where.append(s.c.category.in_(sorted(f.categories)))
    if f.store_ids:
        where.append(s.c.store_id.in_(sorted(f.store_ids)))
    if f.responsible_user_id is not None:
        where.append(s.c.responsible_user_id == f.responsible_user_id)
    if f.received_by_id is not None:  # issue 9: "registered by me"
        where.append(s.c.received_by_id == f.received_by_id)
    if f.customer_id is not None:
        where.append(s.c.customer_id == f.customer_id)
    if f.received_from is not None:
        where.append(s.c.received_at >= f.received_from)
    if f.received_to is not None:
        where.append(s.c.received_at < f.received_to)
    if f.due is DueFilter.OVERDUE:
        where.append(overdue_condition(now))
    elif f.due is DueFilter.DUE_TODAY:
        where.append(deadline_sql.due_today(deadline_sql.sheet_columns(), now))
    elif f.due is DueFilter.UPDATE_DUE:  # issue 11
        where.append(deadline_sql.progress_update_overdue(f.progress_update_every, now))
    text = f.text.strip()
    if text:
        if session is not None and fulltext.usable(text) and probe:
            # Tested against sets of ids, like the text: the list's index alone is
            # read, never the rows it skips (their number or customer).
            found = select(_other.c.id).where(or_(*_found_otherwise(text, session, _other)))
            alternatives: list[ColumnElement[bool]] = [(s.c.id + 0).in_(found)]
        else:
            alternatives = _found_otherwise(text, session)
        if session is not None and fulltext.usable(text):  # issue 11: the sheets' text
            alternatives.append(fulltext.matches(session, text, probe=probe))
        where.append(or_(*alternatives))
    return where


_other = s.alias("found")


def _found_otherwise(text: str, session: Session | None,
                     table: Any = s) -> list[ColumnElement[bool]]:
    """What the quick search finds besides the text: the number (its start, or its tail
    — issue 11) and the customers found (conditions on ``table``, the sheets)."""
    # Sheet numbers keep their dashes (TS-2026-000123): fold width and case only.
    number = text_mod.fold_width(text).replace(" ", "").upper()
    alternatives: list[ColumnElement[bool]] = [
        and_(table.c.number >= number, table.c.number < number + "\U0010ffff")
    ]
    # issue 15: every matching customer, as a subquery — never a capped id list.
    customers = search.matching_customer_ids(text)
    if customers is not None:
        alternatives.append(table.c.customer_id.in_(customers))
    if session is not None:
        tails = number_tail_candidates(session, text)
        if tails:
            alternatives.append(table.c.number.in_(tails))
    return alternatives


def order_by(f: SheetFilter) -> list[ColumnElement[Any]]:
    """The list's order for the filter's sort (ties broken by id, so it is total)."""
    if f.sort is SheetSort.RECEIVED_ASC:
        return [s.c.received_at.asc(), s.c.id.asc()]
    if f.sort is SheetSort.NUMBER:
        return [s.c.number.asc(), s.c.id.asc()]
    if f.sort is SheetSort.DUE:
        # The deadline that matters next: the response while unanswered, else the
        # resolution; sheets already resolved have none and go last.
        next_due = case(
            (s.c.state == SheetState.REGISTERED.value, s.c.response_due_at),
            (s.c.state.in_(_RUNNING), s.c.resolution_due_at),
            else_=None,
        )
        return [next_due.is_(None).asc(), next_due.asc(), s.c.id.asc()]
    return [s.c.received_at.desc(), s.c.id.desc()]


def _reversed(order: list[ColumnElement[Any]]) -> list[ColumnElement[Any]]:
    flipped: list[ColumnElement[Any]] = []
    for clause in order:
        element = clause.element
        is_desc = clause.modifier is operators.desc_op
        flipped.append(element.asc() if is_desc else element.desc())
    return flipped


#: Matches per sheet of the window above which walking the list's order wins.
PROBE_FROM = 5


def search_ids(session: Session, f: SheetFilter, now: datetime,
               limit: int | None = None,
               offset: int = 0, *, from_end: bool = False) -> list[int]:
    """Ids in the list's order; ``from_end``: counted from the last one backwards
    (row ``offset`` from the end first), so the end of a long list costs no more than
    its start."""
    order = order_by(f)
    # issue 11: a window of a frequent word among all sheets walks the list's order and
    # tests each sheet (stopping at the window's end) instead of sorting every match.
    probe = True if limit is not None and f.text.strip() and fulltext.usable(f.text) \
        and fulltext.many(session, f.text, PROBE_FROM * limit) else None
    stmt = select(s.c.id).where(*_conditions(f, now, session, probe)) \
        .order_by(*(_reversed(order) if from_end else order))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    # On the session's Core connection, fetched at once (one fetchall, not a fetchone a
    # row): many ints without building ORM rows.
    return list(session.connection().execute(stmt).scalars().all())


def count(session: Session, f: SheetFilter, now: datetime) -> int:
    """How many sheets the filter finds."""
    found = _count_by_text_alone(session, f)
    if found is not None:
        return found
    stmt = select(func.count()).select_from(s).where(
        *_conditions(f, now, session))
    return int(session.execute(stmt).scalar_one())


def _count_by_text_alone(session: Session, f: SheetFilter) -> int | None:
    """All sheets searched by the quick search alone (issue 11), on SQLite: the text
    matches counted in the FTS5 index, plus the sheets found otherwise that do not
    match — instead of visiting every match (a frequent word: 70,000 of a million).
    None when the filter is not that, or the index cannot answer the text."""
    text = f.text.strip()
    if not text or not fulltext.usable(text) or \
            dataclasses.replace(f, text="", sort=SheetFilter().sort) != SheetFilter():
        return None
    matching = fulltext.count(session, text)
    if matching is None:
        return None
    others = select(func.count()).select_from(s).where(
        or_(*_found_otherwise(text, session)),
        not_(fulltext.matches(session, text, probe=True)))
    return matching + int(session.execute(others).scalar_one())


def floor_sql(f: SheetFilter, now: datetime) -> tuple[str, str, str]:
    """The filter's WHERE, ORDER BY and reversed ORDER BY as SQLite text (values
    inlined), for ``scripts/benchmark.py`` to run the same query in plain sqlite3."""
    from sqlalchemy.dialects import sqlite

    def text(*clauses: ColumnElement[Any]) -> str:
        return ", ".join(str(c.compile(dialect=sqlite.dialect(),
                                       compile_kwargs={"literal_binds": True}))
                         for c in clauses)

    where = and_(true(), *_conditions(f, now))
    order = order_by(f)
    return text(where), text(*order), text(*_reversed(order))


ROW_COLUMNS = (
    s.c.id, s.c.number, s.c.received_at, s.c.customer_name, s.c.channel, s.c.severity,
    s.c.category, s.c.state, s.c.response_due_at, s.c.resolution_due_at,
    s.c.acknowledged_at, s.c.resolved_at, s.c.store_id, s.c.version,
    deadline_sql.open_wait_start(s.c.id).label("waiting_since"),
    deadline_sql.last_notified_at(s.c.id).label("last_notified_at"),  # issue 11
)


def rows(link: prepared.DriverLink, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The list columns of the given sheets (any order), with plate/order and the
    responsible person's name joined in."""
    result = []
    for chunk in _id_lists(ids):
        for data in _ROWS.dicts(link, {"ids": chunk}):
            plate, vin, order_number = (data.pop("plate"), data.pop("vin"),
                                        data.pop("order_number"))
            data["plate_or_order"] = plate or order_number or vin or ""
            data["responsible_name"] = data["responsible_name"] or ""
            data["first_line"] = text_mod.first_line(data.pop("description_head") or "")
            result.append(data)
    return result


ROWS_AT_ONCE = (8, 32, 200)
"""The lengths of the id lists :func:`rows` runs its statement with (the list's page is
200): each length is one prepared shape, so a caller asking for every open sheet (the
tray's count, thousands of ids, a different number after every save) adds none."""


def _id_lists(ids: Sequence[int]) -> Iterator[list[int]]:
    """``ids`` in lists of the lengths in ``ROWS_AT_ONCE``, the last one filled up with
    its own last id (a repeated id in ``IN`` finds its sheet once)."""
    wanted = list(dict.fromkeys(ids))
    most = ROWS_AT_ONCE[-1]
    for start in range(0, len(wanted), most):
        chunk = wanted[start:start + most]
        size = next(n for n in ROWS_AT_ONCE if n >= len(chunk))
        yield chunk + chunk[-1:] * (size - len(chunk))


def _rows_statement() -> Select[Any]:
    """The statement of :func:`rows` (prepared once per length of its id list: every
    page of the list runs it)."""
    v, o, u = tables.vehicles, tables.orders, tables.users
    return (
        select(*ROW_COLUMNS, v.c.plate, v.c.vin, o.c.number.label("order_number"),
               u.c.display_name.label("responsible_name"),
               func.substr(s.c.description, 1, 400).label("description_head"))
        .select_from(s)
        .outerjoin(v, v.c.id == s.c.vehicle_id)
        .outerjoin(o, o.c.id == s.c.order_id)
        .outerjoin(u, u.c.id == s.c.responsible_user_id)
        .where(s.c.id.in_(bindparam("ids", expanding=True)))
    )


# Prepared (issue 13): SQLAlchemy's execution of the 200 ids of a page (expanding the
# IN, processing each value) cost more than SQLite's reading of the rows.
_ROWS = prepared.Prepared(_rows_statement)
