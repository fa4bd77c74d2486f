"""Translated text for the errors the domain and services raise.

Errors carry a stable ``code`` and their ``params``; this table maps a code to an
English template marked for translation, so the user reads the message in their
language next to the field named by ``error.field``. Codes missing here fall back to
the error's English message (so nothing is ever shown blank).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from helpdesk.domain.errors import HelpdeskError

CONTEXT = "errors"

# code -> template; {name} placeholders are filled from error.params.
TEMPLATES: dict[str, str] = {
    "vin.empty": QT_TRANSLATE_NOOP("errors", "Enter the VIN."),
    "vin.length": QT_TRANSLATE_NOOP(
        "errors", "A VIN has exactly 17 characters; this one has {length}."
    ),
    "vin.check_digit": QT_TRANSLATE_NOOP(
        "errors", "The VIN's check digit (9th character) does not match; check for typos."
    ),
    "plate.empty": QT_TRANSLATE_NOOP("errors", "Enter the plate number."),
    "phone.empty": QT_TRANSLATE_NOOP("errors", "Enter a phone number."),
    "phone.required": QT_TRANSLATE_NOOP(
        "errors", "A phone number is needed for the return visit."
    ),
    "customer.required": QT_TRANSLATE_NOOP("errors", "Find or create the customer first."),
    "auth.failed": QT_TRANSLATE_NOOP("errors", "Wrong user name or password."),
}


def error_text(error: HelpdeskError) -> str:
    """The user's-language text of ``error`` (falls back to its English message)."""
    template = TEMPLATES.get(error.code)
    if template is None:
        return error.message
    text = QCoreApplication.translate(CONTEXT, template)
    try:
        return text.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return error.message
