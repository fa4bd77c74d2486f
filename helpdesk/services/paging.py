"""The ids of a long list, fetched by windows instead of all at once.

A search at a million sheets used to fetch a million ids before the first row could be
shown. ``IdWindows`` is the list of ids as a sequence: its length is the count (one SQL
``count``), and the ids are read a window at a time when a row in that window is first
asked for. Windows past the middle are read backwards from the end, so jumping to the
last row costs what the first page costs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

# A page of the list view (ui.paged_model.PAGE_SIZE) per window: the first page costs what
# 200 ids cost, and a page never needs two windows (issue 13).
WINDOW = 200

# fetch(limit, offset, from_end) -> ids in the list's order (from_end: backwards)
Fetch = Callable[[int, int, bool], list[int]]


class IdWindows(Sequence[int]):
    """A read-only sequence of ``total`` ids, read by ``fetch`` a window at a time.

    Attributes:
        fetched: how many windows were read (tests and benchmarks look at it).
    """

    def __init__(self, total: int, fetch: Fetch, first: Sequence[int] = (),
                 window: int | None = None) -> None:
        self._total = total
        self._fetch = fetch
        self._window = window or WINDOW
        self._windows: dict[int, list[int]] = {}
        self.fetched = 0
        if first:
            self._windows[0] = list(first[:self._window])

    def __len__(self) -> int:
        return self._total

    def _load(self, number: int) -> list[int]:
        found = self._windows.get(number)
        if found is not None:
            return found
        start = number * self._window
        end = min(start + self._window, self._total)
        if start > self._total - end:  # nearer the end: read it backwards
            ids = self._fetch(end - start, self._total - end, True)
            ids.reverse()
        else:
            ids = self._fetch(end - start, start, False)
        self._windows[number] = ids
        self.fetched += 1
        return ids

    def _at(self, index: int) -> int:
        window = self._load(index // self._window)
        offset = index % self._window
        if offset >= len(window):
            # The list shrank since it was counted (a sheet left the filter); the row
            # is gone. The view repeats its search on every change.
            raise IndexError(index)
        return window[offset]

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._total)
            result = []
            for i in range(start, stop, step):
                try:
                    result.append(self._at(i))
                except IndexError:
                    break
            return result
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(index)
        return self._at(index)

    def __iter__(self) -> Iterator[int]:
        for i in range(self._total):
            try:
                yield self._at(i)
            except IndexError:
                return

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """The row of ``value`` among the windows already read (a search never reads
        the whole list to find one id); ``ValueError`` when it is not there."""
        for number in sorted(self._windows):
            ids = self._windows[number]
            if value in ids:
                position = number * self._window + ids.index(value)
                if position >= start and (stop is None or position < stop):
                    return position
        raise ValueError(f"{value!r} is not among the rows read so far")
