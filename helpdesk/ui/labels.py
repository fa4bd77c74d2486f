"""Translated names of the domain's enumerations (channel, severity, state, roles…).

Values are stored in English-coded form; what a person reads comes from here.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain.complaints import SheetState
from helpdesk.domain.enums import Channel, Severity

CONTEXT = "labels"

LABELS: dict[StrEnum, str] = {
    Channel.CARE_VISIT: QT_TRANSLATE_NOOP("labels", "Customer-care return visit"),
    Channel.RECEPTION: QT_TRANSLATE_NOOP("labels", "Service reception"),
    Channel.OEM_HOTLINE: QT_TRANSLATE_NOOP("labels", "Manufacturer 400 hotline"),
    Channel.MEDIA: QT_TRANSLATE_NOOP("labels", "Media / consumer association / regulator"),
    Channel.PHONE: QT_TRANSLATE_NOOP("labels", "Phone"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("labels", "Online / WeChat / e-mail"),
    Channel.IN_STORE: QT_TRANSLATE_NOOP("labels", "In store"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("labels", "Major"),
    Severity.GENERAL: QT_TRANSLATE_NOOP("labels", "General"),
    SheetState.REGISTERED: QT_TRANSLATE_NOOP("labels", "Registered"),
    SheetState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("labels", "Acknowledged"),
    SheetState.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    SheetState.WAITING: QT_TRANSLATE_NOOP("labels", "Waiting for customer"),
    SheetState.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved, awaiting visit"),
    SheetState.VISITED: QT_TRANSLATE_NOOP("labels", "Visited"),
    SheetState.CLOSED: QT_TRANSLATE_NOOP("labels", "Closed"),
}


def label(value: StrEnum) -> str:
    """The translated name of an enum member (its value if none is registered)."""
    text = LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, text) if text else str(value.value)
