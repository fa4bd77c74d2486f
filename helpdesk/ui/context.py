"""What every screen is given: how to reach the services, who is logged in, the event
bus, and one helper to run slow work off the UI thread.

Widgets receive an ``AppContext`` (no global singletons): they call
``helpdesk.services`` functions with ``ctx.uow()`` and ``ctx.user.id``. Each unit of
work ``ctx.uow()`` gives publishes the ``Changes`` of every commit on ``ctx.bus.changed``
(in the UI thread, whichever thread committed); every open view connects it to its own
``_on_changes(changes)`` and redraws if it cares. Nobody announces changes by hand.
"""

from __future__ import annotations

import contextlib
import logging
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSettings,
    QThreadPool,
    Signal,
    Slot,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import diagnostics, session

if TYPE_CHECKING:  # the login window comes before SQLAlchemy and the domain (issue 13)
    from helpdesk.domain.events import Changes
    from helpdesk.services.common import UnitOfWork
    from helpdesk.services.dto import SessionUser

log = logging.getLogger(__name__)


_held = [0]  # saves running now (a list: changed in place, no global statement)
_waiting: list[tuple[EventBus, Changes]] = []


@contextlib.contextmanager
def changes_held() -> Iterator[None]:
    """Keep every bus's changes back while a save runs (``widgets.write`` waits for it
    in a nested event loop): views see them once the code that saved has finished —
    loaded the saved sheet, shown the customer asked for — as when saves were direct
    calls. UI thread only."""
    _held[0] += 1
    try:
        yield
    finally:
        _held[0] -= 1
        if not _held[0]:
            waiting = list(_waiting)
            _waiting.clear()
            for bus, changes in waiting:
                if shiboken6.isValid(bus):
                    bus.publish(changes)  # delivered at the event loop's next turn


class EventBus(QObject):
    """Announces changes so every open view can refresh itself.

    Create it in the UI thread: ``publish`` may be called from any thread; ``changed``
    is emitted in the thread the bus lives in, at its event loop's next turn — after
    the operation that committed has returned, so a view's refresh never runs inside
    (or fails) the use case.

    Signals:
        changed(Changes): one operation's committed changes (``domain.events.Changes``).
        busy_changed(str): text of the slow operation running now ("" when idle).
        language_changed(str): the UI language switched (locale name).
    """

    changed = Signal(object)
    busy_changed = Signal(str)
    language_changed = Signal(str)

    # Carries a change from whatever thread committed into the bus's own thread.
    _published = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        # Here, not with the module: the login window (which imports this module) is
        # shown before the Qt namespace's 94 enums are made (issue 13).
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self._published.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def publish(self, changes: Changes) -> None:
        """Announce ``changes`` (thread-safe)."""
        self._published.emit(changes)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        if _held[0]:
            _waiting.append((self, changes))
            return
        self.changed.emit(changes)


class _Relay(QObject):
    """Carries one background job's answer into the UI thread.

    Owned by the application object (never by Python's garbage collector, which may run
    in any thread) and deleted with ``deleteLater`` in the UI thread once it has
    delivered; the callbacks run only while their owner widget still exists — a job
    that outlives its screen must not touch deleted widgets."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_success: Callable[[Any], None],
                 on_failure: Callable[[Exception], None] | None,
                 owner: QObject | None, finished: Callable[[_Relay], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._on_success: Callable[[Any], None] | None = on_success
        self._on_failure = on_failure
        self._owner = owner
        self._finished: Callable[[_Relay], None] | None = finished
        # Slots of this object: the queued call goes to the UI thread, where it lives.
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _done(self) -> tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]:
        callbacks = (self._on_success, self._on_failure)
        if self._finished is not None:
            self._finished(self)
        # Break every reference to widgets and closures, then go at the next turn of
        # the UI thread's event loop.
        self._on_success = self._on_failure = self._finished = self._owner = None
        self.deleteLater()
        return callbacks

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        alive = self._owner_alive()
        on_success, _ = self._done()
        if alive and on_success is not None:
            on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: Exception) -> None:
        alive = self._owner_alive()
        _, on_failure = self._done()
        if not alive:
            return
        if on_failure is None:
            raise exc
        on_failure(exc)


class _Job(QRunnable):
    """One background job; logs it when it fails or is slow (over
    ``diagnostics.SLOW_SECONDS``), since a support person reads the log, not the
    worker's memory."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay, label: str = "") -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.label = label or getattr(fn, "__qualname__", "") or repr(fn)
        self.setAutoDelete(True)

    def run(self) -> None:  # runs in a pool thread
        started = time.monotonic()
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread as a value
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            if isinstance(exc, HelpdeskError):  # refused or invalid: the user is told
                log.info("job %r refused: %s (%s)", self.label, exc.message, exc.code)
            else:
                log.error("job %r failed", self.label, exc_info=exc)
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)
        elapsed = time.monotonic() - started
        if elapsed > diagnostics.SLOW_SECONDS:
            log.warning("slow: job %r took %.1f s", self.label, elapsed)
        self.relay = None  # type: ignore[assignment]


ORGANIZATION = "Helpdesk"
APPLICATION = "Helpdesk"


def desktop_settings() -> QSettings:
    """The desktop's settings (window geometry, language, last login name...).

    With ``HELPDESK_HOME`` set they are an INI file in that folder, so a portable
    installation writes nothing to the registry or ``~/.config`` and never offers one
    installation's last login name to another; otherwise the system's place."""
    path = session.portable_settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


@dataclass
class AppContext:
    """Attributes:
    uow: factory of units of work (``helpdesk.services`` take one per call); each one
        publishes what its commits changed on ``bus.changed``.
    user: who is logged in (None before login).
    database_description: the SQLite file or server shown in the status bar.
    bus: the event bus.
    settings: per-user UI settings (window geometry, language, last filters).
    database_url: the database's URL (backups of a SQLite file from the desk).
    read_only: an archive is shown; the services refuse every write to it.
    """

    uow: Callable[[], UnitOfWork]
    database_description: str
    bus: EventBus = field(default_factory=EventBus)
    user: SessionUser | None = None
    settings: QSettings = field(default_factory=desktop_settings)
    _running: list[_Relay] = field(default_factory=list)
    # issue 10: the database's URL, for backups from the desk ("" when not known).
    database_url: str = ""
    # issue 11: an archive opened read-only (every edit action is hidden or disabled).
    read_only: bool = False

    def __post_init__(self) -> None:
        make = self.uow

        def uow() -> UnitOfWork:
            unit = make()
            unit.add_listener(self.bus.publish)
            return unit

        self.uow = uow

    @property
    def user_id(self) -> int:
        assert self.user is not None, "no user logged in"
        return self.user.id

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None = None,
        *,
        label: str = "",
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` in a worker thread; call back in the UI thread when done.

        While it runs, ``bus.busy_changed`` carries ``label`` (the status bar shows it
        with a progress indicator); a failure without ``on_failure`` is re-raised in
        the UI thread so it is never swallowed. The callbacks are skipped once
        ``owner`` (by default the object whose method ``on_success`` is) is deleted."""
        if owner is None:
            candidate = getattr(on_success, "__self__", None)
            owner = candidate if isinstance(candidate, QObject) else None

        def finished(relay: _Relay) -> None:
            if relay in self._running:
                self._running.remove(relay)
            if not self._running:
                self.bus.busy_changed.emit("")

        relay = _Relay(on_success, on_failure, owner, finished)
        self._running.append(relay)
        self.bus.busy_changed.emit(label or "…")
        QThreadPool.globalInstance().start(_Job(fn, relay, label))

    @property
    def busy(self) -> bool:
        return bool(self._running)
