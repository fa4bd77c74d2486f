"""The ids of a long list read by windows (services.paging): both ends of a million."""

from __future__ import annotations

import pytest

from helpdesk.services.paging import IdWindows

MILLION = 1_000_000


def _windows(total: int, window: int = 1000) -> tuple[IdWindows, list[tuple[int, int, bool]]]:
    """A list whose id at row i is ``10 * i + 7``, served the way SQL serves it
    (LIMIT/OFFSET forwards, or backwards from the end)."""
    calls: list[tuple[int, int, bool]] = []

    def fetch(limit: int, offset: int, from_end: bool) -> list[int]:
        calls.append((limit, offset, from_end))
        rows = range(total - 1 - offset, max(-1, total - 1 - offset - limit), -1) \
            if from_end else range(offset, min(total, offset + limit))
        return [10 * i + 7 for i in rows]

    first = [10 * i + 7 for i in range(min(total, window))]
    return IdWindows(total, fetch, first, window), calls


def test_both_ends_of_a_million_rows_are_right_and_read_one_window_each() -> None:
    ids, calls = _windows(MILLION)
    assert len(ids) == MILLION
    assert ids[0:200] == [10 * i + 7 for i in range(200)]
    assert calls == []  # the first window came with the count
    assert ids[MILLION - 200:MILLION] == [10 * i + 7 for i in range(MILLION - 200, MILLION)]
    assert ids[-1] == 10 * (MILLION - 1) + 7
    # The end is read backwards from the end: no offset of a million rows.
    assert calls == [(1000, 0, True)]
    assert ids[500_123] == 10 * 500_123 + 7
    assert ids.fetched == 2


def test_windows_that_straddle_pages_and_a_ragged_last_window() -> None:
    ids, _calls = _windows(2_345, window=100)
    assert list(ids) == [10 * i + 7 for i in range(2_345)]
    assert ids[2_290:2_345:5] == [10 * i + 7 for i in range(2_290, 2_345, 5)]
    assert ids[2_300:9_999] == [10 * i + 7 for i in range(2_300, 2_345)]


def test_index_finds_rows_already_read_and_only_those() -> None:
    ids, _calls = _windows(MILLION)
    assert ids.index(10 * 42 + 7) == 42
    with pytest.raises(ValueError):
        ids.index(10 * 900_000 + 7)  # not read yet: no scan of the whole list
    assert ids[900_000] == 10 * 900_000 + 7
    assert ids.index(10 * 900_000 + 7) == 900_000


def test_out_of_range_and_a_list_that_shrank() -> None:
    ids, _calls = _windows(10)
    with pytest.raises(IndexError):
        ids[10]
    assert ids[-10] == 7
    # Counted 5, but only 4 are left when the second window is read.
    shrunk = IdWindows(5, lambda limit, offset, from_end: [9], [1, 2, 3], window=3)
    assert shrunk[0:5] == [1, 2, 3, 9]
    with pytest.raises(IndexError):
        shrunk[4]
    assert IdWindows(0, lambda *_: [], []).__len__() == 0
