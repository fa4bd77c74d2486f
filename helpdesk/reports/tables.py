"""The monthly report's tables as CSV or XLSX, for people who want the numbers.

The tables are those of the PDF, with the same headings in the same language; the
lists (overdue sheets, repeat complainants, actions, major complaints) are complete
when the report was built with ``list_limit=None``. CSV holds all tables in one file,
each under its title row and followed by a blank line, encoded UTF-8 with a BOM so
Excel opens Chinese correctly. XLSX puts each table on its own worksheet, numbers as
numbers and rates as percentages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.enums import Channel, Severity
from helpdesk.reports import i18n
from helpdesk.reports.monthly import CountRow, MonthlyReport

Cell = str | int | float | date | datetime | None

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ReportTable:
    """One table: a title, its column headings, rows; the floats in ``percent`` columns
    are fractions shown as percentages."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    percent: frozenset[int] = field(default_factory=frozenset)


def report_tables(report: MonthlyReport, lang: str) -> list[ReportTable]:
    """Every table of the report in ``lang``."""
    lang = i18n.normalize_language(lang)

    def t(key: str, **values: object) -> str:
        return i18n.text(lang, key, **values)

    def category(code: str) -> str:
        return i18n.category_name(lang, dict(report.category_names), code)

    def area(code: str) -> str:
        return i18n.label(lang, ResponsibleArea(code)) if code else t("row.unassigned")

    cur, prev = report.current, report.previous
    tables: list[ReportTable] = []
    store = report.store_name or t("report.all_stores")
    tables.append(ReportTable("info", t("report.title"), (t("col.item"), t("col.value")), (
        (t("report.store"), store),
        (t("col.month"), i18n.month_short(report.month)),
        (t("report.as_of"), i18n.fmt_cutoff(report.as_of)),
        (t("report.generated"), i18n.fmt_datetime(report.generated_at)),
    )))
    summary_rows: list[tuple[Cell, ...]] = [
        (t("kpi.received"), cur.received, prev.received),
        (t("kpi.major"), cur.major, prev.major),
        (t("kpi.response_rate"), cur.response.rate, prev.response.rate),
        (t("kpi.resolution_rate"), cur.resolution.rate, prev.resolution.rate),
        (t("kpi.response_median") + " (min)", cur.response_time.median,
         prev.response_time.median),
        (t("kpi.response_p90") + " (min)", cur.response_time.p90, prev.response_time.p90),
        (t("kpi.resolution_median") + " (min)", cur.resolution_time.median,
         prev.resolution_time.median),
        (t("kpi.resolution_p90") + " (min)", cur.resolution_time.p90,
         prev.resolution_time.p90),
        (t("kpi.open_at_end"), cur.unresolved, prev.unresolved),
        (t("kpi.overdue_at_end"), cur.overdue, prev.overdue),
        (t("kpi.repeat"), cur.repeat_customers, prev.repeat_customers),
        (t("kpi.csat"), cur.csat.rate, prev.csat.rate),
    ]
    # Rates are the fractions (floats) of these columns; counts and minutes are ints.
    tables.append(ReportTable("summary", t("sec.summary"),
                              (t("kpi.indicator"), t("kpi.value"), t("kpi.previous")),
                              tuple(summary_rows), frozenset({1, 2})))

    def counts(key: str, title_key: str, rows: Sequence[CountRow],
               name: Callable[[str], str]) -> None:
        body = tuple((name(r.key), r.count, r.count / cur.received if cur.received else None,
                      r.previous) for r in rows)
        body += ((t("col.total"), cur.received, 1.0 if cur.received else None,
                  prev.received),)
        tables.append(ReportTable(key, t(title_key), (t(title_key), t("col.count"),
                                                      t("col.share"), t("col.previous")),
                                  body, frozenset({2})))

    counts("channel", "col.channel", report.by_channel,
           lambda k: i18n.label(lang, Channel(k)))
    counts("severity", "col.severity", report.by_severity,
           lambda k: i18n.label(lang, Severity(k)))
    counts("category", "col.category", report.by_category, category)
    counts("area", "col.area", report.by_area, area)
    # issue 12: people, compensation, 同比/环比
    counts("person", "col.person", report.by_person,
           lambda name: name or t("row.unassigned"))
    counts("advisor", "col.advisor", report.by_advisor, lambda name: name or "")
    tables.append(ReportTable("compensation", t("comp.title"), (
        t("col.category"), t("col.sheets"), t("col.amount")), tuple(
        (category(c.key), c.sheets, c.cents / 100) for c in report.compensation) + ((
            t("col.total"), sum(c.sheets for c in report.compensation),
            report.compensation_cents / 100),)))
    year = report.year_ago
    tables.append(ReportTable("compare", t("compare.title"), (
        t("kpi.indicator"), t("col.this_month"), t("kpi.previous"), t("col.year_ago")), (
        (t("kpi.received"), cur.received, prev.received, year.received if year else None),
        (t("kpi.major"), cur.major, prev.major, year.major if year else None),
        (t("kpi.response_rate"), cur.response.rate, prev.response.rate,
         year.response.rate if year else None),
        (t("kpi.resolution_rate"), cur.resolution.rate, prev.resolution.rate,
         year.resolution.rate if year else None),
        (t("kpi.csat"), cur.csat.rate, prev.csat.rate, year.csat.rate if year else None),
        (t("kpi.reopened"), cur.reopened, prev.reopened, None),
    ), frozenset({1, 2, 3})))
    timeliness = tuple(
        (t(key), rate.eligible, rate.on_time, rate.late, rate.rate, times.count,
         times.median, times.p90)
        for key, rate, times in (("row.response", cur.response, cur.response_time),
                                 ("row.resolution", cur.resolution, cur.resolution_time)))
    tables.append(ReportTable("timeliness", t("sec.timeliness"), (
        t("col.item"), t("col.eligible"), t("col.on_time"), t("col.late"), t("col.rate"),
        t("col.measured"), t("col.median") + " (min)", t("col.p90") + " (min)"),
        timeliness, frozenset({4})))
    tables.append(ReportTable("trend", t("sec.trend"), (
        t("col.month"), t("col.received"), t("col.major"), t("col.response_rate"),
        t("col.resolution_rate"), t("col.csat")), tuple(
        (i18n.month_short(p.month), p.received, p.major, p.response.rate, p.resolution.rate,
         p.csat.rate) for p in report.trend), frozenset({3, 4, 5})))
    tables.append(ReportTable("backlog", t("sec.backlog"), (
        t("col.state"), t("col.sheets"), t("col.overdue"), t("col.from_month")), tuple(
        (i18n.label(lang, b.state), b.count, b.overdue, b.from_month)
        for b in report.backlog)))
    tables.append(ReportTable("overdue", t("kpi.overdue_at_end"), (
        t("col.number"), t("col.received_at"), t("col.severity"), t("col.category"),
        t("col.state"), t("col.responsible"), t("col.deadline_kind"), t("col.due"),
        t("col.overdue_by") + " (min)"), tuple(
        (o.number, o.received_at, i18n.label(lang, o.severity), category(o.category),
         i18n.label(lang, o.state), o.responsible_name, t(f"deadline.{o.step}"), o.due_at,
         int((report.as_of - o.due_at) / timedelta(minutes=1)))
        for o in report.overdue_sheets)))
    tables.append(ReportTable("repeat", t("sec.repeat"), (
        t("col.customer"), t("col.in_month"), t("col.in_window"), t("col.last")), tuple(
        (c.name, c.in_month, c.in_window, c.last_received_at) for c in report.repeat)))
    root_rows: list[tuple[Cell, ...]] = []
    for g in report.root_causes:
        if not g.causes:
            root_rows.append((category(g.category), area(g.area), g.count, g.analysed, "", None))
        for text, n in g.causes:
            root_rows.append((category(g.category), area(g.area), g.count, g.analysed, text, n))
    tables.append(ReportTable("root_causes", t("sec.root_causes"), (
        t("col.category"), t("col.area"), t("col.sheets"), t("col.analysed"),
        t("sheet.sec.root_cause"), t("col.sheets")), tuple(root_rows)))
    tables.append(ReportTable("actions", t("sec.actions"), (
        t("col.sheet"), t("col.action"), t("col.owner"), t("col.due_date"), t("col.status"),
        t("col.effectiveness")), tuple(
        (a.sheet_number, a.description, a.owner_name, a.due_date,
         t("action.done") if a.done else t("action.overdue") if a.overdue
         else t("action.open"), i18n.label(lang, a.effectiveness)) for a in report.actions)))
    tables.append(ReportTable("csat", t("sec.csat"), (t("col.score"), t("col.visits")), tuple(
        (score, report.csat_scores[score - 1]) for score in range(5, 0, -1))))
    tables.append(ReportTable("major", t("sec.major"), (
        t("col.number"), t("col.received_at"), t("col.customer"), t("col.channel"),
        t("col.category"), t("col.complaint"), t("col.area"), t("col.responsible"),
        t("col.state"), t("col.resolved_on_time"), t("col.escalated")), tuple(
        (m.number, m.received_at, m.customer_name, i18n.label(lang, m.channel),
         category(m.category), m.description, area(m.area) if m.area else "",
         m.responsible_name, i18n.label(lang, m.state),
         "" if m.resolved_on_time is None else t("sheet.yes") if m.resolved_on_time
         else t("sheet.no"), t("sheet.yes") if m.escalated_to_oem else t("sheet.no"))
        for m in report.major)))
    return tables


