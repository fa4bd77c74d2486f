"""What every use case shares: the clock, the acting user, the audit trail, settings.

Every service function takes a unit of work and plain values, checks the actor's
permission, changes the domain objects, records what happened as a domain event
(``uow.record(events.X(...))``) and commits. The unit of work writes the audit entry
from the event *in the same transaction* — so a change and its audit record live or
die together — and announces the event's ``Changes`` only after the commit.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from helpdesk.domain import inputs, parsing, sla, validation
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.complaints import DEFAULT_CATEGORIES
from helpdesk.domain.customers import Store
from helpdesk.domain.errors import (
    AuthenticationError,
    HelpdeskError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from helpdesk.domain.sla import PRESETS, SlaPolicy
from helpdesk.domain.users import Permission, User

# Re-exported: the services name it ``common.UnitOfWork``.
from helpdesk.services.ports import UnitOfWork as UnitOfWork
from helpdesk.storage import locks

log = logging.getLogger(__name__)

# ------------------------------------------------------------------ the clock
# "Now" is the store's wall-clock time (naive, the convention of every stored time),
# whatever the PC's own time zone: the instant is the PC's UTC clock corrected by the
# database server's (PostgreSQL), read in the store's zone (a setting of the database).
DEFAULT_TIME_ZONE = "Asia/Shanghai"
TIME_ZONE_KEY = "time_zone"
WARNING_WINDOW_KEY = "warning_window"  # sla.WarningWindow.to_dict(); read with the clock
CLOCK_TOLERANCE = timedelta(minutes=1)
"""A desk whose clock differs from the server's by more than this is told at login."""
CLOCK_REFRESH_SECONDS = 15 * 60
"""How often the server's clock is measured again (not at every ``now()``)."""


@dataclass
class _ClockState:
    zone: ZoneInfo
    offset: timedelta = timedelta(0)            # server's clock minus this PC's clock
    measure: Callable[[], datetime | None] | None = None   # the server's UTC "now"
    measured_at: float = 0.0                    # time.monotonic() of the last measure


_clock = _ClockState(ZoneInfo(DEFAULT_TIME_ZONE))
_clock_lock = threading.Lock()


