"""Use cases of customer records: create (with a vehicle or order), edit, add vehicles
and orders, find, show, merge duplicates. Personal data is masked for roles without
the right to see it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from helpdesk.domain import audit, events, national_id, parsing, search_keys, validation
from helpdesk.domain.customers import (
    MERGE_FIELDS,
    Contact,
    Customer,
    CustomerKind,
    Gender,
    MergeSide,
    Order,
    OrderKind,
    Tier,
    Vehicle,
    merge_conflicts,
    merge_default,
    merge_widens_consent,
)
from helpdesk.domain.errors import (
    ConflictError,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from helpdesk.domain.users import Permission, User
from helpdesk.services import common
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import (
    ContactInfo,
    CustomerDetail,
    CustomerSummary,
    OrderInfo,
    VehicleInfo,
)
from helpdesk.storage import search

MASKED_ADDRESS = "***"


@dataclass(frozen=True)
class VehicleInput:
    vin: str
    plate: str = ""
    brand: str = ""
    model: str = ""
    mileage_km: int | str | None = None
    purchase_date: date | None = None
    override_vin_check: bool = False  # imported vehicles whose check digit differs


@dataclass(frozen=True)
class OrderInput:
    number: str
    kind: OrderKind | str = OrderKind.SERVICE
    ordered_at: date | None = None
    amount: int | str = 0  # fen when int; "1,234.50" / "¥100" when text
    items: str = ""
    store_id: int | None = None
    vehicle_id: int | None = None


@dataclass(frozen=True)
class ContactInput:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CustomerInput:
    """What the desk (or an import row) gives to create or edit a customer."""

    name: str
    phones: tuple[str, ...] = ()
    kind: CustomerKind | str = CustomerKind.INDIVIDUAL
    gender: Gender | str = Gender.UNKNOWN
    email: str = ""
    wechat: str = ""
    address: str = ""
    birthday: date | None = None
    company_industry: str = ""
    company_size: str = ""
    source: str = ""
    tier: Tier | str = Tier.REGULAR
    consent_marketing: bool = False
    note: str = ""
    store_id: int | None = None
    owner_user_id: int | None = None
    contacts: tuple[ContactInput, ...] = ()
    vehicles: tuple[VehicleInput, ...] = ()
    orders: tuple[OrderInput, ...] = ()
    allow_duplicate_phone: bool = False
    national_id: str = ""  # issue 15: 身份证号 as typed (validated and normalised here)


# ---------------------------------------------------------------- DTOs
def vehicle_info(v: Vehicle) -> VehicleInfo:
    assert v.id is not None and v.customer_id is not None
    return VehicleInfo(v.id, v.vin, v.plate, v.brand, v.model, v.mileage_km, v.purchase_date,
                       v.vin_check_overridden, v.customer_id, v.retired_on)


def order_info(o: Order) -> OrderInfo:
    assert o.id is not None and o.customer_id is not None
    return OrderInfo(o.id, o.number, o.kind, o.ordered_at, o.amount_cents, o.items,
                     o.store_id, o.vehicle_id, o.customer_id)


def _may_see(viewer: User) -> bool:
    return viewer.can(Permission.VIEW_PERSONAL_DATA)


def customer_detail(uow: UnitOfWork, c: Customer, viewer: User) -> CustomerDetail:
    assert c.id is not None
    see = _may_see(viewer)
    phones = tuple(p if see else validation.mask_phone(p) for p in c.phone_numbers())
    owner = uow.users.names({c.owner_user_id}).get(c.owner_user_id, "") \
        if c.owner_user_id else ""
    return CustomerDetail(
        id=c.id, version=c.version, name=c.name, kind=c.kind, gender=c.gender, phones=phones,
        email=c.email if see else (MASKED_ADDRESS if c.email else ""),
        wechat=c.wechat if see else (MASKED_ADDRESS if c.wechat else ""),
        address=c.address if see else (MASKED_ADDRESS if c.address else ""),
        birthday=c.birthday,
        national_id=c.national_id if see else national_id.mask_national_id(c.national_id),
        company_industry=c.company_industry,
        company_size=c.company_size, source=c.source, tier=c.tier,
        consent_marketing=c.consent_marketing, note=c.note, store_id=c.store_id,
        owner_user_id=c.owner_user_id, owner_name=owner, created_at=c.created_at,
        updated_at=c.updated_at,
        contacts=tuple(
            ContactInfo(x.id or 0, x.name, x.role,
                        x.phone if see or not x.phone else validation.mask_phone(x.phone),
                        x.email if see else "")
            for x in c.contacts),
        vehicles=tuple(vehicle_info(v) for v in c.vehicles),
        orders=tuple(order_info(o) for o in c.orders),
        masked=not see, merged_into_id=c.merged_into_id,
    )


# ---------------------------------------------------------------- validation
def _enum(enum_cls: Any, value: Any, fname: str, errors: list[ValidationError]) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        errors.append(ValidationError(fname, f"{fname}.invalid", f"{value!r} is not valid",
                                      value=str(value)))
        return None


def _try(errors: list[ValidationError], fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    except ValidationError as exc:
        errors.append(exc)
    return None


def _customer_fields(data: CustomerInput, today: date,
                     errors: list[ValidationError]) -> dict[str, Any]:
    kind = _enum(CustomerKind, data.kind, "kind", errors)
    values: dict[str, Any] = {"kind": kind}
    if kind is CustomerKind.COMPANY:
        values["name"] = _try(errors, validation.validate_text, data.name, field="name",
                              required=True, max_length=120)
    else:
        values["name"] = _try(errors, validation.validate_person_name, data.name)
    values["gender"] = _enum(Gender, data.gender, "gender", errors)
    values["tier"] = _enum(Tier, data.tier, "tier", errors)
    values["email"] = _try(errors, common.email, data.email) if data.email.strip() else ""
    for key, limit in (("wechat", 100), ("address", 300), ("company_industry", 100),
                       ("company_size", 50), ("source", 100), ("note", 4000)):
        values[key] = _try(errors, validation.validate_text, getattr(data, key), field=key,
                           max_length=limit)
    if data.birthday is not None:
        if data.birthday > today:
            errors.append(ValidationError("birthday", "date.future",
                                          "the birthday cannot be in the future"))
        elif data.birthday.year < 1900:
            errors.append(ValidationError("birthday", "date.too_old",
                                          "the birthday is before 1900"))
    values["birthday"] = data.birthday
    values["national_id"] = _try(errors, national_id.validate_national_id, data.national_id,
                                 today=today) or ""
    values["consent_marketing"] = bool(data.consent_marketing)
    values["store_id"] = data.store_id
    values["owner_user_id"] = data.owner_user_id
    return values


def _phones(data_phones: tuple[str, ...], errors: list[ValidationError],
            required: bool) -> list[str]:
    numbers: list[str] = []
    for i, raw in enumerate(p for p in data_phones if p and p.strip()):
        number = _try(errors, validation.validate_phone, raw,
                      field="phone" if i == 0 else f"phone{i + 1}")
        if number and number not in numbers:
            numbers.append(number)
    if required and not numbers and not any(e.field.startswith("phone") for e in errors):
        errors.append(ValidationError("phone", "phone.required",
                                      "a phone number is needed for the return visit"))
    return numbers


def _vehicle(uow: UnitOfWork, user: User, data: VehicleInput, today: date,
             errors: list[ValidationError], customer_id: int | None) -> Vehicle | None:
    before = len(errors)
    override = data.override_vin_check
    if override and not user.can(Permission.OVERRIDE_VIN_CHECK):
        errors.append(ValidationError("vin", "permission.override_vin_check",
                                      "only a service manager or director may accept a VIN "
                                      "whose check digit does not match"))
        override = False
    # Whole, partial (a tail as written on paper) or none: never padded into a whole one.
    vin = _try(errors, validation.validate_vehicle_vin, data.vin,
               allow_check_digit_mismatch=override)
    plate = _try(errors, validation.validate_plate, data.plate) if data.plate.strip() else ""
    mileage = None
    if data.mileage_km not in (None, ""):
        mileage = _try(errors, parsing.parse_mileage_km, data.mileage_km)
    if data.purchase_date is not None and data.purchase_date > today:
        errors.append(ValidationError("purchase_date", "date.future",
                                      "the purchase date cannot be in the future"))
    brand = _try(errors, validation.validate_text, data.brand, field="brand", max_length=60)
    model = _try(errors, validation.validate_text, data.model, field="model", max_length=100)
    if vin == "" and not (data.plate.strip() or data.brand.strip() or data.model.strip()):
        errors.append(ValidationError("vin", "vehicle.unidentified",
                                      "give the VIN (or its last characters), the plate, "
                                      "or the brand and model"))
    if vin and validation.vin_is_complete(vin):
        existing = uow.customers.vehicle_by_vin(vin)
        if existing is not None and existing.customer_id != customer_id:
            errors.append(ValidationError("vin", "vin.taken",
                                          f"VIN {vin} belongs to customer #{existing.customer_id}",
                                          customer_id=existing.customer_id,
                                          customer_name=_name_of(uow, existing.customer_id)))
    if len(errors) > before or vin is None:
        return None
    checked = not validation.vin_is_complete(vin) or validation.vin_check_digit(vin) == vin[8]
    return Vehicle(vin=vin, plate=plate or "", brand=brand or "", model=model or "",
                   mileage_km=mileage, purchase_date=data.purchase_date,
                   vin_check_overridden=not checked)


def _name_of(uow: UnitOfWork, customer_id: int | None) -> str:
    """The customer's name for a message that sends the user to them."""
    found = uow.customers.get(customer_id) if customer_id is not None else None
    return found.name if found is not None else f"#{customer_id}"


