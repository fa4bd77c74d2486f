"""The desktop application: start Qt, load the translations, show the login window while
the database is opened behind it (``ui.opening``), run the first-run setup when it is
new, then the main window.

``run()`` is what ``helpdesk`` (no arguments) and ``python -m helpdesk`` call. Options
(all optional): ``--database URL`` (a SQLite file path or ``postgresql://…``; default:
``HELPDESK_DATABASE_URL``, the config file, then the file in the user's data folder) and
``--lang zh_CN|zh_TW|en``; ``--archive FILE`` opens that archive read-only after the login
(issue 11); anything else is passed on to Qt (``-style``, ``-platform``…).
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import diagnostics, session
from helpdesk.ui import context, crash, i18n, messages, resources
from helpdesk.ui.context import AppContext
from helpdesk.ui.gc_guard import GarbageCollector
from helpdesk.ui.login import LoginDialog
from helpdesk.ui.opening import DatabaseOpener

# Qt classes (and the Qt namespace: its 94 enums are made in Python on first use, ~50 ms)
# that only the main window or a problem dialog needs are imported there, not before
# the login window (issue 13).

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QStyle

    from helpdesk.ui.main_window import MainWindow, Page

ORGANIZATION = context.ORGANIZATION
APPLICATION = context.APPLICATION

PAGE_TITLES = {
    "complaints": QT_TRANSLATE_NOOP("pages", "Complaints"),
    "customers": QT_TRANSLATE_NOOP("pages", "Customers"),
    "reports": QT_TRANSLATE_NOOP("pages", "Reports"),
    "settings": QT_TRANSLATE_NOOP("pages", "Settings"),
    "issued": QT_TRANSLATE_NOOP("pages", "Issued reports"),  # issue 11: in an archive
}


def build_pages(style: QStyle | None = None) -> list[Page]:
    """The pages of the main window, in the order of the toolbar."""
    # The pages (and the main window) are imported after the login, not before it.
    from PySide6.QtWidgets import QStyle

    from helpdesk.ui.complaints.list_page import ComplaintListPage
    from helpdesk.ui.customers.browser import CustomerBrowser
    from helpdesk.ui.main_window import Page
    from helpdesk.ui.reports.view import ReportsView
    from helpdesk.ui.settings.page import SettingsPage

    style = style or QApplication.style()
    icon = style.standardIcon
    return [
        Page("complaints", PAGE_TITLES["complaints"],
             icon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
             ComplaintListPage),
        Page("customers", PAGE_TITLES["customers"], icon(QStyle.StandardPixmap.SP_DirHomeIcon),
             CustomerBrowser),
        Page("reports", PAGE_TITLES["reports"],
             icon(QStyle.StandardPixmap.SP_FileDialogInfoView), ReportsView),
        Page("settings", PAGE_TITLES["settings"],
             icon(QStyle.StandardPixmap.SP_FileDialogListView), SettingsPage),
    ]


def main_window(ctx: AppContext) -> MainWindow:
    """The main window with every page and the print / reply-letter actions."""
    from helpdesk.ui.main_window import MainWindow
    from helpdesk.ui.reports import actions

    def print_sheet(sheet_id: int) -> None:
        actions.print_sheet(ctx, sheet_id, parent=QApplication.activeWindow())

    def reply_letter(sheet_id: int) -> None:
        actions.show_reply_letter(ctx, sheet_id, parent=QApplication.activeWindow())

    return MainWindow(ctx, pages=build_pages(), print_sheet=print_sheet,
                      reply_letter=reply_letter,
                      open_archive=functools.partial(archive_window, ctx))


def archive_pages(style: QStyle | None = None) -> list[Page]:
    """The pages of an archive's window: its sheets, customers and issued reports."""
    from PySide6.QtWidgets import QStyle

    from helpdesk.ui.main_window import Page
    from helpdesk.ui.reports.archived import ArchivedReportsPage

    style = style or QApplication.style()
    pages = [p for p in build_pages(style) if p.key in ("complaints", "customers")]
    return [*pages, Page("issued", PAGE_TITLES["issued"], style.standardIcon(
        QStyle.StandardPixmap.SP_FileDialogInfoView), ArchivedReportsPage)]


