"""Repositories: small interfaces to load and add aggregates, plus the searches the
screens need. They never commit; the unit of work does."""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    CursorResult,
    Table,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.util import identity_key

from helpdesk.domain.audit import (
    ANCHOR_SETTING,
    CHAIN_START,
    AuditEntry,
    AuditQuery,
    anchor_holds,
    anchor_value,
    first_broken,
    link,
)
from helpdesk.domain.complaints import Sheet
from helpdesk.domain.customers import Customer, CustomerBrief, Order, Store, Vehicle
from helpdesk.domain.filters import SheetFilter
from helpdesk.domain.users import User
from helpdesk.storage import (
    attachments,
    bulk,
    fulltext,
    orm,
    prepared,
    search,
    sheet_queries,
    tables,
)


class _OnUnitOfWork:
    """A repository of a unit of work (``prepared.SessionLink``): its session, opened
    the first time it is needed, and the driver's connection its prepared statements
    run on (issue 13: a registration on SQLite never needs the session)."""

    def __init__(self, uow: prepared.SessionLink) -> None:
        self._link = uow

    @property
    def session(self) -> Session:
        return self._link.session


class StoreRepository(_OnUnitOfWork):
    def add(self, store: Store) -> None:
        self.session.add(store)
        self.session.flush()

    def get(self, store_id: int) -> Store | None:
        return self.session.get(Store, store_id)

    def get_by_code(self, code: str) -> Store | None:
        return self.session.scalars(select(Store).where(tables.stores.c.code == code)).first()

    def brief(self, store_id: int) -> Store | None:
        """The store as a plain copy of its row (one prepared query, no ORM load; not
        attached to the session, not to be changed): what a registration numbers and
        names the sheet by. The row is read on every call, so a change is seen at once."""
        row = _STORE_ROW.first(self._link, {"store_id": store_id})
        return None if row is None else _store_copy(row)

    def list(self) -> list[Store]:
        return list(self.session.scalars(select(Store).order_by(tables.stores.c.id)))

    def policies(self) -> dict[int, tuple[str, str]]:
        # Prepared (issue 13): every page of the complaint list reads them.
        self._link.flush()
        return {row[0]: (row[1], row[2] or "") for row in _STORE_POLICIES.rows(self._link)}


_STORE_POLICIES = prepared.Prepared(select(tables.stores.c.id, tables.stores.c.preset,
                                           tables.stores.c.policy_json))
_STORE_ROW = prepared.Prepared(
    select(*tables.stores.c).where(tables.stores.c.id == bindparam("store_id")))
_STORE_COLUMNS = tuple(column.key for column in tables.stores.c)


@functools.lru_cache(maxsize=16)
def _store_copy(values: tuple[Any, ...]) -> Store:
    """The store of one exact row, made once (as ``_acting_user``)."""
    return Store(**dict(zip(_STORE_COLUMNS, values, strict=True)))


_ACTING_USER = prepared.Prepared(
    lambda: select(*tables.users.c).where(tables.users.c.id == bindparam("user_id")))
_ACTING_COLUMNS = tuple(column.key for column in tables.users.c)
# Built once (issue 13): every save and every page runs some of these.
_USER_NAMES = select(tables.users.c.id, tables.users.c.display_name).where(
    tables.users.c.id.in_(bindparam("ids", expanding=True)))
_SETTING = select(tables.settings.c.value).where(tables.settings.c.key == bindparam("key"))
_SETTING_RUN = prepared.Prepared(_SETTING)
_CHAIN_HEAD = select(tables.audit_log.c.chain).order_by(tables.audit_log.c.id.desc()).limit(1)


@functools.lru_cache(maxsize=64)
def _acting_user(values: tuple[Any, ...],
                 convert: Callable[[tuple[Any, ...]], tuple[Any, ...]]) -> User:
    """The user of one exact row as the driver returned it (``convert`` makes its
    values Python's), made once (issue 13: making a mapped object costs more than
    reading its row). The row is still read on every call, so a changed user — a
    deactivation, other roles — is a different key and a new object at once."""
    return User(**dict(zip(_ACTING_COLUMNS, convert(values), strict=True)))


