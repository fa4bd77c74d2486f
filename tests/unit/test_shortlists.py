"""A list shows its first N and knows, from one more row, whether there were more."""

from __future__ import annotations

import pytest

from helpdesk.domain import shortlists


@pytest.mark.parametrize(("found", "shown", "expected"), [
    (5, 3, ([0, 1, 2], True)),
    (4, 3, ([0, 1, 2], True)),  # one more than shown is enough to say so
    (3, 3, ([0, 1, 2], False)),
    (1, 3, ([0], False)),
    (0, 3, ([], False)),
])
def test_a_shortlist_says_when_it_was_cut(found: int, shown: int,
                                          expected: tuple[list[int], bool]) -> None:
    asked: list[int] = []

    def fetch(limit: int) -> list[int]:
        asked.append(limit)
        return list(range(min(found, limit)))

    assert shortlists.shortlist(fetch, shown) == expected
    assert asked == [shown + 1]
