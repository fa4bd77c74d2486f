"""Test doubles: an in-memory unit of work for the service tests, and a quick way to
staff a store on any unit of work (fake or real) without hashing a password per user.

``FakeUnitOfWork`` behaves like the SQLAlchemy one where the services can tell the
difference (STYLE.md "Fakes, not mocks"): ``with uow:`` opens a transaction that is
rolled back unless ``commit()`` is called, ``reading()`` discards whatever it changed,
ids are given out when an object is added (a flush), ``version`` goes up by one on every
commit that changed a sheet or a customer, and the sheet counter rolls back with the
transaction. ``commits`` counts commits, ``commit_log`` holds the audit entries each
commit wrote, so a test can say "the change and its audit entry were one commit".

Customer search, the sheet list, the customer analytics and the report queries run SQL
(``storage.search``/``sheet_queries``/``analytics_queries``/``report_queries``);
services tests of those go to ``tests/integration`` or ``tests/reports``, and the fake
says so if called. ``services.ports.UnitOfWork`` is what both units of work satisfy
(``tests/typecheck/ports_fit.py``, checked by ``mypy``).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher

from helpdesk.domain import audit as audit_mod
from helpdesk.domain import events
from helpdesk.domain.audit import AuditEntry
from helpdesk.domain.complaints import Sheet
from helpdesk.domain.customers import Customer, CustomerBrief, Order, Store, Vehicle
from helpdesk.domain.users import Role, User
from helpdesk.services import setup
from helpdesk.storage.analytics_queries import AnalyticsQueries
from helpdesk.storage.report_queries import ReportQueries

PASSWORD = "secret123"


@functools.cache
def password_hash() -> str:
    """An argon2 hash of ``PASSWORD`` made with the cheapest parameters.

    Production hashing is slow on purpose (~0.1 s); verifying reads the parameters from
    the hash itself, so test users log in fast, and the first successful login
    re-hashes with the production parameters (``check_needs_rehash``), as it would for
    an account created by an older version."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)


@dataclass
class _State:
    """Everything the fake database holds; deep-copied to snapshot a transaction."""

    stores: dict[int, Store] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)
    customers: dict[int, Customer] = field(default_factory=dict)
    sheets: dict[int, Sheet] = field(default_factory=dict)
    order_visits: list[dict[str, Any]] = field(default_factory=list)  # issue 11
    audit: list[AuditEntry] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    counters: dict[tuple[int, int], int] = field(default_factory=dict)
    last_id: dict[str, int] = field(default_factory=dict)

    def new_id(self, kind: str) -> int:
        self.last_id[kind] = self.last_id.get(kind, 0) + 1
        return self.last_id[kind]


class _Repo:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    @property
    def _s(self) -> _State:
        return self._uow.state


class FakeStoreRepository(_Repo):
    def add(self, store: Store) -> None:
        store.id = self._s.new_id("store")
        self._s.stores[store.id] = store

    def get(self, store_id: int) -> Store | None:
        return self._s.stores.get(store_id)

    def brief(self, store_id: int) -> Store | None:
        store = self._s.stores.get(store_id)
        return None if store is None else dataclasses.replace(store)

    def get_by_code(self, code: str) -> Store | None:
        return next((s for s in self._s.stores.values() if s.code == code), None)

    def list(self) -> list[Store]:
        return sorted(self._s.stores.values(), key=lambda s: s.id or 0)

    def policies(self) -> dict[int, tuple[str, str]]:
        return {s.id: (s.preset, s.policy_json or "") for s in self.list() if s.id is not None}


class FakeUserRepository(_Repo):
    def add(self, user: User) -> None:
        user.id = self._s.new_id("user")
        self._s.users[user.id] = user

    def get(self, user_id: int) -> User | None:
        return self._s.users.get(user_id)

    def acting(self, user_id: int) -> User | None:
        user = self._s.users.get(user_id)
        return None if user is None else dataclasses.replace(user)

    def at_desk(self, user_id: int, store_id: int | None, setting: str,
                ) -> tuple[User | None, Store | None, Any]:
        user = self.acting(user_id)
        if user is None:
            return None, None, None
        wanted = store_id if store_id is not None else user.store_id
        store = self._uow.stores.brief(wanted) if wanted is not None else None
        return user, store, self._uow.settings.get(setting)

    def get_by_username(self, username: str) -> User | None:
        wanted = username.strip().lower()
        return next((u for u in self._s.users.values() if u.username.lower() == wanted), None)

    def list(self, *, include_inactive: bool = True) -> list[User]:
        found = [u for u in self._s.users.values() if include_inactive or u.active]
        return sorted(found, key=lambda u: u.display_name)

    def names(self, ids: set[int]) -> dict[int, str]:
        return {i: self._s.users[i].display_name for i in ids if i in self._s.users}

    def count(self) -> int:
        return len(self._s.users)

    def claim_login_attempt(self, user: User, at: datetime) -> bool:
        if user.is_locked(at):
            return False
        user.record_failed_login(at)
        return True


