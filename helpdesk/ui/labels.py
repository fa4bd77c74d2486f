"""What the screens call things, in the UI language.

Domain terms (channel, severity, state, roles…) are named by the one catalog,
:mod:`helpdesk.domain.vocabulary`; this module only asks it in the language the UI
speaks. Texts that belong to widgets alone (store presets, weekdays) are Qt Linguist
texts in the ``labels`` context.

Categories are data, not code: their names in each language come from the settings
(``services.common.categories``), see :func:`category_name`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain import error_texts, vocabulary
from helpdesk.domain.users import Role
from helpdesk.ui import i18n

CONTEXT = "labels"

PRESETS: dict[str, str] = {
    "dealership": QT_TRANSLATE_NOOP("labels", "Dealership after-sales (seed 003)"),
    "retail": QT_TRANSLATE_NOOP("labels", "Retail store (seed 004)"),
    "crm": QT_TRANSLATE_NOOP("labels", "General customer service (seed 002)"),
}

WEEKDAYS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("labels", "Monday"),
    QT_TRANSLATE_NOOP("labels", "Tuesday"),
    QT_TRANSLATE_NOOP("labels", "Wednesday"),
    QT_TRANSLATE_NOOP("labels", "Thursday"),
    QT_TRANSLATE_NOOP("labels", "Friday"),
    QT_TRANSLATE_NOOP("labels", "Saturday"),
    QT_TRANSLATE_NOOP("labels", "Sunday"),
)

WEEKDAYS_SHORT: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("labels", "Mon"),
    QT_TRANSLATE_NOOP("labels", "Tue"),
    QT_TRANSLATE_NOOP("labels", "Wed"),
    QT_TRANSLATE_NOOP("labels", "Thu"),
    QT_TRANSLATE_NOOP("labels", "Fri"),
    QT_TRANSLATE_NOOP("labels", "Sat"),
    QT_TRANSLATE_NOOP("labels", "Sun"),
)

VISIT_METHODS: tuple[str, ...] = ("phone", "visit", "wechat")
"""Visit methods the form offers (their names are in the vocabulary)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(value: StrEnum) -> str:
    """The name of an enum member in the UI language (its value if it is no term)."""
    return vocabulary.label(value, i18n.current_language())


def choices(enum_cls: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """(member, name in the UI language) in declaration order, for combo boxes."""
    return list(vocabulary.choices(enum_cls, i18n.current_language()))


def preset_label(key: str) -> str:
    text = PRESETS.get(key)
    return _tr(text) if text else key


def weekday(index: int) -> str:
    return _tr(WEEKDAYS[index])


def weekday_short(index: int) -> str:
    return _tr(WEEKDAYS_SHORT[index])


def visit_method(key: str) -> str:
    return vocabulary.method_label(key, i18n.current_language())


def roles_text(roles: Sequence[Role] | frozenset[Role]) -> str:
    """Roles in declaration order, named in the UI language, joined by its separator."""
    return error_texts.roles_text(roles, i18n.current_language())


def category_name(categories: Mapping[str, Sequence[str]], code: str,
                  lang: str | None = None) -> str:
    """A category's name in the UI language (``code`` itself when unknown)."""
    return vocabulary.category_name(categories, code, lang or i18n.current_language())
