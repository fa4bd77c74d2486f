"""Staff users, their roles and what each role may do (角色与权限).

The permission table is the one place that says who may do what; the services check
it on every use case, so the command line and the desktop obey the same rules.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from helpdesk.domain.errors import PermissionDenied


class Role(StrEnum):
    FRONT_DESK = "front_desk"  # 前台 / 服务顾问
    CUSTOMER_CARE = "customer_care"  # 客户关爱专员
    SERVICE_MANAGER = "service_manager"  # 服务经理
    SERVICE_DIRECTOR = "service_director"  # 服务总监
    GENERAL_MANAGER = "general_manager"  # 总经理
    ADMIN = "admin"  # 系统管理员


class Permission(StrEnum):
    VIEW_SHEETS = "view_sheets"
    REGISTER_SHEET = "register_sheet"
    EDIT_SHEET = "edit_sheet"
    ACKNOWLEDGE = "acknowledge"
    ASSIGN = "assign"
    ADD_PROGRESS = "add_progress"
    RECORD_ANALYSIS = "record_analysis"
    WAIT_FOR_CUSTOMER = "wait_for_customer"
    RESOLVE = "resolve"
    RETURN_VISIT = "return_visit"
    VISIT_AFTER_REWORK = "visit_after_rework"
    CLOSE = "close"
    REOPEN = "reopen"
    REOPEN_CLOSED = "reopen_closed"
    OVERRIDE_VIN_CHECK = "override_vin_check"
    MANAGE_CUSTOMERS = "manage_customers"
    MERGE_CUSTOMERS = "merge_customers"
    VIEW_PERSONAL_DATA = "view_personal_data"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    IMPORT_DATA = "import_data"
    VIEW_REPORTS = "view_reports"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    VIEW_AUDIT = "view_audit"
    # issue 12: issuing a month's report (the signed copy is kept unchanged)
    ISSUE_REPORTS = "issue_reports"
    REMOVE_ATTACHMENT = "remove_attachment"  # issue 11


_P = Permission
_HANDLERS = {
    _P.VIEW_SHEETS,
    _P.REGISTER_SHEET,
    _P.EDIT_SHEET,
    _P.ADD_PROGRESS,
    _P.MANAGE_CUSTOMERS,
    _P.VIEW_PERSONAL_DATA,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(_HANDLERS),
    Role.CUSTOMER_CARE: frozenset(_HANDLERS | {_P.RETURN_VISIT, _P.VIEW_REPORTS, _P.IMPORT_DATA}),
    Role.SERVICE_MANAGER: frozenset(
        _HANDLERS
        | {
            _P.ACKNOWLEDGE,
            _P.ASSIGN,
            _P.RECORD_ANALYSIS,
            _P.WAIT_FOR_CUSTOMER,
            _P.RESOLVE,
            _P.RETURN_VISIT,
            _P.VISIT_AFTER_REWORK,
            _P.REOPEN,
            _P.OVERRIDE_VIN_CHECK,
            _P.MERGE_CUSTOMERS,
            _P.EXPORT_PERSONAL_DATA,
            _P.IMPORT_DATA,
            _P.VIEW_REPORTS,
            _P.ISSUE_REPORTS,
        }
    ),
    # Seed 003: "最后由服务总监决定是否对抱怨单进行关闭" — only the director closes.
    Role.SERVICE_DIRECTOR: frozenset(
        _HANDLERS
        | {
            _P.ACKNOWLEDGE,
            _P.ASSIGN,
            _P.RECORD_ANALYSIS,
            _P.WAIT_FOR_CUSTOMER,
            _P.RESOLVE,
            _P.RETURN_VISIT,
            _P.VISIT_AFTER_REWORK,
            _P.CLOSE,
            _P.REOPEN,
            _P.REOPEN_CLOSED,
            _P.OVERRIDE_VIN_CHECK,
            _P.MERGE_CUSTOMERS,
            _P.EXPORT_PERSONAL_DATA,
            _P.IMPORT_DATA,
            _P.VIEW_REPORTS,
            _P.VIEW_AUDIT,
            _P.ISSUE_REPORTS,
        }
    ),
    Role.GENERAL_MANAGER: frozenset({_P.VIEW_SHEETS, _P.VIEW_REPORTS, _P.VIEW_AUDIT,
                                     _P.ISSUE_REPORTS}),
    # The administrator runs the system, not the complaints: no workflow rights, and
    # personal data stays masked (least privilege).
    Role.ADMIN: frozenset(
        {
            _P.VIEW_SHEETS,
            _P.MANAGE_USERS,
            _P.MANAGE_SETTINGS,
            _P.VIEW_AUDIT,
            _P.VIEW_REPORTS,
            _P.IMPORT_DATA,
            _P.MANAGE_CUSTOMERS,
        }
    ),
}

# issue 11: what reading an archive allows, whatever the reader's roles (it is read-only).
READING: frozenset[Permission] = frozenset({
    _P.VIEW_SHEETS, _P.VIEW_PERSONAL_DATA, _P.VIEW_REPORTS, _P.VIEW_AUDIT})

# issue 11: a photo or file leaves a sheet only by a manager's decision, audited.
for _role in (Role.SERVICE_MANAGER, Role.SERVICE_DIRECTOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {_P.REMOVE_ATTACHMENT}

# After this many failed logins in a row the account waits before the next try.
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


def permissions_of(roles: frozenset[Role] | set[Role]) -> frozenset[Permission]:
    result: set[Permission] = set()
    for role in roles:
        result |= ROLE_PERMISSIONS[role]
    return frozenset(result)


def roles_with(permission: Permission) -> list[Role]:
    """The roles granting ``permission``, in declaration order (for "who may" messages)."""
    return [role for role in Role if permission in ROLE_PERMISSIONS[role]]


RESPONSIBLE_ORDER = (Role.SERVICE_MANAGER, Role.SERVICE_DIRECTOR, Role.FRONT_DESK,
                     Role.CUSTOMER_CARE)
"""Who is offered first as a sheet's responsible person (the staff who put complaints
right); the domain knows no staff areas, so the order does not depend on the area."""


def may_be_responsible(roles: frozenset[Role] | set[Role]) -> bool:
    """Whether someone with ``roles`` can be a sheet's responsible person: they work on
    it, so they must be able to log progress. A person without roles (a technician
    without a login) can; the administrator and the general manager cannot."""
    return not roles or Permission.ADD_PROGRESS in permissions_of(roles)


def responsible_rank(roles: frozenset[Role] | set[Role]) -> int:
    """Sort key for the responsible-person list (see :data:`RESPONSIBLE_ORDER`)."""
    ranks = [RESPONSIBLE_ORDER.index(r) for r in roles if r in RESPONSIBLE_ORDER]
    return min(ranks, default=len(RESPONSIBLE_ORDER))


def parse_roles(text: str) -> frozenset[Role]:
    """Roles from a comma-separated string as stored (``"service_manager,customer_care"``)."""
    return frozenset(Role(part.strip()) for part in text.split(",") if part.strip())


@functools.lru_cache(maxsize=64)
def _permissions_of_text(text: str) -> frozenset[Permission]:
    # Once per stored roles text (issue 13): a sheet's form asks a dozen times per save.
    return permissions_of(parse_roles(text))


def format_roles(roles: frozenset[Role] | set[Role]) -> str:
    return ",".join(sorted(role.value for role in roles))


@dataclass(eq=False)
class User:
    """A member of staff (员工). Responsible persons are users too, even without a login.

    Attributes:
        roles_text: comma-separated role values (storage-friendly); use ``roles``.
        password_hash: argon2 hash; empty means the user cannot log in.
    """

    username: str
    display_name: str
    roles_text: str = ""
    store_id: int | None = None
    password_hash: str = ""
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = field(default=None)

    @property
    def roles(self) -> frozenset[Role]:
        return parse_roles(self.roles_text)

    @roles.setter
    def roles(self, value: frozenset[Role] | set[Role]) -> None:
        self.roles_text = format_roles(value)

    @property
    def permissions(self) -> frozenset[Permission]:
        return _permissions_of_text(self.roles_text)

    def can(self, permission: Permission) -> bool:
        return self.active and permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied naming the roles that would be allowed."""
        if not self.active:
            raise PermissionDenied(
                f"user {self.username} is deactivated", code="permission.inactive"
            )
        if permission not in self.permissions:
            allowed = ", ".join(r.value for r in roles_with(permission))
            raise PermissionDenied(
                f"{self.display_name or self.username} may not {permission.value} "
                f"(allowed roles: {allowed})",
                code=f"permission.{permission.value}",
                permission=permission.value,
                allowed=allowed,
            )

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def record_failed_login(self, now: datetime) -> None:
        self.failed_logins, self.locked_until = self.after_failed_login(now)

    def after_failed_login(self, now: datetime) -> tuple[int, datetime | None]:
        """The failure count and lock one more failed login leaves (nothing changed)."""
        failed = self.failed_logins + 1
        if failed < MAX_FAILED_LOGINS:
            return failed, self.locked_until
        # Each further failure doubles the wait, capped, so guessing stays slow.
        extra = min(failed - MAX_FAILED_LOGINS, 4)
        return failed, now + LOCKOUT * (2**extra)

    def record_login(self, now: datetime) -> None:
        self.failed_logins = 0
        self.locked_until = None
        self.last_login_at = now
