"""The PostgreSQL password, kept in the operating system's credential store.

A database location chosen in the desktop is remembered in the local config file;
its password goes to the credential store instead (Windows Credential Manager, the
macOS keychain, the Secret Service on a Linux desktop) through ``keyring``. Where
there is none (a Linux server, CI) the password stays in the config file, which is
then readable by its owner only, and the caller says so.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL, make_url

SERVICE = "Helpdesk"
KEYRING = "keyring"  # the password is in the credential store
CONFIG = "config"  # the password is in the config file (no credential store)

log = logging.getLogger(__name__)


def account(url: URL) -> str:
    """The credential store's entry name: user, server, port and database."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def store(url: str) -> tuple[str, str]:
    """Take the password out of ``url`` into the credential store.

    Returns the URL to write in the config file and where the password is: ``""``
    (the URL has none), :data:`KEYRING` or :data:`CONFIG` (no usable store: the URL
    keeps it)."""
    parsed = make_url(url)
    if parsed.password is None or parsed.get_backend_name() == "sqlite":
        return url, ""
    try:
        import keyring

        keyring.set_password(SERVICE, account(parsed), str(parsed.password))
    except Exception as exc:  # noqa: BLE001 - no module, no backend, a locked store...
        log.warning("no credential store (%s: %s): the database password stays in the "
                    "config file", type(exc).__name__, exc)
        return url, CONFIG
    log.info("database password for %s kept in the credential store", account(parsed))
    # URL.set() ignores None; the URL is a named tuple, so _replace removes it.
    return parsed._replace(password=None).render_as_string(hide_password=False), KEYRING


def fill(url: str) -> str:
    """``url`` with the password the credential store holds for it (unchanged when
    it has one already, or the store has none)."""
    parsed = make_url(url)
    if parsed.password is not None or not parsed.username:
        return url
    try:
        import keyring

        password = keyring.get_password(SERVICE, account(parsed))
    except Exception as exc:  # noqa: BLE001
        log.warning("reading the database password from the credential store failed: %s",
                    exc)
        return url
    if password is None:
        log.warning("the credential store has no password for %s", account(parsed))
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)