def _order(uow: UnitOfWork, data: OrderInput, today: date,
           errors: list[ValidationError], default_store: int | None,
           *, new_number: bool = True) -> Order | None:
    before = len(errors)
    number = _try(errors, validation.validate_order_number, data.number)
    kind = _enum(OrderKind, data.kind, "order_kind", errors)
    cents = _try(errors, common.amount_cents, data.amount, field="amount")
    if isinstance(cents, int) and cents < 0:
        errors.append(ValidationError("amount", "amount.negative", "amount cannot be negative"))
    ordered = data.ordered_at or today
    if ordered > today:
        errors.append(ValidationError("ordered_at", "date.future",
                                      "the order date cannot be in the future"))
    items = _try(errors, validation.validate_text, data.items, field="items", max_length=2000)
    if new_number and number and uow.customers.order_by_number(number) is not None:
        errors.append(ValidationError("order_number", "order_number.taken",
                                      f"order {number} exists already", number=number))
    if len(errors) > before or number is None:
        return None
    return Order(number=number, kind=kind, ordered_at=ordered, amount_cents=int(cents or 0),
                 items=items or "", store_id=data.store_id or default_store,
                 vehicle_id=data.vehicle_id)


def build_customer(uow: UnitOfWork, user: User, data: CustomerInput, at: datetime) -> Customer:
    """Validate and add a customer inside the caller's unit of work (no commit)."""
    customer = prepare_customer(uow, user, data, at)
    uow.customers.add(customer)
    _record_created(uow, user, customer, at)
    return customer


