"""The customer KPI report (客户关键指标报告, seed 004): satisfaction, retention and
repurchase, customer lifetime value, the customer pyramid and the RFM classes, for a
period and a store, as PDF or XLSX.

The figures come from the customer analytics (``services.analytics``), which defines
them; the service puts them into a :class:`KpiReport` of plain values, which this
module turns into tables and ``render_kpi`` prints. Definitions, as printed:

* **CSAT**: return visits made in the period scoring 4 or 5 (of 5) / all of them.
* **Retention rate**: customers who ordered in the period of equal length just before
  it *and* again in it / those who ordered in the period before.
* **Repurchase rate**: buyers of the period with two or more orders / all its buyers.
* **Customer lifetime value (CLV)**: revenue so far + revenue of the last 12 months ×
  ``ltv_years`` (what a customer is worth if the coming years look like the last);
  averaged over the customers of a segment, and over all customers with an order.
* **Pyramid** (seed 001), at the period's last day: customers with an order in the last
  12 months ranked by that revenue; top 1 %, high to 5 %, middle to 20 %, low the rest;
  inactive (orders, none in 12 months); prospects (no order).
* **RFM** (seed 002): recency, frequency, monetary scored 1–5 by quintile; high value
  R≥3 F≥4 M≥4; potential R≥3 and F or M ≥3; ordinary R≥3; at risk R≤2 and F or M ≥4;
  silent the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from helpdesk.domain import vocabulary
from helpdesk.reports import i18n
from helpdesk.reports.tables import ReportTable, to_csv, to_xlsx


@dataclass(frozen=True)
class KpiSegment:
    key: str  # one of domain.classification.SEGMENTS
    customers: int
    revenue_12m_cents: int
    revenue_cents: int


@dataclass(frozen=True)
class KpiRfm:
    key: str  # one of domain.classification.RFM_CLASSES
    customers: int
    revenue_cents: int
    avg_r: float | None
    avg_f: float | None
    avg_m: float | None


@dataclass(frozen=True)
class KpiReport:
    """Every figure of the customer KPI report.

    Attributes:
        start, end: the period ``[start, end)`` (dates).
        store_name: the store, or ``None`` for all (``store_names`` lists them).
        generated_at: when it was made.
        visits, satisfied, score_sum: return visits of the period.
        previous_buyers, retained, buyers, repeat_buyers: retention and repurchase.
        segments, rfm: the pyramid and the RFM classes at the period's last day.
        ltv_years: the years of future revenue in the CLV estimate.
    """

    start: date
    end: date
    store_name: str | None
    store_names: tuple[str, ...]
    generated_at: datetime
    visits: int
    satisfied: int
    score_sum: int
    previous_buyers: int
    retained: int
    buyers: int
    repeat_buyers: int
    segments: tuple[KpiSegment, ...]
    rfm: tuple[KpiRfm, ...]
    ltv_years: int

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def csat(self) -> float | None:
        return self.satisfied / self.visits if self.visits else None

    @property
    def average_score(self) -> float | None:
        return self.score_sum / self.visits if self.visits else None

    @property
    def retention_rate(self) -> float | None:
        return self.retained / self.previous_buyers if self.previous_buyers else None

    @property
    def repurchase_rate(self) -> float | None:
        return self.repeat_buyers / self.buyers if self.buyers else None

    def clv_cents(self, segment: KpiSegment) -> int:
        """The segment's total lifetime value (revenue + 12-month revenue × years)."""
        return segment.revenue_cents + segment.revenue_12m_cents * self.ltv_years

    def average_clv_cents(self, segment: KpiSegment | None = None) -> int | None:
        """Average CLV of a segment's customers, or of all customers with an order."""
        chosen = [segment] if segment is not None else \
            [s for s in self.segments if s.key != "prospect"]
        customers = sum(s.customers for s in chosen)
        if not customers:
            return None
        return round(sum(self.clv_cents(s) for s in chosen) / customers)


