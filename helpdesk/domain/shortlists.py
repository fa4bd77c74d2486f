"""A list that shows its first N and says when there were more (issue 15: no list
stops silently).

Counting every match to say "there are more" costs as much as finding them all; asking
for one more than is shown tells it for the price of one row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def shortlist(fetch: Callable[[int], Sequence[T]], shown: int) -> tuple[list[T], bool]:
    """The first ``shown`` of what ``fetch(limit)`` finds, and whether it found more.

    Args:
        fetch: returns at most ``limit`` items, best first; asked for ``shown + 1``.
        shown: how many the list shows.
    """
    found = list(fetch(shown + 1))
    return found[:shown], len(found) > shown
