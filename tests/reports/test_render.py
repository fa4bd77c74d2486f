"""The PDFs as a reader gets them: the text copied out (pypdf) holds the right figures,
the Chinese font is embedded as a subset, and a machine without one still gets a
document (with a logged warning)."""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator

import openpyxl
import pytest

from helpdesk.reports import fonts, i18n, tables
from helpdesk.reports.render_monthly import render_monthly
from helpdesk.services import reporting
from helpdesk.services.reporting import build_monthly_report
from helpdesk.storage.database import Database
from tests.reports import dataset
from tests.reports.pdftext import fonts as pdf_fonts
from tests.reports.pdftext import has_row, page_count, pdf_text, squeeze

OCTOBER = reporting.MonthlyRequest("2026-10")


@pytest.fixture
def zh_pdf(report_db: Database, data: dataset.Dataset) -> bytes:
    return reporting.monthly_pdf(report_db.uow(), data.staff.gm, OCTOBER)


def test_the_pdf_states_the_figures(zh_pdf: bytes) -> None:
    text = pdf_text(zh_pdf)
    flat = squeeze(text)
    assert "月度抱怨/投诉分析报告" in flat and "全部门店·2026年10月" in flat
    assert "2026-10-3124:00" in flat  # the cut-off
    # Summary: this month, last month, basis.
    assert has_row(text, "本月受理", "7", "2", "较上月 +5 (+250.0%)")
    assert has_row(text, "其中重大", "2", "0", "+2 (—)")
    assert has_row(text, "响应及时率", "71.4%", "100.0%", "5/7 单")
    assert has_row(text, "解决及时率", "40.0%", "50.0%", "2/5 单")
    assert has_row(text, "响应时间中位数", "10分钟", "10分钟", "6 单")
    assert has_row(text, "响应时间90分位", "5天", "20分钟", "6 单")
    assert has_row(text, "解决时间90分位", "10天", "3小时", "3 单")
    assert has_row(text, "解决时间中位数", "1小时5分", "3小时", "3 单")
    assert has_row(text, "月末未解决", "4", "1")
    assert has_row(text, "月末超期", "2", "1")
    assert has_row(text, "重复投诉客户", "3", "0", "3 位客户")
    assert has_row(text, "回访满意率", "50.0%", "100.0%", "2/4 次回访")
    # Breakdowns: count, share, last month, change.
    assert has_row(text, "服务顾问接待中", "4", "57.1%", "2", "+2 (+100.0%)")
    assert has_row(text, "厂家400热线", "1", "14.3%", "0", "+1 (—)")
    assert has_row(text, "维修质量", "2", "28.6%", "1", "+1 (+100.0%)")
    assert has_row(text, "收费价格", "0", "0.0%", "1", "-1 (-100.0%)")
    assert has_row(text, "技术", "2", "28.6%", "1")
    # S4 was assigned (to service) only on 3 November: unassigned at October's end.
    assert has_row(text, "未定责", "2", "28.6%", "0")
    assert has_row(text, "合计", "7", "100.0%", "2", "+5 (+250.0%)")
    # Timeliness table.
    assert has_row(text, "响应", "7", "5", "2", "71.4%", "6", "10分钟", "5天")
    assert has_row(text, "解决", "5", "2", "3", "40.0%", "3", "1小时5分", "10天")
    # Trend.
    assert has_row(text, "2026-09", "2", "0", "100.0%", "50.0%", "100.0%")
    assert has_row(text, "2026-10", "7", "2", "71.4%", "40.0%", "50.0%")
    assert has_row(text, "2025-11", "0", "0", "—", "—", "—")
    # Backlog at the cut-off.
    assert has_row(text, "已登记", "1", "1", "1")
    assert has_row(text, "已响应", "1", "1", "1")
    assert has_row(text, "已回访", "2", "0", "1")
    assert "未结案抱怨单6张，其中未解决4张、超期2张" in flat
    # Repeat complainants, root causes, actions, satisfaction.
    assert has_row(text, "张三", "3", "4")
    assert f"{dataset.ROOT_SPARK}(2)" in flat
    assert "本月7张抱怨单中4张已填写根本原因，3张尚未分析" in flat
    assert ("本月涉及措施4项：有效1项，无效1项，待验证2项，逾期未完成1项。"
            "此外，以前月份到期仍未完成的措施1项") in flat
    assert squeeze(dataset.ACTION_SCAN) in flat
    assert "本月回访4次，满意（4–5分）2次，满意率50.0%，平均分3.50。上月满意率100.0%" in flat
    # Major complaints, with what the customer typed printed literally.
    assert "本月重大投诉2张" in flat
    assert "服务顾问态度恶劣，<b>拒绝</b>&推诿" in flat
    # Definitions and the sign-off block.
    assert "最近秩" in flat and "重复投诉客户：本月有投诉" in flat
    for label in ("服务总监审阅意见", "总经理审阅意见", "编制人（客户关爱部）", "签字：", "日期："):
        assert label in flat


