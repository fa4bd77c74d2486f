"""Use cases of the Settings screen: store data, working hours and the holiday calendar,
the SLA policy table, the banned-phrase list, complaint categories, record retention.

Each change checks ``Permission.MANAGE_SETTINGS``, validates every value (collecting
all problems, each on its field), and is audited in the same transaction. Users and
roles are managed through :mod:`helpdesk.services.users`; the database location is a
setting of this machine (:mod:`helpdesk.services.session`).

A policy or calendar change applies to sheets registered afterwards: a sheet keeps the
deadlines of the policy in force when it was received.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from helpdesk.domain import audit, events, parsing, search_keys, sla, text, validation
from helpdesk.domain.calendar import StoreCalendar
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.domain.filters import SheetFilter
from helpdesk.domain.sla import PRESETS, DueKind, DueSpec, SlaPolicy, SlaRule
from helpdesk.domain.users import Permission
from helpdesk.services import common, setup
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import StoreInfo

Hours = tuple[time, time]
MAX_PHRASE_LENGTH = 40
MAX_PHRASES = 500
MAX_CATEGORIES = 100
DEFAULT_RETENTION_YEARS = 2
MAX_RETENTION_YEARS = 30
CATEGORY_CODE_LENGTH = 40
_CATEGORY_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class StoreSettings:
    """A store with its calendar and SLA policy, as the Settings screen edits them.

    Attributes:
        hours: weekday (0 = Monday) → (opening, closing), or None when closed.
        holidays / makeup_workdays: sorted dates.
        makeup_hours: hours of a make-up day whose weekday is normally closed.
        policy: the SLA policy in force for new sheets.
    """

    store: StoreInfo
    hours: dict[int, Hours | None]
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    makeup_hours: Hours | None
    policy: SlaPolicy


def _store(uow: UnitOfWork, store_id: int) -> Any:
    return common.get_or_404(uow.stores, store_id, "store")


def _settings_of(store: Any) -> StoreSettings:
    calendar = common.store_calendar(store)
    return StoreSettings(
        store=setup.store_info(store),
        hours=dict(calendar.hours),
        holidays=tuple(sorted(calendar.holidays)),
        makeup_workdays=tuple(sorted(calendar.makeup_workdays)),
        makeup_hours=calendar.makeup_hours,
        policy=common.store_policy(store),
    )


def _raise_if(errors: list[ValidationError]) -> None:
    if errors:
        raise ValidationErrors(errors)


def get_store_settings(uow: UnitOfWork, actor_id: int, store_id: int) -> StoreSettings:
    with uow.reading():
        common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        return _settings_of(_store(uow, store_id))


# ---------------------------------------------------------------- store data
def update_store(uow: UnitOfWork, actor_id: int, store_id: int, *, name: str,
                 address: str = "", phone: str = "") -> StoreInfo:
    """Change the store's name, address and phone (its code never changes: it is part
    of every sheet number already given out)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        store = _store(uow, store_id)
        errors: list[ValidationError] = []
        values: dict[str, Any] = {}
        for key, value, limit, required in (("store_name", name, 120, True),
                                            ("store_address", address, 300, False)):
            try:
                values[key] = validation.validate_text(value, field=key, required=required,
                                                       max_length=limit)
            except ValidationError as exc:
                errors.append(exc)
        values["store_phone"] = ""
        if phone.strip():
            try:
                values["store_phone"] = validation.validate_phone(phone, field="store_phone")
            except ValidationError as exc:
                errors.append(exc)
        _raise_if(errors)
        before = {"name": store.name, "address": store.address, "phone": store.phone}
        store.name = values["store_name"]
        store.address = values["store_address"]
        store.phone = values["store_phone"]
        after = {"name": store.name, "address": store.address, "phone": store.phone}
        uow.record(events.StoreChanged(at=common.now(), **common.by(user), store_id=store.id,
                                       aspect="update", details=audit.diff(before, after)))
        uow.commit()
        return setup.store_info(store)


# ---------------------------------------------------------------- calendar
def save_calendar(
    uow: UnitOfWork,
    actor_id: int,
    store_id: int,
    *,
    hours: Mapping[int, Hours | None],
    holidays: Iterable[date] = (),
    makeup_workdays: Iterable[date] = (),
    makeup_hours: Hours | None = None,
) -> StoreSettings:
    """Replace the store's working hours, public holidays and make-up working days.

    Field keys of errors: ``hours[<weekday>]``, ``makeup_hours``, ``holidays``,
    ``makeup_workdays`` and ``hours`` (no open day at all)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        store = _store(uow, store_id)
        errors: list[ValidationError] = []
        cleaned: dict[int, Hours | None] = {}
        for weekday in range(7):
            value = hours.get(weekday)
            if value is not None and not value[0] < value[1]:
                errors.append(ValidationError(
                    f"hours[{weekday}]", "calendar.hours_order",
                    f"opening time {value[0]:%H:%M} must be before closing time "
                    f"{value[1]:%H:%M}", opening=value[0], closing=value[1],
                    weekday=weekday))
            cleaned[weekday] = value
        if makeup_hours is not None and not makeup_hours[0] < makeup_hours[1]:
            errors.append(ValidationError(
                "makeup_hours", "calendar.hours_order",
                f"opening time {makeup_hours[0]:%H:%M} must be before closing time "
                f"{makeup_hours[1]:%H:%M}", opening=makeup_hours[0], closing=makeup_hours[1]))
        _raise_if(errors)
        try:
            calendar = StoreCalendar.create(cleaned, holidays=holidays,
                                            makeup_workdays=makeup_workdays,
                                            makeup_hours=makeup_hours)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from exc
        before = json.loads(store.calendar_json or "{}")
        after = calendar.to_dict()
        store.calendar_json = json.dumps(after, ensure_ascii=False)
        uow.record(events.StoreChanged(at=common.now(), **common.by(user), store_id=store.id,
                                       aspect="calendar", details=audit.diff(before, after)))
        uow.commit()
        return _settings_of(store)


# ---------------------------------------------------------------- SLA policy
@dataclass(frozen=True)
class RuleInput:
    """One row of the SLA policy table as the administrator edits it.

    ``channel``/``severity`` None mean "any". Amounts are whole numbers as typed (text
    is accepted and checked)."""

    channel: Channel | str | None
    severity: Severity | str | None
    response_kind: DueKind | str
    response_amount: int | str
    resolution_kind: DueKind | str
    resolution_amount: int | str
    escalate_to_oem: bool = False
    note: str = ""


_MINUTE_KINDS = frozenset({DueKind.WORKING_MINUTES, DueKind.CALENDAR_MINUTES})


def _spec(kind: DueKind | str, amount: int | str, field: str,
          errors: list[ValidationError]) -> DueSpec | None:
    try:
        parsed_kind = DueKind(kind)
    except ValueError:
        errors.append(ValidationError(f"{field}.kind", "sla.choice",
                                      f"{kind!r} is not a kind of deadline", value=str(kind),
                                      choices=", ".join(k.value for k in DueKind)))
        return None
    # Minutes may be typed as the desk prints them ("2小时", "1 h 30 min"); days are a count.
    read = parsing.parse_minutes if parsed_kind in _MINUTE_KINDS else parsing.parse_int
    try:
        number = 0 if parsed_kind is DueKind.END_OF_WORKDAY else \
            read(amount, field=f"{field}.amount", code="sla.amount_positive", minimum=None)
    except ValidationError as exc:
        errors.append(exc)
        return None
    spec = DueSpec(parsed_kind, number)
    try:
        spec.validate(field)
    except ValidationError as exc:
        errors.append(exc)
        return None
    return spec


def save_policy(uow: UnitOfWork, actor_id: int, store_id: int,
                rules: Sequence[RuleInput]) -> StoreSettings:
    """Replace the rules of the store's SLA policy (the table per channel and severity).

    Field keys of errors: ``rules[<i>].response.amount`` and the like, ``rules[<i>]``
    (two rows for the same channel and severity) and ``rules`` (no catch-all row)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        store = _store(uow, store_id)
        current = common.store_policy(store)
        errors: list[ValidationError] = []
        parsed: list[SlaRule] = []
        for i, row in enumerate(rules):
            field = f"rules[{i}]"
            channel = severity = None
            try:
                channel = Channel(row.channel) if row.channel not in (None, "") else None
            except ValueError:
                errors.append(ValidationError(f"{field}.channel", "sla.choice",
                                              f"{row.channel!r} is not a channel",
                                              value=str(row.channel), choices=", ".join(Channel)))
            try:
                severity = Severity(row.severity) if row.severity not in (None, "") else None
            except ValueError:
                errors.append(ValidationError(f"{field}.severity", "sla.choice",
                                              f"{row.severity!r} is not a severity",
                                              value=str(row.severity),
                                              choices=", ".join(Severity)))
            response = _spec(row.response_kind, row.response_amount, f"{field}.response", errors)
            resolution = _spec(row.resolution_kind, row.resolution_amount,
                               f"{field}.resolution", errors)
            note = ""
            try:
                note = validation.validate_text(row.note, field=f"{field}.note", max_length=500)
            except ValidationError as exc:
                errors.append(exc)
            if response is not None and resolution is not None:
                parsed.append(SlaRule(channel, severity, response, resolution,
                                      bool(row.escalate_to_oem), note))
        _raise_if(errors)
        try:
            policy = SlaPolicy.create(
                current.key, current.name, parsed,
                progress_update_every=current.progress_update_every,
                satisfaction_check_within=current.satisfaction_check_within,
                first_visit_within=current.first_visit_within,
                enquiry_response=current.enquiry_response,
            )
        except ValidationError as exc:
            raise ValidationErrors([exc]) from exc
        return _store_policy(uow, user, store, current, policy)


