"""Use cases of the complaint sheet: register, edit, and every workflow step.

Each function: load the actor and the sheet, refuse a stale ``expected_version``,
call one domain method (which enforces state, role and guards), stamp who/when, append
the audit entry and commit — all in one transaction. It returns a fresh ``SheetDetail``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from helpdesk.domain import audit, deadlines, events, parsing, users, validation
from helpdesk.domain.complaints import (
    Action,
    ActionAvailability,
    Effectiveness,
    ResponsibleArea,
    Sheet,
    SheetState,
    VisitKind,
    format_sheet_number,
)
from helpdesk.domain.customers import Store
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    ConflictError,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from helpdesk.domain.filters import DueFilter, SheetFilter
from helpdesk.domain.users import Permission, User
from helpdesk.services import common, paging
from helpdesk.services import customers as customer_services
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import (
    ActionInfo,
    Allowance,
    ProgressInfo,
    SheetDetail,
    SheetRow,
    TransitionInfo,
    VisitInfo,
)
from helpdesk.services.paging import IdWindows

# How far back a paper sheet may be registered (older ones belong in an import).
MAX_BACKDATE = timedelta(days=366)

_SNAPSHOT_FIELDS = (
    "received_at", "channel", "severity", "category", "customer_id", "customer_name",
    "customer_phone", "vehicle_id", "order_id", "mileage_km", "description",
    "customer_request", "responsible_area", "responsible_user_id", "root_cause",
    "correction", "compensation_cents", "long_term_measure", "rework_needed",
    "rework_completed_at", "escalated_to_oem", "state", "acknowledged_at", "resolved_at",
    "closed_at", "closing_remark", "response_due_at", "resolution_due_at",
    "linked_sheet_id",
)


def _snapshot(sheet: Sheet) -> dict[str, Any]:
    return {name: getattr(sheet, name) for name in _SNAPSHOT_FIELDS}


# ---------------------------------------------------------------- reading
def _names(uow: UnitOfWork, sheet: Sheet, viewer: User) -> dict[int, str]:
    ids = {sheet.received_by_id, sheet.responsible_user_id, sheet.acknowledged_by_id,
           sheet.closed_by_id, sheet.updated_by_id}
    ids |= {p.by_id for p in sheet.progress} | {v.by_id for v in sheet.visits}
    ids |= {a.owner_id for a in sheet.actions} | {t.by_id for t in sheet.transitions}
    # The viewer was read in this transaction: their name needs no query (a sheet just
    # registered or saved names nobody else).
    known = {viewer.id: viewer.display_name} if viewer.id is not None and viewer.id in ids \
        else {}
    return {**uow.users.names({i for i in ids if i is not None and i not in known}),
            **known}


def _allowance(availability: ActionAvailability) -> Allowance:
    return Allowance(availability.allowed, availability.code)


def _denied(permission: Permission) -> Allowance:
    return Allowance(False, f"permission.{permission.value}")


def _work(sheet: Sheet, viewer: User, permission: Permission) -> Allowance:
    """Work that a closed sheet refuses (as its domain methods do) and that needs
    ``permission`` — or being the sheet's responsible person, where the domain says so."""
    if sheet.state is SheetState.CLOSED:
        return Allowance(False, "workflow.closed")
    if not sheet.user_may(viewer, permission):
        return _denied(permission)
    return Allowance(True)


def allowances(sheet: Sheet, viewer: User) -> dict[str, Allowance]:
    """The ``may_*`` flags of :class:`SheetDetail`: what ``viewer`` may do with
    ``sheet`` now. Screens read them instead of checking roles themselves."""
    view = Allowance(True) if viewer.can(Permission.VIEW_SHEETS) else \
        _denied(Permission.VIEW_SHEETS)
    return {
        "may_edit_identity": _work(sheet, viewer, Permission.EDIT_SHEET),
        "may_record_analysis": _work(sheet, viewer, Permission.RECORD_ANALYSIS),
        "may_add_progress": _work(sheet, viewer, Permission.ADD_PROGRESS),
        "may_assign": _allowance(sheet.availability(Action.ASSIGN, viewer)),
        "may_add_visit": _allowance(sheet.availability(Action.RETURN_VISIT, viewer)),
        "may_manage_actions": _work(sheet, viewer, Permission.RECORD_ANALYSIS),
        "may_print": view,
    }