def prepare_customer(uow: UnitOfWork, user: User, data: CustomerInput,
                     at: datetime, *, phone_owners: Mapping[str, int] | None = None) -> Customer:
    """Validate a new customer and build it, without adding it to the database (an
    import checks every row first and writes them all at once: :func:`add_customers`).
    ``phone_owners`` (number → customer id, looked up for a whole file at once) saves
    a query per phone.

    Raises:
        ValidationErrors: every problem found.
    """
    user.require(Permission.MANAGE_CUSTOMERS)
    errors: list[ValidationError] = []
    values = _customer_fields(data, at.date(), errors)
    phones = _phones(data.phones, errors, required=True)
    if phones and not data.allow_duplicate_phone:
        uow.customers.lock_phones(phones)  # two desks typing one phone: one customer
        for number in phones:
            if phone_owners is not None:
                owner = phone_owners.get(number)
                existing = [owner] if owner is not None else []
            else:
                existing = uow.customers.ids_by_phone(number)
            if existing:
                errors.append(ValidationError(
                    "phone", "phone.duplicate",
                    f"{number} belongs to customer #{existing[0]} already: pick that "
                    "customer instead", customer_id=existing[0],
                    customer_name=_name_of(uow, existing[0])))
                break
    vehicles = [_vehicle(uow, user, v, at.date(), errors, None) for v in data.vehicles]
    seen_vins = [v.vin for v in vehicles if v and v.vin]
    if len(seen_vins) != len(set(seen_vins)):
        errors.append(ValidationError("vin", "vin.repeated", "the same VIN is given twice"))
    orders = [_order(uow, o, at.date(), errors, values.get("store_id") or user.store_id)
              for o in data.orders]
    contacts = [c for c in (_contact(x, errors) for x in data.contacts) if c is not None]
    if errors:
        raise ValidationErrors(errors)
    if values["store_id"] is None:
        values["store_id"] = user.store_id
    customer = Customer(created_at=at, updated_at=at, updated_by_id=user.id, **values)
    for number in phones:
        customer.add_phone(number)
    customer.contacts.extend(contacts)
    customer.vehicles.extend(v for v in vehicles if v)
    customer.orders.extend(o for o in orders if o)
    return customer


def add_customers(uow: UnitOfWork, user: User, customers: Sequence[Customer],
                  at: datetime) -> None:
    """Add prepared customers in one flush (with their search keys) and record each
    as created (and each accepted VIN check-digit mismatch)."""
    uow.customers.add_many(customers)
    for customer in customers:
        _record_created(uow, user, customer, at)


