"""The one check every value passes on its way into a use case (输入检查).

Whatever a screen, the command line or an import hands a service — text typed, pasted,
decoded from a terminal with the wrong code page, or made up by an attacker — is checked
here before any rule or database sees it, so a bad value is refused with a message at
its field instead of failing deep in a database driver:

- text: no lone surrogates (undecodable bytes, e.g. GBK read as UTF-8 with
  ``surrogateescape``), no NUL or other control characters except tab and line breaks,
  and at most a per-field number of characters (:data:`TEXT_LIMITS`, else
  :data:`DEFAULT_TEXT_LIMIT`);
- whole numbers: within the database's 64-bit range; ids (``id``, ``*_id``, ``*_ids``)
  within the range of an id column.

The field rules that follow (a phone, a VIN, a concrete measure...) stay where they are;
these limits are set at or above theirs, so their more precise messages still come first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from helpdesk.domain.errors import HelpdeskError, ValidationError, ValidationErrors

DEFAULT_TEXT_LIMIT = 10_000
"""Characters in a text for which no limit is named (above every free-text field)."""

NOTE_LIMIT = 2000
"""A workflow note, reason, remark, feedback or progress entry."""

TEXT_LIMITS: Mapping[str, int] = {
    "note": NOTE_LIMIT, "reason": NOTE_LIMIT, "remark": NOTE_LIMIT, "feedback": NOTE_LIMIT,
    "closing_remark": NOTE_LIMIT,
    # A progress entry's "text" has its own rule (4,000) under the default limit; the
    # reply letter's text is "letter_text" (its rule: 20,000).
    "query": 200, "search": 200, "number": 64, "username": 200, "password": 1024,
    "old_password": 1024, "new_password": 1024, "role": 100, "label": 100,
    "letter_text": 50_000,
}

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""What a 64-bit column holds."""

ID_MAX = 2**31 - 1
"""The largest id an id column holds on every database (PostgreSQL INTEGER)."""

_ALLOWED_CONTROLS = frozenset("\t\n\r")


class InputRefused(ValidationErrors, ValidationError):
    """A value refused at the boundary. Both one field's error and a form's list of
    errors (of this one), so every caller's ``except`` takes it as it takes the field
    rules' own refusals."""

    def __init__(self, error: ValidationError) -> None:
        HelpdeskError.__init__(self, error.message, code=error.code, **error.params)
        self.field = error.field
        self.errors = [error]


def text_limit(field: str) -> int:
    return TEXT_LIMITS.get(field, DEFAULT_TEXT_LIMIT)


def check_text(value: str, *, field: str) -> None:
    """Refuse characters no store may hold and text beyond the field's limit."""
    limit = text_limit(field)
    if len(value) > limit:
        raise ValidationError(
            field, "text.too_long",
            f"The text has {len(value)} characters; at most {limit} are allowed.",
            length=len(value), max_length=limit)
    if value.isprintable():  # the common case, in C
        return
    for position, ch in enumerate(value, start=1):
        code = ord(ch)
        if (code < 0x20 and ch not in _ALLOWED_CONTROLS) or 0x7F <= code <= 0x9F \
                or 0xD800 <= code <= 0xDFFF:
            raise ValidationError(
                field, "text.control",
                f"The text contains the control character U+{code:04X} at position "
                f"{position}; remove it (it often comes with pasted text).",
                codepoint=f"U+{code:04X}", position=position)


def _is_id(field: str) -> bool:
    return field == "id" or field.endswith(("_id", "_ids"))


def check_int(value: int, *, field: str) -> None:
    """Refuse whole numbers beyond what the database holds (ids: beyond an id)."""
    if _is_id(field) and not -ID_MAX <= value <= ID_MAX:
        raise ValidationError(field, "id.out_of_range",
                              f"There is no record number {value}.", value=str(value))
    if not INT_MIN <= value <= INT_MAX:
        raise ValidationError(field, "number.out_of_range",
                              f"The number {value} is too large.", value=str(value))


def check_value(value: Any, *, field: str,
                walk: Callable[[Any], bool] = lambda _obj: False) -> None:
    """Check ``value`` and what it holds: texts and whole numbers at any depth of
    tuples, lists, sets and mappings, and the fields of the dataclasses ``walk``
    accepts (the services' input values; never stored domain objects).

    Raises:
        InputRefused: naming the field, with ``text.too_long``, ``text.control``,
            ``id.out_of_range`` or ``number.out_of_range``.
    """
    try:
        _check(value, field, walk)
    except InputRefused:
        raise
    except ValidationError as exc:
        raise InputRefused(exc) from None


_NO_DEFAULT = object()
_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(kind: type) -> tuple[tuple[str, Any], ...]:
    """(name, default) of a dataclass's fields; a field still holding the very default
    object the class declares (``None``, ``frozenset()``, an enum member) needs no check:
    the program wrote it, not the user (issue 13: a search filter is mostly defaults)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(
            (f.name, f.default if f.default is not dataclasses.MISSING else _NO_DEFAULT)
            for f in dataclasses.fields(kind))
    return found


def _check(value: Any, field: str, walk: Callable[[Any], bool]) -> None:
    if value is None:  # most optional fields of a filter (issue 13: every search)
        return
    if isinstance(value, str):
        check_text(value, field=field)
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        check_int(value, field=field)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check(item, field, walk)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check(key, field, walk)
            _check(item, field, walk)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type) and walk(value):
        for name, default in _fields(type(value)):
            item = getattr(value, name)
            if item is not default:
                _check(item, name, walk)