def _number_of(uow: UnitOfWork, sheet_id: int | None) -> str:
    if sheet_id is None:
        return ""
    linked = uow.sheets.get(sheet_id)
    return linked.number if linked is not None else ""


def detail(uow: UnitOfWork, sheet: Sheet, viewer: User) -> SheetDetail:
    """Build the DTO inside an open unit of work."""
    return _detail(uow, sheet, viewer)


def _detail(uow: UnitOfWork, sheet: Sheet, viewer: User, store: Store | None = None,
            ) -> SheetDetail:
    """``detail`` without the argument check of a use case (its caller is one), with
    the sheet's ``store`` when the caller has read it already."""
    assert sheet.id is not None
    names = _names(uow, sheet, viewer)

    def name(user_id: int | None) -> str:
        return names.get(user_id, "") if user_id is not None else ""

    if store is None or store.id != sheet.store_id:
        store = common.get_or_404(uow.stores, sheet.store_id, "store")
    vehicle = uow.customers.get_vehicle(sheet.vehicle_id) if sheet.vehicle_id else None
    order = uow.customers.get_order(sheet.order_id) if sheet.order_id else None
    phone = sheet.customer_phone
    if phone and not viewer.can(Permission.VIEW_PERSONAL_DATA):
        phone = validation.mask_phone(phone)
    detail = SheetDetail(
        id=sheet.id,
        number=sheet.number,
        version=sheet.version,
        store_id=sheet.store_id,
        store_name=store.name if store else "",
        received_at=sheet.received_at,
        received_by_id=sheet.received_by_id,
        received_by_name=name(sheet.received_by_id),
        channel=sheet.channel,
        severity=sheet.severity,
        category=sheet.category,
        customer_id=sheet.customer_id,
        customer_name=sheet.customer_name,
        customer_phone=phone,
        vehicle=customer_services.vehicle_info(vehicle) if vehicle else None,
        order=customer_services.order_info(order) if order else None,
        mileage_km=sheet.mileage_km,
        description=sheet.description,
        customer_request=sheet.customer_request,
        responsible_area=sheet.responsible_area,
        responsible_user_id=sheet.responsible_user_id,
        responsible_name=name(sheet.responsible_user_id),
        root_cause=sheet.root_cause,
        correction=sheet.correction,
        compensation_cents=sheet.compensation_cents,
        long_term_measure=sheet.long_term_measure,
        rework_needed=sheet.rework_needed,
        rework_completed_at=sheet.rework_completed_at,
        escalated_to_oem=sheet.escalated_to_oem,
        state=sheet.state,
        acknowledged_at=sheet.acknowledged_at,
        acknowledged_by_name=name(sheet.acknowledged_by_id),
        resolved_at=sheet.resolved_at,
        closed_at=sheet.closed_at,
        closed_by_name=name(sheet.closed_by_id),
        closing_remark=sheet.closing_remark,
        response_due_at=sheet.response_due_at,
        resolution_due_at=sheet.resolution_due_at,
        response_on_time=sheet.response_on_time,
        resolution_on_time=sheet.resolution_on_time,
        sla=sheet.sla_view(common.now()),
        waiting_since=sheet.waiting_since,
        created_at=sheet.created_at,
        updated_at=sheet.updated_at,
        updated_by_name=name(sheet.updated_by_id),
        linked_sheet_id=sheet.linked_sheet_id,
        linked_sheet_number=_number_of(uow, sheet.linked_sheet_id),
        progress=tuple(ProgressInfo(p.id or 0, p.at, name(p.by_id), p.text,
                                    p.customer_notified) for p in sheet.progress),
        visits=tuple(VisitInfo(v.id or 0, v.visited_at, name(v.by_id), v.satisfaction,
                               v.feedback, v.kind, v.method) for v in sheet.visits),
        actions=tuple(ActionInfo(a.id or 0, a.description, a.owner_id, name(a.owner_id),
                                 a.due_date, a.created_at, a.done_at, a.effectiveness,
                                 a.checked_at, a.check_note) for a in sheet.actions),
        transitions=tuple(TransitionInfo(t.at, name(t.by_id), t.action, t.from_state,
                                         t.to_state, t.note) for t in sheet.transitions),
        available=tuple(sheet.available_actions(viewer)),
        sla_rule=json.loads(sheet.sla_rule_json or "{}"),
        **allowances(sheet, viewer),
    )
    return _archived(detail) if common.read_only(uow) else detail


