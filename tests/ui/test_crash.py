"""An error nobody caught: logged with its traceback and shown in a dialog, and the
program goes on. Also the Help menu's log folder, diagnostics and About box."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

import helpdesk
from helpdesk.services import diagnostics
from helpdesk.storage import migrate
from helpdesk.ui import crash, i18n
from helpdesk.ui.main_window import MainWindow
from tests.ui.helpers import activate, when_modal


@pytest.fixture
def reporter(qapp: QApplication, _isolated_home: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[crash.ErrorReporter]:
    """The desktop's hooks, installed for one test (pytest-qt's own are put back)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    diagnostics.configure_logging("test")
    installed = crash.install(qapp)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
    installed.deleteLater()
    root = logging.getLogger()
    for handler in [h for h in root.handlers
                    if isinstance(h, diagnostics._HelpdeskFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def _log(home: Path) -> str:
    return (home / "logs" / "helpdesk.log").read_text(encoding="utf-8")


def test_an_error_in_a_slot_is_logged_and_shown(qtbot, reporter, _isolated_home):
    def broken_slot() -> None:
        raise RuntimeError("the printer driver said no")

    with qtbot.waitSignal(reporter.shown, timeout=5000) as shown:
        QTimer.singleShot(0, broken_slot)  # as a click handler would fail
    dialog = shown.args[0]
    assert isinstance(dialog, crash.CrashDialog) and dialog.isVisible()
    assert "the printer driver said no" in dialog.informativeText()
    assert str(diagnostics.log_path()) in dialog.text()
    log = _log(_isolated_home)
    assert "unexpected error" in log and "Traceback" in log
    assert "RuntimeError: the printer driver said no" in log

    # A second error while the dialog is open is logged, not stacked in a second dialog.
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: _log(_isolated_home).count("printer driver said no") >= 4)
    assert reporter.dialog is dialog
    dialog.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_an_error_in_a_worker_thread_is_shown_in_the_ui_thread(qtbot, reporter,
                                                               _isolated_home):
    def work() -> None:
        raise ValueError("lost the connection")

    with qtbot.waitSignal(reporter.shown, timeout=5000) as shown:
        thread = threading.Thread(target=work, name="import-worker")
        thread.start()
        thread.join()
    assert "lost the connection" in shown.args[0].informativeText()
    assert "unexpected error in thread import-worker" in _log(_isolated_home)


def test_the_dialog_speaks_the_ui_language(qtbot, reporter, qsettings):
    i18n.switch("zh_CN", qsettings)
    with qtbot.waitSignal(reporter.shown, timeout=5000) as shown:
        reporter.report(RuntimeError("x"))
    dialog = shown.args[0]
    assert dialog.windowTitle() == "Helpdesk — 意外错误"
    assert dialog.open_log_button.text() == "打开日志文件夹"


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx, pages=[])
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


def test_help_menu_copies_diagnostics(qtbot, make_ctx, sample, _isolated_home):
    ctx = make_ctx(sample.staff.admin)
    window = _window(qtbot, ctx)
    assert window.copy_diagnostics_action in window.help_menu.actions()
    assert window.open_log_action in window.help_menu.actions()
    QApplication.clipboard().clear()
    window.copy_diagnostics_action.trigger()
    copied = QApplication.clipboard().text()
    for expected in (f"Helpdesk: {helpdesk.__version__}", "Python: ", "Qt: ", "OS: ",
                     f"Database: sqlite {ctx.database_description}",
                     f"Alembic revision: {migrate.head_revision()}",
                     f"Data folder: {_isolated_home}", "Log file: "):
        assert expected in copied


def test_open_log_folder_opens_the_data_folders_logs(qtbot, make_ctx, sample, _isolated_home,
                                                     monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    window = _window(qtbot, make_ctx(sample.staff.admin))
    window.open_log_action.trigger()
    assert opened == [str(_isolated_home / "logs")]
    assert (_isolated_home / "logs").is_dir()


def test_about_box_shows_version_data_folder_and_log(qtbot, make_ctx, sample, _isolated_home):
    window = _window(qtbot, make_ctx(sample.staff.admin))
    texts: list[str] = []

    def read_and_close(box) -> None:
        texts.append(box.text())
        box.accept()

    when_modal(read_and_close)
    window.about_action.trigger()
    assert texts, "the About box was not shown"
    text = texts[0]
    assert f"Helpdesk {helpdesk.__version__}" in text
    assert f"Data folder: {_isolated_home}" in text
    assert f"Log file: {_isolated_home / 'logs' / 'helpdesk.log'}" in text


def test_every_window_carries_the_application_icon(qapp):
    from helpdesk.ui import app as app_mod

    application = app_mod.application()
    icon = application.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 4).name() == "#1f6fb2"