def reset_policy(uow: UnitOfWork, actor_id: int, store_id: int, preset: str) -> StoreSettings:
    """Replace the store's policy by one of the presets (dealership, retail, crm)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        store = _store(uow, store_id)
        if preset not in PRESETS:
            raise ValidationErrors([ValidationError(
                "preset", "preset.unknown",
                f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}",
                preset=preset)])
        return _store_policy(uow, user, store, common.store_policy(store), PRESETS[preset]())


def _store_policy(uow: UnitOfWork, user: Any, store: Any, before: SlaPolicy,
                  after: SlaPolicy) -> StoreSettings:
    store.policy_json = json.dumps(after.to_dict(), ensure_ascii=False)
    uow.record(events.StoreChanged(
        at=common.now(), **common.by(user), store_id=store.id, aspect="policy",
        details=audit.diff({"rules": [r.to_dict() for r in before.rules]},
                           {"rules": [r.to_dict() for r in after.rules]})))
    uow.commit()
    return _settings_of(store)


# ---------------------------------------------------------------- banned phrases
def get_banned_phrases(uow: UnitOfWork, actor_id: int) -> list[str]:
    with uow.reading():
        common.actor(uow, actor_id)
        return list(common.banned_phrases(uow))


def save_banned_phrases(uow: UnitOfWork, actor_id: int, phrases: Iterable[str]) -> list[str]:
    """Replace the list of empty phrases refused as a measure or root cause.

    Blank lines are skipped and repeats dropped. Field keys: ``phrases[<i>]`` (the
    offending line, counted from 0 among all given) and ``phrases`` (an empty list)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        errors: list[ValidationError] = []
        cleaned: list[str] = []
        seen: set[str] = set()
        for i, raw in enumerate(phrases):
            phrase = text.normalize(raw)
            if not phrase:
                continue
            if any(text.is_control(ch) for ch in phrase):
                errors.append(ValidationError(f"phrases[{i}]", "phrase.invalid",
                                              f"line {i + 1} contains a control character",
                                              line=i + 1))
                continue
            if len(phrase) > MAX_PHRASE_LENGTH:
                errors.append(ValidationError(
                    f"phrases[{i}]", "phrase.too_long",
                    f"line {i + 1} has {len(phrase)} characters; a phrase has at most "
                    f"{MAX_PHRASE_LENGTH}", line=i + 1, length=len(phrase),
                    max_length=MAX_PHRASE_LENGTH))
                continue
            key = phrase.casefold()
            if key not in seen:
                seen.add(key)
                cleaned.append(phrase)
        if not cleaned and not errors:
            errors.append(ValidationError("phrases", "phrases.empty",
                                          "keep at least one phrase"))
        if len(cleaned) > MAX_PHRASES:
            errors.append(ValidationError("phrases", "phrases.too_many",
                                          f"at most {MAX_PHRASES} phrases",
                                          maximum=MAX_PHRASES))
        _raise_if(errors)
        before = list(common.banned_phrases(uow))
        uow.settings.set(common.BANNED_PHRASES_KEY, cleaned)
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key="banned_phrases",
            details=audit.diff({"phrases": before}, {"phrases": cleaned})))
        uow.commit()
        return cleaned