def _archived(detail: SheetDetail) -> SheetDetail:
    """A sheet read from an archive: it can be read and printed, nothing else (issue 11)."""
    refused = Allowance(False, "archive.read_only")
    flags: dict[str, Any] = {f.name: refused for f in dataclasses.fields(detail)
                             if f.name.startswith("may_") and f.name != "may_print"}
    return dataclasses.replace(
        detail, available=tuple(dataclasses.replace(a, allowed=False, code=refused.code)
                                for a in detail.available), **flags)


def _load(uow: UnitOfWork, sheet_id: int, expected_version: int | None = None) -> Sheet:
    sheet = uow.sheets.get(sheet_id)
    if sheet is None:
        raise NotFound(f"sheet {sheet_id} does not exist", code="sheet.not_found")
    if expected_version is not None and sheet.version != expected_version:
        who = uow.users.names({sheet.updated_by_id}).get(sheet.updated_by_id, "") \
            if sheet.updated_by_id else ""
        raise ConflictError.stale(who, sheet.updated_at, sheet.version)
    return sheet


def get_sheet(uow: UnitOfWork, actor_id: int, sheet_id: int) -> SheetDetail:
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.VIEW_SHEETS)
        return detail(uow, _load(uow, sheet_id), user)


def may_register(uow: UnitOfWork, actor_id: int) -> Allowance:
    """Whether the user may register a new sheet (the form asks before it is saved)."""
    with uow.reading():
        user = common.actor(uow, actor_id)
        if user.can(Permission.REGISTER_SHEET):
            return Allowance(True)
        return _denied(Permission.REGISTER_SHEET)


def find_sheet_id(uow: UnitOfWork, number: str) -> int:
    """The sheet with this number, or the one sheet whose number ends in it (421,
    000421, 2026-000421); several candidates are named, none is guessed."""
    with uow.reading():
        sheet = uow.sheets.get_by_number(number)
        if sheet is not None and sheet.id is not None:
            return sheet.id
        found = uow.sheets.numbers_ending(number)
        if len(found) == 1:
            return found[0][0]
        if found:
            raise NotFound(f"{number} fits several sheets: "
                           + ", ".join(n for _, n in found),
                           code="sheet.ambiguous", value=number,
                           numbers=tuple(n for _, n in found))
        raise NotFound(f"there is no sheet {number}", code="sheet.not_found")


# ---------------------------------------------------------------- register
def _enum(enum_cls: Any, value: Any, field: str, errors: list[ValidationError]) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum_cls)
        errors.append(ValidationError(field, f"{field}.invalid",
                                      f"{value!r} is not one of: {choices}", value=str(value)))
        return None


@dataclass(frozen=True)
class SheetInput:
    """What the desk types to register (or correct) a complaint."""

    channel: Channel | str
    severity: Severity | str
    category: str
    description: str
    customer_id: int | None = None
    customer_request: str = ""
    vehicle_id: int | None = None
    order_id: int | None = None
    mileage_km: int | str | None = None
    received_at: datetime | None = None
    store_id: int | None = None
    linked_sheet_id: int | None = None  # issue 9: an earlier complaint it repeats