def test_every_page_is_numbered(zh_pdf: bytes) -> None:
    pages = page_count(zh_pdf)
    assert pages >= 3
    flat = squeeze(pdf_text(zh_pdf))
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in flat


def test_english_and_traditional(report_db: Database, data: dataset.Dataset) -> None:
    en = pdf_text(reporting.monthly_pdf(report_db.uow(), data.staff.gm,
                                        reporting.MonthlyRequest("2026-10", lang="en")))
    assert "Monthly Complaint Analysis Report" in en and "October 2026" in en
    assert has_row(en, "Responded on time", "71.4%", "100.0%", "5/7 sheets")
    assert has_row(en, "Service reception", "4", "57.1%", "2", "+2 (+100.0%)")
    assert has_row(en, "Median response time", "10 min", "10 min", "6 sheets")
    assert has_row(en, "90th percentile resolution", "10 d", "3 h", "3 sheets")
    assert "Service Director's review" in en and "Page 1 of" in en
    tw = squeeze(pdf_text(reporting.monthly_pdf(
        report_db.uow(), data.staff.gm, reporting.MonthlyRequest("2026-10", lang="zh_TW"))))
    assert "月度抱怨/投訴分析報告" in tw and "服務顧問接待中457.1%2" in tw
    assert "總經理審閱意見" in tw


def test_store_report_names_the_store(report_db: Database, data: dataset.Dataset) -> None:
    text = pdf_text(reporting.monthly_pdf(
        report_db.uow(), data.staff.gm, reporting.MonthlyRequest("2026-10", store="GZ")))
    flat = squeeze(text)
    assert "广州天河店·2026年10月" in flat
    assert "本月没有受理抱怨/投诉" in flat and "本月没有回访记录" in flat
    assert has_row(text, "本月受理", "0", "0", "较上月 +0 (—)")


def test_a_month_in_progress_says_so(report_db: Database, data: dataset.Dataset) -> None:
    flat = squeeze(pdf_text(reporting.monthly_pdf(
        report_db.uow(), data.staff.gm, reporting.MonthlyRequest("2026-11"))))
    assert "本月尚未结束：以下数字截至2026-11-1810:00，不是整月数据" in flat


def test_long_lists_say_where_the_rest_is(report_db: Database) -> None:
    report = build_monthly_report(report_db.uow(), "2026-10", list_limit=1)
    flat = squeeze(pdf_text(render_monthly(report, "zh_CN")))
    assert "仅列出前1条，共3条" in flat  # repeat complainants
    assert "仅列出前1条，共4条" in flat  # actions


def test_the_font_is_embedded_as_a_subset(zh_pdf: bytes) -> None:
    chosen = fonts.pdf_font()
    if not chosen.embedded:
        pytest.skip("no TrueType CJK font on this machine (install fonts-wqy-microhei)")
    found = pdf_fonts(zh_pdf)
    assert found, "the PDF has no fonts"
    for font in found:
        assert font["embedded"] and font["truetype"], font
        assert re.match(r"^/[A-Z]{6}\+", str(font["name"])), font  # subset tag


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    monkeypatch.setattr(fonts, "_system_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_fontconfig_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_config_font", lambda: None)
    fonts.reset_cache()
    yield
    fonts.reset_cache()


@pytest.mark.usefixtures("no_cjk_font")
def test_without_a_cjk_font_the_report_still_renders(
        report_db: Database, data: dataset.Dataset, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="helpdesk.reports.fonts"):
        pdf = reporting.monthly_pdf(report_db.uow(), data.staff.gm, OCTOBER)
    assert "NOT embedded" in caplog.text and "HELPDESK_PDF_FONT" in caplog.text
    found = pdf_fonts(pdf)
    assert [f["name"] for f in found] == ["/STSong-Light"]
    assert not found[0]["embedded"]
    text = pdf_text(pdf)
    assert "月度抱怨/投诉分析报告" in squeeze(text)
    assert has_row(text, "响应及时率", "71.4%", "100.0%", "5/7 单")