def _record_created(uow: UnitOfWork, user: User, customer: Customer, at: datetime) -> None:
    assert customer.id is not None
    uow.record(events.CustomerCreated(
        at=at, **common.by(user), customer_id=customer.id,
        details={"name": customer.name, "phones": customer.phone_numbers(),
                 "vehicles": [v.vin for v in customer.vehicles],
                 "orders": [o.number for o in customer.orders]}))
    for vehicle in customer.vehicles:
        if vehicle.vin_check_overridden:
            _vin_overridden(uow, user, customer.id, vehicle.vin, at)


def create_customer(uow: UnitOfWork, actor_id: int, data: CustomerInput) -> CustomerDetail:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = build_customer(uow, user, data, at)
        uow.commit()
        return customer_detail(uow, customer, user)


def _load(uow: UnitOfWork, customer_id: int, expected_version: int | None) -> Customer:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise NotFound(f"customer {customer_id} does not exist", code="customer.not_found")
    if expected_version is not None and customer.version != expected_version:
        who = uow.users.names({customer.updated_by_id}).get(customer.updated_by_id, "") \
            if customer.updated_by_id else ""
        raise ConflictError.stale(who, customer.updated_at, customer.version)
    return customer


def _snapshot(c: Customer) -> dict[str, Any]:
    keys = ("name", "kind", "gender", "email", "wechat", "address", "birthday",
            "company_industry", "company_size", "source", "tier", "consent_marketing", "note",
            "store_id", "owner_user_id")
    data = {k: getattr(c, k) for k in keys}
    data["phones"] = c.phone_numbers()
    # The append-only trail keeps the ID number masked: it says that the number changed
    # without holding a second, unerasable copy of it.
    data["national_id"] = national_id.mask_national_id(c.national_id)
    return data


