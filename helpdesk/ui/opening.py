"""Opening the database behind the login window (issue 13).

Importing the database layer (SQLAlchemy, the tables, the services) and opening the
file — migrating it first, with a backup, when its schema is behind — takes most of a
second at best and a minute for a large database to upgrade. The desktop shows its login
window at once and lets a :class:`DatabaseOpener` do that work on a thread meanwhile;
the person types their name and password, and the login waits for the database only if
it is not open yet. Nothing of the database layer is imported by this module.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from helpdesk.services.session import OpenDatabase


class DatabaseOpener(QObject):
    """Opens the database at ``url`` (``None``: the configured one) on a thread and
    finds out whether it has been set up.

    Create it in the UI thread. After :meth:`start`, ``finished`` is emitted in the UI
    thread once the work is over; then either ``database`` (with ``initialised``) or
    ``error`` is set. :meth:`close` waits for the thread and closes the database.

    Signals:
        finished(): the database is open, or could not be opened.
    """

    finished = Signal()
    _over = Signal()  # emitted on the worker thread, delivered in the UI thread

    def __init__(self, url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.database: OpenDatabase | None = None
        self.initialised = False
        self.error: Exception | None = None
        self._thread: threading.Thread | None = None
        self._over.connect(self._deliver)
        self.done = False  # set in the UI thread, when ``finished`` is emitted

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="helpdesk-open-database",
                                            daemon=True)
            self._thread.start()

    def _work(self) -> None:
        # The services are imported here, on the thread, not before the window.
        from helpdesk.services import diagnostics, session, setup

        try:
            database = session.open_database(self.url)
            try:
                self.initialised = setup.is_initialised(database.uow())
            except BaseException:
                database.close()
                raise
            self.database = database
        except Exception as exc:  # noqa: BLE001 - shown to the user by the application
            diagnostics.log_exception("opening the database failed", exc)
            self.error = exc
        self._over.emit()

    @Slot()
    def _deliver(self) -> None:
        self.done = True
        self.finished.emit()

    def wait(self) -> None:
        """Block until the thread has finished (its answer may not be delivered yet)."""
        if self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        """Wait for the thread, then close the database if it was opened."""
        self.wait()
        database, self.database = self.database, None
        if database is not None:
            database.close()