def _amount(cents: int | None) -> str:
    return "—" if cents is None else i18n.fmt_amount(cents)


def kpi_tables(report: KpiReport, lang: str) -> list[ReportTable]:
    """The report's tables in ``lang`` (rates as fractions in percent columns)."""
    lang = i18n.normalize_language(lang)

    def t(key: str, **values: object) -> str:
        return i18n.text(lang, key, **values)

    store = report.store_name or t("report.all_stores")
    info = ReportTable("info", t("kpi_report.title"), (t("col.item"), t("col.value")), (
        (t("report.store"), store),
        (t("report.period"), f"{i18n.fmt_date(report.start)} – {i18n.fmt_date(report.last_day)}"),
        (t("report.generated"), i18n.fmt_datetime(report.generated_at)),
    ))
    kpis = ReportTable("kpis", t("kpi_report.kpis"),
                       (t("kpi.indicator"), t("col.value"), t("kpi.basis")), (
        (t("kpi_report.csat"), report.csat,
         t("kpi.basis.visits", satisfied=report.satisfied, visits=report.visits)),
        (t("kpi_report.average_score"),
         "—" if report.average_score is None else f"{report.average_score:.2f}", ""),
        (t("kpi_report.retention"), report.retention_rate,
         t("kpi_report.basis.retention", retained=report.retained,
           previous=report.previous_buyers)),
        (t("kpi_report.repurchase"), report.repurchase_rate,
         t("kpi_report.basis.repurchase", repeat=report.repeat_buyers, buyers=report.buyers)),
        (t("kpi_report.clv"), _amount(report.average_clv_cents()),
         t("kpi_report.basis.clv", years=report.ltv_years)),
    ), percent=frozenset({1}))
    active = sum(s.revenue_12m_cents for s in report.segments)
    pyramid = ReportTable("pyramid", t("kpi_report.pyramid"), (
        t("kpi_report.segment"), t("kpi_report.customers"), t("kpi_report.revenue_12m"),
        t("col.share"), t("kpi_report.avg_clv")), tuple(
        (vocabulary.customer_class_label("segment", s.key, lang), s.customers,
         i18n.fmt_amount(s.revenue_12m_cents),
         s.revenue_12m_cents / active if active else None,
         _amount(report.average_clv_cents(s)))
        for s in report.segments) + ((
            t("col.total"), sum(s.customers for s in report.segments),
            i18n.fmt_amount(active), 1.0 if active else None,
            _amount(report.average_clv_cents())),),
        percent=frozenset({3}))

    def avg(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    rfm = ReportTable("rfm", t("kpi_report.rfm"), (
        t("kpi_report.rfm_class"), t("kpi_report.customers"), t("kpi_report.revenue"),
        "R", "F", "M"), tuple(
        (vocabulary.customer_class_label("rfm", c.key, lang), c.customers,
         i18n.fmt_amount(c.revenue_cents), avg(c.avg_r),
         avg(c.avg_f), avg(c.avg_m)) for c in report.rfm) + ((
            t("col.total"), sum(c.customers for c in report.rfm),
            i18n.fmt_amount(sum(c.revenue_cents for c in report.rfm)), "", "", ""),))
    definitions = ReportTable("definitions", t("kpi_report.definitions"), (t("col.item"),), tuple(
        (t(key),) for key in ("kpi_def.csat", "kpi_def.retention", "kpi_def.repurchase",
                              "kpi_def.clv", "kpi_def.pyramid", "kpi_def.rfm")))
    return [info, kpis, pyramid, rfm, definitions]


def export(report: KpiReport, lang: str, fmt: str) -> bytes:
    """The KPI report's tables as ``csv`` or ``xlsx`` bytes."""
    found = kpi_tables(report, lang)
    if fmt == "csv":
        return to_csv(found)
    if fmt == "xlsx":
        return to_xlsx(found)
    raise ValueError(f"unknown export format {fmt!r}")
