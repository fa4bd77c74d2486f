"""Where the database lives and how to connect to it.

SQLite is the default: one file in the user's data folder, WAL journal, foreign keys on
and ``synchronous=FULL`` so a committed sheet survives a power cut. Write transactions
start with ``BEGIN IMMEDIATE`` so two desks saving at once queue instead of failing
half-way. PostgreSQL is chosen by URL, for several desks of one site.

Connections are kept in a pool for the life of the program (the UI thread and each
worker borrow one per unit of work), so their settings are made once; a SQLite
connection whose file was replaced under it (a restore) is dropped, a PostgreSQL one
that the server ended (a restart) is replaced (``pool_pre_ping``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from helpdesk.domain.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

# SQLAlchemy is imported where an address is parsed or an engine made, not with this
# module: the command line's --help and the desktop's first window read the config
# through here, and SQLAlchemy takes a quarter of a second to import.

APP_NAME = "Helpdesk"
ENV_URL = "HELPDESK_DATABASE_URL"
PASSWORD_KEY = "database_password"  # where the URL's password is: "keyring" or "config"
ENV_HOME = "HELPDESK_HOME"  # overrides the data/config folder (tests, portable installs)
BUSY_TIMEOUT_MS = 15_000


def data_dir() -> Path:
    override = os.environ.get(ENV_HOME)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_path() -> Path:
    return data_dir() / "config.json"


def read_config() -> dict[str, Any]:
    path = config_path()
    if not path.exists():
        return {}
    import json  # here: the login window is shown before the config is read (issue 13)

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorageError(f"the configuration file {path} cannot be read: {exc}",
                           code="config.unreadable") from exc
    return data if isinstance(data, dict) else {}


def write_config(**values: Any) -> None:
    """Merge ``values`` into the config file (atomically: a crash leaves the old one).

    The file is readable by its owner only (0600): it may hold a database password
    where the system offers no credential store."""
    import json

    data = read_config()
    data.update(values)
    path = config_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.chmod(tmp, 0o600)  # on Windows only the read-only flag; the profile is private
    os.replace(tmp, path)


def default_sqlite_path() -> Path:
    return data_dir() / "helpdesk.db"


def resolve_url(explicit: str | None = None) -> str:
    """The database URL: explicit argument, then ``HELPDESK_DATABASE_URL``, then the
    config file's ``database_url``, then the SQLite file in the user's data folder."""
    config = read_config()
    configured = config.get("database_url")
    from helpdesk.storage import credentials

    if configured and config.get(PASSWORD_KEY) == credentials.KEYRING:
        configured = credentials.fill(str(configured))
    for candidate in (explicit, os.environ.get(ENV_URL), configured):
        if candidate:
            return normalize_url(str(candidate))
    return sqlite_url(default_sqlite_path())


def sqlite_url(path: Path | str) -> str:
    raw = str(path)
    if raw == ":memory:":
        return "sqlite://"
    if raw.startswith(("\\\\", "//")):
        # A UNC path: resolve() would drop the server on POSIX, and the network check
        # must still see it to refuse it.
        return "sqlite:///" + raw.replace("\\", "/")
    return f"sqlite:///{Path(path).resolve().as_posix()}"


def normalize_url(url: str) -> str:
    """Accept a bare file path or ``postgresql://`` and pick our drivers."""
    if "://" not in url:
        return sqlite_url(url)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str | URL) -> bool:
    from sqlalchemy.engine import make_url

    return make_url(str(url)).get_backend_name() == "sqlite"


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite database URL (None for PostgreSQL or an in-memory database).

    An archive's read-only URL (``file:…?mode=ro&uri=true``) gives its database part as
    written, ``file:…``: callers that open such a file check ``mode=ro`` first."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or \
            parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """What to show the user: the file path, or the server without the password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return "SQLite (memory)"
    return parsed.set(password=None).render_as_string(hide_password=True) if parsed.password \
        else parsed.render_as_string()


_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "fuse.sshfs", "davfs",
               "ncpfs", "glusterfs", "ceph"}