class FakeCustomerRepository(_Repo):
    def lock(self, customer_ids: Sequence[int], *, share: bool = False) -> None:
        """One fake database, one writer: nothing to wait for."""

    def lock_phones(self, numbers: Sequence[str]) -> None:
        """One fake database, one writer: nothing to wait for."""

    def add(self, customer: Customer) -> None:
        customer.id = self._s.new_id("customer")
        self._s.customers[customer.id] = customer
        self.save(customer)

    def save(self, customer: Customer) -> None:
        """What a flush does: children get ids and point at their customer."""
        for kind, children in (("phone", customer.phones), ("contact", customer.contacts),
                               ("vehicle", customer.vehicles), ("order", customer.orders)):
            for child in children:
                if child.id is None:
                    child.id = self._s.new_id(kind)
                child.customer_id = customer.id

    def get(self, customer_id: int) -> Customer | None:
        return self._s.customers.get(customer_id)

    def get_brief(self, customer_id: int) -> CustomerBrief | None:
        found = self._s.customers.get(customer_id)
        if found is None or found.id is None:
            return None
        return CustomerBrief(found.id, found.name, found.primary_phone, found.merged_into_id)

    def get_many(self, customer_ids: Sequence[int], *,
                 with_orders: bool = False) -> dict[int, Customer]:
        return {i: self._s.customers[i] for i in customer_ids if i in self._s.customers}

    def add_many(self, customers: Sequence[Customer]) -> None:
        for customer in customers:
            self.add(customer)

    def owners_of_phones(self, numbers: Sequence[str]) -> dict[str, int]:
        return {n: ids[0] for n in numbers if (ids := self.ids_by_phone(n))}

    def _vehicles(self) -> Iterator[Vehicle]:
        for c in self._s.customers.values():
            yield from c.vehicles

    def _orders(self) -> Iterator[Order]:
        for c in self._s.customers.values():
            yield from c.orders

    def get_vehicle(self, vehicle_id: int) -> Vehicle | None:
        return next((v for v in self._vehicles() if v.id == vehicle_id), None)

    def get_order(self, order_id: int) -> Order | None:
        return next((o for o in self._orders() if o.id == order_id), None)

    def add_order_visit(self, **values: Any) -> int:
        self._s.order_visits.append(dict(values))
        return len(self._s.order_visits)

    def order_visited(self, order_id: int) -> bool:
        return any(v["order_id"] == order_id for v in self._s.order_visits)

    def vehicle_by_vin(self, vin: str) -> Vehicle | None:
        return next((v for v in self._vehicles() if v.vin == vin), None)

    def vehicle_by_plate(self, plate: str) -> Vehicle | None:
        return next((v for v in self._vehicles() if v.plate == plate), None)

    def order_by_number(self, number: str) -> Order | None:
        return next((o for o in self._orders() if o.number == number), None)

    def ids_by_phone(self, number: str) -> list[int]:
        return sorted(c.id for c in self._s.customers.values()
                      if c.id is not None and c.merged_into_id is None
                      and number in c.phone_numbers())

    def relink_sheets(self, from_id: int, to_id: int) -> list[int]:
        moved = [s for s in self._s.sheets.values() if s.customer_id == from_id]
        for sheet in moved:
            sheet.customer_id = to_id
        return sorted(s.id for s in moved if s.id is not None)

    def search(self, query: str, limit: int = 200) -> list[Any]:
        raise NotImplementedError("customer search runs SQL: test it in tests/integration")

    def count(self) -> int:
        return len(self._s.customers)


