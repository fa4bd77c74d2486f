"""Error texts in the UI language.

Errors carry a stable ``code`` and their ``params``; their texts in every language are
in :mod:`helpdesk.domain.error_texts`, which the command line reads too. This module
only asks for them in the language the UI speaks, so the user reads the message next
to the field named by ``error.field``.

The error texts (and the domain vocabulary they use) are imported when a text is first
asked for, not with this module: the login window, which imports it, comes before them
(issue 13).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from helpdesk.ui import i18n

if TYPE_CHECKING:
    from helpdesk.domain.errors import HelpdeskError


def __getattr__(name: str) -> Any:
    # PERMISSION_ACTIONS and has_template: error_texts' own, read on first use.
    if name in ("PERMISSION_ACTIONS", "has_template"):
        from helpdesk.domain import error_texts

        return getattr(error_texts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def permission_text(permission: str, allowed: str = "") -> str:
    """"Only <roles> may <do this>." for a permission value."""
    from helpdesk.domain import error_texts

    return error_texts.permission_text(permission, allowed, i18n.current_language())


def format_code(code: str, params: Mapping[str, Any], fallback: str = "") -> str:
    """The text for ``code`` with ``params`` in the UI language (``fallback`` when unknown)."""
    from helpdesk.domain import error_texts

    return error_texts.format_code(code, params, fallback, i18n.current_language())


def error_text(error: HelpdeskError) -> str:
    """The UI-language text of ``error`` (falls back to its English message)."""
    from helpdesk.domain import error_texts

    return error_texts.error_text(error, i18n.current_language())


def unexpected_text(exc: BaseException) -> str:
    """For an exception that is not one of ours (a bug, a lost connection)."""
    from helpdesk.domain import error_texts

    return error_texts.unexpected_text(exc, i18n.current_language())