def is_network_path(path: Path) -> bool:
    """True for UNC paths, mapped network drives on Windows and network mounts on Linux.

    SQLite's locking is not reliable over network file systems; a shared database must be
    PostgreSQL instead."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
        return False
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) \
                and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype in _NETWORK_FS


def check_sqlite_location(path: Path) -> None:
    if is_network_path(path):
        raise StorageError(
            f"{path} is on a network drive; SQLite cannot be shared safely there. "
            "Use a local file, or a PostgreSQL server for several desks.",
            code="storage.network_path",
        )


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    from sqlalchemy import create_engine

    url = resolve_url(url)
    if is_sqlite(url):
        return _sqlite_engine(url, echo=echo)
    try:
        return create_engine(url, echo=echo, pool_pre_ping=True, future=True)
    except ImportError as exc:  # the driver is imported when the engine is made
        raise StorageError(
            f"PostgreSQL support is not installed ({exc}); install it with "
            f'pip install "helpdesk[postgres]"', code="storage.driver_missing") from exc


# Connections kept open for the life of the desk: the UI thread and each worker take one
# from the pool and give it back; more than this only while several work at once.
POOL_SIZE = 4


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    from sqlalchemy import create_engine, event, exc
    from sqlalchemy.pool import QueuePool, StaticPool

    from helpdesk.storage import prepared

    # issue 11: an archive opened read-only (file:…?mode=ro&uri=true) is only read.
    read_only = "mode=ro" in url
    path = None if read_only else sqlite_file(url)
    if path is not None:
        check_sqlite_location(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    # A pool, not a connection per unit of work: opening one costs four PRAGMAs, and on a
    # single desk closing the last one checkpointed and deleted the WAL on every call.
    # The connections are handed from thread to thread (never used by two at once), so
    # sqlite3's same-thread check is off. An archive opened read-only is pooled too (the
    # list and the sheet windows read it from several threads). An in-memory database
    # lives in its connection: there is exactly one. Each connection keeps its prepared
    # statements (256: the complaint list, the searches and the forms use a few dozen
    # shapes), and the pool hands back the most recently used connection, whose
    # statements are warm.
    connect_args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False,
                    "cached_statements": 256}
    if path is None and not read_only:
        engine = create_engine(url, echo=echo, poolclass=StaticPool,
                               connect_args=connect_args)
    else:
        engine = create_engine(url, echo=echo, poolclass=QueuePool, pool_size=POOL_SIZE,
                               max_overflow=8, pool_use_lifo=True,
                               connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite otherwise
        # defers it and breaks write-lock ordering).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if path is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
        if not read_only:
            cursor.execute("PRAGMA synchronous=FULL")
        else:  # issue 11: refused by SQLite itself, whatever the code above it tries
            cursor.execute("PRAGMA query_only=ON")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()
        record.info["file_id"] = _file_id(path)

    file = None if path is None else str(path)  # os.stat of a str: every checkout

    @event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        # A restore replaces the file: a kept connection would still read the old one
        # (its inode), so it is dropped and the pool opens the new file.
        if file is not None and record.info.get("file_id") != _file_id(file):
            raise exc.DisconnectionError("the database file was replaced")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A read-only unit of work reads a snapshot; a write one takes the write lock
        # first, so it never has to upgrade a read lock (which SQLite refuses as BUSY).
        if read_only or conn.get_execution_options().get("helpdesk_readonly"):
            # Straight to the driver (issue 13: every list page and search begins one).
            prepared.begin_snapshot(conn.connection.driver_connection)
        elif not conn.connection.driver_connection.in_transaction:
            # Straight to the driver too (issue 13: every save begins one); a busy
            # database still raises SQLAlchemy's OperationalError, which the retry knows.
            # A session that joins the prepared statements of its unit of work finds
            # their transaction begun already (``uow.driver``).
            prepared.run_driver_sql(prepared.on(conn), "BEGIN IMMEDIATE")

    return engine


def _file_id(path: Path | str | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino
