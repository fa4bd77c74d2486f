"""The key that seals the sheet form's drafts, kept in the system's credential store.

Drafts are written every few seconds without asking anything, so they cannot take a
passphrase as backups do. Each user of a computer gets a random 256-bit key the first
time a draft is written, kept in the credential store (Windows Credential Manager, the
macOS keychain, the Secret Service) through ``keyring``; the draft is sealed with
AES-256-GCM under it. A copy of the data folder (or of ``drafts/``) alone is then
unreadable: the key stays with the user's login on that computer.

Where there is no credential store (a Linux desk without a keyring, a server) there
is no key: drafts are written in clear, readable by their owner only (0600), and the
log says so once. Losing the key (a new Windows profile) loses the drafts, not data.
"""

from __future__ import annotations

import base64
import logging
import os
import threading

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SERVICE = "Helpdesk"
ACCOUNT = "drafts-key"
MAGIC = b"HELPDESK-DRAFT-1\n"
_NONCE = 12

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cached: dict[str, bytes | None] = {}


def key() -> bytes | None:
    """This user's draft key (made on first use); None where there is no store."""
    with _lock:
        if ACCOUNT in _cached:
            return _cached[ACCOUNT]
        found: bytes | None = None
        try:
            import keyring

            stored = keyring.get_password(SERVICE, ACCOUNT)
            if stored is None:
                stored = base64.b64encode(os.urandom(32)).decode("ascii")
                keyring.set_password(SERVICE, ACCOUNT, stored)
            found = base64.b64decode(stored)
            if len(found) != 32:
                raise ValueError("the stored draft key is not 32 bytes")
        except Exception as exc:  # noqa: BLE001 - no backend, a locked store, a bad entry
            log.warning("no credential store for the drafts' key (%s: %s): drafts are "
                        "kept in clear, readable by this user only", type(exc).__name__, exc)
            found = None
        _cached[ACCOUNT] = found
        return found


def forget() -> None:
    """Read the key from the store again next time (tests; a changed store)."""
    with _lock:
        _cached.clear()


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def seal(plain: bytes, secret: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + AESGCM(secret).encrypt(nonce, plain, MAGIC)


def unseal(blob: bytes, secret: bytes | None) -> bytes | None:
    """The plain draft; None when it cannot be opened (no key, another key, changed)."""
    if secret is None or not is_sealed(blob):
        return None
    body = blob[len(MAGIC):]
    try:
        return AESGCM(secret).decrypt(body[:_NONCE], body[_NONCE:], MAGIC)
    except (InvalidTag, ValueError):
        return None