def reset_banned_phrases(uow: UnitOfWork, actor_id: int) -> list[str]:
    """Back to the built-in list of seed 003."""
    return save_banned_phrases(uow, actor_id, validation.DEFAULT_BANNED_PHRASES)


# ---------------------------------------------------------------- categories
@dataclass(frozen=True)
class CategoryInput:
    """A complaint category: a stable code and its name in each language (the
    Traditional and English names fall back to the Simplified one when left empty)."""

    code: str
    name_zh_cn: str
    name_zh_tw: str = ""
    name_en: str = ""


def get_categories(uow: UnitOfWork) -> dict[str, list[str]]:
    """Category code → [简体, 繁體, English], in the administrator's order."""
    with uow.reading():
        return common.categories(uow)


def category_in_use(uow: UnitOfWork, code: str) -> bool:
    """Whether a complaint sheet has this category (it cannot be removed then)."""
    with uow.reading():
        return bool(uow.sheets.search_ids(SheetFilter(categories=frozenset({code})),
                                          common.now(), 1))


def save_categories(uow: UnitOfWork, actor_id: int,
                    categories: Sequence[CategoryInput]) -> dict[str, list[str]]:
    """Replace the category list. A category still used by a sheet cannot be removed
    (its sheets would lose their category's name). Field keys: ``categories[<i>].code``,
    ``categories[<i>].name`` and ``categories``."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        errors: list[ValidationError] = []
        result: dict[str, list[str]] = {}
        typed = {text.normalize(row.code).lower() for row in categories}
        for i, row in enumerate(categories):
            field = f"categories[{i}]"
            code = text.normalize(row.code).lower()
            if not code and row.name_zh_cn.strip():
                # A new category needs no code typed: it is made from the pinyin.
                code = search_keys.code_from_name(
                    row.name_zh_cn, initials=False,
                    max_length=CATEGORY_CODE_LENGTH, taken=typed | set(result))
            if not _CATEGORY_CODE.match(code):
                errors.append(ValidationError(
                    f"{field}.code", "category.code_invalid",
                    f"{row.code!r} is not a category code: use lower-case letters, digits "
                    "and '_' (starting with a letter, at most 40)", value=row.code))
                continue
            if code in result:
                errors.append(ValidationError(f"{field}.code", "category.code_repeated",
                                              f"the code {code} is used twice", value=code))
                continue
            names = []
            for key, value in (("name", row.name_zh_cn), ("name_zh_tw", row.name_zh_tw),
                               ("name_en", row.name_en)):
                try:
                    names.append(validation.validate_text(value, field=f"{field}.{key}",
                                                          required=key == "name",
                                                          max_length=40))
                except ValidationError as exc:
                    errors.append(exc)
                    names.append("")
            result[code] = [names[0], names[1] or names[0], names[2] or names[0]]
        if not result and not errors:
            errors.append(ValidationError("categories", "categories.empty",
                                          "keep at least one category"))
        if len(result) > MAX_CATEGORIES:
            errors.append(ValidationError("categories", "categories.too_many",
                                          f"at most {MAX_CATEGORIES} categories",
                                          maximum=MAX_CATEGORIES))
        before = common.categories(uow)
        for code in before:
            if code in result:
                continue
            used = uow.sheets.search_ids(SheetFilter(categories=frozenset({code})),
                                         common.now(), 1)
            if used:
                errors.append(ValidationError(
                    "categories", "category.in_use",
                    f"the category {before[code][2]} is used by complaint sheets and "
                    "cannot be removed", category=code, name=before[code][0]))
        _raise_if(errors)
        uow.settings.set(common.CATEGORIES_KEY, result)
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key="categories",
            details=audit.diff({"categories": before}, {"categories": result})))
        uow.commit()
        return result


# ---------------------------------------------------------------- retention
def get_retention_years(uow: UnitOfWork) -> int:
    with uow.reading():
        value = uow.settings.get(common.RETENTION_KEY)
        return int(value) if value else DEFAULT_RETENTION_YEARS


def save_retention_years(uow: UnitOfWork, actor_id: int, years: int | str) -> int:
    """How long closed sheets are kept before they may be archived (seed 003: 2 years)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        try:
            value = parsing.parse_int(years, field="retention_years", code="retention.invalid",
                                      minimum=1, maximum=MAX_RETENTION_YEARS, what="years")
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        before = uow.settings.get(common.RETENTION_KEY) or DEFAULT_RETENTION_YEARS
        uow.settings.set(common.RETENTION_KEY, value)
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key="retention",
            details={"retention_years": [before, value]}))
        uow.commit()
        return value