def test_a_configured_font_that_is_missing_is_reported(
        monkeypatch: pytest.MonkeyPatch, tmp_path: object,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(fonts.ENV_FONT, "/nowhere/simhei.ttf")
    fonts.reset_cache()
    try:
        with caplog.at_level(logging.WARNING, logger="helpdesk.reports.fonts"):
            chosen = fonts.pdf_font()
    finally:
        fonts.reset_cache()
    assert "/nowhere/simhei.ttf" in caplog.text and "does not exist" in caplog.text
    assert chosen.path != "/nowhere/simhei.ttf"


def test_a_configured_non_truetype_file_is_skipped(
        monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory,
        caplog: pytest.LogCaptureFixture) -> None:
    bogus = tmp_path / "fake.ttf"  # type: ignore[operator]
    bogus.write_bytes(b"OTTO not really a font")
    monkeypatch.setenv(fonts.ENV_FONT, str(bogus))
    fonts.reset_cache()
    try:
        with caplog.at_level(logging.WARNING, logger="helpdesk.reports.fonts"):
            chosen = fonts.pdf_font()
    finally:
        fonts.reset_cache()
    assert "not a TrueType font" in caplog.text
    assert chosen.path != str(bogus)


# ---------------------------------------------------------------- CSV / XLSX
def test_xlsx_holds_the_tables(report_db: Database, data: dataset.Dataset) -> None:
    raw = reporting.monthly_export(report_db.uow(), data.staff.gm, OCTOBER, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(raw))
    summary = book[i18n.text("zh_CN", "sec.summary")]
    rows = {r[0]: r[1:] for r in summary.iter_rows(min_row=2, values_only=True)}
    assert rows["本月受理"] == (7, 2)
    assert rows["响应及时率"][0] == pytest.approx(5 / 7)
    assert summary.cell(row=4, column=2).number_format == "0.0%"
    assert rows["响应时间90分位 (min)"] == (7200, 20)
    channels = {r[0]: r[1] for r in book["接收渠道"].iter_rows(min_row=2, values_only=True)}
    assert channels["服务顾问接待中"] == 4 and channels["合计"] == 7
    trend = list(book[i18n.text("zh_CN", "sec.trend")].iter_rows(min_row=2, values_only=True))
    assert len(trend) == 12 and trend[-1][:3] == ("2026-10", 7, 2)
    major = list(book[i18n.text("zh_CN", "sec.major")].iter_rows(min_row=2, values_only=True))
    assert len(major) == 2


def test_csv_holds_every_row_and_defuses_formulas(report_db: Database,
                                                  data: dataset.Dataset) -> None:
    raw = reporting.monthly_export(report_db.uow(), data.staff.gm,
                                   reporting.MonthlyRequest("2026-10", lang="en"), "csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    text = raw.decode("utf-8-sig")
    assert "Service reception,4,57.1%,2" in text
    assert "Response,7,5,2,71.4%,6,10,7200" in text
    assert "2026-10,7,2,71.4%,40.0%,50.0%" in text
    # Change columns hold "-1": text cells starting with - are quoted against formulas.
    table = tables.ReportTable("x", "=HYPERLINK(\"http://evil\")", ("a",), (("-cmd",), (-1,)))
    cells = list(csv.reader(io.StringIO(tables.to_csv([table]).decode("utf-8-sig"))))
    assert cells[0] == ["'=HYPERLINK(\"http://evil\")"]
    assert cells[2:4] == [["'-cmd"], ["-1"]]  # a number stays a number


def test_unknown_export_format(report_db: Database, data: dataset.Dataset) -> None:
    from helpdesk.domain.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        reporting.monthly_export(report_db.uow(), data.staff.gm, OCTOBER, "docx")
    assert info.value.code == "format.unknown"


def test_every_text_exists_in_every_language() -> None:
    keys = set(i18n.TEXTS["zh_CN"])
    for lang in i18n.LANGUAGES:
        assert set(i18n.TEXTS[lang]) == keys, lang
        for key in keys:
            assert i18n.TEXTS[lang][key].strip() or key.startswith("letter.honorific"), key


@pytest.mark.parametrize(("minutes", "zh", "en"), [
    (0, "0分钟", "0 min"), (59, "59分钟", "59 min"), (60, "1小时", "1 h"),
    (65, "1小时5分", "1 h 5 min"), (1440, "1天", "1 d"), (1500, "1天1小时", "1 d 1 h"),
    (7200, "5天", "5 d"), (None, "—", "—"),
])
def test_durations(minutes: int | None, zh: str, en: str) -> None:
    assert i18n.fmt_duration("zh_CN", minutes) == zh
    assert i18n.fmt_duration("en", minutes) == en


@pytest.mark.parametrize(("value", "lang"), [("zh", "zh_CN"), ("ZH-cn", "zh_CN"),
                                             ("zh_TW", "zh_TW"), ("zh-Hant", "zh_TW"),
                                             ("en", "en"), (None, "zh_CN"), ("", "zh_CN")])
def test_languages(value: str | None, lang: str) -> None:
    assert i18n.normalize_language(value) == lang


def test_unknown_language() -> None:
    from helpdesk.domain.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        i18n.normalize_language("fr")
    assert (info.value.field, info.value.code) == ("lang", "lang.unknown")
