"""Finding customers fast: the search-key index and the ranked search over it.

Each customer has rows in ``search_keys`` — name, pinyin (full and initials), phone
digits, reversed phone digits, plate, VIN, reversed VIN, order numbers, contacts. A
search is then a couple of indexed range scans (``key >= q AND key < q+1``), which
behaves the same and stays fast on SQLite and PostgreSQL at hundreds of thousands of
customers. Reversed keys turn "the last four digits" or "the VIN's last six" into a
prefix search.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Select,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from helpdesk.domain import search_keys as sk
from helpdesk.domain import validation
from helpdesk.domain.customers import Customer, CustomerKind
from helpdesk.storage import tables

# Kinds of search keys, and how good a match on each one is (lower is better).
NAME, PINYIN, PHONE, PHONE_REV, PLATE, VIN, VIN_REV, ORDER, CONTACT = (
    "name", "py", "phone", "phonerev", "plate", "vin", "vinrev", "order", "contact",
)
# issue 15: any later part of a name (金满楼 in 深圳市金满楼), as its own kind so that it
# ranks below a match at the start of the name.
NAME_PART = "namepart"
# issue 15: one key per customer that the list sorts names by: the name's pinyin
# (surname reading), then the name — 丁 sorts under d, not first by character code.
# Never searched.
SORT = "sort"
REVERSED_KINDS = (PHONE_REV, VIN_REV)
UNSEARCHED_KINDS = (*REVERSED_KINDS, SORT)
NUMBER_KINDS = (PHONE, PLATE, VIN, ORDER)
# issue 13: a VIN is matched by its start only from this many characters on (the maker's
# code, the vehicle's description and the check digit). Fewer name a maker, never a
# customer, and two pinyin initials (``ls``, ``lf``) begin every VIN of a Chinese maker:
# tens of thousands of keys. Whole VINs and tails (last 4/6/8) are found as before.
VIN_START_MIN = 9

# The highest code point: appended to a prefix it gives the upper bound of the range.
_TOP = "\U0010ffff"


def customer_keys(
    name: str,
    kind: CustomerKind,
    phones: Iterable[str] = (),
    plates: Iterable[str] = (),
    vins: Iterable[str] = (),
    order_numbers: Iterable[str] = (),
    contacts: Iterable[tuple[str, str]] = (),
) -> list[tuple[str, str]]:
    """All ``(kind, key)`` rows for one customer (deduplicated, normalised)."""
    keys: set[tuple[str, str]] = set()

    def add(k: str, value: str) -> None:
        value = sk.normalize_search_query(value)
        if value:
            keys.add((k, value[:120]))

    is_person = kind is CustomerKind.INDIVIDUAL
    add(NAME, name)
    readings = sk.name_pinyin_keys(name, is_person=is_person)
    for key in readings:
        add(PINYIN, key)
    if name.strip():
        keys.add((SORT, sort_key(name, readings)))
    for part in sk.name_part_keys(name):
        add(NAME_PART, part)
    for number in phones:
        if not number:
            continue
        digits = _phone_digits(number)
        add(PHONE, digits)
        add(PHONE_REV, sk.reverse_key(digits))
    for plate in plates:
        if plate:
            add(PLATE, plate)
            add(PLATE, plate[1:])  # people often type the plate without the province
    for vin in vins:
        if vin:
            add(VIN, vin)
            add(VIN_REV, sk.reverse_key(sk.normalize_search_query(vin)))
    for number in order_numbers:
        add(ORDER, number)
    for contact_name, contact_phone in contacts:
        add(CONTACT, contact_name)
        for key in sk.name_pinyin_keys(contact_name, is_person=True):
            add(CONTACT, key)
        if contact_phone:
            digits = _phone_digits(contact_phone)
            add(PHONE, digits)
            add(PHONE_REV, sk.reverse_key(digits))
    return sorted(keys)


def sort_key(name: str, readings: list[str]) -> str:
    """The key names sort by (see :data:`SORT`)."""
    spelled = readings[0] if readings else ""
    # A space sorts before any letter: 张三 (zhangsan) before 张三丰 (zhangsanfeng).
    return f"{spelled} {sk.normalize_search_query(name)}"[:120]


def _phone_digits(number: str) -> str:
    if number.startswith("+"):
        try:
            return validation.phone_national_digits(number)
        except Exception:  # noqa: BLE001 - a stored odd number still gets its digits indexed
            pass
    return "".join(ch for ch in number if ch.isdigit())


def keys_of(customer: Customer) -> list[tuple[str, str]]:
    return customer_keys(
        customer.name,
        customer.kind,
        phones=customer.phone_numbers(),
        plates=[v.plate for v in customer.vehicles],
        vins=[v.vin for v in customer.vehicles],
        order_numbers=[o.number for o in customer.orders],
        contacts=[(c.name, c.phone) for c in customer.contacts],
    )


def reindex(session: Session, customer: Customer) -> None:
    """Rewrite the customer's search keys (call after the customer was flushed)."""
    assert customer.id is not None
    session.execute(delete(tables.search_keys).where(
        tables.search_keys.c.customer_id == customer.id))
    rows = [{"customer_id": customer.id, "kind": k, "key": v} for k, v in keys_of(customer)]
    if rows:
        session.execute(insert(tables.search_keys), rows)


