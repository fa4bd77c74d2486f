"""Column types that turn stored text into the domain's enums and back."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class EnumText(TypeDecorator[Any]):
    """A ``StrEnum`` stored as its value in a VARCHAR (portable, readable, migratable)."""

    impl = String
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum], length: int = 20) -> None:
        super().__init__(length)
        self.enum_cls = enum_cls
        # Calling an enum class costs more than a dict lookup; a list page reads three
        # of these per row (issue 13). Values not listed go through the class (its error).
        self._members: dict[str, StrEnum] = {member.value: member for member in enum_cls}

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        if value is None:
            return None
        member = self._members.get(value)
        return member if member is not None else self.enum_cls(value)
