"""The customer pyramid (客户金字塔, seed 001) and RFM (seed 002) rules, in one place.

``services.analytics`` documents them for people; here they are data and functions that
both implementations read: :func:`classify` ranks every buying customer at once in
Python (the desktop's cached classification), and ``storage.analytics_queries`` builds
its SQL (window functions, for the per-store summaries) from :func:`pyramid_cut`,
:func:`quintile_score` and :data:`RFM_RULES`. A property test proves that the two give
every customer the same segment, rank, scores and class, on SQLite and PostgreSQL
(``tests/integration/test_classification_rule.py``).

Why Python for the whole set: SQLite's window functions cost several microseconds a row
each, four sorts over 183,000 customers took longer than reading every order; here the
work is four sorts of plain integers and a few passes over arrays (issue 13).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, compress, islice
from operator import getitem, lt
from typing import Any

# Segment and class values, in the order the services' enums list them (kept equal by a test).
SEGMENTS = ("top", "high", "middle", "low", "inactive", "prospect")
RFM_CLASSES = ("high_value", "potential", "ordinary", "at_risk", "silent")
INACTIVE = SEGMENTS.index("inactive")

#: Pyramid cut-offs: a segment ends at this cumulative per cent of the active customers
#: ranked by 12-month revenue; the rest are ``low``.
PYRAMID_CUTS = (("top", 1), ("high", 5), ("middle", 20))

#: R, F and M are scored 1 … ``SCORES`` by quintile.
SCORES = 5


def pyramid_cut(active: Any, percent: int) -> Any:
    """The last rank of a segment ending at ``percent`` % of ``active`` ranked customers,
    rounded up (integer arithmetic: the SQL is built from this same expression)."""
    return (active * percent + 99) // 100


def quintile_score(worse: Any, scored: Any) -> Any:
    """R, F or M score of a customer with ``worse`` customers strictly below them among
    ``scored``; equal values share a score (the SQL is built from this expression)."""
    return 1 + (worse * SCORES) // scored


@dataclass(frozen=True)
class RfmRule:
    """One step of the RFM class rule: ``rfm_class`` applies when R ≥ ``r_at_least``
    (None: any R) and F and M — both (``both``) or either — are ≥ ``fm_at_least``
    (None: any F and M). Checked in order, the first match wins."""

    rfm_class: str
    r_at_least: int | None
    fm_at_least: int | None
    both: bool = False

    def matches(self, r: int, f: int, m: int) -> bool:
        if self.r_at_least is not None and r < self.r_at_least:
            return False
        if self.fm_at_least is None:
            return True
        hits = (f >= self.fm_at_least, m >= self.fm_at_least)
        return all(hits) if self.both else any(hits)


RFM_RULES: tuple[RfmRule, ...] = (
    RfmRule("high_value", 3, 4, both=True),  # recent, frequent and big
    RfmRule("potential", 3, 3),  # recent, frequent or big enough
    RfmRule("ordinary", 3, None),  # recent otherwise
    RfmRule("at_risk", None, 4),  # R ≤ 2 (the steps above took R ≥ 3): valuable, away
)
RFM_OTHERWISE = "silent"


def rfm_class(r: int, f: int, m: int) -> str:
    """The RFM class of the scores ``r``, ``f``, ``m`` (1–5 each)."""
    return next((rule.rfm_class for rule in RFM_RULES if rule.matches(r, f, m)),
                RFM_OTHERWISE)


# Every class by R, F and M (1–5; index 0 unused): three lookups a customer, no call.
_CLASS_TABLE = tuple(
    tuple(bytes([0, *(RFM_CLASSES.index(rfm_class(r, f, m)) for m in range(1, 6))])
          for f in range(6)) if r else ()
    for r in range(6))


def quintile_scores(values: Sequence[int], *, few: bool = False) -> bytes:
    """:func:`quintile_score` of every value among all of them, in their order.

    A value scores above ``s`` when at least ``k = ceil(s·n / 5)`` values are smaller,
    that is when it exceeds the ``k``-th smallest; so four order statistics and a
    bisection a value replace ranking every value. ``few``: the values take few
    distinct values (dates, counts), which are counted rather than sorted."""
    n = len(values)
    if not n:
        return b""
    ks = [-(-s * n // SCORES) for s in range(1, SCORES)]
    if few:
        counts = Counter(values)
        keys = sorted(counts)
        at_most = list(accumulate(map(counts.__getitem__, keys)))  # values ≤ each key
        lowest, kth = keys[0], [keys[bisect_left(at_most, k)] for k in ks]
    else:
        ordered = sorted(values)
        lowest, kth = ordered[0], [ordered[k - 1] for k in ks]
    # The sentinel below everything makes bisect_left count from 1: the score itself.
    return bytes(map(partial(bisect_left, [lowest - 1, *kth]), values))


@dataclass(frozen=True)
class Classified:
    """The classification of ``n`` buying customers, by column in their given order.

    Attributes:
        segments: each customer's index in :data:`SEGMENTS` (top … inactive).
        ranks: pyramid rank (1 = the most 12-month revenue), 0 when not active.
        r, f, m: the scores, 1–5.
        classes: each customer's index in :data:`RFM_CLASSES`.
        active: customers ranked in the pyramid (the ``n`` of its cut-offs).
    """

    segments: bytes
    ranks: array[int]
    r: bytes
    f: bytes
    m: bytes
    classes: bytes
    active: int


def classify(ids: Sequence[int], last: Sequence[int], orders: Sequence[int],
             revenue: Sequence[int], revenue_12m: Sequence[int],
             active_since: int) -> Classified:
    """Pyramid segment and rank, R/F/M scores and RFM class of buying customers, given
    by column: their ids, last purchase (any ordered integer, e.g. a date's ordinal),
    number of orders, revenue and 12-month revenue. Active = last purchase ≥
    ``active_since``; pyramid ties rank the lower id first."""
    n = len(ids)
    if all(map(lt, ids, islice(ids, 1, None))):  # as SQLite's GROUP BY gives them
        by_id: Sequence[int] = range(n)
        active = compress(by_id, map(active_since.__le__, last))
    else:
        by_id = sorted(range(n), key=ids.__getitem__)
        active = compress(by_id, map(active_since.__le__, map(last.__getitem__, by_id)))
    # Descending revenue; a stable sort keeps equal revenues in id order.
    ranked = sorted(active, key=revenue_12m.__getitem__, reverse=True)
    ranks = array("q", bytes(8 * n))
    for rank, i in enumerate(ranked, 1):
        ranks[i] = rank
    # A rank past no cut-off (0: not ranked) is inactive; past the first, top; and so on.
    cuts = [0, *(pyramid_cut(len(ranked), percent) for _name, percent in PYRAMID_CUTS)]
    codes = [INACTIVE, *(SEGMENTS.index(name) for name, _ in PYRAMID_CUTS),
             SEGMENTS.index("low")]
    segments = bytes(map(partial(bisect_left, cuts), ranks)).translate(
        bytes(codes) + bytes(256 - len(codes)))
    r = quintile_scores(last, few=True)
    f = quintile_scores(orders, few=True)
    m = quintile_scores(revenue)
    classes = bytes(map(getitem, map(getitem, map(_CLASS_TABLE.__getitem__, r), f), m))
    return Classified(segments, ranks, r, f, m, classes, len(ranked))