def update_customer(uow: UnitOfWork, actor_id: int, customer_id: int, expected_version: int,
                    data: CustomerInput) -> CustomerDetail:
    """Edit the profile (phones replace the old list). Masked values left unchanged
    by a user who cannot see them are kept as they were."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, expected_version)
        errors: list[ValidationError] = []
        see = _may_see(user)
        if not see and national_id.is_masked(data.national_id):
            data = dataclasses.replace(data, national_id=customer.national_id)
        values = _customer_fields(data, at.date(), errors)
        if not see:
            for key in ("email", "wechat", "address"):
                if getattr(data, key) == MASKED_ADDRESS:
                    values[key] = getattr(customer, key)
            phones_given = tuple(p for p in data.phones if "*" not in p)
            phones = _phones(phones_given, errors, required=False) if phones_given else \
                customer.phone_numbers()
        else:
            phones = _phones(data.phones, errors, required=True)
        if errors:
            raise ValidationErrors(errors)
        before = _snapshot(customer)
        for key, value in values.items():
            if key == "store_id" and value is None:
                continue
            setattr(customer, key, value)
        if phones != customer.phone_numbers():
            customer.phones[:] = [p for p in customer.phones if p.number in phones]
            for number in phones:
                customer.add_phone(number)
            customer.phones.sort(key=lambda p: phones.index(p.number))
        customer.updated_at = at
        customer.updated_by_id = user.id
        uow.customers.save(customer)
        uow.record(events.CustomerChanged(
            at=at, **common.by(user), customer_id=customer_id,
            details=audit.diff(before, _snapshot(customer))))
        uow.commit()
        return customer_detail(uow, customer, user)


def build_vehicle(uow: UnitOfWork, user: User, customer: Customer, data: VehicleInput,
                  at: datetime, errors: list[ValidationError]) -> Vehicle | None:
    """Validate and attach a vehicle inside the caller's unit of work (no commit);
    problems go to ``errors``."""
    if not user.can(Permission.MANAGE_CUSTOMERS):
        _try(errors, user.require, Permission.MANAGE_CUSTOMERS)
        return None
    vehicle = _vehicle(uow, user, data, at.date(), errors, customer.id)
    if vehicle is None:
        return None
    if vehicle.vin and any(v.vin == vehicle.vin for v in customer.vehicles):
        errors.append(ValidationError("vin", "vin.taken",
                                      "this customer has that vehicle already"))
        return None
    customer.vehicles.append(vehicle)
    customer.updated_at = at
    customer.updated_by_id = user.id
    uow.customers.save(customer)
    assert customer.id is not None
    uow.record(events.VehicleAdded(at=at, **common.by(user), customer_id=customer.id,
                                   details={"vin": vehicle.vin, "plate": vehicle.plate}))
    if vehicle.vin_check_overridden:
        _vin_overridden(uow, user, customer.id, vehicle.vin, at)
    return vehicle


def _vin_overridden(uow: UnitOfWork, user: User, customer_id: int, vin: str,
                    at: datetime) -> None:
    uow.record(events.VinCheckOverridden(at=at, **common.by(user), customer_id=customer_id,
                                         details={"vin": vin},
                                         note="VIN check digit mismatch accepted"))


def add_vehicle(uow: UnitOfWork, actor_id: int, customer_id: int,
                data: VehicleInput) -> VehicleInfo:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        errors: list[ValidationError] = []
        vehicle = build_vehicle(uow, user, customer, data, at, errors)
        if errors or vehicle is None:
            raise ValidationErrors(errors)
        uow.commit()
        return vehicle_info(vehicle)


def add_order(uow: UnitOfWork, actor_id: int, customer_id: int, data: OrderInput) -> OrderInfo:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        errors: list[ValidationError] = []
        order = _order(uow, data, at.date(), errors, customer.store_id or user.store_id)
        if errors or order is None:
            raise ValidationErrors(errors)
        if order.vehicle_id is not None and order.vehicle_id not in \
                {v.id for v in customer.vehicles}:
            raise ValidationError("vehicle", "vehicle.not_customers",
                                  "that vehicle does not belong to the customer")
        customer.orders.append(order)
        customer.updated_at = at
        customer.updated_by_id = user.id
        uow.customers.save(customer)
        uow.record(events.OrderAdded(
            at=at, **common.by(user), customer_id=customer_id,
            details={"number": order.number, "amount_cents": order.amount_cents}))
        uow.commit()
        return order_info(order)


# ------------------------------------------- editing vehicles, orders, contacts (issue 15)
def _own(items: list[Any], item_id: int, what: str) -> Any:
    """The customer's vehicle / order / contact ``item_id`` (not another customer's)."""
    for item in items:
        if item.id == item_id:
            return item
    raise NotFound(f"{what} {item_id} does not exist", code=f"{what}.not_found")


def _touch(uow: UnitOfWork, customer: Customer, user: User, at: datetime) -> None:
    customer.updated_at = at
    customer.updated_by_id = user.id
    uow.customers.save(customer)


_VEHICLE_FIELDS = ("vin", "plate", "brand", "model", "mileage_km", "purchase_date",
                   "vin_check_overridden")


def update_vehicle(uow: UnitOfWork, actor_id: int, customer_id: int, vehicle_id: int,
                   data: VehicleInput) -> VehicleInfo:
    """Edit a vehicle of the customer with the same rules as adding one (VIN check digit,
    one record per VIN, plate format, mileage, no future purchase date)."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        vehicle = _own(customer.vehicles, vehicle_id, "vehicle")
        errors: list[ValidationError] = []
        checked = _vehicle(uow, user, data, at.date(), errors, customer.id)
        if checked is not None and checked.vin and any(v.vin == checked.vin and v.id != vehicle_id
                                       for v in customer.vehicles):
            errors.append(ValidationError("vin", "vin.taken",
                                          "this customer has that vehicle already"))
        if errors or checked is None:
            raise ValidationErrors(errors)
        before = {k: _audit_value(getattr(vehicle, k)) for k in _VEHICLE_FIELDS}
        for key in _VEHICLE_FIELDS:
            setattr(vehicle, key, getattr(checked, key))
        after = {k: _audit_value(getattr(vehicle, k)) for k in _VEHICLE_FIELDS}
        _touch(uow, customer, user, at)
        uow.record(events.VehicleChanged(
            at=at, **common.by(user), customer_id=customer_id,
            details={"vin": vehicle.vin, **audit.diff(before, after)}))
        if vehicle.vin_check_overridden and not before["vin_check_overridden"]:
            _vin_overridden(uow, user, customer_id, vehicle.vin, at)
        uow.commit()
        return vehicle_info(vehicle)


