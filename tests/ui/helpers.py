"""Helpers of the desktop tests: answering modal dialogs the way a person would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: Bumped after each test (tests/ui/conftest.py): a watcher of an earlier test stops
#: instead of answering the next test's dialog.
_test_generation = [0]


def forget_modal_watchers() -> None:
    """Stop every :func:`when_modal` watcher still polling (called after each test)."""
    _test_generation[0] += 1


def when_modal(handler: Callable[[QWidget], None], *, name: str = "",
               attempts: int = 300) -> list[QWidget]:
    """Call ``handler`` with the next modal dialog once it is shown (from the event loop
    that ``exec()`` runs), the one named ``name`` when given. Returns a list that
    receives the dialog, for assertions. The watcher ends with its test."""
    seen: list[QWidget] = []
    generation = _test_generation[0]

    def poll(left: int = attempts) -> None:
        if _test_generation[0] != generation:
            return
        widget = QApplication.activeModalWidget()
        if widget is None or widget in seen or not widget.isVisible() or \
                (name and widget.objectName() != name) or \
                (not name and widget.objectName() == "progressDialog"):  # a slow save
            if left > 0:
                QTimer.singleShot(10, lambda: poll(left - 1))
            return
        seen.append(widget)
        handler(widget)

    QTimer.singleShot(0, poll)
    return seen


def child(widget: QWidget, cls: type, name: str) -> QWidget:
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a person does: ASCII through key presses,
    Chinese (and any other non-ASCII text) committed by an input method, the way Pinyin
    IMEs deliver it (``QTest.keyClicks`` only knows ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    chunk = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (chunk[:1].isascii() if chunk else ch.isascii()):
            chunk += ch
            continue
        if chunk:
            if chunk.isascii():
                qtbot.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
        chunk = ch if ch != "\0" else ""


def activate(qtbot, widget: QWidget) -> None:
    """Show ``widget`` as the active window, so its keyboard shortcuts work (the
    offscreen platform activates a window only when asked)."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)