def time_zone(name: str, *, field: str = "time_zone") -> ZoneInfo:
    """The zone called ``name`` ("Asia/Shanghai"); refused with a clear message if
    the zone database does not know it."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(field, "time_zone.unknown",
                              f"{name!r} is not a time zone (e.g. Asia/Shanghai)",
                              value=name) from exc


def store_zone() -> ZoneInfo:
    """The zone "now" is read in (the store's, once the database was read)."""
    return _clock.zone


def clock_offset() -> timedelta:
    """The database server's clock minus this PC's (zero on SQLite)."""
    return _clock.offset


def _measure_offset() -> None:
    measure = _clock.measure
    if measure is None:
        return
    before = time.time()
    server = measure()
    after = time.time()
    _clock.measured_at = time.monotonic()
    if server is None:
        _clock.offset = timedelta(0)
        return
    # The server read its clock about half-way through the round trip.
    local = datetime.fromtimestamp((before + after) / 2, UTC)
    _clock.offset = server.astimezone(UTC) - local


def _refresh_offset() -> None:
    if _clock.measure is None or \
            time.monotonic() - _clock.measured_at < CLOCK_REFRESH_SECONDS:
        return
    if not _clock_lock.acquire(blocking=False):
        return  # another thread is measuring; the old offset serves meanwhile
    try:
        _measure_offset()
    except Exception:  # noqa: BLE001 - a failed re-measure keeps the last offset
        _clock.measured_at = time.monotonic()
        log.warning("the database server's clock could not be read", exc_info=True)
    finally:
        _clock_lock.release()


def _system_now() -> datetime:
    _refresh_offset()
    instant = datetime.now(UTC) + _clock.offset
    return instant.astimezone(_clock.zone).replace(tzinfo=None, microsecond=0)


def sync_clock(uow: UnitOfWork) -> timedelta:
    """Read the store's time zone (and its warning window, ``sla.WarningWindow``) and
    measure the database server's clock (PostgreSQL;
    SQLite has none, the PC's clock is used). Called when a desk opens the database
    (login, the command line); later measures happen every
    :data:`CLOCK_REFRESH_SECONDS` on their own. Returns the server's clock minus
    this PC's (see :func:`clock_off`)."""

    def measure() -> datetime | None:
        with uow.reading():
            return uow.server_now()

    with uow.reading():
        name = uow.settings.get(TIME_ZONE_KEY) or DEFAULT_TIME_ZONE
        window = uow.settings.get(WARNING_WINDOW_KEY)
    sla.set_warning_window(sla.WarningWindow.from_dict(window))
    try:
        zone = time_zone(str(name))
    except ValidationError:
        log.warning("unknown store time zone %r; using %s", name, DEFAULT_TIME_ZONE)
        zone = ZoneInfo(DEFAULT_TIME_ZONE)
    with _clock_lock:
        _clock.zone = zone
        _clock.measure = measure
        _measure_offset()
    if clock_off():
        log.warning("this PC's clock is off by %s from the database server's",
                    _clock.offset)
    return _clock.offset


def clock_off() -> bool:
    """True when this PC's clock differs from the server's by more than a minute."""
    return abs(_clock.offset) > CLOCK_TOLERANCE


def reset_clock_sync() -> None:
    """Forget the store's zone and the server's clock (tests; closing a database)."""
    with _clock_lock:
        _clock.zone = ZoneInfo(DEFAULT_TIME_ZONE)
        _clock.offset = timedelta(0)
        _clock.measure = None
        _clock.measured_at = 0.0
    sla.set_warning_window(None)


# Tests and the demo generator replace this to freeze or move time.
now: Callable[[], datetime] = _system_now


def set_clock(clock: Callable[[], datetime] | None) -> None:
    global now  # noqa: PLW0603 - the module attribute is the seam every caller reads
    now = clock or _system_now


# ------------------------------------------------------- the service boundary
def _is_input(value: Any) -> bool:
    """The dataclasses whose fields are checked: the services' inputs and filters."""
    module = type(value).__module__
    return module.startswith("helpdesk.services.") or module == "helpdesk.domain.filters"


def check_arguments(signature: inspect.Signature, args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> None:
    """Every value a use case is called with, through ``domain.inputs``."""
    bound = signature.bind_partial(*args, **kwargs)
    for name, value in bound.arguments.items():
        if name != "uow":
            inputs.check_value(value, field=name, walk=_is_input)


def _positional_names(signature: inspect.Signature) -> tuple[str, ...] | None:
    """The names positional arguments bind to, when that is all binding does (no
    ``*args``/``**kwargs``): then a call is checked without ``bind_partial``."""
    names = []
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            return None
        if parameter.kind is not parameter.KEYWORD_ONLY:
            names.append(parameter.name)
    return tuple(names)


def _check_call(signature: inspect.Signature, names: tuple[str, ...] | None,
                args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """:func:`check_arguments`, binding by position when it can (issue 13: every
    search and page goes through here; ``bind_partial`` cost more than the checks)."""
    if names is None or len(args) > len(names) or any(
            n in kwargs for n in names[:len(args)]):
        check_arguments(signature, args, kwargs)  # let inspect say what is wrong
        return
    for name, value in zip(names, args, strict=False):
        if name != "uow":
            inputs.check_value(value, field=name, walk=_is_input)
    for name, value in kwargs.items():
        if name != "uow":
            inputs.check_value(value, field=name, walk=_is_input)


def guard_use_cases(module_name: str) -> None:
    """Put :func:`check_arguments` in front of every public use case of a module
    (a function whose first parameter is ``uow``). Each service module ends with
    ``common.guard_use_cases(__name__)``: one line, and nothing reaches a use case
    unchecked — a lone surrogate, a NUL, a million-character note, an id of 2**64."""
    module = sys.modules[module_name]
    for name, fn in list(vars(module).items()):
        if name.startswith("_") or not inspect.isfunction(fn) \
                or fn.__module__ != module_name or getattr(fn, "__guarded__", False):
            continue
        parameters = list(inspect.signature(fn).parameters)
        if not parameters or parameters[0] != "uow":
            continue
        setattr(module, name, _guarded(fn))


_outermost = threading.local()
BUSY_RETRIES = 1
"""A save that found the database busy is tried once more before the user is told."""


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(fn)
    names = _positional_names(signature)

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_call(signature, names, args, kwargs)
        if getattr(_outermost, "active", False):
            return fn(*args, **kwargs)  # the outer use case retries and explains
        _outermost.active = True
        try:
            return _attempts(fn, args, kwargs)
        finally:
            _outermost.active = False

    checked.__guarded__ = True  # type: ignore[attr-defined]
    return checked


def _attempts(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Run the use case; a busy database (a lock held elsewhere) gets one more try,
    then a message naming who holds it; a unique index's refusal becomes the field's
    message. A use case is one transaction rolled back on failure: trying it again is
    safe."""
    # Inside a transaction the caller opened, a retry would run in a failed transaction.
    retries = BUSY_RETRIES if getattr(args[0] if args else None, "_depth", 0) == 0 else 0
    for attempt in range(retries + 1):
        try:
            return fn(*args, **kwargs)
        except HelpdeskError:
            raise
        except Exception as exc:
            field = locks.field_error(exc)
            if field is not None:
                raise field from exc
            if not locks.is_busy(exc):
                raise
            if attempt == retries:
                engine = getattr(args[0], "engine", None) if args else None
                raise locks.busy_error(engine, exc) from exc
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def actor(uow: UnitOfWork, actor_id: int, permission: Permission | None = None) -> User:
    """The acting user, loaded fresh (a deactivated user loses access at once)."""
    return _checked(uow.users.get(actor_id), actor_id, permission)


def reader(uow: UnitOfWork, actor_id: int, permission: Permission | None = None) -> User:
    """The acting user for a use case that only reads them (their id, name, store and
    rights: the lists and searches on every page, a registration): the checks of
    :func:`actor` on the user's row read by one prepared query, not loaded through the
    ORM. The user is not attached to the session: do not change it or link records to
    it as an object (use :func:`actor` for that)."""
    return _checked(uow.users.acting(actor_id), actor_id, permission)


def registrar(uow: UnitOfWork, actor_id: int, permission: Permission, store_id: int | None,
              ) -> tuple[User, Store | None, dict[str, list[str]]]:
    """The acting user checked as :func:`reader` does, the store they register at
    (``store_id``, else their own; None when there is none) and the categories
    (:func:`categories`), read by one statement (issue 13: a registration read them by
    three)."""
    user, store, stored = uow.users.at_desk(actor_id, store_id, CATEGORIES_KEY)
    return _checked(user, actor_id, permission), store, _categories(stored)


def _checked(user: User | None, actor_id: int, permission: Permission | None) -> User:
    if user is None:
        raise AuthenticationError(f"unknown user id {actor_id}", code="auth.unknown_user")
    if not user.active:
        raise PermissionDenied(f"user {user.username} is deactivated",
                               code="permission.inactive")
    if permission is not None:
        user.require(permission)
    return user


def read_only(uow: UnitOfWork) -> bool:
    """Whether ``uow`` reads an archive (issue 11): it refuses every write, and the
    screens are told so through the ``may_*`` flags."""
    return bool(getattr(uow, "read_only", False))


def by(user: User | None) -> dict[str, Any]:
    """Who acted, as an event names them: ``events.X(at=at, **common.by(user), ...)``."""
    return {"user_id": user.id if user else None, "username": user.username if user else ""}


def get_or_404(repo: Any, entity_id: int, what: str) -> Any:
    obj = repo.get(entity_id)
    if obj is None:
        raise NotFound(f"{what} {entity_id} does not exist", code=f"{what}.not_found")
    return obj


# ------------------------------------------------------- what the columns hold
# Amounts are 64-bit columns of fen; a billion yuan is beyond any order or compensation
# a store records, so a larger figure is a typing mistake.
MAX_AMOUNT_CENTS = 10**11
EMAIL_MAX_LENGTH = 200


def amount_cents(value: int | str, *, field: str) -> int:
    """An amount in fen: text is parsed ("1,234.50", "¥100"), an int is fen already;
    refused (not left to the database to fail on) when the column cannot hold it."""
    if isinstance(value, str):
        return parsing.parse_amount_cents(value, field=field, max_cents=MAX_AMOUNT_CENTS)
    if value > MAX_AMOUNT_CENTS:
        raise ValidationError(field, "amount.too_large",
                              f"The amount {parsing.format_yuan(value)} is larger than the "
                              f"maximum of {parsing.format_yuan(MAX_AMOUNT_CENTS)}.",
                              value=str(value),
                              max_cents=MAX_AMOUNT_CENTS)
    return int(value)


def email(value: str, *, field: str = "email") -> str:
    """A valid e-mail address that also fits its column."""
    address = validation.validate_email(value, field=field)
    if len(address) > EMAIL_MAX_LENGTH:
        raise ValidationError(field, "text.too_long",
                              f"The text has {len(address)} characters; at most "
                              f"{EMAIL_MAX_LENGTH} are allowed.", length=len(address),
                              max_length=EMAIL_MAX_LENGTH)
    return address


# ------------------------------------------------------------------ settings
BANNED_PHRASES_KEY = "banned_phrases"
CATEGORIES_KEY = "categories"
RETENTION_KEY = "retention_years"


def banned_phrases(uow: UnitOfWork) -> tuple[str, ...]:
    stored = uow.settings.get(BANNED_PHRASES_KEY)
    if not stored:
        return validation.DEFAULT_BANNED_PHRASES
    return tuple(str(p) for p in stored)


def categories(uow: UnitOfWork) -> dict[str, list[str]]:
    """Category code → [简体, 繁體, English]."""
    return _categories(uow.settings.get(CATEGORIES_KEY))


def _categories(stored: Any) -> dict[str, list[str]]:
    """The categories of the setting's stored value (None: not set)."""
    if not stored:
        return {code: list(names) for code, names in DEFAULT_CATEGORIES.items()}
    return {str(k): list(v) for k, v in stored.items()}


def store_policy(store: Store) -> SlaPolicy:
    return stored_policy(store.preset, store.policy_json or "")


def stored_policy(preset: str, policy_json: str) -> SlaPolicy:
    """The SLA policy of a store's preset and stored policy text (``Stores.policies``)."""
    return _policy(preset, policy_json or "")


@functools.lru_cache(maxsize=32)
def _policy(preset: str, policy_json: str) -> SlaPolicy:
    # Read once per text (a policy is frozen): every page of the list asks for it.
    data = json.loads(policy_json or "{}")
    if not data:
        return PRESETS.get(preset, PRESETS["dealership"])()
    return SlaPolicy.from_dict(data)


def store_calendar(store: Store) -> StoreCalendar:
    return _calendar(store.preset, store.calendar_json or "")


@functools.lru_cache(maxsize=32)
def _calendar(preset: str, calendar_json: str) -> StoreCalendar:
    # Read once per text, as the policy (a calendar is frozen): every save asks for it.
    data = json.loads(calendar_json or "{}")
    if not data:
        if preset == "retail":
            return StoreCalendar.retail_default()
        if preset == "crm":
            return StoreCalendar.office_default()
        return StoreCalendar.dealership_default()
    return StoreCalendar.from_dict(data)
