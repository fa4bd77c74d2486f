"""``helpdesk report …``: the same documents as the desktop's services, files written
whole, clear errors with the documented exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from helpdesk.cli import main
from helpdesk.services import reporting
from helpdesk.storage.database import Database
from tests.reports import dataset
from tests.reports.pdftext import has_row, pdf_text, squeeze


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents come out in the command line's language; these tests read Chinese."""
    monkeypatch.setenv("HELPDESK_LANG", "zh_CN")


def run(db: Database, *args: str) -> int:
    return main([*args, "--database", db.url])


def test_monthly_pdf_is_the_services_document(report_db: Database, data: dataset.Dataset,
                                               tmp_path: Path) -> None:
    out = tmp_path / "2026-10.pdf"
    assert run(report_db, "report", "monthly", "--month", "2026-10", "--out", str(out)) == 0
    cli_pdf = out.read_bytes()
    service_pdf = reporting.monthly_pdf(report_db.uow(), data.staff.gm,
                                        reporting.MonthlyRequest("2026-10"))
    assert pdf_text(cli_pdf) == pdf_text(service_pdf)
    assert cli_pdf == service_pdf  # invariant output: byte for byte
    assert has_row(pdf_text(cli_pdf), "本月受理", "7", "2")
    assert not list(tmp_path.glob("*.part"))


def test_monthly_options(report_db: Database, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bj.pdf"
    assert run(report_db, "report", "monthly", "--month", "2026/10", "--store", "bj",
               "--lang", "en", "--out", str(out), "--json") == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["file"] == str(out) and answer["bytes"] == out.stat().st_size
    text = pdf_text(out.read_bytes())
    assert "北京望京店 · October 2026" in text
    assert has_row(text, "Complaints received", "1", "0")


@pytest.mark.parametrize(("name", "extra", "kind"), [
    ("t.xlsx", [], "xlsx"), ("t.csv", [], "csv"), ("t.dat", ["--format", "xlsx"], "xlsx"),
    ("t.dat", [], "pdf")])
def test_formats(report_db: Database, tmp_path: Path, name: str, extra: list[str],
                 kind: str) -> None:
    out = tmp_path / name
    assert run(report_db, "report", "monthly", "--month", "2026-10", "--out", str(out),
               *extra) == 0
    raw = out.read_bytes()
    if kind == "pdf":
        assert raw.startswith(b"%PDF")
    elif kind == "csv":
        assert "服务顾问接待中,4,57.1%,2" in raw.decode("utf-8-sig")
    else:
        book = openpyxl.load_workbook(io.BytesIO(raw))
        assert len(book.sheetnames) >= 10


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--month", "2026-13"], 2, "错误: month: 2026-13 不是月份"),
    (["--month", "2099-01"], 2, "错误: month: 2099-01 尚未开始"),
    (["--month", "2026-10", "--store", "NOPE"], 2, "没有代码为 NOPE 的门店（现有门店：TS, BJ, GZ"),
    (["--month", "2026-10", "--lang", "fr"], 2, "未知语言 fr"),
])
def test_monthly_errors(report_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        args: list[str], code: int, message: str) -> None:
    out = tmp_path / "x.pdf"
    assert run(report_db, "report", "monthly", *args, "--out", str(out)) == code
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_missing_folder(report_db: Database, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere" / "x.pdf"
    assert run(report_db, "report", "monthly", "--month", "2026-10", "--out", str(out)) == 2
    assert "does not exist" in capsys.readouterr().err


def test_sheet_and_letter(report_db: Database, data: dataset.Dataset, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    number = reporting.sheet_number(report_db.uow(), data.sheets["S2"])
    sheet_pdf = tmp_path / "sheet.pdf"
    assert run(report_db, "report", "sheet", number.lower(), "--out", str(sheet_pdf)) == 0
    flat = squeeze(pdf_text(sheet_pdf.read_bytes()))
    assert number in flat and "139****5678" in flat  # read as the administrator: masked
    capsys.readouterr()
    assert run(report_db, "report", "letter", number, "--draft", "--lang", "en") == 0
    draft = capsys.readouterr().out
    assert draft.startswith("Dear 李四,") and dataset.ROOT_SPARK in draft
    edited = tmp_path / "letter.txt"
    edited.write_text(draft.replace("Dear 李四,", "Dear Mr Li,"), encoding="utf-8")
    letter_pdf = tmp_path / "letter.pdf"
    assert run(report_db, "report", "letter", number, "--lang", "en", "--text", str(edited),
               "--out", str(letter_pdf)) == 0
    assert "Dear Mr Li," in pdf_text(letter_pdf.read_bytes())


def test_sheet_errors(report_db: Database, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run(report_db, "report", "sheet", "TS-2026-999999", "--out",
               str(tmp_path / "x.pdf")) == 1
    assert "该抱怨单不存在" in capsys.readouterr().err
    assert run(report_db, "report", "letter", "TS-2026-000001") == 2
    assert "--out" in capsys.readouterr().err
