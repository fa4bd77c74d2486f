"""The change feed across processes: every desk hears what the others committed.

The unit of work calls :func:`announce` in the transaction it is about to commit, so a
change and its announcement live or die together:

* PostgreSQL: ``pg_notify`` on :data:`CHANNEL` — delivered to every listening session
  when (and only when) the transaction commits.
* SQLite: a row in ``change_feed`` (a small change-sequence table, the newest
  :data:`KEEP` rows); the other processes notice ``PRAGMA data_version`` moving and read
  the new rows. Polled every :data:`POLL_SECONDS`.

The payload is the serialised ``Changes`` plus the process that made them (its own are
skipped: it announced them in-process already). A :class:`Watcher` thread hands the
others' ``Changes`` to a callback (the desktop's event bus), so lists, forms and counts
refresh as for a change made at this desk.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, bindparam, delete, func, insert, select

from helpdesk.domain.events import Changes
from helpdesk.storage import prepared, tables

log = logging.getLogger(__name__)

CHANNEL = "helpdesk_changes"
ORIGIN = uuid.uuid4().hex
"""This process (a desk, the command line): its own announcements are not news to it."""
KEEP = 1000
"""Rows kept in SQLite's ``change_feed``; a desk that fell further behind reloads all."""
POLL_SECONDS = 1.0
MAX_PAYLOAD = 7000  # PostgreSQL refuses a NOTIFY payload of 8000 bytes or more
RETRY_SECONDS = 5.0


def encode(changes: Changes, origin: str = ORIGIN) -> str:
    """The payload: ``Changes`` as JSON (an import's thousands of ids become
    "everything", which fits any payload limit)."""
    data: dict[str, Any] = {"o": origin}
    if changes.everything:
        data["all"] = True
    if changes.sheet_ids:
        data["s"] = sorted(changes.sheet_ids)
    if changes.customer_ids:
        data["c"] = sorted(changes.customer_ids)
    if changes.settings:
        data["set"] = True
    if changes.users:
        data["u"] = True
    text = json.dumps(data, separators=(",", ":"))
    if len(text) > MAX_PAYLOAD:
        text = json.dumps({"o": origin, "all": True,
                           "set": changes.settings or None, "u": changes.users or None})
    return text


def decode(payload: str) -> tuple[str, Changes]:
    """(origin, changes) of a payload; an unreadable one counts as "everything"."""
    try:
        data = json.loads(payload)
        return str(data.get("o", "")), Changes(
            sheet_ids=frozenset(int(i) for i in data.get("s", ())),
            customer_ids=frozenset(int(i) for i in data.get("c", ())),
            settings=bool(data.get("set")), users=bool(data.get("u")),
            everything=bool(data.get("all")))
    except (ValueError, TypeError, AttributeError):
        log.warning("unreadable change payload %r", payload[:200])
        return "", Changes(everything=True)


# Built once, run on the driver: every save runs it (issue 13).
_ANNOUNCE = prepared.Prepared(
    insert(tables.change_feed).values(origin=bindparam("origin"), payload=bindparam("payload"))
    .returning(tables.change_feed.c.seq))


def announce(uow: prepared.SessionLink, changes: Changes) -> None:
    """Tell the other processes about ``changes`` in the transaction of the unit of
    work ``uow`` (before its commit: sent if and only if the commit succeeds)."""
    if not changes:
        return
    payload = encode(changes)
    if uow.dialect == "postgresql":
        uow.session.execute(select(func.pg_notify(CHANNEL, payload)))
        return
    feed = tables.change_feed
    seq = _ANNOUNCE.scalar(uow, {"origin": ORIGIN, "payload": payload})
    if seq is not None and seq % 100 == 0:  # prune now and then
        uow.session.execute(delete(feed).where(feed.c.seq <= seq - KEEP))


Publish = Callable[[Changes], None]


class Watcher:
    """A daemon thread that hands the other processes' committed ``Changes`` to
    ``publish`` (called in that thread: it must be thread-safe, as the event bus is).

    ``stop()`` ends it (and is idempotent)."""

    def __init__(self, engine: Engine, publish: Publish, *,
                 poll_seconds: float = POLL_SECONDS) -> None:
        self.engine = engine
        self.publish = publish
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="helpdesk-change-feed",
                                        daemon=True)

    def start(self) -> Watcher:
        self._thread.start()
        self._ready.wait(10)  # listening before start() returns: nothing is missed
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(5)

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            try:
                if self.engine.dialect.name == "postgresql":
                    self._listen(missed)
                else:
                    self._poll(missed)
            except Exception:  # noqa: BLE001 - a lost connection: retry, reload all
                log.warning("change feed interrupted; retrying in %s s", RETRY_SECONDS,
                            exc_info=True)
                missed = True
                self._ready.set()
                self._stop.wait(RETRY_SECONDS)

    def _deliver(self, items: list[tuple[str, Changes]]) -> None:
        others = [changes for origin, changes in items if origin != ORIGIN]
        if others:
            changes = Changes.union(others)
            if changes:
                self.publish(dataclasses.replace(changes, remote=True))

    # ------------------------------------------------------------ PostgreSQL
    def _listen(self, missed: bool) -> None:
        pooled = self.engine.raw_connection()
        conn: Any = pooled.driver_connection
        pooled.detach()  # a session of its own for as long as the desk runs
        try:
            conn.rollback()  # the pool's liveness check may have opened a transaction
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            if missed:
                self.publish(Changes(everything=True, remote=True))
            while not self._stop.is_set():
                items = [decode(n.payload) for n in conn.notifies(timeout=0.5)]
                self._deliver(items)
        finally:
            pooled.close()

    # ---------------------------------------------------------------- SQLite
    def _poll(self, missed: bool) -> None:
        pooled = self.engine.raw_connection()
        feed = tables.change_feed
        try:
            cursor = pooled.cursor()
            version = cursor.execute("PRAGMA data_version").fetchone()[0]
            last = cursor.execute(f"SELECT coalesce(max(seq), 0) FROM {feed.name}") \
                .fetchone()[0]
            self._ready.set()
            if missed:
                self.publish(Changes(everything=True, remote=True))
            while not self._stop.wait(self.poll_seconds):
                now = cursor.execute("PRAGMA data_version").fetchone()[0]
                if now == version:
                    continue  # nobody else committed: the poll costs one pragma
                version = now
                rows = cursor.execute(
                    f"SELECT seq, origin, payload FROM {feed.name} WHERE seq > ? "
                    "ORDER BY seq", (last,)).fetchall()
                if not rows:
                    continue
                first = rows[0][0]
                items = [(str(origin), decode(str(payload))[1])
                         for _seq, origin, payload in rows]
                if first > last + 1 and last:
                    # Rows were pruned before this desk read them: reload everything.
                    items.append(("", Changes(everything=True)))
                last = rows[-1][0]
                self._deliver(items)
        finally:
            pooled.close()


def watch(engine: Engine, publish: Publish) -> Callable[[], None]:
    """Start hearing the other processes' changes; returns the function that stops."""
    return Watcher(engine, publish).start().stop