def index_new(session: Session, customers: Sequence[Customer]) -> None:
    """Write the search keys of customers just flushed (they have none yet)."""
    rows = [{"customer_id": c.id, "kind": k, "key": v} for c in customers
            for k, v in keys_of(c)]
    if rows:
        session.execute(insert(tables.search_keys), rows)


@dataclass(frozen=True)
class Hit:
    customer_id: int
    rank: int  # 0 exact number match, 1 exact name, 2 number tail, 3 prefix, 4 other
    kind: str
    key: str


def _rank(kind: Any, key: Any, query: Any) -> ColumnElement[int]:
    """How good a forward (prefix) match is, in SQL: the one ranking rule of the list
    and the command line (a tail match on a reversed key is always 2)."""
    exact = key == query
    return case(
        (kind.in_(NUMBER_KINDS) & exact, 0),
        (kind.in_((NAME, PINYIN)) & exact, 1),
        (kind.in_((NAME, PINYIN, *NUMBER_KINDS)), 3),
        else_=4,
    )


def _query_key(query: str) -> str:
    q = sk.normalize_search_query(query)
    if q.startswith("+") and q[1:].isdigit():
        q = _phone_digits(q)  # "+86 138…" as copied from a contact: keys hold national digits
    return q


def _has_tail(q: str) -> bool:
    """Tails only make sense for a few characters of digits/letters (not names)."""
    return len(q) >= 3 and q.isascii() and q.isalnum()


def match_params(query: str) -> dict[str, str] | None:
    """The bound values of a search for ``query`` (the statements of
    :func:`match_subquery` and the command line's scans are built once, with parameters:
    SQLite and PostgreSQL keep them prepared), or None when it has nothing to match.
    ``shape_of(params)`` tells which statement shape they belong to."""
    q = _query_key(query)
    if not q:
        return None
    params = {"q": q, "q_end": q + _TOP}
    if _has_tail(q):
        rq = sk.reverse_key(q)
        params.update(rq=rq, rq_end=rq + _TOP)
    return params


@dataclass(frozen=True)
class Shape:
    """Which key scans a search runs (its statement is built once per shape)."""

    tail: bool  # the end of a phone or VIN (a short code of digits/letters)
    vin_start: bool  # the start of a VIN (:data:`VIN_START_MIN` characters or more)


def shape_of(params: dict[str, str]) -> Shape:
    """The :class:`Shape` of the search whose :func:`match_params` are ``params``."""
    return Shape(tail="rq" in params, vin_start=len(params["q"]) >= VIN_START_MIN)


