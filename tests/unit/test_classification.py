"""The pyramid and RFM rules in Python (``domain.classification``), without a database;
``tests/integration/test_classification_rule.py`` proves the SQL agrees."""

from __future__ import annotations

from array import array
from bisect import bisect_left

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import classification
from helpdesk.domain.classification import (
    RFM_CLASSES,
    SEGMENTS,
    classify,
    quintile_score,
    quintile_scores,
    rfm_class,
)


@given(values=st.lists(st.one_of(st.integers(0, 6), st.integers(-10**12, 10**12)),
                       max_size=300), few=st.booleans())
def test_quintile_scores_are_the_rule_for_every_value(values: list[int], few: bool) -> None:
    ordered = sorted(values)
    expected = [quintile_score(bisect_left(ordered, v), len(values)) for v in values]
    assert list(quintile_scores(values, few=few)) == expected


def test_revenues_1_to_100_score_by_fifths() -> None:
    scores = quintile_scores(list(range(1, 101)))
    assert [scores[0], scores[19], scores[20], scores[79], scores[80], scores[99]] == \
        [1, 1, 2, 4, 5, 5]
    assert quintile_scores([7, 7, 7]) == bytes([1, 1, 1])  # equal values share a score


@pytest.mark.parametrize(("r", "f", "m", "expected"), [
    (3, 4, 4, "high_value"), (5, 5, 5, "high_value"),
    (3, 4, 3, "potential"), (3, 3, 1, "potential"), (4, 1, 3, "potential"),
    (3, 2, 2, "ordinary"), (5, 1, 1, "ordinary"),
    (2, 5, 5, "at_risk"), (1, 4, 1, "at_risk"), (2, 1, 4, "at_risk"),
    (2, 3, 3, "silent"), (1, 1, 1, "silent"),
])
def test_rfm_classes(r: int, f: int, m: int, expected: str) -> None:
    assert rfm_class(r, f, m) == expected


def test_pyramid_on_revenues_1_to_100_with_ties_and_inactive() -> None:
    # Ids 1..100 active, id i spent i (ids 101 and 102 tie with 100 and come after it);
    # id 103 bought only long ago.
    ids = [*range(1, 104)]
    revenue_12m = [*range(1, 101), 100, 100, 0]
    last = [1000] * 102 + [10]
    got = classify(array("q", ids), array("q", last), array("q", [1] * 103),
                   array("q", revenue_12m), array("q", revenue_12m), active_since=500)
    assert got.active == 102
    rank = dict(zip(ids, got.ranks, strict=True))
    assert (rank[100], rank[101], rank[102], rank[99], rank[1], rank[103]) == \
        (1, 2, 3, 4, 102, 0)
    segment = {i: SEGMENTS[s] for i, s in zip(ids, got.segments, strict=True)}
    # n = 102: top = ceil(1.02) = 2 ranks, high up to ceil(5.1) = 6, middle up to 21.
    assert [segment[i] for i in (100, 101, 102, 97, 96, 82, 81, 1, 103)] == \
        ["top", "top", "high", "high", "middle", "middle", "low", "low", "inactive"]
    assert all(RFM_CLASSES[k] == rfm_class(r, f, m) for k, r, f, m in
               zip(got.classes, got.r, got.f, got.m, strict=True))


def test_nobody_to_classify() -> None:
    empty = array("q")
    got = classify(empty, empty, empty, empty, empty, active_since=0)
    assert (got.active, got.segments, got.classes, len(got.ranks)) == (0, b"", b"", 0)


def test_inactive_is_a_segment() -> None:
    assert SEGMENTS[classification.INACTIVE] == "inactive"


@given(rows=st.lists(st.tuples(st.integers(0, 9), st.integers(1, 4), st.integers(0, 3)),
                     min_size=1, max_size=60), data=st.data())
def test_the_order_rows_come_in_does_not_matter(rows: list[tuple[int, int, int]],
                                                data: st.DataObject) -> None:
    """PostgreSQL's GROUP BY gives customers in no particular order: the same
    customers in any order are classified alike (pyramid ties still by id)."""
    def by_id(order: list[int]) -> dict[int, tuple[int, ...]]:
        picked = [rows[k] for k in order]
        ids = [k + 1 for k in order]
        columns = [array("q", column) for column in zip(*picked, strict=True)]
        last, orders, revenue = columns
        got = classify(array("q", ids), last, orders, revenue, revenue, active_since=5)
        return {i: (got.segments[p], got.ranks[p], got.classes[p]) for p, i in enumerate(ids)}

    shuffled = data.draw(st.permutations(range(len(rows))))
    assert by_id(list(shuffled)) == by_id(list(range(len(rows))))
