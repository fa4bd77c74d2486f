"""The database schema, as SQLAlchemy Core tables.

Alembic migrations are the only way this schema reaches a database; a change here
needs a new revision in ``storage/migrations/versions``. The domain classes are mapped
onto these tables in ``orm.py``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    literal_column,
    text,
)

from helpdesk.domain.complaints import Effectiveness, ResponsibleArea, SheetState, VisitKind
from helpdesk.domain.customers import CustomerKind, Gender, OrderKind, StoreKind, Tier
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.validation import VIN_LENGTH
from helpdesk.storage.types import EnumText

# Named constraints, so Alembic's batch mode on SQLite can find and alter them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _money() -> BigInteger:
    """Integer fen. BIGINT on PostgreSQL (2^31 fen is only ¥21 million); SQLite's
    INTEGER is 64-bit already, and keeping its declared type spares a table rebuild."""
    return BigInteger().with_variant(Integer(), "sqlite")


def _binary_text(length: int) -> String:
    """Text compared by code point on PostgreSQL too (COLLATE "C"): prefix searches are
    range scans (key >= q AND key < q + U+10FFFF) that a linguistic collation breaks."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


stores = Table(
    "stores",
    metadata,
    _id(),
    Column("code", String(16), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("kind", EnumText(StoreKind), nullable=False),
    Column("preset", String(20), nullable=False),
    Column("calendar_json", Text, nullable=False, default="{}"),
    Column("policy_json", Text, nullable=False, default="{}"),
    Column("address", String(300), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
)

users = Table(
    "users",
    metadata,
    _id(),
    Column("username", String(60), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False),
    Column("roles_text", String(200), nullable=False, default=""),
    Column("store_id", ForeignKey("stores.id"), nullable=True),
    Column("password_hash", String(200), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime, nullable=True),
    Column("last_login_at", DateTime, nullable=True),
    Column("created_at", DateTime, nullable=True),
)

customers = Table(
    "customers",
    metadata,
    _id(),
    Column("name", String(120), nullable=False),
    Column("kind", EnumText(CustomerKind), nullable=False),
    Column("gender", EnumText(Gender, 10), nullable=False, default="unknown"),
    Column("email", String(200), nullable=False, default=""),
    Column("wechat", String(100), nullable=False, default=""),
    Column("address", String(300), nullable=False, default=""),
    Column("birthday", Date, nullable=True),
    Column("company_industry", String(100), nullable=False, default=""),
    Column("company_size", String(50), nullable=False, default=""),
    Column("source", String(100), nullable=False, default=""),
    Column("tier", EnumText(Tier), nullable=False, default="regular"),
    Column("consent_marketing", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    Column("store_id", ForeignKey("stores.id"), nullable=True, index=True),
    Column("owner_user_id", ForeignKey("users.id"), nullable=True, index=True),
    Column("merged_into_id", ForeignKey("customers.id"), nullable=True, index=True),
    Column("created_at", DateTime, nullable=True),
    Column("updated_at", DateTime, nullable=True),
    Column("updated_by_id", ForeignKey("users.id"), nullable=True),
    Column("version", Integer, nullable=False),
    # issue 15: the resident ID number (18 characters, or empty); not unique — a shared
    # number is a duplicate suggestion, not a refusal
    Column("national_id", String(18), nullable=False, default="",
           server_default=literal_column("''")),
)
Index("ix_customers_name", customers.c.name)
Index("ix_customers_national_id", customers.c.national_id)  # issue 15

customer_phones = Table(
    "customer_phones",
    metadata,
    _id(),
    Column("customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("number", String(32), nullable=False, index=True),
    Column("label", String(40), nullable=False, default=""),
)

contacts = Table(
    "contacts",
    metadata,
    _id(),
    Column("customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("role", String(100), nullable=False, default=""),
    Column("phone", String(32), nullable=False, default=""),
    Column("email", String(200), nullable=False, default=""),
)

vehicles = Table(
    "vehicles",
    metadata,
    _id(),
    Column("customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("vin", String(17), nullable=False),
    Column("plate", String(16), nullable=False, default="", index=True),
    Column("brand", String(60), nullable=False, default=""),
    Column("model", String(100), nullable=False, default=""),
    Column("mileage_km", Integer, nullable=True),
    Column("purchase_date", Date, nullable=True),
    Column("vin_check_overridden", Boolean, nullable=False, default=False),
    Column("retired_on", Date, nullable=True),  # issue 15: sold or scrapped
)

orders = Table(
    "orders",
    metadata,
    _id(),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("store_id", ForeignKey("stores.id"), nullable=True),
    Column("vehicle_id", ForeignKey("vehicles.id"), nullable=True),
    Column("number", String(40), nullable=False),
    Column("kind", EnumText(OrderKind), nullable=False),
    Column("ordered_at", Date, nullable=False),
    Column("amount_cents", _money(), nullable=False, default=0),
    Column("items", Text, nullable=False, default=""),
)
# Revenue per customer over a period (pyramid, RFM) reads this index only.
Index("ix_orders_customer_date", orders.c.customer_id, orders.c.ordered_at, orders.c.amount_cents)
Index("ix_orders_date", orders.c.ordered_at)
# One vehicle record per VIN and one order per number: two desks typing the same one at
# the same moment must not both succeed.
# issue 10: only whole VINs are unique (validation.vin_is_complete: 17 characters); a
# partial VIN (a tail from a paper ledger) or none ("") may repeat. A lookup by VIN
# states WHOLE_VIN too, or the database cannot use this (partial) index.
WHOLE_VIN = func.length(vehicles.c.vin) == VIN_LENGTH
Index("ix_vehicles_vin", vehicles.c.vin, unique=True,
      sqlite_where=WHOLE_VIN, postgresql_where=WHOLE_VIN)
Index("ix_orders_number", orders.c.number, unique=True)

# One row per way of finding a customer: pinyin, initials, phone, reversed phone
# (so a phone tail is a prefix search), plate, VIN, reversed VIN, order number...
# Every search is then one indexed range scan on ``key``.
search_keys = Table(
    "search_keys",
    metadata,
    _id(),
    Column("customer_id", ForeignKey("customers.id"), nullable=False, index=True),
    Column("kind", String(12), nullable=False),
    Column("key", _binary_text(120), nullable=False),
)
# issue 13: the customer id too, so that a search reads the index alone; and the VIN
# keys apart (a VIN is matched by its start only from 9 characters, so a short search
# never reads them; migration i13_search_covering_key_index). A search states these
# WHERE terms literally (``storage.search``), or SQLite cannot use the partial indexes.
KEYS_BUT_VINS = "kind <> 'vin'"
VIN_KEYS = "kind = 'vin'"
Index("ix_search_keys_key", search_keys.c.key, search_keys.c.kind, search_keys.c.customer_id,
      sqlite_where=text(KEYS_BUT_VINS), postgresql_where=text(KEYS_BUT_VINS))
Index("ix_search_keys_vin", search_keys.c.key, search_keys.c.kind, search_keys.c.customer_id,
      sqlite_where=text(VIN_KEYS), postgresql_where=text(VIN_KEYS))
# issue 13: the name sort keys alone, in order (migration i13_list_indexes); the SQL must
# say kind = 'sort' as a literal for SQLite to use a partial index.
Index("ix_search_keys_sort", search_keys.c.key, search_keys.c.customer_id,
      sqlite_where=text("kind = 'sort'"), postgresql_where=text("kind = 'sort'"))

sheet_counters = Table(
    "sheet_counters",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last_value", Integer, nullable=False),
)

sheets = Table(
    "sheets",
    metadata,
    _id(),
    Column("number", _binary_text(32), nullable=False),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("received_at", DateTime, nullable=False),
    Column("received_by_id", ForeignKey("users.id"), nullable=True),
    Column("channel", EnumText(Channel), nullable=False),
    Column("severity", EnumText(Severity, 10), nullable=False),
    Column("category", String(40), nullable=False),
    Column("customer_id", ForeignKey("customers.id"), nullable=True),
    Column("customer_name", String(120), nullable=False, default=""),
    Column("customer_phone", String(32), nullable=False, default=""),
    Column("vehicle_id", ForeignKey("vehicles.id"), nullable=True),
    Column("order_id", ForeignKey("orders.id"), nullable=True),
    Column("mileage_km", Integer, nullable=True),
    Column("description", Text, nullable=False, default=""),
    Column("customer_request", Text, nullable=False, default=""),
    Column("responsible_area", EnumText(ResponsibleArea), nullable=True),
    Column("responsible_user_id", ForeignKey("users.id"), nullable=True),
    Column("root_cause", Text, nullable=False, default=""),
    Column("correction", Text, nullable=False, default=""),
    Column("compensation_cents", _money(), nullable=False, default=0),
    Column("long_term_measure", Text, nullable=False, default=""),
    Column("rework_needed", Boolean, nullable=False, default=False),
    Column("rework_completed_at", DateTime, nullable=True),
    Column("escalated_to_oem", Boolean, nullable=False, default=False),
    Column("state", EnumText(SheetState), nullable=False),
    Column("acknowledged_at", DateTime, nullable=True),
    Column("acknowledged_by_id", ForeignKey("users.id"), nullable=True),
    Column("resolved_at", DateTime, nullable=True),
    Column("closed_at", DateTime, nullable=True),
    Column("closed_by_id", ForeignKey("users.id"), nullable=True),
    Column("closing_remark", Text, nullable=False, default=""),
    Column("response_due_at", DateTime, nullable=True),
    Column("resolution_due_at", DateTime, nullable=True),
    Column("base_resolution_due_at", DateTime, nullable=True),
    Column("sla_rule_json", Text, nullable=False, default="{}"),
    Column("response_minutes", Integer, nullable=True),
    Column("resolution_minutes", Integer, nullable=True),
    Column("response_on_time", Boolean, nullable=True),
    Column("resolution_on_time", Boolean, nullable=True),
    Column("created_at", DateTime, nullable=True),
    Column("updated_at", DateTime, nullable=True),
    Column("updated_by_id", ForeignKey("users.id"), nullable=True),
    Column("version", Integer, nullable=False),
    # issue 9: the earlier complaint of the same customer this one repeats
    Column("linked_sheet_id", ForeignKey("sheets.id", name="fk_sheets_linked_sheet_id"),
           nullable=True),
    UniqueConstraint("store_id", "number", name="uq_sheets_store_number"),
)
# The list is sorted by received time; the filters it offers each get an index that
# ends in received_at so SQL can filter and sort in one walk.
Index("ix_sheets_received", sheets.c.received_at)
Index("ix_sheets_number", sheets.c.number)
Index("ix_sheets_state_received", sheets.c.state, sheets.c.received_at)
# issue 13: with the state, a customer's open-sheet count and last complaint (the
# customer list's columns) come from the index alone (migration i13_list_indexes).
Index("ix_sheets_customer", sheets.c.customer_id, sheets.c.received_at, sheets.c.state)
Index("ix_sheets_responsible", sheets.c.responsible_user_id, sheets.c.received_at)
Index("ix_sheets_received_by", sheets.c.received_by_id, sheets.c.received_at)  # issue 9
Index("ix_sheets_store_received", sheets.c.store_id, sheets.c.received_at)
Index("ix_sheets_state_response_due", sheets.c.state, sheets.c.response_due_at)
Index("ix_sheets_state_resolution_due", sheets.c.state, sheets.c.resolution_due_at)
Index("ix_sheets_channel_received", sheets.c.channel, sheets.c.received_at)
Index("ix_sheets_category_received", sheets.c.category, sheets.c.received_at)
Index("ix_sheets_severity_received", sheets.c.severity, sheets.c.received_at)
# The monthly report's month-end state (issue 12: with received_at, so the sheets not
# closed at a cut-off are found inside the index).
Index("ix_sheets_closed_received", sheets.c.closed_at, sheets.c.received_at)


def _sheet_child(name: str, *columns: Column[object]) -> Table:
    return Table(
        name,
        metadata,
        _id(),
        Column("sheet_id", ForeignKey("sheets.id"), nullable=False, index=True),
        *columns,
    )


sheet_progress = _sheet_child(
    "sheet_progress",
    Column("at", DateTime, nullable=False),
    Column("by_id", ForeignKey("users.id"), nullable=True),
    Column("text", Text, nullable=False),
    Column("customer_notified", Boolean, nullable=False, default=False),
)

sheet_visits = _sheet_child(
    "sheet_visits",
    Column("visited_at", DateTime, nullable=False),
    Column("by_id", ForeignKey("users.id"), nullable=True),
    Column("satisfaction", Integer, nullable=False),
    Column("feedback", Text, nullable=False, default=""),
    Column("kind", EnumText(VisitKind), nullable=False),
    Column("method", String(20), nullable=False, default="phone"),
)

# The monthly report's satisfaction figures, read from the index alone (issue 12).
Index("ix_sheet_visits_visited_score", sheet_visits.c.visited_at, sheet_visits.c.satisfaction)

sheet_actions = _sheet_child(
    "sheet_actions",
    Column("description", Text, nullable=False),
    Column("owner_id", ForeignKey("users.id"), nullable=True),
    Column("due_date", Date, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("done_at", DateTime, nullable=True),
    Column("effectiveness", EnumText(Effectiveness), nullable=False, default="pending"),
    Column("checked_at", DateTime, nullable=True),
    Column("checked_by_id", ForeignKey("users.id"), nullable=True),
    Column("check_note", Text, nullable=False, default=""),
)
# issue 12: the monthly report finds a month's actions (created, due, checked in it)
# and those not done at a cut-off by index searches.
Index("ix_sheet_actions_created", sheet_actions.c.created_at)
Index("ix_sheet_actions_due", sheet_actions.c.due_date)
Index("ix_sheet_actions_checked", sheet_actions.c.checked_at)
# With the due date and creation time, the actions carried over (not done at a cut-off,
# created and due before the month) are counted from the index alone (migration
# i12_report_month_figures).
Index("ix_sheet_actions_done_due", sheet_actions.c.done_at, sheet_actions.c.due_date,
      sheet_actions.c.created_at)

sheet_transitions = _sheet_child(
    "sheet_transitions",
    Column("at", DateTime, nullable=False),
    Column("by_id", ForeignKey("users.id"), nullable=True),
    Column("action", String(20), nullable=False),
    Column("from_state", EnumText(SheetState), nullable=False),
    Column("to_state", EnumText(SheetState), nullable=False),
    Column("note", Text, nullable=False, default=""),
)
# issue 12: a sheet's state at a cut-off (its last transition before it) from the index,
# and the reopenings of a month.
Index("ix_sheet_transitions_sheet_at", sheet_transitions.c.sheet_id, sheet_transitions.c.at)
Index("ix_sheet_transitions_at", sheet_transitions.c.at)

sheet_pauses = _sheet_child(
    "sheet_pauses",
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime, nullable=True),
    Column("reason", Text, nullable=False, default=""),
)

# Append-only: triggers created by the migration refuse UPDATE and DELETE; ``chain``
# links each entry to the one before (``domain.audit``), so what gets past them shows.
audit_log = Table(
    "audit_log",
    metadata,
    _id(),
    Column("at", DateTime, nullable=False, index=True),
    Column("user_id", ForeignKey("users.id"), nullable=True),
    Column("username", String(60), nullable=False, default=""),
    Column("action", String(60), nullable=False),
    Column("entity", String(30), nullable=False),
    Column("entity_id", Integer, nullable=True),
    Column("changes", Text, nullable=False, default="{}"),
    Column("note", Text, nullable=False, default=""),
    Column("chain", String(64), nullable=True),
)
Index("ix_audit_entity", audit_log.c.entity, audit_log.c.entity_id)

settings = Table(
    "settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

# issue 12: issued monthly reports. The document a director signed, kept as it was
# printed: reprints give these bytes, and a regeneration is compared with ``figures``.
issued_reports = Table(
    "issued_reports",
    metadata,
    _id(),
    Column("month", Date, nullable=False),
    # "all" for every store, else the store's id: one issue per month and scope.
    Column("scope", String(20), nullable=False),
    Column("store_id", ForeignKey("stores.id"), nullable=True),
    Column("lang", String(8), nullable=False),
    Column("issued_at", DateTime, nullable=False),
    Column("issued_by_id", ForeignKey("users.id"), nullable=True),
    Column("figures", Text, nullable=False),
    Column("figures_sha256", String(64), nullable=False),
    Column("pdf", LargeBinary, nullable=False),
    Column("pdf_sha256", String(64), nullable=False),
    UniqueConstraint("month", "scope", name="uq_issued_reports_month_scope"),
)

# issue 11: what a sheet says, for full-text search (storage/fulltext.py keeps it current;
# the FTS5 table on SQLite and the pg_trgm index on PostgreSQL are made by the migration).
sheet_texts = Table(
    "sheet_texts",
    metadata,
    Column("sheet_id", ForeignKey("sheets.id"), primary_key=True, autoincrement=False),
    Column("body", Text, nullable=False, default=""),
)

# issue 11: attachments. The bytes live once per content (sha256), however many sheets
# carry the same photo; a sheet's attachment names the file, its caption and who added it.
attachment_blobs = Table(
    "attachment_blobs",
    metadata,
    _id(),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

sheet_attachments = _sheet_child(
    "sheet_attachments",
    Column("blob_id", ForeignKey("attachment_blobs.id"), nullable=False, index=True),
    Column("filename", String(255), nullable=False),
    Column("mime", String(100), nullable=False, default="application/octet-stream"),
    Column("caption", Text, nullable=False, default=""),
    Column("added_at", DateTime, nullable=False),
    Column("added_by_id", ForeignKey("users.id"), nullable=True),
)

# issue 11: the first return visit after a delivery (CRM preset, seed 002: within 3 days);
# recording it takes the order off the call list.
order_visits = Table(
    "order_visits",
    metadata,
    _id(),
    Column("order_id", ForeignKey("orders.id"), nullable=False, unique=True),
    Column("visited_at", DateTime, nullable=False),
    Column("by_id", ForeignKey("users.id"), nullable=True),
    Column("satisfaction", Integer, nullable=True),
    Column("feedback", Text, nullable=False, default=""),
    Column("method", String(20), nullable=False, default="phone"),
)

# issue 9: the change feed between processes on SQLite (storage/change_feed.py); the
# newest rows only. PostgreSQL uses NOTIFY instead and leaves it empty.
change_feed = Table(
    "change_feed",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("origin", String(32), nullable=False),
    Column("payload", Text, nullable=False),
)

# issue 12: a sheet's values before each later correction (storage/field_history.py), so
# a month's report reads each sheet as it stood at the month's end. Written with the
# audit trail (same transaction, same before/after values); only the fields a report
# groups or judges by.
sheet_field_history = Table(
    "sheet_field_history",
    metadata,
    _id(),
    Column("sheet_id", ForeignKey("sheets.id"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("field", String(40), nullable=False),
    Column("old_text", String(60), nullable=True),
    Column("old_number", _money(), nullable=True),
    Column("old_at", DateTime, nullable=True),
)
# The first change of a field after a cut-off, per sheet; the sheets changed after it.
Index("ix_sheet_field_history_sheet", sheet_field_history.c.sheet_id,
      sheet_field_history.c.field, sheet_field_history.c.at)
Index("ix_sheet_field_history_field_at", sheet_field_history.c.field,
      sheet_field_history.c.at, sheet_field_history.c.sheet_id)

# issue 12: the month's reopenings and repeat complainants from the index alone
# (migration i12_report_indexes).
Index("ix_sheet_transitions_action_at", sheet_transitions.c.action, sheet_transitions.c.at)
Index("ix_sheets_received_customer", sheets.c.received_at, sheets.c.customer_id,
      sheets.c.store_id)
# issue 12: every column the month's counts, on-time rates and durations read, so the
# thirteen month scans of a report (the month, the one before, the trend, a year ago)
# read this index alone instead of each sheet's wide row (migration
# i12_report_month_figures).
Index("ix_sheets_received_figures", sheets.c.received_at, sheets.c.store_id,
      sheets.c.severity, sheets.c.acknowledged_at, sheets.c.response_due_at,
      sheets.c.resolution_due_at, sheets.c.resolved_at, sheets.c.response_minutes,
      sheets.c.resolution_minutes, sheets.c.state, sheets.c.closed_at)
