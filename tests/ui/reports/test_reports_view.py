"""The report screen, driven as a person would: pick the month, generate, look, save,
export, print — and the document is the one the command line writes."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from helpdesk.cli import main
from helpdesk.domain.errors import ValidationError
from helpdesk.services import complaints, reporting
from helpdesk.storage.database import Database
from helpdesk.ui import i18n
from helpdesk.ui.context import AppContext
from helpdesk.ui.reports import ReportsView
from tests.ui.conftest import Sample

WAIT = 30_000


def _view(qtbot: QtBot, ctx: AppContext) -> ReportsView:
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def _choose(view: ReportsView, month: str, lang: str = "en") -> None:
    view.month_combo.setCurrentIndex(view.month_combo.findText(month))
    view.lang_combo.setCurrentIndex(view.lang_combo.findData(lang))


def _generate(qtbot: QtBot, view: ReportsView) -> int:
    with qtbot.waitSignal(view.report_ready, timeout=WAIT) as blocker:
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    return int(blocker.args[0])


def test_offers_the_months_and_stores(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                      sample: Sample) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    assert view.month_combo.itemText(0) == "2026-11"  # NOW is 2026-11-18
    assert view.month_combo.currentText() == "2026-10"  # the month just finished
    assert view.month_combo.count() == 37
    assert [view.store_combo.itemText(i) for i in range(view.store_combo.count())] == \
        ["All stores", "天顺汽车4S店 (TS)"]
    assert view.lang_combo.currentData() == "en"  # the UI's language (tests: English)
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    assert view.generate_button.isEnabled()


def test_the_preview_is_the_command_lines_document(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample,
        ui_db: Database, tmp_path: Path) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    _choose(view, "2026-11")
    view.store_combo.setCurrentIndex(1)
    announced: list[int] = []
    view.report_ready.connect(announced.append)
    pages = _generate(qtbot, view)
    qtbot.wait(100)
    assert announced == [pages]  # once per report, however QtPdf reports the load
    assert pages == view.preview.page_count >= 3
    assert view.print_button.isEnabled() and view.save_button.isEnabled()
    shown = view.preview.text()  # as QtPdf reads it
    assert "Monthly Complaint Analysis Report" in shown and "November 2026" in shown
    assert "Complaints received" in shown
    out = tmp_path / "cli.pdf"
    assert main(["report", "monthly", "--month", "2026-11", "--store", "TS", "--lang", "en",
                 "--out", str(out), "--database", ui_db.url]) == 0
    assert out.read_bytes() == view.preview.data
    assert "Monthly report 2026-11, 天顺汽车4S店 (TS):" in view.status_label.text()


def test_save_export_and_print(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                               sample: Sample, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make_ctx(sample.staff.gm)
    view = _view(qtbot, ctx)
    _choose(view, "2026-11")
    _generate(qtbot, view)
    target = tmp_path / "report.pdf"
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(view.file_saved, timeout=WAIT):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == view.preview.data
    assert asked[-1].endswith("complaint-report-2026-11.pdf")
    assert ctx.settings.value("reports/folder") == str(tmp_path)

    target = tmp_path / "tables.xlsx"
    with qtbot.waitSignal(view.file_saved, timeout=WAIT):
        qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    summary = book["1. The month at a glance"]
    assert summary.cell(row=2, column=1).value == "Complaints received"
    assert summary.cell(row=2, column=2).value == 4  # the four sheets of the sample

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert view.preview.print_to(printer) == view.preview.page_count
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == view.preview.page_count

    # Cancelling the print dialog prints nothing.
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QPrintDialog.DialogCode.Rejected)
    assert view.preview.print_with_dialog() is False


def test_cancelled_save_writes_nothing(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                       sample: Sample, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    _choose(view, "2026-11")
    _generate(qtbot, view)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    with qtbot.assertNotEmitted(view.file_saved):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".csv", ".part")]


def test_unwritable_target_is_reported(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                       sample: Sample, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    _choose(view, "2026-11")
    _generate(qtbot, view)
    missing = tmp_path / "no-such-folder" / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(missing), "")))
    with qtbot.waitSignal(view.failed, timeout=WAIT) as blocker:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "Could not write" in blocker.args[0] and str(missing) in blocker.args[0]


def test_a_role_without_reports(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                sample: Sample) -> None:
    view = _view(qtbot, make_ctx(sample.staff.desk))
    assert not view.generate_button.isEnabled() and not view.xlsx_button.isEnabled()
    assert view.status_label.text().startswith("Your role may not see reports. Only ")


def test_a_failure_is_shown_on_the_page(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                        sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> bytes:
        raise ValidationError("month", "month.future", "2026-12 has not begun yet")

    monkeypatch.setattr(reporting, "monthly_pdf", refuse)
    view = _view(qtbot, make_ctx(sample.staff.gm))
    with qtbot.waitSignal(view.failed, timeout=WAIT) as blocker:
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert "has not begun" in blocker.args[0]
    assert view.generate_button.isEnabled() and not view.save_button.isEnabled()


def test_changes_mark_the_report_stale(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                       sample: Sample) -> None:
    ctx = make_ctx(sample.staff.gm)
    view = _view(qtbot, ctx)
    _choose(view, "2026-11")
    _generate(qtbot, view)
    assert "changed since" not in view.status_label.text()
    complaints.acknowledge(ctx.uow(), sample.staff.manager, sample.registered)
    qtbot.waitUntil(lambda: "Sheets have changed since" in view.status_label.text(),
                    timeout=WAIT)


def test_speaks_chinese(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                        sample: Sample) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: view.generate_button.text() == "生成(&G)", timeout=WAIT)
    assert view.store_combo.itemText(0) == "全部门店"
    assert view.save_button.text() == "另存为 P&DF…"
    assert view.status_label.text().startswith("选择月份后点击“生成”")


def test_issue_a_month_then_reprints_give_that_document(
        qtbot: QtBot, make_ctx: Callable[[int], AppContext], sample: Sample) -> None:
    desk = _view(qtbot, make_ctx(sample.staff.desk))
    assert not desk.issue_button.isEnabled()  # front desk may not even see reports
    view = _view(qtbot, make_ctx(sample.staff.director))
    _choose(view, "2026-10", "zh_CN")
    assert view.issue_button.isEnabled()
    with qtbot.waitSignal(view.report_ready, timeout=WAIT):
        qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text().startswith("Issued 2026-10 on 2026-11-18 10:00")
    ctx = make_ctx(sample.staff.gm)
    issued = reporting.issued_monthly(ctx.uow(), sample.staff.gm,
                                      reporting.MonthlyRequest("2026-10"))
    assert issued is not None and issued.issued_by and view.preview.data == issued.pdf
    # Generating the month again shows the issued document, byte for byte.
    _choose(view, "2026-10", "en")
    _generate(qtbot, view)
    assert view.preview.data == issued.pdf
    # A month still running cannot be issued: the page says why.
    _choose(view, "2026-11")
    with qtbot.waitSignal(view.failed, timeout=WAIT) as failed:
        qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert "2026-11 is not over yet" in str(failed.args[0])


def test_customer_kpi_report_in_the_app(qtbot: QtBot, make_ctx: Callable[[int], AppContext],
                                        sample: Sample) -> None:
    view = _view(qtbot, make_ctx(sample.staff.gm))
    _choose(view, "2026-10", "en")
    with qtbot.waitSignal(view.report_ready, timeout=WAIT) as ready:
        qtbot.mouseClick(view.kpi_button, Qt.MouseButton.LeftButton)
    assert int(ready.args[0]) >= 1
    text = "\n".join(p.extract_text() or "" for p in
                     pypdf.PdfReader(io.BytesIO(view.preview.data)).pages)
    assert "Customer KPI report" in text and "2026-10-01 – 2026-10-31" in text
    assert view.status_label.text() == "Customer KPI report 2026-10."
    assert view.save_button.isEnabled()
