"""The main window: menu bar, toolbar, pages, status bar; the sheet windows it opens.

Pages are injected (``Page``): the complaint list, the customer browser, the reports
and the settings are built by ``app.py``, and tests build a window with the pages they
need. A page is created the first time it is shown. A page widget with a
``sheet_open_requested(int)`` signal, or a ``new_sheet_requested`` signal (with or
without a customer id), is connected to :meth:`MainWindow.open_sheet` and
:meth:`MainWindow.new_sheet`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.services import audit_chain, complaints, diagnostics, drafts, users
from helpdesk.ui import crash, labels, messages, widgets
from helpdesk.ui.complaints.form import SheetWindow, fitted_size
from helpdesk.ui.context import AppContext

_Window = TypeVar("_Window", bound=QWidget)


@dataclass(frozen=True)
class Page:
    """One page of the main window.

    Attributes:
        key: stable name (``"complaints"``, ``"customers"``, ``"reports"``, ``"settings"``).
        title: English source text; shown translated in the context ``"pages"`` (mark
            it with ``QT_TRANSLATE_NOOP("pages", ...)``).
        icon: shown in the toolbar (None: none).
        factory: builds the page widget from the context, the first time it is shown.
    """

    key: str
    title: str
    icon: QIcon | None
    factory: Callable[[AppContext], QWidget]


def _page_title(page: Page) -> str:
    return QCoreApplication.translate("pages", page.title)


def engine_mod_is_sqlite(url: str) -> bool:
    """Whether the desk's database is a SQLite file it can back up itself."""
    from helpdesk.services import backups

    return backups.is_sqlite_url(url)


