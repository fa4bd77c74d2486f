"""Print sheet and Reply letter, as the sheet form opens them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from helpdesk.services import complaints
from helpdesk.storage.database import Database
from helpdesk.ui.context import AppContext
from helpdesk.ui.reports import print_sheet, show_reply_letter
from helpdesk.ui.reports.actions import ReplyLetterDialog, SheetPrintDialog
from tests.reports.pdftext import pdf_text, squeeze
from tests.ui.conftest import Sample

WAIT = 30_000


@pytest.fixture
def closing() -> Iterator[list[object]]:
    """Dialogs to close at the end (they delete themselves, so qtbot must not)."""
    opened: list[object] = []
    yield opened
    for dialog in opened:
        dialog.done(0)  # type: ignore[attr-defined]


def _sheet_dialog(qtbot: QtBot, ctx: AppContext, sheet_id: int,
                  closing: list[object]) -> SheetPrintDialog:
    dialog = print_sheet(ctx, sheet_id, parent=None)
    closing.append(dialog)
    qtbot.waitUntil(lambda: bool(dialog.preview.data), timeout=WAIT)
    return dialog


def test_print_sheet_previews_and_saves(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                        sample: Sample, ui_db: Database, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        closing: list[object]) -> None:
    ctx = make_ctx(sample.staff.director)
    dialog = _sheet_dialog(qtbot, ctx, sample.visited, closing)
    number = complaints.get_sheet(ui_db.uow(), sample.staff.director, sample.visited).number
    assert dialog.isVisible() and dialog.objectName() == "sheetPrintDialog"
    assert dialog.windowTitle() == f"Print complaint sheet {number}"
    text = squeeze(dialog.preview.text())
    assert "ComplaintSheet" in text and squeeze(number) in text and "13912345678" in text
    assert dialog.print_button.isEnabled()

    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(target), "")))
    with qtbot.waitSignal(dialog.file_saved, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == dialog.preview.data

    with qtbot.waitSignal(dialog.document_ready, timeout=WAIT):
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh_CN"))
    assert "抱怨/投诉单" in squeeze(dialog.preview.text())


def test_print_sheet_masks_for_the_general_manager(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample,
        closing: list[object]) -> None:
    dialog = _sheet_dialog(qtbot, make_ctx(sample.staff.gm), sample.visited, closing)
    assert "139****5678" in dialog.preview.text()


def test_print_sheet_of_a_missing_sheet(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                        sample: Sample, closing: list[object]) -> None:
    ctx = make_ctx(sample.staff.director)
    dialog = SheetPrintDialog(ctx, 99_999)
    closing.append(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as blocker:
        pass
    assert blocker.args[0] == "That complaint sheet does not exist."
    assert not dialog.save_button.isEnabled()


def _letter(qtbot: QtBot, ctx: AppContext, sheet_id: int,
            closing: list[object]) -> ReplyLetterDialog:
    dialog = show_reply_letter(ctx, sheet_id, parent=None)
    closing.append(dialog)
    qtbot.waitUntil(lambda: bool(dialog.preview.data), timeout=WAIT)
    return dialog


def test_reply_letter_is_drafted_edited_and_printed(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, closing: list[object]) -> None:
    dialog = _letter(qtbot, make_ctx(sample.staff.director), sample.visited, closing)
    draft = dialog.editor.toPlainText()
    assert draft.startswith("Dear 李四,")
    assert "报价单未列出工时费" in draft  # the root cause explains the problem
    assert "CNY 200.00" in draft  # the compensation
    assert not dialog.edited
    assert "报价单未列出工时费" in squeeze(dialog.preview.text())

    dialog.editor.setPlainText("Dear Ms Li,\n\nWe are sorry.\n\nCustomer Care")
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.editor, " MARK-7")
    assert dialog.edited
    with qtbot.waitSignal(dialog.document_ready, timeout=WAIT):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    shown = dialog.preview.text()
    assert "MARK-7" in shown and "报价单" not in shown

    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(target), "")))
    with qtbot.waitSignal(dialog.file_saved, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "MARK-7" in pdf_text(target.read_bytes())


def test_an_empty_letter_is_refused_at_the_editor(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample,
        closing: list[object]) -> None:
    dialog = _letter(qtbot, make_ctx(sample.staff.director), sample.visited, closing)
    dialog.editor.setPlainText("   \n ")
    with qtbot.assertNotEmitted(dialog.document_ready, wait=200):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "The letter is empty."
    assert dialog.editor.property("invalid") is True
    qtbot.keyClicks(dialog.editor, "x")
    assert not dialog.error_label.isVisibleTo(dialog)


def test_language_switch_redrafts_only_an_untouched_letter(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample,
        monkeypatch: pytest.MonkeyPatch, closing: list[object]) -> None:
    dialog = _letter(qtbot, make_ctx(sample.staff.director), sample.visited, closing)
    with qtbot.waitSignal(dialog.draft_loaded, timeout=WAIT):
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh_CN"))
    assert dialog.editor.toPlainText().startswith("尊敬的李四")
    qtbot.waitUntil(lambda: "尊敬的" in squeeze(dialog.preview.text()), timeout=WAIT)

    dialog.editor.appendPlainText("附言：我们的手写补充。")
    with qtbot.assertNotEmitted(dialog.draft_loaded, wait=300):
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    assert "附言：我们的手写补充。" in dialog.editor.toPlainText()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: answers.pop(0)))
    with qtbot.assertNotEmitted(dialog.draft_loaded, wait=300):
        qtbot.mouseClick(dialog.redraft_button, Qt.MouseButton.LeftButton)
    assert "附言" in dialog.editor.toPlainText()
    with qtbot.waitSignal(dialog.draft_loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.redraft_button, Qt.MouseButton.LeftButton)
    assert dialog.editor.toPlainText().startswith("Dear 李四,")


def test_dialogs_speak_chinese(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                               sample: Sample, closing: list[object]) -> None:
    from helpdesk.ui import i18n

    i18n.install("zh_CN")
    dialog = _sheet_dialog(qtbot, make_ctx(sample.staff.director), sample.visited, closing)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("共 "), timeout=WAIT)
    assert dialog.status_label.text() == f"共 {dialog.preview.page_count} 页。"
    assert dialog.close_button.text() == "关闭"
    assert dialog.lang_combo.currentData() == "zh_CN"  # follows the UI language
