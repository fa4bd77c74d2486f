"""What the desktop does with an error nobody caught: log it, say so, keep running.

:func:`install` makes ``sys.excepthook`` and ``threading.excepthook`` write the
traceback to the log (``services.diagnostics``) and show :class:`CrashDialog` in the UI
thread — instead of the window vanishing (a windowed build has no console to print to).
Also: "Open log folder" and "Copy diagnostics" for the Help menu.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from helpdesk.services import diagnostics
from helpdesk.ui import messages

# The reporter is installed before the login window, which does not wait for the ``Qt``
# namespace (94 enums made in Python on first use) or QUrl: they are imported where a
# dialog is shown or the log folder opened (issue 13).


class CrashDialog(QMessageBox):
    """"Something went wrong", the error in one line, where the log is.

    Attributes:
        error: the exception shown.
        open_log_button: opens the log folder.
    """

    def __init__(self, error: BaseException, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Helpdesk — unexpected error"))
        self.setText(self.tr(
            "Something went wrong, and what you were doing may not have been finished. "
            "Helpdesk is still running: check your last change, then carry on.\n\n"
            "If it happens again, send the log file to your support contact:\n%1")
            .replace("%1", str(diagnostics.log_path())))
        self.setInformativeText(messages.unexpected_text(error))
        self.open_log_button = QPushButton(self.tr("Open log folder"),
                                           objectName="crashOpenLogButton")
        self.addButton(self.open_log_button, QMessageBox.ButtonRole.ActionRole)
        self.open_log_button.clicked.connect(open_log_folder)
        self.addButton(QMessageBox.StandardButton.Ok)


class ErrorReporter(QObject):
    """Shows uncaught errors, from whatever thread, as a dialog in the UI thread.

    While one dialog is open, further errors (an error in a paint handler repeats at
    every repaint) are only logged.

    Signals:
        raised(object): an uncaught exception (any thread).
        shown(object): the dialog was opened (tests wait for it).
    """

    raised = Signal(object)
    shown = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.uninstall: Callable[[], None] = lambda: None  # set by install()
        # Emitted in another thread, the signal is queued to the UI thread; emitted in
        # the UI thread, _on_raised runs at once and puts the dialog off to the next turn.
        self.raised.connect(self._on_raised)

    def report(self, error: BaseException) -> None:
        """Thread-safe: the dialog opens at a later turn of the UI thread's loop (never
        inside the code that raised, a paint handler for one)."""
        self.raised.emit(error)

    @Slot(object)
    def _on_raised(self, error: BaseException) -> None:
        QTimer.singleShot(0, self, functools.partial(self._show, error))

    def _show(self, error: BaseException) -> None:
        from PySide6.QtCore import Qt

        if self.dialog is not None:
            return
        self.dialog = CrashDialog(error, parent=QApplication.activeWindow())
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()
        self.shown.emit(self.dialog)

    @Slot()
    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def install(app: QApplication) -> ErrorReporter:
    """Log and show every uncaught exception until ``reporter.uninstall()``."""
    reporter = ErrorReporter(app)
    reporter.uninstall = diagnostics.install_exception_hooks(reporter.report)
    return reporter


def open_log_folder() -> bool:
    """Open the log folder in the file manager (Explorer on Windows)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    folder = diagnostics.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def diagnostics_text(*, database: str = "", uow: object = None) -> str:
    """What "Copy diagnostics" copies (version, Python and Qt, OS, database...)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return diagnostics.collect(uow, database=database, extra=(
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
        ("Platform plugin", QGuiApplication.platformName()),
    )).as_text()


def copy_diagnostics(*, database: str = "", uow: object = None) -> str:
    """Put the diagnostics on the clipboard; returns them."""
    text = diagnostics_text(database=database, uow=uow)
    QGuiApplication.clipboard().setText(text)
    return text