class FakeSheetRepository(_Repo):
    def new(self, **values: Any) -> Sheet:
        return Sheet(**values)

    def add(self, sheet: Sheet) -> None:
        sheet.id = self._s.new_id("sheet")
        self._s.sheets[sheet.id] = sheet

    def get(self, sheet_id: int) -> Sheet | None:
        return self._s.sheets.get(sheet_id)

    def get_by_number(self, number: str) -> Sheet | None:
        wanted = number.strip().upper()
        return next((s for s in self._s.sheets.values() if s.number == wanted), None)

    def next_sequence(self, store_id: int, year: int) -> int:
        key = (store_id, year)
        self._s.counters[key] = self._s.counters.get(key, 0) + 1
        return self._s.counters[key]

    def reserve_sequence(self, store_id: int, year: int, at_least: int) -> None:
        key = (store_id, year)
        self._s.counters[key] = max(self._s.counters.get(key, 0), at_least)

    def add_many(self, sheets: Sequence[Sheet]) -> None:
        for sheet in sheets:
            self.add(sheet)

    def next_sequences(self, store_id: int, year: int, count: int) -> int:
        key = (store_id, year)
        first = self._s.counters.get(key, 0) + 1
        self._s.counters[key] = first + count - 1
        return first

    def count(self) -> int:
        return len(self._s.sheets)

    def search_ids(self, *args: Any, **kwargs: Any) -> list[int]:
        raise NotImplementedError("the sheet list runs SQL: test it in tests/integration")

    def count_matching(self, *args: Any, **kwargs: Any) -> int:
        raise NotImplementedError("the sheet list runs SQL: test it in tests/integration")

    def rows(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        raise NotImplementedError("the sheet list runs SQL: test it in tests/integration")

    def numbers_ending(self, query: str) -> list[tuple[int, str]]:
        from helpdesk.domain.complaints import parse_number_tail

        tail = parse_number_tail(query)
        if tail is None:
            return []
        found = []
        for sheet in self._s.sheets.values():
            code, year, seq = sheet.number.rsplit("-", 2)
            if tail.candidates([(code, int(year))]) == [sheet.number]:
                assert sheet.id is not None
                found.append((sheet.id, sheet.number))
        return sorted(found, key=lambda pair: pair[1])

    def text_snippets(self, *args: Any, **kwargs: Any) -> dict[int, tuple[str, str, str]]:
        raise NotImplementedError("full-text search runs SQL: test it in tests/integration")

    def _sql_only(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("attachments are stored by SQL: test them in integration")

    def add_attachment(self, **values: Any) -> int:
        return int(self._sql_only())

    def attachments(self, sheet_id: int) -> list[dict[str, Any]]:
        return list(self._sql_only())

    def attachment(self, attachment_id: int) -> dict[str, Any] | None:
        return dict(self._sql_only())

    def attachment_data(self, attachment_id: int) -> bytes | None:
        return bytes(self._sql_only())

    def attachments_size(self, sheet_id: int) -> int:
        return int(self._sql_only())

    def remove_attachment(self, attachment_id: int) -> None:
        self._sql_only()


class FakeAuditRepository(_Repo):
    """Chained like the real trail, under a fixed key."""

    KEY = b"fake audit key"

    def add(self, entry: AuditEntry) -> None:
        previous = self._s.audit[-1].chain if self._s.audit else audit_mod.CHAIN_START
        entry.chain = audit_mod.chain_hash(self.KEY, previous or "", entry)
        entry.id = self._s.new_id("audit")
        self._s.audit.append(entry)

    def first_broken(self) -> tuple[AuditEntry | None, int]:
        return audit_mod.first_broken(self.KEY, self._s.audit), len(self._s.audit)

    def missing_guards(self) -> list[str]:
        return []

    def snapshot(self) -> None:
        pass

    def anchor(self) -> tuple[int, str, bool] | None:
        # the fake trail cannot be cut short behind its back
        return len(self._s.audit), self.last_chain(), True

    def trail_id(self) -> str:
        return "fake"

    def chain_at(self, position: int) -> str | None:
        if position < 1:
            return audit_mod.CHAIN_START
        return self._s.audit[position - 1].chain if position <= len(self._s.audit) else None

    def last_chain(self) -> str:
        return (self._s.audit[-1].chain or "") if self._s.audit else audit_mod.CHAIN_START

    def list_for(self, entity: str, entity_id: int) -> list[AuditEntry]:
        return [e for e in self._s.audit if e.entity == entity and e.entity_id == entity_id]

    def recent(self, limit: int = 200, action_prefix: str = "") -> list[AuditEntry]:
        found = [e for e in reversed(self._s.audit) if e.action.startswith(action_prefix)]
        return found[:limit]

    def search_ids(self, query: audit_mod.AuditQuery) -> list[int]:
        q = query
        return [int(e.id) for e in reversed(self._s.audit) if e.id is not None
                and (q.user_id is None or e.user_id == q.user_id)
                and (not q.actions or e.action in q.actions)
                and (not q.entity or e.entity == q.entity)
                and (q.entity_id is None or e.entity_id == q.entity_id)
                and (q.since is None or e.at >= q.since)
                and (q.until is None or e.at < q.until)]

    def by_ids(self, ids: Sequence[int]) -> list[AuditEntry]:
        wanted = set(ids)
        return [e for e in self._s.audit if e.id in wanted]

    def actions(self) -> list[str]:
        return sorted({e.action for e in self._s.audit})


class FakeSettingsRepository(_Repo):
    """Values go through JSON, as in the database, so a test sees what a reload gives."""

    def get(self, key: str, default: Any = None) -> Any:
        raw = self._s.settings.get(key)
        return default if raw is None else json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        self._s.settings[key] = json.dumps(value, ensure_ascii=False, default=str)


def _fingerprint(obj: Any) -> dict[str, Any]:
    """The row's own columns: like the version column, children do not count."""
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)
            if f.name != "version" and not isinstance(getattr(obj, f.name), list)}


