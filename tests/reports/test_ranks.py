"""The median and P90 of a month's durations are ranked by the database over the stored
minutes, merged with the few computed from the history (``report_queries.pick_ranks``):
the same value as ranking all of them together."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from helpdesk.storage import report_queries as rq

_minutes = st.lists(st.integers(min_value=0, max_value=50), max_size=40)


@given(_minutes, _minutes)
def test_ranks_of_stored_and_computed_minutes_are_those_of_all_together(
        stored: list[int], extra: list[int]) -> None:
    every = sorted(stored + extra)
    if not every:
        return
    ranks = [max((p * len(every) + 99) // 100, 1) for p in (50, 90)]
    ordered = sorted(stored)
    windows = rq._windows(ranks, len(ordered), len(extra))
    window_values = [ordered[low - 1:high] for low, high in windows]
    assert rq.pick_ranks(ranks, len(ordered), window_values, sorted(extra)) == [
        rq.nearest_rank(every, 50), rq.nearest_rank(every, 90)]
