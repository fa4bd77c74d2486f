"""The boundary check every use case's arguments pass (issue 16)."""

from __future__ import annotations

import pytest

from helpdesk.domain import inputs
from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.services import complaints
from tests.fakes import FakeUnitOfWork


@pytest.mark.parametrize(("field", "value", "code"), [
    ("query", "张\x00三", "text.control"),
    ("query", "\ud800", "text.control"),
    ("note", "\x1b[2J", "text.control"),
    ("note", "\x85", "text.control"),
    ("note", "x" * (inputs.NOTE_LIMIT + 1), "text.too_long"),
    ("description", "x" * (inputs.DEFAULT_TEXT_LIMIT + 1), "text.too_long"),
    ("sheet_id", 2**31, "id.out_of_range"),
    ("customer_ids", [1, 2**63], "id.out_of_range"),
    ("mileage", 2**63, "number.out_of_range"),
])
def test_refused(field: str, value: object, code: str) -> None:
    with pytest.raises(inputs.InputRefused) as caught:
        inputs.check_value(value, field=field)
    assert caught.value.code == code and caught.value.field == field
    # One field's error and a form's list at once, so every caller's except takes it.
    assert isinstance(caught.value, ValidationError | ValidationErrors)
    assert [e.code for e in caught.value.errors] == [code]


@pytest.mark.parametrize(("field", "value"), [
    ("note", "第一行\n第二行\r\n\t缩进"), ("query", "吉𠮷 '; DROP TABLE x; --"),
    ("note", "x" * inputs.NOTE_LIMIT), ("sheet_id", 2**31 - 1), ("flag", True),
    ("amount_cents", 2**63 - 1), ("query", ""),
])
def test_accepted(field: str, value: object) -> None:
    inputs.check_value(value, field=field)


def test_every_use_case_is_behind_the_check() -> None:
    """A workflow note of a million characters never reaches the rule or the database."""
    uow = FakeUnitOfWork()
    with pytest.raises(ValidationError) as caught:
        complaints.resolve(uow, 1, 1, note="x" * 1_000_000)
    assert (caught.value.field, caught.value.code) == ("note", "text.too_long")
    with pytest.raises(ValidationError) as caught:
        complaints.add_progress(uow, 1, 1, "x" * 1_000_000)
    assert (caught.value.field, caught.value.code) == ("text", "text.too_long")
    assert uow.commits == 0
    assert getattr(complaints.add_progress, "__guarded__", False)
    assert getattr(complaints.close, "__guarded__", False)
