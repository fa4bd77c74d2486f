"""The resident identity card number (居民身份证号码, GB 11643-1999) — issue 15.

Eighteen characters: a six-digit area code, the birth date ``YYYYMMDD``, a three-digit
sequence and a check character (ISO 7064 MOD 11-2: ``0``–``9`` or ``X``). Cards issued
before 1999 carry the old fifteen-digit form (two-digit year, no check character); it
is stored in the eighteen-character form (``19`` put before the year and the check
character computed), so the same person is the same key whichever card was typed.

A person has one number, but two records with the same number are a duplicate to be
merged, not an input to refuse: the desk saves the record, and the duplicates page
suggests the pair ("same ID number").
"""

from __future__ import annotations

from datetime import date

from helpdesk.domain import text
from helpdesk.domain.errors import ValidationError

FIELD = "national_id"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # by the weighted sum modulo 11
_DROPPED = " -\u00a0\u3000"  # spaces and dashes people type between the groups


def check_character(first17: str) -> str:
    """The check character of the first 17 digits of a number."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def _birth_date(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def validate_national_id(value: str, *, field: str = FIELD,
                         today: date | None = None) -> str:
    """The number in its stored form, or ``""`` for a blank entry.

    Args:
        value: what was typed or imported (full-width digits, a lower-case ``x``,
            spaces or dashes between the groups are accepted).
        field: the form field / import column the errors name.
        today: the birth date may not be later (today when not given).

    Raises:
        ValidationError: ``national_id.length``, ``national_id.characters``,
            ``national_id.birth_date`` or ``national_id.check_digit``.
    """
    folded = text.fold_width(value).upper()
    number = "".join(ch for ch in folded if ch not in _DROPPED)
    if not number:
        return ""
    if len(number) not in (15, 18):
        raise ValidationError(field, "national_id.length",
                              f"an ID number has 18 characters (old cards 15); "
                              f"{number} has {len(number)}",
                              value=number, length=len(number))
    for position, ch in enumerate(number, start=1):
        if not ch.isascii() or not (ch.isdigit() or (ch == "X" and position == 18)):
            raise ValidationError(field, "national_id.characters",
                                  f"character {position} of {number} is {ch!r}: digits "
                                  f"only, the last may be X",
                                  value=number, position=position, character=ch)
    old = len(number) == 15
    first17 = number[:6] + "19" + number[6:] if old else number[:17]
    born = _birth_date(first17[6:14])
    if born is None or born.year < 1900 or born > (today or date.today()):
        raise ValidationError(field, "national_id.birth_date",
                              f"{number}: {first17[6:14]} is not a birth date",
                              value=number, digits=first17[6:14])
    expected = check_character(first17)
    if not old and number[17] != expected:
        raise ValidationError(field, "national_id.check_digit",
                              f"{number}: the last character should be {expected}",
                              value=number, expected=expected, found=number[17])
    return first17 + expected


def mask_national_id(number: str) -> str:
    """The number as a role without the right to see personal data sees it: the first
    four and the last four characters (``4403**********123X``)."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def is_masked(value: str) -> bool:
    """Whether ``value`` is a masked number sent back unchanged from a form."""
    return "*" in value