def _validated(uow: UnitOfWork, data: SheetInput, at: datetime,
               errors: list[ValidationError],
               stored_received: datetime | None = None,
               own_id: int | None = None,
               categories: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Check every field; collect errors instead of stopping at the first.

    ``stored_received``: the received time already on the sheet (an edit); keeping it is
    always allowed, however old the sheet is. ``categories``: as ``common.categories``
    gives them, when the caller has read them already."""
    values: dict[str, Any] = {}
    values["channel"] = _enum(Channel, data.channel, "channel", errors)
    values["severity"] = _enum(Severity, data.severity, "severity", errors)
    if data.category not in (common.categories(uow) if categories is None else categories):
        errors.append(ValidationError("category", "category.invalid",
                                      f"unknown category {data.category!r}",
                                      value=data.category))
    values["category"] = data.category
    try:
        values["description"] = validation.validate_text(
            data.description, field="description", required=True, max_length=4000)
    except ValidationError as exc:
        errors.append(exc)
    try:
        values["customer_request"] = validation.validate_text(
            data.customer_request, field="customer_request", max_length=2000)
    except ValidationError as exc:
        errors.append(exc)
    received = data.received_at or at
    try:
        validation.validate_not_future(received, now=at, field="received_at")
        if received < at - MAX_BACKDATE and received != stored_received:
            raise ValidationError("received_at", "date.too_old",
                                  "a complaint older than a year belongs in an import")
    except ValidationError as exc:
        errors.append(exc)
    values["received_at"] = received.replace(microsecond=0)
    values["mileage_km"] = None
    if data.mileage_km not in (None, ""):
        try:
            values["mileage_km"] = parsing.parse_mileage_km(data.mileage_km)
        except ValidationError as exc:
            errors.append(exc)
    customer = None
    if data.customer_id is None:
        errors.append(ValidationError("customer", "customer.required",
                                      "find or create the customer first"))
    else:
        # Held to the commit: a merge of this customer waits for us, or we see it done.
        uow.customers.lock([data.customer_id], share=True)
        customer = uow.customers.get_brief(data.customer_id)
        if customer is None or customer.merged_into_id is not None:
            errors.append(ValidationError("customer", "customer.not_found",
                                          "that customer does not exist (or was merged)"))
            customer = None
    values["customer"] = customer
    if data.vehicle_id is not None and data.order_id is not None:
        errors.append(ValidationError("order", "sheet.vehicle_and_order",
                                      "a sheet refers to a vehicle or an order, not both"))
    for key, getter, label in (("vehicle", uow.customers.get_vehicle, "vehicle"),
                               ("order", uow.customers.get_order, "order")):
        ref_id = data.vehicle_id if key == "vehicle" else data.order_id
        values[f"{key}_id"] = ref_id
        if ref_id is None:
            continue
        ref = getter(ref_id)
        if ref is None or (customer is not None and ref.customer_id != customer.id):
            errors.append(ValidationError(key, f"{key}.not_customers",
                                          f"that {label} does not belong to the customer"))
    values["linked_sheet_id"] = data.linked_sheet_id
    if data.linked_sheet_id is not None:
        linked = uow.sheets.get(data.linked_sheet_id)
        if linked is None or data.linked_sheet_id == own_id or (
                customer is not None and linked.customer_id != customer.id):
            errors.append(ValidationError(
                "linked_sheet", "linked_sheet.invalid",
                "link to an earlier complaint of the same customer"))
    return values


def register(
    uow: UnitOfWork,
    actor_id: int,
    data: SheetInput,
    *,
    new_customer: customer_services.CustomerInput | None = None,
    new_vehicle: customer_services.VehicleInput | None = None,
) -> SheetDetail:
    """Register a complaint; the SLA clock starts at ``received_at``.

    ``new_customer`` (with an optional vehicle or order) and ``new_vehicle`` (for an
    existing customer) are created in the same transaction as the sheet — the desk's
    inline "new" — so a refused sheet never leaves a stray record behind."""
    at = common.now()
    with uow:
        # A plain copy of the user's and the store's rows (issue 13): the sheet is
        # numbered and named by the store.
        user, store, categories = common.registrar(uow, actor_id, Permission.REGISTER_SHEET,
                                                   data.store_id)
        errors: list[ValidationError] = []
        if new_customer is not None:
            try:
                created = customer_services.build_customer(uow, user, new_customer, at)
                data = _replace(
                    data,
                    customer_id=created.id,
                    vehicle_id=created.vehicles[0].id if created.vehicles else data.vehicle_id,
                    # A sheet refers to one of them: the vehicle, when both were entered.
                    order_id=created.orders[0].id if created.orders and not created.vehicles
                    else data.order_id,
                )
            except ValidationErrors as exc:
                errors.extend(exc.errors)
            except ValidationError as exc:
                errors.append(exc)
        elif new_vehicle is not None and data.customer_id is not None:
            customer = uow.customers.get(data.customer_id)
            if customer is not None:
                vehicle = customer_services.build_vehicle(uow, user, customer, new_vehicle,
                                                          at, errors)
                if vehicle is not None:
                    data = _replace(data, vehicle_id=vehicle.id)
        values = _validated(uow, data, at, errors, categories=categories)
        if store is None:
            stores = uow.stores.list()
            store = stores[0] if len(stores) == 1 else None
        if store is None:
            errors.append(ValidationError("store", "store.required", "choose the store"))
        if errors:
            raise ValidationErrors(errors)
        assert store is not None and store.id is not None
        customer = values.pop("customer")
        received: datetime = values["received_at"]
        sequence = uow.sheets.next_sequence(store.id, received.year)
        sheet = uow.sheets.new(
            number=format_sheet_number(store.code, received.year, sequence),
            store_id=store.id,
            received_by_id=user.id,
            customer_name=customer.name,
            customer_phone=customer.primary_phone,
            customer_id=customer.id,
            created_at=at,
            updated_at=at,
            updated_by_id=user.id,
            **values,
        )
        sheet.apply_sla(common.store_policy(store), common.store_calendar(store))
        uow.sheets.add(sheet)
        assert sheet.id is not None
        uow.record(events.SheetRegistered(
            at=at, **common.by(user), sheet_id=sheet.id, sheet_number=sheet.number,
            customer_id=sheet.customer_id, details=audit.diff({}, _snapshot(sheet)),
            note=sheet.number))
        # Built before the commit (issue 13): read after it, the names would open a
        # second write transaction (and wait for the write lock again) on every save.
        result = _detail(uow, sheet, user, store)
        uow.commit()
        return result


def _replace(data: SheetInput, **changes: Any) -> SheetInput:
    from dataclasses import replace

    return replace(data, **changes)


def update_sheet(uow: UnitOfWork, actor_id: int, sheet_id: int, expected_version: int,
                 data: SheetInput) -> SheetDetail:
    """Correct what was registered. Changing channel, severity, category or received
    time recomputes the deadlines from the store's policy."""
    return save_form(uow, actor_id, sheet_id, expected_version, data=data)


def _apply_registration(uow: UnitOfWork, sheet: Sheet, values: dict[str, Any]) -> None:
    """Write corrected registration fields (validated by ``_validated``) to the sheet."""
    customer = values.pop("customer")
    sla_changed = (values["channel"], values["severity"], values["category"],
                   values["received_at"]) != (sheet.channel, sheet.severity, sheet.category,
                                              sheet.received_at)
    if customer.id != sheet.customer_id:
        sheet.customer_id = customer.id  # the name and phone alone moved before (issue 12)
        sheet.customer_name = customer.name
        sheet.customer_phone = customer.primary_phone
    for key, value in values.items():
        setattr(sheet, key, value)
    if sla_changed:
        store = common.get_or_404(uow.stores, sheet.store_id, "store")
        sheet.apply_sla(common.store_policy(store), common.store_calendar(store))


def _stamp(sheet: Sheet, user: User, at: datetime) -> None:
    sheet.updated_at = at
    sheet.updated_by_id = user.id


def _act(
    uow: UnitOfWork,
    actor_id: int,
    sheet_id: int,
    expected_version: int | None,
    step: str,
    change: Callable[[Sheet, User, datetime], Any],
    note: str = "",
) -> SheetDetail:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id)
        sheet = _load(uow, sheet_id, expected_version)
        before = _snapshot(sheet)
        change(sheet, user, at)
        _stamp(sheet, user, at)
        uow.record(events.SheetStateChanged(
            at=at, **common.by(user), sheet_id=sheet_id, sheet_number=sheet.number,
            customer_id=sheet.customer_id, details=audit.diff(before, _snapshot(sheet)),
            note=note, step=step, from_state=before["state"].value,
            to_state=sheet.state.value))
        uow.commit()
        return detail(uow, sheet, user)


