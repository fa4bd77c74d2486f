"""The red label that shows a field's error under it (``widgets.error_label``).

Its own small module because the login window has one: ``widgets`` (progress dialogs,
message boxes, the save helpers) is not needed before the main window (issue 13).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b02a37;"


def error_label(name: str, *, parent: QWidget | None = None) -> QLabel:
    """A hidden red label that shows a field's error under it."""
    label = QLabel(parent)
    label.setObjectName(f"error_{name}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    selectable(label)
    label.hide()
    return label


def selectable(label: QLabel) -> None:
    """Let the text be selected with the mouse (and copied).

    Set through the property (by the flag's name), not ``setTextInteractionFlags``: that
    needs the ``Qt`` namespace, whose 94 enums PySide makes in Python on first use, ~50 ms
    that the login window need not wait for (issue 13)."""
    done = label.setProperty("textInteractionFlags", "TextSelectableByMouse")
    assert done, "QLabel has a textInteractionFlags property"
