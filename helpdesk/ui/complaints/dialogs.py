"""Dialogs of the sheet form: the small forms of workflow steps (a reason, a return
visit, a corrective action) and the conflict dialog shown when someone else saved the
same sheet first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import ConflictError, HelpdeskError
from helpdesk.ui import formatting, messages, widgets


@dataclass
class Field:
    """One input of an :class:`ActionDialog`: the service's field key, a label, the
    widget and how to read its value."""

    key: str
    label: str
    widget: QWidget
    value: Callable[[], Any]
    aliases: Sequence[str] = ()


class ActionDialog(QDialog):
    """A small form for one workflow step; ``submit`` runs the service with the values.

    Errors of the service are shown next to their fields and the dialog stays open, so
    the user corrects and tries again; an error of no field is shown above the buttons.
    """

    def __init__(self, title: str, fields: Sequence[Field],
                 submit: Callable[[dict[str, Any]], Any], *, intro: str = "",
                 ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self._fields = list(fields)
        self._submit = submit
        self.result_value: Any = None
        self.errors = widgets.FieldErrors()
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        for f in self._fields:
            error = widgets.error_label(f.key)
            label = QLabel(f.label)
            label.setBuddy(f.widget)
            form.addRow(label, f.widget)
            form.addRow("", error)
            self.errors.add(f.key, f.widget, error, f.aliases)
        layout.addLayout(form)
        self.general_error = widgets.error_label("general")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("okButton")
        if ok_text:
            ok.setText(ok_text)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def values(self) -> dict[str, Any]:
        return {f.key: f.value() for f in self._fields}

    def _on_accept(self) -> None:
        self.general_error.hide()
        try:
            values = self.values()
            self.result_value = widgets.write(self, lambda: self._submit(values))
        except ConflictError:
            raise  # the form handles conflicts (reload or compare)
        except HelpdeskError as exc:
            rest = self.errors.show(widgets.flatten(exc))
            if rest or not widgets.flatten(exc):
                text = "\n".join(messages.error_text(e) for e in rest) if rest else \
                    messages.error_text(exc)
                self.general_error.setText(text)
                self.general_error.show()
            return
        self.accept()


def multiline(name: str, *, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class ConflictDialog(QDialog):
    """Someone else saved the sheet after it was opened here: say who and when, and let
    the user reload or compare. Nothing is overwritten from here.

    ``choice`` is ``"reload"``, ``"compare"`` or ``""`` (keep editing)."""

    def __init__(self, error: ConflictError, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.choice = ""
        who = error.saved_by or self.tr("Another user")
        when = formatting.datetime_text(error.saved_at) if error.saved_at else "?"
        text = QLabel(self.tr(
            "%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, "
            "and nothing of theirs was overwritten.\n\nReload to see their version (your "
            "input is lost unless you copy it), or compare the two first.")
            .replace("%1", who).replace("%2", when))
        text.setObjectName("conflictText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.reload_button = buttons.addButton(self.tr("&Reload"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.setObjectName("reloadButton")
        self.compare_button = buttons.addButton(self.tr("&Compare…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setObjectName("compareButton")
        keep = buttons.addButton(self.tr("&Keep editing"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        # Enter keeps the input: the default button never throws typing away.
        for button in (self.reload_button, self.compare_button):
            button.setAutoDefault(False)
        keep.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._done("reload"))
        self.compare_button.clicked.connect(lambda: self._done("compare"))
        keep.clicked.connect(lambda: self._done(""))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _done(self, choice: str) -> None:
        self.choice = choice
        if choice:
            self.accept()
        else:
            self.reject()


class CompareDialog(QDialog):
    """Field by field: what you typed and what is saved now; differences in bold.

    ``rows`` are (field label, your value, saved value)."""

    def __init__(self, rows: Sequence[tuple[str, str, str]], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Your input and the saved sheet"))
        self.reload_requested = False
        self.table = QTableWidget(len(rows), 3, objectName="compareTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your input"), self.tr("Saved now")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, (name, mine, theirs) in enumerate(rows):
            for c, value in enumerate((name, mine, theirs)):
                item = QTableWidgetItem(value)
                if mine != theirs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        note = QLabel(self.tr("Differences are in bold. Copy what you need (select a cell and "
                              "press Ctrl+C), then reload."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        reload_button = QPushButton(self.tr("&Reload now"), objectName="reloadNowButton")
        buttons.addButton(reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        reload_button.clicked.connect(self._on_reload)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _on_reload(self) -> None:
        self.reload_requested = True
        self.accept()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes
