"""Small pieces every screen uses: errors next to their fields, message boxes for the
errors that belong to no field, and slow work (saves included: ``write``) behind a
progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError, ValidationError, ValidationErrors
from helpdesk.ui import messages
from helpdesk.ui.context import changes_held
from helpdesk.ui.error_label import ERROR_STYLE as ERROR_STYLE  # one of the pieces here
from helpdesk.ui.error_label import error_label as error_label

INVALID_STYLE = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QTextEdit[invalid="true"], '
    'QComboBox[invalid="true"], QDateTimeEdit[invalid="true"], QSpinBox[invalid="true"], '
    'QListWidget[invalid="true"], QTableWidget[invalid="true"] '
    "{ border: 2px solid #c0392b; }"
)
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], '
    'QTextEdit[readOnly="true"] { background: palette(window); }'
)
"""A box that may not be edited does not look like one that may (see set_read_only)."""
FIELD_STYLE = INVALID_STYLE + "\n" + READ_ONLY_STYLE
"""The style sheet of every window with input fields."""


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field (the style sheet draws a red border) and repaint it."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_read_only(widget: QLineEdit | QPlainTextEdit, read_only: bool) -> None:
    """Make a text box read-only and look it (grey, by :data:`READ_ONLY_STYLE`)."""
    if widget.isReadOnly() == read_only and widget.property("readOnlyLook") == read_only:
        return
    widget.setReadOnly(read_only)
    widget.setProperty("readOnlyLook", read_only)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def with_error(widget: QWidget, error: QLabel) -> QWidget:
    """``widget`` with its error label right under it (the label takes no room while
    hidden), as one cell of a form layout."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return cell


def flatten(error: HelpdeskError) -> list[ValidationError]:
    if isinstance(error, ValidationErrors):
        return list(error.errors)
    if isinstance(error, ValidationError):
        return [error]
    return []


class FieldErrors:
    """Shows validation errors next to the fields that caused them.

    ``add(key, widget, label)`` registers a field under the key the services use for
    it (``"description"``, ``"vin"``...); aliases let several keys land on one widget.
    ``show()`` marks every field named by the errors, writes each translated message
    under its field, puts the cursor into the first one (scrolling it into view) and
    returns the errors that belong to no registered field.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._order: list[str] = []

    def add(self, key: str, widget: QWidget, label: QLabel,
            aliases: Iterable[str] = ()) -> None:
        for name in (key, *aliases):
            self._fields[name] = (widget, label)
        self._order.append(key)

    def widget(self, key: str) -> QWidget | None:
        found = self._fields.get(key)
        return found[0] if found else None

    def label(self, key: str) -> QLabel | None:
        found = self._fields.get(key)
        return found[1] if found else None

    def clear(self) -> None:
        for widget, label in self._fields.values():
            set_invalid(widget, False)
            label.clear()
            label.hide()

    def clear_field(self, key: str) -> None:
        """Take the message off one field (the user has just put it right)."""
        found = self._fields.get(key)
        if found is not None:
            set_invalid(found[0], False)
            found[1].clear()
            found[1].hide()

    def show(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        self.clear()
        unplaced: list[ValidationError] = []
        first: QWidget | None = None
        first_label: QLabel | None = None
        texts: dict[int, list[str]] = {}
        for error in errors:
            found = self._fields.get(error.field)
            if found is None:
                unplaced.append(error)
                continue
            widget, label = found
            set_invalid(widget, True)
            lines = texts.setdefault(id(label), [])
            text = messages.error_text(error)
            if text not in lines:
                lines.append(text)
            label.setText("\n".join(lines))
            label.show()
            if first is None or self._rank(widget) < self._rank(first):
                first, first_label = widget, label
        if first is not None:
            focus(first)
            if first_label is not None:
                # Once the layout has made room for the message, show it too.
                QTimer.singleShot(0, lambda: reveal(first_label, first))
        return unplaced

    def _rank(self, widget: QWidget) -> int:
        for i, key in enumerate(self._order):
            if self._fields[key][0] is widget:
                return i
        return len(self._order)


def focus(widget: QWidget) -> None:
    """Put the cursor into ``widget``, scrolling any scroll area around it to show it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 50, 80)
        parent = parent.parentWidget()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QAbstractScrollArea):
        widget.viewport().update()


def reveal(*shown: QWidget) -> None:
    """Scroll every scroll area around ``shown`` so that all of them are in view (the
    last one wins when they do not fit together)."""
    for widget in shown:
        if not shiboken6.isValid(widget):
            return
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 50, 20)
            parent = parent.parentWidget()


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "") -> None:
    """A message box for an error that belongs to no field."""
    text = messages.error_text(error) if isinstance(error, HelpdeskError) else \
        messages.unexpected_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("widgets", "Helpdesk"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception
    progressed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Callable[..., Any]], Any], relay: _Relay,
                 keep_going: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.keep_going = keep_going

    def _progress(self, *args: Any) -> bool:
        self.relay.progressed.emit(args)
        return self.keep_going()

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except Exception as exc:  # noqa: BLE001 - re-raised in the UI thread
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