# ---------------------------------------------------------------- workflow
def acknowledge(uow: UnitOfWork, actor_id: int, sheet_id: int, *,
                expected_version: int | None = None, note: str = "") -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "acknowledge",
                lambda s, u, at: s.acknowledge(u, at, note), note)


def assign(uow: UnitOfWork, actor_id: int, sheet_id: int, area: ResponsibleArea | str,
           responsible_user_id: int, *, expected_version: int | None = None,
           note: str = "") -> SheetDetail:
    def change(sheet: Sheet, user: User, at: datetime) -> None:
        errors: list[ValidationError] = []
        parsed = _enum(ResponsibleArea, area, "responsible_area", errors)
        person = uow.users.get(responsible_user_id)
        if person is None or not person.active:
            errors.append(ValidationError("responsible_user", "user.not_found",
                                          "choose an active member of staff"))
        elif not users.may_be_responsible(person.roles):
            errors.append(ValidationError("responsible_user", "assign.not_responsible",
                                          f"{person.display_name} cannot be responsible",
                                          name=person.display_name))
        if errors:
            raise ValidationErrors(errors)
        sheet.assign(user, at, parsed, responsible_user_id, note)

    return _act(uow, actor_id, sheet_id, expected_version, "assign", change, note)


def add_progress(uow: UnitOfWork, actor_id: int, sheet_id: int, text: str, *,
                 customer_notified: bool = False,
                 expected_version: int | None = None) -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "progress",
                lambda s, u, at: s.add_progress(u, at, text, customer_notified), text[:200])


