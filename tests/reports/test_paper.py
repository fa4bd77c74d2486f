"""Paper that looks right: Chinese line-breaking, no total row alone on a page, the
PDF's metadata."""

from __future__ import annotations

import io
from datetime import datetime

import pypdf
import pytest
from reportlab.platypus import Paragraph, Spacer

from helpdesk.reports import fonts, layout
from helpdesk.services import reporting
from helpdesk.storage.database import Database
from tests.conftest import NOW
from tests.reports import dataset

TEN = "一二三四五六七八九十"


def _lines(text: str, lang: str, chars: int = 10) -> list[str]:
    style = layout.styles(fonts.pdf_font(), lang).body
    paragraph = Paragraph(text, style)
    paragraph.wrap(style.fontSize * chars + 0.5, 10_000)
    found = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
        found.append("".join(str(w) for w in words))
    return found


@pytest.mark.parametrize("mark", list("，。、；：！？）」』》”"))
@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_no_line_starts_with_closing_punctuation(mark: str, lang: str) -> None:
    # Ten characters fill the line; the mark would be the first of the next one.
    lines = _lines(f"{TEN}{mark}{TEN}{TEN}", lang)
    assert len(lines) >= 2
    assert all(not line.startswith(mark) for line in lines), lines
    assert lines[0] == TEN + mark  # it hangs at the end of the line before


def test_an_opening_bracket_still_starts_a_line() -> None:
    lines = _lines(f"{TEN}（{TEN}）", "zh_CN")
    assert lines[1].startswith("（")


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("filler", [*range(2260, 2460, 20), *range(2040, 2070, 3)])
def test_a_total_row_never_stands_alone_on_a_page(filler: int) -> None:
    """Whatever the space left on page one (``filler``: tenths of a mm), the total goes
    over with a row above it, and the table is cut once (splitting inside a row had
    put the header twice on a page and the total alone on the next)."""
    font = fonts.pdf_font()
    st = layout.styles(font, "zh_CN")
    rows = [[f"行{i}", str(i), "2,864,824.00"] for i in range(1, 9)] + \
        [["合计", "36", "10,370,222.00"]]
    table = layout.table(st, ["项目", "数量", "金额"], rows, [80, 40, 58], right=(1, 2),
                         total_row=True)
    data = layout.build([Spacer(1, filler / 10 * layout.mm), table], font=font, title="t",
                        subject="s", footer="f", page_text=lambda p, n: f"{p} / {n}",
                        lang="zh_CN")
    pages = _pages(data)
    where = next(i for i, text in enumerate(pages) if "合计" in text)
    body = [line for line in pages[where].splitlines() if line.startswith("行")]
    assert body, f"the total is alone on page {where + 1}"
    assert all(text.splitlines().count("项目") <= 1 for text in pages)
    assert f"{where + 1} / {len(pages)}" in pages[where]


def test_the_monthly_pdf_carries_its_metadata(report_db: Database,
                                              data: dataset.Dataset) -> None:
    pdf = reporting.monthly_pdf(report_db.uow(), data.staff.gm,
                                reporting.MonthlyRequest("2026-10", store="TS"))
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.title == "月度抱怨/投诉分析报告 2026年10月"
    assert info.subject == "天顺汽车4S店 2026年10月"
    assert info.author == "天顺汽车4S店 · 客户关爱部"
    assert info.creation_date is not None
    assert info.creation_date.replace(tzinfo=None) == NOW == datetime(2026, 11, 18, 10, 0)
    assert info.creator == "Helpdesk"


def test_chinese_words_in_an_english_document_follow_the_chinese_rules() -> None:
    style = layout.styles(fonts.pdf_font(), "en").cell
    paragraph = layout.para(f"[Price] {TEN}{TEN}，{TEN}。", style)
    paragraph.wrap(style.fontSize * 12 + 0.5, 10_000)
    lines = ["".join(str(w) for w in (line[1] if isinstance(line, tuple) else
                                      [x.text for x in line.words]))
             for line in paragraph.blPara.lines]
    assert len(lines) >= 3
    assert not any(line.strip().startswith(("，", "。")) for line in lines), lines
