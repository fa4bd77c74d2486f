"""The import dialog with a store's own files (issue 10): sheets from the app, the
worksheet asked for, the mapping preview, messages under the file's own header in the
UI language, Cancel leaving nothing, and the template button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QLabel, QPushButton

from helpdesk.transfer import spreadsheets as importing
from helpdesk.ui import i18n
from helpdesk.ui.customers.import_dialog import ImportDialog
from tests.ui.helpers import child

SHEET_HEADER = ["序号", "登记日期", "时间", "渠道", "严重程度", "类别", "客户姓名", "联系电话",
                "投诉内容", "备注"]


def _ledger(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _rows(count: int, *, phone_base: int = 13700000000) -> list[list[Any]]:
    return [[i + 1, "2026-06-03", "上午 9:05", "电话", "一般", "维修质量", f"客户{i}",
             str(phone_base + i), "保养后异响", ""] for i in range(count)]


def _sheet_count(ui_db: Any, user: int) -> int:
    uow = ui_db.uow()
    with uow.reading():
        return int(uow.sheets.count())


def test_sheet_ledger_imports_from_the_app_after_choosing_the_worksheet(
        qtbot, make_ctx, sample, ui_db, tmp_path):
    path = _ledger(tmp_path / "台账.xlsx", {
        "封面": [["天顺汽车4S店 客户投诉台账"]],
        "2025": [["天顺汽车4S店 投诉登记"], SHEET_HEADER, *_rows(2)],
        "2026": [SHEET_HEADER, *_rows(3, phone_base=13600000000)],
    })
    before = _sheet_count(ui_db, sample.staff.manager)
    ctx = make_ctx(sample.staff.manager)
    dialog = ImportDialog(ctx, kind=importing.SHEETS)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    child(dialog, QPushButton, "importCheck").click()
    summary = dialog.findChild(QLabel, "importSummary").text()
    assert "2025" in summary and "2026" in summary  # asked, not guessed
    assert dialog.sheet_box.isVisibleTo(dialog)
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("2025"))
    child(dialog, QPushButton, "importCheck").click()
    assert dialog.report is not None and dialog.report.ok and dialog.report.total == 2
    # The mapping preview: the file's columns and how each is read; 序号 and 备注 ignored.
    assert ("联系电话", "Customer phone") in dialog.mapping  # the UI is in English here
    assert ("序号", "(ignored)") in dialog.mapping and ("备注", "(ignored)") in dialog.mapping
    child(dialog, QPushButton, "importRun").click()
    assert dialog.report.imported == 2
    assert _sheet_count(ui_db, sample.staff.manager) == before + 2


def test_problems_are_named_by_the_files_header_in_the_ui_language(
        qtbot, make_ctx, sample, tmp_path):
    rows = _rows(2)
    rows[1][7] = "12345"  # 联系电话
    rows[1][5] = "不存在的类别"  # 类别
    path = _ledger(tmp_path / "x.xlsx", {"Sheet1": [SHEET_HEADER, *rows]})
    i18n.install("zh_CN")
    dialog = ImportDialog(make_ctx(sample.staff.manager), kind=importing.SHEETS)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    child(dialog, QPushButton, "importCheck").click()
    shown = dialog.error_view.model()
    cells = {(shown.index(r, 0).data(), shown.index(r, 1).data())
             for r in range(shown.rowCount())}
    assert cells == {("3", "联系电话"), ("3", "类别")}
    problems = [shown.index(r, 2).data() for r in range(shown.rowCount())]
    assert all("phone" not in p and "category" not in p for p in problems)
    assert any("12345" in p for p in problems)
    assert not child(dialog, QPushButton, "importRun").isEnabled()


def test_cancel_during_the_import_leaves_nothing(qtbot, make_ctx, sample, ui_db, tmp_path,
                                                 monkeypatch):
    path = _ledger(tmp_path / "big.xlsx", {"Sheet1": [SHEET_HEADER, *_rows(300)]})
    before = _sheet_count(ui_db, sample.staff.manager)
    dialog = ImportDialog(make_ctx(sample.staff.manager), kind=importing.SHEETS)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    child(dialog, QPushButton, "importCheck").click()
    assert dialog.report is not None and dialog.report.ok

    from helpdesk.ui import widgets

    real = widgets.run_with_progress

    def press_cancel_at_once(parent, fn, label, **kw):  # the user clicks Cancel
        assert kw.get("cancel_text")  # the dialog offers Cancel
        return real(parent, lambda progress: fn(lambda *a: bool(progress(*a)) and False),
                    label, **kw)

    monkeypatch.setattr(widgets, "run_with_progress", press_cancel_at_once)
    child(dialog, QPushButton, "importRun").click()
    assert "取消" in dialog.findChild(QLabel, "importSummary").text() or \
        "cancelled" in dialog.findChild(QLabel, "importSummary").text()
    assert _sheet_count(ui_db, sample.staff.manager) == before


@pytest.mark.parametrize("kind", [importing.CUSTOMERS, importing.SHEETS])
def test_template_button_writes_both_headers_and_the_allowed_words(
        qtbot, make_ctx, sample, tmp_path, kind):
    i18n.install("zh_CN")  # a Chinese desk writes Chinese headers (English on the help)
    dialog = ImportDialog(make_ctx(sample.staff.manager), kind=kind)
    qtbot.addWidget(dialog)
    target = tmp_path / f"{kind}.xlsx"
    dialog.save_template(target)
    book = load_workbook(target)
    data, help_sheet = book.worksheets[0], book.worksheets[1]
    headers = [c.value for c in data[1]]
    assert headers == [c.header_zh for c in importing.columns_for(kind)]
    example = [c.value for c in data[2]]
    assert any(example)  # an example row, marked so the import skips it
    words = "\n".join(str(c.value) for row in help_sheet.iter_rows() for c in row if c.value)
    assert "Phone" in words or "Customer phone" in words  # the English headers
    if kind == importing.SHEETS:
        assert "厂家400热线" in words and "重大" in words  # the allowed words
    # The template, as saved, imports nothing and reports nothing.
    assert importing.read(target, importing.columns_for(kind)).rows == []
