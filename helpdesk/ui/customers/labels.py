"""Translated names of the customer analytics' own enumerations: duplicate reasons and
kinds of return visit due, plus the one-line explanations of the value figures; pyramid
segments and RFM classes are named by ``domain.vocabulary`` (as the KPI report names
them), shared enumerations by ``helpdesk.ui.labels``."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain import vocabulary
from helpdesk.services.analytics import DuplicateReason, RfmClass, Segment, VisitDueKind
from helpdesk.ui import i18n
from helpdesk.ui import labels as shared

CONTEXT = "customer_labels"

_LABELS: dict[type[StrEnum], dict[str, str]] = {
    DuplicateReason: {
        DuplicateReason.PHONE: QT_TRANSLATE_NOOP("customer_labels", "Same phone"),
        DuplicateReason.NAME_PHONE: QT_TRANSLATE_NOOP(
            "customer_labels", "Same name, similar phone"
        ),
        # issue 15: more reasons than a phone
        DuplicateReason.PLATE: QT_TRANSLATE_NOOP("customer_labels", "Same plate"),
        DuplicateReason.NAME_ADDRESS: QT_TRANSLATE_NOOP("customer_labels", "Same name and address"),
        DuplicateReason.NATIONAL_ID: QT_TRANSLATE_NOOP("customer_labels", "Same ID number"),
        DuplicateReason.SIMILAR_NAME_ADDRESS: QT_TRANSLATE_NOOP(
            "customer_labels", "Similar name + same address"
        ),
    },
    VisitDueKind: {
        VisitDueKind.SATISFACTION: QT_TRANSLATE_NOOP(
            "customer_labels", "Satisfaction check after resolution"
        ),
        VisitDueKind.FIRST_VISIT: QT_TRANSLATE_NOOP(
            "customer_labels", "First visit after delivery"
        ),
    },
}

RFM_EXPLANATIONS: dict[str, str] = {
    RfmClass.HIGH_VALUE: QT_TRANSLATE_NOOP(
        "customer_labels", "Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4)."
    ),
    RfmClass.POTENTIAL: QT_TRANSLATE_NOOP(
        "customer_labels", "Bought recently and buys often or much (R ≥ 3, F or M ≥ 3)."
    ),
    RfmClass.ORDINARY: QT_TRANSLATE_NOOP(
        "customer_labels", "Bought recently, seldom and little (R ≥ 3, F and M ≤ 2)."
    ),
    RfmClass.AT_RISK: QT_TRANSLATE_NOOP(
        "customer_labels", "Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4)."
    ),
    RfmClass.SILENT: QT_TRANSLATE_NOOP(
        "customer_labels", "Has not been back for a while and bought little (R ≤ 2)."
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# The pyramid segments and RFM classes are named by the vocabulary (the KPI report
# prints the same words).
_CLASSES: dict[type[StrEnum], str] = {Segment: "segment", RfmClass: "rfm"}


def label(value: StrEnum) -> str:
    """The translated name of ``value``: ours first, then the shared labels."""
    kind = _CLASSES.get(type(value))
    if kind is not None:
        return vocabulary.customer_class_label(kind, value.value, i18n.current_language())
    text = _LABELS.get(type(value), {}).get(value.value)
    return _tr(text) if text else shared.label(value)


def choices(enum_cls: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    return [(member, label(member)) for member in enum_cls]


def rfm_explanation(value: RfmClass) -> str:
    return _tr(RFM_EXPLANATIONS[value.value])