def _at_desk() -> Any:
    u, st, s = tables.users, tables.stores, tables.settings
    store_id = func.coalesce(bindparam("store_id", type_=u.c.store_id.type), u.c.store_id)
    return (select(*u.c, *st.c, select(s.c.value).where(s.c.key == bindparam("setting"))
                   .scalar_subquery())
            .select_from(u.outerjoin(st, st.c.id == store_id))
            .where(u.c.id == bindparam("user_id")))


_AT_DESK = prepared.Prepared(_at_desk)


@functools.lru_cache(maxsize=64)
def _desk_copies(values: tuple[Any, ...], convert: Callable[[tuple[Any, ...]], tuple[Any, ...]],
                 ) -> tuple[User, Store | None]:
    """The user and the store of one exact joined row (the setting's value excluded),
    made once, as ``_acting_user``: a changed row is a new key."""
    converted = convert((*values, None))
    middle = len(_ACTING_COLUMNS)
    user = User(**dict(zip(_ACTING_COLUMNS, converted[:middle], strict=True)))
    store_values = converted[middle:middle + len(_STORE_COLUMNS)]
    store = None if store_values[0] is None else \
        Store(**dict(zip(_STORE_COLUMNS, store_values, strict=True)))
    return user, store


class UserRepository(_OnUnitOfWork):
    def add(self, user: User) -> None:
        self.session.add(user)
        self.session.flush()

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def acting(self, user_id: int) -> User | None:
        """The user as a plain copy of their row (one prepared query, no ORM load; not
        attached to the session) — for the permission check of read-only use cases."""
        # On the driver (issue 13): a search's permission check costs its indexed read.
        convert, rows = _ACTING_USER.unconverted(self._link, {"user_id": user_id})
        return _acting_user(tuple(rows[0]), convert) if rows else None

    def at_desk(self, user_id: int, store_id: int | None, setting: str,
                ) -> tuple[User | None, Store | None, Any]:
        """What a registration reads before it writes, in one prepared statement (issue
        13: three before): the acting user as :meth:`acting` gives them, the store
        ``store_id`` (None: the user's own) as ``StoreRepository.brief`` gives it (None
        when there is no such store), and the JSON value of ``setting`` (None when not
        set). All three are read on every call, so another desk's change is seen at
        once."""
        convert, rows = _AT_DESK.unconverted(
            self._link, {"user_id": user_id, "store_id": store_id, "setting": setting})
        if not rows:
            return None, None, None
        user, store = _desk_copies(tuple(rows[0][:-1]), convert)
        raw = rows[0][-1]
        return user, store, None if raw is None else json.loads(raw)

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
        rows = self.session.execute(_USER_NAMES, {"ids": sorted(ids)})
        return {row.id: row.display_name for row in rows}

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(tables.users)) or 0)

    def claim_login_attempt(self, user: User, at: datetime) -> bool:
        """One conditional UPDATE (compare and set): of N desks or processes guessing at
        once, each claim moves the count by one and only while the account is open, so
        at most ``MAX_FAILED_LOGINS`` passwords are ever checked before the lock. The
        caller refreshes ``user`` and tries again when it returns False."""
        u = tables.users
        failed, locked_until = user.after_failed_login(at)
        done = cast(CursorResult[Any], self.session.execute(
            update(u)
            .where(u.c.id == user.id, u.c.failed_logins == user.failed_logins,
                   or_(u.c.locked_until.is_(None), u.c.locked_until <= at))
            .values(failed_logins=failed, locked_until=locked_until)
            .execution_options(synchronize_session=False)))
        self.session.expire(user)  # reload what the database now holds
        return done.rowcount == 1