# ------------------------------------------------------ issue 9: store time zone
def get_time_zone(uow: UnitOfWork) -> str:
    """The store's time zone ("Asia/Shanghai" unless the administrator chose another)."""
    with uow.reading():
        return str(uow.settings.get(common.TIME_ZONE_KEY) or common.DEFAULT_TIME_ZONE)


def save_time_zone(uow: UnitOfWork, actor_id: int, name: str) -> str:
    """Set the store's time zone: every desk then reads "now" in it, whatever the zone
    of its PC (this desk at once, the others when the change feed brings it)."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        try:
            zone = common.time_zone(name)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        before = uow.settings.get(common.TIME_ZONE_KEY) or common.DEFAULT_TIME_ZONE
        uow.settings.set(common.TIME_ZONE_KEY, zone.key)
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key="time_zone",
            details={"time_zone": [before, zone.key]}))
        uow.commit()
    common.sync_clock(uow)
    return zone.key


# ------------------------------------------------- issue 9: the warning window
def get_warning_window(uow: UnitOfWork) -> sla.WarningWindow:
    """How close a deadline counts as near (amber, "due soon", a notification)."""
    with uow.reading():
        return sla.WarningWindow.from_dict(uow.settings.get(common.WARNING_WINDOW_KEY))


def save_warning_window(uow: UnitOfWork, actor_id: int, share: int | str,
                        minimum_minutes: int | str) -> sla.WarningWindow:
    """The last 1/``share`` of the time allowed, at least ``minimum_minutes``; used at
    once here and by the other desks when the change feed brings it."""
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_SETTINGS)
        errors: list[ValidationError] = []
        share_value = minutes = 0
        try:
            share_value = parsing.parse_int(share, field="warning_share",
                                            code="warning_share.invalid",
                                            minimum=min(sla.WarningWindow.SHARES),
                                            maximum=max(sla.WarningWindow.SHARES))
            if share_value not in sla.WarningWindow.SHARES:
                raise ValidationError("warning_share", "warning_share.invalid",
                                      f"choose one of {sla.WarningWindow.SHARES}")
        except ValidationError as exc:
            errors.append(exc)
        try:
            minutes = parsing.parse_int(
                minimum_minutes, field="warning_minimum", code="warning_minimum.invalid",
                minimum=0, maximum=int(sla.WarningWindow.MAX_MINIMUM.total_seconds() // 60),
                what="minutes")
        except ValidationError as exc:
            errors.append(exc)
        _raise_if(errors)
        window = sla.WarningWindow(share_value, timedelta(minutes=minutes))
        before = uow.settings.get(common.WARNING_WINDOW_KEY) or sla.WarningWindow().to_dict()
        uow.settings.set(common.WARNING_WINDOW_KEY, window.to_dict())
        uow.record(events.SettingsChanged(
            at=common.now(), **common.by(user), key="warning_window",
            details={"warning_window": [before, window.to_dict()]}))
        uow.commit()
    sla.set_warning_window(window)
    return window


common.guard_use_cases(__name__)
