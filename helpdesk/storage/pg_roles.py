"""Two PostgreSQL roles: the owner, who migrates, and the application, which may add to
the audit trail but never change, delete or unguard it.

The owner (the login that ran ``helpdesk init`` / ``helpdesk migrate``) owns every table
and so could switch the audit trail's triggers off. The desks should therefore log in
as a second role made by :func:`grant_app_role`: it reads and writes the data tables,
may only ``SELECT`` and ``INSERT`` on ``audit_log`` (no ``UPDATE``, ``DELETE``,
``TRUNCATE``), only reads ``alembic_version``, and owns nothing, so it can neither
``ALTER TABLE … DISABLE TRIGGER`` nor drop the table. Schema upgrades are then run by
the owner (``helpdesk migrate --database postgresql://owner@…``).
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from helpdesk.domain.errors import StorageError
from helpdesk.storage import tables

_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _literal(value: str) -> str:
    if "\x00" in value:
        raise StorageError("a password cannot contain NUL", code="password.invalid")
    return "'" + value.replace("'", "''") + "'"


def grant_app_role(engine: Engine, role: str, password: str | None = None) -> None:
    """Create (if missing) the login role ``role`` and give it exactly the application's
    rights on this database. Run as the owner of the tables (after the migration)."""
    if engine.dialect.name != "postgresql":
        raise StorageError("database roles exist only on PostgreSQL", code="roles.not_postgres")
    if not _ROLE.match(role):
        raise StorageError(f"{role!r} is not a role name (a-z, 0-9, _)", code="roles.name")
    data_tables = [name for name in tables.metadata.tables if name != "audit_log"]
    with engine.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                              {"r": role}).first()
        pw = f" PASSWORD {_literal(password)}" if password else ""
        if exists is None:
            conn.execute(text(f'CREATE ROLE "{role}" LOGIN{pw}'))
        elif pw:
            conn.execute(text(f'ALTER ROLE "{role}"{pw}'))
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
        conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM "{role}"'))
        for name in data_tables:
            conn.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{name}" TO "{role}"'))
        conn.execute(text(f'GRANT SELECT, INSERT ON audit_log TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON alembic_version TO "{role}"'))
        conn.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" '
                          f'TO "{role}"'))
