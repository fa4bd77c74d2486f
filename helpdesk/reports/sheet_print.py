"""One complaint sheet (《抱怨/投诉单》) printed as the paper form, for signatures.

Every field of DESIGN.md section 2 in the form's groups — identity, customer, vehicle
or order, the complaint and the customer's request, responsibility, root cause,
correction and compensation, long-term measure, rework, return visits, progress log,
corrective actions, workflow history, close-out — then signature boxes for the
responsible person and the service director (and customer care, who files it).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from helpdesk.domain import validation, vocabulary
from helpdesk.reports import i18n, layout
from helpdesk.reports.documents import SheetDocument
from helpdesk.reports.fonts import PdfFont, pdf_font
from helpdesk.reports.i18n import fmt_amount, fmt_date, fmt_datetime
from helpdesk.reports.layout import CONTENT_WIDTH, para

_SATISFACTION_NOTE = re.compile(r"satisfaction (\d)")
_THUMB = 38 * mm  # the longer side of a printed photo


@dataclass(frozen=True)
class PrintedAttachment:
    """An attachment as the printout lists it (issue 11); ``image``: the bytes of a
    photo to print as a thumbnail (None for other files)."""

    filename: str
    caption: str
    size: int
    added_at: datetime
    added_by_name: str
    image: bytes | None = None


def _thumbnail(data: bytes) -> Flowable | None:
    """A photo scaled into a _THUMB box (None when reportlab cannot read it)."""
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
        scale = _THUMB / max(width, height, 1)
        return Image(io.BytesIO(data), width=width * scale, height=height * scale)
    except Exception:  # noqa: BLE001 - a damaged or unknown picture is listed by name only
        return None


class _SheetWriter:
    def __init__(self, sheet: SheetDocument, lang: str, font: PdfFont,
                 categories: Mapping[str, tuple[str, ...]], printed_at: datetime,
                 attachments: Sequence[PrintedAttachment] = ()) -> None:
        self.d = sheet
        self.attachments = list(attachments)
        self.lang = lang
        self.st = layout.styles(font, lang)
        self.categories = dict(categories)
        self.printed_at = printed_at
        self.out: list[Flowable] = []

    def t(self, key: str, **values: object) -> str:
        return i18n.text(self.lang, key, **values)

    def yes_no(self, value: bool) -> str:
        return self.t("sheet.yes") if value else self.t("sheet.no")

    def section(self, key: str) -> None:
        self.out.append(CondPageBreak(30 * mm))
        self.out.append(para(self.t(key), self.st.h2))

    def gap(self) -> None:
        self.out.append(Spacer(1, 2 * mm))

    def when_on_time(self, at: datetime | None, on_time: bool | None, by: str = "") -> str:
        if at is None:
            return ""
        parts = [fmt_datetime(at)]
        if by:
            parts.append(by)
        if on_time is not None:
            parts.append(self.t("sheet.on_time") if on_time else self.t("sheet.late"))
        return " · ".join(parts)

    def build(self) -> list[Flowable]:
        d = self.d
        self.out.append(para(self.t("sheet.title"), self.st.title))
        self.out.append(para(f"{d.store_name} · {d.number}", self.st.subtitle))
        self.identity()
        self.customer()
        self.vehicle_or_order()
        self.texts()
        self.lists()
        self.attachment_list()
        self.close_out()
        self.signatures()
        return self.out

    def identity(self) -> None:
        d = self.d
        self.section("sheet.sec.identity")
        pairs = [
            (self.t("sheet.number"), d.number),
            (self.t("sheet.store"), d.store_name),
            (self.t("sheet.received_at"), fmt_datetime(d.received_at)),
            (self.t("sheet.received_by"), d.received_by_name),
            (self.t("sheet.channel"), i18n.label(self.lang, d.channel)),
            (self.t("sheet.severity"), i18n.label(self.lang, d.severity)),
            (self.t("sheet.category"), i18n.category_name(self.lang, self.categories,
                                                          d.category)),
            (self.t("sheet.state"), i18n.label(self.lang, d.state)),
            (self.t("sheet.response_due"), fmt_datetime(d.response_due_at)),
            (self.t("sheet.acknowledged"), self.when_on_time(
                d.acknowledged_at, d.response_on_time, d.acknowledged_by_name)),
            (self.t("sheet.resolution_due"), fmt_datetime(d.resolution_due_at)),
            (self.t("sheet.resolved"), self.when_on_time(d.resolved_at,
                                                         d.resolution_on_time)),
            (self.t("sheet.escalated"), self.yes_no(d.escalated_to_oem)),
        ]
        self.out.append(layout.field_grid(self.st, pairs))

    def customer(self) -> None:
        d = self.d
        self.section("sheet.sec.customer")
        self.out.append(layout.field_grid(self.st, [
            (self.t("sheet.customer_name"), d.customer_name),
            (self.t("sheet.customer_phone"), validation.display_phone(d.customer_phone)),
        ]))

    def vehicle_or_order(self) -> None:
        d = self.d
        if d.vehicle is not None:
            v = d.vehicle
            self.section("sheet.sec.vehicle")
            mileage = d.mileage_km if d.mileage_km is not None else v.mileage_km
            self.out.append(layout.field_grid(self.st, [
                (self.t("sheet.vin"), vocabulary.vin_shown(v.vin, self.lang)),
                (self.t("sheet.plate"), v.plate),
                (self.t("sheet.brand_model"), " ".join(x for x in (v.brand, v.model) if x)),
                (self.t("sheet.mileage"),
                 self.t("sheet.km", km=f"{mileage:,}") if mileage is not None else ""),
                (self.t("sheet.purchase_date"), fmt_date(v.purchase_date)),
            ]))
        elif d.order is not None:
            o = d.order
            self.section("sheet.sec.order")
            self.out.append(layout.field_grid(self.st, [
                (self.t("sheet.order_number"), o.number),
                (self.t("sheet.order_date"), fmt_date(o.ordered_at)),
                (self.t("sheet.order_amount"),
                 self.t("sheet.yuan", amount=fmt_amount(o.amount_cents))),
                (self.t("sheet.order_items"), o.items),
            ]))
        else:
            self.section("sheet.sec.vehicle")
            self.out.append(para(self.t("sheet.no_vehicle"), self.st.body))

    def texts(self) -> None:
        d = self.d
        empty = self.t("sheet.empty")
        self.gap()
        for key, value in (("sheet.sec.complaint", d.description),
                           ("sheet.sec.request", d.customer_request)):
            self.out += layout.text_box(self.st, self.t(key), value, empty)
            self.gap()
        self.section("sheet.sec.responsibility")
        self.out.append(layout.field_grid(self.st, [
            (self.t("sheet.area"), i18n.label(self.lang, d.responsible_area)),
            (self.t("sheet.responsible"), d.responsible_name),
        ]))
        self.gap()
        self.out += layout.text_box(self.st, self.t("sheet.sec.root_cause"), d.root_cause,
                                    empty)
        self.gap()
        correction = d.correction
        if d.compensation_cents:
            amount = self.t("sheet.yuan", amount=fmt_amount(d.compensation_cents))
            correction = f"{correction}\n{self.t('sheet.compensation')}: {amount}".strip()
        self.out += layout.text_box(self.st, self.t("sheet.sec.correction"), correction, empty)
        self.gap()
        self.out += layout.text_box(self.st, self.t("sheet.sec.measure"),
                                    d.long_term_measure, empty)
        self.section("sheet.sec.rework")
        self.out.append(layout.field_grid(self.st, [
            (self.t("sheet.rework_needed"), self.yes_no(d.rework_needed)),
            (self.t("sheet.rework_done"), fmt_datetime(d.rework_completed_at)),
        ]))

    def _list(self, key: str, header: list[str], rows: list[list[str]],
              widths: list[float]) -> None:
        self.section(key)
        if rows:
            self.out.append(layout.table(self.st, header, rows, widths))
        else:
            self.out.append(para(self.t("report.none"), self.st.body))

    def lists(self) -> None:
        d, lang = self.d, self.lang
        self._list(
            "sheet.sec.visits",
            [self.t("sheet.visit_at"), self.t("sheet.visit_by"), self.t("sheet.visit_kind"),
             self.t("sheet.visit_method"), self.t("sheet.visit_score"),
             self.t("sheet.visit_feedback")],
            [[fmt_datetime(v.visited_at), v.by_name, i18n.label(lang, v.kind),
              i18n.method_label(lang, v.method), f"{v.satisfaction}/5", v.feedback]
             for v in d.visits],
            [26 * mm, 20 * mm, 24 * mm, 14 * mm, 14 * mm, 80 * mm],
        )
        self._list(
            "sheet.sec.progress",
            [self.t("sheet.progress_at"), self.t("sheet.progress_by"),
             self.t("sheet.progress_text"), self.t("sheet.progress_notified")],
            [[fmt_datetime(p.at), p.by_name, p.text, self.yes_no(p.customer_notified)]
             for p in d.progress],
            [26 * mm, 20 * mm, 112 * mm, 20 * mm],
        )
        self._list(
            "sheet.sec.actions",
            [self.t("col.action"), self.t("col.owner"), self.t("col.due_date"),
             self.t("col.status"), self.t("col.effectiveness"), self.t("sheet.history_note")],
            [[a.description, a.owner_name, fmt_date(a.due_date),
              self.t("action.done") if a.done_at else self.t("action.open"),
              i18n.label(lang, a.effectiveness), a.check_note] for a in d.actions],
            [62 * mm, 18 * mm, 20 * mm, 16 * mm, 20 * mm, 42 * mm],
        )
        self._list(
            "sheet.sec.history",
            [self.t("sheet.progress_at"), self.t("sheet.progress_by"),
             self.t("sheet.history_action"), self.t("sheet.history_from"),
             self.t("sheet.history_to"), self.t("sheet.history_note")],
            [[fmt_datetime(t.at), t.by_name, i18n.action_label(lang, t.action),
              i18n.label(lang, t.from_state), i18n.label(lang, t.to_state),
              self.note(t.action, t.note)] for t in d.transitions],
            [26 * mm, 20 * mm, 20 * mm, 24 * mm, 24 * mm, 64 * mm],
        )

    def attachment_list(self) -> None:
        """The files of the sheet, then the photos as thumbnails with their captions."""
        self._list(
            "sheet.sec.attachments",
            [self.t("sheet.att_file"), self.t("sheet.att_caption"), self.t("sheet.att_added"),
             self.t("sheet.att_size")],
            [[a.filename, a.caption, f"{fmt_datetime(a.added_at)} {a.added_by_name}".strip(),
              f"{max(1, round(a.size / 1024))} KB"] for a in self.attachments],
            [50 * mm, 70 * mm, 40 * mm, 18 * mm],
        )
        cells: list[list[Flowable]] = []
        for a in self.attachments:
            picture = _thumbnail(a.image) if a.image else None
            if picture is not None:
                cells.append([picture, para(a.caption or a.filename, self.st.small)])
        per_row = 4
        if cells:
            rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
            rows[-1] += [[Spacer(1, 1)]] * (per_row - len(rows[-1]))
            grid = Table(rows, colWidths=[CONTENT_WIDTH / per_row] * per_row)
            grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
            self.gap()
            self.out.append(grid)

    def note(self, action: str, note: str) -> str:
        # The workflow writes "satisfaction 4" on a return visit; say it in the reader's
        # language. Notes typed by staff are printed as typed.
        match = _SATISFACTION_NOTE.fullmatch(note)
        if action == "return_visit" and match:
            return f"{self.t('sheet.visit_score')} {match[1]}/5"
        return note

    def close_out(self) -> None:
        d = self.d
        self.section("sheet.sec.close")
        self.out.append(layout.field_grid(self.st, [
            (self.t("sheet.closed_by"), d.closed_by_name),
            (self.t("sheet.closed_at"), fmt_datetime(d.closed_at)),
            (self.t("sheet.closing_remark"), d.closing_remark),
        ]))

    def signatures(self) -> None:
        colon = ":" if self.lang == "en" else "："
        boxes = []
        for key in ("sheet.sign.responsible", "sheet.sign.director", "sheet.sign.customer_care"):
            boxes.append(para(f"{self.t(key)}{colon}\n\n\n\n{self.t('sheet.sign.date')}{colon}",
                              self.st.cell))
        table = Table([boxes], colWidths=[CONTENT_WIDTH / 3] * 3, rowHeights=[30 * mm])
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.st.font),
            ("GRID", (0, 0), (-1, -1), 0.5, layout.GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ]))
        printed = para(self.t("sheet.printed", at=fmt_datetime(self.printed_at)),
                       self.st.small)
        self.out.append(KeepTogether([para(self.t("sheet.sec.signatures"), self.st.h2),
                                      table, Spacer(1, 2 * mm), printed]))


def render_sheet(sheet: SheetDocument, lang: str = i18n.DEFAULT_LANGUAGE, *,
                 categories: Mapping[str, tuple[str, ...]], printed_at: datetime,
                 font: PdfFont | None = None,
                 attachments: Sequence[PrintedAttachment] = ()) -> bytes:
    """The sheet as a PDF form in ``lang``.

    Args:
        sheet: the sheet as the services return it (phone masked for viewers without
            the right to see it).
        categories: category code → [简体, 繁體, English].
        printed_at: the time printed at the foot of the form.
        attachments: the sheet's files, photos with their bytes (issue 11).
    """
    lang = i18n.normalize_language(lang)
    font = font or pdf_font()
    writer = _SheetWriter(sheet, lang, font, categories, printed_at, attachments)
    title = i18n.text(lang, "sheet.title")
    return layout.build(
        writer.build(),
        font=font,
        title=f"{title} {sheet.number}",
        subject=sheet.store_name,
        footer=f"{title} · {sheet.number} · {sheet.store_name}",
        page_text=lambda page, pages: i18n.text(lang, "report.page", page=page, pages=pages),
        lang=lang,
    )
