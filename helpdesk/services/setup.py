"""First-run setup: the store, its SLA preset and calendar, the first administrator."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from helpdesk.domain import events, search_keys, text, validation
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.customers import Store, StoreKind
from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.domain.sla import PRESETS
from helpdesk.domain.users import Role
from helpdesk.services import common, users
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import StoreInfo

STORE_CODE_LENGTH = 8
_STORE_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")
PRESET_STORE_KIND = {"dealership": StoreKind.DEALERSHIP, "retail": StoreKind.RETAIL,
                     "crm": StoreKind.RETAIL}


def default_calendar(preset: str) -> StoreCalendar:
    if preset == "retail":
        return StoreCalendar.retail_default()
    if preset == "crm":
        return StoreCalendar.office_default()
    return StoreCalendar.dealership_default()


def store_info(store: Store) -> StoreInfo:
    assert store.id is not None
    return StoreInfo(store.id, store.code, store.name, store.kind, store.preset,
                     store.address, store.phone)


def is_initialised(uow: UnitOfWork) -> bool:
    with uow.reading():
        return bool(uow.stores.list()) and uow.users.count() > 0


@dataclass(frozen=True)
class SetupResult:
    store: StoreInfo
    admin_id: int


def _validate_store(name: str, code: str, preset: str) -> tuple[str, str]:
    errors: list[ValidationError] = []
    try:
        name = validation.validate_text(name, field="store_name", required=True, max_length=120)
    except ValidationError as exc:
        errors.append(exc)
    code = text.normalize(code).upper()
    if not _STORE_CODE.match(code):
        errors.append(ValidationError("store_code", "store_code.invalid",
                                      "the store code is 1-8 letters/digits starting with a "
                                      "letter (it prefixes sheet numbers, e.g. TS-2026-000123)"))
    if preset not in PRESETS:
        errors.append(ValidationError("preset", "preset.unknown",
                                      f"unknown preset {preset!r}; choose one of "
                                      f"{', '.join(PRESETS)}", preset=preset))
    if errors:
        raise ValidationErrors(errors)
    return name, code


def default_store_code(store_name: str) -> str:
    """The store code offered when none is given: the pinyin initials of the name."""
    return search_keys.code_from_name(store_name, initials=True, max_length=STORE_CODE_LENGTH)


def add_store(uow: UnitOfWork, store_name: str, store_code: str, preset: str,
              calendar: StoreCalendar | None = None) -> Store:
    """Create a store inside an open unit of work (setup, demo and admin use it)."""
    name, code = _validate_store(store_name, store_code, preset)
    if uow.stores.get_by_code(code) is not None:
        raise ValidationError("store_code", "store_code.taken",
                              f"a store with code {code} exists already", store_code=code)
    cal = calendar or default_calendar(preset)
    store = Store(code=code, name=name, kind=PRESET_STORE_KIND[preset], preset=preset,
                  calendar_json=json.dumps(cal.to_dict(), ensure_ascii=False),
                  policy_json=json.dumps(PRESETS[preset]().to_dict(), ensure_ascii=False))
    uow.stores.add(store)
    return store


def setup_problems(*, store_name: str, store_code: str, preset: str, admin_username: str,
                   admin_password: str, admin_display_name: str) -> list[ValidationError]:
    """Every problem with the first-run input at once (store, user name, password), so
    the form shows them in one round."""
    errors: list[ValidationError] = []
    try:
        _validate_store(store_name, store_code, preset)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    errors.extend(users.user_field_problems(admin_username, admin_display_name, [Role.ADMIN]))
    try:
        users.check_password_strength(admin_password, field="admin_password")
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    except ValidationError as exc:
        errors.append(exc)
    return errors


def initialise(
    uow: UnitOfWork,
    *,
    store_name: str,
    store_code: str,
    preset: str,
    admin_username: str,
    admin_password: str,
    admin_display_name: str = "系统管理员",
    calendar: StoreCalendar | None = None,
) -> SetupResult:
    """Set up an empty database, all in one transaction. Refused when it has users."""
    errors = setup_problems(store_name=store_name, store_code=store_code, preset=preset,
                            admin_username=admin_username, admin_password=admin_password,
                            admin_display_name=admin_display_name)
    if errors:
        raise ValidationErrors(errors)
    with uow:
        if uow.users.count():
            raise ValidationError("database", "setup.done",
                                  "this database is set up already")
        if calendar is None:
            # A real store starts with this year's and next year's public holidays and
            # make-up days (issue 10); add_store alone (tests, demo) keeps the preset's.
            from helpdesk.services import holidays

            year = common.now().year
            calendar = holidays.with_official(default_calendar(preset), (year, year + 1))
        store = add_store(uow, store_name, store_code, preset, calendar)
        assert store.id is not None
        uow.record(events.StoreChanged(
            at=common.now(), user_id=None, store_id=store.id, aspect="create",
            details={"code": store.code, "name": store.name, "preset": preset}))
        info = store_info(store)
        # Nested in our transaction: its commit saves the store and the admin together.
        admin = users.create_user(uow, None, admin_username, admin_display_name,
                                  [Role.ADMIN], password=admin_password, store_id=info.id)
    return SetupResult(info, admin.id)


def list_stores(uow: UnitOfWork) -> list[StoreInfo]:
    with uow.reading():
        return [store_info(s) for s in uow.stores.list()]


common.guard_use_cases(__name__)
