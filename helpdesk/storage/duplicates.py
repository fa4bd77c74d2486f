"""Duplicate suggestions by similar name at one address (issue 15).

SQL finds the addresses more than one live customer gives; the domain's one rule
(:func:`helpdesk.domain.similar_names.similar_names`) decides which names there are
similar. Names are paired through the rule's candidate keys, so a thousand customers
at one company address cost a thousand key look-ups, not half a million comparisons.
"""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from helpdesk.domain import similar_names
from helpdesk.storage import tables

REASON = "similar_name_address"


def similar_names_at_one_address(session: Session,
                                 limit: int = 500) -> list[tuple[str, list[int], str]]:
    """``(reason, [id, id], "name、name|address")`` for the pairs of live customers at
    the same address whose names are similar but not the same (the same name is the
    ``name_address`` reason), at most ``limit`` addresses, in address order."""
    c = tables.customers
    live = c.c.merged_into_id.is_(None)
    shared = (
        select(c.c.address).where(live, c.c.address != "")
        .group_by(c.c.address).having(func.count(func.distinct(c.c.name)) > 1)
        .order_by(c.c.address).limit(limit).subquery()
    )
    rows = session.execute(
        select(c.c.address, c.c.id, c.c.name)
        .where(live, c.c.address.in_(select(shared.c.address)))
        .order_by(c.c.address, c.c.id))
    by_address: dict[str, list[tuple[int, str]]] = {}
    for address, customer_id, name in rows:
        by_address.setdefault(str(address), []).append((int(customer_id), str(name)))
    result: list[tuple[str, list[int], str]] = []
    for address, people in by_address.items():
        buckets: dict[str, list[tuple[int, str]]] = {}
        for person in people:
            for key in similar_names.candidate_keys(person[1]):
                buckets.setdefault(key, []).append(person)
        pairs: set[tuple[tuple[int, str], tuple[int, str]]] = set()
        for bucket in buckets.values():
            pairs.update(combinations(bucket, 2))  # ids ascending: rows came in id order
        for (a, name_a), (b, name_b) in sorted(pairs):
            if similar_names.fold(name_a) != similar_names.fold(name_b) \
                    and similar_names.similar_names(name_a, name_b):
                result.append((REASON, [a, b], f"{name_a}、{name_b}|{address}"))
    return result