def archive_window(ctx: AppContext, path: Path) -> MainWindow:
    """The archive at ``path`` in its own read-only window, for the person logged in
    (``ctx``): nobody logs in to an archive, and nothing is written to it or, by
    reading it, to the live database (issue 11). Closing the window closes the file."""
    from PySide6.QtCore import Qt

    from helpdesk.services import archive
    from helpdesk.ui.main_window import MainWindow
    from helpdesk.ui.reports import actions

    opened = session.open_archive(path)
    try:
        reader = archive.reader(ctx.uow(), ctx.user_id, opened.uow())
    except BaseException:
        opened.close()
        raise
    archive_ctx = AppContext(uow=opened.uow, database_description=opened.description,
                             settings=ctx.settings, user=reader, read_only=True)

    def print_sheet(sheet_id: int) -> None:
        actions.print_sheet(archive_ctx, sheet_id, parent=QApplication.activeWindow())

    window = MainWindow(archive_ctx, pages=archive_pages(), print_sheet=print_sheet)
    window.setObjectName("archiveWindow")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.closed.connect(opened.close)
    window.show()
    return window


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="helpdesk", add_help=False)
    parser.add_argument("--database", "-d", default=None)
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES), default=None)
    parser.add_argument("--archive", default=None)
    return parser.parse_known_args(list(argv))


def application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (created once), with our names and the Fusion style."""
    app = QApplication.instance()
    if app is None:
        # Fusion by argument (last, so it wins as setStyle did): app.setStyle("Fusion")
        # returns the style, and PySide makes QStyle's 11 enums in Python for it, ~20 ms
        # before the login window (issue 13).
        app = QApplication([sys.argv[0] if sys.argv else "helpdesk", *argv,
                            "-style", "Fusion"])
    else:
        app.setStyle("Fusion")
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    icon = resources.resources_dir() / "icons" / "helpdesk.png"
    if icon.exists():  # every window (and the taskbar entry) shows it
        app.setWindowIcon(QIcon(str(icon)))
    return app


class DatabaseProblemDialog(QDialog):
    """The database could not be opened: say why; choose another one, or quit."""

    def __init__(self, error: BaseException, *, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

        super().__init__(parent)
        self.setObjectName("databaseProblemDialog")
        self.setWindowTitle(self.tr("The database cannot be opened"))
        text = messages.error_text(error) if isinstance(error, HelpdeskError) else \
            messages.unexpected_text(error)
        label = QLabel(text, objectName="databaseProblemText")
        label.setWordWrap(True)
        from helpdesk.ui.settings.page import DatabaseTab

        self.chooser = DatabaseTab(AppContext(uow=lambda: None,  # type: ignore[arg-type,return-value]
                                              database_description="—"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Retry |
                                   QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._retry)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.chooser)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _retry(self) -> None:
        self.chooser.save()
        self.accept()


def run(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application; returns the exit code."""
    args, qt_args = _parse(sys.argv[1:] if argv is None else argv)
    diagnostics.configure_logging("desktop")
    app = application(qt_args)
    reporter = crash.install(app)
    try:
        return _run(app, args)
    finally:
        reporter.uninstall()
        reporter.deleteLater()


def _run(app: QApplication, args: argparse.Namespace) -> int:
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go between the windows
    collector = GarbageCollector(parent=app)  # cycles are collected in the UI thread only
    settings = context.desktop_settings()
    i18n.install(args.lang or i18n.saved_language(settings))
    if args.lang:
        settings.setValue(i18n.SETTINGS_KEY, args.lang)
    url = args.database
    try:
        while True:
            opener = DatabaseOpener(url)
            try:
                outcome = _session(app, opener, settings,
                                   archive=Path(args.archive) if args.archive else None)
                args.archive = None  # opened once, not again after a logout
            finally:
                opener.close()
                opener.deleteLater()
            if outcome == "failed":
                return 1
            if outcome != "switch":
                return 0
            url = None  # the location the user chose is in the config now
    finally:
        collector.stop()