def _text(value: Cell, percent: bool) -> str:
    if value is None:
        return ""
    if percent and isinstance(value, float):
        return i18n.fmt_percent(value)
    if isinstance(value, datetime):
        return i18n.fmt_datetime(value)
    if isinstance(value, date):
        return i18n.fmt_date(value)
    return str(value)


def _safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection);
    # customers' words must stay words.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(tables: Sequence[ReportTable]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for table in tables:
        writer.writerow([_safe(table.title)])
        writer.writerow([_safe(h) for h in table.header])
        for row in table.rows:
            writer.writerow([_safe(_text(v, i in table.percent)) if isinstance(v, str)
                             else _text(v, i in table.percent) for i, v in enumerate(row)])
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31].strip() or "Sheet"
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def to_xlsx(tables: Sequence[ReportTable]) -> bytes:
    # Write-only mode streams the rows: a month's complete lists (tens of thousands of
    # rows) are written in a fraction of the time a normal workbook takes.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    book = Workbook(write_only=True)
    used: set[str] = set()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E5ECF6")
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title, used))
        for index, heading in enumerate(table.header):
            longest = max([len(heading), *(len(_text(row[index], False))
                                           for row in table.rows[:500])])
            sheet.column_dimensions[_column_letter(index)].width = min(60, 4 + longest * 1.6)
        sheet.freeze_panes = "A2"
        head = []
        for heading in table.header:
            cell = WriteOnlyCell(sheet, value=heading)
            cell.font = bold
            cell.fill = fill
            head.append(cell)
        sheet.append(head)
        for row in table.rows:
            cells = []
            for index, value in enumerate(row):
                # Set as the value, not passed to the constructor: its stub omits date.
                cell = WriteOnlyCell(sheet)
                cell.value = _safe(value) if isinstance(value, str) else value
                if isinstance(value, float) and index in table.percent:
                    cell.number_format = "0.0%"
                elif isinstance(value, datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def export(report: MonthlyReport, lang: str, fmt: str) -> bytes:
    """The report's tables as ``csv`` or ``xlsx`` bytes."""
    tables = report_tables(report, lang)
    if fmt == "csv":
        return to_csv(tables)
    if fmt == "xlsx":
        return to_xlsx(tables)
    raise ValueError(f"unknown export format {fmt!r}")