class MainWindow(QMainWindow):
    """The desk's main window.

    Signals:
        logout_requested(): the user logged out (the application shows the login).
        closed(): the window closed (after logging out or quitting).
    """

    logout_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, *, pages: Sequence[Page],
                 print_sheet: Callable[[int], None] | None = None,
                 reply_letter: Callable[[int], None] | None = None,
                 open_archive: Callable[[Path], QWidget | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setStyleSheet(widgets.FIELD_STYLE)
        self._ctx = ctx
        self._pages = list(pages)
        self._widgets: dict[str, QWidget] = {}
        self._print_sheet = print_sheet
        self._reply_letter = reply_letter
        self.sheet_windows: list[SheetWindow] = []
        self.logged_out = False
        # issue 11: archives opened from this window (each its own read-only window)
        self._open_archive = open_archive
        self.archive_windows: list[QWidget] = []
        self.read_only = ctx.read_only

        self.stack = QStackedWidget(objectName="pageStack")
        self.setCentralWidget(self.stack)
        self._placeholders: dict[str, QWidget] = {}
        for page in self._pages:
            placeholder = QWidget()
            self._placeholders[page.key] = placeholder
            self.stack.addWidget(placeholder)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._retranslate()

        ctx.bus.busy_changed.connect(self._on_busy_changed)
        ctx.bus.changed.connect(self._on_changes)
        geometry = ctx.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(fitted_size(self, 1280, 760))
        state = ctx.settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        if self._pages:
            self.show_page(self._pages[0].key)

    # ------------------------------------------------------------ building
    def _build_actions(self) -> None:
        style = self.style()
        icon = style.standardIcon
        self.new_action = QAction(icon(QStyle.StandardPixmap.SP_FileIcon), "", self,
                                  objectName="newSheetAction")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        # The lambda keeps triggered's `checked` out of new_sheet's customer_id.
        self.new_action.triggered.connect(lambda: self.new_sheet())  # noqa: PLW0108
        self.open_action = QAction(icon(QStyle.StandardPixmap.SP_DirOpenIcon), "", self,
                                   objectName="openSheetAction")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_by_number)
        self.find_action = QAction(self, objectName="findAction")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(icon(QStyle.StandardPixmap.SP_BrowserReload), "", self,
                                      objectName="refreshAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.logout_action = QAction(self, objectName="logoutAction")
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = QAction(self, objectName="quitAction")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.shortcuts_action = QAction(self, objectName="shortcutsAction")
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self._on_shortcuts)
        self.about_action = QAction(self, objectName="aboutAction")
        self.about_action.triggered.connect(self._on_about)
        self.open_log_action = QAction(self, objectName="openLogFolderAction")
        self.open_log_action.triggered.connect(crash.open_log_folder)
        self.copy_diagnostics_action = QAction(self, objectName="copyDiagnosticsAction")
        self.copy_diagnostics_action.triggered.connect(self._on_copy_diagnostics)
        self.backup_action = QAction(self, objectName="backupAction")
        self.backup_action.triggered.connect(self.open_backups)
        self.backup_action.setVisible(
            self._ctx.user is not None and self._ctx.user.can(Permission.MANAGE_SETTINGS)
            and engine_mod_is_sqlite(self._ctx.database_url))
        self.import_sheets_action = QAction(self, objectName="importSheetsAction")
        self.import_sheets_action.triggered.connect(self.import_sheets)
        user = self._ctx.user
        self.import_sheets_action.setVisible(
            user is not None and user.can(Permission.IMPORT_DATA)
            and user.can(Permission.MANAGE_CUSTOMERS))
        self.verify_audit_action = QAction(self, objectName="verifyAuditAction")
        self.verify_audit_action.triggered.connect(self._on_verify_audit)
        user = self._ctx.user
        self.verify_audit_action.setVisible(
            user is not None and Permission.VIEW_AUDIT in user.permissions)
        self.open_archive_action = QAction(self, objectName="openArchiveAction")
        self.open_archive_action.triggered.connect(self.choose_archive)
        may_open_archive = self._open_archive is not None and user is not None \
            and user.can(Permission.VIEW_SHEETS)
        self.open_archive_action.setVisible(may_open_archive)
        self.open_archive_action.setEnabled(may_open_archive)
        if self.read_only:  # issue 11: an archive: nothing to register, import or back up
            for action in (self.new_action, self.import_sheets_action, self.backup_action,
                           self.logout_action, self.verify_audit_action):
                action.setVisible(False)
                action.setEnabled(False)

        self.page_group = QActionGroup(self)
        self.page_group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}
        for i, page in enumerate(self._pages):
            action = QAction(page.icon or QIcon(), "", self, objectName=f"page_{page.key}")
            action.setCheckable(True)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, key=page.key: self.show_page(key))
            self.page_group.addAction(action)
            self.page_actions[page.key] = action

        toolbar = QToolBar(objectName="mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        toolbar.addSeparator()
        for action in self.page_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        self.toolbar = toolbar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.import_sheets_action)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.open_archive_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.logout_action)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.page_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.open_log_action)
        self.help_menu.addAction(self.copy_diagnostics_action)
        self.help_menu.addAction(self.verify_audit_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel(objectName="userLabel")
        self.database_label = QLabel(objectName="databaseLabel")
        self.busy_label = QLabel(objectName="busyLabel")
        self.busy_bar = QProgressBar(objectName="busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.hide()
        self.busy_label.hide()
        self.backup_label = QLabel(objectName="backupLabel")
        self.notice_label = QLabel(objectName="noticeLabel")
        self.notice_label.setStyleSheet(widgets.ERROR_STYLE)
        self.notice_label.hide()
        status.addWidget(self.user_label)
        status.addWidget(self.database_label, 1)
        if self.read_only:  # issue 11: never mistaken for the live database
            self.database_label.setStyleSheet(widgets.ERROR_STYLE)
        status.addPermanentWidget(self.notice_label)
        status.addPermanentWidget(self.backup_label)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)  # the daily backup is checked hourly
        self._backup_timer.timeout.connect(self.run_daily_backup)
        if engine_mod_is_sqlite(self._ctx.database_url) and not self.read_only:
            self._backup_timer.start()
            QTimer.singleShot(0, self.run_daily_backup)
        if not self.read_only:
            QTimer.singleShot(0, self.check_next_year_holidays)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.busy_bar)

    # ------------------------------------------------------------ backups, holidays
    def open_backups(self) -> None:
        from helpdesk.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(self._ctx, parent=self)
        dialog.restored.connect(self._after_restore)
        dialog.exec()
        dialog.deleteLater()
        self._show_backup_age()

    def _after_restore(self) -> None:
        QMessageBox.information(self, self.tr("Backups"), self.tr(
            "The database was restored. Helpdesk closes now; start it again to work on "
            "the restored data."))
        self.close()

    def run_daily_backup(self) -> None:
        """The automatic backup, in the background, when it is on and due."""
        from helpdesk.services import backups

        url, uow = self._ctx.database_url, self._ctx.uow()

        def work() -> object:
            return backups.run_daily(url, backups.auto_backup_settings(uow))

        self._ctx.run(work, lambda _saved: self._show_backup_age(),
                      self._backup_failed, owner=self)

    def _backup_failed(self, exc: Exception) -> None:
        self.notice_label.setText(messages.error_text(exc) if isinstance(exc, HelpdeskError)
                                  else messages.unexpected_text(exc))
        self.notice_label.show()

    def _show_backup_age(self) -> None:
        from helpdesk.services import backups

        if not engine_mod_is_sqlite(self._ctx.database_url):
            self.backup_label.hide()
            return
        last = backups.last_backup(self._ctx.database_url,
                                   backups.auto_backup_settings(self._ctx.uow()))
        self.backup_label.setText(self.tr("Last backup: %1").replace(
            "%1", last.strftime("%Y-%m-%d") if last else self.tr("none")))
        self.backup_label.setStyleSheet(widgets.ERROR_STYLE if backups.is_stale(last) else "")
        self.backup_label.setToolTip(self.tr("Older than 2 days: back up now (File > "
                                             "Backups…)") if backups.is_stale(last) else "")

    def check_next_year_holidays(self) -> None:
        """In December, tell the administrator when next year has no holidays yet."""
        from helpdesk.services import holidays

        user = self._ctx.user
        if user is None or not user.can(Permission.MANAGE_SETTINGS):
            return
        missing = holidays.next_year_missing(self._ctx.uow(), user.id)
        if missing:
            self.notice_label.setText(self.tr(
                "No public holidays for next year yet (%1): Settings > Calendar > Load "
                "official holidays").replace("%1", "、".join(missing)))
            self.notice_label.show()

    def import_sheets(self) -> None:
        """The import dialog for complaint sheets (a store's ledger or the template)."""
        from helpdesk.transfer import spreadsheets as importing
        from helpdesk.ui.customers.import_dialog import ImportDialog

        dialog = ImportDialog(self._ctx, kind=importing.SHEETS, parent=self)
        dialog.exec()
        dialog.deleteLater()

    # ------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.archive_title() if self.read_only
                            else self.tr("Helpdesk — complaint desk"))
        self.open_archive_action.setText(self.tr("Open &archive…"))
        self.open_archive_action.setToolTip(self.tr(
            "Read an archive of old closed sheets (read-only)"))
        self.new_action.setText(self.tr("&New sheet"))
        self.new_action.setToolTip(self.tr("Register a new complaint (Ctrl+N)"))
        self.open_action.setText(self.tr("&Open sheet by number…"))
        self.find_action.setText(self.tr("&Find"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.logout_action.setText(self.tr("&Log out"))
        self.quit_action.setText(self.tr("&Close archive") if self.read_only
                                 else self.tr("&Quit"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Helpdesk"))
        self.open_log_action.setText(self.tr("Open &log folder"))
        self.copy_diagnostics_action.setText(self.tr("Copy &diagnostics"))
        self.import_sheets_action.setText(self.tr("&Import complaint sheets…"))
        self.backup_action.setText(self.tr("&Backups…"))
        self._show_backup_age()
        self.verify_audit_action.setText(self.tr("&Verify the audit trail"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        for page in self._pages:
            self.page_actions[page.key].setText(_page_title(page))
        user = self._ctx.user
        if user is not None:
            self.user_label.setText(self.tr("%1 (%2)").replace("%1", user.display_name)
                                    .replace("%2", labels.roles_text(user.roles)))
        self.database_label.setText(self.archive_title() if self.read_only else self.tr(
            "Database: %1").replace("%1", self._ctx.database_description))
        self.database_label.setToolTip(self._ctx.database_description)

    # ------------------------------------------------------------ pages
    def page(self, key: str) -> QWidget | None:
        """The page widget (created now if it was not shown yet); None if unknown."""
        if key in self._widgets:
            return self._widgets[key]
        page = next((p for p in self._pages if p.key == key), None)
        if page is None:
            return None
        widget = page.factory(self._ctx)
        self._connect_page(widget)
        placeholder = self._placeholders[key]
        index = self.stack.indexOf(placeholder)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._widgets[key] = widget
        return widget

    def show_page(self, key: str) -> QWidget | None:
        widget = self.page(key)
        if widget is None:
            return None
        self.stack.setCurrentWidget(widget)
        self.page_actions[key].setChecked(True)
        return widget

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self._widgets.items() if w is current), "")

    def _connect_page(self, widget: QWidget) -> None:
        opened = getattr(widget, "sheet_open_requested", None)
        if opened is not None:
            opened.connect(self.open_sheet)
        new = getattr(widget, "new_sheet_requested", None)
        if new is not None and not self.read_only:
            new.connect(lambda *args: self.new_sheet(*(int(a) for a in args[:1] if a)))

    # ------------------------------------------------------------ sheets
    def new_sheet(self, customer_id: int | None = None) -> SheetWindow:
        """Open an empty sheet form (for ``customer_id`` when given)."""
        return self._open_window(SheetWindow(self._ctx, customer_id=customer_id,
                                             print_sheet=self._print_sheet,
                                             reply_letter=self._reply_letter, parent=self))

    def open_sheet(self, sheet_id: int) -> SheetWindow | None:
        """Show the sheet's window (raising it when it is open already)."""
        for window in self.sheet_windows:
            if window.sheet_id == sheet_id:
                window.show()
                window.raise_()
                window.activateWindow()
                return window
        try:
            window = SheetWindow(self._ctx, sheet_id=sheet_id, print_sheet=self._print_sheet,
                                 reply_letter=self._reply_letter, parent=self)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return None
        return self._open_window(window)

    def _open_window(self, window: SheetWindow, ) -> SheetWindow:
        self.sheet_windows.append(window)
        window.form.sheet_open_requested.connect(self.open_sheet)  # issue 9
        window.destroyed.connect(lambda *_: _forget(self.sheet_windows, window))
        window.finished.connect(lambda *_: _forget(self.sheet_windows, window))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    # ------------------------------------------------------------ archives (issue 11)
    def archive_title(self) -> str:
        """“Archive (read-only): FILE”, in the title and the status bar of an archive."""
        return self.tr("Archive (read-only): %1").replace(
            "%1", self._ctx.database_description)

    def choose_archive(self) -> QWidget | None:
        """Ask for an archive file and open it in its own read-only window."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open archive"), "",
            self.tr("Helpdesk archives (*.db);;All files (*)"))
        return self.open_archive(Path(path)) if path else None

    def open_archive(self, path: Path) -> QWidget | None:
        """The archive at ``path`` in a read-only window (None: it could not be opened,
        the reason was shown)."""
        if self._open_archive is None:
            return None
        try:
            window = self._open_archive(path)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return None
        if window is not None:
            self.archive_windows.append(window)
            window.destroyed.connect(lambda *_: _forget(self.archive_windows, window))
        return window

    def _on_open_by_number(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Open sheet"),
                                          self.tr("Sheet number or its last digits "
                                                  "(e.g. TS-2026-000123 or 123):"))
        if not ok or not number.strip():
            return
        try:
            sheet_id = complaints.find_sheet_id(self._ctx.uow(), number.strip())
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return
        self.open_sheet(sheet_id)

    def offer_drafts(self, *, ask: Callable[[int], str] | None = None) -> list[SheetWindow]:
        """After a crash: offer the unsaved sheets left in drafts.

        ``ask(count)`` returns ``"restore"``, ``"discard"`` or ``""`` (later); by default
        a message box asks."""
        if self._ctx.user is None:
            return []
        found = drafts.list_drafts(self._ctx.database_description, self._ctx.user.username)
        if not found:
            return []
        answer = (ask or self._ask_restore)(len(found))
        opened: list[SheetWindow] = []
        for draft in found:
            if answer == "restore":
                try:
                    window = SheetWindow(self._ctx, draft=draft, print_sheet=self._print_sheet,
                                         reply_letter=self._reply_letter, parent=self)
                except HelpdeskError as exc:
                    widgets.show_error(self, exc)
                    continue
                opened.append(self._open_window(window))
            elif answer == "discard":
                drafts.discard_draft(self._ctx.database_description, self._ctx.user.username,
                                     draft.key)
        return opened

    def _ask_restore(self, count: int) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved sheets found"),
                          self.tr("%n complaint sheet(s) were not saved when the program "
                                  "last ended. Restore them now?", "", count), parent=self)
        box.setObjectName("restoreDraftsBox")
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Ask me &later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else ""

    # ------------------------------------------------------------ other actions
    def focus_search(self) -> None:
        widget = self.stack.currentWidget()
        if not hasattr(widget, "focus_search"):
            widget = self.show_page("complaints") or widget
        focus = getattr(widget, "focus_search", None)
        if focus is not None:
            focus()

    def refresh(self) -> None:
        widget = self.stack.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if refresh is not None:
            refresh()

    def logout(self) -> None:
        if not self._close_sheet_windows():
            return
        self.logged_out = True
        self.logout_requested.emit()
        self.close()

    def _close_sheet_windows(self) -> bool:
        for window in list(self.sheet_windows):
            if not window.close():
                return False
        return True

    def _on_changes(self, changes: Changes) -> None:
        """The status bar names who is logged in: their name or roles may have changed
        (the services check permissions afresh on every call anyway)."""
        if not (changes.users or changes.everything) or self._ctx.user is None:
            return
        try:
            self._ctx.user = users.get_session_user(self._ctx.uow(), self._ctx.user.id)
        except HelpdeskError:
            return  # deactivated: the next operation says so
        self._retranslate()

    def _on_busy_changed(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))
        self.busy_bar.setVisible(bool(text))

    def _on_shortcuts(self) -> None:
        rows = [
            ("Ctrl+N", self.tr("New complaint sheet")),
            ("Ctrl+O", self.tr("Open a sheet by its number")),
            ("Ctrl+F", self.tr("Search the complaint list")),
            ("Ctrl+1 … Ctrl+4", self.tr("Complaints, customers, reports, settings")),
            ("F5", self.tr("Refresh")),
            ("Ctrl+S", self.tr("Save the sheet")),
            ("Ctrl+P", self.tr("Print the sheet")),
            ("Esc", self.tr("Close the dialog or sheet window")),
            ("Tab / Shift+Tab", self.tr("Next / previous field")),
        ]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"),
                          shortcuts_table(rows), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("shortcutsBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def about_text(self) -> str:
        facts = diagnostics.collect()
        return self.tr(
            "Helpdesk %1 — the complaint desk (客诉管理) for dealership after-sales and "
            "retail stores.\n\nDatabase: %2\nData folder: %3\nLog file: %4"
        ).replace("%1", facts.version).replace("%2", self._ctx.database_description) \
            .replace("%3", facts.data_folder).replace("%4", facts.log_file)

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Helpdesk"), self.about_text())

    def _on_copy_diagnostics(self) -> None:
        crash.copy_diagnostics(database=self._ctx.database_description, uow=self._ctx.uow())
        self.statusBar().showMessage(self.tr("Diagnostics copied to the clipboard"), 5000)

    def _on_verify_audit(self) -> None:
        user = self._ctx.user
        if user is None:
            return
        uow = self._ctx.uow()
        self._ctx.run(lambda: audit_chain.verify_as(uow, user.id), self._show_audit_verdict,
                      label=self.tr("Verifying the audit trail…"), owner=self)

    def audit_verdict_text(self, report: audit_chain.ChainReport) -> str:
        """What the check found, in the user's language."""
        if report.ok:
            return self.tr("The audit trail is intact: %1 entries, each linked to the one "
                           "before it.").replace("%1", f"{report.checked:,}")
        lines = []
        if report.broken_id is not None:
            at = f"{report.broken_at:%Y-%m-%d %H:%M}" if report.broken_at else "?"
            lines.append(self.tr(
                "The audit trail was altered: entry #%1 (%2, %3) and every entry after "
                "it no longer match their hash chain.").replace("%1", str(report.broken_id))
                .replace("%2", report.broken_action).replace("%3", at))
        if report.missing_tail:
            lines.append(self.tr(
                "The audit trail was cut short: the last %1 entries are missing (it held "
                "%2).").replace("%1", str(report.missing_tail))
                .replace("%2", f"{report.checked + report.missing_tail:,}"))
        if report.anchor_broken:
            lines.append(self.tr(
                "The audit trail does not end where its signed anchor says: entries were "
                "added or replaced at its end, or the anchor was changed."))
        if report.missing_guards:
            lines.append(self.tr(
                "The database's guards of the audit trail were removed or switched off: "
                "%1.").replace("%1", ", ".join(report.missing_guards)))
        return "\n\n".join(lines)

    def _show_audit_verdict(self, report: audit_chain.ChainReport) -> None:
        title = self.tr("Audit trail")
        if report.ok:
            QMessageBox.information(self, title, self.audit_verdict_text(report))
        else:
            QMessageBox.warning(self, title, self.audit_verdict_text(report))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._close_sheet_windows():
            event.ignore()
            return
        for archive_window in list(self.archive_windows):
            archive_window.close()
        if not self.read_only:  # an archive's window keeps no layout of its own
            self._ctx.settings.setValue("main/geometry", self.saveGeometry())
            self._ctx.settings.setValue("main/state", self.saveState())
            for widget in self._widgets.values():
                save = getattr(widget, "save_state", None)
                if save is not None:
                    save()
        event.accept()
        super().closeEvent(event)
        self.closed.emit()


def _forget(windows: list[_Window], window: _Window) -> None:
    """Take a window that closed or was destroyed off its list (both may tell)."""
    if window in windows:
        windows.remove(window)


def shortcuts_table(rows: list[tuple[str, str]]) -> str:
    """Keys and what they do as a two-column table: columns line up in any font,
    which spaces in a proportional font never did."""
    cells = "".join(
        f"<tr><td style='padding-right:16px'><b>{html.escape(key)}</b></td>"
        f"<td>{html.escape(what)}</td></tr>" for key, what in rows)
    return f"<table cellspacing='4'>{cells}</table>"
