"""The tray icon: sheets due soon and overdue, for me and for the store, and a
desktop notification once per event (issue 9; the events: ``services.alerts``).

It looks every :data:`LOOK_SECONDS` and shortly after every change the feed brings
(another desk's too), in a worker thread. While the user is typing (a key pressed in
the last :data:`QUIET_SECONDS`) notifications wait; they are shown once the keyboard
rests, so nothing pops up under the cursor mid-sentence. The optional sound is a
desktop setting (the tray menu), off by default. Works with the window minimised:
the icon and its messages belong to the system tray, not to the window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStyle, QSystemTrayIcon

from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.services import alerts, common
from helpdesk.ui import formatting, labels
from helpdesk.ui.context import AppContext

log = logging.getLogger(__name__)

LOOK_SECONDS = 30
QUIET_SECONDS = 8.0
SOUND_KEY = "alerts/sound"


class _Look(QRunnable):
    def __init__(self, tray: DeskTray, look: Callable[[], alerts.Look]) -> None:
        super().__init__()
        self.tray = tray
        self.fn = look
        self.setAutoDelete(True)

    def run(self) -> None:  # a pool thread
        try:
            result: object = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread
            result = exc
        if shiboken6.isValid(self.tray):
            self.tray.looked.emit(result)


class DeskTray(QObject):
    """The tray icon of a logged-in desk.

    Signals:
        open_sheet_requested(int): a notification was clicked.
        looked(object): a look finished (an ``alerts.Look`` or the exception).
    """

    open_sheet_requested = Signal(int)
    looked = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert ctx.user is not None
        self._ctx = ctx
        self.watch = alerts.AlertWatch(ctx.user.id, ctx.user.roles)
        self.counts = alerts.Counts()
        self.shown: list[tuple[str, str]] = []  # (title, text) of every notification
        self._pending: list[alerts.Alert] = []
        self._last_key = 0.0
        self._looking = False
        self._again = False
        self._last_sheet: int | None = None

        self.icon = QSystemTrayIcon(self)
        self.icon.setObjectName("deskTray")
        self._base_icon = QApplication.windowIcon()
        if self._base_icon.isNull():
            style = QApplication.style()
            self._base_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        menu = QMenu()
        self._open_action = QAction(menu)
        self._open_action.triggered.connect(self._show_window)
        self.sound_action = QAction(menu, checkable=True)
        self.sound_action.setChecked(ctx.settings.value(SOUND_KEY, False, type=bool))
        self.sound_action.toggled.connect(lambda on: ctx.settings.setValue(SOUND_KEY, on))
        menu.addAction(self._open_action)
        menu.addAction(self.sound_action)
        self._menu = menu
        self.icon.setContextMenu(menu)
        self.icon.messageClicked.connect(self._on_message_clicked)
        self.icon.activated.connect(lambda _reason: self._show_window())
        self.label = QLabel(objectName="alertCounts")  # the status bar's copy

        self.looked.connect(self._on_looked)
        self._timer = QTimer(self, interval=LOOK_SECONDS * 1000)
        self._timer.timeout.connect(self.look)
        self._soon = QTimer(self, singleShot=True, interval=500)
        self._soon.timeout.connect(self.look)
        self._quiet = QTimer(self, singleShot=True)
        self._quiet.timeout.connect(self._flush)
        ctx.bus.changed.connect(self._on_changes)
        ctx.bus.language_changed.connect(lambda _lang: self._retranslate())
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._retranslate()
        self._draw()
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()
        self._timer.start()
        self.look()

    # ------------------------------------------------------------ looking
    def look(self) -> None:
        """Look again in the background (one look at a time; a request meanwhile
        makes one more look afterwards)."""
        if self._looking:
            self._again = True
            return
        self._looking = True
        uow = self._ctx.uow
        watch = self.watch
        QThreadPool.globalInstance().start(_Look(self, lambda: watch.look(uow)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings or changes.everything:
            # The store's time zone or warning window may have changed at another desk.
            try:
                common.sync_clock(self._ctx.uow())
            except HelpdeskError as exc:
                log.warning("reading the store's clock settings failed: %s", exc)
        if changes.touches_sheets() or changes.touches_settings():
            self._soon.start()

    def _on_looked(self, result: object) -> None:
        self._looking = False
        if isinstance(result, Exception):
            log.warning("looking for due sheets failed: %s", result)
        elif isinstance(result, alerts.Look):
            self.counts = result.counts
            self._draw()
            self._pending.extend(result.alerts)
            self._flush()
        if self._again:
            self._again = False
            self.look()

    # ------------------------------------------------------------ typing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            self._last_key = time.monotonic()
        return False

    def typing(self) -> bool:
        return time.monotonic() - self._last_key < QUIET_SECONDS

    def _flush(self) -> None:
        if not self._pending:
            return
        if self.typing():
            wait = QUIET_SECONDS - (time.monotonic() - self._last_key)
            self._quiet.start(int(max(wait, 0.1) * 1000))
            return
        waiting, self._pending = self._pending, []
        self.notify(waiting)

    def notify(self, waiting: Sequence[alerts.Alert]) -> None:
        """One message for one event; several at once are summed up in one."""
        texts = [self.alert_text(a) for a in waiting]
        if len(texts) == 1:
            title, text = texts[0]
        else:
            title = self.tr("%n sheet(s) need attention", "", len(texts))
            text = "\n".join(f"{t}: {b}" for t, b in texts[:6])
        self._last_sheet = waiting[-1].sheet_id
        self.shown.append((title, text))
        urgent = any(a.kind in (alerts.AlertKind.OVERDUE, alerts.AlertKind.ARRIVED)
                     for a in waiting)
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning if urgent
                                  else QSystemTrayIcon.MessageIcon.Information, 10_000)
        if self.sound_action.isChecked():
            QApplication.beep()

    def alert_text(self, alert: alerts.Alert) -> tuple[str, str]:
        """(title, text) of one event."""
        who = alert.customer_name
        due = formatting.datetime_text(alert.due) if alert.due else ""
        match alert.kind:
            case alerts.AlertKind.NEAR:
                title = self.tr("Due soon: %1").replace("%1", alert.number)
                text = self.tr("%1 — due at %2").replace("%1", who).replace("%2", due)
            case alerts.AlertKind.OVERDUE:
                title = self.tr("Overdue: %1").replace("%1", alert.number)
                text = self.tr("%1 — was due at %2").replace("%1", who).replace("%2", due)
            case alerts.AlertKind.ASSIGNED:
                title = self.tr("Assigned to you: %1").replace("%1", alert.number)
                text = who
            case _:
                kind = labels.label(Severity.MAJOR) if alert.severity is Severity.MAJOR \
                    else labels.label(alert.channel if alert.channel in (
                        Channel.MEDIA, Channel.OEM_HOTLINE) else alert.severity)
                title = self.tr("New complaint (%1): %2").replace("%1", kind) \
                    .replace("%2", alert.number)
                text = who
        return title, text

    # ------------------------------------------------------------ showing
    def counts_text(self) -> str:
        c = self.counts
        return self.tr("Mine: %1 due soon, %2 overdue · Store: %3 due soon, %4 overdue") \
            .replace("%1", str(c.mine_near)).replace("%2", str(c.mine_overdue)) \
            .replace("%3", str(c.store_near)).replace("%4", str(c.store_overdue))

    def _draw(self) -> None:
        text = self.counts_text()
        self.icon.setToolTip("Helpdesk\n" + text)
        self.label.setText(text)
        self.icon.setIcon(badged(self._base_icon, self.counts.mine_overdue
                                 or self.counts.mine_near,
                                 red=bool(self.counts.mine_overdue)))

    def _retranslate(self) -> None:
        self._open_action.setText(self.tr("Show Helpdesk"))
        self.sound_action.setText(self.tr("Sound with notifications"))
        self._draw()

    def _on_message_clicked(self) -> None:
        if self._last_sheet is not None:
            self._show_window()
            self.open_sheet_requested.emit(self._last_sheet)

    def _show_window(self) -> None:
        window = self.parent()
        show = getattr(window, "showNormal", None)
        if show is not None:
            show()
            window.raise_()  # type: ignore[union-attr]
            window.activateWindow()  # type: ignore[union-attr]

    def close(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self._quiet.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.icon.hide()


def badged(icon: QIcon, count: int, *, red: bool) -> QIcon:
    """``icon`` with ``count`` in a corner (red when overdue, amber when due soon)."""
    if count <= 0:
        return icon
    pixmap = icon.pixmap(64, 64)
    if pixmap.isNull():
        pixmap = QPixmap(64, 64)
        pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#c62828") if red else QColor("#f9a825"))
    painter.setPen(QColor("white"))
    painter.drawEllipse(26, 26, 36, 36)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(22)
    painter.setFont(font)
    painter.drawText(26, 26, 36, 36, int(Qt.AlignmentFlag.AlignCenter), str(min(count, 99)))
    painter.end()
    return QIcon(pixmap)