def record_analysis(
    uow: UnitOfWork,
    actor_id: int,
    sheet_id: int,
    *,
    expected_version: int | None = None,
    root_cause: str | None = None,
    correction: str | None = None,
    compensation: int | str | None = None,
    long_term_measure: str | None = None,
    rework_needed: bool | None = None,
    rework_completed_at: datetime | None = None,
) -> SheetDetail:
    """Root cause, correction (with compensation), long-term measure, rework."""

    def change(sheet: Sheet, user: User, at: datetime) -> None:
        errors: list[ValidationError] = []
        cents = None
        if compensation is not None and compensation != "":
            try:
                cents = common.amount_cents(compensation, field="compensation")
            except ValidationError as exc:
                errors.append(exc)
        try:
            sheet.record_analysis(
                user, root_cause=root_cause, correction=correction, compensation_cents=cents,
                long_term_measure=long_term_measure, rework_needed=rework_needed,
                rework_completed_at=rework_completed_at,
                banned_phrases=common.banned_phrases(uow), now=at)
        except ValidationErrors as exc:
            errors.extend(exc.errors)
        if errors:  # every problem at once; the transaction is rolled back
            raise ValidationErrors(errors)

    return _act(uow, actor_id, sheet_id, expected_version, "analysis", change)


@dataclass(frozen=True)
class AnalysisInput:
    """The analysis part of the sheet form (None: leave that field as it is)."""

    root_cause: str | None = None
    correction: str | None = None
    compensation: int | str | None = None
    long_term_measure: str | None = None
    rework_needed: bool | None = None
    rework_completed_at: datetime | None = None