def retire_vehicle(uow: UnitOfWork, actor_id: int, customer_id: int, vehicle_id: int,
                   retired_on: date | None = None) -> VehicleInfo:
    """Mark a vehicle sold or scrapped on ``retired_on`` (today by default); it keeps
    its history and :func:`reinstate_vehicle` undoes it."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        vehicle = _own(customer.vehicles, vehicle_id, "vehicle")
        day = retired_on or at.date()
        if day > at.date():
            raise ValidationError("retired_on", "date.future", "the date cannot be in the future")
        vehicle.retired_on = day
        _touch(uow, customer, user, at)
        uow.record(events.VehicleRetired(
            at=at, **common.by(user), customer_id=customer_id,
            details={"vin": vehicle.vin, "plate": vehicle.plate,
                     "retired_on": day.isoformat()}))
        uow.commit()
        return vehicle_info(vehicle)


def reinstate_vehicle(uow: UnitOfWork, actor_id: int, customer_id: int,
                      vehicle_id: int) -> VehicleInfo:
    """Undo :func:`retire_vehicle` (retired by mistake)."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        vehicle = _own(customer.vehicles, vehicle_id, "vehicle")
        before = vehicle.retired_on
        vehicle.retired_on = None
        _touch(uow, customer, user, at)
        uow.record(events.VehicleChanged(
            at=at, **common.by(user), customer_id=customer_id,
            details={"vin": vehicle.vin,
                     "retired_on": [before.isoformat() if before else None, None]}))
        uow.commit()
        return vehicle_info(vehicle)


_ORDER_FIELDS = ("kind", "ordered_at", "amount_cents", "items", "store_id", "vehicle_id")


def update_order(uow: UnitOfWork, actor_id: int, customer_id: int, order_id: int,
                 data: OrderInput) -> OrderInfo:
    """Edit an order or service visit (its number stays: other records quote it)."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        order = _own(customer.orders, order_id, "order")
        errors: list[ValidationError] = []
        probe = OrderInput(number=order.number, kind=data.kind, ordered_at=data.ordered_at,
                           amount=data.amount, items=data.items, store_id=data.store_id,
                           vehicle_id=data.vehicle_id)
        checked = _order(uow, probe, at.date(), errors, order.store_id, new_number=False)
        if errors or checked is None:
            raise ValidationErrors(errors)
        if checked.vehicle_id is not None and checked.vehicle_id not in \
                {v.id for v in customer.vehicles}:
            raise ValidationError("vehicle", "vehicle.not_customers",
                                  "that vehicle does not belong to the customer")
        before = {k: _audit_value(getattr(order, k)) for k in _ORDER_FIELDS}
        for key in _ORDER_FIELDS:
            setattr(order, key, getattr(checked, key))
        after = {k: _audit_value(getattr(order, k)) for k in _ORDER_FIELDS}
        _touch(uow, customer, user, at)
        uow.record(events.OrderChanged(
            at=at, **common.by(user), customer_id=customer_id,
            details={"number": order.number, **audit.diff(before, after)}))
        uow.commit()
        return order_info(order)


def _contact(data: ContactInput, errors: list[ValidationError]) -> Contact | None:
    """A validated contact person, or None with the problems in ``errors``."""
    before = len(errors)
    name = _try(errors, validation.validate_person_name, data.name, field="contact_name")
    phone = _try(errors, validation.validate_phone, data.phone, field="contact_phone") \
        if data.phone.strip() else ""
    mail = _try(errors, common.email, data.email, field="contact_email") \
        if data.email.strip() else ""
    if len(errors) > before or not name:
        return None
    return Contact(name=name, role=data.role.strip()[:100], phone=phone or "",
                   email=mail or "")


def _contact_values(c: Contact) -> dict[str, Any]:
    return {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email}


def add_contact(uow: UnitOfWork, actor_id: int, customer_id: int,
                data: ContactInput) -> ContactInfo:
    """Add a contact person to a (company) customer."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        errors: list[ValidationError] = []
        contact = _contact(data, errors)
        if errors or contact is None:
            raise ValidationErrors(errors)
        customer.contacts.append(contact)
        _touch(uow, customer, user, at)
        uow.record(events.ContactAdded(at=at, **common.by(user), customer_id=customer_id,
                                       details=_contact_values(contact)))
        uow.commit()
        assert contact.id is not None
        return ContactInfo(contact.id, contact.name, contact.role, contact.phone, contact.email)


def update_contact(uow: UnitOfWork, actor_id: int, customer_id: int, contact_id: int,
                   data: ContactInput) -> ContactInfo:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        contact = _own(customer.contacts, contact_id, "contact")
        errors: list[ValidationError] = []
        checked = _contact(data, errors)
        if errors or checked is None:
            raise ValidationErrors(errors)
        before = _contact_values(contact)
        for key, value in _contact_values(checked).items():
            setattr(contact, key, value)
        _touch(uow, customer, user, at)
        uow.record(events.ContactChanged(
            at=at, **common.by(user), customer_id=customer_id,
            details={"contact": contact.name,
                     **audit.diff(before, _contact_values(contact))}))
        uow.commit()
        return ContactInfo(contact_id, contact.name, contact.role, contact.phone, contact.email)


