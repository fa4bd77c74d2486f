"""Print a complaint sheet, and write the reply letter, from the sheet form.

``print_sheet`` and ``show_reply_letter`` are what the sheet form's buttons call; each
opens a window-modal dialog (returned, so the caller may keep or test it) whose PDF is
made by ``services.reporting`` off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.reports import i18n as report_i18n
from helpdesk.reports.files import write_whole
from helpdesk.services import reporting
from helpdesk.ui import i18n as ui_i18n
from helpdesk.ui import messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.reports.preview import (
    PdfPreview,
    ask_save_path,
    named,
    pdf_filter,
)
from helpdesk.ui.reports.view import FOLDER_KEY, LANGUAGE_NAMES


def _language_combo(name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for code, label in LANGUAGE_NAMES.items():
        combo.addItem(label, code)
    current = ui_i18n.current_language()
    combo.setCurrentIndex(max(0, combo.findData(
        current if current in LANGUAGE_NAMES else report_i18n.DEFAULT_LANGUAGE)))
    return combo


def _error_text(exc: Exception) -> str:
    return messages.error_text(exc) if isinstance(exc, HelpdeskError) else \
        messages.unexpected_text(exc)


class _DocumentDialog(QDialog):
    """What both dialogs share: a preview, Print, Save as PDF, Close, a status line.

    Signals:
        document_ready(int): a PDF is shown (its page count).
        file_saved(str): the PDF was written (its path).
        failed(str): making or saving failed (the message shown).
    """

    document_ready = Signal(int)
    file_saved = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, sheet_id: int, *, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._finished = False
        self.sheet_id = sheet_id
        self.number = ""
        self.resize(980, 760)
        self.preview = PdfPreview(name="documentPreview", parent=self)
        self.print_button = named(QPushButton(), "documentPrint")
        self.save_button = named(QPushButton(), "documentSave")
        self.close_button = named(QPushButton(), "documentClose")
        self.status_label = named(QLabel(), "documentStatus")
        self.status_label.setWordWrap(True)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.reject)
        self.preview.loaded.connect(self._on_loaded)
        self._update_buttons()

    def done(self, result: int) -> None:
        # The dialog deletes itself on close; work still running must not call back
        # into it afterwards.
        self._finished = True
        super().done(result)

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
             label: str) -> None:
        def success(result: Any) -> None:
            if not self._finished:
                on_success(result)

        def failure(exc: Exception) -> None:
            if not self._finished:
                self._on_failed(exc)

        self._ctx.run(fn, success, failure, label=label)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            row.addWidget(button)
        return row

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.close_button.setText(self.tr("Close"))

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(bool(self.preview.data))
        self.save_button.setEnabled(bool(self.preview.data))

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(widgets.ERROR_STYLE if error else "")
        self.status_label.setText(text)
        if error:
            self.failed.emit(text)

    def _on_loaded(self, pages: int) -> None:
        self._update_buttons()
        # Spelled out with the context: PySide's tr() on a subclass finds the base class's
        # translations, but not their plural forms.
        self._status(QCoreApplication.translate("_DocumentDialog", "%n page(s).", "", pages))
        self.document_ready.emit(pages)

    def _on_failed(self, exc: Exception) -> None:
        self._update_buttons()
        self._status(_error_text(exc), error=True)

    def _on_print(self) -> None:
        if self.preview.data:
            self.preview.print_with_dialog()

    def _file_stem(self) -> str:
        return self.number or str(self.sheet_id)

    def _on_save(self) -> None:
        if not self.preview.data:
            return
        folder = str(self._ctx.settings.value(FOLDER_KEY, "") or "") or str(Path.home())
        path = ask_save_path(self, self.tr("Save as PDF"),
                             str(Path(folder) / f"{self._file_stem()}.pdf"), pdf_filter())
        if not path:
            return
        try:
            write_whole(Path(path), self.preview.data)
        except OSError as exc:
            self._status(self.tr("Could not write %1: %2").replace("%1", path).replace(
                "%2", exc.strerror or str(exc)), error=True)
            return
        self._ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))
        self._status(self.tr("Saved %1.").replace("%1", path))
        self.file_saved.emit(path)


class SheetPrintDialog(_DocumentDialog):
    """The complaint sheet as the paper form: preview, print, save."""

    def __init__(self, ctx: AppContext, sheet_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, sheet_id, parent=parent)
        self.setObjectName("sheetPrintDialog")
        self._lang_label = QLabel()
        self.lang_combo = _language_combo("sheetPrintLanguage")
        self._lang_label.setBuddy(self.lang_combo)
        top = QHBoxLayout()
        top.addWidget(self._lang_label)
        top.addWidget(self.lang_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._buttons())
        self.lang_combo.currentIndexChanged.connect(self.refresh)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.setWindowTitle(self.tr("Print complaint sheet %1").replace("%1", self.number)
                            .strip())
        self._lang_label.setText(self.tr("&Language:"))

    def refresh(self) -> None:
        """Make the printout again (in the chosen language)."""
        ctx, sheet_id, lang = self._ctx, self.sheet_id, str(self.lang_combo.currentData())
        self._status(self.tr("Preparing the printout…"))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

        def work() -> tuple[str, bytes]:
            uow = ctx.uow()
            number = reporting.sheet_number(uow, sheet_id)
            return number, reporting.sheet_pdf(uow, ctx.user_id, sheet_id, lang)

        def done(result: tuple[str, bytes]) -> None:
            self.number = result[0]
            self._retranslate()
            self.preview.show_pdf(result[1])

        self._run(work, done, self.tr("Preparing the printout…"))


class ReplyLetterDialog(_DocumentDialog):
    """The reply letter: drafted from the sheet, edited here, then previewed and printed.

    Signals:
        draft_loaded(): the draft text is in the editor.
    """

    draft_loaded = Signal()

    def __init__(self, ctx: AppContext, sheet_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, sheet_id, parent=parent)
        self.setObjectName("replyLetterDialog")
        self._drafted_text = ""
        self._lang_label = QLabel()
        self.lang_combo = _language_combo("letterLanguage")
        self._lang_label.setBuddy(self.lang_combo)
        self.redraft_button = named(QPushButton(), "letterRedraft")
        self.preview_button = named(QPushButton(), "letterPreview")
        self.editor = named(QPlainTextEdit(), "letterText")
        self.editor.setStyleSheet(widgets.INVALID_STYLE)
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self.error_label = widgets.error_label("letter", parent=self)

        top = QHBoxLayout()
        top.addWidget(self._lang_label)
        top.addWidget(self.lang_combo)
        top.addWidget(self.redraft_button)
        top.addStretch(1)
        top.addWidget(self.preview_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._hint)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.error_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([440, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())

        self.lang_combo.currentIndexChanged.connect(self._on_language_changed)
        self.redraft_button.clicked.connect(self._on_redraft)
        self.preview_button.clicked.connect(self.render_preview)
        self.editor.textChanged.connect(self._on_text_changed)
        self._retranslate()
        self.load_draft()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.setWindowTitle(self.tr("Reply letter %1").replace("%1", self.number).strip())
        self._lang_label.setText(self.tr("&Language:"))
        self.redraft_button.setText(self.tr("&Redraft"))
        self.redraft_button.setToolTip(self.tr("Draft the letter again from the sheet"))
        self.preview_button.setText(self.tr("Pre&view"))
        self._hint.setText(self.tr(
            "Drafted from the sheet: acknowledge, admit where justified, explain, say how "
            "and when it is put right, promise it will not recur, apologise. Edit it, then "
            "preview, print or save. Separate paragraphs with a blank line."))

    @property
    def edited(self) -> bool:
        """Whether the text differs from the last draft."""
        return self.editor.toPlainText() != self._drafted_text

    def load_draft(self) -> None:
        """Draft the letter from the sheet in the chosen language (replaces the text)."""
        ctx, sheet_id, lang = self._ctx, self.sheet_id, str(self.lang_combo.currentData())
        self._status(self.tr("Drafting the letter…"))

        def work() -> reporting.LetterDraft:
            return reporting.draft_reply_letter(ctx.uow(), ctx.user_id, sheet_id, lang)

        def done(draft: reporting.LetterDraft) -> None:
            self.number = draft.number
            self._drafted_text = draft.text
            self.editor.setPlainText(draft.text)
            self._retranslate()
            self._status(self.tr("Draft ready; edit it, then preview."))
            self.draft_loaded.emit()
            self.render_preview()

        self._run(work, done, self.tr("Drafting the letter…"))

    def _on_language_changed(self) -> None:
        # A letter someone has worked on is not thrown away by a language switch;
        # Redraft does that, after asking.
        if not self.edited:
            self.load_draft()

    def _on_redraft(self) -> None:
        if self.edited:
            answer = QMessageBox.question(
                self, self.tr("Redraft the letter"),
                self.tr("Replace your edited text by a new draft?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.load_draft()

    def _on_text_changed(self) -> None:
        widgets.set_invalid(self.editor, False)
        self.error_label.hide()

    def render_preview(self) -> None:
        """Make the PDF of the text as it is now."""
        text = self.editor.toPlainText()
        if not text.strip():
            widgets.set_invalid(self.editor, True)
            self.error_label.setText(self.tr("The letter is empty."))
            self.error_label.show()
            return
        ctx, sheet_id, lang = self._ctx, self.sheet_id, str(self.lang_combo.currentData())
        self._status(self.tr("Preparing the preview…"))

        def work() -> bytes:
            return reporting.reply_letter_pdf(ctx.uow(), ctx.user_id, sheet_id, text, lang)

        self._run(work, self.preview.show_pdf, self.tr("Preparing the preview…"))

    def _file_stem(self) -> str:
        return f"{super()._file_stem()}-letter"


def print_sheet(ctx: AppContext, sheet_id: int, *, parent: QWidget | None) -> SheetPrintDialog:
    """Preview, print or save one complaint sheet as the paper form."""
    dialog = SheetPrintDialog(ctx, sheet_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_reply_letter(ctx: AppContext, sheet_id: int, *,
                      parent: QWidget | None) -> ReplyLetterDialog:
    """Draft, edit, preview, print or save the reply letter for one sheet."""
    dialog = ReplyLetterDialog(ctx, sheet_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