def _branches(shape: Shape, limit: int | None) -> list[Select[Any]]:
    """The key scans of a search, with the parameters of :func:`match_params`: the
    start of any key but a VIN; for long queries the start of a VIN; for short codes
    the end of a phone or VIN (reversed keys)."""
    k = tables.search_keys
    q = bindparam("q", type_=k.c.key.type)
    q_end = bindparam("q_end", type_=k.c.key.type)
    forward = (
        select(k.c.customer_id, k.c.kind, k.c.key, _rank(k.c.kind, k.c.key, q).label("rank"))
        .where(k.c.key >= q, k.c.key < q_end)
    )
    # The kind terms are written out as the partial indexes' WHERE (tables.py): a short
    # search does not even read the VIN keys.
    branches = [forward.where(literal_column(tables.KEYS_BUT_VINS),
                              k.c.kind.not_in(UNSEARCHED_KINDS))]
    if shape.vin_start:
        branches.append(forward.where(literal_column(tables.VIN_KEYS)))
    if shape.tail:
        branches.append(
            select(k.c.customer_id, k.c.kind, k.c.key, literal(2).label("rank"))
            .where(k.c.key >= bindparam("rq", type_=k.c.key.type),
                   k.c.key < bindparam("rq_end", type_=k.c.key.type),
                   literal_column(tables.KEYS_BUT_VINS), k.c.kind.in_(REVERSED_KINDS))
        )
    if limit is not None:
        branches = [b.limit(limit) for b in branches]
    return branches


@functools.cache
def match_subquery(shape: Shape) -> Any:
    """Every customer whose keys match the search of :func:`match_params` (of that
    :func:`shape_of`), with the best rank and the length of the shortest matching key (a
    closer match first) — no limit, for the customer list, which filters, sorts and
    counts in SQL. Built once per shape."""
    scans = _branches(shape, None)
    keys = (scans[0] if len(scans) == 1 else union_all(*scans)).subquery("scan")
    return (
        select(keys.c.customer_id, func.min(keys.c.rank).label("rank"),
               func.min(func.length(keys.c.key)).label("key_length"))
        .group_by(keys.c.customer_id)
        .subquery("hits")
    )


@functools.cache
def _live_scans(shape: Shape, limit: int | None) -> list[Select[Any]]:
    """:func:`_branches` without merged customers (cached per shape)."""
    c = tables.customers
    # Merged records are few: excluding them by a subquery keeps the plan on the key
    # index (a join let SQLite's statistics start from 200,000 customers: 2 s, not 20 ms).
    merged = select(c.c.id).where(c.c.merged_into_id.is_not(None))
    return [branch.where(tables.search_keys.c.customer_id.not_in(merged))
            for branch in _branches(shape, limit)]


def search_customer_ids(session: Session, query: str, limit: int = 200) -> list[Hit]:
    """The best ``limit`` customers matching ``query``, as the command line and the
    pickers rank them (the customer list uses :func:`match_subquery`, without a limit).

    Matches the start of a name, pinyin (``zs``, ``zhangs``, ``zhangsan``), any later
    part of a name (``金满楼``), phone, plate (with or without province), VIN (from
    :data:`VIN_START_MIN` characters) or order number, and the end of a phone or VIN
    (last 4 / 6 / 8 characters)."""
    params = match_params(query)
    if params is None:
        return []
    hits: dict[int, Hit] = {}
    for live in _live_scans(shape_of(params), max(limit * 5, 500)):
        for customer_id, kind, key, rank in session.execute(live, params):
            best = hits.get(customer_id)
            if best is None or rank < best.rank:
                hits[customer_id] = Hit(customer_id, int(rank), kind, key)
    ordered = sorted(hits.values(), key=lambda h: (h.rank, len(h.key), h.key, h.customer_id))
    return ordered[:limit]


def matching_customer_ids(query: str) -> Select[Any] | None:
    """The ids of every live customer whose keys match ``query`` — no limit, as a
    subquery for lists that filter by customer (the complaint list's search box finds
    every sheet of every matching customer, not those of the best few hundred). None
    when the query has nothing to match."""
    params = match_params(query)
    if params is None:
        return None
    scans = _live_scans(shape_of(params), None)
    keys = (scans[0] if len(scans) == 1 else union_all(*scans)).subquery("matched")
    return select(keys.c.customer_id).params(params)