def save_form(uow: UnitOfWork, actor_id: int, sheet_id: int, expected_version: int, *,
              data: SheetInput | None = None,
              analysis: AnalysisInput | None = None) -> SheetDetail:
    """Save the sheet form in one transaction: the corrected registration and the
    analysis together or not at all, with every problem of both reported at once."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id)
        sheet = _load(uow, sheet_id, expected_version)
        before = _snapshot(sheet)
        errors: list[ValidationError] = []
        values: dict[str, Any] | None = None
        if data is not None:
            user.require(Permission.EDIT_SHEET)
            if sheet.state is SheetState.CLOSED:
                raise ValidationError("state", "workflow.closed",
                                      "the sheet is closed; reopen it to change it")
            values = _validated(uow, _replace(data, received_at=data.received_at or
                                              sheet.received_at), at, errors,
                                sheet.received_at, own_id=sheet_id)
        if analysis is not None:
            cents = None
            if analysis.compensation not in (None, ""):
                try:
                    cents = common.amount_cents(analysis.compensation, field="compensation")
                except ValidationError as exc:
                    errors.append(exc)
            try:
                sheet.record_analysis(
                    user, root_cause=analysis.root_cause, correction=analysis.correction,
                    compensation_cents=cents, long_term_measure=analysis.long_term_measure,
                    rework_needed=analysis.rework_needed,
                    rework_completed_at=analysis.rework_completed_at,
                    banned_phrases=common.banned_phrases(uow), now=at)
            except ValidationErrors as exc:
                errors.extend(exc.errors)
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationErrors(errors)
        if values is not None:
            _apply_registration(uow, sheet, values)
        _stamp(sheet, user, at)
        uow.record(events.SheetChanged(
            at=at, **common.by(user), sheet_id=sheet_id, sheet_number=sheet.number,
            customer_id=sheet.customer_id, details=audit.diff(before, _snapshot(sheet)),
            previous_customer_id=before["customer_id"]))
        uow.commit()
        return detail(uow, sheet, user)


def wait_for_customer(uow: UnitOfWork, actor_id: int, sheet_id: int, reason: str, *,
                      expected_version: int | None = None) -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "wait",
                lambda s, u, at: s.wait_for_customer(u, at, reason), reason)


def resume(uow: UnitOfWork, actor_id: int, sheet_id: int, *,
           expected_version: int | None = None, note: str = "") -> SheetDetail:
    def change(sheet: Sheet, user: User, at: datetime) -> None:
        sheet.resume(user, at, common.store_calendar(
            common.get_or_404(uow.stores, sheet.store_id, "store")), note)

    return _act(uow, actor_id, sheet_id, expected_version, "resume", change, note)


def resolve(uow: UnitOfWork, actor_id: int, sheet_id: int, *,
            expected_version: int | None = None, note: str = "") -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "resolve",
                lambda s, u, at: s.resolve(u, at, common.banned_phrases(uow), note), note)


def record_return_visit(uow: UnitOfWork, actor_id: int, sheet_id: int, satisfaction: int | str,
                        feedback: str = "", *, kind: VisitKind | str = VisitKind.SATISFACTION,
                        method: str = "phone",
                        expected_version: int | None = None) -> SheetDetail:
    def change(sheet: Sheet, user: User, at: datetime) -> None:
        errors: list[ValidationError] = []
        parsed = _enum(VisitKind, kind, "visit_kind", errors)
        try:
            score = validation.validate_satisfaction(satisfaction)
        except ValidationError as exc:
            errors.append(exc)
            score = 0
        try:
            how = validation.validate_text(method, field="visit_method", required=True,
                                           max_length=20)
        except ValidationError as exc:
            errors.append(exc)
        if errors:
            raise ValidationErrors(errors)
        sheet.record_return_visit(user, at, score, feedback, parsed, how)

    return _act(uow, actor_id, sheet_id, expected_version, "return_visit", change)


def close(uow: UnitOfWork, actor_id: int, sheet_id: int, remark: str = "", *,
          expected_version: int | None = None) -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "close",
                lambda s, u, at: s.close(u, at, remark), remark)


def reopen(uow: UnitOfWork, actor_id: int, sheet_id: int, reason: str, *,
           expected_version: int | None = None) -> SheetDetail:
    return _act(uow, actor_id, sheet_id, expected_version, "reopen",
                lambda s, u, at: s.reopen(u, at, reason), reason)


def add_corrective_action(uow: UnitOfWork, actor_id: int, sheet_id: int, description: str,
                          owner_id: int | None, due_date: date | None, *,
                          expected_version: int | None = None) -> SheetDetail:
    def change(sheet: Sheet, user: User, at: datetime) -> None:
        if owner_id is not None and uow.users.get(owner_id) is None:
            raise ValidationError("action_owner", "user.not_found", "unknown owner")
        sheet.add_corrective_action(user, at, description, owner_id, due_date,
                                    common.banned_phrases(uow))

    return _act(uow, actor_id, sheet_id, expected_version, "action.add", change,
                description[:200])


def check_corrective_action(uow: UnitOfWork, actor_id: int, sheet_id: int, action_id: int,
                            effectiveness: Effectiveness | str, note: str = "", *,
                            expected_version: int | None = None) -> SheetDetail:
    def change(sheet: Sheet, user: User, at: datetime) -> None:
        errors: list[ValidationError] = []
        parsed = _enum(Effectiveness, effectiveness, "effectiveness", errors)
        if errors:
            raise ValidationErrors(errors)
        action = next((a for a in sheet.actions if a.id == action_id), None)
        if action is None:
            raise NotFound(f"action {action_id} is not on this sheet", code="action.not_found")
        sheet.check_action(user, at, action, parsed, note)

    return _act(uow, actor_id, sheet_id, expected_version, "action.check", change, note)


ACTIONS: Mapping[Action, Callable[..., SheetDetail]] = {
    Action.ACKNOWLEDGE: acknowledge,
    Action.ASSIGN: assign,
    Action.WAIT: wait_for_customer,
    Action.RESUME: resume,
    Action.RESOLVE: resolve,
    Action.RETURN_VISIT: record_return_visit,
    Action.CLOSE: close,
    Action.REOPEN: reopen,
}


# ---------------------------------------------------------------- lists
def list_sheet_ids(uow: UnitOfWork, actor_id: int, sheet_filter: SheetFilter,
                   limit: int | None = None) -> list[int]:
    """The ids of the sheets matching the filter, sorted — one SQL query."""
    with uow.reading():
        common.reader(uow, actor_id, Permission.VIEW_SHEETS)
        if sheet_filter.due is DueFilter.UPDATE_DUE:  # issue 11
            sheet_filter = dataclasses.replace(sheet_filter, progress_update_every=tuple(
                (sid, every) for sid, every in _update_every(uow).items()
                if every is not None))
        return uow.sheets.search_ids(sheet_filter, common.now(), limit)


def list_sheets(uow: UnitOfWork, actor_id: int, sheet_filter: SheetFilter) -> IdWindows:
    """The sheets matching the filter, sorted, as a sequence of ids read by windows:
    the count and the first window now, the rest when a row there is asked for (a
    million sheets never become a million ids at once). The clock is read once, so
    every window answers the same "overdue" question."""
    at = common.now()
    with uow.reading():
        common.reader(uow, actor_id, Permission.VIEW_SHEETS)
        total = uow.sheets.count_matching(sheet_filter, at)
        first = uow.sheets.search_ids(sheet_filter, at, paging.WINDOW) \
            if total else []

    def fetch(limit: int, offset: int, from_end: bool) -> list[int]:
        with uow.reading():
            return uow.sheets.search_ids(sheet_filter, at, limit, offset, from_end=from_end)

    return IdWindows(total, fetch, first)


def sheet_rows(uow: UnitOfWork, ids: Iterable[int]) -> list[SheetRow]:
    """Rows for a page of ids, in the order given."""
    wanted = list(ids)
    with uow.reading():
        every = _update_every(uow)
        by_id = {row["id"]: _row_with_update_due(row, every)
                 for row in uow.sheets.rows(wanted)}
    return [by_id[i] for i in wanted if i in by_id]


def count_overdue(uow: UnitOfWork, actor_id: int) -> int:
    from helpdesk.domain.filters import DueFilter

    return len(list_sheet_ids(uow, actor_id, SheetFilter(due=DueFilter.OVERDUE)))


# ---------------------------------------------------------------- issue 11: text matches
def text_matches(uow: UnitOfWork, actor_id: int, ids: Iterable[int],
                 query: str) -> dict[int, tuple[str, str, str]]:
    """Where ``query`` stands in each listed sheet's text: (before, match, after), for
    the list's match column; sheets found by number or customer are absent."""
    wanted = list(ids)
    if not wanted or not query.strip():
        return {}
    with uow.reading():
        common.reader(uow, actor_id, Permission.VIEW_SHEETS)
        return uow.sheets.text_snippets(wanted, query)


