"""The customer KPI report as PDF (see ``reports.kpi`` for the figures)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from helpdesk.reports import i18n, layout
from helpdesk.reports.fonts import PdfFont, pdf_font
from helpdesk.reports.kpi import KpiReport, kpi_tables
from helpdesk.reports.tables import ReportTable

_WIDTHS = {
    "kpis": [50 * mm, 36 * mm, 92 * mm],
    "pyramid": [44 * mm, 28 * mm, 40 * mm, 26 * mm, 40 * mm],
    "rfm": [44 * mm, 28 * mm, 46 * mm, 20 * mm, 20 * mm, 20 * mm],
}


def _cell(value: object, percent: bool) -> str:
    if value is None:
        return "—"
    if percent and isinstance(value, float):
        return i18n.fmt_percent(value)
    return str(value)


def render_kpi(report: KpiReport, lang: str = i18n.DEFAULT_LANGUAGE, *,
               font: PdfFont | None = None) -> bytes:
    """The KPI report as PDF bytes in ``lang``."""
    lang = i18n.normalize_language(lang)
    font = font or pdf_font()
    st = layout.styles(font, lang)

    def t(key: str, **values: object) -> str:
        return i18n.text(lang, key, **values)

    info, *figures, definitions = kpi_tables(report, lang)
    store = report.store_name or t("report.all_stores")
    if report.store_name is None and report.store_names:
        store = t("report.store_list", all=store, names=("、" if lang != "en" else ", ")
                  .join(report.store_names))
    period = f"{i18n.fmt_date(report.start)} – {i18n.fmt_date(report.last_day)}"
    out: list[Flowable] = [
        layout.para(t("kpi_report.title"), st.title),
        layout.para(t("report.subtitle", store=report.store_name or t("report.all_stores"),
                      month=period), st.subtitle),
        layout.field_grid(st, [(t("report.store"), store), (t("report.period"), period),
                               (t("kpi_report.as_at"), i18n.fmt_date(report.last_day)),
                               (t("report.generated"), i18n.fmt_datetime(report.generated_at))],
                          columns=2),
    ]
    table: ReportTable
    for table in figures:
        rows = [[_cell(v, i in table.percent) for i, v in enumerate(row)] for row in table.rows]
        numeric = tuple(range(1, len(table.header)))
        out.append(KeepTogether([
            layout.para(table.title, st.h1),
            layout.table(st, table.header, rows, _WIDTHS[table.key],
                         right=numeric if table.key != "kpis" else (1,),
                         total_row=table.key in ("pyramid", "rfm")),
        ]))
    out.append(layout.para(definitions.title, st.h1))
    for (text,) in definitions.rows:
        out.append(layout.para(text, st.small))
    title = t("kpi_report.title")
    return layout.build(
        out, font=font, title=f"{title} {period}", subject=f"{store} {period}",
        footer=f"{title} · {report.store_name or t('report.all_stores')} · {period}",
        page_text=lambda page, pages: t("report.page", page=page, pages=pages),
        lang=lang, author=f"{report.store_name or t('report.all_stores')} · "
                          f"{t('report.prepared_by.value')}",
        created=report.generated_at)