def remove_contact(uow: UnitOfWork, actor_id: int, customer_id: int, contact_id: int) -> None:
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MANAGE_CUSTOMERS)
        customer = _load(uow, customer_id, None)
        contact = _own(customer.contacts, contact_id, "contact")
        customer.contacts.remove(contact)
        _touch(uow, customer, user, at)
        uow.record(events.ContactRemoved(at=at, **common.by(user), customer_id=customer_id,
                                         details=_contact_values(contact)))
        uow.commit()


# ---------------------------------------------------------------- reading
def find_customers(uow: UnitOfWork, actor_id: int, query: str,
                   limit: int = 50) -> list[CustomerSummary]:
    """Search by name, pinyin, phone (or its tail), plate, VIN (or its tail), order no."""
    with uow.reading():
        user = common.actor(uow, actor_id)
        hits = uow.customers.search(query, limit)
        see = _may_see(user)
        found = uow.customers.get_many([hit.customer_id for hit in hits])
        result = []
        for hit in hits:
            c = found.get(hit.customer_id)
            if c is None:
                continue
            phone = c.primary_phone
            result.append(CustomerSummary(
                hit.customer_id, c.name, c.kind,
                phone if see or not phone else validation.mask_phone(phone),
                tuple(v.plate for v in c.vehicles if v.plate), c.tier,
                hit.kind, _shown_key(hit.kind, hit.key, see), hit.rank))
        return result


def _shown_key(kind: str, key: str, see: bool) -> str:
    """The matched key as a person reads it (reversed tails turned back; phones hidden
    from roles that may not see them)."""
    if kind.endswith("rev"):
        key = key[::-1]
    if kind.startswith("phone") and not see:
        return ""
    return key


def get_customer(uow: UnitOfWork, actor_id: int, customer_id: int) -> CustomerDetail:
    with uow.reading():
        user = common.actor(uow, actor_id)
        return customer_detail(uow, _load(uow, customer_id, None), user)


# ---------------------------------------------------------------- merging
def _merge_choices(choices: Mapping[str, MergeSide | str]) -> dict[str, MergeSide]:
    result: dict[str, MergeSide] = {}
    for name, side in choices.items():
        if name not in MERGE_FIELDS or side not in tuple(MergeSide):
            raise ValidationError(name, "merge.choice", f"not a merge choice: {name}={side}",
                                  choice=name)
        result[name] = MergeSide(side)
    return result


def _merge_audit_value(c: Customer, name: str) -> Any:
    if name == "national_id":  # masked in the trail, as in _snapshot
        return national_id.mask_national_id(c.national_id)
    return _audit_value(getattr(c, name))


def _audit_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value.value if isinstance(value, StrEnum) else value


