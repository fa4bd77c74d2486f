"""Finding customers fast: the search-key index and the ranked search over it.

Each customer has rows in ``search_keys`` — name, pinyin (full and initials), phone
digits, reversed phone digits, plate, VIN, reversed VIN, order numbers, contacts. A
search is then a couple of indexed range scans (``key >= q AND key < q+1``), which
behaves the same and stays fast on SQLite and PostgreSQL at hundreds of thousands of
customers. Reversed keys turn "the last four digits" or "the VIN's last six" into a
prefix search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from helpdesk.domain import search_keys as sk
from helpdesk.domain import validation
from helpdesk.domain.customers import Customer, CustomerKind
from helpdesk.storage import tables

# Kinds of search keys, and how good a match on each one is (lower is better).
NAME, PINYIN, PHONE, PHONE_REV, PLATE, VIN, VIN_REV, ORDER, CONTACT = (
    "name", "py", "phone", "phonerev", "plate", "vin", "vinrev", "order", "contact",
)
REVERSED_KINDS = (PHONE_REV, VIN_REV)
NUMBER_KINDS = (PHONE, PLATE, VIN, ORDER)

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
    for key in sk.name_pinyin_keys(name, is_person=is_person):
        add(PINYIN, key)
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


def _rank(kind: str, key: str, query: str, reversed_match: bool) -> int:
    if reversed_match:
        return 2
    exact = key == query
    if kind in NUMBER_KINDS and exact:
        return 0
    if kind in (NAME, PINYIN) and exact:
        return 1
    if kind in (NAME, PINYIN):
        return 3
    if kind in NUMBER_KINDS:
        return 3
    return 4


def search_customer_ids(session: Session, query: str, limit: int = 200) -> list[Hit]:
    """Customers matching ``query`` (best first), as the browser and CLI rank them.

    Matches the start of a name, pinyin (``zs``, ``zhangs``, ``zhangsan``), phone,
    plate (with or without province), VIN or order number, and the end of a phone or
    VIN (last 4 / 6 / 8 characters)."""
    q = sk.normalize_search_query(query)
    if q.startswith("+") and q[1:].isdigit():
        q = _phone_digits(q)  # "+86 138…" as copied from a contact: keys hold national digits
    if not q:
        return []
    k = tables.search_keys
    c = tables.customers
    # Merged records are few: excluding them by a subquery keeps the plan on the key
    # index (a join let SQLite's statistics start from 200,000 customers: 2 s, not 20 ms).
    live = k.c.customer_id.not_in(select(c.c.id).where(c.c.merged_into_id.is_not(None)))
    per_branch = max(limit * 5, 500)
    forward = (
        select(k.c.customer_id, k.c.kind, k.c.key)
        .where(live, k.c.key >= q, k.c.key < q + _TOP, k.c.kind.not_in(REVERSED_KINDS))
        .limit(per_branch)
    )
    hits: dict[int, Hit] = {}

    def consider(rows: Sequence[tuple[int, str, str]], reversed_match: bool) -> None:
        for customer_id, kind, key in rows:
            rank = _rank(kind, key, q, reversed_match)
            best = hits.get(customer_id)
            if best is None or rank < best.rank:
                hits[customer_id] = Hit(customer_id, rank, kind, key)

    consider([tuple(r) for r in session.execute(forward)], False)
    # Tails only make sense for a few characters of digits/letters (not names).
    if len(q) >= 3 and q.isascii() and q.isalnum():
        rq = sk.reverse_key(q)
        backward = (
            select(k.c.customer_id, k.c.kind, k.c.key)
            .where(live, k.c.key >= rq, k.c.key < rq + _TOP, k.c.kind.in_(REVERSED_KINDS))
            .limit(per_branch)
        )
        consider([tuple(r) for r in session.execute(backward)], True)
    ordered = sorted(hits.values(), key=lambda h: (h.rank, len(h.key), h.key, h.customer_id))
    return ordered[:limit]
