"""The resident ID number (身份证号, GB 11643) — issue 15: the check character, the old
15-digit form, the stored form and the mask."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import error_texts
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.national_id import (
    check_character,
    mask_national_id,
    validate_national_id,
)

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(("typed", "stored"), [
    ("11010519491231002X", "11010519491231002X"),  # the standard's own example
    ("11010519491231002x", "11010519491231002X"),  # a lower-case x is upper-cased
    ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),  # full-width
    ("110105 19491231 002X", "11010519491231002X"),  # grouped with spaces
    ("440308199001011239", "440308199001011239"),
    ("110105491231002", "11010519491231002X"),  # an old 15-digit card: 19 added, check
    ("", ""),
    ("   ", ""),
])
def test_valid_numbers_are_stored_normalised(typed: str, stored: str) -> None:
    assert validate_national_id(typed, today=TODAY) == stored


@pytest.mark.parametrize(("typed", "code", "param"), [
    ("1101051949123100", "national_id.length", ("length", 16)),
    ("11010519491231002X1", "national_id.length", ("length", 19)),
    ("1101051949123100X2", "national_id.characters", ("position", 17)),
    ("11010519491231O02X", "national_id.characters", ("character", "O")),
    ("110105194913310026", "national_id.birth_date", ("digits", "19491331")),
    ("110105203001010020", "national_id.birth_date", ("digits", "20300101")),  # future
    ("110105491331002", "national_id.birth_date", ("digits", "19491331")),
    ("110105194912310021", "national_id.check_digit", ("expected", "X")),
    ("110105194912310012", "national_id.check_digit", ("found", "2")),  # swapped digits
])
def test_wrong_numbers_are_refused_with_what_is_wrong(typed: str, code: str,
                                                      param: tuple[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_national_id(typed, today=TODAY)
    assert caught.value.field == "national_id"
    assert caught.value.code == code
    assert caught.value.params[param[0]] == param[1]
    for lang in ("zh_CN", "zh_TW", "en"):
        shown = error_texts.error_text(caught.value, lang)
        assert "{" not in shown and shown != caught.value.message


def test_the_message_names_the_expected_character_in_each_language() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_national_id("110105194912310021", today=TODAY)
    assert "“X”" in error_texts.error_text(caught.value, "zh_CN")
    assert "「X」" in error_texts.error_text(caught.value, "zh_TW")
    assert '"X"' in error_texts.error_text(caught.value, "en")


def test_the_mask_keeps_the_first_and_last_four() -> None:
    assert mask_national_id("44030819900101123X") == "4403**********123X"
    assert mask_national_id("") == ""


_first17 = st.builds(
    lambda area, born, seq: f"{area:06d}{born:%Y%m%d}{seq:03d}",
    st.integers(110000, 659999),
    st.dates(date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@given(_first17)
def test_any_number_with_its_check_character_is_accepted_and_one_changed_digit_is_not(
        first17: str) -> None:
    number = first17 + check_character(first17)
    assert validate_national_id(number.lower(), today=TODAY) == number
    changed = first17[:14] + str((int(first17[14]) + 1) % 10) + first17[15:]
    with pytest.raises(ValidationError):
        validate_national_id(changed + number[17], today=TODAY)


@given(_first17.filter(lambda n: n[6:8] == "19"))
def test_an_old_card_is_the_same_key_as_its_new_one(first17: str) -> None:
    old = first17[:6] + first17[8:]
    assert validate_national_id(old, today=TODAY) \
        == validate_national_id(first17 + check_character(first17), today=TODAY)