def merge_customers(uow: UnitOfWork, actor_id: int, keep_id: int, duplicate_id: int,
                    choices: Mapping[str, MergeSide | str] | None = None) -> CustomerDetail:
    """Merge ``duplicate_id`` into ``keep_id``: every phone, contact, vehicle, order and
    complaint moves over; each profile field takes the value ``customers.merge_default``
    gives (marketing consent the narrower, nothing filled lost) unless ``choices`` names
    the side to take; the duplicate stays in the database, hidden, pointing at the kept
    one. A choice that widens consent is recorded in the audit trail as such."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.MERGE_CUSTOMERS)
        if keep_id == duplicate_id:
            raise ValidationError("customer", "merge.same", "choose two different customers")
        uow.customers.lock([keep_id, duplicate_id])  # registrations wait, or finish first
        keep = _load(uow, keep_id, None)
        dup = _load(uow, duplicate_id, None)
        for c in (keep, dup):
            if c.merged_into_id is not None:
                raise ValidationError("customer", "merge.already",
                                      f"customer #{c.id} was merged already")
        chosen = _merge_choices(choices or {})
        before = _snapshot(keep)
        conflicts = {name: {"keep": _merge_audit_value(keep, name),
                            "duplicate": _merge_audit_value(dup, name)}
                     for name in merge_conflicts(keep, dup)}
        widened = merge_widens_consent(keep, dup, chosen)
        moved: dict[str, list[str]] = {"phones": [], "vehicles": [], "orders": [],
                                       "contacts": []}
        # Load the kept lists first: a lazy load in mid-move autoflushes an orphaned order.
        _ = (keep.orders, keep.vehicles, keep.contacts)
        for phone in list(dup.phones):
            if keep.add_phone(phone.number, phone.label):
                moved["phones"].append(phone.number)
        for contact in list(dup.contacts):
            dup.contacts.remove(contact)
            keep.contacts.append(contact)
            moved["contacts"].append(contact.name)
        for vehicle in list(dup.vehicles):
            dup.vehicles.remove(vehicle)
            keep.vehicles.append(vehicle)
            moved["vehicles"].append(vehicle.vin)
        for order in list(dup.orders):
            dup.orders.remove(order)
            keep.orders.append(order)
            moved["orders"].append(order.number)
        values = {name: getattr(dup if chosen.get(name, merge_default(name, keep, dup))
                                is MergeSide.DUPLICATE else keep, name)
                  for name in MERGE_FIELDS}
        for name, value in values.items():
            setattr(keep, name, value)
        dup.merged_into_id = keep.id
        for c in (keep, dup):
            c.updated_at = at
            c.updated_by_id = user.id
        uow.customers.save(keep)
        uow.customers.save(dup)
        sheets_moved = uow.customers.relink_sheets(duplicate_id, keep_id)
        uow.record(events.CustomerMerged(
            at=at, **common.by(user), customer_id=keep_id, merged_id=duplicate_id,
            sheet_ids=frozenset(sheets_moved),
            details={**audit.diff(before, _snapshot(keep)), "merged_from": dup.id,
                     "moved": moved, "sheets": sheets_moved, "conflicts": conflicts,
                     "choices": {k: v.value for k, v in chosen.items()},
                     **({"consent_widened_by_choice": True} if widened else {})}))
        uow.commit()
        return customer_detail(uow, keep, user)


# ---------------------------------------------------------------- issue 11
def matched_choice(customer: CustomerDetail, matched_kind: str, matched_key: str) -> str | None:
    """The vehicle (``"v:<id>"``) or order (``"o:<id>"``) of ``customer`` that a search
    hit matched by its plate, VIN or order number (``CustomerSummary.matched_kind`` and
    ``matched_key``), so the sheet form picks it along with the customer; None when the
    hit matched a name or phone."""
    def norm(value: str) -> str:
        return search_keys.normalize_search_query(value)

    for v in customer.vehicles:
        plate = norm(v.plate) if v.plate else ""
        if matched_kind == search.PLATE and plate and matched_key in (plate, norm(v.plate[1:])):
            return f"v:{v.id}"
        # A VIN tail's key is shown turned back already (_shown_key): the whole VIN.
        if matched_kind in (search.VIN, search.VIN_REV) and matched_key == norm(v.vin):
            return f"v:{v.id}"
    if matched_kind == search.ORDER:
        for o in customer.orders:
            if matched_key == norm(o.number):
                return f"o:{o.id}"
    return None


def record_first_visit(uow: UnitOfWork, actor_id: int, order_id: int, *,
                       satisfaction: int | None = None, feedback: str = "",
                       method: str = "phone") -> int:
    """Record the first return visit after a delivery (CRM preset, seed 002: within
    3 days); the order leaves the call list. Customer care, managers and directors."""
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.RETURN_VISIT)
        order = uow.customers.get_order(order_id)
        if order is None or order.id is None:
            raise NotFound(f"order {order_id} does not exist", code="order.not_found")
        if uow.customers.order_visited(order.id):
            raise ValidationError("order", "order.visited",
                                  f"the first visit after {order.number} is recorded already",
                                  value=order.number)
        if satisfaction is not None and not 1 <= satisfaction <= 5:
            raise ValidationError("satisfaction", "satisfaction.range",
                                  "satisfaction is 1 to 5", value=str(satisfaction))
        note = " ".join(feedback.split())[:2000]
        visit_id = uow.customers.add_order_visit(
            order_id=order.id, visited_at=at, by_id=user.id, satisfaction=satisfaction,
            feedback=note, method=(method or "phone")[:20])
        customer_id = order.customer_id
        assert customer_id is not None
        uow.record(events.FirstVisitRecorded(
            at=at, **common.by(user), customer_id=customer_id, note=note[:500],
            details={"order_id": order.id, "order_number": order.number,
                     "satisfaction": satisfaction, "method": method}))
        uow.commit()
        return visit_id

# issue 10: an import row reports every problem at once
def input_problems(data: CustomerInput, today: date) -> list[ValidationError]:
    """What is wrong with the customer's own fields and phones, found without the
    database (an import row that is wrong elsewhere is still checked in full)."""
    errors: list[ValidationError] = []
    _customer_fields(data, today, errors)
    _phones(data.phones, errors, required=True)
    return errors


def prepare_vehicle(uow: UnitOfWork, user: User, data: VehicleInput, at: datetime,
                    errors: list[ValidationError]) -> Vehicle | None:
    """Validate a vehicle for a customer being prepared (see :func:`prepare_customer`);
    problems go to ``errors``."""
    return _vehicle(uow, user, data, at.date(), errors, None)


common.guard_use_cases(__name__)
