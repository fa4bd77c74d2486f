"""Typed errors raised by the domain and the services.

Every error carries a stable ``code`` (used by the UI and the CLI to pick a translated
message) and an English ``message`` (the source text; also what logs and the CLI show
when no translation is loaded). Errors about one input also name the ``field``, so the
UI can put the message and the cursor next to the widget that caused it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any


class HelpdeskError(Exception):
    """Base of every error the program raises on purpose.

    Attributes:
        code: stable identifier, e.g. ``"vin.check_digit"``.
        message: English text with the parameters filled in.
        params: the values interpolated into the message (for translations).
    """

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(HelpdeskError):
    """One input value is wrong; ``field`` names it (a form field / CSV column key)."""

    code = "validation"

    def __init__(self, field: str, code: str, message: str, **params: Any) -> None:
        super().__init__(message, code=code, **params)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationErrors(HelpdeskError):
    """Several fields are wrong at once (a form or an import row); nothing was saved."""

    code = "validation.many"

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = list(errors)
        joined = "; ".join(str(e) for e in self.errors)
        super().__init__(joined or "invalid input")

    def first(self) -> ValidationError | None:
        return self.errors[0] if self.errors else None


class PermissionDenied(HelpdeskError):
    """The acting user's roles do not allow the action."""

    code = "permission"


class AuthenticationError(HelpdeskError):
    """Wrong user name or password, locked account, or no such user."""

    code = "auth"


class WorkflowError(HelpdeskError):
    """A transition is not allowed from the sheet's state, or a guard refuses it."""

    code = "workflow"


class NotFound(HelpdeskError):
    code = "not_found"


class ConflictError(HelpdeskError):
    """Somebody else saved the record after the user loaded it (stale version).

    Attributes:
        saved_by: display name of whoever saved last (may be empty if unknown).
        saved_at: when they saved.
    """

    code = "conflict"

    def __init__(
        self,
        message: str,
        *,
        saved_by: str = "",
        saved_at: datetime | None = None,
        current_version: int | None = None,
    ) -> None:
        super().__init__(message, saved_by=saved_by, saved_at=saved_at)
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.current_version = current_version

    @classmethod
    def stale(
        cls, saved_by: str, saved_at: datetime | None, current_version: int | None
    ) -> ConflictError:
        """The standard refusal: who saved, when, and that the user's input is kept."""
        when = saved_at.strftime("%Y-%m-%d %H:%M") if saved_at else "?"
        who = saved_by or "another user"
        return cls(
            f"{who} saved this record at {when}, after you opened it; reload to see "
            "their changes (your input is kept)",
            saved_by=saved_by,
            saved_at=saved_at,
            current_version=current_version,
        )


class StorageError(HelpdeskError):
    """The database cannot be used as asked (network path, not a Helpdesk file, ...)."""

    code = "storage"