# A customer's lists and their tables, parents of later ones first (an order may name
# a vehicle).
_CUSTOMER_CHILDREN = (("phones", tables.customer_phones), ("contacts", tables.contacts),
                      ("vehicles", tables.vehicles), ("orders", tables.orders))


class CustomerRepository(_OnUnitOfWork):
    def add(self, customer: Customer) -> None:
        self.session.add(customer)
        self.save(customer)

    def save(self, customer: Customer) -> None:
        """Flush and refresh the customer's search keys (after any change to name,
        phones, vehicles, orders or contacts)."""
        self.session.flush()
        search.reindex(self.session, customer)

    def add_many(self, customers: Sequence[Customer]) -> None:
        """Insert new customers with their phones, contacts, vehicles and orders (an
        import of thousands) as plain rows, set-based, in the open transaction, and
        write their search keys in one statement. Each customer and child gets its id;
        the customers stay out of the session (the import's record of what it wrote)."""
        _insert_new(self.session.connection(), customers, tables.customers,
                    _CUSTOMER_CHILDREN, "customer_id")
        search.index_new(self.session, customers)

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

    def get_brief(self, customer_id: int) -> CustomerBrief | None:
        """The customer's name, first phone and merge, as a plain value: one prepared
        statement, no record made (saving a sheet must not load a fleet's order history,
        nor pay for a mapped object with four lists: issue 13)."""
        self._link.flush()  # a customer made in this transaction is read as made
        row = _CUSTOMER_BRIEF.first(self._link,
                                    {"customer_id": customer_id})
        return None if row is None else CustomerBrief(row[0], row[1], row[2] or "", row[3])

    def get_many(self, customer_ids: Sequence[int], *,
                 with_orders: bool = False) -> dict[int, Customer]:
        """Customers by id with their phones and vehicles (and orders), in three (four)
        queries however many (a search result of 50 must not cost 250 round trips)."""
        if not customer_ids:
            return {}
        stmt = (
            select(Customer)
            .where(tables.customers.c.id.in_(list(customer_ids)))
            # Instrumented attributes (see get): typed as the domain's lists.
            .options(selectinload(Customer.phones),  # type: ignore[arg-type]
                     selectinload(Customer.vehicles))  # type: ignore[arg-type]
        )
        if with_orders:
            stmt = stmt.options(selectinload(Customer.orders))  # type: ignore[arg-type]
        return {c.id: c for c in self.session.scalars(stmt) if c.id is not None}

    def get_vehicle(self, vehicle_id: int) -> Vehicle | None:
        return self.session.get(Vehicle, vehicle_id)

    def get_order(self, order_id: int) -> Order | None:
        return self.session.get(Order, order_id)

    def vehicle_by_vin(self, vin: str) -> Vehicle | None:
        """The vehicle with this whole VIN (partial VINs are not unique: None)."""
        return self.session.scalars(select(Vehicle).where(
            tables.vehicles.c.vin == vin, tables.WHOLE_VIN)).first()

    def vehicle_by_plate(self, plate: str) -> Vehicle | None:
        return self.session.scalars(
            select(Vehicle).where(tables.vehicles.c.plate == plate)
        ).first()

    # issue 11: the first return visit after a delivery
    def add_order_visit(self, **values: Any) -> int:
        return int(self.session.execute(insert(tables.order_visits).values(**values)
                                        .returning(tables.order_visits.c.id)).scalar_one())

    def order_visited(self, order_id: int) -> bool:
        return self.session.scalar(select(tables.order_visits.c.id).where(
            tables.order_visits.c.order_id == order_id)) is not None

    def order_by_number(self, number: str) -> Order | None:
        return self.session.scalars(select(Order).where(tables.orders.c.number == number)).first()

    def owners_of_phones(self, numbers: Sequence[str]) -> dict[str, int]:
        """The (first, unmerged) customer of each of these numbers that has one."""
        p, c = tables.customer_phones, tables.customers
        found: dict[str, int] = {}
        unique = sorted(set(numbers))
        for start in range(0, len(unique), 500):
            stmt = (select(p.c.number, p.c.customer_id)
                    .join(c, c.c.id == p.c.customer_id)
                    .where(p.c.number.in_(unique[start:start + 500]),
                           c.c.merged_into_id.is_(None))
                    .order_by(p.c.customer_id))
            for number, customer_id in self.session.execute(stmt):
                found.setdefault(number, customer_id)
        return found

    def ids_by_phone(self, number: str) -> list[int]:
        p, c = tables.customer_phones, tables.customers
        stmt = (
            select(p.c.customer_id)
            .join(c, c.c.id == p.c.customer_id)
            .where(p.c.number == number, c.c.merged_into_id.is_(None))
            .distinct()
        )
        return list(self.session.scalars(stmt))

    def lock(self, customer_ids: Sequence[int], *, share: bool = False) -> None:
        """Hold these customers' rows until the transaction ends (PostgreSQL; SQLite's
        write transaction holds the whole file already): a merge takes them FOR UPDATE,
        a registration FOR SHARE, so a sheet never lands on a merged-away customer."""
        if self._link.dialect != "postgresql" or not customer_ids:
            return
        c = tables.customers
        self.session.flush()
        stmt = select(c.c.id).where(c.c.id.in_(sorted(customer_ids))).order_by(c.c.id)
        self.session.execute(stmt.with_for_update(read=share))
        for customer_id in customer_ids:  # what we hold now is what counts: read it again
            held = self.session.identity_map.get(identity_key(Customer, customer_id))
            if held is not None:
                self.session.expire(held)

    def lock_phones(self, numbers: Sequence[str]) -> None:
        """Serialise the desks adding these phone numbers (PostgreSQL advisory locks,
        released at commit), so "is this phone on file?" and the insert are one step."""
        if self._link.dialect != "postgresql":
            return
        for number in sorted(set(numbers)):
            self.session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"),
                                 {"k": f"helpdesk.phone:{number}"})

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


