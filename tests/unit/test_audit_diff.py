"""The audit diff's shortcuts (issue 13: a registration diffs ~30 fields against nothing)
give what the plain rule gives: every field whose plain value changed, as [old, new],
encoded the same way."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import audit
from helpdesk.domain.enums import Channel, Severity

NAN = float("nan")
_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.just(NAN),
    st.text(max_size=5), st.sampled_from(list(Channel)), st.sampled_from(list(Severity)),
    st.datetimes(min_value=datetime(2000, 1, 1)), st.dates(min_value=date(2000, 1, 1)),
    st.lists(st.integers(), max_size=3).map(tuple))
_records = st.dictionaries(st.sampled_from("abcdefgh"), _values, max_size=8)


def _plain_rule(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    changes = {}
    for key in sorted(set(before) | set(after)):
        old, new = audit.plain(before.get(key)), audit.plain(after.get(key))
        if old != new:
            changes[key] = [old, new]
    return changes


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@given(_records, _records)
def test_diff_and_encode_follow_the_plain_rule(before: dict[str, Any],
                                               after: dict[str, Any]) -> None:
    # Shared objects too: the same value on both sides is what the shortcut skips.
    shared = {**after, **{k: v for k, v in before.items() if k in after}}
    for new in (after, shared):
        expected = _plain_rule(before, new)
        found = audit.diff(before, new)
        assert _same(found, expected)
        assert audit.encode(found) == json.dumps(
            {k: audit.plain(v) for k, v in expected.items()}, ensure_ascii=False,
            sort_keys=True)


def test_a_nan_on_both_sides_still_counts_as_a_change_as_before() -> None:
    assert "x" in audit.diff({"x": NAN}, {"x": NAN})
    assert audit.diff({"x": None, "y": 1}, {"x": None, "y": 1}) == {}
