"""Translated names of the domain's enumerations (channel, severity, state, roles…).

Values are stored in English-coded form; what a person reads comes from here. Labels
are kept per enumeration class, because two enumerations may share a value
(``OrderKind.RETAIL`` and ``StoreKind.RETAIL`` are both ``"retail"``).

Categories are data, not code: their names in each language come from the settings
(``services.common.categories``), see :func:`category_name`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain.complaints import (
    Action,
    Effectiveness,
    ResponsibleArea,
    SheetState,
    VisitKind,
)
from helpdesk.domain.customers import CustomerKind, Gender, Lifecycle, OrderKind, StoreKind, Tier
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.filters import DueFilter
from helpdesk.domain.sla import DueKind, SlaState
from helpdesk.domain.users import Role
from helpdesk.ui import i18n

CONTEXT = "labels"

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Channel: {
        Channel.CARE_VISIT: QT_TRANSLATE_NOOP("labels", "Customer-care return visit"),
        Channel.RECEPTION: QT_TRANSLATE_NOOP("labels", "Service reception"),
        Channel.OEM_HOTLINE: QT_TRANSLATE_NOOP("labels", "Manufacturer 400 hotline"),
        Channel.MEDIA: QT_TRANSLATE_NOOP("labels", "Media / consumer association / regulator"),
        Channel.PHONE: QT_TRANSLATE_NOOP("labels", "Phone"),
        Channel.ONLINE: QT_TRANSLATE_NOOP("labels", "Online / WeChat / e-mail"),
        Channel.IN_STORE: QT_TRANSLATE_NOOP("labels", "In store"),
    },
    Severity: {
        Severity.MAJOR: QT_TRANSLATE_NOOP("labels", "Major"),
        Severity.GENERAL: QT_TRANSLATE_NOOP("labels", "General"),
    },
    SheetState: {
        SheetState.REGISTERED: QT_TRANSLATE_NOOP("labels", "Registered"),
        SheetState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("labels", "Acknowledged"),
        SheetState.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
        SheetState.WAITING: QT_TRANSLATE_NOOP("labels", "Waiting for customer"),
        SheetState.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved, awaiting visit"),
        SheetState.VISITED: QT_TRANSLATE_NOOP("labels", "Visited"),
        SheetState.CLOSED: QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    ResponsibleArea: {
        ResponsibleArea.TECHNICAL: QT_TRANSLATE_NOOP("labels", "Technical"),
        ResponsibleArea.SERVICE: QT_TRANSLATE_NOOP("labels", "Service"),
        ResponsibleArea.PARTS: QT_TRANSLATE_NOOP("labels", "Parts"),
        ResponsibleArea.SALES: QT_TRANSLATE_NOOP("labels", "Sales"),
        ResponsibleArea.LOGISTICS: QT_TRANSLATE_NOOP("labels", "Logistics"),
        ResponsibleArea.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    },
    VisitKind: {
        VisitKind.AFTER_REWORK: QT_TRANSLATE_NOOP("labels", "After rework"),
        VisitKind.SATISFACTION: QT_TRANSLATE_NOOP("labels", "Satisfaction check"),
        VisitKind.FOLLOW_UP: QT_TRANSLATE_NOOP("labels", "Follow-up"),
    },
    Effectiveness: {
        Effectiveness.PENDING: QT_TRANSLATE_NOOP("labels", "Not checked yet"),
        Effectiveness.EFFECTIVE: QT_TRANSLATE_NOOP("labels", "Effective"),
        Effectiveness.NOT_EFFECTIVE: QT_TRANSLATE_NOOP("labels", "Not effective"),
    },
    Action: {
        Action.ACKNOWLEDGE: QT_TRANSLATE_NOOP("labels", "Acknowledge"),
        Action.ASSIGN: QT_TRANSLATE_NOOP("labels", "Assign"),
        Action.WAIT: QT_TRANSLATE_NOOP("labels", "Wait for customer"),
        Action.RESUME: QT_TRANSLATE_NOOP("labels", "Resume"),
        Action.RESOLVE: QT_TRANSLATE_NOOP("labels", "Resolve"),
        Action.RETURN_VISIT: QT_TRANSLATE_NOOP("labels", "Record return visit"),
        Action.CLOSE: QT_TRANSLATE_NOOP("labels", "Close"),
        Action.REOPEN: QT_TRANSLATE_NOOP("labels", "Reopen"),
    },
    Role: {
        Role.FRONT_DESK: QT_TRANSLATE_NOOP("labels", "Front desk / service advisor"),
        Role.CUSTOMER_CARE: QT_TRANSLATE_NOOP("labels", "Customer-care specialist"),
        Role.SERVICE_MANAGER: QT_TRANSLATE_NOOP("labels", "Service manager"),
        Role.SERVICE_DIRECTOR: QT_TRANSLATE_NOOP("labels", "Service director"),
        Role.GENERAL_MANAGER: QT_TRANSLATE_NOOP("labels", "General manager"),
        Role.ADMIN: QT_TRANSLATE_NOOP("labels", "Administrator"),
    },
    Tier: {
        Tier.REGULAR: QT_TRANSLATE_NOOP("labels", "Regular"),
        Tier.VIP: QT_TRANSLATE_NOOP("labels", "VIP"),
        Tier.SENIOR_VIP: QT_TRANSLATE_NOOP("labels", "Senior VIP"),
    },
    CustomerKind: {
        CustomerKind.INDIVIDUAL: QT_TRANSLATE_NOOP("labels", "Individual"),
        CustomerKind.COMPANY: QT_TRANSLATE_NOOP("labels", "Company"),
    },
    Gender: {
        Gender.UNKNOWN: QT_TRANSLATE_NOOP("labels", "Not given"),
        Gender.MALE: QT_TRANSLATE_NOOP("labels", "Male"),
        Gender.FEMALE: QT_TRANSLATE_NOOP("labels", "Female"),
    },
    Lifecycle: {
        Lifecycle.NEW: QT_TRANSLATE_NOOP("labels", "New"),
        Lifecycle.PROSPECT: QT_TRANSLATE_NOOP("labels", "Prospect"),
        Lifecycle.ACTIVE: QT_TRANSLATE_NOOP("labels", "Active"),
        Lifecycle.INACTIVE: QT_TRANSLATE_NOOP("labels", "Inactive"),
    },
    OrderKind: {
        OrderKind.VEHICLE_SALE: QT_TRANSLATE_NOOP("labels", "Vehicle sale"),
        OrderKind.SERVICE: QT_TRANSLATE_NOOP("labels", "Service and maintenance"),
        OrderKind.PARTS: QT_TRANSLATE_NOOP("labels", "Parts"),
        OrderKind.RETAIL: QT_TRANSLATE_NOOP("labels", "Retail order"),
    },
    StoreKind: {
        StoreKind.DEALERSHIP: QT_TRANSLATE_NOOP("labels", "Dealership after-sales"),
        StoreKind.RETAIL: QT_TRANSLATE_NOOP("labels", "Retail store"),
    },
    DueKind: {
        DueKind.WORKING_MINUTES: QT_TRANSLATE_NOOP("labels", "Working minutes"),
        DueKind.CALENDAR_MINUTES: QT_TRANSLATE_NOOP("labels", "Minutes (clock)"),
        DueKind.END_OF_WORKDAY: QT_TRANSLATE_NOOP("labels", "Before end of working day"),
        DueKind.WORKING_DAYS: QT_TRANSLATE_NOOP("labels", "Working days"),
        DueKind.CALENDAR_DAYS: QT_TRANSLATE_NOOP("labels", "Days (calendar)"),
    },
    SlaState: {
        SlaState.MET: QT_TRANSLATE_NOOP("labels", "On time"),
        SlaState.MISSED: QT_TRANSLATE_NOOP("labels", "Late"),
        SlaState.PENDING: QT_TRANSLATE_NOOP("labels", "Running"),
        SlaState.NEAR: QT_TRANSLATE_NOOP("labels", "Due soon"),
        SlaState.OVERDUE: QT_TRANSLATE_NOOP("labels", "Overdue"),
        SlaState.PAUSED: QT_TRANSLATE_NOOP("labels", "Paused"),
    },
    DueFilter: {
        DueFilter.OVERDUE: QT_TRANSLATE_NOOP("labels", "Overdue"),
        DueFilter.DUE_TODAY: QT_TRANSLATE_NOOP("labels", "Due today"),
    },
}

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

VISIT_METHODS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("labels", "Phone call"),
    "visit": QT_TRANSLATE_NOOP("labels", "In person"),
    "wechat": QT_TRANSLATE_NOOP("labels", "WeChat / message"),
}

# Index of a category's name per language in the settings' [简体, 繁體, English] list.
_CATEGORY_INDEX = {"zh_CN": 0, "zh_TW": 1, "en": 2}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(value: StrEnum) -> str:
    """The translated name of an enum member (its value if none is registered)."""
    text = _LABELS.get(type(value), {}).get(value.value)
    return _tr(text) if text else str(value.value)


def choices(enum_cls: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """(member, translated name) in declaration order, for combo boxes."""
    return [(member, label(member)) for member in enum_cls]


def preset_label(key: str) -> str:
    text = PRESETS.get(key)
    return _tr(text) if text else key


def weekday(index: int) -> str:
    return _tr(WEEKDAYS[index])


def weekday_short(index: int) -> str:
    return _tr(WEEKDAYS_SHORT[index])


def visit_method(key: str) -> str:
    text = VISIT_METHODS.get(key)
    return _tr(text) if text else key


def roles_text(roles: Sequence[Role] | frozenset[Role]) -> str:
    """Roles in declaration order, translated, joined by the language's list separator."""
    ordered = [r for r in Role if r in set(roles)]
    separator = "、" if i18n.current_language().startswith("zh") else ", "
    return separator.join(label(r) for r in ordered) if ordered else "—"


def category_name(categories: Mapping[str, Sequence[str]], code: str,
                  lang: str | None = None) -> str:
    """A category's name in the UI language (``code`` itself when unknown)."""
    names = categories.get(code)
    if not names:
        return code
    index = _CATEGORY_INDEX.get(lang or i18n.current_language(), 0)
    return names[index] if index < len(names) and names[index] else names[0]