@functools.cache
def _next_sequence(dialect: str) -> prepared.Prepared:
    """The counter's atomic upsert, built once per dialect (every registration runs it)."""
    counters = tables.sheet_counters
    builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    return prepared.Prepared(
        builder(counters)
        .values(store_id=bindparam("store_id"), year=bindparam("year"), last_value=1)
        .on_conflict_do_update(
            index_elements=[counters.c.store_id, counters.c.year],
            set_={"last_value": counters.c.last_value + 1},
        )
        .returning(counters.c.last_value)
    )


# A new sheet's row, every column but the id (which it answers with).
_INSERT_SHEET = prepared.Prepared(
    insert(tables.sheets)
    .values({column.key: bindparam(column.key) for column in tables.sheets.c
             if column.key != "id"})
    .returning(tables.sheets.c.id))


# The first phone in the phones' order (the mapping's relationship: Customer.primary_phone).
_FIRST_PHONE = (select(tables.customer_phones.c.number)
                .where(tables.customer_phones.c.customer_id == tables.customers.c.id)
                .order_by(tables.customer_phones.c.id).limit(1).scalar_subquery())
_CUSTOMER_BRIEF = prepared.Prepared(
    select(tables.customers.c.id, tables.customers.c.name, _FIRST_PHONE,
           tables.customers.c.merged_into_id)
    .where(tables.customers.c.id == bindparam("customer_id")))

# A sheet's lists and their tables (what a new sheet may already hold).
_SHEET_CHILDREN = (("progress", tables.sheet_progress), ("visits", tables.sheet_visits),
                   ("actions", tables.sheet_actions), ("transitions", tables.sheet_transitions),
                   ("pauses", tables.sheet_pauses))


