"""Staff users: login (argon2 hashes, rate-limited, audited), creation, roles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from helpdesk.domain import audit, events, validation
from helpdesk.domain.errors import AuthenticationError, ValidationError, ValidationErrors
from helpdesk.domain.users import Permission, Role, User
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import SessionUser, UserInfo

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a real password")
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,60}$")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_strength(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(field, "password.too_short",
                              f"the password needs at least {MIN_PASSWORD_LENGTH} characters",
                              minimum=MIN_PASSWORD_LENGTH)
    if password.isdigit() or password.isalpha():
        raise ValidationError(field, "password.too_simple",
                              "use letters and digits (or other characters) together")


def session_user(user: User) -> SessionUser:
    assert user.id is not None
    return SessionUser(user.id, user.username, user.display_name, user.roles,
                       user.permissions, user.store_id)


def user_info(user: User) -> UserInfo:
    assert user.id is not None
    return UserInfo(user.id, user.username, user.display_name,
                    tuple(sorted(user.roles, key=list(Role).index)), user.active,
                    user.store_id, bool(user.password_hash), user.last_login_at)


def login(uow: UnitOfWork, username: str, password: str) -> SessionUser:
    """Check the password. Failures are counted and audited; after several in a row the
    account waits (doubling each time), which makes guessing slow.

    The attempt is counted *before* the password is checked, in its own committed
    transaction and atomically (``claim_login_attempt``), and taken back when the
    password is right: N desks or processes guessing at once get at most
    ``MAX_FAILED_LOGINS`` passwords checked before the lock, on SQLite and PostgreSQL.

    Reads the store's time zone and the server's clock first (``common.sync_clock``):
    every time this desk stores is then the store's, whatever the PC's zone."""
    common.sync_clock(uow)
    at = common.now()
    with uow:
        user = uow.users.get_by_username(username)
        if user is None:
            # Spend the same time as a wrong password, so the answer's speed does not
            # reveal which user names exist.
            _verify(_dummy_hash(), password)
            uow.record(events.LoginAttempted(
                at=at, user_id=None, target_id=None, outcome="failed",
                details={"username": username[:60]}, note="unknown user name"))
            uow.commit()
            raise AuthenticationError("wrong user name or password", code="auth.failed")
        while not user.is_locked(at):
            if uow.users.claim_login_attempt(user, at):
                break
        else:
            uow.record(events.LoginAttempted(at=at, **common.by(user), target_id=user.id,
                                             outcome="locked", note="locked"))
            uow.commit()
            raise AuthenticationError(
                f"too many failed attempts; try again after "
                f"{user.locked_until:%H:%M:%S}" if user.locked_until else "account locked",
                code="auth.locked", until=user.locked_until,
            )
        uow.commit()  # the claimed attempt is seen by every other desk from now on
        user_id, password_hash, active = user.id, user.password_hash, user.active
    assert user_id is not None
    right = active and _verify(password_hash, password)
    with uow:
        user = common.get_or_404(uow.users, user_id, "user")
        if not right:
            uow.record(events.LoginAttempted(
                at=at, **common.by(user), target_id=user.id, outcome="failed",
                details={"failed_logins": user.failed_logins},
                note="inactive" if not active else "wrong password"))
            uow.commit()
            raise AuthenticationError("wrong user name or password", code="auth.failed")
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.record_login(at)
        uow.record(events.LoginAttempted(at=at, **common.by(user), target_id=user.id,
                                         outcome="ok"))
        uow.commit()
        return session_user(user)


def _validate_user_fields(username: str, display_name: str,
                          roles: Iterable[Role | str]) -> tuple[str, str, frozenset[Role]]:
    errors: list[ValidationError] = []
    username = username.strip()
    if not _USERNAME.match(username):
        errors.append(ValidationError("username", "username.invalid",
                                      "user names use 2-60 letters, digits, '.', '_' or '-'"))
    try:
        display_name = validation.validate_person_name(display_name, field="display_name")
    except ValidationError as exc:
        errors.append(exc)
    parsed: set[Role] = set()
    for role in roles:
        try:
            parsed.add(Role(role))
        except ValueError:
            errors.append(ValidationError("roles", "roles.unknown", f"unknown role {role!r}",
                                          role=str(role)))
    if errors:
        raise ValidationErrors(errors)
    return username, display_name, frozenset(parsed)


def user_field_problems(username: str, display_name: str,
                        roles: Iterable[Role | str]) -> list[ValidationError]:
    """What is wrong with a new user's fields (nothing is looked up or saved)."""
    try:
        _validate_user_fields(username, display_name, roles)
    except ValidationErrors as exc:
        return list(exc.errors)
    return []


