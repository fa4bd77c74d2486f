"""Another desk changed the sheet open here (issue 9): say who, when and what at once,
before the user tries to save; offer to merge when the two edits touch different
fields, and say plainly that a save would be refused when they touch the same ones.

Nothing here throws the user's typing away: no button is a default button, and the
merge keeps every field the user changed (the form takes the saved sheet for all
others, so the next save goes against the newest version)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from helpdesk.services.dto import SheetDetail
from helpdesk.ui import formatting

# The sheet's own facts (SheetDetail attributes) each form value stands for.
FORM_ATTRIBUTES: Mapping[str, tuple[str, ...]] = {
    "received_at": ("received_at",),
    "channel": ("channel",),
    "severity": ("severity",),
    "category": ("category",),
    "store_id": ("store_id",),
    "customer_id": ("customer_id",),
    "vehicle_choice": ("vehicle", "order"),
    "mileage": ("mileage_km",),
    "description": ("description",),
    "customer_request": ("customer_request",),
    "root_cause": ("root_cause",),
    "correction": ("correction",),
    "compensation": ("compensation_cents",),
    "long_term_measure": ("long_term_measure",),
    "rework_needed": ("rework_needed",),
    "rework_done": ("rework_completed_at",),
    "rework_completed_at": ("rework_completed_at",),
    "linked_sheet_id": ("linked_sheet_id",),
}

# Bookkeeping that changes with every save: not "what" somebody changed.
_IGNORED = frozenset({"version", "updated_at", "updated_by_name", "available", "sla",
                      "response_on_time", "resolution_on_time", "waiting_since",
                      "customer_name", "customer_phone", "store_name",
                      "linked_sheet_number"})


def _names() -> dict[str, str]:
    """What the user reads for each attribute (the form's own words)."""
    translate = QCoreApplication.translate
    responsible = translate("SheetForm", "Responsible")
    vehicle = translate("ConcurrentNotice", "Vehicle or order")
    rework = translate("ConcurrentNotice", "Rework")
    return {
        "received_at": translate("SheetForm", "Received"),
        "channel": translate("SheetForm", "Channel"),
        "severity": translate("SheetForm", "Severity"),
        "category": translate("SheetForm", "Category"),
        "customer_id": translate("ConcurrentNotice", "Customer"),
        "vehicle": vehicle, "order": vehicle,
        "mileage_km": translate("SheetForm", "Mileage (km)"),
        "description": translate("SheetForm", "What the customer says"),
        "customer_request": translate("SheetForm", "What the customer asks for"),
        "state": translate("SheetForm", "Status"),
        "responsible_area": responsible, "responsible_user_id": responsible,
        "responsible_name": responsible,
        "root_cause": translate("SheetForm", "Root cause"),
        "correction": translate("SheetForm", "Immediate correction"),
        "compensation_cents": translate("SheetForm", "Compensation (¥)"),
        "long_term_measure": translate("SheetForm", "Long-term measure"),
        "rework_needed": rework, "rework_completed_at": rework,
        "actions": translate("ConcurrentNotice", "Corrective actions"),
        "visits": translate("ConcurrentNotice", "Return visits"),
        "progress": translate("ConcurrentNotice", "Progress log"),
        "linked_sheet_id": translate("ConcurrentNotice", "Linked sheet"),
    }


def changed_attributes(before: SheetDetail, after: SheetDetail) -> frozenset[str]:
    """The facts of the sheet that differ between two loads of it."""
    return frozenset(
        f.name for f in dataclasses.fields(SheetDetail)
        if f.name not in _IGNORED and not f.name.startswith("may_")
        and getattr(before, f.name) != getattr(after, f.name))


def attributes_of(form_keys: Iterable[str]) -> frozenset[str]:
    """The facts of the sheet the edited form values stand for."""
    return frozenset(a for k in form_keys for a in FORM_ATTRIBUTES.get(k, ()))


def describe(attributes: Iterable[str]) -> str:
    """"Root cause, Status" — each name once, in the form's order."""
    names = _names()
    shown: list[str] = []
    for attribute in sorted(attributes, key=lambda a: list(names).index(a)
                            if a in names else len(names)):
        name = names.get(attribute)
        if name and name not in shown:
            shown.append(name)
    return QCoreApplication.translate("ConcurrentNotice", ", ").join(shown) or \
        QCoreApplication.translate("ConcurrentNotice", "the sheet")


class ConcurrentNotice(QFrame):
    """The bar above the form. Signals: ``merge_requested``, ``compare_requested``."""

    merge_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concurrentNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#concurrentNotice { background: #fff4ce; }")
        self.text = QLabel(objectName="concurrentText")
        self.text.setWordWrap(True)
        self.merge_button = QPushButton(objectName="mergeButton")
        self.compare_button = QPushButton(objectName="concurrentCompareButton")
        self.dismiss_button = QPushButton(objectName="dismissButton")
        for button in (self.merge_button, self.compare_button, self.dismiss_button):
            button.setAutoDefault(False)  # Enter in a field never presses these
            button.setDefault(False)
        self.merge_button.clicked.connect(self.merge_requested)
        self.compare_button.clicked.connect(self.compare_requested)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.merge_button)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.dismiss_button)
        self.merge_button.setText(self.tr("&Merge into my input"))
        self.compare_button.setText(self.tr("Co&mpare…"))
        self.dismiss_button.setText(self.tr("OK"))
        self.hide()

    def tell(self, saved: SheetDetail, theirs: frozenset[str], *, typing: bool,
             overlap: frozenset[str] = frozenset()) -> None:
        """Show who changed what and when; with the user's typing, what can be done."""
        who = saved.updated_by_name or self.tr("Another user")
        when = formatting.datetime_text(saved.updated_at) if saved.updated_at else "?"
        text = self.tr("%1 changed this sheet at %2: %3.").replace("%1", who) \
            .replace("%2", when).replace("%3", describe(theirs))
        if typing and overlap:
            text += " " + self.tr(
                "You changed %1 too: saving would be refused. Compare, copy your text, "
                "then reload.").replace("%1", describe(overlap))
        elif typing:
            text += " " + self.tr("Your input is in other fields: merge it into their "
                                  "version, then save.")
        self.text.setText(text)
        self.merge_button.setVisible(typing and not overlap)
        self.compare_button.setVisible(typing)
        self.show()