def _session(app: QApplication, opener: DatabaseOpener, settings: QSettings, *,
             archive: Path | None = None) -> str:
    """The login window at once, the database opened behind it (``opener``); the
    first-run setup if the database is new, then the main window until quit or logout.

    Returns ``"quit"``, ``"switch"`` (another database was chosen) or ``"failed"`` (the
    database could not be opened and the user gave up)."""
    login = LoginDialog(None, settings=settings)
    opener.finished.connect(functools.partial(_database_opened, opener, login))
    # The database opens once the window is drawn (issue 13): the thread's imports hold
    # the interpreter for tens of milliseconds, and begun before the first paint they
    # held the window back.
    login.on_screen.connect(functools.partial(QTimer.singleShot, 0, opener.start))
    while True:
        logging.getLogger(__name__).info("asking for a login")
        accepted = login.exec() == QDialog.DialogCode.Accepted and login.user is not None
        database = opener.database if opener.done else None
        if opener.done and opener.error is not None:
            problem = DatabaseProblemDialog(opener.error)
            return "switch" if problem.exec() == QDialog.DialogCode.Accepted else "failed"
        if not accepted and database is not None and not opener.initialised:
            from helpdesk.ui.first_run import FirstRunDialog

            if FirstRunDialog(database.uow).exec() != QDialog.DialogCode.Accepted:
                return "quit"
            opener.initialised = True
            login = LoginDialog(database.uow, database.description, settings=settings)
            continue
        if not accepted or login.user is None:
            if login.change_database and DatabaseProblemDialog(
                    HelpdeskError(QCoreApplication.translate(
                        "app", "Choose the database to open."))).exec():
                return "switch"
            return "quit"
        assert database is not None  # a login needs the open database
        logging.getLogger(__name__).info("logged in on %s", database.description)
        ctx = AppContext(uow=database.uow, database_description=database.description,
                         settings=settings, user=login.user, database_url=database.url)
        window = main_window(ctx)
        window.closed.connect(app.quit)
        # Issue 9: the other desks' commits reach this desk's views within a second.
        stop_watching = database.watch(ctx.bus.publish) if database.watch else None
        from helpdesk.ui.tray import DeskTray  # after login, with the window

        tray = DeskTray(ctx, parent=window)  # due-soon counts and notifications
        tray.open_sheet_requested.connect(window.open_sheet)
        window.statusBar().addPermanentWidget(tray.label)
        window.show()
        QTimer.singleShot(0, window.offer_drafts)
        if archive is not None:  # issue 11: helpdesk --archive FILE
            QTimer.singleShot(0, functools.partial(window.open_archive, archive))
            archive = None
        # Reading every order takes seconds on a large database: do it now, in the
        # background, so the customer page's filters answer at once when used.
        from helpdesk.services import analytics

        ctx.run(functools.partial(analytics.prepare, database.uow()), lambda _count: None,
                _log_preparation_failure,
                label=QCoreApplication.translate("app", "Preparing customer figures…"))
        app.exec()
        if stop_watching is not None:
            stop_watching()
        tray.close()
        logged_out = window.logged_out
        window.deleteLater()
        if not logged_out:
            return "quit"
        login = LoginDialog(database.uow, database.description, settings=settings)


def _database_opened(opener: DatabaseOpener, login: LoginDialog) -> None:
    """The opener is done: hand the database to the login window, or close the window
    so that the setup of a new database or the reason it cannot be opened is shown."""
    if not shiboken6.isValid(login) or not login.isVisible():
        return
    database = opener.database
    if database is not None and opener.initialised:
        login.set_database(database.uow, database.description)
    else:
        login.reject()


def _log_preparation_failure(error: Exception) -> None:
    # Not worth a dialog: the customer page computes the figures itself when asked.
    logging.getLogger(__name__).warning("preparing customer figures failed: %s", error)


def show_error(error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "Helpdesk", messages.error_text(error)
                         if isinstance(error, HelpdeskError) else messages.unexpected_text(error))