def create_user(
    uow: UnitOfWork,
    actor_id: int | None,
    username: str,
    display_name: str,
    roles: Iterable[Role | str],
    password: str | None = None,
    store_id: int | None = None,
) -> UserInfo:
    """Create a user. ``actor_id=None`` only while the database has no user yet (setup).
    A user without a password is staff who can be made responsible but cannot log in."""
    with uow:
        acting = None
        if actor_id is None:
            if uow.users.count():
                raise AuthenticationError("log in as an administrator to add users",
                                          code="auth.required")
        else:
            acting = common.actor(uow, actor_id, Permission.MANAGE_USERS)
        # Every problem at once, as on any form: fields, a taken name, a weak password.
        errors: list[ValidationError] = []
        try:
            username, display_name, parsed = _validate_user_fields(username, display_name,
                                                                   roles)
        except ValidationErrors as exc:
            errors.extend(exc.errors)
            username = username.strip()
        if uow.users.get_by_username(username) is not None:
            errors.append(ValidationError("username", "username.taken",
                                          f"the user name {username} is taken",
                                          username=username))
        if password is not None:
            try:
                check_password_strength(password)
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationErrors(errors)
        user = User(username=username, display_name=display_name, store_id=store_id,
                    password_hash=hash_password(password) if password else "",
                    created_at=common.now())
        user.roles = parsed
        uow.users.add(user)
        uow.record(events.UsersChanged(
            at=common.now(), **common.by(acting), target_id=user.id, aspect="create",
            details={"username": username, "roles": user.roles_text}))
        uow.commit()
        return user_info(user)


def update_user(
    uow: UnitOfWork,
    actor_id: int,
    user_id: int,
    *,
    display_name: str | None = None,
    roles: Iterable[Role | str] | None = None,
    active: bool | None = None,
    store_id: int | None = None,
) -> UserInfo:
    with uow:
        acting = common.actor(uow, actor_id, Permission.MANAGE_USERS)
        user = common.get_or_404(uow.users, user_id, "user")
        before = {"display_name": user.display_name, "roles": user.roles_text,
                  "active": user.active, "store_id": user.store_id}
        _, name, parsed = _validate_user_fields(
            user.username, display_name if display_name is not None else user.display_name,
            roles if roles is not None else user.roles)
        if user.id == acting.id and (active is False or
                                     (roles is not None and Role.ADMIN not in parsed)):
            raise ValidationError("roles", "user.self_lockout",
                                  "you cannot remove your own administrator access")
        user.display_name = name
        user.roles = parsed
        if active is not None:
            user.active = active
        if store_id is not None:
            user.store_id = store_id
        after = {"display_name": user.display_name, "roles": user.roles_text,
                 "active": user.active, "store_id": user.store_id}
        uow.record(events.UsersChanged(at=common.now(), **common.by(acting),
                                       target_id=user_id, aspect="update",
                                       details=audit.diff(before, after)))
        uow.commit()
        return user_info(user)


def set_password(uow: UnitOfWork, actor_id: int, user_id: int, new_password: str,
                 old_password: str | None = None) -> None:
    """Administrators set anyone's password; a user changes their own with the old one."""
    with uow:
        acting = common.actor(uow, actor_id)
        user = common.get_or_404(uow.users, user_id, "user")
        if acting.id != user.id:
            acting.require(Permission.MANAGE_USERS)
        elif not acting.can(Permission.MANAGE_USERS) and not _verify(
                user.password_hash, old_password or ""):
            raise ValidationError("old_password", "password.wrong",
                                  "the current password is wrong")
        check_password_strength(new_password)
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        uow.record(events.UsersChanged(at=common.now(), **common.by(acting),
                                       target_id=user_id, aspect="password"))
        uow.commit()


def list_users(uow: UnitOfWork, *, include_inactive: bool = True) -> list[UserInfo]:
    with uow.reading():
        return [user_info(u) for u in uow.users.list(include_inactive=include_inactive)]


def get_session_user(uow: UnitOfWork, user_id: int) -> SessionUser:
    with uow.reading():
        return session_user(common.actor(uow, user_id))


common.guard_use_cases(__name__)