def _insert_new(connection: Connection, objects: Sequence[Any], table: Table,
                children: Sequence[tuple[str, Table]], parent_key: str) -> list[int]:
    """Insert new mapped objects and the objects of their lists as plain rows (parents
    first, then each list in the order given, so foreign keys hold), giving every
    object its id and the version counter its start (1, as the ORM's). Returns the ids."""
    ids = bulk.take_ids(connection, table, len(objects))
    versioned = "version" in table.c
    rows = []
    for obj, obj_id in zip(objects, ids, strict=True):
        obj.id = obj_id
        if versioned:
            obj.version = 1
        rows.append(bulk.row_of(obj, table))
    bulk.insert_rows(connection, table, rows)
    for attribute, child_table in children:
        owned = [(obj.id, child) for obj in objects for child in getattr(obj, attribute)]
        child_rows = []
        for (owner, child), child_id in zip(
                owned, bulk.take_ids(connection, child_table, len(owned)), strict=True):
            child.id = child_id
            child_rows.append(bulk.row_of(child, child_table, **{parent_key: owner}))
        bulk.insert_rows(connection, child_table, child_rows)
    return ids


class SheetRepository(_OnUnitOfWork):
    def new(self, **values: Any) -> Sheet:
        """A sheet to register (then given to ``add``), made without the mapping's
        attribute events (``orm.unattached``)."""
        return orm.unattached(Sheet, **values)

    def add(self, sheet: Sheet) -> None:
        """Insert a new sheet and its full-text row. A sheet with nothing in its lists
        (a registration) is written as one prepared row — no unit-of-work flush — and
        stays out of the session: it is the caller's record of what was written, with
        its id and version, and a change made to it afterwards is not saved. One that
        holds progress, visits… goes through the ORM."""
        if any(getattr(sheet, attribute) for attribute, _table in _SHEET_CHILDREN):
            self.session.add(sheet)
            self.session.flush()
            return
        self._link.flush()  # what is pending goes first (a customer made with it)
        sheet.version = 1  # the ORM's first version
        sheet.id = int(_INSERT_SHEET.scalar(
            self._link, bulk.row_of(sheet, tables.sheets, omit=("id",))))
        fulltext.refresh_one(self._link, sheet.id)

    def get(self, sheet_id: int) -> Sheet | None:
        return self.session.get(Sheet, sheet_id, options=_sheet_children())

    def get_by_number(self, number: str) -> Sheet | None:
        return self.session.scalars(
            select(Sheet).where(tables.sheets.c.number == number.strip().upper())
            .options(*_sheet_children())
        ).first()

    def add_many(self, sheets: Sequence[Sheet]) -> None:
        """Insert new sheets with their children (an import of thousands) as plain rows,
        set-based, in the open transaction; each sheet gets its id, and its full-text row
        is written as a flush would (``fulltext.refresh``). The sheets stay out of the
        session: they are the import's record of what it wrote, not objects to change."""
        ids = _insert_new(self.session.connection(), sheets, tables.sheets, _SHEET_CHILDREN,
                          "sheet_id")
        fulltext.refresh(self.session, ids)

    def next_sequences(self, store_id: int, year: int, count: int) -> int:
        """Take ``count`` consecutive sequence numbers at once; returns the first."""
        counters = tables.sheet_counters
        dialect = self._link.dialect
        builder: Any = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = (
            builder(counters)
            .values(store_id=store_id, year=year, last_value=count)
            .on_conflict_do_update(
                index_elements=[counters.c.store_id, counters.c.year],
                set_={"last_value": counters.c.last_value + count},
            )
            .returning(counters.c.last_value)
        )
        return int(self.session.execute(stmt).scalar_one()) - count + 1

    def next_sequence(self, store_id: int, year: int) -> int:
        """The next sheet sequence number of a store and year.

        One atomic upsert on the counter row: the row lock serialises two desks that
        register at the same moment, so a number is never given out twice."""
        return int(_next_sequence(self._link.dialect).scalar(
            self._link, {"store_id": store_id, "year": year}))

    def reserve_sequence(self, store_id: int, year: int, at_least: int) -> None:
        """Move the counter to at least ``at_least`` (imported sheet numbers), so the next
        ``next_sequence`` never hands out a number that was imported."""
        counters = tables.sheet_counters
        dialect = self._link.dialect
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
                   limit: int | None = None, offset: int = 0, *,
                   from_end: bool = False) -> list[int]:
        return sheet_queries.search_ids(self.session, sheet_filter, now, limit, offset,
                                        from_end=from_end)

    def count_matching(self, sheet_filter: SheetFilter, now: datetime) -> int:
        return sheet_queries.count(self.session, sheet_filter, now)

    def rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        self._link.flush()  # prepared: what the session holds goes first
        return sheet_queries.rows(self._link, ids)

    # issue 11: number tails and full-text matches
    def numbers_ending(self, query: str) -> list[tuple[int, str]]:
        candidates = sheet_queries.number_tail_candidates(self.session, query)
        if not candidates:
            return []
        s = tables.sheets
        return [(int(i), str(n)) for i, n in self.session.execute(
            select(s.c.id, s.c.number).where(s.c.number.in_(candidates)).order_by(s.c.number))]

    def text_snippets(self, ids: Sequence[int], query: str) -> dict[int, tuple[str, str, str]]:
        return fulltext.snippets(self.session, ids, query)

    # issue 11: attachments belong to the sheet
    def add_attachment(self, **values: Any) -> int:
        return attachments.add(self.session, **values)

    def attachments(self, sheet_id: int) -> list[dict[str, Any]]:
        return attachments.of_sheet(self.session, sheet_id)

    def attachment(self, attachment_id: int) -> dict[str, Any] | None:
        return attachments.one(self.session, attachment_id)

    def attachment_data(self, attachment_id: int) -> bytes | None:
        return attachments.data(self.session, attachment_id)

    def attachments_size(self, sheet_id: int) -> int:
        return attachments.sheet_total(self.session, sheet_id)

    def remove_attachment(self, attachment_id: int) -> None:
        attachments.remove(self.session, attachment_id)


AUDIT_KEY_SETTING = "audit_chain_key"
AUDIT_CHAIN_LOCK = 0x4864_6175  # any constant; names the audit trail's advisory lock
AUDIT_GUARDS = ("audit_log_no_update", "audit_log_no_delete")


def _setting_value(key: str) -> Any:
    s = tables.settings
    return select(s.c.value).where(s.c.key == key).scalar_subquery()


# An append reads the trail's head, the audit key and the anchor together: one
# statement, not three (issue 13). On PostgreSQL the trail's lock is taken before it,
# by a statement of its own: a statement reads as of its start, so a head read in the
# statement that waits for the lock would be the one the desk ahead of us replaced.
_HEAD_KEY_AND_ANCHOR = prepared.Prepared(
    select(_CHAIN_HEAD.scalar_subquery(), _setting_value(AUDIT_KEY_SETTING),
           _setting_value(ANCHOR_SETTING)))
# An append of a few entries (a use case's) writes them one prepared row each; an
# import's thousands go set-based (bulk.insert_rows).
_INSERT_ENTRY = prepared.Prepared(
    insert(tables.audit_log)
    .values({column.key: bindparam(column.key) for column in tables.audit_log.c
             if column.key != "id"}))
_FEW_ENTRIES = 16
_MOVE_ANCHOR = prepared.Prepared(
    update(tables.settings).where(tables.settings.c.key == ANCHOR_SETTING)
    .values(value=bindparam("anchor")))