# ---------------------------------------------------------------- issue 11: CRM reminders
def _update_every(uow: UnitOfWork) -> dict[int, timedelta | None]:
    """Each store's "progress to the customer every …" (None: its policy asks none)."""
    return {store_id: common.stored_policy(preset, text).progress_update_every
            for store_id, (preset, text) in uow.stores.policies().items()}


def _row_with_update_due(row: dict[str, Any], every: dict[int, timedelta | None]) -> SheetRow:
    due = deadlines.progress_update_due_at(
        row["state"], every=every.get(row["store_id"]), received_at=row["received_at"],
        last_notified_at=row["last_notified_at"])
    return SheetRow(**row, progress_update_due_at=due)


def count_update_due(uow: UnitOfWork, actor_id: int) -> int:
    """Open sheets whose customer is owed a progress update (CRM preset), for the
    notification count."""
    return len(list_sheet_ids(uow, actor_id, SheetFilter(due=DueFilter.UPDATE_DUE)))

# ------------------------------------------------- issue 9: repeat complaints
REPEAT_DAYS = 90
"""A customer's complaints of the last this many days are shown when the desk picks
them (as well as every open one, however old)."""


def customer_complaints(uow: UnitOfWork, actor_id: int, customer_id: int, *,
                        exclude: int | None = None) -> list[SheetRow]:
    """The customer's open complaints and those of the last :data:`REPEAT_DAYS` days,
    newest first (``exclude``: the sheet open in the form)."""
    since = common.now() - timedelta(days=REPEAT_DAYS)
    open_ids = list_sheet_ids(uow, actor_id, SheetFilter(customer_id=customer_id,
                                                         include_closed=False))
    recent = list_sheet_ids(uow, actor_id, SheetFilter(customer_id=customer_id,
                                                       received_from=since))
    ids = list(dict.fromkeys(open_ids + recent))
    rows = [r for r in sheet_rows(uow, ids) if r.id != exclude]
    return sorted(rows, key=lambda r: (r.received_at, r.id), reverse=True)


common.guard_use_cases(__name__)
