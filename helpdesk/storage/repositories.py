"""Repositories: small interfaces to load and add aggregates, plus the searches the
screens need. They never commit; the unit of work does."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, case, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from helpdesk.domain.audit import AuditEntry
from helpdesk.domain.complaints import Sheet
from helpdesk.domain.customers import Customer, Order, Store, Vehicle
from helpdesk.domain.filters import SheetFilter
from helpdesk.domain.users import User
from helpdesk.storage import search, sheet_queries, tables


class StoreRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, store: Store) -> None:
        self.session.add(store)
        self.session.flush()

    def get(self, store_id: int) -> Store | None:
        return self.session.get(Store, store_id)

    def get_by_code(self, code: str) -> Store | None:
        return self.session.scalars(select(Store).where(tables.stores.c.code == code)).first()

    def list(self) -> list[Store]:
        return list(self.session.scalars(select(Store).order_by(tables.stores.c.id)))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user: User) -> None:
        self.session.add(user)
        self.session.flush()

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def get_by_username(self, username: str) -> User | None:
        return self.session.scalars(
            select(User).where(func.lower(tables.users.c.username) == username.strip().lower())
        ).first()

    def list(self, *, include_inactive: bool = True) -> list[User]:
        stmt = select(User).order_by(tables.users.c.display_name)
        if not include_inactive:
            stmt = stmt.where(tables.users.c.active.is_(True))
        return list(self.session.scalars(stmt))

    def names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        u = tables.users
        rows = self.session.execute(select(u.c.id, u.c.display_name).where(u.c.id.in_(ids)))
        return {row.id: row.display_name for row in rows}

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(tables.users)) or 0)


class CustomerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, customer: Customer) -> None:
        self.session.add(customer)
        self.save(customer)

    def save(self, customer: Customer) -> None:
        """Flush and refresh the customer's search keys (after any change to name,
        phones, vehicles, orders or contacts)."""
        self.session.flush()
        search.reindex(self.session, customer)

    def get(self, customer_id: int) -> Customer | None:
        return self.session.get(
            Customer,
            customer_id,
            # The mapping is imperative, so mypy sees Customer.phones as the domain's
            # list, not the instrumented attribute selectinload takes at run time.
            options=[
                selectinload(Customer.phones),  # type: ignore[arg-type]
                selectinload(Customer.vehicles),  # type: ignore[arg-type]
                selectinload(Customer.contacts),  # type: ignore[arg-type]
                selectinload(Customer.orders),  # type: ignore[arg-type]
            ],
        )

    def get_brief(self, customer_id: int) -> Customer | None:
        """The customer alone: phones are read when asked for, vehicles, orders and
        contacts not at all (saving a sheet must not load a fleet's order history)."""
        return self.session.get(Customer, customer_id)

    def get_many(self, customer_ids: Sequence[int]) -> dict[int, Customer]:
        """Customers by id with their phones and vehicles, in three queries however many
        (a search result of 50 must not cost 250 round trips)."""
        if not customer_ids:
            return {}
        stmt = (
            select(Customer)
            .where(tables.customers.c.id.in_(list(customer_ids)))
            # Instrumented attributes (see get): typed as the domain's lists.
            .options(selectinload(Customer.phones),  # type: ignore[arg-type]
                     selectinload(Customer.vehicles))  # type: ignore[arg-type]
        )
        return {c.id: c for c in self.session.scalars(stmt) if c.id is not None}

    def get_vehicle(self, vehicle_id: int) -> Vehicle | None:
        return self.session.get(Vehicle, vehicle_id)

    def get_order(self, order_id: int) -> Order | None:
        return self.session.get(Order, order_id)

    def vehicle_by_vin(self, vin: str) -> Vehicle | None:
        return self.session.scalars(select(Vehicle).where(tables.vehicles.c.vin == vin)).first()

    def vehicle_by_plate(self, plate: str) -> Vehicle | None:
        return self.session.scalars(
            select(Vehicle).where(tables.vehicles.c.plate == plate)
        ).first()

    def order_by_number(self, number: str) -> Order | None:
        return self.session.scalars(select(Order).where(tables.orders.c.number == number)).first()

    def ids_by_phone(self, number: str) -> list[int]:
        p, c = tables.customer_phones, tables.customers
        stmt = (
            select(p.c.customer_id)
            .join(c, c.c.id == p.c.customer_id)
            .where(p.c.number == number, c.c.merged_into_id.is_(None))
            .distinct()
        )
        return list(self.session.scalars(stmt))

    def relink_sheets(self, from_id: int, to_id: int) -> list[int]:
        """Point every sheet of customer ``from_id`` at ``to_id``; returns their ids."""
        sh = tables.sheets
        ids = list(self.session.scalars(select(sh.c.id).where(sh.c.customer_id == from_id)))
        if ids:
            # Bump the version too: a desk that has one of these sheets open must not
            # save its old customer back over the merge.
            self.session.execute(update(sh).where(sh.c.id.in_(ids))
                                 .values(customer_id=to_id, version=sh.c.version + 1))
        return ids

    def search(self, query: str, limit: int = 200) -> list[search.Hit]:
        return search.search_customer_ids(self.session, query, limit)

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(tables.customers)) or 0)


