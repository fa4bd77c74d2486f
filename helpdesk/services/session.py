"""Opening the database for the desktop application, and its location setting.

The UI never touches ``helpdesk.storage``: it asks this module for an open database
(a factory of units of work plus what to show in the status bar), for a connection
test of a URL the user typed, and to remember a new location in the local config file.
Where the database lives is a setting of this machine, not of the database.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpdesk.domain.errors import HelpdeskError, StorageError
from helpdesk.storage import engine as engine_mod

if TYPE_CHECKING:
    from helpdesk.domain.events import Changes
    from helpdesk.services.common import UnitOfWork

# The desktop imports this module before its login window, which must not wait for
# SQLAlchemy (issue 13): the storage modules that need it are imported where a database
# is opened, a location saved or changes watched, not here.

CONFIG_KEY = "database_url"


@dataclass(frozen=True)
class OpenDatabase:
    """An open database, as the UI sees it.

    Attributes:
        uow: factory of units of work (pass one to each service call).
        description: the SQLite file or the server (no password) for the status bar.
        is_sqlite: True for a local file.
        close: releases the connections (call when switching databases or quitting).
        backup_path: the backup taken before a schema upgrade, if one was needed.
        url: the database URL (a password in it is never shown).

        watch: ``watch(publish)`` starts hearing the other desks' committed
            ``Changes`` (``publish`` is called in a background thread); returns the
            function that stops it (issue 9).
    """

    uow: Callable[[], UnitOfWork]
    description: str
    is_sqlite: bool
    close: Callable[[], None]
    backup_path: str = ""
    url: str = ""  # issue 10: backups from the desk (the SQLite file's URL)

    watch: Callable[[Callable[[Changes], None]], Callable[[], None]] | None = None


def open_database(url: str | None = None) -> OpenDatabase:
    """Open (and migrate, with a backup first) the database at ``url``.

    ``None`` means the configured one: ``HELPDESK_DATABASE_URL``, the config file,
    then the SQLite file in the user's data folder.

    Raises:
        StorageError: the location cannot be used (network drive, server unreachable,
            not a Helpdesk database...).
    """
    from helpdesk.storage import change_feed
    from helpdesk.storage import database as database_mod

    try:
        db = database_mod.open_database(url)
    except HelpdeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - drivers raise many types; one message
        raise StorageError(
            f"the database {_describe(url)} cannot be opened: {_first_line(exc)}",
            code="storage.open_failed",
            location=_describe(url),
            reason=_first_line(exc),
        ) from exc
    backup = db.migration.backup if db.migration is not None else None
    return OpenDatabase(
        uow=db.uow,
        description=db.description,
        is_sqlite=db.is_sqlite,
        close=db.dispose,
        backup_path=str(backup) if backup else "",
        url=db.url,
        watch=functools.partial(change_feed.watch, db.engine),
    )


@dataclass(frozen=True)
class ConnectionReport:
    """The outcome of a connection test.

    Attributes:
        ok: the database could be opened and read.
        description: what was tested (file path or server, no password).
        initialised: it already holds a set-up Helpdesk database.
        needs_upgrade: its schema is older than this program (opening it upgrades it).
        error: the error when ``ok`` is False (code and message for the UI).
    """

    ok: bool
    description: str
    initialised: bool = False
    needs_upgrade: bool = False
    error: HelpdeskError | None = None


def check_connection(url: str) -> ConnectionReport:
    """Try to open ``url`` without changing anything (no migration, no file created
    for a PostgreSQL URL; a new SQLite file is created empty only if it is missing)."""
    text = url.strip()
    if not text:
        return ConnectionReport(False, "", error=StorageError(
            "enter a file path or a postgresql:// address", code="storage.url_empty"))
    try:
        normalized = engine_mod.normalize_url(text)
        description = engine_mod.describe(normalized)
    except Exception as exc:  # noqa: BLE001 - a malformed URL
        return ConnectionReport(False, text, error=StorageError(
            f"{text!r} is not a database address: {_first_line(exc)}",
            code="storage.url_invalid", reason=_first_line(exc)))
    from helpdesk.storage import database as database_mod

    try:
        db = database_mod.open_database(normalized, upgrade=False)
    except HelpdeskError as exc:
        return ConnectionReport(False, description, error=exc)
    except Exception as exc:  # noqa: BLE001
        return ConnectionReport(False, description, error=_open_failed(description, exc))
    try:
        from helpdesk.storage import migrate

        try:
            up_to_date = migrate.is_up_to_date(db.engine)
            revision = migrate.current_revision(db.engine)
        except Exception as exc:  # noqa: BLE001
            return ConnectionReport(False, description, error=_open_failed(description, exc))
        initialised = False
        if revision is not None and up_to_date:
            from helpdesk.services import setup

            try:
                initialised = setup.is_initialised(db.uow())
            except Exception as exc:  # noqa: BLE001
                return ConnectionReport(False, description,
                                        error=_open_failed(description, exc))
        return ConnectionReport(True, description, initialised=initialised,
                                needs_upgrade=revision is not None and not up_to_date)
    finally:
        db.dispose()


def configured_location() -> str:
    """What the local config file names (empty: the default file in the data folder)."""
    return str(engine_mod.read_config().get(CONFIG_KEY) or "")


def effective_location() -> str:
    """The location used when the program starts (without any password)."""
    return engine_mod.describe(engine_mod.resolve_url())


def default_location() -> str:
    """The default SQLite file of this user."""
    return str(engine_mod.default_sqlite_path())


def save_location(url: str) -> str:
    """Remember ``url`` as this machine's database (empty: back to the default file).

    Returns the description of the saved location. Its password, if any, goes to the
    system's credential store where there is one (:func:`password_storage` tells).

    Raises:
        StorageError: ``storage.url_invalid`` when it is not an address at all.
    """
    text = url.strip()
    if not text:
        engine_mod.write_config(**{CONFIG_KEY: None, engine_mod.PASSWORD_KEY: None})
        return default_location()
    try:
        normalized = engine_mod.normalize_url(text)
    except Exception as exc:  # noqa: BLE001
        raise StorageError(f"{text!r} is not a database address: {_first_line(exc)}",
                           code="storage.url_invalid", reason=_first_line(exc)) from exc
    from helpdesk.storage import credentials

    saved, password_in = credentials.store(normalized)
    engine_mod.write_config(**{CONFIG_KEY: saved, engine_mod.PASSWORD_KEY: password_in or None})
    return engine_mod.describe(normalized)


def password_storage() -> str:
    """Where the saved location's password is: ``"keyring"`` (the system's credential
    store), ``"config"`` (the config file, readable by this user only: no credential
    store here) or ``""`` (no password)."""
    try:
        return str(engine_mod.read_config().get(engine_mod.PASSWORD_KEY) or "")
    except StorageError:
        return ""


def _describe(url: str | None) -> str:
    try:
        return engine_mod.describe(engine_mod.resolve_url(url))
    except Exception:  # noqa: BLE001 - only used inside an error message
        return url or ""


def _open_failed(description: str, exc: Exception) -> StorageError:
    return StorageError(f"the database {description} cannot be opened: {_first_line(exc)}",
                        code="storage.open_failed", location=description,
                        reason=_first_line(exc))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


DESKTOP_SETTINGS_FILE = "desktop.ini"


def portable_settings_file() -> Path | None:
    """Where the desktop keeps its settings when ``HELPDESK_HOME`` is set (an INI file
    in that folder); ``None``: the system's place (the registry on Windows)."""
    if not os.environ.get(engine_mod.ENV_HOME):
        return None
    return engine_mod.data_dir() / DESKTOP_SETTINGS_FILE


def data_folder() -> Path:
    """The folder of the config file, the logs, the backups (and the default database)."""
    return engine_mod.data_dir()


LANGUAGE_KEY = "language"  # the desktop's language, for programs without Qt (the CLI)


def remember_language(lang: str) -> None:
    """Keep the language chosen in the desktop in the config file, where the command
    line (which has no QSettings) finds it."""
    engine_mod.write_config(**{LANGUAGE_KEY: lang})


def saved_language() -> str | None:
    """The language last chosen in the desktop (``None`` if none, or unreadable)."""
    try:
        value = engine_mod.read_config().get(LANGUAGE_KEY)
    except StorageError:
        return None
    return str(value) if value else None


def open_archive(path: Path) -> OpenDatabase:
    """An archive file (issue 11), read-only: its units of work refuse every write, the
    file is opened ``mode=ro`` and never changed; no change feed, no migration."""
    from helpdesk.services import archive

    db = archive.open_archive(path)
    return OpenDatabase(uow=db.uow, description=db.description, is_sqlite=True,
                        close=db.dispose)