class AuditRepository(_OnUnitOfWork):
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

    def chain_key(self) -> bytes:
        """The store's audit key (made by the migration; a database without one gets
        one now, in the open transaction)."""
        raw = self.session.scalar(_SETTING, {"key": AUDIT_KEY_SETTING})
        if raw is None:
            key = secrets.token_hex(32)
            self.session.execute(insert(tables.settings).values(
                key=AUDIT_KEY_SETTING, value=json.dumps(key)))
            return key.encode("ascii")
        return str(json.loads(raw)).encode("ascii")

    def _lock_trail(self) -> None:
        """Hold the trail for this transaction: on PostgreSQL an advisory lock (two
        desks must not both extend the same entry); on SQLite the write transaction
        holds the file's write lock already."""
        if self._link.dialect == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": AUDIT_CHAIN_LOCK})

    def add_chained(self, entries: Sequence[AuditEntry]) -> None:
        """Append entries, each chained to the one before (``domain.audit.link``)."""
        if not entries:
            return
        # What the use case changed is written first, as the ORM's autoflush did before
        # the trail was read through the driver.
        self._link.flush()
        self._lock_trail()  # first: it also orders who makes a missing key
        found = _HEAD_KEY_AND_ANCHOR.first(self._link)
        head, stored_key, anchor = found if found is not None else (None, None, None)
        key = self.chain_key() if stored_key is None \
            else str(json.loads(stored_key)).encode("ascii")
        last = link(key, head or CHAIN_START, entries)
        # Plain rows, set-based (an import appends tens of thousands at once); the
        # database numbers them in this order, which is the chain's.
        a = tables.audit_log
        rows = [bulk.row_of(entry, a, omit=("id",)) for entry in entries]
        if len(rows) <= _FEW_ENTRIES:
            for row in rows:
                _INSERT_ENTRY.rows(self._link, row)
        else:
            bulk.insert_rows(self.session.connection(), a, rows)
        self._move_anchor(key, len(entries), last,
                          None if anchor is None else json.loads(anchor))

    def snapshot(self) -> None:
        """Read the trail and its anchor as of one moment (first call of a read
        transaction): on PostgreSQL a desk appending meanwhile must not look like a
        trail longer, or shorter, than its anchor. SQLite's read transaction is one."""
        if self._link.dialect == "postgresql":
            self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})

    def _stored_anchor(self) -> Any:
        raw = self.session.scalar(_SETTING, {"key": ANCHOR_SETTING})
        return None if raw is None else json.loads(raw)

    def anchor(self) -> tuple[int, str, bool] | None:
        """The anchor the last append left: (entries, last chain, signed by this
        store's key); None when there is none."""
        value = self._stored_anchor()
        if value is None:
            return None
        holds = anchor_holds(self.chain_key(), value)
        try:
            return int(value["count"]), str(value["head"]), holds
        except (KeyError, TypeError, ValueError):
            return 0, "", False

    def trail_id(self) -> str:
        """Names this store's trail since its last restore (a digest of its key and of
        the restore's entry), e.g. for a copy of the anchor kept outside the database:
        a restore sets the trail back on purpose, and starts a new one."""
        a = tables.audit_log
        restored = self.session.scalar(
            select(a.c.chain).where(a.c.action == "data.restore", a.c.note == "restored")
            .order_by(a.c.id.desc()).limit(1)) or ""
        return hashlib.sha256(b"trail\n" + self.chain_key() + b"\n" +
                              restored.encode("ascii")).hexdigest()[:16]

    def chain_at(self, position: int) -> str | None:
        """The chain of the ``position``-th entry (from 1, in id order); None: no such."""
        if position < 1:
            return CHAIN_START
        a = tables.audit_log
        return self.session.scalar(select(a.c.chain).order_by(a.c.id)
                                   .offset(position - 1).limit(1))

    def last_chain(self) -> str:
        return self.session.scalar(_CHAIN_HEAD) or CHAIN_START

    def _move_anchor(self, key: bytes, added: int, last: str, current: Any) -> None:
        """The anchor now counts the ``added`` entries. One that does not hold (changed
        outside the program) is left as it is: the check goes on reporting it. A
        trail without one (only before the first append of this version: the
        migration writes it) is counted once."""
        s = tables.settings
        if current is None:
            self.session.flush()  # the new entries are counted too
            count = int(self.session.scalar(select(func.count()).select_from(
                tables.audit_log)) or 0)
            value = json.dumps(anchor_value(key, count, last))
            self.session.execute(insert(s).values(key=ANCHOR_SETTING, value=value))
            return
        if not anchor_holds(key, current):
            return
        value = json.dumps(anchor_value(key, int(current["count"]) + added, last))
        _MOVE_ANCHOR.rows(self._link, {"anchor": value})

    def first_broken(self) -> tuple[AuditEntry | None, int]:
        """The first entry whose chain does not hold (None: all hold) and how many
        entries were checked, read in id order a thousand at a time."""
        a = tables.audit_log
        key = self.chain_key()
        checked = 0

        def rows() -> Iterator[AuditEntry]:
            nonlocal checked
            result = self.session.execute(
                select(a).order_by(a.c.id).execution_options(yield_per=1000))
            for row in result:
                checked += 1
                yield AuditEntry(at=row.at, user_id=row.user_id, username=row.username,
                                 action=row.action, entity=row.entity,
                                 entity_id=row.entity_id, changes=row.changes,
                                 note=row.note, id=row.id, chain=row.chain)

        return first_broken(key, rows()), checked

    def missing_guards(self) -> list[str]:
        """The append-only triggers that are gone or switched off."""
        if self._link.dialect == "postgresql":
            present = set(self.session.scalars(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                "AND tgenabled IN ('O', 'A')")))
            wanted: tuple[str, ...] = (*AUDIT_GUARDS, "audit_log_no_truncate")
        else:
            present = set(self.session.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_log'")))
            wanted = AUDIT_GUARDS
        return [name for name in wanted if name not in present]

    def recent(self, limit: int = 200, action_prefix: str = "") -> list[AuditEntry]:
        a = tables.audit_log
        stmt = select(AuditEntry).order_by(a.c.id.desc()).limit(limit)
        if action_prefix:
            stmt = stmt.where(a.c.action.startswith(action_prefix))
        return list(self.session.scalars(stmt))

    # issue 15: the audit-trail viewer
    def search_ids(self, query: AuditQuery) -> list[int]:
        """Ids of the entries matching ``query``, newest first — one SQL statement."""
        a = tables.audit_log
        stmt = select(a.c.id)
        if query.user_id is not None:
            stmt = stmt.where(a.c.user_id == query.user_id)
        if query.actions:
            stmt = stmt.where(a.c.action.in_(sorted(query.actions)))
        if query.entity:
            stmt = stmt.where(a.c.entity == query.entity)
        if query.entity_id is not None:
            stmt = stmt.where(a.c.entity_id == query.entity_id)
        if query.since is not None:
            stmt = stmt.where(a.c.at >= query.since)
        if query.until is not None:
            stmt = stmt.where(a.c.at < query.until)
        return list(self.session.scalars(stmt.order_by(a.c.id.desc())))

    def by_ids(self, ids: Sequence[int]) -> list[AuditEntry]:
        """The entries with these ids (any order)."""
        if not ids:
            return []
        a = tables.audit_log
        return list(self.session.scalars(select(AuditEntry).where(a.c.id.in_(list(ids)))))

    def actions(self) -> list[str]:
        """Every kind of action in the trail (for the viewer's filter)."""
        a = tables.audit_log
        return list(self.session.scalars(select(a.c.action).distinct().order_by(a.c.action)))


class SettingsRepository(_OnUnitOfWork):
    """Small JSON values by key: banned phrases, categories, language..."""

    def get(self, key: str, default: Any = None) -> Any:
        raw = _SETTING_RUN.scalar(self._link, {"key": key})
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
