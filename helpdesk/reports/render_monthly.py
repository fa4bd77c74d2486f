"""The monthly complaint analysis report as a PDF (A4, reportlab platypus).

Sections follow DESIGN.md section 4: summary with last month's figures, breakdowns
and charts, timeliness, 12-month trend, open and overdue at month end, repeat
complainants, root causes, corrective actions, satisfaction, major complaints, the
definitions of every figure, and the review and signature block for the service
director and the general manager.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.enums import Channel, Severity
from helpdesk.reports import charts, i18n, layout
from helpdesk.reports.fonts import PdfFont, pdf_font
from helpdesk.reports.i18n import fmt_date, fmt_datetime, fmt_duration, fmt_percent
from helpdesk.reports.layout import CONTENT_WIDTH, Styles, para, shorten
from helpdesk.reports.monthly import CountRow, MonthlyReport, Rate, Summary


class _Writer:
    def __init__(self, report: MonthlyReport, lang: str, font: PdfFont) -> None:
        self.r = report
        self.lang = lang
        self.font = font
        self.st: Styles = layout.styles(font, lang)
        self.out: list[Flowable] = []

    # -- words
    def t(self, key: str, **values: object) -> str:
        return i18n.text(self.lang, key, **values)

    @property
    def store_title(self) -> str:
        return self.r.store_name or self.t("report.all_stores")

    @property
    def month_title(self) -> str:
        return i18n.month_title(self.lang, self.r.month)

    def category(self, code: str) -> str:
        return i18n.category_name(self.lang, dict(self.r.category_names), code)

    def area(self, code: str) -> str:
        if not code:
            return self.t("row.unassigned")
        return i18n.label(self.lang, ResponsibleArea(code))

    def dash(self) -> str:
        return self.t("report.dash")

    # -- building blocks
    def h1(self, key: str) -> None:
        # A heading never sits alone at the bottom of a page.
        self.out.append(CondPageBreak(40 * mm))
        self.out.append(Paragraph(layout.clean(self.t(key)), self.st.h1))

    def h2(self, text: str) -> None:
        self.out.append(para(text, self.st.h2))

    def body(self, text: str) -> None:
        self.out.append(para(text, self.st.body))

    def small(self, text: str) -> None:
        self.out.append(para(text, self.st.small))

    def more(self, shown: int, total: int) -> None:
        if total > shown:
            self.small(self.t("report.more", shown=shown, total=total))

    def gap(self, height: float = 3 * mm) -> None:
        self.out.append(Spacer(1, height))

    # -- the document
    def build(self) -> list[Flowable]:
        self.header()
        self.summary()
        self.breakdown()
        self.timeliness()
        self.trend()
        self.backlog()
        self.repeat()
        self.root_causes()
        self.actions()
        self.csat()
        self.major()
        self.definitions()
        self.review()
        return self.out

    def header(self) -> None:
        r = self.r
        self.out.append(para(self.t("report.title"), self.st.title))
        self.out.append(para(self.t("report.subtitle", store=self.store_title,
                                    month=self.month_title), self.st.subtitle))
        last_day = (r.end - timedelta(days=1)).date()
        store = self.store_title
        if r.store_name is None and r.store_names:
            store = self.t("report.store_list", all=store, names="、".join(r.store_names)
                           if self.lang != "en" else ", ".join(r.store_names))
        pairs = [
            (self.t("report.store"), store),
            (self.t("report.period"), f"{fmt_date(r.start)} – {fmt_date(last_day)}"),
            (self.t("report.as_of"), i18n.fmt_cutoff(r.as_of)),
            (self.t("report.generated"), fmt_datetime(r.generated_at)),
            (self.t("report.prepared_by"), self.t("report.prepared_by.value")),
            (self.t("report.recipients"), self.t("report.recipients.value")),
        ]
        self.out.append(layout.field_grid(self.st, pairs, columns=2))
        if not r.complete:
            self.gap(2 * mm)
            style = self.st.body.clone("incomplete", textColor=layout.ALERT)
            self.out.append(para(self.t("report.incomplete", as_of=fmt_datetime(r.as_of)),
                                 style))
            self.out.append(para(self.t("report.pro_rata",
                                        share=fmt_percent(r.elapsed_share)), style))

    # -- 1. summary
    def _rate_basis(self, rate: Rate) -> str:
        return self.t("kpi.basis.rate", on_time=rate.on_time, eligible=rate.eligible)

    def summary(self) -> None:
        self.h1("sec.summary")
        cur, prev = self.r.current, self.r.previous
        if cur.received == 0:
            self.body(self.t("empty.month"))
        rows: list[list[str]] = [
            [self.t("kpi.received"), str(cur.received), str(prev.received),
             f"{self.t('kpi.change')} "
             f"{i18n.fmt_change(cur.received, self.r.pro_rata(prev.received))}"],
            [self.t("kpi.major"), str(cur.major), str(prev.major),
             i18n.fmt_change(cur.major, prev.major)],
            [self.t("kpi.response_rate"), fmt_percent(cur.response.rate),
             fmt_percent(prev.response.rate), self._rate_basis(cur.response)],
            [self.t("kpi.resolution_rate"), fmt_percent(cur.resolution.rate),
             fmt_percent(prev.resolution.rate), self._rate_basis(cur.resolution)],
        ]
        for key, attr, part in (("kpi.response_median", "response_time", "median"),
                                ("kpi.response_p90", "response_time", "p90"),
                                ("kpi.resolution_median", "resolution_time", "median"),
                                ("kpi.resolution_p90", "resolution_time", "p90")):
            now_d, before_d = getattr(cur, attr), getattr(prev, attr)
            rows.append([self.t(key), fmt_duration(self.lang, getattr(now_d, part)),
                         fmt_duration(self.lang, getattr(before_d, part)),
                         self.t("kpi.basis.times", count=now_d.count)])
        rows += [
            [self.t("kpi.open_at_end"), str(cur.unresolved), str(prev.unresolved),
             i18n.fmt_change(cur.unresolved, prev.unresolved)],
            [self.t("kpi.overdue_at_end"), str(cur.overdue), str(prev.overdue),
             i18n.fmt_change(cur.overdue, prev.overdue)],
            [self.t("kpi.reopened"), str(cur.reopened), str(prev.reopened),
             self.t("kpi.basis.reopened")],
            [self.t("kpi.repeat"), str(cur.repeat_customers), str(prev.repeat_customers),
             self.t("kpi.basis.customers", count=cur.repeat_customers)],
            [self.t("kpi.csat"), fmt_percent(cur.csat.rate), fmt_percent(prev.csat.rate),
             self.t("kpi.basis.visits", satisfied=cur.csat.satisfied,
                    visits=cur.csat.visits)],
        ]
        header = [self.t("kpi.indicator"), self.t("kpi.value"), self.t("kpi.previous"),
                  self.t("kpi.basis")]
        self.out.append(layout.table(self.st, header, rows,
                                     [62 * mm, 34 * mm, 34 * mm, 48 * mm], right=(1, 2)))
        self.gap()
        self.out.append(KeepTogether(self.comparison()))
        # The twelve-month picture belongs on the first page: it is what readers look at.
        self.gap()
        self.out.append(self.trend_charts())

    def comparison(self) -> list[Flowable]:
        """同比 and 环比: this month against last month and the same month last year."""
        r, cur, prev, year = self.r, self.r.current, self.r.previous, self.r.year_ago
        rows = [
            [self.t("kpi.received"), str(cur.received), str(prev.received),
             i18n.fmt_change(cur.received, r.pro_rata(prev.received)),
             str(year.received) if year else self.dash(),
             i18n.fmt_change(cur.received, r.pro_rata(year.received)) if year
             else self.dash()],
            [self.t("kpi.major"), str(cur.major), str(prev.major),
             i18n.fmt_change(cur.major, r.pro_rata(prev.major)),
             str(year.major) if year else self.dash(),
             i18n.fmt_change(cur.major, r.pro_rata(year.major)) if year else self.dash()],
        ]
        for key, now, before, then in (
                ("kpi.response_rate", cur.response.rate, prev.response.rate,
                 year.response.rate if year else None),
                ("kpi.resolution_rate", cur.resolution.rate, prev.resolution.rate,
                 year.resolution.rate if year else None),
                ("kpi.csat", cur.csat.rate, prev.csat.rate, year.csat.rate if year else None)):
            rows.append([self.t(key), fmt_percent(now), fmt_percent(before),
                         i18n.fmt_points(now, before), fmt_percent(then),
                         i18n.fmt_points(now, then)])
        header = [self.t("kpi.indicator"), self.t("col.this_month"), self.t("kpi.previous"),
                  self.t("col.mom"), self.t("col.year_ago"), self.t("col.yoy")]
        return [para(self.t("compare.title"), self.st.h2),
                layout.table(self.st, header, rows,
                             [46 * mm, 24 * mm, 24 * mm, 30 * mm, 24 * mm, 30 * mm],
                             right=(1, 2, 3, 4, 5))]

    # -- 2. breakdown
    def _count_table(self, title_key: str, rows: Sequence[CountRow],
                     name: Callable[[str], str]) -> Table:
        total = self.r.current.received
        previous_total = self.r.previous.received
        body = [[name(row.key), str(row.count),
                 fmt_percent(row.count / total if total else None), str(row.previous),
                 i18n.fmt_change(row.count, self.r.pro_rata(row.previous))] for row in rows]
        body.append([self.t("col.total"), str(total), fmt_percent(1.0 if total else None),
                     str(previous_total),
                     i18n.fmt_change(total, self.r.pro_rata(previous_total))])
        header = [self.t(title_key), self.t("col.count"), self.t("col.share"),
                  self.t("col.previous"), self.t("col.change")]
        return layout.table(self.st, header, body,
                            [70 * mm, 22 * mm, 22 * mm, 22 * mm, 42 * mm],
                            right=(1, 2, 3, 4), total_row=True)

    def breakdown(self) -> None:
        self.h1("sec.breakdown")
        r = self.r

        def channel(key: str) -> str:
            return i18n.label(self.lang, Channel(key))

        def severity(key: str) -> str:
            return i18n.label(self.lang, Severity(key))

        self.out.append(KeepTogether(self._count_table("col.channel", r.by_channel, channel)))
        self.gap()
        self.out.append(KeepTogether(self._count_table("col.severity", r.by_severity, severity)))
        self.gap()
        self.out.append(KeepTogether(self._count_table("col.category", r.by_category,
                                                         self.category)))
        self.gap()
        self.out.append(KeepTogether(self._count_table("col.area", r.by_area, self.area)))
        self.gap()
        half = CONTENT_WIDTH / 2 - 2 * mm
        channel_rows = [row for row in r.by_channel if row.count]
        area_rows = [row for row in r.by_area if row.count]
        height = 30 * mm + 6 * mm * max(len(channel_rows), len(area_rows), 1)
        left = charts.bars_by_group(self.st.font, self.t("chart.by_channel"),
                                    [channel(row.key) for row in channel_rows],
                                    [row.count for row in channel_rows], half, height)
        right = charts.bars_by_group(self.st.font, self.t("chart.by_area"),
                                     [self.area(row.key) for row in area_rows],
                                     [row.count for row in area_rows], half, height)
        pair = Table([[left, right]], colWidths=[half + 2 * mm, half + 2 * mm])
        pair.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.st.font),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        self.out.append(pair)
        self.people()
        self.compensation()

    def people(self) -> None:
        r = self.r
        if not (r.by_person or r.by_advisor):
            return
        self.h2(self.t("sec.people"))
        def person(name: str) -> str:
            return name or self.t("row.unassigned")

        def advisor(name: str) -> str:
            return name or self.dash()

        for key, rows, show in (("col.person", r.by_person, person),
                                ("col.advisor", r.by_advisor, advisor)):
            if rows:
                self.out.append(KeepTogether(self._count_table(key, rows, show)))
                self.gap()

    def compensation(self) -> None:
        r = self.r
        self.h2(self.t("comp.title"))
        if not r.compensation:
            self.body(self.t("comp.none"))
            return
        self.body(self.t("comp.summary", amount=f"¥{i18n.fmt_amount(r.compensation_cents)}",
                         sheets=sum(c.sheets for c in r.compensation),
                         previous=f"¥{i18n.fmt_amount(r.compensation_previous_cents)}"))
        rows = [[self.category(c.key), str(c.sheets), i18n.fmt_amount(c.cents)]
                for c in r.compensation]
        rows.append([self.t("col.total"), str(sum(c.sheets for c in r.compensation)),
                     i18n.fmt_amount(r.compensation_cents)])
        header = [self.t("col.category"), self.t("col.sheets"), self.t("col.amount")]
        self.out.append(layout.table(self.st, header, rows, [80 * mm, 40 * mm, 58 * mm],
                                     right=(1, 2), total_row=True))

    # -- 3. timeliness
    def timeliness(self) -> None:
        self.h1("sec.timeliness")
        cur = self.r.current
        rows = []
        for key, rate, times in (("row.response", cur.response, cur.response_time),
                                 ("row.resolution", cur.resolution, cur.resolution_time)):
            rows.append([self.t(key), str(rate.eligible), str(rate.on_time), str(rate.late),
                         fmt_percent(rate.rate), str(times.count),
                         fmt_duration(self.lang, times.median),
                         fmt_duration(self.lang, times.p90)])
        header = [self.t("col.item"), self.t("col.eligible"), self.t("col.on_time"),
                  self.t("col.late"), self.t("col.rate"), self.t("col.measured"),
                  self.t("col.median"), self.t("col.p90")]
        self.out.append(layout.table(self.st, header, rows,
                                     [24 * mm, 20 * mm, 18 * mm, 18 * mm, 20 * mm, 20 * mm,
                                      29 * mm, 29 * mm], right=(1, 2, 3, 4, 5, 6, 7)))

    # -- 4. trend
    def trend_charts(self) -> Flowable:
        points = self.r.trend
        months = [i18n.month_short(p.month) for p in points]
        half = CONTENT_WIDTH / 2 - 2 * mm
        height = 62 * mm
        left = charts.trend_bars(self.st.font, self.t("chart.trend"), months,
                                 [(self.t("chart.received"), [p.received for p in points]),
                                  (self.t("chart.major"), [p.major for p in points])],
                                 half, height)
        right = charts.rate_lines(self.st.font, self.t("chart.rates"), months,
                                  [(self.t("col.response_rate"),
                                    [p.response.rate for p in points]),
                                   (self.t("col.resolution_rate"),
                                    [p.resolution.rate for p in points]),
                                   (self.t("col.csat"), [p.csat.rate for p in points])],
                                  half, height)
        pair = Table([[left, right]], colWidths=[half + 2 * mm, half + 2 * mm])
        pair.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.st.font),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return KeepTogether([pair])

    def trend(self) -> None:
        self.h1("sec.trend")
        points = self.r.trend
        rows = [[i18n.month_short(p.month), str(p.received), str(p.major),
                 fmt_percent(p.response.rate), fmt_percent(p.resolution.rate),
                 fmt_percent(p.csat.rate)] for p in points]
        header = [self.t("col.month"), self.t("col.received"), self.t("col.major"),
                  self.t("col.response_rate"), self.t("col.resolution_rate"),
                  self.t("col.csat")]
        self.out.append(layout.table(self.st, header, rows,
                                     [26 * mm, 22 * mm, 22 * mm, 36 * mm, 36 * mm, 30 * mm],
                                     right=(1, 2, 3, 4, 5)))

    # -- 5. backlog
    def backlog(self) -> None:
        self.h1("sec.backlog")
        cur: Summary = self.r.current
        self.body(self.t("backlog.summary", as_of=i18n.fmt_cutoff(self.r.as_of),
                         not_closed=cur.not_closed, open=cur.unresolved, overdue=cur.overdue))
        if self.r.backlog:
            rows = [[i18n.label(self.lang, b.state), str(b.count), str(b.overdue),
                     str(b.from_month)] for b in self.r.backlog]
            rows.append([self.t("col.total"), str(cur.not_closed), str(cur.overdue),
                         str(sum(b.from_month for b in self.r.backlog))])
            header = [self.t("col.state"), self.t("col.sheets"), self.t("col.overdue"),
                      self.t("col.from_month")]
            self.out.append(layout.table(self.st, header, rows,
                                         [70 * mm, 34 * mm, 34 * mm, 40 * mm],
                                         right=(1, 2, 3), total_row=True))
        if self.r.overdue_sheets:
            self.gap()
            rows = []
            for o in self.r.overdue_sheets:
                late_minutes = int((self.r.as_of - o.due_at).total_seconds() // 60)
                rows.append([o.number, fmt_datetime(o.received_at),
                             i18n.label(self.lang, o.severity), self.category(o.category),
                             o.responsible_name or self.dash(),
                             self.t(f"deadline.{o.step}"), fmt_datetime(o.due_at),
                             fmt_duration(self.lang, late_minutes)])
            header = [self.t("col.number"), self.t("col.received_at"),
                      self.t("col.severity"), self.t("col.category"),
                      self.t("col.responsible"), self.t("col.deadline_kind"),
                      self.t("col.due"), self.t("col.overdue_by")]
            self.out.append(layout.table(
                self.st, header, rows,
                [27 * mm, 24 * mm, 16 * mm, 24 * mm, 20 * mm, 16 * mm, 24 * mm, 22 * mm],
                highlight=range(len(rows))))
            self.more(len(self.r.overdue_sheets), cur.overdue)

    # -- 6. repeat complainants
    def repeat(self) -> None:
        self.h1("sec.repeat")
        cur = self.r.current
        self.body(self.t("repeat.summary", count=cur.repeat_customers,
                         in_month=cur.repeat_in_month))
        if not self.r.repeat:
            return
        rows = [[c.name, str(c.in_month), str(c.in_window), fmt_datetime(c.last_received_at)]
                for c in self.r.repeat]
        header = [self.t("col.customer"), self.t("col.in_month"), self.t("col.in_window"),
                  self.t("col.last")]
        self.out.append(layout.table(self.st, header, rows,
                                     [70 * mm, 32 * mm, 32 * mm, 44 * mm], right=(1, 2)))
        self.more(len(self.r.repeat), cur.repeat_customers)

    # -- 7. root causes
    def root_causes(self) -> None:
        self.h1("sec.root_causes")
        total = self.r.current.received
        self.body(self.t("root.summary", total=total, analysed=self.r.analysed,
                         missing=total - self.r.analysed))
        if not self.r.root_causes:
            return
        rows = []
        for g in self.r.root_causes:
            causes = "\n".join(f"• {shorten(text, 90)} ({n})" for text, n in g.causes) \
                or self.dash()
            rows.append([self.category(g.category), self.area(g.area), str(g.count),
                         str(g.analysed), causes])
        header = [self.t("col.category"), self.t("col.area"), self.t("col.sheets"),
                  self.t("col.analysed"), self.t("col.top_causes")]
        self.out.append(layout.table(self.st, header, rows,
                                     [28 * mm, 22 * mm, 14 * mm, 16 * mm, 98 * mm],
                                     right=(2, 3)))

    # -- 8. corrective actions
    def actions(self) -> None:
        self.h1("sec.actions")
        s = self.r.action_summary
        self.body(self.t("actions.summary", total=s.total, effective=s.effective,
                         not_effective=s.not_effective, pending=s.pending, overdue=s.overdue,
                         carried=s.carried_overdue))
        if not self.r.actions:
            return
        rows, late = [], []
        for index, a in enumerate(self.r.actions):
            status = self.t("action.done") if a.done else \
                self.t("action.overdue") if a.overdue else self.t("action.open")
            if a.overdue:
                late.append(index)
            rows.append([a.sheet_number, shorten(a.description, 120),
                         a.owner_name or self.dash(), fmt_date(a.due_date) or self.dash(),
                         status, i18n.label(self.lang, a.effectiveness)])
        header = [self.t("col.sheet"), self.t("col.action"), self.t("col.owner"),
                  self.t("col.due_date"), self.t("col.status"), self.t("col.effectiveness")]
        self.out.append(layout.table(self.st, header, rows,
                                     [27 * mm, 71 * mm, 20 * mm, 20 * mm, 16 * mm, 24 * mm],
                                     highlight=late))
        self.more(len(self.r.actions), s.total)

    # -- 9. satisfaction
    def csat(self) -> None:
        self.h1("sec.csat")
        cur, prev = self.r.current.csat, self.r.previous.csat
        if cur.visits == 0:
            self.body(self.t("csat.none"))
            return
        average = f"{cur.average:.2f}" if cur.average is not None else self.dash()
        self.body(self.t("csat.summary", visits=cur.visits, satisfied=cur.satisfied,
                         rate=fmt_percent(cur.rate), average=average,
                         previous=fmt_percent(prev.rate)))
        scores = self.r.csat_scores
        rows = [[str(score), str(scores[score - 1]),
                 fmt_percent(scores[score - 1] / cur.visits)] for score in range(5, 0, -1)]
        rows.append([self.t("col.total"), str(cur.visits), fmt_percent(1.0)])
        header = [self.t("col.score"), self.t("col.visits"), self.t("col.share")]
        self.out.append(layout.table(self.st, header, rows, [40 * mm, 40 * mm, 40 * mm],
                                     right=(1, 2), center=(0,), total_row=True))

    # -- 10. major complaints
    def major(self) -> None:
        self.h1("sec.major")
        self.body(self.t("major.summary", count=self.r.current.major))
        if not self.r.major:
            return
        self.body(self.t("major.attention", total=self.r.major_listed,
                         attention=self.r.major_attention))
        rows = []
        for m in self.r.major:
            on_time = self.dash() if m.resolved_on_time is None else \
                self.t("sheet.on_time") if m.resolved_on_time else self.t("sheet.late")
            responsible = " / ".join(x for x in (self.area(m.area) if m.area else "",
                                                 m.responsible_name) if x) or self.dash()
            state = i18n.label(self.lang, m.state)
            if m.escalated_to_oem:
                state += f"\n{self.t('col.escalated')}"
            rows.append([f"{m.number}\n{fmt_datetime(m.received_at)}",
                         f"{m.customer_name}\n{i18n.label(self.lang, m.channel)}",
                         f"[{self.category(m.category)}] {shorten(m.description, 110)}",
                         responsible, state, on_time])
        header = [self.t("col.number"), self.t("col.customer"), self.t("col.complaint"),
                  self.t("col.responsible"), self.t("col.state"),
                  self.t("col.resolved_on_time")]
        self.out.append(layout.table(self.st, header, rows,
                                     [28 * mm, 28 * mm, 62 * mm, 22 * mm, 22 * mm, 16 * mm],
                                     highlight=range(min(self.r.major_attention,
                                                         len(rows)))))
        self.more(len(self.r.major), self.r.major_listed)

    # -- 11. definitions
    def definitions(self) -> None:
        self.h1("sec.definitions")
        for key in ("def.scope", "def.as_at", "def.response", "def.resolution", "def.times",
                    "def.backlog", "def.repeat", "def.root", "def.actions", "def.csat",
                    "def.comp", "def.trend"):
            self.small(self.t(key))

    # -- 12. review and signatures
    def review(self) -> None:
        heading = para(self.t("sec.review"), self.st.h1)
        sign = f"{self.t('review.signature')}：" if self.lang != "en" else \
            f"{self.t('review.signature')}:"
        date_text = f"{self.t('review.date')}：" if self.lang != "en" else \
            f"{self.t('review.date')}:"
        rows = []
        for key in ("review.prepared", "review.director", "review.gm"):
            rows.append([para(self.t(key), self.st.head), "",
                         para(f"{sign}\n\n{date_text}", self.st.cell)])
        table = Table(rows, colWidths=[42 * mm, CONTENT_WIDTH - 42 * mm - 48 * mm, 48 * mm],
                      rowHeights=[18 * mm, 30 * mm, 30 * mm])
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.st.font),
            ("GRID", (0, 0), (-1, -1), 0.5, layout.GRID),
            ("BACKGROUND", (0, 0), (0, -1), layout.HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ]))
        self.out.append(KeepTogether([CondPageBreak(90 * mm), heading, table]))


def render_monthly(report: MonthlyReport, lang: str = i18n.DEFAULT_LANGUAGE, *,
                   font: PdfFont | None = None) -> bytes:
    """The report as PDF bytes in ``lang`` (``zh_CN``, ``zh_TW`` or ``en``)."""
    lang = i18n.normalize_language(lang)
    font = font or pdf_font()
    writer = _Writer(report, lang, font)
    flowables = writer.build()
    title = i18n.text(lang, "report.title")
    footer = i18n.text(lang, "report.footer", title=title, store=writer.store_title,
                       month=writer.month_title)
    return layout.build(
        flowables,
        font=font,
        title=f"{title} {writer.month_title}",
        subject=f"{writer.store_title} {writer.month_title}",
        footer=footer,
        page_text=lambda page, pages: i18n.text(lang, "report.page", page=page, pages=pages),
        lang=lang,
        author=f"{writer.store_title} · {i18n.text(lang, 'report.prepared_by.value')}",
        created=report.generated_at,
    )