def run_with_progress(parent: QWidget | None, fn: Callable[[Callable[..., Any]], Any],
                      label: str, *, minimum_ms: int = 300, cancel_text: str = "") -> Any:
    """Run ``fn(progress)`` in a worker thread behind a modal progress dialog, keeping
    the window painted; return its result or raise its exception here.

    ``progress(*args)`` may be called from the worker with ``(done, total)``, a
    fraction between 0 and 1, or a text; the dialog shows what it understands. With
    ``cancel_text`` the dialog has a Cancel button, and once it is pressed ``progress``
    returns False (the worker stops and undoes its work; the dialog waits for it)."""
    relay = _Relay()
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    cancelled = threading.Event()
    if cancel_text:
        dialog.setCancelButtonText(cancel_text)
        dialog.canceled.connect(cancelled.set)
        dialog.canceled.connect(lambda: dialog.setLabelText(cancel_text + "…"))
    else:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(minimum_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    # No bar until there is progress to show: an indeterminate bar's style animation
    # (Fusion) crashed when the dialog went while it ran; the label says what happens.
    bar = QProgressBar(dialog)
    bar.setRange(0, 1000)
    dialog.setBar(bar)
    bar.hide()

    def on_progress(args: tuple[Any, ...]) -> None:
        numbers = [a for a in args if isinstance(a, int | float) and not isinstance(a, bool)]
        texts = [a for a in args if isinstance(a, str)]
        if texts:
            dialog.setLabelText(texts[-1])
        if len(numbers) >= 2 and numbers[-1] > 0:
            bar.show()
            dialog.setMaximum(1000)
            dialog.setValue(int(1000 * min(1.0, numbers[-2] / numbers[-1])))
        elif len(numbers) == 1 and 0 <= numbers[0] <= 1:
            bar.show()
            dialog.setMaximum(1000)
            dialog.setValue(int(1000 * numbers[0]))

    def on_finished(result: Any, exc: Exception | None) -> None:
        outcome["result"], outcome["error"] = result, exc
        loop.quit()

    relay.progressed.connect(on_progress)
    relay.finished.connect(on_finished)
    # QProgressDialog shows itself after minimum_ms only once told a value; work that
    # reports none (a save, a login) still gets its busy indicator.
    dialog.setValue(0)
    QThreadPool.globalInstance().start(_Job(fn, relay, lambda: not cancelled.is_set()))
    if "error" not in outcome:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    QTimer.singleShot(0, relay.deleteLater)
    if outcome.get("error") is not None:
        raise outcome["error"]
    return outcome.get("result")


class _HoldInput(QObject):
    """Swallows what the user types or clicks into one window while it saves, until the
    progress dialog shows (a second Save must not start a second write), and the
    window manager's close (the code waiting for the save still uses the window);
    everything else — painting, timers, other windows — goes on."""

    _INPUT = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress,
                        QEvent.Type.KeyRelease, QEvent.Type.Shortcut, QEvent.Type.Wheel,
                        QEvent.Type.Close})

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() not in self._INPUT or not event.spontaneous():
            return False
        held = isinstance(watched, QWidget) and shiboken6.isValid(self._window) and \
            watched.window() is self._window
        if held and event.type() == QEvent.Type.Close:
            event.ignore()
        return held


def write(parent: QWidget | None, fn: Callable[[], Any], label: str = "") -> Any:
    """Run a save (any use case that writes) off the UI thread: the window keeps
    painting and its timers run while the database is busy, the pointer turns busy at
    once and a dialog says "Saving…" once it takes a moment, the input stays where it
    is. Returns ``fn()``'s result or raises its exception here (a busy database:
    ``storage.busy``, naming who holds it), so callers handle errors as if the call
    were direct."""
    window = parent.window() if parent is not None else None
    hold = _HoldInput(window) if window is not None else None
    app = QCoreApplication.instance()
    if hold is not None and app is not None:
        app.installEventFilter(hold)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        with changes_held():
            return run_with_progress(
                parent, lambda _progress: fn(),
                label or QCoreApplication.translate("widgets", "Saving…"), minimum_ms=400)
    finally:
        QApplication.restoreOverrideCursor()
        if hold is not None and app is not None:
            app.removeEventFilter(hold)
            hold.deleteLater()


class RefreshWhenShown:
    """Mixin (before the Qt base class) for views whose ``refresh()`` is costly: a
    change refreshes them now if they are on screen, else the next time they show."""

    _stale_while_hidden = False

    def refresh_when_shown(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()  # type: ignore[attr-defined]
        else:
            self._stale_while_hidden = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[misc]
        if self._stale_while_hidden:
            self._stale_while_hidden = False
            self.refresh()  # type: ignore[attr-defined]
