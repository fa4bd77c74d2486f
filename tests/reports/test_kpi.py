"""The customer KPI report against a small set of customers counted by hand."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from helpdesk.cli import main
from helpdesk.domain.errors import ValidationError
from helpdesk.services import complaints, customers, reporting
from helpdesk.services.reporting import KpiRequest
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.reports.pdftext import has_row, pdf_text, squeeze
from tests.reports.test_as_at import Story

OCTOBER = KpiRequest("2026-10-01", "2026-10-31", lang="zh_CN")


@pytest.fixture
def shop(db: Database, clock: Clock) -> Story:
    """Five customers (P, Q, R, S, T) and two return visits in October.

    P orders 09-10 ¥100, 10-05 ¥200, 10-20 ¥300; Q 09-15 ¥1,000; R 10-10 ¥500;
    S 2025-06-01 ¥800 (nothing in the last 12 months); T never. The story's own
    customer (张三) has no order either.
    """
    s = Story(db, clock)
    for key, score in (("V1", 5), ("V2", 3)):
        s.register(key, "2026-10-12 09:00")
        s.assign(key, "2026-10-12 09:10")
        s.resolve(key, "2026-10-12 10:00")
        s.at("2026-10-13 10:00")
        complaints.record_return_visit(db.uow(), s.staff.care, s.ids[key], score, "")
    s.at("2026-11-18 10:00")
    orders = {"P": [("2026-09-10", "100"), ("2026-10-05", "200"), ("2026-10-20", "300")],
              "Q": [("2026-09-15", "1000")], "R": [("2026-10-10", "500")],
              "S": [("2025-06-01", "800")], "T": []}
    for index, (key, bought) in enumerate(orders.items()):
        cid = customers.create_customer(db.uow(), s.staff.desk, customers.CustomerInput(
            name=f"客户{key}", phones=(f"1390000000{index}",))).id
        for n, (day, amount) in enumerate(bought):
            customers.add_order(db.uow(), s.staff.desk, cid, customers.OrderInput(
                number=f"SO-{key}{n}", ordered_at=date.fromisoformat(day), amount=amount))
    return s


def test_kpi_figures_are_the_hand_counted_ones(shop: Story) -> None:
    r = reporting.kpi_report(shop.db.uow(), shop.staff.gm, OCTOBER)
    # Satisfaction: one of the two October visits scored 4 or 5.
    assert (r.visits, r.satisfied, r.csat, r.average_score) == (2, 1, 0.5, 4.0)
    # Before October (31 days from 08-31): P and Q bought; P again in October.
    assert (r.previous_buyers, r.retained, r.retention_rate) == (2, 1, 0.5)
    # October's buyers P and R; P twice.
    assert (r.buyers, r.repeat_buyers, r.repurchase_rate) == (2, 1, 0.5)
    # Pyramid at 10-31: active P 600, Q 1,000, R 500 → Q top (1 of 3); P, R low.
    assert {s.key: s.customers for s in r.segments} == {
        "top": 1, "high": 0, "middle": 0, "low": 2, "inactive": 1, "prospect": 2}
    # CLV = revenue + 12-month revenue × 3: P 2,400, Q 4,000, R 2,000, S 800.
    assert r.average_clv_cents() == 230000
    low = next(s for s in r.segments if s.key == "low")
    assert r.average_clv_cents(low) == 220000
    # RFM: P R4 F4 M2 potential; Q R2 F1 M4 at risk; R R3 F1 M1 ordinary; S silent.
    assert {c.key: c.customers for c in r.rfm} == {
        "high_value": 0, "potential": 1, "ordinary": 1, "at_risk": 1, "silent": 1}
    assert r.store_names == ("天顺汽车4S店",)


def test_kpi_pdf_and_xlsx(shop: Story) -> None:
    uow, gm = shop.db.uow, shop.staff.gm
    text = pdf_text(reporting.kpi_document(uow(), gm, OCTOBER, "pdf"))
    flat = squeeze(text)
    assert "客户关键指标报告" in flat and "2026-10-01–2026-10-31" in flat
    assert has_row(text, "客户满意度（CSAT）", "50.0%", "1/2", "次回访")
    assert has_row(text, "平均客户终身价值（元）", "2,300.00")
    assert has_row(text, "顶端客户（前1%）", "1", "1,000.00", "47.6%", "4,000.00")
    assert "流失风险R≤2且F或M≥4" in flat  # the definitions are printed
    en = pdf_text(reporting.kpi_document(uow(), gm, KpiRequest(
        "2026-10-01", "2026-10-31", store="TS", lang="en"), "pdf"))
    assert has_row(en, "Retention rate", "50.0%")
    book = openpyxl.load_workbook(io.BytesIO(reporting.kpi_document(
        uow(), gm, KpiRequest("2026-10-01", "2026-10-31", lang="zh_TW"), "xlsx")))
    sheet = book["一、關鍵指標"]
    assert [c.value for c in sheet[2]][:2] == ["客戶滿意度（CSAT）", 0.5]
    assert sheet["B2"].number_format == "0.0%"


def test_kpi_bad_period(shop: Story) -> None:
    with pytest.raises(ValidationError) as bad:
        reporting.kpi_report(shop.db.uow(), shop.staff.gm,
                             KpiRequest("2026-10-31", "2026-10-01"))
    assert bad.value.code == "period.order"
    with pytest.raises(ValidationError):
        reporting.kpi_report(shop.db.uow(), shop.staff.gm, KpiRequest("2026-13-01", "x"))


def test_kpi_from_the_command_line(shop: Story, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPDESK_LANG", "zh_CN")
    out = tmp_path / "kpi.xlsx"
    assert main(["report", "kpi", "--from", "2026-10-01", "--to", "2026-10-31",
                 "--store", "ts", "--out", str(out), "--database", shop.db.url]) == 0
    book = openpyxl.load_workbook(out)
    assert [c.value for c in book["二、客户金字塔"]["B"]][1:7] == [1, 0, 0, 2, 1, 2]
    pdf = tmp_path / "kpi.pdf"
    assert main(["report", "kpi", "--from", "2026-10-01", "--to", "2026-10-31",
                 "--out", str(pdf), "--database", shop.db.url]) == 0
    assert "客户关键指标报告" in squeeze(pdf_text(pdf.read_bytes()))


def test_kpi_average_score_is_a_score_not_a_percentage(shop: Story) -> None:
    text = pdf_text(reporting.kpi_document(shop.db.uow(), shop.staff.gm, OCTOBER, "pdf"))
    assert has_row(text, "回访平均分（5分制）", "4.00")
    assert "400.0%" not in text and "四、统计口径说明" in squeeze(text)