def _sheet_children() -> list[Any]:
    """Loaded with the sheet: a lazy load in the middle of a workflow step would
    autoflush the half-made change (a second version bump, and a stale save failing
    outside commit). Built on use: the mapping exists only after ``start_mappers``."""
    return [selectinload(getattr(Sheet, name))
            for name in ("progress", "visits", "actions", "transitions", "pauses")]


class SheetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, sheet: Sheet) -> None:
        self.session.add(sheet)
        self.session.flush()

    def get(self, sheet_id: int) -> Sheet | None:
        return self.session.get(Sheet, sheet_id, options=_sheet_children())

    def get_by_number(self, number: str) -> Sheet | None:
        return self.session.scalars(
            select(Sheet).where(tables.sheets.c.number == number.strip().upper())
            .options(*_sheet_children())
        ).first()

    def next_sequence(self, store_id: int, year: int) -> int:
        """The next sheet sequence number of a store and year.

        One atomic upsert on the counter row: the row lock serialises two desks that
        register at the same moment, so a number is never given out twice."""
        counters = tables.sheet_counters
        dialect = self.session.get_bind().dialect.name
        builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = (
            builder(counters)
            .values(store_id=store_id, year=year, last_value=1)
            .on_conflict_do_update(
                index_elements=[counters.c.store_id, counters.c.year],
                set_={"last_value": counters.c.last_value + 1},
            )
            .returning(counters.c.last_value)
        )
        return int(self.session.execute(stmt).scalar_one())

    def reserve_sequence(self, store_id: int, year: int, at_least: int) -> None:
        """Move the counter to at least ``at_least`` (imported sheet numbers), so the next
        ``next_sequence`` never hands out a number that was imported."""
        counters = tables.sheet_counters
        dialect = self.session.get_bind().dialect.name
        builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = builder(counters).values(store_id=store_id, year=year, last_value=at_least)
        stmt = stmt.on_conflict_do_update(
            index_elements=[counters.c.store_id, counters.c.year],
            set_={"last_value": case((counters.c.last_value < at_least, at_least),
                                     else_=counters.c.last_value)},
        )
        self.session.execute(stmt)

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(tables.sheets)) or 0)

    def search_ids(self, sheet_filter: SheetFilter, now: datetime,
                   customer_ids: Sequence[int] | None, limit: int | None = None,
                   offset: int = 0, *, from_end: bool = False) -> list[int]:
        return sheet_queries.search_ids(self.session, sheet_filter, now, customer_ids, limit,
                                        offset, from_end=from_end)

    def count_matching(self, sheet_filter: SheetFilter, now: datetime,
                       customer_ids: Sequence[int] | None) -> int:
        return sheet_queries.count(self.session, sheet_filter, now, customer_ids)

    def rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        return sheet_queries.rows(self.session, ids)


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def list_for(self, entity: str, entity_id: int) -> list[AuditEntry]:
        a = tables.audit_log
        return list(
            self.session.scalars(
                select(AuditEntry)
                .where(a.c.entity == entity, a.c.entity_id == entity_id)
                .order_by(a.c.id)
            )
        )

    def recent(self, limit: int = 200, action_prefix: str = "") -> list[AuditEntry]:
        a = tables.audit_log
        stmt = select(AuditEntry).order_by(a.c.id.desc()).limit(limit)
        if action_prefix:
            stmt = stmt.where(a.c.action.startswith(action_prefix))
        return list(self.session.scalars(stmt))


class SettingsRepository:
    """Small JSON values by key: banned phrases, categories, language..."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        raw = self.session.scalar(select(tables.settings.c.value).where(
            tables.settings.c.key == key))
        return default if raw is None else json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        raw = json.dumps(value, ensure_ascii=False, default=_json_default)
        s = tables.settings
        # An UPDATE answers with a cursor result, the only kind that counts rows.
        done = cast(CursorResult[Any],
                    self.session.execute(update(s).where(s.c.key == key).values(value=raw)))
        if done.rowcount == 0:
            self.session.execute(insert(s).values(key=key, value=raw))


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value))