class FakeUnitOfWork:
    """In-memory unit of work with real transaction semantics (see the module doc).

    Attributes:
        state: what is "in the database" plus the open transaction's changes.
        commits: how many times ``commit()`` was called.
        commit_log: for each commit, the audit entries it wrote.
    """

    def __init__(self) -> None:
        self.state = _State()
        self._committed = copy.deepcopy(self.state)
        self._depth = 0
        self.commits = 0
        self.rollbacks = 0
        self.commit_log: list[list[AuditEntry]] = []
        self.stores = FakeStoreRepository(self)
        self.users = FakeUserRepository(self)
        self.customers = FakeCustomerRepository(self)
        self.sheets = FakeSheetRepository(self)
        self.audit = FakeAuditRepository(self)
        self.settings = FakeSettingsRepository(self)
        self._outbox = events.Outbox()
        self.published: list[events.Changes] = []
        self._outbox.add_listener(self.published.append)

    def record(self, event: events.Event) -> None:
        self._outbox.record(event)

    def add_listener(self, listener: events.Listener) -> None:
        self._outbox.add_listener(listener)

    def server_now(self) -> datetime | None:
        """No server: the PC's clock (as SQLite)."""
        return None

    def __enter__(self) -> FakeUnitOfWork:
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._restore()

    @contextlib.contextmanager
    def reading(self) -> Iterator[FakeUnitOfWork]:
        """Read-only: whatever is changed inside is thrown away (as on a read session)."""
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._restore()

    def commit(self) -> None:
        recorded = self._outbox.take()
        for event in recorded:
            for entry in audit_mod.entries(event):
                self.audit.add(entry)
        before = self._committed
        for kind in ("sheets", "customers"):
            old: dict[int, Any] = getattr(before, kind)
            for key, obj in getattr(self.state, kind).items():
                if key in old and _fingerprint(old[key]) != _fingerprint(obj):
                    obj.version += 1
        for sheet in self.state.sheets.values():
            for children in (sheet.progress, sheet.visits, sheet.actions, sheet.transitions,
                             sheet.pauses):
                for child in children:
                    if child.id is None:
                        child.id = self.state.new_id(type(child).__name__)
                    child.sheet_id = sheet.id
        for customer in self.state.customers.values():
            self.customers.save(customer)
        self.commit_log.append(self.state.audit[len(before.audit):])
        self.commits += 1
        self._committed = copy.deepcopy(self.state)
        self._outbox.publish(recorded)

    def rollback(self) -> None:
        self.rollbacks += 1
        self._restore()

    def _restore(self) -> None:
        """Back to the last commit; objects handed out before are no longer the data."""
        self._outbox.discard()
        self.state = copy.deepcopy(self._committed)

    @property
    def analytics(self) -> AnalyticsQueries:
        raise NotImplementedError("customer analytics run SQL: test them in tests/integration")

    @property
    def reports(self) -> ReportQueries:
        raise NotImplementedError("the report queries run SQL: test them in tests/reports")

    # -- what tests read -----------------------------------------------------------
    @property
    def committed(self) -> _State:
        return self._committed

    def audit_actions(self) -> list[str]:
        return [e.action for e in self._committed.audit]


@dataclass(frozen=True)
class Staff:
    """A store and one user per role (ids), as ``seed_staff`` made them."""

    store_id: int
    admin: int
    desk: int
    care: int
    manager: int
    director: int
    gm: int


STAFF_ROLES: dict[str, tuple[str, Role]] = {
    "admin": ("系统管理员", Role.ADMIN),
    "desk": ("王芳", Role.FRONT_DESK),
    "care": ("赵丽", Role.CUSTOMER_CARE),
    "manager": ("陈刚", Role.SERVICE_MANAGER),
    "director": ("李建国", Role.SERVICE_DIRECTOR),
    "gm": ("周总", Role.GENERAL_MANAGER),
}


def seed_staff(uow: Any, *, preset: str = "dealership", code: str = "TS") -> Staff:
    """A dealership store with one user per role, password ``PASSWORD``, in one commit.

    Goes around ``users.create_user`` (which hashes each password, ~0.1 s apiece) by
    reusing one hash; the user rows are the same as the service would write."""
    with uow:
        store = setup.add_store(uow, "天顺汽车4S店", code, preset)
        ids: dict[str, int] = {}
        for username, (name, role) in STAFF_ROLES.items():
            user = User(username=username, display_name=name, store_id=store.id,
                        password_hash=password_hash())
            user.roles = {role}
            uow.users.add(user)
            assert user.id is not None
            ids[username] = user.id
        uow.commit()
        assert store.id is not None
        return Staff(store_id=store.id, **ids)
